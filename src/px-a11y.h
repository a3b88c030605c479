/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-a11y.h: accessible names for the GTK 4.8 widgets whose inner parts
 * screen readers reach without one. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkDropDown shows as a combo box holding a toggle button; both get
 * @label, so that the button is not read out as "GtkToggleButton". */
void px_a11y_name_drop_down   (GtkWidget  *drop_down,
                               const char *label);
/* A GtkColumnView's rows sit in an inner list view, which gets @label too. */
void px_a11y_name_column_view (GtkColumnView *view,
                               const char    *label);

/* Buttons under @root with a mnemonic label ("_Import Articles…") are
 * named by their label without the underscore, once. */
void px_a11y_name_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
