/*
 * test_store.c: unit tests of the store through the library: the content
 * hash, the dates it derives, CSV quoting, the --coded record parser and
 * its errors, idempotent puts, replacement, version refusal, the pipeline
 * at several thread counts. The command line is tested in cli_store.c.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "lapwing.h"
#include "runner.h"
#include "../src/store/store.h"

static char dir[256];

static void cleanup(void)
{
	char cmd[300];
	if (!dir[0])
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "lwtest: could not remove %s\n", dir);
	dir[0] = 0;
}

static const char *tmp_path(const char *name)
{
	static char path[4][512];
	static int k;
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/lwstore.%ld", (long)getpid());
		mkdir(dir, 0700);
		atexit(cleanup);
	}
	k = (k + 1) % 4;
	snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
	return path[k];
}

static void remove_db(const char *path)
{
	char p[600];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static lw_store *fresh_store(const char *name)
{
	const char *path = tmp_path(name);
	lw_store *s = NULL;
	lw_error err;
	remove_db(path);
	if (lw_store_open(path, LW_STORE_CREATE, &s, &err) != LW_OK)
		lw_check_fail(__FILE__, __LINE__, "cannot make %s: %s", path, err.message);
	return s;
}

static int64_t count(lw_store *s, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n = -1;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int buf_write(void *ctx, const char *p, size_t n)
{
	lw_buf_add(ctx, p, n);
	return 0;
}

/* ---- SHA-256, dates, CSV ---- */

/* XXH64 reference values (xxHash's own and python-xxhash's examples);
 * the pieces show that the buffering does not matter. */
static void hash_vectors(void)
{
	static const struct {
		const char *in;
		uint64_t xxh64;
	} v[] = {
		{"", 0xEF46DB3751D8E999ULL},
		{"abc", 0x44BC2CF5AD770999ULL},
		{"Nobody inspects the spammish repetition", 0xFBCEA83C8A378BF1ULL},
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		struct lw_hash whole, pieces;
		unsigned char a[LW_HASH_BYTES], b[LW_HASH_BYTES];
		size_t n = strlen(v[i].in);
		lw_hash_init(&whole);
		lw_hash_update(&whole, v[i].in, n);
		uint64_t x = lw_hash_final(&whole, a);
		if (x != v[i].xxh64)
			lw_check_fail(__FILE__, __LINE__, "XXH64(\"%s\") = %016llx, expected %016llx",
				      v[i].in, (unsigned long long)x, (unsigned long long)v[i].xxh64);
		lw_hash_init(&pieces);
		for (size_t k = 0; k < n; k += 1 + k % 5)
			lw_hash_update(&pieces, v[i].in + k, (k + 1 + k % 5 > n ? n : k + 1 + k % 5) - k);
		lw_hash_final(&pieces, b);
		CHECK(memcmp(a, b, sizeof a) == 0);
	}
	/* a long input, in pieces across the 32-byte stripes */
	char big[1000];
	unsigned char a[LW_HASH_BYTES], b[LW_HASH_BYTES];
	for (size_t i = 0; i < sizeof big; i++)
		big[i] = (char)('a' + i * 7 % 26);
	struct lw_hash h;
	lw_hash_init(&h);
	lw_hash_update(&h, big, sizeof big);
	lw_hash_final(&h, a);
	lw_hash_init(&h);
	for (size_t k = 0; k < sizeof big; k += 33)
		lw_hash_update(&h, big + k, k + 33 > sizeof big ? sizeof big - k : 33);
	lw_hash_final(&h, b);
	CHECK(memcmp(a, b, sizeof a) == 0);
}

static void event_days(void)
{
	static const struct {
		const char *event, *doc, *day;
	} v[] = {
		{"2023-07-14", "2023-08-01", "2023-07-14"}, /* its own day */
		{"2023-07", "2023-07-20", "2023-07-20"},    /* the document's, inside the month */
		{"2023-07", "2023-08-02", "2023-07-01"},    /* outside: the month's first day */
		{"2023", "2023-03-05", "2023-03-05"},
		{"2021", "2023-03-05", "2021-01-01"},
		{"2023-W07", "2023-02-17", "2023-02-17"},  /* Monday 13 to Sunday 19 February */
		{"2023-W07", "2023-03-01", "2023-02-13"},
		{"2020-W53", NULL, "2020-12-28"},
		{"2023-winter", "2024-01-10", "2024-01-10"}, /* December 2023 to February 2024 */
		{"2023-summer", NULL, "2023-06-01"},
		{NULL, "2023-05-06", "2023-05-06"},         /* no date: the document's */
		{NULL, "2023-05", "2023-05-01"},
		{NULL, NULL, ""},
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		lw_date d;
		char out[16];
		int has = v[i].event && lw_date_parse_any(v[i].event, strlen(v[i].event), &d);
		CHECK(!v[i].event || has);
		lw_event_day(has ? &d : NULL, v[i].doc, out);
		if (strcmp(out, v[i].day) != 0)
			lw_check_fail(__FILE__, __LINE__, "event %s, document %s: day %s, expected %s",
				      v[i].event ? v[i].event : "-", v[i].doc ? v[i].doc : "-", out,
				      v[i].day);
	}
}

static void dates_parse_and_format(void)
{
	static const char *const good[] = {"2023-07-14", "2023-07", "2023", "2023-W05", "2020-W53",
					   "2023-spring", "2023-winter"};
	static const char *const bad[] = {"2023-W00", "2023-W53", "2023-7", "2023-13", "23",
					  "2023-fall", "2023-02-30", "2023-07-14T10:00"};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		lw_date d;
		char out[32];
		CHECK(lw_date_parse_any(good[i], strlen(good[i]), &d));
		size_t n = lw_date_format(&d, out, sizeof out);
		out[n] = 0;
		CHECK_STR(out, good[i]);
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		lw_date d;
		if (lw_date_parse_any(bad[i], strlen(bad[i]), &d))
			lw_check_fail(__FILE__, __LINE__, "'%s' parsed as a date", bad[i]);
	}
}

static void csv_quoting(void)
{
	static const struct {
		const char *in, *out;
	} v[] = {
		{"plain", "plain"},
		{"a, b", "\"a, b\""},
		{"say \"no\"", "\"say \"\"no\"\"\""},
		{"two\nlines", "\"two\nlines\""},
		{"cr\r", "\"cr\r\""},
		{"", ""},
		{"caf\xc3\xa9", "caf\xc3\xa9"},
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		struct lw_buf b = LW_BUF_INIT;
		lw_csv_field(&b, v[i].in, strlen(v[i].in));
		lw_buf_addc(&b, 0);
		CHECK_STR(b.ptr, v[i].out);
		lw_buf_release(&b);
	}
}

/* ---- the --coded record parser ---- */

#define DOC_HEAD "{\"lapwing\":1,\"id\":\"d1\",\"date\":\"2023-01-02\",\"text\":\"Rebels attacked Kabul.\""

static void coded_errors(void)
{
	static const struct {
		const char *json, *error;
	} v[] = {
		{"not json", "invalid JSON"},
		{"[1,2]", "not a JSON object"},
		{"{\"id\":\"x\"}", "lapwing: missing"},
		{"{\"lapwing\":2,\"id\":\"x\"}", "contract version 2"},
		{"{\"lapwing\":\"1\",\"id\":\"x\"}", "lapwing: expected an integer, got a string"},
		{"{\"lapwing\":1}", "id: missing"},
		{"{\"lapwing\":1,\"id\":7}", "id: expected a string, got an integer"},
		{"{\"lapwing\":1,\"id\":\"\"}", "id: empty"},
		{"{\"lapwing\":1,\"id\":\"x\",\"date\":\"yesterday\"}", "date: 'yesterday' is not"},
		{"{\"lapwing\":1,\"id\":\"x\",\"text\":5}", "text: expected a string"},
		{"{\"lapwing\":1,\"id\":\"x\",\"id\":\"y\"}", "invalid JSON: duplicate object key"},
		{DOC_HEAD ",\"entities\":{}}", "entities: expected an array, got an object"},
		{DOC_HEAD ",\"entities\":[7]}", "entities[0]: expected an object"},
		{DOC_HEAD ",\"entities\":[{\"id\":1,\"type\":\"GROUP\",\"name\":\"x\"}]}",
		 "entities[0].type: 'GROUP' is not PERSON, ORG or PLACE"},
		{DOC_HEAD ",\"entities\":[{\"id\":1,\"type\":\"ORG\",\"name\":\"x\",\"mentions\":[{\"start\":"
			  "\"0\",\"end\":6}]}]}",
		 "entities[0].mentions[0].start: expected an integer, got a string"},
		{DOC_HEAD ",\"entities\":[{\"id\":1,\"type\":\"ORG\",\"name\":\"x\",\"mentions\":[{\"start\":0,"
			  "\"end\":99}]}]}",
		 "entities[0].mentions[0]: span 0-99 is out of range (the text has 22 bytes)"},
		{DOC_HEAD ",\"entities\":[{\"id\":1,\"type\":\"ORG\",\"name\":\"x\",\"mentions\":[{\"start\":6,"
			  "\"end\":2}]}]}",
		 "entities[0].mentions[0]: start 6 is after end 2"},
		{DOC_HEAD ",\"entities\":[{\"id\":1,\"type\":\"ORG\",\"name\":\"x\",\"mentions\":[{\"start\":-1,"
			  "\"end\":2}]}]}",
		 "entities[0].mentions[0].start: -1 is out of range"},
		{DOC_HEAD ",\"entities\":[{\"id\":1,\"type\":\"ORG\",\"name\":\"x\"},{\"id\":1,\"type\":\"ORG\","
			  "\"name\":\"y\"}]}",
		 "entities: id 1 is used twice"},
		{DOC_HEAD ",\"entities\":[{\"id\":1,\"type\":\"ORG\",\"name\":\"x\",\"actor\":{\"code\":\"PAK\"}}]}",
		 "entities[0].actor.code: 'PAK' is not an actor code"},
		{DOC_HEAD ",\"entities\":[{\"id\":1,\"type\":\"PLACE\",\"name\":\"x\",\"place\":{\"lat\":95}}]}",
		 "entities[0].place: latitude or longitude out of range"},
		{DOC_HEAD ",\"quotes\":[{\"start\":0,\"end\":6,\"speaker\":{\"entity\":3,\"name\":\"x\","
			  "\"start\":0,\"end\":1}}]}",
		 "quotes[0].speaker.entity: no entity has id 3"},
		{DOC_HEAD ",\"quotes\":[{\"start\":0,\"end\":6,\"confidence\":\"high\"}]}",
		 "quotes[0].confidence: expected a number, got a string"},
		{DOC_HEAD ",\"events\":[{\"type\":\"BOMB\",\"trigger\":{\"start\":7,\"end\":15},"
			  "\"sentence\":{\"start\":0,\"end\":22}}]}",
		 "events[0].type: 'BOMB' is not one of the 16 PLOVER types"},
		{DOC_HEAD ",\"events\":[{\"type\":\"ASSAULT\",\"sentence\":{\"start\":0,\"end\":22}}]}",
		 "events[0].trigger: missing"},
		{DOC_HEAD ",\"events\":[{\"type\":\"ASSAULT\",\"trigger\":{\"start\":7,\"end\":15},"
			  "\"sentence\":{\"start\":0,\"end\":23}}]}",
		 "events[0].sentence: span 0-23 is out of range"},
		{DOC_HEAD ",\"events\":[{\"type\":\"ASSAULT\",\"trigger\":{\"start\":7,\"end\":15},"
			  "\"sentence\":{\"start\":0,\"end\":22},\"dead\":{\"value\":-3,\"start\":0,\"end\":1}}]}",
		 "events[0].dead.value: -3 is out of range"},
		{DOC_HEAD ",\"events\":[{\"type\":\"ASSAULT\",\"trigger\":{\"start\":7,\"end\":15},"
			  "\"sentence\":{\"start\":0,\"end\":22},\"dead\":{\"value\":3,\"approx\":\"no\","
			  "\"start\":0,\"end\":1}}]}",
		 "events[0].dead.approx: expected true or false, got a string"},
		{DOC_HEAD ",\"events\":[{\"type\":\"ASSAULT\",\"trigger\":{\"start\":7,\"end\":15},"
			  "\"sentence\":{\"start\":0,\"end\":22},\"date\":{\"value\":\"2023-07\","
			  "\"precision\":\"day\",\"start\":0,\"end\":1}}]}",
		 "events[0].date.precision: 'day' does not match the value '2023-07' (month)"},
		{DOC_HEAD ",\"events\":[{\"type\":\"ASSAULT\",\"trigger\":{\"start\":7,\"end\":15},"
			  "\"sentence\":{\"start\":0,\"end\":22},\"source\":{\"entity\":2,\"name\":\"x\","
			  "\"code\":\"---REB\",\"start\":0,\"end\":6}}]}",
		 "events[0].source.entity: no entity has id 2"},
		{DOC_HEAD ",\"events\":[{\"type\":\"ASSAULT\",\"trigger\":{\"start\":7,\"end\":15},"
			  "\"sentence\":{\"start\":0,\"end\":22},\"negated\":1}]}",
		 "events[0].negated: expected true or false, got an integer"},
		{DOC_HEAD ",\"events\":[[]]}", "events[0]: expected an object, got an array"},
		/* without a text, spans are bounded by the document size limit */
		{"{\"lapwing\":1,\"id\":\"x\",\"quotes\":[{\"start\":0,\"end\":5000000000}]}",
		 "quotes[0].end: 5000000000 is out of range"},
		{"{\"lapwing\":1,\"id\":\"x\",\"quotes\":[{\"start\":0,\"end\":70000000}]}",
		 "beyond the document size limit"},
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		struct lw_store_rec r;
		lw_error err;
		lw_status st = lw_rec_from_json(&r, v[i].json, strlen(v[i].json), 0, NULL, NULL, &err);
		if (st != LW_EJSON) {
			lw_check_fail(__FILE__, __LINE__, "record %zu: status %d, expected an error", i,
				      (int)st);
			if (st == LW_OK)
				lw_rec_release(&r);
			continue;
		}
		if (!strstr(err.message, v[i].error))
			lw_check_fail(__FILE__, __LINE__, "record %zu: \"%s\", expected \"%s\"", i,
				      err.message, v[i].error);
	}
	/* a parse error says where */
	struct lw_store_rec r;
	lw_error err;
	const char *bad = "{\"lapwing\":1,\"id\":\"x\",,}";
	CHECK_INT(lw_rec_from_json(&r, bad, strlen(bad), 0, NULL, NULL, &err), LW_EJSON);
	CHECK_INT(err.offset, 22); /* the second comma */
}

/* Random bytes and mangled records: errors, never a crash (the fuzz
 * target does this at length). */
static void coded_random_input(void)
{
	uint64_t x = 0x2545F4914F6CDD1DULL;
	char buf[600];
	const char *base = DOC_HEAD ",\"entities\":[{\"id\":1,\"type\":\"ORG\",\"name\":\"Rebels\",\"mentions\":"
				    "[{\"start\":0,\"end\":6}]}],\"events\":[{\"type\":\"ASSAULT\",\"source\":"
				    "{\"entity\":1,\"name\":\"Rebels\",\"code\":\"---REB\",\"start\":0,\"end\":6},"
				    "\"trigger\":{\"start\":7,\"end\":15},\"sentence\":{\"start\":0,\"end\":22}}]}";
	size_t n = strlen(base);
	for (int round = 0; round < 2000; round++) {
		memcpy(buf, base, n);
		for (int k = 0; k < 1 + round % 4; k++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			buf[x % n] = "{}[]\",:0123456789-tnu \\x"[(x >> 20) % 25];
		}
		struct lw_store_rec r;
		lw_error err;
		if (lw_rec_from_json(&r, buf, n, 0, NULL, NULL, &err) == LW_OK)
			lw_rec_release(&r);
	}
	struct lw_store_rec r;
	lw_error err;
	CHECK_INT(lw_rec_from_json(&r, base, n, 0, NULL, NULL, &err), LW_OK);
	lw_rec_release(&r);
}

static void collect_warning(void *ctx, const char *msg)
{
	lw_buf_adds(ctx, msg);
	lw_buf_addc(ctx, '\n');
}

/* A record without "text": its quoted texts come back where they were. */
static void coded_without_text(void)
{
	const char *json =
		"{\"lapwing\":1,\"id\":\"t1\",\"date\":null,\"title\":null,\"source\":null,\"url\":null,"
		"\"dateline\":null,\"entities\":[],\"quotes\":[{\"start\":10,\"end\":15,\"text\":\"hello\","
		"\"speaker\":null,\"cue\":{\"start\":17,\"end\":21,\"text\":\"said\"},\"confidence\":0.9},"
		"{\"start\":30,\"end\":33,\"text\":\"wrong length\",\"speaker\":null,\"cue\":null,"
		"\"confidence\":0.5}],\"events\":[]}\n";
	struct lw_store_rec r;
	lw_error err;
	struct lw_buf warnings = LW_BUF_INIT;
	CHECK_INT(lw_rec_from_json(&r, json, strlen(json), 0, collect_warning, &warnings, &err),
		  LW_OK);
	CHECK_INT(r.text_complete, 0);
	CHECK_INT(r.text.len, 33);
	CHECK(r.text.len == 33 && memcmp(r.text.ptr + 10, "hello", 5) == 0);
	CHECK(r.text.len == 33 && memcmp(r.text.ptr + 17, "said", 4) == 0);
	CHECK(r.text.len == 33 && memcmp(r.text.ptr + 30, "   ", 3) == 0);
	lw_buf_addc(&warnings, 0);
	CHECK(strstr(warnings.ptr, "the text at 30-33 has 12 bytes, not 3") != NULL);
	lw_buf_release(&warnings);
	lw_rec_release(&r);

	/* and through a store: the export gives back the same object */
	const char *ok = "{\"lapwing\":1,\"id\":\"t1\",\"date\":null,\"title\":null,\"source\":null,"
			 "\"url\":null,\"dateline\":null,\"entities\":[],\"quotes\":[{\"start\":10,"
			 "\"end\":15,\"text\":\"hello\",\"speaker\":null,\"cue\":{\"start\":17,"
			 "\"end\":21,\"text\":\"said\"},\"confidence\":0.9}],\"events\":[]}\n";
	lw_store *s = fresh_store("textless.db");
	if (!s)
		return;
	lw_put_result res;
	CHECK_INT(lw_store_put_coded(s, ok, strlen(ok), 0, &res, &err), LW_OK);
	struct lw_buf out = LW_BUF_INIT;
	CHECK_INT(lw_store_export(s, NULL, LW_OUT_JSONL, LW_EXPORT_TEXT, NULL, buf_write, &out, &err),
		  LW_OK);
	lw_buf_addc(&out, 0);
	CHECK_STR(out.ptr, ok);
	lw_buf_release(&out);
	lw_store_close(s);
}

/* ---- puts ---- */

static const char *record(const char *id, const char *text, const char *trigger, int nevents)
{
	static char buf[4096];
	int n = snprintf(buf, sizeof buf,
			 "{\"lapwing\":1,\"id\":\"%s\",\"date\":\"2023-04-05\",\"title\":null,"
			 "\"source\":null,\"url\":null,\"text\":\"%s\",\"dateline\":null,"
			 "\"entities\":[],\"quotes\":[],\"events\":[",
			 id, text);
	const char *t = strstr(text, trigger);
	for (int i = 0; i < nevents; i++)
		n += snprintf(buf + n, sizeof buf - (size_t)n,
			      "%s{\"type\":\"ASSAULT\",\"trigger\":{\"start\":%d,\"end\":%d},"
			      "\"sentence\":{\"start\":0,\"end\":%d}}",
			      i ? "," : "", (int)(t - text), (int)(t - text + (int)strlen(trigger)),
			      (int)strlen(text));
	snprintf(buf + n, sizeof buf - (size_t)n, "]}");
	return buf;
}

static int fts_ok(lw_store *s)
{
	return sqlite3_exec(s->db,
			    "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')",
			    NULL, NULL, NULL) == SQLITE_OK;
}

static void put_is_idempotent(void)
{
	lw_store *s = fresh_store("idem.db");
	if (!s)
		return;
	lw_put_result res;
	lw_error err;
	const char *a = record("a", "Gunmen attacked a convoy.", "attacked", 2);
	CHECK_INT(lw_store_put_coded(s, a, strlen(a), 0, &res, &err), LW_OK);
	CHECK_INT(res, LW_PUT_ADDED);
	int64_t changes = sqlite3_total_changes(s->db);
	a = record("a", "Gunmen attacked a convoy.", "attacked", 2);
	CHECK_INT(lw_store_put_coded(s, a, strlen(a), 0, &res, &err), LW_OK);
	CHECK_INT(res, LW_PUT_UNCHANGED);
	CHECK_INT(sqlite3_total_changes(s->db), changes); /* nothing written */
	CHECK_INT(count(s, "SELECT count(*) FROM documents"), 1);
	CHECK_INT(count(s, "SELECT count(*) FROM events"), 2);
	/* --force writes it again, still once */
	CHECK_INT(lw_store_put_coded(s, a, strlen(a), LW_PUT_FORCE, &res, &err), LW_OK);
	CHECK_INT(res, LW_PUT_REPLACED);
	CHECK_INT(count(s, "SELECT count(*) FROM documents"), 1);
	CHECK_INT(count(s, "SELECT count(*) FROM events"), 2);
	CHECK(fts_ok(s));
	lw_store_close(s);
}

static void changed_document_replaces(void)
{
	lw_store *s = fresh_store("replace.db");
	if (!s)
		return;
	lw_put_result res;
	lw_error err;
	const char *a = record("a", "Gunmen attacked a convoy.", "attacked", 2);
	CHECK_INT(lw_store_put_coded(s, a, strlen(a), 0, &res, &err), LW_OK);
	const char *b = record("b", "Protesters marched in the capital.", "marched", 1);
	CHECK_INT(lw_store_put_coded(s, b, strlen(b), 0, &res, &err), LW_OK);
	int64_t id = count(s, "SELECT id FROM documents WHERE doc_id = 'a'");
	a = record("a", "Police detained the gunmen near the border.", "detained", 1);
	CHECK_INT(lw_store_put_coded(s, a, strlen(a), 0, &res, &err), LW_OK);
	CHECK_INT(res, LW_PUT_REPLACED);
	CHECK_INT(count(s, "SELECT count(*) FROM documents"), 2);
	CHECK_INT(count(s, "SELECT id FROM documents WHERE doc_id = 'a'"), id); /* same row */
	CHECK_INT(count(s, "SELECT count(*) FROM events"), 2);
	CHECK_INT(count(s, "SELECT count(*) FROM events WHERE doc = (SELECT id FROM documents "
			   "WHERE doc_id = 'a')"),
		  1);
	/* the index knows the new text and has forgotten the old */
	CHECK_INT(count(s, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'convoy'"),
		  0);
	CHECK_INT(count(s, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'border'"),
		  1);
	CHECK(fts_ok(s));
	CHECK_INT(count(s, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != "
			   "'ok'"),
		  0);
	lw_store_close(s);
}

/* The library's own entry: a coded document, put twice. */
static void put_doc_twice(void)
{
	lw_store *s = fresh_store("putdoc.db");
	if (!s)
		return;
	const char text[] = "KABUL, Afghanistan (Jan. 25, 2013) - Gunmen attacked a police post.";
	lw_input in = {0};
	in.id = "kabul-1";
	in.id_len = 7;
	in.text = text;
	in.text_len = sizeof text - 1;
	lw_doc *doc;
	lw_error err;
	lw_put_result res;
	if (lw_code(test_kb(), NULL, &in, &doc, &err) != LW_OK) {
		lw_check_fail(__FILE__, __LINE__, "cannot code: %s", err.message);
		lw_store_close(s);
		return;
	}
	CHECK_INT(lw_store_put_doc(s, doc, 0, &res, &err), LW_OK);
	CHECK_INT(res, LW_PUT_ADDED);
	CHECK_INT(lw_store_put_doc(s, doc, 0, &res, &err), LW_OK);
	CHECK_INT(res, LW_PUT_UNCHANGED);
	CHECK_INT(count(s, "SELECT count(*) FROM documents WHERE doc_id = 'kabul-1' AND "
			   "date = '2013-01-25'"),
		  1);
	lw_doc_free(doc);
	lw_store_close(s);
}

/* A failed put leaves the open transaction rolled back, never half a
 * document. */
static void failed_put_writes_nothing(void)
{
	lw_store *s = fresh_store("failed.db");
	if (!s)
		return;
	lw_put_result res;
	lw_error err;
	const char *bad = "{\"lapwing\":1,\"id\":\"x\",\"events\":[{\"type\":\"ASSAULT\"}]}";
	CHECK_INT(lw_store_put_coded(s, bad, strlen(bad), 0, &res, &err), LW_EJSON);
	CHECK_INT(count(s, "SELECT count(*) FROM documents"), 0);
	lw_store_close(s);
}

/* ---- versions ---- */

static uint64_t file_sum(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint64_t h = 1469598103934665603ULL;
	int c;
	if (!f)
		return 0;
	while ((c = fgetc(f)) != EOF)
		h = (h ^ (uint64_t)c) * 1099511628211ULL;
	fclose(f);
	return h;
}

static void other_versions_refused(void)
{
	const char *path = tmp_path("version.db");
	lw_store *s = fresh_store("version.db");
	lw_error err;
	if (!s)
		return;
	lw_store_close(s);
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	uint64_t before = file_sum(path);
	CHECK_INT(lw_store_open(path, LW_STORE_CREATE, &s, &err), LW_EVERSION);
	CHECK(strstr(err.message, "store schema version 99") != NULL);
	CHECK(strstr(err.message, "reads versions 1 to 2") != NULL);
	CHECK_INT(lw_store_open(path, LW_STORE_READONLY, &s, &err), LW_EVERSION);
	CHECK(file_sum(path) == before);

	/* another program's database */
	const char *other = tmp_path("other.db");
	remove_db(other);
	sqlite3_open(other, &db);
	sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1)", NULL, NULL, NULL);
	sqlite3_close(db);
	before = file_sum(other);
	CHECK_INT(lw_store_open(other, LW_STORE_CREATE, &s, &err), LW_EVERSION);
	CHECK(strstr(err.message, "not a lapwing store") != NULL);
	CHECK(file_sum(other) == before);

	/* not a database at all */
	const char *text = tmp_path("text.db");
	FILE *f = fopen(text, "wb");
	if (f) {
		fputs("this is not a database, it is a text file of some length..........\n", f);
		fclose(f);
	}
	before = file_sum(text);
	CHECK_INT(lw_store_open(text, LW_STORE_CREATE, &s, &err), LW_EDB);
	CHECK(strstr(err.message, "not an SQLite database") != NULL);
	CHECK(file_sum(text) == before);

	/* reading a store that does not exist */
	CHECK_INT(lw_store_open(tmp_path("missing.db"), LW_STORE_READONLY, &s, &err), LW_EIO);
	CHECK(strstr(err.message, "lapwing ingest makes it") != NULL);
}

/* ---- hashes: the pipeline's check before coding matches the stored hash ---- */

static void input_hash_matches_record(void)
{
	static const struct {
		const char *text, *date, *option, *country, *country_option;
	} v[] = {
		{"KABUL, Afghanistan (Jan. 25, 2013) - Text.", NULL, NULL, NULL, NULL},
		{"KABUL, Afghanistan (Jan. 25, 2013) - Text.", "2014-02-03", NULL, NULL, NULL},
		{"Nothing here.", NULL, "2020-05-06", NULL, NULL},
		{"Nothing here.", "2015-01-01T10:00:00Z", "2020-05-06", NULL, NULL},
		{"Nothing here.", "not a date", NULL, NULL, NULL},
		{"Nothing here.", NULL, NULL, "Pakistan", NULL},
		{"Nothing here.", NULL, NULL, NULL, "PAK"},
		{"Nothing here.", NULL, NULL, "Pakistan", "AFG"},
		{"Nothing here.", NULL, NULL, "", "AFG"},
	};
	unsigned char first[LW_HASH_BYTES], plain[LW_HASH_BYTES];
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		lw_input in = {0};
		in.id = "x";
		in.id_len = 1;
		in.text = v[i].text;
		in.text_len = strlen(v[i].text);
		in.date = v[i].date;
		in.date_len = v[i].date ? strlen(v[i].date) : 0;
		in.title = "T";
		in.title_len = 1;
		in.country = v[i].country;
		in.country_len = v[i].country ? strlen(v[i].country) : 0;
		lw_options opt;
		lw_options_init(&opt);
		opt.date = v[i].option;
		opt.country = v[i].country_option;
		lw_doc *doc;
		lw_error err;
		if (lw_code(test_kb(), &opt, &in, &doc, &err) != LW_OK) {
			lw_check_fail(__FILE__, __LINE__, "cannot code: %s", err.message);
			continue;
		}
		unsigned char h[LW_HASH_BYTES];
		struct lw_store_rec r;
		lw_input_hash(&in, &opt, h);
		lw_rec_from_doc(&r, doc);
		if (memcmp(h, r.hash, LW_HASH_BYTES) != 0)
			lw_check_fail(__FILE__, __LINE__, "case %zu: input and result hashes differ", i);
		lw_rec_release(&r);
		/* a country given makes another input; the option's fills an
		 * empty one, and is not read past the document's own */
		if (i == 4)
			memcpy(plain, h, sizeof h);
		else if (i == 5)
			memcpy(first, h, sizeof h);
		else if (i == 6 || i == 7)
			CHECK((memcmp(h, plain, sizeof h) != 0) && (i == 6 || memcmp(h, first, sizeof h) == 0));
		else if (i == 8)
			CHECK(memcmp(h, plain, sizeof h) != 0 && memcmp(h, first, sizeof h) != 0);
	}
}

/* ---- queries ---- */

static void stats_checks_fields(void)
{
	lw_store *s = fresh_store("fields.db");
	if (!s)
		return;
	lw_error err;
	struct lw_buf out = LW_BUF_INIT;
	lw_event_query q;
	memset(&q, 0, sizeof q);
	q.by[q.nby++] = "type; DROP TABLE events";
	CHECK_INT(lw_store_stats(s, &q, LW_OUT_TABLE, buf_write, &out, &err), LW_EARG);
	CHECK(strstr(err.message, "unknown field 'type; DROP TABLE events'") != NULL);
	CHECK(strstr(err.message, "source-name") != NULL);
	memset(&q, 0, sizeof q);
	q.where[q.nwhere].field = "country";
	q.where[q.nwhere++].value = "PAK' OR 1=1 --";
	q.from = "2023";
	CHECK_INT(lw_store_stats(s, &q, LW_OUT_CSV, buf_write, &out, &err), LW_OK);
	q.from = "last year";
	CHECK_INT(lw_store_stats(s, &q, LW_OUT_CSV, buf_write, &out, &err), LW_EARG);
	CHECK(strstr(err.message, "from: 'last year'") != NULL);
	CHECK_INT(count(s, "SELECT count(*) FROM sqlite_schema WHERE name = 'events'"), 1);
	lw_buf_release(&out);
	lw_store_close(s);
}

/* ---- labels and schema 1 ---- */

/* A label id made in a transaction that was rolled back is not reused:
 * the writer forgets its ids when a transaction begins after one that did
 * not commit. */
static void labels_survive_rollback(void)
{
	lw_store *s = fresh_store("labels.db");
	if (!s)
		return;
	lw_put_result res;
	lw_error err;
	CHECK_INT(lw_store_begin(s, &err), LW_OK);
	const char *a = record("a", "Gunmen attacked a convoy.", "attacked", 1);
	CHECK_INT(lw_store_put_coded(s, a, strlen(a), 0, &res, &err), LW_OK);
	CHECK_INT(count(s, "SELECT count(*) FROM labels WHERE text = 'ASSAULT'"), 1);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_tx = 0;
	CHECK_INT(count(s, "SELECT count(*) FROM labels"), 0);
	const char *b = record("b", "Rebels attacked a base.", "attacked", 2);
	CHECK_INT(lw_store_put_coded(s, b, strlen(b), 0, &res, &err), LW_OK);
	CHECK_INT(count(s, "SELECT count(*) FROM events WHERE type = 'ASSAULT'"), 2);
	CHECK_INT(count(s, "SELECT count(*) FROM events WHERE type IS NULL"), 0);
	/* one row per value, however often it is used */
	CHECK_INT(count(s, "SELECT count(*) FROM labels WHERE text = 'ASSAULT'"), 1);

	/* a reader that has read the labels sees the ones added after */
	lw_store *r = NULL;
	CHECK_INT(lw_store_open(tmp_path("labels.db"), LW_STORE_READONLY, &r, &err), LW_OK);
	if (r) {
		CHECK_INT(count(r, "SELECT count(*) FROM events WHERE type = 'ASSAULT'"), 2);
		const char *c = record("c", "Crowds marched in the city.", "marched", 1);
		char *d = strdup(c);
		char *t = d ? strstr(d, "ASSAULT") : NULL;
		if (t)
			memcpy(t, "PROTEST", 7); /* a label the store has not seen */
		CHECK(t != NULL);
		if (t)
			CHECK_INT(lw_store_put_coded(s, d, strlen(d), 0, &res, &err), LW_OK);
		free(d);
		CHECK_INT(count(r, "SELECT count(*) FROM events WHERE type = 'PROTEST'"), 1);
		CHECK_INT(count(r, "SELECT count(*) FROM events WHERE type IS NULL"), 0);
		lw_store_close(r);
	}
	lw_store_close(s);
}

/* A record of record() with another event type (same length as ASSAULT). */
static char *record_typed(const char *id, const char *text, const char *type)
{
	char *d = strdup(record(id, text, text, 1));
	char *t = d ? strstr(d, "ASSAULT") : NULL;
	if (t)
		memcpy(t, type, 7);
	return d;
}

static void put_typed(lw_store *s, const char *id, const char *type)
{
	lw_put_result res;
	lw_error err;
	char *d = record_typed(id, "Something happened.", type);
	CHECK(d != NULL);
	if (d && lw_store_put_coded(s, d, strlen(d), 0, &res, &err) != LW_OK)
		lw_check_fail(__FILE__, __LINE__, "put %s: %s", id, err.message);
	free(d);
}

/* The writer keeps its labels from one transaction to the next: the ones
 * another writer added meanwhile are read when a transaction begins, one
 * added behind its back (by hand, with an id below the rest: 0) is found
 * when inserting it again fails, and past LW_LABEL_CACHE_MAX (lowered
 * here) it goes back to one map per transaction. No label is stored
 * twice and every event reads its own type. */
static void labels_kept_between_transactions(void)
{
	lw_store *s = fresh_store("labels2.db"), *w = NULL;
	lw_error err;
	if (!s)
		return;
	put_typed(s, "a", "ASSAULT");
	CHECK_INT(s->labels.committed, 1);
	CHECK_INT(s->labels.complete, 1);
	CHECK_INT(lw_store_open(tmp_path("labels2.db"), 0, &w, &err), LW_OK);
	if (w) {
		put_typed(w, "b", "PROTEST");
		lw_store_close(w);
	}
	put_typed(s, "c", "PROTEST");
	CHECK_INT(sqlite3_exec(s->db, "INSERT INTO labels(id, text) VALUES(0, 'REQUEST')", NULL,
			       NULL, NULL),
		  SQLITE_OK);
	put_typed(s, "d", "REQUEST");
	CHECK_INT(count(s, "SELECT count(*) FROM events WHERE type = 'PROTEST'"), 2);
	CHECK_INT(count(s, "SELECT count(*) FROM events WHERE type = 'REQUEST'"), 1);
	CHECK_INT(count(s, "SELECT count(*) FROM labels WHERE text = 'PROTEST'"), 1);
	CHECK_INT(count(s, "SELECT count(*) FROM labels WHERE text = 'REQUEST'"), 1);
	CHECK_INT(s->labels.big, 0);
	s->labels.max = 3;
	put_typed(s, "e", "CONSULT");
	put_typed(s, "f", "ASSAULT");
	put_typed(s, "g", "CONSULT");
	CHECK_INT(s->labels.big, 1);
	CHECK_INT(count(s, "SELECT count(*) FROM events WHERE type = 'CONSULT'"), 2);
	CHECK_INT(count(s, "SELECT count(*) FROM events WHERE type = 'ASSAULT'"), 2);
	CHECK_INT(count(s, "SELECT count(*) FROM labels GROUP BY text HAVING count(*) > 1"), -1);
	CHECK_INT(count(s, "SELECT count(*) FROM events WHERE type IS NULL"), 0);
	lw_store_close(s);
}

/* Turn a schema 2 store into the schema 1 layout, as lapwing 0.1 wrote
 * it: the events view becomes a table of the same columns again, the
 * entities and quotes plain JSON with no length columns. Through the
 * store's connection, which has lw_unpack. */
static int make_schema_1(const char *path)
{
	lw_store *s;
	lw_error err;
	if (lw_store_open(path, 0, &s, &err) != LW_OK)
		return -1;
	int rc = sqlite3_exec(s->db,
			      "BEGIN;"
			      "DROP VIEW counted_events;"
			      "CREATE TABLE events_1 AS SELECT * FROM events;"
			      "DROP VIEW events; DROP TABLE event_rows; DROP TABLE labels;"
			      "ALTER TABLE events_1 RENAME TO events;"
			      "CREATE VIEW counted_events AS SELECT * FROM events "
			      "WHERE negated = 0 AND speculative = 0 AND background = 0;"
			      "DROP VIEW entities; DROP VIEW mentions; DROP VIEW quotes;"
			      "UPDATE documents SET entities = lw_unpack(entities), "
			      "quotes = lw_unpack(quotes);"
			      "ALTER TABLE documents DROP COLUMN entities_size;"
			      "ALTER TABLE documents DROP COLUMN quotes_size;"
			      /* lapwing 0.1 left FTS5's automerge at its default */
			      "DELETE FROM documents_fts_config WHERE k = 'automerge';"
			      "CREATE VIEW entities AS SELECT d.id AS doc, e.value AS value "
			      "FROM documents d, json_each(d.entities) e;"
			      "CREATE VIEW mentions AS SELECT d.id AS doc FROM documents d;"
			      "CREATE VIEW quotes AS SELECT d.id AS doc, q.value AS value "
			      "FROM documents d, json_each(d.quotes) q;"
			      "UPDATE meta SET value = '1' WHERE key = 'schema';"
			      "PRAGMA user_version = 1; COMMIT;",
			      NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		fprintf(stderr, "make_schema_1: %s\n", sqlite3_errmsg(s->db));
	lw_store_close(s);
	return rc == SQLITE_OK ? 0 : -1;
}

static void write_corpus(const char *path, int n);

/* A schema 1 store is read as it is, and a writer updates it to schema 2
 * with every event intact. */
static void schema_1_migrates(void)
{
	const char *in = tmp_path("migrate.jsonl");
	const char *path = tmp_path("migrate.db");
	write_corpus(in, 40);
	struct lw_buf out[3] = {LW_BUF_INIT, LW_BUF_INIT, LW_BUF_INIT};
	lw_error err;
	lw_ingest_options opt;
	lw_ingest_options_init(&opt);
	opt.threads = 1;
	lw_ingest_progress p;
	lw_store *s = fresh_store("migrate.db");
	if (!s)
		return;
	CHECK_INT(lw_store_ingest(s, test_kb(), &opt, &in, 1, &p, &err), LW_OK);
	CHECK(count(s, "SELECT count(*) FROM events") > 100);
	CHECK(count(s, "SELECT count(*) FROM events WHERE lat IS NOT NULL") > 0);
	int64_t nquotes = count(s, "SELECT count(*) FROM quotes");
	int64_t nmentions = count(s, "SELECT count(*) FROM mentions");
	CHECK(nquotes >= 40 && nmentions > 100);
	/* long entity lists are stored deflated */
	CHECK(count(s, "SELECT count(*) FROM documents WHERE entities_size > 0 AND "
		       "typeof(entities) = 'blob'") > 0);
	/* the index merges sixteen segments at a time (schema.c) */
	CHECK_INT(count(s, "SELECT v FROM documents_fts_config WHERE k = 'automerge'"), 16);
	CHECK_INT(lw_store_export(s, NULL, LW_OUT_JSONL, LW_EXPORT_TEXT, NULL, buf_write, &out[0],
				  &err),
		  LW_OK);
	lw_store_close(s);
	CHECK_INT(make_schema_1(path), 0);

	/* read-only: exported as it is, the file untouched */
	uint64_t before = file_sum(path);
	CHECK_INT(lw_store_open(path, LW_STORE_READONLY, &s, &err), LW_OK);
	if (s) {
		CHECK_INT(count(s, "PRAGMA user_version"), 1);
		CHECK_INT(lw_store_export(s, NULL, LW_OUT_JSONL, LW_EXPORT_TEXT, NULL, buf_write,
					  &out[1], &err),
			  LW_OK);
		lw_store_close(s);
	}
	CHECK(file_sum(path) == before);

	/* a writer migrates */
	CHECK_INT(lw_store_open(path, 0, &s, &err), LW_OK);
	if (!s)
		return;
	CHECK_INT(count(s, "PRAGMA user_version"), 2);
	CHECK_INT(count(s, "SELECT value FROM meta WHERE key = 'schema'"), 2);
	CHECK_INT(count(s, "SELECT count(*) FROM sqlite_schema WHERE name = 'events_v1'"), 0);
	CHECK_INT(count(s, "SELECT v FROM documents_fts_config WHERE k = 'automerge'"), 16);
	/* the views read plain (schema 1) and deflated rows alike */
	CHECK_INT(count(s, "SELECT count(*) FROM quotes"), nquotes);
	CHECK_INT(count(s, "SELECT count(*) FROM mentions"), nmentions);
	CHECK_INT(count(s, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != "
			   "'ok'"),
		  0);
	CHECK_INT(lw_store_export(s, NULL, LW_OUT_JSONL, LW_EXPORT_TEXT, NULL, buf_write, &out[2],
				  &err),
		  LW_OK);
	/* and keeps writing: the same documents are unchanged */
	CHECK_INT(lw_store_ingest(s, test_kb(), &opt, &in, 1, &p, &err), LW_OK);
	CHECK_INT(p.unchanged, 40);
	lw_store_close(s);
	/* a reader's own view of the events (lw_label) is the file's view */
	CHECK_INT(lw_store_open(path, LW_STORE_READONLY, &s, &err), LW_OK);
	if (s) {
		CHECK(count(s, "SELECT count(*) FROM temp.events") > 100);
		CHECK_INT(count(s, "SELECT count(*) FROM temp.events"),
			  count(s, "SELECT count(*) FROM main.events"));
		CHECK_INT(count(s, "SELECT count(*) FROM (SELECT * FROM main.events EXCEPT "
				   "SELECT * FROM temp.events)"),
			  0);
		CHECK_INT(count(s, "SELECT count(*) FROM temp.counted_events"),
			  count(s, "SELECT count(*) FROM main.counted_events"));
		lw_store_close(s);
	}
	for (int k = 1; k < 3; k++)
		CHECK(out[0].len > 0 && out[k].len == out[0].len &&
		      memcmp(out[k].ptr, out[0].ptr, out[0].len) == 0);
	for (int k = 0; k < 3; k++)
		lw_buf_release(&out[k]);
}

/* A damaged deflated column stops the export with a clear error, never a
 * crash or a silently shortened document. */
static void damaged_packed_column(void)
{
	const char *in = tmp_path("damaged.jsonl");
	write_corpus(in, 6);
	lw_store *s = fresh_store("damaged.db");
	if (!s)
		return;
	lw_ingest_options opt;
	lw_ingest_options_init(&opt);
	opt.threads = 1;
	lw_ingest_progress p;
	lw_error err;
	struct lw_buf out = LW_BUF_INIT;
	CHECK_INT(lw_store_ingest(s, test_kb(), &opt, &in, 1, &p, &err), LW_OK);
	CHECK(count(s, "SELECT count(*) FROM documents WHERE entities_size > 0") > 0);
	/* a zlib header and then nothing that inflates */
	CHECK_INT(sqlite3_exec(s->db,
			       "UPDATE documents SET entities = x'789c0102030405060708' "
			       "WHERE id = (SELECT min(id) FROM documents WHERE entities_size > 0)",
			       NULL, NULL, NULL),
		  SQLITE_OK);
	CHECK(lw_store_export(s, NULL, LW_OUT_JSONL, 0, NULL, buf_write, &out, &err) != LW_OK);
	CHECK(strstr(err.message, "damaged") != NULL);
	CHECK_INT(count(s, "SELECT count(*) FROM entities"), -1); /* the view fails too */
	lw_buf_release(&out);
	lw_store_close(s);
}

/* A damaged labels table with two empty labels (text '' and a blob, which
 * UNIQUE tells apart): the writer's label map loads both and keeps
 * writing; the first keeps no text, so the second is compared with an
 * empty, unallocated buffer (undefined behaviour the sanitizer suite
 * catches; found by fuzz_store_file). */
static void empty_labels_loaded(void)
{
	const char *in = tmp_path("empty_labels.jsonl");
	write_corpus(in, 3);
	lw_store *s = fresh_store("empty_labels.db");
	if (!s)
		return;
	CHECK_INT(sqlite3_exec(s->db, "INSERT INTO labels(text) VALUES(''), (x'')", NULL, NULL,
			       NULL),
		  SQLITE_OK);
	lw_ingest_options opt;
	lw_ingest_options_init(&opt);
	opt.threads = 1;
	lw_ingest_progress p;
	lw_error err;
	CHECK_INT(lw_store_ingest(s, test_kb(), &opt, &in, 1, &p, &err), LW_OK);
	CHECK_INT(count(s, "SELECT count(*) FROM documents"), 3);
	lw_store_close(s);
}

/* ---- the pipeline: the same store whatever the thread count ---- */

static void write_corpus(const char *path, int n)
{
	static const char *const who[] = {"Rebels", "Gunmen", "Soldiers", "Police", "Protesters"};
	static const char *const what[] = {"attacked a checkpoint in", "clashed with guards near",
					   "detained two men in", "marched through",
					   "said they would return to"};
	static const char *const where[] = {"Kandahar", "Mosul", "Maiduguri", "Quetta", "Aleppo"};
	FILE *f = fopen(path, "wb");
	if (!f)
		return;
	for (int i = 0; i < n; i++) {
		fprintf(f, "{\"id\":\"doc-%04d\",\"date\":\"2022-%02d-%02d\",\"text\":\"", i, 1 + i % 12,
			1 + i % 28);
		for (int k = 0; k < 4 + i % 5; k++)
			fprintf(f, "%s %s %s on Monday, killing %d people. ", who[(i + k) % 5],
				what[(i * 3 + k) % 5], where[(i + 2 * k) % 5], 2 + (i + k) % 9);
		fprintf(f, "\\\"We will not stop,\\\" a spokesman said.\"}\n");
	}
	fclose(f);
}

static void pipeline_thread_counts(void)
{
	const char *in = tmp_path("threads.jsonl");
	write_corpus(in, 150);
	struct lw_buf out[2] = {LW_BUF_INIT, LW_BUF_INIT};
	for (int k = 0; k < 2; k++) {
		lw_store *s = fresh_store(k ? "threads3.db" : "threads1.db");
		if (!s)
			return;
		lw_ingest_options opt;
		lw_ingest_options_init(&opt);
		opt.threads = k ? 3 : 1;
		opt.batch_docs = 7;
		lw_ingest_progress p;
		lw_error err;
		CHECK_INT(lw_store_ingest(s, test_kb(), &opt, &in, 1, &p, &err), LW_OK);
		CHECK_INT(p.read, 150);
		CHECK_INT(p.added, 150);
		CHECK_INT(lw_store_export(s, NULL, LW_OUT_JSONL, LW_EXPORT_TEXT, NULL, buf_write, &out[k],
					  &err),
			  LW_OK);
		/* again: every document unchanged, skipped before coding */
		CHECK_INT(lw_store_ingest(s, test_kb(), &opt, &in, 1, &p, &err), LW_OK);
		CHECK_INT(p.unchanged, 150);
		lw_store_close(s);
	}
	CHECK(out[0].len > 0 && out[0].len == out[1].len &&
	      memcmp(out[0].ptr, out[1].ptr, out[0].len) == 0);
	lw_buf_release(&out[0]);
	lw_buf_release(&out[1]);
}

LW_TESTS(store_tests) = {
	{"store: content hash (XXH64 test vectors)", hash_vectors},
	{"store: the day an event is counted on", event_days},
	{"store: dates at every precision parse and format back", dates_parse_and_format},
	{"store: CSV quoting (RFC 4180)", csv_quoting},
	{"store: --coded records that break the contract", coded_errors},
	{"store: --coded random damage, no crash", coded_random_input},
	{"store: --coded record without text", coded_without_text},
	{"store: putting the same document again changes nothing", put_is_idempotent},
	{"store: a changed document replaces its rows", changed_document_replaces},
	{"store: a coded document put twice is stored once", put_doc_twice},
	{"store: a failed put writes nothing", failed_put_writes_nothing},
	{"store: other schema versions and files refused untouched", other_versions_refused},
	{"store: input hash equals the stored hash", input_hash_matches_record},
	{"store: label ids survive a rolled-back transaction", labels_survive_rollback},
	{"store: labels kept between transactions", labels_kept_between_transactions},
	{"store: a schema 1 store is read, and updated by a writer", schema_1_migrates},
	{"store: a damaged deflated column is an error", damaged_packed_column},
	{"store: empty labels in a damaged file", empty_labels_loaded},
	{"store: stats fields come from a whitelist", stats_checks_fields},
	{"store: pipeline output independent of thread count", pipeline_thread_counts},
	LW_END_TESTS,
};
