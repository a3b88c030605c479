/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-window.h: the main window: header bar, sidebar, the Annotate and
 * Compare pages, the welcome page, import progress and toasts. */
#pragma once

#include <adwaita.h>

#include "px-core.h"
#include "px-application.h"
#include "px-sidebar.h"
#include "px-workspace.h"

G_BEGIN_DECLS

#define PX_TYPE_WINDOW (px_window_get_type ())
G_DECLARE_FINAL_TYPE (PxWindow, px_window, PX, WINDOW, AdwApplicationWindow)

PxWindow    *px_window_new            (PxApplication *app);

/* Opens @path (created when missing). A broken or newer corpus shows an
 * error page and returns FALSE; a read-only one opens with a banner. */
gboolean     px_window_open_corpus    (PxWindow      *self,
                                       const char    *path);
/* Opens the demo corpus in its own file, rebuilt from the samples. */
gboolean     px_window_open_demo      (PxWindow      *self);
/* Shows @store (nullable). */
void         px_window_set_store      (PxWindow      *self,
                                       PxStore       *store);
PxStore     *px_window_get_store      (PxWindow      *self);
PxEditor    *px_window_get_editor     (PxWindow      *self);
gboolean     px_window_is_demo        (PxWindow      *self);

/* Imports files and folders off the main thread, on a store of its own, with
 * progress in the window. "import-finished" (guint n_imported) is emitted at
 * the end, also after a cancel or failure. */
void         px_window_import_files   (PxWindow      *self,
                                       GFile        **files,
                                       guint          n_files);
void         px_window_import_paths   (PxWindow      *self,
                                       const char * const *paths);
void         px_window_cancel_import  (PxWindow      *self);
gboolean     px_window_is_importing   (PxWindow      *self);

gboolean     px_window_merge_corpus   (PxWindow      *self,
                                       const char    *path);
/* Takes @toast. */
void         px_window_show_toast     (PxWindow      *self,
                                       AdwToast      *toast);
void         px_window_add_toast      (PxWindow      *self,
                                       const char    *title);
void         px_window_show_error     (PxWindow      *self,
                                       const char    *heading,
                                       const char    *body);

/* "welcome", "corpus" or "error". */
const char  *px_window_get_page_name  (PxWindow      *self);
/* "annotate", "compare" or "entities": the page the view switcher shows. */
const char  *px_window_get_view_name  (PxWindow      *self);
GtkWidget   *px_window_get_compare_view (PxWindow    *self);
PxSidebar   *px_window_get_sidebar    (PxWindow      *self);
PxWorkspace *px_window_get_workspace  (PxWindow      *self);
GtkWidget   *px_window_get_search_view (PxWindow     *self);
/* "annotate" or "compare". */
/* Shows the Compare page on @story_id's articles (a story's context menu). */
void         px_window_compare_story  (PxWindow      *self,
                                       gint64         story_id);
void         px_window_show_page      (PxWindow      *self,
                                       const char    *name);
void         px_window_set_search_mode (PxWindow     *self,
                                        gboolean      search);

/* Undoes (or redoes) the editor's last step, whatever page made it
 * (win.undo, win.redo). */
void         px_window_replay         (PxWindow      *self,
                                       gboolean       redo);

/* For px-window-actions.c. */
void         px_window_class_install_actions (PxWindowClass *klass);
void         px_window_update_actions (PxWindow      *self);
void         px_window_update_history (PxWindow      *self);
void         px_window_add_history_keys (PxWindow    *self);

G_END_DECLS
