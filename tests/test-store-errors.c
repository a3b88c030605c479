/* A corpus file that is not what we expect gets a clear error, and is left
 * exactly as it was. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "px-core.h"
#include "px-test-util.h"

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static void
test_not_sqlite (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_write_file ("corpus.db", "Ceci n'est pas une base.\n", -1);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_foreign_sqlite (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_DATABASE);
}

static void
test_newer_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(PxStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future(x); PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (path);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PX_ERROR, PX_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer"));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
make_corpus (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  PxArticleInfo info = { .text = (char *) "Un article déjà là." };

  g_assert_no_error (error);
  g_assert_cmpint (px_store_add_article (store, &info, NULL, &error), >, 0);
}

static void
check_read_only (PxStore *store)
{
  g_autoptr(GError) error = NULL;
  PxArticleInfo info = { .text = (char *) "Un nouvel article." };

  g_assert_true (px_store_is_read_only (store));
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
  g_assert_cmpint (px_store_add_article (store, &info, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (px_store_add_story (store, "Nope", &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_READ_ONLY);
}

static void
test_read_only_flag (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = NULL;

  make_corpus (path);
  store = px_store_open (path, PX_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  check_read_only (store);
}

static void
test_read_only_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores file permissions");
      return;
    }
  make_corpus (path);
  g_chmod (path, 0444);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  check_read_only (store);
}

static void
test_locked (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = NULL;
  sqlite3 *other = NULL;
  PxArticleInfo info = { .text = (char *) "Écrit pendant le verrou." };

  make_corpus (path);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* Another program takes the write lock and keeps it. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (px_store_add_article (store, &info, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  /* Once it lets go, work goes on and nothing was lost. */
  g_assert_cmpint (px_store_add_article (store, &info, NULL, &error), >, 0);
  g_assert_cmpuint (px_store_count_articles (store), ==, 2);
}

static void
test_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  PxArticleInfo info = { 0 };
  gint64 pages;

  make_corpus (path);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pages = px_store_set_max_page_count (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pages, >, 0);
  /* About a megabyte of text cannot fit in the pages left. */
  for (int i = 0; i < 20000; i++)
    g_string_append_printf (big, "Ligne %d d'un très long article.\n", i);
  info.text = big->str;
  g_assert_cmpint (px_store_add_article (store, &info, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  /* What was there is still there, and the store still works. */
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
  g_clear_object (&store);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
}

static void
test_missing_no_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "absent.db", NULL);
  g_autoptr(PxStore) store = px_store_open (path, PX_STORE_OPEN_NO_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_migrates_empty_v0 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = NULL;
  sqlite3 *db = NULL;

  /* An empty SQLite file (user_version 0, no tables) is a corpus to set up. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 0; VACUUM", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_schema_version (store), ==, PX_STORE_SCHEMA_VERSION);
  g_assert_nonnull (px_store_find_label (store, "PER"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-errors/not-sqlite", test_not_sqlite);
  g_test_add_func ("/store-errors/foreign-sqlite", test_foreign_sqlite);
  g_test_add_func ("/store-errors/newer-schema", test_newer_schema);
  g_test_add_func ("/store-errors/read-only-flag", test_read_only_flag);
  g_test_add_func ("/store-errors/read-only-file", test_read_only_file);
  g_test_add_func ("/store-errors/locked", test_locked);
  g_test_add_func ("/store-errors/disk-full", test_disk_full);
  g_test_add_func ("/store-errors/missing-no-create", test_missing_no_create);
  g_test_add_func ("/store-errors/migrates-empty", test_migrates_empty_v0);
  return g_test_run ();
}
