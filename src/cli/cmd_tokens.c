/*
 * cmd_tokens.c: `lapwing tokens`, the text layer made visible: tokens,
 * sentences and paragraphs with their byte spans, for users who debug
 * their dictionaries and for the tokenizer's golden tests.
 */
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: lapwing tokens [OPTIONS] [PATH...]\n"
	"\n"
	"Print how lapwing reads each document: paragraphs, sentences and tokens\n"
	"with their byte spans [start,end) and classes. Input as for `lapwing\n"
	"code` (a text file, JSON Lines, a directory, or standard input).\n"
	"\n"
	"Output, per document:\n"
	"  # doc ID: B bytes, T tokens, S sentences, P paragraphs\n"
	"  # dateline START END \"TEXT\" date DATE   (when there is one)\n"
	"  P<n> S<n> START END \"SENTENCE TEXT\"\n"
	"      START END KIND FLAGS TEXT           (one line per token)\n"
	"KIND is WORD NUMBER ABBREV PUNCT TERM QUOTE DASH URL EMAIL SYMBOL or\n"
	"INVALID; FLAGS lists cap, upper, lower, hyphen, digit, repaired (split\n"
	"from a glued word), possessive, open/close (quotation marks), single,\n"
	"and sp/nl/para for the space, line break or paragraph break before it.\n"
	"\n"
	"Options:\n"
	"  --input text|jsonl   as for lapwing code\n"
	"  --sentences          sentences only, no tokens\n"
	"  --kb DIR, --kb-file FILE   dictionaries (abbreviations come from them)\n"
	"  -h, --help           show this help\n";

static void put_text(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c == '\r')
			fputs("\\r", stdout);
		else if (c < 0x20 || c == 0x7F)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
}

static void put_flags(unsigned f)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{LW_TF_CAP, "cap"},           {LW_TF_UPPER, "upper"},
		{LW_TF_LOWER, "lower"},       {LW_TF_HYPHEN, "hyphen"},
		{LW_TF_APOS, "apos"},         {LW_TF_DIGIT, "digit"},
		{LW_TF_NONASCII, "nonascii"}, {LW_TF_REPAIRED, "repaired"},
		{LW_TF_POSSESSIVE, "possessive"}, {LW_TF_QUOTE_OPEN, "open"},
		{LW_TF_QUOTE_CLOSE, "close"}, {LW_TF_QUOTE_SINGLE, "single"},
		{LW_TF_PARA_BEFORE, "para"},  {LW_TF_NEWLINE_BEFORE, "nl"},
		{LW_TF_SPACE_BEFORE, "sp"},
	};
	int any = 0;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		if (!(f & names[i].bit))
			continue;
		if (names[i].bit == LW_TF_NEWLINE_BEFORE && (f & LW_TF_PARA_BEFORE))
			continue;
		if (names[i].bit == LW_TF_SPACE_BEFORE && (f & LW_TF_NEWLINE_BEFORE))
			continue;
		printf("%s%s", any ? "," : "", names[i].name);
		any = 1;
	}
	if (!any)
		putchar('-');
}

static void dump(const lw_doc *doc, int sentences_only)
{
	size_t nt, ns, np;
	const lw_token *t = lw_doc_tokens(doc, &nt);
	const lw_sentence *s = lw_doc_sentences(doc, &ns);
	lw_doc_paragraphs(doc, &np);
	lw_str text = lw_doc_text(doc), id = lw_doc_id(doc);
	printf("# doc %.*s: %zu bytes, %zu tokens, %zu sentences, %zu paragraphs\n", (int)id.len,
	       id.ptr ? id.ptr : "", text.len, nt, ns, np);
	const lw_dateline *dl = lw_doc_dateline(doc);
	if (dl->found) {
		char buf[32];
		size_t n = lw_date_format(&dl->date, buf, sizeof buf);
		printf("# dateline %u %u \"", dl->span.start, dl->span.end);
		put_text(text.ptr + dl->span.start, dl->span.end - dl->span.start);
		printf("\" place \"");
		put_text(text.ptr + dl->place.start, dl->place.end - dl->place.start);
		printf("\" date %s\n", n ? buf : dl->date.month ? "(no year)" : "-");
	}
	for (size_t i = 0; i < ns; i++) {
		printf("P%u S%zu %u %u \"", s[i].paragraph + 1, i + 1, s[i].start, s[i].end);
		put_text(text.ptr + s[i].start, s[i].end - s[i].start);
		printf("\"\n");
		if (sentences_only)
			continue;
		for (size_t k = s[i].first_token; k < s[i].end_token; k++) {
			printf("    %u %u %s ", t[k].start, t[k].end,
			       lw_token_kind_name((lw_token_kind)t[k].kind));
			put_flags(t[k].flags);
			putchar(' ');
			put_text(text.ptr + t[k].start, t[k].end - t[k].start);
			putchar('\n');
		}
	}
}

int cmd_tokens(int argc, char **argv)
{
	struct kb_opts kbo = {0};
	lw_format format = LW_FORMAT_AUTO;
	int sentences_only = 0;
	const char *v;
	lw_reader *r;
	if (lw_reader_new(LW_FORMAT_AUTO, 0, &r) != LW_OK)
		return EXIT_USAGE;
	int npaths = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage, stdout);
			lw_reader_free(r);
			return 0;
		} else if (opt_value(argc, argv, &i, "--input", &v)) {
			format = strcmp(v, "text") == 0 ? LW_FORMAT_TEXT : LW_FORMAT_JSONL;
		} else if (strcmp(a, "--sentences") == 0) {
			sentences_only = 1;
		} else if (kb_opt(&kbo, argc, argv, &i)) {
			continue;
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "lapwing tokens: unknown option '%s'\n", a);
			lw_reader_free(r);
			return EXIT_USAGE;
		} else {
			npaths++;
		}
	}
	lw_reader_free(r);
	if (lw_reader_new(format, 0, &r) != LW_OK)
		return EXIT_USAGE;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--input") == 0 || strcmp(argv[i], "--kb") == 0 ||
		    strcmp(argv[i], "--kb-file") == 0) {
			i++;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			continue;
		lw_reader_add(r, argv[i]);
	}
	if (npaths == 0)
		lw_reader_add(r, "-");
	lw_kb *kb = kb_open(&kbo, "lapwing tokens");
	if (!kb) {
		lw_reader_free(r);
		return EXIT_USAGE;
	}
	lw_options opt;
	lw_options_init(&opt);
	opt.stages = LW_STAGE_TEXT;
	int failed = 0;
	for (;;) {
		lw_input in;
		lw_error err;
		lw_status st = lw_reader_next(r, &in, &err);
		if (st == LW_DONE)
			break;
		if (st != LW_OK) {
			print_input_error("lapwing tokens", &err);
			failed = 1;
			continue;
		}
		lw_doc *doc;
		if (lw_code(kb, &opt, &in, &doc, &err) != LW_OK) {
			print_input_error("lapwing tokens", &err);
			failed = 1;
			continue;
		}
		dump(doc, sentences_only);
		lw_doc_free(doc);
	}
	lw_reader_free(r);
	lw_kb_free(kb);
	return failed ? EXIT_SOME_FAILED : 0;
}
