/*
 * units.h: the units names are matched over: tokens split at hyphens
 * ("Tehrik-i-Taliban" is three units, so that "Tehrik i Taliban" and
 * "al-Qaeda"/"al Qaeda" meet), each with a folded key (lower case, no
 * diacritics, no apostrophes) and its case. The compiler cuts dictionary
 * phrases with the same code, so text and dictionary always agree.
 */
#ifndef LW_UNITS_H
#define LW_UNITS_H

#include <stddef.h>
#include <stdint.h>

#include "lapwing.h"

/* Longest folded unit kept; longer words never match a dictionary entry. */
#define LW_KB_UNIT_FOLD_MAX 64

struct lw_arena;
struct lw_text;

enum {
	LW_UF_CAP = 1 << 0,     /* first letter upper case */
	LW_UF_UPPER = 1 << 1,   /* two or more letters, none lower case */
	LW_UF_LOWER = 1 << 2,   /* letters, none upper case */
	LW_UF_INNER = 1 << 3,   /* an upper-case letter after the first */
	LW_UF_WORD = 1 << 4,    /* from a word, number or abbreviation token */
	LW_UF_TOK_START = 1 << 5, /* first unit of its token */
	LW_UF_TOK_END = 1 << 6,   /* last unit of its token */
	LW_UF_FOLDED = 1 << 7     /* the key may be other than the unit's bytes with
				     ASCII capitals lowered (folded letters, dropped
				     apostrophes) */
};

struct lw_unit {
	uint32_t start, end; /* bytes */
	uint32_t tok;        /* token index */
	uint32_t key;        /* offset of the folded key in the key pool */
	uint32_t hash;       /* low bits of lw_hash_unit(key) (hash.h) */
	uint16_t key_len;    /* 0: too long to match */
	uint16_t flags;      /* LW_UF_* */
};

struct lw_units {
	struct lw_unit *u;
	size_t n;
	char *keys; /* key pool: each key starts at a multiple of 8 bytes and is
		       zero-padded to the next one, so that keys can be compared
		       8 bytes at a time (match.c) */
	/* per token (ntok + 1 entries, in the arena): its first unit (left
	 * unset for a token with none: a mark inside a word), and the
	 * LW_UF_CAP | LW_UF_UPPER of any of its units (0 for none) */
	uint32_t *tok_first;
	uint8_t *tok_caps;
};

/* Units of all tokens of a text: u and keys malloc()ed (the caller frees
 * them), tok_first and tok_caps in the arena. */
lw_status lw_make_units(struct lw_arena *a, const struct lw_text *t, struct lw_units *out);

/*
 * A table of words looked up while the units are made (the events stage's
 * word table, events.c): a plain word's key and hash are in registers
 * then, and a second pass over the units to look them up read each unit
 * again. Open addressing over LW_UNIT_WORD_SLOTS slots, probed from the
 * hash's low bits; words of at most LW_UNIT_WORD_MAXLEN bytes.
 */
#define LW_UNIT_WORD_SLOTS 4096 /* a power of two */
#define LW_UNIT_WORD_MAXLEN 16

struct lw_unit_word {
	uint64_t key[2]; /* the folded word, zero-padded: compared 8 bytes at a time */
	uint32_t hash;   /* low bits of lw_hash_unit(key) */
	uint8_t len;
	uint8_t flags;   /* the table owner's; not read here */
	uint8_t id;      /* stored for the token as it is */
	uint8_t date;    /* stored for the token as it is */
	uint8_t month;   /* the table owner's; not read here */
	/* stored for the token by its case: [0] not LW_TF_CAP, [1] LW_TF_CAP */
	uint8_t by_case[2];
};

struct lw_unit_words {
	const struct lw_unit_word *word;
	const uint16_t *slots; /* 1 + index in word; 0 empty */
	/* per token, three arrays of `stride` bytes one after the other
	 * (the caller's, zeroed): of a token found, the by_case, id and date
	 * of its word at out[k], out[stride + k] and out[2 * stride + k]; of
	 * the others nothing */
	uint8_t *out;
	size_t stride;
	/* the tokens not looked up, in order (the caller's, room for ntok):
	 * all but the plain ASCII words (LW_TOK_WORD) of one unit, whose
	 * key is their bytes in lower case; the caller asks those itself */
	uint32_t *rest;
	size_t nrest;
};

/* lw_make_units, looking every plain word up in `look` on the way. */
lw_status lw_make_units_looking(struct lw_arena *a, const struct lw_text *t,
				struct lw_unit_words *look, struct lw_units *out);

/* Case flags (LW_UF_CAP...) of a word's bytes. */
unsigned lw_unit_case(const unsigned char *p, size_t n);

/* Fold a unit into out (cap bytes); returns the length, 0 if it does not fit. */
size_t lw_fold_unit(const unsigned char *p, size_t n, char *out, size_t cap);

/* Calls fn(ctx, start, end) for each unit of the token [p+start, p+end):
 * hyphens (-, U+2010, U+2011) separate units and belong to none. */
void lw_split_units(const unsigned char *p, size_t start, size_t end, int is_word,
		    void (*fn)(void *ctx, size_t s, size_t e), void *ctx);

/* The keys of units [from, to) one after the other into out (cap bytes):
 * their length, or SIZE_MAX when they do not fit. */
size_t lw_units_join(const struct lw_units *u, size_t from, size_t to, char *out, size_t cap);

#endif
