/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-editor.c: the editor object, its undo history, and how an edit is
 * opened and closed (see px-editor-private.h). The edits themselves are in
 * px-editor-annotations.c, -suggest.c, -entities.c, -events.c and
 * -articles.c.
 *
 * The outermost edit records its rows with the store's session
 * (px-store-history.c) and becomes one undo step; edits inside a group or
 * inside another call are savepoints, so a failed inner call takes back
 * only its own writes. */
#include "px-editor-private.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  char         *description;
  GBytes       *changes;
  PxEditTarget  target;
} Step;

struct _PxEditor
{
  GObject    parent_instance;

  PxStore   *store;
  GPtrArray *undo;     /* of Step, newest last */
  GPtrArray *redo;
  guint      depth;    /* open edits; 1 is the recorded one */
  char      *group_description;  /* the outermost group's, while open */
  PxEditTarget target; /* of the edit being recorded */
  GString   *notice;   /* what the open edit removed besides its target */
  char      *last_notice;

  /* Last notified values, so that notify fires only on change. */
  gboolean   can_undo;
  gboolean   can_redo;
  char      *undo_description;
  char      *redo_description;
};

G_DEFINE_FINAL_TYPE (PxEditor, px_editor, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_DESCRIPTION,
  PROP_REDO_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->description);
  g_bytes_unref (step->changes);
  g_free (step);
}

static void
px_editor_finalize (GObject *object)
{
  PxEditor *self = PX_EDITOR (object);

  g_clear_object (&self->store);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self->group_description);
  g_string_free (self->notice, TRUE);
  g_free (self->last_notice);
  g_free (self->undo_description);
  g_free (self->redo_description);
  G_OBJECT_CLASS (px_editor_parent_class)->finalize (object);
}

static void
px_editor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PxEditor *self = PX_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, px_editor_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, px_editor_get_can_redo (self));
      break;
    case PROP_UNDO_DESCRIPTION:
      g_value_set_string (value, px_editor_get_undo_description (self));
      break;
    case PROP_REDO_DESCRIPTION:
      g_value_set_string (value, px_editor_get_redo_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_editor_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PxEditor *self = PX_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_editor_class_init (PxEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_editor_finalize;
  object_class->get_property = px_editor_get_property;
  object_class->set_property = px_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_DESCRIPTION] =
    g_param_spec_string ("undo-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_DESCRIPTION] =
    g_param_spec_string ("redo-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_editor_init (PxEditor *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
  self->notice = g_string_new (NULL);
}

PxEditor *
px_editor_new (PxStore *store)
{
  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  return g_object_new (PX_TYPE_EDITOR, "store", store, NULL);
}

PxStore *
px_editor_store (PxEditor *self)
{
  return self->store;
}

PxStore *
px_editor_get_store (PxEditor *self)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), NULL);
  return self->store;
}

/* ---- History ---------------------------------------------------------- */

static const char *
top_description (GPtrArray *stack)
{
  return stack->len > 0 ? ((Step *) g_ptr_array_index (stack, stack->len - 1))->description : NULL;
}

gboolean
px_editor_get_can_undo (PxEditor *self)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  return self->undo->len > 0;
}

gboolean
px_editor_get_can_redo (PxEditor *self)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  return self->redo->len > 0;
}

const char *
px_editor_get_undo_description (PxEditor *self)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), NULL);
  return top_description (self->undo);
}

const char *
px_editor_get_redo_description (PxEditor *self)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), NULL);
  return top_description (self->redo);
}

const char *
px_editor_get_notice (PxEditor *self)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), NULL);
  return self->last_notice;
}

static void
update_state (PxEditor *self)
{
  gboolean can_undo = self->undo->len > 0, can_redo = self->redo->len > 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (g_strcmp0 (top_description (self->undo), self->undo_description) != 0)
    {
      g_free (self->undo_description);
      self->undo_description = g_strdup (top_description (self->undo));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_DESCRIPTION]);
    }
  if (g_strcmp0 (top_description (self->redo), self->redo_description) != 0)
    {
      g_free (self->redo_description);
      self->redo_description = g_strdup (top_description (self->redo));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_DESCRIPTION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
px_editor_clear_history (PxEditor *self)
{
  g_return_if_fail (PX_IS_EDITOR (self));
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  update_state (self);
}

static gboolean
replay (PxEditor      *self,
        gboolean       redo,
        PxEditTarget  *out_target,
        GError       **error)
{
  GPtrArray *from = redo ? self->redo : self->undo;
  GPtrArray *to = redo ? self->undo : self->redo;
  g_autoptr(GError) local = NULL;
  Step *step;

  g_return_val_if_fail (self->depth == 0, FALSE);
  if (from->len == 0)
    return TRUE;
  step = g_ptr_array_steal_index (from, from->len - 1);
  if (!px_store_apply_changes (self->store, step->changes, !redo, &local))
    {
      /* Its rows are not what it recorded: replaying it later could not
       * do better, and keeping it would block every step below. */
      step_free (step);
      update_state (self);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (out_target != NULL)
    *out_target = step->target;
  g_ptr_array_add (to, step);
  g_clear_pointer (&self->last_notice, g_free);
  update_state (self);
  return TRUE;
}

gboolean
px_editor_undo (PxEditor      *self,
                PxEditTarget  *out_target,
                GError       **error)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  return replay (self, FALSE, out_target, error);
}

gboolean
px_editor_redo (PxEditor      *self,
                PxEditTarget  *out_target,
                GError       **error)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  return replay (self, TRUE, out_target, error);
}

/* ---- Edits ------------------------------------------------------------ */

gboolean
px_editor_edit_begin (PxEditor  *self,
            GError   **error)
{
  if (self->depth == 0)
    {
      if (!px_store_record_begin (self->store, error))
        return FALSE;
      self->target = (PxEditTarget) { 0, 0 };
      g_string_truncate (self->notice, 0);
    }
  else if (!px_store_begin (self->store, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

void
px_editor_edit_abort (PxEditor *self)
{
  g_return_if_fail (self->depth > 0);
  self->depth--;
  if (self->depth == 0)
    {
      px_store_record_abort (self->store);
      g_clear_pointer (&self->group_description, g_free);
    }
  else
    px_store_rollback (self->store);
}

/* Closes the open edit; the outermost one becomes a step called
 * @description (unless a group names it). */
gboolean
px_editor_edit_end (PxEditor    *self,
          const char  *description,
          GError     **error)
{
  g_autoptr(GBytes) changes = NULL;
  Step *step;

  g_return_val_if_fail (self->depth > 0, FALSE);
  if (self->depth > 1)
    {
      self->depth--;
      return px_store_commit (self->store, error);
    }
  self->depth = 0;
  changes = px_store_record_end (self->store, error);
  if (changes == NULL)
    {
      g_clear_pointer (&self->group_description, g_free);
      return FALSE;
    }
  g_free (self->last_notice);
  self->last_notice = self->notice->len > 0 ? g_strdup (self->notice->str) : NULL;
  if (px_store_changes_empty (changes))
    {
      g_clear_pointer (&self->group_description, g_free);
      return TRUE;
    }
  step = g_new0 (Step, 1);
  step->description = self->group_description != NULL
    ? g_steal_pointer (&self->group_description) : g_strdup (description);
  step->changes = g_steal_pointer (&changes);
  step->target = self->target;
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  update_state (self);
  return TRUE;
}

/* Ends the edit opened by the caller: kept when @ok, else taken back. */
gboolean
px_editor_edit_finish (PxEditor    *self,
             gboolean     ok,
             const char  *description,
             GError     **error)
{
  if (!ok)
    {
      px_editor_edit_abort (self);
      return FALSE;
    }
  return px_editor_edit_end (self, description, error);
}

void
px_editor_set_target (PxEditor *self,
            gint64    article_id,
            gint64    annotation_id)
{
  self->target.article_id = article_id;
  self->target.annotation_id = annotation_id;
}

void
px_editor_add_notice (PxEditor   *self,
            const char *text)
{
  if (self->notice->len > 0)
    g_string_append_c (self->notice, ' ');
  g_string_append (self->notice, text);
}

gboolean
px_editor_begin_group (PxEditor    *self,
                       const char  *description,
                       GError     **error)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  if (self->depth == 1)
    self->group_description = g_strdup (description);
  return TRUE;
}

gboolean
px_editor_end_group (PxEditor  *self,
                     GError   **error)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);
  return px_editor_edit_end (self, NULL, error);
}

void
px_editor_cancel_group (PxEditor *self)
{
  g_return_if_fail (PX_IS_EDITOR (self));
  g_return_if_fail (self->depth > 0);
  px_editor_edit_abort (self);
}

/* "“Sergueï Lavrov”", shortened for a menu. */
char *
px_editor_quoted (const char *text)
{
  g_autofree char *one_line = g_strdup (text != NULL ? text : "");
  g_autofree char *shown = NULL;

  g_strdelimit (one_line, "\n\t\r", ' ');
  if (g_utf8_strlen (one_line, -1) > 30)
    {
      g_autofree char *head = g_utf8_substring (one_line, 0, 29);
      shown = g_strconcat (head, "…", NULL);
    }
  else
    shown = g_steal_pointer (&one_line);
  /* Translators: a quoted piece of article text in an undo description. */
  return g_strdup_printf (_("“%s”"), shown);
}
