/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-editor.c: every change a person or a script makes to a corpus.
 *
 * Each public call opens an edit (edit_begin), does its store writes and
 * closes it (edit_end). The outermost edit records its rows with the
 * store's session (px-store-history.c) and becomes one undo step; edits
 * inside a group or inside another call are savepoints, so a failed inner
 * call takes back only its own writes. */
#include "px-editor.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "px-error.h"
#include "px-suggest.h"
#include "px-text.h"

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

static gboolean
edit_begin (PxEditor  *self,
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

static void
edit_abort (PxEditor *self)
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
static gboolean
edit_end (PxEditor    *self,
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
static gboolean
edit_finish (PxEditor    *self,
             gboolean     ok,
             const char  *description,
             GError     **error)
{
  if (!ok)
    {
      edit_abort (self);
      return FALSE;
    }
  return edit_end (self, description, error);
}

static void
set_target (PxEditor *self,
            gint64    article_id,
            gint64    annotation_id)
{
  self->target.article_id = article_id;
  self->target.annotation_id = annotation_id;
}

static void
add_notice (PxEditor   *self,
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
  if (!edit_begin (self, error))
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
  return edit_end (self, NULL, error);
}

void
px_editor_cancel_group (PxEditor *self)
{
  g_return_if_fail (PX_IS_EDITOR (self));
  g_return_if_fail (self->depth > 0);
  edit_abort (self);
}

/* "“Sergueï Lavrov”", shortened for a menu. */
static char *
quoted (const char *text)
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

/* ---- Annotations ------------------------------------------------------ */

static PxEvent *
find_event_of_trigger (PxEditor *self,
                       gint64    article_id,
                       gint64    trigger_id)
{
  g_autoptr(GListModel) events = px_store_list_events (self->store, article_id);
  guint n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxEvent) event = g_list_model_get_item (events, i);

      if (px_event_get_trigger_annotation_id (event) == trigger_id)
        return g_steal_pointer (&event);
    }
  return NULL;
}

/* How many events (other than the one it triggers) use @annotation_id as
 * an argument. */
static guint
count_argument_uses (PxEditor *self,
                     gint64    article_id,
                     gint64    annotation_id)
{
  g_autoptr(GListModel) events = px_store_list_events (self->store, article_id);
  guint n = g_list_model_get_n_items (events), uses = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxEvent) event = g_list_model_get_item (events, i);

      for (guint k = 0; k < px_event_get_n_arguments (event); k++)
        if (px_event_get_argument (event, k)->annotation_id == annotation_id)
          {
            uses++;
            break;
          }
    }
  return uses;
}

static void
notice_event_removed (PxEditor *self,
                      PxEvent  *event)
{
  guint n = px_event_get_n_arguments (event);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup_printf (_("Its %s event was removed."), px_event_get_label_name (event));
  else
    /* Translators: "Its Meet event and its 3 arguments were removed." */
    text = g_strdup_printf (ngettext ("Its %s event and its %u argument were removed.",
                                      "Its %s event and its %u arguments were removed.", n),
                            px_event_get_label_name (event), n);
  add_notice (self, text);
}

/* The entity of @label called @name, made when there is none. */
static gint64
entity_named (PxEditor    *self,
              const char  *name,
              gint64       label_id,
              GError     **error)
{
  g_autofree char *key = px_text_match_key (name);
  g_autoptr(GPtrArray) found = px_store_find_entities_by_key (self->store, key != NULL ? key : "");

  for (guint i = 0; i < found->len; i++)
    if (px_entity_get_label_id (found->pdata[i]) == label_id)
      return px_entity_get_id (found->pdata[i]);
  return px_store_add_entity (self->store, name, label_id, error);
}

/* The links an annotation gets from its label: an entity mention its
 * entity, a trigger its event. */
static gboolean
complete_annotation (PxEditor    *self,
                     gint64       annotation_id,
                     const char  *entity_name,
                     GError     **error)
{
  g_autoptr(PxAnnotation) a = px_store_get_annotation (self->store, annotation_id, error);
  g_autoptr(GError) local = NULL;
  g_autoptr(PxEvent) event = NULL;
  gint64 article_id;

  if (a == NULL)
    return FALSE;
  article_id = px_annotation_get_article_id (a);
  if (px_annotation_get_kind (a) == PX_LABEL_ENTITY)
    {
      gint64 entity_id;

      if (px_annotation_get_entity_id (a) != 0 && entity_name == NULL)
        return TRUE;
      if (entity_name != NULL)
        {
          entity_id = entity_named (self, entity_name, px_annotation_get_label_id (a), error);
          return entity_id != 0
                 && px_store_set_annotation_entity (self->store, annotation_id, entity_id, error);
        }
      entity_id = px_store_link_mention (self->store, annotation_id, &local);
      if (entity_id == 0 && local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      return TRUE;
    }
  event = find_event_of_trigger (self, article_id, annotation_id);
  if (event != NULL)
    return TRUE;
  return px_store_add_event (self->store, article_id, px_annotation_get_label_id (a),
                             annotation_id, error) != 0;
}

static gboolean
accept_suggestion (PxEditor      *self,
                   PxAnnotation  *a,
                   GError       **error)
{
  gint64 id = px_annotation_get_id (a);

  return px_store_set_annotation_status (self->store, id, PX_ANNOTATION_ACCEPTED, error)
         && complete_annotation (self, id, NULL, error);
}

gint64
px_editor_tag (PxEditor    *self,
               gint64       article_id,
               gint64       label_id,
               gsize        start,
               gsize        end,
               const char  *entity_name,
               GError     **error)
{
  g_autoptr(PxLabel) label = NULL;
  g_autoptr(PxAnnotation) existing = NULL;
  g_autoptr(PxAnnotation) added = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), 0);
  label = px_store_get_label (self->store, label_id, error);
  if (label == NULL)
    return 0;
  if (entity_name != NULL && px_label_get_kind (label) != PX_LABEL_ENTITY)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "%s is an event type: only entity mentions link to an entity",
                   px_label_get_name (label));
      return 0;
    }
  existing = px_store_find_annotation (self->store, article_id, label_id, start, end, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  if (existing != NULL && px_annotation_get_status (existing) == PX_ANNOTATION_ACCEPTED)
    {
      g_autofree char *text = quoted (px_annotation_get_text (existing));

      g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE,
                   _("%s is already tagged %s (annotation %" G_GINT64_FORMAT ")"),
                   text, px_label_get_name (label), px_annotation_get_id (existing));
      return 0;
    }
  if (!edit_begin (self, error))
    return 0;
  if (existing != NULL)
    {
      id = px_annotation_get_id (existing);
      ok = accept_suggestion (self, existing, error)
           && (entity_name == NULL || complete_annotation (self, id, entity_name, error));
    }
  else
    {
      id = px_store_add_annotation (self->store, article_id, label_id, start, end,
                                    PX_ANNOTATION_ACCEPTED, NULL, error);
      ok = id != 0 && complete_annotation (self, id, entity_name, error);
    }
  if (ok)
    ok = (added = px_store_get_annotation (self->store, id, error)) != NULL;
  if (ok)
    {
      set_target (self, article_id, id);
      what = quoted (px_annotation_get_text (added));
      /* Translators: an undo description: Tag “Kuleba” as PER. */
      description = g_strdup_printf (_("Tag %s as %s"), what, px_label_get_name (label));
    }
  return edit_finish (self, ok, description, error) ? id : 0;
}

gboolean
px_editor_delete (PxEditor    *self,
                  gint64       annotation_id,
                  GError     **error)
{
  g_autoptr(PxAnnotation) a = NULL;
  g_autoptr(PxEvent) event = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  gint64 article_id;
  guint uses;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  a = px_store_get_annotation (self->store, annotation_id, error);
  if (a == NULL)
    return FALSE;
  article_id = px_annotation_get_article_id (a);
  if (!edit_begin (self, error))
    return FALSE;
  event = find_event_of_trigger (self, article_id, annotation_id);
  if (event != NULL)
    notice_event_removed (self, event);
  uses = count_argument_uses (self, article_id, annotation_id);
  if (uses > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("It was taken out of %u event.",
                                   "It was taken out of %u events.", uses), uses);
      add_notice (self, text);
    }
  ok = px_store_delete_annotation (self->store, annotation_id, error);
  set_target (self, article_id, annotation_id);
  what = quoted (px_annotation_get_text (a));
  description = px_annotation_get_status (a) == PX_ANNOTATION_SUGGESTED
    ? g_strdup_printf (_("Reject %s"), what)
    : g_strdup_printf (_("Delete %s"), what);
  return edit_finish (self, ok, description, error);
}

static gboolean
role_of (PxLabel     *type,
         const char  *role,
         const char **out_name)
{
  GPtrArray *roles = px_label_get_roles (type);

  for (guint i = 0; roles != NULL && i < roles->len; i++)
    {
      const PxRole *r = roles->pdata[i];

      if (g_ascii_strcasecmp (r->name, role) == 0)
        {
          if (out_name != NULL)
            *out_name = r->name;
          return TRUE;
        }
    }
  return FALSE;
}

/* A trigger moves to another event type: its event is made again with the
 * arguments whose roles the new type has. */
static gboolean
retype_event (PxEditor  *self,
              PxEvent   *event,
              PxLabel   *type,
              GError   **error)
{
  gint64 article_id = px_event_get_article_id (event);
  gint64 trigger_id = px_event_get_trigger_annotation_id (event);
  gint64 story_event_id = px_event_get_story_event_id (event);
  guint dropped = 0;
  gint64 id;

  if (!px_store_delete_event (self->store, px_event_get_id (event), error))
    return FALSE;
  id = px_store_add_event (self->store, article_id, px_label_get_id (type), trigger_id, error);
  if (id == 0)
    return FALSE;
  for (guint i = 0; i < px_event_get_n_arguments (event); i++)
    {
      const PxEventArgument *arg = px_event_get_argument (event, i);
      const char *role = NULL;

      if (!role_of (type, arg->role, &role))
        {
          dropped++;
          continue;
        }
      if (!px_store_add_event_argument (self->store, id, role, arg->annotation_id, error))
        return FALSE;
    }
  if (dropped > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u argument has no role in %s and was removed.",
                                   "%u arguments have no role in %s and were removed.", dropped),
                         dropped, px_label_get_name (type));
      add_notice (self, text);
    }
  return story_event_id == 0
         || px_store_set_event_story_event (self->store, id, story_event_id, error);
}

static gboolean
relabel_links (PxEditor      *self,
               PxAnnotation  *before,
               PxLabel       *label,
               GError       **error)
{
  gint64 id = px_annotation_get_id (before);
  gint64 article_id = px_annotation_get_article_id (before);
  g_autoptr(PxEvent) event = find_event_of_trigger (self, article_id, id);
  gboolean to_event = px_label_get_kind (label) == PX_LABEL_EVENT;

  if (event != NULL && to_event)
    return retype_event (self, event, label, error);
  if (event != NULL)
    {
      notice_event_removed (self, event);
      if (!px_store_delete_event (self->store, px_event_get_id (event), error))
        return FALSE;
    }
  /* The entity belongs to the old label: the mention is linked afresh. */
  if (px_annotation_get_entity_id (before) != 0
      && !px_store_set_annotation_entity (self->store, id, 0, error))
    return FALSE;
  if (px_annotation_get_status (before) == PX_ANNOTATION_SUGGESTED)
    return TRUE;
  return complete_annotation (self, id, NULL, error);
}

gboolean
px_editor_relabel (PxEditor    *self,
                   gint64       annotation_id,
                   gint64       label_id,
                   GError     **error)
{
  g_autoptr(PxAnnotation) before = NULL;
  g_autoptr(PxLabel) label = NULL;
  g_autoptr(PxAnnotation) clash = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  before = px_store_get_annotation (self->store, annotation_id, error);
  if (before == NULL || (label = px_store_get_label (self->store, label_id, error)) == NULL)
    return FALSE;
  if (px_annotation_get_label_id (before) == label_id)
    return TRUE;
  what = quoted (px_annotation_get_text (before));
  clash = px_store_find_annotation (self->store, px_annotation_get_article_id (before), label_id,
                                    px_annotation_get_start (before),
                                    px_annotation_get_end (before), NULL);
  if (clash != NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE,
                   _("%s is already tagged %s (annotation %" G_GINT64_FORMAT ")"),
                   what, px_label_get_name (label), px_annotation_get_id (clash));
      return FALSE;
    }
  if (!edit_begin (self, error))
    return FALSE;
  ok = px_store_set_annotation_label (self->store, annotation_id, label_id, error)
       && relabel_links (self, before, label, error);
  set_target (self, px_annotation_get_article_id (before), annotation_id);
  /* Translators: an undo description: Relabel “Kuleba” as ORG. */
  description = g_strdup_printf (_("Relabel %s as %s"), what, px_label_get_name (label));
  return edit_finish (self, ok, description, error);
}

gboolean
px_editor_set_note (PxEditor    *self,
                    gint64       annotation_id,
                    const char  *note,
                    GError     **error)
{
  g_autoptr(PxAnnotation) a = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  a = px_store_get_annotation (self->store, annotation_id, error);
  if (a == NULL)
    return FALSE;
  if (note != NULL && *note == '\0')
    note = NULL;
  if (g_strcmp0 (px_annotation_get_note (a), note) == 0)
    return TRUE;
  if (!edit_begin (self, error))
    return FALSE;
  ok = px_store_set_annotation_note (self->store, annotation_id, note, error);
  set_target (self, px_annotation_get_article_id (a), annotation_id);
  what = quoted (px_annotation_get_text (a));
  description = g_strdup_printf (_("Edit the Note on %s"), what);
  return edit_finish (self, ok, description, error);
}

static gboolean
check_entity_mention (PxAnnotation  *a,
                      GError       **error)
{
  if (px_annotation_get_kind (a) == PX_LABEL_ENTITY)
    return TRUE;
  g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
               "annotation %" G_GINT64_FORMAT " is an event trigger (%s): only entity mentions link to an entity",
               px_annotation_get_id (a), px_annotation_get_label_name (a));
  return FALSE;
}

gboolean
px_editor_link (PxEditor    *self,
                gint64       annotation_id,
                gint64       entity_id,
                GError     **error)
{
  g_autoptr(PxAnnotation) a = NULL;
  g_autoptr(PxEntity) entity = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  a = px_store_get_annotation (self->store, annotation_id, error);
  if (a == NULL || !check_entity_mention (a, error))
    return FALSE;
  if (entity_id != 0 && (entity = px_store_get_entity (self->store, entity_id, error)) == NULL)
    return FALSE;
  if (px_annotation_get_entity_id (a) == entity_id)
    return TRUE;
  if (!edit_begin (self, error))
    return FALSE;
  ok = px_store_set_annotation_entity (self->store, annotation_id, entity_id, error);
  set_target (self, px_annotation_get_article_id (a), annotation_id);
  what = quoted (px_annotation_get_text (a));
  if (entity != NULL)
    /* Translators: an undo description: Link “Kouleba” to Dmytro Kuleba. */
    description = g_strdup_printf (_("Link %s to %s"), what, px_entity_get_name (entity));
  else
    description = g_strdup_printf (_("Unlink %s"), what);
  return edit_finish (self, ok, description, error);
}

gint64
px_editor_link_new (PxEditor    *self,
                    gint64       annotation_id,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(PxAnnotation) a = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  gint64 entity_id = 0;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), 0);
  a = px_store_get_annotation (self->store, annotation_id, error);
  if (a == NULL || !check_entity_mention (a, error))
    return 0;
  if (!edit_begin (self, error))
    return 0;
  entity_id = px_store_add_entity (self->store, name, px_annotation_get_label_id (a), error);
  ok = entity_id != 0
       && px_store_set_annotation_entity (self->store, annotation_id, entity_id, error);
  set_target (self, px_annotation_get_article_id (a), annotation_id);
  what = quoted (px_annotation_get_text (a));
  description = g_strdup_printf (_("Link %s to a New Entity"), what);
  return edit_finish (self, ok, description, error) ? entity_id : 0;
}

/* ---- Suggestions ------------------------------------------------------ */

/* Adds suggestions of @source's label in one article; returns how many,
 * or -1 with @error. */
static int
suggest_in_article (PxEditor      *self,
                    PxAnnotation  *source,
                    gint64         article_id,
                    GError       **error)
{
  g_autoptr(PxArticle) article = px_store_get_article (self->store, article_id, error);
  g_autoptr(GListModel) existing = NULL;
  g_autoptr(GArray) skip = NULL;
  g_autoptr(GArray) found = NULL;
  gint64 label_id = px_annotation_get_label_id (source);
  const char *lang;
  guint n;

  if (article == NULL)
    return -1;
  if (px_article_get_text (article) == NULL)
    return 0;
  lang = px_article_get_language (article);
  existing = px_store_list_annotations (self->store, article_id);
  n = g_list_model_get_n_items (existing);
  skip = g_array_new (FALSE, FALSE, sizeof (PxSpan));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (existing, i);

      if (px_annotation_get_label_id (a) == label_id)
        {
          PxSpan s = { px_annotation_get_start (a), px_annotation_get_end (a) };
          g_array_append_val (skip, s);
        }
    }
  found = px_suggest_find (px_article_get_text (article), lang != NULL ? lang : "und",
                           px_annotation_get_text (source), skip);
  for (guint i = 0; i < found->len; i++)
    {
      const PxSpan *s = &g_array_index (found, PxSpan, i);

      if (px_store_add_annotation (self->store, article_id, label_id, s->start, s->end,
                                   PX_ANNOTATION_SUGGESTED, NULL, error) == 0)
        return -1;
    }
  return (int) found->len;
}

/* This article first, then the others of its story. */
static GArray *
story_articles (PxEditor *self,
                gint64    article_id,
                gboolean  whole_story)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PxArticle) article = NULL;
  g_autoptr(GListModel) articles = NULL;
  gint64 story_id;

  g_array_append_val (ids, article_id);
  if (!whole_story)
    return ids;
  article = px_store_get_article (self->store, article_id, NULL);
  story_id = article != NULL ? px_article_get_story_id (article) : 0;
  if (story_id == 0)
    return ids;
  articles = px_store_list_articles (self->store, story_id);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(PxArticle) a = g_list_model_get_item (articles, i);
      gint64 id = px_article_get_id (a);

      if (id != article_id)
        g_array_append_val (ids, id);
    }
  return ids;
}

int
px_editor_suggest (PxEditor    *self,
                   gint64       annotation_id,
                   gboolean     whole_story,
                   guint       *out_here,
                   GError     **error)
{
  g_autoptr(PxAnnotation) source = NULL;
  g_autoptr(GArray) articles = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  int total = 0, here = 0;

  g_return_val_if_fail (PX_IS_EDITOR (self), -1);
  source = px_store_get_annotation (self->store, annotation_id, error);
  if (source == NULL)
    return -1;
  articles = story_articles (self, px_annotation_get_article_id (source), whole_story);
  if (!edit_begin (self, error))
    return -1;
  for (guint i = 0; i < articles->len && total >= 0; i++)
    {
      int n = suggest_in_article (self, source, g_array_index (articles, gint64, i), error);

      if (i == 0)
        here = n;
      total = n < 0 ? -1 : total + n;
    }
  set_target (self, px_annotation_get_article_id (source), annotation_id);
  what = quoted (px_annotation_get_text (source));
  description = g_strdup_printf (_("Find All %s"), what);
  if (!edit_finish (self, total >= 0, description, error))
    return -1;
  if (out_here != NULL)
    *out_here = (guint) MAX (here, 0);
  return total;
}

static PxAnnotation *
get_suggestion (PxEditor  *self,
                gint64     annotation_id,
                GError   **error)
{
  g_autoptr(PxAnnotation) a = px_store_get_annotation (self->store, annotation_id, error);

  if (a != NULL && px_annotation_get_status (a) != PX_ANNOTATION_SUGGESTED)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "annotation %" G_GINT64_FORMAT " is not a suggestion", annotation_id);
      return NULL;
    }
  return g_steal_pointer (&a);
}

gboolean
px_editor_accept (PxEditor    *self,
                  gint64       annotation_id,
                  GError     **error)
{
  g_autoptr(PxAnnotation) a = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  a = get_suggestion (self, annotation_id, error);
  if (a == NULL || !edit_begin (self, error))
    return FALSE;
  ok = accept_suggestion (self, a, error);
  set_target (self, px_annotation_get_article_id (a), annotation_id);
  what = quoted (px_annotation_get_text (a));
  description = g_strdup_printf (_("Accept %s"), what);
  return edit_finish (self, ok, description, error);
}

gboolean
px_editor_reject (PxEditor    *self,
                  gint64       annotation_id,
                  GError     **error)
{
  g_autoptr(PxAnnotation) a = NULL;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  a = get_suggestion (self, annotation_id, error);
  return a != NULL && px_editor_delete (self, annotation_id, error);
}

static int
settle_all (PxEditor    *self,
            gint64       article_id,
            gboolean     accept,
            GError     **error)
{
  g_autoptr(GListModel) annotations = px_store_list_annotations (self->store, article_id);
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (annotations);
  gboolean ok = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (annotations, i);

      if (px_annotation_get_status (a) == PX_ANNOTATION_SUGGESTED)
        g_ptr_array_add (suggestions, g_steal_pointer (&a));
    }
  if (suggestions->len == 0)
    return 0;
  if (!edit_begin (self, error))
    return -1;
  for (guint i = 0; ok && i < suggestions->len; i++)
    {
      PxAnnotation *a = suggestions->pdata[i];

      ok = accept ? accept_suggestion (self, a, error)
                  : px_store_delete_annotation (self->store, px_annotation_get_id (a), error);
    }
  set_target (self, article_id, 0);
  if (!edit_finish (self, ok,
                    accept ? _("Accept All Suggestions") : _("Reject All Suggestions"),
                    error))
    return -1;
  return (int) suggestions->len;
}

int
px_editor_accept_all (PxEditor    *self,
                      gint64       article_id,
                      GError     **error)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), -1);
  return settle_all (self, article_id, TRUE, error);
}

int
px_editor_reject_all (PxEditor    *self,
                      gint64       article_id,
                      GError     **error)
{
  g_return_val_if_fail (PX_IS_EDITOR (self), -1);
  return settle_all (self, article_id, FALSE, error);
}

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
  keep = px_store_get_entity (self->store, keep_id, error);
  if (keep == NULL)
    return FALSE;
  if (!edit_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_drop_ids; i++)
    if (drop_ids[i] != keep_id)
      ok = px_store_merge_entities (self->store, keep_id, drop_ids[i], error);
  set_target (self, 0, 0);
  /* Translators: an undo description: Merge 3 Entities into Dmytro Kuleba. */
  description = g_strdup_printf (ngettext ("Merge %u Entity into %s", "Merge %u Entities into %s",
                                           n_drop_ids + 1),
                                 n_drop_ids + 1, px_entity_get_name (keep));
  return edit_finish (self, ok, description, error);
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
  entity = px_store_get_entity (self->store, entity_id, error);
  if (entity == NULL || !edit_begin (self, error))
    return 0;
  id = px_store_split_entity (self->store, entity_id, annotation_ids, n_annotation_ids, name, error);
  set_target (self, 0, 0);
  description = g_strdup_printf (_("Split %s"), px_entity_get_name (entity));
  return edit_finish (self, id != 0, description, error) ? id : 0;
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
  entity = px_store_get_entity (self->store, entity_id, error);
  if (entity == NULL)
    return FALSE;
  if (g_strcmp0 (px_entity_get_name (entity), name) == 0)
    return TRUE;
  if (!edit_begin (self, error))
    return FALSE;
  ok = px_store_rename_entity (self->store, entity_id, name, error);
  set_target (self, 0, 0);
  description = g_strdup_printf (_("Rename %s to %s"), px_entity_get_name (entity), name);
  return edit_finish (self, ok, description, error);
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
  entity = px_store_get_entity (self->store, entity_id, error);
  if (entity == NULL || !edit_begin (self, error))
    return FALSE;
  n = px_entity_get_n_mentions (entity);
  if (n > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("Its %u mention is no longer linked to an entity.",
                                   "Its %u mentions are no longer linked to an entity.", n), n);
      add_notice (self, text);
    }
  ok = px_store_delete_entity (self->store, entity_id, error);
  set_target (self, 0, 0);
  description = g_strdup_printf (_("Delete the Entity %s"), px_entity_get_name (entity));
  return edit_finish (self, ok, description, error);
}

/* ---- Events ----------------------------------------------------------- */

gint64
px_editor_add_event (PxEditor    *self,
                     gint64       trigger_annotation_id,
                     gint64       type_label_id,
                     GError     **error)
{
  g_autoptr(PxAnnotation) trigger = NULL;
  g_autoptr(PxLabel) type = NULL;
  g_autoptr(PxEvent) existing = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  gint64 article_id, id;

  g_return_val_if_fail (PX_IS_EDITOR (self), 0);
  trigger = px_store_get_annotation (self->store, trigger_annotation_id, error);
  if (trigger == NULL || (type = px_store_get_label (self->store, type_label_id, error)) == NULL)
    return 0;
  if (px_label_get_kind (type) != PX_LABEL_EVENT)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s is not an event type",
                   px_label_get_name (type));
      return 0;
    }
  article_id = px_annotation_get_article_id (trigger);
  existing = find_event_of_trigger (self, article_id, trigger_annotation_id);
  if (existing != NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE,
                   "annotation %" G_GINT64_FORMAT " already triggers event %" G_GINT64_FORMAT " (%s)",
                   trigger_annotation_id, px_event_get_id (existing),
                   px_event_get_label_name (existing));
      return 0;
    }
  if (!edit_begin (self, error))
    return 0;
  id = px_store_add_event (self->store, article_id, type_label_id, trigger_annotation_id, error);
  set_target (self, article_id, trigger_annotation_id);
  what = quoted (px_annotation_get_text (trigger));
  /* Translators: an undo description: Add a Meet Event on “rencontre”. */
  description = g_strdup_printf (_("Add a %s Event on %s"), px_label_get_name (type), what);
  return edit_finish (self, id != 0, description, error) ? id : 0;
}

gboolean
px_editor_delete_event (PxEditor    *self,
                        gint64       event_id,
                        GError     **error)
{
  g_autoptr(PxEvent) event = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  event = px_store_get_event (self->store, event_id, error);
  if (event == NULL || !edit_begin (self, error))
    return FALSE;
  ok = px_store_delete_event (self->store, event_id, error);
  set_target (self, px_event_get_article_id (event), px_event_get_trigger_annotation_id (event));
  description = g_strdup_printf (_("Delete a %s Event"), px_event_get_label_name (event));
  return edit_finish (self, ok, description, error);
}

static gboolean
has_argument (PxEvent    *event,
              const char *role,
              gint64      annotation_id)
{
  for (guint i = 0; i < px_event_get_n_arguments (event); i++)
    {
      const PxEventArgument *arg = px_event_get_argument (event, i);

      if (arg->annotation_id == annotation_id && g_strcmp0 (arg->role, role) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
px_editor_add_argument (PxEditor    *self,
                        gint64       event_id,
                        const char  *role,
                        gint64       annotation_id,
                        GError     **error)
{
  g_autoptr(PxEvent) event = NULL;
  g_autoptr(PxLabel) type = NULL;
  g_autoptr(PxAnnotation) a = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  const char *name = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  event = px_store_get_event (self->store, event_id, error);
  if (event == NULL
      || (type = px_store_get_label (self->store, px_event_get_label_id (event), error)) == NULL
      || (a = px_store_get_annotation (self->store, annotation_id, error)) == NULL)
    return FALSE;
  if (!role_of (type, role, &name))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s events have no role '%s'",
                   px_label_get_name (type), role);
      return FALSE;
    }
  if (px_annotation_get_article_id (a) != px_event_get_article_id (event))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "annotation %" G_GINT64_FORMAT " is in another article than event %" G_GINT64_FORMAT,
                   annotation_id, event_id);
      return FALSE;
    }
  if (annotation_id == px_event_get_trigger_annotation_id (event))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "annotation %" G_GINT64_FORMAT " is the event's own trigger", annotation_id);
      return FALSE;
    }
  if (has_argument (event, name, annotation_id))
    return TRUE;
  if (!edit_begin (self, error))
    return FALSE;
  ok = px_store_add_event_argument (self->store, event_id, name, annotation_id, error);
  set_target (self, px_event_get_article_id (event), px_event_get_trigger_annotation_id (event));
  what = quoted (px_annotation_get_text (a));
  /* Translators: an undo description: Add “Lavrov” as Participant. */
  description = g_strdup_printf (_("Add %s as %s"), what, name);
  return edit_finish (self, ok, description, error);
}

gboolean
px_editor_remove_argument (PxEditor    *self,
                           gint64       event_id,
                           const char  *role,
                           gint64       annotation_id,
                           GError     **error)
{
  g_autoptr(PxEvent) event = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  event = px_store_get_event (self->store, event_id, error);
  if (event == NULL || !edit_begin (self, error))
    return FALSE;
  ok = px_store_remove_event_argument (self->store, event_id, role, annotation_id, error);
  set_target (self, px_event_get_article_id (event), px_event_get_trigger_annotation_id (event));
  description = g_strdup_printf (_("Remove the %s"), role);
  return edit_finish (self, ok, description, error);
}

/* ---- Articles --------------------------------------------------------- */

gboolean
px_editor_check_date (const char  *value,
                      GError     **error)
{
  int y = 0, m = 0, d = 0;
  gsize len = value != NULL ? strlen (value) : 0;
  gboolean shape;

  if (len == 0)
    return TRUE;
  shape = (len == 4 && sscanf (value, "%4d", &y) == 1)
          || (len == 7 && sscanf (value, "%4d-%2d", &y, &m) == 2)
          || (len == 10 && sscanf (value, "%4d-%2d-%2d", &y, &m, &d) == 3);
  for (gsize i = 0; shape && i < len; i++)
    shape = g_ascii_isdigit (value[i]) || ((i == 4 || i == 7) && value[i] == '-');
  if (shape && (len < 7 || (m >= 1 && m <= 12))
      && (len < 10 || g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y)))
    return TRUE;
  g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
               _("“%s” is not a date: write it as 2022-03-10, 2022-03 or 2022"), value);
  return FALSE;
}

static const char *
field_description (PxArticleField field)
{
  switch (field)
    {
    case PX_ARTICLE_FIELD_TITLE: return _("Edit the Title");
    case PX_ARTICLE_FIELD_SOURCE: return _("Edit the Outlet");
    case PX_ARTICLE_FIELD_PUBLISHED: return _("Edit the Publication Date");
    case PX_ARTICLE_FIELD_URL: return _("Edit the URL");
    default: return _("Edit the Article");
    }
}

gboolean
px_editor_set_article_field (PxEditor        *self,
                             gint64           article_id,
                             PxArticleField   field,
                             const char      *value,
                             GError         **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (value != NULL ? value : ""));
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  if (field == PX_ARTICLE_FIELD_PUBLISHED && !px_editor_check_date (clean, error))
    return FALSE;
  if (!g_utf8_validate (clean, -1, NULL))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_ENCODING, "the new value is not valid UTF-8");
      return FALSE;
    }
  if (!edit_begin (self, error))
    return FALSE;
  ok = px_store_set_article_field (self->store, article_id, field, clean, error);
  set_target (self, article_id, 0);
  return edit_finish (self, ok, field_description (field), error);
}

gboolean
px_editor_set_article_story (PxEditor    *self,
                             gint64       article_id,
                             const char  *story,
                             GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (story != NULL ? story : ""));
  g_autofree char *description = NULL;
  gint64 story_id = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  if (!edit_begin (self, error))
    return FALSE;
  if (*clean != '\0')
    ok = (story_id = px_store_ensure_story (self->store, clean, error)) != 0;
  ok = ok && px_store_set_article_story (self->store, article_id, story_id, error);
  set_target (self, article_id, 0);
  description = *clean != '\0'
    ? g_strdup_printf (_("Move to the Story %s"), clean)
    : g_strdup (_("Take out of Its Story"));
  return edit_finish (self, ok, description, error);
}
