/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-entity-list.h: the corpus's canonical entities, with their mention
 * counts, near-key duplicates to review, and merge, split and rename. */
#pragma once

#include <adwaita.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_ENTITY_LIST (px_entity_list_get_type ())
G_DECLARE_FINAL_TYPE (PxEntityList, px_entity_list, PX, ENTITY_LIST, GtkWidget)

/* Signals: "activate-mention" (gint64 article_id, guint64 start, guint64 end)
 * asks the host to open a mention. Test hooks: widget names "merge", "split",
 * "rename", "merge-suggestion", "split-check", "merge-keep", "entity-name". */

GtkWidget *px_entity_list_new        (void);
void       px_entity_list_set_store  (PxEntityList *self,
                                      PxStore      *store);
/* The window's editor: merges, splits and renames go through it, each one
 * step of its undo history. NULL: they are refused. */
void       px_entity_list_set_editor (PxEntityList *self,
                                      PxEditor     *editor);

/* Merges @drop_ids into @keep_id as one undoable step. */
gboolean   px_entity_list_merge      (PxEntityList *self,
                                      gint64        keep_id,
                                      const gint64 *drop_ids,
                                      guint         n_drop_ids,
                                      GError      **error);
/* Moves @annotation_ids of @entity_id to a new entity @name, undoably.
 * Returns the new entity's id or 0. */
gint64     px_entity_list_split      (PxEntityList *self,
                                      gint64        entity_id,
                                      const gint64 *annotation_ids,
                                      guint         n_annotation_ids,
                                      const char   *name,
                                      GError      **error);

G_END_DECLS
