/*
 * write_json.c: a document result as one object of the output contract
 * (docs/output.md). A client of the public API only: it reads the result
 * through lapwing.h accessors, as any other writer would.
 *
 * The output is five times the text, so this writes it as directly as it
 * can: keys, quotes, colons and commas are literals in the order the
 * contract has them, copied by a cursor that checks its room once a piece,
 * with no state for where commas go. It writes compact JSON only;
 * --pretty re-indents that (lw_json_indent).
 */
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "lapwing.h"
#include "jsonw.h"
#include "write_json.h"

/*
 * The cursor: bytes go to `o`, with room up to w->end, in b's block. The
 * cursor is a local that each writer takes and returns (o = f(w, o, ...)),
 * not a field of struct out: a byte stored through a char pointer may
 * alias any object, so a cursor in w had to be loaded and stored again
 * around every literal; as a local it stays in a register.
 *
 * Most of the output is the contract's own keys and punctuation, and
 * numbers: those are written without a check, into a reserve of SLACK
 * bytes that every check keeps. A put of variable size (a string, a
 * number of printf's length) makes room for itself and SLACK more, and so
 * does the start of each object in an array; between two such checks the
 * writer puts a few hundred bytes at most (an event with every field
 * null: about 500), well inside SLACK.
 *
 * When the buffer cannot grow, b->failed is set, and the cursor moves to
 * `sink`, so that what is written up to the next check goes there; the
 * document's result is LW_ENOMEM.
 */
#define SLACK 2048

/* Sizes of the memos below: powers of two, a few times the distinct
 * names and places a document has. */
#define NAME_MEMO 128
#define PLACE_MEMO 32

struct out {
	char *end;
	struct lw_buf *b;
	/*
	 * The memos' keys, cleared for each document; what they key is after
	 * `clear_end`, read only when the key matches, and not cleared (a
	 * few kilobytes less to clear a document).
	 *
	 * Names from the knowledge base and the library's static tables
	 * (event types, modes, ACLED types): each is written many times a
	 * document, so its length and that it needs no escape are found
	 * once, by pointer (name_n[h] the length of name_s[h]).
	 */
	const char *name_s[NAME_MEMO];
	/* A place's fields as written the first time, place_n[h] bytes at
	 * offset place[h].at of b: an event's location is mostly an entity's
	 * place, written before (two numbers by arithmetic, three strings, the
	 * kind). 0: empty slot. */
	size_t place_n[PLACE_MEMO];
	/* The last event date's "value" and "precision" as written, date_n
	 * bytes: most of a document's events have the same date, mostly the
	 * document's (0: none yet). */
	size_t date_n;
	char clear_end[1]; /* not cleared from here on */
	size_t name_n[NAME_MEMO];
	struct {
		lw_place p;
		size_t at;
	} place[PLACE_MEMO];
	struct {
		lw_date d;
		char s[61];
	} date;
	char sink[SLACK + 64];
};

/* The cursor at o after making room for n bytes: in b's block, which may
 * have moved, or at the start of the sink when it cannot grow. */
__attribute__((noinline)) static char *grow(struct out *w, char *o, size_t n)
{
	struct lw_buf *b = w->b;
	if (!b->failed) {
		b->len = (size_t)(o - b->ptr);
		if (lw_buf_reserve(b, n) == 0) {
			w->end = b->ptr + b->cap;
			return b->ptr + b->len;
		}
	}
	w->end = w->sink + sizeof w->sink;
	return w->sink;
}

/* Room at *o for n bytes and the reserve after them; 0 when the buffer
 * cannot grow (*o is then in the sink). Always inlined, so that o stays a
 * register. */
__attribute__((always_inline)) static inline int room(struct out *w, char **o, size_t n)
{
	if (n + SLACK <= (size_t)(w->end - *o))
		return 1;
	*o = grow(w, *o, n + SLACK);
	return !w->b->failed;
}

/* A piece of the contract's own text: keys with their quotes, colons and
 * commas, into the reserve. Always inlined: with the length of a literal
 * known when compiled, the copy is a few moves. */
#define LIT(o, s) (memcpy((o), "" s, sizeof(s) - 1), (o) += sizeof(s) - 1)

/* A string that needs escapes, or more room. */
__attribute__((noinline)) static char *str_slow(struct out *w, char *o, const char *p, size_t n)
{
	if (room(w, &o, LW_JSON_STR_ROOM(n)))
		o = lw_json_put_str(o, p, n);
	return o;
}

/* A string: copied at once when it is plain and fits, as nearly all are;
 * the rest goes to a call, so that neither the escaping nor the growing
 * is inlined into the common path. Inlined itself: a document has
 * hundreds of strings, mostly a few bytes long, where a call's entry and
 * exit cost as much as the copy. */
__attribute__((always_inline)) static inline char *str(struct out *w, char *o, const char *p,
							size_t n)
{
	if (n + 2 + SLACK <= (size_t)(w->end - o) && lw_json_copy_plain(o + 1, p, n)) {
		o[0] = '"';
		o[n + 1] = '"';
		return o + n + 2;
	}
	return str_slow(w, o, p, n);
}

/* p[0..n), known to need no escape, to o: by words as lw_json_copy_plain
 * copies, none read outside p[0..n). */
static inline void copy_known(char *o, const char *p, size_t n)
{
	if (n >= 16) {
		for (size_t i = 0; n - i > 16; i += 16)
			memcpy(o + i, p + i, 16);
		memcpy(o + n - 16, p + n - 16, 16);
	} else if (n >= 8) {
		for (size_t i = 0; n - i > 8; i += 8)
			memcpy(o + i, p + i, 8);
		memcpy(o + n - 8, p + n - 8, 8);
	} else if (n >= 4) {
		memcpy(o, p, 4);
		memcpy(o + n - 4, p + n - 4, 4);
	} else if (n) {
		o[0] = p[0];
		o[n / 2] = p[n / 2];
		o[n - 1] = p[n - 1];
	}
}

/* A string of static storage or of the knowledge base, which lives as long
 * as the document: its memo slot remembers it once it has been found plain
 * (one that needs escapes is not remembered, and always escaped anew). */
static size_t name_slot(const char *s)
{
	return (size_t)(((uint64_t)(uintptr_t)s * 0x9E3779B97F4A7C15u) >> 57) & (NAME_MEMO - 1);
}

/* name_str the first time: found, written, and remembered if plain. */
__attribute__((noinline)) static char *name_str_new(struct out *w, char *o, const char *s)
{
	size_t n = strlen(s);
	if (w->b->failed) /* the cursor is in the sink */
		return str(w, o, s, n);
	size_t before = (size_t)(o - w->b->ptr); /* str may move the block */
	o = str(w, o, s, n);
	/* n + 2 bytes written: copied as it is (an escape is longer than what
	 * it stands for; valid UTF-8 is copied unchanged, and may be again) */
	if (!w->b->failed && (size_t)(o - w->b->ptr) - before == n + 2) {
		w->name_s[name_slot(s)] = s;
		w->name_n[name_slot(s)] = n;
	}
	return o;
}

static inline char *name_str(struct out *w, char *o, const char *s)
{
	size_t h = name_slot(s);
	if (w->name_s[h] != s)
		return name_str_new(w, o, s);
	size_t n = w->name_n[h];
	if (room(w, &o, n + 2)) {
		o[0] = '"';
		copy_known(o + 1, s, n);
		o[n + 1] = '"';
		o += n + 2;
	}
	return o;
}

static char *cstr(struct out *w, char *o, const char *s) /* NULL -> null */
{
	if (s)
		return name_str(w, o, s);
	LIT(o, "null");
	return o;
}

/*
 * The names of the enums the contract writes (entity types, place kinds,
 * precisions) as JSON, made once a process from the library's name
 * functions: each is written thousands of times, and a document would
 * find each anew in its memo. A name that is longer, or not plain, has
 * n 0 and goes the general way.
 */
#define ENUM_NAMES 8

struct enum_json {
	char s[16]; /* quoted, or null; 16 bytes are copied, n kept */
	size_t n;
};

static struct enum_json type_json[ENUM_NAMES], kind_json[ENUM_NAMES], prec_json[ENUM_NAMES];
static pthread_once_t enum_once = PTHREAD_ONCE_INIT;

static void enum_set(struct enum_json *e, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (!s) {
		memcpy(e->s, "null", 4);
		e->n = 4;
	} else if (n + 2 <= sizeof e->s && lw_json_copy_plain(e->s + 1, s, n)) {
		e->s[0] = '"';
		e->s[n + 1] = '"';
		e->n = n + 2;
	}
}

static void enum_init(void)
{
	for (int k = 0; k < ENUM_NAMES; k++) {
		enum_set(&type_json[k], lw_entity_type_name((lw_entity_type)k));
		enum_set(&kind_json[k], lw_place_kind_name((lw_place_kind)k));
		enum_set(&prec_json[k], lw_precision_name((lw_precision)k));
	}
}

/* The name of enum value k as table has it, or s, its name, in general. */
static inline char *enum_name(struct out *w, char *o, const struct enum_json *table, unsigned k,
			      const char *(*name)(unsigned))
{
	if (k < ENUM_NAMES && table[k].n) { /* 16 bytes: in the reserve */
		memcpy(o, table[k].s, 16);
		return o + table[k].n;
	}
	return cstr(w, o, name(k));
}

static const char *type_name(unsigned k) { return lw_entity_type_name((lw_entity_type)k); }
static const char *kind_name(unsigned k) { return lw_place_kind_name((lw_place_kind)k); }
static const char *prec_name(unsigned k) { return lw_precision_name((lw_precision)k); }

/* A string of at most 3 bytes, as CAMEO codes are, when it is plain: as
 * it is, without the memo (a code is in each of the knowledge base's
 * entries, each a pointer the memo has not seen); others by cstr. */
static char *short_str(struct out *w, char *o, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0;
	if (s) /* stops at the NUL: no byte after it read */
		while (n < 4 && u[n] && lw_json_plain[u[n]])
			n++;
	if (!s || n == 4 || u[n])
		return cstr(w, o, s);
	o[0] = '"';
	copy_known(o + 1, s, n);
	o[n + 1] = '"';
	return o + n + 2;
}

static char *opt_str(struct out *w, char *o, lw_str s) /* no pointer -> null */
{
	if (s.ptr)
		return str(w, o, s.ptr, s.len);
	LIT(o, "null");
	return o;
}

static char *sint(char *o, int64_t v)
{
	if (v < 0)
		LIT(o, "-");
	return lw_buf_put_u64(o, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
}

static char *entity_ref(char *o, int32_t id) /* -1 -> null */
{
	if (id >= 0)
		return lw_buf_put_u64(o, (uint32_t)id);
	LIT(o, "null");
	return o;
}

static char *num(struct out *w, char *o, double v, int decimals)
{
	/* a coordinate or a confidence: 21 bytes at most, in the reserve */
	if (v < 1e12 && v > -1e12)
		return lw_json_put_num(o, v, decimals);
	if (room(w, &o, LW_JSON_NUM_ROOM))
		o = lw_json_put_num(o, v, decimals);
	return o;
}

static char *boolean(char *o, int v)
{
	if (v)
		LIT(o, "true");
	else
		LIT(o, "false");
	return o;
}

/* "start":S,"end":E. Inlined: a document has thousands. */
__attribute__((always_inline)) static inline char *span_fields(char *o, lw_span s)
{
	LIT(o, "\"start\":");
	o = lw_buf_put_u64(o, s.start);
	LIT(o, ",\"end\":");
	return lw_buf_put_u64(o, s.end);
}

static char *text_of(struct out *w, char *o, lw_str text, lw_span s)
{
	if (s.end <= text.len && s.start <= s.end)
		return str(w, o, text.ptr + s.start, s.end - s.start);
	LIT(o, "null");
	return o;
}

/* {"start", "end", "text"} */
static char *span_text(struct out *w, char *o, lw_str text, lw_span s)
{
	LIT(o, "{");
	o = span_fields(o, s);
	LIT(o, ",\"text\":");
	o = text_of(w, o, text, s);
	LIT(o, "}");
	return o;
}

/* A code field (char[4]): 3 when it holds three plain bytes, as codes
 * from the knowledge base do; 0 when empty; -1 otherwise (written the
 * general way). */
__attribute__((always_inline)) static inline int code3(const char *f)
{
	const unsigned char *u = (const unsigned char *)f;
	if (!u[0])
		return 0;
	if (u[3] || !lw_json_plain[u[0]] || !lw_json_plain[u[1]] || !lw_json_plain[u[2]])
		return -1;
	return 3;
}

/* A code field of any bytes as a JSON string, or null when empty. */
static char *code_any(struct out *w, char *o, const char *f)
{
	if (f[0])
		return str(w, o, f, strlen(f));
	LIT(o, "null");
	return o;
}

/* code_fields of any bytes */
static char *code_fields_any(struct out *w, char *o, const lw_actor_code *c)
{
	char code[8];
	memcpy(code, c->country[0] ? c->country : "---", 3);
	memcpy(code + 3, c->sector[0] ? c->sector : "---", 3);
	code[6] = 0;
	LIT(o, "\"code\":");
	o = str(w, o, code, 6);
	LIT(o, ",\"country\":");
	o = code_any(w, o, c->country);
	LIT(o, ",\"sector\":");
	return code_any(w, o, c->sector);
}

/* A code3 field of 3 bytes as a JSON string, or null. */
static inline char *put_code3(char *o, const char *f, int n)
{
	if (!n) {
		LIT(o, "null");
		return o;
	}
	o[0] = '"';
	memcpy(o + 1, f, 3);
	o[4] = '"';
	return o + 5;
}

/* "code":...,"country":...,"sector":... */
static char *code_fields(struct out *w, char *o, const lw_actor_code *c)
{
	int cn = code3(c->country), sn = code3(c->sector);
	if (cn < 0 || sn < 0)
		return code_fields_any(w, o, c);
	/* 50 bytes at most: in the reserve */
	LIT(o, "\"code\":\"");
	memcpy(o, cn ? c->country : "---", 3);
	memcpy(o + 3, sn ? c->sector : "---", 3);
	o += 6;
	LIT(o, "\",\"country\":");
	o = put_code3(o, c->country, cn);
	LIT(o, ",\"sector\":");
	return put_code3(o, c->sector, sn);
}

/* "country":...,"admin1":...,"admin2":...,"lat":...,"lon":...,"kind":... */
static char *place_fields_new(struct out *w, char *o, const lw_place *p)
{
	int cn = code3(p->country);
	LIT(o, "\"country\":");
	if (cn >= 0)
		o = put_code3(o, p->country, cn);
	else
		o = code_any(w, o, p->country);
	LIT(o, ",\"admin1\":");
	o = opt_str(w, o, p->admin1.len ? p->admin1 : (lw_str){NULL, 0});
	LIT(o, ",\"admin2\":");
	o = opt_str(w, o, p->admin2.len ? p->admin2 : (lw_str){NULL, 0});
	LIT(o, ",\"lat\":");
	o = num(w, o, p->lat, 4);
	LIT(o, ",\"lon\":");
	o = num(w, o, p->lon, 4);
	LIT(o, ",\"kind\":");
	return enum_name(w, o, kind_json, (unsigned)p->kind, kind_name);
}

static uint64_t bits(double d)
{
	uint64_t u;
	memcpy(&u, &d, sizeof u);
	return u;
}

/* Whether place_fields writes a and b alike: the same fields, strings at
 * the same place (a different one that reads the same is only a miss). */
static int same_place(const lw_place *a, const lw_place *b)
{
	return a->kind == b->kind && memcmp(a->country, b->country, sizeof a->country) == 0 &&
	       a->admin1.ptr == b->admin1.ptr && a->admin1.len == b->admin1.len &&
	       a->admin2.ptr == b->admin2.ptr && a->admin2.len == b->admin2.len &&
	       bits(a->lat) == bits(b->lat) && bits(a->lon) == bits(b->lon);
}

/* place_fields_new, or a copy of what it wrote for the same place before
 * in this document (see struct out). */
static char *place_fields(struct out *w, char *o, const lw_place *p)
{
	uint64_t k = (bits(p->lat) ^ bits(p->lon) * 31) * 0x9E3779B97F4A7C15u;
	size_t h = (size_t)(k >> 58) & (PLACE_MEMO - 1);
	if (w->place_n[h] && same_place(&w->place[h].p, p)) {
		size_t n = w->place_n[h];
		if (room(w, &o, n)) { /* the block may move: the source after */
			memcpy(o, w->b->ptr + w->place[h].at, n);
			o += n;
		}
		return o;
	}
	if (w->b->failed) /* the cursor is in the sink */
		return place_fields_new(w, o, p);
	size_t at = (size_t)(o - w->b->ptr);
	o = place_fields_new(w, o, p);
	if (!w->b->failed) {
		w->place[h].p = *p;
		w->place[h].at = at;
		w->place_n[h] = (size_t)(o - w->b->ptr) - at;
	}
	return o;
}

static char *entities(struct out *w, char *o, const lw_doc *doc)
{
	size_t n;
	const lw_entity *e = lw_doc_entities(doc, &n);
	LIT(o, ",\"entities\":[");
	for (size_t i = 0; i < n; i++) {
		room(w, &o, 0);
		if (i)
			LIT(o, ",");
		LIT(o, "{\"id\":");
		o = lw_buf_put_u64(o, e[i].id);
		LIT(o, ",\"type\":");
		o = enum_name(w, o, type_json, (unsigned)e[i].type, type_name);
		LIT(o, ",\"name\":");
		o = str(w, o, e[i].name.ptr, e[i].name.len);
		LIT(o, ",\"mentions\":[");
		for (size_t m = 0; m < e[i].n_mentions; m++) {
			room(w, &o, 0);
			if (m)
				LIT(o, ",");
			LIT(o, "{");
			o = span_fields(o, e[i].mentions[m]);
			LIT(o, "}");
		}
		LIT(o, "],\"actor\":");
		if (e[i].has_actor) {
			LIT(o, "{");
			o = code_fields(w, o, &e[i].actor);
			LIT(o, "}");
		} else {
			LIT(o, "null");
		}
		LIT(o, ",\"place\":");
		if (e[i].has_place) {
			LIT(o, "{");
			o = place_fields(w, o, &e[i].place);
			LIT(o, "}");
		} else {
			LIT(o, "null");
		}
		LIT(o, "}");
	}
	LIT(o, "]");
	return o;
}

/* "speaker":{...} */
static char *speaker(struct out *w, char *o, const lw_speaker *s, lw_str text)
{
	LIT(o, ",\"speaker\":");
	if (!s->present) {
		LIT(o, "null");
		return o;
	}
	LIT(o, "{\"entity\":");
	o = entity_ref(o, s->entity);
	LIT(o, ",\"name\":");
	o = str(w, o, s->name.ptr, s->name.len);
	LIT(o, ",");
	o = span_fields(o, s->span);
	LIT(o, ",\"text\":");
	o = text_of(w, o, text, s->span);
	LIT(o, ",\"description\":");
	if (s->description.present)
		o = span_text(w, o, text, s->description.span);
	else
		LIT(o, "null");
	LIT(o, "}");
	return o;
}

static char *quotes(struct out *w, char *o, const lw_doc *doc, lw_str text)
{
	size_t n;
	const lw_quote *q = lw_doc_quotes(doc, &n);
	LIT(o, ",\"quotes\":[");
	for (size_t i = 0; i < n; i++) {
		room(w, &o, 0);
		if (i)
			LIT(o, ",");
		LIT(o, "{");
		o = span_fields(o, q[i].span);
		LIT(o, ",\"text\":");
		o = text_of(w, o, text, q[i].span);
		o = speaker(w, o, &q[i].speaker, text);
		LIT(o, ",\"cue\":");
		if (q[i].cue.present)
			o = span_text(w, o, text, q[i].cue.span);
		else
			LIT(o, "null");
		LIT(o, ",\"confidence\":");
		o = num(w, o, q[i].confidence, 2);
		LIT(o, "}");
	}
	LIT(o, "]");
	return o;
}

/* {"entity", "name", code_fields, span_fields, "text"} or null */
static char *event_actor(struct out *w, char *o, const lw_event_actor *a, lw_str text)
{
	if (!a->present) {
		LIT(o, "null");
		return o;
	}
	LIT(o, "{\"entity\":");
	o = entity_ref(o, a->entity);
	LIT(o, ",\"name\":");
	o = str(w, o, a->name.ptr, a->name.len);
	LIT(o, ",");
	o = code_fields(w, o, &a->code);
	LIT(o, ",");
	o = span_fields(o, a->span);
	LIT(o, ",\"text\":");
	o = text_of(w, o, text, a->span);
	LIT(o, "}");
	return o;
}

static char *event_location(struct out *w, char *o, const lw_event_place *l)
{
	if (!l->present) {
		LIT(o, "null");
		return o;
	}
	LIT(o, "{\"entity\":");
	o = entity_ref(o, l->entity);
	LIT(o, ",\"name\":");
	o = str(w, o, l->name.ptr, l->name.len);
	LIT(o, ",");
	o = place_fields(w, o, &l->place);
	LIT(o, ",");
	o = span_fields(o, l->span);
	LIT(o, "}");
	return o;
}

/* {"value":...,"precision":... of an event date, 0 when it has none:
 * written once, then copied from the memo while the date stays the same.
 * A date is 6 bytes without padding, compared as they are. */
static int date_value(struct out *w, char **op, const lw_date *d)
{
	char *o = *op;
	if (w->date_n && memcmp(&w->date.d, d, sizeof *d) == 0) {
		memcpy(o, w->date.s, w->date_n); /* 61 bytes at most: in the reserve */
		*op = o + w->date_n;
		return 1;
	}
	char buf[32];
	size_t n = lw_date_format(d, buf, sizeof buf);
	if (!n)
		return 0;
	char *start = o;
	LIT(o, "{\"value\":");
	o = str(w, o, buf, n);
	LIT(o, ",\"precision\":");
	o = enum_name(w, o, prec_json, d->precision, prec_name);
	*op = o;
	/* remembered when it went to the buffer whole, as nearly all do */
	if (!w->b->failed && o > start && (size_t)(o - start) <= sizeof w->date.s) {
		memcpy(w->date.s, start, (size_t)(o - start));
		w->date_n = (size_t)(o - start);
		w->date.d = *d;
	}
	return 1;
}

static char *event_date(struct out *w, char *o, const lw_event_date *d)
{
	if (!d->present || !date_value(w, &o, &d->date)) {
		LIT(o, "null");
		return o;
	}
	if (d->span.end > d->span.start) {
		LIT(o, ",");
		o = span_fields(o, d->span);
	} else { /* the document date: no words in the text say it */
		LIT(o, ",\"start\":null,\"end\":null");
	}
	LIT(o, "}");
	return o;
}

/* {"value", "approx", span_fields, "text"} or null */
static char *count(struct out *w, char *o, const lw_count *c, lw_str text)
{
	if (!c->present) {
		LIT(o, "null");
		return o;
	}
	LIT(o, "{\"value\":");
	o = sint(o, c->value);
	LIT(o, ",\"approx\":");
	o = boolean(o, c->approx);
	LIT(o, ",");
	o = span_fields(o, c->span);
	LIT(o, ",\"text\":");
	o = text_of(w, o, text, c->span);
	LIT(o, "}");
	return o;
}

static char *event(struct out *w, char *o, const lw_event *ev, lw_str text)
{
	LIT(o, "{\"type\":");
	o = cstr(w, o, ev->type);
	LIT(o, ",\"mode\":");
	o = cstr(w, o, ev->mode);
	LIT(o, ",\"source\":");
	o = event_actor(w, o, &ev->source, text);
	LIT(o, ",\"target\":");
	o = event_actor(w, o, &ev->target, text);
	LIT(o, ",\"location\":");
	o = event_location(w, o, &ev->location);
	LIT(o, ",\"date\":");
	o = event_date(w, o, &ev->date);
	/* most events count nobody: the three nulls as one literal */
	if (!ev->dead.present && !ev->injured.present && !ev->arrested.present) {
		LIT(o, ",\"dead\":null,\"injured\":null,\"arrested\":null,\"trigger\":");
	} else {
		LIT(o, ",\"dead\":");
		o = count(w, o, &ev->dead, text);
		LIT(o, ",\"injured\":");
		o = count(w, o, &ev->injured, text);
		LIT(o, ",\"arrested\":");
		o = count(w, o, &ev->arrested, text);
		LIT(o, ",\"trigger\":");
	}
	o = span_text(w, o, text, ev->trigger);
	LIT(o, ",\"sentence\":{");
	o = span_fields(o, ev->sentence);
	LIT(o, "},\"cameo\":");
	o = short_str(w, o, ev->cameo);
	LIT(o, ",\"acled\":");
	if (ev->acled_type) {
		LIT(o, "{\"event_type\":");
		o = cstr(w, o, ev->acled_type);
		LIT(o, ",\"sub_event_type\":");
		o = cstr(w, o, ev->acled_subtype);
		LIT(o, "}");
	} else {
		LIT(o, "null");
	}
	if (!ev->negated && !ev->speculative && !ev->background) { /* as most are */
		LIT(o, ",\"negated\":false,\"speculative\":false,\"background\":false,\"confidence\":");
	} else {
		LIT(o, ",\"negated\":");
		o = boolean(o, ev->negated);
		LIT(o, ",\"speculative\":");
		o = boolean(o, ev->speculative);
		LIT(o, ",\"background\":");
		o = boolean(o, ev->background);
		LIT(o, ",\"confidence\":");
	}
	o = num(w, o, ev->confidence, 2);
	LIT(o, "}");
	return o;
}

static char *events(struct out *w, char *o, const lw_doc *doc, lw_str text)
{
	size_t n;
	const lw_event *e = lw_doc_events(doc, &n);
	LIT(o, ",\"events\":[");
	for (size_t i = 0; i < n; i++) {
		room(w, &o, 0);
		if (i)
			LIT(o, ",");
		o = event(w, o, &e[i], text);
	}
	LIT(o, "]");
	return o;
}

static char *dateline(struct out *w, char *o, const lw_doc *doc, lw_str text)
{
	const lw_dateline *dl = lw_doc_dateline(doc);
	LIT(o, ",\"dateline\":");
	if (!dl->found) {
		LIT(o, "null");
		return o;
	}
	LIT(o, "{");
	o = span_fields(o, dl->span);
	LIT(o, ",\"text\":");
	o = text_of(w, o, text, dl->span);
	LIT(o, ",\"place\":");
	o = span_text(w, o, text, dl->place);
	LIT(o, ",\"date\":");
	char buf[32];
	size_t n = lw_date_format(&dl->date, buf, sizeof buf);
	if (n)
		o = str(w, o, buf, n);
	else
		LIT(o, "null");
	LIT(o, "}");
	return o;
}

/* The document as compact JSON at o; returns the end. */
static char *document(struct out *w, char *o, const lw_doc *doc)
{
	lw_str text = lw_doc_text(doc);
	LIT(o, "{\"lapwing\":");
	o = lw_buf_put_u64(o, LW_CONTRACT_VERSION);
	LIT(o, ",\"id\":");
	o = opt_str(w, o, lw_doc_id(doc));
	lw_date_origin origin;
	lw_date date = lw_doc_date(doc, &origin);
	char dbuf[32];
	size_t dn = lw_date_format(&date, dbuf, sizeof dbuf);
	LIT(o, ",\"date\":");
	if (dn)
		o = str(w, o, dbuf, dn);
	else
		LIT(o, "null");
	LIT(o, ",\"title\":");
	o = opt_str(w, o, lw_doc_title(doc));
	LIT(o, ",\"source\":");
	o = opt_str(w, o, lw_doc_source(doc));
	LIT(o, ",\"url\":");
	o = opt_str(w, o, lw_doc_url(doc));
	o = dateline(w, o, doc, text);
	o = entities(w, o, doc);
	o = quotes(w, o, doc, text);
	o = events(w, o, doc, text);
	LIT(o, "}\n");
	return o;
}

/* Room to make before a document: most documents' output fits in it, so
 * that the buffer seldom grows in the middle of one. */
#define FIRST_ROOM 16384

lw_status lw_doc_json_append(const lw_doc *doc, unsigned flags, struct lw_buf *out)
{
	size_t start = out->len;
	if (lw_buf_reserve(out, FIRST_ROOM))
		return LW_ENOMEM;
	pthread_once(&enum_once, enum_init);
	struct out w;
	memset(&w, 0, offsetof(struct out, clear_end)); /* the memos empty */
	w.end = out->ptr + out->cap;
	w.b = out;
	char *o = document(&w, out->ptr + out->len, doc);
	if (out->failed) {
		out->len = start;
		return LW_ENOMEM;
	}
	out->len = (size_t)(o - out->ptr);
	if (!(flags & LW_JSON_PRETTY))
		return LW_OK;
	/* re-indented after the compact form, which then goes */
	struct lw_buf pretty = LW_BUF_INIT;
	lw_json_indent(&pretty, out->ptr + start, out->len - start - 1); /* its line end stays last */
	lw_buf_addc(&pretty, '\n');
	out->len = start;
	if (!pretty.failed)
		lw_buf_add(out, pretty.ptr, pretty.len);
	lw_status st = pretty.failed || out->failed ? LW_ENOMEM : LW_OK;
	if (st != LW_OK)
		out->len = start;
	lw_buf_release(&pretty);
	return st;
}

lw_status lw_doc_write_json(const lw_doc *doc, unsigned flags, lw_write_fn write, void *ctx)
{
	struct lw_buf b = LW_BUF_INIT;
	lw_status st = lw_doc_json_append(doc, flags, &b);
	if (st == LW_OK)
		st = write(ctx, b.ptr, b.len) != 0 ? LW_EIO : LW_OK;
	lw_buf_release(&b);
	return st;
}
