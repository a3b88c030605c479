/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-align-terms.c: what alignment and quote matching compare: the
 * content words of a text, match-keyed and stemmed, French and English stop
 * words removed.
 *
 * Words are match-keyed, stemmed by Snowball (French, or English for
 * English articles) and cut to their first six code points. The stemmer joins
 * "isolée" and "isolés", "arrivé" and "arrivée"; the cut still joins what
 * it leaves apart ("rencontre" / "rencontrés") and keeps the synonym list
 * below in six-letter stems.
 */
#include <libstemmer.h>
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

static void
close_stemmers (gpointer data)
{
  struct sb_stemmer **st = data;

  for (guint i = 0; i < 2; i++)
    if (st[i] != NULL)
      sb_stemmer_delete (st[i]);
  g_free (st);
}

static GPrivate stemmer_key = G_PRIVATE_INIT (close_stemmers);

/* Snowball stemmers keep state between calls: one pair per thread. */
static struct sb_stemmer *
stemmer_for (gboolean english)
{
  struct sb_stemmer **st = g_private_get (&stemmer_key);

  if (st == NULL)
    {
      st = g_new0 (struct sb_stemmer *, 2);
      st[0] = sb_stemmer_new ("french", NULL);
      st[1] = sb_stemmer_new ("english", NULL);
      g_private_set (&stemmer_key, st);
    }
  return st[english ? 1 : 0];
}

/* The Snowball stem of a match key, or a copy of it when there is no
 * stemmer. */
static char *
snowball (const char *word, gboolean english)
{
  struct sb_stemmer *st = stemmer_for (english);
  g_autofree char *lower = g_utf8_strdown (word, -1);
  const sb_symbol *out;

  if (st == NULL)
    return g_steal_pointer (&lower);
  out = sb_stemmer_stem (st, (const sb_symbol *) lower, (int) strlen (lower));
  if (out == NULL)
    return g_steal_pointer (&lower);
  return g_strndup ((const char *) out, sb_stemmer_length (st));
}

static char *
any_match_key (const char *word)
{
  char *key = fast_match_key (word);

  return key != NULL ? key : px_text_match_key (word);
}

/* The stem of one surface word, or NULL for a stop word. Interned, so it can
 * be compared by pointer and kept without freeing. */
static const char *
word_base (const char *surface,
           gboolean    english)
{
  const char *word = skip_elision (surface);
  g_autofree char *key = any_match_key (word);
  g_autofree char *stem = NULL;
  g_autofree char *stemmed = NULL;
  const char *end;

  if (key[0] == '\0' || px_align_is_stop_word (key))
    return NULL;
  if (g_utf8_strlen (key, -1) < 2 && !g_ascii_isdigit (key[0]))
    return NULL;
  /* The key is stemmed, not the surface word: "Élysée" and "Elysee" must
   * meet, and scrapers drop accents. Snowball takes plurals off. */
  stemmed = snowball (key, english);
  /* Without its accents the French stemmer leaves the "e" of "-ée" and
   * "-é" ("isolee" → "isole", but "isoles" → "isol"). */
  if (!english && strlen (stemmed) > 4 && g_str_has_suffix (stemmed, "e"))
    stemmed[strlen (stemmed) - 1] = '\0';
  if (stemmed[0] != '\0' && !g_ascii_isdigit (key[0]))
    {
      g_free (key);
      key = g_steal_pointer (&stemmed);
    }
  end = g_utf8_offset_to_pointer (key, MIN ((glong) STEM_LENGTH, g_utf8_strlen (key, -1)));
  stem = g_strndup (key, end - key);
  return g_intern_string (stem);
}

/* News says one thing in several words; the words of a group are read as
 * one term. The groups are short and general (talks and meetings, strikes,
 * corridors, deaths, reporting verbs), French and English, so that they
 * help any story and fit none. They are written as words and go through
 * the same stemming as the text. */
static const char *const synonym_groups[][12] = {
  { "rencontre", "réunion", "entretien", "sommet", "pourparlers", "négociations",
    "discussions", "talks", "meeting", "summit", NULL },
  { "couloirs", "corridors", NULL },
  { "frappes", "bombardement", "raid", "strikes", "bombing", "shelling", NULL },
  { "offensive", "invasion", NULL },
  { "hôpital", "hospital", NULL },
  { "morts", "décès", "tués", "killed", "dead", "deaths", NULL },
  { "cessez", "trêve", "ceasefire", "truce", NULL },
  { "blessés", "injured", "wounded", NULL },
  { "déclaré", "affirmé", "indiqué", "assuré", "souligné", "ajouté", "expliqué",
    "estimé", "confié", "said", "told", NULL },
  { "kiev", "kyiv", NULL },
  { "moscou", "moscow", NULL },
  { "marioupol", "mariupol", NULL },
};

static GHashTable *
synonym_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint g = 0; g < G_N_ELEMENTS (synonym_groups); g++)
        {
          const char *canonical = word_base (synonym_groups[g][0], FALSE);

          for (guint i = 0; synonym_groups[g][i] != NULL; i++)
            for (guint english = 0; english < 2; english++)
              {
                const char *base = word_base (synonym_groups[g][i], english);

                if (base != NULL && base != canonical)
                  g_hash_table_insert (t, (gpointer) base, (gpointer) canonical);
              }
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

static const char *
word_term (const char *surface,
           gboolean    english)
{
  const char *base = word_base (surface, english);
  const char *synonym;

  if (base == NULL)
    return NULL;
  synonym = g_hash_table_lookup (synonym_table (), base);
  return synonym != NULL ? synonym : base;
}

/* Titles said in several words, each group one role: "le chef de la
 * diplomatie russe" is "le ministre russe des Affaires étrangères". */
static const char *const phrase_groups[][4][4] = {
  { { "ministre", "affaires", "étrangères", NULL }, { "chef", "diplomatie", NULL },
    { "foreign", "minister", NULL }, { "secretary", "state", NULL } },
  { { "premier", "ministre", NULL }, { "chef", "gouvernement", NULL },
    { "prime", "minister", NULL }, { NULL } },
  { { "chef", "état", NULL }, { "head", "state", NULL }, { NULL } },
};

static const char *const phrase_concepts[] = { "@foreign-minister", "@prime-minister", "@head-of-state" };

/* Do the terms of @pattern occur in @seq from @at, in order, with at most
 * one other term (an adjective: "ministre russe des Affaires") between
 * two of them? */
/* The phrase words as terms, per language, made once. */
static const char *phrase_terms[2][G_N_ELEMENTS (phrase_groups)][4][4];

static void
make_phrase_terms (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint e = 0; e < 2; e++)
        for (guint g = 0; g < G_N_ELEMENTS (phrase_groups); g++)
          for (guint v = 0; v < 4; v++)
            for (guint w = 0; w < 3 && phrase_groups[g][v][w] != NULL; w++)
              phrase_terms[e][g][v][w] = word_term (phrase_groups[g][v][w], e);
      g_once_init_leave (&done, 1);
    }
}

static gboolean
phrase_at (GPtrArray *seq, guint at, const char *const *terms)
{
  guint pos = at;

  for (guint w = 0; terms[w] != NULL; w++)
    {
      const char *want = terms[w];
      guint limit = w == 0 ? pos + 1 : pos + 2;
      gboolean found = FALSE;

      for (; pos < seq->len && pos < limit && !found; pos++)
        found = g_ptr_array_index (seq, pos) == want;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

void
px_align_phrase_terms (GPtrArray  *seq,
                       const char *language,
                       GPtrArray  *out)
{
  gboolean english = g_strcmp0 (language, "en") == 0;

  make_phrase_terms ();
  for (guint g = 0; g < G_N_ELEMENTS (phrase_groups); g++)
    {
      gboolean hit = FALSE;

      for (guint v = 0; v < 4 && !hit && phrase_groups[g][v][0] != NULL; v++)
        for (guint at = 0; at < seq->len && !hit; at++)
          hit = phrase_at (seq, at, phrase_terms[english][g][v]);
      if (hit)
        g_ptr_array_add (out, (gpointer) g_intern_static_string (phrase_concepts[g]));
    }
}

/* Same as word_term, through a per-run cache: surface words repeat a lot,
 * and match keys go through ICU. */
const char *
px_align_cached_term (GHashTable *cache,
                      const char *surface,
                      const char *language)
{
  gboolean english = g_strcmp0 (language, "en") == 0;
  g_autofree char *key = g_strconcat (english ? "e" : "f", surface, NULL);
  gpointer found;
  const char *term;

  if (g_hash_table_lookup_extended (cache, key, NULL, &found))
    return found;
  term = word_term (surface, english);
  g_hash_table_insert (cache, g_steal_pointer (&key), (gpointer) term);
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
      const char *term = px_align_cached_term (cache, surface, language);

      if (term)
        g_ptr_array_add (terms, (gpointer) term);
    }
  return terms;
}
