/*
 * test_kb_load.c: a damaged knowledge base never makes a lookup read
 * astray. The loader checks the trie where lw_kb_child reads it (edges,
 * the node handed out, that node's senses), a word set's slots and words
 * where a lookup reads them, and the other tables at load;
 * each test damages one field of a copy of the test kb and asserts the
 * lookup misses or the load is refused. Under the sanitizer build the
 * copy is exactly the file's size, so a read past it would be caught.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lapwing.h"
#include "runner.h"
#include "lex/hash.h"
#include "lex/kb.h"
#include "lex/wordset.h"

/* The child of the root by a folded unit. */
static uint32_t child_of_root(const struct lw_kb *kb, const char *key)
{
	size_t n = strlen(key);
	return lw_kb_child(kb, 0, key, n, (uint32_t)lw_hash_unit(key, n));
}

/* The offset in the file of the edge from the root to child. */
static size_t edge_offset(const struct lw_kb *kb, uint32_t child)
{
	for (size_t i = 0; i <= kb->edge_mask; i++)
		if (kb->edges[i].parent == 0 && kb->edges[i].child == child)
			return (size_t)((const unsigned char *)&kb->edges[i] - kb->base);
	return 0;
}

/* A copy of the test kb with the 4 bytes at off set to v, loaded; the
 * load's status in *st. */
static lw_kb *damaged(size_t off, uint32_t v, lw_status *st)
{
	const struct lw_kb *kb = test_kb();
	unsigned char *image = malloc(kb->size);
	if (!image)
		return NULL;
	memcpy(image, kb->base, kb->size);
	memcpy(image + off, &v, 4);
	lw_kb *out = NULL;
	lw_error err;
	*st = lw_kb_from_memory(image, kb->size, &out, &err);
	return out;
}

#define FIELD(base, type, field) ((base) + offsetof(type, field))

/* "kabul" is a word of the test kb; each damage to its edge, its node or
 * its senses makes the lookup miss, and the rest of the trie still works. */
static void damaged_trie_misses(void)
{
	const struct lw_kb *kb = test_kb();
	uint32_t c = child_of_root(kb, "kabul");
	CHECK(c != 0);
	if (!c)
		return;
	const struct lw_kb_node *nd = &kb->nodes[c];
	CHECK(nd->nsense > 0);
	size_t e = edge_offset(kb, c);
	CHECK(e != 0);
	size_t node = (size_t)((const unsigned char *)nd - kb->base);
	size_t sense = (size_t)((const unsigned char *)&kb->senses[nd->sense] - kb->base);
	const struct {
		size_t off;
		uint32_t v;
	} damage[] = {
		{FIELD(e, struct lw_kb_edge, child), (uint32_t)kb->nnodes},
		{FIELD(e, struct lw_kb_edge, child), UINT32_MAX},
		{FIELD(e, struct lw_kb_edge, key_off), (uint32_t)kb->strings_len},
		{FIELD(e, struct lw_kb_edge, key_off), UINT32_MAX - 2},
		{FIELD(node, struct lw_kb_node, sense), (uint32_t)kb->nsenses},
		{FIELD(node, struct lw_kb_node, sense), UINT32_MAX},
		{FIELD(sense, struct lw_kb_sense, id), UINT32_MAX},
		/* kind, sub, form, flags: kind 0 and kinds past the last */
		{FIELD(sense, struct lw_kb_sense, kind), 0},
		{FIELD(sense, struct lw_kb_sense, kind), 0xFF},
	};
	for (size_t i = 0; i < sizeof damage / sizeof *damage; i++) {
		lw_status st;
		lw_kb *bad = damaged(damage[i].off, damage[i].v, &st);
		CHECK_INT(st, LW_OK);
		if (!bad)
			continue;
		if (child_of_root(bad, "kabul") != 0)
			lw_check_fail(__FILE__, __LINE__, "damage %zu: kabul still found", i);
		CHECK(child_of_root(bad, "taliban") != 0);
		lw_kb_free(bad);
	}
}

static void damaged_place_refused(const struct lw_kb *kb, size_t place);

/* The tables outside the trie are checked at load: a place's admin1 past
 * the places, or its name past the string pool, is refused. The first two
 * places and the last are damaged in turn (the check reads places two at
 * a time, and the last may be read alone). */
static void damaged_places_refused(void)
{
	const struct lw_kb *kb = test_kb();
	CHECK(kb->nplaces > 2);
	if (kb->nplaces <= 2)
		return;
	size_t which[] = {0, 1, kb->nplaces - 1};
	for (size_t w = 0; w < sizeof which / sizeof *which; w++)
		damaged_place_refused(kb, which[w]);
}

static void damaged_place_refused(const struct lw_kb *kb, size_t place)
{
	size_t p = (size_t)((const unsigned char *)&kb->places[place] - kb->base);
	const struct {
		size_t off;
		uint32_t v;
	} damage[] = {
		{FIELD(p, struct lw_kb_place, admin1), (uint32_t)kb->nplaces},
		{FIELD(p, struct lw_kb_place, admin2), UINT32_MAX - 1},
		{FIELD(p, struct lw_kb_place, name_off), (uint32_t)kb->strings_len},
	};
	for (size_t i = 0; i < sizeof damage / sizeof *damage; i++) {
		lw_status st;
		lw_kb *bad = damaged(damage[i].off, damage[i].v, &st);
		if (st != LW_EKB || bad)
			lw_check_fail(__FILE__, __LINE__, "place %zu, damage %zu: not refused", place, i);
		lw_kb_free(bad);
	}
	/* none (UINT32_MAX) is no damage */
	lw_status st;
	lw_kb *ok = damaged(FIELD(p, struct lw_kb_place, admin2), UINT32_MAX, &st);
	CHECK_INT(st, LW_OK);
	lw_kb_free(ok);
}

/* A word set's image (wordset.c) is checked where a lookup reads it: a
 * slot past the words, or a word's offset or length past the pool, makes
 * that word miss; the load is not refused, and the set's other words are
 * still found. The common-word set's first word is damaged. */
static void damaged_wordset_misses(void)
{
	const struct lw_kb *kb = test_kb();
	size_t size;
	const uint32_t *h = lw_kb_section(kb, LW_KB_SEC_COMMON, &size);
	CHECK(h != NULL && size >= 16 && h[1] >= 2);
	if (!h || size < 16 || h[1] < 2)
		return;
	uint32_t nslots = h[0], nitems = h[1], pool_len = h[2];
	const uint32_t *slot = h + 4, *off = slot + nslots, *len = off + nitems;
	const char *pool = (const char *)(len + nitems);
	const char *w0 = pool + off[0], *w1 = pool + off[1];
	size_t n0 = len[0], n1 = len[1];
	CHECK(lw_wordset_has(kb->common, w0, n0));
	CHECK(lw_wordset_has(kb->common, w1, n1));
	size_t s0 = 0; /* the slot of word 0 (slots hold index + 1) */
	while (s0 < nslots && slot[s0] != 1)
		s0++;
	CHECK(s0 < nslots);
	size_t base = (size_t)((const unsigned char *)h - kb->base);
	const struct {
		size_t off;
		uint32_t v;
	} damage[] = {
		{base + 4 * (4 + s0), nitems + 1},
		{base + 4 * (4 + s0), UINT32_MAX},
		{base + 4 * (4 + nslots), pool_len},
		{base + 4 * (4 + nslots), UINT32_MAX - 1},
		{base + 4 * (4 + nslots + nitems), UINT32_MAX},
	};
	for (size_t i = 0; i < sizeof damage / sizeof *damage; i++) {
		lw_status st;
		lw_kb *bad = damaged(damage[i].off, damage[i].v, &st);
		CHECK_INT(st, LW_OK);
		if (!bad)
			continue;
		if (lw_wordset_has(bad->common, w0, n0))
			lw_check_fail(__FILE__, __LINE__, "damage %zu: word 0 still found", i);
		CHECK(lw_wordset_has(bad->common, w1, n1));
		lw_kb_free(bad);
	}
}

/* A first-unit filter of fewer than 8 bytes is refused: the matcher
 * reads it a 64-bit word at a time. Each filter's size in the section
 * table is set to 4 (a power of two, which the check asked before). */
static void small_filter_refused(void)
{
	const struct lw_kb *kb = test_kb();
	const struct lw_kb_file_header *h = (const void *)kb->base;
	const struct lw_kb_section_entry *sec = (const void *)(h + 1);
	static const uint32_t filters[] = {LW_KB_SEC_FILTER, LW_KB_SEC_FOLLOW};
	for (size_t f = 0; f < sizeof filters / sizeof *filters; f++) {
		size_t off = 0;
		for (uint32_t i = 0; i < h->nsections; i++)
			if (sec[i].id == filters[f])
				off = (size_t)((const unsigned char *)&sec[i].size - kb->base);
		CHECK(off != 0);
		lw_status st;
		lw_kb *bad = damaged(off, 4, &st);
		CHECK(bad == NULL);
		CHECK_INT(st, LW_EKB);
		lw_kb_free(bad);
	}
}

/* The place the first PLACE entity of `text` has with kb: 1 and its
 * admin1 in *admin1 (64 bytes), 0 if it has none; -1 if coding failed. */
static int first_place(const lw_kb *kb, const char *text, char *admin1)
{
	lw_input in;
	memset(&in, 0, sizeof in);
	in.text = text;
	in.text_len = strlen(text);
	lw_doc *doc = NULL;
	lw_error err;
	if (lw_code(kb, NULL, &in, &doc, &err) != LW_OK)
		return -1;
	size_t n;
	const lw_entity *e = lw_doc_entities(doc, &n);
	int got = 0;
	for (size_t i = 0; i < n; i++)
		if (e[i].type == LW_PLACE) {
			got = e[i].has_place;
			snprintf(admin1, 64, "%.*s", (int)e[i].place.admin1.len, e[i].place.admin1.ptr);
			break;
		}
	lw_doc_free(doc);
	return got;
}

/* The places by sound are checked where the entity stage reads them: an
 * entry that points past the places is passed over, the load accepted. */
static void damaged_sounds_skipped(void)
{
	static const char text[] = "Protesters blocked a road in Faislabad on Tuesday.";
	const struct lw_kb *kb = test_kb();
	char admin1[64] = "";
	CHECK_INT(first_place(kb, text, admin1), 1);
	CHECK_STR(admin1, "Punjab");
	/* every entry of the table points nowhere */
	unsigned char *image = malloc(kb->size);
	if (!image)
		return;
	memcpy(image, kb->base, kb->size);
	size_t base = (size_t)((const unsigned char *)kb->sounds - kb->base);
	CHECK(kb->nsounds > 0);
	for (size_t i = 0; i < kb->nsounds; i++) {
		uint32_t bad = UINT32_MAX - (uint32_t)i;
		memcpy(image + base + i * sizeof *kb->sounds + offsetof(struct lw_kb_sound, place),
		       &bad, 4);
	}
	lw_kb *out = NULL;
	lw_error err;
	CHECK_INT(lw_kb_from_memory(image, kb->size, &out, &err), LW_OK);
	if (out) {
		CHECK_INT(first_place(out, text, admin1), 0);
		lw_kb_free(out);
	}
}

/* A role's count of codes in a country's stories past LW_ROLE_ALTS (its
 * arrays' size) is refused at load: the entity stage reads them by it. A
 * count within them loads. */
static void damaged_roles_refused(void)
{
	const struct lw_kb *kb = test_kb();
	CHECK(kb->nroles > 0);
	if (!kb->nroles)
		return;
	size_t r = (size_t)((const unsigned char *)&kb->roles[kb->nroles - 1] - kb->base);
	size_t off = FIELD(r, struct lw_kb_role, kind); /* kind, nalt, pad[2] as one word */
	uint32_t word;
	memcpy(&word, kb->base + off, 4);
	lw_status st;
	uint32_t bad_word = (word & ~0xff00u) | (uint32_t)(LW_ROLE_ALTS + 1) << 8;
	lw_kb *bad = damaged(off, bad_word, &st);
	CHECK_INT(st, LW_EKB);
	CHECK(bad == NULL);
	lw_kb_free(bad);
	uint32_t ok_word = (word & ~0xff00u) | (uint32_t)LW_ROLE_ALTS << 8;
	lw_kb *ok = damaged(off, ok_word, &st);
	CHECK_INT(st, LW_OK);
	lw_kb_free(ok);
}

LW_TESTS(kb_load_tests) = {
	{"kb_load/damaged_roles_refused", damaged_roles_refused},
	{"kb_load/damaged_sounds_skipped", damaged_sounds_skipped},
	{"kb_load/small_filter_refused", small_filter_refused},
	{"kb_load/damaged_trie_misses", damaged_trie_misses},
	{"kb_load/damaged_places_refused", damaged_places_refused},
	{"kb_load/damaged_wordset_misses", damaged_wordset_misses},
	LW_END_TESTS,
};
