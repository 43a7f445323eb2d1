/*
 * harness.h: the small test harness (no process per test, so the suite
 * stays fast under valgrind and the sanitizers). A test is a function; a
 * failed check records the file and line and the test goes on.
 */
#ifndef LW_HARNESS_H
#define LW_HARNESS_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct lw_test {
	const char *name;
	void (*fn)(void);
};

extern int lw_test_failed_checks;

void lw_check_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define CHECK(cond)                                                             \
	do {                                                                    \
		if (!(cond))                                                    \
			lw_check_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);  \
	} while (0)

#define CHECK_INT(a, b)                                                          \
	do {                                                                     \
		long long a_ = (long long)(a), b_ = (long long)(b);              \
		if (a_ != b_)                                                    \
			lw_check_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", \
				      #a, a_, b_);                               \
	} while (0)

#define CHECK_STR(a, b)                                                           \
	do {                                                                      \
		const char *a_ = (a), *b_ = (b);                                  \
		if (!a_ || !b_ || strcmp(a_, b_) != 0)                            \
			lw_check_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", \
				      #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
	} while (0)

/* Each unit-test file defines one table, listed in tests/main.c. */
#define LW_TESTS(name) const struct lw_test name[]
#define LW_END_TESTS {NULL, NULL}

/* A xorshift64 step: the random inputs of a test, the same on every run
 * from the seed in *state (never 0). */
static inline uint64_t lw_test_xorshift(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* The knowledge base for tests that need one (build/lapwing.kb). */
struct lw_kb;
const struct lw_kb *test_kb(void);
/* The build directory (for the CLI tests). */
const char *test_build_dir(void);

#endif
