/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-interchange.c: round trips through a corpus. Import, export, read
 * the export back: the text-bound annotations (type, fragments, text), the
 * event structures (type, trigger span, role → argument span) and the kept
 * brat lines must be exactly the same. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "px-brat.h"
#include "px-brat-conf.h"
#include "px-error.h"
#include "px-interchange-store.h"
#include "px-jsonl.h"
#include "px-store-interchange.h"
#include "px-test-util.h"
#include "ix-test-sigs.h"

static PxStore *
new_store (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  PxStore *store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static char *
kept_sig (PxIxDocument *doc)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  for (guint i = 0; i < doc->kept_lines->len; i++)
    g_ptr_array_add (lines, doc->kept_lines->pdata[i]);
  g_ptr_array_sort (lines, ix_compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* Imports every document under @dir, exports the corpus, and compares each
 * exported document with its source. Returns the number of documents. */
static guint
brat_round_trip (const char *dir, guint *out_spans, guint *out_events)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = px_test_tmpdir ();
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;

  ix_collect_txt (dir, sources);
  report = px_brat_import_paths (store, paths, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->messages->len; i++)
    g_test_message ("import: %s", (char *) report->messages->pdata[i]);
  g_assert_cmpuint (report->n_failed, ==, 0);
  g_assert_cmpuint (report->n_imported, ==, sources->len);
  g_assert_true (px_brat_export_dir (store, out, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < sources->len; i++)
    {
      g_autoptr(PxIxDocument) src = px_brat_read_document (sources->pdata[i], 0, &error);
      g_autofree char *name = NULL, *path = NULL;
      g_autoptr(PxIxDocument) back = NULL;
      g_autofree char *a = NULL, *b = NULL, *ka = NULL, *kb = NULL;

      g_assert_no_error (error);
      name = g_strconcat (src->name, ".txt", NULL);
      path = g_build_filename (out, name, NULL);
      back = px_brat_read_document (path, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back->text, ==, src->text);
      a = ix_sig_document (src);
      b = ix_sig_document (back);
      g_assert_cmpstr (b, ==, a);
      ka = kept_sig (src);
      kb = kept_sig (back);
      g_assert_cmpstr (kb, ==, ka);
      *out_spans += src->spans->len;
      *out_events += src->events->len;
    }
  return sources->len;
}

static void
test_peer_corpora (void)
{
  const char *shared = px_test_shared_dir ();
  g_autofree char *root = shared != NULL ? g_build_filename (shared, "peer", "brat", NULL) : NULL;
  g_autoptr(GPtrArray) txts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/peer/brat is absent");
      return;
    }
  /* Every folder holding .txt files, wherever it sits under peer/brat, is
   * one collection and gets its own corpus. */
  ix_collect_txt (root, txts);
  for (guint i = 0; i < txts->len; i++)
    g_hash_table_add (dirs, g_path_get_dirname (txts->pdata[i]));
  g_hash_table_iter_init (&iter, dirs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint spans = 0, events = 0, docs = brat_round_trip (key, &spans, &events);

      g_test_message ("%s: %u documents, %u text-bound annotations, %u events: identical",
                      (char *) key, docs, spans, events);
      n++;
    }
  g_assert_cmpuint (n, >=, 2);
}

static void
test_own_cases (void)
{
  g_autofree char *dir = px_test_src_path ("data", "interchange", "brat", NULL);
  guint spans = 0, events = 0;

  g_assert_cmpuint (brat_round_trip (dir, &spans, &events), >=, 8);
  g_assert_cmpuint (events, >=, 1);
}

static gint64
import_own (PxStore *store, const char *name)
{
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = px_test_src_path ("data", "interchange", "brat", file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = px_brat_read_document (path, 0, &error);
  PxIxImportOptions options = { "brat", NULL };
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_true (px_interchange_import_document (store, doc, &options, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* What Parallax itself sees of a brat document: the hull of a discontinuous
 * span, the note, the event with its arguments, verbatim text. */
static void
test_store_view (void)
{
  g_autoptr(PxStore) store = new_store ();
  gint64 id = import_own (store, "overlap");
  gint64 crlf = import_own (store, "crlf");
  g_autoptr(GListModel) anns = px_store_list_annotations (store, id);
  g_autoptr(GListModel) events = px_store_list_events (store, id);
  g_autofree char *text = px_store_get_article_text (store, crlf, NULL);
  g_autoptr(PxEvent) event = NULL;
  gboolean saw_hull = FALSE, saw_note = FALSE;

  g_assert_nonnull (strstr (text, "\r\n"));
  g_assert_cmpuint (g_list_model_get_n_items (anns), ==, 9);
  for (guint i = 0; i < g_list_model_get_n_items (anns); i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (anns, i);

      if (g_str_equal (px_annotation_get_label_name (a), "PER") && px_annotation_get_start (a) == 0)
        saw_hull = px_annotation_get_end (a) == 39;
      if (g_strcmp0 (px_annotation_get_note (a), "the city, not the province") == 0)
        saw_note = TRUE;
    }
  g_assert_true (saw_hull);
  g_assert_true (saw_note);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  event = g_list_model_get_item (events, 0);
  g_assert_cmpstr (px_event_get_label_name (event), ==, "Meet");
  g_assert_cmpuint (px_event_get_n_arguments (event), ==, 4);
  /* Participant2 is a second Participant for Parallax */
  g_assert_cmpstr (px_event_get_argument (event, 1)->role, ==, "Participant");
}

static PxAnnotation *
find_annotation (PxStore *store, gint64 article, const char *label, gsize start)
{
  g_autoptr(GListModel) anns = px_store_list_annotations (store, article);

  for (guint i = 0; i < g_list_model_get_n_items (anns); i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (anns, i);

      if (g_str_equal (px_annotation_get_label_name (a), label) && px_annotation_get_start (a) == start)
        return g_steal_pointer (&a);
    }
  g_assert_not_reached ();
}

/* Edits made in Parallax after a brat import: a deleted span takes the
 * relation, the normalisation and the argument that pointed at it along
 * (a dangling id would make the .ann unreadable), a new span gets the next
 * free id, a new argument the next free role number; the export parses. */
static void
test_edit_then_export (void)
{
  g_autoptr(PxStore) store = new_store ();
  gint64 id = import_own (store, "overlap");
  g_autoptr(PxAnnotation) antalya = find_annotation (store, id, "GPE", 47);
  g_autoptr(PxAnnotation) misc = find_annotation (store, id, "MISC", 0);
  g_autoptr(GListModel) events = px_store_list_events (store, id);
  g_autoptr(PxEvent) meet = g_list_model_get_item (events, 0);
  g_autoptr(PxLabel) per = px_store_find_label (store, "PER");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = NULL;
  g_autoptr(PxIxDocument) back = NULL;
  g_autofree char *ann = NULL;
  gint64 added;

  g_assert_true (px_store_delete_annotation (store, px_annotation_get_id (antalya), &error));
  added = px_store_add_annotation (store, id, px_label_get_id (per), 30, 39, PX_ANNOTATION_ACCEPTED,
                                   NULL, &error);
  g_assert_cmpint (added, >, 0);
  g_assert_true (px_store_add_event_argument (store, px_event_get_id (meet), "Participant",
                                              px_annotation_get_id (misc), &error));
  g_assert_no_error (error);

  doc = px_interchange_load_document (store, id, &error);
  g_assert_no_error (error);
  ann = px_brat_format_ann (doc);
  g_assert_null (strstr (ann, "GPE 47 54"));
  g_assert_null (strstr (ann, "R1\t"));
  g_assert_null (strstr (ann, "N1\t"));
  g_assert_null (strstr (ann, "Place:"));
  g_assert_nonnull (strstr (ann, "T10\tPER 30 39\tministers\n"));
  g_assert_nonnull (strstr (ann, "E1\tMeet:T6 Participant:T3 Participant2:T4 Time:T8 Participant3:T5\n"));
  g_assert_nonnull (strstr (ann, "*\tEquiv T3 T5\n"));
  g_assert_nonnull (strstr (ann, "A1\tNegation E1\n"));
  back = px_ix_document_new ("overlap", "overlap.txt", doc->text);
  g_assert_true (px_brat_parse_ann (back, ann, strlen (ann), "overlap.ann", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (back->spans->len, ==, 9);
}

static void
test_duplicate_skipped (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autofree char *dir = px_test_src_path ("data", "interchange", "brat", NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) first = px_brat_import_paths (store, paths, NULL, &error);
  g_autoptr(PxIxReport) second = px_brat_import_paths (store, paths, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (second->n_imported, ==, 0);
  g_assert_cmpuint (second->n_duplicates, ==, first->n_imported);
  g_assert_cmpuint (px_store_count_articles (store), ==, first->n_imported);
}

/* annotation.conf: entity and event types with roles land in the schema. */
static void
test_conf_import (void)
{
  const char *shared = px_test_shared_dir ();
  g_autofree char *conf = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxLabel) binding = NULL;
  g_autoptr(PxLabel) protein = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  GPtrArray *roles;

  if (shared == NULL)
    {
      g_test_skip ("../shared is absent");
      return;
    }
  conf = g_build_filename (shared, "peer", "brat", "corpora", "BioNLP-ST_2011", "BioNLP-ST_2011_GE",
                           "annotation.conf", NULL);
  if (!g_file_test (conf, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the BioNLP annotation.conf is absent");
      return;
    }
  store = new_store ();
  g_assert_true (px_brat_import_conf (store, conf, &error));
  g_assert_no_error (error);
  protein = px_store_find_label (store, "Protein");
  binding = px_store_find_label (store, "Binding");
  g_assert_nonnull (protein);
  g_assert_cmpint (px_label_get_kind (protein), ==, PX_LABEL_ENTITY);
  g_assert_nonnull (binding);
  g_assert_cmpint (px_label_get_kind (binding), ==, PX_LABEL_EVENT);
  roles = px_label_get_roles (binding);
  g_assert_cmpuint (roles->len, ==, 2);
  g_assert_cmpstr (((PxRole *) roles->pdata[0])->name, ==, "Theme");
  g_assert_true (((PxRole *) roles->pdata[0])->repeatable);
  g_assert_cmpstr (((PxRole *) roles->pdata[0])->allowed, ==, "Protein");
  rels = px_store_ix_list_conf_lines (store, "relations", &error);
  g_assert_cmpuint (rels->len, ==, 1);
  g_assert_true (g_str_has_prefix (rels->pdata[0], "Equiv"));
}

static void
test_jsonl_round_trip (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *in = g_build_filename (dir, "in.jsonl", NULL);
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  const char *lines[] = {
    "{\"id\": 7, \"text\": \"Kuleba met Lavrov\\r\\nin Antalya \\ud83d\\ude00.\", "
    "\"label\": [[0, 6, \"PER\"], [11, 17, \"PER\"], [22, 29, \"GPE\"]], \"meta\": {\"outlet\": \"x\"}}",
    "{\"text\": \"e\\u0301te\\u0301 \\u05e9\\u05dc\\u05d5\\u05dd\", \"entities\": ["
    "{\"id\": 1, \"label\": \"MISC\", \"start_offset\": 0, \"end_offset\": 5},"
    "{\"id\": 2, \"label\": \"MISC\", \"start_offset\": 6, \"end_offset\": 10}],"
    "\"relations\": [{\"id\": 1, \"from_id\": 1, \"to_id\": 2, \"type\": \"near\"}]}",
  };
  g_autofree char *data = g_strjoin ("\n", lines[0], lines[1], "", NULL);
  const char *paths[] = { in, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;
  g_autofree char *written = NULL;
  g_auto(GStrv) back = NULL;

  g_assert_true (g_file_set_contents (in, data, -1, NULL));
  report = px_jsonl_import_paths (store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 2);
  g_assert_true (px_jsonl_export_file (store, out, PX_JSONL_RELATION_FORM, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  back = g_strsplit (written, "\n", -1);
  g_assert_cmpuint (g_strv_length (back), ==, 3);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PxIxDocument) a = px_jsonl_parse_line (lines[i], strlen (lines[i]), "in", 1, &error);
      g_autoptr(PxIxDocument) b = px_jsonl_parse_line (back[i], strlen (back[i]), "out", 1, &error);
      g_autofree char *sa = ix_sig_document (a);
      g_autofree char *sb = ix_sig_document (b);

      g_assert_no_error (error);
      g_assert_cmpstr (b->text, ==, a->text);
      g_assert_cmpstr (sb, ==, sa);
      g_assert_cmpuint (b->relations->len, ==, a->relations->len);
      g_assert_cmpstr (b->meta_json, ==, a->meta_json);
    }
}

static void
sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
sql_text (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *v = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static gint64
sql_int (const char *path, const char *sql)
{
  g_autofree char *v = sql_text (path, sql);

  g_assert_nonnull (v);
  return g_ascii_strtoll (v, NULL, 10);
}

/* The article's text, spans with their notes, and events, id-free. */
static char *
snapshot_article (PxStore *store, gint64 article)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = px_interchange_load_document (store, article, &error);
  g_autofree char *sig = NULL;
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  sig = ix_sig_document (doc);
  g_string_append_printf (s, "%s\n%s", doc->text, sig);
  for (guint i = 0; i < doc->spans->len; i++)
    g_string_append_printf (s, "note %s\n", ((PxIxSpan *) doc->spans->pdata[i])->note);
  return g_string_free (s, FALSE);
}

/* A corpus written before the interchange tables existed (schema 1) is
 * upgraded in place when opened: same file, same articles, annotations and
 * events, and brat documents import into it afterwards. */
static void
test_migrate_v1 (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *dir = px_test_src_path ("data", "interchange", "brat", NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxIxReport) report = NULL;
  g_autoptr(PxLabel) per = NULL, meet = NULL;
  PxArticleInfo info = { .title = (char *) "old", .text = (char *) "Kuleba met Lavrov in Antalya." };
  gint64 article, kuleba, met, event;
  guint n_annotations;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_no_error (error);
  per = px_store_find_label (store, "PER");
  meet = px_store_find_label (store, "Meet");
  article = px_store_add_article (store, &info, NULL, &error);
  kuleba = px_store_add_annotation (store, article, px_label_get_id (per), 0, 6,
                                    PX_ANNOTATION_ACCEPTED, "a note", &error);
  met = px_store_add_annotation (store, article, px_label_get_id (meet), 7, 10,
                                 PX_ANNOTATION_ACCEPTED, NULL, &error);
  event = px_store_add_event (store, article, px_label_get_id (meet), met, &error);
  g_assert_true (px_store_add_event_argument (store, event, "Participant", kuleba, &error));
  g_assert_no_error (error);
  before = snapshot_article (store, article);
  g_clear_object (&store);

  /* What schema 1 was: the same tables without the interchange ones. */
  sql_exec (db, "DROP TABLE ix_fragment; DROP TABLE ix_annotation_ref; DROP TABLE ix_event_ref;"
                "DROP TABLE ix_event_arg_event; DROP TABLE ix_arg_role; DROP TABLE ix_relation;"
                "DROP TABLE ix_kept_line; DROP TABLE ix_article_meta; DROP TABLE ix_conf_line;"
                "DROP TRIGGER article_fts_update;"
                "ALTER TABLE annotation DROP COLUMN value_source;"
                "ALTER TABLE annotation DROP COLUMN value;"
                "ALTER TABLE label DROP COLUMN value_type;"
                "DROP TABLE article_status;"
                "PRAGMA user_version = 1;");
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'ix_%'"), ==, 0);

  store = px_store_open (db, PX_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_schema_version (store), ==, PX_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (db, "PRAGMA user_version"), ==, PX_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
  n_annotations = px_store_count_annotations (store);
  g_assert_cmpuint (n_annotations, ==, 2);
  after = snapshot_article (store, article);
  g_assert_cmpstr (after, ==, before);

  report = px_brat_import_paths (store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_failed, ==, 0);
  g_assert_cmpuint (report->n_imported, >=, 8);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM ix_fragment"), >, 0);
  g_clear_object (&store);
  {
    g_autofree char *check = sql_text (db, "PRAGMA integrity_check");

    g_assert_cmpstr (check, ==, "ok");
  }
}

static int
run_cli (char **out, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("PARALLAX_CLI"));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  /* Its output is never let through: it would land in this test's TAP. */
  g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                out != NULL ? G_SPAWN_DEFAULT : G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, out, NULL,
                &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

/* The command-line forms: import --format brat, export in each format, and
 * plain `export --out DIR` still writing the CSV set. */
static void
test_cli_forms (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *own = px_test_src_path ("data", "interchange", "brat", NULL);
  const char *formats[] = { "brat", "jsonl", "conll", "csv" };
  const char *files[] = { "edges.ann", "corpus.jsonl", "corpus.conll", "annotations.csv" };
  g_autofree char *plain = g_build_filename (dir, "plain", NULL);
  g_autofree char *plain_csv = g_build_filename (plain, "annotations.csv", NULL);
  g_autofree char *out = NULL;

  if (g_getenv ("PARALLAX_CLI") == NULL)
    {
      g_test_skip ("PARALLAX_CLI is not set");
      return;
    }
  g_assert_cmpint (run_cli (&out, "--db", db, "import", "--format", "brat", own, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "brat: 8 articles imported"));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *to = g_build_filename (dir, formats[i], NULL);
      g_autofree char *file = g_build_filename (to, files[i], NULL);
      g_autofree char *o = NULL;

      g_assert_cmpint (run_cli (&o, "--db", db, "export", formats[i], "--out", to, NULL), ==, 0);
      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_cmpint (run_cli (NULL, "--db", db, "export", "--out", plain, NULL), ==, 0);
  g_assert_true (g_file_test (plain_csv, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--db", db, "import", "--format", "csv", plain, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "csv: 0 annotations imported"));
  g_assert_cmpint (run_cli (NULL, "--db", db, "export", "pdf", "--out", plain, NULL), ==, 1);
}

static void
test_guess_format (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *own = px_test_src_path ("data", "interchange", "brat", NULL);
  g_autofree char *own_txt = px_test_src_path ("data", "interchange", "brat", "edges.txt", NULL);
  g_autofree char *nested = g_build_filename (dir, "a", "b", NULL);
  g_autofree char *nested_ann = g_build_filename (nested, "d.ann", NULL);
  g_autofree char *csv_dir = g_build_filename (dir, "csv", NULL);
  g_autofree char *csv = g_build_filename (csv_dir, "annotations.csv", NULL);
  g_autofree char *plain_dir = g_build_filename (dir, "plain", NULL);
  g_autofree char *plain = g_build_filename (plain_dir, "article.txt", NULL);
  g_autofree char *nested_top = g_build_filename (dir, "a", NULL);

  g_assert_cmpint (g_mkdir_with_parents (nested, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (csv_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (plain_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (nested_ann, "", 0, NULL));
  g_assert_true (g_file_set_contents (csv, "article_id\n", -1, NULL));
  g_assert_true (g_file_set_contents (plain, "Un article.", -1, NULL));
  g_assert_cmpstr (px_interchange_guess_format (own), ==, "brat");
  g_assert_cmpstr (px_interchange_guess_format (own_txt), ==, "brat");
  g_assert_cmpstr (px_interchange_guess_format (nested_top), ==, "brat");
  g_assert_cmpstr (px_interchange_guess_format (csv_dir), ==, "csv");
  g_assert_cmpstr (px_interchange_guess_format (csv), ==, "csv");
  g_assert_cmpstr (px_interchange_guess_format ("x/corpus.JSONL"), ==, "jsonl");
  g_assert_null (px_interchange_guess_format (plain_dir));
  g_assert_null (px_interchange_guess_format (plain));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/interchange/brat/peer-corpora", test_peer_corpora);
  g_test_add_func ("/interchange/brat/own-cases", test_own_cases);
  g_test_add_func ("/interchange/brat/store-view", test_store_view);
  g_test_add_func ("/interchange/brat/duplicate-skipped", test_duplicate_skipped);
  g_test_add_func ("/interchange/brat/edit-then-export", test_edit_then_export);
  g_test_add_func ("/interchange/brat/conf-import", test_conf_import);
  g_test_add_func ("/interchange/jsonl/round-trip", test_jsonl_round_trip);
  g_test_add_func ("/interchange/store/migrate-v1", test_migrate_v1);
  g_test_add_func ("/interchange/cli/forms", test_cli_forms);
  g_test_add_func ("/interchange/guess-format", test_guess_format);
  return g_test_run ();
}
