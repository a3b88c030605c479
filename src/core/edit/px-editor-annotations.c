/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-editor-annotations.c: tagging, relabelling, deleting, notes and entity links.
 * (px-editor.c has the object, its history and how an edit is opened and
 * closed; see px-editor-private.h.) */
#include "px-editor-private.h"

#include <glib/gi18n-lib.h>

#include "px-normalize.h"
#include "px-text.h"

/* ---- Annotations ------------------------------------------------------ */

PxEvent *
px_editor_find_event_of_trigger (PxEditor *self,
                       gint64    article_id,
                       gint64    trigger_id)
{
  g_autoptr(GListModel) events = px_store_list_events (px_editor_store (self), article_id);
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
  g_autoptr(GListModel) events = px_store_list_events (px_editor_store (self), article_id);
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
  px_editor_add_notice (self, text);
}

/* The entity of @label called @name, made when there is none. */
static gint64
entity_named (PxEditor    *self,
              const char  *name,
              gint64       label_id,
              GError     **error)
{
  g_autofree char *key = px_text_match_key (name);
  g_autoptr(GPtrArray) found = px_store_find_entities_by_key (px_editor_store (self), key != NULL ? key : "");

  for (guint i = 0; i < found->len; i++)
    if (px_entity_get_label_id (found->pdata[i]) == label_id)
      return px_entity_get_id (found->pdata[i]);
  return px_store_add_entity (px_editor_store (self), name, label_id, error);
}

/* The value a DATE or NUM mention reads as, against its article's
 * publication date and language; NULL when it reads as nothing (a relative
 * date in an undated article) or for a QUOTE, whose speaker the coder or
 * a Statement event gives. */
char *
px_editor_compute_value (PxEditor      *self,
                         PxAnnotation  *a)
{
  g_autoptr(PxArticle) article = NULL;
  g_autofree char *reference = NULL;
  const char *type = px_annotation_get_value_type (a);

  if (type == NULL || g_strcmp0 (type, "quote") == 0)
    return NULL;
  article = px_store_get_article (px_editor_store (self), px_annotation_get_article_id (a), NULL);
  if (article == NULL)
    return NULL;
  reference = px_normalize_reference_date (px_article_get_text (article),
                                           px_article_get_published (article), NULL, NULL);
  return px_normalize_value (type, px_annotation_get_text (a), reference,
                             px_article_get_language (article));
}

/* A value mention gets its computed value unless the coder gave one;
 * relabelled away from a value label it loses it. */
static gboolean
complete_value (PxEditor      *self,
                PxAnnotation  *a,
                GError       **error)
{
  gint64 id = px_annotation_get_id (a);
  g_autofree char *value = NULL;

  if (px_annotation_get_value_type (a) == NULL)
    return px_annotation_get_value (a) == NULL
           || px_store_set_annotation_value (px_editor_store (self), id, NULL, NULL, error);
  /* The coder's value stands while it is one of the label's kind (a
   * mention relabelled from DATE to NUM loses its date). */
  if (g_strcmp0 (px_annotation_get_value_source (a), "coder") == 0 &&
      px_normalize_check_value (px_annotation_get_value_type (a), px_annotation_get_value (a), NULL))
    return TRUE;
  value = px_editor_compute_value (self, a);
  /* A quote's speaker comes from its Statement event, not from here. */
  if (g_strcmp0 (px_annotation_get_value_type (a), "quote") == 0 &&
      g_strcmp0 (px_annotation_get_value_source (a), "computed") == 0)
    return TRUE;
  if (g_strcmp0 (value, px_annotation_get_value (a)) == 0)
    return TRUE;
  return px_store_set_annotation_value (px_editor_store (self), id, value, "computed", error);
}

gboolean
px_editor_refresh_values (PxEditor  *self,
                          gint64     article_id,
                          GError   **error)
{
  g_autoptr(GListModel) anns = px_store_list_annotations (px_editor_store (self), article_id);

  for (guint i = 0; i < g_list_model_get_n_items (anns); i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (anns, i);

      if (px_annotation_get_value_type (a) != NULL && !complete_value (self, a, error))
        return FALSE;
    }
  return TRUE;
}

/* The links an annotation gets from its label: an entity mention its
 * entity, a value mention (DATE, NUM, QUOTE) its value and never an
 * entity, a trigger its event. */
/* A link made by a name part or a near spelling is a guess: the notice
 * says so, and Undo takes the tag back with it. */
static void
note_variant_link (PxEditor     *self,
                   PxLinkReason  reason,
                   const char   *name)
{
  g_autofree char *text = NULL;

  if (name == NULL)
    return;
  if (reason == PX_LINK_NEAR)
    /* Translators: after tagging "Kouleba": Linked to “Kuleba” (a near spelling). */
    text = g_strdup_printf (_("Linked to “%s” (a near spelling)."), name);
  else if (reason == PX_LINK_NAME_PART)
    /* Translators: after tagging "Lavrov": Linked to “Sergueï Lavrov” (the same name in this story). */
    text = g_strdup_printf (_("Linked to “%s” (the same name in this story)."), name);
  if (text != NULL)
    px_editor_add_notice (self, text);
}

gboolean
px_editor_complete_annotation (PxEditor    *self,
                     gint64       annotation_id,
                     const char  *entity_name,
                     GError     **error)
{
  g_autoptr(PxAnnotation) a = px_store_get_annotation (px_editor_store (self), annotation_id, error);
  g_autoptr(GError) local = NULL;
  g_autoptr(PxEvent) event = NULL;
  gint64 article_id;

  if (a == NULL)
    return FALSE;
  article_id = px_annotation_get_article_id (a);
  if (!complete_value (self, a, error))
    return FALSE;
  if (px_annotation_get_value_type (a) != NULL)
    {
      if (entity_name != NULL)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                       _("%s holds values, not entities: set its value instead of an entity"),
                       px_annotation_get_label_name (a));
          return FALSE;
        }
      return px_annotation_get_entity_id (a) == 0
             || px_store_set_annotation_entity (px_editor_store (self), annotation_id, 0, error);
    }
  if (px_annotation_get_kind (a) == PX_LABEL_ENTITY)
    {
      g_autofree char *linked = NULL;
      PxLinkReason reason;
      gint64 entity_id;

      if (px_annotation_get_entity_id (a) != 0 && entity_name == NULL)
        return TRUE;
      if (entity_name != NULL)
        {
          entity_id = entity_named (self, entity_name, px_annotation_get_label_id (a), error);
          return entity_id != 0
                 && px_store_set_annotation_entity (px_editor_store (self), annotation_id, entity_id, error);
        }
      entity_id = px_store_link_mention_full (px_editor_store (self), annotation_id,
                                              &reason, &linked, &local);
      if (entity_id == 0 && local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      note_variant_link (self, reason, linked);
      return TRUE;
    }
  event = px_editor_find_event_of_trigger (self, article_id, annotation_id);
  if (event != NULL)
    return TRUE;
  return px_store_add_event (px_editor_store (self), article_id, px_annotation_get_label_id (a),
                             annotation_id, error) != 0;
}

gboolean
px_editor_accept_suggestion (PxEditor      *self,
                   PxAnnotation  *a,
                   GError       **error)
{
  gint64 id = px_annotation_get_id (a);

  return px_store_set_annotation_status (px_editor_store (self), id, PX_ANNOTATION_ACCEPTED, error)
         && px_editor_complete_annotation (self, id, NULL, error);
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
  label = px_store_get_label (px_editor_store (self), label_id, error);
  if (label == NULL)
    return 0;
  if (entity_name != NULL && px_label_get_kind (label) != PX_LABEL_ENTITY)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "%s is an event type: only entity mentions link to an entity",
                   px_label_get_name (label));
      return 0;
    }
  existing = px_store_find_annotation (px_editor_store (self), article_id, label_id, start, end, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  if (existing != NULL && px_annotation_get_status (existing) == PX_ANNOTATION_ACCEPTED)
    {
      g_autofree char *text = px_editor_quoted (px_annotation_get_text (existing));
      g_autofree char *existing_id = g_strdup_printf ("%" G_GINT64_FORMAT, px_annotation_get_id (existing));

      g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE,
                   /* Translators: "“Kuleba” is already tagged PER (annotation 12)" */
                   _("%s is already tagged %s (annotation %s)"),
                   text, px_label_get_name (label), existing_id);
      return 0;
    }
  if (!px_editor_edit_begin (self, error))
    return 0;
  if (existing != NULL)
    {
      id = px_annotation_get_id (existing);
      ok = px_editor_accept_suggestion (self, existing, error)
           && (entity_name == NULL || px_editor_complete_annotation (self, id, entity_name, error));
    }
  else
    {
      id = px_store_add_annotation (px_editor_store (self), article_id, label_id, start, end,
                                    PX_ANNOTATION_ACCEPTED, NULL, error);
      ok = id != 0 && px_editor_complete_annotation (self, id, entity_name, error);
    }
  if (ok)
    ok = (added = px_store_get_annotation (px_editor_store (self), id, error)) != NULL;
  if (ok)
    {
      px_editor_set_target (self, article_id, id);
      what = px_editor_quoted (px_annotation_get_text (added));
      /* Translators: an undo description: Tag “Kuleba” as PER. */
      description = g_strdup_printf (_("Tag %s as %s"), what, px_label_get_name (label));
    }
  return px_editor_edit_finish (self, ok, description, error) ? id : 0;
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
  a = px_store_get_annotation (px_editor_store (self), annotation_id, error);
  if (a == NULL)
    return FALSE;
  article_id = px_annotation_get_article_id (a);
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  event = px_editor_find_event_of_trigger (self, article_id, annotation_id);
  if (event != NULL)
    notice_event_removed (self, event);
  uses = count_argument_uses (self, article_id, annotation_id);
  if (uses > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("It was taken out of %u event.",
                                   "It was taken out of %u events.", uses), uses);
      px_editor_add_notice (self, text);
    }
  ok = px_store_delete_annotation (px_editor_store (self), annotation_id, error);
  px_editor_set_target (self, article_id, annotation_id);
  what = px_editor_quoted (px_annotation_get_text (a));
  description = px_annotation_get_status (a) == PX_ANNOTATION_SUGGESTED
    ? g_strdup_printf (_("Reject %s"), what)
    : g_strdup_printf (_("Delete %s"), what);
  return px_editor_edit_finish (self, ok, description, error);
}

gboolean
px_editor_role_of (PxLabel     *type,
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

  if (!px_store_delete_event (px_editor_store (self), px_event_get_id (event), error))
    return FALSE;
  id = px_store_add_event (px_editor_store (self), article_id, px_label_get_id (type), trigger_id, error);
  if (id == 0)
    return FALSE;
  for (guint i = 0; i < px_event_get_n_arguments (event); i++)
    {
      const PxEventArgument *arg = px_event_get_argument (event, i);
      const char *role = NULL;

      if (!px_editor_role_of (type, arg->role, &role))
        {
          dropped++;
          continue;
        }
      if (!px_store_add_event_argument (px_editor_store (self), id, role, arg->annotation_id, error))
        return FALSE;
    }
  if (dropped > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u argument has no role in %s and was removed.",
                                   "%u arguments have no role in %s and were removed.", dropped),
                         dropped, px_label_get_name (type));
      px_editor_add_notice (self, text);
    }
  return story_event_id == 0
         || px_store_set_event_story_event (px_editor_store (self), id, story_event_id, error);
}

static gboolean
relabel_links (PxEditor      *self,
               PxAnnotation  *before,
               PxLabel       *label,
               GError       **error)
{
  gint64 id = px_annotation_get_id (before);
  gint64 article_id = px_annotation_get_article_id (before);
  g_autoptr(PxEvent) event = px_editor_find_event_of_trigger (self, article_id, id);
  gboolean to_event = px_label_get_kind (label) == PX_LABEL_EVENT;

  if (event != NULL && to_event)
    return retype_event (self, event, label, error);
  if (event != NULL)
    {
      notice_event_removed (self, event);
      if (!px_store_delete_event (px_editor_store (self), px_event_get_id (event), error))
        return FALSE;
    }
  /* The entity belongs to the old label: the mention is linked afresh. */
  if (px_annotation_get_entity_id (before) != 0
      && !px_store_set_annotation_entity (px_editor_store (self), id, 0, error))
    return FALSE;
  if (px_annotation_get_status (before) == PX_ANNOTATION_SUGGESTED)
    return TRUE;
  return px_editor_complete_annotation (self, id, NULL, error);
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
  before = px_store_get_annotation (px_editor_store (self), annotation_id, error);
  if (before == NULL || (label = px_store_get_label (px_editor_store (self), label_id, error)) == NULL)
    return FALSE;
  if (px_annotation_get_label_id (before) == label_id)
    return TRUE;
  what = px_editor_quoted (px_annotation_get_text (before));
  clash = px_store_find_annotation (px_editor_store (self), px_annotation_get_article_id (before), label_id,
                                    px_annotation_get_start (before),
                                    px_annotation_get_end (before), NULL);
  if (clash != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, px_annotation_get_id (clash));

      g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE,
                   /* Translators: "“Kuleba” is already tagged PER (annotation 12)" */
                   _("%s is already tagged %s (annotation %s)"),
                   what, px_label_get_name (label), id);
      return FALSE;
    }
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_set_annotation_label (px_editor_store (self), annotation_id, label_id, error)
       && relabel_links (self, before, label, error);
  px_editor_set_target (self, px_annotation_get_article_id (before), annotation_id);
  /* Translators: an undo description: Relabel “Kuleba” as ORG. */
  description = g_strdup_printf (_("Relabel %s as %s"), what, px_label_get_name (label));
  return px_editor_edit_finish (self, ok, description, error);
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
  a = px_store_get_annotation (px_editor_store (self), annotation_id, error);
  if (a == NULL)
    return FALSE;
  if (note != NULL && *note == '\0')
    note = NULL;
  if (g_strcmp0 (px_annotation_get_note (a), note) == 0)
    return TRUE;
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_set_annotation_note (px_editor_store (self), annotation_id, note, error);
  px_editor_set_target (self, px_annotation_get_article_id (a), annotation_id);
  what = px_editor_quoted (px_annotation_get_text (a));
  description = g_strdup_printf (_("Edit the Note on %s"), what);
  return px_editor_edit_finish (self, ok, description, error);
}

static gboolean
check_entity_mention (PxAnnotation  *a,
                      GError       **error)
{
  if (px_annotation_get_value_type (a) != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, px_annotation_get_id (a));

      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   _("annotation %s is a %s value, not an entity mention: set its value instead"),
                   id, px_annotation_get_label_name (a));
      return FALSE;
    }
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
  a = px_store_get_annotation (px_editor_store (self), annotation_id, error);
  if (a == NULL || !check_entity_mention (a, error))
    return FALSE;
  if (entity_id != 0 && (entity = px_store_get_entity (px_editor_store (self), entity_id, error)) == NULL)
    return FALSE;
  if (px_annotation_get_entity_id (a) == entity_id)
    return TRUE;
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_set_annotation_entity (px_editor_store (self), annotation_id, entity_id, error);
  px_editor_set_target (self, px_annotation_get_article_id (a), annotation_id);
  what = px_editor_quoted (px_annotation_get_text (a));
  if (entity != NULL)
    /* Translators: an undo description: Link “Kouleba” to Dmytro Kuleba. */
    description = g_strdup_printf (_("Link %s to %s"), what, px_entity_get_name (entity));
  else
    description = g_strdup_printf (_("Unlink %s"), what);
  return px_editor_edit_finish (self, ok, description, error);
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
  a = px_store_get_annotation (px_editor_store (self), annotation_id, error);
  if (a == NULL || !check_entity_mention (a, error))
    return 0;
  if (!px_editor_edit_begin (self, error))
    return 0;
  entity_id = px_store_add_entity (px_editor_store (self), name, px_annotation_get_label_id (a), error);
  ok = entity_id != 0
       && px_store_set_annotation_entity (px_editor_store (self), annotation_id, entity_id, error);
  px_editor_set_target (self, px_annotation_get_article_id (a), annotation_id);
  what = px_editor_quoted (px_annotation_get_text (a));
  description = g_strdup_printf (_("Link %s to a New Entity"), what);
  return px_editor_edit_finish (self, ok, description, error) ? entity_id : 0;
}

/* ---- Values ----------------------------------------------------------- */

gboolean
px_editor_set_value (PxEditor    *self,
                     gint64       annotation_id,
                     const char  *value,
                     GError     **error)
{
  g_autoptr(PxAnnotation) a = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (value != NULL ? value : ""));
  g_autofree char *computed = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  const char *source = "coder";
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  a = px_store_get_annotation (px_editor_store (self), annotation_id, error);
  if (a == NULL)
    return FALSE;
  if (px_annotation_get_value_type (a) == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, annotation_id);

      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   _("annotation %s is a %s mention, which holds no value "
                     "(only DATE, NUM and QUOTE mentions do)"),
                   id, px_annotation_get_label_name (a));
      return FALSE;
    }
  if (!g_utf8_validate (clean, -1, NULL))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_ENCODING, "the new value is not valid UTF-8");
      return FALSE;
    }
  /* An empty value gives the mention back to the computation. */
  if (*clean == '\0')
    {
      computed = px_editor_compute_value (self, a);
      source = "computed";
    }
  else if (!px_normalize_check_value (px_annotation_get_value_type (a), clean, error))
    return FALSE;
  if (g_strcmp0 (px_annotation_get_value (a), *clean ? clean : computed) == 0 &&
      g_strcmp0 (px_annotation_get_value_source (a), source) == 0)
    return TRUE;
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_set_annotation_value (px_editor_store (self), annotation_id,
                                      *clean ? clean : computed, source, error);
  px_editor_set_target (self, px_annotation_get_article_id (a), annotation_id);
  what = px_editor_quoted (px_annotation_get_text (a));
  /* Translators: an undo description: Set the Value of “jeudi”. */
  description = g_strdup_printf (_("Set the Value of %s"), what);
  return px_editor_edit_finish (self, ok, description, error);
}

char *
px_editor_describe_value (PxEditor      *self,
                          PxAnnotation  *a)
{
  g_autoptr(PxArticle) article = NULL;
  g_autofree char *what = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reference = NULL;
  const char *type, *value;
  gboolean inferred = FALSE;

  g_return_val_if_fail (PX_IS_EDITOR (self), NULL);
  type = px_annotation_get_value_type (a);
  value = px_annotation_get_value (a);
  if (type == NULL)
    return NULL;
  what = px_editor_quoted (px_annotation_get_text (a));
  if (g_strcmp0 (px_annotation_get_value_source (a), "coder") == 0)
    /* Translators: Read as 2025-02-27, set by the coder. */
    return g_strdup_printf (_("Read as %s, set by the coder"), value);
  if (g_strcmp0 (type, "quote") == 0)
    return value ? g_strdup_printf (_("Said by %s, the speaker of its Statement"), value)
                 : g_strdup (_("No speaker yet: make it the Content of a Statement with a Speaker, or set one"));
  if (g_strcmp0 (type, "number") == 0)
    return value ? g_strdup_printf (_("Read as %s, from %s"), value, what)
                 : g_strdup_printf (_("%s does not read as a number; set its value"), what);
  article = px_store_get_article (px_editor_store (self), px_annotation_get_article_id (a), NULL);
  if (article != NULL)
    reference = px_normalize_reference_date (px_article_get_text (article), px_article_get_published (article),
                                             &inferred, &note);
  if (value == NULL)
    return g_strdup_printf (_("%s does not read as a date without a publication date; set the article's date or the value"),
                            what);
  if (inferred)
    /* Translators: Read as 2025-02-27, from “jeudi” and the publication date 2025-02-26 (inferred from the text). */
    return g_strdup_printf (_("Read as %s, from %s and the publication date %s (inferred from the text)"),
                            value, what, reference);
  if (reference != NULL)
    return g_strdup_printf (_("Read as %s, from %s and the publication date %s"), value, what, reference);
  return g_strdup_printf (_("Read as %s, from %s"), value, what);
}
