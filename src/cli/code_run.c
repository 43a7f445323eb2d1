/*
 * code_run.c: the loop of `lapwing code`, on one thread or several.
 *
 * With several, one thread reads the documents, `jobs` workers code them
 * and the calling thread writes them out in input order. What goes to
 * standard output and to standard error is byte for byte what one thread
 * writes (architecture.md: deterministic whatever the thread count): each
 * document's messages (the reader's warning, its error) travel with it
 * and are printed when it is written.
 *
 * Documents are handed over one at a time through a ring of slots, not in
 * batches: a batch would hold back the documents of a slow stream
 * (`tail -f feed.jsonl | lapwing code`) until it filled. The handover's
 * locking costs about a microsecond a document, which codes in about a
 * hundred.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "../io/input_copy.h"
#include "../io/write_json.h"
#include "../util/buf.h"
#include "../util/deadline.h"

/* Slots per worker: enough that a worker never waits for the reader while
 * a long document holds up the writer, and that the writer (woken once a
 * quarter of the ring is done) and the reader (once half of it is free)
 * seldom wake: 16 slots a worker cost 4,400 context switches on 18 MB of
 * news, 64 cost 970, and 2% of the time. */
#define SLOTS_PER_JOB 64
/* Input bytes the ring holds before the reader waits: a bound on memory
 * when documents are large (it may exceed it by one document). */
#define RING_BYTES ((size_t)64 << 20)
/* How long the writer waits for the next document before it writes what
 * it holds: a slow stream's documents go out while it is quiet. */
#define WRITER_WAIT_MS 20

/* What the reader says of the document lw_reader_next just gave (st, err):
 * its error, or a warning, appended to msgs. 1 if there is a document. */
static int read_note(lw_reader *r, lw_status st, const lw_error *err, struct lw_buf *msgs)
{
	if (st != LW_OK) {
		format_input_error(msgs, "lapwing code", err);
		return 0;
	}
	const char *warn = lw_reader_warning(r);
	if (warn) {
		const char *file;
		long line;
		lw_reader_where(r, &file, &line);
		lw_buf_addf(msgs, "lapwing code: %s:%ld: warning: %s\n", file, line, warn);
	}
	return 1;
}

/* Code one document read from file at line: its JSON to json, an error to
 * msgs. 1 if coded, 0 if it failed, -1 if its JSON could not be made. */
static int code_doc(const lw_kb *kb, const lw_options *opt, unsigned flags, const lw_input *in,
		    const char *file, long line, struct lw_buf *json, struct lw_buf *msgs)
{
	lw_doc *doc;
	lw_error err;
	if (lw_code(kb, opt, in, &doc, &err) != LW_OK) {
		snprintf(err.doc, sizeof err.doc, "%s", file);
		err.line = line;
		format_input_error(msgs, "lapwing code", &err);
		return 0;
	}
	lw_status st = lw_doc_json_append(doc, flags, json);
	lw_doc_free(doc);
	return st == LW_OK ? 1 : -1;
}

/* out's bytes to standard output, all of them (a short write continues);
 * 0, or -1 with errno set. out is emptied either way. */
static int flush_out(struct lw_buf *out)
{
	const char *p = out->ptr;
	size_t n = out->len;
	out->len = 0;
	while (n > 0) {
		ssize_t k = write(STDOUT_FILENO, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = EIO;
			return -1;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static void print_msgs(struct lw_buf *msgs)
{
	if (msgs->len)
		fwrite(msgs->ptr, 1, msgs->len, stderr);
	msgs->len = 0;
}

/* run_one's output, written while the input is quiet (lw_reader_on_wait):
 * the first failure's errno is kept for the loop to report, and the reader
 * stops (it would wait for input that may never come). */
struct held_out {
	struct lw_buf *out;
	int err;
};

static int write_while_quiet(void *ctx)
{
	struct held_out *h = ctx;
	if (h->out->len && !h->err && flush_out(h->out) != 0)
		h->err = errno;
	return h->err != 0; /* a failed output: read no more */
}

/* One thread: read, code, write. */
static int run_one(const lw_kb *kb, const lw_options *opt, lw_reader *r, unsigned flags,
		   size_t block, struct lw_buf *out, size_t *coded, size_t *failed)
{
	struct lw_buf msgs = LW_BUF_INIT;
	int rc = 0;
	struct held_out held = {out, 0};
	lw_reader_on_wait(r, write_while_quiet, &held);
	for (;;) {
		lw_input in;
		lw_error err;
		lw_status st = lw_reader_next(r, &in, &err);
		if (held.err) {
			errno = held.err;
			rc = -1;
			break;
		}
		if (st == LW_DONE)
			break;
		int have = read_note(r, st, &err, &msgs);
		print_msgs(&msgs);
		if (!have) {
			(*failed)++;
			continue;
		}
		const char *file;
		long line;
		lw_reader_where(r, &file, &line);
		int done = code_doc(kb, opt, flags, &in, file, line, out, &msgs);
		print_msgs(&msgs);
		if (done < 0) {
			errno = ENOMEM;
			rc = -1;
			break;
		}
		*(done ? coded : failed) += 1;
		if (out->len >= block && flush_out(out) != 0) {
			rc = -1;
			break;
		}
	}
	lw_reader_on_wait(r, NULL, NULL); /* held is going */
	lw_buf_release(&msgs);
	return rc;
}

enum slot_state { SLOT_FREE, SLOT_READ, SLOT_CODING, SLOT_DONE };

struct slot {
	enum slot_state state;
	uint64_t seq;        /* its document's place in the input */
	lw_input in;         /* its strings in buf */
	char *buf;
	size_t bytes;        /* input bytes held, for RING_BYTES */
	char file[256];      /* where it was read, for its error */
	long line;
	int result;          /* code_doc's; 0 also for a document not read */
	struct lw_buf json;  /* its output */
	struct lw_buf msgs;  /* what it says on standard error */
};

struct ring {
	const lw_kb *kb;
	const lw_options *opt;
	unsigned flags;
	lw_reader *r;
	struct slot *slot;
	size_t cap;
	pthread_mutex_t mu;
	pthread_cond_t cv_space, cv_work, cv_done;
	uint64_t nread;    /* documents the reader has put in slots */
	uint64_t ncode;    /* the next one a worker may take */
	uint64_t nwritten; /* the next one the writer takes */
	uint64_t want;     /* the one whose end wakes the waiting writer */
	size_t held;       /* input bytes in slots */
	unsigned idle;     /* workers waiting for work */
	int reader_waits, writer_waits, eof, stop;
	int reader_done; /* the reader has returned, or will not touch r again */
};

/* The reader's wait, with the lock held, for the slot of the next document
 * to be free and the ring to hold under RING_BYTES; 0 if it must stop. */
static int wait_space(struct ring *g)
{
	struct slot *s = &g->slot[g->nread % g->cap];
	while (!g->stop && (s->state != SLOT_FREE || g->held >= RING_BYTES)) {
		g->reader_waits = 1;
		pthread_cond_wait(&g->cv_space, &g->mu);
	}
	g->reader_waits = 0;
	return !g->stop;
}

/* The reader fills the free slot it waited for, then publishes it and
 * waits for the next in one hold of the lock. It may be cancelled only
 * while it waits for input (see stop_reader). */
static void *reader_main(void *arg)
{
	struct ring *g = arg;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
	pthread_mutex_lock(&g->mu);
	int go = wait_space(g);
	pthread_mutex_unlock(&g->mu);
	while (go) {
		lw_input in;
		lw_error err;
		pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
		lw_status st = lw_reader_next(g->r, &in, &err);
		pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
		if (st == LW_DONE)
			break;
		/* the slot is the reader's until it is published */
		struct slot *s = &g->slot[g->nread % g->cap];
		s->seq = g->nread;
		s->bytes = 0;
		s->result = 0;
		enum slot_state state = SLOT_DONE;
		if (read_note(g->r, st, &err, &s->msgs)) {
			const char *file;
			lw_reader_where(g->r, &file, &s->line);
			snprintf(s->file, sizeof s->file, "%s", file);
			if (lw_input_copy(&in, &s->in, &s->buf, &s->bytes) == 0) {
				state = SLOT_READ;
			} else {
				lw_buf_addf(&s->msgs, "lapwing code: %s:%ld: %s\n", s->file, s->line,
					    lw_strerror(LW_ENOMEM));
			}
		}
		pthread_mutex_lock(&g->mu);
		s->state = state;
		g->held += s->bytes;
		g->nread++;
		if (state == SLOT_READ && g->idle)
			pthread_cond_signal(&g->cv_work);
		if (state == SLOT_DONE && g->writer_waits && s->seq == g->want)
			pthread_cond_signal(&g->cv_done);
		go = wait_space(g);
		pthread_mutex_unlock(&g->mu);
	}
	pthread_mutex_lock(&g->mu);
	g->eof = 1;
	g->reader_done = 1;
	pthread_cond_broadcast(&g->cv_work);
	pthread_cond_broadcast(&g->cv_done);
	pthread_mutex_unlock(&g->mu);
	return NULL;
}

static void *worker_main(void *arg)
{
	struct ring *g = arg;
	pthread_mutex_lock(&g->mu);
	for (;;) {
		/* past the documents that failed to be read (their slots may
		 * be written and taken by a later document already) */
		while (g->ncode < g->nread && !(g->slot[g->ncode % g->cap].state == SLOT_READ &&
						g->slot[g->ncode % g->cap].seq == g->ncode))
			g->ncode++;
		if (g->stop || (g->eof && g->ncode >= g->nread))
			break;
		if (g->ncode >= g->nread) {
			g->idle++;
			pthread_cond_wait(&g->cv_work, &g->mu);
			g->idle--;
			continue;
		}
		struct slot *s = &g->slot[g->ncode++ % g->cap];
		s->state = SLOT_CODING;
		pthread_mutex_unlock(&g->mu);
		s->result = code_doc(g->kb, g->opt, g->flags, &s->in, s->file, s->line, &s->json,
				     &s->msgs);
		pthread_mutex_lock(&g->mu);
		s->state = SLOT_DONE;
		if (g->writer_waits && s->seq == g->want)
			pthread_cond_signal(&g->cv_done);
	}
	pthread_mutex_unlock(&g->mu);
	return NULL;
}

/* The writer's wait for the next document in order: the number of
 * documents done from it on (written in a run, freed under one lock), 0
 * when there are no more (or the output failed: *err is then its errno). */
static size_t wait_run(struct ring *g, struct lw_buf *out, int *err)
{
	struct slot *s = &g->slot[g->nwritten % g->cap];
	int flushed = 0;
	pthread_mutex_lock(&g->mu);
	while (!*err && !g->stop && !(g->nwritten < g->nread && s->state == SLOT_DONE)) {
		if (g->eof && g->nwritten >= g->nread)
			break;
		/* wake on the end of the last document not yet done among the
		 * next few read: the writer then writes a run of documents, not
		 * one per wake (a wake per document cost more than coding on
		 * two cores). On a slow stream the few are the one or two read. */
		uint64_t hi = g->nwritten + g->cap / 4 - 1;
		if (hi >= g->nread)
			hi = g->nread > g->nwritten ? g->nread - 1 : g->nwritten;
		while (hi > g->nwritten && g->slot[hi % g->cap].state == SLOT_DONE)
			hi--;
		g->want = hi;
		g->writer_waits = 1;
		if (flushed || out->len == 0) {
			pthread_cond_wait(&g->cv_done, &g->mu);
			continue;
		}
		struct timespec until = lw_deadline(CLOCK_REALTIME, WRITER_WAIT_MS);
		if (pthread_cond_timedwait(&g->cv_done, &g->mu, &until) == ETIMEDOUT) {
			pthread_mutex_unlock(&g->mu);
			if (flush_out(out) != 0)
				*err = errno ? errno : EIO;
			flushed = 1;
			pthread_mutex_lock(&g->mu);
		}
	}
	g->writer_waits = 0;
	size_t run = 0;
	if (!*err && !g->stop)
		while (g->nwritten + run < g->nread &&
		       g->slot[(g->nwritten + run) % g->cap].state == SLOT_DONE)
			run++;
	pthread_mutex_unlock(&g->mu);
	return run;
}

static void ring_stop(struct ring *g)
{
	pthread_mutex_lock(&g->mu);
	g->stop = 1;
	pthread_cond_broadcast(&g->cv_space);
	pthread_cond_broadcast(&g->cv_work);
	pthread_mutex_unlock(&g->mu);
}

/* After a stop, the reader ends at its next document. One that waits for
 * more of a stream that never comes (`tail -f feed | lapwing code` with the
 * output gone) is cancelled after a second: where it waited, it leaves r
 * as it found it or not at all, so r is then left alone (1 returned, and
 * the caller must not free it: the process is about to end, and a leak
 * checker reports the reader as lost). */
static int stop_reader(struct ring *g, pthread_t reader)
{
	struct timespec until = lw_deadline(CLOCK_REALTIME, 1000);
	pthread_mutex_lock(&g->mu);
	while (!g->reader_done)
		if (pthread_cond_timedwait(&g->cv_done, &g->mu, &until) == ETIMEDOUT)
			break;
	int cancel = !g->reader_done;
	pthread_mutex_unlock(&g->mu);
	if (cancel)
		pthread_cancel(reader);
	pthread_join(reader, NULL);
	return cancel;
}

static int run_ring(const lw_kb *kb, const lw_options *opt, lw_reader *r, unsigned flags,
		    unsigned jobs, size_t block, struct lw_buf *out, size_t *coded,
		    size_t *failed, int *abandoned)
{
	struct ring g;
	memset(&g, 0, sizeof g);
	g.kb = kb, g.opt = opt, g.flags = flags, g.r = r;
	g.cap = (size_t)jobs * SLOTS_PER_JOB;
	g.slot = calloc(g.cap, sizeof *g.slot);
	pthread_t *worker = calloc(jobs, sizeof *worker);
	pthread_t reader;
	unsigned started = 0;
	int reader_up = 0, err = 0;
	if (!g.slot || !worker) {
		err = ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < g.cap; i++)
		g.slot[i].json = g.slot[i].msgs = (struct lw_buf)LW_BUF_INIT;
	pthread_mutex_init(&g.mu, NULL);
	pthread_cond_init(&g.cv_space, NULL);
	pthread_cond_init(&g.cv_work, NULL);
	pthread_cond_init(&g.cv_done, NULL);
	reader_up = pthread_create(&reader, NULL, reader_main, &g) == 0;
	for (; reader_up && started < jobs; started++)
		if (pthread_create(&worker[started], NULL, worker_main, &g) != 0)
			break;
	if (!reader_up || started == 0)
		err = EAGAIN;
	while (!err) {
		size_t run = wait_run(&g, out, &err), bytes = 0;
		if (!run)
			break;
		for (size_t i = 0; i < run; i++) {
			struct slot *s = &g.slot[(g.nwritten + i) % g.cap];
			print_msgs(&s->msgs);
			if (s->result >= 0 && !err) {
				*(s->result ? coded : failed) += 1;
				lw_buf_add(out, s->json.ptr, s->json.len);
			}
			if (s->result < 0 || out->failed)
				err = ENOMEM;
			s->json.len = 0;
			free(s->buf);
			s->buf = NULL;
			bytes += s->bytes;
		}
		pthread_mutex_lock(&g.mu);
		for (size_t i = 0; i < run; i++)
			g.slot[(g.nwritten + i) % g.cap].state = SLOT_FREE;
		g.held -= bytes;
		g.nwritten += run;
		/* the waiting reader is woken once half the ring is free */
		if (g.reader_waits && (g.nread - g.nwritten <= g.cap / 2 || g.held < RING_BYTES / 2))
			pthread_cond_signal(&g.cv_space);
		pthread_mutex_unlock(&g.mu);
		if (!err && out->len >= block && flush_out(out) != 0)
			err = errno ? errno : EIO;
	}
	if (err)
		ring_stop(&g);
	for (unsigned i = 0; i < started; i++)
		pthread_join(worker[i], NULL);
	if (reader_up && stop_reader(&g, reader))
		*abandoned = 1;
	pthread_cond_destroy(&g.cv_done);
	pthread_cond_destroy(&g.cv_work);
	pthread_cond_destroy(&g.cv_space);
	pthread_mutex_destroy(&g.mu);
done:
	if (g.slot)
		for (size_t i = 0; i < g.cap; i++) {
			free(g.slot[i].buf);
			lw_buf_release(&g.slot[i].json);
			lw_buf_release(&g.slot[i].msgs);
		}
	free(g.slot);
	free(worker);
	if (!err)
		return 0;
	errno = err;
	return -1;
}

int code_run(const lw_kb *kb, const lw_options *opt, lw_reader *r, unsigned flags, unsigned jobs,
	     size_t block, size_t *coded, size_t *failed, int *abandoned)
{
	struct lw_buf out = LW_BUF_INIT;
	*abandoned = 0;
	int rc = jobs <= 1 ? run_one(kb, opt, r, flags, block, &out, coded, failed)
			   : run_ring(kb, opt, r, flags, jobs, block, &out, coded, failed,
				      abandoned);
	/* the documents before a failure still go out; the error reported
	 * is the first one */
	int saved = errno;
	if (flush_out(&out) != 0 && rc == 0)
		rc = -1, saved = errno;
	lw_buf_release(&out);
	errno = saved;
	return rc;
}
