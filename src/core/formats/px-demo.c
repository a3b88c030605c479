/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-demo.c: loading the demo corpus from data/samples. */
#include "px-demo.h"

#include <glib/gstdio.h>
#include <string.h>

#include "px-error.h"
#include "px-import.h"
#include "px-text.h"

#define ANNOTATIONS_FILE "annotations.tsv"
#define STAMP_SUFFIX ".samples"

typedef struct
{
  guint  line;
  char  *file;
  char  *text;
  guint  occurrence;
  char  *label;
  char  *entity;   /* nullable */
  char  *event;    /* nullable */
  char  *role;     /* nullable */
} DemoRow;

typedef struct
{
  PxStore    *store;
  const char *tsv_path;
  GHashTable *articles;     /* file name → article id (new articles only) */
  GHashTable *texts;        /* file name → article text */
  GHashTable *spans;        /* "file\ttext\tocc\tlabel" → annotation id */
  GHashTable *entities;     /* "label\tname" → entity id */
  GHashTable *events;       /* "file\tevent" → event id */
  GHashTable *story_events; /* event → story event id */
} DemoLoad;

static void
demo_row_free (DemoRow *row)
{
  g_free (row->file);
  g_free (row->text);
  g_free (row->label);
  g_free (row->entity);
  g_free (row->event);
  g_free (row->role);
  g_free (row);
}

static gint64
id_lookup (GHashTable *table,
           const char *key)
{
  gint64 *id = g_hash_table_lookup (table, key);
  return id ? *id : 0;
}

static void
id_insert (GHashTable *table,
           const char *key,
           gint64      id)
{
  g_hash_table_insert (table, g_strdup (key), g_memdup2 (&id, sizeof id));
}

static GHashTable *
id_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

char *
px_demo_find_samples_dir (const char *installed_dir)
{
  const char *env = g_getenv ("PARALLAX_SAMPLES_DIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_strdup (installed_dir);
}

char *
px_demo_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "parallax", "demo.db", NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The article files of the samples folder, sorted, as full paths. */
static GPtrArray *
list_sample_files (const char  *samples_dir,
                   GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (samples_dir, 0, error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt") && name[0] != '.')
      g_ptr_array_add (files, g_build_filename (samples_dir, name, NULL));
  g_ptr_array_sort (files, compare_strings);
  if (files->len == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND,
                   "%s: no sample articles (*.txt) in this folder", samples_dir);
      return NULL;
    }
  return g_steal_pointer (&files);
}

char *
px_demo_samples_digest (const char  *samples_dir,
                        GError     **error)
{
  g_autoptr(GPtrArray) files = list_sample_files (samples_dir, error);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  if (files == NULL)
    return NULL;
  g_ptr_array_add (files, g_build_filename (samples_dir, ANNOTATIONS_FILE, NULL));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *base = g_path_get_basename (files->pdata[i]);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (files->pdata[i], &contents, &len, error))
        return NULL;
      g_checksum_update (sum, (const guchar *) base, strlen (base) + 1);
      g_checksum_update (sum, (const guchar *) contents, len);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static char *
nullable_field (const char *field)
{
  return (field != NULL && *field != '\0') ? g_strdup (field) : NULL;
}

static DemoRow *
parse_row (const char  *tsv_path,
           guint        line_no,
           const char  *line,
           GError     **error)
{
  g_auto(GStrv) f = g_strsplit (line, "\t", 8);
  guint n = g_strv_length (f);
  guint64 occurrence = 0;
  DemoRow *row;

  if (n < 4 || n > 7 || *f[0] == '\0' || *f[1] == '\0' || *f[3] == '\0'
      || !g_ascii_string_to_unsigned (f[2], 10, 1, G_MAXUINT, &occurrence, NULL))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_PARSE,
                   "%s:%u: expected file, text, occurrence (1 or more), label, "
                   "and optionally entity, event and role, separated by tabs",
                   tsv_path, line_no);
      return NULL;
    }
  row = g_new0 (DemoRow, 1);
  row->line = line_no;
  row->file = g_strdup (f[0]);
  row->text = g_strdup (f[1]);
  row->occurrence = (guint) occurrence;
  row->label = g_strdup (f[3]);
  row->entity = n > 4 ? nullable_field (f[4]) : NULL;
  row->event = n > 5 ? nullable_field (f[5]) : NULL;
  row->role = n > 6 ? nullable_field (f[6]) : NULL;
  if ((row->event == NULL) != (row->role == NULL))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_PARSE,
                   "%s:%u: an event id needs a role, and a role needs an event id",
                   tsv_path, line_no);
      demo_row_free (row);
      return NULL;
    }
  return row;
}

static GPtrArray *
read_rows (const char  *tsv_path,
           GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_row_free);

  if (!g_file_get_contents (tsv_path, &contents, NULL, error))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      DemoRow *row;

      g_strchomp (line);  /* also drops a CR left by an editor */
      if (*line == '\0' || *line == '#')
        continue;
      row = parse_row (tsv_path, i + 1, line, error);
      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

/* The code point range of the n-th occurrence of @needle in @haystack. */
static gboolean
find_occurrence (const char *haystack,
                 const char *needle,
                 guint       occurrence,
                 gsize      *start,
                 gsize      *end)
{
  const char *p = haystack;

  for (guint n = 1; (p = strstr (p, needle)) != NULL; n++, p += strlen (needle))
    if (n == occurrence)
      {
        *start = px_text_byte_to_cp (haystack, (gsize) (p - haystack));
        *end = *start + px_text_length (needle, -1);
        return TRUE;
      }
  return FALSE;
}

static gint64
ensure_entity (DemoLoad   *load,
               PxLabel    *label,
               const char *name,
               GError    **error)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", px_label_get_name (label), name);
  g_autofree char *match_key = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 id = id_lookup (load->entities, key);

  if (id != 0)
    return id;
  /* The corpus may already know the entity (the demo loaded into a user's
   * store): reuse it rather than making a twin. */
  match_key = px_text_match_key (name);
  found = px_store_find_entities_by_key (load->store, match_key);
  for (guint i = 0; found != NULL && i < found->len && id == 0; i++)
    if (px_entity_get_label_id (found->pdata[i]) == px_label_get_id (label))
      id = px_entity_get_id (found->pdata[i]);
  if (id == 0)
    id = px_store_add_entity (load->store, name, px_label_get_id (label), error);
  if (id != 0)
    id_insert (load->entities, key, id);
  return id;
}

/* The annotation of a row, created on first use. 0 when the row's file was
 * not newly imported (nothing to do), -1 on error. */
static gint64
ensure_span (DemoLoad *load,
             DemoRow  *row,
             GError  **error)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s\t%u\t%s", row->file, row->text,
                                          row->occurrence, row->label);
  g_autoptr(PxLabel) label = NULL;
  gint64 article_id = id_lookup (load->articles, row->file);
  const char *text = g_hash_table_lookup (load->texts, row->file);
  gsize start = 0, end = 0;
  gint64 id;

  if (article_id == 0)
    return 0;
  if ((id = id_lookup (load->spans, key)) != 0)
    return id;
  label = px_store_find_label (load->store, row->label);
  if (label == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s:%u: no label named “%s” in the corpus",
                   load->tsv_path, row->line, row->label);
      return -1;
    }
  if (!find_occurrence (text, row->text, row->occurrence, &start, &end))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND,
                   "%s:%u: occurrence %u of “%s” is not in %s",
                   load->tsv_path, row->line, row->occurrence, row->text, row->file);
      return -1;
    }
  id = px_store_add_annotation (load->store, article_id, px_label_get_id (label),
                                start, end, PX_ANNOTATION_ACCEPTED, NULL, error);
  if (id == 0)
    return -1;
  id_insert (load->spans, key, id);
  if (row->entity != NULL && px_label_get_kind (label) == PX_LABEL_ENTITY)
    {
      gint64 entity_id = ensure_entity (load, label, row->entity, error);

      if (entity_id == 0 || !px_store_set_annotation_entity (load->store, id, entity_id, error))
        return -1;
    }
  return id;
}

static gint64
ensure_story_event (DemoLoad   *load,
                    gint64      article_id,
                    const char *event_name,
                    GError    **error)
{
  g_autoptr(PxArticle) article = NULL;
  gint64 id = id_lookup (load->story_events, event_name);

  if (id != 0)
    return id;
  article = px_store_get_article (load->store, article_id, error);
  if (article == NULL)
    return 0;
  if (px_article_get_story_id (article) == 0)
    return -1;  /* no story to hang it on: the event stays article-local */
  id = px_store_add_story_event (load->store, px_article_get_story_id (article),
                                 event_name, error);
  if (id != 0)
    id_insert (load->story_events, event_name, id);
  return id;
}

static gboolean
add_trigger (DemoLoad *load,
             DemoRow  *row,
             gint64    annotation_id,
             GError  **error)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", row->file, row->event);
  g_autoptr(PxLabel) label = px_store_find_label (load->store, row->label);
  gint64 article_id = id_lookup (load->articles, row->file);
  gint64 event_id, story_event_id;

  if (px_label_get_kind (label) != PX_LABEL_EVENT)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "%s:%u: a trigger needs an event label, and “%s” is an entity label",
                   load->tsv_path, row->line, row->label);
      return FALSE;
    }
  event_id = px_store_add_event (load->store, article_id, px_label_get_id (label),
                                 annotation_id, error);
  if (event_id == 0)
    return FALSE;
  id_insert (load->events, key, event_id);
  story_event_id = ensure_story_event (load, article_id, row->event, error);
  if (story_event_id == 0)
    return FALSE;
  return story_event_id < 0
         || px_store_set_event_story_event (load->store, event_id, story_event_id, error);
}

static gboolean
add_argument (DemoLoad *load,
              DemoRow  *row,
              gint64    annotation_id,
              GError  **error)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", row->file, row->event);
  gint64 event_id = id_lookup (load->events, key);

  if (event_id == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "%s:%u: event “%s” has no trigger row in %s",
                   load->tsv_path, row->line, row->event, row->file);
      return FALSE;
    }
  return px_store_add_event_argument (load->store, event_id, row->role, annotation_id, error);
}

/* Spans first, then triggers, then arguments: rows may come in any order. */
static gboolean
apply_rows (DemoLoad  *load,
            GPtrArray *rows,
            GError   **error)
{
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < rows->len; i++)
      {
        DemoRow *row = rows->pdata[i];
        gboolean is_trigger = g_strcmp0 (row->role, "trigger") == 0;
        gint64 id = ensure_span (load, row, error);

        if (id < 0)
          return FALSE;
        if (id == 0 || row->event == NULL)
          continue;
        if (pass == 1 && is_trigger && !add_trigger (load, row, id, error))
          return FALSE;
        if (pass == 2 && !is_trigger && !add_argument (load, row, id, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
import_articles (DemoLoad   *load,
                 GPtrArray  *files,
                 GError    **error)
{
  g_autoptr(PxImportReport) report = NULL;
  PxImportOptions options = { 0 };

  g_ptr_array_add (files, NULL);
  report = px_import_paths (load->store, (const char * const *) files->pdata,
                            &options, NULL, NULL, NULL, error);
  g_ptr_array_remove_index (files, files->len - 1);
  if (report == NULL)
    return FALSE;
  for (guint i = 0; i < report->results->len; i++)
    {
      PxImportResult *result = report->results->pdata[i];
      g_autofree char *base = g_path_get_basename (result->path);
      char *text;

      if (result->outcome == PX_IMPORT_FAILED)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s", result->message);
          return FALSE;
        }
      if (result->outcome != PX_IMPORT_IMPORTED)
        continue;
      text = px_store_get_article_text (load->store, result->article_id, error);
      if (text == NULL)
        return FALSE;
      id_insert (load->articles, base, result->article_id);
      g_hash_table_insert (load->texts, g_steal_pointer (&base), text);
    }
  return TRUE;
}

static void
demo_load_clear (DemoLoad *load)
{
  g_clear_pointer (&load->articles, g_hash_table_unref);
  g_clear_pointer (&load->texts, g_hash_table_unref);
  g_clear_pointer (&load->spans, g_hash_table_unref);
  g_clear_pointer (&load->entities, g_hash_table_unref);
  g_clear_pointer (&load->events, g_hash_table_unref);
  g_clear_pointer (&load->story_events, g_hash_table_unref);
}

gboolean
px_demo_load (PxStore     *store,
              const char  *samples_dir,
              GError     **error)
{
  g_autofree char *tsv_path = g_build_filename (samples_dir, ANNOTATIONS_FILE, NULL);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DemoLoad load = { store, tsv_path };
  gboolean ok;

  g_return_val_if_fail (PX_IS_STORE (store), FALSE);
  g_return_val_if_fail (samples_dir != NULL, FALSE);

  if ((files = list_sample_files (samples_dir, error)) == NULL)
    return FALSE;
  if ((rows = read_rows (tsv_path, error)) == NULL)
    return FALSE;

  load.articles = id_table_new ();
  load.texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  load.spans = id_table_new ();
  load.entities = id_table_new ();
  load.events = id_table_new ();
  load.story_events = id_table_new ();

  ok = px_store_begin (store, error)
       && import_articles (&load, files, error)
       && apply_rows (&load, rows, error)
       && px_store_commit (store, error);
  if (!ok && px_store_is_read_only (store) == FALSE)
    px_store_rollback (store);
  demo_load_clear (&load);
  return ok;
}

static void
remove_corpus_file (const char *db_path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      g_unlink (path);
    }
}

PxStore *
px_demo_open (const char  *samples_dir,
              const char  *db_path,
              GError     **error)
{
  g_autofree char *stamp_path = g_strconcat (db_path, STAMP_SUFFIX, NULL);
  g_autofree char *digest = px_demo_samples_digest (samples_dir, error);
  g_autofree char *old_digest = NULL;
  g_autofree char *parent = g_path_get_dirname (db_path);
  g_autoptr(PxStore) store = NULL;
  gboolean fresh;

  if (digest == NULL)
    return NULL;
  g_file_get_contents (stamp_path, &old_digest, NULL, NULL);
  fresh = old_digest != NULL && g_str_equal (g_strstrip (old_digest), digest)
          && g_file_test (db_path, G_FILE_TEST_EXISTS);
  if (fresh)
    return px_store_open (db_path, PX_STORE_OPEN_DEFAULT, error);

  /* The demo file is ours to throw away: it never holds the user's work. */
  g_mkdir_with_parents (parent, 0700);
  remove_corpus_file (db_path);
  g_unlink (stamp_path);
  store = px_store_open (db_path, PX_STORE_OPEN_DEFAULT, error);
  if (store == NULL || !px_demo_load (store, samples_dir, error))
    return NULL;
  if (!g_file_set_contents (stamp_path, digest, -1, error))
    return NULL;
  return g_steal_pointer (&store);
}
