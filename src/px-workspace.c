/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-workspace.c: the Annotate page: label palette | article text | inspector.
 *
 * The text view styles only the annotations near the visible part of the
 * text (see px-article-view.c), so that a long, densely annotated article
 * opens as fast as a short one. Every edit goes through the window's
 * PxEditor, whose one undo history outlives article switches and is shared
 * with the other pages. */
#include "px-workspace-private.h"
#include "px-test-hooks.h"
#include "px-a11y.h"

#include <glib/gi18n.h>

#include "px-application.h"
#include "px-article-header.h"
#include "px-article-view.h"


G_DEFINE_FINAL_TYPE (PxWorkspace, px_workspace, GTK_TYPE_WIDGET)


/* ---- Messages ------------------------------------------------------------ */

void
px_workspace_toast (PxWorkspace *self,
            const char  *message)
{
  /* A toast's title is markup; messages quote article text. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
px_workspace_error (PxWorkspace  *self,
            const GError *error)
{
  px_workspace_toast (self, error->message);
}

/* ---- Labels and palette ------------------------------------------------ */

/* @key is a label name, or failing that a label id in decimal. */
static PxLabel *
find_label (PxWorkspace *self,
            const char  *key)
{
  PxLabel *label;
  gint64 id;
  char *end = NULL;

  if (self->store == NULL || key == NULL)
    return NULL;
  label = px_store_find_label (self->store, key);
  if (label != NULL)
    return label;
  id = g_ascii_strtoll (key, &end, 10);
  if (end == key || *end != '\0' || id <= 0)
    return NULL;
  return px_store_get_label (self->store, id, NULL);
}

static PxLabel *
find_label_by_shortcut (PxWorkspace *self,
                        const char  *shortcut)
{
  guint n = self->labels != NULL ? g_list_model_get_n_items (self->labels) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (self->labels, i);
      const char *s = px_label_get_shortcut (label);

      if (s != NULL && g_strcmp0 (s, shortcut) == 0)
        return g_steal_pointer (&label);
    }
  return NULL;
}

static GtkWidget *
palette_button_new (PxLabel *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (px_label_get_name (label));
  const char *shortcut = px_label_get_shortcut (label);
  g_autofree char *markup = NULL;
  g_autofree char *a11y = NULL;

  markup = g_markup_printf_escaped ("<span foreground=\"%s\">\u25cf</span>",
                                    px_label_get_colour (label));
  gtk_label_set_markup (GTK_LABEL (swatch), markup);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), name);
  if (shortcut != NULL)
    {
      GtkWidget *key = gtk_label_new (shortcut);

      gtk_widget_add_css_class (key, "dim-label");
      gtk_widget_add_css_class (key, "monospace");
      gtk_box_append (GTK_BOX (box), key);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "workspace.tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", px_label_get_name (label));
  if (shortcut != NULL)
    /* Translators: %s is a label name such as PER, %s a key such as 1 */
    a11y = g_strdup_printf (_("Tag as %s (%s)"), px_label_get_name (label), shortcut);
  else
    /* Translators: %s is a label name such as PER */
    a11y = g_strdup_printf (_("Tag as %s"), px_label_get_name (label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
  gtk_widget_set_tooltip_text (button, px_label_get_description (label));
  return button;
}

static void
rebuild_palette (PxWorkspace *self)
{
  GtkWidget *child;
  guint n = self->labels != NULL ? g_list_model_get_n_items (self->labels) : 0;

  int shown_kind = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->palette))) != NULL)
    gtk_box_remove (self->palette, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (self->labels, i);
      PxLabelKind kind = px_label_get_kind (label);

      /* A small heading wherever the kind changes: entities, then events. */
      if ((int) kind != shown_kind)
        {
          GtkWidget *heading = gtk_label_new (kind == PX_LABEL_EVENT ? _("Events") : _("Entities"));

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "caption-heading");
          gtk_widget_add_css_class (heading, "dim-label");
          gtk_widget_set_margin_start (heading, 10);
          gtk_widget_set_margin_top (heading, shown_kind < 0 ? 2 : 10);
          gtk_widget_set_margin_bottom (heading, 2);
          gtk_box_append (self->palette, heading);
          shown_kind = (int) kind;
        }
      gtk_box_append (self->palette, palette_button_new (label));
    }
  if (n > 0)
    {
      /* The other way to use the keys, where the keys are listed. */
      GtkWidget *hint = gtk_label_new (_("Shift+key tags the exact selection, not snapped to words. "
                                         "Alt+Return picks among stacked annotations."));

      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_add_css_class (hint, "caption");
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_widget_set_margin_start (hint, 10);
      gtk_widget_set_margin_end (hint, 6);
      gtk_widget_set_margin_top (hint, 12);
      gtk_widget_set_name (hint, "palette-hint");
      gtk_box_append (self->palette, hint);
    }
}

static void
on_labels_changed (PxWorkspace *self)
{
  rebuild_palette (self);
  px_article_view_set_labels (self->view, self->labels);
}

/* ---- Selection of annotations ------------------------------------------ */

PxAnnotation *
px_workspace_get_selected (PxWorkspace *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? g_object_ref (PX_ANNOTATION (item)) : NULL;
}

static guint
list_position (PxWorkspace *self,
               gint64       id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  GtkSorter *sorter = gtk_sort_list_model_get_sorter (self->sorted);
  guint n = g_list_model_get_n_items (model);
  guint pos;

  /* Unsorted, the list is in the store's order: no need to walk it. */
  if (self->annotations != NULL
      && (sorter == NULL || gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE))
    {
      pos = px_store_annotation_position (self->annotations, id);
      return pos == G_MAXUINT ? GTK_INVALID_LIST_POSITION : pos;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (model, i);

      if (px_annotation_get_id (a) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

gboolean
px_workspace_select_annotation (PxWorkspace *self,
                                gint64       id)
{
  guint pos = list_position (self, id);

  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  /* Force the reveal even when the row was already selected. */
  self->shown_annotation_id = 0;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (self->selection, pos);
  return TRUE;
}

/* Selects annotation @id (0: none) in the list, and so in the inspector,
 * without touching the text's selection: the caret pointed at it. */
static void
point_at (PxWorkspace *self,
          gint64       id)
{
  guint pos = id != 0 ? list_position (self, id) : GTK_INVALID_LIST_POSITION;

  if (pos == gtk_single_selection_get_selected (self->selection))
    return;
  self->pointing = TRUE;
  gtk_single_selection_set_selected (self->selection, pos);
  self->pointing = FALSE;
}

/* GTK 4.8 has no gtk_column_view_scroll_to(); its inner list view has the
 * action. It runs once the frame showing the edit is painted: scrolling
 * the list re-lays out its rows, and doing so at once added about 10 ms
 * between a label key and the tag on screen. */
static gboolean
scroll_list_idle (gpointer data)
{
  PxWorkspace *self = data;
  guint pos = gtk_single_selection_get_selected (self->selection);

  self->list_scroll_id = 0;
  if (pos == GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", pos);
  return G_SOURCE_REMOVE;
}

static void
scroll_list_later (PxWorkspace *self)
{
  if (self->list_scroll_id == 0)
    self->list_scroll_id = g_idle_add (scroll_list_idle, self);
}

static void
on_selection_changed (PxWorkspace *self)
{
  g_autoptr(PxAnnotation) a = px_workspace_get_selected (self);

  if (a == NULL || px_annotation_get_id (a) == self->shown_annotation_id)
    return;
  self->shown_annotation_id = px_annotation_get_id (a);
  if (!self->pointing)
    px_article_view_select_range (self->view, px_annotation_get_start (a),
                                  px_annotation_get_end (a));
  scroll_list_later (self);
}

static gboolean
contains (PxAnnotation *a,
          gsize         offset)
{
  return a != NULL && px_annotation_get_start (a) <= offset && offset <= px_annotation_get_end (a);
}

/* The annotation the caret is in: the selected one while the caret stays
 * inside it (so that a stacked one chosen with Alt+Return stays chosen),
 * else the innermost one at the caret, else one ending right at it. */
static PxAnnotation *
annotation_under_caret (PxWorkspace *self)
{
  g_autoptr(PxAnnotation) selected = px_workspace_get_selected (self);
  gsize cursor = px_article_view_get_cursor (self->view);
  PxAnnotation *under;

  if (contains (selected, cursor))
    return g_steal_pointer (&selected);
  under = px_article_view_annotation_at (self->view, cursor);
  if (under == NULL && cursor > 0)
    under = px_article_view_annotation_at (self->view, cursor - 1);
  return under;
}

/* The annotation whose span is exactly the selected text, preferring the
 * one selected in the list; NULL when there is none. */
static PxAnnotation *
annotation_selected_exactly (PxWorkspace *self,
                             gsize        start,
                             gsize        end)
{
  g_autoptr(PxAnnotation) selected = px_workspace_get_selected (self);
  g_autoptr(PxAnnotation) inner = px_article_view_annotation_at (self->view, start);

  if (selected != NULL && px_annotation_get_start (selected) == start
      && px_annotation_get_end (selected) == end)
    return g_steal_pointer (&selected);
  if (inner != NULL && px_annotation_get_start (inner) == start && px_annotation_get_end (inner) == end)
    return g_steal_pointer (&inner);
  return NULL;
}

/* The caret points: moving it (a click, the arrow keys) selects the
 * annotation it is in, or none, so that the inspector always shows what a
 * label key or Delete would act on. Selected text points at the annotation
 * it covers exactly, or at none. */
static void
on_mark_set (PxWorkspace   *self,
             GtkTextIter   *location,
             GtkTextMark   *mark,
             GtkTextBuffer *buffer)
{
  g_autoptr(PxAnnotation) target = NULL;
  g_autoptr(PxAnnotation) selected = NULL;
  gint64 id;
  gsize start, end;

  (void) location;
  /* While an article is being shown, the list still holds the last one. */
  if (self->article_id == 0 || self->annotations == NULL
      || gtk_sort_list_model_get_model (self->sorted) != self->annotations
      || (mark != gtk_text_buffer_get_insert (buffer)
          && mark != gtk_text_buffer_get_selection_bound (buffer)))
    return;
  if (px_article_view_get_selection (self->view, &start, &end))
    target = annotation_selected_exactly (self, start, end);
  else
    target = annotation_under_caret (self);
  id = target != NULL ? px_annotation_get_id (target) : 0;
  selected = px_workspace_get_selected (self);
  /* Most caret moves stay in the same annotation: no list lookup then. */
  if (id != (selected != NULL ? px_annotation_get_id (selected) : 0))
    point_at (self, id);
}

/* Alt+Return: the next of the annotations stacked under the caret (in the
 * store's order), round, for a label key or Delete to act on. */
static void
cycle_stacked (PxWorkspace *self)
{
  g_autoptr(PxAnnotation) selected = px_workspace_get_selected (self);
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_object_unref);
  gsize cursor = px_article_view_get_cursor (self->view);
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;
  guint next = 0;

  for (guint i = 0; i < n; i++)
    {
      PxAnnotation *a = g_list_model_get_item (self->annotations, i);

      if (px_annotation_get_start (a) > cursor)
        {
          g_object_unref (a);
          break;
        }
      if (contains (a, cursor))
        g_ptr_array_add (stack, a);
      else
        g_object_unref (a);
    }
  if (stack->len == 0)
    {
      px_workspace_toast (self, _("The cursor is in no annotation"));
      return;
    }
  for (guint i = 0; selected != NULL && i < stack->len; i++)
    if (px_annotation_get_id (stack->pdata[i]) == px_annotation_get_id (selected))
      next = (i + 1) % stack->len;
  point_at (self, px_annotation_get_id (stack->pdata[next]));
  if (stack->len > 1)
    {
      PxAnnotation *a = stack->pdata[next];
      /* Translators: Alt+Return chose one of the annotations stacked under
       * the cursor; %s is its label, then its text, then "1 of 3". */
      g_autofree char *msg = g_strdup_printf (_("%s “%s” (%u of %u)"), px_annotation_get_label_name (a),
                                              px_annotation_get_text (a), next + 1, stack->len);
      px_workspace_toast (self, msg);
    }
}

/* The annotation an edit (Delete, find all) applies to: the selected text's
 * exact annotation, else the one the caret is in. Never one selected
 * earlier somewhere else. */
PxAnnotation *
px_workspace_get_target (PxWorkspace *self)
{
  gsize start, end;

  if (px_article_view_get_selection (self->view, &start, &end))
    {
      PxAnnotation *exact = annotation_selected_exactly (self, start, end);

      if (exact != NULL)
        return exact;
    }
  return annotation_under_caret (self);
}

/* ---- Editing ------------------------------------------------------------- */

PxEditor *
px_workspace_get_editor_or_warn (PxWorkspace *self)
{
  if (self->store == NULL || self->article_id == 0)
    return NULL;
  if (self->editor == NULL)
    px_workspace_toast (self, _("This corpus cannot be edited here"));
  return self->editor;
}

void
px_workspace_edited (PxWorkspace *self,
                     const char  *message)
{
  const char *notice = self->editor != NULL ? px_editor_get_notice (self->editor) : NULL;
  const char *what = self->editor != NULL ? px_editor_get_undo_description (self->editor) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (notice == NULL && message == NULL)
    return;
  /* Translators: a toast: what was done, then what else went with it:
   * "Relabel “met” as ORG. Its Meet event and its 3 arguments were removed." */
  text = notice != NULL ? g_strdup_printf (_("%s. %s"), what != NULL ? what : "", notice)
                        : g_strdup (message);
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  /* What went with an edit is shown at once, not after older toasts. */
  if (notice != NULL)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, notice != NULL ? 8 : 5);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "workspace.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
snapping_enabled (PxWorkspace *self)
{
  return self->settings == NULL || g_settings_get_boolean (self->settings, "word-snapping");
}

static void
relabel (PxWorkspace  *self,
         PxAnnotation *annotation,
         PxLabel      *label)
{
  g_autoptr(GError) error = NULL;
  gint64 id = px_annotation_get_id (annotation);
  PxEditor *editor = px_workspace_get_editor_or_warn (self);

  if (editor == NULL || px_annotation_get_label_id (annotation) == px_label_get_id (label))
    return;
  if (!px_editor_relabel (editor, id, px_label_get_id (label), &error))
    {
      px_workspace_error (self, error);
      return;
    }
  /* A trigger that loses its event, or its arguments, says so. */
  px_workspace_edited (self, NULL);
  px_workspace_select_annotation (self, id);
}

/* Word snapping on the text around the selection, taken from the text
 * buffer: finding byte positions in the article's string walks it from
 * the start, 2.5 ms at the end of a 1 MB article. The margin is wider than
 * px_text_snap_to_words() looks. */
#define SNAP_CONTEXT 1024

gboolean
px_workspace_snap_to_words (PxWorkspace *self,
                            gsize       *start,
                            gsize       *end)
{
  GtkTextBuffer *buffer = px_article_view_get_buffer (self->view);
  gsize n = (gsize) gtk_text_buffer_get_char_count (buffer);
  gsize from = *start > SNAP_CONTEXT ? *start - SNAP_CONTEXT : 0;
  gsize to = MIN (n, *end + SNAP_CONTEXT);
  gsize s = *start - from, e = *end - from;
  g_autofree char *window = NULL;
  GtkTextIter a, b;

  g_return_val_if_fail (*start <= *end && *end <= n, FALSE);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) from);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) to);
  window = gtk_text_buffer_get_slice (buffer, &a, &b, TRUE);
  if (!px_text_snap_to_words (window, self->lang, &s, &e))
    return FALSE;
  *start = from + s;
  *end = from + e;
  return TRUE;
}

/* The editor links an entity mention and gives a trigger its event, in the
 * same transaction and undo step. */
static void
add_annotation (PxWorkspace *self,
                PxLabel     *label,
                gsize        start,
                gsize        end,
                gboolean     snap)
{
  g_autoptr(GError) error = NULL;
  PxEditor *editor = px_workspace_get_editor_or_warn (self);
  gint64 id;

  if (editor == NULL)
    return;
  if (snap && snapping_enabled (self) && !px_workspace_snap_to_words (self, &start, &end))
    {
      px_workspace_toast (self, _("The selection holds no word to tag"));
      return;
    }
  id = px_editor_tag (editor, self->article_id, px_label_get_id (label), start, end, NULL, &error);
  if (id == 0)
    {
      px_workspace_error (self, error);
      return;
    }
  px_workspace_select_annotation (self, id);
}

/* A label acts on what is pointed at, now: selected text is tagged (or, when
 * it is exactly an annotation, that one is relabelled); with no text
 * selected, the annotation the caret is in is relabelled. Nothing else:
 * never an annotation selected earlier elsewhere. */
static void
tag_with_label (PxWorkspace *self,
                PxLabel     *label,
                gboolean     snap)
{
  g_autoptr(PxAnnotation) target = NULL;
  gsize start, end;

  if (px_article_view_get_selection (self->view, &start, &end))
    {
      target = annotation_selected_exactly (self, start, end);
      if (target != NULL)
        relabel (self, target, label);
      else
        add_annotation (self, label, start, end, snap);
      return;
    }
  target = annotation_under_caret (self);
  if (target != NULL)
    relabel (self, target, label);
  else
    px_workspace_toast (self, _("Select text to tag, or put the cursor in an annotation to relabel it"));
}

static void
tag_selection (PxWorkspace *self,
               const char  *label_key,
               gboolean     snap)
{
  g_autoptr(PxLabel) label = NULL;

  if (self->store == NULL || self->article_id == 0)
    return;
  label = find_label (self, label_key);
  if (label == NULL)
    {
      /* Translators: %s is what was asked for, a label name or id */
      g_autofree char *msg = g_strdup_printf (_("No label named “%s”"), label_key);
      px_workspace_toast (self, msg);
      return;
    }
  tag_with_label (self, label, snap);
}

/* Delete: the annotation pointed at goes, with what hangs on it (its event,
 * its places as an argument); the toast names that and offers Undo. A
 * suggestion is rejected, and the next one selected. */
static void
delete_target (PxWorkspace *self)
{
  g_autoptr(PxAnnotation) target = NULL;
  g_autoptr(PxAnnotation) selected = NULL;
  g_autoptr(GError) error = NULL;
  PxEditor *editor = px_workspace_get_editor_or_warn (self);

  if (editor == NULL)
    return;
  selected = px_workspace_get_selected (self);
  if (selected != NULL && px_annotation_get_status (selected) == PX_ANNOTATION_SUGGESTED)
    {
      px_workspace_suggest_reject_selected (self);
      return;
    }
  target = px_workspace_get_target (self);
  if (target == NULL)
    {
      px_workspace_toast (self, _("Put the cursor in an annotation to delete it"));
      return;
    }
  if (!px_editor_delete (editor, px_annotation_get_id (target), &error))
    {
      px_workspace_error (self, error);
      return;
    }
  px_workspace_edited (self, _("Annotation removed"));
}

/* The store's order (start, end, id) is text order. */
static guint
find_position (GListModel *model,
               gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (model, i);
      if (px_annotation_get_id (a) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Moves to the next (@step 1) or previous (-1) annotation in text order,
 * from the selected one, or else from the cursor. */
static void
move_selection (PxWorkspace *self,
                int          step)
{
  g_autoptr(PxAnnotation) selected = px_workspace_get_selected (self);
  g_autoptr(PxAnnotation) pick = NULL;
  GListModel *model = self->annotations;
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  gsize cursor = px_article_view_get_cursor (self->view);
  guint pos = selected != NULL ? find_position (model, px_annotation_get_id (selected))
                               : GTK_INVALID_LIST_POSITION;

  if (n == 0)
    return;
  if (pos != GTK_INVALID_LIST_POSITION)
    {
      if ((step < 0 && pos == 0) || (step > 0 && pos + 1 >= n))
        return;
      pick = g_list_model_get_item (model, step > 0 ? pos + 1 : pos - 1);
    }
  else
    for (guint k = 0; k < n && pick == NULL; k++)
      {
        guint i = step > 0 ? k : n - 1 - k;
        g_autoptr(PxAnnotation) a = g_list_model_get_item (model, i);
        gsize s = px_annotation_get_start (a);

        if (step > 0 ? s >= cursor : s < cursor)
          pick = g_steal_pointer (&a);
      }
  if (pick != NULL)
    px_workspace_select_annotation (self, px_annotation_get_id (pick));
}

/* ---- Undo ---------------------------------------------------------------- */

static void
update_undo_actions (PxWorkspace *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.undo",
                                 self->editor != NULL && px_editor_get_can_undo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.redo",
                                 self->editor != NULL && px_editor_get_can_redo (self->editor));
}

void
px_workspace_show_edit (PxWorkspace        *self,
                        const PxEditTarget *target)
{
  g_return_if_fail (PX_IS_WORKSPACE (self));

  /* Corpus-wide steps (entity merges) name no article: stay where we are. */
  if (target->article_id == 0)
    return;
  if (target->article_id != self->article_id)
    px_workspace_show_article (self, target->article_id);
  if (target->annotation_id == 0 || !px_workspace_select_annotation (self, target->annotation_id))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
replay_history (PxWorkspace *self,
                gboolean     redo)
{
  g_autoptr(GError) error = NULL;
  PxEditTarget target = { 0, 0 };
  gboolean ok;

  if (self->editor == NULL)
    return;
  ok = redo ? px_editor_redo (self->editor, &target, &error)
            : px_editor_undo (self->editor, &target, &error);
  if (!ok)
    px_workspace_error (self, error);
  else
    px_workspace_show_edit (self, &target);
}

/* ---- Actions and keys ---------------------------------------------------- */

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  tag_selection (PX_WORKSPACE (widget), g_variant_get_string (param, NULL),
                 g_str_equal (action_name, "workspace.tag"));
}

/* Ctrl+D: the article shown is done for this coder, or (when it already
 * was) back in progress. */
static void
toggle_done (PxWorkspace *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxArticle) article = NULL;
  PxEditor *editor = px_workspace_get_editor_or_warn (self);
  gboolean done;

  if (editor == NULL || self->article_id == 0)
    return;
  article = px_store_get_article (self->store, self->article_id, &error);
  if (article == NULL)
    {
      px_workspace_error (self, error);
      return;
    }
  done = g_str_equal (px_article_get_status (article, px_store_get_annotator (self->store)), "done");
  if (!px_editor_set_article_status (editor, self->article_id, done ? "in_progress" : "done", &error))
    px_workspace_error (self, error);
  else
    px_workspace_toast (self, done ? _("Article back in progress") : _("Article marked done"));
}

static void
simple_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PxWorkspace *self = PX_WORKSPACE (widget);

  (void) param;
  if (g_str_equal (action_name, "workspace.delete"))
    delete_target (self);
  else if (g_str_equal (action_name, "workspace.next"))
    move_selection (self, 1);
  else if (g_str_equal (action_name, "workspace.previous"))
    move_selection (self, -1);
  else if (g_str_equal (action_name, "workspace.cycle"))
    cycle_stacked (self);
  else if (g_str_equal (action_name, "workspace.toggle-done"))
    toggle_done (self);
  else if (g_str_equal (action_name, "workspace.undo"))
    replay_history (self, FALSE);
  else if (g_str_equal (action_name, "workspace.redo"))
    replay_history (self, TRUE);
}

static gboolean
focus_in_entry (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Keys typed in a popover (the argument chooser) are its own. */
  return focus != NULL && (GTK_IS_EDITABLE (focus)
                           || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL);
}

/* The label whose shortcut is on the physical key @keycode, unshifted or
 * shifted, in the layout of the key press; so that Shift+1 finds the label
 * of 1 on any layout. Without a keycode (tests), @keyval itself. */
static PxLabel *
label_of_key (PxWorkspace *self,
              guint        keyval,
              guint        keycode,
              int          layout)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autofree GdkKeymapKey *keys = NULL;
  g_autofree guint *keyvals = NULL;
  guint candidates[2] = { keyval, 0 };
  int n = 0;

  if (keycode != 0 && gdk_display_map_keycode (display, keycode, &keys, &keyvals, &n))
    for (int i = 0; i < n; i++)
      if (keys[i].group == layout && keys[i].level < 2)
        candidates[keys[i].level] = keyvals[i];
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      gunichar c = gdk_keyval_to_unicode (gdk_keyval_to_lower (candidates[i]));
      char key[8] = { 0 };
      PxLabel *label;

      if (c == 0 || !g_unichar_isgraph (c))
        continue;
      g_unichar_to_utf8 (c, key);
      label = find_label_by_shortcut (self, key);
      if (label != NULL)
        return label;
    }
  return NULL;
}

/* A label key, on its own: tags the selected text snapped to words, or
 * relabels the annotation pointed at. With Shift: the exact selection, no
 * snapping. Ctrl and Alt keys are never label keys (Alt+1 shows a page). */
static gboolean
on_label_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              PxWorkspace           *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  int layout = event != NULL ? (int) gdk_key_event_get_layout (event) : 0;
  g_autoptr(PxLabel) label = NULL;

  if (self->article_id == 0 || focus_in_entry (GTK_WIDGET (self))
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;
  label = label_of_key (self, keyval, keycode, layout);
  if (label == NULL)
    return FALSE;
  tag_with_label (self, label, (state & GDK_SHIFT_MASK) == 0);
  return TRUE;
}

/* Delete belongs to a text field that has the focus (the inspector's
 * note, the sidebar's filter), not to the annotation; so do the other
 * keys. Without an article, the keys are not the page's. */
static gboolean
on_edit_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  (void) user_data;
  if (focus_in_entry (widget) || PX_WORKSPACE (widget)->article_id == 0)
    return FALSE;
  return gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), NULL);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              GtkShortcutAction     *action,
              GVariant              *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger), action);

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* In the capture phase, because the text view binds Delete and
 * Ctrl+Shift+A itself and would swallow them even though it is read-only.
 * The page's own keys (Accept All, find all, moving between annotations)
 * are global: they work whatever has the focus while the page shows (a
 * global shortcut runs only while its widget is mapped). Delete and Enter
 * act on the text's annotations, with the focus in the page. Ctrl+Z is the
 * window's. */
static void
add_key_controller (PxWorkspace *self)
{
  GtkEventController *local = gtk_shortcut_controller_new ();
  GtkEventController *page = gtk_shortcut_controller_new ();
  GtkEventController *labels = gtk_event_controller_key_new ();
  static const struct { const char *trigger, *action; } page_keys[] = {
    { "<Alt>Right", "workspace.next" },
    { "<Alt>Left", "workspace.previous" },
    { "<Alt>Return|<Alt>KP_Enter", "workspace.cycle" },
    { "<Control><Shift>a", "workspace.accept-all" },
    { "<Control><Shift>f", "workspace.find-all" },
    { "<Control><Alt>f", "workspace.find-all-story" },
    { "<Control>d", "workspace.toggle-done" },
  };

  gtk_event_controller_set_propagation_phase (local, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (local, "px-workspace-keys");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (local), "Delete|KP_Delete",
                gtk_callback_action_new (on_edit_key, NULL, NULL),
                g_variant_new_string ("workspace.delete"));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (local), "Return|KP_Enter",
                gtk_callback_action_new (px_workspace_suggest_on_return, NULL, NULL), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), local);

  gtk_event_controller_set_propagation_phase (page, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (page, "px-workspace-page-keys");
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (page), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    add_shortcut (GTK_SHORTCUT_CONTROLLER (page), page_keys[i].trigger,
                  gtk_callback_action_new (on_edit_key, NULL, NULL),
                  g_variant_new_string (page_keys[i].action));
  gtk_widget_add_controller (GTK_WIDGET (self), page);

  gtk_event_controller_set_propagation_phase (labels, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (labels, "px-workspace-label-keys");
  g_signal_connect (labels, "key-pressed", G_CALLBACK (on_label_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), labels);
}

/* ---- Inspector ----------------------------------------------------------- */

typedef enum
{
  COLUMN_LABEL,
  COLUMN_TEXT,
  COLUMN_START,
} Column;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  (void) factory;
  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) == COLUMN_START ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_TEXT)
    gtk_label_set_width_chars (GTK_LABEL (label), 16);
  if (GPOINTER_TO_INT (user_data) == COLUMN_START)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  PxAnnotation *a = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *start = NULL;
  g_autofree char *text = NULL;

  (void) factory;
  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_LABEL:
      if (px_annotation_get_status (a) == PX_ANNOTATION_SUGGESTED)
        /* Translators: a suggested annotation's label in the list; %s is the label */
        text = g_strdup_printf (_("%s (suggested)"), px_annotation_get_label_name (a));
      gtk_label_set_text (label, text != NULL ? text : px_annotation_get_label_name (a));
      break;
    case COLUMN_TEXT:
      gtk_label_set_text (label, px_annotation_get_text (a));
      break;
    case COLUMN_START:
      start = g_strdup_printf ("%" G_GSIZE_FORMAT, px_annotation_get_start (a));
      gtk_label_set_text (label, start);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_column (PxWorkspace *self,
            const char  *title,
            Column       column,
            const char  *property)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;
  GtkExpression *expr = gtk_property_expression_new (PX_TYPE_ANNOTATION, NULL, property);
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  if (column == COLUMN_START)
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expr));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (expr));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (col, sorter);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, column == COLUMN_TEXT);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (sorter);
  g_object_unref (col);
}

/* The template's annotation table: its model follows the shown article. */
static void
setup_annotation_list (PxWorkspace *self)
{
  self->sorted = gtk_sort_list_model_new (NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_column (self, _("Label"), COLUMN_LABEL, "label-name");
  add_column (self, _("Text"), COLUMN_TEXT, "text");
  add_column (self, _("Start"), COLUMN_START, "start");
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
  px_a11y_name_column_view (self->column_view, _("Annotations of this article"));
}

/* ---- GObject ------------------------------------------------------------- */

static void
px_workspace_dispose (GObject *object)
{
  PxWorkspace *self = PX_WORKSPACE (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_WORKSPACE);
  g_clear_handle_id (&self->list_scroll_id, g_source_remove);
  px_workspace_events_dispose (self);
  if (self->labels != NULL)
    g_signal_handlers_disconnect_by_data (self->labels, self);
  g_clear_object (&self->labels);
  g_clear_object (&self->annotations);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  g_clear_pointer (&self->lang, g_free);
  G_OBJECT_CLASS (px_workspace_parent_class)->dispose (object);
}

/* The page's keys are heard by its controllers only with the focus inside
 * it: the window focuses it when the page is shown. */
static gboolean
px_workspace_grab_focus (GtkWidget *widget)
{
  PxWorkspace *self = PX_WORKSPACE (widget);

  if (self->article_id == 0)
    return GTK_WIDGET_CLASS (px_workspace_parent_class)->grab_focus (widget);
  return gtk_widget_grab_focus (GTK_WIDGET (px_article_view_get_text_view (self->view)));
}

static void
px_workspace_class_init (PxWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_workspace_dispose;
  widget_class->grab_focus = px_workspace_grab_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pxworkspace");

  /* UI tests build this page without the application. */
  px_application_register_resources ();
  g_type_ensure (PX_TYPE_ARTICLE_HEADER);
  g_type_ensure (PX_TYPE_ARTICLE_VIEW);
  g_type_ensure (PX_TYPE_SUGGESTION_BAR);
  g_type_ensure (PX_TYPE_INSPECTOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/px-workspace.ui");
  gtk_widget_class_bind_template_child (widget_class, PxWorkspace, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PxWorkspace, stack);
  gtk_widget_class_bind_template_child (widget_class, PxWorkspace, palette);
  gtk_widget_class_bind_template_child (widget_class, PxWorkspace, header);
  gtk_widget_class_bind_template_child (widget_class, PxWorkspace, suggestion_bar);
  gtk_widget_class_bind_template_child (widget_class, PxWorkspace, view);
  gtk_widget_class_bind_template_child (widget_class, PxWorkspace, inspector);
  gtk_widget_class_bind_template_child (widget_class, PxWorkspace, column_view);

  /* The parameter is a label name (or id): the palette and the keys call
   * the very same action. "tag-exact" skips word snapping (Shift). */
  gtk_widget_class_install_action (widget_class, "workspace.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "workspace.tag-exact", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "workspace.delete", NULL, simple_action);
  gtk_widget_class_install_action (widget_class, "workspace.next", NULL, simple_action);
  gtk_widget_class_install_action (widget_class, "workspace.previous", NULL, simple_action);
  gtk_widget_class_install_action (widget_class, "workspace.cycle", NULL, simple_action);
  gtk_widget_class_install_action (widget_class, "workspace.toggle-done", NULL, simple_action);
  gtk_widget_class_install_action (widget_class, "workspace.undo", NULL, simple_action);
  gtk_widget_class_install_action (widget_class, "workspace.redo", NULL, simple_action);
  px_workspace_events_class_init (widget_class);
  px_workspace_suggest_class_init (widget_class);
}

static GSettings *
settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
px_workspace_init (PxWorkspace *self)
{
  self->settings = settings_if_installed ();
  px_workspace_events_init (self);
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_annotation_list (self);
  px_workspace_suggest_setup_bar (self);
  px_workspace_events_setup_side (self);
  g_signal_connect_object (px_article_view_get_buffer (self->view), "mark-set",
                           G_CALLBACK (on_mark_set), self, G_CONNECT_SWAPPED);
  add_key_controller (self);
  update_undo_actions (self);
}

/* ---- Public API ------------------------------------------------------------ */

GtkWidget *
px_workspace_new (void)
{
  return g_object_new (PX_TYPE_WORKSPACE, NULL);
}

void
px_workspace_set_store (PxWorkspace *self,
                        PxStore     *store)
{
  g_return_if_fail (PX_IS_WORKSPACE (self));
  g_return_if_fail (store == NULL || PX_IS_STORE (store));

  if (self->store == store)
    return;
  px_workspace_show_article (self, 0);
  if (self->labels != NULL)
    g_signal_handlers_disconnect_by_data (self->labels, self);
  g_clear_object (&self->labels);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      self->labels = px_store_list_labels (store);
      g_signal_connect_swapped (self->labels, "items-changed",
                                G_CALLBACK (on_labels_changed), self);
    }
  on_labels_changed (self);
  px_workspace_events_set_store (self);
}

static void
clear_article (PxWorkspace *self)
{
  self->article_id = 0;
  self->shown_annotation_id = 0;
  g_clear_object (&self->annotations);
  g_clear_pointer (&self->lang, g_free);
  gtk_sort_list_model_set_model (self->sorted, NULL);
  px_article_view_set_article (self->view, NULL, NULL);
  px_article_header_set_article_id (PX_ARTICLE_HEADER (self->header), 0);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  px_workspace_suggest_article_changed (self);
}

/* ICU compiles the match key's transliterator on first use, about 10 ms:
 * done while the first article sits on screen, not on the first label key. */
static gboolean
warm_up_match_key (gpointer data)
{
  g_autofree char *key = px_text_match_key ("Kouléba");

  (void) data;
  return G_SOURCE_REMOVE;
}

void
px_workspace_show_article (PxWorkspace *self,
                           gint64       article_id)
{
  static gsize warmed = 0;

  g_autoptr(GError) error = NULL;
  g_autoptr(PxArticle) article = NULL;
  const char *lang;

  g_return_if_fail (PX_IS_WORKSPACE (self));

  if (article_id == self->article_id)
    return;
  clear_article (self);
  if (article_id <= 0 || self->store == NULL)
    return;
  article = px_store_get_article (self->store, article_id, &error);
  if (article == NULL)
    {
      px_workspace_error (self, error);
      return;
    }
  self->article_id = article_id;
  px_article_header_set_article_id (PX_ARTICLE_HEADER (self->header), article_id);
  lang = px_article_get_language (article);
  self->lang = g_strdup (lang != NULL && *lang != '\0' ? lang : "und");
  self->annotations = px_store_list_annotations (self->store, article_id);
  px_article_view_set_article (self->view, px_article_get_text (article), self->annotations);
  gtk_sort_list_model_set_model (self->sorted, self->annotations);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->stack, "article");
  px_workspace_suggest_article_changed (self);
  if (g_once_init_enter (&warmed))
    {
      g_idle_add_full (G_PRIORITY_LOW, warm_up_match_key, NULL, NULL);
      g_once_init_leave (&warmed, 1);
    }
}

gint64
px_workspace_get_article_id (PxWorkspace *self)
{
  g_return_val_if_fail (PX_IS_WORKSPACE (self), 0);
  return self->article_id;
}

void
px_workspace_reveal_range (PxWorkspace *self,
                           gint64       article_id,
                           gsize        start,
                           gsize        end)
{
  g_return_if_fail (PX_IS_WORKSPACE (self));

  px_workspace_show_article (self, article_id);
  if (self->article_id != article_id)
    return;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  px_article_view_select_range (self->view, start, end);
  gtk_widget_grab_focus (GTK_WIDGET (px_article_view_get_text_view (self->view)));
}

GtkTextBuffer *
px_workspace_get_buffer (PxWorkspace *self)
{
  g_return_val_if_fail (PX_IS_WORKSPACE (self), NULL);
  return px_article_view_get_buffer (self->view);
}

/* The title and metadata above the text (PxArticleHeader); the window
 * gives it the corpus's editor. */
GtkWidget *
px_workspace_get_article_header (PxWorkspace *self)
{
  g_return_val_if_fail (PX_IS_WORKSPACE (self), NULL);
  return self->header;
}

void
px_workspace_set_editor (PxWorkspace *self,
                         PxEditor    *editor)
{
  g_return_if_fail (PX_IS_WORKSPACE (self));
  g_return_if_fail (editor == NULL || PX_IS_EDITOR (editor));

  if (self->editor == editor)
    return;
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_set_object (&self->editor, editor);
  px_inspector_set_editor (self->inspector, editor);
  if (editor != NULL)
    {
      g_signal_connect_object (editor, "notify::can-undo", G_CALLBACK (update_undo_actions),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (editor, "notify::can-redo", G_CALLBACK (update_undo_actions),
                               self, G_CONNECT_SWAPPED);
    }
  update_undo_actions (self);
}
