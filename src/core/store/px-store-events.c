/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-events.c: events, their arguments, story events. */
#include <string.h>

#include "px-store-private.h"
#include "px-text.h"

/* ---- Events ----------------------------------------------------------- */

const char *const px_store_event_columns =
  "v.id, v.article_id, v.label_id, l.name, v.trigger_annotation_id, v.story_event_id";

#define EVENT_FROM " FROM event v JOIN label l ON l.id = v.label_id" \
                   " JOIN annotation t ON t.id = v.trigger_annotation_id"

PxEvent *
px_store_event_from_row (PxStore      *self,
                         sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func ((GDestroyNotify) px_event_argument_free);
  GError *error = NULL;
  sqlite3_stmt *arg_stmt = px_store_prepare (self,
    "SELECT role, annotation_id FROM event_argument WHERE event_id = ? ORDER BY rowid", &error);
  int rc;

  /* Row readers have no error path: the store keeps the error. */
  if (arg_stmt != NULL)
    {
      sqlite3_bind_int64 (arg_stmt, 1, id);
      while ((rc = sqlite3_step (arg_stmt)) == SQLITE_ROW)
        g_ptr_array_add (args, px_event_argument_new (px_store_column_str (arg_stmt, 0),
                                                      sqlite3_column_int64 (arg_stmt, 1)));
      px_store_step_ok (self, rc, &error);
      sqlite3_reset (arg_stmt);
    }
  px_store_note_read_error (self, error);
  return g_object_new (PX_TYPE_EVENT,
                       "id", id,
                       "article-id", (gint64) sqlite3_column_int64 (stmt, 1),
                       "label-id", (gint64) sqlite3_column_int64 (stmt, 2),
                       "label-name", px_store_column_str (stmt, 3),
                       "trigger-annotation-id", (gint64) sqlite3_column_int64 (stmt, 4),
                       "story-event-id", (gint64) sqlite3_column_int64 (stmt, 5),
                       "arguments", args,
                       NULL);
}

gint64
px_store_add_event (PxStore  *self,
                    gint64    article_id,
                    gint64    label_id,
                    gint64    trigger_annotation_id,
                    GError  **error)
{
  gint64 new_id;
  g_autoptr(PxAnnotation) trigger = NULL;
  g_autoptr(PxLabel) label = NULL;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  trigger = px_store_get_annotation (self, trigger_annotation_id, error);
  if (trigger == NULL)
    return 0;
  if (px_annotation_get_article_id (trigger) != article_id)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "%s: the trigger annotation %" G_GINT64_FORMAT " is not in article %" G_GINT64_FORMAT,
                   px_store_get_path (self), trigger_annotation_id, article_id);
      return 0;
    }
  label = px_store_get_label (self, label_id, error);
  if (label == NULL || !px_store_write_begin (self, error))
    return 0;
  {
    sqlite3_stmt *stmt = px_store_prepare (self,
      "INSERT INTO event (article_id, label_id, trigger_annotation_id) VALUES (?, ?, ?)", error);
    int rc = SQLITE_ERROR;

    if (stmt != NULL)
      {
        sqlite3_bind_int64 (stmt, 1, article_id);
        sqlite3_bind_int64 (stmt, 2, label_id);
        sqlite3_bind_int64 (stmt, 3, trigger_annotation_id);
        rc = sqlite3_step (stmt);
        if (rc != SQLITE_DONE)
          px_store_set_error (self, rc, error);
      }
    if (rc != SQLITE_DONE)
      {
        px_store_write_abort (self);
        return 0;
      }
  }
  px_store_queue_events (self, article_id);
  /* Read before the commit: a handler of the signals it emits may write. */
  new_id = sqlite3_last_insert_rowid (px_store_get_db (self));
  if (!px_store_write_end (self, error))
    return 0;
  return new_id;
}

static gint64
event_article (PxStore  *self,
               gint64    event_id,
               GError  **error)
{
  sqlite3_stmt *stmt = px_store_prepare (self, "SELECT article_id FROM event WHERE id = ?", error);
  gint64 article = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (px_store_found (self, sqlite3_step (stmt), "event", event_id, error))
    article = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return article;
}

static gboolean
change_argument (PxStore     *self,
                 const char  *sql,
                 gint64       event_id,
                 const char  *role,
                 gint64       annotation_id,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 article;
  int rc;

  if (role == NULL || *role == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: an event argument needs a role",
                   px_store_get_path (self));
      return FALSE;
    }
  if (!px_store_write_begin (self, error))
    return FALSE;
  article = event_article (self, event_id, error);
  stmt = article != 0 ? px_store_prepare (self, sql, error) : NULL;
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, annotation_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                     "%s: annotation %" G_GINT64_FORMAT " cannot be that argument (missing, or already there)",
                     px_store_get_path (self), annotation_id);
      else
        px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue_events (self, article);
  return px_store_write_end (self, error);
}

gboolean
px_store_add_event_argument (PxStore     *self,
                             gint64       event_id,
                             const char  *role,
                             gint64       annotation_id,
                             GError     **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return change_argument (self,
    "INSERT INTO event_argument (event_id, role, annotation_id) VALUES (?, ?, ?)",
    event_id, role, annotation_id, error);
}

gboolean
px_store_remove_event_argument (PxStore     *self,
                                gint64       event_id,
                                const char  *role,
                                gint64       annotation_id,
                                GError     **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return change_argument (self,
    "DELETE FROM event_argument WHERE event_id = ? AND role = ? AND annotation_id = ?",
    event_id, role, annotation_id, error);
}

gboolean
px_store_delete_event (PxStore  *self,
                       gint64    id,
                       GError  **error)
{
  gint64 article;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_write_begin (self, error))
    return FALSE;
  article = event_article (self, id, error);
  if (article == 0 || !px_store_step_ids (self, "DELETE FROM event WHERE id = ?", id, 0, error))
    {
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue_events (self, article);
  return px_store_write_end (self, error);
}

PxEvent *
px_store_get_event (PxStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s" EVENT_FROM " WHERE v.id = ?", px_store_event_columns);
  sqlite3_stmt *stmt;
  PxEvent *event;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = px_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!px_store_found (self, sqlite3_step (stmt), "event", id, error))
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  event = px_store_event_from_row (self, stmt);
  sqlite3_reset (stmt);
  return event;
}

GPtrArray *
px_store_load_events (PxStore  *self,
                      gint64    article_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf ("SELECT %s" EVENT_FROM
                                          " WHERE v.article_id = ? ORDER BY t.start, t.\"end\", v.id",
                                          px_store_event_columns);
  sqlite3_stmt *stmt = px_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, px_store_event_from_row (self, stmt));
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}

gint64
px_store_add_story_event (PxStore     *self,
                          gint64       story_id,
                          const char  *name,
                          GError     **error)
{
  gint64 new_id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  if (!px_store_write_begin (self, error))
    return 0;
  stmt = px_store_prepare (self, "INSERT INTO story_event (story_id, name) VALUES (?, ?)", error);
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return 0;
    }
  if (story_id != 0)
    sqlite3_bind_int64 (stmt, 1, story_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no story %" G_GINT64_FORMAT,
                     px_store_get_path (self), story_id);
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

gboolean
px_store_set_event_story_event (PxStore  *self,
                                gint64    event_id,
                                gint64    story_event_id,
                                GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 article;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_write_begin (self, error))
    return FALSE;
  article = event_article (self, event_id, error);
  stmt = article != 0 ? px_store_prepare (self, "UPDATE event SET story_event_id = ?2 WHERE id = ?1", error) : NULL;
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (story_event_id != 0)
    sqlite3_bind_int64 (stmt, 2, story_event_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no story event %" G_GINT64_FORMAT,
                     px_store_get_path (self), story_event_id);
      else
        px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue_events (self, article);
  return px_store_write_end (self, error);
}
