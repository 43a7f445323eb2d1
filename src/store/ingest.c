/*
 * ingest.c: documents in, a store out, on all cores (lw_store_ingest).
 *
 *   reader thread ──► ring of jobs ──► N worker threads ──► writer (caller's thread)
 *   (lw_reader, or     (bounded,        (hash, skip if        (one SQLite connection,
 *    lines for          in input         unchanged, lw_code    batched transactions,
 *    --coded)           order)           or parse JSON)        input order)
 *
 * The reader copies each document into a job; a worker hashes it and, when
 * the store already holds that id with that hash, marks it unchanged
 * without coding it (each worker reads the store through its own read-only
 * connection; WAL lets it read while the writer writes). Otherwise it codes
 * the document (the knowledge base is shared and immutable; the result
 * belongs to the job) or, with --coded, parses the contract object. The
 * writer takes jobs strictly in input order, so the store is the same
 * whatever the thread count, and commits every LW_STORE_BATCH_DOCS
 * documents or LW_STORE_BATCH_MS milliseconds. It checks the hash again
 * before skipping (the same id may come twice in one run) and codes a
 * document itself in the rare case a worker skipped it on stale knowledge.
 *
 * Crash safety is SQLite's: a transaction is in the file entirely or not
 * at all, and a document's rows are always in the transaction of its
 * documents row. A killed ingest loses at most the open batch; running the
 * same command again skips what was committed (same hash) and stores the
 * rest, so each document ends up stored exactly once.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#endif

#include "../io/input_copy.h"
#include "../util/deadline.h"
#include "lines.h"
#include "store.h"

/* Jobs in flight (read, not yet written) per worker thread, and their
 * total size: enough to keep every worker busy while the writer commits,
 * small enough to bound memory (one document over the size bound is still
 * taken, alone). A commit flushes the full-text index and takes 30 ms on
 * average, up to 300 ms: 16 jobs a thread (2 ms of coding) left the
 * workers idle through it, 128 (about 20 ms, a few MB more) let them
 * work ahead (benchmark corpus, -j 2, with INGEST_WORKER_NICE: 8.37 s to
 * 7.65 s, medians of 5; docs/store.md). */
#define INGEST_JOBS_PER_THREAD 128
#define INGEST_MAX_INFLIGHT_BYTES ((size_t)256 << 20)
/* Most threads -j accepts: more would only add contention. */
#define INGEST_MAX_THREADS 256
/* How much lower a worker thread's priority is than the writer's (a nice
 * increment). The writer is one thread that every document passes
 * through, the workers are many: when they share the cores, CFS gives
 * each thread an equal share, and on two cores the writer of -j 2 got
 * two thirds of a core (under a shared load, 4.5 s of CPU against 7.4 s
 * waiting in the run queue on the benchmark corpus). A worker at nice 10
 * weighs a tenth of the writer, so the writer gets the CPU it needs and
 * the workers the rest; with nothing else to run they still get all of
 * it. */
#define INGEST_WORKER_NICE 10
/* How often the progress callback runs (ms). */
#define INGEST_PROGRESS_MS 100
/* Wake-ups come in batches. Handing the jobs over one at a time, the
 * reader (the ring always full) slept after every job and the writer woke
 * it when it freed a slot; the writer (faster than the coders, with its own
 * core) slept on the next job and its coder woke it: about 208,000 futex
 * calls and as many context switches on the benchmark corpus, 1 to 2 s of
 * system time, the writer's mutex contended. Now a sleeping writer is
 * woken when the next INGEST_WRITER_BATCH jobs are all done, and takes
 * them in one go; a sleeping reader when a quarter of the ring is free,
 * or sooner when fewer than a quarter of its jobs are left for the coders
 * (so that they never run dry while the writer catches up). */
#define INGEST_WRITER_BATCH 16

enum job_state { JOB_FREE, JOB_READY, JOB_CLAIMED, JOB_DONE };
enum job_kind { JK_STORE, JK_UNCHANGED, JK_FAIL };

struct job {
	enum job_state state;
	enum job_kind kind;
	uint64_t seq;
	char *buf;           /* the document's copy (coding) or its JSON line (--coded) */
	size_t buf_len;
	lw_input in;         /* coding: pointers into buf */
	const char *file;    /* in pipe->files */
	long line;
	uint64_t input_bytes; /* bytes of input this job stands for */
	unsigned char hash[LW_HASH_BYTES];
	struct lw_store_rec rec;
	lw_error err;
	struct lw_buf warnings; /* NUL-separated */
};

struct pipe {
	struct lw_store *s;
	const lw_kb *kb;
	const lw_ingest_options *opt;
	size_t max_doc;
	pthread_mutex_t mu;
	pthread_cond_t cv_space, cv_work, cv_done;
	struct job *ring;
	size_t cap;
	uint64_t next_read, next_claim, next_write;
	size_t inflight_bytes;
	int reader_done;
	int reader_waiting;  /* asleep for room for reader_need bytes */
	size_t reader_need;
	int writer_waiting;  /* asleep until jobs next_write..writer_want are done */
	uint64_t writer_want;
	int abort;           /* the writer failed: everyone stops */
	int interrupted;
	char **files;        /* names of the inputs read so far */
	size_t nfiles, capfiles;
	const char *const *paths;
	size_t npaths;
	lw_ingest_progress prog;
	struct timespec t0;
};

static double since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

void lw_ingest_options_init(lw_ingest_options *o)
{
	memset(o, 0, sizeof *o);
	lw_options_init(&o->code);
	o->batch_docs = LW_STORE_BATCH_DOCS;
	o->batch_ms = LW_STORE_BATCH_MS;
}

/* ---- jobs ---- */

static void job_clear(struct job *j)
{
	lw_rec_release(&j->rec);
	free(j->buf);
	lw_buf_release(&j->warnings);
	memset(j, 0, sizeof *j);
}

static void job_warn(struct job *j, const char *msg)
{
	lw_buf_add(&j->warnings, msg, strlen(msg) + 1);
}

static void rec_warn(void *ctx, const char *msg)
{
	job_warn(ctx, msg);
}

static void job_fail(struct job *j, const lw_error *err)
{
	j->kind = JK_FAIL;
	j->err = *err;
	snprintf(j->err.doc, sizeof j->err.doc, "%s", j->file ? j->file : "");
	j->err.line = j->line;
}

/* The bytes a JSON Lines record of this document takes, near enough for a
 * progress bar: its strings, their escapes and the keys around them. */
static uint64_t record_bytes(const lw_input *in)
{
	uint64_t n = in->text_len + in->id_len + in->date_len + in->title_len + in->source_len +
		     in->url_len + 64;
	/* The bytes JSON escapes, eight at a time (a byte loop was 14
	 * instructions a byte, 5% of a coding thread's). A byte's top bit
	 * is clear in lt exactly when the byte is below 0x20, in eq_q and
	 * eq_b when it is '"' or '\\' (x ^ c is 0 there); adding 0x60 or
	 * 0x7f to the low 7 bits never carries into the next byte. */
	const uint64_t ones = 0x0101010101010101u, low7 = ones * 0x7f, top = ones * 0x80;
	const unsigned char *s = (const unsigned char *)in->text;
	size_t i = 0;
	for (; i + 8 <= in->text_len; i += 8) {
		uint64_t x, q, b;
		memcpy(&x, s + i, 8);
		q = x ^ (ones * '"');
		b = x ^ (ones * '\\');
		uint64_t lt = ((x & low7) + ones * 0x60) | x;
		uint64_t eq_q = ((q & low7) + low7) | q;
		uint64_t eq_b = ((b & low7) + low7) | b;
		uint64_t hit = ~(lt & eq_q & eq_b) & top;
		n += ((hit >> 7) * ones) >> 56; /* bytes with the bit, at most 8 */
	}
	for (; i < in->text_len; i++)
		n += s[i] < 0x20 || s[i] == '"' || s[i] == '\\';
	return n;
}

/* ---- the reader thread ---- */

static const char *intern_file(struct pipe *p, const char *name)
{
	if (p->nfiles && strcmp(p->files[p->nfiles - 1], name) == 0)
		return p->files[p->nfiles - 1];
	if (p->nfiles == p->capfiles) {
		size_t cap = p->capfiles ? p->capfiles * 2 : 16;
		char **f = realloc(p->files, cap * sizeof *f);
		if (!f)
			return "";
		p->files = f;
		p->capfiles = cap;
	}
	char *c = strdup(strcmp(name, "-") == 0 ? "stdin" : name);
	if (!c)
		return "";
	p->files[p->nfiles++] = c;
	return c;
}

/* Whether the ring has a slot for a document of `bytes` (p->mu held). */
static int has_room(const struct pipe *p, size_t bytes)
{
	return p->next_read - p->next_write < p->cap &&
	       (p->inflight_bytes == 0 || p->inflight_bytes + bytes <= INGEST_MAX_INFLIGHT_BYTES);
}

/* Wake the sleeping reader when it has room and either a quarter of the
 * ring is free or the coders are running out of jobs (p->mu held;
 * INGEST_WRITER_BATCH says why not at every slot). */
static void wake_reader(struct pipe *p)
{
	if (!p->reader_waiting || !has_room(p, p->reader_need))
		return;
	if (p->cap - (p->next_read - p->next_write) >= p->cap / 4 ||
	    p->next_read - p->next_claim < p->cap / 4)
		pthread_cond_signal(&p->cv_space);
}

/* Wait for room and take the next slot; NULL when the run is stopping. */
static struct job *slot_for(struct pipe *p, size_t bytes)
{
	pthread_mutex_lock(&p->mu);
	while (!p->abort && !has_room(p, bytes)) {
		p->reader_waiting = 1;
		p->reader_need = bytes;
		pthread_cond_wait(&p->cv_space, &p->mu);
	}
	p->reader_waiting = 0;
	struct job *j = p->abort ? NULL : &p->ring[p->next_read % p->cap];
	pthread_mutex_unlock(&p->mu);
	if (j) {
		memset(j, 0, sizeof *j);
		j->seq = p->next_read;
	}
	return j;
}

/* Hand a filled slot to the workers (or, done already, to the writer). */
static void publish(struct pipe *p, struct job *j, int done)
{
	pthread_mutex_lock(&p->mu);
	j->state = done ? JOB_DONE : JOB_READY;
	p->inflight_bytes += j->buf_len;
	p->next_read++;
	pthread_cond_broadcast(done ? &p->cv_done : &p->cv_work);
	pthread_mutex_unlock(&p->mu);
}

static int stopping(struct pipe *p)
{
	if (p->opt->stop && *p->opt->stop) {
		p->interrupted = 1;
		return 1;
	}
	return 0;
}

static void read_documents(struct pipe *p)
{
	lw_reader *r;
	lw_error err;
	if (lw_reader_new(p->opt->format, p->max_doc, &r) != LW_OK)
		return;
	if (p->npaths == 0)
		lw_reader_add(r, "-");
	for (size_t i = 0; i < p->npaths; i++)
		lw_reader_add(r, p->paths[i]);
	while (!stopping(p)) {
		lw_input in;
		lw_status st = lw_reader_next(r, &in, &err);
		if (st == LW_DONE)
			break;
		struct job *j = slot_for(p, st == LW_OK ? in.text_len : 0);
		if (!j)
			break;
		if (st != LW_OK) {
			j->kind = JK_FAIL;
			j->err = err;
			publish(p, j, 1);
			continue;
		}
		const char *file;
		lw_reader_where(r, &file, &j->line);
		j->file = intern_file(p, file);
		const char *warn = lw_reader_warning(r);
		if (warn)
			job_warn(j, warn);
		if (lw_input_copy(&in, &j->in, &j->buf, &j->buf_len) != 0) {
			lw_store_fail(&err, LW_ENOMEM, "", "out of memory");
			job_fail(j, &err);
			publish(p, j, 1);
			continue;
		}
		publish(p, j, 0);
	}
	lw_reader_free(r);
}

static void read_coded(struct pipe *p)
{
	struct lw_lines *l;
	lw_error err;
	/* JSON escapes and the coded fields make a record longer than its
	 * text: allow the same slack as lw_reader */
	if (lw_lines_new(p->max_doc * 4 + 65536, &l) != LW_OK)
		return;
	if (p->npaths == 0)
		lw_lines_add(l, "-");
	for (size_t i = 0; i < p->npaths; i++)
		lw_lines_add(l, p->paths[i]);
	uint64_t before = 0;
	while (!stopping(p)) {
		const char *line;
		size_t len;
		lw_status st = lw_lines_next(l, &line, &len, &err);
		if (st == LW_DONE)
			break;
		struct job *j = slot_for(p, st == LW_OK ? len : 0);
		if (!j)
			break;
		uint64_t now = lw_lines_consumed(l);
		j->input_bytes = now - before;
		before = now;
		if (st != LW_OK) {
			j->kind = JK_FAIL;
			j->err = err;
			publish(p, j, 1);
			continue;
		}
		const char *file;
		lw_lines_where(l, &file, &j->line);
		j->file = intern_file(p, file);
		j->buf = malloc(len + 1);
		if (!j->buf) {
			lw_store_fail(&err, LW_ENOMEM, "", "out of memory");
			job_fail(j, &err);
			publish(p, j, 1);
			continue;
		}
		memcpy(j->buf, line, len);
		j->buf[len] = 0;
		j->buf_len = len;
		publish(p, j, 0);
	}
	lw_lines_free(l);
}

static void *reader_main(void *arg)
{
	struct pipe *p = arg;
	if (p->opt->coded)
		read_coded(p);
	else
		read_documents(p);
	pthread_mutex_lock(&p->mu);
	p->reader_done = 1;
	pthread_cond_broadcast(&p->cv_work);
	pthread_cond_broadcast(&p->cv_done);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* ---- work: hash, skip, code or parse ---- */

/* Job `seq` is done: wake the sleeping writer when it was the last of
 * those it waits for (p->mu held; INGEST_WRITER_BATCH). */
static void wake_writer(struct pipe *p, uint64_t seq)
{
	if (!p->writer_waiting || seq < p->next_write || seq > p->writer_want)
		return;
	for (uint64_t q = p->next_write; q <= p->writer_want; q++)
		if (p->ring[q % p->cap].state != JOB_DONE)
			return;
	pthread_cond_signal(&p->cv_done);
}

struct worker {
	struct pipe *p;
	sqlite3 *db;         /* read-only, for the unchanged check */
	sqlite3_stmt *find;
	int no_db;           /* could not open one: always code */
	double cpu;          /* CPU seconds, when it ends */
};

static double thread_cpu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int stored_unchanged(struct worker *w, const struct job *j, const char *id, size_t id_len)
{
	if (w->no_db || (w->p->opt->put_flags & LW_PUT_FORCE))
		return 0;
	if (!w->db) {
		lw_error err;
		const char *path = w->p->s->path;
		if (strcmp(path, ":memory:") == 0 || lw_store_open_reader(path, &w->db, &err) != LW_OK ||
		    sqlite3_prepare_v2(w->db, "SELECT id, hash FROM documents WHERE doc_id = ?1", -1,
				       &w->find, NULL) != SQLITE_OK) {
			w->no_db = 1;
			return 0;
		}
	}
	unsigned char h[LW_HASH_BYTES];
	return lw_store_find(w->find, id, id_len, h, NULL) == 1 &&
	       memcmp(h, j->hash, LW_HASH_BYTES) == 0;
}

/* A quick look at a JSON line's "id" for the unchanged check: the first
 * "id" key with a plain string value (no escapes), else nothing. The full
 * parse checks everything. */
static int peek_id(const char *s, size_t n, const char **id, size_t *len)
{
	const char *k = s, *end = s + n;
	while ((k = memchr(k, '"', (size_t)(end - k))) != NULL && end - k > 6) {
		if (memcmp(k, "\"id\"", 4) != 0) {
			k++;
			continue;
		}
		const char *v = k + 4;
		while (v < end && (*v == ' ' || *v == ':' || *v == '\t'))
			v++;
		if (v >= end || *v != '"')
			return 0;
		const char *q = memchr(v + 1, '"', (size_t)(end - v - 1));
		if (!q || memchr(v + 1, '\\', (size_t)(q - v - 1)))
			return 0;
		*id = v + 1;
		*len = (size_t)(q - v - 1);
		return 1;
	}
	return 0;
}

static lw_status pack(struct job *j, lw_error *err)
{
	if (lw_rec_pack(&j->rec) != LW_OK)
		return lw_store_fail(err, LW_ENOMEM, "", "out of memory");
	j->kind = JK_STORE;
	return LW_OK;
}

static void work(struct worker *w, struct job *j, int may_skip)
{
	struct pipe *p = w->p;
	lw_error err;
	if (p->opt->coded) {
		struct lw_hash c;
		size_t n = j->buf_len;
		while (n > 0 && (j->buf[n - 1] == ' ' || j->buf[n - 1] == '\t' ||
				 j->buf[n - 1] == '\r'))
			n--;
		lw_hash_init(&c);
		lw_hash_update(&c, "lapwing-coded-1", 15);
		lw_hash_update(&c, j->buf, n);
		lw_hash_final(&c, j->hash);
		const char *id;
		size_t id_len;
		if (may_skip && peek_id(j->buf, j->buf_len, &id, &id_len) &&
		    stored_unchanged(w, j, id, id_len)) {
			j->kind = JK_UNCHANGED;
			return;
		}
		lw_status st = lw_rec_from_json(&j->rec, j->buf, j->buf_len, p->max_doc, rec_warn, j,
						&err);
		if (st == LW_OK)
			st = pack(j, &err);
		if (st != LW_OK)
			job_fail(j, &err);
		return;
	}
	j->input_bytes = record_bytes(&j->in);
	lw_input_hash(&j->in, &p->opt->code, j->hash);
	if (may_skip && stored_unchanged(w, j, j->in.id, j->in.id_len)) {
		j->kind = JK_UNCHANGED;
		return;
	}
	lw_doc *doc;
	lw_status st = lw_code(p->kb, &p->opt->code, &j->in, &doc, &err);
	if (st != LW_OK) {
		job_fail(j, &err);
		return;
	}
	lw_rec_from_doc(&j->rec, doc);
	/* the hash the unchanged check compares is the input's */
	memcpy(j->rec.hash, j->hash, LW_HASH_BYTES);
	if (pack(j, &err) != LW_OK)
		job_fail(j, &err);
}

/* Lower the calling worker's priority (INGEST_WORKER_NICE). Linux keeps a
 * nice value per thread, which setpriority takes a thread id for; other
 * systems, or a failure, leave it as it is: it changes only how fast the
 * run goes. */
static void lower_priority(void)
{
#ifdef __linux__
	id_t tid = (id_t)syscall(SYS_gettid);
	errno = 0;
	int nice = getpriority(PRIO_PROCESS, tid);
	if (errno == 0)
		(void)setpriority(PRIO_PROCESS, tid, nice + INGEST_WORKER_NICE);
#endif
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct pipe *p = w->p;
	lower_priority();
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->abort && p->next_claim < p->next_read &&
		       p->ring[p->next_claim % p->cap].state != JOB_READY)
			p->next_claim++; /* failed reads need no work */
		if (p->abort || (p->next_claim == p->next_read && p->reader_done))
			break;
		if (p->next_claim == p->next_read) {
			pthread_cond_wait(&p->cv_work, &p->mu);
			continue;
		}
		struct job *j = &p->ring[p->next_claim++ % p->cap];
		j->state = JOB_CLAIMED;
		wake_reader(p);
		pthread_mutex_unlock(&p->mu);
		work(w, j, 1);
		pthread_mutex_lock(&p->mu);
		j->state = JOB_DONE;
		wake_writer(p, j->seq);
	}
	pthread_mutex_unlock(&p->mu);
	sqlite3_finalize(w->find);
	sqlite3_close(w->db);
	w->cpu = thread_cpu();
	return NULL;
}

/* ---- the writer ---- */

static void report_job(struct pipe *p, struct job *j)
{
	const lw_ingest_options *o = p->opt;
	for (size_t at = 0; at < j->warnings.len; at += strlen(j->warnings.ptr + at) + 1) {
		lw_error w;
		lw_store_fail(&w, LW_OK, j->file ? j->file : "", "%s", j->warnings.ptr + at);
		w.line = j->line;
		if (o->report)
			o->report(o->ctx, &w, 1);
	}
	if (j->kind == JK_FAIL && o->report)
		o->report(o->ctx, &j->err, 0);
}

static void progress(struct pipe *p, int done)
{
	p->prog.seconds = since(&p->t0);
	p->prog.done = done;
	p->prog.interrupted = p->interrupted;
	if (p->opt->progress)
		p->opt->progress(p->opt->ctx, &p->prog);
}

static lw_status write_job(struct pipe *p, struct worker *self, struct job *j, lw_error *err)
{
	lw_put_result res;
	report_job(p, j);
	p->prog.read++;
	p->prog.input_bytes += j->input_bytes;
	p->prog.text_bytes += j->kind == JK_STORE || j->kind == JK_UNCHANGED
				      ? (p->opt->coded ? j->buf_len : j->in.text_len)
				      : 0;
	if (j->kind == JK_FAIL) {
		p->prog.failed++;
		return LW_OK;
	}
	if (j->kind == JK_UNCHANGED) {
		unsigned char h[LW_HASH_BYTES];
		const char *id = p->opt->coded ? NULL : j->in.id;
		size_t id_len = j->in.id_len;
		if (p->opt->coded && !peek_id(j->buf, j->buf_len, &id, &id_len))
			id = NULL;
		sqlite3_stmt *find = lw_store_stmt(p->s, ST_FIND);
		if (!find)
			return lw_store_dbfail(p->s, err, "cannot prepare");
		int found = id ? lw_store_find(find, id, id_len, h, NULL) : 0;
		if (found < 0)
			return lw_store_dbfail(p->s, err, "cannot look up a document");
		if (found == 1 && memcmp(h, j->hash, LW_HASH_BYTES) == 0) {
			p->prog.unchanged++;
			return LW_OK;
		}
		/* the store changed since the worker looked: code it here */
		work(self, j, 0);
		if (j->kind == JK_FAIL) {
			p->prog.failed++;
			if (p->opt->report)
				p->opt->report(p->opt->ctx, &j->err, 0);
			return LW_OK;
		}
	}
	lw_status st = lw_store_write(p->s, &j->rec, p->opt->put_flags, &res, err);
	if (st != LW_OK)
		return st;
	if (res == LW_PUT_ADDED)
		p->prog.added++;
	else if (res == LW_PUT_REPLACED)
		p->prog.replaced++;
	else
		p->prog.unchanged++;
	return LW_OK;
}

/* The jobs done next in input order, at most `max` of them, into `out`;
 * 0 at the end. Wakes up now and then (0 jobs, *timed_out) to let the
 * caller commit a slow batch and report progress. */
static size_t next_done(struct pipe *p, struct job **out, size_t max, int *timed_out)
{
	struct timespec until = lw_deadline(CLOCK_MONOTONIC, INGEST_PROGRESS_MS);
	*timed_out = 0;
	pthread_mutex_lock(&p->mu);
	size_t n = 0;
	for (;;) {
		while (n < max && p->next_write + n < p->next_read &&
		       p->ring[(p->next_write + n) % p->cap].state == JOB_DONE) {
			out[n] = &p->ring[(p->next_write + n) % p->cap];
			n++;
		}
		if (n > 0 || (p->next_write == p->next_read && p->reader_done))
			break;
		/* sleep until the next INGEST_WRITER_BATCH jobs read so far are
		 * done, or the next one when none is waiting */
		p->writer_want = p->next_write + INGEST_WRITER_BATCH - 1;
		if (p->writer_want >= p->next_read)
			p->writer_want = p->next_read > p->next_write ? p->next_read - 1 : p->next_write;
		p->writer_waiting = 1;
		int rc = pthread_cond_timedwait(&p->cv_done, &p->mu, &until);
		p->writer_waiting = 0;
		if (rc == ETIMEDOUT) {
			*timed_out = 1;
			break;
		}
	}
	pthread_mutex_unlock(&p->mu);
	return n;
}

/* Give the slots of the n jobs written back to the reader. */
static void release_jobs(struct pipe *p, struct job **jobs, size_t n)
{
	size_t bytes = 0;
	for (size_t i = 0; i < n; i++) {
		bytes += jobs[i]->buf_len;
		job_clear(jobs[i]);
	}
	pthread_mutex_lock(&p->mu);
	for (size_t i = 0; i < n; i++)
		jobs[i]->state = JOB_FREE;
	p->next_write += n;
	/* workers never look behind the writer: a slot there may be refilled */
	if (p->next_claim < p->next_write)
		p->next_claim = p->next_write;
	p->inflight_bytes -= bytes;
	wake_reader(p);
	pthread_mutex_unlock(&p->mu);
}

static lw_status writer_loop(struct pipe *p, lw_error *err)
{
	double cpu0 = thread_cpu();
	struct worker self = {p, NULL, NULL, 1, 0};
	unsigned batch = 0;
	struct timespec batch_t0, last_progress;
	clock_gettime(CLOCK_MONOTONIC, &last_progress);
	lw_status st = LW_OK;
	struct job *jobs[INGEST_WRITER_BATCH];
	for (;;) {
		int timed_out;
		size_t n = next_done(p, jobs, INGEST_WRITER_BATCH, &timed_out);
		if (n == 0 && !timed_out)
			break;
		size_t written = 0;
		while (written < n) {
			if (batch == 0) {
				st = lw_store_begin(p->s, err);
				if (st != LW_OK)
					break;
				clock_gettime(CLOCK_MONOTONIC, &batch_t0);
			}
			st = write_job(p, &self, jobs[written++], err);
			if (st != LW_OK)
				break;
			if (++batch >= p->opt->batch_docs ||
			    since(&batch_t0) * 1000 >= (double)p->opt->batch_ms) {
				st = lw_store_commit(p->s, err);
				batch = 0;
				if (st != LW_OK)
					break;
			}
		}
		release_jobs(p, jobs, written);
		if (st != LW_OK)
			break;
		if (batch > 0 && since(&batch_t0) * 1000 >= (double)p->opt->batch_ms) {
			st = lw_store_commit(p->s, err);
			batch = 0;
			if (st != LW_OK)
				break;
		}
		if (since(&last_progress) * 1000 >= INGEST_PROGRESS_MS) {
			clock_gettime(CLOCK_MONOTONIC, &last_progress);
			progress(p, 0);
		}
	}
	if (st == LW_OK)
		st = lw_store_commit(p->s, err);
	if (st != LW_OK && p->s->in_tx) {
		sqlite3_exec(p->s->db, "ROLLBACK", NULL, NULL, NULL);
		p->s->in_tx = 0;
	}
	p->prog.writer_cpu = thread_cpu() - cpu0;
	return st;
}

/* ---- the size of the inputs, for the progress bar ---- */

static uint64_t tree_bytes(const char *path, int depth, int coded, int explicit_)
{
	struct stat sb;
	if (depth > 64 || stat(path, &sb) != 0)
		return 0;
	if (!S_ISDIR(sb.st_mode)) {
		if (explicit_)
			return (uint64_t)sb.st_size;
		size_t n = strlen(path);
		const char *dot = strrchr(path, '.');
		if (!dot || (size_t)(dot - path) >= n)
			return 0;
		static const char *const exts[] = {".jsonl", ".ndjson", ".json", ".txt", ".text"};
		for (size_t i = 0; i < (coded ? 3u : 5u); i++)
			if (strcmp(dot, exts[i]) == 0)
				return (uint64_t)sb.st_size;
		return 0;
	}
	DIR *d = opendir(path);
	uint64_t total = 0;
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char sub[4096];
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		total += tree_bytes(sub, depth + 1, coded, 0);
	}
	if (d)
		closedir(d);
	return total;
}

static uint64_t input_size(const char *const *paths, size_t n, int coded)
{
	uint64_t total = 0;
	struct stat sb;
	if (n == 0)
		return fstat(0, &sb) == 0 && S_ISREG(sb.st_mode) ? (uint64_t)sb.st_size : 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(paths[i], "-") == 0) {
			if (fstat(0, &sb) != 0 || !S_ISREG(sb.st_mode))
				return 0;
			total += (uint64_t)sb.st_size;
		} else {
			total += tree_bytes(paths[i], 0, coded, 1);
		}
	}
	return total;
}

/* ---- the whole run ---- */

lw_status lw_store_ingest(lw_store *s, const lw_kb *kb, const lw_ingest_options *opt,
			  const char *const *paths, size_t npaths, lw_ingest_progress *out,
			  lw_error *err)
{
	lw_ingest_options defaults;
	if (!opt) {
		lw_ingest_options_init(&defaults);
		opt = &defaults;
	}
	if (!s || s->readonly)
		return lw_store_fail(err, LW_EARG, s ? s->path : "", "the store is not writable");
	if (!kb && !opt->coded)
		return lw_store_fail(err, LW_EARG, s->path, "coding needs a knowledge base");
	struct pipe p;
	memset(&p, 0, sizeof p);
	lw_ingest_options o = *opt;
	if (!o.batch_docs)
		o.batch_docs = LW_STORE_BATCH_DOCS;
	if (!o.batch_ms)
		o.batch_ms = LW_STORE_BATCH_MS;
	size_t threads = o.threads;
	if (threads == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n > 0 ? (size_t)n : 1;
	}
	if (threads > INGEST_MAX_THREADS)
		threads = INGEST_MAX_THREADS;
	p.s = s;
	p.kb = kb;
	p.opt = &o;
	p.max_doc = o.code.max_doc_bytes ? o.code.max_doc_bytes : LW_DEFAULT_MAX_DOC_BYTES;
	p.paths = paths;
	p.npaths = npaths;
	p.cap = threads * INGEST_JOBS_PER_THREAD;
	p.ring = calloc(p.cap, sizeof *p.ring);
	struct worker *workers = calloc(threads, sizeof *workers);
	pthread_t *tids = calloc(threads, sizeof *tids);
	if (!p.ring || !workers || !tids) {
		free(p.ring);
		free(workers);
		free(tids);
		return lw_store_fail(err, LW_ENOMEM, s->path, "out of memory");
	}
	if (o.progress)
		p.prog.total_bytes = input_size(paths, npaths, o.coded);
	clock_gettime(CLOCK_MONOTONIC, &p.t0);
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv_space, &ca);
	pthread_cond_init(&p.cv_work, &ca);
	pthread_cond_init(&p.cv_done, &ca);
	pthread_condattr_destroy(&ca);

	pthread_t reader;
	size_t started = 0;
	int reader_ok = pthread_create(&reader, NULL, reader_main, &p) == 0;
	for (size_t i = 0; reader_ok && i < threads; i++) {
		workers[i].p = &p;
		if (pthread_create(&tids[i], NULL, worker_main, &workers[i]) != 0)
			break;
		started++;
	}
	lw_status st = LW_OK;
	if (!reader_ok || started == 0)
		st = lw_store_fail(err, LW_ENOMEM, s->path, "cannot start threads");
	else
		st = writer_loop(&p, err);

	pthread_mutex_lock(&p.mu);
	if (st != LW_OK)
		p.abort = 1;
	pthread_cond_broadcast(&p.cv_space);
	pthread_cond_broadcast(&p.cv_work);
	pthread_mutex_unlock(&p.mu);
	if (reader_ok)
		pthread_join(reader, NULL);
	for (size_t i = 0; i < started; i++) {
		pthread_join(tids[i], NULL);
		p.prog.worker_cpu += workers[i].cpu;
	}
	for (uint64_t q = p.next_write; q < p.next_read; q++)
		job_clear(&p.ring[q % p.cap]);
	progress(&p, 1);
	if (out)
		*out = p.prog;
	for (size_t i = 0; i < p.nfiles; i++)
		free(p.files[i]);
	free(p.files);
	free(p.ring);
	free(workers);
	free(tids);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv_space);
	pthread_cond_destroy(&p.cv_work);
	pthread_cond_destroy(&p.cv_done);
	return st;
}
