/*
 * jsonw.h: a small JSON emitter into an lw_buf, compact or indented.
 * Strings are escaped so that the output is always valid JSON and valid
 * UTF-8: bytes that are not UTF-8 become U+FFFD, and U+2028/U+2029 are
 * escaped for JavaScript consumers.
 */
#ifndef LW_JSONW_H
#define LW_JSONW_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../util/buf.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Nesting deeper than this is a bug in the caller: the contract is 4 deep. */
#define LW_JSONW_MAX_DEPTH 32

struct lw_jsonw {
	struct lw_buf *b;
	int pretty;
	int depth;
	unsigned char count[LW_JSONW_MAX_DEPTH]; /* items so far (saturating) */
	int after_key;
};

void lw_jsonw_init(struct lw_jsonw *w, struct lw_buf *b, int pretty);
static inline void lw_jsonw_obj(struct lw_jsonw *w);   /* { */
static inline void lw_jsonw_arr(struct lw_jsonw *w);   /* [ */
static inline void lw_jsonw_end_obj(struct lw_jsonw *w);
static inline void lw_jsonw_end_arr(struct lw_jsonw *w);
void lw_jsonw_key(struct lw_jsonw *w, const char *key);
static inline void lw_jsonw_keyn(struct lw_jsonw *w, const char *key, size_t n);
/* A key that is a string literal: its length known when compiled. */
#define lw_jsonw_key(w, k) lw_jsonw_keyn((w), "" k, sizeof("" k) - 1)
static inline void lw_jsonw_str(struct lw_jsonw *w, const char *p, size_t n);
static inline void lw_jsonw_cstr(struct lw_jsonw *w, const char *s); /* NULL -> null */
static inline void lw_jsonw_int(struct lw_jsonw *w, int64_t v);
void lw_jsonw_num(struct lw_jsonw *w, double v, int decimals); /* NaN -> null */
static inline void lw_jsonw_bool(struct lw_jsonw *w, int v);
static inline void lw_jsonw_null(struct lw_jsonw *w);

/* Append p[0..n) escaped as the inside of a JSON string (no quotes). */
void lw_json_escape(struct lw_buf *b, const char *p, size_t n);

/*
 * The cursor layer under the writer. A caller that knows how much it will
 * write makes room for it once (lw_buf_reserve, or an end pointer of its
 * own), then calls these: each writes at `o` without a check and returns
 * the cursor after what it wrote. write_json.c is built on them; the calls
 * above use them too, so both escape and format alike.
 */

/* Room a string of n bytes may take: its quotes, and every byte may
 * become a six-byte escape (a control byte, a byte that is not UTF-8). */
#define LW_JSON_STR_ROOM(n) (6 * (size_t)(n) + 2)
/* Room lw_json_put_num may take: "%.6f" of -DBL_MAX is 317 bytes. */
#define LW_JSON_NUM_ROOM 320

/* Bytes a JSON string holds as they are: printable ASCII but the quote
 * and the backslash. */
extern const unsigned char lw_json_plain[256];

#define LW_JSON_ONES 0x0101010101010101u

/*
 * Whether the 8 bytes at p are all plain, at once. A byte is flagged by
 * its high bit in x (not ASCII), in x - 0x20 (below 0x20), or in
 * (x ^ '"') - 1 and (x ^ '\\') - 1 (zero there). A borrow can carry into
 * the byte above a flagged one, never out of a plain one, so the answer
 * is exact for the 8 bytes.
 */
static inline int lw_json_plain8(const char *p)
{
	const uint64_t ones = LW_JSON_ONES;
	uint64_t x;
	memcpy(&x, p, 8);
	uint64_t q = x ^ (ones * '"'), s = x ^ (ones * '\\');
	return ((x | (x - ones * 0x20) | (q - ones) | (s - ones)) & (ones * 0x80)) == 0;
}

/* lw_json_plain8 for 4 bytes. */
static inline int lw_json_plain4(const char *p)
{
	const uint32_t ones = (uint32_t)LW_JSON_ONES;
	uint32_t x;
	memcpy(&x, p, 4);
	uint32_t q = x ^ (ones * '"'), s = x ^ (ones * '\\');
	return ((x | (x - ones * 0x20) | (q - ones) | (s - ones)) & (ones * 0x80)) == 0;
}

#ifdef __SSE2__
/* lw_json_plain8 for 16 bytes, with SSE2 (every x86-64 has it): half the
 * instructions a byte of two 8-byte steps, for the long strings (quotes,
 * sentences' words) that are most of the bytes a writer copies. As signed
 * bytes, those below 0x20 and those not ASCII (0x80 up, negative) are the
 * ones under 0x20. */
static inline int lw_json_plain16(const char *p)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i m = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
				 _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
	m = _mm_or_si128(m, _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
	return _mm_movemask_epi8(m) == 0;
}
#endif

/*
 * Copy p[0..n) to o if every byte is plain, by whole words: 16 bytes a
 * step (8 without SSE2), and the last 16, 8 or 4 overlapping what went
 * before (rewriting it unchanged); under 4 bytes, the first, middle and
 * last byte cover them. Returns 0, o's bytes undefined, when some byte
 * needs an escape.
 */
__attribute__((always_inline)) static inline int lw_json_copy_plain(char *o, const char *p,
								     size_t n)
{
#ifdef __SSE2__
	if (n >= 16) {
		for (size_t i = 0; n - i > 16; i += 16) {
			if (!lw_json_plain16(p + i))
				return 0;
			memcpy(o + i, p + i, 16);
		}
		if (!lw_json_plain16(p + n - 16))
			return 0;
		memcpy(o + n - 16, p + n - 16, 16);
		return 1;
	}
#endif
	if (n >= 8) {
		for (size_t i = 0; n - i > 8; i += 8) {
			if (!lw_json_plain8(p + i))
				return 0;
			memcpy(o + i, p + i, 8);
		}
		if (!lw_json_plain8(p + n - 8))
			return 0;
		memcpy(o + n - 8, p + n - 8, 8);
	} else if (n >= 4) {
		if (!lw_json_plain4(p) || !lw_json_plain4(p + n - 4))
			return 0;
		memcpy(o, p, 4);
		memcpy(o + n - 4, p + n - 4, 4);
	} else if (n) {
		const unsigned char *u = (const unsigned char *)p;
		if (!lw_json_plain[u[0]] || !lw_json_plain[u[n / 2]] || !lw_json_plain[u[n - 1]])
			return 0;
		o[0] = p[0];
		o[n / 2] = p[n / 2];
		o[n - 1] = p[n - 1];
	}
	return 1;
}

/* p[0..n) escaped, no quotes: the way for the strings that are not plain. */
char *lw_json_put_escaped(char *o, const char *p, size_t n);

/* p[0..n) as a JSON string, quotes included. Inline: nearly every string
 * (names, codes, words, short quotes) is plain, and copied in a few moves
 * without a call. */
static inline char *lw_json_put_str(char *o, const char *p, size_t n)
{
	*o++ = '"';
	if (lw_json_copy_plain(o, p, n))
		o += n;
	else
		o = lw_json_put_escaped(o, p, n);
	*o++ = '"';
	return o;
}

/* lw_json_put_num of what its inline part leaves: NaN, infinities, values
 * of 1e12 and more, decimals outside 0 to 6. */
char *lw_json_put_num_other(char *o, double v, int decimals);

/* 10^d for d in 0 to 6: a constant when d is. */
static inline uint64_t lw_json_pow10(int d)
{
	return d <= 0 ? 1 : d == 1 ? 10 : d == 2 ? 100 : d == 3 ? 1000 : d == 4 ? 10000
	       : d == 5 ? 100000 : 1000000;
}

/*
 * v rounded to `decimals` places (0 to 6), trailing zeros dropped (34.3,
 * 60); NaN and infinities as null. Inline: the writer puts a coordinate
 * or a confidence in nearly every object, each with its decimals known
 * when compiled, so that the scale is a constant and its division a
 * multiplication. Fixed point by integer arithmetic: printf is slow at it.
 */
static inline char *lw_json_put_num(char *o, double v, int decimals)
{
	/* NaN fails both comparisons */
	if (decimals < 0 || decimals > 6 || !(v < 1e12 && v > -1e12))
		return lw_json_put_num_other(o, v, decimals);
	uint64_t scale = lw_json_pow10(decimals);
	/* llround(x) for 0 <= x < 2^63, without the call: t = trunc(x) is
	 * exact as a double, and so is x - t (t <= x < 2t, or t is 0), so
	 * ties go up as llround's do */
	double x = (v < 0 ? -v : v) * (double)scale;
	uint64_t m = (uint64_t)x;
	if (x - (double)m >= 0.5)
		m++;
	uint64_t ip = m / scale, fp = m % scale;
	if (v < 0 && m)
		*o++ = '-';
	o = lw_buf_put_u64(o, ip);
	if (fp) {
		/* fp + 10^decimals is fp with its leading zeros, after a 1
		 * that the point replaces; then the trailing zeros go:
		 * 34.3000 -> 34.3 (fp is not 0, so the point stays) */
		char *point = o;
		o = lw_buf_put_u64(o, fp + scale);
		*point = '.';
		while (o[-1] == '0')
			o--;
	}
	return o;
}

/*
 * Re-indent compact JSON p[0..n) (as the calls above write it with pretty
 * 0) into b, as they write it with pretty 1: the pretty form of a writer
 * that writes compact JSON only.
 */
void lw_json_indent(struct lw_buf *b, const char *p, size_t n);

/*
 * The calls made for every key and number, inline: a document's output is
 * five times its text, and these were a fifth of `lapwing code`'s
 * instructions as calls.
 */

/* The pretty printer's line break and indent (jsonw.c). */
void lw_jsonw_indent(struct lw_jsonw *w);

/* Separator before a value or key at the current level. */
static inline void lw_jsonw_before(struct lw_jsonw *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth > 0) {
		/* deeper than the counts go (a caller's bug): the deepest count */
		int d = w->depth <= LW_JSONW_MAX_DEPTH ? w->depth : LW_JSONW_MAX_DEPTH;
		unsigned char *count = &w->count[d - 1];
		if (*count) {
			lw_buf_addc(w->b, ',');
			if (*count < 255)
				(*count)++;
		} else {
			*count = 1;
		}
		if (w->pretty)
			lw_jsonw_indent(w);
	}
}

/* Keys are the contract's own ASCII names: written as they are. Always
 * inlined: with the length of a literal known, the copy is a few moves. */
__attribute__((always_inline)) static inline void lw_jsonw_keyn(struct lw_jsonw *w,
								 const char *key, size_t n)
{
	lw_jsonw_before(w);
	if (lw_buf_reserve(w->b, n + 4))
		return;
	char *o = w->b->ptr + w->b->len;
	*o++ = '"';
	memcpy(o, key, n);
	o += n;
	*o++ = '"';
	*o++ = ':';
	if (w->pretty)
		*o++ = ' ';
	w->b->len = (size_t)(o - w->b->ptr);
	w->after_key = 1;
}

static inline void lw_jsonw_int(struct lw_jsonw *w, int64_t v)
{
	lw_jsonw_before(w);
	if (lw_buf_reserve(w->b, LW_U64_DIGITS + 1))
		return;
	char *o = w->b->ptr + w->b->len;
	if (v < 0)
		*o++ = '-';
	o = lw_buf_put_u64(o, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
	w->b->len = (size_t)(o - w->b->ptr);
}

static inline void lw_jsonw_null(struct lw_jsonw *w)
{
	lw_jsonw_before(w);
	lw_buf_add(w->b, "null", 4);
}

static inline void lw_jsonw_bool(struct lw_jsonw *w, int v)
{
	lw_jsonw_before(w);
	if (v)
		lw_buf_add(w->b, "true", 4);
	else
		lw_buf_add(w->b, "false", 5);
}

static inline void lw_jsonw_open(struct lw_jsonw *w, char c)
{
	lw_jsonw_before(w);
	lw_buf_addc(w->b, c);
	if (w->depth < LW_JSONW_MAX_DEPTH)
		w->count[w->depth] = 0;
	w->depth++;
}

static inline void lw_jsonw_close(struct lw_jsonw *w, char c)
{
	int had = w->depth > 0 && w->depth <= LW_JSONW_MAX_DEPTH && w->count[w->depth - 1];
	w->depth--;
	if (w->pretty && had)
		lw_jsonw_indent(w);
	lw_buf_addc(w->b, c);
}

static inline void lw_jsonw_obj(struct lw_jsonw *w) { lw_jsonw_open(w, '{'); }
static inline void lw_jsonw_arr(struct lw_jsonw *w) { lw_jsonw_open(w, '['); }
static inline void lw_jsonw_end_obj(struct lw_jsonw *w) { lw_jsonw_close(w, '}'); }
static inline void lw_jsonw_end_arr(struct lw_jsonw *w) { lw_jsonw_close(w, ']'); }

static inline void lw_jsonw_str(struct lw_jsonw *w, const char *p, size_t n)
{
	lw_jsonw_before(w);
	if (lw_buf_reserve(w->b, LW_JSON_STR_ROOM(n)))
		return;
	char *o = lw_json_put_str(w->b->ptr + w->b->len, p, n);
	w->b->len = (size_t)(o - w->b->ptr);
}

static inline void lw_jsonw_cstr(struct lw_jsonw *w, const char *s)
{
	if (s)
		lw_jsonw_str(w, s, strlen(s));
	else
		lw_jsonw_null(w);
}

#endif
