/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-csv-import.c: annotations.csv back into a corpus. */
#include "px-csv-import.h"

#include <string.h>

#include "px-csv.h"
#include "px-error.h"
#include "px-interchange-store.h"
#include "px-store-interchange.h"
#include "px-text.h"

enum { COL_ARTICLE_ID, COL_TITLE, COL_LABEL, COL_KIND, COL_START, COL_END, COL_TEXT,
       COL_ENTITY, COL_NOTE, COL_VALUE, COL_VALUE_SOURCE, N_COLS };

static const char * const column_names[N_COLS] = {
  "article_id", "article_title", "label", "kind", "start", "end", "text", "entity", "note",
  "value", "value_source",
};
static const gboolean column_required[N_COLS] = { TRUE, FALSE, TRUE, FALSE, TRUE, TRUE, TRUE,
                                                  FALSE, FALSE, FALSE, FALSE };

typedef struct
{
  char *sha256;
  char *title;
} OldArticle;

typedef struct
{
  gint64       id;
  char        *text;
  PxIxOffsets *offsets;
  GHashTable  *have;   /* "label_id:start:end" of annotations already there */
} Target;

typedef struct
{
  PxStore    *store;
  const char *path;
  guint       line;
  int         col[N_COLS];
  guint       n_header;
  GHashTable *old;      /* old article id (string) → OldArticle */
  GHashTable *targets;  /* old article id (string) → Target, or absent */
  GHashTable *labels;   /* name → label id */
  guint       n_added;
  guint       n_present;
} Csv;

static void
old_article_free (OldArticle *a)
{
  g_free (a->sha256);
  g_free (a->title);
  g_free (a);
}

static void
target_free (Target *t)
{
  g_free (t->text);
  px_ix_offsets_free (t->offsets);
  g_hash_table_unref (t->have);
  g_free (t);
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Csv *csv, GError **error, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PX_ERROR, PX_ERROR_PARSE, "%s:%u: %s", csv->path, csv->line, msg);
  return FALSE;
}

/* Our export neutralises formula-like cells, and cells that start with an
 * apostrophe, with one more leading apostrophe: one is stripped when the
 * rest would have been guarded. A file written before apostrophes were
 * guarded too may hold "'text" unguarded: that is kept as it is, and the
 * span text is also compared as written. */
static const char *
cell (Csv *csv, GStrv cells, int which)
{
  const char *value;

  if (csv->col[which] < 0)
    return NULL;
  value = cells[csv->col[which]];
  if (value[0] == '\'' && px_csv_cell_is_dangerous (value + 1, strlen (value + 1)))
    return value + 1;
  return value;
}

static gboolean
same_text (const char *at, gsize len, const char *text)
{
  return len == strlen (text) && memcmp (at, text, len) == 0;
}

static char *
read_data (const char *path, gsize max_bytes, gsize *len, GError **error)
{
  char *data = px_ix_read_text_file (path, max_bytes, len, error);

  /* A UTF-8 byte order mark is harmless; skip it. */
  if (data != NULL && *len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      memmove (data, data + 3, *len - 3 + 1);
      *len -= 3;
    }
  return data;
}

static void
load_old_articles (Csv *csv, const char *dir, gsize max_bytes)
{
  g_autofree char *path = g_build_filename (dir, "articles.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr(PxCsvReader) reader = NULL;
  gsize len = 0;
  GStrv cells = NULL;
  int id_col = -1, sha_col = -1, title_col = -1;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
      (data = read_data (path, max_bytes, &len, NULL)) == NULL)
    return;
  reader = px_csv_reader_new (data, len, path);
  if (!px_csv_reader_next (reader, &cells, NULL))
    return;
  for (int i = 0; cells[i] != NULL; i++)
    {
      if (g_str_equal (cells[i], "article_id")) id_col = i;
      else if (g_str_equal (cells[i], "sha256")) sha_col = i;
      else if (g_str_equal (cells[i], "title")) title_col = i;
    }
  g_strfreev (cells);
  if (id_col < 0 || sha_col < 0)
    return;
  while (px_csv_reader_next (reader, &cells, NULL))
    {
      guint n = g_strv_length (cells);

      if ((guint) MAX (MAX (id_col, sha_col), title_col) < n)
        {
          OldArticle *a = g_new0 (OldArticle, 1);

          a->sha256 = g_strdup (cells[sha_col]);
          a->title = title_col >= 0 ? g_strdup (cells[title_col]) : NULL;
          g_hash_table_insert (csv->old, g_strdup (cells[id_col]), a);
        }
      g_strfreev (cells);
    }
}

static gboolean
read_header (Csv *csv, PxCsvReader *reader, GError **error)
{
  g_auto(GStrv) cells = NULL;

  if (!px_csv_reader_next (reader, &cells, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "%s: the file is empty", csv->path);
      return FALSE;
    }
  csv->line = px_csv_reader_get_line (reader);
  csv->n_header = g_strv_length (cells);
  for (int c = 0; c < N_COLS; c++)
    {
      csv->col[c] = -1;
      for (guint i = 0; cells[i] != NULL; i++)
        if (g_str_equal (cells[i], column_names[c]))
          csv->col[c] = i;
      if (csv->col[c] < 0 && column_required[c])
        return fail (csv, error, "no '%s' column: not an annotations.csv written by Parallax",
                     column_names[c]);
    }
  return TRUE;
}

static gint64
find_article (Csv *csv, const char *old_id, const char *title)
{
  OldArticle *old = g_hash_table_lookup (csv->old, old_id);
  guint64 id = 0;
  g_autoptr(PxArticle) same = NULL;

  if (old != NULL)
    return px_store_ix_find_article (csv->store, old->sha256, NULL);
  if (g_ascii_string_to_unsigned (old_id, 10, 1, G_MAXINT64, &id, NULL) &&
      (same = px_store_get_article (csv->store, id, NULL)) != NULL &&
      (title == NULL || title[0] == '\0' || g_strcmp0 (px_article_get_title (same), title) == 0))
    return id;
  if (title != NULL && title[0] != '\0')
    return px_store_ix_find_article (csv->store, NULL, title);
  return 0;
}

static Target *
get_target (Csv *csv, const char *old_id, const char *title, GError **error)
{
  Target *t = g_hash_table_lookup (csv->targets, old_id);
  g_autoptr(GListModel) anns = NULL;
  gint64 id;

  if (t != NULL)
    return t;
  id = find_article (csv, old_id, title);
  if (id == 0)
    {
      fail (csv, error, "no article of the corpus matches article_id %s%s%s%s", old_id,
            title != NULL && title[0] ? " (title '" : "", title != NULL ? title : "",
            title != NULL && title[0] ? "')" : "");
      return NULL;
    }
  t = g_new0 (Target, 1);
  t->id = id;
  t->text = px_store_get_article_text (csv->store, id, error);
  t->have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (t->text == NULL)
    {
      target_free (t);
      return NULL;
    }
  t->offsets = px_ix_offsets_new (t->text);
  anns = px_store_list_annotations (csv->store, id);
  for (guint i = 0; i < g_list_model_get_n_items (anns); i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (anns, i);

      g_hash_table_add (t->have, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT,
                                                  px_annotation_get_label_id (a),
                                                  px_annotation_get_start (a), px_annotation_get_end (a)));
    }
  g_hash_table_insert (csv->targets, g_strdup (old_id), t);
  return t;
}

static gint64
ensure_label (Csv *csv, const char *name, const char *kind_name, GError **error)
{
  g_autoptr(PxLabel) label = NULL;
  PxLabelKind kind = PX_LABEL_ENTITY;
  gint64 id;

  if (g_hash_table_contains (csv->labels, name))
    return GPOINTER_TO_SIZE (g_hash_table_lookup (csv->labels, name));
  label = px_store_find_label (csv->store, name);
  if (label != NULL)
    id = px_label_get_id (label);
  else
    {
      if (kind_name != NULL && kind_name[0] != '\0' && !px_label_kind_from_string (kind_name, &kind))
        return fail (csv, error, "unknown kind '%s' (want entity or event)", kind_name);
      id = px_store_add_label (csv->store, name, kind, NULL, NULL, NULL, error);
    }
  if (id != 0)
    g_hash_table_insert (csv->labels, g_strdup (name), GSIZE_TO_POINTER (id));
  return id;
}

static gboolean
link_entity (Csv *csv, gint64 annotation_id, gint64 label_id, const char *name, GError **error)
{
  g_autofree char *key = px_text_match_key (name);
  g_autoptr(GPtrArray) found = px_store_find_entities_by_key (csv->store, key);
  gint64 entity_id = 0;

  for (guint i = 0; found != NULL && i < found->len && entity_id == 0; i++)
    if (g_str_equal (px_entity_get_name (found->pdata[i]), name))
      entity_id = px_entity_get_id (found->pdata[i]);
  if (entity_id == 0 && (entity_id = px_store_add_entity (csv->store, name, label_id, error)) == 0)
    return FALSE;
  return px_store_set_annotation_entity (csv->store, annotation_id, entity_id, error);
}

static gboolean
parse_offsets (Csv *csv, GStrv cells, Target *t, gsize *start, gsize *end, GError **error)
{
  guint64 s, e;

  if (!g_ascii_string_to_unsigned (cell (csv, cells, COL_START), 10, 0, G_MAXSIZE, &s, NULL) ||
      !g_ascii_string_to_unsigned (cell (csv, cells, COL_END), 10, 0, G_MAXSIZE, &e, NULL))
    return fail (csv, error, "start and end must be whole numbers");
  if (s >= e || px_ix_offsets_pointer (t->offsets, e) == NULL)
    return fail (csv, error, "span %" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT
                 " is empty or outside article %" G_GINT64_FORMAT, s, e, t->id);
  *start = s;
  *end = e;
  return TRUE;
}

/* The value of a DATE, NUM or QUOTE mention, as exported; a file without
 * the columns (written before schema 4) leaves it to be computed. */
static gboolean
import_value (Csv *csv, GStrv cells, gint64 annotation_id, GError **error)
{
  const char *value = cell (csv, cells, COL_VALUE);
  const char *source = cell (csv, cells, COL_VALUE_SOURCE);

  if (value == NULL || value[0] == '\0')
    return TRUE;
  if (g_strcmp0 (source, "computed") != 0 && g_strcmp0 (source, "coder") != 0)
    source = "coder";
  return px_store_set_annotation_value (csv->store, annotation_id, value, source, error);
}

static gboolean
import_row (Csv *csv, GStrv cells, GError **error)
{
  const char *label_name, *text, *entity, *note;
  Target *t;
  gsize start = 0, end = 0;
  gint64 label_id, ann;
  g_autofree char *key = NULL;
  const char *a, *b;

  /* Before any cell is read: a short row has no cell at a header's index. */
  if (g_strv_length (cells) != csv->n_header)
    return fail (csv, error, "the row has %u cells, the header %u", g_strv_length (cells), csv->n_header);
  label_name = cell (csv, cells, COL_LABEL);
  text = cell (csv, cells, COL_TEXT);
  entity = cell (csv, cells, COL_ENTITY);
  note = cell (csv, cells, COL_NOTE);
  if ((t = get_target (csv, cell (csv, cells, COL_ARTICLE_ID), cell (csv, cells, COL_TITLE), error)) == NULL ||
      !parse_offsets (csv, cells, t, &start, &end, error))
    return FALSE;
  a = px_ix_offsets_pointer (t->offsets, start);
  b = px_ix_offsets_pointer (t->offsets, end);
  if (!same_text (a, b - a, text) && !same_text (a, b - a, cells[csv->col[COL_TEXT]]))
    return fail (csv, error, "text '%s' is not what article %" G_GINT64_FORMAT " has at %"
                 G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT, text, t->id, start, end);
  if ((label_id = ensure_label (csv, label_name, cell (csv, cells, COL_KIND), error)) == 0)
    return FALSE;
  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT, label_id, start, end);
  if (!g_hash_table_add (t->have, g_steal_pointer (&key)))
    {
      csv->n_present++;
      return TRUE;
    }
  ann = px_store_add_annotation (csv->store, t->id, label_id, start, end, PX_ANNOTATION_ACCEPTED,
                                 note != NULL && note[0] != '\0' ? note : NULL, error);
  if (ann == 0 || !import_value (csv, cells, ann, error) ||
      (entity != NULL && entity[0] != '\0' && !link_entity (csv, ann, label_id, entity, error)))
    return FALSE;
  csv->n_added++;
  return TRUE;
}

static gboolean
import_rows (Csv *csv, PxCsvReader *reader, GError **error)
{
  for (;;)
    {
      g_auto(GStrv) cells = NULL;
      g_autoptr(GError) local = NULL;

      if (!px_csv_reader_next (reader, &cells, &local))
        {
          if (local == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      csv->line = px_csv_reader_get_line (reader);
      if (!import_row (csv, cells, error))
        return FALSE;
    }
}

/* Parses and imports @data in one transaction. FALSE on the first bad row
 * (rolled back) or store failure, with the error in @error. */
static gboolean
import_data (Csv *csv, const char *data, gsize len, GError **error)
{
  g_autoptr(PxCsvReader) reader = px_csv_reader_new (data, len, csv->path);

  if (!read_header (csv, reader, error) || !px_store_begin (csv->store, error))
    return FALSE;
  if (!import_rows (csv, reader, error))
    {
      px_store_rollback (csv->store);
      return FALSE;
    }
  return px_store_commit (csv->store, error); /* a failed commit has rolled back already */
}

/* Counts the outcome of one file into @report; FALSE only when the store
 * failed (the corpus file, not the input, is the problem). */
static gboolean
report_file (Csv *csv, GError *local, PxIxReport *report, GError **error)
{
  if (local == NULL)
    {
      report->n_imported += csv->n_added;
      report->n_duplicates += csv->n_present;
      return TRUE;
    }
  if (px_interchange_error_is_fatal (local))
    {
      px_ix_report_stopped (report, csv->path, 0, "annotation", "annotations", &local);
      g_propagate_error (error, local);
      return FALSE;
    }
  report->n_failed++;
  if (!g_str_has_prefix (local->message, csv->path))
    g_prefix_error (&local, "%s:%u: ", csv->path, csv->line);
  g_ptr_array_add (report->messages, g_strdup (local->message));
  g_error_free (local);
  return TRUE;
}

static gboolean
import_one (PxStore *store, const char *path, const char *dir, const char *data, gsize len,
            gsize max_bytes, PxIxReport *report, GError **error)
{
  Csv csv = { store, path, 0 };
  GError *local = NULL;
  g_autofree char *owned = NULL;
  gboolean ok;

  csv.old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) old_article_free);
  csv.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) target_free);
  csv.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (dir != NULL)
    load_old_articles (&csv, dir, max_bytes);
  if (data == NULL)
    data = owned = read_data (path, max_bytes, &len, &local);
  if (data != NULL)
    import_data (&csv, data, len, &local);
  ok = report_file (&csv, local, report, error);
  g_hash_table_unref (csv.old);
  g_hash_table_unref (csv.targets);
  g_hash_table_unref (csv.labels);
  return ok;
}

gboolean
px_csv_import_bytes (PxStore *store, const char *data, gsize len, const char *origin,
                     PxIxReport *report, GError **error)
{
  g_autofree char *copy = g_strndup (data, len);
  g_autoptr(GError) local = NULL;

  /* The same checks a file gets: text, UTF-8, no NUL bytes. */
  if (!px_ix_check_verbatim (data, len, origin, &local))
    {
      report->n_failed++;
      g_ptr_array_add (report->messages, g_strdup (local->message));
      return TRUE;
    }
  return import_one (store, origin, NULL, copy, len, 0, report, error);
}

PxIxReport *
px_csv_import_paths (PxStore *store, const char * const *paths,
                     const PxCsvImportOptions *options, GError **error)
{
  g_autoptr(PxIxReport) report = px_ix_report_new ();

  if (!px_csv_import_paths_into (store, paths, options, report, error))
    return NULL;
  return g_steal_pointer (&report);
}

gboolean
px_csv_import_paths_into (PxStore *store, const char * const *paths,
                          const PxCsvImportOptions *options, PxIxReport *report, GError **error)
{
  gsize max_bytes = options != NULL ? options->max_bytes : 0;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      gboolean is_dir = g_file_test (paths[i], G_FILE_TEST_IS_DIR);
      g_autofree char *file = is_dir ? g_build_filename (paths[i], "annotations.csv", NULL)
                                     : g_strdup (paths[i]);
      g_autofree char *dir = is_dir ? g_strdup (paths[i]) : g_path_get_dirname (paths[i]);

      if (!import_one (store, file, dir, NULL, 0, max_bytes, report, error))
        return FALSE;
    }
  return TRUE;
}
