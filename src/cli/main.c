/*
 * main.c: the `lapwing` command: dispatch to subcommands.
 */
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"

static const char usage[] =
	"usage: lapwing COMMAND [OPTIONS] [ARGS]\n"
	"\n"
	"lapwing turns news articles into verifiable conflict-event data.\n"
	"\n"
	"Commands:\n"
	"  code      code documents into entities, quotes and events (JSON Lines)\n"
	"  tokens    show tokens, sentences and paragraphs with byte spans\n"
	"  kb        compile, check or describe the dictionaries\n"
	"  ingest    code documents into a store (an SQLite database)\n"
	"  stats     count events in a store, grouped and filtered\n"
	"  export    a store as JSON Lines, an events CSV or ACLED-style CSV\n"
	"  search    full-text search of a store's quotes and sentences\n"
	"  version   print the version\n"
	"\n"
	"`lapwing COMMAND --help` describes each command.\n";

/*
 * glibc's malloc gives the top of the heap back to the kernel whenever
 * more than 128 KiB of it is free, and serves blocks of 128 KiB or more
 * (a document's token and unit arrays) with mmap: coding a stream of
 * documents then returns and faults in the same pages at every document
 * (660 brk calls and a page fault per 4 KiB touched on 18 MB of news, 3% of
 * the time). A process that codes documents one after another keeps them.
 */
static void tune_malloc(void)
{
#ifdef __GLIBC__
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
#endif
}

int main(int argc, char **argv)
{
	tune_malloc();
	if (argc < 2) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "code") == 0)
		return cmd_code(argc - 1, argv + 1);
	if (strcmp(cmd, "tokens") == 0)
		return cmd_tokens(argc - 1, argv + 1);
	if (strcmp(cmd, "kb") == 0)
		return cmd_kb(argc - 1, argv + 1);
	if (strcmp(cmd, "ingest") == 0)
		return cmd_ingest(argc - 1, argv + 1);
	if (strcmp(cmd, "stats") == 0)
		return cmd_stats(argc - 1, argv + 1);
	if (strcmp(cmd, "export") == 0)
		return cmd_export(argc - 1, argv + 1);
	if (strcmp(cmd, "search") == 0)
		return cmd_search(argc - 1, argv + 1);
	if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
		printf("lapwing %s (output contract %d)\n", lw_version(), LW_CONTRACT_VERSION);
		return 0;
	}
	if (strcmp(cmd, "help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	fprintf(stderr, "lapwing: unknown command '%s'\n\n%s", cmd, usage);
	return EXIT_USAGE;
}
