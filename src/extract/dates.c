/*
 * dates.c: date expressions in a text, resolved against the document
 * date: absolute ("Jan. 25, 2013", "25 January", "in 2021", "January
 * 2013") and relative ("yesterday", "last night", "on Monday", "last
 * week", "this spring", "earlier this month", "two years ago"), each with
 * its precision. A date without a year takes the document's, or failing
 * that the nearest fuller date in the text.
 *
 * The calendar words live here as tables, like the month names of the
 * dateline reader: they are the language of dates, not knowledge users
 * extend.
 */
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "extract.h"
#include "words.h"
#include "../text/utf8.h"

/*
 * The words of date expressions, by id. A caller that classifies a
 * document's tokens once passes their ids to lw_find_dates, and reading a
 * date compares small numbers instead of strings.
 */
enum dword {
	DW_NONE,
	/* words a date expression may start with (besides numbers, months and
	 * weekdays); DW_A .. DW_FEW are the small numbers */
	DW_IN, DW_SINCE, DW_DURING, DW_YESTERDAY, DW_TODAY, DW_TONIGHT, DW_LAST,
	DW_OVERNIGHT, DW_THIS, DW_ON, DW_EARLIER, DW_LATE, DW_EARLY, DW_PAST,
	DW_THE, DW_NEXT,
	DW_A, DW_AN, DW_ONE, DW_TWO, DW_THREE, DW_FOUR, DW_FIVE, DW_SIX, DW_SEVEN,
	DW_EIGHT, DW_NINE, DW_TEN, DW_ELEVEN, DW_TWELVE, DW_SEVERAL, DW_FEW,
	DW_MONDAY, DW_TUESDAY, DW_WEDNESDAY, DW_THURSDAY, DW_FRIDAY, DW_SATURDAY,
	DW_SUNDAY,
	/* words after the first */
	DW_NIGHT, DW_EVENING, DW_MORNING, DW_AFTERNOON, DW_DAY, DW_DAYS, DW_WEEK,
	DW_WEEKS, DW_WEEKEND, DW_MONTH, DW_MONTHS, DW_YEAR, DW_YEARS, DW_SPRING,
	DW_SUMMER, DW_AUTUMN, DW_FALL, DW_WINTER, DW_AGO, DW_LATER,
	DW_FOLLOWING, DW_PREVIOUS, DW_PRECEDING, DW_SAME, DW_BEFORE, DW_AFTER,
	DW_N
};

static const char *const dwords[DW_N] = {
	"", "in", "since", "during", "yesterday", "today", "tonight", "last",
	"overnight", "this", "on", "earlier", "late", "early", "past",
	"the", "next",
	"a", "an", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "several", "few",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
	"night", "evening", "morning", "afternoon", "day", "days", "week",
	"weeks", "weekend", "month", "months", "year", "years", "spring",
	"summer", "autumn", "fall", "winter", "ago", "later",
	"following", "previous", "preceding", "same", "before", "after"};

/* The values of the small numbers DW_A .. DW_FEW. */
static const int small_numbers[DW_FEW - DW_A + 1] = {1, 1, 1, 2, 3, 4, 5, 6, 7, 8,
						     9, 10, 11, 12, 3, 3};

/* Tokens with their word ids: `ids` per token, or NULL to compare strings. */
struct dscan {
	const struct lw_text *t;
	const uint8_t *ids;
};

/* wid without the document's ids: the token compared with every word. */
static int wid_scan(const struct dscan *s, size_t k)
{
	for (int i = 1; i < DW_N; i++)
		if (lw_tok_is(s->t, k, dwords[i]))
			return i;
	return DW_NONE;
}

/* The id of token k (DW_NONE past the end or for any other word). Inline:
 * a date expression asks it of each token several times, and with the
 * ids known it is one load. */
static inline int wid(const struct dscan *s, size_t k)
{
	if (k >= s->t->ntok)
		return DW_NONE;
	return s->ids ? s->ids[k] : wid_scan(s, k);
}

/* ---- civil calendar ---- */

int32_t lw_day_number(int y, int m, int d)
{
	/* days since 1970-01-01 */
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void lw_civil_from_days(int32_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yy + (*m <= 2);
}

/* 0 Monday .. 6 Sunday */
static int weekday_of(int32_t day)
{
	int w = (int)((day % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
	return w;
}

static lw_date day_date(int32_t day)
{
	lw_date d;
	int y, m, dd;
	memset(&d, 0, sizeof d);
	lw_civil_from_days(day, &y, &m, &dd);
	d.year = (int16_t)y;
	d.month = (uint8_t)m;
	d.day = (uint8_t)dd;
	d.precision = LW_PREC_DAY;
	return d;
}

/* ISO week of a day. */
static lw_date week_date(int32_t day)
{
	int w = weekday_of(day);
	int32_t thursday = day - w + 3; /* the week's Thursday decides its year */
	int y, m, d;
	lw_civil_from_days(thursday, &y, &m, &d);
	int32_t jan1 = lw_day_number(y, 1, 1);
	lw_date r;
	memset(&r, 0, sizeof r);
	r.year = (int16_t)y;
	r.day = (uint8_t)((thursday - jan1) / 7 + 1);
	r.precision = LW_PREC_WEEK;
	return r;
}

int lw_date_after(const lw_date *a, const lw_date *b)
{
	if (!a->year || !b->year)
		return 0;
	if (a->year != b->year)
		return a->year > b->year;
	if (a->precision == LW_PREC_DAY && b->precision == LW_PREC_DAY)
		return lw_date_anchor(a) > lw_date_anchor(b);
	/* (a week against a day: the day's ISO week, whose year may be the
	 * next one's or the last's; such a week is not counted ahead) */
	if (a->precision == LW_PREC_WEEK && b->precision == LW_PREC_DAY) {
		lw_date bw = week_date(lw_date_anchor(b));
		return bw.year == a->year && a->day > bw.day;
	}
	return (a->precision == LW_PREC_MONTH || a->precision == LW_PREC_DAY) && b->month &&
	       a->month > b->month;
}

static lw_date month_date(int y, int m)
{
	lw_date r;
	memset(&r, 0, sizeof r);
	while (m < 1) {
		m += 12;
		y--;
	}
	while (m > 12) {
		m -= 12;
		y++;
	}
	r.year = (int16_t)y;
	r.month = (uint8_t)m;
	r.precision = LW_PREC_MONTH;
	return r;
}

static lw_date year_date(int y)
{
	lw_date r;
	memset(&r, 0, sizeof r);
	r.year = (int16_t)y;
	r.precision = LW_PREC_YEAR;
	return r;
}

/* ---- reading ---- */

static int word(const struct lw_text *t, size_t k, const char *w)
{
	return k < t->ntok && lw_tok_is(t, k, w);
}

static int weekday_at(const struct dscan *s, size_t k)
{
	const struct lw_text *t = s->t;
	if (k >= t->ntok || t->tok[k].kind != LW_TOK_WORD || !(t->tok[k].flags & LW_TF_CAP))
		return -1;
	int id = wid(s, k);
	/* "Mon.", "Tues." as abbreviations are not weekdays in news text */
	return id >= DW_MONDAY && id <= DW_SUNDAY ? id - DW_MONDAY : -1;
}

static int number_at(const struct dscan *s, size_t k, int *v)
{
	const struct lw_text *t = s->t;
	if (k >= t->ntok)
		return 0;
	const lw_token *q = &t->tok[k];
	if (q->kind == LW_TOK_NUMBER && lw_tok_len(q) <= 3) {
		int n = 0;
		for (uint32_t i = q->start; i < q->end; i++) {
			unsigned char c = (unsigned char)t->p[i];
			if (!lw_is_ascii_digit(c))
				return 0;
			n = n * 10 + (c - '0');
		}
		*v = n;
		return 1;
	}
	int id = wid(s, k);
	if (id >= DW_A && id <= DW_FEW) {
		*v = small_numbers[id - DW_A];
		return 1;
	}
	return 0;
}

static int year_token(const struct lw_text *t, size_t k, int *y)
{
	if (k >= t->ntok || t->tok[k].kind != LW_TOK_NUMBER || lw_tok_len(&t->tok[k]) != 4)
		return 0;
	int v = 0;
	for (uint32_t i = t->tok[k].start; i < t->tok[k].end; i++) {
		unsigned char c = (unsigned char)t->p[i];
		if (!lw_is_ascii_digit(c))
			return 0;
		v = v * 10 + (c - '0');
	}
	if (v < 1900 || v > 2100)
		return 0;
	*y = v;
	return 1;
}

enum unit { U_NONE, U_DAY, U_WEEK, U_MONTH, U_YEAR, U_SEASON };

static int unit_at(const struct dscan *s, size_t k)
{
	switch (wid(s, k)) {
	case DW_DAY: case DW_DAYS:
		return U_DAY;
	case DW_WEEK: case DW_WEEKS: case DW_WEEKEND:
		return U_WEEK;
	case DW_MONTH: case DW_MONTHS:
		return U_MONTH;
	case DW_YEAR: case DW_YEARS:
		return U_YEAR;
	default:
		return U_NONE;
	}
}

static int season_at(const struct dscan *s, size_t k)
{
	switch (wid(s, k)) {
	case DW_SPRING: return 1;
	case DW_SUMMER: return 2;
	case DW_AUTUMN: case DW_FALL: return 3;
	case DW_WINTER: return 4;
	default: return 0;
	}
}

static lw_date season_date(int y, int s)
{
	lw_date r;
	memset(&r, 0, sizeof r);
	r.year = (int16_t)y;
	r.season = (uint8_t)s;
	r.precision = LW_PREC_SEASON;
	return r;
}

/* the season a month falls in (northern hemisphere: news' convention) */
int lw_month_season(int m)
{
	if (m >= 3 && m <= 5)
		return 1;
	if (m >= 6 && m <= 8)
		return 2;
	if (m >= 9 && m <= 11)
		return 3;
	return 4;
}

void lw_date_words(void (*add)(const char *word, uint8_t id, int starts, void *ctx), void *ctx)
{
	for (int i = 1; i < DW_N; i++)
		add(dwords[i], (uint8_t)i, i < DW_NIGHT, ctx);
}

int lw_calendar_name(const struct lw_text *t, size_t k)
{
	const lw_token *q = &t->tok[k];
	if (q->kind != LW_TOK_WORD && q->kind != LW_TOK_ABBREV)
		return 0;
	if (lw_month_number(t->p + q->start, lw_tok_len(q)))
		return 1;
	unsigned char c = (unsigned char)(t->p[q->start] | 0x20);
	for (int i = DW_MONDAY; i <= DW_SUNDAY; i++)
		if ((unsigned char)dwords[i][0] == c && lw_tok_is(t, k, dwords[i]))
			return 1;
	return 0;
}

/* Can a date expression start at token k? A quick test that spares the
 * full reading for most words. */
static int may_start(const struct dscan *s, size_t k)
{
	const lw_token *q = &s->t->tok[k];
	if (q->kind == LW_TOK_NUMBER || q->kind == LW_TOK_ABBREV)
		return 1;
	if (q->kind != LW_TOK_WORD)
		return 0;
	int id = wid(s, k);
	/* month and weekday names, "Yesterday", "Last" */
	if ((q->flags & LW_TF_CAP) && ((id >= DW_MONDAY && id <= DW_SUNDAY) ||
				       lw_month_number(s->t->p + q->start, lw_tok_len(q))))
		return 1;
	return id >= DW_IN && id <= DW_FEW;
}

int lw_may_start_date(const struct lw_text *t, size_t k)
{
	struct dscan s = {t, NULL};
	return may_start(&s, k);
}

struct base_day {
	int32_t day; /* INT32_MIN unknown */
	int32_t anchor; /* the day of the last date told, INT32_MIN unknown */
	int wants;      /* an expression counted from anchor met none */
	int known;   /* y, m, d worked out (base_ymd) */
	int y, m, d; /* 0 when day is unknown */
};

/* A day or a part of one: "day", "morning", "night", ... */
static int day_part(int id)
{
	return id == DW_DAY || id == DW_MORNING || id == DW_NIGHT || id == DW_EVENING ||
	       id == DW_AFTERNOON;
}

/* Does a phrase go on at token k (a word or a number), before end? */
static int goes_on(const struct dscan *s, size_t k, size_t end)
{
	if (k >= end)
		return 0;
	int kind = s->t->tok[k].kind;
	return kind == LW_TOK_WORD || kind == LW_TOK_NUMBER || kind == LW_TOK_ABBREV;
}

/*
 * "the next day", "the following morning", "the previous night", "the same
 * day", "the day before", "the day after" at token k (a "the"): counted
 * from the day last told, like "a day earlier", and nothing without one
 * (counted from the document's date they would name a day the story does
 * not). "the day before|after" must end its phrase: "the day before the
 * election" counts from a day the text does not give.
 */
static size_t the_day(const struct dscan *s, size_t k, size_t end, struct base_day *bd,
		      lw_date *out)
{
	/* "at the weekend", "over the weekend": the last one, whose Saturday
	 * is on or before the document's day (its ISO week) */
	if (k + 1 < end && wid(s, k + 1) == DW_WEEKEND && bd->day != INT32_MIN) {
		int back = (weekday_of(bd->day) - 5 + 7) % 7;
		*out = week_date(bd->day - back);
		return 2;
	}
	if (k + 2 >= end)
		return 0;
	int w1 = wid(s, k + 1), w2 = wid(s, k + 2);
	int shift;
	/* "the day before yesterday": from the document's date */
	if (w1 == DW_DAY && w2 == DW_BEFORE && k + 3 < end && wid(s, k + 3) == DW_YESTERDAY) {
		if (bd->day == INT32_MIN)
			return 0;
		*out = day_date(bd->day - 2);
		return 4;
	}
	if ((w1 == DW_NEXT || w1 == DW_FOLLOWING) && day_part(w2))
		shift = 1;
	else if ((w1 == DW_PREVIOUS || w1 == DW_PRECEDING) && day_part(w2))
		shift = -1;
	else if (w1 == DW_SAME && day_part(w2))
		shift = 0;
	else if (w1 == DW_DAY && (w2 == DW_BEFORE || w2 == DW_AFTER) && !goes_on(s, k + 3, end))
		shift = w2 == DW_BEFORE ? -1 : 1;
	else
		return 0;
	/* "the same day as the rally", "the next day that ..." count from
	 * another day */
	if (w1 != DW_DAY && k + 3 < end &&
	    (lw_tok_is(s->t, k + 3, "as") || lw_tok_is(s->t, k + 3, "that") ||
	     lw_tok_is(s->t, k + 3, "when") || lw_tok_is(s->t, k + 3, "of")))
		return 0;
	if (bd->anchor == INT32_MIN) {
		bd->wants = 1;
		return 0;
	}
	*out = day_date(bd->anchor + shift);
	return 3;
}

/* Does the clause of a date at token k tell a plan before it ("talks will
 * resume on Friday", "the vote is scheduled for March")? Words up to ten
 * back, not past a comma or the sentence's start: "said on Friday that
 * talks will resume" is a report of Friday. Such a date lies ahead. */
static int plan_before(const struct lw_text *t, size_t k)
{
	static const char *const plan[] = {"will", "shall", "scheduled"};
	/* "called a strike for Sunday": a day a plan is for (not "a
	 * shutdown, called for Thursday by the parties, was over") */
	if (k > 1 && lw_tok_is(t, k - 1, "for") && t->tok[k - 2].kind == LW_TOK_WORD &&
	    (t->tok[k - 2].flags & LW_TF_LOWER) && !lw_tok_ends(t, k - 2, "ed", 2))
		return 1;
	/* (these before "to": "is due to begin", "plan to march") */
	static const char *const aim[] = {"due", "expected", "plan", "plans", "set"};
	/* the lists' first letters: most of the ten words start with none
	 * of them, and are not compared with the lists at all */
	static _Atomic uint32_t plan_cache, aim_cache;
	const uint32_t plan_initials = lw_list_initials(plan, sizeof plan / sizeof *plan, &plan_cache);
	const uint32_t aim_initials = lw_list_initials(aim, sizeof aim / sizeof *aim, &aim_cache);
	for (size_t j = k; j-- > 0 && k - j <= 10;) {
		const lw_token *q = &t->tok[j];
		if (q->kind != LW_TOK_WORD && q->kind != LW_TOK_NUMBER && q->kind != LW_TOK_ABBREV)
			return 0;
		if ((lw_tok_initial(t, j, plan_initials) && lw_tok_in(t, j, plan, sizeof plan / sizeof *plan)) ||
		    (j + 1 < k && lw_tok_initial(t, j, aim_initials) && lw_tok_is(t, j + 1, "to") &&
		     lw_tok_in(t, j, aim, sizeof aim / sizeof *aim)))
			return 1;
	}
	return 0;
}

/* The base day's year, month and day, worked out when a date first needs
 * them: most calls of lw_find_dates read no date that does. */
static const struct base_day *base_ymd(struct base_day *bd)
{
	if (!bd->known) {
		if (bd->day != INT32_MIN)
			lw_civil_from_days(bd->day, &bd->y, &bd->m, &bd->d);
		bd->known = 1;
	}
	return bd;
}

/* The base day moved by n units u (U_DAY .. U_YEAR; n < 0 back), at the
 * unit's precision: "two years ago", "next month". */
static lw_date units_from(struct base_day *bd, int u, int n)
{
	int y = base_ymd(bd)->y, m = bd->m;
	if (u == U_DAY)
		return day_date(bd->day + n);
	if (u == U_WEEK)
		return week_date(bd->day + 7 * n);
	if (u == U_MONTH)
		return month_date(y, m + n);
	return year_date(y + n);
}

/*
 * A date expression at token k. `base` is the document date (day number,
 * INT32_MIN when unknown); `year_hint` a year for dates without one (0 if
 * none). Returns the tokens used (0: none).
 */
static size_t date_at(const struct dscan *s, size_t k, size_t end, struct base_day *bd,
		      int year_hint, lw_date *out)
{
	const struct lw_text *t = s->t;
	int32_t base = bd->day;
	int id = wid(s, k);
	/* "a", "an" and the small numbers start only "a year ago", "two days
	 * ago" below: most of them ("a man", "one of the") start no date.
	 * Asked before may_start, which cannot make such a token start one */
	if (id >= DW_A && id <= DW_FEW && wid(s, k + 2) != DW_AGO) {
		/* "a day earlier", "two days later": from the day last told
		 * (lw_find_dates' anchor), not the document's */
		int rel = wid(s, k + 2);
		int u = unit_at(s, k + 1), n = id <= DW_ONE ? 1 : 0;
		if ((rel == DW_EARLIER || rel == DW_LATER) && (u == U_DAY || u == U_WEEK) &&
		    (n || number_at(s, k, &n)) && n > 0 && n < 100) {
			if (bd->anchor == INT32_MIN) {
				bd->wants = 1;
				return 0;
			}
			int days = u == U_WEEK ? 7 * n : n;
			*out = day_date(rel == DW_EARLIER ? bd->anchor - days : bd->anchor + days);
			return 3;
		}
		return 0;
	}
	if (id == DW_THE)
		return the_day(s, k, end, bd, out);
	/* a word of dwords that starts dates ("in", "on", "this": most of the
	 * tokens that get here) is one may_start takes without asking */
	if (!(id >= DW_IN && id <= DW_FEW && s->t->tok[k].kind == LW_TOK_WORD) && !may_start(s, k))
		return 0;
	memset(out, 0, sizeof *out);
	/* absolute: "Jan. 25, 2013", "25 January", "January 2013", "2013-01-25";
	 * such a date starts with a number or a month, and no word of dwords
	 * is a month's name or abbreviation */
	lw_date ab;
	size_t n = id == DW_NONE ? lw_parse_date_tokens(t, k, end, &ab) : 0;
	if (n) {
		int y = base_ymd(bd)->y, m = bd->m;
		int hint = y ? y : year_hint;
		if (ab.year == 0 && hint) {
			ab.year = (int16_t)hint;
			/* "Dec. 30" read in January: last year */
			if (y && ab.month > m + 1)
				ab.year = (int16_t)(hint - 1);
		}
		if (ab.year == 0)
			return 0;
		*out = ab;
		return n;
	}
	/* "in 2021" */
	int yy;
	if ((id == DW_IN || id == DW_SINCE || id == DW_DURING) &&
	    year_token(t, k + 1, &yy) && !(k + 2 < end && t->tok[k + 2].kind == LW_TOK_NUMBER)) {
		*out = year_date(yy);
		return 2;
	}
	/* "in early 2023", "in late 2023", "in mid 2023", "in mid-2023": the
	 * year */
	if ((id == DW_IN || id == DW_SINCE) && k + 2 < end &&
	    (wid(s, k + 1) == DW_EARLY || wid(s, k + 1) == DW_LATE || lw_tok_is(t, k + 1, "mid")) &&
	    year_token(t, k + 2, &yy) && !(k + 3 < end && t->tok[k + 3].kind == LW_TOK_NUMBER)) {
		*out = year_date(yy);
		return 3;
	}
	if ((id == DW_IN || id == DW_SINCE) && k + 1 < end && lw_tok_len(&t->tok[k + 1]) == 8 &&
	    strncasecmp(t->p + t->tok[k + 1].start, "mid-", 4) == 0 &&
	    t->p[t->tok[k + 1].start + 4] >= '1' && t->p[t->tok[k + 1].start + 4] <= '2') {
		int v = 0;
		for (size_t i = 4; i < 8; i++) {
			char ch = t->p[t->tok[k + 1].start + i];
			v = ch >= '0' && ch <= '9' && v >= 0 ? v * 10 + (ch - '0') : -1;
		}
		if (v >= 1900 && v <= 2100) {
			*out = year_date(v);
			return 2;
		}
	}
	/* "in July"; "in early July", "in late July", "in mid July",
	 * "in mid-July": the month */
	size_t mk = k + 1, mid = 0;
	if (id == DW_IN && k + 2 < end &&
	    (wid(s, k + 1) == DW_EARLY || wid(s, k + 1) == DW_LATE || lw_tok_is(t, k + 1, "mid")))
		mk = k + 2;
	else if (id == DW_IN && k + 1 < end && lw_tok_len(&t->tok[k + 1]) > 4 &&
		 (t->tok[k + 1].flags & LW_TF_HYPHEN) &&
		 strncasecmp(t->p + t->tok[k + 1].start, "mid-", 4) == 0)
		mid = 4;
	/* (and "since January", "during March": the month; "since January
	 * 16" is a day, read from the month on) */
	if ((id == DW_IN || ((id == DW_SINCE || id == DW_DURING) &&
			     !(mk + 1 < end && t->tok[mk + 1].kind == LW_TOK_NUMBER &&
			       !year_token(t, mk + 1, &yy)))) &&
	    mk < end && ((t->tok[mk].flags & LW_TF_CAP) || mid)) {
		int mm = lw_month_number(t->p + t->tok[mk].start + mid, lw_tok_len(&t->tok[mk]) - mid);
		int y = mm ? base_ymd(bd)->y : 0;
		int hint = y ? y : year_hint;
		if (mm && hint) {
			int year = hint;
			if (y && mm > bd->m)
				year--; /* "in July" read in March: last July */
			/* (but "will be held in July" read in March: this
			 * July; "in March" read in November: next March) */
			if (y && plan_before(t, k))
				year = mm < bd->m ? hint + 1 : hint;
			if (year_token(t, mk + 1, &yy)) {
				*out = month_date(yy, mm);
				return mk - k + 2;
			}
			/* "in March last year", "in March of this year": the
			 * year named (only with the document's own year) */
			size_t q = mk + 1 + (mk + 1 < end && lw_tok_is(t, mk + 1, "of"));
			if (y && q + 1 < end && (wid(s, q) == DW_LAST || wid(s, q) == DW_THIS) &&
			    unit_at(s, q + 1) == U_YEAR) {
				*out = month_date(wid(s, q) == DW_LAST ? y - 1 : y, mm);
				return q - k + 2;
			}
			*out = month_date(year, mm);
			return mk - k + 1;
		}
	}
	/* nothing below starts with "in", "since" or "during" (most of the
	 * words that get here) */
	if (id == DW_IN || id == DW_SINCE || id == DW_DURING)
		return 0;
	if (base == INT32_MIN)
		return 0;
	if (id == DW_YESTERDAY) {
		*out = day_date(base - 1);
		return 1;
	}
	if (id == DW_TODAY || id == DW_TONIGHT) {
		*out = day_date(base);
		return 1;
	}
	if ((id == DW_LAST && (wid(s, k + 1) == DW_NIGHT || wid(s, k + 1) == DW_EVENING)) ||
	    (id == DW_OVERNIGHT)) {
		*out = day_date(base - 1);
		return id == DW_OVERNIGHT ? 1 : 2;
	}
	if (id == DW_THIS && (wid(s, k + 1) == DW_MORNING || wid(s, k + 1) == DW_AFTERNOON ||
				   wid(s, k + 1) == DW_EVENING)) {
		*out = day_date(base);
		return 2;
	}
	/* "on Monday", "Monday", "last Monday" */
	size_t w0 = k;
	int last = 0;
	if (id == DW_ON || id == DW_NEXT)
		w0 = k + 1;
	else if (id == DW_LAST) {
		w0 = k + 1;
		last = 1;
	}
	int wd = weekday_at(s, w0);
	if (wd >= 0) {
		/* "next Friday": the coming one; "on Friday" of a plan
		 * ("talks will resume on Friday") too, or today */
		int ahead = (wd - weekday_of(base) + 7) % 7;
		if (id == DW_NEXT || (!last && plan_before(t, k))) {
			*out = day_date(base + (id == DW_NEXT && !ahead ? 7 : ahead));
			return w0 - k + 1;
		}
		int back = (weekday_of(base) - wd + 7) % 7;
		if (last && back == 0)
			back = 7;
		*out = day_date(base - back);
		return w0 - k + 1;
	}
	/* "last week|month|year", "this week|month|year", "earlier this month",
	 * "last spring", "this spring" */
	size_t j = k;
	int earlier = 0;
	if (wid(s, j) == DW_EARLIER || wid(s, j) == DW_LATE || wid(s, j) == DW_EARLY) {
		earlier = 1;
		j++;
	}
	int is_last = wid(s, j) == DW_LAST || wid(s, j) == DW_PAST, is_this = wid(s, j) == DW_THIS;
	/* "next week", "next month", "next year" */
	if (wid(s, j) == DW_NEXT && !earlier) {
		int u = unit_at(s, j + 1);
		if (u != U_WEEK && u != U_MONTH && u != U_YEAR)
			return 0;
		*out = units_from(bd, u, 1);
		return 2;
	}
	if (is_last || is_this) {
		int y = base_ymd(bd)->y, m = bd->m;
		int u = unit_at(s, j + 1), season = season_at(s, j + 1);
		if (wid(s, j + 1) == DW_WEEKEND)
			u = U_WEEK;
		if (u == U_DAY)
			return 0;
		if (u == U_WEEK) {
			*out = week_date(is_last && !earlier ? base - 7 : base);
			return j - k + 2;
		}
		if (u == U_MONTH) {
			*out = month_date(y, is_last ? m - 1 : m);
			return j - k + 2;
		}
		if (u == U_YEAR) {
			*out = year_date(is_last ? y - 1 : y);
			return j - k + 2;
		}
		/* "last July": the latest July before this month; "this
		 * July": this year's */
		int mm = j + 1 < end && (t->tok[j + 1].flags & LW_TF_CAP)
				 ? lw_month_number(t->p + t->tok[j + 1].start, lw_tok_len(&t->tok[j + 1]))
				 : 0;
		if (mm && !earlier && !(j + 2 < end && t->tok[j + 2].kind == LW_TOK_NUMBER)) {
			*out = month_date(is_last && mm >= m ? y - 1 : y, mm);
			return j - k + 2;
		}
		if (season) {
			int year = y;
			/* "last spring": the spring before the current season; "this
			 * spring" said in January means the coming one, in news the
			 * past one unless the season has not begun: keep the year */
			if (is_last && lw_month_season(m) <= season)
				year--;
			*out = season_date(year, season);
			return j - k + 2;
		}
		return 0;
	}
	/* "two years ago", "3 days ago" */
	int nv;
	if (number_at(s, k, &nv) && nv > 0 && nv < 1000) {
		int u = unit_at(s, k + 1);
		if (u != U_NONE && wid(s, k + 2) == DW_AGO) {
			*out = units_from(bd, u, -nv);
			return 3;
		}
	}
	/* "a year ago", "a week ago" */
	if ((id == DW_A || id == DW_AN) && unit_at(s, k + 1) != U_NONE &&
	    wid(s, k + 2) == DW_AGO) {
		*out = units_from(bd, unit_at(s, k + 1), -1);
		return 3;
	}
	return 0;
}

int32_t lw_date_anchor(const lw_date *d)
{
	/* a longer time ("in July 2008") leaves no day to count from */
	return d->precision == LW_PREC_DAY && d->year > 0 ? lw_day_number(d->year, d->month, d->day)
							  : INT32_MIN;
}

size_t lw_find_dates(const struct lw_text *t, const uint8_t *may, uint8_t bit, const uint8_t *ids,
		     size_t first, size_t end, int32_t base, int year_hint, int32_t anchor,
		     int *wants_anchor, struct lw_date_expr *out, size_t max)
{
	struct dscan s = {t, ids};
	size_t n = 0;
	struct base_day bd = {base, anchor, 0, 0, 0, 0, 0};
	for (size_t k = first; k < end && n < max;) {
		lw_date d;
		/* on to the next token that may start a date (most do not) */
		if (may)
			k = lw_flag_next(may, k, end, bit);
		if (k == end)
			break;
		size_t used = date_at(&s, k, end, &bd, year_hint, &d);
		if (!used) {
			k++;
			continue;
		}
		out[n].date = d;
		out[n].first = (uint32_t)k;
		out[n].end = (uint32_t)(k + used);
		out[n].anchored = ((wid(&s, k + 2) == DW_EARLIER || wid(&s, k + 2) == DW_LATER) &&
				   wid(&s, k) >= DW_A && wid(&s, k) <= DW_FEW) ||
				  wid(&s, k) == DW_THE;
		n++;
		k += used;
		bd.anchor = lw_date_anchor(&d);
	}
	if (wants_anchor)
		*wants_anchor = bd.wants;
	return n;
}

int lw_header_month(const struct lw_text *t, int *year, int *month)
{
	/* a release number "2010-09-CA-005" or an ISO date in the first lines */
	size_t lines = 0;
	for (size_t k = 0; k < t->ntok && t->tok[k].start < 2048; k++) {
		const lw_token *q = &t->tok[k];
		if (q->flags & LW_TF_NEWLINE_BEFORE)
			lines++;
		if (lines > 8)
			break;
		const char *p = t->p + q->start;
		size_t n = lw_tok_len(q);
		if (n >= 7 && (q->flags & LW_TF_DIGIT) && lw_is_ascii_digit((unsigned char)p[0]) &&
		    lw_is_ascii_digit((unsigned char)p[1]) && lw_is_ascii_digit((unsigned char)p[2]) &&
		    lw_is_ascii_digit((unsigned char)p[3]) && p[4] == '-' &&
		    lw_is_ascii_digit((unsigned char)p[5]) && lw_is_ascii_digit((unsigned char)p[6])) {
			int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
			int m = (p[5] - '0') * 10 + (p[6] - '0');
			if (y >= 1900 && y <= 2100 && m >= 1 && m <= 12) {
				*year = y;
				*month = m;
				return 1;
			}
		}
	}
	return 0;
}

/* Does a word that puts its sentence in the future ("will", "due",
 * "scheduled", "next") come before token k in its sentence? */
static int future_before(const struct lw_text *t, size_t k)
{
	static const char *const future[] = {"will", "shall", "due", "scheduled", "next",
					     "plans", "expected"};
	size_t s0 = t->nsent ? t->sent[lw_sentence_of(t, k)].first_token : 0;
	for (size_t j = s0; j < k; j++)
		for (size_t i = 0; i < sizeof future / sizeof *future; i++)
			if (word(t, j, future[i]))
				return 1;
	return 0;
}

int lw_year_evidence(const struct lw_text *t, int month)
{
	int hy, hm;
	if (lw_header_month(t, &hy, &hm)) {
		/* a release numbered in December for a January dateline */
		if (month && hm == 12 && month == 1)
			hy++;
		return hy;
	}
	/* the nearest full date or year in the text */
	for (size_t k = 0; k < t->ntok; k++) {
		lw_date d;
		size_t used = lw_parse_date_tokens(t, k, t->ntok, &d);
		/* "(Jan. 14) ... an attack in June 2011": a report is dated
		 * after the past it tells, so January is the next year's; not
		 * so for a plan ("elections due in June 2011") */
		if (used && d.year && month && d.month && month < d.month && !future_before(t, k))
			return d.year + 1;
		if (used && d.year)
			return d.year;
		int y;
		if (year_token(t, k, &y) && (word(t, k - 1, "in") || word(t, k - 1, "of") ||
					    lw_tok_punct(t, k - 1, ',')))
			return y;
	}
	return 0;
}
