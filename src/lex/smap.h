/*
 * smap.h: a growable hash map from byte strings to uint32 values, for the
 * dictionary compiler (the loaded knowledge base uses its own immutable
 * tables). Keys are copied.
 */
#ifndef LW_SMAP_H
#define LW_SMAP_H

#include <stddef.h>
#include <stdint.h>

struct smap {
	size_t mask, n;
	struct smap_slot {
		char *key;
		uint32_t len;
		uint32_t value;
		uint64_t hash;
	} *slot;
};

void smap_init(struct smap *m);
void smap_release(struct smap *m);
/* The value of key, or `missing`. */
uint32_t smap_get(const struct smap *m, const char *key, size_t len, uint32_t missing);
/* Set key to value; returns 0, -1 out of memory. */
int smap_put(struct smap *m, const char *key, size_t len, uint32_t value);

#endif
