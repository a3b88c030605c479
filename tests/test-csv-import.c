/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-import.c: annotations.csv written by `export csv` comes back as
 * the same annotations. */
#include <glib/gstdio.h>
#include <string.h>

#include "px-brat.h"
#include "px-csv-import.h"
#include "px-error.h"
#include "px-export.h"
#include "px-interchange-store.h"
#include "px-test-util.h"

static PxStore *
new_store (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  PxStore *store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static gint
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

/* Articles (by title) with their annotations as sorted lines. */
static char *
corpus_sig (PxStore *store)
{
  g_autoptr(GListModel) articles = px_store_list_articles (store, -1);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(PxArticle) a = g_list_model_get_item (articles, i);
      g_autoptr(GListModel) anns = px_store_list_annotations (store, px_article_get_id (a));

      for (guint j = 0; j < g_list_model_get_n_items (anns); j++)
        {
          g_autoptr(PxAnnotation) n = g_list_model_get_item (anns, j);

          g_ptr_array_add (lines, g_strdup_printf ("%s %s %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT
                                                   " |%s| note=%s entity=%s",
                                                   px_article_get_title (a),
                                                   px_annotation_get_label_name (n),
                                                   px_annotation_get_start (n), px_annotation_get_end (n),
                                                   px_annotation_get_text (n),
                                                   px_annotation_get_note (n),
                                                   px_annotation_get_entity_name (n)));
        }
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (s, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (s, FALSE);
}

/* Copies the .txt files only: the same texts, no annotations. */
static char *
texts_only (const char *src, gboolean other_folder)
{
  char *dst = px_test_tmpdir ();
  g_autoptr(GDir) dir = g_dir_open (src, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = names->pdata[i];
      g_autofree char *from = g_build_filename (src, n, NULL);
      g_autofree char *data = NULL;
      gsize len = 0;
      g_autofree char *sub = g_build_filename (dst, other_folder ? "b" : "a", NULL);
      g_autofree char *to = g_build_filename (sub, n, NULL);

      g_mkdir_with_parents (sub, 0755);
      g_assert_true (g_file_get_contents (from, &data, &len, NULL));
      g_assert_true (g_file_set_contents (to, data, len, NULL));
    }
  return dst;
}

static void
import_dir (PxStore *store, const char *dir)
{
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = px_brat_import_paths (store, paths, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->messages->len; i++)
    g_test_message ("%s", (char *) report->messages->pdata[i]);
  g_assert_cmpuint (report->n_failed, ==, 0);
}

static PxIxReport *
import_csv (PxStore *store, const char *path)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  PxIxReport *report = px_csv_import_paths (store, paths, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->messages->len; i++)
    g_test_message ("%s", (char *) report->messages->pdata[i]);
  return report;
}

/* An annotation whose text a spreadsheet would run as a formula, and an
 * entity link. */
static void
add_extras (PxStore *store)
{
  PxArticleInfo info = { .title = (char *) "formula", .text = (char *) "-5 degrees and =SUM(A1) in Kyiv" };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxLabel) num = px_store_find_label (store, "NUM");
  g_autoptr(PxLabel) gpe = px_store_find_label (store, "GPE");
  gint64 id = px_store_add_article (store, &info, NULL, &error);
  gint64 kyiv, entity;

  g_assert_no_error (error);
  g_assert_nonnull (num);
  g_assert_nonnull (gpe);
  g_assert_cmpint (px_store_add_annotation (store, id, px_label_get_id (num), 0, 2,
                                            PX_ANNOTATION_ACCEPTED, "@note", &error), >, 0);
  g_assert_cmpint (px_store_add_annotation (store, id, px_label_get_id (num), 15, 23,
                                            PX_ANNOTATION_ACCEPTED, NULL, &error), >, 0);
  g_assert_no_error (error);
  kyiv = px_store_add_annotation (store, id, px_label_get_id (gpe), 27, 31, PX_ANNOTATION_ACCEPTED, NULL, &error);
  g_assert_no_error (error);
  entity = px_store_add_entity (store, "Kyiv", px_label_get_id (gpe), &error);
  g_assert_no_error (error);
  g_assert_true (px_store_set_annotation_entity (store, kyiv, entity, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autofree char *own = px_test_src_path ("data", "interchange", "brat", NULL);
  g_autoptr(PxStore) a = new_store ();
  g_autoptr(PxStore) b = new_store ();
  g_autoptr(PxStore) c = new_store ();
  g_autofree char *out = px_test_tmpdir ();
  g_autofree char *texts = texts_only (own, FALSE);
  g_autofree char *texts_rev = texts_only (own, TRUE);
  g_autofree char *lone = px_test_tmpdir ();
  g_autofree char *lone_csv = g_build_filename (lone, "annotations.csv", NULL);
  g_autofree char *csv = g_build_filename (out, "annotations.csv", NULL);
  g_autoptr(GFile) out_dir = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *sa = NULL, *sb = NULL, *sc = NULL;
  g_autofree char *data = NULL;
  g_autoptr(PxIxReport) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  PxArticleInfo formula = { .title = (char *) "formula", .text = (char *) "-5 degrees and =SUM(A1) in Kyiv" };

  import_dir (a, own);
  add_extras (a);
  g_assert_true (px_export_csv_dir (a, out_dir, PX_EXPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  sa = corpus_sig (a);

  /* Same texts in a new corpus; articles.csv maps them by sha256. */
  import_dir (b, texts);
  g_assert_cmpint (px_store_add_article (b, &formula, NULL, &error), >, 0);
  r1 = import_csv (b, out);
  g_assert_cmpuint (r1->n_failed, ==, 0);
  g_assert_cmpuint (r1->n_imported, ==, px_store_count_annotations (a));
  sb = corpus_sig (b);
  g_assert_cmpstr (sb, ==, sa);

  /* Again: nothing changes. */
  r2 = import_csv (b, out);
  g_assert_cmpuint (r2->n_imported, ==, 0);
  g_assert_cmpuint (r2->n_duplicates, ==, px_store_count_annotations (a));

  /* Into the corpus it came from: nothing changes either. */
  r3 = import_csv (a, csv);
  g_assert_cmpuint (r3->n_imported, ==, 0);

  /* Without articles.csv, in a corpus whose ids differ: matched by title. */
  g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
  g_assert_true (g_file_set_contents (lone_csv, data, -1, NULL));
  g_assert_cmpint (px_store_add_article (c, &formula, NULL, &error), >, 0);
  import_dir (c, texts_rev);
  r4 = import_csv (c, lone_csv);
  g_assert_cmpuint (r4->n_failed, ==, 0);
  sc = corpus_sig (c);
  g_assert_cmpstr (sc, ==, sa);
}

static void
test_text_mismatch (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "annotations.csv", NULL);
  PxArticleInfo info = { .title = (char *) "t", .text = (char *) "Kuleba met Lavrov." };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;

  g_assert_cmpint (px_store_add_article (store, &info, NULL, &error), ==, 1);
  g_assert_true (g_file_set_contents (csv, "article_id,article_title,label,kind,start,end,text\n"
                                           "1,t,PER,entity,0,6,Kuleba\n"
                                           "1,t,PER,entity,11,17,Lavrof\n", -1, NULL));
  report = import_csv (store, csv);
  g_assert_cmpuint (report->n_failed, ==, 1);
  g_assert_nonnull (strstr (report->messages->pdata[0], "annotations.csv:3: "));
  g_assert_cmpuint (px_store_count_annotations (store), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv-import/round-trip", test_round_trip);
  g_test_add_func ("/csv-import/text-mismatch", test_text_mismatch);
  return g_test_run ();
}
