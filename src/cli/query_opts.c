/*
 * query_opts.c: the options that choose events, shared by `lapwing stats`
 * and `lapwing export`: --FIELD VALUE filters (a field of
 * lw_event_fields), --from and --to.
 */
#include <string.h>

#include "cli.h"

static int is_field(const char *name)
{
	const char *const *f = lw_event_fields();
	for (; *f; f++)
		if (strcmp(*f, name) == 0)
			return 1;
	return strcmp(name, "admin1") == 0 || strcmp(name, "admin2") == 0;
}

int query_opt(lw_event_query *q, int argc, char **argv, int *i, const char *prog)
{
	const char *a = argv[*i], *v;
	if (opt_value(argc, argv, i, "--from", &v)) {
		q->from = v;
		return 1;
	}
	if (opt_value(argc, argv, i, "--to", &v)) {
		q->to = v;
		return 1;
	}
	if (strncmp(a, "--", 2) != 0)
		return 0;
	char name[64];
	size_t n = strcspn(a + 2, "=");
	if (n == 0 || n >= sizeof name)
		return 0;
	memcpy(name, a + 2, n);
	name[n] = 0;
	if (!is_field(name))
		return 0;
	char opt[80];
	snprintf(opt, sizeof opt, "--%s", name);
	if (!opt_value(argc, argv, i, opt, &v))
		return 0;
	if (q->nwhere >= LW_QUERY_MAX_FIELDS) {
		fprintf(stderr, "%s: too many filters (at most %d)\n", prog, LW_QUERY_MAX_FIELDS);
		return -1;
	}
	q->where[q->nwhere].field = strcmp(name, "admin1") == 0   ? "admin1"
				    : strcmp(name, "admin2") == 0 ? "admin2"
								  : NULL;
	if (!q->where[q->nwhere].field) {
		const char *const *f = lw_event_fields();
		for (; *f && strcmp(*f, name) != 0; f++)
			;
		q->where[q->nwhere].field = *f;
	}
	q->where[q->nwhere].value = v;
	q->nwhere++;
	return 1;
}
