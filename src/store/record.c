/*
 * record.c: the record the writer stores (struct lw_store_rec), made from
 * a coded document; its content hash; and the dates the store derives
 * (the day an event is counted on). Records made from contract JSON are
 * coded.c's.
 */
#include <stdio.h>
#include <string.h>
#include <libdeflate.h>
#include <pthread.h>

#include "../io/jsonw.h"
#include "store.h"

void lw_rec_release(struct lw_store_rec *r)
{
	if (!r)
		return;
	lw_doc_free(r->doc);
	lw_arena_release(&r->arena);
	memset(r, 0, sizeof *r);
}

/* ---- content hash ----
 * A hash of the fields coding depends on, each as a tag, a presence
 * byte and a length, so that no two different inputs share an encoding. */

static void hash_field(struct lw_hash *c, char tag, const char *p, size_t n)
{
	unsigned char head[10];
	head[0] = (unsigned char)tag;
	head[1] = p != NULL;
	for (int i = 0; i < 8; i++)
		head[2 + i] = (unsigned char)((uint64_t)n >> (8 * i));
	lw_hash_update(c, head, sizeof head);
	if (p)
		lw_hash_update(c, p, n);
}

static void hash_content(const char *text, size_t text_len, lw_str title, lw_str source,
			 lw_str url, const char *date, lw_str country,
			 unsigned char out[LW_HASH_BYTES])
{
	struct lw_hash c;
	lw_hash_init(&c);
	lw_hash_update(&c, "lapwing-input-1", 15);
	hash_field(&c, 'x', text ? text : "", text_len);
	hash_field(&c, 't', title.ptr, title.len);
	hash_field(&c, 's', source.ptr, source.len);
	hash_field(&c, 'u', url.ptr, url.len);
	hash_field(&c, 'd', date[0] ? date : NULL, strlen(date));
	/* only when given: the hashes of inputs without one stay as they were */
	if (country.ptr && country.len)
		hash_field(&c, 'c', country.ptr, country.len);
	lw_hash_final(&c, out);
}

/* The date a document was given (its own, else the fallback), as the
 * contract writes it; "" if none. */
static void given_date(const char *p, size_t n, const char *fallback, char out[32])
{
	lw_date d;
	out[0] = 0;
	if (p && lw_date_parse(p, n, &d) && lw_date_format(&d, out, 32))
		return;
	out[0] = 0;
	if (fallback && lw_date_parse(fallback, strlen(fallback), &d))
		if (!lw_date_format(&d, out, 32))
			out[0] = 0;
}

void lw_input_hash(const lw_input *in, const lw_options *opt, unsigned char out[LW_HASH_BYTES])
{
	char date[32];
	given_date(in->date, in->date_len, opt->date, date);
	lw_str title = {in->title, in->title_len}, source = {in->source, in->source_len},
	       url = {in->url, in->url_len}, country = {in->country, in->country_len};
	/* as lw_code takes it: the document's own, else the option's */
	if (!country.ptr || !country.len) {
		country.ptr = opt->country;
		country.len = opt->country ? strlen(opt->country) : 0;
	}
	hash_content(in->text, in->text_len, title, source, url, date, country, out);
}

lw_status lw_rec_from_doc(struct lw_store_rec *r, lw_doc *doc)
{
	memset(r, 0, sizeof *r);
	lw_arena_init(&r->arena);
	r->doc = doc;
	r->id = lw_doc_id(doc);
	r->title = lw_doc_title(doc);
	r->source = lw_doc_source(doc);
	r->url = lw_doc_url(doc);
	r->text = lw_doc_text(doc);
	r->text_complete = 1;
	lw_date_origin origin;
	lw_date date = lw_doc_date(doc, &origin);
	if (!lw_date_format(&date, r->date, sizeof r->date))
		r->date[0] = 0;
	r->dateline = *lw_doc_dateline(doc);
	if (!r->dateline.found || !lw_date_format(&r->dateline.date, r->dateline_date, 32))
		r->dateline_date[0] = 0;
	r->ent = lw_doc_entities(doc, &r->nent);
	r->quote = lw_doc_quotes(doc, &r->nquote);
	r->ev = lw_doc_events(doc, &r->nev);
	/* the date it was given, not one read from its dateline: the same
	 * hash as lw_input_hash of its input */
	const char *given = origin == LW_DATE_INPUT || origin == LW_DATE_OPTION ? r->date : "";
	lw_str country;
	lw_doc_country(doc, &country);
	hash_content(r->text.ptr, r->text.len, r->title, r->source, r->url, given, country,
		     r->hash);
	return LW_OK;
}

/* ---- dates ---- */

/* Howard Hinnant's days_from_civil. */
int64_t lw_days_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void lw_ymd_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int num(const char *s, size_t n, int *v)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return n > 0;
}

/* ISO weeks in a year: 53 when it starts on a Thursday, or is a leap year
 * starting on a Wednesday. */
static int iso_weeks(int y)
{
	int64_t jan1 = lw_days_from_ymd(y, 1, 1);
	int wd = (int)(((jan1 % 7) + 7 + 3) % 7); /* 0 = Monday; 1970-01-01 was a Thursday */
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return wd == 3 || (leap && wd == 2) ? 53 : 52;
}

int lw_date_parse_any(const char *s, size_t len, lw_date *out)
{
	static const char *const seasons[] = {"spring", "summer", "autumn", "winter"};
	int y, w;
	memset(out, 0, sizeof *out);
	if (len == 4 || len == 7 || len == 10)
		return lw_date_parse(s, len, out);
	if (len < 6 || !num(s, 4, &y) || y < 1 || s[4] != '-')
		return 0;
	if (len == 8 && s[5] == 'W' && num(s + 6, 2, &w) && w >= 1 && w <= iso_weeks(y)) {
		out->year = (int16_t)y;
		out->day = (uint8_t)w;
		out->precision = LW_PREC_WEEK;
		return 1;
	}
	for (int i = 0; i < 4; i++) {
		if (len - 5 == strlen(seasons[i]) && memcmp(s + 5, seasons[i], len - 5) == 0) {
			out->year = (int16_t)y;
			out->season = (uint8_t)(i + 1);
			out->precision = LW_PREC_SEASON;
			return 1;
		}
	}
	return 0;
}

static int month_days(int y, int m)
{
	int64_t a = lw_days_from_ymd(y, m, 1);
	int64_t b = m == 12 ? lw_days_from_ymd(y + 1, 1, 1) : lw_days_from_ymd(y, m + 1, 1);
	return (int)(b - a);
}

/* The days [first, last] a date covers; 0 if it is unknown. Seasons are
 * meteorological: spring March to May ... winter December to February
 * (winter 2023 begins in December 2023). */
static int period(const lw_date *d, int64_t *first, int64_t *last)
{
	if (!d || d->year <= 0)
		return 0;
	int y = d->year;
	switch (d->precision) {
	case LW_PREC_DAY:
		*first = *last = lw_days_from_ymd(y, d->month, d->day);
		return 1;
	case LW_PREC_WEEK: {
		int64_t jan4 = lw_days_from_ymd(y, 1, 4);
		int64_t monday = jan4 - (((jan4 % 7) + 7 + 3) % 7);
		*first = monday + 7 * (int64_t)(d->day - 1);
		*last = *first + 6;
		return 1;
	}
	case LW_PREC_MONTH:
		*first = lw_days_from_ymd(y, d->month, 1);
		*last = *first + month_days(y, d->month) - 1;
		return 1;
	case LW_PREC_SEASON: {
		int m = d->season >= 1 && d->season <= 4 ? 3 * d->season : 3;
		*first = lw_days_from_ymd(y, m, 1);
		int ey = m + 2 > 12 ? y + 1 : y, em = (m + 2 - 1) % 12 + 1;
		*last = lw_days_from_ymd(ey, em, 1) + month_days(ey, em) - 1;
		return 1;
	}
	case LW_PREC_YEAR:
		*first = lw_days_from_ymd(y, 1, 1);
		*last = lw_days_from_ymd(y, 12, 31);
		return 1;
	default:
		return 0;
	}
}

/* "YYYY-MM-DD" by lw_date_format, which writes it by hand: snprintf was
 * most of the cost of an event's day. */
static int put_day(int64_t days, char out[16])
{
	int y, m, d;
	lw_ymd_from_days(days, &y, &m, &d);
	out[0] = 0;
	if (y < 1 || y > 9999)
		return 0;
	lw_date x = {(int16_t)y, (uint8_t)m, (uint8_t)d, LW_PREC_DAY, 0};
	return lw_date_format(&x, out, 16) == 10;
}

int lw_event_day(const lw_date *ev, const char *doc_date, char out[16])
{
	lw_date doc;
	int64_t ef, el, df = 0, dl = 0; /* set when has_doc; zero keeps gcc -O3 quiet */
	int has_doc = doc_date && *doc_date &&
		      lw_date_parse_any(doc_date, strlen(doc_date), &doc) && period(&doc, &df, &dl);
	out[0] = 0;
	if (period(ev, &ef, &el)) {
		if (ef == el)
			return put_day(ef, out);
		if (has_doc && df == dl && df >= ef && df <= el)
			return put_day(df, out);
		return put_day(ef, out);
	}
	if (has_doc)
		return put_day(df, out);
	return 0;
}

/* ---- the stored layout of entities and quotes ----
 * entities: [[id, type, name, [[start, end], ...], actor, place_kind,
 *             country, admin1, admin2, lat, lon], ...]  (trailing nulls cut)
 * quotes:   [[start, end, speaker_entity, speaker_name, speaker_start,
 *             speaker_end, description_start, description_end, cue_start,
 *             cue_end, confidence], ...]
 * The views `entities`, `mentions` and `quotes` (schema.c) give them
 * columns with these names. */

static void opt_int(struct lw_jsonw *w, int present, int64_t v)
{
	if (present)
		lw_jsonw_int(w, v);
	else
		lw_jsonw_null(w);
}

static void entity(struct lw_jsonw *w, const lw_entity *e)
{
	lw_jsonw_arr(w);
	lw_jsonw_int(w, e->id);
	lw_jsonw_cstr(w, lw_entity_type_name(e->type));
	lw_jsonw_str(w, e->name.ptr ? e->name.ptr : "", e->name.len);
	lw_jsonw_arr(w);
	for (size_t m = 0; m < e->n_mentions; m++) {
		lw_jsonw_arr(w);
		lw_jsonw_int(w, e->mentions[m].start);
		lw_jsonw_int(w, e->mentions[m].end);
		lw_jsonw_end_arr(w);
	}
	lw_jsonw_end_arr(w);
	if (e->has_actor) {
		char code[8];
		memcpy(code, e->actor.country[0] ? e->actor.country : "---", 3);
		memcpy(code + 3, e->actor.sector[0] ? e->actor.sector : "---", 3);
		lw_jsonw_str(w, code, 6);
	} else if (e->has_place) {
		lw_jsonw_null(w);
	}
	if (e->has_place) {
		const lw_place *p = &e->place;
		lw_jsonw_cstr(w, lw_place_kind_name(p->kind));
		lw_jsonw_cstr(w, p->country[0] ? p->country : NULL);
		if (p->admin1.len)
			lw_jsonw_str(w, p->admin1.ptr, p->admin1.len);
		else
			lw_jsonw_null(w);
		if (p->admin2.len)
			lw_jsonw_str(w, p->admin2.ptr, p->admin2.len);
		else
			lw_jsonw_null(w);
		lw_jsonw_num(w, p->lat, 4);
		lw_jsonw_num(w, p->lon, 4);
	}
	lw_jsonw_end_arr(w);
}

static void quote(struct lw_jsonw *w, const lw_quote *q)
{
	const lw_speaker *sp = &q->speaker;
	lw_jsonw_arr(w);
	lw_jsonw_int(w, q->span.start);
	lw_jsonw_int(w, q->span.end);
	opt_int(w, sp->present && sp->entity >= 0, sp->entity);
	if (sp->present)
		lw_jsonw_str(w, sp->name.ptr ? sp->name.ptr : "", sp->name.len);
	else
		lw_jsonw_null(w);
	opt_int(w, sp->present, sp->span.start);
	opt_int(w, sp->present, sp->span.end);
	opt_int(w, sp->present && sp->description.present, sp->description.span.start);
	opt_int(w, sp->present && sp->description.present, sp->description.span.end);
	opt_int(w, q->cue.present, q->cue.span.start);
	opt_int(w, q->cue.present, q->cue.span.end);
	lw_jsonw_num(w, q->confidence, 2);
	lw_jsonw_end_arr(w);
}

static lw_str to_arena(struct lw_arena *a, const struct lw_buf *b, int *oom)
{
	lw_str s = {NULL, 0};
	char *c = b->failed ? NULL : lw_arena_strndup(a, b->ptr ? b->ptr : "", b->len);
	if (!c) {
		*oom = 1;
		return s;
	}
	s.ptr = c;
	s.len = b->len;
	return s;
}

/*
 * A packed column: JSON of at least LW_PACK_MIN bytes is stored deflated
 * (zlib's format) when that saves a tenth, with its length beside it, in
 * the convention of SQLite's sqlar archives, so that
 * sqlar_uncompress(entities, entities_size) gives the JSON back in the
 * sqlite3 shell as in lapwing (schema.c registers the function). On the
 * benchmark corpus this halves these columns (47 + 14 MB to 24 + 7).
 */
#define LW_PACK_MIN 128
/*
 * libdeflate (a Debian library) writes the same zlib format as zlib, at
 * level 1 to about the same size, twice as fast: zlib's compress of these
 * columns took a quarter of the coding threads' instructions on the
 * benchmark corpus (deflate ran at about 38 MB/s on this JSON). Its
 * compressor holds a few hundred KB of tables, so each thread keeps one for
 * its life (freed when the thread ends) instead of setting one up a call.
 * Reading still uses zlib's inflate (schema.c), as any reader can.
 */
#define LW_PACK_LEVEL 1

static pthread_key_t pack_key;
static pthread_once_t pack_once = PTHREAD_ONCE_INIT;
static int pack_key_ok;

static void free_compressor(void *c)
{
	libdeflate_free_compressor(c);
}

static void pack_key_init(void)
{
	pack_key_ok = pthread_key_create(&pack_key, free_compressor) == 0;
}

/* This thread's compressor, made on first use; NULL when out of memory. */
static struct libdeflate_compressor *compressor(void)
{
	pthread_once(&pack_once, pack_key_init);
	if (!pack_key_ok)
		return NULL;
	struct libdeflate_compressor *c = pthread_getspecific(pack_key);
	if (!c) {
		c = libdeflate_alloc_compressor(LW_PACK_LEVEL);
		if (c && pthread_setspecific(pack_key, c) != 0) {
			libdeflate_free_compressor(c);
			c = NULL;
		}
	}
	return c;
}

static lw_str pack(struct lw_arena *a, const struct lw_buf *b, size_t *size, int *oom)
{
	*size = 0;
	if (!b->failed && b->len >= LW_PACK_MIN && b->len <= UINT32_MAX) {
		struct libdeflate_compressor *c = compressor();
		if (!c) {
			*oom = 1;
			return (lw_str){NULL, 0};
		}
		/* only a result that saves a tenth is kept: room for that is
		 * enough, and libdeflate says 0 when the output would not fit */
		size_t cap = b->len - b->len / 10;
		void *z = lw_arena_alloc(a, cap);
		if (!z) {
			*oom = 1;
			return (lw_str){NULL, 0};
		}
		size_t n = libdeflate_zlib_compress(c, b->ptr, b->len, z, cap);
		if (n > 0 && n < cap) {
			*size = b->len;
			return (lw_str){(const char *)z, n};
		}
	}
	return to_arena(a, b, oom);
}

/* ---- the events' text columns as labels ---- */

/* A label of `n` bytes at `p`, or no value when p is NULL. */
static void label(struct lw_rec_label *l, const char *p, size_t n)
{
	l->ptr = p;
	l->len = p ? n : 0;
	l->hash = p ? lw_label_hash(p, n) : 0;
}

/* A C string; empty is no value. */
static void clabel(struct lw_rec_label *l, const char *v)
{
	label(l, v && *v ? v : NULL, v ? strlen(v) : 0);
}

/* A span of text; empty is no value. */
static void slabel(struct lw_rec_label *l, lw_str v)
{
	label(l, v.len ? v.ptr : NULL, v.len);
}

/* A text made here, copied into the arena; -1 out of memory. */
static int alabel(struct lw_arena *a, struct lw_rec_label *l, const char *p, size_t n)
{
	const char *c = p ? lw_arena_strndup(a, p, n) : NULL;
	label(l, c, n);
	return p && !c ? -1 : 0;
}

/* The entity of id, or NULL: ids count from 1 in document order, as
 * lapwing writes them; a stored document's are looked for. */
static const lw_entity *entity_of(const struct lw_store_rec *r, int32_t id)
{
	if (id <= 0)
		return NULL;
	if ((size_t)id <= r->nent && r->ent[id - 1].id == (uint32_t)id)
		return &r->ent[id - 1];
	for (size_t i = 0; i < r->nent; i++)
		if (r->ent[i].id == (uint32_t)id)
			return &r->ent[i];
	return NULL;
}

/* The actor's name (empty when present without one) and its code,
 * "PAKREB" or "---IGO" ("" country or sector is ---). A named entity's
 * actor is counted under the entity's canonical name, whatever words
 * named it in the event ("TTP" is "Tehrik-i-Taliban Pakistan"). */
static int actor_labels(struct lw_arena *a, struct lw_rec_label *l, const lw_event_actor *x,
			const struct lw_store_rec *r)
{
	char code[6];
	if (!x->present) {
		label(&l[0], NULL, 0);
		label(&l[1], NULL, 0);
		return 0;
	}
	const lw_entity *e = entity_of(r, x->entity);
	lw_str name = e && e->name.len ? e->name : x->name;
	label(&l[0], name.ptr ? name.ptr : "", name.len);
	memcpy(code, x->code.country[0] ? x->code.country : "---", 3);
	memcpy(code + 3, x->code.sector[0] ? x->code.sector : "---", 3);
	return alabel(a, &l[1], code, 6);
}

static int event_labels(struct lw_arena *a, struct lw_rec_label *l, const lw_event *e,
			const struct lw_store_rec *r)
{
	char date[32], day[16];
	const lw_event_place *loc = &e->location;
	label(&l[EVL_TYPE], e->type ? e->type : "", e->type ? strlen(e->type) : 0);
	clabel(&l[EVL_MODE], e->mode);
	int fail = actor_labels(a, &l[EVL_SOURCE_NAME], &e->source, r) |
		   actor_labels(a, &l[EVL_TARGET_NAME], &e->target, r);
	for (int k = EVL_LOCATION_NAME; k <= EVL_ADMIN2; k++)
		label(&l[k], NULL, 0);
	if (loc->present) {
		label(&l[EVL_LOCATION_NAME], loc->name.ptr ? loc->name.ptr : "", loc->name.len);
		clabel(&l[EVL_LOCATION_KIND], lw_place_kind_name(loc->place.kind));
		clabel(&l[EVL_COUNTRY], loc->place.country);
		slabel(&l[EVL_ADMIN1], loc->place.admin1);
		slabel(&l[EVL_ADMIN2], loc->place.admin2);
	}
	size_t dn = e->date.present ? lw_date_format(&e->date.date, date, sizeof date) : 0;
	fail |= alabel(a, &l[EVL_DATE], dn ? date : NULL, dn);
	clabel(&l[EVL_DATE_PRECISION],
	       dn ? lw_precision_name((lw_precision)e->date.date.precision) : NULL);
	int has_day = lw_event_day(dn ? &e->date.date : NULL, r->date, day);
	fail |= alabel(a, &l[EVL_DAY], has_day && day[0] ? day : NULL, strlen(day));
	clabel(&l[EVL_CAMEO], e->cameo);
	clabel(&l[EVL_ACLED_TYPE], e->acled_type);
	clabel(&l[EVL_ACLED_SUBTYPE], e->acled_type ? e->acled_subtype : NULL);
	return fail;
}

/* A label that has the same text as the previous event's in its column
 * points to that one's text: the writer then sees by the pointer alone
 * that the value is the one it bound last (write.c: write_events), and
 * skips the map of labels. Most events of a document share their type,
 * mode, place, date or day with the one before. */
static void share_labels(struct lw_rec_label *l, const struct lw_rec_label *prev)
{
	for (int k = 0; k < EVL_COUNT; k++)
		if (l[k].ptr && prev[k].ptr && l[k].ptr != prev[k].ptr && l[k].hash == prev[k].hash &&
		    l[k].len == prev[k].len && memcmp(l[k].ptr, prev[k].ptr, l[k].len) == 0)
			l[k].ptr = prev[k].ptr;
}

/* Every event's labels, EVL_COUNT per event. */
static int pack_events(struct lw_store_rec *r)
{
	if (!r->nev)
		return 0;
	if (r->nev > SIZE_MAX / EVL_COUNT / sizeof *r->ev_labels)
		return -1;
	r->ev_labels = lw_arena_alloc(&r->arena, r->nev * EVL_COUNT * sizeof *r->ev_labels);
	if (!r->ev_labels)
		return -1;
	for (size_t i = 0; i < r->nev; i++) {
		struct lw_rec_label *l = &r->ev_labels[i * EVL_COUNT];
		if (event_labels(&r->arena, l, &r->ev[i], r))
			return -1;
		if (i > 0)
			share_labels(l, l - EVL_COUNT);
	}
	return 0;
}

lw_status lw_rec_pack(struct lw_store_rec *r)
{
	struct lw_buf b = LW_BUF_INIT;
	struct lw_jsonw w;
	int oom = 0;
	if (r->packed)
		return LW_OK;
	lw_jsonw_init(&w, &b, 0);
	lw_jsonw_arr(&w);
	for (size_t i = 0; i < r->nent; i++)
		entity(&w, &r->ent[i]);
	lw_jsonw_end_arr(&w);
	r->entities_json = pack(&r->arena, &b, &r->entities_size, &oom);
	b.len = 0;
	lw_jsonw_init(&w, &b, 0);
	lw_jsonw_arr(&w);
	for (size_t i = 0; i < r->nquote; i++)
		quote(&w, &r->quote[i]);
	lw_jsonw_end_arr(&w);
	r->quotes_json = pack(&r->arena, &b, &r->quotes_size, &oom);
	lw_buf_release(&b);
	if (!oom && pack_events(r))
		oom = 1;
	if (oom)
		return LW_ENOMEM;
	r->packed = 1;
	return LW_OK;
}
