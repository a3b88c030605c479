/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Values are not entities: DATE, NUM and QUOTE mentions carry a value
 * (computed, or the coder's), never an entity link; the schema 3 → 4
 * migration; annotations.csv's value columns and their re-import; the
 * parallax-cli value command; the event grid comparing values. */
#include <string.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "px-core.h"
#include "px-editor.h"
#include "px-csv-import.h"
#include "px-export.h"
#include "px-store-compare.h"
#include "px-event-grid.h"
#include "px-test-util.h"

static gint64
add_article (PxStore *store, const char *text, const char *published)
{
  g_autoptr(GError) error = NULL;
  PxArticleInfo info = { .title = (char *) "t", .text = (char *) text,
                         .published = (char *) published, .language = (char *) "fr" };
  gint64 id = px_store_add_article (store, &info, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
label_id (PxStore *store, const char *name)
{
  g_autoptr(PxLabel) label = px_store_find_label (store, name);

  g_assert_nonnull (label);
  return px_label_get_id (label);
}

/* Tags the first occurrence of @span in @text. */
static gint64
tag (PxEditor *editor, gint64 article, const char *text, const char *span, const char *label)
{
  g_autoptr(GError) error = NULL;
  const char *at = strstr (text, span);
  glong start, end;
  gint64 id;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  end = start + g_utf8_strlen (span, -1);
  id = px_editor_tag (editor, article, label_id (px_editor_get_store (editor), label),
                      (gsize) start, (gsize) end, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static PxAnnotation *
get (PxStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  PxAnnotation *a = px_store_get_annotation (store, id, &error);

  g_assert_no_error (error);
  return a;
}

static guint
n_entities (PxStore *store)
{
  g_autoptr(GListModel) list = px_store_list_entities (store);

  return g_list_model_get_n_items (list);
}

/* 26 February 2025 was a Wednesday. */
static const char text_a[] = "Kouleba a rencontré Lavrov jeudi à Antalya. Bilan : 2,1 à 2,2 millions de réfugiés.";

static void
test_tag_computes_value (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxEditor) editor = px_editor_new (store);
  gint64 art = add_article (store, text_a, "2025-02-26");
  gint64 date = tag (editor, art, text_a, "jeudi", "DATE");
  gint64 num = tag (editor, art, text_a, "2,1 à 2,2 millions", "NUM");
  gint64 per = tag (editor, art, text_a, "Kouleba", "PER");
  g_autoptr(PxAnnotation) d = get (store, date);
  g_autoptr(PxAnnotation) n = get (store, num);
  g_autoptr(PxAnnotation) p = get (store, per);

  g_assert_cmpstr (px_annotation_get_value_type (d), ==, "date");
  g_assert_cmpstr (px_annotation_get_value (d), ==, "2025-02-27");
  g_assert_cmpstr (px_annotation_get_value_source (d), ==, "computed");
  g_assert_cmpint (px_annotation_get_entity_id (d), ==, 0);
  g_assert_cmpstr (px_annotation_get_value (n), ==, "2100000/2200000");
  g_assert_cmpint (px_annotation_get_entity_id (n), ==, 0);
  g_assert_null (px_annotation_get_value_type (p));
  g_assert_null (px_annotation_get_value (p));
  g_assert_cmpint (px_annotation_get_entity_id (p), !=, 0);
  /* Only Kouleba is an entity. */
  g_assert_cmpuint (n_entities (store), ==, 1);

  /* A value mention links to no entity, by name or by id. */
  g_assert_false (px_editor_link_new (editor, date, "Thursday", &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (px_editor_link (editor, num, px_annotation_get_entity_id (p), &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (px_store_link_mention (store, date, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (n_entities (store), ==, 1);
}

static void
test_set_value_undo (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxEditor) editor = px_editor_new (store);
  gint64 art = add_article (store, text_a, "2025-02-26");
  gint64 date = tag (editor, art, text_a, "jeudi", "DATE");
  gint64 per = tag (editor, art, text_a, "Kouleba", "PER");
  PxEditTarget target = { 0 };

  g_assert_true (px_editor_set_value (editor, date, "2025-02-20", &error));
  g_assert_no_error (error);
  {
    g_autoptr(PxAnnotation) d = get (store, date);
    g_assert_cmpstr (px_annotation_get_value (d), ==, "2025-02-20");
    g_assert_cmpstr (px_annotation_get_value_source (d), ==, "coder");
  }
  g_assert_nonnull (strstr (px_editor_get_undo_description (editor), "jeudi"));
  g_assert_true (px_editor_undo (editor, &target, &error));
  g_assert_no_error (error);
  g_assert_cmpint (target.annotation_id, ==, date);
  {
    g_autoptr(PxAnnotation) d = get (store, date);
    g_assert_cmpstr (px_annotation_get_value (d), ==, "2025-02-27");
    g_assert_cmpstr (px_annotation_get_value_source (d), ==, "computed");
  }
  g_assert_true (px_editor_redo (editor, NULL, &error));
  {
    g_autoptr(PxAnnotation) d = get (store, date);
    g_assert_cmpstr (px_annotation_get_value_source (d), ==, "coder");
  }
  /* "" gives the value back to the computation. */
  g_assert_true (px_editor_set_value (editor, date, "", &error));
  {
    g_autoptr(PxAnnotation) d = get (store, date);
    g_assert_cmpstr (px_annotation_get_value (d), ==, "2025-02-27");
    g_assert_cmpstr (px_annotation_get_value_source (d), ==, "computed");
  }
  /* Not a date; not a value mention. */
  g_assert_false (px_editor_set_value (editor, date, "next week", &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025-02-27"));
  g_clear_error (&error);
  g_assert_false (px_editor_set_value (editor, per, "x", &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  /* Relabelled to NUM, a coder's date gives way to the number read. */
  g_assert_true (px_editor_set_value (editor, date, "2025-02-20", &error));
  g_assert_true (px_editor_relabel (editor, date, label_id (store, "NUM"), &error));
  g_assert_no_error (error);
  {
    g_autoptr(PxAnnotation) d = get (store, date);
    g_assert_cmpstr (px_annotation_get_value_type (d), ==, "number");
    g_assert_null (px_annotation_get_value (d));
    g_assert_cmpint (px_annotation_get_entity_id (d), ==, 0);
  }
  /* And relabelled to PER, it is an entity mention with no value. */
  g_assert_true (px_editor_relabel (editor, date, label_id (store, "PER"), &error));
  {
    g_autoptr(PxAnnotation) d = get (store, date);
    g_assert_null (px_annotation_get_value (d));
    g_assert_null (px_annotation_get_value_source (d));
    g_assert_cmpint (px_annotation_get_entity_id (d), !=, 0);
  }
}

static void
sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (db);
}

static char *
sql_text (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return out;
}

/* A schema 3 corpus linked its dates to entities ("jeudi" became one):
 * opening it upgrades it, unlinks them and drops those entities. */
static void
test_migrate_v3 (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  gint64 art = add_article (store, text_a, "2025-02-26");
  gint64 date = px_store_add_annotation (store, art, label_id (store, "DATE"), 27, 32,
                                         PX_ANNOTATION_ACCEPTED, NULL, &error);
  gint64 per = px_store_add_annotation (store, art, label_id (store, "PER"), 0, 7,
                                        PX_ANNOTATION_ACCEPTED, NULL, &error);
  gint64 jeudi = px_store_add_entity (store, "jeudi", label_id (store, "DATE"), &error);
  g_autofree char *type = NULL, *linked = NULL, *ents = NULL, *version = NULL;

  g_assert_no_error (error);
  g_assert_true (px_store_set_annotation_entity (store, date, jeudi, &error));
  g_assert_cmpint (px_store_link_mention (store, per, &error), >, 0);
  g_clear_object (&store);
  /* What schema 3 was. */
  sql_exec (db, "ALTER TABLE annotation DROP COLUMN value_source;"
                "ALTER TABLE annotation DROP COLUMN value;"
                "ALTER TABLE label DROP COLUMN value_type;"
                "DROP TABLE article_status;"
                "PRAGMA user_version = 3;");

  store = px_store_open (db, PX_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_schema_version (store), ==, PX_STORE_SCHEMA_VERSION);
  type = sql_text (db, "SELECT group_concat(name || '=' || value_type, ' ') FROM "
                       "(SELECT name, value_type FROM label WHERE value_type IS NOT NULL ORDER BY name)");
  g_assert_cmpstr (type, ==, "DATE=date NUM=number QUOTE=quote");
  linked = sql_text (db, "SELECT count(*) FROM annotation WHERE entity_id IS NOT NULL");
  g_assert_cmpstr (linked, ==, "1");
  ents = sql_text (db, "SELECT group_concat(name) FROM entity");
  g_assert_cmpstr (ents, ==, "Kouleba");
  g_assert_cmpuint (n_entities (store), ==, 1);
  {
    g_autoptr(PxAnnotation) d = get (store, date);
    g_assert_cmpint (px_annotation_get_entity_id (d), ==, 0);
    g_assert_cmpstr (px_annotation_get_value_type (d), ==, "date");
  }
}

/* A DATE label made again (deleted, then imported) holds values too. */
static void
test_label_made_again (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_NO_SEED, &error);
  gint64 id = px_store_add_label (store, "NUM", PX_LABEL_ENTITY, NULL, NULL, NULL, &error);
  gint64 art = add_article (store, "trois blessés", NULL);
  gint64 ann;

  g_assert_no_error (error);
  {
    g_autoptr(PxEditor) editor = px_editor_new (store);
    ann = px_editor_tag (editor, art, id, 0, 5, NULL, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(PxAnnotation) a = get (store, ann);
    g_assert_cmpstr (px_annotation_get_value_type (a), ==, "number");
    g_assert_cmpstr (px_annotation_get_value (a), ==, "3");
  }
}

static char *
read_all (const char *path)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

/* annotations.csv carries value and value_source, and reads back. */
static void
test_csv_columns (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *db2 = px_test_db_path ();
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *csv_path = g_build_filename (dir, "annotations.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxEditor) editor = px_editor_new (store);
  g_autoptr(GFile) out = g_file_new_for_path (dir);
  gint64 art = add_article (store, text_a, "2025-02-26");
  gint64 date = tag (editor, art, text_a, "jeudi", "DATE");
  g_autoptr(PxStore) copy = NULL;
  g_autoptr(PxIxReport) report = NULL;
  const char *paths[] = { csv_path, NULL };
  g_autofree char *values = NULL;

  tag (editor, art, text_a, "2,1 à 2,2 millions", "NUM");
  g_assert_true (px_editor_set_value (editor, date, "--02-27", &error));
  g_assert_true (px_export_csv_dir (store, out, PX_EXPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  data = read_all (csv_path);
  g_assert_nonnull (strstr (data, ",note,value,value_source\r\n"));
  /* Data, not formulas: no apostrophe in front. */
  g_assert_nonnull (strstr (data, ",--02-27,coder\r\n"));
  g_assert_nonnull (strstr (data, ",2100000/2200000,computed\r\n"));

  /* Into a corpus holding the same article. */
  copy = px_store_open (db2, PX_STORE_OPEN_DEFAULT, &error);
  add_article (copy, text_a, "2025-02-26");
  report = px_csv_import_paths (copy, paths, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&copy);
  values = sql_text (db2, "SELECT group_concat(value || ':' || value_source, ' ') FROM "
                          "(SELECT value, value_source FROM annotation ORDER BY start)");
  g_assert_cmpstr (values, ==, "--02-27:coder 2100000/2200000:computed");
  px_test_rm_rf (dir);
}

static int
run_cli (char **out, char **err, const char *db, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PARALLAX_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (ap, db);
  for (const char *a = va_arg (ap, const char *); a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
}

static void
test_cli_value (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxEditor) editor = px_editor_new (store);
  gint64 art = add_article (store, text_a, "2025-02-26");
  gint64 num = tag (editor, art, text_a, "2,1 à 2,2 millions", "NUM");
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, num);
  g_autofree char *o1 = NULL, *e1 = NULL, *o2 = NULL, *e2 = NULL, *o3 = NULL, *e3 = NULL;
  g_autofree char *value = NULL, *added = NULL;

  g_clear_object (&editor);
  g_clear_object (&store);
  g_assert_cmpint (run_cli (&o1, &e1, db, "value", id, "~2150000", NULL), ==, 0);
  value = sql_text (db, "SELECT value || ':' || value_source FROM annotation");
  g_assert_cmpstr (value, ==, "~2150000:coder");
  g_assert_cmpint (run_cli (&o2, &e2, db, "value", id, "beaucoup", NULL), ==, 1);
  g_assert_nonnull (strstr (e2, "not a number value"));
  g_assert_cmpint (run_cli (&o3, &e3, db, "annotate", "1", "27", "32", "DATE", "--value", "2025-W09", NULL), ==, 0);
  added = sql_text (db, "SELECT value || ':' || value_source FROM annotation WHERE start = 27");
  g_assert_cmpstr (added, ==, "2025-W09:coder");
  {
    g_autofree char *o4 = NULL, *e4 = NULL;

    g_assert_cmpint (run_cli (&o4, &e4, db, "show", "1", NULL), ==, 0);
    g_assert_nonnull (strstr (o4, "\tjeudi\t= 2025-W09 (coder)\n"));
    g_assert_nonnull (strstr (o4, "\t= ~2150000 (coder)\n"));
  }
}

/* The grid reads values, not entity ids: "jeudi" in a paper of Wednesday
 * 26 February 2025 and "jeudi 27 février" are the same day. Before
 * schema 4 both were linked to entities and flagged as a conflict. */
static void
test_grid_compares_values (void)
{
  static const char text_b[] = "Les ministres se sont vus jeudi 27 février à Antalya.";
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxEditor) editor = px_editor_new (store);
  gint64 a = add_article (store, text_a, "2025-02-26");
  gint64 b = add_article (store, text_b, "2025-02-27");
  gint64 ids[2] = { a, b };
  gint64 ea, eb;
  g_autoptr(PxCompareInput) in = NULL;
  g_autoptr(PxEventGrid) grid = NULL;
  PxEventGridRow *time = NULL;

  /* Tagging a trigger makes its event. */
  tag (editor, a, text_a, "rencontré", "Meet");
  tag (editor, b, text_b, "vus", "Meet");
  {
    g_autoptr(PxEvent) e1 = NULL;
    g_autoptr(GListModel) l1 = px_store_list_events (store, a);
    g_autoptr(GListModel) l2 = px_store_list_events (store, b);
    e1 = g_list_model_get_item (l1, 0);
    ea = px_event_get_id (e1);
    g_clear_object (&e1);
    e1 = g_list_model_get_item (l2, 0);
    eb = px_event_get_id (e1);
  }
  g_assert_true (px_editor_add_argument (editor, ea, "Time", tag (editor, a, text_a, "jeudi", "DATE"), &error));
  g_assert_true (px_editor_add_argument (editor, eb, "Time", tag (editor, b, text_b, "jeudi 27 février", "DATE"), &error));
  g_assert_no_error (error);
  in = px_compare_input_load (store, ids, 2, &error);
  g_assert_no_error (error);
  grid = px_event_grid_compute (in);
  g_assert_cmpuint (grid->events->len, ==, 1);
  for (guint i = 0; i < ((PxEventGridEvent *) grid->events->pdata[0])->rows->len; i++)
    {
      PxEventGridRow *row = ((PxEventGridEvent *) grid->events->pdata[0])->rows->pdata[i];
      if (g_str_equal (row->role, "Time"))
        time = row;
    }
  g_assert_nonnull (time);
  g_assert_cmpstr (time->normalised[0], ==, "2025-02-27");
  g_assert_cmpstr (time->normalised[1], ==, "2025-02-27");
  g_assert_false (time->conflict);
  g_assert_cmpuint (grid->n_conflicts, ==, 0);
}

/* Publication dates: an undated article reads "jeudi" against the date
 * its text gives ("Ce mercredi 26 février"); setting the date by hand
 * computes the values again, in the same undo step; a coder's value stays. */
static void
test_published_drives_values (void)
{
  static const char text[] = "Ce mercredi 26 février, Lavrov est arrivé ; il verra Kouleba jeudi, "
                             "une semaine après le 18 février, et un mois après janvier 2025.";
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxEditor) editor = px_editor_new (store);
  gint64 art = add_article (store, text, NULL);
  gint64 jeudi = tag (editor, art, text, "jeudi", "DATE");
  gint64 feb18 = tag (editor, art, text, "le 18 février", "DATE");

  {
    g_autoptr(PxAnnotation) j = get (store, jeudi);
    g_autoptr(PxAnnotation) f = get (store, feb18);
    g_autofree char *how = px_editor_describe_value (editor, j);
    g_assert_cmpstr (px_annotation_get_value (j), ==, "2025-02-27");
    g_assert_cmpstr (px_annotation_get_value (f), ==, "2025-02-18");
    g_assert_cmpstr (how, ==, "Read as 2025-02-27, from “jeudi” and the publication date 2025-02-26 "
                              "(inferred from the text)");
  }
  g_assert_true (px_editor_set_value (editor, feb18, "2025-02-17", &error));
  g_assert_true (px_editor_set_article_field (editor, art, PX_ARTICLE_FIELD_PUBLISHED, "2025-03-05", &error));
  g_assert_no_error (error);
  {
    g_autoptr(PxAnnotation) j = get (store, jeudi);
    g_autoptr(PxAnnotation) f = get (store, feb18);
    g_assert_cmpstr (px_annotation_get_value (j), ==, "2025-03-06");
    g_assert_cmpstr (px_annotation_get_value (f), ==, "2025-02-17");
  }
  g_assert_true (px_editor_undo (editor, NULL, &error));
  {
    g_autoptr(PxAnnotation) j = get (store, jeudi);
    g_assert_cmpstr (px_annotation_get_value (j), ==, "2025-02-27");
  }
}

/* A QUOTE carries its speaker: the Speaker of the Statement whose
 * Content it is, unless the coder says otherwise. */
static void
test_quote_speaker (void)
{
  static const char text[] = "« Nous ferons tout », a déclaré Kouleba.";
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxEditor) editor = px_editor_new (store);
  gint64 art = add_article (store, text, "2025-02-26");
  gint64 quote = tag (editor, art, text, "Nous ferons tout", "QUOTE");
  gint64 per = tag (editor, art, text, "Kouleba", "PER");
  gint64 event;

  tag (editor, art, text, "déclaré", "Statement");
  {
    g_autoptr(GListModel) events = px_store_list_events (store, art);
    g_autoptr(PxEvent) e = g_list_model_get_item (events, 0);
    event = px_event_get_id (e);
  }
  {
    g_autoptr(PxAnnotation) q = get (store, quote);
    g_assert_cmpstr (px_annotation_get_value_type (q), ==, "quote");
    g_assert_null (px_annotation_get_value (q));
    g_assert_cmpint (px_annotation_get_entity_id (q), ==, 0);
  }
  g_assert_true (px_editor_add_argument (editor, event, "Content", quote, &error));
  g_assert_true (px_editor_add_argument (editor, event, "Speaker", per, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PxAnnotation) q = get (store, quote);
    g_assert_cmpstr (px_annotation_get_value (q), ==, "Kouleba");
    g_assert_cmpstr (px_annotation_get_value_source (q), ==, "computed");
  }
  g_assert_true (px_editor_remove_argument (editor, event, "Speaker", per, &error));
  {
    g_autoptr(PxAnnotation) q = get (store, quote);
    g_assert_null (px_annotation_get_value (q));
  }
  g_assert_true (px_editor_undo (editor, NULL, &error));
  {
    g_autoptr(PxAnnotation) q = get (store, quote);
    g_assert_cmpstr (px_annotation_get_value (q), ==, "Kouleba");
  }
  /* The coder's word stands. */
  g_assert_true (px_editor_set_value (editor, quote, "Dmytro Kuleba", &error));
  g_assert_true (px_editor_remove_argument (editor, event, "Speaker", per, &error));
  {
    g_autoptr(PxAnnotation) q = get (store, quote);
    g_assert_cmpstr (px_annotation_get_value (q), ==, "Dmytro Kuleba");
    g_assert_cmpstr (px_annotation_get_value_source (q), ==, "coder");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/values/tag-computes-value", test_tag_computes_value);
  g_test_add_func ("/values/set-value-undo", test_set_value_undo);
  g_test_add_func ("/values/migrate-v3", test_migrate_v3);
  g_test_add_func ("/values/label-made-again", test_label_made_again);
  g_test_add_func ("/values/csv-columns", test_csv_columns);
  g_test_add_func ("/values/cli-value", test_cli_value);
  g_test_add_func ("/values/grid-compares-values", test_grid_compares_values);
  g_test_add_func ("/values/published-drives-values", test_published_drives_values);
  g_test_add_func ("/values/quote-speaker", test_quote_speaker);
  return g_test_run ();
}
