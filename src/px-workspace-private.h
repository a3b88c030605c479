/* px-workspace-private.h: the Annotate page's state, shared by the files
 * that make it up:
 *  - px-workspace.c: layout, tagging, relabelling, deleting, navigation, undo;
 *  - further px-workspace-*.c files, one per feature (events, suggestions),
 *    each hooking into the workspace through the functions below.
 * Nothing outside the workspace includes this. */
#pragma once

#include "px-workspace.h"
#include "px-article-view.h"
#include "px-undo.h"

G_BEGIN_DECLS

struct _PxWorkspace
{
  GtkWidget           parent_instance;

  PxStore            *store;
  gint64              article_id;
  char               *lang;
  GListModel         *labels;
  GListModel         *annotations;
  PxUndo             *undo;
  GSettings          *settings;       /* NULL when the schema is not installed */
  gint64              shown_annotation_id; /* last one revealed from the list */

  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkBox             *palette;
  PxArticleView      *view;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkSortListModel   *sorted;
};

/* One-line message at the bottom of the page. */
void          px_workspace_toast               (PxWorkspace  *self,
                                                const char   *message);
void          px_workspace_error               (PxWorkspace  *self,
                                                const GError *error);
/* The annotation selected in the list, or NULL. Transfer full. */
PxAnnotation *px_workspace_get_selected        (PxWorkspace  *self);
/* Selects (and reveals) an annotation of the current article; FALSE when it
 * is not in the list. */
gboolean      px_workspace_select_annotation   (PxWorkspace  *self,
                                                gint64        id);
/* The annotation an edit applies to (see px-workspace.c). Transfer full. */
PxAnnotation *px_workspace_get_target          (PxWorkspace  *self);
/* Call after pushing onto self->undo. */
void          px_workspace_update_undo_actions (PxWorkspace  *self);

G_END_DECLS
