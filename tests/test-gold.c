/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Alignment quality against a hand-written gold standard on two articles of
 * the shared corpus (tests/data/gold/antalya.tsv). */
#include <string.h>

#include "px-align.h"
#include "px-core.h"
#include "px-test-util.h"

#define ARTICLE_A "000_f578c2cf684f1a42.txt"
#define ARTICLE_B "001_c9d236ec550ff166.txt"

static void
import_article (const char *name, PxArticleInfo *info)
{
  g_autofree char *path = g_build_filename (px_test_shared_dir (), "corpus", name, NULL);
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  g_assert_true (px_import_parse ((const guint8 *) data, len, path, NULL, info, &error));
  g_assert_no_error (error);
}

/* The sentence holding the one occurrence of @needle. */
static guint
sentence_of (const PxAlignment *al, guint doc, const char *text, const char *needle)
{
  const char *p;
  int s;

  /* "^…": a headline, at the start of the text. */
  if (needle[0] == '^')
    {
      g_assert_true (g_str_has_prefix (text, needle + 1));
      return 0;
    }
  p = strstr (text, needle);
  if (p == NULL)
    g_error ("gold: \"%s\" is not in article %u", needle, doc);
  g_assert_null (strstr (p + 1, needle));
  s = px_alignment_sentence_at (al, doc, g_utf8_pointer_to_offset (text, p));
  g_assert_cmpint (s, >=, 0);
  return s;
}

/* Pair key "a-b" → "sure" or "possible". */
static GHashTable *
read_gold (const PxAlignment *al, const char *a, const char *b)
{
  g_autofree char *path = px_test_src_path ("data", "gold", "antalya.tsv", NULL);
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *gold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cols = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cols), >=, 3);
      g_assert_true (g_str_equal (cols[0], "sure") || g_str_equal (cols[0], "possible"));
      g_hash_table_insert (gold, g_strdup_printf ("%u-%u", sentence_of (al, 0, a, cols[1]),
                                                  sentence_of (al, 1, b, cols[2])),
                           g_strdup (cols[0]));
    }
  return gold;
}

static void
test_antalya (void)
{
  g_auto(PxArticleInfo) ia = { 0 };
  g_auto(PxArticleInfo) ib = { 0 };
  g_autoptr(PxAlignment) al = NULL;
  g_autoptr(GHashTable) gold = NULL;
  PxAlignDoc docs[2];
  guint found = 0, predicted = 0, sure = 0, sure_found = 0;
  GHashTableIter it;
  gpointer kind;
  double precision, recall;

  if (px_test_shared_dir () == NULL)
    {
      g_test_skip ("../shared is absent");
      return;
    }
  import_article (ARTICLE_A, &ia);
  import_article (ARTICLE_B, &ib);
  docs[0] = (PxAlignDoc) { ia.text, ia.language, NULL, 0 };
  docs[1] = (PxAlignDoc) { ib.text, ib.language, NULL, 0 };
  al = px_align_run (docs, 2);
  gold = read_gold (al, ia.text, ib.text);

  for (guint k = 0; k < al->links->len; k++)
    {
      const PxAlignLink *l = &g_array_index (al->links, PxAlignLink, k);
      g_autofree char *key = g_strdup_printf ("%u-%u", l->a_sentence, l->b_sentence);
      const char *kind_of = g_hash_table_lookup (gold, key);

      g_test_message ("%-8s %s %.3f %s", kind_of ? kind_of : "wrong", key, l->score,
                      px_align_status_to_string (l->status));
      predicted++;
      found += kind_of != NULL;
      sure_found += g_strcmp0 (kind_of, "sure") == 0;
    }
  g_hash_table_iter_init (&it, gold);
  while (g_hash_table_iter_next (&it, NULL, &kind))
    sure += g_str_equal (kind, "sure");
  /* Precision against every pair a reader may link, recall on the pairs
   * that must be linked. */
  precision = predicted ? (double) found / predicted : 0;
  recall = sure ? (double) sure_found / sure : 0;
  g_test_message ("gold %u sure, %u in all; predicted %u, %u right, %u sure: precision %.2f, recall %.2f",
                  sure, g_hash_table_size (gold), predicted, found, sure_found, precision, recall);
  g_assert_cmpuint (sure, >=, 9);
  g_assert_cmpfloat (precision, >=, 0.8);
  /* The gold revised for issue 12 counts as sure three pairs that say the
   * same fact in other words inside long sentences; the lexical aligner
   * finds none of them (cosine about 0.10), so recall on sure pairs is
   * 5/9. It was 5/6 on the first gold. This guards against losing more;
   * docs/compare.md gives the figures. */
  g_assert_cmpfloat (recall, >=, 0.55);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gold/antalya", test_antalya);
  return g_test_run ();
}
