/*
 * kb.h: the loaded knowledge base (internal layout of lw_kb).
 *
 * The compiled file is a header, a table of sections and the sections
 * themselves, each a self-contained image read in place from a read-only
 * mapping (no parsing at load time: a load is an mmap and a few pointer
 * checks). The file is machine-local (host byte order); it is rebuilt from
 * the text dictionaries by `make` or `lapwing kb compile`.
 *
 * Names are found with a trie over "units": the words of a phrase as the
 * tokenizer cuts them, further split at hyphens, folded (lower case, no
 * diacritics, no apostrophes). Each trie node lists the senses of the
 * phrase that ends there: an actor, a place, a role word, a title, a
 * quote cue, an event trigger, a number word...
 */
#ifndef LW_KB_H
#define LW_KB_H

#include <stddef.h>
#include <stdint.h>

#include "lapwing.h"
#include "../text/text.h"

#define LW_KB_MAGIC "LWKB\r\n\x1a\n"
/* Bump when the layout of any section changes. */
#define LW_KB_FORMAT 14

/* Longest phrase, in units, that the trie holds (a case mask has 2 bits a
 * unit in 32 bits). */
#define LW_KB_MAX_UNITS 16
/* Longest unit, in bytes, after folding; longer words never match. */
#define LW_KB_MAX_UNIT_BYTES 64

enum lw_kb_section {
	LW_KB_SEC_ABBREV_TITLE = 1,
	LW_KB_SEC_ABBREV_OTHER = 2,
	LW_KB_SEC_STARTERS = 3,
	LW_KB_SEC_STRINGS = 4,
	LW_KB_SEC_NODES = 5,
	LW_KB_SEC_EDGES = 6,
	LW_KB_SEC_SENSES = 7,
	LW_KB_SEC_FILTER = 8,
	LW_KB_SEC_ACTORS = 9,
	LW_KB_SEC_PERIODS = 10,
	LW_KB_SEC_PLACES = 11,
	LW_KB_SEC_COUNTRIES = 12,
	LW_KB_SEC_ROLES = 13,
	LW_KB_SEC_COMMON = 14,
	LW_KB_SEC_INFO = 15,
	LW_KB_SEC_TRIGGERS = 16,
	LW_KB_SEC_ACLED = 17,
	LW_KB_SEC_FOLLOW = 18,
	LW_KB_SEC_START_LOWER = 19,
	LW_KB_SEC_START_PLACE = 20,
	LW_KB_SEC_SOUNDS = 21,
	LW_KB_SEC_MAX = 64
};

struct lw_kb_file_header {
	char magic[8];
	uint32_t format;
	uint32_t nsections;
	uint64_t file_size;
};

struct lw_kb_section_entry {
	uint32_t id;
	uint32_t reserved;
	uint64_t offset;
	uint64_t size;
};

/* What a phrase means. */
enum lw_sense_kind {
	LW_SENSE_ACTOR = 1,  /* id: actor */
	LW_SENSE_PLACE,      /* id: place (countries are places of kind country) */
	LW_SENSE_DEMONYM,    /* id: country */
	LW_SENSE_ROLE,       /* id: role */
	LW_SENSE_TITLE,      /* sub: lw_title_kind */
	LW_SENSE_ORG_HEAD,   /* sub: 0 tail ("Ministry"), 1 head ("Ministry of") */
	LW_SENSE_PLACE_HEAD, /* sub: 0 after ("province"), 1 before ("village of");
				id: 1 a route ("Road": the name is a road's);
				value: lw_place_kind implied */
	LW_SENSE_CUE,        /* sub: lw_cue_kind; form: LW_FORM_* */
	LW_SENSE_GIVEN_NAME,
	LW_SENSE_PARTICLE,   /* "al", "bin", "ur" inside names */
	LW_SENSE_NUMBER,     /* value; sub 1 when approximate ("dozens") */
	LW_SENSE_APPROX,     /* sub: lw_approx_kind ("about", "at least") */
	LW_SENSE_TRIGGER,    /* id: trigger; form: LW_FORM_* */
	LW_SENSE_CASUALTY,   /* sub: lw_count_role; value: lw_casualty_pos */
	LW_SENSE_NOT_NAME,   /* a capitalised word that is no name ("Monday") */
	LW_SENSE_KINDS
};

enum lw_title_kind { LW_TITLE_HONORIFIC, LW_TITLE_MILITARY, LW_TITLE_OFFICE, LW_TITLE_RELIGIOUS };
enum lw_cue_kind { LW_CUE_VERB, LW_CUE_PHRASE, LW_CUE_NOUN };
enum lw_approx_kind { LW_APPROX_ABOUT, LW_APPROX_MIN, LW_APPROX_MAX };
enum lw_count_role { LW_ROLE_DEAD, LW_ROLE_INJURED, LW_ROLE_ARRESTED, LW_ROLE_CASUALTIES };
enum lw_casualty_pos { LW_CPOS_AFTER, LW_CPOS_BEFORE, LW_CPOS_NOUN };

/* Forms of inflected entries (verbs, nouns). */
enum {
	LW_FORM_BASE = 1 << 0,
	LW_FORM_3SG = 1 << 1,   /* says */
	LW_FORM_PAST = 1 << 2,  /* said, killed (past or participle) */
	LW_FORM_ING = 1 << 3,   /* saying */
	LW_FORM_PLURAL = 1 << 4 /* nouns: attacks */
};

/* Sense flags. */
enum {
	LW_SF_CANONICAL = 1 << 0, /* the entry's own name, not an alias */
	LW_SF_COMMON = 1 << 1,    /* the phrase is also a common English word */
	LW_SF_ACRONYM = 1 << 2,   /* written in capitals in the dictionary */
	LW_SF_VARIANT = 1 << 3    /* a spelling the compiler made ("St. Petersburg"
				     of "Saint Petersburg"): a name as written wins */
};

/* Case rules, two bits a unit: what the text's unit must look like. */
enum {
	LW_CASE_ANY = 0,   /* written in lower case in the dictionary */
	LW_CASE_CAP = 1,   /* capitalised or all capitals ("Kabul", "KABUL") */
	LW_CASE_UPPER = 2, /* all capitals: an acronym ("US", "TTP") */
	LW_CASE_INNER = 3  /* inner capitals kept ("LeT", "JeM"; or "LET") */
};

struct lw_kb_sense {
	uint32_t id;
	uint32_t casemask;
	int32_t value;
	uint8_t kind;
	uint8_t sub;
	uint8_t form;
	uint8_t flags;
};

struct lw_kb_node {
	uint32_t sense;  /* first sense */
	uint16_t nsense;
	uint16_t nchild; /* saturating */
};

struct lw_kb_edge {
	uint32_t parent, child; /* child 0: empty slot (the root is node 0) */
	uint32_t key_off, key_len;
	uint32_t key_hash;      /* the unit's hash: most slots are ruled out without
				   reading the string pool */
};

enum { LW_ACTOR_PERSON = 0, LW_ACTOR_ORG = 1 };
enum { LW_AF_ARMED_GROUP = 1 << 0, LW_AF_STATE = 1 << 1 };

struct lw_kb_actor {
	uint32_t name_off;
	uint16_t name_len;
	uint8_t type;  /* LW_ACTOR_* */
	uint8_t flags; /* LW_AF_* */
	uint32_t period;
	uint32_t nperiod;
};

/* A coded period: days since 1970-01-01, inclusive, INT32_MIN/MAX open. */
struct lw_kb_period {
	int32_t from, to;
	char country[4];
	char sector[4];
};

enum {
	LW_PF_HISTORICAL = 1 << 0,
	LW_PF_CAPITAL = 1 << 1 /* a country's capital city (places/capitals.txt) */
};

struct lw_kb_place {
	uint32_t name_off;
	uint16_t name_len;
	uint8_t kind;  /* lw_place_kind */
	uint8_t flags;
	char country[4];
	uint32_t admin1, admin2; /* place indexes, or UINT32_MAX */
	float lat, lon;          /* NaN when unknown */
};

/* A name of a place below the country by its sound (lw_sound_key), for
 * names the gazetteer spells otherwise; sorted by key, then place. */
struct lw_kb_sound {
	uint64_t key;
	uint32_t place;
	uint32_t pad;
};

struct lw_kb_country {
	char a3[4];
	uint32_t place;
	uint32_t capital; /* its capital city (places/capitals.txt), or UINT32_MAX */
};

enum lw_role_kind { LW_ROLE_GROUP, LW_ROLE_INSTITUTION, LW_ROLE_TITLE };

/* Countries in whose stories a role word has a code of its own, at most. */
#define LW_ROLE_ALTS 4

struct lw_kb_role {
	char sector[4];
	uint8_t kind;
	uint8_t nalt;                          /* alt_country[0, nalt) */
	uint8_t pad[2];
	/* in a story about alt_country[i], the word is that country's
	 * alt_sector[i] ("Congress": India's party, the US legislature) */
	char alt_country[LW_ROLE_ALTS][4];
	char alt_sector[LW_ROLE_ALTS][4];
};

/* Event trigger (data/events/triggers.txt). */
enum {
	LW_TRF_DEAD = 1 << 0,
	LW_TRF_INJURED = 1 << 1,
	LW_TRF_ARRESTED = 1 << 2,
	LW_TRF_ABDUCTED = 1 << 3,
	LW_TRF_PASSIVE_TARGET = 1 << 4,
	LW_TRF_WEAK = 1 << 5,
	LW_TRF_SPEECH = 1 << 6,
	LW_TRF_NOUN = 1 << 7,
	LW_TRF_SUBJECT_TARGET = 1 << 8, /* "came under attack": the subject is hit */
	LW_TRF_MUTUAL = 1 << 9,         /* "clashed": both sides fight */
	LW_TRF_INSTRUMENT = 1 << 10,    /* "drone", "warplane": only with a casualty word */
	LW_TRF_BLAST_SUBJECT = 1 << 11  /* "rocked", "shook": only with a blast as its subject */
};

struct lw_kb_trigger {
	uint8_t type;   /* index into lw_plover_types */
	uint8_t pad;
	uint16_t flags; /* LW_TRF_* */
	uint32_t mode_off, mode_len; /* in strings; len 0: none */
	char cameo[8];
};

/* ACLED mapping rule (data/events/acled.txt). */
enum { LW_TGT_ANY = 0, LW_TGT_CIVILIANS, LW_TGT_PROTESTERS, LW_TGT_ARMED };

struct lw_kb_acled {
	uint8_t type;   /* PLOVER type index */
	uint8_t target; /* LW_TGT_* */
	uint16_t pad;
	uint32_t mode_off, mode_len;   /* len 0: any mode */
	uint32_t event_off, event_len; /* len 0: outside ACLED's scope */
	uint32_t sub_off, sub_len;
};

/* The 16 PLOVER event types, in the manual's order. */
extern const char *const lw_plover_types[16];

struct lw_kb {
	const unsigned char *base; /* the mapping */
	size_t size;
	int mapped; /* 1: munmap base; 0: free base */
	uint64_t serial; /* unique to this load, never 0: tells a thread's match
			    memo (match.c) which kb its entries came from */
	struct lw_wordset *abbrev_title, *abbrev_other, *starters, *common;
	struct lw_text_lexicon textlex;
	const char *strings;
	size_t strings_len;
	const struct lw_kb_node *nodes;
	size_t nnodes;
	const struct lw_kb_edge *edges;
	size_t edge_mask;
	const struct lw_kb_sense *senses;
	size_t nsenses;
	const uint64_t *filter; /* first units: bit set if some phrase starts so */
	size_t filter_mask;     /* in bits */
	/* first units again, for a text's unit in lower case (or with no case:
	 * "3", "--"), which satisfies no rule but LW_CASE_ANY (lw_case_ok).
	 * start_lower, of the phrases whose first unit the dictionary writes in
	 * lower case: bit h1 set if one starts with the unit of hash h1, bit
	 * lw_kb_pair_hash(h1, 0) if one is that unit alone, and bit
	 * lw_kb_pair_hash(h1, h2) if one goes on with the unit of hash h2 ("the"
	 * starts phrases, but the text's "the police" none of them). start_place:
	 * bit h1 set if some place of a kind other than LW_PK_OTHER, whose first
	 * unit the dictionary does not write in lower case and is no common
	 * English word (the kb's common set), starts so: the entity stage takes
	 * a place written in lower case after "in", "at"..., but none that
	 * starts with a common word ("said" for the place "Said", when the text
	 * writes the word as its key: see lw_match_cased) */
	const uint64_t *start_lower, *start_place;
	size_t start_mask; /* in bits, of both */
	const uint64_t *follow; /* later steps: bit lw_kb_step_hash set if some edge
				   leaves a node other than the root so */
	size_t follow_mask;     /* in bits */
	const struct lw_kb_actor *actors;
	size_t nactors;
	const struct lw_kb_period *periods;
	size_t nperiods;
	const struct lw_kb_place *places;
	size_t nplaces;
	const struct lw_kb_country *countries;
	size_t ncountries;
	const struct lw_kb_sound *sounds; /* place indexes checked where read */
	size_t nsounds;
	const struct lw_kb_role *roles;
	size_t nroles;
	const struct lw_kb_trigger *triggers;
	size_t ntriggers;
	const struct lw_kb_acled *acled;
	size_t nacled;
	lw_kb_info info;
};

/* Find a section's image; returns NULL (and *size 0) if absent. */
const void *lw_kb_section(const struct lw_kb *kb, enum lw_kb_section id, size_t *size);

/* Load from an image in memory that the kb takes over (free()d at the end);
 * used after an in-memory compile. */
lw_status lw_kb_from_memory(void *image, size_t size, lw_kb **out, lw_error *err);

/* The child of trie node `node` by the folded unit [key, key+len) whose
 * hash is `h` (lw_hash_unit(key, len), low 32 bits), or 0. */
uint32_t lw_kb_child(const struct lw_kb *kb, uint32_t node, const char *key, size_t len,
		     uint32_t h);
/* May a phrase start with a unit of this hash? (a fast filter: 0 means no;
 * inline: it is asked for nearly every unit of every text) */
static inline int lw_kb_may_start(const struct lw_kb *kb, uint32_t h)
{
	if (!kb->filter)
		return 1;
	size_t bit = (size_t)h & kb->filter_mask;
	return (kb->filter[bit >> 6] >> (h & 63)) & 1;
}

/* Is bit h of a filter of start_mask + 1 bits set? */
static inline int lw_kb_start_bit(const uint64_t *f, size_t mask, uint32_t h)
{
	size_t bit = (size_t)h & mask;
	return (f[bit >> 6] >> (bit & 63)) & 1;
}

/* The bit of start_lower for a phrase's first two units, of hashes h1 and
 * h2 (0: the phrase has one unit; a unit of hash 0 only costs a walk). */
static inline uint32_t lw_kb_pair_hash(uint32_t h1, uint32_t h2)
{
	return h2 ^ (uint32_t)(((uint64_t)h1 * 0xC2B2AE3D27D4EB4FULL) >> 32);
}

/* Seed of the edge hash: mixes the parent node into the key's hash. */
static inline uint64_t lw_kb_edge_seed(uint32_t parent)
{
	return (uint64_t)parent * 0x9E3779B97F4A7C15ULL;
}

/* The step from trie node `parent` by a unit of hash h, as 32 bits: its
 * bit in the filter of later steps, its set in the match memo. */
static inline uint32_t lw_kb_step_hash(uint32_t parent, uint32_t h)
{
	return h ^ (uint32_t)(lw_kb_edge_seed(parent) >> 32);
}

/* May node `parent` (not the root) have a child by a unit of hash h? (a
 * fast filter: 0 means no. Most steps past a phrase's first unit find no
 * child: "Kabul" goes on to "University", but the text has "Kabul ,") */
static inline int lw_kb_may_follow(const struct lw_kb *kb, uint32_t parent, uint32_t h)
{
	if (!kb->follow)
		return 1;
	size_t bit = (size_t)lw_kb_step_hash(parent, h) & kb->follow_mask;
	return (kb->follow[bit >> 6] >> (bit & 63)) & 1;
}

static inline const char *lw_kb_str(const struct lw_kb *kb, uint32_t off)
{
	return kb->strings + off;
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
int32_t lw_days_from_civil(int y, int m, int d);

#endif
