/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-window.c: the main window. Actions live in px-window-actions.c. */
#include "px-window.h"

#include "px-a11y.h"

#include <glib/gi18n.h>

#include "px-article-header.h"
#include "px-compare-view.h"
#include "px-entity-list.h"
#include "px-demo.h"
#include "px-import-dialog.h"
#include "px-search-view.h"

struct _PxWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkToggleButton      *search_button;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkStack             *sidebar_stack;
  PxSidebar            *sidebar;
  PxSearchView         *search_view;
  AdwViewStack         *view_stack;
  GtkRevealer          *import_revealer;
  GtkSpinner           *import_spinner;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GMenu                *history_section;  /* Undo “…” and Redo “…” */

  PxWorkspace          *workspace;
  GtkWidget            *compare_view;
  PxEntityList         *entity_list;

  GSettings            *settings;
  PxStore              *store;
  PxEditor             *editor;   /* every page edits through it; one history */
  gboolean              is_demo;
  gboolean              search_mode;

  PxImportJob          *import_job;
  GCancellable         *import_cancellable;
  guint                 import_poll_id;
  guint                 import_ticks;
  guint                 watch_id;       /* polls for other programs' commits */
};

G_DEFINE_FINAL_TYPE (PxWindow, px_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_IMPORT_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
px_window_update_page (PxWindow *self)
{
  const char *page = "welcome";

  if (self->store != NULL && px_store_count_articles (self->store) > 0)
    page = "corpus";
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "error") == 0
      && self->store == NULL)
    page = "error";
  gtk_stack_set_visible_child_name (self->main_stack, page);
  /* Annotate and Compare mean nothing before there is an article. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title,
                                                     g_str_equal (page, "corpus"));
  px_window_update_actions (self);
}

static void
on_articles_changed (PxWindow *self)
{
  px_window_update_page (self);
}

static void
px_window_update_title (PxWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->store == NULL)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), "Parallax");
      return;
    }
  if (self->is_demo)
    name = g_strdup (_("Demo Corpus"));
  else
    name = g_path_get_basename (px_store_get_path (self->store));
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  /* Translators: the window title; %s is the corpus file name */
  title = g_strdup_printf (_("%s — Parallax"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
apply_annotator (PxWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "annotator-name");

  if (self->store != NULL && *name != '\0')
    px_store_set_annotator (self->store, name);
}

/* A list could not be read (a damaged file): what the window shows may be
 * incomplete, so say so where it stays visible, not in a passing toast. */
static void
on_read_error (PxWindow   *self,
               const char *message)
{
  g_autoptr(GError) error = px_store_take_read_error (self->store);
  g_autofree char *text = NULL;

  /* Translators: %s is the error, naming the corpus file */
  text = g_strdup_printf (_("Part of this corpus could not be read, so what is shown may be "
                            "incomplete: %s"), message);
  gtk_label_set_text (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

/* Other programs (parallax-cli, a second window) may commit to the corpus
 * while it is open: a cheap poll (one PRAGMA) re-reads everything when they
 * did. The list models splice only what changed, so the article shown, the
 * scroll position and the selection stay. During an import, import_poll()
 * refreshes instead, once a second. */
static gboolean
watch_tick (gpointer user_data)
{
  PxWindow *self = user_data;

  if (self->store != NULL && self->import_job == NULL)
    px_store_poll_external_change (self->store);
  return G_SOURCE_CONTINUE;
}

void
px_window_set_store (PxWindow *self,
                     PxStore  *store)
{
  g_return_if_fail (PX_IS_WINDOW (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  px_window_cancel_import (self);
  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  if (store != NULL)
    {
      self->editor = px_editor_new (store);
      g_signal_connect_object (self->editor, "notify", G_CALLBACK (px_window_update_history),
                               self, G_CONNECT_SWAPPED);
    }
  px_article_header_set_editor (PX_ARTICLE_HEADER (px_workspace_get_article_header (self->workspace)),
                                self->editor);
  px_workspace_set_store (self->workspace, store);
  px_workspace_set_editor (self->workspace, self->editor);
  px_compare_view_set_store (PX_COMPARE_VIEW (self->compare_view), store);
  px_compare_view_set_editor (PX_COMPARE_VIEW (self->compare_view), self->editor);
  px_entity_list_set_store (self->entity_list, store);
  px_entity_list_set_editor (self->entity_list, self->editor);
  px_sidebar_set_store (self->sidebar, store);
  px_search_view_set_store (self->search_view, store);
  g_set_object (&self->store, store);

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  if (store != NULL)
    {
      g_autoptr(GError) read_error = NULL;

      g_signal_connect_object (store, "articles-changed",
                               G_CALLBACK (on_articles_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "read-error",
                               G_CALLBACK (on_read_error), self, G_CONNECT_SWAPPED);
      self->watch_id = g_timeout_add (500, watch_tick, self);
      apply_annotator (self);
      if (px_store_is_read_only (store))
        {
          gtk_label_set_text (self->banner_label,
                              _("This corpus is read-only: you can read and compare, "
                                "but nothing you change can be saved."));
          gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
        }
      /* The views above filled their lists before this handler was there. */
      read_error = px_store_take_read_error (store);
      if (read_error != NULL)
        on_read_error (self, read_error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }
  px_window_update_title (self);
  px_window_update_page (self);
  px_window_update_history (self);
  /* Open on an article rather than on an empty page. */
  if (store != NULL)
    px_sidebar_select_first_article (self->sidebar);
}

/* ---- One history for every page ---------------------------------------- */

/* "Tag “my_word”" in a menu label: its underscores are not mnemonics. */
static char *
escape_underlines (const char *description)
{
  g_auto(GStrv) parts = g_strsplit (description, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
add_history_item (GMenu      *menu,
                  const char *label,
                  const char *action,
                  const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

/* The menu names the step Ctrl+Z would take back ("Undo Tag “Kuleba”"). */
void
px_window_update_history (PxWindow *self)
{
  const char *undo = self->editor != NULL ? px_editor_get_undo_description (self->editor) : NULL;
  const char *redo = self->editor != NULL ? px_editor_get_redo_description (self->editor) : NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  g_autofree char *undo_what = undo != NULL ? escape_underlines (undo) : NULL;
  g_autofree char *redo_what = redo != NULL ? escape_underlines (redo) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->editor != NULL && px_editor_get_can_undo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->editor != NULL && px_editor_get_can_redo (self->editor));
  if (self->history_section == NULL)
    return;
  /* Translators: a menu item; %s says what, such as Tag “Kuleba” as PER */
  undo_label = undo != NULL ? g_strdup_printf (_("_Undo %s"), undo_what) : g_strdup (_("_Undo"));
  /* Translators: a menu item; %s says what, such as Tag “Kuleba” as PER */
  redo_label = redo != NULL ? g_strdup_printf (_("_Redo %s"), redo_what) : g_strdup (_("_Redo"));
  g_menu_remove_all (self->history_section);
  add_history_item (self->history_section, undo_label, "win.undo", "<Control>z");
  add_history_item (self->history_section, redo_label, "win.redo", "<Control><Shift>z");
}

/* Undoes or redoes the last step, whichever page made it; on the Annotate
 * page, the step's article is shown with its annotation selected. */
void
px_window_replay (PxWindow *self,
                  gboolean  redo)
{
  g_autoptr(GError) error = NULL;
  PxEditTarget target = { 0, 0 };
  gboolean ok;

  g_return_if_fail (PX_IS_WINDOW (self));
  if (self->editor == NULL)
    return;
  ok = redo ? px_editor_redo (self->editor, &target, &error)
            : px_editor_undo (self->editor, &target, &error);
  if (!ok)
    {
      px_window_add_toast (self, error->message);
      return;
    }
  if (target.article_id == 0
      || g_strcmp0 (px_window_get_view_name (self), "annotate") != 0)
    return;
  if (target.article_id != px_workspace_get_article_id (self->workspace))
    px_sidebar_select_article (self->sidebar, target.article_id);
  px_workspace_show_edit (self->workspace, &target);
}

PxStore *
px_window_get_store (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->store;
}

/* The corpus's editor: the one undo history of every page. NULL without a
 * corpus. */
PxEditor *
px_window_get_editor (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->editor;
}

gboolean
px_window_is_demo (PxWindow *self)
{
  return self->is_demo;
}

static void
px_window_show_open_error (PxWindow   *self,
                           const char *title,
                           GError     *error)
{
  px_window_set_store (self, NULL);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  px_window_update_actions (self);
}

static const char *
open_error_title (GError *error)
{
  if (g_error_matches (error, PX_ERROR, PX_ERROR_NEWER_SCHEMA))
    return _("This Corpus Needs a Newer Parallax");
  if (g_error_matches (error, PX_ERROR, PX_ERROR_LOCKED))
    return _("This Corpus Is in Use");
  if (g_error_matches (error, PX_ERROR, PX_ERROR_NOT_DATABASE))
    return _("This File Is Not a Parallax Corpus");
  return _("This Corpus Cannot Be Opened");
}

gboolean
px_window_open_corpus (PxWindow   *self,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autofree char *parent = g_path_get_dirname (path);

  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);

  g_mkdir_with_parents (parent, 0700);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      px_window_show_open_error (self, open_error_title (error), error);
      return FALSE;
    }
  self->is_demo = FALSE;
  px_window_set_store (self, store);
  g_settings_set_string (self->settings, "last-corpus", path);
  return TRUE;
}

gboolean
px_window_open_demo (PxWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *samples = px_application_get_samples_dir ();
  g_autofree char *path = px_demo_default_path ();
  g_autoptr(PxStore) store = px_demo_open (samples, path, &error);

  if (store == NULL)
    {
      px_window_show_open_error (self, _("The Demo Corpus Cannot Be Opened"), error);
      return FALSE;
    }
  self->is_demo = TRUE;
  /* Set before the store so that the title says "Demo". */
  px_window_set_store (self, store);
  px_window_update_title (self);
  return TRUE;
}

void
px_window_add_toast (PxWindow   *self,
                     const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Brings another coder's corpus file in through the editor (one undoable
 * step) and says what came in; FALSE after showing the error. */
gboolean
px_window_merge_corpus (PxWindow   *self,
                        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStoreMergeReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *articles = NULL;
  g_autofree char *annotations = NULL;
  AdwToast *toast;

  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  if (self->editor == NULL)
    return FALSE;
  report = px_editor_merge_corpus (self->editor, path, &error);
  if (report == NULL)
    {
      px_window_show_error (self, _("The Corpus Could Not Be Merged"), error->message);
      return FALSE;
    }
  articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new article", "%u new articles",
                                           report->articles_added), report->articles_added);
  annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new annotation", "%u new annotations",
                                              report->annotations_added), report->annotations_added);
  /* Translators: "Merged: 2 new articles, 40 new annotations" */
  text = g_strdup_printf (_("Merged: %s, %s"), articles, annotations);
  if (report->clashes->len > 0)
    {
      /* What was left out is worth more than a passing toast. */
      g_autoptr(GString) clashes = g_string_new (NULL);

      for (guint i = 0; i < report->clashes->len; i++)
        g_string_append_printf (clashes, "%s%s", i > 0 ? "\n" : "",
                                (const char *) report->clashes->pdata[i]);
      px_window_show_error (self, text, clashes->str);
      return TRUE;
    }
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  px_window_show_toast (self, toast);
  return TRUE;
}

/* A toast the caller made (with a button, say). */
void
px_window_show_toast (PxWindow *self,
                      AdwToast *toast)
{
  g_return_if_fail (PX_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
px_window_show_error (PxWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

const char *
px_window_get_page_name (PxWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

PxSidebar *
px_window_get_sidebar (PxWindow *self)
{
  return self->sidebar;
}

PxWorkspace *
px_window_get_workspace (PxWindow *self)
{
  return self->workspace;
}

GtkWidget *
px_window_get_search_view (PxWindow *self)
{
  return GTK_WIDGET (self->search_view);
}

void
px_window_show_page (PxWindow   *self,
                     const char *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
px_window_set_search_mode (PxWindow *self,
                           gboolean  search)
{
  search = !!search;
  if (self->search_mode == search)
    return;
  self->search_mode = search;
  gtk_stack_set_visible_child_name (self->sidebar_stack, search ? "search" : "browse");
  if (search)
    px_search_view_focus (self->search_view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
px_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PxWindow *self = PX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PxWindow *self = PX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      px_window_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- Import ------------------------------------------------------------ */

gboolean
px_window_is_importing (PxWindow *self)
{
  return self->import_job != NULL;
}

static gboolean
import_poll (gpointer user_data)
{
  PxWindow *self = user_data;
  g_autofree char *current = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  guint done = 0, total = 0;

  px_import_job_get_progress (self->import_job, &done, &total, &current);
  if (total > 0)
    gtk_progress_bar_set_fraction (self->import_progress, (double) done / total);
  else
    gtk_progress_bar_pulse (self->import_progress);
  name = current ? g_path_get_basename (current) : g_strdup ("");
  /* Translators: import progress: files done, files in all, current file */
  text = g_strdup_printf (_("Importing %u of %u — %s"), done, total, name);
  gtk_label_set_text (self->import_label, text);
  /* The import commits in batches on its own connection; once a second,
   * let the sidebar show what has landed, so a long import fills it as it
   * goes rather than all at the end. */
  if (++self->import_ticks % 10 == 0 && self->store != NULL)
    px_store_poll_external_change (self->store);
  return G_SOURCE_CONTINUE;
}

static void
import_finished (PxWindow       *self,
                 PxImportReport *report,
                 GError         *error)
{
  guint n_imported = report ? report->n_imported : 0;

  g_clear_handle_id (&self->import_poll_id, g_source_remove);
  g_clear_pointer (&self->import_job, px_import_job_unref);
  g_clear_object (&self->import_cancellable);
  if (self->toast_overlay == NULL)
    return;  /* the window was closed while the import ran */
  gtk_spinner_stop (self->import_spinner);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);

  /* Even a cancelled or failed import may have committed some articles. */
  if (self->store != NULL)
    px_store_notify_external_change (self->store);

  if (report != NULL)
    {
      g_autofree char *summary = px_import_report_summary (report);
      px_window_add_toast (self, summary);
      px_import_dialog_present (GTK_WINDOW (self), report);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    px_window_add_toast (self, _("Import cancelled; the articles imported so far were kept"));
  else if (error != NULL)
    px_window_show_error (self, _("Import Failed"), error->message);

  px_window_update_actions (self);
  g_signal_emit (self, signals[SIGNAL_IMPORT_FINISHED], 0, n_imported);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PxWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxImportReport) report = px_import_job_run_finish (self->import_job, result, &error);

  import_finished (self, report, error);
}

void
px_window_import_paths (PxWindow           *self,
                        const char * const *paths)
{
  g_return_if_fail (PX_IS_WINDOW (self));

  if (paths == NULL || paths[0] == NULL)
    return;
  if (self->store == NULL)
    {
      px_window_show_error (self, _("No Corpus Is Open"),
                            _("Open or create a corpus before importing articles."));
      return;
    }
  if (px_store_is_read_only (self->store))
    {
      px_window_show_error (self, _("This Corpus Is Read-Only"),
                            _("Articles cannot be imported into a read-only corpus."));
      return;
    }
  if (self->import_job != NULL)
    {
      px_window_add_toast (self, _("An import is already running"));
      return;
    }
  self->import_job = px_import_job_new (px_store_get_path (self->store), paths);
  self->import_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_label_set_text (self->import_label, _("Starting import…"));
  gtk_spinner_start (self->import_spinner);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  self->import_ticks = 0;
  self->import_poll_id = g_timeout_add (100, import_poll, self);
  px_window_update_actions (self);
  px_import_job_run_async (self->import_job, self->import_cancellable,
                           import_done_cb, g_object_ref (self));
}

void
px_window_import_files (PxWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);
      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  px_window_import_paths (self, (const char * const *) paths->pdata);
}

void
px_window_cancel_import (PxWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PxWindow      *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  px_window_import_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/* ---- Navigation ---------------------------------------------------------- */

static void
on_article_activated (PxWindow *self,
                      gint64    article_id)
{
  gint64 story_id = px_sidebar_get_selected_story (self->sidebar);

  px_workspace_show_article (self->workspace, article_id);
  if (story_id > 0)
    px_compare_view_set_story (PX_COMPARE_VIEW (self->compare_view), story_id);
}

const char *
px_window_get_view_name (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
px_window_get_compare_view (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->compare_view;
}

void
px_window_compare_story (PxWindow *self,
                         gint64    story_id)
{
  g_return_if_fail (PX_IS_WINDOW (self));

  if (story_id <= 0)
    return;
  px_compare_view_set_story (PX_COMPARE_VIEW (self->compare_view), story_id);
  px_window_show_page (self, "compare");
}

static void
on_story_activated (PxWindow *self,
                    gint64    story_id)
{
  if (story_id > 0)
    px_compare_view_set_story (PX_COMPARE_VIEW (self->compare_view), story_id);
}

static void
on_hit_activated (PxWindow *self,
                  gint64    article_id,
                  guint64   start,
                  guint64   end)
{
  px_sidebar_select_article (self->sidebar, article_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
  px_workspace_reveal_range (self->workspace, article_id, (gsize) start, (gsize) end);
}

/* ---- Window state ---------------------------------------------------------- */

static void
px_window_restore_size (PxWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 640), MAX (height, 400));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
px_window_close_request (GtkWindow *window)
{
  PxWindow *self = PX_WINDOW (window);
  int width = 0, height = 0;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  px_window_cancel_import (self);
  return GTK_WINDOW_CLASS (px_window_parent_class)->close_request (window);
}

static void
px_window_dispose (GObject *object)
{
  PxWindow *self = PX_WINDOW (object);

  px_window_cancel_import (self);
  g_clear_handle_id (&self->import_poll_id, g_source_remove);
  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_WINDOW);
  G_OBJECT_CLASS (px_window_parent_class)->dispose (object);
}

static void
px_window_class_init (PxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = px_window_dispose;
  object_class->get_property = px_window_get_property;
  object_class->set_property = px_window_set_property;
  window_class->close_request = px_window_close_request;

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_IMPORT_FINISHED] =
    g_signal_new ("import-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (PX_TYPE_SIDEBAR);
  g_type_ensure (PX_TYPE_SEARCH_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, search_view);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, import_spinner);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, history_section);

  px_window_class_install_actions (klass);
}

/* Back on the Annotate page, its text has the focus again, so that label
 * keys reach it at once (the focus went with the hidden page). Once the
 * view stack is done switching: it unsets the focus of the page it hides. */
static gboolean
focus_page_idle (gpointer data)
{
  PxWindow *self = data;
  GtkWidget *focus;

  if (self->workspace == NULL
      || g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "annotate") != 0)
    return G_SOURCE_REMOVE;
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->workspace)))
    gtk_widget_grab_focus (GTK_WIDGET (self->workspace));
  return G_SOURCE_REMOVE;
}

static void
on_view_changed (PxWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_page_idle, g_object_ref (self), g_object_unref);
}

static void
px_window_add_pages (PxWindow *self)
{
  AdwViewStackPage *page;

  self->workspace = PX_WORKSPACE (px_workspace_new ());
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->workspace),
                                    "annotate", _("Annotate"));
  adw_view_stack_page_set_icon_name (page, "document-edit-symbolic");

  self->compare_view = px_compare_view_new ();
  page = adw_view_stack_add_titled (self->view_stack, self->compare_view,
                                    "compare", _("Compare"));
  adw_view_stack_page_set_icon_name (page, "view-dual-symbolic");

  self->entity_list = PX_ENTITY_LIST (px_entity_list_new ());
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->entity_list),
                                    "entities", _("Entities"));
  adw_view_stack_page_set_icon_name (page, "system-users-symbolic");
}

static void
px_window_init (PxWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  px_window_add_pages (self);
  px_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  px_window_add_history_keys (self);
  px_window_update_history (self);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::annotator-name",
                           G_CALLBACK (apply_annotator), self, G_CONNECT_SWAPPED);
  px_window_restore_size (self);

  g_signal_connect_object (self->sidebar, "article-activated",
                           G_CALLBACK (on_article_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "story-activated",
                           G_CALLBACK (on_story_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_view, "hit-activated",
                           G_CALLBACK (on_hit_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entity_list, "activate-mention",
                           G_CALLBACK (on_hit_activated), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  px_window_update_actions (self);
}

PxWindow *
px_window_new (PxApplication *app)
{
  return g_object_new (PX_TYPE_WINDOW, "application", app, NULL);
}
