/*
 * test_jsonw.c: unit tests of the JSON emitter's pieces (src/io/jsonw.c):
 * string escaping of damaged text, the fixed-point numbers, and the
 * re-indenting of --pretty. The escaping and the numbers are checked
 * against plain byte-at-a-time references, kept here as they were written
 * before the emitter learned its shortcuts (8 bytes a step, rounding
 * without llround), over many generated inputs.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "harness.h"
#include "runner.h"
#include "../src/io/jsonw.h"
#include "../src/io/write_json.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t rng(void)
{
	return lw_test_xorshift(&rng_state);
}

/* ---- the references ---- */

/* Length of the valid multi-byte UTF-8 sequence at p (n bytes left), 0 if
 * invalid or ASCII: utf8proc's decoder, independent of the writer's own
 * (it refuses overlong forms, surrogates and code points past U+10FFFF,
 * as the writer must). */
static size_t ref_utf8_len(const unsigned char *p, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &cp);
	return k > 1 ? (size_t)k : 0;
}

/* A JSON string, a byte at a time; returns its length in out. */
static size_t ref_str(char *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;
	out[o++] = '"';
	for (size_t i = 0; i < n;) {
		unsigned char c = p[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			out[o++] = (char)c;
			i++;
		} else if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
			i++;
		} else if (c == '\n' || c == '\r' || c == '\t') {
			out[o++] = '\\';
			out[o++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
			i++;
		} else if (c < 0x20) {
			o += (size_t)sprintf(out + o, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
			i++;
		} else {
			size_t k = ref_utf8_len(p + i, n - i);
			if (k == 0) {
				memcpy(out + o, "\\ufffd", 6);
				o += 6;
				i++;
			} else if (k == 3 && p[i] == 0xE2 && p[i + 1] == 0x80 &&
				   (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
				memcpy(out + o, p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
				o += 6;
				i += 3;
			} else {
				memcpy(out + o, p + i, k);
				o += k;
				i += k;
			}
		}
	}
	out[o++] = '"';
	return o;
}

/* A number by llround and a digit at a time, zeros trimmed after. */
static size_t ref_num(char *tmp, double v, int decimals)
{
	static const long long scale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	if (isnan(v) || isinf(v)) {
		memcpy(tmp, "null", 4);
		return 4;
	}
	int n = 0;
	if (fabs(v) < 1e12) {
		long long m = llround(fabs(v) * (double)scale[decimals]);
		long long ip = m / scale[decimals], fp = m % scale[decimals];
		if (v < 0 && m)
			tmp[n++] = '-';
		char digits[24];
		int nd = 0;
		do {
			digits[nd++] = (char)('0' + ip % 10);
			ip /= 10;
		} while (ip);
		while (nd)
			tmp[n++] = digits[--nd];
		if (decimals) {
			tmp[n++] = '.';
			for (int d = decimals - 1; d >= 0; d--) {
				tmp[n + d] = (char)('0' + fp % 10);
				fp /= 10;
			}
			n += decimals;
		}
	} else {
		n = snprintf(tmp, 400, "%.*f", decimals, v);
	}
	if (memchr(tmp, '.', (size_t)n)) {
		while (n > 1 && tmp[n - 1] == '0')
			n--;
		if (tmp[n - 1] == '.')
			n--;
	}
	if (n == 2 && tmp[0] == '-' && tmp[1] == '0')
		tmp[0] = '0', n = 1;
	return (size_t)n;
}

/* ---- strings ---- */

/* s[0..n) as lw_json_put_str writes it, NUL-terminated in out. The input
 * is copied to a block of exactly n bytes, so that a read past its end is
 * seen by the sanitizers and valgrind. */
static void put_str(char *out, const char *s, size_t n)
{
	char *in = malloc(n ? n : 1);
	if (!in)
		return;
	memcpy(in, s, n);
	char *o = lw_json_put_str(out, in, n);
	*o = 0;
	free(in);
}

static void check_str(const char *s, size_t n, const char *want)
{
	char out[256];
	put_str(out, s, n);
	CHECK_STR(out, want);
}

#define STR(lit, want) check_str(lit, sizeof(lit) - 1, want)

/* Text that is not clean UTF-8 still makes a valid JSON string that is
 * valid UTF-8: control bytes escaped, each byte of a broken sequence a
 * U+FFFD, the JavaScript line separators escaped, the rest as it is. */
static void strings_of_damaged_text(void)
{
	STR("", "\"\"");
	STR("Kabul", "\"Kabul\"");
	STR("say \"no\" \\ yes", "\"say \\\"no\\\" \\\\ yes\"");
	STR("a\nb\rc\td", "\"a\\nb\\rc\\td\"");
	STR("\x01\x08\x0c\x1f\x7f", "\"\\u0001\\u0008\\u000c\\u001f\x7f\"");
	STR("nul\0inside", "\"nul\\u0000inside\"");
	/* valid sequences of 2, 3 and 4 bytes are copied */
	STR("Ar Ru\xc5\xa3" "bah \xe2\x80\x94 \xf0\x9f\x98\x80",
	    "\"Ar Ru\xc5\xa3" "bah \xe2\x80\x94 \xf0\x9f\x98\x80\"");
	STR("line\xe2\x80\xa8sep\xe2\x80\xa9", "\"line\\u2028sep\\u2029\"");
	/* a lone continuation byte, bytes never in UTF-8, a truncated sequence */
	STR("\x80x\xc0\xc1\xf5\xff", "\"\\ufffdx\\ufffd\\ufffd\\ufffd\\ufffd\"");
	STR("cut \xe2\x80", "\"cut \\ufffd\\ufffd\"");
	STR("cut \xf0\x9f\x98", "\"cut \\ufffd\\ufffd\\ufffd\"");
	/* overlong forms and UTF-16 surrogates are not UTF-8 */
	STR("\xe0\x80\xaf\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\"");
	STR("\xc0\xaf\xc1\xbf", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	STR("\xf0\x80\x80\x80\xf4\x90\x80\x80",
	    "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\"");
	/* a special byte at each place of an 8-byte step, and past it */
	STR("abcdefg\"ijklmnop", "\"abcdefg\\\"ijklmnop\"");
	STR("abcdefgh\nijklmno", "\"abcdefgh\\nijklmno\"");
	STR("abcdefghijklmno\xff", "\"abcdefghijklmno\\ufffd\"");
	STR("\tbcdefghijklmnopq", "\"\\tbcdefghijklmnopq\"");
}

/* Generated strings of damaged and clean pieces, of every length up to a
 * few 8-byte steps, written as the byte-at-a-time reference writes them;
 * the room the header promises is never exceeded. */
static void strings_match_reference(void)
{
	static const char *const pieces[] = {
		"a", "Kabul ", "0123456789", " ", "\"", "\\", "\n", "\r", "\t", "\x01", "\x1f",
		"\x7f", "\x80", "\xbf", "\xc2\xa0", "\xc3", "\xdf\xbf", "\xe2\x80\x94",
		"\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80", "\xed\xa0\x80", "\xed\x9f\xbf",
		"\xe0\x9f\xbf", "\xe0\xa0\x80", "\xf0\x90\x80\x80", "\xf0\x8f\xbf\xbf",
		"\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5", "\xfe", "\xff", "\x00", "\xc0\xaf",
	};
	size_t np = sizeof pieces / sizeof *pieces;
	int rounds = lw_test_slow ? 200000 : 5000;
	char in[64], want[6 * 64 + 3], got[6 * 64 + 3 + 8];
	for (int round = 0; round < rounds; round++) {
		size_t n = 0, target = (size_t)(rng() % 40);
		/* mostly clean text, as documents are */
		int damage = (int)(rng() % 4);
		while (n < target) {
			size_t k = damage && rng() % 3 == 0 ? (size_t)(rng() % np) : (size_t)(rng() % 3);
			size_t pl = pieces[k][0] ? strlen(pieces[k]) : 1;
			if (n + pl > sizeof in)
				break;
			memcpy(in + n, pieces[k], pl);
			n += pl;
		}
		size_t wn = ref_str(want, in, n);
		memset(got, '#', sizeof got);
		char *copy = malloc(n ? n : 1);
		if (!copy)
			return;
		memcpy(copy, in, n);
		char *end = lw_json_put_str(got, copy, n);
		free(copy);
		size_t gn = (size_t)(end - got);
		if (gn != wn || memcmp(got, want, wn) != 0 || gn > LW_JSON_STR_ROOM(n) ||
		    got[gn] != '#') {
			lw_check_fail(__FILE__, __LINE__, "round %d: %zu bytes escaped unlike the reference",
				      round, n);
			return;
		}
	}
}

/* ---- numbers ---- */

static int check_num(double v, int decimals)
{
	char want[400], got[LW_JSON_NUM_ROOM + 1];
	size_t wn = ref_num(want, v, decimals);
	size_t gn = (size_t)(lw_json_put_num(got, v, decimals) - got);
	if (gn == wn && memcmp(got, want, wn) == 0)
		return 1;
	want[wn] = 0;
	got[gn < LW_JSON_NUM_ROOM ? gn : LW_JSON_NUM_ROOM] = 0;
	lw_check_fail(__FILE__, __LINE__, "%.17g to %d places: \"%s\", expected \"%s\"", v,
		      decimals, got, want);
	return 0;
}

static void numbers_by_hand(void)
{
	char out[LW_JSON_NUM_ROOM + 1];
	struct {
		double v;
		int decimals;
		const char *want;
	} t[] = {
		{34.3, 4, "34.3"},          {60.0, 4, "60"},        {-0.0, 4, "0"},
		{-0.00004, 4, "0"},         {-0.5, 0, "-1"},        {0.125, 2, "0.13"},
		{0.75f, 2, "0.75"},         {0.9f, 2, "0.9"},       {-69.17283, 4, "-69.1728"},
		{1e12, 2, "1000000000000"}, {12.5, 0, "13"},        {NAN, 4, "null"},
		{-INFINITY, 2, "null"},     {1e-7, 6, "0"},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		*lw_json_put_num(out, t[i].v, t[i].decimals) = 0;
		CHECK_STR(out, t[i].want);
	}
}

/*
 * The numbers the contract writes: latitudes and longitudes to 4 places,
 * confidences (floats) to 2. Both writers scale and round to an integer
 * and write it with a point; they can differ only in the rounding, so the
 * values tried crowd the halfway points of every place count, a few ulps
 * either side, besides random ones of every size.
 */
static void numbers_match_reference(void)
{
	static const double pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	long steps = lw_test_slow ? 200000 : 5000;
	for (long i = 0; i < steps; i++) {
		int d = (int)(i % 7);
		/* k + 1/2 over 10^d, for k up to 180 degrees and beyond */
		double k = (double)(rng() % (uint64_t)(360 * pow10[d] + 1)) - 180 * pow10[d];
		double half = (k + 0.5) / pow10[d];
		double v = half;
		for (int u = 0; u < 3; u++)
			v = nextafter(v, -INFINITY);
		for (int u = 0; u < 7; u++, v = nextafter(v, INFINITY))
			if (!check_num(v, d) || !check_num(v, 4) || !check_num(v, 2))
				return;
		/* a random float in [0, 1], as confidences are */
		float f = (float)(rng() >> 40) / (float)(1 << 24);
		if (!check_num(f, 2))
			return;
		/* a random double of any exponent below the printf cut-over */
		double r = ldexp((double)(rng() >> 11), (int)(rng() % 100) - 100);
		if (!check_num(i & 1 ? r : -r, d))
			return;
	}
	/* around the cut-over to printf, and beyond it */
	for (double v = 1e12 - 2; v < 1e12 + 2; v += 0.25)
		for (int d = 0; d <= 6; d++)
			if (!check_num(v, d) || !check_num(-v, d))
				return;
	for (int e = 12; e <= 308; e++)
		if (!check_num(pow(10, e) * 1.2345, 4) || !check_num(-DBL_MAX, 4))
			return;
}

/* The streaming writer's numbers keep any precision printf takes, and
 * any size. */
static void stream_numbers_any_precision(void)
{
	struct lw_buf b = LW_BUF_INIT;
	struct lw_jsonw w;
	lw_jsonw_init(&w, &b, 0);
	lw_jsonw_arr(&w);
	lw_jsonw_num(&w, 3.14159265, 8);
	lw_jsonw_num(&w, -0.000000001, 7);
	lw_jsonw_num(&w, 2.5, -1);
	lw_jsonw_num(&w, -1e300, 2);
	lw_jsonw_end_arr(&w);
	lw_buf_addc(&b, 0);
	char want[400];
	int n = snprintf(want, sizeof want, "[3.14159265,0,2.5,%.0f]", -1e300);
	CHECK(n > 300 && (size_t)n < sizeof want);
	CHECK(!b.failed);
	if (b.ptr)
		CHECK_STR(b.ptr, want);
	lw_buf_release(&b);
}

/* ---- --pretty ---- */

/* A structure written by the streaming writer, compact or pretty. */
static void sample(struct lw_buf *b, int pretty)
{
	struct lw_jsonw w;
	lw_jsonw_init(&w, b, pretty);
	lw_jsonw_obj(&w);
	lw_jsonw_key(&w, "name");
	lw_jsonw_str(&w, "a \"b\": {c}, [d]\\", 16);
	lw_jsonw_key(&w, "empty");
	lw_jsonw_arr(&w);
	lw_jsonw_end_arr(&w);
	lw_jsonw_key(&w, "none");
	lw_jsonw_obj(&w);
	lw_jsonw_end_obj(&w);
	lw_jsonw_key(&w, "list");
	lw_jsonw_arr(&w);
	for (int i = 0; i < 3; i++) {
		lw_jsonw_obj(&w);
		lw_jsonw_key(&w, "i");
		lw_jsonw_int(&w, -i);
		lw_jsonw_key(&w, "x");
		lw_jsonw_num(&w, i / 3.0, 4);
		lw_jsonw_key(&w, "ok");
		lw_jsonw_bool(&w, i & 1);
		lw_jsonw_key(&w, "n");
		lw_jsonw_null(&w);
		lw_jsonw_key(&w, "inner");
		lw_jsonw_arr(&w);
		lw_jsonw_arr(&w);
		lw_jsonw_end_arr(&w);
		lw_jsonw_str(&w, ",:", 2);
		lw_jsonw_end_arr(&w);
		lw_jsonw_end_obj(&w);
	}
	lw_jsonw_end_arr(&w);
	lw_jsonw_end_obj(&w);
}

/* Re-indenting the compact form gives what the writer writes indented. */
static void indent_matches_pretty_writer(void)
{
	struct lw_buf compact = LW_BUF_INIT, pretty = LW_BUF_INIT, indented = LW_BUF_INIT;
	sample(&compact, 0);
	sample(&pretty, 1);
	lw_json_indent(&indented, compact.ptr, compact.len);
	lw_buf_addc(&pretty, 0);
	lw_buf_addc(&indented, 0);
	CHECK(!compact.failed && !pretty.failed && !indented.failed);
	if (pretty.ptr && indented.ptr) {
		CHECK_STR(indented.ptr, pretty.ptr);
		CHECK(strstr(pretty.ptr, "\n  \"empty\": [],\n  \"none\": {},\n") != NULL);
	}
	lw_buf_release(&compact);
	lw_buf_release(&pretty);
	lw_buf_release(&indented);
}

/* lw_write_fn into an lw_buf */
static int into_buf(void *ctx, const char *p, size_t n)
{
	lw_buf_add(ctx, p, n);
	return 0;
}

/*
 * A whole document through the contract writer, with a control byte, a
 * byte that is not UTF-8, U+2028 and a backslash inside a quote: its text
 * escaped as lw_json_put_str escapes, the codes and a place written twice
 * (the entity's, the event's location) alike; lw_doc_json_append appends
 * what lw_doc_write_json writes, after what the buffer held.
 */
static void document_of_damaged_text(void)
{
	static const char text[] =
		"KABUL, Afghanistan \xe2\x80\x94 \"Peace \x01 now \xff in\xe2\x80\xa8 Kabul \\ is near,\" "
		"said Hussein Mansour, a local journalist in Kabul. Taliban fighters killed five "
		"soldiers in Kandahar on Monday.\n";
	lw_input in;
	memset(&in, 0, sizeof in);
	in.text = text;
	in.text_len = sizeof text - 1;
	in.id = "damaged";
	in.id_len = 7;
	lw_options opt;
	lw_options_init(&opt);
	opt.date = "2021-03-01";
	lw_doc *doc;
	lw_error err;
	if (lw_code(test_kb(), &opt, &in, &doc, &err) != LW_OK) {
		CHECK(0);
		return;
	}
	for (unsigned flags = 0; flags <= LW_JSON_PRETTY; flags += LW_JSON_PRETTY) {
		struct lw_buf one = LW_BUF_INIT, many = LW_BUF_INIT;
		CHECK(lw_doc_write_json(doc, flags, into_buf, &one) == LW_OK);
		lw_buf_add(&many, "before\n", 7);
		CHECK(lw_doc_json_append(doc, flags, &many) == LW_OK);
		lw_buf_addc(&one, 0);
		lw_buf_addc(&many, 0);
		CHECK(!one.failed && !many.failed);
		if (one.ptr && many.ptr) {
			CHECK(strncmp(many.ptr, "before\n", 7) == 0);
			CHECK_STR(many.ptr + 7, one.ptr);
			CHECK(one.ptr[one.len - 2] == '\n');
		}
		if (one.ptr && !flags) {
			CHECK(strstr(one.ptr, "\"text\":\"Peace \\u0001 now \\ufffd in\\u2028 Kabul "
					      "\\\\ is near,\"") != NULL);
			CHECK(strstr(one.ptr, "\"code\":\"AFGREB\",\"country\":\"AFG\","
					      "\"sector\":\"REB\"") != NULL);
			CHECK(strstr(one.ptr, "\"code\":\"---MIL\",\"country\":null,"
					      "\"sector\":\"MIL\"") != NULL);
			static const char kandahar[] =
				"\"country\":\"AFG\",\"admin1\":\"Kandahar\",\"admin2\":"
				"\"Kandahar\",\"lat\":31.6133,\"lon\":65.7101,\"kind\":\"city\"";
			const char *first = strstr(one.ptr, kandahar);
			CHECK(first != NULL && strstr(first + 1, kandahar) != NULL);
			CHECK(strstr(one.ptr, "\"type\":\"PERSON\",\"name\":\"Hussein Mansour\"") != NULL);
		}
		lw_buf_release(&one);
		lw_buf_release(&many);
	}
	lw_doc_free(doc);
}

LW_TESTS(jsonw_tests) = {
	{"jsonw/strings_of_damaged_text", strings_of_damaged_text},
	{"jsonw/strings_match_reference", strings_match_reference},
	{"jsonw/numbers_by_hand", numbers_by_hand},
	{"jsonw/numbers_match_reference", numbers_match_reference},
	{"jsonw/stream_numbers_any_precision", stream_numbers_any_precision},
	{"jsonw/indent_matches_pretty_writer", indent_matches_pretty_writer},
	{"jsonw/document_of_damaged_text", document_of_damaged_text},
	LW_END_TESTS,
};
