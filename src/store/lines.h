/*
 * lines.h: the lines of JSON Lines inputs for `lapwing ingest --coded`.
 * See lines.c.
 */
#ifndef LW_LINES_H
#define LW_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "lapwing.h"

struct lw_lines;

lw_status lw_lines_new(size_t max_line, struct lw_lines **out);
void lw_lines_free(struct lw_lines *l);
/* Queue a file, a directory or "-" (standard input). */
lw_status lw_lines_add(struct lw_lines *l, const char *path);
/* The next non-blank line: LW_OK with [*line, *line + *len) valid until
 * the next call; LW_DONE at the end; another status for a file that cannot
 * be read or a line over the limit (err says where; the next call goes
 * on). */
lw_status lw_lines_next(struct lw_lines *l, const char **line, size_t *len, lw_error *err);
/* The file ("-" for standard input) and 1-based line of the last line. */
void lw_lines_where(const struct lw_lines *l, const char **file, long *line);
/* Bytes read from the inputs so far, and files skipped in directories. */
uint64_t lw_lines_consumed(const struct lw_lines *l);
size_t lw_lines_skipped(const struct lw_lines *l);

#endif
