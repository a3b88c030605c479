/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-csv-import.h: re-importing Parallax's own annotations.csv.
 *
 * Each row is matched to an article of the corpus: through articles.csv
 * beside it (old article id → sha256 of the text) when that file is there,
 * else by article id when the title agrees, else by a unique title. The
 * row's text must equal the article's text at [start, end). Rows already in
 * the corpus (same article, label, start and end) are skipped, so importing
 * the same file twice changes nothing.
 *
 * One file is one transaction: a bad row rolls the whole file back and is
 * reported with the file and the line.
 */
#pragma once

#include "px-interchange.h"
#include "px-store.h"

G_BEGIN_DECLS

typedef struct
{
  gsize max_bytes;  /* per file; 0: PX_IMPORT_DEFAULT_MAX_BYTES */
} PxCsvImportOptions;

/* @paths: annotations.csv files, or folders holding one. In the report,
 * n_imported and n_duplicates count annotations (rows), n_failed files. */
PxIxReport *px_csv_import_paths (PxStore                  *store,
                                 const char * const       *paths,
                                 const PxCsvImportOptions *options,
                                 GError                  **error);

/* The same, adding to @report: when the store fails (FALSE), @report
 * still says what was imported (and saved) before, and @error where the
 * import stopped. */
gboolean    px_csv_import_paths_into (PxStore                  *store,
                                      const char * const       *paths,
                                      const PxCsvImportOptions *options,
                                      PxIxReport               *report,
                                      GError                  **error);

/* One annotations.csv held in memory (@origin names it in messages); no
 * articles.csv. Adds its outcome to @report; FALSE only when the store
 * failed. */
gboolean    px_csv_import_bytes (PxStore                  *store,
                                 const char               *data,
                                 gsize                     len,
                                 const char               *origin,
                                 PxIxReport               *report,
                                 GError                  **error);

G_END_DECLS
