/*
 * cli.h: shared pieces of the `lapwing` command line. The commands are
 * thin: they turn flags into lw_options and call the library.
 */
#ifndef LW_CLI_H
#define LW_CLI_H

#include <stdio.h>

#include "lapwing.h"

/* Exit statuses: 0 all went well, 1 some documents failed, 2 the command
 * could not run (usage, missing knowledge base, unwritable output). */
enum { EXIT_SOME_FAILED = 1, EXIT_USAGE = 2 };

/* Where the knowledge base comes from (--kb DIR, --kb-file FILE). */
struct kb_opts {
	const char *file;
	const char *dirs[16];
	int ndirs;
};

/* Parse "--kb DIR" / "--kb-file FILE" at argv[*i]; returns 1 if taken. */
int kb_opt(struct kb_opts *k, int argc, char **argv, int *i);
/* Load the knowledge base these options name (or the default one). Prints
 * a clear error and returns NULL on failure. */
lw_kb *kb_open(const struct kb_opts *k, const char *prog);
/* The country a --country value names (lw_kb_country) into a3; prints a
 * clear error and returns 0 when it names none. */
int country_opt(const lw_kb *kb, const char *prog, const char *value, char a3[4]);
/* The built-in dictionary directory and gazetteer next to the program. */
const char *default_data_dir(void);
const char *default_gazetteer(void);

/* Print an error about input: "lapwing: FILE:LINE: byte N: message". */
void print_input_error(const char *prog, const lw_error *err);
/* The same line, appended to b (for a thread that prints it later). */
struct lw_buf;
void format_input_error(struct lw_buf *b, const char *prog, const lw_error *err);
/* One dictionary problem: "file:line: error: message" (no line when 0). */
void print_kb_diag(const char *file, long line, int is_error, const char *msg);

/* Take the value of an option at argv[*i] ("--date D" or "--date=D"). */
int opt_value(int argc, char **argv, int *i, const char *name, const char **value);

/* A count from 1 to max in v into *out; 0 if v is none. */
int parse_count(const char *v, unsigned long max, unsigned long *out);
/* Take "-j N", "--jobs N" or "-jN" at argv[*i] into *jobs: 1 if taken, 0
 * if argv[*i] is another option, -1 on a bad count (printed). */
int jobs_opt(int argc, char **argv, int *i, const char *prog, unsigned *jobs);

/* `lapwing code` on jobs threads (code_run.c): documents from r, coded
 * with kb and opt, written to standard output in input order as JSON
 * (flags: LW_JSON_*), and flushed once block bytes are waiting; their
 * messages to standard error. Counts into *coded and *failed; returns 0,
 * or -1 if the output could not be written (errno set). *abandoned is 1
 * when a reader thread was left waiting for input and r must not be
 * touched again. */
int code_run(const lw_kb *kb, const lw_options *opt, lw_reader *r, unsigned flags,
	     unsigned jobs, size_t block, size_t *coded, size_t *failed, int *abandoned);

int cmd_code(int argc, char **argv);
int cmd_tokens(int argc, char **argv);
int cmd_kb(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_search(int argc, char **argv);

/* Take a filter of events at argv[*i] (--FIELD VALUE, --from, --to) into
 * q; returns 1 if taken, 0 if not, -1 on error (printed). */
int query_opt(lw_event_query *q, int argc, char **argv, int *i, const char *prog);

/* write callback for FILE* */
int write_file(void *ctx, const char *p, size_t n);

#endif
