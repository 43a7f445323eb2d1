/*
 * cmd_code.c: `lapwing code`, the streaming coder: documents in, one
 * contract JSON object per document out.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "../io/write_json.h"

static const char usage[] =
	"usage: lapwing code [OPTIONS] [PATH...]\n"
	"\n"
	"Code documents into entities, quotes and events, and print one JSON\n"
	"object per document (the output contract, docs/output.md) on standard\n"
	"output, in input order.\n"
	"\n"
	"PATH is a plain-text file (one document), a JSON Lines file (one\n"
	"document per line: {\"id\",\"date\",\"title\",\"source\",\"url\",\"text\"}), a\n"
	"directory (searched recursively: *.txt and *.text are text, *.jsonl,\n"
	"*.ndjson and *.json are JSON Lines), or - for standard input. With no\n"
	"PATH, JSON Lines are read from standard input.\n"
	"\n"
	"Options:\n"
	"  --input text|jsonl   format of the named files and of standard input\n"
	"                       (default: by extension; standard input is jsonl)\n"
	"  --date YYYY-MM-DD    document date where the input gives none (before\n"
	"                       the dateline); relative dates resolve against it\n"
	"  --country C          the country the documents are about, where a text\n"
	"                       names none (a national feed): an ISO 3166-1\n"
	"                       alpha-3 code (PAK) or a country's name; a JSON\n"
	"                       line's own \"country\" comes first\n"
	"  --pretty             indent the JSON (several lines per document)\n"
	"  --stop-after STAGE   text, entities, quotes or events (default: all)\n"
	"  --max-doc-bytes N    refuse documents larger than N bytes (default\n"
	"                       67108864)\n"
	"  --kb DIR             add a dictionary directory (repeatable); it\n"
	"                       extends and overrides the built-in dictionaries\n"
	"  --kb-file FILE       use a compiled knowledge base (lapwing kb compile)\n"
	"  -h, --help           show this help\n"
	"\n"
	"Problems with single documents (invalid JSON, no \"text\", too large) are\n"
	"reported on standard error as FILE:LINE: reason, and the other documents\n"
	"are still coded. A summary line on standard error counts documents read,\n"
	"coded and failed. Exit status: 0 if every document was coded, 1 if some\n"
	"failed, 2 if the command could not run.\n"
	"\n"
	"Example:\n"
	"  lapwing code --date 2023-08-15 article.txt\n"
	"  parallel --pipe -N1000 lapwing code < big.jsonl > coded.jsonl\n";

/*
 * The output: documents' JSON lines are written into one buffer, and the
 * buffer to standard output by write(2) once it holds OUT_BLOCK bytes, at
 * the end, and before an error ends the run. Not through stdio: fwrite
 * would copy every document once more into its own buffer. Only whole
 * lines are written, so a reader never sees half a document. On a
 * terminal each document goes out as soon as it is coded, as stdio's line
 * buffering did.
 */
#define OUT_BLOCK (1 << 20)

/* out's bytes to standard output, all of them (a short write continues);
 * 0, or -1 with errno set. out is emptied either way. */
static int flush_out(struct lw_buf *out)
{
	const char *p = out->ptr;
	size_t n = out->len;
	out->len = 0;
	while (n > 0) {
		ssize_t k = write(STDOUT_FILENO, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = EIO;
			return -1;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static int parse_stage(const char *s, unsigned *stages)
{
	if (strcmp(s, "text") == 0)
		*stages = LW_STAGE_TEXT;
	else if (strcmp(s, "entities") == 0)
		*stages = LW_STAGE_TEXT | LW_STAGE_ENTITIES;
	else if (strcmp(s, "quotes") == 0)
		*stages = LW_STAGE_TEXT | LW_STAGE_ENTITIES | LW_STAGE_QUOTES;
	else if (strcmp(s, "events") == 0 || strcmp(s, "all") == 0)
		*stages = LW_STAGE_ALL;
	else
		return 0;
	return 1;
}

int cmd_code(int argc, char **argv)
{
	lw_options opt;
	lw_options_init(&opt);
	struct kb_opts kbo = {0};
	lw_format format = LW_FORMAT_AUTO;
	unsigned flags = 0;
	const char *v, *country = NULL;
	int npaths = 0;
	char **paths = calloc((size_t)argc + 1, sizeof *paths);
	if (!paths)
		return EXIT_USAGE;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage, stdout);
			free(paths);
			return 0;
		} else if (opt_value(argc, argv, &i, "--input", &v)) {
			if (strcmp(v, "text") == 0)
				format = LW_FORMAT_TEXT;
			else if (strcmp(v, "jsonl") == 0)
				format = LW_FORMAT_JSONL;
			else {
				fprintf(stderr, "lapwing code: --input must be text or jsonl\n");
				free(paths);
				return EXIT_USAGE;
			}
		} else if (opt_value(argc, argv, &i, "--date", &v)) {
			lw_date d;
			if (!lw_date_parse(v, strlen(v), &d)) {
				fprintf(stderr, "lapwing code: --date must be YYYY-MM-DD, not '%s'\n", v);
				free(paths);
				return EXIT_USAGE;
			}
			opt.date = v;
		} else if (strcmp(a, "--pretty") == 0) {
			flags |= LW_JSON_PRETTY;
		} else if (opt_value(argc, argv, &i, "--stop-after", &v)) {
			if (!parse_stage(v, &opt.stages)) {
				fprintf(stderr, "lapwing code: --stop-after: unknown stage '%s'\n", v);
				free(paths);
				return EXIT_USAGE;
			}
		} else if (opt_value(argc, argv, &i, "--country", &v)) {
			country = v;
		} else if (opt_value(argc, argv, &i, "--max-doc-bytes", &v)) {
			char *end;
			errno = 0;
			unsigned long long n = strtoull(v, &end, 10);
			if (errno || *end || n == 0 || n > 0xFFFFFFF0ULL) {
				fprintf(stderr, "lapwing code: bad --max-doc-bytes '%s'\n", v);
				free(paths);
				return EXIT_USAGE;
			}
			opt.max_doc_bytes = (size_t)n;
		} else if (kb_opt(&kbo, argc, argv, &i)) {
			continue;
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "lapwing code: unknown option '%s' (see lapwing code --help)\n", a);
			free(paths);
			return EXIT_USAGE;
		} else {
			paths[npaths++] = argv[i];
		}
	}
	lw_kb *kb = kb_open(&kbo, "lapwing code");
	if (!kb) {
		free(paths);
		return EXIT_USAGE;
	}
	char country_code[4];
	if (country) {
		if (!country_opt(kb, "lapwing code", country, country_code)) {
			lw_kb_free(kb);
			free(paths);
			return EXIT_USAGE;
		}
		opt.country = country_code;
	}
	lw_reader *r;
	if (lw_reader_new(format, opt.max_doc_bytes, &r) != LW_OK) {
		lw_kb_free(kb);
		free(paths);
		return EXIT_USAGE;
	}
	if (npaths == 0)
		lw_reader_add(r, "-");
	for (int i = 0; i < npaths; i++)
		lw_reader_add(r, paths[i]);
	free(paths);

	struct lw_buf out = LW_BUF_INIT;
	size_t block = isatty(STDOUT_FILENO) ? 1 : OUT_BLOCK;
	size_t coded = 0, failed = 0;
	int out_ok = 1;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		lw_input in;
		lw_error err;
		lw_status st = lw_reader_next(r, &in, &err);
		if (st == LW_DONE)
			break;
		if (st != LW_OK) {
			print_input_error("lapwing code", &err);
			failed++;
			continue;
		}
		const char *warn = lw_reader_warning(r);
		if (warn) {
			const char *file;
			long line;
			lw_reader_where(r, &file, &line);
			fprintf(stderr, "lapwing code: %s:%ld: warning: %s\n", file, line, warn);
		}
		lw_doc *doc;
		st = lw_code(kb, &opt, &in, &doc, &err);
		if (st != LW_OK) {
			const char *file;
			long line;
			lw_reader_where(r, &file, &line);
			snprintf(err.doc, sizeof err.doc, "%s", file);
			err.line = line;
			print_input_error("lapwing code", &err);
			failed++;
			continue;
		}
		if (lw_doc_json_append(doc, flags, &out) != LW_OK)
			out_ok = 0;
		lw_doc_free(doc);
		if (!out_ok)
			break;
		coded++;
		if (out.len >= block && flush_out(&out) != 0) {
			out_ok = 0;
			break;
		}
	}
	if (out_ok) {
		if (flush_out(&out) != 0)
			out_ok = 0;
	} else {
		/* the documents before the failed one still go out; the
		 * error reported is the first one */
		int saved = errno;
		flush_out(&out);
		errno = saved;
	}
	lw_buf_release(&out);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	lw_reader_stats rs;
	lw_reader_get_stats(r, &rs);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	fprintf(stderr, "lapwing code: %zu documents read, %zu coded, %zu failed (%.2f MB in %.2f s",
		coded + failed, coded, failed, (double)rs.bytes / 1e6, secs);
	if (rs.skipped_files)
		fprintf(stderr, "; %zu files with other extensions skipped", rs.skipped_files);
	fprintf(stderr, ")\n");
	lw_reader_free(r);
	lw_kb_free(kb);
	if (!out_ok) {
		fprintf(stderr, "lapwing code: cannot write output: %s\n", strerror(errno));
		return EXIT_USAGE;
	}
	return failed ? EXIT_SOME_FAILED : 0;
}
