/*
 * quotes.c: direct quotes and who said them.
 *
 * 1. Spans. Quotation marks are paired within a paragraph: curly marks say
 *    which way they face, straight ones are read from the spaces around
 *    them. A quote that runs over paragraphs opens each one and closes
 *    only in the last. Single marks quote too where they pair up outside
 *    double quotes ('...'), and nest inside them. A quote whose closing
 *    mark was lost ends where its attribution begins: at the glued word
 *    the tokenizer split ("martyredTahir said", "everywheresaid"), at ",
 *    he said", or at the end of its paragraph; an unbalanced mark never
 *    takes more than its paragraph.
 * 2. Speakers, by evidence: "X said" / "said X" next to the quote, "X
 *    said:" or "X added," before it, "according to X", a cue elsewhere in
 *    the sentence; "he said" resolved to the person named last before it;
 *    a quote with no attribution of its own continues the speaker of the
 *    quote before it in the paragraph (or of the paragraph before, when
 *    the paragraph is only the quote). No evidence, no speaker.
 * 3. Not quotes: quoted words that nobody is said to say (scare quotes,
 *    titles) when they are short and the sentence has no speech cue.
 *
 * Speakers link to entities; a pronoun that names a speaker becomes a
 * mention of the person it resolves to.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "quotes.h"
#include "words.h"
#include "../util/arena.h"

/* A quote whose closing mark is lost runs at most this far (bytes) when
 * no attribution ends it earlier: past it, the mark was a stray. */
#define LW_QUOTE_LOST_MAX_BYTES 1500
/* Quoted words without a speech cue nearby this short or shorter are scare
 * quotes, titles or nicknames, not quotes. */
#define LW_SCARE_QUOTE_WORDS 3
/* Quoted words nobody is found to say, this short or shorter and without
 * the punctuation of speech, are labels or titles too ("the 'Charleston
 * loophole'", "a 'safe space'"). */
#define LW_UNSPOKEN_QUOTE_WORDS 6
/* How far from a quote (tokens) its attribution may be. */
#define LW_ATTRIBUTION_WINDOW 16
/* Tokens of quoted words an attribution before a quote looks past
 * (attribution_before): marks and a few words. */
#define SKIP_QUOTED_TOKENS 8

struct qraw {
	uint32_t open, close; /* mark tokens; close = UINT32_MAX when lost */
	uint32_t first, end;  /* content tokens [first, end) */
	int lost;
	int single;
};

struct qctx {
	struct lw_extract *x;
	const struct lw_text *t;
	struct qraw *q;
	size_t nq, capq;
	uint8_t *in_quote;     /* per token: inside some quote's content */
	const uint32_t *marks; /* the quotation mark tokens, in order: the
				  pairing visits them, not every token */
	size_t nmarks;
};

static int push_raw(struct qctx *c, struct qraw r)
{
	if (r.end <= r.first)
		return 0;
	if (c->nq == c->capq) {
		size_t cap = c->capq ? c->capq * 2 : 32;
		struct qraw *n = realloc(c->q, cap * sizeof *n);
		if (!n)
			return -1;
		c->q = n;
		c->capq = cap;
	}
	c->q[c->nq++] = r;
	return 0;
}

static int is_mark(const struct lw_text *t, size_t k, int single)
{
	const lw_token *q = &t->tok[k];
	return q->kind == LW_TOK_QUOTE && !(q->flags & LW_TF_QUOTE_SINGLE) == !single;
}

static int can_open(const lw_token *q) { return (q->flags & LW_TF_QUOTE_OPEN) != 0; }
static int can_close(const lw_token *q) { return (q->flags & LW_TF_QUOTE_CLOSE) != 0; }
static int only_open(const lw_token *q) { return can_open(q) && !can_close(q); }

static inline int is_cue(const struct lw_extract *x, size_t k, uint32_t *end);

/* Where a quote that lost its closing mark ends: the first glued word
 * (the tokenizer split "martyredTahir"), ", he said", or the limit. */
static uint32_t lost_end_why(struct qctx *c, uint32_t first, uint32_t end, int *attributed);

static uint32_t lost_end(struct qctx *c, uint32_t first, uint32_t end)
{
	int attributed;
	return lost_end_why(c, first, end, &attributed);
}

/* lost_end, saying whether an attribution ended the quote (not the end
 * or the limit). */
static uint32_t lost_end_why(struct qctx *c, uint32_t first, uint32_t end, int *attributed)
{
	const struct lw_text *t = c->t;
	struct lw_extract *x = c->x;
	*attributed = 1;
	for (uint32_t k = first + 1; k < end; k++) {
		if (t->tok[k].flags & LW_TF_REPAIRED)
			return k;
		/* '"We are staying indoors' and a line break before a line of
		 * the story: a line that ends with no mark of a sentence's end
		 * and a sentence that opens the next ended the quote (not a
		 * line wrapped mid-sentence, nor a quote's sentence ended by
		 * its full stop) */
		if ((t->tok[k].flags & LW_TF_NEWLINE_BEFORE) && t->tok[k - 1].kind != LW_TOK_TERM &&
		    t->tok[k - 1].kind != LW_TOK_QUOTE && t->tok[k].kind != LW_TOK_QUOTE &&
		    t->sent[lw_sentence_of(t, k)].first_token == k)
			return k;
		/* ", he said", ", Malang said"; past a mark of the wrong kind
		 * (",' said Gul Bibi": a single mark typed for the double),
		 * and ", said Gul Bibi" */
		if (lw_tok_punct(t, k, ',') && k + 2 < end) {
			size_t j = k + 1;
			if (t->tok[j].kind == LW_TOK_QUOTE && j + 2 < end)
				j++;
			/* (past a title or role: ", police spokesman Nafiu
			 * Abubakar told reporters") */
			size_t p = j;
			while (p < j + 3 && p + 1 < end && t->tok[p].kind == LW_TOK_WORD &&
			       (t->tok[p].flags & LW_TF_LOWER) && !lw_ann_find(x, p, LW_SENSE_CUE))
				p++;
			const struct lw_mention *pm = p > j ? lw_mention_at(x, p) : NULL;
			if (pm && pm->first_tok == p && pm->type == LW_PERSON)
				j = p;
			const struct lw_mention *m = lw_mention_at(x, j);
			uint32_t cue_end;
			if (m && m->first_tok == j)
				j = m->end_tok;
			else if (lw_tok_pronoun(t, j))
				j++;
			else if (is_cue(x, j, &cue_end) && (m = lw_mention_at(x, cue_end)) != NULL &&
				 m->first_tok == cue_end && m->type == LW_PERSON)
				return k + 1;
			else
				j = 0;
			if (j && lw_ann_find(x, j, LW_SENSE_CUE))
				return k + 1; /* the comma stays inside */
		}
		if (t->tok[k].end - t->tok[first].start > LW_QUOTE_LOST_MAX_BYTES) {
			/* a stray mark: end at the sentence that reached the limit */
			*attributed = 0;
			return (uint32_t)t->sent[lw_sentence_of(t, k)].end_token;
		}
	}
	*attributed = 0;
	return end;
}


/* Is the opening mark at k, inside a quote, its closing mark mistyped?
 * It follows the quote's last punctuation and comes before an attribution
 * ("..., “Caughlin said." or "..., “he said."): a speaker and a
 * verb of saying, or the verb and a speaker, then the sentence's end. */
static int misused_close(struct qctx *c, size_t k)
{
	const struct lw_text *t = c->t;
	struct lw_extract *x = c->x;
	if (k == 0 || k + 3 >= t->ntok || !(lw_tok_punct(t, k - 1, ',') || lw_tok_punct(t, k - 1, '?') ||
					    lw_tok_punct(t, k - 1, '!')))
		return 0;
	size_t j = k + 1;
	const struct lw_mention *m = lw_mention_at(x, j);
	uint32_t cue_end;
	if (m && m->first_tok == j && m->type == LW_PERSON && is_cue(x, m->end_tok, &cue_end))
		j = cue_end;
	else if (lw_tok_pronoun(t, j) && is_cue(x, j + 1, &cue_end))
		j = cue_end;
	else if (is_cue(x, j, &cue_end) && (m = lw_mention_at(x, cue_end)) != NULL &&
		 m->first_tok == cue_end && m->type == LW_PERSON)
		j = m->end_tok;
	else
		return 0;
	return j < t->ntok && t->tok[j].kind == LW_TOK_TERM;
}

/* Pair the double marks of paragraphs [p, ...); returns the paragraph
 * after the last one used (a quote may run over several). */
static int pair_double(struct qctx *c)
{
	const struct lw_text *t = c->t;
	int inside = 0;
	struct qraw cur = {0, 0, 0, 0, 0, 0};
	size_t m = 0;
	for (size_t p = 0; p < t->npara; p++) {
		size_t a = t->sent[t->para[p].first_sentence].first_token;
		size_t b = t->sent[t->para[p].end_sentence - 1].end_token;
		while (m < c->nmarks && c->marks[m] < a)
			m++;
		for (; m < c->nmarks && c->marks[m] < b; m++) {
			size_t k = c->marks[m];
			if (!is_mark(t, k, 0))
				continue;
			const lw_token *q = &t->tok[k];
			if (!inside) {
				if (!can_open(q))
					continue; /* a stray closing mark */
				cur.open = (uint32_t)k;
				cur.first = (uint32_t)k + 1;
				inside = 1;
				continue;
			}
			if (k == a && can_open(q)) {
				continue; /* a new paragraph of the same quote */
			}
			/* an opening mark written for the closing one, before
			 * the attribution ('the key to global reach, “Caughlin
			 * said. “If ...'), closes the quote as one would */
			if (only_open(q) && !misused_close(c, k)) {
				/* a new quote opens: the last one lost its closing mark */
				cur.end = lost_end(c, cur.first, (uint32_t)k);
				cur.close = UINT32_MAX;
				cur.lost = 1;
				if (push_raw(c, cur))
					return -1;
				cur.open = (uint32_t)k;
				cur.first = (uint32_t)k + 1;
				continue;
			}
			cur.close = (uint32_t)k;
			cur.end = (uint32_t)k;
			cur.lost = 0;
			if (push_raw(c, cur))
				return -1;
			inside = 0;
		}
		if (inside) {
			/* the quote goes on only if the next paragraph opens with a
			 * mark, and it is the paragraph's first quote: a second
			 * one after a quote closed in the paragraph ('"...,' said
			 * Gul Bibi. "I begged them ...') lost its closing mark */
			int next_opens = 0;
			/* (nor one whose attribution the paragraph holds: "...
			 * until this regime falls, he said." lost its closing
			 * mark before "he") */
			int attributed;
			uint32_t le = lost_end_why(c, cur.first, (uint32_t)b, &attributed);
			if (p + 1 < t->npara && !attributed &&
			    !(c->nq > 0 && c->q[c->nq - 1].open >= a && c->q[c->nq - 1].open < cur.open)) {
				size_t n = t->sent[t->para[p + 1].first_sentence].first_token;
				next_opens = is_mark(t, n, 0) && can_open(&t->tok[n]);
			}
			if (!next_opens) {
				cur.end = le;
				cur.close = UINT32_MAX;
				cur.lost = 1;
				if (push_raw(c, cur))
					return -1;
				inside = 0;
			}
		}
	}
	return 0;
}

/* Single marks outside double quotes: 'like this', in one paragraph. */
static int pair_single(struct qctx *c)
{
	const struct lw_text *t = c->t;
	size_t m = 0;
	for (size_t p = 0; p < t->npara; p++) {
		size_t a = t->sent[t->para[p].first_sentence].first_token;
		size_t b = t->sent[t->para[p].end_sentence - 1].end_token;
		size_t open = SIZE_MAX;
		while (m < c->nmarks && c->marks[m] < a)
			m++;
		for (; m < c->nmarks && c->marks[m] < b; m++) {
			size_t k = c->marks[m];
			if (c->in_quote[k] || !is_mark(t, k, 1))
				continue;
			const lw_token *q = &t->tok[k];
			int left_free = k == a || (q->flags & LW_TF_SPACE_BEFORE);
			int right_word = k + 1 < b && !(t->tok[k + 1].flags & LW_TF_SPACE_BEFORE) &&
					 t->tok[k + 1].kind != LW_TOK_PUNCT;
			if (open == SIZE_MAX) {
				if (can_open(q) && left_free && right_word)
					open = k;
				continue;
			}
			int right_free = k + 1 >= b || (t->tok[k + 1].flags & LW_TF_SPACE_BEFORE) ||
					 t->tok[k + 1].kind == LW_TOK_PUNCT || t->tok[k + 1].kind == LW_TOK_TERM;
			if (can_close(q) && right_free && !(q->flags & LW_TF_SPACE_BEFORE)) {
				struct qraw r = {(uint32_t)open, (uint32_t)k, (uint32_t)open + 1, (uint32_t)k, 0, 1};
				if (push_raw(c, r))
					return -1;
				open = SIZE_MAX;
			}
		}
	}
	return 0;
}

static int cmp_raw(const void *a, const void *b)
{
	const struct qraw *x = a, *y = b;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* ---- attribution ---- */

/* "he", "she", "they", "we", "I": pronouns that can say something. */
static int subject_pronoun(const struct lw_text *t, size_t k)
{
	static const char *const p[] = {"he", "she", "they", "we", "i", "it"};
	return k < t->ntok && lw_tok_in(t, k, p, 6);
}

/* The quoted words end with their own punctuation: "loser," "Why?" */
static int ends_in_punct(const struct lw_text *t, const struct qraw *q)
{
	const lw_token *k = &t->tok[q->end - 1];
	return k->kind == LW_TOK_TERM || (k->kind == LW_TOK_PUNCT && (t->p[k->start] == ',' ||
								    t->p[k->start] == ';'));
}

/* An attribute value in markup (tweet-id="..."): not speech. */
static int markup_value(const struct lw_text *t, const struct qraw *q)
{
	const lw_token *o = &t->tok[q->open];
	return q->open > 0 && !(o->flags & LW_TF_SPACE_BEFORE) &&
	       t->tok[q->open - 1].kind == LW_TOK_SYMBOL && t->p[t->tok[q->open - 1].start] == '=';
}

/* The paragraph of a token. */
static uint32_t para_of(const struct lw_text *t, size_t tok)
{
	return t->sent[lw_sentence_of(t, tok)].paragraph;
}

/* Where the paragraph of sentence s ends: the first token of the next
 * paragraph's first sentence (SIZE_MAX: none). Every token from s's first
 * up to it has s's paragraph (para_of), so a scan asks a bound instead of
 * a search per token. */
static size_t para_end_from(const struct lw_text *t, size_t s)
{
	size_t next = t->para[t->sent[s].paragraph].end_sentence;
	return next < t->nsent ? t->sent[next].first_token : SIZE_MAX;
}

struct speaker {
	int found;
	uint32_t first, end; /* tokens naming the speaker */
	int32_t ent;         /* entity, or -1 */
	uint32_t cue_first, cue_end;
	lw_span desc;
	int pronoun;
	float confidence;
};

static int determiner(const struct lw_text *t, size_t k);

static int cue_at(const struct lw_extract *x, size_t k, uint32_t *end);

/* Does a speech cue ("said", "according to") start at token k? Then *end
 * is its end token. Inline: the callers ask it of every token of a
 * window, and most tokens start no annotation of a cue at all, which one
 * load says. */
static inline int is_cue(const struct lw_extract *x, size_t k, uint32_t *end)
{
	if (k >= x->t->ntok || !(x->ann_kinds[k] & (1u << LW_SENSE_CUE)))
		return 0;
	return cue_at(x, k, end);
}

/* is_cue for a token where a cue's annotation starts */
static int cue_at(const struct lw_extract *x, size_t k, uint32_t *end)
{
	/* a cue is a lower-case word outside names ("States" in "United
	 * States" is no verb), except at the start of a sentence */
	if (x->cover[k] || ((x->t->tok[k].flags & (LW_TF_CAP | LW_TF_UPPER)) &&
			    k != x->t->sent[lw_sentence_of(x->t, k)].first_token))
		return 0;
	/* the longest cue starting here */
	for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
		const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
		if (s->kind != LW_SENSE_CUE || s->sub == LW_CUE_NOUN)
			continue;
		/* whole words only: "called" in "so-called" is no cue */
		if (x->ann[j].start != x->t->tok[k].start ||
		    x->ann[j].end != x->t->tok[x->ann[j].end_tok - 1].end)
			continue;
		/* "the call", "a statement", "his word": a noun, not the verb */
		if (s->sub == LW_CUE_VERB && !(s->form & (LW_FORM_PAST | LW_FORM_ING)) && k > 0 &&
		    determiner(x->t, k - 1))
			continue;
		/* "Kaduna state governor X said": a place's head word, not the
		 * verb "state" */
		const struct lw_mention *pm;
		if (s->sub == LW_CUE_VERB && !(s->form & (LW_FORM_PAST | LW_FORM_ING)) && k > 0 &&
		    (pm = lw_mention_at(x, k - 1)) != NULL && pm->end_tok == k && pm->type == LW_PLACE)
			continue;
		*end = x->ann[j].end_tok;
		return 1;
	}
	return 0;
}

static int determiner(const struct lw_text *t, size_t k)
{
	static const char *const d[] = {"a", "an", "the", "one", "another", "some", "two", "three",
					"several", "many", "other", "his", "her", "their", "its"};
	return lw_tok_in(t, k, d, sizeof d / sizeof *d);
}

static int stop_word(const struct lw_text *t, size_t k)
{
	static const char *const w[] = {"in", "on", "at", "to", "from", "by", "with", "who", "which",
					"that", "and", "but", "as", "when", "while", "after",
					"before", "during", "later", "also", "then", "had", "has",
					"was", "were", "is", "are", "would", "will", "told", "said",
					"last", "this", "recent", "earlier", "of", "it",
					"there", "here", "what", "not", "no", "without",
					"about", "against", "into", "through", "since", "until",
					"among", "despite",
					/* '"...," came shouts from the crowd' */
					"came", "comes", "went"};
	return lw_tok_in(t, k, w, sizeof w / sizeof *w);
}

/* The speaker is the mention m ("Balkhi", "the Afghan Foreign Ministry"). */
static void speaker_is_mention(const struct lw_extract *x, struct speaker *s,
			       const struct lw_mention *m)
{
	s->found = 1;
	s->first = m->first_tok;
	s->end = m->end_tok;
	s->ent = (int32_t)m->ent;
	s->desc = m->desc.end ? m->desc : lw_mention_title(x, m);
}

/* The speaker is the pronoun at token k ("he", "they"). */
static void speaker_is_pronoun(struct speaker *s, const struct lw_text *t, size_t k)
{
	s->found = 1;
	s->first = (uint32_t)k;
	s->end = (uint32_t)k + 1;
	s->ent = -1;
	s->pronoun = lw_tok_pronoun(t, k) != 0;
}

/* A quote that starts in lower case (words cut from speech) in a sentence
 * that opens with a person's name, or "he" or "she", the verb after it
 * and no cue before the mark: that person speaks ("Joe Park put the loss
 * down to “a late swing in two wards”"). */
static void partial_of_subject(struct qctx *c, const struct qraw *q, struct speaker *s)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	if (q->first >= q->end || !(t->tok[q->first].flags & LW_TF_LOWER))
		return;
	size_t s0 = t->sent[lw_sentence_of(t, q->open)].first_token;
	if (s0 >= q->open || c->in_quote[s0])
		return;
	const struct lw_mention *m = lw_mention_at(x, s0);
	size_t end;
	if (m && m->first_tok == s0 && m->type == LW_PERSON && m->src != LW_MS_PRONOUN)
		end = m->end_tok;
	else if (lw_tok_word(t, s0, "he") || lw_tok_word(t, s0, "she") || lw_tok_word(t, s0, "He") ||
		 lw_tok_word(t, s0, "She"))
		end = s0 + 1;
	else
		return;
	/* the verb right after the subject, in lower case; no other mark
	 * and no name between it and the quote */
	if (end + 1 >= q->open || !(t->tok[end].flags & LW_TF_LOWER) || t->tok[end].kind != LW_TOK_WORD)
		return;
	for (size_t k = end; k < q->open; k++) {
		uint32_t ce;
		if (t->tok[k].kind == LW_TOK_QUOTE || t->tok[k].kind == LW_TOK_TERM || is_cue(x, k, &ce))
			return;
	}
	if (m && m->first_tok == s0 && m->type == LW_PERSON && m->src != LW_MS_PRONOUN)
		speaker_is_mention(x, s, m);
	else
		speaker_is_pronoun(s, t, s0);
	s->confidence = 0.5f;
}

/* A generic noun phrase after a cue: "a Taliban member named Wahdat",
 * "the ministry", "officials familiar with the matter". */
/* Can the noun phrase [a, b) speak? Its last word names a role, a title,
 * an organisation, a document, or is a name. */
static int speaking_np(const struct lw_extract *x, size_t a, size_t b)
{
	const struct lw_text *t = x->t;
	if (b <= a)
		return 0;
	size_t h = b - 1;
	const lw_token *k = &t->tok[h];
	if (k->kind != LW_TOK_WORD)
		return 0;
	if (lw_mention_at(x, h))
		return lw_mention_at(x, h)->type != LW_PLACE;
	if (k->flags & (LW_TF_CAP | LW_TF_UPPER))
		return !lw_ann_find(x, h, LW_SENSE_NOT_NAME);
	for (size_t j = x->ann_at[a]; j < x->nann && x->ann[j].first_tok <= h; j++) {
		const struct lw_ann *an = &x->ann[j];
		int kind = lw_ann_sense(x, an)->kind;
		if (an->end_tok != h + 1)
			continue;
		if (kind == LW_SENSE_ROLE || kind == LW_SENSE_TITLE || kind == LW_SENSE_ORG_HEAD ||
		    (kind == LW_SENSE_CUE && lw_ann_sense(x, an)->sub == LW_CUE_NOUN))
			return 1;
	}
	return 0;
}

/* The end of a description [k, end) before the name it describes,
 * without the word that names him: "a Taliban member named Wahdat". */
static size_t desc_end(const struct lw_text *t, size_t k, size_t end)
{
	if (end > k + 1 && (lw_tok_word(t, end - 1, "named") || lw_tok_word(t, end - 1, "called")))
		return end - 1;
	return end;
}

static void np_after(struct lw_extract *x, size_t k, size_t limit, int relaxed,
		     struct speaker *s)
{
	const struct lw_text *t = x->t;
	size_t j = k;
	if (determiner(t, j))
		j++;
	size_t head = j;
	while (j < limit && j < k + 8 &&
	       (t->tok[j].kind == LW_TOK_WORD || t->tok[j].kind == LW_TOK_ABBREV ||
		t->tok[j].kind == LW_TOK_NUMBER) &&
	       !stop_word(t, j)) {
		const struct lw_mention *m = lw_mention_at(x, j);
		if (m && m->type == LW_PERSON && m->first_tok == j) {
			/* "a Taliban member named Wahdat": the name is the speaker */
			s->found = 1;
			s->first = m->first_tok;
			s->end = m->end_tok;
			s->ent = (int32_t)m->ent;
			if (j > k + 1) {
				size_t de = desc_end(t, k, j);
				s->desc.start = t->tok[k].start;
				s->desc.end = t->tok[de - 1].end;
			}
			return;
		}
		if (m)
			j = m->end_tok;
		else
			j++;
	}
	if (j > head && (relaxed || speaking_np(x, k, j))) {
		s->found = 1;
		s->first = (uint32_t)k;
		s->end = (uint32_t)j;
		const struct lw_mention *m = lw_mention_at(x, k);
		s->ent = m && m->first_tok == k && m->end_tok == j ? (int32_t)m->ent : -1;
	}
}

static void speaker_after_np(struct lw_extract *x, size_t k, size_t limit, int relaxed,
			     struct speaker *s);

/*
 * The person a described speaker is named as right after the description
 * ("said the senior superintendent of police, Akash Kulhari."): the
 * person's mention, when the description [k, from) is followed by at
 * most an "of" phrase, a comma, and a person whose name ends the clause.
 */
static const struct lw_mention *named_after(const struct lw_extract *x, size_t from, size_t limit)
{
	const struct lw_text *t = x->t;
	size_t j = from;
	if (j < limit && lw_tok_word(t, j, "of"))
		for (j++; j < limit && j < from + 5 && t->tok[j].kind == LW_TOK_WORD; j++)
			;
	if (j + 1 >= limit || !lw_tok_punct(t, j, ','))
		return NULL;
	const struct lw_mention *m = lw_mention_at(x, j + 1);
	if (!m || m->type != LW_PERSON || m->first_tok != j + 1)
		return NULL;
	size_t e = m->end_tok;
	if (e < limit && !lw_tok_punct(t, e, ',') && t->tok[e].kind != LW_TOK_TERM)
		return NULL;
	return m;
}

/* The speaker named right after a cue ("said Abdul Qahar Balkhi, ..."). */
static void speaker_after(struct lw_extract *x, size_t k, size_t limit, int relaxed,
			  struct speaker *s)
{
	speaker_after_np(x, k, limit, relaxed, s);
	/* "said a police spokesman, Akash Kulhari": the person, described */
	const struct lw_mention *p;
	if (s->found && s->ent < 0 && !s->pronoun && (p = named_after(x, s->end, limit)) != NULL) {
		s->desc.start = x->t->tok[s->first].start;
		s->desc.end = x->t->tok[p->first_tok - 2].end;
		s->first = p->first_tok;
		s->end = p->end_tok;
		s->ent = (int32_t)p->ent;
	}
}

static void speaker_after_np(struct lw_extract *x, size_t k, size_t limit, int relaxed,
			     struct speaker *s)
{
	const struct lw_text *t = x->t;
	if (k >= limit)
		return;
	/* "said the Rev. Peter Wherry", "said former secretary of state
	 * Hillary Clinton": the name after its titles and modifiers */
	size_t n = k;
	while (n < limit && n < k + 7) {
		/* "explained CBS moderator Nancy Cordes": an organisation or
		 * a place among the modifiers */
		const struct lw_mention *mm = lw_mention_at(x, n);
		if (mm) {
			if (mm->type == LW_PERSON || mm->end_tok >= limit)
				break;
			n = mm->end_tok;
			continue;
		}
		if ((t->tok[n].kind != LW_TOK_WORD && t->tok[n].kind != LW_TOK_ABBREV) ||
		    stop_word(t, n) || subject_pronoun(t, n))
			break;
		n++;
	}
	if (n > k && !(lw_mention_at(x, n) && lw_mention_at(x, n)->type == LW_PERSON))
		n = k;
	const struct lw_mention *tm = n > k ? lw_mention_at(x, n) : NULL;
	if (tm && tm->first_tok == n && tm->type == LW_PERSON) {
		s->found = 1;
		s->first = tm->first_tok;
		s->end = tm->end_tok;
		s->ent = (int32_t)tm->ent;
		s->desc = tm->desc;
		size_t de = desc_end(t, k, n);
		if (!s->desc.end && de > k) {
			s->desc.start = t->tok[k].start;
			s->desc.end = t->tok[de - 1].end;
		}
		if (!s->desc.end)
			s->desc = lw_mention_title(x, tm);
		return;
	}
	const struct lw_mention *m = lw_mention_at(x, k);
	if (m && m->first_tok == k && m->type != LW_PLACE) {
		speaker_is_mention(x, s, m);
		return;
	}
	if (subject_pronoun(t, k)) {
		speaker_is_pronoun(s, t, k);
		return;
	}
	np_after(x, k, limit, relaxed, s);
}

/* Is token k a word that stands between a subject and its cue ("he also
 * said", "X later told", "she has said")? By the word's id (x->evw, set
 * by the entity stage): a dozen string compares for each cue cost more
 * than the rest of the walk. */
static int cue_adverb(const struct lw_extract *x, size_t k)
{
	if (k >= x->t->ntok)
		return 0;
	switch (x->evw[k]) {
	case W_ALSO: case W_LATER: case W_THEN: case W_FURTHER: case W_HAS: case W_HAD:
	case W_HAVE: case W_ONCE: case W_AGAIN: case W_WOULD: case W_WILL: case W_REPORTEDLY:
		return 1;
	default:
		return 0;
	}
}

/* A quotation mark that bounds an attribution's words. */
static int quote_mark(const struct lw_text *t, size_t j)
{
	return t->tok[j].kind == LW_TOK_QUOTE && !lw_tok_plural_possessive(t, j);
}

/* "Russia insisted", "Japan warned": a country named right before the
 * verb speaks for its government (not a country in an apposition, nor
 * one that ends a phrase: "a diplomat from Japan said") */
static int speaking_country(const struct lw_extract *x, const struct lw_mention *m, size_t k,
			    lw_span desc)
{
	const struct lw_ent *e = &x->ents[m->ent];
	if (desc.end || e->place >= x->kb->nplaces || x->kb->places[e->place].kind != LW_PK_COUNTRY)
		return 0;
	uint32_t ce;
	if (!is_cue(x, k, &ce))
		return 0;
	size_t b = m->first_tok;
	if (b > 0 && determiner(x->t, b - 1))
		b--;
	return b == 0 || x->t->tok[b - 1].kind != LW_TOK_WORD ||
	       x->t->sent[lw_sentence_of(x->t, b)].first_token == b ||
	       lw_tok_word(x->t, b - 1, "and") || lw_tok_word(x->t, b - 1, "but");
}

/* The speaker that ends right before token k (the subject of a cue):
 * a name, a pronoun, or a short noun phrase; an apposition between
 * subject and cue is skipped ("Malang, a friend, added"). */
static void speaker_before(struct lw_extract *x, size_t k, size_t floor, int relaxed,
			   struct speaker *s)
{
	const struct lw_text *t = x->t;
	int hops = 0; /* "A told B told C ...": a bounded walk back, not recursion */
again:
	/* adverbs between subject and verb: "he also said", "X later told" */
	while (k > floor && cue_adverb(x, k - 1))
		k--;
	lw_span desc = {0, 0};
	int bracketed = 0;
	/* "Gov. John Kasich (R-OH), said": a bracket and its comma */
	if (k > floor + 1 && lw_tok_punct(t, k - 1, ',') && lw_tok_punct(t, k - 2, ')'))
		k--;
	if (k > floor && lw_tok_punct(t, k - 1, ')')) {
		size_t j = k - 1;
		while (j > floor && !lw_tok_punct(t, j, '(') && k - j < 12)
			j--;
		if (lw_tok_punct(t, j, '(')) {
			k = j;
			bracketed = 1;
		}
	}
	/* "Jeff Bond, chairman of Citizens First (a PAC), wrote": the
	 * apposition ends at the bracket; its person is before its comma */
	if (bracketed && k > floor + 2 && !lw_tok_punct(t, k - 1, ',')) {
		size_t j = k - 1;
		while (j > floor && !lw_tok_punct(t, j, ',') && k - j < LW_ATTRIBUTION_WINDOW &&
		       !quote_mark(t, j))
			j--;
		const struct lw_mention *p = j > floor ? lw_mention_at(x, j - 1) : NULL;
		if (lw_tok_punct(t, j, ',') && p && p->end_tok == j && p->type == LW_PERSON) {
			s->found = 1;
			s->first = p->first_tok;
			s->end = p->end_tok;
			s->ent = (int32_t)p->ent;
			s->desc = (lw_span){t->tok[j + 1].start, t->tok[k - 1].end};
			return;
		}
	}
	if (k > floor + 2 && lw_tok_punct(t, k - 1, ',')) {
		/* an apposition: go back to the comma before it */
		size_t j = k - 2;
		while (j > floor && !lw_tok_punct(t, j, ',') && k - j < LW_ATTRIBUTION_WINDOW &&
		       !quote_mark(t, j))
			j--;
		if (lw_tok_punct(t, j, ',') && j > floor) {
			/* "the district police chief, Akash Kulhari, told": the
			 * apposition is the name, the phrase before it what he is */
			/* past its titles: "The army spokesman, Maj. Gen. Asif
			 * Karim, said" */
			size_t nm = j + 1;
			for (const struct lw_ann *ti; nm < k - 1 &&
						      (ti = lw_ann_find(x, nm, LW_SENSE_TITLE)) != NULL &&
						      ti->end_tok > nm && ti->end_tok < k - 1;)
				nm = ti->end_tok;
			const struct lw_mention *named = lw_mention_at(x, nm);
			if (named && named->type == LW_PERSON && named->first_tok == nm &&
			    named->end_tok == k - 1 && !(lw_mention_at(x, j - 1) &&
							 lw_mention_at(x, j - 1)->type == LW_PERSON)) {
				size_t i = j;
				while (i > floor && j - i < 7 && t->tok[i - 1].kind == LW_TOK_WORD &&
				       (!stop_word(t, i - 1) || lw_tok_word(t, i - 1, "of")))
					i--;
				while (i > floor && determiner(t, i - 1))
					i--;
				if (i < j && (speaking_np(x, i, j) || determiner(t, i))) {
					s->found = 1;
					s->first = named->first_tok;
					s->end = named->end_tok;
					s->ent = (int32_t)named->ent;
					s->desc = (lw_span){t->tok[i].start, t->tok[j - 1].end};
					return;
				}
			}
			desc.start = t->tok[j + 1].start;
			desc.end = t->tok[k - 2].end;
			k = j;
			/* "J. Goldberg, editor of The Forward, a weekly, wrote":
			 * two appositions, the person before both */
			const struct lw_mention *p = lw_mention_at(x, k - 1);
			if (!(p && p->end_tok == k && p->type == LW_PERSON)) {
				size_t i = k - 1;
				while (i > floor && !lw_tok_punct(t, i, ',') && k - i < LW_ATTRIBUTION_WINDOW &&
				       !quote_mark(t, i))
					i--;
				p = i > floor && lw_tok_punct(t, i, ',') ? lw_mention_at(x, i - 1) : NULL;
				if (p && p->end_tok == i && p->type == LW_PERSON) {
					desc.start = t->tok[i + 1].start;
					k = i;
				}
			}
		}
	}
	if (k <= floor)
		return;
	const struct lw_mention *m = lw_mention_at(x, k - 1);
	if (m && m->end_tok == k && (m->type != LW_PLACE || speaking_country(x, m, k, desc))) {
		/* "X told the Herald in a statement": the one told is no speaker */
		static const char *const told[] = {"told", "tells", "tell", "telling", "asked",
						   "informed", "assured", "reminded"};
		size_t b = m->first_tok;
		if (b > floor && determiner(t, b - 1))
			b--;
		if (b > floor + 1 && lw_tok_in(t, b - 1, told, sizeof told / sizeof *told)) {
			if (++hops > 2)
				return;
			k = b - 1;
			goto again;
		}
		s->found = 1;
		s->first = m->first_tok;
		s->end = m->end_tok;
		s->ent = (int32_t)m->ent;
		s->desc = desc.end ? desc : m->desc.end ? m->desc : lw_mention_title(x, m);
		return;
	}
	if (subject_pronoun(t, k - 1)) {
		s->found = 1;
		s->first = (uint32_t)k - 1;
		s->end = (uint32_t)k;
		s->ent = -1;
		s->pronoun = lw_tok_pronoun(t, k - 1) != 0;
		s->desc = desc;
		return;
	}
	/* a noun phrase: "the ministry", "a spokesman for the governor" */
	size_t j = k;
	while (j > floor && k - j < 7 && t->tok[j - 1].kind == LW_TOK_WORD &&
	       (!stop_word(t, j - 1) || lw_tok_word(t, j - 1, "of")))
		j--; /* "Powell's office", "the former governor" */
	while (j > floor && determiner(t, j - 1))
		j--;
	int clause_start = j == floor || lw_tok_punct(t, j - 1, ',') || lw_tok_punct(t, j - 1, ':');
	/* "an email to his supporters notes": the object of a preposition
	 * is not the verb's subject */
	static const char *const preps[] = {"to", "for", "with", "on", "at", "from", "about",
					    "among", "against", "into", "toward", "towards"};
	if (j > floor && lw_tok_in(t, j - 1, preps, sizeof preps / sizeof *preps)) {
		/* but "a volunteer at the camp told", "a doctor with the aid
		 * group said": a person of a place or body, whole, opening
		 * the clause */
		static const char *const of_place[] = {"at", "in", "from", "with", "near"};
		size_t i = j - 1;
		if (!lw_tok_in(t, i, of_place, sizeof of_place / sizeof *of_place))
			return;
		while (i > floor && j - i < 5 && t->tok[i - 1].kind == LW_TOK_WORD && !stop_word(t, i - 1) &&
		       !determiner(t, i - 1))
			i--;
		if (i == j - 1 || i <= floor || !determiner(t, i - 1))
			return;
		i--;
		while (i > floor && determiner(t, i - 1))
			i--;
		if (!(i == floor || lw_tok_punct(t, i - 1, ',') || lw_tok_punct(t, i - 1, ':')) ||
		    (t->tok[j - 2].flags & (LW_TF_CAP | LW_TF_UPPER)) || stop_word(t, k - 1))
			return;
		s->found = 1;
		s->first = (uint32_t)i;
		s->end = (uint32_t)k;
		s->ent = -1;
		s->desc = desc;
		return;
	}
	/* (no participle: '..., speaking on condition of anonymity'; nor
	 * one that opens the phrase: '"responded effectively", destroying
	 * several Indian posts' is what the deed did, no one posting) */
	int participle = (t->tok[k - 1].flags & LW_TF_LOWER) && lw_tok_ends(t, k - 1, "ing", 3);
	if (j < k && (t->tok[j].flags & LW_TF_LOWER) && lw_tok_ends(t, j, "ing", 3))
		participle = 1;
	if (j < k && !stop_word(t, k - 1) && !participle &&
	    (speaking_np(x, j, k) || (relaxed && clause_start) ||
	     (clause_start && determiner(t, j) && j + 1 < k))) {
		/* keep the head: "a spokesman for the ministry" -> whole, short */
		s->found = 1;
		s->first = (uint32_t)j;
		s->end = (uint32_t)k;
		const struct lw_mention *mm = lw_mention_at(x, j);
		s->ent = mm && mm->first_tok == j && mm->end_tok == k ? (int32_t)mm->ent : -1;
		s->desc = desc;
	}
}

static size_t sent_end(const struct lw_text *t, size_t tok)
{
	return t->sent[lw_sentence_of(t, tok)].end_token;
}

static size_t sent_start(const struct lw_text *t, size_t tok)
{
	return t->sent[lw_sentence_of(t, tok)].first_token;
}

/* The subject of the sentence before token `before`: its first person or
 * organisation, or a pronoun that starts it. */
/*
 * "The minister added: ...": a speaker told by "the" and a title that a
 * person named before bears ("Interior Minister Halima Vossberg") is that
 * person: the nearest one before whose title ends in the same word. The
 * entity's index, or -1.
 */
/* Are the n capitals at a the first letters of the last n words of the
 * title p (len bytes): "CM" of "Chief Minister", of "KP Chief Minister"? */
static int title_initials(const char *p, size_t len, const char *a, size_t n)
{
	size_t i = n, k = len;
	while (i > 0) {
		while (k > 0 && p[k - 1] == ' ')
			k--;
		if (k == 0)
			return 0;
		size_t w = k;
		while (w > 0 && p[w - 1] != ' ')
			w--;
		if (p[w] != a[i - 1])
			return 0;
		i--;
		k = w;
	}
	return 1;
}

static int32_t title_anaphor(const struct lw_extract *x, size_t first, size_t end)
{
	const struct lw_text *t = x->t;
	if (end != first + 2 || !lw_tok_word(t, first, "the") || !lw_ann_find(x, end - 1, LW_SENSE_TITLE))
		return -1;
	const lw_token *head = &t->tok[end - 1];
	size_t hn = lw_tok_len(head);
	/* "the CM": the initials of a title of as many words ("Chief
	 * Minister") */
	int initials = (head->flags & LW_TF_UPPER) && hn >= 2 && hn <= 3;
	if (!(head->flags & LW_TF_LOWER) && !initials)
		return -1;
	/* (the nearest 256 mentions: a title told further back is not what
	 * "the minister" points to, and the walk stays short on long texts) */
	size_t lo = 0, hi = x->nmen; /* the mentions start in text order */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->men[mid].first_tok < first)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo, steps = 0; i-- > 0 && steps < 256; steps++) {
		const struct lw_mention *m = &x->men[i];
		if (m->end_tok > first || m->type != LW_PERSON)
			continue;
		lw_span ti = lw_mention_title(x, m);
		if (ti.end <= ti.start || ti.end - ti.start < hn)
			continue;
		if (initials) {
			if (title_initials(t->p + ti.start, ti.end - ti.start, t->p + head->start, hn))
				return (int32_t)m->ent;
			continue;
		}
		/* the title's last word, in any case ("Interior Minister") */
		if (strncasecmp(t->p + ti.end - hn, t->p + head->start, hn) == 0 &&
		    (ti.end - ti.start == hn || t->p[ti.end - hn - 1] == ' '))
			return (int32_t)m->ent;
	}
	return -1;
}

/* The first token of a noun naming an utterance ("statement", "open
 * letter") that ends at token b, or 0 when none does. */
static size_t noun_cue_ends(const struct lw_extract *x, size_t b)
{
	for (size_t h = b, n = 0; h-- > 0 && n < 3; n++)
		for (size_t j = x->ann_at[h]; j < x->nann && x->ann[j].first_tok == h; j++) {
			const struct lw_ann *an = &x->ann[j];
			const struct lw_kb_sense *sn = lw_ann_sense(x, an);
			if (an->end_tok == b && sn->kind == LW_SENSE_CUE && sn->sub == LW_CUE_NOUN &&
			    (x->t->tok[h].flags & LW_TF_LOWER))
				return h;
		}
	return 0;
}

static void sentence_subject(struct qctx *c, size_t floor, size_t before, struct speaker *s)
{
	struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	/* "DORRIN, May 4 - The minister defended ..., saying": the dateline
	 * that opens the story's first sentence is no subject of it */
	const lw_dateline *dl = &t->dateline;
	if (dl->found && floor < before && t->tok[floor].start < dl->span.end) {
		while (floor < before && t->tok[floor].start < dl->span.end)
			floor++;
		while (floor < before && (t->tok[floor].kind == LW_TOK_DASH || t->tok[floor].kind == LW_TOK_PUNCT))
			floor++;
	}
	/* "Protesters marching through the streets chanted ...": a noun
	 * phrase that can speak starts the sentence */
	if (floor < before && !c->in_quote[floor] && !lw_mention_at(x, floor)) {
		size_t j = floor;
		while (j < before && j < floor + 3 && (determiner(t, j) || (t->tok[j].flags & LW_TF_LOWER)) &&
		       !lw_ann_find(x, j, LW_SENSE_ROLE))
			j++; /* "The angry protesters" */
		const struct lw_ann *role = j < before ? lw_ann_find(x, j, LW_SENSE_ROLE) : NULL;
		/* "Major General Zaw Min Tun, the junta's spokesman, ... said":
		 * a rank or title before a person's name is the name's */
		const struct lw_mention *named = role && role->end_tok < before
							 ? lw_mention_at(x, role->end_tok)
							 : NULL;
		if (named && named->first_tok == role->end_tok && named->type == LW_PERSON) {
			speaker_is_mention(x, s, named);
			return;
		}
		if (role && role->end_tok <= before) {
			s->found = 1;
			s->first = (uint32_t)floor;
			s->end = role->end_tok;
			s->ent = -1;
			return;
		}
	}
	/* "In an AP interview Monday, Sanders said", "On Tuesday, even as
	 * shares of Valeant fell, Mr. Ackman wrote": an opening phrase holds
	 * no subject; the subject is the name or pronoun after its comma */
	static const char *const opening[] = {
		"in",	"on",	 "at",	     "after",	  "before", "during", "while", "as",
		"when", "although", "though", "since", "despite", "with",	"without", "following",
		"even", "if",	 "because", "amid",	  "unlike", "like",	"for",	 "by"};
	size_t from = floor;
	/* "Appearing before supporters at NLD headquarters, Suu Kyi said":
	 * a participle's phrase opens the sentence as well */
	int ing_opening = t->tok[floor].kind == LW_TOK_WORD && lw_tok_ends(t, floor, "ing", 3) &&
			  lw_tok_len(&t->tok[floor]) > 5 && !lw_mention_at(x, floor);
	if (ing_opening || lw_tok_in(t, floor, opening, sizeof opening / sizeof *opening)) {
		for (size_t k = floor + 1; k + 1 < before; k++) {
			if (!lw_tok_punct(t, k, ',') || c->in_quote[k])
				continue;
			/* ", House Speaker Paul Ryan said": titles before the name;
			 * a comma inside a show's marks ("on KTV's “Night Line,”") */
			size_t n = k + 1, n0;
			if (n + 1 < before && t->tok[n].kind == LW_TOK_QUOTE && !c->in_quote[n])
				n++;
			n0 = n;
			while (n < before && n < n0 + 3 && !lw_mention_at(x, n) &&
			       t->tok[n].kind == LW_TOK_WORD && (t->tok[n].flags & LW_TF_CAP))
				n++;
			const struct lw_mention *tm = lw_mention_at(x, n);
			if (n > n0 && !(tm && tm->first_tok == n && tm->type == LW_PERSON))
				n = n0;
			const struct lw_mention *m = lw_mention_at(x, n);
			if ((m && m->first_tok == n && (m->type == LW_PERSON || m->type == LW_ORG)) ||
			    subject_pronoun(t, n)) {
				from = n;
				break;
			}
		}
	}
	for (size_t k = from; k < before; k++) {
		if (c->in_quote[k])
			continue;
		const struct lw_mention *m = lw_mention_at(x, k);
		if (m && m->first_tok == k && (m->type == LW_PERSON || m->type == LW_ORG)) {
			speaker_is_mention(x, s, m);
			return;
		}
		if (subject_pronoun(t, k)) {
			speaker_is_pronoun(s, t, k);
			return;
		}
	}
}

/* Attribution right after the quote: ", Malang said", ", said X", "X
 * said in a video". */
static void attribution_after(struct qctx *c, const struct qraw *q, struct speaker *s)
{
	struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	size_t k = q->lost ? q->end : q->close + 1;
	/* ",' said Gul Bibi": past a mark of the wrong kind where the lost
	 * closing mark belonged */
	if (q->lost && k + 1 < t->ntok && t->tok[k].kind == LW_TOK_QUOTE &&
	    !(t->tok[k].flags & LW_TF_NEWLINE_BEFORE))
		k++;
	if (k >= t->ntok)
		return;
	/* a quote that ends its sentence has no attribution after it: what
	 * follows is the next sentence's business */
	size_t limit = sent_end(t, q->lost ? q->end : q->close);
	/* '"Really?" Bush said.': a question or an exclamation ends its
	 * sentence before its own attribution, and so may a full stop in a
	 * bare '"..." Bush said.'; a cue at the head of the next sentence is
	 * still this quote's */
	size_t cue_by = SIZE_MAX;
	if (!q->lost && limit == k && q->close > q->first && t->tok[q->close - 1].kind == LW_TOK_TERM) {
		char term = t->p[t->tok[q->close - 1].start];
		size_t next = sent_end(t, k);
		if (term == '?' || term == '!' || next - k <= 4) {
			limit = next;
			cue_by = k + 3;
		}
	}
	if (limit > k + LW_ATTRIBUTION_WINDOW)
		limit = k + LW_ATTRIBUTION_WINDOW;
	/* '” ― Jorge Falcon': a dash and a name */
	if (!q->lost && k + 1 < t->ntok && t->tok[k].kind == LW_TOK_DASH) {
		const struct lw_mention *m = lw_mention_at(x, k + 1);
		if (m && m->first_tok == k + 1 && m->type == LW_PERSON &&
		    (m->end_tok >= t->ntok || (t->tok[m->end_tok].flags & LW_TF_NEWLINE_BEFORE) ||
		     t->tok[m->end_tok].kind == LW_TOK_TERM || lw_tok_punct(t, m->end_tok, ','))) {
			s->found = 1;
			s->first = m->first_tok;
			s->end = m->end_tok;
			s->ent = (int32_t)m->ent;
			s->cue_first = (uint32_t)k;
			s->cue_end = (uint32_t)k + 1;
			s->confidence = 0.8f;
			return;
		}
	}
	/* '," Harry Bond, 30, of Raleigh, who was polled, said': a person
	 * right after the quote whose cue comes after a long apposition, in
	 * the quote's sentence (after '."' a name and its apposition start
	 * the next statement) */
	if (limit > k) {
		size_t n = k;
		while (n < t->ntok && (lw_tok_punct(t, n, ',') || t->tok[n].kind == LW_TOK_DASH))
			n++;
		const struct lw_mention *m = lw_mention_at(x, n);
		/* "Mr. Daniloff": the title before the name */
		if (!m && n + 1 < t->ntok && t->tok[n].kind == LW_TOK_ABBREV &&
		    (t->tok[n].flags & LW_TF_CAP))
			m = lw_mention_at(x, ++n);
		if (m && m->first_tok == n && m->type == LW_PERSON) {
			size_t lim = sent_end(t, n);
			for (size_t j = m->end_tok; j < lim && j < m->end_tok + 40; j++) {
				uint32_t ce;
				if (quote_mark(t, j))
					break;
				/* (or a short apposition in commas: '?" Varden, a
				 * retired teacher, said') */
				int appos = lw_tok_punct(t, m->end_tok, ',') &&
					    (lw_tok_punct(t, j - 1, ',') ||
					     (lw_tok_punct(t, j - 2, ',') && cue_adverb(x, j - 1)));
				if (is_cue(x, j, &ce) && (j > m->end_tok + LW_ATTRIBUTION_WINDOW / 2 || appos)) {
					s->found = 1;
					s->first = m->first_tok;
					s->end = m->end_tok;
					s->ent = (int32_t)m->ent;
					s->desc = m->desc.end ? m->desc : lw_mention_title(x, m);
					/* the apposition between the commas describes him */
					size_t close = lw_tok_punct(t, j - 1, ',') ? j - 1 : j - 2;
					if (appos && !m->desc.end && close > m->end_tok + 1)
						s->desc = (lw_span){t->tok[m->end_tok + 1].start,
								    t->tok[close - 1].end};
					s->cue_first = (uint32_t)j;
					s->cue_end = ce;
					s->confidence = 0.8f;
					return;
				}
			}
		}
	}
	/* never past the paragraph, nor into the next quote */
	size_t para_end = para_end_from(t, lw_sentence_of(t, k > 0 ? k - 1 : k));
	for (size_t j = k; j < limit; j++) {
		if (t->tok[j].kind == LW_TOK_QUOTE && only_open(&t->tok[j]))
			break;
		if (j >= para_end || j > cue_by)
			break;
		uint32_t ce;
		if (!is_cue(x, j, &ce))
			continue;
		struct speaker sp;
		memset(&sp, 0, sizeof sp);
		sp.ent = -1;
		/* '," the retired officer said': whatever stands between the
		 * quote and its cue is the speaker; '," said X': after the cue */
		size_t from = k;
		while (from < j && (t->tok[from].kind == LW_TOK_PUNCT || t->tok[from].kind == LW_TOK_DASH))
			from++;
		/* '"..." and Rahimi calling it "...": a new clause, another quote's */
		if (j > from && (lw_tok_word(t, from, "and") || lw_tok_word(t, from, "but")))
			break;
		/* "noting", "adding"; "according to" is no participle */
		int participle = lw_tok_ends(t, j, "ing", 3) && !lw_tok_word(t, j, "according");
		if (j > from)
			speaker_before(x, j, from, 1, &sp);
		/* '"...," noting' and '"..." -- all without naming him': the
		 * sentence's subject, unless someone is named before the cue */
		if (participle && (j == from || (sp.found && sp.ent < 0 && !sp.pronoun))) {
			memset(&sp, 0, sizeof sp);
			sp.ent = -1;
			sentence_subject(c, sent_start(t, q->open), q->open, &sp);
		} else if (j == from && lw_tok_word(t, j, "in") && q->open > sent_start(t, q->open)) {
			/* 'X called it "rigged" in a tweet Tuesday': the quote
			 * inside a sentence; its subject speaks */
			sentence_subject(c, sent_start(t, q->open), q->open, &sp);
		} else if (j == from) {
			speaker_after(x, ce, limit, 1, &sp);
		}
		if (sp.found) {
			sp.cue_first = (uint32_t)j;
			sp.cue_end = ce;
			sp.confidence = j - k <= 4 ? 0.9f : 0.75f;
			*s = sp;
			return;
		}
	}
}

/* Words before a name that make it the one spoken to: "in a message to
 * the Dutch newspaper NRC:", "wrote to Senator X:". */
static int addressee(const struct lw_text *t, size_t first, size_t floor)
{
	for (size_t j = first; j > floor && first - j < 5; j--) {
		if (lw_tok_word(t, j - 1, "to"))
			return 1;
		if (t->tok[j - 1].kind != LW_TOK_WORD)
			return 0;
	}
	return 0;
}

/* Attribution before the quote: "Malang, a friend, added, “...”", "X
 * said: “...”", "According to X, “...”", "X said the plan was “...”". */
static void attribution_before(struct qctx *c, const struct qraw *q, struct speaker *s)
{
	struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	size_t o = q->open, floor = sent_start(t, o);
	/* "Dr. Ward stated:" and the quote in the next paragraph */
	if (o == floor && o > 0 && lw_tok_punct(t, o - 1, ':') &&
	    para_of(t, o - 1) + 1 == para_of(t, o)) {
		floor = sent_start(t, o - 1);
		struct speaker sp;
		memset(&sp, 0, sizeof sp);
		sp.ent = -1;
		for (size_t j = o - 1; j-- > floor;) {
			uint32_t ce;
			if (is_cue(x, j, &ce) && ce <= o) {
				speaker_before(x, j, floor, 0, &sp);
				if (!sp.found)
					sentence_subject(c, floor, j, &sp);
				if (sp.found) {
					sp.cue_first = (uint32_t)j;
					sp.cue_end = ce;
					sp.confidence = 0.7f;
					*s = sp;
				}
				return;
			}
		}
		sentence_subject(c, floor, o - 1, &sp);
		if (sp.found) {
			sp.cue_first = (uint32_t)o - 1;
			sp.cue_end = (uint32_t)o;
			sp.confidence = 0.6f;
			*s = sp;
		}
		return;
	}
	if (o == floor && o >= 3 && t->tok[o - 1].kind == LW_TOK_TERM &&
	    para_of(t, o - 1) == para_of(t, o)) {
		/* 'Dianne Bystrom agreed. "Mainstream Republicans ..."': a
		 * sentence that ends in its cue, right before the quote */
		size_t e = o - 1, pf = sent_start(t, o - 1);
		uint32_t ce;
		struct speaker sp;
		memset(&sp, 0, sizeof sp);
		sp.ent = -1;
		/* not "Hooton said after Rubio spoke.": the sentence's one
		 * cue; nor "also spoke", which tells of a speech, not this one */
		static const char *const spoke[] = {"spoke", "speaks", "spoken", "speak"};
		int first_cue = e > pf + 1 && !c->in_quote[e - 1] && is_cue(x, e - 1, &ce) && ce == e &&
				!lw_tok_in(t, e - 1, spoke, sizeof spoke / sizeof *spoke);
		for (size_t j = pf; first_cue && j + 1 < e; j++) {
			uint32_t je;
			if (is_cue(x, j, &je))
				first_cue = 0;
		}
		if (first_cue) {
			speaker_before(x, e - 1, pf, 0, &sp);
			if (sp.found && (sp.ent >= 0 || sp.pronoun)) {
				sp.cue_first = (uint32_t)e - 1;
				sp.cue_end = ce;
				sp.confidence = 0.6f;
				*s = sp;
			}
			return;
		}
		/* 'Analyst Rehana Parveen said the standoff could turn violent.
		 * "Both sides are digging in."': a named speaker's reported
		 * words, then the quote that gives them in full; the sentence's
		 * first cue a verb of saying right after its subject, and no
		 * quote in it */
		static const char *const saying[] = {"said", "says", "told", "warned", "argued",
						     "insisted", "noted", "explained", "added"};
		for (size_t j = pf; j + 1 < e; j++) {
			if (c->in_quote[j])
				return;
			if (!is_cue(x, j, &ce))
				continue;
			if (!(t->tok[j].flags & LW_TF_LOWER) ||
			    !lw_tok_in(t, j, saying, sizeof saying / sizeof *saying))
				return;
			/* (the sentence's one cue: not "said his piece after
			 * the mayor spoke", a speech told of) */
			for (size_t k = ce; k < e; k++) {
				uint32_t ke;
				if (is_cue(x, k, &ke))
					return;
			}
			speaker_before(x, j, pf, 0, &sp);
			if (sp.found && sp.ent >= 0 && sp.end == j) {
				sp.cue_first = (uint32_t)j;
				sp.cue_end = ce;
				sp.confidence = 0.5f;
				*s = sp;
			}
			return;
		}
		return;
	}
	if (o <= floor)
		return;
	/* the nearest cue before the mark, in the sentence, not inside a
	 * quote; past a few quoted words ("called the plan “reckless” and
	 * “cruel” and said it would “fail”"), not past a longer quote */
	for (size_t j = o; j-- > floor;) {
		if (c->in_quote[j]) {
			size_t i = j;
			while (i > floor && c->in_quote[i - 1] && j - i < SKIP_QUOTED_TOKENS)
				i--;
			if (j - i >= SKIP_QUOTED_TOKENS || i == floor)
				break;
			j = i;
			continue;
		}
		uint32_t ce;
		if (!is_cue(x, j, &ce) || ce > o)
			continue;
		struct speaker sp;
		memset(&sp, 0, sizeof sp);
		sp.ent = -1;
		int participle = lw_tok_ends(t, j, "ing", 3);
		const struct lw_mention *pm = participle && j > floor ? lw_mention_at(x, j - 1) : NULL;
		if (lw_tok_word(t, j, "according")) {
			speaker_after(x, ce, o, 0, &sp);
		} else if (!participle) {
			speaker_before(x, j, floor, 0, &sp);
			/* "Verizon said in a statement: “...”": a cue phrase
			 * after the verb; the subject is the verb's */
			uint32_t ve;
			if (!sp.found && j > floor + 1 && is_cue(x, j - 1, &ve) && ve >= j)
				speaker_before(x, j - 1, floor, 0, &sp);
			/* "Said Maria Lopez, who runs the bakery, “...”": the
			 * cue opens the sentence, its speaker after it up to
			 * the comma or colon before the mark, or to an
			 * apposition that ends there */
			if (!sp.found && j == floor && o >= ce + 2 &&
			    (lw_tok_punct(t, o - 1, ',') || lw_tok_punct(t, o - 1, ':'))) {
				speaker_after(x, ce, o - 1, 0, &sp);
				if (sp.found && !(sp.ent >= 0 && (sp.end == o - 1 || lw_tok_punct(t, sp.end, ',')))) {
					memset(&sp, 0, sizeof sp);
					sp.ent = -1;
				}
			}
			/* "explained CBS moderator Nancy Cordes: “...”": the
			 * cue first, its speaker after it, up to the colon */
			if (!sp.found && o >= ce + 2 && lw_tok_punct(t, o - 1, ':')) {
				speaker_after(x, ce, o - 1, 0, &sp);
				if (sp.found && sp.end != o - 1) {
					memset(&sp, 0, sizeof sp);
					sp.ent = -1;
				}
			}
		} else if (pm && pm->end_tok == j && pm->type == LW_PERSON && pm->first_tok > floor &&
			   (lw_tok_word(t, pm->first_tok - 1, "and") ||
			    lw_tok_punct(t, pm->first_tok - 1, ','))) {
			/* "..., Noori saying he was ... and Rahimi calling it":
			 * a name right before the participle is its subject */
			speaker_is_mention(x, &sp, pm);
		}
		/* "..., the army said in a statement, adding that “...”": the
		 * speaker of the verb of saying before the participle */
		for (size_t v = j; participle && !sp.found && v-- > floor;) {
			uint32_t ve;
			if (c->in_quote[v] || !is_cue(x, v, &ve) || ve > j || lw_tok_ends(t, v, "ing", 3))
				continue;
			speaker_before(x, v, floor, 0, &sp); /* ("said in a statement": on to "said") */
			/* (a name, a pronoun, or a short phrase an article opens:
			 * not the words of another verb's clause) */
			if (sp.found && sp.ent < 0 && !sp.pronoun &&
			    !(sp.end - sp.first <= 5 && determiner(t, sp.first))) {
				memset(&sp, 0, sizeof sp);
				sp.ent = -1;
			}
		}
		/* ", calling it ...": the subject of the sentence speaks */
		if (!sp.found && !lw_tok_word(t, j, "according"))
			sentence_subject(c, floor, j, &sp);
		if (sp.found) {
			sp.cue_first = (uint32_t)j;
			sp.cue_end = ce;
			sp.confidence = o - ce <= 3 ? 0.9f : 0.7f;
			*s = sp;
		}
		return;
	}
	/* "Cole issued a statement, “...”", "the mayor posted a message,
	 * “...”": a word naming an utterance, after its article, then a
	 * comma before the mark; the sentence's subject speaks */
	if (o > floor + 3 && lw_tok_punct(t, o - 1, ',') && noun_cue_ends(c->x, o - 1) &&
	    determiner(t, noun_cue_ends(c->x, o - 1) - 1)) {
		struct speaker sp;
		memset(&sp, 0, sizeof sp);
		sp.ent = -1;
		size_t cue = noun_cue_ends(c->x, o - 1);
		sentence_subject(c, floor, cue, &sp);
		if (sp.found && sp.end <= cue) {
			sp.cue_first = (uint32_t)cue;
			sp.cue_end = (uint32_t)o - 1;
			sp.confidence = 0.6f;
			*s = sp;
			return;
		}
	}
	/* "X's word:" / "X:" / "he returned to his familiar lines:" before
	 * the mark: who speaks is the one named there, or the sentence's
	 * subject */
	if (o > floor + 1 && lw_tok_punct(t, o - 1, ':')) {
		struct speaker sp;
		memset(&sp, 0, sizeof sp);
		sp.ent = -1;
		speaker_before(x, o - 1, floor, 0, &sp);
		if (!(sp.found && (sp.ent >= 0 || sp.pronoun)) || addressee(t, sp.first, floor)) {
			memset(&sp, 0, sizeof sp);
			sp.ent = -1;
			sentence_subject(c, floor, o - 1, &sp);
		}
		if (sp.found) {
			sp.cue_first = (uint32_t)o - 1;
			sp.cue_end = (uint32_t)o;
			sp.confidence = 0.6f;
			*s = sp;
		}
	}
}

/* Does the clause from token a (before b) open with a title for its
 * subject ("The provincial finance minister told", "A police spokesman
 * said"), past an article and up to three words in lower case? */
static int title_subject(struct qctx *c, size_t a, size_t b)
{
	const struct lw_text *t = c->t;
	size_t j = a;
	if (j < b && (lw_tok_word(t, j, "the") || lw_tok_word(t, j, "a") || lw_tok_word(t, j, "an")))
		j++;
	for (size_t n = 0; n <= 3 && j < b && !c->in_quote[j]; n++, j++) {
		const struct lw_ann *r = lw_ann_find(c->x, j, LW_SENSE_ROLE);
		if (r && c->x->kb->roles[lw_ann_sense(c->x, r)->id].kind == LW_ROLE_TITLE &&
		    r->end_tok < b && t->tok[r->end_tok].kind == LW_TOK_WORD &&
		    (t->tok[r->end_tok].flags & LW_TF_LOWER))
			return 1; /* (a verb after it, not a name: "Minister X") */
		if (t->tok[j].kind != LW_TOK_WORD || !(t->tok[j].flags & LW_TF_LOWER))
			return 0;
	}
	return 0;
}

/* Does the sentence [a, b) open with a person's word of the pronoun's
 * sex (gender 1 "he", 2 "she"): "The mother of one of the victims, ...",
 * "His widow", "A woman"? */
static int gendered_subject(const struct lw_text *t, size_t a, size_t b, int gender)
{
	static const char *const female[] = {"mother", "woman", "wife", "daughter", "sister",
					     "widow", "girl", "grandmother", "aunt", "niece"};
	static const char *const male[] = {"father", "man", "husband", "son", "brother",
					   "widower", "boy", "grandfather", "uncle", "nephew"};
	size_t j = a;
	/* (not "His father's death ... he said": an owner of the
	 * pronoun's sex is whom it points to) */
	if (j < b && ((gender == 1 && lw_tok_word(t, j, "his")) || (gender == 2 && lw_tok_word(t, j, "her"))))
		return 0;
	if (j < b && t->tok[j].kind == LW_TOK_WORD &&
	    (lw_tok_word(t, j, "the") || lw_tok_word(t, j, "a") || lw_tok_word(t, j, "his") ||
	     lw_tok_word(t, j, "her") || lw_tok_word(t, j, "their")))
		j++;
	if (j >= b || !(t->tok[j].flags & LW_TF_LOWER))
		return 0;
	return gender == 2 ? lw_tok_in(t, j, female, sizeof female / sizeof *female)
			   : gender == 1 && lw_tok_in(t, j, male, sizeof male / sizeof *male);
}

/* Of a sentence [a, b) that gendered_subject opens: the person its
 * subject is named as ("The woman ... named Caroline", "The mother,
 * Grace Atieno, said"), or -1 (a person "of" another: "The mother of
 * one of the victims, Brian Otieno,"). */
static int32_t subject_named(struct qctx *c, size_t a, size_t b)
{
	const struct lw_text *t = c->t;
	for (size_t j = a + 1; j < b && j < a + 24; j++) {
		const struct lw_mention *m = lw_mention_at(c->x, j);
		if (!m || m->first_tok != j || m->type != LW_PERSON || c->in_quote[j])
			continue;
		if (lw_tok_word(t, j - 1, "named") || lw_tok_word(t, j - 1, "called") ||
		    (j == a + 3 && lw_tok_punct(t, j - 1, ',')))
			return (int32_t)m->ent;
		return -1;
	}
	return -1;
}

/* "he": the person the text points to: the first person named in the
 * pronoun's sentence before it (its subject), else in the sentences
 * before, going back (outside quotes). A sentence whose subject is a
 * person's word of the pronoun's sex ("The mother of one of the victims,
 * 19-year-old Brian Otieno, spoke ... she said") points to no one named. */
static int32_t resolve_pronoun(struct qctx *c, size_t k)
{
	struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	size_t s = lw_sentence_of(t, k);
	int gender = lw_tok_pronoun(t, k);
	for (size_t back = 0; back <= 4 && back <= s; back++) {
		const lw_sentence *se = &t->sent[s - back];
		size_t end = back == 0 ? k : se->end_token;
		if (gender && !c->in_quote[se->first_token] && gendered_subject(t, se->first_token, end, gender))
			return subject_named(c, se->first_token, end);
		for (size_t j = se->first_token; j < end; j++) {
			if (c->in_quote[j])
				continue;
			const struct lw_mention *m = lw_mention_at(x, j);
			if (!m || m->type != LW_PERSON || m->src == LW_MS_PRONOUN)
				continue;
			/* "Chowdhury's lawyer, Kamal Hossain, said he": the one
			 * named for the possessive's noun (but "Comey's
			 * suggestion was that ... he called": Comey) */
			size_t e = m->end_tok;
			if (e < end && (t->tok[e].flags & LW_TF_POSSESSIVE))
				e++;
			if (t->tok[e - 1].flags & LW_TF_POSSESSIVE)
				for (size_t q = e; q < end && q < e + 5; q++) {
					const struct lw_mention *n = lw_mention_at(x, q);
					if (n && n->first_tok == q && n->type == LW_PERSON &&
					    n->src != LW_MS_PRONOUN)
						return (int32_t)n->ent;
					if (!(t->tok[q].flags & LW_TF_LOWER) && !lw_tok_punct(t, q, ','))
						break;
				}
			return (int32_t)m->ent;
		}
		/* "The provincial finance minister told the assembly ... he
		 * said": a sentence whose subject is a title, not a name,
		 * is whom the pronoun points to; no one named further back */
		if (title_subject(c, se->first_token, end))
			return -1;
	}
	return -1;
}

/* Does the quote hold `most` words (and numbers) or fewer? The count stops
 * past them: a quote runs to dozens, and only short ones are asked about. */
static int words_at_most(const struct lw_text *t, const struct qraw *q, size_t most)
{
	size_t n = 0;
	for (size_t k = q->first; k < q->end && n <= most; k++)
		n += t->tok[k].kind == LW_TOK_WORD || t->tok[k].kind == LW_TOK_NUMBER;
	return n <= most;
}

/* Are the quoted words a title ("Gilmore Girls.", "Fox and Friends.",
 * "TrumpNation: The Art of Being the Donald,"): at most eight words, two
 * or more of them capitalised, and every other one a small word of
 * titles? */
static int title_words_min(const struct lw_text *t, const struct qraw *q, size_t min_caps);

static int title_words(const struct lw_text *t, const struct qraw *q)
{
	return title_words_min(t, q, 2);
}

/* title_words, with at least min_caps capitalised words. */
static int title_words_min(const struct lw_text *t, const struct qraw *q, size_t min_caps)
{
	static const char *const small[] = {"a", "an", "and", "at", "by", "for", "in", "of",
					    "on", "or", "the", "to", "with"};
	size_t words = 0, caps = 0;
	for (size_t k = q->first; k < q->end; k++) {
		const lw_token *w = &t->tok[k];
		if (w->kind != LW_TOK_WORD)
			continue;
		if (++words > 8)
			return 0;
		if (w->flags & (LW_TF_CAP | LW_TF_UPPER))
			caps++;
		else if (!lw_tok_in(t, k, small, sizeof small / sizeof *small))
			return 0;
	}
	return caps >= min_caps;
}

/* Do title-case words read as a name rather than a line in headline
 * case: not all in capitals ("THIS IS NOT OK"), no "!" or "?" ("U-S-A!"),
 * not opening with a pronoun or a word that opens speech ("I Think She
 * Will.", "Like Gaza and Sudan.")? */
static int name_like(const struct lw_text *t, const struct qraw *q)
{
	/* (nor with a word that opens speech, not a name: "Like Palestine
	 * and Myanmar.") */
	static const char *const pronoun[] = {"i",   "you", "we", "he",  "she", "they", "it",
					      "like", "as",  "and", "but", "not", "no",   "yes",
					      "so",   "just", "only"};
	int lower = 0, first = 1;
	for (size_t k = q->first; k < q->end; k++) {
		const lw_token *w = &t->tok[k];
		if (w->kind != LW_TOK_WORD && (t->p[w->start] == '!' || t->p[w->start] == '?'))
			return 0;
		if (w->kind != LW_TOK_WORD)
			continue;
		if (first && lw_tok_in(t, k, pronoun, sizeof pronoun / sizeof *pronoun))
			return 0;
		first = 0;
		lower |= !(w->flags & LW_TF_UPPER) || lw_tok_len(w) == 1;
	}
	return lower;
}

/* A mark after a word for a work ("the documentary “Weiner.”", "his book
 * “Crippled America”", "an op-ed titled “...”"): title-case words there
 * are its title, one word is enough. */
static int work_before(const struct lw_text *t, size_t open)
{
	static const char *const work[] = {
		"documentary", "film", "movie", "book", "novel", "memoir", "album", "song",
		"show", "series", "programme", "program", "play", "musical", "column", "op-ed",
		"editorial", "essay", "report", "titled", "entitled", "headlined", "magazine",
		"newspaper", "podcast", "documentaries", "films", "books"};
	return open > 0 && (t->tok[open - 1].flags & LW_TF_LOWER) &&
	       lw_tok_in(t, open - 1, work, sizeof work / sizeof *work);
}

/* A mark after a possessive or "on" ("said on CBS's “Face the Nation.”",
 * "told “Meet the Press”" is not one): title-case words there name a
 * show, even with a speaker before them. */
static int show_before(const struct lw_text *t, size_t open)
{
	if (open == 0)
		return 0;
	const lw_token *w = &t->tok[open - 1];
	return w->kind == LW_TOK_WORD &&
	       ((w->flags & LW_TF_POSSESSIVE) || lw_tok_word(t, open - 1, "on"));
}

/* Does paragraph p hold anything but quotes and their attributions? */
static int only_quote_paragraph(struct qctx *c, const struct qraw *q)
{
	const struct lw_text *t = c->t;
	uint32_t p = para_of(t, q->open);
	size_t a = t->sent[t->para[p].first_sentence].first_token;
	return q->open == a;
}

/* in[k] = 1 for the tokens k of [a, b) below ntok: one memset (the byte
 * loop it replaces is not vectorised, for its two bounds). */
static void mark_tokens(uint8_t *in, size_t a, size_t b, size_t ntok)
{
	if (b > ntok)
		b = ntok;
	if (a < b)
		memset(in + a, 1, b - a);
}

/* c->marks: the quotation mark tokens. The text layer lists them (t->qmark);
 * for a text made otherwise, lw_token_words (run by the entity stage)
 * flags every one of them as a clause break in x->evf, with the few other
 * breaks (full stops, "that", "which"): only those are asked their kind,
 * and the other tokens are passed eight at a time. The list is in the
 * arena; 0 when out of memory. */
static int collect_marks(struct qctx *c)
{
	const struct lw_text *t = c->t;
	const uint8_t *f = c->x->evf;
	if (t->qmark) {
		c->marks = t->qmark;
		c->nmarks = t->nqmark;
		return 1;
	}
	uint32_t *m = lw_arena_alloc(c->x->arena, (t->ntok + 1) * sizeof *m);
	if (!m)
		return 0;
	size_t n = 0;
	if (!f) {
		for (size_t k = 0; k < t->ntok; k++)
			if (t->tok[k].kind == LW_TOK_QUOTE)
				m[n++] = (uint32_t)k;
	} else {
		for (size_t k = lw_flag_next(f, 0, t->ntok, LW_EVF_BREAK); k < t->ntok;
		     k = lw_flag_next(f, k + 1, t->ntok, LW_EVF_BREAK))
			if (t->tok[k].kind == LW_TOK_QUOTE)
				m[n++] = (uint32_t)k;
	}
	c->marks = m;
	c->nmarks = n;
	return 1;
}

/* Are the quotes in order of their content? The double ones are found in
 * text order and the single ones too, so unless a single one came before
 * a double one they are, and the sort is not needed. */
static int sorted_raw(const struct qctx *c)
{
	for (size_t i = 1; i < c->nq; i++)
		if (c->q[i - 1].first > c->q[i].first)
			return 0;
	return 1;
}

lw_status lw_extract_quotes(struct lw_extract *x, struct lw_quotes *out)
{
	const struct lw_text *t = x->t;
	struct qctx c;
	memset(&c, 0, sizeof c);
	c.x = x;
	c.t = t;
	memset(out, 0, sizeof *out);
	/* the word ids (x->evw): the entity stage has them already */
	lw_status wst = lw_token_words(x);
	if (wst != LW_OK)
		return wst;
	/* scratch in the arena, which the document frees: no malloc and free
	 * a document */
	c.in_quote = lw_arena_calloc(x->arena, t->ntok + 1, 1);
	lw_status st = LW_ENOMEM;
	if (!c.in_quote || !collect_marks(&c))
		goto done;
	if (pair_double(&c))
		goto done;
	for (size_t i = 0; i < c.nq; i++)
		mark_tokens(c.in_quote, c.q[i].open, c.q[i].end + (c.q[i].lost ? 0 : 1), t->ntok);
	if (pair_single(&c))
		goto done;
	if (c.nq > 1 && !sorted_raw(&c))
		qsort(c.q, c.nq, sizeof *c.q, cmp_raw);
	for (size_t i = 0; i < c.nq; i++)
		mark_tokens(c.in_quote, c.q[i].first, c.q[i].end, t->ntok);
	/* a show's name ("tells MSNBC's “Morning Joe” that “...”") is read
	 * as words: the attribution of a quote after it looks past it */
	for (size_t i = 0; i < c.nq; i++) {
		const struct qraw *q = &c.q[i];
		if (!q->lost && q->end > q->first && show_before(t, q->open) &&
		    !c.in_quote[q->open - 1] && title_words(t, q))
			memset(c.in_quote + q->open, 0, q->close + 1 - q->open);
	}
	out->q = lw_arena_calloc(x->arena, c.nq + 1, sizeof *out->q);
	if (!out->q)
		goto done;
	struct speaker prev;
	memset(&prev, 0, sizeof prev);
	uint32_t prev_para = UINT32_MAX;
	for (size_t i = 0; i < c.nq; i++) {
		const struct qraw *q = &c.q[i];
		/* trim spaces: the content starts and ends on tokens */
		if (q->end <= q->first)
			continue;
		struct speaker s;
		memset(&s, 0, sizeof s);
		s.ent = -1;
		attribution_after(&c, q, &s);
		if (!s.found)
			attribution_before(&c, q, &s);
		uint32_t para = para_of(t, q->open);
		int continued = 0;
		if (!s.found && prev.found &&
		    (para == prev_para || (prev_para != UINT32_MAX && para == prev_para + 1 &&
					   only_quote_paragraph(&c, q)))) {
			s = prev;
			s.confidence = 0.6f;
			continued = 1;
		}
		/* "Joe Park put the loss down to “a late swing in two
		 * wards”": words cut from someone's speech in a sentence with no
		 * cue, whose subject is the person who opens it, are that
		 * person's */
		if (!s.found && !continued)
			partial_of_subject(&c, q, &s);
		/* scare quotes, titles, nicknames: a few words that nobody is
		 * said to say right there, without the punctuation of speech
		 * inside the marks ("Absolutely," he said / the "experts") */
		if (words_at_most(t, q, LW_SCARE_QUOTE_WORDS) && !ends_in_punct(t, q) &&
		    !(s.found && s.confidence >= 0.9f))
			continue;
		if (markup_value(t, q))
			continue;
		if (!s.found && words_at_most(t, q, LW_UNSPOKEN_QUOTE_WORDS) && !ends_in_punct(t, q))
			continue; /* a label, not speech */
		/* (with a speaker only a cue right at the quote makes words
		 * all in title case speech: "a big bet on “Twin Peaks”" names
		 * the show though its writer is quoted in the sentence) */
		if ((!s.found || show_before(t, q->open) || (s.confidence < 0.9f && name_like(t, q))) &&
		    title_words(t, q))
			continue; /* the name of a show, a book, a film */
		if (work_before(t, q->open) && title_words_min(t, q, 1))
			continue; /* "the documentary “Weiner.”" */
		if (q->single && !s.found)
			continue; /* 'single' marks quote only with a speaker */
		struct lw_quote_rec *r = &out->q[out->n++];
		memset(r, 0, sizeof *r);
		r->first = q->first;
		r->end = q->end;
		r->start = t->tok[q->first].start;
		r->stop = t->tok[q->end - 1].end;
		if (s.found) {
			if (s.pronoun && s.ent < 0 && !continued)
				s.ent = resolve_pronoun(&c, s.first);
			if (!s.pronoun && s.ent < 0)
				s.ent = title_anaphor(x, s.first, s.end);
			r->has_speaker = 1;
			r->sp_first = s.first;
			r->sp_end = s.end;
			r->ent = s.ent;
			r->desc = s.desc;
			r->cue_first = s.cue_first;
			r->cue_end = s.cue_end;
			r->pronoun = s.pronoun;
			r->confidence = s.confidence;
		} else {
			r->confidence = 0.3f;
		}
		if (s.found) {
			prev = s;
			prev_para = para;
		}
	}
	/* later stages (events) skip what is only said inside quotes */
	x->in_quote = lw_arena_alloc(x->arena, t->ntok + 1);
	if (x->in_quote) {
		memset(x->in_quote, 0, t->ntok + 1);
		for (size_t i = 0; i < out->n; i++)
			mark_tokens(x->in_quote, out->q[i].first, out->q[i].end, t->ntok);
	}
	st = x->in_quote ? LW_OK : LW_ENOMEM;
done:
	free(c.q);
	return st;
}

static int cmp_mention(const void *a, const void *b)
{
	const struct lw_mention *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/*
 * Sort men[0, n), whose last `added` were appended to a sorted array: each
 * is moved into place (after the ones equal to it), as a stable sort would
 * order them, instead of sorting the whole document's mentions again for
 * the few pronouns. The entity stage leaves its mentions sorted; should
 * they not be, all are sorted. Returns the first index whose mention
 * moved or is new: those before it kept theirs.
 */
static size_t sort_added(struct lw_mention *men, size_t n, size_t added)
{
	size_t old = n - added, from = old;
	for (size_t i = 1; i < old; i++)
		if (cmp_mention(&men[i - 1], &men[i]) > 0) {
			qsort(men, n, sizeof *men, cmp_mention);
			return 0;
		}
	for (size_t i = old; i < n; i++) {
		struct lw_mention m = men[i];
		size_t lo = 0, hi = i; /* the first of men[0, i) after m */
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (cmp_mention(&men[mid], &m) <= 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		memmove(men + lo + 1, men + lo, (i - lo) * sizeof *men);
		men[lo] = m;
		if (lo < from)
			from = lo;
	}
	return from;
}

lw_status lw_quote_mentions(struct lw_extract *x, const struct lw_quotes *q)
{
	const struct lw_text *t = x->t;
	size_t added = 0;
	for (size_t i = 0; i < q->n; i++) {
		const struct lw_quote_rec *r = &q->q[i];
		if (!r->has_speaker || !r->pronoun || r->ent < 0)
			continue;
		/* the same pronoun may attribute two quotes: one mention */
		if (lw_mention_at(x, r->sp_first))
			continue;
		if (x->nmen >= LW_MAX_MENTIONS)
			break;
		if (x->nmen == x->capmen) {
			size_t cap = x->capmen ? x->capmen * 2 : 64;
			struct lw_mention *m = lw_arena_grow(x->arena, x->men, x->nmen * sizeof *m,
							     cap * sizeof *m);
			if (!m)
				return LW_ENOMEM;
			x->men = m;
			x->capmen = cap;
		}
		struct lw_mention *m = &x->men[x->nmen++];
		memset(m, 0, sizeof *m);
		m->start = t->tok[r->sp_first].start;
		m->end = t->tok[r->sp_end - 1].end;
		m->first_tok = r->sp_first;
		m->end_tok = r->sp_end;
		m->ent = (uint32_t)r->ent;
		m->type = LW_PERSON;
		m->src = LW_MS_PRONOUN;
		x->cover[r->sp_first] = (uint32_t)x->nmen;
		added++;
	}
	if (added) {
		/* x->cover again: as the entity stage's update_cover keeps it, a
		 * token marks the last mention that covers it. The mentions before
		 * `from` kept their indexes, and a token that only they cover kept
		 * its mark; every other marked token is covered by a mention from
		 * `from` on (mentions are added, never dropped), whose marks are
		 * written again. Past LW_MAX_MENTIONS a mark may be stale: then
		 * all are cleared and written. */
		size_t from = sort_added(x->men, x->nmen, added);
		if (x->limited) {
			memset(x->cover, 0, t->ntok * sizeof *x->cover);
			from = 0;
		}
		for (size_t i = from; i < x->nmen; i++)
			for (uint32_t k = x->men[i].first_tok; k < x->men[i].end_tok; k++)
				x->cover[k] = (uint32_t)(i + 1);
	}
	return LW_OK;
}

lw_status lw_export_quotes(struct lw_extract *x, const struct lw_quotes *q, lw_quote **out,
			   size_t *n)
{
	const struct lw_text *t = x->t;
	*out = NULL;
	*n = 0;
	if (q->n == 0)
		return LW_OK;
	lw_quote *pub = lw_arena_calloc(x->arena, q->n, sizeof *pub);
	if (!pub)
		return LW_ENOMEM;
	for (size_t i = 0; i < q->n; i++) {
		const struct lw_quote_rec *r = &q->q[i];
		lw_quote *p = &pub[i];
		p->span.start = r->start;
		p->span.end = r->stop;
		p->confidence = r->confidence;
		if (!r->has_speaker)
			continue;
		p->speaker.present = 1;
		p->speaker.span.start = t->tok[r->sp_first].start;
		p->speaker.span.end = t->tok[r->sp_end - 1].end;
		p->speaker.entity = -1;
		if (r->ent >= 0 && (size_t)r->ent < x->nents && x->ents[r->ent].id) {
			p->speaker.entity = (int32_t)x->ents[r->ent].id;
			p->speaker.name = lw_ent_name(x, &x->ents[r->ent]);
		} else {
			p->speaker.name.ptr = t->p + p->speaker.span.start;
			p->speaker.name.len = p->speaker.span.end - p->speaker.span.start;
		}
		if (r->desc.end > r->desc.start) {
			p->speaker.description.present = 1;
			p->speaker.description.span = r->desc;
		}
		if (r->cue_end > r->cue_first) {
			p->cue.present = 1;
			p->cue.span.start = t->tok[r->cue_first].start;
			p->cue.span.end = t->tok[r->cue_end - 1].end;
		}
	}
	*out = pub;
	*n = q->n;
	return LW_OK;
}
