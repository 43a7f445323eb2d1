/*
 * hash.c: the store's content hash, which decides whether a document
 * ingested again is unchanged: 128 bits made of two XXH64 (Yann Collet's
 * xxHash, 64-bit variant) with different seeds, over the same bytes.
 *
 * Not a cryptographic hash, and it need not be one: a hash is only ever
 * compared with the hash of the same document id stored before, so two
 * different contents go unnoticed only if they collide by chance (about
 * 2^-128). SHA-256 did the same job at a tenth of the speed, and hashing
 * was then a third of the work of `ingest --coded`.
 */
#include <string.h>

#include "store.h"

#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL
#define P3 0x165667B19E3779F9ULL
#define P4 0x85EBCA77C2B2AE63ULL
#define P5 0x27D4EB2F165667C5ULL

static uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static uint64_t rd64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t round64(uint64_t acc, uint64_t in)
{
	acc += in * P2;
	acc = rotl(acc, 31);
	return acc * P1;
}

static uint64_t merge(uint64_t acc, uint64_t v)
{
	acc ^= round64(0, v);
	return acc * P1 + P4;
}

static void seed(struct lw_xxh64 *s, uint64_t sd)
{
	s->v[0] = sd + P1 + P2;
	s->v[1] = sd + P2;
	s->v[2] = sd;
	s->v[3] = sd - P1;
	s->seed = sd;
}

void lw_hash_init(struct lw_hash *h)
{
	memset(h, 0, sizeof *h);
	seed(&h->s[0], 0);
	seed(&h->s[1], 0x9E3779B97F4A7C15ULL);
}

static void stripes(struct lw_hash *h, const unsigned char *p, size_t n)
{
	for (; n >= 32; p += 32, n -= 32)
		for (int k = 0; k < 2; k++) {
			uint64_t *v = h->s[k].v;
			v[0] = round64(v[0], rd64(p));
			v[1] = round64(v[1], rd64(p + 8));
			v[2] = round64(v[2], rd64(p + 16));
			v[3] = round64(v[3], rd64(p + 24));
		}
}

void lw_hash_update(struct lw_hash *h, const void *data, size_t n)
{
	const unsigned char *p = data;
	h->len += n;
	if (h->nbuf) {
		size_t k = 32 - h->nbuf < n ? 32 - h->nbuf : n;
		memcpy(h->buf + h->nbuf, p, k);
		h->nbuf += k;
		p += k;
		n -= k;
		if (h->nbuf < 32)
			return;
		stripes(h, h->buf, 32);
		h->nbuf = 0;
	}
	size_t whole = n & ~(size_t)31;
	stripes(h, p, whole);
	memcpy(h->buf, p + whole, n - whole);
	h->nbuf = n - whole;
}

static uint64_t finish(const struct lw_xxh64 *s, uint64_t len, const unsigned char *p, size_t n)
{
	uint64_t h;
	if (len >= 32) {
		h = rotl(s->v[0], 1) + rotl(s->v[1], 7) + rotl(s->v[2], 12) + rotl(s->v[3], 18);
		for (int i = 0; i < 4; i++)
			h = merge(h, s->v[i]);
	} else {
		h = s->seed + P5;
	}
	h += len;
	for (; n >= 8; p += 8, n -= 8)
		h = rotl(h ^ round64(0, rd64(p)), 27) * P1 + P4;
	if (n >= 4) {
		h = rotl(h ^ (uint64_t)rd32(p) * P1, 23) * P2 + P3;
		p += 4;
		n -= 4;
	}
	for (; n > 0; p++, n--)
		h = rotl(h ^ *p * P5, 11) * P1;
	h ^= h >> 33;
	h *= P2;
	h ^= h >> 29;
	h *= P3;
	h ^= h >> 32;
	return h;
}

uint64_t lw_hash_final(struct lw_hash *h, unsigned char out[LW_HASH_BYTES])
{
	uint64_t a = finish(&h->s[0], h->len, h->buf, h->nbuf);
	uint64_t b = finish(&h->s[1], h->len, h->buf, h->nbuf);
	for (int i = 0; i < 8; i++) {
		out[i] = (unsigned char)(a >> (56 - 8 * i));
		out[8 + i] = (unsigned char)(b >> (56 - 8 * i));
	}
	return a;
}
