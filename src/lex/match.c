/*
 * match.c: dictionary lookups over units. See match.h.
 */
#include "match.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Longest unit, in bytes, a memo entry holds: two 8-byte words. Longer
 * units (one step in 10,000 in news text) always go to the kb. */
#define LW_MEMO_KEY_MAX 16
/* Sets of two entries, a 64-byte cache line each: 16384 entries in
 * 512 KiB. On 12 MB of news, two ways of 8192 sets answer 97% of the
 * steps (one way of 16384, 92%; two ways of 4096, 86%). */
#define LW_MEMO_SETS 8192

/* What a step's child is, kept in the memo so that a step reads no node. */
enum { STEP_SENSES = 1 << 0, STEP_CHILDREN = 1 << 1 };

struct memo_entry {
	uint64_t key[2];        /* the unit, zero-padded as in the unit key pool */
	uint32_t parent, child; /* child 0: the kb has no such step */
	uint8_t len;            /* 0: empty (a unit of no bytes is never looked up) */
	uint8_t flags;          /* STEP_* of the child */
	uint8_t pad[6];
};
_Static_assert(sizeof(struct memo_entry) == 32, "two memo entries to a cache line");

struct lw_match_memo {
	_Alignas(64) struct memo_entry set[LW_MEMO_SETS][2]; /* [0]: the most recently used */
	uint64_t kb_serial; /* lw_kb.serial of the kb the entries came from */
};

static pthread_once_t memo_once = PTHREAD_ONCE_INIT;
static pthread_key_t memo_key; /* the thread's memo; freed when the thread exits */
static int memo_key_ok;

static void memo_key_init(void)
{
	memo_key_ok = pthread_key_create(&memo_key, free) == 0;
}

struct lw_match_memo *lw_match_memo_for(const struct lw_kb *kb)
{
	pthread_once(&memo_once, memo_key_init);
	if (!memo_key_ok)
		return NULL;
	struct lw_match_memo *m = pthread_getspecific(memo_key);
	if (!m) {
		m = aligned_alloc(_Alignof(struct lw_match_memo), sizeof *m);
		if (!m)
			return NULL;
		if (pthread_setspecific(memo_key, m) != 0) {
			free(m);
			return NULL;
		}
		m->kb_serial = 0; /* no kb's serial: emptied below */
	}
	if (m->kb_serial != kb->serial) {
		memset(m->set, 0, sizeof m->set);
		m->kb_serial = kb->serial;
	}
	return m;
}

/* The child of node by a unit, from the kb; *flags gets its STEP_* bits. */
static uint32_t kb_step(const struct lw_kb *kb, uint32_t node, const char *key, size_t len,
			uint32_t h, unsigned *flags)
{
	uint32_t child = lw_kb_child(kb, node, key, len, h);
	const struct lw_kb_node *nd = &kb->nodes[child];
	*flags = child ? (nd->nsense ? STEP_SENSES : 0u) | (nd->nchild ? STEP_CHILDREN : 0u) : 0u;
	return child;
}

static int entry_is(const struct memo_entry *e, uint32_t node, size_t len, const uint64_t key[2])
{
	return e->parent == node && e->len == len && e->key[0] == key[0] && e->key[1] == key[1];
}

/* kb_step through the memo. A set is picked by the parent and the unit's
 * hash. Keys are compared as two words, which the key pool's zero padding
 * allows (a unit of 8 bytes or fewer has a second word of 0). */
static uint32_t step(const struct lw_kb *kb, struct lw_match_memo *m, uint32_t node,
		     const char *key, size_t len, uint32_t h, unsigned *flags)
{
	if (!m || len > LW_MEMO_KEY_MAX)
		return kb_step(kb, node, key, len, h, flags);
	uint64_t k[2] = {0, 0}; /* two fixed-size loads: no copy loop, no stall */
	memcpy(&k[0], key, 8);
	if (len > 8)
		memcpy(&k[1], key + 8, 8);
	uint32_t mix = (uint32_t)(lw_kb_edge_seed(node) >> 32);
	struct memo_entry *e = m->set[(h ^ mix) & (LW_MEMO_SETS - 1)];
	if (!entry_is(&e[0], node, len, k)) {
		/* the first way moves to the second; what was there comes back
		 * first if it is the step, else leaves for the kb's answer */
		struct memo_entry second = e[1];
		e[1] = e[0];
		if (entry_is(&second, node, len, k)) {
			e[0] = second;
		} else {
			e[0].key[0] = k[0];
			e[0].key[1] = k[1];
			e[0].parent = node;
			e[0].child = kb_step(kb, node, key, len, h, flags);
			e[0].len = (uint8_t)len;
			e[0].flags = (uint8_t)*flags;
		}
	}
	*flags = e[0].flags;
	return e[0].child;
}

size_t lw_match_at(const struct lw_kb *kb, struct lw_match_memo *memo, const struct lw_units *u,
		   size_t i, struct lw_hit *hits, size_t max)
{
	size_t n = 0;
	const struct lw_unit *x = &u->u[i];
	if (x->key_len == 0 || !lw_kb_may_start(kb, x->hash))
		return 0;
	uint32_t node = 0;
	for (size_t k = i; k < u->n && k - i < LW_KB_MAX_UNITS; k++) {
		const struct lw_unit *y = &u->u[k];
		if (y->key_len == 0)
			break;
		unsigned flags;
		node = step(kb, memo, node, u->keys + y->key, y->key_len, y->hash, &flags);
		if (!node)
			break;
		if ((flags & STEP_SENSES) && n < max) {
			hits[n].first = (uint32_t)i;
			hits[n].end = (uint32_t)(k + 1);
			hits[n].node = node;
			n++;
		}
		if (!(flags & STEP_CHILDREN))
			break;
	}
	return n;
}

int lw_case_ok(const struct lw_kb_sense *s, const struct lw_unit *units, size_t n)
{
	for (size_t i = 0; i < n && i < LW_KB_MAX_UNITS; i++) {
		unsigned rule = (s->casemask >> (2 * i)) & 3;
		unsigned f = units[i].flags;
		switch (rule) {
		case LW_CASE_ANY:
			break;
		case LW_CASE_CAP:
			if (!(f & (LW_UF_CAP | LW_UF_UPPER)))
				return 0;
			break;
		case LW_CASE_UPPER:
			if (!(f & LW_UF_UPPER))
				return 0;
			break;
		case LW_CASE_INNER:
			if (!(f & (LW_UF_UPPER | LW_UF_INNER)))
				return 0;
			break;
		}
	}
	return 1;
}

int lw_case_exact(const struct lw_kb_sense *s, const struct lw_unit *units, size_t n)
{
	for (size_t i = 0; i < n && i < LW_KB_MAX_UNITS; i++) {
		unsigned rule = (s->casemask >> (2 * i)) & 3;
		unsigned f = units[i].flags;
		if (rule == LW_CASE_INNER && (f & LW_UF_UPPER))
			return 0; /* "JEM" for "JeM" */
		if (rule == LW_CASE_CAP && (f & LW_UF_UPPER))
			return 0; /* "KABUL" for "Kabul" */
	}
	return 1;
}

const struct lw_kb_period *lw_actor_period(const struct lw_kb *kb, const struct lw_kb_actor *a,
					   int32_t day)
{
	if (a->nperiod == 0)
		return NULL;
	const struct lw_kb_period *p = kb->periods + a->period, *best = NULL;
	if (day == INT32_MIN) {
		for (uint32_t i = 0; i < a->nperiod; i++)
			if (!best || p[i].to > best->to)
				best = &p[i];
		return best;
	}
	long bestd = -1;
	for (uint32_t i = 0; i < a->nperiod; i++) {
		if (day >= p[i].from && day <= p[i].to)
			return &p[i];
		long d = day < p[i].from ? (long)p[i].from - day : (long)day - p[i].to;
		if (bestd < 0 || d < bestd) {
			bestd = d;
			best = &p[i];
		}
	}
	return best;
}
