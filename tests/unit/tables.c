/* tables.c: every unit-test table, in the order they run. */
#include "harness.h"
#include "runner.h"

extern const struct lw_test text_tests[];
extern const struct lw_test store_tests[];
extern const struct lw_test match_tests[];
extern const struct lw_test jsonw_tests[];
extern const struct lw_test jsonl_tests[];
extern const struct lw_test kb_load_tests[];
extern const struct lw_test date_format_tests[];
extern const struct lw_test sound_tests[];

const struct lw_test *const lw_unit_tables[] = {
	text_tests,
	store_tests,
	match_tests,
	jsonw_tests,
	jsonl_tests,
	kb_load_tests,
	date_format_tests,
	sound_tests,
	NULL,
};
