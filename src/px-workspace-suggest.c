/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-workspace-suggest.c: "find all occurrences" on the Annotate page.
 *
 * The action turns every other occurrence of the selected annotation's text
 * (by match key, see px-suggest.c) into a *suggested* annotation with the
 * same label, in the article or in its whole story. Suggestions are drawn
 * faded; with one selected, Enter accepts it and Delete rejects it, and the
 * bar above the text (PxSuggestionBar) accepts or rejects them all. The editor makes every
 * bulk change one undo step, so one Ctrl+Z takes it back. */
#include "px-workspace-private.h"

#include <glib/gi18n.h>

#include "px-suggestion-bar.h"

static gboolean
is_suggestion (PxAnnotation *a)
{
  return a != NULL && px_annotation_get_status (a) == PX_ANNOTATION_SUGGESTED;
}

/* Accept All and Reject All while there is something to accept. */
static void
on_count_changed (PxWorkspace *self)
{
  guint n = px_suggestion_bar_get_n_suggestions (self->suggestion_bar);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.accept-all", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.reject-all", n > 0);
}

void
px_workspace_suggest_article_changed (PxWorkspace *self)
{
  px_suggestion_bar_set_annotations (self->suggestion_bar, self->annotations);
}

/* ---- Finding ------------------------------------------------------------ */

static void
report_found (PxWorkspace *self,
              guint        here,
              guint        total)
{
  g_autofree char *message = NULL;

  if (total == 0)
    message = g_strdup (_("No other occurrences"));
  else if (total == here)
    message = g_strdup_printf (ngettext ("%u suggestion", "%u suggestions", total), total);
  else
    /* Translators: the second number counts suggestions in the other
     * articles of the story. */
    message = g_strdup_printf (ngettext ("%u suggestion here, %u in other articles of the story",
                                         "%u suggestions here, %u in other articles of the story",
                                         here), here, total - here);
  px_workspace_toast (self, message);
}

/* The first suggestion at or after @from, else the first one at all. */
static void
select_next_suggestion (PxWorkspace *self,
                        gsize        from)
{
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;
  gint64 first = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, i);

      if (!is_suggestion (a))
        continue;
      if (px_annotation_get_start (a) >= from)
        {
          px_workspace_select_annotation (self, px_annotation_get_id (a));
          return;
        }
      if (first == 0)
        first = px_annotation_get_id (a);
    }
  if (first != 0)
    px_workspace_select_annotation (self, first);
}

/* Then the first suggestion is selected, so that Enter accepts it. */
static void
find_all (PxWorkspace *self,
          gboolean     story)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxAnnotation) source = px_workspace_get_target (self);
  PxEditor *editor = px_workspace_get_editor_or_warn (self);
  guint here = 0;
  int total;

  if (editor == NULL)
    return;
  if (source == NULL)
    {
      px_workspace_toast (self, _("Select an annotation to find its other occurrences"));
      return;
    }
  total = px_editor_suggest (editor, px_annotation_get_id (source), story, &here, &error);
  if (total < 0)
    {
      px_workspace_error (self, error);
      return;
    }
  report_found (self, here, (guint) total);
  if (here > 0)
    select_next_suggestion (self, 0);
}

/* ---- Accepting and rejecting ------------------------------------------- */

/* Enter accepts the selected suggestion, Delete rejects it (with a toast
 * whose Undo brings it back); then the next one is selected. */
static void
decide_selected (PxWorkspace *self,
                 gboolean     accept)
{
  g_autoptr(PxAnnotation) selected = px_workspace_get_selected (self);
  g_autoptr(GError) error = NULL;
  PxEditor *editor = px_workspace_get_editor_or_warn (self);
  gint64 id;
  gsize start;

  if (editor == NULL || !is_suggestion (selected))
    return;
  id = px_annotation_get_id (selected);
  start = px_annotation_get_start (selected);
  if (!(accept ? px_editor_accept (editor, id, &error) : px_editor_reject (editor, id, &error)))
    {
      px_workspace_error (self, error);
      return;
    }
  if (!accept)
    px_workspace_edited (self, _("Suggestion rejected"));
  /* The decided one is no longer a suggestion, so "at or after" its start
   * finds the next one. */
  select_next_suggestion (self, start);
}

void
px_workspace_suggest_reject_selected (PxWorkspace *self)
{
  decide_selected (self, FALSE);
}

static void
decide_all (PxWorkspace *self,
            gboolean     accept)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  PxEditor *editor = px_workspace_get_editor_or_warn (self);
  int n;

  if (editor == NULL)
    return;
  n = accept ? px_editor_accept_all (editor, self->article_id, &error)
             : px_editor_reject_all (editor, self->article_id, &error);
  if (n < 0)
    {
      px_workspace_error (self, error);
      return;
    }
  message = g_strdup_printf (accept ? ngettext ("Accepted %u suggestion", "Accepted %u suggestions", (guint) n)
                                    : ngettext ("Rejected %u suggestion", "Rejected %u suggestions", (guint) n),
                             (guint) n);
  if (n > 0)
    px_workspace_edited (self, message);
  else
    px_workspace_toast (self, message);
}

gboolean
px_workspace_suggest_handle_key (PxWorkspace *self,
                                 const char  *key)
{
  g_autoptr(PxAnnotation) selected = px_workspace_get_selected (self);
  gsize start, end;

  if (!is_suggestion (selected))
    return FALSE;
  /* Fresh text selected elsewhere is not the suggestion. */
  if (px_article_view_get_selection (self->view, &start, &end)
      && (start != px_annotation_get_start (selected) || end != px_annotation_get_end (selected)))
    return FALSE;
  if (g_str_equal (key, "Return"))
    decide_selected (self, TRUE);
  else
    return FALSE;
  return TRUE;
}

/* ---- Actions, keys and the bar ----------------------------------------- */

static void
suggest_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PxWorkspace *self = PX_WORKSPACE (widget);

  (void) param;
  if (self->store == NULL || self->article_id == 0)
    return;
  if (g_str_equal (action_name, "workspace.find-all"))
    find_all (self, FALSE);
  else if (g_str_equal (action_name, "workspace.find-all-story"))
    find_all (self, TRUE);
  else if (g_str_equal (action_name, "workspace.accept-all"))
    decide_all (self, TRUE);
  else if (g_str_equal (action_name, "workspace.reject-all"))
    decide_all (self, FALSE);
}

gboolean
px_workspace_suggest_on_return (GtkWidget *widget,
                                GVariant  *args,
                                gpointer   user_data)
{
  PxWorkspace *self = PX_WORKSPACE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  (void) args;
  (void) user_data;
  /* Enter in an entry (a note, a filter) or in a popover's list is
   * theirs. */
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus)
                        || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL))
    return FALSE;
  return px_workspace_suggest_handle_key (self, "Return");
}

void
px_workspace_suggest_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "workspace.find-all", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "workspace.find-all-story", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "workspace.accept-all", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "workspace.reject-all", NULL, suggest_action);
  /* Enter, Ctrl+Shift+F, Ctrl+Alt+F and Ctrl+Shift+A are in the page's
   * key controller (px-workspace.c), which sees them before the text view. */
}

/* The bar above the text ("3 suggestions", Reject All, Accept All). */
void
px_workspace_suggest_setup_bar (PxWorkspace *self)
{
  g_signal_connect_object (self->suggestion_bar, "notify::n-suggestions",
                           G_CALLBACK (on_count_changed), self, G_CONNECT_SWAPPED);
  on_count_changed (self);
}
