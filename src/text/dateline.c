/*
 * dateline.c: the dateline at the head of a news text, and dates written
 * in words.
 *
 * Datelines look like "KABUL, Afghanistan (Jan. 25, 2013) -", "PAKTIKA
 * PROVINCE, Afghanistan -", "WASHINGTON (AP) -" or "Kabul, Afghanistan
 * (Sept. 1)" on a line of its own. A title and a few header lines may come
 * first. Here we only read the words: whether the place exists is the
 * gazetteer's business (extract/), and a date without a year stays without
 * one (the year comes from other evidence, extract/dates.c).
 *
 * Month names live here as a table: they are the calendar, not knowledge
 * that users extend.
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "utf8.h"

static const struct {
	const char *name;
	unsigned char len; /* strlen(name) */
} months[12] = {
	{"january", 7}, {"february", 8}, {"march", 5}, {"april", 5}, {"may", 3},
	{"june", 4}, {"july", 4}, {"august", 6}, {"september", 9}, {"october", 7},
	{"november", 8}, {"december", 8},
};

/* Three lower-case letters as one number, for a switch. */
#define MONTH3(a, b, c) ((unsigned)(a) << 16 | (unsigned)(b) << 8 | (unsigned)(c))

int lw_month_number(const char *p, size_t n)
{
	if (n && p[n - 1] == '.')
		n--;
	if (n < 3 || n > 9)
		return 0;
	/* the first three letters tell the month (no two months share them):
	 * one switch instead of a try of each month; most words stop here */
	const unsigned char *u = (const unsigned char *)p;
	int m;
	switch (MONTH3(lw_ascii_lower(u[0]), lw_ascii_lower(u[1]), lw_ascii_lower(u[2]))) {
	case MONTH3('j', 'a', 'n'): m = 0; break;
	case MONTH3('f', 'e', 'b'): m = 1; break;
	case MONTH3('m', 'a', 'r'): m = 2; break;
	case MONTH3('a', 'p', 'r'): m = 3; break;
	case MONTH3('m', 'a', 'y'): m = 4; break;
	case MONTH3('j', 'u', 'n'): m = 5; break;
	case MONTH3('j', 'u', 'l'): m = 6; break;
	case MONTH3('a', 'u', 'g'): m = 7; break;
	case MONTH3('s', 'e', 'p'): m = 8; break;
	case MONTH3('o', 'c', 't'): m = 9; break;
	case MONTH3('n', 'o', 'v'): m = 10; break;
	case MONTH3('d', 'e', 'c'): m = 11; break;
	default: return 0;
	}
	/* the full name, a 3-letter abbreviation, or "Sept" */
	size_t full = months[m].len;
	if (n != full && n != 3 && !(m == 8 && n == 4))
		return 0;
	if (n > full)
		return 0;
	return lw_ascii_casecmp(u + 3, months[m].name + 3, n - 3) == 0 ? m + 1 : 0;
}

static int days_in_month(int y, int m)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && y && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return m >= 1 && m <= 12 ? d[m - 1] : 0;
}

/* Value of a NUMBER token of 1-4 plain digits, else -1. */
static int small_number(const struct lw_text *t, size_t i, size_t *ndigits)
{
	if (i >= t->ntok || t->tok[i].kind != LW_TOK_NUMBER)
		return -1;
	const lw_token *k = &t->tok[i];
	size_t n = lw_tok_len(k);
	if (n == 0 || n > 4)
		return -1;
	int v = 0;
	for (size_t j = 0; j < n; j++) {
		unsigned char c = (unsigned char)t->p[k->start + j];
		if (!lw_is_ascii_digit(c))
			return -1;
		v = v * 10 + (c - '0');
	}
	*ndigits = n;
	return v;
}

/* A day of the month: one or two digits, with or without an ordinal's
 * ending ("3", "3rd", "25th", "1st", "22nd"); -1 if none. *ordinal says
 * whether it had one. */
static int day_number(const struct lw_text *t, size_t i, size_t *ndigits, int *ordinal)
{
	*ordinal = 0;
	if (i >= t->ntok || t->tok[i].kind != LW_TOK_NUMBER)
		return -1;
	const lw_token *k = &t->tok[i];
	size_t n = lw_tok_len(k), d = 0;
	int v = 0;
	while (d < n && d < 3 && lw_is_ascii_digit((unsigned char)t->p[k->start + d]))
		v = v * 10 + (t->p[k->start + d++] - '0');
	if (d == 0 || d > 2)
		return -1;
	if (d < n) {
		char a = (char)(t->p[k->start + d] | 0x20);
		char b = n == d + 2 ? (char)(t->p[k->start + d + 1] | 0x20) : 0;
		if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
		      (a == 't' && b == 'h')))
			return -1;
		*ordinal = 1;
	}
	*ndigits = d;
	return v;
}

static int token_month(const struct lw_text *t, size_t i, size_t *used)
{
	if (i >= t->ntok)
		return 0;
	const lw_token *k = &t->tok[i];
	if (k->kind != LW_TOK_WORD && k->kind != LW_TOK_ABBREV)
		return 0;
	if (k->flags & LW_TF_LOWER)
		return 0; /* "may", "march" as words */
	int m = lw_month_number(t->p + k->start, lw_tok_len(k));
	if (!m)
		return 0;
	*used = 1;
	/* "Jan" "." when the lexicon did not merge the full stop; but the
	 * full stop after a whole name ("on 3 May.") ends the sentence */
	static const uint8_t whole[12] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
	if (k->kind == LW_TOK_WORD && lw_tok_len(k) < whole[m - 1] && i + 1 < t->ntok &&
	    t->tok[i + 1].kind == LW_TOK_TERM && t->tok[i + 1].start == k->end &&
	    lw_tok_len(&t->tok[i + 1]) == 1)
		*used = 2;
	return m;
}

static int valid_year(int y, size_t nd) { return nd == 4 && y >= 1800 && y <= 2200; }

static size_t iso_date(const struct lw_text *t, size_t i, lw_date *d)
{
	const lw_token *k = &t->tok[i];
	if (k->kind != LW_TOK_NUMBER || lw_tok_len(k) != 10)
		return 0;
	const char *p = t->p + k->start;
	if (p[4] != '-' || p[7] != '-')
		return 0;
	lw_date x;
	if (!lw_date_parse(p, 10, &x))
		return 0;
	*d = x;
	return 1;
}

size_t lw_parse_date_tokens(const struct lw_text *t, size_t i, size_t end, lw_date *d)
{
	memset(d, 0, sizeof *d);
	if (end > t->ntok)
		end = t->ntok;
	if (i >= end)
		return 0;
	if (iso_date(t, i, d))
		return 1;
	size_t used = 0, nd = 0, j;
	int m = token_month(t, i, &used);
	if (m) {
		/* Month Day[,] [Year] | Month Year */
		j = i + used;
		int ordinal;
		int day = j < end ? day_number(t, j, &nd, &ordinal) : -1;
		if (day >= 1 && nd <= 2 && day <= days_in_month(0, m) + (m == 2)) {
			d->month = (uint8_t)m;
			d->day = (uint8_t)day;
			d->precision = LW_PREC_DAY;
			j++;
			size_t k = j;
			/* "Nov. 1, 2011"; also "Nov. 1. 2011", a comma mistyped
			 * as a full stop (glued to the day) in real datelines */
			if (k < end &&
			    ((t->tok[k].kind == LW_TOK_PUNCT && t->p[t->tok[k].start] == ',') ||
			     (t->tok[k].kind == LW_TOK_TERM && lw_tok_len(&t->tok[k]) == 1 &&
			      t->p[t->tok[k].start] == '.' && t->tok[k].start == t->tok[k - 1].end)))
				k++;
			int y = k < end ? small_number(t, k, &nd) : -1;
			if (valid_year(y, nd) && day <= days_in_month(y, m)) {
				d->year = (int16_t)y;
				j = k + 1;
			}
			return j - i;
		}
		int y = j < end ? small_number(t, j, &nd) : -1;
		if (valid_year(y, nd)) {
			d->year = (int16_t)y;
			d->month = (uint8_t)m;
			d->precision = LW_PREC_MONTH;
			return j + 1 - i;
		}
		return 0;
	}
	/* Day Month [Year]; "3rd of May" */
	int ordinal;
	int day = day_number(t, i, &nd, &ordinal);
	if (day >= 1 && day <= 31 && nd <= 2 && i + 1 < end) {
		size_t of = ordinal && i + 2 < end && lw_tok_is(t, i + 1, "of");
		m = token_month(t, i + 1 + of, &used);
		if (m && day <= days_in_month(0, m) + (m == 2)) {
			d->month = (uint8_t)m;
			d->day = (uint8_t)day;
			d->precision = LW_PREC_DAY;
			j = i + 1 + of + used;
			int y = j < end ? small_number(t, j, &nd) : -1;
			if (valid_year(y, nd) && day <= days_in_month(y, m)) {
				d->year = (int16_t)y;
				j++;
			}
			return j - i;
		}
	}
	return 0;
}

/* ---- datelines ---- */

static int is_name_word(const lw_token *k)
{
	if (k->kind == LW_TOK_WORD)
		return (k->flags & (LW_TF_CAP | LW_TF_UPPER)) && !(k->flags & LW_TF_POSSESSIVE);
	return k->kind == LW_TOK_ABBREV && !(k->flags & LW_TF_LOWER);
}

static int is_punct(const struct lw_text *t, size_t i, char c)
{
	return i < t->ntok && t->tok[i].kind == LW_TOK_PUNCT && t->p[t->tok[i].start] == c;
}

static int line_ends_before(const struct lw_text *t, size_t i)
{
	return i >= t->ntok || (t->tok[i].flags & LW_TF_NEWLINE_BEFORE);
}

/* A run of up to max capitalised words on the line; returns its length. */
static size_t name_run(const struct lw_text *t, size_t i, size_t max, int *all_upper)
{
	size_t n = 0;
	*all_upper = 1;
	while (i + n < t->ntok && n < max && is_name_word(&t->tok[i + n])) {
		if (n && (t->tok[i + n].flags & LW_TF_NEWLINE_BEFORE))
			break;
		const lw_token *k = &t->tok[i + n];
		if (!(k->flags & LW_TF_UPPER) && !(k->kind == LW_TOK_ABBREV))
			*all_upper = 0;
		n++;
	}
	return n;
}

/*
 * A dateline's dash stands apart ("KABUL -", not the "RC-" of a header)
 * and the story goes on after it on the same line, in lower-case words.
 */
static int prose_follows(const struct lw_text *t, size_t dash)
{
	/* (a colon is written against the place: "KARACHI: Two men ...") */
	if (!(t->tok[dash].flags & LW_TF_SPACE_BEFORE) && !is_punct(t, dash, ':'))
		return 0;
	for (size_t k = dash + 1; k < t->ntok && k < dash + 12; k++) {
		if (t->tok[k].flags & LW_TF_NEWLINE_BEFORE)
			return 0;
		if (t->tok[k].kind == LW_TOK_WORD && (t->tok[k].flags & LW_TF_LOWER))
			return 1;
	}
	return 0;
}

/* Try a dateline starting at token i (the first of line `line`, from 1). */
static int dateline_at(struct lw_text *t, size_t i, int line)
{
	int upper;
	size_t n1 = name_run(t, i, 4, &upper);
	if (n1 == 0)
		return 0;
	size_t j = i + n1, place_end = j;
	/* ", Afghanistan" / ", Pakistan" (and one more level: ", Kabul, Afghanistan") */
	for (int level = 0; level < 2 && is_punct(t, j, ',') && !line_ends_before(t, j + 1);
	     level++) {
		int up2;
		size_t n2 = name_run(t, j + 1, 4, &up2);
		if (n2 == 0)
			break;
		lw_date probe;
		if (lw_parse_date_tokens(t, j + 1, t->ntok, &probe))
			break; /* ", Jan. 25" is the date, not a place */
		j += 1 + n2;
		place_end = j;
	}
	lw_date date;
	memset(&date, 0, sizeof date);
	lw_span when = {0, 0};
	int have_date = 0;
	/* "(Jan. 25, 2013)" or ", Jan. 25, 2013" */
	size_t save = j;
	if (is_punct(t, j, '(') || is_punct(t, j, ',')) {
		size_t k = lw_parse_date_tokens(t, j + 1, t->ntok, &date);
		if (k && (!is_punct(t, j, '(') || is_punct(t, j + 1 + k, ')'))) {
			when.start = t->tok[j + 1].start;
			when.end = t->tok[j + k].end;
			have_date = 1;
			j += 1 + k + (is_punct(t, j, '(') ? 1 : 0);
		} else {
			j = save;
		}
	}
	/* "(AP)", "(Reuters)" */
	int agency = 0;
	if (is_punct(t, j, '(')) {
		int up3;
		size_t n3 = name_run(t, j + 1, 3, &up3);
		if (n3 && is_punct(t, j + 1 + n3, ')')) {
			j += n3 + 2;
			agency = 1;
		}
	}
	int dash = j < t->ntok && !line_ends_before(t, j) &&
		   (t->tok[j].kind == LW_TOK_DASH || is_punct(t, j, ':'));
	int eol = line_ends_before(t, j);
	if (!dash && !eol)
		return 0;
	/* a place in capitals ("KABUL") or a date in the line makes it a dateline */
	int caps_place = 1;
	for (size_t k = i; k < i + n1; k++)
		if (!(t->tok[k].flags & LW_TF_UPPER) && t->tok[k].kind != LW_TOK_ABBREV)
			caps_place = 0;
	/* "Kabul, Afghanistan (AP) --": an agency in brackets and a dash
	 * make a dateline of a place in title case too */
	if (!have_date && !((caps_place || agency) && dash && prose_follows(t, j)))
		return 0;
	/* "KARACHI: Two men ...": a place and a colon only on the first or
	 * second line (after a title), of one to three words; further down,
	 * "TOP STORIES", "TRUMP: ..." are labels of a digest */
	if (!have_date && !agency && is_punct(t, j, ':') &&
	    (line > 2 || n1 > 3 || t->tok[place_end - 1].end - t->tok[i].start < 4))
		return 0; /* (nor "AP: ...", a label of three letters or fewer) */
	/* "UPDATE: ...", "BREAKING: ...": a label in capitals, no place */
	static const char *const label[] = {"update", "updated", "breaking", "exclusive", "watch",
					    "analysis", "opinion", "editorial", "video", "photos",
					    "live", "note", "correction", "read", "see", "also",
					    "editor", "urgent", "flash", "alert", "interview",
					    "look", "listen", "poll", "quiz", "gallery", "huffpollster",
					    "factbox", "explainer", "timeline", "profile", "review"};
	if (!have_date && !agency && is_punct(t, j, ':'))
		for (size_t k = 0; k < sizeof label / sizeof *label; k++)
			if (lw_tok_is(t, i, label[k]))
				return 0;
	t->dateline.found = 1;
	t->dateline.place.start = t->tok[i].start;
	t->dateline.place.end = t->tok[place_end - 1].end;
	t->dateline.when = when;
	t->dateline.date = date;
	t->dateline.span.start = t->tok[i].start;
	t->dateline.span.end = dash ? t->tok[j].end : t->tok[j - 1].end;
	return 1;
}

void lw_find_dateline(struct lw_text *t)
{
	memset(&t->dateline, 0, sizeof t->dateline);
	int lines = 0;
	for (size_t i = 0; i < t->ntok; i++) {
		const lw_token *k = &t->tok[i];
		if (k->start > LW_DATELINE_MAX_BYTES)
			break;
		if (i == 0 || (k->flags & LW_TF_NEWLINE_BEFORE)) {
			if (++lines > LW_DATELINE_MAX_LINES)
				break;
			if (dateline_at(t, i, lines))
				return;
		}
	}
}
