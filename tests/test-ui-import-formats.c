/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-import-formats.c: the app's import job takes brat folders, JSONL
 * files and annotations.csv beside plain-text articles, each through its own
 * importer, and reports them together. */
#include <string.h>

#include "px-import-dialog.h"
#include "px-test-util.h"

typedef struct
{
  GMainLoop      *loop;
  PxImportReport *report;
  GError         *error;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;
  PxImportJob *job = g_task_get_task_data (G_TASK (result));

  wait->report = px_import_job_run_finish (job, result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static char *
write_in (const char *dir, const char *name, const char *data)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  return path;
}

static void
test_mixed_formats (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *src = px_test_tmpdir ();
  g_autofree char *plain_dir = g_build_filename (src, "plain", NULL);
  g_autofree char *plain = NULL, *jsonl = NULL, *csv = NULL;
  g_autofree char *brat = px_test_src_path ("data", "interchange", "brat", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxImportJob) job = NULL;
  g_autofree char *summary = NULL;
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, NULL };
  gboolean saw_broken = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (plain_dir, 0755), ==, 0);
  plain = write_in (plain_dir, "article.txt",
                    "Des pourparlers à Antalya\n\nLes deux ministres se sont rencontrés jeudi.");
  jsonl = write_in (src, "mixed.jsonl",
                    "{\"text\": \"Kuleba met Lavrov.\", \"title\": \"talks\", \"label\": [[0, 6, \"PER\"]]}\n"
                    "{\"text\": \"Broken line\", \"label\": [[0, 6, \"PER\"]\n");
  /* Runs after the JSONL file, and finds its article by title. */
  csv = write_in (src, "annotations.csv",
                  "article_id,article_title,label,kind,start,end,text\n"
                  "99,talks,PER,entity,11,17,Lavrov\n");
  {
    const char *paths[] = { plain_dir, brat, jsonl, csv, NULL };

    job = px_import_job_new (db, paths);
  }
  px_import_job_run_async (job, NULL, on_done, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);

  g_assert_no_error (wait.error);
  g_assert_nonnull (wait.report);
  g_assert_cmpuint (wait.report->n_imported, ==, 1 + 8 + 1);
  g_assert_cmpuint (wait.report->n_failed, ==, 1);
  for (guint i = 0; i < wait.report->results->len; i++)
    {
      PxImportResult *r = wait.report->results->pdata[i];

      if (r->outcome == PX_IMPORT_FAILED && strstr (r->message, "mixed.jsonl:2:") != NULL)
        saw_broken = TRUE;
    }
  g_assert_true (saw_broken);
  summary = px_import_report_summary (wait.report);
  g_assert_nonnull (strstr (summary, "1 annotation added from CSV"));
  px_store_notify_external_change (store);
  g_assert_cmpuint (px_store_count_articles (store), ==, 10);
  px_import_report_free (wait.report);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/import-formats/mixed", test_mixed_formats);
  return g_test_run ();
}
