/*
 * cmd_kb.c: `lapwing kb compile|check|info`: the dictionaries.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static const char usage[] =
	"usage: lapwing kb compile [--kb DIR]... [--gazetteer FILE] -o FILE\n"
	"       lapwing kb check [--kb DIR]... [--gazetteer FILE]\n"
	"       lapwing kb info [--kb-file FILE]\n"
	"       lapwing kb lookup [--date YYYY-MM-DD] TEXT...\n"
	"\n"
	"compile  read the built-in dictionaries (data/), then each --kb DIR in\n"
	"         order (later ones extend and override earlier ones) and the\n"
	"         generated gazetteer, and write a compiled knowledge base that\n"
	"         `lapwing code --kb-file FILE` loads in milliseconds.\n"
	"check    the same reading, without writing: reports malformed lines,\n"
	"         duplicate and conflicting entries as FILE:LINE: message.\n"
	"         Exit status 0 when there are no errors.\n"
	"info     sizes and load time of a compiled knowledge base.\n"
	"lookup   every dictionary phrase found in TEXT, with what it means:\n"
	"         `lapwing kb lookup \"the TTP attacked Wardak\"`; and the places\n"
	"         TEXT as a whole sounds like (`lapwing kb lookup Sukkar`).\n"
	"\n"
	"Options:\n"
	"  --data DIR        the built-in dictionaries (default: data/ next to the\n"
	"                    program, or $LAPWING_DATA)\n"
	"  --no-builtin      do not read the built-in dictionaries\n"
	"  --gazetteer FILE  generated gazetteer (default: build/gazetteer.txt);\n"
	"                    --gazetteer - to leave it out\n"
	"  -o FILE           output of compile\n"
	"The file formats are described in docs/dictionaries.md.\n";

struct diag_count {
	int errors, warnings;
};

static void diag(void *ctx, const char *file, long line, int is_error, const char *msg)
{
	struct diag_count *c = ctx;
	if (is_error)
		c->errors++;
	else
		c->warnings++;
	print_kb_diag(file, line, is_error, msg);
}

static int info(int argc, char **argv)
{
	struct kb_opts kbo = {0};
	for (int i = 2; i < argc; i++) {
		if (kb_opt(&kbo, argc, argv, &i))
			continue;
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	lw_kb *kb = kb_open(&kbo, "lapwing kb");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!kb)
		return EXIT_USAGE;
	lw_kb_info in;
	lw_kb_get_info(kb, &in);
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	printf("size          %zu bytes\n", in.bytes);
	printf("load time     %.2f ms\n", ms);
	printf("actors        %zu (armed groups %zu)\n", in.actors, in.armed_groups);
	printf("role words    %zu\n", in.roles);
	printf("places        %zu (countries %zu)\n", in.places, in.countries);
	printf("names         %zu\n", in.names);
	printf("quote cues    %zu\n", in.cues);
	printf("triggers      %zu\n", in.triggers);
	lw_kb_free(kb);
	return 0;
}

static int lookup(int argc, char **argv)
{
	struct kb_opts kbo = {0};
	const char *date = NULL, *v;
	int status = 0;
	lw_kb *kb = NULL;
	for (int i = 2; i < argc; i++) {
		if (kb_opt(&kbo, argc, argv, &i) || opt_value(argc, argv, &i, "--date", &v)) {
			if (strcmp(argv[i - 1], "--date") == 0 || strncmp(argv[i], "--date=", 7) == 0)
				date = v;
			continue;
		}
		if (!kb && !(kb = kb_open(&kbo, "lapwing kb")))
			return EXIT_USAGE;
		printf("# %s\n", argv[i]);
		if (lw_kb_explain(kb, argv[i], strlen(argv[i]), date, write_file, stdout) != LW_OK)
			status = EXIT_SOME_FAILED;
	}
	lw_kb_free(kb);
	return status;
}

int cmd_kb(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : 0;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "info") == 0)
		return info(argc, argv);
	if (strcmp(sub, "lookup") == 0)
		return lookup(argc, argv);
	int check = strcmp(sub, "check") == 0;
	if (!check && strcmp(sub, "compile") != 0) {
		fprintf(stderr, "lapwing kb: unknown command '%s'\n", sub);
		return EXIT_USAGE;
	}
	const char *dirs[32];
	int ndirs = 0, builtin = 1;
	const char *data = NULL, *gaz = NULL, *out = NULL, *v;
	const char *user[30];
	int nuser = 0;
	for (int i = 2; i < argc; i++) {
		if (opt_value(argc, argv, &i, "--kb", &v)) {
			if (nuser < 30)
				user[nuser++] = v;
		} else if (opt_value(argc, argv, &i, "--data", &v)) {
			data = v;
		} else if (opt_value(argc, argv, &i, "--gazetteer", &v)) {
			gaz = v;
		} else if (opt_value(argc, argv, &i, "-o", &v)) {
			out = v;
		} else if (strcmp(argv[i], "--no-builtin") == 0) {
			builtin = 0;
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(usage, stdout);
			return 0;
		} else {
			fprintf(stderr, "lapwing kb: unknown argument '%s'\n", argv[i]);
			return EXIT_USAGE;
		}
	}
	if (builtin) {
		if (!data)
			data = default_data_dir();
		if (!data) {
			fprintf(stderr, "lapwing kb: cannot find data/; give --data DIR\n");
			return EXIT_USAGE;
		}
		dirs[ndirs++] = data;
	}
	for (int i = 0; i < nuser; i++)
		dirs[ndirs++] = user[i];
	if (!gaz)
		gaz = default_gazetteer();
	else if (strcmp(gaz, "-") == 0)
		gaz = NULL;
	if (!check && !out) {
		fprintf(stderr, "lapwing kb compile: -o FILE is required\n");
		return EXIT_USAGE;
	}
	struct diag_count c = {0, 0};
	lw_error err;
	lw_status st = lw_kb_compile(dirs, (size_t)ndirs, gaz, check ? NULL : out, diag, &c, &err);
	if (st != LW_OK && st != LW_EKB)
		fprintf(stderr, "lapwing kb: %s%s%s\n", err.doc, err.doc[0] ? ": " : "",
			err.message[0] ? err.message : lw_strerror(st));
	fprintf(stderr, "lapwing kb %s: %d error(s), %d warning(s)\n", sub, c.errors, c.warnings);
	return st == LW_OK ? 0 : EXIT_SOME_FAILED;
}
