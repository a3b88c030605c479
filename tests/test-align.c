/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sentence alignment on small hand-made texts. */
#include "px-align.h"
#include "px-text.h"

static PxAlignment *
align2 (const char *a, const char *b)
{
  PxAlignDoc docs[2] = { { a, "fr", NULL, 0 }, { b, "fr", NULL, 0 } };

  return px_align_run (docs, 2);
}

static const PxAlignSentence *
sentence (const PxAlignment *al, guint doc, guint i)
{
  g_assert_cmpuint (i, <, al->sentences[doc]->len);
  return &g_array_index (al->sentences[doc], PxAlignSentence, i);
}

static gboolean
linked (const PxAlignment *al, guint a, guint b)
{
  for (guint k = 0; k < al->links->len; k++)
    {
      const PxAlignLink *l = &g_array_index (al->links, PxAlignLink, k);

      if (l->a_doc == 0 && l->b_doc == 1 && l->a_sentence == a && l->b_sentence == b)
        return TRUE;
    }
  return FALSE;
}

static void
test_shared_and_unique (void)
{
  const char *a = "Les inondations ont détruit trois ponts dans la vallée. "
                  "Le maire de Limoux réclame une aide urgente de l'État.";
  const char *b = "Le festival de musique attire des milliers de spectateurs chaque été. "
                  "Trois ponts de la vallée ont été détruits par les inondations.";
  g_autoptr(PxAlignment) al = align2 (a, b);

  g_assert_cmpuint (al->sentences[0]->len, ==, 2);
  g_assert_cmpuint (al->sentences[1]->len, ==, 2);
  /* Not in text order: the first sentence of a is the second of b. */
  g_assert_true (linked (al, 0, 1));
  g_assert_cmpint (sentence (al, 0, 0)->status, ==, PX_ALIGN_SHARED);
  g_assert_cmpint (sentence (al, 1, 1)->status, ==, PX_ALIGN_SHARED);
  g_assert_cmpint (sentence (al, 0, 1)->status, ==, PX_ALIGN_UNIQUE);
  g_assert_cmpint (sentence (al, 1, 0)->status, ==, PX_ALIGN_UNIQUE);
  g_assert_cmpuint (sentence (al, 0, 0)->partners->len, ==, 1);
  g_assert_null (sentence (al, 0, 1)->partners);
  g_assert_cmpfloat (px_alignment_coverage (al, 0, 1), ==, 0.5);
  g_assert_cmpuint (px_alignment_count (al, 1, PX_ALIGN_UNIQUE), ==, 1);
}

static void
test_stop_words_only (void)
{
  /* Only stop words in common: nothing to align. */
  g_autoptr(PxAlignment) al = align2 ("Il est dans la maison avec les siens.",
                                      "Elle est dans la voiture avec des amis.");

  g_assert_cmpuint (al->links->len, ==, 0);
  g_assert_cmpint (sentence (al, 0, 0)->status, ==, PX_ALIGN_UNIQUE);
}

static void
test_partial (void)
{
  const char *a = "La ministre Hélène Marchetti annonce une enveloppe pour les communes sinistrées "
                  "et visite les écoles de Trèbes détruites par la crue, avant une réunion à la préfecture.";
  const char *b = "Hélène Marchetti a aussi rencontré des agriculteurs dont les vignes sont perdues, "
                  "puis des pompiers épuisés, et promis une enveloppe.";
  g_autoptr(PxAlignment) al = align2 (a, b);

  g_assert_true (linked (al, 0, 0));
  g_assert_cmpint (sentence (al, 0, 0)->status, ==, PX_ALIGN_PARTIAL);
  g_assert_cmpfloat (sentence (al, 0, 0)->best_score, <, PX_ALIGN_T_SHARED);
  g_assert_cmpfloat (sentence (al, 0, 0)->best_score, >=, PX_ALIGN_T_PARTIAL);
}

static void
test_entity_bonus (void)
{
  const char *a = "Le ministre Kuleba parle de corridors humanitaires pour Marioupol.";
  const char *b = "Le chef de la diplomatie Kouleba parle des corridors pour Marioupol.";
  PxAlignMention ma = { 12, 18, 7 }, mb = { 25, 32, 7 };
  PxAlignDoc plain[2] = { { a, "fr", NULL, 0 }, { b, "fr", NULL, 0 } };
  PxAlignDoc linked_docs[2] = { { a, "fr", &ma, 1 }, { b, "fr", &mb, 1 } };
  g_autoptr(PxAlignment) without = px_align_run (plain, 2);
  g_autoptr(PxAlignment) with = px_align_run (linked_docs, 2);
  g_autofree char *ka = px_text_substring (a, ma.start, ma.end);
  g_autofree char *kb = px_text_substring (b, mb.start, mb.end);

  g_assert_cmpstr (ka, ==, "Kuleba");
  g_assert_cmpstr (kb, ==, "Kouleba");
  g_assert_cmpfloat (sentence (with, 0, 0)->best_score, >,
                     sentence (without, 0, 0)->best_score + PX_ALIGN_ENTITY_BONUS / 2);
}

static void
test_code_point_offsets (void)
{
  /* Astral characters and combining marks before the sentences. */
  const char *a = "🌊🌊 Les digues de Cuxac ont cédé sous la crue. Un café e\u0301tait ouvert.";
  const char *b = "Sous la crue, les digues de Cuxac ont cédé.";
  g_autoptr(PxAlignment) al = align2 (a, b);
  const PxAlignSentence *s = sentence (al, 0, 0);
  g_autofree char *text = px_text_substring (a, s->start, s->end);

  g_assert_true (g_str_has_suffix (text, "sous la crue."));
  g_assert_true (linked (al, 0, 0));
  g_assert_cmpint (px_alignment_sentence_at (al, 0, s->start), ==, 0);
  g_assert_cmpint (px_alignment_sentence_at (al, 0, s->end + 1), ==, 1);
}

static void
test_four_docs (void)
{
  const char *texts[4] = {
    "Les pompiers ont évacué deux cents habitants de Cuxac. La préfète a visité le site.",
    "Deux cents habitants de Cuxac évacués par les pompiers.",
    "La préfète a visité le site inondé dans l'après-midi.",
    "Un concert de soutien est prévu samedi à Narbonne.",
  };
  PxAlignDoc docs[4];
  g_autoptr(PxAlignment) al = NULL;

  for (guint i = 0; i < 4; i++)
    docs[i] = (PxAlignDoc) { texts[i], "fr", NULL, 0 };
  al = px_align_run (docs, 4);
  g_assert_cmpuint (al->n_docs, ==, 4);
  g_assert_cmpint (sentence (al, 0, 0)->status, !=, PX_ALIGN_UNIQUE);
  g_assert_cmpint (sentence (al, 0, 1)->status, !=, PX_ALIGN_UNIQUE);
  g_assert_cmpint (sentence (al, 3, 0)->status, ==, PX_ALIGN_UNIQUE);
  g_assert_cmpfloat (px_alignment_coverage (al, 0, 1), ==, 0.5);
  g_assert_cmpfloat (px_alignment_coverage (al, 0, 2), ==, 0.5);
  g_assert_cmpfloat (px_alignment_coverage (al, 0, 3), ==, 0.0);
  for (guint k = 0; k < al->links->len; k++)
    g_assert_cmpuint (g_array_index (al->links, PxAlignLink, k).a_doc, <,
                      g_array_index (al->links, PxAlignLink, k).b_doc);
}

static void
test_empty (void)
{
  g_autoptr(PxAlignment) al = align2 ("", "Une phrase.");

  g_assert_cmpuint (al->sentences[0]->len, ==, 0);
  g_assert_cmpuint (al->links->len, ==, 0);
  g_assert_cmpfloat (px_alignment_coverage (al, 0, 1), ==, 0);
}

static void
test_content_terms (void)
{
  g_autoptr(GPtrArray) t = px_align_content_terms ("Les rencontres et la rencontre de l'établissement", "fr");

  g_assert_true (px_align_is_stop_word ("les"));
  g_assert_true (px_align_is_stop_word ("the"));
  g_assert_false (px_align_is_stop_word ("marioupol"));
  g_assert_cmpuint (t->len, ==, 3);
  g_assert_true (t->pdata[0] == t->pdata[1]);   /* interned, plural and singular meet */
  g_assert_cmpstr (t->pdata[2], ==, "etabli");
}

/* Latin words take a fast path to their match key, the rest go through ICU;
 * both must give the key of the plain spelling. */
static void
test_keys_agree (void)
{
  static const char *pairs[][2] = {
    { "Sergueï", "serguei" }, { "KOULÉBA", "kouleba" }, { "Çavuşoğlu", "cavusoglu" },
    { "cœur", "coeur" }, { "Straße", "strasse" }, { "Лавров", "lavrov" },
    { "l’Élysée", "elysee" }, { "Ærø", "aero" }, { "Łódź", "lodz" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(GPtrArray) a = px_align_content_terms (pairs[i][0], "fr");
      g_autoptr(GPtrArray) b = px_align_content_terms (pairs[i][1], "fr");

      g_test_message ("%s / %s", pairs[i][0], pairs[i][1]);
      g_assert_cmpuint (a->len, ==, 1);
      g_assert_cmpuint (b->len, ==, 1);
      g_assert_cmpstr (a->pdata[0], ==, b->pdata[0]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/align/shared-and-unique", test_shared_and_unique);
  g_test_add_func ("/align/stop-words-only", test_stop_words_only);
  g_test_add_func ("/align/partial", test_partial);
  g_test_add_func ("/align/entity-bonus", test_entity_bonus);
  g_test_add_func ("/align/code-point-offsets", test_code_point_offsets);
  g_test_add_func ("/align/four-docs", test_four_docs);
  g_test_add_func ("/align/empty", test_empty);
  g_test_add_func ("/align/content-terms", test_content_terms);
  g_test_add_func ("/align/keys-agree", test_keys_agree);
  return g_test_run ();
}
