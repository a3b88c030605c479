/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-editor-labels.c: the codebook: labels, their keys, colours and order,
 * and event types' roles. Like any edit, each change is one undo step, and
 * deleting a label in use says what went with it.
 * (px-editor.c has the object, its history and how an edit is opened and
 * closed; see px-editor-private.h.) */
#include "px-editor-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* A key is one character, a digit or a letter, used by no other label. */
static gboolean
check_shortcut (PxEditor    *self,
                gint64       label_id,
                const char  *key,
                GError     **error)
{
  g_autoptr(GListModel) labels = NULL;
  guint n;

  if (key == NULL || *key == '\0')
    return TRUE;
  if (g_utf8_strlen (key, -1) != 1 || !g_unichar_isalnum (g_utf8_get_char (key)))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   _("“%s” cannot be a label's key: use one digit or letter"), key);
      return FALSE;
    }
  labels = px_store_list_labels (px_editor_store (self));
  n = g_list_model_get_n_items (labels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxLabel) other = g_list_model_get_item (labels, i);
      const char *theirs = px_label_get_shortcut (other);

      if (px_label_get_id (other) != label_id && theirs != NULL
          && g_utf8_collate (theirs, key) == 0)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE,
                       _("The key %s already tags %s"), key, px_label_get_name (other));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_colour (const char  *colour,
              GError     **error)
{
  gsize len = colour != NULL ? strlen (colour) : 0;
  gboolean ok = len == 7 && colour[0] == '#';

  for (gsize i = 1; ok && i < len; i++)
    ok = g_ascii_isxdigit (colour[i]);
  if (!ok)
    g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                 _("“%s” is not a colour: write it as #rrggbb"), colour != NULL ? colour : "");
  return ok;
}

gint64
px_editor_add_label (PxEditor     *self,
                     const char   *name,
                     PxLabelKind   kind,
                     const char   *colour,
                     const char   *shortcut,
                     const char   *description,
                     GError      **error)
{
  g_autofree char *desc = NULL;
  gint64 id;

  g_return_val_if_fail (PX_IS_EDITOR (self), 0);
  if ((colour != NULL && !check_colour (colour, error))
      || !check_shortcut (self, 0, shortcut, error)
      || !px_editor_edit_begin (self, error))
    return 0;
  id = px_store_add_label (px_editor_store (self), name, kind, colour,
                           shortcut != NULL && *shortcut != '\0' ? shortcut : NULL,
                           description, error);
  px_editor_set_target (self, 0, 0);
  /* Translators: an undo description: Add the Label WITNESS. */
  desc = g_strdup_printf (_("Add the Label %s"), name);
  return px_editor_edit_finish (self, id != 0, desc, error) ? id : 0;
}

gboolean
px_editor_set_label_field (PxEditor      *self,
                           gint64         label_id,
                           PxLabelField   field,
                           const char    *value,
                           GError       **error)
{
  g_autoptr(PxLabel) label = NULL;
  g_autofree char *desc = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  label = px_store_get_label (px_editor_store (self), label_id, error);
  if (label == NULL
      || (field == PX_LABEL_FIELD_SHORTCUT && !check_shortcut (self, label_id, value, error))
      || (field == PX_LABEL_FIELD_COLOUR && !check_colour (value, error))
      || !px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_set_label_field (px_editor_store (self), label_id, field, value, error);
  px_editor_set_target (self, 0, 0);
  switch (field)
    {
    case PX_LABEL_FIELD_NAME:
      desc = g_strdup_printf (_("Rename the Label %s to %s"), px_label_get_name (label), value);
      break;
    case PX_LABEL_FIELD_COLOUR:
      desc = g_strdup_printf (_("Recolour the Label %s"), px_label_get_name (label));
      break;
    case PX_LABEL_FIELD_SHORTCUT:
      desc = g_strdup_printf (_("Change the Key of %s"), px_label_get_name (label));
      break;
    default:
      desc = g_strdup_printf (_("Describe the Label %s"), px_label_get_name (label));
      break;
    }
  return px_editor_edit_finish (self, ok, desc, error);
}

gboolean
px_editor_move_label (PxEditor  *self,
                      gint64     label_id,
                      guint      position,
                      GError   **error)
{
  g_autoptr(PxLabel) label = NULL;
  g_autofree char *desc = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  label = px_store_get_label (px_editor_store (self), label_id, error);
  if (label == NULL || !px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_move_label (px_editor_store (self), label_id, position, error);
  px_editor_set_target (self, 0, 0);
  desc = g_strdup_printf (_("Move the Label %s"), px_label_get_name (label));
  return px_editor_edit_finish (self, ok, desc, error);
}

gboolean
px_editor_delete_label (PxEditor  *self,
                        gint64     label_id,
                        GError   **error)
{
  g_autoptr(PxLabel) label = NULL;
  g_autofree char *desc = NULL;
  guint uses;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  label = px_store_get_label (px_editor_store (self), label_id, error);
  if (label == NULL || !px_editor_edit_begin (self, error))
    return FALSE;
  uses = px_store_count_label_uses (px_editor_store (self), label_id);
  if (uses > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("Its %u annotation was deleted with it.",
                                   "Its %u annotations were deleted with it.", uses), uses);
      px_editor_add_notice (self, text);
    }
  ok = px_store_delete_label (px_editor_store (self), label_id, error);
  px_editor_set_target (self, 0, 0);
  desc = g_strdup_printf (_("Delete the Label %s"), px_label_get_name (label));
  return px_editor_edit_finish (self, ok, desc, error);
}

gboolean
px_editor_add_role (PxEditor    *self,
                    gint64       label_id,
                    const char  *role,
                    gboolean     repeatable,
                    GError     **error)
{
  g_autoptr(PxLabel) label = NULL;
  g_autofree char *desc = NULL;
  PxRole r = { (char *) role, repeatable, NULL };
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  label = px_store_get_label (px_editor_store (self), label_id, error);
  if (label == NULL)
    return FALSE;
  if (px_label_get_kind (label) != PX_LABEL_EVENT)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   _("%s is an entity label: only event types have roles"), px_label_get_name (label));
      return FALSE;
    }
  if (px_editor_role_of (label, role, NULL))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE, _("%s already has the role %s"),
                   px_label_get_name (label), role);
      return FALSE;
    }
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_add_label_role (px_editor_store (self), label_id, &r, error);
  px_editor_set_target (self, 0, 0);
  desc = g_strdup_printf (_("Add the Role %s to %s"), role, px_label_get_name (label));
  return px_editor_edit_finish (self, ok, desc, error);
}

gboolean
px_editor_remove_role (PxEditor    *self,
                       gint64       label_id,
                       const char  *role,
                       GError     **error)
{
  g_autoptr(PxLabel) label = NULL;
  g_autofree char *desc = NULL;
  const char *name = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  label = px_store_get_label (px_editor_store (self), label_id, error);
  if (label == NULL)
    return FALSE;
  if (!px_editor_role_of (label, role, &name))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, _("%s has no role %s"),
                   px_label_get_name (label), role);
      return FALSE;
    }
  desc = g_strdup_printf (_("Remove the Role %s from %s"), name, px_label_get_name (label));
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_remove_label_role (px_editor_store (self), label_id, name, error);
  px_editor_set_target (self, 0, 0);
  return px_editor_edit_finish (self, ok, desc, error);
}
