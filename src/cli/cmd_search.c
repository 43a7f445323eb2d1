/*
 * cmd_search.c: `lapwing search`, full-text search of a store's quotes
 * and sentences (lw_store_search).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
	"usage: lapwing search --db FILE [OPTIONS] QUERY...\n"
	"\n"
	"Search the stored texts and show each quote (with its speaker) or\n"
	"sentence that matches, with its document's id and date; documents that\n"
	"match best come first. QUERY is in SQLite FTS5 syntax: words (any\n"
	"form of case and accents), \"a phrase\", prefix*, AND, OR, NOT,\n"
	"NEAR(a b, 5), parentheses. Several arguments are joined by spaces.\n"
	"\n"
	"Options:\n"
	"  --db FILE               the store (required)\n"
	"  --quotes                only quotes\n"
	"  --limit N               at most N hits (default 20)\n"
	"  --from DATE, --to DATE  only documents of these dates\n"
	"  --format text|json|csv  text for people (default), JSON Lines (with\n"
	"                          byte spans of the hit and of each match), or CSV\n"
	"  --color, --no-color     mark the matches (default: on a terminal)\n"
	"  -h, --help              show this help\n"
	"\n"
	"Examples:\n"
	"  lapwing search --db news.db ceasefire\n"
	"  lapwing search --db news.db --quotes '\"suicide bomber\" OR NEAR(attack claimed, 3)'\n";

int cmd_search(int argc, char **argv)
{
	lw_search_options o;
	memset(&o, 0, sizeof o);
	o.format = LW_OUT_TABLE;
	o.color = -1;
	const char *db = NULL, *v;
	char *query = calloc(1, 1);
	size_t qlen = 0;
	int status = 0;
	for (int i = 1; i < argc && query; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage, stdout);
			free(query);
			return 0;
		} else if (opt_value(argc, argv, &i, "--db", &v)) {
			db = v;
		} else if (strcmp(a, "--quotes") == 0) {
			o.quotes_only = 1;
		} else if (opt_value(argc, argv, &i, "--limit", &v)) {
			char *end;
			errno = 0;
			unsigned long n = strtoul(v, &end, 10);
			if (errno || *end || n == 0 || v[0] == '-') {
				fprintf(stderr, "lapwing search: --limit wants a positive number\n");
				free(query);
				return EXIT_USAGE;
			}
			o.limit = n;
		} else if (opt_value(argc, argv, &i, "--from", &v)) {
			o.from = v;
		} else if (opt_value(argc, argv, &i, "--to", &v)) {
			o.to = v;
		} else if (opt_value(argc, argv, &i, "--format", &v)) {
			if (strcmp(v, "text") == 0)
				o.format = LW_OUT_TABLE;
			else if (strcmp(v, "json") == 0)
				o.format = LW_OUT_JSON;
			else if (strcmp(v, "csv") == 0)
				o.format = LW_OUT_CSV;
			else {
				fprintf(stderr, "lapwing search: --format must be text, json or csv\n");
				free(query);
				return EXIT_USAGE;
			}
		} else if (strcmp(a, "--color") == 0) {
			o.color = 1;
		} else if (strcmp(a, "--no-color") == 0) {
			o.color = 0;
		} else if (a[0] == '-' && a[1] == '-' && a[2] != '\0') {
			fprintf(stderr, "lapwing search: unknown option '%s' (see lapwing search --help)\n",
				a);
			free(query);
			return EXIT_USAGE;
		} else {
			size_t n = strlen(a);
			char *nq = realloc(query, qlen + n + 2);
			if (!nq)
				break;
			query = nq;
			if (qlen)
				query[qlen++] = ' ';
			memcpy(query + qlen, a, n + 1);
			qlen += n;
		}
	}
	if (!db || !query || qlen == 0) {
		fprintf(stderr, "lapwing search: --db FILE and a QUERY are required (see lapwing "
				"search --help)\n");
		free(query);
		return EXIT_USAGE;
	}
	if (o.color < 0)
		o.color = o.format == LW_OUT_TABLE && isatty(1);
	o.query = query;
	lw_store *s;
	lw_error err;
	if (lw_store_open(db, LW_STORE_READONLY, &s, &err) != LW_OK) {
		fprintf(stderr, "lapwing search: %s: %s\n", db, err.message);
		free(query);
		return EXIT_USAGE;
	}
	if (lw_store_search(s, &o, write_file, stdout, &err) != LW_OK) {
		fprintf(stderr, "lapwing search: %s\n", err.message);
		status = EXIT_USAGE;
	}
	if (fflush(stdout) != 0)
		status = EXIT_USAGE;
	lw_store_close(s);
	free(query);
	return status;
}
