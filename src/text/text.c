/*
 * text.c: the text layer's entry point: scan, mark quotation marks that
 * may open or close, split sentences and paragraphs, find the dateline.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"

/*
 * A straight mark (" or ') opens when nothing sticks to its left (start,
 * space, an opening bracket or dash) and closes when nothing sticks to its
 * right; glued on both sides it may do either. Curly marks said what they
 * are in the scanner, but ’ after a space and before a word ("’Tis") may
 * open too. The marks go to t->qmark (room for nmarks) as they are met.
 */
static void mark_quotes(struct lw_text *t, const uint32_t *marks, size_t nmarks)
{
	for (size_t m = 0; m < nmarks; m++) { /* every quotation mark is a mark */
		size_t i = marks[m];
		if (i >= t->ntok)
			break;
		lw_token *k = &t->tok[i];
		if (k->kind != LW_TOK_QUOTE)
			continue;
		t->qmark[t->nqmark++] = (uint32_t)i;
		unsigned f = k->flags & (LW_TF_QUOTE_OPEN | LW_TF_QUOTE_CLOSE);
		int left_free = i == 0 || (k->flags & LW_TF_SPACE_BEFORE) ||
				t->tok[i - 1].kind == LW_TOK_DASH ||
				(t->tok[i - 1].kind == LW_TOK_PUNCT &&
				 (t->p[t->tok[i - 1].start] == '(' || t->p[t->tok[i - 1].start] == '['));
		int right_free = i + 1 == t->ntok || (t->tok[i + 1].flags & LW_TF_SPACE_BEFORE) ||
				 t->tok[i + 1].kind == LW_TOK_PUNCT || t->tok[i + 1].kind == LW_TOK_TERM;
		if (f == (LW_TF_QUOTE_OPEN | LW_TF_QUOTE_CLOSE)) {
			if (left_free && !right_free)
				f = LW_TF_QUOTE_OPEN;
			else if (right_free && !left_free)
				f = LW_TF_QUOTE_CLOSE;
		} else if (f == LW_TF_QUOTE_CLOSE && left_free && !right_free) {
			f |= LW_TF_QUOTE_OPEN; /* ’ used as an opening mark */
		} else if (f == LW_TF_QUOTE_OPEN && right_free && !left_free) {
			f |= LW_TF_QUOTE_CLOSE; /* “ used as a closing mark */
		}
		k->flags = (uint16_t)((k->flags & ~(LW_TF_QUOTE_OPEN | LW_TF_QUOTE_CLOSE)) | f);
	}
}

void lw_text_release(struct lw_text *t)
{
	free(t->tok);
	free(t->sent);
	t->tok = NULL;
	t->sent = NULL;
	t->tok_sent = NULL; /* in the arena */
	t->ntok = t->nsent = 0;
}

lw_status lw_text_analyze(struct lw_arena *a, const char *p, size_t len,
			  const struct lw_text_lexicon *lex, struct lw_text *out)
{
	memset(out, 0, sizeof *out);
	out->p = p;
	out->len = len;
	uint32_t *marks = NULL;
	size_t nmarks = 0;
	lw_status st = lw_scan_marked(a, p, len, lex, &out->tok, &out->ntok, &marks, &nmarks);
	if (st != LW_OK)
		return st;
	out->qmark = lw_arena_alloc(a, (nmarks + 1) * sizeof *out->qmark);
	if (!out->qmark) {
		free(marks);
		return LW_ENOMEM;
	}
	mark_quotes(out, marks, nmarks);
	st = lw_split(a, out, lex, marks, nmarks);
	free(marks);
	if (st != LW_OK)
		return st;
	lw_find_dateline(out);
	return LW_OK;
}
