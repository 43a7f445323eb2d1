/*
 * utf8.h: character classes and case over UTF-8 bytes, without the C
 * library's locale (<ctype.h> on raw bytes would depend on it). ASCII is
 * handled inline; other letters go through utf8proc's tables.
 */
#ifndef LW_UTF8_H
#define LW_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Case flags (LW_TF_CAP, LW_TF_UPPER, LW_TF_LOWER, LW_TF_NONASCII) of a word. */
unsigned lw_word_case(const unsigned char *p, size_t n);

/* ASCII case-insensitive comparison of n bytes of p with the string s
 * (s must have at least n bytes). Returns 0 when equal. */
int lw_ascii_casecmp(const unsigned char *p, const char *s, size_t n);

/* Whether text holds a word of name, ASCII case aside ("TTP militants"
 * holds none of "Tehrik-i-Taliban Pakistan"'s). Words are runs of ASCII
 * letters and digits and of characters beyond ASCII but general
 * punctuation; the "s" of a possessive is not one. */
int lw_shares_word(const char *name, size_t name_len, const char *text, size_t text_len);

/* Decode one code point at p (at most n bytes). Returns its length (1 for
 * an invalid byte, with *cp = 0xFFFD). */
size_t lw_utf8_decode(const unsigned char *p, size_t n, int32_t *cp);

/* Is [p, p+n) valid UTF-8? Returns the offset of the first invalid byte,
 * or n when valid. */
size_t lw_utf8_check(const unsigned char *p, size_t n);

/*
 * Fold a word for matching into out (capacity cap): lower case, diacritics
 * removed, typographic apostrophes and hyphens dropped ("Nīnawá" ->
 * "ninawa", "Tehrik-i" -> "tehriki" is NOT done: hyphens are kept as word
 * boundaries by the caller). Returns the folded length, or 0 when the
 * result does not fit.
 */
size_t lw_fold(const unsigned char *p, size_t n, char *out, size_t cap);

static inline int lw_is_ascii_alpha(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}
static inline int lw_is_ascii_digit(unsigned char c)
{
	return (unsigned char)(c - '0') < 10;
}
static inline unsigned char lw_ascii_lower(unsigned char c)
{
	return (unsigned char)(c - 'A') < 26 ? (unsigned char)(c | 0x20) : c;
}

#endif
