/*
 * match.h: dictionary lookups over a text's units: every phrase of the
 * knowledge base that starts at a unit, with the senses whose case rules
 * the text satisfies.
 */
#ifndef LW_MATCH_H
#define LW_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "kb.h"
#include "units.h"

struct lw_hit {
	uint32_t first, end; /* units [first, end) */
	uint32_t sense, nsense; /* the senses of the phrase: kb->senses[sense...] */
};

/*
 * A memo of trie steps, (parent node, unit) -> child, found or not. Word
 * frequencies are Zipfian: a few thousand steps ("the", "said", "in the")
 * make nearly all the lookups of a corpus, and each step in the kb's
 * 10 MB edge table, 9 MB string pool and 2 MB node array costs up to three
 * cache misses. The memo keeps the hot steps in 512 KiB, which stays in
 * the L2 cache of one core. It is per thread (the kb is shared read-only
 * between the threads that code documents), kept from document to
 * document, and emptied when the thread moves to another kb.
 */
struct lw_match_memo;

/*
 * The calling thread's memo, set up for kb; NULL when memory is short
 * (lw_match_at then goes to the kb for every step: same results, slower).
 * Owned by the thread: freed when it exits; valid until then or until the
 * thread's next call with another kb. Never share it between threads.
 */
struct lw_match_memo *lw_match_memo_for(const struct lw_kb *kb);

/*
 * The phrases that start at unit i, shortest first, into hits (at most
 * max). Only nodes with senses are reported. Returns the number found.
 * memo (from lw_match_memo_for(kb), or NULL) only makes it faster.
 */
size_t lw_match_at(const struct lw_kb *kb, struct lw_match_memo *memo, const struct lw_units *u,
		   size_t i, struct lw_hit *hits, size_t max);

/*
 * lw_match_at of every unit in order, in one call: the hits of the first
 * unit, shortest first, then the next unit's... *out (malloc()ed, the
 * caller frees it) gets *nout hits. Returns LW_ENOMEM (*out NULL, no
 * hits) when memory is short.
 */
lw_status lw_match_all(const struct lw_kb *kb, struct lw_match_memo *memo,
		       const struct lw_units *u, struct lw_hit **out, size_t *nout);

/*
 * lw_match_all without the walks none of whose hits the entity stage
 * keeps. A unit in lower case, or of no case ("3", "--"), satisfies no
 * case rule but LW_CASE_ANY for its first unit (lw_case_ok), and most
 * units are such words ("the", "said", "in") while most phrases they start
 * are names ("Said", "The Hague"): from such a unit the walk is taken only
 * if a phrase the dictionary writes in lower case is that unit alone or
 * goes on with the next unit, or if some place (not of kind LW_PK_OTHER)
 * starts with it and place_at(ctx, i) says a place written in lower case
 * may start at unit i (the entity stage takes one after "in", "at"...,
 * unless its first word is a common word: kb.h, start_place). The hits
 * found are lw_match_all's for every unit walked; a unit not walked has no
 * hit with a sense whose case rules its units satisfy, nor a place of
 * another kind than LW_PK_OTHER if the unit is in lower case, place_at
 * says yes and the unit is no common word written as its key (a unit with
 * LW_UF_FOLDED counts as none). Without place_at (NULL), or with a kb without the
 * filters it asks (kb.h: start_lower), it is lw_match_all.
 */
lw_status lw_match_cased(const struct lw_kb *kb, struct lw_match_memo *memo,
			 const struct lw_units *u, int (*place_at)(const void *ctx, size_t unit),
			 const void *ctx, struct lw_hit **out, size_t *nout);

/* Does the text's units [first, first+n) satisfy the sense's case rules?
 * Inline: the entity stage asks it of most hits, and a unit's rule is a
 * table look-up. */
static inline int lw_case_ok(const struct lw_kb_sense *s, const struct lw_unit *units, size_t n)
{
	/* by rule (LW_CASE_*): the unit flags of which one must be set, or 0 */
	static const uint16_t need[4] = {0, LW_UF_CAP | LW_UF_UPPER, LW_UF_UPPER,
					 LW_UF_UPPER | LW_UF_INNER};
	/* the mask runs out when the remaining units may be written any way
	 * (most senses: words in lower case in the dictionary) */
	uint32_t mask = s->casemask;
	for (size_t i = 0; mask && i < n && i < LW_KB_MAX_UNITS; i++, mask >>= 2) {
		unsigned want = need[mask & 3];
		if (want && !(units[i].flags & want))
			return 0;
	}
	return 1;
}

/* Does the text write it exactly as the dictionary (no ALL CAPS variant)?
 * Used to prefer "JEM" the acronym over "JeM" written in capitals. */
int lw_case_exact(const struct lw_kb_sense *s, const struct lw_unit *units, size_t n);

/* The code valid on `day` (days since 1970-01-01; INT32_MIN: unknown date)
 * of an actor: the period that contains the day, else the nearest one,
 * else (no date) the latest. */
/* The first of the kb's places by sound (kb->sounds) whose key is `key`, or
 * kb->nsounds: the entries of the key follow it. */
size_t lw_kb_sounds_from(const struct lw_kb *kb, uint64_t key);
/* The capital city (a place index) of the country a3, or UINT32_MAX. */
uint32_t lw_kb_capital_of(const struct lw_kb *kb, const char *a3);

/* Is the name of kb place `place` the folded name[0, n) spelled otherwise
 * (lw_sound_close, at most `most` edits)? */
int lw_kb_place_close(const struct lw_kb *kb, uint32_t place, const char *name, size_t n,
		      size_t most);

const struct lw_kb_period *lw_actor_period(const struct lw_kb *kb, const struct lw_kb_actor *a,
					   int32_t day);

#endif
