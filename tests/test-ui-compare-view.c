/* The compare view on the demo story, under a virtual display. */
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
test_demo_story (void)
{
  g_autofree char *samples = px_test_src_path ("..", "data", "samples", NULL);
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  GtkWidget *window = gtk_window_new ();
  PxCompareView *view = PX_COMPARE_VIEW (px_compare_view_new ());
  guint all_rows;
  gboolean loaded;

  g_assert_no_error (error);
  loaded = px_demo_load (store, samples, &error);
  g_assert_no_error (error);
  g_assert_true (loaded);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  px_compare_view_set_store (view, store);
  px_compare_view_set_story (view, demo_story (store));
  g_assert_true (wait_ready (view));

  /* Bands join the four panes' aligned sentences. */
  g_assert_cmpuint (px_compare_view_get_n_bands (view), >, 0);
  /* The matrix lists the people; "only differences" keeps Jonas Keller,
   * whom Midi Matin leaves out, and drops who everyone names. */
  all_rows = px_compare_view_get_n_matrix_rows (view);
  g_assert_cmpuint (all_rows, >=, 5);
  px_compare_view_set_only_differences (view, TRUE);
  g_assert_cmpuint (px_compare_view_get_n_matrix_rows (view), <, all_rows);
  g_assert_cmpuint (px_compare_view_get_n_matrix_rows (view), >, 0);
  /* The deaths: 12 against 14 are flagged. */
  g_assert_cmpuint (px_compare_view_get_n_flagged_conflicts (view), >=, 2);

  /* Alt+Down moves to a difference without trouble. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "compare.next-difference", NULL));
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);

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
