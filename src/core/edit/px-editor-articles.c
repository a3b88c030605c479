/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-editor-articles.c: article metadata and stories.
 * (px-editor.c has the object, its history and how an edit is opened and
 * closed; see px-editor-private.h.) */
#include "px-editor-private.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>

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
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_set_article_field (px_editor_store (self), article_id, field, clean, error);
  /* "jeudi" is read against the publication date: its value follows. */
  if (ok && field == PX_ARTICLE_FIELD_PUBLISHED)
    ok = px_editor_refresh_values (self, article_id, error);
  px_editor_set_target (self, article_id, 0);
  return px_editor_edit_finish (self, ok, field_description (field), error);
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
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  if (*clean != '\0')
    ok = (story_id = px_store_ensure_story (px_editor_store (self), clean, error)) != 0;
  ok = ok && px_store_set_article_story (px_editor_store (self), article_id, story_id, error);
  px_editor_set_target (self, article_id, 0);
  description = *clean != '\0'
    ? g_strdup_printf (_("Move to the Story %s"), clean)
    : g_strdup (_("Take out of Its Story"));
  return px_editor_edit_finish (self, ok, description, error);
}

gboolean
px_editor_set_article_status (PxEditor    *self,
                              gint64       article_id,
                              const char  *status,
                              GError     **error)
{
  const char *description;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), FALSE);
  if (status == NULL)
    status = "new";
  if (g_str_equal (status, "done"))
    description = _("Mark the Article Done");
  else if (g_str_equal (status, "in_progress"))
    description = _("Mark the Article In Progress");
  else
    description = _("Mark the Article New");
  if (!px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_store_set_article_status (px_editor_store (self), article_id, status, error);
  px_editor_set_target (self, article_id, 0);
  return px_editor_edit_finish (self, ok, description, error);
}
