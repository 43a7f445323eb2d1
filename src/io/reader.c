/*
 * reader.c: documents from plain-text files, JSON Lines and directories.
 *
 * JSON records are parsed by jsonl.c (see there why not jansson). Lines
 * are read in a buffer that never holds more than one line, and a line
 * over the limit is skipped as it streams past: a 2 GB line costs its
 * reading time, not its memory. Every problem is one error about one
 * record, with file, line and byte offset, and the reader goes on.
 */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lapwing.h"
#include "jsonl.h"

/*
 * Up to n bytes of f into p: what a read(2) gives, not what fills the
 * buffer (fread waits for a whole megabyte or the end), so that a JSON
 * Lines stream on a pipe is coded line by line as it arrives (`tail -f
 * feed | lapwing code`). Streams without a descriptor (fmemopen) go
 * through stdio. *got 0 is the end; -1 a read error; 1 the caller's wait
 * hook said to stop.
 */
static int read_some(FILE *f, char *p, size_t n, size_t *got, int (*wait)(void *),
		     void *ctx)
{
	int fd = fileno(f);
	if (fd < 0) {
		*got = fread(p, 1, n, f);
		return *got == 0 && ferror(f) ? -1 : 0;
	}
	if (wait) {
		/* nothing to read yet: read(2) would block (lw_reader_on_wait);
		 * a regular file always polls ready */
		struct pollfd pf = {fd, POLLIN, 0};
		int ready;
		do
			ready = poll(&pf, 1, 0);
		while (ready < 0 && errno == EINTR);
		if (ready == 0 && wait(ctx) != 0)
			return 1; /* the caller stops reading */
	}
	ssize_t k;
	do
		k = read(fd, p, n);
	while (k < 0 && errno == EINTR);
	if (k < 0)
		return -1;
	*got = (size_t)k;
	return 0;
}

/* Directories nested deeper than this are not entered (a loop or a bomb). */
#define READER_MAX_DEPTH 64
/* JSON escapes may double a text ("\n", "\""): a line may be this much
 * longer than the document limit before it is refused unread. */
#define READER_LINE_SLACK(max) ((max) * 2 + 65536)

struct path_item {
	char *path;
	int depth;
	int explicit_; /* named by the user (not found in a directory) */
	const void *mem; /* a buffer source (lw_reader_add_memory), or NULL */
	size_t mem_len;
	lw_format mem_format;
};

struct lw_reader {
	lw_format format;
	size_t max_doc;
	/* queue of paths, processed front to back; directories push their
	 * entries in front, in name order */
	struct path_item *q;
	size_t qn, qcap;
	/* the open source */
	FILE *f;
	char *name;
	int is_jsonl;
	long line;
	int eof;
	char *buf;
	size_t cap, start, end;
	size_t scanned; /* bytes after start known to hold no newline */
	/* the current document */
	struct lw_jsonl_record rec;
	char *text;        /* plain-text file contents */
	char idbuf[512];
	char numbuf[64];
	char warning[256];
	int has_warning;
	lw_reader_stats stats;
	int (*wait)(void *ctx); /* lw_reader_on_wait */
	void *wait_ctx;
};

lw_status lw_reader_new(lw_format format, size_t max_doc, lw_reader **out)
{
	struct lw_reader *r = calloc(1, sizeof *r);
	*out = NULL;
	if (!r)
		return LW_ENOMEM;
	r->format = format;
	r->max_doc = max_doc ? max_doc : LW_DEFAULT_MAX_DOC_BYTES;
	*out = r;
	return LW_OK;
}

static void close_source(struct lw_reader *r)
{
	if (r->f && r->f != stdin)
		fclose(r->f);
	r->f = NULL;
	free(r->name);
	r->name = NULL;
	r->eof = 0;
	r->line = 0;
	r->start = r->end = 0;
	r->scanned = 0;
}

static void drop_doc(struct lw_reader *r)
{
	free(r->text);
	r->text = NULL;
	r->has_warning = 0;
}

void lw_reader_on_wait(lw_reader *r, int (*wait)(void *ctx), void *ctx)
{
	r->wait = wait;
	r->wait_ctx = ctx;
}

void lw_reader_free(lw_reader *r)
{
	if (!r)
		return;
	drop_doc(r);
	close_source(r);
	for (size_t i = 0; i < r->qn; i++)
		free(r->q[i].path);
	free(r->q);
	free(r->buf);
	lw_jsonl_release(&r->rec);
	free(r);
}

static lw_status push_path(struct lw_reader *r, size_t at, const char *path, int depth,
			   int explicit_)
{
	if (r->qn == r->qcap) {
		size_t cap = r->qcap ? r->qcap * 2 : 16;
		struct path_item *q = realloc(r->q, cap * sizeof *q);
		if (!q)
			return LW_ENOMEM;
		r->q = q;
		r->qcap = cap;
	}
	char *copy = strdup(path);
	if (!copy)
		return LW_ENOMEM;
	memmove(r->q + at + 1, r->q + at, (r->qn - at) * sizeof *r->q);
	memset(&r->q[at], 0, sizeof r->q[at]);
	r->q[at].path = copy;
	r->q[at].depth = depth;
	r->q[at].explicit_ = explicit_;
	r->qn++;
	return LW_OK;
}

lw_status lw_reader_add_memory(lw_reader *r, const char *name, const void *data, size_t len,
			       lw_format format)
{
	lw_status st = push_path(r, r->qn, name, 0, 1);
	if (st != LW_OK)
		return st;
	r->q[r->qn - 1].mem = data ? data : "";
	r->q[r->qn - 1].mem_len = len;
	r->q[r->qn - 1].mem_format = format;
	return LW_OK;
}

lw_status lw_reader_add(lw_reader *r, const char *path)
{
	return push_path(r, r->qn, path, 0, 1);
}

const char *lw_reader_warning(const lw_reader *r)
{
	return r->has_warning ? r->warning : NULL;
}

void lw_reader_where(const lw_reader *r, const char **file, long *line)
{
	*file = r->name ? r->name : "";
	*line = r->is_jsonl ? r->line : 0;
}

void lw_reader_get_stats(const lw_reader *r, lw_reader_stats *s)
{
	*s = r->stats;
}

static lw_status fail(struct lw_reader *r, lw_error *err, lw_status st, const char *doc,
		      long line, long offset, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static lw_status fail(struct lw_reader *r, lw_error *err, lw_status st, const char *doc,
		      long line, long offset, const char *fmt, ...)
{
	r->stats.errors++;
	if (err) {
		memset(err, 0, sizeof *err);
		err->status = st;
		err->line = line;
		err->offset = offset;
		snprintf(err->doc, sizeof err->doc, "%s", doc ? doc : "");
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->message, sizeof err->message, fmt, ap);
		va_end(ap);
	}
	return st;
}

static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	if (n <= e || path[n - e - 1] != '.')
		return 0;
	for (size_t i = 0; i < e; i++) {
		char c = path[n - e + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c | 0x20);
		if (c != ext[i])
			return 0;
	}
	return 1;
}

/* 0 other, 1 text, 2 JSON Lines */
static int kind_by_ext(const char *path)
{
	if (has_ext(path, "txt") || has_ext(path, "text"))
		return 1;
	if (has_ext(path, "jsonl") || has_ext(path, "ndjson") || has_ext(path, "json"))
		return 2;
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Put a directory's entries at the front of the queue, in name order. */
static lw_status expand_dir(struct lw_reader *r, const char *dir, int depth, lw_error *err)
{
	if (depth >= READER_MAX_DEPTH)
		return fail(r, err, LW_EIO, dir, 0, -1, "directories nested too deep (limit %d)",
			    READER_MAX_DEPTH);
	DIR *d = opendir(dir);
	if (!d)
		return fail(r, err, LW_EIO, dir, 0, -1, "cannot open directory: %s", strerror(errno));
	char **names = NULL;
	size_t n = 0, cap = 0;
	lw_status st = LW_OK;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue; /* ., .., hidden files */
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
		names[n] = malloc(len);
		if (!names[n]) {
			st = LW_ENOMEM;
			break;
		}
		snprintf(names[n], len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
			 e->d_name);
		n++;
	}
	closedir(d);
	if (st == LW_OK) {
		qsort(names, n, sizeof *names, cmp_names);
		for (size_t i = 0; i < n && st == LW_OK; i++)
			st = push_path(r, i, names[i], depth + 1, 0);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (st != LW_OK)
		return fail(r, err, st, dir, 0, -1, "%s", lw_strerror(st));
	return LW_OK;
}

static lw_status read_text_file(struct lw_reader *r, const char *path, lw_input *doc,
				lw_error *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return fail(r, err, LW_EIO, path, 0, -1, "cannot open: %s", strerror(errno));
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > r->max_doc) {
		if (!is_stdin)
			fclose(f);
		return fail(r, err, LW_ETOOBIG, path, 0, (long)r->max_doc,
			    "file of %lld bytes exceeds the document size limit of %zu bytes",
			    (long long)st.st_size, r->max_doc);
	}
	size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536, len = 0;
	char *buf = malloc(cap);
	if (!buf) {
		if (!is_stdin)
			fclose(f);
		return fail(r, err, LW_ENOMEM, path, 0, -1, "out of memory");
	}
	for (;;) {
		if (len + 1 >= cap) {
			if (cap > r->max_doc + 1) {
				free(buf);
				if (!is_stdin)
					fclose(f);
				return fail(r, err, LW_ETOOBIG, path, 0, (long)r->max_doc,
					    "file exceeds the document size limit of %zu bytes",
					    r->max_doc);
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				if (!is_stdin)
					fclose(f);
				return fail(r, err, LW_ENOMEM, path, 0, -1, "out of memory");
			}
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + len, 1, cap - len - 1, f);
		len += got;
		if (got == 0)
			break;
	}
	int bad = ferror(f);
	if (!is_stdin)
		fclose(f);
	if (bad) {
		free(buf);
		return fail(r, err, LW_EIO, path, 0, (long)len, "read error");
	}
	if (len > r->max_doc) {
		free(buf);
		return fail(r, err, LW_ETOOBIG, path, 0, (long)r->max_doc,
			    "file exceeds the document size limit of %zu bytes", r->max_doc);
	}
	buf[len] = 0;
	r->text = buf;
	memset(doc, 0, sizeof *doc);
	snprintf(r->idbuf, sizeof r->idbuf, "%s", is_stdin ? "stdin" : path);
	doc->id = r->idbuf;
	doc->id_len = strlen(r->idbuf);
	doc->text = buf;
	doc->text_len = len;
	free(r->name);
	r->name = strdup(path);
	r->is_jsonl = 0;
	r->stats.files++;
	r->stats.documents++;
	r->stats.bytes += len;
	return LW_OK;
}

/*
 * The next line of the open JSON Lines source into [r->buf+*s, +*n).
 * Returns 1 with a line, 0 at the end, -1 when the line is over the limit
 * (it has been skipped), -2 on a read error, -3 when lw_reader_on_wait's
 * hook stopped the reader.
 */
static int next_line(struct lw_reader *r, size_t *s, size_t *n)
{
	size_t limit = READER_LINE_SLACK(r->max_doc);
	int skipping = 0;
	for (;;) {
		size_t from = r->start + r->scanned;
		char *nl = r->end > from ? memchr(r->buf + from, '\n', r->end - from) : NULL;
		r->scanned = r->end - r->start; /* never scan the same bytes twice */
		if (nl || (r->eof && r->end > r->start)) {
			r->scanned = 0;
			size_t e = nl ? (size_t)(nl - r->buf) : r->end;
			*s = r->start;
			*n = e - r->start;
			r->start = nl ? e + 1 : e;
			r->line++;
			if (skipping)
				return -1;
			return 1;
		}
		if (r->eof) {
			if (skipping) {
				r->line++;
				return -1;
			}
			return 0;
		}
		/* need more: compact, grow, read */
		if (r->start > 0) {
			memmove(r->buf, r->buf + r->start, r->end - r->start);
			r->end -= r->start;
			r->start = 0;
		}
		if (r->end > limit) {
			skipping = 1; /* drop what we have of this line */
			r->end = 0;
			r->scanned = 0;
		}
		if (r->cap - r->end < 65536) {
			size_t cap = r->cap ? r->cap * 2 : 1 << 20;
			char *b = realloc(r->buf, cap);
			if (!b)
				return -2;
			r->buf = b;
			r->cap = cap;
		}
		size_t got;
		int rs = read_some(r->f, r->buf + r->end, r->cap - r->end, &got, r->wait, r->wait_ctx);
		if (rs != 0)
			return rs > 0 ? -3 : -2;
		r->end += got;
		if (got == 0)
			r->eof = 1;
	}
}

static lw_status parse_record(struct lw_reader *r, char *line, size_t len, lw_input *doc,
			      lw_error *err)
{
	char msg[128];
	size_t at;
	struct lw_jsonl_record *rec = &r->rec;
	if (lw_jsonl_parse(line, len, rec, msg, sizeof msg, &at) != 0) {
		if (strcmp(msg, "not a JSON object") == 0)
			return fail(r, err, LW_EJSON, r->name, r->line, 0, "not a JSON object");
		return fail(r, err, LW_EJSON, r->name, r->line, (long)at, "invalid JSON: %s", msg);
	}
	memset(doc, 0, sizeof *doc);
	if (rec->field[LW_JSONL_TEXT].kind != LW_JSONL_STRING)
		return fail(r, err, LW_ENOTEXT, r->name, r->line, 0,
			    rec->field[LW_JSONL_TEXT].kind == LW_JSONL_ABSENT ? "no \"text\" field"
									      : "\"text\" is not a string");
	doc->text = lw_jsonl_value(rec, LW_JSONL_TEXT);
	doc->text_len = rec->field[LW_JSONL_TEXT].len;
	if (doc->text_len > r->max_doc)
		return fail(r, err, LW_ETOOBIG, r->name, r->line, (long)r->max_doc,
			    "text of %zu bytes exceeds the document size limit of %zu bytes",
			    doc->text_len, r->max_doc);
	enum lw_jsonl_kind idk = rec->field[LW_JSONL_ID].kind;
	if (idk == LW_JSONL_STRING || idk == LW_JSONL_NUMBER) {
		doc->id = lw_jsonl_value(rec, LW_JSONL_ID);
		doc->id_len = rec->field[LW_JSONL_ID].len;
	} else {
		snprintf(r->idbuf, sizeof r->idbuf, "%s:%ld",
			 strcmp(r->name, "-") == 0 ? "stdin" : r->name, r->line);
		doc->id = r->idbuf;
		doc->id_len = strlen(r->idbuf);
	}
	enum lw_jsonl_kind dk = rec->field[LW_JSONL_DATE].kind;
	if (dk == LW_JSONL_STRING) {
		lw_date d;
		const char *dv = lw_jsonl_value(rec, LW_JSONL_DATE);
		size_t dn = rec->field[LW_JSONL_DATE].len;
		if (dn == 0) {
			/* an empty date is no date */
		} else if (lw_date_parse(dv, dn, &d)) {
			doc->date = dv;
			doc->date_len = dn;
		} else {
			r->has_warning = 1;
			snprintf(r->warning, sizeof r->warning,
				 "\"date\" is not an ISO date (YYYY-MM-DD): ignored");
		}
	} else if (dk != LW_JSONL_ABSENT && dk != LW_JSONL_NULL) {
		r->has_warning = 1;
		snprintf(r->warning, sizeof r->warning, "\"date\" is not a string: ignored");
	}
	static const struct {
		enum lw_jsonl_field f;
		size_t off_ptr, off_len;
	} opt[] = {
		{LW_JSONL_TITLE, offsetof(lw_input, title), offsetof(lw_input, title_len)},
		{LW_JSONL_SOURCE, offsetof(lw_input, source), offsetof(lw_input, source_len)},
		{LW_JSONL_URL, offsetof(lw_input, url), offsetof(lw_input, url_len)},
		{LW_JSONL_COUNTRY, offsetof(lw_input, country), offsetof(lw_input, country_len)},
	};
	for (size_t i = 0; i < sizeof opt / sizeof *opt; i++) {
		if (rec->field[opt[i].f].kind != LW_JSONL_STRING)
			continue;
		const char *v = lw_jsonl_value(rec, opt[i].f);
		size_t n = rec->field[opt[i].f].len;
		memcpy((char *)doc + opt[i].off_ptr, &v, sizeof v);
		memcpy((char *)doc + opt[i].off_len, &n, sizeof n);
	}
	enum lw_jsonl_kind ck = rec->field[LW_JSONL_COUNTRY].kind;
	if (ck != LW_JSONL_ABSENT && ck != LW_JSONL_NULL && ck != LW_JSONL_STRING &&
	    !r->has_warning) {
		r->has_warning = 1;
		snprintf(r->warning, sizeof r->warning, "\"country\" is not a string: ignored");
	}
	r->stats.documents++;
	r->stats.bytes += doc->text_len;
	return LW_OK;
}

static lw_status open_jsonl(struct lw_reader *r, const char *path, lw_error *err)
{
	if (strcmp(path, "-") == 0) {
		r->f = stdin;
	} else {
		r->f = fopen(path, "rb");
		if (!r->f)
			return fail(r, err, LW_EIO, path, 0, -1, "cannot open: %s", strerror(errno));
	}
	free(r->name); /* a plain-text file's name before this source */
	r->name = strdup(path);
	if (!r->name) {
		close_source(r);
		return fail(r, err, LW_ENOMEM, path, 0, -1, "out of memory");
	}
	r->is_jsonl = 1;
	r->line = 0;
	r->eof = 0;
	r->start = r->end = 0;
	r->stats.files++;
	return LW_OK;
}

/* A buffer: a text document at once, or JSON Lines through fmemopen. */
static lw_status open_memory(struct lw_reader *r, const struct path_item *it, lw_input *doc,
			     lw_error *err)
{
	if (it->mem_format == LW_FORMAT_TEXT) {
		if (it->mem_len > r->max_doc)
			return fail(r, err, LW_ETOOBIG, it->path, 0, (long)r->max_doc,
				    "text exceeds the document size limit of %zu bytes", r->max_doc);
		memset(doc, 0, sizeof *doc);
		snprintf(r->idbuf, sizeof r->idbuf, "%s", it->path);
		doc->id = r->idbuf;
		doc->id_len = strlen(r->idbuf);
		doc->text = it->mem;
		doc->text_len = it->mem_len;
		free(r->name);
		r->name = strdup(it->path);
		r->is_jsonl = 0;
		r->stats.files++;
		r->stats.documents++;
		r->stats.bytes += it->mem_len;
		return LW_OK;
	}
	r->f = it->mem_len ? fmemopen((void *)it->mem, it->mem_len, "rb") : NULL;
	if (!r->f) {
		if (it->mem_len == 0)
			return LW_OK; /* an empty stream: no documents */
		return fail(r, err, LW_ENOMEM, it->path, 0, -1, "cannot open buffer");
	}
	free(r->name);
	r->name = strdup(it->path);
	r->is_jsonl = 1;
	r->line = 0;
	r->eof = 0;
	r->start = r->end = r->scanned = 0;
	r->stats.files++;
	return LW_OK;
}

lw_status lw_reader_next(lw_reader *r, lw_input *doc, lw_error *err)
{
	drop_doc(r);
	for (;;) {
		if (r->f) {
			size_t s, n;
			int got = next_line(r, &s, &n);
			if (got == 0) {
				close_source(r);
				continue;
			}
			if (got == -3)
				return LW_DONE; /* lw_reader_on_wait's hook stopped it */
			if (got == -2) {
				lw_status st = fail(r, err, LW_EIO, r->name, r->line, -1, "read error");
				close_source(r);
				return st;
			}
			if (got == -1)
				return fail(r, err, LW_ETOOBIG, r->name, r->line,
					    (long)READER_LINE_SLACK(r->max_doc),
					    "line exceeds %zu bytes (document size limit %zu)",
					    (size_t)READER_LINE_SLACK(r->max_doc), r->max_doc);
			char *line = r->buf + s;
			if (r->line == 1 && n >= 3 && (unsigned char)line[0] == 0xEF &&
			    (unsigned char)line[1] == 0xBB && (unsigned char)line[2] == 0xBF) {
				line += 3; /* byte-order mark */
				n -= 3;
			}
			size_t k = 0;
			while (k < n && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
				k++;
			if (k == n)
				continue; /* blank line: no document */
			return parse_record(r, line, n, doc, err);
		}
		if (r->qn == 0)
			return LW_DONE;
		struct path_item it = r->q[0];
		memmove(r->q, r->q + 1, (r->qn - 1) * sizeof *r->q);
		r->qn--;
		lw_status st = LW_OK;
		if (it.mem) {
			st = open_memory(r, &it, doc, err);
			int was_text = it.mem_format == LW_FORMAT_TEXT;
			free(it.path);
			if (was_text || st != LW_OK)
				return st;
			continue;
		}
		struct stat sb;
		int is_stdin = strcmp(it.path, "-") == 0 && it.explicit_;
		if (!is_stdin && stat(it.path, &sb) != 0) {
			st = fail(r, err, LW_EIO, it.path, 0, -1, "%s", strerror(errno));
		} else if (!is_stdin && S_ISDIR(sb.st_mode)) {
			struct stat lsb;
			if (!it.explicit_ && lstat(it.path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
				r->stats.skipped_files++; /* never follow a link to a directory */
			else
				st = expand_dir(r, it.path, it.depth, err);
		} else {
			int kind = it.explicit_ && r->format == LW_FORMAT_TEXT    ? 1
				   : it.explicit_ && r->format == LW_FORMAT_JSONL ? 2
				   : is_stdin                                      ? 2
										   : kind_by_ext(it.path);
			if (kind == 0 && it.explicit_)
				kind = 1; /* a file named on the command line: plain text */
			if (kind == 0)
				r->stats.skipped_files++;
			else if (kind == 1)
				st = read_text_file(r, it.path, doc, err);
			else
				st = open_jsonl(r, it.path, err);
			if (kind == 1) {
				free(it.path);
				return st;
			}
		}
		free(it.path);
		if (st != LW_OK)
			return st;
	}
}
