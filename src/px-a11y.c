/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-a11y.c: see px-a11y.h. Both widgets build their inner parts in their
 * init, so they are there to be named right after creation. */
#include "px-a11y.h"

static void
name (GtkWidget  *widget,
      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
px_a11y_name_drop_down (GtkWidget  *drop_down,
                        const char *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  name (drop_down, label);
  for (GtkWidget *c = gtk_widget_get_first_child (drop_down); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_BUTTON (c))
      name (c, label);
}

void
px_a11y_name_column_view (GtkColumnView *view,
                          const char    *label)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  name (GTK_WIDGET (view), label);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (view)); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_VIEW (c))
      name (c, label);
}
