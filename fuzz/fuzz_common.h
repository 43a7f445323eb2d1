/*
 * fuzz_common.h: shared set-up of the libFuzzer targets: the knowledge
 * base comes from $LAPWING_KB, else build/lapwing.kb.
 */
#ifndef LW_FUZZ_COMMON_H
#define LW_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

#include "lapwing.h"

static lw_kb *fuzz_kb;

static int discard(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	(void)p;
	(void)n;
	return 0;
}

static void fuzz_load_kb(void)
{
	const char *path = getenv("LAPWING_KB");
	lw_error err;
	if (!path)
		path = "build/lapwing.kb";
	if (lw_kb_load(path, &fuzz_kb, &err) != LW_OK) {
		fprintf(stderr, "fuzz: cannot load %s: %s (set LAPWING_KB)\n", path, err.message);
		abort();
	}
}

#endif
