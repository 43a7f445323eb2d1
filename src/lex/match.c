/*
 * match.c: dictionary lookups over units. See match.h.
 */
#include "match.h"

#include <string.h>

size_t lw_match_at(const struct lw_kb *kb, const struct lw_units *u, size_t i,
		   struct lw_hit *hits, size_t max)
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
		node = lw_kb_child(kb, node, u->keys + y->key, y->key_len, y->hash);
		if (!node)
			break;
		if (kb->nodes[node].nsense && n < max) {
			hits[n].first = (uint32_t)i;
			hits[n].end = (uint32_t)(k + 1);
			hits[n].node = node;
			n++;
		}
		if (kb->nodes[node].nchild == 0)
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
