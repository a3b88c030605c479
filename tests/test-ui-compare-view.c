/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The compare view on the demo story, under a virtual display. */
#include "px-align.h"
#include "px-compare-pane.h"
#include "px-compare-view.h"
#include "px-demo.h"
#include "px-test-util.h"

static gboolean
wait_ready (PxCompareView *view)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!px_compare_view_is_ready (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return px_compare_view_is_ready (view);
}

static gint64
demo_story (PxStore *store)
{
  g_autoptr(GListModel) stories = px_store_list_stories (store);
  g_autoptr(PxStory) story = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 1);
  story = g_list_model_get_item (stories, 0);
  return px_story_get_id (story);
}

static void
spin (void)
{
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Activates the view's own shortcut for @trigger ("<Alt>Down"): the very
 * binding a key press runs. */
static void
press (PxCompareView *view, const char *trigger)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean pressed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (c)) && !pressed; k++)
        {
          g_autoptr(GtkShortcut) sc = g_list_model_get_item (G_LIST_MODEL (c), k);
          g_autofree char *t = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (sc));

          if (g_strcmp0 (t, trigger) == 0)
            pressed = gtk_shortcut_action_activate (gtk_shortcut_get_action (sc), 0, GTK_WIDGET (view),
                                                    gtk_shortcut_get_arguments (sc));
        }
    }
  g_object_unref (controllers);
  g_assert_true (pressed);
  spin ();
}

static gboolean
on_settled (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms: text views measure their lines over several
 * frames, and move their adjustments meanwhile. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_settled, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect_panes (GtkWidget *w, GPtrArray *panes)
{
  if (PX_IS_COMPARE_PANE (w))
    g_ptr_array_add (panes, w);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    collect_panes (c, panes);
}

static PxAlignStatus
selected_status (PxCompareView *view, guint *doc, guint *sentence)
{
  g_autoptr(GPtrArray) panes = g_ptr_array_new ();
  const PxAlignment *al;

  g_assert_true (px_compare_view_get_selected (view, doc, sentence));
  collect_panes (GTK_WIDGET (view), panes);
  g_assert_cmpuint (panes->len, ==, 4);
  al = px_compare_pane_get_alignment (panes->pdata[*doc]);
  return g_array_index (al->sentences[*doc], PxAlignSentence, *sentence).status;
}

/* Alt+Down visits the differences (sentences not shared) in reading order,
 * pane after pane; Alt+Up comes back. */
static void
check_difference_keys (PxCompareView *view)
{
  guint d1, s1, d2, s2, d3, s3;

  g_assert_false (px_compare_view_get_selected (view, &d1, &s1));
  press (view, "<Alt>Down");
  g_assert_cmpint (selected_status (view, &d1, &s1), !=, PX_ALIGN_SHARED);
  press (view, "<Alt>Down");
  g_assert_cmpint (selected_status (view, &d2, &s2), !=, PX_ALIGN_SHARED);
  g_assert_true (d2 > d1 || (d2 == d1 && s2 > s1));
  press (view, "<Alt>Up");
  selected_status (view, &d3, &s3);
  g_assert_cmpuint (d3, ==, d1);
  g_assert_cmpuint (s3, ==, s1);
}

/* Presses @keyval in @pane's text view through its own key controller. */
static gboolean
press_in_pane (PxComparePane *pane, guint keyval)
{
  GtkTextView *tv = px_compare_pane_get_text_view (pane);
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (tv));
  gboolean handled = FALSE, found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c) && g_strcmp0 (gtk_event_controller_get_name (c), "px-compare-keys") == 0)
        {
          g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
          found = TRUE;
        }
    }
  g_object_unref (controllers);
  g_assert_true (found);
  return handled;
}

/* Selecting part of a word in a pane and pressing a label key tags the
 * whole word through the editor, as in the article view ("1" is PER in the
 * default labels): the mention is linked to an entity and the step can be
 * undone; the comparison is then redone with the new mention. */
static void
check_annotate_in_pane (PxCompareView *view, PxStore *store, PxEditor *editor)
{
  g_autoptr(GPtrArray) panes = g_ptr_array_new ();
  g_autoptr(GListModel) after = NULL;
  guint rows = px_compare_view_get_n_matrix_rows (view), n_before;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean tagged = FALSE;
  GtkTextBuffer *buf;
  GtkTextIter a, b;
  gint64 article_id;
  GtkAdjustment *adj;
  double place;

  collect_panes (GTK_WIDGET (view), panes);
  buf = gtk_text_view_get_buffer (px_compare_pane_get_text_view (panes->pdata[0]));
  article_id = px_compare_pane_get_article_id (panes->pdata[0]);
  {
    /* The store's lists follow changes: keep the count, not the list. */
    g_autoptr(GListModel) before = px_store_list_annotations (store, article_id);

    n_before = g_list_model_get_n_items (before);
  }
  /* The reader is halfway down the first pane. */
  adj = px_compare_pane_get_vadjustment (panes->pdata[0]);
  while (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) <= 100 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj), >, 100);
  settle (300);
  gtk_adjustment_set_value (adj, (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)) / 2);
  settle (300);
  place = gtk_adjustment_get_value (adj);
  /* "lu" of "Les élus de l'Aude". */
  gtk_text_buffer_get_iter_at_offset (buf, &a, 5);
  gtk_text_buffer_get_iter_at_offset (buf, &b, 7);
  gtk_text_buffer_select_range (buf, &a, &b);
  /* A key no label owns is left to the text view. */
  g_assert_false (press_in_pane (panes->pdata[0], GDK_KEY_percent));
  g_assert_true (press_in_pane (panes->pdata[0], GDK_KEY_1));
  after = px_store_list_annotations (store, article_id);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(PxAnnotation) an = g_list_model_get_item (after, i);

      if (px_annotation_get_start (an) == 4 && px_annotation_get_end (an) == 8 &&
          g_strcmp0 (px_annotation_get_label_name (an), "PER") == 0)
        {
          tagged = TRUE;
          /* Linked, as a tag on the Annotate page is. */
          g_assert_cmpint (px_annotation_get_entity_id (an), !=, 0);
        }
    }
  g_assert_true (tagged);
  g_assert_true (px_editor_get_can_undo (editor));
  /* Only differences are shown, and only this article names "élus". */
  while (px_compare_view_get_n_matrix_rows (view) == rows && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (wait_ready (view));
  g_assert_cmpuint (px_compare_view_get_n_matrix_rows (view), ==, rows + 1);
  /* New panes, and the reader is still where they were. */
  g_ptr_array_set_size (panes, 0);
  collect_panes (GTK_WIDGET (view), panes);
  adj = px_compare_pane_get_vadjustment (panes->pdata[0]);
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (ABS (gtk_adjustment_get_value (adj) - place) > 1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (ABS (gtk_adjustment_get_value (adj) - place), <=, 1);

  /* One undo takes the tag back. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) undone = NULL;

    g_assert_true (px_editor_undo (editor, NULL, &error));
    g_assert_no_error (error);
    undone = px_store_list_annotations (store, article_id);
    g_assert_cmpuint (g_list_model_get_n_items (undone), ==, n_before);
  }
}

/* The view's export writes the four files, each with a header and rows. */
static void
check_export (PxCompareView *view)
{
  static const char *names[] = { "alignment.csv", "coverage.csv", "event_grid.csv", "quotes.csv" };
  g_autofree char *dir = px_test_tmpdir ();
  g_autoptr(GError) error = NULL;

  g_assert_true (px_compare_view_export (view, dir, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *data = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
      lines = g_strsplit (data, "\r\n", -1);
      g_assert_cmpuint (g_strv_length (lines), >=, 3);
    }
}

static void
test_demo_story (void)
{
  g_autofree char *samples = px_test_src_path ("..", "data", "samples", NULL);
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxEditor) editor = NULL;
  GtkWidget *window = gtk_window_new ();
  PxCompareView *view = PX_COMPARE_VIEW (px_compare_view_new ());
  guint all_rows;
  gboolean loaded;

  g_assert_no_error (error);
  loaded = px_demo_load (store, samples, &error);
  g_assert_no_error (error);
  g_assert_true (loaded);
  /* Small enough that the texts scroll. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 560);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  editor = px_editor_new (store);
  px_compare_view_set_store (view, store);
  px_compare_view_set_editor (view, editor);
  px_compare_view_set_story (view, demo_story (store));
  g_assert_true (wait_ready (view));

  /* Bands join the four panes' aligned sentences. */
  g_assert_cmpuint (px_compare_view_get_n_bands (view), >, 0);
  /* Links between panes that are not neighbours show as wedges (issue 12). */
  settle (300);
  g_test_message ("far-link wedges drawn: %u", px_compare_view_get_n_far_drawn (view));
  g_assert_cmpuint (px_compare_view_get_n_far_drawn (view), >, 0);
  /* The matrix lists the people; "only differences" keeps Jonas Keller,
   * whom Midi Matin leaves out, and drops who everyone names. */
  all_rows = px_compare_view_get_n_matrix_rows (view);
  g_assert_cmpuint (all_rows, >=, 5);
  px_compare_view_set_only_differences (view, TRUE);
  g_assert_cmpuint (px_compare_view_get_n_matrix_rows (view), <, all_rows);
  g_assert_cmpuint (px_compare_view_get_n_matrix_rows (view), >, 0);
  /* The deaths: 12 against 14 are flagged. */
  g_assert_cmpuint (px_compare_view_get_n_flagged_conflicts (view), >=, 2);

  check_export (view);
  check_difference_keys (view);
  check_annotate_in_pane (view, store, editor);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/compare-view/demo-story", test_demo_story);
  return g_test_run ();
}
