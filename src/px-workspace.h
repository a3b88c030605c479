/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-workspace.h: the Annotate page: article view, label palette and
 * inspector, editing through the window's PxEditor. The window owns one. */
#pragma once

#include <adwaita.h>
#include "px-core.h"

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
/* The PxArticleHeader above the text. */
GtkWidget *px_workspace_get_article_header (PxWorkspace *self);
/* The editor every change goes through (the window's, with its one undo
 * history); NULL: nothing can be changed. */
void       px_workspace_set_editor  (PxWorkspace *self,
                                     PxEditor    *editor);   /* nullable */
/* Shows where an undone or redone step happened: its article, with its
 * annotation selected. */
void       px_workspace_show_edit   (PxWorkspace        *self,
                                     const PxEditTarget *target);

G_END_DECLS
