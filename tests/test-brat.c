/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-brat.c: brat standoff parsing, writing, and round trips through a
 * corpus, on the peer corpora in ../shared/peer/brat and on our own cases. */
#include <glib/gstdio.h>
#include <string.h>

#include "px-brat.h"
#include "px-error.h"
#include "px-test-util.h"
#include "ix-test-sigs.h"

static char *
peer_dir (void)
{
  const char *shared = px_test_shared_dir ();

  if (shared == NULL)
    return NULL;
  return g_build_filename (shared, "peer", "brat", NULL);
}

static char *
own_dir (void)
{
  return px_test_src_path ("data", "interchange", "brat", NULL);
}

static char *
kept_sig (PxIxDocument *doc)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  for (guint i = 0; i < doc->kept_lines->len; i++)
    g_ptr_array_add (lines, doc->kept_lines->pdata[i]);
  g_ptr_array_sort (lines, ix_compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* Parse, write, parse again: the same annotations, events and kept lines. */
static void
check_text_round_trip (const char *txt)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = px_brat_read_document (txt, 0, &error);
  g_autoptr(PxIxDocument) again = NULL;
  g_autofree char *ann = NULL;
  g_autofree char *a = NULL, *b = NULL, *ka = NULL, *kb = NULL;

  g_assert_no_error (error);
  px_brat_assign_ids (doc);
  ann = px_brat_format_ann (doc);
  again = px_ix_document_new (doc->name, "again.ann", doc->text);
  px_brat_parse_ann (again, ann, strlen (ann), "again.ann", &error);
  g_assert_no_error (error);
  a = ix_sig_document (doc);
  b = ix_sig_document (again);
  g_assert_cmpstr (a, ==, b);
  ka = kept_sig (doc);
  kb = kept_sig (again);
  g_assert_cmpstr (ka, ==, kb);
}

static void
run_over_dir (const char *dir, guint *out_docs, guint *out_spans)
{
  g_autoptr(GPtrArray) txts = g_ptr_array_new_with_free_func (g_free);

  ix_collect_txt (dir, txts);
  for (guint i = 0; i < txts->len; i++)
    {
      g_autoptr(PxIxDocument) doc = px_brat_read_document (txts->pdata[i], 0, NULL);

      g_assert_nonnull (doc);
      check_text_round_trip (txts->pdata[i]);
      *out_spans += doc->spans->len;
    }
  *out_docs = txts->len;
}

static void
test_peer_text_round_trip (void)
{
  g_autofree char *dir = peer_dir ();
  guint docs = 0, spans = 0;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/peer/brat is absent");
      return;
    }
  run_over_dir (dir, &docs, &spans);
  g_assert_cmpuint (docs, >, 0);
  g_assert_cmpuint (spans, >, 0);
  g_test_message ("%u peer documents, %u text-bound annotations", docs, spans);
}

static void
test_own_text_round_trip (void)
{
  g_autofree char *dir = own_dir ();
  guint docs = 0, spans = 0;

  run_over_dir (dir, &docs, &spans);
  g_assert_cmpuint (docs, >=, 8);
}

static PxIxDocument *
read_own (const char *name)
{
  g_autofree char *dir = own_dir ();
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) error = NULL;
  PxIxDocument *doc = px_brat_read_document (path, 0, &error);

  g_assert_no_error (error);
  return doc;
}

/* Offsets count code points of the exact text: CR and astral characters
 * count once each, and nothing is normalised. */
static void
test_offsets_are_code_points (void)
{
  g_autoptr(PxIxDocument) crlf = read_own ("crlf");
  g_autoptr(PxIxDocument) emoji = read_own ("emoji");
  g_autoptr(PxIxDocument) comb = read_own ("combining");
  PxIxSpan *lavrov = px_ix_document_find_span (crlf, "T3");
  PxIxSpan *kyiv = px_ix_document_find_span (emoji, "T1");
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL;

  g_assert_nonnull (strstr (crlf->text, "\r\n"));
  t1 = px_ix_span_text (lavrov, crlf->text);
  g_assert_cmpstr (t1, ==, "Lavrov");
  g_assert_cmpuint (px_ix_span_start (lavrov), ==, 29);
  t2 = px_ix_span_text (kyiv, emoji->text);
  g_assert_cmpstr (t2, ==, "Kyiv");
  g_assert_cmpuint (px_ix_span_start (kyiv), ==, 14);
  /* decomposed é stays two code points */
  g_assert_nonnull (strstr (comb->text, "e\xcc\x81"));
  t3 = px_ix_span_text (px_ix_document_find_span (comb, "T1"), comb->text);
  g_assert_cmpstr (t3, ==, "Serge\xcc\x81i Lavrov");
}

static void
test_structures (void)
{
  g_autoptr(PxIxDocument) doc = read_own ("overlap");
  PxIxSpan *t3 = px_ix_document_find_span (doc, "T3");
  PxIxSpan *t7 = px_ix_document_find_span (doc, "T7");
  PxIxEvent *e1 = px_ix_document_find_event (doc, "E1");
  g_autofree char *text = NULL;

  g_assert_cmpuint (doc->spans->len, ==, 9);
  g_assert_cmpuint (t3->fragments->len, ==, 2);
  text = px_ix_span_text (t3, doc->text);
  g_assert_cmpstr (text, ==, "Ukrainian foreign ministers");
  g_assert_cmpstr (t7->note, ==, "the city, not the province");
  g_assert_cmpuint (e1->args->len, ==, 4);
  g_assert_cmpstr (((PxIxArg *) e1->args->pdata[1])->role, ==, "Participant2");
  g_assert_cmpuint (doc->relations->len, ==, 1);
  /* *, A, M, N and the note on E1 are kept verbatim */
  g_assert_cmpuint (doc->kept_lines->len, ==, 5);
}

static void
test_empty_document (void)
{
  g_autoptr(PxIxDocument) doc = read_own ("empty");
  g_autofree char *ann = NULL;

  g_assert_cmpstr (doc->text, ==, "");
  g_assert_cmpuint (doc->spans->len, ==, 0);
  ann = px_brat_format_ann (doc);
  g_assert_cmpstr (ann, ==, "");
}

static void
test_role_base (void)
{
  const char *cases[][2] = {
    { "Theme2", "Theme" }, { "Theme", "Theme" }, { "Org-Arg3", "Org-Arg" },
    { "Arg1", "Arg1" }, { "Theme10", "Theme" }, { "7", "7" }, { "Theme0", "Theme0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *base = px_ix_role_base (cases[i][0]);

      g_assert_cmpstr (base, ==, cases[i][1]);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/brat/text-round-trip/peer", test_peer_text_round_trip);
  g_test_add_func ("/brat/text-round-trip/own", test_own_text_round_trip);
  g_test_add_func ("/brat/offsets-are-code-points", test_offsets_are_code_points);
  g_test_add_func ("/brat/structures", test_structures);
  g_test_add_func ("/brat/empty-document", test_empty_document);
  g_test_add_func ("/brat/role-base", test_role_base);
  return g_test_run ();
}
