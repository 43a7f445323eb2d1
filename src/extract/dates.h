/*
 * dates.h: date expressions (dates.c).
 */
#ifndef LW_DATES_H
#define LW_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "extract.h"

struct lw_date_expr {
	lw_date date;
	uint32_t first, end; /* tokens */
	int anchored;        /* counted from the day told before ("a day earlier") */
};

/* Days since 1970-01-01 of a civil date, and back. */
int32_t lw_day_number(int y, int m, int d);
void lw_civil_from_days(int32_t day, int *y, int *m, int *d);

/*
 * The date expressions in tokens [first, end), resolved against `base`
 * (the document date as a day number, INT32_MIN when unknown; relative
 * expressions need it). `year_hint` gives dates without a year their year
 * when base is unknown (0: none). `may`, if not NULL, holds per token a
 * flag `bit` where lw_may_start_date() is true, and `ids`, if not NULL,
 * per token the id lw_date_words() gave its word (0 for any other token);
 * both are worked out once per document. `anchor` is the day of the last
 * date told before `first` (INT32_MIN unknown): "a day earlier" and "two
 * days later" count from it, and from each day found after it; with it
 * unknown they are not read, and *wants_anchor (if not NULL) is set to 1
 * (else 0), for a caller that can work it out and ask again. Returns
 * how many were stored (<= max).
 */
/* The day a date expression leaves to count from ("the next day"): its
 * day number at day precision, INT32_MIN for a longer time or none. */
int32_t lw_date_anchor(const lw_date *d);
/* The season month m (1-12) falls in, 1 spring .. 4 winter (the
 * northern hemisphere's, news' convention). */
int lw_month_season(int m);

size_t lw_find_dates(const struct lw_text *t, const uint8_t *may, uint8_t bit, const uint8_t *ids,
		     size_t first, size_t end, int32_t base, int year_hint, int32_t anchor,
		     int *wants_anchor, struct lw_date_expr *out, size_t max);

/* Is date a later than date b, at a's precision ("next week", "in March
 * 2026" against a day of 2025)? 0 when either has no year. */
int lw_date_after(const lw_date *a, const lw_date *b);

/* Can a date expression start at token k ("in", "last", a number, a month)? */
int lw_may_start_date(const struct lw_text *t, size_t k);

/* Is token k the name of a month or a weekday ("March", "Sept.", "Monday")? */
int lw_calendar_name(const struct lw_text *t, size_t k);

/* The lower-case words date expressions are read from, one call of `add`
 * each with the word's id (1..255) and whether lw_may_start_date accepts
 * it (numbers and months are not among them): for callers that classify
 * a document's words once (lw_find_dates' `ids`). */
void lw_date_words(void (*add)(const char *word, uint8_t id, int starts, void *ctx), void *ctx);

/* A year the text gives for a dateline without one: a release number
 * ("2010-09-CA-005") in the first lines, else the nearest full date or
 * year in the text. `month` is the dateline's month: one before a full
 * date's month in a sentence of the past is in the next year ("(Jan. 14)"
 * of a text that tells of June 2011 is in 2012). 0 if none. */
int lw_year_evidence(const struct lw_text *t, int month);
/* The year and month of a release number or ISO date in the first lines
 * ("2011-07-S-064"); 1 if there is one. */
int lw_header_month(const struct lw_text *t, int *year, int *month);

#endif
