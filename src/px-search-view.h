/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-search-view.h: full-text search over the corpus, with results in
 * context.
 *
 * Signal "hit-activated" (gint64 article_id, guint64 start, guint64 end):
 * a result was activated (Enter or click); offsets are code points.
 */
#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_SEARCH_VIEW (px_search_view_get_type ())
G_DECLARE_FINAL_TYPE (PxSearchView, px_search_view, PX, SEARCH_VIEW, GtkWidget)

GtkWidget  *px_search_view_new        (void);
void        px_search_view_set_store  (PxSearchView *self,
                                       PxStore      *store);  /* nullable */
/* Runs a search at once (typing waits for a pause). */
void        px_search_view_search     (PxSearchView *self,
                                       const char   *query);
/* Number of results shown. */
guint       px_search_view_get_n_hits (PxSearchView *self);
void        px_search_view_focus      (PxSearchView *self);

G_END_DECLS
