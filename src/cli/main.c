/*
 * main.c: the `lapwing` command: dispatch to subcommands.
 */
#include <string.h>

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

int main(int argc, char **argv)
{
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
