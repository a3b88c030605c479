/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-workspace.h: the Annotate page: article view, label palette and
 * inspector, with the session's undo history. The window owns one. */
#pragma once

#include <adwaita.h>
#include "px-core.h"
#include "px-undo.h"

G_BEGIN_DECLS

#define PX_TYPE_WORKSPACE (px_workspace_get_type ())
G_DECLARE_FINAL_TYPE (PxWorkspace, px_workspace, PX, WORKSPACE, GtkWidget)

GtkWidget *px_workspace_new          (void);
void       px_workspace_set_store    (PxWorkspace *self,
                                      PxStore     *store);   /* nullable */
/* Shows an article; 0 shows the "pick an article" placeholder. */
void       px_workspace_show_article (PxWorkspace *self,
                                      gint64       article_id);
gint64     px_workspace_get_article_id (PxWorkspace *self);
/* Shows the article and selects/scrolls to [start, end) (code points). */
void       px_workspace_reveal_range (PxWorkspace *self,
                                      gint64       article_id,
                                      gsize        start,
                                      gsize        end);
/* The session's undo history, shared with the Entities page. After pushing
 * onto it from outside, call px_workspace_history_changed(). */
PxUndo    *px_workspace_get_undo    (PxWorkspace *self);
/* The PxArticleHeader above the text. */
GtkWidget *px_workspace_get_article_header (PxWorkspace *self);
void       px_workspace_history_changed (PxWorkspace *self);
/* The article view's buffer (read-only text), for tests and tools. */
GtkTextBuffer *px_workspace_get_buffer (PxWorkspace *self);

G_END_DECLS
