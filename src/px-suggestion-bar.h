/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-suggestion-bar.h: the bar above the Annotate page's text while an
 * article has suggestions: "3 suggestions in this article", Reject All and
 * Accept All (the actions workspace.reject-all and workspace.accept-all of
 * an ancestor). It counts the suggestions of the list it is given, row by
 * row as the list changes, and publishes the count as "n-suggestions". */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PX_TYPE_SUGGESTION_BAR (px_suggestion_bar_get_type ())
G_DECLARE_FINAL_TYPE (PxSuggestionBar, px_suggestion_bar, PX, SUGGESTION_BAR, GtkWidget)

GtkWidget *px_suggestion_bar_new               (void);
/* @annotations: PxAnnotation, nullable. */
void       px_suggestion_bar_set_annotations   (PxSuggestionBar *self,
                                                GListModel      *annotations);
guint      px_suggestion_bar_get_n_suggestions (PxSuggestionBar *self);

G_END_DECLS
