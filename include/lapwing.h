/*
 * lapwing.h: the public API of liblapwing.
 *
 * lapwing turns news articles into verifiable conflict-event data: entities,
 * direct quotes with their speakers, and events coded in PLOVER (with CAMEO
 * and ACLED types), every field tied to the bytes of the text that justify
 * it. What is not declared in this header is not API: the layouts of the
 * opaque handles, the internal modules and the knowledge-base file format
 * may change in any release.
 *
 * Threads: a loaded knowledge base (lw_kb) is immutable and may be shared by
 * any number of threads. A document result (lw_doc) belongs to the thread
 * that made it until it is freed. Nothing in the library keeps global
 * mutable state.
 *
 * Memory: the library never aborts on allocation failure; functions return
 * LW_ENOMEM. Every function that hands out memory says who frees it. All
 * destructors accept NULL.
 */
#ifndef LAPWING_H
#define LAPWING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(LW_BUILDING_LIBRARY) && defined(__GNUC__)
#define LW_API __attribute__((visibility("default")))
#else
#define LW_API
#endif

#define LW_VERSION_MAJOR 0
#define LW_VERSION_MINOR 1
#define LW_VERSION_PATCH 0
#define LW_VERSION_STRING "0.1.0"
/* The version of the output contract (the "lapwing" field of each object). */
#define LW_CONTRACT_VERSION 1

/* The library's version string, e.g. "0.1.0". Static storage. */
LW_API const char *lw_version(void);

/* ------------------------------------------------------------------------
 * Status codes and errors
 */
typedef enum lw_status {
	LW_OK = 0,
	LW_DONE,     /* not an error: a reader has no more documents */
	LW_ENOMEM,   /* out of memory */
	LW_EIO,      /* a file could not be read or written */
	LW_EARG,     /* invalid argument */
	LW_ETOOBIG,  /* input exceeds a named limit */
	LW_EJSON,    /* malformed JSON */
	LW_ENOTEXT,  /* a JSON record without a string "text" field */
	LW_EKB,      /* knowledge base missing or malformed */
	LW_EDB,      /* store (SQLite) error */
	LW_EVERSION, /* file made by an incompatible lapwing version */
	LW_EINTERNAL /* a bug: please report */
} lw_status;

/* A short English description of a status. Static storage; never NULL. */
LW_API const char *lw_strerror(lw_status status);

/*
 * Where and why something failed. Functions that take an lw_error * fill it
 * on failure (when it is not NULL); `doc` names the document or file,
 * `line` is the 1-based line of a JSON Lines file (0 if none), `offset` the
 * byte offset inside the line or text (-1 if none).
 */
typedef struct lw_error {
	lw_status status;
	char doc[256];
	long line;
	long offset;
	char message[256];
} lw_error;

/* Output callback: write n bytes; return 0 on success, -1 on failure. */
typedef int (*lw_write_fn)(void *ctx, const char *bytes, size_t n);

/* ------------------------------------------------------------------------
 * Knowledge base: the compiled dictionaries (actors, places, cues, verbs).
 */
typedef struct lw_kb lw_kb;

/*
 * Load a compiled knowledge base (a file made by lw_kb_compile). The file
 * is mapped read-only; the handle is immutable and thread-safe. Free with
 * lw_kb_free.
 */
LW_API lw_status lw_kb_load(const char *path, lw_kb **out, lw_error *err);
LW_API void lw_kb_free(lw_kb *kb);

/*
 * Diagnostics of the dictionary compiler and checker: called once per
 * problem with the file, 1-based line and a message. `is_error` is 0 for
 * warnings.
 */
typedef void (*lw_diag_fn)(void *ctx, const char *file, long line, int is_error,
			   const char *message);

/*
 * Compile the dictionary directories `dirs` (later ones extend and override
 * earlier ones) and the generated gazetteer file `gazetteer` (may be NULL)
 * into `out_path`. Problems go to `diag`; returns LW_EKB if any was an
 * error. With out_path NULL nothing is written (a check only).
 */
LW_API lw_status lw_kb_compile(const char *const *dirs, size_t ndirs, const char *gazetteer,
			       const char *out_path, lw_diag_fn diag, void *ctx,
			       lw_error *err);

/*
 * Compile like lw_kb_compile, straight into a loaded knowledge base (no
 * file): how a user's own dictionaries (--kb DIR) are used. Slower than
 * lw_kb_load (it parses every dictionary line); free with lw_kb_free.
 */
LW_API lw_status lw_kb_build(const char *const *dirs, size_t ndirs, const char *gazetteer,
			     lw_diag_fn diag, void *ctx, lw_kb **out, lw_error *err);

/*
 * Explain how the knowledge base reads a text: every dictionary phrase
 * found in it, with its senses (actor and code, place, role word, title,
 * cue, trigger ...), one line each, for users who debug their
 * dictionaries (`lapwing kb lookup`). `date` ("YYYY-MM-DD" or NULL) picks
 * the actor codes.
 */
LW_API lw_status lw_kb_explain(const lw_kb *kb, const char *text, size_t len, const char *date,
			       lw_write_fn write, void *ctx);

/*
 * The country `name` (len bytes) means: an ISO 3166-1 alpha-3 code in any
 * case ("PAK", "pak") or a name of a country the knowledge base knows
 * ("Pakistan", "Islamic Republic of Pakistan"). Writes the alpha-3 code
 * and a NUL to a3 and returns 1; returns 0 when it names no country.
 */
LW_API int lw_kb_country(const lw_kb *kb, const char *name, size_t len, char a3[4]);

/* Load-time statistics of a knowledge base, for `lapwing kb info`. */
typedef struct lw_kb_info {
	size_t bytes;      /* size of the compiled file */
	size_t actors;     /* named actors (people and organisations) */
	size_t armed_groups;
	size_t roles;      /* generic role words */
	size_t places;     /* gazetteer entries */
	size_t countries;
	size_t names;      /* distinct matchable names and aliases */
	size_t cues;       /* quote cues */
	size_t triggers;   /* event trigger patterns */
} lw_kb_info;
LW_API void lw_kb_get_info(const lw_kb *kb, lw_kb_info *info);

/* ------------------------------------------------------------------------
 * Input documents and options
 */

/* A document to code. Strings are (pointer, length) pairs and need not be
 * NUL-terminated; a NULL pointer means absent. The library copies what it
 * keeps: the caller may free the input after lw_code returns. */
typedef struct lw_input {
	const char *id;
	size_t id_len;
	const char *text;
	size_t text_len;
	const char *date;   /* "YYYY-MM-DD" (or "YYYY-MM", "YYYY") */
	size_t date_len;
	const char *title;
	size_t title_len;
	const char *source;
	size_t source_len;
	const char *url;
	size_t url_len;
	/* the country the document is about, when its source says so (a
	 * national news feed): an ISO 3166-1 alpha-3 code or a country name
	 * (lw_kb_country); used only where the text itself names no country */
	const char *country;
	size_t country_len;
} lw_input;

/* Pipeline stages; lw_options.stages selects how far lw_code goes. */
enum {
	LW_STAGE_TEXT = 1 << 0,     /* tokens, sentences, paragraphs, dateline */
	LW_STAGE_ENTITIES = 1 << 1, /* people, organisations, places */
	LW_STAGE_QUOTES = 1 << 2,   /* direct quotes and speakers */
	LW_STAGE_EVENTS = 1 << 3,   /* events */
	LW_STAGE_ALL = (1 << 4) - 1
};

/* Named limits, see lw_options. */
#define LW_DEFAULT_MAX_DOC_BYTES ((size_t)64 << 20) /* 64 MiB: larger is not an article */

typedef struct lw_options {
	unsigned stages;        /* LW_STAGE_* bits; default LW_STAGE_ALL */
	const char *date;       /* fallback document date ("--date"), or NULL */
	size_t max_doc_bytes;   /* documents longer than this are refused */
	const char *country;    /* fallback for lw_input.country ("--country"), or NULL */
} lw_options;

/* Fill `opt` with the defaults. */
LW_API void lw_options_init(lw_options *opt);

/* ------------------------------------------------------------------------
 * Results. A result (lw_doc) owns everything it points to; all pointers
 * stay valid until lw_doc_free. Offsets are byte offsets into the text as
 * given (half-open [start, end)).
 */
typedef struct lw_doc lw_doc;

typedef struct lw_span {
	uint32_t start, end;
} lw_span;

typedef struct lw_str {
	const char *ptr; /* not NUL-terminated unless stated */
	size_t len;
} lw_str;

/* Token kinds and flags (see `lapwing tokens`). */
typedef enum lw_token_kind {
	LW_TOK_WORD,    /* letters, with inner hyphens and apostrophes */
	LW_TOK_NUMBER,  /* 1,200 3.5 2013 1990s */
	LW_TOK_ABBREV,  /* U.S. Gen. Jan. a.m. */
	LW_TOK_PUNCT,   /* , ; : ( ) [ ] / & and other marks */
	LW_TOK_TERM,    /* . ! ? ... that may end a sentence */
	LW_TOK_QUOTE,   /* a quotation mark, see LW_TF_QUOTE_* */
	LW_TOK_DASH,    /* a dash standing apart: - -- en dash, em dash */
	LW_TOK_URL,
	LW_TOK_EMAIL,
	LW_TOK_SYMBOL,  /* $ % # @ and other symbols */
	LW_TOK_INVALID  /* bytes that are not valid UTF-8 */
} lw_token_kind;

enum {
	LW_TF_SPACE_BEFORE = 1 << 0,   /* whitespace precedes the token */
	LW_TF_NEWLINE_BEFORE = 1 << 1, /* a line break precedes it */
	LW_TF_PARA_BEFORE = 1 << 2,    /* a paragraph break precedes it */
	LW_TF_CAP = 1 << 3,            /* first letter upper case */
	LW_TF_UPPER = 1 << 4,          /* all letters upper case (2+ letters) */
	LW_TF_LOWER = 1 << 5,          /* no upper-case letter */
	LW_TF_HYPHEN = 1 << 6,         /* contains an inner hyphen */
	LW_TF_DIGIT = 1 << 7,          /* contains a digit */
	LW_TF_REPAIRED = 1 << 8,       /* split from a glued word ("martyredTahir") */
	LW_TF_POSSESSIVE = 1 << 9,     /* the 's of a possessive */
	LW_TF_QUOTE_OPEN = 1 << 10,    /* quotation mark that opens (or may open) */
	LW_TF_QUOTE_CLOSE = 1 << 11,   /* quotation mark that closes (or may close) */
	LW_TF_QUOTE_SINGLE = 1 << 12,  /* single mark (' ‘ ’ ‹ ›) */
	LW_TF_NONASCII = 1 << 13,      /* contains non-ASCII letters */
	LW_TF_APOS = 1 << 14           /* contains an inner apostrophe */
};

typedef struct lw_token {
	uint32_t start, end;
	uint16_t kind;  /* lw_token_kind */
	uint16_t flags; /* LW_TF_* */
} lw_token;

typedef struct lw_sentence {
	uint32_t start, end;             /* bytes */
	uint32_t first_token, end_token; /* token range [first, end) */
	uint32_t paragraph;              /* index of its paragraph */
} lw_sentence;

typedef struct lw_paragraph {
	uint32_t start, end;
	uint32_t first_sentence, end_sentence;
} lw_paragraph;

/* A date at some precision. year 0 = unknown. */
typedef enum lw_precision {
	LW_PREC_NONE = 0,
	LW_PREC_YEAR,
	LW_PREC_SEASON,
	LW_PREC_MONTH,
	LW_PREC_WEEK,
	LW_PREC_DAY
} lw_precision;

typedef struct lw_date {
	int16_t year;
	uint8_t month;     /* 1-12, 0 unknown */
	uint8_t day;       /* 1-31, 0 unknown; for WEEK: ISO week number */
	uint8_t precision; /* lw_precision */
	uint8_t season;    /* 1 spring .. 4 winter, for LW_PREC_SEASON */
} lw_date;

/* The dateline found at the head of the text, if any. */
typedef struct lw_dateline {
	int found;
	lw_span span;  /* whole dateline, up to and including its dash */
	lw_span place; /* "KABUL, Afghanistan" */
	lw_span when;  /* "Jan. 25, 2013" inside the parentheses, or {0,0} */
	lw_date date;  /* what `when` says (year 0 where it gives none) */
} lw_dateline;

typedef enum lw_entity_type { LW_PERSON, LW_ORG, LW_PLACE } lw_entity_type;

typedef enum lw_place_kind {
	LW_PK_NONE = 0,
	LW_PK_COUNTRY,
	LW_PK_ADMIN1,
	LW_PK_ADMIN2,
	LW_PK_CITY,
	LW_PK_OTHER
} lw_place_kind;

/* Actor code: country (ISO alpha-3, "" for none) and sector ("REB"). */
typedef struct lw_actor_code {
	char country[4]; /* NUL-terminated; "" when the actor has no country */
	char sector[4];  /* NUL-terminated; "" when unknown */
} lw_actor_code;

typedef struct lw_place {
	lw_place_kind kind;
	char country[4]; /* ISO alpha-3 or "" */
	lw_str admin1;   /* name of the province (empty if none) */
	lw_str admin2;   /* name of the district (empty if none) */
	double lat, lon; /* NaN if unknown */
} lw_place;

typedef struct lw_entity {
	uint32_t id;
	lw_entity_type type;
	lw_str name;
	const lw_span *mentions; /* in text order */
	size_t n_mentions;
	int has_actor;
	lw_actor_code actor;
	int has_place;
	lw_place place;
} lw_entity;

typedef struct lw_described_span {
	int present;
	lw_span span;
} lw_described_span;

typedef struct lw_speaker {
	int present;
	int32_t entity;  /* entity id, or -1 */
	lw_str name;     /* resolved name */
	lw_span span;    /* the words naming the speaker for this quote */
	lw_described_span description;
} lw_speaker;

typedef struct lw_quote {
	lw_span span;    /* quoted words, without the marks */
	lw_speaker speaker;
	lw_described_span cue;
	float confidence;
} lw_quote;

typedef struct lw_event_actor {
	int present;
	int32_t entity;  /* entity id, or -1 */
	lw_str name;
	lw_actor_code code;
	lw_span span;
} lw_event_actor;

typedef struct lw_event_place {
	int present;
	int32_t entity;
	lw_str name;
	lw_place place;
	lw_span span;
} lw_event_place;

typedef struct lw_event_date {
	int present;
	lw_date date;
	lw_span span;
} lw_event_date;

typedef struct lw_count {
	int present;
	int64_t value;
	int approx;
	lw_span span;
} lw_count;

typedef struct lw_event {
	const char *type;  /* PLOVER type, static storage */
	const char *mode;  /* PLOVER mode or NULL */
	lw_event_actor source, target;
	lw_event_place location;
	lw_event_date date;
	lw_count dead, injured, arrested;
	lw_span trigger;
	lw_span sentence;
	const char *cameo;          /* or NULL */
	const char *acled_type;     /* or NULL */
	const char *acled_subtype;  /* or NULL */
	int negated, speculative, background;
	float confidence;
} lw_event;

/*
 * Code one document. `kb` may be NULL only when opt->stages is
 * LW_STAGE_TEXT. On success *out is a result to free with lw_doc_free. On
 * failure *out is NULL and err says why (the document is named by its id).
 */
LW_API lw_status lw_code(const lw_kb *kb, const lw_options *opt, const lw_input *in,
			 lw_doc **out, lw_error *err);
LW_API void lw_doc_free(lw_doc *doc);

/* Accessors. Strings are owned by the result; arrays have *n elements. */
LW_API lw_str lw_doc_id(const lw_doc *doc);
LW_API lw_str lw_doc_text(const lw_doc *doc);
LW_API lw_str lw_doc_title(const lw_doc *doc);  /* ptr NULL if absent */
LW_API lw_str lw_doc_source(const lw_doc *doc);
LW_API lw_str lw_doc_url(const lw_doc *doc);
/* The document date (year 0 when unknown) and where it came from. */
typedef enum lw_date_origin {
	LW_DATE_NONE,
	LW_DATE_INPUT,    /* the input's date field */
	LW_DATE_OPTION,   /* lw_options.date */
	LW_DATE_DATELINE, /* the dateline */
	LW_DATE_INFERRED  /* a dateline's day and month with a year from the text */
} lw_date_origin;
LW_API lw_date lw_doc_date(const lw_doc *doc, lw_date_origin *origin);
/* The country the document was given (lw_input.country, else
 * lw_options.country) as an ISO 3166-1 alpha-3 code, "" when none;
 * *given (if not NULL) gets the words it was given as. */
LW_API const char *lw_doc_country(const lw_doc *doc, lw_str *given);
LW_API const lw_dateline *lw_doc_dateline(const lw_doc *doc);
LW_API const lw_token *lw_doc_tokens(const lw_doc *doc, size_t *n);
LW_API const lw_sentence *lw_doc_sentences(const lw_doc *doc, size_t *n);
LW_API const lw_paragraph *lw_doc_paragraphs(const lw_doc *doc, size_t *n);
LW_API const lw_entity *lw_doc_entities(const lw_doc *doc, size_t *n);
LW_API const lw_quote *lw_doc_quotes(const lw_doc *doc, size_t *n);
LW_API const lw_event *lw_doc_events(const lw_doc *doc, size_t *n);

/* Names for enums, static storage: "WORD", "PERSON", "admin1", "day". */
LW_API const char *lw_token_kind_name(lw_token_kind kind);
LW_API const char *lw_entity_type_name(lw_entity_type type);
LW_API const char *lw_place_kind_name(lw_place_kind kind);
LW_API const char *lw_precision_name(lw_precision precision);

/* Format a date as ISO 8601 at its precision ("2013-01-24", "2023-07",
 * "2023", "2023-W05", "2023-spring") into buf (>= 16 bytes). Returns the
 * length, 0 if the date is unknown. */
LW_API size_t lw_date_format(const lw_date *date, char *buf, size_t size);

/* Parse "YYYY-MM-DD", "YYYY-MM" or "YYYY". Returns 1 on success. */
LW_API int lw_date_parse(const char *s, size_t len, lw_date *out);

/* ------------------------------------------------------------------------
 * Readers: documents from plain-text files, JSON Lines and directories.
 *
 * A reader walks its queue of paths in order ("-" is standard input),
 * recursing into directories in name order. In directories, files are
 * chosen by extension: .txt and .text are plain text (one document per
 * file), .jsonl, .ndjson and .json are JSON Lines (one document per line:
 * {"id","date","title","source","url","text"}); other files are counted as
 * skipped. A record without an id gets "FILE:LINE" ("stdin:LINE"); a
 * plain-text file's id is its path.
 */
typedef struct lw_reader lw_reader;

typedef enum lw_format {
	LW_FORMAT_AUTO = 0, /* by extension; standard input is JSON Lines */
	LW_FORMAT_TEXT,
	LW_FORMAT_JSONL
} lw_format;

/* `format` forces the format of files named explicitly and of standard
 * input (directories still choose by extension). Free with lw_reader_free. */
LW_API lw_status lw_reader_new(lw_format format, size_t max_doc_bytes, lw_reader **out);
LW_API void lw_reader_free(lw_reader *r);
/* Queue a path (file, directory, or "-"). The string is copied. */
LW_API lw_status lw_reader_add(lw_reader *r, const char *path);
/* Queue a buffer as a source named `name` (format TEXT or JSONL; AUTO means
 * JSONL). The buffer must stay valid until the reader has read it. */
LW_API lw_status lw_reader_add_memory(lw_reader *r, const char *name, const void *data,
				      size_t len, lw_format format);

/*
 * The next document. LW_OK: *doc is filled and valid until the next call.
 * LW_DONE: nothing is left. Any other status is a problem with one record
 * or file, described in *err (file in err->doc, line, byte offset); the
 * reader has skipped it and the next call goes on.
 */
LW_API lw_status lw_reader_next(lw_reader *r, lw_input *doc, lw_error *err);

/* A warning about the document just returned (e.g. an unusable "date"
 * field that was ignored), or NULL. Valid until the next call. */
LW_API const char *lw_reader_warning(const lw_reader *r);

/* Where the document just returned came from: its file ("-" for standard
 * input) and line (0 for a plain-text file). */
LW_API void lw_reader_where(const lw_reader *r, const char **file, long *line);

/* Call wait(ctx) whenever the reader is about to wait for input that has
 * not arrived yet (a pipe or terminal with nothing to read), so that a
 * caller holding output back can write it first: `tail -f feed.jsonl |
 * lapwing code | consumer` sees each document while the feed is quiet.
 * Files never wait. wait returns 0 to go on; anything else stops the
 * reader, whose lw_reader_next then returns LW_DONE (the caller knows
 * why: its output failed). NULL turns it off. */
LW_API void lw_reader_on_wait(lw_reader *r, int (*wait)(void *ctx), void *ctx);

typedef struct lw_reader_stats {
	size_t files;         /* files opened */
	size_t skipped_files; /* files in directories with other extensions */
	size_t documents;     /* documents returned */
	size_t errors;        /* records or files that failed */
	uint64_t bytes;       /* bytes of text returned */
} lw_reader_stats;
LW_API void lw_reader_get_stats(const lw_reader *r, lw_reader_stats *stats);

/* ------------------------------------------------------------------------
 * Writers
 */


enum {
	LW_JSON_PRETTY = 1 << 0 /* indent (otherwise one line per document) */
};

/* Write the result as one contract JSON object followed by a newline. */
LW_API lw_status lw_doc_write_json(const lw_doc *doc, unsigned flags, lw_write_fn write,
				   void *ctx);


/* ------------------------------------------------------------------------
 * Store: coded documents in an SQLite database (docs/store.md).
 *
 * A store is one SQLite file (with its -wal and -shm companions while it is
 * open): documents with their text, entities, quotes, events and a
 * full-text index of the text. Each document's rows are written in one
 * transaction with its documents row, so a killed writer leaves every
 * document either wholly stored or not at all. A handle is used by one
 * thread at a time; any number of processes may read while one writes.
 */

/* The layout of the tables. A store of schema 1 is read as it is and
 * updated to this one, in one transaction, when it is opened for writing;
 * a database of any other version is refused (LW_EVERSION), never
 * changed. */
#define LW_STORE_SCHEMA_VERSION 2

typedef struct lw_store lw_store;

enum {
	LW_STORE_CREATE = 1 << 0,  /* make the file and the tables if missing */
	LW_STORE_READONLY = 1 << 1 /* never write (stats, export, search) */
};

/* Open (or with LW_STORE_CREATE create) a store. Refuses a file that is
 * not a lapwing store, or one of another schema version, before writing
 * anything to it. Free with lw_store_close. */
LW_API lw_status lw_store_open(const char *path, unsigned flags, lw_store **out, lw_error *err);
/* Commit what is pending and close. Accepts NULL. */
LW_API lw_status lw_store_close(lw_store *s);

/* Group several puts into one transaction (much faster than one each).
 * lw_store_commit makes them durable; closing without it loses them. */
LW_API lw_status lw_store_begin(lw_store *s, lw_error *err);
LW_API lw_status lw_store_commit(lw_store *s, lw_error *err);

typedef enum lw_put_result {
	LW_PUT_ADDED,     /* a new document id */
	LW_PUT_REPLACED,  /* same id, other content: the old rows are gone */
	LW_PUT_UNCHANGED  /* same id, same content: nothing written */
} lw_put_result;

enum {
	LW_PUT_FORCE = 1 << 0 /* rewrite even when the content is unchanged */
};

/*
 * Store a coded document (from lw_code). Its content hash covers the text,
 * title, source, url and the date it was given (not one found in its
 * dateline): putting the same again leaves the store unchanged.
 */
LW_API lw_status lw_store_put_doc(lw_store *s, const lw_doc *doc, unsigned flags,
				  lw_put_result *result, lw_error *err);
/*
 * Store one contract JSON object (a line of `lapwing code` output),
 * without coding it again. It may carry the document's "text"; without it,
 * the store keeps the texts the object quotes (quotes, speakers, triggers,
 * counts ...) at their offsets. A record that breaks the contract (wrong
 * types, spans out of range, links to missing entities) is refused with
 * LW_EJSON and err says where ("events[2].dead.start: ...").
 */
LW_API lw_status lw_store_put_coded(lw_store *s, const char *json, size_t len, unsigned flags,
				    lw_put_result *result, lw_error *err);

/* Progress of an ingest, given to the progress callback and at the end. */
typedef struct lw_ingest_progress {
	uint64_t read;        /* documents read (including failed ones) */
	uint64_t added, replaced, unchanged, failed;
	uint64_t text_bytes;  /* bytes of document text (or of coded records) read */
	uint64_t input_bytes; /* bytes of input consumed, where known (else text_bytes) */
	uint64_t total_bytes; /* size of all the inputs, 0 if unknown (a pipe) */
	double seconds;
	double writer_cpu;    /* CPU seconds of the writer thread (at the end) */
	double worker_cpu;    /* CPU seconds of the coding threads together (at the end) */
	int done;             /* the last call */
	int interrupted;      /* stopped early by *stop */
} lw_ingest_progress;

/* A problem with one document (is_warning 0: it was not stored), with its
 * file and line in err->doc and err->line. */
typedef void (*lw_ingest_report_fn)(void *ctx, const lw_error *err, int is_warning);
typedef void (*lw_ingest_progress_fn)(void *ctx, const lw_ingest_progress *p);

typedef struct lw_ingest_options {
	unsigned threads;      /* coding (or parsing) threads; 0: one per core */
	int coded;             /* inputs are contract JSON Lines: store, do not code */
	unsigned put_flags;    /* LW_PUT_FORCE */
	lw_format format;      /* of named files and standard input, as lw_reader_new */
	lw_options code;       /* options for lw_code */
	unsigned batch_docs;   /* documents per transaction; 0: 500 */
	unsigned batch_ms;     /* ... or milliseconds, whichever comes first; 0: 2000 */
	lw_ingest_report_fn report;
	lw_ingest_progress_fn progress; /* about 10 times a second, and at the end */
	void *ctx;
	volatile int *stop;    /* when it becomes non-zero, stop reading and commit */
} lw_ingest_options;

LW_API void lw_ingest_options_init(lw_ingest_options *opt);

/*
 * Read documents from `paths` (files, directories or "-", as lw_reader),
 * code them on opt->threads threads (kb shared) and store them through one
 * writer in batched transactions, in input order. Problems with single
 * documents go to opt->report and do not stop the run; the result is LW_OK
 * unless the store itself failed (err says why). `kb` may be NULL with
 * opt->coded. Final counts in *out (may be NULL).
 */
LW_API lw_status lw_store_ingest(lw_store *s, const lw_kb *kb, const lw_ingest_options *opt,
				 const char *const *paths, size_t npaths, lw_ingest_progress *out,
				 lw_error *err);

/* Output formats of statistics, exports and search results. */
typedef enum lw_out_format {
	LW_OUT_TABLE, /* aligned columns for people (search: one hit per block) */
	LW_OUT_CSV,   /* RFC 4180: quoted where needed, CRLF line ends */
	LW_OUT_JSON,  /* stats: one JSON array; search: JSON Lines */
	LW_OUT_JSONL, /* export: contract JSON objects, one per line */
	LW_OUT_ACLED  /* export: CSV with ACLED's columns */
} lw_out_format;

/*
 * Which events to count or export. Field names (lw_event_fields) choose
 * grouping columns and filters: type, mode, source, source-name, target,
 * target-name, country, province, district, location, day, week, month,
 * year. Filters on one field are alternatives (OR); filters on different
 * fields all apply (AND). `from` and `to` ("YYYY", "YYYY-MM" or
 * "YYYY-MM-DD", inclusive, NULL for open) bound the event's day. Strings
 * are the caller's, used only during the call.
 */
#define LW_QUERY_MAX_FIELDS 32
typedef struct lw_event_query {
	const char *by[LW_QUERY_MAX_FIELDS];
	size_t nby;
	struct {
		const char *field, *value;
	} where[LW_QUERY_MAX_FIELDS];
	size_t nwhere;
	const char *from, *to;
} lw_event_query;

/* The field names, NULL-terminated, static storage. */
LW_API const char *const *lw_event_fields(void);

/*
 * Count events and sum their dead, injured and arrested, grouped by
 * q->by, leaving out negated, speculative and background events; write
 * the table in `format` (TABLE, CSV or JSON). LW_EARG for an unknown field
 * or date, with the reason in err.
 */
LW_API lw_status lw_store_stats(lw_store *s, const lw_event_query *q, lw_out_format format,
				lw_write_fn write, void *ctx, lw_error *err);

enum {
	LW_EXPORT_TEXT = 1 << 0 /* JSONL: add each document's "text" */
};

/*
 * Export the store: LW_OUT_JSONL, the contract objects as `lapwing code`
 * wrote them (one per document, in ingest order); LW_OUT_CSV, one row per
 * event; LW_OUT_ACLED, ACLED's columns (event_date, event_type,
 * sub_event_type, actor1, actor2, country, admin1, admin2, location,
 * latitude, longitude, source, notes, fatalities) for counted events that
 * ACLED covers. `q` (may be NULL) filters the events of CSV and ACLED
 * (its `by` is ignored). `kb` (may be NULL) gives ACLED country names;
 * without it the country column holds ISO codes.
 */
LW_API lw_status lw_store_export(lw_store *s, const lw_kb *kb, lw_out_format format,
				 unsigned flags, const lw_event_query *q, lw_write_fn write,
				 void *ctx, lw_error *err);

typedef struct lw_search_options {
	const char *query;    /* FTS5 query syntax: words, "phrases", AND OR NOT, NEAR() */
	size_t limit;         /* most hits to show; 0: 20 */
	int quotes_only;      /* only hits inside quotes */
	const char *from, *to; /* document dates, as in lw_event_query */
	lw_out_format format; /* TABLE or JSON (JSON Lines) or CSV */
	int color;            /* TABLE: mark the matches with terminal colours */
} lw_search_options;

/*
 * Full-text search of the stored texts: each hit is a quote (with its
 * speaker) or a sentence that holds a match, with its document's id and
 * date, best-ranked documents first. LW_EARG for a query FTS5 cannot parse.
 */
LW_API lw_status lw_store_search(lw_store *s, const lw_search_options *opt, lw_write_fn write,
				 void *ctx, lw_error *err);

#ifdef __cplusplus
}
#endif
#endif /* LAPWING_H */
