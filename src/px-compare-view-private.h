/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare-view-private.h: the compare page's state, shared by
 * px-compare-view.c (behaviour) and px-compare-view-build.c (its widgets). */
#pragma once

#include "px-compare-view.h"
#include "px-compare.h"

G_BEGIN_DECLS

struct _PxCompareView
{
  GtkWidget        parent_instance;

  GtkWidget       *root;
  GtkWidget       *story_dropdown;
  GtkStringList   *story_names;      /* the template's */
  GArray          *story_ids;        /* gint64, parallel to story_names */
  GtkWidget       *article_box;
  GPtrArray       *checks;           /* GtkCheckButton, one per story article */
  GArray          *check_ids;        /* gint64 */
  GtkWidget       *status;
  GtkWidget       *spinner;
  GtkWidget       *stack;
  GtkWidget       *panes_box;
  GtkWidget       *panes[PX_ALIGN_MAX_DOCS];
  GtkWidget       *maps[PX_ALIGN_MAX_DOCS - 1];
  guint            n_panes;
  GtkWidget       *matrix;
  GtkWidget       *matrix_details;
  GtkWidget       *only_differences;
  GtkWidget       *events_box;
  GtkWidget       *quotes_box;
  GtkWidget       *chart;
  GtkWidget       *summary_grid;

  PxStore         *store;
  PxEditor        *editor;           /* the window's: tags go through it */
  gint64           story_id;
  GCancellable    *cancellable;
  PxCompareResult *result;
  gboolean         syncing;
  gboolean         updating_checks;
  int              selected_doc;
  int              selected_sentence;
  guint            n_matrix_rows;
  guint            n_flagged;
  guint            refresh_id;
  guint            select_id;
  guint            sync_id;
  GtkAdjustment   *sync_source;      /* unowned, one of the panes' */
  double           sync_fraction;
  gint64           placed_until;     /* panes placed by hand: no sync before */
  guint            pending_doc;
  guint            pending_sentence;
};

/* px-compare-view-build.c: sets the template (px-compare-view.ui) from
 * class_init, then finishes its widgets after gtk_widget_init_template(). */
void       px_compare_view_class_init_template (GtkWidgetClass *widget_class);
void       px_compare_view_setup_widgets      (PxCompareView *self);

/* Template callbacks. */
void       px_compare_view_on_story_selected  (GObject       *dropdown,
                                               GParamSpec    *pspec,
                                               PxCompareView *self);
void       px_compare_view_fill_matrix        (PxCompareView *self);

G_END_DECLS
