/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-import-ui.c: the window's threaded import, end to end. */
#include <adwaita.h>

#include <string.h>
#include <unistd.h>

#include "px-application.h"
#include "px-export-dialog.h"
#include "px-test-util.h"
#include "px-window.h"

typedef struct
{
  GMainLoop *loop;
  guint      n_imported;
  guint      n_signals;
} Wait;

static void
on_import_finished (PxWindow *window,
                    guint     n_imported,
                    Wait     *wait)
{
  wait->n_imported = n_imported;
  wait->n_signals++;
  g_main_loop_quit (wait->loop);
}

static char *
make_folder (guint n_articles)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "zz-binary.txt", NULL);
  static const guint8 binary[] = { 0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0, 0, 3 };

  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%03u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = g_strdup_printf ("Titre numéro %u\n\nLe conseil municipal s'est réuni "
                                               "pour la %u-ième fois afin de voter le budget.\n", i, i);
      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }
  g_assert_true (g_file_set_contents (bad, (const char *) binary, sizeof binary, NULL));
  return g_steal_pointer (&dir);
}

static guint
count_article_rows (PxWindow *window)
{
  GListModel *rows = px_sidebar_get_rows (px_window_get_sidebar (window));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
      n += PX_IS_ARTICLE (item);
    }
  return n;
}

static void
test_import_folder (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *dir = make_folder (3);
  const char *paths[] = { dir, NULL };
  PxWindow *window = px_window_new (NULL);
  Wait wait = { g_main_loop_new (NULL, FALSE) };

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (px_window_open_corpus (window, db));
  g_assert_cmpstr (px_window_get_page_name (window), ==, "welcome");
  g_signal_connect (window, "import-finished", G_CALLBACK (on_import_finished), &wait);

  px_window_import_paths (window, paths);
  g_assert_true (px_window_is_importing (window));
  g_main_loop_run (wait.loop);

  g_assert_cmpuint (wait.n_signals, ==, 1);
  g_assert_false (px_window_is_importing (window));
  g_assert_cmpuint (wait.n_imported, ==, 3);
  /* The main store sees what the import thread's own connection wrote. */
  g_assert_cmpuint (px_store_count_articles (px_window_get_store (window)), ==, 3);
  g_assert_cmpstr (px_window_get_page_name (window), ==, "corpus");
  g_assert_cmpuint (count_article_rows (window), ==, 3);

  /* Importing the same folder again only finds duplicates. */
  px_window_import_paths (window, paths);
  g_main_loop_run (wait.loop);
  g_assert_cmpuint (wait.n_signals, ==, 2);
  g_assert_cmpuint (wait.n_imported, ==, 0);
  g_assert_cmpuint (px_store_count_articles (px_window_get_store (window)), ==, 3);

  g_main_loop_unref (wait.loop);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_cancel (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *dir = make_folder (40);
  const char *paths[] = { dir, NULL };
  PxWindow *window = px_window_new (NULL);
  Wait wait = { g_main_loop_new (NULL, FALSE) };
  guint n;

  g_assert_true (px_window_open_corpus (window, db));
  g_signal_connect (window, "import-finished", G_CALLBACK (on_import_finished), &wait);
  px_window_import_paths (window, paths);
  px_window_cancel_import (window);
  g_main_loop_run (wait.loop);

  /* Cancelled at any point: the signal comes once, and what was committed
   * before the cancel is in the store and in the sidebar. */
  g_assert_cmpuint (wait.n_signals, ==, 1);
  g_assert_false (px_window_is_importing (window));
  n = px_store_count_articles (px_window_get_store (window));
  g_assert_cmpuint (n, <=, 40);
  g_assert_cmpuint (count_article_rows (window), ==, n);

  g_main_loop_unref (wait.loop);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
walk_timed_out (gpointer user_data)
{
  g_error ("the import never finished: Cancel did not stop the folder walk");
  return G_SOURCE_REMOVE;
}

/* A brat folder that links to itself (issue 11, item 1): Cancel ends the
 * import, and Import is available again. */
static void
test_import_cancel_symlink_loop (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *txt = g_build_filename (dir, "doc.txt", NULL);
  g_autofree char *ann = g_build_filename (dir, "doc.ann", NULL);
  g_autofree char *link_a = g_build_filename (dir, "a", NULL);
  g_autofree char *link_b = g_build_filename (dir, "b", NULL);
  const char *paths[] = { dir, NULL };
  PxWindow *window = px_window_new (NULL);
  Wait wait = { g_main_loop_new (NULL, FALSE) };
  guint guard;

  g_assert_true (g_file_set_contents (txt, "Kuleba met Lavrov.\n", -1, NULL));
  g_assert_true (g_file_set_contents (ann, "T1\tPER 0 6\tKuleba\n", -1, NULL));
  g_assert_cmpint (symlink (".", link_a), ==, 0);
  g_assert_cmpint (symlink (".", link_b), ==, 0);
  g_assert_true (px_window_open_corpus (window, db));
  g_signal_connect (window, "import-finished", G_CALLBACK (on_import_finished), &wait);
  px_window_import_paths (window, paths);
  px_window_cancel_import (window);
  guard = g_timeout_add_seconds (60, walk_timed_out, NULL);
  g_main_loop_run (wait.loop);
  g_source_remove (guard);

  g_assert_cmpuint (wait.n_signals, ==, 1);
  g_assert_false (px_window_is_importing (window));
  /* Import again, without cancelling: the loop is walked once. */
  px_window_import_paths (window, paths);
  g_main_loop_run (wait.loop);
  g_assert_cmpuint (wait.n_signals, ==, 2);
  g_assert_cmpuint (px_store_count_articles (px_window_get_store (window)), ==, 1);

  g_main_loop_unref (wait.loop);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (px_export_csv_finish (result, &error));
  g_assert_no_error (error);
  wait->n_signals++;
  g_main_loop_quit (wait->loop);
}

static void
test_export_thread (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *dir = make_folder (2);
  g_autofree char *out = px_test_tmpdir ();
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  const char *paths[] = { dir, NULL };
  const char *names[] = { "articles.csv", "annotations.csv", "entities.csv", "events.csv" };
  PxWindow *window = px_window_new (NULL);
  Wait wait = { g_main_loop_new (NULL, FALSE) };
  g_autofree char *articles_csv = NULL;

  g_assert_true (px_window_open_corpus (window, db));
  g_signal_connect (window, "import-finished", G_CALLBACK (on_import_finished), &wait);
  px_window_import_paths (window, paths);
  g_main_loop_run (wait.loop);

  /* The export thread opens its own connection on the same file. */
  px_export_csv_async (px_store_get_path (px_window_get_store (window)), out_file,
                       PX_EXPORT_DEFAULT, NULL, on_exported, &wait);
  g_main_loop_run (wait.loop);
  g_assert_cmpuint (wait.n_signals, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (out, names[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  {
    g_autofree char *path = g_build_filename (out, "articles.csv", NULL);
    g_assert_true (g_file_get_contents (path, &articles_csv, NULL, NULL));
    g_assert_nonnull (strstr (articles_csv, "Titre numéro 1"));
  }

  g_main_loop_unref (wait.loop);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  px_application_register_resources ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/import/folder", test_import_folder);
  g_test_add_func ("/ui/import/cancel", test_import_cancel);
  g_test_add_func ("/ui/import/cancel-symlink-loop", test_import_cancel_symlink_loop);
  g_test_add_func ("/ui/import/export-thread", test_export_thread);
  return g_test_run ();
}
