/*
 * fuzz_code_text.c: libFuzzer target for `lapwing code` on a plain-text
 * document: any bytes in, a result and its JSON out, no crash, no leak.
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
	lw_input in;
	memset(&in, 0, sizeof in);
	in.id = "fuzz";
	in.id_len = 4;
	in.text = (const char *)data;
	in.text_len = size;
	lw_options opt;
	lw_options_init(&opt);
	opt.date = "2023-08-15";
	lw_doc *doc;
	lw_error err;
	if (lw_code(fuzz_kb, &opt, &in, &doc, &err) == LW_OK) {
		lw_doc_write_json(doc, 0, discard, NULL);
		lw_doc_free(doc);
	}
	return 0;
}
