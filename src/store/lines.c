/*
 * lines.c: the lines of JSON Lines files, directories and standard input,
 * for `lapwing ingest --coded` (whose records are contract objects, not the
 * {"id","text"} records lw_reader parses). Paths are walked as lw_reader
 * walks them: directories recursively in name order, hidden entries and
 * links to directories skipped, only *.jsonl, *.ndjson and *.json taken
 * from directories. A line over the limit is skipped as it streams past,
 * so its length costs time, not memory.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lines.h"

/* Directories nested deeper than this are not entered (a loop or a bomb). */
#define LINES_MAX_DEPTH 64

struct item {
	char *path;
	int depth;
	int explicit_;
};

struct lw_lines {
	size_t max_line;
	struct item *q;
	size_t qn, qcap;
	FILE *f;
	char *name;
	long line;
	int eof;
	char *buf;
	size_t cap, start, end, scanned;
	uint64_t consumed;
	size_t skipped_files;
};

lw_status lw_lines_new(size_t max_line, struct lw_lines **out)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return LW_ENOMEM;
	(*out)->max_line = max_line;
	return LW_OK;
}

static void close_file(struct lw_lines *l)
{
	if (l->f && l->f != stdin)
		fclose(l->f);
	l->f = NULL;
	l->eof = 0;
	l->start = l->end = l->scanned = 0;
}

void lw_lines_free(struct lw_lines *l)
{
	if (!l)
		return;
	close_file(l);
	for (size_t i = 0; i < l->qn; i++)
		free(l->q[i].path);
	free(l->q);
	free(l->buf);
	free(l->name);
	free(l);
}

static lw_status push(struct lw_lines *l, size_t at, const char *path, int depth, int explicit_)
{
	if (l->qn == l->qcap) {
		size_t cap = l->qcap ? l->qcap * 2 : 16;
		struct item *q = realloc(l->q, cap * sizeof *q);
		if (!q)
			return LW_ENOMEM;
		l->q = q;
		l->qcap = cap;
	}
	char *copy = strdup(path);
	if (!copy)
		return LW_ENOMEM;
	memmove(l->q + at + 1, l->q + at, (l->qn - at) * sizeof *l->q);
	l->q[at] = (struct item){copy, depth, explicit_};
	l->qn++;
	return LW_OK;
}

lw_status lw_lines_add(struct lw_lines *l, const char *path)
{
	return push(l, l->qn, path, 0, 1);
}

static lw_status fail(lw_error *err, lw_status st, const char *doc, long line, const char *msg,
		      const char *detail)
{
	if (err) {
		memset(err, 0, sizeof *err);
		err->status = st;
		err->line = line;
		err->offset = -1;
		snprintf(err->doc, sizeof err->doc, "%s", doc);
		snprintf(err->message, sizeof err->message, "%s%s%s", msg, detail ? ": " : "",
			 detail ? detail : "");
	}
	return st;
}

/* Does the name end in .jsonl, .ndjson or .json (any case)? */
static int jsonl_name(const char *path)
{
	static const char *const exts[] = {".jsonl", ".ndjson", ".json"};
	size_t n = strlen(path);
	for (size_t i = 0; i < 3; i++) {
		size_t e = strlen(exts[i]), k = 0;
		if (n <= e)
			continue;
		while (k < e && (path[n - e + k] | (path[n - e + k] >= 'A' && path[n - e + k] <= 'Z'
						       ? 0x20 : 0)) == exts[i][k])
			k++;
		if (k == e)
			return 1;
	}
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static lw_status expand(struct lw_lines *l, const char *dir, int depth, lw_error *err)
{
	if (depth >= LINES_MAX_DEPTH)
		return fail(err, LW_EIO, dir, 0, "directories nested too deep", NULL);
	DIR *d = opendir(dir);
	if (!d)
		return fail(err, LW_EIO, dir, 0, "cannot open directory", strerror(errno));
	char **names = NULL;
	size_t n = 0, cap = 0;
	lw_status st = LW_OK;
	struct dirent *e;
	while (st == LW_OK && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			char **nn = realloc(names, cap * sizeof *nn);
			if (!nn) {
				st = LW_ENOMEM;
				break;
			}
			names = nn;
		}
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		if (!(names[n] = malloc(len))) {
			st = LW_ENOMEM;
			break;
		}
		snprintf(names[n], len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
			 e->d_name);
		n++;
	}
	closedir(d);
	if (st == LW_OK && n)
		qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n && st == LW_OK; i++)
		st = push(l, i, names[i], depth + 1, 0);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return st == LW_OK ? LW_OK : fail(err, st, dir, 0, lw_strerror(st), NULL);
}

/* 1 line, 0 end of file, -1 over the limit (skipped), -2 read error. */
static int next_line(struct lw_lines *l, size_t *s, size_t *n)
{
	int skipping = 0;
	for (;;) {
		size_t from = l->start + l->scanned;
		char *nl = l->end > from ? memchr(l->buf + from, '\n', l->end - from) : NULL;
		l->scanned = l->end - l->start;
		if (nl || (l->eof && l->end > l->start)) {
			size_t e = nl ? (size_t)(nl - l->buf) : l->end;
			*s = l->start;
			*n = e - l->start;
			l->consumed += e - l->start + (nl != NULL);
			l->start = nl ? e + 1 : e;
			l->scanned = 0;
			l->line++;
			return skipping ? -1 : 1;
		}
		if (l->eof) {
			if (skipping) {
				l->line++;
				return -1;
			}
			return 0;
		}
		if (l->start > 0) {
			memmove(l->buf, l->buf + l->start, l->end - l->start);
			l->end -= l->start;
			l->start = 0;
		}
		if (l->end > l->max_line) {
			skipping = 1;
			l->consumed += l->end;
			l->end = l->scanned = 0;
		}
		if (l->cap - l->end < 65536) {
			size_t cap = l->cap ? l->cap * 2 : 1 << 20;
			char *b = realloc(l->buf, cap);
			if (!b)
				return -2;
			l->buf = b;
			l->cap = cap;
		}
		size_t got = fread(l->buf + l->end, 1, l->cap - l->end, l->f);
		l->end += got;
		if (got == 0) {
			if (ferror(l->f))
				return -2;
			l->eof = 1;
		}
	}
}

static lw_status open_next(struct lw_lines *l, lw_error *err)
{
	struct item it = l->q[0];
	memmove(l->q, l->q + 1, (l->qn - 1) * sizeof *l->q);
	l->qn--;
	lw_status st = LW_OK;
	struct stat sb;
	int is_stdin = strcmp(it.path, "-") == 0 && it.explicit_;
	if (!is_stdin && stat(it.path, &sb) != 0) {
		st = fail(err, LW_EIO, it.path, 0, "cannot open", strerror(errno));
	} else if (!is_stdin && S_ISDIR(sb.st_mode)) {
		struct stat lsb;
		if (!it.explicit_ && lstat(it.path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
			l->skipped_files++;
		else
			st = expand(l, it.path, it.depth, err);
	} else if (!it.explicit_ && !jsonl_name(it.path)) {
		l->skipped_files++;
	} else {
		l->f = is_stdin ? stdin : fopen(it.path, "rb");
		if (!l->f) {
			st = fail(err, LW_EIO, it.path, 0, "cannot open", strerror(errno));
		} else {
			free(l->name);
			l->name = it.path;
			it.path = NULL;
			l->line = 0;
		}
	}
	free(it.path);
	return st;
}

lw_status lw_lines_next(struct lw_lines *l, const char **line, size_t *len, lw_error *err)
{
	for (;;) {
		if (!l->f) {
			if (l->qn == 0)
				return LW_DONE;
			lw_status st = open_next(l, err);
			if (st != LW_OK)
				return st;
			continue;
		}
		size_t s, n;
		int got = next_line(l, &s, &n);
		if (got == 0) {
			close_file(l);
			continue;
		}
		if (got == -2) {
			lw_status st = fail(err, LW_EIO, l->name, l->line, "read error", NULL);
			close_file(l);
			return st;
		}
		if (got == -1) {
			char msg[96];
			snprintf(msg, sizeof msg, "line exceeds %zu bytes", l->max_line);
			return fail(err, LW_ETOOBIG, l->name, l->line, msg, NULL);
		}
		char *p = l->buf + s;
		if (l->line == 1 && n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
			p += 3; /* byte-order mark */
			n -= 3;
		}
		size_t k = 0;
		while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
			k++;
		if (k == n)
			continue;
		*line = p;
		*len = n;
		return LW_OK;
	}
}

void lw_lines_where(const struct lw_lines *l, const char **file, long *line)
{
	*file = l->name ? l->name : "";
	*line = l->line;
}

uint64_t lw_lines_consumed(const struct lw_lines *l)
{
	return l->consumed;
}

size_t lw_lines_skipped(const struct lw_lines *l)
{
	return l->skipped_files;
}
