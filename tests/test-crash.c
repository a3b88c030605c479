/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety: an import killed with SIGKILL half-way leaves a file that
 * passes integrity_check and holds every article whose batch committed. */
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "px-core.h"
#include "px-test-util.h"

static char *
make_articles (guint n)
{
  char *dir = px_test_tmpdir ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/a%05u.txt", dir, i);
      g_autofree char *text = g_strdup_printf (
        "Article numéro %u\n\nLe ministre %u a rencontré son homologue à Antalya, "
        "et les deux délégations ont parlé pendant %u minutes.\n", i, i * 7, i % 90);
      g_assert_true (g_file_set_contents (name, text, -1, NULL));
    }
  return dir;
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static void
test_kill_mid_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_articles (3000);
  g_autofree char *db_path = px_test_db_path ();
  const char *cli = g_getenv ("PARALLAX_CLI");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  GOutputStream *acks;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  guint committed = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  child = g_subprocess_launcher_spawn (launcher, &error, cli, "--db", db_path, "import",
                                       "--trace-commits", dir, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  acks = g_subprocess_get_stdin_pipe (child);
  /* Wait for a few batches to commit, each acknowledged (the importer waits
   * for that, so it cannot finish behind a slow reader); then let it go on
   * into the next batch and kill it without warning. */
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "committed "))
        committed = (guint) g_ascii_strtoull (line + 10, NULL, 10);
      g_assert_true (g_output_stream_write_all (acks, "\n", 1, NULL, NULL, &error));
      g_assert_no_error (error);
      if (committed >= 600)
        break;
    }
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (child));

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  /* Files go in name order, so the committed ones are articles 0 to
   * committed - 1: each of them must be there, not merely as many. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(DISTINCT title) FROM article WHERE "
                                            "title LIKE 'Article num%%' AND "
                                            "CAST(substr(title, 16) AS INTEGER) < %u", committed);
    g_assert_cmpint (query_int (db, sql), ==, committed);
  }
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM article"), >=, committed);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM article"), <, 3000);
  /* The full-text index agrees with the table. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'antalya'"), ==,
                   query_int (db, "SELECT count(*) FROM article"));
  sqlite3_close (db);

  /* And the corpus opens and carries on. */
  {
    g_autoptr(PxStore) store = px_store_open (db_path, PX_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (px_store_count_articles (store), >=, committed);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-mid-import", test_kill_mid_import);
  return g_test_run ();
}
