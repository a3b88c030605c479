/* SPDX-License-Identifier: GPL-3.0-or-later */
/* parallax-cli end to end: each command, its output, and its exit code. */
#include <string.h>
#include <sys/wait.h>

#include "px-core.h"
#include "px-test-util.h"

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

static char **cli_envp;

/* Runs parallax-cli --db DB ARGS…; exit code in r->status. */
static void
cli (Run *r, const char *db, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli_path = g_getenv ("PARALLAX_CLI");
  va_list ap;
  int wait_status = 0;

  g_assert_nonnull (cli_path);
  g_ptr_array_add (argv, (gpointer) cli_path);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, (gpointer) db);
    }
  va_start (ap, db);
  for (const char *a = va_arg (ap, const char *); a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, cli_envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
}

static void
test_help_and_usage (void)
{
  g_auto(Run) a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 };

  cli (&a, NULL, "--help", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_nonnull (strstr (a.out, "annotate ARTICLE_ID START END LABEL"));
  cli (&b, NULL, "annotate", "--help", NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_nonnull (strstr (b.out, "--entity"));
  cli (&c, NULL, "frobnicate", NULL);
  g_assert_cmpint (c.status, ==, 2);
  g_assert_nonnull (strstr (c.err, "unknown command"));
  cli (&d, "/nonexistent/x.db", "list", "nothing", NULL);
  g_assert_cmpint (d.status, ==, 2);
}

static void
test_workflow (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "export", NULL);
  g_autofree char *csv = NULL;
  g_auto(Run) init = { 0 }, imp = { 0 }, list = { 0 }, ann = { 0 }, show = { 0 }, bad_ann = { 0 },
              imp2 = { 0 }, stats = { 0 }, exp = { 0 }, listcsv = { 0 };

  g_file_set_contents (a, "Sergueï Lavrov a rencontré Dmytro Kouléba à Antalya.", -1, NULL);
  g_file_set_contents (bad, "", 0, NULL);

  cli (&init, db, "init", NULL);
  g_assert_cmpint (init.status, ==, 0);
  cli (&imp, db, "import", "--story", "Antalya", a, NULL);
  g_assert_cmpint (imp.status, ==, 0);
  g_assert_nonnull (strstr (imp.out, "Imported 1 article"));
  cli (&list, db, "list", "articles", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Antalya"));

  cli (&ann, db, "annotate", "1", "27", "41", "PER", "--entity", "Dmytro Kuleba", NULL);
  g_assert_cmpint (ann.status, ==, 0);
  g_assert_cmpstr (g_strstrip (ann.out), ==, "1");
  cli (&show, db, "show", "1", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Dmytro Kouléba"));
  g_assert_nonnull (strstr (show.out, "→ Dmytro Kuleba"));
  cli (&bad_ann, db, "annotate", "1", "40", "999", "PER", NULL);
  g_assert_cmpint (bad_ann.status, ==, 1);
  g_assert_nonnull (strstr (bad_ann.err, "not inside article"));

  /* A bad file fails the import (exit 1) but the good one is kept, and
   * the duplicate is skipped. */
  cli (&imp2, db, "import", a, bad, NULL);
  g_assert_cmpint (imp2.status, ==, 1);
  g_assert_nonnull (strstr (imp2.err, "bad.txt"));
  g_assert_nonnull (strstr (imp2.out, "1 duplicate skipped, 1 failed"));

  cli (&stats, db, "stats", NULL);
  g_assert_nonnull (strstr (stats.out, "articles     1"));
  g_assert_nonnull (strstr (stats.out, "annotations  1"));
  cli (&listcsv, db, "list", "entities", "--format", "csv", NULL);
  g_assert_true (g_str_has_prefix (listcsv.out, "id,name,label,mentions,articles\r\n"));

  cli (&exp, db, "export", "csv", "--out", out, NULL);
  g_assert_cmpint (exp.status, ==, 0);
  {
    g_autofree char *path = g_build_filename (out, "annotations.csv", NULL);
    g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
    g_assert_nonnull (strstr (csv, ",PER,entity,27,41,Dmytro Kouléba,"));
  }
}

static void
test_every_help_and_usage_errors (void)
{
  const char *commands[] = { "init", "import", "list", "show", "annotate", "export", "stats" };
  const char *usage[][6] = {
    { "annotate", "1", "x", "4", "PER", NULL },
    { "annotate", "1", "2", NULL },
    { "export", "csv", NULL },
    { "export", "pdf", "--out", "/tmp", NULL },
    { "import", NULL },
    { "import", "--format", "odt", "x.txt", NULL },
    { "list", "articles", "--format", "xml", NULL },
    { "show", "abc", NULL },
    { "init", "--bogus", NULL },
    { "--db", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) r = { 0 };

      cli (&r, NULL, commands[i], "--help", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, commands[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(Run) r = { 0 };
      g_autofree char *db = px_test_db_path ();

      cli (&r, db, usage[i][0], usage[i][1], usage[i][2], usage[i][3], usage[i][4], usage[i][5], NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_true (g_str_has_prefix (r.err, "parallax-cli: "));
      /* A usage error never creates the corpus. */
      g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
    }
}

/* --db beats $PARALLAX_DB, which beats the default path. */
static void
test_db_precedence (void)
{
  g_autofree char *env_db = px_test_db_path ();
  g_autofree char *flag_db = px_test_db_path ();
  g_auto(Run) a = { 0 }, b = { 0 };

  cli_envp = g_environ_setenv (g_get_environ (), "PARALLAX_DB", env_db, TRUE);
  cli (&a, NULL, "init", NULL);
  cli (&b, flag_db, "init", NULL);
  g_clear_pointer (&cli_envp, g_strfreev);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpstr (g_strstrip (a.out), ==, env_db);
  g_assert_cmpstr (g_strstrip (b.out), ==, flag_db);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (flag_db, G_FILE_TEST_EXISTS));
}

static void
test_missing_corpus (void)
{
  g_auto(Run) r = { 0 };

  cli (&r, "/nonexistent/dir/none.db", "stats", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "none.db"));
  /* One line. */
  g_assert_true (g_str_has_suffix (r.err, "\n"));
  g_assert_true (strchr (r.err, '\n') == r.err + strlen (r.err) - 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/help-and-usage", test_help_and_usage);
  g_test_add_func ("/cli/workflow", test_workflow);
  g_test_add_func ("/cli/missing-corpus", test_missing_corpus);
  g_test_add_func ("/cli/every-help-usage-errors", test_every_help_and_usage_errors);
  g_test_add_func ("/cli/db-precedence", test_db_precedence);
  return g_test_run ();
}
