/*
 * events.c: who did what to whom, where, when, and how many died.
 *
 * Per sentence, in one pass over what the earlier stages found:
 *  1. triggers: verbs and nouns of data/events/triggers.txt (inflected by
 *     the compiler); weak ones ("operation", "strike") only with a conflict
 *     actor or a casualty count beside them; violent triggers of a sentence
 *     are one event, its mode the most specific ("carried out a suicide
 *     bombing ... that killed" is one suicide attack);
 *  2. counts: number phrases (digits, number words, "a dozen",
 *     approximations, vague quantities) and the words that give them a
 *     role (data/events/casualties.txt): "two soldiers and three militants
 *     were killed" is 5 dead;
 *  3. source and target from the clause: active ("X attacked Y"), passive
 *     ("was killed by X"), nominal ("X's attack on Y", "clashes between X
 *     and Y"), the counted victims;
 *  4. place ("in X", "near X", the nearest place, the sentence before, the
 *     dateline), date (the sentence's date expression, else the document
 *     date), CAMEO and ACLED types (data/events/acled.txt);
 *  5. flags: negated, speculative, background (an earlier event told as
 *     context: "responsible for an attack that killed four soldiers");
 *  6. an event told twice ("killed two insurgents ... the two insurgents")
 *     is one event.
 *
 * No parser: clause bounds are punctuation, relative words and
 * conjunctions; that is what keeps it one fast pass.
 */
#include <math.h>
#include <pthread.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "events.h"
#include "extract.h"
#include "words.h"
#include "../lex/match.h"
#include "../lex/wordset.h"
#include "../lex/hash.h"
#include "../text/utf8.h"
#include "../util/arena.h"

/* How far (tokens) a count may stand from the word that gives its role. */
#define LW_COUNT_WINDOW 14
/* How far (tokens) an actor may stand from its trigger. */
#define LW_ACTOR_WINDOW 14
/* More events than this in one document are not kept (a long list of
 * incidents is cut, and the cut is visible in the output's count). */
#define LW_MAX_EVENTS 5000

enum { ROLE_DEAD, ROLE_INJURED, ROLE_ARRESTED, ROLE_N };

struct count {
	uint32_t first, end;   /* tokens of the whole count phrase */
	int64_t value;
	int approx;
	int role;              /* ROLE_* */
	uint32_t noun_first, noun_end; /* the counted noun phrase ("soldiers") */
	int definite;          /* "the two insurgents": told before */
	int additive;          /* "also detained two": adds to the event */
	int sums;              /* other victims of the sentence's deed: adds
				* to its count, not to an event told before */
	int pronoun;           /* "shot him dead": one told before, if any was */
};

struct trig {
	uint32_t first, end;
	const struct lw_kb_trigger *kt;
	const struct lw_kb_sense *sense;
};

struct ev {
	int type;
	const struct lw_kb_trigger *kt; /* the trigger that gives the mode */
	uint32_t tfirst, tend;          /* trigger tokens */
	uint32_t sent;
	int mode_rank;                  /* of kt's mode; -1 until asked */
	struct lw_event out;
	int have_count[ROLE_N];
	int64_t count[ROLE_N];
	int approx[ROLE_N];
	lw_span count_span[ROLE_N];
	int target_kind;                /* LW_TGT_* */
	int definite_counts;
	int report_date;       /* its date is its report's ("residents said Wednesday") */
	int additive[ROLE_N];           /* "also detained two": adds up */
	int anaphoric;                  /* only "the operation", "the attack": told before */
	int retold;                     /* its first trigger is "the attack", "the ambush" */
	int distinct;                   /* "Separately, ...": never the same as one before */
	int claim;                      /* a trigger of it claims an attack ("claimed responsibility") */
	int weak;                       /* only weak triggers ("operation", "incident") */
	int mutual;                     /* a clash: both sides fight */
	int gunfire;                    /* a trigger of it is of firearms ("a gun and
					 * rocket attack"): with_gunfire */
	int other_side;                 /* the target is a clash's "with X", not its victims */
	int people_target;              /* the target is people, no place struck (kidnapped) */
	uint64_t acled_sig;             /* acled_signature when the ACLED type was given */
	int struck;                     /* the target is the place struck ("the police station
					 * attack"), not its victims */
	int src_definite;               /* the source is "the attacker", "the bomber": told before */
	int by_agent;                   /* the source follows "by" after a noun ("the bomb had
					   been planted by militants") */
	const char *late_mode;          /* a retelling's mode, this telling having none */
	const char *late_cameo;
	int at_protest;                 /* told in the sentence of a protest */
	int32_t prev_of_type;           /* dedup: the kept event of this type before it, -1 */
	int dropped;                    /* dedup: told before (merged or left out) */
};

/* A rule acled found: the first of kb->acled for the type, target class
 * and mode (the mode by its pointer: the same pointer, the same words) */
struct acled_memo {
	const char *mode;
	int type_1; /* 1 + the type; 0: an empty slot */
	int tc;
	int32_t rule; /* -1: none */
};

/* Slots of the thread's acled memo: a kb has a few hundred (type, target
 * class, mode) keys at most, and a document asks for a handful. */
#define LW_ACLED_MEMO 256

/*
 * What acled knows of a kb, by thread: the rule it found for a key
 * depends on the kb alone (the modes are the kb's strings or static
 * ones), so the answers outlive the document. A memo per document started
 * empty and missed on most of its events; this one misses once per key
 * and thread. kb_serial tells whose answers they are (a kb loaded at the
 * same address has another serial).
 */
struct acled_cache {
	uint64_t kb_serial; /* 0: nothing yet */
	/* kb->acled[from[t], to[t]) holds every mapping of event type t (the
	 * rest are of other types) */
	uint32_t from[16], to[16];
	/* 1 + the kb's trigger of territory seized (COERCE, CAMEO 192) by a
	 * verb, for "captured the town" (capture_place); 0: none */
	uint32_t territory;
	/* 1 + the kb's verb of things seized (COERCE seize, CAMEO 171), for
	 * "captured weapons" (capture_place); 0: none */
	uint32_t seizure;
	/* 1 + the kb's labour strike (PROTEST strike, CAMEO 143), for
	 * "workers are striking" (labour_strike); 0: none */
	uint32_t strike;
	/* 1 + the kb's air strike (ASSAULT aerial, CAMEO 195, a noun), for
	 * "two strikes destroyed" in a military report (military_strike);
	 * 0: none */
	uint32_t air;
	/* 1 + the kb's fire set to a thing (ASSAULT destroy, CAMEO 1712, a
	 * weak noun: "ablaze"), for the "fire" of "set two vans on fire"
	 * (set_before); 0: none */
	uint32_t arson;
	struct acled_memo memo[LW_ACLED_MEMO];
};
static _Thread_local struct acled_cache acled_cache;

struct ectx {
	int deed; /* actors' trigger is a deed (PROTEST, MOBILIZE, COERCE,
		   * ASSAULT, AID, RETREAT), not speech: said_between applies */
	int mutual; /* actors' trigger is done by two sides to each other
		     * ("clashed"): "A and B clashed" is A against B */
	struct lw_extract *x;
	const struct lw_text *t;
	/* taken_by's memo, for each list: the sentence (its first token + 1;
	 * 0 none) scanned, the token the scan reached, and the first verb of
	 * the list it found there (SIZE_MAX: none yet) */
	size_t taken_sent[2], taken_scanned[2], taken_first[2];
	const struct lw_kb *kb;
	struct ev *ev;
	size_t nev, capev;
	int32_t base;        /* document date, day number */
	lw_date docdate;
	int year_hint;
	int32_t last_place;  /* pref index of the last event's place, -1 */
	uint32_t last_place_para;
	const struct lw_aref *sought; /* the named group the story's operation was after, or NULL */
	uint32_t sought_para;         /* the paragraph that told it */
	int32_t anchor;      /* the day of the last date told, INT32_MIN none or not a day's */
	size_t anchor_sent;  /* the first sentence whose dates anchor has not taken */
	int have_last_date;  /* the last date expression of the paragraph */
	struct lw_date_expr last_date;
	uint32_t last_date_para;
	/* Sentences [quiet_date, s) and [quiet_place, s) before sentence s
	 * that have not yet given last_date and last_place theirs: sentences
	 * that tell no event, whose date and place carry on. Most sentences
	 * after them have their own, so theirs are read only when asked
	 * (carry_date, carry_place). */
	size_t quiet_date, quiet_place;
	/* The tokens where a trigger or a casualty word starts, in order
	 * (most tokens are neither): the scans of a sentence for them visit
	 * hits[hit0, hit1), the current sentence's. */
	uint32_t *hits;
	size_t nhits, hit0, hit1;
	uint32_t *vpick; /* by hit: victim_pick's answer, when known */
	int casualty; /* the current sentence has a casualty word */
	struct acled_cache *acled; /* the thread's, for kb */
	/* The current sentence's tokens [sent_first, sent_end) and its actor
	 * phrases: those of x->aref[aref_first, aref_end) start in it. */
	size_t sent_first, sent_end, aref_first, aref_end;
	/* the current sentence's triggers, in order (sentence_events sets
	 * them for the calls to actors it makes) */
	const struct trig *trigs;
	size_t ntrigs;
	/* x->pref[pref_first] is the first place phrase at or after the
	 * current sentence's start */
	size_t pref_first;
};

/* ---- small helpers ---- */

/* The words the stage asks about, by id (words.h): lw_token_words looks
 * every token up once, and asking "is token k 'were'?" compares a byte. */
const char *const lw_words[W_N] = {
	"",
#define W_STR(id, s) s,
	LW_WORDS(W_STR)
#undef W_STR
};

/* Is token k the word `id` (W_*)? */
/* Is the trigger's mode m ("firearms", "arrest")? */
static int mode_is(const struct lw_kb *kb, const struct lw_kb_trigger *kt, const char *m)
{
	size_t n = strlen(m);
	return kt && kt->mode_len == n && memcmp(lw_kb_str(kb, kt->mode_off), m, n) == 0;
}

static int w(const struct lw_extract *x, size_t k, int id)
{
	return k < x->t->ntok && x->evw[k] == id;
}

/*
 * The word lists the stage asks "is token k one of these?" of, as sets:
 * wsets[id] has the bit WS_* of every list that word id is in, and the
 * question is one table load and an AND, where comparing the token's id
 * with each word of a list took up to a dozen compares (all of them for
 * the many tokens that are none of the words).
 */
enum {
	WS_FILLER = 1 << 0,     /* between a verb and its counted object */
	WS_PLACE_PREP = 1 << 1, /* before a place: "in", "near", ... */
	WS_DET = 1 << 2,        /* before a verb's base form: a noun */
	WS_DET_PART = 1 << 3,   /* before a participle: describes */
	WS_PREP_PART = 1 << 4,  /* after a participle: "protested against" */
	WS_STAGED = 1 << 5,     /* "took out a march", "staged a vigil" */
	WS_BEFORE_VERB = 1 << 6,
	WS_PASSIVE = 1 << 7,    /* the auxiliaries of a passive */
	WS_AUX = 1 << 8,        /* before a casualty verb: the count is before */
	WS_AUX_TRIGGER = 1 << 9, /* before a trigger's verb: the count is before */
	WS_NEGATION = 1 << 10,
	WS_ANAPHOR = 1 << 11,   /* "the operation", "this attack" */
	WS_GEAR = 1 << 12,      /* "riot gear", "riot control" */
	WS_NP_DET = 1 << 13,    /* before a counted noun: "two of their men" */
	WS_REGION = 1 << 14,    /* "northern", "southern", ... */
	WS_PASSIVE_GAP = 1 << 15, /* between a passive's subject and verb */
	WS_TALLY = 1 << 16,     /* the first words of tally's "since", "so far", ... */
	WS_NP_END = 1 << 17,    /* words that end a counted noun phrase */
	WS_HOLD = 1 << 18       /* "staged a protest", "organised a rally" */
};

static const uint8_t ws_filler[] = {W_ALSO,  W_REPORTEDLY, W_ALLEGEDLY, W_THEN,
				    W_LATER, W_ANOTHER,    W_ADDITIONAL, W_ALL};
static const uint8_t ws_place_prep[] = {W_IN, W_NEAR, W_AT, W_OUTSIDE, W_ACROSS, W_AROUND,
					W_INSIDE, W_INTO, W_FROM, W_OF, W_ON, W_BETWEEN};
static const uint8_t ws_det[] = {W_A, W_AN, W_THE, W_THIS, W_THAT, W_ITS, W_THEIR,
				 W_HIS, W_HER, W_OUR, W_ANY, W_NO, W_EVERY};
static const uint8_t ws_det_part[] = {W_A, W_AN, W_THE, W_THIS, W_THAT, W_ITS, W_THEIR,
				      W_HIS, W_HER, W_OUR, W_THESE, W_THOSE};
/* but "staged a protested against ...": a slip for the noun */
static const uint8_t ws_prep_part[] = {W_AGAINST, W_IN, W_AT, W_ON, W_OUTSIDE, W_OVER,
				       W_FOR, W_NEAR, W_BY, W_TO};
static const uint8_t ws_staged[] = {W_TOOK, W_TAKEN, W_TAKE, W_TAKING, W_STAGED,
				    W_STAGE, W_STAGING, W_HELD, W_HOLD, W_HOLDING};
static const uint8_t ws_before_verb[] = {
	W_THEY, W_HE, W_SHE, W_WE, W_I, W_YOU, W_WHO, W_WHICH, W_TO, W_WILL,
	W_WOULD, W_COULD, W_MAY, W_MIGHT, W_CAN, W_DID, W_NOT, W_ALSO, W_THEN,
	W_REPORTEDLY, W_ALLEGEDLY, W_OFTEN, W_AGAIN, W_LATER, W_REPEATEDLY};
static const uint8_t ws_passive[] = {W_WAS, W_WERE, W_BEEN, W_BEING, W_IS, W_ARE, W_BE, W_GOT};
static const uint8_t ws_aux[] = {W_WAS, W_WERE, W_BEEN, W_ARE, W_IS, W_BE, W_GOT};
static const uint8_t ws_aux_trigger[] = {W_WAS, W_WERE, W_BEEN, W_ARE, W_IS, W_BE};
static const uint8_t ws_negation[] = {W_NOT, W_NEVER, W_DIDNT, W_WASNT, W_WERENT, W_NO};
static const uint8_t ws_anaphor[] = {W_THE, W_THIS, W_THAT, W_THESE, W_THOSE};
static const uint8_t ws_gear[] = {W_GEAR, W_SHIELDS, W_SQUAD, W_CONTROL};
static const uint8_t ws_np_det[] = {W_THE, W_THEIR, W_THEM, W_HIS, W_HER, W_ITS};
static const uint8_t ws_region[] = {W_NORTHERN, W_SOUTHERN, W_EASTERN, W_WESTERN, W_CENTRAL,
				   W_LOWER, W_UPPER};
static const uint8_t ws_passive_gap[] = {W_WAS, W_WERE, W_BEEN, W_LATER, W_REPORTEDLY};
static const uint8_t ws_tally[] = {W_SINCE, W_SO, W_TO, W_THIS, W_OF};
static const uint8_t ws_np_end[] = {W_AND,  W_WERE, W_WAS,  W_IN,    W_ON,        W_AT,
				    W_BY,   W_HAVE, W_HAD,  W_ARE,   W_WITH,      W_ALONG,
				    W_INCLUDING, W_WHO, W_DURING, W_AFTER, W_NEAR, W_OUTSIDE,
				    W_INSIDE, W_AROUND, W_ACROSS};

static const uint8_t ws_hold[] = {W_TOOK, W_TAKEN, W_TAKE, W_TAKING, W_STAGED, W_STAGE,
				  W_STAGING, W_HELD, W_HOLD, W_HOLDING, W_ORGANISED,
				  W_ORGANIZED, W_OBSERVED, W_LAUNCHED, W_BURNT, W_BURNED,
				  W_JOINED, W_CONDUCTED, W_CARRIED, W_STARTED, W_BEGAN,
				  W_CALLED, W_CONTINUED, W_GATHERED};

static uint32_t wsets[256]; /* by word id; W_NONE is in none */
static pthread_once_t wsets_once = PTHREAD_ONCE_INIT;

static void wsets_add(uint32_t set, const uint8_t *ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		wsets[ids[i]] |= set;
}

static void wsets_init(void)
{
#define WS_ADD(set, list) wsets_add(set, list, sizeof list)
	WS_ADD(WS_FILLER, ws_filler);
	WS_ADD(WS_PLACE_PREP, ws_place_prep);
	WS_ADD(WS_DET, ws_det);
	WS_ADD(WS_DET_PART, ws_det_part);
	WS_ADD(WS_PREP_PART, ws_prep_part);
	WS_ADD(WS_STAGED, ws_staged);
	WS_ADD(WS_BEFORE_VERB, ws_before_verb);
	WS_ADD(WS_PASSIVE, ws_passive);
	WS_ADD(WS_AUX, ws_aux);
	WS_ADD(WS_AUX_TRIGGER, ws_aux_trigger);
	WS_ADD(WS_NEGATION, ws_negation);
	WS_ADD(WS_ANAPHOR, ws_anaphor);
	WS_ADD(WS_GEAR, ws_gear);
	WS_ADD(WS_NP_DET, ws_np_det);
	WS_ADD(WS_REGION, ws_region);
	WS_ADD(WS_PASSIVE_GAP, ws_passive_gap);
	WS_ADD(WS_TALLY, ws_tally);
	WS_ADD(WS_NP_END, ws_np_end);
	WS_ADD(WS_HOLD, ws_hold);
#undef WS_ADD
}

/* Is token k a word of the set(s) `set` (WS_*)? */
static int w_in(const struct lw_extract *x, size_t k, unsigned set)
{
	return k < x->t->ntok && (wsets[x->evw[k]] & set);
}

static int kind_at(const struct lw_extract *x, size_t k, int kind)
{
	return k < x->t->ntok && (x->ann_kinds[k] & (1u << kind));
}

/* Is the actor code field s (a char[4]: a code of up to three letters, its
 * NUL, zeros after it) the three-letter code c? One 4-byte compare where
 * strcmp would call out: codes are compared for every event. */
static int code_is(const char s[4], const char c[4])
{
	return memcmp(s, c, 4) == 0;
}


/* Words that start a clause of their own. */
static const char *const clause_words[] = {"that", "which", "who", "whom", "whose", "while",
					   "when", "after", "before", "as", "because", "but",
					   "although", "where", "since", "until"};

static int clause_break_scan(const struct lw_text *t, size_t k)
{
	if (k >= t->ntok)
		return 1;
	const lw_token *q = &t->tok[k];
	if (q->kind == LW_TOK_TERM || (q->kind == LW_TOK_QUOTE && !lw_tok_plural_possessive(t, k)))
		return 1;
	if (q->kind == LW_TOK_PUNCT && (t->p[q->start] == ';' || t->p[q->start] == ':' ||
					t->p[q->start] == '(' || t->p[q->start] == ')'))
		return 1;
	return lw_tok_in(t, k, clause_words, sizeof clause_words / sizeof *clause_words);
}

static int clause_break(const struct lw_extract *x, size_t k)
{
	if (k >= x->t->ntok)
		return 1;
	/* every quotation mark has the flag (quotes.c finds them so); the
	 * apostrophe of "the girls' school" ends no clause */
	if (!x->evf)
		return clause_break_scan(x->t, k);
	return (x->evf[k] & LW_EVF_BREAK) && !lw_tok_plural_possessive(x->t, k);
}

/* ---- counts ---- */

static int digits_value(const struct lw_text *t, size_t k, int64_t *v, int *decimal)
{
	const lw_token *q = &t->tok[k];
	if (q->kind != LW_TOK_NUMBER)
		return 0;
	int64_t n = 0, frac = 0, div = 1;
	int dot = 0;
	*decimal = 0;
	for (uint32_t i = q->start; i < q->end; i++) {
		unsigned char c = (unsigned char)t->p[i];
		if (c == ',')
			continue;
		if (c == '.') {
			if (dot)
				return 0;
			dot = 1;
			continue;
		}
		if (!lw_is_ascii_digit(c))
			return 0; /* "1990s", "21st", "2013-01-25" */
		if (dot) {
			if (div < 1000) { /* thousandths are enough: "3.5 million" */
				frac = frac * 10 + (c - '0');
				div *= 10;
			}
		} else {
			n = n * 10 + (c - '0');
		}
		if (n > 1000000000000LL)
			return 0;
	}
	*v = n;
	if (dot) {
		*decimal = 1;
		*v = n * 1000 + (frac * 1000) / div; /* thousandths */
	}
	return 1;
}

/* A number word at k ("two", "dozen", "hundreds"); its value and whether
 * it is vague. */
static int number_word(const struct lw_extract *x, size_t k, int64_t *v, int *vague, size_t *end)
{
	if (!kind_at(x, k, LW_SENSE_NUMBER))
		return 0;
	const struct lw_ann *a = lw_ann_find(x, k, LW_SENSE_NUMBER);
	if (!a)
		return 0;
	/* a number word must cover whole tokens ("one" in "one-third" is not) */
	if (a->start != x->t->tok[k].start)
		return 0;
	const struct lw_kb_sense *s = lw_ann_sense(x, a);
	*v = s->value;
	*vague = s->sub;
	*end = a->end_tok;
	return 1;
}

/*
 * A count phrase at token k: [approximation] number [multipliers].
 * "about 60", "at least 123", "two dozen", "1,200", "3.5 million",
 * "twenty-one", "dozens". Returns its end token (0 if none).
 */
/* Is token k a noun of a group of people ("a family", "a convoy", "a
 * couple"), more than one victim though it takes "a"? */
static int group_noun(const struct lw_text *t, size_t k)
{
	static const char *const group[] = {"group", "family", "convoy", "team", "crew", "patrol",
					    "unit", "number", "couple", "band", "gang", "mob", "crowd",
					    "delegation", "caravan", "busload"};
	return lw_tok_in(t, k, group, sizeof group / sizeof *group);
}

/* A group noun among the first three words of a noun phrase [b, e)
 * ("a family from the village", "a police patrol")? */
static int group_in(const struct lw_text *t, size_t b, size_t e)
{
	for (size_t k = b; k < e && k < b + 3; k++)
		/* (not a name's word before the noun it names: "a Special
		 * Operations Group constable" is one) */
		if (group_noun(t, k) && !((t->tok[k].flags & LW_TF_CAP) && k + 1 < e))
			return 1;
	return 0;
}

/* Is token k the number of an age, "13" of "13 year old"? */
static int age_number(const struct lw_text *t, size_t k)
{
	return k + 2 < t->ntok && t->tok[k].kind == LW_TOK_NUMBER &&
	       (lw_tok_is(t, k + 1, "year") || lw_tok_is(t, k + 1, "years")) && lw_tok_is(t, k + 2, "old");
}

/* Is the month's name at token k ("Oct", "October", "Oct.")? */
static int month_at(const struct lw_text *t, size_t k)
{
	static const char *const months[] = {"january", "february", "march",   "april",
					     "may",     "june",     "july",    "august",
					     "september", "october", "november", "december"};
	if (k >= t->ntok || !(t->tok[k].flags & LW_TF_CAP))
		return 0;
	size_t n = lw_tok_len(&t->tok[k]);
	const char *p = t->p + t->tok[k].start;
	if (n > 0 && p[n - 1] == '.')
		n--; /* "Oct." */
	if (n < 3)
		return 0;
	for (size_t i = 0; i < sizeof months / sizeof *months; i++)
		if (n <= strlen(months[i]) && strncasecmp(p, months[i], n) == 0 &&
		    (n == strlen(months[i]) || n <= 4))
			return 1;
	return 0;
}

/*
 * Is the number [j, e) no count of people: an age ("a 13 year old boy",
 * "Karim Uddin, 45, a rickshaw puller", "aged 40"), a time ("9 am"), a
 * day of a month ("the Oct 30 council polls"), or a count of things
 * ("six bullets", "several hours", "two km")?
 */
static const char *const things[] = {
	"bullets", "bullet", "rounds", "shots", "shells", "rockets", "missiles", "mortars",
	"bombs", "grenades", "hours", "hour", "minutes", "minute", "days", "day", "weeks",
	"week", "months", "month", "years", "year", "km", "kilometres", "kilometers",
	"miles", "metres", "meters", "feet", "kg", "kilograms", "percent", "times",
	"am", "pm", "a.m.", "p.m.", "hrs", "o'clock", "rupees", "dollars", "vehicles",
	"houses", "shops", "buildings", "villages", "acres", "towns", "cities", "districts",
	"places", "areas", "provinces", "locations", "guns", "weapons"};
/* Word lists asked of many tokens, as sets built once (list_sets):
 * things, which count_phrase asks of the word after every number it
 * reads (a list compared word by word cost 400 instructions a number),
 * and judge_words, which judged asks of a word or two before most nouns
 * of deeds (230 a word). NULL when out of memory: the lists are asked. */
static const char *const judge_words[] = {
	"called",    "calls",      "calling",    "described",  "describes",
	"describing", "termed",    "terms",      "branded",    "brands",
	"labelled",  "labeled",    "dubbed",     "deemed",     "characterised",
	"characterized", "slammed", "decried",   "lamented",   "mourned"};
static struct lw_wordset *things_set, *judge_set;
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;

static struct lw_wordset *set_of(const char *const *words, size_t n)
{
	size_t lens[64];
	if (n > sizeof lens / sizeof *lens)
		return NULL;
	for (size_t i = 0; i < n; i++)
		lens[i] = strlen(words[i]);
	return lw_wordset_new(words, lens, n);
}

static void list_sets(void)
{
	things_set = set_of(things, sizeof things / sizeof *things);
	judge_set = set_of(judge_words, sizeof judge_words / sizeof *judge_words);
}

/* Is token k a word of set ws (lower-case words)? A plain word is asked
 * by its unit's key and hash, as word_listed does: lowering and hashing
 * its bytes again cost three times as much. */
static int tok_in_set(const struct lw_extract *x, size_t k, const struct lw_wordset *ws)
{
	const lw_token *q = &x->t->tok[k];
	if (q->kind == LW_TOK_WORD && !(q->flags & (LW_TF_HYPHEN | LW_TF_NONASCII | LW_TF_APOS)) &&
	    x->unit_at) {
		const struct lw_unit *u = &x->u.u[x->unit_at[k]];
		return lw_wordset_has_hashed(ws, x->u.keys + u->key, u->key_len, u->hash);
	}
	return lw_wordset_has_lower(ws, x->t->p + q->start, lw_tok_len(q));
}

/* the word lists asked as sets (lsets_init, listed) */
enum { LS_TAKING, LS_FREEING, LS_STOPS, LS_CONTEST, LS_NAMED_FOR, LS_ILLS, LS_MISHAP, LS_STRUCK,
       LS_DEED_VERBS, LS_WAR, LS_WATCH, LS_ROSE, LS_WHENCE, LS_CAME, LS_CAUSE, LS_DOER, LS_UNIT_OF,
       LS_STANCE, LS_DENY, LS_DENIED, LS_ASKED, LS_DEMAND, LS_PAPERS, LS_CONTEST_KINDS, LS_N };
static int listed(const struct ectx *c, size_t k, int id);
static inline int word_listed(const struct lw_extract *x, size_t k, int id);

static int not_people(const struct lw_extract *x, size_t j, size_t e, size_t limit)
{
	const struct lw_text *t = x->t;
	if (e < limit && e < t->ntok) {
		/* "two years ago" is a date; "13 year old" an age; "six bullets" */
		pthread_once(&sets_once, list_sets);
		if (things_set ? tok_in_set(x, e, things_set)
			       : lw_tok_in(t, e, things, sizeof things / sizeof *things))
			return 1;
	}
	if (e < limit && e < t->ntok && t->tok[e].kind == LW_TOK_WORD && (t->tok[e].flags & LW_TF_HYPHEN)) {
		/* "13-year-old" */
		const char *p = t->p + t->tok[e].start;
		size_t n = lw_tok_len(&t->tok[e]);
		if (n >= 8 && strncasecmp(p, "year-old", 8) == 0)
			return 1;
	}
	/* "a two-member polio team", "a three-day strike": a number word
	 * joined to a noun describes it ("twenty-one" still counts) */
	if (t->tok[j].kind == LW_TOK_WORD && (t->tok[j].flags & LW_TF_HYPHEN)) {
		static const char *const units[] = {"one", "two", "three", "four", "five",
						    "six", "seven", "eight", "nine"};
		const char *p = t->p + t->tok[j].start, *end = t->p + t->tok[j].end, *h = end;
		while (h > p && h[-1] != '-')
			h--;
		size_t n = (size_t)(end - h), i = 0;
		while (i < sizeof units / sizeof *units &&
		       !(strlen(units[i]) == n && strncasecmp(h, units[i], n) == 0))
			i++;
		if (h > p && i == sizeof units / sizeof *units)
			return 1;
	}
	/* "$10 million", "Rs 5,000", "£2m": money (and not its "million"
	 * alone, read after the number refused) */
	if (j > 1 && t->tok[j - 1].kind == LW_TOK_NUMBER && t->tok[j].kind != LW_TOK_NUMBER)
		j--;
	if (j > 0) {
		static const char *const money[] = {"$", "\xc2\xa3", "\xe2\x82\xac", "\xe2\x82\xb9",
						    "Rs", "Rs.", "Tk", "Tk.", "US$"};
		const lw_token *q = &t->tok[j - 1];
		size_t n = lw_tok_len(q);
		/* the first byte before strlen: asked of most numbers'
		 * words, which no mark of money starts */
		for (size_t i = 0; i < sizeof money / sizeof *money; i++)
			if (money[i][0] == t->p[q->start] && strlen(money[i]) == n &&
			    memcmp(t->p + q->start, money[i], n) == 0)
				return 1;
	}
	if (j > 0 && t->tok[j].kind == LW_TOK_NUMBER) {
		if (month_at(t, j - 1) || lw_tok_is(t, j - 1, "aged"))
			return 1;
		/* "Karim Uddin, 45, a rickshaw puller": a name's age between
		 * commas */
		if (j >= 2 && lw_tok_punct(t, j - 1, ',') && e < t->ntok && lw_tok_punct(t, e, ',') &&
		    (t->tok[j - 2].flags & LW_TF_CAP) && e == j + 1)
			return 1;
	}
	return 0;
}

static size_t count_phrase(const struct lw_extract *x, size_t k, size_t limit, int64_t *value,
			   int *approx)
{
	const struct lw_text *t = x->t;
	size_t j = k;
	*approx = 0;
	if (kind_at(x, j, LW_SENSE_APPROX)) {
		const struct lw_ann *a = lw_ann_find(x, j, LW_SENSE_APPROX);
		if (a && a->end_tok < limit) {
			*approx = 1;
			j = a->end_tok;
		}
	}
	if (j >= limit)
		return 0;
	int64_t v = 0;
	int vague = 0, decimal = 0;
	size_t e;
	if (digits_value(t, j, &v, &decimal)) {
		/* a year is no count: "in 2013", "2013 attack" */
		if (!decimal && v >= 1900 && v <= 2100 && lw_tok_len(&t->tok[j]) == 4)
			return 0;
		e = j + 1;
	} else if (number_word(x, j, &v, &vague, &e)) {
		/* "twenty-one": a hyphenated token of number words */
		const lw_token *q = &t->tok[j];
		if ((q->flags & LW_TF_HYPHEN) && e == j + 1) {
			uint32_t u = x->unit_at[j];
			int64_t sum = 0;
			int ok = 1;
			for (; u < x->u.n && x->u.u[u].tok == j; u++) {
				int64_t part = -1;
				for (size_t a = x->ann_at[j]; a < x->nann && x->ann[a].first_tok == j; a++) {
					const struct lw_ann *an = &x->ann[a];
					if (an->first_unit == u && an->end_unit == u + 1 &&
					    lw_ann_sense(x, an)->kind == LW_SENSE_NUMBER)
						part = lw_ann_sense(x, an)->value;
				}
				if (part < 0)
					ok = 0;
				else
					sum += part;
			}
			if (ok)
				v = sum;
		}
		/* "thirty nine", "twenty five": tens and units apart */
		int64_t u;
		int uv;
		size_t ue;
		if (!vague && v >= 20 && v <= 90 && v % 10 == 0 && e < limit &&
		    number_word(x, e, &u, &uv, &ue) && !uv && u >= 1 && u <= 9) {
			v += u;
			e = ue;
		}
	} else {
		return 0;
	}
	/* "two hundred", "3.5 million", "two dozen" */
	int64_t mult;
	int mv;
	size_t me;
	while (e < limit && number_word(x, e, &mult, &mv, &me) &&
	       (mult == 100 || mult == 1000 || mult == 1000000 || mult == 1000000000 || mult == 12) &&
	       !mv) {
		if (v > INT64_MAX / mult)
			return 0; /* no count is that large */
		if (decimal) {
			v = v * mult / 1000;
			decimal = 0;
		} else {
			v *= mult;
		}
		e = me;
	}
	if (decimal)
		return 0; /* "3.5 percent" */
	if (not_people(x, j, e, limit))
		return 0;
	*value = v;
	if (vague)
		*approx = 1;
	/* "more than 60" keeps 60 as the count (ACLED's conservative reading) */
	return e;
}

/* Is the number at token k someone's age: "The driver, 42, was killed",
 * "Prahlad Singh (40) was shot", "two men, aged 42 and 35, died"? Then it
 * counts no one. A whole number of one to three digits only. */
static int age_told(const struct lw_text *t, size_t k)
{
	const lw_token *q = &t->tok[k];
	size_t n = lw_tok_len(q);
	if (n > 3)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (t->p[q->start + i] < '0' || t->p[q->start + i] > '9')
			return 0;
	if (k >= 1 && lw_tok_is(t, k - 1, "aged"))
		return 1;
	if (k >= 2 && lw_tok_is(t, k - 1, "and") && lw_tok_is(t, k - 2, "aged"))
		return 1;
	if (k >= 3 && lw_tok_is(t, k - 1, "and") && t->tok[k - 2].kind == LW_TOK_NUMBER &&
	    lw_tok_is(t, k - 3, "aged"))
		return 1;
	if (k < 2 || k + 1 >= t->ntok || t->tok[k - 2].kind != LW_TOK_WORD)
		return 0;
	/* "X, 42, ..." and "X (42) ..." after a word */
	return (lw_tok_punct(t, k - 1, ',') && lw_tok_punct(t, k + 1, ',')) ||
	       (lw_tok_punct(t, k - 1, '(') && lw_tok_punct(t, k + 1, ')'));
}

/* Is the number at token k the day of a date: "[12 September] arrested
 * over 100", "on 11 September": one or two digits before a month's name
 * (in capitals)? Then it counts no one. */
static int day_of_month(const struct lw_text *t, size_t k)
{
	const lw_token *q = &t->tok[k];
	size_t n = lw_tok_len(q);
	if (n > 2 || k + 1 >= t->ntok || !(t->tok[k + 1].flags & LW_TF_CAP))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (t->p[q->start + i] < '0' || t->p[q->start + i] > '9')
			return 0;
	return lw_month_number(t->p + t->tok[k + 1].start, lw_tok_len(&t->tok[k + 1])) != 0;
}

/* count_phrase, asked only where one may start: at an approximation, a
 * number or a number word (the callers try every token of a window, and
 * most are none of them). */
static inline size_t count_at(const struct lw_extract *x, size_t k, size_t limit, int64_t *value,
			      int *approx)
{
	if (k < x->t->ntok && x->t->tok[k].kind != LW_TOK_NUMBER &&
	    !(x->ann_kinds[k] & (1u << LW_SENSE_APPROX | 1u << LW_SENSE_NUMBER))) {
		*approx = 0;
		return 0;
	}
	if (k < x->t->ntok && x->t->tok[k].kind == LW_TOK_NUMBER &&
	    (age_told(x->t, k) || day_of_month(x->t, k))) {
		*approx = 0;
		return 0;
	}
	return count_phrase(x, k, limit, value, approx);
}

/* The nouns after a count, at most `words` of them: "two soldiers", "60
 * people", "a dozen suspected insurgents". Returns the end token. */
/* Past "(FC)", "(M)" at token k: an abbreviation of one or two tokens in
 * capitals in brackets, before limit; k if there is none. */
static size_t abbreviation_in_brackets(const struct lw_text *t, size_t k, size_t limit)
{
	if (k + 2 >= limit || !lw_tok_punct(t, k, '('))
		return k;
	size_t j = k + 1;
	while (j < limit && j < k + 3 && t->tok[j].kind == LW_TOK_WORD &&
	       (t->tok[j].flags & (LW_TF_UPPER | LW_TF_CAP)) &&
	       ((t->tok[j].flags & LW_TF_UPPER) || lw_tok_len(&t->tok[j]) == 1))
		j++;
	return j > k + 1 && j < limit && lw_tok_punct(t, j, ')') ? j + 1 : k;
}

/* Is token j a capitalised word of a name the entity stage found ("a
 * Special Operations Group constable": no operation)? */
static int in_name(const struct lw_extract *x, size_t j)
{
	return (x->t->tok[j].flags & LW_TF_CAP) && lw_mention_at(x, j) != NULL;
}

/* Is the trigger word at j a participle that describes the noun after it,
 * after an article ("of the outlawed party", "the banned Lashkar-e-Taiba"),
 * not a verb? */
static int describing(const struct lw_extract *x, size_t j, size_t limit)
{
	const struct lw_text *t = x->t;
	return j > 0 && j + 1 < limit && w_in(x, j - 1, WS_DET_PART) &&
	       (t->tok[j].flags & LW_TF_LOWER) && lw_tok_ends(t, j, "ed", 3) &&
	       t->tok[j + 1].kind == LW_TOK_WORD && !kind_at(x, j + 1, LW_SENSE_TRIGGER) &&
	       !kind_at(x, j + 1, LW_SENSE_CASUALTY);
}

static size_t counted_np_upto(const struct lw_extract *x, size_t k, size_t limit, size_t words)
{
	const struct lw_text *t = x->t;
	size_t j = k;
	if (w(x, j, W_OF)) /* "dozens of people" */
		j++;
	if (w_in(x, j, WS_NP_DET))
		j++;
	/* "a 13 year old boy": the age is no count */
	if (j + 3 <= limit && age_number(t, j))
		j += 3;
	size_t start = j;
	for (;;) {
		/* (a country's abbreviation is a word of it: "three U.S.
		 * soldiers") */
		while (j < limit && j < start + words &&
		       (t->tok[j].kind == LW_TOK_WORD ||
			(t->tok[j].kind == LW_TOK_ABBREV && (t->tok[j].flags & LW_TF_UPPER))) &&
		       !(t->tok[j].flags & LW_TF_POSSESSIVE) && !kind_at(x, j, LW_SENSE_CASUALTY) &&
		       (!kind_at(x, j, LW_SENSE_TRIGGER) || describing(x, j, limit) ||
			in_name(x, j)) &&
		       !w_in(x, j, WS_NP_END) && !kind_at(x, j, LW_SENSE_NUMBER) &&
		       /* "the farmers before dawn", "the men while ...": a
		        * clause's word ends the phrase */
		       !(j > start && (x->evf[j] & LW_EVF_BREAK) && (t->tok[j].flags & LW_TF_LOWER)) &&
		       /* and so does a participle after the noun, before its
		        * preposition ("nine men dumped on a highway"; not
		        * "three unidentified armed men") */
		       !(j > start && (t->tok[j].flags & LW_TF_LOWER) && lw_tok_ends(t, j, "ed", 4) &&
			 j + 1 < limit && (w_in(x, j + 1, WS_PLACE_PREP) || w(x, j + 1, W_BY) ||
					   w(x, j + 1, W_ON) || w(x, j + 1, W_FROM) || w(x, j + 1, W_INTO))))
			j++;
		/* "a Frontier Corps (FC) soldier", "a CPI (M) worker": an
		 * abbreviation in brackets inside the phrase, then more of it */
		size_t e = abbreviation_in_brackets(t, j, limit);
		if (e == j || e >= limit || t->tok[e].kind != LW_TOK_WORD)
			break;
		start += e - j;
		j = e;
	}
	/* "of them" */
	return j;
}

/* counted_np_upto of five words, the most after a number */
static size_t counted_np(const struct lw_extract *x, size_t k, size_t limit)
{
	return counted_np_upto(x, k, limit, 5);
}

/* Is any token of [from, end) one where count_at may find a count (a
 * number, a number word, an approximation)? */
static int count_may_start(const struct lw_extract *x, size_t from, size_t end)
{
	const unsigned want = 1u << LW_SENSE_APPROX | 1u << LW_SENSE_NUMBER;
	for (size_t k = from; k < end; k++)
		if (x->t->tok[k].kind == LW_TOK_NUMBER || (x->ann_kinds[k] & want))
			return 1;
	return 0;
}

/*
 * Where the subject of the casualty word at `end` ends, past what may
 * stand between them: auxiliaries ("was", "has been"), a verb it is
 * coordinated with ("was shot and killed") and an apposition in commas
 * ("A policeman, ASHO Fard, died"); `end` if none of these.
 */
static size_t victim_end(const struct lw_extract *x, size_t floor, size_t end)
{
	const struct lw_text *t = x->t;
	size_t v = end;
	/* "was severely injured", "were critically wounded" */
	static const char *const how[] = {"severely", "seriously", "critically", "badly",
					   "grievously", "slightly", "lightly", "gravely",
					   "brutally"};
	if (v > floor && (t->tok[v - 1].flags & LW_TF_LOWER) && lw_tok_ends(t, v - 1, "ly", 4) &&
	    lw_tok_in(t, v - 1, how, sizeof how / sizeof *how))
		v--;
	if (v >= floor + 2 && (w(x, v - 1, W_AND) || w(x, v - 1, W_OR)) &&
	    t->tok[v - 2].kind == LW_TOK_WORD && (t->tok[v - 2].flags & LW_TF_LOWER))
		v -= 2;
	while (v > floor && (w_in(x, v - 1, WS_AUX) || w(x, v - 1, W_HAS) || w(x, v - 1, W_HAD) ||
			     w(x, v - 1, W_HAVE) || w(x, v - 1, W_ALLEGEDLY) ||
			     w(x, v - 1, W_REPORTEDLY) || w(x, v - 1, W_ALSO)))
		v--;
	/* "A policeman, 42, of Quetta, died": the age and home in commas
	 * (age_told), then what the apposition below may still pass; close
	 * is the comma that ends the part asked */
	size_t close = v - 1, stripped = 0;
	while (v >= floor + 3 && close > floor + 1 && lw_tok_punct(t, close, ',') && stripped < 3) {
		if (t->tok[close - 1].kind == LW_TOK_NUMBER && lw_tok_punct(t, close - 2, ',') &&
		    age_told(t, close - 1)) {
			close -= 2;
			stripped++;
			continue;
		}
		/* ", of Quetta,", ", of Woodbridge, Virginia," */
		size_t j = close;
		for (int town = 0; town < 2; town++) {
			size_t q = j;
			while (q > floor && j - q < 4 && (t->tok[q - 1].flags & LW_TF_CAP) &&
			       t->tok[q - 1].kind == LW_TOK_WORD)
				q--;
			if (q == j)
				break;
			j = q;
			if (!(town == 0 && j > floor + 2 && lw_tok_punct(t, j - 1, ',') &&
			      (t->tok[j - 2].flags & LW_TF_CAP)))
				break;
			j--; /* the comma between town and state */
		}
		if (j == close || j < floor + 3 || !w(x, j - 1, W_OF) || !lw_tok_punct(t, j - 2, ','))
			break;
		close = j - 2;
		stripped++;
	}
	if (stripped)
		v = close + 1;
	if (v >= floor + 3 && lw_tok_punct(t, v - 1, ',')) {
		size_t j = v - 1;
		/* a relative clause may be long: ", who had been in a
		 * coma at the district hospital since the raid last week," */
		while (j > floor && v - j < 26 && !lw_tok_punct(t, j - 1, ',') &&
		       t->tok[j - 1].kind == LW_TOK_WORD)
			j--;
		if (v - j >= 16 && !(j > floor + 1 && lw_tok_punct(t, j - 1, ',') && w(x, j, W_WHO)))
			j = v; /* no clause of words this long but one of "who" */
		/* words between two commas, the first a capital (a name: ",
		 * ASHO Fard,") or an article (", a member of the peace
		 * committee,"), of at most 8 words; or a relative clause (",
		 * who had suffered burns in the attack,") */
		if (j > floor + 1 && lw_tok_punct(t, j - 1, ',') && j < v - 1 &&
		    ((v - j < 9 && ((t->tok[j].flags & (LW_TF_CAP | LW_TF_UPPER)) || w(x, j, W_A) ||
				    w(x, j, W_AN) ||
				    /* ", out in the forest with their goats," */
				    w(x, j, W_IN) || w(x, j, W_AT) || w(x, j, W_ON) ||
				    lw_tok_word(t, j, "out"))) ||
		     w(x, j, W_WHO)))
			v = j - 1;
	}
	if (stripped && v == close + 1)
		v = close; /* no apposition before the age: the comma ends nothing */
	/* words in brackets: "Fifteen people (including two children)
	 * were injured" */
	if (v >= floor + 3 && lw_tok_punct(t, v - 1, ')')) {
		size_t j = v - 1;
		while (j > floor && v - j < 16 && !lw_tok_punct(t, j - 1, '(') &&
		       !lw_tok_punct(t, j - 1, ')') && t->tok[j - 1].kind != LW_TOK_TERM)
			j--;
		if (j > floor + 1 && lw_tok_punct(t, j - 1, '('))
			v = j - 1;
	}
	return v;
}

/* Does the sentence go on, after token k, to another event or saying
 * ("... of a man killed earlier staged a demonstration"), so that the
 * participle before k is no headline's verb? */
static int verb_after(const struct lw_extract *x, size_t k)
{
	/* (to the sentence's end: one cut at the length limit has no mark) */
	size_t s1 = k < x->t->ntok ? x->t->sent[lw_sentence_of(x->t, k)].end_token : k;
	for (; k < s1 && x->t->tok[k].kind != LW_TOK_TERM; k++)
		if (x->ann_kinds[k] & (1u << LW_SENSE_TRIGGER | 1u << LW_SENSE_CUE))
			return 1;
	return 0;
}

/* A count of one, the phrase [first, ne) and its noun [nf, ne). */
static void one_count(struct count *c, size_t first, size_t nf, size_t ne)
{
	c->first = (uint32_t)first;
	c->end = (uint32_t)ne;
	c->value = 1;
	c->approx = 0;
	c->noun_first = (uint32_t)nf;
	c->noun_end = (uint32_t)ne;
}

/* One victim named by a noun after "a", "an", "one" that ends at v, or
 * `slack` tokens before it ("a soldier was killed" with a slack of 1 for
 * "was"), the article at most `reach` tokens before v: into *c. */
static int a_victim_before(const struct lw_extract *x, size_t floor, size_t v, size_t slack,
			   size_t reach, struct count *c)
{
	const struct lw_text *t = x->t;
	size_t skipped = 0; /* tokens of brackets passed over */
	for (size_t b = v; b > floor && v - b < reach + skipped; b--) {
		if (w(x, b - 1, W_A) || w(x, b - 1, W_AN) || w(x, b - 1, W_ONE)) {
			size_t ne = counted_np_upto(x, b, v, (reach < 5 ? 5 : reach) + skipped);
			if (ne + slack < v || (!slack && b == v) || group_in(t, b, ne))
				return 0; /* "a family was killed" is more than one */
			/* "The driver of a van was shot dead": the one is the
			 * driver, from "The" (and "the family of a farmer was"
			 * is more than one) */
			size_t h = b - 1;
			/* (with "was" after it: in "the wife of a man shot by
			 * police" the man was shot) */
			if (h >= floor + 3 && w(x, ne, W_WAS) && w(x, h - 1, W_OF) &&
			    (t->tok[h - 2].flags & LW_TF_LOWER) && t->tok[h - 2].kind == LW_TOK_WORD) {
				size_t d = h - 2;
				while (d > floor && h - 2 - d < 2 && (t->tok[d - 1].flags & LW_TF_LOWER) &&
				       !w(x, d - 1, W_THE) && !w(x, d - 1, W_A) && !w(x, d - 1, W_AN))
					d--;
				if (d > floor && (w(x, d - 1, W_THE) || w(x, d - 1, W_A) || w(x, d - 1, W_AN))) {
					if (group_in(t, d, h - 1) || lw_tok_ends(t, h - 2, "s", 1))
						return 0;
					one_count(c, d - 1, d, ne);
					return 1;
				}
			}
			one_count(c, b - 1, b, ne);
			return 1;
		}
		/* "a Frontier Corps (FC) soldier", "a CPI (M) worker": an
		 * abbreviation in brackets inside the phrase */
		if (lw_tok_punct(t, b - 1, ')') && b >= floor + 3 && skipped == 0) {
			size_t o = b - 1;
			while (o > floor && b - o < 5 && !lw_tok_punct(t, o - 1, '('))
				o--;
			/* the same brackets counted_np_upto passes over */
			if (o > floor && abbreviation_in_brackets(t, o - 1, v) == b) {
				skipped = b - (o - 1);
				b = o; /* the loop's b-- steps onto the "(" */
				continue;
			}
		}
		if (clause_break(x, b - 1) ||
		    (t->tok[b - 1].kind != LW_TOK_WORD && !age_number(t, b - 1)))
			return 0;
	}
	return 0;
}

/*
 * One victim named by a noun after "a", "an" or "one" whose phrases of
 * place or duty come between it and its "was" at or just before v: "A
 * traffic warden on duty near the bazaar was shot dead", "A constable on duty
 * at the gate of the provincial court was shot dead". The tail holds words
 * only (no number: "a family of five"), and the noun is no group ("a
 * convoy of ...", "a couple").
 */
static int a_victim_tail(const struct lw_extract *x, size_t floor, size_t v, struct count *c)
{
	const struct lw_text *t = x->t;
	size_t verb = v;
	if (!w(x, verb, W_WAS) && verb > floor && w(x, verb - 1, W_WAS))
		verb--;
	if (!w(x, verb, W_WAS))
		return 0;
	for (size_t b = verb; b > floor && verb - b < 16; b--) {
		if (w(x, b - 1, W_A) || w(x, b - 1, W_AN) || w(x, b - 1, W_ONE)) {
			size_t ne = counted_np_upto(x, b, verb, 5);
			if (ne == b || ne >= verb || group_in(t, b, ne) ||
			    !(w(x, ne, W_IN) || w(x, ne, W_FROM) || w(x, ne, W_ON) || w(x, ne, W_OF) ||
			      w(x, ne, W_AT) || w(x, ne, W_NEAR) || w(x, ne, W_FOR)))
				return 0;
			for (size_t j = ne; j < verb; j++)
				if (t->tok[j].kind != LW_TOK_WORD || clause_break(x, j) ||
				    kind_at(x, j, LW_SENSE_TRIGGER) || kind_at(x, j, LW_SENSE_CASUALTY) ||
				    kind_at(x, j, LW_SENSE_NUMBER) || w(x, j, W_WHO) || w(x, j, W_AND))
					return 0;
			one_count(c, b - 1, b, ne);
			return 1;
		}
		if (clause_break(x, b - 1))
			return 0;
	}
	return 0;
}

static int one_victim_before(const struct lw_extract *x, size_t floor, size_t v, struct count *c);
static int someone_in(const struct lw_extract *x, size_t a, size_t b);

/* Does token k begin its sentence? */
static int sentence_start(const struct lw_extract *x, size_t k)
{
	const struct lw_text *t = x->t;
	return t->nsent && k < t->ntok && t->sent[lw_sentence_of(t, k)].first_token == k;
}

/* Kinsmen and companions counted with the one before them: "a
 * shopkeeper and his son", "killed a teacher and his driver". */
static const char *const kin_words[] = {
	"son", "daughter", "brother", "sister", "nephew", "niece", "cousin", "wife",
	"husband", "father", "mother", "uncle", "grandson", "driver", "guard", "bodyguard",
	"friend", "companion", "colleague", "aide", "associate", "child", "servant",
	"helper", "assistant", "conductor", "secretary", "gunman"};

static int singular_noun(const struct lw_text *t, size_t k);

/* Singular words for many people ("the police", "the army"): no one
 * victim before "and his brother" (lead_of_kin, victim_and_kin). */
static const char *const collective[] = {"police", "army",  "military", "government", "public",
					 "staff",  "force", "people",   "crowd"};

/*
 * The one before "and his brother", "along with his driver" (ending at
 * j), when it opens its sentence with "a", "an" or "the" and its head is
 * one (a word not in the plural, or a title in capitals), however long
 * the phrases after the head: "The SHO of the city police station, and
 * his brother", "A deputy leader of the Hill Tracts Front (HTF) and his
 * aide". The kin word says the first is someone. No number, no "and" and
 * no verb in it.
 */
static int lead_of_kin(const struct lw_extract *x, size_t floor, size_t j, struct count *c)
{
	const struct lw_text *t = x->t;
	if (j > floor + 1 && lw_tok_punct(t, j - 1, ','))
		j--; /* "..., and his brother" */
	if (j < floor + 2 || j - floor > 12 || !sentence_start(x, floor) ||
	    !(w(x, floor, W_A) || w(x, floor, W_AN) || w(x, floor, W_THE)))
		return 0;
	size_t head = j - 1; /* the word before the first "of", "(" or "," */
	for (size_t k = floor + 1; k < j; k++) {
		const lw_token *q = &t->tok[k];
		if (kind_at(x, k, LW_SENSE_NUMBER) || w(x, k, W_AND) || w(x, k, W_OR) ||
		    w_in(x, k, WS_AUX) || q->kind == LW_TOK_NUMBER)
			return 0;
		if (head == j - 1 && k > floor + 1 &&
		    (w(x, k, W_OF) || lw_tok_punct(t, k, '(') || lw_tok_punct(t, k, ',')))
			head = k - 1;
	}
	const lw_token *h = &t->tok[head];
	int title = (h->flags & LW_TF_UPPER) && lw_tok_len(h) >= 2 && lw_tok_len(h) <= 5;
	if (!(title || ((h->flags & LW_TF_LOWER) && singular_noun(t, head))) ||
	    lw_tok_in(t, head, collective, sizeof collective / sizeof *collective) ||
	    group_noun(t, head) || group_in(t, floor + 1, head + 1))
		return 0;
	one_count(c, floor, floor + 1, head + 1);
	return 1;
}

/* Two victims whose phrase ends at v: one victim, then "and" or "along
 * with" and one kinsman or companion of theirs ("A shopkeeper and his son
 * were shot dead", "the leader along with his driver"). */
static int victim_and_kin(const struct lw_extract *x, size_t floor, size_t v, struct count *c)
{
	if (v < floor + 4 || !(w(x, v - 2, W_HIS) || w(x, v - 2, W_HER) || w(x, v - 2, W_THEIR)) ||
	    !lw_tok_in(x->t, v - 1, kin_words, sizeof kin_words / sizeof *kin_words))
		return 0;
	size_t j = v - 2; /* the first victim's end */
	if (w(x, j - 1, W_AND))
		j--;
	else if (j >= floor + 3 && w(x, j - 1, W_WITH) && w(x, j - 2, W_ALONG))
		j -= 2;
	else
		return 0;
	struct count one;
	memset(&one, 0, sizeof one);
	if (lead_of_kin(x, floor, j, &one)) {
		/* "The SHO of the city police station, and his brother" */
	} else if (!one_victim_before(x, floor, j, &one) || one.end != j) {
		/* "The trader and his son were shot dead": the one named with
		 * "the", one word in the singular */
		if (j < floor + 2 || !w(x, j - 2, W_THE) || !(x->t->tok[j - 1].flags & LW_TF_LOWER) ||
		    x->t->tok[j - 1].kind != LW_TOK_WORD || lw_tok_ends(x->t, j - 1, "s", 1) ||
		    group_in(x->t, j - 1, j) ||
		    lw_tok_in(x->t, j - 1, collective, sizeof collective / sizeof *collective))
			return 0;
		one_count(&one, j - 2, j - 1, j);
	}
	*c = one;
	c->value = 2;
	c->end = (uint32_t)v;
	c->noun_end = (uint32_t)v;
	/* "The owner of a shop and his nephew": from "The" */
	size_t f = one.first;
	if (f >= floor + 3 && w(x, f - 1, W_OF) && (x->t->tok[f - 2].flags & LW_TF_LOWER) &&
	    !lw_tok_ends(x->t, f - 2, "s", 1) && w(x, f - 3, W_THE))
		c->first = (uint32_t)(f - 3);
	return 1;
}

static int singular_noun(const struct lw_text *t, size_t k);

/* Two victims whose phrase ends at v, told as "both [the] X and [the] Y"
 * ("Both the driver and the conductor were killed"), each one person. */
static int both_victims(const struct lw_extract *x, size_t floor, size_t v, struct count *c)
{
	const struct lw_text *t = x->t;
	size_t b = v, and = 0;
	/* the subject of "were killed", "died": not "Both X and Y saw the
	 * death of ..." */
	if (v >= t->ntok || !(t->tok[v].flags & LW_TF_LOWER) ||
	    !(w_in(x, v, WS_AUX) ||
	      (kind_at(x, v, LW_SENSE_CASUALTY) && t->p[t->tok[v].end - 1] == 'd')))
		return 0;
	while (b > floor && v - b < 9 && !w(x, b - 1, W_BOTH)) {
		if (t->tok[b - 1].kind != LW_TOK_WORD || kind_at(x, b - 1, LW_SENSE_NUMBER))
			return 0;
		if (w(x, b - 1, W_AND)) {
			if (and)
				return 0;
			and = b - 1;
		}
		b--;
	}
	if (b <= floor || !w(x, b - 1, W_BOTH) || !and || and == b || and + 1 >= v)
		return 0;
	/* each side one: a singular noun, one of them someone ("the
	 * conductor" is no actor phrase; the casualty word says the other is
	 * a person too) */
	if (!singular_noun(t, and - 1) || !singular_noun(t, v - 1) ||
	    !(someone_in(x, b, and) || someone_in(x, and + 1, v)))
		return 0;
	c->first = (uint32_t)(b - 1);
	c->end = (uint32_t)v;
	c->value = 2;
	c->approx = 0;
	c->noun_first = (uint32_t)b;
	c->noun_end = (uint32_t)v;
	c->definite = 0; /* "both the driver and ...": first told here */
	return 1;
}

/* One victim whose phrase ends at v, where victim_end put the subject's
 * end: a person named ("LeT commander Abu Qasim was killed") or a noun
 * after "a", "an", "one" ("A fruit vendor was shot and killed"), with its
 * phrases of place after it (a_victim_tail). */
static int one_victim_before(const struct lw_extract *x, size_t floor, size_t v, struct count *c)
{
	if (v <= floor)
		return 0;
	const struct lw_mention *m = lw_mention_at(x, v - 1);
	if (m && m->type == LW_PERSON && m->end_tok == v && m->first_tok >= floor &&
	    m->src != LW_MS_PRONOUN) {
		c->first = m->first_tok;
		c->end = (uint32_t)v;
		c->noun_first = m->first_tok;
		c->noun_end = (uint32_t)v;
		c->value = 1;
		c->approx = 0;
		return 1;
	}
	/* "A member of the local peace committee was killed" */
	if (a_victim_before(x, floor, v, 0, 8, c) || a_victim_tail(x, floor, v, c))
		return 1;
	/* "Policeman was gunned down": the subject with no article at
	 * the start of its sentence, a few words that end in someone, and
	 * its singular "was" */
	size_t verb = v;
	if (!w(x, verb, W_WAS) && verb > floor && w(x, verb - 1, W_WAS))
		verb--;
	if (!w(x, verb, W_WAS) || verb - floor > 4 || !sentence_start(x, floor) ||
	    !someone_in(x, floor, verb))
		return 0;
	for (size_t j = floor; j < verb; j++)
		if (x->t->tok[j].kind != LW_TOK_WORD || w_in(x, j, WS_DET) ||
		    kind_at(x, j, LW_SENSE_NUMBER) || (x->t->tok[j].flags & LW_TF_POSSESSIVE))
			return 0;
	one_count(c, floor, floor, verb);
	return 1;
}

struct trig;
static int capital_speaks(struct ectx *c, const struct trig *tr, size_t floor, struct lw_aref *r);

/* Does an actor phrase ("soldier", "a policeman") or a person's name end
 * in [a, b]: a victim, not "a school" or "an assessment"? */
static int someone_in(const struct lw_extract *x, size_t a, size_t b)
{
	size_t i = lw_aref_lower(x, 0, x->naref, a);
	if (i < x->naref && x->aref[i].first_tok < b && x->aref[i].end_tok <= b)
		return 1;
	const struct lw_mention *m = b > a ? lw_mention_at(x, b - 1) : NULL;
	return m && m->type == LW_PERSON && m->first_tok >= a;
}

/* The counts that stand before the casualty word at `end` (not before
 * `floor`): "two soldiers and three militants were killed" is 5, "a
 * soldier was killed" 1; with `wide`, also one victim past an apposition,
 * a coordinated verb or named as a person (victim_end, one_victim_before).
 * 1 if found, into *c. */
/* Is token k a word of "as well as" ("ten militants as well as two
 * foreigners"), a conjunction where "as" alone would end a clause? */
static int as_well_as(const struct lw_text *t, size_t k)
{
	for (size_t f = k >= 2 ? k - 2 : 0; f <= k; f++)
		if (lw_tok_is(t, f, "as") && lw_tok_is(t, f + 1, "well") && lw_tok_is(t, f + 2, "as"))
			return 1;
	return 0;
}

/* An item of a list of counts before the comma at b - 1 ("five soldiers,"
 * of "five soldiers, two officers and 27 militants"): a count and its
 * nouns up to the comma, no verb among them. Its first token, or SIZE_MAX. */
static size_t list_item_before(const struct lw_extract *x, size_t floor, size_t b)
{
	const struct lw_text *t = x->t;
	if (b < floor + 3 || !lw_tok_punct(t, b - 1, ',') || t->tok[b - 2].kind != LW_TOK_WORD)
		return SIZE_MAX;
	for (size_t j = b - 2; j-- > floor && b - 2 - j < 4;) {
		if (t->tok[j].kind != LW_TOK_WORD && t->tok[j].kind != LW_TOK_NUMBER)
			return SIZE_MAX;
		int64_t v;
		int ap;
		size_t e = count_at(x, j, b - 1, &v, &ap);
		if (e <= j || e >= b - 1)
			continue;
		for (size_t n = e; n < b - 1; n++)
			if (t->tok[n].kind != LW_TOK_WORD || kind_at(x, n, LW_SENSE_TRIGGER) ||
			    w_in(x, n, WS_AUX))
				return SIZE_MAX;
		return j;
	}
	return SIZE_MAX;
}

/* Do the words after the counted phrase c, up to token to, tell only
 * whose its people are ("a dozen fighters belonging to the BLA and the BRA", "of
 * the banned group", "from Bajaur"): a "belonging", "of" or "from" in the
 * phrase or after it, and no deed, mark or clause after it? */
static int whose_tail(const struct lw_extract *x, const struct count *c, size_t to)
{
	const struct lw_text *t = x->t;
	if (c->end >= to || to - c->end > 10)
		return 0;
	int whose = 0;
	for (size_t k = c->first + 1; k < to && !whose; k++)
		whose = lw_tok_is(t, k, "belonging") || w(x, k, W_OF) || w(x, k, W_FROM);
	for (size_t k = c->end; k < to && whose; k++)
		if (t->tok[k].kind != LW_TOK_WORD || kind_at(x, k, LW_SENSE_TRIGGER) ||
		    kind_at(x, k, LW_SENSE_CASUALTY) || ((x->evf[k] & LW_EVF_BREAK) && !w(x, k, W_AND)))
			return 0;
	return whose;
}

static int counts_before(const struct lw_extract *x, size_t floor, size_t end, int wide,
			 struct count *c)
{
	const struct lw_text *t = x->t;
	int found = 0, comma_and = 0, passed_and = 0;
	int64_t total = 0;
	int approx = 0;
	size_t first = end, nf = end, ne = end;
	size_t k = end;
	/* "Eight men, including a suspected member of a banned group, were
	 * gunned down": the whole before a part told in commas that the
	 * window below does not reach past */
	{
		size_t v = end;
		while (v > floor && w_in(x, v - 1, WS_AUX))
			v--;
		if (v > floor + 3 && lw_tok_punct(t, v - 1, ',') && end - v < 3) {
			size_t j = v - 1;
			while (j > floor && v - j < 16 && !lw_tok_punct(t, j - 1, ',') &&
			       !clause_break(x, j - 1))
				j--;
			if (j > floor + 1 && v - j >= LW_COUNT_WINDOW - 2 && lw_tok_punct(t, j - 1, ',') &&
			    w(x, j, W_INCLUDING)) {
				struct count whole;
				memset(&whole, 0, sizeof whole);
				if (counts_before(x, floor, j - 1, 0, &whole) && whole.end == j - 1) {
					*c = whole;
					return 1;
				}
			}
		}
	}
	/* The walk below tries a count at each token of the window and the
	 * three before it (an approximation ending at one); where none of
	 * them may start a count (over half the calls) it finds none, and
	 * only the one-victim reading after it is left. */
	if (!count_may_start(x, end > floor + LW_COUNT_WINDOW + 3 ? end - LW_COUNT_WINDOW - 3 : floor,
			     end))
		k = floor;
	while (k > floor && end - k < LW_COUNT_WINDOW) {
		k--;
		if (clause_break(x, k) && !w(x, k, W_AND) && !as_well_as(t, k))
			break;
		if (kind_at(x, k, LW_SENSE_TRIGGER) && found)
			break;
		int64_t v;
		int ap;
		/* try a count starting here (approximation included) */
		size_t from = k;
		for (size_t b = k; b + 3 > k && b > floor; b--)
			if (kind_at(x, b - 1, LW_SENSE_APPROX) && lw_ann_find(x, b - 1, LW_SENSE_APPROX)->end_tok == k) {
				from = b - 1;
				break;
			}
		size_t e = count_at(x, from, end, &v, &ap);
		if (!e || e <= k)
			continue;
		/* "Two hundred": the count starts at the first number word */
		while (from > floor && (kind_at(x, from - 1, LW_SENSE_NUMBER) ||
					t->tok[from - 1].kind == LW_TOK_NUMBER)) {
			int64_t v2;
			int ap2;
			size_t e2 = count_at(x, from - 1, end, &v2, &ap2);
			if (e2 < e)
				break;
			from--;
			v = v2;
			ap = ap2;
			e = e2;
		}
		/* a part of a count told before it is no count of its own:
		 * "nine people were killed, including two police officers,
		 * and 47 were wounded" is 47 wounded; "Thirty nine students
		 * including two monks and five women were arrested" is 39 */
		if (found && from > floor && w(x, from - 1, W_INCLUDING)) {
			struct count whole;
			memset(&whole, 0, sizeof whole); /* the fields it does not set */
			if (!comma_and && from - 1 > floor &&
			    counts_before(x, floor, from - 1, 0, &whole) &&
			    (whole.end == from - 1 ||
			     whose_tail(x, &whole, from - 1 - lw_tok_punct(t, from - 2, ',')))) {
				*c = whole;
				return 1;
			}
			break;
		}
		/* "15 others, including two civilians, were injured", "(including
		 * two children)": the whole before the part */
		if (!found && from > floor + 1 && w(x, from - 1, W_INCLUDING)) {
			size_t p = from - 1;
			if (lw_tok_punct(t, p - 1, ',') || lw_tok_punct(t, p - 1, '('))
				p--;
			struct count whole;
			memset(&whole, 0, sizeof whole);
			if (p > floor && counts_before(x, floor, p, 0, &whole) &&
			    (whole.end == p || whose_tail(x, &whole, p))) {
				*c = whole;
				return 1;
			}
		}
		if (!found) {
			/* "dozens of cousins of a teacher killed on Monday": a
			 * participle right after "of a ..." is the teacher's, not
			 * the dozens' ("Two members of a village council were
			 * killed" are two) */
			int one = 0;
			for (size_t q = e; q + 1 < end && !one && !w_in(x, end, WS_AUX); q++)
				one = w(x, q, W_OF) && (w(x, q + 1, W_A) || w(x, q + 1, W_AN));
			static const char *const harmed[] = {"killed", "slain", "murdered",
							     "injured", "wounded", "shot",
							     "abducted", "kidnapped", "arrested",
							     "detained"};
			/* (nor the count of another verb's subject: "hundreds
			 * of students marched to demand the release of a
			 * classmate detained by soldiers") */
			int verb = 0;
			for (size_t q = e; q < end && one && !verb; q++)
				verb = kind_at(x, q, LW_SENSE_TRIGGER) && (t->tok[q].flags & LW_TF_LOWER);
			if (one && lw_tok_in(x->t, end, harmed, sizeof harmed / sizeof *harmed) &&
			    (verb || verb_after(x, end + 1)))
				break;
			nf = e;
			ne = counted_np(x, e, end);
			/* "two militants and a soldier were killed": the one
			 * after "and" counts too */
			struct count and_one;
			if (ne + 2 < end && w(x, ne, W_AND) &&
			    (w(x, ne + 1, W_A) || w(x, ne + 1, W_AN) || w(x, ne + 1, W_ONE)) &&
			    a_victim_before(x, ne + 1, end, 2, 6, &and_one) && and_one.first == ne + 1 &&
			    someone_in(x, and_one.noun_first, and_one.noun_end)) {
				total += 1;
				ne = and_one.end;
				passed_and = 1;
			}
		}
		total += v;
		approx |= ap;
		found = 1;
		first = from;
		k = from;
		/* go on only over "and" (or "as well as"): "two soldiers and
		 * three militants"; conj: the conjunction's tokens before b */
		size_t b = from, conj = 0;
		while (b > floor && t->tok[b - 1].kind == LW_TOK_WORD && end - b < LW_COUNT_WINDOW) {
			if (b > floor + 3 && w(x, b - 1, W_AS) && lw_tok_is(t, b - 2, "well") &&
			    w(x, b - 3, W_AS)) {
				conj = 3;
				break;
			}
			if (w(x, b - 1, W_AND) || clause_break(x, b - 1) ||
			    kind_at(x, b - 1, LW_SENSE_NUMBER) || kind_at(x, b - 1, LW_SENSE_APPROX) ||
			    t->tok[b - 1].kind == LW_TOK_NUMBER)
				break;
			b--;
		}
		if (b > floor && w(x, b - 1, W_AND))
			conj = 1;
		if (!conj) {
			/* "five soldiers, two officers and 27 militants": past
			 * the "and", an item before a comma goes on the list */
			size_t q = passed_and && from == b ? list_item_before(x, floor, b) : SIZE_MAX;
			if (q == SIZE_MAX || end - q >= LW_COUNT_WINDOW)
				break;
			k = q + 1; /* the loop's next step tries q */
			continue;
		}
		passed_and = 1;
		comma_and = b > floor + conj && lw_tok_punct(t, b - conj - 1, ',');
		k = b - conj; /* the loop's next step: the word before the conjunction */
		/* "a soldier and two militants were killed": one before "and" */
		struct count lead;
		if (from == b && a_victim_before(x, floor, b - conj, 0, 6, &lead) &&
		    lead.end == b - conj &&
		    someone_in(x, lead.noun_first, lead.noun_end)) {
			total += 1;
			first = lead.first;
			/* "five soldiers, one officer and 27 militants" */
			size_t q = list_item_before(x, floor, lead.first);
			if (q == SIZE_MAX || end - q >= LW_COUNT_WINDOW)
				break;
			k = q + 1;
		}
	}
	if (!found) {
		if (wide) {
			/* "A policeman was targeted by unknown gunmen and
			 * killed": the subject of the coordination's first verb */
			if (end >= floor + 4 && w(x, end - 1, W_AND))
				for (size_t j = end - 1; j > floor + 1 && end - j < 12; j--) {
					if (lw_tok_punct(x->t, j - 1, ',') || clause_break(x, j - 1))
						break;
					if (w(x, j - 1, W_WAS) || w(x, j - 1, W_WERE)) {
						if (one_victim_before(x, floor, j - 1, c) ||
						    counts_before(x, floor, j - 1, 0, c))
							return 1;
						break;
					}
				}
			size_t v = victim_end(x, floor, end);
			if (both_victims(x, floor, v, c) || victim_and_kin(x, floor, v, c))
				return 1;
			if (one_victim_before(x, floor, v, c)) {
				/* "A policeman and a civilian were killed": one
				 * more before "and" */
				struct count lead;
				if (c->first > floor + 1 && w(x, c->first - 1, W_AND) &&
				    one_victim_before(x, floor, c->first - 1, &lead) &&
				    lead.end == c->first - 1 && someone_in(x, c->noun_first, c->noun_end) &&
				    someone_in(x, lead.noun_first, lead.noun_end)) {
					c->first = lead.first;
					c->value = 2;
				}
				return 1;
			}
			/* "Two people, who suffered burns in the attack, died" */
			if (v < end && counts_before(x, floor, v, 0, c))
				return 1;
			/* "A party candidate for the council seat in Lahore, Abdul
			 * Ghaffar, was gunned down": the person the apposition
			 * names, however long the phrase before it */
			size_t a = end;
			while (a > floor && w_in(x, a - 1, WS_AUX))
				a--;
			const struct lw_mention *m;
			if (v < a && a > floor + 2 && lw_tok_punct(x->t, a - 1, ',') &&
			    (m = lw_mention_at(x, a - 2)) != NULL && m->type == LW_PERSON &&
			    m->end_tok == a - 1 && m->first_tok > floor &&
			    lw_tok_punct(x->t, m->first_tok - 1, ',') && m->src != LW_MS_PRONOUN) {
				one_count(c, m->first_tok, m->first_tok, m->end_tok);
				return 1;
			}
		}
		/* "shot him dead": one */
		if (end > floor && (w(x, end - 1, W_HIM) || w(x, end - 1, W_HER))) {
			c->first = c->noun_first = (uint32_t)(end - 1);
			c->end = c->noun_end = (uint32_t)end;
			c->value = 1;
			c->approx = 0;
			c->definite = 1;
			c->pronoun = 1;
			return 1;
		}
		/* "a soldier was killed", "an FC soldier was killed": one */
		return a_victim_before(x, floor, end, 1, 5, c);
	}
	/* "The head constable, along with two of his guards, was shot
	 * dead": the one they were along with is counted too */
	int lead_too = 0;
	if (first >= floor + 3 && w(x, first - 1, W_WITH) && w(x, first - 2, W_ALONG)) {
		size_t j = first - 2;
		if (lw_tok_punct(t, j - 1, ','))
			j--;
		struct count lead;
		memset(&lead, 0, sizeof lead);
		size_t from = j > floor + 5 ? j - 5 : floor;
		if (j > floor && ((one_victim_before(x, floor, j, &lead) && lead.end == j) ||
				  (singular_noun(t, j - 1) && someone_in(x, from, j)))) {
			total += 1;
			lead_too = 1;
			first = lead.end == j ? lead.first : first;
		}
	}
	c->first = (uint32_t)first;
	c->end = (uint32_t)(ne > nf ? ne : nf);
	c->value = total;
	c->approx = approx;
	c->noun_first = (uint32_t)nf;
	c->noun_end = (uint32_t)ne;
	c->definite = !lead_too && first > floor &&
		      (w(x, first - 1, W_THE) || w(x, first - 1, W_THESE) ||
		       w(x, first - 1, W_THOSE) || w(x, first - 1, W_BOTH));
	/* "one of the slain men": some of those told before */
	for (size_t j = first + 1; !lead_too && j + 1 < c->end; j++)
		if (w(x, j, W_OF) && w(x, j + 1, W_THE))
			c->definite = 1;
	return 1;
}

/* Words that may stand between a verb and its counted object. */
static int object_filler(const struct lw_extract *x, size_t k)
{
	return w_in(x, k, WS_FILLER);
}

static int singular_noun(const struct lw_text *t, size_t k)
{
	if (k >= t->ntok || t->tok[k].kind != LW_TOK_WORD)
		return 0;
	const lw_token *q = &t->tok[k];
	if ((q->flags & LW_TF_POSSESSIVE) || t->p[q->end - 1] == 's')
		return 0;
	/* plurals without an s: "men", "gunmen", "policemen", "people",
	 * "children" */
	static const char *const plural[] = {"people", "children", "folk"};
	size_t n = q->end - q->start;
	if (n >= 3 && lw_tok_ends(t, k, "men", 2))
		return 0;
	return !lw_tok_in(t, k, plural, sizeof plural / sizeof *plural);
}

/* A person named at k, after at most two words in lower case or titles
 * ("soldier Rashid Khan", "Mullah Abdul Rauf"): one, into *c. */
/* Does a role of a title's kind ("leader", "commander", "spokesman")
 * start at token k? */
static int title_role_at(const struct lw_extract *x, size_t k)
{
	if (!kind_at(x, k, LW_SENSE_ROLE))
		return 0;
	for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
		const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
		if (s->kind == LW_SENSE_ROLE && x->kb->roles[s->id].kind == LW_ROLE_TITLE)
			return 1;
	}
	return 0;
}

static int person_at(const struct lw_extract *x, size_t k, size_t limit, struct count *c)
{
	const struct lw_text *t = x->t;
	size_t j = k;
	int titled = 0;
	while (j < limit && j < k + 2 &&
	       ((t->tok[j].kind == LW_TOK_WORD && (t->tok[j].flags & LW_TF_LOWER) &&
		 x->evw[j] == W_NONE && !kind_at(x, j, LW_SENSE_CASUALTY) &&
		 !kind_at(x, j, LW_SENSE_TRIGGER)) ||
		kind_at(x, j, LW_SENSE_TITLE)))
		titled |= kind_at(x, j++, LW_SENSE_TITLE) != 0;
	/* "killed Taliban leader, Mahjur,": a group's name before the
	 * title, the name in commas after it */
	/* (a title or a role's title: "leader", "commander"; then an
	 * honorific may stand before the name: "Taliban commander Qari X") */
	if (j == k && j + 1 < limit && kind_at(x, j, LW_SENSE_ACTOR) && (t->tok[j].flags & LW_TF_CAP) &&
	    (kind_at(x, j + 1, LW_SENSE_TITLE) || title_role_at(x, j + 1)) &&
	    (t->tok[j + 1].flags & LW_TF_LOWER)) {
		j += 2;
		titled = 1;
		while (j + 1 < limit && j < k + 4 && kind_at(x, j, LW_SENSE_TITLE) && !lw_mention_at(x, j))
			j++;
	}
	if (titled && j + 1 < limit && lw_tok_punct(t, j, ','))
		j++;
	const struct lw_mention *m = j < limit ? lw_mention_at(x, j) : NULL;
	if (!m || m->type != LW_PERSON || m->first_tok != j || m->end_tok > limit ||
	    m->src == LW_MS_PRONOUN)
		return 0;
	c->first = (uint32_t)k;
	c->noun_first = (uint32_t)k;
	c->noun_end = m->end_tok;
	c->end = m->end_tok;
	c->value = 1;
	c->approx = 0;
	c->definite = 0;
	return 1;
}

/* One count phrase at k (the object of a verb): "several insurgents",
 * "a Taliban leader", "the insurgent". */
/* A number and the noun it counts from token k ("several insurgents",
 * "two sons"), into *c; 0 if no count starts at k. */
static int number_count(const struct lw_extract *x, size_t k, size_t limit, struct count *c)
{
	int64_t v;
	int ap;
	size_t e = count_at(x, k, limit, &v, &ap);
	if (!e)
		return 0;
	c->first = (uint32_t)k;
	c->noun_first = (uint32_t)e;
	c->noun_end = (uint32_t)counted_np(x, e, limit);
	c->end = c->noun_end > e ? c->noun_end : (uint32_t)e;
	c->value = v;
	c->approx = ap;
	/* "one of the slain men", "two of the dead": some of those told
	 * before, no more of them */
	if (e + 1 < limit && w(x, e, W_OF) && w(x, e + 1, W_THE))
		c->definite = 1;
	return 1;
}

static int object_count(const struct lw_extract *x, size_t k, size_t limit, struct count *c)
{
	const struct lw_text *t = x->t;
	if (number_count(x, k, limit, c))
		return 1;
	/* "killed Rashid Khan", "killed soldier Rashid Khan": one person,
	 * after at most two words in lower case that name what he was */
	if (person_at(x, k, limit, c))
		return 1;
	/* "shot him dead": one, the person told before */
	if ((w(x, k, W_HIM) || (w(x, k, W_HER) && !(k + 1 < limit &&
						       t->tok[k + 1].kind == LW_TOK_WORD &&
						       (t->tok[k + 1].flags & LW_TF_LOWER)))) ) {
		c->first = (uint32_t)k;
		c->noun_first = (uint32_t)k;
		c->noun_end = (uint32_t)k + 1;
		c->end = c->noun_end;
		c->value = 1;
		c->approx = 0;
		c->definite = 1;
		c->pronoun = 1;
		return 1;
	}
	/* "a suspect", "an insurgent", "another farmer", "the insurgent": one */
	int det = w(x, k, W_A) || w(x, k, W_AN) || w(x, k, W_ANOTHER), def = w(x, k, W_THE);
	if ((det || def) && k + 1 < limit &&
	    (t->tok[k + 1].kind == LW_TOK_WORD ||
	     (t->tok[k + 1].kind == LW_TOK_ABBREV && (t->tok[k + 1].flags & LW_TF_UPPER)))) {
		/* "the targeted individual": a participle that is a trigger
		 * elsewhere describes the noun after it */
		size_t np = k + 1;
		const lw_token *q = &t->tok[np];
		if (kind_at(x, np, LW_SENSE_TRIGGER) && lw_tok_len(q) > 3 &&
		    t->p[q->end - 2] == 'e' && t->p[q->end - 1] == 'd' && np + 1 < limit &&
		    t->tok[np + 1].kind == LW_TOK_WORD && (t->tok[np + 1].flags & LW_TF_LOWER) &&
		    !kind_at(x, np + 1, LW_SENSE_TRIGGER) && !kind_at(x, np + 1, LW_SENSE_CASUALTY))
			np++;
		size_t ne = counted_np(x, np, limit);
		/* the head is before "of": "an official of Frontier Corps" */
		size_t head = np;
		while (head + 1 < ne && !w(x, head + 1, W_OF))
			head++;
		/* "to eliminate the ISIL terrorist group": a body of many is
		 * no one dead */
		static const char *const bodies[] = {
			"group",  "network", "organisation", "organization", "movement", "cell",
			"unit",   "faction", "militia",      "outfit",       "party",    "army",
			"force",  "regime",  "government",   "insurgency",   "threat",   "gang",
			"alliance", "coalition", "front"};
		if (ne == np || !singular_noun(t, head) ||
		    ((t->tok[head].flags & LW_TF_LOWER) &&
		     lw_tok_in(t, head, bodies, sizeof bodies / sizeof *bodies)))
			return 0;
		c->first = (uint32_t)k;
		c->noun_first = (uint32_t)k + 1;
		c->noun_end = (uint32_t)ne;
		c->end = c->noun_end;
		c->value = 1;
		c->approx = 0;
		c->definite = def;
		return 1;
	}
	return 0;
}

/* Kinsmen or companions of the one counted before, from token k: "his
 * two sons" (2), "his driver" (1), "their three children" (3). */
static int kin_count(const struct lw_extract *x, size_t k, size_t limit, struct count *c)
{
	if (!(w(x, k, W_HIS) || w(x, k, W_HER) || w(x, k, W_THEIR)) || k + 1 >= limit)
		return 0;
	if (number_count(x, k + 1, limit, c)) {
		c->first = (uint32_t)k; /* from "his" */
		return 1;
	}
	if (!lw_tok_in(x->t, k + 1, kin_words, sizeof kin_words / sizeof *kin_words))
		return 0;
	one_count(c, k, k + 1, k + 2);
	return 1;
}

/* Things seized, not people taken: "captured weapons", "two militants
 * and a cache of arms". */
static int goods_word(const struct lw_text *t, size_t k)
{
	static const char *const goods[] = {
		"weapons", "arms", "ammunition", "munitions", "vehicles", "vehicle", "rifles",
		"guns", "equipment", "tanks", "explosives", "drugs", "cash", "trucks",
		"motorcycles", "supplies", "documents", "cache", "caches", "stockpile",
		"stockpiles", "quantities", "quantity", "materiel", "hardware", "loot"};
	return lw_tok_in(t, k, goods, sizeof goods / sizeof *goods);
}

/* The count right after a verb, over coordination: "captured a Taliban
 * leader and several associates" is 4. Prepositions end the object. */
static int count_after(const struct lw_extract *x, size_t start, size_t limit, struct count *c)
{
	const struct lw_text *t = x->t;
	size_t k = start;
	/* "also", "another nine"; but "another farmer" is one (object_count) */
	if (!(w(x, k, W_ANOTHER) && k + 1 < limit && singular_noun(t, k + 1) &&
	      !kind_at(x, k + 1, LW_SENSE_NUMBER)))
		while (k < limit && object_filler(x, k))
			k++;
	/* "an additional three" (but "an additional suspect" is one) */
	int64_t v;
	int ap;
	if (k + 2 < limit && w(x, k, W_AN) && w(x, k + 1, W_ADDITIONAL) &&
	    count_at(x, k + 2, limit, &v, &ap))
		k += 2;
	/* ("injured his son": one of kin after "his", "her", "their") */
	if (k >= limit || !(object_count(x, k, limit, c) || (k + 1 < limit && kin_count(x, k, limit, c))))
		return 0;
	/* ", and three others", "and several associates", "along with two
	 * of his associates" */
	for (;;) {
		size_t j = c->end;
		if (j < limit && lw_tok_punct(t, j, ','))
			j++;
		if (j + 1 < limit && w(x, j, W_ALONG) && w(x, j + 1, W_WITH))
			j++;
		else if (!(j < limit && (w(x, j, W_AND) || w(x, j, W_WITH))))
			break;
		struct count more;
		memset(&more, 0, sizeof more);
		if (!object_count(x, j + 1, limit, &more) &&
		    !(j + 2 < limit && kin_count(x, j + 1, limit, &more)))
			break;
		if (more.definite)
			break;
		/* "two militants and a cache of weapons": things, no one more */
		int seized = 0;
		for (size_t g = j + 1; g < limit && g <= more.end; g++)
			seized |= goods_word(t, g);
		if (seized)
			break;
		c->value += more.value;
		c->approx |= more.approx;
		c->end = more.end;
	}
	return 1;
}

/* "the death toll from Monday's bombing in Jalalabad rose to 25": a
 * toll, then its verb of rising a few words on (the words between tell
 * of what), then the count. */
static int toll_count(const struct lw_extract *x, size_t start, size_t limit, struct count *c)
{
	const struct lw_text *t = x->t;
	if (start == 0 || !lw_tok_word(t, start - 1, "toll"))
		return 0;
	for (size_t j = start; j < limit && j < start + 10; j++) {
		if (t->tok[j].kind == LW_TOK_TERM || lw_tok_punct(t, j, ';'))
			return 0;
		if (!word_listed(x, j, LS_ROSE))
			continue;
		size_t k = j + 1;
		if (k < limit && (w(x, k, W_TO) || w(x, k, W_AT)))
			k++;
		return count_after(x, k, limit, c);
	}
	return 0;
}

/* ---- actors ---- */

/* The actor's name: the entity's canonical name where the words say it
 * ("the Tehrik-i-Taliban Pakistan"), else the words themselves ("TTP
 * militants", "he"): the contract grounds a name in its span. The
 * canonical name stays one link away, in the entity (and the store counts
 * the actor under it). */
static lw_str actor_name(const struct lw_extract *x, const struct lw_aref *r)
{
	lw_str name = lw_ent_name(x, &x->ents[r->ent]);
	lw_str words = {x->t->p + r->start, r->end - r->start};
	return lw_shares_word(name.ptr, name.len, words.ptr, words.len) ? name : words;
}

static const struct lw_aref *story_group(const struct lw_extract *x, const struct lw_aref *r);
static int passive_casualty_between(const struct ectx *c, size_t a, size_t b);

static void set_actor(struct ectx *c, lw_event_actor *a, const struct lw_aref *r)
{
	struct lw_extract *x = c->x;
	memset(a, 0, sizeof *a);
	a->present = 1;
	a->entity = -1;
	a->span.start = r->start;
	a->span.end = r->end;
	if (r->ent >= 0 && x->ents[r->ent].id) {
		a->entity = (int32_t)x->ents[r->ent].id;
		a->name = actor_name(x, r);
	} else {
		a->name.ptr = c->t->p + r->start;
		a->name.len = r->end - r->start;
	}
	memcpy(a->code.country, r->country, 4);
	memcpy(a->code.sector, r->sector, 4);
	if (r->ent >= 0 && x->ents[r->ent].has_code) {
		memcpy(a->code.country, x->ents[r->ent].country, 4);
		memcpy(a->code.sector, x->ents[r->ent].sector, 4);
	}
	/* "Al Shabaab said its fighters had planted the bomb", "the army
	 * said its soldiers killed five": the fighters are the owner's, the
	 * first body (not a person) the sentence names before "its" or
	 * "their", its subject ("Al Shabaab, which is allied with al Qaeda,
	 * said its fighters ...") */
	const struct lw_text *t = c->t;
	size_t own = r->first_tok; /* "its fighters" or "its" before the phrase */
	if (!(w(x, own, W_ITS) || w(x, own, W_THEIR)) && own > 0)
		own--;
	if (r->ent < 0 && !r->country[0] && (w(x, own, W_ITS) || w(x, own, W_THEIR))) {
		size_t s0 = t->sent[lw_sentence_of(t, own)].first_token;
		for (size_t i = lw_aref_lower(x, 0, x->naref, s0); i < x->naref; i++) {
			const struct lw_aref *o = &x->aref[i];
			if (o->end_tok > own)
				break;
			if ((o->ent >= 0 && x->ents[o->ent].type == LW_PERSON) ||
			    (o->ent < 0 && (!o->sector[0] || o->kind == LW_AREF_PERSON)))
				continue;
			/* of the owner's kind: "its fighters" of an armed group,
			 * "its soldiers" of an army (not "the police arresting
			 * their relatives") */
			const char *os = o->ent >= 0 && x->ents[o->ent].has_code ? x->ents[o->ent].sector
										   : o->sector;
			if (memcmp(os, r->sector, 4) != 0)
				break;
			if (o->ent >= 0 && x->ents[o->ent].id)
				a->entity = (int32_t)x->ents[o->ent].id;
			memcpy(a->code.country, o->country, 4);
			memcpy(a->code.sector, o->sector, 4);
			if (o->ent >= 0 && x->ents[o->ent].has_code) {
				memcpy(a->code.country, x->ents[o->ent].country, 4);
				memcpy(a->code.sector, x->ents[o->ent].sector, 4);
			}
			break;
		}
	}
	/* "Al-Shabaab fighters stormed a base ... The militants detonated a
	 * car bomb": the story's militants, insurgents or rebels are the
	 * armed group it names before them, where it names one only
	 * (story_group) */
	const struct lw_aref *g;
	if (r->ent < 0 && r->kind == LW_AREF_ROLE && r->plural && !r->country[0] &&
	    code_is(r->sector, "REB") && r->first_tok > 0 && w(x, r->first_tok - 1, W_THE) &&
	    !w(x, r->end_tok, W_OF) && (g = story_group(x, r)) != NULL) {
		a->entity = (int32_t)x->ents[g->ent].id;
		memcpy(a->code.country, x->ents[g->ent].country, 4);
		memcpy(a->code.sector, x->ents[g->ent].sector, 4);
	}
}

/* The armed group the story names before the phrase r, in its sentence
 * or the three before (a coded entity), when it names one only: not one
 * named in an aside on another ("Al-Shabaab, which is linked to
 * al-Qaeda,": Al-Shabaab), and none where two are named ("a revival of
 * al-Shabaab and Boko Haram"). NULL if none. */
static const struct lw_aref *story_group(const struct lw_extract *x, const struct lw_aref *r)
{
	const struct lw_text *t = x->t;
	size_t sr = lw_sentence_of(t, r->first_tok);
	const struct lw_aref *found = NULL;
	for (size_t i = (size_t)(r - x->aref); i-- > 0;) {
		const struct lw_aref *o = &x->aref[i];
		if (sr - lw_sentence_of(t, o->first_tok) > 3)
			break;
		if (o->ent < 0 || !x->ents[o->ent].has_code || !x->ents[o->ent].armed ||
		    !code_is(x->ents[o->ent].sector, "REB"))
			continue;
		/* the group the aside hangs on: the armed group right before
		 * the aside's comma, in the sentence */
		size_t s0 = t->sent[lw_sentence_of(t, o->first_tok)].first_token;
		for (size_t j = i; j-- > 0 && x->aref[j].first_tok >= s0;) {
			const struct lw_aref *p = &x->aref[j];
			if (p->ent < 0 || !x->ents[p->ent].armed || p->ent == o->ent)
				continue;
			if (lw_tok_punct(t, p->end_tok, ',') && o->first_tok - p->end_tok < 8)
				o = p;
			break;
		}
		if (found && found->ent != o->ent)
			return NULL;
		found = o;
	}
	return found;
}

/* The same of all the document's actor phrases; for a token of the
 * current sentence (most asks) only the sentence's phrases are searched:
 * the answer lies among them or right after them. */
static inline size_t aref_lower(const struct ectx *c, size_t k)
{
	/* the sentence's first phrase: the search's answer for its first
	 * token, known (most asks are of a window from there) */
	if (k == c->sent_first && k <= c->sent_end)
		return c->aref_first;
	if (k >= c->sent_first && k <= c->sent_end)
		return lw_aref_lower(c->x, c->aref_first, c->aref_end, k);
	return lw_aref_lower(c->x, 0, c->x->naref, k);
}

static size_t pref_lower(const struct lw_extract *x, size_t k)
{
	size_t lo = 0, hi = x->npref;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (x->pref[mid].first_tok < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The actor phrase (aref) that ends last before token k in [floor, k). */
/* Is the actor phrase inside a quotation ("struck 'military control
 * points'")? Words quoted are said, not the doers of what is told around
 * them (the events stage never takes a trigger inside one either). */
static inline int quoted(const struct lw_extract *x, const struct lw_aref *r)
{
	return x->in_quote && x->in_quote[r->first_tok];
}

static const struct lw_aref *aref_before(struct ectx *c, size_t floor, size_t k)
{
	const struct lw_extract *x = c->x;
	const struct lw_aref *best = NULL;
	for (size_t i = aref_lower(c, floor); i < x->naref; i++) {
		const struct lw_aref *r = &x->aref[i];
		if (r->first_tok >= k)
			break;
		if (r->end_tok <= k && (!best || r->end_tok > best->end_tok) && !quoted(x, r))
			best = r;
	}
	return best;
}

static const struct lw_aref *aref_after(struct ectx *c, size_t k, size_t limit)
{
	const struct lw_extract *x = c->x;
	/* never past the sentence (sentences are contiguous: a token of the
	 * current one needs no search) */
	if (k < x->t->ntok) {
		size_t s1 = k >= c->sent_first && k < c->sent_end
				    ? c->sent_end
				    : x->t->sent[lw_sentence_of(x->t, k)].end_token;
		if (limit > s1)
			limit = s1;
	}
	size_t i = aref_lower(c, k);
	while (i < x->naref && x->aref[i].first_tok < limit && quoted(x, &x->aref[i]))
		i++;
	if (i < x->naref && x->aref[i].first_tok < limit)
		return &x->aref[i];
	return NULL;
}

/* The actor phrase after "by" from token from, before limit: not past a
 * comma ("were killed by shelling, the U.N. said", "by a roadside bomb,
 * police said": who tells of it is no agent). */
static const struct lw_aref *by_agent(struct ectx *c, size_t from, size_t limit)
{
	const struct lw_text *t = c->t;
	for (size_t j = from; j < limit && j < t->ntok; j++)
		if (lw_tok_punct(t, j, ',') || lw_tok_punct(t, j, ';')) {
			limit = j;
			break;
		}
	return aref_after(c, from, limit);
}

/* An actor phrase covering token k (a counted noun: "two soldiers"). */
static const struct lw_aref *aref_in(struct ectx *c, size_t a, size_t b)
{
	const struct lw_extract *x = c->x;
	for (size_t i = aref_lower(c, a); i < x->naref; i++) {
		const struct lw_aref *r = &x->aref[i];
		if (r->first_tok >= b)
			break;
		if (r->end_tok <= b)
			return r;
	}
	return NULL;
}

/* A pronoun subject ("he was killed"): the person it points to. */
static int pronoun_actor(struct ectx *c, size_t k, lw_event_actor *a)
{
	const struct lw_text *t = c->t;
	struct lw_extract *x = c->x;
	if (!(w(x, k, W_HE) || w(x, k, W_SHE)))
		return 0;
	for (size_t j = k; j-- > 0 && k - j < 300;) {
		const struct lw_mention *m = lw_mention_at(x, j);
		if (m && m->type == LW_PERSON && m->src != LW_MS_PRONOUN) {
			struct lw_aref r;
			memset(&r, 0, sizeof r);
			r.start = t->tok[k].start;
			r.end = t->tok[k].end;
			r.first_tok = (uint32_t)k;
			r.end_tok = (uint32_t)k + 1;
			r.ent = (int32_t)m->ent;
			set_actor(c, a, &r);
			return 1;
		}
	}
	return 0;
}

/* The actor "they" at token k points to: the nearest actor phrase before
 * it in its sentence that opens a clause (at the sentence's start, after
 * a comma, or after "after", "when", "though", "although", "while", "as",
 * "because", "since", "before", "where", an article between); NULL if
 * there is none. The event names it by its own words. "Though the police
 * held back on Friday, on Saturday they arrested 14 students": the
 * police; "after troops took fire from militants, they requested
 * support": the troops. */
static const struct lw_aref *they_subject(struct ectx *c, size_t s0, size_t k)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	static const char *const opens[] = {"after", "when", "though", "although", "while", "as",
					    "because", "since", "before", "where", "once", "until"};
	size_t hi = k;
	for (int tries = 0; tries < 6; tries++) {
		const struct lw_aref *r = aref_before(c, s0, hi);
		if (!r)
			return NULL;
		size_t f = r->first_tok;
		if (f > s0 && w_in(x, f - 1, WS_DET))
			f--;
		if (f == s0 || lw_tok_punct(t, f - 1, ',') ||
		    lw_tok_in(t, f - 1, opens, sizeof opens / sizeof *opens))
			return r;
		hi = r->first_tok;
	}
	return NULL;
}

static int is_passive(const struct lw_extract *x, const struct trig *tr, size_t floor)
{
	if (tr->kt->flags & LW_TRF_SUBJECT_TARGET)
		return 1;
	if (!(tr->sense->form & LW_FORM_PAST) || (tr->kt->flags & LW_TRF_NOUN))
		return 0;
	for (size_t k = tr->first; k > floor && tr->first - k < 3; k--) {
		if (!w_in(x, k - 1, WS_PASSIVE))
			continue;
		/* "had been arrested and accused of plotting" is passive, but
		 * "said 485 people had been arrested and accused the
		 * organisers" has the verb after "and" take an object */
		if (k < tr->first && w(x, tr->first - 1, W_AND) && tr->end < x->t->ntok &&
		    w_in(x, tr->end, WS_DET))
			return 0;
		return 1;
	}
	return 0;
}

/* The extent of the trigger's clause: [a, b). */
static void clause_of(const struct lw_extract *x, size_t s0, size_t s1, size_t k, size_t *a,
		      size_t *b)
{
	/* clause_break on the sentence's tokens, whose flags are all known */
	*a = lw_flag_prev(x->evf, s0, k, LW_EVF_BREAK);
	while (*a > s0 && lw_tok_plural_possessive(x->t, *a - 1))
		*a = lw_flag_prev(x->evf, s0, *a - 1, LW_EVF_BREAK);
	*b = lw_flag_next(x->evf, k, s1, LW_EVF_BREAK);
	while (*b < s1 && lw_tok_plural_possessive(x->t, *b))
		*b = lw_flag_next(x->evf, *b + 1, s1, LW_EVF_BREAK);
}

/* Is token k a word of a third party's part ("brokered", "backed",
 * "mediated", "sponsored")? */
static int third_party_word(const struct lw_text *t, size_t k)
{
	static const char *const third[] = {"brokered", "mediated", "backed", "sponsored",
					    "negotiated", "funded", "supported", "allied"};
	/* (the word alone, or the end of a compound: "Qatari-brokered",
	 * "-backed" after "U.S.") */
	if (k >= t->ntok || !(t->tok[k].flags & (LW_TF_LOWER | LW_TF_CAP)))
		return 0;
	const char *p = t->p + t->tok[k].start;
	size_t n = lw_tok_len(&t->tok[k]);
	for (size_t i = 0; i < sizeof third / sizeof *third; i++) {
		size_t m = strlen(third[i]);
		if (n >= m && strncasecmp(p + n - m, third[i], m) == 0 && (n == m || p[n - m - 1] == '-'))
			return 1;
	}
	return 0;
}

/* A country or its adjective right before a noun trigger ("a US drone
 * strike", "Russian air strikes", "the Pakistani shelling"): an actor
 * phrase for that country's military. */
static int state_before(struct ectx *c, size_t k, size_t floor, struct lw_aref *r)
{
	struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	if (k == floor)
		return 0;
	size_t j = k - 1;
	/* "US military drone strike", "US Drone strike": one word between,
	 * in lower case or a capitalised word that names nothing */
	/* (not a broker or a backer: "a U.S.-brokered ceasefire", "an
	 * Iranian-backed militia's attack" are not theirs) */
	if (third_party_word(t, j))
		return 0;
	if (j > floor && !w(x, j, W_THE) && !w(x, j, W_A) &&
	    ((t->tok[j].flags & LW_TF_LOWER) ||
	     (t->tok[j].kind == LW_TOK_WORD && (t->tok[j].flags & LW_TF_CAP) && !x->cover[j] &&
	      !lw_ann_find(x, j, LW_SENSE_DEMONYM))))
		j--;
	if (!(t->tok[j].flags & (LW_TF_CAP | LW_TF_UPPER)))
		return 0;
	char a3[4] = "";
	int32_t ent = -1;
	const struct lw_ann *d = lw_ann_find(x, j, LW_SENSE_DEMONYM);
	const struct lw_mention *m = lw_mention_at(x, j);
	if (m && m->type == LW_PLACE && m->end_tok == j + 1 &&
	    x->ents[m->ent].place != UINT32_MAX &&
	    c->kb->places[x->ents[m->ent].place].kind == LW_PK_COUNTRY) {
		memcpy(a3, c->kb->places[x->ents[m->ent].place].country, 4);
	} else if (d && d->end_tok == j + 1) {
		memcpy(a3, c->kb->countries[lw_ann_sense(x, d)->id].a3, 4);
	}
	if (!a3[0])
		return 0;
	memset(r, 0, sizeof *r);
	r->start = m ? m->start : t->tok[j].start;
	r->end = m ? m->end : t->tok[j].end;
	r->first_tok = m ? m->first_tok : (uint32_t)j;
	r->end_tok = (uint32_t)j + 1;
	r->ent = ent;
	memcpy(r->country, a3, 4);
	memcpy(r->sector, "MIL", 4);
	r->kind = LW_AREF_ROLE;
	return 1;
}

/* Is the word right before the trigger a noun that names no actor, after
 * its article ("a classmate detained", "the boy wounded")? */
static int bare_noun_before(const struct ectx *c, const struct trig *tr, size_t floor)
{
	const struct lw_extract *x = c->x;
	size_t p = tr->first;
	return p > floor + 1 && c->t->tok[p - 1].kind == LW_TOK_WORD &&
	       (c->t->tok[p - 1].flags & LW_TF_LOWER) &&
	       (w(x, p - 2, W_A) || w(x, p - 2, W_AN) || w(x, p - 2, W_THE) || w(x, p - 2, W_HIS) ||
		w(x, p - 2, W_HER) || w(x, p - 2, W_THEIR)) &&
	       !w_in(x, p - 1, WS_AUX) && !w_in(x, p - 1, WS_PASSIVE) &&
	       !kind_at(x, p - 1, LW_SENSE_TRIGGER) && !kind_at(x, p - 1, LW_SENSE_CUE) &&
	       !kind_at(x, p - 1, LW_SENSE_ROLE) && !lw_mention_at(x, p - 1);
}

/*
 * A participle with no auxiliary, right after the actor it happened to and
 * before a preposition or the clause's end: the passive of headlines and
 * short reports ("13-year-old girl killed after shelling", "two soldiers
 * wounded in blast"). "Militants killed five soldiers" has an object and
 * stays active; so does "killed at least ...".
 */
static int headline_passive(struct ectx *c, const struct trig *tr, size_t floor, size_t s1)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	/* a verb of harm done to someone: not "clashed", "opened fire",
	 * "died"; of more than one word, one whose victim is its passive's
	 * subject ("shot dead", "gunned down", "stabbed to death") */
	if (!(tr->sense->form & LW_FORM_PAST) ||
	    (tr->kt->flags & (LW_TRF_NOUN | LW_TRF_MUTUAL | LW_TRF_SUBJECT_TARGET)) ||
	    (tr->end != tr->first + 1 && !(tr->kt->flags & LW_TRF_PASSIVE_TARGET)) ||
	    (tr->kt->type != 15 && tr->kt->type != 14))
		return 0;
	size_t k = tr->end;
	int ends = k >= s1 || t->tok[k].kind == LW_TOK_TERM ||
		   (t->tok[k].kind == LW_TOK_PUNCT && t->p[t->tok[k].start] == ',');
	/* "Six rebels killed and two wounded due to shelling": the
	 * hurt of the same deed told after "and" */
	int and_hurt = 0;
	if (!ends && w(x, k, W_AND) && k + 2 < s1 &&
	    (kind_at(x, k + 1, LW_SENSE_NUMBER) || t->tok[k + 1].kind == LW_TOK_NUMBER))
		for (size_t j = k + 2; j < s1 && j <= k + 3 && !and_hurt; j++)
			and_hurt = kind_at(x, j, LW_SENSE_CASUALTY);
	/* "killed as many as 13 people": a count of the object, not "as" of a
	 * time ("wounded as their vehicle hit a mine") */
	int as_when = w(x, k, W_AS) && !(k + 1 < s1 && (lw_tok_is(t, k + 1, "many") ||
							lw_tok_is(t, k + 1, "much")));
	/* "Twenty students abducted from a school ... were freed", "the
	 * three men arrested on Monday were charged": a participle cut short
	 * of its relative clause, before where or when, whose sentence's own
	 * verb comes after it (an auxiliary or a verb of deed); "Police
	 * arrested on Monday a man" has none, and stays active */
	int cut_short = 0;
	/* (not "killed at least 30 people", a count; nor a verb after "and",
	 * the same subject's: "killed 30 people in X and looted homes") */
	if (!ends && word_listed(x, k, LS_WHENCE) &&
	    !(w(x, k, W_AT) && k + 1 < s1 && (lw_tok_is(t, k + 1, "least") || lw_tok_is(t, k + 1, "most"))))
		for (size_t j = k + 1; j < s1 && j < k + 14 && !cut_short; j++) {
			if (t->tok[j].kind == LW_TOK_PUNCT && t->p[t->tok[j].start] == ',')
				break; /* (a clause of its own after the comma) */
			/* an auxiliary, or a verb of a deed in the past (a trigger
			 * in "-ed" not after "and") */
			cut_short = w_in(x, j, WS_AUX) || w(x, j, W_HAVE) || w(x, j, W_HAD) ||
				    (kind_at(x, j, LW_SENSE_TRIGGER) && (t->tok[j].flags & LW_TF_LOWER) &&
				     lw_tok_ends(t, j, "ed", 3) && !w(x, j - 1, W_AND));
		}
	if (!ends && !and_hurt && !cut_short && !w(x, k, W_IN) && !w(x, k, W_AFTER) &&
	    !w(x, k, W_DURING) && !w(x, k, W_BY) && !as_when && !w(x, k, W_NEAR) &&
	    !lw_tok_is(t, k, "due"))
		return 0;
	/* "Three injured in shelling": a bare count is its victims too */
	size_t p = tr->first;
	if (p > floor && (t->tok[p].flags & LW_TF_LOWER) &&
	    (kind_at(x, p - 1, LW_SENSE_NUMBER) || t->tok[p - 1].kind == LW_TOK_NUMBER) &&
	    (p - 1 == floor || !(t->tok[p - 2].kind == LW_TOK_WORD && (t->tok[p - 2].flags & LW_TF_LOWER) &&
				  !w(x, p - 2, W_AND))))
		return 1;
	const struct lw_aref *r = aref_before(c, floor, tr->first);
	if (r && r->end_tok == tr->first)
		return 1;
	/* "the release of a classmate detained by soldiers": a noun that
	 * names no actor, and an agent after "by" */
	return w(x, k, W_BY) && bare_noun_before(c, tr, floor);
}

/*
 * A verb of reaction between an actor and a noun trigger: "the bar
 * association condemned the arrest", "students protested the killing":
 * the actor is the verb's subject, not the agent of the event the noun
 * names. Reactions are the triggers of ACCUSE, REJECT and PROTEST used as
 * active verbs; not REQUEST ("the patrol called for air strikes" is the
 * patrol's), nor the passive "a leader accused of IED attacks", whose
 * subject is the accused.
 */
static int reacts_between(const struct ectx *c, size_t a, size_t b)
{
	const struct lw_extract *x = c->x;
	for (size_t i = 0; i < c->ntrigs; i++) {
		const struct trig *o = &c->trigs[i];
		if (o->first < a || o->first >= b || (o->kt->flags & LW_TRF_NOUN))
			continue;
		int ty = o->kt->type;
		if (ty != 8 && ty != 9 && ty != 11)
			continue;
		if (w(x, o->end, W_OF) || w(x, o->end, W_FOR) ||
		    (o->first > 0 && (w(x, o->first - 1, W_IS) || w(x, o->first - 1, W_WAS) ||
				      w(x, o->first - 1, W_ARE) || w(x, o->first - 1, W_WERE) ||
				      w(x, o->first - 1, W_BEEN))))
			continue;
		return 1;
	}
	return 0;
}

static int background(const struct lw_extract *x, size_t s0, size_t k, int verb);

/* "The government imposed a curfew after clashes", "the army deployed
 * troops following the ambush": a noun after "after", "following" or
 * "amid", behind another event's verb of the clause (which starts at a):
 * the phrases before are that verb's subject or object, not the noun's
 * agent. */
static int after_other_deed(const struct ectx *c, size_t a, const struct trig *tr)
{
	const struct lw_extract *x = c->x;
	size_t p = tr->first;
	if (p > a && w_in(x, p - 1, WS_DET))
		p--;
	if (p <= a || !(w(x, p - 1, W_AFTER) || lw_tok_word(c->t, p - 1, "following") ||
			lw_tok_word(c->t, p - 1, "amid")))
		return 0;
	for (size_t i = 0; i < c->ntrigs; i++) {
		const struct trig *o = &c->trigs[i];
		if (o->first >= a && o->first < p && !(o->kt->flags & LW_TRF_NOUN) &&
		    o->kt->type != tr->kt->type)
			return 1;
	}
	return 0;
}

/* Does a deed's noun and its "of" stand right before token v, after token
 * a: "the killing of (a) civilian", "the arrest of"? (an attack or a
 * coercion: ASSAULT, COERCE) */
static int deed_before(const struct ectx *c, size_t a, size_t v)
{
	const struct lw_extract *x = c->x;
	if (v < a + 2)
		return 0;
	size_t o = v - 1;
	/* "of a", "of the two", "of 12" */
	for (int n = 0; n < 3 && o > a &&
			(w_in(x, o, WS_DET) || x->t->tok[o].kind == LW_TOK_NUMBER ||
			 kind_at(x, o, LW_SENSE_NUMBER) || kind_at(x, o, LW_SENSE_APPROX));
	     n++)
		o--;
	if (o <= a || !w(x, o, W_OF))
		return 0;
	for (size_t k = o > a + 3 ? o - 3 : a; k < o; k++)
		for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
			const struct lw_ann *an = &x->ann[j];
			const struct lw_kb_sense *sn = lw_ann_sense(x, an);
			if (an->end_tok == o && sn->kind == LW_SENSE_TRIGGER &&
			    (c->kb->triggers[sn->id].type == 14 || c->kb->triggers[sn->id].type == 15))
				return 1;
		}
	return 0;
}

/* An arrest between a and b: "police arrested five suspects in
 * connection with a bombing" (the arresters did not bomb). */
static int arrests_between(const struct ectx *c, size_t a, size_t b)
{
	for (size_t i = 0; i < c->ntrigs; i++) {
		const struct trig *o = &c->trigs[i];
		if (o->first < a || o->first >= b || (o->kt->flags & LW_TRF_NOUN) || o->kt->type != 14)
			continue;
		/* "activists were arrested after staging a protest": they did */
		if (o->first > 0 && (w(c->x, o->first - 1, W_WAS) || w(c->x, o->first - 1, W_WERE) ||
				     w(c->x, o->first - 1, W_BEEN) || w(c->x, o->first - 1, W_IS) ||
				     w(c->x, o->first - 1, W_ARE)))
			continue;
		const struct lw_kb_trigger *kt = o->kt;
		if (mode_is(c->kb, kt, "arrest"))
			return 1;
	}
	return 0;
}

/*
 * The actor phrase before token k that can be its agent: not the building
 * or post the sentence puts someone at ("assembled outside the Quetta
 * Press Club to protest", "held a sit-in right in front of the Punjab Assembly
 * against ..."), which is where, not who; the phrase before it is.
 */
/* Is r a part of a whole told before it ("militants, including two
 * commanders", "15 people (including two children)")? The token the
 * whole ends at, before "including" and its comma or bracket; 0 if not. */
static size_t part_of_whole(struct ectx *c, size_t floor, const struct lw_aref *r)
{
	const struct lw_text *t = c->t;
	size_t j = r->first_tok;
	while (j > floor && r->first_tok - j < 6 && !w(c->x, j - 1, W_INCLUDING) &&
	       (t->tok[j - 1].kind == LW_TOK_NUMBER || (t->tok[j - 1].flags & LW_TF_LOWER)))
		j--;
	if (!(j > floor + 1 && w(c->x, j - 1, W_INCLUDING)))
		return 0;
	size_t p = j - 1;
	if (lw_tok_punct(t, p - 1, ',') || lw_tok_punct(t, p - 1, '('))
		p--;
	return p;
}

/* The actor of a part and its whole, which ends at token p
 * (part_of_whole): a named part ("two militants, including a TTP
 * commander") or one of a sector among people of none ("ten people,
 * including three policemen"), which tell more than the whole; else the
 * whole ("15 people, including two children"), or the part when the
 * whole is no actor phrase ("four others (including civilians)"). */
static const struct lw_aref *whole_of(struct ectx *c, size_t floor, const struct lw_aref *part,
				      size_t p)
{
	if (part->ent >= 0)
		return part;
	const struct lw_aref *whole = aref_before(c, floor, p);
	if (!whole || whole->end_tok != p)
		return part;
	/* "ten people, including three policemen": the people are anyone,
	 * the policemen the forces among them */
	if ((!whole->sector[0] || code_is(whole->sector, "CVL")) && part->sector[0] &&
	    !code_is(part->sector, "CVL"))
		return part;
	return whole;
}

/* "Jihadists linked to al Qaeda attacked", "a hired killer linked to the
 * MQM was killed", "farmers belonging to the KRRS": the group a phrase is
 * tied to describes it; the phrase before is the one who acts or is hit.
 * r itself when it is tied to nothing, or when an armed group's own
 * fighters belong to it: "militants belonging to the TTP" are the TTP. */
static const struct lw_aref *tied_head(struct ectx *c, size_t floor, const struct lw_aref *r)
{
	const struct lw_extract *x = c->x;
	static const char *const tied[] = {"linked", "affiliated", "allied", "loyal", "tied",
					   "aligned", "close", "belonging"};
	if (!r)
		return r;
	size_t j = r->first_tok; /* "linked to the MQM" */
	if (j > floor && w_in(x, j - 1, WS_DET))
		j--;
	if (j > floor + 2 && (w(x, j - 1, W_TO) || w(x, j - 1, W_WITH)) &&
	    lw_tok_in(c->t, j - 2, tied, sizeof tied / sizeof *tied)) {
		const struct lw_aref *h = aref_before(c, floor, j - 2);
		static const char *const belong[] = {"belonging"};
		if (h && h->end_tok == j - 2 &&
		    !(lw_tok_in(c->t, j - 2, belong, 1) && code_is(r->sector, "REB") &&
		      (code_is(h->sector, "REB") || code_is(h->sector, "UAF"))))
			return h;
	}
	/* "Somali forces, backed by AU troops, retook the base", "fighters
	 * led by a local commander": the ones backed or led act, not their
	 * backers (set off by commas or not) */
	static const char *const helped[] = {"backed", "supported", "aided", "assisted",
					     "accompanied", "escorted", "flanked", "reinforced",
					     "led", "helped", "joined"};
	/* (over words that describe: "led by a former army officer") */
	size_t b = r->first_tok;
	while (b > floor + 1 && r->first_tok - b < 3 && !w(x, b - 1, W_BY) &&
	       c->t->tok[b - 1].kind == LW_TOK_WORD && (c->t->tok[b - 1].flags & LW_TF_LOWER))
		b--;
	j = b;
	if (j > floor + 2 && w(x, j - 1, W_BY) &&
	    lw_tok_in(c->t, j - 2, helped, sizeof helped / sizeof *helped)) {
		size_t e = j - 2;
		if (e > floor + 1 && lw_tok_punct(c->t, e - 1, ','))
			e--;
		const struct lw_aref *h = aref_before(c, floor, e);
		if (h && h->end_tok == e)
			return h;
	}
	return r;
}

static size_t set_before(const struct lw_extract *x, size_t s0, size_t k);
static int body_trigger(const struct lw_text *t, size_t first, size_t end);

/*
 * "Relatives of a driver shot dead by police blocked the road": the agent
 * after "by" of a participle with no auxiliary before it (a relative
 * clause cut short) is the participle's; the verb after it has the subject
 * before the participle. The phrase before the participle's first token,
 * or r when r is no such agent.
 */
static const struct lw_aref *past_reduced_agent(struct ectx *c, size_t floor, size_t k,
						const struct lw_aref *r)
{
	const struct lw_extract *x = c->x;
	if (!r || r->first_tok < floor + 2)
		return r;
	size_t by = r->first_tok - 1;
	if (w(x, by, W_THE) && by > floor)
		by--;
	/* (or under whom: "police deployed under a UN-backed mission
	 * exchanged fire") */
	else if (w_in(x, by, WS_DET) && by > floor && lw_tok_is(c->t, by - 1, "under"))
		by--;
	if (lw_tok_is(c->t, by, "under")) {
		/* (a participle of any verb: "deployed" is no event there,
		 * trigger_ok) */
		size_t p = by - 1;
		if (by > floor + 1 && (c->t->tok[p].flags & LW_TF_LOWER) && lw_tok_ends(c->t, p, "ed", 3) &&
		    !w_in(x, p - 1, WS_PASSIVE)) {
			const struct lw_aref *h = aref_before(c, floor, p);
			if (h && h->end_tok == p)
				return tied_head(c, floor, h);
		}
		return r;
	}
	if (!w(x, by, W_BY))
		return r;
	for (size_t i = 0; i < c->ntrigs; i++) {
		const struct trig *o = &c->trigs[i];
		if (o->end != by || o->first <= floor + 1 || o->first >= k ||
		    !(o->sense->form & LW_FORM_PAST) || (o->kt->flags & LW_TRF_NOUN) ||
		    w_in(x, o->first - 1, WS_PASSIVE))
			continue;
		return tied_head(c, floor, aref_before(c, floor, o->first));
	}
	return r;
}

/* Is there a verb of saying in [a, k) ("The rebels said the strikes were a
 * massacre", "Police said two men were killed")? An actor before it is
 * the speaker, not who did the deed told after it (where the clause has
 * its own subject, "X said it killed ...", that is nearer). Claims,
 * announcements and denials are left to the actor: "the TTP claimed the
 * attack", "the ministry announced the release of ...". */
static int said_between(const struct lw_extract *x, size_t a, size_t k)
{
	static const char *const saying[] = {"said", "says", "say", "told", "tells", "added"};
	int said = 0;
	for (size_t j = a; j < k; j++) {
		/* (not "are said to have conspired": the subject's own deed) */
		if (kind_at(x, j, LW_SENSE_CUE) && (x->t->tok[j].flags & LW_TF_LOWER) &&
		    lw_tok_in(x->t, j, saying, sizeof saying / sizeof *saying) &&
		    !(j + 1 < x->t->ntok && w(x, j + 1, W_TO)))
			said = 1;
		/* "Police said they arrested five men", "the army said its
		 * aircraft bombed convoys": the speaker again */
		else if (said && (w(x, j, W_THEY) || w(x, j, W_IT) || w(x, j, W_HE) ||
				  w(x, j, W_SHE) || w(x, j, W_WE) || w(x, j, W_ITS) || w(x, j, W_THEIR)))
			return 0;
	}
	return said;
}

/* Are the words [a, k) before a verb at k a subject pronoun and its
 * auxiliaries ("it had", "they have", "he"): the noun before them the
 * verb's object ("two officers it had kidnapped")? */
static int object_relative(const struct lw_extract *x, size_t a, size_t k)
{
	if (a >= k || !(w(x, a, W_IT) || w(x, a, W_THEY) || w(x, a, W_HE) || w(x, a, W_SHE) ||
			 w(x, a, W_WE)))
		return 0;
	for (size_t j = a + 1; j < k; j++)
		if (!(w_in(x, j, WS_AUX) || w(x, j, W_HAD) || w(x, j, W_HAS) || w(x, j, W_HAVE)))
			return 0;
	/* with an auxiliary, or "it" (not "told the police they refused",
	 * a clause of its own) */
	return k > a + 1 || w(x, a, W_IT);
}

/* The first token of the verb at k with its auxiliaries ("has fought",
 * "had also attacked"), not before token a. */
static size_t verb_start(const struct lw_extract *x, size_t a, size_t k)
{
	while (k > a && (w_in(x, k - 1, WS_AUX) || w(x, k - 1, W_HAS) || w(x, k - 1, W_HAVE) ||
			 w(x, k - 1, W_HAD) || w_in(x, k - 1, WS_FILLER)))
		k--;
	return k;
}

/*
 * "they had pursued the gunmen and killed six of them", "said it backed
 * the students and called a general strike": the phrase src right before
 * "and" (at token at - 1, "at" the verb after it) is the object of a verb
 * before it (an article or a possessive between), even of one that codes
 * no event, so the verb after "and" shares that verb's subject. Returns
 * that subject, or NULL where it is a pronoun set into the event's source
 * (pronoun_actor), or src where none is found; *them is src when replaced
 * ("six of them" are of it).
 */
static const struct lw_aref *and_object_subject(struct ectx *c, struct ev *e, size_t at, size_t s0,
					       size_t floor, const struct lw_aref *src,
					       const struct lw_aref **them)
{
	const struct lw_extract *x = c->x;
	if (src->end_tok + 1 != at || at <= s0 + 3 || !w(x, at - 1, W_AND))
		return src;
	/* (past an article and a possessive: "overpowered the school's
	 * guards and shot dead the vice principal") */
	size_t v = src->first_tok;
	while (v > s0 + 1 && src->first_tok - v < 4) {
		if (w_in(x, v - 1, WS_DET))
			v--;
		else if ((c->t->tok[v - 1].flags & LW_TF_POSSESSIVE) && v > s0 + 3 &&
			 (c->t->tok[v - 2].flags & LW_TF_LOWER) && w_in(x, v - 3, WS_DET))
			v -= 3;
		else
			break;
	}
	if (v == src->first_tok || v <= s0 + 1 || !(c->t->tok[v - 1].flags & LW_TF_LOWER) ||
	    !lw_tok_ends(c->t, v - 1, "ed", 4))
		return src;
	size_t p = verb_start(x, s0, v - 1);
	const struct lw_aref *subj = NULL;
	int pron = p > s0 && (w(x, p - 1, W_THEY) || w(x, p - 1, W_WE) || w(x, p - 1, W_IT));
	/* ("the party said it backed ...": who said it) */
	if (pron && p > s0 + 2 && kind_at(x, p - 2, LW_SENSE_CUE) && (c->t->tok[p - 2].flags & LW_TF_LOWER))
		subj = aref_before(c, floor, p - 2);
	else if (pron)
		subj = they_subject(c, s0, p - 1);
	else if ((subj = aref_before(c, floor, p)) != NULL && subj->end_tok != p)
		subj = NULL;
	/* (past an aside: "The attackers, who arrived on motorcycles,
	 * overpowered the guards") */
	if (!subj && !pron && p > s0 + 3 && lw_tok_punct(c->t, p - 1, ','))
		for (size_t q = p - 1; q > s0 + 1 && p - q < 12; q--)
			if (lw_tok_punct(c->t, q - 1, ',')) {
				if (w(x, q, W_WHO) || w(x, q, W_WHICH)) {
					const struct lw_aref *r = aref_before(c, floor, q - 1);
					subj = r && r->end_tok == q - 1 ? r : NULL;
				}
				break;
			}
	if (subj && subj != src) {
		*them = src;
		return subj;
	}
	if (!subj && p > s0 && pronoun_actor(c, p - 1, &e->out.source))
		return NULL;
	return src;
}

/* Does the cue at k open a clause that src is in, before the trigger
 * at end: "said in a statement that ...", "said the RSF had besieged"
 * (src its subject, a verb after it); not "questioned Israel's
 * commitment", whose object src is? */
static int told_clause(const struct lw_extract *x, size_t k, const struct lw_aref *src, size_t end)
{
	for (size_t j = k + 1; j < src->first_tok && j < k + 7; j++)
		if (w(x, j, W_THAT))
			return 1;
	size_t f = k + 1;
	if (f < src->first_tok && w_in(x, f, WS_DET))
		f++;
	if (f != src->first_tok || src->end_tok >= end)
		return 0;
	size_t v = src->end_tok;
	return w_in(x, v, WS_AUX) || w(x, v, W_HAD) || w(x, v, W_HAS) || w(x, v, W_HAVE) ||
	       ((x->t->tok[v].flags & LW_TF_LOWER) && lw_tok_ends(x->t, v, "ed", 3));
}

/* Do the words [j, k) start no clause of their own: a place's phrase
 * ("near the town's market"), a list of deeds ("a district chief,
 * killed one insurgent"), but no relative word, "when", auxiliary or
 * telling ("a commander who was accused of plotting")? */
static int no_clause_between(const struct lw_extract *x, size_t j, size_t k)
{
	if (j > k || k - j > 12)
		return 0;
	for (size_t i = j; i < k; i++)
		if ((x->t->tok[i].kind != LW_TOK_WORD && !lw_tok_punct(x->t, i, ',')) || w(x, i, W_WHO) ||
		    w(x, i, W_WHICH) || w(x, i, W_THAT) || w(x, i, W_WHOSE) || w(x, i, W_WHEN) ||
		    w_in(x, i, WS_AUX) ||
		    kind_at(x, i, LW_SENSE_CUE))
			return 0;
	return 1;
}

/*
 * "said in a statement that three of the dead were farmers, not fighters,
 * and accused the army of murdering them": the phrase src before "and" is
 * what a copula's subject was, never the subject of the verb after "and".
 * That verb's subject is the sayer of the clause the copula is in, else
 * the copula's subject (NULL where none is an actor).
 */
static const struct lw_aref *complement_subject(struct ectx *c, size_t s0, size_t floor,
						const struct lw_aref *src)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	size_t q = src->first_tok;
	/* (back over the complement's words: no preposition, "were taken
	 * to the police station" is a passive's) */
	while (q > s0 + 1 && src->first_tok - q < 6 && !w_in(x, q - 1, WS_AUX) &&
	       (lw_tok_punct(t, q - 1, ',') ||
		((t->tok[q - 1].flags & LW_TF_LOWER) && !kind_at(x, q - 1, LW_SENSE_TRIGGER) &&
		 !kind_at(x, q - 1, LW_SENSE_CUE) && !w(x, q - 1, W_AND) && !w_in(x, q - 1, WS_PREP_PART) &&
		 !w_in(x, q - 1, WS_PLACE_PREP) && !w(x, q - 1, W_WITH))))
		q--;
	/* (a copula, not a passive's auxiliary: "were farmers", not "were
	 * killed") */
	if (q <= s0 + 1 || !w_in(x, q - 1, WS_AUX) || w(x, q - 1, W_BEEN) || lw_tok_ends(t, q, "ed", 3) ||
	    lw_tok_ends(t, q, "ing", 4))
		return src;
	q--;
	int cued = 0;
	for (size_t k = q; k > s0 + 1 && q - k < 12 && !lw_tok_punct(t, k - 1, ','); k--)
		if (kind_at(x, k - 1, LW_SENSE_CUE) && (t->tok[k - 1].flags & LW_TF_LOWER)) {
			const struct lw_aref *r = aref_before(c, s0, k - 1);
			if (r && r->end_tok == k - 1)
				return r;
			cued = 1;
		}
	if (cued)
		return NULL;
	const struct lw_aref *r = aref_before(c, floor, q);
	return r && r->end_tok == q && r != src ? r : NULL;
}

static int noun_trigger_at(const struct ectx *c, size_t k);

static const struct lw_aref *agent_before(struct ectx *c, size_t floor, size_t k)
{
	const struct lw_extract *x = c->x;
	/* "told the BBC the militants were behind the attack": who was
	 * behind it, not who was told */
	size_t b = k > floor && w_in(x, k - 1, WS_DET) ? k - 1 : k;
	if (b > floor + 2 && lw_tok_is(c->t, b - 1, "behind") && w_in(x, b - 2, WS_AUX)) {
		const struct lw_aref *h = aref_before(c, floor, b - 2);
		if (h && h->end_tok == b - 2)
			return tied_head(c, floor, h);
	}
	const struct lw_aref *r = tied_head(c, floor, aref_before(c, floor, k));
	r = past_reduced_agent(c, floor, k, r);
	/* "Somali forces and local clan militias recaptured two villages":
	 * of a subject of two, the one named first leads (ACLED's actor 1);
	 * but not the object of a verb before ("killed two militants and
	 * police arrested five") */
	size_t conj = r ? r->first_tok : 0;
	while (conj > floor + 2 && r->first_tok - conj < 2 && (c->t->tok[conj - 1].flags & LW_TF_LOWER) &&
	       !w(x, conj - 1, W_AND) && !w_in(x, conj - 1, WS_DET) && !kind_at(x, conj - 1, LW_SENSE_TRIGGER))
		conj--; /* "and local clan militias" */
	/* (past an article after "and": "Soldiers and the police
	 * arrested") */
	if (r && conj == r->first_tok && conj > floor + 2 && w_in(x, conj - 1, WS_DET) && w(x, conj - 2, W_AND) &&
	    !noun_trigger_at(c, k))
		conj--;
	/* (the phrase before the verb may be what the second is of:
	 * "Malian soldiers and Russian mercenaries of the Africa Corps
	 * killed") */
	const struct lw_aref *of = NULL;
	if (r && conj > floor + 3 && !w(x, conj - 1, W_AND)) {
		size_t o = conj - 1;
		if (w_in(x, o, WS_DET) && o > floor + 2)
			o--;
		if (w(x, o, W_OF) && (of = aref_before(c, floor, o)) != NULL && of->end_tok == o &&
		    of->first_tok > floor + 1 && w(x, of->first_tok - 1, W_AND))
			conj = of->first_tok;
		else
			of = NULL;
	}
	if (r && !c->mutual && conj > floor + 1 && r->end_tok == verb_start(x, r->end_tok, k) &&
	    w(x, conj - 1, W_AND)) {
		const struct lw_aref *h = aref_before(c, floor, conj - 1);
		int verb = 0;
		for (size_t j = floor; h && j < h->first_tok && !verb; j++)
			verb = kind_at(x, j, LW_SENSE_TRIGGER) || kind_at(x, j, LW_SENSE_CUE);
		/* (past "of", a first phrase with a country or a name of
		 * its own: "cadres and backers of the PPP" are both the
		 * MQM's) */
		if (h && h->end_tok == conj - 1 && !verb && h->kind != LW_AREF_PERSON &&
		    r->kind != LW_AREF_PERSON && (!of || h->country[0] || h->ent >= 0))
			r = h;
	}
	/* "X said security forces had shown restraint and blamed Y": a
	 * verb of speech after "and", past words said whose subject is the
	 * phrase before it, is the sayer's */
	static const char *const saying[] = {"said", "says", "told"};
	if (r && !c->deed && k > floor + 1 && w(x, k - 1, W_AND) && r->first_tok > floor + 1) {
		size_t q = r->first_tok - 1;
		/* (past the count: "said 485 people had been arrested and
		 * accused the organisers") */
		while (q > floor + 1 && r->first_tok - q < 3 &&
		       (c->t->tok[q].kind == LW_TOK_NUMBER || kind_at(x, q, LW_SENSE_NUMBER) ||
			w_in(x, q, WS_DET)))
			q--;
		if (w(x, q, W_THAT) && q > floor + 1)
			q--;
		if ((c->t->tok[q].flags & LW_TF_LOWER) && kind_at(x, q, LW_SENSE_CUE) &&
		    lw_tok_in(c->t, q, saying, sizeof saying / sizeof *saying)) {
			const struct lw_aref *h = aref_before(c, floor, q);
			/* (after an apposition: "The minister, Daniel Oketch,
			 * said") */
			if (h && (h->end_tok == q || (h->end_tok + 1 == q && lw_tok_punct(c->t, h->end_tok, ','))))
				return tied_head(c, floor, h);
		}
	}
	/* "a source told Reuters the agency carried out the strike": the
	 * one told is not who did what it was told */
	static const char *const told[] = {"told", "tells", "telling", "informed"};
	size_t tk = r && r->first_tok > floor
			    ? r->first_tok - (r->first_tok > floor + 1 && w(x, r->first_tok - 1, W_THE) ? 2 : 1)
			    : 0;
	/* (their first letters and length first: the word before most
	 * agents, "the", "to", is none) */
	static _Atomic uint32_t told_initials;
	if (r && r->first_tok > floor && lw_tok_len(&c->t->tok[tk]) >= 4 &&
	    lw_tok_initial(c->t, tk, lw_list_initials(told, sizeof told / sizeof *told, &told_initials)) &&
	    lw_tok_in(c->t, tk, told, sizeof told / sizeof *told)) {
		if (c->deed)
			return NULL;
		/* "The minister told reporters he had met the rebels": the
		 * teller, when a pronoun after the one told opens the clause
		 * (no one else is named there) */
		size_t p = r->end_tok;
		if (p < k && w(x, p, W_THAT))
			p++;
		if (p < k && (w(x, p, W_HE) || w(x, p, W_SHE) || w(x, p, W_IT) || w(x, p, W_THEY) ||
			      w(x, p, W_WE) || w(x, p, W_I))) {
			const struct lw_aref *teller =
				tk > c->sent_first ? aref_before(c, c->sent_first, tk) : NULL;
			return teller && teller->end_tok + 2 >= tk ? teller : NULL;
		}
		return NULL;
	}
	if (r && c->deed && said_between(x, r->end_tok, k))
		return NULL;
	/* "two officers it had kidnapped": the one the deed was done to,
	 * before its doer's pronoun (an object relative clause) */
	if (r && c->deed && object_relative(x, r->end_tok, k))
		return NULL;
	while (r) {
		/* "outside the", "outside the local", "in front of the" */
		int where = 0;
		for (size_t j = r->first_tok; j > floor && r->first_tok - j < 3 && !where; j--) {
			where = w(x, j - 1, W_OUTSIDE) || w(x, j - 1, W_INSIDE) ||
				w(x, j - 1, W_NEAR) || w(x, j - 1, W_OPPOSITE) ||
				w(x, j - 1, W_INFRONT) ||
				(w(x, j - 1, W_OF) && j >= 2 &&
				 (w(x, j - 2, W_FRONT) || w(x, j - 2, W_INFRONT)));
			if (!(c->t->tok[j - 1].flags & LW_TF_LOWER))
				break;
		}
		if (!where)
			break;
		r = aref_before(c, floor, r->first_tok);
	}
	/* "militants, including two commanders, attacked": the whole the
	 * part belongs to (whole_of); "15 others (including two civilians)
	 * were injured when a bomb ...": no one (nor is the whole an agent
	 * when it was hit) */
	size_t part;
	if (r && (part = part_of_whole(c, floor, r)) != 0) {
		r = whole_of(c, floor, r, part);
		for (size_t q = part; r && q < k; q++)
			if (kind_at(x, q, LW_SENSE_CASUALTY))
				r = NULL;
	}
	/* "Thousands of supporters of former prime minister Imran Khan
	 * clashed": the people the phrase is about, not whose they are */
	if (r && r->first_tok > floor + 1) {
		size_t j = r->first_tok;
		while (j > floor + 1 && r->first_tok - j < 4 && (c->t->tok[j - 1].flags & LW_TF_LOWER) &&
		       !w(x, j - 1, W_OF) && !w(x, j - 1, W_AT) && !w(x, j - 1, W_FROM) &&
		       c->t->tok[j - 1].kind == LW_TOK_WORD)
			j--;
		/* "workers at the National Bank", "staff from the hospital":
		 * the same, where the organisation is not the state's (whose
		 * men act for it: "troops from the army") */
		int at = (w(x, j - 1, W_AT) || w(x, j - 1, W_FROM)) &&
			 !code_is(r->sector, "MIL") && !code_is(r->sector, "COP") &&
			 !code_is(r->sector, "GOV");
		/* (and not the hurt: "18 students at the college were
		 * wounded in a clash with police") */
		for (size_t q = r->end_tok; at && q < k; q++)
			at = !kind_at(x, q, LW_SENSE_CASUALTY);
		if (w(x, j - 1, W_OF) || at) {
			const struct lw_aref *h = aref_before(c, floor, j - 1);
			/* but "activists of the Sindh National Party": a
			 * party's, a movement's or an armed group's members
			 * act for it, and so do the activists or cadres of
			 * an organisation no dictionary codes */
			int acts_for = r->ent >= 0 &&
				       (code_is(r->sector, "PTY") || code_is(r->sector, "REB") ||
					code_is(r->sector, "OPP") ||
					(!r->sector[0] && h && (code_is(h->sector, "OPP") || code_is(h->sector, "REB") ||
								 code_is(h->sector, "PTY"))));
			/* (plural: "workers", or the collective "staff") */
			if (h && h->end_tok == j - 1 && h->kind == LW_AREF_ROLE && !acts_for &&
			    (h->plural || lw_tok_is(c->t, j - 2, "staff"))) {
				/* the people of an organisation of one country are
				 * of that country: "students at the Lahore
				 * University" are Pakistani students */
				if (at && !h->country[0] && r->country[0])
					memcpy(c->x->aref[h - x->aref].country, r->country, 4);
				r = h;
			}
		}
	}
	/* "JNIM, the Sahel branch of al-Qaeda, claimed the attack": the
	 * group before the apposition is the subject, not the one in it */
	/* (and "JNIM, al-Qaeda's affiliate in the Sahel, claimed it": the
	 * apposition opened by another's possessive) */
	int owner = r && r->end_tok < k && k - r->end_tok < 9 && lw_tok_punct(c->t, k - 1, ',') &&
		    ((c->t->tok[r->end_tok - 1].flags | c->t->tok[r->end_tok].flags) & LW_TF_POSSESSIVE) &&
		    r->first_tok > floor + 1 &&
		    lw_tok_punct(c->t, r->first_tok - 1, ',');
	/* (or a noun after the group ends the apposition: "Al-Shabaab, an
	 * al-Qaeda affiliate, attacked") */
	size_t close = r ? r->end_tok : 0;
	while (r && close < k && close < r->end_tok + 2 && (c->t->tok[close].flags & LW_TF_LOWER) &&
	       !kind_at(x, close, LW_SENSE_TRIGGER) && !w_in(x, close, WS_FILLER) && !w(x, close, W_AND))
		close++;
	if (r && close < k && (lw_tok_punct(c->t, close, ',') || owner)) {
		size_t j = r->first_tok;
		while (j > floor && k - j < 14 && !lw_tok_punct(c->t, j - 1, ','))
			j--;
		/* (or a relative clause: "Al-Shabaab, which is linked to
		 * al-Qaeda, claimed the attack") */
		/* (or one cut short: "Kenyan police, deployed under a
		 * UN-backed mission, exchanged fire") */
		if (j > floor + 1 && lw_tok_punct(c->t, j - 1, ',') &&
		    (w_in(x, j, WS_DET) || owner ||
		     ((w(x, j, W_WHICH) || w(x, j, W_WHO) ||
		       ((c->t->tok[j].flags & LW_TF_LOWER) && lw_tok_ends(c->t, j, "ed", 3))) &&
		      lw_tok_punct(c->t, verb_start(x, j, k) - 1, ',')))) {
			/* (past its acronym's bracket: "... wal-Muslimin (JNIM), ...") */
			size_t e = j - 1;
			if (e > floor + 1 && lw_tok_punct(c->t, e - 1, ')'))
				e--;
			const struct lw_aref *s = aref_before(c, floor, e);
			if (s && s->end_tok == e)
				r = s;
		}
	}
	/* "Security forces killed all four attackers and rescued dozens of
	 * guests": the object of the verb before "and" does not do the
	 * second verb; the first verb's subject does */
	/* (where and when between: "stormed a school in Kuriga on March 7
	 * and seized 280 pupils") */
	if (r && r->end_tok < k && (k - r->end_tok <= 3 || (k - r->end_tok <= 10 && w(x, k - 1, W_AND)))) {
		const struct lw_text *t = c->t;
		int and = 0, only = 1;
		for (size_t j = r->end_tok; j < k && only; j++) {
			and |= w(x, j, W_AND);
			only = w(x, j, W_AND) || lw_tok_punct(t, j, ',') || w_in(x, j, WS_FILLER) ||
			       (k - r->end_tok > 3 &&
				(w(x, j, W_IN) || w(x, j, W_ON) || w(x, j, W_AT) || w(x, j, W_NEAR) ||
				 t->tok[j].kind == LW_TOK_NUMBER ||
				 (t->tok[j].kind == LW_TOK_WORD && (t->tok[j].flags & LW_TF_CAP))));
		}
		for (size_t j = r->first_tok; and && only && j > floor && r->first_tok - j <= 4; j--) {
			if ((kind_at(x, j - 1, LW_SENSE_TRIGGER) || kind_at(x, j - 1, LW_SENSE_CASUALTY)) &&
			    (t->tok[j - 1].flags & LW_TF_LOWER)) {
				const struct lw_aref *s = aref_before(c, floor, j - 1);
				if (s)
					r = s;
				break;
			}
			if (!(t->tok[j - 1].flags & LW_TF_LOWER) && t->tok[j - 1].kind != LW_TOK_NUMBER)
				break;
		}
	}
	return r;
}

/* Tokens of a protest's subject that protest_subject reads, at most. */
#define PROTEST_NP 7

/* Does token k end a phrase before it: the sentence's start, punctuation
 * that opens a clause? */
static int phrase_edge(const struct lw_text *t, size_t k, size_t s0)
{
	if (k <= s0)
		return 1;
	const lw_token *p = &t->tok[k - 1];
	if (p->kind == LW_TOK_QUOTE && k >= s0 + 2 && !(p->flags & LW_TF_SPACE_BEFORE) &&
	    t->tok[k - 2].kind == LW_TOK_WORD && (t->p[p->start - 1] | 0x20) == 's')
		return 0; /* a plural's apostrophe: "the Pensioners' Association" */
	return p->kind == LW_TOK_PUNCT || p->kind == LW_TOK_QUOTE;
}

/* A word that opens or joins clauses, or a verb that helps another, which
 * no noun phrase holds ("while", "cannot", "should", "didn't"). */
static int clause_word(const struct lw_text *t, size_t k)
{
	static const char *const words[] = {"while", "when", "whereas", "although", "though",
					    "because", "unless", "until", "cannot", "should",
					    "must", "shall", "does", "do", "where", "why"};
	const lw_token *q = &t->tok[k];
	size_t n = q->end - q->start;
	if (n > 3 && memcmp(t->p + q->end - 3, "n't", 3) == 0)
		return 1;
	if (n > 5 && memcmp(t->p + q->end - 5, "n\xe2\x80\x99t", 5) == 0)
		return 1;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (lw_tok_is(t, k, words[i]))
			return 1;
	return 0;
}

/* Does token `first` open no subject phrase (that ends at `last`): a
 * preposition, a conjunction or an adverb in -ly before more words ("In
 * Birgunj enforcers ...", "And some ...", "As scores of ...", "along with
 * others", "reportedly hundreds ...")? */
static int no_subject_opens(const struct lw_extract *x, size_t first, size_t last)
{
	const struct lw_text *t = x->t;
	if ((t->tok[first].flags & LW_TF_LOWER) && first < last && lw_tok_ends(t, first, "ly", 3))
		return 1;
	return w_in(x, first, WS_PLACE_PREP) || clause_word(t, first) || w(x, first, W_AND) ||
	       w(x, first, W_BUT) || w(x, first, W_OR) || w(x, first, W_AS) || w(x, first, W_IF) ||
	       w(x, first, W_AFTER) || w(x, first, W_SINCE) || w(x, first, W_ALONG) ||
	       w(x, first, W_WITH);
}

/*
 * The people who protest, named by words no dictionary knows: the noun
 * phrase that opens the clause of "X protested" or "X staged (held,
 * organised, took out...) a protest" ("Gas consumers held a
 * demonstration", "Members of the public staged a protest", "Leprosy
 * patients staged a demonstration"), from the sentence's start or a comma,
 * of at most PROTEST_NP tokens, ending in a word that is no function word
 * nor pronoun, with a word in lower case: civilians (---CVL) by its words,
 * or the actor phrase inside it ("Members of the PPP"). Not a verb that
 * says ("protested that"), nor a passive ("shops were vandalised"). 1 if
 * found: *inside, or the phrase in *out.
 */
static int protest_subject(struct ectx *c, const struct trig *tr, size_t s0,
			   struct lw_aref *out, const struct lw_aref **inside)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = x->t;
	size_t v = tr->first;
	*inside = NULL;
	if (!(tr->kt->flags & LW_TRF_NOUN)) {
		/* a verb in the past or in -ing ("protested", "were protesting"):
		 * a base form is as often a noun ("an apartment block") or
		 * after a modal ("cannot block"); and "demonstrated that",
		 * "protested that" say */
		if (tr->end != tr->first + 1 || w(x, tr->end, W_THAT) ||
		    !(lw_tok_ends(t, tr->first, "ed", 4) || lw_tok_ends(t, tr->first, "ing", 5)))
			return 0;
	}
	if (tr->kt->flags & LW_TRF_NOUN) {
		/* "staged a peaceful protest", "took out a rally" */
		size_t j = v;
		while (j > s0 && v - j < 3 && !w_in(x, j - 1, WS_HOLD) && t->tok[j - 1].kind == LW_TOK_WORD &&
		       (t->tok[j - 1].flags & LW_TF_LOWER))
			j--;
		if (j == s0 || !w_in(x, j - 1, WS_HOLD))
			return 0;
		v = j - 1;
	} else if (v > s0 && w(x, v - 1, W_TO)) {
		/* "gathered together to protest" */
		size_t j = v - 1;
		while (j > s0 && v - j < 4 && !w_in(x, j - 1, WS_HOLD))
			j--;
		if (j == s0 || !w_in(x, j - 1, WS_HOLD))
			return 0;
		v = j - 1;
	}
	/* "were protesting", "have staged"; but "shops were vandalised" is
	 * what was done to them */
	size_t verb = v;
	while (v > s0 && (w_in(x, v - 1, WS_PASSIVE) || w(x, v - 1, W_HAVE) || w(x, v - 1, W_HAD) ||
			  w(x, v - 1, W_HAS) || w(x, v - 1, W_ALSO))) {
		if (w_in(x, v - 1, WS_PASSIVE) && !lw_tok_ends(t, verb, "ing", 3))
			return 0;
		v--;
	}
	if (v == s0)
		return 0;
	size_t last = v - 1, first = v;
	if (t->tok[last].kind != LW_TOK_WORD || x->evw[last] != W_NONE)
		return 0; /* "... of", "they", "who": no noun ends there */
	while (first > s0 && !phrase_edge(t, first, s0) && v - first < PROTEST_NP) {
		size_t k = first - 1;
		if (t->tok[k].kind == LW_TOK_QUOTE) {
			first = k; /* a plural's apostrophe (phrase_edge) */
			continue;
		}
		if (t->tok[k].kind != LW_TOK_WORD || kind_at(x, k, LW_SENSE_CUE) ||
		    kind_at(x, k, LW_SENSE_TRIGGER) || w_in(x, k, WS_BEFORE_VERB) ||
		    w_in(x, k, WS_PASSIVE) || w(x, k, W_THAT) || w(x, k, W_BUT) || w(x, k, W_HAD) ||
		    w(x, k, W_HAS) || w(x, k, W_HAVE) || w(x, k, W_WHOSE) || clause_word(t, k))
			return 0;
		first = k;
	}
	if (!phrase_edge(t, first, s0))
		return 0; /* the phrase goes on: not the clause's opening */
	if (no_subject_opens(x, first, last))
		return 0;
	while (first < last && (w(x, first, W_THE) || w(x, first, W_A) || w(x, first, W_AN)))
		first++;
	/* a date is no part of it: "the union on Tuesday protested" */
	for (size_t k = first + 1; k <= last; k++)
		if (lw_calendar_name(t, k) || lw_tok_is(t, k, "today") || lw_tok_is(t, k, "yesterday") ||
		    lw_tok_is(t, k, "tonight") || lw_tok_is(t, k, "overnight")) {
			last = k - 1;
			if (last > first && (w(x, last, W_ON) || w(x, last, W_IN) || w(x, last, W_THIS)))
				last--;
			break;
		}
	if (t->tok[last].kind != LW_TOK_WORD || x->evw[last] != W_NONE ||
	    kind_at(x, last, LW_SENSE_NUMBER))
		return 0; /* "about a dozen": a count, no one named */
	/* a common noun in it: names alone ("Sanders held a rally", "Israel
	 * blocks") are the entity stage's to know */
	size_t k = first;
	while (k <= last && !(t->tok[k].flags & LW_TF_LOWER))
		k++;
	if (k > last)
		return 0;
	/* a named actor inside ("Members of the PPP") */
	for (size_t i = aref_lower(c, first); i < x->naref && x->aref[i].first_tok <= last; i++)
		if (x->aref[i].end_tok <= v) {
			*inside = &x->aref[i];
			return 1;
		}
	memset(out, 0, sizeof *out);
	out->start = t->tok[first].start;
	out->end = t->tok[last].end;
	out->first_tok = (uint32_t)first;
	out->end_tok = (uint32_t)last + 1;
	out->ent = -1;
	memcpy(out->sector, "CVL", 4);
	out->kind = LW_AREF_ROLE;
	out->plural = 1;
	return 1;
}

/*
 * The protests that are told with no people the dictionaries name get
 * their subject (protest_subject: "Gas consumers held a demonstration"),
 * once every rule that weighs, merges and drops events has weighed them
 * as they were: the fallback names who protested, and changes no event.
 */
static void protest_subjects(struct ectx *c)
{
	const struct lw_text *t = c->t;
	for (size_t i = 0; i < c->nev; i++) {
		struct ev *e = &c->ev[i];
		if (e->dropped || e->type != 11 || e->out.source.present || !e->kt || !t->nsent)
			continue;
		struct trig tr = {e->tfirst, e->tend, e->kt, NULL};
		size_t s0 = t->sent[lw_sentence_of(t, tr.first)].first_token;
		struct lw_aref np;
		const struct lw_aref *named;
		if (!protest_subject(c, &tr, s0, &np, &named))
			continue;
		const lw_event_actor *tg = &e->out.target;
		uint32_t start = named ? named->start : np.start, end = named ? named->end : np.end;
		if (tg->present && tg->span.start < end && tg->span.end > start)
			continue; /* whom they protested against */
		set_actor(c, &e->out.source, named ? named : &np);
	}
}

static int mode_rank(const struct lw_kb *kb, const struct lw_kb_trigger *t);

/* Is the object after token k, past an article and two words, a speech
 * act's noun ("the criticism", "the latest allegations")? */
static int speech_object(const struct ectx *c, size_t k, size_t s1)
{
	const struct lw_extract *x = c->x;
	if (k < s1 && w_in(x, k, WS_DET))
		k++;
	for (size_t j = k; j < s1 && j < k + 3; j++) {
		if (c->t->tok[j].kind != LW_TOK_WORD)
			return 0;
		if (!kind_at(x, j, LW_SENSE_TRIGGER))
			continue;
		for (size_t i = x->ann_at[j]; i < x->nann && x->ann[i].first_tok == j; i++) {
			const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[i]);
			if (s->kind == LW_SENSE_TRIGGER &&
			    (c->kb->triggers[s->id].flags & (LW_TRF_NOUN | LW_TRF_SPEECH)) ==
				    (LW_TRF_NOUN | LW_TRF_SPEECH))
				return 1;
		}
		return 0;
	}
	return 0;
}

/* Does the weak verb kt, of rejecting or asking (REJECT 9, REQUEST 7),
 * answer or ask for a speech act's noun after it (token k): "dismissed
 * the criticism", "sought his endorsement"? Then it is firm. */
static int answers_speech(const struct ectx *c, const struct lw_kb_trigger *kt, size_t k, size_t s1)
{
	return (kt->type == 9 || kt->type == 7) && (kt->flags & LW_TRF_SPEECH) &&
	       !(kt->flags & LW_TRF_NOUN) && speech_object(c, k, s1);
}

/* The aircraft or drone the phrase names (an ASSAULT trigger marked
 * instrument) whose mode ranks highest, or NULL. */
static const struct lw_kb_trigger *instrument_in(const struct ectx *c, const struct lw_aref *r)
{
	const struct lw_extract *x = c->x;
	const struct lw_kb_trigger *best = NULL;
	int best_rank = -1;
	for (size_t k = r->first_tok; k < r->end_tok; k++) {
		if (!kind_at(x, k, LW_SENSE_TRIGGER))
			continue;
		for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
			const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
			if (s->kind != LW_SENSE_TRIGGER)
				continue;
			const struct lw_kb_trigger *kt = &c->kb->triggers[s->id];
			if (!(kt->flags & LW_TRF_INSTRUMENT) || kt->type != 15)
				continue;
			int rank = mode_rank(c->kb, kt);
			if (rank > best_rank) {
				best = kt;
				best_rank = rank;
			}
		}
	}
	return best;
}

/* "Helicopter gunships pounded hideouts": an attack's source that names
 * the aircraft or drones it was made with gives the attack their manner
 * (the instrument alone is no event without a casualty word, but as the
 * one who struck it says how). */
static void instrument_manner(struct ectx *c, struct ev *e, const struct lw_aref *src)
{
	const struct lw_kb_trigger *kt = instrument_in(c, src);
	if (!kt)
		return;
	if (e->mode_rank < 0)
		e->mode_rank = e->kt ? mode_rank(c->kb, e->kt) : 0;
	int r = mode_rank(c->kb, kt);
	if (r > e->mode_rank) {
		e->mode_rank = r;
		e->kt = kt;
	}
}

/* A verb of telling ("said", "told") in [a, b): "Police said the blast
 * ...". */
static int tells_between(const struct lw_extract *x, size_t a, size_t b)
{
	static const char *const tell[] = {"said", "says", "told", "tells", "added",
					   "stated", "reported", "confirmed"};
	for (size_t k = a; k < b; k++)
		if (kind_at(x, k, LW_SENSE_CUE) && lw_tok_in(x->t, k, tell, sizeof tell / sizeof *tell))
			return 1;
	return 0;
}

/* An attribution ("said", "told", "according to") between tokens a and
 * b, after a comma (", said Captain X", ", the army said"). */
static int cue_between(const struct lw_extract *x, size_t a, size_t b)
{
	static const char *const tell[] = {"said", "says", "told", "tells", "added",
					   "stated", "according"};
	for (size_t k = a + 1; k < b; k++)
		if (kind_at(x, k, LW_SENSE_CUE) && lw_tok_in(x->t, k, tell, sizeof tell / sizeof *tell) &&
		    (x->t->tok[k - 1].kind == LW_TOK_PUNCT ||
		     (k >= a + 2 && x->t->tok[k - 2].kind == LW_TOK_PUNCT)))
			return 1;
	return 0;
}

/* "volunteers fighting alongside the army", "men working for the
 * company": the phrase before a participle and its preposition, when r is
 * that preposition's object; else r. */
static const struct lw_aref *described_head(struct ectx *c, size_t floor, const struct lw_aref *r)
{
	static const char *const preps[] = {"alongside", "with", "for", "against", "in", "near"};
	const struct lw_text *t = c->t;
	size_t k = r->first_tok;
	if (k > floor && w_in(c->x, k - 1, WS_DET))
		k--;
	if (k < floor + 3 || !lw_tok_in(t, k - 1, preps, sizeof preps / sizeof *preps) ||
	    !(t->tok[k - 2].flags & LW_TF_LOWER) || !lw_tok_ends(t, k - 2, "ing", 3))
		return r;
	const struct lw_aref *h = aref_before(c, floor, k - 2);
	return h && h->end_tok == k - 2 ? h : r;
}

/* Are the words [first, end) the subject of an attribution that closes
 * the sentence: "..., killing nine people, the state prosecutor's office
 * said"? A comma before them, past an article and up to six words that
 * modify them ("the Guanajuato state prosecutor", "Syria's official
 * news agency SANA"), and a telling verb within six words after them or
 * after their office ("'s office said", "spokesman
 * told", "'s defence force said"). */
static int attribution_words(const struct ectx *c, size_t first, size_t end)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	size_t f = first;
	for (int k = 0; k < 6 && f > 1 && t->tok[f - 1].kind == LW_TOK_WORD &&
			!kind_at(x, f - 1, LW_SENSE_TRIGGER);
	     k++)
		f--;
	if (f == 0 || !lw_tok_punct(t, f - 1, ','))
		return 0;
	if (cue_between(x, f - 1, end + 2))
		return 1;
	for (size_t k = end; k < t->ntok && k < end + 6; k++) {
		if (tells_between(x, k, k + 1))
			return 1;
		/* (an initial, "Sundarraj P. told"; the plural's apostrophe,
		 * "the Prisoners' Society said") */
		int word = t->tok[k].kind == LW_TOK_WORD || t->tok[k].kind == LW_TOK_ABBREV ||
			   (k == end && t->tok[k].kind == LW_TOK_QUOTE &&
			    (t->tok[k].flags & LW_TF_QUOTE_SINGLE) && lw_tok_ends(t, k - 1, "s", 1));
		if (!word || kind_at(x, k, LW_SENSE_TRIGGER))
			return 0;
	}
	return 0;
}

/* "between Pakistani and Indian troops": the demonym at token j, before
 * "and" and the phrase `side` of the same kind, is the other state's
 * forces of that kind: into r. */
static int demonym_side(struct ectx *c, size_t j, const struct lw_aref *side, struct lw_aref *r)
{
	const struct lw_extract *x = c->x;
	const struct lw_ann *d = lw_ann_find(x, j, LW_SENSE_DEMONYM);
	if (!d || d->end_tok != j + 1 || !side->country[0] || !side->sector[0] ||
	    side->kind != LW_AREF_ROLE)
		return 0;
	const char *a3 = c->kb->countries[lw_ann_sense(x, d)->id].a3;
	if (memcmp(a3, side->country, 3) == 0)
		return 0;
	memset(r, 0, sizeof *r);
	r->start = c->t->tok[j].start;
	r->end = c->t->tok[j].end;
	r->first_tok = (uint32_t)j;
	r->end_tok = (uint32_t)j + 1;
	r->ent = -1;
	memcpy(r->country, a3, 4);
	memcpy(r->sector, side->sector, 4);
	r->kind = LW_AREF_ROLE;
	r->plural = side->plural;
	return 1;
}

/* "Four villagers died in firefights", "two children were killed during
 * clashes": the phrase r is the subject of a word of the dead or injured
 * right after it (or after its apposition), and that word is followed by
 * a preposition or the
 * clause's end, not an object ("militants killed five soldiers in an
 * ambush"): the victims of the fight, not its agent. */
static int victim_subject(const struct ectx *c, const struct lw_aref *r, size_t k)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	size_t j = r->end_tok;
	/* "Sgt. X, 42, of Kalbrook, died ...": past an apposition of a
	 * part or three between commas */
	for (int part = 0; part < 3 && j < k && lw_tok_punct(t, j, ',') &&
			   !kind_at(x, j + 1, LW_SENSE_CASUALTY);
	     part++) {
		size_t q = j + 1;
		while (q < k && q < j + 10 && !lw_tok_punct(t, q, ','))
			q++;
		if (q >= k || !lw_tok_punct(t, q, ','))
			break;
		j = q;
	}
	if (j < k && lw_tok_punct(t, j, ',') && j != r->end_tok)
		j++;
	/* "A passenger train was damaged in a bomb blast", "sustained
	 * minor damage in the blast": what the deed harmed. First the
	 * deed's "in", "during" or "by" a word or three before it (most
	 * deeds have none), then a verb of damage after the thing's noun
	 * and the auxiliaries */
	size_t in = k;
	while (in > j && k - in < 4 && !w(x, in - 1, W_IN) && !w(x, in - 1, W_DURING) &&
	       !w(x, in - 1, W_BY))
		in--;
	if (in > j + 1 && k - in < 4) {
		static const char *const harmed[] = {"damaged", "destroyed", "gutted",
						     "wrecked", "sustained", "suffered"};
		size_t h = j;
		while (h + 1 < in && h < j + 4 &&
		       (w_in(x, h, WS_AUX) || w(x, h, W_HAD) || w(x, h, W_HAS) || w(x, h, W_HAVE) ||
			(h < j + 2 && t->tok[h].kind == LW_TOK_WORD && (t->tok[h].flags & LW_TF_LOWER) &&
			 x->evw[h] == W_NONE && !kind_at(x, h, LW_SENSE_TRIGGER) &&
			 !lw_tok_ends(t, h, "ed", 4))))
			h++;
		if (h + 1 < in && in - h < 5 && lw_tok_ends(t, h, "ed", 6) &&
		    lw_tok_in(t, h, harmed, sizeof harmed / sizeof *harmed))
			return 1;
	}
	if (j >= k || !kind_at(x, j, LW_SENSE_CASUALTY))
		return 0;
	for (size_t i = x->ann_at[j]; i < x->nann && x->ann[i].first_tok == j; i++) {
		const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[i]);
		if (s->kind != LW_SENSE_CASUALTY || s->value != LW_CPOS_AFTER ||
		    (s->sub != LW_ROLE_DEAD && s->sub != LW_ROLE_INJURED))
			continue;
		size_t e = x->ann[i].end_tok;
		/* "died Nov. 24 in northern Syria": past a date of a month */
		if (e + 1 < k && month_at(t, e) && t->tok[e + 1].kind == LW_TOK_NUMBER)
			e += 2;
		/* "died of injuries suffered in ...", "died on Monday ...",
		 * "died from wounds" */
		if (e <= k && (w(x, e, W_IN) || w(x, e, W_DURING) || w(x, e, W_AFTER) ||
			       w(x, e, W_NEAR) || w(x, e, W_AS) || w(x, e, W_WHEN) ||
			       w(x, e, W_OF) || w(x, e, W_ON) || w(x, e, W_FROM)))
			return 1;
	}
	return 0;
}

/* "In support of the Kurdish Peshmerga, Coalition aircraft bombed
 * a depot": the side supported, after "in support of", is
 * neither who struck nor who was struck (but the target of a SUPPORT:
 * "turned out in support of the rebels"). */
static int supported_side(const struct lw_extract *x, const struct lw_aref *r)
{
	size_t k = r->first_tok;
	if (k > 0 && w(x, k - 1, W_THE))
		k--;
	return k >= 3 && w(x, k - 1, W_OF) && w(x, k - 3, W_IN) && lw_tok_is(x->t, k - 2, "support");
}

/* The phrase before a deed's word that suffered it rather than did it:
 * who died of it (victim_subject) or came through it (survivor_subject,
 * then the target where none is yet). Returns src, or NULL where it is no
 * agent. */
static const struct lw_aref *suffered(const struct ectx *c, const struct lw_aref *src, size_t k,
				      const struct lw_aref **tgt);

/* The phrase right before a deed's word that names a place or thing an
 * attack strikes ("the police station attack"): the target, and the word
 * a noun (a station does not attack). Returns 1 if so. */
static int struck_before(const struct ectx *c, const struct trig *tr, const struct lw_aref *src);

/* Is token k a place or thing an attack strikes ("station", "checkpost",
 * "convoy", "mosque")? */
static int struck_place(const struct ectx *c, size_t k);

/* "Senator Varden and his family were safe after a roadside bomb went
 * off", "Varden narrowly escaped a bomb attack", "survived an attempt on
 * his life": the one who came through, whose words stand right before
 * the deed, is its target, no agent. Between the phrase and the word of
 * coming through: his kin or guards, a "was", an adverb. */
static int survivor_subject(const struct ectx *c, const struct lw_aref *r, size_t k)
{
	static const char *const between[] = {"and", "his", "her", "their", "family", "families",
					      "guards", "guard", "along", "with", "wife", "son",
					      "sons", "children", "was", "were", "had", "have",
					      "has", "narrowly", "reportedly", "remained", "all",
					      "companions", "colleagues", "aides", "bodyguards", "driver",
					      "others"};
	const struct lw_text *t = c->t;
	/* the word of coming through first, by its first letter (most
	 * phrases have none after them): then the words before it */
	size_t j = r->end_tok;
	for (; j < k && j <= r->end_tok + 6; j++) {
		char f = t->p[t->tok[j].start];
		size_t n = lw_tok_len(&t->tok[j]);
		if ((f == 'e' || f == 's' || f == 'u') && n >= 4 && n <= 9 &&
		    listed(c, j, LS_CAME))
			break;
	}
	if (j >= k || j > r->end_tok + 6 || k > j + 10)
		return 0;
	for (size_t q = r->end_tok; q < j; q++)
		if (!lw_tok_punct(t, q, ',') && !lw_tok_in(t, q, between, sizeof between / sizeof *between))
			return 0;
	for (size_t q = j + 1; q < k; q++)
		if (t->tok[q].kind == LW_TOK_TERM || lw_tok_punct(t, q, ';') ||
		    kind_at(c->x, q, LW_SENSE_CUE))
			return 0;
	return 1;
}

static const struct lw_aref *suffered(const struct ectx *c, const struct lw_aref *src, size_t k,
				      const struct lw_aref **tgt)
{
	if (!src || victim_subject(c, src, k))
		return NULL;
	/* "killing at least nine people in a siege": the counted dead of a
	 * verb of harm, right before "in" and the noun, suffered it */
	const struct lw_text *t = c->t;
	if (src->end_tok + 1 < k && w(c->x, src->end_tok, W_IN) && k - src->end_tok <= 4) {
		size_t v = src->first_tok;
		while (v > 0 && src->first_tok - v < 4 &&
		       (t->tok[v - 1].kind == LW_TOK_NUMBER || kind_at(c->x, v - 1, LW_SENSE_NUMBER) ||
			kind_at(c->x, v - 1, LW_SENSE_APPROX) || lw_tok_is(t, v - 1, "least") ||
			lw_tok_is(t, v - 1, "at") || lw_tok_is(t, v - 1, "than") || lw_tok_is(t, v - 1, "more")))
			v--;
		/* (not the detained: "detained 120 students in the protest"
		 * took them from it) */
		static const char *const harm[] = {"killing", "killed", "wounding", "wounded",
						   "injuring", "injured", "leaving", "left"};
		if (v > 0 && lw_tok_in(t, v - 1, harm, sizeof harm / sizeof *harm))
			return NULL;
	}
	if (survivor_subject(c, src, k)) {
		if (!*tgt)
			*tgt = src;
		return NULL;
	}
	return src;
}

/* Is the noun at k (after its article and adjectives) the topic of
 * other words: "about the bombing", "regarding the attack"? */
static int topic_of(const struct lw_extract *x, size_t floor, size_t k)
{
	const struct lw_text *t = x->t;
	for (size_t j = k; j > floor && k - j < 4; j--) {
		if (lw_tok_is(t, j - 1, "about") || lw_tok_is(t, j - 1, "regarding") ||
		    lw_tok_is(t, j - 1, "concerning"))
			return 1;
		if (!(t->tok[j - 1].flags & LW_TF_LOWER) || t->tok[j - 1].kind != LW_TOK_WORD)
			return 0;
	}
	return 0;
}

/* "Conille called the killings a heinous crime", "described the
 * bombing as barbaric": a deed's noun a few lower-case words after a
 * verb of judging it is the judged deed, and the judge before is no
 * agent of it. */
static int judged(const struct lw_extract *x, size_t floor, size_t k)
{
	static const char *const particles[] = {"in", "for", "off", "on", "upon", "up", "out"};
	const struct lw_text *t = x->t;
	for (size_t j = k; j > floor && k - j < 4; j--) {
		const lw_token *q = &t->tok[j - 1];
		if (!(q->flags & LW_TF_LOWER) || q->kind != LW_TOK_WORD)
			return 0;
		/* (every word of the list is five letters or more and ends in
		 * "d", "s" or "g": most words are ruled out before the set) */
		size_t n = lw_tok_len(q);
		char l1 = t->p[q->end - 1];
		if (n < 5 || (l1 != 'd' && l1 != 's' && l1 != 'g'))
			continue;
		pthread_once(&sets_once, list_sets);
		if (judge_set ? lw_wordset_has(judge_set, t->p + q->start, n)
			      : lw_tok_in(t, j - 1, judge_words, sizeof judge_words / sizeof *judge_words))
			/* (not "called in air strikes", "called for attacks") */
			return !lw_tok_in(t, j, particles, sizeof particles / sizeof *particles);
	}
	return 0;
}

/* "gathered evidence at the scene of the blast", "in the aftermath of
 * the attack": the deed named as the place or time of another is told
 * again, and the subject before is no agent of it. */
static int scene_of(const struct lw_extract *x, size_t floor, size_t k)
{
	static const char *const scene[] = {"scene", "site", "spot", "aftermath", "wake"};
	const struct lw_text *t = x->t;
	if (k > floor && w_in(x, k - 1, WS_DET))
		k--;
	return k >= floor + 2 && w(x, k - 1, W_OF) &&
	       lw_tok_in(t, k - 2, scene, sizeof scene / sizeof *scene);
}

/* Does token k begin with one of the n stems (ASCII, either case): a
 * word of any form of the verbs they begin ("gather" of "gathered",
 * "seiz" of "seized")? */
static int stem_at(const struct lw_text *t, size_t k, const char *const *stems, size_t n)
{
	const char *p = t->p + t->tok[k].start;
	size_t len = lw_tok_len(&t->tok[k]);
	for (size_t i = 0; i < n; i++) {
		size_t m = strlen(stems[i]);
		if (len >= m && strncasecmp(p, stems[i], m) == 0)
			return 1;
	}
	return 0;
}

#define STEM_AT(t, k, stems) stem_at((t), (k), (stems), sizeof (stems) / sizeof *(stems))

/* "summoned", "summons", "summoning" a diplomat */
static int summon_word(const struct lw_text *t, size_t k)
{
	static const char *const summon[] = {"summon"};
	return STEM_AT(t, k, summon);
}

/* Is token k a verb or noun of marching ("marched", "walk", "rally")? A
 * march "to" somewhere goes there; a protest "to" someone is aimed at
 * them ("protested to the government"). */
static int march_word(const struct lw_text *t, size_t k)
{
	static const char *const stems[] = {"march", "walk", "rall", "proceed", "head"};
	return STEM_AT(t, k, stems);
}

/* Nouns of a force's operation, after which a participle ("during a
 * security operation detaining four") is the force's deed. */
static const char *const operation_nouns[] = {"operation", "operations", "raid", "raids",
					      "search", "searches", "sweep", "offensive"};

/* The first token of sentence s0's own words before token k: past the
 * dateline where the sentence opens with it ("KANDAHAR, Afghanistan (Mar.
 * 14) - Afghan and coalition troops ..."). */
static size_t opening_of(const struct lw_text *t, size_t s0, size_t k)
{
	if (!t->dateline.found || s0 >= t->ntok || t->tok[s0].start > t->dateline.span.start)
		return s0;
	size_t j = s0;
	while (j < k && t->tok[j].start < t->dateline.span.end)
		j++;
	return j < k ? j : s0;
}

/* Is token k a present participle ("demanding", "killing"), not the
 * sentence's first word? */
static int participle_at(const struct lw_text *t, size_t k)
{
	if (k == 0)
		return 0;
	const lw_token *q = &t->tok[k];
	return q->kind == LW_TOK_WORD && (q->flags & LW_TF_LOWER) && lw_tok_ends(t, k, "ing", 4);
}

/* Is r in the clause of event p's trigger, after it: its object or a
 * phrase of it ("staged a sit-in and marched to the Press Club"), with no
 * comma between ("Once he had backed the bill, the senator ...")? */
static int object_of(const struct lw_text *t, const struct ev *p, const struct lw_aref *r)
{
	if (r->first_tok < p->tend)
		return 0;
	for (size_t j = p->tend; j < r->first_tok; j++)
		if (lw_tok_punct(t, j, ','))
			return 0;
	return 1;
}

/* "forces killed seventeen insurgents and detained one", "targeted a
 * Taliban leader in Charkh and detained ...": is r the object of event p's
 * verb, right after it (past an article or a count), with no clause of
 * its own before "and" at token and? */
static int shared_object(const struct ectx *c, const struct ev *p, const struct lw_aref *r, size_t and)
{
	static const char *const preps[] = {"after", "before", "when", "while", "as", "in", "at",
					    "on", "near", "outside", "inside", "from", "to", "into",
					    "with", "by", "for", "of", "against", "because"};
	const struct lw_text *t = c->t;
	if (r->first_tok < p->tend || r->first_tok > p->tend + 3 || and < r->end_tok ||
	    and > r->end_tok + 8)
		return 0;
	for (size_t j = p->tend; j < r->first_tok; j++)
		if (t->tok[j].kind != LW_TOK_NUMBER &&
		    (t->tok[j].kind != LW_TOK_WORD || kind_at(c->x, j, LW_SENSE_TRIGGER) ||
		     lw_tok_in(t, j, preps, sizeof preps / sizeof *preps)))
			return 0;
	/* (a comma right before "and" joins the clauses: "struck Hamas
	 * militants in a school in Gaza, and accused the group") */
	for (size_t j = r->end_tok; j < and; j++)
		if ((lw_tok_punct(t, j, ',') && j + 1 != and) || t->tok[j].kind == LW_TOK_TERM ||
		    kind_at(c->x, j, LW_SENSE_TRIGGER) ||
		    ((t->tok[j].flags & LW_TF_LOWER) && lw_tok_ends(t, j, "ed", 2)))
			return 0;
	return 1;
}

/* Are tokens [a, b) at most a phrase of place ("in Dorrin", "at the
 * Press Club")? */
static int place_words_only(const struct ectx *c, size_t a, size_t b)
{
	if (b < a || b - a > 5)
		return 0;
	for (size_t j = a; j < b; j++)
		if (!(c->t->tok[j].flags & LW_TF_CAP) && !w(c->x, j, W_IN) && !w(c->x, j, W_AT) &&
		    !w(c->x, j, W_NEAR) && !w(c->x, j, W_OUTSIDE) && !w(c->x, j, W_THE))
			return 0;
	return 1;
}

/* "X, 24, died of wounds sustained when an improvised explosive device
 * detonated near his vehicle": the verb's subject is an attack's own
 * noun right before it ("a bomb exploded", "the blast killed"), so no phrase
 * before that noun's determiner is its agent ("the Taliban bomb", "the
 * group's blast" adjoin the noun and may be). The first token of that
 * noun phrase, or SIZE_MAX when the verb has no such subject. */
static size_t deed_noun_subject(const struct ectx *c, const struct trig *tr, size_t floor)
{
	for (size_t i = 0; i < c->ntrigs; i++) {
		const struct trig *o = &c->trigs[i];
		if (o == tr || !(o->kt->flags & LW_TRF_NOUN) || o->kt->type != 15 ||
		    o->end != tr->first)
			continue;
		size_t d = o->first;
		while (d > floor && (c->t->tok[d - 1].flags & LW_TF_LOWER) && w_in(c->x, d - 1, WS_DET))
			d--;
		return d;
	}
	return SIZE_MAX;
}

/* "in response to", "in retaliation for", "in revenge for": the words
 * that name a deed answered (background heads too). */
static const char *const answer_words[] = {"response", "retaliation", "revenge", "reprisal",
					   "retribution"};

static int answer_word(const struct lw_extract *x, size_t k)
{
	return lw_tok_in(x->t, k, answer_words, sizeof answer_words / sizeof *answer_words);
}

/* Does the deed answered start after token q ("response to", "retaliation
 * for")? The words are background heads: one flag test for most. */
static int answers_at(const struct lw_extract *x, size_t q)
{
	return (x->evf[q] & LW_EVF_BACKGROUND) && answer_word(x, q) && q + 1 < x->t->ntok &&
	       (w(x, q + 1, W_TO) || w(x, q + 1, W_FOR));
}

/* "Villagers were coming home when a bomb exploded near their bus": an
 * attack's noun after its determiner, followed by a verb it is the
 * subject of, is a clause of its own; the first token of its phrase, or
 * SIZE_MAX. */
static size_t deed_noun_clause(const struct ectx *c, const struct trig *tr, size_t floor, size_t s1)
{
	if (tr->kt->type != 15 || tr->end >= s1 || !listed(c, tr->end, LS_DEED_VERBS))
		return SIZE_MAX;
	size_t d = tr->first;
	if (d <= floor || !(c->t->tok[d - 1].flags & LW_TF_LOWER))
		return SIZE_MAX;
	if (w_in(c->x, d - 1, WS_DET))
		return d - 1;
	/* "Civilians fled as shells landed near the camp", "when rockets
	 * hit": a plural without one, right after the word that opens the
	 * clause */
	static const char *const opens[] = {"as", "when", "while", "after", "before", "because",
					    "until", "once"};
	if (lw_tok_in(c->t, d - 1, opens, sizeof opens / sizeof *opens))
		return d;
	return SIZE_MAX;
}

/* The last event of e's sentence, other than e, whose trigger comes before
 * token k and which has a source; NULL if none. */
static const struct ev *event_before_in(const struct ectx *c, const struct ev *e, size_t k)
{
	for (size_t i = c->nev; i-- > 0;) {
		const struct ev *p = &c->ev[i];
		if (p->sent != e->sent)
			break;
		if (p != e && p->tfirst < k && p->out.source.present)
			return p;
	}
	return NULL;
}

/* "between the two groups", "the two sides", "the rival factions" at
 * token k: the two actors of different names the story named last, in
 * this sentence or the two before (named or coded, not people), into
 * *a (the first named) and *b. */
static int the_two(struct ectx *c, size_t k, const struct lw_aref **a, const struct lw_aref **b)
{
	static const char *const sides[] = {"groups", "sides", "factions", "militias", "forces",
					    "armies", "parties", "rivals", "camps"};
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	if (k + 2 >= t->ntok || !w(x, k, W_THE) ||
	    !(lw_tok_word(t, k + 1, "two") || lw_tok_word(t, k + 1, "rival")) ||
	    !lw_tok_in(t, k + 2, sides, sizeof sides / sizeof *sides))
		return 0;
	size_t sk = lw_sentence_of(t, k);
	const struct lw_aref *found[2] = {NULL, NULL};
	int n = 0;
	for (size_t i = aref_lower(c, k); i-- > 0 && n < 2;) {
		const struct lw_aref *o = &x->aref[i];
		if (sk - lw_sentence_of(t, o->first_tok) > 2)
			break;
		if (o->kind == LW_AREF_PERSON || !o->sector[0] || o->first_tok >= k ||
		    (o->ent >= 0 && x->ents[o->ent].type == LW_PERSON))
			continue;
		if (n == 1) {
			const struct lw_aref *f = found[0];
			/* "dissidents of the former FARC group": one side */
			if (w(x, o->end_tok, W_OF) && f->first_tok - o->end_tok <= 4)
				continue;
			if (f->ent >= 0 ? f->ent == o->ent
					: (o->ent < 0 && o->end - o->start == f->end - f->start &&
					   !memcmp(t->p + o->start, t->p + f->start, o->end - o->start)))
				continue;
		}
		found[n++] = o;
	}
	if (n < 2)
		return 0;
	*a = found[1];
	*b = found[0];
	return 1;
}

/* Is the phrase a state's or an armed body (its entity's code, else its
 * own): an army, a force, a government, an armed group, gunmen? */
static int armed_body(const struct lw_extract *x, const struct lw_aref *o)
{
	const char *os = o->ent >= 0 && x->ents[o->ent].has_code ? x->ents[o->ent].sector : o->sector;
	return code_is(os, "MIL") || code_is(os, "REB") || code_is(os, "GOV") || code_is(os, "COP") ||
	       code_is(os, "UAF");
}

/* The body that owns arms told as "its" or "their" at token own: the
 * first in [s0, own) that is an army, a force or an armed group (not a
 * person); NULL if none. */
static const struct lw_aref *arms_owner(struct ectx *c, size_t s0, size_t own)
{
	const struct lw_extract *x = c->x;
	for (size_t i = aref_lower(c, s0); i < x->naref; i++) {
		const struct lw_aref *o = &x->aref[i];
		if (o->end_tok > own)
			break;
		if ((o->ent >= 0 && x->ents[o->ent].type == LW_PERSON) || o->kind == LW_AREF_PERSON)
			continue;
		if (armed_body(x, o))
			return o;
	}
	return NULL;
}

/* Does a trigger of the sentence start at token k whose type is not
 * `type` and that is a noun after a determiner ("the attack", "a
 * killing"), no protest? */
static int other_kind_deed(const struct ectx *c, size_t k, int type)
{
	for (size_t i = 0; i < c->ntrigs; i++) {
		const struct trig *o = &c->trigs[i];
		/* (not a protest: "cracked down on a protest march, beating
		 * protesters" is on the marchers) */
		if (o->first == k && o->kt->type != type && o->kt->type != 11 && (o->kt->flags & LW_TRF_NOUN) &&
		    k > 0 && w_in(c->x, k - 1, WS_DET))
			return 1;
	}
	return 0;
}

static void actors(struct ectx *c, struct ev *e, const struct trig *tr, size_t s0, size_t s1)
{
	const struct lw_extract *x = c->x;
	struct lw_aref own;
	size_t a, b;
	clause_of(c->x, s0, s1, tr->first, &a, &b);
	c->mutual = (tr->kt->flags & LW_TRF_MUTUAL) != 0;
	c->deed = tr->kt->type == 11 || tr->kt->type == 13 || tr->kt->type == 14 ||
		  tr->kt->type == 15 || tr->kt->type == 5 || tr->kt->type == 6;
	/* the subject may stand before a relative clause: "X, who ..., attacked" */
	size_t floor = a > s0 && tr->first - s0 < LW_ACTOR_WINDOW * 2 ? s0 : a;
	/* and a relative clause's subject is the phrase it hangs on, in a
	 * long sentence too: "..., according to the rights commission,
	 * which blamed the army" */
	for (size_t j = floor > s0 ? floor - 1 : floor; j < tr->first && j < floor + 2; j++)
		if (j > s0 + 1 && (w(x, j, W_WHICH) || w(x, j, W_WHO)) && lw_tok_punct(c->t, j - 1, ',')) {
			size_t pa, pb;
			clause_of(c->x, s0, s1, j - 2, &pa, &pb);
			floor = pa;
			break;
		}
	const struct lw_aref *src = NULL, *tgt = NULL;
	int by_noun = 0;    /* src is a noun's agent after "by" */
	int other_side = 0; /* tgt is a clash's "with X" */
	const struct lw_aref *struck = NULL; /* tgt is the place struck (struck_place) */
	int both_sides = 0; /* src and tgt are a fight's "between X and Y" */
	if (is_passive(c->x, tr, floor) || headline_passive(c, tr, floor, s1)) {
		/* "was killed by X": the target before, the source after "by" */
		for (size_t k = tr->end; k < s1 && k < tr->end + 6; k++)
			if (w(x, k, W_BY) ||
			    /* "came under fire from militants" */
			    (k == tr->end && (tr->kt->flags & LW_TRF_SUBJECT_TARGET) && w(x, k, W_FROM))) {
				src = by_agent(c, k + 1, k + 6);
				by_noun = src && w(x, k, W_BY);
				break;
			}
		/* "after he was arrested": the pronoun right before the
		 * passive is its subject, before any actor further back */
		size_t p = tr->first;
		while (p > floor && w_in(x, p - 1, WS_PASSIVE_GAP))
			p--;
		if (!(p > floor && tr->first > 2 && pronoun_actor(c, p - 1, &e->out.target))) {
			/* the participle "linked" may have closed the clause */
			tgt = tied_head(c, s0, aref_before(c, floor, tr->first));
			/* "students demanded the release of a classmate
			 * detained by soldiers": the noun before the participle,
			 * no actor, not a phrase further back */
			if (tgt && tgt->end_tok < tr->first && bare_noun_before(c, tr, floor))
				tgt = NULL;
			/* "volunteers fighting alongside the army were killed":
			 * the phrase a participle's words describe, not the
			 * object of their preposition */
			if (tgt)
				tgt = described_head(c, floor, tgt);
			/* "spokesman Jalige said security operatives had been
			 * deployed": the teller is not what the passive befell */
			if (tgt && said_between(x, tgt->end_tok, tr->first))
				tgt = NULL;
			/* "Conille promised that those responsible would be
			 * arrested": the passive's subject is in the clause
			 * after "that", not the one who promised (a "that" right
			 * after the phrase is its relative: "the men that were
			 * arrested") */
			for (size_t j = tgt ? tgt->end_tok + 1 : tr->first; j < tr->first; j++)
				if (w(x, j, W_THAT)) {
					tgt = NULL;
					break;
				}
			/* "Inspector Varden of the Bannu police station was
			 * gunned down": the one of the place, not the place */
			if (tgt && tgt->end_tok > tgt->first_tok && struck_place(c, tgt->end_tok - 1)) {
				size_t j = tgt->first_tok;
				/* past "the" and a word or two: "of the city police
				 * station" */
				while (j > floor && tgt->first_tok - j < 3 && !w(x, j - 1, W_OF) &&
				       (c->t->tok[j - 1].flags & LW_TF_LOWER))
					j--;
				const struct lw_aref *h;
				if (j > floor + 1 && w(x, j - 1, W_OF) &&
				    (h = aref_before(c, floor, j - 1)) != NULL && h->end_tok == j - 1)
					tgt = h;
			}
			/* "15 people, including two children, were injured": the
			 * whole, or no phrase the whole is */
			size_t part;
			if (tgt && (part = part_of_whole(c, floor, tgt)) != 0)
				tgt = whole_of(c, floor, tgt, part);
		}
	} else if (tr->kt->flags & LW_TRF_NOUN) {
		/* "clashes between X and Y"; "clashes erupted at dawn on
		 * Monday between X and Y"; "The gunfight erupted Tuesday night
		 * at Heff village in Shopian district, between troops and
		 * militants" (no other trigger between) */
		size_t btw = tr->end;
		if (tr->kt->flags & LW_TRF_MUTUAL)
			while (btw < b && btw < tr->end + 14 && !w(x, btw, W_BETWEEN) &&
			       (btw == tr->end || !kind_at(x, btw, LW_SENSE_TRIGGER) ||
				/* "firefights and shelling between X and Y" */
				(btw == tr->end + 1 && w(x, tr->end, W_AND))))
				btw++;
		if (w(x, btw, W_BETWEEN)) {
			/* (the sides before any comma: "a gunfight between rival
			 * gangs, state prosecutors said") */
			size_t side_end = btw + 6;
			for (size_t j = btw + 1; j < side_end && j < s1; j++)
				if (lw_tok_punct(c->t, j, ',') || c->t->tok[j].kind == LW_TOK_TERM)
					side_end = j;
			src = aref_after(c, btw + 1, side_end);
			/* "clashes between the two groups": the two named last */
			int two = !src && the_two(c, btw + 1, &src, &tgt);
			/* the other side after "and" ("between GNLA (GNLA)
			 * cadres and police"), not "between the supporters of
			 * two candidates of the municipality" */
			for (size_t and = src && !two ? src->end_tok : s1; and < s1 && and <= src->end_tok + 6;
			     and++)
				if (w(x, and, W_AND)) {
					tgt = aref_after(c, and + 1, and + 5);
					break;
				}
			/* "between Pakistani and Indian troops" */
			if (src && !tgt && src->first_tok == btw + 3 && w(x, btw + 2, W_AND) &&
			    demonym_side(c, btw + 1, src, &own)) {
				tgt = src;
				src = &own;
			}
			both_sides = src && tgt;
		} else {
			/* "a protest by teachers", "a rally was taken out by
			 * employees", "a strike of doctors"; after "was" the
			 * passive's place may come first ("a rally was taken out
			 * in Sukkur by students") */
			size_t by_reach = w_in(x, tr->end, WS_AUX_TRIGGER) ? 9 : 5;
			for (size_t k = tr->end; k < b && k < tr->end + by_reach; k++) {
				if (w(x, k, W_BY)) {
					src = by_agent(c, k + 1, k + 5);
					by_noun = src != NULL;
					break;
				}
				/* a "by" past the motive is the motive's: "a protest
				 * against remarks made by MQM leaders" */
				if (w(x, k, W_AGAINST) || w(x, k, W_OVER) ||
				    w(x, k, W_CONDEMNING) || w(x, k, W_PROTESTING) ||
				    w(x, k, W_DEMANDING))
					break;
				/* nor is the "by" of a verb that is an event of its
				 * own: "attacks were condemned by the government" (but
				 * "the strike was called by unions") */
				if (k > tr->end && kind_at(x, k, LW_SENSE_TRIGGER))
					break;
				/* "a strike of doctors" but "the detention of X", and
				 * "the arrest of X by police" names its agent too */
				if (k == tr->end && w(x, k, W_OF)) {
					const struct lw_aref *r = aref_after(c, k + 1, k + 5);
					/* "the arrest of their colleague by police": the
					 * object is no actor phrase, the agent is */
					if (r && r->first_tok > k + 1 && w(x, r->first_tok - 1, W_BY))
						src = r;
					else if (tr->kt->type == 11)
						src = r;
					else
						tgt = r;
					if (tgt && w(x, tgt->end_tok, W_BY))
						src = aref_after(c, tgt->end_tok + 1, tgt->end_tok + 5);
					break;
				}
			}
			/* "Assailants set an Awami League office ablaze": the
			 * subject of "set", and its object the target */
			size_t set = set_before(x, floor, tr->first);
			if (!src && set != SIZE_MAX) {
				src = agent_before(c, floor, set);
				if (!tgt)
					tgt = aref_after(c, set + 1, tr->first);
			}
			/* "X's attack on Y", "X carried out an attack on Y"; but
			 * not "X condemned the attack on Y" */
			if (!src && set == SIZE_MAX && !body_trigger(c->t, tr->first, tr->end)) {
				src = suffered(c, agent_before(c, floor, tr->first), tr->first, &tgt);
				/* (the noun of a verb after "and": "backed the
				 * students and called a general strike") */
				size_t vat = tr->first;
				while (src && vat > s0 + 1 && tr->first - vat < 4 &&
				       (c->t->tok[vat - 1].flags & LW_TF_LOWER) && !w(x, vat - 1, W_AND) &&
				       !kind_at(x, vat - 1, LW_SENSE_TRIGGER) &&
				       !(lw_tok_ends(c->t, vat, "ed", 3) && vat < tr->first))
					vat--;
				const struct lw_aref *obj = NULL;
				if (src && vat < tr->first && lw_tok_ends(c->t, vat, "ed", 3))
					src = and_object_subject(c, e, vat, s0, floor, src, &obj);
				size_t np;
				if (src && (np = deed_noun_clause(c, tr, floor, s1)) != SIZE_MAX &&
				    src->end_tok < np)
					src = NULL;
				if (src && scene_of(x, floor, tr->first))
					src = NULL;
				/* "The arrest sparked protests", "the remarks
				 * triggered riots": what set the deed off did not do
				 * it */
				/* (ls_cause; but "triggered the explosion" set it
				 * off) */
				for (size_t q = tr->first; src && q > src->end_tok && tr->first - q < 3 &&
							   !mode_is(c->kb, tr->kt, "explosives");
				     q--)
					if (listed(c, q - 1, LS_CAUSE)) {
						src = NULL;
						break;
					} else if (!(c->t->tok[q - 1].flags & LW_TF_LOWER)) {
						break;
					}
				/* "a U.S.-brokered ceasefire", "an Iranian-backed
				 * militia's attack": a broker or a backer named
				 * before the deed's noun did not do it */
				/* (right before it, as one compound: not "troops
				 * backed by artillery and airstrikes attacked") */
				for (size_t q = src && src->end_tok + 2 >= tr->first ? src->end_tok : tr->first;
				     q < tr->first; q++)
					if (third_party_word(c->t, q) && !w(x, q + 1, W_BY)) {
						src = NULL;
						break;
					}
				/* "fired rockets at a base in response to Israeli
				 * strikes": who answers did not strike first */
				for (size_t q = src ? src->end_tok : tr->first; q + 1 < tr->first; q++)
					if (answers_at(x, q)) {
						src = NULL;
						break;
					}

				if (src && after_other_deed(c, floor, tr))
					src = NULL;
				/* "a war between two factions of the cartel since the
				 * arrest of its leader": a deed that marks a time is
				 * no deed of the phrase before it */
				size_t at = tr->first > floor && w_in(x, tr->first - 1, WS_DET) ? tr->first - 1
												 : tr->first;
				if (src && at > floor &&
				    (w(x, at - 1, W_SINCE) || lw_tok_word(c->t, at - 1, "until") ||
				     lw_tok_word(c->t, at - 1, "following")))
					src = NULL;
				/* "Police gave details about the bombing": a deed
				 * that is the topic of other words has no agent
				 * before them */
				if (src && (topic_of(x, floor, tr->first) ||
					    /* (but "the alliance called the hartal"
					     * called it out) */
					    (tr->kt->type != 11 && judged(x, floor, tr->first))))
					src = NULL;
				/* "Police said the blast killed dozens": who tells
				 * of a bombing is not its bomber ("the army said the
				 * operation killed 20" was the army's, and so are
				 * most meetings and deals told by a side) */
				if (src && tr->kt->type == 15 &&
				    (mode_is(c->kb, tr->kt, "explosives") ||
				     mode_is(c->kb, tr->kt, "suicide-attack") ||
				     /* "Davis said, the coalition conducted five
				      * airstrikes": a spokesman strikes no one */
				     (src->ent >= 0 && x->ents[src->ent].type == LW_PERSON)) &&
				    tells_between(x, src->end_tok, tr->first))
					src = NULL;
				/* "a spokesman, Mujahid, confirmed the arrests": nor
				 * does he arrest */
				static const char *const teller[] = {"spokesman", "spokeswoman",
								     "spokesperson", "official",
								     "officials", "source", "sources"};
				if (src && tr->kt->type == 14 &&
				    ((src->ent >= 0 && x->ents[src->ent].type == LW_PERSON) ||
				     lw_tok_in(c->t, src->end_tok - 1, teller, sizeof teller / sizeof *teller)) &&
				    tells_between(x, src->end_tok, tr->first))
					src = NULL;
				if (src && (reacts_between(c, src->end_tok, tr->first) ||
					    (arrests_between(c, src->end_tok, tr->first) &&
					     background(x, s0, tr->first, 0))))
					src = NULL;
				/* "he was horrified by the attack", "were killed by
				 * a roadside bomb": the one before is moved or hurt
				 * by it, not its agent ("a strike accompanied by
				 * protests" keeps the strikers) */
				static const char *const moved[] = {
					"horrified", "shocked", "appalled", "outraged", "saddened",
					"dismayed", "alarmed", "angered", "disturbed", "stunned",
					"affected", "hit", "struck", "targeted"};
				size_t d = tr->first;
				if (d > floor && w_in(x, d - 1, WS_DET))
					d--;
				if (src && d > floor + 1 && w(x, d - 1, W_BY) &&
				    (kind_at(x, d - 2, LW_SENSE_CASUALTY) ||
				     lw_tok_in(c->t, d - 2, moved, sizeof moved / sizeof *moved)))
					src = NULL;
			}
			/* "the police station attacks", "a checkpost attack": a
			 * place or thing right before the deed's noun is what
			 * was struck, not who struck ("TTP attacks" stay the
			 * TTP's) */
			if (!tgt && struck_before(c, tr, src)) {
				tgt = struck = src;
				src = NULL;
			}
			/* "Castell survived an attack by gunmen": the agent
			 * after "by", the one who came through before */
			if (src && !tgt && src->first_tok > tr->first) {
				const struct lw_aref *r = agent_before(c, floor, tr->first);
				if (r && survivor_subject(c, r, tr->first))
					tgt = r;
			}
			/* "a US drone strike", "Israeli air strikes": the state's
			 * forces */
			/* (right before the noun, it outranks a phrase further
			 * back: "said its forces had captured a village and that
			 * Ukrainian drones attacked a refinery") */
			if ((!src || src->end_tok + 1 < tr->first) && state_before(c, tr->first, floor, &own) &&
			    own.end_tok + 1 >= tr->first) {
				/* (a state's words, not its forces': "Pakistani
				 * accusations", "Indian protests", "Turkish
				 * demands" are its government's) */
				if (tr->kt->type != 15 && tr->kt->type != 14 && tr->kt->type != 13)
					memcpy(own.sector, "GOV", 4);
				src = &own;
			}
			/* "A suicide car bomber rammed a convoy, killing seven
			 * soldiers": a deed's noun that names its doer (an armed
			 * actor's phrase of the same words) is its source, not
			 * the convoy the participle after it finds */
			if (!src) {
				const struct lw_aref *r = aref_in(c, tr->first, tr->end);
				if (r && r->first_tok == tr->first && r->end_tok == tr->end &&
				    (code_is(r->sector, "REB") || code_is(r->sector, "UAF")))
					src = r;
			}
			/* "used pepper spray and batons to push back
			 * demonstrators", "fired tear gas to disperse the
			 * crowd": those the means of crowd control were used on */
			if (!tgt && mode_is(c->kb, tr->kt, "crowd-control"))
				for (size_t k = tr->end; k + 1 < s1 && k < tr->end + 5; k++)
					if (w(x, k, W_TO) && (c->t->tok[k + 1].flags & LW_TF_LOWER)) {
						size_t v = k + 2;
						if (v < s1 && (lw_tok_word(c->t, v, "back") || lw_tok_word(c->t, v, "away")))
							v++;
						const struct lw_aref *r = aref_after(c, v, v + 3);
						if (r && (r->first_tok == v || w_in(x, r->first_tok - 1, WS_DET)))
							tgt = r;
						break;
					}
			for (size_t k = tr->end; k < b && k < tr->end + 4 && !tgt; k++)
				if (w(x, k, W_ON) || w(x, k, W_AGAINST) || w(x, k, W_TARGETING) ||
				    w(x, k, W_AT) ||
				    /* "an encounter with police", "clashes with
				     * the army": the other side of a fight */
				    (w(x, k, W_WITH) && (tr->kt->flags & LW_TRF_MUTUAL))) {
					tgt = aref_after(c, k + 1, k + 5);
					other_side = tgt && w(x, k, W_WITH);
					break;
				}
		}
	} else {
		src = agent_before(c, floor, tr->first);
		/* "a charge Kigali denies", "Beijing warned": a capital that
		 * speaks is its government */
		if ((!src || src->end_tok < tr->first) && capital_speaks(c, tr, floor, &own))
			src = &own;
		/* "the police station attack in Bannu": the thing struck,
		 * right before the word, makes it a noun (a station does not
		 * attack) */
		if (struck_before(c, tr, src)) {
			tgt = struck = src;
			src = NULL;
		}
		/* "after troops took fire from militants in a building, they
		 * requested support": the pronoun is the verb's subject, and it
		 * points to the subject of a clause before it (they_subject)
		 * rather than to the nearest phrase, which stays where no
		 * clause's subject is named ("led the force to the compound,
		 * where they called for ...") */
		if (src && src->end_tok < tr->first) {
			size_t p = tr->first;
			while (p > src->end_tok + 1 && tr->first - p < 2 && (c->t->tok[p - 1].flags & LW_TF_LOWER) &&
			       lw_tok_ends(c->t, p - 1, "ly", 2))
				p--; /* "they quickly requested" */
			const struct lw_aref *subj;
			if (p > src->end_tok && (w(x, p - 1, W_THEY) || w(x, p - 1, W_WE)) &&
			    (subj = they_subject(c, s0, p - 1)) != NULL)
				src = subj;
		}
		/* "Nine militants died when jets bombed their hideouts": the
		 * dead are no subject of the verb after them */
		src = suffered(c, src, tr->first, &tgt);
		/* "After seizing the area, the ISF fought off ...": a
		 * participle after "after", "before", "while", "upon" that
		 * opens the sentence is done by the subject after the clause's
		 * comma, and its object stands before that comma */
		size_t lead = opening_of(c->t, s0, tr->first);
		if (tr->first == lead + 1 && participle_at(c->t, tr->first) &&
		    (w(x, lead, W_AFTER) || lw_tok_word(c->t, lead, "before") ||
		     lw_tok_word(c->t, lead, "while") || lw_tok_word(c->t, lead, "upon"))) {
			size_t comma = tr->end;
			while (comma < s1 && comma < tr->end + 12 && !lw_tok_punct(c->t, comma, ','))
				comma++;
			const struct lw_aref *subj =
				comma < s1 && lw_tok_punct(c->t, comma, ',') ? aref_after(c, comma + 1, comma + 4)
									 : NULL;
			/* the subject right after the comma, or after its
			 * article ("While patrolling the village, they
			 * questioned the elders": "they") */
			if (subj && subj->first_tok > comma + 1) {
				/* "the Afghan-led security force": an article and a
				 * word or two that are no verb */
				int ok = w_in(x, comma + 1, WS_DET) && subj->first_tok <= comma + 3;
				for (size_t j = comma + 2; ok && j < subj->first_tok; j++)
					ok = (c->t->tok[j].flags & (LW_TF_HYPHEN | LW_TF_CAP)) ||
					     (!lw_tok_ends(c->t, j, "ed", 3) && !kind_at(x, j, LW_SENSE_TRIGGER) &&
					      !kind_at(x, j, LW_SENSE_CUE));
				if (!ok)
					subj = NULL;
			}
			if (subj) {
				src = subj;
				b = comma > tr->end ? comma - 1 : tr->end;
			} else if (comma + 1 < s1 && lw_tok_punct(c->t, comma, ',') &&
				   (w(x, comma + 1, W_THEY) || w(x, comma + 1, W_HE) ||
				    w(x, comma + 1, W_SHE) || w(x, comma + 1, W_WE))) {
				src = NULL;
				b = comma > tr->end ? comma - 1 : tr->end;
				pronoun_actor(c, comma + 1, &e->out.source);
			}
		}
		size_t np;
		if (src && (tr->sense->form & (LW_FORM_3SG | LW_FORM_PAST)) &&
		    !(tr->end < s1 && w(x, tr->end, W_BY)) &&
		    (np = deed_noun_subject(c, tr, floor)) != SIZE_MAX && src->end_tok < np)
			src = NULL;
		/* "Villagers staged a sit-in and marched to the Press Club,
		 * demanding compensation": a participle after a comma, or
		 * after a protest's clause ("marched to the Governor House
		 * demanding pay"), is done by the subject of the clause
		 * it follows, which gave the sentence's event before it its
		 * source, not by the last noun of that clause (without the
		 * comma or the protest, "gunmen demanding ransom" are the
		 * ones who demand) */
		const struct ev *before;
		if (src && src->first_tok > s0 && participle_at(c->t, tr->first) &&
		    (before = event_before_in(c, e, tr->first)) != NULL &&
		    (lw_tok_punct(c->t, tr->first - 1, ',') ||
		     (before->type == 11 && place_words_only(c, src->end_tok, tr->first))) &&
		    before->out.source.span.start < src->start && object_of(c->t, before, src)) {
			e->out.source = before->out.source;
			src = NULL;
		}
		/* "The attackers rounded up the farmers before opening fire",
		 * "nurses clashed with police while protesting": a participle
		 * after "before" or "while" in the midst of a sentence is done
		 * by the subject of the deed before it, not by that deed's
		 * object */
		if (src && tr->first > s0 + 1 && participle_at(c->t, tr->first) &&
		    (lw_tok_word(c->t, tr->first - 1, "before") ||
		     lw_tok_word(c->t, tr->first - 1, "while")) &&
		    (before = event_before_in(c, e, tr->first)) != NULL &&
		    before->out.source.span.start < src->start && object_of(c->t, before, src)) {
			e->out.source = before->out.source;
			src = NULL;
		}
		/* "troops raided the house of a commander who runs a bomb
		 * cell in the valley seizing two rifles": a participle past
		 * a relative clause on the object is done by the subject of
		 * the deed before it */
		if (src && tr->kt->type != 11 && participle_at(c->t, tr->first) &&
		    !lw_tok_punct(c->t, tr->first - 1, ',') && !w(x, tr->first - 1, W_AND) &&
		    !w(x, tr->first - 1, W_OR) && !w(x, tr->first - 1, W_FOR) && !w(x, tr->first - 1, W_OF) &&
		    (before = event_before_in(c, e, tr->first)) != NULL && before->type != 11 &&
		    before->out.source.span.start < src->start && src->first_tok > before->tend) {
			int rel = 0;
			for (size_t j = before->tend; j < tr->first && !rel; j++)
				rel = w(x, j, W_WHO) || w(x, j, W_WHICH);
			if (rel) {
				e->out.source = before->out.source;
				src = NULL;
			}
		}
		/* "The army said it had struck a Hamas post and accused the
		 * militants of ...": a verb after "and" shares the subject of
		 * the verb before it, whose object stands between */
		if (src && src->first_tok > s0 && tr->first > s0 + 1 && w(x, tr->first - 1, W_AND) &&
		    (tr->sense->form & LW_FORM_PAST) && !(tr->kt->flags & LW_TRF_NOUN) &&
		    (before = event_before_in(c, e, tr->first)) != NULL &&
		    before->out.source.span.start < src->start && shared_object(c, before, src, tr->first - 1)) {
			e->out.source = before->out.source;
			src = NULL;
		}
		/* "The association, which represents Fulani herders, condemned
		 * the killings and denied ...": a verb after "and" whose
		 * nearest phrase stands before the verb before it shares that
		 * verb's subject (the phrase was in its subject's aside) */
		if (src && tr->first > s0 + 1 && w(x, tr->first - 1, W_AND) &&
		    !(tr->kt->flags & LW_TRF_NOUN) &&
		    (before = event_before_in(c, e, tr->first)) != NULL && src->end_tok <= before->tfirst &&
		    before->out.source.span.start < src->start) {
			e->out.source = before->out.source;
			src = NULL;
		}
		const struct lw_aref *them = NULL;
		/* "exchanged fire with the gangs near the market and arrested
		 * four suspects": a verb after "and" whose nearest phrase is
		 * the target of the deed before it shares that deed's source */
		if (src && tr->first > s0 + 1 && w(x, tr->first - 1, W_AND) &&
		    !(tr->kt->flags & LW_TRF_NOUN) && no_clause_between(x, src->end_tok, tr->first - 1) &&
		    (before = event_before_in(c, e, tr->first)) != NULL && before->out.target.present &&
		    before->out.target.span.start == src->start) {
			e->out.source = before->out.source;
			them = src; /* ("and arrested 15 of them") */
			src = NULL;
		}
		const struct lw_aref *sayer = NULL;
		if (src && tr->first > s0 + 2 && w(x, tr->first - 1, W_AND) && !(tr->kt->flags & LW_TRF_NOUN)) {
			const struct lw_aref *was = src;
			if ((src = complement_subject(c, s0, floor, src)) != was && src && src->end_tok < was->first_tok)
				sayer = src; /* (who told of the deeds between) */
			/* "the group said the RSF had besieged the city and
			 * accused the force of targeting civilians": a verb of
			 * speech after "and" in a told clause is the teller's */
			else if (src && (tr->kt->flags & LW_TRF_SPEECH) &&
				 (tr->sense->form & (LW_FORM_PAST | LW_FORM_3SG)))
				for (size_t k = s0 + 1; k < tr->first && k < s0 + 16; k++)
					if (kind_at(x, k, LW_SENSE_CUE) && (c->t->tok[k].flags & LW_TF_LOWER) &&
					    !w_in(x, k - 1, WS_DET)) { /* (not "a protest") */
						/* (src the teller, or in the told
						 * clause; a teller that is no actor:
						 * none) */
						const struct lw_aref *r = aref_before(c, s0, k);
						if (src->end_tok == k)
							sayer = src;
						else if (src->first_tok > k && told_clause(x, k, src, tr->first))
							src = sayer = r && r->end_tok == k ? r : NULL;
						break;
					}
		}
		if (src && (tr->sense->form & LW_FORM_PAST))
			src = and_object_subject(c, e, tr->first, s0, floor, src, &them);
		/* "The RSF denied the charge and said it had clashed with
		 * militias", "met elders and said it had clashed": the pronoun
		 * after a verb of saying that "and" joins to a verb before is
		 * that verb's subject, not its object ("they" only where that
		 * verb had no object: "arrested two men and said they had
		 * planned attacks" are the men's plans) */
		if (!(tr->kt->flags & LW_TRF_NOUN) && tr->first > s0 + 3) {
			size_t p = tr->first;
			while (p > s0 + 3 && tr->first - p < 3 &&
			       (w_in(x, p - 1, WS_AUX) || w(x, p - 1, W_HAD) || w(x, p - 1, W_HAS) ||
				w(x, p - 1, W_HAVE)))
				p--;
			int it = w(x, p - 1, W_IT) || w(x, p - 1, W_WE), they = w(x, p - 1, W_THEY);
			size_t q = p - 1;
			if (q > s0 + 2 && w(x, q - 1, W_THAT))
				q--;
			if ((it || they) && kind_at(x, q - 1, LW_SENSE_CUE) &&
			    (c->t->tok[q - 1].flags & LW_TF_LOWER) && w(x, q - 2, W_AND) &&
			    (before = event_before_in(c, e, q - 2)) != NULL &&
			    (it || !before->out.target.present) &&
			    (!src || before->out.source.span.start <= src->start)) {
				e->out.source = before->out.source;
				src = NULL;
			}
		}
		/* "Villagers were coming home when a bomb exploded near their
		 * bus, wounding three": a participle after a comma is done by
		 * the clause of the deed it follows; when that clause named
		 * no doer, no phrase before it is the doer */
		if (src && !e->out.source.present && participle_at(c->t, tr->first) &&
		    lw_tok_punct(c->t, tr->first - 1, ',') && e->tfirst >= src->end_tok &&
		    e->tfirst < tr->first)
			src = NULL;
		/* "pushing ISIL back and destroying its heavy weapons": the
		 * object of the participle before "and" does not do the one
		 * after it */
		if (src && participle_at(c->t, tr->first) && tr->first > src->end_tok &&
		    tr->first - src->end_tok <= 3 && w(x, tr->first - 1, W_AND))
			for (size_t j = src->first_tok; j > s0 && src->first_tok - j < 3; j--)
				if (participle_at(c->t, j - 1) && !kind_at(x, j - 1, LW_SENSE_CUE)) {
					src = NULL;
					break;
				}
		/* "DORRIN (May 3) - Government troops hunted a rebel
		 * commander wanted for a bombing in the market during a
		 * security operation capturing six of his men": a participle after an
		 * operation's noun is done by the sentence's subject, whose
		 * verb opened it, past a dateline */
		const struct lw_aref *subj;
		size_t open = opening_of(c->t, s0, tr->first);
		if (src && participle_at(c->t, tr->first) && tr->first > open + 1 &&
		    lw_tok_in(c->t, tr->first - 1, operation_nouns,
			      sizeof operation_nouns / sizeof *operation_nouns) &&
		    (subj = aref_after(c, open, open + 1)) != NULL && subj->first_tok == open &&
		    subj != src && subj->start < src->start && subj->plural)
			src = subj;
		/* "Police said the blast killed dozens": the verb's subject
		 * is the deed's noun after the telling, not the teller */
		if (src && src != sayer && tells_between(x, src->end_tok, tr->first)) {
			for (size_t i = 0; i < c->ntrigs && src; i++)
				if ((c->trigs[i].kt->flags & LW_TRF_NOUN) &&
				    c->trigs[i].first > src->end_tok && c->trigs[i].end <= tr->first)
					src = NULL;
			/* "Inspector Varden said that supporters attacked the
			 * buses": a person who tells is not the one who did */
			if (src && tr->kt->type == 15 && src->ent >= 0 &&
			    x->ents[src->ent].type == LW_PERSON)
				src = NULL;
		}
		/* "arrested five suspects over a bombing that wounded 12": the
		 * relative clause's verb is not the arresters' deed */
		if (src && tr->first > floor && (w(x, tr->first - 1, W_THAT) || w(x, tr->first - 1, W_WHICH)) &&
		    arrests_between(c, src->end_tok, tr->first) && background(x, s0, tr->first, 1))
			src = NULL;
		/* "security personnel and party supporters clashed": the
		 * first is the source, the second the target */
		/* (past an article or an adjective after "and": "activists of
		 * the BNP and the ruling Awami League clashed") */
		size_t sf = src ? src->first_tok : 0;
		while (src && sf > floor + 1 && src->first_tok - sf < 2 && !w(x, sf - 1, W_AND) &&
		       (c->t->tok[sf - 1].flags & LW_TF_LOWER) && c->t->tok[sf - 1].kind == LW_TOK_WORD &&
		       !kind_at(x, sf - 1, LW_SENSE_TRIGGER))
			sf--;
		if (src && (tr->kt->flags & LW_TRF_MUTUAL) && sf > floor + 1 && w(x, sf - 1, W_AND)) {
			const struct lw_aref *first = aref_before(c, floor, sf - 1);
			if (first && first->end_tok == sf - 1) {
				tgt = src;
				src = first;
			} else if (sf == src->first_tok && src->first_tok >= floor + 2 &&
				   demonym_side(c, src->first_tok - 2, src, &own)) {
				/* "Indian and Pakistani troops exchanged fire" */
				tgt = src;
				src = &own;
			}
		} else if (src && tr->kt->type == 15 /* ASSAULT */ && sf > floor + 1 && w(x, sf - 1, W_AND) &&
			   src->end_tok == tr->first) {
			/* "Soldiers and Russian mercenaries killed 12 militants":
			 * of a subject of two, the first is the doer (the second
			 * its ally), as the first side of a clash is */
			const struct lw_aref *first = aref_before(c, floor, sf - 1);
			if (first && first->end_tok == sf - 1 &&
			    !(first->first_tok > floor && (w_in(x, first->first_tok - 1, WS_PLACE_PREP) ||
							   w(x, first->first_tok - 1, W_BETWEEN) ||
							   w(x, first->first_tok - 1, W_OF))))
				src = first;
		}
		if (!tgt) {
			size_t lim = b + 1 < s1 ? b + 1 : s1;
			/* "condemned the killings and ordered security forces to
			 * ...", "denied the charge and said ...": a word's object
			 * ends where "and" opens another verb (not a deed's:
			 * "killed two and wounded five soldiers"; nor right after
			 * the word: "condemned and denounced the attackers") */
			/* (nor a protest's, whose demands name its target:
			 * "protested ... and demanded the government act"; nor
			 * after a preposition: "met with and prayed over X") */
			if (tr->kt->type != 14 && tr->kt->type != 15 && tr->kt->type != 11)
				for (size_t j = tr->end + 1; j + 1 < lim; j++)
					if (w(x, j, W_AND) && (c->t->tok[j + 1].flags & LW_TF_LOWER) &&
					    !w_in(x, j - 1, WS_PLACE_PREP) && !w(x, j - 1, W_WITH) &&
					    (lw_tok_ends(c->t, j + 1, "ed", 3) ||
					     kind_at(x, j + 1, LW_SENSE_CUE))) {
						lim = j;
						break;
					}
			tgt = aref_after(c, tr->end, lim);
			/* "protested outside the press club against the arrest of
			 * X": where a protest or a meeting was is not whom it was
			 * aimed at (an attack "near their check post" is) */
			if (tgt && tr->kt->type != 15 && tr->kt->type != 14 &&
			    (w(x, tr->end, W_OUTSIDE) || w(x, tr->end, W_INSIDE) ||
			     w(x, tr->end, W_NEAR)) &&
			    tgt->first_tok <= tr->end + 3)
				tgt = aref_after(c, tgt->end_tok, lim);
		}
		if (tgt && tgt->first_tok > tr->end + LW_ACTOR_WINDOW)
			tgt = NULL;
		/* "marched in Khartoum demanding civilian rule": what a
		 * protest demands is not whom it is aimed at, unless it names
		 * someone ("demanding Singh's resignation") */
		if (tgt && tr->kt->type == 11 && tgt->ent < 0)
			for (size_t j = tr->end; tgt && j < tgt->first_tok; j++)
				if (w(x, j, W_DEMANDING) || lw_tok_word(c->t, j, "calling") ||
				    lw_tok_word(c->t, j, "seeking") || lw_tok_word(c->t, j, "urging"))
					tgt = NULL;
		/* "marched to the Governor House", "walked towards the
		 * parliament": where a march went is not whom it was aimed at */
		if (tgt && tr->kt->type == 11 && march_word(c->t, tr->first))
			for (size_t j = tr->end; tgt && j < tgt->first_tok; j++)
				if (lw_tok_word(c->t, j, "to") || lw_tok_word(c->t, j, "towards") ||
				    lw_tok_word(c->t, j, "toward"))
					tgt = NULL;
		/* "blocked a highway to demand wages, and police fired ...":
		 * the subject of the next clause is no object of this one */
		for (size_t j = tr->end; tgt && j + 1 < tgt->first_tok; j++)
			if (lw_tok_punct(c->t, j, ',') &&
			    (w(x, j + 1, W_AND) || w(x, j + 1, W_BUT) || lw_tok_word(c->t, j + 1, "while") ||
			     /* "after the junta seized power in 2019, they
			      * were moved to army barracks" */
			     w(x, j + 1, W_THEY) || w(x, j + 1, W_HE) || w(x, j + 1, W_SHE) ||
			     w(x, j + 1, W_WE)))
				tgt = NULL;
		/* "arrested 12 suspects in connection with the attack on a
		 * police station": past another deed of another kind, the
		 * phrase is that deed's */
		for (size_t j = tr->end; tgt && (tr->kt->type == 14 || tr->kt->type == 15) &&
					 !(tr->kt->flags & LW_TRF_NOUN) && j < tgt->first_tok;
		     j++)
			if (kind_at(x, j, LW_SENSE_TRIGGER) && other_kind_deed(c, j, tr->kt->type))
				tgt = NULL;
		/* "travelled to the border to fight alongside the rebel
		 * militia": an ally, not a target */
		for (size_t j = tr->end; tgt && j < tgt->first_tok; j++)
			if (lw_tok_word(c->t, j, "alongside") ||
			    (j + 1 < tgt->first_tok && lw_tok_word(c->t, j, "together") && w(x, j + 1, W_WITH)))
				tgt = NULL;
		/* "protested against the killing of a civilian by troops": the
		 * protest is aimed at the deed's doer, not at its victim */
		if (tgt && tr->kt->type == 11 && deed_before(c, tr->end, tgt->first_tok)) {
			const struct lw_aref *by = NULL;
			for (size_t j = tgt->end_tok; j < s1 && j < tgt->end_tok + 3 && !by; j++)
				if (w(x, j, W_BY))
					by = aref_after(c, j + 1, j + 5);
			tgt = by;
		}
		/* "gunmen opened fire, said Captain X": who tells of it is no
		 * target */
		if (tgt && cue_between(x, tr->end, tgt->first_tok))
			tgt = NULL;
		/* "attacked a checkpoint in the capital, officials said", ", a
		 * police official said": the attribution's subject */
		if (tgt && attribution_words(c, tgt->first_tok, tgt->end_tok))
			tgt = NULL;
		/* (and "six of them" are of that object) */
		if (!tgt && them && tr->end + 2 < s1 && w(x, tr->end + 1, W_OF) && w(x, tr->end + 2, W_THEM))
			tgt = them;
		if (!src && tr->first > floor)
			pronoun_actor(c, tr->first - 1, &e->out.source);
	}
	if (src && src->first_tok + LW_ACTOR_WINDOW * 2 < tr->first && !(tr->kt->flags & LW_TRF_NOUN))
		src = NULL;
	/* "four farmhands were killed in a gunfight between X
	 * and Y": the fight's two sides are its source and target, the dead
	 * its count; and a side an earlier trigger took for the target ("In
	 * another attack, clashes erupted between X and Y") is the source */
	if (both_sides && !e->out.source.present && e->out.target.present &&
	    (e->out.target.span.start == src->start ||
	     (e->out.target.span.start != tgt->start &&
	      /* but the dead of one side ("four LeT militants died in a
	       * gunfight between troops and militants") name it better */
	      strcmp(e->out.target.code.sector, tgt->sector) != 0)))
		e->out.target.present = 0;
	/* a second trigger of the event never makes its target the source:
	 * "the insurgents were killed after they fired on a patrol" */
	if (src && e->out.target.present && e->out.target.span.start == src->start)
		src = NULL;
	if (tgt && e->out.source.present && e->out.source.span.start == tgt->start)
		tgt = NULL;
	/* "militants were killed in an encounter with police": the dead are
	 * the target, the other side the source */
	if (other_side && tgt && e->out.target.present && !src && !e->out.source.present &&
	    e->out.target.span.start != tgt->start) {
		src = tgt;
		tgt = NULL;
	}
	/* "A drone launched from Yemen struck": a drone of no one named is
	 * no actor, only the attack's manner ("a US drone" is the US's;
	 * jets, gunships and warplanes are a state's military) */
	const struct lw_kb_trigger *ins;
	if (src && !e->out.source.present && e->type == 15 && !src->country[0] && src->ent < 0 &&
	    (ins = instrument_in(c, src)) != NULL && mode_is(c->kb, ins, "drone")) {
		instrument_manner(c, e, src);
		src = NULL;
	}
	if (src && e->type != 2 /* SUPPORT */ && supported_side(c->x, src))
		src = NULL;
	/* "summoned a senior Pakistani diplomat to lodge a protest": the one
	 * who summons protests, not the one summoned */
	if (src && e->type == 8 && tr->first > s0 + 2 && w(x, tr->first - 1, W_TO) &&
	    src->end_tok + 1 == tr->first && src->first_tok > s0) {
		size_t v = src->first_tok;
		while (v > s0 && src->first_tok - v < 3 && (c->t->tok[v - 1].flags & LW_TF_LOWER) &&
		       !lw_tok_ends(c->t, v - 1, "ed", 3))
			v--;
		if (v > s0 && summon_word(c->t, v - 1)) {
			const struct lw_aref *h = aref_before(c, s0, v - 1);
			if (!tgt)
				tgt = src; /* (the one summoned is protested to) */
			src = h && h->end_tok == v - 1 ? h : NULL;
		}
	}
	/* "the army said its aircraft struck RSF positions": arms that are
	 * "its" or "their" are the owner's, the first armed body the
	 * sentence names before */
	if (!src && !e->out.source.present && e->type == 15 && tr->first > s0 &&
	    (w(x, tr->first - 1, W_ITS) || w(x, tr->first - 1, W_THEIR)))
		src = arms_owner(c, s0, tr->first - 1);
	/* (and "its aircraft struck": the arms before the verb say how) */
	if (e->type == 15 && !(tr->kt->flags & LW_TRF_NOUN))
		for (size_t p = tr->first; p > s0 && tr->first - p < 3; p--)
			if (w(x, p - 1, W_ITS) || w(x, p - 1, W_THEIR)) {
				struct lw_aref arms = {.first_tok = (uint32_t)p, .end_tok = (uint32_t)tr->first};
				if (p < tr->first && instrument_in(c, &arms)) {
					instrument_manner(c, e, &arms);
					if (!src && !e->out.source.present)
						src = arms_owner(c, s0, p - 1);
				}
				break;
			}
	/* "A policeman was found dead with bullet wounds", "two men were
	 * injured in a grenade attack": the subject of a casualty in the
	 * passive before the noun of the deed is its victim, not its doer */
	if (src && !tgt && !e->out.target.present && e->type == 15 && (tr->kt->flags & LW_TRF_NOUN) &&
	    src->end_tok < tr->first && passive_casualty_between(c, src->end_tok, tr->first)) {
		tgt = src;
		src = NULL;
	}
	if (src && !e->out.source.present) {
		set_actor(c, &e->out.source, src);
		e->by_agent = by_noun;
		/* (and the many: "Suspected herders attacked three villages
		 * ... the attackers shot at residents as they fled") */
		e->src_definite = src->ent < 0 && !src->country[0] &&
				  src->first_tok > 0 && w(x, src->first_tok - 1, W_THE) &&
				  listed(c, src->end_tok - 1, LS_DOER);
		if (e->type == 15)
			instrument_manner(c, e, src);
		/* "two men opened fire on him", "armed youths hurled
		 * grenades": men who shoot or bomb are armed men, no
		 * civilians (ACLED's unidentified armed group) */
		static const char *const folk[] = {"men", "man", "people", "persons", "individuals",
						   "youths", "youth"};
		if (e->type == 15 && code_is(e->out.source.code.sector, "CVL") && src->ent < 0 &&
		    src->kind == LW_AREF_ROLE &&
		    (mode_is(c->kb, tr->kt, "firearms") || mode_is(c->kb, tr->kt, "explosives")) &&
		    lw_tok_in(c->t, src->end_tok - 1, folk, sizeof folk / sizeof *folk))
			memcpy(e->out.source.code.sector, "UAF", 4);
	}
	/* "Russia launched 40 drones at Kyiv", "a drone fired by the
	 * Houthis": the aircraft or drone the verb sends is the weapon, not
	 * whom it hit; it tells the attack's manner */
	if (tgt && e->type == 15 && instrument_in(c, tgt) != NULL) {
		instrument_manner(c, e, tgt);
		tgt = NULL;
	}
	/* ", a police spokesman said" after the deed: its teller, whatever
	 * path found it (a verb's object, a noun's) */
	if (tgt && tgt->first_tok > tr->end && attribution_words(c, tgt->first_tok, tgt->end_tok))
		tgt = NULL;
	if (tgt && tgt != src && !e->out.target.present && (e->type == 2 || !supported_side(c->x, tgt))) {
		set_actor(c, &e->out.target, tgt);
		e->other_side = other_side;
		e->struck = tgt == struck;
		e->people_target = tgt->end_tok > tgt->first_tok && !struck_place(c, tgt->end_tok - 1) &&
				   (tgt->kind == LW_AREF_PERSON || tgt->plural ||
				    (tgt->ent >= 0 && x->ents[tgt->ent].type == LW_PERSON));
	}
}

/* Do both sides fight (a trigger marked mutual), and not one at the
 * other: "a targeted shootout" is an attack. */
static int mutual(const struct ectx *c, const struct trig *tr, size_t s0)
{
	const struct lw_text *t = c->t;
	/* "the two armies shelled each other", "fired at one another": a
	 * fight, whatever the deed's word */
	const struct lw_extract *x = c->x;
	size_t k = tr->end;
	if (w(x, k, W_AT) || w(x, k, W_ON))
		k++;
	if (k + 1 < t->ntok && ((lw_tok_is(t, k, "each") && lw_tok_is(t, k + 1, "other")) ||
				(w(x, k, W_ONE) && w(x, k + 1, W_ANOTHER))))
		return 1;
	return (tr->kt->flags & LW_TRF_MUTUAL) &&
	       !(tr->first > s0 && lw_tok_is(t, tr->first - 1, "targeted"));
}

/* An event of an operation after the named group g: g is its target
 * where it has only unnamed fighters ("two suspected insurgents"), or,
 * with `fill`, none; and g is not its source. */
static void seek_target(struct ectx *c, struct ev *e, const struct lw_aref *g, int fill)
{
	lw_event_actor *tg = &e->out.target;
	if (tg->present
		    ? tg->entity >= 0 || tg->code.country[0] || !code_is(tg->code.sector, "REB")
		    : !fill)
		return;
	if (e->out.source.present && e->out.source.span.start == g->start)
		return;
	set_actor(c, tg, g);
}

/* A noun trigger after "the", "this" or "that" ("during the operation",
 * "in the blast") names an event the text has told already. */
static int anaphoric(const struct lw_extract *x, const struct trig *tr, size_t s0)
{
	const struct lw_text *t = x->t;
	if (!(tr->kt->flags & LW_TRF_NOUN))
		return 0;
	for (size_t k = tr->first; k > s0 && tr->first - k < 3; k--) {
		if (w_in(x, k - 1, WS_ANAPHOR))
			return 1;
		if (!(t->tok[k - 1].flags & LW_TF_LOWER))
			return 0;
	}
	return 0;
}

/* "Separately, ...", "In a separate incident, ...", "In another attack":
 * the sentence tells a new event. */
static inline int separate(const struct lw_extract *x, size_t s0, size_t s1)
{
	if (s0 >= s1)
		return 0;
	if (w(x, s0, W_SEPARATELY) || w(x, s0, W_MEANWHILE) || w(x, s0, W_ELSEWHERE))
		return 1;
	if (w(x, s0, W_IN) && s0 + 2 < s1 &&
	    (w(x, s0 + 1, W_ANOTHER) || w(x, s0 + 2, W_SEPARATE) || w(x, s0 + 2, W_ANOTHER) ||
	     w(x, s0 + 2, W_SECOND) || w(x, s0 + 2, W_RELATED)))
		return 1;
	return 0;
}

/*
 * A sentence that rolls several operations up ("Many insurgents died in
 * separate raids across the south in the last day"): the release tells
 * them one by one after it. A vague count
 * there is the sum of theirs, not a count of its own: it would count the
 * same dead twice, and where the release tells no more it belongs to no
 * one place or day.
 */
static int rollup(const struct lw_extract *x, size_t s0, size_t s1)
{
	if (s0 + 2 >= s1)
		return 0;
	/* the sentence's "separate"s by their word id (most sentences have
	 * none), each the word after k */
	for (const uint8_t *o = memchr(x->evw + s0 + 1, W_SEPARATE, s1 - s0 - 2); o;
	     o = memchr(o + 1, W_SEPARATE, s1 - 1 - (size_t)(o + 1 - x->evw))) {
		size_t k = (size_t)(o - x->evw) - 1;
		if (!(w(x, k, W_DURING) || w(x, k, W_IN)))
			continue;
		for (size_t j = k + 2; j < s1 && j < k + 8; j++)
			if (w(x, j, W_OPERATIONS) || w(x, j, W_RAIDS))
				return 1;
	}
	return 0;
}

/* Does count phrase ct open with a vague quantity ("numerous", "several
 * suspected insurgents"), a qualifier before it or not? */
static int vague_count(const struct lw_extract *x, const struct count *ct)
{
	size_t k = ct->first;
	const struct lw_ann *a = kind_at(x, k, LW_SENSE_APPROX) ? lw_ann_find(x, k, LW_SENSE_APPROX) : NULL;
	if (a && a->end_tok < ct->end)
		k = a->end_tok;
	int64_t v;
	int vague = 0;
	size_t e;
	return number_word(x, k, &v, &vague, &e) && vague;
}

/* ---- places ---- */

static void set_place(struct ectx *c, lw_event_place *p, const struct lw_pref *r)
{
	struct lw_extract *x = c->x;
	/* every field is set below: no memset of the whole (a `rep stos`
	 * per event) */
	p->present = 1;
	p->entity = r->ent >= 0 && x->ents[r->ent].id ? (int32_t)x->ents[r->ent].id : -1;
	p->span.start = r->start;
	p->span.end = r->end;
	if (r->district) {
		/* a district the gazetteer lacks, in its province r->place */
		p->name = (lw_str){c->t->p + r->start, r->end - r->start};
		lw_district_place(c->kb, r->place, p->name, &p->place);
		return;
	}
	const struct lw_kb_place *pl = &c->kb->places[r->place];
	p->name = (lw_str){lw_kb_str(c->kb, pl->name_off), pl->name_len};
	lw_place_of(c->kb, r->place, &p->place);
}

static int kind_rank(int kind)
{
	/* the most specific place is the event's */
	switch (kind) {
	case LW_PK_CITY: return 5;
	case LW_PK_OTHER: return 4;
	case LW_PK_ADMIN2: return 4;
	case LW_PK_ADMIN1: return 3;
	case LW_PK_COUNTRY: return 1;
	default: return 0;
	}
}

/* "the scene", "the site of the blast", "the injured in hospital": what
 * one visits after an attack, with no one there to meet */
static int scene_after(const struct lw_text *t, size_t k, size_t s1)
{
	static const char *const scene[] = {"scene", "site", "spot", "hospital", "injured",
					    "wounded", "victims", "morgue"};
	for (size_t j = k; j < s1 && j < k + 3; j++)
		if (lw_tok_in(t, j, scene, sizeof scene / sizeof *scene))
			return 1;
	return 0;
}

/* A named place right after token k, past "the" and "to" ("visited
 * Kabul", "a visit to the United States")? */
static int place_after(const struct lw_extract *x, size_t k, size_t s1)
{
	while (k < s1 && (w(x, k, W_THE) || w(x, k, W_TO)))
		k++;
	const struct lw_mention *m = k < s1 ? lw_mention_at(x, k) : NULL;
	return m && m->first_tok == k && m->type == LW_PLACE;
}

/* Does a distance stand right before token k ("20 kilometers from",
 * "30 km north of", "12 miles (19 km) south-east of")? */
static int distance_before(const struct lw_extract *x, size_t s0, size_t k)
{
	static const char *const unit[] = {"kilometers", "kilometres", "km", "kms", "miles",
					   "mile", "kilometer", "kilometre"};
	const struct lw_text *t = x->t;
	if (k < s0 + 2 || !(w(x, k - 1, W_FROM) || w(x, k - 1, W_OF)))
		return 0;
	/* a number, then its unit: only a number's next word is asked */
	for (size_t j = k - 1; j > s0 && k - j <= 8; j--)
		if (t->tok[j - 1].kind == LW_TOK_NUMBER && lw_tok_in(t, j, unit, sizeof unit / sizeof *unit))
			return 1;
	return 0;
}

/* The place of an event in tokens [s0, s1): a place after "in", "near",
 * "at" ..., the most specific; a bare place when there is no such. */
/* Is the place at k where someone fled to: "fled back to Afghanistan",
 * "escaped into the mountains of Kunar", "retreated towards Kunar"; or
 * where the wounded were taken ("taken to a hospital in Zamboanga")? */
static int fled_to(const struct lw_extract *x, size_t s0, size_t k)
{
	static const char *const fled[] = {"fled", "escaped", "retreated", "withdrew", "sped",
					   "flee", "escape", "retreat", "fleeing", "escaping"};
	const struct lw_text *t = x->t;
	/* "taken to a hospital in Zamboanga", "airlifted to Peshawar": where
	 * the wounded were treated */
	static const char *const care[] = {"hospital", "hospitals", "clinic", "clinics"};
	static const char *const carried[] = {"taken", "rushed", "brought", "evacuated",
					      "airlifted", "transferred", "shifted", "flown"};
	/* (their first letters first: the word before "in" before most
	 * places is none of them) */
	static _Atomic uint32_t care_initials;
	if (k > s0 + 2 && (w(x, k - 1, W_IN) || w(x, k - 1, W_AT)) &&
	    lw_tok_initial(t, k - 2, lw_list_initials(care, sizeof care / sizeof *care, &care_initials)) &&
	    lw_tok_in(t, k - 2, care, sizeof care / sizeof *care))
		/* (not "staff at the Civil Hospital in Quetta protested") */
		for (size_t j = k - 2; j > s0 && k - 2 - j < 4; j--)
			if (w(x, j - 1, W_TO) || lw_tok_is(t, j - 1, "admitted") ||
			    lw_tok_is(t, j - 1, "treated"))
				return 1;
	if (k > s0 + 1 && w(x, k - 1, W_TO) &&
	    lw_tok_in(t, k - 2, carried, sizeof carried / sizeof *carried))
		return 1;
	if (k <= s0 + 1 || !(w(x, k - 1, W_TO) || w(x, k - 1, W_INTO) ||
			     lw_tok_is(t, k - 1, "towards") || lw_tok_is(t, k - 1, "toward")))
		return 0;
	size_t v = k - 2;
	if (v > s0 && (lw_tok_is(t, v, "back") || lw_tok_is(t, v, "across") || lw_tok_is(t, v, "away")))
		v--;
	return lw_tok_in(t, v, fled, sizeof fled / sizeof *fled);
}

/* "Congo accuses Rwanda of backing M23, a charge Kigali denies",
 * "Beijing warned Manila": a capital city right before a verb of speech
 * or of dealing between states (AGREE, CONSULT, REQUEST, ACCUSE, REJECT,
 * THREATEN, SANCTION) stands for its country's government; into *r. */
static int capital_speaks(struct ectx *c, const struct trig *tr, size_t floor, struct lw_aref *r)
{
	static const unsigned states = 1u << 0 | 1u << 1 | 1u << 7 | 1u << 8 | 1u << 9 | 1u << 10 |
				       1u << 12;
	const struct lw_extract *x = c->x;
	/* (a finite verb: "at Jantar Mantar, New Delhi demanding ..." is
	 * where a crowd demands) */
	if (!((states >> tr->kt->type) & 1) || tr->first <= floor || (tr->kt->flags & LW_TRF_NOUN) ||
	    participle_at(c->t, tr->first))
		return 0;
	const struct lw_mention *m = lw_mention_at(x, tr->first - 1);
	if (!m || m->type != LW_PLACE || m->end_tok != tr->first || x->ents[m->ent].place == UINT32_MAX)
		return 0;
	const struct lw_kb *kb = c->kb;
	const struct lw_kb_place *p = &kb->places[x->ents[m->ent].place];
	/* the capital city, or the province of its name ("Beijing",
	 * "Kigali" are provinces as well) */
	int capital = p->kind == LW_PK_CITY && (p->flags & LW_PF_CAPITAL);
	uint32_t city = !capital && p->kind == LW_PK_ADMIN1 ? lw_kb_capital_of(kb, p->country)
							     : UINT32_MAX;
	if (city < kb->nplaces) {
		const struct lw_kb_place *cp = &kb->places[city];
		capital = cp->name_len == p->name_len &&
			  memcmp(lw_kb_str(kb, cp->name_off), lw_kb_str(kb, p->name_off), p->name_len) == 0;
	}
	if (!capital || (m->first_tok > floor && lw_tok_punct(c->t, m->first_tok - 1, ',')) ||
	    (m->first_tok > floor && c->t->tok[m->first_tok - 1].kind == LW_TOK_WORD &&
	     (w(x, m->first_tok - 1, W_IN) || w(x, m->first_tok - 1, W_AT) ||
	      w(x, m->first_tok - 1, W_FROM) || w(x, m->first_tok - 1, W_TO))))
		return 0; /* ("officials in Kabul said") */
	memset(r, 0, sizeof *r);
	r->start = m->start;
	r->end = m->end;
	r->first_tok = m->first_tok;
	r->end_tok = m->end_tok;
	r->ent = -1;
	memcpy(r->country, p->country, 4);
	memcpy(r->sector, "GOV", 4);
	r->kind = LW_AREF_ROLE;
	return 1;
}

/* Does a title start at token k ("Home Minister", "Chief Minister",
 * "Governor", "police chief")? */
static int title_at(const struct lw_extract *x, size_t k)
{
	if (lw_ann_find(x, k, LW_SENSE_TITLE))
		return 1;
	const struct lw_ann *r = lw_ann_find(x, k, LW_SENSE_ROLE);
	return r && x->kb->roles[lw_ann_sense(x, r)->id].kind == LW_ROLE_TITLE;
}

/* Is [a, b) inside a longer actor phrase? */
static int inside_actor(const struct lw_extract *x, size_t a, size_t b)
{
	for (size_t i = lw_aref_lower(x, 0, x->naref, a + 1); i-- > 0;) {
		const struct lw_aref *r = &x->aref[i];
		if (r->first_tok + 8 < a)
			break; /* phrases start in order; none this long */
		if (r->first_tok <= a && r->end_tok >= b && r->end_tok - r->first_tok > b - a)
			return 1;
	}
	return 0;
}

/* Is token k a place's head word ("province", "district", "village")? */
static int place_head_word(const struct lw_extract *x, size_t k)
{
	return kind_at(x, k, LW_SENSE_PLACE_HEAD);
}

/* "northwestern", "south-eastern": a region's word of two points (the
 * one-point ones are WS_REGION) */
static int compass_word(const struct lw_text *t, size_t k)
{
	static const char *const two[] = {"northwestern", "northeastern", "southwestern",
					  "southeastern", "north-western", "north-eastern",
					  "south-western", "south-eastern"};
	/* (all twelve letters or more: the length rules out the word
	 * before nearly every place without the list's walk) */
	return t->tok[k].kind == LW_TOK_WORD && lw_tok_len(&t->tok[k]) >= 12 &&
	       lw_tok_in(t, k, two, sizeof two / sizeof *two);
}

static int noun_trigger_at(const struct ectx *c, size_t k);

/* Is the country r the first of two subjects of a verb right after them
 * ("France and Germany urged", "The United States and the European
 * Union urged")? */
static int country_subject(struct ectx *c, const struct lw_pref *r, size_t s0, size_t s1)
{
	const struct lw_extract *x = c->x;
	size_t v = r->end_tok;
	/* (one country alone may act at home: "France expels", "China
	 * arrested"; of two, neither is where) */
	if (v + 1 < s1 && w(x, v, W_AND)) {
		size_t j = v + 1;
		if (w_in(x, j, WS_DET))
			j++;
		const struct lw_aref *o = aref_after(c, j, j + 1);
		size_t i = pref_lower(x, j);
		if (o && o->first_tok == j)
			v = o->end_tok;
		else if (i < x->npref && x->pref[i].first_tok == j)
			v = x->pref[i].end_tok;
		else
			return 0;
	} else {
		/* (or the second: "France and Germany urged") */
		size_t a = r->first_tok;
		if (a > 0 && w_in(x, a - 1, WS_DET))
			a--;
		size_t i = pref_lower(x, r->first_tok);
		if (a < 2 || !w(x, a - 1, W_AND))
			return 0;
		/* (after a country, or a named group: "The Taliban and
		 * Pakistan clashed") */
		const struct lw_aref *g = aref_before(c, s0, a - 1);
		if (!(i > 0 && x->pref[i - 1].end_tok == a - 1 &&
		      c->kb->places[x->pref[i - 1].place].kind == LW_PK_COUNTRY) &&
		    !(g && g->end_tok == a - 1 && g->ent >= 0))
			return 0;
	}
	if (v >= s1 || !(c->t->tok[v].flags & LW_TF_LOWER))
		return 0;
	return kind_at(x, v, LW_SENSE_TRIGGER) || kind_at(x, v, LW_SENSE_CUE) || w_in(x, v, WS_AUX) ||
	       w(x, v, W_HAS) || w(x, v, W_HAVE) || w(x, v, W_HAD);
}

static int32_t place_in(struct ectx *c, size_t s0, size_t s1)
{
	struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	int32_t best = -1;
	int best_score = -1;
	/* the current sentence's (most asks) without a search */
	size_t i0 = s0 == c->sent_first ? c->pref_first : pref_lower(x, s0);
	for (size_t i = i0; i < x->npref; i++) {
		const struct lw_pref *r = &x->pref[i];
		if (r->first_tok >= s1)
			break;
		const struct lw_kb_place *pl = &c->kb->places[r->place];
		/* a country's name used as its adjective before a deed ("a
		 * U.S. drone strike", "a US military air strike") is whose the
		 * deed is, not where (not after "in": "in Yemen drone strikes
		 * ...") */
		if (pl->kind == LW_PK_COUNTRY && r->end_tok < s1 &&
		    (noun_trigger_at(c, r->end_tok) ||
		     (r->end_tok + 1 < s1 && (t->tok[r->end_tok].flags & LW_TF_LOWER) &&
		      noun_trigger_at(c, r->end_tok + 1))) &&
		    !(r->first_tok > s0 && w_in(x, r->first_tok - 1, WS_PLACE_PREP)))
			continue;
		int score = kind_rank(r->district ? LW_PK_ADMIN2 : pl->kind) * 2;
		size_t k = r->first_tok;
		while (k > s0 && (w(x, k - 1, W_THE) || (t->tok[k - 1].flags & LW_TF_LOWER &&
							 (w_in(x, k - 1, WS_REGION) ||
							  compass_word(t, k - 1)))))
			k--;
		/* "in the northern province of La Guajira": the preposition
		 * before the head word and its "of" */
		size_t kf = k; /* (where fled_to looks: "fled toward the town of X") */
		if (k > s0 + 2 && w(x, k - 1, W_OF) && (t->tok[k - 2].flags & LW_TF_LOWER) &&
		    listed(c, k - 2, LS_UNIT_OF)) {
			size_t h = k - 2;
			while (h > s0 && (w(x, h - 1, W_THE) || (t->tok[h - 1].flags & LW_TF_LOWER &&
								 w_in(x, h - 1, WS_REGION))))
				h--;
			kf = h;
			if (h > s0 && w_in(x, h - 1, WS_PLACE_PREP) && !w(x, h - 1, W_OF))
				k = h;
		}
		/* "in Kashmir's Kupwara district": the preposition is the
		 * whole phrase's, the place after the possessive the nearer */
		static const char *const unit[] = {"province", "state", "region", "district",
						   "county", "governorate"};
		if (k > s0 + 1 && i > i0 && (t->tok[k - 1].flags & LW_TF_POSSESSIVE) &&
		    (x->pref[i - 1].end_tok == k - 1 ||
		     /* "in the Khyber Pakhtunkhwa province's Bannu district" */
		     (x->pref[i - 1].end_tok + 2 == k &&
		      lw_tok_in(t, k - 2, unit, sizeof unit / sizeof *unit)))) {
			score += 1; /* within the place before: Kupwara within Kashmir */
			k = x->pref[i - 1].first_tok;
			/* (past "the" and a region's word: "in central Mali's
			 * Mopti region") */
			while (k > s0 && (w(x, k - 1, W_THE) ||
					  ((t->tok[k - 1].flags & LW_TF_LOWER) &&
					   (w_in(x, k - 1, WS_REGION) || compass_word(t, k - 1)))))
				k--;
		}
		/* "the others fled back to Afghanistan": where the attackers
		 * went after, not where they struck; nor where they came from
		 * over a line or a border ("infiltration from across the Line
		 * of Control"; but "doctors from across Rawalpindi" are there) */
		if (fled_to(x, s0, k) || (kf != k && fled_to(x, s0, kf)) ||
		    (k > s0 + 1 && w(x, k - 2, W_FROM) && (w(x, k - 1, W_ACROSS) || w(x, k - 1, W_OVER)) &&
		     (pl->kind == LW_PK_OTHER ||
		      (pl->kind == LW_PK_COUNTRY && memcmp(pl->country, x->focus, 3) != 0))))
			continue;
		/* "chanting slogans against Paris": a state set against (a
		 * country, or a capital abroad; "against the Delhi government"
		 * in an Indian story may well be in Delhi), and
		 * "near the border with Mali" in a story from Niger: the
		 * country over the border, not where anything was */
		int abroad = pl->kind == LW_PK_COUNTRY ||
			     (pl->kind == LW_PK_CITY && (pl->flags & LW_PF_CAPITAL) && x->focus[0] &&
			      memcmp(pl->country, x->focus, 3) != 0);
		/* (a list's later items too: "against France, the US and
		 * the UN") */
		size_t ka = k;
		for (size_t q = i; ka > s0 + 1 && q > i0 && (lw_tok_punct(t, ka - 1, ',') || w(x, ka - 1, W_AND));) {
			const struct lw_pref *o = &x->pref[--q];
			size_t e = ka - 1;
			if (e > s0 && w(x, e - 1, W_THE))
				e--;
			if (o->end_tok != e)
				break;
			ka = o->first_tok;
			while (ka > s0 && w(x, ka - 1, W_THE))
				ka--;
		}
		if (k > s0 && ((lw_tok_is(t, ka - 1, "against") && abroad) ||
			       (k > s0 + 1 && w(x, k - 1, W_WITH) &&
				(lw_tok_is(t, k - 2, "border") || lw_tok_is(t, k - 2, "frontier")) &&
				pl->kind == LW_PK_COUNTRY)))
			continue;
		/* "rebels backed by Rwanda", "talks brokered by the United
		 * States": a third party's part is not where anything was */
		if (k > s0 + 1 && w(x, k - 1, W_BY) && third_party_word(t, k - 2))
			continue;
		int prep = k > s0 && w_in(x, k - 1, WS_PLACE_PREP);
		/* "attacks aimed at pressuring Israel over the war in Gaza",
		 * "rallied in London against the war in Ukraine": the war a
		 * deed is about is not where the deed was */
		if (prep && k > s0 + 3 && w(x, k - 1, W_IN) && w(x, k - 3, W_THE) &&
		    (lw_tok_is(t, k - 2, "war") || lw_tok_is(t, k - 2, "conflict")) &&
		    (w(x, k - 4, W_OVER) || w(x, k - 4, W_AGAINST) || lw_tok_is(t, k - 4, "about") ||
		     lw_tok_is(t, k - 4, "amid") || lw_tok_is(t, k - 4, "end")))
			continue;
		/* "The United States and the European Union urged the
		 * authorities", "France and Germany urged": a country that is
		 * a verb's subject acts, it is not where */
		if (!prep && pl->kind == LW_PK_COUNTRY && country_subject(c, r, s0, s1))
			continue;
		/* "..., Rwanda's defence force said": whose teller, not where */
		if (!prep && pl->kind == LW_PK_COUNTRY && attribution_words(c, r->first_tok, r->end_tok))
			continue;
		/* "Moscow said the strikes were a response", "a charge Kigali
		 * denies": a place that speaks is its government, the teller,
		 * not where anything was done */
		/* (not a list's last item: "Villagers in Karo, Dadu protested") */
		if (!prep && r->end_tok < s1 && (t->tok[r->end_tok].flags & LW_TF_LOWER) &&
		    !(k > s0 && lw_tok_punct(t, k - 1, ',')) &&
		    listed(c, r->end_tok, LS_STANCE))
			continue;
		/* "Sindh Home Minister X said", "the Punjab police chief": whose
		 * office, not where anything was done */
		if (!prep && r->end_tok < s1 && pl->kind != LW_PK_CITY && title_at(x, r->end_tok))
			continue;
		/* "the Santa Rosa de Lima gang", "a Sinaloa cartel cell": a
		 * gang named for where it began, not where it struck */
		static const char *const band[] = {"gang", "gangs", "cartel", "cartels", "clan", "clans"};
		/* (their first letters first: the word after most places is
		 * none of these, nor of an affair's below) */
		static _Atomic uint32_t band_initials;
		if (r->end_tok < s1 && (t->tok[r->end_tok].flags & LW_TF_LOWER) &&
		    lw_tok_initial(t, r->end_tok, lw_list_initials(band, sizeof band / sizeof *band, &band_initials)) &&
		    lw_tok_in(t, r->end_tok, band, sizeof band / sizeof *band))
			continue;
		/* "U.S. soldiers" in a story of Afghanistan: a country named
		 * inside an actor's phrase says whose the actor is, not where
		 * it acted (as "Pakistani forces" does), where the story is
		 * about another country; "Myanmar Army troops" in a story of
		 * Myanmar are likely at home */
		if (!prep && pl->kind == LW_PK_COUNTRY && x->focus[0] &&
		    memcmp(x->focus, pl->country, 3) != 0 && inside_actor(x, r->first_tok, r->end_tok))
			continue;
		if (prep)
			score += 20;
		/* "the father of Liverpool striker X": a place that describes
		 * the noun after it, whose "of" is that noun's */
		static const char *const joins[] = {"and", "or", "to", "for", "with", "after", "before",
						    "where", "which", "that", "who", "when", "on",
						    "since", "during", "as", "but", "by", "under",
						    /* a branch or office there is there */
						    "chapter", "branch", "unit", "wing", "press",
						    "office", "bureau", "hospital", "police",
						    /* the when after the where */
						    "overnight", "yesterday", "today", "tonight", "last",
						    "this", "early", "late", "earlier", "later"};
		if (prep && w(x, k - 1, W_OF) && r->end_tok < s1 &&
		    t->tok[r->end_tok].kind == LW_TOK_WORD && (t->tok[r->end_tok].flags & LW_TF_LOWER) &&
		    !place_head_word(x, r->end_tok) && !w_in(x, r->end_tok, WS_PLACE_PREP) &&
		    !lw_tok_in(t, r->end_tok, joins, sizeof joins / sizeof *joins) &&
		    !lw_tok_ends(t, r->end_tok, "ed", 2) && !lw_tok_ends(t, r->end_tok, "s", 1))
			score -= 20;
		/* "A policeman, 42, of Quetta, died in Turbat": the home in a
		 * person's apposition is not where the event was */
		if (k > s0 + 1 && w(x, k - 1, W_OF) && lw_tok_punct(t, k - 2, ','))
			score -= 40;
		/* "said a research group based in Islamabad", "a group
		 * headquartered in Quetta": an organisation's seat */
		if (k > s0 + 1 && w(x, k - 1, W_IN) &&
		    (lw_tok_is(t, k - 2, "based") || lw_tok_is(t, k - 2, "headquartered")))
			score -= 40;
		/* "about 20 kilometers (12 miles) from Maiduguri", "30 km
		 * north of Kabul": a landmark to measure from, not the place */
		if (distance_before(x, s0, k))
			score -= 30;
		else if (k > s0 && lw_tok_punct(t, k - 1, ',') && pl->kind != LW_PK_COUNTRY)
			score += 10; /* "Maiwand district, Kandahar province", not "HERAT, Afghanistan" */
		/* "the culprits of the Model Town incident": a place that names
		 * an affair told of as known, not where this sentence's deed
		 * was (the place of none other stays) */
		static const char *const affair[] = {"incident", "tragedy", "case", "episode",
						     "affair", "saga", "carnage", "scandal"};
		static _Atomic uint32_t affair_cache;
		const uint32_t affair_initials =
			lw_list_initials(affair, sizeof affair / sizeof *affair, &affair_cache);
		if (r->end_tok < s1 && (t->tok[r->end_tok].flags & LW_TF_LOWER) &&
		    lw_tok_initial(t, r->end_tok, affair_initials) &&
		    lw_tok_in(t, r->end_tok, affair, sizeof affair / sizeof *affair))
			score -= 25;
		/* the dateline says where the story was filed: the place of its
		 * sentence's event only when the sentence names none ("KABUL,
		 * Afghanistan - ... operations in southern and eastern
		 * Afghanistan" were not in Kabul) */
		if (t->dateline.found && r->start >= t->dateline.place.start &&
		    r->end <= t->dateline.place.end)
			score -= 100;
		if (best < 0 || score > best_score) {
			best_score = score;
			best = (int32_t)i;
		}
	}
	return best;
}

/* The dateline's most specific place ("MOGADISHU, Somalia"), or -1. */
static int32_t dateline_place(struct ectx *c)
{
	const struct lw_text *t = c->t;
	int32_t best = -1;
	if (!t->dateline.found)
		return -1;
	for (size_t i = 0; i < c->x->npref; i++) {
		const struct lw_pref *r = &c->x->pref[i];
		if (r->start >= t->dateline.place.end)
			break;
		if (r->start < t->dateline.place.start)
			continue;
		if (best < 0 || kind_rank(c->kb->places[r->place].kind) >
					kind_rank(c->kb->places[c->x->pref[best].place].kind))
			best = (int32_t)i;
	}
	return best;
}

/* A district or village in the sentence that the gazetteer lacks, with
 * its province named: keep the province. (Handled by place_in's ranking:
 * the province is the most specific known place.) */

/* ---- flags ---- */

static int negated(const struct lw_extract *x, size_t a, size_t k)
{
	for (size_t j = k; j > a && k - j < 4; j--) {
		if (w_in(x, j - 1, WS_NEGATION))
			return 1;
		/* (a clause's or a list's mark ends it: "were farmers, not
		 * fighters, and accused the army") */
		if (lw_tok_punct(x->t, j - 1, ',') || w(x, j - 1, W_AND) || w(x, j - 1, W_BUT))
			break;
		/* "without incident", "without firing a shot" */
		if (k - j < 2 && w(x, j - 1, W_WITHOUT))
			return 1;
	}
	/* "denied that it carried out the attack", "denies carrying out
	 * the raid", "denied responsibility for the bombing": a deed denied
	 * is told as not done by the denier (a comma ends the denial: "denied
	 * the claim, saying troops killed ten") */
	/* (what may follow the denial's word: not "denied food and
	 * demanding", "rights denied victims of mass shootings") */
	for (size_t j = k; j > a && k - j < 7; j--) {
		if (lw_tok_punct(x->t, j - 1, ',') || lw_tok_punct(x->t, j - 1, ';') ||
		    w(x, j - 1, W_AND) || w(x, j - 1, W_OR) || w(x, j - 1, W_BUT))
			break;
		/* (as sets, ls_deny and ls_denied: asked at each of these
		 * words of every trigger, the lists' walks cost the most) */
		if (word_listed(x, j - 1, LS_DENY))
			return (j == k || word_listed(x, j, LS_DENIED) ||
				(lw_tok_ends(x->t, j, "ing", 4) && (x->t->tok[j].flags & LW_TF_LOWER))) &&
			       !(j > a + 1 && w_in(x, j - 2, WS_AUX));
	}
	return 0;
}


/* "called for a precision airstrike", "called for air support": a
 * force's call for fire from the air, answered in the same report, in
 * the words [j, k] */
static int air_support(const struct lw_text *t, size_t j, size_t k)
{
	static const char *const air[] = {"air", "airstrike", "airstrikes", "precision", "close"};
	for (size_t i = j; i <= k; i++)
		if (lw_tok_in(t, i, air, sizeof air / sizeof *air))
			return 1;
	return 0;
}

/* Words before a trigger that make it an aim, a threat or a rumour. */
static const char *const speculation_words[] = {"may", "might", "could", "would", "will", "should",
	"threatened", "threaten", "threatens", "plan", "plans",
	"planned", "planning", "plotting", "plotted", "intend",
	"intends", "intended", "vowed", "vow", "vows", "warned",
	"aim", "aims", "preparing", "prepared", "attempting",
	"seeking", "sought", "wants", "wanted", "hope", "hopes",
	"hoped", "longed", "longs", "yearned", "wished", "wishes",
	"allegedly", "possible", "potential", "feared", "fears",
	/* "declined to say whether any officers had been suspended" */
	"whether"};

/* Words that put a trigger in a person's or group's past record. */
static const char *const background_heads[] = {"responsible", "linked", "involved", "behind",
	"accused", "suspected", "wanted", "planned",
	"facilitated", "known", "history", "connection", "role",
	"orchestrated", "masterminded", "participated", "took",
	"blamed", "coordinated", "directed", "organized",
	"organised", "carried", "committed",
	/* "in response to Israeli strikes that killed four", "in retaliation
	 * for the raid": the deed answered came before */
	"response", "retaliation", "revenge", "reprisal", "retribution",
	/* who did it, before "of": "the mastermind of the bombing", "the
	 * perpetrators of the attack" (not "a suspect in the attack", often
	 * the subject of the news: "a suspect in the attacks was killed in a
	 * clash") */
	"mastermind", "masterminds", "perpetrator", "perpetrators", "ringleader",
	"ringleaders"};
/* Words of habit, "such" first (habitual), and of charges (alleged):
 * of the class LW_EVF_ASKED. */
static const char *const habit_words[] = {"such", "usually", "often", "typically", "frequently",
					  "routinely", "regularly", "commonly", "generally",
					  "sometimes", "occasionally"};
static const char *const charge_words[] = {"accused", "accusing", "accuses", "accuse"};

/* "accused the militants of using civilians as human shields": is the
 * trigger at k what one side charges another with, after "accused ...
 * of" (in the sentence from a)? */
static int alleged(const struct lw_extract *x, size_t a, size_t k)
{
	size_t lo = k > a + 10 ? k - 10 : a;
	for (size_t q = lw_flag_prev(x->evf, lo, k, LW_EVF_ASKED); q > lo;
	     q = lw_flag_prev(x->evf, lo, q - 1, LW_EVF_ASKED)) {
		if (!lw_tok_in(x->t, q - 1, charge_words, sizeof charge_words / sizeof *charge_words))
			continue;
		/* "of" after the one charged, a few words before the deed */
		for (size_t j = q; j < k && j - q < 6; j++)
			if (w(x, j, W_OF))
				return k - j <= 5;
		return 0;
	}
	return 0;
}

/* "summoned a senior diplomat to lodge a protest": a "to" at k after
 * "summoned" and its object (from a) says what the summons did. */
static int summoned_to(const struct lw_extract *x, size_t a, size_t k)
{
	for (size_t j = k; j > a && k - j < 6; j--)
		if (summon_word(x->t, j - 1))
			return 1;
	return 0;
}

static int speculative(const struct lw_extract *x, size_t a, size_t k, int protest)
{
	/* "crossed the border to fight": an aim, not a deed; but "began to
	 * protest" happened */
	if (k > a && w(x, k - 1, W_TO) && !protest)
		return !(k > a + 1 && (w(x, k - 2, W_BEGAN) || w(x, k - 2, W_STARTED) ||
				      w(x, k - 2, W_CONTINUED) || w(x, k - 2, W_CONTINUE) ||
				      w(x, k - 2, W_CONTINUES) || w(x, k - 2, W_USED))) &&
		       !summoned_to(x, a, k - 1);
	
	if (alleged(x, a, k))
		return 1;
	/* "would keep attacking until the prime minister resigned": the
	 * condition of an aim or a threat has not come about (the last
	 * "until" of the eight words before k; a clause word, LW_EVF_BREAK,
	 * as few words are) */
	size_t lo = k > a + 8 ? k - 8 : a;
	for (size_t j = lw_flag_prev(x->evf, lo, k, LW_EVF_BREAK); j > lo;
	     j = lw_flag_prev(x->evf, lo, j - 1, LW_EVF_BREAK))
		if (lw_tok_is(x->t, j - 1, "until")) {
			for (size_t q = j - 1; q > a; q--)
				if (x->evf[q - 1] & LW_EVF_SPECULATE)
					return 1;
			break;
		}
	for (size_t j = k; j > a && k - j < 5; j--) {
		if (x->evf[j - 1] & LW_EVF_SPECULATE)
			return 1;
		/* "demanded that the government step down": what a demand
		 * asks for has not happened */
		if (j - 1 > a && w(x, j - 1, W_THAT) &&
		    word_listed(x, j - 2, LS_ASKED))
			return 1;
		/* "demanding the resignation of the president", "demanded
		 * the immediate release of": the thing demanded, a noun
		 * after the demand and its article */
		if (j - 1 > a && k - j < 3 && (w(x, j - 1, W_THE) || w(x, j - 1, W_A) || w(x, j - 1, W_AN)) &&
		    word_listed(x, j - 2, LS_DEMAND))
			return 1;
		/* "were charged with murder", "charges of attempted murder":
		 * what a court has yet to try (a bare noun: "indicted for the
		 * killing of a journalist" tells a death that happened) */
		static const char *const charged[] = {"charged", "charge", "charges", "charging",
						      "indicted"};
		if (j - 1 > a && k - j < 2 && !w_in(x, j, WS_DET) &&
		    (w(x, j - 1, W_WITH) || w(x, j - 1, W_OF) || w(x, j - 1, W_FOR)) &&
		    lw_tok_in(x->t, j - 2, charged, sizeof charged / sizeof *charged))
			return 1;
		/* "called for attacks on the army"; but a force that "called
		 * for air support" got it, and a call for protests is mostly
		 * told with the protests it brought out */
		static const char *const call[] = {"called", "call", "calls", "calling", "appealed",
						   "appeal", "appeals"};
		if (!protest && j - 1 > a && k - j < 3 && w(x, j - 1, W_FOR) &&
		    lw_tok_in(x->t, j - 2, call, sizeof call / sizeof *call) && !air_support(x->t, j, k))
			return 1;
	}
	return 0;
}

/* "The fighters, who pledge allegiance to the Islamic State, stormed ...",
 * "the militia, which often raids farms,": a verb in the present in an
 * aside's relative clause tells what a phrase is or does by habit, no
 * deed of the story. */
/* Is token k inside a relative aside between commas (", which boycotted
 * the vote,", ", who ... ,") of the sentence [s0, s1)? */
static int in_aside(const struct lw_extract *x, size_t s0, size_t s1, size_t k)
{
	const struct lw_text *t = x->t;
	size_t j = k;
	while (j > s0 + 1 && k - j < 10 && !lw_tok_punct(t, j - 1, ','))
		j--;
	if (j <= s0 + 1 || !lw_tok_punct(t, j - 1, ',') || !(w(x, j, W_WHICH) || w(x, j, W_WHO)))
		return 0;
	for (size_t q = k + 1; q < s1 && q < k + 12; q++)
		if (lw_tok_punct(t, q, ','))
			return 1;
	return 0;
}

static int habit_aside(const struct lw_extract *x, const struct trig *tr, size_t s0)
{
	size_t k = tr->first;
	if ((tr->kt->flags & LW_TRF_NOUN) || !(tr->sense->form & (LW_FORM_BASE | LW_FORM_3SG)) ||
	    (tr->sense->form & LW_FORM_PAST))
		return 0;
	/* (an adverb between: "who regularly attack") */
	if (k > s0 + 2 && (x->t->tok[k - 1].flags & LW_TF_LOWER) && lw_tok_ends(x->t, k - 1, "ly", 2))
		k--;
	return k > s0 + 2 && (w(x, k - 1, W_WHO) || w(x, k - 1, W_WHICH)) && lw_tok_punct(x->t, k - 2, ',');
}

/* "Talks will resume on Friday", "the march is scheduled for Saturday",
 * "the strike is due to begin on Monday": a deed's noun whose own verb
 * puts it ahead, not yet done ("the attack will be investigated" was). */
static int planned_noun(const struct lw_extract *x, const struct trig *tr, size_t s1)
{
	static const char *const ahead[] = {"resume", "begin", "start", "open", "take", "go", "continue"};
	static const char *const set[] = {"scheduled", "planned", "set", "expected", "due"};
	const struct lw_text *t = x->t;
	size_t j = tr->end;
	if (!(tr->kt->flags & LW_TRF_NOUN) || j + 2 >= s1)
		return 0;
	/* "called a general strike for Sunday", "a rally for next Friday":
	 * the day it is for */
	if (lw_tok_word(t, j, "for") &&
	    (lw_calendar_name(t, j + 1) || lw_tok_word(t, j + 1, "next") || lw_tok_word(t, j + 1, "tomorrow")))
		return 1;
	/* (past the noun's phrase: "talks between the two factions will
	 * resume") */
	if (w(x, j, W_BETWEEN) || w(x, j, W_WITH) || w(x, j, W_OF) || w(x, j, W_ON) || w(x, j, W_IN))
		while (j + 2 < s1 && j < tr->end + 7 && t->tok[j].kind == LW_TOK_WORD && !w(x, j, W_WILL) &&
		       !w_in(x, j, WS_AUX) && !kind_at(x, j, LW_SENSE_TRIGGER) && !kind_at(x, j, LW_SENSE_CUE))
			j++;
	/* (past an aside: "talks between the two governments, hosted by
	 * Qatar, are due to resume") */
	if (lw_tok_punct(t, j, ',') && j > tr->end)
		for (size_t k = j + 1; k + 2 < s1 && k < j + 10 && t->tok[k].kind != LW_TOK_TERM; k++)
			if (lw_tok_punct(t, k, ',')) {
				j = k + 1;
				break;
			}
	if (w(x, j, W_WILL) || lw_tok_word(t, j, "would"))
		return lw_tok_in(t, j + 1, ahead, sizeof ahead / sizeof *ahead) ||
		       (lw_tok_word(t, j + 1, "be") && lw_tok_word(t, j + 2, "held"));
	if (w_in(x, j, WS_AUX))
		j++;
	if (j + 2 >= s1 || !lw_tok_in(t, j, set, sizeof set / sizeof *set))
		return 0;
	/* (a plan's day or its start; "due to a dispute" is a cause) */
	if (w(x, j + 1, W_TO))
		return lw_tok_in(t, j + 2, ahead, sizeof ahead / sizeof *ahead) ||
		       lw_tok_word(t, j + 2, "be");
	return !lw_tok_word(t, j, "due") && !lw_tok_word(t, j, "expected") &&
	       (w(x, j + 1, W_FOR) || w(x, j + 1, W_ON));
}

/* A date of a record, not of news: a year or more before the document's
 * (to the month or coarser), or a month two or more before its month. */
static int old_date(const struct ectx *c, const lw_date *dd)
{
	if (c->base == INT32_MIN || !dd->year)
		return 0;
	return (dd->year < c->docdate.year && dd->precision <= LW_PREC_MONTH) ||
	       (dd->precision == LW_PREC_MONTH && c->docdate.month &&
		dd->year * 12 + dd->month + 2 <= c->docdate.year * 12 + c->docdate.month);
}

/* Does sentence [s0, ...) count over years: "over three decades", "over
 * the past decade", "over the years", "over two years"? A toll over such
 * a time is a war's tally, not one event ("The civil war cost some
 * 80,000 lives over three decades"). */
/* Does sentence [s0, s1) tell a war's toll: "two years of war that killed
 * tens of thousands", "a conflict that has killed more than 10,000
 * people", "the insurgency, which has killed ..."? A long war's dead are
 * its tally, not one event's. */
static int war_toll_scan(const struct lw_extract *x, size_t s0, size_t s1);

static int war_toll(const struct lw_extract *x, size_t s0, size_t s1)
{
	struct lw_extract *mx = (struct lw_extract *)x; /* its memo only */
	if (mx->war_toll_sent != s0 + 1) {
		mx->war_toll_val = war_toll_scan(x, s0, s1);
		mx->war_toll_sent = s0 + 1;
	}
	return mx->war_toll_val;
}

/* Past what names the war after its word at k: "between the army and the
 * RSF", "in Yemen", and a relative clause between commas (", which
 * erupted in April 2023,"): the token where its verb may stand. */
static size_t war_subject_end(const struct lw_extract *x, size_t k, size_t s1)
{
	const struct lw_text *t = x->t;
	if (k < s1 && (w(x, k, W_BETWEEN) || w(x, k, W_IN) || w(x, k, W_AGAINST) || w(x, k, W_OF))) {
		size_t j = k + 1;
		while (j < s1 && j < k + 9 && t->tok[j].kind == LW_TOK_WORD && !w(x, j, W_HAS) &&
		       !w(x, j, W_HAVE) && !w(x, j, W_HAD) && !w(x, j, W_THAT) && !w(x, j, W_WHICH) &&
		       !kind_at(x, j, LW_SENSE_TRIGGER) && !kind_at(x, j, LW_SENSE_CASUALTY))
			j++;
		k = j;
	}
	if (k + 1 < s1 && lw_tok_punct(t, k, ',') && (w(x, k + 1, W_WHICH) || w(x, k + 1, W_THAT)))
		for (size_t j = k + 2; j < s1 && j < k + 16; j++) {
			if (t->tok[j].kind == LW_TOK_TERM)
				break;
			if (lw_tok_punct(t, j, ','))
				return j + 1;
		}
	return k;
}

/* Words of a war (not "fighting", "violence": "heavy fighting that killed
 * 12 soldiers erupted on Monday" is one event). A set (LS_WAR): war_toll
 * asks it of every word of a sentence that counts a toll. */
static const char *const war[] = {"war", "wars", "conflict", "conflicts", "insurgency",
				  "uprising", "feud", "feuds", "vendetta"};

static int war_toll_scan(const struct lw_extract *x, size_t s0, size_t s1)
{
	const struct lw_text *t = x->t;
	for (size_t j = s0; j < s1; j++) {
		if (!(t->tok[j].flags & LW_TF_LOWER) || !word_listed(x, j, LS_WAR))
			continue;
		size_t k = war_subject_end(x, j + 1, s1);
		if (k < s1 && lw_tok_punct(t, k, ','))
			k++;
		if (k < s1 && (w(x, k, W_THAT) || w(x, k, W_WHICH)))
			k++;
		if (k < s1 && (w(x, k, W_HAS) || w(x, k, W_HAVE) || w(x, k, W_HAD)))
			k++;
		if (k > j + 1 && k < s1 && kind_at(x, k, LW_SENSE_CASUALTY))
			return 1;
	}
	return 0;
}

static int over_years(const struct lw_extract *x, size_t s0)
{
	static const char *const span[] = {"year", "years", "decade", "decades", "century",
					   "centuries"};
	const struct lw_text *t = x->t;
	size_t s1 = t->sent[lw_sentence_of(t, s0)].end_token;
	/* the sentence's "over"s by their word id (most sentences have none) */
	for (const uint8_t *o = memchr(x->evw + s0, W_OVER, s1 - s0); o;
	     o = memchr(o + 1, W_OVER, s1 - (size_t)(o + 1 - x->evw))) {
		size_t j = (size_t)(o - x->evw);
		/* not "the deadliest attack in over a year", "held for over
		 * two years" */
		if (j > s0 && (w(x, j - 1, W_IN) || w(x, j - 1, W_FOR) || lw_tok_is(t, j - 1, "than")))
			continue;
		for (size_t q = j + 1; q < s1 && q < j + 7; q++) {
			if (clause_break(x, q))
				break;
			/* "over the next four years" is to come */
			if (lw_tok_is(t, q, "next") || lw_tok_is(t, q, "coming"))
				break;
			if ((t->tok[q].flags & LW_TF_LOWER) &&
			    lw_tok_in(t, q, span, sizeof span / sizeof *span))
				/* not "a man over 60 years old", "over 60 years of
				 * age" (but "over three decades of conflict") */
				return !(lw_tok_is(t, q + 1, "old") ||
					 (lw_tok_is(t, q + 1, "of") && lw_tok_is(t, q + 2, "age")));
		}
	}
	return war_toll(x, s0, s1);
}

/* A tally: "have detained more than 35 leaders since the first of the
 * year", "has killed 200 people so far", "has killed 20,000 over the
 * past decade" (over_years). */
/* Is a war named in the sentence before token k (from s0), or in the
 * sentence before it, with no armed body named between it and k in
 * k's sentence (the "it" at k is the war: "The war erupted in 2023. The
 * UN says it has killed ...")? */
static int war_told(const struct lw_extract *x, size_t s0, size_t k)
{
	const struct lw_text *t = x->t;
	size_t si = lw_sentence_of(t, s0);
	size_t from = si > 0 ? t->sent[si - 1].first_token : s0;
	/* (not past 60 words: a war told further back is not this "it";
	 * the walk stays short in a sentence of many "it has") */
	if (k > from + 60)
		from = k - 60;
	for (size_t j = k; j-- > from;) {
		if (!(t->tok[j].flags & LW_TF_LOWER) || !word_listed(x, j, LS_WAR))
			continue;
		/* "Al-Shabaab said it has killed 40 soldiers": an armed body
		 * named after the war is the "it" (not the UN or an agency
		 * that tells the war's toll) */
		/* (the war's own sides, named with it, are not: "The war
		 * between the army and the RSF erupted in 2023. The UN says
		 * it has killed ...") */
		for (size_t i = lw_aref_lower(x, 0, x->naref, j >= s0 ? j + 1 : s0); i < x->naref; i++) {
			const struct lw_aref *o = &x->aref[i];
			if (o->first_tok >= k)
				break;
			if (armed_body(x, o))
				return 0;
		}
		return 1;
	}
	return 0;
}

/* Is the subject at token subj (before "has"/"have" and the verb at k)
 * "it" after a war was told ("The war erupted in 2023. The UN says it has
 * killed more than 20,000 people")? A war named as the subject is
 * war_toll's. */
static int war_it_toll(const struct lw_extract *x, size_t s0, size_t subj, size_t k)
{
	return subj >= s0 && subj < k && w(x, subj, W_IT) && war_told(x, s0, subj);
}

/* What of a tally the sentence from s0 tells, whatever its verb: a time
 * counted up to now ("since", "so far", "to date", "this year"), a habit
 * of years ("for years", "for the past decade"), or a toll over years
 * (over_years, with a word of the dead or hurt). Asked by tally of each
 * verb after "has" or "have": found once a sentence (a long one of many
 * such verbs was walked again for each, in time of its length squared). */
static int tally_marks(const struct lw_extract *x, size_t s0)
{
	static const char *const year_parts[] = {"months", "weeks", "half", "quarter", "start", "beginning"};
	struct lw_extract *mx = (struct lw_extract *)x; /* its memo only */
	if (mx->tally_sent == s0 + 1)
		return mx->tally_val;
	const struct lw_text *t = x->t;
	/* (to the sentence's end: a sentence cut at the length limit has no
	 * mark of its end, and a walk to the next one ran to the text's) */
	size_t s1 = t->sent[lw_sentence_of(t, s0)].end_token;
	int v = 0;
	for (size_t j = s0; j < s1 && !(t->tok[j].kind == LW_TOK_TERM) && !v; j++)
		if ((wsets[x->evw[j]] & WS_TALLY) && /* most words: no such start */
		    (w(x, j, W_SINCE) || (w(x, j, W_SO) && w(x, j + 1, W_FAR)) ||
		     (w(x, j, W_TO) && w(x, j + 1, W_DATE)) || (w(x, j, W_THIS) && w(x, j + 1, W_YEAR)) ||
		     /* "in the first three months of the year" (not "the
		      * end of the year brought") */
		     (w(x, j, W_OF) && w(x, j + 1, W_THE) && w(x, j + 2, W_YEAR) && j > s0 &&
		      lw_tok_in(t, j - 1, year_parts, sizeof year_parts / sizeof *year_parts))))
			v = 1;
	/* a habit "for years", "for the past decade": "separatists have
	 * attacked security forces in the province for years" */
	static const char *const span[] = {"years", "decades", "months", "decade"};
	for (size_t j = s0; j + 1 < s1 && t->tok[j].kind != LW_TOK_TERM && !v; j++)
		if (w(x, j, W_FOR) &&
		    (lw_tok_in(t, j + 1, span, sizeof span / sizeof *span) ||
		     (w(x, j + 1, W_THE) && j + 3 < t->ntok &&
		      (lw_tok_is(t, j + 2, "past") || lw_tok_is(t, j + 2, "last")) &&
		      (lw_tok_in(t, j + 3, span, sizeof span / sizeof *span) ||
		       (j + 4 < t->ntok && lw_tok_in(t, j + 4, span, sizeof span / sizeof *span))))))
			v = 1;
	/* a toll over years (a casualty word in the sentence: not "has
	 * praised his accomplishments over the past eight years") */
	if (!v && over_years(x, s0))
		for (size_t j = s0; j < s1 && t->tok[j].kind != LW_TOK_TERM && !v; j++)
			v = kind_at(x, j, LW_SENSE_CASUALTY);
	mx->tally_val = v;
	mx->tally_sent = s0 + 1;
	return v;
}

static int tally(const struct lw_extract *x, size_t s0, size_t k)
{
	const struct lw_text *t = x->t;
	/* the perfect, or a passive's past perfect: a count told at a remove
	 * ("the UN said 1,500 people had been killed this year"; not "had
	 * warned that the vote could depress growth for years") */
	if (k > s0 + 1 && (w(x, k - 1, W_HAVE) || w(x, k - 1, W_HAS) || w(x, k - 2, W_HAVE) ||
			   w(x, k - 2, W_HAS) || (w(x, k - 2, W_HAD) && w(x, k - 1, W_BEEN)))) {
		if (tally_marks(x, s0))
			return 1;
		/* a war's toll told by "it": "it has killed" after the war
		 * was told */
		size_t subj = w(x, k - 1, W_HAVE) || w(x, k - 1, W_HAS) ? k - 2 : k - 3;
		if (war_it_toll(x, s0, subj, k))
			return 1;
	}
	/* "it has killed more than 20,000 people and displaced 12 million":
	 * a verb after "and" shares the toll's subject */
	if (k > s0 + 3 && w(x, k - 1, W_AND))
		for (size_t a = k - 1; a-- > s0 + 1 && k - a < 12;)
			if ((w(x, a, W_HAS) || w(x, a, W_HAVE)) && kind_at(x, a + 1, LW_SENSE_TRIGGER))
				return war_it_toll(x, s0, a - 1, k) || war_toll(x, s0, t->sent[lw_sentence_of(t, s0)].end_token);
	return 0;
}

/* Between a record's words at j and a verb trigger at k, a relative
 * word or a noun trigger that the verb can belong to. */
static int reaches_verb(const struct lw_extract *x, size_t j, size_t k)
{
	for (size_t i = j; i < k; i++)
		if (w(x, i, W_THAT) || w(x, i, W_WHICH) || w(x, i, W_WHO) ||
		    kind_at(x, i, LW_SENSE_TRIGGER))
			return 1;
	return 0;
}

/* Is token j in a relative clause between commas (", which is linked to
 * al-Qaeda,", ", who was behind ...,") that closes before token k? */
static int closed_relative(const struct lw_extract *x, size_t s0, size_t j, size_t k)
{
	size_t close = j;
	while (close < k && !lw_tok_punct(x->t, close, ','))
		close++;
	if (close >= k)
		return 0;
	for (size_t i = j; i > s0 + 1 && j - i < 8; i--)
		if (lw_tok_punct(x->t, i - 1, ','))
			return w(x, i, W_WHICH) || w(x, i, W_WHO);
	return 0;
}

/* A deed told as a habit, not as one event: "such abductions are
 * usually carried out by gangs", "militants often attack convoys",
 * "police routinely detain protesters". */
static int habitual(const struct lw_extract *x, size_t s0, size_t k)
{
	const struct lw_text *t = x->t;
	const uint8_t *f = x->evf;
	/* a long war told as a state: "the ELN has long fought the FARC",
	 * "the army has been fighting the rebels for years" */
	if (k > s0 + 1 && (w(x, k - 2, W_HAS) || w(x, k - 2, W_HAVE)) &&
	    (lw_tok_word(t, k - 1, "long") ||
	     (w(x, k - 1, W_BEEN) && (lw_tok_word(t, k, "fighting") || lw_tok_word(t, k, "battling")))))
		return 1;
	/* "such" or an adverb of habit two words before or after (after a
	 * noun: "his attacks often killed", "abductions are usually"); the
	 * words are of the class LW_EVF_ASKED, which most tokens are not */
	size_t lo = k > s0 + 2 ? k - 2 : s0, hi = k + 3 < t->ntok ? k + 3 : t->ntok;
	for (size_t j = lw_flag_next(f, lo, hi, LW_EVF_ASKED); j < hi;
	     j = lw_flag_next(f, j + 1, hi, LW_EVF_ASKED)) {
		if (j == k)
			continue;
		if (j < k && lw_tok_is(t, j, habit_words[0]))
			return 1; /* "such" */
		if (lw_tok_in(t, j, habit_words + 1, sizeof habit_words / sizeof *habit_words - 1))
			return 1;
	}
	return 0;
}

static int background(const struct lw_extract *x, size_t s0, size_t k, int verb)
{
	if (tally(x, s0, k) || habitual(x, s0, k))
		return 1;
	/* "responsible for the deaths of three shopkeepers, killed by gunmen
	 * he had hired": a participle after a comma tells how the
	 * record's victims died */
	if (verb && k > s0 + 2 && lw_tok_punct(x->t, k - 1, ',') && lw_tok_ends(x->t, k, "ed", 2)) {
		size_t lo2 = k >= s0 + 20 ? k - 20 : s0;
		for (size_t j = lw_flag_prev(x->evf, lo2, k - 1, LW_EVF_BACKGROUND); j > lo2;
		     j = lw_flag_prev(x->evf, lo2, j - 1, LW_EVF_BACKGROUND))
			if (w(x, j, W_FOR) && lw_tok_word(x->t, j - 1, "responsible"))
				return 1;
	}

	/* the words j - 1 of [lo, k) that are background heads (most
	 * windows have none), from the last */
	size_t lo = k >= s0 + 10 ? k - 10 : s0;
	for (size_t j = lw_flag_prev(x->evf, lo, k, LW_EVF_BACKGROUND); j > lo;
	     j = lw_flag_prev(x->evf, lo, j - 1, LW_EVF_BACKGROUND)) {
		/* "arrested in connection with a bombing": the event right
		 * after the words, not one a clause later ("a meeting in
		 * connection with Solidarity Day, after which they staged a
		 * protest") */
		if (w(x, j, W_WITH) && !verb && k <= j + 4 && lw_tok_word(x->t, j - 1, "connection"))
			return 1;
		/* "in response to strikes", "in retaliation for the raid":
		 * the deed answered, named right after (not "in retaliation
		 * of the attack, police opened fire": the answer) */
		if (answer_word(x, j - 1) && (!(w(x, j, W_FOR) || w(x, j, W_TO)) || k > j + 8))
			continue;
		/* "responsible for", "linked to", "involved in", "behind", "planned" */
		if (w(x, j, W_FOR) || w(x, j, W_TO) || w(x, j, W_IN) || w(x, j, W_OF) ||
		    w(x, j - 1, W_BEHIND) || w(x, j - 1, W_PLANNED) ||
		    w(x, j - 1, W_FACILITATED) || w(x, j - 1, W_ORCHESTRATED) ||
		    w(x, j - 1, W_MASTERMINDED) || w(x, j - 1, W_COORDINATED) ||
		    w(x, j - 1, W_DIRECTED))
		{
			/* "Jihadists linked to al-Qaeda attacked a base": a verb
			 * the record's words do not reach is the clause's own;
			 * "behind the bombing that killed 60" reaches it */
			if (verb && !reaches_verb(x, j, k))
				return 0;
			/* "Al-Shabaab, which is linked to al-Qaeda, claimed
			 * the attack": the record's words end with their
			 * relative clause */
			if (closed_relative(x, s0, j, k))
				return 0;
			/* "carried out" and "took part" only with "for"/"in" past */
			return !(w(x, j - 1, W_CARRIED) || w(x, j - 1, W_TOOK) ||
				 w(x, j - 1, W_COMMITTED)) ||
			       w(x, j, W_IN);
		}
	}
	/* "... a bombing last week that wounded 12 people": the relative
	 * clause tells of the event it hangs on */
	if (verb && k > s0 + 1 && (w(x, k - 1, W_THAT) || w(x, k - 1, W_WHICH)))
		for (size_t j = k - 1; j > s0 && k - j < 8; j--)
			if (kind_at(x, j - 1, LW_SENSE_TRIGGER))
				return background(x, s0, j - 1, 0);
	return 0;
}

/* ---- the stage ---- */

static int mode_rank(const struct lw_kb *kb, const struct lw_kb_trigger *t)
{
#define MODE(s) {s, sizeof s - 1}
	static const struct {
		const char *name;
		size_t len; /* no strlen per trigger */
	} order[] = {MODE("suicide-attack"), MODE("aerial"), MODE("drone"), MODE("unconventional"),
		     MODE("explosives"), MODE("heavy-weapons"), MODE("abduct"), MODE("targeted"),
		     MODE("firearms"), MODE("sexual"), MODE("beat"), MODE("primitive"),
		     MODE("destroy")};
#undef MODE
	if (!t->mode_len)
		return 0;
	const char *m = lw_kb_str(kb, t->mode_off);
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		if (order[i].len == t->mode_len && order[i].name[0] == m[0] &&
		    memcmp(order[i].name, m, t->mode_len) == 0)
			return (int)(sizeof order / sizeof *order - i) + 1;
	return 1;
}

/* Does one actor phrase in [s0, k), and not a force that acts there
 * (military, police, government), name a single someone a pronoun after
 * it may stand for? */
static int someone_new(struct ectx *c, size_t s0, size_t k)
{
	for (const struct lw_aref *r = aref_before(c, s0, k); r;
	     r = r->first_tok > s0 ? aref_before(c, s0, r->first_tok) : NULL)
		if (!r->plural && !code_is(r->sector, "MIL") && !code_is(r->sector, "COP") &&
		    !code_is(r->sector, "GOV"))
			return 1;
	return 0;
}

/* Has an event of a sentence before the current one (whose events start
 * at first_ev) a count of this role? */
static int counted_before(const struct ectx *c, size_t first_ev, int role)
{
	for (size_t i = 0; i < first_ev; i++)
		if (c->ev[i].have_count[role])
			return 1;
	return 0;
}

/* Room for n more events. */
static lw_status reserve_events(struct ectx *c, size_t n)
{
	if (c->nev + n <= c->capev)
		return LW_OK;
	size_t cap = c->capev ? c->capev : 64; /* most documents: one allocation */
	while (cap < c->nev + n)
		cap *= 2;
	struct ev *e = realloc(c->ev, cap * sizeof *e);
	if (!e)
		return LW_ENOMEM;
	c->ev = e;
	c->capev = cap;
	return LW_OK;
}

static struct ev *new_event(struct ectx *c)
{
	if (c->nev >= LW_MAX_EVENTS)
		return NULL;
	if (c->nev == c->capev && reserve_events(c, 1) != LW_OK)
		return NULL;
	struct ev *e = &c->ev[c->nev++];
	memset(e, 0, sizeof *e);
	e->out.source.entity = e->out.target.entity = e->out.location.entity = -1;
	return e;
}

/* Keep event e at index *keep of the events being compacted. Most events
 * are kept where they are, and a struct ev is large: no copy then. */
static void keep_event(struct ectx *c, size_t *keep, const struct ev *e)
{
	if (&c->ev[*keep] != e)
		c->ev[*keep] = *e;
	(*keep)++;
}

static int is_violent_role(int role) { return role == ROLE_DEAD || role == ROLE_INJURED; }

/* Is the trigger usable here? */
static int civilian_sector(const char *s);

/* Is the word at k after "16 kidnapped" the noun the participle
 * describes ("16 kidnapped farmers"), not a word that goes on a clause
 * ("two wounded due to shelling", "three injured and one missing")? */
static int counted_noun_after(const struct lw_extract *x, size_t k)
{
	static const char *const goes_on[] = {"due", "and", "or", "as", "after", "when", "while",
					      "during", "near", "in", "by", "at", "on", "from",
					      "since", "but", "so", "the", "a", "an", "to", "with",
					      "including", "among", "were", "was", "are", "is"};
	return !lw_tok_in(x->t, k, goes_on, sizeof goes_on / sizeof *goes_on);
}

/* Is token k a thing counted, or spent ("1,430 pounds", "seven blocks",
 * "six spent shells"), and so a noun? */
static int count_before(const struct ectx *c, size_t k, size_t s0)
{
	return k > s0 && (kind_at(c->x, k - 1, LW_SENSE_NUMBER) || c->t->tok[k - 1].kind == LW_TOK_NUMBER ||
			  lw_tok_is(c->t, k - 1, "spent") || lw_tok_is(c->t, k - 1, "empty"));
}

/* A trigger that claims an attack: "claimed responsibility", "claimed
 * credit" (CAMEO 180, spoken). */
static int is_claim(const struct lw_kb_trigger *kt)
{
	return kt && kt->type == 15 && (kt->flags & LW_TRF_SPEECH);
}

static int labour_strike(struct ectx *c, const struct lw_ann *a, size_t s0, size_t s1);
static int military_strike(struct ectx *c, const struct lw_ann *a, size_t s0, size_t s1);

/* Is token k a verb of a crowd coming together ("gathered", "assembled",
 * "flocked", "converged", "congregated")? */
static int gathering_word(const struct lw_text *t, size_t k)
{
	static const char *const stems[] = {"gather", "assembl", "flock", "converg", "congregat"};
	return STEM_AT(t, k, stems);
}

/* A gathering is a demonstration when the crowd gathers somewhere (the
 * verb has no object: "gathered outside", not "gather support") and its
 * sentence, after the verb, tells what the crowd wants or holds against
 * someone: "to demand", "against", "in support of", "a petition",
 * "complaints", "slogans", unpaid "salaries" or "wages". Funerals,
 * prayers and rescues are none. */
/* The "set" of "set two trucks ablaze", "set the office afire", "set two
 * vans on fire" before the word at k (one of "ablaze", "afire", the
 * "fire" after "on"), in its clause: its token, or SIZE_MAX. */
static size_t set_before(const struct lw_extract *x, size_t s0, size_t k)
{
	const struct lw_text *t = x->t;
	/* (most words are none of them: their first letter and length say
	 * so) */
	size_t n = lw_tok_len(&t->tok[k]);
	unsigned char c0 = (unsigned char)(t->p[t->tok[k].start] | 0x20);
	if (c0 == 'f' && n == 4 && k > s0 + 1 && lw_tok_is(t, k, "fire") && lw_tok_is(t, k - 1, "on"))
		k--; /* the walk starts before "on" */
	else if (c0 != 'a' || (n != 5 && n != 6) ||
		 (!lw_tok_is(t, k, "ablaze") && !lw_tok_is(t, k, "afire")))
		return SIZE_MAX;
	for (size_t j = k; j > s0 && k - j < 7; j--) {
		if (clause_break(x, j - 1) || lw_tok_punct(t, j - 1, ','))
			return SIZE_MAX;
		if (lw_tok_is(t, j - 1, "set") || lw_tok_is(t, j - 1, "sets") ||
		    lw_tok_is(t, j - 1, "setting"))
			return j - 1;
	}
	return SIZE_MAX;
}

static int gathering_ok(const struct lw_extract *x, size_t k, size_t s1)
{
	static const char *const cause[] = {
		"demand", "demanding", "demanded", "demands", "against", "support", "petition",
		"complaints", "complaint", "slogans", "placards", "banners", "salaries", "salary",
		"wages", "grievances", "justice", "condemn", "denounce", "oppose", "opposing",
		"release", "sit-in", "resignation", "arrest", "seek", "seeking", "urge", "urging",
		"protest", "protesting", "chanting", "chanted"};
	/* "to ask for", "calling for" (not "to ask questions") */
	static const char *const ask[] = {"ask", "asking", "call", "calling"};
	static const char *const not_one[] = {"funeral", "funerals", "prayers", "prayer",
					      "mourn", "mourners", "rescue", "celebrate",
					      "celebration", "celebrations", "wedding"};
	static const char *const where[] = {"outside", "at", "in", "on", "near", "to", "before",
					    "around", "for", "across", "along", "opposite", "inside",
					    "from", "under", "behind", "yesterday", "today", "again",
					    "here", "there"};
	const struct lw_text *t = x->t;
	/* the crowd gathers somewhere: "gathered outside", not "gather
	 * support" (its object) */
	if (k + 1 >= s1 || (t->tok[k + 1].kind == LW_TOK_WORD &&
			    !lw_tok_in(t, k + 1, where, sizeof where / sizeof *where)))
		return 0;
	int why = 0;
	for (size_t j = k + 1; j < s1 && j < k + 25; j++) {
		if (lw_tok_in(t, j, not_one, sizeof not_one / sizeof *not_one))
			return 0;
		why |= lw_tok_in(t, j, cause, sizeof cause / sizeof *cause) ||
		       (j + 1 < s1 && lw_tok_in(t, j, ask, sizeof ask / sizeof *ask) &&
			lw_tok_is(t, j + 1, "for"));
	}
	return why;
}

/* Another trigger of explosives within three tokens of a, one of the two
 * a verb ("bomb" of "exploded"; not a list of "grenades and bomb-making
 * materials"), in the sentence [s0, s1)? */
/* "the bomb plans", "a bomb squad": a noun of explosives before a noun
 * it describes (the word at k, before s1) is that noun's modifier, not
 * the subject of a verb after them. */
static int modifier_of(const struct lw_text *t, size_t k, size_t s1)
{
	static const char *const heads[] = {"plans", "plan", "plot", "plots", "squad", "squads",
					    "scare", "scares", "hoax", "threat", "threats",
					    "experts", "expert", "factory", "maker", "makers"};
	return k < s1 && (t->tok[k].flags & LW_TF_LOWER) &&
	       lw_tok_in(t, k, heads, sizeof heads / sizeof *heads);
}

static int explosives_near(const struct ectx *c, const struct lw_ann *a, size_t s0, size_t s1)
{
	const struct lw_extract *x = c->x;
	unsigned own = c->kb->triggers[lw_ann_sense(x, a)->id].flags;
	int noun = (own & LW_TRF_NOUN) != 0, shaking = (own & LW_TRF_BLAST_SUBJECT) != 0;
	size_t near = a->first_tok > s0 + 3 ? a->first_tok - 3 : s0, from = near;
	/* a verb's explosive is its subject, before it ("twin blasts
	 * rocked the town"; not "a scandal rocked Belgium. A bomb ..."),
	 * past the phrases of place that may stand between them when it
	 * opens its clause after its article ("A bomb planted near the
	 * market in Bannu exploded"; not "a scandal over the bomb plans
	 * exploded") */
	if (!noun)
		while (from > s0 && a->first_tok - from < 10 && !clause_break(x, from - 1))
			from--;
	size_t to = !noun ? a->first_tok : a->end_tok + 3 < s1 ? a->end_tok + 3 : s1;
	if (noun && modifier_of(x->t, a->end_tok, s1))
		return 0;
	for (size_t k = from; k < to; k++) {
		if (k >= a->first_tok && k < a->end_tok)
			continue;
		if (k < near &&
		    !(k > s0 && (w(x, k - 1, W_A) || w(x, k - 1, W_AN) || w(x, k - 1, W_THE)) &&
		      (k - 1 == s0 || lw_tok_punct(x->t, k - 2, ',') || clause_break(x, k - 2))))
			continue;
		if (!kind_at(x, k, LW_SENSE_TRIGGER))
			continue;
		for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
			const struct lw_ann *b = &x->ann[j];
			const struct lw_kb_sense *s = lw_ann_sense(x, b);
			const struct lw_kb_trigger *kt = &c->kb->triggers[s->id];
			/* whole words: not the "bomb" of "bomb-making" */
			if (b->start != x->t->tok[k].start || b->end != x->t->tok[b->end_tok - 1].end)
				continue;
			/* a verb of shaking needs a blast, not another such
			 * verb ("rocked and shook the city") */
			if (s->kind == LW_SENSE_TRIGGER && mode_is(c->kb, kt, "explosives") &&
			    !(shaking && (kt->flags & LW_TRF_BLAST_SUBJECT)) &&
			    (!noun || !(kt->flags & LW_TRF_NOUN)) &&
			    (k >= near || (kt->flags & LW_TRF_NOUN)) &&
			    !modifier_of(x->t, b->end_tok, s1))
				return 1;
		}
	}
	return 0;
}

/*
 * Word lists the rules below ask of many tokens, as sets: a list of twenty
 * words asked with lw_tok_in costs some 300 instructions a word (the words
 * sharing its first letter are compared whole), a set probed with the
 * unit's hash some 30. Built once; a list that could not be built answers
 * "no" (lw_wordset_has of NULL).
 */
static const char *const ls_taking[] = {
	"destroyed", "destroy",    "destroying", "seized",      "seize",       "seizing",
	"recovered", "recover",    "recovering", "found",       "discovered",  "defused",
	"defuse",    "dismantled", "confiscated", "disabled",   "neutralized", "neutralised",
	"captured",  "cleared",    "damaged",    "destroys",    "seizes",      "recovers"};
static const char *const ls_freeing[] = {"released", "freed",    "rescued",   "recovered",
					 "release",  "free",     "rescue",    "releasing",
					 "freeing",  "rescuing", "exchanged", "swapped"};
static const char *const ls_stops[] = {"in",      "by",   "with",  "from",    "during", "after",
				       "before",  "on",   "at",    "near",    "into",   "against",
				       "through", "when", "while", "as",      "that",   "which",
				       "who",     "where", "for"};
/* these two are word classes of the token table (evw_init:
 * LW_EVF_PEACEFUL, LW_EVF_SYMPATHY), asked of every word of a sentence */
static const char *const ls_peaceful[] = {"non-combat", "noncombat", "non-battle", "nonbattle",
					  "non-hostile", "accident",  "accidents",  "accidental",
					  "illness",    "disease",   "drowned",    "drowning"};
/* mishaps and disasters: a verb of harm alone with one of them, and no
 * armed actor, is no attack ("a bus plunged into a ravine, killing 40");
 * a bomb or a blast with one still is ("a bomb derailed the train") */
static const char *const ls_mishap[] = {
	"crash",      "crashed",   "collided",   "collision", "plunged",   "overturned",
	"derailed",   "derailment", "flood",     "floods",    "flooding",  "earthquake",
	"quake",      "landslide", "landslides", "mudslide",  "avalanche", "cyclone",
	"lightning",  "heatwave",  "stampede",   "tornado",   "hurricane", "typhoon",
	"collapse",   "collapsed", "electrocuted", "electrocution", "storm",   "storms",
	"rains",      "rainfall",  "downpour",   "downpours", "blizzard",  "wildfire",
	"wildfires",  "tsunami",   "eruption"};
/* places and things an attack strikes ("the police station attack":
 * struck_place) */
static const char *const ls_struck[] = {
	"station",    "stations",    "post",     "posts",     "checkpost",    "checkposts",
	"checkpoint", "checkpoints", "school",   "schools",   "office",       "offices",
	"camp",       "camps",       "base",     "bases",     "convoy",       "convoys",
	"vehicle",    "vehicles",    "house",    "compound",  "mosque",       "mosques",
	"church",     "churches",    "temple",   "shrine",    "market",       "bazaar",
	"hotel",      "hospital",    "embassy",  "consulate", "headquarters", "airport",
	"bus",        "train",       "van",      "patrol",    "patrols",      "motorcade"};
/* verbs of a deed's noun that is the subject of its own clause ("a bomb
 * exploded near their bus": deed_noun_clause) */
static const char *const ls_deed_verbs[] = {
	"exploded", "detonated", "went",   "blew",    "ripped",  "tore",     "hit",    "struck",
	"rocked",   "shook",     "killed", "wounded", "injured", "targeted", "damaged",
	"destroyed", "left",     "caused", "claimed", "explodes", "kills",   "hits",   "strikes",
	"landed",   "fell",      "slammed", "crashed", "rained"};
static const char *const ls_contest[] = {
	"primary",  "primaries", "caucus",   "caucuses", "election",   "elections",
	"poll",     "polls",     "polling",  "vote",     "votes",      "race",
	"ballot",   "percent",   "points",   "delegates", "nomination", "match-ups",
	"matchup",  "match-up",  "debate",   "contest",  "game",       "games",
	"tournament", "championship", "league", "one-on-one",
	/* "Norway beat Iceland 3-0 in a youth soccer match" */
	"match", "matches", "soccer", "football", "cricket", "rugby", "tennis", "halftime",
	"semifinal", "semi-final", "innings", "wickets", "goals"};
/* "an amphibious assault ship", "assault rifles": a thing named for a
 * deed ("fired a rocket launcher" is the weapon's use) */
static const char *const ls_named_for[] = {"ship",  "ships", "rifle",      "rifles",      "craft",
					   "boat",  "boats", "helicopter", "helicopters", "course",
					   "courses"};
/* what one battles or fights without a blow: "battled pneumonia", "the
 * fight against corruption" (idiom_of_violence) */
static const char *const ls_ills[] = {
	"cancer",    "pneumonia",  "illness",   "illnesses", "disease",    "diseases",
	"addiction", "depression", "flu",       "infection", "leukemia",   "tumor",
	"obesity",   "poverty",    "corruption", "inflation", "unemployment", "blaze",
	"flames",    "wildfire",   "wildfires", "floods",    "drought",    "hunger",
	"malaria",   "ebola",      "virus",     "coronavirus", "pandemic", "epidemic",
	"racism",    "discrimination"};
/* a watcher's verbs ("a rights group that tracks violence": watcher_verb,
 * asked of the words before every noun of a deed) */
static const char *const ls_watch[] = {"tracks",    "track",     "tracking",  "monitors",
				       "monitor",   "monitoring", "documents", "documenting",
				       "records",   "recording", "compiles",  "compiling",
				       "studies",   "studying",  "researches", "collects"};
static const char *const ls_sympathy[] = {"condolences", "condolence", "condole", "sympathies",
					  "mourn",       "mourns",     "mourning"};
/* a toll's verbs of rising (toll_count) */
static const char *const ls_rose[] = {
	"rose", "risen", "rises", "climbed", "climbs", "reached", "reaches", "jumped", "increased",
	"stood", "stands", "mounted", "surged", "hit"};
/* where or when a headline's participle is cut short before (headline_passive) */
static const char *const ls_whence[] = {
	"from", "on", "at", "last", "earlier", "overnight", "yesterday", "since", "outside",
	"inside"};
/* coming through unhurt (the survivor's words after its phrase) */
static const char *const ls_came[] = {
	"escaped", "survived", "safe", "unhurt", "unharmed", "unscathed"};
/* what sets a deed off without doing it ("the arrest sparked protests") */
static const char *const ls_cause[] = {
	"sparked", "triggered", "prompted", "provoked", "caused", "fuelled", "fueled", "ignited",
	"sparking", "triggering", "prompting", "provoking", "sparks", "triggers"};
/* the doer a definite phrase names ("the gunmen") */
static const char *const ls_doer[] = {
	"attacker", "bomber", "gunman", "assailant", "shooter", "perpetrator", "attackers",
	"gunmen", "assailants", "shooters", "perpetrators"};
/* the head word of "the province of X" (place_in) */
static const char *const ls_unit_of[] = {
	"province", "state", "region", "district", "county", "governorate", "department", "town",
	"village", "city", "part", "parts", "outskirts", "suburbs", "centre", "center", "area"};
/* a place that speaks: its government (place_in) */
static const char *const ls_stance[] = {
	"said", "says", "told", "tells", "denies", "denied", "accused", "accuses", "blamed",
	"blames", "condemned", "condemns", "warned", "warns", "rejected", "rejects", "insisted",
	"insists", "responded", "responds"};
/* a denial (negated) */
static const char *const ls_deny[] = {"deny", "denies", "denied", "denying"};
/* what may follow a denial's word (negated) */
static const char *const ls_denied[] = {
	"that", "responsibility", "involvement", "any", "having", "reports", "claims",
	"allegations", "the", "a", "its", "their", "his", "her", "it", "they", "he", "she", "being",
	"taking", "carrying"};
/* a demand "that" (speculative) */
static const char *const ls_asked[] = {
	"demanded", "demand", "demands", "demanding", "insisted", "urged", "requested"};
/* a demand of a thing (speculative) */
static const char *const ls_demand[] = {
	"demanded", "demand", "demands", "demanding", "seeking", "sought"};
/* papers "released" (no one set free) */
static const char *const ls_papers[] = {
	"statement", "statements", "results", "report", "reports", "video", "videos", "details",
	"findings", "figures", "data", "footage", "audio", "photos", "photographs", "images",
	"list", "names", "information", "transcript", "text", "document", "documents", "recording",
	"book", "film", "album", "schedule", "budget", "plan", "following", "update"};
/* a contest's "battle" (contest_battle) */
static const char *const ls_contest_kinds[] = {
	"legal", "political", "court", "uphill", "budget", "electoral", "primary", "campaign",
	"custody", "nomination", "ratings", "bidding", "policy", "partisan", "procedural"};
static struct lw_wordset *lsets[LS_N];
/* the first letters of each list's words, a bit a letter: a word whose
 * first letter no word of the list has is not hashed at all */
static uint32_t ls_initials[LS_N];
/* and the length of each list's shortest word: "the", "to" are not hashed
 * for a list of longer words */
static size_t ls_shortest[LS_N];
static pthread_once_t lsets_once = PTHREAD_ONCE_INIT;

static void lsets_add(int id, const char *const *words, size_t n)
{
	size_t lens[48];
	for (size_t i = 0; i < n && i < 48; i++) {
		lens[i] = strlen(words[i]);
		ls_initials[id] |= 1u << ((unsigned char)(words[i][0] - 'a') & 31);
		if (i == 0 || lens[i] < ls_shortest[id])
			ls_shortest[id] = lens[i];
	}
	lsets[id] = lw_wordset_new(words, lens, n < 48 ? n : 48);
}

static void lsets_init(void)
{
#define LS_ADD(id, list) lsets_add(id, list, sizeof list / sizeof *list)
	LS_ADD(LS_TAKING, ls_taking);
	LS_ADD(LS_FREEING, ls_freeing);
	LS_ADD(LS_STOPS, ls_stops);
	LS_ADD(LS_CONTEST, ls_contest);
	LS_ADD(LS_NAMED_FOR, ls_named_for);
	LS_ADD(LS_ILLS, ls_ills);
	LS_ADD(LS_MISHAP, ls_mishap);
	LS_ADD(LS_STRUCK, ls_struck);
	LS_ADD(LS_DEED_VERBS, ls_deed_verbs);
	LS_ADD(LS_WAR, war);
	LS_ADD(LS_WATCH, ls_watch);
	LS_ADD(LS_ROSE, ls_rose);
	LS_ADD(LS_WHENCE, ls_whence);
	LS_ADD(LS_CAME, ls_came);
	LS_ADD(LS_CAUSE, ls_cause);
	LS_ADD(LS_DOER, ls_doer);
	LS_ADD(LS_UNIT_OF, ls_unit_of);
	LS_ADD(LS_STANCE, ls_stance);
	LS_ADD(LS_DENY, ls_deny);
	LS_ADD(LS_DENIED, ls_denied);
	LS_ADD(LS_ASKED, ls_asked);
	LS_ADD(LS_DEMAND, ls_demand);
	LS_ADD(LS_PAPERS, ls_papers);
	LS_ADD(LS_CONTEST_KINDS, ls_contest_kinds);
#undef LS_ADD
}

/* Is token k, a word in lower case or capitalised, in list `id`? A plain
 * word is asked by its unit's key and hash (lower case already). */
static inline int word_listed(const struct lw_extract *x, size_t k, int id)
{
	const struct lw_text *t = x->t;
	const lw_token *q = &t->tok[k];
	if (q->kind != LW_TOK_WORD)
		return 0;
	unsigned char f = (unsigned char)(t->p[q->start] | 0x20);
	if (f < 'a' || f > 'z' || !((ls_initials[id] >> (f - 'a')) & 1) ||
	    q->end - q->start < ls_shortest[id])
		return 0;
	if (!(q->flags & (LW_TF_HYPHEN | LW_TF_NONASCII | LW_TF_APOS)) && x->unit_at) {
		const struct lw_unit *u = &x->u.u[x->unit_at[k]];
		return lw_wordset_has_hashed(lsets[id], x->u.keys + u->key, u->key_len, u->hash);
	}
	return lw_wordset_has_lower(lsets[id], t->p + q->start, q->end - q->start);
}

static int listed(const struct ectx *c, size_t k, int id)
{
	return word_listed(c->x, k, id);
}

static int struck_place(const struct ectx *c, size_t k)
{
	return (c->t->tok[k].flags & LW_TF_LOWER) && listed(c, k, LS_STRUCK);
}

static int struck_before(const struct ectx *c, const struct trig *tr, const struct lw_aref *src)
{
	return src && src->end_tok == tr->first && src->end_tok > src->first_tok &&
	       struck_place(c, src->end_tok - 1);
}

/* Does sentence [s0, s1) tell of a contest: an election, a poll, a vote,
 * a game? (Not a court: "police beat protesters outside the court".) */
/* A result's score a few words after token k ("beat Turkey 2-1", "beat
 * Iceland 3 - 0")? */
static int score_after(const struct lw_text *t, size_t k, size_t s1)
{
	for (size_t j = k; j < s1 && j < k + 5; j++) {
		if (t->tok[j].kind != LW_TOK_NUMBER)
			continue;
		const char *p = t->p + t->tok[j].start;
		size_t n = lw_tok_len(&t->tok[j]);
		const char *d = memchr(p, '-', n);
		if (d && d > p && d + 1 < p + n)
			return 1; /* "2-1" */
		return j + 2 < s1 && t->tok[j + 1].kind == LW_TOK_DASH && t->tok[j + 2].kind == LW_TOK_NUMBER;
	}
	return 0;
}

static int contest_sentence(const struct ectx *c, size_t s0, size_t s1)
{
	const struct lw_text *t = c->t;
	for (size_t k = s0; k < s1; k++)
		if ((t->tok[k].flags & (LW_TF_LOWER | LW_TF_UPPER)) && listed(c, k, LS_CONTEST))
			return 1;
	return 0;
}

/* Is trigger a the noun "battle" or "fight" with a contest's word before
 * or after it ("a legal battle", "the battle for the nomination")? */
static int contest_battle(const struct ectx *c, const struct lw_ann *a, size_t s1)
{
	const struct lw_text *t = c->t;
	static const char *const words[] = {"battle", "battles", "fight", "fights"};
	char f = t->p[t->tok[a->first_tok].start] | 0x20;
	/* "battle", "fight": the third letter rules out "fire", "fired" */
	if ((f != 'b' && f != 'f') || lw_tok_len(&t->tok[a->first_tok]) < 5 ||
	    ((t->p[t->tok[a->first_tok].start + 2] | 0x20) != 't' &&
	     (t->p[t->tok[a->first_tok].start + 2] | 0x20) != 'g'))
		return 0;
	size_t k = a->first_tok;
	if (!lw_tok_in(t, k, words, sizeof words / sizeof *words))
		return 0;
	if (k > 0 && listed(c, k - 1, LS_CONTEST_KINDS))
		return 1;
	return a->end_tok + 2 < s1 && lw_tok_is(t, a->end_tok, "for") &&
	       listed(c, a->end_tok + 2, LS_CONTEST_KINDS);
}

/* "hurt the party politically", "hurt his chances": "hurt" of a thing
 * that has no body, at token k (a trigger's, or a count's word). */
static int hurt_standing(const struct lw_text *t, size_t k, size_t s1)
{
	static const char *const standing[] = {
		"party",  "parties", "chances", "chance",  "sales",      "economy",
		"business", "image", "reputation", "ratings", "prospects", "campaign",
		"brand",  "credibility", "feelings", "popularity", "standing", "cause",
		"candidacy", "bid",  "party's",  "economy's", "case",       "relations"};
	if (!(lw_tok_is(t, k, "hurt") || lw_tok_is(t, k, "hurts") || lw_tok_is(t, k, "hurting")))
		return 0;
	for (size_t j = k + 1; j < s1 && j < k + 4; j++)
		if (lw_tok_in(t, j, standing, sizeof standing / sizeof *standing))
			return 1;
	return 0;
}

/*
 * Words of violence in a figure of speech, not a deed: "had no shot with
 * voters", "his best shot", "shooting itself in the foot"; "battled
 * pneumonia", "the fight against corruption"; "the mayor fired Varden"
 * (dismissed, the weak "fire" with a person after it).
 */
static int idiom_of_violence(const struct ectx *c, const struct lw_ann *a, size_t s1)
{
	const struct lw_text *t = c->t;
	size_t k = a->first_tok, e = a->end_tok;
	char f = t->p[t->tok[k].start] | 0x20;
	if (f == 's' && (lw_tok_is(t, k, "shot") || lw_tok_is(t, k, "shots"))) {
		static const char *const chance[] = {"no", "best", "long", "fair", "good", "real",
						     "decent", "better", "another", "big", "only"};
		if (k > 0 && lw_tok_in(t, k - 1, chance, sizeof chance / sizeof *chance))
			return 1;
	}
	const struct lw_extract *x = c->x;
	if (f == 's' && e + 3 < s1 && w(x, e + 1, W_IN) &&
	    (w(x, e + 2, W_THE) || w(x, e + 2, W_HIS) || w(x, e + 2, W_THEIR) ||
	     w(x, e + 2, W_ITS) || w(x, e + 2, W_HER)) &&
	    lw_tok_is(t, e + 3, "foot"))
		return 1; /* "shooting itself in the foot", "shot himself in the foot" */
	if (f == 'b' || f == 'f' || f == 'c') {
		/* "battl", "fight", "fought", "combat": the first letters, lower */
		const char *p = t->p + t->tok[k].start;
		size_t n = lw_tok_len(&t->tok[k]);
		char w[5];
		for (size_t i = 0; i < 5; i++)
			w[i] = (char)(i < n ? p[i] | 0x20 : 0);
		if (n >= 5 && (!memcmp(w, "battl", 5) || !memcmp(w, "fight", 5) ||
			       !memcmp(w, "fough", 5) || !memcmp(w, "comba", 5)))
			for (size_t j = e; j < s1 && j < e + 6; j++)
				if (listed(c, j, LS_ILLS))
					return 1;
	}
	if (f == 'h' && hurt_standing(t, k, s1))
		return 1;
	/* "came under fire for his remarks": blamed; not "came under fire
	 * for two hours" */
	if (f == 'c' && e + 1 < s1 && a->end_tok >= k + 3 && lw_tok_is(t, e - 1, "fire") &&
	    lw_tok_is(t, e - 2, "under") && lw_tok_is(t, e, "for") &&
	    t->tok[e + 1].kind != LW_TOK_NUMBER && !kind_at(x, e + 1, LW_SENSE_NUMBER) &&
	    !kind_at(x, e + 1, LW_SENSE_APPROX))
		return 1;
	/* "came under fire from critics", "has come under fire from
	 * opposition lawmakers": blamed by people who bear no arms; not
	 * "came under fire from militants" or "from across the border" */
	if (f == 'c' && e + 1 < s1 && a->end_tok >= k + 3 && lw_tok_is(t, e - 1, "fire") &&
	    lw_tok_is(t, e - 2, "under") && w(x, e, W_FROM)) {
		static const char *const critics[] = {"critics", "lawmakers", "legislators",
						      "opponents", "rivals", "activists",
						      "conservatives", "liberals", "commentators",
						      "Republicans", "Democrats"};
		size_t j = e + 1;
		while (j < s1 && j < e + 4 && (t->tok[j].flags & LW_TF_LOWER) &&
		       !lw_tok_in(t, j, critics, sizeof critics / sizeof *critics))
			j++; /* "from the opposition", "from both parties'" */
		if (j < s1 && lw_tok_in(t, j, critics, sizeof critics / sizeof *critics))
			return 1;
		/* a person: "from Varden", "from Democratic nominee Varden" */
		for (j = e + 1; j < s1 && j < e + 5; j++) {
			const struct lw_mention *m = lw_mention_at(x, j);
			if (m && m->type == LW_PERSON && m->first_tok == j)
				return 1;
			if (t->tok[j].kind != LW_TOK_WORD || x->cover[j])
				break;
		}
	}
	/* "the mayor fired Varden, the police chief", "fired his chief of
	 * staff" */
	if (f != 'f' || e >= s1 || !(t->tok[e].flags & (LW_TF_CAP | LW_TF_LOWER)))
		return 0;
	const struct lw_kb_trigger *kt = &c->kb->triggers[lw_ann_sense(x, a)->id];
	if ((kt->flags & LW_TRF_WEAK) && !(kt->flags & LW_TRF_NOUN)) {
		static const char *const staff[] = {"chief", "aide", "aides", "adviser", "advisers",
						    "advisor", "manager", "staff", "director", "secretary",
						    "coach", "spokesman", "spokeswoman", "lawyer", "attorney",
						    "employees", "workers", "editor", "commissioner"};
		const struct lw_mention *m =
			(t->tok[e].flags & LW_TF_CAP) ? lw_mention_at(x, e) : NULL;
		if (m && m->type == LW_PERSON && m->first_tok == e)
			return 1;
		if (e + 1 < s1 && (w(x, e, W_HIS) || w(x, e, W_HER) || w(x, e, W_THEIR)) &&
		    lw_tok_in(t, e + 1, staff, sizeof staff / sizeof *staff))
			return 1;
	}
	return 0;
}

/* Is token k a determiner ("a", "another", "the", "this", "their")? */
static int determiner_word(const struct ectx *c, size_t k)
{
	const struct lw_extract *x = c->x;
	return (c->t->tok[k].flags & LW_TF_LOWER) &&
	       (w_in(x, k, WS_DET) || w_in(x, k, WS_DET_PART) || w(x, k, W_ANOTHER));
}

/* Does a noun's trigger start at token k ("grenades", "bombs")? */
static int noun_trigger_at(const struct ectx *c, size_t k)
{
	const struct lw_extract *x = c->x;
	for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
		const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
		if (s->kind == LW_SENSE_TRIGGER && (c->kb->triggers[s->id].flags & LW_TRF_NOUN))
			return 1;
	}
	return 0;
}

/*
 * Is the noun at token k the object of a verb that destroys, seizes or
 * finds a thing ("destroyed two vehicles, a mortar system and a VBIED",
 * "police recovered a bomb")? Back from k over the object's words and a
 * list's commas to such a verb; a preposition ("destroyed in a bombing",
 * "killed by a bomb"), another verb of the sentence or a clause's mark
 * ends the search.
 */
static int taken_by(struct ectx *c, size_t k, size_t s0, int list);

/* Does the trigger [first, end) end in "body" or "bodies" ("the
 * bullet-riddled body of", triggers.txt): 1 for the one, 2 for the
 * other, 0 for neither? A body found tells a killing, but not who found
 * it did it. */
static int body_trigger(const struct lw_text *t, size_t first, size_t end)
{
	if (end <= first + 1)
		return 0;
	return lw_tok_is(t, end - 1, "body") ? 1 : lw_tok_is(t, end - 1, "bodies") ? 2 : 0;
}

static int thing_taken(struct ectx *c, size_t k, size_t s0)
{
	return taken_by(c, k, s0, LS_TAKING);
}

/* thing_taken with the verbs of list `list` (LS_TAKING, LS_FREEING): the
 * search back from k. Most sentences have none of the verbs, which one
 * scan of the sentence says, kept for its other nouns. */
static int taken_by(struct ectx *c, size_t k, size_t s0, int list)
{
	const struct lw_text *t = c->t;
	const struct lw_extract *x = c->x;
	int slot = list == LS_FREEING;
	if (c->taken_sent[slot] != s0 + 1) {
		c->taken_sent[slot] = s0 + 1;
		c->taken_scanned[slot] = s0;
		c->taken_first[slot] = SIZE_MAX;
	}
	/* the sentence's nouns come in order: each scan goes on from the
	 * last, up to k, until it finds a verb of the list */
	for (size_t q = c->taken_scanned[slot]; q < k && c->taken_first[slot] == SIZE_MAX; q++)
		if ((t->tok[q].flags & LW_TF_LOWER) && t->tok[q].end - t->tok[q].start >= 4 &&
		    listed(c, q, list))
			c->taken_first[slot] = q;
	if (k > c->taken_scanned[slot])
		c->taken_scanned[slot] = k;
	if (c->taken_first[slot] >= k)
		return 0;
	for (size_t q = k; q > s0 && k - q < 40;) {
		q--;
		const lw_token *tq = &t->tok[q];
		if (tq->kind == LW_TOK_TERM || tq->kind == LW_TOK_QUOTE || lw_tok_punct(t, q, ';') ||
		    lw_tok_punct(t, q, ':') || lw_tok_punct(t, q, '('))
			return 0;
		if (tq->kind != LW_TOK_WORD || !(tq->flags & LW_TF_LOWER))
			continue;
		if (listed(c, q, list))
			return 1;
		if (listed(c, q, LS_STOPS))
			return 0;
		/* a verb of the sentence's own ("militants planted a bomb"),
		 * not a word of the list ("grenades", "bombs") */
		if (kind_at(x, q, LW_SENSE_CUE) || kind_at(x, q, LW_SENSE_CASUALTY) ||
		    (kind_at(x, q, LW_SENSE_TRIGGER) && !noun_trigger_at(c, q)))
			return 0;
	}
	return 0;
}

static int armed_with(const struct lw_text *t, size_t k, size_t s0);

/* Does the participle at k stand right after the phrase it describes
 * ("volunteers fighting alongside", "a group opposed to"), not after an
 * auxiliary, a subject pronoun, "to" or a modal of its own verb ("were
 * fighting", "they opposed", "has opposed", "to fight")? */
static int after_its_phrase(const struct lw_extract *x, size_t s0, size_t k)
{
	return k > s0 && x->t->tok[k - 1].kind == LW_TOK_WORD && !w_in(x, k - 1, WS_AUX) &&
	       !w_in(x, k - 1, WS_BEFORE_VERB) && !w(x, k - 1, W_HAS) && !w(x, k - 1, W_HAVE) &&
	       !w(x, k - 1, W_HAD);
}

/* Is the subject of the verb of destruction a at the start of its clause
 * a crowd (protesters, rioters, a mob), and what it destroys no token of
 * protest (tyres, flags, effigies, which a crowd burns without
 * rioting)? */
static int crowd_burns(struct ectx *c, const struct lw_ann *a, size_t s0, size_t s1)
{
	static const char *const tokens[] = {
		"tyres", "tires", "tyre", "tire", "effigy", "effigies", "flag", "flags", "copies",
		"copy", "posters", "poster", "pictures", "picture", "portraits", "portrait",
		"photos", "photographs", "banners", "placards", "pamphlets", "books", "book"};
	const struct lw_extract *x = c->x;
	size_t k = a->first_tok;
	if (a->end_tok != k + 1 || !(x->t->tok[k].flags & LW_TF_LOWER))
		return 0;
	const struct lw_aref *r = aref_before(c, s0, k);
	if (!r || r->end_tok != k)
		return 0;
	if (!code_is(r->sector, "OPP") && !lw_tok_is(x->t, r->end_tok - 1, "mob") &&
	    !lw_tok_is(x->t, r->end_tok - 1, "mobs"))
		return 0;
	for (size_t j = k + 1; j < s1 && j < k + 5; j++) {
		if (clause_break(x, j))
			break;
		if (lw_tok_in(x->t, j, tokens, sizeof tokens / sizeof *tokens))
			return 0;
	}
	return 1;
}

/* Is the noun at k the object of a watcher's verb ("tracks", "monitors",
 * "documents", "records") a word or two before it, in a relative clause
 * ("that tracks violence", "which monitors attacks on")? */
static int watcher_verb(const struct lw_extract *x, size_t s0, size_t k)
{
	const struct lw_text *t = x->t;
	for (size_t j = k; j-- > s0 && k - j <= 3;) {
		if (!(t->tok[j].flags & LW_TF_LOWER))
			return 0;
		if (word_listed(x, j, LS_WATCH))
			return j > s0 && (lw_tok_is(t, j - 1, "that") || lw_tok_is(t, j - 1, "which") ||
					  lw_tok_is(t, j - 1, "who") || lw_tok_ends(t, j, "ing", 3));
	}
	return 0;
}

static size_t answered_with(const struct lw_extract *x, size_t s0, size_t k);

/* Is there a casualty word in the passive among the tokens [a, b): "was
 * found dead", "were injured", "had been killed"? */
static int passive_casualty_between(const struct ectx *c, size_t a, size_t b)
{
	const struct lw_extract *x = c->x;
	int aux = 0;
	/* (past an apposition in commas: "Abdul Aziz, a policeman, was") */
	for (size_t k = a; k < b && k < a + 10; k++) {
		if (w(x, k, W_WAS) || w(x, k, W_WERE) || lw_tok_is(c->t, k, "been"))
			aux = 1;
		else if (aux && kind_at(x, k, LW_SENSE_CASUALTY))
			return 1;
		else if (kind_at(x, k, LW_SENSE_TRIGGER) || (aux && lw_tok_punct(c->t, k, ',')))
			return 0;
	}
	return 0;
}

/* Is the trigger a, a suicide bomber named as a person ("bomber",
 * "attackers"), one who suffered a deed rather than did one: singled out
 * among the dead or held ("including three suicide bombers", "a would-be
 * suicide bomber"), or held or killed ("arrested a suicide bomber",
 * "suicide bombers were killed")? */
static int bomber_suffered(const struct ectx *c, const struct lw_ann *a, size_t s0, size_t s1)
{
	static const char *const person[] = {"bomber", "bombers", "attacker", "attackers"};
	static const char *const single[] = {"including", "would-be", "potential", "wannabe"};
	static const char *const was[] = {"was", "were", "had", "have", "has", "been"};
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	size_t k = a->first_tok, e = a->end_tok;
	if (!lw_tok_in(t, e - 1, person, sizeof person / sizeof *person))
		return 0;
	for (size_t j = k; j > s0 && k - j < 3; j--) {
		size_t q = j - 1;
		if (lw_tok_in(t, q, single, sizeof single / sizeof *single))
			return 1;
		if (w(x, q, W_BY)) /* "killed by a suicide bomber": his deed */
			return 0;
		/* a deed done to him: "arrested a ...", "killed the ..." */
		const struct lw_ann *v = lw_ann_find(x, q, LW_SENSE_TRIGGER);
		if (v && v->end_tok <= k) {
			const struct lw_kb_trigger *vt = &c->kb->triggers[lw_ann_sense(x, v)->id];
			return (vt->type == 14 || vt->type == 15) && !(vt->flags & LW_TRF_NOUN);
		}
		/* (past an article or a count only: "arrested the two ...",
		 * not "hurt when a suicide bomber rammed the gate") */
		if (!(w(x, q, W_A) || w(x, q, W_AN) || w(x, q, W_THE) || t->tok[q].kind == LW_TOK_NUMBER ||
		      kind_at(x, q, LW_SENSE_NUMBER)))
			break;
	}
	/* "... were killed", "was arrested" */
	size_t j = e;
	while (j < s1 && j < e + 2 && lw_tok_in(t, j, was, sizeof was / sizeof *was))
		j++;
	if (j > e && j < s1 && (kind_at(x, j, LW_SENSE_CASUALTY) || kind_at(x, j, LW_SENSE_TRIGGER)) &&
	    lw_tok_ends(t, j, "ed", 2))
		return 1;
	return 0;
}

/* Is the arms' word at k what a verb of violence right before "with"
 * was done with: "was attacked with a grenade", "targeted with rockets",
 * "struck with a hand grenade"? */
static int struck_with(const struct ectx *c, size_t s0, size_t k)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	size_t j = k;
	/* past an article and a word or two of the arms' kind */
	while (j > s0 + 1 && k - j < 3 && (t->tok[j - 1].flags & LW_TF_LOWER) && !w(x, j - 1, W_WITH))
		j--;
	if (j <= s0 + 1 || !w(x, j - 1, W_WITH))
		return 0;
	const struct lw_ann *v = lw_ann_find(x, j - 2, LW_SENSE_TRIGGER);
	if (!v || v->end_tok != j - 1)
		return 0;
	const struct lw_kb_trigger *vt = &c->kb->triggers[lw_ann_sense(x, v)->id];
	return vt->type == 15 && !(vt->flags & LW_TRF_NOUN);
}

static int trigger_ok(struct ectx *c, const struct lw_ann *a, size_t s0, size_t s1)
{
	const struct lw_text *t = c->t;
	struct lw_extract *x = c->x;
	const struct lw_kb_sense *s = lw_ann_sense(x, a);
	const struct lw_kb_trigger *kt = &c->kb->triggers[s->id];
	size_t k = a->first_tok;
	/* whole words, outside names */
	if (a->start != t->tok[k].start || a->end != t->tok[a->end_tok - 1].end)
		return 0;
	if (x->cover[k])
		return 0;
	if (x->in_quote && x->in_quote[k])
		return 0; /* words inside a quote are said, not done */
	/* "she'll", "we'd", "he's": a contraction, whose key without its
	 * apostrophe may spell a trigger ("shell"), is no deed's word */
	if ((t->tok[k].flags & LW_TF_APOS) && !(t->tok[k].flags & LW_TF_POSSESSIVE) &&
	    lw_contraction(t, k))
		return 0;
	/* "did not respond to requests for comment": what a reporter asks
	 * is no event */
	if (kt->type == 7 && a->end_tok + 1 < s1 && w(x, a->end_tok, W_FOR) &&
	    (lw_tok_word(t, a->end_tok + 1, "comment") ||
	     (a->end_tok + 2 < s1 && w(x, a->end_tok + 1, W_AN) && lw_tok_word(t, a->end_tok + 2, "interview"))))
		return 0;
	/* "the air force said it shot down 64 of the drones": projectiles
	 * stopped in the air, no blow struck at anyone (but "shot down a
	 * helicopter") */
	if (kt->type == 15 && a->end_tok <= k + 2 && k + 1 < s1 && lw_tok_is(t, k + 1, "down") &&
	    (t->p[t->tok[k].start] | 0x20) == 's') {
		static const char *const fired[] = {"drone",   "drones",   "missile", "missiles",
						    "rocket",  "rockets",  "uav",     "uavs",
						    "projectile", "projectiles", "shell", "shells"};
		for (size_t q = k + 2; q < s1 && q < k + 8; q++) {
			if (lw_tok_in(t, q, fired, sizeof fired / sizeof *fired))
				return 0;
			if (t->tok[q].kind != LW_TOK_WORD && t->tok[q].kind != LW_TOK_NUMBER)
				break;
		}
	}
	/* "a funeral procession", "a religious procession", "the Muharram
	 * procession": a rite's procession is no protest (one for a cause
	 * is told by the cause: "a procession against the killing") */
	if (kt->type == 11 && k > s0 &&
	    (lw_tok_word(t, k, "procession") || lw_tok_word(t, k, "processions"))) {
		static const char *const rite[] = {
			"funeral", "religious", "wedding", "holy", "muharram", "ashura", "eid",
			"easter", "diwali", "dussehra", "ganesh", "navami", "rath", "milad",
			"chehlum", "urs", "christmas", "mourning", "torah", "palm", "yatra",
			"jaloos", "janmashtami", "durga", "kanwar"};
		if (lw_tok_in(t, k - 1, rite, sizeof rite / sizeof *rite))
			return 0;
	}
	/* "until their demands were met": demands met, no meeting */
	if (kt->type == 1 && k > s0 + 1 && lw_tok_word(t, k, "met") && w_in(x, k - 1, WS_AUX_TRIGGER)) {
		static const char *const asked[] = {"demands", "demand", "needs", "conditions",
						    "targets", "goals", "requirements", "expectations"};
		size_t j = k - 1;
		while (j > s0 && (w_in(x, j, WS_AUX_TRIGGER) || w(x, j, W_HAD) || w(x, j, W_HAVE) ||
				  w(x, j, W_HAS)) && k - j < 4)
			j--;
		if (lw_tok_in(t, j, asked, sizeof asked / sizeof *asked))
			return 0;
	}
	/* "a rights group that tracks violence against civilians", "a
	 * project that monitors attacks on journalists": deeds counted as
	 * a watcher's work, no event */
	if (k > s0 + 1 && (kt->flags & LW_TRF_NOUN) && watcher_verb(x, s0, k))
		return 0;
	/* "an armed group opposed to the junta": a participle that says
	 * which side a phrase is on, no rejection told ("the party has
	 * opposed the bill", "they opposed it" are; "declined to comment"
	 * is a refusal) */
	if (kt->type == 9 && a->end_tok < s1 && w(x, a->end_tok, W_TO) && lw_tok_is(t, k, "opposed") &&
	    after_its_phrase(x, s0, k))
		return 0;
	/* "told reporters by telephone": the noun, the means of a telling,
	 * not the verb "telephone" (a call is "a telephone call") */
	if (kt->type == 1 && !(kt->flags & LW_TRF_NOUN) && a->end_tok == k + 1 && k > s0 &&
	    (w(x, k - 1, W_BY) || lw_tok_word(t, k - 1, "via")) && lw_tok_is(t, k, "telephone"))
		return 0;
	/* "troops deployed in the province killed 20 insurgents": a
	 * deployment cut short of its relative clause, which says where the
	 * troops were; the sentence's own verb (a deed in "-ed", or an
	 * auxiliary) comes after it ("troops were deployed", "troops deployed
	 * to the border on Monday" stay); or under whom, or as what ("police
	 * deployed under a UN-backed mission exchanged fire") */
	static const char *const deployed_as[] = {"under", "as", "with"};
	/* (and "Kenyan police, deployed in the country since 2024, said
	 * ...": the same clause set off by commas, the sentence's verb right
	 * after the second; there "to" as well) */
	int aside = k > s0 + 1 && lw_tok_punct(t, k - 1, ',');
	if (kt->type == 13 && !(kt->flags & LW_TRF_NOUN) && a->end_tok == k + 1 && a->end_tok < s1 &&
	    (t->tok[k].flags & LW_TF_LOWER) && lw_tok_ends(t, k, "ed", 2) &&
	    (w_in(x, a->end_tok, WS_PLACE_PREP) || (aside && w(x, a->end_tok, W_TO)) ||
	     lw_tok_in(t, a->end_tok, deployed_as, sizeof deployed_as / sizeof *deployed_as))) {
		const struct lw_aref *r = aref_before(c, s0, aside ? k - 1 : k);
		if (!r || r->end_tok != (aside ? k - 1 : k))
			r = NULL;
		if (r && !aside && after_its_phrase(x, s0, k))
			for (size_t j = k + 2; j < s1 && j < k + 12; j++) {
				if (clause_break(x, j) || w(x, j - 1, W_AND))
					break;
				if (w_in(x, j, WS_AUX) || (kind_at(x, j, LW_SENSE_TRIGGER) &&
							   (t->tok[j].flags & LW_TF_LOWER) &&
							   lw_tok_ends(t, j, "ed", 3)))
					return 0;
			}
		/* (past "since 2021", "until May": no clause of their own) */
		for (size_t j = k + 2; r && aside && j + 1 < s1 && j < k + 14; j++) {
			if (t->tok[j].kind == LW_TOK_TERM || t->tok[j].kind == LW_TOK_QUOTE)
				break;
			if (lw_tok_punct(t, j, ',')) {
				size_t v = j + 1;
				if ((t->tok[v].flags & LW_TF_LOWER) &&
				    (w_in(x, v, WS_AUX) || kind_at(x, v, LW_SENSE_CUE) ||
				     (kind_at(x, v, LW_SENSE_TRIGGER) && lw_tok_ends(t, v, "ed", 3))))
					return 0;
				break;
			}
		}
	}
	/* "a coordinator of the protest movement", "protest organisers", "a
	 * strike committee": a noun of a deed before a noun of the people or
	 * the body behind such deeds names them, not a deed told */
	static const char *const behind[] = {"movement", "movements", "leader", "leaders",
					     "organiser", "organisers", "organizer", "organizers",
					     "coordinator", "coordinators", "committee", "committees",
					     "song", "songs", "vote", "votes"};
	/* (behind's first letters first: the word after most nouns of
	 * protests and attacks is none of them) */
	static _Atomic uint32_t behind_cache;
	const uint32_t behind_initials = lw_list_initials(behind, sizeof behind / sizeof *behind, &behind_cache);
	if ((kt->flags & LW_TRF_NOUN) && (kt->type == 11 || kt->type == 15) && a->end_tok < s1 &&
	    (t->tok[a->end_tok].flags & LW_TF_LOWER) && (t->tok[k].flags & LW_TF_LOWER) &&
	    lw_tok_initial(t, a->end_tok, behind_initials) &&
	    lw_tok_in(t, a->end_tok, behind, sizeof behind / sizeof *behind))
		return 0;
	/* "Tropical storm Trami killed 12", "a winter storm", "storm surge":
	 * the weather, no storming */
	if (kt->type == 15 && !(kt->flags & LW_TRF_NOUN) && (t->p[t->tok[k].start] | 0x20) == 's' &&
	    (lw_tok_is(t, k, "storm") || lw_tok_is(t, k, "storms"))) {
		static const char *const weather[] = {
			"tropical", "winter", "dust",   "snow",    "severe", "heavy",  "powerful",
			"deadly",   "ice",    "rain",   "thunder", "sand",   "solar",  "geomagnetic",
			"massive",  "strong", "fierce", "monsoon", "summer", "autumn", "spring"};
		static const char *const after[] = {"surge", "surges", "season", "system", "warning",
						    "warnings", "damage", "front", "clouds", "drains"};
		if ((k > s0 && lw_tok_in(t, k - 1, weather, sizeof weather / sizeof *weather)) ||
		    (a->end_tok < s1 && ((t->tok[a->end_tok].flags & LW_TF_CAP) ||
					 lw_tok_in(t, a->end_tok, after, sizeof after / sizeof *after))))
			return 0;
	}
	/* "Hamas frees four Israeli hostages", "a swap of hostages for
	 * prisoners": those held, freed now; their taking is no deed of this
	 * news */
	if (kt->type == 15 && (kt->flags & LW_TRF_NOUN) && (t->p[t->tok[k].start] | 0x20) == 'h' &&
	    (lw_tok_is(t, k, "hostages") || lw_tok_is(t, k, "hostage"))) {
		static const char *const freed[] = {
			"free",     "frees",    "freed",    "freeing",  "release", "releases",
			"released", "releasing", "swap",    "swapped",  "exchange", "exchanged",
			"rescue",   "rescued",  "rescues",  "return",   "returned", "remaining"};
		for (size_t j = k; j > s0 && k - j < 5; j--)
			if (lw_tok_in(t, j - 1, freed, sizeof freed / sizeof *freed))
				return 0;
	}
	/* "would not allow displaced Palestinians to return": the displaced
	 * as a kind of people, no displacement told */
	if (kt->type == 12 && !(kt->flags & LW_TRF_NOUN) && a->end_tok < s1 &&
	    lw_tok_is(t, k, "displaced") && t->tok[a->end_tok].kind == LW_TOK_WORD &&
	    !w(x, a->end_tok, W_BY) && !w(x, a->end_tok, W_FROM) && !w(x, a->end_tok, W_IN) &&
	    !w(x, a->end_tok, W_TO) && !w(x, a->end_tok, W_AS) && !w(x, a->end_tok, W_AND) &&
	    !(k > s0 && (w_in(x, k - 1, WS_AUX) || w(x, k - 1, W_HAS) || w(x, k - 1, W_HAVE) ||
			 w(x, k - 1, W_HAD))))
		return 0;
	/* "the White Helmets rescue group said", "rescue workers": a noun
	 * that names who rescues, no rescue */
	if (kt->type == 5 && a->end_tok < s1 && (t->tok[a->end_tok].flags & LW_TF_LOWER) &&
	    (t->p[t->tok[k].start] | 0x20) == 'r') {
		static const char *const who[] = {"group", "groups", "team", "teams", "workers",
						  "worker", "service", "services", "officials",
						  "volunteers", "agency", "agencies", "crews", "crew"};
		if (lw_tok_in(t, a->end_tok, who, sizeof who / sizeof *who))
			return 0;
	}
	/* "volunteers fighting alongside the army were killed": a participle
	 * that says whose side the phrase before it is on tells no fight
	 * ("crossed the border to fight alongside", "were fighting
	 * alongside" do) */
	if (kt->type == 15 && a->end_tok < s1 && lw_tok_ends(t, k, "ing", 3) &&
	    lw_tok_word(t, a->end_tok, "alongside") && after_its_phrase(x, s0, k))
		return 0;
	/* "an official, who asked not to be named, said": a source's wish
	 * for anonymity is no request of anyone */
	if (kt->type == 7 && a->end_tok + 2 < s1 && lw_tok_is(t, a->end_tok, "not") &&
	    w(x, a->end_tok + 1, W_TO))
		return 0;
	/* "another sign of", "a release of": a verb's base form after a
	 * determiner is a noun, and a verb with no noun's line names no deed
	 * so (the noun's line, where there is one, is its own sense) */
	if (!(kt->flags & LW_TRF_NOUN) && (s->form & LW_FORM_BASE) && !(s->form & LW_FORM_PAST) &&
	    k > s0 && determiner_word(c, k - 1))
		return 0;
	/* "in support of our partners", "with help from": a verb's base
	 * form after a preposition is a noun too (not after "to"), and names
	 * no act of its own; but "in search of a Taliban leader" is the
	 * force's search */
	if (!(kt->flags & LW_TRF_NOUN) && (s->form & LW_FORM_BASE) && !(s->form & LW_FORM_PAST) &&
	    kt->type != 14 && kt->type != 15 &&
	    k > s0 && (t->tok[k - 1].flags & LW_TF_LOWER) &&
	    (w(x, k - 1, W_IN) || w(x, k - 1, W_OF) || w(x, k - 1, W_WITH) || w(x, k - 1, W_WITHOUT) ||
	     w(x, k - 1, W_FROM) || w(x, k - 1, W_FOR))) {
		/* the purpose of another deed of the sentence ("conducted a
		 * strike in support of"); alone ("turned out in support of
		 * the rebels") it is the sentence's act */
		for (size_t j = s0; j < s1; j++)
			if (j != k && kind_at(x, j, LW_SENSE_TRIGGER))
				return 0;
	}
	/* "a base of operations", "the operations group": an operation
	 * named as a place or an office, no deed */
	if (kt->type == 15 && (kt->flags & LW_TRF_NOUN) && (kt->flags & LW_TRF_WEAK) &&
	    a->end_tok == k + 1 && (t->p[t->tok[k].start] | 0x20) == 'o' &&
	    (lw_tok_is(t, k, "operations") || lw_tok_is(t, k, "operation"))) {
		static const char *const seat[] = {"base", "bases", "theater", "theatre", "area", "areas",
						   "zone", "center", "centre", "chief", "head", "director",
						   "deputy", "commander", "officer", "concept", "tempo"};
		static const char *const office[] = {"group", "groups", "center", "centre", "centers",
						     "room", "officer", "officers", "command", "manager",
						     "staff", "directorate", "cell", "specialist", "director",
						     "directors", "chief", "commander", "coordinator"};
		if (k >= s0 + 2 && w(x, k - 1, W_OF) && lw_tok_in(t, k - 2, seat, sizeof seat / sizeof *seat))
			return 0;
		if (a->end_tok < s1 && (t->tok[a->end_tok].flags & LW_TF_LOWER) &&
		    lw_tok_in(t, a->end_tok, office, sizeof office / sizeof *office))
			return 0;
	}
	/* "died of wounds", "his wounds", "from kills": a verb's -s form
	 * after a determiner or "of", "from" is the plural noun (not after
	 * "that": "a group that attacks") */
	if (!(kt->flags & LW_TRF_NOUN) && (s->form & LW_FORM_3SG) &&
	    !(s->form & (LW_FORM_BASE | LW_FORM_PAST)) && k > s0 &&
	    ((determiner_word(c, k - 1) && !w(x, k - 1, W_THAT)) || w(x, k - 1, W_OF) ||
	     w(x, k - 1, W_FROM) ||
	     /* "as shells landed near the camp": the subject of the verb
	      * after it */
	     (a->end_tok < s1 && (t->tok[a->end_tok].flags & LW_TF_LOWER) &&
	      listed(c, a->end_tok, LS_DEED_VERBS)) ||
	     /* "left six spent shells": a count's things (but "blasted five
	      * bombs", as the noun alone is weak) */
	     (count_before(c, k, s0) && !mode_is(c->kb, kt, "explosives"))))
		return 0;
	/* "released a statement", "will release the results", "said in a
	 * news release": papers made public, no one set free */
	if (kt->type == 6 /* RETREAT */ && mode_is(c->kb, kt, "release")) {
		size_t to = a->end_tok + 4 < s1 ? a->end_tok + 4 : s1;
		for (size_t q = a->end_tok; q < to; q++)
			if (listed(c, q, LS_PAPERS))
				return 0;
		/* "a press release", "said in the release", "according to
		 * the release" (but "demanded the release of ...") */
		static const char *const press[] = {"press", "news"};
		static const char *const in[] = {"in", "to", "from"};
		if ((kt->flags & LW_TRF_NOUN) && k > s0 &&
		    (lw_tok_in(t, k - 1, press, sizeof press / sizeof *press) ||
		     (k > s0 + 1 && determiner_word(c, k - 1) &&
		      lw_tok_in(t, k - 2, in, sizeof in / sizeof *in) &&
		      !(a->end_tok < s1 && lw_tok_is(t, a->end_tok, "of")))))
			return 0;
	}
	/* "Clinton beat Sanders in the caucuses", "can beat Trump one-on-one
	 * in the polls": a contest won, no one beaten; "a legal battle", "the
	 * battle for the nomination": a contest too */
	if (kt->type == 15 &&
	    ((mode_is(c->kb, kt, "beat") &&
	      (!(kt->flags & LW_TRF_NOUN) || (k > s0 && !determiner_word(c, k - 1))) &&
	      !(kt->flags & LW_TRF_DEAD) && (contest_sentence(c, s0, s1) || score_after(t, a->end_tok, s1))) ||
	     contest_battle(c, a, s1) || idiom_of_violence(c, a, s1)))
		return 0;
	/* "the threat they pose", "poses a threat to peace": a danger, not a
	 * threat made */
	if (kt->type == 10 /* THREATEN */ && (kt->flags & LW_TRF_NOUN)) {
		static const char *const pose[] = {"pose", "poses", "posed", "posing"};
		size_t from = k > s0 + 3 ? k - 3 : s0, to = a->end_tok + 4 < s1 ? a->end_tok + 4 : s1;
		for (size_t q = from; q < to; q++)
			if (lw_tok_in(t, q, pose, sizeof pose / sizeof *pose))
				return 0;
	}
	/* "Leicestershire beat Somerset": a result between teams */
	if (x->nteams && !(kt->flags & LW_TRF_NOUN)) {
		const struct lw_mention *m = k > 0 ? lw_mention_at(x, k - 1) : NULL;
		const struct lw_mention *n = lw_mention_at(x, a->end_tok);
		if ((m && x->ents[m->ent].team) || (n && x->ents[n->ent].team))
			return 0;
	}
	/* "riot police", "riot gear": a role or a thing named by the word */
	{
		const struct lw_ann *r = lw_ann_find(x, k, LW_SENSE_ROLE);
		if (r && r->end_tok > a->end_tok)
			return 0;
		if (a->end_tok < s1 && w_in(x, a->end_tok, WS_GEAR))
			return 0;
		/* "an amphibious assault ship", "assault rifles": a thing
		 * named for the deed ("fired a rocket launcher" is the
		 * weapon's use) */
		if ((kt->flags & LW_TRF_NOUN) && a->end_tok < s1 && listed(c, a->end_tok, LS_NAMED_FOR))
			return 0;
		/* "the detention center", "an interrogation facility": a place
		 * named by the deed done there */
		static const char *const facility[] = {"center", "centre", "centers", "centres",
						       "facility", "facilities", "camp", "camps",
						       "cell", "cells", "ward", "site"};
		if ((kt->flags & LW_TRF_NOUN) && kt->type != 11 && a->end_tok < s1 &&
		    (t->tok[a->end_tok].flags & LW_TF_LOWER) &&
		    /* the words' first letters: most words after a trigger ask no more */
		    strchr("cfsw", t->p[t->tok[a->end_tok].start]) &&
		    lw_tok_in(t, a->end_tok, facility, sizeof facility / sizeof *facility))
			return 0;
	}
	/* "rallied supporters", "rally the party behind the bill", "a
	 * rallying cry": to rally someone is to win them over, not to
	 * demonstrate ("rallied in Dhaka", "rallied against the bill") */
	if (kt->type == 11 && (!(kt->flags & LW_TRF_NOUN) || (k > s0 && w(x, k - 1, W_TO))) &&
	    a->end_tok < s1 &&
	    lw_tok_len(&t->tok[k]) >= 5 && strncasecmp(t->p + t->tok[k].start, "rall", 4) == 0) {
		/* what may follow a march's "rallied": where, against what,
		 * when, how; any other word in lower case is whom it won
		 * over ("rallied donors", "rally behind", "rallying cry") */
		static const char *const went[] = {
			"in", "at", "on", "outside", "against", "across", "near", "for", "through",
			"along", "to", "towards", "toward", "from", "inside", "before", "after",
			"today", "yesterday", "tonight", "again", "since", "until", "over", "and",
			"as", "while", "when", "with", "by", "under", "into", "onto", "opposite"};
		size_t n = a->end_tok;
		const lw_token *nt = &t->tok[n];
		if (w_in(x, n, WS_DET) ||
		    (nt->kind == LW_TOK_WORD && (nt->flags & LW_TF_LOWER) &&
		     !lw_tok_ends(t, n, "ly", 4) && !lw_tok_in(t, n, went, sizeof went / sizeof *went)))
			return 0;
		/* "to rally Conservatives": a name right after the verb is
		 * its object, but not a day ("rallied Sunday") nor a place */
		const struct lw_mention *m;
		if ((t->tok[n].flags & LW_TF_CAP) && !(x->evf[n] & LW_EVF_DATE) &&
		    !((m = lw_mention_at(x, n)) != NULL && x->ents[m->ent].type == LW_PLACE))
			return 0;
	}
	/* "were seized with panic", "complained of feeling ill": a
	 * feeling, no seizure and no accusation */
	if (a->end_tok + 1 < s1 && !(kt->flags & LW_TRF_NOUN)) {
		static const char *const feelings[] = {
			"jealousy", "fear", "panic", "anger", "grief", "terror", "remorse", "doubt",
			"anxiety", "excitement", "rage", "envy", "dread", "despair", "horror", "guilt"};
		static const char *const states[] = {"being", "feeling", "having", "boredom", "pain"};
		size_t n = a->end_tok;
		if (kt->type == 14 && w(x, n, W_WITH) &&
		    lw_tok_in(t, n + 1, feelings, sizeof feelings / sizeof *feelings))
			return 0;
		if (w(x, n, W_OF) && lw_tok_len(&t->tok[k]) >= 8 &&
		    strncasecmp(t->p + t->tok[k].start, "complain", 8) == 0 &&
		    lw_tok_in(t, n + 1, states, sizeof states / sizeof *states))
			return 0;
	}
	/* "demonstrated that the office was closed", "demonstrates how":
	 * to show, not to protest */
	if (kt->type == 11 && !(kt->flags & LW_TRF_NOUN) && a->end_tok < s1 &&
	    lw_tok_len(&t->tok[k]) >= 11 && strncasecmp(t->p + t->tok[k].start, "demonstrat", 10) == 0 &&
	    (w(x, a->end_tok, W_THAT) || lw_tok_word(t, a->end_tok, "how") ||
	     lw_tok_word(t, a->end_tok, "why") || lw_tok_word(t, a->end_tok, "what")))
		return 0;
	/* "in March": the month, not a march */
	if ((t->tok[k].flags & LW_TF_CAP) && a->end_tok == k + 1 &&
	    lw_month_number(t->p + t->tok[k].start, lw_tok_len(&t->tok[k])))
		return 0;
	/* "Operation Strike Back": a capitalised trigger among capitalised
	 * words is a name; "IED", "Killed" at the start are not, nor a
	 * phrase the text goes on in lower case ("US Drone strike") */
	if ((t->tok[k].flags & LW_TF_CAP) && !(t->tok[k].flags & LW_TF_UPPER) && k != s0 &&
	    !(a->end_tok > k + 1 && (t->tok[a->end_tok - 1].flags & LW_TF_LOWER)) &&
	    ((k > s0 && (t->tok[k - 1].flags & LW_TF_CAP) &&
	      !(k - 1 == s0 && (w(x, s0, W_A) || w(x, s0, W_AN) || w(x, s0, W_THE)))) ||
	     (a->end_tok < s1 && (t->tok[a->end_tok].flags & LW_TF_CAP))))
		return 0; /* but "A Protest was taken out" */
	/* a verb's base form after a determiner is a noun: leave it to the
	 * noun entry */
	if (!(kt->flags & LW_TRF_NOUN) && (s->form & LW_FORM_BASE) && k > s0) {
		if (w_in(x, k - 1, WS_DET))
			return 0;
	}
	/* "in occupied Kashmir", "the besieged Gaza": a participle before a
	 * place's name describes the place */
	static const char *const through[] = {"through", "across", "into", "from", "of",
					      "to", "throughout", "over", "across"};
	if (!(kt->flags & LW_TRF_NOUN) && (s->form & LW_FORM_PAST) && a->end_tok == k + 1 &&
	    k + 1 < s1) {
		const struct lw_mention *m = lw_mention_at(x, k + 1);
		if (((m && m->first_tok == k + 1 && m->type == LW_PLACE) ||
		     ((t->tok[k + 1].flags & LW_TF_CAP) && lw_ann_find(x, k + 1, LW_SENSE_PLACE))) &&
		    (k == s0 || w_in(x, k - 1, WS_DET) || w_in(x, k - 1, WS_PLACE_PREP) ||
		     lw_tok_in(t, k - 1, through, sizeof through / sizeof *through)))
			return 0;
	}
	/* "the banned Lashkar-e-Jhangvi", "a proscribed group", "the wanted
	 * man": a participle after a determiner describes, it tells nothing */
	if (!(kt->flags & LW_TRF_NOUN) && (s->form & LW_FORM_PAST) && a->end_tok == k + 1 && k > s0 &&
	    k + 1 < s1 && t->tok[k + 1].kind == LW_TOK_WORD) {
		/* but "staged a protested against ...": a slip for the noun;
		 * and after a count too: "rescued 16 kidnapped farmers" */
		/* (not after a count that is a noun itself: "thousands
		 * protested today", "in the hundreds marched outside") */
		if ((w_in(x, k - 1, WS_DET_PART) ||
		     ((kind_at(x, k - 1, LW_SENSE_NUMBER) || t->tok[k - 1].kind == LW_TOK_NUMBER) &&
		      !(t->tok[k - 1].kind == LW_TOK_WORD && lw_tok_ends(t, k - 1, "s", 1)) &&
		      (t->tok[k + 1].flags & LW_TF_LOWER) && counted_noun_after(x, k + 1)) ||
		     /* "the internationally recognised government" */
		     (k - 1 > s0 && w_in(x, k - 2, WS_DET_PART) &&
		      (t->tok[k - 1].flags & LW_TF_LOWER) && lw_tok_ends(t, k - 1, "ly", 3))) &&
		    !w_in(x, k + 1, WS_PREP_PART))
			return 0;
	}
	/* "a blast rocked the market": a verb of shaking is an explosion
	 * only after a blast, never after a scandal or a protest, whatever
	 * else the sentence holds ("protests rocked the city after police
	 * killed two" is no bombing) */
	if (kt->flags & LW_TRF_BLAST_SUBJECT)
		return explosives_near(c, a, s0, s1);
	if (kt->flags & LW_TRF_WEAK) {
		/* "In a separate incident, ...": the opening words point at
		 * the event the sentence tells, they are none of their own */
		if (k <= s0 + 3 && separate(x, s0, s1))
			return 0;
		/* "launched a search for the students": what is launched
		 * that no one suffers (a search, an inquiry, a campaign) */
		if (kt->type == 15 && !(kt->flags & LW_TRF_NOUN) && (t->p[t->tok[k].start] | 0x20) == 'l' &&
		    lw_tok_len(&t->tok[k]) >= 6 && !strncasecmp(t->p + t->tok[k].start, "launch", 6)) {
			static const char *const quest[] = {"search", "manhunt", "hunt", "investigation",
							    "inquiry", "probe", "appeal", "campaign",
							    "review", "crackdown", "drive", "bid"};
			size_t o = a->end_tok;
			while (o < s1 && o < a->end_tok + 3 && (t->tok[o].flags & LW_TF_LOWER) &&
			       !lw_tok_in(t, o, quest, sizeof quest / sizeof *quest) && !w(x, o, W_AT) &&
			       !w(x, o, W_ON) && !w(x, o, W_AGAINST))
				o++;
			/* (a "search operation" is the force's operation) */
			if (o < s1 && lw_tok_in(t, o, quest, sizeof quest / sizeof *quest) &&
			    !(o + 1 < s1 && (lw_tok_word(t, o + 1, "operation") || lw_tok_word(t, o + 1, "operations"))))
				return 0;
		}
		/* "struck the attackers as they fled": who flees after a
		 * pronoun made no one flee */
		if (kt->type == 12 && !(kt->flags & LW_TRF_NOUN) && mode_is(c->kb, kt, "expel") && k > s0 &&
		    (w(x, k - 1, W_THEY) || w(x, k - 1, W_WE) || w(x, k - 1, W_HE) || w(x, k - 1, W_SHE) ||
		     (k > s0 + 1 && w(x, k - 1, W_HAD) && (w(x, k - 2, W_THEY) || w(x, k - 2, W_HE)))))
			return 0;
		/* "the multinational security support mission": a weak verb
		 * before a noun of a body names the body, it does nothing */
		static const char *const bodies[] = {"mission", "missions", "staff", "team", "teams",
						     "unit", "units", "office", "package", "programme",
						     "program", "vessel", "vessels", "base", "bases"};
		if (!(kt->flags & LW_TRF_NOUN) && a->end_tok < s1 && (t->tok[a->end_tok].flags & LW_TF_LOWER) &&
		    lw_tok_len(&t->tok[a->end_tok]) >= 4 && lw_tok_len(&t->tok[a->end_tok]) <= 9 &&
		    lw_tok_in(t, a->end_tok, bodies, sizeof bodies / sizeof *bodies))
			return 0;
		/* "two passenger jets collided": an aircraft that a civilian
		 * phrase names is no weapon */
		if (kt->flags & LW_TRF_INSTRUMENT)
			for (size_t i = aref_lower(c, k > s0 + 3 ? k - 3 : s0); i < x->naref; i++) {
				const struct lw_aref *r = &x->aref[i];
				if (r->first_tok > k)
					break;
				if (r->end_tok >= a->end_tok && civilian_sector(r->sector))
					return 0;
			}
		/* a weak trigger needs a conflict actor or a count nearby */
		int support = 0;
		/* an instrument ("a US drone", "warplanes") with an army
		 * nearby is still no attack: only a casualty word makes it one */
		for (size_t i = aref_lower(c, s0);
		     i < x->naref && !support && !(kt->flags & LW_TRF_INSTRUMENT); i++) {
			const struct lw_aref *r = &x->aref[i];
			if (r->first_tok >= s1)
				break;
			/* the trigger's own words are no support: "air force
			 * jets flew over" */
			if (r->first_tok < a->end_tok && r->end_tok > a->first_tok)
				continue;
			/* "the gunmen fled": those who flee make no one flee */
			if (kt->type == 12 && r->end_tok <= k && k - r->end_tok < 2 &&
			    mode_is(c->kb, kt, "expel"))
				continue;
			/* (nor does an armed body named after the flight, but
			 * for what it was fled from: "fled toward the mountains,
			 * where remnants of the group hide" is no one made to
			 * flee; "fled an attack by militants" is) */
			if (kt->type == 12 && r->first_tok >= a->end_tok && mode_is(c->kb, kt, "expel") &&
			    !(r->first_tok > 0 && (w(x, r->first_tok - 1, W_BY) || w(x, r->first_tok - 1, W_FROM))))
				continue;
			if (r->end_tok <= s1 &&
			    (code_is(r->sector, "REB") || code_is(r->sector, "MIL") ||
			     code_is(r->sector, "COP") || code_is(r->sector, "UAF")))
				support = 1;
			/* a march of students, party workers, farmers */
			if (kt->type == 11 && r->end_tok <= s1 && civilian_sector(r->sector))
				support = 1;
		}
		/* "Israel struck targets in Lebanon": a plain blow (no
		 * manner: not "destroyed several depots", a retelling's) at
		 * a force's places is an attack whoever struck */
		if (!support && kt->type == 15 && !(kt->flags & LW_TRF_NOUN) && kt->mode_len == 0) {
			static const char *const places[] = {"targets", "positions", "bases", "outposts",
							     "hideouts", "strongholds", "depots", "camps",
							     "installations"};
			for (size_t o = a->end_tok; o < s1 && o < a->end_tok + 5 && !support; o++) {
				/* (plurals all: most words pass on their last letter) */
				if (lw_tok_len(&t->tok[o]) >= 5 && t->p[t->tok[o].end - 1] == 's' &&
				    lw_tok_in(t, o, places, sizeof places / sizeof *places))
					support = 1;
				else if (!(t->tok[o].flags & (LW_TF_LOWER | LW_TF_CAP)) || kind_at(x, o, LW_SENSE_TRIGGER) ||
					 w(x, o, W_IN) || w(x, o, W_ON) || w(x, o, W_AT))
					break;
			}
		}
		/* a crowd that gathered: with its grievance only (gathering_ok) */
		if (kt->type == 11 && gathering_word(t, k) && !gathering_ok(x, k, s1))
			return 0;
		/* "set two trucks ablaze": the deed, whoever did it */
		if (set_before(x, s0, k) != SIZE_MAX)
			support = 1;
		/* "and soldiers retaliated with artillery": arms an answer is
		 * made with */
		if (!support && kt->type == 15 && answered_with(x, s0, k) != SIZE_MAX)
			support = 1;
		/* "the school was attacked with a grenade": the arms a blow
		 * told just before was struck with */
		if (!support && kt->type == 15 && (kt->flags & LW_TRF_NOUN))
			support = struck_with(c, s0, k);
		/* "rioters burnt vehicles", "a mob burned shops": a crowd's
		 * destruction (but not its tyres, flags and effigies: crowd_burns) */
		if (!support && kt->type == 15 && mode_is(c->kb, kt, "destroy"))
			support = crowd_burns(c, a, s0, s1);
		/* "took out a march", "staged a vigil" */
		for (size_t j = k; j > s0 && k - j < 4 && !support; j--) {
			support = kt->type == 11 && w_in(x, j - 1, WS_STAGED);
		}
		/* "six spent shells": cartridge cases, no shelling */
		if ((kt->flags & LW_TRF_NOUN) && mode_is(c->kb, kt, "heavy-weapons") && k > s0 &&
		    (lw_tok_is(t, k - 1, "spent") || lw_tok_is(t, k - 1, "empty")))
			return 0;
		/* "as shells landed near the camp", "rockets hit a school":
		 * what a gun fires, and where it struck */
		if (!support && (kt->flags & LW_TRF_NOUN) && mode_is(c->kb, kt, "heavy-weapons") &&
		    a->end_tok < s1 && (t->tok[a->end_tok].flags & LW_TF_LOWER)) {
			static const char *const struck[] = {"landed", "hit", "struck", "slammed",
							     "rained", "crashed", "exploded", "fell"};
			support = lw_tok_in(t, a->end_tok, struck, sizeof struck / sizeof *struck);
		}
		/* "A bomb exploded in a market": two words of explosives
		 * together are an explosion, where one alone ("prices
		 * exploded", "an explosion of anger") is not */
		if (!support && mode_is(c->kb, kt, "explosives"))
			support = explosives_near(c, a, s0, s1);
		/* "dismissed the criticism", "dismissed the allegations as
		 * baseless", "sought his endorsement": a weak verb of rejecting
		 * or asking whose object is a speech act's noun answers it or
		 * asks for it */
		if (!support)
			support = answers_speech(c, kt, a->end_tok, s1);
		/* a casualty word in the sentence (s0, s1 are always the current
		 * sentence's); the strike of workers, a protest (labour_strike) */
		support = support || c->casualty ||
			  (kt->type == 15 && c->acled->strike && labour_strike(c, a, s0, s1));
		if (!support)
			return 0;
	}
	/* asked last: the search back over the sentence costs the most */
	/* "one strike destroyed a VBIED", "police recovered a bomb": a weapon
	 * destroyed, seized or found is no attack */
	if (kt->type == 15 && ((kt->flags & LW_TRF_NOUN) || noun_trigger_at(c, k)) &&
	    thing_taken(c, k, s0) &&
	    /* but "police recovered the bullet-riddled body of a
	     * journalist": the body tells a killing */
	    !body_trigger(t, k, a->end_tok))
		return 0;
	/* "found dead with bullet wounds", "suffered head injuries": a
	 * verb of hurting in its -s form after a word that takes a noun is
	 * the noun, the hurt (no deed of its own) */
	if (!(kt->flags & LW_TRF_NOUN) && (kt->flags & LW_TRF_INJURED) && (s->form & LW_FORM_3SG) &&
	    !(s->form & LW_FORM_BASE) && k > s0) {
		static const char *const before_noun[] = {
			"with", "of", "for", "his", "her", "their", "its", "bullet", "gunshot", "stab",
			"knife", "head", "multiple", "severe", "serious", "minor", "critical",
			"suffered", "sustained", "received"};
		if ((t->tok[k - 1].flags & LW_TF_LOWER) &&
		    lw_tok_in(t, k - 1, before_noun, sizeof before_noun / sizeof *before_noun))
			return 0;
	}
	/* "three suicide bombers were killed", "arrested a would-be
	 * suicide bomber", "including two suicide bombers": the bombers
	 * counted, held or killed, no attack of theirs */
	if (kt->type == 15 && (kt->flags & LW_TRF_NOUN) && mode_is(c->kb, kt, "suicide-attack") &&
	    bomber_suffered(c, a, s0, s1))
		return 0;
	/* "fighters armed with grenades and rifles": the weapons
	 * someone bore, not a deed done with them */
	if (kt->type == 15 && (kt->flags & LW_TRF_NOUN) && armed_with(c->t, k, s0))
		return 0;
	/* "police released two hostages", "troops rescued the captives":
	 * the end of a captivity, no new abduction */
	if (kt->type == 15 && (kt->flags & LW_TRF_NOUN) && mode_is(c->kb, kt, "abduct") &&
	    taken_by(c, k, s0, LS_FREEING))
		return 0;
	return 1;
}

static void add_count(struct ev *e, const struct count *ct, const struct lw_text *t)
{
	int r = ct->role;
	if (ct->definite && e->have_count[r])
		return; /* "the two insurgents": told already */
	if (e->have_count[r] && !ct->additive && !ct->sums) {
		/* two counts of one role in a sentence: the larger, unless the
		 * text adds them up */
		if (ct->value > e->count[r]) {
			e->count[r] = ct->value;
			e->approx[r] = ct->approx;
			e->count_span[r].start = t->tok[ct->first].start;
			e->count_span[r].end = t->tok[ct->end - 1].end;
		}
		return;
	}
	if (e->have_count[r]) {
		e->count[r] += ct->value;
		e->approx[r] |= ct->approx;
		if (t->tok[ct->end - 1].end > e->count_span[r].end)
			e->count_span[r].end = t->tok[ct->end - 1].end;
		return;
	}
	e->have_count[r] = 1;
	e->count[r] = ct->value;
	e->approx[r] = ct->approx;
	e->count_span[r].start = t->tok[ct->first].start;
	e->count_span[r].end = t->tok[ct->end - 1].end;
}

/* The "a", "an" or "one" right before token f, or before one word in
 * lower case before it ("a local singer"): 1 + its token, or 0. */
static size_t one_after_a(const struct lw_extract *x, size_t s0, size_t f)
{
	const struct lw_text *t = x->t;
	if (f > s0 + 1 && (t->tok[f - 1].flags & LW_TF_LOWER) && !w(x, f - 1, W_A) &&
	    !w(x, f - 1, W_AN) && !w(x, f - 1, W_ONE))
		f--;
	if (f > s0 && (w(x, f - 1, W_A) || w(x, f - 1, W_AN) || w(x, f - 1, W_ONE)))
		return f; /* 1 + the "a" */
	return 0;
}

/* Is the target `a`, told in sentence [s0, s1), one person: a person's
 * name, or one of a role after "a", "an" or "one" ("a local singer")?
 * 1 + the first token of the words that say so, or 0. */
static size_t one_victim_named(const struct ectx *c, size_t s0, size_t s1, const lw_event_actor *a)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	for (size_t i = aref_lower(c, s0); i < x->naref && x->aref[i].first_tok < s1; i++) {
		const struct lw_aref *r = &x->aref[i];
		if (r->start != a->span.start || r->end != a->span.end)
			continue;
		if (group_in(t, r->first_tok, r->end_tok))
			return 0;
		/* not one of several: "A key commander of LeJ and his
		 * companion were killed" */
		size_t after = r->end_tok;
		if (after < s1 && lw_tok_punct(t, after, ')'))
			after++;
		if (after < s1 && w(x, after, W_AND))
			return 0;
		if (r->ent >= 0 && x->ents[r->ent].type == LW_PERSON)
			return r->first_tok + 1;
		/* a role's phrase: one after "a", "an", "one", past one word
		 * in lower case ("a local singer"; its entry's plural flag is
		 * the whole entry's) */
		size_t f = one_after_a(x, s0, r->first_tok);
		if (f)
			return f;
		/* "The driver was shot dead": one role's phrase in the singular
		 * after "the", the sentence's subject right before "was" (the
		 * caller marks the count definite: it may tell again one
		 * counted before) */
		if (r->kind == LW_AREF_ROLE && !r->plural && r->first_tok == s0 + 1 && w(x, s0, W_THE) &&
		    r->end_tok < s1 && w(x, r->end_tok, W_WAS))
			return s0 + 1;
		/* "A local commander of the BLA", "a regional leader of the
		 * outlawed PBCP": one of the body, the head before "of" a
		 * singular word in lower case (not "a group of"); from the
		 * name before an acronym in brackets ("the Baloch Liberation
		 * Army (BLA)") */
		size_t o = r->first_tok;
		if (r->kind == LW_AREF_NAMED && o > s0 + 1 && lw_tok_punct(t, o - 1, '(')) {
			size_t named = o;
			for (size_t j = i; j-- > 0 && x->aref[j].end_tok + 2 >= o;)
				if (x->aref[j].end_tok == o - 1 && x->aref[j].first_tok >= s0) {
					named = x->aref[j].first_tok;
					break;
				}
			/* (a name no actor phrase took whole: "the Young
			 * Farmers League of Kerala (YFLK)", its capitalised
			 * words and an "of" between two) */
			for (size_t q = o - 1; named == o && q > s0 + 1 && o - q < 9; q--) {
				const lw_token *p = &t->tok[q - 1];
				if (!(p->kind == LW_TOK_WORD && (p->flags & LW_TF_CAP)) &&
				    !(w(x, q - 1, W_OF) && (t->tok[q - 2].flags & LW_TF_CAP))) {
					if (q < o - 1)
						named = q;
					break;
				}
			}
			o = named;
		}
		size_t o0 = o;
		while (o > s0 && o0 - o < 3 && t->tok[o - 1].kind == LW_TOK_WORD && !w(x, o - 1, W_OF))
			o--;
		static const char *const bodies[] = {"group", "team", "band", "gang", "unit", "number",
						     "convoy", "family", "delegation", "crowd", "mob",
						     "batch", "contingent", "party", "squad", "section"};
		if (o > s0 + 2 && w(x, o - 1, W_OF) && (t->tok[o - 2].flags & LW_TF_LOWER) &&
		    t->tok[o - 2].kind == LW_TOK_WORD && !lw_tok_ends(t, o - 2, "s", 1) &&
		    !lw_tok_in(t, o - 2, bodies, sizeof bodies / sizeof *bodies)) {
			size_t a1 = one_after_a(x, s0, o - 2);
			if (a1)
				return a1;
			/* "The general secretary of the YFLK was shot dead":
			 * the sentence's subject after "the", before "was" (a
			 * definite count, as "The driver was shot dead") */
			size_t h = o - 2;
			if (w(x, s0, W_THE) && h > s0 && h - s0 <= 2 && after < s1 && w(x, after, W_WAS) &&
			    (h == s0 + 1 || (t->tok[s0 + 1].flags & LW_TF_LOWER)))
				return s0 + 1;
		}
		return 0;
	}
	return 0;
}

/* Is a verb of killing ("killed", "shot dead"; in lower case, not a
 * noun) among the sentence's triggers? */
static int dead_verb_in(const struct ectx *c)
{
	for (size_t i = 0; i < c->ntrigs; i++) {
		const struct lw_kb_trigger *kt = c->trigs[i].kt;
		if (kt->type == 15 && (kt->flags & LW_TRF_DEAD) && !(kt->flags & LW_TRF_NOUN) &&
		    (c->t->tok[c->trigs[i].first].flags & LW_TF_LOWER))
			return 1;
	}
	return 0;
}

/* The counts of sentence [s0, s1) with their roles. */
/* Does trigger kt say what befalls its object (a verb with a victim
 * role: "killed", "beheaded", "detained")? */
static int victim_verb(const struct lw_kb_trigger *kt)
{
	return !(kt->flags & LW_TRF_NOUN) &&
	       (kt->flags & (LW_TRF_DEAD | LW_TRF_INJURED | LW_TRF_ARRESTED));
}

enum { CAPTURED_PEOPLE, CAPTURED_GROUND, CAPTURED_GOODS };
static const char *const capture_forms[] = {"capture", "captured", "captures", "capturing"};

/* What "captured" (tokens [first, end)) takes: "the town of X",
 * "Kunduz" (CAPTURED_GROUND), "weapons and vehicles", "a cache of arms"
 * (CAPTURED_GOODS), or people ("a commander in Kandahar", "the Kandahar
 * commander": CAPTURED_PEOPLE). */
static int captured_object(const struct ectx *c, size_t end, size_t s1)
{
	const struct lw_extract *x = c->x;
	size_t j = end;
	if (j < s1 && w_in(x, j, WS_DET))
		j++;
	/* one adjective between: "large quantities", "heavy weapons" */
	for (size_t k = j; k < s1 && k <= j + 1; k++) {
		if (goods_word(c->t, k))
			return CAPTURED_GOODS;
		if (!(c->t->tok[k].flags & LW_TF_LOWER))
			break;
	}
	static const char *const ground[] = {
		"town", "city", "village", "villages", "district", "province", "base", "bases",
		"area", "areas", "territory", "airport", "outpost", "checkpoint", "checkpoints",
		"positions", "hill", "hills", "region", "capital", "headquarters", "garrison",
		"port", "crossing", "highway", "oilfield", "oilfields"};
	/* one adjective between: "the strategic town", "the provincial capital" */
	for (size_t k = j; k < s1 && k <= j + 1; k++) {
		if (lw_tok_in(c->t, k, ground, sizeof ground / sizeof *ground))
			return CAPTURED_GROUND;
		if (!(c->t->tok[k].flags & LW_TF_LOWER))
			break;
	}
	const struct lw_mention *m = j < s1 ? lw_mention_at(x, j) : NULL;
	if (!m || m->type != LW_PLACE || m->first_tok != j)
		return CAPTURED_PEOPLE;
	/* the place ends the object: "captured Kunduz on Sunday", not
	 * "captured the Nawah district Taliban chief" */
	static const char *const after[] = {
		"in", "on", "at", "after", "from", "near", "and", "following", "during", "last",
		"this", "yesterday", "today", "early", "late", "before", "with", "as", "while",
		"which", "where", "by", "for", "overnight", "since", "amid", "without", "when",
		"earlier", "later"};
	size_t e = m->end_tok;
	return e >= s1 || c->t->tok[e].kind != LW_TOK_WORD ||
			       lw_tok_in(c->t, e, after, sizeof after / sizeof *after)
		       ? CAPTURED_GROUND
		       : CAPTURED_PEOPLE;
}

/* The longest victim verb at hit h (token k) that trigger_ok takes, or
 * NULL. sentence_events' pick of the triggers walked the same
 * annotations and left the answer in c->vpick[h] (VPICK_*, else 2 + the
 * annotation's index); a hit it skipped is walked here. */
enum { VPICK_UNKNOWN = 0, VPICK_NONE = 1 };
static const struct lw_ann *victim_pick(struct ectx *c, size_t h, size_t k, size_t s0, size_t s1)
{
	struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	uint32_t m = c->vpick[h];
	if (m != VPICK_UNKNOWN)
		return m == VPICK_NONE ? NULL : &x->ann[m - 2];
	const struct lw_ann *pick = NULL;
	for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
		const struct lw_ann *a = &x->ann[j];
		const struct lw_kb_sense *s = lw_ann_sense(x, a);
		if (s->kind != LW_SENSE_TRIGGER || a->start != t->tok[k].start)
			continue;
		if (!victim_verb(&c->kb->triggers[s->id]))
			continue;
		if (!pick || a->end_tok > pick->end_tok)
			pick = a;
	}
	return pick && trigger_ok(c, pick, s0, s1) ? pick : NULL;
}

/* The count a verb trigger with a victim role gives at token k, hit h. */
static int trigger_count(struct ectx *c, size_t h, size_t k, size_t s0, size_t s1,
			 uint32_t used_until, struct count *ct)
{
	struct lw_extract *x = c->x;
	const struct lw_ann *pick = victim_pick(c, h, k, s0, s1);
	if (!pick)
		return 0;
	const struct lw_kb_trigger *kt = &c->kb->triggers[lw_ann_sense(x, pick)->id];
	memset(ct, 0, sizeof *ct);
	int aux = k > s0 && w_in(x, k - 1, WS_AUX_TRIGGER);
	/* "it had 'neutralised' about 30 jihadists": past the verb's own
	 * quotation mark */
	size_t after = pick->end_tok;
	if (after + 1 < s1 && c->t->tok[after].kind == LW_TOK_QUOTE && k > s0 &&
	    c->t->tok[k - 1].kind == LW_TOK_QUOTE)
		after++;
	if (aux ? !counts_before(x, used_until, k, 1, ct) : !count_after(x, after, s1, ct))
		return 0;
	ct->role = kt->flags & LW_TRF_DEAD ? ROLE_DEAD : kt->flags & LW_TRF_INJURED ? ROLE_INJURED
										 : ROLE_ARRESTED;
	return 1;
}

/* "a dead end", "in a dead heat", "faces a death sentence": "dead" or
 * "death" before a noun it makes an idiom with counts no one. */
static int dead_idiom(const struct lw_text *t, size_t k, size_t s1)
{
	static const char *const idiom[] = {
		"end",     "ends",      "heat",  "set",     "ringer", "weight", "lock",
		"sentence", "sentences", "penalty", "row",  "knell",  "wish",   "trap",
		"certificate", "certificates", "spiral", "giveaway", "serious", "last",
		"letter",  "center",    "centre", "reckoning", "stop", "stick"};
	return k + 1 < s1 && (lw_tok_is(t, k, "dead") || lw_tok_is(t, k, "death")) &&
	       lw_tok_in(t, k + 1, idiom, sizeof idiom / sizeof *idiom);
}

/* Has token k a casualty word of another role than `role` ("injured"
 * after "killed")? */
static int other_casualty(const struct lw_extract *x, size_t k, int role)
{
	if (!kind_at(x, k, LW_SENSE_CASUALTY))
		return 0;
	for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
		const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
		if (s->kind == LW_SENSE_CASUALTY && s->sub != role && s->sub != LW_ROLE_CASUALTIES)
			return 1;
	}
	return 0;
}

static size_t sentence_counts(struct ectx *c, size_t si, size_t s0, size_t s1, struct count *out,
			      size_t max)
{
	struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	size_t n = 0;
	uint32_t used_until = (uint32_t)s0;
	size_t next = s0; /* the tokens before it are taken */
	for (size_t h = c->hit0; h < c->hit1 && n < max; h++) {
		size_t k = c->hits[h]; /* tokens that are neither do nothing here */
		if (k < next)
			continue;
		next = k + 1;
		/* "We buried 23 bodies," he said: what is quoted is said, as
		 * for triggers (trigger_ok); the count is the speaker's */
		if (x->in_quote && x->in_quote[k])
			continue;
		if (!kind_at(x, k, LW_SENSE_CASUALTY)) {
			/* a trigger that says what befalls its object: "beheaded
			 * five men", "five men were beheaded" (most triggers are
			 * known to be none without the call) */
			struct count ct;
			if (kind_at(x, k, LW_SENSE_TRIGGER) && c->vpick[h] != VPICK_NONE &&
			    trigger_count(c, h, k, s0, s1, used_until, &ct)) {
				out[n++] = ct;
				used_until = ct.end > used_until ? ct.end : used_until;
			}
			continue;
		}
		if (dead_idiom(t, k, s1) || ((t->p[t->tok[k].start] | 0x20) == 'h' && hurt_standing(t, k, s1)))
			continue;
		/* "captured the town", "captured weapons": no one taken */
		if ((t->p[t->tok[k].start] | 0x20) == 'c' &&
		    lw_tok_in(t, k, capture_forms, sizeof capture_forms / sizeof *capture_forms) &&
		    captured_object(c, k + 1, s1) != CAPTURED_PEOPLE)
			continue;
		const struct lw_ann *best_after = NULL, *best_before = NULL, *best_noun = NULL;
		/* "killed or wounded", "casualties": the dead and the injured
		 * together; no count of either can be told from it */
		const struct lw_ann *both = NULL;
		for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok <= k + 1; j++) {
			const struct lw_ann *a = &x->ann[j];
			const struct lw_kb_sense *s = lw_ann_sense(x, a);
			if (s->kind == LW_SENSE_CASUALTY && s->sub == LW_ROLE_CASUALTIES &&
			    (!both || a->end_tok > both->end_tok))
				both = a; /* here or right after ("were killed or wounded") */
		}
		if (both) {
			next = both->end_tok;
			continue;
		}
		for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
			const struct lw_ann *a = &x->ann[j];
			const struct lw_kb_sense *s = lw_ann_sense(x, a);
			if (s->kind != LW_SENSE_CASUALTY || s->sub == LW_ROLE_CASUALTIES)
				continue;
			if (a->start != t->tok[k].start)
				continue;
			if (s->value == LW_CPOS_AFTER && !best_after)
				best_after = a;
			else if (s->value == LW_CPOS_BEFORE && !best_before)
				best_before = a;
			else if (s->value == LW_CPOS_NOUN && !best_noun)
				best_noun = a;
		}
		/* "protesters demanded the release of the detained journalist",
		 * "the injured man": a participle after an article, before the
		 * noun it describes, is no predicate of the words before it */
		if (best_after && best_after->end_tok == k + 1 && k > s0 && k + 1 < s1 &&
		    w_in(x, k - 1, WS_DET_PART) && t->tok[k + 1].kind == LW_TOK_WORD &&
		    lw_tok_ends(t, k, "ed", 2))
			best_after = NULL;
		struct count ct;
		memset(&ct, 0, sizeof ct);
		const struct lw_ann *used = NULL;
		/* "forces detained several insurgents": a bare verb with a count
		 * after it is active, its count is after; "five people killed",
		 * "were detained": the count is before */
		int aux = k > s0 && w_in(x, k - 1, WS_AUX);
		/* the one victim past an apposition, a coordinated verb or a
		 * name (counts_before) only where an attack or an arrest is
		 * told: "X, a former MLA, died after a hunger strike" tells
		 * none */
		int wide = kind_at(x, k, LW_SENSE_TRIGGER);
		for (size_t i = 0; i < c->ntrigs && !wide; i++)
			wide = c->trigs[i].kt->type == 15 || c->trigs[i].kt->type == 14;
		/* or told as one more hurt in the attack told just before: "A
		 * policeman was also injured" */
		if (!wide && k > s0 + 1 && w(x, k - 1, W_ALSO) && c->nev > 0 &&
		    c->ev[c->nev - 1].type == 15 && c->ev[c->nev - 1].sent + 1 == si)
			wide = 1;
		/* "One soldier killed 5 injured": a count right before a
		 * casualty word of its own is that word's, not the object of
		 * the one before */
		if (best_before && !aux && (count_after(x, best_before->end_tok, s1, &ct) ||
					    toll_count(x, best_before->end_tok, s1, &ct)) &&
		    !(best_after && ct.first == best_before->end_tok &&
		      other_casualty(x, ct.first + 1, lw_ann_sense(x, best_before)->sub)))
			used = best_before;
		else if (best_after && counts_before(x, used_until, k, wide, &ct))
			used = best_after;
		else if (best_noun && counts_before(x, used_until, k, wide, &ct) && ct.end + 1 >= k)
			used = best_noun;
		else if (best_before && !aux && count_after(x, best_before->end_tok, s1, &ct))
			used = best_before;
		else if (best_after && !aux && kind_at(x, k, LW_SENSE_TRIGGER) &&
			 count_after(x, best_after->end_tok, s1, &ct))
			used = best_after; /* "militants beheaded five men": active */
		else if (best_after && aux && k > s0 + 1 &&
			 (w(x, k - 2, W_HE) || w(x, k - 2, W_SHE))) {
			/* "He was engaged and killed": one */
			ct.first = (uint32_t)k - 2;
			ct.end = (uint32_t)k - 1;
			ct.value = 1;
			used = best_after;
		} else if (best_after && k > s0 + 4 && w(x, k - 1, W_AND) && w_in(x, k - 3, WS_AUX) &&
			   lw_tok_ends(t, k - 2, "ed", 3) && (w(x, k - 4, W_HE) || w(x, k - 4, W_SHE))) {
			/* "when he was ambushed and killed": one */
			ct.first = (uint32_t)k - 4;
			ct.end = (uint32_t)k - 3;
			ct.value = 1;
			used = best_after;
		}
		if (!used)
			continue;
		ct.role = lw_ann_sense(x, used)->sub == LW_ROLE_DEAD      ? ROLE_DEAD
			  : lw_ann_sense(x, used)->sub == LW_ROLE_INJURED ? ROLE_INJURED
									  : ROLE_ARRESTED;
		/* "also detained two", "another two", "an additional" */
		for (size_t j = ct.first; j > s0 && ct.first - j < 4; j--)
			if (w(x, j - 1, W_ALSO) || w(x, j - 1, W_ANOTHER) || w(x, j - 1, W_ADDITIONAL) ||
			    w(x, j - 1, W_FURTHER))
				ct.additive = 1;
		for (size_t j = k; j > s0 && k - j < 4; j--)
			if (w(x, j - 1, W_ALSO))
				ct.additive = 1;
		/* "one additional suspected insurgent", "two further suspects":
		 * the word right after the number (not "three insurgents for
		 * further questioning") */
		{
			int64_t cv;
			int cap;
			size_t ne = count_at(x, ct.first, s1, &cv, &cap);
			if (ne > ct.first && ne < ct.end &&
			    (w(x, ne, W_ADDITIONAL) || w(x, ne, W_FURTHER)))
				ct.additive = 1;
		}
		/* "no one was killed": a count of zero, and the event negated */
		if (ct.first > s0 && (w(x, ct.first - 1, W_NO)))
			ct.value = 0;
		/* "the commander was killed along with two of his aides": the
		 * ones along with the counted are counted too (count_after
		 * does so for an object) */
		size_t along = used->end_tok;
		struct count more;
		memset(&more, 0, sizeof more);
		if (used == best_after && ct.value > 0 && along + 2 < s1 && w(x, along, W_ALONG) &&
		    w(x, along + 1, W_WITH) && object_count(x, along + 2, s1, &more) && !more.definite &&
		    more.value > 0 && more.value < INT32_MAX) {
			ct.value += more.value;
			ct.approx |= more.approx;
			next = more.end;
		}
		/* "Two women were killed when a shell hit their home, and three
		 * men died at a bus stop": other victims, by a verb of their
		 * own after "and", add to those told before in the sentence */
		if (!ct.additive && !ct.definite && ct.first > s0 + 1 && w(x, ct.first - 1, W_AND) &&
		    ct.noun_end > ct.noun_first)
			for (size_t i = n; i-- > 0;) {
				const struct count *p = &out[i];
				if (p->role != ct.role || p->end >= ct.first || p->noun_end <= p->noun_first)
					continue;
				const lw_token *a = &t->tok[p->noun_end - 1], *b = &t->tok[ct.noun_end - 1];
				if (lw_tok_len(a) != lw_tok_len(b) ||
				    strncasecmp(t->p + a->start, t->p + b->start, lw_tok_len(a)) != 0)
					ct.sums = 1;
				break;
			}
		out[n++] = ct;
		uint32_t e = used == best_before ? ct.end : (uint32_t)used->end_tok;
		used_until = e > used_until ? e : used_until;
		next = used->end_tok > k + 1 ? used->end_tok : k + 1;
	}
	return n;
}

/* Who was hit: armed (state forces, rebels, gunmen), protesters, or
 * civilians (everyone else who is named by what they do: workers,
 * students, traders, clerics, journalists). */
/* Sectors of people who are neither state nor armed. */
static int civilian_sector(const char *s)
{
	static const char *const civ[] = {"OPP", "PTY", "CVL", "LAB", "EDU", "REL",
					  "BUS", "MED", "NGO", "REF", "AGR", "HLH"};
	if (!s[0])
		return 0; /* no sector (most actors): none of them */
	for (size_t i = 0; i < sizeof civ / sizeof *civ; i++)
		if (code_is(s, civ[i]))
			return 1;
	return 0;
}

/* Does the event's sentence say, after its trigger, that it was done
 * "to protest" or "in protest"? */
static int protest_aim(const struct lw_text *t, const struct ev *e)
{
	size_t s1 = t->sent[e->sent].end_token;
	for (size_t k = e->tend; k + 1 < s1; k++)
		if ((lw_tok_word(t, k, "to") || lw_tok_word(t, k, "in")) &&
		    (lw_tok_word(t, k + 1, "protest") || lw_tok_word(t, k + 1, "protests")))
			return 1;
	return 0;
}

/* A blockade or siege by protesters, a party or villagers is a protest
 * that obstructs (PLOVER PROTEST obstruct); by the state it is COERCE
 * restrict. */
static void protest_blockade(const struct lw_text *t, struct ev *e)
{
	lw_event *o = &e->out;
	/* "Authorities blocked the highway": the state obstructs, it does
	 * not protest; nor do gunmen who "blocked the road" to seize
	 * travellers, nor rebels who besiege a town */
	/* (but a group that blocks a road "to protest" the killing of its
	 * cleric protests) */
	if (e->type == 11 && o->mode && strcmp(o->mode, "obstruct") == 0 && o->source.present &&
	    (code_is(o->source.code.sector, "GOV") || code_is(o->source.code.sector, "COP") ||
	     code_is(o->source.code.sector, "MIL") ||
	     ((code_is(o->source.code.sector, "REB") || code_is(o->source.code.sector, "UAF")) &&
	      !protest_aim(t, e)))) {
		e->type = 14;
		o->type = lw_plover_types[14];
		o->mode = "restrict";
		o->cameo = "191";
		/* police stopping villagers on their way: a protest met */
		if (o->target.present && civilian_sector(o->target.code.sector))
			e->at_protest = 1;
		return;
	}
	if (e->type != 14 || !o->mode || strcmp(o->mode, "restrict") != 0 || !e->kt ||
	    strcmp(e->kt->cameo, "191") != 0)
		return;
	/* "the blockade enforced by the alliance entered its tenth day" */
	const lw_token *k = &t->tok[e->tfirst];
	int blockade = lw_tok_len(k) >= 8 && strncasecmp(t->p + k->start, "blockade", 8) == 0;
	if (o->source.present ? !civilian_sector(o->source.code.sector)
			      : (o->target.present || !blockade))
		return;
	e->type = 11;
	o->type = lw_plover_types[11];
	o->mode = "obstruct";
	o->cameo = "144";
}

/* The first token of [lo, hi) that ends after byte `at` (the token that
 * holds it, or the next), or hi: a binary search, tokens being in text
 * order. */
static size_t tok_ending_after(const struct lw_text *t, size_t lo, size_t hi, uint32_t at)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->tok[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Do an actor's words end in a crowd's word ("protesters", "the
 * demonstrators"), not an activist's or the opposition's? */
static int crowd_words(const struct lw_text *t, const lw_event_actor *a)
{
	static const char *const crowd[] = {"protesters",   "protester",   "protestors",
					    "protestor",    "demonstrators", "demonstrator",
					    "marchers",     "agitators"};
	if (!a->present || a->span.end <= a->span.start)
		return 0;
	/* the token that ends the actor's words */
	size_t lo = tok_ending_after(t, 0, t->ntok, a->span.end - 1);
	return lo < t->ntok && t->tok[lo].end == a->span.end &&
	       lw_tok_in(t, lo, crowd, sizeof crowd / sizeof *crowd);
}

/* "protesters demanded the minister's resignation": a crowd that demands
 * in the street protests (PLOVER PROTEST demonstrate; ACLED's protest);
 * an activist's or the opposition's demand may be a statement, and stays
 * REQUEST. */
static int crowd_demand(const struct lw_text *t, const struct ev *e)
{
	return e->type == 7 && e->out.source.present && code_is(e->out.source.code.sector, "OPP") &&
	       crowd_words(t, &e->out.source);
}

static int target_class(struct ectx *c, const struct lw_event *e)
{
	if (!e->target.present)
		return LW_TGT_ANY;
	const char *s = e->target.code.sector;
	if (code_is(s, "OPP"))
		return LW_TGT_PROTESTERS;
	if (code_is(s, "MIL") || code_is(s, "COP") || code_is(s, "REB") || code_is(s, "UAF"))
		return LW_TGT_ARMED;
	if (code_is(s, "CVL") || code_is(s, "LAB") || code_is(s, "BUS") || code_is(s, "EDU") ||
	    code_is(s, "REL") || code_is(s, "MED") || code_is(s, "NGO") || code_is(s, "REF") ||
	    code_is(s, "PTY") || code_is(s, "GOV") || code_is(s, "LEG") || code_is(s, "JUD") ||
	    code_is(s, "IGO"))
		return LW_TGT_CIVILIANS; /* party members, officials, lawmakers and judges are unarmed too */
	/* a person with no armed affiliation */
	if (e->target.entity >= 0 && !s[0]) {
		for (size_t i = 0; i < c->x->nents; i++)
			if (c->x->ents[i].id == (uint32_t)e->target.entity)
				return c->x->ents[i].type == LW_PERSON ? LW_TGT_CIVILIANS : LW_TGT_ANY;
	}
	return LW_TGT_ANY;
}

/* The entity type of the event actor a's entity, or -1 when it names
 * none. */
static int actor_ent_type(const struct ectx *c, const lw_event_actor *a)
{
	if (a->entity < 0)
		return -1;
	for (size_t i = 0; i < c->x->nents; i++)
		if (c->x->ents[i].id == (uint32_t)a->entity)
			return (int)c->x->ents[i].type;
	return -1;
}

/* A named organisation the dictionaries do not code ("Burma Armed
 * Forces"): it may well be armed. */
static int unknown_org(struct ectx *c, const lw_event_actor *a)
{
	return !a->code.sector[0] && actor_ent_type(c, a) == LW_ORG;
}

/* The thread's acled cache, emptied when it held another kb's answers. */
static struct acled_cache *acled_cache_for(const struct lw_kb *kb)
{
	struct acled_cache *ac = &acled_cache;
	if (ac->kb_serial == kb->serial)
		return ac;
	memset(ac, 0, sizeof *ac);
	ac->kb_serial = kb->serial;
	for (size_t i = kb->nacled; i-- > 0;) {
		int type = kb->acled[i].type;
		if (type >= 16)
			continue; /* no event has it */
		if (!ac->to[type])
			ac->to[type] = (uint32_t)i + 1;
		ac->from[type] = (uint32_t)i;
	}
	for (size_t i = 0; i < kb->ntriggers && !ac->territory; i++) {
		const struct lw_kb_trigger *t = &kb->triggers[i];
		if (t->type == 14 && strcmp(t->cameo, "192") == 0 && !(t->flags & LW_TRF_NOUN))
			ac->territory = (uint32_t)i + 1;
	}
	for (size_t i = 0; i < kb->ntriggers && !ac->seizure; i++) {
		const struct lw_kb_trigger *t = &kb->triggers[i];
		if (t->type == 14 && strcmp(t->cameo, "171") == 0 && !(t->flags & LW_TRF_NOUN) &&
		    mode_is(kb, t, "seize"))
			ac->seizure = (uint32_t)i + 1;
	}
	for (size_t i = 0; i < kb->ntriggers && !ac->strike; i++) {
		const struct lw_kb_trigger *t = &kb->triggers[i];
		if (t->type == 11 && strcmp(t->cameo, "143") == 0 && mode_is(kb, t, "strike"))
			ac->strike = (uint32_t)i + 1;
	}
	for (size_t i = 0; i < kb->ntriggers && !ac->air; i++) {
		const struct lw_kb_trigger *t = &kb->triggers[i];
		if (t->type == 15 && strcmp(t->cameo, "195") == 0 && (t->flags & LW_TRF_NOUN) &&
		    !(t->flags & (LW_TRF_WEAK | LW_TRF_INSTRUMENT)) && mode_is(kb, t, "aerial"))
			ac->air = (uint32_t)i + 1;
	}
	for (size_t i = 0; i < kb->ntriggers && !ac->arson; i++) {
		const struct lw_kb_trigger *t = &kb->triggers[i];
		if (t->type == 15 && strcmp(t->cameo, "1712") == 0 && (t->flags & LW_TRF_NOUN) &&
		    (t->flags & LW_TRF_WEAK) && mode_is(kb, t, "destroy"))
			ac->arson = (uint32_t)i + 1;
	}
	return ac;
}

/* What the ACLED type of e is made from (acled()), folded into a word: an
 * event merged with its retellings is given its type again only when
 * this changed. */
static uint64_t acled_signature(const struct ev *e)
{
	const lw_event *o = &e->out;
	uint64_t h = (uint64_t)e->type * 0x9E3779B97F4A7C15ULL;
	h ^= (uint64_t)(uintptr_t)o->mode * 0xC2B2AE3D27D4EB4FULL;
	h ^= (uint64_t)(uintptr_t)o->cameo * 0x165667B19E3779F9ULL;
	uint32_t ss, ts;
	memcpy(&ss, o->source.code.sector, 4);
	memcpy(&ts, o->target.code.sector, 4);
	h ^= ((uint64_t)ss << 32 | ts) * 0x27D4EB2F165667C5ULL;
	h ^= (uint64_t)(uint32_t)o->target.entity << 7;
	h ^= (uint64_t)(o->source.present | o->target.present << 1 | (e->mutual != 0) << 2 |
			(e->at_protest != 0) << 3 | (e->gunfire != 0) << 4)
	     << 56;
	return h;
}

/* Does the event's sentence tell its victim was off duty: "returning
 * home from duty", "off duty", "retired", "unarmed", "in civilian
 * clothes", "outside his house", "near his residence"? */
static int off_duty(const struct lw_text *t, const struct ev *e)
{
	static const char *const home[] = {"house", "home", "residence"};
	size_t si = lw_sentence_of(t, e->tfirst);
	size_t s0 = t->sent[si].first_token, s1 = t->sent[si].end_token;
	for (size_t k = s0; k < s1; k++) {
		const lw_token *q = &t->tok[k];
		if (q->kind != LW_TOK_WORD || !(q->flags & LW_TF_LOWER))
			continue;
		char f = t->p[q->start];
		if (f == 'o' && (lw_tok_is(t, k, "off-duty") ||
				 (lw_tok_is(t, k, "off") && k + 1 < s1 && lw_tok_is(t, k + 1, "duty"))))
			return 1;
		/* "who was not on duty" */
		if (f == 'n' && lw_tok_is(t, k, "not") && k + 2 < s1 && lw_tok_is(t, k + 1, "on") &&
		    lw_tok_is(t, k + 2, "duty"))
			return 1;
		if ((f == 'r' && lw_tok_is(t, k, "retired")) || (f == 'u' && lw_tok_is(t, k, "unarmed")) ||
		    (f == 'c' && lw_tok_is(t, k, "civilian") && k + 1 < s1 &&
		     lw_tok_is(t, k + 1, "clothes")))
			return 1;
		/* "returning home", "outside his house", "near his residence" */
		if ((f == 'r' && lw_tok_is(t, k, "returning") && k + 1 < s1 &&
		     lw_tok_is(t, k + 1, "home")) ||
		    (k + 2 < s1 && (lw_tok_is(t, k, "outside") || lw_tok_is(t, k, "near") ||
				    lw_tok_is(t, k, "at")) &&
		     (lw_tok_is(t, k + 1, "his") || lw_tok_is(t, k + 1, "their")) &&
		     lw_tok_in(t, k + 2, home, sizeof home / sizeof *home)))
			return 1;
	}
	return 0;
}

/* Is the event's target its counted dead or hurt (a farmer killed as
 * two armies' soldiers fired at each other across a border: soldiers
 * fought, a battle), not the other side of a fight? */
static int counted_target(const struct ev *e)
{
	const lw_event_actor *tg = &e->out.target;
	for (int r = 0; r < ROLE_N; r++)
		if (e->have_count[r] && e->count_span[r].start <= tg->span.start &&
		    e->count_span[r].end >= tg->span.end)
			return 1;
	return 0;
}

/* A sector of an armed side: the state's forces, rebels, armed men. */
static int armed_side(const char s[4])
{
	return code_is(s, "MIL") || code_is(s, "COP") || code_is(s, "REB") || code_is(s, "UAF");
}

/* Does the event's sentence speak of rivals: "rival groups", "factions",
 * "supporters", "activists", "two groups"? */
static int rival_words(const struct lw_text *t, const struct ev *e)
{
	static const char *const rivals[] = {"rival",  "rivals",   "faction",   "factions",
					     "factional", "groups", "supporters", "activists",
					     "cadres", "feud",  "feuds",   "communities"};
	size_t si = lw_sentence_of(t, e->tfirst);
	for (size_t k = t->sent[si].first_token; k < t->sent[si].end_token; k++)
		if ((t->tok[k].flags & LW_TF_LOWER) &&
		    lw_tok_in(t, k, rivals, sizeof rivals / sizeof *rivals))
			return 1;
	return 0;
}

/* Does the event's sentence name arms: "seized weapons", "recovered
 * explosives", "an arms cache"? */
static int weapons_told(const struct lw_text *t, const struct ev *e)
{
	static const char *const arms[] = {
		"weapon", "weapons", "arms", "explosive", "explosives", "ammunition", "rifle",
		"rifles", "grenade", "grenades", "pistol", "pistols", "gun", "guns", "ied", "ieds",
		"bomb", "bombs", "mortar", "mortars", "rocket", "rockets", "munitions", "detonators",
		"cache", "caches", "firearm", "firearms", "launcher", "launchers"};
	size_t si = lw_sentence_of(t, e->tfirst);
	for (size_t k = t->sent[si].first_token; k < t->sent[si].end_token; k++)
		if (t->tok[k].kind == LW_TOK_WORD && lw_tok_in(t, k, arms, sizeof arms / sizeof *arms))
			return 1;
	return 0;
}

/* Is the event's trigger a search ("searched", "a search operation",
 * "cordon and search")? */
static int a_search(const struct lw_text *t, const struct ev *e)
{
	static const char *const search[] = {"search"};
	for (size_t k = e->tfirst; k < e->tend; k++)
		if (STEM_AT(t, k, search))
			return 1;
	return 0;
}

/* Is a protest, or force used on one, among the events told in the two
 * sentences before e's or in its own, before it? */
static int protests_before(const struct ectx *c, const struct ev *e)
{
	for (const struct ev *p = e; p-- > c->ev && p->sent + 2 >= e->sent;)
		if (p->sent <= e->sent && !p->out.background &&
		    (p->type == 11 || (p->type == 15 && p->kt && mode_is(c->kb, p->kt, "crowd-control"))))
			return 1;
	return 0;
}

static void acled(struct ectx *c, struct ev *e)
{
	e->acled_sig = acled_signature(e);
	const struct lw_kb *kb = c->kb;
	int tc = target_class(c, &e->out);
	const char *mode = e->out.mode;
	/* violence by protesters, party supporters or a mob is a riot, and
	 * unidentified gunmen attacking unarmed people is violence against
	 * civilians (ACLED's conventions) */
	static const char none[4] = "";
	const char *ss0 = e->out.source.present ? e->out.source.code.sector : none;
	int state = code_is(ss0, "COP") || code_is(ss0, "MIL") || code_is(ss0, "GOV");
	/* an activist shot dead by gunmen is a civilian attacked: force
	 * against protesters is the state's, at a protest, or on a crowd */
	if (tc == LW_TGT_PROTESTERS && !state && !e->at_protest &&
	    !crowd_words(c->t, &e->out.target))
		tc = LW_TGT_CIVILIANS;
	/* "arrested after a protest", "police baton-charged the rally": the
	 * protest met by the state (ACLED's protest with intervention) */
	if (e->at_protest && (e->type == 14 || (e->type == 15 && state)) &&
	    (state || !e->out.source.present)) {
		e->out.acled_type = "Protests";
		e->out.acled_subtype = e->type == 15 ? "Excessive force against protesters"
						     : "Protest with intervention";
		return;
	}
	/* "troops retook the town", "militants overran the district": a
	 * seizure of territory (CAMEO 192) is a battle for it when armed
	 * men take it, else a transfer of territory */
	if (e->type == 14 && mode && strcmp(mode, "seize") == 0 && e->out.cameo &&
	    strncmp(e->out.cameo, "192", 3) == 0) {
		/* a government takes ground with its forces */
		int forces = code_is(ss0, "MIL") || code_is(ss0, "COP") || code_is(ss0, "GOV");
		int armed = code_is(ss0, "REB") || code_is(ss0, "UAF");
		if (forces || armed) {
			e->out.acled_type = "Battles";
			e->out.acled_subtype = forces ? "Government regains territory"
						      : "Non-state actor overtakes territory";
			return;
		}
	}
	/* a search or seizure by soldiers or police: of arms, a disrupted
	 * weapons use; a search that seizes nothing is no looting but
	 * something ACLED counts as other (a raid's arrests and deaths are
	 * events of their own); goods confiscated stay property seized */
	if (e->type == 14 && mode && strcmp(mode, "seize") == 0 && state &&
	    (weapons_told(c->t, e) || a_search(c->t, e))) {
		e->out.acled_type = "Strategic developments";
		e->out.acled_subtype = weapons_told(c->t, e) ? "Disrupted weapons use" : "Other";
		return;
	}
	/* arson and wrecking by a crowd, party cadres or people unknown is a
	 * riot; by soldiers, police or an armed group, or of an armed
	 * group's things by no one named ("a strike destroyed ISIL fighting
	 * positions"), property destruction */
	if (e->type == 15 && mode && strcmp(mode, "destroy") == 0 && !state &&
	    !code_is(ss0, "REB") && (e->out.source.present || tc != LW_TGT_ARMED)) {
		e->out.acled_type = "Riots";
		e->out.acled_subtype = "Violent demonstration";
		return;
	}
	/* "students clashed with police", "police and party workers clashed":
	 * a clash with unarmed people is a riot */
	if (e->type == 15 && e->mutual && e->out.target.present &&
	    civilian_sector(e->out.target.code.sector) && !(code_is(ss0, "MIL") && counted_target(e)) &&
	    /* but not a fight of armed men whose dead are the target ("as
	     * paramilitary troops and militants exchanged fire"), nor a gunfight with
	     * police ("killed in an encounter with the police") */
	    !code_is(ss0, "REB") && !code_is(ss0, "UAF") &&
	    !(state && mode && strcmp(mode, "firearms") == 0)) {
		e->out.acled_type = "Riots";
		e->out.acled_subtype = "Violent demonstration";
		return;
	}
	if (e->type == 15 && e->out.source.present) {
		const char *ss = e->out.source.code.sector;
		/* "protesters clashed with police", "residents torched a police
		 * post"; but a mob or party cadres beating a man to death is
		 * violence against civilians */
		if (civilian_sector(ss) && (tc != LW_TGT_CIVILIANS || e->mutual)) {
			e->out.acled_type = "Riots";
			e->out.acled_subtype = code_is(ss, "OPP") || code_is(ss, "PTY")
						       ? "Violent demonstration"
						       : "Mob violence";
			return;
		}
		if ((code_is(ss, "UAF") || code_is(ss, "REB")) && tc != LW_TGT_ARMED &&
		    e->out.target.present && (!mode || strcmp(mode, "explosives")) &&
		    !unknown_org(c, &e->out.target))
			tc = e->mutual ? LW_TGT_ARMED : LW_TGT_CIVILIANS; /* a fight has two armed sides */
	}
	/* "Police fired tear gas at protesters in Dhaka. Clashes also broke
	 * out in Sylhet": a fight with no side named, told right after
	 * protests or their policing, is the protests' riot */
	if (e->type == 15 && e->mutual && !e->out.source.present && !e->out.target.present &&
	    protests_before(c, e)) {
		e->out.acled_type = "Riots";
		e->out.acled_subtype = "Violent demonstration";
		return;
	}
	/* "a gunbattle between rival political groups", "two groups clashed
	 * over a village council seat": a fight of rivals no side of which
	 * is armed is mob violence (ACLED's riot) */
	if (e->type == 15 && e->mutual && !state && !armed_side(ss0) &&
	    !(e->out.target.present && armed_side(e->out.target.code.sector)) &&
	    (!mode || !strcmp(mode, "firearms")) && rival_words(c->t, e)) {
		e->out.acled_type = "Riots";
		e->out.acled_subtype = "Mob violence";
		return;
	}
	/* "two people were killed as Rangers and TTP militants exchanged
	 * fire": a fight of armed men, whose dead are the target, is a battle */
	/* a policeman or soldier killed off duty by no force is a
	 * civilian attacked (ACLED's convention): a constable gunned down
	 * on his way home after his shift, a retired officer killed at his
	 * house (off_duty) */
	if (e->type == 15 && tc == LW_TGT_ARMED && !e->mutual && !state &&
	    (code_is(e->out.target.code.sector, "COP") || code_is(e->out.target.code.sector, "MIL")) &&
	    off_duty(c->t, e))
		tc = LW_TGT_CIVILIANS;
	if (e->type == 15 && e->mutual && tc == LW_TGT_CIVILIANS && state)
		tc = LW_TGT_ARMED;
	/* "came under gun and rocket attack", "opened fire and hurled a
	 * grenade" at forces: explosives or heavy weapons used in a fight
	 * with guns are the fight's (ACLED's battle), not remote violence */
	if (e->type == 15 && e->gunfire && tc == LW_TGT_ARMED && mode &&
	    (strcmp(mode, "explosives") == 0 || strcmp(mode, "heavy-weapons") == 0)) {
		e->out.acled_type = "Battles";
		e->out.acled_subtype = "Armed clash";
		return;
	}
	/* the first rule of the type, target class and mode; a document's
	 * events ask for a few of these again and again (c->acled_memo) */
	struct acled_cache *ac = c->acled;
	struct acled_memo *m =
		&ac->memo[((uintptr_t)mode >> 3 ^ (uintptr_t)e->type << 4 ^ (uintptr_t)tc) %
			  LW_ACLED_MEMO];
	if (m->type_1 != e->type + 1 || m->tc != tc || m->mode != mode) {
		m->type_1 = e->type + 1;
		m->tc = tc;
		m->mode = mode;
		m->rule = -1;
		size_t mode_len = mode ? strlen(mode) : 0; /* once, not per mapping */
		for (size_t i = ac->from[e->type]; i < ac->to[e->type]; i++) {
			const struct lw_kb_acled *a = &kb->acled[i];
			if (a->type != e->type)
				continue;
			if (a->target != LW_TGT_ANY && a->target != tc)
				continue;
			if (a->mode_len && (!mode || mode_len != a->mode_len ||
					    memcmp(mode, lw_kb_str(kb, a->mode_off), a->mode_len) != 0))
				continue;
			m->rule = (int32_t)i;
			break;
		}
	}
	if (m->rule < 0)
		return;
	const struct lw_kb_acled *a = &kb->acled[m->rule];
	if (a->event_len) {
		e->out.acled_type = lw_kb_str(kb, a->event_off);
		e->out.acled_subtype = a->sub_len ? lw_kb_str(kb, a->sub_off) : NULL;
	}
}

/* Is a the crowd b protests as, or one of it? The same sector, or
 * civilians of a sector among generic protesters ("student protesters
 * ... the students' demands") */
static int same_actor_code(const lw_event_actor *a, const lw_event_actor *b)
{
	if (!b->present)
		return 1;
	return strcmp(a->code.sector, b->code.sector) == 0 ||
	       (code_is(b->code.sector, "OPP") && civilian_sector(a->code.sector));
}

/* Is the target one person: a person named, or a role word in the
 * singular ("a shopkeeper", "the party leader")? */
static int one_target(const struct ectx *c, const lw_event_actor *a)
{
	const struct lw_text *t = c->t;
	if (!a->present || a->span.end <= a->span.start)
		return 0;
	if (a->entity >= 0)
		return actor_ent_type(c, a) == LW_PERSON;
	if (!civilian_sector(a->code.sector) && !code_is(a->code.sector, "COP") &&
	    !code_is(a->code.sector, "MIL") && !code_is(a->code.sector, "GOV"))
		return 0;
	/* the phrase's last word: singular, and a/an or "the" before it */
	size_t k = tok_ending_after(t, 0, t->ntok, a->span.end - 1);
	if (k >= t->ntok || t->tok[k].kind != LW_TOK_WORD || lw_tok_ends(t, k, "s", 1) ||
	    lw_tok_is(t, k, "police") || lw_tok_is(t, k, "people"))
		return 0;
	size_t f = tok_ending_after(t, 0, t->ntok, a->span.start);
	return f > 0 && f < t->ntok &&
	       (w(c->x, f - 1, W_A) || w(c->x, f - 1, W_AN) || w(c->x, f - 1, W_THE));
}

/*
 * "A civilian was injured in the firing ... He later succumbed to his
 * injuries", "The victim died in hospital": the one injured in the event
 * of the sentence before (or the one before it) died, so one injured is
 * one dead. Asked of sentences with no trigger and no count only: the
 * subject opens the sentence ("He", "She", "The victim", "The injured
 * man"), an adverb may follow ("later"), then the verb of dying.
 */
static void died_later(struct ectx *c, size_t si, size_t s0, size_t s1)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	if (c->nev == 0 || s1 < s0 + 2)
		return;
	size_t k = s0;
	if (w(x, k, W_HE) || w(x, k, W_SHE))
		k++;
	else if (w(x, k, W_THE) && (lw_tok_is(t, k + 1, "victim") ||
				    (lw_tok_is(t, k + 1, "injured") && k + 2 < s1 &&
				     (lw_tok_is(t, k + 2, "man") || lw_tok_is(t, k + 2, "woman") ||
				      lw_tok_is(t, k + 2, "boy") || lw_tok_is(t, k + 2, "girl")))))
		k += lw_tok_is(t, k + 1, "victim") ? 2 : 3;
	else
		return;
	size_t subj = s0;
	if (k < s1 && (w(x, k, W_LATER) || lw_tok_is(t, k, "subsequently")))
		k++;
	if (!(k < s1 && (lw_tok_is(t, k, "died") || lw_tok_is(t, k, "succumbed"))))
		return;
	struct ev *e = &c->ev[c->nev - 1];
	if (e->type != 15 || e->sent + 2 < si || e->have_count[ROLE_DEAD] || e->out.background ||
	    e->out.speculative || e->out.negated)
		return;
	/* one hurt; or, with no count, one person the blow was struck at:
	 * "a party leader was beaten up ... He died in hospital", "gunmen
	 * shot a shopkeeper ... He died on the way to hospital" */
	if (!(e->have_count[ROLE_INJURED] ? e->count[ROLE_INJURED] == 1 : one_target(c, &e->out.target)))
		return;
	e->have_count[ROLE_INJURED] = 0;
	e->count[ROLE_INJURED] = 0;
	e->have_count[ROLE_DEAD] = 1;
	e->count[ROLE_DEAD] = 1;
	e->approx[ROLE_DEAD] = 0;
	e->count_span[ROLE_DEAD].start = t->tok[subj].start;
	e->count_span[ROLE_DEAD].end = t->tok[k].end;
	/* (its sentence's output is written already) */
	memset(&e->out.injured, 0, sizeof e->out.injured);
	e->out.dead.present = 1;
	e->out.dead.value = 1;
	e->out.dead.approx = 0;
	e->out.dead.span = e->count_span[ROLE_DEAD];
}

/* One sentence: its events. */
/* "attacks", "clashes", "strikes" are verbs after a subject or "to"
 * ("militants attack", "they clash", "vowed to strike") and nouns
 * elsewhere ("Clashes between ...", "the attack"). */
static const struct lw_ann *verb_or_noun(struct ectx *c, const struct lw_ann *a,
					 const struct lw_ann *b, size_t s0)
{
	int an = (c->kb->triggers[lw_ann_sense(c->x, a)->id].flags & LW_TRF_NOUN) != 0;
	int bn = (c->kb->triggers[lw_ann_sense(c->x, b)->id].flags & LW_TRF_NOUN) != 0;
	if (an == bn)
		return a;
	size_t k = a->first_tok;
	int verb = 0;
	if (k > s0) {
		const struct lw_aref *r = aref_before(c, k > s0 + 4 ? k - 4 : s0, k);
		verb = (r && r->end_tok == k) || w_in(c->x, k - 1, WS_BEFORE_VERB);
	}
	return verb == !an ? a : b;
}

/* In a sentence that tells a protest: the killing the protesters
 * condemn is an earlier event ("protested over the murder of ...", "a
 * youth who was killed"), and so is an arrest or abduction named as the
 * motive ("protested outside the police station against the arrest of
 * ..."): its agent is not whoever stands before the motive, so only an
 * agent after the trigger ("the arrest of X by police") is kept. The
 * injuries of a riot are the riot's ("nine were injured as shopkeepers turned
 * to violent protests"). */
/* Does an ACCUSE trigger ("condemn", "denounce") end at token k? */
static int accuse_ends(const struct ectx *c, size_t k)
{
	const struct lw_extract *x = c->x;
	/* the triggers that end at k start at most a few tokens before it */
	for (size_t f = k + 1; f-- > 0 && k - f < 3;) {
		if (!kind_at(x, f, LW_SENSE_TRIGGER))
			continue;
		for (size_t j = x->ann_at[f]; j < x->nann && x->ann[j].first_tok == f; j++) {
			const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
			if (s->kind == LW_SENSE_TRIGGER && x->ann[j].end_tok == k + 1 &&
			    c->kb->triggers[s->id].type == 8)
				return 1;
		}
	}
	return 0;
}

static void protest_context(struct ectx *c, size_t first_ev, size_t s0)
{
	const struct lw_extract *x = c->x;
	struct ev *protest = NULL;
	for (size_t i = first_ev; i < c->nev && !protest; i++)
		if (c->ev[i].type == 11)
			protest = &c->ev[i];
	if (!protest)
		return;
	/* a weak protest word beside a firm event is dropped later */
	for (size_t i = first_ev; i < c->nev && protest->weak; i++)
		if (!c->ev[i].weak)
			return;
	int riot = mode_is(c->kb, protest->kt, "riot");
	size_t keep = first_ev;
	for (size_t i = first_ev; i < c->nev; i++) {
		struct ev *e = &c->ev[i];
		if (e != protest)
			e->at_protest = 1;
		int noun = e->kt && (e->kt->flags & LW_TRF_NOUN);
		if ((e->type != 15 && !(e->type == 14 && noun)) || e == protest) {
			c->ev[keep++] = *e;
			continue;
		}
		size_t k = e->tfirst, at = 0;
		int motive = 0;
		/* "protested the killing of X": the protest's object is its
		 * motive; "protested ... after a girl was killed": its cause,
		 * told with no one doing it (not "after police fired") */
		if (noun && k > s0) {
			size_t j = k;
			while (j > s0 && k - j < 3 && !kind_at(x, j - 1, LW_SENSE_TRIGGER) &&
			       (w_in(x, j - 1, WS_DET) || (x->t->tok[j - 1].flags & LW_TF_LOWER)))
				j--;
			const struct lw_ann *pa =
				j > s0 ? lw_ann_find(x, j - 1, LW_SENSE_TRIGGER) : NULL;
			if (pa && pa->end_tok == j && c->kb->triggers[lw_ann_sense(x, pa)->id].type == 11) {
				motive = 1;
				at = pa->first_tok;
			}
		}
		if (!motive && protest->tend <= k && !e->out.source.present) {
			for (size_t j = protest->tend; j < k && !motive; j++)
				if (w(x, j, W_AFTER)) {
					motive = 1;
					at = j;
				}
		}
		/* "against the twin Jamaatul Ahrar attacks": past the name of
		 * whose deed it was, before its noun */
		size_t kn = k;
		const struct lw_mention *m;
		while (kn > s0 + 1 && (m = lw_mention_at(x, kn - 1)) != NULL && m->end_tok == kn &&
		       m->first_tok > s0 && kn - m->first_tok < 6)
			kn = m->first_tok;
		/* "against what it called the extra-judicial killing of ...":
		 * past the words that name it as the protesters see it */
		for (size_t j = kn; j > s0 + 3 && kn - j < 4; j--)
			if (lw_tok_is(x->t, j - 3, "what") &&
			    (w(x, j - 2, W_IT) || w(x, j - 2, W_THEY) || w(x, j - 2, W_HE) ||
			     w(x, j - 2, W_SHE)) &&
			    (lw_tok_is(x->t, j - 1, "called") || lw_tok_is(x->t, j - 1, "termed"))) {
				kn = j - 3;
				break;
			}
		for (size_t j = kn; j > s0 && kn - j < 4 && !motive; j--) {
			/* a verb of arrest after "who" is the protest's own
			 * ("protesters who were detained"): COERCE takes only the
			 * noun's motives */
			int rel = e->type == 15 &&
				  (w(x, j - 1, W_WHO) || w(x, j - 1, W_WHOSE) || w(x, j - 1, W_WHICH));
			motive = rel || w(x, j - 1, W_AGAINST) || w(x, j - 1, W_OVER) ||
				 w(x, j - 1, W_CONDEMNING) || w(x, j - 1, W_PROTESTING) ||
				 w(x, j - 1, W_DEMANDING) ||
				 /* "calling for an end to extra-judicial killings" */
				 (j >= 2 && w(x, j - 1, W_TO) && w(x, j - 2, W_END)) ||
				 (w(x, j - 1, W_OF) && noun) ||
				 /* "demonstrations to condemn a bomb attack" */
				 accuse_ends(c, j - 1);
			at = j - 1;
		}
		if (motive) {
			e->out.background = 1;
			if (noun && e->out.source.present && e->out.source.span.end <= c->t->tok[at].start)
				memset(&e->out.source, 0, sizeof e->out.source);
			c->ev[keep++] = *e;
			continue;
		}
		if (riot && !e->out.source.present) {
			/* the riot's toll */
			for (int r = 0; r < ROLE_N; r++)
				if (e->have_count[r] && !protest->have_count[r]) {
					protest->have_count[r] = 1;
					protest->count[r] = e->count[r];
					protest->approx[r] = e->approx[r];
					protest->count_span[r] = e->count_span[r];
				}
			if (!protest->out.target.present)
				protest->out.target = e->out.target;
			continue;
		}
		c->ev[keep++] = *e;
	}
	c->nev = keep;
}

static int same_span_actor(const lw_event_actor *a, const lw_event_actor *b)
{
	return a->present && b->present && a->span.start == b->span.start;
}

static int relative_around(const struct lw_extract *x, const struct lw_date_expr *d, size_t *open_at,
			   size_t *close_at);

/* "Rwandan troops, who have been deployed there since 2021, later
 * killed six": is date d in a relative clause between commas that does
 * not hold event e's trigger (the clause's date, not the event's)? */
static int date_in_relative(const struct lw_extract *x, const struct lw_date_expr *d,
			    const struct ev *e)
{
	size_t open, close;
	return relative_around(x, d, &open, &close) && (e->tfirst < open || e->tfirst > close);
}

/* The relative clause between commas around date d (", who have been
 * deployed there since 2021,"): its commas' tokens into *open_at and
 * *close_at; 0 if none. */
static int relative_around(const struct lw_extract *x, const struct lw_date_expr *d, size_t *open_at,
			   size_t *close_at)
{
	const struct lw_text *t = x->t;
	size_t before = d->first, after = d->end;
	size_t open = SIZE_MAX;
	for (size_t k = before; k > 0 && before - k < 12; k--) {
		if (t->tok[k - 1].kind == LW_TOK_TERM)
			break;
		if (lw_tok_punct(t, k - 1, ',')) {
			if (w(x, k, W_WHO) || w(x, k, W_WHICH))
				open = k - 1;
			break;
		}
	}
	if (open == SIZE_MAX)
		return 0;
	for (size_t k = after; k < t->ntok && k - after < 12; k++) {
		if (t->tok[k].kind == LW_TOK_TERM)
			return 0;
		if (lw_tok_punct(t, k, ',')) {
			*open_at = open;
			*close_at = k;
			return 1;
		}
	}
	return 0;
}

/*
 * Whether a date expression of the sentence tells of something other than
 * the event e: a date that opens the report whose reported clause holds the
 * trigger ("Today, forces confirmed a leader was arrested ... Sunday": the
 * arrest is Sunday's), or a date fastened to another trigger word ("a
 * leader responsible for an attack Jan. 7", "linked to the July 2 attack"):
 * that event's date, not this one's. The caller still takes such a date
 * when the sentence has no other.
 */
/* "the worst fighting in the city this year", "the deadliest attack
 * since January": is date d the time a superlative is measured over, not
 * the event's day? */
/* Is there a "since" in [a, b)? */
static int since_before(const struct lw_extract *x, size_t a, size_t b)
{
	for (size_t j = a; j < b; j++)
		if (w(x, j, W_SINCE))
			return 1;
	return 0;
}

static int date_measured(const struct lw_extract *x, const struct lw_date_expr *d,
			 const struct ev *e)
{
	static const char *const most[] = {"worst", "deadliest", "bloodiest", "biggest", "largest",
					   "heaviest", "fiercest"};
	/* (a deed told after the date is of it: "the deadliest since
	 * January, when jihadists killed 40 farmers") */
	if (e->tfirst >= d->end)
		return 0;
	for (size_t k = d->first; k > 0 && d->first - k < 7; k--) {
		const lw_token *q = &x->t->tok[k - 1];
		if (q->kind == LW_TOK_TERM || lw_tok_punct(x->t, k - 1, ','))
			break;
		/* (after "the" or a possessive: "the worst fighting", "the
		 * city's bloodiest day") */
		/* (but "the heaviest since a ceasefire took effect last
		 * November": a deed between is the date's own) */
		if ((q->flags & LW_TF_LOWER) && (k - 1 < e->tfirst || k - 1 >= e->tend) && k >= 2 &&
		    (w(x, k - 2, W_THE) || (x->t->tok[k - 2].flags & LW_TF_POSSESSIVE)) &&
		    lw_tok_in(x->t, k - 1, most, sizeof most / sizeof *most))
			return !(e->tfirst > k - 1 && e->tend <= d->first && since_before(x, k, e->tfirst));
	}
	return 0;
}

static int date_of_other(const struct lw_extract *x, const struct lw_date_expr *d,
			 const struct ev *e)
{
	if (d->end <= e->tfirst)
		for (size_t k = d->end; k < e->tfirst; k++)
			if (kind_at(x, k, LW_SENSE_CUE))
				return 1;
	size_t before = d->first, after = d->end;
	if (before > 0 && kind_at(x, before - 1, LW_SENSE_TRIGGER) &&
	    (before - 1 < e->tfirst || before - 1 >= e->tend))
		return 1;
	if (kind_at(x, after, LW_SENSE_TRIGGER) && (after < e->tfirst || after >= e->tend))
		return 1;
	return date_in_relative(x, d, e);
}

/* Is date d right after the agent of another verb ("marched to demand the
 * release of a classmate detained by soldiers last week": the detention's
 * week, not the march's)? */
static int agent_date(const struct lw_extract *x, const struct lw_date_expr *d, const struct ev *e)
{
	size_t before = d->first;
	for (size_t k = before; k > 1 && before - k < 4 && x->t->tok[k - 1].kind == LW_TOK_WORD &&
				!kind_at(x, k - 1, LW_SENSE_TRIGGER);
	     k--)
		if (w(x, k - 1, W_BY))
			/* (a noun: "died in an ambush by rebels on
			 * Thursday" is the ambush's day, and the deaths') */
			return k - 1 < before - 1 && kind_at(x, k - 2, LW_SENSE_TRIGGER) &&
			       (x->t->tok[k - 2].flags & LW_TF_LOWER) && lw_tok_ends(x->t, k - 2, "ed", 3) &&
			       (k - 2 < e->tfirst || k - 2 >= e->tend);
	return 0;
}

/* Is another trigger word between event e's trigger and date d ("detained
 * a commander responsible for an ambush near Kalbrook in March": March is
 * the ambush's)? */
static int trigger_between(const struct lw_extract *x, const struct ev *e,
			   const struct lw_date_expr *d)
{
	size_t a = e->tend <= d->first ? e->tend : d->end;
	size_t b = e->tend <= d->first ? d->first : e->tfirst;
	for (size_t k = a; k < b; k++)
		if (kind_at(x, k, LW_SENSE_TRIGGER))
			return 1;
	return 0;
}

/* Is the record f told as what deed e answered: "fired rockets at a base
 * in response to strikes that killed four", "in retaliation for the
 * raid"? Then e is no setting of f. */
static int answered_by(const struct ectx *c, const struct ev *e, const struct ev *f)
{
	if (!f->out.background || e->tend >= f->tfirst)
		return 0;
	for (size_t q = e->tend; q + 1 < f->tfirst; q++)
		if (answers_at(c->x, q))
			return 1;
	return 0;
}

/* Sentences before the dateline (a title, header lines) repeat the story. */
static int before_dateline(const struct lw_text *t, const lw_sentence *se)
{
	return t->dateline.found && se->end <= t->dateline.span.start;
}

/* Is the date later than the document's, at the precision its words
 * give ("next week", "in March 2026" in a 2025 story)? */
static int ahead_of_doc(const struct ectx *c, const struct lw_date_expr *d)
{
	return lw_date_after(&d->date, &c->docdate);
}

/* "vowed to end the insurgency by March 2026", "until next year": a
 * date after "by", "until" or "before" later than the document's is a
 * deadline, no event's day. */
static int deadline(const struct ectx *c, const struct lw_date_expr *d)
{
	size_t k = d->first;
	if (!(lw_tok_word(c->t, k, "by") || lw_tok_word(c->t, k, "until") || lw_tok_word(c->t, k, "before")))
		k = k > 0 ? k - 1 : k;
	if (!(lw_tok_word(c->t, k, "by") || lw_tok_word(c->t, k, "until") ||
	      lw_tok_word(c->t, k, "before")))
		return 0;
	return ahead_of_doc(c, d);
}

/* "has been in jail since April 2023": a date after (or opening with)
 * "since", where a state began. */
static int since_date(const struct lw_extract *x, const struct lw_date_expr *d)
{
	return w(x, d->first, W_SINCE) || (d->first > 0 && w(x, d->first - 1, W_SINCE));
}

/* The last date expression of sentence se that is not the dateline's
 * (among its first four), into *out; 0 if none. */
static int quiet_date(struct ectx *c, const lw_sentence *se, struct lw_date_expr *out)
{
	const struct lw_text *t = c->t;
	const struct lw_extract *x = c->x;
	struct lw_date_expr dd[4];
	size_t nd = lw_find_dates(t, x->evf, LW_EVF_DATE, x->evdw, se->first_token, se->end_token,
				  c->base, c->year_hint, c->anchor, NULL, dd, 4);
	for (size_t d = nd; d-- > 0;) {
		if (t->dateline.found && t->tok[dd[d].first].start >= t->dateline.span.start &&
		    t->tok[dd[d].end - 1].end <= t->dateline.span.end)
			continue;
		/* "has been in jail since April 2023": where a state began,
		 * not the day the story goes on with */
		if (since_date(x, &dd[d]) || ahead_of_doc(c, &dd[d]))
			continue;
		*out = dd[d];
		return 1;
	}
	return 0;
}

/* The anchor as the sentences before si that told no event leave it: read
 * only when a sentence counts from it ("the next day"), which few do. */
static void catch_up_anchor(struct ectx *c, size_t si)
{
	for (size_t j = c->anchor_sent; j < si; j++) {
		struct lw_date_expr d;
		if (!before_dateline(c->t, &c->t->sent[j]) && quiet_date(c, &c->t->sent[j], &d))
			c->anchor = lw_date_anchor(&d.date);
	}
	c->anchor_sent = si;
}

/* last_date as the sentences before si that told no event leave it
 * (quiet_date): the last of theirs that has a date. Only a date of si's
 * paragraph is ever taken (by si or a sentence after it): the search stops
 * at an earlier paragraph, whose dates and those before it are no one's. */
static void carry_date(struct ectx *c, size_t si)
{
	const struct lw_text *t = c->t;
	for (size_t j = si; j-- > c->quiet_date;) {
		const lw_sentence *se = &t->sent[j];
		if (se->paragraph != t->sent[si].paragraph || before_dateline(t, se))
			break;
		if (quiet_date(c, se, &c->last_date)) {
			c->have_last_date = 1;
			c->last_date_para = se->paragraph;
			break;
		}
	}
}

/* Do a record's words ("responsible for", "involved with") stand between
 * s0 and k: "He was responsible for moving weapons to and from Gardez"
 * tells where he was, not where the story is. */
static int in_record(const struct lw_extract *x, size_t s0, size_t k)
{
	for (size_t j = lw_flag_next(x->evf, s0, k, LW_EVF_BACKGROUND); j < k;
	     j = lw_flag_next(x->evf, j + 1, k, LW_EVF_BACKGROUND))
		if (w(x, j + 1, W_FOR) || w(x, j + 1, W_TO) || w(x, j + 1, W_IN) ||
		    w(x, j + 1, W_OF) || w(x, j + 1, W_WITH))
			return 1;
	return 0;
}

/* last_place as the sentences before si that told no event leave it: the
 * last place of the last of them that names one. */
static void carry_place(struct ectx *c, size_t si)
{
	const struct lw_text *t = c->t;
	size_t record = si; /* the last quiet sentence with a record's place */
	for (size_t j = si; j-- > c->quiet_place;) {
		const lw_sentence *se = &t->sent[j];
		if (before_dateline(t, se))
			break;
		int32_t pl = place_in(c, se->first_token, se->end_token);
		if (pl < 0)
			continue;
		if (in_record(c->x, se->first_token, c->x->pref[pl].first_tok)) {
			if (c->last_place < 0 && record == si)
				record = j;
			continue;
		}
		c->last_place = pl;
		c->last_place_para = se->paragraph;
		return;
	}
	/* a record's place only where the story has no other */
	if (record < si) {
		const lw_sentence *se = &t->sent[record];
		c->last_place = place_in(c, se->first_token, se->end_token);
		c->last_place_para = se->paragraph;
	}
}

/* No room for sentence si's events (LW_MAX_EVENTS reached, or memory):
 * the sentence gives the ones after it nothing, and the quiet ones before
 * it give what they give. */
static lw_status events_full(struct ectx *c, size_t si)
{
	carry_date(c, si);
	carry_place(c, si);
	c->quiet_date = c->quiet_place = si + 1;
	return c->nev >= LW_MAX_EVENTS ? LW_OK : LW_ENOMEM;
}

/* A new event told by trigger tr of sentence si, with its actors; NULL
 * when there is no room. */
static struct ev *trigger_event(struct ectx *c, const struct trig *tr, size_t si, size_t s0,
				size_t s1)
{
	struct ev *e = new_event(c);
	if (!e)
		return NULL;
	e->type = tr->kt->type;
	e->kt = tr->kt;
	e->tfirst = tr->first;
	e->tend = tr->end;
	e->sent = (uint32_t)si;
	e->mode_rank = -1; /* worked out when a second trigger of its type asks */
	actors(c, e, tr, s0, s1);
	return e;
}

/* A sector of the state's own (government, army, police). */
static int state_sector(const char *s)
{
	return code_is(s, "GOV") || code_is(s, "MIL") || code_is(s, "COP");
}

/* "It said it had killed 30 people", "the group said its fighters
 * killed 30": a deed its doer tells of itself after a verb of saying is
 * a claim; its count is the claimant's, and does not make it another
 * attack than the one told before. */
static int claimed_by_teller(const struct lw_extract *x, size_t s0, size_t k)
{
	const struct lw_text *t = x->t;
	size_t j = k;
	while (j > s0 && (w(x, j - 1, W_HAD) || w(x, j - 1, W_HAS) || w(x, j - 1, W_HAVE)))
		j--;
	/* the doer: "it", "they", "its fighters", "their men" */
	if (j > s0 && (w(x, j - 1, W_IT) || w(x, j - 1, W_THEY)))
		j--;
	else if (j > s0 + 1 && (w(x, j - 2, W_ITS) || w(x, j - 2, W_THEIR)))
		j -= 2;
	else
		return 0;
	/* ("one of its fighters", "two of its men") */
	if (j > s0 + 2 && w(x, j - 1, W_OF) &&
	    (w(x, j - 2, W_ONE) || x->t->tok[j - 2].kind == LW_TOK_NUMBER || kind_at(x, j - 2, LW_SENSE_NUMBER)))
		j -= 2;
	static const char *const said[] = {"said", "says", "claimed", "claims"};
	if (j > s0 && w(x, j - 1, W_THAT)) {
		j--;
		/* "claimed in a statement on its radio that its fighters had
		 * killed 41": the verb of saying a few words before "that" */
		for (size_t q = j; q > s0 && j - q < 10; q--) {
			if (lw_tok_in(t, q - 1, said, sizeof said / sizeof *said))
				return 1;
			if (t->tok[q - 1].kind != LW_TOK_WORD || kind_at(x, q - 1, LW_SENSE_TRIGGER))
				return 0;
		}
		return 0;
	}
	return j > s0 && lw_tok_in(t, j - 1, said, sizeof said / sizeof *said);
}

/* Does a clause of its own open between tokens a and b: "as", "while" or
 * "when" followed by its subject ("as protesters set fire")? */
static int subclause_between(const struct lw_extract *x, size_t a, size_t b)
{
	static const char *const opens[] = {"as", "while", "when"};
	static _Atomic uint32_t opens_initials;
	/* (the opener is near the verb: a few words of subject between; a
	 * bounded look keeps a long sentence of many verbs linear) */
	if (b > a + 12)
		a = b - 12;
	for (size_t j = a; j + 1 < b; j++)
		/* (their first letters first: most words are none of them) */
		if (lw_tok_initial(x->t, j, lw_list_initials(opens, sizeof opens / sizeof *opens, &opens_initials)) &&
		    lw_tok_in(x->t, j, opens, sizeof opens / sizeof *opens) &&
		    !lw_tok_is(x->t, j + 1, "well") && !lw_tok_is(x->t, j + 1, "part") &&
		    !lw_tok_is(x->t, j + 1, "many") && !lw_tok_is(x->t, j + 1, "much"))
			return 1;
	return 0;
}

/* Does "after" open a clause of its own between tokens a and b, its
 * subject a few words with no comma or verb between ("after a shopkeeper
 * was killed")? */
static int after_clause(const struct lw_extract *x, size_t a, size_t b)
{
	for (size_t j = b; j > a && b - j < 6; j--) {
		if (w(x, j - 1, W_AFTER))
			return j < b; /* (a subject between) */
		if (x->t->tok[j - 1].kind != LW_TOK_WORD || kind_at(x, j - 1, LW_SENSE_TRIGGER) ||
		    kind_at(x, j - 1, LW_SENSE_CUE))
			return 0;
	}
	return 0;
}

/* A sentence's events by type (kt->type, under 16). `set` says which
 * slots hold one: clearing both tables of a sentence whole (256 bytes,
 * with `rep stos`) cost more than every lookup of them. */
struct by_type {
	struct ev *ev[16];
	unsigned set; /* bit t: ev[t] is set */
};

static struct ev *by_type_get(const struct by_type *b, int type)
{
	return b->set >> type & 1 ? b->ev[type] : NULL;
}

static void by_type_put(struct by_type *b, int type, struct ev *e)
{
	b->ev[type] = e;
	b->set |= 1u << type;
}

/* "captured the town of X", "captured Kunduz": an arrest verb whose
 * object is a place takes territory (the kb's verb of CAMEO 192), and
 * one whose object is things ("captured weapons") seizes them; neither
 * arrests anyone. */
static int capture_place(const struct ectx *c, const struct lw_ann *a, size_t s1)
{
	const struct lw_kb_trigger *kt = &c->kb->triggers[lw_ann_sense(c->x, a)->id];
	/* "seized the town of Sake", "seized Kunduz": ground taken, as by
	 * "captured" (goods or people seized stay a seizure) */
	static const char *const seize_forms[] = {"seize", "seized", "seizes", "seizing"};
	if (kt->type == 14 && strcmp(kt->cameo, "171") == 0 && !(kt->flags & LW_TRF_NOUN) &&
	    lw_tok_in(c->t, a->first_tok, seize_forms, sizeof seize_forms / sizeof *seize_forms))
		return captured_object(c, a->end_tok, s1) == CAPTURED_GROUND ? CAPTURED_GROUND
									  : CAPTURED_PEOPLE;
	if (kt->type != 14 || strcmp(kt->cameo, "173") != 0 || (kt->flags & LW_TRF_NOUN) ||
	    !lw_tok_in(c->t, a->first_tok, capture_forms,
		       sizeof capture_forms / sizeof *capture_forms))
		return CAPTURED_PEOPLE;
	return captured_object(c, a->end_tok, s1);
}

/* Is trigger a the dictionary's plain weak attack "strike", one word of
 * the given forms? Asked first by labour_strike and military_strike (most
 * weak attacks are other words: the first letter rules them out). */
static inline int plain_strike(const struct ectx *c, const struct lw_ann *a,
			       const char *const *forms, size_t nforms)
{
	const struct lw_kb_trigger *kt = &c->kb->triggers[lw_ann_sense(c->x, a)->id];
	return kt->type == 15 && (kt->flags & LW_TRF_WEAK) && a->end_tok == a->first_tok + 1 &&
	       (c->t->p[a->start] | 0x20) == 's' && lw_tok_in(c->t, a->first_tok, forms, nforms);
}

/* "workers are striking", "teachers strike over pay", "a strike call":
 * the plain "strike", an attack in the dictionary (weak: it is also a
 * labour strike), is a labour strike when people who are neither state nor
 * armed do it, or when a grievance or a call follows it. */
static int labour_strike(struct ectx *c, const struct lw_ann *a, size_t s0, size_t s1)
{
	static const char *const strike[] = {"strike", "strikes", "striking"};
	if (!plain_strike(c, a, strike, sizeof strike / sizeof *strike))
		return 0;
	size_t e = a->end_tok;
	static const char *const after[] = {"over", "demanding", "call", "calls", "called"};
	if (e < s1 && lw_tok_in(c->t, e, after, sizeof after / sizeof *after))
		return 1;
	/* the subject right before it, or before "are", "began", "continued" */
	size_t k = a->first_tok;
	static const char *const aux[] = {"are", "were", "is", "was", "began", "begun", "continued",
					  "went", "started", "have", "had", "been", "to"};
	while (k > s0 && a->first_tok - k < 3 && lw_tok_in(c->t, k - 1, aux, sizeof aux / sizeof *aux))
		k--;
	const struct lw_aref *r = k > s0 ? aref_before(c, k > s0 + 6 ? k - 6 : s0, k) : NULL;
	if (!r || r->end_tok != k)
		return 0;
	static const char *const labour[] = {"LAB", "EDU", "BUS", "MED", "HLH", "AGR", "CVL", "OPP"};
	for (size_t i = 0; i < sizeof labour / sizeof *labour; i++)
		if (code_is(r->sector, labour[i]))
			return 1;
	return 0;
}

/* "two strikes engaged an ISIL tactical unit", "one strike destroyed a
 * tank", "conducted 34 strikes against", "a precision strike": the plain
 * "strike" counted or carried out as forces report it is an air strike
 * (labour_strike is asked first). */
static int military_strike(struct ectx *c, const struct lw_ann *a, size_t s0, size_t s1)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	static const char *const strike[] = {"strike", "strikes"};
	if (!plain_strike(c, a, strike, sizeof strike / sizeof *strike) ||
	    !(c->kb->triggers[lw_ann_sense(x, a)->id].flags & LW_TRF_NOUN))
		return 0;
	size_t k = a->first_tok, e = a->end_tok;
	static const char *const hit[] = {"engaged", "destroyed", "suppressed", "struck", "hit",
					  "targeted", "killed", "damaged", "engage", "destroy"};
	static const char *const made[] = {"conducted", "conduct", "conducting", "carried",
					   "launched", "delivered", "precision", "coalition"};
	int counted = k > s0 && (t->tok[k - 1].kind == LW_TOK_NUMBER ||
				 (x->ann_kinds[k - 1] & (1u << LW_SENSE_NUMBER)));
	/* "the strikes reportedly killed": told before, and striking */
	int told = k > s0 && w_in(x, k - 1, WS_ANAPHOR);
	if (e + 1 < s1 && (t->tok[e].flags & LW_TF_LOWER) && lw_tok_ends(t, e, "ly", 3))
		e++;
	if ((counted || told) && e < s1 && lw_tok_in(t, e, hit, sizeof hit / sizeof *hit))
		return 1;
	for (size_t j = k; j > s0 && k - j < 4; j--)
		if (lw_tok_in(t, j - 1, made, sizeof made / sizeof *made))
			return 1;
	return 0;
}

/* Is token k inside a phrase of wounds that begins before it and goes on
 * after it ("suffered burn injuries", "sustained gunshot wounds")? Its word
 * tells the harm, not an event of its own whose subject is the wounded. */
static int in_wound(const struct lw_extract *x, size_t s0, size_t k)
{
	for (size_t j = k > s0 + 3 ? k - 3 : s0; j < k; j++) {
		if (!kind_at(x, j, LW_SENSE_CASUALTY))
			continue;
		for (size_t i = x->ann_at[j]; i < x->nann && x->ann[i].first_tok == j; i++) {
			const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[i]);
			if (s->kind == LW_SENSE_CASUALTY && s->sub == LW_ROLE_INJURED &&
			    s->value == LW_CPOS_AFTER && x->ann[i].end_tok > k + 1)
				return 1; /* not the phrase's own verb ("were injured") */
		}
	}
	return 0;
}

/* Is the noun at token k pointed at by "this" or "these", with at most
 * two words between ("this unprovoked attack"), or by "that" or "those"
 * right before it ("hold that the targeted killing ..." is no pointing)? */
static int demonstrative_before(const struct ectx *c, size_t k)
{
	static const char *const near[] = {"this", "these"};
	static const char *const far[] = {"that", "those"};
	const struct lw_text *t = c->t;
	if (k > 0 && lw_tok_in(t, k - 1, far, 2))
		return 1;
	for (size_t q = k; q > 0 && k - q < 3;) {
		q--;
		if (t->tok[q].kind != LW_TOK_WORD)
			return 0;
		if (lw_tok_in(t, q, near, 2))
			return 1;
	}
	return 0;
}

/* Has an ASSAULT been told in the document before? */
static int told_assault(const struct ectx *c)
{
	for (size_t i = 0; i < c->nev; i++)
		if (c->ev[i].type == 15 && !c->ev[i].dropped)
			return 1;
	return 0;
}

/* Is token k, a word of the table's LW_EVF_ASKED class, the one its
 * neighbour makes a word of the class `flag`: "swift recovery" of
 * sympathy, "natural causes" of a peaceful death? */
static int paired_word(const struct lw_text *t, size_t k, size_t s0, size_t s1, unsigned flag)
{
	static const char *const wish[] = {"speedy", "swift", "quick", "full", "early"};
	if (flag == LW_EVF_SYMPATHY) /* not "the recovery of weapons" */
		return lw_tok_is(t, k, "recovery") && k > s0 &&
		       lw_tok_in(t, k - 1, wish, sizeof wish / sizeof *wish);
	return lw_tok_is(t, k, "natural") && k + 1 < s1 && lw_tok_is(t, k + 1, "causes");
}

/* Does "armed with" or "equipped with" stand a few words before token k,
 * in its sentence ("armed with rifles and grenades")? */
static int armed_with(const struct lw_text *t, size_t k, size_t s0)
{
	for (size_t j = k; j > s0 + 1 && k - j < 7; j--) {
		if (lw_tok_is(t, j - 1, "with"))
			return lw_tok_is(t, j - 2, "armed") || lw_tok_is(t, j - 2, "equipped");
		if (t->tok[j - 1].kind == LW_TOK_TERM || lw_tok_punct(t, j - 1, ';'))
			return 0;
	}
	return 0;
}

/* Is trigger kt a verb of harm alone ("kill", "killing", "injure",
 * "wound"): what befell someone, not how or by whom (no manner, the
 * plain CAMEO 190)? */
static int harm_only(const struct lw_kb_trigger *kt)
{
	return kt->type == 15 && kt->mode_len == 0 && (kt->flags & (LW_TRF_DEAD | LW_TRF_INJURED)) &&
	       strcmp(kt->cameo, "190") == 0;
}

/* Does sentence [s0, s1) name an armed actor (rebels, troops, police,
 * gunmen)? */
static int armed_in(const struct ectx *c, size_t s0, size_t s1)
{
	const struct lw_extract *x = c->x;
	for (size_t i = aref_lower(c, s0); i < x->naref && x->aref[i].first_tok < s1; i++) {
		const char *sec = x->aref[i].sector;
		if (code_is(sec, "REB") || code_is(sec, "MIL") || code_is(sec, "COP") ||
		    code_is(sec, "UAF"))
			return 1;
	}
	return 0;
}

/* Has sentence [s0, s1) a word of a mishap or a disaster (ls_mishap), in
 * lower case or opening it ("Floods killed 30")? */
static int mishap_in(const struct ectx *c, size_t s0, size_t s1)
{
	static const char *const blaze[] = {"in", "at", "broke", "engulfed", "gutted", "swept",
					    "tore", "raged", "erupted"};
	const struct lw_text *t = c->t;
	for (size_t k = s0; k < s1; k++) {
		if (((t->tok[k].flags & LW_TF_LOWER) ||
		     (k == s0 && k + 1 < s1 && !(t->tok[k + 1].flags & LW_TF_CAP))) &&
		    listed(c, k, LS_MISHAP))
			return 1;
		/* "a fire in a factory", "a fire broke out": a blaze, where
		 * "killed in cross-border fire" is shooting */
		if (k > s0 && k + 1 < s1 && lw_tok_is(t, k, "fire") &&
		    (w(c->x, k - 1, W_A) || w(c->x, k - 1, W_THE)) &&
		    lw_tok_in(t, k + 1, blaze, sizeof blaze / sizeof *blaze))
			return 1;
	}
	return 0;
}

/*
 * "on February 23rd, 2000 supporters of the party marched": a number of
 * four digits after a day and a comma, followed by the people it counts
 * (a group's role word), is that count, not the date's year. The date
 * keeps its day and month and takes the document's year, as a date
 * written without one does ("Dec. 30" read in January: the year before).
 */
static void year_is_count(const struct ectx *c, struct lw_date_expr *d)
{
	const struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	size_t y = d->end - 1;
	if (d->date.precision != LW_PREC_DAY || d->end - d->first < 3 || c->base == INT32_MIN ||
	    t->tok[y].kind != LW_TOK_NUMBER || lw_tok_len(&t->tok[y]) != 4 ||
	    !lw_tok_punct(t, y - 1, ',') || !kind_at(x, d->end, LW_SENSE_ROLE) ||
	    !(t->tok[d->end].flags & LW_TF_LOWER))
		return;
	const struct lw_ann *r = lw_ann_find(x, d->end, LW_SENSE_ROLE);
	if (!r || c->kb->roles[lw_ann_sense(x, r)->id].kind != LW_ROLE_GROUP)
		return;
	int by, bm, bd;
	lw_civil_from_days(c->base, &by, &bm, &bd);
	int year = d->date.month > bm + 1 ? by - 1 : by;
	if (year == d->date.year)
		return; /* "on May 3, 2015 protesters ..." in 2015: a year it may be */
	d->date.year = (int16_t)year;
	d->end = (uint32_t)(y - 1); /* before the comma */
}

/* Has sentence [s0, s1) a word of the class `flag` of the token table:
 * LW_EVF_SYMPATHY (condolences, mourning, "hope for the swift recovery of
 * those injured"), LW_EVF_PEACEFUL (a death put down to no one: an
 * accident, an illness, "non-combat", "natural causes")? The classes were
 * worked out once per token; most words are passed with one test. */
static int sentence_class(const struct ectx *c, size_t s0, size_t s1, unsigned flag)
{
	const struct lw_text *t = c->t;
	const uint8_t *f = c->x->evf;
	/* (from one word of either class to the next, eight flags a test) */
	for (size_t k = lw_flag_next(f, s0, s1, (uint8_t)(flag | LW_EVF_ASKED)); k < s1;
	     k = lw_flag_next(f, k + 1, s1, (uint8_t)(flag | LW_EVF_ASKED))) {
		/* a peaceful word in lower case ("Accident Road" is a name) */
		if (flag == LW_EVF_PEACEFUL && !(t->tok[k].flags & LW_TF_LOWER))
			continue;
		if ((f[k] & flag) || paired_word(t, k, s0, s1, flag))
			return 1;
	}
	return 0;
}

/* Is the count ending at k the subject of a deed told as done: "were",
 * "was" or a past verb of harm ("died") at k or a few words on ("27
 * TTP/LEI militants were killed": the count's noun may end before its
 * last words)? */
static int told_done(const struct lw_extract *x, size_t k, size_t s1)
{
	const struct lw_text *t = x->t;
	for (size_t v = k; v < s1 && v < k + 4; v++) {
		if (w(x, v, W_WERE) || w(x, v, W_WAS) ||
		    (kind_at(x, v, LW_SENSE_CASUALTY) && t->p[t->tok[v].end - 1] == 'd'))
			return 1;
		if (clause_break(x, v) || w_in(x, v, WS_AUX))
			return 0; /* "who", "will" */
	}
	return 0;
}

/* The "while", "whereas" or "but" that opens a clause of contrast in
 * [s0, s1) after a comma ("..., while in Eldoret a crowd attacked ...");
 * s1 if none. Each word it asks about but "and" is of a class of the
 * token table ("while", "but" and "that" clause breaks, "whereas"
 * LW_EVF_ASKED): the walk goes from one word of the classes to the next,
 * eight flags a test, where it asked every token of the sentence. */
static size_t contrast_clause(const struct lw_extract *x, size_t s0, size_t s1, size_t ev_lo, size_t ev_hi)
{
	const uint8_t asked = LW_EVF_BREAK | LW_EVF_ASKED;
	for (size_t j = lw_flag_next(x->evf, s0 + 1, s1, asked); j < s1;
	     j = lw_flag_next(x->evf, j + 1, s1, asked)) {
		/* "said its forces had captured a village in Donetsk and
		 * that drones hit a refinery in Saratov": two things said
		 * (the clause opens at the "and", before j) */
		if (j > s0 + 1 && w(x, j, W_THAT) && lw_tok_word(x->t, j - 1, "and"))
			return j - 1;
		if (lw_tok_punct(x->t, j - 1, ',') &&
		    (lw_tok_word(x->t, j, "while") || lw_tok_word(x->t, j, "whereas") ||
		     lw_tok_word(x->t, j, "but")))
			return j;
	}
	/* "settlers burned cars in Sinjil, and soldiers arrested 15 in
	 * Jenin": ", and" before a subject of its own and its verb, between
	 * two of the sentence's events [ev_lo, ev_hi] (a walk of its
	 * words: "and" is of no class the walk above visits) */
	for (size_t j = ev_lo + 1; j + 2 < s1 && j < ev_hi; j++) {
		if (!w(x, j, W_AND) || !lw_tok_punct(x->t, j - 1, ','))
			continue;
		size_t i = lw_aref_lower(x, 0, x->naref, j + 1);
		const struct lw_aref *r = i < x->naref ? &x->aref[i] : NULL;
		if (r && (r->first_tok == j + 1 || (r->first_tok == j + 2 && w_in(x, j + 1, WS_DET))) &&
		    r->end_tok < s1 && (x->t->tok[r->end_tok].flags & LW_TF_LOWER) &&
		    kind_at(x, r->end_tok, LW_SENSE_TRIGGER))
			return j;
	}
	return s1;
}

/* Is token k a word of taking ("seized", "captured", "grabbed",
 * "snatched")? */
static int taking_word(const struct lw_text *t, size_t k)
{
	static const char *const stems[] = {"seiz", "captur", "grab", "snatch"};
	return STEM_AT(t, k, stems);
}

/* Is the trigger at k the means of an answer: "responded with live fire
 * and a drone strike", "retaliated with air strikes", "hit back with
 * artillery" (a few words before it, after "and")? The answer's verb
 * ("responded"), or SIZE_MAX. */
static size_t answered_with(const struct lw_extract *x, size_t s0, size_t k)
{
	static const char *const answer[] = {"responded", "retaliated", "replied", "answered"};
	const struct lw_text *t = x->t;
	for (size_t j = k; j > s0 + 2 && k - j < 7; j--) {
		if (!w(x, j - 1, W_WITH))
			continue;
		size_t v = j - 1;
		if (lw_tok_word(t, v - 1, "back") && lw_tok_word(t, v - 2, "hit"))
			v -= 2;
		else if (lw_tok_in(t, v - 1, answer, sizeof answer / sizeof *answer))
			v -= 1;
		else
			return SIZE_MAX;
		/* (past its subject: "and soldiers retaliated with") */
		for (size_t a = v; a > s0 && v - a < 5; a--)
			if (w(x, a - 1, W_AND))
				return v;
		return SIZE_MAX;
	}
	return SIZE_MAX;
}

/* Is the count [first, end) a tally: kept by a watcher ("had documented
 * 19 deaths", "recorded 40 killings") or told in the perfect over a time
 * ("19 people have died since June 25", "have been killed so far")? */
static int count_tally(const struct lw_extract *x, size_t s0, size_t s1, size_t first, size_t end)
{
	static const char *const kept[] = {"documented", "recorded", "counted", "tallied", "registered",
					   "compiled", "verified"};
	const struct lw_text *t = x->t;
	for (size_t j = first; j > s0 && first - j < 4; j--) {
		if (lw_tok_in(t, j - 1, kept, sizeof kept / sizeof *kept))
			return 1;
		if (t->tok[j - 1].kind != LW_TOK_WORD && t->tok[j - 1].kind != LW_TOK_NUMBER)
			break;
	}
	int perfect = 0;
	for (size_t v = end; v < s1 && v < end + 4 && !perfect; v++)
		perfect = w(x, v, W_HAVE) || w(x, v, W_HAS) || w(x, v, W_HAD);
	if (perfect)
		for (size_t j = end; j + 1 < s1; j++)
			if (w(x, j, W_SINCE) || (w(x, j, W_SO) && w(x, j + 1, W_FAR)) ||
			    (w(x, j, W_TO) && w(x, j + 1, W_DATE)))
				return 1;
	return 0;
}

/* "Police baton-charged the protesters when they tried to enter the
 * building and arrested 15 of them": an arrest is made by the state; one
 * whose doer would be civilians (the object of a deed before it) is done
 * by the state's forces that did the deed before it in the sentence, to
 * those civilians. */
static int same_actor(const lw_event_actor *a, const lw_event_actor *b);

static void arrest_by_state(struct ectx *c, struct ev *e, size_t first_ev)
{
	lw_event_actor *src = &e->out.source;
	if (e->type != 14 /* COERCE */ || !mode_is(c->kb, e->kt, "arrest") || !src->present ||
	    !civilian_sector(src->code.sector))
		return;
	for (const struct ev *p = e; p-- > c->ev + first_ev;) {
		const lw_event_actor *ps = &p->out.source;
		if (p->tfirst < e->tfirst && ps->present &&
		    (code_is(ps->code.sector, "COP") || code_is(ps->code.sector, "MIL")) &&
		    p->out.target.present && same_actor(&p->out.target, src)) {
			/* (the civilians are the ones arrested: "15 of them") */
			if (!e->out.target.present)
				e->out.target = *src;
			*src = *ps;
			return;
		}
	}
}

/* "Three insurgents and a policeman died in a shootout": the dead of a
 * fight told with no sides, two phrases of different sectors joined by
 * "and", are its sides; the state's forces its source, as when they are
 * named after "with". */
static void dead_sides(struct ectx *c, struct ev *e)
{
	const struct lw_extract *x = c->x;
	lw_event_actor *src = &e->out.source, *tgt = &e->out.target;
	if (!e->kt || !(e->kt->flags & LW_TRF_MUTUAL) || src->present || !e->have_count[ROLE_DEAD])
		return;
	const lw_span *cs = &e->count_span[ROLE_DEAD];
	const struct lw_aref *side[2] = {NULL, NULL};
	size_t n = 0;
	for (size_t i = c->aref_first; i < c->aref_end; i++) {
		const struct lw_aref *r = &x->aref[i];
		if (r->start < cs->start || r->end > cs->end)
			continue;
		if (n == 2)
			return;
		side[n++] = r;
	}
	/* (civilians caught in it are no side: "two soldiers and a
	 * civilian were killed in clashes") */
	if (n != 2 || !side[0]->sector[0] || !side[1]->sector[0] ||
	    memcmp(side[0]->sector, side[1]->sector, 3) == 0 || civilian_sector(side[0]->sector) ||
	    civilian_sector(side[1]->sector))
		return;
	int and = 0;
	for (size_t k = side[0]->end_tok; k < side[1]->first_tok && !and; k++)
		and = w(x, k, W_AND);
	if (!and)
		return;
	int state1 = code_is(side[1]->sector, "MIL") || code_is(side[1]->sector, "COP");
	const struct lw_aref *s = state1 ? side[1] : side[0], *t = state1 ? side[0] : side[1];
	set_actor(c, src, s);
	set_actor(c, tgt, t);
}

static lw_status sentence_events(struct ectx *c, size_t si)
{
	struct lw_extract *x = c->x;
	const struct lw_text *t = c->t;
	const lw_sentence *se = &t->sent[si];
	size_t s0 = se->first_token, s1 = se->end_token;
	if (before_dateline(t, se))
		return LW_OK;
	/* triggers */
	c->sent_first = s0;
	c->sent_end = s1;
	/* sentences come in order: the phrases' range moves on from the last
	 * sentence's */
	size_t ar = c->aref_end;
	while (ar < x->naref && x->aref[ar].first_tok < s0)
		ar++;
	c->aref_first = ar;
	while (ar < x->naref && x->aref[ar].first_tok < s1)
		ar++;
	c->aref_end = ar;
	size_t pr = c->pref_first;
	while (pr < x->npref && x->pref[pr].first_tok < s0)
		pr++;
	c->pref_first = pr;
	/* this sentence's trigger and casualty words */
	size_t h = c->hit1;
	while (h < c->nhits && c->hits[h] < s0)
		h++;
	c->hit0 = h;
	c->casualty = 0;
	for (; h < c->nhits && c->hits[h] < s1; h++) {
		/* (words inside a quote are said, not done: "'They killed my
		 * brothers,' said a resident who fled" is no flight from a
		 * killing told) */
		c->casualty |= kind_at(x, c->hits[h], LW_SENSE_CASUALTY) &&
			       !(x->in_quote && x->in_quote[c->hits[h]]);
		c->vpick[h] = VPICK_UNKNOWN;
	}
	c->hit1 = h;
	struct trig trigs[32];
	size_t ntr = 0;
	size_t next = s0; /* the tokens before it are taken */
	for (h = c->hit0; h < c->hit1 && ntr < 32; h++) {
		size_t k = c->hits[h];
		if (k < next || !kind_at(x, k, LW_SENSE_TRIGGER) || (c->casualty && in_wound(x, s0, k)))
			continue;
		/* "KABUL (March 3)": the dateline tells no event */
		if (t->dateline.found && t->tok[k].start >= t->dateline.span.start &&
		    t->tok[k].end <= t->dateline.span.end)
			continue;
		/* the longest trigger here, noun before verb; and on the way the
		 * longest victim verb, for the counts (victim_pick) */
		const struct lw_ann *pick = NULL;
		size_t vp = 0; /* 1 + its index */
		uint32_t vp_end = 0;
		int vp_ok = 0;
		for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
			const struct lw_ann *a = &x->ann[j];
			const struct lw_kb_sense *sa = lw_ann_sense(x, a);
			if (sa->kind != LW_SENSE_TRIGGER)
				continue;
			int victim = a->start == t->tok[k].start && victim_verb(&c->kb->triggers[sa->id]) &&
				     (!vp || a->end_tok > vp_end);
			/* (the annotations come longest first: one shorter than
			 * the pick, and no victim verb to take, would change
			 * nothing, and trigger_ok, which only answers, is not
			 * asked) */
			if (!victim && pick && a->end_tok < pick->end_tok)
				continue;
			int ok = trigger_ok(c, a, s0, s1);
			if (victim) {
				vp = j + 1;
				vp_end = a->end_tok;
				vp_ok = ok;
			}
			if (!ok)
				continue;
			if (!pick || a->end_tok > pick->end_tok)
				pick = a;
			else if (a->end_tok == pick->end_tok)
				pick = verb_or_noun(c, pick, a, s0);
		}
		c->vpick[h] = vp && vp_ok ? (uint32_t)vp + 1 : VPICK_NONE;
		if (!pick)
			continue;
		const struct lw_kb_sense *s = lw_ann_sense(x, pick);
		trigs[ntr].first = pick->first_tok;
		trigs[ntr].end = pick->end_tok;
		trigs[ntr].sense = s;
		trigs[ntr].kt = &c->kb->triggers[s->id];
		/* "set two vans on fire": fire set to them, no gunfire */
		if (c->acled->arson && !trigs[ntr].kt->mode_len &&
		    (t->p[t->tok[pick->first_tok].start] | 0x20) == 'f' &&
		    set_before(x, s0, pick->first_tok) != SIZE_MAX)
			trigs[ntr].kt = &c->kb->triggers[c->acled->arson - 1];
		int took = c->acled->territory ? capture_place(c, pick, s1) : CAPTURED_PEOPLE;
		if (took != CAPTURED_PEOPLE) {
			uint32_t kt = took == CAPTURED_GROUND ? c->acled->territory : c->acled->seizure;
			if (kt)
				trigs[ntr].kt = &c->kb->triggers[kt - 1];
			c->vpick[h] = VPICK_NONE; /* no one is arrested */
		}
		if (c->acled->strike && labour_strike(c, pick, s0, s1)) {
			trigs[ntr].kt = &c->kb->triggers[c->acled->strike - 1];
			c->vpick[h] = VPICK_NONE; /* a strike kills no one */
		} else if (c->acled->air && military_strike(c, pick, s0, s1)) {
			trigs[ntr].kt = &c->kb->triggers[c->acled->air - 1];
		}
		ntr++;
		next = pick->end_tok;
	}
	c->trigs = trigs;
	c->ntrigs = ntr;
	struct count counts[16];
	size_t nc = sentence_counts(c, si, s0, s1, counts, 16);
	/* "Three prison officers were among the dead": some of a toll told
	 * before, no more of them */
	for (size_t i = 0; i < nc; i++) {
		size_t k = counts[i].end;
		while (k < s1 && k < counts[i].end + 2 && w_in(x, k, WS_AUX))
			k++;
		if (k < s1 && lw_tok_is(t, k, "among"))
			counts[i].definite = 1;
	}
	/* "died in a non-combat related incident", "two soldiers died in a
	 * traffic accident": deaths that no one dealt are no attack (a
	 * firm deed in the sentence still is one) */
	int weak_assault = 0, firm_assault = 0, deed = 0, flown = 0;
	for (size_t i = 0; i < ntr; i++) {
		int weak = (trigs[i].kt->flags & LW_TRF_WEAK) != 0;
		int craft = (trigs[i].kt->flags & LW_TRF_INSTRUMENT) != 0;
		weak_assault |= trigs[i].kt->type == 15 && weak;
		firm_assault |= trigs[i].kt->type == 15 && !weak;
		deed |= trigs[i].kt->type == 15 && (!weak || trigs[i].kt->mode_len) &&
			!harm_only(trigs[i].kt) && !craft;
		flown |= trigs[i].kt->type == 15 && craft;
	}
	/* "A bus plunged into a ravine, killing 40 people", "floods killed
	 * 30": a verb of harm alone, with an accident or a disaster and no
	 * armed actor in the sentence, is no attack either; nor is "two
	 * military jets crashed, killing a pilot", whose armed actor is the
	 * aircraft that crashed */
	int mishap = firm_assault && !deed &&
		     ((!armed_in(c, s0, s1) &&
		       (sentence_class(c, s0, s1, LW_EVF_PEACEFUL) || mishap_in(c, s0, s1))) ||
		      (flown && mishap_in(c, s0, s1)));
	/* "Our condolences go out to the families of the victims ...": a
	 * sentence of sympathy after an attack was told tells it again */
	int sympathy = (weak_assault || firm_assault || nc) && told_assault(c) &&
		       sentence_class(c, s0, s1, LW_EVF_SYMPATHY);
	if (sympathy)
		firm_assault = 0;
	if (sympathy || mishap ||
	    (!firm_assault && (nc || weak_assault) && sentence_class(c, s0, s1, LW_EVF_PEACEFUL))) {
		size_t kept = 0;
		for (size_t i = 0; i < ntr; i++)
			if (trigs[i].kt->type != 15)
				trigs[kept++] = trigs[i];
		ntr = c->ntrigs = kept;
		kept = 0;
		for (size_t i = 0; i < nc; i++)
			if (!is_violent_role(counts[i].role))
				counts[kept++] = counts[i];
		nc = kept;
	}
	if (ntr == 0 && nc == 0) {
		died_later(c, si, s0, s1);
		return LW_OK; /* no event, but its date and place carry on: carry_date */
	}
	/* one event per type in the sentence; room for all of them first, so
	 * that the pointers below stay valid (new_event must not move the
	 * array under them) */
	if (reserve_events(c, ntr + nc) != LW_OK)
		return LW_ENOMEM;
	struct by_type byt;
	byt.set = 0;
	/* "With the capture of the leader yesterday, forces have detained
	 * more than 35 leaders since January": a tally after the news is an
	 * event of its own, in the background, with the counts after it */
	struct by_type tallied;
	tallied.set = 0;
	size_t first_ev = c->nev;
	struct ev *answer = NULL; /* the answer to a deed told (answered_with) */
	for (size_t i = 0; i < ntr; i++) {
		const struct trig *tr = &trigs[i];
		int type = tr->kt->type;
		struct ev *e = by_type_get(&byt, type);
		/* and so is a record told after it ("... who was responsible
		 * for the attack that killed 10 soldiers"): the deed of the news is not the record's */
		if (e && !by_type_get(&tallied, type) && !e->out.background &&
		    (tally(x, s0, tr->first) ||
		     background(x, s0, tr->first,
				!(tr->kt->flags & LW_TRF_NOUN) && (tr->sense->form & LW_FORM_PAST)))) {
			struct ev *b = trigger_event(c, tr, si, s0, s1);
			if (!b)
				return events_full(c, si);
			b->out.background = 1;
			b->distinct = 1;
			by_type_put(&tallied, type, b);
			continue;
		}
		/* "The army said it hit a Hamas post and accused the militants
		 * of using civilians as human shields": a deed alleged after one
		 * told as done is no part of it */
		if (e && type != 11 && !e->out.speculative && alleged(x, s0, tr->first)) {
			struct ev *b = trigger_event(c, tr, si, s0, s1);
			if (!b)
				return events_full(c, si);
			b->out.speculative = 1;
			b->out.negated = negated(x, s0, tr->first);
			b->distinct = 1;
			continue;
		}
		/* "... was involved in the suicide attack, which killed three
		 * soldiers": a word of the record told after it is the record's
		 * (its count too, sentence_counts), not the news event's */
		const struct ev *rec = by_type_get(&tallied, type);
		if (e && rec && tr->first > rec->tfirst && !e->out.background &&
		    background(x, s0, tr->first,
			       !(tr->kt->flags & LW_TRF_NOUN) && (tr->sense->form & LW_FORM_PAST)))
			continue;
		/* "troops came under fire from gunmen and responded with a
		 * drone strike": the answer is the other side's deed, an
		 * event of its own (the one answered was done to the subject) */
		size_t ans;
		if (e && type == 15 && e->out.source.present &&
		    (ans = answered_with(x, s0, tr->first)) != SIZE_MAX) {
			/* ("responded with live fire and a drone strike": one
			 * answer, the stronger manner its own) */
			if (answer) {
				if (mode_rank(c->kb, tr->kt) > mode_rank(c->kb, answer->kt))
					answer->kt = tr->kt;
				continue;
			}
			/* its doer the subject of "responded" ("and soldiers
			 * retaliated"), or the one the first deed was done to */
			const struct lw_aref *by = aref_before(c, s0, ans);
			lw_event_actor doer = e->out.target;
			if (by && by->end_tok == ans)
				set_actor(c, &doer, by);
			if (!doer.present)
				goto not_answer;
			struct ev *o = trigger_event(c, tr, si, s0, s1);
			if (!o)
				return events_full(c, si);
			o->out.source = doer;
			o->out.target = e->out.source;
			o->out.negated = negated(x, s0, tr->first);
			o->out.background = e->out.background;
			o->distinct = 1;
			o->gunfire = mode_is(c->kb, tr->kt, "firearms");
			answer = o;
			continue;
		}
	not_answer:
		/* "Police opened fire on crowds as protesters set fire to
		 * police posts": a deed of another doer in a clause of its own
		 * ("as", "while", "when") is another event, not the first's
		 * target */
		if (e && e->out.source.present && tr->first > e->tend && !(tr->kt->flags & LW_TRF_NOUN) &&
		    (tr->sense->form & LW_FORM_PAST) && subclause_between(x, e->tend, tr->first)) {
			struct ev *o = trigger_event(c, tr, si, s0, s1);
			if (!o)
				return events_full(c, si);
			/* (its subject right before its verb, an auxiliary or an
			 * adverb between: "as police also opened fire") */
			size_t v = tr->first;
			while (v > s0 + 1 && (w_in(x, v - 1, WS_AUX) || w(x, v - 1, W_HAD) ||
					      lw_tok_ends(t, v - 1, "ly", 2)))
				v--;
			if (o->out.source.present && o->out.source.span.start > t->tok[e->tend - 1].end &&
			    v > s0 && o->out.source.span.end == t->tok[v - 1].end &&
			    o->out.source.span.start != e->out.source.span.start &&
			    strcmp(o->out.source.code.sector, e->out.source.code.sector) != 0) {
				o->out.negated = negated(x, s0, tr->first);
				o->out.speculative = speculative(x, s0, tr->first, type == 11);
				o->out.background = e->out.background;
				o->distinct = 1;
				o->weak = (tr->kt->flags & LW_TRF_WEAK) != 0;
				o->gunfire = mode_is(c->kb, tr->kt, "firearms");
				continue;
			}
			c->nev--; /* (the same doer's: told with the first) */
		}
		/* "Traders torched a police post after a shopkeeper was
		 * killed" (its victim the subject), "... killing two
		 * civilians, a day after India struck what it called
		 * terrorist camps" (another doer the subject): the deed of a
		 * clause of its own opened by "after" is another event (its
		 * count is not the first's) */
		int passive_v = tr->first > s0 && (w(x, tr->first - 1, W_WAS) || w(x, tr->first - 1, W_WERE));
		if (e && e->out.source.present && tr->first > e->tend + (passive_v ? 3 : 2) &&
		    !(tr->kt->flags & LW_TRF_NOUN) && (tr->sense->form & LW_FORM_PAST) &&
		    after_clause(x, e->tend, passive_v ? tr->first - 1 : tr->first)) {
			struct ev *o = trigger_event(c, tr, si, s0, s1);
			if (!o)
				return events_full(c, si);
			uint32_t after_first = t->tok[e->tend - 1].end;
			int own = passive_v ? !o->out.source.present && o->out.target.present &&
						      o->out.target.span.start > after_first
					    : o->out.source.present && o->out.source.span.start > after_first &&
						      o->out.source.span.end == t->tok[tr->first - 1].end &&
						      !same_actor(&o->out.source, &e->out.source);
			if (own) {
				o->out.negated = negated(x, s0, tr->first);
				o->out.background = e->out.background;
				o->distinct = 1;
				o->gunfire = mode_is(c->kb, tr->kt, "firearms");
				continue;
			}
			c->nev--;
		}
		/* "fired tear gas to disperse the crowd and arrested 37
		 * people": a deed told as done after an aim of its type is an
		 * event of its own, and takes the type's counts; so is the
		 * deed of a clause after one told in an aside ("The party,
		 * which boycotted the vote, called a strike") */
		if (e && !e->distinct) {
			int spec = speculative(x, s0, tr->first, type == 11) || planned_noun(x, tr, s1);
			int aside = in_aside(x, s0, s1, e->tfirst) && !in_aside(x, s0, s1, tr->first);
			/* (an aim first, then the verb of a deed done after
			 * "and": not a record's "planning attacks and emplacing
			 * IEDs"; deaths told beside an aim are counted apart
			 * below) */
			int done_after_aim = type != 11 && e->out.speculative && !spec &&
					     !(tr->kt->flags & LW_TRF_NOUN) && (tr->sense->form & LW_FORM_PAST) &&
					     tr->first > s0 && w(x, tr->first - 1, W_AND) &&
					     !background(x, s0, tr->first, 1);
			if (done_after_aim || aside) {
				struct ev *o = trigger_event(c, tr, si, s0, s1);
				if (!o)
					return events_full(c, si);
				o->out.negated = negated(x, s0, tr->first);
				o->out.speculative = spec;
				o->out.background = background(x, s0, tr->first,
							       !(tr->kt->flags & LW_TRF_NOUN) &&
								       (tr->sense->form & LW_FORM_PAST));
				o->weak = (tr->kt->flags & LW_TRF_WEAK) != 0;
				o->gunfire = mode_is(c->kb, tr->kt, "firearms");
				/* (not distinct: it may retell a deed told before,
				 * "turned to fire on the force and was shot") */
				if (!spec)
					by_type_put(&byt, type, o);
				continue;
			}
		}
		if (!e) {
			e = trigger_event(c, tr, si, s0, s1);
			if (!e)
				return events_full(c, si);
			by_type_put(&byt, type, e);
			e->out.negated = negated(x, s0, tr->first);
			/* "gathered to protest": the gathering is the protest */
			e->out.speculative = speculative(x, s0, tr->first, type == 11) || planned_noun(x, tr, s1);
			e->out.background =
				background(x, s0, tr->first,
					   !(tr->kt->flags & LW_TRF_NOUN) && (tr->sense->form & LW_FORM_PAST)) ||
				habit_aside(x, tr, s0);
			e->anaphoric = anaphoric(x, tr, s0);
			/* "the attack", "the ambush" tell one again; "the
			 * operation" is as often the story's own */
			e->retold = e->anaphoric && !(tr->kt->flags & LW_TRF_WEAK);
			e->distinct = separate(x, s0, s1);
			/* (a weak verb of rejecting or asking whose object is a
			 * speech act's noun is firm: "dismissed the criticism") */
			e->weak = (tr->kt->flags & LW_TRF_WEAK) != 0 &&
				  !answers_speech(c, tr->kt, tr->end, s1);
			/* "protesters blocked the road", "a mob stormed ...": a
			 * protest word with its crowd named is firm */
			if (e->weak && type == 11 && e->out.source.present &&
			    civilian_sector(e->out.source.code.sector))
				e->weak = 0;
			e->mutual = mutual(c, tr, s0);
			e->claim = is_claim(tr->kt) || claimed_by_teller(x, s0, tr->first);
			e->gunfire = mode_is(c->kb, tr->kt, "firearms");
		} else {
			/* "40 people were injured when supporters clashed with
			 * police": the sides of the clash are the event's, the
			 * hurt its toll, not its target */
			/* (asked once: mutual reads only the trigger's words) */
			int mut = mutual(c, tr, s0);
			if (!e->mutual && !(tr->kt->flags & LW_TRF_NOUN) && tr->first > e->tend &&
			    subclause_between(x, e->tend, tr->first) && mut &&
			    e->out.target.present && code_is(e->out.target.code.sector, "CVL") &&
			    e->out.target.span.end <= t->tok[e->tfirst].start) {
				e->out.target.present = 0;
				actors(c, e, tr, s0, s1);
			}
			if (mut)
				e->mutual = 1;
			e->gunfire |= mode_is(c->kb, tr->kt, "firearms");
			e->claim |= is_claim(tr->kt);
			if (!anaphoric(x, tr, s0))
				e->anaphoric = 0;
			if (!(tr->kt->flags & LW_TRF_WEAK))
				e->weak = 0;
			int r = mode_rank(c->kb, tr->kt);
			if (e->mode_rank < 0)
				e->mode_rank = mode_rank(c->kb, e->kt);
			/* "The farmhouse was searched and two suspects were
			 * detained": the arrest tells the manner, not the weak
			 * search before it */
			if (r > e->mode_rank ||
			    (e->kt && (e->kt->flags & LW_TRF_WEAK) && mode_is(c->kb, e->kt, "seize") &&
			     mode_is(c->kb, tr->kt, "arrest"))) {
				e->mode_rank = r;
				e->kt = tr->kt;
				e->tfirst = tr->first;
				e->tend = tr->end;
			}
			if (!e->out.source.present || !e->out.target.present)
				actors(c, e, tr, s0, s1);
		}
	}
	/* counts go to the events their roles belong to */
	int summary = nc > 0 && rollup(x, s0, s1);
	for (size_t i = 0; i < nc; i++) {
		const struct count *ct = &counts[i];
		if (summary && vague_count(x, ct))
			continue;
		/* "... the force returned fire, killing him": the one told
		 * before, counted already when anyone was; but not when the
		 * sentence brings in someone else for "him" ("an armed guard
		 * fired at a patrol, and soldiers returned fire, killing him") */
		if (ct->pronoun && counted_before(c, first_ev, ct->role) &&
		    !someone_new(c, s0, ct->first))
			continue;
		int type = is_violent_role(ct->role) ? 15 /* ASSAULT */ : 14 /* COERCE */;
		struct ev *e = by_type_get(&byt, type);
		/* "torched a post after a shopkeeper was killed": the count of
		 * a clause's own event, told after the first's */
		for (size_t q = first_ev; e && q < c->nev; q++) {
			struct ev *o = &c->ev[q];
			if (o != e && o->type == type && o->distinct && !o->out.background &&
			    o->tfirst > e->tend && ct->first > e->tend && ct->first + 6 >= o->tfirst &&
			    ct->first <= o->tend + 4) {
				e = o;
				break;
			}
		}
		struct ev *tl = by_type_get(&tallied, type);
		if (tl && ct->first >= tl->tfirst) {
			add_count(tl, ct, t);
			continue;
		}
		if (!e && ct->role == ROLE_ARRESTED && by_type_get(&byt, 15))
			e = by_type_get(&byt, 15);
		/* "As troops prepared an offensive, five soldiers were
		 * killed": the deaths happened though the offensive is an
		 * aim; an event of their own, which later counts join (a
		 * count with a number, the subject of "were", "was" or a past
		 * verb of harm that is not the event's word, not the object
		 * of the aim: "plans to kill 20 soldiers", "two men were
		 * allegedly detained") */
		int64_t cv;
		int cap;
		if (e && e->out.speculative && (e->tfirst < ct->first || e->tfirst > ct->end + 2) &&
		    count_at(x, ct->first, s1, &cv, &cap) && /* a number: not "Romney was" */
		    !speculative(x, s0, ct->first, 0) && told_done(x, ct->end, s1))
			e = NULL;
		if (!e) {
			e = new_event(c);
			if (!e)
				return events_full(c, si);
			by_type_put(&byt, type, e);
			e->type = type;
			e->kt = NULL;
			e->tfirst = ct->first;
			e->tend = ct->end;
			e->sent = (uint32_t)si;
			/* "The civil war cost some 80,000 lives over three
			 * decades": a war's tally; so is a count "since" a day
			 * or one a watcher keeps */
			e->out.background = over_years(x, s0) || count_tally(x, s0, s1, ct->first, ct->end);
		}
		add_count(e, ct, t);
		e->anaphoric = 0;
		e->weak = 0;
		if (ct->definite)
			e->definite_counts = 1;
		if (ct->additive)
			e->additive[ct->role] = 1;
		/* the counted victims are the target ("60 people", "two soldiers");
		 * in a clash with them named the other side ("in an exchange of
		 * fire with police, three militants were killed"), that side is
		 * the source */
		if ((!e->out.target.present || e->other_side || e->struck) && is_violent_role(ct->role)) {
			const struct lw_aref *r = aref_in(c, ct->first, ct->end);
			/* (or a name the count's words cut short: "two members
			 * of the Sinjar Resistance Units" read to "Resistance") */
			if (!r) {
				const struct lw_aref *o = aref_after(c, ct->first, ct->end);
				if (o && o->first_tok < ct->end && o->end_tok <= ct->end + 3)
					r = o;
			}
			/* "the police station attack killed two constables": the
			 * dead rather than the place struck */
			if (r && e->struck)
				e->out.target.present = 0;
			e->struck = 0;
			if (r && e->out.target.present && r->start != e->out.target.span.start &&
			    (!e->out.source.present || e->out.source.span.start == r->start)) {
				/* "two militants died in an encounter with police":
				 * the dead are no source */
				e->out.source = e->out.target;
				e->out.target.present = 0;
			}
			if (r && !e->out.target.present) {
				set_actor(c, &e->out.target, r);
				e->people_target = 1; /* counted: people */
			}
			e->other_side = 0;
		}
		if (ct->value == 0)
			e->out.negated = 1;
	}
	/* "Inspector Varden ... was gunned down", "militants shot dead a film
	 * actress": a verb of killing (in lower case: not the name "Lynch";
	 * not a noun: "the assassination of X might ...") whose victim is one
	 * person counts one dead where no count was told */
	/* (not after a toll of two or more told before: "Six militants were
	 * killed ... An important commander, Malangi, was killed" is one of
	 * them) */
	int toll_before = 0;
	for (size_t i = 0; i < first_ev && !toll_before; i++)
		toll_before = c->ev[i].type == 15 && c->ev[i].have_count[ROLE_DEAD] &&
			      c->ev[i].count[ROLE_DEAD] >= 2 && !c->ev[i].distinct;
	for (size_t i = first_ev; i < c->nev && !toll_before; i++) {
		struct ev *e = &c->ev[i];
		size_t one;
		/* (the verb may have given the event its victim under a noun
		 * of the same deed: "was killed during an encounter") */
		int verb = e->kt && (e->kt->flags & LW_TRF_DEAD) &&
			   (!(e->kt->flags & LW_TRF_NOUN) || body_trigger(t, e->tfirst, e->tend) == 1) &&
			   (t->tok[e->tfirst].flags & LW_TF_LOWER);
		if (e->type == 15 && !e->have_count[ROLE_DEAD] && e->kt &&
		    (verb || ((e->kt->flags & LW_TRF_NOUN) && dead_verb_in(c))) &&
		    e->out.target.present && !e->out.negated && !e->out.speculative &&
		    (one = one_victim_named(c, s0, s1, &e->out.target)) != 0) {
			e->have_count[ROLE_DEAD] = 1;
			e->count[ROLE_DEAD] = 1;
			e->approx[ROLE_DEAD] = 0;
			if (w(x, one - 1, W_THE))
				e->definite_counts = 1;
			/* the words from "a" where the one is of the target's
			 * body ("A local commander of the BLA") */
			e->count_span[ROLE_DEAD].start = e->out.target.span.start;
			for (size_t j = one - 1; j < s1 && t->tok[j].start < e->out.target.span.start; j++)
				if (w(x, j, W_OF))
					e->count_span[ROLE_DEAD].start = t->tok[one - 1].start;
			e->count_span[ROLE_DEAD].end = e->out.target.span.end;
		}
	}
	/* a crowd's demand with no protest word is its protest
	 * (crowd_demand), the first one the sentence's */
	struct ev *held = by_type_get(&byt, 11);
	for (size_t i = first_ev; i < c->nev && !by_type_get(&byt, 11); i++)
		if (crowd_demand(t, &c->ev[i])) {
			c->ev[i].type = 11;
			/* "turned out to call for ...": the crowd that went to
			 * demand protested (as "gathered to protest") */
			c->ev[i].out.speculative = speculative(x, s0, c->ev[i].tfirst, 1);
			held = held ? held : &c->ev[i];
		}
	/* a protest's demands and grievances are the protest, not events of
	 * their own ("farmers protested, demanding ..."); not a protest
	 * alleged ("accused foreign services of financing the protests":
	 * the accusation stays) */
	if (held && !(held->out.speculative && alleged(x, s0, held->tfirst))) {
		const lw_event_actor protesters = held->out.source; /* the array moves */
		size_t keep = first_ev;
		for (size_t i = first_ev; i < c->nev; i++) {
			struct ev *e = &c->ev[i];
			if ((e->type == 7 || e->type == 8 || e->type == 9) &&
			    (!e->out.source.present || same_actor_code(&e->out.source, &protesters)))
				continue;
			keep_event(c, &keep, &c->ev[i]);
		}
		c->nev = keep;
		protest_context(c, first_ev, s0);
	}
	/* "a suicide bombing at a political rally": the rally is where the
	 * attack struck, not a protest the attackers held */
	{
		const struct ev *protest = NULL;
		int assault = 0;
		for (size_t i = first_ev; i < c->nev; i++) {
			const lw_event_actor *src = &c->ev[i].out.source;
			if (c->ev[i].type == 11)
				protest = &c->ev[i];
			/* but police firing on a rally met a protest */
			assault |= c->ev[i].type == 15 &&
				   !(src->present && (code_is(src->code.sector, "COP") ||
						      code_is(src->code.sector, "MIL") ||
						      code_is(src->code.sector, "GOV")));
		}
		size_t k = protest ? protest->tfirst : 0;
		if (protest && assault && protest->kt && (protest->kt->flags & LW_TRF_NOUN)) {
			/* "at a rally", "on the political rally" */
			size_t d = k > s0 && (w(x, k - 1, W_A) || w(x, k - 1, W_THE)) ? k - 1
				   : k > s0 + 1 && (w(x, k - 2, W_A) || w(x, k - 2, W_THE)) ? k - 2
											 : s0;
			if (d > s0 && (w(x, d - 1, W_AT) || w(x, d - 1, W_ON) ||
				       w(x, d - 1, W_TARGETING) || w(x, d - 1, W_NEAR))) {
				size_t keep = first_ev;
				for (size_t i = first_ev; i < c->nev; i++)
					if (c->ev[i].type != 11)
						c->ev[keep++] = c->ev[i];
				c->nev = keep;
			}
		}
	}
	/* "A teenager was lynched by a mob", "a mob set the station on fire":
	 * a crowd's word that names another deed's doer is that deed's, no
	 * protest of its own */
	{
		size_t keep = first_ev;
		for (size_t i = first_ev; i < c->nev; i++) {
			const struct ev *e = &c->ev[i];
			int doer = 0;
			if (e->type == 11 && e->kt && (e->kt->flags & LW_TRF_WEAK) &&
			    (e->kt->flags & LW_TRF_NOUN))
				for (size_t j = first_ev; j < c->nev && !doer; j++) {
					const lw_event_actor *src = &c->ev[j].out.source;
					doer = j != i && c->ev[j].type == 15 && src->present &&
					       src->span.start <= t->tok[e->tfirst].start &&
					       src->span.end >= t->tok[e->tend - 1].end;
				}
			if (!doer)
				keep_event(c, &keep, e);
		}
		c->nev = keep;
	}
	/* "detained two insurgents while searching for a Taliban leader": the
	 * operation was after the group; its fighters are the target */
	const uint8_t *evf = x->evf;
	if (separate(x, s0, s1))
		c->sought = NULL; /* "In a separate operation, ..." */
	int told = 0;
	for (size_t k = s0; k + 1 < s1; k++) {
		if (!((evf[k] | evf[k + 1]) & LW_EVF_SEEK)) {
			/* none of the forms below starts here (most tokens): on to
			 * the token before the next word of the class */
			size_t j = lw_flag_next(evf, k + 2, s1, LW_EVF_SEEK);
			if (j >= s1)
				break;
			k = j - 1;
		}
		size_t from = 0;
		if ((w(x, k, W_SEARCHING) || w(x, k, W_SEARCH) || w(x, k, W_HUNT) ||
		     w(x, k, W_LOOKING)) && w(x, k + 1, W_FOR))
			from = k + 2;
		else if (w(x, k, W_PURSUING)) /* "while pursuing a Taliban commander" */
			from = k + 1;
		else if (w(x, k, W_IN) && k + 2 < s1 && (w(x, k + 1, W_SEARCH) || w(x, k + 1, W_PURSUIT)) &&
			 w(x, k + 2, W_OF))
			from = k + 3;
		else if (w(x, k, W_TARGETING) ||
			 (w(x, k, W_TO) && (w(x, k + 1, W_ARREST) || w(x, k + 1, W_CAPTURE))))
			from = w(x, k, W_TO) ? k + 2 : k + 1;
		if (!from)
			continue;
		const struct lw_aref *g = aref_after(c, from, from + 4);
		if (!g || g->ent < 0 || !code_is(g->sector, "REB"))
			continue;
		for (size_t i = first_ev; i < c->nev; i++)
			seek_target(c, &c->ev[i], g, 1);
		/* "... troops detained several suspects during a night raid.
		 * The troops mounted the operation to capture a Haqqani
		 * leader": the operation told before */
		for (size_t i = 0; i < c->ntrigs && first_ev > 0; i++)
			if (anaphoric(x, &c->trigs[i], s0))
				for (size_t j = first_ev; j-- > 0 && !c->ev[j].distinct;)
					seek_target(c, &c->ev[j], g, 0);
		c->sought = g;
		c->sought_para = se->paragraph;
		told = 1;
		break;
	}
	/* "conducted a search operation and killed two militants": a raid
	 * that kills is the fight it led to; so is one in which people
	 * were taken ("abducted 40 villagers in a night raid") */
	{
		struct ev *fight = NULL;
		int hurt = 0;
		for (size_t i = first_ev; i < c->nev && !fight; i++) {
			hurt = c->ev[i].have_count[ROLE_DEAD] || c->ev[i].have_count[ROLE_INJURED];
			if (c->ev[i].type == 15 && (hurt || mode_is(c->kb, c->ev[i].kt, "abduct")))
				fight = &c->ev[i];
		}
		if (fight) {
			size_t keep = first_ev;
			for (size_t i = first_ev; i < c->nev; i++) {
				struct ev *e = &c->ev[i];
				/* (a search, a raid or a riot's wrecking; not
				 * looting, nor ground taken: "killed scores and
				 * looted hundreds of homes") */
				static const char *const loot[] = {"looted", "loot", "looting", "plundered",
								   "pillaged", "loots"};
				/* (an abduction's: a raid told by its noun, not
				 * land "seized" beside "abductions") */
				if (e->type == 14 && mode_is(c->kb, e->kt, "seize") &&
				    !e->have_count[ROLE_ARRESTED] && e->kt &&
				    (hurt || (e->kt->flags & LW_TRF_NOUN)) &&
				    strncmp(e->kt->cameo, "192", 3) != 0 &&
				    !lw_tok_in(t, e->tfirst, loot, sizeof loot / sizeof *loot)) {
					if (!fight->out.source.present && e->out.source.present &&
					    !same_span_actor(&e->out.source, &fight->out.target))
						fight->out.source = e->out.source;
					continue;
				}
				if (e == fight)
					fight = &c->ev[keep];
				keep_event(c, &keep, e);
			}
			c->nev = keep;
		}
	}
	/* "captured a commander during an overnight operation": a weak
	 * trigger beside a firm one is the firm event's setting */
	if (c->nev - first_ev > 1) {
		struct ev *firm = NULL;
		for (size_t i = first_ev; i < c->nev && !firm; i++)
			if (!c->ev[i].weak)
				firm = &c->ev[i];
		size_t keep = first_ev;
		for (size_t i = first_ev; i < c->nev; i++) {
			struct ev *e = &c->ev[i];
			if (firm && e->weak && !answered_by(c, e, firm)) {
				/* a return, a withdrawal, a release is no
				 * setting of another kind of deed: "Villagers
				 * were returning from the market when a bomb
				 * exploded" names no bomber */
				if (e->type != firm->type && e->type == 6 /* RETREAT */)
					continue;
				/* nor is a deed told by its verb, with its doer,
				 * the setting of words said after it: "the military
				 * struck militants in Gaza and accused the group of
				 * ..." (but "condemned the strike": the noun is
				 * what is condemned) */
				if ((e->type == 15 || e->type == 14) && firm->type < 11 && e->kt &&
				    !(e->kt->flags & LW_TRF_NOUN) && e->out.source.present &&
				    e->tfirst < firm->tfirst) {
					keep_event(c, &keep, e);
					continue;
				}
				/* nor are people who fled ("dozens more were
				 * wounded and hundreds of families fled") the
				 * deed's doers */
				if (e->type != firm->type && e->type == 12 /* SANCTION */ && e->kt &&
				    mode_is(c->kb, e->kt, "expel"))
					continue;
				/* nor is "in support of X" the side struck: "In
				 * support of Iraqi forces, coalition aircraft
				 * conducted a strike" */
				if (e->type != firm->type && e->type == 2 /* SUPPORT */ &&
				    e->tfirst > 0 && lw_tok_is(c->t, e->tfirst, "support") &&
				    lw_tok_is(c->t, e->tfirst - 1, "in") && lw_tok_is(c->t, e->tfirst + 1, "of"))
					continue;
				/* its actors fill the firm event's gaps ("an operation
				 * targeting a Taliban leader") */
				/* a named target beats a generic one: "detained four
				 * insurgents during an operation targeting a Taliban
				 * leader" */
				int named = e->out.target.entity >= 0 && firm->out.target.entity < 0 &&
					    !firm->out.target.code.country[0];
				if ((!firm->out.target.present || named) && e->out.target.present &&
				    !same_span_actor(&e->out.target, &firm->out.source))
					firm->out.target = e->out.target;
				/* but who did the deed a protest is about does not
				 * protest: "held rallies, condemning atrocities
				 * committed by Israeli forces" */
				if (!firm->out.source.present && e->out.source.present &&
				    !same_span_actor(&e->out.source, &firm->out.target) &&
				    !(firm->type == 11 && e->type != 11))
					firm->out.source = e->out.source;
				continue;
			}
			keep_event(c, &keep, e);
		}
		c->nev = keep;
	}
	/* "an operation to arrest a Taliban commander ... Numerous suspects
	 * were held during the operation": the
	 * paragraph's operation, until another is told (after the merges above:
	 * the fighters the event names are still its target there) */
	if (!told && c->sought && c->sought_para == se->paragraph)
		for (size_t i = first_ev; i < c->nev; i++)
			if (!c->ev[i].out.background)
				seek_target(c, &c->ev[i], c->sought, 0);
	/* "after visiting the scene", "visited the hospital": a visit is a
	 * meeting (CONSULT) only with someone or somewhere that can host it,
	 * an actor or a named place */
	{
		size_t keep = first_ev;
		for (size_t i = first_ev; i < c->nev; i++) {
			struct ev *e = &c->ev[i];
			if (e->type == 1 && mode_is(c->kb, e->kt, "visit") &&
			    !e->out.target.present && !place_after(x, e->tend, s1) &&
			    scene_after(c->t, e->tend, s1))
				continue;
			keep_event(c, &keep, e);
		}
		c->nev = keep;
	}
	/* "how he was killed", "shot her dead": the one a pronoun points to
	 * was told before, and counts no one more; so is "its commander" */
	for (size_t i = first_ev; i < c->nev; i++) {
		struct ev *e = &c->ev[i];
		const lw_event_actor *g = &e->out.target;
		int one = (e->have_count[ROLE_DEAD] && e->count[ROLE_DEAD] == 1) ||
			  (e->have_count[ROLE_INJURED] && e->count[ROLE_INJURED] == 1) ||
			  (e->have_count[ROLE_ARRESTED] && e->count[ROLE_ARRESTED] == 1);
		if (g->present && one && !e->definite_counts) {
			/* the target's first token, by a binary search of the
			 * sentence's (a long sentence has many events) */
			size_t k = tok_ending_after(t, s0, s1, g->span.start);
			/* (or "its commander", "his brother": one of someone
			 * told before) */
			if (k < s1 && t->tok[k].start == g->span.start &&
			    (w(x, k, W_HE) || w(x, k, W_SHE) || w(x, k, W_HIM) || w(x, k, W_HER) ||
			     (k > s0 && (w(x, k - 1, W_ITS) || w(x, k - 1, W_HIS) || w(x, k - 1, W_HER) ||
					 w(x, k - 1, W_THEIR)))))
				e->definite_counts = 1;
		}
	}
	/* place, date, mappings */
	int32_t pl = place_in(c, s0, s1);
	if (pl < 0)
		carry_place(c, si);
	c->quiet_place = si + 1;
	/* "In a separate incident, ...": not where the last event was; where
	 * the story was filed, if the dateline says */
	int apart = pl < 0 && separate(x, s0, s1) && !w(x, s0, W_MEANWHILE);
	if (apart)
		pl = dateline_place(c);
	if (pl < 0 && !apart && c->last_place >= 0 && c->last_place_para == se->paragraph)
		pl = c->last_place;
	if (pl < 0 && !apart && c->last_place >= 0 && t->dateline.found)
		pl = c->last_place;
	struct lw_date_expr dates[8];
	int wants = 0;
	size_t nd = lw_find_dates(t, x->evf, LW_EVF_DATE, x->evdw, s0, s1, c->base, c->year_hint,
				  c->anchor, &wants, dates, 8);
	for (size_t d = 0; d < nd; d++)
		wants |= dates[d].anchored;
	if (wants && c->anchor_sent < si) {
		/* counted from a day a quiet sentence may have told */
		catch_up_anchor(c, si);
		nd = lw_find_dates(t, x->evf, LW_EVF_DATE, x->evdw, s0, s1, c->base, c->year_hint,
				   c->anchor, NULL, dates, 8);
	}
	for (size_t d = 0; d < nd; d++)
		year_is_count(c, &dates[d]);
	/* the dateline's date is the release's, not the event's; so is the
	 * date of a report ("confirmed today that ...", "said Monday") when
	 * the sentence gives another */
	size_t keep = 0;
	for (size_t d = 0; d < nd; d++)
		if (!(t->dateline.found && t->tok[dates[d].first].start >= t->dateline.span.start &&
		      t->tok[dates[d].end - 1].end <= t->dateline.span.end))
			dates[keep++] = dates[d];
	nd = keep;
	if (nd > 1) {
		/* the report's date gives way only to a date of its own, not
		 * to one counted from it ("protested on Tuesday to condemn the
		 * killing a day earlier") */
		size_t own = 0;
		for (size_t d = 0; d < nd; d++)
			own += !dates[d].anchored;
		keep = 0;
		for (size_t d = 0; d < nd; d++) {
			int report = 0;
			/* (a cue that is an event's own word, "agreed in
			 * February 2021", dates the event, not a report; nor is
			 * an aim's verb after "to" one: "agreed in February 2021
			 * to observe a ceasefire") */
			for (size_t k = dates[d].first > s0 + 2 ? dates[d].first - 2 : s0;
			     k < dates[d].end + 2 && k < s1; k++)
				if (kind_at(x, k, LW_SENSE_CUE) && !kind_at(x, k, LW_SENSE_TRIGGER) &&
				    (k < dates[d].first || (k >= dates[d].end && !w(x, k - 1, W_TO))))
					report = 1;
			if (!report || keep + (nd - d - 1) == 0 || (!dates[d].anchored && own < 2))
				dates[keep++] = dates[d];
		}
		nd = keep;
	}
	if (nd == 0 && first_ev < c->nev) {
		/* the events take the paragraph's date */
		carry_date(c, si);
		c->quiet_date = si + 1;
	}
	/* the date the story goes on from: the first news event's, not a
	 * record's told after it ("protested on Saturday against a killing
	 * last week. Police fired tear gas ...") */
	size_t story_d = SIZE_MAX;
	/* "In Nairobi, protesters set fire to a police post, while in
	 * Eldoret a crowd attacked an office": each clause its place (the
	 * sentence's clause of contrast, found once, not for each event) */
	size_t ev_lo = s1, ev_hi = s0;
	for (size_t i = first_ev; i < c->nev; i++) {
		ev_lo = c->ev[i].tfirst < ev_lo ? c->ev[i].tfirst : ev_lo;
		ev_hi = c->ev[i].tfirst > ev_hi ? c->ev[i].tfirst : ev_hi;
	}
	size_t wh = first_ev < c->nev && pl >= 0 ? contrast_clause(x, s0, s1, ev_lo, ev_hi) : s1;
	for (size_t i = first_ev; i < c->nev; i++) {
		struct ev *e = &c->ev[i];
		lw_event *o = &e->out;
		int32_t epl = pl;
		if (wh < s1 && pl >= 0) {
			int32_t cp = e->tfirst > wh ? place_in(c, wh, s1) : place_in(c, s0, wh);
			if (cp >= 0)
				epl = cp;
			/* (a clause with no place of its own before ", but"
			 * and one that names a place: "agreed in 2021 to a
			 * ceasefire, but violations rose after an attack in
			 * Pahalgam" is not at Pahalgam; the place told before,
			 * if any. After "while" the two clauses often tell one
			 * fight: "two were killed, while 27 were injured in the
			 * clashes in Laukkai") */
			else if (e->tfirst < wh && x->pref[pl].first_tok >= wh && lw_tok_word(t, wh, "but"))
				epl = c->last_place >= 0 && c->last_place != pl ? c->last_place : -1;
		}
		if (epl >= 0)
			set_place(c, &o->location, &x->pref[epl]);
		/* the date expression nearest the trigger, unless it is another
		 * event's or the report's (date_of_other) */
		size_t best = SIZE_MAX;
		long bestd = 0;
		for (int pass = 0; pass < 2 && best == SIZE_MAX; pass++)
			for (size_t d = 0; d < nd; d++) {
				if (pass == 0 && nd > 1 && date_of_other(x, &dates[d], e))
					continue;
				/* (a day ahead is a plan's: "protested against a
				 * law that takes effect next year") */
				if (date_in_relative(x, &dates[d], e) || date_measured(x, &dates[d], e) ||
				    agent_date(x, &dates[d], e) ||
				    deadline(c, &dates[d]) || (!o->speculative && ahead_of_doc(c, &dates[d])))
					continue;
				long dist = labs((long)dates[d].first - (long)e->tfirst);
				if (best == SIZE_MAX || dist < bestd) {
					best = d;
					bestd = dist;
				}
			}
		if (best != SIZE_MAX) {
			/* the day a teller spoke ("killed 20 people, residents said
			 * Wednesday"): a retelling with the deed's own day gives it
			 * (can_merge, merge_into) */
			e->report_date = 0;
			for (size_t k = dates[best].first > s0 + 2 ? dates[best].first - 2 : s0;
			     k < dates[best].first; k++)
				e->report_date |= kind_at(x, k, LW_SENSE_CUE) && (t->tok[k].flags & LW_TF_LOWER);
			o->date.present = 1;
			o->date.date = dates[best].date;
			o->date.span.start = t->tok[dates[best].first].start;
			o->date.span.end = t->tok[dates[best].end - 1].end;
			/* a year or more before the document: context, not news;
			 * so is a month two or more before its month ("since
			 * January, when jihadists killed 40 farmers" in September) */
			const lw_date *dd = &o->date.date;
			if ((e->type == 15 || e->type == 14) && old_date(c, dd) &&
			    (dd->year < c->docdate.year ||
			     (!date_of_other(x, &dates[best], e) && !trigger_between(x, e, &dates[best]))))
				o->background = 1;
			if (story_d == SIZE_MAX && !o->background)
				story_d = best;
		} else if (c->have_last_date && c->last_date_para == se->paragraph &&
			   !(separate(x, se->first_token, se->end_token) && !w(x, se->first_token, W_MEANWHILE))) {
			/* the story goes on: the paragraph's date ("Yesterday, ... The
			 * force then detained ..."), but not into "In a separate
			 * incident, ..." */
			o->date.present = 1;
			o->date.date = c->last_date.date;
			o->date.span.start = t->tok[c->last_date.first].start;
			o->date.span.end = t->tok[c->last_date.end - 1].end;
		} else if (c->docdate.year) {
			o->date.present = 1;
			o->date.date = c->docdate;
			o->date.span.start = o->date.span.end = 0; /* no words: the document date */
		}
		dead_sides(c, e);
		arrest_by_state(c, e, first_ev);
		/* one mention is never both sides ("a car bomb ..., killing
		 * dozens of people": the people died; nobody says who bombed):
		 * what stands after the trigger is its target, before it its
		 * source */
		if (same_span_actor(&o->source, &o->target)) {
			lw_event_actor *drop = o->target.span.start >= t->tok[e->tfirst].start
						       ? &o->source
						       : &o->target;
			memset(drop, 0, sizeof *drop);
			drop->entity = -1;
		}
		o->type = lw_plover_types[e->type];
		if (e->kt && e->kt->mode_len) {
			/* mode strings live in the knowledge base, NUL-terminated */
			o->mode = lw_kb_str(c->kb, e->kt->mode_off);
		}
		if (!e->kt && e->type == 14)
			o->mode = NULL;
		o->cameo = e->kt && e->kt->cameo[0] ? e->kt->cameo : NULL;
		o->trigger.start = t->tok[e->tfirst].start;
		o->trigger.end = t->tok[e->tend - 1].end;
		o->sentence.start = se->start;
		o->sentence.end = se->end;
		lw_count *cs[ROLE_N] = {&o->dead, &o->injured, &o->arrested};
		for (int r = 0; r < ROLE_N; r++) {
			if (!e->have_count[r])
				continue;
			cs[r]->present = 1;
			cs[r]->value = e->count[r];
			cs[r]->approx = e->approx[r];
			cs[r]->span = e->count_span[r];
		}
		if (e->type == 11 && e->kt && e->kt->type == 7) {
			/* a crowd's demand (crowd_demand) */
			o->mode = "demo";
			o->cameo = "141";
		}
		protest_blockade(t, e);
		/* "the Jan Sangharsh Manch staged a sit-in": a body no
		 * dictionary codes that holds a protest acts in it as its
		 * protesters (OPP); its entity stays uncoded */
		if (e->type == 11 && o->source.present && unknown_org(c, &o->source))
			memcpy(o->source.code.sector, "OPP", 4);
		acled(c, e);
		o->confidence = e->kt ? (e->kt->flags & LW_TRF_WEAK ? 0.5f : 0.8f) : 0.6f;
		if (o->source.present && o->target.present)
			o->confidence += 0.1f;
	}
	/* a place of a record ("He is also suspected in plotting bombings in
	 * Kabul") is no place the story goes on in, unless it has no other */
	int record = first_ev < c->nev;
	for (size_t i = first_ev; i < c->nev && record; i++)
		record = c->ev[i].out.background;
	if (pl >= 0 && (!record || c->last_place < 0)) {
		c->last_place = pl;
		c->last_place_para = se->paragraph;
	}
	if (nd) {
		c->quiet_date = si + 1;
		c->anchor_sent = si + 1; /* the quiet ones before it are told over */
	}
	/* the date the story goes on with: not one in a relative clause
	 * ("The junta, which seized power in a coup in September 2022, has
	 * vowed ..."), which tells of the phrase before it, nor one after
	 * "since", where a state began, nor a deadline */
	size_t ld = story_d;
	for (size_t d = nd; ld == SIZE_MAX && d-- > 0;) {
		size_t open, close;
		if (!relative_around(x, &dates[d], &open, &close) && !since_date(x, &dates[d]) &&
		    !ahead_of_doc(c, &dates[d]))
			ld = d;
	}
	if (ld != SIZE_MAX) {
		c->have_last_date = 1;
		c->last_date = dates[ld];
		c->last_date_para = se->paragraph;
		c->anchor = lw_date_anchor(&dates[ld].date);
	}
	/* with no date of its own the sentence leaves quiet_date: it gives
	 * carry_date nothing (its first dates are the dateline's) */
	return LW_OK;
}

static int same_actor(const lw_event_actor *a, const lw_event_actor *b)
{
	if (!a->present || !b->present)
		return 1;
	if (a->entity >= 0 || b->entity >= 0)
		return a->entity == b->entity;
	/* "the security force" after "Afghan and coalition security forces":
	 * a role of no country is the one of its sector told before */
	return (!a->code.country[0] || !b->code.country[0] ||
		strcmp(a->code.country, b->code.country) == 0) &&
	       strcmp(a->code.sector, b->code.sector) == 0;
}

static int flags_of(const struct ev *e)
{
	return e->out.negated | e->out.speculative << 1 | e->out.background << 2;
}

/* An event told again later ("During the operation ...", "the two
 * insurgents were ...", the same count of the same kind) is the event
 * told first: one event, its counts not added twice. A count the text
 * adds ("also detained two") stays. */
static int str_eq(const lw_str *a, const lw_str *b)
{
	return a->len && a->len == b->len && memcmp(a->ptr, b->ptr, a->len) == 0;
}

static int same_place(const lw_event_place *a, const lw_event_place *b)
{
	if (!a->present || !b->present)
		return 1;
	if (strcmp(a->place.country, b->place.country) != 0)
		return 0;
	const lw_str *x = &a->place.admin1, *y = &b->place.admin1;
	if (x->len && y->len && !(x->len == y->len && memcmp(x->ptr, y->ptr, x->len) == 0))
		return 0;
	/* two towns or districts of one province: Quetta is not Zhob, but a
	 * town is in its district */
	if (a->place.kind >= LW_PK_ADMIN2 && b->place.kind >= LW_PK_ADMIN2 &&
	    !str_eq(&a->name, &b->name) && !str_eq(&a->place.admin2, &b->name) &&
	    !str_eq(&b->place.admin2, &a->name))
		return 0;
	return 1;
}

/* Is the event's place named in its own sentence (not carried from the
 * text before)? */
static int place_told(const struct ev *e)
{
	const lw_event_place *p = &e->out.location;
	return p->present && p->span.end > 0 && p->span.start >= e->out.sentence.start &&
	       p->span.end <= e->out.sentence.end;
}

/* One country and, where both name one, one province. */
static int same_province(const lw_event_place *a, const lw_event_place *b)
{
	if (!a->present || !b->present)
		return 1;
	const lw_str *x = &a->place.admin1, *y = &b->place.admin1;
	return strcmp(a->place.country, b->place.country) == 0 &&
	       (!x->len || !y->len || (x->len == y->len && memcmp(x->ptr, y->ptr, x->len) == 0));
}

/* Dates the words give (not the document's) that cannot be one day:
 * "in March" and "on Aug. 3", "on Monday" and "on Tuesday". */
/* The season of a date (1 spring .. 4 winter, as lw_date's season):
 * its own, or its month's (March to May is spring); 0 if unknown. */
static int season_of(const lw_date *d)
{
	if (d->precision == LW_PREC_SEASON)
		return d->season;
	if ((d->precision == LW_PREC_MONTH || d->precision == LW_PREC_DAY) && d->month)
		return lw_month_season(d->month);
	return 0;
}

/* Is e's own day, a day to three before f's report date ("killed 20,
 * residents said Wednesday ... bombed the village on Tuesday"), the day
 * of f's deed? */
static int told_before_report(const struct ev *f, const struct ev *e)
{
	/* (or before the document's date, where f has no day of its own) */
	if (!(f->report_date || f->out.date.span.end == 0) || e->report_date ||
	    !e->out.date.present || !f->out.date.present ||
	    e->out.date.span.end == 0 || e->out.date.date.precision != LW_PREC_DAY ||
	    f->out.date.date.precision != LW_PREC_DAY)
		return 0;
	int32_t d = lw_date_anchor(&f->out.date.date) - lw_date_anchor(&e->out.date.date);
	return d >= 0 && d <= 3;
}

static int same_date(const lw_event_date *a, const lw_event_date *b)
{
	if (!a->present || !b->present || a->span.end == 0 || b->span.end == 0)
		return 1;
	if (a->date.year && b->date.year && a->date.year != b->date.year)
		return 0;
	int pa = a->date.precision, pb = b->date.precision;
	int months = (pa == LW_PREC_DAY || pa == LW_PREC_MONTH) && (pb == LW_PREC_DAY || pb == LW_PREC_MONTH);
	if (months && a->date.month && b->date.month && a->date.month != b->date.month)
		return 0;
	if (pa == LW_PREC_DAY && pb == LW_PREC_DAY)
		return a->date.day == b->date.day;
	/* "this week" and "last week" (day holds the ISO week) */
	if (pa == LW_PREC_WEEK && pb == LW_PREC_WEEK)
		return a->date.day == b->date.day;
	/* "this spring" is not July */
	int sa = season_of(&a->date), sb = season_of(&b->date);
	if ((pa == LW_PREC_SEASON || pb == LW_PREC_SEASON) && sa && sb && sa != sb)
		return 0;
	return 1;
}

/* Both events give counts, and every count they share is equal. */
static int same_counts(const struct ev *e, const struct ev *f)
{
	int shared = 0;
	for (int r = 0; r < ROLE_N; r++) {
		if (!e->have_count[r] || !f->have_count[r])
			continue;
		if (e->count[r] != f->count[r] || e->additive[r])
			return 0;
		shared = 1;
	}
	return shared;
}

/* Both events count one role, one of them vaguely ("several", "about"). */
static int vague_counts(const struct ev *e, const struct ev *f)
{
	for (int r = 0; r < ROLE_N; r++)
		if (e->have_count[r] && f->have_count[r] && !e->additive[r] &&
		    (e->approx[r] || f->approx[r]))
			return 1;
	return 0;
}

/* Can e be the event f told again? */
static int can_merge(const struct ev *e, const struct ev *f)
{
	if (f->type != e->type || flags_of(f) != flags_of(e))
		return 0;
	/* protests are many and short: one told again names its people */
	if (e->type == 11 && !(e->out.source.present && f->out.source.present))
		return 0;
	/* "detained two insurgents ... Afghan forces received
	 * intelligence on two insurgents and detained them": the
	 * same counts retold by another name for the force */
	/* "A suicide bomber ... The attacker detonated his vest": one
	 * attacker told again, with no count of its own */
	int retold_by = e->src_definite && !e->have_count[ROLE_DEAD] && !e->have_count[ROLE_INJURED] &&
			!e->have_count[ROLE_ARRESTED];
	/* "... killed in an encounter with security forces. The gunfight
	 * broke out when a team of the Central Reserve Police Force ...": a
	 * deed told again by "the", with no count, by a force of the same
	 * code */
	if (e->retold && !e->have_count[ROLE_DEAD] && !e->have_count[ROLE_INJURED] &&
	    !e->have_count[ROLE_ARRESTED] && f->out.source.present && e->out.source.present &&
	    f->out.source.code.country[0] && f->out.source.code.sector[0] &&
	    memcmp(f->out.source.code.country, e->out.source.code.country, 4) == 0 &&
	    memcmp(f->out.source.code.sector, e->out.source.code.sector, 4) == 0)
		retold_by = 1;
	/* (not the same counts by forces of two countries: "Indian shelling
	 * had killed three" after three killed by Pakistani fire) */
	int two_states = f->out.source.present && e->out.source.present &&
			 f->out.source.code.country[0] && e->out.source.code.country[0] &&
			 strcmp(f->out.source.code.country, e->out.source.code.country) != 0;
	if (!same_actor(&f->out.source, &e->out.source) && !retold_by &&
	    !(same_counts(e, f) && e->out.source.entity < 0 && !two_states) &&
	    /* a clash's sides are a pair: "militants were killed in a
	     * clash with security forces ... Militants opened fire at the
	     * forces" */
	    !(f->mutual && f->out.target.present && e->out.source.present &&
	      same_actor(&f->out.target, &e->out.source) &&
	      same_actor(&f->out.source, &e->out.target)) &&
	    !(vague_counts(e, f) && e->out.source.entity < 0 && f->out.source.entity < 0))
		return 0;
	/* a suicide attack is one with explosives: "detonated his vest";
	 * and an attack that killed while it burned houses is no deed of
	 * destruction (lw_extract_events makes it a plain attack): "killing
	 * 52 people and burning 200 houses ... the attackers shot at
	 * residents" */
	int burned_dead = f->out.mode && !strcmp(f->out.mode, "destroy") &&
			  (f->have_count[ROLE_DEAD] || f->have_count[ROLE_INJURED]);
	if (f->out.mode && e->out.mode && strcmp(f->out.mode, e->out.mode) != 0 && !burned_dead &&
	    !(strcmp(f->out.mode, "suicide-attack") == 0 && strcmp(e->out.mode, "explosives") == 0))
		return 0;
	/* "Police identified one of the slain men": some of those told
	 * before, on no day of its own */
	/* (nor the attackers told again by "the", on no day of their own) */
	if (!same_date(&f->out.date, &e->out.date) &&
	    !((e->definite_counts || (retold_by && e->src_definite)) &&
	      e->out.date.span.start == e->out.date.span.end &&
	      f->out.date.present && e->out.date.present &&
	      lw_date_anchor(&f->out.date.date) <= lw_date_anchor(&e->out.date.date)) &&
	    !told_before_report(f, e))
		return 0;
	if (!same_place(&f->out.location, &e->out.location) &&
	    /* "captured a senior leader in Panjwai district ... tracked him
	     * south-east of the city of Kandahar ... detained the senior
	     * leader": a definite retelling whose place only a sentence
	     * before names is not told elsewhere */
	    !(e->definite_counts && !place_told(e) &&
	      same_province(&f->out.location, &e->out.location)))
		return 0;
	int conflict = 0, additive = 0;
	for (int r = 0; r < ROLE_N; r++) {
		if (!e->have_count[r])
			continue;
		/* "also detained two" after an arrest told: more of them
		 * (the two events' counts add up); "a policeman was also
		 * injured" after deaths told: the same attack's injured */
		if (e->additive[r] && f->have_count[r])
			additive = 1;
		else if (e->additive[r])
			continue;
		/* a vague count ("several", "numerous", "about 60") does not
		 * tell a different event: "detained several suspected
		 * insurgents" in the lead and "detained four suspected
		 * insurgents" after are one arrest, of four */
		else if (f->have_count[r] && f->count[r] != e->count[r] && !e->definite_counts && !e->claim &&
			 !e->approx[r] && !f->approx[r] &&
			 /* "air strikes killed a Taliban leader ... The strikes
			  * killed 15 insurgents": a retelling by "the" with
			  * the fuller count */
			 !(e->retold && e->count[r] > f->count[r]))
			conflict = 1;
	}
	if (conflict || additive)
		return 0;
	return 1;
}

/* A manner that is how a whole attack was made (an air or drone strike,
 * shelling, a suicide attack), not one part of a fight (a bomb planted,
 * a target picked out): a retelling's gives the first telling its own. */
static int whole_manner(const char *mode)
{
	return !strcmp(mode, "aerial") || !strcmp(mode, "drone") ||
	       !strcmp(mode, "heavy-weapons") || !strcmp(mode, "suicide-attack");
}

/* Fold e, a retelling, into f. */
static void merge_into(struct ev *f, const struct ev *e)
{
	/* the source carries over only from a retelling of the same
	 * counts: "who coordinates attacks" names no killer */
	int retold = 0;
	for (int r = 0; r < ROLE_N; r++)
		retold |= e->have_count[r] && f->have_count[r] && e->count[r] == f->count[r];
	/* the same event: its counts fill the first telling's gaps,
	 * and a fuller retelling ("the leader along with three of
	 * his associates") raises them */
	for (int r = 0; r < ROLE_N; r++) {
		/* but a claimant's count ("claimed the attack, saying its
		 * fighters killed 30") does not raise the one told first */
		if (e->have_count[r] && (!f->have_count[r] || (e->count[r] > f->count[r] && !e->claim))) {
			f->have_count[r] = 1;
			f->count[r] = e->count[r];
			lw_count *dst = r == ROLE_DEAD ? &f->out.dead
					: r == ROLE_INJURED ? &f->out.injured
							    : &f->out.arrested;
			const lw_count *src = r == ROLE_DEAD ? &e->out.dead
					      : r == ROLE_INJURED ? &e->out.injured
								  : &e->out.arrested;
			*dst = *src;
		}
	}
	/* never one mention as both sides: "a car bomb ..., killing dozens
	 * of people" tells who died, not who bombed */
	if (!f->out.target.present && e->out.target.present &&
	    !same_span_actor(&e->out.target, &f->out.source))
		f->out.target = e->out.target;
	/* (or from the deed told again by "the" with its agent after
	 * "by": "The bomb had been planted by unknown militants") */
	if (!f->out.source.present && e->out.source.present &&
	    !same_span_actor(&e->out.source, &f->out.target) &&
	    (retold || ((e->retold || e->anaphoric) && e->by_agent) ||
	     (e->type != 15 && e->type != 14)))
		f->out.source = e->out.source;
	/* the manner: the retelling's when the first telling, no clash,
	 * gave none ("troops killed two insurgents ... the troops called
	 * in air strikes"), and with it the ACLED type; given once
	 * every telling is merged (lw_extract_events), as the first
	 * telling's own manner decides what else is a retelling of it */
	/* the day: the retelling's own when the first telling had only the
	 * document's or its report's */
	if (told_before_report(f, e)) {
		f->out.date = e->out.date;
		f->report_date = 0;
	}
	if (!f->out.mode && e->out.mode && !f->late_mode && !f->mutual && whole_manner(e->out.mode)) {
		f->late_mode = e->out.mode;
		f->late_cameo = e->out.cameo;
	}
	/* the place: the retelling's when it is more specific (same_place
	 * let them merge): "insurgents were killed in southern Afghanistan"
	 * and then "in Sangin district" is Sangin */
	/* the most specific place; but of two that differ (a definite
	 * retelling, can_merge), not one carried from a sentence before */
	if (e->out.location.present &&
	    (!f->out.location.present ||
	     (kind_rank(e->out.location.place.kind) > kind_rank(f->out.location.place.kind) &&
	      (place_told(e) || same_place(&f->out.location, &e->out.location)))))
		f->out.location = e->out.location;
}

/* Can e, of f's type and told after it, be one part of f told in
 * detail: the same day, f's place or one within it, the same force or
 * none named, and not told as another operation? */
static int part_of(const struct ev *e, const struct ev *f)
{
	/* a part with no date of its own has the document's, not the
	 * lead's "yesterday" */
	int undated = e->out.date.span.end <= e->out.date.span.start;
	return !e->distinct && flags_of(e) == flags_of(f) &&
	       (undated || same_date(&f->out.date, &e->out.date)) &&
	       (same_place(&f->out.location, &e->out.location) || !place_told(e) ||
		same_province(&f->out.location, &e->out.location)) &&
	       (!e->out.source.present || !f->out.source.present ||
		same_actor(&f->out.source, &e->out.source) || e->out.source.entity < 0);
}

/*
 * A lead that gives a total and the sentences after it that tell its
 * parts: "troops arrested five smugglers near the border on Monday ...
 * the first patrol arrested two of them ... a second patrol arrested
 * three more" is five arrests, not ten. The kept events of f's type after it whose counts of one role
 * add up to f's, exactly, with two parts or more (one equal count is a
 * retelling, dedup's), are dropped. Returns how many were.
 */
static size_t breakdowns(struct ectx *c)
{
	size_t dropped = 0;
	for (size_t i = 0; i < c->nev; i++) {
		struct ev *f = &c->ev[i];
		if (f->dropped || f->distinct)
			continue;
		for (int r = 0; r < ROLE_N; r++) {
			if (!f->have_count[r] || f->approx[r] || f->count[r] < 2)
				continue;
			int64_t sum = 0;
			size_t parts = 0, last = i;
			/* the parts follow the lead closely: a bounded walk
			 * keeps a document of thousands of events linear */
			for (size_t j = i + 1; j < c->nev && j < i + 64 && sum < f->count[r]; j++) {
				const struct ev *e = &c->ev[j];
				/* events that count no one of the role between
				 * ("seized weapons") neither add nor end it */
				if (e->dropped || e->type != f->type || !e->have_count[r])
					continue;
				if (!part_of(e, f) || e->approx[r])
					break;
				sum += e->count[r];
				parts++;
				last = j;
			}
			if (sum != f->count[r] || parts < 2)
				continue;
			for (size_t j = i + 1; j <= last; j++) {
				struct ev *e = &c->ev[j];
				if (e->dropped || e->type != f->type || !e->have_count[r])
					continue;
				e->have_count[r] = 0; /* the lead's total stands */
				merge_into(f, e);
				e->dropped = 1;
				dropped++;
			}
			break;
		}
	}
	return dropped;
}

/* Marks the events told before (dropped) and returns how many are kept.
 * The kept ones stay where they are: a struct ev is large, and moving the
 * events after the first dropped one cost more than the output's copy of
 * the kept ones skipping the others. */
/* Is event e an attack's plural noun said of no one, nowhere, at no
 * time, with nobody counted ("Mass shootings are becoming an
 * everyday occurrence", "families who lost members to mass shootings"):
 * a kind of deed, not one that happened? A determiner, a number or a
 * name before the noun ("the attacks", "two raids", "Taliban attacks")
 * makes it some. */
static int generic_deeds(const struct ectx *c, const struct ev *e)
{
	const struct lw_text *t = c->t;
	const lw_event *o = &e->out;
	if (e->type != 15 || !e->kt || !(e->kt->flags & LW_TRF_NOUN) || o->source.present ||
	    o->target.present || o->dead.present || o->injured.present || o->arrested.present ||
	    e->sent >= t->nsent || e->tend == 0 || e->tend > t->ntok)
		return 0;
	const lw_token *last = &t->tok[e->tend - 1];
	if (!(last->flags & LW_TF_LOWER) || t->p[last->end - 1] != 's')
		return 0;
	const lw_sentence *se = &t->sent[e->sent];
	/* "as shells landed near the camp": the subject of a deed told */
	if (e->tend < se->end_token && (t->tok[e->tend].flags & LW_TF_LOWER) &&
	    listed(c, e->tend, LS_DEED_VERBS))
		return 0;
	if (e->tfirst > se->first_token) {
		size_t b = e->tfirst - 1;
		if (!(t->tok[b].flags & LW_TF_LOWER) || t->tok[b].kind != LW_TOK_WORD ||
		    w_in(c->x, b, WS_DET) || w_in(c->x, b, WS_DET_PART) ||
		    kind_at(c->x, b, LW_SENSE_NUMBER) || kind_at(c->x, b, LW_SENSE_APPROX))
			return 0;
	}
	if (o->location.present && o->location.span.start >= se->start &&
	    o->location.span.end <= se->end)
		return 0;
	/* "They also detonated crude bombs in the area": someone told before */
	for (size_t k = se->first_token; k < e->tfirst; k++)
		if (w(c->x, k, W_THEY) || w(c->x, k, W_HE) || w(c->x, k, W_SHE) || w(c->x, k, W_WE) ||
		    w(c->x, k, W_BOTH))
			return 0;
	if (o->date.present && o->date.span.end > o->date.span.start &&
	    o->date.span.start >= se->start && o->date.span.end <= se->end)
		return 0;
	return 1;
}

static size_t dedup(struct ectx *c)
{
	size_t out = 0;
	/* the kept events of each type, from the last (prev_of_type): the
	 * earlier tellings an event may be are of its type, and a walk of
	 * every kept event read a large struct ev for each to learn its
	 * type */
	int32_t last[16];
	for (size_t t = 0; t < 16; t++)
		last[t] = -1;
	for (size_t i = 0; i < c->nev; i++) {
		struct ev *e = &c->ev[i];
		/* a kind of deed, not one that happened: nothing to merge */
		if (generic_deeds(c, e)) {
			e->dropped = 1;
			continue;
		}
		/* "During the operation ..." with nothing of its own: told before;
		 * "The attack happened in Bannu district" gives the attack told
		 * before in a wider place ("in northwestern Pakistan") its own */
		if (e->anaphoric && !e->distinct && out > 0 && !e->out.source.present &&
		    !e->out.target.present && flags_of(e) == 0) {
			struct ev *f = last[e->type] >= 0 ? &c->ev[last[e->type]] : NULL;
			if (f && place_told(e) && f->out.location.present && flags_of(f) == 0 &&
			    kind_rank(e->out.location.place.kind) > kind_rank(f->out.location.place.kind) &&
			    same_place(&f->out.location, &e->out.location))
				f->out.location = e->out.location;
			e->dropped = 1;
			continue;
		}
		int counted = e->have_count[ROLE_DEAD] || e->have_count[ROLE_INJURED] ||
			      e->have_count[ROLE_ARRESTED];
		/* "The TTP claimed responsibility for the attack": the claim
		 * tells the attack told before it, whose source the claimant
		 * is, where the telling named none (a suicide bomber, gunmen,
		 * no one); counted once, as one attack */
		/* (a claim of an attack: "said it had taken control of a
		 * naval base" is a seizure of its own, no attack's doer) */
		if (e->claim && e->type == 15 && !e->distinct && !counted && flags_of(e) == 0 &&
		    e->out.source.present && e->out.source.entity >= 0 && last[15] >= 0) {
			/* the last attack by no one named, passing over the
			 * state's own deeds ("Troops returned fire and killed
			 * four of the attackers" is no attack a group claims) */
			int32_t fi = last[15];
			for (int steps = 0; fi >= 0 && steps < 8 && c->ev[fi].out.source.present &&
					    state_sector(c->ev[fi].out.source.code.sector);
			     steps++)
				fi = c->ev[fi].prev_of_type;
			/* (none but the state's: the state's own telling is of
			 * the last; an armed group's, "soldiers fired warning
			 * shots ... its fighters had destroyed a tank", is a
			 * deed of its own) */
			if (fi < 0 && state_sector(e->out.source.code.sector))
				fi = last[15];
			struct ev *f = fi >= 0 ? &c->ev[fi] : NULL;
			/* "Elsewhere, gunmen attacked a post" (no place known)
			 * is not "a bombing in Kabul" that a group claims */
			if (f && flags_of(f) == 0 && (!f->out.source.present || f->out.source.entity < 0) &&
			    same_place(&f->out.location, &e->out.location) &&
			    !(f->distinct && !f->out.location.present && e->out.location.present)) {
				f->out.source = e->out.source;
				e->dropped = 1;
				continue;
			}
		}
		/* "a leader responsible for an attack in June ... During the
		 * attack, two soldiers were killed": the attack told again is
		 * the record told before, not this story's deed */
		if (e->retold && !e->distinct && !e->out.background && last[e->type] >= 0) {
			const struct ev *f = &c->ev[last[e->type]];
			/* only a record: no event of the type told as this
			 * story's before it ("the worst attack" after the
			 * massacre told first and an older one as context is
			 * the massacre) */
			int records = 1, steps = 0;
			for (int32_t j = last[e->type]; j >= 0 && records; j = c->ev[j].prev_of_type)
				records = c->ev[j].out.background && ++steps < 64;
			if (records && !f->out.negated && !f->out.speculative &&
			    (e->out.date.span.end <= e->out.date.span.start ||
			     same_date(&f->out.date, &e->out.date)) &&
			    (same_place(&f->out.location, &e->out.location) || !place_told(e)))
				e->out.background = 1;
		}
		/* "This attack once again shows ...", "the full extent of
		 * this unprovoked attack": the attack told before, whatever
		 * actors the sentence around it names */
		if (e->retold && !e->distinct && last[e->type] >= 0 && !counted &&
		    demonstrative_before(c, e->tfirst)) {
			e->dropped = 1;
			continue;
		}
		/* the telling with the same counts first, else the nearest, of
		 * the kept events of its type (an event with no count has no
		 * same counts) */
		struct ev *into = NULL;
		for (int32_t j = last[e->type]; j >= 0 && !into && !e->distinct && counted;
		     j = c->ev[j].prev_of_type)
			if (same_counts(e, &c->ev[j]) && can_merge(e, &c->ev[j]))
				into = &c->ev[j];
		for (int32_t j = last[e->type]; j >= 0 && !into && !e->distinct;
		     j = c->ev[j].prev_of_type)
			if (can_merge(e, &c->ev[j]))
				into = &c->ev[j];
		if (into) {
			merge_into(into, e);
			e->dropped = 1;
		} else {
			e->prev_of_type = last[e->type];
			last[e->type] = (int32_t)i;
			out++;
		}
	}
	return out - breakdowns(c);
}

/*
 * The words of lw_token_words (word classes, words.h, the date words), in a
 * small hash table keyed by the hash the matcher already keeps for every
 * unit (lw_hash_unit of its folded, lower-case form): one probe per word
 * instead of a scan of every list. Built once, on first use, for the
 * whole process. About 330 words, apart from an index of two-byte slots
 * that is under a tenth full: a probe for a token that is none of them
 * (the usual case) mostly ends at its first slot, and the index is 8 KB.
 */
#define LW_EVW_SLOTS LW_UNIT_WORD_SLOTS
/* The longest word of the table and then some: a longer token is none of
 * them (and no word of the lists is longer). */
#define LW_EVW_MAXLEN LW_UNIT_WORD_MAXLEN
/* Room for every word of the lists: the class lists, words.h and the date
 * words (whose ids are bytes). */
#define LW_EVW_WORDS                                                                     \
	(sizeof clause_words / sizeof *clause_words +                                    \
	 sizeof background_heads / sizeof *background_heads +                            \
	 sizeof speculation_words / sizeof *speculation_words + W_N + 256 + 4 * 13)
/* Entries of units.h's struct (lw_make_units_and_words looks the plain
 * words up in it as it makes their units): flags LW_EVF_*, id W_*, date
 * the id lw_date_words gives the word, month 1 when lw_month_number takes
 * it (any case), by_case the token's LW_EVF_* by its case, [0] lower, [1]
 * capitalised: flags, and LW_EVF_DATE for a month's name (evw_init; read
 * without a branch). */
static struct lw_unit_word evw[LW_EVW_WORDS];
static size_t evw_n;
static uint16_t evw_slots[LW_EVW_SLOTS]; /* 1 + index in evw; 0 empty */
static pthread_once_t evw_once = PTHREAD_ONCE_INIT;

/* The entry of `word`, added if new. */
static struct lw_unit_word *evw_add(const char *word)
{
	size_t n = strlen(word);
	uint64_t key[2] = {0, 0};
	memcpy(key, word, n);
	uint32_t h = (uint32_t)lw_hash_unit(word, n);
	size_t i = h & (LW_EVW_SLOTS - 1);
	for (; evw_slots[i]; i = (i + 1) & (LW_EVW_SLOTS - 1)) {
		struct lw_unit_word *e = &evw[evw_slots[i] - 1];
		if (e->len == n && e->key[0] == key[0] && e->key[1] == key[1])
			return e;
	}
	struct lw_unit_word *e = &evw[evw_n++];
	e->key[0] = key[0];
	e->key[1] = key[1];
	e->hash = h;
	e->len = (uint8_t)n;
	evw_slots[i] = (uint16_t)evw_n;
	return e;
}

static void evw_date(const char *word, uint8_t id, int starts, void *ctx)
{
	(void)ctx;
	struct lw_unit_word *e = evw_add(word);
	e->date = id;
	if (starts)
		e->flags |= LW_EVF_DATE;
}

static void evw_init(void)
{
	for (size_t i = 0; i < sizeof clause_words / sizeof *clause_words; i++)
		evw_add(clause_words[i])->flags |= LW_EVF_BREAK;
	for (size_t i = 0; i < sizeof background_heads / sizeof *background_heads; i++)
		evw_add(background_heads[i])->flags |= LW_EVF_BACKGROUND;
	for (size_t i = 0; i < sizeof speculation_words / sizeof *speculation_words; i++)
		evw_add(speculation_words[i])->flags |= LW_EVF_SPECULATE;
	for (int i = 1; i < W_N; i++)
		evw_add(lw_words[i])->id = (uint8_t)i;
	/* every form of sentence_events' "searching for" has one of these
	 * first or second */
	static const uint8_t seek[] = {W_SEARCHING, W_SEARCH, W_HUNT, W_LOOKING,
				       W_PURSUIT, W_PURSUING, W_TARGETING, W_ARREST, W_CAPTURE};
	for (size_t i = 0; i < sizeof seek; i++)
		evw_add(lw_words[seek[i]])->flags |= LW_EVF_SEEK;
	for (size_t i = 0; i < sizeof ls_sympathy / sizeof *ls_sympathy; i++)
		evw_add(ls_sympathy[i])->flags |= LW_EVF_SYMPATHY;
	for (size_t i = 0; i < sizeof ls_peaceful / sizeof *ls_peaceful; i++)
		evw_add(ls_peaceful[i])->flags |= LW_EVF_PEACEFUL;
	evw_add("recovery")->flags |= LW_EVF_ASKED;
	evw_add("natural")->flags |= LW_EVF_ASKED;
	for (size_t i = 0; i < sizeof habit_words / sizeof *habit_words; i++)
		evw_add(habit_words[i])->flags |= LW_EVF_ASKED;
	for (size_t i = 0; i < sizeof charge_words / sizeof *charge_words; i++)
		evw_add(charge_words[i])->flags |= LW_EVF_ASKED;
	evw_add("whereas")->flags |= LW_EVF_ASKED; /* contrast_clause */
	lw_date_words(evw_date, NULL);
	/* the words lw_month_number takes: a month's name, its first three
	 * letters, "sept", each with or without a dot. A capitalised word
	 * asks the table instead of calling it (it is asked of every one) */
	static const char *const months[] = {"january", "february", "march",     "april",
					     "may",     "june",     "july",      "august",
					     "september", "october", "november", "december", "sept"};
	for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
		char w[16];
		size_t n = strlen(months[i]);
		memcpy(w, months[i], n);
		for (size_t len = n; len; len = len > 3 ? 3 : 0) {
			w[len] = '\0';
			evw_add(w)->month = 1;
			w[len] = '.';
			w[len + 1] = '\0';
			evw_add(w)->month = 1;
		}
	}
	for (size_t i = 0; i < evw_n; i++) {
		evw[i].by_case[0] = evw[i].flags;
		evw[i].by_case[1] = (uint8_t)(evw[i].flags | (evw[i].month ? LW_EVF_DATE : 0));
	}
}

/* The entry of the folded word key[0, n) (zero-padded to a multiple of 8
 * bytes, n <= LW_EVW_MAXLEN) with hash h, or NULL. The plain words of
 * the entity stage's texts are looked up by units.c's own probe of the
 * same table (lw_make_units_looking). */
__attribute__((always_inline)) static inline const struct lw_unit_word *
evw_probe(const char *key, size_t n, uint32_t h)
{
	uint64_t k0, k1 = 0;
	memcpy(&k0, key, 8);
	if (n > 8)
		memcpy(&k1, key + 8, 8);
	for (size_t i = h & (LW_EVW_SLOTS - 1); evw_slots[i]; i = (i + 1) & (LW_EVW_SLOTS - 1)) {
		const struct lw_unit_word *e = &evw[evw_slots[i] - 1];
		if (e->hash == h && e->len == n && e->key[0] == k0 && e->key[1] == k1)
			return e;
	}
	return NULL;
}

/*
 * WORD_ONE_UNIT: a word token (LW_TOK_WORD) without LW_TF_HYPHEN is
 * exactly one unit, unit_at[k], of the whole token. lw_make_units (units.c)
 * gives every token either plain_run's one unit or, having no hyphen to
 * split at, one add_unit(start, end); add_unit drops a unit only of a
 * LW_TOK_QUOTE token, or when memory ran out (and then there are no units
 * to read at all). evw_find reads such a word's unit without asking.
 */

/*
 * What lw_token_words reads of a document, copied out of the structs: the
 * loop stores through uint8_t pointers, which may alias anything, and
 * with the fields left in memory the compiler reloads each of them after
 * every store.
 */
struct wscan {
	const lw_token *tok;
	const char *p;
	const struct lw_unit *u;
	const char *keys;
	const uint32_t *unit_at;
};

/* The table's entry for token k, or NULL. A one-unit plain ASCII word
 * probes with its unit's key and hash (its bytes in lower case, units.c);
 * any other token that starts with a letter with its bytes folded as
 * lw_tok_is folds them ("didn't": the unit's key differs). */
static const struct lw_unit_word *evw_find(const struct wscan *s, size_t k)
{
	const lw_token *q = &s->tok[k];
	size_t n = lw_tok_len(q);
	if (n > LW_EVW_MAXLEN)
		return NULL;
	if (q->kind == LW_TOK_WORD && !(q->flags & (LW_TF_HYPHEN | LW_TF_NONASCII | LW_TF_APOS))) {
		/* such a word is one unit (units.c, see WORD_ONE_UNIT) */
		uint32_t u = s->unit_at[k];
		return evw_probe(s->keys + s->u[u].key, n, s->u[u].hash);
	}
	unsigned char c = (unsigned char)s->p[q->start];
	if ((unsigned char)((c | 0x20) - 'a') >= 26)
		return NULL;
	char fold[LW_EVW_MAXLEN] = {0};
	for (size_t i = 0; i < n; i++) {
		c = (unsigned char)s->p[q->start + i];
		fold[i] = (char)((unsigned char)(c - 'A') < 26 ? c | 0x20 : c);
	}
	return evw_probe(fold, n, (uint32_t)lw_hash_unit(fold, n));
}

/* lw_token_words's answer for token k, stored in f, id and date at k
 * (zeroed before). Inline: a sixth of the tokens ask it (those that
 * lw_make_units_looking did not look up), most of them marks that it
 * answers in fewer instructions than a call takes. */
__attribute__((always_inline)) static inline void token_word(const struct wscan *s, size_t k,
							     uint8_t *f, uint8_t *id, uint8_t *date)
{
	const lw_token *q = &s->tok[k];
	const char *text = s->p;
	const struct lw_unit_word *e;
	if (q->kind == LW_TOK_WORD) {
		/* hyphens, apostrophes, other letters: folded here */
		e = evw_find(s, k);
		if (!e)
			return;
		id[k] = e->id;
		date[k] = e->date;
		/* months (weekdays and the other words are in the table as
		 * date words) start a date when capitalised */
		f[k] = e->by_case[(q->flags & LW_TF_CAP) != 0];
		return;
	}
	/* evw_find's first question asked here: marks and numbers
	 * (most of these tokens) start with no letter, and skip the call */
	unsigned char c = (unsigned char)text[q->start];
	e = (unsigned char)((c | 0x20) - 'a') < 26 ? evw_find(s, k) : NULL;
	uint8_t v = 0;
	if (e) {
		id[k] = e->id;
		date[k] = e->date;
	}
	/* clause_break_scan and lw_may_start_date, the words from the
	 * table */
	if (q->kind == LW_TOK_TERM || q->kind == LW_TOK_QUOTE ||
	    (q->kind == LW_TOK_PUNCT &&
	     (text[q->start] == ';' || text[q->start] == ':' || text[q->start] == '(' ||
	      text[q->start] == ')')) ||
	    (e && (e->flags & LW_EVF_BREAK)))
		v |= LW_EVF_BREAK;
	if (q->kind == LW_TOK_NUMBER || q->kind == LW_TOK_ABBREV)
		v |= LW_EVF_DATE;
	if (e)
		v |= e->flags & LW_EVF_SEEK; /* as the word id is */
	f[k] = v;
}

lw_status lw_token_words(struct lw_extract *x)
{
	const struct lw_text *t = x->t;
	if (x->evw)
		return LW_OK; /* the entity stage asked first */
	size_t ntok = t->ntok;
	/* zeroed: most tokens are no word of the table and need no store */
	uint8_t *f = lw_arena_calloc(x->arena, 3 * (ntok + 1), 1);
	if (!f)
		return LW_ENOMEM;
	uint8_t *id = f + ntok + 1, *date = id + ntok + 1;
	pthread_once(&evw_once, evw_init);
	/* a text whose units were made without the table (the entity stage
	 * makes them with it, lw_make_units_and_words): every token asked
	 * here */
	const struct wscan s = {t->tok, t->p, x->u.u, x->u.keys, x->unit_at};
	for (size_t k = 0; k < ntok; k++)
		token_word(&s, k, f, id, date);
	x->evf = f;
	x->evw = id;
	x->evdw = date;
	return LW_OK;
}

lw_status lw_make_units_and_words(struct lw_extract *x)
{
	const struct lw_text *t = x->t;
	size_t ntok = t->ntok;
	/* zeroed: most tokens are no word of the table and need no store */
	uint8_t *f = lw_arena_calloc(x->arena, 3 * (ntok + 1), 1);
	uint32_t *rest = lw_arena_alloc(x->arena, (ntok + 1) * sizeof *rest);
	if (!f || !rest)
		return LW_ENOMEM;
	uint8_t *id = f + ntok + 1, *date = id + ntok + 1;
	pthread_once(&evw_once, evw_init);
	/* the plain words: lw_token_words's fast path, asked by units.c */
	struct lw_unit_words look = {evw, evw_slots, f, ntok + 1, rest, 0};
	lw_status st = lw_make_units_looking(x->arena, t, &look, &x->u);
	if (st != LW_OK)
		return st;
	x->unit_at = x->u.tok_first;
	const struct wscan s = {t->tok, t->p, x->u.u, x->u.keys, x->unit_at};
	for (size_t j = 0; j < look.nrest; j++)
		token_word(&s, rest[j], f, id, date);
	x->evf = f;
	x->evw = id;
	x->evdw = date;
	return LW_OK;
}

/* c->hits: the tokens where a trigger or a casualty word starts. Eight
 * tokens' kinds are tested with one SSE2 AND and compare (else four as
 * one 64-bit word): most tokens start neither, and their words are passed
 * with one test. */
static void trigger_hits(struct ectx *c)
{
	const uint16_t *kinds = c->x->ann_kinds;
	const uint16_t want = 1u << LW_SENSE_TRIGGER | 1u << LW_SENSE_CASUALTY;
	const uint64_t mask = UINT64_C(0x0001000100010001) * want;
	size_t ntok = c->t->ntok, k = 0;
#ifdef __SSE2__
	/* eight tokens a step: compared with zero after the AND, each
	 * token gives two bits of the byte mask, set when it is a hit; the
	 * low one of each pair, in token order */
	const __m128i want8 = _mm_set1_epi16((short)want);
	for (; k + 8 <= ntok; k += 8) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(kinds + k));
		__m128i none = _mm_cmpeq_epi16(_mm_and_si128(v, want8), _mm_setzero_si128());
		unsigned m = ((unsigned)_mm_movemask_epi8(none) ^ 0xffffu) & 0x5555u;
		for (; m; m &= m - 1)
			c->hits[c->nhits++] = (uint32_t)(k + (size_t)(__builtin_ctz(m) >> 1));
	}
#endif
	for (; k + 4 <= ntok; k += 4) {
		uint64_t v;
		memcpy(&v, kinds + k, 8);
		if (!(v & mask))
			continue;
#if LW_FLAG_LE
		/* bit 0 of a token's 16 bits: either kind; then the tokens in
		 * order, by their lowest set bit (a token with both once) */
		const uint64_t lane0 = UINT64_C(0x0001000100010001);
		uint64_t m = ((v >> LW_SENSE_TRIGGER) | (v >> LW_SENSE_CASUALTY)) & lane0;
		for (; m; m &= m - 1)
			c->hits[c->nhits++] = (uint32_t)(k + (size_t)(__builtin_ctzll(m) >> 4));
#else
		for (size_t j = k; j < k + 4; j++)
			if (kinds[j] & want)
				c->hits[c->nhits++] = (uint32_t)j;
#endif
	}
	for (; k < ntok; k++)
		if (kinds[k] & want)
			c->hits[c->nhits++] = (uint32_t)k;
}

/* Is actor a a person named in the text (who may attack with words)? A
 * party's supporters, a crowd or armed men attack with more: in South
 * Asia's news a party's cadres attacking a rival's convoy are violence. */
/* Is token k a form of "attack" ("attacked", "attacks", "Attack")? */
static int attack_word(const struct lw_text *t, size_t k)
{
	return k < t->ntok && t->tok[k].end - t->tok[k].start >= 6 &&
	       strncasecmp(t->p + t->tok[k].start, "attack", 6) == 0;
}

static int speaking_side(const struct ectx *c, const lw_event_actor *a)
{
	if (!a->present || a->entity < 0)
		return 0;
	for (size_t i = 0; i < c->x->nents; i++)
		if (c->x->ents[i].id == (uint32_t)a->entity)
			return c->x->ents[i].type == LW_PERSON;
	return 0;
}

/*
 * Is event e an attack in words: the word "attack" with no manner, no
 * dead or hurt, both sides people named in the text ("Cruz reboots his
 * attacks on Trump"), and no weapon or deed of violence with a manner in
 * its sentence?
 */
static int verbal_attack(const struct ectx *c, const struct ev *e)
{
	const struct lw_text *t = c->t;
	const struct lw_extract *x = c->x;
	if (e->type != 15 || e->out.mode || e->out.dead.present || e->out.injured.present ||
	    !attack_word(t, e->tfirst))
		return 0;
	if (!speaking_side(c, &e->out.source) || !speaking_side(c, &e->out.target))
		return 0;
	/* "the attack on the minister's motorcade": a thing of the person's */
	static const char *const belongings[] = {"motorcade", "convoy", "car", "vehicle", "house",
						 "home", "residence", "office", "rally", "procession",
						 "supporters", "guards", "family"};
	size_t after = e->sent < t->nsent ? t->sent[e->sent].first_token : 0;
	while (after < t->ntok && t->tok[after].start < e->out.target.span.end)
		after++;
	if (after + 1 < t->ntok && (t->tok[after].flags & LW_TF_POSSESSIVE) &&
	    lw_tok_in(t, after + 1, belongings, sizeof belongings / sizeof *belongings))
		return 0;
	const lw_sentence *se = &t->sent[e->sent];
	for (size_t k = se->first_token; k < se->end_token; k++) {
		if (kind_at(x, k, LW_SENSE_CASUALTY))
			return 0;
		if (!kind_at(x, k, LW_SENSE_TRIGGER))
			continue;
		for (size_t j = x->ann_at[k]; j < x->nann && x->ann[j].first_tok == k; j++) {
			const struct lw_kb_sense *s = lw_ann_sense(x, &x->ann[j]);
			if (s->kind == LW_SENSE_TRIGGER && c->kb->triggers[s->id].type == 15 &&
			    c->kb->triggers[s->id].mode_len)
				return 0;
		}
	}
	return 1;
}

/* Sectors of those who bear arms: the state's forces and armed groups. */
static int armed_sector(const char *s)
{
	return code_is(s, "MIL") || code_is(s, "COP") || code_is(s, "REB") || code_is(s, "UAF") ||
	       code_is(s, "SPY");
}

/* Does the story tell of violence anywhere: an attack with a manner
 * (a weapon, a blast, a strike), anyone killed, hurt or held, or an armed
 * side to any deed? */
static int story_violent(const struct ectx *c)
{
	for (size_t i = 0; i < c->nev; i++) {
		const struct ev *e = &c->ev[i];
		if (e->dropped)
			continue;
		const lw_event *o = &e->out;
		if ((e->type == 15 && o->mode && strcmp(o->mode, "beat") != 0) || o->dead.present ||
		    o->injured.present || o->arrested.present ||
		    (o->source.present && armed_sector(o->source.code.sector)) ||
		    (o->target.present && armed_sector(o->target.code.sector)))
			return 1;
	}
	return 0;
}

/* Words of a contest of words or votes: "attacked GOP voters over their
 * record", "in a television ad", "battling Varden for the top spot in
 * the polls". Not "statement" nor "rally": protests against an attack
 * tell of both. */
static const char *const words_of_words[] = {
	"interview", "interviews", "ad",        "ads",       "debate",     "debates",   "speech",
	"speeches",  "tweet",      "tweets",    "twitter",   "rhetoric",   "remarks",   "comments",
	"op-ed",     "column",     "criticism", "critics",   "insults",    "campaign",  "candidate",
	"candidates", "nomination", "primary",  "primaries", "caucus",     "caucuses",  "voters",
	"poll",      "polls",      "race",      "rival",     "rivals",     "opponent",  "opponents",
	"record",    "career",     "character", "policies",  "positions",  "views",     "stance",
	"agenda",    "integrity",  "honesty",   "motives",   "leadership", "front-runner",
	"frontrunner", "nominee",  "delegates", "republicans", "democrats", "gop"};

/* Is event e, an attack with no manner, no count and no armed side, in a
 * story that tells of no violence, a contest of words or votes (a word
 * of one in its sentence, or a quotation)? Then "attacked", "attacks" are
 * criticism (1) and "beat", "battle", "fight", "slay", "hurt", "wound" a
 * figure of speech (2); 0: a deed. */
static int figurative(const struct ectx *c, const struct ev *e, int violent)
{
	const struct lw_text *t = c->t;
	const lw_event *o = &e->out;
	if (violent || e->type != 15 || (o->mode && strcmp(o->mode, "beat") != 0) ||
	    o->dead.present || o->injured.present || o->arrested.present ||
	    e->tfirst >= t->ntok || e->sent >= t->nsent)
		return 0;
	/* the word first (most modeless attacks are none of these words),
	 * then its sentence */
	const lw_token *q = &t->tok[e->tfirst];
	const char *p = t->p + q->start;
	size_t n = q->end - q->start;
	static const char *const stems[] = {"battl", "fight", "fought", "hurt", "wound", "combat"};
	int attack = attack_word(t, e->tfirst), beat = !attack && n >= 4 && strncasecmp(p, "beat", 4) == 0;
	int stem = 0;
	for (size_t i = 0; i < sizeof stems / sizeof *stems && !attack && !beat && !stem; i++)
		stem = n >= strlen(stems[i]) && strncasecmp(p, stems[i], strlen(stems[i])) == 0;
	if (!attack && !beat && !stem)
		return 0;
	/* "Councillor Varden was attacked during a campaign and suffered head
	 * injuries", "her convoy was attacked": hurt, or a thing of theirs
	 * struck; and most "was attacked" are blows */
	static const char *const struck_things[] = {"convoy", "motorcade", "car", "vehicle", "house",
					     "home", "residence", "office", "offices", "camp"};
	const lw_sentence *se = &t->sent[e->sent];
	int wordy = 0;
	for (size_t k = se->first_token; k < se->end_token; k++) {
		if (kind_at(c->x, k, LW_SENSE_CASUALTY) || lw_tok_in(t, k, struck_things, sizeof struck_things / sizeof *struck_things))
			return 0;
		wordy |= (c->x->in_quote && c->x->in_quote[k]) ||
			 lw_tok_in(t, k, words_of_words, sizeof words_of_words / sizeof *words_of_words);
	}
	if (!wordy)
		return 0;
	if (attack) {
		if (o->background || (e->tfirst > 0 && w_in(c->x, e->tfirst - 1, WS_AUX) &&
				      lw_tok_ends(t, e->tfirst, "ed", 2)))
			return 0; /* a deed of the past told as the story's setting */
		/* someone's attack on someone, an "attack ad", "personal
		 * attacks"; not "the Sept. 11 attacks", "attacks in Paris",
		 * which name deeds though the story is of votes */
		static const char *const kinds[] = {"ad", "ads", "advertisement", "advertisements",
						    "literature", "strategy", "mailers", "mailer",
						    "dog", "dogs", "line", "lines", "machine"};
		static const char *const manner[] = {"personal", "political", "verbal", "negative",
						     "twitter", "sharpened", "fabricated", "partisan",
						     "hominem", "sharp", "withering", "scathing",
						     "blistering", "harsh", "direct", "relentless"};
		/* "the Sept. 11 attacks", "the Benghazi attacks", "a
		 * lone-wolf attack", "after the attacks" */
		static const char *const deeds[] = {"terror", "terrorist", "lone-wolf", "deadly",
						    "suicide", "militant", "jihadist", "extremist",
						    "bloody", "horrific", "mass"};
		static const char *const aimed[] = {"on", "against", "from", "by"};
		if (e->tfirst > se->first_token) {
			const lw_token *b = &t->tok[e->tfirst - 1];
			if (b->kind == LW_TOK_NUMBER ||
			    ((b->flags & LW_TF_CAP) && !(b->flags & LW_TF_POSSESSIVE)) ||
			    lw_tok_in(t, e->tfirst - 1, deeds, sizeof deeds / sizeof *deeds))
				return 0;
			if ((lw_tok_is(t, e->tfirst - 1, "the") || lw_tok_is(t, e->tfirst - 1, "these")) &&
			    !(e->tfirst + 1 < se->end_token &&
			      lw_tok_in(t, e->tfirst + 1, aimed, sizeof aimed / sizeof *aimed)))
				return 0;
		}
		if ((o->source.present && !armed_sector(o->source.code.sector)) ||
		    (o->target.present && !armed_sector(o->target.code.sector)) ||
		    (e->tfirst + 1 < se->end_token &&
		     lw_tok_in(t, e->tfirst + 1, kinds, sizeof kinds / sizeof *kinds)) ||
		    (e->tfirst > se->first_token &&
		     lw_tok_in(t, e->tfirst - 1, manner, sizeof manner / sizeof *manner)))
			return 1;
		return 0;
	}
	/* "beating Castell in the state's polls": a contest's word */
	if (beat)
		return contest_sentence(c, se->first_token, se->end_token) ? 2 : 0;
	return 2;
}

lw_status lw_extract_events(struct lw_extract *x, const lw_date *docdate, lw_event **events,
			    size_t *n)
{
	struct ectx c;
	memset(&c, 0, sizeof c);
	c.x = x;
	c.t = x->t;
	c.kb = x->kb;
	c.base = INT32_MIN;
	c.anchor = INT32_MIN;
	c.last_place = -1;
	c.sent_first = 1; /* no current sentence yet */
	*events = NULL;
	*n = 0;
	if (docdate && docdate->year > 0) {
		c.docdate = *docdate;
		if (docdate->precision == LW_PREC_DAY)
			c.base = lw_day_number(docdate->year, docdate->month, docdate->day);
		c.year_hint = docdate->year;
	}
	c.acled = acled_cache_for(x->kb);
	pthread_once(&wsets_once, wsets_init);
	pthread_once(&lsets_once, lsets_init);
	lw_status st = lw_token_words(x);
	c.hits = malloc((x->t->ntok + 1) * sizeof *c.hits);
	c.vpick = malloc((x->t->ntok + 1) * sizeof *c.vpick);
	if ((!c.hits || !c.vpick) && st == LW_OK)
		st = LW_ENOMEM;
	if (st == LW_OK)
		trigger_hits(&c);
	for (size_t s = 0; s < x->t->nsent && st == LW_OK; s++)
		st = sentence_events(&c, s);
	if (st == LW_OK) {
		size_t kept = dedup(&c);
		int violent = story_violent(&c);
		for (size_t i = 0; i < c.nev; i++) {
			struct ev *e = &c.ev[i];
			int fig = e->dropped ? 0 : figurative(&c, e, violent);
			if (fig == 2) {
				/* "beats Castell in the polls", "battling Varden for
				 * the top spot": no blow struck */
				e->dropped = 1;
				kept--;
				continue;
			}
			if (!e->dropped && e->late_mode) {
				e->out.mode = e->late_mode;
				e->out.cameo = e->late_cameo;
			}
			/* "attacked the town, killing 70 people and setting fire
			 * to homes": a deed that killed or hurt people is an
			 * attack on them, not property destroyed, whatever else
			 * burned (after the merges: its manner tells them apart) */
			if (!e->dropped && e->type == 15 && e->out.mode &&
			    !strcmp(e->out.mode, "destroy") &&
			    ((e->out.dead.present && e->out.dead.value > 0) ||
			     (e->out.injured.present && e->out.injured.value > 0))) {
				e->out.mode = NULL;
				e->out.cameo = "190";
			}
			/* "gunmen seized 280 pupils", "the rebels captured two
			 * soldiers": people an armed group or gunmen take are
			 * kidnapped, not arrested nor goods seized (by the words
			 * of taking, not of detention, which are the state's) */
			if (!e->dropped && e->type == 14 && e->out.mode && e->out.source.present &&
			    (!strcmp(e->out.mode, "arrest") || !strcmp(e->out.mode, "seize")) &&
			    e->out.target.present && e->people_target && taking_word(c.t, e->tfirst) &&
			    (code_is(e->out.source.code.sector, "UAF") || code_is(e->out.source.code.sector, "REB") ||
			     code_is(e->out.source.code.sector, "CRM"))) {
				e->type = 15;
				e->out.type = lw_plover_types[15];
				e->out.mode = "abduct";
				e->out.cameo = "181";
				e->have_count[ROLE_ARRESTED] = 0;
				e->out.arrested.present = 0;
			}
			/* the ACLED type of the event as merged: a retelling or a
			 * claim may have given it its source ("The TTP claimed
			 * responsibility for the attack") */
			if (!e->dropped && acled_signature(e) != e->acled_sig)
				acled(&c, e);
			if (!e->dropped && (fig == 1 || verbal_attack(&c, e))) {
				/* "Cruz reboots his attacks on Trump": words */
				e->type = 8; /* ACCUSE */
				e->out.type = lw_plover_types[8];
				e->out.mode = "disapprove";
				e->out.cameo = "111";
				e->out.acled_type = NULL;
				e->out.acled_subtype = NULL;
			}
		}
		protest_subjects(&c);
		if (kept) {
			/* not zeroed: the copy below writes every event whole */
			*events = lw_arena_alloc(x->arena, kept * sizeof **events);
			if (!*events)
				st = LW_ENOMEM;
			else {
				size_t k = 0;
				for (size_t i = 0; i < c.nev; i++)
					if (!c.ev[i].dropped)
						(*events)[k++] = c.ev[i].out;
				*n = kept;
			}
		}
	}
	free(c.ev);
	free(c.hits);
	free(c.vpick);
	return st;
}
