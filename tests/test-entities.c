/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-entities.c: linking mentions to canonical entities by match key,
 * near-key candidates that are never merged silently, split and merge. */
#include "px-core.h"
#include "px-test-util.h"

typedef struct
{
  PxStore *store;
  gint64   article_id;
  gint64   per_id;
  gint64   gpe_id;
} Fixture;

/* Kuleba, KOULEBA, Kuleba, Kyiv: code points 0..6, 14..21, 27..33, 38..42. */
static const char text[] = "Kuleba a vu KOULEBA puis Kuleba à Kyiv.";

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxLabel) per = NULL;
  g_autoptr(PxLabel) gpe = NULL;
  PxArticleInfo info = { 0 };

  fx->store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  info.title = (char *) "Entities";
  info.text = (char *) text;
  fx->article_id = px_store_add_article (fx->store, &info, NULL, &error);
  g_assert_no_error (error);
  per = px_store_find_label (fx->store, "PER");
  gpe = px_store_find_label (fx->store, "GPE");
  fx->per_id = px_label_get_id (per);
  fx->gpe_id = px_label_get_id (gpe);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->store);
}

/* Finds @word in the text and tags it; returns the annotation id. */
static gint64
tag (Fixture    *fx,
     gint64      label_id,
     const char *word,
     guint       nth)
{
  g_autoptr(GError) error = NULL;
  const char *p = text;
  gint64 id;
  glong start;

  for (guint i = 0; i <= nth; i++)
    {
      p = strstr (i == 0 ? p : p + 1, word);
      g_assert_nonnull (p);
    }
  start = g_utf8_pointer_to_offset (text, p);
  id = px_store_add_annotation (fx->store, fx->article_id, label_id, start,
                                start + g_utf8_strlen (word, -1),
                                PX_ANNOTATION_ACCEPTED, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
entity_of (Fixture *fx,
           gint64   annotation_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxAnnotation) a = px_store_get_annotation (fx->store, annotation_id, &error);

  g_assert_no_error (error);
  return px_annotation_get_entity_id (a);
}

static guint
mentions_of (Fixture *fx,
             gint64   entity_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEntity) e = px_store_get_entity (fx->store, entity_id, &error);

  g_assert_no_error (error);
  return px_entity_get_n_mentions (e);
}

static void
test_link_same_key (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = tag (fx, fx->per_id, "Kuleba", 0);
  gint64 b = tag (fx, fx->per_id, "Kuleba", 1);
  gint64 ea = px_store_link_mention (fx->store, a, &error);
  gint64 eb;

  g_assert_no_error (error);
  g_assert_cmpint (ea, >, 0);
  eb = px_store_link_mention (fx->store, b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (eb, ==, ea);
  g_assert_cmpint (entity_of (fx, b), ==, ea);
  g_assert_cmpuint (mentions_of (fx, ea), ==, 2);
}

/* "KOULEBA" differs by one letter: a candidate, never linked to Kuleba. */
static void
test_near_key_is_only_a_candidate (Fixture       *fx,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 kuleba = px_store_link_mention (fx->store, tag (fx, fx->per_id, "Kuleba", 0), &error);
  gint64 kouleba = px_store_link_mention (fx->store, tag (fx, fx->per_id, "KOULEBA", 0), &error);
  g_autoptr(GPtrArray) near = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) other_label = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (kouleba, !=, kuleba);
  near = px_store_entity_candidates (fx->store, "kouleba", fx->per_id, 2, kouleba);
  g_assert_cmpuint (near->len, ==, 1);
  g_assert_cmpint (px_entity_get_id (g_ptr_array_index (near, 0)), ==, kuleba);
  none = px_store_entity_candidates (fx->store, "kouleba", fx->per_id, 0, kouleba);
  g_assert_cmpuint (none->len, ==, 0);
  other_label = px_store_entity_candidates (fx->store, "kouleba", fx->gpe_id, 2, 0);
  g_assert_cmpuint (other_label->len, ==, 0);
}

static void
test_candidates_closest_first (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 far = px_store_add_entity (fx->store, "Koulebak", fx->per_id, &error);
  gint64 near = px_store_add_entity (fx->store, "Kouleba", fx->per_id, &error);
  g_autoptr(GPtrArray) found = px_store_entity_candidates (fx->store, "kuleba", 0, 2, 0);

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (px_entity_get_id (g_ptr_array_index (found, 0)), ==, near);
  g_assert_cmpint (px_entity_get_id (g_ptr_array_index (found, 1)), ==, far);
}

static void
test_non_entity_label (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxLabel) meet = px_store_find_label (fx->store, "Meet");
  gint64 id;

  g_assert_nonnull (meet);
  id = tag (fx, px_label_get_id (meet), "vu", 0);
  g_assert_cmpint (px_store_link_mention (fx->store, id, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (entity_of (fx, id), ==, 0);
}

static void
test_split_and_merge (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = tag (fx, fx->per_id, "Kuleba", 0);
  gint64 b = tag (fx, fx->per_id, "Kuleba", 1);
  gint64 kyiv = tag (fx, fx->gpe_id, "Kyiv", 0);
  gint64 e = px_store_link_mention (fx->store, a, &error);
  gint64 split;
  g_autoptr(GListModel) mentions = NULL;

  px_store_link_mention (fx->store, b, &error);
  px_store_link_mention (fx->store, kyiv, &error);
  g_assert_no_error (error);

  /* A mention of another entity cannot be split off this one. */
  split = px_store_split_entity (fx->store, e, &kyiv, 1, "Kyiv bis", &error);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_assert_cmpint (split, ==, 0);
  g_clear_error (&error);
  g_assert_cmpuint (mentions_of (fx, e), ==, 2);

  split = px_store_split_entity (fx->store, e, &b, 1, "Dmytro Kuleba", &error);
  g_assert_no_error (error);
  g_assert_cmpint (entity_of (fx, b), ==, split);
  g_assert_cmpuint (mentions_of (fx, e), ==, 1);
  g_assert_cmpuint (mentions_of (fx, split), ==, 1);
  mentions = px_store_list_entity_mentions (fx->store, split);
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, 1);

  g_assert_false (px_store_merge_entities (fx->store, e, e, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (px_store_merge_entities (fx->store, e, split, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entity_of (fx, b), ==, e);
  g_assert_cmpuint (mentions_of (fx, e), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/entities/link-same-key", test_link_same_key);
  ADD ("/entities/near-key-candidate", test_near_key_is_only_a_candidate);
  ADD ("/entities/candidates-order", test_candidates_closest_first);
  ADD ("/entities/non-entity-label", test_non_entity_label);
  ADD ("/entities/split-merge", test_split_and_merge);
#undef ADD
  return g_test_run ();
}
