/*
 * cli.c: tests of the `lapwing` command line: readers, errors, exit
 * statuses, the summary line, help texts. Each runs build/lapwing in a
 * shell with files it writes to a temporary directory.
 */
#define _XOPEN_SOURCE 700 /* posix_openpt */
#include <fcntl.h>
#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "runner.h"
#include "../src/util/buf.h"

static char tmpdir[256];

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

static void put(const char *name, const char *data, size_t len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	char *slash = strrchr(path, '/');
	*slash = 0;
	char cmd[600];
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
	if (system(cmd) != 0)
		return;
	*slash = '/';
	FILE *f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(data, 1, len, f);
	fclose(f);
}

static void puts_file(const char *name, const char *s)
{
	put(name, s, strlen(s));
}

/* Run `lapwing ARGS` in the temporary directory. */
static struct run run(const char *args)
{
	struct run r = {0};
	char cwd[1024], cmd[4096];
	if (!getcwd(cwd, sizeof cwd))
		strcpy(cwd, ".");
	const char *b = test_build_dir();
	if (b[0] == '/')
		snprintf(cmd, sizeof cmd, "cd '%s' && '%s/lapwing' %s > out.txt 2> err.txt", tmpdir,
			 b, args);
	else
		snprintf(cmd, sizeof cmd, "cd '%s' && '%s/%s/lapwing' %s > out.txt 2> err.txt", tmpdir,
			 cwd, b, args);
	int st = system(cmd);
	r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	char path[512];
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

/* Parse every output line as JSON; return the number of objects, -1 if a
 * line is not a JSON object. ids are appended to `ids` (comma-separated). */
static int objects(const struct run *r, char *ids, size_t cap)
{
	int n = 0;
	ids[0] = 0;
	char *copy = strdup(r->out), *save = NULL;
	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		json_error_t je;
		json_t *j = json_loads(l, 0, &je);
		if (!j || !json_is_object(j)) {
			json_decref(j);
			free(copy);
			return -1;
		}
		static const char *const fields[] = {"lapwing", "id", "date", "title", "source",
						     "entities", "quotes", "events"};
		for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
			if (!json_object_get(j, fields[i]))
				lw_check_fail(__FILE__, __LINE__, "output lacks \"%s\"", fields[i]);
		json_t *id = json_object_get(j, "id");
		if (id && json_is_string(id)) {
			size_t used = strlen(ids);
			snprintf(ids + used, cap - used, "%s%s", used ? "," : "", json_string_value(id));
		}
		json_decref(j);
		n++;
	}
	free(copy);
	return n;
}

static void jsonl_errors_are_reported_and_skipped(void)
{
	puts_file("in.jsonl",
		  "{\"id\": \"a\", \"text\": \"First text.\"}\n"
		  "{\"id\": \"b\", \"text\": \"broken\"\n"
		  "\n"
		  "{\"id\": \"c\", \"title\": \"no text\"}\n"
		  "{\"id\": \"d\", \"text\": \"Second text.\"}\n"
		  "[1, 2]\n"
		  "{\"id\": \"e\", \"text\": \"" "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" "\"}\n"
		  "{\"text\": \"No id here.\", \"date\": \"2015-13-45\"}\n");
	struct run r = run("code --max-doc-bytes 100 in.jsonl");
	char ids[256];
	CHECK_INT(objects(&r, ids, sizeof ids), 3);
	CHECK_STR(ids, "a,d,in.jsonl:8");
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.err, "in.jsonl:2: byte") != NULL);
	CHECK(strstr(r.err, "invalid JSON") != NULL);
	CHECK(strstr(r.err, "in.jsonl:4:") != NULL && strstr(r.err, "no \"text\" field"));
	CHECK(strstr(r.err, "in.jsonl:6:") != NULL && strstr(r.err, "not a JSON object"));
	CHECK(strstr(r.err, "in.jsonl:7:") != NULL && strstr(r.err, "exceeds the document size limit"));
	CHECK(strstr(r.err, "in.jsonl:8: warning: \"date\"") != NULL);
	CHECK(strstr(r.err, "7 documents read, 3 coded, 4 failed") != NULL);
	done(&r);
}

static void stdin_jsonl_and_ids(void)
{
	puts_file("s.jsonl", "{\"text\": \"One.\"}\n{\"id\": 42, \"text\": \"Two.\"}\n");
	struct run r = run("code < s.jsonl");
	char ids[256];
	CHECK_INT(objects(&r, ids, sizeof ids), 2);
	CHECK_STR(ids, "stdin:1,42");
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.err, "2 documents read, 2 coded, 0 failed") != NULL);
	done(&r);
}

static void directories_by_extension(void)
{
	puts_file("dir/a.txt", "A plain text.");
	puts_file("dir/sub/b.jsonl", "{\"id\":\"b1\",\"text\":\"x\"}\n{\"id\":\"b2\",\"text\":\"y\"}\n");
	puts_file("dir/sub/c.dat", "not read");
	puts_file("dir/.hidden.txt", "not read");
	struct run r = run("code dir");
	char ids[256];
	CHECK_INT(objects(&r, ids, sizeof ids), 3);
	CHECK_STR(ids, "dir/a.txt,b1,b2");
	CHECK(strstr(r.err, "1 files with other extensions skipped") != NULL);
	CHECK_INT(r.status, 0);
	done(&r);
}

static void input_option_forces_format(void)
{
	puts_file("x.jsonl", "{\"text\": \"as text\"}\n");
	struct run r = run("code --input text x.jsonl");
	char ids[256];
	CHECK_INT(objects(&r, ids, sizeof ids), 1);
	CHECK_STR(ids, "x.jsonl");
	done(&r);
	r = run("code --input xml x.jsonl");
	CHECK_INT(r.status, 2);
	done(&r);
}

static void missing_file_is_an_error(void)
{
	puts_file("ok.txt", "Fine.");
	struct run r = run("code nope.txt ok.txt");
	char ids[256];
	CHECK_INT(objects(&r, ids, sizeof ids), 1);
	CHECK(strstr(r.err, "nope.txt") != NULL);
	CHECK_INT(r.status, 1);
	done(&r);
}

static void document_dates(void)
{
	puts_file("d.jsonl",
		  "{\"id\":\"dl\",\"text\":\"KABUL, Afghanistan (Jan. 25, 2013) - Text.\"}\n"
		  "{\"id\":\"in\",\"date\":\"2014-02-03\",\"text\":\"KABUL, Afghanistan (Jan. 25, 2013) - Text.\"}\n"
		  "{\"id\":\"noyear\",\"text\":\"KABUL, Afghanistan (Sept. 1) - Text.\"}\n"
		  "{\"id\":\"none\",\"text\":\"Nothing here.\"}\n");
	struct run r = run("code d.jsonl");
	CHECK(strstr(r.out, "\"id\":\"dl\",\"date\":\"2013-01-25\"") != NULL);
	CHECK(strstr(r.out, "\"id\":\"in\",\"date\":\"2014-02-03\"") != NULL);
	CHECK(strstr(r.out, "\"id\":\"noyear\",\"date\":null") != NULL);
	CHECK(strstr(r.out, "\"id\":\"none\",\"date\":null") != NULL);
	done(&r);
	r = run("code --date 2020-05-06 d.jsonl");
	CHECK(strstr(r.out, "\"id\":\"dl\",\"date\":\"2020-05-06\"") != NULL);
	CHECK(strstr(r.out, "\"id\":\"in\",\"date\":\"2014-02-03\"") != NULL);
	CHECK(strstr(r.out, "\"id\":\"none\",\"date\":\"2020-05-06\"") != NULL);
	done(&r);
	r = run("code --date 2020-13-01 d.jsonl");
	CHECK_INT(r.status, 2);
	done(&r);
}

/* The country a document is about: its own "country", else --country;
 * one that names no country is refused with a clear message. */
static void document_countries(void)
{
	puts_file("c.jsonl",
		  "{\"id\":\"own\",\"country\":\"Pakistan\",\"text\":\"A blast hit Hyderabad.\"}\n"
		  "{\"id\":\"none\",\"text\":\"A blast hit Hyderabad.\"}\n"
		  "{\"id\":\"bad\",\"country\":\"Narnia\",\"text\":\"A blast hit Hyderabad.\"}\n"
		  "{\"id\":\"odd\",\"country\":7,\"text\":\"A blast hit Hyderabad.\"}\n");
	struct run r = run("code c.jsonl");
	char ids[256];
	CHECK_INT(objects(&r, ids, sizeof ids), 3);
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.err, "c.jsonl:3: ") != NULL && strstr(r.err, "\"Narnia\" is not a country") != NULL);
	CHECK(strstr(r.err, "c.jsonl:4: warning: \"country\" is not a string") != NULL);
	/* the document's own country decides; the others keep the default */
	const char *own = strstr(r.out, "\"id\":\"own\"");
	const char *none = strstr(r.out, "\"id\":\"none\"");
	CHECK(own && none && own < none);
	CHECK(own && strstr(own, "\"admin1\":\"Sindh\"") != NULL &&
	      strstr(own, "\"admin1\":\"Sindh\"") < none);
	CHECK(none && strstr(none, "\"admin1\":\"Sindh\"") == NULL);
	done(&r);
	r = run("code --country PAK c.jsonl");
	none = strstr(r.out, "\"id\":\"none\"");
	CHECK(none && strstr(none, "\"admin1\":\"Sindh\"") != NULL);
	done(&r);
	r = run("code --country Narnia c.jsonl");
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "--country: 'Narnia' is not a country") != NULL);
	CHECK(r.out[0] == 0);
	done(&r);
}

static void help_for_every_command(void)
{
	static const char *const cmds[] = {"code --help", "tokens --help", "kb --help", "help"};
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		struct run r = run(cmds[i]);
		CHECK_INT(r.status, 0);
		CHECK(strstr(r.out, "usage: lapwing") != NULL);
		done(&r);
	}
	struct run r = run("frobnicate");
	CHECK_INT(r.status, 2);
	done(&r);
}

static void tokens_shows_repaired_words(void)
{
	puts_file("g.txt", "\xe2\x80\x9cOur goal is to be victoriousKarim said in a recording.");
	struct run r = run("tokens g.txt");
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.out, "WORD lower,sp victorious\n") != NULL);
	CHECK(strstr(r.out, "WORD cap,repaired Karim\n") != NULL);
	done(&r);
}

static void pretty_output_is_json(void)
{
	puts_file("p.txt", "Mr. Smith said \"hello.\"");
	struct run r = run("code --pretty p.txt");
	json_error_t je;
	json_t *j = json_loads(r.out, 0, &je);
	CHECK(j != NULL);
	CHECK(strchr(r.out, '\n') < r.out + r.out_len - 1); /* several lines */
	json_decref(j);
	done(&r);
}

static void kb_check_reports_lines(void)
{
	puts_file("userkb/lexicon/abbreviations.txt", "Gen | title\nBad | sometimes\nx y | title\n");
	struct run r = run("kb check --kb userkb");
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.err, "userkb/lexicon/abbreviations.txt:2: error") != NULL);
	CHECK(strstr(r.err, "userkb/lexicon/abbreviations.txt:3: error") != NULL);
	done(&r);
	r = run("kb check");
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.err, "0 error(s), 0 warning(s)") != NULL);
	done(&r);
	/* a word written twice in one directory is a duplicate; restating a
	 * built-in entry in a user directory is not */
	puts_file("dupkb/lexicon/org-heads.txt",
		  "Brigade | tail\nVanguard | tail\nWatchmen | tail\nVanguard | tail\n");
	r = run("kb check --kb dupkb");
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.err, "dupkb/lexicon/org-heads.txt:4: warning: duplicate entry 'Vanguard' "
			    "(first at dupkb/lexicon/org-heads.txt:2)") != NULL);
	CHECK(strstr(r.err, "1 warning(s)") != NULL);
	done(&r);
	/* capitals.txt: three fields, a known country */
	puts_file("capkb/places/capitals.txt", "AFG | Kabul | -\nXXQ | Nowhere | -\nKEN | Nairobi\n");
	r = run("kb check --kb capkb");
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.err, "capkb/places/capitals.txt:2: error: unknown country code 'XXQ'") != NULL);
	CHECK(strstr(r.err, "capkb/places/capitals.txt:3: error: expected 3 fields") != NULL);
	CHECK(strstr(r.err, "capitals.txt:1:") == NULL);
	done(&r);
	/* roles.txt: a fourth field of CCC=SECTOR codes in a country's stories */
	puts_file("rolekb/actors/roles.txt",
		  "Majlis | LEG | institution | IRN=LEG; PAK=PTY\nDiet | LEG | institution | JAPAN=LEG\n"
		  "Duma | LEG | institution | RUS=XYZ\n");
	r = run("kb check --kb rolekb");
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.err, "rolekb/actors/roles.txt:1:") == NULL);
	CHECK(strstr(r.err, "rolekb/actors/roles.txt:2: error: expected CCC=SECTOR") != NULL);
	CHECK(strstr(r.err, "rolekb/actors/roles.txt:3: error: expected CCC=SECTOR") != NULL);
	done(&r);
}

/* Write `gencorpus ARGS` (bench/gencorpus.c) to NAME in the temporary
 * directory. */
static void gencorpus(const char *args, const char *name)
{
	char cmd[1024], cwd[512];
	if (!getcwd(cwd, sizeof cwd))
		strcpy(cwd, ".");
	const char *b = test_build_dir();
	snprintf(cmd, sizeof cmd, "'%s%s%s/gencorpus' %s > '%s/%s'", b[0] == '/' ? "" : cwd,
		 b[0] == '/' ? "" : "/", b, args, tmpdir, name);
	CHECK_INT(system(cmd), 0);
}

/* A generated corpus of news-like text (bench/gencorpus.c: varied
 * sentences of attacks, arrests, protests, quotes; 1.5 MB): every document
 * is coded, none fails, each output line is a contract object. Under the
 * sanitizer and valgrind runs of the suite, the stages meet many more
 * sentence shapes than the spec cases hold. */
static void code_generated_corpus(void)
{
	char cmd[1024];
	gencorpus("--mb 1.5 --seed 3", "gen.jsonl");
	snprintf(cmd, sizeof cmd, "%s/gen.jsonl", tmpdir);
	size_t len;
	char *in = slurp(cmd, &len);
	int docs = 0;
	for (size_t i = 0; i < len; i++)
		docs += in[i] == '\n';
	free(in);
	CHECK(docs > 300);
	struct run r = run("code --input jsonl gen.jsonl");
	CHECK_INT(r.status, 0);
	char ids[64];
	CHECK_INT(objects(&r, ids, sizeof ids), docs);
	char want[128];
	snprintf(want, sizeof want, "%d documents read, %d coded, 0 failed", docs, docs);
	CHECK(strstr(r.err, want) != NULL);
	CHECK(strstr(r.out, "\"events\":[{") != NULL);
	done(&r);
}

/* A dictionary directory that is not there stops the run instead of being
 * read as an empty extension; one with no dictionary file is a warning. */
static void kb_dir_must_exist(void)
{
	puts_file("k.txt", "Police arrested two men in Quetta.");
	struct run r = run("code --kb no-such-kb k.txt");
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "no-such-kb: error: No such file or directory") != NULL);
	CHECK_INT((long)r.out_len, 0);
	done(&r);
	r = run("code --kb k.txt k.txt");
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "k.txt: error: not a directory") != NULL);
	done(&r);
	puts_file("emptykb/README", "nothing here\n");
	r = run("kb check --kb emptykb");
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.err, "emptykb: warning: no dictionary file here") != NULL);
	done(&r);
}

/* kb lookup shows the places a spelling sounds like, as the entity stage
 * finds them, and not the text's own spelling again */
static void kb_lookup_sounds_like(void)
{
	struct run r = run("kb lookup Sukkar Sukkur Chattar");
	CHECK_INT(r.status, 0);
	const char *sukkar = strstr(r.out, "# Sukkar\n"), *sukkur = strstr(r.out, "# Sukkur\n"),
		   *chattar = strstr(r.out, "# Chattar\n");
	CHECK(sukkar && sukkur && chattar && sukkar < sukkur && sukkur < chattar);
	const char *like = strstr(r.out, "\"Sukkar\" sounds like place \"Sukkur\" city PAK admin1=Sindh");
	CHECK(like && sukkar && sukkur && like > sukkar && like < sukkur);
	/* the gazetteer's own spelling is a plain match */
	CHECK(sukkur && strstr(sukkur, "sounds like") == NULL);
	done(&r);
}

/* User CPU seconds the command took: the time lapwing's own code ran.
 * Not wall time, and not system time: on the shared virtual machines we
 * test on, the kernel's cost of backing fresh memory grows faster than the
 * memory itself (a program that only mallocs and memsets 1 GB spends 0.8 s
 * in the kernel, 2 GB 2.4 to 4.3 s, 4 GB 10 s), which says nothing about
 * lapwing's algorithm and made this test fail on a 1 GB against 2 GB run. */
static double time_command(const char *args)
{
	struct rusage a, b;
	getrusage(RUSAGE_CHILDREN, &a);
	struct run r = run(args);
	getrusage(RUSAGE_CHILDREN, &b);
	CHECK_INT(r.status, 0);
	done(&r);
	return (double)(b.ru_utime.tv_sec - a.ru_utime.tv_sec) +
	       (double)(b.ru_utime.tv_usec - a.ru_utime.tv_usec) / 1e6;
}

/* A JSON Lines line of 25 MB against one of 50 MB through the reader
 * (fastest of three; repeated like the unit growth tests, see there). */
static void growth_long_jsonl_line(void)
{
	if (!lw_test_slow)
		return;
	for (int k = 0; k < 2; k++) {
		size_t n = (size_t)(k + 1) * 25 * 1000 * 1000;
		char *buf = malloc(n + 64);
		size_t len = (size_t)sprintf(buf, "{\"id\":\"big\",\"text\":\"");
		for (size_t i = 0; len < n; i++)
			buf[len++] = "Kabul said \\\"yes\\\". "[i % 20];
		len += (size_t)sprintf(buf + len, "\"}\n");
		put(k ? "big2.jsonl" : "big1.jsonl", buf, len);
		free(buf);
	}
	double t1 = 0, t2 = 0;
	for (int trial = 0; trial < 3; trial++) {
		t1 = t2 = 1e30;
		for (int rep = 0; rep < 2; rep++) {
			double x = time_command("code big1.jsonl"), y = time_command("code big2.jsonl");
			t1 = x < t1 ? x : t1;
			t2 = y < t2 ? y : t2;
		}
		if (t2 / t1 < 2.5)
			break;
	}
	if (!(t2 / t1 < 2.5))
		lw_check_fail(__FILE__, __LINE__, "JSONL line 25 MB %.2f s, 50 MB %.2f s", t1, t2);
}

/* Read the pty master m into b until `want` shows up, EOF, or `ms` pass. */
static int read_until(int m, struct lw_buf *b, const char *want, int ms)
{
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		lw_buf_addc(b, 0);
		b->len--;
		if (want && b->ptr && strstr(b->ptr, want))
			return 1;
		clock_gettime(CLOCK_MONOTONIC, &t);
		int left = ms - (int)((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000);
		struct pollfd pf = {m, POLLIN, 0};
		if (left <= 0 || poll(&pf, 1, left) <= 0)
			return 0;
		char tmp[4096];
		ssize_t k = read(m, tmp, sizeof tmp);
		if (k <= 0)
			return 0; /* EIO: the program closed the terminal */
		lw_buf_add(b, tmp, (size_t)k);
	}
}

/* The absolute path of the lapwing under test, for exec. */
static void lapwing_path(char *prog, size_t cap)
{
	char cwd[1024];
	const char *b = test_build_dir();
	if (!getcwd(cwd, sizeof cwd))
		strcpy(cwd, ".");
	if (b[0] == '/')
		snprintf(prog, cap, "%s/lapwing", b);
	else
		snprintf(prog, cap, "%s/%s/lapwing", cwd, b);
}

/* Start `lapwing code --input jsonl -j JOBS` with standard input from a
 * pipe and standard output to a pseudo-terminal (pty) or a pipe; send one
 * document and say whether its line shows up while the input is still
 * open; then close the input and check the program ends well. */
static void first_document_early(int pty, const char *jobs)
{
	int m = -1, out[2] = {-1, -1};
	char slave[256] = "";
	if (pty) {
		m = posix_openpt(O_RDWR | O_NOCTTY);
		if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0 || !ptsname(m)) {
			fprintf(stderr, "lwtest: no pseudo-terminal here, test skipped\n");
			if (m >= 0)
				close(m);
			return;
		}
		snprintf(slave, sizeof slave, "%s", ptsname(m));
	} else if (pipe(out) != 0) {
		CHECK(!"pipe");
		return;
	} else {
		m = out[0];
	}
	char prog[1024];
	lapwing_path(prog, sizeof prog);
	int in[2];
	if (pipe(in) != 0) {
		close(m);
		CHECK(!"pipe");
		return;
	}
	pid_t pid = fork();
	if (pid == 0) {
		setsid();
		int s = pty ? open(slave, O_RDWR) : out[1];
		int null = open("/dev/null", O_WRONLY);
		if (s < 0 || null < 0)
			_exit(127);
		dup2(in[0], 0);
		dup2(s, 1);
		dup2(null, 2);
		close(in[0]);
		close(in[1]);
		close(m);
		execl(prog, "lapwing", "code", "--input", "jsonl", "-j", jobs, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	if (!pty)
		close(out[1]);
	static const char doc[] =
		"{\"id\":\"t1\",\"text\":\"Police detained two men in Quetta on Monday.\"}\n";
	struct lw_buf got = LW_BUF_INIT;
	int early = 0;
	if (pid > 0 && write(in[1], doc, sizeof doc - 1) == (ssize_t)(sizeof doc - 1))
		early = read_until(m, &got, "\"id\":\"t1\"", 10000);
	close(in[1]);
	read_until(m, &got, NULL, 10000); /* the rest, until the program ends */
	int st = 0;
	if (pid > 0)
		waitpid(pid, &st, 0);
	close(m);
	CHECK(pid > 0);
	CHECK(early);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	lw_buf_release(&got);
}

/* On a terminal, `code` writes each document as soon as it is coded: the
 * first document's line shows up while standard input is still open, on
 * one thread or several. */
static void terminal_gets_each_document(void)
{
	first_document_early(1, "1");
	first_document_early(1, "2");
}

/* Through pipes, `code` writes what it holds once the input is quiet
 * (`tail -f feed.jsonl | lapwing code`): on one thread before it waits
 * for more input (not once a megabyte of output is waiting), on several
 * because documents are handed to the threads one at a time, not held
 * back to fill a batch. */
static void slow_stream_is_not_held_back(void)
{
	first_document_early(0, "1");
	first_document_early(0, "2");
}

/* When the output fails (a full disk: /dev/full) while the input is a
 * stream that stays open, `code` still ends at once with status 2. On one
 * thread the write before the wait for input fails; on two the reader
 * thread, waiting for input that does not come, is cancelled. The reader
 * it held is left unfreed as the process ends, so the leak check of a
 * sanitizer build is turned off for this run. */
static void failed_output_ends(const char *jobs)
{
	char prog[1024];
	lapwing_path(prog, sizeof prog);
	int in[2];
	if (pipe(in) != 0) {
		CHECK(!"pipe");
		return;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid == 0) {
		int full = open("/dev/full", O_WRONLY);
		int null = open("/dev/null", O_WRONLY);
		if (full < 0 || null < 0)
			_exit(127);
		dup2(in[0], 0);
		dup2(full, 1);
		dup2(null, 2);
		close(in[0]);
		close(in[1]);
		setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
		execl(prog, "lapwing", "code", "--input", "jsonl", "-j", jobs, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	static const char doc[] = "{\"id\":\"f1\",\"text\":\"Police detained two men.\"}\n";
	CHECK(write(in[1], doc, sizeof doc - 1) == (ssize_t)(sizeof doc - 1));
	/* the input stays open while the program runs; wait up to 20 s */
	int st = 0, ended = 0;
	for (int i = 0; i < 200 && pid > 0; i++) {
		if (waitpid(pid, &st, WNOHANG) == pid) {
			ended = 1;
			break;
		}
		struct timespec nap = {0, 100 * 1000000L};
		nanosleep(&nap, NULL);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	close(in[1]);
	if (!ended && pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
	}
	CHECK(ended);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 2);
	CHECK((t1.tv_sec - t0.tv_sec) < 15);
}

static void failed_output_ends_an_open_stream(void)
{
	failed_output_ends("1");
	failed_output_ends("2");
}

/* Several threads write the same bytes as one, to standard output and to
 * standard error (but the time in the summary), errors and warnings in
 * input order among the documents. */
static void threads_change_nothing(void)
{
	char cmd[1024];
	gencorpus("--mb 0.4 --seed 5", "many.jsonl");
	puts_file("bad.jsonl", "{\"id\": \"a\", \"text\": \"Gunmen killed two guards in Kano.\"}\n"
			       "{\"id\": \"b\", \"text\": \"broken\"\n"
			       "{\"id\": \"c\", \"title\": \"no text\"}\n"
			       "{\"text\": \"Troops detained five men.\", \"date\": \"2015-13-45\"}\n"
			       "{\"id\": \"d\", \"text\": \"Protesters marched in Dhaka.\"}\n");
	static const char *const jobs[] = {"1", "2", "5"};
	char *out[3], *err[3];
	for (int i = 0; i < 3; i++) {
		snprintf(cmd, sizeof cmd, "code -j %s --input jsonl bad.jsonl many.jsonl bad.jsonl",
			 jobs[i]);
		struct run r = run(cmd);
		CHECK_INT(r.status, 1);
		out[i] = r.out;
		err[i] = r.err;
		char *t = strstr(err[i], " MB in "); /* the time varies */
		if (t)
			*t = 0;
	}
	CHECK(strstr(out[0], "\"id\":\"d\"") != NULL);
	CHECK(strstr(err[0], "bad.jsonl:2: byte") != NULL);
	CHECK(strstr(err[0], "bad.jsonl:4: warning") != NULL);
	for (int i = 1; i < 3; i++) {
		CHECK(strcmp(out[0], out[i]) == 0);
		CHECK_STR(err[i], err[0]);
	}
	for (int i = 0; i < 3; i++) {
		free(out[i]);
		free(err[i]);
	}
	struct run r = run("code -j 0 bad.jsonl");
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "-j wants a number of threads") != NULL);
	done(&r);
}

static const struct lw_test cli_tests[] = {
	{"cli: JSON Lines errors reported and skipped", jsonl_errors_are_reported_and_skipped},
	{"cli: standard input and ids", stdin_jsonl_and_ids},
	{"cli: directories by extension", directories_by_extension},
	{"cli: --input forces the format", input_option_forces_format},
	{"cli: missing file", missing_file_is_an_error},
	{"cli: document dates", document_dates},
	{"cli: document countries", document_countries},
	{"cli: --help for every command", help_for_every_command},
	{"cli: tokens shows repaired words", tokens_shows_repaired_words},
	{"cli: --pretty output is JSON", pretty_output_is_json},
	{"cli: kb check reports file and line", kb_check_reports_lines},
	{"cli: a --kb directory that is not there is an error", kb_dir_must_exist},
	{"cli: a generated 1.5 MB corpus is coded whole", code_generated_corpus},
	{"cli: kb lookup shows what a spelling sounds like", kb_lookup_sounds_like},
	{"cli: growth, 50 MB JSON Lines line", growth_long_jsonl_line},
	{"cli: code on a terminal writes each document at once", terminal_gets_each_document},
	{"cli: code does not hold back a slow stream, on one thread or two", slow_stream_is_not_held_back},
	{"cli: code on 1, 2 or 5 threads writes the same bytes", threads_change_nothing},
	{"cli: code ends when its output fails, on one thread or two", failed_output_ends_an_open_stream},
	LW_END_TESTS,
};

static void call(void *arg)
{
	((const struct lw_test *)arg)->fn();
}

void lw_run_cli_tests(const char *pattern)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/lwtest.%ld", (long)getpid());
	if (mkdir(tmpdir, 0700) != 0) {
		lw_check_fail(__FILE__, __LINE__, "cannot make %s", tmpdir);
		return;
	}
	for (const struct lw_test *t = cli_tests; t->name; t++) {
		if (pattern && !strstr(t->name, pattern))
			continue;
		lw_run_test(t->name, call, (void *)t);
	}
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "lwtest: could not remove %s\n", tmpdir);
}
