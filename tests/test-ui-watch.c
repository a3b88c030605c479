/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-watch.c: the window sees what other programs commit to its
 * corpus (parallax-cli, a second connection) within a second or so, and
 * keeps the user's place: the article shown, the selected annotation, the
 * sidebar's selection and the text's scroll position. */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "px-application.h"
#include "px-article-view.h"
#include "px-entity-list.h"
#include "px-test-ui.h"
#include "px-test-util.h"
#include "px-window.h"

/* Long enough to scroll: the place in the text must survive a refresh. */
static char *
long_text (void)
{
  GString *s = g_string_new ("Dmytro Kouléba a rencontré Sergueï Lavrov à Antalya.\n");

  for (int i = 0; i < 120; i++)
    g_string_append_printf (s, "Paragraphe %d : les ministres ont parlé des couloirs.\n", i);
  g_string_append (s, "Aucun accord n'a été trouvé, a dit Kouléba.\n");
  return g_string_free (s, FALSE);
}

static gint64
add_article (PxStore    *store,
             const char *title,
             const char *story,
             const char *text)
{
  return px_test_add_article (store, title, "fr", story, text);
}

static gint64
label_id (PxStore    *store,
          const char *name)
{
  g_autoptr(PxLabel) label = px_store_find_label (store, name);

  g_assert_nonnull (label);
  return px_label_get_id (label);
}

static gboolean
is_annotation_list (GtkWidget     *widget,
                    gconstpointer  data)
{
  g_autoptr(GObject) first = NULL;

  if (!GTK_IS_COLUMN_VIEW (widget))
    return FALSE;
  /* Sort models say G_TYPE_OBJECT: look at an item. */
  first = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (widget))), 0);
  return PX_IS_ANNOTATION (first);
}

/* The workspace's annotation list (its selection model), found while it
 * lists at least one annotation. */
static GtkSingleSelection *
annotation_list (PxWindow *window)
{
  GtkWidget *view = px_test_find (GTK_WIDGET (px_window_get_workspace (window)),
                                  is_annotation_list, NULL);

  g_assert_nonnull (view);
  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
}

static gboolean
list_has_annotation (GListModel *list,
                     gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (list, i);
      if (px_annotation_get_id (a) == id)
        return TRUE;
    }
  return FALSE;
}

static gint64
selected_annotation (GtkSingleSelection *selection)
{
  PxAnnotation *a = gtk_single_selection_get_selected_item (selection);

  return a != NULL ? px_annotation_get_id (a) : 0;
}

static gboolean
sidebar_has_article (PxWindow *window,
                     gint64    id)
{
  GListModel *rows = px_sidebar_get_rows (px_window_get_sidebar (window));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (PX_IS_ARTICLE (item) && px_article_get_id (PX_ARTICLE (item)) == id)
        return TRUE;
    }
  return FALSE;
}

/* The article selected in the sidebar, or 0. */
static gint64
sidebar_selected_article (PxWindow *window)
{
  /* By name: the status drop-down holds a list view of its own. */
  GtkWidget *view = px_test_find_named (GTK_WIDGET (px_window_get_sidebar (window)), "article-list");
  GtkSingleSelection *sel = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (sel);
  g_autoptr(GObject) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  return PX_IS_ARTICLE (item) ? px_article_get_id (PX_ARTICLE (item)) : 0;
}

static gboolean
entities_page_has (PxWindow   *window,
                   const char *name)
{
  GtkWidget *page = px_test_find_widget (GTK_WIDGET (window), PX_TYPE_ENTITY_LIST);
  GtkWidget *view = px_test_find_widget (page, GTK_TYPE_COLUMN_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (PX_IS_ENTITY (item) && g_strcmp0 (px_entity_get_name (PX_ENTITY (item)), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
offset_has_tag (PxWindow *window,
                int       offset)
{
  GtkTextBuffer *buffer = px_workspace_get_buffer (px_window_get_workspace (window));
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  return tags != NULL;
}

/* Runs parallax-cli with @args on @db; returns its standard output. */
static char *
run_cli (const char  *db,
         const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("PARALLAX_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("parallax-cli failed: %s", err);
  return out;
}

typedef struct
{
  PxWindow *window;
  GListModel *list;
  gint64    annotation_id;
  gint64    article_id;
} Wait;

static gboolean
arrived (Wait *w)
{
  return list_has_annotation (w->list, w->annotation_id) && sidebar_has_article (w->window, w->article_id);
}

/* Iterates the main loop until @w arrived or @seconds passed; returns the
 * time it took, or -1. */
static double
wait_for (Wait   *w,
          double  seconds)
{
  gint64 start = g_get_monotonic_time ();

  while (g_get_monotonic_time () - start < seconds * G_USEC_PER_SEC)
    {
      if (arrived (w))
        return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  return -1;
}

/* Spins until the text stops scrolling (the reveal of a selected
 * annotation settles over a few frames); returns where it rests. */
static double
settled_scroll (GtkAdjustment *vadj)
{
  double last = -1;
  guint steady = 0;

  for (int i = 0; i < 500 && steady < 40; i++)
    {
      px_test_spin ();
      g_usleep (10000);
      steady = gtk_adjustment_get_value (vadj) == last ? steady + 1 : 0;
      last = gtk_adjustment_get_value (vadj);
    }
  return last;
}

static void
test_other_writers (void)
{
  g_autofree char *db = px_test_db_path ();
  g_autofree char *text = long_text ();
  g_autofree char *cli_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) other = NULL;
  PxWindow *window;
  PxStore *store;
  GtkSingleSelection *list;
  GtkAdjustment *vadj;
  gint64 shown, mine, theirs, imported;
  glong far;
  double scrolled, took;
  Wait w = { 0 };

  if (g_getenv ("PARALLAX_CLI") == NULL)
    {
      g_test_skip ("PARALLAX_CLI is not set");
      return;
    }

  window = px_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (px_window_open_corpus (window, db));
  store = px_window_get_store (window);
  shown = add_article (store, "Antalya", "Antalya", text);
  add_article (store, "Ankara", "Antalya", "Le ministre turc a reçu les deux délégations.\n");
  /* The last "Kouléba", far down the text. */
  far = g_utf8_pointer_to_offset (text, g_strrstr (text, "Kouléba"));
  mine = px_store_add_annotation (store, shown, label_id (store, "PER"), far, far + 7, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (px_sidebar_select_article (px_window_get_sidebar (window), shown));
  px_test_spin ();
  g_assert_cmpint (px_workspace_get_article_id (px_window_get_workspace (window)), ==, shown);

  /* The user's place: an annotation far down selected, which scrolls the
   * text there. */
  list = annotation_list (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  gtk_single_selection_set_selected (list, 0);
  g_assert_cmpint (selected_annotation (list), ==, mine);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (
           px_article_view_get_text_view (PX_ARTICLE_VIEW (
             px_test_find_widget (GTK_WIDGET (window), PX_TYPE_ARTICLE_VIEW)))));
  scrolled = settled_scroll (vadj);
  g_assert_cmpfloat (scrolled, >, 300);

  g_assert_false (offset_has_tag (window, 30));

  /* Another process tags "Sergueï Lavrov" in the shown article... */
  {
    g_autofree char *ids = g_strdup_printf ("%" G_GINT64_FORMAT, shown);
    const char *args[] = { "annotate", ids, "27", "41", "PER", NULL };

    cli_out = run_cli (db, args);
    theirs = g_ascii_strtoll (cli_out, NULL, 10);
    g_assert_cmpint (theirs, >, 0);
  }
  /* ...and another connection adds an article in a new story. */
  other = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  imported = add_article (other, "Istanbul", "Istanbul", "Marco Rubio est arrivé à Istanbul.\n");
  g_clear_object (&other);

  /* Nothing told the window: it finds out by itself. */
  w.window = window;
  w.list = G_LIST_MODEL (list);
  w.annotation_id = theirs;
  w.article_id = imported;

  g_assert_false (arrived (&w));
  took = wait_for (&w, 3.0);
  g_test_message ("other writers seen after %.2f s (annotation %d, article %d)", took,
                  list_has_annotation (w.list, theirs), sidebar_has_article (window, imported));
  g_assert_cmpfloat (took, >=, 0);

  /* The corpus file holds what the window shows. */
  {
    g_autoptr(PxStore) check = px_store_open (db, PX_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(PxAnnotation) a = px_store_get_annotation (check, theirs, &error);
    g_autoptr(PxArticle) article = px_store_get_article (check, imported, NULL);

    g_assert_no_error (error);
    g_assert_cmpint (px_annotation_get_article_id (a), ==, shown);
    g_assert_cmpstr (px_annotation_get_text (a), ==, "Sergueï Lavrov");
    g_assert_cmpstr (px_article_get_story_name (article), ==, "Istanbul");
  }

  /* The text styles their annotation; the entities page lists Lavrov. */
  px_test_spin ();
  g_assert_true (offset_has_tag (window, 30));
  g_assert_true (entities_page_has (window, "Sergueï Lavrov"));

  /* The user's place is kept. */
  g_assert_cmpint (px_workspace_get_article_id (px_window_get_workspace (window)), ==, shown);
  g_assert_cmpint (sidebar_selected_article (window), ==, shown);
  g_assert_cmpint (selected_annotation (list), ==, mine);
  g_assert_cmpfloat (fabs (settled_scroll (vadj) - scrolled), <, 1);

  /* Nothing more to see: polling again changes nothing. */
  g_assert_false (px_store_poll_external_change (store));

  gtk_window_destroy (GTK_WINDOW (window));
  px_test_spin ();
}

int
main (int argc, char **argv)
{
  g_autofree char *data_home = NULL;

  g_test_init (&argc, &argv, NULL);
  data_home = px_test_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_unsetenv ("PARALLAX_DB");
  px_application_register_resources ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/watch/other-writers", test_other_writers);
  return g_test_run ();
}
