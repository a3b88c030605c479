/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-window.c: the main window on a real corpus: welcome page, demo
 * corpus in the sidebar, article selection, filtering, broken files. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "px-application.h"
#include "px-compare-view.h"
#include "px-demo.h"
#include "px-search-view.h"
#include "px-test-ui.h"
#include "px-test-util.h"
#include "px-window.h"

static char *
samples_dir (void)
{
  return g_build_filename (g_getenv ("PARALLAX_SOURCE_DIR"), "data", "samples", NULL);
}

static PxWindow *
new_window (void)
{
  PxWindow *window = px_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (PxWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  guint   n_stories;
  guint   n_articles;
  guint   n_unassigned_groups;
  char   *story_name;
  gint64  first_article_id;
} RowCounts;

static void
count_rows (PxWindow  *window,
            RowCounts *counts)
{
  GListModel *rows = px_sidebar_get_rows (px_window_get_sidebar (window));

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (PX_IS_STORY (item))
        {
          counts->n_stories++;
          g_free (counts->story_name);
          counts->story_name = g_strdup (px_story_get_name (PX_STORY (item)));
        }
      else if (PX_IS_ARTICLE (item))
        {
          if (counts->n_articles++ == 0)
            counts->first_article_id = px_article_get_id (PX_ARTICLE (item));
        }
      else
        counts->n_unassigned_groups++;
    }
}

static void
test_window_welcome (void)
{
  g_autofree char *db = px_test_db_path ();
  PxWindow *window = new_window ();

  g_assert_true (px_window_open_corpus (window, db));
  g_assert_nonnull (px_window_get_store (window));
  g_assert_cmpstr (px_window_get_page_name (window), ==, "welcome");
  g_assert_false (px_window_is_demo (window));
  destroy_window (window);
}

static void
test_window_broken_corpus (void)
{
  g_autofree char *path = px_test_write_file ("broken.db", "this is not a database, only text\n", -1);
  PxWindow *window = new_window ();

  g_assert_false (px_window_open_corpus (window, path));
  g_assert_null (px_window_get_store (window));
  g_assert_cmpstr (px_window_get_page_name (window), ==, "error");
  destroy_window (window);
}

static void
test_window_demo_sidebar (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *samples = samples_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  PxWindow *window = new_window ();
  RowCounts counts;

  g_assert_no_error (error);
  px_window_set_store (window, store);
  g_assert_cmpstr (px_window_get_page_name (window), ==, "welcome");

  g_assert_true (px_demo_load (store, samples, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (px_window_get_page_name (window), ==, "corpus");

  count_rows (window, &counts);
  g_assert_cmpuint (counts.n_stories, ==, 1);
  g_assert_cmpstr (counts.story_name, ==, "Conférence de Carcassonne sur les crues");
  g_assert_cmpuint (counts.n_articles, ==, 4);
  g_assert_cmpuint (counts.n_unassigned_groups, ==, 0);

  /* Selecting an article shows it in the workspace. */
  g_assert_cmpint (px_workspace_get_article_id (px_window_get_workspace (window)), ==, 0);
  g_assert_true (px_sidebar_select_article (px_window_get_sidebar (window), counts.first_article_id));
  g_assert_cmpint (px_workspace_get_article_id (px_window_get_workspace (window)), ==,
                   counts.first_article_id);

  /* The context menu opens on the selected row from the keyboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (px_window_get_sidebar (window)),
                                             "sidebar.context-menu", NULL));

  /* The story's context menu opens it in the Compare page: the sidebar's
   * menu reaches the window's action. */
  {
    g_autoptr(GListModel) stories = px_store_list_stories (store);
    g_autoptr(PxStory) story = g_list_model_get_item (stories, 0);
    GtkWidget *compare = px_window_get_compare_view (window);

    g_assert_cmpstr (px_window_get_view_name (window), ==, "annotate");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (px_window_get_sidebar (window)),
                                               "win.compare-story", "x", px_story_get_id (story)));
    g_assert_cmpstr (px_window_get_view_name (window), ==, "compare");
    for (guint i = 0; i < 100000 && !px_compare_view_is_ready (PX_COMPARE_VIEW (compare)); i++)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (px_compare_view_is_ready (PX_COMPARE_VIEW (compare)));
    g_assert_cmpuint (px_compare_view_get_n_bands (PX_COMPARE_VIEW (compare)), >, 0);
    px_window_show_page (window, "annotate");
  }

  /* "Move to Story" → Unassigned: the Unassigned group appears. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (px_window_get_sidebar (window)),
                                             "sidebar.move-article", "(xx)",
                                             counts.first_article_id, (gint64) 0));
  {
    g_autoptr(PxArticle) moved = px_store_get_article (store, counts.first_article_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (px_article_get_story_id (moved), ==, 0);
  }
  g_free (counts.story_name);
  count_rows (window, &counts);
  g_assert_cmpuint (counts.n_unassigned_groups, ==, 1);
  g_assert_cmpuint (counts.n_articles, ==, 4);

  /* The filter matches outlets, without accents or case. */
  px_sidebar_set_filter (px_window_get_sidebar (window), "ECHO OCCITAN");
  g_free (counts.story_name);
  count_rows (window, &counts);
  g_assert_cmpuint (counts.n_articles, ==, 1);
  px_sidebar_set_filter (px_window_get_sidebar (window), "no outlet is called this");
  g_free (counts.story_name);
  count_rows (window, &counts);
  g_assert_cmpuint (counts.n_articles, ==, 0);
  g_assert_cmpuint (counts.n_stories, ==, 0);
  px_sidebar_set_filter (px_window_get_sidebar (window), NULL);
  g_free (counts.story_name);
  count_rows (window, &counts);
  g_assert_cmpuint (counts.n_articles, ==, 4);
  g_free (counts.story_name);

  destroy_window (window);
}

static void
test_window_open_demo (void)
{
  g_autofree char *demo_path = NULL;
  g_autofree char *user_path = NULL;
  PxWindow *window;

  demo_path = px_demo_default_path ();
  user_path = px_store_default_path ();
  g_assert_true (g_str_has_prefix (demo_path, g_get_user_data_dir ()));
  g_assert_cmpstr (demo_path, !=, user_path);

  window = new_window ();
  g_assert_true (px_window_open_demo (window));
  g_assert_true (px_window_is_demo (window));
  g_assert_cmpstr (px_store_get_path (px_window_get_store (window)), ==, demo_path);
  g_assert_cmpstr (px_window_get_page_name (window), ==, "corpus");
  g_assert_cmpuint (px_store_count_articles (px_window_get_store (window)), ==, 4);
  /* The user's corpus was not created or touched. */
  g_assert_false (g_file_test (user_path, G_FILE_TEST_EXISTS));
  destroy_window (window);
}

static guint n_hits_activated;

static void
on_hit_activated (PxSearchView *view,
                  gint64        article_id,
                  guint64       start,
                  guint64       end,
                  gint64       *out_article)
{
  *out_article = article_id;
  n_hits_activated++;
}

static void
test_window_search (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *samples = samples_dir ();
  g_autoptr(GError) error = NULL;
  PxWindow *window = new_window ();
  PxSearchView *search;
  gint64 article_id = 0;

  g_assert_true (px_window_open_corpus (window, db));
  g_assert_true (px_demo_load (px_window_get_store (window), samples, &error));
  g_assert_no_error (error);
  px_window_set_search_mode (window, TRUE);
  search = PX_SEARCH_VIEW (px_window_get_search_view (window));
  g_signal_connect (search, "hit-activated", G_CALLBACK (on_hit_activated), &article_id);

  /* Jonas Keller is in two of the four articles. */
  px_search_view_search (search, "Keller");
  g_assert_cmpuint (px_search_view_get_n_hits (search), ==, 2);
  px_search_view_search (search, "aucun article ne parle de zeppelins");
  g_assert_cmpuint (px_search_view_get_n_hits (search), ==, 0);

  /* Enter in the entry opens the first result in the workspace. */
  px_search_view_search (search, "Keller");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (search), "search.activate-first", NULL));
  g_assert_cmpuint (n_hits_activated, ==, 1);
  g_assert_cmpint (article_id, !=, 0);
  g_assert_cmpint (px_workspace_get_article_id (px_window_get_workspace (window)), ==, article_id);
  destroy_window (window);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
test_window_preferences_about (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.parallax.Parallax");
  PxWindow *window = new_window ();
  GtkWindow *prefs, *about;

  g_assert_true (px_window_open_corpus (window, db));
  /* The corpus just opened is remembered for the next start. */
  {
    g_autofree char *last = g_settings_get_string (settings, "last-corpus");
    g_assert_cmpstr (last, ==, db);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  prefs = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
  gtk_window_destroy (prefs);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.about", NULL));
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  gtk_window_destroy (about);
  destroy_window (window);
}

static void
test_window_actions_follow_corpus (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *samples = samples_dir ();
  g_autoptr(GError) error = NULL;
  PxWindow *window = new_window ();
  gboolean search = TRUE;

  g_assert_true (px_window_open_corpus (window, db));
  /* An empty corpus has nothing to search: the action is disabled. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_object_get (window, "search-mode", &search, NULL);
  g_assert_false (search);

  g_assert_true (px_demo_load (px_window_get_store (window), samples, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (px_window_get_page_name (window), ==, "corpus");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_object_get (window, "search-mode", &search, NULL);
  g_assert_true (search);
  destroy_window (window);
}

/* The label of item @index of the primary menu's first section. */
static char *
history_item (PxWindow *window,
              int       index)
{
  GtkWidget *button = px_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu;
  g_autoptr(GMenuModel) section = NULL;
  char *label = NULL;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_true (g_menu_model_get_item_attribute (section, index, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

static guint
count_annotations (PxStore *store,
                   gint64   article_id)
{
  g_autoptr(GListModel) list = px_store_list_annotations (store, article_id);

  return g_list_model_get_n_items (list);
}

/* One history for the window: a tag on the Annotate page is named in the
 * menu ("Undo Tag “Les” as PER") and undone by win.undo (Ctrl+Z) from the
 * Entities page, which stays shown. */
static void
test_window_one_history (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *samples = samples_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  PxWindow *window = new_window ();
  PxWorkspace *ws = px_window_get_workspace (window);
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  g_autofree char *empty_label = NULL;
  gint64 article_id;
  guint n;

  g_assert_no_error (error);
  g_assert_true (px_demo_load (store, samples, &error));
  px_window_set_store (window, store);
  px_test_spin ();
  article_id = px_workspace_get_article_id (ws);
  g_assert_cmpint (article_id, >, 0);
  empty_label = history_item (window, 0);
  g_assert_cmpstr (empty_label, ==, "_Undo");
  n = count_annotations (store, article_id);

  px_test_tag (ws, 0, 3, "PER");
  g_assert_cmpuint (count_annotations (store, article_id), ==, n + 1);
  undo_label = history_item (window, 0);
  g_assert_cmpstr (undo_label, ==, "_Undo Tag “Les” as PER");

  px_window_show_page (window, "entities");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  px_test_spin ();
  g_assert_cmpuint (count_annotations (store, article_id), ==, n);
  g_assert_cmpstr (px_window_get_view_name (window), ==, "entities");
  redo_label = history_item (window, 1);
  g_assert_cmpstr (redo_label, ==, "_Redo Tag “Les” as PER");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  px_test_spin ();
  g_assert_cmpuint (count_annotations (store, article_id), ==, n + 1);
  destroy_window (window);
}

static gboolean
is_label_ending (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static guint
count_article_rows (GListModel *rows)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      n += PX_IS_ARTICLE (item);
    }
  return n;
}

/* Ctrl+D marks the article done for this coder: the sidebar says so, the
 * corpus holds it, and Ctrl+Z takes it back. */
static void
test_window_article_status (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *samples = samples_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  PxWindow *window = new_window ();
  PxWorkspace *ws = px_window_get_workspace (window);
  gint64 article_id;

  g_assert_no_error (error);
  g_assert_true (px_demo_load (store, samples, &error));
  px_window_set_store (window, store);
  px_store_set_annotator (store, "coder-a");
  px_test_spin ();
  article_id = px_workspace_get_article_id (ws);
  g_assert_cmpint (article_id, >, 0);
  g_assert_null (px_test_find (GTK_WIDGET (px_window_get_sidebar (window)), is_label_ending, "Done"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ws), "workspace.toggle-done", NULL));
  px_test_spin ();
  {
    g_autoptr(PxArticle) a = px_store_get_article (store, article_id, &error);
    g_assert_cmpstr (px_article_get_status (a, "coder-a"), ==, "done");
  }
  g_assert_nonnull (px_test_find (GTK_WIDGET (px_window_get_sidebar (window)), is_label_ending, "✓ Done"));

  /* The sidebar shows one status at a time when asked: Done, then New. */
  {
    GtkDropDown *status = GTK_DROP_DOWN (px_test_find_widget (GTK_WIDGET (px_window_get_sidebar (window)),
                                                             GTK_TYPE_DROP_DOWN));
    GListModel *rows = px_sidebar_get_rows (px_window_get_sidebar (window));

    g_assert_nonnull (status);
    gtk_drop_down_set_selected (status, 3);
    px_test_spin ();
    g_assert_cmpuint (count_article_rows (rows), ==, 1);
    gtk_drop_down_set_selected (status, 1);
    px_test_spin ();
    g_assert_cmpuint (count_article_rows (rows), ==, 3);
    gtk_drop_down_set_selected (status, 0);
    px_test_spin ();
    g_assert_cmpuint (count_article_rows (rows), ==, 4);
  }

  /* Again: back in progress. Then two undos: new. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ws), "workspace.toggle-done", NULL));
  px_test_spin ();
  g_assert_nonnull (px_test_find (GTK_WIDGET (px_window_get_sidebar (window)), is_label_ending, "In progress"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  px_test_spin ();
  {
    g_autoptr(PxArticle) a = px_store_get_article (store, article_id, &error);
    g_assert_cmpstr (px_article_get_status (a, "coder-a"), ==, "new");
  }
  destroy_window (window);
}

/* Merge a Coder's Corpus…: the other file's articles and annotations come
 * in, the toast says how many, and one Ctrl+Z takes them back. */
static void
test_window_merge_corpus (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *other_db = px_test_db_path ();
  g_autofree char *samples = samples_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  PxWindow *window = new_window ();
  guint before;

  g_assert_no_error (error);
  {
    g_autoptr(PxStore) other = px_store_open (other_db, PX_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    px_store_set_annotator (other, "second coder");
    g_assert_true (px_demo_load (other, samples, &error));
  }
  px_window_set_store (window, store);
  px_test_spin ();
  before = px_store_count_annotations (store);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  g_assert_true (px_window_merge_corpus (window, other_db));
  px_test_spin ();
  g_assert_cmpuint (px_store_count_articles (store), ==, 4);
  g_assert_cmpuint (px_store_count_annotations (store), >, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  px_test_spin ();
  g_assert_cmpuint (px_store_count_articles (store), ==, 0);
  g_assert_cmpuint (px_store_count_annotations (store), ==, before);
  /* Not a corpus: said, nothing changed. */
  {
    g_autofree char *junk = px_test_write_file ("junk.db", "no database here", -1);
    g_assert_false (px_window_merge_corpus (window, junk));
  }
  destroy_window (window);
}

int
main (int argc, char **argv)
{
  g_autofree char *data_home = NULL;
  g_autofree char *samples = NULL;

  g_test_init (&argc, &argv, NULL);
  /* Before anything reads it: the demo and default corpora go to a
   * temporary user data dir, never the real one. */
  data_home = px_test_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_unsetenv ("PARALLAX_DB");
  samples = samples_dir ();
  g_setenv ("PARALLAX_SAMPLES_DIR", samples, TRUE);
  px_application_register_resources ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/window/welcome", test_window_welcome);
  g_test_add_func ("/ui/window/broken-corpus", test_window_broken_corpus);
  g_test_add_func ("/ui/window/demo-sidebar", test_window_demo_sidebar);
  g_test_add_func ("/ui/window/open-demo", test_window_open_demo);
  g_test_add_func ("/ui/window/search", test_window_search);
  g_test_add_func ("/ui/window/preferences-about", test_window_preferences_about);
  g_test_add_func ("/ui/window/actions-follow-corpus", test_window_actions_follow_corpus);
  g_test_add_func ("/ui/window/one-history", test_window_one_history);
  g_test_add_func ("/ui/window/article-status", test_window_article_status);
  g_test_add_func ("/ui/window/merge-corpus", test_window_merge_corpus);
  return g_test_run ();
}
