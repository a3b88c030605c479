/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-bench-compare: sentence alignment speed on generated articles.
 *
 *   px-bench-compare [--runs N]
 *
 * Articles are made of pseudo-words drawn from a Zipf-like distribution, so
 * that a few words are frequent and most are rare, as in news text; each
 * article after the first takes 40% of its sentences from the first one,
 * reordered and with a few words swapped, so that alignment has real work to
 * do. Prints the median and best of N runs (default 9) against the design
 * targets. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "px-align.h"

static const char *syllables[] = {
  "ra", "to", "mi", "sel", "van", "dor", "que", "li", "pon", "tra", "ber",
  "nau", "chi", "fel", "gro", "ste", "mar", "vil", "cou", "ju",
};

static char *
make_word (guint rank)
{
  GString *w = g_string_new (NULL);
  guint n = 2 + rank % 3;

  /* The rank seeds the spelling: the same rank is always the same word. */
  for (guint i = 0; i < n; i++)
    g_string_append (w, syllables[(rank / (i + 1) + i * 7) % G_N_ELEMENTS (syllables)]);
  g_string_append_printf (w, "%u", rank % 97);
  return g_string_free (w, FALSE);
}

static guint
zipf_rank (GRand *rand, guint vocabulary)
{
  double u = g_rand_double (rand);

  return (guint) floor (pow (vocabulary, u)) - 1;
}

static GPtrArray *
make_sentences (GRand *rand, GPtrArray *words, guint n_words)
{
  GPtrArray *sents = g_ptr_array_new_with_free_func (g_free);
  guint done = 0;

  while (done < n_words)
    {
      GString *s = g_string_new (NULL);
      guint len = g_rand_int_range (rand, 8, 30);

      for (guint i = 0; i < len; i++)
        g_string_append_printf (s, "%s%s", i ? " " : "",
                                (char *) words->pdata[zipf_rank (rand, words->len)]);
      s->str[0] = g_ascii_toupper (s->str[0]);
      g_string_append (s, ".");
      g_ptr_array_add (sents, g_string_free (s, FALSE));
      done += len;
    }
  return sents;
}

static char *
join_article (GRand *rand, GPtrArray *own, GPtrArray *base, double share)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < own->len; i++)
    {
      const char *s = own->pdata[i];

      if (base && g_rand_double (rand) < share)
        s = base->pdata[g_rand_int_range (rand, 0, base->len)];
      g_string_append (text, s);
      g_string_append (text, i % 5 == 4 ? "\n\n" : " ");
    }
  return g_string_free (text, FALSE);
}

/* Median and best of @runs, after one warm-up run (ICU loads its break
 * rules and transliterator on first use). The best run is what the code
 * costs on a quiet machine; the median shows what other load adds. */
static double
time_align (char **texts, guint n, guint runs, guint *n_links, double *best)
{
  double *t = g_new (double, runs), median;
  PxAlignDoc docs[PX_ALIGN_MAX_DOCS];

  for (guint i = 0; i < n; i++)
    docs[i] = (PxAlignDoc) { texts[i], "fr", NULL, 0 };
  px_alignment_free (px_align_run (docs, n));
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      PxAlignment *al = px_align_run (docs, n);

      t[r] = (g_get_monotonic_time () - start) / 1000.0;
      *n_links = al->links->len;
      px_alignment_free (al);
    }
  for (guint i = 0; i < runs; i++)
    for (guint j = i + 1; j < runs; j++)
      if (t[j] < t[i])
        {
          double x = t[i];

          t[i] = t[j];
          t[j] = x;
        }
  median = t[runs / 2];
  *best = t[0];
  g_free (t);
  return median;
}

static void
bench (const char *name, guint n_docs, guint n_words, double target_ms, guint runs)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) base = NULL;
  char *texts[PX_ALIGN_MAX_DOCS] = { 0 };
  guint n_links = 0;
  double ms, best;

  for (guint i = 0; i < 20000; i++)
    g_ptr_array_add (words, make_word (i));
  base = make_sentences (rand, words, n_words);
  texts[0] = join_article (rand, base, NULL, 0);
  for (guint d = 1; d < n_docs; d++)
    {
      g_autoptr(GPtrArray) own = make_sentences (rand, words, n_words);

      texts[d] = join_article (rand, own, base, 0.4);
    }
  ms = time_align (texts, n_docs, runs, &n_links, &best);
  printf ("| %-34s | %9.1f ms | %7.1f ms | %7.0f ms | %-4s | %7u |\n", name, ms, best, target_ms,
          ms < target_ms ? "ok" : "SLOW", n_links);
  for (guint d = 0; d < n_docs; d++)
    g_free (texts[d]);
}

int
main (int argc, char **argv)
{
  guint runs = 9;

  if (argc == 3 && g_str_equal (argv[1], "--runs"))
    runs = MAX (1, atoi (argv[2]));
  printf ("| %-34s | %12s | %10s | %10s | %-4s | %7s |\n", "Work", "median", "best", "target", "", "links");
  printf ("|%s|%s|%s|%s|%s|%s|\n", "------------------------------------", "--------------",
          "------------", "------------", "------", "---------");
  bench ("Align 2 articles of 50,000 words", 2, 50000, 200, runs);
  bench ("Align 4 articles of 3,000 words", 4, 3000, 20, runs);
  return 0;
}
