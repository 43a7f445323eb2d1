/*
 * lexfile.h: the reader of dictionary files (docs/dictionaries.md): lines,
 * `|` fields, `;` lists, comments. It checks the syntax only; what the
 * fields mean is the compiler's business (kb_compile.c).
 */
#ifndef LW_LEXFILE_H
#define LW_LEXFILE_H

#include <stddef.h>

#include "lapwing.h"

/* More fields than this on a line is an error: no format has as many. */
#define LW_LEX_MAX_FIELDS 12
/* A dictionary line longer than this is an error (a broken file, not an
 * entry: the longest real ones, a group with all its aliases, are ~1 KB). */
#define LW_LEX_MAX_LINE 16384

struct lw_lexline {
	const char *file;
	long line;
	lw_str field[LW_LEX_MAX_FIELDS]; /* trimmed; empty or "-" means none */
	size_t nfields;
};

/* Called for each entry line; return 0 to go on, nonzero to stop. */
typedef int (*lw_lexline_fn)(void *ctx, const struct lw_lexline *l);

/*
 * Read the dictionary file at `path`, calling fn for each entry line.
 * Syntax problems (invalid UTF-8, a NUL byte, an over-long line) go to
 * diag and the line is skipped. Returns LW_EIO when the file cannot be
 * read.
 */
lw_status lw_lexfile_read(const char *path, lw_diag_fn diag, void *dctx, lw_lexline_fn fn,
			  void *ctx);

/* Same, over a buffer (the fuzz target's entry point). */
void lw_lexfile_parse(const char *name, const char *p, size_t n, lw_diag_fn diag, void *dctx,
		      lw_lexline_fn fn, void *ctx);

/* Split a field into `;`-separated items, trimmed, empty ones dropped.
 * Returns the number of items (at most max are stored). */
size_t lw_lex_split(lw_str field, lw_str *items, size_t max);

/* 1 if the field is empty or "-". */
int lw_lex_empty(lw_str field);

/* 1 if the field equals the ASCII string s. */
int lw_lex_eq(lw_str field, const char *s);

#endif
