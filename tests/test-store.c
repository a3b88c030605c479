/* The store: what goes in comes back out, offsets are code points, writes
 * are transactions, and signals follow commits. */
#include "px-core.h"
#include "px-test-util.h"

#include <string.h>

static PxStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  PxStore *store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
add_text (PxStore *store, const char *text, const char *story)
{
  g_autoptr(GError) error = NULL;
  PxArticleInfo info = { .title = (char *) "T", .text = (char *) text, .story = (char *) story };
  gint64 id = px_store_add_article (store, &info, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
label_id (PxStore *store, const char *name)
{
  g_autoptr(PxLabel) label = px_store_find_label (store, name);

  g_assert_nonnull (label);
  return px_label_get_id (label);
}

static void
test_seed (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GListModel) labels = px_store_list_labels (store);
  g_autoptr(PxLabel) meet = px_store_find_label (store, "Meet");
  g_autoptr(PxLabel) per = px_store_find_label (store, "PER");
  PxRole *first;

  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 16);
  g_assert_cmpint (px_store_get_schema_version (store), ==, PX_STORE_SCHEMA_VERSION);
  g_assert_cmpint (px_label_get_kind (meet), ==, PX_LABEL_EVENT);
  g_assert_cmpuint (px_label_get_roles (meet)->len, ==, 4);
  first = g_ptr_array_index (px_label_get_roles (meet), 0);
  g_assert_cmpstr (first->name, ==, "Participant");
  g_assert_true (first->repeatable);
  g_assert_cmpstr (px_label_get_shortcut (per), ==, "1");
  g_assert_cmpuint (px_label_get_roles (per)->len, ==, 0);
}

static void
test_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) a = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxStore) b = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = add_text (a, "Le texte reste.", NULL);
  g_clear_object (&a);
  b = px_store_open (path, PX_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = px_store_get_article_text (b, id, &error);
    g_assert_cmpstr (text, ==, "Le texte reste.");
  }
  /* Reopening does not seed twice. */
  {
    g_autoptr(GListModel) labels = px_store_list_labels (b);
    g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 16);
  }
}

static void
test_duplicate (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  PxArticleInfo info = { .text = (char *) "Même texte." };
  gint64 first = add_text (store, "Même texte.", NULL);
  gint64 existing = 0;

  g_assert_cmpint (px_store_add_article (store, &info, &existing, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_DUPLICATE);
  g_assert_cmpint (existing, ==, first);
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
}

static void
test_annotation_offsets (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  /* An emoji (one code point, four bytes, two UTF-16 units) and accents
   * before the span: offsets must count code points. */
  const char *text = "😀 Sergueï Lavrov a vu Dmytro Kouléba.";
  gint64 article = add_text (store, text, NULL);
  gint64 id = px_store_add_annotation (store, article, label_id (store, "PER"), 2, 16,
                                       PX_ANNOTATION_ACCEPTED, NULL, &error);
  g_autoptr(PxAnnotation) ann = NULL;

  g_assert_no_error (error);
  ann = px_store_get_annotation (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_annotation_get_text (ann), ==, "Sergueï Lavrov");
  g_assert_cmpuint (px_annotation_get_start (ann), ==, 2);
  g_assert_cmpuint (px_annotation_get_end (ann), ==, 16);
  g_assert_cmpstr (px_annotation_get_label_name (ann), ==, "PER");

  id = px_store_add_annotation (store, article, label_id (store, "PER"), 29, 36,
                                PX_ANNOTATION_ACCEPTED, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&ann);
  ann = px_store_get_annotation (store, id, &error);
  g_assert_cmpstr (px_annotation_get_text (ann), ==, "Kouléba");

  /* Out of range and empty spans are refused. */
  g_assert_cmpint (px_store_add_annotation (store, article, label_id (store, "PER"), 30, 99,
                                            PX_ANNOTATION_ACCEPTED, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (px_store_add_annotation (store, article, label_id (store, "PER"), 5, 5,
                                            PX_ANNOTATION_ACCEPTED, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_assert_cmpuint (px_store_count_annotations (store), ==, 2);
}

static void
test_restore (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 article = add_text (store, "Kuleba parle.", NULL);
  gint64 id = px_store_add_annotation (store, article, label_id (store, "PER"), 0, 6,
                                       PX_ANNOTATION_ACCEPTED, "une note", &error);
  g_autoptr(PxAnnotation) saved = px_store_get_annotation (store, id, &error);
  g_autoptr(PxAnnotation) back = NULL;

  g_assert_true (px_store_delete_annotation (store, id, &error));
  g_assert_null (px_store_get_annotation (store, id, NULL));
  g_assert_true (px_store_restore_annotation (store, saved, &error));
  g_assert_no_error (error);
  back = px_store_get_annotation (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_annotation_get_note (back), ==, "une note");
  g_assert_cmpstr (px_annotation_get_created_at (back), ==, px_annotation_get_created_at (saved));
}

static void
test_entities_merge (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 per = label_id (store, "PER");
  gint64 a1 = add_text (store, "Kuleba arrive.", NULL);
  gint64 a2 = add_text (store, "Kouléba repart.", NULL);
  gint64 m1 = px_store_add_annotation (store, a1, per, 0, 6, PX_ANNOTATION_ACCEPTED, NULL, &error);
  gint64 m2 = px_store_add_annotation (store, a2, per, 0, 7, PX_ANNOTATION_ACCEPTED, NULL, &error);
  gint64 e1 = px_store_add_entity (store, "Dmytro Kuleba", per, &error);
  gint64 e2 = px_store_add_entity (store, "Kouléba", per, &error);
  g_autoptr(PxEntity) kept = NULL;
  g_autoptr(GPtrArray) by_key = NULL;

  g_assert_no_error (error);
  g_assert_true (px_store_set_annotation_entity (store, m1, e1, &error));
  g_assert_true (px_store_set_annotation_entity (store, m2, e2, &error));
  by_key = px_store_find_entities_by_key (store, "kouleba");
  g_assert_cmpuint (by_key->len, ==, 1);
  g_assert_true (px_store_merge_entities (store, e1, e2, &error));
  g_assert_no_error (error);
  kept = px_store_get_entity (store, e1, &error);
  g_assert_cmpuint (px_entity_get_n_mentions (kept), ==, 2);
  g_assert_cmpuint (px_entity_get_n_articles (kept), ==, 2);
  g_assert_null (px_store_get_entity (store, e2, NULL));
  {
    g_autoptr(PxAnnotation) ann = px_store_get_annotation (store, m2, &error);
    g_assert_cmpint (px_annotation_get_entity_id (ann), ==, e1);
    g_assert_cmpstr (px_annotation_get_entity_name (ann), ==, "Dmytro Kuleba");
  }
}

static void
test_events_cascade (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 article = add_text (store, "Lavrov rencontre Kuleba à Antalya.", NULL);
  gint64 trigger = px_store_add_annotation (store, article, label_id (store, "Meet"), 7, 16,
                                            PX_ANNOTATION_ACCEPTED, NULL, &error);
  gint64 who = px_store_add_annotation (store, article, label_id (store, "PER"), 0, 6,
                                        PX_ANNOTATION_ACCEPTED, NULL, &error);
  gint64 where = px_store_add_annotation (store, article, label_id (store, "GPE"), 26, 33,
                                          PX_ANNOTATION_ACCEPTED, NULL, &error);
  gint64 event = px_store_add_event (store, article, label_id (store, "Meet"), trigger, &error);
  g_autoptr(PxEvent) ev = NULL;
  g_autoptr(GListModel) events = NULL;

  g_assert_no_error (error);
  g_assert_true (px_store_add_event_argument (store, event, "Participant", who, &error));
  g_assert_true (px_store_add_event_argument (store, event, "Place", where, &error));
  ev = px_store_get_event (store, event, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_event_get_n_arguments (ev), ==, 2);
  g_assert_cmpstr (px_event_get_argument (ev, 1)->role, ==, "Place");
  g_assert_cmpint (px_event_get_argument (ev, 1)->annotation_id, ==, where);

  /* Deleting an argument's annotation drops the argument; deleting the
   * trigger drops the event. */
  g_assert_true (px_store_delete_annotation (store, where, &error));
  g_clear_object (&ev);
  ev = px_store_get_event (store, event, &error);
  g_assert_cmpuint (px_event_get_n_arguments (ev), ==, 1);
  events = px_store_list_events (store, article);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  g_assert_true (px_store_delete_annotation (store, trigger, &error));
  g_assert_null (px_store_get_event (store, event, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 0);
}

static void
count_signal (PxStore *store, gpointer data)
{
  (*(int *) data)++;
}

static void
count_article_signal (PxStore *store, gint64 article, gpointer data)
{
  (*(int *) data)++;
}

static void
test_transactions_and_signals (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 article = add_text (store, "Un deux trois quatre.", NULL);
  int articles = 0, annotations = 0;
  gint64 per = label_id (store, "PER");

  g_signal_connect (store, "articles-changed", G_CALLBACK (count_signal), &articles);
  g_signal_connect (store, "annotations-changed", G_CALLBACK (count_article_signal), &annotations);

  /* Nested: nothing is emitted before the outermost commit, and then once. */
  g_assert_true (px_store_begin (store, &error));
  px_store_add_annotation (store, article, per, 0, 2, PX_ANNOTATION_ACCEPTED, NULL, &error);
  g_assert_true (px_store_begin (store, &error));
  px_store_add_annotation (store, article, per, 3, 7, PX_ANNOTATION_ACCEPTED, NULL, &error);
  g_assert_true (px_store_commit (store, &error));
  g_assert_cmpint (annotations, ==, 0);
  g_assert_true (px_store_commit (store, &error));
  g_assert_cmpint (annotations, ==, 1);
  g_assert_cmpint (articles, ==, 1);
  g_assert_cmpuint (px_store_count_annotations (store), ==, 2);

  /* An inner rollback undoes only the inner work. */
  g_assert_true (px_store_begin (store, &error));
  px_store_add_annotation (store, article, per, 8, 13, PX_ANNOTATION_ACCEPTED, NULL, &error);
  g_assert_true (px_store_begin (store, &error));
  px_store_add_annotation (store, article, per, 14, 20, PX_ANNOTATION_ACCEPTED, NULL, &error);
  px_store_rollback (store);
  g_assert_true (px_store_commit (store, &error));
  g_assert_cmpuint (px_store_count_annotations (store), ==, 3);

  /* An outer rollback undoes everything, and tells nobody. */
  annotations = 0;
  g_assert_true (px_store_begin (store, &error));
  px_store_add_annotation (store, article, per, 14, 20, PX_ANNOTATION_ACCEPTED, NULL, &error);
  px_store_rollback (store);
  g_assert_cmpuint (px_store_count_annotations (store), ==, 3);
  g_assert_cmpint (annotations, ==, 0);
}

static void
test_models_follow (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = px_store_list_articles (store, -1);
  g_autoptr(GListModel) unassigned = px_store_list_articles (store, 0);
  g_autoptr(GListModel) stories = px_store_list_stories (store);
  gint64 a, b, story;

  a = add_text (store, "Premier article.", "Antalya");
  b = add_text (store, "Second article.", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (unassigned), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 1);
  story = px_store_ensure_story (store, "Antalya", &error);
  g_assert_true (px_store_set_article_story (store, b, story, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (unassigned), ==, 0);
  {
    g_autoptr(PxStory) s = px_store_get_story (store, story, &error);
    g_assert_cmpuint (px_story_get_n_articles (s), ==, 2);
  }
  {
    g_autoptr(PxArticle) item = g_list_model_get_item (all, 0);
    /* List items carry no text, so a big corpus stays small in memory. */
    g_assert_null (px_article_get_text (item));
    g_assert_cmpstr (px_article_get_story_name (item), ==, "Antalya");
  }
  g_assert_true (px_store_delete_story (store, story, &error));
  g_assert_cmpuint (g_list_model_get_n_items (unassigned), ==, 2);
  g_assert_cmpuint (px_store_count_articles (store), ==, 2);
  (void) a;
}

static void
test_search (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 id = add_text (store, "Le ministre Dmytro Kouléba est arrivé à Antalya.", NULL);
  g_autoptr(GPtrArray) hits = NULL;
  PxSearchHit *hit;

  add_text (store, "Un autre sujet, sans rapport.", NULL);
  hits = px_store_search (store, "kouleba", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->article_id, ==, id);
  g_assert_cmpuint (hit->start, ==, 19);
  g_assert_cmpuint (hit->end, ==, 26);
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* FTS syntax in user input is searched for, never an error. */
  hits = px_store_search (store, "\"AND OR (", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
}

typedef struct { guint rows; GString *seen; } Rows;

static gboolean
collect_row (const char * const *values, const gsize *lengths, guint n, gpointer data, GError **error)
{
  Rows *rows = data;

  rows->rows++;
  for (guint i = 0; i < n; i++)
    g_string_append_printf (rows->seen, "%s|", values[i] ? values[i] : "∅");
  g_string_append_c (rows->seen, '\n');
  return TRUE;
}

static void
test_export_rows (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 article = add_text (store, "Lavrov rencontre Kuleba.", "Antalya");
  gint64 trig = px_store_add_annotation (store, article, label_id (store, "Meet"), 7, 16,
                                         PX_ANNOTATION_ACCEPTED, NULL, &error);
  Rows rows = { 0, g_string_new (NULL) };

  px_store_add_annotation (store, article, label_id (store, "PER"), 0, 6,
                           PX_ANNOTATION_SUGGESTED, NULL, &error);
  px_store_add_event (store, article, label_id (store, "Meet"), trig, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_strv_length ((char **) px_store_export_columns (PX_EXPORT_ANNOTATIONS)), ==, 16);
  g_assert_true (px_store_export_rows (store, PX_EXPORT_ANNOTATIONS, collect_row, &rows, &error));
  /* The suggestion is not exported. */
  g_assert_cmpuint (rows.rows, ==, 1);
  g_assert_nonnull (strstr (rows.seen->str, "|Antalya|"));
  g_assert_nonnull (strstr (rows.seen->str, "|rencontre|"));
  rows.rows = 0;
  g_string_truncate (rows.seen, 0);
  g_assert_true (px_store_export_rows (store, PX_EXPORT_EVENTS, collect_row, &rows, &error));
  /* An event without arguments still has its row, with an empty role. */
  g_assert_cmpuint (rows.rows, ==, 1);
  g_assert_nonnull (strstr (rows.seen->str, "|Meet|"));
  g_assert_nonnull (strstr (rows.seen->str, "|∅|∅|∅|∅|"));
  g_string_free (rows.seen, TRUE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/seed", test_seed);
  g_test_add_func ("/store/reopen", test_reopen);
  g_test_add_func ("/store/duplicate", test_duplicate);
  g_test_add_func ("/store/annotation-offsets", test_annotation_offsets);
  g_test_add_func ("/store/restore", test_restore);
  g_test_add_func ("/store/entities-merge", test_entities_merge);
  g_test_add_func ("/store/events-cascade", test_events_cascade);
  g_test_add_func ("/store/transactions-signals", test_transactions_and_signals);
  g_test_add_func ("/store/models-follow", test_models_follow);
  g_test_add_func ("/store/search", test_search);
  g_test_add_func ("/store/export-rows", test_export_rows);
  return g_test_run ();
}
