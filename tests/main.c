/*
 * main.c: the test runner. Runs the unit tests (tests/unit), the golden
 * spec files (tests/spec, see spec.c) and the command-line tests
 * (tests/cli.c, tests/cli_store.c), and ends with the line "N passed, N failed".
 *
 *   lwtest [--build DIR] [--no-slow] [PATTERN]
 * PATTERN selects tests whose name contains it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "lapwing.h"
#include "runner.h"

int lw_test_failed_checks;
static const char *current;
static const char *build_dir = "build";
static lw_kb *kb;
int lw_test_slow = 1;

void lw_check_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	lw_test_failed_checks++;
	fprintf(stderr, "  FAIL %s: %s:%d: ", current ? current : "?", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const struct lw_kb *test_kb(void)
{
	return kb;
}

const char *test_build_dir(void)
{
	return build_dir;
}

static int passed, failed;

void lw_run_test(const char *name, void (*fn)(void *), void *arg)
{
	int before = lw_test_failed_checks;
	current = name;
	fn(arg);
	if (lw_test_failed_checks == before) {
		passed++;
	} else {
		failed++;
		fprintf(stderr, "FAILED %s\n", name);
	}
	current = NULL;
}

static void call_plain(void *arg)
{
	((const struct lw_test *)arg)->fn();
}

static void run_table(const struct lw_test *t, const char *pattern)
{
	for (; t->name; t++) {
		if (pattern && !strstr(t->name, pattern))
			continue;
		lw_run_test(t->name, call_plain, (void *)t);
	}
}

int main(int argc, char **argv)
{
	const char *pattern = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--build") == 0 && i + 1 < argc)
			build_dir = argv[++i];
		else if (strcmp(argv[i], "--no-slow") == 0)
			lw_test_slow = 0;
		else
			pattern = argv[i];
	}
	char path[1024];
	snprintf(path, sizeof path, "%s/lapwing.kb", build_dir);
	lw_error err;
	if (lw_kb_load(path, &kb, &err) != LW_OK) {
		fprintf(stderr, "lwtest: %s: %s\n", path, err.message);
		printf("0 passed, 1 failed\n");
		return 1;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t i = 0; lw_unit_tables[i]; i++)
		run_table(lw_unit_tables[i], pattern);
	lw_run_specs("tests/spec", pattern);
	lw_run_cli_tests(pattern);
	lw_run_store_cli_tests(pattern);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	lw_kb_free(kb);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	fprintf(stderr, "(%.1f s)\n", secs);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
