/*
 * fuzz_code_jsonl.c: libFuzzer target for `lapwing code` on JSON Lines:
 * the reader (lines, JSON, fields, limits) and coding every record.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_load_kb();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lw_reader *r;
	/* a small document limit reaches the too-large paths */
	if (lw_reader_new(LW_FORMAT_JSONL, 4096, &r) != LW_OK)
		return 0;
	lw_reader_add_memory(r, "fuzz.jsonl", data, size, LW_FORMAT_JSONL);
	lw_options opt;
	lw_options_init(&opt);
	opt.max_doc_bytes = 4096;
	for (;;) {
		lw_input in;
		lw_error err;
		lw_status st = lw_reader_next(r, &in, &err);
		if (st == LW_DONE)
			break;
		if (st != LW_OK)
			continue;
		lw_doc *doc;
		if (lw_code(fuzz_kb, &opt, &in, &doc, &err) == LW_OK) {
			lw_doc_write_json(doc, 0, discard, NULL);
			lw_doc_free(doc);
		}
	}
	lw_reader_free(r);
	return 0;
}
