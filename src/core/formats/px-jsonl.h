/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-jsonl.h: JSON Lines in doccano's shapes.
 *
 *   {"text": "...", "label": [[start, end, "LABEL"], ...], ...}
 *   {"text": "...", "entities": [{"id", "label", "start_offset",
 *    "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}], ...}
 *
 * Offsets are code points (Python string indices). Keys other than these
 * are kept as the article's metadata and written back on export.
 */
#pragma once

#include <gio/gio.h>

#include "px-interchange.h"
#include "px-store.h"

G_BEGIN_DECLS

/* One line (one JSON object) to a document. PX_ERROR_PARSE or
 * PX_ERROR_INVALID, "ORIGIN:LINE: what is wrong". */
PxIxDocument *px_jsonl_parse_line     (const char    *line,
                                       gsize          len,
                                       const char    *origin,
                                       guint          lineno,
                                       GError       **error);

/* JSON nested deeper than this is refused before json-glib (which
 * recurses once per level) sees it. */
#define PX_JSONL_MAX_DEPTH 512

/* FALSE when @json opens more than PX_JSONL_MAX_DEPTH arrays or objects
 * inside each other (brackets in strings do not count). Call it before
 * every json-glib parse of text that came from outside. */
gboolean      px_jsonl_depth_ok       (const char    *json,
                                       gsize          len);

typedef enum
{
  PX_JSONL_LABEL_FORM,     /* "label": [[s, e, L]] */
  PX_JSONL_RELATION_FORM,  /* "entities" + "relations" */
} PxJsonlForm;

/* One line of JSON, without the trailing newline. */
char         *px_jsonl_format_document (PxIxDocument *doc,
                                        PxJsonlForm   form);

typedef struct
{
  gsize       max_bytes;   /* per file; 0: PX_IMPORT_DEFAULT_MAX_BYTES */
  const char *story;       /* nullable */
} PxJsonlImportOptions;

/* Imports every line of each file as one article, each in its own
 * transaction: a broken line is reported with its number and the others
 * still import. Returns NULL only when the store fails. */
PxIxReport   *px_jsonl_import_paths   (PxStore                    *store,
                                       const char * const         *paths,
                                       const PxJsonlImportOptions *options,
                                       GError                    **error);

/* The same, adding to @report: when the store fails (FALSE), @report
 * still says what was imported (and saved) before, and @error where the
 * import stopped. */
gboolean      px_jsonl_import_paths_into (PxStore                    *store,
                                          const char * const         *paths,
                                          const PxJsonlImportOptions *options,
                                          PxIxReport                 *report,
                                          GError                    **error);

/* Writes every article as one line into @path (through a temporary file). */
gboolean      px_jsonl_export_file    (PxStore      *store,
                                       const char   *path,
                                       PxJsonlForm   form,
                                       GError      **error);

G_END_DECLS
