/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-article-dialog.h: corrects an article's title, outlet, publication
 * date, URL and story. Save applies what changed through the PxEditor as
 * one undo step; an invalid date is shown in the dialog and nothing is
 * saved. */
#pragma once

#include <adwaita.h>

#include "px-editor.h"

G_BEGIN_DECLS

#define PX_TYPE_ARTICLE_DIALOG (px_article_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PxArticleDialog, px_article_dialog, PX, ARTICLE_DIALOG, AdwWindow)

/* NULL (with a warning) when the article cannot be read. */
GtkWidget *px_article_dialog_new (GtkWindow *parent,
                                  PxEditor  *editor,
                                  gint64     article_id);

G_END_DECLS
