/*
 * write.c: one record into the store. A document is looked up by its id:
 * with the same content hash nothing is written; with another, its old
 * rows (and its text in the full-text index) are deleted and the new ones
 * written under the same row id. The caller holds the transaction, so a
 * document's rows are committed together with its documents row or not at
 * all. Every value is a bound parameter.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

static const char *const sql[ST_COUNT] = {
	[ST_FIND] = "SELECT id, hash FROM documents WHERE doc_id = ?1",
	[ST_FTS_DELETE] = "INSERT INTO documents_fts(documents_fts, rowid, text) "
			  "SELECT 'delete', id, text FROM documents WHERE id = ?1",
	/* a document's events have the ids doc << 24 | ord: see LW_STORE_EVENT_BITS */
	[ST_DEL_EVENT] = "DELETE FROM event_rows WHERE id BETWEEN (?1 << 24) AND (?1 << 24) + 16777215",
	[ST_DEL_DOC] = "DELETE FROM documents WHERE id = ?1",
	[ST_INS_DOC] = "INSERT INTO documents(id, doc_id, hash, date, title, source, url, "
		       "dateline_start, dateline_end, dateline_place_start, dateline_place_end, "
		       "dateline_date, entities, quotes, text_complete, text, entities_size, "
		       "quotes_size) "
		       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
		       "?17, ?18)",
	[ST_INS_FTS] = "INSERT INTO documents_fts(rowid, text) VALUES(?1, ?2)",
	[ST_INS_EVENT] =
		"INSERT INTO event_rows(id, type, mode, source_entity, source_name, "
		"source_code, source_start, source_len, target_entity, target_name, "
		"target_code, target_start, target_len, location_entity, location_name, "
		"location_kind, country, admin1, admin2, lat, lon, location_start, "
		"location_len, date, date_precision, date_start, date_len, day, dead, "
		"dead_start, dead_len, injured, injured_start, injured_len, arrested, "
		"arrested_start, arrested_len, trigger_start, trigger_len, sentence_start, "
		"sentence_len, cameo, acled_event_type, acled_sub_event_type, flags, "
		"confidence) "
		"VALUES((?1 << 24) | ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
		"?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, "
		"?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, "
		"?45, ?46, ?47)",
	[ST_LABEL_FIND] = "SELECT id FROM labels WHERE text = ?1",
	[ST_LABEL_ADD] = "INSERT INTO labels(text) VALUES(?1)",
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

/* A packed column (record.c): deflated JSON is a blob with its length in
 * column `size_col`; plain JSON is text with no length. */
static void bind_packed(sqlite3_stmt *st, int i, lw_str v, size_t size, int size_col)
{
	if (size) {
		sqlite3_bind_blob64(st, i, v.ptr, v.len, SQLITE_STATIC);
		sqlite3_bind_int64(st, size_col, (sqlite3_int64)size);
	} else {
		bind_str(st, i, v);
		sqlite3_bind_null(st, size_col);
	}
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
	bind_packed(st, 13, r->entities_json, r->entities_size, 17);
	bind_packed(st, 14, r->quotes_json, r->quotes_size, 18);
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

/* ---- labels ---- */

void lw_label_ids_clear(struct lw_label_ids *m)
{
	if (m->slot)
		memset(m->slot, 0, (m->mask + 1) * sizeof *m->slot);
	m->n = 0;
	m->text.len = 0;
	m->top = 0;
	m->committed = 0;
}

void lw_label_ids_release(struct lw_label_ids *m)
{
	free(m->slot);
	lw_buf_release(&m->text);
	memset(m, 0, sizeof *m);
}

static int labels_grow(struct lw_label_ids *m)
{
	size_t cap = m->slot ? (m->mask + 1) * 2 : 1024;
	struct lw_label_slot *ns = calloc(cap, sizeof *ns);
	if (!ns)
		return -1;
	for (size_t i = 0; m->slot && i <= m->mask; i++) {
		if (!m->slot[i].hash)
			continue;
		size_t j = (size_t)m->slot[i].hash & (cap - 1);
		while (ns[j].hash)
			j = (j + 1) & (cap - 1);
		ns[j] = m->slot[i];
	}
	free(m->slot);
	m->slot = ns;
	m->mask = cap - 1;
	return 0;
}

/* The slot of the label `p` (n bytes, hash h): its own, or the empty one
 * where it goes. NULL when the map cannot grow. */
static struct lw_label_slot *label_slot(struct lw_label_ids *m, uint64_t h, const char *p,
					size_t n)
{
	if ((m->n + 1) * 2 > (m->slot ? m->mask + 1 : 0) && labels_grow(m))
		return NULL;
	size_t j = (size_t)h & m->mask;
	for (; m->slot[j].hash; j = (j + 1) & m->mask) {
		const struct lw_label_slot *e = &m->slot[j];
		/* an empty label keeps no text (the buffer may be unallocated) */
		if (e->hash == h && e->len == n && (n == 0 || memcmp(m->text.ptr + e->off, p, n) == 0))
			break;
	}
	return &m->slot[j];
}

/* Remember a label's id in its (empty) slot. -1 out of memory. */
static int label_keep(struct lw_label_ids *m, struct lw_label_slot *e, uint64_t h, const char *p,
		      size_t n, int64_t id)
{
	size_t off = m->text.len;
	lw_buf_add(&m->text, p, n);
	if (m->text.failed)
		return -1;
	*e = (struct lw_label_slot){h, id, off, n};
	m->n++;
	return 0;
}

/* The map outgrew m->max: from now on one map per transaction that looks
 * up every label it does not hold, as a store of that many labels is
 * written. */
static void labels_too_many(struct lw_label_ids *m)
{
	lw_label_ids_clear(m);
	m->complete = 0;
	m->big = 1;
}

/* The labels with ids above m->top, into the map. 0, or -1 on failure. */
static int labels_load(struct lw_store *s)
{
	struct lw_label_ids *m = &s->labels;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT id, text FROM labels WHERE id > ?1 ORDER BY id", -1,
			       &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, m->top);
	int rc = SQLITE_DONE;
	while (!m->big && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 1);
		size_t n = (size_t)sqlite3_column_bytes(st, 1);
		uint64_t h = lw_label_hash(p ? p : "", n);
		struct lw_label_slot *e = label_slot(m, h, p ? p : "", n);
		if (!e || (!e->hash && label_keep(m, e, h, p ? p : "", n, sqlite3_column_int64(st, 0))) ||
		    m->n > m->max) {
			labels_too_many(m); /* out of memory too: look labels up */
			break;
		}
		m->top = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || (rc == SQLITE_ROW && m->big) ? 0 : -1;
}

int lw_label_ids_begin(struct lw_store *s)
{
	struct lw_label_ids *m = &s->labels;
	if (!m->max)
		m->max = LW_LABEL_CACHE_MAX;
	if (!m->committed || m->big)
		lw_label_ids_clear(m);
	if (m->big)
		return 0; /* a map for this transaction only */
	m->complete = 1;
	if (labels_load(s) != 0) {
		lw_label_ids_clear(m);
		m->complete = 0;
		return -1;
	}
	return 0;
}

/* Look a label up in the table, adding it when it is not there. */
static int64_t label_row(struct lw_store *s, const char *p, size_t n)
{
	sqlite3_stmt *find = lw_store_stmt(s, ST_LABEL_FIND);
	if (!find)
		return -1;
	sqlite3_bind_text64(find, 1, n ? p : "", n, SQLITE_STATIC, SQLITE_UTF8);
	int rc = sqlite3_step(find);
	int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(find, 0) : -1;
	sqlite3_reset(find);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (id >= 0)
		return id;
	sqlite3_stmt *add = lw_store_stmt(s, ST_LABEL_ADD);
	if (!add)
		return -1;
	sqlite3_bind_text64(add, 1, n ? p : "", n, SQLITE_STATIC, SQLITE_UTF8);
	return run(add) ? -1 : sqlite3_last_insert_rowid(s->db);
}

/* A label the map does not hold, when it holds them all: add it. Should
 * the table hold it after all (a label table changed by hand), the
 * failed insert changed nothing and the label is looked up. */
static int64_t label_new(struct lw_store *s, const char *p, size_t n)
{
	sqlite3_stmt *add = lw_store_stmt(s, ST_LABEL_ADD);
	if (!add)
		return -1;
	sqlite3_bind_text64(add, 1, n ? p : "", n, SQLITE_STATIC, SQLITE_UTF8);
	int rc = sqlite3_step(add);
	sqlite3_reset(add);
	if (rc == SQLITE_DONE)
		return sqlite3_last_insert_rowid(s->db);
	return (rc & 0xff) == SQLITE_CONSTRAINT ? label_row(s, p, n) : -1;
}

/* The id of the label `p` (n bytes, lw_label_hash h) in the labels table,
 * added on first use; -1 on failure. */
static int64_t label_id(struct lw_store *s, const char *p, size_t n, uint64_t h)
{
	struct lw_label_ids *m = &s->labels;
	struct lw_label_slot *e = label_slot(m, h, p, n);
	if (!e)
		return -1;
	if (e->hash)
		return e->id;
	int64_t id = m->complete ? label_new(s, p, n) : label_row(s, p, n);
	if (id < 0 || label_keep(m, e, h, p, n, id))
		return -1;
	if (m->n > m->max)
		labels_too_many(m);
	return id;
}

/* ---- event rows ----
 * An event row has 47 parameters, and binding one costs about a hundred
 * instructions. Bindings stay across sqlite3_reset, and consecutive
 * events share many values (the document, the NULLs of what they leave
 * out, often the type or the day), so the writer remembers what it bound
 * last (lw_store.ev_bound) and binds only what changed: on the benchmark
 * corpus half the binds, 4% of the writer's instructions. */

static void ev_int(struct lw_store *s, int i, int64_t v)
{
	struct lw_bound *b = &s->ev_bound[i];
	if (b->state == LW_BOUND_INT && b->v == v)
		return;
	sqlite3_bind_int64(s->st[ST_INS_EVENT], i, v);
	b->state = LW_BOUND_INT;
	b->v = v;
}

static void ev_null(struct lw_store *s, int i)
{
	struct lw_bound *b = &s->ev_bound[i];
	if (b->state == LW_BOUND_NULL)
		return;
	sqlite3_bind_null(s->st[ST_INS_EVENT], i);
	b->state = LW_BOUND_NULL;
}

/* The length of a span, for the events' *_len columns (the view
 * `events` adds it to the start). */
static void bind_span_len(struct lw_store *s, int i, int present, lw_span sp)
{
	if (present) {
		ev_int(s, i, sp.start);
		ev_int(s, i + 1, (int64_t)sp.end - (int64_t)sp.start);
	} else {
		ev_null(s, i);
		ev_null(s, i + 1);
	}
}

/* At the precision the contract writes (lat/lon 4 decimals, confidence
 * 2) as an integer of that many decimals: 1 to 4 bytes where a REAL takes
 * 8; the view `events` divides it back, so an export writes the same
 * digits. */
static void bind_scaled(struct lw_store *s, int i, double v, int decimals)
{
	double scale = decimals == 4 ? 1e4 : 1e2;
	if (isnan(v) || isinf(v) || fabs(v) > 1e12)
		ev_null(s, i);
	else
		ev_int(s, i, (int64_t)llround(v * scale));
}

static void bind_link(struct lw_store *s, int i, int32_t entity)
{
	if (entity >= 0)
		ev_int(s, i, entity);
	else
		ev_null(s, i);
}

/* A text column of event_rows: the label's id, or NULL for no text. */
static int bind_label(struct lw_store *s, int i, const struct lw_rec_label *l)
{
	if (!l->ptr) {
		ev_null(s, i);
		return 0;
	}
	int64_t id = label_id(s, l->ptr, l->len, l->hash);
	if (id < 0)
		return -1;
	ev_int(s, i, id);
	return 0;
}

/* The parameter of each label column (ST_INS_EVENT), in enum lw_ev_label
 * order. */
static const int label_param[EVL_COUNT] = {
	[EVL_TYPE] = 3,		  [EVL_MODE] = 4,	   [EVL_SOURCE_NAME] = 6,
	[EVL_SOURCE_CODE] = 7,	  [EVL_TARGET_NAME] = 11,  [EVL_TARGET_CODE] = 12,
	[EVL_LOCATION_NAME] = 16, [EVL_LOCATION_KIND] = 17, [EVL_COUNTRY] = 18,
	[EVL_ADMIN1] = 19,	  [EVL_ADMIN2] = 20,	   [EVL_DATE] = 25,
	[EVL_DATE_PRECISION] = 26, [EVL_DAY] = 29,	   [EVL_CAMEO] = 43,
	[EVL_ACLED_TYPE] = 44,	  [EVL_ACLED_SUBTYPE] = 45,
};

static void bind_actor(struct lw_store *s, int i, const lw_event_actor *a)
{
	bind_link(s, i, a->present ? a->entity : -1);
	bind_span_len(s, i + 3, a->present, a->span);
}

/* A count: value and span (its "approx" goes to the flags). */
static void bind_count(struct lw_store *s, int i, const lw_count *c)
{
	if (c->present)
		ev_int(s, i, c->value);
	else
		ev_null(s, i);
	bind_span_len(s, i + 1, c->present, c->span);
}

/* The flags column of event_rows; the view `events` takes it apart. */
static int64_t event_flags(const lw_event *e)
{
	return (e->negated != 0) | (e->speculative != 0) << 1 | (e->background != 0) << 2 |
	       (e->dead.present && e->dead.approx) << 3 |
	       (e->injured.present && e->injured.approx) << 4 |
	       (e->arrested.present && e->arrested.approx) << 5;
}

/* The columns of an event row that are not labels (l: its labels). */
static void bind_event(struct lw_store *s, const lw_event *e, const struct lw_rec_label *l)
{
	const lw_event_place *loc = &e->location;
	bind_actor(s, 5, &e->source);
	bind_actor(s, 10, &e->target);
	bind_link(s, 15, loc->present ? loc->entity : -1);
	if (loc->present) {
		bind_scaled(s, 21, loc->place.lat, 4);
		bind_scaled(s, 22, loc->place.lon, 4);
	} else {
		ev_null(s, 21);
		ev_null(s, 22);
	}
	bind_span_len(s, 23, loc->present, loc->span);
	/* a date span only with a date of its own */
	bind_span_len(s, 27, l[EVL_DATE].ptr && e->date.span.end > e->date.span.start,
		      e->date.span);
	bind_count(s, 30, &e->dead);
	bind_count(s, 33, &e->injured);
	bind_count(s, 36, &e->arrested);
	bind_span_len(s, 39, 1, e->trigger);
	bind_span_len(s, 41, 1, e->sentence);
	ev_int(s, 46, event_flags(e));
	bind_scaled(s, 47, e->confidence, 2);
}

static int write_events(struct lw_store *s, const struct lw_store_rec *r, int64_t doc)
{
	sqlite3_stmt *st = r->nev ? lw_store_stmt(s, ST_INS_EVENT) : NULL;
	if ((r->nev && !st) || r->nev > LW_STORE_MAX_EVENTS)
		return -1;
	for (size_t i = 0; i < r->nev; i++) {
		const struct lw_rec_label *l = &r->ev_labels[i * EVL_COUNT];
		int fail = 0;
		ev_int(s, 1, doc);
		ev_int(s, 2, (int64_t)i);
		for (int k = 0; k < EVL_COUNT; k++) {
			/* the same text as the event before (record.c: share_labels):
			 * its parameter holds that label's id, or NULL, already */
			if (i > 0 && l[k].ptr == l[k - EVL_COUNT].ptr && l[k].len == l[k - EVL_COUNT].len)
				continue;
			fail |= bind_label(s, label_param[k], &l[k]);
		}
		bind_event(s, &r->ev[i], l);
		if (fail || run(st))
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
