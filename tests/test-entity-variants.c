/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-entity-variants.c: entity variants within a story (issue 12): a
 * surname links to the one full name of the story, a near spelling links
 * when it is the only one, with a notice and one Undo; otherwise a new
 * entity. Never across labels or stories. */
#include <sqlite3.h>
#include <string.h>

#include "px-core.h"
#include "px-editor.h"
#include "px-test-util.h"

typedef struct
{
  PxStore  *store;
  PxEditor *editor;
  gint64    story;
  gint64    per_id;
  gint64    loc_id;
} Fixture;

static gint64
add_article (Fixture *fx, const char *text, gint64 story)
{
  g_autoptr(GError) error = NULL;
  PxArticleInfo info = { 0 };
  gint64 id;

  info.title = (char *) "Variants";
  info.text = (char *) text;
  id = px_store_add_article (fx->store, &info, NULL, &error);
  g_assert_no_error (error);
  if (story != 0)
    g_assert_true (px_store_set_article_story (fx->store, id, story, &error));
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxLabel) per = NULL;
  g_autoptr(PxLabel) loc = NULL;

  fx->store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fx->editor = px_editor_new (fx->store);
  fx->story = px_store_add_story (fx->store, "Talks", &error);
  g_assert_no_error (error);
  per = px_store_find_label (fx->store, "PER");
  loc = px_store_find_label (fx->store, "LOC");
  fx->per_id = px_label_get_id (per);
  fx->loc_id = px_label_get_id (loc);
}

static void
fixture_teardown (Fixture *fx, gconstpointer data)
{
  g_clear_object (&fx->editor);
  g_clear_object (&fx->store);
}

/* Tags the first occurrence of @word in article @article through the
 * editor; returns the mention's entity. */
static gint64
tag (Fixture *fx, gint64 article, gint64 label, const char *word)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = px_store_get_article_text (fx->store, article, &error);
  const char *p = strstr (text, word);
  g_autoptr(PxAnnotation) a = NULL;
  gsize start;
  gint64 id;

  g_assert_nonnull (p);
  start = g_utf8_pointer_to_offset (text, p);
  id = px_editor_tag (fx->editor, article, label, start, start + g_utf8_strlen (word, -1), NULL, &error);
  g_assert_no_error (error);
  a = px_store_get_annotation (fx->store, id, &error);
  return px_annotation_get_entity_id (a);
}

static void
test_surname_and_title (Fixture *fx, gconstpointer data)
{
  gint64 a = add_article (fx, "Le ministre Sergueï Lavrov est arrivé.", fx->story);
  gint64 b = add_article (fx, "M. Lavrov a parlé, puis Lavrov est reparti.", fx->story);
  gint64 full = tag (fx, a, fx->per_id, "Sergueï Lavrov");

  g_assert_cmpint (tag (fx, b, fx->per_id, "M. Lavrov"), ==, full);
  g_assert_cmpstr (px_editor_get_notice (fx->editor), ==,
                   "Linked to “Sergueï Lavrov” (the same name in this story).");
  g_assert_cmpint (tag (fx, b, fx->per_id, "Lavrov est"), !=, full);   /* "Lavrov est" is no name part */
}

/* Two people called Lavrov in the story: the surname links to neither. */
static void
test_surname_ambiguous (Fixture *fx, gconstpointer data)
{
  gint64 a = add_article (fx, "Sergueï Lavrov et Maria Lavrov.", fx->story);
  gint64 b = add_article (fx, "Lavrov a parlé.", fx->story);
  gint64 s = tag (fx, a, fx->per_id, "Sergueï Lavrov");
  gint64 m = tag (fx, a, fx->per_id, "Maria Lavrov");
  gint64 l = tag (fx, b, fx->per_id, "Lavrov");

  g_assert_cmpint (s, !=, m);
  g_assert_cmpint (l, !=, s);
  g_assert_cmpint (l, !=, m);
  g_assert_null (px_editor_get_notice (fx->editor));
}

static void
test_near_spelling_links_with_undo (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add_article (fx, "Dmytro Kuleba est à Ryad.", fx->story);
  gint64 b = add_article (fx, "M. Kouleba arrive à Riyad.", fx->story);
  gint64 kuleba = tag (fx, a, fx->per_id, "Dmytro Kuleba");
  gint64 ryad = tag (fx, a, fx->loc_id, "Ryad");
  g_autoptr(PxEntity) e = NULL;

  g_assert_cmpint (tag (fx, b, fx->per_id, "M. Kouleba"), ==, kuleba);
  g_assert_cmpstr (px_editor_get_notice (fx->editor), ==, "Linked to “Dmytro Kuleba” (a near spelling).");
  g_assert_cmpint (tag (fx, b, fx->loc_id, "Riyad"), ==, ryad);
  /* One Undo takes the tag and its guessed link back. */
  g_assert_true (px_editor_undo (fx->editor, NULL, &error));
  g_assert_no_error (error);
  e = px_store_get_entity (fx->store, ryad, &error);
  g_assert_cmpuint (px_entity_get_n_mentions (e), ==, 1);
}

/* Never across labels, never across stories, never when two entities are
 * near. */
static void
test_near_spelling_limits (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 other = px_store_add_story (fx->store, "Elsewhere", &error);
  gint64 a = add_article (fx, "Kuleba et Koulebo à Kouleba.", fx->story);
  gint64 b = add_article (fx, "Kulheba parle.", other);
  gint64 c = add_article (fx, "Volnovakha, Volnovaha.", fx->story);
  gint64 kuleba = tag (fx, a, fx->per_id, "Kuleba");
  gint64 place = tag (fx, c, fx->loc_id, "Volnovakha");

  g_assert_cmpint (tag (fx, b, fx->per_id, "Kulheba"), !=, kuleba);   /* another story */
  g_assert_cmpint (tag (fx, a, fx->loc_id, "Kouleba"), !=, kuleba);   /* another label */
  g_assert_cmpint (tag (fx, c, fx->per_id, "Volnovaha"), !=, place);  /* another label */
  g_assert_cmpint (tag (fx, a, fx->per_id, "Koulebo"), !=, kuleba);   /* two letters off */
  /* Kuleba and Koulebo are both near to "Kouleba" now: no guess. */
  {
    gint64 d = add_article (fx, "Kouleba, encore lui.", fx->story);
    gint64 e = tag (fx, d, fx->per_id, "Kouleba");

    g_assert_cmpint (e, !=, kuleba);
    g_assert_null (px_editor_get_notice (fx->editor));
  }
}

/* A corpus whose keys were made the old way gets them made again on open. */
static void
test_keys_refreshed_on_open (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (px_store_get_path (fx->store));
  gint64 a = add_article (fx, "La ville de l'Ukraine.", fx->story);
  gint64 e = tag (fx, a, fx->loc_id, "l'Ukraine");
  g_autoptr(PxEntity) entity = NULL;
  sqlite3 *db;

  g_clear_object (&fx->editor);
  g_clear_object (&fx->store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entity SET match_key = 'lukraine'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  fx->store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  entity = px_store_get_entity (fx->store, e, &error);
  g_assert_cmpstr (px_entity_get_match_key (entity), ==, "ukraine");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/entity-variants/surname-title", test_surname_and_title);
  ADD ("/entity-variants/surname-ambiguous", test_surname_ambiguous);
  ADD ("/entity-variants/near-spelling-undo", test_near_spelling_links_with_undo);
  ADD ("/entity-variants/near-spelling-limits", test_near_spelling_limits);
  ADD ("/entity-variants/keys-refreshed", test_keys_refreshed_on_open);
#undef ADD
  return g_test_run ();
}
