/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-window-actions.c: the window's actions and their shortcuts. */
#include "px-window.h"

#include <glib/gi18n.h>

#include "px-export-dialog.h"
#include "px-preferences.h"

/* ---- Import ------------------------------------------------------------ */

static void
import_response (GtkNativeDialog *chooser,
                 int              response,
                 PxWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      px_window_import_files (self, (GFile **) array->pdata, array->len);
    }
  g_object_unref (chooser);
}

static void
run_import_chooser (PxWindow             *self,
                    GtkFileChooserAction  action,
                    const char           *title)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      /* What the import recognises: articles, brat's .ann beside them,
       * doccano JSONL and our own annotations.csv. */
      gtk_file_filter_set_name (text, _("Articles and Annotations"));
      /* By name, not by the text/plain type: a .json file is text too, and
       * not an article. */
      gtk_file_filter_add_suffix (text, "txt");
      gtk_file_filter_add_suffix (text, "md");
      gtk_file_filter_add_suffix (text, "ann");
      gtk_file_filter_add_suffix (text, "jsonl");
      gtk_file_filter_add_suffix (text, "csv");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_import_chooser (PX_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Articles"));
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_import_chooser (PX_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                      _("Import Folders of Articles"));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  px_window_cancel_import (PX_WINDOW (widget));
}

/* ---- Corpus files ------------------------------------------------------- */

static GtkFileFilter *
corpus_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Parallax Corpus"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_suffix (filter, "sqlite");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  return filter;
}

static void
open_corpus_response (GtkNativeDialog *chooser,
                      int              response,
                      PxWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

      if (create && g_file_test (path, G_FILE_TEST_EXISTS))
        px_window_show_error (self, _("The File Already Exists"),
                              _("A new corpus needs a new file name. To work on the existing file, use Open Corpus."));
      else if (path != NULL)
        px_window_open_corpus (self, path);
    }
  g_object_unref (chooser);
}

static void
run_corpus_chooser (PxWindow             *self,
                    GtkFileChooserAction  action)
{
  gboolean create = action == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GtkFileFilter) filter = corpus_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (create ? _("New Corpus") : _("Open Corpus"),
                                         GTK_WINDOW (self), action,
                                         create ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("corpus.db"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_corpus_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_corpus_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  run_corpus_chooser (PX_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
new_corpus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  run_corpus_chooser (PX_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
merge_corpus_response (GtkNativeDialog *chooser,
                       int              response,
                       PxWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        px_window_merge_corpus (self, path);
    }
  g_object_unref (chooser);
}

/* Another coder's corpus file, brought in as one undoable step. */
static void
merge_corpus_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = corpus_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Merge a Corpus"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Merge"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (merge_corpus_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  px_window_open_demo (PX_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);

  px_export_dialog_run (self, px_window_get_store (self));
}

/* ---- Windows ------------------------------------------------------------- */

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkWidget *prefs = px_preferences_new (GTK_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  static const char *developers[] = { "The Parallax developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", widget,
                        "application-icon", APP_ID,
                        "application-name", "Parallax",
                        "developer-name", _("The Parallax developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Annotate news articles and compare how outlets cover one event: "
                                      "who is named, who is left out, and who contradicts whom."),
                        "website", "https://parallax.github.io/",
                        "issue-url", "https://github.com/parallax/parallax/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Parallax developers",
                        "developers", developers,
                        /* Translators: your names, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Label Schema Inspired By"),
                                       (const char *[]) { "CoNLL-2003", "ACE 2005", "Rich ERE", NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
compare_story_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  px_window_compare_story (PX_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  px_window_show_page (PX_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* ---- Undo and redo -------------------------------------------------------- */

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  px_window_replay (PX_WINDOW (widget), g_str_equal (action_name, "win.redo"));
}

/* Ctrl+Z in a text field (a note, the search) is the field's own. */
static gboolean
on_history_key (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL && GTK_IS_EDITABLE (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus)))
    return FALSE;
  if (focus != NULL && GTK_IS_TEXT (focus))
    return FALSE;
  return gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), NULL);
}

/* In the capture phase: the pages' text views bind Ctrl+Z themselves, and
 * the one history must be reached whatever has the focus. */
void
px_window_add_history_keys (PxWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct { const char *trigger, *action; } keys[] = {
    { "<Control>z", "win.undo" }, { "<Control><Shift>z|<Control>y", "win.redo" },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "px-window-history-keys");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new_with_arguments (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                       gtk_callback_action_new (on_history_key, NULL, NULL),
                                       "s", keys[i].action));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
px_window_update_actions (PxWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PxStore *store = px_window_get_store (self);
  gboolean writable = store != NULL && !px_store_is_read_only (store);
  gboolean importing = px_window_is_importing (self);
  gboolean has_articles = store != NULL && px_store_count_articles (store) > 0;

  gtk_widget_action_set_enabled (widget, "win.import", writable && !importing);
  gtk_widget_action_set_enabled (widget, "win.import-folder", writable && !importing);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", importing);
  gtk_widget_action_set_enabled (widget, "win.export", has_articles);
  gtk_widget_action_set_enabled (widget, "win.merge-corpus", writable && !importing);
  gtk_widget_action_set_enabled (widget, "win.search", has_articles);
  gtk_widget_action_set_enabled (widget, "win.show-page", has_articles);
  gtk_widget_action_set_enabled (widget, "win.compare-story", has_articles);
}

void
px_window_class_install_actions (PxWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.open-corpus", NULL, open_corpus_action);
  gtk_widget_class_install_action (widget_class, "win.new-corpus", NULL, new_corpus_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.merge-corpus", NULL, merge_corpus_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.compare-story", "x", compare_story_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_action);
  gtk_widget_class_install_property_action (widget_class, "win.search", "search-mode");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  /* Not Ctrl+Shift+I: GTK keeps that for its Inspector. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-corpus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-corpus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "annotate");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "compare");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "entities");
}
