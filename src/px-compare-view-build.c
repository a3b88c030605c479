/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare-view-build.c: the compare page's widgets: the story and
 * article pickers, the legend and page switcher row, and the five pages.
 * What they do lives in px-compare-view.c. */
#include <glib/gi18n.h>

#include "px-compare-view-private.h"
#include "px-a11y.h"
#include "px-compare-pane.h"
#include "px-coverage-chart.h"

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *sw = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), child);
  gtk_widget_set_vexpand (sw, TRUE);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_widget_set_margin_top (child, 12);
  gtk_widget_set_margin_bottom (child, 12);
  return sw;
}

static void
label_widget (GtkWidget *widget, const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
icon_button (const char *icon, const char *action, const char *tooltip)
{
  GtkWidget *b = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  gtk_widget_set_tooltip_text (b, tooltip);
  label_widget (b, tooltip);
  return b;
}

GtkWidget *
px_compare_view_build_toolbar (PxCompareView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->story_names = gtk_string_list_new (NULL);
  self->story_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->story_names)), NULL);
  px_a11y_name_drop_down (self->story_dropdown, _("Story"));
  gtk_widget_set_tooltip_text (self->story_dropdown, _("Story to compare"));
  g_signal_connect (self->story_dropdown, "notify::selected", G_CALLBACK (px_compare_view_on_story_selected), self);
  gtk_box_append (GTK_BOX (bar), self->story_dropdown);

  self->article_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  label_widget (self->article_box, _("Articles to compare"));
  gtk_widget_set_hexpand (self->article_box, TRUE);
  gtk_box_append (GTK_BOX (bar), self->article_box);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  return bar;
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

/* A colour chip and its word, so that the tints explain themselves. */
static GtkWidget *
legend_item (PxAlignStatus status, const char *text, const char *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  /* The word beside it says it all: the chip is decoration to a reader. */
  GtkWidget *chip = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role",
                                  GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *label = gtk_label_new (text);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (chip), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (chip), 14);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (chip), draw_chip, GINT_TO_POINTER (status), NULL);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), chip);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_tooltip_text (box, tooltip);
  return box;
}

/* The page switcher gets a row of its own: on a 1280-pixel screen, four
 * outlet names beside it pushed it out of sight. */
GtkWidget *
px_compare_view_build_switcher_row (PxCompareView *self)
{
  GtkWidget *row = gtk_center_box_new ();
  GtkWidget *start = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *end = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *switcher = adw_view_switcher_new ();

  gtk_box_append (GTK_BOX (start), legend_item (PX_ALIGN_SHARED, _("Shared"),
                                                _("Another article reports the same thing")));
  gtk_box_append (GTK_BOX (start), legend_item (PX_ALIGN_PARTIAL, _("Partial"),
                                                _("Another article reports part of it")));
  gtk_box_append (GTK_BOX (start), legend_item (PX_ALIGN_UNIQUE, _("Only here"),
                                                _("No other compared article reports it")));
  label_widget (start, _("Colour legend"));
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (row), start);

  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_STACK (self->stack));
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  label_widget (switcher, _("Compare views"));
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (row), switcher);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_box_append (GTK_BOX (end), self->spinner);
  self->status = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->status), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->status), 40);
  gtk_widget_add_css_class (self->status, "dim-label");
  gtk_box_append (GTK_BOX (end), self->status);
  gtk_box_append (GTK_BOX (end), icon_button ("go-up-symbolic", "compare.previous-difference",
                                              _("Previous Difference (Alt+Up)")));
  gtk_box_append (GTK_BOX (end), icon_button ("go-down-symbolic", "compare.next-difference",
                                              _("Next Difference (Alt+Down)")));
  gtk_box_append (GTK_BOX (end), icon_button ("document-save-as-symbolic", "compare.export",
                                              _("Export Comparison as CSV")));
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (row), end);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  return row;
}

static GtkWidget *
build_entities_page (PxCompareView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  self->only_differences = gtk_check_button_new_with_mnemonic (_("Only _differences"));
  gtk_widget_set_tooltip_text (self->only_differences, _("Hide entities that every article names"));
  /* GTK 4.8 gives a mnemonic check button its label with the underscore. */
  label_widget (self->only_differences, _("Only differences"));
  g_signal_connect_swapped (self->only_differences, "toggled", G_CALLBACK (px_compare_view_fill_matrix), self);
  gtk_box_append (GTK_BOX (box), self->only_differences);
  self->matrix = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->matrix), 12);
  label_widget (self->matrix, _("Entity by article mention counts"));
  gtk_box_append (GTK_BOX (box), self->matrix);
  self->matrix_details = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->matrix_details), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->matrix_details), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->matrix_details), 0);
  label_widget (self->matrix_details, _("Mentions of the chosen cell"));
  gtk_box_append (GTK_BOX (box), self->matrix_details);
  return scrolled (box);
}

static GtkWidget *
build_summary_page (PxCompareView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  self->chart = px_coverage_chart_new ();
  gtk_box_append (GTK_BOX (box), self->chart);
  self->summary_grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->summary_grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->summary_grid), 6);
  label_widget (self->summary_grid, _("Figures per article"));
  gtk_box_append (GTK_BOX (box), self->summary_grid);
  return scrolled (box);
}

static void
add_page (PxCompareView *self, GtkWidget *child, const char *name, const char *title, const char *icon)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (ADW_VIEW_STACK (self->stack), child, name, title);

  adw_view_stack_page_set_icon_name (page, icon);
}

void
px_compare_view_build_pages (PxCompareView *self)
{
  self->panes_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (self->panes_box, TRUE);
  add_page (self, self->panes_box, "texts", _("Texts"), "view-dual-symbolic");
  add_page (self, build_entities_page (self), "entities", _("Entities"), "system-users-symbolic");
  self->events_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  label_widget (self->events_box, _("Event roles by article"));
  add_page (self, scrolled (self->events_box), "events", _("Events"), "x-office-calendar-symbolic");
  self->quotes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  label_widget (self->quotes_box, _("Quotes matched across articles"));
  add_page (self, scrolled (self->quotes_box), "quotes", _("Quotes"), "user-available-symbolic");
  add_page (self, build_summary_page (self), "summary", _("Summary"), "x-office-presentation-symbolic");
}
