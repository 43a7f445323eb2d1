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
	char *next, *limit;  /* head's free bytes; NULL, NULL before the first block */
	struct lw_arena_block *head;
	size_t total;  /* bytes allocated from malloc, all blocks */
};

void lw_arena_init(struct lw_arena *a);
/* Free every block; the arena can be used again afterwards. */
void lw_arena_release(struct lw_arena *a);
/* Keep the largest block, forget the rest (cheap reuse between documents). */
void lw_arena_clear(struct lw_arena *a);

/* Every allocation's size is a multiple of this, and so is every address
 * (the blocks' data is aligned for max_align_t, which is 16 on x86-64). */
#define LW_ARENA_ALIGN ((size_t)16)

/* lw_arena_alloc when the head block has no room, or n is 0 or huge. */
void *lw_arena_alloc_slow(struct lw_arena *a, size_t n);

/*
 * n bytes aligned for any type, or NULL when out of memory. Inline when
 * the head block has room, as it has for nearly all of a document's tens
 * of thousands of allocations: a bump of a pointer, where the call cost
 * more than the allocation. (n - 1 wraps for 0: both 0 and sizes past
 * 4 GB go the slow way, which checks them.)
 */
static inline void *lw_arena_alloc(struct lw_arena *a, size_t n)
{
	size_t r = (n + LW_ARENA_ALIGN - 1) & ~(LW_ARENA_ALIGN - 1);
	if (n - 1 < ((size_t)1 << 32) && r <= (size_t)(a->limit - a->next)) {
		void *p = a->next;
		a->next += r;
		return p;
	}
	return lw_arena_alloc_slow(a, n);
}
/* n zeroed bytes. */
void *lw_arena_calloc(struct lw_arena *a, size_t count, size_t size);
/* A copy of [p, p+n) with a NUL after it. */
char *lw_arena_strndup(struct lw_arena *a, const char *p, size_t n);
/* Grow an array allocated from the arena (copies; old space is not reused). */
void *lw_arena_grow(struct lw_arena *a, void *old, size_t old_bytes, size_t new_bytes);

#endif
