/*
 * buf.c: growable byte buffer. See buf.h.
 */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lw_buf_release(struct lw_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

int lw_buf_grow(struct lw_buf *b, size_t n)
{
	if (b->failed)
		return -1;
	if (n <= b->cap - b->len)
		return 0;
	if (n > SIZE_MAX / 2 - b->len) {
		b->failed = 1;
		return -1;
	}
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len < n + 1)
		cap *= 2;
	char *p = realloc(b->ptr, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->ptr = p;
	b->cap = cap;
	return 0;
}

void lw_buf_adds(struct lw_buf *b, const char *s)
{
	lw_buf_add(b, s, strlen(s));
}

void lw_buf_addf(struct lw_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || lw_buf_reserve(b, (size_t)n + 1))
		return;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* How many digits v has: four at a division, the first comparisons
 * settle the offsets and counts the JSON writer puts millions of. */
static unsigned u64_digits(uint64_t v)
{
	unsigned n = 1;
	for (;;) {
		if (v < 10)
			return n;
		if (v < 100)
			return n + 1;
		if (v < 1000)
			return n + 2;
		if (v < 10000)
			return n + 3;
		v /= 10000;
		n += 4;
	}
}

/* Written from the end, two digits a step. */
char *lw_buf_put_u64(char *o, uint64_t v)
{
	static const char pairs[201] = "00010203040506070809101112131415161718192021222324"
				       "25262728293031323334353637383940414243444546474849"
				       "50515253545556575859606162636465666768697071727374"
				       "75767778798081828384858687888990919293949596979899";
	char *end = o + u64_digits(v);
	o = end;
	while (v >= 100) {
		const char *d = pairs + 2 * (v % 100);
		v /= 100;
		*--o = d[1];
		*--o = d[0];
	}
	if (v >= 10) {
		*--o = pairs[2 * v + 1];
		*--o = pairs[2 * v];
	} else {
		*--o = (char)('0' + v);
	}
	return end;
}

void lw_buf_add_u64(struct lw_buf *b, uint64_t v)
{
	if (lw_buf_reserve(b, LW_U64_DIGITS))
		return;
	b->len = (size_t)(lw_buf_put_u64(b->ptr + b->len, v) - b->ptr);
}

void lw_buf_add_i64(struct lw_buf *b, int64_t v)
{
	if (v < 0) {
		lw_buf_addc(b, '-');
		lw_buf_add_u64(b, (uint64_t)0 - (uint64_t)v);
	} else {
		lw_buf_add_u64(b, (uint64_t)v);
	}
}
