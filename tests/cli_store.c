/*
 * cli_store.c: tests of `lapwing ingest`, `stats`, `export` and `search`
 * on the command line: golden outputs on a small hand-coded corpus
 * (tests/data/store/corpus.jsonl, ingested with --coded), idempotence,
 * replacement, bad records, version refusal, and an ingest killed with
 * SIGKILL at random moments and run again.
 *
 * Golden files are in tests/data/store/expected/. After a deliberate
 * change of an output, LW_UPDATE_GOLDEN=1 rewrites them (then read the
 * diff before committing it).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "runner.h"
#include "../src/util/buf.h"

#define GOLDEN_DIR "tests/data/store/expected"
#define CORPUS "tests/data/store/corpus.jsonl"

static char tmpdir[256];
static char root[1024]; /* the repository: golden files and the corpus */

struct run {
	char *out, *err;
	size_t out_len;
	int status;
};

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct lw_buf b = LW_BUF_INIT;
	if (f) {
		char tmp[65536];
		size_t n;
		while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
			lw_buf_add(&b, tmp, n);
		fclose(f);
	}
	lw_buf_addc(&b, 0);
	if (len)
		*len = b.len - 1;
	return b.ptr;
}

static void put_file(const char *name, const char *data, size_t len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(data, 1, len, f);
	fclose(f);
}

static const char *program(void)
{
	static char path[1200];
	const char *b = test_build_dir();
	if (b[0] == '/')
		snprintf(path, sizeof path, "%s/lapwing", b);
	else
		snprintf(path, sizeof path, "%s/%s/lapwing", root, b);
	return path;
}

/* Run `lapwing ARGS` in the temporary directory. */
static struct run run(const char *args)
{
	struct run r = {0};
	char cmd[4096], path[512];
	snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s > out.txt 2> err.txt", tmpdir, program(), args);
	int st = system(cmd);
	r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	snprintf(path, sizeof path, "%s/out.txt", tmpdir);
	r.out = slurp(path, &r.out_len);
	snprintf(path, sizeof path, "%s/err.txt", tmpdir);
	r.err = slurp(path, NULL);
	return r;
}

static void done(struct run *r)
{
	free(r->out);
	free(r->err);
}

static void remove_db(const char *name)
{
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "rm -f '%s/%s' '%s/%s-wal' '%s/%s-shm'", tmpdir, name, tmpdir, name,
		 tmpdir, name);
	if (system(cmd) != 0)
		lw_check_fail(__FILE__, __LINE__, "cannot remove %s", name);
}

/* A fresh store `db`, filled by the ingest command `args`, which must
 * succeed. */
static void ingest_new(const char *db, const char *args)
{
	remove_db(db);
	struct run r = run(args);
	CHECK_INT(r.status, 0);
	done(&r);
}

/* The golden corpus in a fresh store `name`. */
static int ingest_corpus(const char *name)
{
	char args[1400];
	remove_db(name);
	snprintf(args, sizeof args, "ingest --coded --db %s '%s/" CORPUS "'", name, root);
	struct run r = run(args);
	int ok = r.status == 0;
	if (!ok)
		lw_check_fail(__FILE__, __LINE__, "ingest failed (%d): %s", r.status, r.err);
	done(&r);
	return ok;
}

/* Compare the output of `lapwing ARGS` with a golden file; the first
 * differing line is reported. */
static void golden(const char *args, const char *file)
{
	char path[1400];
	struct run r = run(args);
	snprintf(path, sizeof path, "%s/" GOLDEN_DIR "/%s", root, file);
	if (r.status != 0)
		lw_check_fail(__FILE__, __LINE__, "lapwing %s: exit %d: %s", args, r.status, r.err);
	const char *update = getenv("LW_UPDATE_GOLDEN");
	if (update && *update == '1') {
		FILE *f = fopen(path, "wb");
		if (f) {
			fwrite(r.out, 1, r.out_len, f);
			fclose(f);
		}
		done(&r);
		return;
	}
	size_t n;
	char *want = slurp(path, &n);
	if (n != r.out_len || memcmp(want, r.out, n) != 0) {
		size_t i = 0, line = 1;
		while (i < n && i < r.out_len && want[i] == r.out[i])
			line += want[i++] == '\n';
		lw_check_fail(__FILE__, __LINE__,
			      "lapwing %s: differs from %s at line %zu:\n    got:  %.120s\n    want: %.120s",
			      args, file, line, r.out + i,
			      want + i);
	}
	free(want);
	done(&r);
}

/* ---- golden outputs ---- */

static void golden_stats(void)
{
	if (!ingest_corpus("g.db"))
		return;
	golden("stats --db g.db", "stats-total.txt");
	golden("stats --db g.db --by type,year", "stats-type-year.txt");
	/* the README's example: attacks by source actor per year in one country */
	golden("stats --db g.db --type ASSAULT --country PAK --by source-name,year",
	       "stats-assault-pak.txt");
	golden("stats --db g.db --by country,month --format csv", "stats-country-month.csv");
	golden("stats --db g.db --by week --from 2023 --format json", "stats-week.json");
	golden("stats --db g.db --type ASSAULT --type COERCE --to 2023-01 --by province,source",
	       "stats-filters.txt");
}

static void golden_export(void)
{
	if (!ingest_corpus("g.db"))
		return;
	golden("export --db g.db --format jsonl", "export.jsonl");
	golden("export --db g.db --format csv", "export.csv");
	golden("export --db g.db --format acled", "export-acled.csv");
	golden("export --db g.db --format acled --country NGA", "export-acled-nga.csv");
	/* with the text, the export is the corpus itself, byte for byte */
	struct run r = run("export --db g.db --format jsonl --with-text");
	char path[1400];
	snprintf(path, sizeof path, "%s/" CORPUS, root);
	size_t n;
	char *corpus = slurp(path, &n);
	CHECK(n == r.out_len && memcmp(corpus, r.out, n) == 0);
	free(corpus);
	done(&r);
	/* ACLED's columns, in ACLED's order */
	static const char header[] = "event_date,event_type,sub_event_type,actor1,assoc_actor_1,"
				     "inter1,actor2,assoc_actor_2,inter2,interaction,"
				     "civilian_targeting,country,admin1,admin2,location,latitude,"
				     "longitude,source,notes,fatalities\r\n";
	r = run("export --db g.db --format acled");
	CHECK(strncmp(r.out, header, sizeof header - 1) == 0);
	done(&r);
}

static void golden_search(void)
{
	if (!ingest_corpus("g.db"))
		return;
	golden("search --db g.db cucuta", "search-cucuta.txt");
	golden("search --db g.db --format json '\"suicide bomber\" OR Takor'", "search-phrase.json");
	golden("search --db g.db --quotes families OR hills", "search-quotes.txt");
	golden("search --db g.db --format csv --from 2023 --to 2023-06 attacked OR bomb",
	       "search-dates.csv");
	struct run r = run("search --db g.db 'attack AND'");
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "query 'attack AND': fts5: syntax error") != NULL);
	done(&r);
}

/* ---- ingest behaviour ---- */

static void reingest_changes_nothing(void)
{
	if (!ingest_corpus("i.db"))
		return;
	struct run a = run("export --db i.db --format jsonl --with-text");
	char args[1400];
	snprintf(args, sizeof args, "ingest --coded --db i.db '%s/" CORPUS "'", root);
	struct run r = run(args);
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.err, "8 documents read, 0 added, 0 replaced, 8 unchanged, 0 failed") != NULL);
	done(&r);
	struct run b = run("export --db i.db --format jsonl --with-text");
	CHECK(a.out_len == b.out_len && memcmp(a.out, b.out, a.out_len) == 0);
	done(&a);
	done(&b);
}

static void changed_document_replaced(void)
{
	if (!ingest_corpus("c.db"))
		return;
	/* the Kabul item again, reworded: its events and quotes are replaced */
	const char *kabul =
		"{\"lapwing\":1,\"id\":\"af-kabul-0905\",\"date\":\"2022-09-05\",\"title\":null,"
		"\"source\":null,\"url\":null,\"text\":\"A bomb exploded in Kabul, killing seven.\","
		"\"dateline\":null,\"entities\":[],\"quotes\":[],\"events\":[{\"type\":\"ASSAULT\","
		"\"mode\":\"explosives\",\"source\":null,\"target\":null,\"location\":null,\"date\":null,"
		"\"dead\":{\"value\":7,\"approx\":false,\"start\":33,\"end\":38,\"text\":\"seven\"},"
		"\"injured\":null,\"arrested\":null,\"trigger\":{\"start\":2,\"end\":15,\"text\":\"bomb "
		"exploded\"},\"sentence\":{\"start\":0,\"end\":39},\"cameo\":\"183\",\"acled\":null,"
		"\"negated\":false,\"speculative\":false,\"background\":false,\"confidence\":0.9}]}\n";
	put_file("kabul.jsonl", kabul, strlen(kabul));
	struct run r = run("ingest --coded --db c.db kabul.jsonl");
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.err, "1 documents read, 0 added, 1 replaced, 0 unchanged") != NULL);
	done(&r);
	r = run("export --db c.db --format jsonl --with-text");
	CHECK(strstr(r.out, "killing seven") != NULL);
	CHECK(strstr(r.out, "Takor") == NULL); /* the old quote is gone */
	int lines = 0;
	for (size_t i = 0; i < r.out_len; i++)
		lines += r.out[i] == '\n';
	CHECK_INT(lines, 8);
	done(&r);
	r = run("stats --db c.db --country AFG --format csv");
	CHECK_STR(r.out, "events,dead,injured,arrested\r\n0,0,0,0\r\n");
	done(&r);
	r = run("search --db c.db --format csv Takor");
	CHECK_STR(r.out, "doc_id,date,kind,speaker,start,end,text\r\n");
	done(&r);
}

static void bad_coded_input(void)
{
	char good[4096];
	char path[1400];
	snprintf(path, sizeof path, "%s/" CORPUS, root);
	FILE *f = fopen(path, "rb");
	if (!f || !fgets(good, sizeof good, f)) {
		lw_check_fail(__FILE__, __LINE__, "cannot read %s", path);
		if (f)
			fclose(f);
		return;
	}
	fclose(f);
	struct lw_buf in = LW_BUF_INIT;
	lw_buf_adds(&in, "this is not JSON\n");
	lw_buf_adds(&in, good);
	lw_buf_adds(&in, "{\"lapwing\":1,\"id\":\"n1\",\"events\":[{\"type\":\"ASSAULT\",\"trigger\":"
			 "{\"start\":\"7\",\"end\":9},\"sentence\":{\"start\":0,\"end\":9}}]}\n");
	lw_buf_adds(&in, "{\"lapwing\":1,\"id\":\"n2\",\"text\":\"Short.\",\"quotes\":[{\"start\":0,"
			 "\"end\":60}]}\n");
	lw_buf_adds(&in, "\n[\"an\", \"array\"]\n");
	lw_buf_adds(&in, "{\"lapwing\":1,\"id\":\"n3\"}\n");
	put_file("bad.jsonl", in.ptr, in.len);
	lw_buf_release(&in);
	remove_db("bad.db");
	struct run r = run("ingest --coded --db bad.db bad.jsonl");
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.err, "bad.jsonl:1: byte 0: invalid JSON: expected a JSON value") != NULL);
	CHECK(strstr(r.err, "bad.jsonl:3: events[0].trigger.start: expected an integer, got a "
			    "string") != NULL);
	CHECK(strstr(r.err, "bad.jsonl:4: quotes[0]: span 0-60 is out of range (the text has 6 "
			    "bytes)") != NULL);
	CHECK(strstr(r.err, "bad.jsonl:6: not a JSON object") != NULL);
	CHECK(strstr(r.err, "6 documents read, 2 added, 0 replaced, 0 unchanged, 4 failed") != NULL);
	done(&r);
	r = run("export --db bad.db --format jsonl");
	CHECK(strstr(r.out, "\"id\":\"pk-bannu-0314\"") != NULL);
	CHECK(strstr(r.out, "\"id\":\"n3\"") != NULL);
	done(&r);
}

static uint64_t file_sum(const char *name)
{
	char path[600];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	size_t n;
	char *p = slurp(path, &n);
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211ULL;
	free(p);
	return h;
}

static void other_version_refused(void)
{
	if (!ingest_corpus("v.db"))
		return;
	char path[600];
	snprintf(path, sizeof path, "%s/v.db", tmpdir);
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 3", NULL, NULL, NULL);
	sqlite3_close(db);
	uint64_t before = file_sum("v.db");
	static const char *const cmds[] = {"ingest --coded --db v.db /dev/null", "stats --db v.db",
					   "export --db v.db --format jsonl", "search --db v.db x"};
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		struct run r = run(cmds[i]);
		CHECK_INT(r.status, 2);
		CHECK(strstr(r.err, "v.db: store schema version 3, but this lapwing") != NULL);
		CHECK(strstr(r.err, "the file was not changed") != NULL);
		done(&r);
	}
	CHECK(file_sum("v.db") == before);
	struct run r = run("stats --db nothing-here.db");
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "lapwing ingest makes it") != NULL);
	done(&r);
}

/* `lapwing code` and then storing is the same as coding into the store:
 * ingest, export, and compare with code's own output. */
static void code_then_export_round_trip(void)
{
	struct run code = run("code threads.jsonl");
	CHECK_INT(code.status, 0);
	remove_db("rt.db");
	struct run r = run("ingest -j 2 --db rt.db threads.jsonl");
	CHECK_INT(r.status, 0);
	done(&r);
	r = run("export --db rt.db --format jsonl");
	CHECK(code.out_len > 0 && r.out_len == code.out_len &&
	      memcmp(r.out, code.out, code.out_len) == 0);
	done(&r);
	/* and code's output through --coded gives the same again */
	put_file("coded.jsonl", code.out, code.out_len);
	remove_db("rt2.db");
	r = run("ingest --coded --db rt2.db coded.jsonl");
	CHECK_INT(r.status, 0);
	done(&r);
	r = run("export --db rt2.db --format jsonl");
	CHECK(r.out_len == code.out_len && memcmp(r.out, code.out, code.out_len) == 0);
	done(&r);
	done(&code);
}

/* An actor named by an alias ("TTP militants") is named by those words in
 * the event, and counted under its entity's canonical name in the store;
 * the export still gives back what `code` wrote. */
static void alias_counted_under_canonical_name(void)
{
	static const char doc[] =
		"{\"id\":\"ttp\",\"date\":\"2023-06-20\",\"text\":\"The Tehrik-i-Taliban Pakistan "
		"has grown stronger. On Monday TTP militants attacked a police post in Bannu, "
		"killing two policemen. On Friday Tehrik-i-Taliban Pakistan fighters abducted "
		"three teachers in Swat.\"}\n";
	put_file("alias.jsonl", doc, sizeof doc - 1);
	struct run code = run("code alias.jsonl");
	CHECK_INT(code.status, 0);
	CHECK(strstr(code.out, "\"name\":\"TTP militants\"") != NULL);
	ingest_new("alias.db", "ingest --db alias.db alias.jsonl");
	struct run r = run("stats --db alias.db --by source-name --format csv");
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.out, "Tehrik-i-Taliban Pakistan,2,") != NULL);
	CHECK(strstr(r.out, "TTP") == NULL);
	done(&r);
	r = run("export --db alias.db --format jsonl");
	CHECK(code.out_len > 0 && r.out_len == code.out_len &&
	      memcmp(r.out, code.out, code.out_len) == 0);
	done(&r);
	done(&code);
}

static void progress_and_help(void)
{
	remove_db("p.db");
	struct run r = run("ingest --progress --db p.db threads.jsonl");
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.err, "\r") != NULL && strstr(r.err, "docs/s") != NULL);
	CHECK(strstr(r.err, "[####################] 100%") != NULL);
	done(&r);
	static const char *const cmds[] = {"ingest --help", "stats --help", "export --help",
					   "search --help"};
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		r = run(cmds[i]);
		CHECK_INT(r.status, 0);
		CHECK(strstr(r.out, "usage: lapwing") != NULL);
		done(&r);
	}
	r = run("ingest threads.jsonl");
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "--db FILE is required") != NULL);
	done(&r);
	r = run("stats --db p.db --by colour");
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "unknown field 'colour'") != NULL);
	done(&r);
}

/* ---- crash safety ---- */

/* A corpus of n short articles, from a few sentences written for this
 * test. */
static void write_articles(const char *name, int n, int seed)
{
	/* each lead: text, a town or a number, text, the other, text */
	static const struct {
		const char *a, *b, *c;
		int town_first;
	} lead[] = {
		{"Gunmen attacked a police checkpoint in ", " on Tuesday, killing ", " officers.", 1},
		{"A roadside bomb struck an army convoy near ", ", wounding ", " soldiers.", 1},
		{"Security forces arrested ", " suspected militants in raids across ", ".", 0},
		{"Hundreds of traders marched through ", " to protest new taxes, and ",
		 " were detained.", 1},
		{"Rebels shelled villages outside ", " overnight, killing ", " civilians.", 1},
	};
	static const char *const body[] = {
		"\\\"We will find those responsible,\\\" the provincial governor said.",
		"No one has yet said it carried out the bombing.",
		"Residents said the roads out of the town were closed for most of the day.",
		"The interior ministry said an investigation had begun.",
		"Officials said the wounded were taken to the district hospital.",
	};
	static const char *const town[] = {"Kandahar", "Mosul", "Maiduguri", "Quetta", "Aleppo",
					   "Gao", "Bannu", "Mogadishu"};
	char path[600];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	if (!f)
		return;
	uint64_t x = 0x9E3779B97F4A7C15ULL * (uint64_t)(seed + 1);
	for (int i = 0; i < n; i++) {
		fprintf(f, "{\"id\":\"art-%05d\",\"date\":\"2021-%02d-%02d\",\"text\":\"", i,
			1 + i % 12, 1 + i % 28);
		for (int p = 0; p < 3 + i % 4; p++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			int l = (int)(x % 5);
			const char *t = town[(x >> 8) % 8];
			char k[16];
			snprintf(k, sizeof k, "%d", 2 + (int)((x >> 16) % 30));
			fprintf(f, "%s%s%s%s%s", lead[l].a, lead[l].town_first ? t : k, lead[l].b,
				lead[l].town_first ? k : t, lead[l].c);
			fprintf(f, " %s\\n\\n", body[(x >> 24) % 5]);
		}
		fprintf(f, "\"}\n");
	}
	fclose(f);
}

static pid_t spawn(const char *args)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "exec '%s' %s > /dev/null 2>&1", program(), args);
	pid_t pid = fork();
	if (pid == 0) {
		if (chdir(tmpdir) != 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	return pid;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int64_t query(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Every document at most once, nothing half written, the file sound. */
static void check_store(const char *name, int64_t want_docs, int64_t *docs)
{
	char path[600];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		lw_check_fail(__FILE__, __LINE__, "cannot open %s", name);
		sqlite3_close(db);
		return;
	}
	sqlite3_busy_timeout(db, 5000);
	/* killed before its schema was committed (under valgrind a run
	 * starts slowly enough for a kill to come first): no table yet, no
	 * document, and the file still sound */
	if (want_docs < 0 &&
	    query(db, "SELECT count(*) FROM sqlite_master WHERE name = 'documents'") == 0) {
		*docs = 0;
		CHECK_INT(query(db, "SELECT count(*) FROM pragma_integrity_check WHERE "
				    "integrity_check != 'ok'"),
			  0);
		sqlite3_close(db);
		return;
	}
	*docs = query(db, "SELECT count(*) FROM documents");
	CHECK_INT(query(db, "SELECT count(DISTINCT doc_id) FROM documents"), *docs);
	if (want_docs >= 0)
		CHECK_INT(*docs, want_docs);
	CHECK_INT(query(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check "
			    "!= 'ok'"),
		  0);
	CHECK_INT(query(db, "SELECT count(*) FROM events WHERE doc NOT IN (SELECT id FROM "
			    "documents)"),
		  0);
	if (sqlite3_exec(db, "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')",
			 NULL, NULL, NULL) != SQLITE_OK)
		lw_check_fail(__FILE__, __LINE__, "full-text index: %s", sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* Kill `lapwing ingest` with SIGKILL at random moments, each time on the
 * store the killed run left; every time the store must hold whole
 * documents only, once each, and pass SQLite's and FTS5's checks. Then
 * the same command, run to its end, must give exactly the store of a run
 * nobody killed. */
static void killed_ingest_resumes(void)
{
	const int n = 4000;
	const char *cmd = "ingest -j 2 --batch 40 --db crash.db crash.jsonl";
	write_articles("crash.jsonl", n, 7);
	remove_db("ref.db");
	double t0 = now();
	struct run r = run("ingest -j 2 --batch 40 --db ref.db crash.jsonl");
	double full = now() - t0;
	CHECK_INT(r.status, 0);
	done(&r);
	struct run want = run("export --db ref.db --format jsonl --with-text");

	remove_db("crash.db");
	uint64_t x = (uint64_t)time(NULL) * 2654435761ULL | 1;
	int64_t docs = 0, last = 0;
	int kills = 0, partial = 0;
	for (int k = 0; k < 4; k++) {
		/* somewhere in what is left to do (committed documents are skipped
		 * quickly when the command runs again) */
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		double left = full * (double)(n - docs) / n;
		double delay = 0.02 + left * (0.05 + 0.6 * (double)(x % 1000) / 1000.0);
		pid_t pid = spawn(cmd);
		struct timespec ts = {(time_t)delay, (long)((delay - (double)(time_t)delay) * 1e9)};
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		int st;
		waitpid(pid, &st, 0);
		kills += WIFSIGNALED(st);
		check_store("crash.db", -1, &docs);
		CHECK(docs >= last); /* what was committed stays */
		partial += docs > last && docs < n;
		if (getenv("LW_TEST_VERBOSE"))
			fprintf(stderr, "  kill %d after %.3f s (a whole run %.3f s): %lld stored\n", k,
				delay, full, (long long)docs);
		last = docs;
		if (docs == n) { /* too late: that run had finished; start again */
			remove_db("crash.db");
			last = docs = 0;
		}
	}
	CHECK(kills > 0);
	CHECK(partial > 0); /* some run was stopped half-way */
	r = run(cmd);
	CHECK_INT(r.status, 0);
	done(&r);
	check_store("crash.db", n, &docs);
	struct run got = run("export --db crash.db --format jsonl --with-text");
	CHECK(got.out_len == want.out_len && memcmp(got.out, want.out, want.out_len) == 0);
	done(&got);
	done(&want);
}

/* The country a document is given is part of its input: ingested again
 * with another one, it is coded again; with the same one, it is not. */
static void country_given_recodes(void)
{
	const char *doc = "{\"id\":\"hyd\",\"date\":\"2015-03-04\","
			  "\"text\":\"Two people were killed in a blast in Hyderabad.\"}\n";
	put_file("hyd.jsonl", doc, strlen(doc));
	struct run r = run("ingest --db k.db -j 1 hyd.jsonl");
	CHECK_INT(r.status, 0);
	done(&r);
	r = run("stats --db k.db --by province --format csv");
	CHECK(strstr(r.out, "Telangana,1,2,0,0") != NULL);
	done(&r);
	r = run("ingest --db k.db -j 1 --country PAK hyd.jsonl");
	CHECK(strstr(r.err, "1 documents read, 0 added, 1 replaced, 0 unchanged") != NULL);
	done(&r);
	r = run("ingest --db k.db -j 1 --country PAK hyd.jsonl");
	CHECK(strstr(r.err, "1 documents read, 0 added, 0 replaced, 1 unchanged") != NULL);
	done(&r);
	r = run("stats --db k.db --by province --format csv");
	CHECK(strstr(r.out, "Sindh,1,2,0,0") != NULL && strstr(r.out, "Telangana") == NULL);
	done(&r);
	r = run("ingest --db k.db --country Atlantis hyd.jsonl");
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "'Atlantis' is not a country") != NULL);
	done(&r);
}

/* ACLED's export names actors as ACLED does: unnamed gunmen are an
 * unidentified armed group and their victims civilians; a crowd that
 * burns a police post are rioters; a party's protest is the protesters'
 * with the party associated. */
static void acled_actor_names(void)
{
	const char *docs =
		"{\"id\":\"u1\",\"date\":\"2015-03-03\",\"text\":\"Unidentified gunmen shot "
		"dead a shopkeeper in Quetta on Monday.\"}\n"
		"{\"id\":\"u2\",\"date\":\"2015-03-03\",\"text\":\"Angry traders torched a "
		"police post in Karachi on Monday after a shopkeeper was killed.\"}\n"
		"{\"id\":\"u3\",\"date\":\"2015-03-03\",\"text\":\"Members of the Pakistan "
		"Peoples Party protested in Larkana on Monday against power cuts.\"}\n";
	put_file("acl.jsonl", docs, strlen(docs));
	ingest_new("acl.db", "ingest --db acl.db -j 1 acl.jsonl");
	struct run r = run("export --db acl.db --format acled");
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.out, ",Violence against civilians,Attack,Unidentified Armed Group (Pakistan),,3,"
			    "Civilians (Pakistan),,7,37,Civilian targeting,Pakistan,") != NULL);
	CHECK(strstr(r.out, ",Riots,Violent demonstration,Rioters (Pakistan),,5,"
			    "Police Forces of Pakistan,,1,15,,Pakistan,") != NULL);
	CHECK(strstr(r.out, ",Protests,Peaceful protest,Protesters (Pakistan),"
			    "Pakistan Peoples Party,6,,,,60,,Pakistan,") != NULL);
	done(&r);
}

static const struct lw_test store_cli_tests[] = {
	{"store cli: ACLED's export names actors as ACLED does", acled_actor_names},
	{"store cli: golden stats", golden_stats},
	{"store cli: golden export (jsonl, csv, acled)", golden_export},
	{"store cli: golden search", golden_search},
	{"store cli: re-ingest changes nothing", reingest_changes_nothing},
	{"store cli: a changed document is replaced", changed_document_replaced},
	{"store cli: the country a document is given is part of its input", country_given_recodes},
	{"store cli: bad --coded records reported and skipped", bad_coded_input},
	{"store cli: other schema version refused", other_version_refused},
	{"store cli: code, ingest and export agree", code_then_export_round_trip},
	{"store cli: an alias is counted under the canonical name", alias_counted_under_canonical_name},
	{"store cli: progress bar and help", progress_and_help},
	{"store cli: ingest killed with SIGKILL resumes", killed_ingest_resumes},
	LW_END_TESTS,
};

static void call(void *arg)
{
	((const struct lw_test *)arg)->fn();
}

void lw_run_store_cli_tests(const char *pattern)
{
	if (!getcwd(root, sizeof root))
		strcpy(root, ".");
	snprintf(tmpdir, sizeof tmpdir, "/tmp/lwstore-cli.%ld", (long)getpid());
	if (mkdir(tmpdir, 0700) != 0) {
		lw_check_fail(__FILE__, __LINE__, "cannot make %s: %s", tmpdir, strerror(errno));
		return;
	}
	/* the articles several tests code */
	write_articles("threads.jsonl", 60, 1);
	for (const struct lw_test *t = store_cli_tests; t->name; t++) {
		if (pattern && !strstr(t->name, pattern))
			continue;
		lw_run_test(t->name, call, (void *)t);
	}
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "lwtest: could not remove %s\n", tmpdir);
}
