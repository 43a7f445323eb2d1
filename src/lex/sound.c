/*
 * sound.c: a place name's key by its sound. See sound.h.
 *
 * Soundex and its successors (Metaphone, NYSIIS) code English surnames:
 * they keep the letters whose sounds English spelling varies least. Our
 * names come to English through transliteration from Urdu, Pashto,
 * Arabic, Bengali..., whose writers differ mostly in vowels ("Sukkur",
 * "Sukkar"; "Mastung", "Mustung"), in doubled letters ("Jacobabad",
 * "Jaccobabad"), in an h that marks aspiration or nothing ("Kandhkot",
 * "Khandkot"), in w and y between vowels ("Bahawalpur", "Bahwalpur") and
 * in word breaks ("Ambedkar Nagar", "Ambedkarnagar"). No Debian library
 * codes that (libtext-soundex-perl is Perl, and English); the rule is a
 * few lines.
 */
#include "sound.h"

#include <xxhash.h>

/* Longest name, in letters, that is keyed and compared. */
#define SOUND_MAX 64

uint64_t lw_sound_key(const char *p, size_t n, size_t *letters)
{
	char key[SOUND_MAX];
	size_t k = 0;
	for (size_t i = 0; i < n && k < sizeof key; i++) {
		char c = p[i];
		if (c < 'a' || c > 'z')
			continue; /* spaces, hyphens, digits, what folding left */
		if (c == 'c' || c == 'q')
			c = 'k';
		int vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
		if (k == 0) {
			key[k++] = vowel ? 'a' : c; /* "Uruzgan", "Oruzgan" */
			continue;
		}
		if (vowel || c == 'h' || c == 'w')
			continue;
		if (key[k - 1] != c)
			key[k++] = c;
	}
	*letters = k;
	return k ? XXH64(key, k, 0) : 0;
}

/* The letters of p[0, n) into out (SOUND_MAX); their count, or 0 if there
 * are more. */
static size_t letters_of(const char *p, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < 'a' || p[i] > 'z')
			continue;
		if (k == SOUND_MAX)
			return 0;
		out[k++] = p[i];
	}
	return k;
}

int lw_sound_close(const char *a, size_t an, const char *b, size_t bn, size_t most)
{
	char x[SOUND_MAX], y[SOUND_MAX];
	size_t nx = letters_of(a, an, x), ny = letters_of(b, bn, y);
	size_t shorter = nx < ny ? nx : ny;
	if (shorter < LW_SOUND_MIN_NAME)
		return 0;
	if (shorter / 4 < most)
		most = shorter / 4;
	size_t gap = nx > ny ? nx - ny : ny - nx;
	if (gap > most)
		return 0;
	/* Levenshtein's distance, one row at a time */
	unsigned row[SOUND_MAX + 1];
	for (size_t j = 0; j <= ny; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= nx; i++) {
		unsigned diag = row[0], best = row[0] = (unsigned)i;
		for (size_t j = 1; j <= ny; j++) {
			unsigned up = row[j];
			unsigned d = diag + (x[i - 1] != y[j - 1]);
			if (up + 1 < d)
				d = up + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			diag = up;
			if (d < best)
				best = d;
		}
		if (best > most)
			return 0; /* every path is already too long */
	}
	return row[ny] <= most;
}
