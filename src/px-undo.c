/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-undo.c: the workspace's undo history of annotation edits.
 *
 * A step is either one annotation change, a caller-written replay (events,
 * entity merges), or a group of steps replayed as one inside a store
 * transaction, so that "Accept all" undoes in one Ctrl+Z and a failure
 * half-way leaves the corpus as it was. */
#include "px-undo.h"

typedef enum
{
  STEP_ADD,
  STEP_DELETE,
  STEP_RELABEL,
  STEP_STATUS,
  STEP_ENTITY,
  STEP_NOTE,
  STEP_CUSTOM,
  STEP_GROUP,
} StepKind;

typedef struct
{
  StepKind          kind;
  PxAnnotation     *annotation;   /* as it was before the change, or once added */
  gint64            old_value;    /* label, status or entity */
  gint64            new_value;
  char             *old_note;
  char             *new_note;
  gint64            article_id;   /* custom steps */
  PxUndoReplayFunc  func;
  gpointer          data;
  GDestroyNotify    destroy;
  GPtrArray        *children;     /* groups, in the order they were done */
} Step;

struct _PxUndo
{
  GPtrArray *undo;   /* of Step, newest last */
  GPtrArray *redo;
  GPtrArray *open;   /* groups being recorded, innermost last (not owned) */
};

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->annotation);
  g_free (step->old_note);
  g_free (step->new_note);
  if (step->destroy != NULL)
    step->destroy (step->data);
  g_clear_pointer (&step->children, g_ptr_array_unref);
  g_free (step);
}

PxUndo *
px_undo_new (void)
{
  PxUndo *self = g_new0 (PxUndo, 1);

  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
  self->open = g_ptr_array_new ();
  return self;
}

void
px_undo_free (PxUndo *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->open);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self);
}

void
px_undo_clear (PxUndo *self)
{
  g_ptr_array_set_size (self->open, 0);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
}

static void
push_step (PxUndo *self,
           Step   *step)
{
  /* A new edit forks history: the undone steps can no longer be redone.
   * Opening a group is not an edit yet. */
  if (step->kind != STEP_GROUP)
    g_ptr_array_set_size (self->redo, 0);
  if (self->open->len > 0)
    {
      Step *group = g_ptr_array_index (self->open, self->open->len - 1);
      g_ptr_array_add (group->children, step);
      return;
    }
  g_ptr_array_add (self->undo, step);
}

static Step *
step_new (StepKind      kind,
          PxAnnotation *annotation,
          gint64        old_value,
          gint64        new_value)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->annotation = annotation != NULL ? g_object_ref (annotation) : NULL;
  step->old_value = old_value;
  step->new_value = new_value;
  return step;
}

void
px_undo_push_add (PxUndo       *self,
                  PxAnnotation *added)
{
  push_step (self, step_new (STEP_ADD, added, 0, 0));
}

void
px_undo_push_delete (PxUndo       *self,
                     PxAnnotation *deleted)
{
  push_step (self, step_new (STEP_DELETE, deleted, 0, 0));
}

void
px_undo_push_relabel (PxUndo       *self,
                      PxAnnotation *before,
                      gint64        new_label_id)
{
  push_step (self, step_new (STEP_RELABEL, before,
                             px_annotation_get_label_id (before), new_label_id));
}

void
px_undo_push_status (PxUndo             *self,
                     PxAnnotation       *before,
                     PxAnnotationStatus  new_status)
{
  push_step (self, step_new (STEP_STATUS, before,
                             px_annotation_get_status (before), new_status));
}

void
px_undo_push_entity (PxUndo       *self,
                     PxAnnotation *before,
                     gint64        new_entity_id)
{
  push_step (self, step_new (STEP_ENTITY, before,
                             px_annotation_get_entity_id (before), new_entity_id));
}

void
px_undo_push_note (PxUndo       *self,
                   PxAnnotation *before,
                   const char   *new_note)
{
  Step *step = step_new (STEP_NOTE, before, 0, 0);

  step->old_note = g_strdup (px_annotation_get_note (before));
  step->new_note = g_strdup (new_note);
  push_step (self, step);
}

void
px_undo_push_custom (PxUndo           *self,
                     gint64            article_id,
                     PxUndoReplayFunc  func,
                     gpointer          data,
                     GDestroyNotify    destroy)
{
  Step *step = step_new (STEP_CUSTOM, NULL, 0, 0);

  g_return_if_fail (func != NULL);
  step->article_id = article_id;
  step->func = func;
  step->data = data;
  step->destroy = destroy;
  push_step (self, step);
}

void
px_undo_begin_group (PxUndo *self)
{
  Step *group = step_new (STEP_GROUP, NULL, 0, 0);

  group->children = g_ptr_array_new_with_free_func (step_free);
  /* Registered with its parent (or the history) now, so that an end
   * without pushes can find and drop it. */
  push_step (self, group);
  g_ptr_array_add (self->open, group);
}

static void
close_group (PxUndo   *self,
             gboolean  keep)
{
  GPtrArray *owner;
  Step *group;

  g_return_if_fail (self->open->len > 0);
  group = g_ptr_array_steal_index (self->open, self->open->len - 1);
  if (keep && group->children->len > 0)
    return;
  owner = self->open->len > 0
    ? ((Step *) g_ptr_array_index (self->open, self->open->len - 1))->children
    : self->undo;
  g_ptr_array_remove (owner, group);
}

void
px_undo_end_group (PxUndo *self)
{
  close_group (self, TRUE);
}

void
px_undo_cancel_group (PxUndo *self)
{
  close_group (self, FALSE);
}

gboolean
px_undo_can_undo (PxUndo *self)
{
  return self->undo->len > 0;
}

gboolean
px_undo_can_redo (PxUndo *self)
{
  return self->redo->len > 0;
}

static gint64
step_article (Step *step)
{
  if (step->kind == STEP_GROUP)
    return step->children->len > 0
      ? step_article (g_ptr_array_index (step->children, step->children->len - 1))
      : 0;
  if (step->kind == STEP_CUSTOM)
    return step->article_id;
  return px_annotation_get_article_id (step->annotation);
}

gint64
px_undo_peek_article (PxUndo   *self,
                      gboolean  redo)
{
  GPtrArray *stack = redo ? self->redo : self->undo;

  if (stack->len == 0)
    return 0;
  return step_article (g_ptr_array_index (stack, stack->len - 1));
}

static gboolean replay (Step     *step,
                        PxStore  *store,
                        gboolean  forwards,
                        gint64   *out_annotation_id,
                        GError  **error);

/* Children run in their order to redo and in reverse to undo; the
 * transaction makes the whole group land or none of it. */
static gboolean
replay_group (Step     *group,
              PxStore  *store,
              gboolean  forwards,
              gint64   *out_annotation_id,
              GError  **error)
{
  guint n = group->children->len;

  if (!px_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      Step *child = g_ptr_array_index (group->children, forwards ? i : n - 1 - i);

      if (!replay (child, store, forwards, out_annotation_id, error))
        {
          px_store_rollback (store);
          return FALSE;
        }
    }
  return px_store_commit (store, error);
}

/* Applies @step forwards (as first done) or backwards. */
static gboolean
replay (Step     *step,
        PxStore  *store,
        gboolean  forwards,
        gint64   *out_annotation_id,
        GError  **error)
{
  gint64 id = step->annotation != NULL ? px_annotation_get_id (step->annotation) : 0;
  gint64 value = forwards ? step->new_value : step->old_value;

  if (id != 0)
    *out_annotation_id = id;
  switch (step->kind)
    {
    case STEP_ADD:
      return forwards ? px_store_restore_annotation (store, step->annotation, error)
                      : px_store_delete_annotation (store, id, error);
    case STEP_DELETE:
      return forwards ? px_store_delete_annotation (store, id, error)
                      : px_store_restore_annotation (store, step->annotation, error);
    case STEP_RELABEL:
      return px_store_set_annotation_label (store, id, value, error);
    case STEP_STATUS:
      return px_store_set_annotation_status (store, id, (PxAnnotationStatus) value, error);
    case STEP_ENTITY:
      return px_store_set_annotation_entity (store, id, value, error);
    case STEP_NOTE:
      return px_store_set_annotation_note (store, id,
                                           forwards ? step->new_note : step->old_note,
                                           error);
    case STEP_CUSTOM:
      return step->func (store, step->data, forwards, out_annotation_id, error);
    case STEP_GROUP:
      return replay_group (step, store, forwards, out_annotation_id, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
move_step (PxUndo    *self,
           GPtrArray *from,
           GPtrArray *to,
           PxStore   *store,
           gboolean   forwards,
           gint64    *out_annotation_id,
           GError   **error)
{
  gint64 touched = 0;
  Step *step;

  /* Replaying while a group records would tangle the two histories. */
  g_return_val_if_fail (self->open->len == 0, FALSE);
  if (from->len == 0)
    return TRUE;
  step = g_ptr_array_index (from, from->len - 1);
  if (!replay (step, store, forwards, &touched, error))
    return FALSE;
  if (out_annotation_id != NULL)
    *out_annotation_id = touched;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  return TRUE;
}

gboolean
px_undo_undo (PxUndo   *self,
              PxStore  *store,
              gint64   *out_annotation_id,
              GError  **error)
{
  return move_step (self, self->undo, self->redo, store, FALSE, out_annotation_id, error);
}

gboolean
px_undo_redo (PxUndo   *self,
              PxStore  *store,
              gint64   *out_annotation_id,
              GError  **error)
{
  return move_step (self, self->redo, self->undo, store, TRUE, out_annotation_id, error);
}
