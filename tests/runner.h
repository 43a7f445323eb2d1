/* runner.h: the parts of the test runner (main.c, spec.c, cli.c). */
#ifndef LW_RUNNER_H
#define LW_RUNNER_H

#include "harness.h"

extern int lw_test_slow; /* 0 under valgrind: skip the slow tests */
extern const struct lw_test *const lw_unit_tables[];

void lw_run_test(const char *name, void (*fn)(void *), void *arg);
void lw_run_specs(const char *dir, const char *pattern);
void lw_run_cli_tests(const char *pattern);
void lw_run_store_cli_tests(const char *pattern);

#endif
