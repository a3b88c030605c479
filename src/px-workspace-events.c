/* px-workspace-events.c: events and their arguments on the Annotate page,
 * and the edits the inspector asks for (label, note, entity link).
 *
 * An event is named by its trigger annotation, never by its event id:
 * annotation ids survive undo (deleted ones come back with their old id),
 * while an event that undo deletes and redo recreates gets a new id. So an
 * undo step holds the event's state before and after (type, arguments) for
 * one trigger, and replaying it makes the store match one or the other. */
#include "px-workspace-private.h"

#include <glib/gi18n.h>

#include "px-inspector.h"
#include "px-text.h"

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
static PxEvent *
find_event (PxStore *store,
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
  g_autoptr(PxEvent) event = find_event (store, article_id, trigger_id);
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
  g_autoptr(PxEvent) event = find_event (self->store, self->article_id, id);
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

/* ---- The inspector's edits -------------------------------------------- */

struct _PxWorkspaceEvents
{
  GListModel         *events;          /* of events_article */
  gint64              events_article;
  gint64              trigger_id;      /* the event being edited, by trigger; 0: none */
  guint               refresh_id;
  guint               entities_id;

  GListStore         *entities;        /* PxEntity, counted in this article */
  GtkColumnView      *entity_view;

  GtkPopover         *popover;         /* asks for the argument's label, then role */
  GtkStack           *popover_stack;
  GtkListBox         *label_list;
  GtkListBox         *role_list;
  GtkLabel           *role_title;
  gint64              pending_trigger;
  gint64              pending_annotation; /* an existing mention, or 0 */
  gsize               pending_start;
  gsize               pending_end;
  gint64              pending_label;
};

static gint64
selected_id (PxWorkspace *self)
{
  g_autoptr(PxAnnotation) a = px_workspace_get_selected (self);

  return a != NULL ? px_annotation_get_id (a) : 0;
}

/* The list drops the selection when the store replaces the edited item. */
static void
reselect (PxWorkspace *self,
          gint64       id)
{
  if (id != 0 && selected_id (self) != id)
    px_workspace_select_annotation (self, id);
}

static gboolean
edit_ready (PxWorkspace   *self,
            gint64         id,
            PxAnnotation **out)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->ev == NULL)
    return FALSE;
  *out = px_store_get_annotation (self->store, id, &error);
  if (*out == NULL)
    px_workspace_error (self, error);
  return *out != NULL;
}

static void
set_label (PxWorkspace *self,
           gint64       id,
           gint64       label_id)
{
  g_autoptr(PxAnnotation) before = NULL;
  g_autoptr(PxLabel) label = NULL;
  g_autoptr(GError) error = NULL;

  if (!edit_ready (self, id, &before) || px_annotation_get_label_id (before) == label_id)
    return;
  label = px_store_get_label (self->store, label_id, &error);
  if (label == NULL || !px_store_set_annotation_label (self->store, id, label_id, &error))
    {
      px_workspace_error (self, error);
      return;
    }
  px_undo_begin_group (self->undo);
  px_undo_push_relabel (self->undo, before, label_id);
  px_workspace_events_relabelled (self, before, label);
  px_undo_end_group (self->undo);
  px_workspace_update_undo_actions (self);
  reselect (self, id);
}

static void
set_note (PxWorkspace *self,
          gint64       id,
          const char  *note)
{
  g_autoptr(PxAnnotation) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = selected_id (self);
  const char *value = note != NULL && *note != '\0' ? note : NULL;

  if (!edit_ready (self, id, &before)
      || g_strcmp0 (px_annotation_get_note (before), value) == 0)
    return;
  if (!px_store_set_annotation_note (self->store, id, value, &error))
    {
      px_workspace_error (self, error);
      return;
    }
  px_undo_push_note (self->undo, before, value);
  px_workspace_update_undo_actions (self);
  reselect (self, keep);
}

static void
set_entity (PxWorkspace  *self,
            PxAnnotation *before,
            gint64        entity_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = px_annotation_get_id (before);

  if (px_annotation_get_entity_id (before) == entity_id)
    return;
  if (!px_store_set_annotation_entity (self->store, id, entity_id, &error))
    {
      px_workspace_error (self, error);
      return;
    }
  px_undo_push_entity (self->undo, before, entity_id);
  px_workspace_update_undo_actions (self);
  reselect (self, id);
}

static void
link_entity (PxWorkspace *self,
             gint64       id,
             gint64       entity_id)
{
  g_autoptr(PxAnnotation) before = NULL;

  if (edit_ready (self, id, &before))
    set_entity (self, before, entity_id);
}

/* The new entity stays when this is undone: it is only unlinked. */
static void
new_entity (PxWorkspace *self,
            gint64       id,
            const char  *name)
{
  g_autoptr(PxAnnotation) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entity_id;

  if (!edit_ready (self, id, &before))
    return;
  entity_id = px_store_add_entity (self->store, name, px_annotation_get_label_id (before), &error);
  if (entity_id == 0)
    px_workspace_error (self, error);
  else
    set_entity (self, before, entity_id);
}

static void
remove_argument (PxWorkspace *self,
                 gint64       trigger_id,
                 const char  *role,
                 gint64       annotation_id)
{
  g_autoptr(PxEvent) event = NULL;
  EventStep *step;

  if (self->store == NULL || self->ev == NULL)
    return;
  event = find_event (self->store, self->article_id, trigger_id);
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
  reselect (self, trigger_id);
}

/* ---- Adding an argument -------------------------------------------------- */

static PxAnnotation *
find_annotation (PxWorkspace *self,
                 gint64       id)
{
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, i);

      if (px_annotation_get_id (a) == id)
        return g_steal_pointer (&a);
    }
  return NULL;
}

/* The entity mention with exactly this span, or (@exact FALSE) the
 * innermost one around @start. */
static PxAnnotation *
find_mention (PxWorkspace *self,
              gsize        start,
              gsize        end,
              gboolean     exact)
{
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;
  PxAnnotation *best = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, i);
      gsize s = px_annotation_get_start (a), e = px_annotation_get_end (a);

      if (s > start)
        break;
      if (px_annotation_get_kind (a) != PX_LABEL_ENTITY
          || px_annotation_get_status (a) != PX_ANNOTATION_ACCEPTED)
        continue;
      if (exact ? (s == start && e == end)
                : (start < e && (best == NULL || e - s < px_annotation_get_end (best) - px_annotation_get_start (best))))
        g_set_object (&best, a);
    }
  return best;
}

static gboolean
snapping_enabled (PxWorkspace *self)
{
  return self->settings == NULL || g_settings_get_boolean (self->settings, "word-snapping");
}

/* What the argument is: the mention the selection covers or the cursor is
 * in, else the selected text, to be tagged first. */
static gboolean
pick_argument (PxWorkspace  *self,
               PxAnnotation *trigger)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) mention = NULL;
  gsize start, end;

  ev->pending_annotation = ev->pending_label = 0;
  if (!px_article_view_get_selection (self->view, &start, &end))
    {
      start = end = px_article_view_get_cursor (self->view);
      mention = find_mention (self, start, end, FALSE);
    }
  else if (start == px_annotation_get_start (trigger) && end == px_annotation_get_end (trigger))
    start = end = 0;
  else if (snapping_enabled (self)
           && !px_text_snap_to_words (px_article_view_get_text (self->view), self->lang, &start, &end))
    start = end = 0;
  else
    mention = find_mention (self, start, end, TRUE);
  if (mention == NULL && start == end)
    {
      px_workspace_toast (self, _("Select the argument’s text, or put the cursor in a mention"));
      return FALSE;
    }
  ev->pending_trigger = px_annotation_get_id (trigger);
  ev->pending_annotation = mention != NULL ? px_annotation_get_id (mention) : 0;
  ev->pending_start = mention != NULL ? px_annotation_get_start (mention) : start;
  ev->pending_end = mention != NULL ? px_annotation_get_end (mention) : end;
  return TRUE;
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
  event = find_event (self->store, self->article_id, ev->pending_trigger);
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

static void
commit_argument (PxWorkspace *self,
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

static GtkWidget *
choice_row_new (const char *key,
                const char *text,
                const char *detail,
                const char *value)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *k = gtk_label_new (key);
  GtkWidget *name = gtk_label_new (text);
  g_autofree char *a11y = NULL;

  gtk_widget_add_css_class (k, "dim-label");
  gtk_widget_add_css_class (k, "monospace");
  gtk_label_set_width_chars (GTK_LABEL (k), 1);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), k);
  gtk_box_append (GTK_BOX (box), name);
  if (detail != NULL)
    {
      GtkWidget *d = gtk_label_new (detail);

      gtk_widget_add_css_class (d, "dim-label");
      gtk_box_append (GTK_BOX (box), d);
    }
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 5);
  gtk_widget_set_margin_bottom (box, 5);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "px-key", g_strdup (key), g_free);
  g_object_set_data_full (G_OBJECT (row), "px-value", g_strdup (value), g_free);
  /* Translators: a choice in a popover; %s is its name, %s its key */
  a11y = g_strdup_printf (_("%s (key %s)"), text, key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

static void
list_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_roles (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) trigger = find_annotation (self, ev->pending_trigger);
  g_autoptr(PxLabel) label = trigger != NULL ? px_store_get_label (self->store, px_annotation_get_label_id (trigger), NULL) : NULL;
  g_autoptr(PxEvent) event = find_event (self->store, self->article_id, ev->pending_trigger);
  GPtrArray *roles = label != NULL ? px_label_get_roles (label) : NULL;
  g_autofree char *title = NULL;

  list_clear (ev->role_list);
  for (guint i = 0; roles != NULL && i < roles->len; i++)
    {
      const PxRole *role = roles->pdata[i];
      char key[2] = { i < 9 ? (char) ('1' + i) : ' ', '\0' };
      const char *detail = NULL;

      for (guint k = 0; event != NULL && k < px_event_get_n_arguments (event); k++)
        if (g_strcmp0 (px_event_get_argument (event, k)->role, role->name) == 0)
          detail = role->repeatable ? _("one more") : _("already set");
      if (detail == NULL && role->repeatable)
        detail = _("one or more");
      gtk_list_box_append (ev->role_list, choice_row_new (key, role->name, detail, role->name));
    }
  /* Translators: %s is an event type such as Meet */
  title = g_strdup_printf (_("Role in the %s event"), label != NULL ? px_label_get_name (label) : "");
  gtk_label_set_text (ev->role_title, title);
}

static void
fill_entity_labels (PxWorkspace *self)
{
  guint n = self->labels != NULL ? g_list_model_get_n_items (self->labels) : 0;

  list_clear (self->ev->label_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (self->labels, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, px_label_get_id (label));
      const char *key = px_label_get_shortcut (label);

      if (px_label_get_kind (label) == PX_LABEL_ENTITY)
        gtk_list_box_append (self->ev->label_list,
                             choice_row_new (key != NULL ? key : "", px_label_get_name (label),
                                             px_label_get_description (label), id));
    }
}

static void
show_page (PxWorkspace *self,
           const char  *page)
{
  GtkListBox *list = g_str_equal (page, "roles") ? self->ev->role_list : self->ev->label_list;
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);

  gtk_stack_set_visible_child_name (self->ev->popover_stack, page);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
point_popover_at (PxWorkspace *self,
                  gsize        offset)
{
  GtkTextView *tv = px_article_view_get_text_view (self->view);
  GtkTextIter iter;
  GdkRectangle loc;
  int wx, wy;
  double x, y;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (tv), &iter, (int) offset);
  gtk_text_view_get_iter_location (tv, &iter, &loc);
  gtk_text_view_buffer_to_window_coords (tv, GTK_TEXT_WINDOW_WIDGET, loc.x, loc.y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (tv), GTK_WIDGET (self), wx, wy, &x, &y))
    x = y = 0;
  /* Scrolled out of sight: point at the text's top edge instead. */
  rect.x = (int) CLAMP (x, 0, gtk_widget_get_width (GTK_WIDGET (self)) - 1);
  rect.y = (int) CLAMP (y, 0, gtk_widget_get_height (GTK_WIDGET (self)) - 1);
  rect.width = 1;
  rect.height = MAX (loc.height, 1);
  gtk_popover_set_pointing_to (self->ev->popover, &rect);
}

static void
open_argument_popover (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) trigger = NULL;

  if (self->store == NULL || ev == NULL || self->article_id == 0)
    return;
  if (ev->trigger_id != 0)
    trigger = find_annotation (self, ev->trigger_id);
  if (trigger == NULL)
    {
      px_workspace_toast (self, _("Select an event trigger first"));
      return;
    }
  if (!pick_argument (self, trigger))
    return;
  fill_roles (self);
  fill_entity_labels (self);
  point_popover_at (self, ev->pending_start);
  gtk_popover_popup (ev->popover);
  show_page (self, ev->pending_annotation != 0 ? "roles" : "labels");
}

static void
on_choice_activated (PxWorkspace   *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autofree char *value = g_strdup (g_object_get_data (G_OBJECT (row), "px-value"));

  if (list == ev->label_list)
    {
      ev->pending_label = g_ascii_strtoll (value, NULL, 10);
      show_page (self, "roles");
      return;
    }
  gtk_popover_popdown (ev->popover);
  commit_argument (self, value);
}

/* A row's key (a label's shortcut, a role's number) picks it. */
static gboolean
on_popover_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PxWorkspace           *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->ev->popover_stack);
  GtkListBox *list = g_strcmp0 (page, "roles") == 0 ? self->ev->role_list : self->ev->label_list;
  gunichar c = gdk_keyval_to_unicode (keyval);
  char key[8] = { 0 };

  if (c == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  g_unichar_to_utf8 (c, key);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row)
        && g_strcmp0 (g_object_get_data (G_OBJECT (row), "px-key"), key) == 0)
      {
        on_choice_activated (self, GTK_LIST_BOX_ROW (row), list);
        return TRUE;
      }
  return FALSE;
}

static GtkWidget *
choice_page_new (PxWorkspace  *self,
                 const char   *title,
                 GtkLabel    **out_title,
                 GtkListBox  **out_list,
                 const char   *a11y)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 6);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_choice_activated), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  if (out_title != NULL)
    *out_title = GTK_LABEL (heading);
  *out_list = GTK_LIST_BOX (list);
  return box;
}

static void
on_popover_closed (PxWorkspace *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (px_article_view_get_text_view (self->view)));
}

static void
build_popover (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;
  GtkEventController *keys = gtk_event_controller_key_new ();

  ev->popover = GTK_POPOVER (gtk_popover_new ());
  ev->popover_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (ev->popover_stack,
                       choice_page_new (self, _("Tag the argument as"), NULL, &ev->label_list,
                                        _("Label for the argument")),
                       "labels");
  gtk_stack_add_named (ev->popover_stack,
                       choice_page_new (self, NULL, &ev->role_title, &ev->role_list,
                                        _("Role of the argument")),
                       "roles");
  gtk_stack_set_vhomogeneous (ev->popover_stack, FALSE);
  gtk_stack_set_hhomogeneous (ev->popover_stack, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (ev->popover_stack), 240, -1);
  gtk_popover_set_child (ev->popover, GTK_WIDGET (ev->popover_stack));
  gtk_popover_set_position (ev->popover, GTK_POS_BOTTOM);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ev->popover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add an event argument"), -1);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_popover_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (ev->popover), keys);
  g_signal_connect_object (ev->popover, "closed", G_CALLBACK (on_popover_closed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (ev->popover), GTK_WIDGET (self));
}

/* ---- Following the selection -------------------------------------------- */

static void
queue_refresh (PxWorkspace *self);

static void
ensure_events (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;

  if (ev->events_article == self->article_id)
    return;
  if (ev->events != NULL)
    g_signal_handlers_disconnect_by_data (ev->events, self);
  g_clear_object (&ev->events);
  ev->events_article = self->article_id;
  ev->trigger_id = 0;
  if (self->store == NULL || self->article_id == 0)
    return;
  ev->events = px_store_list_events (self->store, self->article_id);
  g_signal_connect_swapped (ev->events, "items-changed", G_CALLBACK (queue_refresh), self);
}

static PxEvent *
event_of (PxWorkspace *self,
          gint64       trigger_id)
{
  GListModel *events = self->ev->events;
  guint n = events != NULL && trigger_id != 0 ? g_list_model_get_n_items (events) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxEvent) event = g_list_model_get_item (events, i);

      if (px_event_get_trigger_annotation_id (event) == trigger_id)
        return g_steal_pointer (&event);
    }
  return NULL;
}

static void
update_highlights (PxWorkspace *self,
                   PxEvent     *event)
{
  guint n = event != NULL ? px_event_get_n_arguments (event) : 0;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = find_annotation (self, px_event_get_argument (event, i)->annotation_id);
      gsize start = a != NULL ? px_annotation_get_start (a) : 0;
      gsize end = a != NULL ? px_annotation_get_end (a) : 0;

      g_array_append_val (ranges, start);
      g_array_append_val (ranges, end);
    }
  px_article_view_set_highlights (self->view, (const gsize *) (gpointer) ranges->data, n);
}

/* "Participant of Meet “rencontre”", one line per event argument that
 * @id is, or NULL. */
static char *
argument_of (PxWorkspace *self,
             gint64       id)
{
  GListModel *events = self->ev->events;
  guint n = events != NULL ? g_list_model_get_n_items (events) : 0;
  GString *s = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxEvent) event = g_list_model_get_item (events, i);
      g_autoptr(PxAnnotation) trigger = find_annotation (self, px_event_get_trigger_annotation_id (event));

      for (guint k = 0; trigger != NULL && k < px_event_get_n_arguments (event); k++)
        {
          const PxEventArgument *arg = px_event_get_argument (event, k);

          if (arg->annotation_id != id)
            continue;
          if (s == NULL)
            s = g_string_new (NULL);
          else
            g_string_append_c (s, '\n');
          /* Translators: a role, an event type, and the event's trigger word */
          g_string_append_printf (s, _("%s of %s “%s”"), arg->role,
                                  px_event_get_label_name (event), px_annotation_get_text (trigger));
        }
    }
  return s != NULL ? g_string_free (s, FALSE) : NULL;
}

/* The event stays the one being edited while other mentions are selected
 * (to add them as arguments), until another trigger is selected or it is
 * gone. */
static void
refresh (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) selected = px_workspace_get_selected (self);
  g_autoptr(PxAnnotation) trigger = NULL;
  g_autoptr(PxEvent) event = NULL;
  g_autoptr(PxEvent) shown = NULL;

  ensure_events (self);
  if (selected != NULL && px_annotation_get_kind (selected) == PX_LABEL_EVENT)
    ev->trigger_id = px_annotation_get_id (selected);
  trigger = ev->trigger_id != 0 ? find_annotation (self, ev->trigger_id) : NULL;
  if (trigger == NULL || px_annotation_get_kind (trigger) != PX_LABEL_EVENT)
    ev->trigger_id = 0;
  event = event_of (self, ev->trigger_id);
  if (selected != NULL && px_annotation_get_kind (selected) == PX_LABEL_EVENT)
    shown = event != NULL ? g_object_ref (event) : NULL;
  px_inspector_show (self->inspector, selected, shown);
  if (selected != NULL && px_annotation_get_kind (selected) == PX_LABEL_ENTITY)
    {
      g_autofree char *roles = argument_of (self, px_annotation_get_id (selected));
      px_inspector_set_argument_of (self->inspector, roles);
    }
  update_highlights (self, event);
}

static gboolean
refresh_idle (gpointer data)
{
  PxWorkspace *self = data;

  self->ev->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Deferred: an edit empties the list's selection for a moment before the
 * workspace selects the changed annotation again. */
static void
queue_refresh (PxWorkspace *self)
{
  if (self->ev != NULL && self->ev->refresh_id == 0)
    self->ev->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, refresh_idle, self, NULL);
}

/* ---- This article's entities --------------------------------------------- */

/* One PxEntity per linked entity, its mention count being this article's. */
static void
rebuild_entities (PxWorkspace *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) firsts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, i);
      gint64 id = px_annotation_get_entity_id (a);
      gpointer count;

      if (id == 0 || px_annotation_get_status (a) != PX_ANNOTATION_ACCEPTED)
        continue;
      count = g_hash_table_lookup (counts, &id);
      if (count == NULL)
        g_ptr_array_add (firsts, g_object_ref (a));
      g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }
  for (guint i = 0; i < firsts->len; i++)
    {
      PxAnnotation *a = firsts->pdata[i];
      gint64 id = px_annotation_get_entity_id (a);

      g_ptr_array_add (items, g_object_new (PX_TYPE_ENTITY,
                                            "id", id,
                                            "name", px_annotation_get_entity_name (a),
                                            "label-id", px_annotation_get_label_id (a),
                                            "label-name", px_annotation_get_label_name (a),
                                            "n-mentions", GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id)),
                                            "n-articles", 1u,
                                            NULL));
    }
  g_list_store_splice (self->ev->entities, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ev->entities)),
                       items->pdata, items->len);
}

static gboolean
entities_idle (gpointer data)
{
  PxWorkspace *self = data;

  self->ev->entities_id = 0;
  rebuild_entities (self);
  return G_SOURCE_REMOVE;
}

static void
queue_entities (PxWorkspace *self)
{
  if (self->ev != NULL && self->ev->entities_id == 0)
    self->ev->entities_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, entities_idle, self, NULL);
}

static void
on_entity_activated (PxWorkspace   *self,
                     guint          position,
                     GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(PxEntity) entity = g_list_model_get_item (model, position);
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;

  for (guint i = 0; entity != NULL && i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, i);

      if (px_annotation_get_entity_id (a) == px_entity_get_id (entity))
        {
          px_workspace_select_annotation (self, px_annotation_get_id (a));
          return;
        }
    }
}

typedef enum
{
  ENTITY_NAME,
  ENTITY_LABEL,
  ENTITY_MENTIONS,
} EntityColumn;

static void
setup_entity_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean number = GPOINTER_TO_INT (user_data) == ENTITY_MENTIONS;

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_entity_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  PxEntity *e = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *count = NULL;

  switch (GPOINTER_TO_INT (user_data))
    {
    case ENTITY_NAME:
      gtk_label_set_text (label, px_entity_get_name (e));
      break;
    case ENTITY_LABEL:
      gtk_label_set_text (label, px_entity_get_label_name (e));
      break;
    case ENTITY_MENTIONS:
      count = g_strdup_printf ("%u", px_entity_get_n_mentions (e));
      gtk_label_set_text (label, count);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_entity_column (GtkColumnView *view,
                   const char    *title,
                   EntityColumn   column,
                   const char    *property)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expr = gtk_property_expression_new (PX_TYPE_ENTITY, NULL, property);
  GtkSorter *sorter = column == ENTITY_MENTIONS ? GTK_SORTER (gtk_numeric_sorter_new (expr))
                                                : GTK_SORTER (gtk_string_sorter_new (expr));
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_entity_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_entity_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (col, sorter);
  gtk_column_view_column_set_expand (col, column == ENTITY_NAME);
  gtk_column_view_append_column (view, col);
  g_object_unref (sorter);
  g_object_unref (col);
}

static GtkWidget *
build_entity_list (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  ev->entities = g_list_store_new (PX_TYPE_ENTITY);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (ev->entities)), NULL);
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  ev->entity_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_widget_add_css_class (GTK_WIDGET (ev->entity_view), "data-table");
  add_entity_column (ev->entity_view, _("Entity"), ENTITY_NAME, "name");
  add_entity_column (ev->entity_view, _("Label"), ENTITY_LABEL, "label-name");
  add_entity_column (ev->entity_view, _("Mentions"), ENTITY_MENTIONS, "n-mentions");
  gtk_sort_list_model_set_sorter (sorted, gtk_column_view_get_sorter (ev->entity_view));
  gtk_column_view_set_single_click_activate (ev->entity_view, TRUE);
  g_signal_connect_object (ev->entity_view, "activate", G_CALLBACK (on_entity_activated), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ev->entity_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Entities of this article"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (ev->entity_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

/* The right column: the selected annotation above, the article's
 * annotations or entities below. */
GtkWidget *
px_workspace_events_build_side (PxWorkspace *self,
                                GtkWidget   *annotation_list)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *lower = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();

  self->inspector = PX_INSPECTOR (px_inspector_new ());
  gtk_stack_add_titled (GTK_STACK (stack), annotation_list, "annotations", _("Annotations"));
  gtk_stack_add_titled (GTK_STACK (stack), build_entity_list (self), "entities", _("Entities"));
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (stack));
  gtk_accessible_update_property (GTK_ACCESSIBLE (switcher), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show annotations or entities"), -1);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_box_append (GTK_BOX (lower), switcher);
  gtk_box_append (GTK_BOX (lower), stack);
  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (self->inspector));
  gtk_paned_set_end_child (GTK_PANED (paned), lower);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 370);
  gtk_widget_set_size_request (GTK_WIDGET (self->inspector), -1, 120);
  gtk_widget_set_hexpand (paned, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (paned), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Inspector"), -1);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (queue_entities), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  return paned;
}

/* ---- Actions, keys, life cycle ------------------------------------------ */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PxWorkspace *self = PX_WORKSPACE (widget);
  gint64 id = 0, value = 0;
  const char *text = NULL;

  if (self->ev == NULL || self->store == NULL)
    return;
  if (g_str_equal (action_name, "workspace.set-label"))
    {
      g_variant_get (param, "(xx)", &id, &value);
      set_label (self, id, value);
    }
  else if (g_str_equal (action_name, "workspace.set-note"))
    {
      g_variant_get (param, "(x&s)", &id, &text);
      set_note (self, id, text);
    }
  else if (g_str_equal (action_name, "workspace.link-entity"))
    {
      g_variant_get (param, "(xx)", &id, &value);
      link_entity (self, id, value);
    }
  else if (g_str_equal (action_name, "workspace.new-entity"))
    {
      g_variant_get (param, "(x&s)", &id, &text);
      new_entity (self, id, text);
    }
  else if (g_str_equal (action_name, "workspace.remove-argument"))
    {
      g_variant_get (param, "(x&sx)", &id, &text, &value);
      remove_argument (self, id, text, value);
    }
  else if (g_str_equal (action_name, "workspace.select-annotation"))
    px_workspace_select_annotation (self, g_variant_get_int64 (param));
  else if (g_str_equal (action_name, "workspace.add-argument"))
    open_argument_popover (self);
}

void
px_workspace_events_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "workspace.set-label", "(xx)", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.set-note", "(xs)", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.link-entity", "(xx)", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.new-entity", "(xs)", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.remove-argument", "(xsx)", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.select-annotation", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.add-argument", NULL, edit_action);
}

static gboolean
on_argument_key (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  PxWorkspace *self = PX_WORKSPACE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->ev == NULL || self->ev->trigger_id == 0 || self->article_id == 0
      || (focus != NULL && GTK_IS_EDITABLE (focus)))
    return FALSE;
  return gtk_widget_activate_action (widget, "workspace.add-argument", NULL);
}

void
px_workspace_events_init (PxWorkspace *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_r, 0),
                                            gtk_callback_action_new (on_argument_key, NULL, NULL));

  self->ev = g_new0 (PxWorkspaceEvents, 1);
  build_popover (self);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "px-workspace-event-keys");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
px_workspace_events_set_store (PxWorkspace *self)
{
  if (self->ev == NULL)
    return;
  self->ev->events_article = -1;
  px_inspector_set_store (self->inspector, self->store);
  queue_refresh (self);
}

void
px_workspace_events_dispose (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;

  if (ev == NULL)
    return;
  g_clear_handle_id (&ev->refresh_id, g_source_remove);
  g_clear_handle_id (&ev->entities_id, g_source_remove);
  if (ev->events != NULL)
    g_signal_handlers_disconnect_by_data (ev->events, self);
  g_clear_object (&ev->events);
  g_clear_object (&ev->entities);
  if (ev->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (ev->popover));
  g_free (ev);
  self->ev = NULL;
}
