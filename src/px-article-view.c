/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-article-view.c: the article text with annotations as text tags.
 *
 * Tagging every annotation of a long article would make opening it (and
 * every change) cost as much as the whole text. Instead the tags cover only
 * a window of text around what is on screen, and the window moves when the
 * view scrolls or resizes. */
#include "px-article-view.h"
#include "px-test-hooks.h"

#include <glib/gi18n.h>
#include <string.h>

/* Characters styled on either side of the visible text, so that ordinary
 * scrolling seldom needs a restyle. */
#define STYLE_MARGIN 6000

typedef struct
{
  guint    start;
  guint    end;
  gint64   label_id;
  gboolean suggested;
} Span;

struct _PxArticleView
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;
  char          *text;
  GListModel    *annotations;
  GArray        *spans;       /* Span, in the annotations' order (by start) */
  guint          max_span;    /* longest span, bounds the search */
  int            styled_start;/* -1: nothing styled */
  int            styled_end;
  guint          n_styled;
  guint          restyle_id;
  guint          reveal_tick_id;   /* chasing a far mark, see reveal_tick() */
  guint          reveal_tries;
  guint          reveal_steady;    /* frames in a row with the mark on screen */
  GArray        *highlights;  /* gsize start, end pairs: the selected event's arguments */
};

G_DEFINE_FINAL_TYPE (PxArticleView, px_article_view, GTK_TYPE_WIDGET)

/* ---- Tags ---------------------------------------------------------------- */

/* Each label has three tags: plain, suggested (faded, wavy underline) and
 * argument (the selected event's arguments: a fill twice as strong).
 * Arguments get a tag of their own rather than a highlight tag over the
 * label's, and the look is a fill only: in GTK 4.8's text view a tag's
 * underline or text colour added after the first layout shows on some
 * spans and not others, an overline crashes it, and changing tag
 * priorities while tags are applied garbles the layout; fills are always
 * drawn. */
typedef enum
{
  LOOK_PLAIN,
  LOOK_SUGGESTED,
  LOOK_ARGUMENT,
} Look;

static char *
tag_name (gint64 label_id,
          Look   look)
{
  static const char *const suffix[] = { "", "-suggested", PX_ARTICLE_VIEW_ARGUMENT_SUFFIX };

  return g_strdup_printf ("px-label-%" G_GINT64_FORMAT "%s", label_id, suffix[look]);
}

static void
update_tag (PxArticleView *self,
            PxLabel       *label,
            Look           look)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  g_autofree char *name = tag_name (px_label_get_id (label), look);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
  gboolean event = px_label_get_kind (label) == PX_LABEL_EVENT;
  PangoUnderline underline = PANGO_UNDERLINE_NONE;
  GdkRGBA colour;

  if (!gdk_rgba_parse (&colour, px_label_get_colour (label)))
    gdk_rgba_parse (&colour, "#c0bfbc");
  colour.alpha = look == LOOK_SUGGESTED ? 0.15 : look == LOOK_ARGUMENT ? 0.8 : 0.35;
  if (event)
    underline = PANGO_UNDERLINE_SINGLE;
  else if (look == LOOK_SUGGESTED)
    underline = PANGO_UNDERLINE_ERROR;
  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (self->buffer, name, NULL);
  g_object_set (tag,
                "background-rgba", &colour,
                "underline", underline,
                "weight", event ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                NULL);
  /* Events lie above entities, so that a trigger inside a name still shows. */
  if (event)
    gtk_text_tag_set_priority (tag, gtk_text_tag_table_get_size (table) - 1);
}

static gboolean
is_highlighted (PxArticleView *self,
                guint          start,
                guint          end)
{
  for (guint i = 0; i + 1 < self->highlights->len; i += 2)
    if (g_array_index (self->highlights, gsize, i) == start
        && g_array_index (self->highlights, gsize, i + 1) == end)
      return TRUE;
  return FALSE;
}

/* ---- Styling ------------------------------------------------------------ */

static void
unstyle (PxArticleView *self)
{
  GtkTextIter a, b;

  if (self->styled_start < 0)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, self->styled_start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, self->styled_end);
  gtk_text_buffer_remove_all_tags (self->buffer, &a, &b);
  self->styled_start = self->styled_end = -1;
  self->n_styled = 0;
}

/* First span whose start is >= @offset. */
static guint
lower_bound (GArray *spans,
             guint   offset)
{
  guint lo = 0, hi = spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (spans, Span, mid).start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Tags the annotations that meet [start, end), cut to that range so that
 * unstyle() finds every tag inside it. */
static void
apply_spans (PxArticleView *self,
             guint          start,
             guint          end)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  guint from = start > self->max_span ? start - self->max_span : 0;

  for (guint i = lower_bound (self->spans, from); i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      g_autofree char *name = NULL;
      GtkTextTag *tag;
      GtkTextIter a, b;

      if (span->start >= end)
        break;
      if (span->end <= start)
        continue;
      name = tag_name (span->label_id,
                       span->suggested ? LOOK_SUGGESTED
                       : is_highlighted (self, span->start, span->end) ? LOOK_ARGUMENT : LOOK_PLAIN);
      tag = gtk_text_tag_table_lookup (table, name);
      if (tag == NULL)
        continue;
      gtk_text_buffer_get_iter_at_offset (self->buffer, &a, MAX (span->start, start));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &b, MIN (span->end, end));
      gtk_text_buffer_apply_tag (self->buffer, tag, &a, &b);
    }
}

/* How many spans meet the styled window. */
static guint
count_styled (PxArticleView *self)
{
  guint start = (guint) self->styled_start, end = (guint) self->styled_end;
  guint from = start > self->max_span ? start - self->max_span : 0;
  guint n = 0;

  if (self->styled_start < 0)
    return 0;
  for (guint i = lower_bound (self->spans, from); i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if (span->start >= end)
        break;
      n += span->end > start;
    }
  return n;
}

static void
style_range (PxArticleView *self,
             int            start,
             int            end)
{
  unstyle (self);
  self->styled_start = start;
  self->styled_end = end;
  apply_spans (self, (guint) start, (guint) end);
  self->n_styled = count_styled (self);
}

/* Restyles only [start, end) of the styled window. Retagging the whole
 * window after one edit made GTK lay out its 12,000 characters again;
 * this way only the edited lines are. */
static void
restyle_part (PxArticleView *self,
              guint          start,
              guint          end)
{
  GtkTextIter a, b;

  if (self->styled_start < 0)
    return;
  start = MAX (start, (guint) self->styled_start);
  end = MIN (end, (guint) self->styled_end);
  if (start >= end)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, (int) start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, (int) end);
  gtk_text_buffer_remove_all_tags (self->buffer, &a, &b);
  apply_spans (self, start, end);
  self->n_styled = count_styled (self);
}

static void
visible_range (PxArticleView *self,
               int           *start,
               int           *end)
{
  GdkRectangle rect;
  GtkTextIter a, b;
  int n = gtk_text_buffer_get_char_count (self->buffer);

  gtk_text_view_get_visible_rect (self->text_view, &rect);
  gtk_text_view_get_iter_at_location (self->text_view, &a, rect.x, rect.y);
  gtk_text_view_get_iter_at_location (self->text_view, &b, rect.x + rect.width,
                                      rect.y + rect.height);
  *start = MAX (0, gtk_text_iter_get_offset (&a) - STYLE_MARGIN);
  *end = MIN (n, gtk_text_iter_get_offset (&b) + STYLE_MARGIN);
  /* While far lines are still unmeasured, a screen can map to a vast range
   * of text for a frame or two; no screen shows more than this. */
  *end = MIN (*end, *start + 10 * STYLE_MARGIN);
}

/* @force: the annotations or labels changed, so restyle even when the
 * visible text is already covered. */
static void
restyle (PxArticleView *self,
         gboolean       force)
{
  int start, end;

  if (self->annotations == NULL)
    return;
  visible_range (self, &start, &end);
  if (!force && self->styled_start >= 0
      && start >= self->styled_start && end <= self->styled_end)
    return;
  style_range (self, start, end);
}

static gboolean
restyle_idle (gpointer data)
{
  PxArticleView *self = data;

  self->restyle_id = 0;
  restyle (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
queue_restyle (PxArticleView *self)
{
  if (self->restyle_id == 0)
    self->restyle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, restyle_idle, self, NULL);
}

static Span
span_of (PxAnnotation *a)
{
  Span span = {
    (guint) px_annotation_get_start (a),
    (guint) px_annotation_get_end (a),
    px_annotation_get_label_id (a),
    px_annotation_get_status (a) == PX_ANNOTATION_SUGGESTED,
  };

  return span;
}

static void
rebuild_spans (PxArticleView *self)
{
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;

  g_array_set_size (self->spans, 0);
  self->max_span = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, i);
      Span span = span_of (a);

      self->max_span = MAX (self->max_span, span.end - span.start);
      g_array_append_val (self->spans, span);
    }
}

/* Spans mirror the model row for row, so a change of a few rows (one tag,
 * one undo) is spliced in, and only the text those rows cover is
 * restyled. max_span stays an upper bound: a removed long span may leave it
 * larger than needed, which only widens the searches a little. */
static void
on_annotations_changed (PxArticleView *self,
                        guint          position,
                        guint          removed,
                        guint          added)
{
  guint lo = G_MAXUINT, hi = 0;

  if (removed + added > 64 || position + removed > self->spans->len)
    {
      rebuild_spans (self);
      restyle (self, TRUE);
      return;
    }
  for (guint i = position; i < position + removed; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      lo = MIN (lo, span->start);
      hi = MAX (hi, span->end);
    }
  g_array_remove_range (self->spans, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, position + i);
      Span span = span_of (a);

      self->max_span = MAX (self->max_span, span.end - span.start);
      g_array_insert_val (self->spans, position + i, span);
      lo = MIN (lo, span.start);
      hi = MAX (hi, span.end);
    }
  if (lo < hi)
    restyle_part (self, lo, hi);
}

/* ---- Public API --------------------------------------------------------- */

PxArticleView *
px_article_view_new (void)
{
  return g_object_new (PX_TYPE_ARTICLE_VIEW, NULL);
}

void
px_article_view_set_labels (PxArticleView *self,
                            GListModel    *labels)
{
  guint n = labels != NULL ? g_list_model_get_n_items (labels) : 0;

  g_return_if_fail (PX_IS_ARTICLE_VIEW (self));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (labels, i);

      update_tag (self, label, LOOK_PLAIN);
      update_tag (self, label, LOOK_SUGGESTED);
      update_tag (self, label, LOOK_ARGUMENT);
    }
  if (self->annotations != NULL)
    restyle (self, TRUE);
}

void
px_article_view_set_article (PxArticleView *self,
                             const char    *text,
                             GListModel    *annotations)
{
  g_return_if_fail (PX_IS_ARTICLE_VIEW (self));

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : "");
  self->styled_start = self->styled_end = -1;
  self->n_styled = 0;
  g_array_set_size (self->highlights, 0);
  gtk_text_buffer_set_text (self->buffer, self->text, -1);
  if (annotations != NULL)
    {
      self->annotations = g_object_ref (annotations);
      g_signal_connect_swapped (annotations, "items-changed",
                                G_CALLBACK (on_annotations_changed), self);
    }
  rebuild_spans (self);
  /* A new article opens at the top: style its start now, so that the first
   * frame is already coloured, and let the idle restyle catch up after
   * layout. */
  if (self->annotations != NULL)
    style_range (self, 0, MIN (gtk_text_buffer_get_char_count (self->buffer), 3 * STYLE_MARGIN));
  queue_restyle (self);
}

const char *
px_article_view_get_text (PxArticleView *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_VIEW (self), NULL);
  return self->text;
}

GtkTextBuffer *
px_article_view_get_buffer (PxArticleView *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_VIEW (self), NULL);
  return self->buffer;
}

GtkTextView *
px_article_view_get_text_view (PxArticleView *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_VIEW (self), NULL);
  return self->text_view;
}

gboolean
px_article_view_get_selection (PxArticleView *self,
                               gsize         *start,
                               gsize         *end)
{
  GtkTextIter a, b;

  g_return_val_if_fail (PX_IS_ARTICLE_VIEW (self), FALSE);
  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &a, &b))
    return FALSE;
  *start = (gsize) gtk_text_iter_get_offset (&a);
  *end = (gsize) gtk_text_iter_get_offset (&b);
  return TRUE;
}

gsize
px_article_view_get_cursor (PxArticleView *self)
{
  GtkTextIter iter;

  g_return_val_if_fail (PX_IS_ARTICLE_VIEW (self), 0);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter,
                                    gtk_text_buffer_get_insert (self->buffer));
  return (gsize) gtk_text_iter_get_offset (&iter);
}

/* GtkTextView scrolls to a far mark through estimated line heights, and in
 * a long article lands short of it until the lines between are measured;
 * as they are, the view drifts. So for a while after a jump, each frame
 * checks the mark and scrolls to it again when it is off screen, until it
 * has stayed on screen for a good number of frames (or the user scrolls). */
/* Puts @location (buffer coordinates) at 30 % of the screen, at once:
 * gtk_text_view_scroll_to_mark() glides there over 200 ms when animations
 * are on, and a glide towards a target that moves each frame (as lines get
 * measured) starts over each frame: a far reveal took about a second. */
static void
aim_at (PxArticleView      *self,
        const GdkRectangle *visible,
        const GdkRectangle *location)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));

  gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + (location->y - visible->y)
                                  - 0.3 * visible->height);
}

#define REVEAL_STEADY_FRAMES 20
#define REVEAL_MAX_FRAMES    240
static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  PxArticleView *self = data;
  GtkTextMark *insert = gtk_text_buffer_get_insert (self->buffer);
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, insert);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  if (location.y >= visible.y && location.y + location.height <= visible.y + visible.height)
    self->reveal_steady++;
  else
    {
      self->reveal_steady = 0;
      aim_at (self, &visible, &location);
    }
  if (self->reveal_steady >= REVEAL_STEADY_FRAMES || ++self->reveal_tries > REVEAL_MAX_FRAMES)
    {
      self->reveal_tick_id = 0;
      queue_restyle (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
stop_reveal (PxArticleView *self)
{
  if (self->reveal_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->reveal_tick_id);
      self->reveal_tick_id = 0;
    }
}

static gboolean
on_user_scroll (PxArticleView *self,
                double         dx,
                double         dy)
{
  stop_reveal (self);
  return FALSE;   /* the scrolled window still scrolls */
}

static void
start_reveal (PxArticleView *self)
{
  self->reveal_tries = 0;
  self->reveal_steady = 0;
  if (self->reveal_tick_id == 0)
    self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view),
                                                         reveal_tick, self, NULL);
}

/* Keys that move the cursor (Ctrl+End, Page Down) scroll through
 * GtkTextView's own scroll to the cursor. Lines it has not measured yet
 * count as no height, so the end of a long article seems to be on screen
 * already and the view stays at the top: chase it as any far jump. */
static void
on_move_cursor (GtkTextView     *text_view,
                GtkMovementStep  step,
                int              count,
                gboolean         extend_selection,
                PxArticleView   *self)
{
  start_reveal (self);
}

void
px_article_view_select_range (PxArticleView *self,
                              gsize          start,
                              gsize          end)
{
  GtkTextIter a, b;
  int n;

  g_return_if_fail (PX_IS_ARTICLE_VIEW (self));
  n = gtk_text_buffer_get_char_count (self->buffer);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, (int) MIN (end, (gsize) n));
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, (int) MIN (start, (gsize) n));
  /* The insert mark goes to the start, so that scrolling shows the span's
   * beginning. */
  gtk_text_buffer_select_range (self->buffer, &b, &a);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (self->buffer),
                                0.1, FALSE, 0, 0);
  start_reveal (self);
  queue_restyle (self);
}

PxAnnotation *
px_article_view_annotation_at (PxArticleView *self,
                               gsize          offset)
{
  guint best = G_MAXUINT;
  guint best_len = G_MAXUINT;
  guint from;

  g_return_val_if_fail (PX_IS_ARTICLE_VIEW (self), NULL);
  if (self->annotations == NULL)
    return NULL;
  from = offset > self->max_span ? (guint) offset - self->max_span : 0;
  for (guint i = lower_bound (self->spans, from); i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if (span->start > offset)
        break;
      if (offset < span->end && span->end - span->start < best_len)
        {
          best = i;
          best_len = span->end - span->start;
        }
    }
  return best != G_MAXUINT ? g_list_model_get_item (self->annotations, best) : NULL;
}

void
px_article_view_set_highlights (PxArticleView *self,
                                const gsize   *ranges,
                                guint          n_ranges)
{
  g_autoptr(GArray) old = NULL;

  g_return_if_fail (PX_IS_ARTICLE_VIEW (self));
  g_return_if_fail (ranges != NULL || n_ranges == 0);

  if (self->highlights->len == 2 * n_ranges
      && (n_ranges == 0 || memcmp (self->highlights->data, ranges, 2 * n_ranges * sizeof (gsize)) == 0))
    return;
  /* What was highlighted and what is now: only their text is restyled. */
  old = g_array_copy (self->highlights);
  g_array_set_size (self->highlights, 0);
  g_array_append_vals (self->highlights, ranges, 2 * n_ranges);
  for (guint i = 0; i + 1 < old->len; i += 2)
    restyle_part (self, (guint) g_array_index (old, gsize, i),
                  (guint) g_array_index (old, gsize, i + 1));
  for (guint i = 0; i < n_ranges; i++)
    restyle_part (self, (guint) ranges[2 * i], (guint) ranges[2 * i + 1]);
}

guint
px_article_view_get_n_styled (PxArticleView *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_VIEW (self), 0);
  return self->n_styled;
}

/* ---- GObject ------------------------------------------------------------- */

static void
px_article_view_dispose (GObject *object)
{
  PxArticleView *self = PX_ARTICLE_VIEW (object);

  g_clear_handle_id (&self->restyle_id, g_source_remove);
  stop_reveal (self);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->highlights, g_array_unref);
  g_clear_pointer (&self->text, g_free);
  G_OBJECT_CLASS (px_article_view_parent_class)->dispose (object);
}

static void
px_article_view_class_init (PxArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_article_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pxarticleview");
}

static void
setup_text_view (PxArticleView *self)
{
  GtkTextView *tv = self->text_view;

  gtk_text_view_set_editable (tv, FALSE);
  gtk_text_view_set_cursor_visible (tv, TRUE);
  gtk_text_view_set_wrap_mode (tv, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (tv, 48);
  gtk_text_view_set_right_margin (tv, 48);
  gtk_text_view_set_top_margin (tv, 32);
  gtk_text_view_set_bottom_margin (tv, 48);
  gtk_text_view_set_pixels_above_lines (tv, 3);
  gtk_text_view_set_pixels_below_lines (tv, 3);
  gtk_text_view_set_pixels_inside_wrap (tv, 3);
  gtk_widget_add_css_class (GTK_WIDGET (tv), "px-article-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (tv),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article text"),
                                  -1);
}

static void
px_article_view_init (PxArticleView *self)
{
  GtkWidget *clamp = adw_clamp_scrollable_new ();
  GtkEventController *wheel;
  GtkAdjustment *vadj;

  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->highlights = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->styled_start = self->styled_end = -1;
  self->text = g_strdup ("");
  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  setup_text_view (self);

  /* The clamp keeps lines readable on wide windows. */
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 820);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), 640);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->text_view));
  self->scroller = gtk_scrolled_window_new ();
  /* EXTERNAL, not NEVER: a wrapped text view asks for its current width as
   * its minimum, which would stop the window from ever getting narrower. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_EXTERNAL, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  /* The text takes the height it is given, in a box or not. */
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  /* The margins the clamp leaves share the text's background. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scroller),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"),
                                  -1);

  /* A wheel or touchpad scroll is the user's: stop chasing a revealed mark. */
  wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (wheel, "scroll-begin", G_CALLBACK (stop_reveal), self);
  g_signal_connect_swapped (wheel, "scroll", G_CALLBACK (on_user_scroll), self);
  gtk_widget_add_controller (self->scroller, wheel);

  g_signal_connect_after (self->text_view, "move-cursor", G_CALLBACK (on_move_cursor), self);

  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  g_signal_connect_object (vadj, "value-changed", G_CALLBACK (queue_restyle), self, G_CONNECT_SWAPPED);
  /* "changed" covers new sizes: a resize rewraps and moves what is visible. */
  g_signal_connect_object (vadj, "changed", G_CALLBACK (queue_restyle), self, G_CONNECT_SWAPPED);
}
