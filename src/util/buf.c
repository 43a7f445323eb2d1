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

const char lw_buf_digit_pairs[200] = {
#define PAIRS(t) t, '0', t, '1', t, '2', t, '3', t, '4', t, '5', t, '6', t, '7', t, '8', t, '9'
	PAIRS('0'), PAIRS('1'), PAIRS('2'), PAIRS('3'), PAIRS('4'),
	PAIRS('5'), PAIRS('6'), PAIRS('7'), PAIRS('8'), PAIRS('9'),
#undef PAIRS
};

char *lw_buf_put_long(char *o, uint64_t v)
{
	/* the last eight digits after the rest */
	o = lw_buf_put_u64(o, v / 100000000);
	uint32_t lo = (uint32_t)(v % 100000000);
	return lw_buf_put4(lw_buf_put4(o, lo / 10000), lo % 10000);
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
