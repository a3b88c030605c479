/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-brat.h: brat standoff (DOC.txt + DOC.ann).
 *
 * The .txt is kept verbatim: brat offsets are code points into its exact
 * text, so no NFC, no newline change and no heuristics are applied. Lines
 * Parallax has no model for are kept in PxIxDocument.kept_lines with the ids
 * they refer to, and written back on export.
 */
#pragma once

#include <gio/gio.h>

#include "px-interchange.h"
#include "px-store.h"

G_BEGIN_DECLS

/* Parses .ann data against doc->text and adds what it finds to @doc. Every
 * error is PX_ERROR_PARSE and reads "ORIGIN:LINE: what is wrong". Nothing
 * is added to @doc unless the whole file is good. */
gboolean      px_brat_parse_ann       (PxIxDocument *doc,
                                       const char   *data,
                                       gsize         len,
                                       const char   *origin,
                                       GError      **error);

/* Reads DOC.txt and, when it exists, DOC.ann (given either path). */
PxIxDocument *px_brat_read_document   (const char   *path,
                                       gsize         max_bytes,
                                       GError      **error);

/* Ids longer than this (T and 18 digits) are refused on import: counters
 * above them could not count on without wrapping. */
#define PX_BRAT_MAX_ID_DIGITS 18

/* Gives an id to every span, event and relation that has none (or one
 * longer than PX_BRAT_MAX_ID_DIGITS), above the highest number in use for
 * its prefix (kept lines included). */
void          px_brat_assign_ids      (PxIxDocument *doc);

/* The .ann text of @doc (ids must be assigned). */
char         *px_brat_format_ann      (PxIxDocument *doc);

/* Writes DIR/STEM.txt and DIR/STEM.ann, each through a temporary file that
 * is renamed at the end. */
gboolean      px_brat_write_document  (PxIxDocument *doc,
                                       const char   *dir,
                                       const char   *stem,
                                       GError      **error);

typedef struct
{
  gsize         max_bytes;    /* per file; 0: PX_IMPORT_DEFAULT_MAX_BYTES */
  const char   *story;        /* nullable */
  GCancellable *cancellable;  /* nullable: stops the folder walk and the import */
} PxBratImportOptions;

/* Imports .txt/.ann pairs from files and folders (recursively), and an
 * annotation.conf found in a folder into the label schema. Each document is
 * one transaction: a bad .ann leaves nothing of its document behind, and the
 * others still import. Folders are walked once each (a link back to one
 * already walked is skipped), PX_WALK_MAX_DEPTH deep at most; a DOC.ann
 * without its DOC.txt is a failure. Returns NULL only when the store fails
 * (or the walk was cancelled: G_IO_ERROR_CANCELLED; the documents imported
 * before stay). */
PxIxReport   *px_brat_import_paths    (PxStore                   *store,
                                       const char * const        *paths,
                                       const PxBratImportOptions *options,
                                       GError                   **error);

/* The same, adding to @report: when the store fails (FALSE), @report
 * still says what was imported (and saved) before, and @error where the
 * import stopped. */
gboolean      px_brat_import_paths_into (PxStore                   *store,
                                         const char * const        *paths,
                                         const PxBratImportOptions *options,
                                         PxIxReport                *report,
                                         GError                   **error);

/* Adds the entity and event types (with roles) of @conf to the label
 * schema, and keeps its relation and attribute lines; one transaction. */
gboolean      px_brat_import_conf     (PxStore      *store,
                                       const char   *path,
                                       GError      **error);

/* Writes every article as a .txt/.ann pair into @dir, and annotation.conf
 * for the label schema. */
gboolean      px_brat_export_dir      (PxStore      *store,
                                       const char   *dir,
                                       GError      **error);

G_END_DECLS
