/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-import-dialog.h: the threaded import behind the Import button, and the
 * dialog that lists what went wrong per file.
 *
 * The job runs px_import_paths() in a GTask thread on its own PxStore opened
 * on the same file: a SQLite connection is never shared across threads. */
#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

typedef struct _PxImportJob PxImportJob;

PxImportJob    *px_import_job_new          (const char          *db_path,
                                            const char * const  *paths);
PxImportJob    *px_import_job_ref          (PxImportJob         *job);
void            px_import_job_unref        (PxImportJob         *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxImportJob, px_import_job_unref)

/* Safe to call from the main thread while the job runs. @current is the file
 * handled last (nullable, free it). */
void            px_import_job_get_progress (PxImportJob         *job,
                                            guint               *done,
                                            guint               *total,
                                            char               **current);
void            px_import_job_run_async    (PxImportJob         *job,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
PxImportReport *px_import_job_run_finish   (PxImportJob         *job,
                                            GAsyncResult        *result,
                                            GError             **error);

/* "3 articles imported, 1 duplicate skipped, 2 failed" */
char           *px_import_report_summary   (const PxImportReport *report);
/* A dialog listing every failed file with its reason; does nothing when no
 * file failed. */
void            px_import_dialog_present   (GtkWindow            *parent,
                                            const PxImportReport *report);

G_END_DECLS
