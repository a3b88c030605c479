/* px-bench-ui: the Annotate page's figures against DESIGN.md §6.
 *
 *   xvfb-run -a px-bench-ui [--runs N]
 *
 * Not a test: it prints a table of medians. Each figure is measured from
 * the call to the moment GTK has painted the result (the frame clock's
 * after-paint), so that layout and styling are included:
 *  - opening a 1 MB article with 20,000 annotations;
 *  - revealing an annotation in its middle and its last one (as a click in
 *    the annotation list does), and dragging the scrollbar, each until the
 *    text on screen is styled;
 *  - tagging a selection (key action to the row in SQLite, then a frame);
 *  - opening the first demo article. */
#include <adwaita.h>
#include <string.h>

#include "px-article-view.h"
#include "px-core.h"
#include "px-demo.h"
#include "px-workspace.h"

typedef struct
{
  GtkWidget   *window;
  PxWorkspace *ws;
  gboolean     painted;
} Bench;

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *b)
{
  b->painted = TRUE;
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

  for (;;)
    {
      b->painted = FALSE;
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), b);
      while (!b->painted && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, b);
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

static void
row (const char *work,
     GArray     *ms,
     const char *target)
{
  g_print ("| %-44s | %9.1f ms | %-22s |\n", work, median (ms), target);
}

/* ---- The long article ----------------------------------------------------- */

typedef struct
{
  gint64 id;
  gsize  middle;   /* an annotation's start near the middle */
  gsize  last;     /* the last annotation's start */
} LongArticle;

static LongArticle
add_long_article (PxStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PxLabel) per = px_store_find_label (store, "PER");
  const char *sentence = "Dans la vallée, Lina Moreau compte les maisons touchées par l'eau. ";
  PxArticleInfo info = { 0 };
  LongArticle long_article = { 0 };
  guint n = 0, n_sentences = 0;
  gsize offset = 0;

  while (text->len < 1000000)
    {
      g_string_append (text, sentence);
      if (++n_sentences % 8 == 0)
        g_string_append_printf (text, "(%u)\n", n_sentences);
    }
  info.title = (char *) "Long";
  info.language = (char *) "fr";
  info.text = text->str;
  long_article.id = px_store_add_article (store, &info, NULL, &error);
  g_assert_no_error (error);
  px_store_begin (store, NULL);
  for (const char *p = text->str, *q = text->str; n < 20000; n++)
    {
      const char *hit = strstr (p, "Lina Moreau");
      gsize len = 11;

      if (hit == NULL)
        break;
      offset += (gsize) g_utf8_pointer_to_offset (q, hit);
      q = hit;
      px_store_add_annotation (store, long_article.id, px_label_get_id (per), offset, offset + len,
                               PX_ANNOTATION_ACCEPTED, NULL, &error);
      g_assert_no_error (error);
      if (n == 10000)
        long_article.middle = offset;
      long_article.last = offset;
      p = hit + len;
    }
  px_store_commit (store, &error);
  g_assert_no_error (error);
  return long_article;
}

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
        gsize  offset)
{
  PxArticleView *view = find_article_view (GTK_WIDGET (b->ws));
  Target target = { px_article_view_get_text_view (view), (int) offset + 1 };
  gint64 t0 = g_get_monotonic_time ();

  px_article_view_select_range (view, offset, offset + 11);
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

static void
bench_long_article (Bench   *b,
                    PxStore *store,
                    guint    runs)
{
  LongArticle la = add_long_article (store);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) middle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) end = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bar = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tag = g_array_new (FALSE, FALSE, sizeof (double));
  GtkTextBuffer *buffer = px_workspace_get_buffer (b->ws);

  for (guint r = 0; r < runs; r++)
    {
      gint64 t0;
      double ms;
      GtkTextIter s, e;

      px_workspace_show_article (b->ws, 0);
      spin ();
      t0 = g_get_monotonic_time ();
      px_workspace_show_article (b->ws, la.id);
      ms = wait_for_frame (b, t0, NULL, NULL);
      g_array_append_val (open, ms);
      ms = reveal (b, la.middle);
      g_array_append_val (middle, ms);
      ms = reveal (b, la.last);
      g_array_append_val (end, ms);
      ms = scroll_to (b, 0.3);
      g_array_append_val (bar, ms);

      /* "compte" in the last sentence: tag it, then take it back. */
      ms = reveal (b, la.last);
      gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) la.last + 12);
      gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) la.last + 18);
      gtk_text_buffer_select_range (buffer, &s, &e);
      t0 = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (b->ws), "workspace.tag", "s", "MISC");
      ms = wait_for_frame (b, t0, NULL, NULL);
      g_array_append_val (tag, ms);
      gtk_widget_activate_action (GTK_WIDGET (b->ws), "workspace.undo", NULL);
      spin ();
    }
  row ("open 1 MB article, 20,000 annotations", open, "first frame < 200 ms");
  row ("reveal an annotation in its middle, styled", middle, "(a frame or two)");
  row ("reveal its last annotation, styled", end, "(a frame or two)");
  row ("drag the scrollbar to 30 %, styled", bar, "(a frame or two)");
  row ("tag a selection there (key to frame)", tag, "instant (< 50 ms)");
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
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));

  if (store == NULL)
    {
      g_printerr ("px-bench-ui: demo corpus: %s\n", error->message);
      return;
    }
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
      g_array_append_val (open, ms);
    }
  row ("open a demo article", open, "first frame < 200 ms");
  px_workspace_set_store (b->ws, NULL);
}

int
main (int argc, char *argv[])
{
  int runs = 5;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure (the median is printed)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PxStore) store = NULL;
  Bench b = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("px-bench-ui: %s\n", error != NULL ? error->message : "--runs must be at least 1");
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("px-bench-ui: no display (run it under xvfb-run -a)\n");
      return 2;
    }
  adw_init ();
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
  spin ();

  g_print ("| %-44s | %12s | %-22s |\n", "work (median of runs)", "time", "target");
  g_print ("|%s|%s|%s|\n", "----------------------------------------------", "--------------",
           "------------------------");
  bench_long_article (&b, store, (guint) runs);
  px_workspace_set_store (b.ws, NULL);
  bench_demo (&b, dir, (guint) runs);

  gtk_window_destroy (GTK_WINDOW (b.window));
  spin ();
  {
    g_autofree char *quoted = g_shell_quote (dir);
    g_autofree char *cmd = g_strdup_printf ("rm -rf %s", quoted);
    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
  return 0;
}
