/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare-pane.c: one article's text, tinted by alignment status.
 *
 * Emits "sentence-activated" (guint index) when the user clicks a sentence,
 * and "annotate" (guint start, guint end, const char *key) when the user
 * presses a label key over a selection, as in the article view.
 */
#include <glib/gi18n.h>

#include "px-compare-pane.h"

struct _PxComparePane
{
  GtkWidget          parent_instance;
  GtkWidget         *box;
  GtkWidget         *title;
  GtkWidget         *scroller;
  GtkWidget         *text_view;
  GtkWidget         *overview;
  const PxAlignment *alignment;
  guint              doc;
  gint64             article_id;
  double             restore_value;
  guint              restore_frames;
  GtkTextTag        *status_tags[3];
  GtkTextTag        *selected_tag;
  GtkTextTag        *partner_tag;
};

G_DEFINE_FINAL_TYPE (PxComparePane, px_compare_pane, GTK_TYPE_WIDGET)

enum { SENTENCE_ACTIVATED, ANNOTATE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Tints readable in both light and dark styles: low alpha over the view's
 * own background. Red is kept for conflicts: a sentence only one outlet has
 * is news, not an error, so it is blue, as Meld marks an insertion. */
static const char *status_colours[3][2] = {
  { "rgba(53,132,228,0.18)", "rgba(53,132,228,0.85)" },   /* unique */
  { "rgba(229,165,10,0.24)", "rgba(229,165,10,0.85)" },   /* partial */
  { "rgba(46,194,126,0.16)", "rgba(46,194,126,0.85)" },   /* shared */
};

void
px_compare_pane_status_colour (PxAlignStatus status,
                               gboolean      strong,
                               GdkRGBA      *out)
{
  gdk_rgba_parse (out, status_colours[CLAMP ((int) status, 0, 2)][strong ? 1 : 0]);
}

static GtkTextBuffer *
buffer (PxComparePane *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

static const PxAlignSentence *
sentence (PxComparePane *self, guint i)
{
  GArray *s = self->alignment->sentences[self->doc];

  return i < s->len ? &g_array_index (s, PxAlignSentence, i) : NULL;
}

/* A label key (a digit or a letter, no Ctrl/Alt) over a selection asks the
 * view to annotate it; the view knows the store and the label shortcuts. */
static gboolean
on_key (GtkEventControllerKey *ctl, guint keyval, guint keycode, GdkModifierType state,
        PxComparePane *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  GtkTextIter a, b;
  char key[8] = { 0 };
  gboolean handled = FALSE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) || !g_unichar_isalnum (c))
    return FALSE;
  if (!gtk_text_buffer_get_selection_bounds (buffer (self), &a, &b))
    return FALSE;
  g_unichar_to_utf8 (c, key);
  g_signal_emit (self, signals[ANNOTATE], 0, (guint) gtk_text_iter_get_offset (&a),
                 (guint) gtk_text_iter_get_offset (&b), key, &handled);
  return handled;
}

static void
on_click (GtkGestureClick *gesture, int n_press, double x, double y, PxComparePane *self)
{
  GtkTextIter iter;
  int bx, by, index;

  if (self->alignment == NULL)
    return;
  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->text_view), &iter, bx, by);
  index = px_alignment_sentence_at (self->alignment, self->doc, gtk_text_iter_get_offset (&iter));
  if (index >= 0)
    g_signal_emit (self, signals[SENTENCE_ACTIVATED], 0, (guint) index);
}

/* The height the strip stands for: the whole text, or the view when the
 * text is shorter, so that marks sit beside their sentences then. */
static double
overview_scale (PxComparePane *self, int height)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));

  return MAX (gtk_adjustment_get_upper (adj), (double) MAX (height, 1));
}

/* Where code point @offset sits, in buffer pixels, without laying the text
 * out: the paragraph's known (or estimated) extent, shared out by
 * characters. Laying out a long article at every redraw would stall it. */
static double
offset_y (PxComparePane *self, gsize offset)
{
  GtkTextIter it;
  int y, h, chars;

  gtk_text_buffer_get_iter_at_offset (buffer (self), &it, offset);
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self->text_view), &it, &y, &h);
  chars = gtk_text_iter_get_chars_in_line (&it);
  return y + (chars > 0 ? (double) gtk_text_iter_get_line_offset (&it) / chars * h : 0);
}

/* The overview strip: one mark per sentence that is not shared, placed where
 * it sits in the text, and a frame around what the pane shows, so the
 * differences show before scrolling to them. */
static void
draw_overview (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PxComparePane *self = data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double scale;

  if (self->alignment == NULL)
    return;
  scale = height / overview_scale (self, height);
  for (guint i = 0; i < self->alignment->sentences[self->doc]->len; i++)
    {
      const PxAlignSentence *s = sentence (self, i);
      double y0, y1;
      GdkRGBA c;

      if (s->status == PX_ALIGN_SHARED)
        continue;
      y0 = offset_y (self, s->start);
      y1 = offset_y (self, s->end);
      px_compare_pane_status_colour (s->status, TRUE, &c);
      gdk_cairo_set_source_rgba (cr, &c);
      cairo_rectangle (cr, 1, y0 * scale, width - 2, MAX (2, (y1 - y0) * scale));
      cairo_fill (cr);
    }
  if (gtk_adjustment_get_page_size (adj) < gtk_adjustment_get_upper (adj))
    {
      cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.8);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, 0.5, gtk_adjustment_get_value (adj) * scale + 0.5, width - 1,
                       gtk_adjustment_get_page_size (adj) * scale - 1);
      cairo_stroke (cr);
    }
}

/* The text view measures its lines over several frames, and the
 * adjustment's upper grows as it does: keep setting the value until it
 * fits, for at most a second. */
static gboolean
restore_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  PxComparePane *self = PX_COMPARE_PANE (widget);
  GtkAdjustment *adj = px_compare_pane_get_vadjustment (self);

  gtk_adjustment_set_value (adj, self->restore_value);
  if (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) >= self->restore_value ||
      ++self->restore_frames >= 60)
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

void
px_compare_pane_restore_scroll (PxComparePane *self,
                                double         value)
{
  g_return_if_fail (PX_IS_COMPARE_PANE (self));

  self->restore_value = value;
  self->restore_frames = 0;
  gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_tick, NULL, NULL);
}

/* A click on the overview strip centres the text on that point. */
static void
on_overview_click (GtkGestureClick *gesture, int n_press, double x, double y, PxComparePane *self)
{
  int height = gtk_widget_get_height (self->overview);
  GtkAdjustment *adj = px_compare_pane_get_vadjustment (self);

  if (height <= 0)
    return;
  gtk_adjustment_set_value (adj, CLAMP (y / height, 0, 1) * overview_scale (self, height) -
                                 gtk_adjustment_get_page_size (adj) / 2);
}

static void
px_compare_pane_dispose (GObject *object)
{
  PxComparePane *self = PX_COMPARE_PANE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (px_compare_pane_parent_class)->dispose (object);
}

static void
px_compare_pane_class_init (PxComparePaneClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = px_compare_pane_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  signals[ANNOTATE] = g_signal_new ("annotate", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_BOOLEAN, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);
  signals[SENTENCE_ACTIVATED] = g_signal_new ("sentence-activated", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
make_tags (PxComparePane *self)
{
  for (guint i = 0; i < 3; i++)
    self->status_tags[i] = gtk_text_buffer_create_tag (buffer (self), NULL, "background",
                                                       status_colours[i][0], NULL);
  /* Underlines only: a bolder weight would reflow the paragraph and move
   * the bands' ends under the user's eyes. */
  self->partner_tag = gtk_text_buffer_create_tag (buffer (self), NULL, "underline",
                                                  PANGO_UNDERLINE_SINGLE, NULL);
  self->selected_tag = gtk_text_buffer_create_tag (buffer (self), NULL, "underline",
                                                   PANGO_UNDERLINE_DOUBLE, NULL);
}

static void
px_compare_pane_init (PxComparePane *self)
{
  GtkWidget *row;
  GtkGesture *click;
  GtkEventController *key;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->title = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->title, "heading");
  gtk_box_append (GTK_BOX (self->box), self->title);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (row, TRUE);
  gtk_box_append (GTK_BOX (self->box), row);
  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self->text_view), 2);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->text_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (self->scroller, TRUE);
  gtk_box_append (GTK_BOX (row), self->scroller);
  self->overview = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->overview), 8);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->overview), draw_overview, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Where this article differs"), -1);
  gtk_widget_set_tooltip_text (self->overview, _("Blue: only this article; yellow: in part elsewhere. "
                                                 "Click to go there"));
  g_signal_connect_object (px_compare_pane_get_vadjustment (self), "changed",
                           G_CALLBACK (gtk_widget_queue_draw), self->overview, G_CONNECT_SWAPPED);
  g_signal_connect_object (px_compare_pane_get_vadjustment (self), "value-changed",
                           G_CALLBACK (gtk_widget_queue_draw), self->overview, G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_overview_click), self);
  gtk_widget_add_controller (self->overview, GTK_EVENT_CONTROLLER (click));
  gtk_box_append (GTK_BOX (row), self->overview);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (key, "px-compare-keys");
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (self->text_view, key);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (self->text_view, GTK_EVENT_CONTROLLER (click));
  make_tags (self);
}

GtkWidget *
px_compare_pane_new (void)
{
  return g_object_new (PX_TYPE_COMPARE_PANE, NULL);
}

static void
apply_range_tag (PxComparePane *self, GtkTextTag *tag, gsize start, gsize end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer (self), &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer (self), &b, end);
  gtk_text_buffer_apply_tag (buffer (self), tag, &a, &b);
}

void
px_compare_pane_set_article (PxComparePane          *self,
                             const PxCompareArticle *article,
                             const PxAlignment      *alignment,
                             guint                   doc)
{
  g_autofree char *title = NULL;
  g_autofree char *a11y = NULL;

  g_return_if_fail (PX_IS_COMPARE_PANE (self));

  self->alignment = alignment;
  self->doc = doc;
  self->article_id = article->id;
  title = g_strdup_printf ("%s — %s", article->source ? article->source : _("Unknown outlet"),
                           article->published ? article->published : _("undated"));
  gtk_label_set_text (GTK_LABEL (self->title), title);
  gtk_widget_set_tooltip_text (self->title, article->title);
  gtk_text_buffer_set_text (buffer (self), article->text, -1);
  for (guint i = 0; alignment && i < alignment->sentences[doc]->len; i++)
    {
      const PxAlignSentence *s = &g_array_index (alignment->sentences[doc], PxAlignSentence, i);

      apply_range_tag (self, self->status_tags[s->status], s->start, s->end);
    }
  a11y = g_strdup_printf (_("Text of %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  a11y, -1);
  gtk_widget_queue_draw (self->overview);
}

GtkTextView *
px_compare_pane_get_text_view (PxComparePane *self)
{
  return GTK_TEXT_VIEW (self->text_view);
}

const PxAlignment *
px_compare_pane_get_alignment (PxComparePane *self)
{
  return self->alignment;
}

gint64
px_compare_pane_get_article_id (PxComparePane *self)
{
  return self->article_id;
}

GtkAdjustment *
px_compare_pane_get_vadjustment (PxComparePane *self)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
}

guint
px_compare_pane_get_doc (PxComparePane *self)
{
  return self->doc;
}

/* From buffer coordinates to @target's, through the text view's widget
 * coordinates. */
static double
buffer_y_to (PxComparePane *self, int by, GtkWidget *target)
{
  int wx, wy;
  double tx = 0, ty = 0;

  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_WIDGET,
                                         0, by, &wx, &wy);
  if (!gtk_widget_translate_coordinates (self->text_view, target, wx, wy, &tx, &ty))
    return wy;
  return ty;
}

gboolean
px_compare_pane_sentence_extent (PxComparePane *self,
                                 guint          index,
                                 GtkWidget     *target,
                                 double        *top,
                                 double        *bottom)
{
  const PxAlignSentence *s;
  GtkTextIter a, b;
  GdkRectangle ra, rb, visible;
  double rough_top, rough_bottom;

  if (self->alignment == NULL || (s = sentence (self, index)) == NULL)
    return FALSE;
  /* Far from the screen, the paragraph's estimate is enough for a band that
   * will not be drawn; exact positions would lay out a long text in full. */
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->text_view), &visible);
  rough_top = offset_y (self, s->start);
  rough_bottom = offset_y (self, s->end);
  if (rough_bottom < visible.y - visible.height || rough_top > visible.y + 2 * visible.height)
    {
      *top = buffer_y_to (self, rough_top, target);
      *bottom = buffer_y_to (self, rough_bottom, target);
      return TRUE;
    }
  gtk_text_buffer_get_iter_at_offset (buffer (self), &a, s->start);
  gtk_text_buffer_get_iter_at_offset (buffer (self), &b, s->end > s->start ? s->end - 1 : s->end);
  /* Character rectangles, not paragraph lines: a sentence is often only
   * part of its paragraph. */
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->text_view), &a, &ra);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->text_view), &b, &rb);
  *top = buffer_y_to (self, ra.y, target);
  *bottom = buffer_y_to (self, rb.y + rb.height, target);
  return TRUE;
}

void
px_compare_pane_clear_highlights (PxComparePane *self)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (buffer (self), &a, &b);
  gtk_text_buffer_remove_tag (buffer (self), self->selected_tag, &a, &b);
  gtk_text_buffer_remove_tag (buffer (self), self->partner_tag, &a, &b);
}

void
px_compare_pane_highlight (PxComparePane *self,
                           int            index,
                           gboolean       partner)
{
  const PxAlignSentence *s;

  if (index < 0 || self->alignment == NULL || (s = sentence (self, index)) == NULL)
    return;
  apply_range_tag (self, partner ? self->partner_tag : self->selected_tag, s->start, s->end);
}

void
px_compare_pane_scroll_to (PxComparePane *self,
                           gsize          start,
                           gsize          end,
                           gboolean       select)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer (self), &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer (self), &b, end);
  if (select)
    gtk_text_buffer_select_range (buffer (self), &a, &b);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->text_view), &a, 0.05, TRUE, 0, 0.2);
}

int
px_compare_pane_top_sentence (PxComparePane *self)
{
  GdkRectangle visible;
  GtkTextIter iter;

  if (self->alignment == NULL)
    return -1;
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->text_view), &visible);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->text_view), &iter, 0, visible.y);
  return px_alignment_sentence_at (self->alignment, self->doc, gtk_text_iter_get_offset (&iter));
}
