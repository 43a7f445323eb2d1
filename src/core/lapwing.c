/*
 * lapwing.c: the library's front door: version, status strings, options,
 * and lw_code, which runs a document through the stages in order (text,
 * entities, quotes, events) and owns the result.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "../util/buf.h"
#include "../lex/kb.h"
#include "../extract/quotes.h"
#include "../extract/dates.h"
#include "../extract/events.h"

const char *lw_version(void)
{
	return LW_VERSION_STRING;
}

const char *lw_strerror(lw_status s)
{
	switch (s) {
	case LW_OK: return "success";
	case LW_DONE: return "no more documents";
	case LW_ENOMEM: return "out of memory";
	case LW_EIO: return "input/output error";
	case LW_EARG: return "invalid argument";
	case LW_ETOOBIG: return "input exceeds a size limit";
	case LW_EJSON: return "malformed JSON";
	case LW_ENOTEXT: return "record has no \"text\" string";
	case LW_EKB: return "knowledge base missing or malformed";
	case LW_EDB: return "database error";
	case LW_EVERSION: return "made by an incompatible lapwing version";
	case LW_EINTERNAL: return "internal error";
	}
	return "unknown status";
}

void lw_options_init(lw_options *opt)
{
	memset(opt, 0, sizeof *opt);
	opt->stages = LW_STAGE_ALL;
	opt->max_doc_bytes = LW_DEFAULT_MAX_DOC_BYTES;
}

static int days_in(int y, int m)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static int digits(const char *s, size_t n, int *v)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

int lw_date_parse(const char *s, size_t len, lw_date *out)
{
	int y, m = 0, d = 0;
	memset(out, 0, sizeof *out);
	/* "2015-01-01T10:00:00Z" and "2015-01-01 10:00" are days */
	if (len > 10 && (s[10] == 'T' || s[10] == ' '))
		len = 10;
	if (len != 4 && len != 7 && len != 10)
		return 0;
	if (!digits(s, 4, &y) || y < 1 || y > 9999)
		return 0;
	if (len >= 7 && (s[4] != '-' || !digits(s + 5, 2, &m) || m < 1 || m > 12))
		return 0;
	if (len == 10 && (s[7] != '-' || !digits(s + 8, 2, &d) || d < 1 || d > days_in(y, m)))
		return 0;
	out->year = (int16_t)y;
	out->month = (uint8_t)m;
	out->day = (uint8_t)d;
	out->precision = len == 10 ? LW_PREC_DAY : len == 7 ? LW_PREC_MONTH : LW_PREC_YEAR;
	return 1;
}

/* v's last two digits (v >= 0) */
static void put2(char *o, int v)
{
	memcpy(o, lw_buf_digit_pairs + 2 * (v % 100), 2);
}

/* v in decimal, zero-padded to width digits, as printf's "%0*u" writes it
 * (more digits when v needs them); returns the number written. */
static size_t put_padded(char *o, unsigned v, size_t width)
{
	/* a year, a month, a week: by the table of digit pairs */
	if (width == 4 && v < 10000) {
		lw_buf_put4(o, v);
		return 4;
	}
	if (width == 2 && v < 100) {
		put2(o, (int)v);
		return 2;
	}
	char tmp[10];
	size_t n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n < width)
		tmp[n++] = '0';
	for (size_t i = 0; i < n; i++)
		o[i] = tmp[n - 1 - i];
	return n;
}

size_t lw_date_format(const lw_date *d, char *buf, size_t size)
{
	static const char *const seasons[] = {"", "spring", "summer", "autumn", "winter"};
	/* by hand: millions of dates are written, snprintf is slow. The longest
	 * is "32767-W255" or "32767-autumn", well inside the 16 bytes asked. */
	if (!d || d->year <= 0 || size < 16)
		return 0;
	size_t n;
	switch (d->precision) {
	case LW_PREC_DAY:
		if (d->year > 9999)
			return 0;
		lw_buf_put4(buf, (uint32_t)d->year);
		buf[4] = '-';
		put2(buf + 5, d->month);
		buf[7] = '-';
		put2(buf + 8, d->day);
		buf[10] = 0;
		return 10;
	case LW_PREC_WEEK:
		n = put_padded(buf, (unsigned)d->year, 4);
		buf[n++] = '-';
		buf[n++] = 'W';
		n += put_padded(buf + n, d->day, 2);
		break;
	case LW_PREC_MONTH:
		n = put_padded(buf, (unsigned)d->year, 4);
		buf[n++] = '-';
		n += put_padded(buf + n, d->month, 2);
		break;
	case LW_PREC_SEASON: {
		const char *s = seasons[d->season <= 4 ? d->season : 0];
		size_t len = strlen(s);
		n = put_padded(buf, (unsigned)d->year, 4);
		buf[n++] = '-';
		memcpy(buf + n, s, len);
		n += len;
		break;
	}
	case LW_PREC_YEAR:
		n = put_padded(buf, (unsigned)d->year, 4);
		break;
	default:
		return 0;
	}
	buf[n] = 0;
	return n;
}

static lw_status fail(lw_error *err, lw_status st, const lw_input *in, long offset,
		      const char *msg)
{
	if (err) {
		memset(err, 0, sizeof *err);
		err->status = st;
		err->offset = offset;
		if (in && in->id)
			snprintf(err->doc, sizeof err->doc, "%.*s", (int)(in->id_len > 200 ? 200 : in->id_len),
				 in->id);
		snprintf(err->message, sizeof err->message, "%s", msg);
	}
	return st;
}

static lw_str copy_str(struct lw_arena *a, const char *p, size_t n, int *oom)
{
	lw_str s = {NULL, 0};
	if (!p)
		return s;
	char *c = lw_arena_strndup(a, p, n);
	if (!c) {
		*oom = 1;
		return s;
	}
	s.ptr = c;
	s.len = n;
	return s;
}

/* A day and month at the start of the first line ("Dec. 6: ..."), with a
 * year from the text: a release's date when it has no dateline. */
static int title_date(const struct lw_text *t, lw_date *out)
{
	lw_date d;
	size_t n = t->ntok ? lw_parse_date_tokens(t, 0, t->ntok, &d) : 0;
	if (!n || !d.month || !d.day || n >= t->ntok || t->tok[n].kind != LW_TOK_PUNCT ||
	    t->p[t->tok[n].start] != ':')
		return 0;
	if (!d.year)
		d.year = (int16_t)lw_year_evidence(t, d.month);
	if (!d.year)
		return 0;
	*out = d;
	return 1;
}

/* A full date that ends the first line, a title ("Provincial Office
 * Weekly Summary June 13, 2011"): a release's date when it
 * has no dateline. */
static int title_end_date(const struct lw_text *t, lw_date *out)
{
	size_t end = 1;
	while (end < t->ntok && !(t->tok[end].flags & LW_TF_NEWLINE_BEFORE) && end < 40)
		end++;
	if (end >= t->ntok || end == 40)
		return 0; /* one line only, or no title: a story's first line */
	for (size_t k = 0; k < end; k++) {
		lw_date d;
		size_t n = lw_parse_date_tokens(t, k, end, &d);
		if (n && k + n == end && d.year > 0 && d.month && d.day) {
			*out = d;
			return 1;
		}
	}
	return 0;
}

/* The document date: the input's, else the option's, else the dateline's
 * when it gives a full date. */
static void resolve_date(struct lw_doc *d, const lw_input *in, const lw_options *opt)
{
	if (in->date && lw_date_parse(in->date, in->date_len, &d->date)) {
		d->date_origin = LW_DATE_INPUT;
		return;
	}
	if (opt->date && lw_date_parse(opt->date, strlen(opt->date), &d->date)) {
		d->date_origin = LW_DATE_OPTION;
		return;
	}
	const lw_dateline *dl = &d->t.dateline;
	if (dl->found && dl->date.year > 0 && dl->date.precision == LW_PREC_DAY) {
		d->date = dl->date;
		d->date_origin = LW_DATE_DATELINE;
		return;
	}
	/* "(Sept. 1)": the year from other evidence in the text (a release
	 * number, a full date); never invented */
	if (dl->found && dl->date.year == 0 && dl->date.month && dl->date.day) {
		int y = lw_year_evidence(&d->t, dl->date.month);
		if (y) {
			d->date = dl->date;
			d->date.year = (int16_t)y;
			d->date_origin = LW_DATE_INFERRED;
			return;
		}
	}
	/* "Dec. 6: Operations in ..." a title that starts with the day, and a
	 * year from the release number; or one that ends with a full date */
	lw_date td;
	if (!dl->found && (title_date(&d->t, &td) || title_end_date(&d->t, &td))) {
		d->date = td;
		d->date_origin = LW_DATE_INFERRED;
		return;
	}
	memset(&d->date, 0, sizeof d->date);
	/* no day anywhere, but a release number "2011-07-S-064": the month,
	 * at month precision (unless a dateline names another month) */
	int y, m;
	if (lw_header_month(&d->t, &y, &m) && (!dl->found || !dl->date.month || dl->date.month == m)) {
		d->date.year = (int16_t)y;
		d->date.month = (uint8_t)m;
		d->date.precision = LW_PREC_MONTH;
		d->date_origin = LW_DATE_INFERRED;
		return;
	}
	d->date_origin = LW_DATE_NONE;
}

/* The country the document was given: its own, else the option's. One
 * that names no country is the caller's error, not a guess. */
static lw_status resolve_country(struct lw_doc *d, const lw_kb *kb, const lw_input *in,
				 const lw_options *opt, lw_error *err)
{
	const char *p = in->country;
	size_t n = in->country_len;
	const char *what = "the document's \"country\"";
	if ((!p || !n) && opt->country) {
		p = opt->country;
		n = strlen(p);
		what = "the country option";
	}
	if (!p || !n)
		return LW_OK;
	if (!lw_kb_country(kb, p, n, d->country)) {
		char msg[200];
		snprintf(msg, sizeof msg,
			 "%s \"%.*s\" is not a country (give an ISO 3166-1 alpha-3 code such as PAK, "
			 "or a country's name)",
			 what, (int)(n > 60 ? 60 : n), p);
		return fail(err, LW_EARG, in, -1, msg);
	}
	int oom = 0;
	d->country_given = copy_str(&d->arena, p, n, &oom);
	return oom ? fail(err, LW_ENOMEM, in, -1, "out of memory") : LW_OK;
}

/* Entities, quotes and events, then their public arrays. Each stage
 * reads what the ones before it found. */
static lw_status stages(struct lw_doc *d, const lw_kb *kb, const lw_options *opt)
{
	struct lw_quotes quotes = {NULL, 0};
	lw_status st = lw_extract_entities(&d->x, kb, &d->t, &d->arena, &d->date, d->country);
	if (st == LW_OK && (opt->stages & LW_STAGE_QUOTES)) {
		st = lw_extract_quotes(&d->x, &quotes);
		if (st == LW_OK)
			st = lw_quote_mentions(&d->x, &quotes);
	}
	if (st == LW_OK)
		st = lw_export_entities(&d->x, &d->ent, &d->nent);
	if (st == LW_OK && (opt->stages & LW_STAGE_QUOTES))
		st = lw_export_quotes(&d->x, &quotes, &d->quote, &d->nquote);
	if (st == LW_OK && (opt->stages & LW_STAGE_EVENTS))
		st = lw_extract_events(&d->x, &d->date, &d->ev, &d->nev);
	return st;
}

lw_status lw_code(const lw_kb *kb, const lw_options *opt, const lw_input *in, lw_doc **out,
		  lw_error *err)
{
	lw_options defaults;
	if (!out || !in)
		return fail(err, LW_EARG, in, -1, "no input or output");
	*out = NULL;
	if (!opt) {
		lw_options_init(&defaults);
		opt = &defaults;
	}
	if (!in->text)
		return fail(err, LW_ENOTEXT, in, -1, "document has no text");
	size_t max = opt->max_doc_bytes ? opt->max_doc_bytes : LW_DEFAULT_MAX_DOC_BYTES;
	if (max > UINT32_MAX - 1)
		max = UINT32_MAX - 1; /* offsets are 32-bit */
	if (in->text_len > max) {
		char msg[128];
		snprintf(msg, sizeof msg, "text of %zu bytes exceeds the limit of %zu bytes",
			 in->text_len, max);
		return fail(err, LW_ETOOBIG, in, (long)max, msg);
	}
	if (!kb && (opt->stages & ~(unsigned)LW_STAGE_TEXT))
		return fail(err, LW_EARG, in, -1, "a knowledge base is needed beyond the text stage");
	struct lw_doc *d = calloc(1, sizeof *d);
	if (!d)
		return fail(err, LW_ENOMEM, in, -1, "out of memory");
	lw_arena_init(&d->arena);
	int oom = 0;
	d->id = copy_str(&d->arena, in->id, in->id_len, &oom);
	d->title = copy_str(&d->arena, in->title, in->title_len, &oom);
	d->source = copy_str(&d->arena, in->source, in->source_len, &oom);
	d->url = copy_str(&d->arena, in->url, in->url_len, &oom);
	lw_str text = copy_str(&d->arena, in->text, in->text_len, &oom);
	if (oom) {
		lw_doc_free(d);
		return fail(err, LW_ENOMEM, in, -1, "out of memory");
	}
	d->text = text.ptr;
	d->len = text.len;
	lw_status st = lw_text_analyze(&d->arena, d->text, d->len, kb ? &kb->textlex : NULL, &d->t);
	if (st != LW_OK) {
		lw_doc_free(d);
		return fail(err, st, in, -1, lw_strerror(st));
	}
	resolve_date(d, in, opt);
	if (kb && (st = resolve_country(d, kb, in, opt, err)) != LW_OK) {
		lw_doc_free(d);
		return st;
	}
	if (opt->stages & (LW_STAGE_ENTITIES | LW_STAGE_QUOTES | LW_STAGE_EVENTS))
		st = stages(d, kb, opt);
	if (st != LW_OK) {
		lw_doc_free(d);
		return fail(err, st, in, -1, lw_strerror(st));
	}
	*out = d;
	return LW_OK;
}

void lw_doc_free(lw_doc *d)
{
	if (!d)
		return;
	lw_extract_release(&d->x);
	lw_text_release(&d->t);
	lw_arena_release(&d->arena);
	free(d);
}

lw_str lw_doc_id(const lw_doc *d) { return d->id; }
lw_str lw_doc_title(const lw_doc *d) { return d->title; }
lw_str lw_doc_source(const lw_doc *d) { return d->source; }
lw_str lw_doc_url(const lw_doc *d) { return d->url; }

const char *lw_doc_country(const lw_doc *d, lw_str *given)
{
	if (given)
		*given = d->country_given;
	return d->country;
}

lw_str lw_doc_text(const lw_doc *d)
{
	lw_str s = {d->text, d->len};
	return s;
}

lw_date lw_doc_date(const lw_doc *d, lw_date_origin *origin)
{
	if (origin)
		*origin = d->date_origin;
	return d->date;
}

const lw_dateline *lw_doc_dateline(const lw_doc *d) { return &d->t.dateline; }

const lw_token *lw_doc_tokens(const lw_doc *d, size_t *n)
{
	*n = d->t.ntok;
	return d->t.tok;
}

const lw_sentence *lw_doc_sentences(const lw_doc *d, size_t *n)
{
	*n = d->t.nsent;
	return d->t.sent;
}

const lw_paragraph *lw_doc_paragraphs(const lw_doc *d, size_t *n)
{
	*n = d->t.npara;
	return d->t.para;
}

const lw_entity *lw_doc_entities(const lw_doc *d, size_t *n)
{
	*n = d->nent;
	return d->ent;
}

const lw_quote *lw_doc_quotes(const lw_doc *d, size_t *n)
{
	*n = d->nquote;
	return d->quote;
}

const lw_event *lw_doc_events(const lw_doc *d, size_t *n)
{
	*n = d->nev;
	return d->ev;
}

const char *lw_token_kind_name(lw_token_kind k)
{
	static const char *const names[] = {"WORD", "NUMBER", "ABBREV", "PUNCT", "TERM", "QUOTE",
					    "DASH", "URL", "EMAIL", "SYMBOL", "INVALID"};
	return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

const char *lw_entity_type_name(lw_entity_type t)
{
	return t == LW_PERSON ? "PERSON" : t == LW_ORG ? "ORG" : t == LW_PLACE ? "PLACE" : "?";
}

const char *lw_place_kind_name(lw_place_kind k)
{
	static const char *const names[] = {NULL, "country", "admin1", "admin2", "city", "other"};
	return (unsigned)k < sizeof names / sizeof *names ? names[k] : NULL;
}

const char *lw_precision_name(lw_precision p)
{
	static const char *const names[] = {NULL, "year", "season", "month", "week", "day"};
	return (unsigned)p < sizeof names / sizeof *names ? names[p] : NULL;
}
