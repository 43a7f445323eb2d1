/*
 * kb.h: the loaded knowledge base (internal layout of lw_kb).
 *
 * The compiled file is a header, a table of sections and the sections
 * themselves, each a self-contained image read in place from a read-only
 * mapping (no parsing at load time: a load is an mmap and a few pointer
 * checks). The file is machine-local (host byte order); it is rebuilt from
 * the text dictionaries by `make` or `lapwing kb compile`.
 */
#ifndef LW_KB_H
#define LW_KB_H

#include <stddef.h>
#include <stdint.h>

#include "lapwing.h"
#include "../text/text.h"

#define LW_KB_MAGIC "LWKB\r\n\x1a\n"
/* Bump when the layout of any section changes. */
#define LW_KB_FORMAT 1

enum lw_kb_section {
	LW_KB_SEC_ABBREV_TITLE = 1,
	LW_KB_SEC_ABBREV_OTHER = 2,
	LW_KB_SEC_STARTERS = 3,
	LW_KB_SEC_MAX = 64
};

struct lw_kb_file_header {
	char magic[8];
	uint32_t format;
	uint32_t nsections;
	uint64_t file_size;
};

struct lw_kb_section_entry {
	uint32_t id;
	uint32_t reserved;
	uint64_t offset;
	uint64_t size;
};

struct lw_kb {
	const unsigned char *base; /* the mapping */
	size_t size;
	int mapped; /* 1: munmap base; 0: free base */
	struct lw_wordset *abbrev_title, *abbrev_other, *starters;
	struct lw_text_lexicon textlex;
	lw_kb_info info;
};

/* Find a section's image; returns NULL (and *size 0) if absent. */
const void *lw_kb_section(const struct lw_kb *kb, enum lw_kb_section id, size_t *size);

/* Load from an image in memory that the kb takes over (free()d at the end);
 * used after an in-memory compile. */
lw_status lw_kb_from_memory(void *image, size_t size, lw_kb **out, lw_error *err);

#endif
