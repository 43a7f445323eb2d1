/*
 * coded.c: a contract JSON object (docs/output.md, one line of `lapwing
 * code` output) into a store record, for `lapwing ingest --coded`.
 *
 * The object is checked against the contract before anything is stored:
 * types of every field, spans (start <= end, inside the text), links to
 * entities that exist, PLOVER types, dates. Each problem is one error
 * naming the field ("events[2].dead.start: expected an integer"); a record
 * with an error is not stored at all.
 *
 * Without a "text" field (plain `lapwing code` output) the record's text
 * is rebuilt from the texts it quotes (quotes, speakers, cues, triggers,
 * actors, counts, dateline) at their offsets, with spaces elsewhere, so
 * that exports and search give back what was ingested; such a document is
 * stored with text_complete = 0. Records are parsed on the worker threads
 * by json.c into a tree in the record's arena.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "store.h"

/* The 16 PLOVER types (docs/output.md). */
static const char *const plover[] = {
	"AGREE",   "CONSULT",  "SUPPORT", "CONCEDE",  "COOPERATE", "AID",
	"RETREAT", "REQUEST",  "ACCUSE",  "REJECT",   "THREATEN",  "PROTEST",
	"SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};

struct frag {
	uint32_t start, end;
	const char *text;
	size_t len;
};

struct parser {
	struct lw_store_rec *r;
	lw_error *err;
	lw_status st;          /* first failure, or LW_OK */
	int has_text;
	size_t text_len;       /* with has_text */
	size_t max_doc;        /* without: spans may not reach past this */
	uint32_t max_end;
	struct frag *frags;
	size_t nfrag, capfrag;
	int32_t *ids;          /* entity ids, sorted */
	size_t nids;
	lw_rec_warn_fn warn;
	void *warn_ctx;
};

static lw_status failf(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static lw_status failf(struct parser *p, const char *fmt, ...)
{
	if (p->st != LW_OK)
		return p->st;
	p->st = LW_EJSON;
	if (p->err) {
		p->err->status = LW_EJSON;
		p->err->offset = -1;
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
		va_end(ap);
	}
	return p->st;
}

static lw_status oom(struct parser *p)
{
	if (p->st == LW_OK) {
		p->st = LW_ENOMEM;
		if (p->err) {
			p->err->status = LW_ENOMEM;
			snprintf(p->err->message, sizeof p->err->message, "out of memory");
		}
	}
	return p->st;
}

static const char *type_name(const struct lw_jv *v)
{
	switch ((enum lw_jv_kind)v->kind) {
	case LW_JV_OBJECT: return "an object";
	case LW_JV_ARRAY: return "an array";
	case LW_JV_STRING: return "a string";
	case LW_JV_INT: return "an integer";
	case LW_JV_REAL: return "a number";
	case LW_JV_TRUE:
	case LW_JV_FALSE: return "a boolean";
	case LW_JV_NULL: return "null";
	}
	return "?";
}

static int is_kind(const struct lw_jv *v, enum lw_jv_kind k)
{
	return v && v->kind == k;
}

static int is_number(const struct lw_jv *v)
{
	return v->kind == LW_JV_INT || v->kind == LW_JV_REAL;
}

static int is_bool(const struct lw_jv *v)
{
	return v->kind == LW_JV_TRUE || v->kind == LW_JV_FALSE;
}

static double number_of(const struct lw_jv *v)
{
	return v->kind == LW_JV_INT ? (double)v->u.i : v->u.d;
}

/* A string field: 1 with *s set, 0 if null or absent (allowed unless
 * `required`), -1 after an error. */
static int get_str(struct parser *p, const struct lw_jv *obj, const char *path, const char *key,
		   int required, lw_str *s)
{
	const struct lw_jv *v = lw_jv_get(obj, key);
	s->ptr = NULL;
	s->len = 0;
	if (!v || (v)->kind == LW_JV_NULL) {
		if (required) {
			failf(p, "%s%s%s: missing (a string is required)", path, *path ? "." : "", key);
			return -1;
		}
		return 0;
	}
	if (v->kind != LW_JV_STRING) {
		failf(p, "%s%s%s: expected a string, got %s", path, *path ? "." : "", key,
		      type_name(v));
		return -1;
	}
	s->ptr = (v)->u.s;
	s->len = (size_t)(v)->n;
	return 1;
}

/* An integer in [lo, hi]; `absent_ok` gives *out = -1 (or the caller's
 * default) for null or absent. Returns 1 found, 0 absent, -1 error. */
static int get_int(struct parser *p, const struct lw_jv *obj, const char *path, const char *key,
		   long long lo, long long hi, int absent_ok, long long *out)
{
	const struct lw_jv *v = lw_jv_get(obj, key);
	if (!v || (v)->kind == LW_JV_NULL) {
		if (!absent_ok) {
			failf(p, "%s%s%s: missing (an integer is required)", path, *path ? "." : "",
			      key);
			return -1;
		}
		return 0;
	}
	if (v->kind != LW_JV_INT) {
		failf(p, "%s%s%s: expected an integer, got %s", path, *path ? "." : "", key,
		      type_name(v));
		return -1;
	}
	long long x = (v)->u.i;
	if (x < lo || x > hi) {
		failf(p, "%s%s%s: %lld is out of range (%lld to %lld)", path, *path ? "." : "", key,
		      x, lo, hi);
		return -1;
	}
	*out = x;
	return 1;
}

/* A number (or null: NaN). */
static int get_num(struct parser *p, const struct lw_jv *obj, const char *path, const char *key,
		   double *out)
{
	const struct lw_jv *v = lw_jv_get(obj, key);
	*out = NAN;
	if (!v || (v)->kind == LW_JV_NULL)
		return 0;
	if (!is_number(v)) {
		failf(p, "%s%s%s: expected a number, got %s", path, *path ? "." : "", key,
		      type_name(v));
		return -1;
	}
	*out = number_of(v);
	if (!isfinite(*out)) {
		failf(p, "%s%s%s: not a finite number", path, *path ? "." : "", key);
		return -1;
	}
	return 1;
}

static int get_bool(struct parser *p, const struct lw_jv *obj, const char *path, const char *key,
		    int *out)
{
	const struct lw_jv *v = lw_jv_get(obj, key);
	*out = 0;
	if (!v || (v)->kind == LW_JV_NULL)
		return 0;
	if (!is_bool(v)) {
		failf(p, "%s.%s: expected true or false, got %s", path, key, type_name(v));
		return -1;
	}
	*out = (v)->kind == LW_JV_TRUE;
	return 1;
}

/* An object field: the object, NULL for null/absent (error if required),
 * or NULL with p->st set. */
static const struct lw_jv *get_obj(struct parser *p, const struct lw_jv *obj, const char *path,
			     const char *key, int required)
{
	const struct lw_jv *v = lw_jv_get(obj, key);
	if (!v || (v)->kind == LW_JV_NULL) {
		if (required)
			failf(p, "%s%s%s: missing (an object is required)", path, *path ? "." : "",
			      key);
		return NULL;
	}
	if (!is_kind(v, LW_JV_OBJECT)) {
		failf(p, "%s%s%s: expected an object, got %s", path, *path ? "." : "", key,
		      type_name(v));
		return NULL;
	}
	return v;
}

static const struct lw_jv *get_arr(struct parser *p, const struct lw_jv *obj, const char *key)
{
	const struct lw_jv *v = lw_jv_get(obj, key);
	if (!v || (v)->kind == LW_JV_NULL)
		return NULL;
	if (!is_kind(v, LW_JV_ARRAY)) {
		failf(p, "%s: expected an array, got %s", key, type_name(v));
		return NULL;
	}
	return v;
}

static void add_frag(struct parser *p, lw_span s, lw_str text)
{
	if (p->has_text || !text.ptr)
		return;
	if (p->nfrag == p->capfrag) {
		size_t cap = p->capfrag ? p->capfrag * 2 : 32;
		struct frag *f = realloc(p->frags, cap * sizeof *f);
		if (!f) {
			oom(p);
			return;
		}
		p->frags = f;
		p->capfrag = cap;
	}
	p->frags[p->nfrag++] = (struct frag){s.start, s.end, text.ptr, text.len};
}

/* {"start", "end"} of obj, checked against the text; with `with_text`
 * its "text" is kept as a fragment of a text-less record. */
static int get_span(struct parser *p, const struct lw_jv *obj, const char *path, int with_text,
		    lw_span *s)
{
	long long a, b;
	if (get_int(p, obj, path, "start", 0, UINT32_MAX - 1, 0, &a) < 0 ||
	    get_int(p, obj, path, "end", 0, UINT32_MAX - 1, 0, &b) < 0)
		return -1;
	if (a > b) {
		failf(p, "%s: start %lld is after end %lld", path, a, b);
		return -1;
	}
	size_t limit = p->has_text ? p->text_len : p->max_doc;
	if ((size_t)b > limit) {
		if (p->has_text)
			failf(p, "%s: span %lld-%lld is out of range (the text has %zu bytes)", path,
			      a, b, limit);
		else
			failf(p, "%s: span %lld-%lld is out of range (beyond the document size "
				 "limit of %zu bytes)",
			      path, a, b, limit);
		return -1;
	}
	s->start = (uint32_t)a;
	s->end = (uint32_t)b;
	if ((uint32_t)b > p->max_end)
		p->max_end = (uint32_t)b;
	if (with_text) {
		lw_str t;
		if (get_str(p, obj, path, "text", 0, &t) < 0)
			return -1;
		add_frag(p, *s, t);
	}
	return 0;
}

/* A span object under `key`: 1 present, 0 null/absent, -1 error. */
static int get_span_obj(struct parser *p, const struct lw_jv *obj, const char *path, const char *key,
			int required, int with_text, lw_span *s)
{
	char sub[160];
	snprintf(sub, sizeof sub, "%s.%s", path, key);
	const struct lw_jv *o = get_obj(p, obj, path, key, required);
	if (!o)
		return p->st == LW_OK ? 0 : -1;
	return get_span(p, o, sub, with_text, s) < 0 ? -1 : 1;
}

static int cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return x < y ? -1 : x > y;
}

/* An "entity" link: an id of the record's entities, or null (-1). */
static int get_link(struct parser *p, const struct lw_jv *obj, const char *path, int32_t *out)
{
	long long v;
	*out = -1;
	int got = get_int(p, obj, path, "entity", 0, INT32_MAX, 1, &v);
	if (got <= 0)
		return got;
	int32_t id = (int32_t)v;
	if (!bsearch(&id, p->ids, p->nids, sizeof *p->ids, cmp_i32)) {
		failf(p, "%s.entity: no entity has id %d", path, id);
		return -1;
	}
	*out = id;
	return 1;
}

static int get_code(struct parser *p, const struct lw_jv *obj, const char *path, lw_actor_code *c)
{
	lw_str s;
	memset(c, 0, sizeof *c);
	int got = get_str(p, obj, path, "code", 0, &s);
	if (got <= 0)
		return got;
	int ok = s.len == 6;
	for (size_t i = 0; ok && i < 6; i++)
		ok = (s.ptr[i] >= 'A' && s.ptr[i] <= 'Z') || s.ptr[i] == '-';
	if (!ok) {
		failf(p, "%s.code: '%.*s' is not an actor code (6 letters, --- for none: "
			 "PAKREB, ---IGO)",
		      path, (int)(s.len > 20 ? 20 : s.len), s.ptr);
		return -1;
	}
	if (memcmp(s.ptr, "---", 3) != 0)
		memcpy(c->country, s.ptr, 3);
	if (memcmp(s.ptr + 3, "---", 3) != 0)
		memcpy(c->sector, s.ptr + 3, 3);
	return 1;
}

static int get_kind(struct parser *p, const struct lw_jv *obj, const char *path, lw_place_kind *k)
{
	static const char *const kinds[] = {"country", "admin1", "admin2", "city", "other"};
	lw_str s;
	*k = LW_PK_NONE;
	int got = get_str(p, obj, path, "kind", 0, &s);
	if (got <= 0)
		return got;
	for (int i = 0; i < 5; i++)
		if (s.len == strlen(kinds[i]) && memcmp(s.ptr, kinds[i], s.len) == 0) {
			*k = (lw_place_kind)(LW_PK_COUNTRY + i);
			return 1;
		}
	failf(p, "%s.kind: '%.*s' is not one of country, admin1, admin2, city, other", path,
	      (int)(s.len > 20 ? 20 : s.len), s.ptr);
	return -1;
}

/* The place fields shared by entities' "place" and events' "location". */
static int get_place(struct parser *p, const struct lw_jv *o, const char *path, lw_place *pl)
{
	lw_str country;
	memset(pl, 0, sizeof *pl);
	if (get_str(p, o, path, "country", 0, &country) < 0 ||
	    get_str(p, o, path, "admin1", 0, &pl->admin1) < 0 ||
	    get_str(p, o, path, "admin2", 0, &pl->admin2) < 0 ||
	    get_num(p, o, path, "lat", &pl->lat) < 0 || get_num(p, o, path, "lon", &pl->lon) < 0 ||
	    get_kind(p, o, path, &pl->kind) < 0)
		return -1;
	if (country.ptr) {
		if (country.len != 3) {
			failf(p, "%s.country: '%.*s' is not an ISO 3166-1 alpha-3 code", path,
			      (int)(country.len > 20 ? 20 : country.len), country.ptr);
			return -1;
		}
		memcpy(pl->country, country.ptr, 3);
	}
	if ((!isnan(pl->lat) && fabs(pl->lat) > 90) || (!isnan(pl->lon) && fabs(pl->lon) > 180)) {
		failf(p, "%s: latitude or longitude out of range", path);
		return -1;
	}
	return 0;
}

static int parse_entities(struct parser *p, const struct lw_jv *root)
{
	const struct lw_jv *arr = get_arr(p, root, "entities");
	if (p->st != LW_OK)
		return -1;
	size_t n = arr ? lw_jv_len(arr) : 0;
	lw_entity *ents = lw_arena_calloc(&p->r->arena, n ? n : 1, sizeof *ents);
	p->ids = malloc((n ? n : 1) * sizeof *p->ids);
	if (!ents || !p->ids)
		return oom(p), -1;
	for (size_t i = 0; i < n; i++) {
		char path[64];
		snprintf(path, sizeof path, "entities[%zu]", i);
		const struct lw_jv *o = lw_jv_at(arr, i);
		lw_entity *e = &ents[i];
		if (!is_kind(o, LW_JV_OBJECT))
			return failf(p, "%s: expected an object, got %s", path, type_name(o)), -1;
		long long id;
		lw_str type;
		if (get_int(p, o, path, "id", 0, INT32_MAX, 0, &id) < 0 ||
		    get_str(p, o, path, "type", 1, &type) < 0 ||
		    get_str(p, o, path, "name", 1, &e->name) < 0)
			return -1;
		e->id = (uint32_t)id;
		p->ids[i] = (int32_t)id;
		if (type.len == 6 && memcmp(type.ptr, "PERSON", 6) == 0)
			e->type = LW_PERSON;
		else if (type.len == 3 && memcmp(type.ptr, "ORG", 3) == 0)
			e->type = LW_ORG;
		else if (type.len == 5 && memcmp(type.ptr, "PLACE", 5) == 0)
			e->type = LW_PLACE;
		else
			return failf(p, "%s.type: '%.*s' is not PERSON, ORG or PLACE", path,
				     (int)(type.len > 20 ? 20 : type.len), type.ptr),
			       -1;
		const struct lw_jv *m = lw_jv_get(o, "mentions");
		if (m && m->kind != LW_JV_ARRAY && m->kind != LW_JV_NULL)
			return failf(p, "%s.mentions: expected an array, got %s", path, type_name(m)),
			       -1;
		size_t nm = m && is_kind(m, LW_JV_ARRAY) ? lw_jv_len(m) : 0;
		lw_span *spans = lw_arena_alloc(&p->r->arena, (nm ? nm : 1) * sizeof *spans);
		if (!spans)
			return oom(p), -1;
		for (size_t k = 0; k < nm; k++) {
			char sub[96];
			snprintf(sub, sizeof sub, "%s.mentions[%zu]", path, k);
			const struct lw_jv *mo = lw_jv_at(m, k);
			if (!is_kind(mo, LW_JV_OBJECT))
				return failf(p, "%s: expected an object, got %s", sub, type_name(mo)), -1;
			if (get_span(p, mo, sub, 0, &spans[k]) < 0)
				return -1;
		}
		e->mentions = spans;
		e->n_mentions = nm;
		char sub[96];
		snprintf(sub, sizeof sub, "%s.actor", path);
		const struct lw_jv *a = get_obj(p, o, path, "actor", 0);
		if (p->st != LW_OK)
			return -1;
		if (a) {
			if (get_code(p, a, sub, &e->actor) < 0)
				return -1;
			e->has_actor = 1;
		}
		snprintf(sub, sizeof sub, "%s.place", path);
		const struct lw_jv *pl = get_obj(p, o, path, "place", 0);
		if (p->st != LW_OK)
			return -1;
		if (pl) {
			if (get_place(p, pl, sub, &e->place) < 0)
				return -1;
			e->has_place = 1;
		}
	}
	qsort(p->ids, n, sizeof *p->ids, cmp_i32);
	for (size_t i = 1; i < n; i++)
		if (p->ids[i] == p->ids[i - 1])
			return failf(p, "entities: id %d is used twice", p->ids[i]), -1;
	p->nids = n;
	p->r->ent = ents;
	p->r->nent = n;
	return 0;
}

static int parse_quotes(struct parser *p, const struct lw_jv *root)
{
	const struct lw_jv *arr = get_arr(p, root, "quotes");
	if (p->st != LW_OK)
		return -1;
	size_t n = arr ? lw_jv_len(arr) : 0;
	lw_quote *qs = lw_arena_calloc(&p->r->arena, n ? n : 1, sizeof *qs);
	if (!qs)
		return oom(p), -1;
	for (size_t i = 0; i < n; i++) {
		char path[64], sub[96];
		snprintf(path, sizeof path, "quotes[%zu]", i);
		const struct lw_jv *o = lw_jv_at(arr, i);
		lw_quote *q = &qs[i];
		if (!is_kind(o, LW_JV_OBJECT))
			return failf(p, "%s: expected an object, got %s", path, type_name(o)), -1;
		if (get_span(p, o, path, 1, &q->span) < 0)
			return -1;
		const struct lw_jv *sp = get_obj(p, o, path, "speaker", 0);
		if (p->st != LW_OK)
			return -1;
		if (sp) {
			snprintf(sub, sizeof sub, "%s.speaker", path);
			q->speaker.present = 1;
			if (get_link(p, sp, sub, &q->speaker.entity) < 0 ||
			    get_str(p, sp, sub, "name", 1, &q->speaker.name) < 0 ||
			    get_span(p, sp, sub, 1, &q->speaker.span) < 0)
				return -1;
			int got = get_span_obj(p, sp, sub, "description", 0, 1,
					       &q->speaker.description.span);
			if (got < 0)
				return -1;
			q->speaker.description.present = got;
		}
		int got = get_span_obj(p, o, path, "cue", 0, 1, &q->cue.span);
		if (got < 0)
			return -1;
		q->cue.present = got;
		double c;
		if (get_num(p, o, path, "confidence", &c) < 0)
			return -1;
		q->confidence = (float)c;
	}
	p->r->quote = qs;
	p->r->nquote = n;
	return 0;
}

static int get_actor(struct parser *p, const struct lw_jv *o, const char *path, const char *key,
		     lw_event_actor *a)
{
	char sub[96];
	snprintf(sub, sizeof sub, "%s.%s", path, key);
	const struct lw_jv *v = get_obj(p, o, path, key, 0);
	memset(a, 0, sizeof *a);
	a->entity = -1;
	if (!v)
		return p->st == LW_OK ? 0 : -1;
	a->present = 1;
	if (get_link(p, v, sub, &a->entity) < 0 || get_str(p, v, sub, "name", 1, &a->name) < 0 ||
	    get_code(p, v, sub, &a->code) < 0 || get_span(p, v, sub, 1, &a->span) < 0)
		return -1;
	return 1;
}

static int get_count(struct parser *p, const struct lw_jv *o, const char *path, const char *key,
		     lw_count *c)
{
	char sub[96];
	snprintf(sub, sizeof sub, "%s.%s", path, key);
	const struct lw_jv *v = get_obj(p, o, path, key, 0);
	memset(c, 0, sizeof *c);
	if (!v)
		return p->st == LW_OK ? 0 : -1;
	long long x;
	c->present = 1;
	if (get_int(p, v, sub, "value", 0, INT64_MAX, 0, &x) < 0 ||
	    get_bool(p, v, sub, "approx", &c->approx) < 0 || get_span(p, v, sub, 1, &c->span) < 0)
		return -1;
	c->value = x;
	return 1;
}

/* A PLOVER type or a mode, cameo code, ACLED type: interned in the
 * arena (lw_event holds C strings). */
static const char *cstr(struct parser *p, lw_str s)
{
	if (!s.ptr)
		return NULL;
	char *c = lw_arena_strndup(&p->r->arena, s.ptr, s.len);
	if (!c)
		oom(p);
	return c;
}

static int get_event_date(struct parser *p, const struct lw_jv *o, const char *path,
			  lw_event_date *d)
{
	char sub[96];
	snprintf(sub, sizeof sub, "%s.date", path);
	const struct lw_jv *v = get_obj(p, o, path, "date", 0);
	memset(d, 0, sizeof *d);
	if (!v)
		return p->st == LW_OK ? 0 : -1;
	lw_str value, prec;
	if (get_str(p, v, sub, "value", 1, &value) < 0 ||
	    get_str(p, v, sub, "precision", 0, &prec) < 0)
		return -1;
	/* a date taken from the document date has no words: null start and end */
	const struct lw_jv *a = lw_jv_get(v, "start"), *b = lw_jv_get(v, "end");
	if ((!a || (a)->kind == LW_JV_NULL) && (!b || (b)->kind == LW_JV_NULL))
		d->span.start = d->span.end = 0;
	else if (get_span(p, v, sub, 0, &d->span) < 0)
		return -1;
	if (!lw_date_parse_any(value.ptr, value.len, &d->date))
		return failf(p, "%s.value: '%.*s' is not an ISO 8601 date (2023-07-14, 2023-W28, "
				"2023-07, 2023-summer, 2023)",
			     sub, (int)(value.len > 30 ? 30 : value.len), value.ptr),
		       -1;
	const char *want = lw_precision_name((lw_precision)d->date.precision);
	if (prec.ptr && (prec.len != strlen(want) || memcmp(prec.ptr, want, prec.len) != 0))
		return failf(p, "%s.precision: '%.*s' does not match the value '%.*s' (%s)", sub,
			     (int)(prec.len > 20 ? 20 : prec.len), prec.ptr,
			     (int)(value.len > 30 ? 30 : value.len), value.ptr, want),
		       -1;
	d->present = 1;
	return 1;
}

static int parse_event(struct parser *p, const struct lw_jv *o, const char *path, lw_event *e)
{
	lw_str type, mode, cameo;
	if (get_str(p, o, path, "type", 1, &type) < 0)
		return -1;
	e->type = NULL;
	for (size_t k = 0; k < sizeof plover / sizeof *plover; k++)
		if (type.len == strlen(plover[k]) && memcmp(type.ptr, plover[k], type.len) == 0)
			e->type = plover[k];
	if (!e->type)
		return failf(p, "%s.type: '%.*s' is not one of the 16 PLOVER types", path,
			     (int)(type.len > 20 ? 20 : type.len), type.ptr),
		       -1;
	if (get_str(p, o, path, "mode", 0, &mode) < 0 || get_str(p, o, path, "cameo", 0, &cameo) < 0)
		return -1;
	e->mode = cstr(p, mode);
	e->cameo = cstr(p, cameo);
	if (get_actor(p, o, path, "source", &e->source) < 0 ||
	    get_actor(p, o, path, "target", &e->target) < 0)
		return -1;
	char sub[96];
	snprintf(sub, sizeof sub, "%s.location", path);
	const struct lw_jv *loc = get_obj(p, o, path, "location", 0);
	e->location.entity = -1;
	if (p->st != LW_OK)
		return -1;
	if (loc) {
		e->location.present = 1;
		if (get_link(p, loc, sub, &e->location.entity) < 0 ||
		    get_str(p, loc, sub, "name", 1, &e->location.name) < 0 ||
		    get_place(p, loc, sub, &e->location.place) < 0 ||
		    get_span(p, loc, sub, 0, &e->location.span) < 0)
			return -1;
	}
	if (get_event_date(p, o, path, &e->date) < 0 || get_count(p, o, path, "dead", &e->dead) < 0 ||
	    get_count(p, o, path, "injured", &e->injured) < 0 ||
	    get_count(p, o, path, "arrested", &e->arrested) < 0 ||
	    get_span_obj(p, o, path, "trigger", 1, 1, &e->trigger) < 0 ||
	    get_span_obj(p, o, path, "sentence", 1, 0, &e->sentence) < 0)
		return -1;
	snprintf(sub, sizeof sub, "%s.acled", path);
	const struct lw_jv *ac = get_obj(p, o, path, "acled", 0);
	if (p->st != LW_OK)
		return -1;
	if (ac) {
		lw_str et, st;
		if (get_str(p, ac, sub, "event_type", 1, &et) < 0 ||
		    get_str(p, ac, sub, "sub_event_type", 0, &st) < 0)
			return -1;
		e->acled_type = cstr(p, et);
		e->acled_subtype = cstr(p, st);
	}
	double c;
	if (get_bool(p, o, path, "negated", &e->negated) < 0 ||
	    get_bool(p, o, path, "speculative", &e->speculative) < 0 ||
	    get_bool(p, o, path, "background", &e->background) < 0 ||
	    get_num(p, o, path, "confidence", &c) < 0)
		return -1;
	e->confidence = (float)c;
	return p->st == LW_OK ? 0 : -1;
}

static int parse_events(struct parser *p, const struct lw_jv *root)
{
	const struct lw_jv *arr = get_arr(p, root, "events");
	if (p->st != LW_OK)
		return -1;
	size_t n = arr ? lw_jv_len(arr) : 0;
	lw_event *evs = lw_arena_calloc(&p->r->arena, n ? n : 1, sizeof *evs);
	if (!evs)
		return oom(p), -1;
	for (size_t i = 0; i < n; i++) {
		char path[64];
		snprintf(path, sizeof path, "events[%zu]", i);
		const struct lw_jv *o = lw_jv_at(arr, i);
		if (!is_kind(o, LW_JV_OBJECT))
			return failf(p, "%s: expected an object, got %s", path, type_name(o)), -1;
		if (parse_event(p, o, path, &evs[i]) < 0)
			return -1;
	}
	p->r->ev = evs;
	p->r->nev = n;
	return 0;
}

static int parse_dateline(struct parser *p, const struct lw_jv *root)
{
	const struct lw_jv *dl = get_obj(p, root, "", "dateline", 0);
	lw_dateline *d = &p->r->dateline;
	memset(d, 0, sizeof *d);
	if (!dl)
		return p->st == LW_OK ? 0 : -1;
	lw_str date;
	if (get_span(p, dl, "dateline", 1, &d->span) < 0 ||
	    get_span_obj(p, dl, "dateline", "place", 1, 1, &d->place) < 0 ||
	    get_str(p, dl, "dateline", "date", 0, &date) < 0)
		return -1;
	if (date.ptr) {
		if (date.len >= sizeof p->r->dateline_date ||
		    !lw_date_parse_any(date.ptr, date.len, &d->date))
			return failf(p, "dateline.date: '%.*s' is not an ISO 8601 date",
				     (int)(date.len > 30 ? 30 : date.len), date.ptr),
			       -1;
		memcpy(p->r->dateline_date, date.ptr, date.len);
		p->r->dateline_date[date.len] = 0;
	}
	d->found = 1;
	return 0;
}

static int cmp_frag(const void *a, const void *b)
{
	const struct frag *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* The text of a record without one: its fragments at their offsets,
 * spaces between. A fragment whose length is not its span's (the writer
 * replaced bytes that were not UTF-8), or that contradicts one placed
 * before it, is left out with a warning. */
static int rebuild_text(struct parser *p)
{
	size_t len = p->max_end;
	char *text = lw_arena_alloc(&p->r->arena, len + 1);
	unsigned char *set = calloc(len + 1, 1);
	if (!text || !set) {
		free(set);
		return oom(p), -1;
	}
	memset(text, ' ', len);
	text[len] = 0;
	if (p->nfrag)
		qsort(p->frags, p->nfrag, sizeof *p->frags, cmp_frag);
	for (size_t i = 0; i < p->nfrag; i++) {
		const struct frag *f = &p->frags[i];
		char msg[200];
		if (f->len != f->end - f->start) {
			snprintf(msg, sizeof msg,
				 "the text at %u-%u has %zu bytes, not %u: not kept (the export "
				 "will show spaces there)",
				 f->start, f->end, f->len, f->end - f->start);
			if (p->warn)
				p->warn(p->warn_ctx, msg);
			continue;
		}
		size_t k = 0;
		while (k < f->len && (!set[f->start + k] || text[f->start + k] == f->text[k]))
			k++;
		if (k < f->len) {
			snprintf(msg, sizeof msg,
				 "the text at %u-%u contradicts another text of the record at byte "
				 "%zu: not kept",
				 f->start, f->end, f->start + k);
			if (p->warn)
				p->warn(p->warn_ctx, msg);
			continue;
		}
		memcpy(text + f->start, f->text, f->len);
		memset(set + f->start, 1, f->len);
	}
	free(set);
	p->r->text.ptr = text;
	p->r->text.len = len;
	p->r->text_complete = 0;
	return 0;
}

static void hash_line(struct lw_store_rec *r, const char *json, size_t len)
{
	struct lw_hash c;
	while (len > 0 && (json[len - 1] == ' ' || json[len - 1] == '\t' || json[len - 1] == '\r' ||
			   json[len - 1] == '\n'))
		len--;
	lw_hash_init(&c);
	lw_hash_update(&c, "lapwing-coded-1", 15);
	lw_hash_update(&c, json, len);
	lw_hash_final(&c, r->hash);
}

static int parse_doc(struct parser *p, const struct lw_jv *root)
{
	struct lw_store_rec *r = p->r;
	long long version;
	lw_str date, text;
	if (get_int(p, root, "", "lapwing", 0, INT32_MAX, 0, &version) < 0)
		return -1;
	if (version != LW_CONTRACT_VERSION)
		return failf(p, "lapwing: output contract version %lld; this lapwing reads version %d",
			     version, LW_CONTRACT_VERSION),
		       -1;
	if (get_str(p, root, "", "id", 1, &r->id) < 0 || get_str(p, root, "", "date", 0, &date) < 0 ||
	    get_str(p, root, "", "title", 0, &r->title) < 0 ||
	    get_str(p, root, "", "source", 0, &r->source) < 0 ||
	    get_str(p, root, "", "url", 0, &r->url) < 0 || get_str(p, root, "", "text", 0, &text) < 0)
		return -1;
	if (r->id.len == 0)
		return failf(p, "id: empty"), -1;
	if (date.ptr) {
		lw_date d;
		if (date.len >= sizeof r->date || !lw_date_parse_any(date.ptr, date.len, &d))
			return failf(p, "date: '%.*s' is not an ISO 8601 date",
				     (int)(date.len > 30 ? 30 : date.len), date.ptr),
			       -1;
		memcpy(r->date, date.ptr, date.len);
		r->date[date.len] = 0;
	}
	if (text.ptr) {
		if (text.len > p->max_doc)
			return failf(p, "text: %zu bytes exceed the document size limit of %zu bytes",
				     text.len, p->max_doc),
			       -1;
		p->has_text = 1;
		p->text_len = text.len;
		r->text = text;
		r->text_complete = 1;
	}
	if (parse_dateline(p, root) < 0 || parse_entities(p, root) < 0 ||
	    parse_quotes(p, root) < 0 || parse_events(p, root) < 0)
		return -1;
	if (!p->has_text && rebuild_text(p) < 0)
		return -1;
	return 0;
}

lw_status lw_rec_from_json(struct lw_store_rec *r, const char *json, size_t len,
			   size_t max_doc_bytes, lw_rec_warn_fn warn, void *ctx, lw_error *err)
{
	struct parser p;
	memset(r, 0, sizeof *r);
	lw_arena_init(&r->arena);
	memset(&p, 0, sizeof p);
	p.r = r;
	p.err = err;
	p.max_doc = max_doc_bytes ? max_doc_bytes : LW_DEFAULT_MAX_DOC_BYTES;
	if (p.max_doc > UINT32_MAX - 1)
		p.max_doc = UINT32_MAX - 1;
	p.warn = warn;
	p.warn_ctx = ctx;
	if (err) {
		memset(err, 0, sizeof *err);
		err->offset = -1;
	}
	char msg[128];
	size_t at;
	const struct lw_jv *root = lw_jv_parse(&r->arena, json, len, msg, sizeof msg, &at);
	if (!root) {
		lw_rec_release(r);
		if (err) {
			err->status = LW_EJSON;
			err->offset = (long)at;
			snprintf(err->message, sizeof err->message, "invalid JSON: %s", msg);
		}
		return LW_EJSON;
	}
	if (!is_kind(root, LW_JV_OBJECT))
		failf(&p, "not a JSON object");
	else
		parse_doc(&p, root);
	free(p.frags);
	free(p.ids);
	if (p.st != LW_OK) {
		lw_rec_release(r);
		return p.st;
	}
	hash_line(r, json, len);
	return LW_OK;
}
