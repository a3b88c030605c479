/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-concordance.c: keyword in context across the corpus: by entity, by
 * label and by search term (word prefixes, accents and case ignored), the
 * sort orders, and the CSV. */
#include <string.h>

#include "px-concordance.h"
#include "px-core.h"
#include "px-test-util.h"

typedef struct
{
  char     *path;
  PxStore  *store;
  PxEditor *editor;
  gint64    a, b;
  gint64    per;
} Fixture;

static gint64
add_article (PxStore    *store,
             const char *source,
             const char *published,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  PxArticleInfo info = { 0 };
  gint64 id;

  info.title = (char *) source;
  info.source = (char *) source;
  info.published = (char *) published;
  info.text = (char *) text;
  id = px_store_add_article (store, &info, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
setup (Fixture       *fx,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxLabel) per = NULL;

  fx->path = px_test_db_path ();
  fx->store = px_store_open (fx->path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fx->editor = px_editor_new (fx->store);
  /* Kouleba 10..17; Lavrov 28..34 */
  fx->a = add_article (fx->store, "zeta.example", "2022-03-11",
                       "Ce jeudi, Kouleba a rencontré Lavrov.\nLe ministre KOULÉBA est reparti.");
  /* Kuleba 0..6 */
  fx->b = add_article (fx->store, "alpha.example", "2022-03-10",
                       "Kuleba met Lavrov in Antalya; Kulebas everywhere.");
  per = px_store_find_label (fx->store, "PER");
  fx->per = px_label_get_id (per);
}

static void
teardown (Fixture       *fx,
          gconstpointer  data)
{
  g_clear_object (&fx->editor);
  g_clear_object (&fx->store);
  g_free (fx->path);
}

static void
test_term (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = px_concordance_term (fx->store, "Koulé", 12, &error);
  PxConcordanceLine *l;

  g_assert_no_error (error);
  /* A prefix, accents and case folded: "Kouleba" and "KOULÉBA", not "Kuleba". */
  g_assert_cmpuint (lines->len, ==, 2);
  l = lines->pdata[0];
  g_assert_cmpint (l->article_id, ==, fx->a);
  g_assert_cmpstr (l->match, ==, "Kouleba");
  g_assert_cmpuint (l->start, ==, 10);
  g_assert_cmpuint (l->end, ==, 17);
  g_assert_cmpstr (l->left, ==, "Ce jeudi, ");
  g_assert_cmpstr (l->right, ==, " a rencontré");
  l = lines->pdata[1];
  g_assert_cmpstr (l->match, ==, "KOULÉBA");
  /* The newline before it is shown as a space: one line each. */
  g_assert_null (strchr (l->left, '\n'));

  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = px_concordance_term (fx->store, "kuleba", 10, &error);
  g_assert_cmpuint (lines->len, ==, 2);   /* "Kuleba" and "Kulebas" */
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = px_concordance_term (fx->store, "rencontré lav", 10, &error);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (((PxConcordanceLine *) lines->pdata[0])->match, ==, "rencontré Lavrov");
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = px_concordance_term (fx->store, "  ", 10, &error);
  g_assert_cmpuint (lines->len, ==, 0);
}

static void
test_entity_label_and_sort (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(PxAnnotation) k = NULL;
  gint64 kouleba = px_editor_tag (fx->editor, fx->a, fx->per, 10, 17, "Dmytro Kuleba", &error);
  gint64 kuleba = px_editor_tag (fx->editor, fx->b, fx->per, 0, 6, "Dmytro Kuleba", &error);
  gint64 lavrov = px_editor_tag (fx->editor, fx->a, fx->per, 30, 36, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lavrov, >, 0);
  k = px_store_get_annotation (fx->store, kouleba, NULL);
  lines = px_concordance_entity (fx->store, px_annotation_get_entity_id (k), 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpint (((PxConcordanceLine *) lines->pdata[0])->annotation_id, ==, kouleba);
  g_assert_cmpstr (((PxConcordanceLine *) lines->pdata[0])->label, ==, "PER");

  /* By date and by outlet, alpha (the 10th) comes first. */
  px_concordance_sort (lines, PX_CONCORDANCE_SORT_DATE);
  g_assert_cmpint (((PxConcordanceLine *) lines->pdata[0])->annotation_id, ==, kuleba);
  px_concordance_sort (lines, PX_CONCORDANCE_SORT_TEXT);
  g_assert_cmpint (((PxConcordanceLine *) lines->pdata[0])->annotation_id, ==, kouleba);
  px_concordance_sort (lines, PX_CONCORDANCE_SORT_OUTLET);
  g_assert_cmpint (((PxConcordanceLine *) lines->pdata[0])->annotation_id, ==, kuleba);
  /* Right context: " a rencontré…" before " met Lavrov…". */
  px_concordance_sort (lines, PX_CONCORDANCE_SORT_RIGHT);
  g_assert_cmpint (((PxConcordanceLine *) lines->pdata[0])->annotation_id, ==, kouleba);
  /* Left context, nearest word first: "" (start of text) before "jeudi". */
  px_concordance_sort (lines, PX_CONCORDANCE_SORT_LEFT);
  g_assert_cmpint (((PxConcordanceLine *) lines->pdata[0])->annotation_id, ==, kuleba);

  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = px_concordance_label (fx->store, fx->per, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 3);
}

static void
test_csv (Fixture       *fx,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = px_concordance_term (fx->store, "lavrov", 8, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *csv = NULL;

  g_assert_true (px_concordance_write_csv (lines, out, 0, &error));
  g_assert_no_error (error);
  g_output_stream_write (out, "", 1, NULL, NULL);
  csv = g_strdup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_true (g_str_has_prefix (csv, "article_id,title,source,published,annotation_id,label,start,end,left,match,right\r\n"));
  g_assert_nonnull (strstr (csv, ",Lavrov,"));
  g_assert_cmpuint (lines->len, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/concordance/term", Fixture, NULL, setup, test_term, teardown);
  g_test_add ("/concordance/entity-label-sort", Fixture, NULL, setup, test_entity_label_and_sort, teardown);
  g_test_add ("/concordance/csv", Fixture, NULL, setup, test_csv, teardown);
  return g_test_run ();
}
