/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-test-ui.c: helpers of the UI tests (see px-test-ui.h). */
#include "px-test-ui.h"

#include "px-test-util.h"

void
px_test_spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

gint64
px_test_add_article (PxStore    *store,
                     const char *title,
                     const char *lang,
                     const char *story,
                     const char *text)
{
  g_autoptr(GError) error = NULL;
  PxArticleInfo info = { 0 };
  gint64 id;

  info.title = (char *) title;
  info.language = (char *) lang;
  info.story = (char *) story;
  info.text = (char *) text;
  id = px_store_add_article (store, &info, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

void
px_test_open_workspace (int           width,
                        int           height,
                        PxStore     **out_store,
                        GtkWidget   **out_window,
                        PxWorkspace **out_workspace)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  PxWorkspace *ws;
  GtkWidget *window;

  *out_store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ws = PX_WORKSPACE (px_workspace_new ());
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (ws));
  gtk_window_present (GTK_WINDOW (window));
  px_workspace_set_store (ws, *out_store);
  {
    /* The workspace edits through an editor, as in the app's window. */
    g_autoptr(PxEditor) editor = px_editor_new (*out_store);
    px_workspace_set_editor (ws, editor);
  }
  *out_window = window;
  *out_workspace = ws;
}

void
px_test_close_workspace (GtkWidget  *window,
                         PxStore   **store)
{
  gtk_window_destroy (GTK_WINDOW (window));
  px_test_spin ();
  g_clear_object (store);
}

void
px_test_select_chars (PxWorkspace *ws,
                      int          start,
                      int          end)
{
  GtkTextBuffer *buffer = px_workspace_get_buffer (ws);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
}

void
px_test_activate (PxWorkspace *ws,
                  const char  *action,
                  const char  *label)
{
  gboolean done;

  if (label != NULL)
    done = gtk_widget_activate_action (GTK_WIDGET (ws), action, "s", label);
  else
    done = gtk_widget_activate_action (GTK_WIDGET (ws), action, NULL);
  g_assert_true (done);
  px_test_spin ();
}

void
px_test_tag (PxWorkspace *ws,
             int          start,
             int          end,
             const char  *label)
{
  px_test_select_chars (ws, start, end);
  px_test_activate (ws, "workspace.tag", label);
}

GtkWidget *
px_test_find (GtkWidget     *root,
              PxTestMatch    match,
              gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = px_test_find (c, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

GtkWidget *
px_test_find_widget (GtkWidget *root,
                     GType      type)
{
  return px_test_find (root, is_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
px_test_find_named (GtkWidget  *root,
                    const char *name)
{
  return px_test_find (root, is_named, name);
}
