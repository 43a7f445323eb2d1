/* check_text.h: the invariants every text analysis must satisfy. */
#ifndef LW_CHECK_TEXT_H
#define LW_CHECK_TEXT_H

#include "lapwing.h"

/* Check the structure of a result: tokens ordered, within the text, never
 * overlapping; the bytes between tokens are white space only (nothing
 * dropped); sentences partition the tokens; paragraphs partition the
 * sentences. Failures go to the harness. */
void check_text_invariants(const lw_doc *doc);

/* Code a buffer with the test knowledge base, text stage only. */
lw_doc *code_text(const char *text, size_t len, unsigned stages);

#endif
