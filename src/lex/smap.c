/*
 * smap.c: string hash map for the compiler. See smap.h.
 */
#include "smap.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"

void smap_init(struct smap *m)
{
	m->mask = 0;
	m->n = 0;
	m->slot = NULL;
}

void smap_release(struct smap *m)
{
	if (m->slot)
		for (size_t i = 0; i <= m->mask; i++)
			free(m->slot[i].key);
	free(m->slot);
	smap_init(m);
}

static struct smap_slot *find(const struct smap *m, const char *key, size_t len, uint64_t h)
{
	size_t i = (size_t)h & m->mask;
	for (;;) {
		struct smap_slot *s = &m->slot[i];
		if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
			return s;
		i = (i + 1) & m->mask;
	}
}

uint32_t smap_get(const struct smap *m, const char *key, size_t len, uint32_t missing)
{
	if (!m->slot)
		return missing;
	struct smap_slot *s = find(m, key, len, lw_hash_bytes(key, len, 0));
	return s->key ? s->value : missing;
}

static int grow(struct smap *m)
{
	size_t cap = m->slot ? (m->mask + 1) * 2 : 64;
	struct smap_slot *old = m->slot;
	size_t oldcap = m->slot ? m->mask + 1 : 0;
	m->slot = calloc(cap, sizeof *m->slot);
	if (!m->slot) {
		m->slot = old;
		return -1;
	}
	m->mask = cap - 1;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].len, old[i].hash) = old[i];
	free(old);
	return 0;
}

int smap_put(struct smap *m, const char *key, size_t len, uint32_t value)
{
	if ((m->n + 1) * 2 > (m->slot ? m->mask + 1 : 0) && grow(m))
		return -1;
	uint64_t h = lw_hash_bytes(key, len, 0);
	struct smap_slot *s = find(m, key, len, h);
	if (s->key) {
		s->value = value;
		return 0;
	}
	s->key = malloc(len + 1);
	if (!s->key)
		return -1;
	memcpy(s->key, key, len);
	s->key[len] = 0;
	s->len = (uint32_t)len;
	s->hash = h;
	s->value = value;
	m->n++;
	return 0;
}
