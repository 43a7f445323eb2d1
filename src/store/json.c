/*
 * json.c: JSON into a tree in an arena (json.h).
 *
 * Why not jansson: a contract record is hundreds of small objects, and
 * jansson gives each value, key and hash table its own malloc; on the
 * benchmark corpus that made parsing --coded input several times slower
 * than writing it to the store. Here the values of an array or object are
 * collected on one reusable stack and copied into the arena in one piece
 * when it closes; strings without escapes are not copied at all. What
 * jansson refuses is refused here too (RFC 8259; duplicate keys; invalid
 * UTF-8; \u0000 is allowed, as the texts may hold NUL bytes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

struct parser {
	const unsigned char *p, *end, *start;
	struct lw_arena *arena;
	struct lw_jv *stack; /* values of the open arrays and objects */
	size_t top, cap;
	int depth;
	const char *error;
	const unsigned char *at;
};

static int fail(struct parser *ps, const char *msg, const unsigned char *at)
{
	if (!ps->error) {
		ps->error = msg;
		ps->at = at;
	}
	return -1;
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t'))
		ps->p++;
}

static int push(struct parser *ps, const struct lw_jv *v)
{
	if (ps->top == ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 256;
		struct lw_jv *s = realloc(ps->stack, cap * sizeof *s);
		if (!s)
			return fail(ps, "out of memory", ps->p);
		ps->stack = s;
		ps->cap = cap;
	}
	ps->stack[ps->top++] = *v;
	return 0;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int hex4(struct parser *ps, const unsigned char *q, unsigned *out)
{
	*out = 0;
	if (ps->end - q < 4)
		return fail(ps, "truncated \\u escape", q);
	for (int i = 0; i < 4; i++) {
		int h = hexval(q[i]);
		if (h < 0)
			return fail(ps, "invalid \\u escape", q);
		*out = *out << 4 | (unsigned)h;
	}
	return 0;
}

/* Length of the valid UTF-8 sequence at q (with n bytes left), 0 if none. */
static size_t utf8_len(const unsigned char *q, size_t n)
{
	unsigned char c = q[0];
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (q[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (q[1] & 0xC0) != 0x80 || (q[2] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xE0 && q[1] < 0xA0) || (c == 0xED && q[1] > 0x9F))
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (q[1] & 0xC0) != 0x80 || (q[2] & 0xC0) != 0x80 || (q[3] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xF0 && q[1] < 0x90) || (c == 0xF4 && q[1] > 0x8F))
			return 0;
		return 4;
	}
	return 0;
}

static size_t put_utf8(unsigned char *o, unsigned cp)
{
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The string at ps->p (after its opening quote) into v. */
static int string(struct parser *ps, struct lw_jv *v)
{
	const unsigned char *q = ps->p, *first = q;
	int escaped = 0;
	/* find the end, checking UTF-8; escapes are decoded in a second pass */
	for (;;) {
		if (q >= ps->end)
			return fail(ps, "unterminated string", first - 1);
		unsigned char c = *q;
		if (c == '"')
			break;
		if (c < 0x20)
			return fail(ps, "control character in a string", q);
		if (c == '\\') {
			escaped = 1;
			if (q + 1 >= ps->end)
				return fail(ps, "unterminated string", first - 1);
			q += q[1] == 'u' ? 6 : 2;
			continue;
		}
		if (c < 0x80) {
			q++;
			continue;
		}
		size_t k = utf8_len(q, (size_t)(ps->end - q));
		if (!k)
			return fail(ps, "invalid UTF-8 in a string", q);
		q += k;
	}
	v->kind = LW_JV_STRING;
	ps->p = q + 1;
	if (!escaped) {
		v->u.s = (const char *)first;
		v->n = (uint32_t)(q - first);
		return 0;
	}
	unsigned char *out = lw_arena_alloc(ps->arena, (size_t)(q - first) + 1), *o = out;
	if (!out)
		return fail(ps, "out of memory", first);
	for (const unsigned char *r = first; r < q;) {
		if (*r != '\\') {
			*o++ = *r++;
			continue;
		}
		unsigned cp;
		switch (r[1]) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			if (hex4(ps, r + 2, &cp))
				return -1;
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return fail(ps, "lone surrogate in \\u escape", r);
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				unsigned lo;
				if (q - r < 12 || r[6] != '\\' || r[7] != 'u' || hex4(ps, r + 8, &lo) ||
				    lo < 0xDC00 || lo > 0xDFFF)
					return fail(ps, "lone surrogate in \\u escape", r);
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				r += 6;
			}
			o += put_utf8(o, cp);
			r += 6;
			continue;
		default:
			return fail(ps, "invalid escape", r);
		}
		r += 2;
	}
	v->u.s = (const char *)out;
	v->n = (uint32_t)(o - out);
	return 0;
}

static int number(struct parser *ps, struct lw_jv *v)
{
	const unsigned char *q = ps->p, *first = q;
	int real = 0;
	if (q < ps->end && *q == '-')
		q++;
	if (q >= ps->end || *q < '0' || *q > '9')
		return fail(ps, "invalid number", first);
	if (*q == '0' && q + 1 < ps->end && q[1] >= '0' && q[1] <= '9')
		return fail(ps, "leading zero in a number", first);
	while (q < ps->end && *q >= '0' && *q <= '9')
		q++;
	if (q < ps->end && *q == '.') {
		real = 1;
		q++;
		if (q >= ps->end || *q < '0' || *q > '9')
			return fail(ps, "invalid number", first);
		while (q < ps->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (q < ps->end && (*q == 'e' || *q == 'E')) {
		real = 1;
		q++;
		if (q < ps->end && (*q == '+' || *q == '-'))
			q++;
		if (q >= ps->end || *q < '0' || *q > '9')
			return fail(ps, "invalid number", first);
		while (q < ps->end && *q >= '0' && *q <= '9')
			q++;
	}
	char buf[64];
	size_t n = (size_t)(q - first);
	if (n >= sizeof buf)
		return fail(ps, "number too long", first);
	memcpy(buf, first, n);
	buf[n] = 0;
	ps->p = q;
	if (real) {
		v->kind = LW_JV_REAL;
		v->u.d = strtod(buf, NULL);
		return 0;
	}
	/* an integer: exact, or an error (as jansson) */
	uint64_t x = 0;
	int neg = buf[0] == '-';
	for (size_t i = (size_t)neg; i < n; i++) {
		unsigned d = (unsigned)(buf[i] - '0');
		if (x > (UINT64_MAX - d) / 10)
			return fail(ps, "integer too big", first);
		x = x * 10 + d;
	}
	if ((!neg && x > (uint64_t)INT64_MAX) || (neg && x > (uint64_t)INT64_MAX + 1))
		return fail(ps, "integer too big", first);
	v->kind = LW_JV_INT;
	v->u.i = neg ? (int64_t)(0 - x) : (int64_t)x;
	return 0;
}

static int literal(struct parser *ps, const char *word, enum lw_jv_kind kind, struct lw_jv *v)
{
	size_t n = strlen(word);
	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
		return fail(ps, "expected a JSON value", ps->p);
	ps->p += n;
	v->kind = (uint8_t)kind;
	return 0;
}

static int cmp_key(const void *a, const void *b)
{
	const struct lw_jv *x = *(const struct lw_jv *const *)a, *y = *(const struct lw_jv *const *)b;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return memcmp(x->u.s, y->u.s, x->n);
}

/* Are the keys of pairs[0..n) all different? Pairwise for small objects,
 * sorted for large ones (never quadratic). */
static int keys_unique(const struct lw_jv *pairs, size_t n)
{
	if (n <= 32) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i; j++)
				if (pairs[2 * i].n == pairs[2 * j].n &&
				    memcmp(pairs[2 * i].u.s, pairs[2 * j].u.s, pairs[2 * i].n) == 0)
					return 0;
		return 1;
	}
	const struct lw_jv **keys = malloc(n * sizeof *keys);
	if (!keys)
		return 1; /* cannot check: let it pass rather than fail a good record */
	for (size_t i = 0; i < n; i++)
		keys[i] = &pairs[2 * i];
	qsort(keys, n, sizeof *keys, cmp_key);
	int ok = 1;
	for (size_t i = 1; i < n && ok; i++)
		ok = cmp_key(&keys[i - 1], &keys[i]) != 0;
	free(keys);
	return ok;
}

static int value(struct parser *ps, struct lw_jv *v);

/* An array or object: its items on the stack, then into the arena. */
static int container(struct parser *ps, struct lw_jv *v, int object)
{
	const unsigned char *open = ps->p - 1;
	size_t base = ps->top, n = 0;
	if (++ps->depth > LW_JV_MAX_DEPTH)
		return fail(ps, "nesting too deep", open);
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == (object ? '}' : ']')) {
		ps->p++;
	} else {
		for (;;) {
			struct lw_jv item;
			skip_ws(ps);
			if (object) {
				if (ps->p >= ps->end || *ps->p != '"')
					return fail(ps, "expected a key", ps->p);
				ps->p++;
				if (string(ps, &item) || push(ps, &item))
					return -1;
				skip_ws(ps);
				if (ps->p >= ps->end || *ps->p != ':')
					return fail(ps, "expected ':'", ps->p);
				ps->p++;
				skip_ws(ps);
			}
			if (value(ps, &item) || push(ps, &item))
				return -1;
			n++;
			skip_ws(ps);
			if (ps->p < ps->end && *ps->p == ',') {
				ps->p++;
				continue;
			}
			if (ps->p < ps->end && *ps->p == (object ? '}' : ']')) {
				ps->p++;
				break;
			}
			return fail(ps, object ? "expected ',' or '}'" : "expected ',' or ']'", ps->p);
		}
	}
	size_t items = ps->top - base;
	struct lw_jv *a = lw_arena_alloc(ps->arena, (items ? items : 1) * sizeof *a);
	if (!a)
		return fail(ps, "out of memory", open);
	if (items)
		memcpy(a, ps->stack + base, items * sizeof *a);
	ps->top = base;
	if (n > UINT32_MAX)
		return fail(ps, "too many items", open);
	if (object && !keys_unique(a, n))
		return fail(ps, "duplicate object key", open);
	v->kind = object ? LW_JV_OBJECT : LW_JV_ARRAY;
	v->n = (uint32_t)n;
	v->u.a = a;
	ps->depth--;
	return 0;
}

static int value(struct parser *ps, struct lw_jv *v)
{
	memset(v, 0, sizeof *v);
	if (ps->p >= ps->end)
		return fail(ps, "unexpected end of input", ps->p);
	switch (*ps->p) {
	case '{': ps->p++; return container(ps, v, 1);
	case '[': ps->p++; return container(ps, v, 0);
	case '"': ps->p++; return string(ps, v);
	case 't': return literal(ps, "true", LW_JV_TRUE, v);
	case 'f': return literal(ps, "false", LW_JV_FALSE, v);
	case 'n': return literal(ps, "null", LW_JV_NULL, v);
	default:
		if (*ps->p != '-' && (*ps->p < '0' || *ps->p > '9'))
			return fail(ps, "expected a JSON value", ps->p);
		return number(ps, v);
	}
}

const struct lw_jv *lw_jv_parse(struct lw_arena *arena, const char *p, size_t len, char *msg,
				size_t msg_size, size_t *offset)
{
	struct parser ps = {(const unsigned char *)p, (const unsigned char *)p + len,
			    (const unsigned char *)p, arena, NULL, 0, 0, 0, NULL, NULL};
	struct lw_jv *root = lw_arena_alloc(arena, sizeof *root);
	if (!root) {
		snprintf(msg, msg_size, "out of memory");
		*offset = 0;
		return NULL;
	}
	skip_ws(&ps);
	if (value(&ps, root) == 0) {
		skip_ws(&ps);
		if (ps.p < ps.end)
			fail(&ps, "text after the value", ps.p);
	}
	free(ps.stack);
	if (ps.error) {
		snprintf(msg, msg_size, "%s", ps.error);
		*offset = (size_t)(ps.at - ps.start);
		return NULL;
	}
	return root;
}

const struct lw_jv *lw_jv_get(const struct lw_jv *obj, const char *key)
{
	if (!obj || obj->kind != LW_JV_OBJECT)
		return NULL;
	size_t n = strlen(key);
	for (uint32_t i = 0; i < obj->n; i++) {
		const struct lw_jv *k = &obj->u.a[2 * i];
		if (k->n == n && memcmp(k->u.s, key, n) == 0)
			return &obj->u.a[2 * i + 1];
	}
	return NULL;
}
