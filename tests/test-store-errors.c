/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A corpus file that is not what we expect gets a clear error, and is left
 * exactly as it was. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "px-core.h"
#include "px-store-private.h"
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
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "corpus.db", NULL);
  g_autoptr(PxStore) store = NULL;

  make_corpus (path);
  g_chmod (path, 0444);
  if (geteuid () == 0)
    {
      /* Only the file is read-only: the folder lets SQLite make its -shm. */
      g_chmod (dir, 01777);
      g_setenv ("PX_TEST_RO_PATH", path, TRUE);
      g_unsetenv ("PX_TEST_RO_UNMERGED");
      g_test_trap_subprocess ("/store-errors/read-only-folder/child", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
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
  {
    g_autoptr(PxLabel) per = px_store_find_label (store, "PER");
    g_assert_nonnull (per);
  }
}

/* The newer-schema file was a WAL corpus: reading it must not checkpoint,
 * truncate or leave side files behind. */
static void
test_newer_schema_wal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(PxStore) store = NULL;
  sqlite3 *db = NULL;

  make_corpus (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 7", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (path);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PX_ERROR, PX_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "schema 7"));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* A read-only store of a file that needs migrating cannot migrate it. */
static void
test_read_only_needs_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(PxStore) store = NULL;
  sqlite3 *db = NULL;

  /* A schema 1 corpus (an empty SQLite file is no corpus at all: see
   * test-bad-input-store). */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, px_store_migrations[0].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (path);
  store = px_store_open (path, PX_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, PX_ERROR, PX_ERROR_READ_ONLY);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Another program holds an exclusive lock on a rollback-journal file while
 * it is being opened: even reading waits, then gives up clearly. */
static void
test_locked_on_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE t(x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PX_ERROR, PX_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, path));
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

/* A batch that runs out of room is undone as a whole: the caller's earlier
 * writes in the same transaction go too, older commits stay. */
static void
test_disk_full_in_batch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = NULL;
  gboolean failed = FALSE;

  make_corpus (path);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (px_store_set_max_page_count (store, 1, &error), >, 0);
  g_assert_true (px_store_begin (store, &error));
  for (int i = 0; i < 5000 && !failed; i++)
    {
      g_autofree char *text = g_strdup_printf ("Article numéro %d, avec un peu de texte autour.", i);
      PxArticleInfo info = { .text = text };

      if (px_store_add_article (store, &info, NULL, &error) == 0)
        failed = TRUE;
    }
  g_assert_true (failed);
  g_assert_error (error, PX_ERROR, PX_ERROR_DISK_FULL);
  px_store_rollback (store);
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
}

/* When SQLite undoes a whole transaction on its own (I/O errors do), the
 * rest of the batch is refused instead of landing in a new transaction, and
 * the commit says the batch is lost. */
static void
test_transaction_lost (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = NULL;
  PxArticleInfo first = { .text = (char *) "Premier du lot." };
  PxArticleInfo second = { .text = (char *) "Second du lot." };
  PxArticleInfo later = { .text = (char *) "Après le lot." };

  make_corpus (path);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_true (px_store_begin (store, &error));
  g_assert_cmpint (px_store_add_article (store, &first, NULL, &error), >, 0);
  /* What SQLite does by itself after, say, an I/O error. */
  g_assert_cmpint (sqlite3_exec (px_store_get_db (store), "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (px_store_add_article (store, &second, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "undid"));
  g_clear_error (&error);
  g_assert_false (px_store_commit (store, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
  /* The store is usable again. */
  g_assert_cmpint (px_store_add_article (store, &later, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 2);
}

/* The check of a read-only file in a read-only folder, run as whoever may
 * not write there. */
static void
check_read_only_folder (const char *path,
                        gboolean    unmerged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);

  if (unmerged)
    {
      g_assert_null (store);
      g_assert_error (error, PX_ERROR, PX_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "-wal"));
      return;
    }
  g_assert_no_error (error);
  check_read_only (store);
}

static void
read_only_folder_child (void)
{
  const char *path = g_getenv ("PX_TEST_RO_PATH");

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs inside the read-only-folder tests");
      return;
    }
  /* Root may write anywhere: become nobody for this check. */
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    {
      g_test_skip ("cannot drop root privileges");
      return;
    }
  check_read_only_folder (path, g_getenv ("PX_TEST_RO_UNMERGED") != NULL);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = read_bytes (from);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (to, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
run_read_only_folder (gboolean unmerged)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "corpus.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *src = px_test_db_path ();

  make_corpus (src);
  if (unmerged)
    {
      g_autofree char *src_wal = g_strconcat (src, "-wal", NULL);
      sqlite3 *db = NULL;

      /* A copy taken while another program had commits in its WAL. */
      g_assert_cmpint (sqlite3_open (src, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0;"
                                     " INSERT INTO story (name) VALUES ('pending')",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      copy_file (src, path);
      copy_file (src_wal, wal);
      sqlite3_close (db);
      g_chmod (wal, 0444);
    }
  else
    copy_file (src, path);
  g_chmod (path, 0444);
  g_chmod (dir, 0555);

  if (geteuid () != 0)
    {
      check_read_only_folder (path, unmerged);
      return;
    }
  g_setenv ("PX_TEST_RO_PATH", path, TRUE);
  if (unmerged)
    g_setenv ("PX_TEST_RO_UNMERGED", "1", TRUE);
  else
    g_unsetenv ("PX_TEST_RO_UNMERGED");
  g_test_trap_subprocess ("/store-errors/read-only-folder/child", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_chmod (dir, 0700);
}

static void
test_read_only_folder (void)
{
  run_read_only_folder (FALSE);
}

static void
test_read_only_folder_unmerged (void)
{
  run_read_only_folder (TRUE);
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
  g_test_add_func ("/store-errors/newer-schema-wal", test_newer_schema_wal);
  g_test_add_func ("/store-errors/read-only-needs-upgrade", test_read_only_needs_upgrade);
  g_test_add_func ("/store-errors/locked-on-open", test_locked_on_open);
  g_test_add_func ("/store-errors/disk-full-in-batch", test_disk_full_in_batch);
  g_test_add_func ("/store-errors/transaction-lost", test_transaction_lost);
  g_test_add_func ("/store-errors/read-only-folder", test_read_only_folder);
  g_test_add_func ("/store-errors/read-only-folder-unmerged", test_read_only_folder_unmerged);
  g_test_add_func ("/store-errors/read-only-folder/child", read_only_folder_child);
  return g_test_run ();
}
