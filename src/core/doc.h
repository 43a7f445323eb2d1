/*
 * doc.h: the layout of a document result (lw_doc) and the per-document
 * context the extraction stages share. Internal.
 */
#ifndef LW_DOC_H
#define LW_DOC_H

#include "lapwing.h"
#include "../text/text.h"
#include "../util/arena.h"
#include "../extract/extract.h"

struct lw_doc {
	struct lw_arena arena; /* everything below points into it */
	lw_str id, title, source, url;
	const char *text;      /* NUL-terminated copy of the input text */
	size_t len;
	struct lw_text t;
	struct lw_extract x;
	lw_date date;
	lw_date_origin date_origin;
	lw_str country_given;  /* lw_input.country, else lw_options.country */
	char country[4];       /* its alpha-3 code, "" none */
	lw_entity *ent;
	size_t nent;
	lw_quote *quote;
	size_t nquote;
	lw_event *ev;
	size_t nev;
};

#endif
