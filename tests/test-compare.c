/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The compare engine end to end: coverage, event grid, conflicts, summary;
 * on a hand-built input and on the demo corpus through the store. */
#include <string.h>

#include "px-core.h"
#include "px-compare.h"
#include "px-coverage.h"
#include "px-demo.h"
#include "px-event-grid.h"
#include "px-quotes.h"
#include "px-store-compare.h"
#include "px-test-util.h"

/* Adds a mention of the first occurrence of @needle. */
static guint
mention (PxCompareArticle *a, const char *needle, const char *label,
         gint64 entity_id, const char *entity)
{
  const char *p = strstr (a->text, needle);
  gsize start;

  g_assert_nonnull (p);
  start = g_utf8_pointer_to_offset (a->text, p);
  return px_compare_article_add_mention (a, 0, start, start + g_utf8_strlen (needle, -1),
                                         label, g_str_equal (label, "Die"), entity_id, entity);
}

static PxCompareArticle *
deaths_article (PxCompareInput *in, gint64 id, const char *published, const char *text,
                const char *victims, const char *when, gint64 story_event)
{
  PxCompareArticle *a = px_compare_input_add_article (in, id, "t", "s", published, "fr", text);
  PxCompareEvent *ev = px_compare_article_add_event (a, id * 10, story_event, "Die",
                                                     mention (a, "morts", "Die", 0, NULL));

  px_compare_event_add_arg (ev, "Victim", mention (a, victims, "NUM", 0, NULL));
  px_compare_event_add_arg (ev, "Place", mention (a, "Cuxac", "GPE", 3, "Cuxac-d'Aude"));
  if (when)
    px_compare_event_add_arg (ev, "Time", mention (a, when, "DATE", 0, NULL));
  return a;
}

static PxCompareInput *
flood_input (gint64 story_event)
{
  PxCompareInput *in = px_compare_input_new ();
  const char *roles[] = { "Victim", "Agent", "Place", "Time", NULL };

  px_compare_input_set_roles (in, "Die", roles);
  deaths_article (in, 1, "2024-03-14",
                  "La crue a fait trois morts jeudi à Cuxac. Le maire Jean Roux demande de l'aide.",
                  "trois", "jeudi", story_event);
  deaths_article (in, 2, "2024-03-15",
                  "Hier, à Cuxac, la crue a fait 3 morts selon la préfecture.", "3", "Hier", story_event);
  deaths_article (in, 3, "2024-03-14",
                  "À Cuxac, 5 morts après la crue du 14 mars. Le maire Jean Roux est sur place.",
                  "5", "14 mars", story_event);
  mention (g_ptr_array_index (in->articles, 0), "Jean Roux", "PER", 9, "Jean Roux");
  mention (g_ptr_array_index (in->articles, 2), "Jean Roux", "PER", 9, "Jean Roux");
  return in;
}

static const PxEventGridRow *
grid_row (const PxEventGridEvent *ge, const char *role)
{
  for (guint i = 0; i < ge->rows->len; i++)
    if (strcmp (((PxEventGridRow *) ge->rows->pdata[i])->role, role) == 0)
      return ge->rows->pdata[i];
  g_assert_not_reached ();
}

static void
check_flood_grid (const PxEventGrid *grid)
{
  const PxEventGridEvent *ge;
  const PxEventGridRow *victim, *place, *time, *agent;

  g_assert_cmpuint (grid->events->len, ==, 1);
  ge = g_ptr_array_index (grid->events, 0);
  g_assert_cmpstr (ge->type, ==, "Die");
  /* Rows follow the type's role order, unfilled roles included. */
  g_assert_cmpstr (((PxEventGridRow *) ge->rows->pdata[0])->role, ==, "Victim");
  victim = grid_row (ge, "Victim");
  place = grid_row (ge, "Place");
  time = grid_row (ge, "Time");
  agent = grid_row (ge, "Agent");
  g_assert_cmpstr (victim->normalised[0], ==, "3");
  g_assert_cmpstr (victim->normalised[1], ==, "3");
  g_assert_cmpstr (victim->normalised[2], ==, "5");
  g_assert_true (victim->conflict);
  g_assert_cmpuint (victim->conflicting, ==, 0x1 | 0x2 | 0x4);
  g_assert_cmpstr (place->normalised[0], ==, "entity:3");
  g_assert_false (place->conflict);
  /* "jeudi" (published Thursday), "Hier" (published Friday), "14 mars". */
  g_assert_cmpstr (time->normalised[0], ==, "2024-03-14");
  g_assert_cmpstr (time->normalised[1], ==, "2024-03-14");
  g_assert_cmpstr (time->normalised[2], ==, "2024-03-14");
  g_assert_false (time->conflict);
  g_assert_null (agent->values[0]);
  g_assert_false (agent->conflict);
  g_assert_cmpuint (grid->n_conflicts, ==, 1);
}

static void
test_grid_linked (void)
{
  g_autoptr(PxCompareInput) in = flood_input (42);
  g_autoptr(PxEventGrid) grid = px_event_grid_compute (in);
  const PxEventGridEvent *ge;

  check_flood_grid (grid);
  ge = g_ptr_array_index (grid->events, 0);
  g_assert_cmpint (ge->story_event_id, ==, 42);
  g_assert_false (ge->suggested);
  g_assert_cmpuint (grid->suggestions->len, ==, 0);
}

static void
test_grid_suggested (void)
{
  /* Nobody linked the events: the engine suggests it (same type, same place
   * entity, same day) and groups them anyway. */
  g_autoptr(PxCompareInput) in = flood_input (0);
  g_autoptr(PxEventGrid) grid = px_event_grid_compute (in);
  const PxEventLinkSuggestion *s;

  check_flood_grid (grid);
  g_assert_true (((PxEventGridEvent *) g_ptr_array_index (grid->events, 0))->suggested);
  g_assert_cmpint (((PxEventGridEvent *) g_ptr_array_index (grid->events, 0))->story_event_id, <, 0);
  g_assert_cmpuint (grid->suggestions->len, ==, 3);
  s = &g_array_index (grid->suggestions, PxEventLinkSuggestion, 0);
  g_assert_cmpfloat (s->score, >=, 0.4);
  g_assert_nonnull (strstr (s->reason, "close dates"));
}

static PxCompareInput *
statement_input (const char *quote_a, const char *quote_b)
{
  PxCompareInput *in = px_compare_input_new ();
  const char *roles[] = { "Speaker", "Content", NULL };
  const char *quotes[2] = { quote_a, quote_b };

  px_compare_input_set_roles (in, "Statement", roles);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = g_strdup_printf ("La ministre a déclaré : « %s ».", quotes[i]);
      PxCompareArticle *a = px_compare_input_add_article (in, i + 1, "t", "s", "2024-03-14", "fr", text);
      PxCompareEvent *ev = px_compare_article_add_event (a, 10 + i, 7, "Statement",
                                                         mention (a, "déclaré", "Statement", 0, NULL));

      px_compare_event_add_arg (ev, "Content", mention (a, quotes[i], "QUOTE", 0, NULL));
    }
  return in;
}

static PxValueVerdict
content_verdict (const char *quote_a, const char *quote_b)
{
  g_autoptr(PxCompareInput) in = statement_input (quote_a, quote_b);
  g_autoptr(PxEventGrid) grid = px_event_grid_compute (in);
  const PxEventGridRow *content = grid_row (g_ptr_array_index (grid->events, 0), "Content");

  g_assert_true (g_str_has_prefix (content->normalised[0], "quote:"));
  g_assert_true (content->compared);
  g_assert_false (content->conflict);
  return content->verdict;
}

static void
test_grid_quotes (void)
{
  /* Outlets reword a quote: compatible. Another statement is no
   * contradiction (both may have been said), but worth a check. */
  g_assert_cmpint (content_verdict ("Personne ne sera laissé seul face à la reconstruction",
                                    "personne ne restera seul face à la reconstruction"), ==, PX_VALUE_COMPATIBLE);
  g_assert_cmpint (content_verdict ("Nous voulons des dates", "Nous voulons des dates"), ==, PX_VALUE_SAME);
  g_assert_cmpint (content_verdict ("Personne ne sera laissé seul face à la reconstruction",
                                    "Nous ne voulons pas de promesses, nous voulons des dates"), ==, PX_VALUE_CHECK);
}

static void
test_coverage (void)
{
  g_autoptr(PxCompareInput) in = flood_input (42);
  g_autoptr(PxCoverage) cov = px_coverage_compute (in);
  const PxCoverageRow *cuxac = NULL, *roux = NULL;

  for (guint i = 0; i < cov->rows->len; i++)
    {
      const PxCoverageRow *r = &g_array_index (cov->rows, PxCoverageRow, i);

      if (r->entity_id == 3)
        cuxac = r;
      if (r->entity_id == 9)
        roux = r;
      /* Event triggers are not entities. */
      g_assert_cmpstr (r->label, !=, "Die");
    }
  g_assert_nonnull (cuxac);
  g_assert_nonnull (roux);
  g_assert_cmpint (cuxac->klass, ==, PX_COVERAGE_ALL);
  g_assert_cmpint (roux->klass, ==, PX_COVERAGE_SOME);
  g_assert_cmpuint (roux->counts[1], ==, 0);
  g_assert_cmpuint (px_coverage_row_missing (cov, roux), ==, 0x2);
  g_assert_cmpstr (px_coverage_class_to_string (roux->klass), ==, "some");
  /* "all" rows come first. */
  g_assert_cmpint (g_array_index (cov->rows, PxCoverageRow, 0).klass, ==, PX_COVERAGE_ALL);
}

static void
test_coverage_unannotated (void)
{
  /* A fourth article that nobody annotated yet: its zeros say nothing, so
   * the place all three others name is still "all", and nobody counts as
   * missing from it. */
  g_autoptr(PxCompareInput) in = flood_input (42);
  g_autoptr(PxCoverage) cov = NULL;
  g_autoptr(PxCompareResult) r = NULL;

  px_compare_input_add_article (in, 4, "t", "s", "2024-03-14", "fr", "À Cuxac, la crue a fait trois morts.");
  cov = px_coverage_compute (in);
  g_assert_cmpuint (cov->annotated, ==, 0x7);
  for (guint i = 0; i < cov->rows->len; i++)
    {
      const PxCoverageRow *row = &g_array_index (cov->rows, PxCoverageRow, i);

      g_assert_cmpuint (row->counts[3], ==, 0);
      g_assert_cmpuint (px_coverage_row_missing (cov, row) & 0x8, ==, 0);
      if (row->entity_id == 3)
        g_assert_cmpint (row->klass, ==, PX_COVERAGE_ALL);
      if (row->entity_id == 9)
        g_assert_cmpint (row->klass, ==, PX_COVERAGE_SOME);
    }
  r = px_compare_run (in);
  g_assert_cmpuint (r->summary[3].n_missing_entities, ==, 0);
  g_assert_cmpuint (r->summary[1].n_missing_entities, ==, 1);
}

static void
test_mention_text (void)
{
  /* Mentions in any order, across astral characters, and one past the end. */
  g_autoptr(PxCompareInput) in = px_compare_input_new ();
  PxCompareArticle *a = px_compare_input_add_article (in, 1, "t", "s", NULL, "fr", "🌊 Cuxac, puis Trèbes 🌊 et Limoux.");
  const char *expected[] = { "Trèbes", "Cuxac", "Limoux", "", "🌊" };
  gsize spans[][2] = { { 14, 20 }, { 2, 7 }, { 26, 32 }, { 30, 40 }, { 21, 22 } };

  g_assert_cmpuint (a->length, ==, 33);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint m = px_compare_article_add_mention (a, i, spans[i][0], spans[i][1], "GPE", FALSE, 0, NULL);

      g_assert_cmpstr (g_array_index (a->mentions, PxCompareMention, m).text, ==, expected[i]);
    }
}

static void
test_run_summary (void)
{
  g_autoptr(PxCompareInput) in = flood_input (42);
  g_autoptr(PxCompareResult) r = px_compare_run (in);

  g_assert_cmpuint (r->n_articles, ==, 3);
  g_assert_cmpuint (r->summary[0].n_sentences, ==, 2);
  g_assert_cmpuint (r->summary[2].n_conflicts, ==, 1);
  g_assert_cmpuint (r->summary[1].n_missing_entities, ==, 1);
  g_assert_cmpuint (r->summary[0].n_shared + r->summary[0].n_partial + r->summary[0].n_unique, ==, 2);
  g_assert_cmpfloat (r->summary[0].covered_by[0], ==, 1.0);
  /* Both articles 0 and 2 name the mayor in their second sentence. */
  g_assert_cmpfloat (r->summary[0].covered_by[2], ==, 1.0);
}

static void
on_async (GObject *source, GAsyncResult *res, gpointer data)
{
  PxCompareResult **out = data;
  g_autoptr(GError) error = NULL;

  *out = px_compare_run_finish (res, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  PxCompareResult *r = NULL;

  px_compare_run_async (flood_input (42), NULL, on_async, &r);
  while (r == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (r->grid->n_conflicts, ==, 1);
  /* The result carries what was compared. */
  g_assert_nonnull (r->input);
  g_assert_cmpuint (r->input->articles->len, ==, 3);
  px_compare_result_free (r);
}

/* ---- The demo corpus --------------------------------------------------- */

static gint64
demo_article (PxStore *store, const char *source_prefix)
{
  g_autoptr(GListModel) arts = px_store_list_articles (store, -1);

  for (guint i = 0; i < g_list_model_get_n_items (arts); i++)
    {
      g_autoptr(PxArticle) a = g_list_model_get_item (arts, i);

      if (g_str_has_prefix (px_article_get_source (a), source_prefix))
        return px_article_get_id (a);
    }
  g_assert_not_reached ();
}

static void
test_demo (void)
{
  /* The samples of this source tree, wherever the test runs from. */
  g_autofree char *samples = px_test_src_path ("..", "data", "samples", NULL);
  g_autofree char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxCompareInput) in = NULL;
  g_autoptr(PxCompareResult) r = NULL;
  gint64 ids[3];
  gboolean loaded, keller_missing = FALSE, deaths_conflict = FALSE;

  g_assert_no_error (error);
  loaded = px_demo_load (store, samples, &error);
  g_assert_no_error (error);
  g_assert_true (loaded);
  ids[0] = demo_article (store, "Le Courrier");
  ids[1] = demo_article (store, "L'");
  ids[2] = demo_article (store, "Midi");
  in = px_compare_input_load (store, ids, 3, &error);
  g_assert_no_error (error);
  r = px_compare_run (in);

  /* The known omission: Midi Matin leaves out Jonas Keller. */
  for (guint i = 0; i < r->coverage->rows->len; i++)
    {
      const PxCoverageRow *row = &g_array_index (r->coverage->rows, PxCoverageRow, i);

      if (g_strcmp0 (row->name, "Jonas Keller") == 0)
        keller_missing = row->counts[0] > 0 && row->counts[1] > 0 && row->counts[2] == 0 &&
                         row->klass == PX_COVERAGE_SOME;
    }
  g_assert_true (keller_missing);

  /* The known number conflict: 12 deaths against 14. */
  for (guint e = 0; e < r->grid->events->len; e++)
    {
      const PxEventGridEvent *ge = g_ptr_array_index (r->grid->events, e);

      if (g_strcmp0 (ge->type, "Die") != 0)
        continue;
      for (guint k = 0; k < ge->rows->len; k++)
        {
          const PxEventGridRow *row = ge->rows->pdata[k];

          if (g_strcmp0 (row->role, "Victim") == 0 && row->conflict &&
              g_strcmp0 (row->normalised[0], "12") == 0 && g_strcmp0 (row->normalised[1], "14") == 0)
            deaths_conflict = TRUE;
        }
    }
  g_assert_true (deaths_conflict);
  g_assert_cmpuint (r->summary[1].n_conflicts, >=, 1);

  /* The minister's quote, in three wordings, is one group. */
  g_assert_cmpuint (r->quotes->quotes->len, >=, 3);
  for (guint i = 0; i < r->quotes->quotes->len; i++)
    {
      const PxQuote *q = &g_array_index (r->quotes->quotes, PxQuote, i);

      if (strstr (q->text, "reconstruction") && q->marked)
        g_assert_cmpuint (px_quote_set_group_articles (r->quotes, q->group), ==, 3);
    }

  /* Every article shares something with the others. */
  for (guint a = 0; a < 3; a++)
    g_assert_cmpuint (r->summary[a].n_shared + r->summary[a].n_partial, >, 0);

  /* Bad ids. */
  g_clear_error (&error);
  g_assert_null (px_compare_input_load (store, ids, 1, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_clear_error (&error);
  ids[1] = 999999;
  g_assert_null (px_compare_input_load (store, ids, 2, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compare/grid-linked", test_grid_linked);
  g_test_add_func ("/compare/grid-suggested", test_grid_suggested);
  g_test_add_func ("/compare/grid-quotes", test_grid_quotes);
  g_test_add_func ("/compare/coverage", test_coverage);
  g_test_add_func ("/compare/coverage-unannotated", test_coverage_unannotated);
  g_test_add_func ("/compare/mention-text", test_mention_text);
  g_test_add_func ("/compare/run-summary", test_run_summary);
  g_test_add_func ("/compare/async", test_async);
  g_test_add_func ("/compare/demo", test_demo);
  return g_test_run ();
}
