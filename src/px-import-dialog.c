/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-import-dialog.c: the threaded import and its report dialog. */
#include "px-import-dialog.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "px-brat.h"
#include "px-csv-import.h"
#include "px-jsonl.h"

#define MAX_LISTED_FAILURES 50

struct _PxImportJob
{
  gatomicrefcount  ref_count;
  char            *db_path;
  GStrv            paths;
  GMutex           mutex;   /* guards the three progress fields */
  guint            done;
  guint            total;
  char            *current;
};

PxImportJob *
px_import_job_new (const char         *db_path,
                   const char * const *paths)
{
  PxImportJob *job = g_new0 (PxImportJob, 1);

  g_atomic_ref_count_init (&job->ref_count);
  job->db_path = g_strdup (db_path);
  job->paths = g_strdupv ((char **) paths);
  job->total = g_strv_length (job->paths);
  g_mutex_init (&job->mutex);
  return job;
}

PxImportJob *
px_import_job_ref (PxImportJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

void
px_import_job_unref (PxImportJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;
  g_free (job->db_path);
  g_strfreev (job->paths);
  g_free (job->current);
  g_mutex_clear (&job->mutex);
  g_free (job);
}

void
px_import_job_get_progress (PxImportJob  *job,
                            guint        *done,
                            guint        *total,
                            char        **current)
{
  g_mutex_lock (&job->mutex);
  *done = job->done;
  *total = job->total;
  if (current != NULL)
    *current = g_strdup (job->current);
  g_mutex_unlock (&job->mutex);
}

/* Runs in the import thread. */
static void
job_progress (guint       done,
              guint       total,
              const char *path,
              gpointer    user_data)
{
  PxImportJob *job = user_data;

  g_mutex_lock (&job->mutex);
  job->done = done;
  job->total = total;
  g_free (job->current);
  job->current = g_strdup (path);
  g_mutex_unlock (&job->mutex);
}

static void
add_result (PxImportReport *report, const char *path, PxImportOutcome outcome, const char *message)
{
  PxImportResult *r = g_new0 (PxImportResult, 1);

  r->path = g_strdup (path);
  r->outcome = outcome;
  r->message = g_strdup (message);
  g_ptr_array_add (report->results, r);
}

/* Folds a brat, JSONL or annotations.csv report into the plain-text one.
 * The lines name their file (and line) already. */
static void
merge_report (PxImportReport *into, const char *format, PxIxReport *ix)
{
  gboolean csv = g_str_equal (format, "csv");

  for (guint i = 0; i < ix->messages->len; i++)
    {
      const char *line = ix->messages->pdata[i];
      const char *colon = strchr (line, ':');
      g_autofree char *path = colon != NULL ? g_strndup (line, colon - line) : g_strdup (line);

      add_result (into, path, px_ix_report_is_duplicate (ix, line) ? PX_IMPORT_DUPLICATE
                                                                    : PX_IMPORT_FAILED, line);
    }
  into->n_failed += ix->n_failed;
  if (!csv)
    {
      into->n_imported += ix->n_imported;
      into->n_duplicates += ix->n_duplicates;
    }
  else if (ix->n_imported + ix->n_duplicates > 0)
    {
      /* Rows are annotations, not articles: said apart in the summary. */
      g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation added from CSV",
                                                           "%u annotations added from CSV", ix->n_imported),
                                              ix->n_imported);

      add_result (into, "annotations.csv", PX_IMPORT_IMPORTED, msg);
    }
}

static PxIxReport *
import_format (PxStore *store, const char *format, GPtrArray *paths, GCancellable *cancellable,
               GError **error)
{
  const char * const *list = (const char * const *) paths->pdata;

  if (g_str_equal (format, "brat"))
    {
      /* Cancel stops the folder walk too, however big the tree. */
      PxBratImportOptions options = { .cancellable = cancellable };

      return px_brat_import_paths (store, list, &options, error);
    }
  if (g_str_equal (format, "jsonl"))
    return px_jsonl_import_paths (store, list, NULL, error);
  return px_csv_import_paths (store, list, NULL, error);
}

/* Plain-text articles go through px_import_paths() with progress; brat
 * folders, JSONL files and annotations.csv (px_interchange_guess_format)
 * through their own importers, after it. */
static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  static const char * const formats[] = { "brat", "jsonl", "csv" };
  PxImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (job->db_path, PX_STORE_OPEN_NO_CREATE, &error);
  PxImportOptions options = { 0 };
  g_autoptr(PxImportReport) report = NULL;
  g_autoptr(GPtrArray) plain = g_ptr_array_new ();
  GPtrArray *groups[G_N_ELEMENTS (formats)];

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    groups[f] = g_ptr_array_new ();
  for (guint i = 0; job->paths[i] != NULL; i++)
    {
      const char *format = px_interchange_guess_format (job->paths[i]);
      guint f = 0;

      while (format != NULL && !g_str_equal (formats[f], format))
        f++;
      g_ptr_array_add (format != NULL ? groups[f] : plain, job->paths[i]);
    }
  g_ptr_array_add (plain, NULL);
  report = px_import_paths (store, (const char * const *) plain->pdata, &options,
                            job_progress, job, cancellable, &error);
  for (guint f = 0; f < G_N_ELEMENTS (formats) && report != NULL && error == NULL; f++)
    {
      g_autoptr(PxIxReport) ix = NULL;

      if (groups[f]->len == 0)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        break;
      job_progress (job->done, job->total, groups[f]->pdata[0], job);
      g_ptr_array_add (groups[f], NULL);
      ix = import_format (store, formats[f], groups[f], cancellable, &error);
      if (ix == NULL)
        g_clear_pointer (&report, px_import_report_free);
      else
        merge_report (report, formats[f], ix);
    }
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    g_ptr_array_unref (groups[f]);
  if (report == NULL || error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) px_import_report_free);
}

void
px_import_job_run_async (PxImportJob         *job,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, px_import_job_run_async);
  g_task_set_name (task, "[parallax] import");
  g_task_set_task_data (task, px_import_job_ref (job), (GDestroyNotify) px_import_job_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, job_thread);
}

PxImportReport *
px_import_job_run_finish (PxImportJob   *job,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
px_import_report_summary (const PxImportReport *report)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u article imported",
                                          "%u articles imported", report->n_imported),
                          report->n_imported);
  if (report->n_duplicates > 0)
    {
      g_string_append (s, ", ");
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u duplicate skipped",
                                              "%u duplicates skipped", report->n_duplicates),
                              report->n_duplicates);
    }
  if (report->n_failed > 0)
    {
      g_string_append (s, ", ");
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u failed",
                                              "%u failed", report->n_failed),
                              report->n_failed);
    }
  /* Imports that are not counted in articles (annotations.csv) say so. */
  for (guint i = 0; i < report->results->len; i++)
    {
      const PxImportResult *r = report->results->pdata[i];

      if (r->outcome == PX_IMPORT_IMPORTED && r->message != NULL)
        g_string_append_printf (s, "; %s", r->message);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
failures_markup (const PxImportReport *report)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint listed = 0;

  for (guint i = 0; i < report->results->len; i++)
    {
      const PxImportResult *r = report->results->pdata[i];
      g_autofree char *name = NULL;
      g_autofree char *escaped = NULL;

      if (r->outcome != PX_IMPORT_FAILED)
        continue;
      if (++listed > MAX_LISTED_FAILURES)
        {
          g_string_append_printf (s, _("…and %u more"), report->n_failed - MAX_LISTED_FAILURES);
          break;
        }
      name = g_path_get_basename (r->path);
      escaped = g_markup_printf_escaped ("<b>%s</b>\n%s\n", name, r->message ? r->message : "");
      g_string_append (s, escaped);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

void
px_import_dialog_present (GtkWindow            *parent,
                          const PxImportReport *report)
{
  g_autofree char *summary = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *dialog, *label, *scroller;

  if (report->n_failed == 0)
    return;
  summary = px_import_report_summary (report);
  dialog = adw_message_dialog_new (parent, _("Some Files Were Not Imported"), summary);
  markup = failures_markup (report);
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Files that failed, with the reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
