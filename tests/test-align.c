/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sentence alignment on small hand-made texts. */
#include "px-align.h"
#include "px-align-private.h"
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
  g_assert_cmpstr (t->pdata[2], ==, "etabl");   /* Snowball: "établ", then the key */
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

/* Issue 12: Snowball joins forms the six-letter cut kept apart. */
static void
test_stemming (void)
{
  g_autoptr(GPtrArray) fr = px_align_content_terms ("isolée isolés arrivé arrivées", "fr");
  g_autoptr(GPtrArray) en = px_align_content_terms ("negotiating negotiated", "en");

  g_assert_cmpuint (fr->len, ==, 4);
  g_assert_true (fr->pdata[0] == fr->pdata[1]);
  g_assert_true (fr->pdata[2] == fr->pdata[3]);
  g_assert_cmpuint (en->len, ==, 2);
  g_assert_true (en->pdata[0] == en->pdata[1]);
}

/* "chef de la diplomatie" and "ministre des Affaires étrangères" are one
 * role; "couloirs" and "corridors" one word. */
static void
test_paraphrase (void)
{
  const char *a = "Le chef de la diplomatie grecque visite Patras et son port.";
  const char *b = "Le ministre grec des Affaires étrangères visite Patras et son port.";
  const char *other = "Le ministre grec de la Culture visite Patras et son port.";
  g_autoptr(PxAlignment) ab = align2 (a, b);
  g_autoptr(PxAlignment) ao = align2 (a, other);
  g_autoptr(GPtrArray) c = px_align_content_terms ("Des couloirs de sortie", "fr");
  g_autoptr(GPtrArray) d = px_align_content_terms ("Les corridors de sortie", "fr");
  g_autoptr(GPtrArray) seq = px_align_content_terms ("Le ministre russe des Affaires étrangères", "fr");
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();

  g_assert_true (linked (ab, 0, 0));
  g_assert_true (linked (ao, 0, 0));
  /* Without the role, the longer b would score below the other minister. */
  g_assert_cmpfloat (sentence (ab, 0, 0)->best_score, >, sentence (ao, 0, 0)->best_score + 0.02);
  g_assert_true (c->pdata[0] == d->pdata[0]);
  px_align_phrase_terms (seq, "fr", roles);
  g_assert_cmpuint (roles->len, ==, 1);
  g_assert_cmpstr (roles->pdata[0], ==, "@foreign-minister");
}

/* The bonus follows the entity's rarity: a place named in every sentence
 * of the story adds next to nothing, a name found in two sentences adds
 * the full bonus. */
static void
test_entity_rarity (void)
{
  const char *a = "Orvan a reçu Tessi hier soir. Orvan pleure. Orvan vote. Orvan danse.";
  const char *b = "Tessi et Orvan ont parlé avec le maire. Orvan rit. Orvan chante. Orvan dort.";
  /* Orvan: entity 1 in every sentence; Tessi: entity 2 in two. */
  PxAlignMention ma[] = { { 0, 5, 1 }, { 13, 18, 2 }, { 30, 35, 1 }, { 44, 49, 1 }, { 56, 61, 1 } };
  PxAlignMention mb[] = { { 0, 5, 2 }, { 9, 14, 1 }, { 40, 45, 1 }, { 51, 56, 1 }, { 65, 70, 1 } };
  PxAlignMention only_common_a[] = { { 0, 5, 1 }, { 30, 35, 1 }, { 44, 49, 1 }, { 56, 61, 1 } };
  PxAlignMention only_common_b[] = { { 9, 14, 1 }, { 40, 45, 1 }, { 51, 56, 1 }, { 65, 70, 1 } };
  PxAlignDoc rare[2] = { { a, "fr", ma, G_N_ELEMENTS (ma) }, { b, "fr", mb, G_N_ELEMENTS (mb) } };
  PxAlignDoc common[2] = { { a, "fr", only_common_a, G_N_ELEMENTS (only_common_a) },
                           { b, "fr", only_common_b, G_N_ELEMENTS (only_common_b) } };
  PxAlignDoc plain[2] = { { a, "fr", NULL, 0 }, { b, "fr", NULL, 0 } };
  g_autoptr(PxAlignment) with_rare = px_align_run (rare, 2);
  g_autoptr(PxAlignment) with_common = px_align_run (common, 2);
  g_autoptr(PxAlignment) without = px_align_run (plain, 2);
  g_autofree char *t = px_text_substring (b, 0, 5);

  g_assert_cmpstr (t, ==, "Tessi");
  g_assert_cmpfloat (sentence (with_rare, 0, 0)->best_score, >=,
                     sentence (without, 0, 0)->best_score + PX_ALIGN_ENTITY_BONUS * 0.99);
  g_assert_cmpfloat (sentence (with_common, 0, 0)->best_score, <,
                     sentence (without, 0, 0)->best_score + PX_ALIGN_ENTITY_BONUS * 0.5);
}

/* A headline and a sub-heading align with headings only. */
static void
test_headings (void)
{
  const char *a = "Crue historique à Trèbes\n\nLa crue a détruit trois ponts à Trèbes hier.\n";
  const char *b = "Trois ponts détruits par la crue à Trèbes\n\nLes secours\n\nLa crue historique a emporté trois ponts à Trèbes.";

  g_autoptr(PxAlignment) al = align2 (a, b);

  g_assert_true (px_align_is_heading (a, 0, 24));
  g_assert_false (px_align_is_heading (a, 26, 70));
  g_assert_true (sentence (al, 0, 0)->heading);
  g_assert_true (sentence (al, 1, 1)->heading);
  g_assert_false (sentence (al, 1, 2)->heading);
  g_assert_true (linked (al, 1, 2));          /* body with body */
  g_assert_false (linked (al, 0, 2));         /* never a headline with a body sentence */
  g_assert_false (linked (al, 1, 0));
  g_assert_true (linked (al, 0, 0));          /* headline with headline */
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
  g_test_add_func ("/align/stemming", test_stemming);
  g_test_add_func ("/align/paraphrase", test_paraphrase);
  g_test_add_func ("/align/entity-rarity", test_entity_rarity);
  g_test_add_func ("/align/headings", test_headings);
  return g_test_run ();
}
