/*
 * spec.c: golden spec files (tests/spec/NAME.spec), the main suite.
 *
 * A spec file is a list of cases, each an input text and what lapwing must
 * make of it:
 *
 *   === name of the case
 *   --- date 2023-08-15            (options: date, title, id, country)
 *   --- input
 *   Mr. Smith went to Washington.
 *   --- tokens
 *   Mr. Smith went to Washington .
 *   --- sentences
 *   Mr. Smith went to Washington.
 *   --- expect
 *   entities[name=Washington].type = PLACE
 *
 * Blocks:
 *   input      the text: its lines joined by \n, no final newline. The
 *              escapes \uXXXX (U+2028, U+00A0 ...), \xHH (a raw byte),
 *              \n, \t and \\ make invisible characters visible.
 *   tokens     the expected tokens, separated by white space
 *   sentences  one expected sentence per line
 *   paragraphs the expected number of paragraphs
 *   expect     assertions on the output JSON, one per line:
 *                PATH = VALUE     equal (numbers, true/false/null typed)
 *                PATH != VALUE    not equal
 *                PATH ~ TEXT      the string contains TEXT
 *                PATH#  = N       number of elements (of an array, or of
 *                                 the elements a filter selects)
 *                PATH@ = TEXT     the text of a span (start/end); of an
 *                                 array of spans: texts joined by " | "
 *                !PATH            no such element
 *              PATH is a dotted path: `quotes[0].speaker.name`,
 *              `entities[name=Taliban].actor.code`, `events[type=ASSAULT]`,
 *              `quotes[text~martyred]` (filter: the first element whose
 *              field equals / contains the value; the field may be a
 *              dotted path, `events[trigger.text=attack]`, and filters in
 *              a row narrow the same elements,
 *              `events[type=ASSAULT][mode=drone]`).
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lapwing.h"
#include "runner.h"
#include "../src/util/buf.h"

struct spec_case {
	const char *file;
	int line;
	char name[256];
	char *input;
	char *date, *title, *id, *country;
	char *tokens, *sentences, *paragraphs, *expect;
};

static char *unescape(const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 >= n) {
			*o++ = s[i];
			continue;
		}
		char c = s[++i];
		if (c == 'n') {
			*o++ = '\n';
		} else if (c == 't') {
			*o++ = '\t';
		} else if (c == '\\') {
			*o++ = '\\';
		} else if (c == 'u' && i + 4 < n) {
			char hex[5] = {s[i + 1], s[i + 2], s[i + 3], s[i + 4], 0};
			unsigned long cp = strtoul(hex, NULL, 16);
			i += 4;
			if (cp < 0x80) {
				*o++ = (char)cp;
			} else if (cp < 0x800) {
				*o++ = (char)(0xC0 | (cp >> 6));
				*o++ = (char)(0x80 | (cp & 0x3F));
			} else {
				*o++ = (char)(0xE0 | (cp >> 12));
				*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
				*o++ = (char)(0x80 | (cp & 0x3F));
			}
		} else if (c == 'x' && i + 2 < n) {
			char hex[3] = {s[i + 1], s[i + 2], 0};
			*o++ = (char)strtoul(hex, NULL, 16);
			i += 2;
		} else {
			*o++ = '\\';
			*o++ = c;
		}
	}
	*o = 0;
	return out;
}

/* ---- path evaluation over the output JSON ---- */

struct eval {
	json_t *doc;
	json_t *tmp; /* arrays made by chained filters */
	const char *text;
	size_t len;
	char err[256];
};

/* Does element e match the filter "key=value" or "key~value"? */
static int filter_match(json_t *e, const char *key, size_t klen, char op, const char *val,
			size_t vlen, struct eval *ev)
{
	char k[128];
	if (klen >= sizeof k)
		return 0;
	memcpy(k, key, klen);
	k[klen] = 0;
	/* a dotted key walks into objects: "trigger.text" */
	char *leaf = k;
	for (char *dot; (dot = strchr(leaf, '.')) != NULL; leaf = dot + 1) {
		*dot = 0;
		e = json_object_get(e, leaf);
		if (!e || !json_is_object(e))
			return 0;
	}
	memmove(k, leaf, strlen(leaf) + 1);
	json_t *f = json_object_get(e, k);
	const char *s = NULL;
	size_t sn = 0;
	char tmp[64];
	if (f && json_is_string(f)) {
		s = json_string_value(f);
		sn = json_string_length(f);
	} else if (f && json_is_integer(f)) {
		snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(f));
		s = tmp;
		sn = strlen(tmp);
	} else if (!f && strcmp(k, "text") == 0) {
		/* a span's text when it has no "text" field */
		json_t *a = json_object_get(e, "start"), *b = json_object_get(e, "end");
		if (a && b && json_is_integer(a) && json_is_integer(b)) {
			size_t x = (size_t)json_integer_value(a), y = (size_t)json_integer_value(b);
			if (x <= y && y <= ev->len) {
				s = ev->text + x;
				sn = y - x;
			}
		}
	}
	if (!s)
		return 0;
	if (op == '=')
		return sn == vlen && memcmp(s, val, vlen) == 0;
	for (size_t i = 0; i + vlen <= sn; i++)
		if (memcmp(s + i, val, vlen) == 0)
			return 1;
	return 0;
}

/*
 * Evaluate path [p, end). Returns the value (borrowed) or NULL. With a
 * filter as the last step and want_count set, *count is the number of
 * matches.
 */
static json_t *eval_path(struct eval *ev, const char *p, const char *end, int want_count,
			 long *count)
{
	json_t *cur = ev->doc;
	*count = -1;
	while (p < end && cur) {
		if (*p == '.')
			p++;
		const char *k = p;
		while (p < end && *p != '.' && *p != '[')
			p++;
		if (p > k) {
			char key[128];
			size_t kn = (size_t)(p - k);
			if (kn >= sizeof key)
				return NULL;
			memcpy(key, k, kn);
			key[kn] = 0;
			cur = json_is_object(cur) ? json_object_get(cur, key) : NULL;
		}
		while (cur && p < end && *p == '[') {
			const char *close = memchr(p, ']', (size_t)(end - p));
			if (!close)
				return NULL;
			const char *sel = p + 1;
			size_t sn = (size_t)(close - sel);
			p = close + 1;
			const char *eq = NULL;
			for (size_t i = 0; i < sn; i++)
				if (sel[i] == '=' || sel[i] == '~') {
					eq = sel + i;
					break;
				}
			if (!json_is_array(cur))
				return NULL;
			if (!eq) {
				long idx = strtol(sel, NULL, 10);
				cur = json_array_get(cur, (size_t)idx);
				continue;
			}
			json_t *first = NULL;
			long n = 0;
			/* filters in a row narrow the same elements:
			 * events[type=ASSAULT][mode=aerial] */
			int chained = 0;
			if (p < end && *p == '[') {
				const char *nc = memchr(p, ']', (size_t)(end - p));
				for (const char *q = p; nc && q < nc; q++)
					chained |= *q == '=' || *q == '~';
			}
			json_t *kept = chained ? json_array() : NULL;
			for (size_t i = 0; i < json_array_size(cur); i++) {
				json_t *e = json_array_get(cur, i);
				if (filter_match(e, sel, (size_t)(eq - sel), *eq, eq + 1,
						 (size_t)(close - eq - 1), ev)) {
					if (!first)
						first = e;
					if (kept)
						json_array_append(kept, e);
					n++;
				}
			}
			if (kept) {
				/* owned by ev->tmp, released with the document */
				json_array_append_new(ev->tmp, kept);
				cur = kept;
				continue;
			}
			if (want_count && p >= end) {
				*count = n;
				return cur;
			}
			cur = first;
		}
	}
	return cur;
}

static void span_text(struct eval *ev, json_t *v, struct lw_buf *out)
{
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++) {
			if (i)
				lw_buf_adds(out, " | ");
			span_text(ev, json_array_get(v, i), out);
		}
		return;
	}
	json_t *a = json_object_get(v, "start"), *b = json_object_get(v, "end");
	if (!a || !b || !json_is_integer(a) || !json_is_integer(b)) {
		lw_buf_adds(out, "(no span)");
		return;
	}
	size_t x = (size_t)json_integer_value(a), y = (size_t)json_integer_value(b);
	if (x > y || y > ev->len) {
		lw_buf_adds(out, "(bad span)");
		return;
	}
	lw_buf_add(out, ev->text + x, y - x);
}

static void value_text(json_t *v, struct lw_buf *out)
{
	if (!v) {
		lw_buf_adds(out, "(missing)");
	} else if (json_is_string(v)) {
		lw_buf_add(out, json_string_value(v), json_string_length(v));
	} else if (json_is_real(v)) {
		lw_buf_addf(out, "%.10g", json_real_value(v));
	} else {
		char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
		lw_buf_adds(out, s ? s : "?");
		free(s);
	}
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = 0;
	return s;
}

static void check_assertion(const struct spec_case *c, struct eval *ev, char *line, int lineno)
{
	line = trim(line);
	if (!*line || *line == '#')
		return;
	if (*line == '!') {
		long cnt;
		json_t *v = eval_path(ev, line + 1, line + strlen(line), 0, &cnt);
		if (v && !json_is_null(v))
			lw_check_fail(c->file, lineno, "%s: expected nothing", line + 1);
		return;
	}
	char *op = NULL;
	char opc = 0;
	for (char *q = line; *q; q++) {
		if (q[0] == '!' && q[1] == '=') {
			op = q;
			opc = '!';
			break;
		}
		if ((*q == '=' || *q == '~') && q > line && q[-1] == ' ') {
			op = q;
			opc = *q;
			break;
		}
	}
	if (!op) {
		lw_check_fail(c->file, lineno, "bad assertion: %s", line);
		return;
	}
	char *rhs = trim(op + (opc == '!' ? 2 : 1));
	*op = 0;
	char *lhs = trim(line);
	size_t ln = strlen(lhs);
	int want_count = ln && lhs[ln - 1] == '#';
	int want_text = ln && lhs[ln - 1] == '@';
	if (want_count || want_text)
		lhs[--ln] = 0;
	long cnt;
	json_t *v = eval_path(ev, lhs, lhs + ln, want_count, &cnt);
	struct lw_buf got = LW_BUF_INIT;
	if (want_count) {
		long n = cnt >= 0 ? cnt : (v && json_is_array(v)) ? (long)json_array_size(v) : 0;
		lw_buf_addf(&got, "%ld", n);
	} else if (want_text) {
		if (v)
			span_text(ev, v, &got);
		else
			lw_buf_adds(&got, "(missing)");
	} else {
		value_text(v, &got);
	}
	lw_buf_addc(&got, 0);
	int ok;
	if (opc == '~')
		ok = strstr(got.ptr, rhs) != NULL;
	else if (opc == '!')
		ok = strcmp(got.ptr, rhs) != 0;
	else
		ok = strcmp(got.ptr, rhs) == 0;
	if (!ok)
		lw_check_fail(c->file, lineno, "%s%s%s: got \"%s\", expected %s\"%s\"", lhs,
			      want_count ? "#" : "", want_text ? "@" : "", got.ptr,
			      opc == '~' ? "to contain " : opc == '!' ? "not " : "", rhs);
	lw_buf_release(&got);
}

static int write_buf(void *ctx, const char *p, size_t n)
{
	lw_buf_add(ctx, p, n);
	return 0;
}

static void compare_tokens(const struct spec_case *c, const lw_doc *doc)
{
	size_t n;
	const lw_token *t = lw_doc_tokens(doc, &n);
	lw_str text = lw_doc_text(doc);
	struct lw_buf got = LW_BUF_INIT, want = LW_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			lw_buf_addc(&got, ' ');
		lw_buf_add(&got, text.ptr + t[i].start, t[i].end - t[i].start);
	}
	lw_buf_addc(&got, 0);
	/* expected: whitespace-separated */
	const char *s = c->tokens;
	int first = 1;
	while (*s) {
		while (*s == ' ' || *s == '\n' || *s == '\t')
			s++;
		if (!*s)
			break;
		const char *e = s;
		while (*e && *e != ' ' && *e != '\n' && *e != '\t')
			e++;
		if (!first)
			lw_buf_addc(&want, ' ');
		first = 0;
		char *piece = malloc((size_t)(e - s) + 1);
		memcpy(piece, s, (size_t)(e - s));
		piece[e - s] = 0;
		char *u = unescape(piece);
		lw_buf_adds(&want, u);
		free(u);
		free(piece);
		s = e;
	}
	lw_buf_addc(&want, 0);
	if (strcmp(got.ptr, want.ptr) != 0)
		lw_check_fail(c->file, c->line, "tokens:\n    got:  %s\n    want: %s", got.ptr,
			      want.ptr);
	lw_buf_release(&got);
	lw_buf_release(&want);
}

static void compare_sentences(const struct spec_case *c, const lw_doc *doc)
{
	size_t n;
	const lw_sentence *s = lw_doc_sentences(doc, &n);
	lw_str text = lw_doc_text(doc);
	char *copy = strdup(c->sentences), *save = NULL;
	size_t i = 0;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *want = unescape(line);
		if (i >= n) {
			lw_check_fail(c->file, c->line, "sentence %zu missing: \"%s\"", i + 1, want);
		} else if (strlen(want) != s[i].end - s[i].start ||
			   memcmp(want, text.ptr + s[i].start, strlen(want)) != 0) {
			lw_check_fail(c->file, c->line, "sentence %zu: got \"%.*s\", expected \"%s\"",
				      i + 1, (int)(s[i].end - s[i].start), text.ptr + s[i].start, want);
		}
		free(want);
		i++;
	}
	if (i < n)
		lw_check_fail(c->file, c->line, "%zu sentences, expected %zu (extra: \"%.*s\")", n, i,
			      (int)(s[i].end - s[i].start), text.ptr + s[i].start);
	free(copy);
}

static void run_case(void *arg)
{
	const struct spec_case *c = arg;
	char *text = unescape(c->input ? c->input : "");
	lw_input in;
	memset(&in, 0, sizeof in);
	in.text = text;
	in.text_len = strlen(text);
	in.id = c->id ? c->id : c->name;
	in.id_len = strlen(in.id);
	if (c->title) {
		in.title = c->title;
		in.title_len = strlen(c->title);
	}
	if (c->country) {
		in.country = c->country;
		in.country_len = strlen(c->country);
	}
	lw_options opt;
	lw_options_init(&opt);
	opt.date = c->date;
	lw_doc *doc;
	lw_error err;
	if (lw_code((const lw_kb *)test_kb(), &opt, &in, &doc, &err) != LW_OK) {
		lw_check_fail(c->file, c->line, "lw_code: %s", err.message);
		free(text);
		return;
	}
	if (c->tokens)
		compare_tokens(c, doc);
	if (c->sentences)
		compare_sentences(c, doc);
	if (c->paragraphs) {
		size_t np;
		lw_doc_paragraphs(doc, &np);
		if ((long)np != strtol(c->paragraphs, NULL, 10))
			lw_check_fail(c->file, c->line, "%zu paragraphs, expected %s", np, c->paragraphs);
	}
	if (c->expect) {
		struct lw_buf out = LW_BUF_INIT;
		lw_doc_write_json(doc, 0, write_buf, &out);
		json_error_t je;
		json_t *j = json_loadb(out.ptr, out.len, 0, &je);
		if (!j) {
			lw_check_fail(c->file, c->line, "output is not JSON: %s", je.text);
		} else {
			struct eval ev = {j, json_array(), text, strlen(text), {0}};
			char *copy = strdup(c->expect), *save = NULL;
			int lineno = c->line;
			/* assertion line numbers: approximate to the case start */
			for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
				char *u = unescape(l);
				check_assertion(c, &ev, u, lineno);
				free(u);
			}
			free(copy);
			json_decref(ev.tmp);
			json_decref(j);
		}
		lw_buf_release(&out);
	}
	lw_doc_free(doc);
	free(text);
}

static void free_case(struct spec_case *c)
{
	free(c->input);
	free(c->date);
	free(c->country);
	free(c->title);
	free(c->id);
	free(c->tokens);
	free(c->sentences);
	free(c->paragraphs);
	free(c->expect);
	memset(c, 0, sizeof *c);
}

static void append(char **dst, const char *line)
{
	size_t a = *dst ? strlen(*dst) : 0, b = strlen(line);
	char *n = realloc(*dst, a + b + 2);
	if (a) {
		n[a] = '\n';
		memcpy(n + a + 1, line, b + 1);
	} else {
		memcpy(n, line, b + 1);
	}
	*dst = n;
}

static void run_file(const char *path, const char *pattern)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		lw_check_fail(path, 0, "cannot open");
		return;
	}
	struct spec_case c;
	memset(&c, 0, sizeof c);
	char **block = NULL;
	int have = 0, lineno = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	for (;;) {
		got = getline(&line, &cap, f);
		if (got >= 0) {
			lineno++;
			if (got && line[got - 1] == '\n')
				line[--got] = 0;
		}
		if (got < 0 || strncmp(line, "=== ", 4) == 0) {
			if (have) {
				char name[400];
				snprintf(name, sizeof name, "spec %s: %s", strrchr(path, '/') + 1, c.name);
				if (!pattern || strstr(name, pattern))
					lw_run_test(name, run_case, &c);
				free_case(&c);
			}
			if (got < 0)
				break;
			have = 1;
			c.file = path;
			c.line = lineno;
			snprintf(c.name, sizeof c.name, "%s", line + 4);
			block = NULL;
			continue;
		}
		if (!have)
			continue;
		if (strncmp(line, "--- ", 4) == 0) {
			char *kw = line + 4;
			block = NULL;
			if (strcmp(kw, "input") == 0) {
				block = &c.input;
				c.input = strdup("");
			} else if (strcmp(kw, "tokens") == 0) {
				block = &c.tokens;
			} else if (strcmp(kw, "sentences") == 0) {
				block = &c.sentences;
			} else if (strcmp(kw, "expect") == 0) {
				block = &c.expect;
			} else if (strncmp(kw, "paragraphs ", 11) == 0) {
				c.paragraphs = strdup(kw + 11);
			} else if (strncmp(kw, "date ", 5) == 0) {
				c.date = strdup(kw + 5);
			} else if (strncmp(kw, "title ", 6) == 0) {
				c.title = strdup(kw + 6);
			} else if (strncmp(kw, "id ", 3) == 0) {
				c.id = strdup(kw + 3);
			} else if (strncmp(kw, "country ", 8) == 0) {
				c.country = strdup(kw + 8);
			} else {
				lw_check_fail(path, lineno, "unknown block '%s'", kw);
			}
			continue;
		}
		if (block) {
			if (block == &c.input && **block == 0) {
				free(*block);
				*block = strdup(line);
			} else {
				append(block, line);
			}
		}
	}
	free(line);
	fclose(f);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void lw_run_specs(const char *dir, const char *pattern)
{
	DIR *d = opendir(dir);
	if (!d) {
		lw_check_fail(dir, 0, "no spec directory");
		return;
	}
	char *names[256];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 256) {
		size_t l = strlen(e->d_name);
		if (l > 5 && strcmp(e->d_name + l - 5, ".spec") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp);
	for (size_t i = 0; i < n; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		run_file(path, pattern);
		free(names[i]);
	}
}
