/*
 * arena.c: bump allocator for per-document memory. See arena.h.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* First block size: most news articles need less than this in all. */
#define ARENA_MIN_BLOCK ((size_t)64 << 10)
#define ARENA_ALIGN LW_ARENA_ALIGN
_Static_assert(_Alignof(max_align_t) % LW_ARENA_ALIGN == 0, "blocks are aligned for LW_ARENA_ALIGN");

struct lw_arena_block {
	struct lw_arena_block *next;
	size_t size; /* usable bytes after the header */
	max_align_t data[];
};

void lw_arena_init(struct lw_arena *a)
{
	a->next = a->limit = NULL;
	a->head = NULL;
	a->total = 0;
}

void lw_arena_release(struct lw_arena *a)
{
	struct lw_arena_block *b = a->head;
	while (b) {
		struct lw_arena_block *next = b->next;
		free(b);
		b = next;
	}
	lw_arena_init(a);
}

void lw_arena_clear(struct lw_arena *a)
{
	struct lw_arena_block *keep = NULL, *b = a->head;
	while (b) {
		struct lw_arena_block *next = b->next;
		if (!keep || b->size > keep->size) {
			if (keep)
				free(keep);
			keep = b;
		} else {
			free(b);
		}
		b = next;
	}
	a->head = keep;
	a->total = keep ? keep->size : 0;
	a->next = keep ? (char *)keep->data : NULL;
	a->limit = keep ? (char *)keep->data + keep->size : NULL;
	if (keep)
		keep->next = NULL;
}

static struct lw_arena_block *new_block(struct lw_arena *a, size_t need)
{
	size_t size = a->head ? a->head->size * 2 : ARENA_MIN_BLOCK;
	if (size < need)
		size = need;
	if (size > SIZE_MAX - sizeof(struct lw_arena_block))
		return NULL;
	struct lw_arena_block *b = malloc(sizeof *b + size);
	if (!b)
		return NULL;
	b->size = size;
	b->next = a->head;
	a->head = b;
	a->next = (char *)b->data;
	a->limit = (char *)b->data + size;
	a->total += size;
	return b;
}

void *lw_arena_alloc_slow(struct lw_arena *a, size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ARENA_ALIGN)
		return NULL;
	n = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (!a->head || (size_t)(a->limit - a->next) < n) {
		if (!new_block(a, n))
			return NULL;
	}
	void *p = a->next;
	a->next += n;
	return p;
}

void *lw_arena_calloc(struct lw_arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return NULL;
	void *p = lw_arena_alloc(a, count * size);
	if (p)
		memset(p, 0, count * size);
	return p;
}

char *lw_arena_strndup(struct lw_arena *a, const char *p, size_t n)
{
	if (n == SIZE_MAX)
		return NULL;
	char *s = lw_arena_alloc(a, n + 1);
	if (!s)
		return NULL;
	if (n)
		memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

void *lw_arena_grow(struct lw_arena *a, void *old, size_t old_bytes, size_t new_bytes)
{
	void *p = lw_arena_alloc(a, new_bytes);
	if (p && old && old_bytes)
		memcpy(p, old, old_bytes < new_bytes ? old_bytes : new_bytes);
	return p;
}
