/*
 * kb_compile.c: compile the text dictionaries (docs/dictionaries.md) into
 * the binary knowledge base that kb_load.c maps. Also the checker behind
 * `lapwing kb check`: a compile that writes nothing.
 *
 * Directories are read in order; a later directory extends and overrides
 * an earlier one (a user's --kb directory over data/): an actor with the
 * same canonical name replaces the earlier entry, a place with the same
 * name in the same country and province merges into it, word lists add up.
 *
 * Phrases are cut into units by the same tokenizer and folding as the
 * text (units.c), so a name matches in text exactly when its units do.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "kb.h"
#include "lexfile.h"
#include "smap.h"
#include "sound.h"
#include "units.h"
#include "wordset.h"
#include "../text/utf8.h"
#include "../util/arena.h"
#include "../util/buf.h"

/* English word lists (Debian wamerican, wbritish: the news lapwing reads
 * from South Asia, Africa and Britain spells "labourers", "defence",
 * "organisation") and WordNet's irregular verbs (Debian wordnet-base),
 * read when present. */
#define LW_WORDS_FILE "/usr/share/dict/american-english"
#define LW_WORDS_FILE_GB "/usr/share/dict/british-english"
#define LW_VERB_EXC_FILE "/usr/share/wordnet/verb.exc"
/* Bits of the first-unit filter and of the filter of later steps: 2^20
 * bits = 128 KB each, in cache. */
#define LW_FILTER_BITS (1u << 20)
/* More aliases than this on one entry is a broken line. */
#define LW_MAX_ALIASES 256

const char *const lw_plover_types[16] = {
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
};

static const char *const sectors[] = {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "UAF",
				      "CVL", "MED", "EDU", "REL", "BUS", "LAB", "REF", "NGO", "IGO"};

/* ---- growable vectors ---- */
#define VEC(T)            \
	struct {          \
		T *v;     \
		size_t n; \
		size_t cap; \
	}

static int vec_grow(void **v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 64;
	void *p = realloc(*v, c * size);
	if (!p)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}
#define VPUSH(vec, x) \
	(vec_grow((void **)&(vec).v, &(vec).cap, (vec).n, sizeof *(vec).v) ? -1 : ((vec).v[(vec).n++] = (x), 0))

struct strref {
	uint32_t off, len;
};

struct bactor {
	struct strref name;
	uint8_t type, flags;
	int removed, dir;
	uint32_t period, nperiod;
	uint32_t alias, nalias; /* into aliases */
	const char *file;
	long line;
};

struct bplace {
	struct strref name, admin1, admin2;
	uint8_t kind, flags;
	char country[4];
	float lat, lon;
	uint32_t alias, nalias;
	const char *file;
	long line;
	uint32_t id; /* the place it became (after merging) */
};

struct fplace { /* a final place */
	struct strref name;
	uint8_t kind, flags;
	char country[4];
	uint32_t admin1, admin2;
	float lat, lon;
	VEC(struct strref) names; /* name and aliases */
};

struct brole {
	char sector[4];
	uint8_t kind, nalt;
	char alt_country[LW_ROLE_ALTS][4];
	char alt_sector[LW_ROLE_ALTS][4];
};

struct phrase {
	struct strref text;
	struct lw_kb_sense sense;
};

struct country_extra {
	char a3[4];
	uint32_t dem, ndem, oth, noth;
	const char *file;
	long line;
};

struct capital { /* a line of places/capitals.txt */
	char a3[4];
	struct strref name, admin1; /* admin1.len 0: any */
	const char *file;
	long line;
};

struct edge_key {
	uint32_t parent;
	char key[LW_KB_UNIT_FOLD_MAX];
};

struct seen_at {
	const char *file;
	long line;
	int dir;
};

struct builder {
	lw_diag_fn diag;
	void *dctx;
	int errors, warnings;
	const char *file;
	int dir;
	struct lw_buf strings;
	char *files[512]; /* file names kept for diagnostics */
	size_t nfiles;
	size_t nread; /* dictionary files read so far */
	VEC(char *) abbrev_title, abbrev_other, starters;
	VEC(struct bactor) actors;
	VEC(struct lw_kb_period) periods;
	VEC(struct strref) aliases;
	struct smap actor_by_name;
	VEC(struct bplace) rawplaces;
	VEC(struct fplace) places;
	struct smap place_key;
	VEC(struct lw_kb_country) countries;
	VEC(struct country_extra) country_extras;
	VEC(struct capital) capitals;
	struct smap country_by_a3;
	VEC(struct phrase) demonym_phrases; /* sense id: country index */
	VEC(struct strref) country_names;   /* parallel: country a3 of each */
	VEC(uint32_t) country_name_owner;
	VEC(struct brole) roles;
	VEC(struct phrase) phrases; /* lexicon and roles: inserted as is */
	/* where each lexicon entry was first written, to report duplicates */
	struct smap phrase_seen;  /* sense|folded text -> index in seen */
	VEC(struct seen_at) seen;
	long line;                /* the line being read */
	lw_lexline_fn line_fn;    /* its handler */
	VEC(struct lw_kb_trigger) triggers;
	VEC(struct lw_kb_acled) acled;
	struct smap verb_irregular; /* lemma -> offset of "form1 form2 ..." */
	struct lw_wordset *common;
	/* the trie */
	VEC(struct lw_kb_sense) senses;
	VEC(uint32_t) sense_node;
	uint32_t nnodes;
	struct smap edges; /* parent|key -> child */
	uint64_t *filter; /* and start_lower, start_place after it (one calloc) */
	uint64_t *start_lower, *start_place;
	struct lw_text_lexicon textlex;
	struct lw_wordset *ws_title, *ws_other, *ws_starters;
};

static void report(struct builder *b, long line, int is_error, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void report(struct builder *b, long line, int is_error, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (is_error)
		b->errors++;
	else
		b->warnings++;
	if (b->diag)
		b->diag(b->dctx, b->file ? b->file : "(dictionaries)", line, is_error, msg);
}

static void on_syntax(void *ctx, const char *file, long line, int is_error, const char *msg)
{
	struct builder *b = ctx;
	const char *save = b->file;
	b->file = file;
	report(b, line, is_error, "%s", msg);
	b->file = save;
}

static struct strref intern(struct builder *b, const char *p, size_t n)
{
	struct strref r = {(uint32_t)b->strings.len, (uint32_t)n};
	lw_buf_add(&b->strings, p, n);
	lw_buf_addc(&b->strings, 0);
	return r;
}

static const char *sref(const struct builder *b, struct strref r)
{
	return b->strings.ptr + r.off;
}

/* Folded form of a whole phrase (units joined by spaces), for keys. */
static size_t fold_phrase(const char *p, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	size_t i = 0;
	while (i < n && o + 1 < cap) {
		unsigned char c = (unsigned char)p[i];
		if (c == ' ' || c == '-' || c == '\t') {
			if (o && out[o - 1] != ' ')
				out[o++] = ' ';
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && p[j] != ' ' && p[j] != '-' && p[j] != '\t')
			j++;
		size_t k = lw_fold_unit((const unsigned char *)p + i, j - i, out + o, cap - o - 1);
		o += k;
		i = j;
	}
	while (o && out[o - 1] == ' ')
		o--;
	return o;
}

static int lstr_eq(lw_str a, const char *s)
{
	return lw_lex_eq(a, s);
}

static int parse_sector(lw_str s, char out[4])
{
	if (s.len != 3)
		return 0;
	for (size_t i = 0; i < sizeof sectors / sizeof *sectors; i++)
		if (memcmp(s.ptr, sectors[i], 3) == 0) {
			memcpy(out, sectors[i], 4);
			return 1;
		}
	return 0;
}

static int valid_country(struct builder *b, const char *a3)
{
	return smap_get(&b->country_by_a3, a3, 3, UINT32_MAX) != UINT32_MAX;
}

int32_t lw_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

static int parse_day(lw_str s, int32_t *out)
{
	lw_date d;
	if (s.len != 10 || !lw_date_parse(s.ptr, s.len, &d))
		return 0;
	*out = lw_days_from_civil(d.year, d.month, d.day);
	return 1;
}

/* "AFGREB", "AFGREB until 2021-08-14", "AFGGOV from 2021-08-15",
 * "X from D1 until D2". */
static int parse_period(struct builder *b, long line, lw_str item, struct lw_kb_period *p)
{
	lw_str w[6];
	size_t nw = 0, i = 0;
	while (i < item.len && nw < 6) {
		while (i < item.len && item.ptr[i] == ' ')
			i++;
		size_t j = i;
		while (j < item.len && item.ptr[j] != ' ')
			j++;
		if (j > i) {
			w[nw].ptr = item.ptr + i;
			w[nw].len = j - i;
			nw++;
		}
		i = j;
	}
	memset(p, 0, sizeof *p);
	p->from = INT32_MIN;
	p->to = INT32_MAX;
	if (nw == 0 || nw == 2 || nw == 4 || nw > 5 || w[0].len != 6) {
		report(b, line, 1, "bad code '%.*s' (CODE [from YYYY-MM-DD] [until YYYY-MM-DD])",
		       (int)item.len, item.ptr);
		return 0;
	}
	if (memcmp(w[0].ptr, "---", 3) != 0) {
		memcpy(p->country, w[0].ptr, 3);
		if (!valid_country(b, p->country)) {
			report(b, line, 1, "unknown country code '%.3s'", w[0].ptr);
			return 0;
		}
	}
	lw_str sec = {w[0].ptr + 3, 3};
	if (!parse_sector(sec, p->sector)) {
		report(b, line, 1, "unknown sector '%.3s'", w[0].ptr + 3);
		return 0;
	}
	for (size_t k = 1; k + 1 < nw; k += 2) {
		int32_t day;
		if (!parse_day(w[k + 1], &day)) {
			report(b, line, 1, "bad date '%.*s'", (int)w[k + 1].len, w[k + 1].ptr);
			return 0;
		}
		if (lstr_eq(w[k], "from"))
			p->from = day;
		else if (lstr_eq(w[k], "until"))
			p->to = day;
		else {
			report(b, line, 1, "expected 'from' or 'until', not '%.*s'", (int)w[k].len,
			       w[k].ptr);
			return 0;
		}
	}
	if (p->from > p->to) {
		report(b, line, 1, "period ends before it starts");
		return 0;
	}
	return 1;
}

/* ---- actors: every .txt file in actors/ but roles.txt ---- */
static int on_actor(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 4) {
		report(b, l->line, 1, "expected 4 fields (name | type | code | aliases), found %zu",
		       l->nfields);
		return 0;
	}
	lw_str name = l->field[0];
	if (lw_lex_empty(name)) {
		report(b, l->line, 1, "empty name");
		return 0;
	}
	struct bactor a;
	memset(&a, 0, sizeof a);
	if (lstr_eq(l->field[1], "PERSON"))
		a.type = LW_ACTOR_PERSON;
	else if (lstr_eq(l->field[1], "ORG"))
		a.type = LW_ACTOR_ORG;
	else {
		report(b, l->line, 1, "type must be PERSON or ORG, not '%.*s'", (int)l->field[1].len,
		       l->field[1].ptr);
		return 0;
	}
	lw_str items[32];
	size_t n = lw_lex_split(l->field[2], items, 32);
	if (n == 0 || n > 32) {
		report(b, l->line, 1, "expected one to 32 codes");
		return 0;
	}
	a.period = (uint32_t)b->periods.n;
	for (size_t i = 0; i < n; i++) {
		struct lw_kb_period p;
		if (!parse_period(b, l->line, items[i], &p))
			return 0;
		for (size_t k = a.period; k < b->periods.n; k++)
			if (p.from <= b->periods.v[k].to && b->periods.v[k].from <= p.to) {
				report(b, l->line, 1, "coded periods overlap");
				b->periods.n = a.period;
				return 0;
			}
		if (VPUSH(b->periods, p))
			return 1;
	}
	a.nperiod = (uint32_t)n;
	for (size_t i = a.period; i < b->periods.n; i++)
		if (strcmp(b->periods.v[i].sector, "REB") == 0)
			a.flags |= LW_AF_ARMED_GROUP;
	if (strstr(b->file, "state.txt"))
		a.flags |= LW_AF_STATE;
	a.name = intern(b, name.ptr, name.len);
	lw_str al[LW_MAX_ALIASES];
	size_t na = lw_lex_split(l->field[3], al, LW_MAX_ALIASES);
	if (na > LW_MAX_ALIASES) {
		report(b, l->line, 1, "more than %d aliases", LW_MAX_ALIASES);
		na = LW_MAX_ALIASES;
	}
	a.alias = (uint32_t)b->aliases.n;
	for (size_t i = 0; i < na; i++) {
		struct strref r = intern(b, al[i].ptr, al[i].len);
		if (VPUSH(b->aliases, r))
			return 1;
	}
	a.nalias = (uint32_t)na;
	a.file = b->file;
	a.line = l->line;
	a.dir = b->dir;
	char key[512];
	size_t kn = fold_phrase(name.ptr, name.len, key, sizeof key);
	uint32_t prev = smap_get(&b->actor_by_name, key, kn, UINT32_MAX);
	if (prev != UINT32_MAX) {
		struct bactor *p = &b->actors.v[prev];
		if (p->dir == b->dir) {
			report(b, l->line, 1, "duplicate entry '%.*s' (first at %s:%ld)", (int)name.len,
			       name.ptr, p->file, p->line);
			return 0;
		}
		p->removed = 1; /* overridden by a later directory */
	}
	if (VPUSH(b->actors, a) || smap_put(&b->actor_by_name, key, kn, (uint32_t)(b->actors.n - 1)))
		return 1;
	return 0;
}

/* ---- actors/roles.txt ---- */
static int add_phrase(struct builder *b, lw_str text, struct lw_kb_sense s)
{
	/* the same phrase with the very same sense on two lines of one
	 * directory: a duplicate (a later directory overrides, silently);
	 * forms made from one line (inflections) are not */
	char key[512];
	memcpy(key, &s, sizeof s); /* four words and four bytes: no padding */
	size_t kn = sizeof s + fold_phrase(text.ptr, text.len, key + sizeof s, sizeof key - sizeof s);
	uint32_t prev = smap_get(&b->phrase_seen, key, kn, UINT32_MAX);
	if (prev != UINT32_MAX) {
		struct seen_at *p = &b->seen.v[prev];
		if (p->dir != b->dir) /* a later directory restates it: its own now */
			*p = (struct seen_at){b->file, b->line, b->dir};
		else if (p->line != b->line || p->file != b->file)
			report(b, b->line, 0, "duplicate entry '%.*s' (first at %s:%ld)", (int)text.len,
			       text.ptr, p->file, p->line);
	} else {
		struct seen_at at = {b->file, b->line, b->dir};
		if (VPUSH(b->seen, at) ||
		    smap_put(&b->phrase_seen, key, kn, (uint32_t)(b->seen.n - 1)))
			return 1;
	}
	struct phrase ph;
	ph.text = intern(b, text.ptr, text.len);
	ph.sense = s;
	return VPUSH(b->phrases, ph);
}

static struct lw_kb_sense sense(uint8_t kind, uint32_t id)
{
	struct lw_kb_sense s;
	memset(&s, 0, sizeof s);
	s.kind = kind;
	s.id = id;
	return s;
}

static int on_role(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 3 && l->nfields != 4) {
		report(b, l->line, 1,
		       "expected 3 or 4 fields (phrases | sector | kind [| CCC=SECTOR; ...]), found %zu",
		       l->nfields);
		return 0;
	}
	struct brole r;
	memset(&r, 0, sizeof r);
	if (!parse_sector(l->field[1], r.sector)) {
		report(b, l->line, 1, "unknown sector '%.*s'", (int)l->field[1].len, l->field[1].ptr);
		return 0;
	}
	if (lstr_eq(l->field[2], "group"))
		r.kind = LW_ROLE_GROUP;
	else if (lstr_eq(l->field[2], "institution"))
		r.kind = LW_ROLE_INSTITUTION;
	else if (lstr_eq(l->field[2], "title"))
		r.kind = LW_ROLE_TITLE;
	else {
		report(b, l->line, 1, "kind must be group, institution or title");
		return 0;
	}
	/* "IND=PTY; USA=LEG": the word's code in a story about the country */
	if (l->nfields == 4 && !lw_lex_empty(l->field[3])) {
		lw_str alts[LW_ROLE_ALTS + 1];
		size_t na = lw_lex_split(l->field[3], alts, LW_ROLE_ALTS + 1);
		if (na > LW_ROLE_ALTS) {
			report(b, l->line, 1, "more than %d countries", LW_ROLE_ALTS);
			return 0;
		}
		for (size_t i = 0; i < na; i++) {
			const char *p = alts[i].ptr;
			int ok = alts[i].len > 4 && p[3] == '=';
			for (size_t j = 0; j < 3 && ok; j++)
				ok = p[j] >= 'A' && p[j] <= 'Z';
			lw_str sec = {p + 4, alts[i].len - 4};
			if (!ok || !parse_sector(sec, r.alt_sector[i])) {
				report(b, l->line, 1, "expected CCC=SECTOR (IND=PTY), not '%.*s'",
				       (int)alts[i].len, p);
				return 0;
			}
			memcpy(r.alt_country[i], p, 3);
			r.alt_country[i][3] = 0;
		}
		r.nalt = (uint8_t)na;
	}
	if (VPUSH(b->roles, r))
		return 1;
	lw_str items[64];
	size_t n = lw_lex_split(l->field[0], items, 64);
	if (n == 0)
		report(b, l->line, 1, "no phrase");
	for (size_t i = 0; i < n && i < 64; i++)
		if (add_phrase(b, items[i], sense(LW_SENSE_ROLE, (uint32_t)(b->roles.n - 1))))
			return 1;
	return 0;
}

/* ---- places ---- */
static int parse_kind(lw_str s)
{
	static const char *const kinds[] = {NULL, "country", "admin1", "admin2", "city", "other"};
	for (int k = 1; k <= 5; k++)
		if (lstr_eq(s, kinds[k]))
			return k;
	return 0;
}

static int parse_coord(lw_str s, float *lat, float *lon)
{
	*lat = *lon = NAN;
	if (lw_lex_empty(s))
		return 1;
	char tmp[64];
	if (s.len >= sizeof tmp)
		return 0;
	memcpy(tmp, s.ptr, s.len);
	tmp[s.len] = 0;
	char *e1, *e2;
	double a = strtod(tmp, &e1);
	double o = strtod(e1, &e2);
	if (e1 == tmp || e2 == e1 || *e2 || a < -90 || a > 90 || o < -180 || o > 180)
		return 0;
	*lat = (float)a;
	*lon = (float)o;
	return 1;
}

static int on_place(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 7) {
		report(b, l->line, 1,
		       "expected 7 fields (name | kind | country | admin1 | admin2 | lat lon | "
		       "aliases), found %zu",
		       l->nfields);
		return 0;
	}
	struct bplace p;
	memset(&p, 0, sizeof p);
	if (lw_lex_empty(l->field[0])) {
		report(b, l->line, 1, "empty name");
		return 0;
	}
	p.kind = (uint8_t)parse_kind(l->field[1]);
	if (!p.kind) {
		report(b, l->line, 1, "kind must be country, admin1, admin2, city or other");
		return 0;
	}
	if (l->field[2].len != 3) {
		report(b, l->line, 1, "country must be an ISO 3166-1 alpha-3 code");
		return 0;
	}
	memcpy(p.country, l->field[2].ptr, 3);
	if (!parse_coord(l->field[5], &p.lat, &p.lon)) {
		report(b, l->line, 1, "coordinates must be 'lat lon' in degrees, or -");
		return 0;
	}
	p.name = intern(b, l->field[0].ptr, l->field[0].len);
	if (!lw_lex_empty(l->field[3]))
		p.admin1 = intern(b, l->field[3].ptr, l->field[3].len);
	if (!lw_lex_empty(l->field[4]))
		p.admin2 = intern(b, l->field[4].ptr, l->field[4].len);
	lw_str al[LW_MAX_ALIASES];
	size_t na = lw_lex_split(l->field[6], al, LW_MAX_ALIASES);
	if (na > LW_MAX_ALIASES)
		na = LW_MAX_ALIASES;
	p.alias = (uint32_t)b->aliases.n;
	for (size_t i = 0; i < na; i++) {
		struct strref r = intern(b, al[i].ptr, al[i].len);
		if (VPUSH(b->aliases, r))
			return 1;
	}
	p.nalias = (uint32_t)na;
	p.file = b->file;
	p.line = l->line;
	return VPUSH(b->rawplaces, p);
}

/* ---- places/countries.txt: `alpha3 | demonyms | other names` ---- */

static int on_country(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 3 || l->field[0].len != 3) {
		report(b, l->line, 1, "expected 3 fields (alpha3 | demonyms | other names)");
		return 0;
	}
	struct country_extra c;
	memset(&c, 0, sizeof c);
	memcpy(c.a3, l->field[0].ptr, 3);
	lw_str it[LW_MAX_ALIASES];
	size_t n = lw_lex_split(l->field[1], it, LW_MAX_ALIASES);
	c.dem = (uint32_t)b->aliases.n;
	for (size_t i = 0; i < n && i < LW_MAX_ALIASES; i++) {
		struct strref r = intern(b, it[i].ptr, it[i].len);
		if (VPUSH(b->aliases, r))
			return 1;
	}
	c.ndem = (uint32_t)(n < LW_MAX_ALIASES ? n : LW_MAX_ALIASES);
	n = lw_lex_split(l->field[2], it, LW_MAX_ALIASES);
	c.oth = (uint32_t)b->aliases.n;
	for (size_t i = 0; i < n && i < LW_MAX_ALIASES; i++) {
		struct strref r = intern(b, it[i].ptr, it[i].len);
		if (VPUSH(b->aliases, r))
			return 1;
	}
	c.noth = (uint32_t)(n < LW_MAX_ALIASES ? n : LW_MAX_ALIASES);
	c.file = b->file;
	c.line = l->line;
	return VPUSH(b->country_extras, c);
}

/* ---- places/capitals.txt: `alpha3 | capital | admin1` ---- */

static int on_capital(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 3 || l->field[0].len != 3 || l->field[1].len == 0) {
		report(b, l->line, 1, "expected 3 fields (alpha3 | capital | admin1 or -)");
		return 0;
	}
	struct capital c;
	memset(&c, 0, sizeof c);
	memcpy(c.a3, l->field[0].ptr, 3);
	c.name = intern(b, l->field[1].ptr, l->field[1].len);
	if (!lstr_eq(l->field[2], "-"))
		c.admin1 = intern(b, l->field[2].ptr, l->field[2].len);
	c.file = b->file;
	c.line = l->line;
	return VPUSH(b->capitals, c);
}

/* Do two names fold alike ("Bogota", "Bogotá")? */
static int same_folded(const char *a, size_t an, const char *b, size_t bn)
{
	char fa[256], fb[256];
	size_t na = lw_fold((const unsigned char *)a, an, fa, sizeof fa);
	size_t nb = lw_fold((const unsigned char *)b, bn, fb, sizeof fb);
	return na == nb && na < sizeof fa && memcmp(fa, fb, na) == 0;
}

/* Each country's capital: the city of its name (any of its names) in the
 * country, and in the province capitals.txt gives. */
static void find_capitals(struct builder *b)
{
	for (size_t i = 0; i < b->capitals.n; i++) {
		const struct capital *c = &b->capitals.v[i];
		b->file = c->file;
		uint32_t ci = smap_get(&b->country_by_a3, c->a3, 3, UINT32_MAX);
		if (ci == UINT32_MAX) {
			report(b, c->line, 1, "unknown country code '%.3s'", c->a3);
			continue;
		}
		uint32_t found = UINT32_MAX;
		for (size_t k = 0; k < b->places.n && found == UINT32_MAX; k++) {
			const struct fplace *p = &b->places.v[k];
			if (p->kind != LW_PK_CITY || memcmp(p->country, c->a3, 3) != 0)
				continue;
			if (c->admin1.len &&
			    (p->admin1 >= b->places.n ||
			     !same_folded(sref(b, b->places.v[p->admin1].name), b->places.v[p->admin1].name.len,
					  sref(b, c->admin1), c->admin1.len)))
				continue;
			for (size_t n = 0; n < p->names.n; n++)
				if (same_folded(sref(b, p->names.v[n]), p->names.v[n].len, sref(b, c->name),
						c->name.len)) {
					found = (uint32_t)k;
					break;
				}
		}
		if (found == UINT32_MAX) {
			/* without the gazetteer (tests) there are no cities to find */
			if (b->places.n > b->countries.n)
				report(b, c->line, 0, "no city '%.*s' in %.3s", (int)c->name.len,
				       sref(b, c->name), c->a3);
			continue;
		}
		b->countries.v[ci].capital = found;
		b->places.v[found].flags |= LW_PF_CAPITAL;
	}
}

/* ---- lexicon ---- */
static int on_abbrev(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 2) {
		report(b, l->line, 1, "expected 2 fields (abbreviation | title|other), found %zu",
		       l->nfields);
		return 0;
	}
	lw_str w = l->field[0];
	if (w.len && w.ptr[w.len - 1] == '.')
		w.len--; /* written with or without its full stop */
	if (w.len == 0 || memchr(w.ptr, ' ', w.len)) {
		report(b, l->line, 1, "an abbreviation is one word");
		return 0;
	}
	int title = lstr_eq(l->field[1], "title"), other = lstr_eq(l->field[1], "other");
	if (!title && !other) {
		report(b, l->line, 1, "class must be title or other, not '%.*s'",
		       (int)l->field[1].len, l->field[1].ptr);
		return 0;
	}
	char *c = strndup(w.ptr, w.len);
	if (!c)
		return 1;
	return title ? VPUSH(b->abbrev_title, c) : VPUSH(b->abbrev_other, c);
}

static int on_starter(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 1 || l->field[0].len == 0 || l->field[0].len > 63) {
		report(b, l->line, 1, "expected one word");
		return 0;
	}
	char *c = strndup(l->field[0].ptr, l->field[0].len);
	if (!c)
		return 1;
	for (char *q = c; *q; q++)
		*q = (char)lw_ascii_lower((unsigned char)*q);
	return VPUSH(b->starters, c);
}

static int one_of(lw_str s, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (lstr_eq(s, names[i]))
			return i;
	return -1;
}

static int on_title(void *ctx, const struct lw_lexline *l)
{
	static const char *const kinds[] = {"honorific", "military", "office", "religious"};
	struct builder *b = ctx;
	int k = l->nfields == 2 ? one_of(l->field[1], kinds, 4) : -1;
	if (k < 0) {
		report(b, l->line, 1, "expected `phrase | honorific|military|office|religious`");
		return 0;
	}
	struct lw_kb_sense s = sense(LW_SENSE_TITLE, 0);
	s.sub = (uint8_t)k;
	lw_str it[16];
	size_t n = lw_lex_split(l->field[0], it, 16);
	for (size_t i = 0; i < n && i < 16; i++)
		if (add_phrase(b, it[i], s))
			return 1;
	return 0;
}

static int on_org_head(void *ctx, const struct lw_lexline *l)
{
	static const char *const kinds[] = {"tail", "head"};
	struct builder *b = ctx;
	int k = l->nfields == 2 || l->nfields == 3 ? one_of(l->field[1], kinds, 2) : -1;
	if (k < 0) {
		report(b, l->line, 1, "expected `word | tail|head [| sector]`");
		return 0;
	}
	struct lw_kb_sense s = sense(LW_SENSE_ORG_HEAD, 0);
	s.sub = (uint8_t)k;
	if (l->nfields == 3) {
		/* the sector of an unknown organisation named with this word,
		 * packed into the sense's value */
		char sec[4];
		if (!parse_sector(l->field[2], sec)) {
			report(b, l->line, 1, "unknown sector '%.*s'", (int)l->field[2].len,
			       l->field[2].ptr);
			return 0;
		}
		s.value = (int32_t)((uint32_t)(unsigned char)sec[0] | (uint32_t)(unsigned char)sec[1] << 8 |
				    (uint32_t)(unsigned char)sec[2] << 16);
	}
	return add_phrase(b, l->field[0], s);
}

static int on_place_head(void *ctx, const struct lw_lexline *l)
{
	static const char *const pos[] = {"after", "before"};
	struct builder *b = ctx;
	int p = l->nfields == 3 ? one_of(l->field[1], pos, 2) : -1;
	/* "route": a road's or street's name ("Jalalabad Road"), a place of
	 * kind other that is not where the place it is named after is */
	int route = l->nfields == 3 && lstr_eq(l->field[2], "route");
	int k = route ? LW_PK_OTHER : l->nfields == 3 ? parse_kind(l->field[2]) : 0;
	if (p < 0 || k <= 1) {
		report(b, l->line, 1,
		       "expected `word | after|before | admin1|admin2|city|other|route`");
		return 0;
	}
	struct lw_kb_sense s = sense(LW_SENSE_PLACE_HEAD, (uint32_t)route);
	s.sub = (uint8_t)p;
	s.value = k;
	return add_phrase(b, l->field[0], s);
}

static int on_given(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 1 || lw_lex_empty(l->field[0])) {
		report(b, l->line, 1, "expected one name");
		return 0;
	}
	return add_phrase(b, l->field[0], sense(LW_SENSE_GIVEN_NAME, 0));
}

static int on_particle(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 1 || lw_lex_empty(l->field[0])) {
		report(b, l->line, 1, "expected one particle");
		return 0;
	}
	lw_str w = l->field[0];
	while (w.len && (w.ptr[w.len - 1] == '-' || w.ptr[w.len - 1] == '\''))
		w.len--; /* "al-" is "al": hyphens separate units anyway */
	if (!w.len)
		return 0;
	return add_phrase(b, w, sense(LW_SENSE_PARTICLE, 0));
}

static int on_not_name(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 1 || lw_lex_empty(l->field[0])) {
		report(b, l->line, 1, "expected one word");
		return 0;
	}
	/* lower case: it matches in any capitalisation */
	char low[128];
	lw_str w = l->field[0];
	if (w.len >= sizeof low)
		return 0;
	for (size_t i = 0; i < w.len; i++)
		low[i] = (char)lw_ascii_lower((unsigned char)w.ptr[i]);
	lw_str lw = {low, w.len};
	return add_phrase(b, lw, sense(LW_SENSE_NOT_NAME, 0));
}

static int on_number(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	char tmp[32];
	if (l->nfields != 3 || l->field[1].len == 0 || l->field[1].len >= sizeof tmp ||
	    (!lstr_eq(l->field[2], "true") && !lstr_eq(l->field[2], "false"))) {
		report(b, l->line, 1, "expected `word | value | true|false`");
		return 0;
	}
	memcpy(tmp, l->field[1].ptr, l->field[1].len);
	tmp[l->field[1].len] = 0;
	char *e;
	long v = strtol(tmp, &e, 10);
	if (*e || v < 0 || v > 2000000000) {
		report(b, l->line, 1, "value must be a whole number");
		return 0;
	}
	struct lw_kb_sense s = sense(LW_SENSE_NUMBER, 0);
	s.value = (int32_t)v;
	s.sub = lstr_eq(l->field[2], "true");
	return add_phrase(b, l->field[0], s);
}

static int on_approx(void *ctx, const struct lw_lexline *l)
{
	static const char *const kinds[] = {"approx", "min", "max"};
	struct builder *b = ctx;
	int k = l->nfields == 2 ? one_of(l->field[1], kinds, 3) : -1;
	if (k < 0) {
		report(b, l->line, 1, "expected `phrase | approx|min|max`");
		return 0;
	}
	struct lw_kb_sense s = sense(LW_SENSE_APPROX, 0);
	s.sub = (uint8_t)k;
	return add_phrase(b, l->field[0], s);
}

/* ---- inflection (regular rules + WordNet's exceptions) ---- */
static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int vowel_groups(const char *w, size_t n)
{
	int g = 0;
	for (size_t i = 0; i < n; i++)
		if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1])))
			g++;
	return g;
}

/* consonant-vowel-consonant ending whose last letter may double */
static int cvc(const char *w, size_t n)
{
	if (n < 3)
		return 0;
	char c = w[n - 1], v = w[n - 2], p = w[n - 3];
	return !is_vowel(c) && c != 'w' && c != 'x' && c != 'y' && is_vowel(v) && !is_vowel(p);
}

typedef void (*form_fn)(struct builder *b, const char *word, size_t n, const char *rest,
			size_t rn, int form, void *ctx);

static void emit_form(struct builder *b, const char *stem, size_t sn, const char *suffix,
		      const char *rest, size_t rn, int form, form_fn fn, void *ctx)
{
	char w[128];
	size_t xn = strlen(suffix);
	if (sn + xn >= sizeof w)
		return;
	memcpy(w, stem, sn);
	memcpy(w + sn, suffix, xn);
	fn(b, w, sn + xn, rest, rn, form, ctx);
}

/* Verbs whose past and participle are the base form ("were hurt", "was
 * hit", "were set on fire"). WordNet's exception lists leave them out
 * (its morphology tries every word as its own lemma first), so the list
 * is ours: facts of English. */
static int past_is_base(const char *w, size_t n)
{
	static const char *const same[] = {
		"beat", "bet", "bid", "broadcast", "burst", "cast", "cost", "cut", "forecast",
		"hit", "hurt", "let", "put", "quit", "rid", "set", "shut", "split", "spread",
		"thrust", "upset"};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		if (strlen(same[i]) == n && memcmp(same[i], w, n) == 0)
			return 1;
	return 0;
}

/* All forms of the verb `w` (lower case), with `rest` ("out" in "carry
 * out") kept after each. */
static void verb_forms(struct builder *b, const char *w, size_t n, const char *rest, size_t rn,
		       form_fn fn, void *ctx)
{
	fn(b, w, n, rest, rn, LW_FORM_BASE, ctx);
	if (n == 0)
		return;
	if (past_is_base(w, n))
		fn(b, w, n, rest, rn, LW_FORM_PAST, ctx);
	char last = w[n - 1];
	/* third person */
	if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
	    (n >= 2 && (w[n - 2] == 'c' || w[n - 2] == 's') && last == 'h'))
		emit_form(b, w, n, "es", rest, rn, LW_FORM_3SG, fn, ctx);
	else if (last == 'y' && n >= 2 && !is_vowel(w[n - 2]))
		emit_form(b, w, n - 1, "ies", rest, rn, LW_FORM_3SG, fn, ctx);
	else
		emit_form(b, w, n, "s", rest, rn, LW_FORM_3SG, fn, ctx);
	/* past and -ing */
	int dbl = cvc(w, n), groups = vowel_groups(w, n);
	char dstem[128];
	if (n + 1 < sizeof dstem) {
		memcpy(dstem, w, n);
		dstem[n] = last;
	}
	if (last == 'e') {
		emit_form(b, w, n, "d", rest, rn, LW_FORM_PAST, fn, ctx);
		if (n >= 2 && w[n - 2] == 'i')
			emit_form(b, w, n - 2, "ying", rest, rn, LW_FORM_ING, fn, ctx);
		else if (n >= 2 && (w[n - 2] == 'e' || w[n - 2] == 'o' || w[n - 2] == 'y'))
			emit_form(b, w, n, "ing", rest, rn, LW_FORM_ING, fn, ctx);
		else
			emit_form(b, w, n - 1, "ing", rest, rn, LW_FORM_ING, fn, ctx);
	} else if (last == 'y' && n >= 2 && !is_vowel(w[n - 2])) {
		emit_form(b, w, n - 1, "ied", rest, rn, LW_FORM_PAST, fn, ctx);
		emit_form(b, w, n, "ing", rest, rn, LW_FORM_ING, fn, ctx);
	} else {
		if (!dbl || groups > 1) {
			emit_form(b, w, n, "ed", rest, rn, LW_FORM_PAST, fn, ctx);
			emit_form(b, w, n, "ing", rest, rn, LW_FORM_ING, fn, ctx);
		}
		if (dbl && n + 1 < sizeof dstem) {
			emit_form(b, dstem, n + 1, "ed", rest, rn, LW_FORM_PAST, fn, ctx);
			emit_form(b, dstem, n + 1, "ing", rest, rn, LW_FORM_ING, fn, ctx);
		}
	}
	/* irregular forms from WordNet: "said", "told", "shot" */
	char key[128];
	if (n < sizeof key) {
		memcpy(key, w, n);
		uint32_t off = smap_get(&b->verb_irregular, key, n, UINT32_MAX);
		if (off != UINT32_MAX) {
			const char *f = b->strings.ptr + off;
			while (*f) {
				const char *e = strchr(f, ' ');
				size_t fl = e ? (size_t)(e - f) : strlen(f);
				fn(b, f, fl, rest, rn, LW_FORM_PAST, ctx);
				f += fl + (e ? 1 : 0);
			}
		}
	}
}

static void noun_forms(struct builder *b, const char *w, size_t n, const char *rest, size_t rn,
		       form_fn fn, void *ctx)
{
	/* the last word of a noun phrase takes the plural: "suicide bombings" */
	if (rn > 0) {
		fn(b, w, n, rest, rn, LW_FORM_BASE, ctx);
		return;
	}
	fn(b, w, n, rest, rn, LW_FORM_BASE, ctx);
	if (n == 0)
		return;
	char last = w[n - 1];
	if (last == 's' || last == 'x' || last == 'z' ||
	    (n >= 2 && (w[n - 2] == 'c' || w[n - 2] == 's') && last == 'h'))
		emit_form(b, w, n, "es", rest, rn, LW_FORM_PLURAL, fn, ctx);
	else if (last == 'y' && n >= 2 && !is_vowel(w[n - 2]))
		emit_form(b, w, n - 1, "ies", rest, rn, LW_FORM_PLURAL, fn, ctx);
	else
		emit_form(b, w, n, "s", rest, rn, LW_FORM_PLURAL, fn, ctx);
}

struct form_ctx {
	struct lw_kb_sense s;
	int fail;
};

static void add_form(struct builder *b, const char *word, size_t n, const char *rest, size_t rn,
		     int form, void *ctx)
{
	struct form_ctx *fc = ctx;
	char buf[512];
	if (n + rn + 1 >= sizeof buf)
		return;
	memcpy(buf, word, n);
	if (rn) {
		buf[n] = ' ';
		memcpy(buf + n + 1, rest, rn);
	}
	lw_str s = {buf, n + (rn ? rn + 1 : 0)};
	struct lw_kb_sense x = fc->s;
	x.form = (uint8_t)form;
	if (add_phrase(b, s, x))
		fc->fail = 1;
}

/* A verb phrase: the first word is inflected ("point out" -> "pointed out").
 * A noun phrase: the last word ("air strike" -> "air strikes"). */
static int add_inflected(struct builder *b, lw_str phrase, struct lw_kb_sense s, int is_verb)
{
	struct form_ctx fc = {s, 0};
	char low[512];
	if (phrase.len >= sizeof low)
		return 0;
	for (size_t i = 0; i < phrase.len; i++)
		low[i] = phrase.ptr[i];
	int lower = 1;
	for (size_t i = 0; i < phrase.len; i++)
		if ((unsigned char)(low[i] - 'A') < 26)
			lower = 0;
	if (!lower) { /* "IED", "Molotov cocktail": no inflection but the plural */
		if (!is_verb) {
			add_form(b, low, phrase.len, "", 0, LW_FORM_BASE, &fc);
			char pl[520];
			memcpy(pl, low, phrase.len);
			pl[phrase.len] = 's';
			add_form(b, pl, phrase.len + 1, "", 0, LW_FORM_PLURAL, &fc);
		} else {
			add_form(b, low, phrase.len, "", 0, LW_FORM_BASE, &fc);
		}
		return fc.fail;
	}
	if (is_verb) {
		const char *sp = memchr(low, ' ', phrase.len);
		size_t n = sp ? (size_t)(sp - low) : phrase.len;
		verb_forms(b, low, n, sp ? sp + 1 : "", sp ? phrase.len - n - 1 : 0, add_form, &fc);
	} else {
		size_t n = phrase.len, start = n;
		while (start > 0 && low[start - 1] != ' ')
			start--;
		if (start == 0) {
			noun_forms(b, low, n, "", 0, add_form, &fc);
		} else {
			/* plural of the last word, the head of the phrase */
			char head[512];
			memcpy(head, low, n);
			add_form(b, head, n, "", 0, LW_FORM_BASE, &fc);
			char last = low[n - 1];
			size_t hn = n;
			if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && n >= 2 && (low[n - 2] == 'c' || low[n - 2] == 's'))) {
				memcpy(head + hn, "es", 2);
				hn += 2;
			} else if (last == 'y' && n >= 2 && !is_vowel(low[n - 2])) {
				head[hn - 1] = 'i';
				memcpy(head + hn, "es", 2);
				hn += 2;
			} else {
				head[hn++] = 's';
			}
			add_form(b, head, hn, "", 0, LW_FORM_PLURAL, &fc);
		}
	}
	return fc.fail;
}

static int on_cue(void *ctx, const struct lw_lexline *l)
{
	static const char *const kinds[] = {"verb", "phrase", "noun"};
	struct builder *b = ctx;
	int k = l->nfields == 2 ? one_of(l->field[1], kinds, 3) : -1;
	if (k < 0) {
		report(b, l->line, 1, "expected `phrase | verb|phrase|noun`");
		return 0;
	}
	struct lw_kb_sense s = sense(LW_SENSE_CUE, 0);
	s.sub = (uint8_t)k;
	if (k == LW_CUE_PHRASE)
		return add_phrase(b, l->field[0], s);
	return add_inflected(b, l->field[0], s, k == LW_CUE_VERB);
}

/* ---- events/triggers.txt: `phrase | pos | type | mode | cameo | roles` ---- */
static int plover_index(lw_str s)
{
	for (int i = 0; i < 16; i++)
		if (lstr_eq(s, lw_plover_types[i]))
			return i;
	return -1;
}

static int on_trigger(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	if (l->nfields != 6) {
		report(b, l->line, 1, "expected 6 fields (phrase | pos | type | mode | cameo | roles)");
		return 0;
	}
	int verb = lstr_eq(l->field[1], "verb"), noun = lstr_eq(l->field[1], "noun");
	int type = plover_index(l->field[2]);
	if ((!verb && !noun) || type < 0) {
		report(b, l->line, 1, "pos must be verb or noun, type a PLOVER type");
		return 0;
	}
	struct lw_kb_trigger t;
	memset(&t, 0, sizeof t);
	t.type = (uint8_t)type;
	if (!lw_lex_empty(l->field[3])) {
		struct strref m = intern(b, l->field[3].ptr, l->field[3].len);
		t.mode_off = m.off;
		t.mode_len = m.len;
	}
	if (!lw_lex_empty(l->field[4])) {
		if (l->field[4].len >= sizeof t.cameo) {
			report(b, l->line, 1, "CAMEO code too long");
			return 0;
		}
		memcpy(t.cameo, l->field[4].ptr, l->field[4].len);
	}
	static const struct {
		const char *name;
		uint16_t flag;
	} roles[] = {{"dead", LW_TRF_DEAD},         {"injured", LW_TRF_INJURED},
		     {"arrested", LW_TRF_ARRESTED}, {"abducted", LW_TRF_ABDUCTED},
		     {"passive-target", LW_TRF_PASSIVE_TARGET},
		     {"weak", LW_TRF_WEAK},         {"speech", LW_TRF_SPEECH},
		     {"subject-target", LW_TRF_SUBJECT_TARGET},
		     {"mutual", LW_TRF_MUTUAL},     {"instrument", LW_TRF_INSTRUMENT},
		     {"blast-subject", LW_TRF_BLAST_SUBJECT}};
	lw_str it[16];
	size_t n = lw_lex_split(l->field[5], it, 16);
	for (size_t i = 0; i < n && i < 16; i++) {
		size_t k;
		for (k = 0; k < sizeof roles / sizeof *roles; k++)
			if (lstr_eq(it[i], roles[k].name))
				break;
		if (k == sizeof roles / sizeof *roles) {
			report(b, l->line, 1, "unknown role flag '%.*s'", (int)it[i].len, it[i].ptr);
			return 0;
		}
		t.flags |= roles[k].flag;
	}
	if (noun)
		t.flags |= LW_TRF_NOUN;
	if (VPUSH(b->triggers, t))
		return 1;
	struct lw_kb_sense s = sense(LW_SENSE_TRIGGER, (uint32_t)(b->triggers.n - 1));
	return add_inflected(b, l->field[0], s, verb);
}

/* ---- events/casualties.txt: `phrase | role | position` ---- */
static int on_casualty(void *ctx, const struct lw_lexline *l)
{
	static const char *const rolen[] = {"dead", "injured", "arrested", "casualties"};
	static const char *const posn[] = {"after", "before", "noun"};
	struct builder *b = ctx;
	int r = l->nfields == 3 ? one_of(l->field[1], rolen, 4) : -1;
	int p = l->nfields == 3 ? one_of(l->field[2], posn, 3) : -1;
	if (r < 0 || p < 0) {
		report(b, l->line, 1, "expected `phrase | dead|injured|arrested|casualties | after|before|noun`");
		return 0;
	}
	struct lw_kb_sense s = sense(LW_SENSE_CASUALTY, 0);
	s.sub = (uint8_t)r;
	s.value = p;
	return add_phrase(b, l->field[0], s);
}

/* ---- events/acled.txt: `type | mode | target | event_type | sub_event_type` ---- */
static int on_acled(void *ctx, const struct lw_lexline *l)
{
	static const char *const targets[] = {"*", "civilians", "protesters", "armed"};
	struct builder *b = ctx;
	if (l->nfields != 5) {
		report(b, l->line, 1, "expected 5 fields (type | mode | target | event_type | sub_event_type)");
		return 0;
	}
	int type = plover_index(l->field[0]);
	int tg = one_of(l->field[2], targets, 4);
	if (type < 0 || tg < 0) {
		report(b, l->line, 1, "type must be a PLOVER type, target * civilians protesters or armed");
		return 0;
	}
	struct lw_kb_acled a;
	memset(&a, 0, sizeof a);
	a.type = (uint8_t)type;
	a.target = (uint8_t)tg;
	if (!lw_lex_empty(l->field[1]) && !lstr_eq(l->field[1], "*")) {
		struct strref m = intern(b, l->field[1].ptr, l->field[1].len);
		a.mode_off = m.off;
		a.mode_len = m.len;
	}
	if (!lw_lex_empty(l->field[3])) {
		struct strref e = intern(b, l->field[3].ptr, l->field[3].len);
		a.event_off = e.off;
		a.event_len = e.len;
		if (!lw_lex_empty(l->field[4])) {
			struct strref s = intern(b, l->field[4].ptr, l->field[4].len);
			a.sub_off = s.off;
			a.sub_len = s.len;
		}
	}
	return VPUSH(b->acled, a);
}

/* ---- reading a directory ---- */
struct source {
	const char *dir;    /* subdirectory */
	const char *name;   /* file name, or NULL: every *.txt not named elsewhere */
	lw_lexline_fn fn;
	int required;       /* must exist in the built-in directory */
	int phase;          /* 0: read first (abbreviations, countries) */
};

static const struct source sources[] = {
	{"lexicon", "abbreviations.txt", on_abbrev, 1, 0},
	{"lexicon", "sentence-starters.txt", on_starter, 1, 0},
	{"places", "countries.txt", on_country, 1, 0},
	{"places", "capitals.txt", on_capital, 0, 1},
	{"lexicon", "titles.txt", on_title, 1, 1},
	{"lexicon", "org-heads.txt", on_org_head, 1, 1},
	{"lexicon", "place-heads.txt", on_place_head, 1, 1},
	{"lexicon", "cues.txt", on_cue, 1, 1},
	{"lexicon", "numbers.txt", on_number, 1, 1},
	{"lexicon", "approx.txt", on_approx, 1, 1},
	{"lexicon", "given-names.txt", on_given, 1, 1},
	{"lexicon", "surname-particles.txt", on_particle, 1, 1},
	{"lexicon", "not-names.txt", on_not_name, 1, 1},
	{"actors", "roles.txt", on_role, 1, 1},
	{"actors", NULL, on_actor, 0, 1},
	{"places", NULL, on_place, 0, 1},
	{"events", "triggers.txt", on_trigger, 0, 1},
	{"events", "casualties.txt", on_casualty, 0, 1},
	{"events", "acled.txt", on_acled, 0, 1},
};

static const char *keep_name(struct builder *b, const char *path)
{
	if (b->nfiles >= sizeof b->files / sizeof *b->files)
		return "(file)";
	b->files[b->nfiles] = strdup(path);
	return b->files[b->nfiles] ? b->files[b->nfiles++] : "(file)";
}

/* Every line passes here first: its number is kept for add_phrase. */
static int on_line(void *ctx, const struct lw_lexline *l)
{
	struct builder *b = ctx;
	b->line = l->line;
	return b->line_fn(ctx, l);
}

static void read_file(struct builder *b, const char *path, lw_lexline_fn fn)
{
	b->file = keep_name(b, path);
	b->line_fn = fn;
	b->nread++;
	lw_status st = lw_lexfile_read(path, on_syntax, b, on_line, b);
	if (st != LW_OK)
		report(b, 0, 1, "cannot read: %s", lw_strerror(st));
}

static int named_elsewhere(const char *dir, const char *name)
{
	for (size_t i = 0; i < sizeof sources / sizeof *sources; i++)
		if (sources[i].name && strcmp(sources[i].dir, dir) == 0 &&
		    strcmp(sources[i].name, name) == 0)
			return 1;
	return 0;
}

static int cmp_str(const void *a, const void *c)
{
	return strcmp(*(char *const *)a, *(char *const *)c);
}

static void read_dir(struct builder *b, const char *dir, int first, int phase)
{
	for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
		const struct source *s = &sources[i];
		if (s->phase != phase)
			continue;
		char path[4096];
		if (s->name) {
			snprintf(path, sizeof path, "%s/%s/%s", dir, s->dir, s->name);
			if (access(path, F_OK) != 0) {
				if (first && s->required) {
					b->file = keep_name(b, path);
					report(b, 0, 1, "missing dictionary file");
				}
				continue;
			}
			read_file(b, path, s->fn);
			continue;
		}
		snprintf(path, sizeof path, "%s/%s", dir, s->dir);
		DIR *d = opendir(path);
		if (!d)
			continue;
		char *names[256];
		size_t n = 0;
		struct dirent *e;
		while ((e = readdir(d)) && n < 256) {
			size_t l = strlen(e->d_name);
			if (e->d_name[0] == '.' || l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0 ||
			    named_elsewhere(s->dir, e->d_name))
				continue;
			names[n++] = strdup(e->d_name);
		}
		closedir(d);
		qsort(names, n, sizeof *names, cmp_str);
		for (size_t k = 0; k < n; k++) {
			snprintf(path, sizeof path, "%s/%s/%s", dir, s->dir, names[k]);
			read_file(b, path, s->fn);
			free(names[k]);
		}
	}
}

/* ---- system word lists ---- */

/* The all-lower-case words of the list at path (proper nouns, possessives
 * and accented entries left out) onto w and len; 0 if it cannot be read. */
static int read_word_list(const char *path, char ***wv, size_t **lv, size_t *wn, size_t *wcap)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	char line[256];
	while (fgets(line, sizeof line, f)) {
		size_t n = strcspn(line, "\r\n");
		line[n] = 0;
		int ok = n > 0;
		for (size_t i = 0; i < n && ok; i++)
			ok = line[i] >= 'a' && line[i] <= 'z';
		if (!ok)
			continue;
		if (*wn == *wcap) {
			size_t cap = *wcap ? 2 * *wcap : 65536;
			char **nw = realloc(*wv, cap * sizeof *nw);
			size_t *nl = nw ? realloc(*lv, cap * sizeof *nl) : NULL;
			if (nw)
				*wv = nw;
			if (!nl)
				break;
			*lv = nl;
			*wcap = cap;
		}
		char *c = strndup(line, n);
		if (!c)
			break;
		(*wv)[*wn] = c;
		(*lv)[(*wn)++] = n;
	}
	fclose(f);
	return 1;
}

static void load_common_words(struct builder *b)
{
	char **w = NULL;
	size_t *len = NULL, n = 0, cap = 0;
	if (!read_word_list(LW_WORDS_FILE, &w, &len, &n, &cap)) {
		b->file = LW_WORDS_FILE;
		report(b, 0, 0, "English word list missing (Debian package wamerican): "
				"capitalised common words will be taken for names more often");
		return;
	}
	/* British spellings: optional (a words set that lacks them takes
	 * "Labourers" at a sentence's start for a name, as before) */
	read_word_list(LW_WORDS_FILE_GB, &w, &len, &n, &cap);
	b->common = lw_wordset_new((const char *const *)w, len, n);
	for (size_t i = 0; i < n; i++)
		free(w[i]);
	free(w);
	free(len);
}

static void load_verb_exceptions(struct builder *b)
{
	FILE *f = fopen(LW_VERB_EXC_FILE, "r");
	if (!f) {
		b->file = LW_VERB_EXC_FILE;
		report(b, 0, 0, "WordNet verb exceptions missing (Debian package wordnet-base): "
				"irregular verbs (said, told) are not inflected");
		return;
	}
	char line[256];
	struct smap tmp;
	smap_init(&tmp);
	/* lemma -> list of forms, built as "form form form" strings */
	struct lw_buf acc = LW_BUF_INIT;
	VEC(struct strref) lists = {0};
	while (fgets(line, sizeof line, f)) {
		char form[128], lemma[128];
		if (sscanf(line, "%127s %127s", form, lemma) != 2 || strchr(form, '_'))
			continue;
		size_t ln = strlen(lemma);
		uint32_t idx = smap_get(&tmp, lemma, ln, UINT32_MAX);
		if (idx == UINT32_MAX) {
			struct strref r = {0, 0};
			if (VPUSH(lists, r))
				break;
			idx = (uint32_t)(lists.n - 1);
			smap_put(&tmp, lemma, ln, idx);
		}
		/* append "form" to the lemma's list: lists are rebuilt below */
		struct strref *r = &lists.v[idx];
		size_t fl = strlen(form);
		struct lw_buf nb = LW_BUF_INIT;
		if (r->len) {
			lw_buf_add(&nb, acc.ptr + r->off, r->len);
			lw_buf_addc(&nb, ' ');
		}
		lw_buf_add(&nb, form, fl);
		r->off = (uint32_t)acc.len;
		r->len = (uint32_t)nb.len;
		lw_buf_add(&acc, nb.ptr, nb.len);
		lw_buf_release(&nb);
	}
	fclose(f);
	for (size_t i = 0; i <= tmp.mask && tmp.slot; i++) {
		if (!tmp.slot[i].key)
			continue;
		struct strref r = lists.v[tmp.slot[i].value];
		struct strref s = intern(b, acc.ptr + r.off, r.len);
		smap_put(&b->verb_irregular, tmp.slot[i].key, tmp.slot[i].len, s.off);
	}
	smap_release(&tmp);
	lw_buf_release(&acc);
	free(lists.v);
}

/* ---- places: merge raw entries into final places ---- */
static void place_key(char *out, size_t cap, int kind, const char *a3, uint32_t admin1,
		      const char *folded, size_t fn)
{
	snprintf(out, cap, "%d|%.3s|%u|%.*s", kind, a3, admin1, (int)fn, folded);
}

static uint32_t find_admin1(struct builder *b, const char *a3, struct strref name)
{
	if (!name.len)
		return UINT32_MAX;
	char f[256], key[400];
	size_t fn = fold_phrase(sref(b, name), name.len, f, sizeof f);
	place_key(key, sizeof key, LW_PK_ADMIN1, a3, UINT32_MAX, f, fn);
	return smap_get(&b->place_key, key, strlen(key), UINT32_MAX);
}

static uint32_t find_admin2(struct builder *b, const char *a3, uint32_t a1, struct strref name)
{
	if (!name.len)
		return UINT32_MAX;
	char f[256], key[400];
	size_t fn = fold_phrase(sref(b, name), name.len, f, sizeof f);
	place_key(key, sizeof key, LW_PK_ADMIN2, a3, a1, f, fn);
	return smap_get(&b->place_key, key, strlen(key), UINT32_MAX);
}

static int fplace_add_name(struct builder *b, struct fplace *p, struct strref n)
{
	const char *s = sref(b, n);
	for (size_t i = 0; i < p->names.n; i++)
		if (p->names.v[i].len == n.len && memcmp(sref(b, p->names.v[i]), s, n.len) == 0)
			return 0;
	return VPUSH(p->names, n);
}

static void merge_place(struct builder *b, struct bplace *r)
{
	uint32_t a1 = UINT32_MAX, a2 = UINT32_MAX;
	/* a place in an unknown province is kept, without its province */
	if (r->kind == LW_PK_ADMIN2 || r->kind == LW_PK_CITY || r->kind == LW_PK_OTHER)
		a1 = find_admin1(b, r->country, r->admin1);
	if (r->kind == LW_PK_CITY || r->kind == LW_PK_OTHER)
		a2 = find_admin2(b, r->country, a1, r->admin2);
	uint32_t keyparent = (r->kind == LW_PK_ADMIN2 || r->kind == LW_PK_CITY || r->kind == LW_PK_OTHER) ? a1 : UINT32_MAX;
	/* does it name an existing place? */
	char f[256], key[400];
	uint32_t found = UINT32_MAX;
	struct strref all[LW_MAX_ALIASES + 1];
	size_t nall = 0;
	all[nall++] = r->name;
	for (uint32_t i = 0; i < r->nalias && nall < LW_MAX_ALIASES + 1; i++)
		all[nall++] = b->aliases.v[r->alias + i];
	for (size_t i = 0; i < nall && found == UINT32_MAX; i++) {
		size_t fn = fold_phrase(sref(b, all[i]), all[i].len, f, sizeof f);
		place_key(key, sizeof key, r->kind, r->country, keyparent, f, fn);
		found = smap_get(&b->place_key, key, strlen(key), UINT32_MAX);
	}
	struct fplace *p;
	if (found != UINT32_MAX) {
		p = &b->places.v[found];
		if (isnan(p->lat) && !isnan(r->lat)) {
			p->lat = r->lat;
			p->lon = r->lon;
		}
		if (p->admin2 == UINT32_MAX)
			p->admin2 = a2;
	} else {
		struct fplace np;
		memset(&np, 0, sizeof np);
		np.name = r->name;
		np.kind = r->kind;
		memcpy(np.country, r->country, 4);
		np.admin1 = a1;
		np.admin2 = a2;
		np.lat = r->lat;
		np.lon = r->lon;
		if (strstr(r->file, "gazetteer") == NULL && (r->kind == LW_PK_ADMIN1 || r->kind == LW_PK_ADMIN2))
			np.flags = 0;
		if (VPUSH(b->places, np))
			return;
		found = (uint32_t)(b->places.n - 1);
		p = &b->places.v[found];
		if (r->kind == LW_PK_ADMIN1)
			p->admin1 = found;
		if (r->kind == LW_PK_ADMIN2)
			p->admin2 = found;
	}
	r->id = found;
	for (size_t i = 0; i < nall; i++) {
		if (fplace_add_name(b, p, all[i]))
			return;
		size_t fn = fold_phrase(sref(b, all[i]), all[i].len, f, sizeof f);
		place_key(key, sizeof key, r->kind, r->country, keyparent, f, fn);
		if (smap_get(&b->place_key, key, strlen(key), UINT32_MAX) == UINT32_MAX)
			smap_put(&b->place_key, key, strlen(key), found);
	}
}

static void build_places(struct builder *b)
{
	static const int order[] = {LW_PK_COUNTRY, LW_PK_ADMIN1, LW_PK_ADMIN2, LW_PK_CITY,
				    LW_PK_OTHER};
	for (size_t o = 0; o < 5; o++) {
		for (size_t i = 0; i < b->rawplaces.n; i++) {
			struct bplace *r = &b->rawplaces.v[i];
			if (r->kind != order[o])
				continue;
			b->file = r->file;
			if (r->kind != LW_PK_COUNTRY && !valid_country(b, r->country) &&
			    b->countries.n > 0) {
				report(b, r->line, 1, "unknown country '%.3s'", r->country);
				continue;
			}
			merge_place(b, r);
			if (r->kind == LW_PK_COUNTRY) {
				uint32_t c = smap_get(&b->country_by_a3, r->country, 3, UINT32_MAX);
				if (c == UINT32_MAX) {
					struct lw_kb_country nc;
					memcpy(nc.a3, r->country, 4);
					nc.place = r->id;
					nc.capital = UINT32_MAX;
					VPUSH(b->countries, nc);
					smap_put(&b->country_by_a3, r->country, 3, (uint32_t)(b->countries.n - 1));
				}
			}
		}
	}
}

/* Countries: from the gazetteer's country lines, plus countries.txt. When
 * no gazetteer is given, countries.txt makes the country places. */
static void pre_countries(struct builder *b)
{
	for (size_t i = 0; i < b->rawplaces.n; i++) {
		struct bplace *r = &b->rawplaces.v[i];
		if (r->kind == LW_PK_COUNTRY && smap_get(&b->country_by_a3, r->country, 3, UINT32_MAX) == UINT32_MAX) {
			struct lw_kb_country c;
			memcpy(c.a3, r->country, 4);
			c.place = UINT32_MAX;
			c.capital = UINT32_MAX;
			VPUSH(b->countries, c);
			smap_put(&b->country_by_a3, r->country, 3, (uint32_t)(b->countries.n - 1));
		}
	}
	for (size_t i = 0; i < b->country_extras.n; i++) {
		struct country_extra *c = &b->country_extras.v[i];
		if (smap_get(&b->country_by_a3, c->a3, 3, UINT32_MAX) == UINT32_MAX) {
			/* no gazetteer line: the first other name, or the code, names it */
			struct bplace p;
			memset(&p, 0, sizeof p);
			p.name = c->noth ? b->aliases.v[c->oth] : intern(b, c->a3, 3);
			p.kind = LW_PK_COUNTRY;
			memcpy(p.country, c->a3, 4);
			p.lat = p.lon = NAN;
			p.file = c->file;
			p.line = c->line;
			VPUSH(b->rawplaces, p);
			struct lw_kb_country nc;
			memcpy(nc.a3, c->a3, 4);
			nc.place = UINT32_MAX;
			nc.capital = UINT32_MAX;
			VPUSH(b->countries, nc);
			smap_put(&b->country_by_a3, c->a3, 3, (uint32_t)(b->countries.n - 1));
		}
	}
}

static void post_countries(struct builder *b)
{
	for (size_t i = 0; i < b->countries.n; i++) {
		if (b->countries.v[i].place != UINT32_MAX)
			continue;
		for (size_t k = 0; k < b->places.n; k++)
			if (b->places.v[k].kind == LW_PK_COUNTRY &&
			    memcmp(b->places.v[k].country, b->countries.v[i].a3, 3) == 0) {
				b->countries.v[i].place = (uint32_t)k;
				break;
			}
	}
	for (size_t i = 0; i < b->country_extras.n; i++) {
		struct country_extra *c = &b->country_extras.v[i];
		uint32_t ci = smap_get(&b->country_by_a3, c->a3, 3, UINT32_MAX);
		if (ci == UINT32_MAX || b->countries.v[ci].place == UINT32_MAX)
			continue;
		struct fplace *p = &b->places.v[b->countries.v[ci].place];
		for (uint32_t k = 0; k < c->noth; k++)
			fplace_add_name(b, p, b->aliases.v[c->oth + k]);
		for (uint32_t k = 0; k < c->ndem; k++) {
			struct phrase ph;
			ph.text = b->aliases.v[c->dem + k];
			ph.sense = sense(LW_SENSE_DEMONYM, ci);
			VPUSH(b->demonym_phrases, ph);
		}
	}
}

/* ---- the trie ---- */
struct cut {
	struct builder *b;
	const unsigned char *p;
	char keys[LW_KB_MAX_UNITS][LW_KB_UNIT_FOLD_MAX];
	size_t klen[LW_KB_MAX_UNITS];
	unsigned flags[LW_KB_MAX_UNITS];
	size_t n;
	int too_long;
};

static void cut_unit(void *ctx, size_t s, size_t e)
{
	struct cut *c = ctx;
	if (c->n >= LW_KB_MAX_UNITS) {
		c->too_long = 1;
		return;
	}
	c->klen[c->n] = lw_fold_unit(c->p + s, e - s, c->keys[c->n], LW_KB_UNIT_FOLD_MAX);
	c->flags[c->n] = lw_unit_case(c->p + s, e - s);
	if (c->klen[c->n] == 0) {
		/* a mark that folds to nothing (the ‘ of "Ku‘aydinah") is no unit,
		 * in the text either (units.c) */
		if (e - s <= 4)
			return;
		c->too_long = 1;
	}
	c->n++;
}

/* Cut a phrase into units as the text's tokenizer would. */
static int cut_phrase(struct builder *b, const char *text, size_t len, struct cut *c)
{
	struct lw_arena a;
	lw_arena_init(&a);
	char *copy = lw_arena_strndup(&a, text, len);
	lw_token *tok = NULL;
	size_t ntok = 0;
	memset(c, 0, sizeof *c);
	c->b = b;
	c->p = (const unsigned char *)copy;
	if (!copy || lw_scan(&a, copy, len, &b->textlex, &tok, &ntok) != LW_OK) {
		lw_arena_release(&a);
		free(tok);
		return -1;
	}
	for (size_t i = 0; i < ntok; i++) {
		int word = tok[i].kind == LW_TOK_WORD || tok[i].kind == LW_TOK_NUMBER;
		lw_split_units(c->p, tok[i].start, tok[i].end, word, cut_unit, c);
	}
	free(tok);
	lw_arena_release(&a);
	return 0;
}

static unsigned case_rule(unsigned f)
{
	if (f & LW_UF_UPPER)
		return LW_CASE_UPPER;
	if (f & LW_UF_INNER)
		return LW_CASE_INNER;
	if (f & LW_UF_CAP)
		return LW_CASE_CAP;
	return LW_CASE_ANY;
}

static uint32_t edge_get(struct builder *b, uint32_t parent, const char *key, size_t n)
{
	struct edge_key k;
	memcpy(&k.parent, &parent, 4);
	memcpy(k.key, key, n);
	return smap_get(&b->edges, (const char *)&k, 4 + n, UINT32_MAX);
}

static int insert(struct builder *b, const char *text, size_t len, struct lw_kb_sense s,
		  int quiet);

/*
 * A place name's other spellings of its first word, as news writes them
 * and the gazetteer may not: "Saint Petersburg" is also "St. Petersburg"
 * and "St Petersburg", "Fort Worth" "Ft. Worth", "Mount Abu" "Mt. Abu",
 * and "St. Paul" is also "Saint Paul". Each is inserted as the place's
 * name (not canonical); a spelling that is already a name changes nothing.
 */
static int insert_abbreviated(struct builder *b, const char *name, size_t len,
			      struct lw_kb_sense s)
{
	static const struct {
		const char *full, *const abbr[2];
	} forms[] = {
		{"Saint ", {"St. ", "St "}},
		{"Sainte ", {"Ste. ", "Ste "}},
		{"Fort ", {"Ft. ", NULL}},
		{"Mount ", {"Mt. ", NULL}},
		{"St. ", {"Saint ", "St "}},
		{"St ", {"Saint ", "St. "}},
	};
	char buf[320];
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		size_t fl = strlen(forms[i].full);
		if (len <= fl || len > 256 || memcmp(name, forms[i].full, fl) != 0)
			continue;
		for (size_t j = 0; j < 2 && forms[i].abbr[j]; j++) {
			size_t al = strlen(forms[i].abbr[j]);
			memcpy(buf, forms[i].abbr[j], al);
			memcpy(buf + al, name + fl, len - fl);
			if (insert(b, buf, al + len - fl, s, 1))
				return -1;
		}
		break;
	}
	return 0;
}

/*
 * The word text[i, e) in its other English spelling into out, first letter
 * as written ("Organisation" -> "Organization", "Co-operation" ->
 * "Cooperation", "Defence" -> "Defense", and back); its length, 0 if the
 * word has no other spelling here.
 */
static size_t respell_word(const char *w, size_t n, char *out)
{
	static const char *const pairs[][2] = {
		{"Organization", "Organisation"}, {"Organizations", "Organisations"},
		{"Cooperation", "Co-operation"},  {"Defense", "Defence"},
		{"Labor", "Labour"},              {"Center", "Centre"},
		{"Program", "Programme"},         {"Organizing", "Organising"},
	};
	for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
		for (int side = 0; side < 2; side++) {
			const char *a = pairs[k][side], *r = pairs[k][1 - side];
			size_t al = strlen(a), rl = strlen(r);
			if (n == al && (w[0] | 0x20) == (a[0] | 0x20) && memcmp(w + 1, a + 1, al - 1) == 0) {
				memcpy(out, r, rl);
				out[0] = w[0];
				return rl;
			}
		}
	return 0;
}

/*
 * An actor's name with its words in their other English spellings, each
 * word either way ("Organisation for Security and Cooperation in Europe"
 * is one of the OSCE's four): variant v (1 to 2^k - 1 for k such words,
 * bit j set: the j-th such word respelt) into out (cap bytes). Returns its
 * length, 0 when v names no variant or it does not fit.
 */
static size_t respell(const char *text, size_t len, unsigned v, char *out, size_t cap)
{
	size_t n = 0;
	unsigned j = 0, used = 0;
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && text[e] != ' ')
			e++;
		char w[32];
		size_t wl = e - i < 32 ? respell_word(text + i, e - i, w) : 0;
		int swap = 0;
		if (wl) {
			swap = j < 8 && ((v >> j) & 1);
			used |= swap ? 1u << j : 0;
			j++;
		}
		const char *src = swap ? w : text + i;
		size_t sl = swap ? wl : e - i;
		if (n + sl + 1 > cap)
			return 0;
		memcpy(out + n, src, sl);
		n += sl;
		if (e < len)
			out[n++] = ' ';
		i = e + 1;
	}
	return used == v ? n : 0;
}

static int insert(struct builder *b, const char *text, size_t len, struct lw_kb_sense s,
		  int quiet)
{
	struct cut c;
	if (cut_phrase(b, text, len, &c))
		return -1;
	if (c.n == 0 || c.too_long) {
		if (!quiet)
			report(b, 0, 0, "'%.*s' cannot be matched (empty, or over %d words)", (int)len,
			       text, LW_KB_MAX_UNITS);
		return 0;
	}
	uint32_t node = 0;
	s.casemask = 0;
	int all_upper = 1;
	for (size_t i = 0; i < c.n; i++) {
		uint32_t child = edge_get(b, node, c.keys[i], c.klen[i]);
		if (child == UINT32_MAX) {
			child = b->nnodes++;
			struct edge_key k;
			memcpy(&k.parent, &node, 4);
			memcpy(k.key, c.keys[i], c.klen[i]);
			if (smap_put(&b->edges, (const char *)&k, 4 + c.klen[i], child))
				return -1;
		}
		node = child;
		unsigned rule = case_rule(c.flags[i]);
		s.casemask |= rule << (2 * i);
		if (rule != LW_CASE_UPPER && (c.flags[i] & (LW_UF_CAP | LW_UF_LOWER)))
			all_upper = 0;
	}
	if (all_upper)
		s.flags |= LW_SF_ACRONYM;
	/* "the Sinaloa cartel", "the Haqqani Network": news writes the head
	 * noun of a group's name in either case */
	if (s.kind == LW_SENSE_ACTOR && c.n >= 2 && !all_upper) {
		static const char *const heads[] = {"cartel", "network", "group", "gang",
						    "militia", "faction", "brigade", "brigades"};
		for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
			if (c.klen[c.n - 1] == strlen(heads[i]) &&
			    memcmp(c.keys[c.n - 1], heads[i], c.klen[c.n - 1]) == 0)
				s.casemask &= ~(3u << (2 * (c.n - 1))); /* LW_CASE_ANY */
	}
	if (c.n == 1 && b->common && lw_wordset_has(b->common, c.keys[0], c.klen[0]))
		s.flags |= LW_SF_COMMON;
	uint32_t h = (uint32_t)lw_hash_unit(c.keys[0], c.klen[0]);
	uint64_t word = (h & (LW_FILTER_BITS - 1)) >> 6, bit = 1ULL << (h & 63);
	b->filter[word] |= bit;
	/* the filters of a first unit in lower case (kb.h): the phrases it can
	 * start as the entity stage reads them */
	if ((s.casemask & 3) == LW_CASE_ANY) {
		uint32_t h2 = c.n > 1 ? (uint32_t)lw_hash_unit(c.keys[1], c.klen[1]) : 0;
		uint32_t pair = lw_kb_pair_hash(h, h2) & (LW_FILTER_BITS - 1);
		b->start_lower[word] |= bit;
		b->start_lower[pair >> 6] |= 1ULL << (pair & 63);
	} else if (s.kind == LW_SENSE_PLACE &&
		   (s.id >= b->places.n || b->places.v[s.id].kind != LW_PK_OTHER) &&
		   !(b->common && lw_wordset_has(b->common, c.keys[0], c.klen[0]))) {
		b->start_place[word] |= bit;
	}
	if (VPUSH(b->senses, s) || VPUSH(b->sense_node, node))
		return -1;
	return 0;
}

/* Is text[0, n) already the name or an alias of actor a (any case)? */
static int actor_named(struct builder *b, const struct bactor *a, const char *text, size_t n)
{
	for (uint32_t k = 0; k <= a->nalias; k++) {
		struct strref r = k == 0 ? a->name : b->aliases.v[a->alias + k - 1];
		if (r.len == n && strncasecmp(sref(b, r), text, n) == 0)
			return 1;
	}
	return 0;
}

static int insert_all(struct builder *b)
{
	b->nnodes = 1; /* the root */
	/* actors: canonical names and aliases */
	for (size_t i = 0; i < b->actors.n; i++) {
		struct bactor *a = &b->actors.v[i];
		if (a->removed)
			continue;
		b->file = a->file;
		struct lw_kb_sense s = sense(LW_SENSE_ACTOR, (uint32_t)i);
		s.flags = LW_SF_CANONICAL;
		if (insert(b, sref(b, a->name), a->name.len, s, 0))
			return -1;
		s.flags = 0;
		for (uint32_t k = 0; k < a->nalias; k++) {
			struct strref r = b->aliases.v[a->alias + k];
			if (insert(b, sref(b, r), r.len, s, 0))
				return -1;
		}
		/* the name and aliases in the other spellings, where no name
		 * of the actor already is that, each once */
		char made[8][320];
		size_t nmade = 0, made_len[8];
		for (uint32_t k = 0; k <= a->nalias; k++) {
			struct strref r = k == 0 ? a->name : b->aliases.v[a->alias + k - 1];
			char buf[320];
			for (unsigned v = 1; v < 16; v++) {
				size_t n = respell(sref(b, r), r.len, v, buf, sizeof buf);
				if (!n || actor_named(b, a, buf, n))
					continue;
				size_t m = 0;
				while (m < nmade && !(made_len[m] == n && strncasecmp(made[m], buf, n) == 0))
					m++;
				if (m < nmade)
					continue;
				if (nmade < 8) {
					memcpy(made[nmade], buf, n);
					made_len[nmade++] = n;
				}
				if (insert(b, buf, n, s, 1))
					return -1;
			}
		}
	}
	for (size_t i = 0; i < b->places.n; i++) {
		struct fplace *p = &b->places.v[i];
		for (size_t k = 0; k < p->names.n; k++) {
			struct lw_kb_sense s = sense(LW_SENSE_PLACE, (uint32_t)i);
			s.flags = k == 0 ? LW_SF_CANONICAL : 0;
			const char *name = sref(b, p->names.v[k]);
			size_t len = p->names.v[k].len;
			if (insert(b, name, len, s, 1))
				return -1;
			s.flags = LW_SF_VARIANT;
			if (insert_abbreviated(b, name, len, s))
				return -1;
		}
	}
	b->file = "(countries.txt)";
	for (size_t i = 0; i < b->demonym_phrases.n; i++) {
		struct phrase *ph = &b->demonym_phrases.v[i];
		if (insert(b, sref(b, ph->text), ph->text.len, ph->sense, 0))
			return -1;
	}
	b->file = "(lexicon)";
	for (size_t i = 0; i < b->phrases.n; i++) {
		struct phrase *ph = &b->phrases.v[i];
		if (insert(b, sref(b, ph->text), ph->text.len, ph->sense, 0))
			return -1;
	}
	return 0;
}

/* Warn about an alias that names two different actors (the matcher then
 * decides by context, which users should know). */
static void check_aliases(struct builder *b)
{
	struct smap seen;
	smap_init(&seen);
	for (size_t i = 0; i < b->actors.n; i++) {
		struct bactor *a = &b->actors.v[i];
		if (a->removed)
			continue;
		for (uint32_t k = 0; k <= a->nalias; k++) {
			struct strref r = k == 0 ? a->name : b->aliases.v[a->alias + k - 1];
			/* the key keeps the case class: "JEM" and "JeM" differ */
			char key[520];
			const char *t = sref(b, r);
			unsigned upper = lw_unit_case((const unsigned char *)t, r.len) & LW_UF_UPPER;
			key[0] = upper ? 'U' : 'c';
			size_t kn = 1 + fold_phrase(t, r.len, key + 1, sizeof key - 1);
			uint32_t prev = smap_get(&seen, key, kn, UINT32_MAX);
			if (prev != UINT32_MAX && prev != i) {
				struct bactor *o = &b->actors.v[prev];
				/* actors of different countries: the text's countries
				 * decide ("JI", "PTI"); no warning */
				const char *ca = a->nperiod ? b->periods.v[a->period + a->nperiod - 1].country : "";
				const char *co = o->nperiod ? b->periods.v[o->period + o->nperiod - 1].country : "";
				if (ca[0] && co[0] && strcmp(ca, co) != 0)
					continue;
				b->file = a->file;
				report(b, a->line, 0, "'%.*s' also names '%s' (%s:%ld)", (int)r.len, t,
				       sref(b, o->name), o->file, o->line);
			} else if (prev == UINT32_MAX) {
				smap_put(&seen, key, kn, (uint32_t)i);
			}
		}
	}
	smap_release(&seen);
}

/* ---- serialisation ---- */
struct image {
	struct lw_buf buf;
	struct lw_kb_section_entry sec[LW_KB_SEC_MAX];
	uint32_t nsec;
};

static void begin_section(struct image *im, enum lw_kb_section id)
{
	while (im->buf.len % 8)
		lw_buf_addc(&im->buf, 0);
	im->sec[im->nsec].id = (uint32_t)id;
	im->sec[im->nsec].offset = im->buf.len;
}

static void end_section(struct image *im)
{
	im->sec[im->nsec].size = im->buf.len - im->sec[im->nsec].offset;
	im->nsec++;
}

static void add_raw(struct image *im, enum lw_kb_section id, const void *p, size_t n)
{
	begin_section(im, id);
	lw_buf_add(&im->buf, p, n);
	end_section(im);
}

static int add_wordset(struct image *im, enum lw_kb_section id, char **words, size_t n)
{
	size_t *lens = malloc((n + 1) * sizeof *lens);
	if (!lens)
		return -1;
	for (size_t i = 0; i < n; i++)
		lens[i] = strlen(words[i]);
	struct lw_wordset *ws = lw_wordset_new((const char *const *)words, lens, n);
	free(lens);
	if (!ws)
		return -1;
	begin_section(im, id);
	lw_wordset_serialize(ws, &im->buf);
	end_section(im);
	lw_wordset_free(ws);
	return 0;
}

struct sense_sort {
	uint32_t node;
	uint32_t idx;
};

static int cmp_sense(const void *a, const void *c)
{
	const struct sense_sort *x = a, *y = c;
	if (x->node != y->node)
		return x->node < y->node ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int write_trie(struct builder *b, struct image *im)
{
	size_t ns = b->senses.n;
	struct sense_sort *ord = malloc((ns + 1) * sizeof *ord);
	struct lw_kb_node *nodes = calloc(b->nnodes, sizeof *nodes);
	struct lw_kb_sense *sorted = malloc((ns + 1) * sizeof *sorted);
	if (!ord || !nodes || !sorted) {
		free(ord);
		free(nodes);
		free(sorted);
		return -1;
	}
	for (size_t i = 0; i < ns; i++) {
		ord[i].node = b->sense_node.v[i];
		ord[i].idx = (uint32_t)i;
	}
	qsort(ord, ns, sizeof *ord, cmp_sense);
	/* drop exact duplicates (same node, kind, id, form, case) */
	size_t out = 0;
	for (size_t i = 0; i < ns; i++) {
		struct lw_kb_sense s = b->senses.v[ord[i].idx];
		uint32_t node = ord[i].node;
		int dup = 0;
		for (size_t k = nodes[node].nsense; k > 0 && !dup; k--) {
			struct lw_kb_sense *o = &sorted[out - k];
			if (o->kind == s.kind && o->id == s.id && o->casemask == s.casemask &&
			    o->sub == s.sub && o->value == s.value) {
				o->form |= s.form;
				o->flags |= s.flags;
				dup = 1;
			}
		}
		if (dup)
			continue;
		if (nodes[node].nsense == 0)
			nodes[node].sense = (uint32_t)out;
		if (nodes[node].nsense < UINT16_MAX) {
			nodes[node].nsense++;
			sorted[out++] = s;
		}
	}
	/* edges: an open-addressed table, keys in the string pool */
	size_t cap = 16;
	while (cap < b->edges.n * 2 + 2)
		cap *= 2;
	struct lw_kb_edge *edges = calloc(cap, sizeof *edges);
	uint64_t *follow = calloc(LW_FILTER_BITS / 64, sizeof *follow);
	if (!edges || !follow) {
		free(edges);
		free(follow);
		free(ord);
		free(nodes);
		free(sorted);
		return -1;
	}
	for (size_t i = 0; b->edges.slot && i <= b->edges.mask; i++) {
		struct smap_slot *sl = &b->edges.slot[i];
		if (!sl->key)
			continue;
		uint32_t parent;
		memcpy(&parent, sl->key, 4);
		size_t kn = sl->len - 4;
		struct strref k = intern(b, sl->key + 4, kn);
		uint32_t kh = (uint32_t)lw_hash_unit(sl->key + 4, kn);
		uint64_t h = (uint64_t)kh ^ lw_kb_edge_seed(parent);
		h ^= h >> 29;
		size_t at = (size_t)h & (cap - 1);
		while (edges[at].child)
			at = (at + 1) & (cap - 1);
		edges[at].parent = parent;
		edges[at].child = sl->value;
		edges[at].key_off = k.off;
		edges[at].key_len = (uint32_t)kn;
		edges[at].key_hash = kh;
		if (nodes[parent].nchild < UINT16_MAX)
			nodes[parent].nchild++;
		if (parent) {
			uint32_t bit = lw_kb_step_hash(parent, kh) & (LW_FILTER_BITS - 1);
			follow[bit >> 6] |= 1ULL << (bit & 63);
		}
	}
	add_raw(im, LW_KB_SEC_NODES, nodes, b->nnodes * sizeof *nodes);
	add_raw(im, LW_KB_SEC_EDGES, edges, cap * sizeof *edges);
	add_raw(im, LW_KB_SEC_SENSES, sorted, out * sizeof *sorted);
	add_raw(im, LW_KB_SEC_FILTER, b->filter, LW_FILTER_BITS / 8);
	add_raw(im, LW_KB_SEC_FOLLOW, follow, LW_FILTER_BITS / 8);
	add_raw(im, LW_KB_SEC_START_LOWER, b->start_lower, LW_FILTER_BITS / 8);
	add_raw(im, LW_KB_SEC_START_PLACE, b->start_place, LW_FILTER_BITS / 8);
	b->senses.n = out; /* for the info counts */
	free(ord);
	free(nodes);
	free(sorted);
	free(edges);
	free(follow);
	return 0;
}

static int cmp_sound(const void *a, const void *c)
{
	const struct lw_kb_sound *x = a, *y = c;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->place > y->place) - (x->place < y->place);
}

/* Every name of every place below the country by its sound: the entity
 * stage looks up there the places the text spells otherwise. */
static int add_sounds(struct builder *b, struct image *im)
{
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < b->places.n; i++)
		if (b->places.v[i].kind != LW_PK_COUNTRY)
			cap += b->places.v[i].names.n;
	struct lw_kb_sound *v = calloc(cap + 1, sizeof *v);
	if (!v)
		return -1;
	char f[256];
	for (size_t i = 0; i < b->places.n; i++) {
		const struct fplace *p = &b->places.v[i];
		if (p->kind == LW_PK_COUNTRY)
			continue;
		for (size_t j = 0; j < p->names.n; j++) {
			size_t fn = fold_phrase(sref(b, p->names.v[j]), p->names.v[j].len, f, sizeof f);
			size_t letters;
			uint64_t key = lw_sound_key(f, fn, &letters);
			if (letters < LW_SOUND_MIN)
				continue;
			v[n].key = key;
			v[n].place = (uint32_t)i;
			n++;
		}
	}
	qsort(v, n, sizeof *v, cmp_sound);
	size_t k = 0; /* one entry for the names of a place that sound alike */
	for (size_t i = 0; i < n; i++)
		if (k == 0 || cmp_sound(&v[k - 1], &v[i]) != 0)
			v[k++] = v[i];
	add_raw(im, LW_KB_SEC_SOUNDS, v, k * sizeof *v);
	free(v);
	return 0;
}

static int build_image(struct builder *b, struct image *im)
{
	size_t table = sizeof(struct lw_kb_file_header) +
		       LW_KB_SEC_MAX * sizeof(struct lw_kb_section_entry);
	if (lw_buf_reserve(&im->buf, table))
		return -1;
	memset(im->buf.ptr, 0, table);
	im->buf.len = table;
	if (add_wordset(im, LW_KB_SEC_ABBREV_TITLE, b->abbrev_title.v, b->abbrev_title.n) ||
	    add_wordset(im, LW_KB_SEC_ABBREV_OTHER, b->abbrev_other.v, b->abbrev_other.n) ||
	    add_wordset(im, LW_KB_SEC_STARTERS, b->starters.v, b->starters.n))
		return -1;
	if (b->common) {
		begin_section(im, LW_KB_SEC_COMMON);
		lw_wordset_serialize(b->common, &im->buf);
		end_section(im);
	}
	if (write_trie(b, im))
		return -1;
	/* actors */
	struct lw_kb_actor *actors = calloc(b->actors.n + 1, sizeof *actors);
	if (!actors)
		return -1;
	lw_kb_info info;
	memset(&info, 0, sizeof info);
	for (size_t i = 0; i < b->actors.n; i++) {
		struct bactor *a = &b->actors.v[i];
		actors[i].name_off = a->name.off;
		actors[i].name_len = (uint16_t)a->name.len;
		actors[i].type = a->type;
		actors[i].flags = a->flags;
		actors[i].period = a->period;
		actors[i].nperiod = a->nperiod;
		if (!a->removed) {
			info.actors++;
			if (a->flags & LW_AF_ARMED_GROUP)
				info.armed_groups++;
		}
	}
	add_raw(im, LW_KB_SEC_ACTORS, actors, b->actors.n * sizeof *actors);
	free(actors);
	add_raw(im, LW_KB_SEC_PERIODS, b->periods.v, b->periods.n * sizeof *b->periods.v);
	struct lw_kb_place *places = calloc(b->places.n + 1, sizeof *places);
	if (!places)
		return -1;
	for (size_t i = 0; i < b->places.n; i++) {
		struct fplace *p = &b->places.v[i];
		places[i].name_off = p->name.off;
		places[i].name_len = (uint16_t)p->name.len;
		places[i].kind = p->kind;
		places[i].flags = p->flags;
		memcpy(places[i].country, p->country, 4);
		places[i].admin1 = p->admin1;
		places[i].admin2 = p->admin2;
		places[i].lat = p->lat;
		places[i].lon = p->lon;
		info.names += p->names.n;
	}
	add_raw(im, LW_KB_SEC_PLACES, places, b->places.n * sizeof *places);
	free(places);
	if (add_sounds(b, im))
		return -1;
	add_raw(im, LW_KB_SEC_COUNTRIES, b->countries.v, b->countries.n * sizeof *b->countries.v);
	struct lw_kb_role *roles = calloc(b->roles.n + 1, sizeof *roles);
	if (!roles)
		return -1;
	for (size_t i = 0; i < b->roles.n; i++) {
		memcpy(roles[i].sector, b->roles.v[i].sector, 4);
		roles[i].kind = b->roles.v[i].kind;
		roles[i].nalt = b->roles.v[i].nalt;
		memcpy(roles[i].alt_country, b->roles.v[i].alt_country, sizeof roles[i].alt_country);
		memcpy(roles[i].alt_sector, b->roles.v[i].alt_sector, sizeof roles[i].alt_sector);
	}
	add_raw(im, LW_KB_SEC_ROLES, roles, b->roles.n * sizeof *roles);
	free(roles);
	add_raw(im, LW_KB_SEC_TRIGGERS, b->triggers.v, b->triggers.n * sizeof *b->triggers.v);
	add_raw(im, LW_KB_SEC_ACLED, b->acled.v, b->acled.n * sizeof *b->acled.v);
	info.roles = b->roles.n;
	info.places = b->places.n;
	info.countries = b->countries.n;
	info.triggers = b->triggers.n;
	for (size_t i = 0; i < b->senses.n; i++)
		if (b->senses.v[i].kind == LW_SENSE_CUE)
			info.cues++;
	info.names = b->senses.n;
	add_raw(im, LW_KB_SEC_INFO, &info, sizeof info);
	/* the strings last: write_trie added the edge keys */
	add_raw(im, LW_KB_SEC_STRINGS, b->strings.ptr, b->strings.len);
	if (im->buf.failed)
		return -1;
	struct lw_kb_file_header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, LW_KB_MAGIC, 8);
	h.format = LW_KB_FORMAT;
	h.nsections = im->nsec;
	h.file_size = im->buf.len;
	memcpy(im->buf.ptr, &h, sizeof h);
	memcpy(im->buf.ptr + sizeof h, im->sec, im->nsec * sizeof *im->sec);
	return 0;
}

static lw_status write_atomically(const char *path, const struct lw_buf *buf, lw_error *err)
{
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	int ok = f && fwrite(buf->ptr, 1, buf->len, f) == buf->len;
	if (f && fclose(f) != 0)
		ok = 0;
	if (!ok || rename(tmp, path) != 0) {
		if (err) {
			memset(err, 0, sizeof *err);
			err->status = LW_EIO;
			snprintf(err->doc, sizeof err->doc, "%s", path);
			snprintf(err->message, sizeof err->message, "cannot write: %s",
				 strerror(errno));
		}
		unlink(tmp);
		return LW_EIO;
	}
	return LW_OK;
}

static void free_builder(struct builder *b)
{
	for (size_t i = 0; i < b->abbrev_title.n; i++)
		free(b->abbrev_title.v[i]);
	for (size_t i = 0; i < b->abbrev_other.n; i++)
		free(b->abbrev_other.v[i]);
	for (size_t i = 0; i < b->starters.n; i++)
		free(b->starters.v[i]);
	free(b->abbrev_title.v);
	free(b->abbrev_other.v);
	free(b->starters.v);
	free(b->actors.v);
	free(b->periods.v);
	free(b->aliases.v);
	smap_release(&b->actor_by_name);
	free(b->rawplaces.v);
	for (size_t i = 0; i < b->places.n; i++)
		free(b->places.v[i].names.v);
	free(b->places.v);
	smap_release(&b->place_key);
	free(b->countries.v);
	smap_release(&b->country_by_a3);
	free(b->demonym_phrases.v);
	free(b->country_names.v);
	free(b->country_name_owner.v);
	free(b->roles.v);
	free(b->phrases.v);
	smap_release(&b->phrase_seen);
	free(b->seen.v);
	free(b->triggers.v);
	free(b->acled.v);
	smap_release(&b->verb_irregular);
	lw_wordset_free(b->common);
	free(b->senses.v);
	free(b->sense_node.v);
	smap_release(&b->edges);
	free(b->filter);
	lw_wordset_free(b->ws_title);
	lw_wordset_free(b->ws_other);
	lw_wordset_free(b->ws_starters);
	for (size_t i = 0; i < b->nfiles; i++)
		free(b->files[i]);
	lw_buf_release(&b->strings);
	free(b->country_extras.v);
	free(b->capitals.v);
}

static struct lw_wordset *make_set(char **w, size_t n)
{
	size_t *lens = malloc((n + 1) * sizeof *lens);
	if (!lens)
		return NULL;
	for (size_t i = 0; i < n; i++)
		lens[i] = strlen(w[i]);
	struct lw_wordset *ws = lw_wordset_new((const char *const *)w, lens, n);
	free(lens);
	return ws;
}

static lw_status compile(const char *const *dirs, size_t ndirs, const char *gazetteer,
			 lw_diag_fn diag, void *ctx, struct image *im, lw_error *err)
{
	struct builder b;
	memset(&b, 0, sizeof b);
	b.diag = diag;
	b.dctx = ctx;
	smap_init(&b.actor_by_name);
	smap_init(&b.phrase_seen);
	smap_init(&b.place_key);
	smap_init(&b.country_by_a3);
	smap_init(&b.verb_irregular);
	smap_init(&b.edges);
	lw_buf_addc(&b.strings, 0); /* offset 0: the empty string */
	b.filter = calloc(3 * (LW_FILTER_BITS / 64), sizeof *b.filter);
	lw_status st = LW_OK;
	if (!b.filter) {
		st = LW_ENOMEM;
		goto done;
	}
	b.start_lower = b.filter + LW_FILTER_BITS / 64;
	b.start_place = b.filter + 2 * (LW_FILTER_BITS / 64);
	load_common_words(&b);
	load_verb_exceptions(&b);
	/* A user's directory that is not there is an error, not an empty
	 * extension: the run would otherwise go on without their entries. */
	int bad_dir = 0;
	for (size_t i = 0; i < ndirs; i++) {
		struct stat sb;
		int rc = stat(dirs[i], &sb);
		if (rc != 0 || !S_ISDIR(sb.st_mode)) {
			bad_dir = 1;
			b.file = dirs[i];
			report(&b, 0, 1, "%s", rc != 0 ? strerror(errno) : "not a directory");
		}
	}
	/* phase 0: what the others need (abbreviations cut the phrases) */
	size_t *nread = calloc(ndirs ? ndirs : 1, sizeof *nread);
	if (!nread) {
		st = LW_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < ndirs; i++) {
		b.dir = (int)i;
		size_t before = b.nread;
		read_dir(&b, dirs[i], i == 0, 0);
		nread[i] = b.nread - before;
	}
	b.ws_title = make_set(b.abbrev_title.v, b.abbrev_title.n);
	b.ws_other = make_set(b.abbrev_other.v, b.abbrev_other.n);
	b.ws_starters = make_set(b.starters.v, b.starters.n);
	b.textlex.abbrev_title = b.ws_title;
	b.textlex.abbrev_other = b.ws_other;
	b.textlex.starters = b.ws_starters;
	if (gazetteer) {
		b.dir = 0;
		read_file(&b, gazetteer, on_place);
	}
	pre_countries(&b);
	for (size_t i = 0; i < ndirs; i++) {
		b.dir = (int)i;
		size_t before = b.nread;
		read_dir(&b, dirs[i], i == 0, 1);
		if (i > 0 && !bad_dir && nread[i] + b.nread - before == 0) {
			b.file = dirs[i];
			report(&b, 0, 0, "no dictionary file here (a user directory holds "
					 "actors/*.txt, places/*.txt, lexicon/ and events/ files "
					 "laid out as data/ is)");
		}
	}
	free(nread);
	for (size_t i = 0; i < b.country_extras.n; i++)
		if (smap_get(&b.country_by_a3, b.country_extras.v[i].a3, 3, UINT32_MAX) == UINT32_MAX) {
			b.file = b.country_extras.v[i].file;
			report(&b, b.country_extras.v[i].line, 1, "unknown country code");
		}
	build_places(&b);
	post_countries(&b);
	find_capitals(&b);
	check_aliases(&b);
	b.file = "(compile)";
	if (insert_all(&b)) {
		st = LW_ENOMEM;
		goto done;
	}
	if (b.errors) {
		st = LW_EKB;
		if (err) {
			memset(err, 0, sizeof *err);
			err->status = st;
			snprintf(err->message, sizeof err->message, "%d error(s) in the dictionaries",
				 b.errors);
		}
	} else if (im && build_image(&b, im)) {
		st = LW_ENOMEM;
	}
done:
	free_builder(&b);
	return st;
}

lw_status lw_kb_compile(const char *const *dirs, size_t ndirs, const char *gazetteer,
			const char *out_path, lw_diag_fn diag, void *ctx, lw_error *err)
{
	struct image im;
	memset(&im, 0, sizeof im);
	lw_status st = compile(dirs, ndirs, gazetteer, diag, ctx, out_path ? &im : NULL, err);
	if (st == LW_OK && out_path)
		st = write_atomically(out_path, &im.buf, err);
	lw_buf_release(&im.buf);
	return st;
}

lw_status lw_kb_build(const char *const *dirs, size_t ndirs, const char *gazetteer,
		      lw_diag_fn diag, void *ctx, lw_kb **out, lw_error *err)
{
	struct image im;
	memset(&im, 0, sizeof im);
	*out = NULL;
	lw_status st = compile(dirs, ndirs, gazetteer, diag, ctx, &im, err);
	if (st != LW_OK) {
		lw_buf_release(&im.buf);
		return st;
	}
	return lw_kb_from_memory(im.buf.ptr, im.buf.len, out, err);
}
