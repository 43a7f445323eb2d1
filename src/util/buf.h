/*
 * buf.h: a growable byte buffer on the heap (writers, readers, the KB
 * compiler). Not for per-document results: those live in the arena.
 */
#ifndef LW_BUF_H
#define LW_BUF_H

#include <stddef.h>
#include <stdint.h>

struct lw_buf {
	char *ptr;
	size_t len;
	size_t cap;
	int failed; /* set once an allocation failed; later appends do nothing */
};

#define LW_BUF_INIT {NULL, 0, 0, 0}

void lw_buf_release(struct lw_buf *b);
/* Make room for n more bytes; returns 0, or -1 (and sets failed). */
int lw_buf_reserve(struct lw_buf *b, size_t n);
void lw_buf_add(struct lw_buf *b, const void *p, size_t n);
void lw_buf_addc(struct lw_buf *b, char c);
void lw_buf_adds(struct lw_buf *b, const char *s);
void lw_buf_addf(struct lw_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lw_buf_add_u64(struct lw_buf *b, uint64_t v);
void lw_buf_add_i64(struct lw_buf *b, int64_t v);

#endif
