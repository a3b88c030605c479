/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-interchange.h: one annotated document as the interchange formats see
 * it (brat standoff, doccano JSONL, CoNLL), independent of the store.
 *
 * Parsers fill a PxIxDocument from bytes, writers turn one back into bytes;
 * px_interchange_import_document() and px_interchange_load_document() move
 * one between a PxIxDocument and the store. Keeping the formats apart from
 * the store lets the fuzzers run the parsers without a database.
 *
 * Offsets are code points into @text, end exclusive. @text is kept verbatim
 * (no NFC, no newline change): the source's offsets point into it.
 */
#pragma once

#include <glib.h>

#include "px-text.h"

G_BEGIN_DECLS

/* A text-bound annotation: brat T line, doccano entity. */
typedef struct
{
  char   *id;        /* "T3" (brat), "12" (doccano), or NULL */
  char   *label;
  GArray *fragments; /* PxSpan, ascending, never empty; >1 = discontinuous */
  char   *note;      /* brat AnnotatorNotes on this span, or NULL */
  gboolean trigger;  /* its label is an event type (set by the store loader) */
} PxIxSpan;

typedef struct
{
  char *role;        /* as written, "Theme2" included */
  char *ref;         /* id of a span or of an event */
} PxIxArg;

/* An event: brat E line. */
typedef struct
{
  char      *id;
  char      *type;
  char      *trigger;   /* id of a span */
  GPtrArray *args;      /* PxIxArg, in source order */
} PxIxEvent;

/* A binary relation: brat R line, doccano relation. */
typedef struct
{
  char *id;
  char *type;
  char *role1;          /* "Arg1" */
  char *ref1;           /* span id */
  char *role2;
  char *ref2;
} PxIxRelation;

typedef struct
{
  char      *name;       /* document name: brat file stem, or NULL */
  char      *origin;     /* file name for messages */
  char      *text;       /* verbatim, valid UTF-8 */
  gsize      n_chars;
  char      *meta_json;  /* a JSON object of extra keys (JSONL), or NULL */
  GPtrArray *spans;      /* PxIxSpan */
  GPtrArray *events;     /* PxIxEvent */
  GPtrArray *relations;  /* PxIxRelation */
  /* brat lines Parallax has no model for (*, A, M, N, notes that are not on
   * a span): kept verbatim, with the ids they refer to preserved, and
   * written back on export. */
  GPtrArray *kept_lines; /* char * */
} PxIxDocument;

PxIxDocument *px_ix_document_new      (const char *name,
                                       const char *origin,
                                       const char *text);
void          px_ix_document_free     (PxIxDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxIxDocument, px_ix_document_free)

PxIxSpan     *px_ix_span_new          (const char *id,
                                       const char *label,
                                       gsize       start,
                                       gsize       end);
void          px_ix_span_free         (PxIxSpan *span);
gsize         px_ix_span_start        (const PxIxSpan *span);
gsize         px_ix_span_end          (const PxIxSpan *span);
/* The span's text: its fragments joined by one space, as brat writes it. */
char         *px_ix_span_text         (const PxIxSpan *span,
                                       const char     *text);

PxIxEvent    *px_ix_event_new         (const char *id,
                                       const char *type,
                                       const char *trigger);
void          px_ix_event_add_arg     (PxIxEvent  *event,
                                       const char *role,
                                       const char *ref);
void          px_ix_event_free        (PxIxEvent *event);

PxIxRelation *px_ix_relation_new      (const char *id,
                                       const char *type,
                                       const char *role1,
                                       const char *ref1,
                                       const char *role2,
                                       const char *ref2);
void          px_ix_relation_free     (PxIxRelation *relation);

PxIxSpan     *px_ix_document_find_span  (PxIxDocument *doc,
                                         const char   *id);
PxIxEvent    *px_ix_document_find_event (PxIxDocument *doc,
                                         const char   *id);

/* brat numbers a repeated role: Theme, Theme2, Theme3. "Theme2" → "Theme";
 * a role without a suffix of 2 or more is returned as is. */
char         *px_ix_role_base         (const char *role);

/* Reads a whole file, refusing it before reading when it is bigger than
 * @max_bytes (0: PX_IMPORT_DEFAULT_MAX_BYTES), and checks that it is text
 * that can be kept verbatim: valid UTF-8, no NUL bytes, not UTF-16. Errors
 * name the file (and the line, for bad UTF-8). An empty file gives "". */
char         *px_ix_read_text_file    (const char  *path,
                                       gsize        max_bytes,
                                       gsize       *out_len,
                                       GError     **error);
/* The same checks on bytes in memory. */
gboolean      px_ix_check_verbatim    (const char  *data,
                                       gsize        len,
                                       const char  *origin,
                                       GError     **error);

/* Code point → byte lookups on one text in O(64) each, without an array
 * as long as the text. */
typedef struct _PxIxOffsets PxIxOffsets;

PxIxOffsets  *px_ix_offsets_new       (const char  *text);
const char   *px_ix_offsets_pointer   (PxIxOffsets *self,
                                       gsize        cp);
void          px_ix_offsets_free      (PxIxOffsets *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxIxOffsets, px_ix_offsets_free)

/* The outcome of an import: counts, and one line per failed or skipped
 * document (or JSONL line, or CSV row). */
typedef struct
{
  guint      n_imported;
  guint      n_duplicates;
  guint      n_failed;
  GPtrArray *messages;     /* char *, one line each, failures and duplicates */
  GPtrArray *duplicates;   /* the lines of @messages that are duplicates (not owned) */
} PxIxReport;

PxIxReport   *px_ix_report_new        (void);
/* Counts a duplicate and adds its line to messages and duplicates. */
void          px_ix_report_add_duplicate (PxIxReport *report,
                                          const char *message);
/* TRUE when @message (one of report->messages) reports a duplicate. */
gboolean      px_ix_report_is_duplicate  (PxIxReport *report,
                                          const char *message);
/* The store failed (disk full, locked) while importing @file (at @line,
 * 0 for none): rewrites @error to say where the import stopped and what
 * was saved before it (@report's count, in @unit/@units), since each
 * document, line or file before it was committed on its own. */
void          px_ix_report_stopped       (PxIxReport  *report,
                                          const char  *file,
                                          guint        line,
                                          const char  *unit,
                                          const char  *units,
                                          GError     **error);
void          px_ix_report_free       (PxIxReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxIxReport, px_ix_report_free)

/* The interchange format a path is in, for callers that take files and
 * folders without being told (drag and drop, the app's Import): "brat" for
 * a .ann file, a .txt with a .ann beside it, or a folder holding a .ann or an
 * annotation.conf (looked for a few levels down); "jsonl" for .jsonl and
 * .ndjson files; "csv" for a .csv file or a folder holding annotations.csv;
 * NULL for anything else (plain-text articles). */
const char   *px_interchange_guess_format (const char *path);

G_END_DECLS
