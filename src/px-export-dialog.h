/* px-export-dialog.h: Export…: pick a folder, write the CSV files off the
 * main thread on a store of its own, report with a toast. */
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
gboolean px_export_csv_finish      (GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
