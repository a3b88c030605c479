/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-metadata.c: the article header shows title, outlet, date and
 * story; its dialog corrects them through the editor (one undo step), and
 * refuses an invalid date with nothing saved. Checked in the corpus file. */
#include <adwaita.h>
#include <string.h>

#include "px-application.h"
#include "px-article-dialog.h"
#include "px-article-header.h"
#include "px-test-ui.h"
#include "px-test-util.h"
#include "px-window.h"

typedef struct
{
  const char *title;
  const char *source;
  const char *published;
  const char *story;
} Meta;

/* What the corpus file says, through a connection of its own. */
static void
assert_in_file (const char *db,
                gint64      id,
                const Meta *want)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) check = px_store_open (db, PX_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(PxArticle) a = NULL;

  g_assert_no_error (error);
  a = px_store_get_article (check, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_article_get_title (a), ==, want->title);
  g_assert_cmpstr (px_article_get_source (a), ==, want->source);
  g_assert_cmpstr (px_article_get_published (a), ==, want->published);
  g_assert_cmpstr (px_article_get_story_name (a), ==, want->story);
}

static gboolean
is_label (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, data);
}

static const char *
header_text (PxArticleHeader *header,
             const char      *css_class)
{
  GtkWidget *label = px_test_find (GTK_WIDGET (header), is_label, css_class);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
is_row (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data);
}

/* The dialog's entry row whose title starts with @title. */
static GtkEditable *
row (GtkWidget  *dialog,
     const char *title)
{
  GtkWidget *found = px_test_find (dialog, is_row, title);

  g_assert_nonnull (found);
  return GTK_EDITABLE (found);
}

static gboolean
has_action (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static GtkWidget *
button (GtkWidget  *root,
        const char *action)
{
  GtkWidget *found = px_test_find (root, has_action, action);

  g_assert_nonnull (found);
  return found;
}

/* The open Article Details dialog, or NULL. */
static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (PX_IS_ARTICLE_DIALOG (w))
        return GTK_WIDGET (w);
    }
  return NULL;
}

/* Clicks the header's Edit button; returns the dialog it opened. */
static GtkWidget *
open_dialog (PxArticleHeader *header)
{
  GtkWidget *dialog;

  g_assert_null (find_dialog ());
  /* "clicked", not gtk_widget_activate(): that clicks after 250 ms. */
  g_signal_emit_by_name (button (GTK_WIDGET (header), "header.edit"), "clicked");
  px_test_spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static void
click_save (GtkWidget *dialog)
{
  GtkWidget *save = button (dialog, "article-dialog.save");

  if (gtk_widget_is_sensitive (save))
    g_signal_emit_by_name (save, "clicked");
  px_test_spin ();
}

static void
test_edit_metadata (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  const Meta before = { "Antalya talks", "Le Monde", "2022-03-10", "Antalya" };
  const Meta edited = { "Kuleba and Lavrov in Antalya", "Le Monde", "2022-03", "Antalya" };
  const Meta moved = { "Antalya talks", "Le Monde", "2022-03-10", "Istanbul" };
  PxWindow *window = px_window_new (NULL);
  PxArticleHeader *header;
  PxEditor *editor;
  PxStore *store;
  GtkWidget *dialog;
  PxArticleInfo info = { 0 };
  PxEditTarget target = { 0 };
  gint64 id;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (px_window_open_corpus (window, db));
  store = px_window_get_store (window);
  editor = px_window_get_editor (window);
  info.title = (char *) before.title;
  info.source = (char *) before.source;
  info.published = (char *) before.published;
  info.story = (char *) before.story;
  info.language = (char *) "fr";
  info.text = (char *) "Dmytro Kouléba a rencontré Sergueï Lavrov à Antalya.\n";
  id = px_store_add_article (store, &info, NULL, &error);
  g_assert_no_error (error);
  px_test_add_article (store, "Rubio", "en", "Istanbul", "Marco Rubio arrived in Istanbul.\n");
  g_assert_true (px_sidebar_select_article (px_window_get_sidebar (window), id));
  px_test_spin ();

  /* The header shows the article's metadata. */
  header = PX_ARTICLE_HEADER (px_test_find_widget (GTK_WIDGET (window), PX_TYPE_ARTICLE_HEADER));
  g_assert_nonnull (header);
  g_assert_cmpint (px_article_header_get_article_id (header), ==, id);
  g_assert_true (px_article_header_get_editor (header) == editor);
  g_assert_cmpstr (header_text (header, "title-2"), ==, "Antalya talks");
  g_assert_cmpstr (header_text (header, "dim-label"), ==, "Le Monde · 10 March 2022 · Antalya");

  /* Title and date in the dialog: one Save, one undo step. */
  dialog = open_dialog (header);
  gtk_editable_set_text (row (dialog, "Title"), edited.title);
  gtk_editable_set_text (row (dialog, "Publication"), " 2022-03 ");
  click_save (dialog);
  g_assert_null (find_dialog ());
  assert_in_file (db, id, &edited);
  g_assert_cmpstr (header_text (header, "title-2"), ==, edited.title);
  g_assert_cmpstr (header_text (header, "dim-label"), ==, "Le Monde · March 2022 · Antalya");
  g_assert_cmpstr (px_editor_get_undo_description (editor), ==, "Edit the Article Details");

  g_assert_true (px_editor_undo (editor, &target, &error));
  g_assert_no_error (error);
  g_assert_cmpint (target.article_id, ==, id);
  px_test_spin ();
  assert_in_file (db, id, &before);
  g_assert_cmpstr (header_text (header, "title-2"), ==, before.title);
  g_assert_false (px_editor_get_can_undo (editor));

  /* An invalid date: said in the dialog, Save refused, nothing saved, not
   * even the title changed alongside. */
  dialog = open_dialog (header);
  gtk_editable_set_text (row (dialog, "Title"), "Not to be saved");
  gtk_editable_set_text (row (dialog, "Publication"), "2022-13-45");
  {
    GtkWidget *error_label = px_test_find (dialog, is_label, "error");

    g_assert_nonnull (error_label);
    g_assert_true (gtk_widget_get_visible (error_label));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "2022-13-45"));
  }
  g_assert_false (gtk_widget_is_sensitive (button (dialog, "article-dialog.save")));
  click_save (dialog);
  /* Even when the action is forced (Enter in a field). */
  gtk_widget_activate_action (dialog, "article-dialog.save", NULL);
  px_test_spin ();
  g_assert_true (find_dialog () == dialog);
  assert_in_file (db, id, &before);
  g_assert_false (px_editor_get_can_undo (editor));
  gtk_window_destroy (GTK_WINDOW (dialog));
  px_test_spin ();

  /* The story, chosen among the existing ones: its own undo step. */
  dialog = open_dialog (header);
  g_assert_true (gtk_widget_activate_action (dialog, "article-dialog.pick-story", "s", "Istanbul"));
  g_assert_cmpstr (gtk_editable_get_text (row (dialog, "Story")), ==, "Istanbul");
  click_save (dialog);
  assert_in_file (db, id, &moved);
  g_assert_cmpstr (header_text (header, "dim-label"), ==, "Le Monde · 10 March 2022 · Istanbul");
  g_assert_cmpstr (px_editor_get_undo_description (editor), ==, "Move to the Story Istanbul");
  g_assert_true (px_editor_undo (editor, NULL, &error));
  g_assert_no_error (error);
  px_test_spin ();
  assert_in_file (db, id, &before);

  gtk_window_destroy (GTK_WINDOW (window));
  px_test_spin ();
}

int
main (int argc, char **argv)
{
  g_autofree char *data_home = NULL;

  g_test_init (&argc, &argv, NULL);
  data_home = px_test_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_unsetenv ("PARALLAX_DB");
  px_application_register_resources ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/metadata/edit", test_edit_metadata);
  return g_test_run ();
}
