/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-suggest.c: occurrences of a phrase by match key (see px-suggest.h).
 *
 * A long article has some 150,000 words but only a few thousand distinct
 * ones, and the match key goes through an ICU transliterator, so keys are
 * computed once per distinct spelling. */
#include "px-suggest.h"

#include <string.h>

typedef struct
{
  const char *text;
  const char *cursor;        /* byte position of code point @cursor_cp */
  gsize       cursor_cp;
  GHashTable *keys;          /* spelling -> match key */
} Walker;

/* The word at [start, end) code points, walking forward from the last one. */
static char *
word_at (Walker *w,
         gsize   start,
         gsize   end)
{
  const char *from;

  g_assert (start >= w->cursor_cp);
  from = g_utf8_offset_to_pointer (w->cursor, start - w->cursor_cp);
  w->cursor = g_utf8_offset_to_pointer (from, end - start);
  w->cursor_cp = end;
  return g_strndup (from, w->cursor - from);
}

static const char *
key_of (Walker *w,
        char   *word)   /* taken */
{
  const char *key = g_hash_table_lookup (w->keys, word);

  if (key == NULL)
    {
      char *k = px_text_match_key (word);

      g_hash_table_insert (w->keys, word, k != NULL ? k : g_strdup (""));
      return g_hash_table_lookup (w->keys, word);
    }
  g_free (word);
  return key;
}

static gboolean
excluded (const GArray *exclude,
          gsize         start,
          gsize         end)
{
  for (guint i = 0; exclude != NULL && i < exclude->len; i++)
    {
      const PxSpan *s = &g_array_index (exclude, PxSpan, i);
      if (s->start == start && s->end == end)
        return TRUE;
    }
  return FALSE;
}

/* The keys of the phrase's words; empty keys (punctuation) are skipped. */
static GPtrArray *
phrase_keys (const char *phrase,
             const char *lang)
{
  g_autoptr(GArray) words = px_text_words (phrase, lang);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  const char *p = phrase;
  gsize at = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const PxSpan *s = &g_array_index (words, PxSpan, i);
      const char *from = g_utf8_offset_to_pointer (p, s->start - at);
      const char *to = g_utf8_offset_to_pointer (from, s->end - s->start);
      g_autofree char *word = g_strndup (from, to - from);
      char *key = px_text_match_key (word);

      p = to;
      at = s->end;
      if (key != NULL && *key != '\0')
        g_ptr_array_add (keys, key);
      else
        g_free (key);
    }
  return keys;
}

GArray *
px_suggest_find (const char   *text,
                 const char   *lang,
                 const char   *phrase,
                 const GArray *exclude)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (PxSpan));
  g_autoptr(GPtrArray) wanted = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GPtrArray) word_keys = NULL;
  g_autoptr(GHashTable) keys = NULL;
  Walker w;

  g_return_val_if_fail (text != NULL && phrase != NULL, found);
  wanted = phrase_keys (phrase, lang);
  if (wanted->len == 0)
    return found;
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w = (Walker) { text, text, 0, keys };
  words = px_text_words (text, lang);
  /* Borrowed from the table, which lives as long as this array. */
  word_keys = g_ptr_array_sized_new (words->len);
  for (guint i = 0; i < words->len; i++)
    {
      const PxSpan *s = &g_array_index (words, PxSpan, i);
      g_ptr_array_add (word_keys, (gpointer) key_of (&w, word_at (&w, s->start, s->end)));
    }
  for (guint i = 0; i + wanted->len <= words->len; i++)
    {
      PxSpan span;
      guint j;

      for (j = 0; j < wanted->len; j++)
        if (strcmp (g_ptr_array_index (word_keys, i + j), g_ptr_array_index (wanted, j)) != 0)
          break;
      if (j < wanted->len)
        continue;
      span.start = g_array_index (words, PxSpan, i).start;
      span.end = g_array_index (words, PxSpan, i + wanted->len - 1).end;
      /* "d'Antalya" is found for "Antalya"; the article stays out. Matches
       * are few, so finding the word's bytes again costs little. */
      span.start += px_text_elision_length (g_utf8_offset_to_pointer (text, span.start));
      if (!excluded (exclude, span.start, span.end))
        g_array_append_val (found, span);
      i += wanted->len - 1;   /* occurrences don't overlap */
    }
  return found;
}
