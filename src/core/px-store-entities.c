/* px-store-entities.c: entities (corpus-wide, found by match key), merges. */
#include <string.h>

#include "px-store-private.h"
#include "px-text.h"

/* ---- Entities --------------------------------------------------------- */

const char *const px_store_entity_columns =
  "e.id, e.name, e.label_id, l.name, e.match_key,"
  " (SELECT count(*) FROM annotation n WHERE n.entity_id = e.id),"
  " (SELECT count(DISTINCT n.article_id) FROM annotation n WHERE n.entity_id = e.id)";

#define ENTITY_FROM " FROM entity e LEFT JOIN label l ON l.id = e.label_id"

PxEntity *
px_store_entity_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (PX_TYPE_ENTITY,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "name", px_store_column_str (stmt, 1),
                       "label-id", (gint64) sqlite3_column_int64 (stmt, 2),
                       "label-name", px_store_column_str (stmt, 3),
                       "match-key", px_store_column_str (stmt, 4),
                       "n-mentions", (guint) sqlite3_column_int (stmt, 5),
                       "n-articles", (guint) sqlite3_column_int (stmt, 6),
                       NULL);
}

gint64
px_store_add_entity (PxStore     *self,
                     const char  *name,
                     gint64       label_id,
                     GError     **error)
{
  gint64 new_id;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: an entity needs a name",
                   px_store_get_path (self));
      return 0;
    }
  if (!px_store_write_begin (self, error))
    return 0;
  key = px_text_match_key (name);
  stmt = px_store_prepare (self, "INSERT INTO entity (name, label_id, match_key) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return 0;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (label_id != 0)
    sqlite3_bind_int64 (stmt, 2, label_id);
  sqlite3_bind_text (stmt, 3, key != NULL ? key : "", -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return 0;
    }
  px_store_queue (self, PX_STORE_PENDING_ENTITIES);
  /* Read before the commit: a handler of the signals it emits may write. */
  new_id = sqlite3_last_insert_rowid (px_store_get_db (self));
  if (!px_store_write_end (self, error))
    return 0;
  return new_id;
}

PxEntity *
px_store_get_entity (PxStore  *self,
                     gint64    id,
                     GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s" ENTITY_FROM " WHERE e.id = ?", px_store_entity_columns);
  sqlite3_stmt *stmt;
  PxEntity *entity;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = px_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no entity %" G_GINT64_FORMAT,
                   px_store_get_path (self), id);
      return NULL;
    }
  entity = px_store_entity_from_row (stmt);
  sqlite3_reset (stmt);
  return entity;
}

GPtrArray *
px_store_find_entities_by_key (PxStore    *self,
                               const char *key)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf ("SELECT %s" ENTITY_FROM " WHERE e.match_key = ? ORDER BY e.id",
                                          px_store_entity_columns);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), items);
  stmt = px_store_prepare (self, sql, NULL);
  if (stmt == NULL || key == NULL)
    return items;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, px_store_entity_from_row (stmt));
  sqlite3_reset (stmt);
  return items;
}

gboolean
px_store_step_ids (PxStore     *self,
                   const char  *sql,
                   gint64       a,
                   gint64       b,
                   GError     **error)
{
  sqlite3_stmt *stmt = px_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_store_merge_entities (PxStore  *self,
                         gint64    keep_id,
                         gint64    drop_id,
                         GError  **error)
{
  g_autoptr(PxEntity) keep = NULL;
  g_autoptr(PxEntity) drop = NULL;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (keep_id == drop_id)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: cannot merge an entity with itself",
                   px_store_get_path (self));
      return FALSE;
    }
  keep = px_store_get_entity (self, keep_id, error);
  drop = keep != NULL ? px_store_get_entity (self, drop_id, error) : NULL;
  if (drop == NULL || !px_store_write_begin (self, error))
    return FALSE;
  if (!px_store_step_ids (self, "UPDATE annotation SET entity_id = ?1 WHERE entity_id = ?2", keep_id, drop_id, error) ||
      !px_store_step_ids (self, "DELETE FROM entity WHERE id = ?", drop_id, 0, error))
    {
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotations (self, 0);
  return px_store_write_end (self, error);
}

gboolean
px_store_rename_entity (PxStore     *self,
                        gint64       id,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: an entity needs a name",
                   px_store_get_path (self));
      return FALSE;
    }
  if (!px_store_write_begin (self, error))
    return FALSE;
  key = px_text_match_key (name);
  stmt = px_store_prepare (self, "UPDATE entity SET name = ?2, match_key = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key != NULL ? key : "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE || sqlite3_changes (px_store_get_db (self)) == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no entity %" G_GINT64_FORMAT,
                   px_store_get_path (self), id);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotations (self, 0);
  return px_store_write_end (self, error);
}

gboolean
px_store_delete_entity (PxStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_write_begin (self, error))
    return FALSE;
  if (!px_store_step_ids (self, "DELETE FROM entity WHERE id = ?", id, 0, error))
    {
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotations (self, 0);
  return px_store_write_end (self, error);
}

GPtrArray *
px_store_load_entities (PxStore *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf ("SELECT %s" ENTITY_FROM " ORDER BY e.name COLLATE NOCASE, e.id",
                                          px_store_entity_columns);
  sqlite3_stmt *stmt = px_store_prepare (self, sql, NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, px_store_entity_from_row (stmt));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return items;
}
