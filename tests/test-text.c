/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-text: decoding, normalisation, segmentation, match keys, offsets. */
#include <string.h>

#include "px-core.h"
#include "px-test-util.h"

static char *
span_text (const char *text, GArray *spans, guint i)
{
  PxSpan *s = &g_array_index (spans, PxSpan, i);
  return px_text_substring (text, s->start, s->end);
}

static void
test_sentences_abbreviations (void)
{
  const char *text = "M. Lavrov est arrivé mercredi à Antalya. Il a rencontré M. Kouleba et "
                     "Mme Dupont.\n\nLes discussions, selon le Dr. Martin, ont échoué.";
  g_autoptr(GArray) s = px_text_sentences (text, "fr");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (s->len, ==, 3);
  first = span_text (text, s, 0);
  second = span_text (text, s, 1);
  g_assert_cmpstr (first, ==, "M. Lavrov est arrivé mercredi à Antalya.");
  g_assert_cmpstr (second, ==, "Il a rencontré M. Kouleba et Mme Dupont.");
}

static void
test_words_and_tokens (void)
{
  const char *text = "« Nous travaillons », a-t-il dit, 2,1 millions.";
  g_autoptr(GArray) words = px_text_words (text, "fr");
  g_autoptr(GArray) tokens = px_text_tokens (text, "fr");
  g_autofree char *w0 = NULL;

  g_assert_cmpuint (words->len, >=, 6);
  w0 = span_text (text, words, 0);
  g_assert_cmpstr (w0, ==, "Nous");
  /* Tokens keep the punctuation that words drop. */
  g_assert_cmpuint (tokens->len, >, words->len);
  {
    g_autofree char *t0 = span_text (text, tokens, 0);
    g_assert_cmpstr (t0, ==, "«");
  }
}

static void
test_snap (void)
{
  const char *text = "Sergueï Lavrov arrive.";
  gsize start = 2, end = 10;

  g_assert_true (px_text_snap_to_words (text, "fr", &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 14);
  start = 14;
  end = 15;
  g_assert_false (px_text_snap_to_words (text, "fr", &start, &end));
}

static void
test_match_keys (void)
{
  static const struct { const char *in, *key; } cases[] = {
    { "Sergueï", "serguei" },
    { "Лавров", "lavrov" },
    { "Dmytro Kouléba", "dmytro kouleba" },
    { "  ÉTATS-UNIS ", "etats unis" },
    { "Erdoğan", "erdogan" },
    { "Çavuşoğlu", "cavusoglu" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = px_text_match_key (cases[i].in);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
  g_assert_cmpuint (px_text_edit_distance ("kuleba", "kouleba", 3), ==, 1);
  g_assert_cmpuint (px_text_edit_distance ("lavrov", "lavrov", 3), ==, 0);
  g_assert_cmpuint (px_text_edit_distance ("a", "abcdefgh", 2), ==, 3);
  g_assert_cmpuint (px_text_edit_distance ("é", "e", 2), ==, 1);
}

/* Issue 12: elided articles and titles stay out of keys and snapped spans. */
static void
test_elision_and_titles (void)
{
  static const struct { const char *in, *key; } cases[] = {
    { "l'Ukraine", "ukraine" },
    { "d’Antalya", "antalya" },
    { "qu'Ankara", "ankara" },
    { "la ville d'Alep", "la ville alep" },
    { "O'Brien", "obrien" },
    { "aujourd'hui", "aujourdhui" },
    { "M. Lavrov", "lavrov" },
    { "Mme Lagarde", "lagarde" },
    { "président Erdogan", "erdogan" },
    { "le président", "le president" },
    { "ministre des Affaires étrangères", "ministre des affaires etrangeres" },
    { "président", "president" },
    { "M.", "m" },
  };
  static const char text[] = "Il part de l'Ukraine vers d’Antalya.";
  gsize start = 11, end = 20;   /* "l'Ukraine" */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = px_text_match_key (cases[i].in);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
  g_assert_true (px_text_snap_to_words (text, "fr", &start, &end));
  g_assert_cmpuint (start, ==, 13);
  g_assert_cmpuint (end, ==, 20);
  start = 28;   /* inside "d’Antalya" */
  end = 30;
  g_assert_true (px_text_snap_to_words (text, "fr", &start, &end));
  g_assert_cmpuint (start, ==, 28);
  g_assert_cmpuint (end, ==, 35);
  g_assert_cmpuint (px_text_elision_length ("N'Djamena"), ==, 0);
  g_assert_cmpuint (px_text_elision_length ("L'Ukraine"), ==, 2);
  g_assert_cmpuint (px_text_elision_length ("jusqu’à"), ==, 6);
}

static void
test_near_spelling (void)
{
  g_assert_true (px_text_near_spelling ("kouleba", "kuleba"));
  g_assert_true (px_text_near_spelling ("ryad", "riyad"));
  g_assert_true (px_text_near_spelling ("zelensky", "zelenskiy"));
  g_assert_true (px_text_near_spelling ("cavusoglu", "cavusoglou"));
  g_assert_false (px_text_near_spelling ("iran", "irak"));
  g_assert_false (px_text_near_spelling ("mali", "bali"));
  g_assert_false (px_text_near_spelling ("kuleba", "kuleba"));
  g_assert_false (px_text_near_spelling ("usa", "usaa"));
  g_assert_false (px_text_near_spelling ("lavrov", "lavrovski"));
}

static void
test_decode (void)
{
  static const guint8 be_nobom[] = { 0, 'C', 0, 'a', 0, 'f', 0, 0xe9, 0, '\r', 0, 'x', 0, 'y' };
  static const guint8 le_nobom[] = { 'C', 0, 'a', 0, 'f', 0, 0xe9, 0, '\r', 0, 'x', 0, 'y', 0 };
  static const guint8 cp1252[] = { 0x93, 'C', 'a', 'f', 0xe9, 0x94, ' ', 0x80 };
  /* "Cafe" + combining acute: NFC gives the precomposed é. */
  static const char nfd[] = "Cafe\xcc\x81\r\nx";
  g_autoptr(GError) error = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *a = px_text_decode (be_nobom, sizeof be_nobom, &charset, &error);
  g_autofree char *b = px_text_decode (le_nobom, sizeof le_nobom, NULL, &error);
  g_autofree char *c = px_text_decode (cp1252, sizeof cp1252, NULL, &error);
  g_autofree char *d = px_text_decode ((const guint8 *) nfd, strlen (nfd), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "Café\nxy");
  g_assert_cmpstr (charset, ==, "UTF-16BE");
  g_assert_cmpstr (b, ==, "Café\nxy");
  g_assert_cmpstr (c, ==, "“Café” €");
  g_assert_cmpstr (d, ==, "Café\nx");
}

static void
test_binary (void)
{
  static const guint8 elf[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0 };
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R' };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = px_text_decode (elf, sizeof elf, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, PX_ERROR, PX_ERROR_BINARY);
  g_assert_true (px_text_looks_binary (png, sizeof png));
  g_assert_false (px_text_looks_binary ((const guint8 *) "Bonjour\tà tous\n", 16));
}

static void
test_offsets (void)
{
  /* é: 2 bytes, 1 unit; 😀: 4 bytes, 2 units; both one code point. */
  const char *text = "aé😀b";

  g_assert_cmpuint (px_text_length (text, -1), ==, 4);
  g_assert_cmpuint (px_text_cp_to_byte (text, 3), ==, 7);
  g_assert_cmpuint (px_text_byte_to_cp (text, 7), ==, 3);
  g_assert_cmpuint (px_text_cp_to_utf16 (text, 3), ==, 4);
  g_assert_cmpuint (px_text_utf16_to_cp (text, 4), ==, 3);
  {
    g_autofree char *sub = px_text_substring (text, 1, 3);
    g_assert_cmpstr (sub, ==, "é😀");
  }
  g_assert_null (px_text_substring (text, 2, 9));
}

static void
test_language (void)
{
  g_assert_cmpstr (px_text_detect_language ("Le ministre est arrivé dans la ville pour les discussions."), ==, "fr");
  g_assert_cmpstr (px_text_detect_language ("The minister arrived in the city for the talks with his counterpart."), ==, "en");
  g_assert_cmpstr (px_text_detect_language ("12 34 56"), ==, "und");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/sentences-abbreviations", test_sentences_abbreviations);
  g_test_add_func ("/text/words-tokens", test_words_and_tokens);
  g_test_add_func ("/text/snap", test_snap);
  g_test_add_func ("/text/match-keys", test_match_keys);
  g_test_add_func ("/text/elision-titles", test_elision_and_titles);
  g_test_add_func ("/text/near-spelling", test_near_spelling);
  g_test_add_func ("/text/decode", test_decode);
  g_test_add_func ("/text/binary", test_binary);
  g_test_add_func ("/text/offsets", test_offsets);
  g_test_add_func ("/text/language", test_language);
  return g_test_run ();
}
