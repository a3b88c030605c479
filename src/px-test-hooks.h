/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-test-hooks.h: what the UI tests and the UI benchmark look at inside
 * the widgets, and the application itself never calls. Not public API:
 * only tests/, bench/ and the files that define these include it. */
#pragma once

#include <gtk/gtk.h>

#include "px-article-view.h"
#include "px-entity-list.h"
#include "px-workspace.h"

G_BEGIN_DECLS

/* The suffix of the argument look's tag names (px-article-view.c). */
#define PX_ARTICLE_VIEW_ARGUMENT_SUFFIX "-argument"
/* How many annotations carry a tag right now. */
guint          px_article_view_get_n_styled       (PxArticleView *self);
/* The Annotate page's article text (read-only). */
GtkTextBuffer *px_workspace_get_buffer            (PxWorkspace   *self);
/* Near-key pairs shown for review: "Kouleba → Kuleba" lines, joined by
 * "; ". */
char          *px_entity_list_describe_duplicates (PxEntityList  *self);

G_END_DECLS
