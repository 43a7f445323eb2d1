/*
 * explain.c: lw_kb_explain, the dictionary matches of a text in words
 * (`lapwing kb lookup`), and lw_kb_country, a country a user names.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kb.h"
#include "match.h"
#include "sound.h"
#include "units.h"
#include "../text/text.h"
#include "../util/arena.h"
#include "../util/buf.h"

static const char *const sense_names[LW_SENSE_KINDS] = {
	"?", "actor", "place", "demonym", "role", "title", "org-head", "place-head", "cue",
	"given-name", "particle", "number", "approx", "trigger", "casualty", "not-name",
};

static void describe(struct lw_buf *o, const struct lw_kb *kb, const struct lw_kb_sense *s,
		     int32_t day)
{
	static const char *const pk[] = {"?", "country", "admin1", "admin2", "city", "other"};
	lw_buf_adds(o, s->kind < LW_SENSE_KINDS ? sense_names[s->kind] : "?");
	switch (s->kind) {
	case LW_SENSE_ACTOR: {
		const struct lw_kb_actor *a = &kb->actors[s->id];
		const struct lw_kb_period *p = lw_actor_period(kb, a, day);
		lw_buf_addf(o, " \"%.*s\" %s %s%s%s", (int)a->name_len, lw_kb_str(kb, a->name_off),
			    a->type == LW_ACTOR_PERSON ? "PERSON" : "ORG",
			    p && p->country[0] ? p->country : "---", p ? p->sector : "",
			    a->flags & LW_AF_ARMED_GROUP ? " armed-group" : "");
		break;
	}
	case LW_SENSE_PLACE: {
		const struct lw_kb_place *p = &kb->places[s->id];
		lw_buf_addf(o, " \"%.*s\" %s %s", (int)p->name_len, lw_kb_str(kb, p->name_off),
			    p->kind <= 5 ? pk[p->kind] : "?", p->country);
		if (p->admin1 != UINT32_MAX && p->kind > LW_PK_ADMIN1)
			lw_buf_addf(o, " admin1=%.*s", (int)kb->places[p->admin1].name_len,
				    lw_kb_str(kb, kb->places[p->admin1].name_off));
		if (p->admin2 != UINT32_MAX && p->kind > LW_PK_ADMIN2)
			lw_buf_addf(o, " admin2=%.*s", (int)kb->places[p->admin2].name_len,
				    lw_kb_str(kb, kb->places[p->admin2].name_off));
		if (!isnan(p->lat))
			lw_buf_addf(o, " %.4f %.4f", (double)p->lat, (double)p->lon);
		break;
	}
	case LW_SENSE_DEMONYM:
		lw_buf_addf(o, " %s", kb->countries[s->id].a3);
		break;
	case LW_SENSE_ROLE: {
		static const char *const rk[] = {"group", "institution", "title"};
		const struct lw_kb_role *r = &kb->roles[s->id];
		lw_buf_addf(o, " %s %s", r->sector, r->kind < 3 ? rk[r->kind] : "?");
		break;
	}
	case LW_SENSE_TRIGGER: {
		const struct lw_kb_trigger *t = &kb->triggers[s->id];
		lw_buf_addf(o, " %s %.*s cameo=%s", lw_plover_types[t->type], (int)t->mode_len,
			    lw_kb_str(kb, t->mode_off), t->cameo);
		break;
	}
	case LW_SENSE_NUMBER:
		lw_buf_addf(o, " %d%s", s->value, s->sub ? " approx" : "");
		break;
	default:
		lw_buf_addf(o, " sub=%u", s->sub);
	}
	if (s->form)
		lw_buf_addf(o, " form=%s%s%s%s%s", s->form & LW_FORM_BASE ? "base," : "",
			    s->form & LW_FORM_3SG ? "3sg," : "", s->form & LW_FORM_PAST ? "past," : "",
			    s->form & LW_FORM_ING ? "ing," : "", s->form & LW_FORM_PLURAL ? "plural," : "");
	if (s->flags & LW_SF_COMMON)
		lw_buf_adds(o, " (common word)");
	if (!(s->flags & LW_SF_CANONICAL) && (s->kind == LW_SENSE_ACTOR || s->kind == LW_SENSE_PLACE))
		lw_buf_adds(o, " (alias)");
}

/* Places the whole text sounds like (the entity stage's sound_place asks
 * the same index): "Sukkar" sounds like Sukkur. At most SOUNDS_SHOWN. */
#define SOUNDS_SHOWN 20

static void sounds_like(struct lw_buf *o, const struct lw_kb *kb, const char *text,
			const struct lw_units *u, int32_t day)
{
	char name[256];
	size_t n = lw_units_join(u, 0, u->n, name, sizeof name);
	if (n == SIZE_MAX)
		return;
	size_t letters, shown = 0;
	uint64_t key = lw_sound_key(name, n, &letters);
	if (letters < LW_SOUND_MIN || !u->n)
		return;
	uint32_t s0 = u->u[0].start, e0 = u->u[u->n - 1].end;
	for (size_t i = lw_kb_sounds_from(kb, key);
	     i < kb->nsounds && kb->sounds[i].key == key && shown < SOUNDS_SHOWN; i++) {
		uint32_t id = kb->sounds[i].place;
		if (id >= kb->nplaces)
			return;
		/* the text's own spelling was shown above */
		if (!lw_kb_place_close(kb, id, name, n, SIZE_MAX) ||
		    lw_kb_place_close(kb, id, name, n, 0))
			continue;
		struct lw_kb_sense s = {.id = id, .kind = LW_SENSE_PLACE, .flags = LW_SF_CANONICAL};
		lw_buf_addf(o, "%u %u \"%.*s\" sounds like ", s0, e0, (int)(e0 - s0), text + s0);
		describe(o, kb, &s, day);
		lw_buf_addc(o, '\n');
		shown++;
	}
}

/* A short text a user gives (a lookup, a country's name) as the units the
 * dictionaries are matched over: its copy, tokens and units. */
struct phrase {
	struct lw_arena a;
	char *copy;
	struct lw_text t;
	struct lw_units u;
	int analysed; /* t holds an analysis to release */
};

/* 0, or -1 (out of memory, or a text the text layer refuses); either way
 * phrase_release frees what was made. */
static int phrase_units(const struct lw_kb *kb, const char *text, size_t len, struct phrase *p)
{
	memset(p, 0, sizeof *p);
	lw_arena_init(&p->a);
	p->copy = lw_arena_strndup(&p->a, text, len);
	if (!p->copy || lw_text_analyze(&p->a, p->copy, len, &kb->textlex, &p->t) != LW_OK)
		return -1;
	p->analysed = 1;
	return lw_make_units(&p->a, &p->t, &p->u) == LW_OK ? 0 : -1;
}

static void phrase_release(struct phrase *p)
{
	if (p->analysed)
		lw_text_release(&p->t);
	free(p->u.u);
	free(p->u.keys);
	lw_arena_release(&p->a);
}

lw_status lw_kb_explain(const lw_kb *kb, const char *text, size_t len, const char *date,
			lw_write_fn write, void *ctx)
{
	struct phrase ph;
	struct lw_buf o = LW_BUF_INIT;
	lw_status st = LW_ENOMEM;
	int32_t day = INT32_MIN;
	lw_date d;
	if (date && lw_date_parse(date, strlen(date), &d))
		day = lw_days_from_civil(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
	if (phrase_units(kb, text, len, &ph) != 0)
		goto done;
	const struct lw_units u = ph.u;
	const char *copy = ph.copy;
	for (size_t i = 0; i < u.n; i++) {
		struct lw_hit hits[LW_KB_MAX_UNITS];
		size_t nh = lw_match_at(kb, NULL, &u, i, hits, LW_KB_MAX_UNITS);
		for (size_t h = 0; h < nh; h++) {
			uint32_t s0 = u.u[hits[h].first].start, e0 = u.u[hits[h].end - 1].end;
			for (uint32_t k = 0; k < hits[h].nsense; k++) {
				const struct lw_kb_sense *s = &kb->senses[hits[h].sense + k];
				int ok = lw_case_ok(s, u.u + hits[h].first, hits[h].end - hits[h].first);
				lw_buf_addf(&o, "%u %u \"%.*s\" %s", s0, e0, (int)(e0 - s0), copy + s0,
					    ok ? "" : "(case does not fit) ");
				describe(&o, kb, s, day);
				lw_buf_addc(&o, '\n');
			}
		}
	}
	sounds_like(&o, kb, copy, &u, day);
	st = o.failed ? LW_ENOMEM : write(ctx, o.ptr ? o.ptr : "", o.len) ? LW_EIO : LW_OK;
done:
	phrase_release(&ph);
	lw_buf_release(&o);
	return st;
}

/* A country's alpha-3 code in any case: "pak". */
static int country_by_code(const struct lw_kb *kb, const char *p, size_t n, char a3[4])
{
	if (n != 3)
		return 0;
	char up[3];
	for (size_t i = 0; i < 3; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		if (c < 'A' || c > 'Z')
			return 0;
		up[i] = (char)c;
	}
	for (size_t i = 0; i < kb->ncountries; i++)
		if (memcmp(kb->countries[i].a3, up, 3) == 0) {
			memcpy(a3, up, 3);
			a3[3] = 0;
			return 1;
		}
	return 0;
}

int lw_kb_country(const lw_kb *kb, const char *name, size_t len, char a3[4])
{
	a3[0] = 0;
	if (!kb || !name || len == 0 || len > 200)
		return 0;
	if (country_by_code(kb, name, len, a3))
		return 1;
	/* a name: the dictionary's phrase over all of it, in any case
	 * ("pakistan"), that is a country and one only */
	struct phrase ph;
	char found[4] = "";
	int ambiguous = 0;
	if (phrase_units(kb, name, len, &ph) == 0 && ph.u.n) {
		struct lw_hit hits[LW_KB_MAX_UNITS];
		size_t nh = lw_match_at(kb, NULL, &ph.u, 0, hits, LW_KB_MAX_UNITS);
		for (size_t h = 0; h < nh; h++) {
			if (hits[h].end != ph.u.n)
				continue;
			for (uint32_t k = 0; k < hits[h].nsense; k++) {
				const struct lw_kb_sense *s = &kb->senses[hits[h].sense + k];
				if (s->kind != LW_SENSE_PLACE || s->id >= kb->nplaces ||
				    kb->places[s->id].kind != LW_PK_COUNTRY)
					continue;
				const char *c = kb->places[s->id].country;
				if (found[0] && memcmp(found, c, 3) != 0)
					ambiguous = 1;
				memcpy(found, c, 3);
				found[3] = 0;
			}
		}
	}
	phrase_release(&ph);
	if (!found[0] || ambiguous)
		return 0;
	memcpy(a3, found, 4);
	return 1;
}
