/*
 * lexfile.c: dictionary file syntax. See lexfile.h.
 */
#include "lexfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static lw_str trim(const char *p, size_t n)
{
	while (n && is_space(*p)) {
		p++;
		n--;
	}
	while (n && is_space(p[n - 1]))
		n--;
	lw_str s = {p, n};
	return s;
}

int lw_lex_empty(lw_str f)
{
	return f.len == 0 || (f.len == 1 && f.ptr[0] == '-');
}

int lw_lex_eq(lw_str f, const char *s)
{
	return f.len == strlen(s) && memcmp(f.ptr, s, f.len) == 0;
}

size_t lw_lex_split(lw_str f, lw_str *items, size_t max)
{
	size_t n = 0, i = 0;
	if (lw_lex_empty(f))
		return 0;
	while (i <= f.len) {
		size_t j = i;
		while (j < f.len && f.ptr[j] != ';')
			j++;
		lw_str it = trim(f.ptr + i, j - i);
		if (it.len) {
			if (n < max)
				items[n] = it;
			n++;
		}
		i = j + 1;
	}
	return n;
}

static void diagf(lw_diag_fn diag, void *dctx, const char *file, long line, const char *msg)
{
	if (diag)
		diag(dctx, file, line, 1, msg);
}

void lw_lexfile_parse(const char *name, const char *p, size_t n, lw_diag_fn diag, void *dctx,
		      lw_lexline_fn fn, void *ctx)
{
	size_t i = 0;
	long lineno = 0;
	if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
	    (unsigned char)p[2] == 0xBF)
		i = 3;
	while (i < n) {
		const char *nl = memchr(p + i, '\n', n - i);
		size_t j = nl ? (size_t)(nl - p) : n;
		lineno++;
		const char *line = p + i;
		size_t len = j - i;
		i = j + 1;
		if (len > LW_LEX_MAX_LINE) {
			diagf(diag, dctx, name, lineno, "line too long");
			continue;
		}
		if (memchr(line, '\0', len)) {
			diagf(diag, dctx, name, lineno, "NUL byte in line");
			continue;
		}
		size_t bad = lw_utf8_check((const unsigned char *)line, len);
		if (bad != len) {
			char msg[64];
			snprintf(msg, sizeof msg, "invalid UTF-8 at column %zu", bad + 1);
			diagf(diag, dctx, name, lineno, msg);
			continue;
		}
		lw_str t = trim(line, len);
		if (t.len == 0 || t.ptr[0] == '#')
			continue;
		struct lw_lexline l;
		memset(&l, 0, sizeof l);
		l.file = name;
		l.line = lineno;
		size_t k = 0, nf = 0;
		int too_many = 0;
		while (k <= t.len) {
			size_t e = k;
			while (e < t.len && t.ptr[e] != '|')
				e++;
			if (nf == LW_LEX_MAX_FIELDS) {
				too_many = 1;
				break;
			}
			l.field[nf++] = trim(t.ptr + k, e - k);
			k = e + 1;
		}
		if (too_many) {
			diagf(diag, dctx, name, lineno, "too many fields");
			continue;
		}
		l.nfields = nf;
		if (fn(ctx, &l))
			return;
	}
}

lw_status lw_lexfile_read(const char *path, lw_diag_fn diag, void *dctx, lw_lexline_fn fn,
			  void *ctx)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return LW_EIO;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (cap - len < 65536) {
			size_t nc = cap ? cap * 2 : 65536;
			char *nb = realloc(buf, nc);
			if (!nb) {
				free(buf);
				fclose(f);
				return LW_ENOMEM;
			}
			buf = nb;
			cap = nc;
		}
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		free(buf);
		return LW_EIO;
	}
	lw_lexfile_parse(path, buf ? buf : "", len, diag, dctx, fn, ctx);
	free(buf);
	return LW_OK;
}
