/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-align-terms.c: what alignment and quote matching compare: the
 * content words of a text, match-keyed and stemmed, French and English stop
 * words removed.
 *
 * Words are reduced to the first six code points of their match key: a crude
 * stem that joins "rencontre", "rencontrent" and "rencontrés", or
 * "discussion" and "discussions", without a language-specific stemmer.
 */
#include <string.h>

#include "px-align.h"
#include "px-align-private.h"
#include "px-text.h"

#define STEM_LENGTH 6

/* ---- Stop words ------------------------------------------------------- */

/* Written as match keys (lower case, no accents). */
static const char *stop_words[] = {
  /* French */
  "a", "afin", "ai", "ainsi", "alors", "apres", "au", "aucun", "aupres",
  "aussi", "autre", "autres", "aux", "avaient", "avait", "avant", "avec",
  "avoir", "c", "ca", "ce", "ceci", "cela", "celle", "celles", "celui",
  "cependant", "ces", "cet", "cette", "ceux", "chez", "comme", "d", "dans",
  "de", "depuis", "des", "deja", "doit", "donc", "dont", "du", "elle",
  "elles", "en", "encore", "entre", "est", "et", "etaient", "etait", "ete",
  "etre", "eu", "fait", "faire", "fois", "font", "il", "ils", "j", "je",
  "jusqu", "l", "la", "le", "les", "leur", "leurs", "lors", "lui", "m",
  "mais", "me", "meme", "memes", "mes", "moi", "mon", "n", "ne", "ni", "non",
  "nos", "notre", "nous", "on", "ont", "ou", "par", "parce", "pas", "peu",
  "peut", "plus", "pour", "pourquoi", "qu", "quand", "que", "quel", "quelle",
  "quels", "qui", "s", "sa", "sans", "se", "selon", "ses", "si", "son",
  "sont", "sous", "sur", "t", "ta", "tandis", "tant", "te", "tous", "tout",
  "toute", "toutes", "tres", "trop", "tu", "un", "une", "unes", "uns", "va",
  "vers", "voici", "voila", "vos", "votre", "vous", "y", "ete", "sera",
  "seront", "serait", "avons", "avez", "suis", "es", "sommes", "etes",
  "aurait", "auront", "cet", "ces", "quoi", "ici", "la", "puis", "dit",
  "a-t-il", "mm", "mme",
  /* English */
  "about", "after", "all", "also", "an", "and", "any", "are", "as", "at",
  "be", "been", "before", "being", "but", "by", "can", "could", "did", "do",
  "does", "for", "from", "had", "has", "have", "he", "her", "hers", "him",
  "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "me",
  "more", "most", "mr", "mrs", "ms", "my", "no", "not", "of", "on", "once",
  "only", "or", "other", "our", "out", "over", "said", "says", "she",
  "should", "so", "some", "such", "than", "that", "the", "their", "them",
  "then", "there", "these", "they", "this", "those", "through", "to", "too",
  "under", "until", "up", "very", "was", "we", "were", "what", "when",
  "where", "which", "while", "who", "whom", "why", "will", "with", "would",
  "you", "your",
};

static GHashTable *
stop_word_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
        g_hash_table_add (t, (gpointer) stop_words[i]);
      g_once_init_leave (&table, t);
    }
  return table;
}

gboolean
px_align_is_stop_word (const char *key)
{
  return g_hash_table_contains (stop_word_table (), key);
}

/* ---- Terms ------------------------------------------------------------ */

/* "l'établissement" is one ICU word; the elided article goes. */
static const char *
skip_elision (const char *word)
{
  const char *best = word;

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == '\'' || c == 0x2019) && p - word <= 7)
        best = g_utf8_next_char (p);
    }
  return best;
}

/* News says one thing in several words; these stems are read as one. The
 * list is short and general (talks, meetings, strikes, corridors, deaths),
 * French and English, so that it helps any story and fits none. */
static const char *synonyms[][2] = {
  { "couloi", "corrid" }, { "negoci", "pourpa" }, { "discus", "pourpa" },
  { "talk", "pourpa" }, { "reunio", "rencon" }, { "entret", "rencon" },
  { "meetin", "rencon" }, { "bombar", "frappe" }, { "strike", "frappe" },
  { "bombin", "frappe" }, { "raid", "frappe" }, { "offens", "invasi" },
  { "hospit", "hopita" }, { "deces", "mort" }, { "killed", "mort" },
  { "dead", "mort" }, { "death", "mort" }, { "tue", "mort" },
  { "ceasef", "cessez" }, { "treve", "cessez" }, { "truce", "cessez" },
  { "injure", "blesse" }, { "wounde", "blesse" }, { "kyiv", "kiev" },
  { "moscow", "moscou" }, { "mariup", "mariou" }, { "euro", "eur" },
};

static const char *
synonym_of (const char *stem)
{
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (strcmp (stem, synonyms[i][0]) == 0)
      return synonyms[i][1];
  return stem;
}

/* px_text_match_key() for a word of ASCII and accented Latin letters, without
 * ICU: the transliterator costs about 20 µs a word, which made it most of the
 * time of aligning long articles. A letter whose canonical decomposition is
 * an ASCII letter and combining marks becomes that letter, as ICU's
 * Latin-ASCII does; anything else ("œ", "ß", "’", Cyrillic) returns NULL and
 * goes through ICU, so both paths give the same key. */
static char *
fast_match_key (const char *word)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (word));
  gboolean space = FALSE;

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x80)
        {
          gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
          gsize n = g_unichar_fully_decompose (c, FALSE, d, G_N_ELEMENTS (d));

          if (c > 0x17F || n < 2 || d[0] >= 0x80)
            return NULL;
          for (gsize k = 1; k < n; k++)
            if (g_unichar_type (d[k]) != G_UNICODE_NON_SPACING_MARK)
              return NULL;
          c = d[0];
        }
      if (g_ascii_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, g_ascii_tolower (c));
        }
      else if (c != '\'')
        space = TRUE;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The stem of one surface word, or NULL for a stop word. Interned, so it can
 * be compared by pointer and kept without freeing. */
static const char *
word_term (const char *surface)
{
  const char *word = skip_elision (surface);
  g_autofree char *key = fast_match_key (word);
  g_autofree char *stem = NULL;
  const char *end;
  gsize len;

  if (key == NULL)
    key = px_text_match_key (word);
  if (key[0] == '\0' || px_align_is_stop_word (key))
    return NULL;
  if (g_utf8_strlen (key, -1) < 2 && !g_ascii_isdigit (key[0]))
    return NULL;
  len = strlen (key);
  /* Plural "s"/"x" goes before the cut, so "mort" and "morts" meet. */
  if (len > 3 && (key[len - 1] == 's' || key[len - 1] == 'x') && key[len - 2] != 's')
    key[len - 1] = '\0';
  end = g_utf8_offset_to_pointer (key, MIN ((glong) STEM_LENGTH, g_utf8_strlen (key, -1)));
  stem = g_strndup (key, end - key);
  return g_intern_string (synonym_of (stem));
}

/* Same as word_term, through a per-run cache: surface words repeat a lot,
 * and match keys go through ICU. */
const char *
px_align_cached_term (GHashTable *cache,
                      const char *surface)
{
  gpointer found;
  const char *term;

  if (g_hash_table_lookup_extended (cache, surface, NULL, &found))
    return found;
  term = word_term (surface);
  g_hash_table_insert (cache, g_strdup (surface), (gpointer) term);
  return term;
}

const char *
px_align_cursor_seek (PxCpCursor *c,
                      gsize       cp)
{
  if (cp < c->cp)
    {
      c->ptr = c->text;
      c->cp = 0;
    }
  while (c->cp < cp && *c->ptr)
    {
      c->ptr = g_utf8_next_char (c->ptr);
      c->cp++;
    }
  return c->ptr;
}

GPtrArray *
px_align_content_terms (const char *text,
                        const char *language)
{
  g_autoptr(GArray) words = px_text_words (text, language);
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *terms = g_ptr_array_new ();
  PxCpCursor cur = { text, text, 0 };

  for (guint i = 0; i < words->len; i++)
    {
      PxSpan *w = &g_array_index (words, PxSpan, i);
      const char *a = px_align_cursor_seek (&cur, w->start);
      const char *b = g_utf8_offset_to_pointer (a, w->end - w->start);
      g_autofree char *surface = g_strndup (a, b - a);
      const char *term = px_align_cached_term (cache, surface);

      if (term)
        g_ptr_array_add (terms, (gpointer) term);
    }
  return terms;
}
