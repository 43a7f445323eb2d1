/*
 * check_text.c: shared invariant checker for text-layer results, used by
 * the unit tests and on random inputs.
 */
#include "check_text.h"

#include <string.h>

#include "harness.h"

/* Is [p, p+n) white space only (ASCII space and controls, NBSP, U+2000-
 * U+200D, U+2028, U+2029, U+202F, U+205F, U+2060, U+3000, BOM, U+0085)? */
static int all_space(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = p[i];
		if (c < 0x20 || c == ' ' || c == 0x7F) {
			i++;
		} else if (c == 0xC2 && i + 1 < n && (p[i + 1] == 0xA0 || p[i + 1] == 0x85)) {
			i += 2;
		} else if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
			   (p[i + 2] <= 0x8D || p[i + 2] == 0xA8 || p[i + 2] == 0xA9 || p[i + 2] == 0xAF)) {
			i += 3;
		} else if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x81 &&
			   (p[i + 2] == 0x9F || p[i + 2] == 0xA0)) {
			i += 3;
		} else if (c == 0xE3 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80) {
			i += 3;
		} else if (c == 0xEF && i + 2 < n && p[i + 1] == 0xBB && p[i + 2] == 0xBF) {
			i += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

void check_text_invariants(const lw_doc *doc)
{
	size_t nt, ns, np;
	const lw_token *t = lw_doc_tokens(doc, &nt);
	const lw_sentence *s = lw_doc_sentences(doc, &ns);
	const lw_paragraph *p = lw_doc_paragraphs(doc, &np);
	lw_str text = lw_doc_text(doc);
	const unsigned char *b = (const unsigned char *)text.ptr;
	size_t at = 0;
	for (size_t i = 0; i < nt; i++) {
		CHECK(t[i].start < t[i].end);
		CHECK(t[i].end <= text.len);
		CHECK(t[i].start >= at);
		if (t[i].start < at || t[i].end > text.len)
			return;
		if (!all_space(b + at, t[i].start - at))
			lw_check_fail(__FILE__, __LINE__, "bytes %zu-%u lost between tokens", at,
				      t[i].start);
		at = t[i].end;
	}
	if (!all_space(b + at, text.len - at))
		lw_check_fail(__FILE__, __LINE__, "bytes after the last token lost");
	/* sentences partition the tokens */
	size_t next = 0;
	for (size_t i = 0; i < ns; i++) {
		CHECK_INT(s[i].first_token, next);
		CHECK(s[i].end_token > s[i].first_token);
		CHECK(s[i].end_token <= nt);
		if (s[i].end_token > nt || s[i].first_token >= s[i].end_token)
			return;
		CHECK_INT(s[i].start, t[s[i].first_token].start);
		CHECK_INT(s[i].end, t[s[i].end_token - 1].end);
		next = s[i].end_token;
	}
	CHECK_INT(next, nt);
	/* paragraphs partition the sentences */
	next = 0;
	for (size_t i = 0; i < np; i++) {
		CHECK_INT(p[i].first_sentence, next);
		CHECK(p[i].end_sentence > p[i].first_sentence);
		for (size_t k = p[i].first_sentence; k < p[i].end_sentence && k < ns; k++)
			CHECK_INT(s[k].paragraph, i);
		next = p[i].end_sentence;
	}
	CHECK_INT(next, ns);
}

lw_doc *code_text(const char *text, size_t len, unsigned stages)
{
	lw_input in;
	memset(&in, 0, sizeof in);
	in.text = text;
	in.text_len = len;
	in.id = "test";
	in.id_len = 4;
	lw_options opt;
	lw_options_init(&opt);
	opt.stages = stages;
	lw_doc *doc = NULL;
	lw_error err;
	if (lw_code((const lw_kb *)test_kb(), &opt, &in, &doc, &err) != LW_OK)
		lw_check_fail(__FILE__, __LINE__, "lw_code failed: %s", err.message);
	return doc;
}
