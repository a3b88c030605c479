/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-article-header.h: the shown article's title and metadata above its
 * text, with a button that opens PxArticleDialog to correct them.
 *
 * Properties (notified only on change): "editor" (PxEditor, through which
 * every change goes) and "article-id" (0: none). It follows the store's
 * "articles-changed::rows" and "stories-changed", so an edit, an undo or
 * another program's change shows at once. */
#pragma once

#include <gtk/gtk.h>

#include "px-editor.h"

G_BEGIN_DECLS

#define PX_TYPE_ARTICLE_HEADER (px_article_header_get_type ())
G_DECLARE_FINAL_TYPE (PxArticleHeader, px_article_header, PX, ARTICLE_HEADER, GtkWidget)

GtkWidget *px_article_header_new            (void);
PxEditor  *px_article_header_get_editor     (PxArticleHeader *self);
void       px_article_header_set_editor     (PxArticleHeader *self,
                                             PxEditor        *editor);
gint64     px_article_header_get_article_id (PxArticleHeader *self);
void       px_article_header_set_article_id (PxArticleHeader *self,
                                             gint64           article_id);
/* Opens the dialog on the article (as the Edit button does); NULL when
 * there is no article or no editor. */
GtkWidget *px_article_header_edit           (PxArticleHeader *self);

G_END_DECLS
