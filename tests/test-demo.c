/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-demo.c: the demo corpus loads, links entities across articles, and is
 * rebuilt only when the samples change. */
#include "px-core.h"
#include "px-demo.h"
#include "px-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static char *
samples_dir (void)
{
  return g_build_filename (g_getenv ("PARALLAX_SOURCE_DIR"), "data", "samples", NULL);
}

static PxArticle *
find_article (GListModel *articles,
              const char *source)
{
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(PxArticle) article = g_list_model_get_item (articles, i);
      if (g_strcmp0 (px_article_get_source (article), source) == 0)
        return g_steal_pointer (&article);
    }
  return NULL;
}

static guint
count_label (GListModel *annotations,
             const char *label)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (annotations, i);
      n += g_strcmp0 (px_annotation_get_label_name (a), label) == 0;
    }
  return n;
}

static void
test_demo_load (void)
{
  g_autofree char *dir = samples_dir ();
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GListModel) stories = NULL;
  g_autoptr(GListModel) articles = NULL;
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(GListModel) unannotated = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(PxStory) story = NULL;
  g_autoptr(PxArticle) courrier = NULL;
  g_autoptr(PxArticle) radio = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) marchetti = NULL;
  guint n_annotations;

  g_assert_no_error (error);
  g_assert_true (px_demo_load (store, dir, &error));
  g_assert_no_error (error);

  stories = px_store_list_stories (store);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 1);
  story = g_list_model_get_item (stories, 0);
  g_assert_cmpstr (px_story_get_name (story), ==, "Conférence de Carcassonne sur les crues");

  articles = px_store_list_articles (store, px_story_get_id (story));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 4);
  courrier = find_article (articles, "Le Courrier de l'Aude");
  g_assert_nonnull (courrier);
  g_assert_cmpstr (px_article_get_published (courrier), ==, "2024-03-14");

  annotations = px_store_list_annotations (store, px_article_get_id (courrier));
  g_assert_cmpuint (count_label (annotations, "PER"), ==, 4);
  g_assert_cmpuint (count_label (annotations, "QUOTE"), ==, 1);
  events = px_store_list_events (store, px_article_get_id (courrier));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3);

  radio = find_article (articles, "Radio Garrigue");
  g_assert_nonnull (radio);
  unannotated = px_store_list_annotations (store, px_article_get_id (radio));
  g_assert_cmpuint (g_list_model_get_n_items (unannotated), ==, 0);

  /* One canonical person, named in three articles. */
  key = px_text_match_key ("Hélène Marchetti");
  marchetti = px_store_find_entities_by_key (store, key);
  g_assert_cmpuint (marchetti->len, ==, 1);
  g_assert_cmpuint (px_entity_get_n_articles (marchetti->pdata[0]), ==, 3);

  /* Loading again adds nothing: the articles are duplicates. */
  n_annotations = px_store_count_annotations (store);
  g_assert_true (px_demo_load (store, dir, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 4);
  g_assert_cmpuint (px_store_count_annotations (store), ==, n_annotations);
}

static void
test_demo_bad_row (void)
{
  g_autofree char *tmp = px_test_tmpdir ();
  g_autofree char *art = g_build_filename (tmp, "a.txt", NULL);
  g_autofree char *tsv = g_build_filename (tmp, "annotations.tsv", NULL);
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (art, "Un article sur Lyon et Paris.\n", -1, NULL));
  g_assert_true (g_file_set_contents (tsv, "a.txt\tMarseille\t1\tGPE\n", -1, NULL));
  g_assert_false (px_demo_load (store, tmp, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "annotations.tsv:1"));
  /* One transaction: the article went away with the failed row. */
  g_assert_cmpuint (px_store_count_articles (store), ==, 0);
}

static void
test_demo_open_rebuilds (void)
{
  g_autofree char *tmp = px_test_tmpdir ();
  g_autofree char *art = g_build_filename (tmp, "a.txt", NULL);
  g_autofree char *art2 = g_build_filename (tmp, "b.txt", NULL);
  g_autofree char *tsv = g_build_filename (tmp, "annotations.tsv", NULL);
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  PxStore *store;

  g_assert_true (g_file_set_contents (art, "Un article sur Lyon et Paris.\n", -1, NULL));
  g_assert_true (g_file_set_contents (tsv, "# file\ttext\n\na.txt\tLyon\t1\tGPE\tLyon\n", -1, NULL));

  store = px_demo_open (tmp, db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
  g_assert_cmpuint (px_store_count_annotations (store), ==, 1);
  g_object_unref (store);

  /* Unchanged samples: the same file is opened, not rebuilt. */
  store = px_demo_open (tmp, db, &error);
  g_assert_no_error (error);
  g_assert_true (px_store_delete_article (store, 1, &error));
  g_object_unref (store);
  store = px_demo_open (tmp, db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 0);
  g_object_unref (store);

  /* A new sample: rebuilt from scratch. */
  g_assert_true (g_file_set_contents (art2, "Un autre article, sur Nantes.\n", -1, NULL));
  store = px_demo_open (tmp, db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 2);
  g_object_unref (store);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/load", test_demo_load);
  g_test_add_func ("/demo/bad-row", test_demo_bad_row);
  g_test_add_func ("/demo/open-rebuilds", test_demo_open_rebuilds);
  return g_test_run ();
}
