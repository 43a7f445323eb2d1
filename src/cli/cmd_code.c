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
	"  -j, --jobs N         threads that code documents (default: one per\n"
	"                       core); the output is the same for any N\n"
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

/* The output goes to standard output by write(2) once OUT_BLOCK bytes of
 * whole lines are waiting (code_run.c), not through stdio, whose buffer
 * would copy every document once more; a reader never sees half a
 * document. On a terminal each document goes out as soon as it is coded,
 * and from a stream that pauses, before the wait for more input. */
#define OUT_BLOCK (1 << 20)

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
	int npaths = 0, taken;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned jobs = cores < 1 ? 1 : cores > 256 ? 256 : (unsigned)cores;
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
		} else if ((taken = jobs_opt(argc, argv, &i, "lapwing code", &jobs)) != 0) {
			if (taken < 0) {
				free(paths);
				return EXIT_USAGE;
			}
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

	size_t block = isatty(STDOUT_FILENO) ? 1 : OUT_BLOCK;
	size_t coded = 0, failed = 0;
	int abandoned;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int out_ok = code_run(kb, &opt, r, flags, jobs, block, &coded, &failed, &abandoned) == 0;
	int saved = errno;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	lw_reader_stats rs;
	lw_reader_get_stats(r, &rs);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	fprintf(stderr, "lapwing code: %zu documents read, %zu coded, %zu failed (%.2f MB in %.2f s",
		coded + failed, coded, failed, (double)rs.bytes / 1e6, secs);
	if (rs.skipped_files)
		fprintf(stderr, "; %zu files with other extensions skipped", rs.skipped_files);
	fprintf(stderr, ")\n");
	if (!abandoned)
		lw_reader_free(r);
	lw_kb_free(kb);
	if (!out_ok) {
		fprintf(stderr, "lapwing code: cannot write output: %s\n", strerror(saved));
		return EXIT_USAGE;
	}
	return failed ? EXIT_SOME_FAILED : 0;
}
