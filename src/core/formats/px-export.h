/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-export.h: writing a corpus out. CSV here; brat, JSONL and CoNLL in
 * their own modules. */
#pragma once

#include <gio/gio.h>

#include "px-store.h"

G_BEGIN_DECLS

typedef enum
{
  PX_EXPORT_DEFAULT = 0,
  PX_EXPORT_RAW     = 1 << 0, /* keep formula-like cells as they are */
  PX_EXPORT_BOM     = 1 << 1, /* UTF-8 byte order mark first: Excel then reads UTF-8 */
} PxExportFlags;

/* Exports the corpus into the folder @dir (created if needed) as @format:
 * "csv" (articles.csv, annotations.csv, entities.csv, events.csv), "brat"
 * (a .txt/.ann pair per article, annotation.conf), "jsonl" or
 * "jsonl-relation" (corpus.jsonl), "conll" (corpus.conll). Every read is
 * in one read transaction, so the files agree with each other. The set is
 * written into a staging folder beside @dir and swapped in whole (one
 * atomic step when @dir holds nothing but a previous export of the same
 * format): a failed or killed export leaves the previous set as it was,
 * and the next export removes what a killed one left behind. Files of the
 * previous set that the new one lacks are removed. *out_n_articles
 * (nullable): the articles in the files written. Errors name @dir. */
gboolean px_export_to_dir    (PxStore        *store,
                              const char     *format,
                              const char     *dir,
                              PxExportFlags   flags,
                              guint          *out_n_articles,
                              GCancellable   *cancellable,
                              GError        **error);

/* px_export_to_dir (store, "csv", …). */
gboolean px_export_csv_dir   (PxStore        *store,
                              GFile          *dir,
                              PxExportFlags   flags,
                              GCancellable   *cancellable,
                              GError        **error);

/* One table to one stream. */
gboolean px_export_csv_table (PxStore        *store,
                              PxExportTable   table,
                              GOutputStream  *stream,
                              PxExportFlags   flags,
                              GCancellable   *cancellable,
                              GError        **error);

/* "articles.csv", … */
const char *px_export_table_filename (PxExportTable table);
/* "corpus.jsonl" for jsonl, "corpus.conll" for conll; NULL for the formats
 * that write several files. */
const char *px_export_format_filename (const char *format);
/* Whether a file called @name belongs to an export of @format. */
gboolean    px_export_is_set_file    (const char *name,
                                      const char *format);

G_END_DECLS
