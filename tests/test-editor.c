/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-editor.c: PxEditor, the one way every page and the CLI edit a
 * corpus. Each operation is checked with undo and redo against a dump of
 * every row of the file: undoing must give back the very same rows, ids
 * included, and redoing the very same rows as the edit made. */
#include <string.h>
#include <sqlite3.h>

#include "px-core.h"
#include "px-editor.h"
#include "px-test-util.h"

/* Kuleba  Lavrov  rencontre  Antalya  Kouleba  Kuleba
 *  0..6    10..16  21..30     33..40   47..54   61..67  */
static const char text[] =
  "Kuleba et Lavrov: la rencontre à Antalya. Puis Kouleba, puis Kuleba.";

typedef struct
{
  char     *path;
  PxStore  *store;
  PxEditor *editor;
  gint64    article_id;
  gint64    per, gpe, org, loc, meet, statement;
} Fixture;

static gint64
label_id (PxStore    *store,
          const char *name)
{
  g_autoptr(PxLabel) label = px_store_find_label (store, name);

  g_assert_nonnull (label);
  return px_label_get_id (label);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PxArticleInfo info = { 0 };

  fx->path = px_test_db_path ();
  fx->store = px_store_open (fx->path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  info.title = (char *) "Talks";
  info.source = (char *) "example.org";
  info.text = (char *) text;
  fx->article_id = px_store_add_article (fx->store, &info, NULL, &error);
  g_assert_no_error (error);
  fx->editor = px_editor_new (fx->store);
  fx->per = label_id (fx->store, "PER");
  fx->gpe = label_id (fx->store, "GPE");
  fx->org = label_id (fx->store, "ORG");
  fx->loc = label_id (fx->store, "LOC");
  fx->meet = label_id (fx->store, "Meet");
  fx->statement = label_id (fx->store, "Statement");
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->editor);
  g_clear_object (&fx->store);
  g_free (fx->path);
}

/* Every row of every table a user edit can touch, in key order, as text:
 * two dumps are equal when the file holds the same rows with the same
 * ids. Read through a connection of its own, as another program would. */
static char *
dump (Fixture *fx)
{
  static const char *const tables[] = {
    "article", "story", "story_article", "label", "label_role", "entity", "annotation", "story_event",
    "event", "event_argument", "ix_fragment", "ix_relation",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fx->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *v = (const char *) sqlite3_column_text (stmt, c);

              /* The article text is long and never changes. */
              if (t == 0 && strcmp (sqlite3_column_name (stmt, c), "text") == 0)
                continue;
              g_string_append_printf (out, "%s|", v != NULL ? v : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static gint64
count (Fixture    *fx,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (fx->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static gint64
tag (Fixture *fx,
     gint64   label,
     gsize    start,
     gsize    end)
{
  g_autoptr(GError) error = NULL;
  gint64 id = px_editor_tag (fx->editor, fx->article_id, label, start, end, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The edit just made undoes to @before and redoes to what it was, twice
 * over, each as one step. */
static void
check_undo_redo (Fixture    *fx,
                 const char *before)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = dump (fx);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (before, !=, after);
  for (int round = 0; round < 2; round++)
    {
      px_editor_undo (fx->editor, NULL, &error);
      g_assert_no_error (error);
      g_free (undone);
      undone = dump (fx);
      g_assert_cmpstr (undone, ==, before);
      px_editor_redo (fx->editor, NULL, &error);
      g_assert_no_error (error);
      g_free (redone);
      redone = dump (fx);
      g_assert_cmpstr (redone, ==, after);
    }
}

static void
test_tag_links_and_undoes (Fixture       *fx,
                           gconstpointer  data)
{
  g_autofree char *before = dump (fx);
  g_autoptr(PxAnnotation) a = NULL;
  gint64 id = tag (fx, fx->per, 0, 6);

  a = px_store_get_annotation (fx->store, id, NULL);
  g_assert_cmpint (px_annotation_get_entity_id (a), !=, 0);
  g_assert_cmpstr (px_annotation_get_entity_name (a), ==, "Kuleba");
  g_assert_true (px_editor_get_can_undo (fx->editor));
  g_assert_cmpstr (px_editor_get_undo_description (fx->editor), ==, "Tag “Kuleba” as PER");
  check_undo_redo (fx, before);
  /* The second "Kuleba" joins the first one's entity. */
  {
    g_autoptr(PxAnnotation) b = px_store_get_annotation (fx->store, tag (fx, fx->per, 61, 67), NULL);
    g_assert_cmpint (px_annotation_get_entity_id (b), ==, px_annotation_get_entity_id (a));
  }
}

static void
test_duplicate_refused (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  tag (fx, fx->per, 0, 6);
  before = dump (fx);
  g_assert_cmpint (px_editor_tag (fx->editor, fx->article_id, fx->per, 0, 6, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "already tagged PER"));
  g_autofree char *after = dump (fx);
  g_assert_cmpstr (before, ==, after);
  /* Another label on the same span is a stacked annotation, not a duplicate. */
  tag (fx, fx->org, 0, 6);
  /* Another coder's tag is theirs: the same span and label is no duplicate. */
  px_store_set_annotator (fx->store, "second coder");
  tag (fx, fx->per, 0, 6);
}

static void
test_trigger_makes_event (Fixture       *fx,
                          gconstpointer  data)
{
  g_autofree char *before = dump (fx);

  tag (fx, fx->meet, 21, 30);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM event"), ==, 1);
  check_undo_redo (fx, before);
}

static void
test_relabel_trigger_reports (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 kuleba = tag (fx, fx->per, 0, 6);
  gint64 lavrov = tag (fx, fx->per, 10, 16);
  gint64 antalya = tag (fx, fx->gpe, 33, 40);
  gint64 trigger = tag (fx, fx->meet, 21, 30);
  g_autoptr(PxEvent) event = NULL;
  g_autoptr(GListModel) events = px_store_list_events (fx->store, fx->article_id);
  gint64 event_id;

  event = g_list_model_get_item (events, 0);
  event_id = px_event_get_id (event);
  g_assert_true (px_editor_add_argument (fx->editor, event_id, "participant", kuleba, &error));
  g_assert_true (px_editor_add_argument (fx->editor, event_id, "Participant", lavrov, &error));
  g_assert_true (px_editor_add_argument (fx->editor, event_id, "Place", antalya, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM event_argument"), ==, 3);
  /* Roles are matched without regard to case, and stored as the type says. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM event_argument WHERE role = 'Participant'"), ==, 2);
  g_assert_false (px_editor_add_argument (fx->editor, event_id, "Victim", kuleba, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);

  /* Another event type keeps the arguments whose roles it has. */
  before = dump (fx);
  g_assert_true (px_editor_relabel (fx->editor, trigger, fx->statement, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM event e JOIN label l ON l.id = e.label_id"
                              " WHERE l.name = 'Statement'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM event_argument"), ==, 1);
  g_assert_cmpstr (px_editor_get_notice (fx->editor), ==,
                   "2 arguments have no role in Statement and were removed.");
  check_undo_redo (fx, before);
  g_assert_true (px_editor_undo (fx->editor, NULL, &error));

  /* An entity label removes the event, and says so. */
  g_free (before);
  before = dump (fx);
  g_assert_true (px_editor_relabel (fx->editor, trigger, fx->org, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM event"), ==, 0);
  g_assert_cmpstr (px_editor_get_notice (fx->editor), ==,
                   "Its Meet event and its 3 arguments were removed.");
  check_undo_redo (fx, before);
}

static void
test_delete_trigger_undo (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 kuleba = tag (fx, fx->per, 0, 6);
  gint64 trigger = tag (fx, fx->meet, 21, 30);
  g_autoptr(GListModel) events = px_store_list_events (fx->store, fx->article_id);
  g_autoptr(PxEvent) event = g_list_model_get_item (events, 0);

  g_assert_true (px_editor_add_argument (fx->editor, px_event_get_id (event), "Participant", kuleba, &error));
  before = dump (fx);
  g_assert_true (px_editor_delete (fx->editor, trigger, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM event_argument"), ==, 0);
  g_assert_nonnull (px_editor_get_notice (fx->editor));
  check_undo_redo (fx, before);
  /* Deleting an argument's mention takes it out of the event. */
  g_assert_true (px_editor_undo (fx->editor, NULL, &error));
  g_assert_true (px_editor_delete (fx->editor, kuleba, &error));
  g_assert_cmpstr (px_editor_get_notice (fx->editor), ==, "It was taken out of 1 event.");
}

static void
test_merge_three_one_step (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 ids[3];
  gint64 entities[3];

  ids[0] = tag (fx, fx->per, 0, 6);    /* Kuleba */
  ids[1] = tag (fx, fx->per, 47, 54);  /* Kouleba */
  ids[2] = tag (fx, fx->per, 10, 16);  /* Lavrov, for the sake of three */
  /* Kouleba is linked to Kuleba as a near spelling (issue 12); the coder
   * takes it apart, to merge it back below. */
  g_assert_cmpint (px_editor_link_new (fx->editor, ids[1], "Kouleba", &error), !=, 0);
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(PxAnnotation) a = px_store_get_annotation (fx->store, ids[i], NULL);
      entities[i] = px_annotation_get_entity_id (a);
    }
  g_assert_cmpint (count (fx, "SELECT count(*) FROM entity"), ==, 3);
  before = dump (fx);
  g_assert_true (px_editor_merge_entities (fx->editor, entities[0], entities + 1, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM entity"), ==, 1);
  g_assert_cmpstr (px_editor_get_undo_description (fx->editor), ==, "Merge 3 Entities into Kuleba");
  /* One Ctrl+Z brings back all three, with their own ids. */
  check_undo_redo (fx, before);
}

static void
test_entity_operations (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 a = tag (fx, fx->per, 0, 6);
  gint64 b = tag (fx, fx->per, 61, 67);
  g_autoptr(PxAnnotation) ann = px_store_get_annotation (fx->store, a, NULL);
  gint64 entity = px_annotation_get_entity_id (ann);
  gint64 split;

  before = dump (fx);
  g_assert_true (px_editor_rename_entity (fx->editor, entity, "Dmytro Kuleba", &error));
  g_assert_no_error (error);
  check_undo_redo (fx, before);

  g_free (before);
  before = dump (fx);
  split = px_editor_split_entity (fx->editor, entity, &b, 1, "Another Kuleba", &error);
  g_assert_no_error (error);
  g_assert_cmpint (split, >, 0);
  check_undo_redo (fx, before);

  g_free (before);
  before = dump (fx);
  g_assert_true (px_editor_delete_entity (fx->editor, entity, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (px_editor_get_notice (fx->editor), ==,
                   "Its 1 mention is no longer linked to an entity.");
  check_undo_redo (fx, before);

  g_free (before);
  before = dump (fx);
  g_assert_cmpint (px_editor_link_new (fx->editor, a, "D. Kuleba", &error), >, 0);
  g_assert_no_error (error);
  check_undo_redo (fx, before);

  g_free (before);
  before = dump (fx);
  g_assert_true (px_editor_link (fx->editor, a, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (px_editor_get_undo_description (fx->editor), ==, "Unlink “Kuleba”");
  check_undo_redo (fx, before);
}

static void
test_annotation_operations (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 a = tag (fx, fx->per, 0, 6);

  before = dump (fx);
  g_assert_true (px_editor_relabel (fx->editor, a, fx->org, &error));
  g_assert_no_error (error);
  /* Relinked under its new label: the PER entity is not an ORG. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM annotation n JOIN entity e ON e.id = n.entity_id"
                              " JOIN label l ON l.id = e.label_id WHERE l.name = 'ORG'"), ==, 1);
  check_undo_redo (fx, before);

  g_free (before);
  before = dump (fx);
  g_assert_true (px_editor_set_note (fx->editor, a, "check the spelling", &error));
  g_assert_no_error (error);
  check_undo_redo (fx, before);

  g_free (before);
  before = dump (fx);
  g_assert_true (px_editor_delete (fx->editor, a, &error));
  g_assert_no_error (error);
  check_undo_redo (fx, before);
}

static void
test_suggestions (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 a = tag (fx, fx->per, 0, 6);
  guint here = 0;
  int n;

  before = dump (fx);
  n = px_editor_suggest (fx->editor, a, FALSE, &here, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpuint (here, ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM annotation WHERE status = 'suggested'"), ==, 1);
  check_undo_redo (fx, before);

  g_free (before);
  before = dump (fx);
  g_assert_cmpint (px_editor_accept_all (fx->editor, fx->article_id, &error), ==, 1);
  g_assert_no_error (error);
  /* Accepted suggestions are linked like any tag. */
  g_assert_cmpint (count (fx, "SELECT count(DISTINCT entity_id) FROM annotation"), ==, 1);
  check_undo_redo (fx, before);

  g_assert_true (px_editor_undo (fx->editor, NULL, &error));
  g_free (before);
  before = dump (fx);
  g_assert_cmpint (px_editor_reject_all (fx->editor, fx->article_id, &error), ==, 1);
  check_undo_redo (fx, before);

  /* Tagging over a suggestion accepts it rather than stacking a copy. */
  g_assert_true (px_editor_undo (fx->editor, NULL, &error));
  tag (fx, fx->per, 61, 67);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM annotation"), ==, 2);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM annotation WHERE status = 'suggested'"), ==, 0);
}

static void
test_article_metadata (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fx);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_true (px_editor_set_article_field (fx->editor, fx->article_id, PX_ARTICLE_FIELD_TITLE,
                                              "Kuleba meets Lavrov in Antalya", &error));
  g_assert_no_error (error);
  check_undo_redo (fx, before);
  /* The title index follows the edit. */
  hits = px_store_search (fx->store, "meets", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  g_free (before);
  before = dump (fx);
  g_assert_true (px_editor_set_article_field (fx->editor, fx->article_id, PX_ARTICLE_FIELD_PUBLISHED,
                                              "2022-03-10", &error));
  g_assert_true (px_editor_set_article_field (fx->editor, fx->article_id, PX_ARTICLE_FIELD_SOURCE,
                                              "Le Monde", &error));
  g_assert_true (px_editor_set_article_story (fx->editor, fx->article_id, "Antalya talks", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM story_article"), ==, 1);
  for (int i = 0; i < 3; i++)
    g_assert_true (px_editor_undo (fx->editor, NULL, &error));
  {
    g_autofree char *undone = dump (fx);
    g_assert_cmpstr (undone, ==, before);
  }

  g_assert_false (px_editor_set_article_field (fx->editor, fx->article_id, PX_ARTICLE_FIELD_PUBLISHED,
                                               "10/03/2022", &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (px_editor_set_article_field (fx->editor, fx->article_id, PX_ARTICLE_FIELD_PUBLISHED,
                                               "2022-02-30", &error));
  g_clear_error (&error);
  g_assert_true (px_editor_check_date ("2022", NULL));
  g_assert_true (px_editor_check_date ("2022-03", NULL));
  g_assert_false (px_editor_check_date ("2022-13", NULL));
}

static void
test_group_is_one_step (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fx);

  g_assert_true (px_editor_begin_group (fx->editor, "Tag Two", &error));
  tag (fx, fx->per, 0, 6);
  tag (fx, fx->per, 10, 16);
  /* A failing call inside leaves the group's other work alone. */
  g_assert_cmpint (px_editor_tag (fx->editor, fx->article_id, fx->per, 0, 6, NULL, &error), ==, 0);
  g_clear_error (&error);
  g_assert_true (px_editor_end_group (fx->editor, &error));
  g_assert_cmpstr (px_editor_get_undo_description (fx->editor), ==, "Tag Two");
  check_undo_redo (fx, before);
  g_assert_true (px_editor_undo (fx->editor, NULL, &error));
  g_assert_false (px_editor_get_can_undo (fx->editor));

  /* A cancelled group leaves nothing. */
  g_assert_true (px_editor_begin_group (fx->editor, "Nothing", &error));
  tag (fx, fx->per, 0, 6);
  px_editor_cancel_group (fx->editor);
  {
    g_autofree char *after = dump (fx);
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_false (px_editor_get_can_undo (fx->editor));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *n)
{
  (*n)++;
}

static void
test_notify_on_change_only (Fixture       *fx,
                            gconstpointer  data)
{
  guint n_undo = 0, n_desc = 0;

  g_signal_connect (fx->editor, "notify::can-undo", G_CALLBACK (on_notify), &n_undo);
  g_signal_connect (fx->editor, "notify::undo-description", G_CALLBACK (on_notify), &n_desc);
  tag (fx, fx->per, 0, 6);
  g_assert_cmpuint (n_undo, ==, 1);
  g_assert_cmpuint (n_desc, ==, 1);
  tag (fx, fx->per, 10, 16);
  g_assert_cmpuint (n_undo, ==, 1);   /* still TRUE: no notify */
  g_assert_cmpuint (n_desc, ==, 2);
  /* A no-op (the same note again) is no step. */
  px_editor_set_note (fx->editor, 1, NULL, NULL);
  g_assert_cmpuint (n_desc, ==, 2);
}

/* Another program changes a row the step recorded: undo refuses, changes
 * nothing, and drops the step. */
static void
test_undo_after_other_writer (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;
  gint64 a = tag (fx, fx->per, 0, 6);
  g_autofree char *sql = g_strdup_printf ("UPDATE annotation SET note = 'theirs' WHERE id = %" G_GINT64_FORMAT, a);

  g_assert_true (px_editor_set_note (fx->editor, a, "mine", &error));
  g_assert_cmpint (sqlite3_open (fx->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  changed = dump (fx);
  g_assert_false (px_editor_undo (fx->editor, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "another program"));
  after = dump (fx);
  g_assert_cmpstr (after, ==, changed);
  /* The step below it (the tag) still undoes. */
  g_assert_cmpstr (px_editor_get_undo_description (fx->editor), ==, "Tag “Kuleba” as PER");
}

/* parallax-cli annotate and the app's tag link a mention the same way. */
static void
test_cli_links_like_app (Fixture       *fx,
                         gconstpointer  data)
{
  const char *cli = g_getenv ("PARALLAX_CLI");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *article = g_strdup_printf ("%" G_GINT64_FORMAT, fx->article_id);
  int status = 0;
  gint64 app_id, cli_id;
  g_autoptr(GError) error = NULL;

  if (cli == NULL)
    {
      g_test_skip ("PARALLAX_CLI is not set");
      return;
    }
  app_id = tag (fx, fx->per, 0, 6);
  {
    const char *argv[] = { cli, "--db", fx->path, "annotate", article, "61", "67", "per", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  cli_id = g_ascii_strtoll (out, NULL, 10);
  g_assert_cmpint (cli_id, >, 0);
  {
    g_autofree char *q = g_strdup_printf ("SELECT count(DISTINCT entity_id) FROM annotation"
                                          " WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")"
                                          " AND entity_id IS NOT NULL", app_id, cli_id);
    g_assert_cmpint (count (fx, q), ==, 1);
  }
  /* The same span and label again is refused with a clear message. */
  {
    const char *argv[] = { cli, "--db", fx->path, "annotate", article, "61", "67", "PER", NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "already tagged PER"));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM annotation"), ==, 2);
}

static void
test_codebook (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fx);
  gint64 witness, trigger, kuleba, event_id;

  witness = px_editor_add_label (fx->editor, "WITNESS", PX_LABEL_ENTITY, "#123456", "w",
                                 "Someone who saw it", &error);
  g_assert_no_error (error);
  g_assert_cmpint (witness, >, 0);
  check_undo_redo (fx, before);

  /* A key another label has, or that is no single letter or digit, is refused. */
  g_assert_false (px_editor_set_label_field (fx->editor, witness, PX_LABEL_FIELD_SHORTCUT, "1", &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "PER"));
  g_clear_error (&error);
  g_assert_false (px_editor_set_label_field (fx->editor, witness, PX_LABEL_FIELD_SHORTCUT, "Ctrl", &error));
  g_clear_error (&error);
  g_assert_false (px_editor_set_label_field (fx->editor, witness, PX_LABEL_FIELD_COLOUR, "blue", &error));
  g_clear_error (&error);
  g_assert_false (px_editor_set_label_field (fx->editor, witness, PX_LABEL_FIELD_NAME, "PER", &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_free (before);
  before = dump (fx);
  g_assert_true (px_editor_set_label_field (fx->editor, witness, PX_LABEL_FIELD_NAME, "WIT", &error));
  g_assert_true (px_editor_set_label_field (fx->editor, witness, PX_LABEL_FIELD_COLOUR, "#abcdef", &error));
  g_assert_true (px_editor_move_label (fx->editor, witness, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT id FROM label ORDER BY position LIMIT 1"), ==, witness);
  for (int i = 0; i < 3; i++)
    g_assert_true (px_editor_undo (fx->editor, NULL, &error));
  {
    g_autofree char *undone = dump (fx);
    g_assert_cmpstr (undone, ==, before);
  }

  /* Deleting a label in use takes its annotations, says so, and undoes
   * whole. */
  tag (fx, witness, 0, 6);
  tag (fx, witness, 10, 16);
  g_assert_cmpuint (px_store_count_label_uses (fx->store, witness), ==, 2);
  g_free (before);
  before = dump (fx);
  g_assert_true (px_editor_delete_label (fx->editor, witness, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (px_editor_get_notice (fx->editor), ==, "Its 2 annotations were deleted with it.");
  g_assert_cmpint (count (fx, "SELECT count(*) FROM annotation"), ==, 0);
  check_undo_redo (fx, before);

  /* An event type's role: removing it removes the arguments that had it. */
  trigger = tag (fx, fx->meet, 21, 30);
  kuleba = tag (fx, fx->per, 0, 6);
  {
    g_autoptr(GListModel) events = px_store_list_events (fx->store, fx->article_id);
    g_autoptr(PxEvent) event = g_list_model_get_item (events, 0);
    event_id = px_event_get_id (event);
  }
  g_assert_cmpint (trigger, >, 0);
  g_assert_true (px_editor_add_role (fx->editor, fx->meet, "Host", FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (px_editor_add_role (fx->editor, fx->meet, "host", FALSE, &error));
  g_clear_error (&error);
  g_assert_true (px_editor_add_argument (fx->editor, event_id, "Host", kuleba, &error));
  g_free (before);
  before = dump (fx);
  g_assert_true (px_editor_remove_role (fx->editor, fx->meet, "host", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM event_argument"), ==, 0);
  check_undo_redo (fx, before);
}

/* Document status is each coder's: set, read back per coder, exported,
 * undone. */
static void
test_article_status (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fx);

  px_store_set_annotator (fx->store, "alice");
  g_assert_true (px_editor_set_article_status (fx->editor, fx->article_id, "done", &error));
  px_store_set_annotator (fx->store, "bob");
  g_assert_true (px_editor_set_article_status (fx->editor, fx->article_id, "in_progress", &error));
  g_assert_no_error (error);
  g_assert_false (px_editor_set_article_status (fx->editor, fx->article_id, "finished", &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(PxArticle) a = px_store_get_article (fx->store, fx->article_id, &error);
    g_assert_cmpstr (px_article_get_status (a, "alice"), ==, "done");
    g_assert_cmpstr (px_article_get_status (a, "bob"), ==, "in_progress");
    g_assert_cmpstr (px_article_get_status (a, "carol"), ==, "new");
  }
  g_assert_cmpint (count (fx, "SELECT count(*) FROM article_status"), ==, 2);
  /* New again: no row is kept. */
  g_assert_true (px_editor_set_article_status (fx->editor, fx->article_id, "new", &error));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM article_status"), ==, 1);
  g_assert_cmpstr (px_editor_get_undo_description (fx->editor), ==, "Mark the Article New");
  for (int i = 0; i < 3; i++)
    g_assert_true (px_editor_undo (fx->editor, NULL, &error));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM article_status"), ==, 0);
  {
    g_autofree char *after = dump (fx);
    g_assert_cmpstr (after, ==, before);
  }
}

/* Runs the CLI on @db with the arguments, NULL-terminated; returns its exit
 * status, and its standard error in *@err (nullable). */
static int
cli (const char  *db,
     char       **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PARALLAX_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The code point offset of the @nth occurrence of @word in @text. */
static gsize
find_cp (const char *haystack,
         const char *word,
         guint       nth)
{
  const char *p = haystack;

  for (guint i = 0; i <= nth; i++)
    {
      p = strstr (i == 0 ? p : p + 1, word);
      g_assert_nonnull (p);
    }
  return (gsize) g_utf8_pointer_to_offset (haystack, p);
}

/* A coder's session on a real article from ../shared/corpus, as commands:
 * import, tag both spellings of the minister and Lavrov, relabel, delete,
 * link the near spelling by hand, then read the corpus file. */
static void
test_real_article_cli (Fixture       *fx,
                       gconstpointer  data)
{
  const char *shared = px_test_shared_dir ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *db = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GDir) corpus = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  char range[2][32];
  const char *words[] = { "Kuleba", "Kouleba", "Lavrov" };
  sqlite3 *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  if (shared == NULL || g_getenv ("PARALLAX_CLI") == NULL)
    {
      g_test_skip ("../shared or the CLI is absent");
      return;
    }
  dir = g_build_filename (shared, "corpus", NULL);
  corpus = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (corpus)) != NULL && !g_str_has_prefix (name, "000_"))
    ;
  g_assert_nonnull (name);
  path = g_build_filename (dir, name, NULL);
  tmp = px_test_tmpdir ();
  db = g_build_filename (tmp, "real.db", NULL);
  g_assert_cmpint (cli (db, NULL, "import", path, NULL), ==, 0);

  /* The stored text (normalised by the import) gives the offsets. */
  g_assert_cmpint (sqlite3_open_v2 (db, &sql, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (sql, "SELECT text FROM article", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  stored = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (sql);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize start = find_cp (stored, words[i], 0);

      g_snprintf (range[0], sizeof range[0], "%" G_GSIZE_FORMAT, start);
      g_snprintf (range[1], sizeof range[1], "%" G_GSIZE_FORMAT, start + g_utf8_strlen (words[i], -1));
      g_assert_cmpint (cli (db, NULL, "annotate", "1", range[0], range[1], "per", NULL), ==, 0);
    }
  /* The same span and label again is refused, and says why. */
  g_assert_cmpint (cli (db, &err, "annotate", "1", range[0], range[1], "PER", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already tagged PER (annotation 3)"));
  /* Lavrov as ORG, then back; Kouleba linked by hand to Kuleba's entity. */
  g_assert_cmpint (cli (db, NULL, "relabel", "3", "ORG", NULL), ==, 0);
  g_assert_cmpint (cli (db, NULL, "relabel", "3", "PER", NULL), ==, 0);
  g_assert_cmpint (cli (db, NULL, "link", "2", "1", NULL), ==, 0);
  g_assert_cmpint (cli (db, NULL, "delete", "3", NULL), ==, 0);

  /* The corpus file, read as another program would. */
  g_assert_cmpint (sqlite3_open_v2 (db, &sql, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (sql,
    "SELECT group_concat (n.text || ':' || l.name || ':' || e.name, '|') FROM"
    " (SELECT * FROM annotation ORDER BY id) n JOIN label l ON l.id = n.label_id"
    " LEFT JOIN entity e ON e.id = n.entity_id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Kuleba:PER:Kuleba|Kouleba:PER:Kuleba");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (sql, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (sql);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/editor/tag", test_tag_links_and_undoes);
  ADD ("/editor/duplicate", test_duplicate_refused);
  ADD ("/editor/trigger", test_trigger_makes_event);
  ADD ("/editor/relabel-trigger", test_relabel_trigger_reports);
  ADD ("/editor/delete-trigger", test_delete_trigger_undo);
  ADD ("/editor/merge-three", test_merge_three_one_step);
  ADD ("/editor/entities", test_entity_operations);
  ADD ("/editor/annotations", test_annotation_operations);
  ADD ("/editor/suggestions", test_suggestions);
  ADD ("/editor/metadata", test_article_metadata);
  ADD ("/editor/group", test_group_is_one_step);
  ADD ("/editor/notify", test_notify_on_change_only);
  ADD ("/editor/other-writer", test_undo_after_other_writer);
  ADD ("/editor/cli-links-like-app", test_cli_links_like_app);
  ADD ("/editor/codebook", test_codebook);
  ADD ("/editor/article-status", test_article_status);
  ADD ("/editor/real-article-cli", test_real_article_cli);
#undef ADD
  return g_test_run ();
}
