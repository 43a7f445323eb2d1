/*
 * input_copy.h: a document's input kept past the reader's next call, for
 * the threads that code it later (lapwing code -j, lapwing ingest).
 */
#ifndef LW_INPUT_COPY_H
#define LW_INPUT_COPY_H

#include "lapwing.h"

/* *copy is in with its strings (each NUL-terminated) in one allocation,
 * *buf, which the caller frees; *bytes is its size. 0, or -1 when out of
 * memory (nothing allocated). */
int lw_input_copy(const lw_input *in, lw_input *copy, char **buf, size_t *bytes);

#endif
