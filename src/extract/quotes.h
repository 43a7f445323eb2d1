/*
 * quotes.h: the quote stage's result before export (quotes.c).
 */
#ifndef LW_QUOTES_H
#define LW_QUOTES_H

#include "extract.h"

struct lw_quote_rec {
	uint32_t first, end;     /* content tokens */
	uint32_t start, stop;    /* content bytes */
	int has_speaker;
	uint32_t sp_first, sp_end; /* speaker tokens */
	int32_t ent;             /* entity index, or -1 */
	lw_span desc;            /* description, or 0,0 */
	uint32_t cue_first, cue_end;
	int pronoun;
	float confidence;
};

struct lw_quotes {
	struct lw_quote_rec *q;
	size_t n;
};

/* Find the quotes and their speakers. */
lw_status lw_extract_quotes(struct lw_extract *x, struct lw_quotes *out);

/* Pronoun speakers become mentions of the people they resolve to. */
lw_status lw_quote_mentions(struct lw_extract *x, const struct lw_quotes *q);

/* The public quote array (after lw_export_entities: speakers link to
 * public entity ids). */
lw_status lw_export_quotes(struct lw_extract *x, const struct lw_quotes *q, lw_quote **out,
			   size_t *n);

#endif
