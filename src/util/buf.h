/*
 * buf.h: a growable byte buffer on the heap (writers, readers, the KB
 * compiler). Not for per-document results: those live in the arena.
 */
#ifndef LW_BUF_H
#define LW_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct lw_buf {
	char *ptr;
	size_t len;
	size_t cap;
	int failed; /* set once an allocation failed; later appends do nothing */
};

#define LW_BUF_INIT {NULL, 0, 0, 0}

void lw_buf_release(struct lw_buf *b);
/* The slow path of lw_buf_reserve: grow the buffer. */
int lw_buf_grow(struct lw_buf *b, size_t n);

/* Make room for n more bytes; returns 0, or -1 (and sets failed). Inline:
 * the JSON writer appends a few bytes millions of times. */
static inline int lw_buf_reserve(struct lw_buf *b, size_t n)
{
	if (!b->failed && n < b->cap - b->len)
		return 0;
	return lw_buf_grow(b, n);
}

static inline void lw_buf_add(struct lw_buf *b, const void *p, size_t n)
{
	if (n == 0 || lw_buf_reserve(b, n))
		return;
	memcpy(b->ptr + b->len, p, n);
	b->len += n;
}

static inline void lw_buf_addc(struct lw_buf *b, char c)
{
	if (b->len + 1 >= b->cap && lw_buf_reserve(b, 1))
		return;
	b->ptr[b->len++] = c;
}

void lw_buf_adds(struct lw_buf *b, const char *s);
void lw_buf_addf(struct lw_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lw_buf_add_u64(struct lw_buf *b, uint64_t v);
void lw_buf_add_i64(struct lw_buf *b, int64_t v);

/* Digits of the longest uint64_t. */
#define LW_U64_DIGITS 20
/* Write v's decimal digits at o, which has room for LW_U64_DIGITS bytes;
 * returns the end of them. For writers that make room once for many
 * values (the JSON writer). */
char *lw_buf_put_u64(char *o, uint64_t v);

#endif
