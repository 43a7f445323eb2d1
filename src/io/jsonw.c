/*
 * jsonw.c: JSON emitter. See jsonw.h.
 */
#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void lw_jsonw_init(struct lw_jsonw *w, struct lw_buf *b, int pretty)
{
	memset(w, 0, sizeof *w);
	w->b = b;
	w->pretty = pretty;
}

void lw_jsonw_indent(struct lw_jsonw *w)
{
	lw_buf_addc(w->b, '\n');
	for (int i = 0; i < w->depth; i++)
		lw_buf_add(w->b, "  ", 2);
}

#undef lw_jsonw_key
void lw_jsonw_key(struct lw_jsonw *w, const char *key)
{
	lw_jsonw_keyn(w, key, strlen(key));
}

/* Length of the valid UTF-8 sequence at p (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
		    (p[3] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
			return 0;
		return 4;
	}
	return 0;
}

/* Bytes written as they are: printable ASCII but the quote and backslash. */
#define PLAIN(c) ((c) >= 0x20 && (c) < 0x80 && (c) != '"' && (c) != '\\')
#define PLAIN4(c) PLAIN(c), PLAIN((c) + 1), PLAIN((c) + 2), PLAIN((c) + 3)
#define PLAIN16(c) PLAIN4(c), PLAIN4((c) + 4), PLAIN4((c) + 8), PLAIN4((c) + 12)
#define PLAIN64(c) PLAIN16(c), PLAIN16((c) + 16), PLAIN16((c) + 32), PLAIN16((c) + 48)
const unsigned char lw_json_plain[256] = {PLAIN64(0), PLAIN64(64), PLAIN64(128), PLAIN64(192)};

void lw_json_escape(struct lw_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;
	while (i < n) {
		unsigned char c = p[i];
		if (lw_json_plain[c]) {
			i++;
			continue;
		}
		lw_buf_add(b, p + run, i - run);
		if (c < 0x80) {
			switch (c) {
			case '"': lw_buf_add(b, "\\\"", 2); break;
			case '\\': lw_buf_add(b, "\\\\", 2); break;
			case '\n': lw_buf_add(b, "\\n", 2); break;
			case '\r': lw_buf_add(b, "\\r", 2); break;
			case '\t': lw_buf_add(b, "\\t", 2); break;
			default: {
				char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
				lw_buf_add(b, u, 6);
			}
			}
			i++;
		} else {
			size_t k = utf8_len(p + i, n - i);
			if (k == 0) {
				lw_buf_add(b, "\\ufffd", 6);
				i++;
			} else if (k == 3 && p[i] == 0xE2 && p[i + 1] == 0x80 &&
				   (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
				lw_buf_add(b, p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
				i += 3;
			} else {
				lw_buf_add(b, p + i, k);
				i += k;
			}
		}
		run = i;
	}
	lw_buf_add(b, p + run, n - run);
}

void lw_jsonw_num(struct lw_jsonw *w, double v, int decimals)
{
	if (isnan(v) || isinf(v)) {
		lw_jsonw_null(w);
		return;
	}
	lw_jsonw_before(w);
	char tmp[64];
	int n;
	if (decimals >= 0 && decimals <= 6 && fabs(v) < 1e12) {
		/* fixed point by integer arithmetic: coordinates and confidences
		 * are written millions of times, and printf is slow at it */
		static const long long scale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
		long long m = llround(fabs(v) * (double)scale[decimals]);
		long long ip = m / scale[decimals], fp = m % scale[decimals];
		n = 0;
		if (v < 0 && m)
			tmp[n++] = '-';
		char digits[24];
		int nd = 0;
		do {
			digits[nd++] = (char)('0' + ip % 10);
			ip /= 10;
		} while (ip);
		while (nd)
			tmp[n++] = digits[--nd];
		if (decimals) {
			tmp[n++] = '.';
			for (int d = decimals - 1; d >= 0; d--) {
				tmp[n + d] = (char)('0' + fp % 10);
				fp /= 10;
			}
			n += decimals;
		}
	} else {
		n = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	}
	/* trim trailing zeros: 34.3000 -> 34.3, 60.0 -> 60 */
	if (n > 0 && memchr(tmp, '.', (size_t)n)) {
		while (n > 1 && tmp[n - 1] == '0')
			n--;
		if (tmp[n - 1] == '.')
			n--;
	}
	if (n == 2 && tmp[0] == '-' && tmp[1] == '0')
		tmp[0] = '0', n = 1;
	lw_buf_add(w->b, tmp, (size_t)n);
}
