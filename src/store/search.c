/*
 * search.c: `lapwing search`, full-text search of the stored texts.
 *
 * The index (documents_fts, FTS5 over documents.text) finds and ranks
 * documents. For each, an auxiliary function of our own (lw_match_spans)
 * gives the byte spans of every match; a match inside a quote makes the
 * quote a hit (with its speaker), any other match the sentence around it
 * (sentences are split again by the text layer, which costs a moment per
 * document shown, not a table row per sentence stored).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/jsonw.h"
#include "store.h"

/* A hit's text longer than this is cut around its first match. */
#define SNIPPET_BYTES 320
#define SNIPPET_BEFORE 100
/* Hits shown when the caller gives no limit. */
#define SEARCH_DEFAULT_LIMIT 20

/* ---- lw_match_spans(documents_fts): the byte spans of the matches ---- */

struct inst {
	int first, last;  /* token positions */
	int start, end;   /* bytes, -1 until found */
};

struct tok_state {
	struct inst *in;
	int n, pos, max_last;
};

static int on_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
	struct tok_state *t = ctx;
	(void)tok;
	(void)ntok;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	for (int i = 0; i < t->n; i++) {
		if (t->in[i].first == t->pos)
			t->in[i].start = start;
		if (t->in[i].last == t->pos)
			t->in[i].end = end;
	}
	t->pos++;
	return t->pos > t->max_last ? SQLITE_DONE : SQLITE_OK;
}

static void match_spans(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
			int nval, sqlite3_value **val)
{
	(void)nval;
	(void)val;
	int n = 0, rc = api->xInstCount(fts, &n);
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	struct inst *in = sqlite3_malloc64((sqlite3_uint64)(n ? n : 1) * sizeof *in);
	if (!in) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	struct tok_state t = {in, n, 0, -1};
	for (int i = 0; i < n; i++) {
		int phrase, col, off;
		if (api->xInst(fts, i, &phrase, &col, &off) != SQLITE_OK)
			continue;
		int size = api->xPhraseSize(fts, phrase);
		in[i] = (struct inst){off, off + (size > 0 ? size : 1) - 1, -1, -1};
		if (in[i].last > t.max_last)
			t.max_last = in[i].last;
	}
	const char *text = NULL;
	int len = 0;
	if (n > 0 && api->xColumnText(fts, 0, &text, &len) == SQLITE_OK && text) {
		rc = api->xTokenize(fts, text, len, &t, on_token);
		if (rc != SQLITE_OK && rc != SQLITE_DONE) {
			sqlite3_free(in);
			sqlite3_result_error_code(ctx, rc);
			return;
		}
	}
	uint32_t *out = sqlite3_malloc64((sqlite3_uint64)(n ? n : 1) * 2 * sizeof *out);
	int k = 0;
	if (!out) {
		sqlite3_free(in);
		sqlite3_result_error_nomem(ctx);
		return;
	}
	for (int i = 0; i < n; i++)
		if (in[i].start >= 0 && in[i].end >= in[i].start) {
			out[2 * k] = (uint32_t)in[i].start;
			out[2 * k + 1] = (uint32_t)in[i].end;
			k++;
		}
	sqlite3_free(in);
	sqlite3_result_blob(ctx, out, k * 2 * (int)sizeof *out, sqlite3_free);
}

static int register_function(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2)
		return -1;
	return api->xCreateFunction(api, "lw_match_spans", NULL, match_spans, NULL) == SQLITE_OK
		       ? 0
		       : -1;
}

/* ---- hits ---- */

struct span {
	uint32_t start, end;
};

struct hit {
	int is_quote;
	uint32_t start, end;
	const char *speaker; /* owned, or NULL */
	struct span *m;      /* matches inside it */
	size_t nm, capm;
};

struct quote {
	uint32_t start, end;
	char *speaker;
};

struct search {
	struct lw_store *s;
	const lw_search_options *o;
	struct lw_buf out;
	size_t shown, limit;
	sqlite3_stmt *quotes;
};

static int add_match(struct hit *h, struct span m)
{
	if (h->nm == h->capm) {
		size_t cap = h->capm ? h->capm * 2 : 4;
		struct span *x = realloc(h->m, cap * sizeof *x);
		if (!x)
			return -1;
		h->m = x;
		h->capm = cap;
	}
	h->m[h->nm++] = m;
	return 0;
}

static int cmp_hit(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* The hit's text, white space runs made one space, cut to SNIPPET_BYTES
 * around the first match, matches marked when colour is asked for. */
static void snippet(struct lw_buf *b, const char *text, const struct hit *h, int color)
{
	uint32_t a = h->start, e = h->end;
	if (e - a > SNIPPET_BYTES) {
		uint32_t m = h->nm ? h->m[0].start : a;
		a = m > a + SNIPPET_BEFORE ? m - SNIPPET_BEFORE : a;
		while (a > h->start && ((unsigned char)text[a] & 0xC0) == 0x80)
			a--;
		e = a + SNIPPET_BYTES < h->end ? a + SNIPPET_BYTES : h->end;
		while (e < h->end && ((unsigned char)text[e] & 0xC0) == 0x80)
			e++;
	}
	if (a > h->start)
		lw_buf_adds(b, "\xe2\x80\xa6");
	size_t mi = 0;
	int space = 0, in = 0;
	for (uint32_t i = a; i < e; i++) {
		while (color && in && mi < h->nm && i >= h->m[mi].end) {
			lw_buf_adds(b, "\x1b[0m");
			in = 0;
			mi++;
		}
		if (color && !in && mi < h->nm && i >= h->m[mi].start && i < h->m[mi].end) {
			if (space)
				lw_buf_addc(b, ' ');
			space = 0;
			lw_buf_adds(b, "\x1b[1;31m");
			in = 1;
		}
		char c = text[i];
		if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			space = 1;
			continue;
		}
		if (space && i > a)
			lw_buf_addc(b, ' ');
		space = 0;
		lw_buf_addc(b, c);
	}
	if (in)
		lw_buf_adds(b, "\x1b[0m");
	if (e < h->end)
		lw_buf_adds(b, "\xe2\x80\xa6");
}

static void emit(struct search *q, const char *doc_id, const char *date, const char *text,
		 const struct hit *h)
{
	struct lw_buf *b = &q->out;
	const char *kind = h->is_quote ? "quote" : "sentence";
	if (q->o->format == LW_OUT_JSON) {
		struct lw_jsonw w;
		lw_jsonw_init(&w, b, 0);
		lw_jsonw_obj(&w);
		lw_jsonw_key(&w, "doc");
		lw_jsonw_cstr(&w, doc_id);
		lw_jsonw_key(&w, "date");
		lw_jsonw_cstr(&w, date);
		lw_jsonw_key(&w, "kind");
		lw_jsonw_cstr(&w, kind);
		lw_jsonw_key(&w, "speaker");
		lw_jsonw_cstr(&w, h->is_quote ? h->speaker : NULL);
		lw_jsonw_key(&w, "start");
		lw_jsonw_int(&w, h->start);
		lw_jsonw_key(&w, "end");
		lw_jsonw_int(&w, h->end);
		lw_jsonw_key(&w, "text");
		lw_jsonw_str(&w, text + h->start, h->end - h->start);
		lw_jsonw_key(&w, "matches");
		lw_jsonw_arr(&w);
		for (size_t i = 0; i < h->nm; i++) {
			lw_jsonw_obj(&w);
			lw_jsonw_key(&w, "start");
			lw_jsonw_int(&w, h->m[i].start);
			lw_jsonw_key(&w, "end");
			lw_jsonw_int(&w, h->m[i].end);
			lw_jsonw_end_obj(&w);
		}
		lw_jsonw_end_arr(&w);
		lw_jsonw_end_obj(&w);
		lw_buf_addc(b, '\n');
		return;
	}
	if (q->o->format == LW_OUT_CSV) {
		const char *cols[4] = {doc_id, date, kind, h->is_quote ? h->speaker : NULL};
		for (int i = 0; i < 4; i++) {
			if (cols[i])
				lw_csv_field(b, cols[i], strlen(cols[i]));
			lw_csv_sep(b);
		}
		lw_buf_add_u64(b, h->start);
		lw_csv_sep(b);
		lw_buf_add_u64(b, h->end);
		lw_csv_sep(b);
		struct lw_buf t = LW_BUF_INIT;
		snippet(&t, text, h, 0);
		lw_csv_field(b, t.ptr ? t.ptr : "", t.len);
		lw_buf_release(&t);
		lw_csv_end(b);
		return;
	}
	if (q->shown > 0)
		lw_buf_addc(b, '\n');
	lw_buf_adds(b, doc_id);
	lw_buf_adds(b, "  ");
	lw_buf_adds(b, date ? date : "-");
	lw_buf_adds(b, "  ");
	lw_buf_adds(b, kind);
	if (h->is_quote) {
		lw_buf_adds(b, "  ");
		lw_buf_adds(b, h->speaker ? h->speaker : "(no speaker)");
	}
	lw_buf_adds(b, "\n  ");
	snippet(b, text, h, q->o->color);
	lw_buf_addc(b, '\n');
}

static void free_hits(struct hit *h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(h[i].m);
	free(h);
}

/* The stored quotes of a document, in text order. */
static struct quote *load_quotes(struct search *q, int64_t doc, size_t *n)
{
	struct quote *qs = NULL;
	size_t cap = 0;
	*n = 0;
	sqlite3_reset(q->quotes);
	sqlite3_bind_int64(q->quotes, 1, doc);
	while (sqlite3_step(q->quotes) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			struct quote *x = realloc(qs, cap * sizeof *x);
			if (!x)
				break;
			qs = x;
		}
		const unsigned char *sp = sqlite3_column_text(q->quotes, 2);
		qs[*n].start = (uint32_t)sqlite3_column_int64(q->quotes, 0);
		qs[*n].end = (uint32_t)sqlite3_column_int64(q->quotes, 1);
		qs[*n].speaker = sp ? strdup((const char *)sp) : NULL;
		(*n)++;
	}
	return qs;
}

/* The hits of one document, in text order, up to the limit. */
static lw_status document_hits(struct search *q, sqlite3_stmt *row)
{
	int64_t doc = sqlite3_column_int64(row, 0);
	const char *doc_id = (const char *)sqlite3_column_text(row, 1);
	const char *date = (const char *)sqlite3_column_text(row, 2);
	const char *text = (const char *)sqlite3_column_text(row, 3);
	size_t len = (size_t)sqlite3_column_bytes(row, 3);
	size_t nspan = (size_t)sqlite3_column_bytes(row, 4) / (2 * sizeof(uint32_t));
	struct span *spans = malloc((nspan ? nspan : 1) * sizeof *spans);
	if (!spans || !text)
		return free(spans), LW_OK;
	if (nspan) {
		memcpy(spans, sqlite3_column_blob(row, 4), nspan * sizeof *spans);
		qsort(spans, nspan, sizeof *spans, cmp_span);
	}

	size_t nq, nsent = 0;
	struct quote *qs = load_quotes(q, doc, &nq);
	lw_doc *parsed = NULL;
	const lw_sentence *sent = NULL;
	if (!q->o->quotes_only) {
		lw_options opt;
		lw_options_init(&opt);
		opt.stages = LW_STAGE_TEXT;
		opt.max_doc_bytes = len + 1;
		lw_input in = {0};
		in.text = text;
		in.text_len = len;
		if (lw_code(NULL, &opt, &in, &parsed, NULL) == LW_OK)
			sent = lw_doc_sentences(parsed, &nsent);
	}
	struct hit *hits = calloc(nspan ? nspan : 1, sizeof *hits);
	size_t nh = 0, si = 0;
	lw_status st = hits ? LW_OK : LW_ENOMEM;
	for (size_t i = 0; hits && i < nspan; i++) {
		struct span m = spans[i];
		struct hit h = {0, 0, 0, NULL, NULL, 0, 0};
		for (size_t j = 0; j < nq && !h.is_quote; j++)
			if (qs[j].start <= m.start && m.end <= qs[j].end)
				h = (struct hit){1, qs[j].start, qs[j].end, qs[j].speaker, NULL, 0, 0};
		if (!h.is_quote) {
			while (si + 1 < nsent && sent[si].end <= m.start)
				si++;
			if (nsent == 0 || sent[si].start > m.start || m.start >= sent[si].end)
				continue; /* quotes only, or outside any sentence */
			h.start = sent[si].start;
			h.end = sent[si].end;
		}
		size_t j = 0;
		while (j < nh && !(hits[j].is_quote == h.is_quote && hits[j].start == h.start))
			j++;
		if (j == nh)
			hits[nh++] = h;
		if (add_match(&hits[j], m) != 0)
			st = LW_ENOMEM;
	}
	if (hits)
		qsort(hits, nh, sizeof *hits, cmp_hit);
	for (size_t i = 0; i < nh && q->shown < q->limit; i++) {
		emit(q, doc_id ? doc_id : "", date, text, &hits[i]);
		q->shown++;
	}
	if (hits)
		free_hits(hits, nh);
	for (size_t j = 0; j < nq; j++)
		free(qs[j].speaker);
	free(qs);
	free(spans);
	lw_doc_free(parsed);
	return st;
}

lw_status lw_store_search(lw_store *s, const lw_search_options *o, lw_write_fn write, void *ctx,
			  lw_error *err)
{
	if (!o || !o->query || !*o->query)
		return lw_store_fail(err, LW_EARG, "", "no query");
	if (o->format != LW_OUT_TABLE && o->format != LW_OUT_JSON && o->format != LW_OUT_CSV)
		return lw_store_fail(err, LW_EARG, "", "search results are text, JSON Lines or CSV");
	struct search q = {s, o, LW_BUF_INIT, 0, o->limit ? o->limit : SEARCH_DEFAULT_LIMIT, NULL};
	char from[16], to[16];
	if ((o->from && !lw_date_bound(o->from, 0, from)) || (o->to && !lw_date_bound(o->to, 1, to)))
		return lw_store_fail(err, LW_EARG, "", "dates are YYYY, YYYY-MM or YYYY-MM-DD");
	if (register_function(s->db) != 0)
		return lw_store_dbfail(s, err, "cannot set up the search");
	char sql[512];
	snprintf(sql, sizeof sql,
		 "SELECT d.id, d.doc_id, d.date, d.text, lw_match_spans(documents_fts) "
		 "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
		 "WHERE documents_fts MATCH ?1%s%s ORDER BY documents_fts.rank, d.id",
		 o->from ? " AND d.date >= ?2" : "", o->to ? " AND d.date <= ?3" : "");
	sqlite3_stmt *st = NULL;
	lw_status status = LW_OK;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db,
			       "SELECT json_extract(q.value, '$[0]'), json_extract(q.value, '$[1]'), "
			       "json_extract(q.value, '$[3]') FROM documents d, json_each(lw_unpack(d.quotes)) q "
			       "WHERE d.id = ?1",
			       -1, &q.quotes, NULL) != SQLITE_OK) {
		status = lw_store_dbfail(s, err, "cannot search");
		goto done;
	}
	sqlite3_bind_text(st, 1, o->query, -1, SQLITE_STATIC);
	if (o->from)
		sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	if (o->to)
		sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	if (o->format == LW_OUT_CSV)
		lw_buf_adds(&q.out, "doc_id,date,kind,speaker,start,end,text\r\n");
	int rc = SQLITE_DONE;
	while (q.shown < q.limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		status = document_hits(&q, st);
		if (status != LW_OK)
			break;
		if (q.out.len > (1 << 20)) {
			if (write(ctx, q.out.ptr, q.out.len) != 0) {
				status = lw_store_fail(err, LW_EIO, "", "cannot write the output");
				break;
			}
			q.out.len = 0;
		}
	}
	if (status == LW_OK && q.shown < q.limit && rc != SQLITE_DONE) {
		/* a plain SQLITE_ERROR from MATCH is the query's fault (syntax,
		 * unknown column); I/O and corruption have codes of their own */
		if (sqlite3_errcode(s->db) == SQLITE_ERROR)
			status = lw_store_fail(err, LW_EARG, "",
					       "query '%.60s': %s (see lapwing search --help)", o->query,
					       sqlite3_errmsg(s->db));
		else
			status = lw_store_dbfail(s, err, "cannot search");
	}
	if (status == LW_OK && q.out.failed)
		status = lw_store_fail(err, LW_ENOMEM, "", "out of memory");
	if (status == LW_OK && q.out.len && write(ctx, q.out.ptr, q.out.len) != 0)
		status = lw_store_fail(err, LW_EIO, "", "cannot write the output");
done:
	sqlite3_finalize(st);
	sqlite3_finalize(q.quotes);
	lw_buf_release(&q.out);
	return status;
}
