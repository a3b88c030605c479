/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-test-long.c: see px-test-long.h. */
#include <string.h>

#include "px-test-long.h"

/* One sentence over and over, with a paragraph break every eight: about
 * 70 characters a sentence, so any screenful holds annotations. */
static char *
long_text (guint *out_n_sentences)
{
  const char *sentence = "Dans la vallée, Lina Moreau compte les maisons touchées par l'eau. ";
  GString *text = g_string_new (NULL);
  guint n_sentences = 0;

  while (text->len < 1000000)
    {
      g_string_append (text, sentence);
      if (++n_sentences % 8 == 0)
        g_string_append_printf (text, "(%u)\n", n_sentences);
    }
  *out_n_sentences = n_sentences;
  return g_string_free (text, FALSE);
}

/* Whether hit @i of @n_hits is one of the PX_TEST_LONG_N_ANNOTATIONS kept:
 * the first, the last, and evenly spaced ones between. */
static gboolean
keep_hit (guint i,
          guint n_hits)
{
  guint64 n = PX_TEST_LONG_N_ANNOTATIONS - 1;

  return i == 0 || i * n / (n_hits - 1) > (i - 1) * n / (n_hits - 1);
}

PxTestLong
px_test_add_long_article (PxStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n_sentences = 0;
  g_autofree char *text = long_text (&n_sentences);
  g_autoptr(PxLabel) per = px_store_find_label (store, "PER");
  PxArticleInfo info = { 0 };
  PxTestLong article = { 0 };
  const char *p = text, *q = text;
  gsize offset = 0;
  guint n_hits;

  g_assert_nonnull (per);
  info.title = (char *) "Long";
  info.language = (char *) "fr";
  info.text = text;
  article.id = px_store_add_article (store, &info, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (article.id, >, 0);
  article.n_chars = (gsize) g_utf8_strlen (text, -1);

  g_assert_true (px_store_begin (store, &error));
  /* Each sentence names "Lina Moreau" and "maisons": of these hits, keep
   * evenly spread ones, so that the annotations run to the text's end and
   * the last one is in its last sentence. */
  n_hits = 2 * n_sentences;
  g_assert_cmpuint (n_hits, >=, PX_TEST_LONG_N_ANNOTATIONS);
  for (guint i = 0; i < n_hits; i++)
    {
      const char *a = strstr (p, "Lina Moreau");
      const char *b = strstr (p, "maisons");
      const char *hit = a != NULL && (b == NULL || a < b) ? a : b;
      gsize len = hit == a ? 11 : 7;

      g_assert_nonnull (hit);
      offset += (gsize) g_utf8_pointer_to_offset (q, hit);
      q = hit;
      p = hit + len;
      if (!keep_hit (i, n_hits))
        continue;
      px_store_add_annotation (store, article.id, px_label_get_id (per), offset, offset + len,
                               PX_ANNOTATION_ACCEPTED, NULL, &error);
      g_assert_no_error (error);
      if (article.n_annotations == PX_TEST_LONG_N_ANNOTATIONS / 2)
        article.middle = offset;
      article.last = offset;
      article.last_len = len;
      article.n_annotations++;
    }
  g_assert_cmpuint (article.n_annotations, ==, PX_TEST_LONG_N_ANNOTATIONS);
  g_assert_true (px_store_commit (store, &error));
  return article;
}
