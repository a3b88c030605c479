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
