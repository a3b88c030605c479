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

/* Writes articles.csv, annotations.csv, entities.csv and events.csv into
 * @dir (created if needed). Each file is written to a temporary name and
 * renamed at the end, so a failed export never leaves half a file. */
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

G_END_DECLS
