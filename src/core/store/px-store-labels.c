/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-labels.c: labels, event roles, spare colours. */
#include <string.h>

#include "px-store-private.h"

/* ---- Labels ----------------------------------------------------------- */

const char *const px_store_label_columns =
  "l.id, l.name, l.kind, l.colour, l.shortcut, l.description, l.position";

static GPtrArray *
load_roles (PxStore *self,
            gint64   label_id)
{
  GPtrArray *roles = g_ptr_array_new_with_free_func ((GDestroyNotify) px_role_free);
  GError *error = NULL;
  sqlite3_stmt *stmt = px_store_prepare (self,
    "SELECT role, repeatable, allowed FROM label_role WHERE label_id = ? ORDER BY position", &error);
  int rc;

  /* Row readers have no error path: the store keeps the error. */
  if (stmt == NULL)
    {
      px_store_note_read_error (self, error);
      return roles;
    }
  sqlite3_bind_int64 (stmt, 1, label_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (roles, px_role_new (px_store_column_str (stmt, 0),
                                         sqlite3_column_int (stmt, 1) != 0,
                                         px_store_column_str (stmt, 2)));
  if (!px_store_step_ok (self, rc, &error))
    px_store_note_read_error (self, error);
  sqlite3_reset (stmt);
  return roles;
}

PxLabel *
px_store_label_from_row (PxStore      *self,
                         sqlite3_stmt *stmt)
{
  PxLabelKind kind = PX_LABEL_ENTITY;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(GPtrArray) roles = NULL;

  px_label_kind_from_string (px_store_column_str (stmt, 2), &kind);
  if (kind == PX_LABEL_EVENT)
    roles = load_roles (self, id);
  return g_object_new (PX_TYPE_LABEL,
                       "id", id,
                       "name", px_store_column_str (stmt, 1),
                       "kind", (int) kind,
                       "colour", px_store_column_str (stmt, 3),
                       "shortcut", px_store_column_str (stmt, 4),
                       "description", px_store_column_str (stmt, 5),
                       "position", sqlite3_column_int (stmt, 6),
                       "roles", roles,
                       NULL);
}

GPtrArray *
px_store_load_labels (PxStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM label l ORDER BY l.position, l.id",
                                          px_store_label_columns);
  sqlite3_stmt *stmt = px_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  /* SQLite lets the roles statement run while this one is stepping. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, px_store_label_from_row (self, stmt));
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}

static PxLabel *
label_where (PxStore     *self,
             const char  *where,
             gint64       id,
             const char  *name,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM label l WHERE %s", px_store_label_columns, where);
  sqlite3_stmt *stmt = px_store_prepare (self, sql, error);
  PxLabel *label = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (name != NULL)
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    label = px_store_label_from_row (self, stmt);
  else
    px_store_step_ok (self, rc, error);
  sqlite3_reset (stmt);
  return label;
}

PxLabel *
px_store_get_label (PxStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(GError) local = NULL;
  PxLabel *label;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  label = label_where (self, "l.id = ?", id, NULL, &local);
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (label == NULL)
    g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no label %" G_GINT64_FORMAT,
                 px_store_get_path (self), id);
  return label;
}

PxLabel *
px_store_find_label (PxStore    *self,
                     const char *name)
{
  GError *error = NULL;
  PxLabel *label;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  if (name == NULL)
    return NULL;
  label = label_where (self, "l.name = ?", 0, name, &error);
  px_store_note_read_error (self, error);
  return label;
}

/* Colours for labels made without one (imported schemas). */
static const char *const spare_colours[] = {
  "#99c1f1", "#f9f06b", "#8ff0a4", "#ffbe6f", "#f66151", "#dc8add",
  "#cdab8f", "#62a0ea", "#57e389", "#ffa348", "#c061cb", "#e66100",
};

gint64
px_store_add_label (PxStore     *self,
                    const char  *name,
                    PxLabelKind  kind,
                    const char  *colour,
                    const char  *shortcut,
                    const char  *description,
                    GError     **error)
{
  gint64 new_id;
  sqlite3_stmt *stmt;
  guint n;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  if (!px_store_check_name (self, name, "label", error) || !px_store_write_begin (self, error))
    return 0;
  n = px_store_count_rows (self, "SELECT count(*) FROM label");
  stmt = px_store_prepare (self,
    "INSERT INTO label (name, kind, colour, shortcut, description, position) VALUES (?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return 0;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, px_label_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, colour ? colour : spare_colours[n % G_N_ELEMENTS (spare_colours)], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, shortcut, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, description, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, (int) n);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE, "%s: there is already a label named “%s”",
                     px_store_get_path (self), name);
      else
        px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return 0;
    }
  px_store_queue (self, PX_STORE_PENDING_LABELS);
  /* Read before the commit: a handler of the signals it emits may write. */
  new_id = sqlite3_last_insert_rowid (px_store_get_db (self));
  /* A DATE, NUM or QUOTE label made again (a codebook import, a label
   * deleted and re-added) holds values, as the seeded ones do. The seeding
   * runs at schema 1, before the column exists; schema 4 sets those. */
  if (px_store_get_schema_version (self) >= 4 && kind == PX_LABEL_ENTITY &&
      !px_store_step_ids (self, "UPDATE label SET value_type = CASE upper(name)"
                          " WHEN 'DATE' THEN 'date' WHEN 'NUM' THEN 'number' WHEN 'QUOTE' THEN 'quote' END"
                          " WHERE id = ?1", new_id, 0, error))
    {
      px_store_write_abort (self);
      return 0;
    }
  if (!px_store_write_end (self, error))
    return 0;
  return new_id;
}

gboolean
px_store_add_label_role (PxStore       *self,
                         gint64         label_id,
                         const PxRole  *role,
                         GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_check_name (self, role->name, "role", error) || !px_store_write_begin (self, error))
    return FALSE;
  stmt = px_store_prepare (self,
    "INSERT OR REPLACE INTO label_role (label_id, position, role, repeatable, allowed)"
    " VALUES (?1, (SELECT count(*) FROM label_role WHERE label_id = ?1), ?2, ?3, ?4)", error);
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, label_id);
  sqlite3_bind_text (stmt, 2, role->name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, role->repeatable ? 1 : 0);
  sqlite3_bind_text (stmt, 4, role->allowed, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_LABELS);
  return px_store_write_end (self, error);
}

/* ---- Editing the codebook --------------------------------------------- */

static const char *
label_field_column (PxLabelField field)
{
  switch (field)
    {
    case PX_LABEL_FIELD_NAME: return "name";
    case PX_LABEL_FIELD_COLOUR: return "colour";
    case PX_LABEL_FIELD_SHORTCUT: return "shortcut";
    case PX_LABEL_FIELD_DESCRIPTION: return "description";
    default: return NULL;
    }
}

gboolean
px_store_set_label_field (PxStore       *self,
                          gint64         label_id,
                          PxLabelField   field,
                          const char    *value,
                          GError       **error)
{
  const char *column = label_field_column (field);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  if (field == PX_LABEL_FIELD_NAME && !px_store_check_name (self, value, "label", error))
    return FALSE;
  if (field == PX_LABEL_FIELD_COLOUR && (value == NULL || *value == '\0'))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: a label needs a colour",
                   px_store_get_path (self));
      return FALSE;
    }
  sql = g_strdup_printf ("UPDATE label SET %s = ?2 WHERE id = ?1", column);
  if (!px_store_write_begin (self, error))
    return FALSE;
  if ((stmt = px_store_prepare (self, sql, error)) == NULL)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, label_id);
  if (value != NULL && *value != '\0')
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE || sqlite3_changes (px_store_get_db (self)) == 0)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE, "%s: there is already a label named “%s”",
                     px_store_get_path (self), value);
      else if (rc != SQLITE_DONE)
        px_store_set_error (self, rc, error);
      else
        g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no label %" G_GINT64_FORMAT,
                     px_store_get_path (self), label_id);
      px_store_write_abort (self);
      return FALSE;
    }
  /* Annotations and entities carry their label's name and colour. */
  px_store_queue (self, PX_STORE_PENDING_LABELS | PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotations (self, 0);
  return px_store_write_end (self, error);
}

gboolean
px_store_move_label (PxStore  *self,
                     gint64    label_id,
                     guint     position,
                     GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint from = G_MAXUINT;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_write_begin (self, error))
    return FALSE;
  if ((stmt = px_store_prepare (self, "SELECT id FROM label ORDER BY position, id", error)) == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id == label_id)
        from = ids->len;
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    goto fail;
  if (from == G_MAXUINT)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no label %" G_GINT64_FORMAT,
                   px_store_get_path (self), label_id);
      goto fail;
    }
  g_array_remove_index (ids, from);
  g_array_insert_val (ids, MIN (position, ids->len), label_id);
  for (guint i = 0; i < ids->len; i++)
    if (!px_store_step_ids (self, "UPDATE label SET position = ?2 WHERE id = ?1 AND position IS NOT ?2",
                            g_array_index (ids, gint64, i), i, error))
      goto fail;
  px_store_queue (self, PX_STORE_PENDING_LABELS);
  return px_store_write_end (self, error);

fail:
  px_store_write_abort (self);
  return FALSE;
}

guint
px_store_count_label_uses (PxStore *self,
                           gint64   label_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM annotation WHERE label_id = %" G_GINT64_FORMAT,
                                          label_id);

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  return px_store_count_rows (self, sql);
}

/* Its annotations (with the events they trigger or take part in) and the
 * events of its type go with it; entities of the label stay, unlabelled. */
gboolean
px_store_delete_label (PxStore  *self,
                       gint64    label_id,
                       GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_write_begin (self, error))
    return FALSE;
  if (!px_store_step_ids (self, "DELETE FROM event WHERE label_id = ?1", label_id, 0, error)
      || !px_store_step_ids (self, "DELETE FROM annotation WHERE label_id = ?1", label_id, 0, error)
      || !px_store_step_ids (self, "DELETE FROM label WHERE id = ?1", label_id, 0, error))
    {
      px_store_write_abort (self);
      return FALSE;
    }
  if (sqlite3_changes (px_store_get_db (self)) == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no label %" G_GINT64_FORMAT,
                   px_store_get_path (self), label_id);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_LABELS | PX_STORE_PENDING_ENTITIES
                        | PX_STORE_PENDING_ARTICLE_COUNTS);
  px_store_queue_annotations (self, 0);
  px_store_queue_events (self, 0);
  return px_store_write_end (self, error);
}

/* The arguments that had this role go with it. */
gboolean
px_store_remove_label_role (PxStore     *self,
                            gint64       label_id,
                            const char  *role,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_OK;
  const char *const sqls[] = {
    "DELETE FROM event_argument WHERE role = ?2"
    " AND event_id IN (SELECT id FROM event WHERE label_id = ?1)",
    "DELETE FROM label_role WHERE label_id = ?1 AND role = ?2",
  };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_write_begin (self, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sqls) && rc == SQLITE_OK; i++)
    {
      if ((stmt = px_store_prepare (self, sqls[i], error)) == NULL)
        {
          px_store_write_abort (self);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, label_id);
      sqlite3_bind_text (stmt, 2, role, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (px_store_get_db (self));
      sqlite3_reset (stmt);
    }
  if (rc != SQLITE_OK)
    {
      px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return FALSE;
    }
  if (sqlite3_changes (px_store_get_db (self)) == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: the label has no role “%s”",
                   px_store_get_path (self), role);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_LABELS);
  px_store_queue_events (self, 0);
  return px_store_write_end (self, error);
}
