/*
 * hash.h: the string hash used by every table in lapwing (64-bit FNV-1a
 * with a final avalanche; fast on the short keys we hash: words and names),
 * and the faster one of matching units.
 */
#ifndef LW_HASH_H
#define LW_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t lw_hash_bytes(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL ^ seed;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

/*
 * The hash of a folded unit (units.h), for the tables the matcher reads:
 * trie edges, the first-unit filter, the match memo, the events stage's
 * word classes. Eight bytes a step instead of lw_hash_bytes's one: a
 * unit's hash is taken for every word of every text. It reads the key as
 * whole words, zero-padded; the length is mixed in, so keys that pad
 * alike ("ab", "ab\0") still differ.
 */
#define LW_HASH_UNIT_MUL 0x9E3779B97F4A7C15ULL

static inline uint64_t lw_hash_unit_start(size_t n)
{
	return LW_HASH_UNIT_MUL * (n + 1);
}

static inline uint64_t lw_hash_unit_step(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xff51afd7ed558ccdULL;
	return h ^ (h >> 32);
}

/* A finalizer for other hashes built of steps (entities.c's). */
static inline uint64_t lw_hash_unit_end(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 33);
}

/*
 * The unit hash's own end: none. Its users read the low 32 bits, and each
 * step already folds the product's high half, where every bit of the
 * word and of the hash before it has mixed, into them; a second
 * multiply cost a fifth of the units' instructions. Changing it changes
 * the kb's tables: bump LW_KB_FORMAT (kb.h).
 */
static inline uint64_t lw_hash_unit_last(uint64_t h)
{
	return h;
}

/* Of a key that is followed by zero bytes up to the next multiple of 8
 * (the unit key pool, units.h). */
static inline uint64_t lw_hash_unit_padded(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = lw_hash_unit_start(n);
	for (size_t i = 0; i < n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = lw_hash_unit_step(h, w);
	}
	return lw_hash_unit_last(h);
}

/* Of any key: the same value as lw_hash_unit_padded on its padded copy. */
static inline uint64_t lw_hash_unit(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = lw_hash_unit_start(n);
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = lw_hash_unit_step(h, w);
	}
	if (i < n) {
		uint64_t w = 0;
		memcpy(&w, s + i, n - i);
		h = lw_hash_unit_step(h, w);
	}
	return lw_hash_unit_last(h);
}

#endif
