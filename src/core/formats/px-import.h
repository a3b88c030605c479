/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-import.h: plain-text article import.
 *
 * px_import_parse() turns one file's bytes into a PxArticleInfo (decoding,
 * front matter, the date marker, headline and outlet heuristics, language).
 * px_import_paths() walks files and folders, parses each and adds it to a
 * store, in batched transactions, reporting progress; one bad file never
 * stops the others.
 */
#pragma once

#include <gio/gio.h>

#include "px-article.h"
#include "px-store.h"

G_BEGIN_DECLS

#define PX_IMPORT_DEFAULT_MAX_BYTES (20 * 1024 * 1024)

typedef struct
{
  gsize       max_bytes;  /* 0: PX_IMPORT_DEFAULT_MAX_BYTES */
  const char *story;      /* put every article into this story (nullable) */
} PxImportOptions;

/* Parses @data (the bytes of one file; @origin names it in errors and
 * becomes origin_path). Fails with PX_ERROR_BINARY, PX_ERROR_EMPTY,
 * PX_ERROR_TOO_LARGE, PX_ERROR_ENCODING or PX_ERROR_PARSE. */
gboolean  px_import_parse           (const guint8          *data,
                                     gsize                  len,
                                     const char            *origin,
                                     const PxImportOptions *options,
                                     PxArticleInfo         *out,
                                     GError               **error);

typedef enum
{
  PX_IMPORT_IMPORTED,
  PX_IMPORT_DUPLICATE,
  PX_IMPORT_FAILED,
} PxImportOutcome;

typedef struct
{
  char            *path;
  PxImportOutcome  outcome;
  gint64           article_id; /* new or existing (duplicate) article, or 0 */
  char            *message;    /* one line, for duplicates and failures */
} PxImportResult;

typedef struct
{
  guint      n_imported;
  guint      n_duplicates;
  guint      n_failed;
  GPtrArray *results;  /* element type: PxImportResult, in import order */
} PxImportReport;

void px_import_report_free (PxImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxImportReport, px_import_report_free)

/* @done of @total files handled so far; @path is the file just handled. */
typedef void (*PxImportProgressFunc) (guint       done,
                                      guint       total,
                                      const char *path,
                                      gpointer    user_data);

/* Imports .txt files, and folders recursively (hidden files skipped, files
 * in sorted order). Returns NULL only when the store itself fails (disk
 * full, read-only) or @cancellable fires; articles committed before that
 * stay. */
PxImportReport *px_import_paths     (PxStore               *store,
                                     const char * const    *paths,
                                     const PxImportOptions *options,
                                     PxImportProgressFunc   progress,
                                     gpointer               user_data,
                                     GCancellable          *cancellable,
                                     GError               **error);

/* Called after each batch commits: @n_committed articles imported so far
 * are safe on disk. */
typedef void (*PxImportCommitFunc) (guint    n_committed,
                                    gpointer user_data);

/* px_import_paths() with a commit callback (both callbacks get @user_data). */
PxImportReport *px_import_paths_full (PxStore               *store,
                                      const char * const    *paths,
                                      const PxImportOptions *options,
                                      PxImportProgressFunc   progress,
                                      PxImportCommitFunc     committed,
                                      gpointer               user_data,
                                      GCancellable          *cancellable,
                                      GError               **error);

G_END_DECLS
