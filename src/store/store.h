/*
 * store.h: the parts of the store (src/store) that share more than the
 * public API: the handle, the record a writer stores, and the helpers the
 * files call across. Internal; docs/store.md describes the schema.
 */
#ifndef LW_STORE_H
#define LW_STORE_H

#include <sqlite3.h>
#include <stdint.h>
/* the state structs, to keep a hash on the stack */
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "lapwing.h"
#include "../util/arena.h"
#include "../util/buf.h"

/* Documents per transaction and its longest duration: large enough that
 * the commit (a WAL append and, at times, a checkpoint) is amortised,
 * small enough that a killed ingest loses little work. */
/* An event's row id is its document's row id shifted left by 24 bits,
 * plus its place among the document's events: rows go in at the end, in
 * document order, with no second index. Hence at most this many events in
 * one document (a 64 MB document of one-word sentences would come close). */
#define LW_STORE_EVENT_BITS 24
#define LW_STORE_MAX_EVENTS ((size_t)1 << LW_STORE_EVENT_BITS)

#define LW_STORE_BATCH_DOCS 500
#define LW_STORE_BATCH_MS 2000

/* Prepared statements of the writer, created on first use. */
enum store_stmt {
	ST_FIND,        /* id, hash of a document id */
	ST_FTS_DELETE,  /* take a document's text out of the index */
	ST_DEL_EVENT,
	ST_DEL_DOC,
	ST_INS_DOC,
	ST_INS_FTS,
	ST_INS_EVENT,
	ST_LABEL_FIND,  /* the id of a label (schema.c: EVENTS_SQL) */
	ST_LABEL_ADD,
	ST_COUNT
};

/* The labels a writer knows (write.c): one hash probe instead of an index
 * lookup for values that repeat thousands of times. Labels are only ever
 * added (lapwing never deletes or changes one), so what a committed
 * transaction knew stays true: the map is kept from one transaction to
 * the next, and each transaction begins by loading the labels other
 * writers added meanwhile (ids above `top`). While it holds every label
 * of the store (`complete`), a label it does not hold is new and is
 * inserted without looking it up first. */
struct lw_label_ids {
	struct lw_label_slot {
		uint64_t hash;   /* 0: empty */
		int64_t id;
		size_t off, len; /* the text, in `text` */
	} *slot;
	size_t mask, n;
	struct lw_buf text;
	int64_t top;         /* the highest id loaded from the table */
	int complete;        /* every label of the store is in the map */
	int committed;       /* the last transaction committed: the ids are true */
	int big;             /* the store has more than `max` labels: a map per transaction */
	size_t max;          /* most labels kept (LW_LABEL_CACHE_MAX; tests lower it) */
};
/* Most labels the map holds. A store of more (a very large or very varied
 * corpus) is written with a map per transaction that looks each new
 * value up in the table, as before: memory stays bounded, about 100 bytes
 * a label (the texts are mostly names of a few dozen bytes). */
#define LW_LABEL_CACHE_MAX ((size_t)1 << 20)
/* Forget every id: a transaction rolled back may have made ids that no
 * longer exist. */
void lw_label_ids_clear(struct lw_label_ids *m);
void lw_label_ids_release(struct lw_label_ids *m);
/* A transaction begins (the caller holds the write lock): forget the map
 * unless the last transaction committed, then load the labels added since
 * it was made. -1 on a database error. */
int lw_label_ids_begin(struct lw_store *s);

/* What a parameter of the event statement holds (write.c: ev_int). */
struct lw_bound {
	int64_t v;
	enum { LW_BOUND_UNKNOWN, LW_BOUND_NULL, LW_BOUND_INT } state;
};
/* Parameters of an event row (ST_INS_EVENT). */
#define LW_EVENT_PARAMS 47

struct lw_store {
	sqlite3 *db;
	char *path;
	int readonly;
	int in_tx;            /* a transaction is open (lw_store_begin) */
	sqlite3_stmt *st[ST_COUNT];
	struct lw_label_ids labels;
	struct lw_bound ev_bound[LW_EVENT_PARAMS + 1]; /* by parameter number */
};

/* The text columns of an event row (event_rows in schema.c), whose
 * values the writer turns into label ids. */
enum lw_ev_label {
	EVL_TYPE,
	EVL_MODE,
	EVL_SOURCE_NAME,
	EVL_SOURCE_CODE,
	EVL_TARGET_NAME,
	EVL_TARGET_CODE,
	EVL_LOCATION_NAME,
	EVL_LOCATION_KIND,
	EVL_COUNTRY,
	EVL_ADMIN1,
	EVL_ADMIN2,
	EVL_DATE,
	EVL_DATE_PRECISION,
	EVL_DAY,
	EVL_CAMEO,
	EVL_ACLED_TYPE,
	EVL_ACLED_SUBTYPE,
	EVL_COUNT
};

/* One of them, ready for the writer's map of labels: ptr NULL for no
 * value (SQL NULL); hash is lw_label_hash of the text. */
struct lw_rec_label {
	const char *ptr;
	size_t len;
	uint64_t hash;
};

static inline uint64_t lw_label_hash(const char *p, size_t n)
{
	return XXH64(p, n, 0) | 1; /* never 0, the empty slot of the map */
}

/* The content hash (hash.c): what decides "unchanged". */
#define LW_HASH_BYTES 16

/*
 * One document as the writer stores it: the public result types, either
 * borrowed from an lw_doc (coded here) or built from a contract JSON
 * object (coded elsewhere). All strings are (pointer, length) and live as
 * long as the record.
 */
struct lw_store_rec {
	lw_doc *doc;          /* owned, or NULL */
	struct lw_arena arena;
	lw_str id, title, source, url;
	char date[32];        /* the document date as the contract writes it, "" if none */
	lw_str text;
	int text_complete;    /* 0: rebuilt from the texts a record quotes */
	lw_dateline dateline;
	char dateline_date[32];
	const lw_entity *ent;
	size_t nent;
	const lw_quote *quote;
	size_t nquote;
	const lw_event *ev;
	size_t nev;
	unsigned char hash[LW_HASH_BYTES];
	/* the entities and quotes as stored (lw_rec_pack), in the arena:
	 * JSON, or deflated JSON of the length in *_size (0: not deflated) */
	lw_str entities_json, quotes_json;
	size_t entities_size, quotes_size;
	/* the events' text columns, EVL_COUNT per event, in the arena */
	struct lw_rec_label *ev_labels;
	int packed;
};

/* Lay out the entities and quotes as the store keeps them: JSON arrays
 * of flat arrays (docs/store.md), and the events' text columns as labels
 * (formatted dates, the day counted on, codes; hashed). Done by the
 * threads that made the record, so that the writer only binds them. */
lw_status lw_rec_pack(struct lw_store_rec *r);

void lw_rec_release(struct lw_store_rec *r);
/* Fill r from a coded document; r borrows from doc and frees it in
 * lw_rec_release. */
lw_status lw_rec_from_doc(struct lw_store_rec *r, lw_doc *doc);
/* The content hash of an input before coding (equal to the hash of its
 * result made by lw_rec_from_doc), with the fallbacks of `opt` (date,
 * country) it is coded with. */
void lw_input_hash(const lw_input *in, const lw_options *opt, unsigned char out[LW_HASH_BYTES]);

/*
 * Parse one contract JSON object into r (see lw_store_put_coded). On
 * failure returns LW_EJSON (or LW_ENOMEM) with err->message naming the
 * field and err->offset the byte. Warnings (texts that do not fit their
 * span) go to `warn` (may be NULL), one call each.
 */
typedef void (*lw_rec_warn_fn)(void *ctx, const char *message);
lw_status lw_rec_from_json(struct lw_store_rec *r, const char *json, size_t len,
			   size_t max_doc_bytes, lw_rec_warn_fn warn, void *ctx, lw_error *err);

/* A writer statement, prepared on first use; NULL on failure. */
sqlite3_stmt *lw_store_stmt(struct lw_store *s, enum store_stmt which);
/* Write a record (the caller holds a transaction). */
lw_status lw_store_write(struct lw_store *s, const struct lw_store_rec *r, unsigned flags,
			 lw_put_result *result, lw_error *err);
/* The stored hash of a document id: 1 found (hash copied), 0 not, -1 error. */
int lw_store_find(sqlite3_stmt *find, const char *id, size_t id_len,
		  unsigned char hash[LW_HASH_BYTES], int64_t *rowid);

/* Fill err with status, document and a formatted message. */
lw_status lw_store_fail(lw_error *err, lw_status st, const char *doc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* An SQLite failure: "what: sqlite's message". */
lw_status lw_store_dbfail(struct lw_store *s, lw_error *err, const char *what);

/* Open a second connection to the store's file (for reader threads). */
lw_status lw_store_open_reader(const char *path, sqlite3 **out, lw_error *err);

/* Days since 1970-01-01 and back (proleptic Gregorian). */
int64_t lw_days_from_ymd(int y, int m, int d);
void lw_ymd_from_days(int64_t days, int *y, int *m, int *d);
/* Parse a date as the contract writes it at any precision ("2023-07-14",
 * "2023-W28", "2023-07", "2023-summer", "2023"); 1 on success. */
int lw_date_parse_any(const char *s, size_t len, lw_date *out);
/*
 * The calendar day an event is counted on: its own date when it names a
 * day; else the document's date when that falls inside the event's
 * period; else the first day of the period; else the document's date.
 * Writes "YYYY-MM-DD" (11 bytes with the NUL) or returns 0.
 */
int lw_event_day(const lw_date *event, const char *doc_date, char out[16]);

/* 128-bit content hash: two XXH64 of different seeds (hash.c), from
 * Debian's libxxhash. */
struct lw_hash {
	XXH64_state_t s[2];
};
void lw_hash_init(struct lw_hash *h);
void lw_hash_update(struct lw_hash *h, const void *p, size_t n);
/* Writes the 16 bytes; returns the first XXH64 (seed 0), for tests. */
uint64_t lw_hash_final(struct lw_hash *h, unsigned char out[LW_HASH_BYTES]);

/* CSV (RFC 4180): a field, quoted when it holds , " CR or LF. */
void lw_csv_field(struct lw_buf *b, const char *p, size_t n);
void lw_csv_sep(struct lw_buf *b);   /* , */
void lw_csv_end(struct lw_buf *b);   /* CRLF */
/* A number as the contract writes it: fixed decimals, trailing zeros cut. */
void lw_buf_add_num(struct lw_buf *b, double v, int decimals);

/* Shared by stats and export: the WHERE clause of a query over `events e`
 * (with documents as `d`), its bound values in order. */
struct lw_query_sql {
	struct lw_buf sql;
	const char *values[LW_QUERY_MAX_FIELDS + 2];
	size_t nvalues;
	char from[16], to[16];
};
lw_status lw_query_where(const lw_event_query *q, int counted_only, struct lw_query_sql *out,
			 lw_error *err);
/* The SQL expression of a field name, or NULL. */
const char *lw_field_expr(const char *field);
/* Bind out->values to st from parameter 1. */
int lw_query_bind(sqlite3_stmt *st, const struct lw_query_sql *q);

/* Normalise a --from/--to bound ("2023" -> "2023-01-01" / "2023-12-31").
 * Returns 0 if it is not a date. */
int lw_date_bound(const char *s, int upper, char out[16]);

#endif
