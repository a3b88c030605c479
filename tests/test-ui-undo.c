/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-undo.c: the workspace's undo history (px-undo.c) against a real
 * store: groups replay as one, custom steps see the right direction, and a
 * failure inside a group leaves the corpus as it was. No display needed, but
 * px-undo lives in the app library. */
#include "px-core.h"
#include "px-undo.h"
#include "px-test-util.h"

typedef struct
{
  PxStore *store;
  gint64   article_id;
  gint64   per_id;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxLabel) per = NULL;
  PxArticleInfo info = { 0 };

  fx->store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  info.title = (char *) "Undo";
  info.text = (char *) "Anna met Boris and Clara in Lyon.";
  fx->article_id = px_store_add_article (fx->store, &info, NULL, &error);
  g_assert_no_error (error);
  per = px_store_find_label (fx->store, "PER");
  g_assert_nonnull (per);
  fx->per_id = px_label_get_id (per);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->store);
}

static PxAnnotation *
add (Fixture            *fx,
     gsize               start,
     gsize               end,
     PxAnnotationStatus  status)
{
  g_autoptr(GError) error = NULL;
  gint64 id = px_store_add_annotation (fx->store, fx->article_id, fx->per_id,
                                       start, end, status, NULL, &error);
  PxAnnotation *a;

  g_assert_no_error (error);
  a = px_store_get_annotation (fx->store, id, &error);
  g_assert_no_error (error);
  return a;
}

static PxAnnotationStatus
status_of (Fixture *fx,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxAnnotation) a = px_store_get_annotation (fx->store, id, &error);

  g_assert_no_error (error);
  return px_annotation_get_status (a);
}

/* "Accept all": two status changes in a group undo with one step. */
static void
test_group (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxUndo) undo = px_undo_new ();
  g_autoptr(PxAnnotation) boris = add (fx, 9, 14, PX_ANNOTATION_SUGGESTED);
  g_autoptr(PxAnnotation) clara = add (fx, 19, 24, PX_ANNOTATION_SUGGESTED);
  gint64 touched = 0;

  px_undo_begin_group (undo);
  px_undo_begin_group (undo);   /* empty inner group: leaves nothing */
  px_undo_end_group (undo);
  for (guint i = 0; i < 2; i++)
    {
      PxAnnotation *a = i == 0 ? boris : clara;
      g_assert_true (px_store_set_annotation_status (fx->store, px_annotation_get_id (a),
                                                     PX_ANNOTATION_ACCEPTED, &error));
      px_undo_push_status (undo, a, PX_ANNOTATION_ACCEPTED);
    }
  px_undo_end_group (undo);
  g_assert_cmpint (px_undo_peek_article (undo, FALSE), ==, fx->article_id);

  g_assert_true (px_undo_undo (undo, fx->store, &touched, &error));
  g_assert_no_error (error);
  g_assert_false (px_undo_can_undo (undo));
  g_assert_cmpint (status_of (fx, px_annotation_get_id (boris)), ==, PX_ANNOTATION_SUGGESTED);
  g_assert_cmpint (status_of (fx, px_annotation_get_id (clara)), ==, PX_ANNOTATION_SUGGESTED);
  /* Undo walks the group backwards, so the first change is touched last. */
  g_assert_cmpint (touched, ==, px_annotation_get_id (boris));

  g_assert_true (px_undo_redo (undo, fx->store, &touched, &error));
  g_assert_cmpint (status_of (fx, px_annotation_get_id (boris)), ==, PX_ANNOTATION_ACCEPTED);
  g_assert_cmpint (status_of (fx, px_annotation_get_id (clara)), ==, PX_ANNOTATION_ACCEPTED);
  g_assert_cmpint (touched, ==, px_annotation_get_id (clara));
}

static void
test_empty_group (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(PxUndo) undo = px_undo_new ();

  px_undo_begin_group (undo);
  px_undo_end_group (undo);
  g_assert_false (px_undo_can_undo (undo));
}

static gboolean
failing_step (PxStore  *store,
              gpointer  data,
              gboolean  forwards,
              gint64   *out_annotation_id,
              GError  **error)
{
  g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "refused on purpose");
  return FALSE;
}

/* A step that fails rolls back the others of its group. */
static void
test_group_failure_rolls_back (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxUndo) undo = px_undo_new ();
  g_autoptr(PxAnnotation) anna = add (fx, 0, 4, PX_ANNOTATION_SUGGESTED);
  gint64 id = px_annotation_get_id (anna);

  px_undo_begin_group (undo);
  px_undo_push_custom (undo, fx->article_id, failing_step, NULL, NULL);
  g_assert_true (px_store_set_annotation_status (fx->store, id, PX_ANNOTATION_ACCEPTED, &error));
  px_undo_push_status (undo, anna, PX_ANNOTATION_ACCEPTED);
  px_undo_end_group (undo);

  /* Undo reverts the status first, then hits the failing step. */
  g_assert_false (px_undo_undo (undo, fx->store, NULL, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_assert_cmpint (status_of (fx, id), ==, PX_ANNOTATION_ACCEPTED);
  g_assert_true (px_undo_can_undo (undo));
}

typedef struct
{
  guint forwards;
  guint backwards;
} Counts;

static gboolean
counting_step (PxStore  *store,
               gpointer  data,
               gboolean  forwards,
               gint64   *out_annotation_id,
               GError  **error)
{
  Counts *counts = data;

  if (forwards)
    counts->forwards++;
  else
    counts->backwards++;
  *out_annotation_id = 42;
  return TRUE;
}

static void
test_custom_and_note (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxUndo) undo = px_undo_new ();
  g_autoptr(PxAnnotation) anna = add (fx, 0, 4, PX_ANNOTATION_ACCEPTED);
  g_autoptr(PxAnnotation) after = NULL;
  Counts *counts = g_new0 (Counts, 1);
  gint64 touched = 0;

  px_undo_push_custom (undo, 0, counting_step, counts, NULL);
  g_assert_cmpint (px_undo_peek_article (undo, FALSE), ==, 0);
  g_assert_true (px_undo_undo (undo, fx->store, &touched, &error));
  g_assert_true (px_undo_redo (undo, fx->store, &touched, &error));
  g_assert_cmpuint (counts->backwards, ==, 1);
  g_assert_cmpuint (counts->forwards, ==, 1);
  g_assert_cmpint (touched, ==, 42);
  g_free (counts);
  px_undo_clear (undo);

  g_assert_true (px_store_set_annotation_note (fx->store, px_annotation_get_id (anna), "checked", &error));
  px_undo_push_note (undo, anna, "checked");
  g_assert_true (px_undo_undo (undo, fx->store, NULL, &error));
  after = px_store_get_annotation (fx->store, px_annotation_get_id (anna), &error);
  g_assert_null (px_annotation_get_note (after));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/undo/group", Fixture, NULL, fixture_setup, test_group, fixture_teardown);
  g_test_add ("/undo/empty-group", Fixture, NULL, fixture_setup, test_empty_group, fixture_teardown);
  g_test_add ("/undo/group-failure", Fixture, NULL, fixture_setup,
              test_group_failure_rolls_back, fixture_teardown);
  g_test_add ("/undo/custom-and-note", Fixture, NULL, fixture_setup,
              test_custom_and_note, fixture_teardown);
  return g_test_run ();
}
