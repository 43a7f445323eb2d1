/*
 * schema.c: the store's tables (docs/store.md), opening a store, and the
 * version check that keeps lapwing from writing to a database it does not
 * understand. What the rows mean is in docs/store.md; writing them is
 * write.c's job, reading them query.c's, export.c's and search.c's.
 *
 * A file is a lapwing store when its SQLite application_id is LW_APP_ID;
 * its user_version is the schema version. Both are read before anything
 * is written, so a database of another version (or another program) is
 * refused untouched: not even its journal mode is changed. The one
 * exception is schema 1, which a writer updates (migrate_1_2).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "store.h"

/* "lapw": the SQLite application id of lapwing stores. */
#define LW_APP_ID 0x6c617077
/* SQLite's largest page: articles (1 to 8 KB, with their entities and
 * quotes) then share pages instead of each leaving a half-empty page or
 * overflow page behind. On the benchmark corpus the file is 12% smaller
 * than with 8 KiB pages, and the writer 10% faster. */
#define LW_PAGE_SIZE 65536
/* The page cache of a connection: enough for the pages a batch touches
 * (the ends of the tables, the index's recent segments). */
#define LW_CACHE_KIB "65536"
/* How long a writer waits for another one before it gives up (ms). */
#define LW_BUSY_MS 30000

/* Conveniences for people who query with SQL. The entities and quotes
 * of a document are JSON, deflated when long (record.c: pack), read back
 * with sqlar_uncompress, which the sqlite3 shell has built in and lapwing
 * registers (unpack below). */
#define DOC_VIEWS_SQL \
	"CREATE VIEW entities AS\n" \
	"  SELECT d.id AS doc, e.key AS ord,\n" \
	"    json_extract(e.value, '$[0]') AS id,\n" \
	"    json_extract(e.value, '$[1]') AS type,\n" \
	"    json_extract(e.value, '$[2]') AS name,\n" \
	"    json_extract(e.value, '$[3]') AS mentions,\n" \
	"    json_extract(e.value, '$[4]') AS actor,\n" \
	"    json_extract(e.value, '$[5]') AS place_kind,\n" \
	"    json_extract(e.value, '$[6]') AS country,\n" \
	"    json_extract(e.value, '$[7]') AS admin1,\n" \
	"    json_extract(e.value, '$[8]') AS admin2,\n" \
	"    json_extract(e.value, '$[9]') AS lat,\n" \
	"    json_extract(e.value, '$[10]') AS lon\n" \
	"  FROM documents d,\n" \
	"    json_each(CAST(sqlar_uncompress(d.entities, d.entities_size) AS TEXT)) e;\n" \
	"CREATE VIEW mentions AS\n" \
	"  SELECT d.id AS doc, json_extract(e.value, '$[0]') AS entity,\n" \
	"    json_extract(m.value, '$[0]') AS start, json_extract(m.value, '$[1]') AS end\n" \
	"  FROM documents d,\n" \
	"    json_each(CAST(sqlar_uncompress(d.entities, d.entities_size) AS TEXT)) e,\n" \
	"    json_each(e.value, '$[3]') m;\n" \
	"CREATE VIEW quotes AS\n" \
	"  SELECT d.id AS doc, q.key AS ord,\n" \
	"    json_extract(q.value, '$[0]') AS start,\n" \
	"    json_extract(q.value, '$[1]') AS end,\n" \
	"    json_extract(q.value, '$[2]') AS speaker_entity,\n" \
	"    json_extract(q.value, '$[3]') AS speaker_name,\n" \
	"    json_extract(q.value, '$[4]') AS speaker_start,\n" \
	"    json_extract(q.value, '$[5]') AS speaker_end,\n" \
	"    json_extract(q.value, '$[6]') AS description_start,\n" \
	"    json_extract(q.value, '$[7]') AS description_end,\n" \
	"    json_extract(q.value, '$[8]') AS cue_start,\n" \
	"    json_extract(q.value, '$[9]') AS cue_end,\n" \
	"    json_extract(q.value, '$[10]') AS confidence,\n" \
	"    CAST(substr(CAST(d.text AS BLOB), json_extract(q.value, '$[0]') + 1,\n" \
	"      json_extract(q.value, '$[1]') - json_extract(q.value, '$[0]')) AS TEXT) AS text\n" \
	"  FROM documents d,\n" \
	"    json_each(CAST(sqlar_uncompress(d.quotes, d.quotes_size) AS TEXT)) q;\n"

/*
 * Events, schema 2. Most of an event's text is a handful of values that
 * repeat across millions of rows ("ASSAULT", "Violence against
 * civilians", "PAKREB", "2023-07-14"): a row keeps the id of its value in
 * `labels` instead, a span its start and length, a coordinate or a
 * confidence a scaled integer. The view `events` gives them back as
 * schema 1 stored them, column for column, so every reader (and every
 * user's SQL) reads `events` as before. On the benchmark corpus this
 * halves the events' share of the file.
 */
#define EVENT_TABLES_SQL \
	"CREATE TABLE labels(\n" \
	"  id INTEGER PRIMARY KEY,\n" \
	"  text TEXT NOT NULL UNIQUE\n" \
	");\n" \
	"CREATE TABLE event_rows(\n" \
	"  id INTEGER PRIMARY KEY,\n" /* doc << 24 | ord: appended in order, no index */ \
	"  type INTEGER NOT NULL,\n" \
	"  mode INTEGER,\n" \
	"  source_entity INTEGER,\n" \
	"  source_name INTEGER,\n" \
	"  source_code INTEGER,\n" \
	"  source_start INTEGER,\n" \
	"  source_len INTEGER,\n" \
	"  target_entity INTEGER,\n" \
	"  target_name INTEGER,\n" \
	"  target_code INTEGER,\n" \
	"  target_start INTEGER,\n" \
	"  target_len INTEGER,\n" \
	"  location_entity INTEGER,\n" \
	"  location_name INTEGER,\n" \
	"  location_kind INTEGER,\n" \
	"  country INTEGER,\n" \
	"  admin1 INTEGER,\n" \
	"  admin2 INTEGER,\n" \
	"  lat INTEGER,\n" \
	"  lon INTEGER,\n" \
	"  location_start INTEGER,\n" \
	"  location_len INTEGER,\n" \
	"  date INTEGER,\n" \
	"  date_precision INTEGER,\n" \
	"  date_start INTEGER,\n" \
	"  date_len INTEGER,\n" \
	"  day INTEGER,\n" \
	"  dead INTEGER,\n" \
	"  dead_start INTEGER,\n" \
	"  dead_len INTEGER,\n" \
	"  injured INTEGER,\n" \
	"  injured_start INTEGER,\n" \
	"  injured_len INTEGER,\n" \
	"  arrested INTEGER,\n" \
	"  arrested_start INTEGER,\n" \
	"  arrested_len INTEGER,\n" \
	"  trigger_start INTEGER NOT NULL,\n" \
	"  trigger_len INTEGER NOT NULL,\n" \
	"  sentence_start INTEGER NOT NULL,\n" \
	"  sentence_len INTEGER NOT NULL,\n" \
	"  cameo INTEGER,\n" \
	"  acled_event_type INTEGER,\n" \
	"  acled_sub_event_type INTEGER,\n" \
	"  flags INTEGER NOT NULL,\n" /* see the view */ \
	"  confidence INTEGER\n" \
	");\n"

/* The view `events` and `counted_events`, with LABEL(column) the
 * expression that gives a label back: a subquery in the file, so that any
 * SQLite reads it; lw_label in the TEMP views that lapwing's read-only
 * connections put in front of them (attach_labels), which is faster. */
#define EVENT_VIEWS(CREATE, LABEL, ROWS) \
	CREATE " VIEW events AS SELECT\n" \
	"  e.id AS id, e.id >> 24 AS doc, e.id & 16777215 AS ord,\n" \
	"  " LABEL("type") ",\n" \
	"  " LABEL("mode") ",\n" \
	"  e.source_entity,\n" \
	"  " LABEL("source_name") ",\n" \
	"  " LABEL("source_code") ",\n" \
	"  e.source_start,\n" \
	"  e.source_start + e.source_len AS source_end,\n" \
	"  e.target_entity,\n" \
	"  " LABEL("target_name") ",\n" \
	"  " LABEL("target_code") ",\n" \
	"  e.target_start,\n" \
	"  e.target_start + e.target_len AS target_end,\n" \
	"  e.location_entity,\n" \
	"  " LABEL("location_name") ",\n" \
	"  " LABEL("location_kind") ",\n" \
	"  " LABEL("country") ",\n" \
	"  " LABEL("admin1") ",\n" \
	"  " LABEL("admin2") ",\n" \
	"  e.lat / 10000.0 AS lat,\n" \
	"  e.lon / 10000.0 AS lon,\n" \
	"  e.location_start,\n" \
	"  e.location_start + e.location_len AS location_end,\n" \
	"  " LABEL("date") ",\n" \
	"  " LABEL("date_precision") ",\n" \
	"  e.date_start,\n" \
	"  e.date_start + e.date_len AS date_end,\n" \
	"  " LABEL("day") ",\n" \
	"  e.dead,\n" \
	"  CASE WHEN e.dead IS NULL THEN NULL ELSE (e.flags >> 3) & 1 END AS dead_approx,\n" \
	"  e.dead_start,\n" \
	"  e.dead_start + e.dead_len AS dead_end,\n" \
	"  e.injured,\n" \
	"  CASE WHEN e.injured IS NULL THEN NULL ELSE (e.flags >> 4) & 1 END AS injured_approx,\n" \
	"  e.injured_start,\n" \
	"  e.injured_start + e.injured_len AS injured_end,\n" \
	"  e.arrested,\n" \
	"  CASE WHEN e.arrested IS NULL THEN NULL ELSE (e.flags >> 5) & 1 END AS arrested_approx,\n" \
	"  e.arrested_start,\n" \
	"  e.arrested_start + e.arrested_len AS arrested_end,\n" \
	"  e.trigger_start,\n" \
	"  e.trigger_start + e.trigger_len AS trigger_end,\n" \
	"  e.sentence_start,\n" \
	"  e.sentence_start + e.sentence_len AS sentence_end,\n" \
	"  " LABEL("cameo") ",\n" \
	"  " LABEL("acled_event_type") ",\n" \
	"  " LABEL("acled_sub_event_type") ",\n" \
	"  e.flags & 1 AS negated,\n" \
	"  (e.flags >> 1) & 1 AS speculative,\n" \
	"  (e.flags >> 2) & 1 AS background,\n" \
	"  e.confidence / 100.0 AS confidence\n" \
	"FROM " ROWS " e;\n" \
	CREATE " VIEW counted_events AS\n" \
	"  SELECT * FROM events WHERE negated = 0 AND speculative = 0 AND background = 0;\n"
#define LABEL_SUBQUERY(c) "(SELECT text FROM labels WHERE id = e." c ") AS " c
#define LABEL_FUNCTION(c) "lw_label(e." c ") AS " c
#define EVENT_VIEWS_SQL EVENT_VIEWS("CREATE", LABEL_SUBQUERY, "event_rows")

static const char temp_views_sql[] =
	EVENT_VIEWS("CREATE TEMP", LABEL_FUNCTION, "main.event_rows");

/*
 * FTS5 merges the index's segments as they pile up: every commit writes
 * one, and by default four of a level are merged into one of the next,
 * so each entry is rewritten once per level. Sixteen per level mean
 * fewer levels: on the benchmark corpus (72 batches) the index costs a
 * quarter less to build (20 to 15 billion instructions, measured with
 * the sqlite3 shell), the file is no larger and queries as fast (a
 * search reads a few more segments). FTS5 allows up to 64.
 */
#define FTS_AUTOMERGE_SQL "INSERT INTO documents_fts(documents_fts, rank) VALUES('automerge', 16);\n"

static const char *const schema_sql[] = {
	"CREATE TABLE meta(\n"
	"  key TEXT PRIMARY KEY,\n"
	"  value TEXT\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE documents(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  doc_id TEXT NOT NULL UNIQUE,\n"
	"  hash BLOB NOT NULL,\n"
	"  date TEXT,\n"
	"  title TEXT,\n"
	"  source TEXT,\n"
	"  url TEXT,\n"
	"  dateline_start INTEGER,\n"
	"  dateline_end INTEGER,\n"
	"  dateline_place_start INTEGER,\n"
	"  dateline_place_end INTEGER,\n"
	"  dateline_date TEXT,\n"
	"  entities TEXT NOT NULL,\n"
	"  quotes TEXT NOT NULL,\n"
	"  text_complete INTEGER NOT NULL,\n"
	"  text TEXT NOT NULL,\n"
	"  entities_size INTEGER,\n" /* set when entities is deflated */
	"  quotes_size INTEGER\n"
	");\n"
	/* the text is indexed where it is stored: no second copy */
	"CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents',\n"
	"  content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n"
	/* index leaves of 16 KB, not FTS5's 4 KB: fewer, fuller blobs in our
	 * 64 KiB pages (benchmark corpus: 2.6% smaller file, the writer
	 * about 8% faster) */
	"INSERT INTO documents_fts(documents_fts, rank) VALUES('pgsz', 16000);\n"
	FTS_AUTOMERGE_SQL,
	DOC_VIEWS_SQL,
	EVENT_TABLES_SQL,
	EVENT_VIEWS_SQL,
	NULL};

/* Schema 1 to 2: the events table becomes event_rows and the view. */
static const char *const migrate_1_2_sql[] = {
	"ALTER TABLE events RENAME TO events_v1;\n"
	"DROP VIEW counted_events;\n"
	"ALTER TABLE documents ADD COLUMN entities_size INTEGER;\n"
	"ALTER TABLE documents ADD COLUMN quotes_size INTEGER;\n"
	"DROP VIEW entities;\n"
	"DROP VIEW mentions;\n"
	"DROP VIEW quotes;\n"
	"INSERT INTO documents_fts(documents_fts, rank) VALUES('pgsz', 16000);\n"
	FTS_AUTOMERGE_SQL,
	DOC_VIEWS_SQL,
	EVENT_TABLES_SQL,
	"INSERT OR IGNORE INTO labels(text)\n"
	"  SELECT type FROM events_v1 WHERE type IS NOT NULL\n"
	"  UNION SELECT mode FROM events_v1 WHERE mode IS NOT NULL\n"
	"  UNION SELECT source_name FROM events_v1 WHERE source_name IS NOT NULL\n"
	"  UNION SELECT source_code FROM events_v1 WHERE source_code IS NOT NULL\n"
	"  UNION SELECT target_name FROM events_v1 WHERE target_name IS NOT NULL\n"
	"  UNION SELECT target_code FROM events_v1 WHERE target_code IS NOT NULL\n"
	"  UNION SELECT location_name FROM events_v1 WHERE location_name IS NOT NULL\n"
	"  UNION SELECT location_kind FROM events_v1 WHERE location_kind IS NOT NULL\n"
	"  UNION SELECT country FROM events_v1 WHERE country IS NOT NULL\n"
	"  UNION SELECT admin1 FROM events_v1 WHERE admin1 IS NOT NULL\n"
	"  UNION SELECT admin2 FROM events_v1 WHERE admin2 IS NOT NULL\n"
	"  UNION SELECT date FROM events_v1 WHERE date IS NOT NULL\n"
	"  UNION SELECT date_precision FROM events_v1 WHERE date_precision IS NOT NULL\n"
	"  UNION SELECT day FROM events_v1 WHERE day IS NOT NULL\n"
	"  UNION SELECT cameo FROM events_v1 WHERE cameo IS NOT NULL\n"
	"  UNION SELECT acled_event_type FROM events_v1 WHERE acled_event_type IS NOT NULL\n"
	"  UNION SELECT acled_sub_event_type FROM events_v1 WHERE acled_sub_event_type IS NOT NULL;\n",
	"INSERT INTO event_rows SELECT v.id,\n"
	"  (SELECT id FROM labels WHERE text = v.type),\n"
	"  (SELECT id FROM labels WHERE text = v.mode),\n"
	"  v.source_entity,\n"
	"  (SELECT id FROM labels WHERE text = v.source_name),\n"
	"  (SELECT id FROM labels WHERE text = v.source_code),\n"
	"  v.source_start,\n"
	"  v.source_end - v.source_start,\n"
	"  v.target_entity,\n"
	"  (SELECT id FROM labels WHERE text = v.target_name),\n"
	"  (SELECT id FROM labels WHERE text = v.target_code),\n"
	"  v.target_start,\n"
	"  v.target_end - v.target_start,\n"
	"  v.location_entity,\n"
	"  (SELECT id FROM labels WHERE text = v.location_name),\n"
	"  (SELECT id FROM labels WHERE text = v.location_kind),\n"
	"  (SELECT id FROM labels WHERE text = v.country),\n"
	"  (SELECT id FROM labels WHERE text = v.admin1),\n"
	"  (SELECT id FROM labels WHERE text = v.admin2),\n"
	"  CAST(round(v.lat * 10000) AS INTEGER),\n"
	"  CAST(round(v.lon * 10000) AS INTEGER),\n"
	"  v.location_start,\n"
	"  v.location_end - v.location_start,\n"
	"  (SELECT id FROM labels WHERE text = v.date),\n"
	"  (SELECT id FROM labels WHERE text = v.date_precision),\n"
	"  v.date_start,\n"
	"  v.date_end - v.date_start,\n"
	"  (SELECT id FROM labels WHERE text = v.day),\n"
	"  v.dead,\n"
	"  v.dead_start,\n"
	"  v.dead_end - v.dead_start,\n"
	"  v.injured,\n"
	"  v.injured_start,\n"
	"  v.injured_end - v.injured_start,\n"
	"  v.arrested,\n"
	"  v.arrested_start,\n"
	"  v.arrested_end - v.arrested_start,\n"
	"  v.trigger_start,\n"
	"  v.trigger_end - v.trigger_start,\n"
	"  v.sentence_start,\n"
	"  v.sentence_end - v.sentence_start,\n"
	"  (SELECT id FROM labels WHERE text = v.cameo),\n"
	"  (SELECT id FROM labels WHERE text = v.acled_event_type),\n"
	"  (SELECT id FROM labels WHERE text = v.acled_sub_event_type),\n"
	"  v.negated | (v.speculative << 1) | (v.background << 2) | (ifnull(v.dead_approx, 0) << 3)\n"
	"    | (ifnull(v.injured_approx, 0) << 4) | (ifnull(v.arrested_approx, 0) << 5),\n"
	"  CAST(round(v.confidence * 100) AS INTEGER)\n"
	"FROM events_v1 v ORDER BY v.id;\n"
	"DROP TABLE events_v1;\n",
	EVENT_VIEWS_SQL,
	NULL};

lw_status lw_store_fail(lw_error *err, lw_status st, const char *doc, const char *fmt, ...)
{
	if (err) {
		memset(err, 0, sizeof *err);
		err->status = st;
		err->offset = -1;
		snprintf(err->doc, sizeof err->doc, "%s", doc ? doc : "");
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->message, sizeof err->message, fmt, ap);
		va_end(ap);
	}
	return st;
}

lw_status lw_store_dbfail(struct lw_store *s, lw_error *err, const char *what)
{
	int code = sqlite3_extended_errcode(s->db);
	lw_status st = (code & 0xff) == SQLITE_NOMEM ? LW_ENOMEM : LW_EDB;
	return lw_store_fail(err, st, s->path, "%s: %s", what, sqlite3_errmsg(s->db));
}

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* A script in parts (ISO C compilers need not take longer strings). */
static int exec_all(sqlite3 *db, const char *const *sql)
{
	for (; *sql; sql++)
		if (exec(db, *sql) != SQLITE_OK)
			return SQLITE_ERROR;
	return SQLITE_OK;
}

/* An integer PRAGMA or query result; -1 on error. */
static int64_t query_int(sqlite3 *db, const char *sql, int *rc)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	*rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (*rc != SQLITE_OK)
		return -1;
	*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		*rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return v;
}

/* The longest entities or quotes JSON unpack makes: SQLite's own limit on
 * a value (SQLITE_MAX_LENGTH). */
#define LW_UNPACK_MAX 1000000000

/*
 * sqlar_uncompress(data, size), as the sqlite3 shell defines it for its
 * archives: `data` deflated (zlib) from `size` bytes; returned unchanged
 * when size is NULL, not positive, or data's own length. Written here
 * rather than loaded: the shell's extension is not a library Debian
 * ships, and the function is a dozen lines over zlib.
 */
static void unpack(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const void *z = sqlite3_value_blob(argv[0]);
	int n = sqlite3_value_bytes(argv[0]);
	sqlite3_int64 size = sqlite3_value_int64(argv[1]);
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL || size <= 0 || size == n) {
		sqlite3_result_value(cx, argv[0]);
		return;
	}
	if (size > LW_UNPACK_MAX) {
		sqlite3_result_error_toobig(cx);
		return;
	}
	Bytef *out = sqlite3_malloc64((sqlite3_uint64)size);
	uLongf len = (uLongf)size;
	if (!out) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	if (!z || uncompress(out, &len, z, (uLong)n) != Z_OK || len != (uLongf)size) {
		sqlite3_free(out);
		sqlite3_result_error(cx, "sqlar_uncompress: damaged data", -1);
		return;
	}
	sqlite3_result_blob64(cx, out, len, sqlite3_free);
}

/*
 * lw_unpack(data): what lapwing's own readers call (export.c, search.c):
 * a blob is deflated JSON and comes back as text, anything else as it
 * is. It needs no length, so it reads schema 1 stores (plain text, no
 * *_size columns) opened read-only as well.
 */
static void unpack_any(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
		sqlite3_result_value(cx, argv[0]);
		return;
	}
	const void *z = sqlite3_value_blob(argv[0]);
	int n = sqlite3_value_bytes(argv[0]);
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	if (inflateInit(&zs) != Z_OK) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	zs.next_in = (Bytef *)(uintptr_t)z;
	zs.avail_in = (uInt)n;
	size_t cap = (size_t)n * 4 + 64, len = 0;
	unsigned char *out = NULL;
	int rc = Z_OK;
	while (rc == Z_OK) {
		unsigned char *grown = cap > LW_UNPACK_MAX ? NULL : sqlite3_realloc64(out, cap);
		if (!grown) {
			rc = Z_MEM_ERROR;
			break;
		}
		out = grown;
		zs.next_out = out + len;
		zs.avail_out = (uInt)(cap - len);
		rc = inflate(&zs, Z_NO_FLUSH);
		len = cap - zs.avail_out;
		if (rc == Z_OK || (rc == Z_BUF_ERROR && zs.avail_out == 0)) {
			rc = Z_OK;
			cap *= 2;
		}
	}
	inflateEnd(&zs);
	if (rc != Z_STREAM_END) {
		sqlite3_free(out);
		if (rc == Z_MEM_ERROR)
			sqlite3_result_error_nomem(cx);
		else
			sqlite3_result_error(cx, "lw_unpack: damaged data", -1);
		return;
	}
	sqlite3_result_text64(cx, (const char *)out, len, sqlite3_free, SQLITE_UTF8);
}

/* ---- lw_label: labels from memory, for the readers ---- */

/* A copy of the labels table, loaded on first use and extended when an id
 * beyond it turns up (labels are only ever added, with ids above the
 * rest, and never change: a copy stays true for a reader). The texts are
 * handed to SQLite without a copy (SQLITE_STATIC), so they never move:
 * each load adds a block, and the blocks live as long as the connection. */
struct label_block {
	struct label_block *next;
	char text[];
};

struct label_cache {
	sqlite3 *db;
	const char **text;  /* text of id i, len[i] bytes; ids 0 .. n - 1 */
	int *len;
	int64_t n;
	struct label_block *blocks;
};

static void label_cache_free(void *p)
{
	struct label_cache *c = p;
	if (!c)
		return;
	while (c->blocks) {
		struct label_block *next = c->blocks->next;
		free(c->blocks);
		c->blocks = next;
	}
	free(c->text);
	free(c->len);
	free(c);
}

/* Load every label with an id of n or more. 0 or -1. */
static int label_cache_load(struct label_cache *c)
{
	sqlite3_stmt *st;
	struct lw_buf text = LW_BUF_INIT, ids = LW_BUF_INIT; /* ids: (id, offset, length) */
	if (sqlite3_prepare_v2(c->db, "SELECT id, text FROM labels WHERE id >= ?1 ORDER BY id", -1,
			       &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, c->n);
	int rc;
	int64_t top = c->n;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t row[3] = {sqlite3_column_int64(st, 0), (int64_t)text.len, 0};
		const char *t = (const char *)sqlite3_column_text(st, 1);
		row[2] = sqlite3_column_bytes(st, 1);
		if (row[0] < top || row[0] >= INT32_MAX)
			continue;
		lw_buf_add(&text, t ? t : "", (size_t)row[2]);
		lw_buf_add(&ids, row, sizeof row);
		top = row[0] + 1;
	}
	sqlite3_finalize(st);
	int ok = rc == SQLITE_DONE && !text.failed && !ids.failed;
	struct label_block *b = ok && top > c->n ? malloc(sizeof *b + text.len + 1) : NULL;
	const char **nt = b ? realloc(c->text, (size_t)top * sizeof *nt) : NULL;
	if (nt)
		c->text = nt;
	int *nl = nt ? realloc(c->len, (size_t)top * sizeof *nl) : NULL;
	if (nl)
		c->len = nl;
	if (nl) {
		memcpy(b->text, text.ptr ? text.ptr : "", text.len);
		b->next = c->blocks;
		c->blocks = b;
		for (int64_t k = c->n; k < top; k++) {
			c->text[k] = b->text; /* an id with no row (none are made so) reads as "" */
			c->len[k] = 0;
		}
		const int64_t *row = (const int64_t *)(const void *)ids.ptr;
		for (size_t k = 0; k < ids.len / sizeof(int64_t[3]); k++) {
			c->text[row[3 * k]] = b->text + row[3 * k + 1];
			c->len[row[3 * k]] = (int)row[3 * k + 2];
		}
		c->n = top;
	} else if (b) {
		free(b);
	}
	lw_buf_release(&text);
	lw_buf_release(&ids);
	return ok && (top == c->n) ? 0 : -1;
}

/* lw_label(id): the label's text; NULL for NULL. */
static void label_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	struct label_cache *c = sqlite3_user_data(cx);
	int64_t id = sqlite3_value_int64(argv[0]);
	if (id >= c->n && label_cache_load(c) != 0) {
		sqlite3_result_error(cx, "lw_label: cannot read the labels", -1);
		return;
	}
	if (id < 0 || id >= c->n) {
		sqlite3_result_null(cx); /* as the subquery of the view in the file */
		return;
	}
	sqlite3_result_text(cx, c->text[id], c->len[id], SQLITE_STATIC);
}

/* On a read-only connection to a schema 2 store: lw_label and the TEMP
 * views `events` and `counted_events`, which hide the file's views of the
 * same names on this connection only. Export reads all fifteen label
 * columns of every event; the file's view does an index lookup for each. */
static int attach_labels(sqlite3 *db)
{
	struct label_cache *c = calloc(1, sizeof *c);
	if (!c)
		return -1;
	c->db = db;
	if (sqlite3_create_function_v2(db, "lw_label", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, c,
				       label_fn, NULL, NULL, label_cache_free) != SQLITE_OK)
		return -1; /* c is freed by SQLite */
	return exec(db, temp_views_sql) == SQLITE_OK ? 0 : -1;
}

static void tune(sqlite3 *db, int writer)
{
	sqlite3_extended_result_codes(db, 1);
	sqlite3_create_function_v2(db, "lw_unpack", 1,
				   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				   unpack_any, NULL, NULL, NULL);
	sqlite3_create_function_v2(db, "sqlar_uncompress", 2,
				   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, unpack,
				   NULL, NULL, NULL);
	sqlite3_busy_timeout(db, LW_BUSY_MS);
	if (writer) {
		/* WAL with synchronous=NORMAL: a commit survives a killed process
		 * and a crash of the machine never corrupts the file (it may lose
		 * the last commits) */
		exec(db, "PRAGMA synchronous=NORMAL");
		exec(db, "PRAGMA temp_store=MEMORY");
	}
}

static lw_status create_schema(struct lw_store *s, lw_error *err)
{
	char sql[256];
	int rc;
	/* page size and WAL only on an empty file: they rewrite its header */
	snprintf(sql, sizeof sql, "PRAGMA page_size=%d", LW_PAGE_SIZE);
	if (exec(s->db, sql) != SQLITE_OK || exec(s->db, "PRAGMA journal_mode=WAL") != SQLITE_OK)
		return lw_store_dbfail(s, err, "cannot create the store");
	if (exec(s->db, "BEGIN IMMEDIATE") != SQLITE_OK)
		return lw_store_dbfail(s, err, "cannot create the store");
	/* another process may have made it meanwhile */
	if (query_int(s->db, "SELECT count(*) FROM sqlite_schema", &rc) != 0) {
		exec(s->db, "ROLLBACK");
		return LW_DONE;
	}
	snprintf(sql, sizeof sql,
		 "PRAGMA application_id=%d; PRAGMA user_version=%d;"
		 "INSERT INTO meta VALUES('schema', '%d'), ('contract', '%d'),"
		 "('created_by', 'lapwing %s');",
		 LW_APP_ID, LW_STORE_SCHEMA_VERSION, LW_STORE_SCHEMA_VERSION, LW_CONTRACT_VERSION,
		 LW_VERSION_STRING);
	if (exec_all(s->db, schema_sql) != SQLITE_OK || exec(s->db, sql) != SQLITE_OK) {
		lw_status st = lw_store_dbfail(s, err, "cannot create the tables");
		exec(s->db, "ROLLBACK");
		return st;
	}
	if (exec(s->db, "COMMIT") != SQLITE_OK) {
		lw_status st = lw_store_dbfail(s, err, "cannot create the tables");
		exec(s->db, "ROLLBACK");
		return st;
	}
	return LW_OK;
}

/* Bring a schema 1 store to schema 2 in one transaction: all or nothing,
 * and a second writer that waited for the lock finds the work done. The
 * file keeps its size until a VACUUM (docs/store.md). */
static lw_status migrate_1_2(struct lw_store *s, lw_error *err)
{
	int rc;
	char sql[160];
	if (exec(s->db, "BEGIN IMMEDIATE") != SQLITE_OK)
		return lw_store_dbfail(s, err, "cannot update the store to schema 2");
	if (query_int(s->db, "PRAGMA user_version", &rc) != 1) {
		exec(s->db, "ROLLBACK");
		return rc == SQLITE_OK ? LW_OK : lw_store_dbfail(s, err, "cannot read the database");
	}
	snprintf(sql, sizeof sql,
		 "PRAGMA user_version=%d; UPDATE meta SET value='%d' WHERE key='schema';"
		 "INSERT OR REPLACE INTO meta VALUES('migrated_by', 'lapwing %s');",
		 LW_STORE_SCHEMA_VERSION, LW_STORE_SCHEMA_VERSION, LW_VERSION_STRING);
	if (exec_all(s->db, migrate_1_2_sql) != SQLITE_OK || exec(s->db, sql) != SQLITE_OK ||
	    exec(s->db, "COMMIT") != SQLITE_OK) {
		lw_status st = lw_store_dbfail(s, err, "cannot update the store to schema 2");
		exec(s->db, "ROLLBACK");
		return st;
	}
	return LW_OK;
}

/* Is this file ours and of our version? Reads only, except that a writer
 * updates a schema 1 store (migrate_1_2). LW_DONE: an empty
 * database (no tables), which the caller may fill. */
static lw_status check_version(struct lw_store *s, lw_error *err)
{
	int rc;
	int64_t app = query_int(s->db, "PRAGMA application_id", &rc);
	if (rc == SQLITE_NOTADB || (rc & 0xff) == SQLITE_NOTADB)
		return lw_store_fail(err, LW_EDB, s->path, "not an SQLite database");
	if (rc != SQLITE_OK)
		return lw_store_dbfail(s, err, "cannot read the database");
	int64_t version = query_int(s->db, "PRAGMA user_version", &rc);
	int64_t objects = query_int(s->db, "SELECT count(*) FROM sqlite_schema", &rc);
	if (rc != SQLITE_OK)
		return lw_store_dbfail(s, err, "cannot read the database");
	if (app == LW_APP_ID) {
		if (version == LW_STORE_SCHEMA_VERSION)
			return LW_OK;
		/* schema 1 reads as 2 does (the view `events` has its columns);
		 * a writer brings it up to date first */
		if (version == 1)
			return s->readonly ? LW_OK : migrate_1_2(s, err);
		return lw_store_fail(err, LW_EVERSION, s->path,
				     "store schema version %lld, but this lapwing (%s) reads "
				     "versions 1 to %d only; the file was not changed (open it with "
				     "the lapwing that made it, or ingest again into a new file)",
				     (long long)version, LW_VERSION_STRING, LW_STORE_SCHEMA_VERSION);
	}
	if (app != 0)
		return lw_store_fail(err, LW_EVERSION, s->path,
				     "not a lapwing store (SQLite application id 0x%llx); the file "
				     "was not changed",
				     (unsigned long long)app);
	if (objects > 0)
		return lw_store_fail(err, LW_EVERSION, s->path,
				     "not a lapwing store (an SQLite database with other tables); "
				     "the file was not changed");
	return LW_DONE;
}

lw_status lw_store_open(const char *path, unsigned flags, lw_store **out, lw_error *err)
{
	*out = NULL;
	if (!path || !*path)
		return lw_store_fail(err, LW_EARG, "", "no database file given");
	int readonly = (flags & LW_STORE_READONLY) != 0;
	int create = !readonly && (flags & LW_STORE_CREATE);
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT || !create)
			return lw_store_fail(err, LW_EIO, path, "cannot open the store: %s%s",
					     strerror(errno),
					     errno == ENOENT ? " (lapwing ingest makes it)" : "");
	} else if (S_ISDIR(sb.st_mode)) {
		return lw_store_fail(err, LW_EIO, path, "is a directory, not a store");
	}
	struct lw_store *s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		free(s);
		return lw_store_fail(err, LW_ENOMEM, path, "out of memory");
	}
	s->readonly = readonly;
	int oflags = SQLITE_OPEN_NOMUTEX |
		     (readonly ? SQLITE_OPEN_READONLY
			       : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
	lw_status st = LW_OK;
	if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
		st = s->db ? lw_store_dbfail(s, err, "cannot open the store")
			   : lw_store_fail(err, LW_ENOMEM, path, "out of memory");
		goto fail;
	}
	tune(s->db, !readonly);
	for (int tries = 0; tries < 2; tries++) {
		st = check_version(s, err);
		if (st != LW_DONE)
			break;
		if (!create) {
			st = lw_store_fail(err, LW_EVERSION, path,
					   "an empty database, not a lapwing store (lapwing ingest "
					   "makes one)");
			break;
		}
		st = create_schema(s, err);
		if (st != LW_DONE)
			break;
	}
	if (st != LW_OK)
		goto fail;
	int rc;
	if (readonly && query_int(s->db, "PRAGMA user_version", &rc) == LW_STORE_SCHEMA_VERSION &&
	    attach_labels(s->db) != 0) {
		st = lw_store_dbfail(s, err, "cannot read the labels");
		goto fail;
	}
	if (!readonly && exec(s->db, "PRAGMA journal_mode=WAL") != SQLITE_OK) {
		st = lw_store_dbfail(s, err, "cannot switch to WAL");
		goto fail;
	}
	/* in KiB: turned into pages of the file's size, so only now */
	exec(s->db, "PRAGMA cache_size=-" LW_CACHE_KIB);
	*out = s;
	return LW_OK;
fail:
	sqlite3_close(s->db);
	free(s->path);
	free(s);
	return st;
}

lw_status lw_store_begin(lw_store *s, lw_error *err)
{
	if (s->readonly)
		return lw_store_fail(err, LW_EARG, s->path, "the store is open read-only");
	if (s->in_tx)
		return LW_OK;
	if (exec(s->db, "BEGIN IMMEDIATE") != SQLITE_OK)
		return lw_store_dbfail(s, err, "cannot begin a transaction");
	if (lw_label_ids_begin(s) != 0) {
		lw_status st = lw_store_dbfail(s, err, "cannot read the labels");
		exec(s->db, "ROLLBACK");
		return st;
	}
	s->in_tx = 1;
	return LW_OK;
}

lw_status lw_store_commit(lw_store *s, lw_error *err)
{
	if (!s->in_tx)
		return LW_OK;
	if (exec(s->db, "COMMIT") != SQLITE_OK) {
		lw_status st = lw_store_dbfail(s, err, "cannot commit");
		exec(s->db, "ROLLBACK");
		s->in_tx = 0;
		return st;
	}
	s->in_tx = 0;
	s->labels.committed = 1;
	return LW_OK;
}

lw_status lw_store_close(lw_store *s)
{
	if (!s)
		return LW_OK;
	lw_status st = lw_store_commit(s, NULL);
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	if (!s->readonly)
		exec(s->db, "PRAGMA optimize");
	if (sqlite3_close(s->db) != SQLITE_OK && st == LW_OK)
		st = LW_EDB;
	lw_label_ids_release(&s->labels);
	free(s->path);
	free(s);
	return st;
}

lw_status lw_store_open_reader(const char *path, sqlite3 **out, lw_error *err)
{
	*out = NULL;
	if (sqlite3_open_v2(path, out, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		lw_status st = lw_store_fail(err, LW_EDB, path, "cannot open the store: %s",
					     *out ? sqlite3_errmsg(*out) : "out of memory");
		sqlite3_close(*out);
		*out = NULL;
		return st;
	}
	tune(*out, 0);
	return LW_OK;
}
