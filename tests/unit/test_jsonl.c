/*
 * test_jsonl.c: unit tests of the JSON Lines record reader (src/io/jsonl.c):
 * its string decoder, which copies plain runs sixteen bytes at a time as
 * it scans them, checked by hand and against a byte-at-a-time reference
 * over many generated strings, with escapes at every place of a block.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "runner.h"
#include "../src/io/jsonl.h"

static uint64_t rng_state = 0x2545f4914f6cdd1du;

static uint64_t rng(void)
{
	return lw_test_xorshift(&rng_state);
}

/* Parse line (copied to a block of its exact length, so that a read past
 * it is seen by the sanitizers); returns what lw_jsonl_parse returns. */
static int parse(struct lw_jsonl_record *rec, const char *line, size_t n, char *err,
		 size_t *at)
{
	char *copy = malloc(n ? n : 1);
	if (!copy)
		return -2;
	memcpy(copy, line, n);
	int r = lw_jsonl_parse(copy, n, rec, err, 128, at);
	free(copy);
	return r;
}

/* The "text" of a record {"id":"x","text":"<body>","date":null}. */
static int text_of(struct lw_jsonl_record *rec, const char *body, size_t bn, char *err,
		   size_t *at)
{
	char line[1024];
	static const char head[] = "{\"id\":\"x\",\"text\":\"", tail[] = "\",\"date\":null}";
	if (bn + sizeof head + sizeof tail > sizeof line)
		return -2;
	memcpy(line, head, sizeof head - 1);
	memcpy(line + sizeof head - 1, body, bn);
	memcpy(line + sizeof head - 1 + bn, tail, sizeof tail - 1);
	return parse(rec, line, sizeof head - 1 + bn + sizeof tail - 1, err, at);
}

static void check_text(const char *body, const char *want, size_t wn)
{
	struct lw_jsonl_record rec = {LW_BUF_INIT, {{0, 0, 0}}};
	char err[128] = "";
	size_t at = 0;
	int r = text_of(&rec, body, strlen(body), err, &at);
	CHECK(r == 0);
	if (r == 0) {
		CHECK(rec.field[LW_JSONL_TEXT].kind == LW_JSONL_STRING);
		CHECK(rec.field[LW_JSONL_TEXT].len == wn);
		CHECK(memcmp(lw_jsonl_value(&rec, LW_JSONL_TEXT), want, wn) == 0);
		CHECK(lw_jsonl_value(&rec, LW_JSONL_TEXT)[wn] == 0);
		CHECK(strcmp(lw_jsonl_value(&rec, LW_JSONL_ID), "x") == 0);
		CHECK(rec.field[LW_JSONL_DATE].kind == LW_JSONL_NULL);
	}
	lw_jsonl_release(&rec);
}

#define TEXT(body, want) check_text(body, want, sizeof(want) - 1)

/* Escapes decoded at the start, the end and every place of a 16-byte
 * block, and raw UTF-8 passed through. */
static void strings_decoded_by_hand(void)
{
	TEXT("", "");
	TEXT("Kabul", "Kabul");
	TEXT("\\n", "\n");
	TEXT("a \\\"quote\\\" and a \\\\ back\\/slash", "a \"quote\" and a \\ back/slash");
	TEXT("\\b\\f\\n\\r\\t", "\b\f\n\r\t");
	TEXT("0123456789abcde\\nfghij", "0123456789abcde\nfghij");
	TEXT("0123456789abcdef\\nghij", "0123456789abcdef\nghij");
	TEXT("0123456789abcdef0123456789abcde\\\"", "0123456789abcdef0123456789abcde\"");
	TEXT("\\u00e9t\\u00E9 \\u2014 \\u0041", "\xc3\xa9t\xc3\xa9 \xe2\x80\x94 A");
	TEXT("smile \\ud83d\\ude00!", "smile \xf0\x9f\x98\x80!");
	/* a lone surrogate, high or low, is U+FFFD */
	TEXT("lone \\ud800 and \\udc00.", "lone \xef\xbf\xbd and \xef\xbf\xbd.");
	TEXT("Ar Ru\xc5\xa3" "bah 0123456789abcdef", "Ar Ru\xc5\xa3" "bah 0123456789abcdef");
}

/* Errors inside a string, with the offset of the byte at fault. */
static void string_errors(void)
{
	static const struct {
		const char *body;
		const char *msg;
		size_t at; /* in the body */
	} t[] = {
		{"0123456789abcdef\\q", "invalid escape in string", 16},
		{"ab\\u12x4", "invalid \\u escape", 6},
		{"0123456789abcdef0123\x01", "control character in string", 20},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		struct lw_jsonl_record rec = {LW_BUF_INIT, {{0, 0, 0}}};
		char err[128] = "";
		size_t at = 0;
		CHECK(text_of(&rec, t[i].body, strlen(t[i].body), err, &at) == -1);
		CHECK_STR(err, t[i].msg);
		CHECK(at == strlen("{\"id\":\"x\",\"text\":\"") + t[i].at);
		lw_jsonl_release(&rec);
	}
	/* a string the line ends in */
	struct lw_jsonl_record rec = {LW_BUF_INIT, {{0, 0, 0}}};
	char err[128] = "";
	size_t at = 0;
	static const char cut[] = "{\"text\":\"0123456789abcdef0123";
	CHECK(parse(&rec, cut, sizeof cut - 1, err, &at) == -1);
	CHECK_STR(err, "unterminated string");
	static const char cut_escape[] = "{\"text\":\"0123456789abcdef\\";
	CHECK(parse(&rec, cut_escape, sizeof cut_escape - 1, err, &at) == -1);
	CHECK_STR(err, "unterminated string");
	lw_jsonl_release(&rec);
}

/* A JSON string body decoded a byte at a time: its length in out, or -1
 * when it is not valid. Every escape the generator below writes is
 * well-formed, so that this needs no error offsets. */
static long ref_decode(char *out, const char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == '"')
			return -1;
		if (c != '\\') {
			out[o++] = (char)c;
			i++;
			continue;
		}
		char e = s[i + 1];
		const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
		if (e != 'u') {
			out[o++] = to[strchr(from, e) - from];
			i += 2;
			continue;
		}
		unsigned cp = (unsigned)strtoul((char[5]){s[i + 2], s[i + 3], s[i + 4], s[i + 5], 0},
						NULL, 16);
		i += 6;
		if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= n && s[i] == '\\' && s[i + 1] == 'u') {
			unsigned lo = (unsigned)strtoul(
				(char[5]){s[i + 2], s[i + 3], s[i + 4], s[i + 5], 0}, NULL, 16);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				i += 6;
			}
		}
		if (cp >= 0xD800 && cp <= 0xDFFF)
			cp = 0xFFFD;
		if (cp < 0x80) {
			out[o++] = (char)cp;
		} else if (cp < 0x800) {
			out[o++] = (char)(0xC0 | (cp >> 6));
			out[o++] = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			out[o++] = (char)(0xE0 | (cp >> 12));
			out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			out[o++] = (char)(0x80 | (cp & 0x3F));
		} else {
			out[o++] = (char)(0xF0 | (cp >> 18));
			out[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
			out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			out[o++] = (char)(0x80 | (cp & 0x3F));
		}
	}
	return (long)o;
}

/* Generated strings of plain runs, escapes and raw UTF-8, of every length
 * up to several 16-byte blocks, decoded as the reference decodes them. */
static void strings_match_reference(void)
{
	static const char *const pieces[] = {
		"a",      "Kabul ",  "0123456789", " ",        "\\\"",         "\\\\",
		"\\/",    "\\n",     "\\r",        "\\t",      "\\b",          "\\f",
		"\\u0041", "\\u00e9", "\\u2014",   "\\uffff",  "\\ud83d\\ude00", "\\ud800",
		"\\udfff", "\xc3\xa9", "\xe2\x80\x94", "\x7f",  "\xff",
	};
	size_t np = sizeof pieces / sizeof *pieces;
	int rounds = lw_test_slow ? 200000 : 5000;
	char body[200], want[200];
	for (int round = 0; round < rounds; round++) {
		size_t n = 0, target = (size_t)(rng() % 120);
		while (n < target) {
			size_t k = rng() % 4 ? (size_t)(rng() % 4) : (size_t)(rng() % np);
			size_t pl = strlen(pieces[k]);
			if (n + pl > sizeof body)
				break;
			memcpy(body + n, pieces[k], pl);
			n += pl;
		}
		long wn = ref_decode(want, body, n);
		struct lw_jsonl_record rec = {LW_BUF_INIT, {{0, 0, 0}}};
		char err[128] = "";
		size_t at = 0;
		int r = text_of(&rec, body, n, err, &at);
		if (wn < 0 || r != 0 || rec.field[LW_JSONL_TEXT].len != (size_t)wn ||
		    memcmp(lw_jsonl_value(&rec, LW_JSONL_TEXT), want, (size_t)wn) != 0) {
			lw_check_fail(__FILE__, __LINE__,
				      "round %d: %zu bytes decoded unlike the reference (%s)", round, n,
				      r ? err : "no error");
			lw_jsonl_release(&rec);
			return;
		}
		lw_jsonl_release(&rec);
	}
}

LW_TESTS(jsonl_tests) = {
	{"jsonl/strings_decoded_by_hand", strings_decoded_by_hand},
	{"jsonl/string_errors", string_errors},
	{"jsonl/strings_match_reference", strings_match_reference},
	LW_END_TESTS,
};
