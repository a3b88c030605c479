/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-export-dialog.h: Export…: pick a folder and a format, write the files
 * off the main thread on a store of its own, report with a toast. */
#pragma once

#include "px-window.h"

G_BEGIN_DECLS

void     px_export_dialog_run      (PxWindow            *window,
                                    PxStore             *store);

/* The export itself, for the dialog and for tests. */
void     px_export_csv_async       (const char          *db_path,
                                    GFile               *dir,
                                    PxExportFlags        flags,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
/* @format: "csv", "brat", "jsonl", "jsonl-relation" or "conll"; brat writes
 * into @dir, JSONL and CoNLL write DIR/corpus.jsonl and DIR/corpus.conll.
 * Finish with px_export_csv_finish(). */
void     px_export_format_async    (const char          *db_path,
                                    const char          *format,
                                    GFile               *dir,
                                    PxExportFlags        flags,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean px_export_csv_finish      (GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
