/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the corpus store — schema, seed, CRUD, transactions,
 * signals, list models, search, export rows, migrations. */
#include <sqlite3.h>
#include <string.h>

#include "px-store.h"
#include "px-store-private.h"
#include "px-error.h"
#include "px-test-util.h"

/* Accents, an emoji outside the BMP and a combining-free é: code point
 * offsets differ from bytes and from UTF-16 units in this text. */
static const char sample_text[] =
  "Dmytro Kouléba a rencontré Sergueï Lavrov à Antalya 🇹🇷 le 10 mars.\n"
  "Aucun accord n'a été trouvé, a dit Kouléba.";

static PxStore *
new_store (void)
{
  g_autofree char *path = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  PxStore *store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
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
  info.source = (char *) "example.org";
  info.published = (char *) "2022-03-10";
  info.language = (char *) "fr";
  info.text = (char *) text;
  id = px_store_add_article (store, &info, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
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
label_id (PxStore    *store,
          const char *name)
{
  g_autoptr(PxLabel) label = px_store_find_label (store, name);

  g_assert_nonnull (label);
  return px_label_get_id (label);
}

/* Index of the first occurrence of @needle in @text, in code points. */
static gsize
cp_index (const char *text,
          const char *needle)
{
  const char *hit = strstr (text, needle);

  g_assert_nonnull (hit);
  return (gsize) g_utf8_pointer_to_offset (text, hit);
}

static gint64
annotate (PxStore    *store,
          gint64      article,
          const char *label,
          const char *needle)
{
  g_autoptr(GError) error = NULL;
  gsize start = cp_index (sample_text, needle);
  gint64 id = px_store_add_annotation (store, article, label_id (store, label), start,
                                       start + (gsize) g_utf8_strlen (needle, -1),
                                       PX_ANNOTATION_ACCEPTED, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ---- Opening and schema ------------------------------------------------ */

static void
test_open_create_reopen (void)
{
  g_autofree char *path = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpstr (px_store_get_path (store), ==, path);
  g_assert_false (px_store_is_read_only (store));
  g_assert_cmpint (px_store_get_schema_version (store), ==, PX_STORE_SCHEMA_VERSION);
  id = add_article (store, "Antalya", sample_text);
  g_clear_object (&store);

  store = px_store_open (path, PX_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
  {
    g_autofree char *text = px_store_get_article_text (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (text, ==, sample_text);
  }
  /* Reopening does not seed a second time. */
  {
    g_autoptr(GListModel) labels = px_store_list_labels (store);
    g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 16);
  }
}

static void
test_open_no_create (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (path, PX_STORE_OPEN_NO_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_default_path (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *env_path = g_build_filename (dir, "env.db", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("PARALLAX_DB"));
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;

  g_setenv ("PARALLAX_DB", env_path, TRUE);
  from_env = px_store_default_path ();
  g_assert_cmpstr (from_env, ==, env_path);
  g_unsetenv ("PARALLAX_DB");
  fallback = px_store_default_path ();
  g_assert_true (g_str_has_suffix (fallback, G_DIR_SEPARATOR_S "parallax" G_DIR_SEPARATOR_S "corpus.db"));
  g_assert_true (g_str_has_prefix (fallback, g_get_user_data_dir ()));
  if (saved != NULL)
    g_setenv ("PARALLAX_DB", saved, TRUE);
}

static char *
pragma_text (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_pragmas_and_schema (void)
{
  g_autoptr(PxStore) store = new_store ();
  const char *path = px_store_get_path (store);
  g_autofree char *mode = pragma_text (path, "PRAGMA journal_mode");
  g_autofree char *version = pragma_text (path, "PRAGMA user_version");
  const char *tables[] = { "article", "story", "story_article", "label", "label_role",
                           "annotation", "entity", "event", "event_argument",
                           "story_event", "annotator", "article_fts" };

  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (atoi (version), ==, PX_STORE_SCHEMA_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM sqlite_master WHERE name = '%s'", tables[i]);
      g_autofree char *name = pragma_text (path, sql);
      g_assert_cmpstr (name, ==, tables[i]);
    }
}

/* A v0 file (an empty SQLite database, user_version 0) is migrated. */
static void
test_migrate_empty (void)
{
  g_autofree char *path = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autofree char *version = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 0; VACUUM", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  store = px_store_open (path, PX_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_schema_version (store), ==, PX_STORE_SCHEMA_VERSION);
  version = pragma_text (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, PX_STORE_SCHEMA_VERSION);
  {
    g_autoptr(PxLabel) per = px_store_find_label (store, "PER");
    g_assert_nonnull (per);
  }
}

static void
test_no_seed (void)
{
  g_autofree char *path = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (path, PX_STORE_OPEN_NO_SEED, &error);
  g_autoptr(GListModel) labels = NULL;

  g_assert_no_error (error);
  labels = px_store_list_labels (store);
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 0);
}

/* ---- Labels ------------------------------------------------------------ */

static void
test_seed_labels (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GListModel) labels = px_store_list_labels (store);
  g_autoptr(GHashTable) colours = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) shortcuts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *entities[] = { "PER", "ORG", "GPE", "LOC", "DATE", "NUM", "QUOTE", "MISC" };
  const char *events[] = { "Meet", "Statement", "Attack", "Die", "Injure", "Transport",
                           "Agreement", "Sanction" };
  g_autoptr(PxLabel) meet = NULL;
  g_autoptr(PxLabel) agreement = NULL;
  GPtrArray *roles;

  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 16);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (labels, i);
      const char *colour = px_label_get_colour (label);

      /* By position: the eight entity labels first, in the seed order. */
      if (i < 8)
        {
          g_autofree char *key = g_strdup_printf ("%u", i + 1);
          g_assert_cmpstr (px_label_get_name (label), ==, entities[i]);
          g_assert_cmpint (px_label_get_kind (label), ==, PX_LABEL_ENTITY);
          g_assert_cmpstr (px_label_get_shortcut (label), ==, key);
        }
      else
        {
          g_assert_cmpstr (px_label_get_name (label), ==, events[i - 8]);
          g_assert_cmpint (px_label_get_kind (label), ==, PX_LABEL_EVENT);
          g_assert_nonnull (px_label_get_roles (label));
          g_assert_cmpuint (px_label_get_roles (label)->len, >=, 3);
        }
      g_assert_true (colour[0] == '#' && strlen (colour) == 7);
      g_assert_false (g_hash_table_contains (colours, colour));
      g_hash_table_add (colours, (gpointer) colour);
      g_assert_false (g_hash_table_contains (shortcuts, px_label_get_shortcut (label)));
      g_hash_table_add (shortcuts, (gpointer) px_label_get_shortcut (label));
    }

  meet = px_store_find_label (store, "Meet");
  roles = px_label_get_roles (meet);
  g_assert_cmpuint (roles->len, ==, 4);
  g_assert_cmpstr (((PxRole *) roles->pdata[0])->name, ==, "Participant");
  g_assert_true (((PxRole *) roles->pdata[0])->repeatable);
  g_assert_cmpstr (((PxRole *) roles->pdata[1])->name, ==, "Place");
  g_assert_false (((PxRole *) roles->pdata[1])->repeatable);
  agreement = px_store_find_label (store, "Agreement");
  roles = px_label_get_roles (agreement);
  g_assert_cmpstr (((PxRole *) roles->pdata[0])->name, ==, "Party");
  g_assert_true (((PxRole *) roles->pdata[0])->repeatable);
  g_assert_null (px_store_find_label (store, "per"));
}

static void
test_add_label (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxLabel) label = NULL;
  g_autoptr(PxRole) role = px_role_new ("Buyer", TRUE, "PER,ORG");
  gint64 id = px_store_add_label (store, "Trade", PX_LABEL_EVENT, NULL, "r", "A sale", &error);

  g_assert_no_error (error);
  g_assert_true (px_store_add_label_role (store, id, role, &error));
  g_assert_no_error (error);
  label = px_store_get_label (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_label_get_name (label), ==, "Trade");
  g_assert_cmpstr (px_label_get_description (label), ==, "A sale");
  g_assert_true (px_label_get_colour (label)[0] == '#');
  g_assert_cmpuint (px_label_get_roles (label)->len, ==, 1);
  g_assert_cmpstr (((PxRole *) px_label_get_roles (label)->pdata[0])->allowed, ==, "PER,ORG");

  g_assert_cmpint (px_store_add_label (store, "Trade", PX_LABEL_EVENT, NULL, NULL, NULL, &error), ==, 0);
  g_assert_nonnull (error);
}

/* ---- Articles and stories --------------------------------------------- */

static void
test_articles (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxArticle) article = NULL;
  PxArticleInfo info = { 0 };
  gint64 existing = -1;
  gint64 id = add_article (store, "Antalya", sample_text);

  article = px_store_get_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_article_get_title (article), ==, "Antalya");
  g_assert_cmpstr (px_article_get_source (article), ==, "example.org");
  g_assert_cmpstr (px_article_get_published (article), ==, "2022-03-10");
  g_assert_cmpstr (px_article_get_language (article), ==, "fr");
  g_assert_cmpstr (px_article_get_text (article), ==, sample_text);
  g_assert_cmpuint (px_article_get_n_chars (article), ==, g_utf8_strlen (sample_text, -1));
  g_assert_cmpuint (strlen (px_article_get_sha256 (article)), ==, 64);
  g_assert_nonnull (px_article_get_imported_at (article));
  g_assert_cmpint (px_article_get_story_id (article), ==, 0);

  /* The same text again is a duplicate, whatever the title. */
  info.title = (char *) "Another title";
  info.text = (char *) sample_text;
  g_assert_cmpint (px_store_add_article (store, &info, &existing, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_DUPLICATE);
  g_assert_cmpint (existing, ==, id);
  g_clear_error (&error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);

  /* Missing article. */
  g_assert_null (px_store_get_article (store, id + 100, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (px_store_delete_article (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 0);
}

static void
test_article_with_story (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxArticle) article = NULL;
  PxArticleInfo info = { 0 };
  gint64 id;

  info.title = (char *) "With a story";
  info.text = (char *) "Un texte court.";
  info.story = (char *) "Antalya talks";
  id = px_store_add_article (store, &info, NULL, &error);
  g_assert_no_error (error);
  article = px_store_get_article (store, id, &error);
  g_assert_cmpstr (px_article_get_story_name (article), ==, "Antalya talks");
  g_assert_cmpint (px_article_get_story_id (article), ==,
                   px_store_ensure_story (store, "Antalya talks", &error));
}

static void
test_stories (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) stories = px_store_list_stories (store);
  g_autoptr(GListModel) in_story = NULL;
  g_autoptr(GListModel) unassigned = NULL;
  g_autoptr(PxStory) story = NULL;
  gint64 a1 = add_article (store, "One", "Premier texte.");
  gint64 a2 = add_article (store, "Two", "Second texte.");
  gint64 s1 = px_store_add_story (store, "Bucha", &error);
  gint64 s2;

  g_assert_no_error (error);
  g_assert_cmpint (px_store_ensure_story (store, "Bucha", &error), ==, s1);
  s2 = px_store_ensure_story (store, "Antalya", &error);
  g_assert_cmpint (s2, >, 0);
  g_assert_cmpint (s2, !=, s1);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 2);

  /* Duplicate story names are refused. */
  g_assert_cmpint (px_store_add_story (store, "Bucha", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  in_story = px_store_list_articles (store, s1);
  unassigned = px_store_list_articles (store, 0);
  g_assert_cmpuint (g_list_model_get_n_items (in_story), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (unassigned), ==, 2);

  g_assert_true (px_store_set_article_story (store, a1, s1, &error));
  g_assert_true (px_store_set_article_story (store, a2, s1, &error));
  /* Moving: an article is in one story at most. */
  g_assert_true (px_store_set_article_story (store, a2, s2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (in_story), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (unassigned), ==, 0);
  story = px_store_get_story (store, s1, &error);
  g_assert_cmpuint (px_story_get_n_articles (story), ==, 1);
  g_clear_object (&story);

  g_assert_true (px_store_rename_story (store, s1, "Boutcha", &error));
  story = px_store_get_story (store, s1, &error);
  g_assert_cmpstr (px_story_get_name (story), ==, "Boutcha");
  /* Renaming onto an existing name fails. */
  g_assert_false (px_store_rename_story (store, s1, "Antalya", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Deleting a story keeps its articles, now unassigned. */
  g_assert_true (px_store_delete_story (store, s1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (unassigned), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 1);
  g_assert_true (px_store_set_article_story (store, a2, 0, &error));
  g_assert_cmpuint (g_list_model_get_n_items (unassigned), ==, 2);
}

static void
write_in_handler (PxStore *store,
                  gpointer data)
{
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (store, write_in_handler, data);
  g_assert_cmpint (px_store_add_entity (store, "Écrit par un écouteur", 0, &error), >, 0);
  g_assert_no_error (error);
}

/* A handler that writes while a signal is emitted does not change the id
 * the first write returns. */
static void
test_ids_survive_handlers (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStory) story = NULL;
  gint64 id;

  /* Story ids then differ from the entity's. */
  px_store_add_story (store, "Bucha", &error);
  px_store_add_story (store, "Kherson", &error);
  g_signal_connect (store, "stories-changed", G_CALLBACK (write_in_handler), NULL);
  id = px_store_add_story (store, "Antalya", &error);
  g_assert_no_error (error);
  story = px_store_get_story (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_story_get_name (story), ==, "Antalya");
}

/* ---- Annotations ------------------------------------------------------- */

static void
test_annotations (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxAnnotation) ann = NULL;
  gint64 article = add_article (store, "Antalya", sample_text);
  gint64 per = label_id (store, "PER");
  gint64 gpe = label_id (store, "GPE");
  gsize len = (gsize) g_utf8_strlen (sample_text, -1);
  gsize flag = cp_index (sample_text, "🇹🇷");
  gint64 id;

  /* After the emoji (two code points, four UTF-16 units, eight bytes):
   * offsets must still be code points. */
  id = annotate (store, article, "PER", "Dmytro Kouléba");
  id = annotate (store, article, "PER", "Kouléba.");
  ann = px_store_get_annotation (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_annotation_get_text (ann), ==, "Kouléba.");
  g_assert_cmpuint (px_annotation_get_end (ann), ==, len);
  g_assert_cmpstr (px_annotation_get_label_name (ann), ==, "PER");
  g_assert_cmpint (px_annotation_get_kind (ann), ==, PX_LABEL_ENTITY);
  g_assert_cmpint (px_annotation_get_status (ann), ==, PX_ANNOTATION_ACCEPTED);
  g_assert_cmpstr (px_annotation_get_annotator (ann), ==, px_store_get_annotator (store));
  g_assert_nonnull (px_annotation_get_created_at (ann));
  g_clear_object (&ann);

  id = px_store_add_annotation (store, article, gpe, flag, flag + 2,
                                PX_ANNOTATION_SUGGESTED, "flag", &error);
  g_assert_no_error (error);
  ann = px_store_get_annotation (store, id, &error);
  g_assert_cmpstr (px_annotation_get_text (ann), ==, "🇹🇷");
  g_assert_cmpstr (px_annotation_get_note (ann), ==, "flag");
  g_assert_cmpint (px_annotation_get_status (ann), ==, PX_ANNOTATION_SUGGESTED);
  g_clear_object (&ann);

  /* Bounds. */
  g_assert_cmpint (px_store_add_annotation (store, article, per, 5, 5, 0, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (px_store_add_annotation (store, article, per, 6, 5, 0, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (px_store_add_annotation (store, article, per, len - 1, len + 1, 0, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (px_store_add_annotation (store, article + 50, per, 0, 1, 0, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (px_store_add_annotation (store, article, 9999, 0, 1, 0, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (px_store_count_annotations (store), ==, 3);

  /* Edits. */
  g_assert_true (px_store_set_annotation_label (store, id, per, &error));
  g_assert_true (px_store_set_annotation_status (store, id, PX_ANNOTATION_ACCEPTED, &error));
  g_assert_true (px_store_set_annotation_note (store, id, NULL, &error));
  g_assert_no_error (error);
  ann = px_store_get_annotation (store, id, &error);
  g_assert_cmpstr (px_annotation_get_label_name (ann), ==, "PER");
  g_assert_cmpint (px_annotation_get_status (ann), ==, PX_ANNOTATION_ACCEPTED);
  g_assert_null (px_annotation_get_note (ann));
  g_clear_object (&ann);
  g_assert_false (px_store_set_annotation_label (store, id + 100, per, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
}

static void
test_annotation_list_order (void)
{
  g_autoptr(PxStore) store = new_store ();
  gint64 article = add_article (store, "Antalya", sample_text);
  g_autoptr(GListModel) list = px_store_list_annotations (store, article);
  gsize last = 0;

  annotate (store, article, "GPE", "Antalya");
  annotate (store, article, "PER", "Sergueï Lavrov");
  annotate (store, article, "PER", "Dmytro Kouléba");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PxAnnotation) ann = g_list_model_get_item (list, i);
      g_assert_cmpuint (px_annotation_get_start (ann), >=, last);
      last = px_annotation_get_start (ann);
    }
}

static void
test_restore_annotation (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxAnnotation) before = NULL;
  g_autoptr(PxAnnotation) after = NULL;
  gint64 article = add_article (store, "Antalya", sample_text);
  gint64 id = annotate (store, article, "PER", "Sergueï Lavrov");
  gint64 entity = px_store_add_entity (store, "Sergueï Lavrov", label_id (store, "PER"), &error);

  g_assert_true (px_store_set_annotation_entity (store, id, entity, &error));
  g_assert_true (px_store_set_annotation_note (store, id, "minister", &error));
  before = px_store_get_annotation (store, id, &error);
  g_assert_true (px_store_delete_annotation (store, id, &error));
  g_assert_no_error (error);
  g_assert_null (px_store_get_annotation (store, id, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Deleting again reports that it is gone. */
  g_assert_false (px_store_delete_annotation (store, id, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (px_store_restore_annotation (store, before, &error));
  g_assert_no_error (error);
  after = px_store_get_annotation (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (px_annotation_get_id (after), ==, id);
  g_assert_cmpuint (px_annotation_get_start (after), ==, px_annotation_get_start (before));
  g_assert_cmpuint (px_annotation_get_end (after), ==, px_annotation_get_end (before));
  g_assert_cmpstr (px_annotation_get_text (after), ==, "Sergueï Lavrov");
  g_assert_cmpint (px_annotation_get_entity_id (after), ==, entity);
  g_assert_cmpstr (px_annotation_get_note (after), ==, "minister");
  g_assert_cmpstr (px_annotation_get_created_at (after), ==, px_annotation_get_created_at (before));

  /* Restoring over a living annotation is refused. */
  g_assert_false (px_store_restore_annotation (store, before, &error));
  g_assert_nonnull (error);
}

/* ---- Entities ---------------------------------------------------------- */

static void
test_entities (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEntity) entity = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GListModel) list = px_store_list_entities (store);
  gint64 article = add_article (store, "Antalya", sample_text);
  gint64 per = label_id (store, "PER");
  gint64 m1 = annotate (store, article, "PER", "Dmytro Kouléba");
  gint64 m2 = annotate (store, article, "PER", "Kouléba.");
  gint64 e1 = px_store_add_entity (store, "Dmytro Kouléba", per, &error);
  gint64 e2 = px_store_add_entity (store, "KOULEBA", per, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  entity = px_store_get_entity (store, e2, &error);
  g_assert_cmpstr (px_entity_get_match_key (entity), ==, "kouleba");
  g_assert_cmpstr (px_entity_get_label_name (entity), ==, "PER");
  g_clear_object (&entity);
  found = px_store_find_entities_by_key (store, "kouleba");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (px_entity_get_id (found->pdata[0]), ==, e2);

  g_assert_true (px_store_set_annotation_entity (store, m1, e1, &error));
  g_assert_true (px_store_set_annotation_entity (store, m2, e2, &error));
  g_assert_no_error (error);
  g_assert_false (px_store_set_annotation_entity (store, m2, 4242, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (px_store_merge_entities (store, e1, e2, &error));
  g_assert_no_error (error);
  g_assert_null (px_store_get_entity (store, e2, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  entity = px_store_get_entity (store, e1, &error);
  g_assert_cmpuint (px_entity_get_n_mentions (entity), ==, 2);
  g_assert_cmpuint (px_entity_get_n_articles (entity), ==, 1);
  g_clear_object (&entity);
  {
    g_autoptr(PxAnnotation) ann = px_store_get_annotation (store, m2, &error);
    g_assert_cmpint (px_annotation_get_entity_id (ann), ==, e1);
    g_assert_cmpstr (px_annotation_get_entity_name (ann), ==, "Dmytro Kouléba");
  }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  g_assert_true (px_store_rename_entity (store, e1, "Dmytro Kuleba", &error));
  entity = px_store_get_entity (store, e1, &error);
  g_assert_cmpstr (px_entity_get_name (entity), ==, "Dmytro Kuleba");
  g_assert_cmpstr (px_entity_get_match_key (entity), ==, "dmytro kuleba");
  g_clear_object (&entity);

  /* Deleting an entity unlinks its mentions; the annotations stay. */
  g_assert_true (px_store_delete_entity (store, e1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_annotations (store), ==, 2);
  {
    g_autoptr(PxAnnotation) ann = px_store_get_annotation (store, m1, &error);
    g_assert_cmpint (px_annotation_get_entity_id (ann), ==, 0);
  }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

/* ---- Events ------------------------------------------------------------ */

static void
test_events (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEvent) event = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 article = add_article (store, "Antalya", sample_text);
  gint64 trigger = annotate (store, article, "Meet", "rencontré");
  gint64 kuleba = annotate (store, article, "PER", "Dmytro Kouléba");
  gint64 lavrov = annotate (store, article, "PER", "Sergueï Lavrov");
  gint64 place = annotate (store, article, "GPE", "Antalya");
  gint64 said = annotate (store, article, "Statement", "a dit");
  gint64 ev, ev2, se;

  list = px_store_list_events (store, article);
  ev = px_store_add_event (store, article, label_id (store, "Meet"), trigger, &error);
  g_assert_no_error (error);
  g_assert_true (px_store_add_event_argument (store, ev, "Participant", kuleba, &error));
  g_assert_true (px_store_add_event_argument (store, ev, "Participant", lavrov, &error));
  g_assert_true (px_store_add_event_argument (store, ev, "Place", place, &error));
  g_assert_no_error (error);
  ev2 = px_store_add_event (store, article, label_id (store, "Statement"), said, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  event = px_store_get_event (store, ev, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_event_get_label_name (event), ==, "Meet");
  g_assert_cmpint (px_event_get_trigger_annotation_id (event), ==, trigger);
  g_assert_cmpint (px_event_get_article_id (event), ==, article);
  g_assert_cmpuint (px_event_get_n_arguments (event), ==, 3);
  g_assert_cmpstr (px_event_get_argument (event, 0)->role, ==, "Participant");
  g_clear_object (&event);

  g_assert_true (px_store_remove_event_argument (store, ev, "Place", place, &error));
  event = px_store_get_event (store, ev, &error);
  g_assert_cmpuint (px_event_get_n_arguments (event), ==, 2);
  g_clear_object (&event);

  /* Story events. */
  se = px_store_add_story_event (store, px_store_ensure_story (store, "Antalya", &error),
                                 "Antalya talks", &error);
  g_assert_no_error (error);
  g_assert_true (px_store_set_event_story_event (store, ev, se, &error));
  event = px_store_get_event (store, ev, &error);
  g_assert_cmpint (px_event_get_story_event_id (event), ==, se);
  g_clear_object (&event);
  g_assert_true (px_store_set_event_story_event (store, ev, 0, &error));
  event = px_store_get_event (store, ev, &error);
  g_assert_cmpint (px_event_get_story_event_id (event), ==, 0);
  g_clear_object (&event);

  /* Deleting an argument's annotation removes the argument only. */
  g_assert_true (px_store_delete_annotation (store, lavrov, &error));
  event = px_store_get_event (store, ev, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_event_get_n_arguments (event), ==, 1);
  g_assert_cmpint (px_event_get_argument (event, 0)->annotation_id, ==, kuleba);
  g_clear_object (&event);

  /* Deleting a trigger removes its event. */
  g_assert_true (px_store_delete_annotation (store, trigger, &error));
  g_assert_null (px_store_get_event (store, ev, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  g_assert_true (px_store_delete_event (store, ev2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  /* The trigger annotation of a deleted event stays. */
  {
    g_autoptr(PxAnnotation) ann = px_store_get_annotation (store, said, &error);
    g_assert_no_error (error);
  }
}

/* ---- Transactions and signals ----------------------------------------- */

typedef struct
{
  guint articles;
  guint annotations;
  gint64 last_article;
} Counts;

static void
on_articles (PxStore *store, Counts *c)
{
  c->articles++;
}

static void
on_annotations (PxStore *store, gint64 article, Counts *c)
{
  c->annotations++;
  c->last_article = article;
}

static void
test_transactions (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  Counts c = { 0 };
  gint64 a1, a2;

  g_signal_connect (store, "articles-changed", G_CALLBACK (on_articles), &c);
  g_signal_connect (store, "annotations-changed", G_CALLBACK (on_annotations), &c);

  /* Outside a transaction: one signal per write. */
  a1 = add_article (store, "One", "Texte un.");
  g_assert_cmpuint (c.articles, ==, 1);

  /* Nested: nothing until the outermost commit, then each signal once. */
  g_assert_true (px_store_begin (store, &error));
  a2 = add_article (store, "Two", "Texte deux.");
  g_assert_true (px_store_begin (store, &error));
  g_assert_cmpint (px_store_add_annotation (store, a1, label_id (store, "PER"), 0, 5,
                                            PX_ANNOTATION_ACCEPTED, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (px_store_commit (store, &error));
  add_article (store, "Three", "Texte trois.");
  g_assert_cmpuint (c.articles, ==, 1);
  g_assert_cmpuint (c.annotations, ==, 0);
  g_assert_true (px_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.articles, ==, 2);
  g_assert_cmpuint (c.annotations, ==, 1);
  g_assert_cmpint (c.last_article, ==, a1);
  g_assert_cmpuint (px_store_count_articles (store), ==, 3);

  /* Inner rollback undoes the inner work only. */
  g_assert_true (px_store_begin (store, &error));
  add_article (store, "Four", "Texte quatre.");
  g_assert_true (px_store_begin (store, &error));
  add_article (store, "Five", "Texte cinq.");
  px_store_rollback (store);
  g_assert_true (px_store_commit (store, &error));
  g_assert_cmpuint (px_store_count_articles (store), ==, 4);
  g_assert_cmpuint (c.articles, ==, 3);

  /* Outer rollback: nothing kept, no signal. */
  g_assert_true (px_store_begin (store, &error));
  g_assert_true (px_store_delete_article (store, a2, &error));
  add_article (store, "Six", "Texte six.");
  px_store_rollback (store);
  g_assert_cmpuint (px_store_count_articles (store), ==, 4);
  g_assert_cmpuint (c.articles, ==, 3);
  {
    g_autoptr(PxArticle) still = px_store_get_article (store, a2, &error);
    g_assert_no_error (error);
  }

  /* A failed write inside a caller's transaction leaves the transaction
   * usable, and the earlier writes in it commit. */
  g_assert_true (px_store_begin (store, &error));
  add_article (store, "Seven", "Texte sept.");
  g_assert_cmpint (px_store_add_annotation (store, a1, label_id (store, "PER"), 0, 999, 0, NULL, &error), ==, 0);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (px_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (store), ==, 5);
}

static void
test_external_change (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) other = px_store_open (px_store_get_path (store), 0, &error);
  g_autoptr(GListModel) articles = px_store_list_articles (store, -1);
  Counts c = { 0 };

  g_assert_no_error (error);
  g_signal_connect (store, "articles-changed", G_CALLBACK (on_articles), &c);
  add_article (other, "Elsewhere", "Écrit par une autre connexion.");
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 0);
  px_store_notify_external_change (store);
  g_assert_cmpuint (c.articles, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 1);
}

static void
test_list_articles (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GListModel) all = px_store_list_articles (store, -1);
  g_autoptr(PxArticle) item = NULL;
  gint64 id;

  g_assert_true (g_list_model_get_item_type (all) == PX_TYPE_ARTICLE);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);
  id = add_article (store, "Antalya", sample_text);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  annotate (store, id, "PER", "Sergueï Lavrov");
  item = g_list_model_get_item (all, 0);
  g_assert_cmpint (px_article_get_id (item), ==, id);
  g_assert_null (px_article_get_text (item));   /* list items carry no text */
  g_assert_cmpuint (px_article_get_n_annotations (item), ==, 1);
  g_assert_cmpuint (px_article_get_n_chars (item), ==, g_utf8_strlen (sample_text, -1));
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *ic)
{
  ic->calls++;
  ic->position = position;
  ic->removed = removed;
  ic->added = added;
}

static void
on_entities_changed (PxStore *store,
                     guint   *calls)
{
  (*calls)++;
}

/* A change touches only the items that changed, so views keep their
 * selection; mention counts follow annotations with one signal per commit. */
static void
test_models_minimal_changes (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 article = add_article (store, "Antalya", sample_text);
  gint64 other = add_article (store, "Autre", "Lavrov parle.");
  g_autoptr(GListModel) anns = px_store_list_annotations (store, article);
  g_autoptr(GListModel) entities = px_store_list_entities (store);
  ItemsChanged ic = { 0 };
  guint entity_signals = 0;
  gint64 m1, m2, entity;

  annotate (store, article, "PER", "Dmytro Kouléba");
  annotate (store, article, "GPE", "Antalya");
  g_signal_connect (anns, "items-changed", G_CALLBACK (on_items_changed), &ic);
  m1 = annotate (store, article, "PER", "Sergueï Lavrov");
  g_assert_cmpuint (ic.calls, ==, 1);
  g_assert_cmpuint (ic.position, ==, 1);
  g_assert_cmpuint (ic.removed, ==, 0);
  g_assert_cmpuint (ic.added, ==, 1);

  /* A change elsewhere leaves this list alone. */
  annotate (store, other, "PER", "Dmytro");
  g_assert_cmpuint (ic.calls, ==, 1);

  /* An edit replaces one item. */
  g_assert_true (px_store_set_annotation_note (store, m1, "ministre", &error));
  g_assert_cmpuint (ic.calls, ==, 2);
  g_assert_cmpuint (ic.position, ==, 1);
  g_assert_cmpuint (ic.removed, ==, 1);
  g_assert_cmpuint (ic.added, ==, 1);

  entity = px_store_add_entity (store, "Sergueï Lavrov", label_id (store, "PER"), &error);
  g_assert_no_error (error);
  g_signal_connect (store, "entities-changed", G_CALLBACK (on_entities_changed), &entity_signals);
  g_assert_true (px_store_begin (store, &error));
  g_assert_true (px_store_set_annotation_entity (store, m1, entity, &error));
  m2 = px_store_add_annotation (store, other, label_id (store, "PER"), 0, 6,
                                PX_ANNOTATION_ACCEPTED, NULL, &error);
  g_assert_true (px_store_set_annotation_entity (store, m2, entity, &error));
  g_assert_true (px_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (entity_signals, ==, 1);
  {
    g_autoptr(PxEntity) item = g_list_model_get_item (entities, 0);
    g_assert_cmpuint (px_entity_get_n_mentions (item), ==, 2);
    g_assert_cmpuint (px_entity_get_n_articles (item), ==, 2);
  }
  g_assert_true (px_store_delete_annotation (store, m2, &error));
  {
    g_autoptr(PxEntity) item = g_list_model_get_item (entities, 0);
    g_assert_cmpuint (px_entity_get_n_mentions (item), ==, 1);
  }
}

static void
count_calls (PxStore *store,
             guint   *calls)
{
  (*calls)++;
}

/* An annotation changes an article's count, not the article list: plain
 * articles-changed handlers still hear it (detail "counts"), "::rows"
 * handlers do not, and list models replace just that article. */
static void
test_article_counts_detail (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 a1 = add_article (store, "Antalya", sample_text);
  gint64 a2 = add_article (store, "Autre", "Lavrov parle.");
  g_autoptr(GListModel) all = px_store_list_articles (store, -1);
  g_autoptr(GListModel) none = px_store_list_articles (store, 0);
  ItemsChanged ic = { 0 };
  guint plain = 0, rows = 0, counts = 0;
  guint pos2 = 0;

  g_signal_connect (store, "articles-changed", G_CALLBACK (count_calls), &plain);
  g_signal_connect (store, "articles-changed::rows", G_CALLBACK (count_calls), &rows);
  g_signal_connect (store, "articles-changed::counts", G_CALLBACK (count_calls), &counts);
  g_signal_connect (all, "items-changed", G_CALLBACK (on_items_changed), &ic);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PxArticle) item = g_list_model_get_item (all, i);
      if (px_article_get_id (item) == a2)
        pos2 = i;
    }

  px_store_add_annotation (store, a2, label_id (store, "PER"), 0, 6, PX_ANNOTATION_ACCEPTED, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plain, ==, 1);
  g_assert_cmpuint (counts, ==, 1);
  g_assert_cmpuint (rows, ==, 0);
  g_assert_cmpuint (ic.calls, ==, 1);
  g_assert_cmpuint (ic.position, ==, pos2);
  g_assert_cmpuint (ic.removed, ==, 1);
  g_assert_cmpuint (ic.added, ==, 1);
  {
    g_autoptr(PxArticle) item = g_list_model_get_item (all, pos2);
    g_autoptr(PxArticle) item0 = g_list_model_get_item (none, pos2);
    g_assert_cmpuint (px_article_get_n_annotations (item), ==, 1);
    g_assert_cmpuint (px_article_get_n_annotations (item0), ==, 1);
  }

  /* A suggestion is not counted: nothing to replace. */
  px_store_add_annotation (store, a1, label_id (store, "PER"), 0, 6, PX_ANNOTATION_SUGGESTED, NULL, &error);
  g_assert_cmpuint (ic.calls, ==, 1);

  add_article (store, "Trois", "Un troisième texte.");
  g_assert_cmpuint (plain, ==, 3);
  g_assert_cmpuint (rows, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
}

/* Events and labels carry boxed fields (arguments, roles); an unrelated
 * change must not replace them, a real one must. */
static void
test_models_boxed_items (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 article = add_article (store, "Antalya", sample_text);
  gint64 trigger = annotate (store, article, "Meet", "rencontré");
  gint64 lavrov = annotate (store, article, "PER", "Sergueï Lavrov");
  g_autoptr(GListModel) events = px_store_list_events (store, article);
  g_autoptr(GListModel) labels = px_store_list_labels (store);
  ItemsChanged ev = { 0 }, lb = { 0 };
  gint64 event = px_store_add_event (store, article, label_id (store, "Meet"), trigger, &error);
  g_autoptr(PxRole) role = px_role_new ("Host", FALSE, "GPE");

  g_assert_no_error (error);
  g_assert_true (px_store_add_event_argument (store, event, "Participant", lavrov, &error));
  g_signal_connect (events, "items-changed", G_CALLBACK (on_items_changed), &ev);
  g_signal_connect (labels, "items-changed", G_CALLBACK (on_items_changed), &lb);

  g_assert_true (px_store_set_annotation_note (store, lavrov, "ministre russe", &error));
  g_assert_cmpuint (ev.calls, ==, 0);
  g_assert_true (px_store_remove_event_argument (store, event, "Participant", lavrov, &error));
  g_assert_cmpuint (ev.calls, ==, 1);
  {
    g_autoptr(PxEvent) item = g_list_model_get_item (events, 0);
    g_assert_cmpuint (px_event_get_n_arguments (item), ==, 0);
  }

  px_store_add_label (store, "Trade", PX_LABEL_EVENT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb.calls, ==, 1);
  g_assert_cmpuint (lb.position, ==, 16);
  g_assert_cmpuint (lb.removed, ==, 0);
  g_assert_true (px_store_add_label_role (store, label_id (store, "Meet"), role, &error));
  g_assert_cmpuint (lb.calls, ==, 2);
  g_assert_cmpuint (lb.removed, ==, 1);
  g_assert_cmpuint (lb.added, ==, 1);
}

/* ---- Search ------------------------------------------------------------ */

static void
test_search (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  const char *odd[] = { "\"", "AND", "kouleba OR", "NEAR(", "title:x", "*", "a\"b", "", "   " };
  gint64 id = add_article (store, "Antalya", sample_text);
  PxSearchHit *hit;

  add_article (store, "Autre", "Un texte sans le nom du ministre.");
  hits = px_store_search (store, "kouleba", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_assert_cmpint (hit->article_id, ==, id);
  g_assert_cmpstr (hit->title, ==, "Antalya");
  g_assert_nonnull (strstr (hit->snippet, "Kouléba"));
  g_assert_cmpuint (hit->start, ==, cp_index (sample_text, "Kouléba"));
  g_assert_cmpuint (hit->end, ==, hit->start + 7);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Case, diacritics, several terms. */
  hits = px_store_search (store, "SERGUEI lavrov", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = px_store_search (store, "kouleba ministre", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Whatever a user types is never an FTS5 syntax error. */
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      hits = px_store_search (store, odd[i], 10, &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_clear_pointer (&hits, g_ptr_array_unref);
    }

  /* Word prefixes: "Koulé" finds "Kouléba", accents ignored. */
  hits = px_store_search (store, "Koulé", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The hit points at the occurrence the snippet shows, not the first. */
  {
    GString *text = g_string_new ("Vakarian arrive seul. ");
    gint64 far;
    gsize second;

    for (int i = 0; i < 60; i++)
      g_string_append (text, "puis rien de neuf. ");
    second = g_utf8_strlen (text->str, -1) + strlen ("Plus tard, ");
    g_string_append (text, "Plus tard, Vakarian et Orlova signent.");
    far = add_article (store, "Far", text->str);
    hits = px_store_search (store, "vakarian orlova", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    hit = hits->pdata[0];
    g_assert_cmpint (hit->article_id, ==, far);
    g_assert_nonnull (strstr (hit->snippet, "Orlova"));
    g_assert_cmpuint (hit->start, ==, second);
    g_clear_pointer (&hits, g_ptr_array_unref);
    g_string_free (text, TRUE);
  }

  /* Deleted articles leave the index. */
  g_assert_true (px_store_delete_article (store, id, &error));
  hits = px_store_search (store, "kouleba", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* ---- Export ------------------------------------------------------------ */

typedef struct
{
  GPtrArray *rows;   /* of GStrv, NULL cells as "\x01NULL" */
} Rows;

static gboolean
collect_row (const char * const *values,
             const gsize        *lengths,
             guint               n,
             gpointer            user_data,
             GError            **error)
{
  Rows *r = user_data;
  char **row = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      row[i] = values[i] != NULL ? g_strndup (values[i], lengths[i]) : g_strdup ("\x01NULL");
      if (values[i] != NULL)
        g_assert_cmpuint (strlen (values[i]), ==, lengths[i]);
    }
  g_ptr_array_add (r->rows, row);
  return TRUE;
}

static GPtrArray *
export_rows (PxStore       *store,
             PxExportTable  table)
{
  g_autoptr(GError) error = NULL;
  Rows r = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev) };
  const char * const *cols = px_store_export_columns (table);

  g_assert_true (px_store_export_rows (store, table, collect_row, &r, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < r.rows->len; i++)
    g_assert_cmpuint (g_strv_length (r.rows->pdata[i]), ==, g_strv_length ((char **) cols));
  return r.rows;
}

static gboolean
stop_at_first (const char * const *values,
               const gsize        *lengths,
               guint               n,
               gpointer            user_data,
               GError            **error)
{
  (*(guint *) user_data)++;
  g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "stop");
  return FALSE;
}

static void
test_export (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *ann_cols[] = { "article_id", "article_title", "source", "published", "story",
                             "annotation_id", "label", "kind", "start", "end", "text",
                             "entity_id", "entity", "annotator", "created_at", "note", "value", "value_source", NULL };
  const char *ev_cols[] = { "event_id", "article_id", "event_type", "trigger_annotation_id",
                            "trigger_text", "story_event_id", "role",
                            "argument_annotation_id", "argument_text", "argument_entity", NULL };
  gint64 article = add_article (store, "Antalya", sample_text);
  gint64 trigger = annotate (store, article, "Meet", "rencontré");
  gint64 lavrov = annotate (store, article, "PER", "Sergueï Lavrov");
  gint64 said = annotate (store, article, "Statement", "a dit");
  gint64 entity = px_store_add_entity (store, "Sergueï Lavrov", label_id (store, "PER"), &error);
  gint64 ev = px_store_add_event (store, article, label_id (store, "Meet"), trigger, &error);
  guint calls = 0;
  char **row;

  px_store_set_article_story (store, article, px_store_ensure_story (store, "Antalya", &error), &error);
  px_store_set_annotation_entity (store, lavrov, entity, &error);
  px_store_add_event_argument (store, ev, "Participant", lavrov, &error);
  px_store_add_event (store, article, label_id (store, "Statement"), said, &error);
  g_assert_no_error (error);

  g_assert_true (g_strv_equal (px_store_export_columns (PX_EXPORT_ANNOTATIONS), ann_cols));
  g_assert_true (g_strv_equal (px_store_export_columns (PX_EXPORT_EVENTS), ev_cols));
  g_assert_cmpstr (px_store_export_columns (PX_EXPORT_ARTICLES)[0], ==, "article_id");
  g_assert_cmpuint (g_strv_length ((char **) px_store_export_columns (PX_EXPORT_ARTICLES)), ==, 11);
  g_assert_cmpuint (g_strv_length ((char **) px_store_export_columns (PX_EXPORT_ENTITIES)), ==, 5);
  g_assert_true (g_str_has_prefix (px_store_export_sql (PX_EXPORT_ANNOTATIONS), "SELECT"));

  rows = export_rows (store, PX_EXPORT_ARTICLES);
  g_assert_cmpuint (rows->len, ==, 1);
  row = rows->pdata[0];
  g_assert_cmpstr (row[1], ==, "Antalya");
  g_assert_cmpstr (row[6], ==, "Antalya");
  g_assert_cmpint (atoi (row[7]), ==, g_utf8_strlen (sample_text, -1));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Annotations in text order; text == article_text[start:end]. */
  rows = export_rows (store, PX_EXPORT_ANNOTATIONS);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *span = NULL;
      row = rows->pdata[i];
      span = g_utf8_substring (sample_text, atol (row[8]), atol (row[9]));
      g_assert_cmpstr (row[10], ==, span);
      g_assert_cmpstr (row[4], ==, "Antalya");
    }
  row = rows->pdata[1];
  g_assert_cmpstr (row[10], ==, "Sergueï Lavrov");
  g_assert_cmpstr (row[6], ==, "PER");
  g_assert_cmpstr (row[7], ==, "entity");
  g_assert_cmpstr (row[12], ==, "Sergueï Lavrov");
  g_assert_cmpstr (row[15], ==, "\x01NULL");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = export_rows (store, PX_EXPORT_ENTITIES);
  g_assert_cmpuint (rows->len, ==, 1);
  row = rows->pdata[0];
  g_assert_cmpstr (row[1], ==, "Sergueï Lavrov");
  g_assert_cmpstr (row[2], ==, "PER");
  g_assert_cmpstr (row[3], ==, "1");
  g_assert_cmpstr (row[4], ==, "1");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* One row per argument, one row with no role for an event without. */
  rows = export_rows (store, PX_EXPORT_EVENTS);
  g_assert_cmpuint (rows->len, ==, 2);
  row = rows->pdata[0];
  g_assert_cmpstr (row[2], ==, "Meet");
  g_assert_cmpstr (row[4], ==, "rencontré");
  g_assert_cmpstr (row[6], ==, "Participant");
  g_assert_cmpstr (row[8], ==, "Sergueï Lavrov");
  g_assert_cmpstr (row[9], ==, "Sergueï Lavrov");
  row = rows->pdata[1];
  g_assert_cmpstr (row[2], ==, "Statement");
  g_assert_cmpstr (row[6], ==, "\x01NULL");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A callback can stop the export with its error. */
  g_assert_false (px_store_export_rows (store, PX_EXPORT_ANNOTATIONS, stop_at_first, &calls, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_FAILED);
  g_assert_cmpuint (calls, ==, 1);
}

static void
test_stats (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  PxStoreStats stats = { 0 };
  gint64 article = add_article (store, "Antalya", sample_text);

  annotate (store, article, "PER", "Sergueï Lavrov");
  px_store_add_annotation (store, article, label_id (store, "GPE"), 0, 3,
                           PX_ANNOTATION_SUGGESTED, NULL, &error);
  px_store_add_entity (store, "Sergueï Lavrov", label_id (store, "PER"), &error);
  px_store_add_story (store, "Antalya", &error);
  g_assert_no_error (error);
  g_assert_true (px_store_get_stats (store, &stats, &error));
  g_assert_cmpuint (stats.n_articles, ==, 1);
  g_assert_cmpuint (stats.n_stories, ==, 1);
  g_assert_cmpuint (stats.n_labels, ==, 16);
  g_assert_cmpuint (stats.n_annotations, ==, 1);
  g_assert_cmpuint (stats.n_suggested, ==, 1);
  g_assert_cmpuint (stats.n_entities, ==, 1);
  g_assert_cmpuint (stats.n_events, ==, 0);
  g_assert_cmpint (stats.file_size, >, 0);
}

/* ---- Model objects ----------------------------------------------------- */

static void
test_model_objects (void)
{
  g_autoptr(PxAnnotation) ann = g_object_new (PX_TYPE_ANNOTATION, "id", (gint64) 7,
                                              "start", (guint64) 3, "end", (guint64) 9,
                                              "text", "abcdef", "status", PX_ANNOTATION_SUGGESTED,
                                              NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func ((GDestroyNotify) px_event_argument_free);
  g_autoptr(PxEvent) event = NULL;
  PxAnnotationStatus status;
  PxLabelKind kind;
  GParamSpec *pspec;

  g_assert_cmpint (px_annotation_get_id (ann), ==, 7);
  g_assert_cmpuint (px_annotation_get_start (ann), ==, 3);
  g_assert_cmpuint (px_annotation_get_end (ann), ==, 9);
  g_assert_cmpint (px_annotation_get_status (ann), ==, PX_ANNOTATION_SUGGESTED);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (ann), "text");
  g_assert_nonnull (pspec);
  g_assert_false (pspec->flags & G_PARAM_WRITABLE && !(pspec->flags & G_PARAM_CONSTRUCT_ONLY));

  g_ptr_array_add (args, px_event_argument_new ("Victim", 12));
  event = g_object_new (PX_TYPE_EVENT, "id", (gint64) 1, "arguments", args, NULL);
  g_assert_cmpuint (px_event_get_n_arguments (event), ==, 1);
  g_assert_cmpstr (px_event_get_argument (event, 0)->role, ==, "Victim");

  g_assert_cmpstr (px_label_kind_to_string (PX_LABEL_EVENT), ==, "event");
  g_assert_true (px_label_kind_from_string ("entity", &kind));
  g_assert_cmpint (kind, ==, PX_LABEL_ENTITY);
  g_assert_false (px_label_kind_from_string ("bogus", &kind));
  g_assert_cmpstr (px_annotation_status_to_string (PX_ANNOTATION_ACCEPTED), ==, "accepted");
  g_assert_true (px_annotation_status_from_string ("suggested", &status));
  g_assert_cmpint (status, ==, PX_ANNOTATION_SUGGESTED);
  g_assert_false (px_annotation_status_from_string ("maybe", &status));
}

/* ---- Earlier tests: seed, offsets, cascade, models ------------------- */

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
test_search_basic (void)
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

typedef struct { guint rows; GString *seen; } RowCount;

static gboolean
count_row (const char * const *values, const gsize *lengths, guint n, gpointer data, GError **error)
{
  RowCount *rows = data;

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
  RowCount rows = { 0, g_string_new (NULL) };

  px_store_add_annotation (store, article, label_id (store, "PER"), 0, 6,
                           PX_ANNOTATION_SUGGESTED, NULL, &error);
  px_store_add_event (store, article, label_id (store, "Meet"), trig, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_strv_length ((char **) px_store_export_columns (PX_EXPORT_ANNOTATIONS)), ==, 18);
  g_assert_true (px_store_export_rows (store, PX_EXPORT_ANNOTATIONS, count_row, &rows, &error));
  /* The suggestion is not exported. */
  g_assert_cmpuint (rows.rows, ==, 1);
  g_assert_nonnull (strstr (rows.seen->str, "|Antalya|"));
  g_assert_nonnull (strstr (rows.seen->str, "|rencontre|"));
  rows.rows = 0;
  g_string_truncate (rows.seen, 0);
  g_assert_true (px_store_export_rows (store, PX_EXPORT_EVENTS, count_row, &rows, &error));
  /* An event without arguments still has its row, with an empty role. */
  g_assert_cmpuint (rows.rows, ==, 1);
  g_assert_nonnull (strstr (rows.seen->str, "|Meet|"));
  g_assert_nonnull (strstr (rows.seen->str, "|∅|∅|∅|∅|"));
  g_string_free (rows.seen, TRUE);
}

/* What the last annotations-changed said: the rows, or "whole". */
typedef struct
{
  guint  emissions;
  char  *rows;
} RowsSeen;

static void
on_rows_changed (PxStore  *store,
                 gint64    article_id,
                 RowsSeen *seen)
{
  const GArray *rows = px_store_get_changed_annotation_rows (store);
  GString *s = g_string_new (NULL);

  seen->emissions++;
  if (rows == NULL)
    g_string_append (s, "whole");
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (rows, gint64, i));
  g_free (seen->rows);
  seen->rows = g_string_free (s, FALSE);
}

/* The live model holds what a fresh load holds, in the same order. */
static void
assert_model_fresh (PxStore    *store,
                    GListModel *live,
                    gint64      article_id)
{
  g_autoptr(GListModel) fresh = px_store_list_annotations (store, article_id);
  guint n = g_list_model_get_n_items (fresh);

  g_assert_cmpuint (g_list_model_get_n_items (live), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (live, i);
      g_autoptr(PxAnnotation) b = g_list_model_get_item (fresh, i);

      g_assert_cmpint (px_annotation_get_id (a), ==, px_annotation_get_id (b));
      g_assert_cmpint (px_annotation_get_label_id (a), ==, px_annotation_get_label_id (b));
      g_assert_cmpint (px_annotation_get_status (a), ==, px_annotation_get_status (b));
      g_assert_cmpstr (px_annotation_get_note (a), ==, px_annotation_get_note (b));
      g_assert_cmpstr (px_annotation_get_entity_name (a), ==, px_annotation_get_entity_name (b));
      /* The live model's id index finds every row where it is. */
      g_assert_cmpuint (px_store_annotation_position (live, px_annotation_get_id (a)), ==, i);
    }
  g_assert_cmpuint (px_store_annotation_position (live, G_MAXINT64), ==, G_MAXUINT);
}

/* Single-row edits tell their rows, so that list models update one item
 * instead of reloading the article; bulk ones say "whole". Either way the
 * live model ends up equal to a fresh load, through random edits too. */
static void
test_annotation_rows (void)
{
  g_autoptr(PxStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 article = add_text (store, "Anna, Boris et Clara sont à Lyon avec Denis, Eva et Farid.", NULL);
  gint64 per = label_id (store, "PER");
  gint64 gpe = label_id (store, "GPE");
  g_autoptr(GListModel) live = px_store_list_annotations (store, article);
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  RowsSeen seen = { 0 };
  g_autofree char *want = NULL;
  gint64 a, b, entity;

  g_signal_connect (store, "annotations-changed", G_CALLBACK (on_rows_changed), &seen);
  a = px_store_add_annotation (store, article, per, 0, 4, PX_ANNOTATION_SUGGESTED, NULL, &error);
  g_assert_no_error (error);
  want = g_strdup_printf ("%" G_GINT64_FORMAT, a);
  g_assert_cmpstr (seen.rows, ==, want);
  assert_model_fresh (store, live, article);

  g_assert_true (px_store_set_annotation_status (store, a, PX_ANNOTATION_ACCEPTED, &error));
  g_assert_true (px_store_set_annotation_note (store, a, "vérifié", &error));
  g_assert_cmpstr (seen.rows, ==, want);
  assert_model_fresh (store, live, article);

  /* Two rows in one transaction: one emission naming both. */
  seen.emissions = 0;
  g_assert_true (px_store_begin (store, &error));
  b = px_store_add_annotation (store, article, per, 6, 11, PX_ANNOTATION_ACCEPTED, NULL, &error);
  g_assert_true (px_store_set_annotation_label (store, a, gpe, &error));
  g_assert_true (px_store_commit (store, &error));
  g_free (want);
  want = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, b, a);
  g_assert_cmpuint (seen.emissions, ==, 1);
  g_assert_cmpstr (seen.rows, ==, want);
  assert_model_fresh (store, live, article);

  /* Renaming an entity touches every mention's entity name: whole. */
  entity = px_store_link_mention (store, b, &error);
  g_assert_no_error (error);
  g_assert_true (px_store_rename_entity (store, entity, "Boris B.", &error));
  g_assert_cmpstr (seen.rows, ==, "whole");
  assert_model_fresh (store, live, article);

  for (int step = 0; step < 60; step++)
    {
      guint n = g_list_model_get_n_items (live);
      int op = g_rand_int_range (rand, 0, 4);

      if (op == 0 || n == 0)
        {
          gint32 start = g_rand_int_range (rand, 0, 50);
          px_store_add_annotation (store, article, g_rand_boolean (rand) ? per : gpe, start,
                                   start + g_rand_int_range (rand, 1, 8), PX_ANNOTATION_ACCEPTED, NULL, &error);
        }
      else
        {
          g_autoptr(PxAnnotation) pick = g_list_model_get_item (live, (guint) g_rand_int_range (rand, 0, (gint32) n));
          gint64 id = px_annotation_get_id (pick);

          if (op == 1)
            {
              px_store_delete_annotation (store, id, &error);
              g_assert_cmpuint (px_store_annotation_position (live, id), ==, G_MAXUINT);
            }
          else if (op == 2)
            px_store_set_annotation_label (store, id, px_annotation_get_label_id (pick) == per ? gpe : per, &error);
          else
            px_store_set_annotation_status (store, id, g_rand_boolean (rand) ? PX_ANNOTATION_SUGGESTED
                                                                            : PX_ANNOTATION_ACCEPTED, &error);
        }
      g_assert_no_error (error);
      assert_model_fresh (store, live, article);
    }
  g_signal_handlers_disconnect_by_data (store, &seen);
  g_free (seen.rows);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/create-reopen", test_open_create_reopen);
  g_test_add_func ("/store/open/no-create", test_open_no_create);
  g_test_add_func ("/store/open/default-path", test_default_path);
  g_test_add_func ("/store/open/pragmas-schema", test_pragmas_and_schema);
  g_test_add_func ("/store/migrate/empty", test_migrate_empty);
  g_test_add_func ("/store/labels/no-seed", test_no_seed);
  g_test_add_func ("/store/labels/seed", test_seed_labels);
  g_test_add_func ("/store/labels/add", test_add_label);
  g_test_add_func ("/store/articles/basic", test_articles);
  g_test_add_func ("/store/articles/story", test_article_with_story);
  g_test_add_func ("/store/articles/list", test_list_articles);
  g_test_add_func ("/store/stories", test_stories);
  g_test_add_func ("/store/ids-survive-handlers", test_ids_survive_handlers);
  g_test_add_func ("/store/annotations/crud", test_annotations);
  g_test_add_func ("/store/annotations/order", test_annotation_list_order);
  g_test_add_func ("/store/annotations/restore", test_restore_annotation);
  g_test_add_func ("/store/entities", test_entities);
  g_test_add_func ("/store/events", test_events);
  g_test_add_func ("/store/transactions", test_transactions);
  g_test_add_func ("/store/external-change", test_external_change);
  g_test_add_func ("/store/models/minimal-changes", test_models_minimal_changes);
  g_test_add_func ("/store/models/article-counts", test_article_counts_detail);
  g_test_add_func ("/store/models/boxed-items", test_models_boxed_items);
  g_test_add_func ("/store/search/terms", test_search);
  g_test_add_func ("/store/export", test_export);
  g_test_add_func ("/store/stats", test_stats);
  g_test_add_func ("/store/model-objects", test_model_objects);

  g_test_add_func ("/store/seed", test_seed);
  g_test_add_func ("/store/reopen", test_reopen);
  g_test_add_func ("/store/duplicate", test_duplicate);
  g_test_add_func ("/store/annotation-offsets", test_annotation_offsets);
  g_test_add_func ("/store/restore", test_restore);
  g_test_add_func ("/store/entities-merge", test_entities_merge);
  g_test_add_func ("/store/events-cascade", test_events_cascade);
  g_test_add_func ("/store/transactions-signals", test_transactions_and_signals);
  g_test_add_func ("/store/models-follow", test_models_follow);
  g_test_add_func ("/store/annotation-rows", test_annotation_rows);
  g_test_add_func ("/store/search/basic", test_search_basic);
  g_test_add_func ("/store/export-rows", test_export_rows);

  return g_test_run ();
}
