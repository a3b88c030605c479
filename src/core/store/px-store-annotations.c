/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-annotations.c: annotations: spans checked against the text, cached
 * text, edits, undo. */
#include <string.h>

#include "px-store-private.h"
#include "px-text.h"

const char *const px_store_annotation_columns =
  "n.id, n.article_id, n.label_id, l.name, l.kind, n.start, n.\"end\", n.text,"
  " n.entity_id, e.name, ar.name, n.created_at, n.note, n.status,"
  " l.value_type, n.value, n.value_source";

#define ANNOTATION_FROM PX_STORE_ANNOTATION_FROM

PxAnnotation *
px_store_annotation_from_row (sqlite3_stmt *stmt)
{
  PxAnnotationFields f = {
    .id = sqlite3_column_int64 (stmt, 0),
    .article_id = sqlite3_column_int64 (stmt, 1),
    .label_id = sqlite3_column_int64 (stmt, 2),
    .label_name = px_store_column_str (stmt, 3),
    .kind = PX_LABEL_ENTITY,
    .start = (gsize) sqlite3_column_int64 (stmt, 5),
    .end = (gsize) sqlite3_column_int64 (stmt, 6),
    .text = px_store_column_str (stmt, 7),
    .entity_id = sqlite3_column_int64 (stmt, 8),
    .entity_name = px_store_column_str (stmt, 9),
    .annotator = px_store_column_str (stmt, 10),
    .created_at = px_store_column_str (stmt, 11),
    .note = px_store_column_str (stmt, 12),
    .status = PX_ANNOTATION_ACCEPTED,
    .value_type = px_store_column_str (stmt, 14),
    .value = px_store_column_str (stmt, 15),
    .value_source = px_store_column_str (stmt, 16),
  };

  px_label_kind_from_string (px_store_column_str (stmt, 4), &f.kind);
  px_annotation_status_from_string (px_store_column_str (stmt, 13), &f.status);
  return px_annotation_new_from_fields (&f);
}

static gint64
annotator_id (PxStore     *self,
              const char  *name,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = -1;
  int rc;

  if (name == NULL || *name == '\0')
    return 0;
  stmt = px_store_prepare (self, "INSERT OR IGNORE INTO annotator (name) VALUES (?)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      return -1;
    }
  stmt = px_store_prepare (self, "SELECT id FROM annotator WHERE name = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    px_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return id;
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

typedef struct
{
  gint64              id;          /* 0: a new one */
  gint64              article_id;
  gint64              label_id;
  gsize               start;
  gsize               end;
  gint64              entity_id;
  const char         *annotator;
  const char         *created_at;
  const char         *note;
  PxAnnotationStatus  status;
  const char         *value;
  const char         *value_source;
} AnnotationRow;

/* Checks the span against the article's length (code points) and inserts,
 * caching the span's text with substr(), which counts code points too. */
static gint64
insert_annotation (PxStore              *self,
                   const AnnotationRow  *row,
                   GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 chars, ann;
  int rc;

  stmt = px_store_prepare (self, "SELECT chars FROM article WHERE id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->article_id);
  if (!px_store_found (self, sqlite3_step (stmt), "article", row->article_id, error))
    {
      sqlite3_reset (stmt);
      return 0;
    }
  chars = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (row->start >= row->end || (gint64) row->end > chars)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "%s: span %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT " is not inside article %"
                   G_GINT64_FORMAT " (%" G_GINT64_FORMAT " characters)",
                   px_store_get_path (self), row->start, row->end, row->article_id, chars);
      return 0;
    }
  ann = annotator_id (self, row->annotator, error);
  if (ann < 0)
    return 0;
  stmt = px_store_prepare (self,
    "INSERT INTO annotation (id, article_id, label_id, start, \"end\", text, entity_id,"
    " annotator_id, created_at, note, status, value, value_source)"
    " SELECT ?1, ?2, ?3, ?4, ?5, substr(text, ?4 + 1, ?5 - ?4), ?6, ?7, ?8, ?9, ?10, ?11, ?12"
    " FROM article WHERE id = ?2", error);
  if (stmt == NULL)
    return 0;
  if (row->id != 0)
    sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, row->article_id);
  sqlite3_bind_int64 (stmt, 3, row->label_id);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) row->start);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) row->end);
  if (row->entity_id != 0)
    sqlite3_bind_int64 (stmt, 6, row->entity_id);
  if (ann != 0)
    sqlite3_bind_int64 (stmt, 7, ann);
  sqlite3_bind_text (stmt, 8, row->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, row->note, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, px_annotation_status_to_string (row->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, row->value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, row->value != NULL ? row->value_source : NULL, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                     "%s: cannot add the annotation: %s (unknown label or entity?)",
                     px_store_get_path (self), sqlite3_errmsg (px_store_get_db (self)));
      else
        px_store_set_error (self, rc, error);
      return 0;
    }
  return sqlite3_last_insert_rowid (px_store_get_db (self));
}

gint64
px_store_add_annotation (PxStore            *self,
                         gint64              article_id,
                         gint64              label_id,
                         gsize               start,
                         gsize               end,
                         PxAnnotationStatus  status,
                         const char         *note,
                         GError            **error)
{
  g_autofree char *now = now_iso ();
  AnnotationRow row = { 0, article_id, label_id, start, end, 0,
                        px_store_get_annotator (self), now, note, status };
  gint64 id;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  if (!px_store_write_begin (self, error))
    return 0;
  id = insert_annotation (self, &row, error);
  if (id == 0)
    {
      px_store_write_abort (self);
      return 0;
    }
  px_store_queue (self, PX_STORE_PENDING_ARTICLE_COUNTS);
  px_store_queue_annotation_row (self, article_id, id);
  if (!px_store_write_end (self, error))
    return 0;
  return id;
}

gboolean
px_store_restore_annotation (PxStore       *self,
                             PxAnnotation  *annotation,
                             GError       **error)
{
  AnnotationRow row = {
    px_annotation_get_id (annotation),
    px_annotation_get_article_id (annotation),
    px_annotation_get_label_id (annotation),
    px_annotation_get_start (annotation),
    px_annotation_get_end (annotation),
    px_annotation_get_entity_id (annotation),
    px_annotation_get_annotator (annotation),
    px_annotation_get_created_at (annotation),
    px_annotation_get_note (annotation),
    px_annotation_get_status (annotation),
    px_annotation_get_value (annotation),
    px_annotation_get_value_source (annotation),
  };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_write_begin (self, error))
    return FALSE;
  /* The entity may have gone meanwhile; the mention then comes back unlinked. */
  if (row.entity_id != 0)
    {
      g_autoptr(PxEntity) entity = px_store_get_entity (self, row.entity_id, NULL);
      if (entity == NULL)
        row.entity_id = 0;
    }
  if (insert_annotation (self, &row, error) == 0)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_ARTICLE_COUNTS | PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotation_row (self, row.article_id, row.id);
  return px_store_write_end (self, error);
}

PxAnnotation *
px_store_get_annotation (PxStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s" ANNOTATION_FROM " WHERE n.id = ?",
                                          px_store_annotation_columns);
  sqlite3_stmt *stmt;
  PxAnnotation *annotation;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = px_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!px_store_found (self, sqlite3_step (stmt), "annotation", id, error))
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  annotation = px_store_annotation_from_row (stmt);
  sqlite3_reset (stmt);
  return annotation;
}

static gint64
annotation_article (PxStore  *self,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt = px_store_prepare (self, "SELECT article_id FROM annotation WHERE id = ?", error);
  gint64 article = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (px_store_found (self, sqlite3_step (stmt), "annotation", id, error))
    article = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return article;
}

/* One UPDATE or DELETE of one annotation, by id in parameter 1 and an
 * optional value in parameter 2 (bound by the caller's closure). */
static gboolean
change_annotation (PxStore     *self,
                   gint64       id,
                   const char  *sql,
                   int          kind,    /* 0: none, 1: int64, 2: text */
                   gint64       value,
                   const char  *text,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 article;
  int rc;

  if (!px_store_write_begin (self, error))
    return FALSE;
  article = annotation_article (self, id, error);
  stmt = article != 0 ? px_store_prepare (self, sql, error) : NULL;
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (kind == 1 && value != 0)
    sqlite3_bind_int64 (stmt, 2, value);
  else if (kind == 2)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no such label or entity",
                     px_store_get_path (self));
      else
        px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_ARTICLE_COUNTS | PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotation_row (self, article, id);
  px_store_queue_events (self, article);
  return px_store_write_end (self, error);
}

gboolean
px_store_delete_annotation (PxStore  *self,
                            gint64    id,
                            GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  /* Foreign keys cascade to the events it triggers and the arguments that
   * point at it. */
  return change_annotation (self, id, "DELETE FROM annotation WHERE id = ?1", 0, 0, NULL, error);
}

gboolean
px_store_set_annotation_label (PxStore  *self,
                               gint64    id,
                               gint64    label_id,
                               GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return change_annotation (self, id, "UPDATE annotation SET label_id = ?2 WHERE id = ?1",
                            1, label_id, NULL, error);
}

gboolean
px_store_set_annotation_status (PxStore             *self,
                                gint64               id,
                                PxAnnotationStatus   status,
                                GError             **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return change_annotation (self, id, "UPDATE annotation SET status = ?2 WHERE id = ?1",
                            2, 0, px_annotation_status_to_string (status), error);
}

gboolean
px_store_set_annotation_note (PxStore     *self,
                              gint64       id,
                              const char  *note,
                              GError     **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return change_annotation (self, id, "UPDATE annotation SET note = ?2 WHERE id = ?1",
                            2, 0, (note != NULL && *note != '\0') ? note : NULL, error);
}

gboolean
px_store_set_annotation_entity (PxStore  *self,
                                gint64    id,
                                gint64    entity_id,
                                GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return change_annotation (self, id, "UPDATE annotation SET entity_id = ?2 WHERE id = ?1",
                            1, entity_id, NULL, error);
}

gboolean
px_store_set_annotation_value (PxStore     *self,
                               gint64       id,
                               const char  *value,
                               const char  *source,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 article;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (value != NULL && *value == '\0')
    value = NULL;
  if (!px_store_write_begin (self, error))
    return FALSE;
  article = annotation_article (self, id, error);
  stmt = article != 0
    ? px_store_prepare (self, "UPDATE annotation SET value = ?2, value_source = ?3 WHERE id = ?1", error)
    : NULL;
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, value != NULL ? source : NULL, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue_annotation_row (self, article, id);
  px_store_queue_events (self, article);
  return px_store_write_end (self, error);
}

GPtrArray *
px_store_load_annotations (PxStore  *self,
                           gint64    article_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf ("SELECT %s" ANNOTATION_FROM
                                          " WHERE n.article_id = ? ORDER BY n.start, n.\"end\", n.id",
                                          px_store_annotation_columns);
  sqlite3_stmt *stmt = px_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, px_store_annotation_from_row (stmt));
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}

/* ---- Lookups for the editor ------------------------------------------- */

PxAnnotation *
px_store_find_annotation (PxStore  *self,
                          gint64    article_id,
                          gint64    label_id,
                          gsize     start,
                          gsize     end,
                          GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s" ANNOTATION_FROM
                                          " WHERE n.article_id = ?1 AND n.label_id = ?2"
                                          " AND n.start = ?3 AND n.\"end\" = ?4 AND ar.name IS ?5"
                                          " ORDER BY n.status = 'accepted' DESC, n.id LIMIT 1",
                                          px_store_annotation_columns);
  sqlite3_stmt *stmt;
  PxAnnotation *annotation = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = px_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, label_id);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) start);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) end);
  sqlite3_bind_text (stmt, 5, px_store_get_annotator (self), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    annotation = px_store_annotation_from_row (stmt);
  else if (rc != SQLITE_DONE)
    px_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return annotation;
}
