/*
 * test_match.c: the dictionary matcher's memo of trie steps and the kb's
 * filters of first units and later steps (match.c, kb.h) may change
 * nothing but speed: every lookup through them must find what a lookup in
 * the bare trie finds, across evictions, the memo's key length limit and a
 * change of knowledge base.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lapwing.h"
#include "runner.h"
#include "lex/hash.h"
#include "lex/match.h"
#include "lex/units.h"
#include "lex/wordset.h"
#include "text/utf8.h"
#include "extract/extract.h"
#include "extract/words.h"
#include "text/text.h"
#include "util/arena.h"

/* The text layer of a copy of `text` in arena a (the layer keeps
 * pointers into the bytes it reads): 1, or 0 if it could not be made. */
static int analyze(struct lw_arena *a, const char *text, const struct lw_text_lexicon *lex,
		   struct lw_text *t)
{
	char *copy = lw_arena_strndup(a, text, strlen(text));
	return copy && lw_text_analyze(a, copy, strlen(text), lex, t) == LW_OK;
}

/* Matches every unit of text with the memo and filters, one unit at a time
 * and all at once, and in the bare trie, twice (the second pass finds the
 * steps of the first in the memo); returns the hits found, or -1 if the
 * text could not be read. */
static long same_hits(const struct lw_kb *kb, const char *text)
{
	struct lw_arena a;
	lw_arena_init(&a);
	struct lw_text t;
	struct lw_units u = {0};
	long found = -1;
	if (!analyze(&a, text, &kb->textlex, &t))
		goto done;
	if (lw_make_units(&a, &t, &u) == LW_OK) {
		struct lw_match_memo *memo = lw_match_memo_for(kb);
		CHECK(memo != NULL);
		/* the kb without its filters: every step asked of the trie */
		struct lw_kb bare = *kb;
		bare.filter = NULL;
		bare.follow = NULL;
		CHECK(kb->follow != NULL);
		found = 0;
		for (int pass = 0; pass < 2; pass++) {
			struct lw_hit *all = NULL;
			size_t nall = 0, at = 0;
			CHECK_INT(lw_match_all(kb, memo, &u, &all, &nall), LW_OK);
			for (size_t i = 0; i < u.n; i++) {
				struct lw_hit want[LW_KB_MAX_UNITS], got[LW_KB_MAX_UNITS];
				size_t nw = lw_match_at(&bare, NULL, &u, i, want, LW_KB_MAX_UNITS);
				size_t ng = lw_match_at(kb, memo, &u, i, got, LW_KB_MAX_UNITS);
				CHECK_INT(ng, nw);
				if (ng == nw && memcmp(got, want, nw * sizeof *want) != 0)
					CHECK(!"memo and kb disagree on a unit's hits");
				/* lw_match_all: the same hits, unit after unit */
				if (at + nw > nall || memcmp(all + at, want, nw * sizeof *want) != 0)
					CHECK(!"lw_match_all and lw_match_at disagree");
				at += nw;
				found += (long)nw;
			}
			CHECK_INT(at, nall);
			free(all);
		}
	}
	lw_text_release(&t);
done:
	free(u.u);
	free(u.keys);
	lw_arena_release(&a);
	return found;
}

/* Units of 8, 9, 16 and 17 bytes: one and two memo words, the longest unit
 * the memo holds (LW_MEMO_KEY_MAX) and the shortest it leaves to the kb. */
static void memo_key_lengths(void)
{
	const struct lw_kb *kb = test_kb();
	if (!kb)
		return;
	const char *text = "Police in Pitlochry, Itxassou, Krishnarayapuram and Higashimatsushima "
			   "said the Krishnarayapuram road to Higashimatsushima was shut.";
	long n = same_hits(kb, text);
	CHECK(n > 8);
}

/* More distinct steps than the memo has entries: every set is evicted
 * many times over (thousands of place names, and words after them). */
static void memo_evictions(void)
{
	const struct lw_kb *kb = test_kb();
	if (!kb)
		return;
	size_t step = kb->nplaces / 20000 + 1, cap = 1 << 20, len = 0;
	char *text = malloc(cap);
	if (!text)
		return;
	for (size_t i = 0; i < kb->nplaces && len + 300 < cap; i += step) {
		const struct lw_kb_place *p = &kb->places[i];
		if (p->name_len > 200)
			continue;
		memcpy(text + len, lw_kb_str(kb, p->name_off), p->name_len);
		len += p->name_len;
		const char *tail = i % 3 ? " and the " : ". ";
		memcpy(text + len, tail, strlen(tail));
		len += strlen(tail);
	}
	text[len] = 0;
	CHECK(same_hits(kb, text) > 20000);
	free(text);
}

/* The memo belongs to one kb at a time: another kb numbers its trie
 * nodes otherwise, and a step learnt from the first must not answer for
 * the second (here: the built-in dictionaries without the gazetteer). */
static void memo_follows_kb(void)
{
	const struct lw_kb *kb = test_kb();
	if (!kb || !lw_test_slow)
		return; /* a second compile: too slow under valgrind */
	const char *dirs[] = {"data"};
	lw_kb *other = NULL;
	lw_error err;
	CHECK_INT(lw_kb_build(dirs, 1, NULL, NULL, NULL, &other, &err), LW_OK);
	if (!other)
		return;
	const char *text = "Taliban fighters attacked a police post in Kabul, Afghanistan's "
			   "capital, and in Krishnarayapuram, Afghan and Indian officials said.";
	for (int round = 0; round < 2; round++) {
		CHECK(same_hits(kb, text) > 10);
		CHECK(same_hits(other, text) > 10);
	}
	lw_kb_free(other);
}

/* The unit hash of a padded key (the unit pool) equals that of the bare
 * key (the dictionary compiler, the events stage): lengths 0 to 40, so
 * every tail length, and keys that differ only in trailing NULs. */
static void unit_hash_padding(void)
{
	unsigned char key[48], padded[48];
	uint32_t r = 12345;
	for (size_t n = 0; n <= 40; n++) {
		for (size_t i = 0; i < n; i++) {
			r = r * 1103515245u + 12345u;
			key[i] = (unsigned char)(r >> 16);
		}
		memset(padded, 0, sizeof padded);
		memcpy(padded, key, n);
		CHECK(lw_hash_unit(key, n) == lw_hash_unit_padded(padded, n));
		if (n < 40)
			CHECK(lw_hash_unit(padded, n) != lw_hash_unit(padded, n + 1));
	}
}

/* Checks the units of t against the slow functions (unit_fast_paths). */
static void same_units(struct lw_arena *a, const struct lw_text *t)
{
	struct lw_units u = {0};
	CHECK_INT(lw_make_units(a, t, &u), LW_OK);
	CHECK(u.n >= t->ntok);
	for (size_t i = 0; i < u.n; i++) {
		const struct lw_unit *x = &u.u[i];
		const lw_token *k = &t->tok[x->tok];
		const unsigned char *p = (const unsigned char *)t->p + x->start;
		int word = k->kind == LW_TOK_WORD || k->kind == LW_TOK_ABBREV || k->kind == LW_TOK_NUMBER;
		char key[LW_KB_UNIT_FOLD_MAX];
		size_t n = x->end - x->start;
		if (word && !(k->flags & (LW_TF_HYPHEN | LW_TF_NONASCII | LW_TF_APOS |
					  LW_TF_POSSESSIVE))) {
			/* a plain word's key is its bytes in lower case; the
			 * possessive "'s" is "s", as lw_fold_unit makes the
			 * knowledge base's "People's Party" */
			for (size_t j = 0; j < n; j++)
				key[j] = (char)lw_ascii_lower(p[j]);
		} else {
			n = lw_fold_unit(p, n, key, sizeof key);
		}
		CHECK_INT(x->key_len, n);
		CHECK(memcmp(u.keys + x->key, key, n) == 0);
		CHECK(x->hash == (uint32_t)lw_hash_unit(key, n));
		unsigned shape = LW_UF_CAP | LW_UF_UPPER | LW_UF_LOWER | LW_UF_INNER;
		int lower_tok = x->start == k->start && x->end == k->end &&
				(k->flags & (LW_TF_NONASCII | LW_TF_CAP | LW_TF_LOWER)) == LW_TF_LOWER;
		unsigned want = !word ? 0 : lower_tok ? LW_UF_LOWER : lw_unit_case(p, x->end - x->start);
		if ((x->flags & shape) != want)
			lw_check_fail(__FILE__, __LINE__, "unit \"%.*s\": case flags %u, expected %u",
				      (int)(x->end - x->start), (const char *)p, x->flags & shape, want);
		CHECK(!(x->flags & LW_UF_WORD) == !word);
		/* a mark inside a word ("Ku‘aydinah") is no unit (add_unit) */
		if (k->kind == LW_TOK_QUOTE && !(k->flags & LW_TF_SPACE_BEFORE) &&
		    x->tok + 1 < t->ntok && !(t->tok[x->tok + 1].flags & LW_TF_SPACE_BEFORE))
			CHECK(!"a unit of a mark inside a word");
	}
	free(u.u);
	free(u.keys);
}

/* Units made by lw_make_units's fast paths (plain ASCII words, marks of
 * one byte) are the units of the slow functions: the key lw_fold_unit
 * gives (a plain word's: its bytes in lower case), its lw_hash_unit, and
 * lw_unit_case's flags for every word that is not a lower-case token.
 * Words of every case shape, some longer than 8 and 16 bytes (a second
 * capital in the first, second or third 8 bytes), hyphens,
 * apostrophes and other letters (the slow path itself), marks of one and
 * more bytes, quotation marks (kept, vanishing, inside a word, last);
 * then tokens made by hand whose first letter comes after a digit ("2ND":
 * the tokenizer splits them, but units must not care). */
static void unit_fast_paths(void)
{
	const char *text =
		"NATO and McDonald's iPhone met 3Com, eBay and the U.S. Army; x Y ZZ aB Ab "
		"HIGHLYCAPITALISEDWORDS CamelCaseWordLongerThanSixteen "
		"lowercasewordlongerthansixteen A9 9A 2nd 1990s (Tehrik-i-Taliban) al-Qaeda "
		"Abcdefghij AbcdefghIj AbcdefgH ABCDEFGHIJ Abcdefghijklmnopq AbcdefghijklmnoPq "
		"“Über” Zürich — don't ... ! ? % $ & Ⅻ said. He said \"no\" and ‘maybe’ "
		"'perhaps' „low‟ in Ku‘aydinah, Ku'aydinah «so» \"";
	struct lw_arena a;
	lw_arena_init(&a);
	struct lw_text t;
	int ok = analyze(&a, text, NULL, &t);
	CHECK(ok);
	if (ok) {
		CHECK(t.ntok > 40);
		same_units(&a, &t);
		lw_text_release(&t);
	}
	static const char digits[] = "2ND 9Ab 7xY 1990S";
	lw_token tok[] = {{0, 3, LW_TOK_NUMBER, LW_TF_DIGIT},
			  {4, 7, LW_TOK_NUMBER, LW_TF_DIGIT | LW_TF_SPACE_BEFORE},
			  {8, 11, LW_TOK_NUMBER, LW_TF_DIGIT | LW_TF_SPACE_BEFORE},
			  {12, 17, LW_TOK_NUMBER, LW_TF_DIGIT | LW_TF_SPACE_BEFORE}};
	struct lw_text hand = {0};
	hand.p = digits;
	hand.len = sizeof digits - 1;
	hand.tok = tok;
	hand.ntok = sizeof tok / sizeof *tok;
	same_units(&a, &hand);
	lw_arena_release(&a);
}

/* The token whose bytes are w, from token `from` on (ntok if none). */
static size_t token_of(const struct lw_text *t, const char *w, size_t from)
{
	size_t n = strlen(w);
	for (size_t k = from; k < t->ntok; k++)
		if (lw_tok_len(&t->tok[k]) == n && memcmp(t->p + t->tok[k].start, w, n) == 0)
			return k;
	return t->ntok;
}

/*
 * lw_make_units_and_words, which looks the plain words up as it makes
 * their units, gives the units of lw_make_units and the word ids, date
 * ids and classes lw_token_words gives over them, token by token: words
 * of the table in every case, longer than 8 bytes, hyphenated, with an
 * apostrophe, abbreviations, numbers, marks, and a word of the table as
 * the last token (the end of a text is made by the slow path).
 */
static void units_and_words(void)
{
	const char *text =
		"The army said on Monday, March 3, that the attack in March and a march against "
		"the THE government (whose headquarters were hit) didn't stop; al-Qaeda's "
		"Jan. 5 statement \"could\" continue elsewhere. Searching for them, the";
	struct lw_arena a;
	lw_arena_init(&a);
	struct lw_text t;
	int ok = analyze(&a, text, NULL, &t);
	CHECK(ok);
	if (!ok) {
		lw_arena_release(&a);
		return;
	}
	struct lw_extract one, two;
	memset(&one, 0, sizeof one);
	memset(&two, 0, sizeof two);
	one.t = two.t = &t;
	one.arena = two.arena = &a;
	CHECK_INT(lw_make_units_and_words(&one), LW_OK);
	CHECK_INT(lw_make_units(&a, &t, &two.u), LW_OK);
	two.unit_at = two.u.tok_first;
	CHECK_INT(lw_token_words(&two), LW_OK);
	if (one.evw && two.evw && one.u.u && two.u.u) {
		CHECK_INT(one.u.n, two.u.n);
		for (size_t i = 0; i < one.u.n && i < two.u.n; i++) {
			const struct lw_unit *x = &one.u.u[i], *y = &two.u.u[i];
			CHECK(memcmp(x, y, sizeof *x) == 0);
			CHECK(memcmp(one.u.keys + x->key, two.u.keys + y->key, x->key_len) == 0);
		}
		for (size_t k = 0; k < t.ntok; k++) {
			CHECK_INT(one.evf[k], two.evf[k]);
			CHECK_INT(one.evw[k], two.evw[k]);
			CHECK_INT(one.evdw[k], two.evdw[k]);
			CHECK_INT(one.unit_at[k], two.unit_at[k]);
		}
		/* and what they agree on is the table's: "the" in three cases,
		 * the last token too; a capitalised month starts a date, a
		 * march does not */
		size_t k = token_of(&t, "The", 0);
		CHECK(k < t.ntok && one.evw[k] == W_THE);
		k = token_of(&t, "THE", 0);
		CHECK(k < t.ntok && one.evw[k] == W_THE);
		CHECK_INT(one.evw[t.ntok - 1], W_THE);
		k = token_of(&t, "March", 0);
		CHECK(k < t.ntok && (one.evf[k] & LW_EVF_DATE));
		k = token_of(&t, "march", 0);
		CHECK(k < t.ntok && !(one.evf[k] & LW_EVF_DATE));
		k = token_of(&t, "against", 0);
		CHECK(k < t.ntok && one.evw[k] == W_AGAINST);
	}
	lw_extract_release(&one);
	lw_extract_release(&two);
	lw_text_release(&t);
	lw_arena_release(&a);
}

/* place_at of lw_match_cased: yes at every unit, at none, or at the units
 * of odd index (ctx points to 1, 0 or 2). */
static int place_at_test(const void *ctx, size_t unit)
{
	int mode = *(const int *)ctx;
	return mode == 1 || (mode == 2 && unit % 2);
}

/* How many hits of all, from all[at] on, start at unit `unit`. */
static size_t unit_hits(const struct lw_hit *all, size_t n, size_t at, size_t unit)
{
	size_t e = at;
	while (e < n && all[e].first == unit)
		e++;
	return e - at;
}

/*
 * lw_match_cased leaves out only walks none of whose hits the entity stage
 * keeps: each unit has either lw_match_all's hits, or none; and a unit
 * left out has no hit with a sense whose case rules its units satisfy, nor
 * a place of a kind other than LW_PK_OTHER where the unit is in lower case,
 * no common word, and place_at says yes. Returns the units left out that lw_match_all
 * walked with hits, or -1 if the text could not be read.
 */
static long cased_hits(const struct lw_kb *kb, const char *text, int mode, const char *walked)
{
	struct lw_arena a;
	lw_arena_init(&a);
	struct lw_text t;
	struct lw_units u = {0};
	long skipped = -1;
	if (!analyze(&a, text, &kb->textlex, &t))
		goto done;
	if (lw_make_units(&a, &t, &u) == LW_OK) {
		struct lw_match_memo *memo = lw_match_memo_for(kb);
		struct lw_hit *all = NULL, *cased = NULL;
		size_t nall = 0, ncased = 0, ia = 0, ic = 0;
		CHECK_INT(lw_match_all(kb, memo, &u, &all, &nall), LW_OK);
		CHECK_INT(lw_match_cased(kb, memo, &u, place_at_test, &mode, &cased, &ncased), LW_OK);
		skipped = 0;
		for (size_t i = 0; i < u.n; i++) {
			size_t na = unit_hits(all, nall, ia, i), nc = unit_hits(cased, ncased, ic, i);
			const struct lw_unit *x = &u.u[i];
			int is_walked = walked && x->key_len == strlen(walked) &&
					memcmp(u.keys + x->key, walked, x->key_len) == 0;
			if (nc > 0) {
				CHECK_INT(nc, na);
				if (nc == na && memcmp(cased + ic, all + ia, na * sizeof *all) != 0)
					CHECK(!"lw_match_cased and lw_match_all disagree on a unit");
			} else if (na > 0) {
				skipped++;
				CHECK(!is_walked);
				/* a place written in lower case, unless its first
				 * word is a common word the text writes as the
				 * key ("said" for "Said") */
				int common = !(x->flags & LW_UF_FOLDED) &&
					     lw_wordset_has_hashed(kb->common, u.keys + x->key,
								   x->key_len, x->hash);
				int lower_place = (x->flags & LW_UF_LOWER) && !common &&
						  place_at_test(&mode, i);
				for (size_t h = ia; h < ia + na; h++) {
					const struct lw_kb_sense *s = &kb->senses[all[h].sense];
					for (uint32_t k = 0; k < all[h].nsense; k++, s++) {
						if (lw_case_ok(s, x, all[h].end - all[h].first))
							CHECK(!"a walk left out whose hit passes its case rules");
						if (lower_place && s->kind == LW_SENSE_PLACE &&
						    kb->places[s->id].kind != LW_PK_OTHER)
							CHECK(!"a walk left out with a place where place_at says yes");
					}
				}
			}
			ia += na;
			ic += nc;
		}
		CHECK_INT(ia, nall);
		CHECK_INT(ic, ncased);
		free(all);
		free(cased);
	}
	lw_text_release(&t);
done:
	free(u.u);
	free(u.keys);
	lw_arena_release(&a);
	return skipped;
}

/* A text of lower-case words that begin names ("said", "the", "of",
 * "kabul" after "in"), shouted and sentence-initial capitals: walks are
 * left out only where no hit could be kept, lower-case "kabul" is walked
 * where place_at allows it, and the capitalised words always are. */
static void cased_walks(void)
{
	const struct lw_kb *kb = test_kb();
	if (!kb)
		return;
	const char *text = "Said police said the attack in kabul killed three of the guards. "
			   "THE TALIBAN SAID IN KABUL THAT THE US WAS TO BLAME. the minister of "
			   "defence in peshawar, Pakistan, and LeT and JeM leaders in lahore said so; "
			   "in 2015 -- 300 dead -- the hague court in the Hague ruled, as in "
			   "said, in sa'id and in saïd.";
	CHECK(cased_hits(kb, text, 0, "said") > 0);
	CHECK(cased_hits(kb, text, 1, "kabul") > 0);
	CHECK(cased_hits(kb, text, 2, NULL) > 0);
	/* without place_at, a lower-case place is not walked unless some
	 * lower-case phrase starts with it */
	CHECK(cased_hits(kb, "rebels in kabul", 0, NULL) >= 1);
	CHECK_INT(cased_hits(kb, "rebels in kabul", 1, NULL), 0);
	CHECK_INT(cased_hits(kb, "Rebels In Kabul Said", 0, NULL), 0);
	/* a lower-case phrase of two units ("at least") is walked from its
	 * first unit, whether that unit alone is a phrase or not */
	CHECK(cased_hits(kb, "police killed at least 12 people", 0, "at") >= 0);
}

/* Every word the entities stage lists is one words.h gives an id. */
static void entity_words_known(void)
{
	const char *missing = lw_ent_words_unknown();
	if (missing)
		lw_check_fail(__FILE__, __LINE__, "\"%s\" is in ent_lists but not in words.h", missing);
}

/* The apostrophe of a plural possessive is no quotation mark; a single
 * mark that closes a quoted phrase ending in s still is one. */
static void plural_possessive_marks(void)
{
	static const char text[] = "Gunmen set the girls' school ablaze. They protested against "
				   "'false promises' made by the council. The girls' \"shelter\" "
				   "burned.\n\nThe boys' Hostel and the boys'";
	struct lw_arena a;
	lw_arena_init(&a);
	struct lw_text t;
	int ok = analyze(&a, text, NULL, &t);
	CHECK(ok);
	if (ok) {
		size_t girls = token_of(&t, "girls", 0);
		CHECK(girls + 1 < t.ntok && lw_tok_plural_possessive(&t, girls + 1));
		size_t promises = token_of(&t, "promises", 0);
		CHECK(promises + 1 < t.ntok && !lw_tok_plural_possessive(&t, promises + 1));
		size_t girls2 = token_of(&t, "girls", girls + 1);
		CHECK(girls2 + 1 < t.ntok && !lw_tok_plural_possessive(&t, girls2 + 1)); /* a mark next */
		size_t boys = token_of(&t, "boys", 0);
		CHECK(boys + 1 < t.ntok && !lw_tok_plural_possessive(&t, boys + 1)); /* a capital next */
		size_t boys2 = token_of(&t, "boys", boys + 1);
		CHECK(boys2 + 1 < t.ntok && !lw_tok_plural_possessive(&t, boys2 + 1)); /* the end */
		CHECK(!lw_tok_plural_possessive(&t, 0));
		lw_text_release(&t);
	}
	lw_arena_release(&a);
}

LW_TESTS(match_tests) = {
	{"match/entity_words_known", entity_words_known},
	{"match/unit_hash_padding", unit_hash_padding},
	{"match/unit_fast_paths", unit_fast_paths},
	{"match/units_and_words", units_and_words},
	{"match/memo_key_lengths", memo_key_lengths},
	{"match/memo_evictions", memo_evictions},
	{"match/memo_follows_kb", memo_follows_kb},
	{"match/cased_walks", cased_walks},
	{"text: the apostrophe of a plural possessive", plural_possessive_marks},
	LW_END_TESTS,
};
