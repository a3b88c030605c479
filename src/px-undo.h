/* px-undo.h: the workspace's undo history of annotation edits.
 *
 * Each step remembers enough to be replayed both ways against the store:
 * a deleted annotation is kept whole so that px_store_restore_annotation()
 * brings it back with its old id. Steps name their article so that undoing
 * after an article switch can show the article first. */
#pragma once

#include "px-core.h"

G_BEGIN_DECLS

typedef struct _PxUndo PxUndo;

PxUndo   *px_undo_new             (void);
void      px_undo_free            (PxUndo       *self);
void      px_undo_clear           (PxUndo       *self);

/* Record a change that was just made in the store. */
void      px_undo_push_add        (PxUndo       *self,
                                   PxAnnotation *added);
void      px_undo_push_delete     (PxUndo       *self,
                                   PxAnnotation *deleted);
void      px_undo_push_relabel    (PxUndo       *self,
                                   PxAnnotation *before,
                                   gint64        new_label_id);

gboolean  px_undo_can_undo        (PxUndo       *self);
gboolean  px_undo_can_redo        (PxUndo       *self);
/* The article of the step px_undo_undo() / px_undo_redo() would replay; 0
 * when there is none. */
gint64    px_undo_peek_article    (PxUndo       *self,
                                   gboolean      redo);
/* Replays one step. On success *out_annotation_id (nullable) names the
 * annotation the step touched, for selecting it. */
gboolean  px_undo_undo            (PxUndo       *self,
                                   PxStore      *store,
                                   gint64       *out_annotation_id,
                                   GError      **error);
gboolean  px_undo_redo            (PxUndo       *self,
                                   PxStore      *store,
                                   gint64       *out_annotation_id,
                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxUndo, px_undo_free)

G_END_DECLS
