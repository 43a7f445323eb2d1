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
/* Room lw_json_put_num may take: "%.4f" of -DBL_MAX is 315 bytes. */
#define LW_JSON_NUM_ROOM 320

/* p[0..n) as a JSON string, quotes included. */
char *lw_json_put_str(char *o, const char *p, size_t n);
/* v rounded to `decimals` places (0 to 6), trailing zeros dropped (34.3,
 * 60); NaN and infinities as null. */
char *lw_json_put_num(char *o, double v, int decimals);

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
