/*
 * words.h: the function words the extraction stages ask about, by id.
 * lw_token_words (events.c) looks every token of a document up once, in a
 * table keyed by the hash the matcher keeps for each unit, so that "is
 * token k 'the'?" compares a byte instead of a string. Dictionary words
 * (names, roles, triggers) are not here: the knowledge base has them.
 */
#ifndef LW_WORDS_H
#define LW_WORDS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* At most 255 words: an id is a byte. */
#define LW_WORDS(X) \
	X(A, "a") X(ACROSS, "across") X(ADDITIONAL, "additional") X(AFTER, "after") \
	X(AGAIN, "again") X(AGAINST, "against") X(ALLEGEDLY, "allegedly") X(ALONG, "along") \
	X(ALSO, "also") X(AN, "an") X(ANALYST, "analyst") X(AND, "and") X(ANOTHER, "another") \
	X(ANY, "any") X(ARE, "are") X(ARMED, "armed") X(AROUND, "around") X(ARREST, "arrest") \
	X(AS, "as") X(AT, "at") X(BANNED, "banned") X(BE, "be") X(BEEN, "been") \
	X(BEGAN, "began") X(BEHIND, "behind") X(BEING, "being") X(BETWEEN, "between") \
	X(BOTH, "both") X(BROTHER, "brother") X(BUT, "but") X(BY, "by") X(CALLED, "called") X(CAPITAL, "capital") \
	X(CAN, "can") X(CAPTURE, "capture") X(CARRIED, "carried") X(CENTRAL, "central") \
	X(COMMITTED, "committed") X(CONDEMNING, "condemning") X(CONTINUE, "continue") \
	X(CONTINUED, "continued") X(CONTINUES, "continues") X(CONTROL, "control") \
	X(COORDINATED, "coordinated") X(COULD, "could") X(DATE, "date") \
	X(DEMANDING, "demanding") X(DID, "did") X(DIDNT, "didn't") X(DIRECTED, "directed") \
	X(DISTRICT, "district") X(DUBBED, "dubbed") X(DURING, "during") X(EASTERN, "eastern") \
	X(ELSEWHERE, "elsewhere") X(END, "end") X(EVERY, "every") X(EXPERT, "expert") \
	X(EXTREMIST, "extremist") X(FACILITATED, "facilitated") X(FAR, "far") \
	X(FATHER, "father") X(FOR, "for") X(FRIEND, "friend") X(FROM, "from") \
	X(FURTHER, "further") X(GEAR, "gear") X(GOT, "got") X(GROUP, "group") X(HAD, "had") \
	X(HAS, "has") X(HAVE, "have") X(HE, "he") X(HELD, "held") X(HER, "her") X(HIM, "him") \
	X(HIS, "his") X(HOLD, "hold") X(HOLDING, "holding") X(HUNT, "hunt") X(I, "i") \
	X(IF, "if") X(IN, "in") X(INCLUDING, "including") X(INSIDE, "inside") \
	X(INSURGENT, "insurgent") X(INTO, "into") X(IS, "is") X(ISLAMIST, "islamist") \
	X(IT, "it") X(ITS, "its") X(JIHADIST, "jihadist") X(LATER, "later") \
	X(LEADER, "leader") X(LOOKING, "looking") X(MASTERMINDED, "masterminded") \
	X(MAY, "may") X(MEANWHILE, "meanwhile") X(MEMBER, "member") X(MIGHT, "might") \
	X(MILITANT, "militant") X(MOTHER, "mother") X(MOVEMENT, "movement") X(NAMED, "named") \
	X(NEAR, "near") X(NEIGHBORING, "neighboring") X(NEIGHBOURING, "neighbouring") \
	X(NETWORK, "network") X(NEVER, "never") X(NO, "no") X(NORTHERN, "northern") X(LOWER, "lower") X(UPPER, "upper") \
	X(NOT, "not") X(OF, "of") X(OFTEN, "often") X(ON, "on") X(ONCE, "once") X(ONE, "one") \
	X(OPERATIONS, "operations") X(RAIDS, "raids") X(ALL, "all") \
	X(OR, "or") X(ORCHESTRATED, "orchestrated") X(ORGANISATION, "organisation") \
	X(ORGANIZATION, "organization") X(OUR, "our") X(OUTFIT, "outfit") \
	X(OUTLAWED, "outlawed") X(OUTSIDE, "outside") X(OVER, "over") X(PLANNED, "planned") \
	X(PROSCRIBED, "proscribed") X(PROTESTING, "protesting") X(PROVINCE, "province") \
	X(PURSUIT, "pursuit") X(PURSUING, "pursuing") X(RADICAL, "radical") X(REBEL, "rebel") X(RELATED, "related") \
	X(RELATIVE, "relative") X(REPEATEDLY, "repeatedly") X(REPORTEDLY, "reportedly") \
	X(RESIDENT, "resident") X(RESTIVE, "restive") X(SEARCH, "search") \
	X(SEARCHING, "searching") X(SECOND, "second") X(SEPARATE, "separate") \
	X(SEPARATELY, "separately") X(SEPARATIST, "separatist") X(SHE, "she") X(SHIA, "shia") \
	X(SHIELDS, "shields") X(SINCE, "since") X(SO, "so") X(SOUTHERN, "southern") \
	X(SQUAD, "squad") X(STAGE, "stage") X(STAGED, "staged") X(STAGING, "staging") \
	X(STARTED, "started") X(SUNNI, "sunni") X(TAKE, "take") X(TAKEN, "taken") \
	X(TAKING, "taking") X(TARGETING, "targeting") X(TERRORIST, "terrorist") \
	X(THAT, "that") X(THE, "the") X(THEIR, "their") X(THEM, "them") X(THEN, "then") \
	X(THESE, "these") X(THEY, "they") X(THIS, "this") X(THOSE, "those") \
	X(THROUGH, "through") X(TO, "to") X(TOOK, "took") X(TOWARD, "toward") \
	X(TOWARDS, "towards") X(USED, "used") X(VIA, "via") X(WAS, "was") X(WASNT, "wasn't") \
	X(WE, "we") X(WERE, "were") X(WERENT, "weren't") X(WESTERN, "western") \
	X(WHEN, "when") X(WHICH, "which") X(WHO, "who") X(WHOSE, "whose") X(WILL, "will") X(WITH, "with") \
	X(WITHOUT, "without") X(WOULD, "would") X(YEAR, "year") X(YOU, "you") \
	/* sports results (entities.c, team_evidence) */ \
	X(V, "v") X(VS, "vs") X(BEAT, "beat") X(BEATS, "beats") X(DEFEATED, "defeated") \
	X(DREW, "drew") X(THRASHED, "thrashed") X(EDGED, "edged") X(ROUTED, "routed") \
	X(DOWNED, "downed") X(OVERCAME, "overcame") X(TROUNCED, "trounced") X(LOST, "lost") \
	X(TIED, "tied") X(WHITEWASHED, "whitewashed") X(INNINGS, "innings") \
	X(INNING, "inning") X(WICKETS, "wickets") X(WICKET, "wicket") X(RUNS, "runs") \
	X(GOALS, "goals") X(GOAL, "goal") X(MATCH, "match") X(GAME, "game") X(GAMES, "games") \
	X(CHAMPIONSHIP, "championship") X(LEAGUE, "league") X(CUP, "cup") \
	X(SEMIFINAL, "semifinal") X(SEMI_FINAL, "semi-final") X(QUARTERFINAL, "quarterfinal") \
	X(QUARTER_FINAL, "quarter-final") X(QUALIFIER, "qualifier") \
	X(TOURNAMENT, "tournament") X(SEASON, "season") X(POINTS, "points") \
	X(HALFTIME, "halftime") X(FORCE, "force") X(PENALTY, "penalty") \
	X(PENALTIES, "penalties") X(OVERTIME, "overtime") \
	/* "in front of", "opposite": where someone stood (events.c, agent_before) */ \
	X(FRONT, "front") X(INFRONT, "infront") X(OPPOSITE, "opposite") \
	/* verbs that hold a protest (events.c, protest_subject) */ \
	X(ORGANISED, "organised") X(ORGANIZED, "organized") X(OBSERVED, "observed") \
	X(LAUNCHED, "launched") X(BURNT, "burnt") X(BURNED, "burned") X(JOINED, "joined") \
	X(CONDUCTED, "conducted") X(GATHERED, "gathered") X(MILITIA, "militia") \
	X(PARAMILITARY, "paramilitary")

enum {
	W_NONE,
#define W_ID(id, s) W_##id,
	LW_WORDS(W_ID)
#undef W_ID
	W_N
};

/* The word of each id ("" for W_NONE); defined in events.c. */
/* word ids are bytes (x->evw) */
_Static_assert(W_N <= 256, "too many words for a byte id");
extern const char *const lw_words[W_N];

/* Word classes worked out once per token (x->evf, lw_token_words): the
 * events stage asks about each token many times. */
enum {
	LW_EVF_BREAK = 1 << 0,      /* ends a clause; every quotation mark has it */
	LW_EVF_DATE = 1 << 1,       /* may start a date expression */
	LW_EVF_BACKGROUND = 1 << 2, /* "responsible", "linked", ... */
	LW_EVF_SPECULATE = 1 << 3,  /* "may", "threatened", "plans", ... */
	LW_EVF_SEEK = 1 << 4,       /* "search", "hunt", "targeting", "arrest", ...:
				       a word of every "searching for" form */
	LW_EVF_SYMPATHY = 1 << 5,   /* "condolences", "mourning" */
	LW_EVF_PEACEFUL = 1 << 6,   /* "accident", "illness", "non-combat" */
	LW_EVF_ASKED = 1 << 7       /* a word some rule asks by its spelling: "recovery",
				       "natural" with a neighbour, habits ("usually",
				       "such"), charges ("accused") */
};

/* With GCC or Clang on a little-endian machine the flag found in a word
 * is located by counting its zero bits; elsewhere byte by byte. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LW_FLAG_LE 1
#else
#define LW_FLAG_LE 0
#endif

/*
 * The first k in [from, end) with f[k] & bit, else end: the next token of
 * a word class in a per-token flag array (x->evf). Most tokens have none
 * of the bits asked, so eight flags are tested with one 64-bit AND.
 */
static inline size_t lw_flag_next(const uint8_t *f, size_t from, size_t end, uint8_t bit)
{
	const uint64_t mask = UINT64_C(0x0101010101010101) * bit;
	size_t k = from;
	for (; k + 8 <= end; k += 8) {
		uint64_t v;
		memcpy(&v, f + k, 8);
		if (v & mask) {
#if LW_FLAG_LE
			return k + (size_t)(__builtin_ctzll(v & mask) >> 3);
#else
			break;
#endif
		}
	}
	while (k < end && !(f[k] & bit))
		k++;
	return k;
}

/* The last k in [floor, to) with f[k] & bit, plus one; floor if none: the
 * same walk backwards (a clause's start is the token after its break). */
static inline size_t lw_flag_prev(const uint8_t *f, size_t floor, size_t to, uint8_t bit)
{
	const uint64_t mask = UINT64_C(0x0101010101010101) * bit;
	size_t k = to;
	for (; k >= floor + 8; k -= 8) {
		uint64_t v;
		memcpy(&v, f + k - 8, 8);
		if (v & mask) {
#if LW_FLAG_LE
			return k - (size_t)(__builtin_clzll(v & mask) >> 3);
#else
			break;
#endif
		}
	}
	while (k > floor && !(f[k - 1] & bit))
		k--;
	return k;
}

#endif
