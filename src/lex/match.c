/*
 * match.c: dictionary lookups over units. See match.h.
 */
#include "match.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "sound.h"
#include "../text/utf8.h"

/* Longest unit, in bytes, a memo entry holds: two 8-byte words. Longer
 * units (one step in 10,000 in news text) always go to the kb. */
#define LW_MEMO_KEY_MAX 16
/* Sets of two entries, a 64-byte cache line each: 16384 entries in
 * 512 KiB. On 12 MB of news, two ways of 8192 sets answer 97% of the
 * steps (one way of 16384, 92%; two ways of 4096, 86%). */
#define LW_MEMO_SETS 8192

/* A step and the kb's answer: the child and what the matcher needs of it,
 * so that a step found in the memo reads nothing of the kb. */
struct memo_entry {
	uint64_t key[2];        /* the unit, zero-padded as in the unit key pool */
	uint32_t parent, child; /* child 0: the kb has no such step */
	uint32_t sense;         /* the child's senses: [sense, sense + nsense) */
	uint16_t nsense;
	uint8_t len;            /* 0: empty (a unit of no bytes is never looked up) */
	uint8_t children;       /* 1: the child has children */
};
_Static_assert(sizeof(struct memo_entry) == 32, "two memo entries to a cache line");

struct lw_match_memo {
	_Alignas(64) struct memo_entry set[LW_MEMO_SETS][2]; /* [0]: the most recently filled */
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

/* The kb's answer to the step from node by a unit, into e (but its key). */
static void kb_step(const struct lw_kb *kb, uint32_t node, const char *key, size_t len,
		    uint32_t h, struct memo_entry *e)
{
	e->parent = node;
	e->len = (uint8_t)len;
	e->child = lw_kb_child(kb, node, key, len, h);
	const struct lw_kb_node *nd = &kb->nodes[e->child];
	e->sense = nd->sense;
	e->nsense = e->child ? nd->nsense : 0;
	e->children = e->child && nd->nchild;
}

static int entry_is(const struct memo_entry *e, uint32_t node, size_t len, const uint64_t key[2])
{
	return e->parent == node && e->len == len && e->key[0] == key[0] && e->key[1] == key[1];
}

/* The memo's miss: the set's first way moves to the second, the kb's
 * answer comes first. Out of line: one step in twenty misses, and the
 * hit's path stays short. */
__attribute__((noinline)) static const struct memo_entry *
step_miss(const struct lw_kb *kb, struct memo_entry *e, uint32_t node, const char *key,
	  size_t len, uint32_t h, const uint64_t k[2])
{
	e[1] = e[0];
	e[0].key[0] = k[0];
	e[0].key[1] = k[1];
	kb_step(kb, node, key, len, h, &e[0]);
	return &e[0];
}

/* kb_step through the memo, or into scratch without one. A set is picked
 * by the parent and the unit's hash. Keys are compared as two words, which
 * the key pool's zero padding allows (a unit of 8 bytes or fewer has a
 * second word of 0). */
static inline const struct memo_entry *step(const struct lw_kb *kb, struct lw_match_memo *m,
					    uint32_t node, const char *key, size_t len, uint32_t h,
					    struct memo_entry *scratch)
{
	if (!m || len > LW_MEMO_KEY_MAX) {
		kb_step(kb, node, key, len, h, scratch);
		return scratch;
	}
	uint64_t k[2] = {0, 0}; /* two fixed-size loads: no copy loop, no stall */
	memcpy(&k[0], key, 8);
	if (len > 8)
		memcpy(&k[1], key + 8, 8);
	struct memo_entry *e = m->set[lw_kb_step_hash(node, h) & (LW_MEMO_SETS - 1)];
	/* a step found second stays there: swapping the two ways to keep
	 * the most recent first cost more than the rare misses it saved */
	if (entry_is(&e[0], node, len, k))
		return &e[0];
	if (entry_is(&e[1], node, len, k))
		return &e[1];
	return step_miss(kb, e, node, key, len, h, k);
}

/* The rest of a walk from unit i whose steps reached `node` at unit k - 1,
 * with n of its hits in hits already: the phrases longer than two units,
 * out of line (a quarter of the walks get this far). */
__attribute__((noinline)) static size_t walk_on(const struct lw_kb *kb, struct lw_match_memo *memo,
						const struct lw_units *u, size_t i, size_t k,
						uint32_t node, struct lw_hit *hits, size_t n,
						size_t max)
{
	size_t stop = u->n - i < LW_KB_MAX_UNITS ? u->n : i + LW_KB_MAX_UNITS;
	for (; k < stop; k++) {
		const struct lw_unit *y = &u->u[k];
		if (y->key_len == 0 || !lw_kb_may_follow(kb, node, y->hash))
			break;
		struct memo_entry scratch;
		const struct memo_entry *to =
			step(kb, memo, node, u->keys + y->key, y->key_len, y->hash, &scratch);
		if (!to->child)
			break;
		node = to->child;
		if (to->nsense && n < max) {
			hits[n].first = (uint32_t)i;
			hits[n].end = (uint32_t)(k + 1);
			hits[n].sense = to->sense;
			hits[n].nsense = to->nsense;
			n++;
		}
		if (!to->children)
			break;
	}
	return n;
}

/* lw_match_at's walk, without the first unit's questions; inline in
 * lw_match_all's loop. The step from the root, and the filter's question
 * of the next unit, come before any loop: most walks end there (the next
 * unit continues no phrase), and walk_on takes the others. */
__attribute__((always_inline)) static inline size_t walk(const struct lw_kb *kb, struct lw_match_memo *memo,
			  const struct lw_units *u, size_t i, struct lw_hit *hits, size_t max)
{
	const struct lw_unit *x = &u->u[i];
	struct memo_entry scratch;
	const struct memo_entry *to = step(kb, memo, 0, u->keys + x->key, x->key_len, x->hash, &scratch);
	if (!to->child)
		return 0;
	size_t n = 0;
	if (to->nsense && max > 0) {
		hits[0].first = (uint32_t)i;
		hits[0].end = (uint32_t)(i + 1);
		hits[0].sense = to->sense;
		hits[0].nsense = to->nsense;
		n = 1;
	}
	if (!to->children || i + 1 >= u->n)
		return n;
	const struct lw_unit *y = &u->u[i + 1];
	if (y->key_len == 0 || !lw_kb_may_follow(kb, to->child, y->hash))
		return n;
	return walk_on(kb, memo, u, i, i + 1, to->child, hits, n, max);
}

size_t lw_match_at(const struct lw_kb *kb, struct lw_match_memo *memo, const struct lw_units *u,
		   size_t i, struct lw_hit *hits, size_t max)
{
	const struct lw_unit *x = &u->u[i];
	if (x->key_len == 0 || !lw_kb_may_start(kb, x->hash))
		return 0;
	return walk(kb, memo, u, i, hits, max);
}

lw_status lw_match_all(const struct lw_kb *kb, struct lw_match_memo *memo,
		       const struct lw_units *u, struct lw_hit **out, size_t *nout)
{
	return lw_match_cased(kb, memo, u, NULL, NULL, out, nout);
}

/* lw_kb_may_start with the kb's filter of first units in locals: with
 * none, every unit may start a phrase. */
static inline int may_start(const uint64_t *f, size_t mask, uint32_t h)
{
	return !f || ((f[(h & mask) >> 6] >> (h & 63)) & 1);
}

lw_status lw_match_cased(const struct lw_kb *kb, struct lw_match_memo *memo,
			 const struct lw_units *u, int (*place_at)(const void *ctx, size_t unit),
			 const void *ctx, struct lw_hit **out, size_t *nout)
{
	/* the filters in locals: the hits' stores may alias the kb */
	const uint64_t *first = kb->filter;
	const uint64_t *lower = place_at ? kb->start_lower : NULL, *place = kb->start_place;
	size_t first_mask = kb->filter_mask, mask = kb->start_mask;
	/* without place_at (lw_match_all) or start_lower, every unit is asked
	 * what lw_match_at asks: can some phrase start with it? */
	unsigned cased = lower ? LW_UF_CAP | LW_UF_UPPER | LW_UF_INNER : 0;
	size_t n = 0, cap = u->n / 2 + LW_KB_MAX_UNITS;
	struct lw_hit *hits = malloc(cap * sizeof *hits);
	if (!hits)
		goto fail;
	for (size_t i = 0; i < u->n; i++) {
		const struct lw_unit *x = &u->u[i];
		uint32_t h = x->hash;
		if (x->key_len == 0)
			continue;
		if (!cased || (x->flags & cased)) {
			if (!may_start(first, first_mask, h))
				continue; /* a quarter of the units start no phrase */
		} else if (!lw_kb_start_bit(lower, mask, h) ||
			   (!lw_kb_start_bit(lower, mask, lw_kb_pair_hash(h, 0)) &&
			    !(i + 1 < u->n && x[1].key_len != 0 &&
			      lw_kb_start_bit(lower, mask, lw_kb_pair_hash(h, x[1].hash))))) {
			/* a unit that satisfies LW_CASE_ANY only (match.h), and
			 * is no phrase the dictionary writes in lower case, nor
			 * the start of one that goes on with the next unit: most
			 * units start none ("police"), and most that do ("the")
			 * are not followed so ("the police"), where the walk
			 * would end at its first step with no hit. It may still
			 * start a place (the place filter and place_at last,
			 * they rarely decide). The place filter leaves out the
			 * places that start with a common word, which the
			 * entity stage does not take when the text writes it in
			 * lower case: it knows the word by the text's bytes, and
			 * a unit whose key is not those bytes lower-cased
			 * ("sa'id", "saïd" for "said") is asked of place_at
			 * alone. */
			if (!((x->flags & LW_UF_LOWER) &&
			      ((x->flags & LW_UF_FOLDED) || lw_kb_start_bit(place, mask, h)) &&
			      place_at(ctx, i)))
				continue;
		}
		if (cap - n < LW_KB_MAX_UNITS) {
			struct lw_hit *nh = realloc(hits, 2 * cap * sizeof *hits);
			if (!nh)
				goto fail;
			hits = nh;
			cap *= 2;
		}
		/* with the memo known to be there, the walk inlined here asks
		 * no step whether it is */
		n += memo ? walk(kb, memo, u, i, hits + n, LW_KB_MAX_UNITS)
			  : lw_match_at(kb, NULL, u, i, hits + n, LW_KB_MAX_UNITS);
	}
	*out = hits;
	*nout = n;
	return LW_OK;
fail:
	free(hits);
	*out = NULL;
	*nout = 0;
	return LW_ENOMEM;
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

size_t lw_kb_sounds_from(const struct lw_kb *kb, uint64_t key)
{
	size_t lo = 0, hi = kb->nsounds;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (kb->sounds[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < kb->nsounds && kb->sounds[lo].key == key ? lo : kb->nsounds;
}

uint32_t lw_kb_capital_of(const struct lw_kb *kb, const char *a3)
{
	uint32_t city = UINT32_MAX;
	for (size_t i = 0; i < kb->ncountries; i++)
		if (memcmp(kb->countries[i].a3, a3, 3) == 0)
			city = kb->countries[i].capital;
	return city;
}

int lw_kb_place_close(const struct lw_kb *kb, uint32_t place, const char *name, size_t n,
		      size_t most)
{
	const struct lw_kb_place *p = &kb->places[place];
	char folded[256];
	size_t fn = lw_fold((const unsigned char *)lw_kb_str(kb, p->name_off), p->name_len, folded,
			    sizeof folded);
	return lw_sound_close(name, n, folded, fn, most);
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
