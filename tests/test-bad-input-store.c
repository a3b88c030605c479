/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bad-input-store.c: hostile corpus files, paths and faults on the
 * store, export and CLI side (issue "Hostile input and faults"). Each test
 * runs parallax-cli as a user would and checks the exit code, the message
 * (one line naming the file) and what is on disk. */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "px-core.h"
#include "px-test-util.h"

/* ---- Running the CLI -------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs parallax-cli in @cwd (NULL: here) with @envp (NULL: ours) and the
 * NULL-terminated arguments; exit code in r->status. */
static void
cli_full (Run *r, const char *cwd, char **envp, const char *first, va_list ap)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli_path = g_getenv ("PARALLAX_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli_path);
  g_ptr_array_add (argv, (gpointer) cli_path);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
}

static void
cli (Run *r, const char *first, ...)
{
  va_list ap;

  va_start (ap, first);
  cli_full (r, NULL, NULL, first, ap);
  va_end (ap);
}

static void
cli_in (Run *r, const char *cwd, char **envp, const char *first, ...)
{
  va_list ap;

  va_start (ap, first);
  cli_full (r, cwd, envp, first, ap);
  va_end (ap);
}

/* A failure: exit 1, one line on stderr naming @name, nothing claimed on
 * stdout. */
static void
assert_failed (Run *r, const char *name)
{
  if (r->status != 1 || strstr (r->err, name) == NULL)
    g_printerr ("exit %d\nstdout: %s\nstderr: %s\n", r->status, r->out, r->err);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, name));
  /* One line. */
  g_assert_nonnull (strchr (r->err, '\n'));
  g_assert_cmpstr (strchr (r->err, '\n') + 1, ==, "");
  g_assert_null (strstr (r->out, "written"));
}

static void
assert_ok (Run *r)
{
  if (r->status != 0)
    g_printerr ("exit %d\nstdout: %s\nstderr: %s\n", r->status, r->out, r->err);
  g_assert_cmpint (r->status, ==, 0);
}

/* ---- Files ------------------------------------------------------------ */

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

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in @dir, sorted, joined by spaces (hidden ones included). */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return g_strdup ("(none)");
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A corpus of @n articles, long enough that the article table spans
 * several pages; article 1 carries one annotation. */
static char *
make_corpus (guint n)
{
  g_autoptr(GError) error = NULL;
  char *path = px_test_db_path ();
  g_autoptr(PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxLabel) per = NULL;

  g_assert_no_error (error);
  /* One transaction: a commit per article would sync the disk each time. */
  g_assert_true (px_store_begin (store, &error));
  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("Article %u", i);
      PxArticleInfo info = { .title = title, .source = "test" };

      g_string_append_printf (text, "Kuleba met Lavrov, report %u.", i);
      while (text->len < 1500)
        g_string_append (text, " The talks in Antalya ended without a ceasefire.");
      info.text = text->str;
      g_assert_cmpint (px_store_add_article (store, &info, NULL, &error), ==, i);
      g_assert_no_error (error);
    }
  g_assert_true (px_store_commit (store, &error));
  per = px_store_find_label (store, "PER");
  g_assert_nonnull (per);
  g_assert_cmpint (px_store_add_annotation (store, 1, px_label_get_id (per), 0, 6,
                                            PX_ANNOTATION_ACCEPTED, NULL, &error), >, 0);
  g_assert_no_error (error);
  return path;
}

/* Overwrites the last leaf page of the article table (found through the
 * dbstat virtual table; the root page when dbstat is missing). */
static void
corrupt_article_page (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page = 0, page_size = 0;
  char junk[4096];
  int fd;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE name = 'article' AND pagetype = 'leaf'"
                              " ORDER BY pageno DESC LIMIT 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (page == 0)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_master WHERE name = 'article'",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      page = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page_size, <=, (gint64) sizeof junk);

  memset (junk, 0x5a, sizeof junk);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, (size_t) page_size, (off_t) ((page - 1) * page_size)), ==, page_size);
  close (fd);
}

/* ---- 4: a damaged corpus is an error, never an empty listing ---------- */

static void
on_read_error (PxStore *store, const char *message, char **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static void
test_damaged_corpus_core (void)
{
  g_autofree char *db = make_corpus (8);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GListModel) articles = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *message = NULL;

  corrupt_article_page (db);
  store = px_store_open (db, PX_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "read-error", G_CALLBACK (on_read_error), &message);
  articles = px_store_list_articles (store, -1);
  read_error = px_store_take_read_error (store);
  g_assert_nonnull (read_error);
  g_assert_nonnull (strstr (read_error->message, db));
  g_assert_nonnull (message);
  /* Nothing half-read passes for the whole list. */
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 0);
  g_assert_null (px_store_take_read_error (store));
}

static void
test_damaged_corpus_cli (void)
{
  g_autofree char *db = make_corpus (8);
  g_autofree char *out = px_test_tmpdir ();
  const char *formats[] = { "jsonl", "conll", "brat", "csv" };

  corrupt_article_page (db);
  {
    g_auto(Run) r = { 0 };

    cli (&r, "--db", db, "list", "articles", NULL);
    assert_failed (&r, db);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_nonnull (strstr (r.err, "is damaged"));
  }
  {
    g_auto(Run) r = { 0 };

    cli (&r, "--db", db, "list", "articles", "--format", "csv", NULL);
    assert_failed (&r, db);
  }
  {
    g_auto(Run) r = { 0 };

    cli (&r, "--db", db, "show", "8", NULL);
    assert_failed (&r, db);
    g_assert_cmpstr (r.out, ==, "");
  }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(Run) r = { 0 };
      g_autofree char *dir = g_build_filename (out, formats[i], NULL);
      g_autofree char *listing = NULL;

      cli (&r, "--db", db, "export", formats[i], "--out", dir, NULL);
      assert_failed (&r, db);
      /* Nothing is left behind that looks like an export. */
      listing = list_dir (dir);
      if (!g_str_equal (listing, "(none)") && !g_str_equal (listing, "")) g_printerr ("%s: %s\n", formats[i], listing);
    }
}

/* ---- 7: another program's SQLite file is never touched ---------------- */

static void
sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
sql_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static void
assert_no_side_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* Every command, each of which must refuse @path and leave it as it was. */
static void
assert_every_command_refuses (const char *path, const char *why)
{
  g_autofree char *out = px_test_tmpdir ();
  g_autofree char *txt = px_test_write_file ("a.txt", "Kuleba met Lavrov.\n", -1);
  g_autoptr(GBytes) before = read_bytes (path);
  const char *commands[][6] = {
    { "list", "articles", NULL }, { "show", "1", NULL }, { "stats", NULL },
    { "export", "csv", "--out", out, NULL }, { "export", "jsonl", "--out", out, NULL },
    { "export", "brat", "--out", out, NULL }, { "compare", "1", "2", NULL },
    { "import", txt, NULL }, { "import", "--format", "jsonl", txt, NULL },
    { "init", NULL }, { "annotate", "1", "0", "6", "PER", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) r = { 0 };
      g_autoptr(GBytes) after = NULL;

      cli (&r, "--db", path, commands[i][0], commands[i][1], commands[i][2], commands[i][3],
           commands[i][4], commands[i][5], NULL);
      assert_failed (&r, path);
      g_assert_nonnull (strstr (r.err, why));
      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
      assert_no_side_files (path);
    }
}

static void
test_foreign_sqlite_user_version (void)
{
  for (int version = 1; version <= 2; version++)
    {
      g_autofree char *path = px_test_db_path ();
      g_autofree char *sql = g_strdup_printf ("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                                              "INSERT INTO notes (body) VALUES ('mine');"
                                              "PRAGMA user_version = %d", version);

      sql_exec (path, sql);
      assert_every_command_refuses (path, "not a Parallax corpus");
    }
}

static void
test_foreign_application_id (void)
{
  g_autofree char *path = make_corpus (1);

  /* Parallax's own tables, but another program's stamp. */
  sql_exec (path, "PRAGMA journal_mode = DELETE; PRAGMA application_id = 1234");
  assert_every_command_refuses (path, "another program");
}

static void
test_empty_file_read_only_commands (void)
{
  g_autofree char *path = px_test_write_file ("empty.db", "", 0);
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "px-no-such-dir", "corpus.db", NULL);
  g_autofree char *out = px_test_tmpdir ();
  const char *commands[][4] = {
    { "list", "articles", NULL }, { "show", "1", NULL }, { "stats", NULL },
    { "export", "csv", "--out", out }, { "export", "conll", "--out", out }, { "compare", "1", "2", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) r = { 0 }, m = { 0 };
      GStatBuf st;

      cli (&r, "--db", path, commands[i][0], commands[i][1], commands[i][2], commands[i][3], NULL);
      assert_failed (&r, path);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
      assert_no_side_files (path);
      /* A missing file is an error naming it, and is not made. */
      cli (&m, "--db", missing, commands[i][0], commands[i][1], commands[i][2], commands[i][3], NULL);
      assert_failed (&m, missing);
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }
}

/* A corpus made before the stamp: read-only commands read it without a
 * write (no stamp, no WAL switch); the first writing command stamps it. */
static void
test_unstamped_corpus (void)
{
  g_autofree char *path = make_corpus (2);
  g_autofree char *out = px_test_tmpdir ();
  g_autofree char *txt = px_test_write_file ("new.txt", "Blinken met Wang Yi.\n", -1);
  g_autoptr(GBytes) before = NULL;
  const char *commands[][4] = {
    { "list", "articles", NULL }, { "show", "1", NULL }, { "stats", NULL },
    { "export", "csv", "--out", out }, { "export", "jsonl", "--out", out }, { "compare", "1", "2", NULL },
  };

  g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, PX_STORE_APPLICATION_ID);
  /* ANALYZE adds sqlite_stat1: SQLite's own tables do not make it foreign. */
  sql_exec (path, "PRAGMA journal_mode = DELETE; PRAGMA application_id = 0; ANALYZE");
  before = read_bytes (path);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) r = { 0 };
      g_autoptr(GBytes) after = NULL;

      cli (&r, "--db", path, commands[i][0], commands[i][1], commands[i][2], commands[i][3], NULL);
      assert_ok (&r);
      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
      assert_no_side_files (path);
    }
  {
    g_auto(Run) r = { 0 };

    cli (&r, "--db", path, "import", txt, NULL);
    assert_ok (&r);
    g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, PX_STORE_APPLICATION_ID);
  }
}

/* ---- 6: a corpus that would live in memory only ----------------------- */

static void
test_memory_or_empty_db (void)
{
  g_autofree char *cwd = px_test_tmpdir ();
  g_autofree char *txt = px_test_write_file ("a.txt", "Kuleba met Lavrov.\n", -1);
  g_autofree char *listing = NULL;
  const char *dbs[] = { "", ":memory:" };

  for (guint i = 0; i < G_N_ELEMENTS (dbs); i++)
    {
      g_auto(Run) opt = { 0 }, env = { 0 };
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "PARALLAX_DB", dbs[i], TRUE);

      cli_in (&opt, cwd, NULL, "--db", dbs[i], "import", txt, NULL);
      assert_failed (&opt, i == 0 ? "--db is empty" : ":memory:");
      g_assert_null (strstr (opt.out, "Imported"));
      cli_in (&env, cwd, envp, "import", "--format", "jsonl", txt, NULL);
      assert_failed (&env, i == 0 ? "PARALLAX_DB is set but empty" : ":memory:");
      g_assert_null (strstr (env.out, "imported"));
    }
  /* Nothing was made where the command ran. */
  listing = list_dir (cwd);
  g_assert_cmpstr (listing, ==, "");
}

/* PARALLAX_DB alone (no --db) reaches every command, those in their own
 * files too (they were handed no path and crashed). */
static void
test_parallax_db_reaches_every_command (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *jsonl = px_test_write_file ("a.jsonl", "{\"text\": \"Kuleba met Lavrov.\", \"label\": []}\n"
                                               "{\"text\": \"Blinken met Wang Yi.\", \"label\": []}\n", -1);
  g_autofree char *out = px_test_tmpdir ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "PARALLAX_DB", db, TRUE);
  g_auto(Run) a = { 0 }, b = { 0 }, c = { 0 };

  cli_in (&a, NULL, envp, "import", "--format", "jsonl", jsonl, NULL);
  assert_ok (&a);
  cli_in (&b, NULL, envp, "compare", "1", "2", NULL);
  assert_ok (&b);
  cli_in (&c, NULL, envp, "export", "jsonl", "--out", out, NULL);
  assert_ok (&c);
  g_assert_nonnull (strstr (c.out, "2 articles"));
}

/* ---- 3: brat export names are unique; the count is what is on disk ---- */

static guint
count_suffix (const char *dir, const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    n += g_str_has_suffix (name, suffix);
  return n;
}

static void
test_brat_export_unique_names (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *src = px_test_tmpdir ();
  g_autofree char *out = px_test_tmpdir ();
  g_autofree char *txt = g_build_filename (src, "article-2.txt", NULL);
  g_autofree char *ann = g_build_filename (src, "article-2.ann", NULL);
  g_autofree char *plain = px_test_write_file ("plain.txt", "Blinken met Wang Yi in Beijing.\n", -1);
  g_autofree char *doc = NULL;
  g_auto(Run) a = { 0 }, b = { 0 }, c = { 0 };

  /* Article 1 is a brat document named "article-2"; article 2 is plain,
   * and falls back to the name "article-2" too. */
  g_assert_true (g_file_set_contents (txt, "Kuleba met Lavrov.", -1, NULL));
  g_assert_true (g_file_set_contents (ann, "T1\tPER 0 6\tKuleba\n", -1, NULL));
  cli (&a, "--db", db, "import", "--format", "brat", txt, NULL);
  assert_ok (&a);
  cli (&b, "--db", db, "import", plain, NULL);
  assert_ok (&b);
  cli (&c, "--db", db, "export", "brat", "--out", out, NULL);
  assert_ok (&c);
  g_assert_cmpuint (count_suffix (out, ".txt"), ==, 2);
  g_assert_cmpuint (count_suffix (out, ".ann"), ==, 2);
  g_assert_nonnull (strstr (c.out, "2 articles written"));
  /* The imported document keeps its name; the plain article moves aside. */
  doc = g_build_filename (out, "article-2.txt", NULL);
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (doc, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, "Kuleba met Lavrov.");
  }
}

/* ---- 9: exports are whole or not at all, and leave nothing behind ----- */

/* Every file in @dir with its contents, sorted by name: a set to compare. */
static char *
dir_snapshot (const char *dir)
{
  g_autofree char *names = list_dir (dir);
  g_auto(GStrv) list = g_strsplit (names, " ", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; list[i] != NULL && *list[i] != '\0'; i++)
    {
      g_autofree char *path = g_build_filename (dir, list[i], NULL);
      g_autofree char *data = NULL;

      g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
      g_string_append_printf (s, "== %s\n%s\n", list[i], data);
    }
  return g_string_free (s, FALSE);
}

static void
add_articles (const char *db, guint from, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (px_store_begin (store, &error));
  for (guint i = from; i < from + n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Later report %u: Kuleba met Lavrov again.", i);
      PxArticleInfo info = { .title = (char *) "Later", .text = text };

      g_assert_cmpint (px_store_add_article (store, &info, NULL, &error), >, 0);
    }
  g_assert_true (px_store_commit (store, &error));
}

/* Starts an export and SIGKILLs it after @delay_us. */
static void
kill_export (const char *db, const char *format, const char *out, gulong delay_us)
{
  const char *argv[] = { g_getenv ("PARALLAX_CLI"), "--db", db, "export", format, "--out", out, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;
  int status = 0;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_usleep (delay_us);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
}

static void
test_export_crash_consistency (void)
{
  const char *formats[] = { "csv", "brat", "jsonl", "conll" };
  g_autofree char *db = make_corpus (20);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *parent = px_test_tmpdir ();
      g_autofree char *out = g_build_filename (parent, "out", NULL);
      g_autofree char *ref = px_test_tmpdir ();
      g_autofree char *old_set = NULL;
      g_autofree char *new_set = NULL;
      g_autofree char *stray = g_build_filename (out, ".goutputstream-AB12CD", NULL);
      g_autofree char *listing = NULL;
      g_autofree char *expect = NULL;
      g_auto(Run) first = { 0 }, full = { 0 }, last = { 0 };
      gint64 took;

      cli (&first, "--db", db, "export", formats[f], "--out", out, NULL);
      assert_ok (&first);
      old_set = dir_snapshot (out);
      add_articles (db, 1000 * (f + 1), 20);
      took = g_get_monotonic_time ();
      cli (&full, "--db", db, "export", formats[f], "--out", ref, NULL);
      took = g_get_monotonic_time () - took;
      assert_ok (&full);
      new_set = dir_snapshot (ref);
      g_assert_cmpstr (old_set, !=, new_set);
      /* Killed anywhere from the start to a little after the end: the
       * folder holds the old set or the new one, whole. */
      for (guint i = 0; i < 5; i++)
        {
          g_autofree char *now = NULL;

          kill_export (db, formats[f], out, (gulong) g_random_int_range (0, (gint32) (took * 6 / 5) + 1));
          now = dir_snapshot (out);
          if (!g_str_equal (now, old_set) && !g_str_equal (now, new_set))
            g_error ("%s: a killed export left a mixed set", formats[f]);
        }
      /* What a crash of an older version left: a GIO temporary file. */
      g_assert_true (g_file_set_contents (stray, "half", -1, NULL));
      cli (&last, "--db", db, "export", formats[f], "--out", out, NULL);
      assert_ok (&last);
      {
        g_autofree char *now = dir_snapshot (out);
        g_assert_true (g_str_equal (now, new_set));
      }
      listing = list_dir (parent);
      g_assert_cmpstr (listing, ==, "out");
      expect = g_strdup_printf ("%u articles written", 20 + 20 * (f + 1));
      g_assert_nonnull (strstr (last.out, expect));
    }
}

/* A folder holding other files too keeps them; files of the previous
 * export that the new one lacks go. */
static void
test_export_keeps_other_files (void)
{
  g_autofree char *db = make_corpus (2);
  g_autofree char *out = px_test_tmpdir ();
  g_autofree char *mine = g_build_filename (out, "notes.odt", NULL);
  g_autofree char *gone = g_build_filename (out, "article-99.txt", NULL);
  g_autofree char *listing = NULL;
  g_auto(Run) r = { 0 };

  g_assert_true (g_file_set_contents (mine, "my notes", -1, NULL));
  g_assert_true (g_file_set_contents (gone, "an article deleted since", -1, NULL));
  cli (&r, "--db", db, "export", "brat", "--out", out, NULL);
  assert_ok (&r);
  listing = list_dir (out);
  g_assert_cmpstr (listing, ==, "annotation.conf article-1.ann article-1.txt article-2.ann article-2.txt notes.odt");
}

/* ---- 19: --out '' ------------------------------------------------------ */

static void
test_export_out_empty (void)
{
  g_autofree char *db = make_corpus (1);
  g_autofree char *cwd = px_test_tmpdir ();
  g_autofree char *listing = NULL;
  const char *formats[] = { "csv", "brat", "jsonl", "conll" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(Run) r = { 0 };

      cli_in (&r, cwd, NULL, "--db", db, "export", formats[i], "--out", "", NULL);
      if (r.status != 2)
        g_printerr ("%s: exit %d: %s%s", formats[i], r.status, r.out, r.err);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, "--out is empty"));
    }
  listing = list_dir (cwd);
  g_assert_cmpstr (listing, ==, "");
}

/* ---- 8: an export is one snapshot ------------------------------------ */

typedef struct
{
  const char *db;
  gint        stop;
  guint       added;
} Writer;

/* Adds articles, each with an annotation, one transaction each. */
static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (w->db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxLabel) per = px_store_find_label (store, "PER");

  while (!g_atomic_int_get (&w->stop))
    {
      g_autofree char *text = g_strdup_printf ("Kuleba met Lavrov, bulletin %u.", w->added);
      PxArticleInfo info = { .title = (char *) "Bulletin", .text = text };
      gint64 id;

      g_assert_true (px_store_begin (store, &error));
      id = px_store_add_article (store, &info, NULL, &error);
      g_assert_cmpint (id, >, 0);
      g_assert_cmpint (px_store_add_annotation (store, id, px_label_get_id (per), 0, 6,
                                                PX_ANNOTATION_ACCEPTED, NULL, &error), >, 0);
      g_assert_true (px_store_commit (store, &error));
      w->added++;
    }
  return NULL;
}

/* The first field of each data line of a CSV file written by the test's
 * own corpus (no quoted line breaks in it). */
static GHashTable *
first_column (const char *path)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  lines = g_strsplit (data, "\r\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_hash_table_add (ids, g_strndup (lines[i], strcspn (lines[i], ",")));
  return ids;
}

static void
test_export_snapshot (void)
{
  g_autofree char *db = make_corpus (200);
  Writer w = { db, 0, 0 };
  GThread *thread = g_thread_new ("writer", writer_thread, &w);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) reader = px_store_open (db, PX_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *out = px_test_tmpdir ();
      g_autofree char *articles = g_build_filename (out, "articles.csv", NULL);
      g_autofree char *annotations = g_build_filename (out, "annotations.csv", NULL);
      g_autoptr(GHashTable) have = NULL;
      g_autoptr(GHashTable) used = NULL;
      GHashTableIter it;
      gpointer id;

      g_assert_true (px_export_to_dir (reader, "csv", out, PX_EXPORT_DEFAULT, NULL, NULL, &error));
      g_assert_no_error (error);
      have = first_column (articles);
      used = first_column (annotations);
      g_hash_table_iter_init (&it, used);
      while (g_hash_table_iter_next (&it, &id, NULL))
        if (!g_hash_table_contains (have, id))
          g_error ("export %u: annotations.csv names article %s, missing from articles.csv",
                   i, (char *) id);
    }
  g_atomic_int_set (&w.stop, 1);
  g_thread_join (thread);
  /* The writer did run alongside. */
  g_assert_cmpuint (w.added, >, 0);
}

/* ---- 20: nothing printed can drive the terminal ----------------------- */

static void
assert_no_controls (const char *out)
{
  for (const char *p = out; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
        g_error ("control byte 0x%02x printed in: %s", c, out);
    }
  /* No C1 control either (U+0080 to U+009F is \xc2\x80 to \xc2\x9f). */
  for (const char *p = strstr (out, "\xc2"); p != NULL; p = strstr (p + 1, "\xc2"))
    g_assert_false ((guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9f);
}

static void
test_terminal_output_escaped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = px_test_db_path ();
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *bad_name = g_build_filename (dir, "two\nlines\x1b[2J.txt", NULL);
  const char *title = "\x1b]0;pwned\x07\x1b[2J Evil \xc2\x9b" "1m";

  {
    g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
    PxArticleInfo a = { .title = (char *) title, .source = (char *) "\x1b[31mred",
                        .text = (char *) "Kuleba\x1b[2J met Lavrov.\nSecond line." };
    PxArticleInfo b = { .title = (char *) title, .text = (char *) "Kuleba met Lavrov in Antalya\x07." };

    g_assert_no_error (error);
    g_assert_cmpint (px_store_add_article (store, &a, NULL, &error), ==, 1);
    g_assert_cmpint (px_store_add_article (store, &b, NULL, &error), ==, 2);
  }
  {
    g_auto(Run) r = { 0 };

    cli (&r, "--db", db, "list", "articles", NULL);
    assert_ok (&r);
    assert_no_controls (r.out);
    g_assert_nonnull (strstr (r.out, "\\x1B]0;pwned\\x07"));
    g_assert_nonnull (strstr (r.out, "\\u009B1m"));
  }
  {
    g_auto(Run) r = { 0 };

    cli (&r, "--db", db, "show", "1", NULL);
    assert_ok (&r);
    assert_no_controls (r.out);
    /* The text keeps its line breaks. */
    g_assert_nonnull (strstr (r.out, "Kuleba\\x1B[2J met Lavrov.\nSecond line."));
  }
  {
    g_auto(Run) r = { 0 };

    cli (&r, "--db", db, "compare", "1", "2", NULL);
    assert_ok (&r);
    assert_no_controls (r.out);
  }
  {
    g_auto(Run) r = { 0 };

    /* A missing file whose name holds a line break and an escape: one line. */
    cli (&r, "--db", db, "import", bad_name, NULL);
    g_assert_cmpint (r.status, ==, 1);
    assert_no_controls (r.err);
    g_assert_nonnull (strstr (r.err, "two\\x0Alines\\x1B[2J.txt"));
    g_assert_cmpstr (strchr (r.err, '\n') + 1, ==, "");
  }
}

/* ---- 12: a corpus on read-only media, given by a relative path ------- */

/* Root may write anywhere: the CLI runs as nobody, as a user would. */
static void
drop_root (gpointer unused)
{
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (77);
}

static void
test_read_only_media_relative_path (void)
{
  g_autofree char *src = make_corpus (2);
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *media = g_build_filename (dir, "media", NULL);
  g_autofree char *copy = g_build_filename (media, "corpus.db", NULL);
  g_autoptr(GBytes) bytes = read_bytes (src);
  const char *argv[] = { g_getenv ("PARALLAX_CLI"), "--db", "corpus.db", "list", "articles", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_cmpint (g_mkdir (media, 0755), ==, 0);
  g_assert_true (g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
  g_chmod (copy, 0444);
  g_chmod (media, 0555);
  g_chmod (dir, 0755);
  g_spawn_sync (media, (char **) argv, NULL, G_SPAWN_DEFAULT, drop_root, NULL, &out, &err, &status, &error);
  g_chmod (media, 0755);
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("cannot drop root privileges");
      return;
    }
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_printerr ("%s%s", out, err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_nonnull (strstr (out, "Article 2"));
}

/* ---- 21: messages say what is wrong and name the file ---------------- */

static void
test_message_fifo_db (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "corpus.db", NULL);
  g_autofree char *txt = px_test_write_file ("a.txt", "Kuleba met Lavrov.\n", -1);
  g_auto(Run) a = { 0 }, b = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  cli (&a, "--db", fifo, "import", txt, NULL);
  assert_failed (&a, fifo);
  g_assert_nonnull (strstr (a.err, "not a regular file"));
  cli (&b, "--db", fifo, "list", "articles", NULL);
  assert_failed (&b, fifo);
  g_assert_nonnull (strstr (b.err, "not a regular file"));
}

static void
test_message_missing_folder (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "no-such-folder", "corpus.db", NULL);
  g_autofree char *txt = px_test_write_file ("a.txt", "Kuleba met Lavrov.\n", -1);
  g_auto(Run) r = { 0 };

  cli (&r, "--db", db, "import", txt, NULL);
  assert_failed (&r, db);
  g_assert_nonnull (strstr (r.err, "folder"));
  g_assert_nonnull (strstr (r.err, "does not exist"));
  g_assert_null (strstr (r.err, "unable to open database file"));
}

/* A child that may write no file bigger than 40 kB: the disk is "full"
 * for the export, not for the corpus (whose -shm is 32 kB). */
static void
limit_file_size (gpointer unused)
{
  struct rlimit lim = { 40000, 40000 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &lim);
}

static void
test_message_export_disk_full (void)
{
  g_autofree char *db = make_corpus (600);
  const char *formats[] = { "csv", "jsonl", "conll" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *parent = px_test_tmpdir ();
      g_autofree char *out = g_build_filename (parent, "out", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *listing = NULL;
      const char *argv[] = { g_getenv ("PARALLAX_CLI"), "--db", db, "export", formats[i], "--out", out, NULL };
      g_auto(Run) first = { 0 }, r = { 0 };
      g_autoptr(GError) error = NULL;
      int status = 0;

      cli (&first, "--db", db, "export", formats[i], "--out", out, NULL);
      assert_ok (&first);
      before = dir_snapshot (out);
      add_articles (db, 1000 * (i + 1), 5);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_file_size, NULL,
                    &r.out, &r.err, &status, &error);
      g_assert_no_error (error);
      r.status = WIFEXITED (status) ? WEXITSTATUS (status) : 128;
      assert_failed (&r, out);
      after = dir_snapshot (out);
      g_assert_true (g_str_equal (before, after));
      listing = list_dir (parent);
      g_assert_cmpstr (listing, ==, "out");
    }
}

/* An export to a link to a folder writes into the folder and keeps the
 * link; one to a folder whose parent may not be written stages inside it. */
static void
test_export_link_and_locked_parent (void)
{
  g_autofree char *src = make_corpus (3);
  g_autofree char *top = px_test_tmpdir ();
  g_autofree char *real = g_build_filename (top, "real", NULL);
  g_autofree char *link = g_build_filename (top, "link", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *inner = NULL;
  g_auto(Run) a = { 0 }, b = { 0 };

  g_assert_cmpint (g_mkdir (real, 0755), ==, 0);
  g_assert_cmpint (symlink (real, link), ==, 0);
  cli (&a, "--db", src, "export", "csv", "--out", link, NULL);
  assert_ok (&a);
  cli (&b, "--db", src, "export", "csv", "--out", link, NULL);
  assert_ok (&b);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  listing = list_dir (top);
  g_assert_cmpstr (listing, ==, "link real");
  inner = list_dir (real);
  g_assert_cmpstr (inner, ==, "annotations.csv articles.csv entities.csv events.csv");

  {
    g_autofree char *dbdir = g_build_filename (top, "db", NULL);
    g_autofree char *db = g_build_filename (dbdir, "corpus.db", NULL);
    g_autofree char *locked = g_build_filename (top, "locked", NULL);
    g_autofree char *out = g_build_filename (locked, "out", NULL);
    g_autoptr(GBytes) bytes = read_bytes (src);
    g_autofree char *out_listing = NULL;
    const char *argv[] = { g_getenv ("PARALLAX_CLI"), "--db", db, "export", "jsonl", "--out", out, NULL };
    g_autofree char *sout = NULL;
    g_autofree char *serr = NULL;
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_assert_cmpint (g_mkdir (dbdir, 0777), ==, 0);
    g_chmod (dbdir, 0777);
    g_assert_true (g_file_set_contents (db, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
    g_chmod (db, 0644);
    g_assert_cmpint (g_mkdir_with_parents (out, 0777), ==, 0);
    g_chmod (out, 0777);
    g_chmod (locked, 0555);
    g_chmod (top, 0755);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, drop_root, NULL, &sout, &serr, &status, &error);
    g_chmod (locked, 0755);
    g_assert_no_error (error);
    if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
      {
        g_test_skip ("cannot drop root privileges");
        return;
      }
    if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
      g_printerr ("%s%s", sout, serr);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    g_assert_nonnull (strstr (sout, "3 articles written"));
    out_listing = list_dir (out);
    g_assert_cmpstr (out_listing, ==, "corpus.jsonl");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bad-input-store/damaged-corpus/core", test_damaged_corpus_core);
  g_test_add_func ("/bad-input-store/damaged-corpus/cli", test_damaged_corpus_cli);
  g_test_add_func ("/bad-input-store/foreign-sqlite/user-version", test_foreign_sqlite_user_version);
  g_test_add_func ("/bad-input-store/foreign-sqlite/application-id", test_foreign_application_id);
  g_test_add_func ("/bad-input-store/read-only-commands/empty-or-missing", test_empty_file_read_only_commands);
  g_test_add_func ("/bad-input-store/read-only-commands/unstamped-corpus", test_unstamped_corpus);
  g_test_add_func ("/bad-input-store/db-path/memory-or-empty", test_memory_or_empty_db);
  g_test_add_func ("/bad-input-store/db-path/environment", test_parallax_db_reaches_every_command);
  g_test_add_func ("/bad-input-store/export/brat-unique-names", test_brat_export_unique_names);
  g_test_add_func ("/bad-input-store/export/crash-consistency", test_export_crash_consistency);
  g_test_add_func ("/bad-input-store/export/keeps-other-files", test_export_keeps_other_files);
  g_test_add_func ("/bad-input-store/export/out-empty", test_export_out_empty);
  g_test_add_func ("/bad-input-store/export/snapshot", test_export_snapshot);
  g_test_add_func ("/bad-input-store/terminal/escaped", test_terminal_output_escaped);
  g_test_add_func ("/bad-input-store/read-only-media/relative-path", test_read_only_media_relative_path);
  g_test_add_func ("/bad-input-store/messages/fifo-db", test_message_fifo_db);
  g_test_add_func ("/bad-input-store/messages/missing-folder", test_message_missing_folder);
  g_test_add_func ("/bad-input-store/messages/export-disk-full", test_message_export_disk_full);
  g_test_add_func ("/bad-input-store/export/link-and-locked-parent", test_export_link_and_locked_parent);
  return g_test_run ();
}
