/*
 * fuzz_kb_dict.c: libFuzzer target for the dictionary compiler. Users
 * write dictionaries (`--kb DIR`), so every file the compiler reads is
 * input: the first byte picks the file, the rest is its text, which
 * replaces that file of a small complete set for one run. Whatever it
 * holds, compiling reports errors (with file and line) or builds a
 * knowledge base that then codes a sentence; no crash, no leak.
 */
#include <stdint.h>

#include "lapwing.h"
#include "fuzz_kb_base.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	base_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t which = data[0] % NFILES;
	put(base[which].path, data + 1, size - 1);
	const char *dirs[1] = {dir};
	lw_kb *kb = NULL;
	lw_error err;
	if (lw_kb_build(dirs, 1, NULL, quiet, NULL, &kb, &err) == LW_OK) {
		code_sample(kb);
		lw_kb_free(kb);
	}
	put(base[which].path, base[which].text, strlen(base[which].text));
	return 0;
}
