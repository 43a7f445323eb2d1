/*
 * schema.c: the store's tables (docs/store.md), opening a store, and the
 * version check that keeps lapwing from writing to a database it does not
 * understand. What the rows mean is in docs/store.md; writing them is
 * write.c's job, reading them query.c's, export.c's and search.c's.
 *
 * A file is a lapwing store when its SQLite application_id is LW_APP_ID;
 * its user_version is the schema version. Both are read before anything
 * is written, so a database of another version (or another program) is
 * refused untouched: not even its journal mode is changed.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static const char schema_sql[] =
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
	"  text TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE events(\n"
	"  id INTEGER PRIMARY KEY,\n" /* doc << 24 | ord: appended in order, no index */
	"  doc INTEGER NOT NULL,\n"
	"  ord INTEGER NOT NULL,\n"
	"  type TEXT NOT NULL,\n"
	"  mode TEXT,\n"
	"  source_entity INTEGER,\n"
	"  source_name TEXT,\n"
	"  source_code TEXT,\n"
	"  source_start INTEGER,\n"
	"  source_end INTEGER,\n"
	"  target_entity INTEGER,\n"
	"  target_name TEXT,\n"
	"  target_code TEXT,\n"
	"  target_start INTEGER,\n"
	"  target_end INTEGER,\n"
	"  location_entity INTEGER,\n"
	"  location_name TEXT,\n"
	"  location_kind TEXT,\n"
	"  country TEXT,\n"
	"  admin1 TEXT,\n"
	"  admin2 TEXT,\n"
	"  lat REAL,\n"
	"  lon REAL,\n"
	"  location_start INTEGER,\n"
	"  location_end INTEGER,\n"
	"  date TEXT,\n"
	"  date_precision TEXT,\n"
	"  date_start INTEGER,\n"
	"  date_end INTEGER,\n"
	"  day TEXT,\n"
	"  dead INTEGER,\n"
	"  dead_approx INTEGER,\n"
	"  dead_start INTEGER,\n"
	"  dead_end INTEGER,\n"
	"  injured INTEGER,\n"
	"  injured_approx INTEGER,\n"
	"  injured_start INTEGER,\n"
	"  injured_end INTEGER,\n"
	"  arrested INTEGER,\n"
	"  arrested_approx INTEGER,\n"
	"  arrested_start INTEGER,\n"
	"  arrested_end INTEGER,\n"
	"  trigger_start INTEGER NOT NULL,\n"
	"  trigger_end INTEGER NOT NULL,\n"
	"  sentence_start INTEGER NOT NULL,\n"
	"  sentence_end INTEGER NOT NULL,\n"
	"  cameo TEXT,\n"
	"  acled_event_type TEXT,\n"
	"  acled_sub_event_type TEXT,\n"
	"  negated INTEGER NOT NULL,\n"
	"  speculative INTEGER NOT NULL,\n"
	"  background INTEGER NOT NULL,\n"
	"  confidence REAL\n"
	");\n"
	/* the text is indexed where it is stored: no second copy */
	"CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents',\n"
	"  content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n"
	/* conveniences for people who query with SQL */
	"CREATE VIEW entities AS\n"
	"  SELECT d.id AS doc, e.key AS ord,\n"
	"    json_extract(e.value, '$[0]') AS id,\n"
	"    json_extract(e.value, '$[1]') AS type,\n"
	"    json_extract(e.value, '$[2]') AS name,\n"
	"    json_extract(e.value, '$[3]') AS mentions,\n"
	"    json_extract(e.value, '$[4]') AS actor,\n"
	"    json_extract(e.value, '$[5]') AS place_kind,\n"
	"    json_extract(e.value, '$[6]') AS country,\n"
	"    json_extract(e.value, '$[7]') AS admin1,\n"
	"    json_extract(e.value, '$[8]') AS admin2,\n"
	"    json_extract(e.value, '$[9]') AS lat,\n"
	"    json_extract(e.value, '$[10]') AS lon\n"
	"  FROM documents d, json_each(d.entities) e;\n"
	"CREATE VIEW mentions AS\n"
	"  SELECT d.id AS doc, json_extract(e.value, '$[0]') AS entity,\n"
	"    json_extract(m.value, '$[0]') AS start, json_extract(m.value, '$[1]') AS end\n"
	"  FROM documents d, json_each(d.entities) e, json_each(e.value, '$[3]') m;\n"
	"CREATE VIEW quotes AS\n"
	"  SELECT d.id AS doc, q.key AS ord,\n"
	"    json_extract(q.value, '$[0]') AS start,\n"
	"    json_extract(q.value, '$[1]') AS end,\n"
	"    json_extract(q.value, '$[2]') AS speaker_entity,\n"
	"    json_extract(q.value, '$[3]') AS speaker_name,\n"
	"    json_extract(q.value, '$[4]') AS speaker_start,\n"
	"    json_extract(q.value, '$[5]') AS speaker_end,\n"
	"    json_extract(q.value, '$[6]') AS description_start,\n"
	"    json_extract(q.value, '$[7]') AS description_end,\n"
	"    json_extract(q.value, '$[8]') AS cue_start,\n"
	"    json_extract(q.value, '$[9]') AS cue_end,\n"
	"    json_extract(q.value, '$[10]') AS confidence,\n"
	"    CAST(substr(CAST(d.text AS BLOB), json_extract(q.value, '$[0]') + 1,\n"
	"      json_extract(q.value, '$[1]') - json_extract(q.value, '$[0]')) AS TEXT) AS text\n"
	"  FROM documents d, json_each(d.quotes) q;\n"
	"CREATE VIEW counted_events AS\n"
	"  SELECT * FROM events WHERE negated = 0 AND speculative = 0 AND background = 0;\n";

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

static void tune(sqlite3 *db, int writer)
{
	sqlite3_extended_result_codes(db, 1);
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
	if (exec(s->db, schema_sql) != SQLITE_OK || exec(s->db, sql) != SQLITE_OK) {
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

/* Is this file ours and of our version? Reads only. LW_DONE: an empty
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
		return lw_store_fail(err, LW_EVERSION, s->path,
				     "store schema version %lld, but this lapwing (%s) reads "
				     "version %d only; the file was not changed (open it with the "
				     "lapwing that made it, or ingest again into a new file)",
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
