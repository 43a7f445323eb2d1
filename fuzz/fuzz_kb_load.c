/*
 * fuzz_kb_load.c: libFuzzer target for loading a compiled knowledge base
 * (`--kb-file`): a damaged or hostile file must be refused with an error,
 * never read astray. The input is a list of patches, 5 bytes each (a
 * 32-bit offset, little-endian, and a byte), applied to a valid knowledge
 * base compiled from a small dictionary set at start-up; the result is
 * loaded and, if accepted, codes a sentence.
 */
#include <stdint.h>
#include <unistd.h>

#include "lapwing.h"
#include "fuzz_kb_base.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned char *image;
static size_t image_len;
static char kbpath[96];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	base_init();
	snprintf(kbpath, sizeof kbpath, "%s/fuzz.kb", dir);
	const char *dirs[1] = {dir};
	lw_error err;
	if (lw_kb_compile(dirs, 1, NULL, kbpath, quiet, NULL, &err) != LW_OK)
		abort();
	FILE *f = fopen(kbpath, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0)
		abort();
	image_len = (size_t)ftell(f);
	rewind(f);
	image = malloc(image_len);
	if (!image || fread(image, 1, image_len, f) != image_len)
		abort();
	fclose(f);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *copy = malloc(image_len);
	if (!copy)
		return 0;
	memcpy(copy, image, image_len);
	size_t len = image_len;
	for (size_t i = 0; i + 5 <= size; i += 5) {
		uint32_t off = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 |
			       (uint32_t)data[i + 2] << 16 | (uint32_t)data[i + 3] << 24;
		if (off == 0xffffffffu) { /* a patch that cuts the file short */
			len = data[i + 4] * (image_len / 256);
			continue;
		}
		copy[off % image_len] = data[i + 4];
	}
	FILE *f = fopen(kbpath, "wb");
	if (!f)
		abort();
	fwrite(copy, 1, len, f);
	fclose(f);
	free(copy);
	lw_kb *kb = NULL;
	lw_error err;
	if (lw_kb_load(kbpath, &kb, &err) == LW_OK) {
		code_sample(kb);
		lw_kb_free(kb);
	}
	return 0;
}
