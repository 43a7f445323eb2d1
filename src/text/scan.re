/*
 * scan.re: the tokenizer. re2c turns this file into build/gen/scan.c
 * (`make` runs `re2c -W --no-generation-date`); edit this file, never the
 * generated one.
 *
 * It reads bytes, not characters: every token is a byte range of the
 * original text, and a byte that is not valid UTF-8 becomes an INVALID
 * token of its own, so broken input can never shift an offset. Whitespace
 * is not a token; it sets flags on the token that follows (space, line
 * break, paragraph break).
 *
 * Kept whole: numbers ("1,200", "3.5", "1990s", "’80s"), initialisms
 * ("U.S.", "a.m."), hyphenated and apostrophised words ("Tehrik-i-Taliban",
 * "ur-Rehman", "don't"), URLs, e-mail addresses and domain names. Split:
 * a possessive 's ("Pakistan" + "'s"), and words glued by lost punctuation
 * ("martyredTahir" -> "martyred" + "Tahir", "everywheresaid" ->
 * "everywhere" + "said"), and words joined by a no-break space that was
 * decoded wrongly ("forÊDawn": emit_word). Known abbreviations take
 * their full stop
 * ("Gen.", "Jan."): the lexicon says which.
 *
 * It does not decide sentences, quotes or names; see sentences.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "../lex/wordset.h"
#include "../util/arena.h"
#include "utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* For the plain-word loop, called once a run from the scanner's loop (a
 * call a run cost about a tenth of what the loop takes for its words),
 * and for the full stop after a run, the end of most sentences. */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

struct scanner {
	struct lw_arena *a;
	const unsigned char *base;
	lw_token *tok;
	size_t n, cap;
	unsigned pending;  /* LW_TF_*_BEFORE flags for the next token */
	int newlines;      /* line breaks since the last token */
	const struct lw_text_lexicon *lex;
	int oom;
	/* the marks (see lw_scan_marked): indexes of the tokens that are line
	 * starts, terminal marks, abbreviations or quotation marks, ascending
	 * and each once; the later passes visit these instead of every token */
	uint32_t *mark;
	size_t nmark, capmark;
};

/* Note token i (pushed or about to be) as a mark. */
static inline void note(struct scanner *s, size_t i)
{
	if (s->nmark && s->mark[s->nmark - 1] == i)
		return;
	if (s->nmark == s->capmark) {
		size_t cap = s->capmark ? s->capmark * 2 : 64;
		uint32_t *m = realloc(s->mark, cap * sizeof *m);
		if (!m) {
			s->oom = 1;
			return;
		}
		s->mark = m;
		s->capmark = cap;
	}
	s->mark[s->nmark++] = (uint32_t)i;
}

/* Room for one more token; 0 when out of memory (s->oom is set). */
static int grow(struct scanner *s)
{
	/* on the heap, not in the arena: realloc of a large block remaps
	 * pages instead of copying, which keeps huge inputs linear */
	size_t cap = s->cap ? s->cap * 2 : 256;
	lw_token *t = realloc(s->tok, cap * sizeof *t);
	if (!t) {
		s->oom = 1;
		return 0;
	}
	s->tok = t;
	s->cap = cap;
	return 1;
}

static inline lw_token *push(struct scanner *s, size_t start, size_t end, int kind, unsigned flags)
{
	if (s->n == s->cap && !grow(s))
		return NULL;
	lw_token *t = &s->tok[s->n++];
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->kind = (uint16_t)kind;
	t->flags = (uint16_t)(flags | s->pending);
	s->pending = 0;
	s->newlines = 0;
	return t;
}

static void space(struct scanner *s)
{
	s->pending |= LW_TF_SPACE_BEFORE;
}

static void newline(struct scanner *s)
{
	s->pending |= LW_TF_SPACE_BEFORE | LW_TF_NEWLINE_BEFORE;
	note(s, s->n);
	if (++s->newlines >= 2)
		s->pending |= LW_TF_PARA_BEFORE;
}

static void para(struct scanner *s)
{
	s->pending |= LW_TF_SPACE_BEFORE | LW_TF_NEWLINE_BEFORE | LW_TF_PARA_BEFORE;
	note(s, s->n);
}

static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_ascii_letter(unsigned char c) { return is_lower(c | 0x20); }
static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

/* English words that end in "said" and are not a word glued to "said". */
static int said_word(const unsigned char *p, size_t n)
{
	static const char *const words[] = {"aforesaid", "unsaid", "gainsaid", "foresaid"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (n == strlen(words[i]) && lw_ascii_casecmp(p, words[i], n) == 0)
			return 1;
	return 0;
}

/* Pronouns whose 's is "is"/"has"/"us", not a possessive. */
static int contraction_base(const unsigned char *p, size_t n)
{
	static const char *const words[] = {"it", "he", "she", "that", "there", "here", "what",
					    "who", "where", "how", "let", "when", "why"};
	if (n < 2 || n > 5) /* the lengths of the words: most bases are longer */
		return 0;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (n == strlen(words[i]) && lw_ascii_casecmp(p, words[i], n) == 0)
			return 1;
	return 0;
}

/* Length of a trailing possessive ('s, ’s, ʼs) of the word, 0 if none. */
static size_t possessive_len(const unsigned char *p, size_t n)
{
	if (n >= 3 && (p[n - 1] == 's' || p[n - 1] == 'S') && p[n - 2] == '\'')
		return 2;
	if (n >= 5 && (p[n - 1] == 's' || p[n - 1] == 'S') && p[n - 4] == 0xE2 &&
	    p[n - 3] == 0x80 && p[n - 2] == 0x99)
		return 4;
	if (n >= 4 && (p[n - 1] == 's' || p[n - 1] == 'S') && p[n - 3] == 0xCA &&
	    p[n - 2] == 0xBC)
		return 3;
	return 0;
}

/* LW_TF_HYPHEN / LW_TF_APOS for a word's inner marks. */
static unsigned inner_marks(const unsigned char *p, size_t n)
{
	unsigned f = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '-')
			f |= LW_TF_HYPHEN;
		else if (p[i] == '\'')
			f |= LW_TF_APOS;
		else if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80) {
			if (p[i + 2] == 0x90 || p[i + 2] == 0x91)
				f |= LW_TF_HYPHEN;
			else if (p[i + 2] == 0x99)
				f |= LW_TF_APOS;
		} else if (p[i] == 0xCA && i + 1 < n && p[i + 1] == 0xBC) {
			f |= LW_TF_APOS;
		}
	}
	return f;
}

/* `extra` is 0 or LW_TF_REPAIRED. The possessive's marks are those of the
 * word before it: the 's adds an apostrophe and no hyphen, so the word's
 * marks are read once, over the part that is pushed. */
static void emit_word_part(struct scanner *s, size_t start, size_t end, unsigned extra)
{
	const unsigned char *p = s->base + start;
	size_t n = end - start;
	size_t pl = possessive_len(p, n);
	if (pl && !contraction_base(p, n - pl)) {
		unsigned f = lw_word_case(p, n - pl);
		push(s, start, end - pl, LW_TOK_WORD, f | extra | inner_marks(p, n - pl));
		push(s, end - pl, end, LW_TOK_WORD, LW_TF_POSSESSIVE | LW_TF_LOWER);
		return;
	}
	push(s, start, end, LW_TOK_WORD, lw_word_case(p, n) | extra | inner_marks(p, n));
}

/* The case flags of an ASCII word from its letters: counts of capitals
 * and small letters, and which came first (1 small, 2 capital), as
 * lw_word_case gives them for ASCII. */
static unsigned ascii_case(unsigned upper, unsigned lower, unsigned first)
{
	unsigned f = 0;
	if (first == 2)
		f |= LW_TF_CAP;
	if (upper >= 2 && lower == 0)
		f |= LW_TF_UPPER;
	if (upper == 0)
		f |= LW_TF_LOWER;
	return f;
}

/*
 * A word as scanned. Repairs text damaged by lost punctuation: a
 * lower-case run of 3+ letters followed by a capitalised name
 * ("martyredTahir") is two words; so is a word glued to "said"
 * ("everywheresaid", "Muslimssaid"). Names written that way on purpose
 * ("McDonald", "YouTube", "iPhone", "eBay") start with a capital or have a
 * prefix of one letter, and stay whole.
 *
 * One pass over an ASCII word finds its case and any glued name; words
 * with other letters go through lw_word_case.
 */
static void emit_word(struct scanner *s, size_t start, size_t end)
{
	const unsigned char *p = s->base + start;
	size_t n = end - start, i = 0, glue = 0;
	unsigned upper = 0, lower = 0, first = 0, other = 0, apos = 0;
	for (; i < n; i++) {
		unsigned char c = p[i];
		if ((unsigned char)(c - 'a') < 26) {
			lower++;
			if (!first)
				first = 1;
		} else if ((unsigned char)(c - 'A') < 26) {
			upper++;
			if (!first)
				first = 2;
			if (!glue && upper == 1 && lower >= 3 && lower == i && i + 1 < n && is_lower(p[i + 1]))
				glue = i;
		} else if (c >= 0x80) {
			/* "forÊDawn", "aÊsit-in": "Ê" between two ASCII
			 * letters is a no-break space that went through the wrong
			 * decoder (MacRoman's 0xCA read as Latin-1, a common
			 * damage in scraped text; no English word has it there):
			 * a space, in no token */
			if (c == 0xC3 && i > 0 && i + 2 < n && p[i + 1] == 0x8A &&
			    is_ascii_letter(p[i - 1]) && is_ascii_letter(p[i + 2])) {
				emit_word(s, start, start + i);
				space(s);
				emit_word(s, start + i + 2, end);
				return;
			}
			other = 1;
			break;
		} else if (c == '\'') {
			other |= 2;
			apos++;
		} else if (c == '-') {
			other |= 2;
			other |= 4;
		}
	}
	if (glue) {
		emit_word_part(s, start, start + glue, 0);
		emit_word_part(s, start + glue, end, LW_TF_REPAIRED);
		return;
	}
	if (n >= 7 && p[n - 4] == 's' && memcmp(p + n - 4, "said", 4) == 0 && !(other & 1) &&
	    !(other & 2) && !said_word(p, n)) {
		emit_word_part(s, start, end - 4, 0);
		emit_word_part(s, end - 4, end, LW_TF_REPAIRED);
		return;
	}
	if (other & 1) {
		emit_word_part(s, start, end, 0); /* non-ASCII */
		return;
	}
	/* ASCII, maybe with apostrophes and hyphens ("Tehrik-i-Taliban",
	 * "don't", "Pakistan's"): the loop above has counted what
	 * emit_word_part would count again */
	unsigned marks = (other & 4 ? LW_TF_HYPHEN : 0) | (apos ? LW_TF_APOS : 0);
	if (n >= 3 && (p[n - 1] | 0x20) == 's' && p[n - 2] == '\'' && !contraction_base(p, n - 2)) {
		/* the possessive: its s is no letter of the word before it */
		unsigned su = p[n - 1] == 'S';
		marks = (marks & ~(unsigned)LW_TF_APOS) | (apos >= 2 ? LW_TF_APOS : 0);
		push(s, start, end - 2, LW_TOK_WORD, ascii_case(upper - su, lower - !su, first) | marks);
		push(s, end - 2, end, LW_TOK_WORD, LW_TF_POSSESSIVE | LW_TF_LOWER);
		return;
	}
	push(s, start, end, LW_TOK_WORD, ascii_case(upper, lower, first) | marks);
}

/*
 * A full stop right after a word: "Gen." and "Jan." keep it when the
 * lexicon knows them, and so does a single capital ("J." in "J. Smith").
 */
static ALWAYS_INLINE void emit_dot(struct scanner *s, size_t start, size_t end)
{
	if (s->pending == 0 && s->n > 0) {
		lw_token *prev = &s->tok[s->n - 1];
		if (prev->kind == LW_TOK_WORD && prev->end == start &&
		    !(prev->flags & LW_TF_POSSESSIVE)) {
			const char *w = (const char *)s->base + prev->start;
			size_t wn = prev->end - prev->start;
			int abbr = (wn == 1 && is_upper((unsigned char)w[0]));
			if (!abbr && s->lex && lw_abbrev_maybe(s->lex, w, wn))
				abbr = lw_wordset_has(s->lex->abbrev_title, w, wn) ||
				       lw_wordset_has(s->lex->abbrev_other, w, wn);
			if (abbr) {
				prev->end = (uint32_t)end;
				prev->kind = LW_TOK_ABBREV;
				note(s, s->n - 1);
				return;
			}
		}
	}
	note(s, s->n);
	push(s, start, end, LW_TOK_TERM, 0);
}

static void emit_quote(struct scanner *s, size_t start, size_t end, unsigned flags)
{
	note(s, s->n);
	push(s, start, end, LW_TOK_QUOTE, flags);
}

/* The end of a number the rule matched at [start, end): a group of three
 * digits after a comma is a thousands group only where no digit follows
 * it ("May 31,2011" is 31 and 2011, not 31,201 and 1). */
static const unsigned char *number_end(const unsigned char *start, const unsigned char *end,
				       const unsigned char *lim)
{
	if (end >= lim || *end < '0' || *end > '9')
		return end;
	for (const unsigned char *p = start; p < end; p++)
		if (*p == ',')
			return p;
	return end;
}

static void emit_number(struct scanner *s, size_t start, size_t end)
{
	const unsigned char *p = s->base + start;
	unsigned f = LW_TF_DIGIT;
	int letters = 0;
	for (size_t i = 0; i < end - start; i++) {
		if (p[i] == '-')
			f |= LW_TF_HYPHEN;
		else if (is_lower(p[i]) || is_upper(p[i]))
			letters = 1;
	}
	/* "22-year-old", "2010-09-CA-005": words with digits */
	if (letters && (f & LW_TF_HYPHEN))
		push(s, start, end, LW_TOK_WORD, f | lw_word_case(p, end - start));
	else
		push(s, start, end, LW_TOK_NUMBER, f);
}

/* Trailing punctuation is not part of a URL ("see http://x.org/a."). */
static size_t url_end(const unsigned char *p, size_t start, size_t end)
{
	int depth = 0;
	for (size_t i = start; i < end; i++)
		depth += p[i] == '(' ? 1 : p[i] == ')' ? -1 : 0;
	while (end > start + 1) {
		unsigned char c = p[end - 1];
		if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
		    c == '\'' || c == '"') {
			end--;
		} else if (c == ')' && depth < 0) {
			depth++;
			end--;
		} else {
			break;
		}
	}
	return end;
}

/*
 * Byte classes for plain words, read before the re2c machine: most tokens
 * are runs of ASCII letters, and taking them with a table costs a fraction
 * of the machine's compares per byte. W_STOP marks the bytes no rule that
 * starts with a letter can take next (ASCII but letters, digits and
 * . - ' @ % + _ :, which go on into initials, hyphenated words, e-mail
 * addresses, URLs and domains), so a run of letters before one is a whole
 * token; before any other byte the machine decides. Bytes from 0x80 are 0
 * (but 0xE2, see W_AFTER_DOT).
 *
 * W_DOT is the full stop; W_AFTER_DOT the bytes after which a full stop
 * that follows a run of letters is a token of its own, the rule "." below
 * ("said." before a space, a line break, the end, a quotation mark; 0xE2
 * leads ” ’ and the other marks of U+2000-U+20FF, none a letter): no
 * initial ("U.S."), domain, e-mail address, URL ("www./") or longer run
 * of marks ("..", ".?") goes on over them.
 */
/* The classes of the letters are the flags of the words they start
 * (plain_words stores them as they are). */
enum {
	W_STOP = 1, W_DOT = 2, W_AFTER_DOT = 4,
	W_UPPER = LW_TF_CAP, W_LOWER = LW_TF_LOWER
};
#define S W_STOP
#define SA (W_STOP | W_AFTER_DOT)
#define D W_DOT
#define A W_AFTER_DOT
#define L W_LOWER
#define U W_UPPER
static const unsigned char wclass[256] = {
	SA,  S,  S,  S,  S,  S,  S,  S,  S,  S, SA,  S,  S, SA,  S,  S,
	 S,  S,  S,  S,  S,  S,  S,  S,  S,  S,  S,  S,  S,  S,  S,  S,
	SA,  S, SA,  S,  S,  0,  S,  0,  S,  S,  S,  0,  S,  0,  D,  S,
	 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  S,  S,  S,  S,  S,
	 0,  U,  U,  U,  U,  U,  U,  U,  U,  U,  U,  U,  U,  U,  U,  U,
	 U,  U,  U,  U,  U,  U,  U,  U,  U,  U,  U,  S,  S,  S,  S,  0,
	 S,  L,  L,  L,  L,  L,  L,  L,  L,  L,  L,  L,  L,  L,  L,  L,
	 L,  L,  L,  L,  L,  L,  L,  L,  L,  L,  L,  S,  S,  S,  S,  S,
	[0xE2] = A,
};
#undef S
#undef SA
#undef D
#undef A
#undef L
#undef U

/*
 * The end of the run of ASCII lower-case letters at q (lim holds the NUL
 * that ends the text and stops it; lim16 is the last q with q[0..15]
 * readable, or the start of the text when there is none). With SSE2,
 * sixteen bytes at a time: adding 0x80 - 'a' takes the letters, and them
 * only, to the signed bytes -128 to -103, and the first byte above them is
 * the end. Elsewhere, where a word is known to be read as little-endian,
 * eight bytes at a time: a byte's top bit says whether it is no such
 * letter, and the lowest bit set says where the run ends.
 */
static inline const unsigned char *skip_lower(const unsigned char *q, const unsigned char *lim,
					      const unsigned char *lim16)
{
#ifdef __SSE2__
	const __m128i shift = _mm_set1_epi8((char)(0x80 - 'a')), last = _mm_set1_epi8(-128 + 25);
	while (q <= lim16) {
		__m128i x = _mm_add_epi8(_mm_loadu_si128((const __m128i *)(const void *)q), shift);
		unsigned other = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(x, last));
		if (other)
			return q + (unsigned)__builtin_ctz(other);
		q += 16;
	}
	(void)lim; /* the last bytes one by one, below */
#elif defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	(void)lim16;
	const uint64_t ones = 0x0101010101010101ULL, high = ones << 7;
	while (lim - q >= 7) { /* q[0..7] are readable */
		uint64_t x, low;
		memcpy(&x, q, 8);
		low = x & ~high;
		uint64_t other = (~(low + ones * (0x80 - 'a')) | (low + ones * (0x80 - 'z' - 1)) | x) &
				 high;
		if (other)
			return q + (__builtin_ctzll(other) >> 3);
		q += 8;
	}
#else
	(void)lim, (void)lim16;
#endif
	while (wclass[*q] == W_LOWER)
		q++;
	return q;
}

/*
 * A run of plain words at p ("the", "Kabul"): each a lower-case word or a
 * capitalised one, pushed as the rules [a-z]+ and [A-Z][a-z]* below would
 * push it, with the single spaces between them and the commas after them
 * ("Kabul, the"). Returns where the machine reads next (s->pending holds
 * the flags for it): the first letter of a word that goes on into
 * something else (a hyphen, a digit, "U.S.", "McDonald") or that this
 * loop leaves to the machine (a glued "said", a full token array), or
 * the byte after the run (a full stop, a line break, a quotation mark).
 *
 * The outer loop could take one word a turn; this loop calls nothing, so
 * that the next free token and the pending flags stay in registers over
 * a run (news text runs about four words between other tokens), where
 * the scanner's struct must go through memory. p[n] is readable up to the
 * NUL that ends the text, which stops every run.
 */
static ALWAYS_INLINE const unsigned char *plain_words(struct scanner *s, const unsigned char *p,
						       const unsigned char *lim)
{
	const unsigned char *base = s->base;
	const unsigned char *lim16 = lim - base >= 15 ? lim - 15 : base;
	lw_token *at = s->tok + s->n, *const end = s->tok + s->cap;
	unsigned pend = s->pending, c = wclass[*p];
	for (;;) {
		const unsigned char *q = skip_lower(p + 1, lim, lim16);
		unsigned k = wclass[*q];
		if (!(k & W_STOP) && !((k & W_DOT) && (wclass[q[1]] & W_AFTER_DOT)))
			break; /* the machine reads the word at p */
		/* only a glued "said" splits a word of one case after its first
		 * letter (a glued name needs a capital inside): emit_word's */
		if (at == end || (q - p >= 7 && memcmp(q - 4, "said", 4) == 0))
			break;
		*at++ = (lw_token){(uint32_t)(p - base), (uint32_t)(q - base), LW_TOK_WORD,
				   (uint16_t)(c | pend)}; /* c is LW_TF_LOWER or LW_TF_CAP */
		pend = 0;
		p = q;
		if (*q != ' ') {
			if (*q != ',' || at == end)
				break;
			*at++ = (lw_token){(uint32_t)(q - base), (uint32_t)(q + 1 - base), LW_TOK_PUNCT, 0};
			p = ++q;
			if (*q != ' ')
				break;
		}
		pend = LW_TF_SPACE_BEFORE; /* as ws+ would take it */
		p = q + 1;
		c = wclass[*p];
		if (!(c & (W_LOWER | W_UPPER)))
			break;
	}
	if (at != s->tok + s->n) {
		s->n = (size_t)(at - s->tok);
		s->newlines = 0;
	}
	s->pending = pend;
	return p;
}

/*!re2c
	re2c:api:style = free-form;
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = cur;
	re2c:define:YYMARKER = mar;
	re2c:define:YYLIMIT = lim;
	re2c:yyfill:enable = 0;
	re2c:eof = 0;

	// spaces: tab, VT, FF, other controls, NBSP, U+2000-200A, U+202F,
	// U+205F, U+3000; zero-width space, joiners, word joiner and the BOM
	// separate words too
	ws = [ \t\v\f\x01-\x08\x0E-\x1F\x7F]
	   | "\xC2\xA0" | "\xE2\x80"[\x80-\x8D\xAF] | "\xE2\x81\x9F" | "\xE2\x81\xA0"
	   | "\xE3\x80\x80" | "\xEF\xBB\xBF";
	// line breaks: LF, CR, CRLF, NEL (U+0085), LS (U+2028)
	nl = "\r\n" | "\n" | "\r" | "\xC2\x85" | "\xE2\x80\xA8";
	// paragraph separator U+2029
	ps = "\xE2\x80\xA9";

	// letters: ASCII, Latin-1 letters (not the signs x and ÷), Latin
	// extended, IPA, combining marks, Greek, Cyrillic, Armenian, Hebrew,
	// Arabic, Syriac, Thaana, NKo (2 bytes); Indic, Thai, Georgian, Hangul,
	// Latin Extended Additional, CJK, presentation forms, fullwidth
	// letters (3 bytes); other planes but the emoji block (4 bytes)
	l1 = "\xC3"[\x80-\x96\x98-\xB6\xB8-\xBF];
	l2 = [\xC4-\xC9][\x80-\xBF] | "\xCA"[\x80-\xBB\xBD-\xBF] | [\xCB-\xDF][\x80-\xBF];
	l3 = "\xE0"[\xA0-\xBF][\x80-\xBF] | "\xE1"[\x80-\xBF][\x80-\xBF]
	   | "\xE3"[\x81-\xBF][\x80-\xBF] | [\xE4-\xEC][\x80-\xBF][\x80-\xBF]
	   | "\xED"[\x80-\x9F][\x80-\xBF] | "\xEF"[\xA4-\xBB][\x80-\xBF] | "\xEF\xBC"[\xA1-\xBA] | "\xEF\xBD"[\x81-\x9A];
	l4 = "\xF0"[\x90-\x9E][\x80-\xBF][\x80-\xBF] | "\xF0"[\xA0-\xBF][\x80-\xBF][\x80-\xBF]
	   | [\xF1-\xF3][\x80-\xBF][\x80-\xBF][\x80-\xBF] | "\xF4"[\x80-\x8F][\x80-\xBF][\x80-\xBF];
	letter = [a-zA-Z] | l1 | l2 | l3 | l4;
	soft = "\xC2\xAD"; // soft hyphen, invisible inside a word
	digit = [0-9];
	wch = letter | digit | soft;
	apos = "'" | "\xE2\x80\x99" | "\xCA\xBC";
	hyph = "-" | "\xE2\x80\x90" | "\xE2\x80\x91";

	// any other valid UTF-8 sequence (symbols, punctuation, emoji)
	u2 = [\xC2-\xDF][\x80-\xBF];
	u3 = "\xE0"[\xA0-\xBF][\x80-\xBF] | [\xE1-\xEC\xEE\xEF][\x80-\xBF][\x80-\xBF]
	   | "\xED"[\x80-\x9F][\x80-\xBF];
	u4 = "\xF0"[\x90-\xBF][\x80-\xBF][\x80-\xBF] | [\xF1-\xF3][\x80-\xBF][\x80-\xBF][\x80-\xBF]
	   | "\xF4"[\x80-\x8F][\x80-\xBF][\x80-\xBF];

	word = letter wch* ((hyph | apos) wch+)*;
	initials = letter "." (letter ".")+;
	num = digit+ ("," digit digit digit)* ("." digit+)? | "." digit+;
	number = (num ("s" | "st" | "nd" | "rd" | "th" | "%")?)
	       | apos digit digit "s"
	       | digit digit digit digit "-" digit digit "-" digit digit;
	numword = num (hyph wch+)+ | initials hyph wch+ ((hyph | apos) wch+)*;

	urlch = [A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%];
	url = ("http" "s"? "://" | "www.") urlch+;
	email = [A-Za-z0-9._%+\-]+ "@" [A-Za-z0-9\-]+ ("." [A-Za-z0-9\-]+)+;
	tld = "com" | "org" | "net" | "gov" | "edu" | "mil" | "int" | "info" | "io";
	domain = [a-z0-9\-]+ ("." [a-z0-9\-]+)* "." tld;
*/

lw_status lw_scan(struct lw_arena *a, const char *p, size_t len,
		  const struct lw_text_lexicon *lex, lw_token **out, size_t *n)
{
	return lw_scan_marked(a, p, len, lex, out, n, NULL, NULL);
}

lw_status lw_scan_marked(struct lw_arena *a, const char *text, size_t len,
			 const struct lw_text_lexicon *lex, lw_token **out, size_t *count,
			 uint32_t **marks, size_t *nmarks)
{
	struct scanner s = {a, (const unsigned char *)text, NULL, 0, 0, 0, 0, lex, 0, NULL, 0, 0};
	const unsigned char *cur = s.base, *lim = s.base + len, *mar = cur, *tok;
	(void)mar;
	/* English news runs 5 to 6 bytes a token: room for a token every 4
	 * bytes spares most documents any realloc (push still grows it) */
	s.cap = len / 4 + 64;
	s.tok = malloc(s.cap * sizeof *s.tok);
	if (!s.tok)
		return LW_ENOMEM;
	/* Out of memory, push and note set s.oom and push no more; the scan
	 * runs on to the end of the text (a push then changes nothing) rather
	 * than test the flag once a token, and the result is dropped below. */
	for (;;) {
		if (*cur == ' ') { /* as ws+ would take it */
			space(&s);
			cur++;
		}
		if (wclass[*cur] & (W_LOWER | W_UPPER)) {
			cur = plain_words(&s, cur, lim);
			/* "said." at the end of a sentence: the rule "." */
			if ((wclass[*cur] & W_DOT) && (wclass[cur[1]] & W_AFTER_DOT)) {
				size_t at = (size_t)(cur - s.base);
				emit_dot(&s, at, at + 1);
				cur++;
				continue;
			}
		}
		tok = cur;
		size_t st = (size_t)(tok - s.base);
#define END ((size_t)(cur - s.base))
		/*!re2c
		$        { break; }
		"\x00"   { space(&s); continue; }
		ws+      { space(&s); continue; }
		nl       { newline(&s); continue; }
		ps       { para(&s); continue; }

		url      { size_t e = url_end(s.base, st, END);
			   cur = s.base + e;
			   push(&s, st, e, LW_TOK_URL, 0); continue; }
		email    { push(&s, st, END, LW_TOK_EMAIL, 0); continue; }
		domain   { push(&s, st, END, LW_TOK_URL, LW_TF_LOWER); continue; }
		// plain ASCII words first: their case is known without a look
		[a-z]+   { if (END - st >= 7 && s.base[END - 4] == 's')
				   emit_word(&s, st, END);
			   else
				   push(&s, st, END, LW_TOK_WORD, LW_TF_LOWER);
			   continue; }
		[A-Z][a-z]+ { if (END - st >= 7 && s.base[END - 4] == 's')
				   emit_word(&s, st, END);
			   else
				   push(&s, st, END, LW_TOK_WORD, LW_TF_CAP);
			   continue; }
		[A-Z][A-Z]+ { push(&s, st, END, LW_TOK_WORD, LW_TF_CAP | LW_TF_UPPER); continue; }
		[A-Z]    { push(&s, st, END, LW_TOK_WORD, LW_TF_CAP); continue; }
		word     { emit_word(&s, st, END); continue; }
		initials { note(&s, s.n);
			   push(&s, st, END, LW_TOK_ABBREV,
				lw_word_case(s.base + st, END - st)); continue; }
		number   { cur = number_end(tok, cur, lim);
			   emit_number(&s, st, END); continue; }
		numword  { emit_number(&s, st, END); continue; }

		// quotation marks: “ ” „ ‟ « » ″ ＂ and '' `` (typewriter pairs)
		"\xE2\x80\x9C" | "\xE2\x80\x9E" | "\xE2\x80\x9F" | "\xC2\xAB" | "``"
			 { emit_quote(&s, st, END, LW_TF_QUOTE_OPEN); continue; }
		"\xE2\x80\x9D" | "\xC2\xBB"
			 { emit_quote(&s, st, END, LW_TF_QUOTE_CLOSE); continue; }
		"\"" | "''" | "\xE2\x80\xB3" | "\xEF\xBC\x82"
			 { emit_quote(&s, st, END, LW_TF_QUOTE_OPEN | LW_TF_QUOTE_CLOSE); continue; }
		// single marks: ‘ ‚ ‛ ‹ open; ’ › close (or an apostrophe); ' either
		"\xE2\x80\x98" | "\xE2\x80\x9A" | "\xE2\x80\x9B" | "\xE2\x80\xB9"
			 { emit_quote(&s, st, END, LW_TF_QUOTE_OPEN | LW_TF_QUOTE_SINGLE); continue; }
		"\xE2\x80\x99" | "\xE2\x80\xBA"
			 { emit_quote(&s, st, END, LW_TF_QUOTE_CLOSE | LW_TF_QUOTE_SINGLE); continue; }
		"'" | "`" | "\xCA\xBC" | "\xC2\xB4" | "\xE2\x80\xB2"
			 { emit_quote(&s, st, END, LW_TF_QUOTE_OPEN | LW_TF_QUOTE_CLOSE |
				      LW_TF_QUOTE_SINGLE); continue; }

		// dashes: hyphen(s) standing apart, figure, en, em, horizontal bar, minus
		"-"+ | "\xE2\x80"[\x90-\x95] | "\xE2\x88\x92" | "\xE2\x81\x83"
			 { push(&s, st, END, LW_TOK_DASH, 0); continue; }

		"."      { emit_dot(&s, st, END); continue; }
		[.!?]+ | "\xE2\x80\xA6" | "\xE2\x80\xBC" | "\xE2\x81\x87" | "\xE2\x81\x88" | "\xE2\x81\x89"
			 { note(&s, s.n); push(&s, st, END, LW_TOK_TERM, 0); continue; }
		[,;:()[\]{}/\\|&] | "\xE3\x80\x81" | "\xE3\x80\x82" | "\xD8\x8C" | "\xD8\x9B" | "\xD8\x9F"
			 { push(&s, st, END, LW_TOK_PUNCT, 0); continue; }
		[$%#@*+<=>^_~] | u2 | u3 | u4
			 { push(&s, st, END, LW_TOK_SYMBOL, 0); continue; }
		*        { push(&s, st, END, LW_TOK_INVALID, 0); continue; }
		*/
#undef END
	}
	if (s.oom) {
		free(s.tok);
		free(s.mark);
		return LW_ENOMEM;
	}
	*out = s.tok;
	*count = s.n;
	if (marks) {
		*marks = s.mark;
		*nmarks = s.nmark;
	} else {
		free(s.mark);
	}
	return LW_OK;
}
