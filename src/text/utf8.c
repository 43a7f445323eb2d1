/*
 * utf8.c: UTF-8 decoding, validation, case classes and folding.
 * Non-ASCII case and folding use utf8proc (libutf8proc, Debian package
 * libutf8proc-dev): its Unicode tables are kept up to date upstream.
 */
#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

#include "lapwing.h"

int lw_ascii_casecmp(const unsigned char *p, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char a = lw_ascii_lower(p[i]), b = lw_ascii_lower((unsigned char)s[i]);
		if (a != b)
			return a < b ? -1 : 1;
	}
	return 0;
}

/* The length of the separator at s[i]: 0 when s[i] starts or continues a
 * word (an ASCII letter or digit, or a byte of a character beyond ASCII
 * other than general punctuation and no-break space, U+2000-U+206F and
 * U+00A0: dashes, curly quotes), else the separator's bytes. */
static size_t separator(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80)
		return !(lw_is_ascii_alpha(c) || lw_is_ascii_digit(c));
	if (c == 0xe2 && i + 2 < n && ((unsigned char)s[i + 1] & 0xfe) == 0x80)
		return 3;
	if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0)
		return 2;
	return 0;
}

/* The next word of s from byte i, the "s" of a possessive left out: its
 * start in *start and its end, or 0 past the last. */
static size_t next_word(const char *s, size_t n, size_t i, size_t *start)
{
	for (;;) {
		size_t l;
		while (i < n && (l = separator(s, n, i)) != 0)
			i += l;
		if (i >= n)
			return 0;
		size_t b = i;
		while (i < n && !separator(s, n, i))
			i++;
		int possessive = i - b == 1 && lw_ascii_lower((unsigned char)s[b]) == 's' && b > 0 &&
				 (s[b - 1] == '\'' || (b >= 3 && memcmp(s + b - 3, "\xe2\x80\x99", 3) == 0));
		if (!possessive) {
			*start = b;
			return i;
		}
	}
}

/* Does the match of n bytes at text[at] begin and end on word edges? */
static int on_word_edges(const char *text, size_t text_len, size_t at, size_t n)
{
	if (at > 0 && !separator(text, text_len, at - 1) && !separator(text, text_len, at))
		return 0;
	size_t e = at + n;
	return e >= text_len || separator(text, text_len, e) || separator(text, text_len, e - 1);
}

int lw_shares_word(const char *name, size_t name_len, const char *text, size_t text_len)
{
	/* most spans hold the whole name ("the Taliban"): one search (memmem
	 * is a GNU extension) */
	size_t w0;
	if (name_len && name_len <= text_len && next_word(name, name_len, 0, &w0))
		for (const char *p = text, *end = text + text_len - name_len + 1;
		     (p = memchr(p, name[0], (size_t)(end - p))) != NULL; p++)
			if (memcmp(p, name, name_len) == 0 &&
			    on_word_edges(text, text_len, (size_t)(p - text), name_len))
				return 1;
	/* else each word of the name against the text's words, found once
	 * (a span is a few words; a longer one is read again per name word) */
	enum { MAXW = 16 };
	size_t ws[MAXW], we[MAXW], nw = 0, e = 0, s0;
	while (nw < MAXW && (e = next_word(text, text_len, e, &s0)) != 0) {
		ws[nw] = s0;
		we[nw++] = e;
	}
	int more = nw == MAXW && e != 0;
	size_t a, ae = 0;
	while ((ae = next_word(name, name_len, ae, &a)) != 0) {
		for (size_t i = 0; i < nw; i++)
			if (we[i] - ws[i] == ae - a &&
			    !lw_ascii_casecmp((const unsigned char *)text + ws[i], name + a, ae - a))
				return 1;
		if (more) {
			size_t b, be = we[MAXW - 1];
			while ((be = next_word(text, text_len, be, &b)) != 0)
				if (be - b == ae - a &&
				    !lw_ascii_casecmp((const unsigned char *)text + b, name + a, ae - a))
					return 1;
		}
	}
	return 0;
}

size_t lw_utf8_decode(const unsigned char *p, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &c);
	if (k <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)k;
}

size_t lw_utf8_check(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0)
			return i;
		i += (size_t)k;
	}
	return n;
}

unsigned lw_word_case(const unsigned char *p, size_t n)
{
	int upper = 0, lower = 0, first = -1, nonascii = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = p[i];
		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z') {
				upper++;
				if (first < 0)
					first = 1;
			} else if (c >= 'a' && c <= 'z') {
				lower++;
				if (first < 0)
					first = 0;
			}
			i++;
			continue;
		}
		/* the curly apostrophe and the Unicode hyphens (U+2019, U+2010,
		 * U+2011), common inside words, are punctuation: no letter, no
		 * table to look in */
		if (c == 0xE2 && n - i >= 3 && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0x99 || p[i + 2] == 0x90 || p[i + 2] == 0x91)) {
			nonascii = 1;
			i += 3;
			continue;
		}
		int32_t cp;
		i += lw_utf8_decode(p + i, n - i, &cp);
		nonascii = 1;
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
			upper++;
			if (first < 0)
				first = 1;
		} else if (cat == UTF8PROC_CATEGORY_LL) {
			lower++;
			if (first < 0)
				first = 0;
		} else if (cat == UTF8PROC_CATEGORY_LO && first < 0) {
			first = 2; /* a script without case (Arabic, CJK) */
		}
	}
	unsigned f = nonascii ? LW_TF_NONASCII : 0;
	if (first == 1)
		f |= LW_TF_CAP;
	if (upper >= 2 && lower == 0)
		f |= LW_TF_UPPER;
	if (upper == 0 && first != 2)
		f |= LW_TF_LOWER;
	return f;
}

size_t lw_fold(const unsigned char *p, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = p[i];
		if (c < 0x80) {
			if (o >= cap)
				return 0;
			out[o++] = (char)lw_ascii_lower(c);
			i++;
			continue;
		}
		int32_t cp;
		i += lw_utf8_decode(p + i, n - i, &cp);
		/* apostrophes and the soft hyphen vanish */
		if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00AD)
			continue;
		utf8proc_int32_t buf[8];
		utf8proc_ssize_t k = utf8proc_decompose_char(
			cp, buf, 8,
			UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT,
			NULL);
		if (k < 0 || k > 8)
			continue;
		for (utf8proc_ssize_t j = 0; j < k; j++) {
			unsigned char tmp[4];
			utf8proc_ssize_t m = utf8proc_encode_char(buf[j], tmp);
			if (m <= 0)
				continue;
			if (o + (size_t)m > cap)
				return 0;
			memcpy(out + o, tmp, (size_t)m);
			o += (size_t)m;
		}
	}
	return o;
}
