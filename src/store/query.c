/*
 * query.c: which events a query selects, and `lapwing stats`: counts of
 * events and sums of their dead, injured and arrested, grouped by fields.
 *
 * Field names map to SQL expressions through one fixed table; a name not
 * in it is an error. Nothing a user types is ever put into SQL text: the
 * expressions come from the table, the values are bound parameters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/jsonw.h"
#include "store.h"

/* The ISO 8601 week of the day an event is counted on: the week (and its
 * year) of the Thursday in the same Monday-to-Sunday week. */
#define ISO_WEEK                                                                         \
	"CASE WHEN e.day IS NULL THEN NULL ELSE "                                        \
	"strftime('%Y', e.day, '-3 days', 'weekday 4') || '-W' || "                      \
	"printf('%02d', (CAST(strftime('%j', e.day, '-3 days', 'weekday 4') AS INTEGER) " \
	"+ 6) / 7) END"

static const struct field {
	const char *name;
	const char *alias;
	const char *expr;
} fields[] = {
	{"type", NULL, "e.type"},
	{"mode", NULL, "e.mode"},
	{"source", NULL, "e.source_code"},
	{"source-name", NULL, "e.source_name"},
	{"target", NULL, "e.target_code"},
	{"target-name", NULL, "e.target_name"},
	{"country", NULL, "e.country"},
	{"province", "admin1", "e.admin1"},
	{"district", "admin2", "e.admin2"},
	{"location", NULL, "e.location_name"},
	{"day", NULL, "e.day"},
	{"week", NULL, ISO_WEEK},
	{"month", NULL, "substr(e.day, 1, 7)"},
	{"year", NULL, "substr(e.day, 1, 4)"},
};
#define NFIELDS (sizeof fields / sizeof *fields)

const char *const *lw_event_fields(void)
{
	static const char *names[NFIELDS + 1];
	for (size_t i = 0; i < NFIELDS; i++)
		names[i] = fields[i].name;
	names[NFIELDS] = NULL;
	return names;
}

static const struct field *find_field(const char *name)
{
	for (size_t i = 0; i < NFIELDS; i++)
		if (strcmp(name, fields[i].name) == 0 ||
		    (fields[i].alias && strcmp(name, fields[i].alias) == 0))
			return &fields[i];
	return NULL;
}

const char *lw_field_expr(const char *name)
{
	const struct field *f = find_field(name);
	return f ? f->expr : NULL;
}

static lw_status unknown_field(lw_error *err, const char *name)
{
	char list[256] = "";
	for (size_t i = 0; i < NFIELDS; i++) {
		size_t n = strlen(list);
		snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "", fields[i].name);
	}
	return lw_store_fail(err, LW_EARG, "", "unknown field '%.40s' (fields: %s)", name, list);
}

int lw_date_bound(const char *s, int upper, char out[16])
{
	lw_date d;
	if (!s || !lw_date_parse(s, strlen(s), &d))
		return 0;
	if (d.precision == LW_PREC_DAY)
		snprintf(out, 16, "%04d-%02d-%02d", d.year, d.month, d.day);
	else if (d.precision == LW_PREC_MONTH)
		snprintf(out, 16, "%04d-%02d-%s", d.year, d.month, upper ? "31" : "01");
	else
		snprintf(out, 16, "%04d-%s", d.year, upper ? "12-31" : "01-01");
	return 1;
}

lw_status lw_query_where(const lw_event_query *q, int counted_only, struct lw_query_sql *out,
			 lw_error *err)
{
	memset(out, 0, sizeof *out);
	struct lw_buf *b = &out->sql;
	lw_buf_adds(b, counted_only ? "e.negated = 0 AND e.speculative = 0 AND e.background = 0"
				    : "1");
	if (!q)
		return b->failed ? LW_ENOMEM : LW_OK;
	size_t nwhere = q->nwhere < LW_QUERY_MAX_FIELDS ? q->nwhere : LW_QUERY_MAX_FIELDS;
	unsigned char done[LW_QUERY_MAX_FIELDS] = {0};
	for (size_t i = 0; i < nwhere; i++) {
		if (done[i])
			continue;
		const struct field *f = find_field(q->where[i].field ? q->where[i].field : "");
		if (!f)
			return unknown_field(err, q->where[i].field ? q->where[i].field : "");
		/* every filter on this field, as alternatives */
		lw_buf_adds(b, " AND (");
		int first = 1;
		for (size_t k = i; k < nwhere; k++) {
			if (find_field(q->where[k].field ? q->where[k].field : "") != f)
				continue;
			done[k] = 1;
			lw_buf_adds(b, first ? "" : " OR ");
			lw_buf_adds(b, f->expr);
			lw_buf_adds(b, " = ?");
			out->values[out->nvalues++] = q->where[k].value ? q->where[k].value : "";
			first = 0;
		}
		lw_buf_addc(b, ')');
	}
	if (q->from) {
		if (!lw_date_bound(q->from, 0, out->from))
			return lw_store_fail(err, LW_EARG, "", "from: '%.40s' is not YYYY, YYYY-MM or "
							   "YYYY-MM-DD", q->from);
		lw_buf_adds(b, " AND e.day >= ?");
		out->values[out->nvalues++] = out->from;
	}
	if (q->to) {
		if (!lw_date_bound(q->to, 1, out->to))
			return lw_store_fail(err, LW_EARG, "", "to: '%.40s' is not YYYY, YYYY-MM or "
							 "YYYY-MM-DD", q->to);
		lw_buf_adds(b, " AND e.day <= ?");
		out->values[out->nvalues++] = out->to;
	}
	return b->failed ? LW_ENOMEM : LW_OK;
}

int lw_query_bind(sqlite3_stmt *st, const struct lw_query_sql *q)
{
	for (size_t i = 0; i < q->nvalues; i++)
		if (sqlite3_bind_text(st, (int)i + 1, q->values[i], -1, SQLITE_TRANSIENT) != SQLITE_OK)
			return -1;
	return 0;
}

/* ---- stats ---- */

#define NSUMS 4
static const char *const sum_names[NSUMS] = {"events", "dead", "injured", "arrested"};

struct row {
	char *key[LW_QUERY_MAX_FIELDS]; /* NULL for no value */
	int64_t sum[NSUMS];
};

/* Display width: code points, not bytes. */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; s && *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

static void pad(struct lw_buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lw_buf_addc(b, ' ');
}

static void cell(struct lw_buf *b, const char *s, size_t w, int right, int last)
{
	size_t sw = width(s);
	if (right)
		pad(b, w > sw ? w - sw : 0);
	lw_buf_adds(b, s);
	if (!right && !last)
		pad(b, w > sw ? w - sw : 0);
	if (!last)
		lw_buf_adds(b, "  ");
}

static void table(struct lw_buf *b, const lw_event_query *q, struct row *rows, size_t n)
{
	size_t nk = q->nby, w[LW_QUERY_MAX_FIELDS + NSUMS];
	char num[32];
	struct row total = {{NULL}, {0}};
	for (size_t r = 0; r < n; r++)
		for (int k = 0; k < NSUMS; k++)
			total.sum[k] += rows[r].sum[k];
	for (size_t k = 0; k < nk; k++) {
		w[k] = width(q->by[k]);
		for (size_t r = 0; r < n; r++) {
			size_t x = rows[r].key[k] ? width(rows[r].key[k]) : 1;
			w[k] = x > w[k] ? x : w[k];
		}
	}
	if (nk && w[0] < 5)
		w[0] = 5; /* "total" */
	for (int k = 0; k < NSUMS; k++) {
		w[nk + k] = strlen(sum_names[k]);
		snprintf(num, sizeof num, "%lld", (long long)total.sum[k]);
		w[nk + k] = strlen(num) > w[nk + k] ? strlen(num) : w[nk + k];
	}
	for (size_t k = 0; k < nk; k++)
		cell(b, q->by[k], w[k], 0, 0);
	for (int k = 0; k < NSUMS; k++)
		cell(b, sum_names[k], w[nk + k], 1, k == NSUMS - 1);
	lw_buf_addc(b, '\n');
	for (size_t r = 0; r <= n; r++) {
		if (r == n && (nk == 0 || n < 2))
			break;
		const struct row *row = r < n ? &rows[r] : &total;
		for (size_t k = 0; k < nk; k++)
			cell(b, r == n ? (k == 0 ? "total" : "") : row->key[k] ? row->key[k] : "-", w[k],
			     0, 0);
		for (int k = 0; k < NSUMS; k++) {
			snprintf(num, sizeof num, "%lld", (long long)row->sum[k]);
			cell(b, num, w[nk + k], 1, k == NSUMS - 1);
		}
		lw_buf_addc(b, '\n');
	}
}

static void csv(struct lw_buf *b, const lw_event_query *q, struct row *rows, size_t n)
{
	for (size_t k = 0; k < q->nby; k++) {
		lw_csv_field(b, q->by[k], strlen(q->by[k]));
		lw_csv_sep(b);
	}
	for (int k = 0; k < NSUMS; k++) {
		lw_buf_adds(b, sum_names[k]);
		if (k < NSUMS - 1)
			lw_csv_sep(b);
	}
	lw_csv_end(b);
	for (size_t r = 0; r < n; r++) {
		for (size_t k = 0; k < q->nby; k++) {
			if (rows[r].key[k])
				lw_csv_field(b, rows[r].key[k], strlen(rows[r].key[k]));
			lw_csv_sep(b);
		}
		for (int k = 0; k < NSUMS; k++) {
			lw_buf_add_i64(b, rows[r].sum[k]);
			if (k < NSUMS - 1)
				lw_csv_sep(b);
		}
		lw_csv_end(b);
	}
}

static void json(struct lw_buf *b, const lw_event_query *q, struct row *rows, size_t n)
{
	lw_buf_addc(b, '[');
	for (size_t r = 0; r < n; r++) {
		struct lw_jsonw w;
		lw_buf_adds(b, r ? ",\n  " : "\n  ");
		lw_jsonw_init(&w, b, 0);
		lw_jsonw_obj(&w);
		for (size_t k = 0; k < q->nby; k++) {
			lw_jsonw_keyn(&w, q->by[k], strlen(q->by[k]));
			lw_jsonw_cstr(&w, rows[r].key[k]);
		}
		for (int k = 0; k < NSUMS; k++) {
			lw_jsonw_keyn(&w, sum_names[k], strlen(sum_names[k]));
			lw_jsonw_int(&w, rows[r].sum[k]);
		}
		lw_jsonw_end_obj(&w);
	}
	lw_buf_adds(b, n ? "\n]\n" : "]\n");
}

static void free_rows(struct row *rows, size_t n, size_t nk)
{
	for (size_t r = 0; r < n; r++)
		for (size_t k = 0; k < nk; k++)
			free(rows[r].key[k]);
	free(rows);
}

lw_status lw_store_stats(lw_store *s, const lw_event_query *q, lw_out_format format,
			 lw_write_fn write, void *ctx, lw_error *err)
{
	lw_event_query none;
	if (!q) {
		memset(&none, 0, sizeof none);
		q = &none;
	}
	if (q->nby > LW_QUERY_MAX_FIELDS)
		return lw_store_fail(err, LW_EARG, "", "too many fields to group by");
	if (format != LW_OUT_TABLE && format != LW_OUT_CSV && format != LW_OUT_JSON)
		return lw_store_fail(err, LW_EARG, "", "stats are written as a table, CSV or JSON");
	struct lw_query_sql where;
	lw_status st = lw_query_where(q, 1, &where, err);
	struct lw_buf sql = LW_BUF_INIT, out = LW_BUF_INIT;
	struct row *rows = NULL;
	size_t n = 0, cap = 0;
	sqlite3_stmt *stmt = NULL;
	if (st != LW_OK)
		goto done;
	lw_buf_adds(&sql, "SELECT ");
	for (size_t k = 0; k < q->nby; k++) {
		const char *expr = lw_field_expr(q->by[k] ? q->by[k] : "");
		if (!expr) {
			st = unknown_field(err, q->by[k] ? q->by[k] : "");
			goto done;
		}
		lw_buf_adds(&sql, expr);
		lw_buf_adds(&sql, " AS k");
		lw_buf_add_u64(&sql, k);
		lw_buf_adds(&sql, ", ");
	}
	lw_buf_adds(&sql, "count(*), coalesce(sum(e.dead), 0), coalesce(sum(e.injured), 0), "
			  "coalesce(sum(e.arrested), 0) FROM events e WHERE ");
	lw_buf_add(&sql, where.sql.ptr, where.sql.len);
	for (size_t k = 0; k < q->nby; k++) {
		lw_buf_adds(&sql, k ? ", k" : " GROUP BY k");
		lw_buf_add_u64(&sql, k);
	}
	/* groups without a value (no place, no date) last */
	for (size_t k = 0; k < q->nby; k++) {
		lw_buf_adds(&sql, k ? ", k" : " ORDER BY k");
		lw_buf_add_u64(&sql, k);
		lw_buf_adds(&sql, " IS NULL, k");
		lw_buf_add_u64(&sql, k);
	}
	lw_buf_addc(&sql, 0);
	if (sql.failed) {
		st = lw_store_fail(err, LW_ENOMEM, "", "out of memory");
		goto done;
	}
	if (sqlite3_prepare_v2(s->db, sql.ptr, -1, &stmt, NULL) != SQLITE_OK ||
	    lw_query_bind(stmt, &where)) {
		st = lw_store_dbfail(s, err, "cannot count");
		goto done;
	}
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			struct row *nr = realloc(rows, cap * sizeof *nr);
			if (!nr) {
				st = lw_store_fail(err, LW_ENOMEM, "", "out of memory");
				goto done;
			}
			rows = nr;
		}
		struct row *r = &rows[n++];
		memset(r, 0, sizeof *r);
		for (size_t k = 0; k < q->nby; k++) {
			const unsigned char *v = sqlite3_column_text(stmt, (int)k);
			r->key[k] = v ? strdup((const char *)v) : NULL;
		}
		for (int k = 0; k < NSUMS; k++)
			r->sum[k] = sqlite3_column_int64(stmt, (int)q->nby + k);
	}
	if (rc != SQLITE_DONE) {
		st = lw_store_dbfail(s, err, "cannot count");
		goto done;
	}
	if (format == LW_OUT_TABLE)
		table(&out, q, rows, n);
	else if (format == LW_OUT_CSV)
		csv(&out, q, rows, n);
	else
		json(&out, q, rows, n);
	if (out.failed)
		st = lw_store_fail(err, LW_ENOMEM, "", "out of memory");
	else if (write(ctx, out.ptr, out.len) != 0)
		st = lw_store_fail(err, LW_EIO, "", "cannot write the output");
done:
	sqlite3_finalize(stmt);
	free_rows(rows, n, q->nby);
	lw_buf_release(&sql);
	lw_buf_release(&out);
	lw_buf_release(&where.sql);
	return st;
}
