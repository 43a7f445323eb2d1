/*
 * input_copy.c: see input_copy.h.
 */
#include "input_copy.h"

#include <stdlib.h>
#include <string.h>

int lw_input_copy(const lw_input *in, lw_input *copy, char **buf, size_t *bytes)
{
	enum { NSTR = 7 };
	const char *src[NSTR] = {in->text,   in->id,  in->date,   in->title,
				 in->source, in->url, in->country};
	size_t len[NSTR] = {in->text_len,   in->id_len,  in->date_len,   in->title_len,
			    in->source_len, in->url_len, in->country_len};
	size_t total = NSTR;
	for (int i = 0; i < NSTR; i++)
		total += src[i] ? len[i] : 0;
	char *b = malloc(total);
	if (!b)
		return -1;
	const char *dst[NSTR];
	size_t at = 0;
	for (int i = 0; i < NSTR; i++) {
		dst[i] = NULL;
		if (!src[i])
			continue;
		memcpy(b + at, src[i], len[i]);
		b[at + len[i]] = 0;
		dst[i] = b + at;
		at += len[i] + 1;
	}
	*copy = *in;
	copy->text = dst[0], copy->id = dst[1], copy->date = dst[2];
	copy->title = dst[3], copy->source = dst[4], copy->url = dst[5];
	copy->country = dst[6];
	*buf = b;
	*bytes = total;
	return 0;
}
