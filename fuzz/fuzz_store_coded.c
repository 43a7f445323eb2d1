/*
 * fuzz_store_coded.c: libFuzzer target for `lapwing ingest --coded`: the
 * contract record parser (src/store/coded.c) on any bytes and, for each
 * record it accepts, the writer and the JSON Lines export on an empty
 * in-memory store (cleared after every input, so that each input is
 * judged on its own).
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "../src/store/store.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static lw_store *store;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	lw_error err;
	(void)argc;
	(void)argv;
	if (lw_store_open(":memory:", LW_STORE_CREATE, &store, &err) != LW_OK) {
		fprintf(stderr, "fuzz: cannot make a store: %s\n", err.message);
		abort();
	}
	return 0;
}

static void warn(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lw_store_rec r;
	lw_error err;
	lw_put_result res;
	/* a small size limit reaches the out-of-range paths of text-less
	 * records without making large texts */
	if (lw_rec_from_json(&r, (const char *)data, size, 1 << 16, warn, NULL, &err) != LW_OK)
		return 0;
	if (lw_rec_pack(&r) == LW_OK && lw_store_begin(store, &err) == LW_OK) {
		if (lw_store_write(store, &r, 0, &res, &err) == LW_OK && lw_store_commit(store, &err) == LW_OK)
			lw_store_export(store, NULL, LW_OUT_JSONL, LW_EXPORT_TEXT, NULL, discard, NULL, &err);
		else
			lw_store_commit(store, &err);
	}
	lw_rec_release(&r);
	sqlite3_exec(store->db,
		     "DELETE FROM event_rows; DELETE FROM labels; DELETE FROM documents;"
		     "INSERT INTO documents_fts(documents_fts) VALUES('delete-all');",
		     NULL, NULL, NULL);
	return 0;
}
