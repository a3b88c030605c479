/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-watch.c: px_store_poll_external_change() sees what other
 * connections and processes commit to the corpus file, and only that. */
#include <string.h>

#include "px-store.h"
#include "px-error.h"
#include "px-test-util.h"

typedef struct
{
  guint articles;
  guint annotations;
  guint annotations_all;   /* annotations-changed for article 0 */
  guint entities;
  guint stories;
} Seen;

static void
on_articles (PxStore *store, Seen *seen)
{
  seen->articles++;
}

static void
on_annotations (PxStore *store, gint64 article_id, Seen *seen)
{
  seen->annotations++;
  if (article_id == 0)
    seen->annotations_all++;
}

static void
on_entities (PxStore *store, Seen *seen)
{
  seen->entities++;
}

static void
on_stories (PxStore *store, Seen *seen)
{
  seen->stories++;
}

static void
watch (PxStore *store, Seen *seen)
{
  g_signal_connect (store, "articles-changed", G_CALLBACK (on_articles), seen);
  g_signal_connect (store, "annotations-changed", G_CALLBACK (on_annotations), seen);
  g_signal_connect (store, "entities-changed", G_CALLBACK (on_entities), seen);
  g_signal_connect (store, "stories-changed", G_CALLBACK (on_stories), seen);
}

static gint64
add_article (PxStore    *store,
             const char *title,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  PxArticleInfo info = { 0 };
  gint64 id;

  info.title = (char *) title;
  info.language = (char *) "fr";
  info.text = (char *) text;
  id = px_store_add_article (store, &info, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
per_label (PxStore *store)
{
  g_autoptr(PxLabel) label = px_store_find_label (store, "PER");

  g_assert_nonnull (label);
  return px_label_get_id (label);
}

static PxStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  PxStore *store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

/* A second connection's commits are reported once each, and the list
 * models follow; the store's own commits are not reported. */
static void
test_other_connection (void)
{
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = open_store (path);
  g_autoptr(PxStore) other = open_store (path);
  g_autoptr(GListModel) articles = px_store_list_articles (store, -1);
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { 0 };
  gint64 mine, theirs, ann;

  watch (store, &seen);
  g_assert_false (px_store_poll_external_change (store));

  /* Our own commit: signalled by the commit itself, never by the poll. */
  mine = add_article (store, "Mine", "Dmytro Kouléba a rencontré Sergueï Lavrov.");
  g_assert_cmpuint (seen.articles, ==, 1);
  g_assert_false (px_store_poll_external_change (store));
  g_assert_cmpuint (seen.articles, ==, 1);
  annotations = px_store_list_annotations (store, mine);

  /* Theirs: unseen until the poll, then seen once. */
  theirs = add_article (other, "Theirs", "Écrit par une autre connexion.");
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 1);
  g_assert_true (px_store_poll_external_change (store));
  g_assert_cmpuint (seen.articles, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 2);
  g_assert_false (px_store_poll_external_change (store));
  g_assert_cmpuint (seen.articles, ==, 2);
  {
    g_autoptr(PxArticle) a = px_store_get_article (store, theirs, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (px_article_get_title (a), ==, "Theirs");
  }

  /* Their annotation on our article: every annotation list is told
   * (article 0), and so are the entities. */
  memset (&seen, 0, sizeof seen);
  ann = px_store_add_annotation (other, mine, per_label (other), 0, 14, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 0);
  g_assert_true (px_store_poll_external_change (store));
  g_assert_cmpuint (seen.annotations_all, ==, 1);
  g_assert_cmpuint (seen.entities, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);
  {
    g_autoptr(PxAnnotation) a = g_list_model_get_item (annotations, 0);
    g_assert_cmpint (px_annotation_get_id (a), ==, ann);
  }

  /* Tagging leaves a statement on its row (the annotator's id): that must
   * hold neither the write lock (other programs could not write: "the
   * corpus is locked") nor an old snapshot (blind to their commits). */
  g_assert_cmpint (px_store_add_annotation (store, mine, per_label (store), 27, 42, 0, NULL, &error), >, 0);
  g_assert_no_error (error);
  add_article (other, "Later", "Encore un autre texte.");
  g_assert_true (px_store_poll_external_change (store));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 3);

  /* Our own edit after theirs is still not theirs. */
  g_assert_cmpint (px_store_add_annotation (store, mine, per_label (store), 0, 6, 0, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (px_store_poll_external_change (store));
}

/* Inside our own transaction the poll waits: it reports the commit once
 * the transaction is over. A notification by hand counts as seen. */
static void
test_transaction_and_manual_notify (void)
{
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = open_store (path);
  g_autoptr(PxStore) other = open_store (path);
  g_autoptr(GError) error = NULL;
  Seen seen = { 0 };

  watch (store, &seen);
  add_article (other, "One", "Le premier texte.");
  g_assert_true (px_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_false (px_store_poll_external_change (store));
  g_assert_true (px_store_commit (store, &error));
  g_assert_true (px_store_poll_external_change (store));
  g_assert_cmpuint (seen.articles, ==, 1);

  /* The import job's way: it tells the store by hand; the next poll must
   * not refresh everything a second time. */
  add_article (other, "Two", "Le deuxième texte.");
  px_store_notify_external_change (store);
  g_assert_cmpuint (seen.articles, ==, 2);
  g_assert_false (px_store_poll_external_change (store));
  g_assert_cmpuint (seen.articles, ==, 2);
  g_assert_cmpuint (px_store_count_articles (store), ==, 2);
}

/* Another process: parallax-cli annotates and imports while the store is
 * open. */
static void
test_other_process (void)
{
  const char *cli = g_getenv ("PARALLAX_CLI");
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GListModel) annotations = NULL;
  Seen seen = { 0 };
  int status = 0;
  gint64 id;

  if (cli == NULL)
    {
      g_test_skip ("PARALLAX_CLI is not set");
      return;
    }
  store = open_store (path);
  watch (store, &seen);
  id = add_article (store, "Antalya", "Dmytro Kouléba a rencontré Sergueï Lavrov.");
  annotations = px_store_list_annotations (store, id);
  {
    g_autofree char *ids = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    const char *argv[] = { cli, "--db", path, "annotate", ids, "0", "14", "PER", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (px_store_poll_external_change (store));
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);

  file = px_test_write_file ("rubio.txt", "Marco Rubio est arrivé à Istanbul.\n", -1);
  {
    const char *argv[] = { cli, "--db", path, "import", "--story", "Istanbul", file, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  memset (&seen, 0, sizeof seen);
  g_assert_true (px_store_poll_external_change (store));
  g_assert_cmpuint (seen.stories, ==, 1);
  g_assert_cmpuint (seen.articles, ==, 1);
  g_assert_false (px_store_poll_external_change (store));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-watch/other-connection", test_other_connection);
  g_test_add_func ("/store-watch/transaction-manual-notify", test_transaction_and_manual_notify);
  g_test_add_func ("/store-watch/other-process", test_other_process);
  return g_test_run ();
}
