/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-conll.c: CoNLL-2003 BIO export. */
#include <string.h>

#include "px-brat.h"
#include "px-conll.h"
#include "px-interchange-store.h"
#include "px-test-util.h"

static GArray *
spans (const gsize *pairs, guint n)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PxSpan));

  for (guint i = 0; i < n; i++)
    {
      PxSpan s = { pairs[2 * i], pairs[2 * i + 1] };

      g_array_append_val (out, s);
    }
  return out;
}

/* Tokens given by hand, so that the tagging is tested apart from ICU. */
static void
test_tags (void)
{
  /*                     0         1         2         3
                         0123456789012345678901234567890123456 */
  const char *text = "New York Times said. Kuleba met him.";
  const gsize tok[] = { 0, 3, 4, 8, 9, 14, 15, 19, 19, 20, 21, 27, 28, 31, 32, 35, 35, 36 };
  const gsize sent[] = { 0, 20, 21, 36 };
  g_autoptr(PxIxDocument) doc = px_ix_document_new ("d", "d", text);
  g_autoptr(GArray) tokens = spans (tok, 9);
  g_autoptr(GArray) sentences = spans (sent, 2);
  g_autofree char *out = NULL;
  PxIxSpan *trigger;

  g_ptr_array_add (doc->spans, px_ix_span_new ("T1", "GPE", 0, 8));   /* nested: loses */
  g_ptr_array_add (doc->spans, px_ix_span_new ("T2", "ORG", 0, 14));  /* outermost */
  g_ptr_array_add (doc->spans, px_ix_span_new ("T3", "PER", 21, 27));
  g_ptr_array_add (doc->spans, px_ix_span_new ("T4", "Meet", 28, 31));
  trigger = doc->spans->pdata[3];
  trigger->trigger = TRUE;                                             /* not an entity */
  g_ptr_array_add (doc->spans, px_ix_span_new ("T5", "Reported speech", 15, 19));
  out = px_conll_format_tokens (doc, sentences, tokens);
  g_assert_cmpstr (out, ==,
                   "-DOCSTART- -X- O\n\n"
                   "New -X- _ B-ORG\n"
                   "York -X- _ I-ORG\n"
                   "Times -X- _ I-ORG\n"
                   "said -X- _ B-Reported_speech\n"
                   ". -X- _ O\n"
                   "\n"
                   "Kuleba -X- _ B-PER\n"
                   "met -X- _ O\n"
                   "him -X- _ O\n"
                   ". -X- _ O\n"
                   "\n");
}

/* Two adjacent spans of one label are two chunks: B then B. */
static void
test_adjacent (void)
{
  const char *text = "Kuleba Lavrov";
  const gsize tok[] = { 0, 6, 7, 13 };
  const gsize sent[] = { 0, 13 };
  g_autoptr(PxIxDocument) doc = px_ix_document_new ("d", "d", text);
  g_autoptr(GArray) tokens = spans (tok, 2);
  g_autoptr(GArray) sentences = spans (sent, 1);
  g_autofree char *out = NULL;

  g_ptr_array_add (doc->spans, px_ix_span_new (NULL, "PER", 0, 6));
  g_ptr_array_add (doc->spans, px_ix_span_new (NULL, "PER", 7, 13));
  out = px_conll_format_tokens (doc, sentences, tokens);
  g_assert_cmpstr (out, ==, "-DOCSTART- -X- O\n\nKuleba -X- _ B-PER\nLavrov -X- _ B-PER\n\n");
}

static void
test_empty (void)
{
  g_autoptr(PxIxDocument) doc = px_ix_document_new ("d", "d", "");
  g_autofree char *out = px_conll_format_document (doc, NULL);

  g_assert_cmpstr (out, ==, "-DOCSTART- -X- O\n\n");
}

/* With ICU: astral characters and CRLF do not shift the tags. */
static void
test_icu_tokens (void)
{
  const char *text = "\xf0\x9f\x98\x80 Kuleba met Lavrov.\r\nM. Lavrov left.";
  g_autoptr(PxIxDocument) doc = px_ix_document_new ("d", "d", text);
  g_autofree char *out = NULL;

  g_ptr_array_add (doc->spans, px_ix_span_new (NULL, "PER", 2, 8));
  g_ptr_array_add (doc->spans, px_ix_span_new (NULL, "PER", 13, 19));
  g_ptr_array_add (doc->spans, px_ix_span_new (NULL, "PER", 22, 31));
  out = px_conll_format_document (doc, "en");
  g_assert_nonnull (strstr (out, "Kuleba -X- _ B-PER\nmet -X- _ O\nLavrov -X- _ B-PER\n"));
  /* ICU's word breaks make "M" and "." two tokens */
  g_assert_nonnull (strstr (out, "M -X- _ B-PER\n. -X- _ I-PER\nLavrov -X- _ I-PER\nleft -X- _ O\n"));
  g_assert_null (strstr (out, "\r"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/conll/tags", test_tags);
  g_test_add_func ("/conll/adjacent", test_adjacent);
  g_test_add_func ("/conll/empty", test_empty);
  g_test_add_func ("/conll/icu-tokens", test_icu_tokens);
  return g_test_run ();
}
