/* px-undo.c: the workspace's undo history of annotation edits. */
#include "px-undo.h"

typedef enum
{
  STEP_ADD,
  STEP_DELETE,
  STEP_RELABEL,
} StepKind;

typedef struct
{
  StepKind      kind;
  PxAnnotation *annotation;   /* as it was before a delete or relabel, or once added */
  gint64        old_label_id;
  gint64        new_label_id;
} Step;

struct _PxUndo
{
  GPtrArray *undo;   /* of Step, newest last */
  GPtrArray *redo;
};

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->annotation);
  g_free (step);
}

PxUndo *
px_undo_new (void)
{
  PxUndo *self = g_new0 (PxUndo, 1);

  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
  return self;
}

void
px_undo_free (PxUndo *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self);
}

void
px_undo_clear (PxUndo *self)
{
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
}

static void
push (PxUndo       *self,
      StepKind      kind,
      PxAnnotation *annotation,
      gint64        old_label_id,
      gint64        new_label_id)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->annotation = g_object_ref (annotation);
  step->old_label_id = old_label_id;
  step->new_label_id = new_label_id;
  g_ptr_array_add (self->undo, step);
  /* A new edit forks history: the undone steps can no longer be redone. */
  g_ptr_array_set_size (self->redo, 0);
}

void
px_undo_push_add (PxUndo       *self,
                  PxAnnotation *added)
{
  push (self, STEP_ADD, added, 0, 0);
}

void
px_undo_push_delete (PxUndo       *self,
                     PxAnnotation *deleted)
{
  push (self, STEP_DELETE, deleted, 0, 0);
}

void
px_undo_push_relabel (PxUndo       *self,
                      PxAnnotation *before,
                      gint64        new_label_id)
{
  push (self, STEP_RELABEL, before, px_annotation_get_label_id (before), new_label_id);
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

gint64
px_undo_peek_article (PxUndo   *self,
                      gboolean  redo)
{
  GPtrArray *stack = redo ? self->redo : self->undo;
  Step *step;

  if (stack->len == 0)
    return 0;
  step = g_ptr_array_index (stack, stack->len - 1);
  return px_annotation_get_article_id (step->annotation);
}

/* Applies @step forwards (as first done) or backwards. */
static gboolean
replay (Step     *step,
        PxStore  *store,
        gboolean  forwards,
        GError  **error)
{
  gint64 id = px_annotation_get_id (step->annotation);

  switch (step->kind)
    {
    case STEP_ADD:
      return forwards ? px_store_restore_annotation (store, step->annotation, error)
                      : px_store_delete_annotation (store, id, error);
    case STEP_DELETE:
      return forwards ? px_store_delete_annotation (store, id, error)
                      : px_store_restore_annotation (store, step->annotation, error);
    case STEP_RELABEL:
      return px_store_set_annotation_label (store, id,
                                            forwards ? step->new_label_id : step->old_label_id,
                                            error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
move_step (GPtrArray *from,
           GPtrArray *to,
           PxStore   *store,
           gboolean   forwards,
           gint64    *out_annotation_id,
           GError   **error)
{
  Step *step;

  if (from->len == 0)
    return TRUE;
  step = g_ptr_array_index (from, from->len - 1);
  if (!replay (step, store, forwards, error))
    return FALSE;
  if (out_annotation_id != NULL)
    *out_annotation_id = px_annotation_get_id (step->annotation);
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  return TRUE;
}

gboolean
px_undo_undo (PxUndo   *self,
              PxStore  *store,
              gint64   *out_annotation_id,
              GError  **error)
{
  return move_step (self->undo, self->redo, store, FALSE, out_annotation_id, error);
}

gboolean
px_undo_redo (PxUndo   *self,
              PxStore  *store,
              gint64   *out_annotation_id,
              GError  **error)
{
  return move_step (self->redo, self->undo, store, TRUE, out_annotation_id, error);
}
