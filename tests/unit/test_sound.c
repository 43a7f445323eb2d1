/*
 * test_sound.c: a place name's key by its sound and the closeness of two
 * spellings (sound.c). Names as transliteration spells them two ways, and
 * names that share consonants but are other places.
 */
#include <string.h>

#include "harness.h"
#include "lex/sound.h"

static uint64_t key(const char *s, size_t *letters)
{
	return lw_sound_key(s, strlen(s), letters);
}

static int close_(const char *a, const char *b, size_t most)
{
	return lw_sound_close(a, strlen(a), b, strlen(b), most);
}

/* Spellings of one name have one key. */
static void one_key_for_spellings(void)
{
	static const char *const pairs[][2] = {
		{"sukkur", "sukkar"},
		{"jacobabad", "jaccobabad"},
		{"kandhkot", "khandkot"},
		{"bahawalpur", "bahwalpur"},
		{"uruzgan", "oruzgan"},
		{"ambedkar nagar", "ambedkarnagar"},
		{"qila abdullah", "kila abdullah"},
		{"datta khel", "dattakhel"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		size_t la, lb;
		uint64_t a = key(pairs[i][0], &la), b = key(pairs[i][1], &lb);
		if (a != b || la != lb)
			lw_check_fail(__FILE__, __LINE__, "'%s' and '%s' have two keys", pairs[i][0],
				      pairs[i][1]);
	}
}

/* What the key keeps: the first letter, consonants but h, w, y, runs as
 * one; no letters, no key. */
static void what_the_key_keeps(void)
{
	size_t n;
	key("sukkur", &n);
	CHECK_INT(n, 3); /* s k r */
	key("ibrahim", &n);
	CHECK_INT(n, 4); /* a b r m */
	uint64_t a = key("ibrahim", &n), b = key("ebrahim", &n);
	CHECK(a == b);
	CHECK_INT(key("", &n), 0);
	CHECK_INT(n, 0);
	CHECK_INT(key("-- 42 ''", &n), 0);
	CHECK_INT(n, 0);
	a = key("kotri", &n);
	b = key("multan", &n);
	CHECK(a != b);
	/* a name longer than the key holds is cut, not overrun */
	char longname[300];
	memset(longname, 'b', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	for (size_t i = 1; i + 1 < sizeof longname; i += 2)
		longname[i] = (char)('c' + i % 20);
	key(longname, &n);
	CHECK(n > 0 && n <= 64);
}

/* Close: an edit for every four letters of the shorter, which has six. */
static void closeness(void)
{
	CHECK(close_("sukkar", "sukkur", SIZE_MAX));
	CHECK(close_("faislabad", "faisalabad", SIZE_MAX));
	CHECK(close_("khandkot", "kandhkot", SIZE_MAX));    /* two edits of 8 */
	CHECK(close_("mirpurkhas", "mirpur khas", SIZE_MAX)); /* spaces are no letters */
	/* one key, other places */
	CHECK(!close_("chattar", "kotri", SIZE_MAX));
	CHECK(!close_("saddar", "sodhri", SIZE_MAX));
	/* too short to tell */
	CHECK(!close_("stark", "starke", SIZE_MAX));
	CHECK(!close_("kotla", "kotli", SIZE_MAX));
	/* at most `most` edits */
	CHECK(!close_("khandkot", "kandhkot", 1));
	CHECK(close_("jaccobabad", "jacobabad", 1));
	CHECK(close_("jacobabad", "jacobabad", 0));
	CHECK(!close_("jaccobabad", "jacobabad", 0));
	/* names longer than 64 letters are not compared */
	char a[80], b[80];
	memset(a, 'k', sizeof a - 1);
	a[sizeof a - 1] = 0;
	memcpy(b, a, sizeof b);
	CHECK(!close_(a, b, SIZE_MAX));
}

LW_TESTS(sound_tests) = {
	{"sound/one_key_for_spellings", one_key_for_spellings},
	{"sound/what_the_key_keeps", what_the_key_keeps},
	{"sound/closeness", closeness},
	LW_END_TESTS,
};
