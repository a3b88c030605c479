/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-agreement.c: intercoder agreement against published worked examples
 * (tests/data/agreement, each file names its source and its answer), then
 * on a small corpus coded by two coders. */
#include <math.h>
#include <string.h>

#include "px-agreement.h"
#include "px-core.h"
#include "px-test-util.h"

/* The "# expect VALUE" line of a data file. */
static double
expected_value (GStrv lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "# expect\t"))
      return g_ascii_strtod (lines[i] + 9, NULL);
  g_assert_not_reached ();
}

static GStrv
read_lines (const char *name)
{
  g_autofree char *path = px_test_src_path ("data", "agreement", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, &error));
  g_assert_no_error (error);
  return g_strsplit (data, "\n", -1);
}

static void
test_krippendorff_example (void)
{
  g_auto(GStrv) lines = read_lines ("krippendorff-2011-example-c.tsv");
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));  /* coder-major */
  g_autofree int *values = NULL;
  guint n_coders = 0, n_units = 0;
  double alpha;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cells = g_strsplit (lines[i], "\t", -1);
      n_units = g_strv_length (cells) - 1;
      for (guint u = 0; u < n_units; u++)
        {
          int v = g_str_equal (cells[u + 1], ".") ? PX_AGREEMENT_MISSING : atoi (cells[u + 1]);
          g_array_append_val (rows, v);
        }
      n_coders++;
    }
  g_assert_cmpuint (n_coders, ==, 4);
  g_assert_cmpuint (n_units, ==, 12);
  /* The function takes units as rows. */
  values = g_new (int, n_units * n_coders);
  for (guint c = 0; c < n_coders; c++)
    for (guint u = 0; u < n_units; u++)
      values[u * n_coders + c] = g_array_index (rows, int, c * n_units + u);
  alpha = px_agreement_krippendorff_nominal (values, n_units, n_coders);
  g_assert_cmpfloat_with_epsilon (alpha, expected_value (lines), 0.0005);

  /* Perfect agreement is 1; one value everywhere is undefined. */
  {
    const int same[] = { 1, 1, 2, 2, 3, 3 };
    const int one[] = { 1, 1, 1, 1 };
    g_assert_cmpfloat_with_epsilon (px_agreement_krippendorff_nominal (same, 3, 2), 1.0, 1e-9);
    g_assert_true (isnan (px_agreement_krippendorff_nominal (one, 2, 2)));
  }
}

static void
test_cohen_example (void)
{
  g_auto(GStrv) lines = read_lines ("cohen-1960-worked.tsv");
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      int count, va, vb;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cells = g_strsplit (lines[i], "\t", -1);
      count = atoi (cells[0]);
      va = atoi (cells[1]);
      vb = atoi (cells[2]);
      for (int k = 0; k < count; k++)
        {
          g_array_append_val (a, va);
          g_array_append_val (b, vb);
        }
    }
  g_assert_cmpuint (a->len, ==, 50);
  g_assert_cmpfloat_with_epsilon (px_agreement_cohen_kappa ((int *) a->data, (int *) b->data, a->len),
                                  expected_value (lines), 1e-9);
  g_assert_true (isnan (px_agreement_cohen_kappa (NULL, NULL, 0)));
}

static void
test_span_matching (void)
{
  const PxAgreementSpan a[] = { { 1, 0, 6 }, { 1, 10, 16 }, { 2, 20, 25 } };
  const PxAgreementSpan b[] = { { 1, 0, 6 }, { 1, 9, 16 }, { 1, 20, 25 }, { 2, 21, 24 } };

  /* Exact: only [0, 6) of label 1. */
  g_assert_cmpuint (px_agreement_match_spans (a, 3, b, 4, FALSE), ==, 1);
  /* Overlap: [10, 16) ~ [9, 16) too, and label 2's [20, 25) ~ [21, 24);
   * [20, 25) of label 1 has no partner of its label. */
  g_assert_cmpuint (px_agreement_match_spans (a, 3, b, 4, TRUE), ==, 3);
  g_assert_cmpfloat_with_epsilon (px_agreement_f1 (3, 3, 4), 6.0 / 7.0, 1e-9);
  g_assert_true (isnan (px_agreement_f1 (0, 0, 0)));
  /* One to one: two spans of b over one of a match once. */
  {
    const PxAgreementSpan one[] = { { 1, 0, 10 } };
    const PxAgreementSpan two[] = { { 1, 0, 4 }, { 1, 5, 10 } };
    g_assert_cmpuint (px_agreement_match_spans (one, 1, two, 2, TRUE), ==, 1);
  }
}

static const PxAgreementRow *
find_row (GPtrArray  *rows,
          const char *a,
          const char *label,
          const char *measure)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const PxAgreementRow *r = rows->pdata[i];

      if (g_strcmp0 (r->coder_a, a) == 0 && g_strcmp0 (r->label, label) == 0
          && g_str_equal (r->measure, measure))
        return r;
    }
  return NULL;
}

static void
test_corpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  g_autoptr(PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxEditor) editor = px_editor_new (store);
  g_autoptr(PxLabel) per = px_store_find_label (store, "PER");
  g_autoptr(PxLabel) gpe = px_store_find_label (store, "GPE");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  PxArticleInfo info = { 0 };
  const PxAgreementRow *r;
  gint64 article;

  /* Kuleba 0..6, Lavrov 11..17, Antalya 21..28 */
  info.text = (char *) "Kuleba and Lavrov in Antalya met today.";
  article = px_store_add_article (store, &info, NULL, &error);
  g_assert_no_error (error);

  px_store_set_annotator (store, "alice");
  g_assert_cmpint (px_editor_tag (editor, article, px_label_get_id (per), 0, 6, NULL, &error), >, 0);
  g_assert_cmpint (px_editor_tag (editor, article, px_label_get_id (per), 11, 17, NULL, &error), >, 0);
  g_assert_cmpint (px_editor_tag (editor, article, px_label_get_id (gpe), 21, 28, NULL, &error), >, 0);
  px_store_set_annotator (store, "bob");
  g_assert_cmpint (px_editor_tag (editor, article, px_label_get_id (per), 0, 6, NULL, &error), >, 0);
  /* The same words, one more character: an overlap, not an exact match. */
  g_assert_cmpint (px_editor_tag (editor, article, px_label_get_id (per), 10, 17, NULL, &error), >, 0);
  g_assert_no_error (error);

  rows = px_agreement_compute (store, NULL, &error);
  g_assert_no_error (error);
  r = find_row (rows, "alice", NULL, "f1_exact");
  g_assert_nonnull (r);
  g_assert_cmpstr (r->coder_b, ==, "bob");
  /* alice 3 spans, bob 2; exact 1 match: F1 = 2/5; overlap 2: 4/5. */
  g_assert_cmpfloat_with_epsilon (r->value, 0.4, 1e-9);
  g_assert_cmpuint (r->n, ==, 5);
  g_assert_cmpfloat_with_epsilon (find_row (rows, "alice", NULL, "f1_overlap")->value, 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_row (rows, "alice", "PER", "f1_overlap")->value, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_row (rows, "alice", "GPE", "f1_exact")->value, 0.0, 1e-9);
  /* Tokens: 7 words; they differ on "Antalya" only (GPE vs none). */
  r = find_row (rows, "alice", NULL, "cohen_kappa");
  g_assert_cmpuint (r->n, ==, 7);
  g_assert_cmpfloat (r->value, >, 0.5);
  g_assert_cmpfloat (r->value, <, 1.0);
  r = find_row (rows, NULL, NULL, "krippendorff_alpha_nominal");
  g_assert_nonnull (r);
  g_assert_cmpuint (r->n, ==, 7);
  g_assert_cmpfloat (r->value, <, 1.0);

  /* Naming the coders: only them. */
  {
    const char *const only[] = { "alice", NULL };
    g_autoptr(GPtrArray) alone = px_agreement_compute (store, only, &error);
    g_assert_no_error (error);
    g_assert_null (find_row (alone, "alice", NULL, "f1_exact"));
    g_assert_true (isnan (find_row (alone, NULL, NULL, "krippendorff_alpha_nominal")->value));
  }

  g_assert_true (px_agreement_write_csv (rows, out, &error));
  g_output_stream_write (out, "", 1, NULL, NULL);
  g_assert_true (g_str_has_prefix (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                                   "coder_a,coder_b,label,measure,value,n\r\nalice,bob,,f1_exact,0.4000,5\r\n"));
}

/* --coder and PARALLAX_CODER record who tagged; `agreement --format csv`
 * reads them back. */
static void
test_cli (void)
{
  const char *cli = g_getenv ("PARALLAX_CLI");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("PARALLAX_CLI is not set");
      return;
    }
  dir = px_test_tmpdir ();
  db = g_build_filename (dir, "c.db", NULL);
  txt = g_build_filename (dir, "a.txt", NULL);
  g_assert_true (g_file_set_contents (txt, "Kuleba and Lavrov in Antalya met today.\n", -1, NULL));
  {
    const char *argv[] = { cli, "--db", db, "import", txt, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
  }
  {
    const char *argv[] = { cli, "--db", db, "--coder", "alice", "annotate", "1", "0", "6", "PER", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  env = g_environ_setenv (g_get_environ (), "PARALLAX_CODER", "bob", TRUE);
  {
    const char *argv[] = { cli, "--db", db, "annotate", "1", "0", "6", "PER", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    /* Not a duplicate: the same span, another coder. */
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  {
    const char *argv[] = { cli, "--db", db, "agreement", "--format", "csv", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_nonnull (strstr (out, "alice,bob,,f1_exact,1.0000,2\r\n"));
}

/* Two coders' files brought together: articles matched by text, each
 * coder's annotations kept, nothing twice, one undo step. */
static void
test_merge (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path_a = px_test_db_path ();
  g_autofree char *path_b = px_test_db_path ();
  g_autoptr(PxStore) a = px_store_open (path_a, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxStore) b = px_store_open (path_b, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxEditor) ea = px_editor_new (a);
  g_autoptr(PxEditor) eb = px_editor_new (b);
  g_autoptr(PxStoreMergeReport) report = NULL;
  g_autoptr(PxLabel) per_a = px_store_find_label (a, "PER");
  g_autoptr(PxLabel) per_b = px_store_find_label (b, "PER");
  g_autoptr(PxLabel) meet_b = px_store_find_label (b, "Meet");
  PxArticleInfo shared = { 0 }, only_b = { 0 };
  gint64 art_a, art_b, kuleba_b, trigger_b, event_b;

  shared.text = (char *) "Kuleba and Lavrov met in Antalya.";
  only_b.text = (char *) "A second article, about Istanbul.";
  art_a = px_store_add_article (a, &shared, NULL, &error);
  art_b = px_store_add_article (b, &only_b, NULL, &error);   /* id 1 in b */
  art_b = px_store_add_article (b, &shared, NULL, &error);   /* id 2 in b: ids differ */
  g_assert_no_error (error);
  px_store_set_annotator (a, "alice");
  px_store_set_annotator (b, "bob");
  g_assert_cmpint (px_editor_tag (ea, art_a, px_label_get_id (per_a), 0, 6, NULL, &error), >, 0);
  kuleba_b = px_editor_tag (eb, art_b, px_label_get_id (per_b), 0, 6, NULL, &error);
  trigger_b = px_editor_tag (eb, art_b, px_label_get_id (meet_b), 18, 21, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) events = px_store_list_events (b, art_b);
    g_autoptr(PxEvent) event = g_list_model_get_item (events, 0);
    event_b = px_event_get_id (event);
  }
  g_assert_true (px_editor_add_argument (eb, event_b, "Participant", kuleba_b, &error));
  g_assert_cmpint (trigger_b, >, 0);
  /* A label of another kind under one name is a clash. */
  g_assert_cmpint (px_editor_add_label (eb, "Witness", PX_LABEL_EVENT, NULL, NULL, NULL, &error), >, 0);
  g_assert_cmpint (px_editor_add_label (ea, "Witness", PX_LABEL_ENTITY, NULL, NULL, NULL, &error), >, 0);
  g_clear_object (&eb);
  g_clear_object (&b);

  report = px_editor_merge_corpus (ea, path_b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->articles_added, ==, 1);
  g_assert_cmpuint (report->articles_matched, ==, 1);
  g_assert_cmpuint (report->annotations_added, ==, 2);
  g_assert_cmpuint (report->events_added, ==, 1);
  g_assert_cmpuint (report->clashes->len, ==, 1);
  g_assert_cmpstr (report->coders->pdata[0], ==, "bob");
  g_assert_cmpuint (px_store_count_articles (a), ==, 2);
  g_assert_cmpuint (px_store_count_annotations (a), ==, 3);
  {
    /* The event came with its argument, on the shared article. */
    g_autoptr(GListModel) events = px_store_list_events (a, art_a);
    g_autoptr(PxEvent) event = g_list_model_get_item (events, 0);
    g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
    g_assert_cmpuint (px_event_get_n_arguments (event), ==, 1);
  }
  /* Twice adds nothing. */
  g_clear_pointer (&report, px_store_merge_report_free);
  report = px_editor_merge_corpus (ea, path_b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->articles_added + report->annotations_added + report->events_added, ==, 0);
  g_assert_cmpuint (report->annotations_present, ==, 2);
  g_assert_cmpuint (px_store_count_annotations (a), ==, 3);
  /* The first merge undoes in one step (the second changed nothing). */
  g_assert_true (px_editor_undo (ea, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (px_store_count_articles (a), ==, 1);
  g_assert_cmpuint (px_store_count_annotations (a), ==, 1);
  /* Not a corpus, or this corpus itself: refused, nothing changed. */
  {
    g_autofree char *junk = px_test_write_file ("junk.db", "not a database at all, clearly", -1);
    g_assert_null (px_editor_merge_corpus (ea, junk, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_null (px_editor_merge_corpus (ea, path_a, &error));
    g_assert_nonnull (strstr (error->message, "this corpus itself"));
    g_clear_error (&error);
  }
  g_assert_cmpuint (px_store_count_annotations (a), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/agreement/krippendorff-worked-example", test_krippendorff_example);
  g_test_add_func ("/agreement/cohen-worked-example", test_cohen_example);
  g_test_add_func ("/agreement/span-matching", test_span_matching);
  g_test_add_func ("/agreement/corpus", test_corpus);
  g_test_add_func ("/agreement/cli", test_cli);
  g_test_add_func ("/agreement/merge", test_merge);
  return g_test_run ();
}
