/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare-pane.h: one article of the compare view: a read-only text view
 * whose sentences are tinted by alignment status, with an overview strip. */
#pragma once

#include <gtk/gtk.h>
#include "px-compare.h"

G_BEGIN_DECLS

#define PX_TYPE_COMPARE_PANE (px_compare_pane_get_type ())
G_DECLARE_FINAL_TYPE (PxComparePane, px_compare_pane, PX, COMPARE_PANE, GtkWidget)

GtkWidget     *px_compare_pane_new            (void);
/* Shows @article as document @doc of @alignment; both must outlive the
 * pane's use of them (the view keeps the result alive). */
void           px_compare_pane_set_article    (PxComparePane          *self,
                                               const PxCompareArticle *article,
                                               const PxAlignment      *alignment,
                                               guint                   doc);
GtkTextView   *px_compare_pane_get_text_view  (PxComparePane          *self);
const PxAlignment *px_compare_pane_get_alignment (PxComparePane       *self);
gint64         px_compare_pane_get_article_id (PxComparePane          *self);
GtkAdjustment *px_compare_pane_get_vadjustment(PxComparePane          *self);
guint          px_compare_pane_get_doc        (PxComparePane          *self);
/* The vertical extent of sentence @index in @target's coordinates; FALSE
 * when there is no such sentence. */
gboolean       px_compare_pane_sentence_extent (PxComparePane         *self,
                                                guint                  index,
                                                GtkWidget             *target,
                                                double                *top,
                                                double                *bottom);
/* Marks sentence @index as the selected one (or as a partner), -1 clears. */
void           px_compare_pane_highlight      (PxComparePane          *self,
                                               int                     index,
                                               gboolean                partner);
void           px_compare_pane_clear_highlights (PxComparePane        *self);
void           px_compare_pane_scroll_to      (PxComparePane          *self,
                                               gsize                   start,
                                               gsize                   end,
                                               gboolean                select);
/* The tint of a sentence status: the pale one behind text, or the @strong
 * one of the overview strip, bands and legend. */
void           px_compare_pane_status_colour  (PxAlignStatus           status,
                                               gboolean                strong,
                                               GdkRGBA                *out);
/* Scrolls back to @value (of the vertical adjustment) once the text is laid
 * out far enough: a refreshed comparison keeps the reader's place. */
void           px_compare_pane_restore_scroll (PxComparePane          *self,
                                               double                  value);
/* The sentence under the top of the visible area, or -1. */
int            px_compare_pane_top_sentence   (PxComparePane          *self);

G_END_DECLS
