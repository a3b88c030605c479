/* SPDX-License-Identifier: GPL-3.0-or-later */
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

void      px_undo_push_status     (PxUndo       *self,
                                   PxAnnotation *before,
                                   PxAnnotationStatus new_status);
/* new_entity_id 0 means the change unlinked the mention. */
void      px_undo_push_entity     (PxUndo       *self,
                                   PxAnnotation *before,
                                   gint64        new_entity_id);
/* new_note may be NULL. */
void      px_undo_push_note       (PxUndo       *self,
                                   PxAnnotation *before,
                                   const char   *new_note);

/* A step whose replay the caller writes (events, entity merges, ...).
 * @func is called with forwards=FALSE to undo and TRUE to redo; it may set
 * *out_annotation_id to the annotation to select. @article_id is the article
 * to show first, or 0 for corpus-wide changes. @data is freed with
 * @destroy when the step is dropped. */
typedef gboolean (*PxUndoReplayFunc) (PxStore  *store,
                                      gpointer  data,
                                      gboolean  forwards,
                                      gint64   *out_annotation_id,
                                      GError  **error);
void      px_undo_push_custom     (PxUndo          *self,
                                   gint64           article_id,
                                   PxUndoReplayFunc func,
                                   gpointer         data,
                                   GDestroyNotify   destroy);

/* Steps pushed between begin and end are undone and redone as one, in one
 * store transaction ("Accept all", bulk edits). Groups nest; an empty group
 * leaves no step. */
void      px_undo_begin_group     (PxUndo       *self);
void      px_undo_end_group       (PxUndo       *self);
/* Ends the open group and forgets what it recorded: for a bulk edit whose
 * transaction was rolled back. */
void      px_undo_cancel_group    (PxUndo       *self);

gboolean  px_undo_can_undo        (PxUndo       *self);
gboolean  px_undo_can_redo        (PxUndo       *self);
/* The article of the step px_undo_undo() / px_undo_redo() would replay; 0
 * when there is none or the step is corpus-wide (check px_undo_can_undo()). */
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
