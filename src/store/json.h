/*
 * json.h: a JSON parser into a read-only tree in an arena, for the
 * records `lapwing ingest --coded` reads (tens of nested objects a line,
 * millions of lines). See json.c.
 */
#ifndef LW_STORE_JSON_H
#define LW_STORE_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

enum lw_jv_kind { LW_JV_NULL, LW_JV_FALSE, LW_JV_TRUE, LW_JV_INT, LW_JV_REAL, LW_JV_STRING,
		  LW_JV_ARRAY, LW_JV_OBJECT };

/* Nesting deeper than this is refused (the contract nests 4 deep). */
#define LW_JV_MAX_DEPTH 64

struct lw_jv {
	uint8_t kind;  /* lw_jv_kind */
	uint32_t n;    /* string bytes, array items, object members */
	union {
		int64_t i;
		double d;
		const char *s;          /* not NUL-terminated; may hold NUL bytes */
		const struct lw_jv *a;  /* arrays: n items; objects: n key, value pairs */
	} u;
};

/*
 * Parse [p, p+len) as one JSON value (white space around it allowed).
 * Strings without escapes point into p, which must outlive the tree; the
 * rest lives in `arena`. Returns the root, or NULL with a message and the
 * byte offset of the problem. Duplicate keys, invalid UTF-8, lone
 * surrogates and integers beyond 64 bits are errors.
 */
const struct lw_jv *lw_jv_parse(struct lw_arena *arena, const char *p, size_t len, char *msg,
				size_t msg_size, size_t *offset);

/* The value of `key` in an object, or NULL (also for a non-object). */
const struct lw_jv *lw_jv_get(const struct lw_jv *obj, const char *key);
/* Item i of an array, or NULL. */
static inline const struct lw_jv *lw_jv_at(const struct lw_jv *arr, size_t i)
{
	return arr && arr->kind == LW_JV_ARRAY && i < arr->n ? &arr->u.a[i] : NULL;
}
static inline size_t lw_jv_len(const struct lw_jv *arr)
{
	return arr && arr->kind == LW_JV_ARRAY ? arr->n : 0;
}

#endif
