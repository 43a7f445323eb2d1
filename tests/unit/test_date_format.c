/*
 * test_date_format.c: lw_date_format writes every precision but the day by
 * hand; it must write what printf's "%04d-%02d" and friends write, for
 * every field value a lw_date can hold (years of five digits, weeks and
 * months past 99 from a damaged store).
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "lapwing.h"

/* What lw_date_format wrote with snprintf, before it wrote by hand. */
static void by_printf(const lw_date *d, char *buf, size_t size)
{
	static const char *const seasons[] = {"", "spring", "summer", "autumn", "winter"};
	switch (d->precision) {
	case LW_PREC_WEEK:
		snprintf(buf, size, "%04d-W%02d", d->year, d->day);
		break;
	case LW_PREC_MONTH:
		snprintf(buf, size, "%04d-%02d", d->year, d->month);
		break;
	case LW_PREC_SEASON:
		snprintf(buf, size, "%04d-%s", d->year, seasons[d->season <= 4 ? d->season : 0]);
		break;
	default:
		snprintf(buf, size, "%04d", d->year);
	}
}

static void formats_as_printf(void)
{
	static const int years[] = {1, 7, 10, 99, 100, 999, 1000, 2023, 9999, 10000, 32767};
	static const lw_precision precs[] = {LW_PREC_YEAR, LW_PREC_SEASON, LW_PREC_MONTH,
					     LW_PREC_WEEK};
	for (size_t y = 0; y < sizeof years / sizeof *years; y++)
		for (size_t p = 0; p < sizeof precs / sizeof *precs; p++)
			for (unsigned v = 0; v < 256; v++) {
				lw_date d = {(int16_t)years[y], (uint8_t)v, (uint8_t)v,
					     (uint8_t)precs[p], (uint8_t)v};
				char got[16], want[32];
				memset(got, 'x', sizeof got);
				by_printf(&d, want, sizeof want);
				size_t n = lw_date_format(&d, got, sizeof got);
				if (n != strlen(want) || strcmp(got, want) != 0)
					lw_check_fail(__FILE__, __LINE__, "%d/%u/%u: '%.16s', expected '%s'",
						      years[y], (unsigned)precs[p], v, got, want);
			}
}

/* The day precision: four-digit years only. */
static void day_precision(void)
{
	char buf[16];
	lw_date d = {2013, 1, 24, LW_PREC_DAY, 0};
	CHECK_INT(lw_date_format(&d, buf, sizeof buf), 10);
	CHECK_STR(buf, "2013-01-24");
	d.year = 10000;
	CHECK_INT(lw_date_format(&d, buf, sizeof buf), 0);
	d.year = 0;
	CHECK_INT(lw_date_format(&d, buf, sizeof buf), 0);
}

LW_TESTS(date_format_tests) = {
	{"date_format/formats_as_printf", formats_as_printf},
	{"date_format/day_precision", day_precision},
	LW_END_TESTS,
};
