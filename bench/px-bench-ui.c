/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-bench-ui: the Annotate page's figures against DESIGN.md §6.
 *
 *   xvfb-run -a px-bench-ui [--runs N] [--no-animations]
 *
 * Not a test: it prints a table of medians (and of painted frames where
 * the work spans several). Each figure is measured from the call to the
 * moment GTK has painted the result (the frame clock's after-paint), so
 * that layout and styling are included:
 *  - opening a 1 MB article with 20,000 annotations (tests/px-test-long.c);
 *  - right after opening, before GtkTextView has measured the lines:
 *    Ctrl+End, and revealing the last annotation (as a click in the
 *    annotation list does), each until the annotation there is on screen
 *    and styled;
 *  - once measured: revealing an annotation in the middle, dragging the
 *    scrollbar;
 *  - tagging a selection (key action to the row in SQLite, then a frame);
 *  - the main window on the demo corpus (rebuilt from the samples), from
 *    creation to its first frame; opening the first demo article. */
#include <adwaita.h>

#include "px-article-view.h"
#include "px-core.h"
#include "px-demo.h"
#include "px-test-long.h"
#include "px-window.h"
#include "px-workspace.h"
#include "px-test-hooks.h"

typedef struct
{
  GtkWidget   *window;
  PxWorkspace *ws;
  PxStore     *store;
  gboolean     painted;
  guint        frames;   /* painted since the last wait_for_frame() began */
  gint64       frame_began; /* before-paint of the last frame painted */
  gint64       frame_work;  /* its before-paint to after-paint, µs */
} Bench;

static void
on_before_paint (GdkFrameClock *clock,
                 Bench         *b)
{
  b->frame_began = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *b)
{
  b->painted = TRUE;
  b->frames++;
  b->frame_work = g_get_monotonic_time () - b->frame_began;
}

/* Spins until a frame has been painted after @t0, or until @until (nullable)
 * says the job is done and a frame followed. Returns milliseconds. */
static double
wait_for_frame (Bench    *b,
                gint64    t0,
                gboolean (*until) (gpointer),
                gpointer  data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (b->window);
  gint64 deadline = t0 + 10 * G_USEC_PER_SEC;

  b->frames = 0;
  for (;;)
    {
      b->painted = FALSE;
      b->frame_began = g_get_monotonic_time ();
      g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), b);
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), b);
      while (!b->painted && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, b);
      g_signal_handlers_disconnect_by_func (clock, on_before_paint, b);
      if (until == NULL || until (data) || g_get_monotonic_time () >= deadline)
        break;
    }
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* Milliseconds and painted frames of each run. */
typedef struct
{
  GArray *ms;
  GArray *frames;
} Figure;

static void
figure_init (Figure *f)
{
  f->ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->frames = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
figure_add (Figure *f,
            double  ms,
            guint   frames)
{
  double n = frames;

  g_array_append_val (f->ms, ms);
  g_array_append_val (f->frames, n);
}

static void
row (const char *work,
     Figure     *f,
     const char *target)
{
  g_print ("| %-50s | %9.1f ms | %6.0f | %-22s |\n", work, median (f->ms), median (f->frames), target);
  g_array_unref (f->ms);
  g_array_unref (f->frames);
}

/* ---- The long article (tests/px-test-long.c) ------------------------------ */

static PxArticleView *
find_article_view (GtkWidget *widget)
{
  if (PX_IS_ARTICLE_VIEW (widget))
    return PX_ARTICLE_VIEW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      PxArticleView *found = find_article_view (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether some text on screen carries a tag: the sample sentence names
 * Lina Moreau every 70 characters, so every screenful holds annotations. */
static gboolean
screen_is_styled (gpointer data)
{
  GtkTextView *tv = data;
  GdkRectangle rect;
  GtkTextIter top, bottom;

  gtk_text_view_get_visible_rect (tv, &rect);
  gtk_text_view_get_iter_at_location (tv, &top, rect.x, rect.y);
  gtk_text_view_get_iter_at_location (tv, &bottom, rect.x + rect.width, rect.y + rect.height);
  if (gtk_text_iter_get_tags (&top) != NULL)
    return TRUE;
  return gtk_text_iter_forward_to_tag_toggle (&top, NULL)
         && gtk_text_iter_compare (&top, &bottom) < 0;
}

typedef struct
{
  GtkTextView *tv;
  int          offset;
} Target;

/* The target annotation is on screen and carries its tag. */
static gboolean
target_is_styled (gpointer data)
{
  Target *t = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (t->tv);
  GdkRectangle visible, location;
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, t->offset);
  gtk_text_view_get_visible_rect (t->tv, &visible);
  gtk_text_view_get_iter_location (t->tv, &iter, &location);
  tags = gtk_text_iter_get_tags (&iter);
  return tags != NULL && location.y >= visible.y
         && location.y + location.height <= visible.y + visible.height;
}

/* Opens a far annotation as a click in the list or a search hit does. */
static double
reveal (Bench *b,
        gsize  offset,
        gsize  len)
{
  PxArticleView *view = find_article_view (GTK_WIDGET (b->ws));
  Target target = { px_article_view_get_text_view (view), (int) offset + 1 };
  gint64 t0 = g_get_monotonic_time ();

  px_article_view_select_range (view, offset, offset + len);
  return wait_for_frame (b, t0, target_is_styled, &target);
}

/* What GtkTextView's Ctrl+End binding does, then waits for @offset (the
 * last annotation) on screen and styled. */
static double
end_key (Bench *b,
         gsize  offset)
{
  PxArticleView *view = find_article_view (GTK_WIDGET (b->ws));
  Target target = { px_article_view_get_text_view (view), (int) offset + 1 };
  gint64 t0 = g_get_monotonic_time ();

  gtk_widget_grab_focus (GTK_WIDGET (target.tv));
  g_signal_emit_by_name (target.tv, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  return wait_for_frame (b, t0, target_is_styled, &target);
}

/* Drags the scrollbar to @fraction of the text. */
static double
scroll_to (Bench  *b,
           double  fraction)
{
  PxArticleView *view = find_article_view (GTK_WIDGET (b->ws));
  GtkTextView *tv = px_article_view_get_text_view (view);
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tv));
  gint64 t0 = g_get_monotonic_time ();

  gtk_adjustment_set_value (adj, fraction * (gtk_adjustment_get_upper (adj)
                                             - gtk_adjustment_get_page_size (adj)));
  return wait_for_frame (b, t0, screen_is_styled, tv);
}

/* Shows the long article from an empty view; the time to its first frame. */
static double
open_long (Bench  *b,
           gint64  id)
{
  gint64 t0;

  px_workspace_show_article (b->ws, 0);
  spin ();
  t0 = g_get_monotonic_time ();
  px_workspace_show_article (b->ws, id);
  return wait_for_frame (b, t0, NULL, NULL);
}

/* Tags the word after the last annotation, then takes it back. Also gives
 * the action's own time (to the row in SQLite and every view updated) and
 * the painted frame's (before-paint to after-paint): the rest is the wait
 * for the frame clock. */
static double
tag_after (Bench      *b,
           PxTestLong *la,
           double     *action_ms,
           double     *frame_ms)
{
  GtkTextBuffer *buffer = px_workspace_get_buffer (b->ws);
  GtkTextIter s, e;
  gint64 t0;
  guint n_before;
  double ms;

  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) (la->last + la->last_len));
  gtk_text_iter_forward_word_end (&e);
  s = e;
  gtk_text_iter_backward_word_start (&s);
  gtk_text_buffer_select_range (buffer, &s, &e);
  n_before = px_store_count_annotations (b->store);
  t0 = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (b->ws), "workspace.tag", "s", "MISC");
  *action_ms = (g_get_monotonic_time () - t0) / 1000.0;
  /* A figure for a tag that did not happen would be a lie. */
  if (px_store_count_annotations (b->store) != n_before + 1)
    g_error ("px-bench-ui: the tag did not reach the corpus");
  ms = wait_for_frame (b, t0, NULL, NULL);
  *frame_ms = b->frame_work / 1000.0;
  gtk_widget_activate_action (GTK_WIDGET (b->ws), "workspace.undo", NULL);
  spin ();
  return ms;
}

static void
bench_long_article (Bench   *b,
                    PxStore *store,
                    guint    runs)
{
  PxTestLong la = px_test_add_long_article (store);
  Figure open, end, end_cold, middle, bar, tag, tag_action, tag_frame;

  figure_init (&open);
  figure_init (&end);
  figure_init (&end_cold);
  figure_init (&middle);
  figure_init (&bar);
  figure_init (&tag);
  figure_init (&tag_action);
  figure_init (&tag_frame);
  for (guint r = 0; r < runs; r++)
    {
      double ms = open_long (b, la.id);

      figure_add (&open, ms, b->frames);
      ms = end_key (b, la.last);
      figure_add (&end, ms, b->frames);

      open_long (b, la.id);
      ms = reveal (b, la.last, la.last_len);
      figure_add (&end_cold, ms, b->frames);
      ms = reveal (b, la.middle, 7);
      figure_add (&middle, ms, b->frames);
      ms = scroll_to (b, 0.3);
      figure_add (&bar, ms, b->frames);
      ms = reveal (b, la.last, la.last_len);
      {
        double action_ms, frame_ms;

        ms = tag_after (b, &la, &action_ms, &frame_ms);
        figure_add (&tag, ms, b->frames);
        figure_add (&tag_action, action_ms, 0);
        figure_add (&tag_frame, frame_ms, 1);
      }
    }
  row ("open 1 MB article, 20,000 annotations", &open, "first frame < 200 ms");
  row ("then at once Ctrl+End, last annotation styled", &end, "");
  row ("or at once reveal the last annotation, styled", &end_cold, "");
  row ("reveal an annotation in its middle, styled", &middle, "(a frame or two)");
  row ("drag the scrollbar to 30 %, styled", &bar, "(a frame or two)");
  row ("tag a selection at the end (key to frame)", &tag, "one frame (16 ms)");
  row ("  of which the action (SQLite and the views)", &tag_action, "");
  row ("  and the frame's own work (before to after paint)", &tag_frame, "");
}

/* The main window, as `parallax --demo` builds it (the demo file rebuilt
 * from the samples, sidebar, first article), to its first frame. */
static void
bench_window (Bench *b,
              guint  runs)
{
  Figure startup;

  figure_init (&startup);
  for (guint r = 0; r < runs; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      PxWindow *window = px_window_new (NULL);
      GdkFrameClock *clock;

      if (!px_window_open_demo (window))
        {
          g_printerr ("px-bench-ui: the demo corpus did not open\n");
          gtk_window_destroy (GTK_WINDOW (window));
          return;
        }
      gtk_window_present (GTK_WINDOW (window));
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      b->painted = FALSE;
      b->frames = 0;
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), b);
      while (!b->painted && g_get_monotonic_time () < t0 + 10 * G_USEC_PER_SEC)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, b);
      figure_add (&startup, (g_get_monotonic_time () - t0) / 1000.0, b->frames);
      gtk_window_destroy (GTK_WINDOW (window));
      spin ();
    }
  row ("main window on the demo corpus, first frame", &startup, "");
}

static void
bench_demo (Bench      *b,
            const char *dir,
            guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  const char *samples = g_getenv ("PARALLAX_SAMPLES_DIR");
  g_autofree char *source_samples = g_build_filename (PX_SOURCE_ROOT, "data", "samples", NULL);
  g_autoptr(PxStore) store = px_demo_open (samples != NULL ? samples : source_samples, path, &error);
  g_autoptr(GListModel) articles = NULL;
  g_autoptr(PxArticle) first = NULL;
  Figure open;

  if (store == NULL)
    {
      g_printerr ("px-bench-ui: demo corpus: %s\n", error->message);
      return;
    }
  figure_init (&open);
  articles = px_store_list_articles (store, -1);
  first = g_list_model_get_item (articles, 0);
  px_workspace_set_store (b->ws, store);
  for (guint r = 0; r < runs; r++)
    {
      gint64 t0;
      double ms;

      px_workspace_show_article (b->ws, 0);
      spin ();
      t0 = g_get_monotonic_time ();
      px_workspace_show_article (b->ws, px_article_get_id (first));
      ms = wait_for_frame (b, t0, NULL, NULL);
      figure_add (&open, ms, b->frames);
    }
  row ("open a demo article", &open, "first frame < 200 ms");
  px_workspace_set_store (b->ws, NULL);
}

int
main (int argc, char *argv[])
{
  int runs = 5;
  gboolean no_animations = FALSE;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure (the median is printed)", "N" },
    { "no-animations", 0, 0, G_OPTION_ARG_NONE, &no_animations,
      "Turn GTK's animations off (a far jump then scrolls at once instead of gliding)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(PxEditor) editor = NULL;
  Bench b = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("px-bench-ui: %s\n", error != NULL ? error->message : "--runs must be at least 1");
      return 2;
    }
  /* The window reads GSettings: the build tree's schema, and nothing of
   * the user's settings read or written. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", PX_BUILD_DATA_DIR, FALSE);
  px_application_register_resources ();
  if (!gtk_init_check ())
    {
      g_printerr ("px-bench-ui: no display (run it under xvfb-run -a)\n");
      return 2;
    }
  adw_init ();
  if (no_animations)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  dir = g_dir_make_tmp ("px-bench-ui-XXXXXX", &error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  path = g_build_filename (dir, "corpus.db", NULL);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("px-bench-ui: %s\n", error->message);
      return 1;
    }

  b.ws = PX_WORKSPACE (px_workspace_new ());
  b.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b.window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (b.window), GTK_WIDGET (b.ws));
  gtk_window_present (GTK_WINDOW (b.window));
  px_workspace_set_store (b.ws, store);
  /* Every edit goes through an editor, as the window gives the page one. */
  editor = px_editor_new (store);
  b.store = store;
  px_workspace_set_editor (b.ws, editor);
  spin ();

  g_print ("| %-50s | %12s | %6s | %-22s |\n", "work (median of runs)", "time", "frames", "target");
  g_print ("|%s|%s|%s|%s|\n", "----------------------------------------------------",
           "--------------", "--------", "------------------------");
  bench_long_article (&b, store, (guint) runs);
  px_workspace_set_editor (b.ws, NULL);
  g_clear_object (&editor);
  px_workspace_set_store (b.ws, NULL);
  bench_demo (&b, dir, (guint) runs);
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            "io.github.parallax.Parallax", TRUE);
  if (schema != NULL)
    bench_window (&b, (guint) runs);
  else
    g_printerr ("px-bench-ui: no compiled GSettings schema in %s, so no main window figure "
                "(build the data directory first)\n", PX_BUILD_DATA_DIR);

  gtk_window_destroy (GTK_WINDOW (b.window));
  spin ();
  {
    g_autofree char *quoted = g_shell_quote (dir);
    g_autofree char *cmd = g_strdup_printf ("rm -rf %s", quoted);
    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
  return 0;
}
