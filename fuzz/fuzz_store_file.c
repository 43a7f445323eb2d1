/*
 * fuzz_store_file.c: libFuzzer target for a damaged store file. A user's
 * database is input too: a disk fills, a copy is cut short, a file is
 * edited by hand. Every reader (stats, the three exports, search) and the
 * writer must answer such a file with an error, never a crash, a leak or
 * a hang.
 *
 * Set-up codes a few texts written for this target into a fresh store and
 * keeps the file's bytes. Each input is a list of patches to those bytes,
 * four bytes each (three of offset, taken modulo the file size, and the
 * new value): random bytes over a whole file would rarely get past
 * SQLite's header check, while patches to a valid file reach the pages of
 * every table and index, the labels, the deflated JSON columns and the
 * schema version. The input after the last whole patch cuts the file
 * short (its first byte, if any, scaled to the file size).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char base_path[64], work_path[80];
static unsigned char *image;
static size_t image_len;
static lw_doc *replacement; /* the writer's put: coded once */

/* Texts written for this target: enough entities, quotes and events for
 * every table and for JSON columns long enough to be deflated. */
static const char *const texts[] = {
	"KABUL, Afghanistan (March 3, 2014) - Afghan police detained two suspected "
	"insurgents in Arghandab district, Kandahar province, yesterday. \"We will not "
	"let them hide among the villagers,\" said Mohammad Nabi Karimi, a spokesman for "
	"the provincial governor. Taliban fighters later attacked a checkpoint near "
	"Spin Boldak, killing three policemen and wounding four civilians.",
	"ISLAMABAD - Hundreds of teachers protested outside the Peshawar Press Club on "
	"Monday, demanding higher pay. The police arrested twelve of them. The Pakistani "
	"Foreign Ministry condemned a drone strike in North Waziristan that killed "
	"about 20 people, including women and children, on Sunday.",
	"A car bomb exploded in a market in Mogadishu on Friday, killing at least 15 "
	"people. Al-Shabaab said it carried out the attack. \"The attack shows their "
	"weakness,\" the mayor told reporters."};

static void remove_work(void)
{
	char p[96];
	unlink(work_path);
	snprintf(p, sizeof p, "%s-wal", work_path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", work_path);
	unlink(p);
	snprintf(p, sizeof p, "%s-journal", work_path);
	unlink(p);
}

static void fail(const char *what, const lw_error *err)
{
	fprintf(stderr, "fuzz: %s: %s\n", what, err ? err->message : "");
	abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_load_kb();
	/* in memory where the machine has it: a file per input */
	const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(base_path, sizeof base_path, "%s/lw-fuzz-store-%ld.db", dir, (long)getpid());
	snprintf(work_path, sizeof work_path, "%s.work", base_path);
	unlink(base_path);
	lw_store *s;
	lw_error err;
	if (lw_store_open(base_path, LW_STORE_CREATE, &s, &err) != LW_OK)
		fail("cannot make a store", &err);
	if (lw_store_begin(s, &err) != LW_OK)
		fail("begin", &err);
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		char id[16];
		snprintf(id, sizeof id, "doc-%zu", i);
		lw_input in;
		memset(&in, 0, sizeof in);
		in.id = id;
		in.id_len = strlen(id);
		in.text = texts[i];
		in.text_len = strlen(texts[i]);
		lw_options opt;
		lw_options_init(&opt);
		opt.date = "2014-03-04";
		lw_doc *doc;
		lw_put_result res;
		if (lw_code(fuzz_kb, &opt, &in, &doc, &err) != LW_OK)
			fail("code", &err);
		if (lw_store_put_doc(s, doc, 0, &res, &err) != LW_OK)
			fail("put", &err);
		lw_doc_free(doc);
	}
	if (lw_store_commit(s, &err) != LW_OK)
		fail("commit", &err);
	lw_store_close(s);
	FILE *f = fopen(base_path, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0)
		fail("cannot read the store back", NULL);
	long n = ftell(f);
	rewind(f);
	image = malloc((size_t)n);
	if (n <= 0 || !image || fread(image, 1, (size_t)n, f) != (size_t)n)
		fail("cannot read the store back", NULL);
	image_len = (size_t)n;
	fclose(f);
	unlink(base_path);
	lw_input in;
	memset(&in, 0, sizeof in);
	in.id = "doc-1";
	in.id_len = 5;
	in.text = texts[2];
	in.text_len = strlen(texts[2]);
	lw_options opt;
	lw_options_init(&opt);
	if (lw_code(fuzz_kb, &opt, &in, &replacement, &err) != LW_OK)
		fail("code", &err);
	return 0;
}

static void read_all(lw_store *s)
{
	lw_error err;
	lw_event_query q;
	memset(&q, 0, sizeof q);
	q.by[q.nby++] = "type";
	q.by[q.nby++] = "source";
	q.by[q.nby++] = "year";
	lw_store_stats(s, &q, LW_OUT_TABLE, discard, NULL, &err);
	lw_store_export(s, fuzz_kb, LW_OUT_JSONL, LW_EXPORT_TEXT, NULL, discard, NULL, &err);
	lw_store_export(s, fuzz_kb, LW_OUT_CSV, 0, NULL, discard, NULL, &err);
	lw_store_export(s, fuzz_kb, LW_OUT_ACLED, 0, NULL, discard, NULL, &err);
	lw_search_options so;
	memset(&so, 0, sizeof so);
	so.query = "attack OR \"police\"";
	so.format = LW_OUT_JSON;
	lw_store_search(s, &so, discard, NULL, &err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *img = malloc(image_len);
	if (!img)
		return 0;
	memcpy(img, image, image_len);
	size_t i = 0;
	for (; i + 4 <= size; i += 4) {
		size_t off = ((size_t)data[i] << 16 | (size_t)data[i + 1] << 8 | data[i + 2]) % image_len;
		img[off] = data[i + 3];
	}
	size_t len = image_len;
	if (i < size)
		len = image_len * data[i] / 256; /* cut short */
	remove_work();
	FILE *f = fopen(work_path, "wb");
	if (!f || fwrite(img, 1, len, f) != len)
		fail("cannot write the damaged store", NULL);
	fclose(f);
	free(img);

	lw_store *s;
	lw_error err;
	if (lw_store_open(work_path, LW_STORE_READONLY, &s, &err) == LW_OK) {
		read_all(s);
		lw_store_close(s);
	}
	/* the writer: a put (which replaces a stored document) and a read */
	if (lw_store_open(work_path, 0, &s, &err) == LW_OK) {
		lw_put_result res;
		if (lw_store_begin(s, &err) == LW_OK) {
			lw_store_put_doc(s, replacement, 0, &res, &err);
			lw_store_commit(s, &err);
		}
		read_all(s);
		lw_store_close(s);
	}
	remove_work();
	return 0;
}
