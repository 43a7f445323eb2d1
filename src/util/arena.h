/*
 * arena.h: bump allocation for one document's results.
 *
 * Every allocation a document needs comes from its arena and is released
 * with one lw_arena_release call (git's mem-pool.h does the same). The
 * arena never frees single objects and is not thread-safe: one document,
 * one thread.
 */
#ifndef LW_ARENA_H
#define LW_ARENA_H

#include <stddef.h>

struct lw_arena_block;

struct lw_arena {
	struct lw_arena_block *head;
	size_t used;   /* bytes used in head */
	size_t total;  /* bytes allocated from malloc, all blocks */
};

void lw_arena_init(struct lw_arena *a);
/* Free every block; the arena can be used again afterwards. */
void lw_arena_release(struct lw_arena *a);
/* Keep the largest block, forget the rest (cheap reuse between documents). */
void lw_arena_clear(struct lw_arena *a);

/* n bytes aligned for any type, or NULL when out of memory. */
void *lw_arena_alloc(struct lw_arena *a, size_t n);
/* n zeroed bytes. */
void *lw_arena_calloc(struct lw_arena *a, size_t count, size_t size);
/* A copy of [p, p+n) with a NUL after it. */
char *lw_arena_strndup(struct lw_arena *a, const char *p, size_t n);
/* Grow an array allocated from the arena (copies; old space is not reused). */
void *lw_arena_grow(struct lw_arena *a, void *old, size_t old_bytes, size_t new_bytes);

#endif
