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

/* The byte or UTF-8 sequence at *pp that is not plain, escaped; moves *pp
 * past it. */
static char *escape_one(char *o, const unsigned char **pp, const unsigned char *end)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = *pp;
	unsigned char c = *p;
	if (c < 0x80) {
		*o++ = '\\';
		switch (c) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '\n': *o++ = 'n'; break;
		case '\r': *o++ = 'r'; break;
		case '\t': *o++ = 't'; break;
		default:
			memcpy(o, "u00", 3);
			o[3] = hex[c >> 4];
			o[4] = hex[c & 15];
			o += 5;
		}
		*pp = p + 1;
		return o;
	}
	size_t k = utf8_len(p, (size_t)(end - p));
	if (k == 0) {
		memcpy(o, "\\ufffd", 6);
		*pp = p + 1;
		return o + 6;
	}
	if (k == 3 && c == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
		memcpy(o, p[2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
		*pp = p + 3;
		return o + 6;
	}
	memcpy(o, p, k);
	*pp = p + k;
	return o + k;
}

char *lw_json_put_escaped(char *o, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	for (;;) {
		/* the plain stretches between escapes 16 bytes a step, then 8 */
#ifdef __SSE2__
		while (end - p >= 16 && lw_json_plain16((const char *)p)) {
			memcpy(o, p, 16);
			o += 16;
			p += 16;
		}
#endif
		while (end - p >= 8 && lw_json_plain8((const char *)p)) {
			memcpy(o, p, 8);
			o += 8;
			p += 8;
		}
		while (p < end && lw_json_plain[*p])
			*o++ = (char)*p++;
		if (p == end)
			return o;
		o = escape_one(o, &p, end);
	}
}

void lw_json_escape(struct lw_buf *b, const char *p, size_t n)
{
	if (lw_buf_reserve(b, LW_JSON_STR_ROOM(n)))
		return;
	b->len = (size_t)(lw_json_put_escaped(b->ptr + b->len, p, n) - b->ptr);
}

/* printf's "%.*f" with the trailing zeros dropped (60.0 -> 60): its
 * length, 0 if it does not fit in room. */
static int printf_num(char *o, size_t room, double v, int decimals)
{
	int n = snprintf(o, room, "%.*f", decimals, v);
	if (n <= 0 || (size_t)n >= room)
		return 0;
	if (memchr(o, '.', (size_t)n)) {
		while (o[n - 1] == '0')
			n--;
		if (o[n - 1] == '.')
			n--;
	}
	if (n == 2 && o[0] == '-' && o[1] == '0') /* -0.00001 */
		o[0] = '0', n = 1;
	return n;
}

char *lw_json_put_num_other(char *o, double v, int decimals)
{
	if (isnan(v) || isinf(v)) {
		memcpy(o, "null", 4);
		return o + 4;
	}
	decimals = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
	if (fabs(v) < 1e12) /* decimals were out of range */
		return lw_json_put_num(o, v, decimals);
	return o + printf_num(o, LW_JSON_NUM_ROOM, v, decimals); /* far outside coordinates */
}

void lw_jsonw_num(struct lw_jsonw *w, double v, int decimals)
{
	lw_jsonw_before(w);
	if (decimals >= 0 && decimals <= 6) {
		if (lw_buf_reserve(w->b, LW_JSON_NUM_ROOM))
			return;
		char *o = lw_json_put_num(w->b->ptr + w->b->len, v, decimals);
		w->b->len = (size_t)(o - w->b->ptr);
		return;
	}
	if (isnan(v) || isinf(v)) {
		lw_buf_add(w->b, "null", 4);
		return;
	}
	/* any other precision: as long as printf makes it */
	int n = snprintf(NULL, 0, "%.*f", decimals, v);
	if (n <= 0 || lw_buf_reserve(w->b, (size_t)n + 1))
		return;
	n = printf_num(w->b->ptr + w->b->len, (size_t)n + 1, v, decimals);
	w->b->len += (size_t)n;
}

/* A line break and two spaces a level. */
static void newline(struct lw_buf *b, int depth)
{
	size_t n = depth > 0 ? 2 * (size_t)depth : 0;
	if (lw_buf_reserve(b, n + 1))
		return;
	b->ptr[b->len] = '\n';
	memset(b->ptr + b->len + 1, ' ', n);
	b->len += n + 1;
}

void lw_json_indent(struct lw_buf *b, const char *p, size_t n)
{
	int depth = 0;
	size_t run = 0; /* p[run..i) is still to copy as it is */
	for (size_t i = 0; i < n; i++) {
		switch (p[i]) {
		case '"': /* a string: to its closing quote, escapes skipped */
			for (i++; i < n && p[i] != '"'; i++)
				if (p[i] == '\\')
					i++;
			break;
		case '{':
		case '[':
			if (i + 1 < n && p[i + 1] == (p[i] == '{' ? '}' : ']')) {
				i++; /* empty: on one line */
				break;
			}
			lw_buf_add(b, p + run, i + 1 - run);
			newline(b, ++depth);
			run = i + 1;
			break;
		case '}':
		case ']':
			lw_buf_add(b, p + run, i - run);
			newline(b, --depth);
			run = i;
			break;
		case ',':
			lw_buf_add(b, p + run, i + 1 - run);
			newline(b, depth);
			run = i + 1;
			break;
		case ':':
			lw_buf_add(b, p + run, i + 1 - run);
			lw_buf_addc(b, ' ');
			run = i + 1;
			break;
		}
	}
	if (run < n)
		lw_buf_add(b, p + run, n - run);
}
