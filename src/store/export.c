/*
 * export.c: the store back out. JSON Lines gives each document's contract
 * object exactly as `lapwing code` writes it (src/io/write_json.c: same
 * keys, order and number formats), so that ingesting and exporting gives
 * back what went in; CSV gives one row per event; ACLED gives ACLED's
 * columns for the events ACLED would count.
 *
 * Documents and events are read in document order by one scan each (the
 * events' primary key starts with the document), merged as they come: no
 * query per document.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/jsonw.h"
#include "../lex/kb.h"
#include "../text/utf8.h"
#include "json.h"
#include "store.h"

/* Flush the output buffer when it holds this much. */
#define EXPORT_FLUSH_BYTES (1 << 20)

struct out {
	lw_write_fn write;
	void *ctx;
	struct lw_buf b;
	int failed;
};

static void flush(struct out *o, int force)
{
	if (o->b.len == 0 || (!force && o->b.len < EXPORT_FLUSH_BYTES))
		return;
	if (!o->failed && (o->b.failed || o->write(o->ctx, o->b.ptr, o->b.len) != 0))
		o->failed = 1;
	o->b.len = 0;
}

/* ---- column readers ---- */

static int is_null(sqlite3_stmt *st, int c)
{
	return sqlite3_column_type(st, c) == SQLITE_NULL;
}

static lw_str col_str(sqlite3_stmt *st, int c)
{
	lw_str s = {NULL, 0};
	if (!is_null(st, c)) {
		s.ptr = (const char *)sqlite3_column_text(st, c);
		s.len = (size_t)sqlite3_column_bytes(st, c);
	}
	return s;
}

static double col_real(sqlite3_stmt *st, int c)
{
	return is_null(st, c) ? NAN : sqlite3_column_double(st, c);
}

/* ---- JSON pieces, as write_json.c writes them ---- */

struct doc_text {
	const char *p;
	size_t n;
};

static void jstr(struct lw_jsonw *w, lw_str s)
{
	if (s.ptr)
		lw_jsonw_str(w, s.ptr, s.len);
	else
		lw_jsonw_null(w);
}

static void span_fields(struct lw_jsonw *w, int64_t a, int64_t b)
{
	lw_jsonw_key(w, "start");
	lw_jsonw_int(w, a);
	lw_jsonw_key(w, "end");
	lw_jsonw_int(w, b);
}

static void text_of(struct lw_jsonw *w, const struct doc_text *t, int64_t a, int64_t b)
{
	if (a >= 0 && a <= b && (uint64_t)b <= t->n)
		lw_jsonw_str(w, t->p + a, (size_t)(b - a));
	else
		lw_jsonw_null(w);
}

/* {"start", "end", "text"} from columns c, c+1; null when absent. */
static void span_text(struct lw_jsonw *w, sqlite3_stmt *st, int c, const struct doc_text *t)
{
	if (is_null(st, c)) {
		lw_jsonw_null(w);
		return;
	}
	int64_t a = sqlite3_column_int64(st, c), b = sqlite3_column_int64(st, c + 1);
	lw_jsonw_obj(w);
	span_fields(w, a, b);
	lw_jsonw_key(w, "text");
	text_of(w, t, a, b);
	lw_jsonw_end_obj(w);
}

static void entity_link(struct lw_jsonw *w, sqlite3_stmt *st, int c)
{
	lw_jsonw_key(w, "entity");
	if (is_null(st, c))
		lw_jsonw_null(w);
	else
		lw_jsonw_int(w, sqlite3_column_int64(st, c));
}

/* "code", "country", "sector" from a stored code ("PAKREB", "---IGO"). */
static void code_fields(struct lw_jsonw *w, lw_str code)
{
	lw_jsonw_key(w, "code");
	lw_jsonw_str(w, code.ptr, code.len);
	int ok = code.len == 6;
	lw_jsonw_key(w, "country");
	if (ok && memcmp(code.ptr, "---", 3) != 0)
		lw_jsonw_str(w, code.ptr, 3);
	else
		lw_jsonw_null(w);
	lw_jsonw_key(w, "sector");
	if (ok && memcmp(code.ptr + 3, "---", 3) != 0)
		lw_jsonw_str(w, code.ptr + 3, 3);
	else
		lw_jsonw_null(w);
}

/* country, admin1, admin2, lat, lon, kind from columns c.. (kind at c). */
static void place_fields(struct lw_jsonw *w, sqlite3_stmt *st, int kind, int country)
{
	lw_jsonw_key(w, "country");
	jstr(w, col_str(st, country));
	lw_jsonw_key(w, "admin1");
	jstr(w, col_str(st, country + 1));
	lw_jsonw_key(w, "admin2");
	jstr(w, col_str(st, country + 2));
	lw_jsonw_key(w, "lat");
	lw_jsonw_num(w, col_real(st, country + 3), 4);
	lw_jsonw_key(w, "lon");
	lw_jsonw_num(w, col_real(st, country + 4), 4);
	lw_jsonw_key(w, "kind");
	jstr(w, col_str(st, kind));
}

/* ---- the JSON Lines export ---- */

enum { D_ID, D_DOCID, D_DATE, D_TITLE, D_SOURCE, D_URL, D_DL, D_DLPLACE = D_DL + 2,
       D_DLDATE = D_DL + 4, D_ENTITIES, D_QUOTES, D_COMPLETE, D_TEXT };
static const char doc_sql[] =
	"SELECT id, doc_id, date, title, source, url, dateline_start, dateline_end, "
	"dateline_place_start, dateline_place_end, dateline_date, lw_unpack(entities), "
	"lw_unpack(quotes), text_complete, text FROM documents ORDER BY id";

enum { V_DOC, V_TYPE, V_MODE, V_SOURCE, V_TARGET = V_SOURCE + 5, V_LOC = V_TARGET + 5,
       V_DATE = V_LOC + 10, V_DEAD = V_DATE + 4, V_INJ = V_DEAD + 4, V_ARR = V_INJ + 4,
       V_TRIGGER = V_ARR + 4, V_SENT = V_TRIGGER + 2, V_CAMEO = V_SENT + 2, V_ACLED,
       V_NEG = V_ACLED + 2, V_SPEC, V_BACK, V_CONF };
static const char event_sql[] =
	"SELECT doc, type, mode, "
	"source_entity, source_name, source_code, source_start, source_end, "
	"target_entity, target_name, target_code, target_start, target_end, "
	"location_entity, location_name, location_kind, country, admin1, admin2, lat, lon, "
	"location_start, location_end, date, date_precision, date_start, date_end, "
	"dead, dead_approx, dead_start, dead_end, injured, injured_approx, injured_start, "
	"injured_end, arrested, arrested_approx, arrested_start, arrested_end, "
	"trigger_start, trigger_end, sentence_start, sentence_end, cameo, acled_event_type, "
	"acled_sub_event_type, negated, speculative, background, confidence "
	"FROM events ORDER BY id";

/* A cursor over one table, merged with the documents scan. */
struct cursor {
	sqlite3_stmt *st;
	int rc; /* SQLITE_ROW while on a row */
};

static int on_doc(struct cursor *c, int64_t doc)
{
	while (c->rc == SQLITE_ROW && sqlite3_column_int64(c->st, 0) < doc)
		c->rc = sqlite3_step(c->st); /* rows of no document: skip */
	return c->rc == SQLITE_ROW && sqlite3_column_int64(c->st, 0) == doc;
}

/* ---- entities and quotes, from their stored arrays (record.c) ---- */

static int is(const struct lw_jv *v, enum lw_jv_kind k)
{
	return v && v->kind == k;
}

static void jv(struct lw_jsonw *w, const struct lw_jv *v)
{
	if (is(v, LW_JV_STRING))
		lw_jsonw_str(w, v->u.s, v->n);
	else if (is(v, LW_JV_INT))
		lw_jsonw_int(w, v->u.i);
	else
		lw_jsonw_null(w);
}

static void jnum(struct lw_jsonw *w, const struct lw_jv *v, int decimals)
{
	double d = is(v, LW_JV_INT) ? (double)v->u.i : is(v, LW_JV_REAL) ? v->u.d : NAN;
	lw_jsonw_num(w, d, decimals);
}

static int64_t jint(const struct lw_jv *v)
{
	return is(v, LW_JV_INT) ? v->u.i : 0;
}

/* {"start", "end", "text"} from elements i, i+1 of a; null when absent. */
static void jspan_text(struct lw_jsonw *w, const struct lw_jv *a, size_t i,
		       const struct doc_text *t)
{
	if (!is(lw_jv_at(a, i), LW_JV_INT)) {
		lw_jsonw_null(w);
		return;
	}
	int64_t x = jint(lw_jv_at(a, i)), y = jint(lw_jv_at(a, i + 1));
	lw_jsonw_obj(w);
	span_fields(w, x, y);
	lw_jsonw_key(w, "text");
	text_of(w, t, x, y);
	lw_jsonw_end_obj(w);
}

static void entities(struct lw_jsonw *w, const struct lw_jv *all)
{
	lw_jsonw_key(w, "entities");
	lw_jsonw_arr(w);
	for (size_t i = 0; i < lw_jv_len(all); i++) {
		const struct lw_jv *e = lw_jv_at(all, i), *m = lw_jv_at(e, 3);
		lw_jsonw_obj(w);
		lw_jsonw_key(w, "id");
		jv(w, lw_jv_at(e, 0));
		lw_jsonw_key(w, "type");
		jv(w, lw_jv_at(e, 1));
		lw_jsonw_key(w, "name");
		jv(w, lw_jv_at(e, 2));
		lw_jsonw_key(w, "mentions");
		lw_jsonw_arr(w);
		for (size_t k = 0; k < lw_jv_len(m); k++) {
			const struct lw_jv *sp = lw_jv_at(m, k);
			lw_jsonw_obj(w);
			span_fields(w, jint(lw_jv_at(sp, 0)), jint(lw_jv_at(sp, 1)));
			lw_jsonw_end_obj(w);
		}
		lw_jsonw_end_arr(w);
		lw_jsonw_key(w, "actor");
		const struct lw_jv *code = lw_jv_at(e, 4);
		if (is(code, LW_JV_STRING)) {
			lw_jsonw_obj(w);
			code_fields(w, (lw_str){code->u.s, code->n});
			lw_jsonw_end_obj(w);
		} else {
			lw_jsonw_null(w);
		}
		lw_jsonw_key(w, "place");
		if (lw_jv_len(e) > 5) {
			lw_jsonw_obj(w);
			lw_jsonw_key(w, "country");
			jv(w, lw_jv_at(e, 6));
			lw_jsonw_key(w, "admin1");
			jv(w, lw_jv_at(e, 7));
			lw_jsonw_key(w, "admin2");
			jv(w, lw_jv_at(e, 8));
			lw_jsonw_key(w, "lat");
			jnum(w, lw_jv_at(e, 9), 4);
			lw_jsonw_key(w, "lon");
			jnum(w, lw_jv_at(e, 10), 4);
			lw_jsonw_key(w, "kind");
			jv(w, lw_jv_at(e, 5));
			lw_jsonw_end_obj(w);
		} else {
			lw_jsonw_null(w);
		}
		lw_jsonw_end_obj(w);
	}
	lw_jsonw_end_arr(w);
}

static void quotes(struct lw_jsonw *w, const struct lw_jv *all, const struct doc_text *t)
{
	lw_jsonw_key(w, "quotes");
	lw_jsonw_arr(w);
	for (size_t i = 0; i < lw_jv_len(all); i++) {
		const struct lw_jv *q = lw_jv_at(all, i);
		int64_t a = jint(lw_jv_at(q, 0)), b = jint(lw_jv_at(q, 1));
		lw_jsonw_obj(w);
		span_fields(w, a, b);
		lw_jsonw_key(w, "text");
		text_of(w, t, a, b);
		lw_jsonw_key(w, "speaker");
		if (!is(lw_jv_at(q, 4), LW_JV_INT)) {
			lw_jsonw_null(w);
		} else {
			int64_t sa = jint(lw_jv_at(q, 4)), sb = jint(lw_jv_at(q, 5));
			lw_jsonw_obj(w);
			lw_jsonw_key(w, "entity");
			jv(w, lw_jv_at(q, 2));
			lw_jsonw_key(w, "name");
			const struct lw_jv *name = lw_jv_at(q, 3);
			lw_jsonw_str(w, is(name, LW_JV_STRING) ? name->u.s : "",
				     is(name, LW_JV_STRING) ? name->n : 0);
			span_fields(w, sa, sb);
			lw_jsonw_key(w, "text");
			text_of(w, t, sa, sb);
			lw_jsonw_key(w, "description");
			jspan_text(w, q, 6, t);
			lw_jsonw_end_obj(w);
		}
		lw_jsonw_key(w, "cue");
		jspan_text(w, q, 8, t);
		lw_jsonw_key(w, "confidence");
		jnum(w, lw_jv_at(q, 10), 2);
		lw_jsonw_end_obj(w);
	}
	lw_jsonw_end_arr(w);
}

static void event_actor(struct lw_jsonw *w, const char *key, sqlite3_stmt *st, int c,
			const struct doc_text *t)
{
	lw_jsonw_keyn(w, key, strlen(key));
	if (is_null(st, c + 3)) {
		lw_jsonw_null(w);
		return;
	}
	int64_t a = sqlite3_column_int64(st, c + 3), b = sqlite3_column_int64(st, c + 4);
	lw_jsonw_obj(w);
	entity_link(w, st, c);
	lw_jsonw_key(w, "name");
	lw_str name = col_str(st, c + 1);
	/* the store counts a named actor under its entity's canonical name;
	 * `code` wrote the words instead where they hold none of its words
	 * ("TTP militants"), as the contract grounds names (events.c) */
	if (!is_null(st, c) && name.ptr && a >= 0 && a <= b && (uint64_t)b <= t->n &&
	    !lw_shares_word(name.ptr, name.len, t->p + a, (size_t)(b - a)))
		name = (lw_str){t->p + a, (size_t)(b - a)};
	lw_jsonw_str(w, name.ptr ? name.ptr : "", name.len);
	lw_str code = col_str(st, c + 2);
	code_fields(w, code.ptr ? code : (lw_str){"------", 6});
	span_fields(w, a, b);
	lw_jsonw_key(w, "text");
	text_of(w, t, a, b);
	lw_jsonw_end_obj(w);
}

static void count(struct lw_jsonw *w, const char *key, sqlite3_stmt *st, int c,
		  const struct doc_text *t)
{
	lw_jsonw_keyn(w, key, strlen(key));
	if (is_null(st, c)) {
		lw_jsonw_null(w);
		return;
	}
	int64_t a = sqlite3_column_int64(st, c + 2), b = sqlite3_column_int64(st, c + 3);
	lw_jsonw_obj(w);
	lw_jsonw_key(w, "value");
	lw_jsonw_int(w, sqlite3_column_int64(st, c));
	lw_jsonw_key(w, "approx");
	lw_jsonw_bool(w, sqlite3_column_int(st, c + 1));
	span_fields(w, a, b);
	lw_jsonw_key(w, "text");
	text_of(w, t, a, b);
	lw_jsonw_end_obj(w);
}

static void event(struct lw_jsonw *w, sqlite3_stmt *st, const struct doc_text *t)
{
	lw_jsonw_obj(w);
	lw_jsonw_key(w, "type");
	jstr(w, col_str(st, V_TYPE));
	lw_jsonw_key(w, "mode");
	jstr(w, col_str(st, V_MODE));
	event_actor(w, "source", st, V_SOURCE, t);
	event_actor(w, "target", st, V_TARGET, t);
	lw_jsonw_key(w, "location");
	if (is_null(st, V_LOC + 8)) {
		lw_jsonw_null(w);
	} else {
		lw_jsonw_obj(w);
		entity_link(w, st, V_LOC);
		lw_jsonw_key(w, "name");
		lw_str name = col_str(st, V_LOC + 1);
		lw_jsonw_str(w, name.ptr ? name.ptr : "", name.len);
		place_fields(w, st, V_LOC + 2, V_LOC + 3);
		span_fields(w, sqlite3_column_int64(st, V_LOC + 8), sqlite3_column_int64(st, V_LOC + 9));
		lw_jsonw_end_obj(w);
	}
	lw_jsonw_key(w, "date");
	if (is_null(st, V_DATE)) {
		lw_jsonw_null(w);
	} else {
		lw_jsonw_obj(w);
		lw_jsonw_key(w, "value");
		jstr(w, col_str(st, V_DATE));
		lw_jsonw_key(w, "precision");
		jstr(w, col_str(st, V_DATE + 1));
		if (is_null(st, V_DATE + 2)) { /* the document date: no words say it */
			lw_jsonw_key(w, "start");
			lw_jsonw_null(w);
			lw_jsonw_key(w, "end");
			lw_jsonw_null(w);
		} else {
			span_fields(w, sqlite3_column_int64(st, V_DATE + 2),
				    sqlite3_column_int64(st, V_DATE + 3));
		}
		lw_jsonw_end_obj(w);
	}
	count(w, "dead", st, V_DEAD, t);
	count(w, "injured", st, V_INJ, t);
	count(w, "arrested", st, V_ARR, t);
	lw_jsonw_key(w, "trigger");
	span_text(w, st, V_TRIGGER, t);
	lw_jsonw_key(w, "sentence");
	lw_jsonw_obj(w);
	span_fields(w, sqlite3_column_int64(st, V_SENT), sqlite3_column_int64(st, V_SENT + 1));
	lw_jsonw_end_obj(w);
	lw_jsonw_key(w, "cameo");
	jstr(w, col_str(st, V_CAMEO));
	lw_jsonw_key(w, "acled");
	if (is_null(st, V_ACLED)) {
		lw_jsonw_null(w);
	} else {
		lw_jsonw_obj(w);
		lw_jsonw_key(w, "event_type");
		jstr(w, col_str(st, V_ACLED));
		lw_jsonw_key(w, "sub_event_type");
		jstr(w, col_str(st, V_ACLED + 1));
		lw_jsonw_end_obj(w);
	}
	lw_jsonw_key(w, "negated");
	lw_jsonw_bool(w, sqlite3_column_int(st, V_NEG));
	lw_jsonw_key(w, "speculative");
	lw_jsonw_bool(w, sqlite3_column_int(st, V_SPEC));
	lw_jsonw_key(w, "background");
	lw_jsonw_bool(w, sqlite3_column_int(st, V_BACK));
	lw_jsonw_key(w, "confidence");
	lw_jsonw_num(w, col_real(st, V_CONF), 2);
	lw_jsonw_end_obj(w);
}

static void dateline(struct lw_jsonw *w, sqlite3_stmt *d, const struct doc_text *t)
{
	lw_jsonw_key(w, "dateline");
	if (is_null(d, D_DL)) {
		lw_jsonw_null(w);
		return;
	}
	int64_t a = sqlite3_column_int64(d, D_DL), b = sqlite3_column_int64(d, D_DL + 1);
	lw_jsonw_obj(w);
	span_fields(w, a, b);
	lw_jsonw_key(w, "text");
	text_of(w, t, a, b);
	lw_jsonw_key(w, "place");
	span_text(w, d, D_DLPLACE, t);
	lw_jsonw_key(w, "date");
	jstr(w, col_str(d, D_DLDATE));
	lw_jsonw_end_obj(w);
}

/* A stored JSON column (entities, quotes) as a tree; NULL if damaged. */
static const struct lw_jv *stored(sqlite3_stmt *d, int col, struct lw_arena *arena)
{
	char msg[64];
	size_t at;
	const char *p = (const char *)sqlite3_column_text(d, col);
	return p ? lw_jv_parse(arena, p, (size_t)sqlite3_column_bytes(d, col), msg, sizeof msg, &at)
		 : NULL;
}

static void document(struct lw_jsonw *w, sqlite3_stmt *d, struct cursor *c, unsigned flags,
		     struct lw_arena *arena)
{
	int64_t id = sqlite3_column_int64(d, D_ID);
	struct doc_text t = {(const char *)sqlite3_column_text(d, D_TEXT),
			     (size_t)sqlite3_column_bytes(d, D_TEXT)};
	if (!t.p)
		t.p = "";
	lw_jsonw_obj(w);
	lw_jsonw_key(w, "lapwing");
	lw_jsonw_int(w, LW_CONTRACT_VERSION);
	lw_jsonw_key(w, "id");
	jstr(w, col_str(d, D_DOCID));
	lw_jsonw_key(w, "date");
	jstr(w, col_str(d, D_DATE));
	lw_jsonw_key(w, "title");
	jstr(w, col_str(d, D_TITLE));
	lw_jsonw_key(w, "source");
	jstr(w, col_str(d, D_SOURCE));
	lw_jsonw_key(w, "url");
	jstr(w, col_str(d, D_URL));
	if ((flags & LW_EXPORT_TEXT) && sqlite3_column_int(d, D_COMPLETE)) {
		lw_jsonw_key(w, "text");
		lw_jsonw_str(w, t.p, t.n);
	}
	dateline(w, d, &t);
	entities(w, stored(d, D_ENTITIES, arena));
	quotes(w, stored(d, D_QUOTES, arena), &t);
	lw_jsonw_key(w, "events");
	lw_jsonw_arr(w);
	for (; on_doc(c, id); c->rc = sqlite3_step(c->st))
		event(w, c->st, &t);
	lw_jsonw_end_arr(w);
	lw_jsonw_end_obj(w);
}

static lw_status export_jsonl(struct lw_store *s, unsigned flags, struct out *o, lw_error *err)
{
	const char *sqls[2] = {doc_sql, event_sql};
	sqlite3_stmt *st[2] = {NULL, NULL};
	struct cursor c[1];
	lw_status status = LW_OK;
	for (int i = 0; i < 2; i++)
		if (sqlite3_prepare_v2(s->db, sqls[i], -1, &st[i], NULL) != SQLITE_OK) {
			status = lw_store_dbfail(s, err, "cannot export");
			goto done;
		}
	c[0].st = st[1];
	c[0].rc = sqlite3_step(c[0].st);
	int rc;
	struct lw_arena arena;
	lw_arena_init(&arena);
	while ((rc = sqlite3_step(st[0])) == SQLITE_ROW) {
		struct lw_jsonw w;
		lw_jsonw_init(&w, &o->b, 0);
		document(&w, st[0], c, flags, &arena);
		lw_arena_clear(&arena);
		lw_buf_addc(&o->b, '\n');
		flush(o, 0);
		if (o->failed)
			break;
	}
	lw_arena_release(&arena);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		status = lw_store_dbfail(s, err, "cannot export");
	if (status == LW_OK && c[0].rc != SQLITE_ROW && c[0].rc != SQLITE_DONE)
		status = lw_store_dbfail(s, err, "cannot export");
done:
	for (int i = 0; i < 2; i++)
		sqlite3_finalize(st[i]);
	return status;
}

/* ---- CSV and ACLED ---- */

static const char *const csv_columns[] = {
	"doc_id", "doc_date", "doc_source", "event", "type", "mode", "source_name", "source_code",
	"target_name", "target_code", "location", "location_kind", "country", "admin1", "admin2",
	"latitude", "longitude", "date", "date_precision", "day", "dead", "dead_approx",
	"injured", "injured_approx", "arrested", "arrested_approx", "trigger", "sentence",
	"sentence_start", "sentence_end", "cameo", "acled_event_type", "acled_sub_event_type",
	"negated", "speculative", "background", "confidence", NULL};

static const char *const acled_columns[] = {
	"event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
	"actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "country",
	"admin1", "admin2", "location", "latitude", "longitude", "source", "notes", "fatalities",
	NULL};

enum { C_DOC, C_ORD, C_TYPE, C_MODE, C_SNAME, C_SCODE, C_TNAME, C_TCODE, C_LOC, C_LKIND,
       C_COUNTRY, C_ADMIN1, C_ADMIN2, C_LAT, C_LON, C_DATE, C_PREC, C_DAY, C_DEAD, C_DEADA,
       C_INJ, C_INJA, C_ARR, C_ARRA, C_TRIG, C_SENT = C_TRIG + 2, C_CAMEO = C_SENT + 2,
       C_AET, C_AST, C_NEG, C_SPEC, C_BACK, C_CONF, C_SENT_ENT, C_TENT };
static const char csv_select[] =
	"SELECT e.doc, e.ord, e.type, e.mode, e.source_name, e.source_code, e.target_name, "
	"e.target_code, e.location_name, e.location_kind, e.country, e.admin1, e.admin2, e.lat, "
	"e.lon, e.date, e.date_precision, e.day, e.dead, e.dead_approx, e.injured, "
	"e.injured_approx, e.arrested, e.arrested_approx, e.trigger_start, e.trigger_end, "
	"e.sentence_start, e.sentence_end, e.cameo, e.acled_event_type, e.acled_sub_event_type, "
	"e.negated, e.speculative, e.background, e.confidence, e.source_entity, e.target_entity "
	"FROM events e WHERE ";

static void header(struct lw_buf *b, const char *const *cols)
{
	for (size_t i = 0; cols[i]; i++) {
		if (i)
			lw_csv_sep(b);
		lw_buf_adds(b, cols[i]);
	}
	lw_csv_end(b);
}

static void f_str(struct lw_buf *b, lw_str s)
{
	if (s.ptr)
		lw_csv_field(b, s.ptr, s.len);
	lw_csv_sep(b);
}

static void f_col(struct lw_buf *b, sqlite3_stmt *st, int c)
{
	f_str(b, col_str(st, c));
}

static void f_num(struct lw_buf *b, sqlite3_stmt *st, int c, int decimals)
{
	if (!is_null(st, c))
		lw_buf_add_num(b, sqlite3_column_double(st, c), decimals);
	lw_csv_sep(b);
}

static void f_int(struct lw_buf *b, sqlite3_stmt *st, int c)
{
	if (!is_null(st, c))
		lw_buf_add_i64(b, sqlite3_column_int64(st, c));
	lw_csv_sep(b);
}

/* The text of [a, b) with runs of white space made one space: a sentence
 * as a note of one line. */
static void f_flat(struct lw_buf *b, const struct doc_text *t, int64_t a, int64_t e)
{
	struct lw_buf tmp = LW_BUF_INIT;
	if (a >= 0 && a <= e && (uint64_t)e <= t->n) {
		int space = 0;
		for (int64_t i = a; i < e; i++) {
			char ch = t->p[i];
			if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
				space = tmp.len > 0;
				continue;
			}
			if (space)
				lw_buf_addc(&tmp, ' ');
			space = 0;
			lw_buf_addc(&tmp, ch);
		}
	}
	lw_csv_field(b, tmp.ptr ? tmp.ptr : "", tmp.len);
	lw_buf_release(&tmp);
	lw_csv_sep(b);
}

/* The English name of a country from the knowledge base, else NULL. */
static lw_str country_name(const lw_kb *kb, lw_str a3)
{
	lw_str none = {NULL, 0};
	if (!kb || !a3.ptr || a3.len != 3)
		return none;
	for (size_t i = 0; i < kb->ncountries; i++) {
		if (memcmp(kb->countries[i].a3, a3.ptr, 3) != 0)
			continue;
		uint32_t p = kb->countries[i].place;
		if (p >= kb->nplaces)
			return none;
		lw_str s = {lw_kb_str(kb, kb->places[p].name_off), kb->places[p].name_len};
		return s;
	}
	return none;
}

/* Documents as the event scan reaches them. */
struct doc_cache {
	sqlite3_stmt *st;
	int64_t id;
	struct doc_text t;
	int complete;
};

static int load_doc(struct doc_cache *d, int64_t id)
{
	if (d->id == id)
		return 0;
	sqlite3_reset(d->st);
	sqlite3_bind_int64(d->st, 1, id);
	if (sqlite3_step(d->st) != SQLITE_ROW)
		return -1;
	d->id = id;
	d->t.p = (const char *)sqlite3_column_text(d->st, 3);
	d->t.n = (size_t)sqlite3_column_bytes(d->st, 3);
	if (!d->t.p)
		d->t.p = "";
	d->complete = sqlite3_column_int(d->st, 4);
	return 0;
}

static void csv_row(struct lw_buf *b, sqlite3_stmt *st, struct doc_cache *d)
{
	f_col(b, d->st, 0);
	f_col(b, d->st, 1);
	f_col(b, d->st, 2);
	f_int(b, st, C_ORD);
	for (int c = C_TYPE; c <= C_LKIND + 4; c++)
		if (c != C_LAT && c != C_LON)
			f_col(b, st, c);
	f_num(b, st, C_LAT, 4);
	f_num(b, st, C_LON, 4);
	f_col(b, st, C_DATE);
	f_col(b, st, C_PREC);
	f_col(b, st, C_DAY);
	for (int c = C_DEAD; c <= C_ARRA; c++)
		f_int(b, st, c);
	f_flat(b, &d->t, sqlite3_column_int64(st, C_TRIG), sqlite3_column_int64(st, C_TRIG + 1));
	if (d->complete)
		f_flat(b, &d->t, sqlite3_column_int64(st, C_SENT), sqlite3_column_int64(st, C_SENT + 1));
	else
		lw_csv_sep(b);
	f_int(b, st, C_SENT);
	f_int(b, st, C_SENT + 1);
	f_col(b, st, C_CAMEO);
	f_col(b, st, C_AET);
	f_col(b, st, C_AST);
	f_int(b, st, C_NEG);
	f_int(b, st, C_SPEC);
	f_int(b, st, C_BACK);
	if (!is_null(st, C_CONF))
		lw_buf_add_num(b, sqlite3_column_double(st, C_CONF), 2);
	lw_csv_end(b);
}

/* An actor as ACLED names it: its name, an associated actor, and ACLED's
 * inter code (0 when ACLED's types say none). */
struct acled_actor {
	char name[160];
	lw_str assoc;
	int inter;
};

/* Is s the string c? */
static int str_is(lw_str s, const char *c)
{
	size_t n = strlen(c);
	return s.ptr && s.len == n && memcmp(s.ptr, c, n) == 0;
}

/* Sectors of people who are neither state nor armed: ACLED's civilians,
 * protesters or rioters by the event. */
static int civilian_sector(const char *sec)
{
	static const char *const civ[] = {"CVL", "OPP", "PTY", "LAB", "EDU", "REL", "MED",
					  "BUS", "NGO", "REF", "AGR", "HLH"};
	for (size_t i = 0; i < sizeof civ / sizeof *civ; i++)
		if (strcmp(sec, civ[i]) == 0)
			return 1;
	return 0;
}

/*
 * ACLED's name for an event's source (slot 1) or target (slot 2), from
 * its name, code and entity and the event's ACLED type and country, by
 * ACLED's conventions (acled.md): state forces are "Military Forces of X"
 * and "Police Forces of X"; unnamed armed men "Unidentified Armed Group
 * (X)"; people who are neither state nor armed "Protesters (X)" in a
 * protest, "Rioters (X)" in a riot and "Civilians (X)" otherwise, with the
 * party or community that the text names as the associated actor. A named
 * armed group keeps its name; an actor with no sector keeps the text's.
 * A protest, riot or attack with no source told has ACLED's actor for it.
 */
static void acled_actor(struct acled_actor *a, const lw_kb *kb, int slot, lw_str type,
			lw_str name, lw_str code, int named, lw_str event_country)
{
	char cc[4] = "", sec[4] = "";
	if (code.ptr && code.len == 6) {
		if (memcmp(code.ptr, "---", 3) != 0)
			memcpy(cc, code.ptr, 3);
		if (memcmp(code.ptr + 3, "---", 3) != 0)
			memcpy(sec, code.ptr + 3, 3);
	}
	lw_str iso = cc[0] ? (lw_str){cc, 3} : event_country, cn = country_name(kb, iso);
	if (!cn.ptr)
		cn = iso;
	int foreign = cc[0] && event_country.ptr && event_country.len == 3 &&
		      memcmp(cc, event_country.ptr, 3) != 0;
	int protest = str_is(type, "Protests"), riot = str_is(type, "Riots");
	int vac = str_is(type, "Violence against civilians");
	int violent = vac || str_is(type, "Battles") || str_is(type, "Explosions/Remote violence");
	/* ACLED's name: the words before the country's name ("Police Forces
	 * of ", "Civilians (") and whether it is in brackets */
	const char *pre = NULL;
	a->assoc = (lw_str){NULL, 0};
	a->inter = 0;
	a->name[0] = 0;
	if (!name.ptr) {
		if (slot == 2)
			return;
		pre = protest ? "Protesters" : riot ? "Rioters" : violent ? "Unidentified Armed Group" : NULL;
		a->inter = protest ? 6 : riot ? 5 : violent ? 3 : 0;
	} else if (!strcmp(sec, "MIL") || !strcmp(sec, "COP")) {
		pre = !strcmp(sec, "MIL") ? "Military Forces of" : "Police Forces of";
		a->inter = foreign ? 8 : 1;
	} else if ((!strcmp(sec, "GOV") || !strcmp(sec, "LEG") || !strcmp(sec, "JUD")) &&
		   !(slot == 2 && vac)) {
		pre = "Government of";
		a->inter = foreign ? 8 : 1;
	} else if (!strcmp(sec, "UAF") || (!strcmp(sec, "REB") && !named)) {
		pre = "Unidentified Armed Group";
		a->inter = 3;
	} else if (!strcmp(sec, "REB")) {
		a->inter = 2;
	} else if (!strcmp(sec, "IGO")) {
		a->inter = 8;
	} else if (civilian_sector(sec) || (slot == 2 && vac)) {
		int crowd = slot == 1 && (protest || riot);
		pre = crowd && protest ? "Protesters" : crowd ? "Rioters" : "Civilians";
		a->inter = crowd && protest ? 6 : crowd ? 5 : 7;
	}
	if (!pre) {
		/* the actor's own name: a named group, an organisation */
		if (name.ptr)
			snprintf(a->name, sizeof a->name, "%.*s", (int)(name.len < 150 ? name.len : 150),
				 name.ptr);
		return;
	}
	int of = strlen(pre) > 3 && strcmp(pre + strlen(pre) - 3, " of") == 0;
	int nc = (int)(cn.len < 90 ? cn.len : 90);
	if (!cn.ptr || !nc) /* no country anywhere: ACLED's name without it */
		snprintf(a->name, sizeof a->name, "%.*s", (int)strlen(pre) - (of ? 3 : 0), pre);
	else if (of)
		snprintf(a->name, sizeof a->name, "%s %.*s", pre, nc, cn.ptr);
	else
		snprintf(a->name, sizeof a->name, "%s (%.*s)", pre, nc, cn.ptr);
	/* the name the text gave, where it names someone: the party of the
	 * protesters, the community of the civilians */
	if (named && name.ptr)
		a->assoc = name;
}

static void f_inter(struct lw_buf *b, int inter)
{
	if (inter)
		lw_buf_add_i64(b, inter);
	lw_csv_sep(b);
}

static void acled_row(struct lw_buf *b, sqlite3_stmt *st, struct doc_cache *d, const lw_kb *kb)
{
	f_col(b, st, C_DAY);
	f_col(b, st, C_AET);
	f_col(b, st, C_AST);
	lw_str type = col_str(st, C_AET), iso = col_str(st, C_COUNTRY);
	struct acled_actor a1, a2;
	acled_actor(&a1, kb, 1, type, col_str(st, C_SNAME), col_str(st, C_SCODE),
		    !is_null(st, C_SENT_ENT), iso);
	acled_actor(&a2, kb, 2, type, col_str(st, C_TNAME), col_str(st, C_TCODE),
		    !is_null(st, C_TENT), iso);
	f_str(b, (lw_str){a1.name, strlen(a1.name)});
	f_str(b, a1.assoc);
	f_inter(b, a1.inter);
	f_str(b, (lw_str){a2.name, strlen(a2.name)});
	f_str(b, a2.assoc);
	f_inter(b, a2.inter);
	/* ACLED's interaction: the two codes, lower first; one code alone
	 * with 0 */
	int lo = a1.inter, hi = a2.inter;
	if (lo > hi) {
		int tmp = lo;
		lo = hi;
		hi = tmp;
	}
	f_inter(b, lo ? lo * 10 + hi : hi * 10);
	f_str(b, a2.inter == 7 ? (lw_str){"Civilian targeting", 18} : (lw_str){NULL, 0});
	lw_str name = country_name(kb, iso);
	f_str(b, name.ptr ? name : iso);
	f_col(b, st, C_ADMIN1);
	f_col(b, st, C_ADMIN2);
	f_col(b, st, C_LOC);
	f_num(b, st, C_LAT, 4);
	f_num(b, st, C_LON, 4);
	f_col(b, d->st, 2);
	if (d->complete)
		f_flat(b, &d->t, sqlite3_column_int64(st, C_SENT), sqlite3_column_int64(st, C_SENT + 1));
	else
		lw_csv_sep(b);
	lw_buf_add_i64(b, is_null(st, C_DEAD) ? 0 : sqlite3_column_int64(st, C_DEAD));
	lw_csv_end(b);
}

static lw_status export_events(struct lw_store *s, const lw_kb *kb, int acled,
			       const lw_event_query *q, struct out *o, lw_error *err)
{
	struct lw_query_sql where;
	struct lw_buf sql = LW_BUF_INIT;
	struct doc_cache d = {NULL, -1, {"", 0}, 0};
	sqlite3_stmt *st = NULL;
	lw_status status = lw_query_where(q, acled, &where, err);
	if (status != LW_OK)
		goto done;
	lw_buf_adds(&sql, csv_select);
	lw_buf_add(&sql, where.sql.ptr, where.sql.len);
	if (acled)
		lw_buf_adds(&sql, " AND e.acled_event_type IS NOT NULL");
	lw_buf_adds(&sql, " ORDER BY e.id");
	lw_buf_addc(&sql, 0);
	if (sql.failed) {
		status = lw_store_fail(err, LW_ENOMEM, "", "out of memory");
		goto done;
	}
	if (sqlite3_prepare_v2(s->db, sql.ptr, -1, &st, NULL) != SQLITE_OK ||
	    lw_query_bind(st, &where) ||
	    sqlite3_prepare_v2(s->db,
			       "SELECT doc_id, date, source, text, text_complete FROM documents "
			       "WHERE id = ?1",
			       -1, &d.st, NULL) != SQLITE_OK) {
		status = lw_store_dbfail(s, err, "cannot export");
		goto done;
	}
	header(&o->b, acled ? acled_columns : csv_columns);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (load_doc(&d, sqlite3_column_int64(st, C_DOC)) != 0) {
			status = lw_store_dbfail(s, err, "cannot export");
			goto done;
		}
		if (acled)
			acled_row(&o->b, st, &d, kb);
		else
			csv_row(&o->b, st, &d);
		flush(o, 0);
		if (o->failed)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		status = lw_store_dbfail(s, err, "cannot export");
done:
	sqlite3_finalize(st);
	sqlite3_finalize(d.st);
	lw_buf_release(&sql);
	lw_buf_release(&where.sql);
	return status;
}

lw_status lw_store_export(lw_store *s, const lw_kb *kb, lw_out_format format, unsigned flags,
			  const lw_event_query *q, lw_write_fn write, void *ctx, lw_error *err)
{
	struct out o = {write, ctx, LW_BUF_INIT, 0};
	lw_status st;
	/* one read transaction: a consistent snapshot while an ingest runs */
	int own = !s->in_tx && sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	if (format == LW_OUT_JSONL)
		st = export_jsonl(s, flags, &o, err);
	else if (format == LW_OUT_CSV || format == LW_OUT_ACLED)
		st = export_events(s, kb, format == LW_OUT_ACLED, q, &o, err);
	else
		st = lw_store_fail(err, LW_EARG, "", "export formats are jsonl, csv and acled");
	if (own)
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	flush(&o, 1);
	if (st == LW_OK && (o.failed || o.b.failed))
		st = lw_store_fail(err, o.b.failed ? LW_ENOMEM : LW_EIO, "",
				   o.b.failed ? "out of memory" : "cannot write the output");
	lw_buf_release(&o.b);
	return st;
}
