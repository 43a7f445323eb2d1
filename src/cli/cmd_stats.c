/*
 * cmd_stats.c: `lapwing stats`, counts of events from a store, grouped
 * and filtered by fields (lw_store_stats).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: lapwing stats --db FILE [--by FIELD[,FIELD...]] [FILTERS] [--format F]\n"
	"\n"
	"Count events and sum their dead, injured and arrested, grouped by the\n"
	"fields of --by. Negated, speculative and background events (\"did not\n"
	"attack\", \"threatened to\", last year's attack told as context) are not\n"
	"counted.\n"
	"\n"
	"Fields:\n"
	"  type          PLOVER event type (ASSAULT, PROTEST, COERCE ...)\n"
	"  mode          PLOVER mode (suicide-attack, aerial, arrest ...)\n"
	"  source        actor code of the source (PAKREB, ---IGO ...)\n"
	"  source-name   name of the source actor\n"
	"  target        actor code of the target\n"
	"  target-name   name of the target actor\n"
	"  country       ISO 3166-1 alpha-3 code of the place\n"
	"  province      first-level division (also: admin1)\n"
	"  district      second-level division (also: admin2)\n"
	"  location      name of the place\n"
	"  day, week, month, year\n"
	"                the day the event is counted on (its own date, or the\n"
	"                document's; see docs/store.md), its ISO week, month, year\n"
	"\n"
	"Options:\n"
	"  --db FILE             the store (required)\n"
	"  --by FIELD,...        group by these fields, in this order (default: none,\n"
	"                        one line of totals)\n"
	"  --FIELD VALUE         only events with this value (repeat a field for\n"
	"                        alternatives: --type ASSAULT --type COERCE)\n"
	"  --from DATE, --to DATE\n"
	"                        only events counted on these days (YYYY, YYYY-MM or\n"
	"                        YYYY-MM-DD; both inclusive)\n"
	"  --format table|csv|json\n"
	"                        a table for people (default), CSV or a JSON array\n"
	"  -h, --help            show this help\n"
	"\n"
	"Example: attacks by source actor per year in Pakistan\n"
	"  lapwing stats --db news.db --type ASSAULT --country PAK --by source-name,year\n";

int cmd_stats(int argc, char **argv)
{
	lw_event_query q;
	memset(&q, 0, sizeof q);
	const char *db = NULL, *v;
	lw_out_format format = LW_OUT_TABLE;
	char *by = NULL;
	int status = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int taken;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage, stdout);
			free(by);
			return 0;
		} else if (opt_value(argc, argv, &i, "--db", &v)) {
			db = v;
		} else if (opt_value(argc, argv, &i, "--by", &v)) {
			free(by);
			by = strdup(v);
		} else if (opt_value(argc, argv, &i, "--format", &v)) {
			if (strcmp(v, "table") == 0)
				format = LW_OUT_TABLE;
			else if (strcmp(v, "csv") == 0)
				format = LW_OUT_CSV;
			else if (strcmp(v, "json") == 0)
				format = LW_OUT_JSON;
			else {
				fprintf(stderr, "lapwing stats: --format must be table, csv or json\n");
				free(by);
				return EXIT_USAGE;
			}
		} else if ((taken = query_opt(&q, argc, argv, &i, "lapwing stats")) != 0) {
			if (taken < 0) {
				free(by);
				return EXIT_USAGE;
			}
		} else {
			fprintf(stderr, "lapwing stats: unknown option '%s' (see lapwing stats --help)\n",
				a);
			free(by);
			return EXIT_USAGE;
		}
	}
	if (!db) {
		fprintf(stderr, "lapwing stats: --db FILE is required (see lapwing stats --help)\n");
		free(by);
		return EXIT_USAGE;
	}
	char *save = NULL;
	for (char *f = by ? strtok_r(by, ",", &save) : NULL; f; f = strtok_r(NULL, ",", &save)) {
		if (q.nby >= LW_QUERY_MAX_FIELDS) {
			fprintf(stderr, "lapwing stats: too many --by fields\n");
			free(by);
			return EXIT_USAGE;
		}
		q.by[q.nby++] = f;
	}
	lw_store *s;
	lw_error err;
	if (lw_store_open(db, LW_STORE_READONLY, &s, &err) != LW_OK) {
		fprintf(stderr, "lapwing stats: %s: %s\n", db, err.message);
		free(by);
		return EXIT_USAGE;
	}
	if (lw_store_stats(s, &q, format, write_file, stdout, &err) != LW_OK) {
		fprintf(stderr, "lapwing stats: %s\n", err.message);
		status = EXIT_USAGE;
	}
	if (fflush(stdout) != 0)
		status = EXIT_USAGE;
	lw_store_close(s);
	free(by);
	return status;
}
