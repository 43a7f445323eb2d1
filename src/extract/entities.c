/*
 * entities.c: people, organisations and places, each coded as an actor.
 *
 * In order:
 *  1. dictionary hits over the units (names, role words, titles, cues...),
 *     kept as annotations for every later stage;
 *  2. named mentions: the longest dictionary name at each place, its
 *     sense chosen by case, context and the document's countries (a town
 *     called "Malang" is no place in "Malang said");
 *  3. names no dictionary knows: runs of capitalised words, typed PERSON,
 *     ORG or PLACE by their context (titles, given names, organisation and
 *     place heads, prepositions, appositions, speech verbs);
 *  4. one entity, many mentions: acronym definitions ("..., or TTP"),
 *     surnames and first names of people named before, "the group";
 *  5. composite organisations ("Afghan Foreign Ministry": demonym and
 *     institution), actor codes on the document date, people's codes from
 *     their titles and appositions;
 *  6. actor and place phrases for the events stage ("Pakistani security
 *     forces" is an actor, not an entity).
 *
 * It does not attribute quotes or code events (quotes.c, events.c).
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "extract.h"
#include "../lex/match.h"
#include "../lex/sound.h"
#include "../lex/wordset.h"
#include "../text/utf8.h"
#include "../util/arena.h"
#include "words.h"

/* How far apart (in sentences) a definite description ("the group") may
 * be from the entity it names. */
#define LW_DEFINITE_SENTENCES 3
/* Tokens an apposition describing a person may run. */
#define LW_APPOSITION_TOKENS 14

/* ---- small helpers ---- */

/* Is the code field s (a char[4]) the three-letter code c? strcmp's
 * answer, its four bytes compared at once where strcmp was a call (as
 * events.c's code_is): the phrases stage asks it of every role word. */
static inline int sector_is(const char s[4], const char c[4])
{
	return memcmp(s, c, 4) == 0;
}

int lw_tok_in(const struct lw_text *t, size_t tok, const char *const *words, size_t n)
{
	if (tok >= t->ntok)
		return 0;
	unsigned char c = (unsigned char)t->p[t->tok[tok].start];
	if ((unsigned char)(c - 'A') < 26)
		c |= 0x20;
	for (size_t i = 0; i < n; i++) /* the first letter rules most words out */
		if ((unsigned char)words[i][0] == c && lw_tok_is(t, tok, words[i]))
			return 1;
	return 0;
}

int lw_tok_pronoun(const struct lw_text *t, size_t tok)
{
	static const char *const male[] = {"he", "him", "his"};
	static const char *const female[] = {"she", "her"};
	if (lw_tok_in(t, tok, male, 3))
		return 1;
	if (lw_tok_in(t, tok, female, 2))
		return 2;
	return 0;
}

static inline int is_word(const struct lw_text *t, size_t i)
{
	return i < t->ntok && t->tok[i].kind == LW_TOK_WORD && !(t->tok[i].flags & LW_TF_POSSESSIVE);
}

static inline int is_cap(const struct lw_text *t, size_t i)
{
	return is_word(t, i) && (t->tok[i].flags & (LW_TF_CAP | LW_TF_UPPER));
}

/* "al-Ward", "el-Fasher", "ash-Sham": an Arabic article, a hyphen and a
 * capitalised word, the rest of a name ("Tal al-Ward") */
static int particle_name(const struct lw_text *t, size_t i)
{
	if (!is_word(t, i) || !(t->tok[i].flags & LW_TF_HYPHEN))
		return 0;
	const char *p = t->p + t->tok[i].start;
	size_t n = lw_tok_len(&t->tok[i]);
	static const char *const art[] = {"al-", "el-", "as-", "ash-", "ad-", "an-", "ar-",
					  "at-", "az-", "ul-"};
	for (size_t k = 0; k < sizeof art / sizeof *art; k++) {
		size_t m = strlen(art[k]);
		if (n > m && memcmp(p, art[k], m) == 0)
			return (unsigned char)(p[m] - 'A') < 26;
	}
	return 0;
}

/*
 * The word lists of the stage, as classes of the word ids of words.h
 * (x->evw, lw_token_words): "is token k one of these?" reads two bytes
 * instead of comparing strings.
 */
enum {
	EC_LOCATIVE = 1 << 0, /* a town after it is said to be where things happen */
	EC_PREP = 1 << 1,     /* a place may follow (locative_before) */
	EC_REGION = 1 << 2,   /* "in northern Helmand" */
	EC_FUNCTION = 1 << 3, /* never begins a name */
	EC_GROUP_ADJ = 1 << 4, /* "the militant group" */
	EC_GROUP_HEAD = 1 << 5, /* "the group", "the organisation" */
	EC_KIN = 1 << 6,      /* ", a friend of": an apposition about a person */
	EC_APPOS_PREP = 1 << 7, /* ", a nurse at the clinic" */
	EC_PLACE_BEFORE = 1 << 8, /* "in lahore": a lower-case place may follow */
	EC_RESULT = 1 << 9,   /* "beat", "drew": a sports result (team_evidence) */
	EC_GAME = 1 << 10,    /* "innings", "match": a sentence about a game */
	EC_VERSUS = 1 << 11,  /* "v", "vs" between two teams */
	EC_CONNECTOR = 1 << 12, /* inside an organisation's name (org_connector) */
	EC_STATE_AUX = 1 << 13, /* between a state and its verb: "Turkey has condemned" */
	EC_CLAUSE_OPEN = 1 << 14 /* a clause's subject may follow: "and Iran denied" */
};

static const struct {
	unsigned cls;
	const char *const words[20];
} ent_lists[] = {
	{EC_LOCATIVE, {"in", "near", "at", "outside"}},
	{EC_PREP, {"in", "near", "at", "outside", "from", "to", "into", "across", "around", "of",
		   "toward", "towards", "inside", "through", "via", "between", "province", "district"}},
	{EC_REGION, {"northern", "southern", "eastern", "western", "central", "restive", "lower", "upper",
		     "neighbouring", "neighboring"}},
	{EC_FUNCTION, {"a", "an", "the", "in", "on", "at", "by", "for", "of", "to", "and", "or", "but",
		       "as", "if", "it", "this", "that", "these", "those"}},
	{EC_FUNCTION, {"with", "from", "his", "her", "their", "its", "our"}},
	{EC_GROUP_ADJ, {"militant", "insurgent", "terrorist", "jihadist", "armed", "extremist",
			"islamist", "rebel", "separatist", "outlawed", "banned", "proscribed", "sunni",
			"shia", "radical", "paramilitary"}},
	/* ("force" only after an adjective of the list: "the paramilitary
	 * force", not "the force", which may be the police) */
	{EC_GROUP_HEAD, {"group", "organization", "organisation", "outfit", "movement", "network",
			 "militia", "force"}},
	{EC_KIN, {"friend", "member", "resident", "father", "mother", "brother", "relative", "expert",
		  "analyst", "leader"}},
	{EC_APPOS_PREP, {"at", "for", "from", "of", "in", "with"}},
	{EC_PLACE_BEFORE, {"in", "at", "near", "outside", "from"}},
	{EC_RESULT, {"beat", "beats", "defeated", "drew", "thrashed", "edged", "routed", "downed",
		     "overcame", "trounced", "lost", "tied", "whitewashed"}},
	{EC_GAME, {"innings", "inning", "wickets", "wicket", "runs", "goals", "goal", "match",
		   "game", "games", "championship", "league", "cup", "semifinal", "semi-final",
		   "quarterfinal", "quarter-final", "qualifier", "tournament", "season"}},
	{EC_GAME, {"points", "halftime", "penalty", "penalties", "overtime"}},
	{EC_VERSUS, {"v", "vs"}},
	{EC_CONNECTOR, {"of", "for", "and", "on"}},
	{EC_STATE_AUX, {"has", "have", "had", "will", "would", "also", "later", "then"}},
	{EC_CLAUSE_OPEN, {"and", "but", "meanwhile", "as", "after", "since"}},
};

static uint16_t ent_class[W_N];
static pthread_once_t ent_class_once = PTHREAD_ONCE_INIT;
/* The word ids of EC_GROUP_HEAD, filled with ent_class: definites looks
 * for each. */
#define LW_GROUP_HEADS 20
static uint8_t group_heads[LW_GROUP_HEADS];
static size_t n_group_heads;


/* The id of a word of words.h, 0 if it is not there. The first letters
 * compared before the call: ent_class_init asks it of every listed word,
 * and the calls to strcmp were most of the process's first document. */
static int ent_word_id(const char *word)
{
	for (int id = 1; id < W_N; id++)
		if (lw_words[id][0] == word[0] && strcmp(lw_words[id], word) == 0)
			return id;
	return 0;
}

static void case_rules_init(void);

/* Each word of ent_lists must be in words.h: a token gets a class only
 * through its word id (lw_ent_words_unknown checks, in the tests). The
 * same once fills collect_hits' table of case rules. */
static void ent_class_init(void)
{
	case_rules_init();
	for (size_t l = 0; l < sizeof ent_lists / sizeof *ent_lists; l++)
		for (size_t i = 0; i < 20 && ent_lists[l].words[i]; i++) {
			int id = ent_word_id(ent_lists[l].words[i]);
			ent_class[id] |= (uint16_t)ent_lists[l].cls;
			/* each once: definites would visit a head twice */
			if (ent_lists[l].cls == EC_GROUP_HEAD && id && n_group_heads < LW_GROUP_HEADS &&
			    !memchr(group_heads, id, n_group_heads))
				group_heads[n_group_heads++] = (uint8_t)id;
		}
	ent_class[0] = 0; /* a word missing from words.h must not class every other token */
}

const char *lw_ent_words_unknown(void)
{
	for (size_t l = 0; l < sizeof ent_lists / sizeof *ent_lists; l++)
		for (size_t i = 0; i < 20 && ent_lists[l].words[i]; i++)
			if (!ent_word_id(ent_lists[l].words[i]))
				return ent_lists[l].words[i];
	return NULL;
}

/* Is token k the word id (W_*)? */
static int ew(const struct lw_extract *x, size_t k, int id)
{
	return k < x->t->ntok && x->evw[k] == id;
}

/* Is token k a word of the classes c (EC_*)? */
static int ec(const struct lw_extract *x, size_t k, unsigned c)
{
	return k < x->t->ntok && (ent_class[x->evw[k]] & c);
}

/* The first token from k on that is the word `id` (words.h), ntok if
 * none: memchr over the word ids, many tokens a step. */
static size_t next_word(const struct lw_extract *x, size_t k, uint8_t id)
{
	size_t n = x->t->ntok;
	const uint8_t *q = k < n ? memchr(x->evw + k, id, n - k) : NULL;
	return q ? (size_t)(q - x->evw) : n;
}

#define GROW(arr, n, cap, a)                                                              \
	((n) < (cap) ? 0                                                                 \
		     : ((arr) = lw_arena_grow((a), (arr), (n) * sizeof *(arr),              \
					       ((cap) = (cap) ? (cap) * 2 : 64) * sizeof *(arr))) \
			       ? 0                                                       \
			       : -1)

void lw_place_of(const struct lw_kb *kb, uint32_t id, lw_place *out)
{
	const struct lw_kb_place *pl = &kb->places[id];
	out->kind = (lw_place_kind)pl->kind;
	memcpy(out->country, pl->country, 4);
	out->admin1 = out->admin2 = (lw_str){NULL, 0};
	if (pl->admin1 != UINT32_MAX)
		out->admin1 = (lw_str){lw_kb_str(kb, kb->places[pl->admin1].name_off),
				       kb->places[pl->admin1].name_len};
	if (pl->admin2 != UINT32_MAX)
		out->admin2 = (lw_str){lw_kb_str(kb, kb->places[pl->admin2].name_off),
				       kb->places[pl->admin2].name_len};
	out->lat = (double)pl->lat;
	out->lon = (double)pl->lon;
}

void lw_district_place(const struct lw_kb *kb, uint32_t region, lw_str name, lw_place *out)
{
	const struct lw_kb_place *pr = &kb->places[region];
	out->kind = LW_PK_ADMIN2;
	memcpy(out->country, pr->country, 4);
	out->admin1 = (lw_str){lw_kb_str(kb, pr->name_off), pr->name_len};
	out->admin2 = name;
	out->lat = out->lon = NAN;
}

lw_str lw_ent_name(const struct lw_extract *x, const struct lw_ent *e)
{
	lw_str s = {NULL, 0};
	if (e->actor != UINT32_MAX) {
		const struct lw_kb_actor *a = &x->kb->actors[e->actor];
		s.ptr = lw_kb_str(x->kb, a->name_off);
		s.len = a->name_len;
	} else if (e->place != UINT32_MAX) {
		const struct lw_kb_place *p = &x->kb->places[e->place];
		s.ptr = lw_kb_str(x->kb, p->name_off);
		s.len = p->name_len;
	} else {
		s.ptr = x->t->p + e->name.start;
		s.len = e->name.end - e->name.start;
	}
	return s;
}

void lw_extract_release(struct lw_extract *x)
{
	free(x->ann);
	x->ann = NULL;
	free(x->name_ann);
	x->name_ann = NULL;
	free(x->u.u);
	free(x->u.keys);
	x->u.u = NULL;
	x->u.keys = NULL;
}

/* ---- 1. dictionary hits ---- */

static int cmp_ann(const void *a, const void *b)
{
	const struct lw_ann *x = a, *y = b;
	if (x->first_unit != y->first_unit)
		return x->first_unit < y->first_unit ? -1 : 1;
	if (x->end_unit != y->end_unit)
		return x->end_unit > y->end_unit ? -1 : 1; /* longest first */
	return x->sense < y->sense ? -1 : x->sense > y->sense;
}

/*
 * The case rules of a unit, as a table: bit r of case_rules[f] says whether
 * a unit whose case flags are f (LW_UF_CAP | LW_UF_UPPER | LW_UF_INNER, the
 * flags lw_case_ok reads) passes the rule r (LW_CASE_*). Filled once from
 * lw_case_ok itself, so that the two cannot disagree; collect_hits then
 * checks the first unit of a sense with a shift instead of a loop and a
 * branch on the rule.
 */
#define CASE_FLAGS (LW_UF_CAP | LW_UF_UPPER | LW_UF_LOWER | LW_UF_INNER)
static uint8_t case_rules[CASE_FLAGS + 1];

static void case_rules_init(void)
{
	for (unsigned f = 0; f <= CASE_FLAGS; f++) {
		struct lw_unit u = {.flags = (uint16_t)f};
		for (unsigned r = 0; r < 4; r++) {
			struct lw_kb_sense probe = {.casemask = r};
			if (lw_case_ok(&probe, &u, 1))
				case_rules[f] |= (uint8_t)(1u << r);
		}
	}
}

/* lw_case_ok of sense s over units [0, n), where rules0 is case_rules of
 * the first unit: the rule of the first unit by table, the loop only for
 * the few senses with a rule for a later unit. */
static int case_ok(const struct lw_kb_sense *s, unsigned rules0, const struct lw_unit *units,
		   size_t n)
{
	uint32_t mask = s->casemask;
	if (!((rules0 >> (mask & 3)) & 1))
		return 0;
	return (mask >> 2) == 0 || lw_case_ok(s, units, n);
}

static int common_word(const struct lw_extract *x, size_t tok);

/*
 * A place name written in lower case, as scraped and hurried local news
 * has it ("protested in lahore for ...", "clashes in imphal last night"):
 * taken between a word of place ("in", "at", "near", "outside", "from")
 * and the end of the phrase (punctuation, or a word of the short list
 * below) when no word of it is a common English word ("in march"), none
 * is hyphenated ("in the far-west province"), it has four letters or more,
 * and the knowledge base knows it as a country, province, district or
 * city. A lower-case word before a noun is its modifier, not a place ("in
 * claymore mines"). Not inlined: collect_hits asks it of few senses, and
 * its loop keeps its registers without it.
 */
__attribute__((noinline)) static int lower_place_ok(const struct lw_extract *x,
						     const struct lw_kb_sense *s,
						     const struct lw_unit *u, size_t n)
{
	static const char *const after[] = {"and", "or", "but", "for", "as", "on", "to", "in",
					    "at", "of", "during", "after", "when", "where", "while",
					    "which", "who", "last", "yesterday", "today", "city",
					    "district", "town", "village", "province", "area"};
	const struct lw_text *t = x->t;
	size_t e = u[n - 1].tok + 1;
	/* the word of place before the first token is collect_hits' test
	 * (once for all the senses of a unit); the common-word lookups
	 * last, they cost the most */
	if (x->kb->places[s->id].kind == LW_PK_OTHER)
		return 0;
	size_t letters = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(u[i].flags & LW_UF_LOWER) || (t->tok[u[i].tok].flags & LW_TF_HYPHEN))
			return 0;
		letters += u[i].end - u[i].start;
	}
	if (letters < 4)
		return 0;
	if (!(e >= t->ntok || t->tok[e].kind == LW_TOK_TERM || t->tok[e].kind == LW_TOK_PUNCT ||
	      lw_tok_in(t, e, after, sizeof after / sizeof *after)))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (common_word(x, u[i].tok))
			return 0;
	return 1;
}

/* The senses the named mentions and the document's countries read:
 * the few annotations of x->name_ann. */
#define NAME_KINDS (1u << LW_SENSE_ACTOR | 1u << LW_SENSE_PLACE | 1u << LW_SENSE_DEMONYM)

/* Entries of x->ann_at that collect_hits stores at once at each unit. */
#define ANN_AT_RUN 8

/* lw_match_cased's place_at: may a place written in lower case start at
 * unit i? Only after a word of place (lower_place_ok's first test, which
 * collect_hits asks as place_before). */
static int lower_place_at(const void *ctx, size_t i)
{
	const struct lw_extract *x = ctx;
	uint32_t ft = x->u.u[i].tok;
	return ft > 0 && ec(x, ft - 1, EC_PLACE_BEFORE);
}

/* collect_hits' arrays (malloc()ed) grown to hold `need` entries or more;
 * on failure they stay as they were, to be freed by the caller. */
static int grow_ann(struct lw_ann **ann, uint32_t **names, size_t *cap, size_t need)
{
	size_t n = *cap + *cap / 2;
	if (n < need)
		n = need;
	struct lw_ann *a = realloc(*ann, n * sizeof *a);
	if (!a)
		return -1;
	*ann = a;
	uint32_t *m = realloc(*names, n * sizeof *m);
	if (!m)
		return -1;
	*names = m;
	*cap = n;
	return 0;
}

/* The dictionary hits over the units, and the indexes of them by token
 * (x->ann_at, x->ann_kinds) and by kind (x->name_ann), in one pass. */
static lw_status collect_hits(struct lw_extract *x)
{
	const struct lw_kb *kb = x->kb;
	struct lw_match_memo *memo = lw_match_memo_for(kb);
	const struct lw_unit *units = x->u.u;
	size_t ntok = x->t->ntok;
	/* ANN_AT_RUN entries of slack: collect_hits stores them in one go */
	uint32_t *ann_at = lw_arena_alloc(x->arena, (ntok + 1 + ANN_AT_RUN) * sizeof *ann_at);
	uint16_t *kinds = lw_arena_calloc(x->arena, ntok + 1, sizeof *kinds);
	x->ann_at = ann_at;
	x->ann_kinds = kinds;
	if (!ann_at || !kinds)
		return LW_ENOMEM;
	/* all units' phrases in one call: the walk stays in the matcher's
	 * loop. Without the walks from a unit whose case no sense they reach
	 * allows (a lower-case "said" before the place "Said"): their hits
	 * would all fail case_ok below, and lower_place_ok where
	 * lower_place_at says no (match.h) */
	struct lw_hit *hits;
	size_t nhits;
	if (lw_match_cased(kb, memo, &x->u, lower_place_at, x, &hits, &nhits) != LW_OK)
		return LW_ENOMEM;
	/* room for every sense of a unit's hits, made when the unit is
	 * reached (its hits are counted there anyway): the loop over the
	 * senses then has no test of room, and the few senses whose case
	 * fails waste little. A first pass over all the hits to size the
	 * arrays read them twice, the second time mostly out of the cache.
	 * Most texts' hits have about one sense each: room for that many
	 * and a half, grown by half again when short. On the heap: a long
	 * text has millions (see scan.re). */
	size_t cap = nhits + nhits / 2 + 16;
	struct lw_ann *ann = malloc(cap * sizeof *ann);
	uint32_t *names = malloc(cap * sizeof *names);
	if (!ann || !names)
		goto fail;
	/* the annotations in locals: their stores may alias the hits */
	size_t nann = 0, nnames = 0, tok = 0;
	for (size_t g = 0; g < nhits;) {
		/* a unit's hits come shortest first; longest first is the order
		 * every reader of x->ann relies on */
		size_t ge = g + 1, need = hits[g].nsense;
		while (ge < nhits && hits[ge].first == hits[g].first)
			need += hits[ge++].nsense;
		if (nann + need > cap && grow_ann(&ann, &names, &cap, nann + need))
			goto fail;
		const struct lw_unit *u0 = &units[hits[g].first];
		uint32_t ft = u0->tok;
		unsigned rules0 = case_rules[u0->flags & CASE_FLAGS];
		/* the word of place before the unit, for lower_place_ok: asked
		 * at most once a unit, and only of a place whose case fails
		 * (-1: not asked yet) */
		int place_before = -1;
		unsigned kmask = 0; /* the kinds of this unit's annotations */
		/* the tokens up to this first token have the next annotation
		 * as their first from there on, whether this unit's or a later
		 * one's. Most gaps between units with hits are shorter than
		 * ANN_AT_RUN tokens: one fixed run of stores (vector stores,
		 * past ft into the slack or into entries the next unit stores
		 * again) covers them, where a loop of as many steps as the gap
		 * was a branch the CPU mispredicted at most units. */
		for (size_t i = 0; i < ANN_AT_RUN; i++)
			ann_at[tok + i] = (uint32_t)nann;
		for (size_t k = tok + ANN_AT_RUN; k <= ft; k++)
			ann_at[k] = (uint32_t)nann;
		tok = (size_t)ft + 1;
		for (size_t h = ge; h-- > g;) {
			const struct lw_hit hit = hits[h];
			const struct lw_unit *u1 = &units[hit.end - 1];
			size_t n = hit.end - hit.first;
			uint32_t et = u1->tok + 1, start = u0->start, end = u1->end;
			const struct lw_kb_sense *s = &kb->senses[hit.sense];
			for (uint32_t k = 0; k < hit.nsense; k++, s++) {
				if (!case_ok(s, rules0, u0, n)) {
					if (s->kind != LW_SENSE_PLACE)
						continue;
					if (place_before < 0)
						place_before = ft > 0 && ec(x, ft - 1, EC_PLACE_BEFORE);
					if (!place_before || !lower_place_ok(x, s, u0, n))
						continue;
				}
				unsigned bit = 1u << s->kind;
				kmask |= bit;
				/* stored always, kept when a name: no branch on the kind */
				names[nnames] = (uint32_t)nann;
				nnames += (NAME_KINDS & bit) != 0;
				/* field by field: a struct copied whole went through
				 * the stack, its wide load waiting on the narrow
				 * stores of the sense and kind */
				struct lw_ann *o = &ann[nann++];
				o->first_unit = hit.first;
				o->end_unit = hit.end;
				o->first_tok = ft;
				o->end_tok = et;
				o->start = start;
				o->end = end;
				o->sense = hit.sense + k;
				o->kind = s->kind;
			}
		}
		kinds[ft] |= (uint16_t)kmask;
		g = ge;
	}
	free(hits);
	while (tok <= ntok)
		ann_at[tok++] = (uint32_t)nann;
	x->ann = ann;
	x->nann = nann;
	x->name_ann = names;
	x->nname_ann = nnames;
	/* units come in order, so the annotations are sorted by their first
	 * unit, longest first: no sort needed (cmp_ann states the order) */
	(void)cmp_ann;
	return LW_OK;
fail:
	free(ann);
	free(names);
	free(hits);
	return LW_ENOMEM;
}

const struct lw_ann *lw_ann_find_at(const struct lw_extract *x, size_t tok, int kind)
{
	for (size_t k = x->ann_at[tok]; k < x->nann && x->ann[k].first_tok == tok; k++)
		if (x->ann[k].kind == kind)
			return &x->ann[k];
	return NULL;
}

/* ann_whole past its first question. */
static const struct lw_ann *ann_whole_at(const struct lw_extract *x, size_t tok, int kind)
{
	const struct lw_ann *a = lw_ann_find_at(x, tok, kind);
	if (a && a->end_tok == tok + 1 && a->start == x->t->tok[tok].start &&
	    a->end == x->t->tok[tok].end)
		return a;
	return NULL;
}

/* An annotation of `kind` covering exactly the whole token `tok`. Inline,
 * the token's kinds asked first: most tokens asked (the word after each
 * run of names, for a particle; each name word, for a given name) start
 * no annotation of the kind, and the call cost more than the answer. */
static inline const struct lw_ann *ann_whole(const struct lw_extract *x, size_t tok, int kind)
{
	if (tok >= x->t->ntok || !(x->ann_kinds[tok] & (1u << kind)))
		return NULL;
	return ann_whole_at(x, tok, kind);
}

/* ---- keys to entities ---- */

#include "../lex/hash.h"

/* The first slot of a key: its bits mixed by a multiplication, the high
 * half taken. (key ^ key >> 31 kept id_key's low byte, zero for every
 * actor and place: they all began at one slot and probed past each
 * other, several slots a lookup.) */
static size_t imap_slot(const struct lw_imap *m, uint64_t key)
{
	return (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 32) & m->mask;
}

static uint32_t imap_get(const struct lw_imap *m, uint64_t key)
{
	if (!m->keys)
		return UINT32_MAX;
	key |= 1; /* never 0 */
	for (size_t i = imap_slot(m, key);; i = (i + 1) & m->mask) {
		if (m->keys[i] == 0)
			return UINT32_MAX;
		if (m->keys[i] == key)
			return m->vals[i];
	}
}

static int imap_put(struct lw_imap *m, struct lw_arena *a, uint64_t key, uint32_t val)
{
	if ((m->n + 1) * 2 > (m->keys ? m->mask + 1 : 0)) {
		size_t cap = m->keys ? (m->mask + 1) * 2 : 64;
		uint64_t *k = lw_arena_calloc(a, cap, sizeof *k);
		uint32_t *v = lw_arena_alloc(a, cap * sizeof *v);
		if (!k || !v)
			return -1;
		struct lw_imap old = *m;
		m->keys = k;
		m->vals = v;
		m->mask = cap - 1;
		m->n = 0;
		for (size_t i = 0; old.keys && i <= old.mask; i++)
			if (old.keys[i])
				imap_put(m, a, old.keys[i], old.vals[i]);
	}
	key |= 1;
	size_t i = imap_slot(m, key);
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & m->mask;
	if (!m->keys[i])
		m->n++;
	m->keys[i] = key;
	m->vals[i] = val;
	return 0;
}

enum { KEY_ACTOR = 1, KEY_PLACE, KEY_NAME, KEY_COMPOSITE, KEY_TEAM };

static uint64_t id_key(int kind, uint32_t id)
{
	return ((uint64_t)kind << 56) ^ ((uint64_t)id << 8);
}

/* Eight bytes with their ASCII capitals in lower case; other bytes (and
 * UTF-8) as they are. Each byte's low seven bits are compared with 'A'
 * and 'Z' by adding to them: no carry crosses into the next byte. */
static uint64_t fold8(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t low7 = w & ~high;
	uint64_t ge_a = low7 + (0x80 - 'A') * ones, gt_z = low7 + (0x7f - 'Z') * ones;
	uint64_t upper = (ge_a ^ gt_z) & ~w & high;
	return w | upper >> 2;
}

/* Key of a text, ASCII case folded, with a type: its first 256 bytes
 * (the rest counts by its length only), folded and hashed eight bytes a
 * step, as the units' keys are (names are looked up for every name run
 * and every single word that may be a surname). */
static uint64_t text_key(int kind, int type, const char *p, size_t n)
{
	size_t k = n < 256 ? n : 256, i = 0;
	uint64_t h = lw_hash_unit_step(lw_hash_unit_start(k), (uint64_t)kind * 1000 + (uint64_t)type);
	for (uint64_t w; i + 8 <= k; i += 8) {
		memcpy(&w, p + i, sizeof w);
		h = lw_hash_unit_step(h, fold8(w));
	}
	if (i < k) {
		uint64_t w = 0;
		memcpy(&w, p + i, k - i);
		h = lw_hash_unit_step(h, fold8(w));
	}
	return lw_hash_unit_end(h) ^ (uint64_t)n;
}

/* ---- mentions ---- */

/* Inline, as add_aref: eight arguments, most known where it is called. */
static inline struct lw_mention *add_mention(struct lw_extract *x, uint32_t start, uint32_t end,
					     uint32_t ft, uint32_t et, int type, int src, uint32_t ent)
{
	if (x->nmen >= LW_MAX_MENTIONS) {
		x->limited = 1; /* the rest of the text gets no mentions */
		return &x->scratch;
	}
	if (GROW(x->men, x->nmen, x->capmen, x->arena))
		return NULL;
	struct lw_mention *m = &x->men[x->nmen++];
	memset(m, 0, sizeof *m);
	m->start = start;
	m->end = end;
	m->first_tok = ft;
	m->end_tok = et;
	m->type = (uint8_t)type;
	m->src = (uint8_t)src;
	m->ent = ent;
	return m;
}

static uint32_t add_ent(struct lw_extract *x, int type)
{
	if (GROW(x->ents, x->nents, x->capents, x->arena))
		return UINT32_MAX;
	struct lw_ent *e = &x->ents[x->nents];
	memset(e, 0, sizeof *e);
	e->type = (uint8_t)type;
	e->actor = UINT32_MAX;
	e->place = UINT32_MAX;
	e->region = UINT32_MAX;
	return (uint32_t)x->nents++;
}

/* Mark the tokens each mention covers (index+1 of the mention; the last
 * one where mentions overlap). Mentions are added, never dropped or
 * shortened: a token marked before is covered still and gets its mark
 * written again here, so the old marks need no clearing. Past
 * LW_MAX_MENTIONS a token may carry the mark of a mention that was not
 * added: then they are cleared all the same. */
static void update_cover_from(struct lw_extract *x, size_t from);
static int counted_before(const struct lw_extract *x, size_t k);
static int before_other_country(struct lw_extract *x, size_t k);
static inline int abbrev_name_token(const struct lw_extract *x, size_t k);
static int note_parts(struct lw_extract *x, const struct lw_mention *m);

static void update_cover(struct lw_extract *x)
{
	update_cover_from(x, 0);
}

/* update_cover where the marks of the mentions before `from` are right
 * already (no mention was added, moved or dropped before it since they
 * were made): the later mentions are the last to cover their tokens, so
 * writing theirs alone gives what writing all of them gives. */
static void update_cover_from(struct lw_extract *x, size_t from)
{
	if (x->limited) {
		memset(x->cover, 0, x->t->ntok * sizeof *x->cover);
		from = 0;
	}
	for (size_t i = from; i < x->nmen; i++)
		for (uint32_t k = x->men[i].first_tok; k < x->men[i].end_tok && k < x->t->ntok; k++)
			x->cover[k] = (uint32_t)(i + 1);
}

/* ---- the document's countries ---- */

struct countries {
	char a3[32][4];
	int count[32];
	size_t n;
};

static void country_add(struct countries *c, const char *a3, int w)
{
	if (!a3[0])
		return;
	for (size_t i = 0; i < c->n; i++)
		if (memcmp(c->a3[i], a3, 3) == 0) {
			c->count[i] += w;
			return;
		}
	if (c->n < 32) {
		memcpy(c->a3[c->n], a3, 4);
		c->count[c->n++] = w;
	}
}

static int country_in(const struct countries *c, const char *a3)
{
	for (size_t i = 0; i < c->n; i++)
		if (memcmp(c->a3[i], a3, 3) == 0)
			return 1;
	return 0;
}

/* The weight the text gives country a3 (0 for none). */
static int country_weight(const struct countries *c, const char *a3)
{
	for (size_t i = 0; i < c->n; i++)
		if (memcmp(c->a3[i], a3, 3) == 0)
			return c->count[i];
	return 0;
}

/* Countries the text names (country names, demonyms, provinces), and the
 * dateline's. They decide between towns of the same name. */
/* Is token k beside a number ("26 Jan", "Sep 2015")? Asked first of
 * month_of_date: most capitals are not. */
static inline int beside_number(const struct lw_text *t, size_t k)
{
	return (k > 0 && t->tok[k - 1].kind == LW_TOK_NUMBER) ||
	       (k + 1 < t->ntok && t->tok[k + 1].kind == LW_TOK_NUMBER);
}

/* Is token k a month's name in a date, next to its day or year ("On 26
 * Jan", "Sep 2015")? Then it is no name word, though "Jan" is also a
 * given name. */
static int month_of_date(const struct lw_text *t, size_t k)
{
	return beside_number(t, k) &&
	       lw_month_number(t->p + t->tok[k].start, lw_tok_len(&t->tok[k]));
}

static inline int given_name_ann(const struct lw_extract *x, size_t tok);

/* Token k is a given name with a capitalised word after it. */
static int given_name_first(const struct lw_extract *x, size_t k)
{
	const struct lw_text *t = x->t;
	return k + 1 < t->ntok && t->tok[k + 1].kind == LW_TOK_WORD &&
	       (t->tok[k + 1].flags & LW_TF_CAP) && given_name_ann(x, k);
}

/* A province the text names at token tok (place_score prefers its
 * towns); the first LW_NPROVS mentions. */
static void prov_add(struct lw_extract *x, uint32_t place, uint32_t tok)
{
	size_t cap = sizeof x->provs / sizeof *x->provs;
	int seen = 0;
	for (size_t i = 0; i < x->nprovs; i++)
		seen |= x->provs[i] == place;
	if (x->nprovs < cap) {
		x->provs[x->nprovs] = place;
		x->prov_tok[x->nprovs++] = tok;
		x->nprov_places += !seen;
	}
}

/*
 * How the text names the province `place` (other than at token `self`,
 * the town's own name: "Saint Louis" is a town and a district of the
 * Seychelles): 2 in the sentence [s0, s1)
 * ("Police in the state of Uttar Pradesh ... in Aligarh"), 1 elsewhere in
 * a text that names at most two provinces, else 0. A page that names
 * many (a list of scores by state) says nothing of one town's.
 */
static int prov_named(const struct lw_extract *x, uint32_t place, size_t s0, size_t s1,
		      size_t self)
{
	int r = 0;
	for (size_t i = 0; i < x->nprovs; i++)
		if (x->provs[i] == place && x->prov_tok[i] != self) {
			if (x->prov_tok[i] >= s0 && x->prov_tok[i] < s1)
				return 2;
			r = x->nprov_places <= 2;
		}
	return r;
}

static int unknown_place_run(const struct lw_extract *x, size_t end_tok);

static const char *region_town_after(const struct lw_extract *x, size_t end_tok);
static int org_head_tail(const struct lw_extract *x, size_t k);

/* Do the n senses of a span (x->name_ann indexes) name countries, none
 * of them a3, as doc_countries counts them ("Taliban" inside "Tehreek-e-
 * Taliban Pakistan"; not "Washington" inside "The Washington Post")? */
static int names_other_country(const struct lw_extract *x, const uint32_t *names, size_t n,
			       const char a3[4])
{
	int other = 0;
	const struct lw_kb *kb = x->kb;
	for (size_t j = 0; j < n; j++) {
		const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[names[j]]);
		const char *c = NULL;
		const struct lw_kb_period *p;
		if (s->kind == LW_SENSE_DEMONYM)
			c = kb->countries[s->id].a3;
		else if (s->kind == LW_SENSE_PLACE)
			c = kb->places[s->id].country;
		else if (s->kind == LW_SENSE_ACTOR &&
			 (p = lw_actor_period(kb, &kb->actors[s->id], x->day)) != NULL)
			c = p->country;
		if (c && c[0] && memcmp(c, a3, 3) == 0)
			return 0;
		other |= c && c[0];
	}
	return other;
}

static void doc_countries(struct lw_extract *x, struct countries *c, struct countries *towns)
{
	memset(c, 0, sizeof *c);
	memset(towns, 0, sizeof *towns);
	const struct lw_kb *kb = x->kb;
	/* only the actor, place and demonym senses count: x->name_ann */
	const uint32_t *names = x->name_ann;
	size_t nnames = x->nname_ann;
	struct countries split; /* of provinces of one name in two countries */
	memset(&split, 0, sizeof split);
	/* the end of the longest place named from the unit `placed_from` */
	uint32_t placed_from = UINT32_MAX, placed_end = 0;
	/* the end of the longest actor's name from the unit `named_from` */
	uint32_t named_from = UINT32_MAX, named_end = 0;
	char named_a3[4] = "";
	for (size_t i = 0; i < nnames;) {
		/* the senses of one span: a town or an acronym with one reading
		 * names its country; "Hyderabad" (India, Pakistan) names none */
		const struct lw_ann *span = &x->ann[names[i]];
		size_t end = i + 1;
		while (end < nnames && x->ann[names[end]].first_unit == span->first_unit &&
		       x->ann[names[end]].end_unit == span->end_unit)
			end++;
		/* a name that begins a longer place's ("Dera" of "Dera Bugti",
		 * Syria's Daraa by another spelling) names no country of its
		 * own: the longer name comes first */
		/* (nor one inside it: "Mexico" of "New Mexico") */
		if (placed_from != UINT32_MAX && span->first_unit >= placed_from &&
		    span->end_unit <= placed_end &&
		    (span->first_unit > placed_from || span->end_unit < placed_end)) {
			i = end;
			continue;
		}
		/* nor does a name of another country inside an actor's longer
		 * name ("Taliban" of "Tehreek-e-Taliban Pakistan"): the longer
		 * name counts for its own country below */
		if (span->first_unit >= named_from && span->end_unit <= named_end &&
		    (span->first_unit > named_from || span->end_unit < named_end) &&
		    names_other_country(x, names + i, end - i, named_a3)) {
			i = end;
			continue;
		}
		for (size_t j = i; j < end; j++) {
			const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[names[j]]);
			if (s->kind == LW_SENSE_PLACE && !(s->flags & (LW_SF_COMMON | LW_SF_VARIANT)) &&
			    span->end_unit > span->first_unit + 1) {
				placed_from = span->first_unit;
				placed_end = span->end_unit;
			}
			const struct lw_kb_period *ap;
			if (s->kind == LW_SENSE_ACTOR && !(s->flags & (LW_SF_COMMON | LW_SF_VARIANT)) &&
			    span->end_unit > span->first_unit + 1 && span->end_unit > named_end &&
			    (ap = lw_actor_period(kb, &kb->actors[s->id], x->day)) != NULL && ap->country[0]) {
				named_from = span->first_unit;
				named_end = span->end_unit;
				memcpy(named_a3, ap->country, 3);
			}
		}
		int ntown = 0, nactor = 0, nprov = 0;
		const struct lw_kb_sense *town = NULL, *actor = NULL, *prov = NULL;
		/* "Michael Madhusudan College": a given name before another
		 * capitalised word begins a person's name (or one named for a
		 * person), not the sheading of the Isle of Man */
		int given = span->end_tok == span->first_tok + 1 && given_name_first(x, span->first_tok);
		/* "a Somali army officer": a people's name that is also a
		 * province elsewhere (Ethiopia's Somali Region) is the people's,
		 * unless the text puts something in it */
		int people = 0;
		for (size_t j = i; j < end; j++)
			people |= lw_ann_sense(x, &x->ann[names[j]])->kind == LW_SENSE_DEMONYM;
		if (people && span->first_tok > 0 && ec(x, span->first_tok - 1, EC_LOCATIVE))
			people = 0;
		/* "the IG police": a word of three letters or fewer in
		 * capitals that the gazetteer writes otherwise (Slovenia's Ig)
		 * is an acronym (place_score), and names no country; a
		 * dateline's or a line's label may shout a town ("JOS:") */
		int acronym = span->end_unit == span->first_unit + 1 &&
			      (x->u.u[span->first_unit].flags & LW_UF_UPPER) && span->end - span->start <= 3 &&
			      !(x->t->dateline.found && span->start < x->t->dateline.span.end) &&
			      !lw_tok_punct(x->t, span->end_tok, ':');
		for (size_t j = i; j < end; j++) {
			const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[names[j]]);
			/* a spelling the compiler made ("St. Louis" of the Seychelles'
			 * "Saint Louis") names no country: the text did not write it so */
			if ((s->flags & (LW_SF_COMMON | LW_SF_VARIANT)) ||
			    ((given || people) && s->kind == LW_SENSE_PLACE) ||
			    (acronym && s->kind == LW_SENSE_PLACE &&
			     !lw_case_exact(s, x->u.u + span->first_unit, 1)))
				continue;
			if (s->kind == LW_SENSE_DEMONYM)
				country_add(c, kb->countries[s->id].a3, 1);
			else if (s->kind == LW_SENSE_PLACE && kb->places[s->id].kind <= LW_PK_ADMIN1) {
				country_add(c, kb->places[s->id].country, 2);
				if (kb->places[s->id].kind == LW_PK_ADMIN1 &&
				    (!prov || memcmp(kb->places[prov->id].country, kb->places[s->id].country, 3)))
					nprov++, prov = s;
				if (kb->places[s->id].kind == LW_PK_ADMIN1)
					prov_add(x, s->id, span->first_tok);
			}
			else if (s->kind == LW_SENSE_PLACE &&
				 (!town || memcmp(kb->places[town->id].country, kb->places[s->id].country, 3)))
				ntown++, town = s; /* towns of one country count once */
			else if (s->kind == LW_SENSE_ACTOR)
				nactor++, actor = s;
		}
		/* a province of one name in two countries ("Punjab"); the one
		 * whose country also has a town of that name leads ("Gaza":
		 * the Gaza Strip and its city, not Mozambique's province) */
		if (nprov > 1)
			for (size_t j = i; j < end; j++) {
				const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[names[j]]);
				if (s->kind == LW_SENSE_PLACE && !(s->flags & LW_SF_COMMON) && !given &&
				    kb->places[s->id].kind == LW_PK_ADMIN1) {
					country_add(&split, kb->places[s->id].country, 1);
					int seat = 0;
					for (size_t q = i; q < end && !seat; q++) {
						const struct lw_kb_sense *o = lw_ann_sense(x, &x->ann[names[q]]);
						seat = o->kind == LW_SENSE_PLACE && !(o->flags & LW_SF_COMMON) &&
						       kb->places[o->id].kind == LW_PK_CITY &&
						       memcmp(kb->places[o->id].country,
							      kb->places[s->id].country, 3) == 0;
					}
					if (seat)
						country_add(c, kb->places[s->id].country, 1);
				}
			}
		/* towns decide between actors; between towns only where the text
		 * says "in X" (sports pages are full of towns that are teams) */
		if (ntown == 1) {
			size_t ft = span->first_tok;
			/* (not "in Shahi Khel area": the place is the longer,
			 * unknown name; "in Sirajganj Sadar upazila" and "at
			 * Tambaram Sanatorium railway station" are in the town) */
			/* nor "in Pir Koh, Dera Bugti" when Dera Bugti is a town of
			 * another country than Pir's */
			const char *rt;
			/* (so does the town of a dateline: "PESHAWAR:" files a
			 * story where it happened) */
			const lw_dateline *dl = &x->t->dateline;
			int dateline_town = dl->found && span->start >= dl->place.start &&
					    span->end <= dl->place.end;
			if ((dateline_town || (ft > 0 && ec(x, ft - 1, EC_LOCATIVE))) &&
			    !unknown_place_run(x, span->end_tok) &&
			    !((rt = region_town_after(x, span->end_tok)) &&
			      memcmp(rt, kb->places[town->id].country, 3) != 0))
				country_add(c, kb->places[town->id].country, 1);
			country_add(towns, kb->places[town->id].country, 1);
		}
		if (nactor == 1) {
			/* a news agency reports from anywhere: "(AP)" names no
			 * country of the story */
			const struct lw_kb_period *p = lw_actor_period(kb, &kb->actors[actor->id], x->day);
			if (p && p->country[0] && memcmp(p->sector, "MED", 3) != 0)
				country_add(c, p->country, 1);
		}
		i = end;
	}
	int best = 0, best_towns = 0;
	x->focus[0] = 0;
	x->dateline_focus = 0;
	x->alone_asked = 0;
	for (size_t i = 0; i < c->n; i++) {
		/* a tie of the two countries of a province's name ("Punjab":
		 * India, Pakistan) goes to the country of the towns the text
		 * names ("in front of Lahore press club") */
		int tw = 0;
		for (size_t j = 0; j < towns->n; j++)
			if (memcmp(towns->a3[j], c->a3[i], 3) == 0)
				tw = towns->count[j];
		if (c->count[i] > best ||
		    (c->count[i] == best && tw > best_towns && country_in(&split, c->a3[i]) &&
		     country_in(&split, x->focus))) {
			best = c->count[i];
			best_towns = tw;
			memcpy(x->focus, c->a3[i], 4);
		}
	}
	/* the dateline's country, when it names one, is the focus */
	const lw_dateline *dl = &x->t->dateline;
	if (dl->found) {
		/* the annotations start in text order: none past the dateline fits */
		for (size_t i = 0; i < nnames && x->ann[names[i]].start < dl->place.end; i++) {
			const struct lw_ann *a = &x->ann[names[i]];
			const struct lw_kb_sense *s = lw_ann_sense(x, a);
			if (a->start >= dl->place.start && a->end <= dl->place.end &&
			    s->kind == LW_SENSE_PLACE && kb->places[s->id].kind == LW_PK_COUNTRY) {
				memcpy(x->focus, kb->places[s->id].country, 4);
				country_add(c, x->focus, 5);
				x->dateline_focus = 1;
			}
		}
		/* and a province after its first name ("DORRIN, West Bank";
		 * not "CHARLOTTE, N.C.", St Vincent's parish) weighs for its
		 * country, deciding a tie ("Gaza" names Mozambique's province
		 * too: a name of two countries' provinces weighs for none) */
		const char *prov = NULL;
		int one = 1;
		for (size_t i = 0; i < nnames && x->ann[names[i]].start < dl->place.end; i++) {
			const struct lw_ann *a = &x->ann[names[i]];
			const struct lw_kb_sense *s = lw_ann_sense(x, a);
			if (a->start > dl->place.start && a->end <= dl->place.end &&
			    s->kind == LW_SENSE_PLACE && kb->places[s->id].kind == LW_PK_ADMIN1 &&
			    !(s->flags & (LW_SF_COMMON | LW_SF_VARIANT))) {
				one &= !prov || memcmp(prov, kb->places[s->id].country, 3) == 0;
				prov = kb->places[s->id].country;
			}
		}
		if (prov && one) {
			country_add(c, prov, 3);
			int have = 0, lead = 0;
			for (size_t i = 0; i < c->n; i++) {
				if (memcmp(c->a3[i], prov, 3) == 0)
					have = c->count[i];
				if (x->focus[0] && memcmp(c->a3[i], x->focus, 3) == 0)
					lead = c->count[i];
			}
			if (have > lead)
				memcpy(x->focus, prov, 3), x->focus[3] = 0;
		}
	}
	x->sole_country = c->n == 1;
	/* a text that names no country is about the one it was given (a
	 * national feed's "clash in Kurram" is in Pakistan); a text that
	 * names one speaks for itself */
	if (!c->n && x->given[0]) {
		memcpy(x->focus, x->given, 4);
		country_add(c, x->given, 1);
	}
}

/* ---- 2. named mentions from the dictionary ---- */

/* Does token tok, in sentence s, begin it? */
static inline int sentence_initial_in(const struct lw_text *t, size_t s, size_t tok)
{
	size_t k = t->sent[s].first_token;
	/* skip opening marks: "“Our", "(Some" */
	while (k < tok && (t->tok[k].kind == LW_TOK_QUOTE || t->tok[k].kind == LW_TOK_PUNCT ||
			   t->tok[k].kind == LW_TOK_DASH))
		k++;
	if (k == tok)
		return 1;
	/* after a colon or an opening quotation mark inside the sentence */
	const lw_token *p = &t->tok[tok - 1];
	if (tok > 0 && ((p->kind == LW_TOK_QUOTE && (p->flags & LW_TF_QUOTE_OPEN) &&
			 !(p->flags & LW_TF_QUOTE_CLOSE)) ||
			lw_tok_punct(t, tok - 1, ':')))
		return 1;
	return 0;
}

static int sentence_initial(const struct lw_text *t, size_t tok)
{
	return sentence_initial_in(t, lw_sentence_of(t, tok), tok);
}

/* Is the sentence written in capitals (a headline)? The answer is kept
 * per sentence (x->shout: 0 unknown, 1 no, 2 yes). */
static int shouting_sentence(const struct lw_text *t, size_t s);

static int shouting_in(const struct lw_extract *x, size_t s)
{
	if (!x->shout[s])
		x->shout[s] = (uint8_t)(1 + shouting_sentence(x->t, s));
	return x->shout[s] == 2;
}


static int shouting_sentence(const struct lw_text *t, size_t s)
{
	size_t words = 0, upper = 0, first = t->sent[s].first_token, end = t->sent[s].end_token;
	/* the words not in capitals may be at most 4 in 10 of the words, so
	 * at most 4 in 10 of the tokens: past that the answer is known, about
	 * half way through most sentences */
	size_t lower_max = (end - first) * 4 / 10;
	for (size_t k = first; k < end; k++) {
		if (t->tok[k].kind != LW_TOK_WORD)
			continue;
		words++;
		if (t->tok[k].flags & LW_TF_UPPER)
			upper++;
		else if (words - upper > lower_max)
			return 0;
	}
	return words >= 3 && upper * 10 >= words * 6;
}

static int locative_before(const struct lw_extract *x, size_t tok)
{
	const struct lw_text *t = x->t;
	size_t k = tok;
	/* "in the", "in northern", "in southern Helmand", "in the occupied
	 * Golan Heights", "in the war-torn" (one word in "-ed" or with a
	 * hyphen after "the") */
	while (k > 0 && k + 3 > tok &&
	       (ew(x, k - 1, W_THE) || ((t->tok[k - 1].flags & LW_TF_LOWER) && ec(x, k - 1, EC_REGION)) ||
		(k >= 2 && k == tok && ew(x, k - 2, W_THE) && t->tok[k - 1].kind == LW_TOK_WORD &&
		 (t->tok[k - 1].flags & LW_TF_LOWER) &&
		 (lw_tok_ends(t, k - 1, "ed", 2) || (t->tok[k - 1].flags & LW_TF_HYPHEN)))))
		k--;
	return k > 0 && ec(x, k - 1, EC_PREP);
}

/* "Kabul and Herat", "Helmand, Kandahar": a name after a listed place. */
/* "in Shahdra, Lahore", "in Baldia Town, Karachi", "in Tarvel town,
 * Karachi": the town after a place the text has just put somewhere (its
 * head word in lower case after its name). */
static inline int place_head_after(const struct lw_extract *x, size_t end_tok);

static int locative_apposition(const struct lw_extract *x, size_t tok)
{
	const struct lw_text *t = x->t;
	if (tok < 3 || !lw_tok_punct(t, tok - 1, ','))
		return 0;
	size_t j = tok - 1;
	/* (the head in lower case, or a town's part in capitals that is
	 * never the town: "Pir Colony, Peshawar", not "Kandahar City,
	 * Kandahar province") */
	if (j > 1 && is_cap(t, j - 2) && (x->ann_kinds[j - 1] & (1u << LW_SENSE_PLACE_HEAD)) &&
	    ((t->tok[j - 1].flags & LW_TF_LOWER) || place_head_after(x, j - 1) == LW_PK_OTHER))
		j--;
	size_t capped = j;
	while (j > 0 && capped - j < 3 && is_cap(t, j - 1))
		j--;
	return j < capped && locative_before(x, j);
}

/* "in Kelwari Karachi", "in Dorrin Mohalla Lahore": the town after the name
 * of a place in it that no dictionary knows, without the comma. One or
 * two capitalised words the knowledge base has nothing for stand between
 * a word of place and the name, which ends the run. */
static int locative_suffix(const struct lw_extract *x, size_t tok, size_t end_tok)
{
	const struct lw_text *t = x->t;
	/* the run ends with the name: no word, number or "&" goes on */
	if (end_tok < t->ntok && !(t->tok[end_tok].kind == LW_TOK_TERM ||
				   (t->tok[end_tok].kind == LW_TOK_PUNCT && !lw_tok_punct(t, end_tok, '&')) ||
				   (t->tok[end_tok].flags & LW_TF_LOWER)))
		return 0;
	/* words in title case ("SC Freiburg" is a club) */
	size_t j = tok;
	/* (or one name of any reading before a town's part in capitals:
	 * "in Pir Colony Peshawar") */
	int hk = tok >= 3 ? place_head_after(x, tok - 1) : 0;
	int part = (hk == LW_PK_CITY || hk == LW_PK_OTHER) && is_cap(t, tok - 1) &&
		   is_cap(t, tok - 2) && t->tok[tok - 2].kind == LW_TOK_WORD &&
		   !(t->tok[tok - 2].flags & (LW_TF_UPPER | LW_TF_POSSESSIVE));
	if (part)
		j = tok - 2;
	while (!part && j > 0 && tok - j < 2 && is_cap(t, j - 1) && t->tok[j - 1].kind == LW_TOK_WORD &&
	       !(t->tok[j - 1].flags & (LW_TF_UPPER | LW_TF_POSSESSIVE)) && !x->ann_kinds[j - 1])
		j--;
	/* right after "in", "at", "near", "outside": "in the X Y" names a thing */
	return j < tok && j > 0 && ec(x, j - 1, EC_LOCATIVE);
}

static int place_list_before(const struct lw_extract *x, size_t tok)
{
	const struct lw_text *t = x->t;
	if (tok < 2 || !(ew(x, tok - 1, W_AND) || ew(x, tok - 1, W_OR) ||
			 lw_tok_punct(t, tok - 1, ',')))
		return 0;
	size_t from = tok >= 6 ? tok - 6 : 0;
	for (size_t k = x->ann_at[from]; k < x->nann && x->ann[k].first_tok < tok - 1; k++) {
		const struct lw_ann *a = &x->ann[k];
		const struct lw_kb_sense *s = lw_ann_sense(x, a);
		if (a->end_tok == tok - 1 && s->kind == LW_SENSE_PLACE &&
		    x->kb->places[s->id].kind <= LW_PK_ADMIN1 && !(s->flags & LW_SF_COMMON))
			return 1;
	}
	return 0;
}

/* The kind of place a head word right after tok implies ("Wardak
 * province" -> admin1), 0 if none. */
static inline int place_head_after(const struct lw_extract *x, size_t end_tok)
{
	if (end_tok >= x->t->ntok || !(x->ann_kinds[end_tok] & (1u << LW_SENSE_PLACE_HEAD)))
		return 0;
	for (size_t j = x->ann_at[end_tok]; j < x->nann && x->ann[j].first_tok == end_tok; j++) {
		const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
		if (s->kind == LW_SENSE_PLACE_HEAD && s->sub == 0)
			return s->value;
	}
	return 0;
}

/* Does a capitalised head of a town's part follow end_tok ("Colony",
 * "Town", "Bazaar"), then (past a comma) a place of another country than
 * a3, the town the part is in: "Pir Colony Peshawar" is no town Pir of
 * Romania? */
static int locality_in_town(const struct lw_extract *x, size_t end_tok, const char *a3)
{
	const struct lw_text *t = x->t;
	int hk = end_tok + 1 < t->ntok ? place_head_after(x, end_tok) : 0;
	if (!(hk == LW_PK_CITY || hk == LW_PK_OTHER) || !(t->tok[end_tok].flags & LW_TF_CAP))
		return 0;
	size_t k = end_tok + 1;
	if (lw_tok_punct(t, k, ',') && k + 1 < t->ntok)
		k++;
	/* (the run going on with another head is one name: "Pech River
	 * Valley") */
	if (!(x->ann_kinds[k] & (1u << LW_SENSE_PLACE)) ||
	    (x->ann_kinds[k] & (1u << LW_SENSE_PLACE_HEAD)))
		return 0;
	/* (no reading of the town in a3's country: "Kandahar City,
	 * Kandahar province" is the town) */
	int other = 0;
	for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
		const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
		if (s->kind != LW_SENSE_PLACE)
			continue;
		if (memcmp(x->kb->places[s->id].country, a3, 3) == 0)
			return 0;
		/* a town or province, not a common word ("Qayyarah Airfield
		 * West") */
		const struct lw_kb_place *q = &x->kb->places[s->id];
		if (!(s->flags & LW_SF_COMMON) && q->kind >= LW_PK_ADMIN1 && q->kind <= LW_PK_CITY)
			other = 1;
	}
	return other;
}

/* Does a capitalised route head follow end_tok ("Jalalabad Road")? */
static int route_after(const struct lw_extract *x, size_t end_tok)
{
	if (end_tok >= x->t->ntok || !(x->ann_kinds[end_tok] & (1u << LW_SENSE_PLACE_HEAD)) ||
	    !(x->t->tok[end_tok].flags & LW_TF_CAP))
		return 0;
	for (size_t j = x->ann_at[end_tok]; j < x->nann && x->ann[j].first_tok == end_tok; j++) {
		const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
		if (s->kind == LW_SENSE_PLACE_HEAD && s->sub == 0 && s->id == 1)
			return 1;
	}
	return 0;
}

/* Does an annotation of `kind` start at one of the four tokens before
 * tok? One 64-bit load of their kinds: the questions that look a few
 * tokens back (titles, place heads) are asked of every name, and at most
 * of them nothing of the kind starts there. */
static int kind_in_4_before(const struct lw_extract *x, size_t tok, int kind)
{
	if (tok < 4) {
		int any = 0;
		for (size_t k = 0; k < tok; k++)
			any |= (x->ann_kinds[k] >> kind) & 1;
		return any;
	}
	uint64_t w;
	memcpy(&w, x->ann_kinds + tok - 4, sizeof w);
	return (w & (uint64_t)(1u << kind) * 0x0001000100010001u) != 0;
}

static inline int place_head_before(const struct lw_extract *x, size_t tok)
{
	if (!kind_in_4_before(x, tok, LW_SENSE_PLACE_HEAD))
		return 0;
	/* "village of X", "the town of X" */
	for (size_t k = tok > 3 ? tok - 3 : 0; k < tok; k++) {
		const struct lw_ann *a = lw_ann_find(x, k, LW_SENSE_PLACE_HEAD);
		if (a && a->end_tok == tok && lw_ann_sense(x, a)->sub == 1)
			return lw_ann_sense(x, a)->value;
	}
	return 0;
}

/* Followed by ", Afghanistan" / ", Sindh": a place named with its region. */
static int region_after(const struct lw_extract *x, size_t end_tok)
{
	if (!lw_tok_punct(x->t, end_tok, ','))
		return 0;
	for (const struct lw_ann *a = lw_ann_find(x, end_tok + 1, LW_SENSE_PLACE); a; a = NULL) {
		const struct lw_kb_place *p = &x->kb->places[lw_ann_sense(x, a)->id];
		if (p->kind <= LW_PK_ADMIN1)
			return 1;
	}
	return 0;
}

/* Does a list of names go on at token k ("and", "or", or a comma and a
 * capitalised word): "Moscow, Washington and Beijing" puts Moscow in no
 * region? */
static int list_goes_on(const struct lw_extract *x, size_t k)
{
	const struct lw_text *t = x->t;
	return k < t->ntok && (ew(x, k, W_AND) || ew(x, k, W_OR) ||
			       (lw_tok_punct(t, k, ',') && k + 1 < t->ntok && is_cap(t, k + 1)));
}

/*
 * The region the text names a place in: ", Y" after the name or its head
 * word ("Karjan district, Uruzgan province", "Kandahar, Afghanistan"),
 * where Y is a country, or a province of one country followed by its head
 * word ("Uruzgan province") or by no further name of a list ("Moscow,
 * Washington and Beijing" puts Moscow nowhere). Its kb place (the first
 * province or country sense of Y), or UINT32_MAX when there is none.
 */
static uint32_t region_place_after(const struct lw_extract *x, size_t end_tok)
{
	const struct lw_text *t = x->t;
	if (place_head_after(x, end_tok))
		end_tok++;
	size_t k = end_tok + 1;
	if (!lw_tok_punct(t, end_tok, ',') || k >= t->ntok ||
	    !(x->ann_kinds[k] & (1u << LW_SENSE_PLACE)))
		return UINT32_MAX;
	uint32_t first = UINT32_MAX;
	int country = 0, headed = 0;
	for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
		const struct lw_ann *r = &x->ann[j];
		const struct lw_kb_sense *s = lw_ann_sense(x, r);
		if (s->kind != LW_SENSE_PLACE)
			continue;
		const struct lw_kb_place *p = &x->kb->places[s->id];
		if (p->kind > LW_PK_ADMIN1)
			continue; /* the town of the province's name */
		if (first != UINT32_MAX && memcmp(x->kb->places[first].country, p->country, 3) != 0)
			return UINT32_MAX;
		if (first == UINT32_MAX)
			first = s->id;
		country |= p->kind == LW_PK_COUNTRY;
		headed |= place_head_after(x, r->end_tok) == LW_PK_ADMIN1;
		k = r->end_tok;
	}
	if (first == UINT32_MAX || country || headed)
		return first;
	/* a province alone: not one of a list ("Moscow, Washington and
	 * Beijing"; but "Nasirabad, Balochistan, on Friday") */
	if (list_goes_on(x, k))
		return UINT32_MAX;
	return first;
}


/*
 * The country of the place a name is put in after it: ", Y" past a
 * capitalised word or two ("Dasht, Mastung", "Pir Koh, Dera Bugti"), where
 * region_place_after finds no province or country, or "in Y" / "of Y"
 * after a place head word ("Naray Baba area in Khyber Agency"). Y is read
 * as a place of one country only, the whole of its name ("Yar Mohammad"
 * is no town Yar), and not one of a list ("Kabul, Kandahar and Herat" puts
 * Kabul nowhere). The words skipped are no organisation's ("Hyderabad
 * Press Club, Yar ..."), and one the dictionary knows as a place is
 * skipped only before a head word. NULL when there is none.
 */
static const char *region_town_after(const struct lw_extract *x, size_t end_tok)
{
	const struct lw_text *t = x->t;
	int placed = 0;
	for (int n = 0; n < 2 && end_tok < t->ntok && is_cap(t, end_tok) &&
			!(t->tok[end_tok].flags & LW_TF_NEWLINE_BEFORE) && !org_head_tail(x, end_tok) &&
			!place_head_after(x, end_tok);
	     n++)
		placed |= (x->ann_kinds[end_tok++] & (1u << LW_SENSE_PLACE)) != 0;
	int head = place_head_after(x, end_tok) != 0;
	if (placed && !head)
		return NULL;
	end_tok += head;
	size_t k = end_tok + 1;
	int comma = lw_tok_punct(t, end_tok, ',');
	if (!(comma || (head && (ew(x, end_tok, W_IN) || ew(x, end_tok, W_OF)))) || k >= t->ntok ||
	    !(x->ann_kinds[k] & (1u << LW_SENSE_PLACE)))
		return NULL;
	/* the longest name there ("Dera Bugti", not "Dera") */
	const char *country = NULL;
	size_t end = 0;
	for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
		const struct lw_ann *r = &x->ann[j];
		const struct lw_kb_sense *s = lw_ann_sense(x, r);
		if (s->kind != LW_SENSE_PLACE || (s->flags & LW_SF_COMMON) || r->end_tok < end)
			continue;
		if (r->end_tok > end)
			country = NULL, end = r->end_tok; /* (x->ann: longest first) */
		const struct lw_kb_place *p = &x->kb->places[s->id];
		if ((comma && p->kind <= LW_PK_ADMIN1) ||
		    (country && memcmp(country, p->country, 3) != 0))
			return NULL; /* region_place_after's, or a name of two countries */
		country = p->country;
	}
	if (!country)
		return NULL;
	if (place_head_after(x, end))
		end++;
	if (end < t->ntok &&
	    ((is_cap(t, end) && !(t->tok[end].flags & LW_TF_NEWLINE_BEFORE)) || list_goes_on(x, end)))
		return NULL;
	return country;
}

/* Does the name at [.., end_tok) begin a longer capitalised name that a
 * place head word ends ("Dara Soof Payan district")? */
static int begins_place_run(const struct lw_extract *x, size_t end_tok)
{
	size_t k = end_tok, n = 0;
	while (k < x->t->ntok && n < 3 && is_cap(x->t, k) &&
	       !(x->t->tok[k].flags & LW_TF_NEWLINE_BEFORE))
		k++, n++;
	return n > 0 && place_head_after(x, k);
}

static int name_like(const struct lw_extract *x, size_t k);

/* begins_place_run, with the words between the name and the head names no
 * dictionary knows: "Shahi Khel area" (not "Sirajganj Sadar upazila"). */
static int unknown_place_run(const struct lw_extract *x, size_t end_tok)
{
	size_t k = end_tok, n = 0;
	while (k < x->t->ntok && n < 3 && is_cap(x->t, k) &&
	       !(x->t->tok[k].flags & LW_TF_NEWLINE_BEFORE)) {
		if (!name_like(x, k))
			return 0;
		k++, n++;
	}
	return n > 0 && place_head_after(x, k);
}

/* Org-head words right after a name make the whole run an organisation
 * ("Kabul University"): the place alone is not the name. */
static int org_head_tail(const struct lw_extract *x, size_t k);

static int acronym_token(const struct lw_text *t, size_t k);

/* Do the capitalised words of [first, end) begin with the letters of the
 * acronym at token q, in order ("Kano Traders Union", "KTU")? */
static int initials_of(const struct lw_text *t, size_t first, size_t end, size_t q)
{
	const lw_token *a = &t->tok[q];
	size_t n = lw_tok_len(a), i = 0;
	for (size_t k = first; k < end; k++) {
		const lw_token *w = &t->tok[k];
		if (w->kind != LW_TOK_WORD || !(w->flags & LW_TF_CAP))
			continue; /* "of", "and" */
		if (i >= n || t->p[w->start] != t->p[a->start + i])
			return 0;
		i++;
	}
	return i == n && n >= 2;
}

/* Does an organisation's name go on after the place [first_tok, end_tok):
 * capitalised words up to an org-head word ("Kabul University"), or, after
 * a country's name, up to the acronym in brackets that the country's
 * initials open ("United Kingdom Maritime Trade Operations (UKMTO)",
 * "Nigeria Security and Civil Defence Corps (NSCDC)")? A province's name
 * there stays a place: a union of one province's farmers is most often
 * told of in it. */
static int org_continues(const struct lw_extract *x, size_t first_tok, size_t end_tok, int country)
{
	const struct lw_text *t = x->t;
	size_t k = end_tok;
	for (; k < t->ntok && k < end_tok + 4; k++) {
		if (!is_cap(t, k))
			break;
		if (org_head_tail(x, k))
			return 1;
	}
	if (k == end_tok || !country)
		return 0;
	/* on to the bracket, past "and", "of", "for" between capitalised
	 * words */
	for (; k < t->ntok && k < end_tok + 10; k++) {
		if (is_cap(t, k))
			continue;
		if (!(ew(x, k, W_AND) || ew(x, k, W_OF) || lw_tok_is(t, k, "for")) || !is_cap(t, k + 1))
			break;
	}
	return k + 2 < t->ntok && lw_tok_punct(t, k, '(') && acronym_token(t, k + 1) &&
	       lw_tok_punct(t, k + 2, ')') && initials_of(t, first_tok, k, k + 1);
}

/* Inline, as the other small questions asked of many tokens (span_place,
 * place_head_after, sentence_initial_in ...): called, each cost more in
 * the call and the caller's saved registers than in its first test,
 * which answers most asks. */
static inline int given_name_ann(const struct lw_extract *x, size_t tok)
{
	return ann_whole(x, tok, LW_SENSE_GIVEN_NAME) != NULL && !month_of_date(x->t, tok);
}

/* Does a people's or a place's name start with title a and go on past it
 * ("Sri" of "Sri Lankan", "Sri Lanka")? Then the title is none. */
static int longer_people_word(const struct lw_extract *x, const struct lw_ann *a)
{
	if (!(x->ann_kinds[a->first_tok] & (1u << LW_SENSE_DEMONYM | 1u << LW_SENSE_PLACE)))
		return 0;
	for (size_t j = x->ann_at[a->first_tok]; j < x->nann && x->ann[j].first_tok == a->first_tok; j++)
		if ((x->ann[j].kind == LW_SENSE_DEMONYM || x->ann[j].kind == LW_SENSE_PLACE) &&
		    x->ann[j].end_tok > a->end_tok)
			return 1;
	return 0;
}

static int title_before(const struct lw_extract *x, size_t tok)
{
	if (!kind_in_4_before(x, tok, LW_SENSE_TITLE))
		return 0;
	for (size_t k = tok > 4 ? tok - 4 : 0; k < tok; k++) {
		const struct lw_ann *a = lw_ann_find(x, k, LW_SENSE_TITLE);
		if (a && a->end_tok == tok && !longer_people_word(x, a))
			return 1;
	}
	return 0;
}

static int initial_token(const struct lw_text *t, size_t k)
{
	const lw_token *q = &t->tok[k];
	return q->kind == LW_TOK_ABBREV && lw_tok_len(q) == 2 && (q->flags & LW_TF_CAP);
}

static int common_word(const struct lw_extract *x, size_t tok);

/* A capitalised word that could be part of a name: not a common word, not
 * a country's adjective, not a title or a month. */
static int name_like(const struct lw_extract *x, size_t k)
{
	const struct lw_text *t = x->t;
	if (!is_cap(t, k) || (t->tok[k].flags & LW_TF_UPPER) || common_word(x, k))
		return 0;
	if (!(x->ann_kinds[k] & (1u << LW_SENSE_DEMONYM | 1u << LW_SENSE_TITLE | 1u << LW_SENSE_NOT_NAME |
				 1u << LW_SENSE_PLACE | 1u << LW_SENSE_ACTOR | 1u << LW_SENSE_ROLE |
				 1u << LW_SENSE_ORG_HEAD)))
		return 1; /* none of the kinds below starts here */
	for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
		int kind = x->ann[j].kind;
		if (kind == LW_SENSE_DEMONYM || kind == LW_SENSE_TITLE || kind == LW_SENSE_NOT_NAME ||
		    kind == LW_SENSE_PLACE || kind == LW_SENSE_ACTOR || kind == LW_SENSE_ROLE ||
		    kind == LW_SENSE_ORG_HEAD)
			return 0;
	}
	return 1;
}

/* A given name the given-name list leaves out as a common word ("Bill",
 * "Mark"), written as a name: right before a town's name it opens a
 * person's ("Bill Clinton" is no town of Clinton). */
static int common_given_name(const struct lw_text *t, size_t k)
{
	static const char *const names[] = {"Bill", "Mark", "Will", "Pat", "Rich", "Guy", "Lance",
					    "Basil", "Paddy"};
	if (k >= t->ntok || t->tok[k].kind != LW_TOK_WORD || !(t->tok[k].flags & LW_TF_CAP) ||
	    (t->tok[k].flags & LW_TF_UPPER))
		return 0;
	const char *p = t->p + t->tok[k].start;
	size_t n = lw_tok_len(&t->tok[k]);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strlen(names[i]) == n && memcmp(names[i], p, n) == 0)
			return 1;
	return 0;
}

/* What the words around a name say about it, worked out once per name
 * (a name has as many place senses as towns of that name). */
struct place_ctx {
	uint32_t ft, et, fu, eu;
	int ready;
	int head, before, loc, initial, single, in_dateline, org_cont, cue_after;
	int shout;        /* the sentence in capitals; -1 not asked yet (place_shout) */
	size_t sent;      /* the sentence of the name */
	int person_ctx;   /* a given name or title around it: "Jordan Peterson" */
	int name_after;   /* a capitalised word follows on the line: "Pech River" */
	int name_before;  /* a name-like word before it: "Bill Clinton" */
	int name_before_strong; /* a given name or an initial before it */
	int suffix_only;  /* put somewhere only as locative_suffix does */
	int loc_plain, name_before_plain; /* loc and name_before without it */
	const char *region;     /* the country of the region named after it
				 * ("X district, Uruzgan province"), or NULL */
	uint32_t region_place;  /* that region's kb place, or UINT32_MAX */
	const char *region_town; /* the country of the town named after it
				  * ("Dasht, Mastung"), where region is NULL */
	int ezafe;              /* a piece of a longer name joined by a Persian
				 * "-e" (ezafe_next) */
	int admin1_sense;       /* a sense of the name is a province (for
				 * namesake_province) */
	int run_head;           /* it begins a longer name of a place: "Dara
				 * Soof Payan district" */
};

/* Whether token k, in any case, is the word w. */
/* Inline: strlen of the constant words folds away. */
static inline int tok_word_ci(const struct lw_text *t, size_t k, const char *w)
{
	size_t n = strlen(w);
	return k < t->ntok && lw_tok_len(&t->tok[k]) == n && strncasecmp(t->p + t->tok[k].start, w, n) == 0;
}

/* "the JI Karachi chapter", "outside the Moro Press Club": a local branch
 * or meeting place named after its town, where local news sets its
 * protests and press conferences. */
static int branch_after(const struct lw_extract *x, size_t et)
{
	const struct lw_text *t = x->t;
	return tok_word_ci(t, et, "chapter") || tok_word_ci(t, et, "branch") ||
	       (tok_word_ci(t, et, "press") && tok_word_ci(t, et + 1, "club"));
}

/*
 * A name the text puts somewhere by its neighbours: in parentheses after
 * another name, as news notes place a village in its district ("Teku
 * (Kathmandu)", "Ferozewala (Lahore)"), or before the word for its people
 * ("Surkhet locals", "Quetta residents").
 */
static int place_aside(const struct lw_extract *x, size_t ft, size_t et)
{
	static const char *const people[] = {"locals", "residents", "villagers", "inhabitants",
					     "dwellers"};
	const struct lw_text *t = x->t;
	if (ft >= 2 && lw_tok_punct(t, ft - 1, '(') && lw_tok_punct(t, et, ')') && is_cap(t, ft - 2))
		return 1;
	return et < t->ntok && (t->tok[et].flags & LW_TF_LOWER) &&
	       lw_tok_in(t, et, people, sizeof people / sizeof *people);
}

/* Is unit i a Persian ezafe after a hyphen, the "-e" of "Pul-e ‘Alam",
 * "Baghlan-e Markazi", "Darah-ye Pech" (a piece of its token, not its
 * first)? */
static inline int ezafe_unit(const struct lw_extract *x, size_t i)
{
	if (i >= x->u.n || (x->u.u[i].flags & LW_UF_TOK_START))
		return 0;
	const struct lw_unit *y = &x->u.u[i];
	const char *k = x->u.keys + y->key;
	return (y->key_len == 1 && (k[0] == 'e' || k[0] == 'i')) ||
	       (y->key_len == 2 && k[0] == 'y' && (k[1] == 'e' || k[1] == 'i'));
}

/* Is the name of `a` joined to the next or the last words by an ezafe
 * ("Pul" of "Pul-e ‘Alam district", "Markazi" of "Baghlan-e Markazi")?
 * Then it is a piece of a longer name, not the place of its own name. */
static int ezafe_next(const struct lw_extract *x, const struct lw_ann *a)
{
	return ezafe_unit(x, a->end_unit) || (a->first_unit > 0 && ezafe_unit(x, a->first_unit - 1));
}

/* The place of the next place sense of annotation a's span, from
 * annotation *j on (start at x->ann_at[a->first_tok]); *j moves past it
 * and *id is its place. NULL when none is left. */
static inline const struct lw_kb_place *span_place(const struct lw_extract *x,
						   const struct lw_ann *a, size_t *j, uint32_t *id)
{
	for (; *j < x->nann && x->ann[*j].first_tok == a->first_tok; (*j)++) {
		const struct lw_ann *b = &x->ann[*j];
		if (b->kind == LW_SENSE_PLACE && b->first_unit == a->first_unit &&
		    b->end_unit == a->end_unit) {
			*id = lw_ann_sense(x, b)->id;
			(*j)++;
			return &x->kb->places[*id];
		}
	}
	return NULL;
}

static void place_context(const struct lw_extract *x, const struct lw_ann *a, struct place_ctx *c)
{
	const struct lw_text *t = x->t;
	if (c->ready && c->fu == a->first_unit && c->eu == a->end_unit)
		return;
	size_t ft = a->first_tok, et = a->end_tok;
	size_t sent = lw_sentence_of(t, ft);
	memset(c, 0, sizeof *c);
	c->ready = 1;
	c->ft = (uint32_t)ft;
	c->et = (uint32_t)et;
	c->fu = a->first_unit;
	c->eu = a->end_unit;
	int country_sense = 0; /* a sense of the name is a country */
	c->head = place_head_after(x, et);
	c->before = place_head_before(x, ft);
	{
		size_t j = x->ann_at[ft];
		uint32_t id;
		for (const struct lw_kb_place *q; (q = span_place(x, a, &j, &id));) {
			c->admin1_sense |= q->kind == LW_PK_ADMIN1;
			country_sense |= q->kind == LW_PK_COUNTRY;
		}
	}
	int branch = branch_after(x, et);
	c->loc_plain = locative_before(x, ft) || c->head || c->before || region_after(x, et) ||
		       place_list_before(x, ft) || locative_apposition(x, ft) || branch ||
		       place_aside(x, ft, et);
	int suffix = !c->loc_plain && locative_suffix(x, ft, et);
	c->loc = c->loc_plain || suffix;
	c->suffix_only = suffix;

	c->initial = sentence_initial_in(t, sent, ft);
	c->single = a->end_unit - a->first_unit == 1;
	const lw_dateline *dl = &t->dateline;
	c->in_dateline = dl->found && a->start >= dl->place.start && a->end <= dl->place.end;
	c->org_cont = !branch && org_continues(x, ft, et, country_sense);
	c->sent = sent;
	c->shout = -1; /* asked of few senses: place_shout */
	/* et in ft's sentence: before the next one's first token */
	c->name_after = !c->head && !branch && et < t->ntok && (is_cap(t, et) || particle_name(t, et)) &&
			!(t->tok[et].flags & LW_TF_NEWLINE_BEFORE) &&
			(sent + 1 >= t->nsent || et < t->sent[sent + 1].first_token);
	c->region_place = c->in_dateline ? UINT32_MAX : region_place_after(x, et);
	c->region = c->region_place == UINT32_MAX ? NULL : x->kb->places[c->region_place].country;
	c->region_town = c->region || c->in_dateline ? NULL : region_town_after(x, et);
	c->run_head = c->name_after && begins_place_run(x, et);
	c->ezafe = ezafe_next(x, a);
	/* what follows is read of one-unit names outside the dateline only
	 * (place_score): not worked out for the others */
	if (!c->single || c->in_dateline)
		return;
	if (et < t->ntok && (t->tok[et].flags & LW_TF_LOWER) &&
	    (x->ann_kinds[et] & (1u << LW_SENSE_CUE)))
		for (size_t j = x->ann_at[et]; j < x->nann && x->ann[j].first_tok == et; j++) {
			const struct lw_kb_sense *cs = lw_ann_sense(x, &x->ann[j]);
			if (cs->kind == LW_SENSE_CUE && cs->sub == LW_CUE_VERB)
				c->cue_after = 1;
		}
	int title = title_before(x, ft);
	c->person_ctx = (given_name_ann(x, ft) || title) && (is_cap(t, et) || title);
	if (ft > 0 && !c->initial) {
		/* (a sentence's first "Will" asks a question: "Will Kabul
		 * fall?") */
		c->name_before_strong = given_name_ann(x, ft - 1) || initial_token(t, ft - 1) ||
					(common_given_name(t, ft - 1) &&
					 !(sentence_initial(t, ft - 1) && lw_tok_is(t, ft - 1, "will")));
		c->name_before_plain = name_like(x, ft - 1);
		c->name_before = !suffix && c->name_before_plain;
	}
}

/* Is the sentence of the name in capitals? Asked only of the common words
 * among the senses, so asked here rather than by place_context: most
 * sentences with a place are then never scanned for it. */
static int place_shout(const struct lw_extract *x, struct place_ctx *c)
{
	if (c->shout < 0)
		c->shout = shouting_in(x, c->sent);
	return c->shout;
}

/* Can the name of `a` also be a place outside the country a3? */
static int places_abroad(const struct lw_extract *x, const struct lw_ann *a, const char *a3)
{
	for (size_t j = x->ann_at[a->first_tok]; j < x->nann && x->ann[j].first_tok == a->first_tok;
	     j++) {
		const struct lw_ann *b = &x->ann[j];
		const struct lw_kb_sense *s = lw_ann_sense(x, b);
		if (b->first_unit == a->first_unit && b->end_unit == a->end_unit &&
		    s->kind == LW_SENSE_PLACE && memcmp(x->kb->places[s->id].country, a3, 3) != 0)
			return 1;
	}
	return 0;
}

/* How good a place sense is here: 0 reject; higher is better. */
/* ---- sports results: towns and counties named for their teams ---- */

/* A score, "2-1", "6-4", "10-7": one number token with a hyphen. */
static int score_token(const struct lw_text *t, size_t k)
{
	if (k >= t->ntok || t->tok[k].kind != LW_TOK_NUMBER || !(t->tok[k].flags & LW_TF_HYPHEN))
		return 0;
	size_t n = lw_tok_len(&t->tok[k]);
	return n >= 3 && n <= 5;
}

/* A small whole number: a team's goals or runs on a results line. */
static int small_number(const struct lw_text *t, size_t k)
{
	if (k >= t->ntok || t->tok[k].kind != LW_TOK_NUMBER)
		return 0;
	size_t n = lw_tok_len(&t->tok[k]);
	const char *p = t->p + t->tok[k].start;
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return n <= 3;
}

/* Could token k begin or end a result around a team name: a number, a
 * result verb ("beat"), "v", "vs", "against", or an abbreviation ("vs.")?
 * Most tokens next to a name are none of them: team_evidence asks this
 * first. */
static inline int team_cue(const struct lw_extract *x, size_t k)
{
	if (k >= x->t->ntok)
		return 0;
	const lw_token *q = &x->t->tok[k];
	return q->kind == LW_TOK_NUMBER || q->kind == LW_TOK_ABBREV ||
	       (ent_class[x->evw[k]] & (EC_RESULT | EC_VERSUS)) || x->evw[k] == W_AGAINST;
}

/* "X v Y", "X vs. Y" */
static inline int versus(const struct lw_extract *x, size_t k)
{
	static const char *const abbrev[] = {"v.", "vs."};
	if (ec(x, k, EC_VERSUS))
		return 1;
	return k < x->t->ntok && x->t->tok[k].kind == LW_TOK_ABBREV && lw_tok_in(x->t, k, abbrev, 2);
}

/* Does sentence s tell a game: a score or a word of sport ("innings",
 * "match", "league", ...)? */
static int game_sentence(const struct lw_extract *x, size_t s)
{
	const struct lw_text *t = x->t;
	for (size_t k = t->sent[s].first_token; k < t->sent[s].end_token; k++)
		if (ec(x, k, EC_GAME) || score_token(t, k))
			return 1;
	return 0;
}

/*
 * Is the name [first, end) a team named for its town or county, as sports
 * pages name them? Only where the words around it say so: "X v Y", "X vs.
 * Y"; a results line, "Detroit 4 Kansas City 1"; a result verb beside it
 * ("Leicestershire beat Somerset", "beat Somerset by an innings") in a
 * sentence that tells a game (a score, "innings", "match", "league", ...),
 * or "match against" before it. A country stays a place (national
 * sides are named for their countries, and are so annotated); the callers
 * ask only of other names. Word ids throughout: place_score asks it of
 * every candidate place.
 */
static int team_evidence(const struct lw_extract *x, size_t first, size_t end)
{
	const struct lw_text *t = x->t;
	/* the whole capitalised run: "Bristol" is asked of "Bristol City 1" */
	size_t run = end;
	while (run < t->ntok && run < end + 3 && is_cap(t, run))
		run++;
	end = run;
	if (!team_cue(x, end) && !(first > 0 && team_cue(x, first - 1)))
		return 0;
	if (end + 1 < t->ntok && versus(x, end) && is_cap(t, end + 1))
		return 1;
	if (first >= 2 && versus(x, first - 1) && is_cap(t, first - 2))
		return 1;
	if (small_number(t, end)) {
		/* "Detroit 4 Kansas City 1": this side first */
		size_t j = end + 1, n = 0;
		while (j < t->ntok && n < 4 && is_cap(t, j))
			j++, n++;
		if (n && small_number(t, j))
			return 1;
		/* ... or second */
		if (first >= 2 && small_number(t, first - 1) && is_cap(t, first - 2))
			return 1;
	}
	/* "their match against Kent": the game word right before */
	if (first >= 2 && ew(x, first - 1, W_AGAINST))
		return ec(x, first - 2, EC_GAME) || (first >= 3 && ec(x, first - 3, EC_GAME));
	if (ec(x, end, EC_RESULT) || (first > 0 && ec(x, first - 1, EC_RESULT)))
		return game_sentence(x, lw_sentence_of(t, first));
	return 0;
}

/* Has the document used the name [first, end) for a team (collect_teams)?
 * One sense per text: "Essex" in a list of title rivals is the team the
 * results name. */
static int team_named(const struct lw_extract *x, size_t first, size_t end)
{
	if (!x->nteams)
		return 0;
	const struct lw_text *t = x->t;
	uint32_t start = t->tok[first].start, stop = t->tok[end - 1].end;
	return imap_get(&x->ent_by_key, text_key(KEY_TEAM, 0, t->p + start, stop - start)) !=
	       UINT32_MAX;
}

static int same_name(const struct lw_kb *kb, const struct lw_kb_place *a, const struct lw_kb_place *b)
{
	return a->name_len == b->name_len &&
	       memcmp(lw_kb_str(kb, a->name_off), lw_kb_str(kb, b->name_off), a->name_len) == 0;
}

/* The office title right before token tok ("Commissioner", "Chief
 * Minister"), or NULL; honorifics and ranks are none. */
static const struct lw_ann *office_before(const struct lw_extract *x, size_t tok)
{
	if (!kind_in_4_before(x, tok, LW_SENSE_TITLE))
		return NULL;
	for (size_t k = tok > 4 ? tok - 4 : 0; k < tok; k++)
		for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
			const struct lw_ann *a = &x->ann[j];
			if (a->kind == LW_SENSE_TITLE && a->end_tok == tok &&
			    lw_ann_sense(x, a)->sub == 2 /* office */)
				return a;
		}
	return NULL;
}

/* Is p a country's capital (places/capitals.txt): "Mogadishu",
 * "Ouagadougou" stand for themselves as their districts' seats do? */
static int capital_city(const struct lw_kb_place *p)
{
	return p->kind == LW_PK_CITY && (p->flags & LW_PF_CAPITAL);
}

/*
 * Is place p, named from token tok right after an office's title, the office's
 * seat rather than its holder's name? South Asian English writes the
 * jurisdiction so, without "of": "the Commissioner Karachi", "Chief
 * Minister Punjab", "DC Hyderabad". A province anywhere is read so; a town
 * only in that region's stories' countries, as "President Lincoln" is a
 * man.
 */
static int jurisdiction(const struct lw_extract *x, size_t tok, size_t end_tok,
			const struct lw_kb_place *p)
{
	static const char south_asia[][4] = {"PAK", "IND", "BGD", "NPL", "LKA", "AFG"};
	/* "Prime Minister KP Oli", "Chief Minister Raman Singh": a name
	 * goes on after it */
	if (given_name_ann(x, tok) || (end_tok < x->t->ntok && is_word(x->t, end_tok) &&
				       (x->t->tok[end_tok].flags & (LW_TF_CAP | LW_TF_UPPER))) ||
	    !office_before(x, tok))
		return 0;
	if (p->kind == LW_PK_ADMIN1)
		return 1;
	if (p->kind != LW_PK_ADMIN2 && p->kind != LW_PK_CITY)
		return 0;
	for (size_t i = 0; i < sizeof south_asia / sizeof *south_asia; i++)
		if (memcmp(p->country, south_asia[i], 3) == 0)
			return 1;
	return 0;
}

static int country_in(const struct countries *c, const char *a3);

/* Is there a province of p's country with the name of annotation a (a
 * sense of a's span) that p, a town or district, is not in (nor at)? */
static int namesake_province(const struct lw_extract *x, const struct countries *dc,
			     const struct lw_ann *a, const struct lw_kb_place *p)
{
	size_t j = x->ann_at[a->first_tok];
	uint32_t id;
	for (const struct lw_kb_place *q; (q = span_place(x, a, &j, &id)) != NULL;) {
		/* (far from it: a city that is a province of its own, "Kecskemét",
		 * "Monte-Carlo", lies where that province is) */
		if (q->kind != LW_PK_ADMIN1)
			continue;
		if (memcmp(q->country, p->country, 3) == 0 && p->admin1 != id &&
		    (fabsf(q->lat - p->lat) > 0.5f || fabsf(q->lon - p->lon) > 0.5f))
			return 1;
		/* or the province of a country the story names, where the town
		 * is abroad ("Florida" in a story of the United States is not
		 * the town in Puerto Rico) */
		if (memcmp(q->country, p->country, 3) != 0 &&
		    (country_in(dc, q->country) || (x->focus[0] && memcmp(q->country, x->focus, 3) == 0)) &&
		    !country_in(dc, p->country))
			return 1;
	}
	return 0;
}

static int prov_named(const struct lw_extract *x, uint32_t place, size_t s0, size_t s1,
		      size_t self);

/* Is a place sense of annotation a's span, in another country than p's,
 * in a province its sentence names by another name ("in the Jenin refugee
 * camp in the occupied West Bank")? (Not the story's focus: a name's own
 * province readings may have made it.) */
static int reading_in_named(const struct lw_extract *x, const struct lw_ann *a,
			    const struct lw_kb_place *p)
{
	const struct lw_text *t = x->t;
	if (!t->nsent || !x->nprovs)
		return 0;
	size_t si = lw_sentence_of(t, a->first_tok);
	/* the provinces the sentence names, other than by this name (most
	 * sentences name none: then no sense is asked) */
	size_t s0 = t->sent[si].first_token, s1 = t->sent[si].end_token, nin = 0;
	for (size_t i = 0; i < x->nprovs && !nin; i++)
		nin = x->prov_tok[i] >= s0 && x->prov_tok[i] < s1 && x->prov_tok[i] != a->first_tok;
	if (!nin)
		return 0;
	size_t j = x->ann_at[a->first_tok];
	uint32_t id;
	for (const struct lw_kb_place *q; (q = span_place(x, a, &j, &id)) != NULL;) {
		if (memcmp(q->country, p->country, 3) == 0)
			continue;
		/* (the province by another name than the town's: not "Salyan
		 * district" for Azerbaijan's Salyan in Salyan province) */
		if (q->admin1 < x->kb->nplaces && !same_name(x->kb, q, &x->kb->places[q->admin1]) &&
		    prov_named(x, q->admin1, s0, s1, a->first_tok) == 2)
			return 1;
	}
	return 0;
}

/* Does annotation a's span also read as a country? */
static int country_reading(const struct lw_extract *x, const struct lw_ann *a)
{
	size_t j = x->ann_at[a->first_tok];
	uint32_t id;
	for (const struct lw_kb_place *q; (q = span_place(x, a, &j, &id)) != NULL;)
		if (q->kind == LW_PK_COUNTRY)
			return 1;
	return 0;
}

static int place_score(const struct lw_extract *x, const struct countries *dc,
		       const struct lw_ann *a, const struct lw_kb_sense *s, struct place_ctx *c)
{
	const struct lw_kb_place *p = &x->kb->places[s->id];
	place_context(x, a, c);
	int head = c->head, before = c->before, loc = c->loc, initial = c->initial;
	int single = c->single, in_dateline = c->in_dateline;
	int name_before = c->name_before;
	/* "in Kelwari Karachi" (locative_suffix): a province, or a town of
	 * six letters or more of a country the story names (or of any where
	 * it names none); not the end of a longer name ("Varden Darra", "Dorrin
	 * Kot", "Kelwari Mandi"), nor a country ("Nazi Germany") */
	if (c->suffix_only &&
	    (p->kind == LW_PK_COUNTRY || a->end - a->start < (p->kind == LW_PK_ADMIN1 ? 5u : 6u) ||
	     (p->kind != LW_PK_ADMIN1 && dc->n > 0 && !country_in(dc, p->country)) ||
	     (x->focus[0] && memcmp(p->country, x->focus, 3) != 0))) {
		loc = c->loc_plain;
		name_before = c->name_before_plain;
	}
	if (c->org_cont)
		return 0;
	/* "the Joint Investigation Team (JIT)", "TET teachers": a word of three
	 * letters or fewer in capitals that the gazetteer does not write so
	 * is an acronym ("BONN", "RIGA" stay the cities),
	 * not a town (Palestine's Jit, Hungary's Tét), outside a dateline or
	 * a sentence in capitals */
	if (single && !in_dateline && (x->u.u[a->first_unit].flags & LW_UF_UPPER) &&
	    a->end - a->start <= 3 && !lw_case_exact(s, x->u.u + a->first_unit, 1) &&
	    !place_shout(x, c) &&
	    !((a->first_tok == 0 || (x->t->tok[a->first_tok].flags & LW_TF_NEWLINE_BEFORE)) &&
	      lw_tok_punct(x->t, a->end_tok, ':')))
		return 0; /* ("JOS: Police fired ...", a town's label) */
	/* "AL-RAM", "El-Dorrin": the article of an Arabic name, not a town
	 * of its spelling (Norway's Ål) */
	if (single && a->end < x->t->tok[a->first_tok].end &&
	    (x->t->tok[a->first_tok].flags & LW_TF_HYPHEN) && lw_ann_find(x, a->first_tok, LW_SENSE_PARTICLE))
		return 0;
	/* "a ship in the Red Sea": the sea, not Egypt's or Sudan's province of
	 * its name ("the Red Sea governorate" has its head) */
	/* (past a region's word: "the southern Red Sea") */
	size_t the = a->first_tok;
	if (the > 1 && ec(x, the - 1, EC_REGION))
		the--;
	if (p->kind != LW_PK_COUNTRY && !head && the > 0 && ew(x, the - 1, W_THE) &&
	    (lw_tok_is(x->t, a->end_tok - 1, "sea") || lw_tok_is(x->t, a->end_tok - 1, "ocean")))
		return 0;
	/* "tankers in the Gulf of Oman", "the Bay of Bengal", "the Strait of
	 * Hormuz": the water, not the land of its name */
	static const char *const water[] = {"gulf", "bay", "sea", "strait", "straits"};
	if (p->kind != LW_PK_OTHER && a->first_tok >= 2 && ew(x, a->first_tok - 1, W_OF) &&
	    is_cap(x->t, a->first_tok - 2) &&
	    lw_tok_in(x->t, a->first_tok - 2, water, sizeof water / sizeof *water))
		return 0;
	/* "a boat on the Niger River", "the Jordan River": the river, not
	 * the country of its name, nor a place abroad of it (Nigeria's
	 * Niger state in a story of Mali; "the Swat River" in a story of
	 * Pakistan stays in Swat) */
	static const char *const river[] = {"river", "delta", "valley"};
	static _Atomic uint32_t river_initials;
	/* (their first letters first: the word after most places' names is
	 * none, and place_score is asked of every sense of every name) */
	if ((p->kind == LW_PK_COUNTRY || (x->focus[0] && memcmp(p->country, x->focus, 3) != 0)) &&
	    lw_tok_initial(x->t, a->end_tok, lw_list_initials(river, sizeof river / sizeof *river, &river_initials)) &&
	    lw_tok_in(x->t, a->end_tok, river, sizeof river / sizeof *river))
		return 0;
	/* "Smith's speech", "in Smith's speech": a one-word name and its
	 * possessive before a noun is someone's, and a place ("Smith's", a
	 * parish of Bermuda) only where the text puts it somewhere; "St.
	 * John's" is longer */
	if (a->end_tok == a->first_tok + 2 &&
	    (x->t->tok[a->first_tok + 1].flags & LW_TF_POSSESSIVE) &&
	    ((!loc && !in_dateline) ||
	     (a->end_tok < x->t->ntok && x->t->tok[a->end_tok].kind == LW_TOK_WORD &&
	      (x->t->tok[a->end_tok].flags & LW_TF_LOWER))))
		return 0;
	/* "in Kani township" in a story of Myanmar: a town of that name
	 * abroad (Japan's Kani), which the text names nowhere else, before
	 * a local unit's word, is a local place the gazetteer lacks, not
	 * the foreign town (but "the Shakargarh sector" in a story of
	 * India's border force is Pakistan's town) */
	static const char *const local[] = {"township", "village", "tehsil", "upazila", "union"};
	/* (a word for a village that is part of the names of one region's
	 * villages, "Mehraban Killay", "Sher Khan Goth", tells a local place
	 * wherever the story is) */
	static const char *const named_village[] = {"killay", "kalay", "killi", "goth"};
	if (p->kind == LW_PK_CITY && head && !in_dateline && memcmp(p->country, x->focus, 3) != 0 &&
	    country_weight(dc, p->country) <= 1 && a->end_tok < x->t->ntok &&
	    ((x->focus[0] && country_weight(dc, x->focus) >= 3 &&
	      lw_tok_in(x->t, a->end_tok, local, sizeof local / sizeof *local)) ||
	     lw_tok_in(x->t, a->end_tok, named_village, sizeof named_village / sizeof *named_village)))
		return 0;
	/* "Clinton said", "Briggs added": towns do not speak, people do */
	if (p->kind >= LW_PK_ADMIN2 && single && !in_dateline && c->cue_after && !loc)
		return 0; /* but "a protest in Peshawar asking for ..." is the town */
	if (single && (s->flags & LW_SF_COMMON) && !(s->flags & LW_SF_ACRONYM)) {
		if (p->kind >= LW_PK_ADMIN2) {
			/* "Of", "Us", "Tank", "Hit": a town only where the text says so */
			if (!lw_case_exact(s, x->u.u + a->first_unit, 1) || initial ||
			    !(head || before || in_dateline))
				return 0;
			/* "at Court area" in a story of Bangladesh: a head word
			 * makes a common word a place of the story's countries,
			 * not Switzerland's Court */
			if (!in_dateline && x->focus[0] && memcmp(p->country, x->focus, 3) != 0 &&
			    !country_in(dc, p->country))
				return 0;
			/* "the Railway Over Bridge": a word inside a name */
			if (!in_dateline && a->first_tok > 0 && is_cap(x->t, a->first_tok - 1) &&
			    x->t->tok[a->first_tok - 1].kind == LW_TOK_WORD)
				return 0;
		} else if (!in_dateline && place_shout(x, c)) {
			return 0; /* "CHINA" in a headline may be the word */
		}
	}
	if (!in_dateline && single && c->person_ctx && !jurisdiction(x, a->first_tok, a->end_tok, p))
		return 0; /* "Jordan Peterson", "Gen. Kabul" */
	/* "Aung San Suu Kyi": a town's name of two words or more that a
	 * given name opens, and that more name words follow, is the start
	 * of a person's name where the text puts nothing there */
	if (!in_dateline && !single && !head && c->name_after &&
	    (!loc || (a->first_tok > 0 && ew(x, a->first_tok - 1, W_OF))) &&
	    given_name_ann(x, a->first_tok) && is_cap(x->t, a->end_tok) &&
	    !(x->ann_kinds[a->end_tok] & (1u << LW_SENSE_PLACE_HEAD | 1u << LW_SENSE_ORG_HEAD)))
		return 0;
	/* "had written to Alan", "a letter to Nancy": a given name that
	 * is also a town abroad is the person after a word that takes people
	 * ("in", "at", "near", "from Alan" stay the town) */
	static const char *const to_someone[] = {"to", "of", "with", "for", "by", "about"};
	if (!in_dateline && single && !head && !before && p->kind >= LW_PK_ADMIN2 &&
	    a->first_tok > 0 && (x->t->tok[a->first_tok - 1].flags & LW_TF_LOWER) &&
	    given_name_ann(x, a->first_tok) && !country_in(dc, p->country) &&
	    lw_tok_in(x->t, a->first_tok - 1, to_someone, sizeof to_someone / sizeof *to_someone))
		return 0;

	if (!in_dateline && single &&
	    (c->name_before_strong || (p->kind != LW_PK_COUNTRY && name_before)))
		return 0; /* "Bill Clinton", "S. Waugh", "MaliVai Washington" */
	/* "the Somali capital", "Somali forces": a people's name before a
	 * noun, not Ethiopia's Somali region ("the Somali region" stays) */
	if (single && !in_dateline && !head && p->kind != LW_PK_COUNTRY && a->end_tok < x->t->ntok &&
	    x->t->tok[a->end_tok].kind == LW_TOK_WORD && (x->t->tok[a->end_tok].flags & LW_TF_LOWER) &&
	    lw_ann_find(x, a->first_tok, LW_SENSE_DEMONYM) &&
	    lw_ann_find(x, a->first_tok, LW_SENSE_DEMONYM)->end_tok == a->end_tok)
		return 0;
	if ((s->flags & LW_SF_COMMON) && place_shout(x, c) &&
	    !lw_case_exact(s, x->u.u + a->first_unit, a->end_unit - a->first_unit))
		return 0;
	/* A province or town of a country the text never mentions is more
	 * likely a person or a word than a place, unless the text says "in
	 * X"; and not even then, if the name is also a place elsewhere, when
	 * it begins a longer name or names another kind of place ("in the
	 * Pech River Valley": the river, not the German town). "in Lahore
	 * Press Club" stays Lahore. */
	/* "Karjan district, Uruzgan province": a town of the region's
	 * country, not the Indian town of that name; "Dara Soof Payan
	 * district" in an Afghan story: the longer name is the place, not
	 * the Syrian "Dara" ("Tangail Sadar upazila" in a Bangladeshi one
	 * stays in Tangail). The region is trusted when it is of the story's
	 * country: "Nawah district, Ghanzi province" misspells Ghazni, and
	 * does not put Nawah in Botswana's Ghanzi */
	/* A town of a region named so ("Dasht, Mastung") is trusted the
	 * same way, or where the story names no country at all: a note of
	 * one line puts its village by the district around it */
	const char *region = c->region ? c->region : c->region_town;
	if (p->kind != LW_PK_COUNTRY &&
	    ((region && memcmp(region, p->country, 3) != 0 &&
	      (x->focus[0] ? memcmp(region, x->focus, 3) == 0
			   : country_in(dc, region) || dc->n == 0)) ||
	     (c->run_head && (x->focus[0] ? memcmp(p->country, x->focus, 3) != 0
					   : !country_in(dc, p->country)))))
		return 0;
	int foreign = !country_in(dc, p->country) && !in_dateline;
	/* "Pul-e ‘Alam district, Logar province" in an Afghan story: not
	 * Iran's town Pul; "Archi district" there: not Italy's town Archi
	 * (a town the text calls a district or a province) */
	int elsewhere = x->focus[0] ? memcmp(p->country, x->focus, 3) != 0 : foreign;
	if (p->kind != LW_PK_COUNTRY && elsewhere &&
	    (c->ezafe ||
	     (x->focus[0] && foreign && head && p->kind == LW_PK_CITY && head != p->kind)))
		return 0;
	/* "near the Ariana hotel" in an Afghan story: a hotel's, a
	 * restaurant's or a bank's name, not a province or district abroad
	 * ("the Munich mall shooting" stays in the city) */
	static const char *const venue[] = {"hotel", "restaurant", "cafe", "guesthouse", "mall",
					    "cinema", "bank", "club", "bakery", "supermarket"};
	if (x->focus[0] && memcmp(p->country, x->focus, 3) != 0 && !in_dateline &&
	    (p->kind == LW_PK_ADMIN1 || p->kind == LW_PK_ADMIN2) && a->end_tok < x->t->ntok &&
	    (x->t->tok[a->end_tok].flags & LW_TF_LOWER) &&
	    lw_tok_in(x->t, a->end_tok, venue, sizeof venue / sizeof *venue))
		return 0;
	/* "Johnson Road" in a story from Dhaka: a street's name, not a town
	 * of a country the story does not name ("Jhang Road", "Islamabad
	 * Expressway" in a Pakistani one are at or near the place, and the
	 * "Mardan-Malakand Road" runs between two) */
	if (foreign && p->kind != LW_PK_OTHER && route_after(x, a->end_tok) &&
	    !(x->t->tok[a->end_tok - 1].flags & LW_TF_HYPHEN))
		return 0;
	/* "In Pir Colony Peshawar", "Johar Town, Lahore": a town's part
	 * named with a capitalised head, then the town it is in, of another
	 * country; not Romania's town Pir (locality_in_town) */
	if (p->kind != LW_PK_COUNTRY && !in_dateline && locality_in_town(x, a->end_tok, p->country))
		return 0;
	/* (a town abroad that only begins a longer name in a story of
	 * another country is that name's first word: "in the Tal al-Ward
	 * area" of an Iraqi story, not India's Tal) */
	/* nor where a given name follows ("Yar Mohammad", a man's name, not
	 * Russia's town Yar) */
	int said_here = loc && ((!c->name_after && !(head && head != p->kind)) ||
				(!places_abroad(x, a, p->country) && !(x->focus[0] && c->name_after) &&
				 !(c->name_after && given_name_ann(x, a->end_tok))));
	/* "teachers protested on Lahore", "the group's Karachi network": a
	 * town that is its district's or province's seat (named as it), no
	 * common word nor given name, one word of its own (not in a name,
	 * not "the Sena", not a table's row "Wigan 4 2 1 1"), stands for
	 * itself where the story names no country */
	if (foreign && !said_here && !x->focus[0] && dc->n == 0 && p->kind == LW_PK_CITY &&
	    !(s->flags & LW_SF_COMMON) && !c->name_after && !given_name_ann(x, a->first_tok) &&
	    x->t->tok[a->first_tok].kind == LW_TOK_WORD &&
	    (c->initial || a->first_tok == 0 ||
	     (!is_cap(x->t, a->first_tok - 1) && !lw_tok_is(x->t, a->first_tok - 1, "the"))) &&
	    (a->end_tok >= x->t->ntok || x->t->tok[a->end_tok].kind != LW_TOK_NUMBER) &&
	    ((p->admin2 < x->kb->nplaces && same_name(x->kb, p, &x->kb->places[p->admin2])) ||
	     (p->admin1 < x->kb->nplaces && same_name(x->kb, p, &x->kb->places[p->admin1])) ||
	     capital_city(p)) &&
	    !places_abroad(x, a, p->country))
		said_here = 1;
	int score = 10;
	switch (p->kind) {
	case LW_PK_COUNTRY:
		score = 60;
		break;
	case LW_PK_ADMIN1:
		if (foreign && !said_here)
			return 0;
		if (single && (s->flags & LW_SF_COMMON) && !head && !before && !in_dateline)
			return 0; /* "Western", "Central" */
		score = 45;
		break;
	case LW_PK_ADMIN2:
	case LW_PK_CITY:
	case LW_PK_OTHER:
		if (foreign && !said_here)
			return 0;
		/* "in the Jenin refugee camp" in a story of the West Bank: the
		 * reading in a country the story names, not a village abroad */
		if (foreign && reading_in_named(x, a, p))
			return 0;
		/* a town is the usual reading of a name that is also its
		 * province's ("Kandahar"), unless "province" follows; but not
		 * a town of another province that has the name of one of its
		 * country's provinces ("Iowa" is the state, not the town in
		 * Louisiana) */
		score = p->kind == LW_PK_CITY ? 50 : p->kind == LW_PK_ADMIN2 ? 40 : 30;
		if (p->kind != LW_PK_ADMIN1 && c->admin1_sense && !capital_city(p) &&
		    namesake_province(x, dc, a, p))
			score = 35; /* (Washington, D.C. stays the capital) */
		/* the dateline's town is its first name: "BOGOTA, Colombia"
		 * is the country after the comma, not a town named Colombia */
		if (in_dateline && p->kind == LW_PK_CITY &&
		    !(a->start > x->t->dateline.place.start && country_reading(x, a)))
			score += 15;
		break;
	}
	if (p->kind >= LW_PK_ADMIN2) {
		/* "Aligarh, Uttar Pradesh": the town of that province; one of a
		 * province the text names elsewhere before one of another */
		if (c->region_place != UINT32_MAX && p->admin1 == c->region_place)
			score += 30;
		else if (p->admin1 != UINT32_MAX && x->t->nsent)
			score += 4 * prov_named(x, p->admin1, x->t->sent[c->sent].first_token,
						x->t->sent[c->sent].end_token, a->first_tok);
		/* a town of its district's name is the district's seat, the
		 * usual reading of the name ("Aligarh" of Aligarh district) */
		if (p->kind == LW_PK_CITY && p->admin2 < x->kb->nplaces &&
		    same_name(x->kb, p, &x->kb->places[p->admin2]))
			score += 3;
		/* and a country's capital the usual reading of its name
		 * ("Doha", "Colombo", "London"), unless the story names the
		 * country of another (dc: +5) */
		if (capital_city(p))
			score += 4;
	}
	if (head && head == p->kind)
		score += 40; /* "Kabul province" is the province */
	else if (head && head != p->kind && p->kind >= LW_PK_ADMIN1)
		score -= 20;
	if (country_in(dc, p->country))
		score += 5;
	if (x->focus[0] && memcmp(p->country, x->focus, 3) == 0)
		score += 10;
	if (lw_case_exact(s, x->u.u + a->first_unit, a->end_unit - a->first_unit))
		score += 2;
	if (s->flags & LW_SF_CANONICAL)
		score += 1;
	if (s->flags & LW_SF_VARIANT)
		score -= 3; /* "St. Louis" as written before "Saint Louis" */
	return score;
}

static int actor_score(const struct lw_extract *x, const struct countries *dc,
		       const struct countries *towns, const struct lw_ann *a,
		       const struct lw_kb_sense *s)
{
	const struct lw_text *t = x->t;
	int single = a->end_unit - a->first_unit == 1;
	if (single && (s->flags & LW_SF_COMMON) && !(s->flags & LW_SF_ACRONYM)) {
		if (!lw_case_exact(s, x->u.u + a->first_unit, 1) || sentence_initial(t, a->first_tok))
			return 0;
	}
	/* "Sirajuddin Haqqani", "Husain Haqqani": a one-word group name after a
	 * given name is a family name */
	if (single && !(s->flags & LW_SF_ACRONYM) && a->first_tok > 0 &&
	    !sentence_initial(t, a->first_tok) && given_name_ann(x, a->first_tok - 1) &&
	    is_cap(t, a->first_tok - 1))
		return 0;
	/* "Amal Dorrani": a one-word group name that is also a given name,
	 * before a capitalised word that names nothing, opens a person's
	 * name (the Amal Movement is "Amal" alone) */
	if (single && !(s->flags & LW_SF_ACRONYM) && given_name_ann(x, a->first_tok) &&
	    a->end_tok < t->ntok && is_cap(t, a->end_tok) && !x->ann_kinds[a->end_tok] &&
	    t->tok[a->end_tok].kind == LW_TOK_WORD)
		return 0;
	/* "Benazir Bhutto Hospital", "Indira Gandhi International Airport":
	 * a person's name inside the name of what is named after them */
	if (x->kb->actors[s->id].type == LW_ACTOR_PERSON)
		for (size_t k = a->end_tok; k < t->ntok && k < a->end_tok + 4 && is_cap(t, k) &&
					    t->tok[k].kind == LW_TOK_WORD;
		     k++)
			if (org_head_tail(x, k) || place_head_after(x, k))
				return 0;
	int score = 70;
	if (lw_case_exact(s, x->u.u + a->first_unit, a->end_unit - a->first_unit))
		score += 10; /* "JEM" the acronym over "JeM" in capitals */
	if (s->flags & LW_SF_CANONICAL)
		score += 1;
	/* "JI" is Jamaat-e-Islami in a Pakistani story and Jemaah Islamiyah
	 * in an Indonesian one: the actor of a country the text names wins */
	const struct lw_kb_actor *ac = &x->kb->actors[s->id];
	if (ac->nperiod) {
		const char *cc = x->kb->periods[ac->period + ac->nperiod - 1].country;
		if (cc[0] && (country_in(dc, cc) || country_in(towns, cc)))
			score += 4;
		if (cc[0] && x->focus[0] && memcmp(cc, x->focus, 3) == 0)
			score += 4;
	}
	return score;
}

/* Choose the named mentions: the longest fitting name at each place. */
/* Are the annotations names[0, n) (one first unit, the longest first)
 * a town, province or county named for its team: only place senses other
 * than countries in the longest span, and team_evidence for it? */
static int team_name_past(const struct lw_extract *x, const uint32_t *names, size_t n);

static inline int team_name(const struct lw_extract *x, const uint32_t *names, size_t n)
{
	const struct lw_ann *a0 = &x->ann[names[0]];
	size_t first = a0->first_tok, end = a0->end_tok;
	/* most names: neither a capital, a number, "v", "beat" ... after
	 * them nor a cue before them, and no team name of the text. Inline:
	 * collect_teams asks it of every name, and the call cost more than
	 * this answer */
	if (!x->nteams && !is_cap(x->t, end) && !team_cue(x, end) &&
	    !(first > 0 && team_cue(x, first - 1)))
		return 0;
	return team_name_past(x, names, n);
}

/* team_name past its first question. */
__attribute__((noinline)) static int team_name_past(const struct lw_extract *x,
						    const uint32_t *names, size_t n)
{
	const struct lw_ann *a0 = &x->ann[names[0]];
	size_t first = a0->first_tok, end = a0->end_tok;
	for (size_t j = 0; j < n && x->ann[names[j]].end_unit == a0->end_unit; j++) {
		const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[names[j]]);
		if (s->kind != LW_SENSE_PLACE || x->kb->places[s->id].kind == LW_PK_COUNTRY)
			return 0;
	}
	return team_named(x, first, end) || team_evidence(x, first, end);
}

/* The names of towns and counties the document uses for teams, where the
 * words around one mention say so (team_evidence): before any name is
 * taken, so that every mention of such a name is the team. */
static lw_status collect_teams(struct lw_extract *x)
{
	const uint32_t *names = x->name_ann;
	size_t nnames = x->nname_ann;
	const struct lw_text *t = x->t;
	for (size_t k = 0; k < nnames;) {
		uint32_t fu = x->ann[names[k]].first_unit;
		size_t end = k;
		while (end < nnames && x->ann[names[end]].first_unit == fu)
			end++;
		const struct lw_ann *a0 = &x->ann[names[k]];
		if (team_name(x, names + k, end - k)) {
			uint64_t key = text_key(KEY_TEAM, 0, t->p + a0->start, a0->end - a0->start);
			if (imap_get(&x->ent_by_key, key) == UINT32_MAX) {
				if (imap_put(&x->ent_by_key, x->arena, key, 1))
					return LW_ENOMEM;
				x->nteams++;
			}
		}
		k = end;
	}
	return LW_OK;
}

static lw_status named_mentions(struct lw_extract *x, const struct countries *dc,
				const struct countries *towns)
{
	const struct lw_kb *kb = x->kb;
	/* only actor and place senses score: the annotations of x->name_ann
	 * (a demonym there scores 0, as every other kind would) */
	const uint32_t *names = x->name_ann;
	size_t nnames = x->nname_ann;
	uint32_t next_unit = 0;
	struct place_ctx pc;
	for (size_t k = 0; k < nnames;) {
		uint32_t fu = x->ann[names[k]].first_unit;
		size_t end = k;
		while (end < nnames && x->ann[names[end]].first_unit == fu)
			end++;
		if (fu < next_unit) {
			k = end;
			continue;
		}
		/* "Kansas City 1": a town's team, and no shorter name in it
		 * ("Kansas") is a place either */
		if (x->nteams && team_named(x, x->ann[names[k]].first_tok, x->ann[names[k]].end_tok) &&
		    team_name(x, names + k, end - k)) {
			k = end;
			continue;
		}
		/* longest span first (the annotations are sorted so) */
		const struct lw_ann *best = NULL;
		int best_score = 0;
		pc.ready = 0;
		for (size_t j = k; j < end; j++) {
			const struct lw_ann *a = &x->ann[names[j]];
			if (best && a->end_unit < best->end_unit)
				break; /* a shorter span: the longer one won */
			const struct lw_kb_sense *s = lw_ann_sense(x, a);
			int sc = 0;
			if (s->kind == LW_SENSE_ACTOR)
				sc = actor_score(x, dc, towns, a, s);
			else if (s->kind == LW_SENSE_PLACE)
				sc = place_score(x, dc, a, s, &pc);
			if (sc > best_score) {
				best = a;
				best_score = sc;
			}
		}
		if (best) {
			const struct lw_kb_sense *s = lw_ann_sense(x, best);
			int type = s->kind == LW_SENSE_PLACE ? LW_PLACE
				   : kb->actors[s->id].type == LW_ACTOR_PERSON ? LW_PERSON
									     : LW_ORG;
			struct lw_mention *m = add_mention(x, best->start, best->end, best->first_tok,
							   best->end_tok, type, LW_MS_DICT, UINT32_MAX);
			if (!m)
				return LW_ENOMEM;
			/* the entity: one per actor or place */
			uint64_t key = id_key(s->kind == LW_SENSE_ACTOR ? KEY_ACTOR : KEY_PLACE, s->id);
			uint32_t ent = imap_get(&x->ent_by_key, key);
			if (ent == UINT32_MAX) {
				ent = add_ent(x, type);
				if (ent == UINT32_MAX || imap_put(&x->ent_by_key, x->arena, key, ent))
					return LW_ENOMEM;
				if (s->kind == LW_SENSE_ACTOR)
					x->ents[ent].actor = s->id;
				else
					x->ents[ent].place = s->id;
			}
			if (m != &x->scratch) {
				x->men[x->nmen - 1].ent = ent;
				/* a dictionary's person, as one found by context:
				 * "Khan" after "Imran Khan" is he */
				if (note_parts(x, &x->men[x->nmen - 1]))
					return LW_ENOMEM;
			}
			next_unit = best->end_unit;
		}
		k = end;
	}
	return LW_OK;
}

/* ---- 3. names no dictionary knows ---- */

/* common_word without the memo. */
static int common_word_ask(const struct lw_extract *x, size_t tok)
{
	const struct lw_text *t = x->t;
	const lw_token *k = &t->tok[tok];
	size_t n = lw_tok_len(k);
	if (!x->kb->common)
		return 0;
	/* a plain ASCII word is one unit whose key is its bytes in lower case
	 * (units.c), hashed as the set hashes: ask with them */
	uint32_t u = x->unit_at[tok];
	if (k->kind == LW_TOK_WORD && !(k->flags & (LW_TF_HYPHEN | LW_TF_NONASCII | LW_TF_APOS)) &&
	    u < x->u.n && x->u.u[u].tok == tok && x->u.u[u].key_len == n)
		return lw_wordset_has_hashed(x->kb->common, x->u.keys + x->u.u[u].key, n,
					     x->u.u[u].hash);
	return lw_wordset_has_lower(x->kb->common, t->p + k->start, n);
}

/* Is the token a common word (the kb's list), whatever its case? Most
 * tokens asked (sentence-initial capitals: "The", "But", "He") are words
 * of words.h, whose lower-case text is their word id's: the answer is
 * kept per id for the document (x->common_ids: 0 unknown, 1 no, 2 yes),
 * a byte read where the set's lookup cost a hundred instructions. */
static int common_word(const struct lw_extract *x, size_t tok)
{
	uint8_t id = x->evw[tok];
	if (!id)
		return common_word_ask(x, tok);
	if (!x->common_ids[id])
		x->common_ids[id] = (uint8_t)(1 + common_word_ask(x, tok));
	return x->common_ids[id] == 2;
}

/* Does any unit of the token start with a capital ("ur-Rehman")? */
static int has_cap_unit(const struct lw_extract *x, size_t tok)
{
	return x->unit_caps[tok] != 0;
}

/* The last unit of a hyphenated token is capitalised ("ur-Rehman",
 * "Tehrik-i-Taliban"), unlike "Afghan-based" or "US-backed". */
static int last_unit_cap(const struct lw_extract *x, size_t tok)
{
	uint32_t u = x->unit_at[tok], last = u;
	while (u < x->u.n && x->u.u[u].tok == tok)
		last = u++;
	return last < x->u.n && (x->u.u[last].flags & (LW_UF_CAP | LW_UF_UPPER));
}

/* Does s[0, n), lower-cased, equal one of the words? */
static int folded_in(const char *s, size_t n, const char *const *words)
{
	for (; *words; words++) {
		size_t i = 0;
		while (i < n && (*words)[i] && lw_ascii_lower((unsigned char)s[i]) == (*words)[i])
			i++;
		if (i == n && !(*words)[i])
			return 1;
	}
	return 0;
}

/*
 * Is token k a contraction ("I'm", "I’ve", "They're", "Don't", "He's"),
 * which may stand capitalised in the middle of a sentence and is never a
 * name? The part after the apostrophe tells: "m", "ve", "ll", "re" always,
 * "t" after an "n", "s" and "d" after a pronoun ("He's", "I'd"; "Sa'd" is a
 * name). Names with an apostrophe ("O'Brien", "D'Souza", "Ma'ruf") go on
 * with more than these.
 */
int lw_contraction(const struct lw_text *t, size_t k)
{
	const char *p = t->p + t->tok[k].start;
	size_t n = lw_tok_len(&t->tok[k]), a = 0, w = 0;
	for (; a < n; a++) {
		if (p[a] == '\'') {
			w = 1;
			break;
		}
		if (a + 3 <= n && (unsigned char)p[a] == 0xE2 && (unsigned char)p[a + 1] == 0x80 &&
		    (unsigned char)p[a + 2] == 0x99) {
			w = 3;
			break;
		}
	}
	if (!w || a == 0)
		return 0;
	const char *rest = p + a + w;
	size_t m = n - a - w;
	static const char *const always[] = {"m", "ve", "ll", "re", NULL};
	static const char *const pronouns[] = {"i", "he", "she", "it", "we", "you", "they", "that",
					       "there", "here", "what", "who", "where", "how", "let",
					       NULL};
	if (folded_in(rest, m, always))
		return 1;
	if (m == 1 && (rest[0] | 0x20) == 't')
		return (p[a - 1] | 0x20) == 'n';
	if (m == 1 && ((rest[0] | 0x20) == 's' || (rest[0] | 0x20) == 'd'))
		return folded_in(p, a, pronouns);
	return 0;
}

/* The kinds of annotation that make a capitalised word no name word. */
#define NOT_NAME_KINDS (1u << LW_SENSE_NOT_NAME | 1u << LW_SENSE_DEMONYM | 1u << LW_SENSE_TITLE)

static int name_token_slow(const struct lw_extract *x, size_t k);

/* A word that may be part of a name no dictionary knows. Inline, the
 * common answers: unknown_names asks it of every capital and of the word
 * after every name word, and the call saved and restored the registers
 * the rare cases (hyphens, annotations: name_token_slow) need. */
static inline int name_token(const struct lw_extract *x, size_t k)
{
	const struct lw_text *t = x->t;
	if (!is_word(t, k) || x->cover[k])
		return 0;
	if (!(t->tok[k].flags & (LW_TF_CAP | LW_TF_UPPER)) && !has_cap_unit(x, k))
		return 0;
	if (!(t->tok[k].flags & (LW_TF_HYPHEN | LW_TF_APOS)) && !(x->ann_kinds[k] & NOT_NAME_KINDS) &&
	    !beside_number(t, k))
		return 1;
	return name_token_slow(x, k);
}

/* name_token past its first questions (asked again: cheap). */
__attribute__((noinline)) static int name_token_slow(const struct lw_extract *x, size_t k)
{
	const struct lw_text *t = x->t;
	if (!is_word(t, k) || x->cover[k])
		return 0;
	if (!(t->tok[k].flags & (LW_TF_CAP | LW_TF_UPPER)) && !has_cap_unit(x, k))
		return 0;
	if ((t->tok[k].flags & LW_TF_HYPHEN) && !last_unit_cap(x, k))
		return 0;
	if (month_of_date(t, k) || ((t->tok[k].flags & LW_TF_APOS) && lw_contraction(t, k)))
		return 0;
	/* most name words start no annotation of the three kinds below:
	 * one test of the token's kinds for them all */
	if (!(x->ann_kinds[k] & NOT_NAME_KINDS))
		return 1;
	/* a people's name or a faith's is no name word ("Turkish officials",
	 * "Islam"), but a surname after a given name, before punctuation or
	 * a verb of saying, is: "Volker Türk said", "Dawn French,", "Nahid
	 * Islam, a student leader" (not a day or a month: "Sunday") */
	int surname = k > 0 && given_name_ann(x, k - 1) &&
		      (k + 1 >= t->ntok || t->tok[k + 1].kind == LW_TOK_PUNCT ||
		       t->tok[k + 1].kind == LW_TOK_TERM || (x->ann_kinds[k + 1] & (1u << LW_SENSE_CUE)) ||
		       /* "Chief Minister Rafiq Baloch in Quetta": no noun after
			* it that the people's name would describe */
		       ((t->tok[k + 1].flags & LW_TF_LOWER) &&
			ec(x, k + 1, EC_PREP | EC_FUNCTION | EC_STATE_AUX)));
	if (ann_whole(x, k, LW_SENSE_NOT_NAME) && !(surname && !lw_calendar_name(t, k)))
		return 0;
	if (ann_whole(x, k, LW_SENSE_DEMONYM) && !surname)
		return 0;
	/* a title is context, not name ("President", "Gen."), but a word of
	 * an organisation's name ("the Chief Judicial Magistrate Court") */
	/* (or an initial: "Interior Minister A. Khan") */
	const struct lw_ann *ti = lw_ann_find(x, k, LW_SENSE_TITLE);
	if (ti && ti->start == t->tok[k].start &&
	    (is_cap(t, ti->end_tok) || abbrev_name_token(x, ti->end_tok)) &&
	    !org_continues(x, ti->end_tok, ti->end_tok, 0))
		return 0;
	return 1;
}

/* Words that never begin a name, even capitalised mid-sentence by damage
 * ("Last month, An Afghan-based affiliate"). */
static int function_word(const struct lw_extract *x, size_t k)
{
	return ec(x, k, EC_FUNCTION);
}

static int particle_token(const struct lw_extract *x, size_t k)
{
	return is_word(x->t, k) && (x->t->tok[k].flags & LW_TF_LOWER) &&
	       ann_whole(x, k, LW_SENSE_PARTICLE) != NULL;
}

static inline int abbrev_name_token(const struct lw_extract *x, size_t k)
{
	/* initials inside a name: "George W. Bush", "J. Smith" */
	const lw_token *t = &x->t->tok[k];
	return k < x->t->ntok && t->kind == LW_TOK_ABBREV && lw_tok_len(t) == 2 &&
	       (t->flags & LW_TF_CAP) && !x->cover[k];
}

/* An organisation head word of the given kind (0 tail, 1 head) at k. */
static inline int org_head_kind(const struct lw_extract *x, size_t k, int sub)
{
	if (k >= x->t->ntok || !(x->ann_kinds[k] & (1u << LW_SENSE_ORG_HEAD)))
		return 0;
	for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
		const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
		if (s->kind == LW_SENSE_ORG_HEAD && s->sub == sub)
			return 1;
	}
	return 0;
}

static int org_head_tail(const struct lw_extract *x, size_t k)
{
	return org_head_kind(x, k, 0) && (x->t->tok[k].flags & (LW_TF_CAP | LW_TF_UPPER));
}

static int org_head_head(const struct lw_extract *x, size_t k)
{
	return org_head_kind(x, k, 1);
}

static int cue_verb_at(const struct lw_extract *x, size_t k)
{
	const struct lw_ann *a = lw_ann_find(x, k, LW_SENSE_CUE);
	return a && lw_ann_sense(x, a)->sub == LW_CUE_VERB;
}

/* ", 38," after a name: an age */
static int age_after(const struct lw_text *t, size_t end)
{
	if (!lw_tok_punct(t, end, ',') || end + 2 >= t->ntok)
		return 0;
	const lw_token *n = &t->tok[end + 1];
	return n->kind == LW_TOK_NUMBER && lw_tok_len(n) <= 3 &&
	       (lw_tok_punct(t, end + 2, ',') || t->tok[end + 2].kind == LW_TOK_TERM);
}

/* A title the dictionary writes capitalised ("Prime Minister", "Foreign
 * Minister") that an apposition writes in lower case (", the Pakistani
 * prime minister,"): news capitalises a title before a name only, so
 * where a name is described the title is looked up in any case. The
 * longest title from token k: its role sense, and its end token in *end;
 * NULL when none starts there. */
static const struct lw_kb_sense *lower_title(const struct lw_extract *x, size_t k, size_t *end)
{
	const struct lw_text *t = x->t;
	/* a title's first word: lower case, of letters, not a word of the
	 * entity stage's lists ("the", "of", "in") */
	if (k >= t->ntok || !(t->tok[k].flags & LW_TF_LOWER) || t->tok[k].kind != LW_TOK_WORD ||
	    x->evw[k] != W_NONE)
		return NULL;
	const struct lw_units *u = &x->u;
	uint32_t ui = u->tok_first[k];
	if (ui >= u->n || u->u[ui].tok != k)
		return NULL;
	struct lw_hit hits[LW_KB_MAX_UNITS];
	size_t n = lw_match_at(x->kb, lw_match_memo_for(x->kb), u, ui, hits, LW_KB_MAX_UNITS);
	const struct lw_kb_sense *best = NULL;
	for (size_t h = 0; h < n; h++) /* shortest first */
		for (uint32_t i = 0; i < hits[h].nsense; i++) {
			const struct lw_kb_sense *sn = &x->kb->senses[hits[h].sense + i];
			if (sn->kind == LW_SENSE_ROLE && x->kb->roles[sn->id].kind == LW_ROLE_TITLE) {
				best = sn;
				*end = u->u[hits[h].end - 1].tok + 1;
			}
		}
	return best;
}

/* ", a spokesman", ", the head of", ", a nurse at": an apposition that
 * describes a person. lower: a title written in lower case counts (",
 * the Pakistani prime minister,"), where the name before is a person's
 * already; not where it makes one (", the governor did just that" after
 * a network's name). */
static int person_apposition(const struct lw_extract *x, size_t end, int lower)
{
	const struct lw_text *t = x->t;
	if (!lw_tok_punct(t, end, ','))
		return 0;
	size_t k = end + 1;
	if (ew(x, k, W_A) || ew(x, k, W_AN) || ew(x, k, W_THE)) {
		/* "a nurse at the clinic", "a teacher from Herat" */
		size_t j = k + 1;
		while (j < t->ntok && j < k + 4 && is_word(t, j) && (t->tok[j].flags & LW_TF_LOWER) &&
		       !ec(x, j, EC_APPOS_PREP))
			j++;
		if (j > k + 1 && j < t->ntok &&
		    (ec(x, j, EC_APPOS_PREP) || lw_tok_punct(t, j, ',') || t->tok[j].kind == LW_TOK_TERM))
			return 1;
		k++;
	} else if (k + 2 < t->ntok && is_word(t, k) && (t->tok[k].flags & LW_TF_LOWER) &&
		   (ew(x, k + 1, W_OF) || ew(x, k + 1, W_AT)) && !lw_tok_ends(t, k, "ing", 3) &&
		   !lw_tok_ends(t, k, "ed", 2) && !lw_tok_ends(t, k, "s", 1) && !ew(x, k, W_ONE) &&
		   (ew(x, k + 2, W_THE) || (t->tok[k + 2].flags & LW_TF_CAP))) {
		/* "Danielle Bell, head of the mission", "X, director of the
		 * Y Institute": one person's role word with no article (not
		 * "Bisada Village, residents of ...", and "one of the" tells
		 * no more than the noun after it: "Patriot Coal, one of the
		 * largest coal companies") */
		return 1;
	}
	for (size_t j = k; j < t->ntok && j < k + 4; j++) {
		size_t e;
		if (lw_ann_find(x, j, LW_SENSE_TITLE) || (lower && lower_title(x, j, &e)))
			return 1;
		const struct lw_ann *r = lw_ann_find(x, j, LW_SENSE_ROLE);
		if (r && x->kb->roles[lw_ann_sense(x, r)->id].kind == LW_ROLE_TITLE)
			return 1;
		if (ec(x, j, EC_KIN))
			return 1;
	}
	return 0;
}

/* "residents of X", "villagers from X", "people in X": the people of a
 * place, so X is one (a name there is never a person's) */
static int dwellers_of(const struct lw_extract *x, size_t first)
{
	static const char *const dwellers[] = {
		"residents", "inhabitants", "villagers", "natives", "locals", "citizens",
		"people",    "tribesmen",   "dwellers",  "townspeople"};
	return first >= 2 &&
	       (ew(x, first - 1, W_OF) || ew(x, first - 1, W_FROM) || ew(x, first - 1, W_IN)) &&
	       lw_tok_in(x->t, first - 2, dwellers, sizeof dwellers / sizeof *dwellers);
}

struct chunk {
	size_t first, end;
};

enum { NER_NONE = -1 };

/* Type of an unknown name [first, end) from its context, or NER_NONE. */
static int classify(const struct lw_extract *x, size_t first, size_t end, int *place_kind)
{
	const struct lw_text *t = x->t;
	int person = 0, org = 0, place = 0;
	size_t n = end - first;
	*place_kind = LW_PK_CITY;
	/* a day of note ("Thanksgiving Day, the minister said", "Republic
	 * Day") is no one, though an apposition may follow it; "Doris Day"
	 * has her given name, "Mr. Day" his title */
	int title = title_before(x, first);
	/* "Taliban commander, Mahjur, was killed": a title, then the name in
	 * commas */
	if (!title && first >= 2 && lw_tok_punct(t, first - 1, ',') && end < t->ntok &&
	    lw_tok_punct(t, end, ',') && title_before(x, first - 1) &&
	    (t->tok[first - 2].flags & LW_TF_LOWER))
		title = 1;
	if (n > 1 && lw_tok_is(t, end - 1, "day") && !title && !given_name_ann(x, first))
		return NER_NONE;
	/* "the Secretary Education", "outside the Governor House": an
	 * office's department or residence, no one's name */
	static const char *const offices[] = {
		"house",     "education",   "health",  "finance",   "interior", "home",
		"revenue",   "agriculture", "information", "law",   "labour",   "labor",
		"irrigation", "culture",    "housing", "energy",    "power",    "food",
		"planning",  "industries",  "commerce", "transport", "secretariat", "office"};
	if (n == 1 && title && lw_tok_in(t, first, offices, sizeof offices / sizeof *offices))
		return NER_NONE;
	/* "NGOs", "MPs", "IDPs": the plural of an abbreviation is a common
	 * noun */
	if (n == 1) {
		const lw_token *q = &t->tok[first];
		const char *p = t->p + q->start;
		size_t len = lw_tok_len(q), caps = 0;
		while (caps < len && p[caps] >= 'A' && p[caps] <= 'Z')
			caps++;
		if (caps >= 2 && len == caps + 1 && p[caps] == 's')
			return NER_NONE;
	}
	if (title)
		person += 5;
	if (given_name_ann(x, first) || (n > 1 && common_given_name(t, first)))
		person += n > 1 ? 4 : 2; /* ("Bill Clinton": common_given_name) */
	if (n > 1 && t->tok[first].kind == LW_TOK_ABBREV)
		person += 4; /* "S. Waugh" */
	for (size_t k = first + 1; k < end; k++)
		if (given_name_ann(x, k))
			person += 1;
	if (org_head_tail(x, end - 1))
		org += 7;
	/* a team, unless a given name says it is a player ("Doug Flach"
	 * after "beat" in a tennis result) */
	if (!given_name_ann(x, first) && (team_named(x, first, end) || team_evidence(x, first, end)))
		org += 10;
	if (org_head_head(x, first))
		org += 7;
	/* "Lahore University of Management Sciences", "Civil Hospital
	 * Badin": an organisation's head inside the name, before "of" or a
	 * place */
	for (size_t k = first + 1; k + 1 < end; k++)
		if (org_head_tail(x, k) &&
		    (ew(x, k + 1, W_OF) || ew(x, k + 1, W_FOR) ||
		     (k + 2 == end && lw_ann_find(x, k + 1, LW_SENSE_PLACE)))) {
			org += 6;
			break;
		}
	for (size_t k = first; k < end; k++)
		if (ew(x, k, W_OF) || ew(x, k, W_FOR))
			org += 1;
	/* "members of the Udyog Vyapar Mandal", "activists of X Y": one is
	 * a member of a body, not of a place ("residents of" are a place's;
	 * a one-word name may be a people's: "members of the Hazara") */
	static const char *const joined[] = {"members", "member", "activists", "activist",
					     "cadres", "cadre"};
	size_t jb = first >= 2 && ew(x, first - 1, W_THE) ? first - 1 : first;
	/* (not "members of Suu Kyi's party", "Suu Kyi 's" as some write it) */
	int owner = (t->tok[end - 1].flags & LW_TF_POSSESSIVE) ||
		    (end < t->ntok && (t->p[t->tok[end].start] == '\'' ||
				       (unsigned char)t->p[t->tok[end].start] == 0xE2));
	if (n > 1 && jb >= 2 && ew(x, jb - 1, W_OF) && !owner && (t->tok[jb - 2].flags & (LW_TF_LOWER | LW_TF_CAP)) &&
	    lw_tok_in(t, jb - 2, joined, sizeof joined / sizeof *joined))
		org += 6;
	int head = place_head_after(x, end), before = place_head_before(x, first);
	if (head) {
		/* (less so after an organisation's head: "the Kenya Wildlife
		 * Service agency" is the service, "Khyber agency" a place) */
		place += org_head_tail(x, end - 1) ? 5 : 8;
		*place_kind = head;
	} else if (before) {
		place += 8;
		*place_kind = before;
	}
	int locative = locative_before(x, first) && !ew(x, first - 1, W_OF);
	if (locative)
		place += 2;
	/* "the southern Red Sea", "the Arabian Sea": a body of water */
	static const char *const water[] = {"sea", "ocean", "gulf", "bay", "strait", "straits"};
	static _Atomic uint32_t water_initials;
	/* (their first letters first: the last word of most names is none) */
	if (n > 1 &&
	    lw_tok_initial(t, end - 1, lw_list_initials(water, sizeof water / sizeof *water, &water_initials)) &&
	    lw_tok_in(t, end - 1, water, sizeof water / sizeof *water))
		place += 10;
	if (dwellers_of(x, first))
		place += 6;
	if (first > 0 && (ew(x, first - 1, W_NAMED) || ew(x, first - 1, W_CALLED) ||
			  ew(x, first - 1, W_DUBBED)))
		person += 3;
	if (age_after(t, end))
		person += 5;
	/* "X said", "X protested": a person, unless all else is a place
	 * ("members in Naundero protested") */
	int cue_after = cue_verb_at(x, end);
	if (cue_after)
		person += 2;
	if (first > 0 && cue_verb_at(x, first - 1))
		person += 2;
	if (person_apposition(x, end, 0))
		person += 3;
	if (n == 1 && (t->tok[first].flags & LW_TF_UPPER) && lw_tok_len(&t->tok[first]) <= 8)
		org += 3;
	if (person == 0 && org == 0 && place == 0) {
		/* two or three words, none common, none in capitals: most
		 * likely a person ("Hen Vipheak"), but not a day of note
		 * ("Thanksgiving Day", "Republic Day"); anything else is
		 * unsure */
		if (n < 2 || n > 3)
			return NER_NONE;
		for (size_t k = first; k < end; k++)
			if (common_word(x, k) || (t->tok[k].flags & LW_TF_UPPER))
				return NER_NONE;
		return LW_PERSON;
	}
	if (locative && cue_after && person == 2 && place >= person && org < place)
		return LW_PLACE;
	if (person >= org && person >= place)
		return LW_PERSON;
	if (org >= place)
		return LW_ORG;
	return LW_PLACE;
}

/* Same name text (case-insensitive): the same entity. */
static uint32_t find_named(const struct lw_extract *x, int type, uint32_t start, uint32_t end)
{
	return imap_get(&x->ent_by_key, text_key(KEY_NAME, type, x->t->p + start, end - start));
}

/* The bit of x->part_bits for a word of n bytes at p: its length and
 * first byte, the byte's ASCII case folded (as text_key folds it; the OR
 * folds more, which only makes more words share a bit). */
static unsigned part_bit(const char *p, size_t n)
{
	return (unsigned)(n * 31 + ((unsigned char)p[0] | 0x20)) & 255;
}

/* Remember a person's first and last names for later single mentions. */
static int note_parts(struct lw_extract *x, const struct lw_mention *m)
{
	if (m->type != LW_PERSON || m->end_tok - m->first_tok < 2)
		return 0;
	const struct lw_text *t = x->t;
	size_t ends[2] = {m->first_tok, m->end_tok - 1};
	/* "Charles H. Keating IV", "Martin Luther King Jr.": the surname
	 * comes before the generation */
	static const char *const generation[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};
	if (ends[1] > ends[0] + 1 &&
	    lw_tok_in(t, ends[1], generation, sizeof generation / sizeof *generation))
		ends[1]--;
	for (int i = 0; i < 2; i++) {
		const lw_token *k = &t->tok[ends[i]];
		unsigned bit = part_bit(t->p + k->start, lw_tok_len(k));
		x->part_bits[bit >> 6] |= 1ULL << (bit & 63);
		uint64_t key = text_key(KEY_NAME, 99, t->p + k->start, lw_tok_len(k));
		uint32_t prev = imap_get(&x->part, key);
		if (prev == UINT32_MAX || prev == m->ent)
			prev = m->ent;
		else
			prev = UINT32_MAX - 1; /* two people share it */
		if (imap_put(&x->part, x->arena, key, prev))
			return -1;
	}
	return 0;
}

static lw_status ner_mention(struct lw_extract *x, size_t first, size_t end, int type)
{
	const struct lw_text *t = x->t;
	uint32_t start = t->tok[first].start, stop = t->tok[end - 1].end;
	/* find_named's key, made once for the lookup and the new entry */
	uint64_t key = text_key(KEY_NAME, type, t->p + start, stop - start);
	uint32_t ent = imap_get(&x->ent_by_key, key);
	if (ent == UINT32_MAX) {
		ent = add_ent(x, type);
		if (ent == UINT32_MAX || imap_put(&x->ent_by_key, x->arena, key, ent))
			return LW_ENOMEM;
		x->ents[ent].name.start = start;
		x->ents[ent].name.end = stop;
	}
	struct lw_mention *m = add_mention(x, start, stop, (uint32_t)first, (uint32_t)end, type,
					   LW_MS_NER, ent);
	if (!m || note_parts(x, m))
		return LW_ENOMEM;
	return LW_OK;
}

/* Connectors inside an organisation's name: "Institute of Peace",
 * "Front for the Liberation of". */
static int org_connector(const struct lw_extract *x, size_t k, size_t first)
{
	const struct lw_text *t = x->t;
	/* one class test where there were four word tests: asked of the
	 * token after every run of name words */
	if (!ec(x, k, EC_CONNECTOR))
		return 0;
	if (!(t->tok[k].flags & LW_TF_LOWER))
		return 0;
	size_t j = k + 1;
	int and = ew(x, k, W_AND);
	if (ew(x, j, W_THE)) {
		if (and)
			return 0; /* "X Institute and the Y Ministry": two names */
		j++;
	}
	if (and && k > first && org_head_tail(x, k - 1))
		return 0; /* the name before "and" is complete */
	if (!name_token(x, j) && !(j < t->ntok && x->cover[j]))
		return 0;
	/* an organisation head before or soon after */
	for (size_t q = first; q < k; q++)
		if (org_head_tail(x, q) || org_head_head(x, q))
			return (int)(j - k);
	/* but "economist Lynn Reaser of Barnett Banks": a person's name
	 * (a given name first) and where the person works */
	if (given_name_ann(x, first))
		return 0;
	for (size_t q = j; q < t->ntok && q < j + 4; q++)
		if (org_head_tail(x, q))
			return (int)(j - k);
	return 0;
}

/* A capitalised word that is never a name on its own but opens an
 * organisation's: "Northern Valley Front", "Kurdish Freedom Brigade"
 * (not a day or a month: "on Monday Hamas ..."). */
static int opens_org_name(const struct lw_extract *x, size_t k, size_t stop)
{
	const struct lw_text *t = x->t;
	return stop > k + 1 && !x->cover[k] && (t->tok[k].flags & LW_TF_CAP) &&
	       ann_whole(x, k, LW_SENSE_NOT_NAME) && !lw_calendar_name(t, k) &&
	       org_head_tail(x, stop - 1);
}

static uint32_t person_part(const struct lw_extract *x, size_t tok);

/* The first token in [k, end) with a capital (a name word or an initial
 * may start there), end if none: a tight loop over the others. */
static size_t next_capital(const struct lw_extract *x, size_t k, size_t end)
{
	const lw_token *tok = x->t->tok;
	const uint8_t *caps = x->unit_caps;
	/* four tokens a step: their units' caps in one load, their flags
	 * OR-ed, one branch where there were eight (most runs of lower-case
	 * tokens are longer than four) */
	for (uint32_t c; k + 4 <= end; k += 4) {
		memcpy(&c, caps + k, sizeof c);
		unsigned f = tok[k].flags | tok[k + 1].flags | tok[k + 2].flags | tok[k + 3].flags;
		if (c || (f & (LW_TF_CAP | LW_TF_UPPER)))
			break;
	}
	while (k < end && !(tok[k].flags & (LW_TF_CAP | LW_TF_UPPER)) && !caps[k])
		k++;
	return k;
}

/* The organisations found from context that are sports teams: events
 * leave their results alone ("Leicestershire beat Somerset"). */
static void mark_teams(struct lw_extract *x)
{
	for (size_t i = 0; i < x->nmen; i++) {
		const struct lw_mention *m = &x->men[i];
		if (m->type == LW_ORG && m->src == LW_MS_NER && !x->ents[m->ent].team &&
		    (team_named(x, m->first_tok, m->end_tok) ||
		     team_evidence(x, m->first_tok, m->end_tok))) {
			x->ents[m->ent].team = 1;
			x->nteams++; /* events ask only when there are teams */
		}
	}
}

/* A run of name words [k, j) found in sentence s (j: the token that ended
 * it), as unknown_names collects them. */
struct name_run {
	uint32_t k, j;
};

/* The name runs of sentence s, in order, into *runs (grown in the arena);
 * returns how many, or SIZE_MAX when out of memory. *upper: the number of
 * the sentence's tokens in capitals (LW_TF_UPPER). Every token is either
 * passed over by next_capital, which stops at each one in capitals, or
 * tried as a run's first word, or in a run, or the token ending one: each
 * of these is counted where it is looked at. */
/* The end of a title of several words that began before token k and
 * goes on through it ("Secretary of State"), or of a title's "of" phrase
 * that runs up to a given name ("Secretary of Homeland Security Jeh
 * Johnson", "Minister of Information Fawad Chaudhry"); k when neither. */
static size_t title_through(const struct lw_extract *x, size_t k)
{
	size_t end = k;
	/* one load says there is no title among the four tokens before */
	if (!kind_in_4_before(x, k, LW_SENSE_TITLE))
		return k;
	for (size_t j = k > 4 ? k - 4 : 0; j < k; j++) {
		if (!(x->ann_kinds[j] & (1u << LW_SENSE_TITLE)))
			continue;
		for (size_t a = x->ann_at[j]; a < x->nann && x->ann[a].first_tok == j; a++)
			if (lw_ann_sense(x, &x->ann[a])->kind == LW_SENSE_TITLE && x->ann[a].end_tok > end)
				end = x->ann[a].end_tok;
	}
	if (end > k || k < 2 || !ew(x, k - 1, W_OF) || !title_before(x, k - 1))
		return end;
	for (size_t g = k + 1; g < k + 4 && g < x->t->ntok; g++) {
		if (!name_token(x, g - 1))
			break;
		if (given_name_first(x, g))
			return g;
	}
	return end;
}

/* A nickname in quotation marks after a given name, its marks and words
 * ('Richard "Tex" Coe', 'John “J.D.” Dorrian'): how many tokens,
 * from the opening mark at k to the name word after the closing one (not
 * counted), or 0. One or two capitalised words or initials ("This
 * 'Prophetic Prayer' About Trump" in a headline is none). */
static inline size_t nickname_at(const struct lw_extract *x, size_t k, size_t end)
{
	const lw_token *tok = x->t->tok;
	if (tok[k].kind != LW_TOK_QUOTE || k == 0 || k + 3 >= end ||
	    (tok[k + 1].flags & LW_TF_SPACE_BEFORE) || !given_name_ann(x, k - 1))
		return 0;
	size_t q = k + 1;
	while (q < end && q < k + 3 && (tok[q].kind == LW_TOK_WORD || tok[q].kind == LW_TOK_ABBREV) &&
	       (tok[q].flags & (LW_TF_CAP | LW_TF_UPPER)))
		q++;
	if (q == k + 1 || q + 1 >= end || tok[q].kind != LW_TOK_QUOTE ||
	    (tok[q].flags & LW_TF_SPACE_BEFORE) || !(tok[q + 1].flags & LW_TF_SPACE_BEFORE) ||
	    !name_token(x, q + 1))
		return 0;
	return q + 1 - k;
}

static size_t name_runs(struct lw_extract *x, size_t s, struct name_run **runs, size_t *cap,
			size_t *upper)
{
	const struct lw_text *t = x->t;
	const lw_token *tok = t->tok;
	size_t end = t->sent[s].end_token, n = 0, up = 0;
	for (size_t k = t->sent[s].first_token; k < end;) {
		/* neither a name word nor an initial: most tokens */
		if ((k = next_capital(x, k, end)) == end)
			break;
		up += (tok[k].flags & LW_TF_UPPER) != 0;
		/* a name word, or an initial before one (most capitals are
		 * name words: asked first) */
		if (!name_token(x, k) &&
		    !(abbrev_name_token(x, k) && k + 1 < end && name_token(x, k + 1))) {
			k++;
			continue;
		}
		/* "Secretary of State John Kerry": the title's last words are
		 * no name's first */
		size_t te = title_through(x, k);
		if (te > k) {
			k = te;
			continue;
		}
		size_t first = k, j = k + 1;
		for (;;) {
			if (j < end && (name_token(x, j) || abbrev_name_token(x, j))) {
				up += (tok[j].flags & LW_TF_UPPER) != 0;
				j++;
			} else if (j + 1 < end && particle_token(x, j) && name_token(x, j + 1)) {
				up += (tok[j].flags & LW_TF_UPPER) != 0;
				up += (tok[j + 1].flags & LW_TF_UPPER) != 0;
				j += 2;
			} else if (j < end && nickname_at(x, j, end)) {
				/* 'Brig. Gen. Richard "Tex" Coe': one name */
				size_t q = j + nickname_at(x, j, end);
				for (; j < q; j++)
					up += (tok[j].flags & LW_TF_UPPER) != 0;
			} else {
				int c = j < end ? org_connector(x, j, first) : 0;
				if (c && x->cover[j + (size_t)c] == 0) {
					for (size_t q = j; q <= j + (size_t)c && q < end; q++)
						up += (tok[q].flags & LW_TF_UPPER) != 0;
					j += (size_t)c + 1;
				} else {
					break;
				}
			}
		}
		if (j < end) /* the token that ended the run */
			up += (tok[j].flags & LW_TF_UPPER) != 0;
		if (GROW(*runs, n, *cap, x->arena))
			return SIZE_MAX;
		(*runs)[n++] = (struct name_run){(uint32_t)k, (uint32_t)j};
		/* the run stopped at j, neither a name word nor an initial
		 * (nothing here changes what they read): on after it */
		k = j + 1;
	}
	*upper = up;
	return n;
}

/* Is [first, stop) one title of the dictionaries, no more? */
static int title_alone(const struct lw_extract *x, size_t first, size_t stop)
{
	if (!(x->ann_kinds[first] & (1u << LW_SENSE_TITLE)))
		return 0;
	for (size_t a = x->ann_at[first]; a < x->nann && x->ann[a].first_tok == first; a++)
		if (x->ann[a].kind == LW_SENSE_TITLE && x->ann[a].end_tok == stop &&
		    x->ann[a].end == x->t->tok[stop - 1].end) /* not "Spokesman-Review" */
			return 1;
	return 0;
}

/* The name of the run [k, j) of sentence s, trimmed and typed: a mention,
 * or a single word left pending for name_parts. */
static lw_status name_run(struct lw_extract *x, size_t s, size_t k, size_t j, int shout,
			  struct chunk **pending, size_t *npending, size_t *cap)
{
	const struct lw_text *t = x->t;
	size_t first = k;
	size_t stop = j;
	while (stop > first && t->tok[stop - 1].kind == LW_TOK_ABBREV)
		stop--;
	/* a sentence-initial common word is no name: "Trailing", "Both"
	 * ... unless it is the surname of someone named in full:
	 * "Weaver did not ..." after "Jeff Weaver". (The place in
	 * the sentence first: it rules out most names at once, and
	 * the word lookups cost the most.) */
	while (first < stop &&
	       (sentence_initial_in(t, s, first) || shout || function_word(x, first)) &&
	       common_word(x, first) && !given_name_ann(x, first) &&
	       !(stop - first == 1 && !shout && person_part(x, first) != UINT32_MAX))
		first++;
	if (first < stop && ew(x, first, W_THE))
		first++;
	if (first > t->sent[s].first_token && first == k && opens_org_name(x, first - 1, stop))
		first--;
	if (shout) {
		/* in a headline every word is capitalised: keep only runs
		 * without common words, but for given names ("Mira Castell
		 * Wins Second Term") */
		size_t q = first;
		while (q < stop && (!common_word(x, q) || given_name_ann(x, q)))
			q++;
		/* a company's whole name stays, through its head ("Kalbrook
		 * Harvest Inc Opens New Plant") */
		size_t h = first + 1;
		while (h < stop && h < first + 4 && !org_head_tail(x, h))
			h++;
		stop = h < stop && h < first + 4 ? h + 1 : q;
	}
	/* "a former MNA", "the MPA": a title alone is the role it names
	 * (the events code it), not an organisation's acronym; but "King"
	 * after "Billie Jean King" is her surname */
	if (first < stop && title_alone(x, first, stop) &&
	    !(stop - first == 1 && person_part(x, first) != UINT32_MAX))
		return LW_OK;
	if (first < stop) {
		int pk;
		int type = classify(x, first, stop, &pk);
		if (type == NER_NONE) {
			if (stop - first == 1 && (!common_word(x, first) ||
						  person_part(x, first) != UINT32_MAX)) {
				if (GROW(*pending, *npending, *cap, x->arena))
					return LW_ENOMEM;
				(*pending)[(*npending)++] = (struct chunk){first, stop};
			}
		} else if (!(stop - first == 1 && common_word(x, first) &&
			     !title_before(x, first) && !given_name_ann(x, first) &&
			     !place_head_after(x, stop) && !place_head_before(x, first))) {
			if (ner_mention(x, first, stop, type))
				return LW_ENOMEM;
		} else if (!shout && person_part(x, first) != UINT32_MAX) {
			/* a common word alone ("Miller", "Rice", "Bush") names
			 * no one, but the surname of a person named in full:
			 * name_parts links it */
			if (GROW(*pending, *npending, *cap, x->arena))
				return LW_ENOMEM;
			(*pending)[(*npending)++] = (struct chunk){first, stop};
		}
	}
	return LW_OK;
}

/*
 * Is sentence s a headline in title case ("Senator Says He Will Not Back
 * The New Budget", "Hospital Hit In a Raid For Second Time")? After its first word, no word in lower case but a
 * function word ("a", "in", "for"), four capitalised words or more, two
 * of them common words, and a capitalised function word unless there is
 * no number and no comma: the capitals then say nothing of names, and the
 * runs are trimmed as in a sentence in capitals. Prose has a verb or a
 * noun in lower case within a few words, where the scan stops.
 */
static int title_case(const struct lw_extract *x, size_t s)
{
	const struct lw_text *t = x->t;
	size_t first = t->sent[s].first_token + 1, end = t->sent[s].end_token;
	size_t caps = 0, common = 0, function = 0, list = 0;
	/* the lower-case words first: most sentences stop at one */
	for (size_t k = first; k < end; k++) {
		const lw_token *q = &t->tok[k];
		if (q->kind == LW_TOK_NUMBER || lw_tok_punct(t, k, ','))
			list = 1;
		if (q->kind != LW_TOK_WORD)
			continue;
		if (q->flags & (LW_TF_CAP | LW_TF_UPPER))
			caps++;
		else if (!function_word(x, k))
			return 0;
	}
	if (caps < 4)
		return 0;
	for (size_t k = first; k < end && common < 2; k++) {
		const lw_token *q = &t->tok[k];
		if (q->kind != LW_TOK_WORD || !(q->flags & (LW_TF_CAP | LW_TF_UPPER)))
			continue;
		if (function_word(x, k))
			function = 1;
		else
			common += common_word(x, k) && !given_name_ann(x, k);
	}
	for (size_t k = first; k < end && !function; k++)
		function = (t->tok[k].flags & (LW_TF_CAP | LW_TF_UPPER)) && function_word(x, k);
	/* a list of names with scores or commas ("Walter Little, Justin
	 * Marshall"; "Adam Hunter 70 79") is no headline unless a function
	 * word is capitalised in it */
	return caps >= 4 && common >= 2 && (function || !list);
}

/*
 * Names no dictionary knows, sentence by sentence: the runs of name words
 * first, then each run trimmed and typed. Whether the sentence is in
 * capitals (a headline) changes the trimming; it is worked out only for a
 * sentence with two words in capitals or more, the fewest it takes
 * (shouting_sentence: 6 in 10 of at least 3 words), which the runs'
 * search counts on its way: most sentences have none, and the scan of
 * their words that said so cost more than the runs.
 */
__attribute__((noinline)) static lw_status unknown_names(struct lw_extract *x, struct chunk **pending, size_t *npending)
{
	const struct lw_text *t = x->t;
	size_t cap = 0, runcap = 0;
	struct name_run *runs = NULL;
	for (size_t s = 0; s < t->nsent; s++) {
		size_t upper, n = name_runs(x, s, &runs, &runcap, &upper);
		if (n == SIZE_MAX)
			return LW_ENOMEM;
		/* a headline in title case makes runs of three words or more
		 * ("Hillary Clinton Wins"): asked only then */
		size_t longest = 0;
		for (size_t i = 0; i < n; i++)
			if (runs[i].j - runs[i].k > longest)
				longest = runs[i].j - runs[i].k;
		int shout = n && ((upper >= 2 && shouting_in(x, s)) || (longest >= 3 && title_case(x, s)));
		for (size_t i = 0; i < n; i++) {
			lw_status st = name_run(x, s, runs[i].k, runs[i].j, shout, pending, npending, &cap);
			if (st != LW_OK)
				return st;
		}
	}
	return LW_OK;
}

static uint32_t person_part(const struct lw_extract *x, size_t tok);

/* Does place mention m (one word) describe a noun after it, as a
 * possessive ("Clinton's headquarters") or after "the" as the first word
 * of a lower-case noun's phrase ("the Clinton campaign")? */
static int names_a_noun(const struct lw_extract *x, const struct lw_mention *m)
{
	const struct lw_text *t = x->t;
	size_t k = m->end_tok;
	if (k >= t->ntok)
		return 0;
	if (t->tok[k].flags & LW_TF_POSSESSIVE)
		return 1;
	return m->first_tok > 0 && ew(x, m->first_tok - 1, W_THE) && is_word(t, k) &&
	       (t->tok[k].flags & LW_TF_LOWER) && !ec(x, k, EC_FUNCTION);
}

static uint32_t nearest_named(const struct lw_extract *x, size_t i, size_t tok);
static int person_part_shared(const struct lw_extract *x, size_t tok);

/* A town whose name the text also uses for a person ("Malang said"):
 * where the text does not say it is a place, it is the person. */
static void places_as_people(struct lw_extract *x)
{
	for (size_t i = 0; i < x->nmen; i++) {
		struct lw_mention *m = &x->men[i];
		if (m->src != LW_MS_DICT || m->type != LW_PLACE || m->end_tok - m->first_tok != 1)
			continue;
		const struct lw_ent *e = &x->ents[m->ent];
		if (e->place == UINT32_MAX || x->kb->places[e->place].kind < LW_PK_ADMIN2)
			continue;
		if (place_head_after(x, m->end_tok) || place_head_before(x, m->first_tok))
			continue;
		/* "in Clinton" is the town; in "at Clinton's headquarters" and
		 * "outside the Clinton campaign" the place word's noun is the
		 * headquarters, the campaign */
		if (locative_before(x, m->first_tok) && !names_a_noun(x, m))
			continue;
		uint32_t p = find_named(x, LW_PERSON, m->start, m->end);
		if (p == UINT32_MAX)
			p = person_part(x, m->first_tok);
		/* the surname of two people named in full: the nearer one
		 * (not the town) */
		if (p == UINT32_MAX && person_part_shared(x, m->first_tok))
			p = nearest_named(x, i, m->first_tok);
		if (p == UINT32_MAX)
			continue;
		m->type = LW_PERSON;
		m->ent = p;
		m->src = LW_MS_PART;
	}
}

/* ---- 4. one entity, many mentions ---- */

/* A single-word name that is the surname or first name of a person named
 * in full: that person. Ambiguous (two people) is no one. */
static uint32_t person_part(const struct lw_extract *x, size_t tok)
{
	const lw_token *k = &x->t->tok[tok];
	if (!x->part.n)
		return UINT32_MAX; /* no one named in full yet: no key to make */
	/* nor when no part noted has the word's length and first letter: most
	 * words asked are not names (sentence-initial "The", "But") */
	unsigned bit = part_bit(x->t->p + k->start, lw_tok_len(k));
	if (!(x->part_bits[bit >> 6] >> (bit & 63) & 1))
		return UINT32_MAX;
	uint32_t p = imap_get(&x->part, text_key(KEY_NAME, 99, x->t->p + k->start, lw_tok_len(k)));
	return p == UINT32_MAX - 1 ? UINT32_MAX : p;
}

/* Is token tok's word a part of the names of two people named in full
 * (person_part's ambiguous answer)? */
static int person_part_shared(const struct lw_extract *x, size_t tok)
{
	const lw_token *k = &x->t->tok[tok];
	if (!x->part.n)
		return 0;
	unsigned bit = part_bit(x->t->p + k->start, lw_tok_len(k));
	if (!(x->part_bits[bit >> 6] >> (bit & 63) & 1))
		return 0;
	return imap_get(&x->part, text_key(KEY_NAME, 99, x->t->p + k->start, lw_tok_len(k))) ==
	       UINT32_MAX - 1;
}

/* The person named in full nearest before token tok (else after it), not
 * mention i itself, whose name ends with tok's word: "Clinton" after
 * "Hillary Clinton" and "Bill Clinton" is the one named last. UINT32_MAX
 * if none. */
static uint32_t nearest_named(const struct lw_extract *x, size_t i, size_t tok)
{
	const struct lw_text *t = x->t;
	const lw_token *w = &t->tok[tok];
	size_t n = lw_tok_len(w);
	uint32_t before = UINT32_MAX, after = UINT32_MAX;
	size_t before_end = 0, after_first = SIZE_MAX;
	for (size_t j = 0; j < x->nmen; j++) {
		const struct lw_mention *m = &x->men[j];
		if (j == i || m->type != LW_PERSON || m->end_tok - m->first_tok < 2 ||
		    m->src == LW_MS_PART)
			continue;
		const lw_token *l = &t->tok[m->end_tok - 1];
		if (lw_tok_len(l) != n || memcmp(t->p + l->start, t->p + w->start, n) != 0)
			continue;
		if (m->end_tok <= tok && m->end_tok >= before_end) {
			before = m->ent;
			before_end = m->end_tok;
		} else if (m->first_tok > tok && m->first_tok < after_first) {
			after = m->ent;
			after_first = m->first_tok;
		}
	}
	return before != UINT32_MAX ? before : after;
}

static lw_status name_parts(struct lw_extract *x, struct chunk *pending, size_t npending)
{
	const struct lw_text *t = x->t;
	/* single-word names found by context that are parts of a full name */
	for (size_t i = 0; i < x->nmen; i++) {
		struct lw_mention *m = &x->men[i];
		if (m->src != LW_MS_NER || m->end_tok - m->first_tok != 1)
			continue;
		uint32_t p = person_part(x, m->first_tok);
		if (p != UINT32_MAX && p != m->ent) {
			m->ent = p;
			m->type = LW_PERSON;
			m->src = LW_MS_PART;
		}
	}
	for (size_t i = 0; i < npending; i++) {
		size_t k = pending[i].first;
		if (x->cover[k])
			continue;
		uint32_t p = person_part(x, k);
		if (p == UINT32_MAX) /* a one-word name used for a person elsewhere */
			p = find_named(x, LW_PERSON, t->tok[k].start, t->tok[k].end);
		if (p == UINT32_MAX)
			continue;
		if (!add_mention(x, t->tok[k].start, t->tok[k].end, (uint32_t)k, (uint32_t)k + 1,
				 LW_PERSON, LW_MS_PART, p))
			return LW_ENOMEM;
		x->cover[k] = (uint32_t)x->nmen;
	}
	return LW_OK;
}

static int acronym_token(const struct lw_text *t, size_t k)
{
	if (k >= t->ntok || t->tok[k].kind != LW_TOK_WORD)
		return 0;
	size_t n = lw_tok_len(&t->tok[k]);
	unsigned upper = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t->p[t->tok[k].start + i];
		if (c >= 'A' && c <= 'Z')
			upper++;
		else if (!(c >= 'a' && c <= 'z') && c != '-' && !(c >= '0' && c <= '9'))
			return 0;
	}
	return n >= 2 && n <= 10 && upper >= 2 && (t->p[t->tok[k].start] >= 'A' && t->p[t->tok[k].start] <= 'Z');
}

/* The acronym token a mention ending before token k defines:
 * "Tehrik-i-Taliban Pakistan (TTP)", "..., or TTP,"; SIZE_MAX if none. */
static size_t acronym_after(const struct lw_text *t, size_t k)
{
	if (lw_tok_punct(t, k, '(') && acronym_token(t, k + 1) && lw_tok_punct(t, k + 2, ')'))
		return k + 1;
	if (lw_tok_punct(t, k, ',') && lw_tok_word(t, k + 1, "or") && acronym_token(t, k + 2) &&
	    (k + 3 >= t->ntok || t->tok[k + 3].kind == LW_TOK_PUNCT ||
	     t->tok[k + 3].kind == LW_TOK_TERM))
		return k + 2;
	return SIZE_MAX;
}

static uint64_t exact_key(const struct lw_text *t, size_t k)
{
	return lw_hash_bytes(t->p + t->tok[k].start, lw_tok_len(&t->tok[k]), 0xac);
}

/* Do the capitalised words of mention m begin with the letters of the
 * acronym at token q, in order ("Jakeritali Adibasi Sangha", "JAS")? */
static int initials_spell(const struct lw_text *t, const struct lw_mention *m, size_t q)
{
	return initials_of(t, m->first_tok, m->end_tok, q);
}

/* Is the dictionary actor of entity e the one mention m names, spelt
 * otherwise: as many capitalised words, each with the same first and last
 * letter ("Aam Admi Party" for the Aam Aadmi Party)? Then the text's
 * acronym is the dictionary's. */
static int actor_spelt(const struct lw_extract *x, const struct lw_ent *e, const struct lw_mention *m)
{
	if (e->actor == UINT32_MAX)
		return 0;
	const struct lw_kb_actor *a = &x->kb->actors[e->actor];
	const char *p = lw_kb_str(x->kb, a->name_off), *end = p + a->name_len;
	const struct lw_text *t = x->t;
	for (size_t k = m->first_tok; k < m->end_tok; k++) {
		const lw_token *w = &t->tok[k];
		if (w->kind != LW_TOK_WORD || !(w->flags & LW_TF_CAP))
			continue;
		/* the name's next capitalised word */
		for (;;) {
			while (p < end && *p == ' ')
				p++;
			if (p == end)
				return 0;
			if (*p >= 'A' && *p <= 'Z')
				break;
			while (p < end && *p != ' ')
				p++; /* "of", "the" */
		}
		const char *q = p;
		while (q < end && *q != ' ')
			q++;
		if (*p != t->p[w->start] || q[-1] != t->p[w->end - 1])
			return 0;
		p = q;
	}
	while (p < end && (*p == ' ' || !(*p >= 'A' && *p <= 'Z'))) {
		while (p < end && *p == ' ')
			p++;
		if (p < end && *p >= 'A' && *p <= 'Z')
			break;
		while (p < end && *p != ' ')
			p++;
	}
	return p == end; /* no capitalised word left */
}

/* An acronym defined after a name names that entity wherever it appears,
 * in its exact case; when one acronym is defined twice, the last
 * definition wins. One table of definitions and one pass over the tokens:
 * a document made of many articles defines many acronyms, and a pass per
 * definition would grow with their product. */
static lw_status acronyms(struct lw_extract *x)
{
	const struct lw_text *t = x->t;
	struct lw_imap defs;
	memset(&defs, 0, sizeof defs);
	for (size_t i = 0; i < x->nmen; i++) {
		const struct lw_mention *m = &x->men[i];
		if (m->type == LW_PLACE && m->src == LW_MS_DICT)
			continue;
		size_t acr = acronym_after(t, m->end_tok);
		if (acr == SIZE_MAX)
			continue;
		if (imap_put(&defs, x->arena, exact_key(t, acr), (uint32_t)i))
			return LW_ENOMEM;
		/* a name found by its shape whose initials its acronym spells
		 * is an organisation's, not a person's: "Jakeritali Adibasi
		 * Sangha (JAS)" */
		if (m->src == LW_MS_NER && m->type == LW_PERSON && x->ents[m->ent].type == LW_PERSON &&
		    initials_spell(t, m, acr)) {
			uint32_t ent = m->ent;
			x->ents[ent].type = LW_ORG;
			for (size_t j = 0; j < x->nmen; j++)
				if (x->men[j].ent == ent)
					x->men[j].type = LW_ORG;
		}
	}
	if (!defs.n)
		return LW_OK;
	for (size_t q = 0; q < t->ntok; q++) {
		if (!acronym_token(t, q))
			continue;
		uint32_t i = imap_get(&defs, exact_key(t, q));
		if (i == UINT32_MAX)
			continue;
		const struct lw_mention m = x->men[i];
		const lw_token *a = &t->tok[acronym_after(t, m.end_tok)], *b = &t->tok[q];
		if (lw_tok_len(a) != lw_tok_len(b) ||
		    memcmp(t->p + a->start, t->p + b->start, lw_tok_len(a)) != 0)
			continue; /* another acronym with the same hash */
		if (x->cover[q]) {
			struct lw_mention *o = &x->men[x->cover[q] - 1];
			/* the text's own definition wins over the dictionary's
			 * acronym when the name's initials spell it: "Jakeritali
			 * Adibasi Sangha (JAS)" is no "JAS" of Nigeria */
			if (o->ent != m.ent && o->first_tok == q && o->end_tok == q + 1 &&
			    (o->src != LW_MS_DICT ||
			     (initials_spell(t, &m, q) && !actor_spelt(x, &x->ents[o->ent], &m)))) {
				o->ent = m.ent;
				if (o->src == LW_MS_DICT) {
					o->type = m.type;
					o->src = LW_MS_ACRONYM;
				}
			}
			continue;
		}
		if (!add_mention(x, b->start, b->end, (uint32_t)q, (uint32_t)q + 1, m.type,
				 LW_MS_ACRONYM, m.ent))
			return LW_ENOMEM;
		x->cover[q] = (uint32_t)x->nmen;
	}
	return LW_OK;
}

static int armed_ent(const struct lw_extract *x, const struct lw_ent *e)
{
	if (e->actor != UINT32_MAX && (x->kb->actors[e->actor].flags & LW_AF_ARMED_GROUP))
		return 1;
	return e->has_code && sector_is(e->sector, "REB");
}

/* The places where "the", its group adjectives and "group" follow each
 * other ("the group", "the militant group"): definites finds them on its
 * pass over the "the"s, and phrases reads them instead of passing over
 * the "the"s again. Token indexes of the "the"s, in order, in the arena. */
struct the_groups {
	uint32_t *at;
	size_t n, cap;
};

/* "the group", "the militant group": the armed group named just before
 * (mentions are sorted by position when this runs). Notes the "the
 * group"s for phrases in `tg`. */
static size_t country_named_at(const struct lw_extract *x, size_t k, char a3[4]);
static int country_may(const struct lw_extract *x, size_t k);
static int country_mention(const struct lw_extract *x, const struct lw_mention *m);

/* The last country its sentence names before token k, by a demonym
 * ("Nigerian police") or a country's name, into a3 (left as it is when
 * none). */
static void country_before(const struct lw_extract *x, size_t k, char a3[4])
{
	const struct lw_text *t = x->t;
	size_t s0 = t->sent[lw_sentence_of(t, k)].first_token;
	for (size_t j = k; j-- > s0;)
		if (country_may(x, j) && country_named_at(x, j, a3))
			return;
}

/* Does the text name the country a3, by its name or a demonym? */
static int country_named(const struct lw_extract *x, const char a3[4])
{
	for (size_t i = 0; i < x->nmen; i++) {
		const struct lw_ent *e = &x->ents[x->men[i].ent];
		if (country_mention(x, &x->men[i]) && memcmp(x->kb->places[e->place].country, a3, 3) == 0)
			return 1;
		/* a party or force of the country ("BNP", "Nepal Police");
		 * not a news agency, which reports from anywhere */
		if (x->men[i].type == LW_ORG && e->actor != UINT32_MAX && e->has_code &&
		    memcmp(e->country, a3, 3) == 0 && memcmp(e->sector, "MED", 3) != 0)
			return 1;
	}
	for (size_t i = 0; i < x->nname_ann; i++) {
		const struct lw_ann *a = &x->ann[x->name_ann[i]];
		const struct lw_kb_sense *s = lw_ann_sense(x, a);
		if (s->kind == LW_SENSE_DEMONYM && memcmp(x->kb->countries[s->id].a3, a3, 3) == 0 &&
		    !(s->flags & LW_SF_COMMON))
			return 1;
	}
	return 0;
}

/* Words after "capital" that make it money or a crime's, not a city. */
static int capital_not_city(const struct lw_text *t, size_t k)
{
	static const char *const not_city[] = {
		"punishment", "market", "markets", "gains", "gain", "flight", "flows", "flow",
		"investment", "investments", "expenditure", "spending", "goods", "offence",
		"offense", "crime", "crimes", "case", "cases", "charge", "charges", "sentence",
		"controls", "requirements", "ratio", "reserves", "budget", "projects", "works",
		"account", "stock", "base", "letter", "letters"};
	return k < t->ntok && lw_tok_in(t, k, not_city, sizeof not_city / sizeof *not_city);
}

/*
 * "the capital", "the Somali capital", "Somalia's capital", "the
 * country's capital": the capital city (places/capitals.txt) of the
 * country named there, else of the country the text is about (x->focus),
 * as a mention of that city. A capital of anything smaller ("the
 * provincial capital", "the state capital") is not read: the words before
 * "capital" must be "the", a people's name or a country's possessive.
 */
/* The country of the dateline's town when that town is its capital, into
 * a3 (left empty otherwise). */
static void dateline_capital(const struct lw_extract *x, char a3[4])
{
	const lw_dateline *dl = &x->t->dateline;
	if (!dl->found)
		return;
	for (size_t i = 0; i < x->nmen && x->men[i].start < dl->place.end; i++) {
		const struct lw_mention *m = &x->men[i];
		if (m->type != LW_PLACE || m->start < dl->place.start || m->end > dl->place.end ||
		    x->ents[m->ent].place >= x->kb->nplaces)
			continue;
		const struct lw_kb_place *p = &x->kb->places[x->ents[m->ent].place];
		if (capital_city(p)) {
			memcpy(a3, p->country, 4);
			return;
		}
	}
}

static lw_status capitals(struct lw_extract *x)
{
	const struct lw_text *t = x->t;
	const struct lw_kb *kb = x->kb;
	/* the word's id (x->evw, one byte a token): found by memchr, which
	 * passes over a text with no "capital" in a few instructions */
	for (size_t k = 1; k < t->ntok; k++) {
		const uint8_t *at = memchr(x->evw + k, W_CAPITAL, t->ntok - k);
		if (!at)
			break;
		k = (size_t)(at - x->evw);
		const lw_token *w = &t->tok[k];
		if (w->kind != LW_TOK_WORD || (w->flags & LW_TF_UPPER) || x->cover[k] ||
		    capital_not_city(t, k + 1))
			continue;
		char a3[4] = "";
		size_t first = k;
		const struct lw_ann *d = lw_ann_find(x, k - 1, LW_SENSE_DEMONYM);
		const struct lw_mention *cm = k >= 2 ? lw_mention_at(x, k - 2) : NULL;
		if (ew(x, k - 1, W_THE)) {
			first = k - 1; /* "the capital" */
		} else if (d && d->end_tok == k && k >= 2 && ew(x, d->first_tok - 1, W_THE)) {
			memcpy(a3, kb->countries[lw_ann_sense(x, d)->id].a3, 4); /* "the Afghan capital" */
			first = d->first_tok - 1;
		} else if ((t->tok[k - 1].flags & LW_TF_POSSESSIVE) && cm && cm->type == LW_PLACE &&
			   cm->end_tok == k - 1 && x->ents[cm->ent].place < kb->nplaces &&
			   kb->places[x->ents[cm->ent].place].kind == LW_PK_COUNTRY) {
			memcpy(a3, kb->places[x->ents[cm->ent].place].country, 4); /* "Somalia's capital" */
		} else if ((t->tok[k - 1].flags & LW_TF_POSSESSIVE) && k >= 3 && ew(x, k - 3, W_THE) &&
			   (lw_tok_word(t, k - 2, "country") || lw_tok_word(t, k - 2, "nation"))) {
			first = k - 3; /* "the country's capital" */
		} else {
			continue;
		}
		/* "the capital of Somalia"; not "the capital of AJK", a
		 * province's */
		if (k + 1 < t->ntok && ew(x, k + 1, W_OF)) {
			char of[4] = "";
			if (!(country_may(x, k + 2) && country_named_at(x, k + 2, of)))
				continue;
			memcpy(a3, of, 4);
		}
		/* a story filed from a capital ("NIAMEY, Aug. 26 - ... a French
		 * base in the capital"): that one */
		if (!a3[0])
			dateline_capital(x, a3);
		if (!a3[0])
			country_before(x, k, a3); /* "Nigerian police ... the capital" */
		/* the story's country, when it is the one country the text
		 * speaks of and the text or the input names it: a country found
		 * from towns alone may be wrong, a story of several countries
		 * leaves "the capital" to its sentence ("in Afghanistan ...
		 * Reassigned as a soldier in the capital, ... in Pakistan"), and
		 * a wrong capital is a wrong place */
		if (!a3[0] && x->focus[0] && x->sole_country &&
		    (!memcmp(x->focus, x->given, 3) || country_named(x, x->focus)))
			memcpy(a3, x->focus, 4);
		if (!a3[0])
			continue;
		uint32_t city = lw_kb_capital_of(kb, a3);
		if (city >= kb->nplaces)
			continue;
		size_t c0 = first;
		while (c0 <= k && x->cover[c0])
			c0++; /* a covered word before stays its own mention's */
		if (c0 > k)
			continue;
		uint64_t key = id_key(KEY_PLACE, city);
		uint32_t ent = imap_get(&x->ent_by_key, key);
		if (ent == UINT32_MAX) {
			ent = add_ent(x, LW_PLACE);
			if (ent == UINT32_MAX || imap_put(&x->ent_by_key, x->arena, key, ent))
				return LW_ENOMEM;
			x->ents[ent].place = city;
		}
		if (!add_mention(x, t->tok[c0].start, w->end, (uint32_t)c0, (uint32_t)k + 1, LW_PLACE,
				 LW_MS_DEFINITE, ent))
			return LW_ENOMEM;
	}
	return LW_OK;
}

/* A hyphenated word that ties a group to another ("al-Qaeda-linked",
 * "Iran-backed", "IS-affiliated"): an adjective of the group it
 * describes. */
static int tied_compound(const struct lw_text *t, size_t k)
{
	static const char *const ties[] = {"-linked", "-backed", "-allied", "-aligned", "-affiliated",
					   "-inspired", "-based"};
	if (t->tok[k].kind != LW_TOK_WORD || !(t->tok[k].flags & LW_TF_HYPHEN))
		return 0;
	for (size_t i = 0; i < sizeof ties / sizeof *ties; i++)
		if (lw_tok_ends(t, k, ties[i], strlen(ties[i])))
			return 1;
	return 0;
}

static lw_status definites(struct lw_extract *x, struct the_groups *tg)
{
	const struct lw_text *t = x->t;
	size_t nmen = x->nmen, next = 0, last = SIZE_MAX; /* the last armed group mentioned */
	/* from each head word ("group", "organisation", ...) back over its
	 * adjectives to the "the" before them: a head has one such "the",
	 * and a "the" one head, so these are the "the"s a pass over them all
	 * would take, in the same order (heads come in text order: the next
	 * of each word, the nearest first). The heads are far fewer. */
	size_t at[LW_GROUP_HEADS];
	for (size_t i = 0; i < n_group_heads; i++)
		at[i] = next_word(x, 0, group_heads[i]);
	while (n_group_heads) {
		size_t h = 0;
		for (size_t i = 1; i < n_group_heads; i++)
			if (at[i] < at[h])
				h = i;
		size_t j = at[h], k = j;
		if (j >= t->ntok)
			break;
		at[h] = next_word(x, j + 1, group_heads[h]);
		/* "the militant group", "the al-Qaeda-linked group" */
		while (k > 0 && (ec(x, k - 1, EC_GROUP_ADJ) || tied_compound(t, k - 1)))
			k--;
		if (k == 0 || !ew(x, k - 1, W_THE) || (k == j && ew(x, j, W_FORCE)))
			continue;
		k--; /* the "the" */
		while (next < nmen && x->men[next].first_tok < k) {
			const struct lw_mention *m = &x->men[next++];
			/* (not a group named in an aside on the one before:
			 * "Al-Shabaab, which is linked to al-Qaeda, ...") */
			if (m->type == LW_ORG && armed_ent(x, &x->ents[m->ent]) &&
			    !(last != SIZE_MAX && x->men[last].ent != m->ent &&
			      lw_tok_punct(t, x->men[last].end_tok, ',') &&
			      m->first_tok - x->men[last].end_tok < 8 &&
			      lw_sentence_of(t, m->first_tok) == lw_sentence_of(t, x->men[last].first_tok)))
				last = next - 1;
		}
		if (ew(x, j, W_GROUP)) {
			if (GROW(tg->at, tg->n, tg->cap, x->arena))
				return LW_ENOMEM;
			tg->at[tg->n++] = (uint32_t)k;
		}
		if (last == SIZE_MAX)
			continue;
		if (x->cover[j] || !(t->tok[j].flags & LW_TF_LOWER))
			continue;
		/* the group's own name may follow: "the group Hamas"; and "the
		 * movement of fighters" is no group at all */
		/* (but "accused the group of killing": of a deed, told by a
		 * verb in "-ing", the group itself) */
		/* (nor "accused the militia of \"terrorism\"": of the charge) */
		static const char *const charged[] = {"accused", "accusing", "accuses", "accuse",
						      "blamed", "blaming", "blames", "blame",
						      "convicted", "suspected", "suspects", "suspect"};
		if (is_cap(t, j + 1) || (j + 1 < t->ntok && x->cover[j + 1]) ||
		    (ew(x, j + 1, W_OF) &&
		     !(j + 2 < t->ntok && (t->tok[j + 2].flags & LW_TF_LOWER) && lw_tok_ends(t, j + 2, "ing", 3)) &&
		     !(k > 0 && lw_tok_in(t, k - 1, charged, sizeof charged / sizeof *charged))))
			continue;
		if (lw_sentence_of(t, k) - lw_sentence_of(t, x->men[last].first_tok) > LW_DEFINITE_SENTENCES)
			continue;
		uint32_t ent = x->men[last].ent;
		if (!add_mention(x, t->tok[k + 1].start, t->tok[j].end, (uint32_t)k + 1,
				 (uint32_t)j + 1, LW_ORG, LW_MS_DEFINITE, ent))
			return LW_ENOMEM;
		for (size_t q = k + 1; q <= j; q++)
			x->cover[q] = (uint32_t)x->nmen;
	}
	return LW_OK;
}

/* ---- 5. composite organisations and actor codes ---- */

/* A country named at token k: a demonym ("Afghan") or a country name
 * ("Pakistan"), with its length in tokens; "" if none. */
static size_t country_named_at(const struct lw_extract *x, size_t k, char a3[4])
{
	const struct lw_ann *d = ann_whole(x, k, LW_SENSE_DEMONYM);
	if (d && (x->t->tok[k].flags & (LW_TF_CAP | LW_TF_UPPER))) {
		memcpy(a3, x->kb->countries[lw_ann_sense(x, d)->id].a3, 4);
		return 1;
	}
	/* a demonym of two words or more, whole words: "Sri Lankan",
	 * "South African" */
	d = k < x->t->ntok && (x->ann_kinds[k] & (1u << LW_SENSE_DEMONYM))
		    ? lw_ann_find_at(x, k, LW_SENSE_DEMONYM)
		    : NULL;
	if (d && d->end_tok > k + 1 && d->start == x->t->tok[k].start &&
	    d->end == x->t->tok[d->end_tok - 1].end && (x->t->tok[k].flags & (LW_TF_CAP | LW_TF_UPPER))) {
		memcpy(a3, x->kb->countries[lw_ann_sense(x, d)->id].a3, 4);
		return d->end_tok - k;
	}
	const struct lw_mention *m = lw_mention_at(x, k);
	if (m && m->first_tok == k && m->type == LW_PLACE) {
		const struct lw_ent *e = &x->ents[m->ent];
		if (e->place != UINT32_MAX && x->kb->places[e->place].kind == LW_PK_COUNTRY) {
			memcpy(a3, x->kb->places[e->place].country, 4);
			return m->end_tok - m->first_tok;
		}
	}
	return 0;
}

/* Could token k name a country? Most tokens are neither a demonym nor in
 * a mention: the loops over every token ask this first. */
static int country_may(const struct lw_extract *x, size_t k)
{
	return k < x->t->ntok && ((x->ann_kinds[k] & (1u << LW_SENSE_DEMONYM)) || x->cover[k]);
}

/* Where composites stands in the two lists of the tokens that may name a
 * country: the demonyms (in x->name_ann) and the mentions of countries
 * (among all named mentions when composites starts, in text order). */
struct country_cursor {
	size_t name, men, nmen;
};

/* Is m the mention of a country (as country_named_at reads it)? */
static int country_mention(const struct lw_extract *x, const struct lw_mention *m)
{
	if (m->type != LW_PLACE)
		return 0;
	uint32_t p = x->ents[m->ent].place;
	return p != UINT32_MAX && x->kb->places[p].kind == LW_PK_COUNTRY;
}

/* The first token from k on where a country may be named as composites
 * starts, ntok if none: a demonym, or the first token of a country's
 * mention (country_named_at reads a mention only where it starts, and
 * only a place that is a country; composites' own mentions are
 * organisations). From the two lists: most tokens are in neither, and
 * most mentions are of no country. */
static size_t next_country_may(const struct lw_extract *x, size_t k, struct country_cursor *c)
{
	while (c->name < x->nname_ann &&
	       (x->ann[x->name_ann[c->name]].first_tok < k ||
		x->ann[x->name_ann[c->name]].kind != LW_SENSE_DEMONYM))
		c->name++;
	while (c->men < c->nmen &&
	       (x->men[c->men].first_tok < k || !country_mention(x, &x->men[c->men])))
		c->men++;
	/* the mentions start in order: a later one starts no sooner */
	size_t d = c->name < x->nname_ann ? x->ann[x->name_ann[c->name]].first_tok : x->t->ntok;
	size_t m = c->men < c->nmen ? x->men[c->men].first_tok : x->t->ntok;
	return d < m ? d : m;
}

/* Could a country name touch one of the five tokens before k (country_may
 * of any of them)? Asked before every role phrase: the demonym bits of the
 * five tokens' kinds in two overlapping 64-bit loads and their cover
 * marks OR-ed, where a loop asked each token in turn. */
static int country_may_before(const struct lw_extract *x, size_t k)
{
	if (k < 5) {
		int may = 0;
		for (size_t q = 0; q < k; q++)
			may |= country_may(x, q);
		return may;
	}
	const uint64_t demonym = (uint64_t)(1u << LW_SENSE_DEMONYM) * 0x0001000100010001u;
	uint64_t a, b;
	memcpy(&a, x->ann_kinds + k - 5, sizeof a); /* tokens k-5 .. k-2 */
	memcpy(&b, x->ann_kinds + k - 4, sizeof b); /* tokens k-4 .. k-1 */
	const uint32_t *c = x->cover + k - 5;
	return ((a | b) & demonym) != 0 || (c[0] | c[1] | c[2] | c[3] | c[4]) != 0;
}

/* Inline: the role phrases ask it of the three tokens before each role,
 * and country_may rules nearly all of them out. */
static inline size_t country_at(const struct lw_extract *x, size_t k, char a3[4])
{
	a3[0] = 0;
	return country_may(x, k) ? country_named_at(x, k, a3) : 0;
}

/* "Afghan Foreign Ministry", "Iraqi Interior Ministry", "Pakistan's
 * Foreign Office": a country and a capitalised institution are an
 * organisation (the country name stays a place mention of its own). */
static lw_status composites(struct lw_extract *x)
{
	const struct lw_text *t = x->t;
	struct country_cursor cc = {0, 0, x->nmen};
	for (size_t k = 0; (k = next_country_may(x, k, &cc)) < t->ntok; k++) {
		char a3[4];
		size_t n = country_at(x, k, a3);
		int demonym = n && !x->cover[k];
		if (!n)
			continue;
		size_t r = k + n;
		if (!demonym && r < t->ntok && (t->tok[r].flags & LW_TF_POSSESSIVE))
			r++;
		const struct lw_ann *role = lw_ann_find(x, r, LW_SENSE_ROLE);
		if (!role || x->kb->roles[lw_ann_sense(x, role)->id].kind != LW_ROLE_INSTITUTION)
			continue;
		if (!(t->tok[r].flags & (LW_TF_CAP | LW_TF_UPPER)) || x->cover[r])
			continue;
		int covered = 0;
		for (size_t q = r; q < role->end_tok; q++)
			covered |= x->cover[q] != 0;
		if (covered)
			continue;
		uint32_t rid = lw_ann_sense(x, role)->id;
		size_t first = demonym ? k : r;
		uint32_t start = t->tok[first].start, end = role->end;
		/* one entity per country and institution */
		uint64_t key = text_key(KEY_COMPOSITE, 0, t->p + role->start, role->end - role->start) ^
			       id_key(KEY_COMPOSITE, (uint32_t)a3[0] << 16 | (uint32_t)a3[1] << 8 | (uint32_t)a3[2]);
		uint32_t ent = imap_get(&x->ent_by_key, key);
		if (ent == UINT32_MAX) {
			ent = add_ent(x, LW_ORG);
			if (ent == UINT32_MAX || imap_put(&x->ent_by_key, x->arena, key, ent))
				return LW_ENOMEM;
			struct lw_ent *e = &x->ents[ent];
			e->name.start = start;
			e->name.end = end;
			e->has_code = 1;
			memcpy(e->country, a3, 4);
			memcpy(e->sector, x->kb->roles[rid].sector, 4);
		}
		if (!add_mention(x, start, end, (uint32_t)first, role->end_tok, LW_ORG, LW_MS_COMPOSITE,
				 ent))
			return LW_ENOMEM;
		for (size_t q = first; q < role->end_tok; q++)
			x->cover[q] = (uint32_t)x->nmen;
		k = role->end_tok - 1;
	}
	return LW_OK;
}

/* Are the document's places all of country a3, one of them at least (a
 * story placed in one country by its places, not by a demonym or an
 * actor: "a Chinese firm" in Cambodia, "Taliban militants" in
 * Peshawar)? */
static int places_all_in(const struct lw_extract *x, const char *a3)
{
	int some = 0;
	for (size_t i = 0; i < x->nents; i++) {
		const struct lw_ent *e = &x->ents[i];
		if (e->type != LW_PLACE || e->place >= x->kb->nplaces)
			continue;
		if (memcmp(x->kb->places[e->place].country, a3, 3) != 0)
			return 0;
		some = 1;
	}
	return some;
}


/* Does the role phrase from token k name former members ("former
 * soldiers", "retired police officers", "ex-servicemen", "ex-police")? */
static int veterans(const struct lw_extract *x, size_t k)
{
	const struct lw_text *t = x->t;
	if (k > 0 && (lw_tok_word(t, k - 1, "former") || lw_tok_word(t, k - 1, "retired")))
		return 1;
	for (size_t j = k; j < k + 2 && j < t->ntok; j++) {
		const char *p = t->p + t->tok[j].start;
		if (lw_tok_len(&t->tok[j]) > 3 && (p[0] | 0x20) == 'e' && (p[1] | 0x20) == 'x' && p[2] == '-')
			return 1;
		if (lw_tok_word(t, j, "former") || lw_tok_word(t, j, "retired"))
			return 1;
	}
	return 0;
}

/* The sector of a role word that has a code of its own in a story about
 * the document's country ("Congress" in a story about India: India's
 * Congress party, roles.txt), with that country into a3; else the role's
 * sector, a3 untouched. */
static const char *role_in_focus(const struct lw_extract *x, const struct lw_kb_role *role,
				 char a3[4])
{
	for (size_t i = 0; i < role->nalt && x->focus[0]; i++)
		if (memcmp(role->alt_country[i], x->focus, 3) == 0) {
			memcpy(a3, x->focus, 4);
			return role->alt_sector[i];
		}
	return role->sector;
}

static void code_actors(struct lw_extract *x)
{
	for (size_t i = 0; i < x->nents; i++) {
		struct lw_ent *e = &x->ents[i];
		if (e->actor == UINT32_MAX)
			continue;
		const struct lw_kb_actor *a = &x->kb->actors[e->actor];
		const struct lw_kb_period *p = lw_actor_period(x->kb, a, x->day);
		if (!p)
			continue;
		e->has_code = 1;
		memcpy(e->country, p->country, 4);
		memcpy(e->sector, p->sector, 4);
		e->armed = (a->flags & LW_AF_ARMED_GROUP) != 0;
	}
}

/* Does the group word a, of the given sector, name the members of a body
 * ("Teachers", "Traders", "Employees")? Words of the trades do; other
 * group words only in the plural ("Lawyers Association", "Girl Scouts"),
 * and never the state's ("Police Office", "Judiciary Committee",
 * "Better Government Association"). */
static int members_word(const struct lw_extract *x, const struct lw_ann *a, const char *sector)
{
	static const char *const trades[] = {"EDU", "LAB", "BUS", "MED"};
	static const char *const state[] = {"GOV", "COP", "MIL", "LEG", "PTY"};
	if (!sector[0])
		return 0;
	for (size_t i = 0; i < sizeof trades / sizeof *trades; i++)
		if (memcmp(sector, trades[i], 3) == 0)
			return 1;
	for (size_t i = 0; i < sizeof state / sizeof *state; i++)
		if (memcmp(sector, state[i], 3) == 0)
			return 0;
	/* "Lawyers Association", not "Judiciary Committee" */
	const char *p = x->t->p;
	return a->end > a->start && (p[a->end - 1] == 's' || p[a->end - 1] == 'S');
}

/* "In Russia, the defence ministry said", "In the United States,
 * protesters ...": the country that opens the sentence of token k, when k
 * (after "the") begins the clause right after its comma, into a3; 0 if
 * none. */
static int opening_country(const struct lw_extract *x, size_t k, char a3[4])
{
	const struct lw_text *t = x->t;
	if (k < 3)
		return 0;
	size_t c = k - (ew(x, k - 1, W_THE) ? 2 : 1);
	if (!lw_tok_punct(t, c, ','))
		return 0; /* most roles: no comma before them */
	size_t s0 = t->sent[lw_sentence_of(t, k)].first_token;
	if (c < s0 + 2 || !lw_tok_is(t, s0, "in"))
		return 0;
	const struct lw_mention *m = lw_mention_at(x, c - 1);
	if (!m || m->type != LW_PLACE || m->end_tok != c ||
	    m->first_tok != s0 + 1 + (ew(x, s0 + 1, W_THE) ? 1 : 0))
		return 0;
	uint32_t pl = x->ents[m->ent].place;
	if (pl >= x->kb->nplaces || x->kb->places[pl].kind != LW_PK_COUNTRY)
		return 0;
	memcpy(a3, x->kb->places[pl].country, 4);
	return 1;
}

/* An organisation the dictionaries do not know takes the sector its last
 * word gives ("Sukkur Traders Union" LAB, "Lahore High Court" JUD), or,
 * when that word names bodies of every kind (Association, Committee,
 * Council), the sector of the members a group word in it names ("Sukkur
 * Traders Association" BUS, "Dorrin Teachers Action Committee" EDU); and
 * the country a country, demonym or town of the document's country at its
 * start gives ("Pakistan Medical Association"). */
static void code_by_head(struct lw_extract *x)
{
	for (size_t i = 0; i < x->nmen; i++) {
		const struct lw_mention *m = &x->men[i];
		struct lw_ent *e = &x->ents[m->ent];
		if (m->type != LW_ORG || e->has_code || e->actor != UINT32_MAX || m->end_tok - m->first_tok < 2)
			continue;
		const struct lw_ann *h = NULL, *plain = NULL, *members = NULL, *inner = NULL;
		for (size_t j = x->ann_at[m->first_tok]; j < x->nann && x->ann[j].first_tok < m->end_tok; j++) {
			const struct lw_ann *a = &x->ann[j];
			const struct lw_kb_sense *s = lw_ann_sense(x, a);
			if (s->kind == LW_SENSE_ORG_HEAD && s->sub == 0 && a->end_tok == m->end_tok) {
				if (s->value)
					h = a;
				else
					plain = a;
			} else if (s->kind == LW_SENSE_ORG_HEAD && s->sub == 0 && s->value && !inner &&
				   a->first_tok > m->first_tok &&
				   (ew(x, a->end_tok, W_OF) || ew(x, a->end_tok, W_FOR) ||
				    (a->end_tok + 1 == m->end_tok &&
				     lw_ann_find(x, a->end_tok, LW_SENSE_PLACE)))) {
				/* "University of Management Sciences", "Union of
				 * Journalists", "Civil Hospital Badin" */
				inner = a;
			} else if (s->kind == LW_SENSE_ROLE && a->end_tok < m->end_tok &&
				   x->kb->roles[s->id].kind == LW_ROLE_GROUP &&
				   members_word(x, a, x->kb->roles[s->id].sector)) {
				members = a;
			}
		}
		/* "Afghan Security Forces", "Iraqi Security Forces": a force's
		 * capitalised name after its country's people's name, which the
		 * names pass took for an organisation no dictionary codes, is
		 * that country's force */
		char fc[4];
		if (!h && m->first_tok > 0 && country_at(x, m->first_tok - 1, fc) == 1 &&
		    !x->cover[m->first_tok - 1]) {
			const struct lw_ann *r = lw_ann_find(x, m->first_tok, LW_SENSE_ROLE);
			const struct lw_kb_role *kr = r ? &x->kb->roles[lw_ann_sense(x, r)->id] : NULL;
			if (kr && r->end_tok == m->end_tok && kr->kind == LW_ROLE_GROUP &&
			    (sector_is(kr->sector, "MIL") || sector_is(kr->sector, "COP"))) {
				e->has_code = 1;
				memcpy(e->sector, kr->sector, 4);
				memcpy(e->country, fc, 4);
				continue;
			}
		}
		const char *sector;
		uint32_t v;
		char buf[4];
		if (!h && !(plain && members && members->end_tok <= plain->first_tok))
			h = inner;
		if (h) {
			v = (uint32_t)lw_ann_sense(x, h)->value;
			buf[0] = (char)(v & 0xff);
			buf[1] = (char)(v >> 8 & 0xff);
			buf[2] = (char)(v >> 16 & 0xff);
			buf[3] = 0;
			sector = buf;
		} else if (plain && members && members->end_tok <= plain->first_tok) {
			sector = x->kb->roles[lw_ann_sense(x, members)->id].sector;
		} else {
			continue;
		}
		memcpy(e->sector, sector, 4);
		e->country[0] = 0;
		char c3[4];
		if (country_at(x, m->first_tok, c3) || opening_country(x, m->first_tok, c3))
			memcpy(e->country, c3, 4);
		else if (sector_is(sector, "GOV") && before_other_country(x, m->first_tok))
			memcpy(e->country, x->focus, 4); /* "the Interior Ministry" */
		else if (x->focus[0]) {
			for (size_t j = x->ann_at[m->first_tok];
			     j < x->nann && x->ann[j].first_tok == m->first_tok; j++) {
				const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
				if (s->kind == LW_SENSE_PLACE &&
				    memcmp(x->kb->places[s->id].country, x->focus, 3) == 0) {
					memcpy(e->country, x->focus, 4);
					break;
				}
			}
		} else {
			/* "Lahore University of Management Sciences" where the
			 * story names no country: the town's, when the name's
			 * first word is a place of one country only and no
			 * given name ("Michael Madhusudan College") */
			const char *one = NULL;
			int many = 0;
			for (size_t j = x->ann_at[m->first_tok];
			     j < x->nann && x->ann[j].first_tok == m->first_tok; j++) {
				const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
				if (s->kind != LW_SENSE_PLACE || (s->flags & LW_SF_COMMON))
					continue;
				const char *c = x->kb->places[s->id].country;
				if (one && memcmp(one, c, 3) != 0)
					many = 1;
				one = c;
			}
			if (one && !many && !given_name_ann(x, m->first_tok)) {
				memcpy(e->country, one, 3);
				e->country[3] = 0;
			}
		}
		e->has_code = 1;
	}
}

/* The first coded organisation or "demonym + role" in tokens [a, b). */
static int affiliation_in(const struct lw_extract *x, size_t a, size_t b, char country[4],
			  char sector[4], int lower)
{
	const struct lw_text *t = x->t;
	for (size_t k = a; k < b && k < t->ntok; k++) {
		const struct lw_mention *m = lw_mention_at(x, k);
		/* "Envoy for the Global Coalition to Counter ISIL X": the
		 * body a title fights is no one's affiliation */
		static const char *const against[] = {"counter", "against", "defeat", "fight",
						       "combat", "countering", "fighting"};
		if (m && m->type == LW_ORG && x->ents[m->ent].has_code &&
		    !(m->first_tok > 0 &&
		      lw_tok_in(t, m->first_tok - 1, against, sizeof against / sizeof *against))) {
			memcpy(country, x->ents[m->ent].country, 4);
			memcpy(sector, x->ents[m->ent].sector, 4);
			return 1;
		}
		char c3[4];
		size_t n = country_at(x, k, c3), e;
		if (n) {
			const struct lw_ann *r = lw_ann_find(x, k + n, LW_SENSE_ROLE);
			if (r && r->end_tok <= b) {
				memcpy(country, c3, 4);
				memcpy(sector, x->kb->roles[lw_ann_sense(x, r)->id].sector, 4);
				return 1;
			}
			/* ", the Pakistani prime minister,", ", Pakistan's
			 * foreign minister," */
			size_t q = k + n;
			if (q < b && (t->tok[q].flags & LW_TF_POSSESSIVE))
				q++;
			const struct lw_kb_sense *ti = lower ? lower_title(x, q, &e) : NULL;
			if (ti && e <= b) {
				memcpy(country, c3, 4);
				memcpy(sector, x->kb->roles[ti->id].sector, 4);
				return 1;
			}
		}
		/* ", the prime minister of Pakistan," (not "the chairman of
		 * the Pakistan Cricket Board": the country ends the phrase) */
		const struct lw_kb_sense *ti =
			lower && k < a + 3 && k + 2 < b ? lower_title(x, k, &e) : NULL;
		if (ti && e + 1 < b && ew(x, e, W_OF)) {
			size_t q = e + 1 + (ew(x, e + 1, W_THE) ? 1 : 0), nc;
			if (q < b && (nc = country_at(x, q, c3)) != 0 &&
			    !(q + nc < t->ntok && (t->tok[q + nc].flags & (LW_TF_CAP | LW_TF_UPPER)))) {
				memcpy(country, c3, 4);
				memcpy(sector, x->kb->roles[ti->id].sector, 4);
				return 1;
			}
		}
	}
	return 0;
}

/* The apposition after a person's name: ", a spokesman for the Afghan
 * Foreign Ministry," -> its span. */
static lw_span apposition(const struct lw_extract *x, size_t end_tok)
{
	const struct lw_text *t = x->t;
	lw_span none = {0, 0};
	if (!lw_tok_punct(t, end_tok, ',') || !person_apposition(x, end_tok, 1))
		return none;
	size_t s = lw_sentence_of(t, end_tok);
	size_t k = end_tok + 1, e = k;
	while (e < t->sent[s].end_token && e < k + LW_APPOSITION_TOKENS) {
		const lw_token *q = &t->tok[e];
		if (q->kind == LW_TOK_TERM || q->kind == LW_TOK_QUOTE || lw_tok_punct(t, e, ',') ||
		    lw_tok_punct(t, e, ';') || lw_tok_punct(t, e, ')') || q->kind == LW_TOK_DASH)
			break;
		/* "..., the governor, said" ends it; "of the state" does not */
		if (cue_verb_at(x, e) && !(t->tok[e].flags & LW_TF_CAP) &&
		    !(e > k && (ew(x, e - 1, W_THE) || ew(x, e - 1, W_A) || ew(x, e - 1, W_AN) ||
				ew(x, e - 1, W_ITS) || ew(x, e - 1, W_THEIR))))
			break;
		e++;
	}
	if (e == k)
		return none;
	lw_span sp = {t->tok[k].start, t->tok[e - 1].end};
	return sp;
}

/* People take a code from their affiliation: the organisation in their
 * apposition ("Rahimi, a spokesman for the Afghan Interior Ministry"), the
 * organisation before them ("a Taliban member named Wahdat", "TTP
 * commander X"), or a country and title ("Afghan President X"). */
/* "led by its Provincial President X", "the party's chairman X": a title
 * of some body's, not the state's (a word or two may come between). */
static int owned_title(const struct lw_extract *x, size_t k)
{
	for (size_t j = k; j > 0 && k - j < 3; j--) {
		if (ew(x, j - 1, W_ITS) || ew(x, j - 1, W_THEIR) || ew(x, j - 1, W_HIS) ||
		    ew(x, j - 1, W_HER) || ew(x, j - 1, W_OUR) ||
		    (x->t->tok[j - 1].flags & LW_TF_POSSESSIVE))
			return 1;
		if (x->t->tok[j - 1].kind != LW_TOK_WORD)
			return 0;
	}
	return 0;
}

/* The title before a person's name that says what they are, with the
 * words of whose it is: "Foreign Ministry spokesman Zahid Hafeez",
 * "police spokesman Ali Khan", "Interior Minister Rana Tahir" (not the
 * honorific "Rana", nor "Mr."). The issue's "apposition or title": a
 * description when no apposition follows. {0, 0} when there is none. */
lw_span lw_mention_title(const struct lw_extract *x, const struct lw_mention *m)
{
	const struct lw_text *t = x->t;
	lw_span none = {0, 0};
	size_t s0 = t->sent[lw_sentence_of(t, m->first_tok)].first_token;
	size_t q = m->first_tok;
	/* the honorifics right before the name are not described */
	for (int guard = 0; guard < 3 && q > s0; guard++) {
		const struct lw_ann *h = NULL;
		for (size_t k = q > s0 + 2 ? q - 2 : s0; k < q && !h; k++) {
			const struct lw_ann *a = lw_ann_find(x, k, LW_SENSE_TITLE);
			if (a && a->end_tok == q && lw_ann_sense(x, a)->sub == LW_TITLE_HONORIFIC)
				h = a;
		}
		if (!h)
			break;
		q = h->first_tok;
	}
	/* the longest office, rank or religious title ending there */
	const struct lw_ann *ti = NULL;
	for (size_t k = q > s0 + 4 ? q - 4 : s0; k < q && !ti; k++) {
		const struct lw_ann *a = lw_ann_find(x, k, LW_SENSE_TITLE);
		if (a && a->end_tok == q && lw_ann_sense(x, a)->sub != LW_TITLE_HONORIFIC)
			ti = a;
	}
	if (!ti)
		return none;
	/* whose: capitalised words, a role word or a demonym before it
	 * ("police", "Afghan"; four words at most), or a role phrase, a
	 * place's or an organisation's name whole ("Ministry of Foreign
	 * Affairs", "U.S. Army"; starting within six); no verb, no
	 * punctuation */
	size_t b = ti->first_tok;
	while (b > s0 && ti->first_tok - b < 4) {
		/* a role phrase whole: "Ministry of Foreign Affairs" */
		const struct lw_ann *ra = NULL;
		for (size_t k = b > s0 + 6 ? b - 6 : s0; k < b && !ra; k++) {
			const struct lw_ann *a = lw_ann_find(x, k, LW_SENSE_ROLE);
			if (a && a->end_tok == b && a->first_tok + 1 < b)
				ra = a;
		}
		if (ra) {
			b = ra->first_tok;
			continue;
		}
		size_t j = b - 1;
		const lw_token *k = &t->tok[j];
		if ((k->kind != LW_TOK_WORD && k->kind != LW_TOK_ABBREV) ||
		    (k->flags & LW_TF_POSSESSIVE) ||
		    (x->ann_kinds[j] & (1u << LW_SENSE_CUE | 1u << LW_SENSE_TRIGGER)))
			break;
		/* a place's or an organisation's name whole ("U.S. Army",
		 * "Council on American-Islamic Relations"); no person's */
		const struct lw_mention *pm = lw_mention_at(x, j);
		if (pm && pm->type == LW_PERSON)
			break;
		if (pm) {
			if (pm->first_tok < s0 || ti->first_tok - pm->first_tok > 6)
				break;
			b = pm->first_tok;
			continue;
		}
		int named = (k->flags & (LW_TF_CAP | LW_TF_UPPER)) != 0;
		int role = (x->ann_kinds[j] & (1u << LW_SENSE_ROLE | 1u << LW_SENSE_ORG_HEAD |
					       1u << LW_SENSE_DEMONYM)) != 0;
		if (!named && !role)
			break;
		/* "But Sen. X": a common word capitalised to open the sentence */
		if (!role && sentence_initial(t, j) && common_word(x, j))
			break;
		b = j;
	}
	lw_span sp = {t->tok[b].start, t->tok[ti->end_tok - 1].end};
	return sp;
}

/* Does token k end the words that lead up to a name: a quotation mark,
 * the end of a sentence, a verb of saying ("said Col. X"), or a
 * preposition that opens the name's own phrase ("a raid by the BLA on
 * Turbat DSP X": the raiders are not his)? A comma does not ("Senior
 * Taliban leader, Maulvi X"), nor "of" and "for" ("spokesman for the
 * Taliban X"). */
static int lead_break(const struct lw_extract *x, size_t k)
{
	static const char *const opens[] = {"on", "against", "at", "with", "from"};
	const lw_token *q = &x->t->tok[k];
	return q->kind == LW_TOK_TERM || q->kind == LW_TOK_QUOTE || cue_verb_at(x, k) ||
	       ((q->flags & LW_TF_LOWER) && lw_tok_len(q) <= 7 &&
		lw_tok_in(x->t, k, opens, sizeof opens / sizeof *opens));
}

/* The tokens [*from, *to) where a reader knows of the story's focus
 * country alone: from the first that names it (a place of it, or its
 * people's name) to the first that names another. */
static void focus_alone(const struct lw_extract *x, size_t *from, size_t *to)
{
	*from = *to = x->t->ntok;
	if (!x->focus[0])
		return;
	for (size_t i = 0; i < x->nmen; i++) {
		const struct lw_mention *m = &x->men[i];
		uint32_t pl = m->type == LW_PLACE ? x->ents[m->ent].place : UINT32_MAX;
		if (pl >= x->kb->nplaces)
			continue;
		size_t *end = memcmp(x->kb->places[pl].country, x->focus, 3) == 0 ? from : to;
		if (m->first_tok < *end)
			*end = m->first_tok;
	}
	for (size_t j = 0; j < x->nann && x->ann[j].first_tok < *to; j++) {
		const struct lw_ann *a = &x->ann[j];
		if (a->kind != LW_SENSE_DEMONYM)
			continue;
		size_t *end = memcmp(x->kb->countries[lw_ann_sense(x, a)->id].a3, x->focus, 3) == 0
				      ? from
				      : to;
		if (a->first_tok < *end)
			*end = a->first_tok;
	}
}

/* Is token k in a story filed from its focus country (the dateline names
 * it), after the focus country is first named and before any other is
 * (focus_alone, found once a document and shared by the titles, roles
 * and institutions that ask)? */
static int before_other_country(struct lw_extract *x, size_t k)
{
	if (!x->focus[0] || !x->dateline_focus)
		return 0;
	if (!x->alone_asked) {
		/* (the mentions do not change after the names are found, when
		 * this is first asked) */
		focus_alone(x, &x->alone_from, &x->alone_to);
		x->alone_asked = 1;
	}
	return x->alone_from < k && k < x->alone_to;
}

/* Does an article lead the title at token k, perhaps past the body it
 * speaks for ("a spokesman", "the police spokeswoman")? */
static int title_article(const struct lw_extract *x, size_t k)
{
	for (size_t j = k; j > 0 && k - j < 2; j--)
		if (ew(x, j - 1, W_A) || ew(x, j - 1, W_AN) || ew(x, j - 1, W_THE))
			return 1;
	return 0;
}

/* The sector of title r: a spokesman's is that of the police or the army
 * named right before the title ("police spokeswoman X" speaks for the
 * police: COP, not the title's GOV). */
static const char *spokes_sector(const struct lw_extract *x, const struct lw_ann *r)
{
	static const char *const spokes[] = {"spokesman", "spokeswoman", "spokesperson"};
	const char *rs = x->kb->roles[lw_ann_sense(x, r)->id].sector;
	size_t b = r->first_tok;
	if (b == 0 || !lw_tok_in(x->t, r->end_tok - 1, spokes, sizeof spokes / sizeof *spokes))
		return rs;
	for (size_t j = x->ann_at[b - 1]; j < x->nann && x->ann[j].first_tok == b - 1; j++) {
		const struct lw_ann *a = &x->ann[j];
		if (a->kind != LW_SENSE_ROLE || a->end_tok != b)
			continue;
		const char *bs = x->kb->roles[lw_ann_sense(x, a)->id].sector;
		if (sector_is(bs, "COP") || sector_is(bs, "MIL"))
			return bs;
	}
	return rs;
}

/* Is token k a job done for a force as for anyone: "guard", "driver",
 * "doctor", "cook", "staff", "employees"? */
static int force_staff(const struct lw_text *t, size_t k)
{
	static const char *const jobs[] = {"guard",  "guards",   "driver", "drivers", "doctor",
					   "doctors", "cook",    "cooks",  "staff",   "employee",
					   "employees", "worker", "workers"};
	return lw_tok_in(t, k, jobs, sizeof jobs / sizeof *jobs);
}

/* A group's role word in the singular, with a sector: "journalist",
 * "student", "farmer" (not "police", "militants", "people", which are
 * many: "told police Ali had fled"). */
static int one_of_group(const struct lw_extract *x, const struct lw_ann *a)
{
	static const char *const many[] = {"police", "military", "army", "security", "people",
					   "staff", "personnel", "youth", "media", "press",
					   "public", "government", "administration", "clergy",
					   "leadership", "management", "cadre", "mob", "crowd"};
	const struct lw_kb_role *role = &x->kb->roles[lw_ann_sense(x, a)->id];
	const lw_token *last = &x->t->tok[a->end_tok - 1];
	/* in lower case, or first in its sentence: a capitalised one is
	 * part of a name ("Professor Nagar", "Imam Bargah") */
	size_t f = a->first_tok;
	if (!(x->t->tok[f].flags & LW_TF_LOWER) &&
	    !(f == x->t->sent[lw_sentence_of(x->t, f)].first_token))
		return 0;
	return role->kind == LW_ROLE_GROUP && role->sector[0] &&
	       !(lw_tok_ends(x->t, a->end_tok - 1, "s", 1) && !lw_tok_ends(x->t, a->end_tok - 1, "ss", 2)) &&
	       !(x->t->tok[a->end_tok - 1].flags & LW_TF_POSSESSIVE) && last->kind == LW_TOK_WORD &&
	       !lw_tok_in(x->t, a->end_tok - 1, many, sizeof many / sizeof *many);
}

static void code_people(struct lw_extract *x)
{
	const struct lw_text *t = x->t;
	for (size_t i = 0; i < x->nmen; i++) {
		struct lw_mention *m = &x->men[i];
		if (m->type != LW_PERSON)
			continue;
		struct lw_ent *e = &x->ents[m->ent];
		lw_span d = apposition(x, m->end_tok);
		if (d.end) {
			m->desc = d;
			if (!e->has_code) {
				size_t k = m->end_tok + 1, end = k;
				while (end < t->ntok && t->tok[end].end <= d.end)
					end++;
				if (affiliation_in(x, k, end, e->country, e->sector, 1))
					e->has_code = e->from_title = 1;
			}
		}
		if (e->has_code)
			continue;
		/* before the name: up to five tokens back, in the words that
		 * lead up to it ("TTP commander X"), not past a mark or a verb
		 * of saying ("... the evil of ISIL," Carter said: ISIL is
		 * what Carter spoke of) */
		size_t s0 = t->sent[lw_sentence_of(t, m->first_tok)].first_token;
		size_t from = m->first_tok;
		while (from > s0 && m->first_tok - from < 5 && !lead_break(x, from - 1))
			from--;
		/* a title in lower case only where a comma sets it off: "The
		 * Pakistani prime minister, Nawaz Sharif," (not "U.S. captain
		 * X", a team's) */
		if (affiliation_in(x, from, m->first_tok, e->country, e->sector, 0) ||
		    (m->first_tok > from && lw_tok_punct(t, m->first_tok - 1, ',') &&
		     affiliation_in(x, from, m->first_tok - 1, e->country, e->sector, 1)))
			e->has_code = e->from_title = 1;
		else {
			/* "President X", "Gen. X" with the document's country */
			const struct lw_ann *r = NULL;
			for (size_t k = from; k < m->first_tok && !r; k++) {
				if (!lw_ann_find(x, k, LW_SENSE_ROLE))
					continue;
				/* every role there: "Constable" is a title and,
				 * in any case, the group "constable" too */
				for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
					const struct lw_ann *a = &x->ann[j];
					/* (past an honorific: "Prime Minister Sheikh
					 * Hasina") */
					/* (or set off by a comma after its article: "a
					 * police spokeswoman, Wanjiku Otieno,") */
					if (a->kind == LW_SENSE_ROLE &&
					    (a->end_tok == m->first_tok ||
					     (a->end_tok + 1 == m->first_tok &&
					      lw_ann_find(x, a->end_tok, LW_SENSE_TITLE)) ||
					     (a->end_tok + 1 == m->first_tok && lw_tok_punct(t, a->end_tok, ',') &&
					      title_article(x, a->first_tok))) &&
					    x->kb->roles[lw_ann_sense(x, a)->id].kind == LW_ROLE_TITLE) {
						r = a; /* the longest: "Chief Minister", not "Minister" */
						break;
					}
					/* "shot dead journalist X", "student X": one
					 * of a group, named right after the word */
					if (a->kind == LW_SENSE_ROLE && a->end_tok == m->first_tok &&
					    one_of_group(x, a)) {
						r = a;
						break;
					}
				}
			}
			char c3[4] = "";
			/* "Haiti's Prime Minister X": the place before the
			 * possessive */
			size_t b = r ? r->first_tok : 0;
			if (b > 1 && (t->tok[b - 1].flags & LW_TF_POSSESSIVE) && lw_tok_len(&t->tok[b - 1]) <= 3)
				b--;
			if (r && !(b > 0 && country_at(x, b - 1, c3))) {
				/* "Balochistan Chief Minister X": the province's
				 * country; else the country of a story that names
				 * one and no other ("Interior Minister X" in a
				 * story of Pakistan) */
				const struct lw_mention *pm = b > 0 ? lw_mention_at(x, b - 1) : NULL;
				uint32_t pl = pm && pm->type == LW_PLACE ? x->ents[pm->ent].place : UINT32_MAX;
				if (pl < x->kb->nplaces && pm->end_tok == b)
					memcpy(c3, x->kb->places[pl].country, 4);
				else if (x->focus[0] && !owned_title(x, r->first_tok)) {
					/* (or, in a story of several filed from the
					 * focus country, a civil title where no other
					 * country has been named yet: "BOGOTA, Colombia
					 * - ... President X" in a story that turns to
					 * Ecuador at its end; an officer's title is
					 * often a foreign force's: "Maj. Gen. X" of the
					 * coalition in a release from Kabul) */
					const char *rs = x->kb->roles[lw_ann_sense(x, r)->id].sector;
					if (x->sole_country ||
					    (!sector_is(rs, "MIL") && !sector_is(rs, "COP") &&
					     before_other_country(x, m->first_tok)))
						memcpy(c3, x->focus, 4);
				}
			}
			if (r && c3[0]) {
				memcpy(e->country, c3, 4);
				memcpy(e->sector, spokes_sector(x, r), 4);
				e->has_code = e->from_title = 1;
			}
		}
	}
}

/* ---- sorting ---- */

/* End of the run of elements in order (by cmp) that starts at i. */
static inline size_t run_end(const char *base, size_t i, size_t n, size_t sz,
		      int (*cmp)(const void *, const void *))
{
	while (i + 1 < n && cmp(base + i * sz, base + (i + 1) * sz) <= 0)
		i++;
	return i + 1;
}

/* Merge the runs [a, m) and [m, e), the left one through tmp; ties keep
 * the left run's element first. */
static inline void merge_runs(char *base, size_t a, size_t m, size_t e, size_t sz,
		       int (*cmp)(const void *, const void *), char *tmp)
{
	memcpy(tmp, base + a * sz, (m - a) * sz);
	size_t l = 0, nl = m - a, r = m, o = a;
	while (l < nl && r < e) {
		if (cmp(tmp + l * sz, base + r * sz) <= 0)
			memcpy(base + o++ * sz, tmp + l++ * sz, sz);
		else
			memcpy(base + o++ * sz, base + r++ * sz, sz);
	}
	memcpy(base + o * sz, tmp + l * sz, (nl - l) * sz);
}

/*
 * A stable sort (the order qsort's merge sort gave) that merges the runs
 * already in order: mentions and phrases come as a few sorted runs (the
 * dictionary's, the composites', the unknown names'...), so a pass or two
 * sorts them where qsort compared n log n times. At worst (runs of one)
 * it is a bottom-up merge sort, n log n all the same. Inline: each of
 * sort_arefs and sort_mentions gets its own copy, with the comparison
 * and the element's size known (a call and a memcpy of unknown size per
 * element cost more than the comparisons themselves).
 */
static inline lw_status sort_runs(void *base, size_t n, size_t sz,
				  int (*cmp)(const void *, const void *))
{
	char *b = base, *tmp = NULL;
	for (int merged = 1; merged;) {
		merged = 0;
		for (size_t i = 0; i < n;) {
			size_t m = run_end(b, i, n, sz, cmp);
			if (m == n)
				break;
			size_t e = run_end(b, m, n, sz, cmp);
			if (!tmp && !(tmp = malloc(n * sz)))
				return LW_ENOMEM;
			merge_runs(b, i, m, e, sz, cmp, tmp);
			merged = 1;
			i = e;
		}
	}
	free(tmp);
	return LW_OK;
}

/* ---- 6. actor and place phrases for events ---- */

/*
 * Does a name or role ending at byte `end`, inside the token that ends at
 * `tend`, begin a word that describes something else ("Iran-aligned",
 * "rebel-held", "Dhaka-bound")? Of a place, only a hyphen and a
 * lower-case word of three letters or more do (not the particle of
 * "Baghlan-e Markazi", not "Lahore-Islamabad"); of a role (`agent`), any
 * rest of the word does but those that name it the one who acts or is
 * meant ("councillor-elect", "opposition-led", "opposition-enforced").
 */
static int begins_describing(const struct lw_text *t, uint32_t end, uint32_t tend, int agent)
{
	if (end >= tend)
		return 0;
	if (!agent && (end + 4 > tend || t->p[end] != '-' || t->p[end + 1] < 'a' || t->p[end + 1] > 'z'))
		return 0;
	static const char *const keep[] = {"-elect", "-designate", "-led", "-enforced",
					   "-called", "-sponsored", "-organised", "-organized"};
	size_t n = tend - end;
	for (size_t i = 0; agent && i < sizeof keep / sizeof *keep; i++)
		if (n == strlen(keep[i]) && strncasecmp(t->p + end, keep[i], n) == 0)
			return 0;
	return 1;
}

/* Does token k open a verb phrase of an event ("condemned", "has
 * strongly ...", "on Tuesday rejected")? A trigger that is a verb, after
 * at most three words between a subject and its verb. */
static int verb_trigger_at(const struct lw_extract *x, size_t k)
{
	const struct lw_text *t = x->t;
	for (size_t n = 0; n < 3 && k < t->ntok; n++, k++) {
		const struct lw_ann *a =
			(x->ann_kinds[k] & (1u << LW_SENSE_TRIGGER)) ? lw_ann_find_at(x, k, LW_SENSE_TRIGGER) : NULL;
		if (a) {
			const struct lw_kb_sense *s = lw_ann_sense(x, a);
			return s->id < x->kb->ntriggers && !(x->kb->triggers[s->id].flags & LW_TRF_NOUN);
		}
		/* "Bangladesh imposed a nationwide curfew", "Niger declared a
		 * state of emergency": a state's act that a noun names, a few
		 * words after its verb */
		static const char *const acts[] = {"imposed", "declared", "announced", "ordered",
						   "launched", "extended", "lifted", "banned",
						   "suspended", "expelled", "recalled", "sealed"};
		if ((t->tok[k].flags & LW_TF_LOWER) && lw_tok_in(t, k, acts, sizeof acts / sizeof *acts))
			for (size_t j = k + 1; j < t->ntok && j < k + 5; j++) {
				if (t->tok[j].kind != LW_TOK_WORD && t->tok[j].kind != LW_TOK_NUMBER)
					break;
				if (x->ann_kinds[j] & (1u << LW_SENSE_TRIGGER))
					return 1;
			}
		/* "on Tuesday" */
		if (ew(x, k, W_ON) && k + 1 < t->ntok && (t->tok[k + 1].flags & LW_TF_CAP)) {
			k++;
			continue;
		}
		if (!ec(x, k, EC_STATE_AUX) && !((t->tok[k].flags & LW_TF_LOWER) && lw_tok_ends(t, k, "ly", 3)))
			return 0;
	}
	return 0;
}

/* Does a country's name end right before token k ("Egypt and Saudi
 * Arabia urged": two states, one subject)? */
/* Does a phrase at token f (after an optional "the") open its clause:
 * the text's or a paragraph's start, or after a full stop, a dash, a
 * quotation mark, a comma or a semicolon? */
static int opens_clause(const struct lw_extract *x, size_t f)
{
	const struct lw_text *t = x->t;
	if (f > 0 && ew(x, f - 1, W_THE))
		f--;
	return f == 0 || (t->tok[f].flags & LW_TF_PARA_BEFORE) || t->tok[f - 1].kind == LW_TOK_TERM ||
	       t->tok[f - 1].kind == LW_TOK_DASH || t->tok[f - 1].kind == LW_TOK_QUOTE ||
	       lw_tok_punct(t, f - 1, ',') || lw_tok_punct(t, f - 1, ';');
}

static int country_ends(const struct lw_extract *x, size_t k)
{
	const struct lw_mention *p = k > 0 ? lw_mention_at(x, k - 1) : NULL;
	/* the first state opens the clause ("troops of India and Pakistan"
	 * are troops) */
	return p && p->end_tok == k && p->type == LW_PLACE && x->ents[p->ent].place < x->kb->nplaces &&
	       x->kb->places[x->ents[p->ent].place].kind == LW_PK_COUNTRY &&
	       opens_clause(x, p->first_tok);
}

/*
 * A country named as the subject of an event's verb ("Turkey condemned
 * the attack", "..., and Iran denied it"): the state, an actor. A country
 * after "in", "from" or "of", or inside a longer name, is only a place.
 * Not the agent of a passive ("was captured by Israel"): the events stage
 * reads a "by" after some triggers as their target.
 */
static int state_subject(const struct lw_extract *x, const struct lw_mention *m)
{
	const struct lw_text *t = x->t;
	const struct lw_ent *e = &x->ents[m->ent];
	if (e->place >= x->kb->nplaces || x->kb->places[e->place].kind != LW_PK_COUNTRY ||
	    m->end_tok >= t->ntok || (t->tok[m->end_tok - 1].flags & LW_TF_POSSESSIVE))
		return 0;
	size_t f = m->first_tok;
	/* "the United States agreed" */
	if (f > 0 && ew(x, f - 1, W_THE))
		f--;
	/* the clause's first words, or after ", and" ("troops of India and
	 * Pakistan fired": the country names whose troops) */
	/* or after a verb of saying, or "that": "officials said Russia
	 * attacked Kharkiv", "claimed that Israel struck" */
	static const char *const said[] = {"said", "says", "say", "that"};
	int opens = opens_clause(x, f) ||
		    (ec(x, f - 1, EC_CLAUSE_OPEN) && (f < 2 || lw_tok_punct(t, f - 2, ',') ||
						      !ew(x, f - 1, W_AND) || country_ends(x, f - 1))) ||
		    (f > 0 && (t->tok[f - 1].flags & LW_TF_LOWER) &&
		     lw_tok_in(t, f - 1, said, sizeof said / sizeof *said));
	/* (the second of two after a group that opens the clause: "The
	 * Taliban and Pakistan clashed") */
	if (!opens && f > 1 && ew(x, f - 1, W_AND) && verb_trigger_at(x, m->end_tok)) {
		const struct lw_mention *g = lw_mention_at(x, f - 2);
		if (g && g->end_tok == f - 1 && g->type == LW_ORG && x->ents[g->ent].has_code) {
			size_t gf = g->first_tok;
			if (gf > 0 && ew(x, gf - 1, W_THE))
				gf--;
			opens = opens_clause(x, gf);
		}
	}
	if (!opens)
		return 0;
	if (verb_trigger_at(x, m->end_tok))
		return 1;
	/* (the first of two: "France and the United Nations urged") */
	size_t j = m->end_tok + 1;
	if (j < t->ntok && ew(x, j - 1, W_AND) && ew(x, j, W_THE))
		j++;
	const struct lw_mention *o = j < t->ntok && ew(x, m->end_tok, W_AND) ? lw_mention_at(x, j) : NULL;
	return o && o->first_tok == j && o->type != LW_PERSON && o->end_tok < t->ntok &&
	       verb_trigger_at(x, o->end_tok);
}

/* Does a trigger (a verb's only, with verb_only) end right before token
 * k, having begun at most four tokens before it? */
static int trigger_ends(const struct lw_extract *x, size_t k, int verb_only)
{
	for (size_t j = k > 4 ? k - 4 : 0; j < k; j++) {
		if (!(x->ann_kinds[j] & (1u << LW_SENSE_TRIGGER)))
			continue;
		for (size_t a = x->ann_at[j]; a < x->nann && x->ann[a].first_tok == j; a++) {
			const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[a]);
			if (s->kind == LW_SENSE_TRIGGER && x->ann[a].end_tok == k &&
			    (!verb_only || (s->id < x->kb->ntriggers &&
					    !(x->kb->triggers[s->id].flags & LW_TRF_NOUN))))
				return 1;
		}
	}
	return 0;
}

/* A country named as the one a deed is done to, its state: "condemned
 * Japan", "visited Kenya", "sanctions on Iran", "talks with Russia" (not
 * "in Japan", a place). */
static int state_object(const struct lw_extract *x, const struct lw_mention *m)
{
	const struct lw_text *t = x->t;
	/* "India's blockade", "Pakistan's border village": the state's
	 * thing, not the state */
	if (!country_mention(x, m) || (t->tok[m->end_tok - 1].flags & LW_TF_POSSESSIVE) ||
	    (m->end_tok < t->ntok && (t->tok[m->end_tok].flags & LW_TF_POSSESSIVE)))
		return 0;
	size_t f = m->first_tok;
	/* "accuses neighbouring Rwanda of ...": a word of the state's
	 * standing toward the subject between */
	static const char *const standing[] = {"neighbouring", "neighboring", "rival", "fellow"};
	if (f > 0 && (t->tok[f - 1].flags & LW_TF_LOWER) &&
	    lw_tok_in(t, f - 1, standing, sizeof standing / sizeof *standing))
		f--;
	if (f > 0 && ew(x, f - 1, W_THE))
		f--;
	if (f == 0)
		return 0;
	if (trigger_ends(x, f, 1))
		return 1;
	/* "sanctions on Iran": a trigger ends within three tokens before
	 * the preposition */
	if (f < 2 || !(ew(x, f - 1, W_ON) || ew(x, f - 1, W_AGAINST) || ew(x, f - 1, W_WITH)))
		return 0;
	for (size_t e = f - 1; e > 0 && f - 1 - e <= 3; e--)
		if (trigger_ends(x, e, 0))
			return 1;
	return 0;
}

/* Inline: ten arguments, four of them passed on the stack, cost more
 * than the phrase's stores; each call site knows most of them. */
/* Sectors of armed groups outside the state: rebels, insurgents, the
 * unidentified armed. */
static int armed_group_sector(const char s[4])
{
	return sector_is(s, "REB") || sector_is(s, "INS") || sector_is(s, "UAF");
}

/* "the banned TTP", "the outlawed Lashkar-e-Taiba" */
static const char *const outlawed[] = {"banned", "outlawed", "proscribed", "defunct", "militant"};

static inline lw_status add_aref(struct lw_extract *x, uint32_t start, uint32_t end, size_t ft, size_t et,
			  int32_t ent, const char *country, const char *sector, int kind, int plural)
{
	/* "BEIRUT, March 3 (AP) —": the agency in the dateline sent the
	 * story; it does nothing in it */
	const lw_dateline *dl = &x->t->dateline;
	if (dl->found && start >= dl->span.start && end <= dl->span.end)
		return LW_OK;
	if (GROW(x->aref, x->naref, x->caparef, x->arena))
		return LW_ENOMEM;
	struct lw_aref *r = &x->aref[x->naref++];
	memset(r, 0, sizeof *r);
	r->start = start;
	r->end = end;
	r->first_tok = (uint32_t)ft;
	r->end_tok = (uint32_t)et;
	r->ent = ent;
	if (country)
		memcpy(r->country, country, 4);
	if (sector)
		memcpy(r->sector, sector, 4);
	r->kind = (uint8_t)kind;
	r->plural = (uint8_t)plural;
	return LW_OK;
}

static int cmp_aref(const void *a, const void *b)
{
	const struct lw_aref *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end; /* the longer first */
}

static lw_status sort_arefs(struct lw_extract *x)
{
	return sort_runs(x->aref, x->naref, sizeof *x->aref, cmp_aref);
}

/* The annotation of a town or province that begins the name of an
 * organisation (not a country: "Pakistan Peoples Party" says nothing of
 * where), in the document's country when the name is ambiguous;
 * UINT32_MAX if none. */
static uint32_t town_in_name(const struct lw_extract *x, const struct lw_mention *m)
{
	uint32_t pick = UINT32_MAX;
	int countries = 1;
	char first[4] = "";
	/* "Al Jazeera", "El Pais": a particle is no town (Norway's Ål) */
	const struct lw_ann *part = lw_ann_find(x, m->first_tok, LW_SENSE_PARTICLE);
	if (part && part->end_tok == m->first_tok + 1)
		return UINT32_MAX;
	for (size_t j = x->ann_at[m->first_tok]; j < x->nann && x->ann[j].first_tok == m->first_tok; j++) {
		const struct lw_ann *a = &x->ann[j];
		const struct lw_kb_sense *s = lw_ann_sense(x, a);
		if (s->kind != LW_SENSE_PLACE || a->end_tok >= m->end_tok || (s->flags & LW_SF_COMMON) ||
		    a->start != m->start)
			continue;
		const struct lw_kb_place *p = &x->kb->places[s->id];
		if (p->kind == LW_PK_COUNTRY)
			return UINT32_MAX;
		if (pick != UINT32_MAX && x->ann[pick].end_tok > a->end_tok)
			continue; /* the longer name won */
		if (x->focus[0] && memcmp(p->country, x->focus, 3) == 0) {
			if (pick == UINT32_MAX || memcmp(x->kb->places[lw_ann_sense(x, &x->ann[pick])->id].country,
							 x->focus, 3) != 0 ||
			    p->kind < x->kb->places[lw_ann_sense(x, &x->ann[pick])->id].kind)
				pick = (uint32_t)j;
		} else if (pick == UINT32_MAX) {
			pick = (uint32_t)j;
		}
		if (!first[0])
			memcpy(first, p->country, 4);
		else if (memcmp(first, p->country, 3) != 0)
			countries = 2;
	}
	if (pick == UINT32_MAX)
		return pick;
	const struct lw_kb_place *p = &x->kb->places[lw_ann_sense(x, &x->ann[pick])->id];
	/* towns of one name in several countries: only the document's */
	if (countries > 1 && !(x->focus[0] && memcmp(p->country, x->focus, 3) == 0))
		return UINT32_MAX;
	return pick;
}

/* The first token from k on where an annotation of `kind` starts; ntok if
 * none. Four tokens' kinds a step, in one 64-bit word, over the many
 * tokens where none starts. */
static size_t next_kind(const struct lw_extract *x, size_t k, int kind)
{
	const uint16_t *kinds = x->ann_kinds;
	size_t n = x->t->ntok;
	uint64_t bits = (uint64_t)(1u << kind) * 0x0001000100010001u;
	for (uint64_t w; k + 4 <= n; k += 4) {
		memcpy(&w, kinds + k, sizeof w);
		if (w & bits)
			break;
	}
	while (k < n && !(kinds[k] & (1u << kind)))
		k++;
	return k;
}

/*
 * A place no gazetteer entry names, which the text calls a district of a
 * province of the story's country ("Karjan district, Uruzgan province";
 * the entity's earlier finding, for its later mentions): that province's
 * kb place, or UINT32_MAX.
 */
static uint32_t district_region(const struct lw_extract *x, const struct lw_mention *m)
{
	const struct lw_ent *e = &x->ents[m->ent];
	if (e->region != UINT32_MAX)
		return e->region;
	if (place_head_after(x, m->end_tok) != LW_PK_ADMIN2)
		return UINT32_MAX;
	uint32_t r = region_place_after(x, m->end_tok);
	if (r == UINT32_MAX || x->kb->places[r].kind != LW_PK_ADMIN1 ||
	    (x->focus[0] && memcmp(x->kb->places[r].country, x->focus, 3) != 0))
		return UINT32_MAX;
	return r;
}

/* Mentions on either side of one whose place is found by its sound that
 * are asked for their provinces; mentions of an entity asked. */
#define SOUND_NEAR 32
#define SOUND_TRIES 4

/*
 * The kb place that the name of mention `at`, which no dictionary spells
 * so, sounds like ("Sukkar" for Sukkur, "Faislabad" for Faisalabad), or
 * UINT32_MAX. A place below the country:
 * - whose key (lw_sound_key) is the name's, and whose name is close to it
 *   in letters (lw_sound_close);
 * - of the province or country named after it ("Sukkar, Sindh"), else of
 *   the story's country; where that is unknown, a name of eight letters
 *   or more, one letter from the place's;
 * - in a province of the places the sentence names ("the village of
 *   Kunday in Khost district" is not Kanday in Kunar);
 * - of the kind its head word says ("Nawah district");
 * - one place by its name: a town and its district of one name are one
 *   (the town is taken, or the district after "district"); two names are
 *   none.
 * A name of English words ("Marine", "Middle West") is not asked.
 */
static uint32_t sound_place(const struct lw_extract *x, size_t at)
{
	const struct lw_mention *m = &x->men[at];
	const struct lw_kb *kb = x->kb;
	if (!kb->nsounds || m->first_tok >= x->t->ntok)
		return UINT32_MAX;
	/* a name the dictionary has: the stage before took or left it */
	const struct lw_ann *own = lw_ann_find(x, m->first_tok, LW_SENSE_PLACE);
	if (own && own->end_tok == m->end_tok)
		return UINT32_MAX;
	/* English words ("Marine", "Middle West") are spelled as they are */
	size_t tok = m->first_tok;
	while (tok < m->end_tok && common_word(x, tok))
		tok++;
	if (tok == m->end_tok)
		return UINT32_MAX;
	uint32_t region = region_place_after(x, m->end_tok);
	const char *country = region != UINT32_MAX ? kb->places[region].country
				  : x->focus[0]		? x->focus
							: NULL;
	if (region != UINT32_MAX && kb->places[region].kind != LW_PK_ADMIN1)
		region = UINT32_MAX; /* a country: no province to keep to */
	/* the provinces of the places the sentence names in that country
	 * ("the village of Kunday in Khost district"): the place is in one */
	uint32_t in[8];
	size_t nin = 0;
	if (x->t->nsent) {
		/* the mentions are in text order: the sentence's nearest ones,
		 * a bounded number of them */
		const lw_sentence *st = &x->t->sent[lw_sentence_of(x->t, m->first_tok)];
		size_t from = at > SOUND_NEAR ? at - SOUND_NEAR : 0;
		size_t to = x->nmen - at > SOUND_NEAR ? at + SOUND_NEAR : x->nmen;
		for (size_t i = from; i < to && nin < sizeof in / sizeof *in; i++) {
			const struct lw_mention *o = &x->men[i];
			uint32_t pl = x->ents[o->ent].place;
			if (o == m || o->type != LW_PLACE || o->start < st->start || o->end > st->end ||
			    pl >= kb->nplaces)
				continue;
			const struct lw_kb_place *q = &kb->places[pl];
			if (q->kind != LW_PK_COUNTRY && q->admin1 != UINT32_MAX &&
			    (!country || memcmp(q->country, country, 3) == 0))
				in[nin++] = q->admin1;
		}
	}
	/* the mention's units' keys, one after the other (the key passes
	 * over what is no letter) */
	char name[256];
	size_t to = x->unit_at[m->first_tok];
	while (to < x->u.n && x->u.u[to].tok < m->end_tok)
		to++;
	size_t n = lw_units_join(&x->u, x->unit_at[m->first_tok], to, name, sizeof name);
	if (n == SIZE_MAX)
		return UINT32_MAX;
	size_t letters;
	uint64_t key = lw_sound_key(name, n, &letters);
	if (letters < LW_SOUND_MIN)
		return UINT32_MAX;
	int seats_only = 0;
	if (!country) {
		/* no country to keep to: a long name, one place in the world,
		 * one letter from the text's */
		size_t nl = 0;
		for (size_t i = 0; i < n; i++)
			nl += name[i] >= 'a' && name[i] <= 'z';
		/* a shorter one (six letters or more: "in Sukkar") only as a
		 * district's seat or a province, one in the world */
		if (nl < LW_SOUND_MIN_ANYWHERE - 2)
			return UINT32_MAX;
		seats_only = nl < LW_SOUND_MIN_ANYWHERE;
	}
	int head = place_head_after(x, m->end_tok);
	static const uint8_t rank[] = {[LW_PK_CITY] = 1, [LW_PK_ADMIN2] = 2, [LW_PK_ADMIN1] = 3,
				       [LW_PK_OTHER] = 4};
	uint32_t pick = UINT32_MAX;
	for (size_t i = lw_kb_sounds_from(kb, key); i < kb->nsounds && kb->sounds[i].key == key; i++) {
		uint32_t id = kb->sounds[i].place;
		if (id >= kb->nplaces)
			return UINT32_MAX; /* a damaged kb */
		const struct lw_kb_place *p = &kb->places[id];
		if (p->kind == LW_PK_COUNTRY || p->kind >= sizeof rank ||
		    (country && memcmp(p->country, country, 3) != 0) ||
		    (region != UINT32_MAX && p->admin1 != region))
			continue;
		size_t j = 0;
		while (j < nin && in[j] != p->admin1)
			j++;
		if (nin && j == nin)
			continue;
		if (head == LW_PK_ADMIN1 ? p->kind != LW_PK_ADMIN1
		    : head == LW_PK_ADMIN2 ? p->kind != LW_PK_ADMIN2 && p->kind != LW_PK_CITY
					   : 0)
			continue;
		if (!lw_kb_place_close(kb, id, name, n, country ? SIZE_MAX : 1))
			continue;
		if (seats_only && p->kind != LW_PK_ADMIN1 &&
		    !(p->kind == LW_PK_CITY && p->admin2 < kb->nplaces &&
		      same_name(kb, p, &kb->places[p->admin2])))
			continue;
		if (pick == UINT32_MAX) {
			pick = id;
			continue;
		}
		const struct lw_kb_place *q = &kb->places[pick];
		if (memcmp(p->country, q->country, 3) != 0 || p->name_len != q->name_len ||
		    strncasecmp(lw_kb_str(kb, p->name_off), lw_kb_str(kb, q->name_off), p->name_len) != 0)
			return UINT32_MAX; /* two places that sound alike */
		if (rank[p->kind] < rank[q->kind] || (head == LW_PK_ADMIN2 && p->kind == LW_PK_ADMIN2))
			pick = id;
	}
	return pick;
}

/* "Kenyan police officers were sent ... the Kenyans exchanged fire": of
 * each "the" and a people's plural at token again[i], the last force
 * (army or police) of that country named before it, in its sentence or
 * the two before, is told again: a phrase of that force's code (not a
 * people, "the Armenians of Israel", nor a side, "Israel and the
 * Palestinians"). The phrases are sorted: each search is a binary one
 * and a walk of the three sentences. */
static lw_status told_again(struct lw_extract *x, const uint32_t *again, size_t n)
{
	const struct lw_text *t = x->t;
	size_t added = 0, nsorted = x->naref;
	for (size_t i = 0; i < n; i++) {
		size_t k = again[i];
		const struct lw_ann *d = lw_ann_find_at(x, k, LW_SENSE_DEMONYM);
		if (!d)
			continue;
		const char *a3 = x->kb->countries[lw_ann_sense(x, d)->id].a3;
		size_t sk = lw_sentence_of(t, k);
		size_t win = t->sent[sk > 2 ? sk - 2 : 0].first_token;
		const struct lw_aref *last = NULL;
		for (size_t ai = lw_aref_lower(x, 0, nsorted, win); ai < nsorted && x->aref[ai].first_tok < k; ai++) {
			const struct lw_aref *r = &x->aref[ai];
			if (r->end_tok <= k && (!last || r->end_tok > last->end_tok) && !memcmp(r->country, a3, 4) &&
			    (sector_is(r->sector, "MIL") || sector_is(r->sector, "COP")))
				last = r;
		}
		if (!last)
			continue;
		char sec[4];
		memcpy(sec, last->sector, 4);
		const lw_token *w = &t->tok[k];
		if (add_aref(x, w->start, w->end, k, k + 1, -1, a3, sec, LW_AREF_ROLE, 1))
			return LW_ENOMEM;
		added++;
	}
	return added ? sort_arefs(x) : LW_OK;
}

/* Of "its forces": is mention m (before the possessive) the group or
 * country they are of? A group with a code is named (*named); a
 * ministry's forces are the state's soldiers (its country, the role's
 * sector, into a3), as a country's are. */
static int possessor(const struct lw_extract *x, const struct lw_mention *m, const struct lw_kb_role *role,
		     char a3[4], int32_t *named)
{
	if (m->type == LW_ORG && x->ents[m->ent].has_code) {
		const struct lw_ent *o = &x->ents[m->ent];
		if (sector_is(o->sector, "GOV") && o->country[0] &&
		    (sector_is(role->sector, "MIL") || sector_is(role->sector, "COP")))
			memcpy(a3, o->country, 4);
		else
			*named = (int32_t)m->ent;
		return 1;
	}
	uint32_t pl = m->type == LW_PLACE ? x->ents[m->ent].place : UINT32_MAX;
	if (pl < x->kb->nplaces && x->kb->places[pl].kind == LW_PK_COUNTRY) {
		memcpy(a3, x->kb->places[pl].country, 4);
		return 1;
	}
	return 0;
}

/* Places no dictionary spells as the text does, found by their sound
 * (sound_place), for the entity and its events: asked of an entity's
 * first SOUND_TRIES mentions (a name repeated in a long text costs no more
 * than a few). */
static void sound_places(struct lw_extract *x)
{
	for (size_t i = 0; i < x->nmen; i++) {
		const struct lw_mention *m = &x->men[i];
		struct lw_ent *e = &x->ents[m->ent];
		if (m->type != LW_PLACE || e->type != LW_PLACE || e->place != UINT32_MAX ||
		    e->actor != UINT32_MAX || e->team || m->src == LW_MS_PRONOUN ||
		    m->src == LW_MS_DEFINITE || e->sound_tries >= SOUND_TRIES)
			continue;
		e->sound_tries++;
		e->place = sound_place(x, i);
	}
}

static lw_status phrases(struct lw_extract *x, const struct the_groups *tg)
{
	const struct lw_text *t = x->t;
	/* entities with codes, and people */
	for (size_t i = 0; i < x->nmen; i++) {
		const struct lw_mention *m = &x->men[i];
		const struct lw_ent *e = &x->ents[m->ent];
		if (m->type == LW_PLACE) {
			/* "Turkey condemned the attack", "condemned Japan": the state */
			if ((state_subject(x, m) || state_object(x, m)) &&
			    add_aref(x, m->start, m->end, m->first_tok, m->end_tok, (int32_t)m->ent,
				     x->kb->places[e->place].country, "GOV", LW_AREF_NAMED, 0))
				return LW_ENOMEM;
			uint32_t place = e->place, district = 0;
			/* "the Iran-aligned Houthis", "Dhaka-bound launches": a
			 * place in a word that describes is where no event is
			 * ("Lahore-Islamabad road", "Pul-e Alam" are places) */
			if (begins_describing(t, m->end, t->tok[m->end_tok - 1].end, 0))
				continue;
			if (place == UINT32_MAX) {
				place = district_region(x, m);
				if (place == UINT32_MAX)
					continue;
				district = 1;
				x->ents[m->ent].region = place;
			}
			if (GROW(x->pref, x->npref, x->cappref, x->arena))
				return LW_ENOMEM;
			struct lw_pref *p = &x->pref[x->npref++];
			p->start = m->start;
			p->end = m->end;
			p->first_tok = m->first_tok;
			p->end_tok = m->end_tok;
			p->ent = (int32_t)m->ent;
			p->place = place;
			p->district = (uint8_t)district;
			memset(p->pad, 0, sizeof p->pad);
			continue;
		}
		if (add_aref(x, m->start, m->end, m->first_tok, m->end_tok, (int32_t)m->ent,
			     e->has_code ? e->country : NULL, e->has_code ? e->sector : NULL,
			     m->type == LW_PERSON ? LW_AREF_PERSON : LW_AREF_NAMED, 0))
			return LW_ENOMEM;
		/* "outside the Karachi Press Club", "Lahore High Court": the
		 * town that starts an organisation's name is a place for events;
		 * not an armed group's ("the Sinaloa Cartel", "the Jalisco New
		 * Generation Cartel"), whose name says where it began, not where
		 * it strikes */
		int armed = e->has_code && (memcmp(e->sector, "REB", 3) == 0 ||
					    memcmp(e->sector, "UAF", 3) == 0);
		uint32_t town = m->type == LW_ORG && !armed ? town_in_name(x, m) : UINT32_MAX;
		if (town != UINT32_MAX) {
			if (GROW(x->pref, x->npref, x->cappref, x->arena))
				return LW_ENOMEM;
			const struct lw_ann *a = &x->ann[town];
			struct lw_pref *p = &x->pref[x->npref++];
			p->start = a->start;
			p->end = a->end;
			p->first_tok = a->first_tok;
			p->end_tok = a->end_tok;
			p->ent = -1;
			p->place = lw_ann_sense(x, a)->id;
			p->district = 0;
			memset(p->pad, 0, sizeof p->pad);
		}
	}
	/* role phrases: "Pakistani security forces", "Afghanistan's army", "militants" */
	for (size_t k = 0; (k = next_kind(x, k, LW_SENSE_ROLE)) < t->ntok; k++) {
		const struct lw_ann *r = lw_ann_find(x, k, LW_SENSE_ROLE);
		if (!r || x->cover[k])
			continue;
		/* "the rebel-held town", "government-run schools": the first
		 * part of a word that describes something else (but
		 * "councillor-elect" is the councillor, "ex-militants" the
		 * militants) */
		if (begins_describing(t, r->end, t->tok[r->end_tok - 1].end, 1))
			continue;
		const struct lw_kb_role *role = &x->kb->roles[lw_ann_sense(x, r)->id];
		/* "the Jabalia refugee camp": a camp named for those who live
		 * in it, a place ("attacked an army camp" keeps the army) */
		if (sector_is(role->sector, "REF") && r->end_tok < t->ntok &&
		    (lw_tok_is(t, r->end_tok, "camp") || lw_tok_is(t, r->end_tok, "camps")))
			continue;
		/* "Prime Minister Nawaz Sharif", "the paramilitary Rapid
		 * Support Forces": the title or kind of the one named after
		 * it, who is the actor */
		const struct lw_mention *named_next = lw_mention_at(x, r->end_tok);
		if (named_next && named_next->first_tok == r->end_tok &&
		    ((role->kind == LW_ROLE_TITLE && named_next->type == LW_PERSON) ||
		     (named_next->type == LW_ORG && (t->tok[r->end_tok - 1].flags & LW_TF_LOWER))))
			continue;
		/* "separatist rebels", "army soldiers": the last noun is the head */
		const struct lw_kb_role *lead = role;
		size_t end_tok = r->end_tok;
		uint32_t end = r->end;
		for (const struct lw_ann *n; end_tok < t->ntok && !x->cover[end_tok] &&
					     (n = lw_ann_find(x, end_tok, LW_SENSE_ROLE)) != NULL;) {
			const struct lw_kb_role *head = &x->kb->roles[lw_ann_sense(x, n)->id];
			/* (but a force's guard, driver or doctor serves the
			 * force: "a Levies guard", "army drivers"; not its
			 * families) */
			if (head->sector[0] && !(force_staff(t, n->end_tok - 1) && sector_is(head->sector, "CVL") &&
						 (sector_is(role->sector, "COP") || sector_is(role->sector, "MIL"))))
				role = head;
			end_tok = n->end_tok;
			end = n->end;
		}
		/* "District Police Chief SP Bhim Dhakal": titles one after the
		 * other before a person's name are the person's */
		if (end_tok != r->end_tok && role->kind == LW_ROLE_TITLE) {
			const struct lw_mention *p = lw_mention_at(x, end_tok);
			if (p && p->first_tok == end_tok && p->type == LW_PERSON)
				continue;
		}
		char a3[4] = "";
		size_t first = k;
		/* a country before it, possibly with 's or an adjective between:
		 * ending at one of the three tokens before, so starting in the
		 * five before (most roles have none there, which country_may
		 * tells at once) */
		int may = country_may_before(x, k);
		for (size_t back = 1; may && back <= 3 && back <= k; back++) {
			size_t q = k - back;
			/* "the Nigerian army said troops ...": a verb between
			 * ends the phrase */
			if (x->ann_kinds[q] & (1u << LW_SENSE_CUE | 1u << LW_SENSE_TRIGGER))
				break;
			/* "Indian troops and militants": the country is the
			 * phrase's before it, which ends the search */
			if (x->naref && x->aref[x->naref - 1].end_tok > q &&
			    x->aref[x->naref - 1].first_tok <= q)
				break;
			if (t->tok[q].flags & LW_TF_POSSESSIVE)
				continue;
			/* "turned to Russia for military support": a function
			 * word between, two phrases */
			if ((t->tok[q].flags & LW_TF_LOWER) && function_word(x, q) && !ew(x, q, W_AND) &&
			    !lw_tok_is(t, q, "or"))
				break;
			size_t n = 0;
			char c3[4];
			for (size_t s = q + 1; s-- > 0 && q - s < 3;) {
				n = country_at(x, s, c3);
				if (n && s + n == q + 1) {
					memcpy(a3, c3, 4);
					first = s;
					break;
				}
				if (s == 0)
					break;
			}
			if (a3[0] || !(t->tok[q].flags & LW_TF_LOWER))
				break;
		}
		/* a province or town right before it: "Punjab police", "Karachi
		 * police", "Balochistan government officials" serve its
		 * country */
		if (!a3[0] && k > 0 && x->cover[k - 1]) {
			const struct lw_mention *m = lw_mention_at(x, k - 1);
			if (m && m->end_tok == k && m->type == LW_PLACE &&
			    !(t->tok[k - 1].flags & LW_TF_POSSESSIVE)) {
				uint32_t p = x->ents[m->ent].place;
				if (p != UINT32_MAX && x->kb->places[p].kind != LW_PK_COUNTRY &&
				    x->kb->places[p].country[0]) {
					memcpy(a3, x->kb->places[p].country, 4);
					first = m->first_tok;
				}
			}
		}
		/* the office's seat right after it: "the Commissioner Karachi",
		 * "Chief Minister Punjab" (jurisdiction) */
		if (!a3[0] && role->kind == LW_ROLE_TITLE && end_tok < t->ntok && x->cover[end_tok]) {
			const struct lw_mention *m = lw_mention_at(x, end_tok);
			uint32_t p = m && m->first_tok == end_tok && m->type == LW_PLACE
					     ? x->ents[m->ent].place
					     : UINT32_MAX;
			if (p < x->kb->nplaces && jurisdiction(x, end_tok, m->end_tok, &x->kb->places[p])) {
				memcpy(a3, x->kb->places[p].country, 4);
				end_tok = m->end_tok;
				end = m->end;
			}
		}
		/* a named group before it: "Taliban fighters", "TTP militants",
		 * "Baloch separatist rebels" are the group itself */
		int32_t named = -1;
		if (!a3[0]) {
			size_t q = k;
			/* one word between ("Taliban suicide bombers"), but not
			 * a verb: "the Taliban attacked police" */
			/* (nor an article: "told the BBC the militants were ...") */
			if (q > 0 && (t->tok[q - 1].flags & LW_TF_LOWER) && !x->cover[q - 1] &&
			    !(x->ann_kinds[q - 1] & (1u << LW_SENSE_CUE | 1u << LW_SENSE_TRIGGER)) &&
			    !ew(x, q - 1, W_THE) && !ew(x, q - 1, W_A) && !ew(x, q - 1, W_AN))
				q--;
			const struct lw_mention *m = q > 0 ? lw_mention_at(x, q - 1) : NULL;
			if (m && m->end_tok == q && m->type == LW_ORG &&
			    !(t->tok[q - 1].flags & LW_TF_POSSESSIVE)) {
				named = (int32_t)m->ent;
				first = m->first_tok;
			}
			/* "suspected TTP and other militants": the group named
			 * is among them */
			if (named < 0 && k >= 3 && ew(x, k - 2, W_AND) && lw_tok_is(t, k - 1, "other") &&
			    (m = lw_mention_at(x, k - 3)) != NULL && m->end_tok == k - 2 &&
			    m->type == LW_ORG && x->ents[m->ent].has_code &&
			    armed_group_sector(x->ents[m->ent].sector)) {
				named = (int32_t)m->ent;
				first = m->first_tok;
			}
		}
		/* "five militants of the TTP", "fighters of the banned
		 * Lashkar-e-Taiba": the group after "of"; so a title's
		 * ("three commanders of the SDF", the group an armed one) */
		if (end_tok + 1 < t->ntok && ew(x, end_tok, W_OF) && !a3[0] && named < 0 &&
		    (role->kind == LW_ROLE_TITLE ||
		     (role->kind == LW_ROLE_GROUP && armed_group_sector(role->sector)))) {
			size_t q = end_tok + 1;
			if (ew(x, q, W_THE))
				q++;
			if (q < t->ntok && (t->tok[q].flags & LW_TF_LOWER) && !x->cover[q] &&
			    lw_tok_in(t, q, outlawed, sizeof outlawed / sizeof *outlawed))
				q++;
			const struct lw_mention *m = q < t->ntok ? lw_mention_at(x, q) : NULL;
			if (m && m->first_tok == q && m->type == LW_ORG && x->ents[m->ent].has_code &&
			    armed_group_sector(x->ents[m->ent].sector)) {
				named = (int32_t)m->ent;
				end_tok = m->end_tok;
				end = m->end;
			}
		}
		/* "its forces", "their fighters": of the group or country the
		 * possessive points back to, the nearest named before it in the
		 * sentence ("Israel said its forces killed", "the TTP said its
		 * militants attacked"); a person nearer ("Khan said their
		 * men") or none: nothing */
		if (!a3[0] && named < 0 && first == k && k > 0) {
			size_t q = k;
			if ((t->tok[q - 1].flags & LW_TF_LOWER) && !x->cover[q - 1] &&
			    !ew(x, q - 1, W_ITS) && !ew(x, q - 1, W_THEIR) &&
			    !(x->ann_kinds[q - 1] & (1u << LW_SENSE_CUE | 1u << LW_SENSE_TRIGGER)))
				q--; /* "its own forces", "their armed wing" */
			if (q > 0 && (ew(x, q - 1, W_ITS) || ew(x, q - 1, W_THEIR))) {
				size_t sk = lw_sentence_of(t, q - 1);
				size_t s0 = t->sent[sk].first_token;
				int found = 0;
				for (size_t j = q - 1; j-- > s0;) {
					const struct lw_mention *m = lw_mention_at(x, j);
					if (!m || m->end_tok != j + 1)
						continue;
					if (m->type == LW_PERSON) {
						found = 1;
						break;
					}
					if ((found = possessor(x, m, role, a3, &named)) != 0) {
						first = q - 1;
						break;
					}
					j = m->first_tok; /* past the whole mention */
				}
				/* "Russia's defence ministry said its forces had
				 * struck airfields. It also said its troops had
				 * captured a village": after "It" opening the
				 * sentence, whose the sentence before opened with */
				if (!found && sk > 0 && ew(x, s0, W_IT) && (t->tok[s0].flags & LW_TF_CAP) &&
				    !ew(x, q - 1, W_THEIR)) {
					const lw_sentence *pv = &t->sent[sk - 1];
					for (size_t j = pv->first_token; j < pv->end_token && j < pv->first_token + 8; j++) {
						const struct lw_mention *m = lw_mention_at(x, j);
						if (!m || m->first_tok != j)
							continue;
						if (m->type != LW_PERSON && possessor(x, m, role, a3, &named))
							first = q - 1;
						break;
					}
				}
			}
		}
		/* "In Russia, the Defence Ministry said" */
		if (!a3[0] && named < 0 && first == k)
			opening_country(x, k, a3);
		/* a people's or a faith's name before an armed or opposition
		 * group: "Baloch separatists", "Muslim separatists", "Uighur
		 * militants" (the name is part of the phrase, which tells
		 * which separatists; the group has no country of it; "Monday
		 * militants" is no group) */
		if (!a3[0] && named < 0 && first == k && k > 0 && !x->cover[k - 1] &&
		    t->tok[k - 1].kind == LW_TOK_WORD &&
		    (t->tok[k - 1].flags & (LW_TF_CAP | LW_TF_UPPER)) == LW_TF_CAP &&
		    !(t->tok[k - 1].flags & LW_TF_POSSESSIVE) &&
		    !(x->ann_kinds[k - 1] & ~(1u << LW_SENSE_NOT_NAME)) &&
		    !lw_calendar_name(t, k - 1) && role->kind == LW_ROLE_GROUP &&
		    (sector_is(role->sector, "REB") || sector_is(role->sector, "INS") ||
		     sector_is(role->sector, "UAF") || sector_is(role->sector, "OPP")) &&
		    !common_word(x, k - 1))
			first = k - 1;
		/* a country right after: "police in Pakistan" is left to events */
		const lw_token *last = &t->tok[end_tok - 1];
		size_t ln = lw_tok_len(last);
		int plural = ln > 1 && t->p[last->end - 1] == 's';
		if (named >= 0) {
			const struct lw_ent *e = &x->ents[named];
			if (add_aref(x, t->tok[first].start, end, first, end_tok, named,
				     e->has_code ? e->country : NULL,
				     e->has_code ? e->sector : role->sector, LW_AREF_NAMED, plural))
				return LW_ENOMEM;
		} else {
			const char *sector = role->sector;
			if (!a3[0])
				sector = role_in_focus(x, role, a3);
			/* police serve their own country: in a story of one
			 * country, "police" are its police (not so soldiers or
			 * officials, who may be foreign: coalition troops in
			 * Afghanistan) */
			/* nor a government: "government positions", "government
			 * forces" in a story of one country are its own (a foreign
			 * one is told by its people's name: "the Turkish
			 * government") */
			int gov = lw_tok_word(t, k, "government") ||
				  /* "the junta", "the military junta": the one
				   * that rules the story's country */
				  lw_tok_word(t, end_tok - 1, "junta") ||
				  /* and its army: "the army", "the military" (not
				   * "troops", "soldiers", who may be a foreign
				   * force's) */
				  (end_tok == k + 1 && (lw_tok_word(t, k, "army") ||
							(lw_tok_word(t, k, "military") && k > 0 && ew(x, k - 1, W_THE))));
			if (!a3[0] && (sector_is(sector, "COP") || gov) && x->focus[0] && x->sole_country &&
			    places_all_in(x, x->focus))
				memcpy(a3, x->focus, 4);
			/* (and in a story of several filed from the focus
			 * country, before another country is named: "DAMASCUS,
			 * Syria - government forces clashed ... Turkey
			 * expressed support") */
			if (!a3[0] && gov && before_other_country(x, k))
				memcpy(a3, x->focus, 4);
			/* "Congress workers" in a story about India: a party's
			 * workers, activists, leaders act for the party */
			char pa[4] = "";
			if (!a3[0] && lead != role && role->kind == LW_ROLE_GROUP &&
			    sector_is(role_in_focus(x, lead, pa), "PTY") && pa[0]) {
				memcpy(a3, pa, 4);
				sector = "PTY";
			}
			/* "former soldiers", "retired police officers",
			 * "ex-servicemen": veterans are civilians (they march
			 * for pensions; they do not police the march) */
			/* (sector is a char[4] field or "PTY": four bytes, as
			 * the compares above) */
			if ((sector_is(sector, "MIL") || sector_is(sector, "COP")) && veterans(x, first))
				sector = "CVL";
			if (add_aref(x, t->tok[first].start, end, first, end_tok, -1, a3, sector,
				     LW_AREF_ROLE, plural))
				return LW_ENOMEM;
		}
		k = end_tok - 1;
	}
	/* "killed 35 Palestinians", "arrested 20 Pakistanis": a people's
	 * name in the plural, alone, is that country's people (civilians:
	 * a force is named by its role word, "Afghan soldiers"), when a
	 * number counts them */
	static const char *const aux_be[] = {"were", "was", "are", "is", "had", "have", "has"};
	/* (the name annotations, not every token: the few demonyms) */
	uint32_t *again = NULL; /* "the Kenyans": the tokens, for told_again */
	size_t nagain = 0, capagain = 0;
	for (size_t i = 0, done = SIZE_MAX; i < x->nname_ann; i++) {
		if (x->ann[x->name_ann[i]].kind != LW_SENSE_DEMONYM)
			continue;
		size_t k = x->ann[x->name_ann[i]].first_tok;
		if (k == done || x->cover[k])
			continue;
		done = k; /* one people a token ("Congolese": two countries) */
		const struct lw_ann *d = lw_ann_find_at(x, k, LW_SENSE_DEMONYM);
		const lw_token *w = &t->tok[k];
		/* "Kenyan police officers were sent ... the Kenyans exchanged
		 * fire": "the" and a people's name in the plural may be a
		 * force told again (told_again, once the phrases are sorted) */
		if (d && d->end_tok == k + 1 && k > 0 && ew(x, k - 1, W_THE) && t->p[w->end - 1] == 's' &&
		    is_cap(t, k) && !(w->flags & LW_TF_UPPER) && !is_cap(t, k + 1) &&
		    !(k + 1 < t->ntok && (ew(x, k + 1, W_OF) || ew(x, k + 1, W_IN)))) {
			if (nagain == capagain) {
				size_t cap = capagain ? capagain * 2 : 16;
				uint32_t *a = realloc(again, cap * sizeof *a);
				if (!a) {
					free(again);
					return LW_ENOMEM;
				}
				again = a;
				capagain = cap;
			}
			again[nagain++] = (uint32_t)k;
			continue;
		}
		if (!d || d->end_tok != k + 1 || lw_tok_len(w) < 5 ||
		    (t->p[w->end - 1] != 's' && !lw_tok_ends(t, k, "ese", 3)) /* "14 Lebanese" */ ||
		    (w->flags & LW_TF_UPPER) || !is_cap(t, k) || is_cap(t, k + 1) ||
		    /* counted: "35 Palestinians", "thousands of Kenyans" ("the
		     * Afghans said" in talks is a side, "Indians fired" a
		     * force) */
		    k == 0 || !counted_before(x, k - 1) ||
		    /* (not in a toll's list: "two soldiers were killed, three
		     * Americans wounded", where the events read the count) */
		    (k + 1 < t->ntok && (x->ann_kinds[k + 1] & (1u << LW_SENSE_CASUALTY)) &&
		     !lw_tok_in(t, k + 1, aux_be, sizeof aux_be / sizeof *aux_be)) ||
		    (k + 1 < t->ntok && (x->ann_kinds[k + 1] & (1u << LW_SENSE_ROLE))))
			continue;
		/* (an "-ese" name is also the adjective: "many Chinese
		 * vehicles"; the noun is followed by a verb's or a
		 * preposition's word, or by punctuation) */
		static const char *const after_ese[] = {"in", "at", "on", "near", "were", "was", "are",
							"and", "or", "who", "from", "had", "have", "with",
							"during", "after", "including", "living", "working"};
		if (t->p[w->end - 1] == 'e' && k + 1 < t->ntok && t->tok[k + 1].kind == LW_TOK_WORD &&
		    !lw_tok_in(t, k + 1, after_ese, sizeof after_ese / sizeof *after_ese))
			continue;
		const char *a3 = x->kb->countries[lw_ann_sense(x, d)->id].a3;
		if (add_aref(x, w->start, w->end, k, k + 1, -1, a3, "CVL", LW_AREF_ROLE, 1)) {
			free(again);
			return LW_ENOMEM;
		}
	}
	/* "the group" with no group named before it: an actor all the same
	 * (the "the"s followed by "group", from definites) */
	for (size_t i = 0; i < tg->n; i++) {
		size_t k = tg->at[i];
		if (x->cover[k + 1])
			continue;
		size_t j = k + 1;
		int armed = 0;
		while (j < t->ntok && ec(x, j, EC_GROUP_ADJ)) {
			armed = 1;
			j++;
		}
		if (j >= t->ntok || !ew(x, j, W_GROUP) || x->cover[j] ||
		    lw_ann_find(x, j, LW_SENSE_ROLE) || is_cap(t, j + 1))
			continue;
		if (add_aref(x, t->tok[k + 1].start, t->tok[j].end, k + 1, j + 1, -1, NULL, armed ? "REB" : NULL,
			     LW_AREF_ROLE, 0)) {
			free(again);
			return LW_ENOMEM;
		}
	}
	lw_status st = sort_arefs(x);
	if (st == LW_OK && nagain)
		st = told_again(x, again, nagain);
	free(again);
	return st;
}

/* Does a count end at token k: a number ("35", "three", "dozens"), a
 * quantity ("several", "many"), or "of" after a number ("thousands of")? */
static int counted_before(const struct lw_extract *x, size_t k)
{
	const struct lw_text *t = x->t;
	static const char *const some[] = {"several", "many", "some", "more", "other", "few"};
	if (ew(x, k, W_OF) && k > 0)
		k--;
	else if ((t->tok[k].flags & LW_TF_LOWER) && lw_tok_in(t, k, some, sizeof some / sizeof *some))
		return 1;
	return t->tok[k].kind == LW_TOK_NUMBER || (x->ann_kinds[k] & (1u << LW_SENSE_NUMBER));
}

/* ---- the stage ---- */

static int cmp_men(const void *a, const void *b)
{
	const struct lw_mention *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

static lw_status sort_mentions(struct lw_extract *x)
{
	return sort_runs(x->men, x->nmen, sizeof *x->men, cmp_men);
}

lw_status lw_extract_entities(struct lw_extract *x, const struct lw_kb *kb,
			      const struct lw_text *t, struct lw_arena *a, const lw_date *date,
			      const char *country)
{
	memset(x, 0, sizeof *x);
	x->kb = kb;
	x->t = t;
	x->arena = a;
	x->day = INT32_MIN;
	if (country && strlen(country) == 3)
		memcpy(x->given, country, 4);
	if (date && date->year > 0)
		x->day = lw_days_from_civil(date->year, date->month ? date->month : 1,
					    date->day ? date->day : 1);
	/* the units and the word ids (x->evw) at once; collect_hits reads
	 * the ids (lower_place_ok) */
	lw_status st = lw_make_units_and_words(x);
	if (st != LW_OK)
		return st;
	x->unit_at = x->u.tok_first; /* made with the units */
	x->unit_caps = x->u.tok_caps;
	x->cover = lw_arena_calloc(a, t->ntok + 1, sizeof *x->cover);
	x->shout = lw_arena_calloc(a, t->nsent + 1 + W_N, 1);
	if (!x->unit_at || !x->unit_caps || !x->cover || !x->shout)
		return LW_ENOMEM;
	x->common_ids = x->shout + t->nsent + 1; /* zeroed with it */
	pthread_once(&ent_class_once, ent_class_init);
	if ((st = collect_hits(x)) != LW_OK)
		return st;
	struct countries dc, towns;
	doc_countries(x, &dc, &towns);
	if ((st = collect_teams(x)) != LW_OK || (st = named_mentions(x, &dc, &towns)) != LW_OK)
		return st;
	update_cover(x);
	code_actors(x);
	if ((st = composites(x)) != LW_OK)
		return st;
	struct chunk *pending = NULL;
	size_t npending = 0, known = x->nmen; /* composites marked its own */
	if ((st = unknown_names(x, &pending, &npending)) != LW_OK)
		return st;
	mark_teams(x);
	update_cover_from(x, known);
	places_as_people(x);
	if ((st = name_parts(x, pending, npending)) != LW_OK || (st = acronyms(x)) != LW_OK)
		return st;
	if ((st = sort_mentions(x)) != LW_OK)
		return st;
	update_cover(x);
	size_t before = x->nmen;
	struct the_groups tg = {NULL, 0, 0};
	if ((st = definites(x, &tg)) != LW_OK || (st = capitals(x)) != LW_OK)
		return st;
	if (x->nmen != before) {
		if ((st = sort_mentions(x)) != LW_OK)
			return st;
		update_cover(x);
	}
	sound_places(x);
	code_by_head(x);
	code_people(x);
	return phrases(x, &tg);
}

lw_status lw_export_entities(struct lw_extract *x, lw_entity **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	/* every mention gives its entity an id: none without mentions */
	if (!x->nmen)
		return LW_OK;
	/* per entity: its mentions counted, then its next place in spans; and
	 * its longest mention */
	struct run {
		uint32_t at, best;
	} *run = lw_arena_calloc(x->arena, x->nents + 1, sizeof *run);
	lw_span *spans = lw_arena_alloc(x->arena, (x->nmen + 1) * sizeof *spans);
	if (!run || !spans)
		return LW_ENOMEM;
	/* public ids by first mention; entities without mentions are dropped */
	uint32_t next = 1;
	for (size_t i = 0; i < x->nents; i++)
		x->ents[i].id = 0;
	for (size_t i = 0; i < x->nmen; i++) {
		uint32_t k = x->men[i].ent;
		struct lw_ent *e = &x->ents[k];
		e->nmentions++;
		run[k].at++;
		if (!e->id)
			e->id = next++;
	}
	/* not cleared: the last loop sets every field of every entity */
	size_t bytes = (size_t)(next - 1) * sizeof(lw_entity);
	lw_entity *pub = bytes / sizeof *pub == next - 1 ? lw_arena_alloc(x->arena, bytes) : NULL;
	if (!pub)
		return LW_ENOMEM;
	/* each entity's mentions in text order, the entities' runs in their
	 * order: counted, placed, then filled in one pass over the mentions
	 * (a pass over the mentions for every entity grew with the product of
	 * the two on a long document) */
	uint32_t used = 0;
	for (size_t i = 0; i < x->nents; i++) {
		uint32_t count = run[i].at;
		run[i].at = used;
		used += count;
	}
	for (size_t k = 0; k < x->nmen; k++) {
		const struct lw_mention *m = &x->men[k];
		struct run *r = &run[m->ent];
		spans[r->at].start = m->start;
		spans[r->at].end = m->end;
		r->at++;
		/* the longest mention names an entity no dictionary knows */
		if (m->src != LW_MS_PRONOUN && m->src != LW_MS_DEFINITE && m->end - m->start > r->best) {
			struct lw_ent *e = &x->ents[m->ent];
			r->best = m->end - m->start;
			if (e->actor == UINT32_MAX && e->place == UINT32_MAX) {
				e->name.start = m->start;
				e->name.end = m->end;
			}
		}
	}
	/* an entity's run ends where the next one's starts: run[i].at, after
	 * the pass above */
	uint32_t begin = 0;
	for (size_t i = 0; i < x->nents; i++) {
		struct lw_ent *e = &x->ents[i];
		uint32_t end = run[i].at;
		if (!e->id) {
			begin = end;
			continue;
		}
		lw_entity *p = &pub[e->id - 1];
		memset(p, 0, sizeof *p);
		p->id = e->id;
		p->type = (lw_entity_type)e->type;
		p->name = lw_ent_name(x, e);
		p->mentions = spans + begin;
		p->n_mentions = end - begin;
		begin = end;
		if (e->has_code) {
			p->has_actor = 1;
			memcpy(p->actor.country, e->country, 4);
			memcpy(p->actor.sector, e->sector, 4);
		}
		if (e->place != UINT32_MAX) {
			p->has_place = 1;
			lw_place_of(x->kb, e->place, &p->place);
		} else if (e->region != UINT32_MAX) {
			p->has_place = 1;
			lw_district_place(x->kb, e->region, p->name, &p->place);
		}
	}
	*out = pub;
	*n = next - 1;
	return LW_OK;
}
