/*
 * units.c: tokens to matching units. See units.h.
 */
#include "units.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "../text/text.h"
#include "../text/utf8.h"
#include "../util/arena.h"

unsigned lw_unit_case(const unsigned char *p, size_t n)
{
	unsigned upper = 0, lower = 0, first = 0, inner = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c >= 0x80) {
			unsigned f = lw_word_case(p, n);
			unsigned u = 0;
			if (f & LW_TF_CAP)
				u |= LW_UF_CAP;
			if (f & LW_TF_UPPER)
				u |= LW_UF_UPPER;
			if (f & LW_TF_LOWER)
				u |= LW_UF_LOWER;
			return u;
		}
		if ((unsigned char)(c - 'a') < 26) {
			lower++;
			if (!first)
				first = 1;
		} else if ((unsigned char)(c - 'A') < 26) {
			if (first)
				inner = 1;
			upper++;
			if (!first)
				first = 2;
		}
	}
	unsigned f = 0;
	if (first == 2)
		f |= LW_UF_CAP;
	if (upper >= 2 && lower == 0)
		f |= LW_UF_UPPER;
	if (upper == 0 && lower > 0)
		f |= LW_UF_LOWER;
	if (inner)
		f |= LW_UF_INNER;
	return f;
}

size_t lw_fold_unit(const unsigned char *p, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	/* U+2018..U+201F, the curly quotes, are most of the units that are not
	 * ASCII, and lw_fold costs some 250 instructions on one. Its answer
	 * without the call: the single quotes U+2018/U+2019 vanish (they are
	 * apostrophes), the others have no decomposition and no case, and stay
	 * as they are (Unicode keeps both mappings stable). */
	if (n == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9F) {
		if (p[2] <= 0x99 || cap < 3)
			return 0;
		memcpy(out, p, 3);
		return 3;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c >= 0x80) {
			/* the slow path for the whole unit */
			char tmp[4 * LW_KB_UNIT_FOLD_MAX];
			size_t k = lw_fold(p, n, tmp, sizeof tmp);
			if (k == 0)
				return 0;
			o = 0;
			for (size_t j = 0; j < k; j++) {
				if (tmp[j] == '\'')
					continue;
				if (o >= cap)
					return 0;
				out[o++] = tmp[j];
			}
			return o;
		}
		if (c == '\'')
			continue;
		if (o >= cap)
			return 0;
		out[o++] = (char)lw_ascii_lower(c);
	}
	return o;
}

/* Length of a hyphen at p (n bytes left): "-", U+2010, U+2011; 0 if none. */
static size_t hyphen_at(const unsigned char *p, size_t n)
{
	if (p[0] == '-')
		return 1;
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x90 || p[2] == 0x91))
		return 3;
	return 0;
}

void lw_split_units(const unsigned char *p, size_t start, size_t end, int is_word,
		    void (*fn)(void *ctx, size_t s, size_t e), void *ctx)
{
	if (!is_word) {
		fn(ctx, start, end);
		return;
	}
	size_t s = start, i = start;
	while (i < end) {
		size_t h = hyphen_at(p + i, end - i);
		if (h && i > s) {
			fn(ctx, s, i);
			i += h;
			s = i;
		} else {
			i += h ? h : 1;
		}
	}
	if (s < end)
		fn(ctx, s, end);
}

/* a byte of 0x01 in each of 8 lanes */
#define LANES 0x0101010101010101ULL

/* The top bit of each lane of w (bytes below 0x80) that holds a byte in
 * [lo, hi], found by two adds that cannot carry into the next lane. */
static uint64_t lanes_in(uint64_t w, unsigned char lo, unsigned char hi)
{
	uint64_t from_lo = w + LANES * (0x80u - lo);
	uint64_t past_hi = w + LANES * (0x7fu - hi);
	return from_lo & ~past_hi & LANES * 0x80;
}

/* lw_hash_unit_start(n) of the keys of 0 to 8 bytes, most words': a load
 * instead of the three instructions of a multiply */
static const uint64_t short_start[9] = {
	LW_HASH_UNIT_MUL * 1, LW_HASH_UNIT_MUL * 2, LW_HASH_UNIT_MUL * 3,
	LW_HASH_UNIT_MUL * 4, LW_HASH_UNIT_MUL * 5, LW_HASH_UNIT_MUL * 6,
	LW_HASH_UNIT_MUL * 7, LW_HASH_UNIT_MUL * 8, LW_HASH_UNIT_MUL * 9};

/* keep + 8 - r: r bytes of 0xff, then zeros (byte order free) */
static const unsigned char keep[16] = {255, 255, 255, 255, 255, 255, 255, 255};

/* The bytes p[0, n), 1 <= n <= 8, as one word, zero-padded; reads 8 bytes. */
static inline uint64_t short_word(const unsigned char *p, size_t n)
{
	uint64_t w, mask;
	memcpy(&w, p, 8);
	memcpy(&mask, keep + 8 - n, 8);
	return w & mask;
}

/* The bytes p[i, min(i + 8, n)) as one word, zero-padded; reads 8 bytes. */
static inline uint64_t word_at(const unsigned char *p, size_t i, size_t n)
{
	uint64_t w, mask = UINT64_MAX;
	memcpy(&w, p + i, 8);
	if (n - i < 8)
		memcpy(&mask, keep + 8 - (n - i), 8);
	return w & mask;
}

/*
 * The key of a plain ASCII word p[0, n) into o (8-aligned), lower-cased
 * and zero-padded 8 bytes at a time, and its lw_hash_unit. One pass over
 * words: writing the key a byte at a time and then hashing it as words
 * stalled on every word (a wide load cannot be forwarded from narrow
 * stores). Reads p in whole words: p + n rounded up to 8 must be readable.
 * *two: has the word two capitals or more (counted from the lanes that
 * lowering finds anyway; callers that do not ask pass a local, and the
 * inlined count is dropped).
 */
static inline uint32_t ascii_key(const unsigned char *p, size_t n, char *o, int *two)
{
	if (n - 1 < 8) {
		/* most words, 1 to 8 bytes: one word of key, no loop */
		uint64_t w = short_word(p, n);
		uint64_t up = lanes_in(w, 'A', 'Z');
		*two = (up & (up - 1)) != 0;
		w |= up >> 2; /* lower_lanes */
		memcpy(o, &w, 8);
		return (uint32_t)lw_hash_unit_last(lw_hash_unit_step(short_start[n], w));
	}
	uint64_t h = lw_hash_unit_start(n);
	int upper = 0, upper2 = 0;
	for (size_t i = 0; i < n; i += 8) {
		uint64_t w = word_at(p, i, n);
		uint64_t up = lanes_in(w, 'A', 'Z');
		/* two capitals: two in this word, or one here and one before */
		upper2 |= (up & (up - 1)) != 0 || (up && upper);
		upper |= up != 0;
		w |= up >> 2; /* lower_lanes */
		memcpy(o + i, &w, 8);
		h = lw_hash_unit_step(h, w);
	}
	*two = upper2;
	return (uint32_t)lw_hash_unit_last(h);
}

/*
 * lw_unit_case of a word of n bytes (1 to LW_KB_UNIT_FOLD_MAX), read 8
 * bytes at a time as ascii_key reads it (the same bytes must be readable):
 * capitals are counted by lanes, and only "none", "one" and "two or more"
 * matter. A word that does not start with an ASCII letter, or has a byte
 * from 0x80 (whose lanes would mean nothing), goes to lw_unit_case.
 */
static unsigned ascii_case(const unsigned char *p, size_t n)
{
	int first_upper = (unsigned char)(p[0] - 'A') < 26;
	if (!first_upper && (unsigned char)(p[0] - 'a') >= 26)
		return lw_unit_case(p, n); /* the first letter comes later ("3Com") */
	uint64_t high = 0, lower = 0;
	int upper = 0, upper2 = 0;
	if (n <= 8) {
		/* most words: one word of bytes, no loop */
		uint64_t w = short_word(p, n);
		high = w & LANES * 0x80;
		uint64_t up = lanes_in(w, 'A', 'Z');
		lower = lanes_in(w, 'a', 'z');
		upper2 = (up & (up - 1)) != 0;
		upper = up != 0;
	} else {
		for (size_t i = 0; i < n; i += 8) {
			uint64_t w = word_at(p, i, n);
			high |= w & LANES * 0x80;
			uint64_t up = lanes_in(w, 'A', 'Z');
			lower |= lanes_in(w, 'a', 'z');
			/* two capitals: two in this word, or one here and one
			 * before */
			upper2 |= (up & (up - 1)) != 0 || (up && upper);
			upper |= up != 0;
		}
	}
	if (high)
		return lw_unit_case(p, n);
	unsigned f = 0;
	if (first_upper)
		f |= LW_UF_CAP;
	if (upper2 && !lower)
		f |= LW_UF_UPPER;
	if (!upper && lower)
		f |= LW_UF_LOWER;
	if (first_upper ? upper2 : upper) /* a capital after the first letter */
		f |= LW_UF_INNER;
	return f;
}

/* Are p[0, n) all ASCII, none an apostrophe? Then lw_fold_unit would only
 * lower them: a piece of a hyphenated word ("al-Qaeda") takes the fast key
 * (the hyphen, which may be U+2010, is not in the piece). */
static int ascii_piece(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] >= 0x80 || p[i] == '\'')
			return 0;
	return 1;
}

struct build {
	struct lw_arena *a;
	const struct lw_text *t;
	struct lw_units *out;
	const struct lw_unit_words *look;
	size_t cap, kcap, kused;
	size_t nrest; /* on look->rest */
	uint32_t tok;
	int first, oom;
};

static void add_unit(void *ctx, size_t s, size_t e)
{
	struct build *b = ctx;
	struct lw_units *u = b->out;
	if (b->oom)
		return;
	if (u->n == b->cap) {
		size_t cap = b->cap * 2;
		struct lw_unit *nu = realloc(u->u, cap * sizeof *nu);
		if (!nu) {
			b->oom = 1;
			return;
		}
		u->u = nu;
		b->cap = cap;
	}
	if (b->kcap - b->kused < LW_KB_UNIT_FOLD_MAX + 8) { /* a key and a word of padding */
		size_t cap = b->kcap * 2;
		char *nk = realloc(u->keys, cap);
		if (!nk) {
			b->oom = 1;
			return;
		}
		u->keys = nk;
		b->kcap = cap;
	}
	const unsigned char *p = (const unsigned char *)b->t->p;
	const lw_token *tq = &b->t->tok[b->tok];
	if (tq->kind == LW_TOK_QUOTE && !(tq->flags & LW_TF_SPACE_BEFORE) && b->tok + 1 < b->t->ntok &&
	    !(b->t->tok[b->tok + 1].flags & LW_TF_SPACE_BEFORE))
		return; /* a mark inside a word ("Ku‘aydinah") is no unit: kb_compile.c */
	if (b->first)
		u->tok_first[b->tok] = (uint32_t)u->n;
	struct lw_unit *x = &u->u[u->n++];
	x->start = (uint32_t)s;
	x->end = (uint32_t)e;
	x->tok = b->tok;
	const lw_token *tk = &b->t->tok[b->tok];
	int word = tk->kind == LW_TOK_WORD || tk->kind == LW_TOK_ABBREV || tk->kind == LW_TOK_NUMBER;
	unsigned uc = 0;
	if (word && s == tk->start && e == tk->end && !(tk->flags & LW_TF_NONASCII) &&
	    !(tk->flags & LW_TF_CAP) && (tk->flags & LW_TF_LOWER))
		uc = LW_UF_LOWER; /* a lower-case word: nothing to look at */
	else if (word)
		uc = lw_unit_case(p + s, e - s);
	x->flags = (uint16_t)((word ? LW_UF_WORD | uc : 0) |
			      (b->first ? LW_UF_TOK_START : 0) | (e == tk->end ? LW_UF_TOK_END : 0));
	b->first = 0;
	u->tok_caps[b->tok] |= (uint8_t)(x->flags & (LW_UF_CAP | LW_UF_UPPER));
	/* the key, zero-padded to a multiple of 8 bytes (units.h) */
	char *o = u->keys + b->kused;
	size_t k;
	uint32_t h;
	if (word && !(tk->flags & (LW_TF_NONASCII | LW_TF_APOS | LW_TF_POSSESSIVE)) &&
	    (!(tk->flags & LW_TF_HYPHEN) || ascii_piece(p + s, e - s)) &&
	    e - s <= LW_KB_UNIT_FOLD_MAX && s + ((e - s + 7) & ~(size_t)7) <= b->t->len + 1) {
		/* plain ASCII word, the common case, or a piece of a plain
		 * hyphenated one (the text ends in a NUL: p[len] may be read);
		 * not a possessive ("'s", "’s"), whose key is "s" as in the
		 * knowledge base's phrases */
		k = e - s;
		int two;
		h = ascii_key(p + s, k, o, &two);
	} else {
		/* folding may write more than the key it returns: a scratch
		 * copy; then the word the key ends in is cleared for padding */
		char tmp[LW_KB_UNIT_FOLD_MAX];
		x->flags |= LW_UF_FOLDED;
		k = lw_fold_unit(p + s, e - s, tmp, sizeof tmp);
		memset(o + (k & ~(size_t)7), 0, 8);
		memcpy(o, tmp, k);
		h = (uint32_t)lw_hash_unit_padded(o, k);
	}
	x->key = (uint32_t)b->kused;
	x->key_len = (uint16_t)k;
	x->hash = h;
	b->kused += (k + 7) & ~(size_t)7;
}

/*
 * The token is one unit whose key is its bytes in lower case, the common
 * case: a plain ASCII word (1: as add_unit's fast key; not the possessive
 * "'s", whose apostrophe lw_fold_unit drops, as the knowledge base's
 * "People's Party" did), or a mark of one
 * ASCII byte, not an apostrophe (2: lw_fold_unit would only lower it); or
 * a quotation mark whose key is its bytes (3) or empty (4), if add_unit
 * would keep it at all (plain_run asks). 0: add_unit decides. Its key's
 * words must be readable: plain_run asks only of the tokens before
 * near_end_from.
 */
static inline int plain_kind(const char *text, const lw_token *k)
{
	size_t n = k->end - k->start;
	if (n - 1 >= LW_KB_UNIT_FOLD_MAX) /* n == 0 or n > LW_KB_UNIT_FOLD_MAX */
		return 0;
	if (k->kind == LW_TOK_WORD || k->kind == LW_TOK_ABBREV || k->kind == LW_TOK_NUMBER)
		return !(k->flags & (LW_TF_HYPHEN | LW_TF_NONASCII | LW_TF_APOS | LW_TF_POSSESSIVE));
	const unsigned char *p = (const unsigned char *)text + k->start;
	if (k->kind == LW_TOK_QUOTE) {
		/* lw_fold_unit's answer for the usual marks: '"' and U+201A..
		 * U+201F stay as they are (3), the single quotes vanish (4) */
		if (n == 1)
			return p[0] == '"' ? 3 : p[0] == '\'' ? 4 : 0;
		if (n == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9F)
			return p[2] <= 0x99 ? 4 : 3;
		return 0;
	}
	return n == 1 && p[0] < 0x80 && p[0] != '\'' ? 2 : 0;
}

/* The key of a unit that is its own bytes p[0, n), n <= 8, unchanged, into
 * o, zero-padded; its lw_hash_unit. Reads 8 bytes of p, as ascii_key. */
static inline uint32_t raw_key(const unsigned char *p, size_t n, char *o)
{
	uint64_t w = short_word(p, n);
	memcpy(o, &w, 8);
	return (uint32_t)lw_hash_unit_last(lw_hash_unit_step(short_start[n], w));
}

/*
 * The first token from which a key's whole words might run past the text's
 * NUL: before it, every token ends at least 7 bytes before the NUL, and a
 * key's last word (from start + 8j, under end) ends by end + 7 (at most 8
 * bytes past a byte of the token). Tokens come in order, so the few at the
 * end are found from the end. plain_run stops there: the last token or two
 * of a text go to add_unit, which asks of each unit.
 */
static size_t near_end_from(const struct lw_text *t)
{
	size_t i = t->ntok;
	while (i > 0 && (size_t)t->tok[i - 1].end + 7 > t->len + 1)
		i--;
	return i;
}

/*
 * A plain word's entry in the word table (units.h), or NULL: its key
 * (zero-padded to 8 bytes) is key[0, n), its hash h, and the slot of its
 * hash holds sl, not 0 (asked before the call: most words find their
 * slot empty). Equal keys and lengths make equal hashes: the hash is not
 * compared.
 */
static inline const struct lw_unit_word *word_probe(const struct lw_unit_words *look,
						    const char *key, size_t n, uint32_t h,
						    unsigned sl)
{
	uint64_t k0, k1 = 0;
	memcpy(&k0, key, 8);
	if (n > 8)
		memcpy(&k1, key + 8, 8);
	size_t i = h & (LW_UNIT_WORD_SLOTS - 1);
	do {
		const struct lw_unit_word *e = &look->word[sl - 1];
		if (e->key[0] == k0 && e->len == n && e->key[1] == k1)
			return e;
		i = (i + 1) & (LW_UNIT_WORD_SLOTS - 1);
		sl = look->slots[i];
	} while (sl);
	return NULL;
}

/*
 * Units of the plain tokens (plain_kind) from token i on, while there is
 * room for them: add_unit without its questions, the state in locals.
 * Each plain LW_TOK_WORD is looked up in b->look while its key is at
 * hand; every other token goes on look->rest. Returns the first token not
 * taken. `safe`: near_end_from.
 */
static size_t plain_run(struct build *b, size_t i, size_t safe)
{
	/* in locals: the keys' stores may alias anything the struct holds */
	const lw_token *tok = b->t->tok;
	const char *text = b->t->p;
	size_t ntok = b->t->ntok;
	char *keys = b->out->keys;
	uint32_t *first = b->out->tok_first;
	uint8_t *caps = b->out->tok_caps;
	const struct lw_unit_words *look = b->look;
	uint32_t *rest = look->rest + b->nrest;
	size_t n = b->out->n, cap = b->cap, kused = b->kused;
	size_t klimit = b->kcap - (LW_KB_UNIT_FOLD_MAX + 8); /* kcap is larger */
	for (;;) {
		/* a stretch of tokens that need not ask for room: each takes
		 * one unit and at most LW_KB_UNIT_FOLD_MAX bytes of keys, so
		 * kused stays within klimit before each (asked once here, not
		 * for every token) */
		size_t stop = safe > i ? safe - i : 0;
		if (cap - n < stop)
			stop = cap - n;
		size_t krun = kused <= klimit ? (klimit - kused) / LW_KB_UNIT_FOLD_MAX + 1 : 0;
		if (krun < stop)
			stop = krun;
		if (stop == 0)
			break;
		stop += i;
		/* one unit a token: token j's unit is unit j + d over the
		 * stretch (modulo SIZE_MAX + 1: d may wrap), one counter for
		 * both */
		size_t d = n - i;
		struct lw_unit *units = b->out->u;
		for (; i < stop; i++) {
			const lw_token *k = &tok[i];
			int kind = plain_kind(text, k);
			if (!kind)
				break;
			if (kind >= 3 && !(k->flags & LW_TF_SPACE_BEFORE) && i + 1 < ntok &&
			    !(k[1].flags & LW_TF_SPACE_BEFORE))
				break; /* a mark inside a word: add_unit drops it */
			const unsigned char *p = (const unsigned char *)text + k->start;
			size_t len = k->end - k->start;
			struct lw_unit *x = &units[i + d];
			x->start = k->start;
			x->end = k->end;
			x->tok = (uint32_t)i;
			first[i] = (uint32_t)(i + d);
			x->key = (uint32_t)kused;
			char *o = keys + kused;
			unsigned f = LW_UF_TOK_START | LW_UF_TOK_END;
			if (kind == 1) {
				int lower = (k->flags & (LW_TF_CAP | LW_TF_LOWER)) == LW_TF_LOWER;
				int two;
				uint32_t h;
				if (lower) {
					/* a lower-case word: nothing to look at; the
					 * scanner's LW_TF_LOWER: no capital to lower,
					 * the key of a short word is its bytes */
					f |= LW_UF_WORD | LW_UF_LOWER;
					h = len <= 8 ? raw_key(p, len, o) : ascii_key(p, len, o, &two);
				} else if (k->kind == LW_TOK_WORD && (unsigned char)(p[0] - 'A') < 26) {
					/* a word that starts with a capital, most of
					 * the rest: the scanner counted its letters as
					 * lw_unit_case counts them (LW_TF_UPPER is
					 * LW_UF_UPPER), and the key's lanes say
					 * whether a capital follows the first */
					h = ascii_key(p, len, o, &two);
					f |= LW_UF_WORD | LW_UF_CAP |
					     ((k->flags & LW_TF_UPPER) ? LW_UF_UPPER : 0) |
					     (two ? LW_UF_INNER : 0);
				} else {
					f |= LW_UF_WORD | ascii_case(p, len);
					h = ascii_key(p, len, o, &two);
				}
				x->flags = (uint16_t)f;
				caps[i] = (uint8_t)(f & (LW_UF_CAP | LW_UF_UPPER));
				x->key_len = (uint16_t)len;
				x->hash = h;
				kused += (len + 7) & ~(size_t)7;
				if (k->kind != LW_TOK_WORD) {
					*rest++ = (uint32_t)i;
					continue;
				}
				unsigned sl = look->slots[h & (LW_UNIT_WORD_SLOTS - 1)];
				const struct lw_unit_word *e;
				if (sl && len <= LW_UNIT_WORD_MAXLEN &&
				    (e = word_probe(look, o, len, h, sl))) {
					uint8_t *w = look->out + i;
					w[0] = e->by_case[(k->flags & LW_TF_CAP) != 0];
					w[look->stride] = e->id;
					w[2 * look->stride] = e->date;
				}
				continue;
			}
			*rest++ = (uint32_t)i;
			x->flags = (uint16_t)f;
			caps[i] = 0;
			if (kind == 4) {
				/* a single quote: an empty key, as add_unit
				 * leaves it (a cleared word, no bytes used) */
				memset(o, 0, 8);
				x->key_len = 0;
				x->hash = (uint32_t)lw_hash_unit_last(lw_hash_unit_start(0));
				continue;
			}
			x->key_len = (uint16_t)len;
			int two;
			x->hash = kind == 3 ? raw_key(p, len, o) : ascii_key(p, len, o, &two);
			kused += (len + 7) & ~(size_t)7;
		}
		n = i + d;
		if (i < stop)
			break; /* a token that is not plain */
	}
	b->out->n = n;
	b->kused = kused;
	b->nrest = (size_t)(rest - look->rest);
	return i;
}

lw_status lw_make_units(struct lw_arena *a, const struct lw_text *t, struct lw_units *out)
{
	/* no words to look up: every slot empty, every token on the list */
	static const uint16_t none[LW_UNIT_WORD_SLOTS];
	struct lw_unit_words look = {NULL, none, NULL, 0, NULL, 0};
	look.rest = lw_arena_alloc(a, (t->ntok + 1) * sizeof *look.rest);
	if (!look.rest) {
		out->u = NULL;
		out->keys = NULL;
		out->n = 0;
		return LW_ENOMEM;
	}
	return lw_make_units_looking(a, t, &look, out);
}

lw_status lw_make_units_looking(struct lw_arena *a, const struct lw_text *t,
				struct lw_unit_words *look, struct lw_units *out)
{
	/* keys: the text's bytes, up to 7 of padding a unit, slack for one
	 * more (a few hyphenated tokens or growing folds may still realloc) */
	size_t kcap = t->len + 8 * (t->ntok + 16) + LW_KB_UNIT_FOLD_MAX + 8;
	/* units: one a token, and an eighth more for the pieces of hyphenated
	 * words ("al-Qaeda"), so that few texts realloc (a copy of them all) */
	size_t ucap = t->ntok + t->ntok / 8 + 16;
	struct build b = {a, t, out, look, ucap, kcap, 0, 0, 0, 1, 0};
	out->n = 0;
	out->u = malloc(b.cap * sizeof *out->u);
	out->keys = malloc(b.kcap);
	out->tok_first = lw_arena_alloc(a, (t->ntok + 1) * sizeof *out->tok_first);
	out->tok_caps = lw_arena_calloc(a, t->ntok + 1, 1);
	if (!out->u || !out->keys || !out->tok_first || !out->tok_caps) {
		free(out->u);
		free(out->keys);
		out->u = NULL;
		out->keys = NULL;
		return LW_ENOMEM;
	}
	size_t safe = near_end_from(t);
	for (size_t i = 0; i < t->ntok && !b.oom; i++) {
		/* most tokens are plain: a run of them at once */
		if ((i = plain_run(&b, i, safe)) == t->ntok)
			break;
		const lw_token *k = &t->tok[i];
		look->rest[b.nrest++] = (uint32_t)i; /* not looked up */
		b.tok = (uint32_t)i;
		b.first = 1;
		int word = k->kind == LW_TOK_WORD || k->kind == LW_TOK_NUMBER;
		if (word && (k->flags & LW_TF_HYPHEN))
			lw_split_units((const unsigned char *)t->p, k->start, k->end, 1, add_unit, &b);
		else /* no hyphen to look for */
			add_unit(&b, k->start, k->end);
	}
	look->nrest = b.nrest;
	if (b.oom)
		return LW_ENOMEM;
	return LW_OK;
}

size_t lw_units_join(const struct lw_units *u, size_t from, size_t to, char *out, size_t cap)
{
	size_t n = 0;
	for (size_t k = from; k < to && k < u->n; k++) {
		const struct lw_unit *y = &u->u[k];
		if (y->key_len > cap - n)
			return SIZE_MAX;
		memcpy(out + n, u->keys + y->key, y->key_len);
		n += y->key_len;
	}
	return n;
}
