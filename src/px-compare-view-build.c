/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare-view-build.c: the compare page's widgets. Their layout is the
 * template src/px-compare-view.ui; this binds it and finishes what a .ui
 * cannot say (the legend chips' drawing, the drop-down's inner name). What
 * they do lives in px-compare-view.c. */
#include <glib/gi18n.h>

#include "px-compare-view-private.h"
#include "px-a11y.h"
#include "px-application.h"
#include "px-compare-pane.h"
#include "px-coverage-chart.h"

void
px_compare_view_class_init_template (GtkWidgetClass *widget_class)
{
  /* UI tests build this page without the application. */
  px_application_register_resources ();
  g_type_ensure (PX_TYPE_COVERAGE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/px-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, root);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, story_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, story_names);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, article_box);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, status);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, panes_box);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, matrix);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, matrix_details);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, only_differences);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, events_box);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, quotes_box);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, chart);
  gtk_widget_class_bind_template_child (widget_class, PxCompareView, summary_grid);
  /* The legend's chips: looked up once, in px_compare_view_setup_widgets (). */
  gtk_widget_class_bind_template_child_full (widget_class, "chip_shared", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "chip_partial", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "chip_unique", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, px_compare_view_on_story_selected);
  gtk_widget_class_bind_template_callback (widget_class, px_compare_view_fill_matrix);
}

static void
draw_chip (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  GdkRGBA c;

  px_compare_pane_status_colour (GPOINTER_TO_INT (data), FALSE, &c);
  gdk_cairo_set_source_rgba (cr, &c);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

void
px_compare_view_setup_widgets (PxCompareView *self)
{
  static const struct { const char *chip; PxAlignStatus status; } chips[] = {
    { "chip_shared", PX_ALIGN_SHARED },
    { "chip_partial", PX_ALIGN_PARTIAL },
    { "chip_unique", PX_ALIGN_UNIQUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (chips); i++)
    {
      GObject *chip = gtk_widget_get_template_child (GTK_WIDGET (self), PX_TYPE_COMPARE_VIEW, chips[i].chip);

      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (chip), draw_chip, GINT_TO_POINTER (chips[i].status), NULL);
    }
  /* Names the drop-down's inner toggle button too (GTK 4.8). */
  px_a11y_name_drop_down (self->story_dropdown, _("Story"));
}
