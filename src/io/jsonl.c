/*
 * jsonl.c: the JSON Lines record reader.
 *
 * Our own small reader instead of jansson (which the project used first):
 * a record is one flat object whose string fields we copy out once, and
 * jansson's tree of every value cost a third of `lapwing code`'s time on
 * the benchmark corpus (3.3 s of 120 MB, against 1.1 s without it). This
 * reader validates the whole line as JSON (RFC 8259: nested values are
 * checked and skipped), decodes only the fields lapwing reads, and reports
 * the byte offset of the first error.
 *
 * Lenient where strictness would lose a document: raw bytes that are not
 * UTF-8 pass through into the text (the text layer copes with them), and
 * a lone surrogate escape (\ud800) becomes U+FFFD.
 */
#include "jsonl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Nesting deeper than this is refused: no record needs it, and it bounds
 * the recursion of skip_value. */
#define JSONL_MAX_DEPTH 64

struct parser {
	const unsigned char *p, *end, *base;
	const char *error;
	size_t error_at;
	struct lw_buf *out; /* decoded strings, one after another */
};

static int fail(struct parser *ps, const unsigned char *at, const char *msg)
{
	if (!ps->error) {
		ps->error = msg;
		ps->error_at = (size_t)(at - ps->base);
	}
	return -1;
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end &&
	       (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (unsigned char)(c | 0x20);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int hex4(struct parser *ps, const unsigned char *q, unsigned *v)
{
	if (ps->end - q < 4)
		return fail(ps, q, "truncated \\u escape");
	*v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval(q[i]);
		if (h < 0)
			return fail(ps, q + i, "invalid \\u escape");
		*v = *v * 16 + (unsigned)h;
	}
	return 0;
}

/* Code point cp as UTF-8 at o; returns the end. */
static char *put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xC0 | (cp >> 6));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xE0 | (cp >> 12));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (char)(0xF0 | (cp >> 18));
		*o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}

/* Bytes that end a run of plain string content: '"', '\\', controls. */
static const unsigned char special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

/* What a backslash and the byte after it stand for, 0 when not one of
 * JSON's one-letter escapes (a "\\u", an invalid escape). */
static const unsigned char unescaped[256] = {
	['"'] = '"', ['\\'] = '\\', ['/'] = '/', ['b'] = '\b',
	['f'] = '\f', ['n'] = '\n', ['r'] = '\r', ['t'] = '\t',
};

#ifndef __SSE2__
/* Bit tricks over 8 bytes (from "Bit Twiddling Hacks", public domain). */
static inline uint64_t has_zero(uint64_t v)
{
	return (v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL;
}

static inline uint64_t has_less_than_0x20(uint64_t v)
{
	return (v - 0x2020202020202020ULL) & ~v & 0x8080808080808080ULL;
}
#endif

/*
 * The first byte from q that ends plain string content (see special), or
 * end. Sixteen bytes at a time with SSE2 (every x86-64 has it), eight
 * without; a document's text is long runs of plain bytes.
 */
static inline const unsigned char *plain_run(const unsigned char *q, const unsigned char *end)
{
#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
	const __m128i ctl = _mm_set1_epi8(0x1F);
	while (end - q >= 16) {
		__m128i x = _mm_loadu_si128((const void *)q);
		__m128i m = _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x)); /* x <= 0x1F */
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return q + __builtin_ctz(bits);
		q += 16;
	}
#else
	while (end - q >= 8) {
		uint64_t x;
		memcpy(&x, q, 8);
		if (has_zero(x ^ 0x2222222222222222ULL) | has_zero(x ^ 0x5C5C5C5C5C5C5C5CULL) |
		    has_less_than_0x20(x))
			break;
		q += 8;
	}
#endif
	while (q < end && !special[*q])
		q++;
	return q;
}

/* The closing quote, a control byte or a backslash escape at q: 0 at the
 * quote (ps->p after it), 1 at an escape, -1 on an error. */
static inline int string_stop(struct parser *ps, const unsigned char *q)
{
	if (q >= ps->end)
		return fail(ps, q, "unterminated string");
	if (*q == '"') {
		ps->p = q + 1;
		return 0;
	}
	if (*q < 0x20)
		return fail(ps, q, "control character in string");
	if (q + 1 >= ps->end)
		return fail(ps, q, "unterminated string");
	return 1;
}

/*
 * The backslash escape at q (known to have a byte after it), decoded to
 * *o when o is not NULL: moves *qp past it, *o past what it wrote.
 * Returns 0, or -1 on an error. An escape is never shorter than what it
 * decodes to ("\n" one byte, "\u0800" three, a surrogate pair's twelve
 * bytes four).
 */
static int escape(struct parser *ps, const unsigned char **qp, char **o)
{
	const unsigned char *q = *qp;
	char c = 0;
	switch (q[1]) {
	case '"': c = '"'; break;
	case '\\': c = '\\'; break;
	case '/': c = '/'; break;
	case 'b': c = '\b'; break;
	case 'f': c = '\f'; break;
	case 'n': c = '\n'; break;
	case 'r': c = '\r'; break;
	case 't': c = '\t'; break;
	case 'u': {
		unsigned cp, lo;
		if (hex4(ps, q + 2, &cp))
			return -1;
		q += 6;
		if (cp >= 0xD800 && cp <= 0xDBFF && ps->end - q >= 6 && q[0] == '\\' &&
		    q[1] == 'u' && hex4(ps, q + 2, &lo) == 0 && lo >= 0xDC00 && lo <= 0xDFFF) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			q += 6;
		} else if (cp >= 0xD800 && cp <= 0xDFFF) {
			if (ps->error)
				return -1;
			cp = 0xFFFD; /* a lone surrogate */
		}
		*qp = q;
		if (o)
			*o = put_utf8(*o, cp);
		return 0;
	}
	default:
		return fail(ps, q, "invalid escape in string");
	}
	*qp = q + 2;
	if (o)
		*(*o)++ = c;
	return 0;
}

/* A string at ps->p (on its opening quote), checked only. */
static int string(struct parser *ps)
{
	const unsigned char *q = ps->p + 1;
	for (;;) {
		q = plain_run(q, ps->end);
		int st = string_stop(ps, q);
		if (st <= 0)
			return st;
		if (escape(ps, &q, NULL))
			return -1;
	}
}

/*
 * A string at ps->p, checked and its decoded bytes appended to ps->out.
 * Room for them is made once: decoded, a string is never longer than it
 * is written (see escape). Then its plain runs are copied as they are
 * scanned, sixteen bytes at a time, each block stored before it is
 * checked (the bytes after the run's end are written over or left past
 * the buffer's length): one pass over the text instead of a scan and a
 * copy.
 */
static int decode_string(struct parser *ps)
{
	struct lw_buf *b = ps->out;
	if (lw_buf_reserve(b, (size_t)(ps->end - ps->p)))
		return string(ps); /* b->failed is set: only checked */
	char *o = b->ptr + b->len;
	const unsigned char *q = ps->p + 1, *end = ps->end;
	for (;;) {
#ifdef __SSE2__
		const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
		const __m128i ctl = _mm_set1_epi8(0x1F);
		while (end - q >= 16) {
			/* o + 16 is within the room: o is at most q - ps->p - 1
			 * bytes after the start, and q + 16 <= end */
			__m128i x = _mm_loadu_si128((const void *)q);
			_mm_storeu_si128((void *)o, x);
			__m128i m = _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash));
			m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x)); /* x <= 0x1F */
			unsigned bits = (unsigned)_mm_movemask_epi8(m);
			if (bits) {
				unsigned k = (unsigned)__builtin_ctz(bits);
				q += k;
				o += k;
				break;
			}
			q += 16;
			o += 16;
		}
#endif
		while (q < end && !special[*q])
			*o++ = (char)*q++;
		/* the one-letter escapes (a text's line breaks and quotes,
		 * nearly all of its escapes) at once */
		if (end - q >= 2 && *q == '\\' && unescaped[q[1]]) {
			*o++ = (char)unescaped[q[1]];
			q += 2;
			continue;
		}
		int st = string_stop(ps, q);
		if (st <= 0) {
			b->len = (size_t)(o - b->ptr);
			return st;
		}
		if (escape(ps, &q, &o))
			return -1;
	}
}

static int number(struct parser *ps)
{
	const unsigned char *q = ps->p;
	if (q < ps->end && *q == '-')
		q++;
	if (q >= ps->end)
		return fail(ps, q, "invalid number");
	if (*q == '0') {
		q++;
	} else if (*q >= '1' && *q <= '9') {
		while (q < ps->end && *q >= '0' && *q <= '9')
			q++;
	} else {
		return fail(ps, q, "invalid value");
	}
	if (q < ps->end && *q == '.') {
		q++;
		if (q >= ps->end || *q < '0' || *q > '9')
			return fail(ps, q, "invalid number");
		while (q < ps->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (q < ps->end && (*q == 'e' || *q == 'E')) {
		q++;
		if (q < ps->end && (*q == '+' || *q == '-'))
			q++;
		if (q >= ps->end || *q < '0' || *q > '9')
			return fail(ps, q, "invalid number");
		while (q < ps->end && *q >= '0' && *q <= '9')
			q++;
	}
	ps->p = q;
	return 0;
}

static int literal(struct parser *ps, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
		return fail(ps, ps->p, "invalid value");
	ps->p += n;
	return 0;
}

static int skip_value(struct parser *ps, int depth);

static int skip_container(struct parser *ps, int depth, char close)
{
	if (depth >= JSONL_MAX_DEPTH)
		return fail(ps, ps->p, "nested too deeply");
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
		return 0;
	}
	for (;;) {
		if (close == '}') {
			skip_ws(ps);
			if (ps->p >= ps->end || *ps->p != '"')
				return fail(ps, ps->p, "expected a string key");
			if (string(ps))
				return -1;
			skip_ws(ps);
			if (ps->p >= ps->end || *ps->p != ':')
				return fail(ps, ps->p, "expected ':'");
			ps->p++;
		}
		if (skip_value(ps, depth + 1))
			return -1;
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == close) {
			ps->p++;
			return 0;
		}
		return fail(ps, ps->p, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int skip_value(struct parser *ps, int depth)
{
	skip_ws(ps);
	if (ps->p >= ps->end)
		return fail(ps, ps->p, "unexpected end of line");
	switch (*ps->p) {
	case '"': return string(ps);
	case '{': return skip_container(ps, depth, '}');
	case '[': return skip_container(ps, depth, ']');
	case 't': return literal(ps, "true");
	case 'f': return literal(ps, "false");
	case 'n': return literal(ps, "null");
	default: return number(ps);
	}
}

/* The field a key names as it is written, or -1: a key with an escape
 * ("t\u0065xt") names none, as its bytes are not a name's. By length
 * first: one comparison a key. */
static int field_of(const unsigned char *k, size_t n)
{
	static const char *const names[LW_JSONL_NFIELDS] = {"id", "text", "date", "title",
							   "source", "url", "country"};
	int f;
	switch (n) {
	case 2: f = LW_JSONL_ID; break;
	case 3: f = LW_JSONL_URL; break;
	case 4: f = k[0] == 't' ? LW_JSONL_TEXT : LW_JSONL_DATE; break;
	case 5: f = LW_JSONL_TITLE; break;
	case 6: f = LW_JSONL_SOURCE; break;
	case 7: f = LW_JSONL_COUNTRY; break;
	default: return -1;
	}
	return memcmp(k, names[f], n) == 0 ? f : -1;
}

int lw_jsonl_parse(const char *line, size_t len, struct lw_jsonl_record *rec, char *errbuf,
		   size_t errsize, size_t *err_offset)
{
	struct parser ps = {(const unsigned char *)line, (const unsigned char *)line + len,
			    (const unsigned char *)line, NULL, 0, &rec->scratch};
	rec->scratch.len = 0;
	rec->scratch.failed = 0;
	for (int f = 0; f < LW_JSONL_NFIELDS; f++) {
		rec->field[f].kind = LW_JSONL_ABSENT;
		rec->field[f].off = rec->field[f].len = 0;
	}
	skip_ws(&ps);
	if (ps.p >= ps.end || *ps.p != '{') {
		if (ps.p < ps.end && (*ps.p == '[' || *ps.p == '"' || *ps.p == 't' || *ps.p == 'f' ||
				      *ps.p == 'n' || *ps.p == '-' || (*ps.p >= '0' && *ps.p <= '9'))) {
			/* valid JSON that is not an object still deserves its own message */
			if (skip_value(&ps, 0) == 0) {
				skip_ws(&ps);
				if (ps.p == ps.end) {
					snprintf(errbuf, errsize, "not a JSON object");
					*err_offset = 0;
					return -1;
				}
			}
		}
		fail(&ps, ps.p, "expected a JSON object");
		goto error;
	}
	ps.p++;
	skip_ws(&ps);
	if (ps.p < ps.end && *ps.p == '}') {
		ps.p++;
	} else {
		for (;;) {
			skip_ws(&ps);
			if (ps.p >= ps.end || *ps.p != '"') {
				fail(&ps, ps.p, "expected a string key");
				goto error;
			}
			const unsigned char *k = ps.p + 1;
			if (string(&ps))
				goto error;
			size_t kn = (size_t)(ps.p - 1 - k);
			int which = field_of(k, kn);
			skip_ws(&ps);
			if (ps.p >= ps.end || *ps.p != ':') {
				fail(&ps, ps.p, "expected ':'");
				goto error;
			}
			ps.p++;
			skip_ws(&ps);
			if (which >= 0 && ps.p < ps.end && *ps.p == '"') {
				size_t off = rec->scratch.len;
				if (decode_string(&ps))
					goto error;
				lw_buf_addc(&rec->scratch, 0); /* each value NUL-terminated */
				rec->field[which].kind = LW_JSONL_STRING;
				rec->field[which].off = off;
				rec->field[which].len = rec->scratch.len - 1 - off;
			} else if (which >= 0) {
				const unsigned char *v = ps.p;
				if (skip_value(&ps, 0))
					goto error;
				size_t off = rec->scratch.len;
				lw_buf_add(&rec->scratch, v, (size_t)(ps.p - v));
				lw_buf_addc(&rec->scratch, 0);
				rec->field[which].kind = (*v == 'n') ? LW_JSONL_NULL
						       : (*v == '-' || (*v >= '0' && *v <= '9'))
							       ? LW_JSONL_NUMBER
							       : LW_JSONL_OTHER;
				rec->field[which].off = off;
				rec->field[which].len = (size_t)(ps.p - v);
			} else if (skip_value(&ps, 0)) {
				goto error;
			}
			skip_ws(&ps);
			if (ps.p < ps.end && *ps.p == ',') {
				ps.p++;
				continue;
			}
			if (ps.p < ps.end && *ps.p == '}') {
				ps.p++;
				break;
			}
			fail(&ps, ps.p, "expected ',' or '}'");
			goto error;
		}
	}
	skip_ws(&ps);
	if (ps.p != ps.end) {
		fail(&ps, ps.p, "text after the object");
		goto error;
	}
	if (rec->scratch.failed) {
		snprintf(errbuf, errsize, "out of memory");
		*err_offset = 0;
		return -1;
	}
	return 0;
error:
	snprintf(errbuf, errsize, "%s", ps.error ? ps.error : "invalid JSON");
	*err_offset = ps.error_at;
	return -1;
}

void lw_jsonl_release(struct lw_jsonl_record *rec)
{
	lw_buf_release(&rec->scratch);
}
