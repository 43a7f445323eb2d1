/*
 * fuzz_kb_base.h: a small, complete set of dictionaries written to a
 * temporary directory, for the knowledge-base fuzz targets.
 */
#ifndef LW_FUZZ_KB_BASE_H
#define LW_FUZZ_KB_BASE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Each file holds a line or two of every kind the compiler reads. */
static const struct {
	const char *path, *text;
} base[] = {
	{"lexicon/abbreviations.txt", "Mr | title\nGen | title\n"},
	{"lexicon/sentence-starters.txt", "a\nthe\n"},
	{"places/countries.txt", "AFG | Afghan; Afghans | -\nPAK | Pakistani; Pakistanis | -\n"},
	{"lexicon/titles.txt", "Mr. | honorific\n"},
	{"lexicon/org-heads.txt", "Union | tail | LAB\nMinistry | tail | GOV\nLashkar | head\n"},
	{"lexicon/place-heads.txt",
	 "province | after | admin1\ndistrict | after | admin2\nroad | after | route\n"},
	{"lexicon/cues.txt", "say | verb\naccording to | phrase\n"},
	{"lexicon/numbers.txt", "two | 2 | false\nseveral | 3 | true\n"},
	{"lexicon/approx.txt", "about | approx\n"},
	{"lexicon/given-names.txt", "Zabihullah\n"},
	{"lexicon/surname-particles.txt", "al\n"},
	{"lexicon/not-names.txt", "Monday\n"},
	{"actors/roles.txt", "soldiers; soldier | MIL | group\nmilitants; militant | REB | group\n"
			     "spokesman | GOV | title\n"},
	{"actors/groups.txt", "Taliban | ORG | AFGREB until 2021-08-14; AFGGOV from 2021-08-15 | "
			      "Afghan Taliban\nTehrik-i-Taliban Pakistan | ORG | PAKREB | TTP\n"},
	{"places/towns.txt", "Kunduz | admin1 | AFG | Kunduz | - | 36.7289 68.8570 | Kondoz\n"
			     "Kabul | city | AFG | Kabul | Kabul | 34.5281 69.1723 | -\n"
			     "Jalalabad | city | AFG | Kabul | Kabul | 34.4265 70.4515 | -\n"},
	{"events/triggers.txt", "kill | verb | ASSAULT | - | 190 | dead;passive-target\n"
				"detain | verb | COERCE | arrest | 173 | arrested;passive-target\n"},
	{"events/casualties.txt", "killed | dead | after\ndetained | arrested | after\n"},
	{"events/acled.txt", "ASSAULT | * | * | Battles | Armed clash\n"},
	{"places/capitals.txt", "AFG | Kabul | -\nPAK | Islamabad | -\n"},
};
#define NFILES (sizeof base / sizeof *base)

static char dir[64];

static void put(const char *rel, const void *p, size_t n)
{
	char path[160];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(p, 1, n, f);
	fclose(f);
}

/* Make the directory and write every base file. */
static void base_init(void)
{
	snprintf(dir, sizeof dir, "/tmp/lwfuzz-kb-XXXXXX");
	if (!mkdtemp(dir))
		abort();
	static const char *const subs[] = {"lexicon", "places", "actors", "events"};
	for (size_t i = 0; i < 4; i++) {
		char p[128];
		snprintf(p, sizeof p, "%s/%s", dir, subs[i]);
		mkdir(p, 0700);
	}
	for (size_t i = 0; i < NFILES; i++)
		put(base[i].path, base[i].text, strlen(base[i].text));
}

static void quiet(void *ctx, const char *file, long line, int error, const char *msg)
{
	(void)ctx;
	(void)file;
	(void)line;
	(void)error;
	(void)msg;
}

static int discard(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	(void)p;
	(void)n;
	return 0;
}

/* Code a sentence with kb and write its JSON: the tables must hold up. */
static void code_sample(const lw_kb *kb)
{
	/* "Jallalabad": a place found by its sound (the kb's SOUNDS) */
	static const char text[] = "KABUL, Afghanistan (Jan. 5) - Militants killed two soldiers "
				   "in Kunduz, a spokesman said: \"We will fight.\" Soldiers searched "
				   "Jallalabad district and detained two men in the Afghan capital.";
	lw_input in;
	memset(&in, 0, sizeof in);
	in.text = text;
	in.text_len = sizeof text - 1;
	lw_options opt;
	lw_options_init(&opt);
	lw_doc *doc;
	lw_error err;
	if (lw_code(kb, &opt, &in, &doc, &err) == LW_OK) {
		lw_doc_write_json(doc, 0, discard, NULL);
		lw_doc_free(doc);
	}
}

#endif
