/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare-view.c: the Compare page.
 *
 * The story's articles are read from the store on the main thread into a
 * PxCompareInput (a copy), and the engine runs on it in a GTask thread; a
 * newer request cancels the older one. The result owns its input, and every
 * widget that points into either is rebuilt before the old result goes.
 */
#include <glib/gi18n.h>

#include "px-compare-view.h"
#include "px-compare-view-private.h"
#include "px-compare.h"
#include "px-compare-export.h"
#include "px-compare-pane.h"
#include "px-compare-tabs.h"
#include "px-coverage-chart.h"
#include "px-link-map.h"
#include "px-store-compare.h"

G_DEFINE_FINAL_TYPE (PxCompareView, px_compare_view, GTK_TYPE_WIDGET)

static void start_compare (PxCompareView *self);
static void set_busy      (PxCompareView *self,
                           gboolean       busy,
                           const char    *message);

/* ---- Panes ------------------------------------------------------------ */

static void
queue_draw_maps (PxCompareView *self)
{
  for (guint i = 0; i + 1 < self->n_panes; i++)
    gtk_widget_queue_draw (self->maps[i]);
}

static gboolean
sync_scroll_idle (gpointer data)
{
  PxCompareView *self = data;

  self->sync_id = 0;
  self->syncing = TRUE;
  for (guint i = 0; i < self->n_panes; i++)
    {
      GtkAdjustment *other = px_compare_pane_get_vadjustment (PX_COMPARE_PANE (self->panes[i]));

      if (other != self->sync_source)
        gtk_adjustment_set_value (other, self->sync_fraction * (gtk_adjustment_get_upper (other) -
                                                                gtk_adjustment_get_page_size (other)));
    }
  self->syncing = FALSE;
  queue_draw_maps (self);
  return G_SOURCE_REMOVE;
}

/* Keeps the other panes at the same relative position. Meld matches
 * chunks instead; with non-monotone alignment a proportional scroll keeps
 * bands short enough and never jumps backwards. The other panes follow
 * from an idle: a text view moves its adjustment while it lays itself out,
 * and moving the others then would have GTK paint them unallocated. */
static void
on_scrolled (GtkAdjustment *adj, PxCompareView *self)
{
  double range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

  queue_draw_maps (self);
  if (self->syncing || g_get_monotonic_time () < self->placed_until)
    return;
  self->sync_source = adj;
  self->sync_fraction = range > 0 ? gtk_adjustment_get_value (adj) / range : 0;
  if (self->sync_id == 0)
    self->sync_id = g_idle_add (sync_scroll_idle, self);
}

static void
select_sentence (PxCompareView *self, guint doc, guint index, gboolean scroll)
{
  const PxAlignSentence *s;

  if (self->result == NULL || doc >= self->n_panes || index >= self->result->alignment->sentences[doc]->len)
    return;
  s = &g_array_index (self->result->alignment->sentences[doc], PxAlignSentence, index);
  self->selected_doc = doc;
  self->selected_sentence = index;
  for (guint i = 0; i < self->n_panes; i++)
    px_compare_pane_clear_highlights (PX_COMPARE_PANE (self->panes[i]));
  px_compare_pane_highlight (PX_COMPARE_PANE (self->panes[doc]), index, FALSE);
  /* Text views scroll when they next lay out, after this returns: keep
   * the proportional sync from undoing the placement meanwhile. */
  self->placed_until = g_get_monotonic_time () + G_USEC_PER_SEC / 3;
  g_clear_handle_id (&self->sync_id, g_source_remove);
  self->syncing = TRUE;
  if (scroll)
    px_compare_pane_scroll_to (PX_COMPARE_PANE (self->panes[doc]), s->start, s->end, FALSE);
  for (guint p = 0; s->partners && p < s->partners->len; p++)
    {
      const PxAlignPartner *partner = &g_array_index (s->partners, PxAlignPartner, p);
      const PxAlignSentence *o = &g_array_index (self->result->alignment->sentences[partner->doc],
                                                 PxAlignSentence, partner->sentence);

      px_compare_pane_highlight (PX_COMPARE_PANE (self->panes[partner->doc]), partner->sentence, TRUE);
      px_compare_pane_scroll_to (PX_COMPARE_PANE (self->panes[partner->doc]), o->start, o->end, FALSE);
    }
  self->syncing = FALSE;
  for (guint i = 0; i + 1 < self->n_panes; i++)
    px_link_map_set_selected (PX_LINK_MAP (self->maps[i]), doc, index);
}

static gboolean
select_idle (gpointer data)
{
  PxCompareView *self = data;

  self->select_id = 0;
  select_sentence (self, self->pending_doc, self->pending_sentence, FALSE);
  return G_SOURCE_REMOVE;
}

/* After the click, not inside it: restyling and scrolling the other panes
 * while the text view still handles its own gesture made GTK snapshot
 * widgets it had not allocated yet. */
static void
on_sentence_activated (PxComparePane *pane, guint index, PxCompareView *self)
{
  self->pending_doc = px_compare_pane_get_doc (pane);
  self->pending_sentence = index;
  if (self->select_id == 0)
    self->select_id = g_idle_add (select_idle, self);
}

static void
reveal (guint doc, gsize start, gsize end, gpointer data)
{
  PxCompareView *self = data;

  if (doc >= self->n_panes)
    return;
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->stack), "texts");
  px_compare_pane_scroll_to (PX_COMPARE_PANE (self->panes[doc]), start, end, TRUE);
}

static PxLabel *
label_for_key (PxStore *store, const char *key)
{
  g_autoptr(GListModel) labels = px_store_list_labels (store);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (labels, i);
      const char *shortcut = px_label_get_shortcut (label);

      if (shortcut && g_ascii_strcasecmp (shortcut, key) == 0)
        return g_steal_pointer (&label);
    }
  return NULL;
}

/* The same keys as in the article view tag the selection, through the same
 * editor: the mention is linked to its entity, a trigger gets its event,
 * and Ctrl+Z takes it back. The store's "annotations-changed" then brings
 * a fresh comparison. */
static gboolean
on_annotate (PxComparePane *pane, guint start, guint end, const char *key, PxCompareView *self)
{
  const PxCompareArticle *a;
  g_autoptr(PxLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  gsize s = start, e = end;

  if (self->store == NULL || self->editor == NULL || self->result == NULL)
    return FALSE;
  if ((label = label_for_key (self->store, key)) == NULL)
    return FALSE;
  a = g_ptr_array_index (self->result->input->articles, px_compare_pane_get_doc (pane));
  if (!px_text_snap_to_words (a->text, a->language, &s, &e))
    return TRUE;
  if (px_editor_tag (self->editor, a->id, px_label_get_id (label), s, e, NULL, &error) == 0)
    set_busy (self, FALSE, error->message);
  return TRUE;
}

static void
clear_panes (PxCompareView *self)
{
  /* Unmapping a pane moves its adjustment: forget the panes and their maps
   * before they go, so that on_scrolled sees none of them half-freed. */
  for (guint d = 0; d < self->n_panes; d++)
    g_signal_handlers_disconnect_by_data (px_compare_pane_get_vadjustment (PX_COMPARE_PANE (self->panes[d])),
                                          self);
  self->n_panes = 0;
  memset (self->panes, 0, sizeof self->panes);
  memset (self->maps, 0, sizeof self->maps);
  px_compare_tabs_clear (self->panes_box);
  g_clear_handle_id (&self->sync_id, g_source_remove);
  self->sync_source = NULL;
}

static void
build_panes (PxCompareView *self, const PxCompareResult *r)
{
  clear_panes (self);
  for (guint d = 0; d < r->n_articles; d++)
    {
      GtkWidget *pane = px_compare_pane_new ();

      gtk_widget_set_hexpand (pane, TRUE);
      if (d > 0)
        {
          self->maps[d - 1] = px_link_map_new ();
          gtk_box_append (GTK_BOX (self->panes_box), self->maps[d - 1]);
        }
      gtk_box_append (GTK_BOX (self->panes_box), pane);
      px_compare_pane_set_article (PX_COMPARE_PANE (pane), g_ptr_array_index (r->input->articles, d),
                                   r->alignment, d);
      g_signal_connect (pane, "sentence-activated", G_CALLBACK (on_sentence_activated), self);
      g_signal_connect (pane, "annotate", G_CALLBACK (on_annotate), self);
      g_signal_connect (px_compare_pane_get_vadjustment (PX_COMPARE_PANE (pane)), "value-changed",
                        G_CALLBACK (on_scrolled), self);
      self->panes[d] = pane;
    }
  self->n_panes = r->n_articles;
  for (guint d = 1; d < self->n_panes; d++)
    px_link_map_set_panes (PX_LINK_MAP (self->maps[d - 1]), PX_COMPARE_PANE (self->panes[d - 1]),
                           PX_COMPARE_PANE (self->panes[d]), r->alignment);
  self->selected_doc = 0;
  self->selected_sentence = -1;
}

/* ---- Results ---------------------------------------------------------- */

void
px_compare_view_fill_matrix (PxCompareView *self)
{
  if (self->result == NULL)
    return;
  self->n_matrix_rows = px_compare_tabs_fill_matrix (GTK_GRID (self->matrix), GTK_LABEL (self->matrix_details),
                                                     self->result,
                                                     gtk_check_button_get_active (GTK_CHECK_BUTTON (self->only_differences)),
                                                     reveal, self);
}

/* When the same articles are compared again (after an annotation), each
 * pane's scroll position, so that the reader keeps their place. */
static gboolean
keep_scroll (PxCompareView *self, const PxCompareResult *result, double *scroll)
{
  if (self->result == NULL || self->n_panes != result->n_articles)
    return FALSE;
  for (guint d = 0; d < self->n_panes; d++)
    {
      const PxCompareArticle *a = g_ptr_array_index (self->result->input->articles, d);
      const PxCompareArticle *b = g_ptr_array_index (result->input->articles, d);

      if (a->id != b->id)
        return FALSE;
      scroll[d] = gtk_adjustment_get_value (px_compare_pane_get_vadjustment (PX_COMPARE_PANE (self->panes[d])));
    }
  return TRUE;
}

static void
show_result (PxCompareView *self, PxCompareResult *result)
{
  PxCompareResult *old = self->result;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  PxCompareSummary summaries[PX_ALIGN_MAX_DOCS];

  double scroll[PX_ALIGN_MAX_DOCS];
  gboolean same = keep_scroll (self, result, scroll);

  /* New widgets first: the old ones point into the old result. */
  self->result = result;
  build_panes (self, result);
  if (same)
    {
      self->placed_until = g_get_monotonic_time () + G_USEC_PER_SEC;
      for (guint d = 0; d < self->n_panes; d++)
        px_compare_pane_restore_scroll (PX_COMPARE_PANE (self->panes[d]), scroll[d]);
    }
  px_compare_view_fill_matrix (self);
  self->n_flagged = px_compare_tabs_fill_events (GTK_BOX (self->events_box), result, reveal, self);
  px_compare_tabs_fill_quotes (GTK_BOX (self->quotes_box), result, reveal, self);
  px_compare_tabs_fill_summary (GTK_GRID (self->summary_grid), result);
  for (guint a = 0; a < result->n_articles; a++)
    {
      g_ptr_array_add (names, px_compare_tabs_article_name (result, a));
      summaries[a] = result->summary[a];
    }
  g_ptr_array_add (names, NULL);
  px_coverage_chart_set_data (PX_COVERAGE_CHART (self->chart), (const char * const *) names->pdata,
                              summaries, result->n_articles);
  g_clear_pointer (&old, px_compare_result_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-difference", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous-difference", TRUE);
}

static void
set_busy (PxCompareView *self, gboolean busy, const char *message)
{
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_label_set_text (GTK_LABEL (self->status), message ? message : "");
}

static void
on_compared (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(PxCompareView) self = data;
  g_autoptr(GError) error = NULL;
  PxCompareResult *result = px_compare_run_finish (res, &error);

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_busy (self, FALSE, error->message);
      return;
    }
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (res))))
    {
      px_compare_result_free (result);
      return;
    }
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE, NULL);
  show_result (self, result);
}

static void
compare_ids (PxCompareView *self, const gint64 *ids, guint n)
{
  g_autoptr(GError) error = NULL;
  PxCompareInput *input;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    return;
  if (n < 2)
    {
      set_busy (self, FALSE, _("Pick at least two articles of the story."));
      return;
    }
  input = px_compare_input_load (self->store, ids, n, &error);
  if (input == NULL)
    {
      set_busy (self, FALSE, error->message);
      return;
    }
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE, _("Aligning…"));
  px_compare_run_async (input, self->cancellable, on_compared, g_object_ref (self));
}

static void
start_compare (PxCompareView *self)
{
  gint64 ids[PX_ALIGN_MAX_DOCS];
  guint n = 0;

  for (guint i = 0; i < self->checks->len && n < PX_ALIGN_MAX_DOCS; i++)
    if (gtk_check_button_get_active (self->checks->pdata[i]))
      ids[n++] = g_array_index (self->check_ids, gint64, i);
  compare_ids (self, ids, n);
}

/* ---- Story and article pickers ---------------------------------------- */

/* At most four articles: checking a fifth is refused. */
static void
on_check_toggled (GtkCheckButton *check, PxCompareView *self)
{
  guint n = 0;

  if (self->updating_checks)
    return;
  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (self->checks->pdata[i]);
  if (n > PX_ALIGN_MAX_DOCS)
    {
      self->updating_checks = TRUE;
      gtk_check_button_set_active (check, FALSE);
      self->updating_checks = FALSE;
      set_busy (self, FALSE, _("Compare at most four articles at a time."));
      return;
    }
  start_compare (self);
}

static void
rebuild_checks (PxCompareView *self)
{
  g_autoptr(GListModel) articles = NULL;

  px_compare_tabs_clear (self->article_box);
  g_ptr_array_set_size (self->checks, 0);
  g_array_set_size (self->check_ids, 0);
  if (self->store == NULL || self->story_id <= 0)
    return;
  articles = px_store_list_articles (self->store, self->story_id);
  self->updating_checks = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(PxArticle) a = g_list_model_get_item (articles, i);
      const char *label = px_article_get_source (a) ? px_article_get_source (a) : px_article_get_title (a);
      GtkWidget *check = gtk_check_button_new_with_label (label ? label : _("Untitled"));
      gint64 id = px_article_get_id (a);
      g_autofree char *tip = g_strdup_printf (_("Include “%s” in the comparison"),
                                              px_article_get_title (a) ? px_article_get_title (a) : "");

      gtk_widget_set_tooltip_text (check, tip);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i < PX_ALIGN_MAX_DOCS);
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
      gtk_box_append (GTK_BOX (self->article_box), check);
      g_ptr_array_add (self->checks, check);
      g_array_append_val (self->check_ids, id);
    }
  self->updating_checks = FALSE;
}

void
px_compare_view_on_story_selected (GObject       *dropdown,
                                   GParamSpec    *pspec,
                                   PxCompareView *self)
{
  guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  if (pos == GTK_INVALID_LIST_POSITION || pos >= self->story_ids->len)
    return;
  if (g_array_index (self->story_ids, gint64, pos) == self->story_id)
    return;
  self->story_id = g_array_index (self->story_ids, gint64, pos);
  rebuild_checks (self);
  start_compare (self);
}

static void
reload_stories (PxCompareView *self)
{
  g_autoptr(GListModel) stories = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->story_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_array_set_size (self->story_ids, 0);
  if (self->store)
    {
      stories = px_store_list_stories (self->store);
      for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
        {
          g_autoptr(PxStory) s = g_list_model_get_item (stories, i);
          gint64 id = px_story_get_id (s);

          g_ptr_array_add (names, g_strdup (px_story_get_name (s)));
          g_array_append_val (self->story_ids, id);
        }
    }
  g_ptr_array_add (names, NULL);
  g_signal_handlers_block_by_func (self->story_dropdown, px_compare_view_on_story_selected, self);
  gtk_string_list_splice (self->story_names, 0, n_old, (const char * const *) names->pdata);
  /* No story picked yet: show none rather than the first, so that picking
   * the first one is a change. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->story_dropdown), GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < self->story_ids->len; i++)
    if (g_array_index (self->story_ids, gint64, i) == self->story_id)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->story_dropdown), i);
  g_signal_handlers_unblock_by_func (self->story_dropdown, px_compare_view_on_story_selected, self);
}

/* ---- Actions ---------------------------------------------------------- */

/* The next sentence, after the selected one, that is not shared by all:
 * walking pane by pane, so Alt+Down visits every difference once. */
static void
step_difference (PxCompareView *self, int direction)
{
  int doc = MAX (self->selected_doc, 0), index = self->selected_sentence;
  guint total = 0;

  if (self->result == NULL || self->n_panes == 0)
    return;
  for (guint d = 0; d < self->n_panes; d++)
    total += self->result->alignment->sentences[d]->len;
  /* Every sentence and every turn from one pane to the next, once. */
  for (guint steps = 0; steps <= total + self->n_panes; steps++)
    {
      GArray *sents = self->result->alignment->sentences[doc];

      index += direction;
      if (index < 0 || index >= (int) sents->len)
        {
          doc = (doc + direction + self->n_panes) % self->n_panes;
          sents = self->result->alignment->sentences[doc];
          index = direction > 0 ? -1 : (int) sents->len;
          continue;
        }
      if (g_array_index (sents, PxAlignSentence, index).status != PX_ALIGN_SHARED)
        {
          adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->stack), "texts");
          select_sentence (self, doc, index, TRUE);
          return;
        }
    }
}

static void
next_difference (GtkWidget *widget, const char *action, GVariant *param)
{
  step_difference (PX_COMPARE_VIEW (widget), +1);
}

static void
previous_difference (GtkWidget *widget, const char *action, GVariant *param)
{
  step_difference (PX_COMPARE_VIEW (widget), -1);
}

static void
on_export_response (GtkNativeDialog *dialog, int response, PxCompareView *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) &&
      (path = g_file_get_path (folder)))
    px_compare_view_export (self, path, NULL);
  g_object_unref (dialog);
}

static void
export_csv (GtkWidget *widget, const char *action, GVariant *param)
{
  PxCompareView *self = PX_COMPARE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_file_chooser_native_new (_("Export Comparison"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), _("_Cancel"));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
px_compare_view_dispose (GObject *object)
{
  PxCompareView *self = PX_COMPARE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->select_id, g_source_remove);
  g_clear_handle_id (&self->sync_id, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->editor);
  /* The panes point into the result: they go first, and quietly. */
  if (self->root)
    clear_panes (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_COMPARE_VIEW);
  g_clear_pointer (&self->result, px_compare_result_free);
  G_OBJECT_CLASS (px_compare_view_parent_class)->dispose (object);
}

static void
px_compare_view_finalize (GObject *object)
{
  PxCompareView *self = PX_COMPARE_VIEW (object);

  g_clear_pointer (&self->story_ids, g_array_unref);
  g_clear_pointer (&self->check_ids, g_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (px_compare_view_parent_class)->finalize (object);
}

static void
px_compare_view_class_init (PxCompareViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_compare_view_dispose;
  G_OBJECT_CLASS (klass)->finalize = px_compare_view_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  px_compare_view_class_init_template (widget_class);
  gtk_widget_class_install_action (widget_class, "compare.next-difference", NULL, next_difference);
  gtk_widget_class_install_action (widget_class, "compare.previous-difference", NULL, previous_difference);
  gtk_widget_class_install_action (widget_class, "compare.export", NULL, export_csv);
}

/* Alt+Down and Alt+Up work wherever the focus is while the page shows (it
 * often stays on the header bar after Alt+2): a global shortcut is only
 * run while its widget is mapped, so it is idle on the other pages. */
static void
add_difference_shortcuts (PxCompareView *self)
{
  GtkEventController *ctl = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (ctl), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (ctl),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                                          gtk_named_action_new ("compare.next-difference")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (ctl),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                                          gtk_named_action_new ("compare.previous-difference")));
  gtk_widget_add_controller (GTK_WIDGET (self), ctl);
}

static void
px_compare_view_init (PxCompareView *self)
{
  self->story_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->check_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_ptr_array_new ();
  self->selected_sentence = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  px_compare_view_setup_widgets (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-difference", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous-difference", FALSE);
  add_difference_shortcuts (self);
}

/* ---- Public ----------------------------------------------------------- */

GtkWidget *
px_compare_view_new (void)
{
  return g_object_new (PX_TYPE_COMPARE_VIEW, NULL);
}

static void
on_stories_changed (PxStore *store, PxCompareView *self)
{
  reload_stories (self);
}

static gboolean
refresh_idle (gpointer data)
{
  PxCompareView *self = data;
  gint64 ids[PX_ALIGN_MAX_DOCS];
  guint n = 0;

  self->refresh_id = 0;
  if (self->result == NULL)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < self->result->input->articles->len && n < PX_ALIGN_MAX_DOCS; i++)
    ids[n++] = ((PxCompareArticle *) g_ptr_array_index (self->result->input->articles, i))->id;
  compare_ids (self, ids, n);
  return G_SOURCE_REMOVE;
}

/* Annotations, entity links and events feed the comparison: redo it, once
 * per burst of changes, when they touch a compared article. */
static void
on_article_changed (PxStore *store, gint64 article_id, PxCompareView *self)
{
  gboolean ours = article_id <= 0;

  for (guint i = 0; self->result && !ours && i < self->result->input->articles->len; i++)
    ours = ((PxCompareArticle *) g_ptr_array_index (self->result->input->articles, i))->id == article_id;
  if (ours && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
on_entities_changed (PxStore *store, PxCompareView *self)
{
  on_article_changed (store, 0, self);
}

void
px_compare_view_set_store (PxCompareView *self,
                           PxStore       *store)
{
  g_return_if_fail (PX_IS_COMPARE_VIEW (self));

  if (self->store == store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store)
    {
      g_signal_connect (store, "stories-changed", G_CALLBACK (on_stories_changed), self);
      g_signal_connect (store, "annotations-changed", G_CALLBACK (on_article_changed), self);
      g_signal_connect (store, "events-changed", G_CALLBACK (on_article_changed), self);
      g_signal_connect (store, "entities-changed", G_CALLBACK (on_entities_changed), self);
    }
  self->story_id = 0;
  reload_stories (self);
  rebuild_checks (self);
}

void
px_compare_view_set_editor (PxCompareView *self,
                            PxEditor      *editor)
{
  g_return_if_fail (PX_IS_COMPARE_VIEW (self));
  g_set_object (&self->editor, editor);
}

void
px_compare_view_set_story (PxCompareView *self,
                           gint64         story_id)
{
  g_return_if_fail (PX_IS_COMPARE_VIEW (self));

  self->story_id = story_id;
  reload_stories (self);
  rebuild_checks (self);
  start_compare (self);
}

void
px_compare_view_set_articles (PxCompareView *self,
                              const gint64  *ids,
                              guint          n)
{
  g_return_if_fail (PX_IS_COMPARE_VIEW (self));

  self->updating_checks = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    {
      gboolean on = FALSE;

      for (guint k = 0; k < n; k++)
        on |= g_array_index (self->check_ids, gint64, i) == ids[k];
      gtk_check_button_set_active (self->checks->pdata[i], on);
    }
  self->updating_checks = FALSE;
  compare_ids (self, ids, n);
}

gboolean
px_compare_view_is_ready (PxCompareView *self)
{
  return self->result != NULL && self->cancellable == NULL;
}

guint
px_compare_view_get_n_bands (PxCompareView *self)
{
  guint n = 0;

  for (guint i = 0; i + 1 < self->n_panes; i++)
    n += px_link_map_get_n_bands (PX_LINK_MAP (self->maps[i]));
  return n;
}

/* Wedges drawn for links between panes that are not neighbours. */
guint
px_compare_view_get_n_far_drawn (PxCompareView *self)
{
  guint n = 0;

  for (guint i = 0; i + 1 < self->n_panes; i++)
    n += px_link_map_get_n_far_drawn (PX_LINK_MAP (self->maps[i]));
  return n;
}

guint
px_compare_view_get_n_matrix_rows (PxCompareView *self)
{
  return self->n_matrix_rows;
}

guint
px_compare_view_get_n_flagged_conflicts (PxCompareView *self)
{
  return self->n_flagged;
}

gboolean
px_compare_view_export (PxCompareView  *self,
                        const char     *dir,
                        GError        **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *msg = NULL;

  g_return_val_if_fail (PX_IS_COMPARE_VIEW (self), FALSE);

  if (self->result == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s", _("Nothing is compared yet"));
      return FALSE;
    }
  if (!px_compare_export_csv (self->result->input, self->result, dir, &local))
    {
      set_busy (self, FALSE, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  msg = g_strdup_printf (_("Exported four CSV files to %s"), dir);
  set_busy (self, FALSE, msg);
  return TRUE;
}

gboolean
px_compare_view_get_selected (PxCompareView *self,
                              guint         *doc,
                              guint         *sentence)
{
  g_return_val_if_fail (PX_IS_COMPARE_VIEW (self), FALSE);

  if (self->result == NULL || self->selected_sentence < 0)
    return FALSE;
  *doc = self->selected_doc;
  *sentence = self->selected_sentence;
  return TRUE;
}

void
px_compare_view_set_only_differences (PxCompareView *self,
                                      gboolean       only)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->only_differences), only);
}
