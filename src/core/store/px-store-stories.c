/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-stories.c: stories and which articles they hold. */
#include <string.h>

#include "px-store-private.h"

/* ---- Stories ---------------------------------------------------------- */

const char *const px_store_story_columns =
  "s.id, s.name, s.date, s.notes,"
  " (SELECT count(*) FROM story_article x WHERE x.story_id = s.id)";

PxStory *
px_store_story_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (PX_TYPE_STORY,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "name", px_store_column_str (stmt, 1),
                       "date", px_store_column_str (stmt, 2),
                       "notes", px_store_column_str (stmt, 3),
                       "n-articles", (guint) sqlite3_column_int (stmt, 4),
                       NULL);
}

gboolean
px_store_check_name (PxStore     *self,
                     const char  *name,
                     const char  *what,
                     GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: a %s needs a name",
                   px_store_get_path (self), what);
      return FALSE;
    }
  return TRUE;
}

gint64
px_store_add_story (PxStore     *self,
                    const char  *name,
                    GError     **error)
{
  gint64 new_id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  if (!px_store_check_name (self, name, "story", error) || !px_store_write_begin (self, error))
    return 0;
  stmt = px_store_prepare (self, "INSERT INTO story (name) VALUES (?)", error);
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return 0;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE, "%s: there is already a story named “%s”",
                     px_store_get_path (self), name);
      else
        px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return 0;
    }
  px_store_queue (self, PX_STORE_PENDING_STORIES);
  /* Read before the commit: a handler of the signals it emits may write. */
  new_id = sqlite3_last_insert_rowid (px_store_get_db (self));
  if (!px_store_write_end (self, error))
    return 0;
  return new_id;
}

gint64
px_store_ensure_story (PxStore     *self,
                       const char  *name,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  stmt = px_store_prepare (self, "SELECT id FROM story WHERE name = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return id;
    }
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return 0;
  return px_store_add_story (self, name, error);
}

gboolean
px_store_rename_story (PxStore     *self,
                       gint64       story_id,
                       const char  *name,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_check_name (self, name, "story", error) || !px_store_write_begin (self, error))
    return FALSE;
  stmt = px_store_prepare (self, "UPDATE story SET name = ? WHERE id = ?", error);
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, story_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE || sqlite3_changes (px_store_get_db (self)) == 0)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no story %" G_GINT64_FORMAT,
                     px_store_get_path (self), story_id);
      else if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE, "%s: there is already a story named “%s”",
                     px_store_get_path (self), name);
      else
        px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_STORIES | PX_STORE_PENDING_ARTICLES);
  return px_store_write_end (self, error);
}

gboolean
px_store_delete_story (PxStore  *self,
                       gint64    story_id,
                       GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_write_ids (self, "DELETE FROM story WHERE id = ?", story_id, 0, "story", error))
    return FALSE;
  px_store_queue (self, PX_STORE_PENDING_STORIES | PX_STORE_PENDING_ARTICLES);
  return px_store_write_end (self, error);
}

gboolean
px_store_set_article_story (PxStore  *self,
                            gint64    article_id,
                            gint64    story_id,
                            GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_write_ids (self, "DELETE FROM story_article WHERE article_id = ?", article_id, 0, NULL, error))
    return FALSE;
  if (story_id != 0)
    {
      if (!px_store_write_ids (self, "INSERT INTO story_article (article_id, story_id) VALUES (?, ?)",
                      article_id, story_id, NULL, error))
        {
          px_store_write_abort (self);
          return FALSE;
        }
      px_store_write_end (self, NULL);
    }
  px_store_queue (self, PX_STORE_PENDING_STORIES | PX_STORE_PENDING_ARTICLES);
  return px_store_write_end (self, error);
}

PxStory *
px_store_get_story (PxStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM story s WHERE s.id = ?", px_store_story_columns);
  sqlite3_stmt *stmt;
  PxStory *story;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = px_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!px_store_found (self, sqlite3_step (stmt), "story", id, error))
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  story = px_store_story_from_row (stmt);
  sqlite3_reset (stmt);
  return story;
}

GPtrArray *
px_store_load_stories (PxStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM story s ORDER BY s.name COLLATE NOCASE, s.id",
                                          px_store_story_columns);
  sqlite3_stmt *stmt = px_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, px_store_story_from_row (stmt));
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}
