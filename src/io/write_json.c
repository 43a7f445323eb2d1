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
#include <stddef.h>
#include <string.h>

#include "lapwing.h"
#include "jsonw.h"
#include "write_json.h"

/*
 * The cursor: bytes go to o, with room up to end, in b's block.
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
	char *o;
	char *end;
	struct lw_buf *b;
	/* Names from the knowledge base and the library's static tables
	 * (event types, modes, CAMEO codes, entity types, place kinds): each
	 * is written many times a document, so its length and that it needs
	 * no escape are found once, by pointer. */
	struct {
		const char *s;
		size_t n;
	} name[NAME_MEMO];
	/* A place's fields as written the first time, at offset `at` of b:
	 * an event's location is mostly an entity's place, written before
	 * (two numbers by arithmetic, three strings, the kind). */
	struct {
		lw_place p;
		size_t at, n; /* n 0: empty slot */
	} place[PLACE_MEMO];
	char sink[SLACK + 64]; /* last: not cleared */
};

static int grow(struct out *w, size_t n)
{
	struct lw_buf *b = w->b;
	if (!b->failed) {
		b->len = (size_t)(w->o - b->ptr);
		if (lw_buf_reserve(b, n) == 0) {
			w->o = b->ptr + b->len;
			w->end = b->ptr + b->cap;
			return 1;
		}
	}
	w->o = w->sink;
	w->end = w->sink + sizeof w->sink;
	return 0;
}

/* Room for n bytes and the reserve after them. */
static inline int room(struct out *w, size_t n)
{
	return n + SLACK <= (size_t)(w->end - w->o) || grow(w, n + SLACK);
}

/* A piece of the contract's own text: keys with their quotes, colons and
 * commas, into the reserve. Always inlined: with the length of a literal
 * known when compiled, the copy is a few moves. */
#define LIT(w, s) lit((w), "" s, sizeof(s) - 1)
__attribute__((always_inline)) static inline void lit(struct out *w, const char *s, size_t n)
{
	memcpy(w->o, s, n);
	w->o += n;
}

/* A string that needs escapes, or more room. */
__attribute__((noinline)) static void str_slow(struct out *w, const char *p, size_t n)
{
	if (room(w, LW_JSON_STR_ROOM(n)))
		w->o = lw_json_put_str(w->o, p, n);
}

/* A string: copied at once when it is plain and fits, as nearly all are;
 * the rest goes to a call, so that neither the escaping nor the growing
 * is inlined into the common path. Inlined itself: a document has
 * hundreds of strings, mostly a few bytes long, where a call's entry and
 * exit cost as much as the copy. */
__attribute__((always_inline)) static inline void str(struct out *w, const char *p, size_t n)
{
	char *o = w->o;
	if (n + 2 + SLACK <= (size_t)(w->end - o) && lw_json_copy_plain(o + 1, p, n)) {
		o[0] = '"';
		o[n + 1] = '"';
		w->o = o + n + 2;
		return;
	}
	str_slow(w, p, n);
}

/* p[0..n), known to need no escape, to o: by words as lw_json_copy_plain
 * copies, none read outside p[0..n). */
static inline void copy_known(char *o, const char *p, size_t n)
{
	if (n >= 8) {
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
__attribute__((noinline)) static void name_str_new(struct out *w, const char *s)
{
	size_t n = strlen(s);
	if (w->b->failed) { /* the cursor is in the sink */
		str(w, s, n);
		return;
	}
	size_t before = (size_t)(w->o - w->b->ptr); /* str may move the block */
	str(w, s, n);
	/* n + 2 bytes written: copied as it is (an escape is longer than what
	 * it stands for; valid UTF-8 is copied unchanged, and may be again) */
	if (!w->b->failed && (size_t)(w->o - w->b->ptr) - before == n + 2) {
		w->name[name_slot(s)].s = s;
		w->name[name_slot(s)].n = n;
	}
}

static inline void name_str(struct out *w, const char *s)
{
	size_t h = name_slot(s);
	if (w->name[h].s != s) {
		name_str_new(w, s);
		return;
	}
	size_t n = w->name[h].n;
	if (room(w, n + 2)) {
		w->o[0] = '"';
		copy_known(w->o + 1, s, n);
		w->o[n + 1] = '"';
		w->o += n + 2;
	}
}

static void cstr(struct out *w, const char *s) /* NULL -> null */
{
	if (s)
		name_str(w, s);
	else
		LIT(w, "null");
}

static void opt_str(struct out *w, lw_str s) /* no pointer -> null */
{
	if (s.ptr)
		str(w, s.ptr, s.len);
	else
		LIT(w, "null");
}

static void uint(struct out *w, uint64_t v)
{
	w->o = lw_buf_put_u64(w->o, v);
}

static void sint(struct out *w, int64_t v)
{
	if (v < 0)
		LIT(w, "-");
	uint(w, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
}

static void entity_ref(struct out *w, int32_t id) /* -1 -> null */
{
	if (id >= 0)
		uint(w, (uint32_t)id);
	else
		LIT(w, "null");
}

static void num(struct out *w, double v, int decimals)
{
	if (room(w, LW_JSON_NUM_ROOM))
		w->o = lw_json_put_num(w->o, v, decimals);
}

static void boolean(struct out *w, int v)
{
	if (v)
		LIT(w, "true");
	else
		LIT(w, "false");
}

/* Put the literal s at o and move o past it. */
#define PUT(o, s) (memcpy((o), "" s, sizeof(s) - 1), (o) += sizeof(s) - 1)

/* "start":S,"end":E. Inlined: a document has thousands. */
__attribute__((always_inline)) static inline void span_fields(struct out *w, lw_span s)
{
	char *o = w->o;
	PUT(o, "\"start\":");
	o = lw_buf_put_u64(o, s.start);
	PUT(o, ",\"end\":");
	w->o = lw_buf_put_u64(o, s.end);
}

static void text_of(struct out *w, lw_str text, lw_span s)
{
	if (s.end <= text.len && s.start <= s.end)
		str(w, text.ptr + s.start, s.end - s.start);
	else
		LIT(w, "null");
}

/* {"start", "end", "text"} */
static void span_text(struct out *w, lw_str text, lw_span s)
{
	LIT(w, "{");
	span_fields(w, s);
	LIT(w, ",\"text\":");
	text_of(w, text, s);
	LIT(w, "}");
}

/* A code field (char[4]): 3 when it holds three plain bytes, as codes
 * from the knowledge base do; 0 when empty; -1 otherwise (written the
 * general way). */
static int code3(const char *f)
{
	const unsigned char *u = (const unsigned char *)f;
	if (!u[0])
		return 0;
	if (u[3] || !lw_json_plain[u[0]] || !lw_json_plain[u[1]] || !lw_json_plain[u[2]])
		return -1;
	return 3;
}

/* code_fields of any bytes */
static void code_fields_any(struct out *w, const lw_actor_code *c)
{
	char code[8];
	memcpy(code, c->country[0] ? c->country : "---", 3);
	memcpy(code + 3, c->sector[0] ? c->sector : "---", 3);
	code[6] = 0;
	LIT(w, "\"code\":");
	str(w, code, 6);
	LIT(w, ",\"country\":");
	if (c->country[0])
		str(w, c->country, strlen(c->country));
	else
		LIT(w, "null");
	LIT(w, ",\"sector\":");
	if (c->sector[0])
		str(w, c->sector, strlen(c->sector));
	else
		LIT(w, "null");
}

/* A code3 field of 3 bytes as a JSON string, or null. */
static inline char *put_code3(char *o, const char *f, int n)
{
	if (!n) {
		PUT(o, "null");
		return o;
	}
	o[0] = '"';
	memcpy(o + 1, f, 3);
	o[4] = '"';
	return o + 5;
}

/* "code":...,"country":...,"sector":... */
static void code_fields(struct out *w, const lw_actor_code *c)
{
	int cn = code3(c->country), sn = code3(c->sector);
	if (cn < 0 || sn < 0) {
		code_fields_any(w, c);
		return;
	}
	char *o = w->o; /* 50 bytes at most: in the reserve */
	PUT(o, "\"code\":\"");
	memcpy(o, cn ? c->country : "---", 3);
	memcpy(o + 3, sn ? c->sector : "---", 3);
	o += 6;
	PUT(o, "\",\"country\":");
	o = put_code3(o, c->country, cn);
	PUT(o, ",\"sector\":");
	w->o = put_code3(o, c->sector, sn);
}

/* "country":...,"admin1":...,"admin2":...,"lat":...,"lon":...,"kind":... */
static void place_fields_new(struct out *w, const lw_place *p)
{
	int cn = code3(p->country);
	LIT(w, "\"country\":");
	if (cn >= 0) {
		w->o = put_code3(w->o, p->country, cn);
	} else {
		if (p->country[0])
			str(w, p->country, strlen(p->country));
		else
			LIT(w, "null");
	}
	LIT(w, ",\"admin1\":");
	opt_str(w, p->admin1.len ? p->admin1 : (lw_str){NULL, 0});
	LIT(w, ",\"admin2\":");
	opt_str(w, p->admin2.len ? p->admin2 : (lw_str){NULL, 0});
	LIT(w, ",\"lat\":");
	num(w, p->lat, 4);
	LIT(w, ",\"lon\":");
	num(w, p->lon, 4);
	LIT(w, ",\"kind\":");
	cstr(w, lw_place_kind_name(p->kind));
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
static void place_fields(struct out *w, const lw_place *p)
{
	uint64_t k = (bits(p->lat) ^ bits(p->lon) * 31) * 0x9E3779B97F4A7C15u;
	size_t h = (size_t)(k >> 58) & (PLACE_MEMO - 1);
	if (w->place[h].n && same_place(&w->place[h].p, p)) {
		size_t n = w->place[h].n;
		if (room(w, n)) { /* the block may move: the source after */
			memcpy(w->o, w->b->ptr + w->place[h].at, n);
			w->o += n;
		}
		return;
	}
	if (w->b->failed) { /* the cursor is in the sink */
		place_fields_new(w, p);
		return;
	}
	size_t at = (size_t)(w->o - w->b->ptr);
	place_fields_new(w, p);
	if (!w->b->failed) {
		w->place[h].p = *p;
		w->place[h].at = at;
		w->place[h].n = (size_t)(w->o - w->b->ptr) - at;
	}
}

static void entities(struct out *w, const lw_doc *doc)
{
	size_t n;
	const lw_entity *e = lw_doc_entities(doc, &n);
	LIT(w, ",\"entities\":[");
	for (size_t i = 0; i < n; i++) {
		room(w, 0);
		if (i)
			LIT(w, ",");
		LIT(w, "{\"id\":");
		uint(w, e[i].id);
		LIT(w, ",\"type\":");
		cstr(w, lw_entity_type_name(e[i].type));
		LIT(w, ",\"name\":");
		str(w, e[i].name.ptr, e[i].name.len);
		LIT(w, ",\"mentions\":[");
		for (size_t m = 0; m < e[i].n_mentions; m++) {
			room(w, 0);
			if (m)
				LIT(w, ",");
			LIT(w, "{");
			span_fields(w, e[i].mentions[m]);
			LIT(w, "}");
		}
		LIT(w, "],\"actor\":");
		if (e[i].has_actor) {
			LIT(w, "{");
			code_fields(w, &e[i].actor);
			LIT(w, "}");
		} else {
			LIT(w, "null");
		}
		LIT(w, ",\"place\":");
		if (e[i].has_place) {
			LIT(w, "{");
			place_fields(w, &e[i].place);
			LIT(w, "}");
		} else {
			LIT(w, "null");
		}
		LIT(w, "}");
	}
	LIT(w, "]");
}

/* "speaker":{...} */
static void speaker(struct out *w, const lw_speaker *s, lw_str text)
{
	LIT(w, ",\"speaker\":");
	if (!s->present) {
		LIT(w, "null");
		return;
	}
	LIT(w, "{\"entity\":");
	entity_ref(w, s->entity);
	LIT(w, ",\"name\":");
	str(w, s->name.ptr, s->name.len);
	LIT(w, ",");
	span_fields(w, s->span);
	LIT(w, ",\"text\":");
	text_of(w, text, s->span);
	LIT(w, ",\"description\":");
	if (s->description.present)
		span_text(w, text, s->description.span);
	else
		LIT(w, "null");
	LIT(w, "}");
}

static void quotes(struct out *w, const lw_doc *doc, lw_str text)
{
	size_t n;
	const lw_quote *q = lw_doc_quotes(doc, &n);
	LIT(w, ",\"quotes\":[");
	for (size_t i = 0; i < n; i++) {
		room(w, 0);
		if (i)
			LIT(w, ",");
		LIT(w, "{");
		span_fields(w, q[i].span);
		LIT(w, ",\"text\":");
		text_of(w, text, q[i].span);
		speaker(w, &q[i].speaker, text);
		LIT(w, ",\"cue\":");
		if (q[i].cue.present)
			span_text(w, text, q[i].cue.span);
		else
			LIT(w, "null");
		LIT(w, ",\"confidence\":");
		num(w, q[i].confidence, 2);
		LIT(w, "}");
	}
	LIT(w, "]");
}

/* {"entity", "name", code_fields, span_fields, "text"} or null */
static void event_actor(struct out *w, const lw_event_actor *a, lw_str text)
{
	if (!a->present) {
		LIT(w, "null");
		return;
	}
	LIT(w, "{\"entity\":");
	entity_ref(w, a->entity);
	LIT(w, ",\"name\":");
	str(w, a->name.ptr, a->name.len);
	LIT(w, ",");
	code_fields(w, &a->code);
	LIT(w, ",");
	span_fields(w, a->span);
	LIT(w, ",\"text\":");
	text_of(w, text, a->span);
	LIT(w, "}");
}

static void event_location(struct out *w, const lw_event_place *l)
{
	if (!l->present) {
		LIT(w, "null");
		return;
	}
	LIT(w, "{\"entity\":");
	entity_ref(w, l->entity);
	LIT(w, ",\"name\":");
	str(w, l->name.ptr, l->name.len);
	LIT(w, ",");
	place_fields(w, &l->place);
	LIT(w, ",");
	span_fields(w, l->span);
	LIT(w, "}");
}

static void event_date(struct out *w, const lw_event_date *d)
{
	char buf[32];
	size_t n = d->present ? lw_date_format(&d->date, buf, sizeof buf) : 0;
	if (!n) {
		LIT(w, "null");
		return;
	}
	LIT(w, "{\"value\":");
	str(w, buf, n);
	LIT(w, ",\"precision\":");
	cstr(w, lw_precision_name((lw_precision)d->date.precision));
	if (d->span.end > d->span.start) {
		LIT(w, ",");
		span_fields(w, d->span);
	} else { /* the document date: no words in the text say it */
		LIT(w, ",\"start\":null,\"end\":null");
	}
	LIT(w, "}");
}

/* {"value", "approx", span_fields, "text"} or null */
static void count(struct out *w, const lw_count *c, lw_str text)
{
	if (!c->present) {
		LIT(w, "null");
		return;
	}
	LIT(w, "{\"value\":");
	sint(w, c->value);
	LIT(w, ",\"approx\":");
	boolean(w, c->approx);
	LIT(w, ",");
	span_fields(w, c->span);
	LIT(w, ",\"text\":");
	text_of(w, text, c->span);
	LIT(w, "}");
}

static void event(struct out *w, const lw_event *ev, lw_str text)
{
	LIT(w, "{\"type\":");
	cstr(w, ev->type);
	LIT(w, ",\"mode\":");
	cstr(w, ev->mode);
	LIT(w, ",\"source\":");
	event_actor(w, &ev->source, text);
	LIT(w, ",\"target\":");
	event_actor(w, &ev->target, text);
	LIT(w, ",\"location\":");
	event_location(w, &ev->location);
	LIT(w, ",\"date\":");
	event_date(w, &ev->date);
	LIT(w, ",\"dead\":");
	count(w, &ev->dead, text);
	LIT(w, ",\"injured\":");
	count(w, &ev->injured, text);
	LIT(w, ",\"arrested\":");
	count(w, &ev->arrested, text);
	LIT(w, ",\"trigger\":");
	span_text(w, text, ev->trigger);
	LIT(w, ",\"sentence\":{");
	span_fields(w, ev->sentence);
	LIT(w, "},\"cameo\":");
	cstr(w, ev->cameo);
	LIT(w, ",\"acled\":");
	if (ev->acled_type) {
		LIT(w, "{\"event_type\":");
		cstr(w, ev->acled_type);
		LIT(w, ",\"sub_event_type\":");
		cstr(w, ev->acled_subtype);
		LIT(w, "}");
	} else {
		LIT(w, "null");
	}
	LIT(w, ",\"negated\":");
	boolean(w, ev->negated);
	LIT(w, ",\"speculative\":");
	boolean(w, ev->speculative);
	LIT(w, ",\"background\":");
	boolean(w, ev->background);
	LIT(w, ",\"confidence\":");
	num(w, ev->confidence, 2);
	LIT(w, "}");
}

static void events(struct out *w, const lw_doc *doc, lw_str text)
{
	size_t n;
	const lw_event *e = lw_doc_events(doc, &n);
	LIT(w, ",\"events\":[");
	for (size_t i = 0; i < n; i++) {
		room(w, 0);
		if (i)
			LIT(w, ",");
		event(w, &e[i], text);
	}
	LIT(w, "]");
}

static void dateline(struct out *w, const lw_doc *doc, lw_str text)
{
	const lw_dateline *dl = lw_doc_dateline(doc);
	LIT(w, ",\"dateline\":");
	if (!dl->found) {
		LIT(w, "null");
		return;
	}
	LIT(w, "{");
	span_fields(w, dl->span);
	LIT(w, ",\"text\":");
	text_of(w, text, dl->span);
	LIT(w, ",\"place\":");
	span_text(w, text, dl->place);
	LIT(w, ",\"date\":");
	char buf[32];
	size_t n = lw_date_format(&dl->date, buf, sizeof buf);
	if (n)
		str(w, buf, n);
	else
		LIT(w, "null");
	LIT(w, "}");
}

/* The document as compact JSON into b. */
static void document(struct out *w, const lw_doc *doc)
{
	lw_str text = lw_doc_text(doc);
	LIT(w, "{\"lapwing\":");
	uint(w, LW_CONTRACT_VERSION);
	LIT(w, ",\"id\":");
	opt_str(w, lw_doc_id(doc));
	lw_date_origin origin;
	lw_date date = lw_doc_date(doc, &origin);
	char dbuf[32];
	size_t dn = lw_date_format(&date, dbuf, sizeof dbuf);
	LIT(w, ",\"date\":");
	if (dn)
		str(w, dbuf, dn);
	else
		LIT(w, "null");
	LIT(w, ",\"title\":");
	opt_str(w, lw_doc_title(doc));
	LIT(w, ",\"source\":");
	opt_str(w, lw_doc_source(doc));
	LIT(w, ",\"url\":");
	opt_str(w, lw_doc_url(doc));
	dateline(w, doc, text);
	entities(w, doc);
	quotes(w, doc, text);
	events(w, doc, text);
	LIT(w, "}\n");
}

/* Room to make before a document: most documents' output fits in it, so
 * that the buffer seldom grows in the middle of one. */
#define FIRST_ROOM 16384

lw_status lw_doc_json_append(const lw_doc *doc, unsigned flags, struct lw_buf *out)
{
	size_t start = out->len;
	if (lw_buf_reserve(out, FIRST_ROOM))
		return LW_ENOMEM;
	struct out w;
	memset(&w, 0, offsetof(struct out, sink)); /* the memos empty */
	w.o = out->ptr + out->len;
	w.end = out->ptr + out->cap;
	w.b = out;
	document(&w, doc);
	if (out->failed) {
		out->len = start;
		return LW_ENOMEM;
	}
	out->len = (size_t)(w.o - out->ptr);
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
