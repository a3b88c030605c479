/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-export-dialog.c: export from the window, as CSV or an interchange
 * format. */
#include "px-export-dialog.h"

#include <glib/gi18n.h>

#include "px-brat.h"
#include "px-conll.h"
#include "px-jsonl.h"

#define CHOICE_RAW "raw"
#define CHOICE_FORMAT "format"
#define CHOICE_BOM "bom"

typedef struct
{
  char          *db_path;
  char          *format;
  GFile         *dir;
  PxExportFlags  flags;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->db_path);
  g_free (data->format);
  g_clear_object (&data->dir);
  g_free (data);
}

static gboolean
export_format (PxStore       *store,
               ExportData    *data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *dir = g_file_get_path (data->dir);

  if (dir == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, _("%s is not a local folder"),
                   g_file_peek_path (data->dir));
      return FALSE;
    }
  /* Whole or not at all, from one read snapshot: see px-export.h. */
  return px_export_to_dir (store, data->format, dir, data->flags, NULL, cancellable, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;
  /* Our own connection: the main thread's store stays on the main thread. */
  g_autoptr(PxStore) store = px_store_open (data->db_path,
                                            PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_NO_CREATE,
                                            &error);

  if (store == NULL || !export_format (store, data, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
px_export_csv_async (const char          *db_path,
                     GFile               *dir,
                     PxExportFlags        flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  px_export_format_async (db_path, "csv", dir, flags, cancellable, callback, user_data);
}

void
px_export_format_async (const char          *db_path,
                        const char          *format,
                        GFile               *dir,
                        PxExportFlags        flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportData *data = g_new0 (ExportData, 1);

  data->db_path = g_strdup (db_path);
  data->format = g_strdup (format);
  data->dir = g_object_ref (dir);
  data->flags = flags;
  g_task_set_source_tag (task, px_export_csv_async);
  g_task_set_name (task, "[parallax] export");
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
px_export_csv_finish (GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Choice ids, their labels, and what the toast says once written. */
static const struct
{
  const char *id;
  const char *label;
  const char *done;
} formats[] = {
  { "csv", N_("CSV (articles, annotations, entities, events)"),
    N_("Exported articles, annotations, entities and events as CSV") },
  { "brat", N_("brat standoff (.txt and .ann per article)"),
    N_("Exported the corpus as brat standoff") },
  { "jsonl", N_("JSONL, doccano spans"), N_("Exported the corpus as JSONL") },
  { "jsonl-relation", N_("JSONL, doccano spans and relations"),
    N_("Exported the corpus as JSONL with relations") },
  { "conll", N_("CoNLL-2003 BIO tags"), N_("Exported the corpus as CoNLL-2003") },
};

static void
open_folder (AdwToast *toast,
             GFile    *dir)
{
  GtkWindow *window = g_object_get_data (G_OBJECT (toast), "px-window");
  g_autofree char *uri = g_file_get_uri (dir);

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PxWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  ExportData *data = g_task_get_task_data (G_TASK (result));
  const char *done = formats[0].done;
  g_autofree char *where = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].id, data->format))
      done = formats[i].done;
  if (!px_export_csv_finish (result, &error))
    {
      px_window_show_error (window, _("Export Failed"), error->message);
      return;
    }
  /* Say where the files went, and offer to show them. */
  where = g_file_get_parse_name (data->dir);
  /* Translators: "Exported the corpus as JSONL into /home/me/out" */
  title = g_strdup_printf (_("%s into %s"), _(done), where);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open Folder"));
  g_object_set_data (G_OBJECT (toast), "px-window", window);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder),
                         g_object_ref (data->dir), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  px_window_show_toast (window, toast);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  PxWindow        *window)
{
  PxStore *store = px_window_get_store (window);

  if (response == GTK_RESPONSE_ACCEPT && store != NULL)
    {
      g_autoptr(GFile) dir = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *raw = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), CHOICE_RAW);
      const char *bom = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), CHOICE_BOM);
      const char *format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), CHOICE_FORMAT);
      PxExportFlags flags = (g_strcmp0 (raw, "true") == 0 ? PX_EXPORT_RAW : PX_EXPORT_DEFAULT)
                            | (g_strcmp0 (bom, "true") == 0 ? PX_EXPORT_BOM : PX_EXPORT_DEFAULT);

      px_export_format_async (px_store_get_path (store), format != NULL ? format : "csv",
                              dir, flags, NULL, export_done, g_object_ref (window));
    }
  g_object_unref (chooser);
}

void
px_export_dialog_run (PxWindow *window,
                      PxStore  *store)
{
  GtkFileChooserNative *chooser;
  const char *ids[G_N_ELEMENTS (formats) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (formats) + 1] = { NULL };

  if (store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Corpus"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Export"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      ids[i] = formats[i].id;
      labels[i] = _(formats[i].label);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), CHOICE_FORMAT, _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), CHOICE_FORMAT, "csv");
  /* Cells starting with = + - @ are neutralised unless asked otherwise, so
   * that a spreadsheet never runs them. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), CHOICE_RAW,
                               _("CSV: keep formula-like cells as they are"), NULL, NULL);
  /* Excel reads UTF-8 CSV right only with a byte order mark. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), CHOICE_BOM,
                               _("CSV: start each file with a byte order mark, for Excel"), NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
