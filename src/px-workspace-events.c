/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-workspace-events.c: events on the Annotate page: arguments are added
 * and removed through the window's editor (PxEditor), which also keeps a
 * trigger's event in step with its label and records each change as one
 * undo step. */
#include "px-workspace-private.h"

#include <glib/gi18n.h>

/* The event @trigger_id triggers, or NULL. Transfer full. */
PxEvent *
px_workspace_find_event (PxStore *store,
                         gint64   article_id,
                         gint64   trigger_id)
{
  g_autoptr(GListModel) events = px_store_list_events (store, article_id);
  guint n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxEvent) event = g_list_model_get_item (events, i);

      if (px_event_get_trigger_annotation_id (event) == trigger_id)
        return g_steal_pointer (&event);
    }
  return NULL;
}

void
px_workspace_events_remove_argument (PxWorkspace *self,
                                     gint64       trigger_id,
                                     const char  *role,
                                     gint64       annotation_id)
{
  g_autoptr(PxEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  PxEditor *editor = px_workspace_get_editor_or_warn (self);

  if (editor == NULL || self->ev == NULL)
    return;
  event = px_workspace_find_event (self->store, self->article_id, trigger_id);
  if (event == NULL)
    return;
  if (!px_editor_remove_argument (editor, px_event_get_id (event), role, annotation_id, &error))
    px_workspace_error (self, error);
  px_workspace_select_annotation (self, trigger_id);
}

/* Tags the new text (when there is some), gives the trigger its event when
 * it has none, and adds the argument: one group, one undo step. */
static gboolean
store_argument (PxWorkspace  *self,
                PxEditor     *editor,
                const char   *role,
                GError      **error)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) trigger = px_store_get_annotation (self->store, ev->pending_trigger, error);
  g_autoptr(PxEvent) event = NULL;
  gint64 arg_id = ev->pending_annotation;
  gint64 event_id;

  if (trigger == NULL)
    return FALSE;
  if (arg_id == 0)
    {
      arg_id = px_editor_tag (editor, self->article_id, ev->pending_label,
                              ev->pending_start, ev->pending_end, NULL, error);
      if (arg_id == 0)
        return FALSE;
    }
  event = px_workspace_find_event (self->store, self->article_id, ev->pending_trigger);
  event_id = event != NULL ? px_event_get_id (event)
                           : px_editor_add_event (editor, ev->pending_trigger,
                                                  px_annotation_get_label_id (trigger), error);
  return event_id != 0 && px_editor_add_argument (editor, event_id, role, arg_id, error);
}

void
px_workspace_events_add_argument (PxWorkspace *self,
                                  const char  *role)
{
  g_autoptr(GError) error = NULL;
  PxEditor *editor = px_workspace_get_editor_or_warn (self);
  /* Translators: an undo description; %s is an event role such as Place */
  g_autofree char *description = g_strdup_printf (_("Add %s Argument"), role);

  if (editor == NULL || !px_editor_begin_group (editor, description, &error))
    goto fail;
  if (!store_argument (self, editor, role, &error))
    {
      px_editor_cancel_group (editor);
      goto fail;
    }
  if (!px_editor_end_group (editor, &error))
    goto fail;
  px_workspace_select_annotation (self, self->ev->pending_trigger);
  return;

fail:
  if (error != NULL)
    px_workspace_error (self, error);
}
