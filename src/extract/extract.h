/*
 * extract.h: what the extraction stages (entities, quotes, events) share
 * about one document: dictionary hits, mentions, entities, and the actor
 * phrases that events take their source and target from. Internal.
 */
#ifndef LW_EXTRACT_H
#define LW_EXTRACT_H

#include <stddef.h>
#include <stdatomic.h>
#include <stdint.h>

#include "lapwing.h"
#include "../lex/kb.h"
#include "../lex/units.h"
#include "../text/text.h"

struct lw_arena;

/* Mentions a document may hold: a list of names, not a book. Beyond it
 * the rest of the text gets no entities (and says so in a test). */
#define LW_MAX_MENTIONS 100000

/* A dictionary hit whose case fits: a phrase and one of its senses. */
struct lw_ann {
	uint32_t first_unit, end_unit;
	uint32_t first_tok, end_tok; /* tokens touched [first, end) */
	uint32_t start, end;         /* bytes */
	uint32_t sense;              /* index in kb->senses */
	/* the sense's kind, copied: lw_ann_find and the scans that pick
	 * annotations by kind then read no sense (the kb's senses are
	 * megabytes, and a sense read was a cache miss in two of five) */
	uint8_t kind;
	uint8_t pad[3];
};

enum lw_mention_src {
	LW_MS_DICT,      /* a dictionary name */
	LW_MS_NER,       /* a capitalised name found by its context */
	LW_MS_ACRONYM,   /* an acronym defined in the text ("(TTP)") */
	LW_MS_PART,      /* a surname or first name of a person named before */
	LW_MS_COMPOSITE, /* demonym + institution ("Afghan Foreign Ministry") */
	LW_MS_DEFINITE,  /* "the group" */
	LW_MS_PRONOUN    /* he, she (quote speakers) */
};

struct lw_mention {
	uint32_t start, end; /* bytes */
	uint32_t first_tok, end_tok;
	uint32_t ent;        /* index in ents */
	uint8_t type;        /* lw_entity_type */
	uint8_t src;         /* lw_mention_src */
	uint16_t pad;
	lw_span desc;        /* apposition describing a person ("a spokesman for ..."), or 0,0 */
};

struct lw_ent {
	uint8_t type;
	uint8_t has_code;
	uint8_t from_title; /* the code comes from a title or description */
	uint8_t armed;      /* an armed group */
	uint8_t team;       /* a sports team named by its town ("Leicestershire beat Somerset") */
	uint8_t sound_tries; /* mentions asked for a place by their sound (sound_places) */
	uint32_t actor;     /* kb actor, or UINT32_MAX */
	uint32_t place;     /* kb place, or UINT32_MAX */
	uint32_t region;    /* no kb place: the kb province the text puts this
			     * district in ("Karjan district, Uruzgan
			     * province"), or UINT32_MAX */
	lw_span name;       /* longest mention, when no dictionary name */
	char country[4], sector[4];
	uint32_t nmentions;
	uint32_t id;        /* public id (1-based, by first mention) */
};

enum lw_aref_kind {
	LW_AREF_NAMED,  /* an entity with an actor code */
	LW_AREF_ROLE,   /* a role phrase: "Pakistani security forces", "militants" */
	LW_AREF_PERSON  /* a person (code from their title or affiliation, if any) */
};

/* An actor phrase: where events look for their source and target. */
struct lw_aref {
	uint32_t start, end;
	uint32_t first_tok, end_tok;
	int32_t ent;     /* index in ents, or -1 */
	char country[4], sector[4];
	uint8_t kind;    /* lw_aref_kind */
	uint8_t plural;
	uint16_t pad;
};

/* A place phrase: where events look for their location. */
struct lw_pref {
	uint32_t start, end;
	uint32_t first_tok, end_tok;
	int32_t ent;
	uint32_t place;   /* kb place; of a district: its province */
	uint8_t district; /* a district the gazetteer lacks, named by the span, in
			   * the province `place` */
	uint8_t pad[3];
};

/* A hash map from 64-bit keys to entity indexes, in the arena. */
struct lw_imap {
	uint64_t *keys; /* 0: empty */
	uint32_t *vals;
	size_t mask, n;
};

struct lw_extract {
	const struct lw_kb *kb;
	const struct lw_text *t;
	struct lw_arena *arena;
	struct lw_units u;
	struct lw_ann *ann;
	size_t nann;
	uint32_t *ann_at; /* per token: first ann with first_tok >= token (nann when none) */
	uint16_t *ann_kinds; /* per token: bit (1 << kind) for each sense kind starting there */
	uint32_t *name_ann; /* indexes in ann of the actor, place and demonym senses, in order */
	size_t nname_ann;
	uint32_t *unit_at; /* per token: its first unit */
	uint8_t *unit_caps; /* per token: LW_UF_CAP | LW_UF_UPPER of any of its units */
	struct lw_mention *men;
	size_t nmen, capmen;
	uint32_t *cover; /* per token: index+1 of the mention covering it, 0 none */
	uint8_t *shout;  /* per sentence: 0 unknown, 1 normal, 2 in capitals */
	uint8_t *common_ids; /* per word id (words.h): 0 unknown, 1 no common word, 2 one */
	uint8_t *in_quote; /* per token: inside a direct quote (set by quotes.c) */
	uint8_t *evf;      /* per token: LW_EVF_* word classes (lw_token_words) */
	uint8_t *evw;      /* per token: events.c's word id, 0 none (lw_token_words) */
	uint8_t *evdw;     /* per token: date word id (dates.h), 0 none (lw_token_words) */
	struct lw_ent *ents;
	size_t nents, capents;
	struct lw_aref *aref;
	size_t naref, caparef;
	struct lw_pref *pref;
	size_t npref, cappref;
	struct lw_imap ent_by_key; /* actor, place, name text -> entity; team names */
	uint32_t nteams;           /* names the document uses for teams (entities.c) */
	struct lw_imap part;       /* first or last name of a person -> entity */
	uint64_t part_bits[4];     /* a filter before `part`: the part_bit of each key */
	int limited;      /* LW_MAX_MENTIONS reached: the rest has no mentions */
	struct lw_mention scratch;
	int32_t day;      /* document date in days since 1970, INT32_MIN unknown */
	char focus[4];    /* the document's main country, "" unknown */
	char given[4];    /* the country the document was given (lw_input.country), "" none */
	/* the provinces the text names (doc_countries): kb place, first token */
	uint32_t provs[32], prov_tok[32];
	size_t nprovs;
	/* events.c's war_toll, asked of a sentence again and again: the last
	 * sentence asked (its first token + 1; 0 none) and the answer */
	size_t war_toll_sent;
	int war_toll_val;
	/* and tally's marks of a sentence (tally_marks), kept the same way */
	size_t tally_sent;
	int tally_val;
	size_t nprov_places; /* distinct places among them */
	int sole_country; /* the text names one country, and no other (doc_countries) */
	int dateline_focus; /* the dateline names the focus country (doc_countries) */
	size_t alone_from, alone_to; /* focus_alone's window, once asked (alone_asked) */
	int alone_asked;
};

void lw_extract_release(struct lw_extract *x);

/* The entity stage: hits, mentions, entities, actor and place phrases. */
lw_status lw_extract_entities(struct lw_extract *x, const struct lw_kb *kb,
			      const struct lw_text *t, struct lw_arena *a, const lw_date *date,
			      const char *country);

/* The public entity array of the stage's result (in the arena). */
lw_status lw_export_entities(struct lw_extract *x, lw_entity **out, size_t *n);

/* ---- helpers shared by the stages ---- */

/* The sense of annotation `a`. */
static inline const struct lw_kb_sense *lw_ann_sense(const struct lw_extract *x,
						     const struct lw_ann *a)
{
	return &x->kb->senses[a->sense];
}

/* lw_ann_find's search, for a token where an annotation of `kind` starts. */
const struct lw_ann *lw_ann_find_at(const struct lw_extract *x, size_t tok, int kind);

/* The first annotation starting at token `tok` with sense kind `kind`
 * (longest first), or NULL. Inline: every stage asks it of every token,
 * and the per-token kinds rule almost all of them out at once. */
static inline const struct lw_ann *lw_ann_find(const struct lw_extract *x, size_t tok, int kind)
{
	if (tok >= x->t->ntok || !(x->ann_kinds[tok] & (1u << kind)))
		return NULL;
	return lw_ann_find_at(x, tok, kind);
}

/* Per token: its word classes (x->evf), its word id (x->evw, words.h) and
 * its date word id (x->evdw), in the arena. Once per document: a second
 * call does nothing (events.c). */
lw_status lw_token_words(struct lw_extract *x);

/* lw_make_units (x->u, x->unit_at) and lw_token_words in one pass over the
 * tokens: the plain words are looked up as their units are made
 * (events.c). The entity stage's first step. */
lw_status lw_make_units_and_words(struct lw_extract *x);
/* A word of the entities stage's word lists that words.h lacks (it would
 * silently lose its class), or NULL: for the tests. */
const char *lw_ent_words_unknown(void);

/* Index of the first actor phrase in x->aref[lo, hi) starting at or after
 * token k (arefs, once sorted, are in order of position): every lookup
 * stays logarithmic. */
static inline size_t lw_aref_lower(const struct lw_extract *x, size_t lo, size_t hi, size_t k)
{
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (x->aref[mid].first_tok < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The mention covering token `tok`, or NULL. Inline, as lw_tok_punct:
 * the events stage asks it of some 30,000 tokens on 1.5 MB. */
static inline const struct lw_mention *lw_mention_at(const struct lw_extract *x, size_t tok)
{
	if (tok >= x->t->ntok || !x->cover || !x->cover[tok])
		return NULL;
	return &x->men[x->cover[tok] - 1];
}

/* The token's bytes equal the ASCII word w, ignoring case. Inline, as
 * lw_tok_punct: lw_tok_is's first compare rules out most tokens asked. */
static inline int lw_tok_word(const struct lw_text *t, size_t tok, const char *w)
{
	return lw_tok_is(t, tok, w);
}

/* Is token tok a word of the given list (ASCII, case-insensitive)? */
int lw_tok_in(const struct lw_text *t, size_t tok, const char *const *words, size_t n);

/* The first letters of a word list, a bit each ('a' the lowest), worked
 * out from the list itself on first use and kept in *cache, a static of
 * the call site (0 until then: the top bit marks it known), so that no
 * mask written by hand can fall out of step with its list. A word that
 * does not start with a letter lets every letter through. */
static inline uint32_t lw_list_initials(const char *const *words, size_t n, _Atomic uint32_t *cache)
{
	uint32_t v = atomic_load_explicit(cache, memory_order_relaxed);
	if (v)
		return v;
	v = 1u << 31;
	for (size_t i = 0; i < n; i++) {
		unsigned f = (unsigned)((unsigned char)words[i][0] | 0x20) - 'a';
		v |= f < 26 ? 1u << f : (1u << 26) - 1;
	}
	atomic_store_explicit(cache, v, memory_order_relaxed);
	return v;
}

/* Does token tok start with one of the letters `initials`
 * (lw_list_initials), in either case? Asked before lw_tok_in where a rule asks a list
 * of many tokens: the call and the walk of the list cost far more than
 * this test, which rules out most words. */
static inline int lw_tok_initial(const struct lw_text *t, size_t tok, uint32_t initials)
{
	if (tok >= t->ntok)
		return 0;
	unsigned f = (unsigned)((unsigned char)t->p[t->tok[tok].start] | 0x20) - 'a';
	return f < 26 && ((initials >> f) & 1);
}

/* Is the token the punctuation mark c? Inline: the three stages ask it
 * of most tokens they walk past (a clause's end, a list's comma), a
 * quarter of a million calls on 1.5 MB, each a few loads and compares
 * that cost less than the call did. */
static inline int lw_tok_punct(const struct lw_text *t, size_t tok, char c)
{
	return tok < t->ntok && t->tok[tok].kind == LW_TOK_PUNCT && lw_tok_len(&t->tok[tok]) == 1 &&
	       t->p[t->tok[tok].start] == c;
}

/* Is token k a contraction ("I'm", "she'll", "don't", "he's"; not
 * "O'Brien", "Sa'd")? entities.c */
int lw_contraction(const struct lw_text *t, size_t k);

/* Personal pronouns ("he", "she") and their gender (1 male, 2 female). */
int lw_tok_pronoun(const struct lw_text *t, size_t tok);

/* Name of an entity (dictionary name or its longest mention). */
lw_str lw_ent_name(const struct lw_extract *x, const struct lw_ent *e);

/* The public place of kb place `id`; and of a district the gazetteer
 * lacks, named `name`, in kb province `region` (no coordinates). */
void lw_place_of(const struct lw_kb *kb, uint32_t id, lw_place *out);
void lw_district_place(const struct lw_kb *kb, uint32_t region, lw_str name, lw_place *out);

/* The title before a person's name with the words of whose it is
 * ("Foreign Ministry spokesman" of "Foreign Ministry spokesman Zahid
 * Hafeez"; not an honorific): the description of a speaker whose name no
 * apposition follows. {0, 0} when there is none. */
lw_span lw_mention_title(const struct lw_extract *x, const struct lw_mention *m);

#endif
