/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-workspace-suggest.c: "find all occurrences" on the Annotate page.
 *
 * The action turns every other occurrence of the selected annotation's text
 * (by match key, see px-suggest.c) into a *suggested* annotation with the
 * same label, in the article or in its whole story. Suggestions are drawn
 * faded; with one selected, Enter or y accepts it and n rejects it, and the
 * bar above the text accepts or rejects them all. Every bulk change is one
 * undo group, so one Ctrl+Z takes it back. */
#include "px-workspace-private.h"

#include <glib/gi18n.h>

#include "px-suggest.h"

struct _PxWorkspaceSuggest
{
  GtkRevealer *bar;
  GtkLabel    *count;
  GListModel  *watched;   /* the article's annotations, for the count */
  GArray      *flags;     /* guint8 per row of watched: 1 for a suggestion */
  guint        n_suggested;
};

static gboolean
is_suggestion (PxAnnotation *a)
{
  return a != NULL && px_annotation_get_status (a) == PX_ANNOTATION_SUGGESTED;
}

static void
show_count (PxWorkspace *self)
{
  guint n = self->sg->n_suggested;
  g_autofree char *text = g_strdup_printf (ngettext ("%u suggestion in this article",
                                                     "%u suggestions in this article", n), n);

  gtk_label_set_text (self->sg->count, text);
  gtk_revealer_set_reveal_child (self->sg->bar, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.accept-all", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.reject-all", n > 0);
}

/* The count follows the rows that changed, as the article view's spans do:
 * counting 20,000 annotations again after each tag took milliseconds. */
static void
on_rows_changed (PxWorkspace *self,
                 guint        position,
                 guint        removed,
                 guint        added)
{
  PxWorkspaceSuggest *sg = self->sg;
  guint old_n = sg->n_suggested;

  for (guint i = position; i < position + removed && i < sg->flags->len; i++)
    sg->n_suggested -= g_array_index (sg->flags, guint8, i);
  g_array_remove_range (sg->flags, MIN (position, sg->flags->len),
                        MIN (removed, sg->flags->len - MIN (position, sg->flags->len)));
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (sg->watched, position + i);
      guint8 flag = is_suggestion (a);

      g_array_insert_val (sg->flags, position + i, flag);
      sg->n_suggested += flag;
    }
  if (sg->n_suggested != old_n)
    show_count (self);
}

void
px_workspace_suggest_article_changed (PxWorkspace *self)
{
  PxWorkspaceSuggest *sg = self->sg;

  if (sg->watched != NULL)
    g_signal_handlers_disconnect_by_data (sg->watched, self);
  g_set_object (&sg->watched, self->annotations);
  g_array_set_size (sg->flags, 0);
  sg->n_suggested = 0;
  if (sg->watched != NULL)
    {
      g_signal_connect_swapped (sg->watched, "items-changed", G_CALLBACK (on_rows_changed), self);
      on_rows_changed (self, 0, 0, g_list_model_get_n_items (sg->watched));
    }
  show_count (self);
}

/* ---- Finding ------------------------------------------------------------ */

/* Spans of @annotations carrying @label_id: found again, they are skipped. */
static GArray *
spans_with_label (GListModel *annotations,
                  gint64      label_id)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (PxSpan));
  guint n = g_list_model_get_n_items (annotations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (annotations, i);

      if (px_annotation_get_label_id (a) == label_id)
        {
          PxSpan s = { px_annotation_get_start (a), px_annotation_get_end (a) };
          g_array_append_val (spans, s);
        }
    }
  return spans;
}

/* Adds suggestions for @source's text in one article, recording each on
 * the open undo group. Returns how many, or -1 with @error. */
static int
suggest_in_article (PxWorkspace   *self,
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

  if (article == NULL)
    return -1;
  if (px_article_get_text (article) == NULL)
    return 0;
  lang = px_article_get_language (article);
  existing = px_store_list_annotations (self->store, article_id);
  skip = spans_with_label (existing, label_id);
  found = px_suggest_find (px_article_get_text (article), lang != NULL ? lang : "und",
                           px_annotation_get_text (source), skip);
  for (guint i = 0; i < found->len; i++)
    {
      const PxSpan *s = &g_array_index (found, PxSpan, i);
      g_autoptr(PxAnnotation) added = NULL;
      gint64 id = px_store_add_annotation (self->store, article_id, label_id, s->start, s->end,
                                           PX_ANNOTATION_SUGGESTED, NULL, error);

      if (id == 0 || (added = px_store_get_annotation (self->store, id, error)) == NULL)
        return -1;
      px_undo_push_add (self->undo, added);
    }
  return (int) found->len;
}

/* The articles to search: this one, or every article of its story. */
static GArray *
target_articles (PxWorkspace *self,
                 gboolean     story)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PxArticle) article = NULL;
  g_autoptr(GListModel) articles = NULL;
  gint64 story_id;

  g_array_append_val (ids, self->article_id);
  if (!story)
    return ids;
  article = px_store_get_article (self->store, self->article_id, NULL);
  story_id = article != NULL ? px_article_get_story_id (article) : 0;
  if (story_id == 0)
    return ids;
  articles = px_store_list_articles (self->store, story_id);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(PxArticle) a = g_list_model_get_item (articles, i);
      gint64 id = px_article_get_id (a);

      if (id != self->article_id)
        g_array_append_val (ids, id);
    }
  return ids;
}

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

static void
find_all (PxWorkspace *self,
          gboolean     story)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxAnnotation) source = px_workspace_get_target (self);
  g_autoptr(GArray) articles = NULL;
  guint here = 0, total = 0;

  if (source == NULL)
    {
      px_workspace_toast (self, _("Select an annotation to find its other occurrences"));
      return;
    }
  articles = target_articles (self, story);
  if (!px_store_begin (self->store, &error))
    {
      px_workspace_error (self, error);
      return;
    }
  px_undo_begin_group (self->undo);
  for (guint i = 0; i < articles->len; i++)
    {
      int n = suggest_in_article (self, source, g_array_index (articles, gint64, i), &error);

      if (n < 0)
        break;
      here += i == 0 ? (guint) n : 0;
      total += (guint) n;
    }
  if (error != NULL || !px_store_commit (self->store, &error))
    {
      /* Nothing was written: the history must not claim otherwise. */
      px_store_rollback (self->store);
      px_undo_cancel_group (self->undo);
      px_workspace_error (self, error);
      return;
    }
  px_undo_end_group (self->undo);
  px_workspace_update_undo_actions (self);
  report_found (self, here, total);
}

/* ---- Accepting and rejecting ------------------------------------------- */

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

/* Inside the caller's transaction and undo group. */
static gboolean
accept_one (PxWorkspace   *self,
            PxAnnotation  *suggestion,
            GError       **error)
{
  g_autoptr(PxAnnotation) accepted = NULL;
  gint64 id = px_annotation_get_id (suggestion);

  if (!px_store_set_annotation_status (self->store, id, PX_ANNOTATION_ACCEPTED, error))
    return FALSE;
  px_undo_push_status (self->undo, suggestion, PX_ANNOTATION_ACCEPTED);
  accepted = px_store_get_annotation (self->store, id, error);
  if (accepted == NULL)
    return FALSE;
  /* Now a real mention: link its entity, give a trigger its event. */
  px_workspace_events_added (self, accepted);
  return TRUE;
}

/* Accepts or rejects each suggestion of @list, as one transaction and one
 * undo step. */
static void
apply_to (PxWorkspace *self,
          GPtrArray   *list,
          gboolean     accept)
{
  g_autoptr(GError) error = NULL;

  if (list->len == 0)
    return;
  if (!px_store_begin (self->store, &error))
    {
      px_workspace_error (self, error);
      return;
    }
  px_undo_begin_group (self->undo);
  for (guint i = 0; i < list->len && error == NULL; i++)
    {
      PxAnnotation *a = g_ptr_array_index (list, i);

      if (accept)
        accept_one (self, a, &error);
      else
        px_workspace_delete_annotation (self, a, &error);
    }
  if (error != NULL || !px_store_commit (self->store, &error))
    {
      px_store_rollback (self->store);
      px_undo_cancel_group (self->undo);
      px_workspace_error (self, error);
    }
  else
    px_undo_end_group (self->undo);
  px_workspace_update_undo_actions (self);
}

static void
decide_selected (PxWorkspace *self,
                 gboolean     accept)
{
  g_autoptr(PxAnnotation) selected = px_workspace_get_selected (self);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  gsize start;

  if (!is_suggestion (selected))
    return;
  start = px_annotation_get_start (selected);
  g_ptr_array_add (one, selected);
  apply_to (self, one, accept);
  /* The decided one is no longer a suggestion, so "at or after" its start
   * finds the next one. */
  select_next_suggestion (self, start);
}

static void
decide_all (PxWorkspace *self,
            gboolean     accept)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;
  g_autofree char *message = NULL;

  for (guint i = 0; i < n; i++)
    {
      PxAnnotation *a = g_list_model_get_item (self->annotations, i);

      if (is_suggestion (a))
        g_ptr_array_add (list, a);
      else
        g_object_unref (a);
    }
  apply_to (self, list, accept);
  message = g_strdup_printf (accept ? ngettext ("Accepted %u suggestion", "Accepted %u suggestions", list->len)
                                    : ngettext ("Rejected %u suggestion", "Rejected %u suggestions", list->len),
                             list->len);
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
  /* Fresh text selected elsewhere means the key is meant as a label key. */
  if (px_article_view_get_selection (self->view, &start, &end)
      && (start != px_annotation_get_start (selected) || end != px_annotation_get_end (selected)))
    return FALSE;
  if (g_str_equal (key, "y") || g_str_equal (key, "Return"))
    decide_selected (self, TRUE);
  else if (g_str_equal (key, "n"))
    decide_selected (self, FALSE);
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

static gboolean
on_return (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  PxWorkspace *self = PX_WORKSPACE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  (void) args;
  (void) user_data;
  /* Enter in an entry (a note, a filter) is the entry's. */
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus)))
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "workspace.find-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "workspace.find-all-story", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "workspace.accept-all", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, on_return, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, on_return, NULL);
}

static GtkWidget *
bar_button (const char *label,
            const char *action,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

GtkWidget *
px_workspace_suggest_build_bar (PxWorkspace *self)
{
  PxWorkspaceSuggest *sg = self->sg;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *accept = bar_button (_("_Accept All"), "workspace.accept-all",
                                  _("Accept every suggestion in this article (Ctrl+Shift+A)"));
  GtkWidget *reject = bar_button (_("_Reject All"), "workspace.reject-all",
                                  _("Remove every suggestion in this article"));

  sg->count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (sg->count), "suggestion-count");
  gtk_widget_set_hexpand (GTK_WIDGET (sg->count), TRUE);
  gtk_label_set_xalign (sg->count, 0);
  gtk_widget_add_css_class (accept, "suggested-action");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (sg->count));
  gtk_box_append (GTK_BOX (box), reject);
  gtk_box_append (GTK_BOX (box), accept);
  gtk_widget_add_css_class (box, "px-suggestion-bar");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  sg->bar = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (sg->bar, box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sg->bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggestions"),
                                  -1);
  return GTK_WIDGET (sg->bar);
}

void
px_workspace_suggest_init (PxWorkspace *self)
{
  self->sg = g_new0 (PxWorkspaceSuggest, 1);
  self->sg->flags = g_array_new (FALSE, FALSE, sizeof (guint8));
}

void
px_workspace_suggest_dispose (PxWorkspace *self)
{
  if (self->sg == NULL)
    return;
  if (self->sg->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->sg->watched, self);
  g_clear_object (&self->sg->watched);
  g_clear_pointer (&self->sg->flags, g_array_unref);
  g_clear_pointer (&self->sg, g_free);
}
