/*
 * jsonl.h: one JSON Lines record: {"id","text","date","title","source",
 * "url", ...}. See jsonl.c.
 */
#ifndef LW_JSONL_H
#define LW_JSONL_H

#include <stddef.h>

#include "../util/buf.h"

enum lw_jsonl_field {
	LW_JSONL_ID,
	LW_JSONL_TEXT,
	LW_JSONL_DATE,
	LW_JSONL_TITLE,
	LW_JSONL_SOURCE,
	LW_JSONL_URL,
	LW_JSONL_COUNTRY,
	LW_JSONL_NFIELDS
};

enum lw_jsonl_kind {
	LW_JSONL_ABSENT,
	LW_JSONL_STRING, /* decoded string */
	LW_JSONL_NUMBER, /* the number as written */
	LW_JSONL_NULL,
	LW_JSONL_OTHER   /* true/false/array/object, as written */
};

struct lw_jsonl_record {
	struct lw_buf scratch; /* decoded values, each NUL-terminated; reused */
	struct {
		enum lw_jsonl_kind kind;
		size_t off, len; /* in scratch */
	} field[LW_JSONL_NFIELDS];
};

/*
 * Parse one line. Returns 0, or -1 with a message in errbuf and the byte
 * offset of the problem in *err_offset. Field values point into
 * rec->scratch until the next call.
 */
int lw_jsonl_parse(const char *line, size_t len, struct lw_jsonl_record *rec, char *errbuf,
		   size_t errsize, size_t *err_offset);
void lw_jsonl_release(struct lw_jsonl_record *rec);

static inline const char *lw_jsonl_value(const struct lw_jsonl_record *rec,
					 enum lw_jsonl_field f)
{
	return rec->scratch.ptr + rec->field[f].off;
}

#endif
