/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-bad-input-store.c: the window on a damaged corpus (issue "Hostile
 * input and faults", item 4): a list that could not be read is said so in a
 * banner naming the file, not shown as a shorter list without a word. */
#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "px-application.h"
#include "px-test-ui.h"
#include "px-test-util.h"
#include "px-window.h"

/* A corpus of 8 long articles (the article table spans several pages) whose
 * last article page is then overwritten. */
static char *
damaged_corpus (void)
{
  g_autoptr(GError) error = NULL;
  char *path = px_test_db_path ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page = 0, page_size = 4096;
  char junk[65536];
  int fd;

  {
    g_autoptr(PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    for (guint i = 1; i <= 8; i++)
      {
        g_autoptr(GString) text = g_string_new (NULL);

        g_string_append_printf (text, "Report %u.", i);
        while (text->len < 1500)
          g_string_append (text, " Kuleba met Lavrov in Antalya.");
        px_test_add_article (store, "Article", NULL, NULL, text->str);
      }
  }
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT pageno, pgsize FROM dbstat WHERE name = 'article' AND pagetype = 'leaf'"
                              " ORDER BY pageno DESC LIMIT 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      page = sqlite3_column_int64 (stmt, 0);
      page_size = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (page == 0)
    {
      /* No dbstat in this SQLite: the caller skips. */
      g_free (path);
      return NULL;
    }
  memset (junk, 0x5a, sizeof junk);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, (size_t) page_size, (off_t) ((page - 1) * page_size)), ==, page_size);
  close (fd);
  return path;
}

static gboolean
is_revealed_label_naming (GtkWidget *widget, gconstpointer path)
{
  GtkWidget *revealer;

  if (!GTK_IS_LABEL (widget) ||
      strstr (gtk_label_get_text (GTK_LABEL (widget)), "could not be read") == NULL ||
      strstr (gtk_label_get_text (GTK_LABEL (widget)), path) == NULL)
    return FALSE;
  revealer = gtk_widget_get_ancestor (widget, GTK_TYPE_REVEALER);
  return revealer != NULL && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static void
test_damaged_corpus_banner (void)
{
  g_autofree char *db = damaged_corpus ();
  PxWindow *window;

  if (db == NULL)
    {
      g_test_skip ("this SQLite has no dbstat table to find a page of the article table");
      return;
    }
  window = px_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (px_window_open_corpus (window, db));
  px_test_spin ();
  g_assert_nonnull (px_test_find (GTK_WIDGET (window), is_revealed_label_naming, db));
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

  g_test_add_func ("/ui/bad-input-store/damaged-corpus-banner", test_damaged_corpus_banner);
  return g_test_run ();
}
