/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-workspace-events.c: events on the Annotate page: a trigger tagged
 * with an event type gets its event, relabelling or deleting the trigger
 * keeps the event in step, and arguments are added and removed; all of it
 * undoable.
 *
 * An event is named by its trigger annotation, never by its event id:
 * annotation ids survive undo (deleted ones come back with their old id),
 * while an event that undo deletes and redo recreates gets a new id. So an
 * undo step holds the event's state before and after (type, arguments) for
 * one trigger, and replaying it makes the store match one or the other. */
#include "px-workspace-private.h"

#include <glib/gi18n.h>

/* ---- Event states and their undo steps ----------------------------------- */

typedef struct
{
  gint64     label_id;        /* 0: no event */
  gint64     story_event_id;
  GPtrArray *args;            /* PxEventArgument */
} EventState;

typedef struct
{
  gint64     article_id;
  gint64     trigger_id;
  EventState before;
  EventState after;
} EventStep;

static void
state_init (EventState *st,
            PxEvent    *event)
{
  guint n = event != NULL ? px_event_get_n_arguments (event) : 0;

  st->label_id = event != NULL ? px_event_get_label_id (event) : 0;
  st->story_event_id = event != NULL ? px_event_get_story_event_id (event) : 0;
  st->args = g_ptr_array_new_with_free_func ((GDestroyNotify) px_event_argument_free);
  for (guint i = 0; i < n; i++)
    {
      const PxEventArgument *arg = px_event_get_argument (event, i);
      g_ptr_array_add (st->args, px_event_argument_new (arg->role, arg->annotation_id));
    }
}

static gboolean
state_has_arg (const EventState *st,
               const char       *role,
               gint64            annotation_id)
{
  for (guint i = 0; i < st->args->len; i++)
    {
      const PxEventArgument *arg = st->args->pdata[i];

      if (arg->annotation_id == annotation_id && g_strcmp0 (arg->role, role) == 0)
        return TRUE;
    }
  return FALSE;
}

static EventStep *
event_step_new (gint64   article_id,
                gint64   trigger_id,
                PxEvent *event)
{
  EventStep *step = g_new0 (EventStep, 1);

  step->article_id = article_id;
  step->trigger_id = trigger_id;
  state_init (&step->before, event);
  state_init (&step->after, event);
  return step;
}

static void
event_step_free (gpointer data)
{
  EventStep *step = data;

  g_ptr_array_unref (step->before.args);
  g_ptr_array_unref (step->after.args);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EventStep, event_step_free)

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

/* Arguments change in place when the type stays, so that the event keeps
 * its id and story event; a new type means a new event. */
static gboolean
make_state (PxStore          *store,
            gint64            article_id,
            gint64            trigger_id,
            const EventState *target,
            GError          **error)
{
  g_autoptr(PxEvent) event = px_workspace_find_event (store, article_id, trigger_id);
  gint64 id;

  if (event != NULL && px_event_get_label_id (event) == target->label_id)
    {
      g_autoptr(EventStep) now = event_step_new (article_id, trigger_id, event);

      id = px_event_get_id (event);
      for (guint i = 0; i < now->before.args->len; i++)
        {
          const PxEventArgument *arg = now->before.args->pdata[i];

          if (!state_has_arg (target, arg->role, arg->annotation_id)
              && !px_store_remove_event_argument (store, id, arg->role, arg->annotation_id, error))
            return FALSE;
        }
      for (guint i = 0; i < target->args->len; i++)
        {
          const PxEventArgument *arg = target->args->pdata[i];

          if (!state_has_arg (&now->before, arg->role, arg->annotation_id)
              && !px_store_add_event_argument (store, id, arg->role, arg->annotation_id, error))
            return FALSE;
        }
      return TRUE;
    }
  if (event != NULL && !px_store_delete_event (store, px_event_get_id (event), error))
    return FALSE;
  if (target->label_id == 0)
    return TRUE;
  id = px_store_add_event (store, article_id, target->label_id, trigger_id, error);
  if (id == 0)
    return FALSE;
  for (guint i = 0; i < target->args->len; i++)
    {
      const PxEventArgument *arg = target->args->pdata[i];

      if (!px_store_add_event_argument (store, id, arg->role, arg->annotation_id, error))
        return FALSE;
    }
  return target->story_event_id == 0
         || px_store_set_event_story_event (store, id, target->story_event_id, error);
}

static gboolean
apply_state (PxStore          *store,
             gint64            article_id,
             gint64            trigger_id,
             const EventState *target,
             GError          **error)
{
  if (!px_store_begin (store, error))
    return FALSE;
  if (!make_state (store, article_id, trigger_id, target, error))
    {
      px_store_rollback (store);
      return FALSE;
    }
  return px_store_commit (store, error);
}

static gboolean
replay_event_step (PxStore  *store,
                   gpointer  data,
                   gboolean  forwards,
                   gint64   *out_annotation_id,
                   GError  **error)
{
  EventStep *step = data;

  *out_annotation_id = step->trigger_id;
  return apply_state (store, step->article_id, step->trigger_id,
                      forwards ? &step->after : &step->before, error);
}

/* Applies @step (taking it) and records it; FALSE after showing the error. */
static gboolean
do_event_step (PxWorkspace *self,
               EventStep   *step)
{
  g_autoptr(GError) error = NULL;

  if (!apply_state (self->store, step->article_id, step->trigger_id, &step->after, &error))
    {
      event_step_free (step);
      px_workspace_error (self, error);
      return FALSE;
    }
  px_undo_push_custom (self->undo, step->article_id, replay_event_step, step, event_step_free);
  return TRUE;
}

static gboolean
role_in_label (PxLabel    *label,
               const char *role)
{
  GPtrArray *roles = px_label_get_roles (label);

  for (guint i = 0; roles != NULL && i < roles->len; i++)
    if (g_strcmp0 (((PxRole *) roles->pdata[i])->name, role) == 0)
      return TRUE;
  return FALSE;
}

/* ---- Hooks from px-workspace.c ----------------------------------------- */

/* A mention the workspace just tagged (inside its undo group): entity
 * mentions are linked by match key, triggers get their event. */
void
px_workspace_events_added (PxWorkspace  *self,
                           PxAnnotation *added)
{
  g_autoptr(GError) error = NULL;
  gint64 entity_id;
  EventStep *step;

  if (px_annotation_get_kind (added) == PX_LABEL_ENTITY)
    {
      entity_id = px_store_link_mention (self->store, px_annotation_get_id (added), &error);
      if (entity_id == 0 && error != NULL)
        px_workspace_error (self, error);
      else if (entity_id != 0)
        px_undo_push_entity (self->undo, added, entity_id);
      return;
    }
  step = event_step_new (self->article_id, px_annotation_get_id (added), NULL);
  step->after.label_id = px_annotation_get_label_id (added);
  do_event_step (self, step);
}

/* Keeps the event in step with its trigger's new label: a new type keeps
 * the arguments whose roles it has, an entity label drops the event. */
static void
relabel_event (PxWorkspace  *self,
               PxAnnotation *before,
               PxLabel      *label)
{
  gint64 id = px_annotation_get_id (before);
  g_autoptr(PxEvent) event = px_workspace_find_event (self->store, self->article_id, id);
  gboolean to_event = px_label_get_kind (label) == PX_LABEL_EVENT;
  EventStep *step;

  if (event == NULL && !to_event)
    return;
  if (event != NULL && to_event && px_event_get_label_id (event) == px_label_get_id (label))
    return;
  step = event_step_new (self->article_id, id, event);
  step->after.label_id = to_event ? px_label_get_id (label) : 0;
  step->after.story_event_id = 0;
  for (guint i = step->after.args->len; i > 0; i--)
    {
      const PxEventArgument *arg = step->after.args->pdata[i - 1];

      if (!to_event || !role_in_label (label, arg->role))
        g_ptr_array_remove_index (step->after.args, i - 1);
    }
  do_event_step (self, step);
}

static void
relink_mention (PxWorkspace *self,
                gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxAnnotation) now = px_store_get_annotation (self->store, id, &error);
  gint64 entity_id;

  if (now == NULL || px_annotation_get_kind (now) != PX_LABEL_ENTITY)
    return;
  entity_id = px_store_link_mention (self->store, id, &error);
  if (entity_id == 0 && error != NULL)
    px_workspace_error (self, error);
  else if (entity_id != px_annotation_get_entity_id (now))
    px_undo_push_entity (self->undo, now, entity_id);
}

void
px_workspace_events_relabelled (PxWorkspace  *self,
                                PxAnnotation *before,
                                PxLabel      *label)
{
  relabel_event (self, before, label);
  relink_mention (self, px_annotation_get_id (before));
}

/* The events @target triggers go with it, and it leaves the events it is an
 * argument of; recording those as steps lets undo bring them back. */
gboolean
px_workspace_delete_annotation (PxWorkspace   *self,
                                PxAnnotation  *target,
                                GError       **error)
{
  gint64 id = px_annotation_get_id (target);
  gint64 article_id = px_annotation_get_article_id (target);
  g_autoptr(GListModel) events = px_store_list_events (self->store, article_id);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (event_step_free);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(PxEvent) event = g_list_model_get_item (events, i);
      gint64 trigger = px_event_get_trigger_annotation_id (event);
      EventStep *step = event_step_new (article_id, trigger, event);

      if (trigger == id)
        {
          step->after.label_id = 0;
          g_ptr_array_set_size (step->after.args, 0);
        }
      for (guint k = step->after.args->len; k > 0; k--)
        if (((PxEventArgument *) step->after.args->pdata[k - 1])->annotation_id == id)
          g_ptr_array_remove_index (step->after.args, k - 1);
      if (trigger == id || step->after.args->len != step->before.args->len)
        g_ptr_array_add (steps, step);
      else
        event_step_free (step);
    }
  if (!px_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < steps->len; i++)
    {
      EventStep *step = steps->pdata[i];

      if (!make_state (self->store, article_id, step->trigger_id, &step->after, error))
        {
          px_store_rollback (self->store);
          return FALSE;
        }
    }
  if (!px_store_delete_annotation (self->store, id, error))
    {
      px_store_rollback (self->store);
      return FALSE;
    }
  /* A failed commit rolls back by itself. */
  if (!px_store_commit (self->store, error))
    return FALSE;
  px_undo_begin_group (self->undo);
  for (guint i = 0; i < steps->len; i++)
    px_undo_push_custom (self->undo, article_id, replay_event_step,
                         g_ptr_array_steal_index (steps, i--), event_step_free);
  px_undo_push_delete (self->undo, target);
  px_undo_end_group (self->undo);
  return TRUE;
}

/* ---- Arguments ------------------------------------------------------------ */

void
px_workspace_events_remove_argument (PxWorkspace *self,
                                     gint64       trigger_id,
                                     const char  *role,
                                     gint64       annotation_id)
{
  g_autoptr(PxEvent) event = NULL;
  EventStep *step;

  if (self->store == NULL || self->ev == NULL)
    return;
  event = px_workspace_find_event (self->store, self->article_id, trigger_id);
  if (event == NULL)
    return;
  step = event_step_new (self->article_id, trigger_id, event);
  for (guint i = step->after.args->len; i > 0; i--)
    {
      const PxEventArgument *arg = step->after.args->pdata[i - 1];

      if (arg->annotation_id == annotation_id && g_strcmp0 (arg->role, role) == 0)
        g_ptr_array_remove_index (step->after.args, i - 1);
    }
  if (do_event_step (self, step))
    px_workspace_update_undo_actions (self);
  px_workspace_select_annotation (self, trigger_id);
}

/* Tags the new text (when there is some) and adds the argument, in one
 * transaction; the caller records the steps. */
static gboolean
store_argument (PxWorkspace   *self,
                const char    *role,
                EventStep    **out_step,
                PxAnnotation **out_added,
                GError       **error)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) trigger = px_store_get_annotation (self->store, ev->pending_trigger, error);
  g_autoptr(PxEvent) event = NULL;
  g_autoptr(EventStep) step = NULL;
  gint64 arg_id = ev->pending_annotation;

  if (trigger == NULL)
    return FALSE;
  if (arg_id == 0)
    {
      arg_id = px_store_add_annotation (self->store, self->article_id, ev->pending_label,
                                        ev->pending_start, ev->pending_end,
                                        PX_ANNOTATION_ACCEPTED, NULL, error);
      if (arg_id == 0 || (px_store_link_mention (self->store, arg_id, error) == 0 && error != NULL && *error != NULL))
        return FALSE;
      *out_added = px_store_get_annotation (self->store, arg_id, error);
      if (*out_added == NULL)
        return FALSE;
    }
  event = px_workspace_find_event (self->store, self->article_id, ev->pending_trigger);
  step = event_step_new (self->article_id, ev->pending_trigger, event);
  if (event == NULL)
    step->after.label_id = px_annotation_get_label_id (trigger);
  if (state_has_arg (&step->after, role, arg_id))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   _("That mention already is the event’s %s"), role);
      return FALSE;
    }
  g_ptr_array_add (step->after.args, px_event_argument_new (role, arg_id));
  if (!make_state (self->store, self->article_id, ev->pending_trigger, &step->after, error))
    return FALSE;
  *out_step = g_steal_pointer (&step);
  return TRUE;
}

void
px_workspace_events_add_argument (PxWorkspace *self,
                                  const char  *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxAnnotation) added = NULL;
  EventStep *step = NULL;

  if (self->store == NULL || !px_store_begin (self->store, &error))
    goto fail;
  if (!store_argument (self, role, &step, &added, &error))
    {
      px_store_rollback (self->store);
      goto fail;
    }
  if (!px_store_commit (self->store, &error))
    {
      event_step_free (step);
      goto fail;
    }
  px_undo_begin_group (self->undo);
  if (added != NULL)
    px_undo_push_add (self->undo, added);
  px_undo_push_custom (self->undo, self->article_id, replay_event_step, step, event_step_free);
  px_undo_end_group (self->undo);
  px_workspace_update_undo_actions (self);
  px_workspace_select_annotation (self, self->ev->pending_trigger);
  return;

fail:
  if (error != NULL)
    px_workspace_error (self, error);
}
