/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-test-ui.h: what the UI tests share: a corpus with a workspace in a
 * window, the main loop, text selection, actions, and finding widgets. */
#pragma once

#include <adwaita.h>

#include "px-core.h"
#include "px-workspace.h"
#include "px-test-hooks.h"

G_BEGIN_DECLS

/* Runs the main loop until nothing is pending. */
void        px_test_spin            (void);
/* Adds an article (lang and story nullable) and returns its id. */
gint64      px_test_add_article     (PxStore    *store,
                                     const char *title,
                                     const char *lang,
                                     const char *story,
                                     const char *text);
/* A fresh corpus in a temporary file, and a window of @width × @height
 * showing a workspace on it. */
void        px_test_open_workspace  (int           width,
                                     int           height,
                                     PxStore     **out_store,
                                     GtkWidget   **out_window,
                                     PxWorkspace **out_workspace);
/* Destroys the window, then drops the corpus. */
void        px_test_close_workspace (GtkWidget  *window,
                                     PxStore   **store);
/* Selects code points [start, end) of the shown article. */
void        px_test_select_chars    (PxWorkspace *ws,
                                     int          start,
                                     int          end);
/* Activates a workspace action (with a label name as its parameter when
 * @label is not NULL), asserts it ran, and spins. */
void        px_test_activate        (PxWorkspace *ws,
                                     const char  *action,
                                     const char  *label);
/* Selects [start, end) and presses a label's key: workspace.tag with @label. */
void        px_test_tag             (PxWorkspace *ws,
                                     int          start,
                                     int          end,
                                     const char  *label);
/* The first widget at or below @root, depth first, that @match accepts
 * (with @data), or NULL. */
typedef gboolean (*PxTestMatch) (GtkWidget *widget, gconstpointer data);
GtkWidget  *px_test_find            (GtkWidget    *root,
                                     PxTestMatch   match,
                                     gconstpointer data);
/* The first widget of @type at or below @root, depth first, or NULL. */
GtkWidget  *px_test_find_widget     (GtkWidget   *root,
                                     GType        type);
/* The first widget named @name (gtk_widget_set_name) at or below @root,
 * depth first, or NULL. */
GtkWidget  *px_test_find_named      (GtkWidget   *root,
                                     const char  *name);

G_END_DECLS
