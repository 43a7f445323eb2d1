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
void lw_jsonw_obj(struct lw_jsonw *w);   /* { */
void lw_jsonw_arr(struct lw_jsonw *w);   /* [ */
void lw_jsonw_end_obj(struct lw_jsonw *w);
void lw_jsonw_end_arr(struct lw_jsonw *w);
void lw_jsonw_key(struct lw_jsonw *w, const char *key);
void lw_jsonw_keyn(struct lw_jsonw *w, const char *key, size_t n);
/* A key that is a string literal: its length known when compiled. */
#define lw_jsonw_key(w, k) lw_jsonw_keyn((w), "" k, sizeof("" k) - 1)
void lw_jsonw_str(struct lw_jsonw *w, const char *p, size_t n);
void lw_jsonw_cstr(struct lw_jsonw *w, const char *s); /* NULL -> null */
void lw_jsonw_int(struct lw_jsonw *w, int64_t v);
void lw_jsonw_num(struct lw_jsonw *w, double v, int decimals); /* NaN -> null */
void lw_jsonw_bool(struct lw_jsonw *w, int v);
void lw_jsonw_null(struct lw_jsonw *w);

/* Append p[0..n) escaped as the inside of a JSON string (no quotes). */
void lw_json_escape(struct lw_buf *b, const char *p, size_t n);

#endif
