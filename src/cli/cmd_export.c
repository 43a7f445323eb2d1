/*
 * cmd_export.c: `lapwing export`, a store as contract JSON Lines, an
 * events CSV or an ACLED-style CSV (lw_store_export).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: lapwing export --db FILE --format jsonl|csv|acled [OPTIONS]\n"
	"\n"
	"Write what a store holds on standard output (or -o FILE):\n"
	"  jsonl   one contract JSON object per document, as `lapwing code` wrote\n"
	"          it (docs/output.md), in the order the documents were ingested\n"
	"  csv     one row per event: document, type, mode, actors, place, dates,\n"
	"          counts, trigger and sentence, codes, flags\n"
	"  acled   the events ACLED would count, with ACLED's columns: event_date,\n"
	"          event_type, sub_event_type, actor1, actor2, country, admin1,\n"
	"          admin2, location, latitude, longitude, source, notes (the\n"
	"          event's sentence), fatalities. Negated, speculative and\n"
	"          background events, and events outside ACLED's scope, are left out\n"
	"\n"
	"CSV follows RFC 4180 (fields quoted where needed, CRLF line ends).\n"
	"\n"
	"Options:\n"
	"  --db FILE          the store (required)\n"
	"  --format F         jsonl, csv or acled (required)\n"
	"  --with-text        jsonl: add each document's \"text\"\n"
	"  --FIELD VALUE, --from DATE, --to DATE\n"
	"                     csv and acled: only these events (as for lapwing stats)\n"
	"  -o FILE            write to FILE instead of standard output\n"
	"  --kb DIR, --kb-file FILE\n"
	"                     dictionaries that name the countries of the acled\n"
	"                     export (default: the built-in ones)\n"
	"  -h, --help         show this help\n"
	"\n"
	"Example:\n"
	"  lapwing export --db news.db --format acled --country PAK > pakistan.csv\n";

int cmd_export(int argc, char **argv)
{
	lw_event_query q;
	memset(&q, 0, sizeof q);
	struct kb_opts kbo = {0};
	const char *db = NULL, *out = NULL, *v;
	int format = -1;
	unsigned flags = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int taken;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage, stdout);
			return 0;
		} else if (opt_value(argc, argv, &i, "--db", &v)) {
			db = v;
		} else if (opt_value(argc, argv, &i, "--format", &v)) {
			format = strcmp(v, "jsonl") == 0   ? LW_OUT_JSONL
				 : strcmp(v, "csv") == 0   ? LW_OUT_CSV
				 : strcmp(v, "acled") == 0 ? LW_OUT_ACLED
							   : -2;
			if (format == -2) {
				fprintf(stderr, "lapwing export: --format must be jsonl, csv or acled\n");
				return EXIT_USAGE;
			}
		} else if (strcmp(a, "--with-text") == 0) {
			flags |= LW_EXPORT_TEXT;
		} else if (opt_value(argc, argv, &i, "-o", &v)) {
			out = v;
		} else if (kb_opt(&kbo, argc, argv, &i)) {
			continue;
		} else if ((taken = query_opt(&q, argc, argv, &i, "lapwing export")) != 0) {
			if (taken < 0)
				return EXIT_USAGE;
		} else {
			fprintf(stderr, "lapwing export: unknown option '%s' (see lapwing export --help)\n",
				a);
			return EXIT_USAGE;
		}
	}
	if (!db || format < 0) {
		fprintf(stderr, "lapwing export: --db FILE and --format are required (see lapwing "
				"export --help)\n");
		return EXIT_USAGE;
	}
	lw_kb *kb = NULL;
	if (format == LW_OUT_ACLED && !(kb = kb_open(&kbo, "lapwing export")))
		fprintf(stderr, "lapwing export: warning: without dictionaries the country column "
				"holds ISO codes\n");
	lw_store *s;
	lw_error err;
	if (lw_store_open(db, LW_STORE_READONLY, &s, &err) != LW_OK) {
		fprintf(stderr, "lapwing export: %s: %s\n", db, err.message);
		lw_kb_free(kb);
		return EXIT_USAGE;
	}
	FILE *f = out ? fopen(out, "wb") : stdout;
	if (!f) {
		fprintf(stderr, "lapwing export: %s: %s\n", out, strerror(errno));
		lw_store_close(s);
		lw_kb_free(kb);
		return EXIT_USAGE;
	}
	static char buf[1 << 16];
	if (f == stdout)
		setvbuf(stdout, buf, _IOFBF, sizeof buf);
	int status = 0;
	if (lw_store_export(s, kb, (lw_out_format)format, flags, &q, write_file, f, &err) != LW_OK) {
		fprintf(stderr, "lapwing export: %s\n", err.message);
		status = EXIT_USAGE;
	}
	if ((f == stdout ? fflush(f) : fclose(f)) != 0) {
		fprintf(stderr, "lapwing export: cannot write the output: %s\n", strerror(errno));
		status = EXIT_USAGE;
	}
	lw_store_close(s);
	lw_kb_free(kb);
	return status;
}
