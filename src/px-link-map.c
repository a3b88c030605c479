/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-link-map.c: bands between two panes, drawn from the panes' own line
 * positions each frame, so scrolling either pane keeps them right. */
#include <glib/gi18n.h>

#include "px-link-map.h"

#define GUTTER_WIDTH 48

struct _PxLinkMap
{
  GtkWidget          parent_instance;
  PxComparePane     *left;
  PxComparePane     *right;
  const PxAlignment *alignment;
  guint              n_drawn;
  guint              n_far;     /* far-link wedges drawn */
  int                selected_doc;
  int                selected_sentence;
};

G_DEFINE_FINAL_TYPE (PxLinkMap, px_link_map, GTK_TYPE_WIDGET)

/* The band joining [lt, lb] on the left to [rt, rb] on the right, with
 * S-curves so that crossing bands (news reorders facts) stay readable. */
static void
band_path (cairo_t *cr, double w, double lt, double lb, double rt, double rb)
{
  cairo_move_to (cr, 0, lt);
  cairo_curve_to (cr, w / 2, lt, w / 2, rt, w, rt);
  cairo_line_to (cr, w, rb);
  cairo_curve_to (cr, w / 2, rb, w / 2, lb, 0, lb);
  cairo_close_path (cr);
}

static gboolean
link_between (const PxAlignLink *l, guint left, guint right, guint *ls, guint *rs)
{
  if (l->a_doc == left && l->b_doc == right)
    {
      *ls = l->a_sentence;
      *rs = l->b_sentence;
      return TRUE;
    }
  if (l->a_doc == right && l->b_doc == left)
    {
      *ls = l->b_sentence;
      *rs = l->a_sentence;
      return TRUE;
    }
  return FALSE;
}

/* Pale enough that crossing bands stay readable; with a sentence picked,
 * its own bands stand out and the rest step back. */
static double
band_alpha (PxLinkMap *self, guint left, guint ls, guint right, guint rs)
{
  gboolean mine;

  if (self->selected_sentence < 0)
    return 0.30;
  mine = ((int) left == self->selected_doc && (int) ls == self->selected_sentence) ||
         ((int) right == self->selected_doc && (int) rs == self->selected_sentence);
  return mine ? 0.60 : 0.10;
}

/* The vertical extent of every sentence of @pane that a band needs, found
 * in text order: the text view lays out one paragraph at a time and keeps
 * the last one, so asking in band order laid the same paragraphs out again
 * and again. extents[2 i] and [2 i + 1]; need[i] says which are wanted. */
static double *
pane_extents (PxComparePane *pane, GtkWidget *target, guint n, const guint8 *need)
{
  double *extents = g_new0 (double, 2 * MAX (n, 1));

  for (guint i = 0; i < n; i++)
    if (need[i])
      px_compare_pane_sentence_extent (pane, i, target, &extents[2 * i], &extents[2 * i + 1]);
  return extents;
}

static void
draw_band (PxLinkMap *self, cairo_t *cr, double w, const PxAlignLink *l, guint left, guint ls,
           guint right, guint rs, const double *le, const double *re)
{
  double alpha = band_alpha (self, left, ls, right, rs);
  GdkRGBA colour;

  band_path (cr, w, le[2 * ls], le[2 * ls + 1], re[2 * rs], re[2 * rs + 1]);
  px_compare_pane_status_colour (l->status, TRUE, &colour);
  cairo_set_source_rgba (cr, colour.red, colour.green, colour.blue, alpha);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, colour.red * 0.6, colour.green * 0.6, colour.blue * 0.6, MIN (1.0, alpha * 1.6));
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
}

/* With three or four panes, a link between two panes that are not
 * neighbours has no gutter of its own. Each sentence of this gutter's left
 * pane linked to a pane further right (or of the right pane to one further
 * left) gets a short dashed wedge pointing that way, labelled with that
 * article's number, so the link is not hidden by the pane in between. */
static void
draw_far_link (cairo_t *cr, double w, double top, double bottom, gboolean from_left, guint other_doc,
               const PxAlignLink *l, double alpha)
{
  double x0 = from_left ? 0 : w, x1 = from_left ? w * 0.45 : w * 0.55, mid = (top + bottom) / 2;
  g_autofree char *label = g_strdup_printf (from_left ? "→%u" : "%u←", other_doc + 1);
  GdkRGBA colour;
  static const double dash[] = { 3, 2 };

  px_compare_pane_status_colour (l->status, TRUE, &colour);
  cairo_move_to (cr, x0, top);
  cairo_line_to (cr, x1, mid);
  cairo_line_to (cr, x0, bottom);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, colour.red, colour.green, colour.blue, alpha);
  cairo_fill_preserve (cr);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_source_rgba (cr, colour.red * 0.6, colour.green * 0.6, colour.blue * 0.6, MIN (1.0, alpha * 2));
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_font_size (cr, 9);
  cairo_move_to (cr, from_left ? x1 + 1 : x1 - 15, mid + 3);
  cairo_show_text (cr, label);
}

/* The far link's sentence in @doc and the other article, when @l joins
 * @doc to an article beyond @neighbour (further right for the left pane,
 * further left for the right pane). */
static gboolean
far_link (const PxAlignLink *l, guint doc, guint neighbour, guint *sentence, guint *other)
{
  gboolean right_side = neighbour > doc;

  if (l->a_doc == doc && (right_side ? l->b_doc > neighbour : l->b_doc < neighbour))
    {
      *sentence = l->a_sentence;
      *other = l->b_doc;
      return TRUE;
    }
  if (l->b_doc == doc && (right_side ? l->a_doc > neighbour : l->a_doc < neighbour))
    {
      *sentence = l->b_sentence;
      *other = l->a_doc;
      return TRUE;
    }
  return FALSE;
}

static void
draw_far_links (PxLinkMap *self, cairo_t *cr, double w, double h, guint left, guint right,
                guint8 *need_left, guint8 *need_right, const double *le, const double *re)
{
  for (guint k = 0; k < self->alignment->links->len; k++)
    {
      const PxAlignLink *l = &g_array_index (self->alignment->links, PxAlignLink, k);
      guint s, other;

      if (far_link (l, left, right, &s, &other) && need_left[s] != 0 && le[2 * s + 1] >= 0 && le[2 * s] <= h)
        draw_far_link (cr, w, le[2 * s], le[2 * s + 1], TRUE, other, l,
                       band_alpha (self, left, s, other, G_MAXUINT));
      else if (far_link (l, right, left, &s, &other) && need_right[s] != 0 && re[2 * s + 1] >= 0 && re[2 * s] <= h)
        draw_far_link (cr, w, re[2 * s], re[2 * s + 1], FALSE, other, l,
                       band_alpha (self, other, G_MAXUINT, right, s));
      else
        continue;
      self->n_far++;
    }
}

static void
px_link_map_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PxLinkMap *self = PX_LINK_MAP (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autofree guint8 *need_left = NULL, *need_right = NULL;
  g_autofree double *le = NULL, *re = NULL;
  guint left, right, n_left, n_right, ls, rs;
  cairo_t *cr;

  self->n_drawn = 0;
  self->n_far = 0;
  if (self->alignment == NULL || self->left == NULL || self->right == NULL)
    return;
  left = px_compare_pane_get_doc (self->left);
  right = px_compare_pane_get_doc (self->right);
  n_left = self->alignment->sentences[left]->len;
  n_right = self->alignment->sentences[right]->len;
  need_left = g_new0 (guint8, MAX (n_left, 1));
  need_right = g_new0 (guint8, MAX (n_right, 1));
  for (guint k = 0; k < self->alignment->links->len; k++)
    {
      const PxAlignLink *l = &g_array_index (self->alignment->links, PxAlignLink, k);
      guint other;

      if (link_between (l, left, right, &ls, &rs))
        need_left[ls] = need_right[rs] = 1;
      else if (far_link (l, left, right, &ls, &other))
        need_left[ls] = MAX (need_left[ls], 2);
      else if (far_link (l, right, left, &rs, &other))
        need_right[rs] = MAX (need_right[rs], 2);
    }
  le = pane_extents (self->left, widget, n_left, need_left);
  re = pane_extents (self->right, widget, n_right, need_right);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  for (guint k = 0; k < self->alignment->links->len; k++)
    {
      const PxAlignLink *l = &g_array_index (self->alignment->links, PxAlignLink, k);

      if (!link_between (l, left, right, &ls, &rs))
        continue;
      if ((le[2 * ls + 1] < 0 && re[2 * rs + 1] < 0) || (le[2 * ls] > h && re[2 * rs] > h))
        continue;
      draw_band (self, cr, w, l, left, ls, right, rs, le, re);
      self->n_drawn++;
    }
  draw_far_links (self, cr, w, h, left, right, need_left, need_right, le, re);
  cairo_destroy (cr);
}

static void
px_link_map_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                     int *minimum, int *natural, int *min_baseline, int *nat_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? GUTTER_WIDTH : 0;
}

static void
px_link_map_class_init (PxLinkMapClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = px_link_map_snapshot;
  widget_class->measure = px_link_map_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
px_link_map_init (PxLinkMap *self)
{
  self->selected_doc = -1;
  self->selected_sentence = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Links between aligned sentences"), -1);
}

GtkWidget *
px_link_map_new (void)
{
  return g_object_new (PX_TYPE_LINK_MAP, NULL);
}

void
px_link_map_set_panes (PxLinkMap         *self,
                       PxComparePane     *left,
                       PxComparePane     *right,
                       const PxAlignment *alignment)
{
  g_return_if_fail (PX_IS_LINK_MAP (self));

  self->left = left;
  self->right = right;
  self->alignment = alignment;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
px_link_map_set_selected (PxLinkMap *self,
                          int        doc,
                          int        sentence)
{
  g_return_if_fail (PX_IS_LINK_MAP (self));

  self->selected_doc = doc;
  self->selected_sentence = sentence;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
px_link_map_get_n_bands (PxLinkMap *self)
{
  guint n = 0, ls, rs;

  if (self->alignment == NULL || self->left == NULL || self->right == NULL)
    return 0;
  for (guint k = 0; k < self->alignment->links->len; k++)
    n += link_between (&g_array_index (self->alignment->links, PxAlignLink, k),
                       px_compare_pane_get_doc (self->left),
                       px_compare_pane_get_doc (self->right), &ls, &rs);
  return n;
}

guint
px_link_map_get_n_drawn (PxLinkMap *self)
{
  return self->n_drawn;
}

/* Wedges drawn in the last frame for links to panes that are not
 * neighbours. */
guint
px_link_map_get_n_far_drawn (PxLinkMap *self)
{
  return self->n_far;
}
