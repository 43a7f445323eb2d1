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
	lw_buf_add_i64(w->b, v);
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

/* Bytes a JSON string holds as they are (jsonw.c). */
extern const unsigned char lw_json_plain[256];

/* A string: names, codes and words are nearly always plain, and copied at
 * once; the rest goes through lw_json_escape. */
static inline void lw_jsonw_str(struct lw_jsonw *w, const char *p, size_t n)
{
	lw_jsonw_before(w);
	size_t i = 0;
	while (i < n && lw_json_plain[(unsigned char)p[i]])
		i++;
	if (lw_buf_reserve(w->b, i + 2))
		return;
	char *o = w->b->ptr + w->b->len;
	*o++ = '"';
	memcpy(o, p, i);
	w->b->len += i + 1;
	if (i < n)
		lw_json_escape(w->b, p + i, n - i);
	lw_buf_addc(w->b, '"');
}

static inline void lw_jsonw_cstr(struct lw_jsonw *w, const char *s)
{
	if (s)
		lw_jsonw_str(w, s, strlen(s));
	else
		lw_jsonw_null(w);
}

#endif
