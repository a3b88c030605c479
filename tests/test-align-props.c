/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Properties the alignment must have on any input, checked on generated
 * articles (fixed seeds, so a failure replays): offsets inside the text,
 * links and partner lists that agree, statuses that follow the
 * thresholds, the same links whatever the order of the articles, and a
 * text aligned with itself. */
#include <string.h>

#include "px-align.h"
#include "px-test-util.h"

static const char *vocabulary[] = {
  "ministre", "Kouleba", "Lavrov", "rencontre", "Antalya", "sanctions",
  "corridors", "humanitaires", "hôpital", "Marioupol", "frappe", "négociations",
  "élus", "crue", "reconstruction", "préfecture", "million", "euros", "jeudi",
  "Carcassonne", "œuvre", "Straße", "Київ", "talks", "ceasefire", "minister",
  "l'établissement", "aujourd’hui", "2,1", "14", "le", "la", "de", "et", "the",
  "a", "dans", "pour", "with", "«", "»", "M.", "Mme", "—", "(sud)", "🙂",
};

/* A few sentences of words drawn from a small vocabulary, so that articles
 * share terms as articles on one story do; some sentences repeated from
 * @base with words dropped. */
static char *
make_article (GRand *rand, guint n_sentences, const char *const *base, guint n_base)
{
  GString *text = g_string_new (NULL);

  for (guint s = 0; s < n_sentences; s++)
    {
      if (n_base > 0 && g_rand_int_range (rand, 0, 3) == 0)
        {
          g_auto(GStrv) words = g_strsplit (base[g_rand_int_range (rand, 0, n_base)], " ", -1);

          for (guint w = 0; words[w]; w++)
            if (g_rand_int_range (rand, 0, 5) > 0)
              g_string_append_printf (text, "%s ", words[w]);
        }
      else
        {
          guint n = g_rand_int_range (rand, 3, 18);

          for (guint w = 0; w < n; w++)
            g_string_append_printf (text, "%s ",
                                    vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
        }
      g_string_append (text, g_rand_int_range (rand, 0, 4) == 0 ? "Elle a dit.\n\n" : "Fin. ");
    }
  return g_string_free (text, FALSE);
}

static gboolean
has_partner (const PxAlignSentence *s, guint doc, guint sentence, double score)
{
  for (guint p = 0; s->partners && p < s->partners->len; p++)
    {
      const PxAlignPartner *x = &g_array_index (s->partners, PxAlignPartner, p);

      if (x->doc == doc && x->sentence == sentence && x->score == score)
        return TRUE;
    }
  return FALSE;
}

static void
check_sentences (const PxAlignment *al, char **texts)
{
  for (guint d = 0; d < al->n_docs; d++)
    {
      glong len = g_utf8_strlen (texts[d], -1);
      gsize prev_end = 0;
      guint n_status = 0;

      for (guint i = 0; i < al->sentences[d]->len; i++)
        {
          const PxAlignSentence *s = &g_array_index (al->sentences[d], PxAlignSentence, i);
          PxAlignStatus expected = PX_ALIGN_UNIQUE;
          double best = 0;

          g_assert_cmpuint (s->start, <, s->end);
          g_assert_cmpuint (s->start, >=, prev_end);
          g_assert_cmpuint (s->end, <=, (gsize) len);
          g_assert_cmpint (px_alignment_sentence_at (al, d, s->start), ==, (int) i);
          g_assert_cmpint (px_alignment_sentence_at (al, d, s->end - 1), ==, (int) i);
          prev_end = s->end;
          for (guint p = 0; s->partners && p < s->partners->len; p++)
            {
              const PxAlignPartner *x = &g_array_index (s->partners, PxAlignPartner, p);
              const PxAlignSentence *o;

              g_assert_cmpuint (x->doc, !=, d);
              g_assert_cmpuint (x->doc, <, al->n_docs);
              g_assert_cmpuint (x->sentence, <, al->sentences[x->doc]->len);
              o = &g_array_index (al->sentences[x->doc], PxAlignSentence, x->sentence);
              g_assert_true (has_partner (o, d, i, x->score));
              if (p > 0)
                g_assert_cmpfloat (x->score, <=, g_array_index (s->partners, PxAlignPartner, p - 1).score);
              best = MAX (best, x->score);
              expected = MAX (expected, x->score >= PX_ALIGN_T_SHARED ? PX_ALIGN_SHARED : PX_ALIGN_PARTIAL);
            }
          g_assert_cmpint (s->status, ==, expected);
          g_assert_cmpfloat (s->best_score, ==, best);
        }
      for (PxAlignStatus st = PX_ALIGN_UNIQUE; st <= PX_ALIGN_SHARED; st++)
        n_status += px_alignment_count (al, d, st);
      g_assert_cmpuint (n_status, ==, al->sentences[d]->len);
      for (guint o = 0; o < al->n_docs; o++)
        {
          double c = px_alignment_coverage (al, d, o);

          g_assert_cmpfloat (c, >=, 0);
          g_assert_cmpfloat (c, <=, 1);
        }
    }
}

static guint
check_links (const PxAlignment *al)
{
  guint n_partners = 0;

  for (guint k = 0; k < al->links->len; k++)
    {
      const PxAlignLink *l = &g_array_index (al->links, PxAlignLink, k);
      const PxAlignSentence *a, *b;

      g_assert_cmpuint (l->a_doc, <, l->b_doc);
      g_assert_cmpuint (l->b_doc, <, al->n_docs);
      g_assert_cmpfloat (l->score, >=, PX_ALIGN_T_PARTIAL);
      g_assert_cmpfloat (l->score, <=, 1.0);
      g_assert_cmpint (l->status, ==, l->score >= PX_ALIGN_T_SHARED ? PX_ALIGN_SHARED : PX_ALIGN_PARTIAL);
      a = &g_array_index (al->sentences[l->a_doc], PxAlignSentence, l->a_sentence);
      b = &g_array_index (al->sentences[l->b_doc], PxAlignSentence, l->b_sentence);
      g_assert_true (has_partner (a, l->b_doc, l->b_sentence, l->score));
      g_assert_true (has_partner (b, l->a_doc, l->a_sentence, l->score));
    }
  for (guint d = 0; d < al->n_docs; d++)
    for (guint i = 0; i < al->sentences[d]->len; i++)
      {
        GArray *p = g_array_index (al->sentences[d], PxAlignSentence, i).partners;

        n_partners += p ? p->len : 0;
      }
  /* Every partner entry comes from one link, seen from both ends. */
  g_assert_cmpuint (n_partners, ==, 2 * al->links->len);
  return al->links->len;
}

/* Links as "docA:sentA-docB:sentB" in the original numbering of the docs. */
static GHashTable *
link_set (const PxAlignment *al, const guint *original)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; k < al->links->len; k++)
    {
      const PxAlignLink *l = &g_array_index (al->links, PxAlignLink, k);
      guint da = original[l->a_doc], db = original[l->b_doc];
      guint sa = l->a_sentence, sb = l->b_sentence;

      if (da > db)
        {
          guint t = da; da = db; db = t;
          t = sa; sa = sb; sb = t;
        }
      g_hash_table_add (set, g_strdup_printf ("%u:%u-%u:%u", da, sa, db, sb));
    }
  return set;
}

static void
test_random (void)
{
  guint total_links = 0;

  for (guint seed = 1; seed <= 40; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      guint n_docs = 2 + seed % 3;
      char *texts[PX_ALIGN_MAX_DOCS] = { 0 };
      g_auto(GStrv) base = NULL;
      PxAlignDoc docs[PX_ALIGN_MAX_DOCS], reversed[PX_ALIGN_MAX_DOCS];
      guint identity[PX_ALIGN_MAX_DOCS], backwards[PX_ALIGN_MAX_DOCS];
      g_autoptr(PxAlignment) al = NULL;
      g_autoptr(PxAlignment) al_rev = NULL;
      g_autoptr(GHashTable) links = NULL;
      g_autoptr(GHashTable) links_rev = NULL;
      GHashTableIter it;
      gpointer key;

      texts[0] = make_article (rand, g_rand_int_range (rand, 0, 30), NULL, 0);
      /* Sentences of the first article, for the others to borrow. */
      base = g_strsplit (texts[0], "Fin. ", -1);
      for (guint d = 1; d < n_docs; d++)
        texts[d] = make_article (rand, g_rand_int_range (rand, 1, 30),
                                 (const char *const *) base, g_strv_length (base));
      for (guint d = 0; d < n_docs; d++)
        {
          docs[d] = (PxAlignDoc) { texts[d], d % 2 ? "en" : "fr", NULL, 0 };
          reversed[n_docs - 1 - d] = docs[d];
          identity[d] = d;
          backwards[n_docs - 1 - d] = d;
        }
      al = px_align_run (docs, n_docs);
      g_assert_nonnull (al);
      g_assert_cmpuint (al->n_docs, ==, n_docs);
      check_sentences (al, texts);
      total_links += check_links (al);

      /* The alignment is not monotone and has no favourite article: the
       * same pairs come out whatever the order. */
      al_rev = px_align_run (reversed, n_docs);
      check_links (al_rev);
      links = link_set (al, identity);
      links_rev = link_set (al_rev, backwards);
      g_hash_table_iter_init (&it, links);
      while (g_hash_table_iter_next (&it, &key, NULL))
        if (!g_hash_table_contains (links_rev, key))
          g_error ("seed %u: link %s is lost when the articles are reversed", seed, (char *) key);
      g_assert_cmpuint (g_hash_table_size (links), ==, g_hash_table_size (links_rev));
      for (guint d = 0; d < n_docs; d++)
        g_free (texts[d]);
    }
  /* The generator shares sentences between articles: the checks above
   * looked at real links, not at empty alignments. */
  g_assert_cmpuint (total_links, >, 100);
}

/* Every sentence with content words is shared with its own copy. */
static void
test_self (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *text = make_article (rand, 40, NULL, 0);
  PxAlignDoc docs[2] = { { text, "fr", NULL, 0 }, { text, "fr", NULL, 0 } };
  g_autoptr(PxAlignment) al = px_align_run (docs, 2);
  guint with_terms = 0;

  check_links (al);
  g_assert_cmpuint (al->sentences[0]->len, ==, al->sentences[1]->len);
  for (guint i = 0; i < al->sentences[0]->len; i++)
    {
      const PxAlignSentence *s = &g_array_index (al->sentences[0], PxAlignSentence, i);
      g_autofree char *sentence = g_utf8_substring (text, s->start, s->end);
      g_autoptr(GPtrArray) terms = px_align_content_terms (sentence, "fr");
      gboolean found = FALSE;

      if (terms->len == 0)
        continue;
      with_terms++;
      g_assert_cmpint (s->status, ==, PX_ALIGN_SHARED);
      for (guint p = 0; s->partners && p < s->partners->len; p++)
        {
          const PxAlignPartner *x = &g_array_index (s->partners, PxAlignPartner, p);

          found |= x->doc == 1 && x->sentence == i && x->score >= 0.99;
        }
      g_assert_true (found);
    }
  g_assert_cmpuint (with_terms, >=, 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/align-props/random", test_random);
  g_test_add_func ("/align-props/self", test_self);
  return g_test_run ();
}
