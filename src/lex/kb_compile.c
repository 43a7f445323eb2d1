/*
 * kb_compile.c: compile the text dictionaries (docs/dictionaries.md) into
 * the binary knowledge base that kb_load.c maps. Also the checker behind
 * `lapwing kb check`: a compile that writes nothing.
 *
 * Directories are read in order; a later directory extends and overrides
 * an earlier one (a user's --kb directory over data/).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kb.h"
#include "lexfile.h"
#include "wordset.h"
#include "../util/buf.h"

/* A growable list of strings owned by the builder. */
struct strlist {
	char **s;
	size_t *len;
	size_t n, cap;
};

struct builder {
	lw_diag_fn diag;
	void *dctx;
	int errors;
	const char *file; /* file being read */
	struct strlist abbrev_title, abbrev_other, starters;
};

static void report(struct builder *b, long line, int is_error, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void report(struct builder *b, long line, int is_error, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (is_error)
		b->errors++;
	if (b->diag)
		b->diag(b->dctx, b->file, line, is_error, msg);
}

static void on_syntax(void *ctx, const char *file, long line, int is_error, const char *msg)
{
	struct builder *b = ctx;
	const char *save = b->file;
	b->file = file;
	report(b, line, is_error, "%s", msg);
	b->file = save;
}

static int strlist_add(struct strlist *l, const char *p, size_t n)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		char **s = realloc(l->s, cap * sizeof *s);
		if (!s)
			return -1;
		l->s = s;
		size_t *len = realloc(l->len, cap * sizeof *len);
		if (!len)
			return -1;
		l->len = len;
		l->cap = cap;
	}
	char *c = malloc(n + 1);
	if (!c)
		return -1;
	memcpy(c, p, n);
	c[n] = 0;
	l->s[l->n] = c;
	l->len[l->n++] = n;
	return 0;
}

static void strlist_free(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->s[i]);
	free(l->s);
	free(l->len);
	memset(l, 0, sizeof *l);
}

/* ---- lexicon/abbreviations.txt: `Gen | title` ---- */
static int on_abbrev(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 2) {
		report(b, l->line, 1, "expected 2 fields (abbreviation | title|other), found %zu",
		       l->nfields);
		return 0;
	}
	lw_str w = l->field[0];
	if (w.len && w.ptr[w.len - 1] == '.')
		w.len--; /* written with or without its full stop */
	if (w.len == 0 || memchr(w.ptr, ' ', w.len)) {
		report(b, l->line, 1, "an abbreviation is one word");
		return 0;
	}
	struct strlist *to = lw_lex_eq(l->field[1], "title")   ? &b->abbrev_title
			     : lw_lex_eq(l->field[1], "other") ? &b->abbrev_other
							       : NULL;
	if (!to) {
		report(b, l->line, 1, "class must be title or other, not '%.*s'",
		       (int)l->field[1].len, l->field[1].ptr);
		return 0;
	}
	if (strlist_add(to, w.ptr, w.len))
		report(b, l->line, 1, "out of memory");
	return 0;
}

/* ---- lexicon/sentence-starters.txt: one word per line ---- */
static int on_starter(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 1 || l->field[0].len == 0) {
		report(b, l->line, 1, "expected one word");
		return 0;
	}
	char tmp[64];
	lw_str w = l->field[0];
	if (w.len > sizeof tmp) {
		report(b, l->line, 1, "word too long");
		return 0;
	}
	for (size_t i = 0; i < w.len; i++) {
		unsigned char c = (unsigned char)w.ptr[i];
		tmp[i] = (char)((unsigned char)(c - 'A') < 26 ? c | 0x20 : c);
	}
	if (strlist_add(&b->starters, tmp, w.len))
		report(b, l->line, 1, "out of memory");
	return 0;
}

struct source {
	const char *rel; /* path under a dictionary directory */
	lw_lexline_fn fn;
	int required;    /* must exist in the first (built-in) directory */
};

static const struct source sources[] = {
	{"lexicon/abbreviations.txt", on_abbrev, 1},
	{"lexicon/sentence-starters.txt", on_starter, 1},
};

static void read_dir(struct builder *b, const char *dir, int first)
{
	for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, sources[i].rel);
		if (access(path, F_OK) != 0) {
			if (first && sources[i].required) {
				b->file = path;
				report(b, 0, 1, "missing dictionary file");
			}
			continue;
		}
		b->file = path;
		lw_status st = lw_lexfile_read(path, on_syntax, b, sources[i].fn, b);
		if (st != LW_OK)
			report(b, 0, 1, "cannot read: %s", lw_strerror(st));
	}
}

/* ---- serialisation ---- */
struct image {
	struct lw_buf buf;
	struct lw_kb_section_entry sec[LW_KB_SEC_MAX];
	uint32_t nsec;
};

static void begin_section(struct image *im, enum lw_kb_section id)
{
	while (im->buf.len % 8)
		lw_buf_addc(&im->buf, 0);
	im->sec[im->nsec].id = (uint32_t)id;
	im->sec[im->nsec].offset = im->buf.len;
}

static void end_section(struct image *im)
{
	im->sec[im->nsec].size = im->buf.len - im->sec[im->nsec].offset;
	im->nsec++;
}

static int add_wordset(struct image *im, enum lw_kb_section id, const struct strlist *l)
{
	struct lw_wordset *ws = lw_wordset_new((const char *const *)l->s, l->len, l->n);
	if (!ws)
		return -1;
	begin_section(im, id);
	lw_wordset_serialize(ws, &im->buf);
	end_section(im);
	lw_wordset_free(ws);
	return 0;
}

static int build_image(struct builder *b, struct image *im)
{
	/* header and section table first, patched at the end */
	size_t table = sizeof(struct lw_kb_file_header) +
		       LW_KB_SEC_MAX * sizeof(struct lw_kb_section_entry);
	if (lw_buf_reserve(&im->buf, table))
		return -1;
	memset(im->buf.ptr, 0, table);
	im->buf.len = table;
	if (add_wordset(im, LW_KB_SEC_ABBREV_TITLE, &b->abbrev_title) ||
	    add_wordset(im, LW_KB_SEC_ABBREV_OTHER, &b->abbrev_other) ||
	    add_wordset(im, LW_KB_SEC_STARTERS, &b->starters))
		return -1;
	if (im->buf.failed)
		return -1;
	struct lw_kb_file_header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, LW_KB_MAGIC, 8);
	h.format = LW_KB_FORMAT;
	h.nsections = im->nsec;
	h.file_size = im->buf.len;
	memcpy(im->buf.ptr, &h, sizeof h);
	memcpy(im->buf.ptr + sizeof h, im->sec, im->nsec * sizeof *im->sec);
	return 0;
}

static lw_status write_atomically(const char *path, const struct lw_buf *buf, lw_error *err)
{
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	if (!f || fwrite(buf->ptr, 1, buf->len, f) != buf->len || fclose(f) != 0 ||
	    rename(tmp, path) != 0) {
		if (err) {
			err->status = LW_EIO;
			snprintf(err->doc, sizeof err->doc, "%s", path);
			snprintf(err->message, sizeof err->message, "cannot write: %s",
				 strerror(errno));
		}
		unlink(tmp);
		return LW_EIO;
	}
	return LW_OK;
}

static lw_status compile(const char *const *dirs, size_t ndirs, const char *gazetteer,
			 lw_diag_fn diag, void *ctx, struct image *im, lw_error *err)
{
	(void)gazetteer;
	struct builder b;
	memset(&b, 0, sizeof b);
	b.diag = diag;
	b.dctx = ctx;
	for (size_t i = 0; i < ndirs; i++)
		read_dir(&b, dirs[i], i == 0);
	lw_status st = LW_OK;
	if (b.errors) {
		st = LW_EKB;
		if (err) {
			memset(err, 0, sizeof *err);
			err->status = st;
			snprintf(err->message, sizeof err->message, "%d error(s) in the dictionaries",
				 b.errors);
		}
	} else if (im && build_image(&b, im)) {
		st = LW_ENOMEM;
	}
	strlist_free(&b.abbrev_title);
	strlist_free(&b.abbrev_other);
	strlist_free(&b.starters);
	return st;
}

lw_status lw_kb_compile(const char *const *dirs, size_t ndirs, const char *gazetteer,
			const char *out_path, lw_diag_fn diag, void *ctx, lw_error *err)
{
	struct image im;
	memset(&im, 0, sizeof im);
	lw_status st = compile(dirs, ndirs, gazetteer, diag, ctx, out_path ? &im : NULL, err);
	if (st == LW_OK && out_path)
		st = write_atomically(out_path, &im.buf, err);
	lw_buf_release(&im.buf);
	return st;
}

lw_status lw_kb_build(const char *const *dirs, size_t ndirs, const char *gazetteer,
			     lw_diag_fn diag, void *ctx, lw_kb **out, lw_error *err)
{
	struct image im;
	memset(&im, 0, sizeof im);
	*out = NULL;
	lw_status st = compile(dirs, ndirs, gazetteer, diag, ctx, &im, err);
	if (st != LW_OK) {
		lw_buf_release(&im.buf);
		return st;
	}
	return lw_kb_from_memory(im.buf.ptr, im.buf.len, out, err);
}
