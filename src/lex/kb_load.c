/*
 * kb_load.c: map a compiled knowledge base and set up views into it.
 * Loading parses nothing: it checks the header, the section table and the
 * offsets the tables hold, and points the lookup structures at the
 * mapping. A damaged or hostile file is refused, or (in the trie, checked
 * where it is read) its damaged entries are never followed.
 */
#include "kb.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "wordset.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

static lw_status fail(lw_error *err, lw_status st, const char *path, const char *msg)
{
	if (err) {
		memset(err, 0, sizeof *err);
		err->status = st;
		err->offset = -1;
		snprintf(err->doc, sizeof err->doc, "%s", path ? path : "(memory)");
		snprintf(err->message, sizeof err->message, "%s", msg);
	}
	return st;
}

const void *lw_kb_section(const struct lw_kb *kb, enum lw_kb_section id, size_t *size)
{
	const struct lw_kb_file_header *h = (const void *)kb->base;
	const struct lw_kb_section_entry *sec = (const void *)(h + 1);
	for (uint32_t i = 0; i < h->nsections; i++) {
		if (sec[i].id == (uint32_t)id) {
			*size = (size_t)sec[i].size;
			return kb->base + sec[i].offset;
		}
	}
	*size = 0;
	return NULL;
}

static struct lw_wordset *view(struct lw_kb *kb, enum lw_kb_section id, int *bad)
{
	size_t n;
	const void *p = lw_kb_section(kb, id, &n);
	if (!p)
		return NULL;
	struct lw_wordset *ws = lw_wordset_view(p, n);
	if (!ws)
		*bad = 1;
	return ws;
}

/* Each place's name is in the pool; its admin1 and admin2 are places or
 * UINT32_MAX (none), which the + 1 turns into 0, inside any bound. */
static int place_ok(const struct lw_kb *kb, const struct lw_kb_place *p)
{
	return (uint64_t)p->name_off + p->name_len <= kb->strings_len &&
	       (uint32_t)(p->admin1 + 1) <= kb->nplaces && (uint32_t)(p->admin2 + 1) <= kb->nplaces;
}

/*
 * Every place as place_ok has it. There are some 200,000, checked once a
 * process: with SSE2 two at a time, the four admin indexes in one vector
 * and the two name ends in another, any failure kept as a set sign bit
 * (admin + 1 > nplaces as a signed compare of values with their top bit
 * flipped; name end > pool length as the borrow of pool - end, both far
 * below 2^63).
 */
static int places_ok(const struct lw_kb *kb)
{
	size_t i = 0;
#ifdef __SSE2__
	/* the layout the loads below read (x86 is little-endian) */
	_Static_assert(offsetof(struct lw_kb_place, name_len) == 4 &&
			       offsetof(struct lw_kb_place, admin2) ==
				       offsetof(struct lw_kb_place, admin1) + 4,
		       "lw_kb_place layout");
	if (kb->nplaces < (size_t)INT32_MAX) {
		const __m128i one = _mm_set1_epi32(1), flip = _mm_set1_epi32(INT32_MIN);
		const __m128i nmax = _mm_set1_epi32((int32_t)((uint32_t)kb->nplaces ^ 0x80000000u));
		const __m128i pool = _mm_set1_epi64x((long long)kb->strings_len);
		const __m128i off_mask = _mm_set1_epi64x(0xFFFFFFFFLL), len_mask = _mm_set1_epi64x(0xFFFF);
		__m128i bad_admin = _mm_setzero_si128(), bad_name = _mm_setzero_si128();
		for (; i + 2 <= kb->nplaces; i += 2) {
			const struct lw_kb_place *p = &kb->places[i];
			__m128i adm = _mm_unpacklo_epi64(_mm_loadl_epi64((const void *)&p[0].admin1),
							 _mm_loadl_epi64((const void *)&p[1].admin1));
			adm = _mm_xor_si128(_mm_add_epi32(adm, one), flip);
			bad_admin = _mm_or_si128(bad_admin, _mm_cmpgt_epi32(adm, nmax));
			/* name_off, then name_len in the low half of the next word */
			__m128i nm = _mm_unpacklo_epi64(_mm_loadl_epi64((const void *)&p[0].name_off),
							_mm_loadl_epi64((const void *)&p[1].name_off));
			__m128i end = _mm_add_epi64(_mm_and_si128(nm, off_mask),
						    _mm_and_si128(_mm_srli_epi64(nm, 32), len_mask));
			bad_name = _mm_or_si128(bad_name, _mm_sub_epi64(pool, end));
		}
		/* the sign bits: of each 32-bit lane, of each 64-bit lane */
		if ((_mm_movemask_epi8(bad_admin) & 0x8888) || (_mm_movemask_epi8(bad_name) & 0x8080))
			return 0;
	}
#endif
	for (; i < kb->nplaces; i++)
		if (!place_ok(kb, &kb->places[i]))
			return 0;
	return 1;
}

/*
 * Add the words of the wordset section `id` to the text lexicon's filter
 * of abbreviations. Call only once lw_wordset_view has accepted the
 * section: it reads the image lw_wordset_serialize writes (wordset.c),
 * whose counts the view checked: four counts (slots, words, pool bytes,
 * the longest word), the slots, each word's offset, each word's length,
 * the pool. The view leaves each word's bounds to the lookups that read
 * it: a word outside the pool (a malformed image) is skipped here.
 */
static void filter_words(struct lw_kb *kb, enum lw_kb_section id)
{
	size_t size;
	const uint32_t *h = lw_kb_section(kb, id, &size);
	if (!h)
		return;
	const uint32_t *off = h + 4 + h[0], *len = off + h[1];
	const char *pool = (const char *)(len + h[1]);
	for (size_t i = 0; i < h[1]; i++)
		if ((uint64_t)off[i] + len[i] <= h[2])
			lw_abbrev_filter_add(&kb->textlex, pool + off[i], len[i]);
}

/* Serial of the last kb loaded in this process: a kb freed and another
 * mapped at the same address still get different serials. */
static atomic_uint_fast64_t last_serial;

static lw_status setup(struct lw_kb *kb, const char *path, lw_error *err)
{
	kb->serial = (uint64_t)atomic_fetch_add(&last_serial, 1) + 1;
	const struct lw_kb_file_header *h = (const void *)kb->base;
	if (kb->size < sizeof *h || memcmp(h->magic, LW_KB_MAGIC, 8) != 0)
		return fail(err, LW_EKB, path, "not a lapwing knowledge base");
	if (h->format != LW_KB_FORMAT)
		return fail(err, LW_EVERSION, path,
			    "knowledge base made by another lapwing version: recompile it "
			    "(make, or lapwing kb compile)");
	if (h->file_size != kb->size || h->nsections > LW_KB_SEC_MAX ||
	    sizeof *h + (size_t)h->nsections * sizeof(struct lw_kb_section_entry) > kb->size)
		return fail(err, LW_EKB, path, "knowledge base truncated or damaged");
	const struct lw_kb_section_entry *sec = (const void *)(h + 1);
	for (uint32_t i = 0; i < h->nsections; i++) {
		if (sec[i].offset % 8 || sec[i].offset > kb->size ||
		    sec[i].size > kb->size - sec[i].offset)
			return fail(err, LW_EKB, path, "knowledge base section out of bounds");
	}
	int bad = 0;
	kb->abbrev_title = view(kb, LW_KB_SEC_ABBREV_TITLE, &bad);
	kb->abbrev_other = view(kb, LW_KB_SEC_ABBREV_OTHER, &bad);
	kb->starters = view(kb, LW_KB_SEC_STARTERS, &bad);
	kb->common = view(kb, LW_KB_SEC_COMMON, &bad);
	if (bad)
		return fail(err, LW_EKB, path, "knowledge base section damaged");
	size_t n;
	kb->strings = lw_kb_section(kb, LW_KB_SEC_STRINGS, &kb->strings_len);
#define ARRAY(field, count, sec)                                         \
	do {                                                             \
		kb->field = lw_kb_section(kb, sec, &n);                  \
		kb->count = n / sizeof *kb->field;                       \
		if (n % sizeof *kb->field)                               \
			return fail(err, LW_EKB, path, "knowledge base section damaged"); \
	} while (0)
	ARRAY(nodes, nnodes, LW_KB_SEC_NODES);
	ARRAY(senses, nsenses, LW_KB_SEC_SENSES);
	ARRAY(actors, nactors, LW_KB_SEC_ACTORS);
	ARRAY(periods, nperiods, LW_KB_SEC_PERIODS);
	ARRAY(places, nplaces, LW_KB_SEC_PLACES);
	ARRAY(countries, ncountries, LW_KB_SEC_COUNTRIES);
	ARRAY(sounds, nsounds, LW_KB_SEC_SOUNDS);
	ARRAY(roles, nroles, LW_KB_SEC_ROLES);
	ARRAY(triggers, ntriggers, LW_KB_SEC_TRIGGERS);
	ARRAY(acled, nacled, LW_KB_SEC_ACLED);
#undef ARRAY
	kb->edges = lw_kb_section(kb, LW_KB_SEC_EDGES, &n);
	n /= sizeof *kb->edges;
	if (n & (n - 1))
		return fail(err, LW_EKB, path, "knowledge base edge table damaged");
	kb->edge_mask = n ? n - 1 : 0;
	if (!n)
		kb->edges = NULL;
	kb->filter = lw_kb_section(kb, LW_KB_SEC_FILTER, &n);
	kb->filter_mask = n ? n * 8 - 1 : 0;
	if ((n & (n - 1)) || (n && n < 8)) /* whole words are read */
		return fail(err, LW_EKB, path, "knowledge base filter damaged");
	if (!kb->strings || kb->strings_len == 0 || kb->nnodes == 0)
		return fail(err, LW_EKB, path, "knowledge base has no names");
	/* Every offset the tables hold must stay inside the string pool and
	 * the arrays: a damaged file must not make a lookup read astray. The
	 * trie (edges, nodes and senses, a million entries) is checked where
	 * it is read, in lw_kb_child, its only way in: the edges a lookup
	 * compares, the node it hands out and that node's senses. The other
	 * tables are checked here, places in one branch-free pass that keeps
	 * the largest value it must bound. (Checking it all here cost 4 ms a
	 * process, more than coding a short text.) */
	for (size_t i = 0; i < kb->nactors; i++)
		if ((size_t)kb->actors[i].period + kb->actors[i].nperiod > kb->nperiods ||
		    (size_t)kb->actors[i].name_off + kb->actors[i].name_len > kb->strings_len)
			return fail(err, LW_EKB, path, "knowledge base actors damaged");
	if (!places_ok(kb))
		return fail(err, LW_EKB, path, "knowledge base places damaged");
	for (size_t i = 0; i < kb->ncountries; i++)
		if ((kb->countries[i].place != UINT32_MAX && kb->countries[i].place >= kb->nplaces) ||
		    (kb->countries[i].capital != UINT32_MAX && kb->countries[i].capital >= kb->nplaces))
			return fail(err, LW_EKB, path, "knowledge base countries damaged");
	/* a role's codes in a country's stories are read by their count */
	for (size_t i = 0; i < kb->nroles; i++)
		if (kb->roles[i].nalt > LW_ROLE_ALTS)
			return fail(err, LW_EKB, path, "knowledge base roles damaged");
	for (size_t i = 0; i < kb->ntriggers; i++)
		if ((size_t)kb->triggers[i].mode_off + kb->triggers[i].mode_len > kb->strings_len ||
		    kb->triggers[i].type >= 16)
			return fail(err, LW_EKB, path, "knowledge base triggers damaged");
	for (size_t i = 0; i < kb->nacled; i++) {
		const struct lw_kb_acled *a = &kb->acled[i];
		if ((size_t)a->mode_off + a->mode_len > kb->strings_len ||
		    (size_t)a->event_off + a->event_len > kb->strings_len ||
		    (size_t)a->sub_off + a->sub_len > kb->strings_len || a->type >= 16)
			return fail(err, LW_EKB, path, "knowledge base ACLED table damaged");
	}
	if (kb->strings[kb->strings_len - 1] != 0)
		return fail(err, LW_EKB, path, "knowledge base strings damaged");
	kb->follow = lw_kb_section(kb, LW_KB_SEC_FOLLOW, &n);
	kb->follow_mask = n ? n * 8 - 1 : 0;
	if ((n & (n - 1)) || (n && n < 8)) /* whole words are read */
		return fail(err, LW_EKB, path, "knowledge base filter damaged");
	/* both or neither (the matcher then asks the first filter only), of
	 * the same size */
	size_t nl, np;
	kb->start_lower = lw_kb_section(kb, LW_KB_SEC_START_LOWER, &nl);
	kb->start_place = lw_kb_section(kb, LW_KB_SEC_START_PLACE, &np);
	if (nl != np || (nl & (nl - 1)) || (nl && nl < 8))
		return fail(err, LW_EKB, path, "knowledge base filter damaged");
	if (!nl)
		kb->start_lower = kb->start_place = NULL;
	kb->start_mask = nl ? nl * 8 - 1 : 0;
	const lw_kb_info *info = lw_kb_section(kb, LW_KB_SEC_INFO, &n);
	if (info && n == sizeof *info)
		kb->info = *info;
	kb->textlex.abbrev_title = kb->abbrev_title;
	kb->textlex.abbrev_other = kb->abbrev_other;
	kb->textlex.starters = kb->starters;
	filter_words(kb, LW_KB_SEC_ABBREV_TITLE);
	filter_words(kb, LW_KB_SEC_ABBREV_OTHER);
	kb->textlex.abbrev_filtered = 1;
	kb->info.bytes = kb->size;
	return LW_OK;
}

void lw_kb_free(lw_kb *kb)
{
	if (!kb)
		return;
	lw_wordset_free(kb->abbrev_title);
	lw_wordset_free(kb->abbrev_other);
	lw_wordset_free(kb->starters);
	lw_wordset_free(kb->common);
	if (kb->mapped)
		munmap((void *)kb->base, kb->size);
	else
		free((void *)kb->base);
	free(kb);
}

lw_status lw_kb_load(const char *path, lw_kb **out, lw_error *err)
{
	*out = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		char msg[200];
		snprintf(msg, sizeof msg, "cannot open knowledge base: %s", strerror(errno));
		return fail(err, LW_EKB, path, msg);
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || st.st_size < (off_t)sizeof(struct lw_kb_file_header)) {
		close(fd);
		return fail(err, LW_EKB, path, "knowledge base empty or unreadable");
	}
	void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return fail(err, LW_EKB, path, "cannot map knowledge base");
	struct lw_kb *kb = calloc(1, sizeof *kb);
	if (!kb) {
		munmap(map, (size_t)st.st_size);
		return fail(err, LW_ENOMEM, path, "out of memory");
	}
	kb->base = map;
	kb->size = (size_t)st.st_size;
	kb->mapped = 1;
	lw_status s = setup(kb, path, err);
	if (s != LW_OK) {
		lw_kb_free(kb);
		return s;
	}
	*out = kb;
	return LW_OK;
}

lw_status lw_kb_from_memory(void *image, size_t size, lw_kb **out, lw_error *err)
{
	*out = NULL;
	struct lw_kb *kb = calloc(1, sizeof *kb);
	if (!kb) {
		free(image);
		return fail(err, LW_ENOMEM, NULL, "out of memory");
	}
	kb->base = image;
	kb->size = size;
	lw_status s = setup(kb, NULL, err);
	if (s != LW_OK) {
		lw_kb_free(kb);
		return s;
	}
	*out = kb;
	return LW_OK;
}

/* Does a sense's id index the table of its kind? */
static int sense_ok(const struct lw_kb *kb, const struct lw_kb_sense *s)
{
	switch (s->kind) {
	case LW_SENSE_ACTOR:
		return s->id < kb->nactors;
	case LW_SENSE_PLACE:
		return s->id < kb->nplaces;
	case LW_SENSE_DEMONYM:
		return s->id < kb->ncountries;
	case LW_SENSE_ROLE:
		return s->id < kb->nroles;
	case LW_SENSE_TRIGGER:
		return s->id < kb->ntriggers;
	default:
		return s->kind != 0 && s->kind < LW_SENSE_KINDS;
	}
}

/* May lw_kb_child hand out this node? Its callers index the node, the
 * senses it names and the tables those senses name, without a check.
 * (A lookup's answers are memoised by match.c, so each node is checked
 * about once per process, not once per use.) */
static int node_ok(const struct lw_kb *kb, uint32_t child)
{
	if (child >= kb->nnodes)
		return 0;
	const struct lw_kb_node *nd = &kb->nodes[child];
	if (nd->nsense && (size_t)nd->sense + nd->nsense > kb->nsenses)
		return 0;
	for (uint32_t k = 0; k < nd->nsense; k++)
		if (!sense_ok(kb, &kb->senses[nd->sense + k]))
			return 0;
	return 1;
}

uint32_t lw_kb_child(const struct lw_kb *kb, uint32_t node, const char *key, size_t len,
		     uint32_t kh)
{
	if (!kb->edges || len == 0)
		return 0;
	uint64_t h = (uint64_t)kh ^ lw_kb_edge_seed(node);
	h ^= h >> 29;
	size_t at = (size_t)h & kb->edge_mask;
	for (size_t probes = 0; probes <= kb->edge_mask; probes++) {
		const struct lw_kb_edge *e = &kb->edges[at];
		if (!e->child)
			return 0;
		/* the file's edges and nodes are checked here, not at load:
		 * the key must lie in the pool, the child be a node whose
		 * senses lie in the sense table */
		if (e->key_hash == kh && e->parent == node && e->key_len == len &&
		    (size_t)e->key_off + len <= kb->strings_len &&
		    memcmp(kb->strings + e->key_off, key, len) == 0)
			return node_ok(kb, e->child) ? e->child : 0;
		at = (at + 1) & kb->edge_mask;
	}
	return 0;
}

void lw_kb_get_info(const lw_kb *kb, lw_kb_info *info)
{
	if (kb)
		*info = kb->info;
	else
		memset(info, 0, sizeof *info);
}
