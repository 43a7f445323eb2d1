/*
 * wordset.c: open-addressing hash set of strings. See wordset.h.
 *
 * Image layout (all uint32, little-endian host order, as the compiled
 * knowledge base is machine-local): nslots, nitems, pool_bytes, max_len
 * (the longest word), slots[nslots], off[nitems], len[nitems], pool bytes
 * (padded to 4). A view checks only the counts: each word's slot, offset
 * and length are checked when a lookup reads them (find_hashed), so that
 * opening the kb reads none of its sets' 200,000 slots and words.
 * A word's slot is picked by lw_hash_unit (hash.h), 8 bytes a step: the
 * sets are asked about many tokens of every text (entities.c's common
 * words, the abbreviations of sentences.c). Changing the hash changes the
 * image: bump LW_KB_FORMAT (kb.h).
 */
#include "wordset.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "hash.h"

/* Longest word a lookup lower-cases on the stack; longer ones never match. */
#define WORDSET_MAX_WORD 64

struct lw_wordset {
	size_t mask;
	size_t n;
	const uint32_t *slot; /* item index+1, 0 empty */
	const uint32_t *off;
	const uint32_t *len;
	const char *pool;
	size_t pool_len; /* bytes: a view's words are checked against it */
	size_t max_len; /* the longest word: a longer one is no member, without a hash */
	void *owned; /* one allocation holding the arrays, or NULL for a view */
};

/* The slot of w[0, n) whose hash is h (lw_hash_unit of w). */
static size_t find_hashed(const struct lw_wordset *ws, const char *w, size_t n, uint64_t h,
			  int *found)
{
	size_t i = (size_t)h & ws->mask;
	for (size_t probes = 0; probes <= ws->mask; probes++) {
		uint32_t s = ws->slot[i];
		if (!s) {
			*found = 0;
			return i;
		}
		/* a malformed image's slot or word (a view checks none of
		 * them before) is no member */
		if (s <= ws->n && ws->len[s - 1] == n && ws->off[s - 1] <= ws->pool_len - n &&
		    memcmp(ws->pool + ws->off[s - 1], w, n) == 0) {
			*found = 1;
			return i;
		}
		i = (i + 1) & ws->mask;
	}
	*found = 0;
	return (size_t)-1;
}

/* a byte of 0x01 in each of 8 lanes */
#define LANES 0x0101010101010101ULL

/* 8 bytes with their ASCII capitals lower-cased, bytes from 0x80 kept: a
 * lane is a capital when its low 7 bits are in 'A'..'Z' and its top bit
 * is clear. The adds see 7 bits a lane, so none carries into the next. */
static uint64_t lower8(uint64_t w)
{
	uint64_t low7 = w & LANES * 0x7f;
	uint64_t from_a = low7 + LANES * (0x80u - 'A');
	uint64_t past_z = low7 + LANES * (0x7fu - 'Z');
	uint64_t upper = from_a & ~past_z & ~w & LANES * 0x80;
	return w | (upper >> 2); /* 0x80 >> 2 is 0x20 */
}

/* The lw_hash_unit of w[0, n) (n <= WORDSET_MAX_WORD) ASCII-lower-cased,
 * which is left in pad, zero-padded to whole words. The copy is a byte
 * loop: the words asked about are short, and a call to memcpy would cost
 * more than it. */
static uint64_t lower_hash(const char *w, size_t n, uint64_t *pad)
{
	unsigned char *b = (unsigned char *)pad;
	for (size_t i = 0; i < n; i++)
		b[i] = (unsigned char)w[i];
	uint64_t h = lw_hash_unit_start(n);
	for (size_t i = 0; i < (n + 7) / 8; i++) {
		pad[i] = lower8(pad[i]);
		h = lw_hash_unit_step(h, pad[i]);
	}
	return lw_hash_unit_last(h);
}

/* lw_hash_unit of w[0, n), its last part word gathered a byte at a time:
 * the words asked about are short, and lw_hash_unit's memcpy of a
 * variable length is a call that costs more than the loop. */
static uint64_t hash_key(const char *w, size_t n)
{
	uint64_t h = lw_hash_unit_start(n), x;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, w + i, 8);
		h = lw_hash_unit_step(h, x);
	}
	if (i < n) {
		unsigned char b[8] = {0};
		for (size_t j = 0; i + j < n; j++)
			b[j] = (unsigned char)w[i + j];
		memcpy(&x, b, 8);
		h = lw_hash_unit_step(h, x);
	}
	return lw_hash_unit_last(h);
}

static size_t find(const struct lw_wordset *ws, const char *w, size_t n, int *found)
{
	return find_hashed(ws, w, n, hash_key(w, n), found);
}

struct lw_wordset *lw_wordset_new(const char *const *words, const size_t *lens, size_t n)
{
	size_t cap = 16, total = 0;
	while (cap < n * 2 + 2)
		cap *= 2;
	for (size_t i = 0; i < n; i++)
		total += lens[i];
	struct lw_wordset *ws = calloc(1, sizeof *ws);
	char *mem = malloc(cap * 4 + (n + 1) * 8 + total + 1);
	if (!ws || !mem) {
		free(ws);
		free(mem);
		return NULL;
	}
	uint32_t *slot = (uint32_t *)mem, *off = slot + cap, *len = off + n + 1;
	char *pool = (char *)(len + n + 1);
	memset(slot, 0, cap * 4);
	ws->owned = mem;
	ws->mask = cap - 1;
	ws->slot = slot;
	ws->off = off;
	ws->len = len;
	ws->pool = pool;
	ws->pool_len = total;
	size_t used = 0;
	for (size_t i = 0; i < n; i++) {
		int found;
		size_t at = find(ws, words[i], lens[i], &found);
		if (found)
			continue;
		memcpy(pool + used, words[i], lens[i]);
		off[ws->n] = (uint32_t)used;
		len[ws->n] = (uint32_t)lens[i];
		used += lens[i];
		if (lens[i] > ws->max_len)
			ws->max_len = lens[i];
		slot[at] = (uint32_t)(++ws->n);
	}
	return ws;
}

void lw_wordset_free(struct lw_wordset *ws)
{
	if (!ws)
		return;
	free(ws->owned);
	free(ws);
}

int lw_wordset_has(const struct lw_wordset *ws, const char *w, size_t n)
{
	if (!ws || ws->n == 0 || n > ws->max_len)
		return 0;
	int found;
	find(ws, w, n, &found);
	return found;
}

int lw_wordset_has_lower(const struct lw_wordset *ws, const char *w, size_t n)
{
	uint64_t pad[WORDSET_MAX_WORD / 8] = {0};
	if (!ws || ws->n == 0 || n > sizeof pad || n > ws->max_len)
		return 0;
	int found;
	find_hashed(ws, (const char *)pad, n, lower_hash(w, n, pad), &found);
	return found;
}

int lw_wordset_has_hashed(const struct lw_wordset *ws, const char *w, size_t n, uint32_t hash)
{
	if (!ws || ws->n == 0 || n > ws->max_len)
		return 0;
	int found;
	find_hashed(ws, w, n, hash, &found); /* the slot needs only the low bits */
	return found;
}

size_t lw_wordset_size(const struct lw_wordset *ws)
{
	return ws ? ws->n : 0;
}

void lw_wordset_serialize(const struct lw_wordset *ws, struct lw_buf *out)
{
	uint32_t nslots = (uint32_t)(ws->mask + 1), nitems = (uint32_t)ws->n, pool = 0;
	for (size_t i = 0; i < ws->n; i++)
		pool = ws->off[i] + ws->len[i] > pool ? ws->off[i] + ws->len[i] : pool;
	uint32_t hdr[4] = {nslots, nitems, pool, (uint32_t)ws->max_len};
	lw_buf_add(out, hdr, sizeof hdr);
	lw_buf_add(out, ws->slot, nslots * 4u);
	lw_buf_add(out, ws->off, nitems * 4u);
	lw_buf_add(out, ws->len, nitems * 4u);
	lw_buf_add(out, ws->pool, pool);
	while (out->len % 4)
		lw_buf_addc(out, 0);
}

struct lw_wordset *lw_wordset_view(const void *p, size_t size)
{
	const uint32_t *h = p;
	if (size < 16)
		return NULL;
	uint64_t nslots = h[0], nitems = h[1], pool = h[2], max_len = h[3];
	if (nslots == 0 || (nslots & (nslots - 1)) || nitems >= nslots ||
	    16 + nslots * 4 + nitems * 8 + pool > size || max_len > pool)
		return NULL;
	struct lw_wordset *ws = calloc(1, sizeof *ws);
	if (!ws)
		return NULL;
	ws->mask = (size_t)nslots - 1;
	ws->n = (size_t)nitems;
	ws->slot = h + 4;
	ws->off = ws->slot + nslots;
	ws->len = ws->off + nitems;
	ws->pool = (const char *)(ws->len + nitems);
	ws->pool_len = (size_t)pool;
	ws->max_len = (size_t)max_len; /* lookups of n <= max_len <= pool_len */
	return ws;
}
