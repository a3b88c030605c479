/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bad-input-import.c: hostile inputs on the import side (issue 11,
 * "Hostile input and faults"). Each test is one case of the bad-input
 * catalogue in docs/formats.md: the input is refused (or imported) with one
 * line naming the file (and the line, where the input has lines), and the
 * corpus holds exactly what it should. */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "px-brat.h"
#include "px-csv-import.h"
#include "px-error.h"
#include "px-files.h"
#include "px-import.h"
#include "px-interchange-store.h"
#include "px-jsonl.h"
#include "px-store-interchange.h"
#include "px-test-util.h"
#include "px-text.h"
#include "../fuzz/fuzz-walk-tree.h"

#define DOC_TXT "Kuleba met Lavrov.\n"
#define DOC_ANN "T1\tPER 0 6\tKuleba\n"

/* ---- Helpers ---------------------------------------------------------- */

/* Runs the calling test again in a subprocess with a timeout, so that a
 * regression that hangs (the bug some tests are about) fails instead.
 * TRUE in the subprocess: go on with the test; FALSE in the parent. */
static gboolean
hang_guard (void)
{
  if (g_test_subprocess ())
    return TRUE;
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

static char *
write_in (const char *dir, const char *name, const void *data, gssize len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static PxStore *
new_store (char **out_db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = px_test_db_path ();
  PxStore *store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  if (out_db != NULL)
    *out_db = g_steal_pointer (&db);
  return store;
}

static gboolean
have_cli (void)
{
  if (g_getenv ("PARALLAX_CLI") != NULL)
    return TRUE;
  g_test_skip ("PARALLAX_CLI is not set");
  return FALSE;
}

/* Runs parallax-cli --db DB ARGS…; its exit status, stdout and stderr. */
static int
run_cli (const char *db, char **out, char **err, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *timeout = g_find_program_in_path ("timeout");
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  /* A hang (the bug some of these tests are about) ends as a failure. */
  if (timeout != NULL)
    {
      g_ptr_array_add (argv, timeout);
      g_ptr_array_add (argv, (char *) "-s");
      g_ptr_array_add (argv, (char *) "KILL");
      g_ptr_array_add (argv, (char *) "60");
    }
  g_ptr_array_add (argv, (char *) g_getenv ("PARALLAX_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static guint
count_lines (const char *s)
{
  guint n = 0;

  for (; s != NULL && *s != '\0'; s++)
    n += *s == '\n';
  return n;
}

/* @report holds exactly one message, and it contains @needle. */
static void
assert_one_message (PxIxReport *report, const char *needle)
{
  g_assert_nonnull (report);
  g_assert_cmpuint (report->messages->len, ==, 1);
  g_assert_null (strchr (report->messages->pdata[0], '\n'));
  if (strstr (report->messages->pdata[0], needle) == NULL)
    g_error ("'%s' does not say '%s'", (char *) report->messages->pdata[0], needle);
}

static void
make_brat_doc (const char *dir)
{
  g_autofree char *txt = write_in (dir, "doc.txt", DOC_TXT, -1);
  g_autofree char *ann = write_in (dir, "doc.ann", DOC_ANN, -1);
}

static void
symlink_or_fail (const char *target, const char *dir, const char *name)
{
  g_autofree char *link = g_build_filename (dir, name, NULL);

  g_assert_cmpint (symlink (target, link), ==, 0);
}

/* A folder holding @depth nested folders, and DOC at the bottom. */
static char *
make_deep (guint depth, gboolean brat)
{
  g_autofree char *root = px_test_tmpdir ();
  g_autoptr(GString) path = g_string_new (root);

  for (guint i = 0; i < depth; i++)
    g_string_append (path, "/d");
  g_assert_cmpint (g_mkdir_with_parents (path->str, 0755), ==, 0);
  if (brat)
    make_brat_doc (path->str);
  else
    g_free (write_in (path->str, "deep.txt", "Kuleba met Lavrov deep down.\n", -1));
  return g_steal_pointer (&root);
}

/* ---- 1: folder walks -------------------------------------------------- */

/* ln -s . a; ln -s . b: the walk never ends without a loop check. Run in a
 * subprocess so that a regression fails on the timeout instead of hanging. */
static void
test_walk_symlink_loop (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;
  const char *paths[2] = { NULL, NULL };

  if (!hang_guard ())
    return;
  dir = px_test_tmpdir ();
  store = new_store (NULL);
  paths[0] = dir;
  make_brat_doc (dir);
  symlink_or_fail (".", dir, "a");
  symlink_or_fail (".", dir, "b");
  report = px_brat_import_paths (store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (report->n_failed, ==, 0);
  g_assert_cmpuint (report->n_duplicates, ==, 0);
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
}

/* The same through the CLI: it returns, imports the document once. */
static void
test_walk_symlink_loop_cli (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = px_test_db_path ();
  g_autofree char *out = NULL, *err = NULL;

  if (!have_cli ())
    return;
  make_brat_doc (dir);
  symlink_or_fail (".", dir, "a");
  symlink_or_fail (".", dir, "b");
  g_assert_cmpint (run_cli (db, &out, &err, "import", "--format", "brat", dir, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 article imported, 0 already there, 0 failed"));
}

/* A link to a folder elsewhere is still followed (once). */
static void
test_walk_symlink_followed (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *other = px_test_tmpdir ();
  g_autoptr(PxStore) store = new_store (NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;

  make_brat_doc (other);
  symlink_or_fail (other, dir, "linked");
  symlink_or_fail (other, dir, "linked-again");
  report = px_brat_import_paths (store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (report->n_failed, ==, 0);
  g_assert_cmpuint (report->n_duplicates, ==, 0);
}

/* Folders nested deeper than the bound are said, not walked forever. */
static void
test_walk_too_deep_brat (void)
{
  g_autofree char *root = make_deep (PX_WALK_MAX_DEPTH + 2, TRUE);
  g_autofree char *shallow = make_deep (3, TRUE);
  g_autoptr(PxStore) store = new_store (NULL);
  const char *paths[] = { root, NULL };
  const char *ok_paths[] = { shallow, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = px_brat_import_paths (store, paths, NULL, &error);
  g_autoptr(PxIxReport) ok = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 0);
  g_assert_cmpuint (report->n_failed, ==, 1);
  assert_one_message (report, "folders nested more than 64 deep; this one was not read");
  g_assert_true (g_str_has_prefix (report->messages->pdata[0], root));
  ok = px_brat_import_paths (store, ok_paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ok->n_imported, ==, 1);
}

static void
test_walk_too_deep_plain (void)
{
  g_autofree char *root = make_deep (PX_WALK_MAX_DEPTH + 2, FALSE);
  g_autoptr(PxStore) store = new_store (NULL);
  const char *paths[] = { root, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxImportReport) report = px_import_paths (store, paths, NULL, NULL, NULL, NULL, &error);
  PxImportResult *r;

  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 0);
  g_assert_cmpuint (report->n_failed, ==, 1);
  r = report->results->pdata[0];
  g_assert_cmpint (r->outcome, ==, PX_IMPORT_FAILED);
  g_assert_nonnull (strstr (r->message, "folders nested more than 64 deep"));
}

/* Cancel stops the brat walk and import: nothing is imported after it. */
static void
test_walk_cancel (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autoptr(PxStore) store = new_store (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PxBratImportOptions options = { .cancellable = cancellable };
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;

  make_brat_doc (dir);
  symlink_or_fail (".", dir, "a");
  g_cancellable_cancel (cancellable);
  report = px_brat_import_paths (store, paths, &options, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (px_store_count_articles (store), ==, 0);
}

/* The entry bound stops a walk and says where. */
static void
test_walk_entry_bound (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autoptr(PxWalk) walk = px_walk_new (NULL);
  g_autoptr(GError) error = NULL;
  guint counted = 0;

  px_walk_set_limits (walk, 8, 10);
  g_assert_cmpint (px_walk_enter (walk, dir, 0, NULL), ==, PX_WALK_ENTER);
  g_assert_cmpint (px_walk_enter (walk, dir, 0, NULL), ==, PX_WALK_SEEN);
  while (px_walk_count (walk))
    counted++;
  g_assert_cmpuint (counted, ==, 8);
  g_assert_true (px_walk_stopped (walk, dir, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "more than 10 files and folders"));
}

/* ---- 2: deeply nested JSON -------------------------------------------- */

/* {"text": "Deep.", "label": [], "meta": [[[…]]]} with @levels brackets. */
static char *
deep_line (guint levels)
{
  GString *s = g_string_new ("{\"text\": \"Deep down in the meta.\", \"label\": [], \"meta\": ");

  for (guint i = 0; i < levels; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (s, ']');
  g_string_append (s, "}");
  return g_string_free (s, FALSE);
}

static void
test_json_deep_cli (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = NULL;
  g_autofree char *line = deep_line (100000);
  g_autofree char *data = g_strconcat ("{\"text\": \"Kuleba met Lavrov.\", \"label\": []}\n", line, "\n", NULL);
  g_autofree char *path = write_in (dir, "deep.jsonl", data, -1);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(PxStore) store = NULL;

  if (!have_cli ())
    return;
  db = px_test_db_path ();
  g_assert_cmpint (run_cli (db, &out, &err, "import", "--format", "jsonl", path, NULL), ==, 1);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "deep.jsonl:2: JSON nested more than 512 levels deep"));
  g_assert_nonnull (strstr (out, "1 article imported, 0 already there, 1 failed"));
  store = px_store_open (db, PX_STORE_OPEN_DEFAULT, NULL);
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
}

static void
test_json_depth_limit (void)
{
  g_autofree char *ok = deep_line (PX_JSONL_MAX_DEPTH - 1);  /* with the root: 512 */
  g_autofree char *over = deep_line (PX_JSONL_MAX_DEPTH);
  g_autofree char *strings = NULL;
  g_autoptr(GString) s = g_string_new ("{\"text\": \"[[[[{{{{\\\"[[[[\", \"x\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = px_jsonl_parse_line (ok, strlen (ok), "deep.jsonl", 3, &error);
  g_autoptr(PxIxDocument) bad = NULL;
  g_autoptr(PxIxDocument) in_strings = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  bad = px_jsonl_parse_line (over, strlen (over), "deep.jsonl", 4, &error);
  g_assert_null (bad);
  g_assert_error (error, PX_ERROR, PX_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "deep.jsonl:4: JSON nested more than 512 levels deep; refused unread");
  g_clear_error (&error);
  /* Brackets in strings are text, not nesting. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (s, "[{");
  g_string_append (s, "\"}");
  strings = g_strdup (s->str);
  in_strings = px_jsonl_parse_line (strings, strlen (strings), "deep.jsonl", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (in_strings->text, ==, "[[[[{{{{\"[[[[");
}

/* ---- 13: named pipes and devices -------------------------------------- */

static char *
make_fifo (const char *dir, const char *name)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  return path;
}

/* A pipe named *.txt in a folder: refused unread, the rest imports. */
static void
test_fifo_in_folder_plain (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = px_test_db_path ();
  g_autofree char *good = write_in (dir, "a-good.txt", "Kuleba met Lavrov in Antalya.\n", -1);
  g_autofree char *fifo = make_fifo (dir, "b-pipe.txt");
  g_autofree char *out = NULL, *err = NULL;

  if (!have_cli ())
    return;
  g_assert_cmpint (run_cli (db, &out, &err, "import", dir, NULL), ==, 1);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "b-pipe.txt: a named pipe, not a regular file; only regular files are read"));
  g_assert_nonnull (strstr (out, "Imported 1 article, 0 duplicates skipped, 1 failed"));
}

static void
test_fifo_in_folder_brat (void)
{
  g_autofree char *dir = NULL, *fifo = NULL, *ann = NULL;
  g_autoptr(PxStore) store = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;

  if (!hang_guard ())
    return;
  dir = px_test_tmpdir ();
  fifo = make_fifo (dir, "pipe.txt");
  ann = write_in (dir, "pipe.ann", DOC_ANN, -1);
  store = new_store (NULL);
  paths[0] = dir;
  make_brat_doc (dir);
  report = px_brat_import_paths (store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (report->n_failed, ==, 1);
  assert_one_message (report, "pipe.txt: a named pipe, not a regular file");
}

/* /dev/zero has no size to check first: it is refused as a device in every
 * format, never read until memory runs out (brat does not even try: it is
 * not a DOC.txt). */
static void
test_dev_zero (void)
{
  static const char * const formats[] = { "txt", "jsonl", "brat", "csv" };
  g_autofree char *db = px_test_db_path ();

  if (!have_cli () || !g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_cli (db, &out, &err, "import", "--format", formats[i], "--max-bytes", "1000",
                                "/dev/zero", NULL), ==, 1);
      if (strstr (err, g_str_equal (formats[i], "brat") ? "/dev/zero: not a brat document"
                                                         : "/dev/zero: a device, not a regular file") == NULL)
        g_error ("%s: %s", formats[i], err);
    }
}

/* A pipe named on the command line: refused, without waiting for a writer. */
static void
test_fifo_named_on_command_line (void)
{
  g_autofree char *dir = NULL, *fifo = NULL;
  g_autoptr(PxStore) store = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;

  if (!hang_guard ())
    return;
  dir = px_test_tmpdir ();
  fifo = make_fifo (dir, "corpus.jsonl");
  store = new_store (NULL);
  paths[0] = fifo;
  report = px_jsonl_import_paths (store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_failed, ==, 1);
  assert_one_message (report, "corpus.jsonl: a named pipe, not a regular file; only regular files are read");
}

static void
test_read_bounded (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *path = write_in (dir, "ten.txt", "0123456789", 10);
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *data = px_files_read (path, 10, &len, &error);
  g_autofree char *over = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (len, ==, 10);
  g_assert_cmpstr (data, ==, "0123456789");
  over = px_files_read (path, 9, &len, &error);
  g_assert_null (over);
  g_assert_error (error, PX_ERROR, PX_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (px_files_read (dir, 9, &len, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
}

/* ---- 5, 15, 21: JSONL lines json-glib would let through --------------- */

/* A JSONL file: a good line, @bad as line 2, a good line. Imports it
 * through the CLI: line 2 is refused with one message holding @needle, the
 * other two import. */
static void
check_jsonl_line_refused (const char *bad, const char *needle)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = px_test_db_path ();
  g_autofree char *data = g_strconcat ("{\"text\": \"Kuleba met Lavrov.\", \"label\": [[0, 6, \"PER\"]]}\n",
                                       bad, "\n",
                                       "{\"text\": \"Lavrov left Antalya.\", \"label\": []}\n", NULL);
  g_autofree char *path = write_in (dir, "in.jsonl", data, -1);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *where = g_strconcat (path, ":2: ", needle, NULL);
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_cli ())
    return;
  g_assert_cmpint (run_cli (db, &out, &err, "import", "--format", "jsonl", path, NULL), ==, 1);
  g_assert_cmpuint (count_lines (err), ==, 1);
  if (strstr (err, where) == NULL)
    g_error ("'%s' does not say '%s'", err, where);
  g_assert_nonnull (strstr (out, "2 articles imported, 0 already there, 1 failed"));
  store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 2);
}

/* Item 5: "Kuleba\u0000 met Lavrov." was stored as "Kuleba". */
static void
test_jsonl_nul_escape (void)
{
  check_jsonl_line_refused ("{\"text\": \"Kuleba\\u0000 met Lavrov.\", \"label\": []}",
                            "a \\u0000 escape (a NUL character) in a string: binary data, not text");
}

/* An escaped backslash before u0000 is text, not an escape. */
static void
test_jsonl_escaped_backslash (void)
{
  const char *line = "{\"text\": \"C:\\\\u0000 is a path\", \"label\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = px_jsonl_parse_line (line, strlen (line), "in.jsonl", 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (doc->text, ==, "C:\\u0000 is a path");
}

/* Item 15: the second object was dropped silently. */
static void
test_jsonl_two_objects (void)
{
  check_jsonl_line_refused ("{\"text\": \"One.\", \"label\": []} {\"text\": \"Two.\", \"label\": []}",
                            "2 JSON values on one line; each article is one object on a line of its own");
}

/* Item 15: one of two "text" members was dropped silently. */
static void
test_jsonl_duplicate_key (void)
{
  check_jsonl_line_refused ("{\"text\": \"One.\", \"label\": [], \"text\": \"Two.\"}",
                            "the key \"text\" appears twice in one object");
}

/* The same name written two ways is the same key; the same name in two
 * objects is not a duplicate. */
static void
test_jsonl_duplicate_key_escaped (void)
{
  const char *twice = "{\"text\": \"One.\", \"meta\": {\"a\": 1, \"\\u0061\": 2}}";
  const char *apart = "{\"text\": \"One.\", \"meta\": [{\"a\": 1}, {\"a\": 2}], \"label\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) bad = px_jsonl_parse_line (twice, strlen (twice), "in.jsonl", 7, &error);
  g_autoptr(PxIxDocument) ok = NULL;

  g_assert_null (bad);
  g_assert_error (error, PX_ERROR, PX_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "in.jsonl:7: the key \"a\" appears twice in one object");
  g_clear_error (&error);
  ok = px_jsonl_parse_line (apart, strlen (apart), "in.jsonl", 8, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);
}

/* Item 21: "invalid UTF-8 at byte 7" for an ASCII file said nothing useful. */
static void
test_jsonl_lone_surrogate (void)
{
  check_jsonl_line_refused ("{\"text\": \"Kuleba \\ud800 met Lavrov.\", \"label\": []}",
                            "\\ud800 is a lone surrogate escape (half of a UTF-16 pair), not a character "
                            "UTF-8 can hold");
}

/* A surrogate pair is one character, and stays one. */
static void
test_jsonl_surrogate_pair (void)
{
  const char *line = "{\"text\": \"Flag \\ud83c\\uddfa\\ud83c\\udde6.\", \"label\": [[5, 7, \"FLAG\"]]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = px_jsonl_parse_line (line, strlen (line), "in.jsonl", 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (doc->text, ==, "Flag \xf0\x9f\x87\xba\xf0\x9f\x87\xa6.");
}

/* ---- 10: a commit that fails (disk full) ------------------------------ */

/* A full disk, exactly: a VFS over the default one whose WAL writes fail
 * with SQLITE_FULL (what ENOSPC gives) once the WAL would pass
 * full_disk_wal_bytes. Every write of a transaction goes to the WAL when it
 * commits, so COMMIT is what fails, not the statements before it (a
 * page-count cap makes the statements fail instead, and RLIMIT_FSIZE gives
 * an I/O error, not a full disk). */
static sqlite3_vfs *real_vfs;
static sqlite3_int64 full_disk_wal_bytes = -1;  /* -1: room enough */
static int full_disk_code = SQLITE_FULL;        /* what a write past it gives */

typedef struct
{
  sqlite3_file                 base;
  const sqlite3_io_methods    *real_methods;
  gboolean                     wal;
  /* the real file follows */
} FullFile;

static sqlite3_file *
real_file (sqlite3_file *f)
{
  return (sqlite3_file *) ((char *) f + sizeof (FullFile));
}

static int
full_write (sqlite3_file *f, const void *buf, int amt, sqlite3_int64 offset)
{
  FullFile *ff = (FullFile *) f;

  if (ff->wal && full_disk_wal_bytes >= 0 && offset + amt > full_disk_wal_bytes)
    return full_disk_code;
  return ff->real_methods->xWrite (real_file (f), buf, amt, offset);
}

#define FORWARD(name, sig, args) \
  static int full_##name sig { FullFile *ff = (FullFile *) f; return ff->real_methods->name args; }
FORWARD (xClose, (sqlite3_file *f), (real_file (f)))
FORWARD (xRead, (sqlite3_file *f, void *b, int n, sqlite3_int64 o), (real_file (f), b, n, o))
FORWARD (xTruncate, (sqlite3_file *f, sqlite3_int64 n), (real_file (f), n))
FORWARD (xSync, (sqlite3_file *f, int flags), (real_file (f), flags))
FORWARD (xFileSize, (sqlite3_file *f, sqlite3_int64 *n), (real_file (f), n))
FORWARD (xLock, (sqlite3_file *f, int l), (real_file (f), l))
FORWARD (xUnlock, (sqlite3_file *f, int l), (real_file (f), l))
FORWARD (xCheckReservedLock, (sqlite3_file *f, int *r), (real_file (f), r))
FORWARD (xFileControl, (sqlite3_file *f, int op, void *arg), (real_file (f), op, arg))
FORWARD (xSectorSize, (sqlite3_file *f), (real_file (f)))
FORWARD (xDeviceCharacteristics, (sqlite3_file *f), (real_file (f)))
FORWARD (xShmMap, (sqlite3_file *f, int i, int sz, int e, void volatile **pp), (real_file (f), i, sz, e, pp))
FORWARD (xShmLock, (sqlite3_file *f, int o, int n, int fl), (real_file (f), o, n, fl))
FORWARD (xShmUnmap, (sqlite3_file *f, int d), (real_file (f), d))
static void full_xShmBarrier (sqlite3_file *f) { ((FullFile *) f)->real_methods->xShmBarrier (real_file (f)); }
#undef FORWARD

static const sqlite3_io_methods full_methods = {
  2, full_xClose, full_xRead, full_write, full_xTruncate, full_xSync, full_xFileSize, full_xLock,
  full_xUnlock, full_xCheckReservedLock, full_xFileControl, full_xSectorSize, full_xDeviceCharacteristics,
  full_xShmMap, full_xShmLock, full_xShmBarrier, full_xShmUnmap, NULL, NULL,
};

static int
full_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
  FullFile *ff = (FullFile *) f;
  int rc = real_vfs->xOpen (real_vfs, name, real_file (f), flags, out_flags);

  ff->base.pMethods = NULL;
  if (rc != SQLITE_OK)
    return rc;
  ff->real_methods = real_file (f)->pMethods;
  ff->wal = (flags & SQLITE_OPEN_WAL) != 0;
  ff->base.pMethods = &full_methods;
  return SQLITE_OK;
}

/* Makes the full-disk VFS the default; stores opened after it use it. */
static void
install_full_disk_vfs (void)
{
  static sqlite3_vfs vfs;

  if (real_vfs != NULL)
    return;
  real_vfs = sqlite3_vfs_find (NULL);
  vfs = *real_vfs;
  vfs.zName = "px-test-full-disk";
  vfs.szOsFile = sizeof (FullFile) + real_vfs->szOsFile;
  vfs.xOpen = full_open;
  g_assert_cmpint (sqlite3_vfs_register (&vfs, 1), ==, SQLITE_OK);
}

/* Opens a new corpus whose WAL can hold @room bytes. */
static PxStore *
store_on_full_disk (char **db, sqlite3_int64 room)
{
  install_full_disk_vfs ();
  full_disk_wal_bytes = -1;
  {
    PxStore *store = new_store (db);

    g_object_unref (store);  /* closing empties the WAL: the import's writes start it */
  }
  full_disk_wal_bytes = room;
  {
    g_autoptr(GError) error = NULL;
    PxStore *store = px_store_open (*db, PX_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    return store;
  }
}

static char *
big_jsonl (const char *dir, guint n_lines)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < n_lines; i++)
    {
      g_string_append_printf (s, "{\"text\": \"Article %u. ", i);
      for (guint j = 0; j < 30; j++)
        g_string_append (s, "Kuleba met Lavrov in Antalya. ");
      g_string_append (s, "\", \"label\": [[0, 7, \"PER\"]]}\n");
    }
  return write_in (dir, "in.jsonl", s->str, s->len);
}

/* The number in "N articles imported before it are saved". */
static guint
saved_count (const char *message)
{
  const char *p = strstr (message, "); ");

  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + 3, NULL, 10);
}

static void
check_saved (const char *db, guint saved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, saved);
}

/* G_DEBUG=fatal-warnings: the double rollback's CRITICAL would abort. */
static void
test_commit_fails_jsonl (void)
{
  g_autofree char *dir = NULL, *path = NULL, *db = NULL;
  g_autoptr(PxStore) store = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = px_ix_report_new ();

  dir = px_test_tmpdir ();
  paths[0] = path = big_jsonl (dir, 400);
  store = store_on_full_disk (&db, 200000);
  g_assert_false (px_jsonl_import_paths_into (store, paths, NULL, report, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_DISK_FULL);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, "the disk is full; the import stopped at "));
  g_assert_nonnull (strstr (error->message, "in.jsonl:"));
  g_assert_nonnull (strstr (error->message, " articles imported before it are saved"));
  g_assert_null (strstr (error->message, "nothing of this change"));
  g_assert_cmpuint (report->n_imported, >, 0);
  g_assert_cmpuint (saved_count (error->message), ==, report->n_imported);
  full_disk_wal_bytes = -1;
  g_clear_object (&store);
  check_saved (db, report->n_imported);
}

static void
test_commit_fails_brat (void)
{
  g_autofree char *dir = NULL, *db = NULL;
  g_autoptr(PxStore) store = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = px_ix_report_new ();

  paths[0] = dir = px_test_tmpdir ();
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc%03u.txt", i);
      g_autofree char *ann_name = g_strdup_printf ("doc%03u.ann", i);
      g_autoptr(GString) text = g_string_new ("Kuleba ");

      for (guint j = 0; j < 30; j++)
        g_string_append_printf (text, "met Lavrov %u times in Antalya. ", i);
      g_free (write_in (dir, name, text->str, -1));
      g_free (write_in (dir, ann_name, DOC_ANN, -1));
    }
  store = store_on_full_disk (&db, 200000);
  g_assert_false (px_brat_import_paths_into (store, paths, NULL, report, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "the disk is full; the import stopped at "));
  g_assert_nonnull (strstr (error->message, " documents imported before it are saved"));
  g_assert_cmpuint (saved_count (error->message), ==, report->n_imported);
  full_disk_wal_bytes = -1;
  g_clear_object (&store);
  check_saved (db, report->n_imported);
}

/* One annotations.csv is one transaction: a big one fails at COMMIT. */
static void
test_commit_fails_csv (void)
{
  g_autofree char *dir = NULL, *db = NULL, *jsonl = NULL, *csv_path = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new ("article_id,article_title,label,kind,start,end,text\n");
  g_autoptr(GString) line = g_string_new ("{\"title\": \"Big\", \"text\": \"");
  const char *paths[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = px_ix_report_new ();
  g_autoptr(PxIxReport) first = NULL;

  dir = px_test_tmpdir ();
  for (guint i = 0; i < 6000; i++)
    {
      gsize start = text->len;

      g_string_append_printf (text, "w%05u ", i);
      g_string_append_printf (csv, "1,Big,PER,entity,%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT ",w%05u\n",
                              start, start + 6, i);
    }
  g_string_append_printf (line, "%s\", \"label\": []}\n", text->str);
  paths[0] = jsonl = write_in (dir, "in.jsonl", line->str, -1);
  store = store_on_full_disk (&db, 400000);
  first = px_jsonl_import_paths (store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_imported, ==, 1);
  paths[0] = csv_path = write_in (dir, "annotations.csv", csv->str, -1);
  g_assert_false (px_csv_import_paths_into (store, paths, NULL, report, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "the import stopped at "));
  g_assert_nonnull (strstr (error->message, "annotations.csv (not imported, nor anything after it); "
                                            "nothing was imported before it"));
  full_disk_wal_bytes = -1;
  g_assert_cmpuint (px_store_count_annotations (store), ==, 0);
}

/* annotation.conf is one transaction too: rolled back once. */
static void
test_commit_fails_conf (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autoptr(GString) conf = g_string_new ("[entities]\n");
  g_autofree char *path = NULL, *db = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (conf, "TYPE_%u\n", i);
  g_string_append (conf, "[relations]\n[events]\n[attributes]\n");
  path = write_in (dir, "annotation.conf", conf->str, -1);
  store = store_on_full_disk (&db, 8192);
  g_assert_false (px_brat_import_conf (store, path, &error));
  full_disk_wal_bytes = -1;
  g_assert_error (error, PX_ERROR, PX_ERROR_DISK_FULL);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_null (px_store_find_label (store, "TYPE_0"));
}

/* An I/O error on the corpus stops the import like a full disk: every
 * line after would fail the same way (each said "in.jsonl:N: in.jsonl:
 * c.db: disk I/O error" before, the file named twice). */
static void
test_io_error_stops (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *path = big_jsonl (dir, 60);
  g_autofree char *db = NULL;
  g_autofree char *doubled = NULL;
  g_autoptr(PxStore) store = store_on_full_disk (&db, 100000);
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = px_ix_report_new ();
  gboolean ok;

  full_disk_code = SQLITE_IOERR_WRITE;
  ok = px_jsonl_import_paths_into (store, paths, NULL, report, &error);
  full_disk_code = SQLITE_FULL;
  full_disk_wal_bytes = -1;
  g_assert_false (ok);
  g_assert_error (error, PX_ERROR, PX_ERROR_FAILED);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, "disk I/O error; the import stopped at "));
  g_assert_cmpuint (report->n_failed, ==, 0);
  g_assert_cmpuint (saved_count (error->message), ==, report->n_imported);
  doubled = g_strdup_printf ("%s: ", path);
  g_assert_null (strstr (error->message, doubled));
  g_clear_object (&store);
  check_saved (db, report->n_imported);
}

/* Plain text commits in batches: the message says which are saved. */
static void
test_commit_fails_plain (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = NULL;
  g_autoptr(PxStore) store = NULL;
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxImportReport) report = NULL;

  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *name = g_strdup_printf ("a%03u.txt", i);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint j = 0; j < 20; j++)
        g_string_append_printf (text, "Kuleba met Lavrov %u times in Antalya. ", i);
      g_free (write_in (dir, name, text->str, -1));
    }
  store = store_on_full_disk (&db, 400000);
  report = px_import_paths (store, paths, NULL, NULL, NULL, NULL, &error);
  full_disk_wal_bytes = -1;
  g_assert_null (report);
  g_assert_error (error, PX_ERROR, PX_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "the disk is full; the import stopped at "));
  g_assert_nonnull (strstr (error->message, " imported before are saved, the "));
  g_assert_nonnull (strstr (error->message, " of the last batch are not"));
  g_assert_null (strstr (error->message, "nothing of this change"));
  g_clear_object (&store);
  check_saved (db, g_ascii_strtoull (strstr (error->message, ".txt: ") + 6, NULL, 10));
}

/* When the store fails, the CLI still prints the summary (what was saved),
 * then the error, and exits 1. A lock held by another program is a store
 * failure a test can cause in another process. */
static void
test_store_fails_cli_summary (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *path = big_jsonl (dir, 3);
  g_autofree char *db = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(PxStore) store = new_store (&db);
  sqlite3 *other = NULL;

  if (!have_cli ())
    return;
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (run_cli (db, &out, &err, "import", "--format", "jsonl", path, NULL), ==, 1);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "locked"));
  g_assert_nonnull (strstr (err, "; the import stopped at "));
  g_assert_nonnull (strstr (err, "in.jsonl:1 (not imported, nor anything after it); nothing was imported before it"));
  g_assert_cmpstr (out, ==, "jsonl: 0 articles imported, 0 already there, 0 failed\n");
}

/* ---- 11: UTF-8 with a stray byte -------------------------------------- */

/* It was decoded as Windows-1252: "Ã©trangÃ¨res". It is refused with the
 * byte and its line (refusing keeps the corpus text exact, and the message
 * says which byte to fix; see docs/formats.md). */
static void
test_utf8_stray_byte (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = px_test_db_path ();
  /* "…étrangères.\n" then a stray 0xE9 at byte 68, line 2. */
  const char *data = "Réunion des ministres des Affaires étrangères.\nKuleba a vu Lavrov.\xe9\n";
  g_autofree char *path = write_in (dir, "stray.txt", data, -1);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("stray.txt: byte %d (line 2) is 0xE9, not UTF-8, in a file "
                                               "that is otherwise UTF-8; fix that byte",
                                               (int) (strchr (data, '\xe9') - data));
  g_autoptr(PxStore) store = NULL;

  if (!have_cli ())
    return;
  g_assert_cmpint (run_cli (db, &out, &err, "import", path, NULL), ==, 1);
  g_assert_cmpuint (count_lines (err), ==, 1);
  if (strstr (err, expected) == NULL)
    g_error ("'%s' does not say '%s'", err, expected);
  store = px_store_open (db, PX_STORE_OPEN_DEFAULT, NULL);
  g_assert_cmpuint (px_store_count_articles (store), ==, 0);
}

/* Real Windows-1252 (high bytes that never pair up as UTF-8) decodes as
 * before. */
static void
test_windows_1252_still_decodes (void)
{
  const char *data = "R\xe9union des ministres des Affaires \xe9trang\xe8res \x96 Kuleba a vu Lavrov \xe0 Antalya.\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *text = px_text_decode ((const guint8 *) data, strlen (data), &charset, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Réunion des ministres des Affaires étrangères – Kuleba a vu Lavrov à Antalya.\n");
}

/* ---- 14: a .ann without its .txt -------------------------------------- */

static void
test_brat_ann_without_txt (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = px_test_db_path ();
  g_autofree char *orphan = write_in (dir, "orphan.ann", DOC_ANN, -1);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strconcat (orphan, ": no orphan.txt beside it; a brat document is a "
                                           ".txt with its .ann", NULL);
  g_autoptr(PxStore) store = new_store (NULL);
  const char *paths[] = { orphan, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;

  make_brat_doc (dir);
  /* Named itself, or met in a folder: the same failure. */
  report = px_brat_import_paths (store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_failed, ==, 1);
  assert_one_message (report, expected);
  if (!have_cli ())
    return;
  g_assert_cmpint (run_cli (db, &out, &err, "import", "--format", "brat", dir, NULL), ==, 1);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, expected));
  g_assert_nonnull (strstr (out, "1 article imported, 0 already there, 1 failed"));
}

/* ---- 21: offsets out of range say so ---------------------------------- */

/* "span 0--1" for 2^64 - 1: json-glib wraps it to -1. */
static void
test_jsonl_huge_offset (void)
{
  check_jsonl_line_refused ("{\"text\": \"Kuleba met Lavrov.\", \"label\": [[0, 18446744073709551615, \"PER\"]]}",
                            "the number 18446744073709551615 is out of range: whole numbers here go up to "
                            "9223372036854775807");
}

static void
check_jsonl_offsets (const char *line, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = px_jsonl_parse_line (line, strlen (line), "in.jsonl", 4, &error);

  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (strstr (error->message, "--"));
}

static void
test_jsonl_offset_messages (void)
{
  g_autoptr(GString) many = g_string_new ("{\"text\": \"abc\", \"label\": [[0, 1");

  check_jsonl_offsets ("{\"text\": \"abc\", \"label\": [[0, -1, \"X\"]]}",
                       "in.jsonl:4: offset -1 is negative; offsets count code points from 0");
  check_jsonl_offsets ("{\"text\": \"abc\", \"label\": [[0, 9, \"X\"]]}",
                       "in.jsonl:4: offset 9 is out of range, outside the text (3 characters)");
  check_jsonl_offsets ("{\"text\": \"abc\", \"label\": [[2, 1, \"X\"]]}",
                       "in.jsonl:4: the span from 2 to 1 is empty or reversed");
  check_jsonl_offsets ("{\"text\": \"abc\", \"label\": [[-9223372036854775809, 1, \"X\"]]}",
                       "in.jsonl:4: the number -9223372036854775809 is out of range: whole numbers here "
                       "go up to 9223372036854775807");
  for (guint i = 0; i < 100; i++)
    g_string_append_c (many, '0');
  g_string_append (many, ", \"X\"]]}");
  check_jsonl_offsets (many->str, "in.jsonl:4: the number 1000000000000000000000000000000000000000… is out "
                                  "of range: whole numbers here go up to 9223372036854775807");
}

static void
test_brat_huge_offset (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *txt = write_in (dir, "doc.txt", DOC_TXT, -1);
  g_autofree char *ann = write_in (dir, "doc.ann", "T1\tPER 0 18446744073709551615\tKuleba\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = px_brat_read_document (txt, 0, &error);
  g_autofree char *expected = g_strconcat (ann, ":1: offset 18446744073709551615 is out of range, past the "
                                           "end of the text (19 characters)", NULL);

  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==, expected);
}

/* ---- 16: brat ids past 2^32 ------------------------------------------- */

/* New ids count on from the highest in 64 bits: T4294967295 is followed by
 * T4294967296, not T0 and then a second T1. */
static void
test_brat_ids_past_2_32 (void)
{
  g_autoptr(PxIxDocument) doc = px_ix_document_new ("doc", "doc.txt", "Kuleba met Lavrov.");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *ann = NULL;

  g_ptr_array_add (doc->spans, px_ix_span_new ("T1", "PER", 0, 6));
  g_ptr_array_add (doc->spans, px_ix_span_new ("T4294967295", "PER", 11, 17));
  g_ptr_array_add (doc->spans, px_ix_span_new (NULL, "PER", 0, 17));
  g_ptr_array_add (doc->spans, px_ix_span_new (NULL, "PER", 7, 10));
  px_brat_assign_ids (doc);
  g_assert_cmpstr (((PxIxSpan *) doc->spans->pdata[2])->id, ==, "T4294967296");
  g_assert_cmpstr (((PxIxSpan *) doc->spans->pdata[3])->id, ==, "T4294967297");
  for (guint i = 0; i < doc->spans->len; i++)
    g_assert_true (g_hash_table_add (ids, ((PxIxSpan *) doc->spans->pdata[i])->id));
  ann = px_brat_format_ann (doc);
  g_assert_nonnull (strstr (ann, "T4294967297\tPER 7 10\tmet\n"));
}

/* An id too long to count on from is refused with its line. */
static void
test_brat_id_out_of_range (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *txt = write_in (dir, "doc.txt", DOC_TXT, -1);
  g_autofree char *ann = write_in (dir, "doc.ann", "T1\tPER 0 6\tKuleba\nT1000000000000000000\tPER 11 17\tLavrov\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = px_brat_read_document (txt, 0, &error);
  g_autofree char *expected = g_strconcat (ann, ":2: id 'T1000000000000000000' is out of range: brat ids "
                                           "here have at most 18 digits", NULL);

  g_assert_null (doc);
  g_assert_error (error, PX_ERROR, PX_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, expected);
}

/* ---- 17: file names that are not UTF-8 -------------------------------- */

/* "café" in Latin-1 as a file name: every article's title and origin
 * path are valid UTF-8 in the corpus, and so is articles.csv. */
static void
test_non_utf8_file_names (void)
{
  g_autofree char *plain = px_test_tmpdir ();
  g_autofree char *brat = px_test_tmpdir ();
  g_autofree char *out_dir = px_test_tmpdir ();
  g_autofree char *db = NULL;
  g_autofree char *p1 = write_in (plain, "caf\xe9.txt", "Kuleba met Lavrov in Antalya.\n", -1);
  g_autofree char *p2 = write_in (brat, "th\xe9.txt", "Lavrov left Antalya.", -1);
  g_autofree char *p3 = write_in (brat, "th\xe9.ann", "T1\tPER 0 6\tLavrov\n", -1);
  g_autoptr(PxStore) store = new_store (&db);
  const char *plain_paths[] = { plain, NULL };
  const char *brat_paths[] = { brat, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxImportReport) r1 = px_import_paths (store, plain_paths, NULL, NULL, NULL, NULL, &error);
  g_autoptr(PxIxReport) r2 = px_brat_import_paths (store, brat_paths, NULL, &error);
  g_autoptr(GArray) ids = px_interchange_article_ids (store);
  g_autofree char *csv = NULL, *csv_path = NULL, *err = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (r1->n_imported + r2->n_imported, ==, 2);
  g_assert_cmpuint (ids->len, ==, 2);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PxArticle) a = px_store_get_article (store, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      g_assert_true (g_utf8_validate (px_article_get_origin_path (a), -1, NULL));
      g_assert_true (g_utf8_validate (px_article_get_title (a), -1, NULL));
      g_assert_nonnull (strstr (px_article_get_origin_path (a), "\xef\xbf\xbd.txt"));  /* U+FFFD */
    }
  g_clear_object (&store);
  if (!have_cli ())
    return;
  g_assert_cmpint (run_cli (db, NULL, &err, "export", "csv", "--out", out_dir, NULL), ==, 0);
  csv_path = g_build_filename (out_dir, "articles.csv", NULL);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_nonnull (strstr (csv, "th\xef\xbf\xbd"));
}

/* ---- 18: the CSV formula guard can be undone -------------------------- */

/* A note that really starts with an apostrophe ("'-Kuleba") lost it on
 * export and re-import: the guard added none, the reader stripped one. */
static void
test_csv_apostrophe_round_trip (void)
{
  static const char * const notes[] = { "'-Kuleba, he said", "=SUM(A1)", "''twice", "'plain", "-minus" };
  g_autofree char *db = NULL;
  g_autofree char *out_dir = px_test_tmpdir ();
  g_autofree char *err = NULL;
  g_autofree char *annotations = NULL;
  g_autoptr(PxStore) store = new_store (&db);
  g_autoptr(PxStore) again = new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxLabel) per = NULL;
  PxArticleInfo info = { .title = (char *) "Meeting", .text = (char *) "Kuleba met Lavrov in Antalya." };
  gint64 id, id2;
  const char *paths[] = { out_dir, NULL };
  g_autoptr(PxIxReport) report = NULL;
  g_autoptr(GListModel) anns = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!have_cli ())
    return;
  id = px_store_add_article (store, &info, NULL, &error);
  g_assert_no_error (error);
  if ((per = px_store_find_label (store, "PER")) == NULL)
    {
      g_assert_cmpint (px_store_add_label (store, "PER", PX_LABEL_ENTITY, NULL, NULL, NULL, &error), >, 0);
      per = px_store_find_label (store, "PER");
    }
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    g_assert_cmpint (px_store_add_annotation (store, id, px_label_get_id (per), i, 6 + i,
                                              PX_ANNOTATION_ACCEPTED, notes[i], &error), >, 0);
  g_clear_object (&store);
  g_assert_cmpint (run_cli (db, NULL, &err, "export", "csv", "--out", out_dir, NULL), ==, 0);
  {
    g_autofree char *path = g_build_filename (out_dir, "annotations.csv", NULL);

    g_assert_true (g_file_get_contents (path, &annotations, NULL, NULL));
  }
  /* Guarded with exactly one more apostrophe where a formula would follow
   * one; apostrophes before plain text are data, written as they are. */
  g_assert_nonnull (strstr (annotations, "\"''-Kuleba, he said\""));
  g_assert_nonnull (strstr (annotations, "\"'=SUM(A1)\""));
  g_assert_nonnull (strstr (annotations, ",''twice,"));
  g_assert_nonnull (strstr (annotations, ",'plain,"));
  id2 = px_store_add_article (again, &info, NULL, &error);
  g_assert_no_error (error);
  report = px_csv_import_paths (again, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_failed, ==, 0);
  g_assert_cmpuint (report->n_imported, ==, G_N_ELEMENTS (notes));
  anns = px_store_list_annotations (again, id2);
  for (guint i = 0; i < g_list_model_get_n_items (anns); i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (anns, i);

      g_hash_table_add (seen, (gpointer) g_intern_string (px_annotation_get_note (a)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    if (!g_hash_table_contains (seen, g_intern_string (notes[i])))
      g_error ("the note '%s' did not come back", notes[i]);
}

/* A file from before the guard covered apostrophes: "'plain" is kept. */
static void
test_csv_old_unguarded_apostrophe (void)
{
  g_autoptr(PxStore) store = new_store (NULL);
  g_autoptr(GError) error = NULL;
  PxArticleInfo info = { .title = (char *) "Meeting", .text = (char *) "Kuleba met Lavrov in Antalya." };
  const char *csv = "article_id,article_title,label,kind,start,end,text,entity,note\n"
                    "1,Meeting,PER,entity,0,6,Kuleba,,'plain\n";
  g_autoptr(PxIxReport) report = px_ix_report_new ();
  g_autoptr(GListModel) anns = NULL;
  g_autoptr(PxAnnotation) a = NULL;
  gint64 id = px_store_add_article (store, &info, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (px_csv_import_bytes (store, csv, strlen (csv), "annotations.csv", report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);
  anns = px_store_list_annotations (store, id);
  a = g_list_model_get_item (anns, 0);
  g_assert_cmpstr (px_annotation_get_note (a), ==, "'plain");
}

/* ---- Fuzzer finds: folder trees --------------------------------------- */

/* Every tree under fuzz/regressions/walk/ once made a walk hang; each must
 * now be walked to the end by the brat and the plain-text import. */
static void
test_fuzz_walk_regressions (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n = 0;

  if (g_getenv ("PARALLAX_SOURCE_DIR") == NULL)
    {
      g_test_skip ("PARALLAX_SOURCE_DIR is not set");
      return;
    }
  if (!hang_guard ())
    return;
  dir = g_build_filename (g_getenv ("PARALLAX_SOURCE_DIR"), "fuzz", "regressions", "walk", NULL);
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      g_autofree char *root = NULL;
      g_autoptr(PxStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PxIxReport) brat = NULL;
      g_autoptr(PxImportReport) plain = NULL;
      const char *paths[2] = { NULL, NULL };
      gsize len = 0;

      if (name[0] == '.' || !g_file_get_contents (path, &data, &len, NULL))
        continue;
      n++;
      paths[0] = root = px_test_tmpdir ();
      fuzz_tree_make (root, data, len);
      store = new_store (NULL);
      brat = px_brat_import_paths (store, paths, NULL, &error);
      g_assert_no_error (error);
      plain = px_import_paths (store, paths, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n, >=, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bad-input-import/walk/symlink-loop", test_walk_symlink_loop);
  g_test_add_func ("/bad-input-import/walk/symlink-loop-cli", test_walk_symlink_loop_cli);
  g_test_add_func ("/bad-input-import/walk/symlink-followed", test_walk_symlink_followed);
  g_test_add_func ("/bad-input-import/walk/too-deep-brat", test_walk_too_deep_brat);
  g_test_add_func ("/bad-input-import/walk/too-deep-plain", test_walk_too_deep_plain);
  g_test_add_func ("/bad-input-import/walk/cancel", test_walk_cancel);
  g_test_add_func ("/bad-input-import/walk/entry-bound", test_walk_entry_bound);
  g_test_add_func ("/bad-input-import/json/deep-cli", test_json_deep_cli);
  g_test_add_func ("/bad-input-import/json/depth-limit", test_json_depth_limit);
  g_test_add_func ("/bad-input-import/file/fifo-in-folder-plain", test_fifo_in_folder_plain);
  g_test_add_func ("/bad-input-import/file/fifo-in-folder-brat", test_fifo_in_folder_brat);
  g_test_add_func ("/bad-input-import/file/fifo-named", test_fifo_named_on_command_line);
  g_test_add_func ("/bad-input-import/file/dev-zero", test_dev_zero);
  g_test_add_func ("/bad-input-import/file/read-bounded", test_read_bounded);
  g_test_add_func ("/bad-input-import/jsonl/nul-escape", test_jsonl_nul_escape);
  g_test_add_func ("/bad-input-import/jsonl/escaped-backslash", test_jsonl_escaped_backslash);
  g_test_add_func ("/bad-input-import/jsonl/two-objects", test_jsonl_two_objects);
  g_test_add_func ("/bad-input-import/jsonl/duplicate-key", test_jsonl_duplicate_key);
  g_test_add_func ("/bad-input-import/jsonl/duplicate-key-escaped", test_jsonl_duplicate_key_escaped);
  g_test_add_func ("/bad-input-import/jsonl/lone-surrogate", test_jsonl_lone_surrogate);
  g_test_add_func ("/bad-input-import/jsonl/surrogate-pair", test_jsonl_surrogate_pair);
  g_test_add_func ("/bad-input-import/commit-fails/jsonl", test_commit_fails_jsonl);
  g_test_add_func ("/bad-input-import/commit-fails/brat", test_commit_fails_brat);
  g_test_add_func ("/bad-input-import/commit-fails/csv", test_commit_fails_csv);
  g_test_add_func ("/bad-input-import/commit-fails/plain", test_commit_fails_plain);
  g_test_add_func ("/bad-input-import/commit-fails/conf", test_commit_fails_conf);
  g_test_add_func ("/bad-input-import/commit-fails/io-error", test_io_error_stops);
  g_test_add_func ("/bad-input-import/commit-fails/cli-summary", test_store_fails_cli_summary);
  g_test_add_func ("/bad-input-import/text/utf8-stray-byte", test_utf8_stray_byte);
  g_test_add_func ("/bad-input-import/text/windows-1252", test_windows_1252_still_decodes);
  g_test_add_func ("/bad-input-import/brat/ann-without-txt", test_brat_ann_without_txt);
  g_test_add_func ("/bad-input-import/jsonl/huge-offset", test_jsonl_huge_offset);
  g_test_add_func ("/bad-input-import/jsonl/offset-messages", test_jsonl_offset_messages);
  g_test_add_func ("/bad-input-import/brat/huge-offset", test_brat_huge_offset);
  g_test_add_func ("/bad-input-import/brat/ids-past-2-32", test_brat_ids_past_2_32);
  g_test_add_func ("/bad-input-import/brat/id-out-of-range", test_brat_id_out_of_range);
  g_test_add_func ("/bad-input-import/file/non-utf8-names", test_non_utf8_file_names);
  g_test_add_func ("/bad-input-import/csv/apostrophe-round-trip", test_csv_apostrophe_round_trip);
  g_test_add_func ("/bad-input-import/csv/old-unguarded-apostrophe", test_csv_old_unguarded_apostrophe);
  g_test_add_func ("/bad-input-import/fuzz-walk-regressions", test_fuzz_walk_regressions);
  return g_test_run ();
}
