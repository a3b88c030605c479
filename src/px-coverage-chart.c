/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-coverage-chart.c: horizontal stacked bars, drawn with GtkSnapshot. */
#include <string.h>
#include <glib/gi18n.h>

#include "px-coverage-chart.h"
#include "px-compare-pane.h"

#define BAR_HEIGHT 22
#define BAR_GAP    14
#define LABEL_WIDTH 180

struct _PxCoverageChart
{
  GtkWidget        parent_instance;
  GStrv            names;
  PxCompareSummary summaries[PX_ALIGN_MAX_DOCS];
  guint            n;
};

G_DEFINE_FINAL_TYPE (PxCoverageChart, px_coverage_chart, GTK_TYPE_WIDGET)

/* Bar segments in the order drawn, tinted as the texts and the legend. */
static const PxAlignStatus segment_status[3] = { PX_ALIGN_SHARED, PX_ALIGN_PARTIAL, PX_ALIGN_UNIQUE };

static void
snapshot_text (GtkWidget *widget, GtkSnapshot *snapshot, const char *text, double x, double y)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  pango_layout_set_width (layout, (LABEL_WIDTH - 8) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &fg);
  gtk_snapshot_restore (snapshot);
}

static void
px_coverage_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PxCoverageChart *self = PX_COVERAGE_CHART (widget);
  double width = gtk_widget_get_width (widget) - LABEL_WIDTH - 120;

  for (guint i = 0; i < self->n; i++)
    {
      const PxCompareSummary *s = &self->summaries[i];
      double y = i * (BAR_HEIGHT + BAR_GAP), x = LABEL_WIDTH;
      guint parts[3] = { s->n_shared, s->n_partial, s->n_unique };
      g_autofree char *note = g_strdup_printf (ngettext ("%u conflict", "%u conflicts", s->n_conflicts),
                                               s->n_conflicts);

      snapshot_text (widget, snapshot, self->names[i], 0, y + 2);
      for (guint p = 0; p < 3 && s->n_sentences > 0 && width > 0; p++)
        {
          double w = width * parts[p] / s->n_sentences;
          GdkRGBA colour;

          px_compare_pane_status_colour (segment_status[p], TRUE, &colour);
          gtk_snapshot_append_color (snapshot, &colour, &GRAPHENE_RECT_INIT (x, y, w, BAR_HEIGHT));
          x += w;
        }
      snapshot_text (widget, snapshot, note, LABEL_WIDTH + MAX (width, 0) + 8, y + 2);
    }
}

static void
px_coverage_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                           int *minimum, int *natural, int *min_baseline, int *nat_baseline)
{
  PxCoverageChart *self = PX_COVERAGE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = LABEL_WIDTH + 320;
  else
    *minimum = *natural = self->n * (BAR_HEIGHT + BAR_GAP);
}

static void
px_coverage_chart_finalize (GObject *object)
{
  g_strfreev (PX_COVERAGE_CHART (object)->names);
  G_OBJECT_CLASS (px_coverage_chart_parent_class)->finalize (object);
}

static void
px_coverage_chart_class_init (PxCoverageChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = px_coverage_chart_finalize;
  widget_class->snapshot = px_coverage_chart_snapshot;
  widget_class->measure = px_coverage_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
px_coverage_chart_init (PxCoverageChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Share of each article's sentences that are shared, partial or unique"), -1);
}

/* A picture says nothing to a screen reader: the figures do. */
static void
update_description (PxCoverageChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->n; i++)
    {
      const PxCompareSummary *s = &self->summaries[i];

      g_string_append_printf (text, _("%s: %u shared, %u partial and %u unique sentences, %u conflicts. "),
                              self->names[i], s->n_shared, s->n_partial, s->n_unique, s->n_conflicts);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

GtkWidget *
px_coverage_chart_new (void)
{
  return g_object_new (PX_TYPE_COVERAGE_CHART, NULL);
}

void
px_coverage_chart_set_data (PxCoverageChart        *self,
                            const char * const     *names,
                            const PxCompareSummary *summaries,
                            guint                   n)
{
  g_return_if_fail (PX_IS_COVERAGE_CHART (self));

  g_strfreev (self->names);
  self->names = g_strdupv ((char **) names);
  self->n = MIN (n, PX_ALIGN_MAX_DOCS);
  memcpy (self->summaries, summaries, sizeof (PxCompareSummary) * self->n);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
