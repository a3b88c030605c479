/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare-view.h: the Compare page: 2–4 articles of a story side by side,
 * with aligned sentences, coverage, event grid, quotes and a summary. */
#pragma once

#include <adwaita.h>
#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_COMPARE_VIEW (px_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (PxCompareView, px_compare_view, PX, COMPARE_VIEW, GtkWidget)

GtkWidget *px_compare_view_new       (void);
void       px_compare_view_set_store (PxCompareView *self,
                                      PxStore       *store);  /* nullable */
/* The window's editor, through which a label key in a pane tags (NULL: the
 * panes are read-only). */
void       px_compare_view_set_editor (PxCompareView *self,
                                       PxEditor      *editor); /* nullable */
/* Picks a story; its articles (up to 4) are preselected. 0: none. */
void       px_compare_view_set_story (PxCompareView *self,
                                      gint64         story_id);
/* Compares exactly these articles of the current story (2–4). */
void       px_compare_view_set_articles (PxCompareView *self,
                                         const gint64  *article_ids,
                                         guint          n_articles);

/* Writes the shown comparison as the four CSV files of
 * px_compare_export_csv() into @dir, and says so in the status line; what
 * Export runs once a folder is picked. */
gboolean   px_compare_view_export    (PxCompareView  *self,
                                      const char     *dir,
                                      GError        **error);

/* For tests: TRUE once a comparison is shown and none is running. */
gboolean   px_compare_view_is_ready            (PxCompareView *self);
/* Bands in all gutters, rows of the entity matrix as shown, and conflict
 * cells flagged in the event grid. */
guint      px_compare_view_get_n_bands         (PxCompareView *self);
guint      px_compare_view_get_n_far_drawn     (PxCompareView *self);
guint      px_compare_view_get_n_matrix_rows   (PxCompareView *self);
guint      px_compare_view_get_n_flagged_conflicts (PxCompareView *self);
/* The sentence the user picked (by click or Alt+Down/Alt+Up): FALSE when
 * none. For tests. */
gboolean   px_compare_view_get_selected        (PxCompareView *self,
                                                guint         *doc,
                                                guint         *sentence);
/* The "only differences" filter of the entity matrix. */
void       px_compare_view_set_only_differences (PxCompareView *self,
                                                 gboolean       only);

G_END_DECLS
