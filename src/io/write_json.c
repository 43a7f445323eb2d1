/*
 * write_json.c: a document result as one object of the output contract
 * (docs/output.md). A client of the public API only: it reads the result
 * through lapwing.h accessors, as any other writer would.
 */
#include <math.h>
#include <string.h>

#include "lapwing.h"
#include "jsonw.h"

static void span_fields(struct lw_jsonw *w, lw_span s)
{
	lw_jsonw_key(w, "start");
	lw_jsonw_int(w, s.start);
	lw_jsonw_key(w, "end");
	lw_jsonw_int(w, s.end);
}

static void text_of(struct lw_jsonw *w, lw_str text, lw_span s)
{
	if (s.end <= text.len && s.start <= s.end)
		lw_jsonw_str(w, text.ptr + s.start, s.end - s.start);
	else
		lw_jsonw_null(w);
}

/* {"start", "end", "text"} */
static void span_text(struct lw_jsonw *w, lw_str text, lw_span s)
{
	lw_jsonw_obj(w);
	span_fields(w, s);
	lw_jsonw_key(w, "text");
	text_of(w, text, s);
	lw_jsonw_end_obj(w);
}

static void opt_str(struct lw_jsonw *w, const char *key, lw_str s)
{
	lw_jsonw_keyn(w, key, strlen(key));
	if (s.ptr)
		lw_jsonw_str(w, s.ptr, s.len);
	else
		lw_jsonw_null(w);
}

static void code_fields(struct lw_jsonw *w, const lw_actor_code *c)
{
	char code[8];
	memcpy(code, c->country[0] ? c->country : "---", 3);
	memcpy(code + 3, c->sector[0] ? c->sector : "---", 3);
	code[6] = 0;
	lw_jsonw_key(w, "code");
	lw_jsonw_str(w, code, 6);
	lw_jsonw_key(w, "country");
	lw_jsonw_cstr(w, c->country[0] ? c->country : NULL);
	lw_jsonw_key(w, "sector");
	lw_jsonw_cstr(w, c->sector[0] ? c->sector : NULL);
}

static void place_fields(struct lw_jsonw *w, const lw_place *p)
{
	lw_jsonw_key(w, "country");
	lw_jsonw_cstr(w, p->country[0] ? p->country : NULL);
	opt_str(w, "admin1", p->admin1.len ? p->admin1 : (lw_str){NULL, 0});
	opt_str(w, "admin2", p->admin2.len ? p->admin2 : (lw_str){NULL, 0});
	lw_jsonw_key(w, "lat");
	lw_jsonw_num(w, p->lat, 4);
	lw_jsonw_key(w, "lon");
	lw_jsonw_num(w, p->lon, 4);
}

static void entities(struct lw_jsonw *w, const lw_doc *doc)
{
	size_t n;
	const lw_entity *e = lw_doc_entities(doc, &n);
	lw_jsonw_key(w, "entities");
	lw_jsonw_arr(w);
	for (size_t i = 0; i < n; i++) {
		lw_jsonw_obj(w);
		lw_jsonw_key(w, "id");
		lw_jsonw_int(w, e[i].id);
		lw_jsonw_key(w, "type");
		lw_jsonw_cstr(w, lw_entity_type_name(e[i].type));
		lw_jsonw_key(w, "name");
		lw_jsonw_str(w, e[i].name.ptr, e[i].name.len);
		lw_jsonw_key(w, "mentions");
		lw_jsonw_arr(w);
		for (size_t m = 0; m < e[i].n_mentions; m++) {
			lw_jsonw_obj(w);
			span_fields(w, e[i].mentions[m]);
			lw_jsonw_end_obj(w);
		}
		lw_jsonw_end_arr(w);
		lw_jsonw_key(w, "actor");
		if (e[i].has_actor) {
			lw_jsonw_obj(w);
			code_fields(w, &e[i].actor);
			lw_jsonw_end_obj(w);
		} else {
			lw_jsonw_null(w);
		}
		lw_jsonw_key(w, "place");
		if (e[i].has_place) {
			lw_jsonw_obj(w);
			place_fields(w, &e[i].place);
			lw_jsonw_key(w, "kind");
			lw_jsonw_cstr(w, lw_place_kind_name(e[i].place.kind));
			lw_jsonw_end_obj(w);
		} else {
			lw_jsonw_null(w);
		}
		lw_jsonw_end_obj(w);
	}
	lw_jsonw_end_arr(w);
}

static void quotes(struct lw_jsonw *w, const lw_doc *doc, lw_str text)
{
	size_t n;
	const lw_quote *q = lw_doc_quotes(doc, &n);
	lw_jsonw_key(w, "quotes");
	lw_jsonw_arr(w);
	for (size_t i = 0; i < n; i++) {
		lw_jsonw_obj(w);
		span_fields(w, q[i].span);
		lw_jsonw_key(w, "text");
		text_of(w, text, q[i].span);
		lw_jsonw_key(w, "speaker");
		if (q[i].speaker.present) {
			const lw_speaker *s = &q[i].speaker;
			lw_jsonw_obj(w);
			lw_jsonw_key(w, "entity");
			if (s->entity >= 0)
				lw_jsonw_int(w, s->entity);
			else
				lw_jsonw_null(w);
			lw_jsonw_key(w, "name");
			lw_jsonw_str(w, s->name.ptr, s->name.len);
			span_fields(w, s->span);
			lw_jsonw_key(w, "text");
			text_of(w, text, s->span);
			lw_jsonw_key(w, "description");
			if (s->description.present)
				span_text(w, text, s->description.span);
			else
				lw_jsonw_null(w);
			lw_jsonw_end_obj(w);
		} else {
			lw_jsonw_null(w);
		}
		lw_jsonw_key(w, "cue");
		if (q[i].cue.present)
			span_text(w, text, q[i].cue.span);
		else
			lw_jsonw_null(w);
		lw_jsonw_key(w, "confidence");
		lw_jsonw_num(w, q[i].confidence, 2);
		lw_jsonw_end_obj(w);
	}
	lw_jsonw_end_arr(w);
}

static void event_actor(struct lw_jsonw *w, const char *key, const lw_event_actor *a,
			lw_str text)
{
	lw_jsonw_keyn(w, key, strlen(key));
	if (!a->present) {
		lw_jsonw_null(w);
		return;
	}
	lw_jsonw_obj(w);
	lw_jsonw_key(w, "entity");
	if (a->entity >= 0)
		lw_jsonw_int(w, a->entity);
	else
		lw_jsonw_null(w);
	lw_jsonw_key(w, "name");
	lw_jsonw_str(w, a->name.ptr, a->name.len);
	code_fields(w, &a->code);
	span_fields(w, a->span);
	lw_jsonw_key(w, "text");
	text_of(w, text, a->span);
	lw_jsonw_end_obj(w);
}

static void count(struct lw_jsonw *w, const char *key, const lw_count *c, lw_str text)
{
	lw_jsonw_keyn(w, key, strlen(key));
	if (!c->present) {
		lw_jsonw_null(w);
		return;
	}
	lw_jsonw_obj(w);
	lw_jsonw_key(w, "value");
	lw_jsonw_int(w, c->value);
	lw_jsonw_key(w, "approx");
	lw_jsonw_bool(w, c->approx);
	span_fields(w, c->span);
	lw_jsonw_key(w, "text");
	text_of(w, text, c->span);
	lw_jsonw_end_obj(w);
}

static void events(struct lw_jsonw *w, const lw_doc *doc, lw_str text)
{
	size_t n;
	const lw_event *e = lw_doc_events(doc, &n);
	lw_jsonw_key(w, "events");
	lw_jsonw_arr(w);
	for (size_t i = 0; i < n; i++) {
		const lw_event *ev = &e[i];
		lw_jsonw_obj(w);
		lw_jsonw_key(w, "type");
		lw_jsonw_cstr(w, ev->type);
		lw_jsonw_key(w, "mode");
		lw_jsonw_cstr(w, ev->mode);
		event_actor(w, "source", &ev->source, text);
		event_actor(w, "target", &ev->target, text);
		lw_jsonw_key(w, "location");
		if (ev->location.present) {
			lw_jsonw_obj(w);
			lw_jsonw_key(w, "entity");
			if (ev->location.entity >= 0)
				lw_jsonw_int(w, ev->location.entity);
			else
				lw_jsonw_null(w);
			lw_jsonw_key(w, "name");
			lw_jsonw_str(w, ev->location.name.ptr, ev->location.name.len);
			place_fields(w, &ev->location.place);
			lw_jsonw_key(w, "kind");
			lw_jsonw_cstr(w, lw_place_kind_name(ev->location.place.kind));
			span_fields(w, ev->location.span);
			lw_jsonw_end_obj(w);
		} else {
			lw_jsonw_null(w);
		}
		lw_jsonw_key(w, "date");
		char dbuf[32];
		size_t dn = ev->date.present ? lw_date_format(&ev->date.date, dbuf, sizeof dbuf) : 0;
		if (dn) {
			lw_jsonw_obj(w);
			lw_jsonw_key(w, "value");
			lw_jsonw_str(w, dbuf, dn);
			lw_jsonw_key(w, "precision");
			lw_jsonw_cstr(w, lw_precision_name((lw_precision)ev->date.date.precision));
			if (ev->date.span.end > ev->date.span.start) {
				span_fields(w, ev->date.span);
			} else { /* the document date: no words in the text say it */
				lw_jsonw_key(w, "start");
				lw_jsonw_null(w);
				lw_jsonw_key(w, "end");
				lw_jsonw_null(w);
			}
			lw_jsonw_end_obj(w);
		} else {
			lw_jsonw_null(w);
		}
		count(w, "dead", &ev->dead, text);
		count(w, "injured", &ev->injured, text);
		count(w, "arrested", &ev->arrested, text);
		lw_jsonw_key(w, "trigger");
		span_text(w, text, ev->trigger);
		lw_jsonw_key(w, "sentence");
		lw_jsonw_obj(w);
		span_fields(w, ev->sentence);
		lw_jsonw_end_obj(w);
		lw_jsonw_key(w, "cameo");
		lw_jsonw_cstr(w, ev->cameo);
		lw_jsonw_key(w, "acled");
		if (ev->acled_type) {
			lw_jsonw_obj(w);
			lw_jsonw_key(w, "event_type");
			lw_jsonw_cstr(w, ev->acled_type);
			lw_jsonw_key(w, "sub_event_type");
			lw_jsonw_cstr(w, ev->acled_subtype);
			lw_jsonw_end_obj(w);
		} else {
			lw_jsonw_null(w);
		}
		lw_jsonw_key(w, "negated");
		lw_jsonw_bool(w, ev->negated);
		lw_jsonw_key(w, "speculative");
		lw_jsonw_bool(w, ev->speculative);
		lw_jsonw_key(w, "background");
		lw_jsonw_bool(w, ev->background);
		lw_jsonw_key(w, "confidence");
		lw_jsonw_num(w, ev->confidence, 2);
		lw_jsonw_end_obj(w);
	}
	lw_jsonw_end_arr(w);
}

static void dateline(struct lw_jsonw *w, const lw_doc *doc, lw_str text)
{
	const lw_dateline *dl = lw_doc_dateline(doc);
	lw_jsonw_key(w, "dateline");
	if (!dl->found) {
		lw_jsonw_null(w);
		return;
	}
	lw_jsonw_obj(w);
	span_fields(w, dl->span);
	lw_jsonw_key(w, "text");
	text_of(w, text, dl->span);
	lw_jsonw_key(w, "place");
	span_text(w, text, dl->place);
	lw_jsonw_key(w, "date");
	char buf[32];
	size_t n = lw_date_format(&dl->date, buf, sizeof buf);
	if (n)
		lw_jsonw_str(w, buf, n);
	else
		lw_jsonw_null(w);
	lw_jsonw_end_obj(w);
}

lw_status lw_doc_write_json(const lw_doc *doc, unsigned flags, lw_write_fn write, void *ctx)
{
	struct lw_buf b = LW_BUF_INIT;
	struct lw_jsonw w;
	lw_str text = lw_doc_text(doc);
	lw_jsonw_init(&w, &b, (flags & LW_JSON_PRETTY) != 0);
	lw_jsonw_obj(&w);
	lw_jsonw_key(&w, "lapwing");
	lw_jsonw_int(&w, LW_CONTRACT_VERSION);
	opt_str(&w, "id", lw_doc_id(doc));
	lw_date_origin origin;
	lw_date date = lw_doc_date(doc, &origin);
	char dbuf[32];
	size_t dn = lw_date_format(&date, dbuf, sizeof dbuf);
	lw_jsonw_key(&w, "date");
	if (dn)
		lw_jsonw_str(&w, dbuf, dn);
	else
		lw_jsonw_null(&w);
	opt_str(&w, "title", lw_doc_title(doc));
	opt_str(&w, "source", lw_doc_source(doc));
	opt_str(&w, "url", lw_doc_url(doc));
	dateline(&w, doc, text);
	entities(&w, doc);
	quotes(&w, doc, text);
	events(&w, doc, text);
	lw_jsonw_end_obj(&w);
	lw_buf_addc(&b, '\n');
	lw_status st = LW_OK;
	if (b.failed)
		st = LW_ENOMEM;
	else if (write(ctx, b.ptr, b.len) != 0)
		st = LW_EIO;
	lw_buf_release(&b);
	return st;
}
