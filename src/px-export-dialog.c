/* px-export-dialog.c: CSV export from the window. */
#include "px-export-dialog.h"

#include <glib/gi18n.h>

#define CHOICE_RAW "raw"

typedef struct
{
  char          *db_path;
  GFile         *dir;
  PxExportFlags  flags;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->db_path);
  g_clear_object (&data->dir);
  g_free (data);
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

  if (store == NULL || !px_export_csv_dir (store, data->dir, data->flags, cancellable, &error))
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
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportData *data = g_new0 (ExportData, 1);

  data->db_path = g_strdup (db_path);
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

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PxWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (px_export_csv_finish (result, &error))
    px_window_add_toast (window, _("Exported articles, annotations, entities and events as CSV"));
  else
    px_window_show_error (window, _("Export Failed"), error->message);
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
      PxExportFlags flags = g_strcmp0 (raw, "true") == 0 ? PX_EXPORT_RAW : PX_EXPORT_DEFAULT;

      px_export_csv_async (px_store_get_path (store), dir, flags, NULL,
                           export_done, g_object_ref (window));
    }
  g_object_unref (chooser);
}

void
px_export_dialog_run (PxWindow *window,
                      PxStore  *store)
{
  GtkFileChooserNative *chooser;

  if (store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export as CSV"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Export"), _("_Cancel"));
  /* Cells starting with = + - @ are neutralised unless asked otherwise, so
   * that a spreadsheet never runs them. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), CHOICE_RAW,
                               _("Keep formula-like cells as they are"), NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
