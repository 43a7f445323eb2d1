/*
 * wordset.h: an immutable set of short strings (abbreviations, sentence
 * starters, stop words). Built once, then read by any number of threads.
 */
#ifndef LW_WORDSET_H
#define LW_WORDSET_H

#include <stddef.h>
#include <stdint.h>

struct lw_wordset;

/* Build from n strings (copied). Returns NULL when out of memory. */
struct lw_wordset *lw_wordset_new(const char *const *words, const size_t *lens, size_t n);
void lw_wordset_free(struct lw_wordset *ws);
/* Exact (case-sensitive) membership. NULL set: never a member. */
int lw_wordset_has(const struct lw_wordset *ws, const char *w, size_t n);
/* Membership of the ASCII-lower-cased word (the set holds lower case). */
int lw_wordset_has_lower(const struct lw_wordset *ws, const char *w, size_t n);
/* Exact membership of w[0, n) whose lw_hash_unit (hash.h) is known, as a
 * unit's key and hash are (units.h): no hash taken again. */
int lw_wordset_has_hashed(const struct lw_wordset *ws, const char *w, size_t n, uint32_t hash);
size_t lw_wordset_size(const struct lw_wordset *ws);

/* Serialise into a self-contained, 4-byte aligned image (for the compiled
 * knowledge base); lw_wordset_view reads one back without copying. */
struct lw_buf;
void lw_wordset_serialize(const struct lw_wordset *ws, struct lw_buf *out);
/* A set over an image of `size` bytes at p (which must stay mapped).
 * Returns NULL when the image is malformed. Free the view with
 * lw_wordset_free (the image is not freed). */
struct lw_wordset *lw_wordset_view(const void *p, size_t size);

#endif
