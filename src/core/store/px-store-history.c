/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-history.c: change sets, the store's side of the editor's undo.
 *
 * An edit is recorded with SQLite's session extension while it runs, so the
 * undo history holds exactly the rows the edit touched: cascaded deletes,
 * entities created on the way and ids included. Undo applies the inverse
 * change set, redo the change set itself, and both bring back the very same
 * rows (same ids), however the edit got there.
 *
 * Only the corpus's own tables are recorded: the FTS index follows its
 * table through triggers, which fire again when a change set is applied. */
#include <string.h>

#include "px-store-private.h"

/* Tables an edit may touch, in the order the signals care about. */
static const char *const recorded_tables[] = {
  "article", "story", "story_article", "label", "label_role", "annotator",
  "entity", "annotation", "story_event", "event", "event_argument",
  "ix_fragment", "ix_annotation_ref", "ix_event_ref", "ix_event_arg_event",
  "ix_arg_role", "ix_relation", "ix_kept_line", "ix_article_meta", "article_status",
};

static int
table_filter (void       *ctx,
              const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (recorded_tables); i++)
    if (strcmp (table, recorded_tables[i]) == 0)
      return 1;
  return 0;
}

gboolean
px_store_record_begin (PxStore  *self,
                       GError  **error)
{
  sqlite3_session *session = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (px_store_get_session (self) == NULL, FALSE);

  if (!px_store_write_begin (self, error))
    return FALSE;
  rc = sqlite3session_create (px_store_get_db (self), "main", &session);
  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (session, table_filter, NULL);
      rc = sqlite3session_attach (session, NULL);
    }
  if (rc != SQLITE_OK)
    {
      if (session != NULL)
        sqlite3session_delete (session);
      px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_set_session (self, session);
  return TRUE;
}

static void
drop_session (PxStore *self)
{
  sqlite3_session *session = px_store_get_session (self);

  px_store_set_session (self, NULL);
  if (session != NULL)
    sqlite3session_delete (session);
}

GBytes *
px_store_record_end (PxStore  *self,
                     GError  **error)
{
  sqlite3_session *session = px_store_get_session (self);
  void *data = NULL;
  int n = 0;
  int rc;
  g_autoptr(GBytes) changes = NULL;

  g_return_val_if_fail (session != NULL, NULL);

  rc = sqlite3session_changeset (session, &n, &data);
  drop_session (self);
  if (rc != SQLITE_OK)
    {
      px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return NULL;
    }
  changes = g_bytes_new (data, n);
  sqlite3_free (data);
  /* A failed commit has already rolled back (px_store_commit). */
  if (!px_store_write_end (self, error))
    return NULL;
  return g_steal_pointer (&changes);
}

void
px_store_record_abort (PxStore *self)
{
  g_return_if_fail (px_store_get_session (self) != NULL);

  drop_session (self);
  px_store_write_abort (self);
}

/* ---- Applying --------------------------------------------------------- */

typedef struct
{
  PxStore *store;
  char    *conflict_table;
} ApplyContext;

static gboolean
same_value (sqlite3_value *a,
            sqlite3_value *b)
{
  int type = sqlite3_value_type (a);

  if (type != sqlite3_value_type (b))
    return FALSE;
  switch (type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    default:
      return sqlite3_value_bytes (a) == sqlite3_value_bytes (b)
             && memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b),
                        sqlite3_value_bytes (a)) == 0;
    }
}

/* The row in the file already holds what the change would write. */
static gboolean
already_applied (sqlite3_changeset_iter *iter,
                 int                     n_columns)
{
  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *wanted = NULL, *current = NULL;

      if (sqlite3changeset_new (iter, i, &wanted) != SQLITE_OK || wanted == NULL)
        continue; /* an UPDATE leaves this column alone */
      if (sqlite3changeset_conflict (iter, i, &current) != SQLITE_OK || current == NULL
          || !same_value (wanted, current))
        return FALSE;
    }
  return TRUE;
}

/* Columns whose foreign key is ON DELETE SET NULL, by table (column
 * numbers as in px-store-schema.c). */
static gboolean
is_set_null_column (const char *table,
                    int         col)
{
  return (col == 6 && strcmp (table, "annotation") == 0)   /* entity_id */
         || (col == 2 && strcmp (table, "entity") == 0)    /* label_id */
         || (col == 4 && strcmp (table, "event") == 0);    /* story_event_id */
}

/* The row differs from what the change expects only where a deletion
 * earlier in the same change set has just set a foreign key to NULL. */
static gboolean
explained_by_set_null (sqlite3_changeset_iter *iter,
                       const char             *table,
                       int                     n_columns)
{
  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *expected = NULL, *current = NULL;

      if (sqlite3changeset_old (iter, i, &expected) != SQLITE_OK || expected == NULL)
        continue;
      if (sqlite3changeset_conflict (iter, i, &current) != SQLITE_OK || current == NULL)
        return FALSE;
      if (same_value (expected, current))
        continue;
      if (sqlite3_value_type (current) != SQLITE_NULL || !is_set_null_column (table, i))
        return FALSE;
    }
  return TRUE;
}

/* Foreign keys do part of an edit's work again when it is replayed: a
 * deleted annotation takes its events along, a deleted entity unlinks its
 * mentions. The recorded change for such a row then finds it gone, already
 * as wanted, or with just that key cleared, which is no conflict. Anything else means another
 * program changed these rows since, and the step is refused whole. */
static int
on_conflict (void                   *user_data,
             int                     kind,
             sqlite3_changeset_iter *iter)
{
  ApplyContext *ctx = user_data;
  const char *table = NULL;
  int n_columns = 0, op = 0, indirect = 0;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  switch (kind)
    {
    case SQLITE_CHANGESET_NOTFOUND:
      if (op == SQLITE_DELETE)
        return SQLITE_CHANGESET_OMIT;
      break;
    case SQLITE_CHANGESET_DATA:
      if (op == SQLITE_UPDATE && already_applied (iter, n_columns))
        return SQLITE_CHANGESET_OMIT;
      if (explained_by_set_null (iter, table, n_columns))
        return SQLITE_CHANGESET_REPLACE;
      break;
    case SQLITE_CHANGESET_CONFLICT:
      if (op == SQLITE_INSERT && already_applied (iter, n_columns))
        return SQLITE_CHANGESET_OMIT;
      break;
    default:
      break;
    }
  if (ctx->conflict_table == NULL)
    ctx->conflict_table = g_strdup (table != NULL ? table : "?");
  return SQLITE_CHANGESET_ABORT;
}

static gint64
lookup_id (PxStore    *self,
           const char *sql,
           gint64      id)
{
  sqlite3_stmt *stmt = px_store_prepare (self, sql, NULL);
  gint64 result = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return result;
}

/* Column @col of the row as it is after the change (INSERT, UPDATE) or was
 * before it (DELETE); 0 when the change set does not carry it. */
static gint64
change_column (sqlite3_changeset_iter *iter,
               int                     op,
               int                     col)
{
  sqlite3_value *value = NULL;

  if (op == SQLITE_DELETE)
    sqlite3changeset_old (iter, col, &value);
  else
    {
      sqlite3changeset_new (iter, col, &value);
      if (value == NULL && op == SQLITE_UPDATE)
        sqlite3changeset_old (iter, col, &value);
    }
  return value != NULL ? sqlite3_value_int64 (value) : 0;
}

static void
queue_change (PxStore                *self,
              sqlite3_changeset_iter *iter)
{
  const char *table = NULL;
  int n_columns = 0, op = 0, indirect = 0;
  gint64 id, article_id;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  id = change_column (iter, op, 0);
  if (strcmp (table, "annotation") == 0)
    {
      article_id = change_column (iter, op, 1);
      if (article_id == 0)
        article_id = lookup_id (self, "SELECT article_id FROM annotation WHERE id = ?1", id);
      px_store_queue_annotation_row (self, article_id, id);
      px_store_queue (self, PX_STORE_PENDING_ARTICLE_COUNTS | PX_STORE_PENDING_ENTITIES);
    }
  else if (strcmp (table, "entity") == 0)
    px_store_queue (self, PX_STORE_PENDING_ENTITIES);
  else if (strcmp (table, "event") == 0)
    {
      article_id = change_column (iter, op, 1);
      if (article_id == 0)
        article_id = lookup_id (self, "SELECT article_id FROM event WHERE id = ?1", id);
      px_store_queue_events (self, article_id);
    }
  else if (strcmp (table, "event_argument") == 0 || strcmp (table, "story_event") == 0)
    {
      /* An argument of an event deleted in the same step has no event left
       * to name its article: every article's events are read again. */
      article_id = strcmp (table, "event_argument") == 0
        ? lookup_id (self, "SELECT article_id FROM event WHERE id = ?1", id) : 0;
      px_store_queue_events (self, article_id);
    }
  else if (strcmp (table, "article") == 0 || strcmp (table, "story_article") == 0
           || strcmp (table, "article_status") == 0)
    px_store_queue (self, PX_STORE_PENDING_ARTICLES | PX_STORE_PENDING_STORIES);
  else if (strcmp (table, "story") == 0)
    px_store_queue (self, PX_STORE_PENDING_STORIES | PX_STORE_PENDING_ARTICLES);
  else if (strcmp (table, "label") == 0 || strcmp (table, "label_role") == 0)
    px_store_queue (self, PX_STORE_PENDING_LABELS);
}

/* Queues the signals for every row @changes touched, read after applying. */
static void
queue_changes (PxStore *self,
               GBytes  *changes)
{
  sqlite3_changeset_iter *iter = NULL;
  gsize n = 0;
  gconstpointer data = g_bytes_get_data (changes, &n);

  if (sqlite3changeset_start (&iter, (int) n, (void *) data) != SQLITE_OK)
    {
      px_store_queue_annotations (self, 0);
      px_store_queue_events (self, 0);
      px_store_queue (self, PX_STORE_PENDING_ENTITIES | PX_STORE_PENDING_ARTICLES);
      return;
    }
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    queue_change (self, iter);
  sqlite3changeset_finalize (iter);
}

gboolean
px_store_apply_changes (PxStore   *self,
                        GBytes    *changes,
                        gboolean   invert,
                        GError   **error)
{
  g_autoptr(GBytes) applied = NULL;
  ApplyContext ctx = { self, NULL };
  gsize n = 0;
  gconstpointer data;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  data = g_bytes_get_data (changes, &n);
  if (invert)
    {
      void *inverse = NULL;
      int n_inverse = 0;

      rc = sqlite3changeset_invert ((int) n, data, &n_inverse, &inverse);
      if (rc != SQLITE_OK)
        {
          px_store_set_error (self, rc, error);
          return FALSE;
        }
      applied = g_bytes_new (inverse, n_inverse);
      sqlite3_free (inverse);
    }
  else
    applied = g_bytes_ref (changes);

  if (!px_store_write_begin (self, error))
    return FALSE;
  data = g_bytes_get_data (applied, &n);
  rc = sqlite3changeset_apply (px_store_get_db (self), (int) n, (void *) data,
                               NULL, on_conflict, &ctx);
  if (rc != SQLITE_OK)
    {
      if (ctx.conflict_table != NULL || rc == SQLITE_ABORT)
        g_set_error (error, PX_ERROR, PX_ERROR_FAILED,
                     "%s: another program changed the same %s since, so this step can no longer be replayed; the corpus was left as it is",
                     px_store_get_path (self),
                     ctx.conflict_table != NULL ? ctx.conflict_table : "rows");
      else
        px_store_set_error (self, rc, error);
      g_free (ctx.conflict_table);
      px_store_write_abort (self);
      return FALSE;
    }
  queue_changes (self, applied);
  return px_store_write_end (self, error);
}

gboolean
px_store_changes_empty (GBytes *changes)
{
  return changes == NULL || g_bytes_get_size (changes) == 0;
}
