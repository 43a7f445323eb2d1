/*
 * write.c: one record into the store. A document is looked up by its id:
 * with the same content hash nothing is written; with another, its old
 * rows (and its text in the full-text index) are deleted and the new ones
 * written under the same row id. The caller holds the transaction, so a
 * document's rows are committed together with its documents row or not at
 * all. Every value is a bound parameter.
 */
#include <math.h>
#include <string.h>

#include "store.h"

static const char *const sql[ST_COUNT] = {
	[ST_FIND] = "SELECT id, hash FROM documents WHERE doc_id = ?1",
	[ST_FTS_DELETE] = "INSERT INTO documents_fts(documents_fts, rowid, text) "
			  "SELECT 'delete', id, text FROM documents WHERE id = ?1",
	/* a document's events have the ids doc << 24 | ord: see LW_STORE_EVENT_BITS */
	[ST_DEL_EVENT] = "DELETE FROM events WHERE id BETWEEN (?1 << 24) AND (?1 << 24) + 16777215",
	[ST_DEL_DOC] = "DELETE FROM documents WHERE id = ?1",
	[ST_INS_DOC] = "INSERT INTO documents(id, doc_id, hash, date, title, source, url, "
		       "dateline_start, dateline_end, dateline_place_start, dateline_place_end, "
		       "dateline_date, entities, quotes, text_complete, text) "
		       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
	[ST_INS_FTS] = "INSERT INTO documents_fts(rowid, text) VALUES(?1, ?2)",
	[ST_INS_EVENT] =
		"INSERT INTO events(id, doc, ord, type, mode, "
		"source_entity, source_name, source_code, source_start, source_end, "
		"target_entity, target_name, target_code, target_start, target_end, "
		"location_entity, location_name, location_kind, country, admin1, admin2, lat, lon, "
		"location_start, location_end, date, date_precision, date_start, date_end, day, "
		"dead, dead_approx, dead_start, dead_end, "
		"injured, injured_approx, injured_start, injured_end, "
		"arrested, arrested_approx, arrested_start, arrested_end, "
		"trigger_start, trigger_end, sentence_start, sentence_end, cameo, acled_event_type, "
		"acled_sub_event_type, negated, speculative, background, confidence) "
		"VALUES((?1 << 24) | ?2, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
		"?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, "
		"?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45, ?46, ?47, ?48, "
		"?49, ?50, ?51, ?52)",
};

sqlite3_stmt *lw_store_stmt(struct lw_store *s, enum store_stmt which)
{
	if (!s->st[which] &&
	    sqlite3_prepare_v3(s->db, sql[which], -1, SQLITE_PREPARE_PERSISTENT, &s->st[which],
			       NULL) != SQLITE_OK)
		return NULL;
	return s->st[which];
}

/* ---- binding: absent values are NULL ---- */

static void bind_str(sqlite3_stmt *st, int i, lw_str v)
{
	if (v.ptr)
		sqlite3_bind_text64(st, i, v.ptr, v.len, SQLITE_STATIC, SQLITE_UTF8);
	else
		sqlite3_bind_null(st, i);
}

static void bind_cstr(sqlite3_stmt *st, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_span(sqlite3_stmt *st, int i, int present, lw_span s)
{
	if (present) {
		sqlite3_bind_int64(st, i, s.start);
		sqlite3_bind_int64(st, i + 1, s.end);
	} else {
		sqlite3_bind_null(st, i);
		sqlite3_bind_null(st, i + 1);
	}
}

/* Stored at the precision the contract writes (lat/lon 4 decimals,
 * confidence 2), so that an export writes the same digits. */
static void bind_real(sqlite3_stmt *st, int i, double v, int decimals)
{
	if (isnan(v) || isinf(v)) {
		sqlite3_bind_null(st, i);
		return;
	}
	double scale = decimals == 4 ? 1e4 : 1e2;
	sqlite3_bind_double(st, i, round(v * scale) / scale);
}

static void bind_link(sqlite3_stmt *st, int i, int32_t entity)
{
	if (entity >= 0)
		sqlite3_bind_int64(st, i, entity);
	else
		sqlite3_bind_null(st, i);
}

/* "PAKREB", "---IGO": the contract's code ("" country or sector is ---). */
static void bind_code(sqlite3_stmt *st, int i, int present, const lw_actor_code *c, char buf[8])
{
	if (!present) {
		sqlite3_bind_null(st, i);
		return;
	}
	memcpy(buf, c->country[0] ? c->country : "---", 3);
	memcpy(buf + 3, c->sector[0] ? c->sector : "---", 3);
	buf[6] = 0;
	sqlite3_bind_text(st, i, buf, 6, SQLITE_STATIC);
}

static void bind_place(sqlite3_stmt *st, int i, const lw_place *p)
{
	bind_cstr(st, i, lw_place_kind_name(p->kind));
	bind_cstr(st, i + 1, p->country);
	bind_str(st, i + 2, p->admin1.len ? p->admin1 : (lw_str){NULL, 0});
	bind_str(st, i + 3, p->admin2.len ? p->admin2 : (lw_str){NULL, 0});
	bind_real(st, i + 4, p->lat, 4);
	bind_real(st, i + 5, p->lon, 4);
}

static int run(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int lw_store_find(sqlite3_stmt *find, const char *id, size_t id_len,
		  unsigned char hash[LW_HASH_BYTES], int64_t *rowid)
{
	sqlite3_bind_text64(find, 1, id, id_len, SQLITE_STATIC, SQLITE_UTF8);
	int rc = sqlite3_step(find), found = 0;
	if (rc == SQLITE_ROW) {
		found = 1;
		if (rowid)
			*rowid = sqlite3_column_int64(find, 0);
		const void *h = sqlite3_column_blob(find, 1);
		int n = sqlite3_column_bytes(find, 1);
		memset(hash, 0, LW_HASH_BYTES);
		if (h)
			memcpy(hash, h, n < LW_HASH_BYTES ? (size_t)n : LW_HASH_BYTES);
	} else if (rc != SQLITE_DONE) {
		found = -1;
	}
	sqlite3_reset(find);
	sqlite3_clear_bindings(find);
	return found;
}

static int write_doc(struct lw_store *s, const struct lw_store_rec *r, int64_t id, int64_t *rowid)
{
	sqlite3_stmt *st = lw_store_stmt(s, ST_INS_DOC);
	if (!st)
		return -1;
	const lw_dateline *dl = &r->dateline;
	if (id > 0)
		sqlite3_bind_int64(st, 1, id);
	else
		sqlite3_bind_null(st, 1);
	bind_str(st, 2, r->id);
	sqlite3_bind_blob(st, 3, r->hash, LW_HASH_BYTES, SQLITE_STATIC);
	bind_cstr(st, 4, r->date);
	bind_str(st, 5, r->title);
	bind_str(st, 6, r->source);
	bind_str(st, 7, r->url);
	bind_span(st, 8, dl->found, dl->span);
	bind_span(st, 10, dl->found, dl->place);
	bind_cstr(st, 12, dl->found ? r->dateline_date : NULL);
	bind_str(st, 13, r->entities_json);
	bind_str(st, 14, r->quotes_json);
	sqlite3_bind_int(st, 15, r->text_complete);
	sqlite3_bind_text64(st, 16, r->text.ptr ? r->text.ptr : "", r->text.len, SQLITE_STATIC,
			    SQLITE_UTF8);
	if (run(st))
		return -1;
	*rowid = sqlite3_last_insert_rowid(s->db);
	st = lw_store_stmt(s, ST_INS_FTS);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, *rowid);
	sqlite3_bind_text64(st, 2, r->text.ptr ? r->text.ptr : "", r->text.len, SQLITE_STATIC,
			    SQLITE_UTF8);
	return run(st);
}

static void bind_actor(sqlite3_stmt *st, int i, const lw_event_actor *a, char code[8])
{
	bind_link(st, i, a->present ? a->entity : -1);
	if (a->present)
		sqlite3_bind_text64(st, i + 1, a->name.ptr ? a->name.ptr : "", a->name.len,
				    SQLITE_STATIC, SQLITE_UTF8);
	else
		sqlite3_bind_null(st, i + 1);
	bind_code(st, i + 2, a->present, &a->code, code);
	bind_span(st, i + 3, a->present, a->span);
}

static void bind_count(sqlite3_stmt *st, int i, const lw_count *c)
{
	if (c->present) {
		sqlite3_bind_int64(st, i, c->value);
		sqlite3_bind_int(st, i + 1, c->approx != 0);
	} else {
		sqlite3_bind_null(st, i);
		sqlite3_bind_null(st, i + 1);
	}
	bind_span(st, i + 2, c->present, c->span);
}

static int write_events(struct lw_store *s, const struct lw_store_rec *r, int64_t doc)
{
	sqlite3_stmt *st = r->nev ? lw_store_stmt(s, ST_INS_EVENT) : NULL;
	if ((r->nev && !st) || r->nev > LW_STORE_MAX_EVENTS)
		return -1;
	for (size_t i = 0; i < r->nev; i++) {
		const lw_event *e = &r->ev[i];
		char src[8], tgt[8], date[32], day[16];
		sqlite3_bind_int64(st, 1, doc);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		bind_cstr(st, 3, e->type ? e->type : "");
		bind_cstr(st, 4, e->mode);
		bind_actor(st, 5, &e->source, src);
		bind_actor(st, 10, &e->target, tgt);
		const lw_event_place *loc = &e->location;
		if (loc->present) {
			bind_link(st, 15, loc->entity);
			sqlite3_bind_text64(st, 16, loc->name.ptr ? loc->name.ptr : "", loc->name.len,
					    SQLITE_STATIC, SQLITE_UTF8);
			bind_place(st, 17, &loc->place);
		} else {
			for (int k = 15; k <= 22; k++)
				sqlite3_bind_null(st, k);
		}
		bind_span(st, 23, loc->present, loc->span);
		size_t dn = e->date.present ? lw_date_format(&e->date.date, date, sizeof date) : 0;
		if (dn) {
			sqlite3_bind_text(st, 25, date, (int)dn, SQLITE_STATIC);
			bind_cstr(st, 26, lw_precision_name((lw_precision)e->date.date.precision));
		} else {
			sqlite3_bind_null(st, 25);
			sqlite3_bind_null(st, 26);
		}
		bind_span(st, 27, dn != 0 && e->date.span.end > e->date.span.start, e->date.span);
		if (lw_event_day(dn ? &e->date.date : NULL, r->date, day))
			sqlite3_bind_text(st, 29, day, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 29);
		bind_count(st, 30, &e->dead);
		bind_count(st, 34, &e->injured);
		bind_count(st, 38, &e->arrested);
		bind_span(st, 42, 1, e->trigger);
		bind_span(st, 44, 1, e->sentence);
		bind_cstr(st, 46, e->cameo);
		bind_cstr(st, 47, e->acled_type);
		bind_cstr(st, 48, e->acled_type ? e->acled_subtype : NULL);
		sqlite3_bind_int(st, 49, e->negated != 0);
		sqlite3_bind_int(st, 50, e->speculative != 0);
		sqlite3_bind_int(st, 51, e->background != 0);
		bind_real(st, 52, e->confidence, 2);
		if (run(st))
			return -1;
	}
	return 0;
}

/* Delete a stored document: its index entry first (which reads its
 * text), then its rows. */
static int delete_doc(struct lw_store *s, int64_t id)
{
	static const enum store_stmt order[] = {ST_FTS_DELETE, ST_DEL_EVENT, ST_DEL_DOC};
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		sqlite3_stmt *st = lw_store_stmt(s, order[i]);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		if (run(st))
			return -1;
	}
	return 0;
}

lw_status lw_store_write(struct lw_store *s, const struct lw_store_rec *r, unsigned flags,
			 lw_put_result *result, lw_error *err)
{
	unsigned char old[LW_HASH_BYTES];
	int64_t id = 0, rowid = 0;
	sqlite3_stmt *find = lw_store_stmt(s, ST_FIND);
	if (!find)
		return lw_store_dbfail(s, err, "cannot prepare");
	int found = lw_store_find(find, r->id.ptr, r->id.len, old, &id);
	if (found < 0)
		return lw_store_dbfail(s, err, "cannot look up the document");
	if (found && !(flags & LW_PUT_FORCE) && memcmp(old, r->hash, LW_HASH_BYTES) == 0) {
		*result = LW_PUT_UNCHANGED;
		return LW_OK;
	}
	if (!r->packed)
		return lw_store_fail(err, LW_EINTERNAL, s->path, "record not packed");
	if ((found && delete_doc(s, id)) || write_doc(s, r, id, &rowid) ||
	    write_events(s, r, rowid))
		return lw_store_dbfail(s, err, "cannot store the document");
	*result = found ? LW_PUT_REPLACED : LW_PUT_ADDED;
	return LW_OK;
}

/* One record in its own transaction unless the caller holds one; a
 * failure rolls back the open transaction (a half-written document is
 * never committed). */
static lw_status put(struct lw_store *s, const struct lw_store_rec *r, unsigned flags,
		     lw_put_result *result, lw_error *err)
{
	lw_put_result dummy;
	int own = !s->in_tx;
	lw_status st = lw_store_begin(s, err);
	if (st != LW_OK)
		return st;
	st = lw_store_write(s, r, flags, result ? result : &dummy, err);
	if (st != LW_OK) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		s->in_tx = 0;
		return st;
	}
	return own ? lw_store_commit(s, err) : LW_OK;
}

lw_status lw_store_put_doc(lw_store *s, const lw_doc *doc, unsigned flags, lw_put_result *result,
			   lw_error *err)
{
	struct lw_store_rec r;
	if (!s || !doc)
		return lw_store_fail(err, LW_EARG, "", "no store or document");
	lw_rec_from_doc(&r, (lw_doc *)doc);
	lw_status st = lw_rec_pack(&r);
	if (st == LW_OK)
		st = put(s, &r, flags, result, err);
	else
		lw_store_fail(err, st, s->path, "out of memory");
	r.doc = NULL; /* the caller's */
	lw_rec_release(&r);
	return st;
}

lw_status lw_store_put_coded(lw_store *s, const char *json, size_t len, unsigned flags,
			     lw_put_result *result, lw_error *err)
{
	struct lw_store_rec r;
	if (!s || !json)
		return lw_store_fail(err, LW_EARG, "", "no store or record");
	lw_status st = lw_rec_from_json(&r, json, len, 0, NULL, NULL, err);
	if (st != LW_OK)
		return st;
	st = lw_rec_pack(&r);
	if (st == LW_OK)
		st = put(s, &r, flags, result, err);
	else
		lw_store_fail(err, st, s->path, "out of memory");
	lw_rec_release(&r);
	return st;
}
