/*
 * sound.h: a place name's key by its sound, for the spellings that
 * transliteration gives one name ("Sukkar" and "Sukkur", "Faislabad" and
 * "Faisalabad", "Jaccobabad" and "Jacobabad", "Chapainawabganj" and
 * "Chapai Nawabganj").
 */
#ifndef LW_SOUND_H
#define LW_SOUND_H

#include <stddef.h>
#include <stdint.h>

/* Fewest letters a key must keep to be looked up: shorter keys ("Bannu",
 * "bn") name too many places. */
#define LW_SOUND_MIN 3
/* Fewest letters of a name that is matched by its sound: "Stark" is not
 * "Starke", "Kotla" not "Kotli". */
#define LW_SOUND_MIN_NAME 6
/* ... and of one matched where the story's country is unknown, among the
 * places of every country */
#define LW_SOUND_MIN_ANYWHERE 8

/*
 * The key of a folded name p[0, n) (lower-case ASCII letters as
 * lw_fold_unit makes them; other bytes, spaces and hyphens are passed
 * over): the first letter (any vowel as 'a'), then the consonants but h, w
 * and y, with c and q as k and runs of one letter as one. Its hash, and in
 * *letters the letters kept (0: no key).
 */
uint64_t lw_sound_key(const char *p, size_t n, size_t *letters);

/*
 * Are two folded names one name spelled two ways? Their letters (as
 * lw_sound_key reads them) differ by at most one edit (a letter put in,
 * left out or changed) for every four letters of the shorter, which has at
 * least LW_SOUND_MIN_NAME letters, and by at most `most` edits. Keys alike
 * are not enough: "Chattar" and "Kotri" have one.
 */
int lw_sound_close(const char *a, size_t an, const char *b, size_t bn, size_t most);

#endif
