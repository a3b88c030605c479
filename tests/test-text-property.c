/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Property tests: random Unicode text (emoji with ZWJ and skin tones,
 * combining marks, right-to-left scripts, tabs, CRLF) must keep every
 * offset conversion exact. The seed is printed, so a failure can be
 * replayed with --seed. */
#include <string.h>

#include "px-core.h"
#include "px-test-util.h"

static const gunichar pool[] = {
  'a', 'b', 'Z', ' ', ' ', '.', ',', '\t', '\n', '7',
  0x00e9, 0x00ef, 0x0142,                   /* é ï ł */
  0x0301, 0x0308,                           /* combining acute, diaeresis */
  0x05e9, 0x05dc, 0x05d5, 0x05dd,           /* Hebrew */
  0x0627, 0x0644, 0x0633, 0x0645,           /* Arabic */
  0x041b, 0x0430, 0x0432,                   /* Cyrillic */
  0x4e2d, 0x6587,                           /* CJK */
  0x1f600, 0x1f44d, 0x1f3fd, 0x200d, 0x1f469, 0x1f1eb, 0x1f1f7, /* emoji, ZWJ, flags */
  0xfeff, 0x00a0,
};

static char *
random_text (guint len)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < len; i++)
    {
      gunichar c = pool[g_test_rand_int_range (0, G_N_ELEMENTS (pool))];

      /* Sometimes a CRLF, as sources from Windows have. */
      if (g_test_rand_int_range (0, 40) == 0)
        g_string_append (s, "\r\n");
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static void
check_offsets (const char *text)
{
  gsize n = px_text_length (text, -1);
  gsize units = 0, byte = 0;
  const char *p = text;

  for (gsize cp = 0; cp <= n; cp++)
    {
      g_assert_cmpuint (px_text_cp_to_byte (text, cp), ==, byte);
      g_assert_cmpuint (px_text_byte_to_cp (text, byte), ==, cp);
      g_assert_cmpuint (px_text_cp_to_utf16 (text, cp), ==, units);
      g_assert_cmpuint (px_text_utf16_to_cp (text, units), ==, cp);
      if (cp < n)
        {
          gunichar c = g_utf8_get_char (p);
          units += c > 0xffff ? 2 : 1;
          p = g_utf8_next_char (p);
          byte = (gsize) (p - text);
        }
    }
}

static void
check_spans (const char *text, GArray *spans)
{
  gsize n = px_text_length (text, -1);
  gsize prev_end = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      PxSpan *s = &g_array_index (spans, PxSpan, i);
      g_autofree char *sub = px_text_substring (text, s->start, s->end);

      g_assert_cmpuint (s->start, <, s->end);
      g_assert_cmpuint (s->end, <=, n);
      g_assert_cmpuint (s->start, >=, prev_end);
      g_assert_nonnull (sub);
      g_assert_true (g_utf8_validate (sub, -1, NULL));
      /* A span never starts with a combining mark cut from its base. */
      g_assert_false (g_unichar_ismark (g_utf8_get_char (sub)) && s->start > 0 &&
                      !g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, s->start - 1))));
      prev_end = s->end;
    }
}

static void
test_random_offsets (void)
{
  for (int round = 0; round < 200; round++)
    {
      g_autofree char *raw = random_text ((guint) g_test_rand_int_range (0, 120));
      g_autoptr(GError) error = NULL;
      g_autofree char *text = px_text_decode ((const guint8 *) raw, strlen (raw), NULL, &error);

      g_assert_no_error (error);
      g_assert_null (strchr (text, '\r'));
      check_offsets (text);
    }
}

static void
test_random_segments (void)
{
  for (int round = 0; round < 200; round++)
    {
      g_autofree char *raw = random_text ((guint) g_test_rand_int_range (1, 200));
      g_autofree char *text = px_text_normalize_nfc (raw, -1);
      g_autoptr(GArray) sentences = px_text_sentences (text, g_test_rand_bit () ? "fr" : "en");
      g_autoptr(GArray) words = px_text_words (text, NULL);
      g_autoptr(GArray) tokens = px_text_tokens (text, NULL);

      check_spans (text, sentences);
      check_spans (text, words);
      check_spans (text, tokens);
    }
}

static void
test_random_snap (void)
{
  for (int round = 0; round < 200; round++)
    {
      g_autofree char *text = random_text ((guint) g_test_rand_int_range (1, 80));
      g_autoptr(GArray) words = px_text_words (text, NULL);
      gsize n = px_text_length (text, -1);
      gsize start = (gsize) g_test_rand_int_range (0, (gint32) n);
      gsize end = start + 1 + (gsize) g_test_rand_int_range (0, (gint32) (n - start));

      if (!px_text_snap_to_words (text, NULL, &start, &end))
        continue;
      /* The snapped range starts and ends on word boundaries: no word is
       * cut in two. */
      for (guint i = 0; i < words->len; i++)
        {
          PxSpan *w = &g_array_index (words, PxSpan, i);
          g_assert_false (w->start < start && start < w->end);
          g_assert_false (w->start < end && end < w->end);
        }
    }
}

/* Snapping looks only at a window around the range in long texts: it must
 * give what the words of the whole text give. */
static void
test_random_snap_long (void)
{
  for (int round = 0; round < 20; round++)
    {
      g_autofree char *text = random_text ((guint) g_test_rand_int_range (500, 3000));
      g_autoptr(GArray) words = px_text_words (text, NULL);
      gsize n = px_text_length (text, -1);

      for (int k = 0; k < 20; k++)
        {
          gsize start = (gsize) g_test_rand_int_range (0, (gint32) n);
          gsize end = start + 1 + (gsize) g_test_rand_int_range (0, (gint32) MIN (n - start, 40));
          gsize want_start = G_MAXSIZE, want_end = 0;
          gboolean found;

          for (guint i = 0; i < words->len; i++)
            {
              PxSpan *w = &g_array_index (words, PxSpan, i);
              if (w->end <= start || w->start >= end)
                continue;
              want_start = MIN (want_start, w->start);
              want_end = MAX (want_end, w->end);
            }
          found = px_text_snap_to_words (text, NULL, &start, &end);
          g_assert_cmpint (found, ==, want_start != G_MAXSIZE);
          if (found)
            {
              g_assert_cmpuint (start, ==, want_start);
              g_assert_cmpuint (end, ==, want_end);
            }
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-property/offsets", test_random_offsets);
  g_test_add_func ("/text-property/segments", test_random_segments);
  g_test_add_func ("/text-property/snap", test_random_snap);
  g_test_add_func ("/text-property/snap-long", test_random_snap_long);
  return g_test_run ();
}
