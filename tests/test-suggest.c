/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-suggest.c: finding the other occurrences of a phrase by match key. */
#include "px-core.h"
#include "px-suggest.h"
#include "px-test-util.h"

/* The spans as "start-end" pairs joined by spaces, for readable asserts. */
static char *
spans_string (GArray *spans)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const PxSpan *span = &g_array_index (spans, PxSpan, i);
      g_string_append_printf (s, "%s%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT,
                              i > 0 ? " " : "", span->start, span->end);
    }
  return g_string_free (s, FALSE);
}

/* The text of each found span, joined by "|". */
static char *
found_texts (const char *text,
             GArray     *spans)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const PxSpan *span = &g_array_index (spans, PxSpan, i);
      const char *from = g_utf8_offset_to_pointer (text, span->start);
      const char *to = g_utf8_offset_to_pointer (text, span->end);

      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append_len (s, from, to - from);
    }
  return g_string_free (s, FALSE);
}

static void
check (const char *text,
       const char *phrase,
       const char *expected_texts)
{
  g_autoptr(GArray) spans = px_suggest_find (text, "fr", phrase, NULL);
  g_autofree char *got = found_texts (text, spans);

  g_assert_cmpstr (got, ==, expected_texts);
}

static void
test_folding (void)
{
  check ("Kouleba parle. KOULEBA répond, puis kouleba se tait.", "Kouleba",
         "Kouleba|KOULEBA|kouleba");
  check ("Sergueï Lavrov et Serguei Lavrov, puis SERGUEÏ LAVROV.", "Serguei Lavrov",
         "Sergueï Lavrov|Serguei Lavrov|SERGUEÏ LAVROV");
  check ("Лавров и Lavrov.", "Lavrov", "Лавров|Lavrov");
}

static void
test_word_boundaries (void)
{
  check ("Paris, les Parisiens et Paris-Plage.", "Paris", "Paris|Paris");
  check ("La maire, le maire, les maires.", "maire", "maire|maire");
  check ("Rien ici.", "Paris", "");
  check ("Texte.", "« »", "");
}

static void
test_multi_word (void)
{
  /* Line breaks and several spaces between words still match. */
  check ("Claire Vidal a parlé ; Claire\nVidal  a ri ; Claire a fui.", "Claire Vidal",
         "Claire Vidal|Claire\nVidal");
}

/* Emoji (astral, ZWJ sequences) and combining marks before a match must not
 * shift its code point offsets. */
static void
test_offsets (void)
{
  const char *text = "👩‍👩‍👧 e\xcc\x81t\xc3\xa9 : Kuleba 🇺🇦 Kuleba";
  g_autoptr(GArray) spans = px_suggest_find (text, "fr", "kuleba", NULL);
  g_autofree char *got = spans_string (spans);
  /* 👩‍👩‍👧 is 5 code points, then space, e + U+0301 + t + é (4), " : " */
  g_autofree char *texts = found_texts (text, spans);

  g_assert_cmpstr (texts, ==, "Kuleba|Kuleba");
  g_assert_cmpstr (got, ==, "13-19 23-29");
}

static void
test_exclude (void)
{
  const char *text = "Kyiv, puis Kyiv, puis Kyiv.";
  g_autoptr(GArray) exclude = g_array_new (FALSE, FALSE, sizeof (PxSpan));
  PxSpan first = { 0, 4 };
  g_autoptr(GArray) spans = NULL;
  g_autofree char *got = NULL;

  g_array_append_val (exclude, first);
  spans = px_suggest_find (text, "fr", "Kyiv", exclude);
  got = spans_string (spans);
  g_assert_cmpstr (got, ==, "11-15 22-26");
}

/* Issue 12: "d'Antalya" is found for "Antalya", without its article. */
static void
test_elided_article (void)
{
  static const char text[] = "À Antalya, les pourparlers d'Antalya et l’Antalya d’hier.";
  g_autoptr(GArray) found = px_suggest_find (text, "fr", "Antalya", NULL);
  g_autofree char *texts = found_texts (text, found);

  g_assert_cmpstr (texts, ==, "Antalya|Antalya|Antalya");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest/folding", test_folding);
  g_test_add_func ("/suggest/word-boundaries", test_word_boundaries);
  g_test_add_func ("/suggest/multi-word", test_multi_word);
  g_test_add_func ("/suggest/offsets", test_offsets);
  g_test_add_func ("/suggest/exclude", test_exclude);
  g_test_add_func ("/suggest/elided-article", test_elided_article);
  return g_test_run ();
}
