/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-editor-events.c: events and their arguments.
 * (px-editor.c has the object, its history and how an edit is opened and
 * closed; see px-editor-private.h.) */
#include "px-editor-private.h"

#include <glib/gi18n-lib.h>

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
  trigger = px_store_get_annotation (px_editor_store (self), trigger_annotation_id, error);
  if (trigger == NULL || (type = px_store_get_label (px_editor_store (self), type_label_id, error)) == NULL)
    return 0;
  if (px_label_get_kind (type) != PX_LABEL_EVENT)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s is not an event type",
                   px_label_get_name (type));
      return 0;
    }
  article_id = px_annotation_get_article_id (trigger);
  existing = px_editor_find_event_of_trigger (self, article_id, trigger_annotation_id);
  if (existing != NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE,
                   "annotation %" G_GINT64_FORMAT " already triggers event %" G_GINT64_FORMAT " (%s)",
                   trigger_annotation_id, px_event_get_id (existing),
                   px_event_get_label_name (existing));
      return 0;
    }
  if (!px_editor_edit_begin (self, error))
    return 0;
  id = px_store_add_event (px_editor_store (self), article_id, type_label_id, trigger_annotation_id, error);
  px_editor_set_target (self, article_id, trigger_annotation_id);
  what = px_editor_quoted (px_annotation_get_text (trigger));
  /* Translators: an undo description: Add a Meet Event on “rencontre”. */
  description = g_strdup_printf (_("Add a %s Event on %s"), px_label_get_name (type), what);
  return px_editor_edit_finish (self, id != 0, description, error) ? id : 0;
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
  event = px_store_get_event (px_editor_store (self), event_id, error);
  if (event == NULL || !px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_delete_event (px_editor_store (self), event_id, error);
  px_editor_set_target (self, px_event_get_article_id (event), px_event_get_trigger_annotation_id (event));
  description = g_strdup_printf (_("Delete a %s Event"), px_event_get_label_name (event));
  return px_editor_edit_finish (self, ok, description, error);
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

/* QUOTE mentions carry their speaker: the Content of an event with a
 * Speaker takes the speaker's entity name (or text) as its computed value,
 * unless the coder gave one. */
static gboolean
refresh_speakers (PxEditor  *self,
                  gint64     event_id,
                  GError   **error)
{
  g_autoptr(PxEvent) event = px_store_get_event (px_editor_store (self), event_id, error);
  g_autoptr(PxAnnotation) speaker = NULL;
  const char *name = NULL;

  if (event == NULL)
    return FALSE;
  for (guint i = 0; i < px_event_get_n_arguments (event) && speaker == NULL; i++)
    if (g_ascii_strcasecmp (px_event_get_argument (event, i)->role, "Speaker") == 0)
      speaker = px_store_get_annotation (px_editor_store (self), px_event_get_argument (event, i)->annotation_id, NULL);
  if (speaker != NULL)
    name = px_annotation_get_entity_name (speaker) ? px_annotation_get_entity_name (speaker)
                                                   : px_annotation_get_text (speaker);
  for (guint i = 0; i < px_event_get_n_arguments (event); i++)
    {
      const PxEventArgument *arg = px_event_get_argument (event, i);
      g_autoptr(PxAnnotation) quote = NULL;

      if (g_ascii_strcasecmp (arg->role, "Content") != 0)
        continue;
      quote = px_store_get_annotation (px_editor_store (self), arg->annotation_id, error);
      if (quote == NULL)
        return FALSE;
      if (g_strcmp0 (px_annotation_get_value_type (quote), "quote") != 0
          || g_strcmp0 (px_annotation_get_value_source (quote), "coder") == 0
          || g_strcmp0 (px_annotation_get_value (quote), name) == 0)
        continue;
      if (!px_store_set_annotation_value (px_editor_store (self), arg->annotation_id, name, "computed", error))
        return FALSE;
    }
  return TRUE;
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
  event = px_store_get_event (px_editor_store (self), event_id, error);
  if (event == NULL
      || (type = px_store_get_label (px_editor_store (self), px_event_get_label_id (event), error)) == NULL
      || (a = px_store_get_annotation (px_editor_store (self), annotation_id, error)) == NULL)
    return FALSE;
  if (!px_editor_role_of (type, role, &name))
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
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_add_event_argument (px_editor_store (self), event_id, name, annotation_id, error)
       && refresh_speakers (self, event_id, error);
  px_editor_set_target (self, px_event_get_article_id (event), px_event_get_trigger_annotation_id (event));
  what = px_editor_quoted (px_annotation_get_text (a));
  /* Translators: an undo description: Add “Lavrov” as Participant. */
  description = g_strdup_printf (_("Add %s as %s"), what, name);
  return px_editor_edit_finish (self, ok, description, error);
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
  event = px_store_get_event (px_editor_store (self), event_id, error);
  if (event == NULL || !px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_remove_event_argument (px_editor_store (self), event_id, role, annotation_id, error);
  /* The quote it took out of the event keeps no speaker from it. */
  if (ok && g_ascii_strcasecmp (role, "Content") == 0)
    {
      g_autoptr(PxAnnotation) quote = px_store_get_annotation (px_editor_store (self), annotation_id, NULL);

      if (quote != NULL && g_strcmp0 (px_annotation_get_value_type (quote), "quote") == 0
          && g_strcmp0 (px_annotation_get_value_source (quote), "computed") == 0)
        ok = px_store_set_annotation_value (px_editor_store (self), annotation_id, NULL, NULL, error);
    }
  ok = ok && refresh_speakers (self, event_id, error);
  px_editor_set_target (self, px_event_get_article_id (event), px_event_get_trigger_annotation_id (event));
  description = g_strdup_printf (_("Remove the %s"), role);
  return px_editor_edit_finish (self, ok, description, error);
}
