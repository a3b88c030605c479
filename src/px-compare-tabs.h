/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare-tabs.h: the compare view's tabs (entity matrix, event grid,
 * quotes, summary), built from a compare result. Private to the view. */
#pragma once

#include <gtk/gtk.h>
#include "px-compare.h"

G_BEGIN_DECLS

/* Called when the user asks to see [start, end) of article @doc. */
typedef void (*PxCompareRevealFunc) (guint     doc,
                                     gsize     start,
                                     gsize     end,
                                     gpointer  user_data);

/* Fills @grid with the entity × article matrix; returns the rows shown.
 * @details gets the mentions of a clicked cell. */
guint px_compare_tabs_fill_matrix  (GtkGrid               *grid,
                                    GtkLabel              *details,
                                    const PxCompareResult *result,
                                    gboolean               only_differences,
                                    PxCompareRevealFunc    reveal,
                                    gpointer               user_data);
/* Fills @box with one role × article grid per story event; returns the
 * number of cells flagged as conflicting. */
guint px_compare_tabs_fill_events  (GtkBox                *box,
                                    const PxCompareResult *result,
                                    PxCompareRevealFunc    reveal,
                                    gpointer               user_data);
void  px_compare_tabs_fill_quotes  (GtkBox                *box,
                                    const PxCompareResult *result,
                                    PxCompareRevealFunc    reveal,
                                    gpointer               user_data);
/* The figures next to the summary chart. */
void  px_compare_tabs_fill_summary (GtkGrid               *grid,
                                    const PxCompareResult *result);

/* "Outlet" or "Article N" for article @doc. */
char *px_compare_tabs_article_name (const PxCompareResult *result,
                                    guint                  doc);

/* Removes every child of @widget (a GtkBox or GtkGrid). */
void  px_compare_tabs_clear        (GtkWidget             *widget);

G_END_DECLS
