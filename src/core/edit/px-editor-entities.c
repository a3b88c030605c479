/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-editor-entities.c: merging, splitting, renaming and deleting entities.
 * (px-editor.c has the object, its history and how an edit is opened and
 * closed; see px-editor-private.h.) */
#include "px-editor-private.h"

#include <glib/gi18n-lib.h>

/* ---- Entities --------------------------------------------------------- */

gboolean
px_editor_merge_entities (PxEditor      *self,
                          gint64         keep_id,
                          const gint64  *drop_ids,
                          guint          n_drop_ids,
                          GError       **error)
{
  g_autoptr(PxEntity) keep = NULL;
  g_autofree char *description = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  keep = px_store_get_entity (px_editor_store (self), keep_id, error);
  if (keep == NULL)
    return FALSE;
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_drop_ids; i++)
    if (drop_ids[i] != keep_id)
      ok = px_store_merge_entities (px_editor_store (self), keep_id, drop_ids[i], error);
  px_editor_set_target (self, 0, 0);
  /* Translators: an undo description: Merge 3 Entities into Dmytro Kuleba. */
  description = g_strdup_printf (ngettext ("Merge %u Entity into %s", "Merge %u Entities into %s",
                                           n_drop_ids + 1),
                                 n_drop_ids + 1, px_entity_get_name (keep));
  return px_editor_edit_finish (self, ok, description, error);
}

gint64
px_editor_split_entity (PxEditor      *self,
                        gint64         entity_id,
                        const gint64  *annotation_ids,
                        guint          n_annotation_ids,
                        const char    *name,
                        GError       **error)
{
  g_autoptr(PxEntity) entity = NULL;
  g_autofree char *description = NULL;
  gint64 id;

  g_return_val_if_fail (PX_IS_EDITOR (self), 0);
  entity = px_store_get_entity (px_editor_store (self), entity_id, error);
  if (entity == NULL || !px_editor_edit_begin (self, error))
    return 0;
  id = px_store_split_entity (px_editor_store (self), entity_id, annotation_ids, n_annotation_ids, name, error);
  px_editor_set_target (self, 0, 0);
  description = g_strdup_printf (_("Split %s"), px_entity_get_name (entity));
  return px_editor_edit_finish (self, id != 0, description, error) ? id : 0;
}

gboolean
px_editor_rename_entity (PxEditor    *self,
                         gint64       entity_id,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(PxEntity) entity = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  entity = px_store_get_entity (px_editor_store (self), entity_id, error);
  if (entity == NULL)
    return FALSE;
  if (g_strcmp0 (px_entity_get_name (entity), name) == 0)
    return TRUE;
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_rename_entity (px_editor_store (self), entity_id, name, error);
  px_editor_set_target (self, 0, 0);
  description = g_strdup_printf (_("Rename %s to %s"), px_entity_get_name (entity), name);
  return px_editor_edit_finish (self, ok, description, error);
}

gboolean
px_editor_delete_entity (PxEditor    *self,
                         gint64       entity_id,
                         GError     **error)
{
  g_autoptr(PxEntity) entity = NULL;
  g_autofree char *description = NULL;
  guint n;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  entity = px_store_get_entity (px_editor_store (self), entity_id, error);
  if (entity == NULL || !px_editor_edit_begin (self, error))
    return FALSE;
  n = px_entity_get_n_mentions (entity);
  if (n > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("Its %u mention is no longer linked to an entity.",
                                   "Its %u mentions are no longer linked to an entity.", n), n);
      px_editor_add_notice (self, text);
    }
  ok = px_store_delete_entity (px_editor_store (self), entity_id, error);
  px_editor_set_target (self, 0, 0);
  description = g_strdup_printf (_("Delete the Entity %s"), px_entity_get_name (entity));
  return px_editor_edit_finish (self, ok, description, error);
}
