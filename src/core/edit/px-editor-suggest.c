/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-editor-suggest.c: "find all occurrences": suggestions, accepting and rejecting them.
 * (px-editor.c has the object, its history and how an edit is opened and
 * closed; see px-editor-private.h.) */
#include "px-editor-private.h"

#include <glib/gi18n-lib.h>

#include "px-suggest.h"

/* ---- Suggestions ------------------------------------------------------ */

/* Adds suggestions of @source's label in one article; returns how many,
 * or -1 with @error. */
static int
suggest_in_article (PxEditor      *self,
                    PxAnnotation  *source,
                    gint64         article_id,
                    GError       **error)
{
  g_autoptr(PxArticle) article = px_store_get_article (px_editor_store (self), article_id, error);
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
  existing = px_store_list_annotations (px_editor_store (self), article_id);
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

      if (px_store_add_annotation (px_editor_store (self), article_id, label_id, s->start, s->end,
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
  article = px_store_get_article (px_editor_store (self), article_id, NULL);
  story_id = article != NULL ? px_article_get_story_id (article) : 0;
  if (story_id == 0)
    return ids;
  articles = px_store_list_articles (px_editor_store (self), story_id);
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
  source = px_store_get_annotation (px_editor_store (self), annotation_id, error);
  if (source == NULL)
    return -1;
  articles = story_articles (self, px_annotation_get_article_id (source), whole_story);
  if (!px_editor_edit_begin (self, error))
    return -1;
  for (guint i = 0; i < articles->len && total >= 0; i++)
    {
      int n = suggest_in_article (self, source, g_array_index (articles, gint64, i), error);

      if (i == 0)
        here = n;
      total = n < 0 ? -1 : total + n;
    }
  px_editor_set_target (self, px_annotation_get_article_id (source), annotation_id);
  what = px_editor_quoted (px_annotation_get_text (source));
  description = g_strdup_printf (_("Find All %s"), what);
  if (!px_editor_edit_finish (self, total >= 0, description, error))
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
  g_autoptr(PxAnnotation) a = px_store_get_annotation (px_editor_store (self), annotation_id, error);

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
  if (a == NULL || !px_editor_edit_begin (self, error))
    return FALSE;
  ok = px_editor_accept_suggestion (self, a, error);
  px_editor_set_target (self, px_annotation_get_article_id (a), annotation_id);
  what = px_editor_quoted (px_annotation_get_text (a));
  description = g_strdup_printf (_("Accept %s"), what);
  return px_editor_edit_finish (self, ok, description, error);
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
  g_autoptr(GListModel) annotations = px_store_list_annotations (px_editor_store (self), article_id);
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
  if (!px_editor_edit_begin (self, error))
    return -1;
  for (guint i = 0; ok && i < suggestions->len; i++)
    {
      PxAnnotation *a = suggestions->pdata[i];

      ok = accept ? px_editor_accept_suggestion (self, a, error)
                  : px_store_delete_annotation (px_editor_store (self), px_annotation_get_id (a), error);
    }
  px_editor_set_target (self, article_id, 0);
  if (!px_editor_edit_finish (self, ok,
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
