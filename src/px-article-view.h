/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-article-view.h: the read-only article text with its annotations shown
 * as coloured spans. Offsets are code points (GtkTextIter offsets). */
#pragma once

#include <adwaita.h>
#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_ARTICLE_VIEW (px_article_view_get_type ())
G_DECLARE_FINAL_TYPE (PxArticleView, px_article_view, PX, ARTICLE_VIEW, GtkWidget)

PxArticleView *px_article_view_new            (void);
/* Element type PxLabel; the tags follow the labels' colours and kinds. */
void           px_article_view_set_labels     (PxArticleView *self,
                                               GListModel    *labels);
/* @annotations: element type PxAnnotation, by start then end (the store's
 * order). Both may be NULL to show nothing. */
void           px_article_view_set_article    (PxArticleView *self,
                                               const char    *text,
                                               GListModel    *annotations);
const char    *px_article_view_get_text       (PxArticleView *self);
GtkTextBuffer *px_article_view_get_buffer     (PxArticleView *self);
GtkTextView   *px_article_view_get_text_view  (PxArticleView *self);
/* FALSE when nothing is selected. */
gboolean       px_article_view_get_selection  (PxArticleView *self,
                                               gsize         *start,
                                               gsize         *end);
gsize          px_article_view_get_cursor     (PxArticleView *self);
void           px_article_view_select_range   (PxArticleView *self,
                                               gsize          start,
                                               gsize          end);
/* The innermost annotation around @offset, or NULL. Transfer full. */
PxAnnotation  *px_article_view_annotation_at  (PxArticleView *self,
                                               gsize          offset);
/* Shows the annotations with exactly these spans (pairs of start, end
 * offsets in @ranges; the selected event's arguments) in their label's
 * argument look: a fill twice as strong.
 * n_ranges 0 clears them; a new article clears them too. */
void           px_article_view_set_highlights (PxArticleView *self,
                                               const gsize   *ranges,
                                               guint          n_ranges);

G_END_DECLS
