/*
 * common.c: option helpers, knowledge-base location, error printing.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../util/buf.h"

int opt_value(int argc, char **argv, int *i, const char *name, const char **value)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=') {
		*value = a + n + 1;
		return 1;
	}
	if (a[n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		fprintf(stderr, "lapwing: option %s needs a value\n", name);
		exit(EXIT_USAGE);
	}
	*value = argv[++*i];
	return 1;
}

int kb_opt(struct kb_opts *k, int argc, char **argv, int *i)
{
	const char *v;
	if (opt_value(argc, argv, i, "--kb-file", &v)) {
		k->file = v;
		return 1;
	}
	if (opt_value(argc, argv, i, "--kb", &v)) {
		if (k->ndirs >= (int)(sizeof k->dirs / sizeof *k->dirs)) {
			fprintf(stderr, "lapwing: too many --kb directories\n");
			exit(EXIT_USAGE);
		}
		k->dirs[k->ndirs++] = v;
		return 1;
	}
	return 0;
}

static char exe_dir[PATH_MAX];

static const char *program_dir(void)
{
	if (!exe_dir[0]) {
		ssize_t n = readlink("/proc/self/exe", exe_dir, sizeof exe_dir - 1);
		if (n <= 0) {
			strcpy(exe_dir, ".");
		} else {
			exe_dir[n] = 0;
			char *slash = strrchr(exe_dir, '/');
			if (slash)
				*slash = 0;
		}
	}
	return exe_dir;
}

static const char *first_existing(const char *const *cands, size_t n, char *buf, size_t cap)
{
	for (size_t i = 0; i < n; i++) {
		snprintf(buf, cap, "%s/%s", program_dir(), cands[i]);
		if (access(buf, R_OK) == 0)
			return buf;
	}
	return NULL;
}

const char *default_data_dir(void)
{
	static char buf[PATH_MAX + 64];
	/* build/lapwing, build/asan/lapwing (sanitizer builds), an install */
	static const char *const c[] = {"../data", "../../data", "../share/lapwing/data"};
	const char *env = getenv("LAPWING_DATA");
	if (env && *env)
		return env;
	return first_existing(c, 3, buf, sizeof buf);
}

const char *default_gazetteer(void)
{
	static char buf[PATH_MAX + 64];
	static const char *const c[] = {"gazetteer.txt", "../share/lapwing/gazetteer.txt"};
	return first_existing(c, 2, buf, sizeof buf);
}

static const char *default_kb_file(void)
{
	static char buf[PATH_MAX + 64];
	static const char *const c[] = {"lapwing.kb", "../share/lapwing/lapwing.kb"};
	const char *env = getenv("LAPWING_KB");
	if (env && *env)
		return env;
	return first_existing(c, 2, buf, sizeof buf);
}

static void print_diag(void *ctx, const char *file, long line, int is_error, const char *msg)
{
	(void)ctx;
	print_kb_diag(file, line, is_error, msg);
}

void print_kb_diag(const char *file, long line, int is_error, const char *msg)
{
	if (line > 0)
		fprintf(stderr, "%s:%ld: ", file, line);
	else
		fprintf(stderr, "%s: ", file);
	fprintf(stderr, "%s: %s\n", is_error ? "error" : "warning", msg);
}

int country_opt(const lw_kb *kb, const char *prog, const char *value, char a3[4])
{
	if (lw_kb_country(kb, value, strlen(value), a3))
		return 1;
	fprintf(stderr,
		"%s: --country: '%s' is not a country (give an ISO 3166-1 alpha-3 code such as "
		"PAK, or a country's name)\n",
		prog, value);
	return 0;
}

lw_kb *kb_open(const struct kb_opts *k, const char *prog)
{
	lw_kb *kb = NULL;
	lw_error err;
	lw_status st;
	if (k->ndirs > 0) {
		const char *dirs[17];
		int n = 0;
		const char *base = default_data_dir();
		if (!base) {
			fprintf(stderr, "%s: cannot find the built-in dictionaries (data/); set "
					"LAPWING_DATA\n", prog);
			return NULL;
		}
		dirs[n++] = base;
		for (int i = 0; i < k->ndirs; i++)
			dirs[n++] = k->dirs[i];
		st = lw_kb_build(dirs, (size_t)n, default_gazetteer(), print_diag, NULL, &kb, &err);
	} else {
		const char *file = k->file ? k->file : default_kb_file();
		if (!file) {
			fprintf(stderr,
				"%s: knowledge base not found (build/lapwing.kb): run `make`, or "
				"give --kb-file FILE or LAPWING_KB\n",
				prog);
			return NULL;
		}
		st = lw_kb_load(file, &kb, &err);
	}
	if (st != LW_OK) {
		fprintf(stderr, "%s: %s%s%s\n", prog, err.doc[0] ? err.doc : "",
			err.doc[0] ? ": " : "", err.message[0] ? err.message : lw_strerror(st));
		return NULL;
	}
	return kb;
}

void format_input_error(struct lw_buf *b, const char *prog, const lw_error *err)
{
	lw_buf_addf(b, "%s: %s", prog, err->doc[0] ? err->doc : "(input)");
	if (err->line > 0)
		lw_buf_addf(b, ":%ld", err->line);
	if (err->offset >= 0)
		lw_buf_addf(b, ": byte %ld", err->offset);
	lw_buf_addf(b, ": %s\n", err->message[0] ? err->message : lw_strerror(err->status));
}

void print_input_error(const char *prog, const lw_error *err)
{
	struct lw_buf b = LW_BUF_INIT;
	format_input_error(&b, prog, err);
	if (b.len)
		fwrite(b.ptr, 1, b.len, stderr);
	lw_buf_release(&b);
}

int parse_count(const char *v, unsigned long max, unsigned long *out)
{
	char *end;
	errno = 0;
	unsigned long n = strtoul(v, &end, 10);
	if (errno || *end || n == 0 || n > max || v[0] == '-')
		return 0;
	*out = n;
	return 1;
}

int jobs_opt(int argc, char **argv, int *i, const char *prog, unsigned *jobs)
{
	const char *v, *a = argv[*i];
	if (!opt_value(argc, argv, i, "--jobs", &v) && !opt_value(argc, argv, i, "-j", &v)) {
		if (strncmp(a, "-j", 2) != 0 || a[2] < '0' || a[2] > '9')
			return 0;
		v = a + 2; /* -j4 */
	}
	unsigned long n;
	if (!parse_count(v, 256, &n)) {
		fprintf(stderr, "%s: -j wants a number of threads (1 to 256)\n", prog);
		return -1;
	}
	*jobs = (unsigned)n;
	return 1;
}

int write_file(void *ctx, const char *p, size_t n)
{
	return fwrite(p, 1, n, (FILE *)ctx) == n ? 0 : -1;
}
