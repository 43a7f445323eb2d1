/*
 * write_json.h: the contract JSON writer's way for programs that gather
 * many documents' output before writing it (lapwing code). Not API: the
 * public way is lw_doc_write_json, which this shares its writer with.
 */
#ifndef LW_WRITE_JSON_H
#define LW_WRITE_JSON_H

#include "lapwing.h"
#include "../util/buf.h"

/*
 * Append the document's JSON line to out, bytes as lw_doc_write_json
 * passes to its callback. Written in place, so that a caller that writes
 * out whole blocks copies nothing per document. On failure (LW_ENOMEM)
 * out's length is what it was before the call; out->failed may stay set.
 */
lw_status lw_doc_json_append(const lw_doc *doc, unsigned flags, struct lw_buf *out);

#endif
