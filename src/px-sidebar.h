/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-sidebar.h: stories with their articles, a filter, and story editing.
 *
 * Signals:
 *   "article-activated" (gint64 article_id)  an article row was selected
 *   "story-activated"   (gint64 story_id)    a story row was selected (0: Unassigned)
 */
#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_SIDEBAR (px_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (PxSidebar, px_sidebar, PX, SIDEBAR, GtkWidget)

GtkWidget  *px_sidebar_new            (void);
void        px_sidebar_set_store      (PxSidebar  *self,
                                       PxStore    *store);  /* nullable */
/* The visible rows, after filtering. Element type: GtkTreeListRow, whose
 * items are PxStory, PxArticle, or the Unassigned group (a GObject whose
 * "story-id" data is 0). */
GListModel *px_sidebar_get_rows       (PxSidebar  *self);
/* Selects (and scrolls to) the article's row; FALSE when it is not shown. */
gboolean    px_sidebar_select_article (PxSidebar  *self,
                                       gint64      article_id);
/* Selects the first article shown; FALSE when there is none. */
gboolean    px_sidebar_select_first_article (PxSidebar *self);
void        px_sidebar_set_filter     (PxSidebar  *self,
                                       const char *text);
/* The story of the selected row (0: none or Unassigned). */
gint64      px_sidebar_get_selected_story (PxSidebar *self);

G_END_DECLS
