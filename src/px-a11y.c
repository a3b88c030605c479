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

/* GTK 4.8 reads a button with a mnemonic label as its label property and
 * its label widget together: "_Import Articles… Import Articles…". The
 * name is set once, from the label without its underscore. */
static void
name_mnemonic_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  GString *name;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;
  name = g_string_new (NULL);
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (name, *p);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name->str, -1);
  g_string_free (name, TRUE);
}

void
px_a11y_name_mnemonic_buttons (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root))
    name_mnemonic_button (GTK_BUTTON (root));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    px_a11y_name_mnemonic_buttons (c);
}
