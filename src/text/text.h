/*
 * text.h: the text layer (internal). Turns a document's bytes into tokens,
 * sentences and paragraphs, and finds the dateline. Offsets always index
 * the original bytes: nothing here rewrites the text, so invalid UTF-8 or
 * odd punctuation can never shift a span.
 *
 * It does not know names, places or events: those stages read its output.
 */
#ifndef LW_TEXT_H
#define LW_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lapwing.h"

struct lw_arena;

/*
 * Sentences longer than this many tokens are cut at the next comma, dash
 * or quotation mark past the bound (or at the bound itself). Real
 * sentences stay far below it; it bounds the windows later stages scan
 * around a token, so that a pathological "sentence" (a 100,000-token list
 * without a full stop) keeps every stage linear.
 */
#define LW_SENTENCE_MAX_TOKENS 400

/* The dateline is looked for in the first lines of a document: a title and
 * a few header lines may come first, as in press releases. */
#define LW_DATELINE_MAX_LINES 8
#define LW_DATELINE_MAX_BYTES 2048

/* A set of abbreviations ("Gen", "Jan", "Mr", without the full stop) that
 * the tokenizer keeps whole with their full stop. Class TITLE never ends
 * a sentence ("Mr."); class OTHER ("U.S.", "Inc.") ends one before a word
 * that usually starts a sentence ("The", "He"). */
enum lw_abbrev_class { LW_ABBR_NONE = 0, LW_ABBR_TITLE = 1, LW_ABBR_OTHER = 2 };

struct lw_wordset; /* a hash set of words, see lex/wordset.h */

/* Bits in the abbreviations' filter (see lw_abbrev_key): 256 bytes, two
 * bits set for each of the ~150 abbreviations. */
#define LW_ABBREV_FILTER_BITS 2048

struct lw_text_lexicon {
	const struct lw_wordset *abbrev_title;  /* Mr Gen Dr Col ... */
	const struct lw_wordset *abbrev_other;  /* Jan Inc etc vs ... */
	const struct lw_wordset *starters;      /* The He It But ... (lowercased) */
	/* When abbrev_filtered: the two bits of lw_abbrev_key(w) are set for
	 * every word w of abbrev_title and abbrev_other, so a word with a bit
	 * clear is in neither, and the scanner asks the sets about the word
	 * before a full stop ("said.") only when both are set. Zeroed: no
	 * filter. */
	int abbrev_filtered;
	uint64_t abbrev_filter[LW_ABBREV_FILTER_BITS / 64];
};

/* A word's two bits in the filter, from its length and its first, second
 * and last bytes (n > 0), mixed by a multiplication: the words before a
 * full stop that are no abbreviation ("said.", "year.") share those
 * bytes with the abbreviations' often enough that one bit from the bytes
 * as they are let a sixth of them through to the sets' lookups. */
static inline uint64_t lw_abbrev_key(const char *w, size_t n)
{
	const unsigned char *u = (const unsigned char *)w;
	uint64_t k = (uint64_t)u[0] | (uint64_t)u[n > 1] << 8 | (uint64_t)u[n - 1] << 16 |
		     (uint64_t)(n & 0xFF) << 24;
	return k * 0x9E3779B97F4A7C15ull;
}

/* Bit i (0 or 1) of key k in the filter. */
static inline unsigned lw_abbrev_bit(uint64_t k, int i)
{
	return (unsigned)(k >> (i ? 53 : 42)) % LW_ABBREV_FILTER_BITS;
}

static inline void lw_abbrev_filter_add(struct lw_text_lexicon *lex, const char *w, size_t n)
{
	if (n) {
		uint64_t k = lw_abbrev_key(w, n);
		for (int i = 0; i < 2; i++) {
			unsigned b = lw_abbrev_bit(k, i);
			lex->abbrev_filter[b / 64] |= (uint64_t)1 << (b % 64);
		}
	}
}

/* 0 when the word (n > 0) is in neither abbreviation set; 1 when it may be. */
static inline int lw_abbrev_maybe(const struct lw_text_lexicon *lex, const char *w, size_t n)
{
	if (!lex->abbrev_filtered)
		return 1;
	uint64_t k = lw_abbrev_key(w, n);
	unsigned b0 = lw_abbrev_bit(k, 0), b1 = lw_abbrev_bit(k, 1);
	return (lex->abbrev_filter[b0 / 64] >> (b0 % 64) & 1) &&
	       (lex->abbrev_filter[b1 / 64] >> (b1 % 64) & 1);
}

struct lw_text {
	const char *p; /* the text, NUL-terminated copy */
	size_t len;
	/* tokens and sentences live on the heap (see scan.re): free them with
	 * lw_text_release; paragraphs live in the arena */
	lw_token *tok;
	size_t ntok;
	lw_sentence *sent;
	size_t nsent;
	/* the sentence of each token (ntok entries), in the arena: made with
	 * the sentences (lw_split), NULL when there are none (no tokens, or
	 * a hand-made text) */
	uint32_t *tok_sent;
	lw_paragraph *para;
	size_t npara;
	lw_dateline dateline;
	/* the indexes of the quotation marks (LW_TOK_QUOTE), ascending, from
	 * the scanner's marks: the quote stage pairs these instead of looking
	 * at every token. In the arena; NULL when the text was not analysed
	 * here (a hand-made text: the quote stage finds them itself). */
	uint32_t *qmark;
	size_t nqmark;
};

/*
 * Analyse `len` bytes at `p` (which must be followed by a NUL byte: the
 * scanner's sentinel). Tokens, sentences and paragraphs are allocated in
 * `a`. `lex` may be NULL (no abbreviations are then known).
 */
lw_status lw_text_analyze(struct lw_arena *a, const char *p, size_t len,
			  const struct lw_text_lexicon *lex, struct lw_text *out);

/* Free what lw_text_analyze put on the heap. */
void lw_text_release(struct lw_text *t);

/* The scanner (scan.re): raw tokens of [p, p+len), p[len] == 0. Tokens go
 * to a growing array in `a`. */
lw_status lw_scan(struct lw_arena *a, const char *p, size_t len,
		  const struct lw_text_lexicon *lex, lw_token **out, size_t *n);

/* lw_scan, and the marks: the ascending indexes (each once) of every token
 * that starts a line, ends a sentence (LW_TOK_TERM, LW_TOK_ABBREV) or is a
 * quotation mark, possibly with one index == *n after them. The passes
 * after the scan look at those tokens only. *marks is on the heap (free
 * it), NULL when there are none. */
lw_status lw_scan_marked(struct lw_arena *a, const char *p, size_t len,
			 const struct lw_text_lexicon *lex, lw_token **out, size_t *n,
			 uint32_t **marks, size_t *nmarks);

/* Sentence and paragraph splitting over the tokens; `marks` as
 * lw_scan_marked gives them (a token that is no mark may be among them). */
lw_status lw_split(struct lw_arena *a, struct lw_text *t, const struct lw_text_lexicon *lex,
		   const uint32_t *marks, size_t nmarks);

/* Index of the sentence holding token `tok`; of a token past the last,
 * the last sentence (0 when there is none). Inline: the later stages ask
 * it of a token in their inner loops. */
static inline size_t lw_sentence_of(const struct lw_text *t, size_t tok)
{
	if (tok < t->ntok && t->tok_sent)
		return t->tok_sent[tok];
	return t->nsent ? t->nsent - 1 : 0;
}

/* Find the dateline in the first lines. */
void lw_find_dateline(struct lw_text *t);

/* Parse a date written in words over tokens [i, end): "Jan. 25, 2013",
 * "25 January 2013", "January 25", "Sept. 1", "2013-01-25". Returns the
 * number of tokens used (0 if none) and fills *d (year 0 when absent). */
size_t lw_parse_date_tokens(const struct lw_text *t, size_t i, size_t end, lw_date *d);

/* Month number for a month name or abbreviation ("Jan", "Sept", "january"),
 * 0 if it is none. */
int lw_month_number(const char *p, size_t n);

/* Small helpers over a token. */
static inline size_t lw_tok_len(const lw_token *t) { return t->end - t->start; }

/* 1 if token i is longer than `longer` bytes and ends in the bytes of
 * `suffix` ("protesting" and "ing"), as written. */
static inline int lw_tok_ends(const struct lw_text *t, size_t i, const char *suffix, size_t longer)
{
	size_t n = t->tok[i].end - t->tok[i].start, m = strlen(suffix);
	return n > longer && n >= m && memcmp(t->p + t->tok[i].end - m, suffix, m) == 0;
}

/* 1 if token j is a single closing mark glued to a word in s and followed
 * by a lower-case word: the apostrophe of a plural possessive ("the
 * girls' school", "Sanders' campaign manager"), not a quotation mark. */
static inline int lw_tok_plural_possessive(const struct lw_text *t, size_t j)
{
	if (j == 0 || j + 1 >= t->ntok)
		return 0;
	const lw_token *q = &t->tok[j], *w = &t->tok[j - 1], *n = &t->tok[j + 1];
	if (q->kind != LW_TOK_QUOTE || !(q->flags & LW_TF_QUOTE_SINGLE) ||
	    !(q->flags & LW_TF_QUOTE_CLOSE) || (q->flags & LW_TF_SPACE_BEFORE))
		return 0;
	char last = t->p[w->end - 1];
	if (w->kind != LW_TOK_WORD || (last != 's' && last != 'S') || n->kind != LW_TOK_WORD ||
	    !(n->flags & LW_TF_LOWER))
		return 0;
	/* but "against 'false promises' made by": a single mark that opens,
	 * a few words before, in the same paragraph, is what this one closes */
	for (size_t i = j - 1; i > 0 && j - i < 12; i--) {
		const lw_token *o = &t->tok[i - 1];
		int glued = i > 1 && !(o->flags & LW_TF_SPACE_BEFORE);
		if (o->kind == LW_TOK_QUOTE && (o->flags & LW_TF_QUOTE_SINGLE) &&
		    (o->flags & LW_TF_QUOTE_OPEN) && !glued)
			return 0;
		if (o->flags & LW_TF_PARA_BEFORE)
			break;
	}
	return 1;
}

/* 1 if token i is the ASCII word w (lower case; the token in any case).
 * Inline: called with constant words in every stage's inner loops, where
 * the first letter rules out almost every token at once. */
static inline int lw_tok_is(const struct lw_text *t, size_t i, const char *w)
{
	if (i >= t->ntok)
		return 0;
	const lw_token *k = &t->tok[i];
	const unsigned char *p = (const unsigned char *)t->p + k->start;
	size_t n = k->end - k->start, j = 0;
	if ((unsigned char)(p[0] | 0x20) != (unsigned char)w[0])
		return 0;
	for (; j < n; j++) {
		unsigned char a = p[j], b = (unsigned char)w[j];
		if (!b)
			return 0;
		if ((unsigned char)(a - 'A') < 26)
			a |= 0x20;
		if (a != b)
			return 0;
	}
	return w[j] == 0;
}

#endif
