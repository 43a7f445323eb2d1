/*
 * sentences.c: sentence and paragraph splitting over tokens.
 *
 * A sentence ends at a terminal mark (. ! ? ...) followed by a word that
 * can start one (capitalised, a number, an opening quotation mark); the
 * closing quotation marks and brackets right after the mark stay with the
 * sentence they close, so a quote that spans sentences ends where its
 * words end. Titles ("Mr.", "Gen.") never end a sentence; other
 * abbreviations ("U.S.", "Inc.") end one only before a word that usually
 * starts a sentence ("The", "He"). A paragraph break always ends a
 * sentence; a single line break does too, unless the next line goes on in
 * lower case (text wrapped by hand).
 *
 * It does not find quotations or their speakers (extract/quotes.c).
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "../lex/wordset.h"
#include "../util/arena.h"

static int is_closer(const struct lw_text *t, size_t i)
{
	const lw_token *k = &t->tok[i];
	if (k->flags & LW_TF_SPACE_BEFORE)
		return 0;
	if (k->kind == LW_TOK_QUOTE)
		return (k->flags & LW_TF_QUOTE_CLOSE) != 0;
	if (k->kind == LW_TOK_PUNCT)
		return t->p[k->start] == ')' || t->p[k->start] == ']';
	return 0;
}

/* Can token j start a sentence? */
static int starts_sentence(const struct lw_text *t, size_t j)
{
	const lw_token *k = &t->tok[j];
	switch (k->kind) {
	case LW_TOK_WORD:
		return !(k->flags & LW_TF_LOWER);
	case LW_TOK_NUMBER:
	case LW_TOK_QUOTE:
	case LW_TOK_DASH:
	case LW_TOK_URL:
	case LW_TOK_EMAIL:
	case LW_TOK_SYMBOL:
		return 1;
	case LW_TOK_ABBREV:
		return !(k->flags & LW_TF_LOWER);
	case LW_TOK_PUNCT:
		return t->p[k->start] == '(' || t->p[k->start] == '[';
	default:
		return 0;
	}
}

/* Is abbreviation i an initial ("J." of "J. Smith")? */
static int abbrev_is_initial(const struct lw_text *t, size_t i)
{
	const lw_token *k = &t->tok[i];
	return lw_tok_len(k) == 2 && (unsigned char)(t->p[k->start] - 'A') < 26;
}

static int abbrev_is_title(const struct lw_text *t, const struct lw_text_lexicon *lex, size_t i)
{
	const lw_token *k = &t->tok[i];
	size_t n = lw_tok_len(k);
	return lex && n > 1 && lw_wordset_has(lex->abbrev_title, t->p + k->start, n - 1);
}

static int is_starter(const struct lw_text *t, const struct lw_text_lexicon *lex, size_t j)
{
	const lw_token *k = &t->tok[j];
	if (k->kind == LW_TOK_QUOTE)
		return 1;
	if (k->kind != LW_TOK_WORD || !lex)
		return 0;
	return lw_wordset_has_lower(lex->starters, t->p + k->start, lw_tok_len(k));
}

/*
 * Does a sentence end after token i (a terminal mark or abbreviation, with
 * its closers up to `last`)? j = last + 1 is the next token.
 */
static int ends_after(const struct lw_text *t, const struct lw_text_lexicon *lex, size_t i,
		      size_t j)
{
	if (j >= t->ntok)
		return 1;
	const lw_token *k = &t->tok[i], *nx = &t->tok[j];
	if (nx->flags & LW_TF_NEWLINE_BEFORE)
		return 1;
	if (k->kind == LW_TOK_ABBREV) {
		if (!(nx->flags & LW_TF_SPACE_BEFORE) || abbrev_is_title(t, lex, i))
			return 0;
		/* an initial ends a sentence only before a capitalised word
		 * that begins one, never a name: "a post on X. No one was
		 * hurt", "Malcolm X. He" ("J. Smith", "Charles G. and David
		 * H. Koch" and "(R-S.C.) and" stay whole) */
		if (abbrev_is_initial(t, i))
			return j == i + 1 && (k->flags & LW_TF_SPACE_BEFORE) && nx->kind == LW_TOK_WORD &&
			       (nx->flags & LW_TF_CAP) && is_starter(t, lex, j);
		return is_starter(t, lex, j);
	}
	if (!(nx->flags & LW_TF_SPACE_BEFORE)) {
		/* "them.The": a full stop lost its space */
		if (j != i + 1 || t->p[k->start] != '.' || lw_tok_len(k) != 1 || i == 0)
			return 0;
		const lw_token *pv = &t->tok[i - 1];
		return pv->kind == LW_TOK_WORD && (pv->flags & LW_TF_LOWER) && lw_tok_len(pv) >= 2 &&
		       nx->kind == LW_TOK_WORD && (nx->flags & LW_TF_CAP) &&
		       !(nx->flags & LW_TF_UPPER);
	}
	return starts_sentence(t, j);
}

struct splitter {
	struct lw_arena *a;
	struct lw_text *t;
	size_t cap_s, cap_p;
	int oom;
};

static void add_sentence(struct splitter *sp, size_t first, size_t end)
{
	struct lw_text *t = sp->t;
	if (first >= end)
		return;
	if (t->nsent == sp->cap_s) {
		size_t cap = sp->cap_s ? sp->cap_s * 2 : 64;
		lw_sentence *s = realloc(t->sent, cap * sizeof *s);
		if (!s) {
			sp->oom = 1;
			return;
		}
		t->sent = s;
		sp->cap_s = cap;
	}
	lw_sentence *s = &t->sent[t->nsent++];
	s->first_token = (uint32_t)first;
	s->end_token = (uint32_t)end;
	s->start = t->tok[first].start;
	s->end = t->tok[end - 1].end;
	s->paragraph = (uint32_t)(t->npara ? t->npara - 1 : 0);
}

static void add_paragraph(struct splitter *sp, size_t first_sentence)
{
	struct lw_text *t = sp->t;
	if (t->npara == sp->cap_p) {
		size_t cap = sp->cap_p ? sp->cap_p * 2 : 16;
		lw_paragraph *p = lw_arena_grow(sp->a, t->para, t->npara * sizeof *p, cap * sizeof *p);
		if (!p) {
			sp->oom = 1;
			return;
		}
		t->para = p;
		sp->cap_p = cap;
	}
	lw_paragraph *p = &t->para[t->npara++];
	p->first_sentence = p->end_sentence = (uint32_t)first_sentence;
	p->start = p->end = 0;
}

static int is_soft_cut(const struct lw_text *t, size_t i)
{
	const lw_token *k = &t->tok[i];
	if (k->kind == LW_TOK_DASH || k->kind == LW_TOK_QUOTE)
		return 1;
	return k->kind == LW_TOK_PUNCT && (t->p[k->start] == ',' || t->p[k->start] == ';');
}

struct marks {
	const uint32_t *at; /* ascending token indexes, from lw_scan_marked */
	size_t n, next;     /* next: the first not yet passed */
};

/*
 * The first token from i before `end` that the splitter has to look at: a
 * line break, a terminal mark or an abbreviation. Most tokens are none;
 * the scanner listed those that are (and quotation marks, which the loop
 * below passes over as it passes over any token short of the length
 * bound), so this walks that list, not the tokens.
 */
static size_t next_mark(struct marks *m, size_t i, size_t end)
{
	if (i >= end) /* past the length bound: every token is looked at */
		return i;
	while (m->next < m->n && m->at[m->next] < i)
		m->next++;
	size_t j = m->next < m->n ? m->at[m->next] : end;
	return j < end ? j : end;
}

/*
 * Does the line that token k ends leave its sentence open? A comma, or a
 * word that cannot end an English sentence (an article, a preposition, a
 * conjunction), as in text wrapped at a fixed width: "forces detained a /
 * Taliban commander and another militant". A headline never ends so.
 */
static int line_continues(const struct lw_text *t, size_t k)
{
	static const char *const open_words[] = {"a", "an", "the", "of", "in", "on", "at", "to",
						 "for", "from", "by", "with", "and", "or", "but",
						 "into", "near", "its", "their", "his", "her"};
	const lw_token *q = &t->tok[k];
	size_t n = lw_tok_len(q);
	if (q->kind == LW_TOK_PUNCT)
		return n == 1 && t->p[q->start] == ',';
	if (q->kind != LW_TOK_WORD || !(q->flags & LW_TF_LOWER) || n > 5)
		return 0;
	for (size_t w = 0; w < sizeof open_words / sizeof *open_words; w++)
		if (strlen(open_words[w]) == n && memcmp(open_words[w], t->p + q->start, n) == 0)
			return 1;
	return 0;
}

lw_status lw_split(struct lw_arena *a, struct lw_text *t, const struct lw_text_lexicon *lex,
		   const uint32_t *marks, size_t nmarks)
{
	struct splitter sp = {a, t, 0, 0, 0};
	struct marks mk = {marks, nmarks, 0};
	t->sent = NULL;
	t->para = NULL;
	t->tok_sent = NULL;
	t->nsent = t->npara = 0;
	if (t->ntok == 0)
		return LW_OK;
	add_paragraph(&sp, 0);
	size_t first = 0;
	for (size_t i = 0; i < t->ntok && !sp.oom; i++) {
		/* tokens short of the length bound (LW_SENTENCE_MAX_TOKENS) that
		 * are no mark need nothing */
		size_t bound = first + LW_SENTENCE_MAX_TOKENS - 1;
		i = next_mark(&mk, i, bound < t->ntok ? bound : t->ntok);
		if (i == t->ntok)
			break;
		const lw_token *k = &t->tok[i];
		if (i > first && (k->flags & LW_TF_NEWLINE_BEFORE)) {
			int para = (k->flags & LW_TF_PARA_BEFORE) != 0;
			int wrapped = !para && ((k->kind == LW_TOK_WORD && (k->flags & LW_TF_LOWER) &&
						 !(k->flags & LW_TF_POSSESSIVE)) ||
						line_continues(t, i - 1));
			if (!wrapped) {
				add_sentence(&sp, first, i);
				first = i;
			}
			if (para)
				add_paragraph(&sp, t->nsent);
		} else if (i == first && i > 0 && (k->flags & LW_TF_PARA_BEFORE) &&
			   t->para[t->npara - 1].first_sentence != t->nsent) {
			add_paragraph(&sp, t->nsent);
		}
		if (k->kind == LW_TOK_TERM || k->kind == LW_TOK_ABBREV) {
			size_t last = i;
			while (last + 1 < t->ntok && is_closer(t, last + 1))
				last++;
			if (k->kind == LW_TOK_ABBREV && last == i && i + 1 < t->ntok &&
			    !(t->tok[i + 1].flags & LW_TF_SPACE_BEFORE))
				continue;
			if (ends_after(t, lex, i, last + 1)) {
				add_sentence(&sp, first, last + 1);
				first = last + 1;
				i = last;
				continue;
			}
			i = last;
		}
		size_t len = i + 1 - first;
		if ((len >= LW_SENTENCE_MAX_TOKENS && is_soft_cut(t, i)) ||
		    len >= 2 * LW_SENTENCE_MAX_TOKENS) {
			add_sentence(&sp, first, i + 1);
			first = i + 1;
		}
	}
	add_sentence(&sp, first, t->ntok);
	if (sp.oom)
		return LW_ENOMEM;
	/* the sentences cover the tokens one after the other: each token's
	 * sentence, for lw_sentence_of */
	uint32_t *ts = lw_arena_alloc(a, t->ntok * sizeof *ts);
	if (!ts)
		return LW_ENOMEM;
	for (size_t s = 0; s < t->nsent; s++) /* bounds in locals: ts may alias them */
		for (size_t k = t->sent[s].first_token, e = t->sent[s].end_token; k < e; k++)
			ts[k] = (uint32_t)s;
	t->tok_sent = ts;
	/* close the paragraphs: sentence ranges and byte spans */
	for (size_t p = 0; p < t->npara; p++) {
		lw_paragraph *pg = &t->para[p];
		pg->end_sentence = p + 1 < t->npara ? t->para[p + 1].first_sentence : (uint32_t)t->nsent;
	}
	size_t np = 0;
	for (size_t p = 0; p < t->npara; p++) {
		lw_paragraph pg = t->para[p];
		if (pg.first_sentence >= pg.end_sentence)
			continue;
		pg.start = t->sent[pg.first_sentence].start;
		pg.end = t->sent[pg.end_sentence - 1].end;
		for (size_t s = pg.first_sentence; s < pg.end_sentence; s++)
			t->sent[s].paragraph = (uint32_t)np;
		t->para[np++] = pg;
	}
	t->npara = np;
	return LW_OK;
}
