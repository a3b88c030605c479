/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-quotes.c: quotes, their matches across articles, and their speakers.
 *
 * Scrapers often strip quotation marks (see the Antalya corpus), so a quote
 * marked in one article is also looked for, unmarked, in the sentences of
 * the others; such finds are flagged marked = FALSE.
 */
#include <string.h>

#include "px-quotes.h"
#include "px-align-private.h"
#include "px-text.h"

#define UNMARKED_MIN_OVERLAP 0.8
#define SPEAKER_WINDOW 160
#define PRONOUN_LOOKBACK 400

/* ---- Finding quotes --------------------------------------------------- */

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static gunichar
closer_of (gunichar c)
{
  switch (c)
    {
    case 0x00AB: return 0x00BB;   /* « » */
    case 0x201C: return 0x201D;   /* “ ” */
    case 0x201E: return 0x201C;   /* „ “ */
    case '"':    return '"';
    default:     return 0;
    }
}

static void
add_quote_span (GArray *out, const gunichar *cps, gsize start, gsize end)
{
  gboolean space = FALSE;

  while (start < end && is_space (cps[start]))
    start++;
  while (end > start && is_space (cps[end - 1]))
    end--;
  for (gsize i = start; i < end; i++)
    space |= is_space (cps[i]);
  if (space)
    g_array_append_val (out, ((PxSpan) { start, end }));
}

GArray *
px_quotes_find_marked (const char *text)
{
  glong n = 0;
  g_autofree gunichar *cps = g_utf8_to_ucs4_fast (text, -1, &n);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PxSpan));

  for (glong i = 0; i < n; i++)
    {
      gunichar close = closer_of (cps[i]);
      glong j;

      if (close == 0)
        continue;
      /* Quotes do not run across paragraphs; an unclosed mark is dropped. */
      for (j = i + 1; j < n && cps[j] != close && cps[j] != '\n'; j++)
        if ((close == 0x201D && cps[j] == 0x201C) || (close == 0x00BB && cps[j] == 0x00AB))
          break;
      /* "« à Istanbul« ": an opening mark glued to the word before it and
       * followed by a space or punctuation is a mistyped closing one. */
      if (j < n && close == 0x00BB && cps[j] == 0x00AB && !is_space (cps[j - 1])
          && (j + 1 == n || is_space (cps[j + 1]) || g_unichar_ispunct (cps[j + 1])))
        {
          add_quote_span (out, cps, i + 1, j);
          i = j;
          continue;
        }
      if (j < n && cps[j] == close)
        {
          add_quote_span (out, cps, i + 1, j);
          i = j;
        }
      else if (j < n && cps[j] != '\n')
        i = j - 1;   /* unbalanced: start again at the next opening mark */
    }
  return out;
}

/* ---- Speakers --------------------------------------------------------- */

/* A pronoun is no name: "Il a souligné … « … »" goes to the pronoun rule. */
#define NAME "(?!(?:Il|Elle|Ils|Elles|On|Nous|Je|He|She|They|It|We)\\b)((?:(?:M\\.|Mme|Dr|Mr\\.?|Mrs\\.?|Ms\\.?)\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})"
#define SAY_FR "(?:déclaré|dit|affirmé|assuré|indiqué|expliqué|souligné|ajouté|estimé|insisté|lancé|martelé|prévenu|confié|promis|répondu|annoncé|rappelé|averti|réagi|reconnu|précisé|jugé|noté|observé|admis|dénoncé|regretté|déploré|poursuivi|conclu|écrit|commenté|ironisé|fait valoir|fait savoir)"
/* Up to two words between the verb and the name: "a reconnu lundi Dmitri
 * Peskov", "a ajouté mercredi soir M. Kuleba". */
#define SKIP2 "(?:\\s+\\p{Ll}[\\p{L}-]*){0,2}?"
#define SAY_EN "(?:said|says|added|told|warned|stated|declared)"

static const char *after_patterns[] = {
  "^[\\s,»”\"]*(?:a|avait|aurait|ont)\\s+" SAY_FR SKIP2 "\\s+" NAME,
  "^[\\s,»”\"]*(?:selon|according to|" SAY_EN ")\\s+" NAME,
  "^[\\s,»”\"]*" NAME "\\s+" SAY_EN,
};

static const char *before_patterns[] = {
  "(?:[Ss]elon|[Pp]our|[Aa]ccording to)\\s+" NAME "\\s*[,:]?\\s*[«“\"]?\\s*$",
  NAME "\\s+(?:a|avait)\\s+" SAY_FR "(?:\\s+[^\\s«“\".!?]+){0,15}?\\s*[:,]?\\s*(?:que\\s+)?[«“\"]?\\s*$",
  NAME "\\s+" SAY_EN "(?:\\s+[^\\s“\"]+){0,4}?\\s*[:,]?\\s*(?:that\\s+)?[“\"]?\\s*$",
};

/* Runs @pattern on the code points [from, to) of @text; on a match, the
 * first group's span in code points of @text. */
/* Compiled once per pattern and kept: GRegex is immutable and thread-safe,
 * and the engine may run in several threads. */
static GRegex *
cached_regex (const char *pattern)
{
  static GHashTable *cache;
  static GMutex lock;
  GRegex *re;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);
  re = g_hash_table_lookup (cache, pattern);
  if (re == NULL)
    {
      re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (re != NULL);
      g_hash_table_insert (cache, (gpointer) pattern, re);
    }
  g_mutex_unlock (&lock);
  return re;
}

static gboolean
match_name (const char *pattern, const char *text, gsize from, gsize to,
            gsize *out_start, gsize *out_end)
{
  GRegex *re = cached_regex (pattern);
  g_autofree char *window = px_text_substring (text, from, to);
  g_autoptr(GMatchInfo) info = NULL;
  int s, e;

  if (window == NULL || !g_regex_match (re, window, 0, &info))
    return FALSE;
  if (!g_match_info_fetch_pos (info, 1, &s, &e) || s < 0)
    return FALSE;
  *out_start = from + g_utf8_pointer_to_offset (window, window + s);
  *out_end = from + g_utf8_pointer_to_offset (window, window + e);
  return TRUE;
}

gboolean
px_quotes_find_speaker (const char *text,
                        gsize       quote_start,
                        gsize       quote_end,
                        gsize      *out_start,
                        gsize      *out_end)
{
  gsize len = px_text_length (text, -1);
  gsize after_end = MIN (len, quote_end + SPEAKER_WINDOW);
  gsize before_start = quote_start > SPEAKER_WINDOW ? quote_start - SPEAKER_WINDOW : 0;

  for (guint i = 0; i < G_N_ELEMENTS (after_patterns); i++)
    if (quote_end < len && match_name (after_patterns[i], text, quote_end, after_end, out_start, out_end))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (before_patterns); i++)
    if (match_name (before_patterns[i], text, before_start, quote_start, out_start, out_end))
      return TRUE;
  return FALSE;
}

#define PRONOUN_AFTER "^[\\s,»”\"]*(?:a|avait)-t-(?:il|elle)\\b|^[\\s,»”\"]*(?:he|she) (?:said|added)"
/* "Il a souligné les divergences, toujours « … »": the subject is a pronoun. */
#define PRONOUN_BEFORE "(?:^|[.!?»”]\\s+)(?:Il|Elle|He|She)\\s+(?:a|avait|has|had)?\\s*(?:" SAY_FR "|" SAY_EN ")" \
  "(?:\\s+[^\\s«“\".!?]+){0,15}?\\s*[:,]?\\s*(?:que\\s+)?[«“\"]?\\s*$"
/* A source the article does not name: "selon plusieurs sources", "a
 * indiqué une source officielle", "according to a source". */
#define UNNAMED "(?:selon|d'après|according to|a (?:indiqué|déclaré|confié|dit|affirmé))\\s+" \
  "(?:une|des|plusieurs|de|a|an|several)\\s+(?:\\p{L}+\\s+)?(?:sources?|proches?|responsables?|officiels?|diplomates?)\\b"

/* "…», a-t-elle déclaré" or "Il a souligné … « … »": the last person
 * named before the quote. */
static gboolean
is_pronoun_attribution (const char *text, gsize quote_start, gsize quote_end)
{
  g_autofree char *after = px_text_substring (text, quote_end,
                                              MIN (px_text_length (text, -1), quote_end + 40));
  g_autofree char *before = px_text_substring (text, quote_start > SPEAKER_WINDOW ? quote_start - SPEAKER_WINDOW : 0,
                                               quote_start);

  return (after && g_regex_match (cached_regex (PRONOUN_AFTER), after, 0, NULL))
         || (before && g_regex_match (cached_regex (PRONOUN_BEFORE), before, 0, NULL));
}

/* Does the text next to the quote give an unnamed source? */
static gboolean
is_unnamed_source (const char *text, gsize quote_start, gsize quote_end)
{
  gsize len = px_text_length (text, -1);
  g_autofree char *window = px_text_substring (text, quote_start > 80 ? quote_start - 80 : 0,
                                               MIN (len, quote_end + 80));
  g_autofree char *inside = px_text_substring (text, quote_start, quote_end);
  g_autoptr(GMatchInfo) info = NULL;
  GRegex *re = cached_regex ("(?i)" UNNAMED);

  /* Words inside the quote are not its attribution. */
  if (window == NULL || !g_regex_match (re, window, 0, &info))
    return FALSE;
  return inside == NULL || !g_regex_match (re, inside, 0, NULL);
}

/* "M. Kouleba" or "Sergueï Lavrov": the last name with a title or of two
 * capitalised words in the @lookback code points before @at, when nobody
 * tagged the people of the article. */
static gboolean
last_name_before (const char *text, gsize at, gsize *out_start, gsize *out_end)
{
  gsize from = at > PRONOUN_LOOKBACK ? at - PRONOUN_LOOKBACK : 0;
  g_autofree char *window = px_text_substring (text, from, at);
  g_autoptr(GMatchInfo) info = NULL;
  GRegex *re = cached_regex ("(?:M\\.|Mme|Mr\\.?|Mrs\\.?|Ms\\.?)\\s+\\p{Lu}[\\p{L}'’-]+"
                             "|\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+(?=\\s*(?:,|\\s(?:a|est|avait)\\s))");
  int s = -1, e = -1;

  if (window == NULL)
    return FALSE;
  g_regex_match (re, window, 0, &info);
  while (g_match_info_matches (info))
    {
      g_match_info_fetch_pos (info, 0, &s, &e);
      g_match_info_next (info, NULL);
    }
  if (s < 0)
    return FALSE;
  *out_start = from + g_utf8_pointer_to_offset (window, window + s);
  *out_end = from + g_utf8_pointer_to_offset (window, window + e);
  return TRUE;
}

static const PxCompareMention *
mention_overlapping (const PxCompareArticle *art, gsize start, gsize end, const char *label)
{
  for (guint i = 0; i < art->mentions->len; i++)
    {
      const PxCompareMention *m = &g_array_index (art->mentions, PxCompareMention, i);

      if (m->start < end && start < m->end && (label == NULL || g_strcmp0 (m->label, label) == 0))
        return m;
    }
  return NULL;
}

static void
set_speaker (PxQuote *q, const PxCompareMention *m)
{
  q->speaker = g_strdup (m->entity_name ? m->entity_name : m->text);
  q->speaker_entity = m->entity_id;
}

/* A Statement event whose Content overlaps the quote says who spoke. */
static gboolean
speaker_from_events (const PxCompareArticle *art, PxQuote *q)
{
  for (guint e = 0; e < art->events->len; e++)
    {
      PxCompareEvent *ev = g_ptr_array_index (art->events, e);
      const PxCompareMention *speaker = NULL;
      gboolean content = FALSE;

      if (g_strcmp0 (ev->type, "Statement") != 0)
        continue;
      for (guint i = 0; i < ev->args->len; i++)
        {
          PxCompareArg *arg = &g_array_index (ev->args, PxCompareArg, i);
          const PxCompareMention *m;

          if (arg->mention < 0)
            continue;
          m = &g_array_index (art->mentions, PxCompareMention, arg->mention);
          if (g_strcmp0 (arg->role, "Speaker") == 0)
            speaker = m;
          else if (g_strcmp0 (arg->role, "Content") == 0 && m->start < q->end && q->start < m->end)
            content = TRUE;
        }
      if (content && speaker)
        {
          set_speaker (q, speaker);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean is_unnamed_source (const char *text, gsize quote_start, gsize quote_end);

static void
attribute (const PxCompareArticle *art, PxQuote *q)
{
  gsize s, e;

  if (speaker_from_events (art, q))
    return;
  if (px_quotes_find_speaker (art->text, q->start, q->end, &s, &e))
    {
      const PxCompareMention *m = mention_overlapping (art, s, e, "PER");

      if (m)
        set_speaker (q, m);
      else
        q->speaker = px_text_substring (art->text, s, e);
      return;
    }
  if (is_unnamed_source (art->text, q->start, q->end))
    {
      q->unnamed = TRUE;
      return;
    }
  if (is_pronoun_attribution (art->text, q->start, q->end))
    {
      const PxCompareMention *last = NULL;

      for (guint i = 0; i < art->mentions->len; i++)
        {
          const PxCompareMention *m = &g_array_index (art->mentions, PxCompareMention, i);

          if (g_strcmp0 (m->label, "PER") == 0 && m->end <= q->start &&
              m->start + PRONOUN_LOOKBACK >= q->start)
            last = m;
        }
      if (last)
        set_speaker (q, last);
      else if (last_name_before (art->text, q->start, &s, &e))
        q->speaker = px_text_substring (art->text, s, e);
    }
}

/* The later quotes of a sentence whose first quote has a speaker are his
 * too: "« A », a déclaré X, affirmant que « B »", or "X a indiqué qu'il
 * demanderait « A », « B » et « C »". @first: the article's first quote. */
static void
inherit_in_sentence (GArray *quotes, guint first, const PxCompareArticle *art)
{
  g_autoptr(GArray) sents = px_text_sentences (art->text, art->language);
  guint s = 0;

  for (guint i = first + 1; i < quotes->len; i++)
    {
      PxQuote *q = &g_array_index (quotes, PxQuote, i);
      PxQuote *prev = &g_array_index (quotes, PxQuote, i - 1);
      PxSpan *sp;

      while (s < sents->len && g_array_index (sents, PxSpan, s).end <= prev->start)
        s++;
      if (s == sents->len || q->speaker != NULL || q->unnamed || prev->speaker == NULL)
        continue;
      sp = &g_array_index (sents, PxSpan, s);
      if (prev->start >= sp->start && q->start < sp->end)
        {
          q->speaker = g_strdup (prev->speaker);
          q->speaker_entity = prev->speaker_entity;
        }
    }
}

static void
quote_clear (gpointer p)
{
  PxQuote *q = p;

  g_clear_pointer (&q->text, g_free);
  g_clear_pointer (&q->speaker, g_free);
}

static gboolean
overlaps_any (GArray *quotes, guint article, gsize start, gsize end)
{
  for (guint i = 0; i < quotes->len; i++)
    {
      PxQuote *q = &g_array_index (quotes, PxQuote, i);

      if (q->article == article && q->start < end && start < q->end)
        return TRUE;
    }
  return FALSE;
}

static void
collect_quotes (GArray *quotes, const PxCompareArticle *art, guint a)
{
  g_autoptr(GArray) spans = px_quotes_find_marked (art->text);
  guint first = quotes->len;

  for (guint i = 0; i < spans->len; i++)
    {
      PxSpan *sp = &g_array_index (spans, PxSpan, i);
      PxQuote q = { a, sp->start, sp->end, px_text_substring (art->text, sp->start, sp->end),
                    NULL, 0, TRUE, 0, FALSE };

      attribute (art, &q);
      g_array_append_val (quotes, q);
    }
  for (guint i = 0; i < art->mentions->len; i++)
    {
      const PxCompareMention *m = &g_array_index (art->mentions, PxCompareMention, i);
      PxQuote q = { a, m->start, m->end, NULL, NULL, 0, TRUE, 0, FALSE };

      if (g_strcmp0 (m->label, "QUOTE") != 0 || overlaps_any (quotes, a, m->start, m->end))
        continue;
      q.text = g_strdup (m->text);
      attribute (art, &q);
      g_array_append_val (quotes, q);
    }
  if (quotes->len > first + 1)
    inherit_in_sentence (quotes, first, art);
}

/* ---- Matching --------------------------------------------------------- */

static GHashTable *
term_set (const char *text, const char *language)
{
  g_autoptr(GPtrArray) terms = px_align_content_terms (text, language);
  GHashTable *set = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < terms->len; i++)
    g_hash_table_add (set, terms->pdata[i]);
  return set;
}

/* Share of the smaller set found in the larger; @common gets the count. */
static double
overlap (GHashTable *a, GHashTable *b, guint *common)
{
  GHashTableIter it;
  gpointer key;
  guint n = 0, smaller = MIN (g_hash_table_size (a), g_hash_table_size (b));

  g_hash_table_iter_init (&it, g_hash_table_size (a) <= g_hash_table_size (b) ? a : b);
  while (g_hash_table_iter_next (&it, &key, NULL))
    n += g_hash_table_contains (g_hash_table_size (a) <= g_hash_table_size (b) ? b : a, key);
  *common = n;
  return smaller ? (double) n / smaller : 0;
}

static guint
uf_find (guint *parent, guint i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

static void
match_quotes (GArray *quotes, GPtrArray *sets)
{
  g_autofree guint *parent = g_new (guint, MAX (quotes->len, 1));
  g_autofree int *group_of_root = g_new (int, MAX (quotes->len, 1));
  guint n_groups = 0;

  for (guint i = 0; i < quotes->len; i++)
    parent[i] = i;
  for (guint i = 0; i < quotes->len; i++)
    for (guint j = i + 1; j < quotes->len; j++)
      {
        guint common;

        const PxQuote *qi = &g_array_index (quotes, PxQuote, i);
        const PxQuote *qj = &g_array_index (quotes, PxQuote, j);

        if (qi->article == qj->article)
          continue;
        /* What an unnamed source said is not what a named speaker said,
         * however close the words. */
        if ((qi->unnamed && qj->speaker != NULL) || (qj->unnamed && qi->speaker != NULL))
          continue;
        if (overlap (sets->pdata[i], sets->pdata[j], &common) >= PX_QUOTES_MIN_OVERLAP && common >= 2)
          parent[MAX (uf_find (parent, i), uf_find (parent, j))] = MIN (uf_find (parent, i), uf_find (parent, j));
      }
  for (guint i = 0; i < quotes->len; i++)
    group_of_root[i] = -1;
  for (guint i = 0; i < quotes->len; i++)
    {
      guint r = uf_find (parent, i);

      if (group_of_root[r] < 0)
        group_of_root[r] = n_groups++;
      g_array_index (quotes, PxQuote, i).group = group_of_root[r];
    }
}

static gboolean
group_has_article (GArray *quotes, guint group, guint article)
{
  for (guint i = 0; i < quotes->len; i++)
    if (g_array_index (quotes, PxQuote, i).group == group &&
        g_array_index (quotes, PxQuote, i).article == article)
      return TRUE;
  return FALSE;
}

/* An unmarked quote stops before its attribution: "Je n'ai pas grand
 * espoir, mais…, a-t-il dit, affirmant que…" ends at "espoir, mais…".
 * Returns the length in code points of the quote part of @sentence. */
static gsize
unmarked_length (const char *sentence)
{
  GRegex *re = cached_regex ("\\s*,\\s*(?:(?:a|avait)-t-(?:il|elle)\\b|(?:a|avait)\\s+" SAY_FR "\\b"
                             "|selon\\b|(?:affirmant|ajoutant|estimant|soulignant|expliquant|précisant)\\b"
                             "|(?:he|she)\\s+(?:said|added)\\b|(?:said|added)\\s)");
  g_autoptr(GMatchInfo) info = NULL;
  int start, end;

  if (g_regex_match (re, sentence, 0, &info) && g_match_info_fetch_pos (info, 0, &start, &end) && start > 0)
    return g_utf8_pointer_to_offset (sentence, sentence + start);
  return g_utf8_strlen (sentence, -1);
}

/* Looks for each group's words, unmarked, in the articles it misses. */
static void
find_unmarked (GArray *quotes, GPtrArray *sets, const PxCompareInput *in, guint n_marked)
{
  for (guint a = 0; a < in->articles->len && a < PX_ALIGN_MAX_DOCS; a++)
    {
      PxCompareArticle *art = g_ptr_array_index (in->articles, a);
      g_autoptr(GArray) sents = NULL;
      PxCpCursor cur = { art->text, art->text, 0 };

      if (n_marked == 0)
        return;
      sents = px_text_sentences (art->text, art->language);
      for (guint s = 0; s < sents->len; s++)
        {
          PxSpan *sp = &g_array_index (sents, PxSpan, s);
          const char *from = px_align_cursor_seek (&cur, sp->start);
          g_autofree char *stext = g_strndup (from, g_utf8_offset_to_pointer (from, sp->end - sp->start) - from);
          g_autoptr(GHashTable) sset = NULL;

          if (overlaps_any (quotes, a, sp->start, sp->end))
            continue;
          sset = term_set (stext, art->language);
          for (guint i = 0; i < n_marked; i++)
            {
              PxQuote *q = &g_array_index (quotes, PxQuote, i);
              guint common;
              double share;
              PxQuote found;

              if (group_has_article (quotes, q->group, a))
                continue;
              share = overlap (sets->pdata[i], sset, &common);
              /* The quote must be the smaller side: a sentence holding most
               * of a quote's words, not a quote holding a short sentence. */
              if (share < UNMARKED_MIN_OVERLAP || common < 3 ||
                  g_hash_table_size (sets->pdata[i]) > g_hash_table_size (sset))
                continue;
              found = (PxQuote) { a, sp->start, sp->start + unmarked_length (stext), NULL, NULL, 0, FALSE, q->group };
              found.text = px_text_substring (art->text, found.start, found.end);
              attribute (art, &found);
              g_array_append_val (quotes, found);
              break;
            }
        }
    }
}

static int
cmp_quote (gconstpointer a, gconstpointer b)
{
  const PxQuote *x = a, *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->article != y->article)
    return x->article < y->article ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

PxQuoteSet *
px_quotes_compute (const PxCompareInput *in)
{
  PxQuoteSet *set = g_new0 (PxQuoteSet, 1);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  guint n_marked;

  set->quotes = g_array_new (FALSE, TRUE, sizeof (PxQuote));
  g_array_set_clear_func (set->quotes, quote_clear);
  for (guint a = 0; a < in->articles->len && a < PX_ALIGN_MAX_DOCS; a++)
    collect_quotes (set->quotes, g_ptr_array_index (in->articles, a), a);
  n_marked = set->quotes->len;
  for (guint i = 0; i < n_marked; i++)
    {
      PxQuote *q = &g_array_index (set->quotes, PxQuote, i);
      PxCompareArticle *art = g_ptr_array_index (in->articles, q->article);

      g_ptr_array_add (sets, term_set (q->text, art->language));
    }
  match_quotes (set->quotes, sets);
  find_unmarked (set->quotes, sets, in, n_marked);
  for (guint i = 0; i < set->quotes->len; i++)
    set->n_groups = MAX (set->n_groups, g_array_index (set->quotes, PxQuote, i).group + 1);
  g_array_sort (set->quotes, cmp_quote);
  return set;
}

void
px_quote_set_free (PxQuoteSet *set)
{
  if (set == NULL)
    return;
  g_clear_pointer (&set->quotes, g_array_unref);
  g_free (set);
}

guint
px_quote_set_group_articles (const PxQuoteSet *set,
                             guint             group)
{
  guint mask = 0, n = 0;

  for (guint i = 0; i < set->quotes->len; i++)
    if (g_array_index (set->quotes, PxQuote, i).group == group)
      mask |= 1u << g_array_index (set->quotes, PxQuote, i).article;
  for (; mask; mask >>= 1)
    n += mask & 1;
  return n;
}
