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

static void put_utf8(struct lw_buf *b, unsigned cp)
{
	char u[4];
	if (cp < 0x80) {
		lw_buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		lw_buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		lw_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		lw_buf_add(b, u, 4);
	}
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

/*
 * A string at ps->p (on its opening quote). With `decode`, its decoded
 * bytes are appended to ps->out; otherwise it is only checked.
 */
static int string(struct parser *ps, int decode)
{
	const unsigned char *q = ps->p + 1;
	for (;;) {
		const unsigned char *run = q;
		q = plain_run(q, ps->end);
		if (decode && q > run)
			lw_buf_add(ps->out, run, (size_t)(q - run));
		if (q >= ps->end)
			return fail(ps, q, "unterminated string");
		if (*q == '"') {
			ps->p = q + 1;
			return 0;
		}
		if (*q < 0x20)
			return fail(ps, q, "control character in string");
		/* a backslash escape */
		if (q + 1 >= ps->end)
			return fail(ps, q, "unterminated string");
		unsigned char e = q[1];
		char c = 0;
		switch (e) {
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
			if (decode)
				put_utf8(ps->out, cp);
			continue;
		}
		default:
			return fail(ps, q, "invalid escape in string");
		}
		if (decode)
			lw_buf_addc(ps->out, c);
		q += 2;
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
			if (string(ps, 0))
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
	case '"': return string(ps, 0);
	case '{': return skip_container(ps, depth, '}');
	case '[': return skip_container(ps, depth, ']');
	case 't': return literal(ps, "true");
	case 'f': return literal(ps, "false");
	case 'n': return literal(ps, "null");
	default: return number(ps);
	}
}

static int key_is(const unsigned char *k, size_t n, const char *s)
{
	return n == strlen(s) && memcmp(k, s, n) == 0;
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
			if (string(&ps, 0))
				goto error;
			size_t kn = (size_t)(ps.p - 1 - k);
			int which = -1;
			static const char *const names[LW_JSONL_NFIELDS] = {"id", "text", "date", "title",
									   "source", "url"};
			if (memchr(k, '\\', kn) == NULL)
				for (int f = 0; f < LW_JSONL_NFIELDS; f++)
					if (key_is(k, kn, names[f]))
						which = f;
			skip_ws(&ps);
			if (ps.p >= ps.end || *ps.p != ':') {
				fail(&ps, ps.p, "expected ':'");
				goto error;
			}
			ps.p++;
			skip_ws(&ps);
			if (which >= 0 && ps.p < ps.end && *ps.p == '"') {
				size_t off = rec->scratch.len;
				if (string(&ps, 1))
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
