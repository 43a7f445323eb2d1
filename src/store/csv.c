/*
 * csv.c: CSV as RFC 4180 has it (fields quoted when they hold a comma, a
 * quotation mark or a line break; quotation marks doubled; CRLF after each
 * record), and numbers as the contract writes them. Shared by stats,
 * export and search.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "store.h"

void lw_csv_field(struct lw_buf *b, const char *p, size_t n)
{
	int quote = 0;
	for (size_t i = 0; i < n && !quote; i++)
		quote = p[i] == ',' || p[i] == '"' || p[i] == '\r' || p[i] == '\n';
	if (!quote) {
		lw_buf_add(b, p, n);
		return;
	}
	lw_buf_addc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"') {
			lw_buf_add(b, p + run, i + 1 - run);
			lw_buf_addc(b, '"');
			run = i + 1;
		}
	}
	lw_buf_add(b, p + run, n - run);
	lw_buf_addc(b, '"');
}

void lw_csv_sep(struct lw_buf *b)
{
	lw_buf_addc(b, ',');
}

void lw_csv_end(struct lw_buf *b)
{
	lw_buf_add(b, "\r\n", 2);
}

void lw_buf_add_num(struct lw_buf *b, double v, int decimals)
{
	char tmp[64];
	if (isnan(v) || isinf(v))
		return;
	int n = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	if (n <= 0 || (size_t)n >= sizeof tmp)
		return;
	if (memchr(tmp, '.', (size_t)n)) {
		while (n > 1 && tmp[n - 1] == '0')
			n--;
		if (tmp[n - 1] == '.')
			n--;
	}
	if (n == 2 && tmp[0] == '-' && tmp[1] == '0')
		tmp[0] = '0', n = 1;
	lw_buf_add(b, tmp, (size_t)n);
}
