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

/* "00" to "99", for writing numbers two digits a step (buf.c). */
extern const char lw_buf_digit_pairs[200];

/* v < 10000 at o, without leading zeros; returns the end. */
static inline char *lw_buf_put_small(char *o, uint32_t v)
{
	const char *pairs = lw_buf_digit_pairs;
	if (v < 10) {
		*o = (char)('0' + v);
		return o + 1;
	}
	if (v < 100) {
		memcpy(o, pairs + 2 * v, 2);
		return o + 2;
	}
	uint32_t hi = v / 100, lo = v % 100;
	if (hi < 10) {
		*o++ = (char)('0' + hi);
	} else {
		memcpy(o, pairs + 2 * hi, 2);
		o += 2;
	}
	memcpy(o, pairs + 2 * lo, 2);
	return o + 2;
}

/* v < 10000 at o as four digits, leading zeros kept. */
static inline char *lw_buf_put4(char *o, uint32_t v)
{
	memcpy(o, lw_buf_digit_pairs + 2 * (v / 100), 2);
	memcpy(o + 2, lw_buf_digit_pairs + 2 * (v % 100), 2);
	return o + 4;
}

/* lw_buf_put_u64 of numbers of nine digits or more. */
char *lw_buf_put_long(char *o, uint64_t v);

/*
 * Write v's decimal digits at o, which has room for LW_U64_DIGITS bytes;
 * returns the end of them. For writers that make room once for many
 * values (the JSON writer). Inline, four digits a step in 32 bits: the
 * offsets the JSON writer puts millions of have one to six digits.
 */
static inline char *lw_buf_put_u64(char *o, uint64_t v)
{
	if (v < 10000)
		return lw_buf_put_small(o, (uint32_t)v);
	if (v < 100000000)
		return lw_buf_put4(lw_buf_put_small(o, (uint32_t)v / 10000), (uint32_t)v % 10000);
	return lw_buf_put_long(o, v);
}

#endif
