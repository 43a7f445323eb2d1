/*
 * kb_load.c: map a compiled knowledge base and set up views into it.
 * Loading parses nothing: it checks the header and the section table and
 * points the lookup structures at the mapping, so it takes well under a
 * millisecond whatever the size of the gazetteer.
 */
#include "kb.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wordset.h"

static lw_status fail(lw_error *err, lw_status st, const char *path, const char *msg)
{
	if (err) {
		memset(err, 0, sizeof *err);
		err->status = st;
		err->offset = -1;
		snprintf(err->doc, sizeof err->doc, "%s", path ? path : "(memory)");
		snprintf(err->message, sizeof err->message, "%s", msg);
	}
	return st;
}

const void *lw_kb_section(const struct lw_kb *kb, enum lw_kb_section id, size_t *size)
{
	const struct lw_kb_file_header *h = (const void *)kb->base;
	const struct lw_kb_section_entry *sec = (const void *)(h + 1);
	for (uint32_t i = 0; i < h->nsections; i++) {
		if (sec[i].id == (uint32_t)id) {
			*size = (size_t)sec[i].size;
			return kb->base + sec[i].offset;
		}
	}
	*size = 0;
	return NULL;
}

static struct lw_wordset *view(struct lw_kb *kb, enum lw_kb_section id, int *bad)
{
	size_t n;
	const void *p = lw_kb_section(kb, id, &n);
	if (!p)
		return NULL;
	struct lw_wordset *ws = lw_wordset_view(p, n);
	if (!ws)
		*bad = 1;
	return ws;
}

static lw_status setup(struct lw_kb *kb, const char *path, lw_error *err)
{
	const struct lw_kb_file_header *h = (const void *)kb->base;
	if (kb->size < sizeof *h || memcmp(h->magic, LW_KB_MAGIC, 8) != 0)
		return fail(err, LW_EKB, path, "not a lapwing knowledge base");
	if (h->format != LW_KB_FORMAT)
		return fail(err, LW_EVERSION, path,
			    "knowledge base made by another lapwing version: recompile it "
			    "(make, or lapwing kb compile)");
	if (h->file_size != kb->size || h->nsections > LW_KB_SEC_MAX ||
	    sizeof *h + (size_t)h->nsections * sizeof(struct lw_kb_section_entry) > kb->size)
		return fail(err, LW_EKB, path, "knowledge base truncated or damaged");
	const struct lw_kb_section_entry *sec = (const void *)(h + 1);
	for (uint32_t i = 0; i < h->nsections; i++) {
		if (sec[i].offset % 8 || sec[i].offset > kb->size ||
		    sec[i].size > kb->size - sec[i].offset)
			return fail(err, LW_EKB, path, "knowledge base section out of bounds");
	}
	int bad = 0;
	kb->abbrev_title = view(kb, LW_KB_SEC_ABBREV_TITLE, &bad);
	kb->abbrev_other = view(kb, LW_KB_SEC_ABBREV_OTHER, &bad);
	kb->starters = view(kb, LW_KB_SEC_STARTERS, &bad);
	if (bad)
		return fail(err, LW_EKB, path, "knowledge base section damaged");
	kb->textlex.abbrev_title = kb->abbrev_title;
	kb->textlex.abbrev_other = kb->abbrev_other;
	kb->textlex.starters = kb->starters;
	kb->info.bytes = kb->size;
	return LW_OK;
}

void lw_kb_free(lw_kb *kb)
{
	if (!kb)
		return;
	lw_wordset_free(kb->abbrev_title);
	lw_wordset_free(kb->abbrev_other);
	lw_wordset_free(kb->starters);
	if (kb->mapped)
		munmap((void *)kb->base, kb->size);
	else
		free((void *)kb->base);
	free(kb);
}

lw_status lw_kb_load(const char *path, lw_kb **out, lw_error *err)
{
	*out = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		char msg[200];
		snprintf(msg, sizeof msg, "cannot open knowledge base: %s", strerror(errno));
		return fail(err, LW_EKB, path, msg);
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || st.st_size < (off_t)sizeof(struct lw_kb_file_header)) {
		close(fd);
		return fail(err, LW_EKB, path, "knowledge base empty or unreadable");
	}
	void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return fail(err, LW_EKB, path, "cannot map knowledge base");
	struct lw_kb *kb = calloc(1, sizeof *kb);
	if (!kb) {
		munmap(map, (size_t)st.st_size);
		return fail(err, LW_ENOMEM, path, "out of memory");
	}
	kb->base = map;
	kb->size = (size_t)st.st_size;
	kb->mapped = 1;
	lw_status s = setup(kb, path, err);
	if (s != LW_OK) {
		lw_kb_free(kb);
		return s;
	}
	*out = kb;
	return LW_OK;
}

lw_status lw_kb_from_memory(void *image, size_t size, lw_kb **out, lw_error *err)
{
	*out = NULL;
	struct lw_kb *kb = calloc(1, sizeof *kb);
	if (!kb) {
		free(image);
		return fail(err, LW_ENOMEM, NULL, "out of memory");
	}
	kb->base = image;
	kb->size = size;
	lw_status s = setup(kb, NULL, err);
	if (s != LW_OK) {
		lw_kb_free(kb);
		return s;
	}
	*out = kb;
	return LW_OK;
}

void lw_kb_get_info(const lw_kb *kb, lw_kb_info *info)
{
	if (kb)
		*info = kb->info;
	else
		memset(info, 0, sizeof *info);
}
