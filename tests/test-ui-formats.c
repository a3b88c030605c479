/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-formats.c: the Export dialog's formats, written by the dialog's
 * own export thread on a corpus holding one brat document. */
#include <adwaita.h>

#include <string.h>

#include "px-brat.h"
#include "px-export-dialog.h"
#include "px-test-util.h"

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} Wait;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = px_export_csv_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* A corpus with "Kuleba met Lavrov in Antalya." and three entities and a
 * relation. */
static char *
make_corpus (void)
{
  g_autofree char *src = px_test_tmpdir ();
  g_autofree char *txt = g_build_filename (src, "talks.txt", NULL);
  g_autofree char *ann = g_build_filename (src, "talks.ann", NULL);
  char *db = px_test_db_path ();
  const char *paths[] = { src, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxIxReport) report = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (txt, "Kuleba met Lavrov in Antalya.", -1, NULL));
  g_assert_true (g_file_set_contents (ann, "T1\tPER 0 6\tKuleba\nT2\tPER 11 17\tLavrov\n"
                                           "T3\tGPE 21 28\tAntalya\nR1\tMeets Arg1:T1 Arg2:T2\n",
                                      -1, NULL));
  report = px_brat_import_paths (store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);
  return db;
}

static char *
export_and_read (const char *db, const char *format, const char *file)
{
  g_autofree char *out = px_test_tmpdir ();
  g_autoptr(GFile) dir = g_file_new_for_path (out);
  g_autofree char *path = g_build_filename (out, file, NULL);
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };
  char *data = NULL;

  px_export_format_async (db, format, dir, PX_EXPORT_DEFAULT, NULL, on_exported, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

static void
test_each_format (void)
{
  g_autofree char *db = make_corpus ();
  g_autofree char *csv = export_and_read (db, "csv", "annotations.csv");
  g_autofree char *ann = export_and_read (db, "brat", "talks.ann");
  g_autofree char *label = export_and_read (db, "jsonl", "corpus.jsonl");
  g_autofree char *relation = export_and_read (db, "jsonl-relation", "corpus.jsonl");
  g_autofree char *conll = export_and_read (db, "conll", "corpus.conll");

  g_assert_nonnull (strstr (csv, ",GPE,entity,21,28,Antalya,"));
  g_assert_nonnull (strstr (ann, "\tGPE 21 28\tAntalya\n"));
  g_assert_nonnull (strstr (ann, "\tMeets Arg1:T1 Arg2:T2\n"));
  g_assert_nonnull (strstr (label, "[21,28,\"GPE\"]"));
  g_assert_null (strstr (label, "\"relations\""));
  g_assert_nonnull (strstr (relation, "\"relations\""));
  g_assert_nonnull (strstr (relation, "\"type\":\"Meets\""));
  g_assert_true (g_str_has_prefix (conll, "-DOCSTART- -X- O\n"));
  g_assert_nonnull (strstr (conll, "\nAntalya -X- _ B-GPE\n"));
}

/* A folder that cannot be written: the thread reports one line naming it. */
static void
test_error_names_folder (void)
{
  g_autofree char *db = make_corpus ();
  g_autofree char *tmp = px_test_tmpdir ();
  g_autofree char *blocker = g_build_filename (tmp, "not-a-folder", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (blocker);
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };

  g_assert_true (g_file_set_contents (blocker, "a file", -1, NULL));
  px_export_format_async (db, "conll", dir, PX_EXPORT_DEFAULT, NULL, on_exported, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  g_assert_false (wait.ok);
  g_assert_nonnull (wait.error);
  g_assert_nonnull (strstr (wait.error->message, "not-a-folder"));
  g_assert_null (strchr (wait.error->message, '\n'));
  g_clear_error (&wait.error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/formats/export-each", test_each_format);
  g_test_add_func ("/ui/formats/export-error", test_error_names_folder);
  return g_test_run ();
}
