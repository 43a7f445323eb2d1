/*
 * cmd_ingest.c: `lapwing ingest`, documents into a store: flags become
 * lw_ingest_options, lw_store_ingest does the work; this file draws the
 * progress bar and prints the problems and the summary.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
	"usage: lapwing ingest --db FILE [OPTIONS] [PATH...]\n"
	"\n"
	"Code documents and store them in FILE, an SQLite database (made if it\n"
	"does not exist; docs/store.md describes it). PATH is read as by\n"
	"`lapwing code`: text files, JSON Lines files, directories, or - for\n"
	"standard input (the default).\n"
	"\n"
	"Documents are coded on all cores and written by one writer in batched\n"
	"transactions. Ingesting a document again changes nothing; a document\n"
	"whose text (or title, source, url, date) changed replaces the stored\n"
	"one with the same id. The run may be killed at any moment: running the\n"
	"same command again stores what is missing, each document exactly once.\n"
	"\n"
	"Options:\n"
	"  --db FILE            the store (required)\n"
	"  --coded              the inputs are contract JSON Lines made by `lapwing\n"
	"                       code` (elsewhere): store them without coding again\n"
	"  -j, --jobs N         threads that code (or parse) documents (default:\n"
	"                       one per core)\n"
	"  --force              rewrite documents even when they are unchanged (after\n"
	"                       a change of dictionaries)\n"
	"  --input text|jsonl   format of the named files and of standard input\n"
	"  --date YYYY-MM-DD    document date where the input gives none\n"
	"  --country C          the country the documents are about, where a text\n"
	"                       names none (a national feed): an ISO 3166-1\n"
	"                       alpha-3 code (PAK) or a country's name; a JSON\n"
	"                       line's own \"country\" comes first\n"
	"  --max-doc-bytes N    refuse documents larger than N bytes\n"
	"  --batch N            documents per transaction (default 500)\n"
	"  -v, --verbose        say where the time went (coding and writing threads)\n"
	"  --progress, --no-progress\n"
	"                       draw a progress bar on standard error (default: when\n"
	"                       it is a terminal)\n"
	"  --kb DIR, --kb-file FILE\n"
	"                       dictionaries, as for `lapwing code`\n"
	"  -h, --help           show this help\n"
	"\n"
	"Problems with single documents are reported as FILE:LINE: reason and do\n"
	"not stop the run. A summary line counts documents read, added, replaced,\n"
	"unchanged and failed. Exit status: 0 if every document was stored, 1 if\n"
	"some failed, 2 if the command could not run, 130 if interrupted.\n"
	"\n"
	"Examples:\n"
	"  lapwing ingest --db news.db articles/\n"
	"  lapwing ingest --db news.db --coded coded-*.jsonl\n";

static volatile int stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

static void report(void *ctx, const lw_error *err, int is_warning)
{
	(void)ctx;
	if (!is_warning) {
		print_input_error("lapwing ingest", err);
		return;
	}
	fprintf(stderr, "lapwing ingest: %s", err->doc[0] ? err->doc : "(input)");
	if (err->line > 0)
		fprintf(stderr, ":%ld", err->line);
	fprintf(stderr, ": warning: %s\n", err->message);
}

static void clock_text(double secs, char *buf, size_t n)
{
	long s = secs < 0 ? 0 : (long)(secs + 0.5);
	if (s >= 3600)
		snprintf(buf, n, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(buf, n, "%ld:%02ld", s / 60, s % 60);
}

/* "\r 12,345 docs  45.2/120.0 MB [######....] 38%  2,345 docs/s  18.2 MB/s  ETA 0:05" */
static void progress_bar(void *ctx, const lw_ingest_progress *p)
{
	(void)ctx;
	double mb = (double)p->input_bytes / 1e6, total = (double)p->total_bytes / 1e6;
	double rate = p->seconds > 0 ? (double)p->read / p->seconds : 0;
	double mbs = p->seconds > 0 ? mb / p->seconds : 0;
	char line[256], eta[32] = "";
	int n = snprintf(line, sizeof line, "\r%10llu docs  %.1f", (unsigned long long)p->read, mb);
	if (p->total_bytes > 0) {
		double f = mb / total > 1 ? 1 : mb / total;
		char bar[21];
		for (int i = 0; i < 20; i++)
			bar[i] = i < (int)(f * 20) ? '#' : '.';
		bar[20] = 0;
		if (f > 0.001 && !p->done)
			clock_text(p->seconds * (1 / f - 1), eta, sizeof eta);
		n += snprintf(line + n, sizeof line - (size_t)n, "/%.1f MB [%s] %3d%%", total, bar,
			      (int)(f * 100));
	} else {
		n += snprintf(line + n, sizeof line - (size_t)n, " MB");
	}
	n += snprintf(line + n, sizeof line - (size_t)n, "  %.0f docs/s  %.1f MB/s", rate, mbs);
	if (eta[0])
		snprintf(line + n, sizeof line - (size_t)n, "  ETA %s", eta);
	fputs(line, stderr);
	fputs("\x1b[K", stderr);
	if (p->done)
		fputc('\n', stderr);
	fflush(stderr);
}

int cmd_ingest(int argc, char **argv)
{
	lw_ingest_options opt;
	lw_ingest_options_init(&opt);
	struct kb_opts kbo = {0};
	const char *db = NULL, *v, *country = NULL;
	int progress = -1, npaths = 0, verbose = 0, taken;
	unsigned jobs;
	unsigned long n;
	char **paths = calloc((size_t)argc + 1, sizeof *paths);
	if (!paths)
		return EXIT_USAGE;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage, stdout);
			free(paths);
			return 0;
		} else if (opt_value(argc, argv, &i, "--db", &v)) {
			db = v;
		} else if (strcmp(a, "--coded") == 0) {
			opt.coded = 1;
		} else if ((taken = jobs_opt(argc, argv, &i, "lapwing ingest", &jobs)) != 0) {
			if (taken < 0) {
				free(paths);
				return EXIT_USAGE;
			}
			opt.threads = jobs;
		} else if (strcmp(a, "--force") == 0) {
			opt.put_flags |= LW_PUT_FORCE;
		} else if (opt_value(argc, argv, &i, "--input", &v)) {
			if (strcmp(v, "text") == 0 || strcmp(v, "jsonl") == 0) {
				opt.format = v[0] == 't' ? LW_FORMAT_TEXT : LW_FORMAT_JSONL;
			} else {
				fprintf(stderr, "lapwing ingest: --input must be text or jsonl\n");
				free(paths);
				return EXIT_USAGE;
			}
		} else if (opt_value(argc, argv, &i, "--date", &v)) {
			lw_date d;
			if (!lw_date_parse(v, strlen(v), &d)) {
				fprintf(stderr, "lapwing ingest: --date must be YYYY-MM-DD, not '%s'\n", v);
				free(paths);
				return EXIT_USAGE;
			}
			opt.code.date = v;
		} else if (opt_value(argc, argv, &i, "--country", &v)) {
			country = v;
		} else if (opt_value(argc, argv, &i, "--max-doc-bytes", &v)) {
			if (!parse_count(v, 0xFFFFFFF0UL, &n)) {
				fprintf(stderr, "lapwing ingest: bad --max-doc-bytes '%s'\n", v);
				free(paths);
				return EXIT_USAGE;
			}
			opt.code.max_doc_bytes = n;
		} else if (opt_value(argc, argv, &i, "--batch", &v)) {
			if (!parse_count(v, 1000000, &n)) {
				fprintf(stderr, "lapwing ingest: bad --batch '%s'\n", v);
				free(paths);
				return EXIT_USAGE;
			}
			opt.batch_docs = (unsigned)n;
		} else if (strcmp(a, "--progress") == 0) {
			progress = 1;
		} else if (strcmp(a, "--no-progress") == 0) {
			progress = 0;
		} else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
			verbose = 1;
		} else if (kb_opt(&kbo, argc, argv, &i)) {
			continue;
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "lapwing ingest: unknown option '%s' (see lapwing ingest --help)\n",
				a);
			free(paths);
			return EXIT_USAGE;
		} else {
			paths[npaths++] = argv[i];
		}
	}
	if (!db) {
		fprintf(stderr, "lapwing ingest: --db FILE is required (see lapwing ingest --help)\n");
		free(paths);
		return EXIT_USAGE;
	}
	lw_kb *kb = NULL;
	if (!opt.coded && !(kb = kb_open(&kbo, "lapwing ingest"))) {
		free(paths);
		return EXIT_USAGE;
	}
	char country_code[4];
	if (country && !opt.coded) {
		if (!country_opt(kb, "lapwing ingest", country, country_code)) {
			lw_kb_free(kb);
			free(paths);
			return EXIT_USAGE;
		}
		opt.code.country = country_code;
	}
	lw_store *s;
	lw_error err;
	if (lw_store_open(db, LW_STORE_CREATE, &s, &err) != LW_OK) {
		fprintf(stderr, "lapwing ingest: %s: %s\n", db, err.message);
		lw_kb_free(kb);
		free(paths);
		return EXIT_USAGE;
	}
	if (progress < 0)
		progress = isatty(2);
	opt.report = report;
	opt.progress = progress ? progress_bar : NULL;
	opt.stop = &stop_flag;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = (int)SA_RESETHAND; /* a second ^C kills at once (still safe) */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	lw_ingest_progress p;
	lw_status st = lw_store_ingest(s, kb, &opt, (const char *const *)paths, (size_t)npaths, &p,
				       &err);
	if (st != LW_OK)
		fprintf(stderr, "lapwing ingest: %s: %s\n", db, err.message);
	if (lw_store_close(s) != LW_OK && st == LW_OK) {
		fprintf(stderr, "lapwing ingest: %s: cannot close the store\n", db);
		st = LW_EDB;
	}
	double mb = (double)p.text_bytes / 1e6;
	fprintf(stderr,
		"lapwing ingest: %llu documents read, %llu added, %llu replaced, %llu unchanged, "
		"%llu failed (%.2f MB in %.2f s, %.1f MB/s)%s\n",
		(unsigned long long)p.read, (unsigned long long)p.added,
		(unsigned long long)p.replaced, (unsigned long long)p.unchanged,
		(unsigned long long)p.failed, mb, p.seconds, p.seconds > 0 ? mb / p.seconds : 0,
		p.interrupted ? "; interrupted: run the same command again to go on" : "");
	if (verbose)
		fprintf(stderr,
			"lapwing ingest: CPU time: %.2f s coding or parsing (all threads), %.2f s "
			"writing (%.1f MB per writer second)\n",
			p.worker_cpu, p.writer_cpu,
			p.writer_cpu > 0 ? mb / p.writer_cpu : 0);
	lw_kb_free(kb);
	free(paths);
	if (st != LW_OK)
		return EXIT_USAGE;
	if (p.interrupted)
		return 130;
	return p.failed ? EXIT_SOME_FAILED : 0;
}
