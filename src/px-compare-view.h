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
/* Picks a story; its articles (up to 4) are preselected. 0: none. */
void       px_compare_view_set_story (PxCompareView *self,
                                      gint64         story_id);

G_END_DECLS
