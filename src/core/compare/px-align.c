/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-align.c: TF-IDF sentence alignment through an inverted index.
 *
 * Thresholds (PX_ALIGN_T_SHARED 0.30, PX_ALIGN_T_PARTIAL 0.14): news
 * paraphrases the same fact with few shared content words ("tous deux
 * arrivés à Antalya" / "est arrivé mercredi soir en Turquie"), so cosine
 * scores of true pairs in the Antalya gold sit between 0.15 and 0.6, while
 * unrelated sentences of the same story share a name or two and stay under
 * about 0.12. A pair at 0.30 or more repeats most of a sentence's rare words
 * and is called shared; between the two it shares a clear part of one
 * (partial). A pair under T_SHARED is only kept when it scores at least
 * NEAR_BEST (70%) of the best partner of one of its two sentences in that
 * article, which keeps the story's background vocabulary ("Russie",
 * "Ukraine") from linking everything to everything, while a sentence that
 * packs two facts still reaches both sentences reporting them.
 */
#include <math.h>
#include <string.h>

#include "px-align.h"
#include "px-align-private.h"
#include "px-text.h"

/* Terms in more sentences than this share of the story are near stop words
 * for this story: they stay in the vector norms but produce no candidates,
 * which keeps candidate generation far from all-pairs on long texts. */
#define MAX_DF_SHARE 0.05
#define MIN_DF_CAP   24

/* Paraphrases rarely share word pairs; a full-weight bigram would mostly
 * lengthen the vector and lower every score. At half weight a shared pair
 * still lifts a verbatim repeat above a paraphrase. */
#define BIGRAM_WEIGHT 0.5

#define NEAR_BEST 0.7

const char *
px_align_status_to_string (PxAlignStatus status)
{
  switch (status)
    {
    case PX_ALIGN_SHARED:  return "shared";
    case PX_ALIGN_PARTIAL: return "partial";
    case PX_ALIGN_UNIQUE:
    default:               return "unique";
    }
}

/* ---- Vectors ---------------------------------------------------------- */

typedef struct
{
  guint term;
  float weight;
} Entry;

typedef struct
{
  guint   doc;
  guint   index;        /* within its doc */
  gboolean heading;
  guint   first_entry;
  guint   n_entries;
  GArray *entities;     /* gint64, sorted, unique; nullable */
} Sent;

typedef struct
{
  GHashTable *unigrams;  /* interned stem → id + 1 */
  GHashTable *bigrams;   /* "a b" → id + 1 */
  GHashTable *cache;     /* surface word → interned stem or NULL */
  guint       n_terms;
  GArray     *sents;     /* Sent */
  GArray     *entries;   /* Entry, grouped by sentence */
  guint      *df;
  GByteArray *is_bigram; /* per term id */
  GHashTable *entity_df; /* entity id (gint64 *) → GArray of the sentences naming it */
} Model;

static guint
term_id (Model *m, const char *uni, const char *prev)
{
  gpointer id;

  if (prev == NULL)
    {
      id = g_hash_table_lookup (m->unigrams, uni);
      if (id == NULL)
        {
          g_hash_table_insert (m->unigrams, (gpointer) uni, id = GUINT_TO_POINTER (++m->n_terms));
          g_byte_array_append (m->is_bigram, (guint8[]) { 0 }, 1);
        }
    }
  else
    {
      g_autofree char *key = g_strconcat (prev, " ", uni, NULL);

      id = g_hash_table_lookup (m->bigrams, key);
      if (id == NULL)
        {
          g_hash_table_insert (m->bigrams, g_steal_pointer (&key), id = GUINT_TO_POINTER (++m->n_terms));
          g_byte_array_append (m->is_bigram, (guint8[]) { 1 }, 1);
        }
    }
  return GPOINTER_TO_UINT (id) - 1;
}

static int
cmp_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static int
cmp_int64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Turns a sentence's term ids into (term, tf) entries. */
static void
model_add_sentence (Model *m, guint doc, guint index, GArray *ids)
{
  Sent s = { doc, index, FALSE, m->entries->len, 0, NULL };

  g_array_sort (ids, cmp_uint);
  for (guint i = 0; i < ids->len;)
    {
      guint t = g_array_index (ids, guint, i), j = i;
      Entry e;

      while (j < ids->len && g_array_index (ids, guint, j) == t)
        j++;
      e.term = t;
      e.weight = j - i;
      g_array_append_val (m->entries, e);
      s.n_entries++;
      i = j;
    }
  g_array_append_val (m->sents, s);
  g_array_set_size (ids, 0);
}

static gboolean is_heading (const char *text, const char *a, const char *b);

/* Splits one document into sentences and their term bags. */
static GArray *
model_add_doc (Model *m, guint doc, const PxAlignDoc *d)
{
  GArray *spans = px_text_sentences (d->text, d->language);
  g_autoptr(GArray) words = px_text_words (d->text, d->language);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) seq = g_ptr_array_new ();     /* the sentence's terms */
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  PxCpCursor cur = { d->text, d->text, 0 };
  const char *prev = NULL;
  guint s = 0, w = 0;

  for (s = 0; s < spans->len; s++)
    {
      PxSpan *span = &g_array_index (spans, PxSpan, s);
      const char *from = px_align_cursor_seek (&cur, span->start);
      gboolean heading = is_heading (d->text, from, g_utf8_offset_to_pointer (from, span->end - span->start));

      prev = NULL;
      for (; w < words->len && g_array_index (words, PxSpan, w).start < span->end; w++)
        {
          PxSpan *ws = &g_array_index (words, PxSpan, w);
          const char *a, *b, *term;
          g_autofree char *surface = NULL;

          if (ws->start < span->start)
            continue;
          a = px_align_cursor_seek (&cur, ws->start);
          b = g_utf8_offset_to_pointer (a, ws->end - ws->start);
          surface = g_strndup (a, b - a);
          term = px_align_cached_term (m->cache, surface, d->language);
          if (term == NULL)
            continue;
          g_array_append_val (ids, (guint) { term_id (m, term, NULL) });
          if (prev)
            g_array_append_val (ids, (guint) { term_id (m, term, prev) });
          prev = term;
          g_ptr_array_add (seq, (gpointer) term);
        }
      px_align_phrase_terms (seq, d->language, roles);
      for (guint r = 0; r < roles->len; r++)
        g_array_append_val (ids, (guint) { term_id (m, g_ptr_array_index (roles, r), NULL) });
      g_ptr_array_set_size (seq, 0);
      g_ptr_array_set_size (roles, 0);
      model_add_sentence (m, doc, s, ids);
      g_array_index (m->sents, Sent, m->sents->len - 1).heading = heading;
    }
  return spans;
}

static int
find_sentence (GArray *spans, gsize offset)
{
  guint lo = 0, hi = spans->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      PxSpan *sp = &g_array_index (spans, PxSpan, mid);

      if (offset < sp->start)
        hi = mid;
      else if (offset >= sp->end)
        lo = mid + 1;
      else
        return mid;
    }
  return -1;
}

static void
model_add_mentions (Model *m, guint first_sent, GArray *spans, const PxAlignDoc *d)
{
  for (guint i = 0; i < d->n_mentions; i++)
    {
      int s = find_sentence (spans, d->mentions[i].start);
      Sent *sent;

      if (s < 0 || d->mentions[i].entity_id <= 0)
        continue;
      sent = &g_array_index (m->sents, Sent, first_sent + s);
      if (sent->entities == NULL)
        sent->entities = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (sent->entities, d->mentions[i].entity_id);
    }
  for (guint i = first_sent; i < m->sents->len; i++)
    {
      GArray *e = g_array_index (m->sents, Sent, i).entities;
      guint k = 0;

      if (e == NULL)
        continue;
      g_array_sort (e, cmp_int64);
      for (guint j = 0; j < e->len; j++)
        if (k == 0 || g_array_index (e, gint64, k - 1) != g_array_index (e, gint64, j))
          g_array_index (e, gint64, k++) = g_array_index (e, gint64, j);
      g_array_set_size (e, k);
    }
}

/* Sublinear tf times idf over the story's sentences, L2-normalised. */
static void
model_weigh (Model *m)
{
  double n = m->sents->len;

  m->df = g_new0 (guint, m->n_terms + 1);
  for (guint i = 0; i < m->entries->len; i++)
    m->df[g_array_index (m->entries, Entry, i).term]++;

  for (guint i = 0; i < m->sents->len; i++)
    {
      Sent *s = &g_array_index (m->sents, Sent, i);
      Entry *e = &g_array_index (m->entries, Entry, s->first_entry);
      double norm = 0;

      for (guint j = 0; j < s->n_entries; j++)
        {
          e[j].weight = (1 + log (e[j].weight)) * log (1 + n / m->df[e[j].term]);
          if (m->is_bigram->data[e[j].term])
            e[j].weight *= BIGRAM_WEIGHT;
          norm += e[j].weight * e[j].weight;
        }
      norm = sqrt (norm);
      for (guint j = 0; j < s->n_entries && norm > 0; j++)
        e[j].weight /= norm;
    }
}

static void
model_clear (Model *m)
{
  for (guint i = 0; m->sents && i < m->sents->len; i++)
    g_clear_pointer (&g_array_index (m->sents, Sent, i).entities, g_array_unref);
  g_clear_pointer (&m->unigrams, g_hash_table_unref);
  g_clear_pointer (&m->bigrams, g_hash_table_unref);
  g_clear_pointer (&m->cache, g_hash_table_unref);
  g_clear_pointer (&m->sents, g_array_unref);
  g_clear_pointer (&m->entries, g_array_unref);
  g_clear_pointer (&m->df, g_free);
  g_clear_pointer (&m->is_bigram, g_byte_array_unref);
  g_clear_pointer (&m->entity_df, g_hash_table_unref);
}

/* ---- Candidates and scores -------------------------------------------- */

typedef struct
{
  guint sent;
  float weight;
} Posting;

typedef struct
{
  guint   *offsets;   /* per term, into postings; n_terms + 1 */
  Posting *postings;
  guint    df_cap;
} Index;

static void
index_build (Index *ix, const Model *m)
{
  guint *fill;

  ix->offsets = g_new0 (guint, m->n_terms + 1);
  for (guint t = 0; t < m->n_terms; t++)
    ix->offsets[t + 1] = ix->offsets[t] + m->df[t];
  ix->postings = g_new (Posting, MAX (m->entries->len, 1));
  fill = g_memdup2 (ix->offsets, sizeof (guint) * (m->n_terms + 1));
  for (guint i = 0; i < m->sents->len; i++)
    {
      const Sent *s = &g_array_index (m->sents, Sent, i);

      for (guint j = 0; j < s->n_entries; j++)
        {
          const Entry *e = &g_array_index (m->entries, Entry, s->first_entry + j);

          ix->postings[fill[e->term]++] = (Posting) { i, e->weight };
        }
    }
  g_free (fill);
  ix->df_cap = MAX (MIN_DF_CAP, (guint) (MAX_DF_SHARE * m->sents->len));
}

static void
index_clear (Index *ix)
{
  g_clear_pointer (&ix->offsets, g_free);
  g_clear_pointer (&ix->postings, g_free);
}

/* How rare an entity is in the story: 1 when only the two sentences being
 * compared name it, falling towards 0 as more of the story's sentences do.
 * "Ukraine" in every other sentence says little about a pair; a hospital's
 * name in two sentences says a lot. */
static double
entity_rarity (const Model *m, gint64 entity)
{
  GArray *sents = g_hash_table_lookup (m->entity_df, &entity);
  guint df = sents != NULL ? sents->len : 0;
  double n = m->sents->len;

  if (df <= 2 || n <= 2)
    return 1.0;
  return MAX (0.0, log (n / df) / log (n / 2));
}

/* The bonus of the (at most two) rarest entities both sentences name. */
static double
entity_bonus (const Model *m, const Sent *a, const Sent *b)
{
  double top[2] = { 0, 0 };
  guint i = 0, j = 0;

  if (a->entities == NULL || b->entities == NULL)
    return 0;
  while (i < a->entities->len && j < b->entities->len)
    {
      gint64 x = g_array_index (a->entities, gint64, i);
      gint64 y = g_array_index (b->entities, gint64, j);

      if (x == y)
        {
          double r = entity_rarity (m, x);

          if (r > top[0])
            top[1] = top[0], top[0] = r;
          else if (r > top[1])
            top[1] = r;
          i++, j++;
        }
      else if (x < y)
        i++;
      else
        j++;
    }
  return PX_ALIGN_ENTITY_BONUS * (top[0] + top[1]);
}

static void
model_count_entities (Model *m)
{
  m->entity_df = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < m->sents->len; i++)
    {
      GArray *e = g_array_index (m->sents, Sent, i).entities;

      for (guint j = 0; e != NULL && j < e->len; j++)
        {
          gint64 id = g_array_index (e, gint64, j);
          GArray *sents = g_hash_table_lookup (m->entity_df, &id);

          if (sents == NULL)
            g_hash_table_insert (m->entity_df, g_memdup2 (&id, sizeof id),
                                 sents = g_array_new (FALSE, FALSE, sizeof (guint)));
          g_array_append_val (sents, i);
        }
    }
}

typedef struct
{
  guint  a;      /* global sentence indices, doc(a) < doc(b) */
  guint  b;
  double score;
} Candidate;

/* Candidates also come from the entities a sentence names, when they are
 * rare enough in the story to say something: "Kouleba" and "Kuleba" share
 * no word, and a long story's stop-word cap may have dropped a shared name.
 * A candidate found only this way scores its entity bonus. */
static guint
touch_entity_partners (const Model *m, const Sent *s, guint first_later,
                       double *acc, guint *touched, guint n_touched)
{
  for (guint j = 0; s->entities != NULL && j < s->entities->len; j++)
    {
      gint64 id = g_array_index (s->entities, gint64, j);
      GArray *sents;

      if (entity_rarity (m, id) < 0.5)
        continue;
      sents = g_hash_table_lookup (m->entity_df, &id);
      for (guint k = 0; k < sents->len; k++)
        {
          guint o = g_array_index (sents, guint, k);

          if (o < first_later || g_array_index (m->sents, Sent, o).heading != s->heading)
            continue;
          if (acc[o] == 0)
            {
              touched[n_touched++] = o;
              acc[o] = 1e-12;
            }
        }
    }
  return n_touched;
}

/* Scores every sentence against the later documents' sentences that share
 * at least one informative term with it: the inverted index hands out only
 * those. */
static GArray *
score_candidates (const Model *m, const Index *ix)
{
  GArray *cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n = m->sents->len;
  double *acc = g_new0 (double, MAX (n, 1));
  guint *touched = g_new (guint, MAX (n, 1));
  guint next_doc_first = 0;

  for (guint i = 0; i < n; i++)
    {
      const Sent *s = &g_array_index (m->sents, Sent, i);
      guint n_touched = 0;

      /* Sentences are numbered document after document, so "a later
       * document" is "a number past this document's last sentence". */
      if (i >= next_doc_first)
        for (next_doc_first = i; next_doc_first < n &&
             g_array_index (m->sents, Sent, next_doc_first).doc == s->doc; next_doc_first++)
          ;

      for (guint j = 0; j < s->n_entries; j++)
        {
          const Entry *e = &g_array_index (m->entries, Entry, s->first_entry + j);

          if (m->df[e->term] > ix->df_cap)
            continue;
          for (guint p = ix->offsets[e->term]; p < ix->offsets[e->term + 1]; p++)
            {
              guint o = ix->postings[p].sent;

              if (o < next_doc_first
                  || g_array_index (m->sents, Sent, o).heading != s->heading)
                continue;
              if (acc[o] == 0)
                touched[n_touched++] = o;
              acc[o] += e->weight * ix->postings[p].weight;
            }
        }
      n_touched = touch_entity_partners (m, s, next_doc_first, acc, touched, n_touched);
      for (guint k = 0; k < n_touched; k++)
        {
          guint o = touched[k];
          double bonus = entity_bonus (m, s, &g_array_index (m->sents, Sent, o));
          double score = MIN (1.0, acc[o] + bonus);

          if (score >= PX_ALIGN_T_PARTIAL)
            g_array_append_val (cands, ((Candidate) { i, o, score }));
          acc[o] = 0;
        }
    }
  g_free (acc);
  g_free (touched);
  return cands;
}

/* ---- Result ----------------------------------------------------------- */

static void
sentence_clear (gpointer p)
{
  g_clear_pointer (&((PxAlignSentence *) p)->partners, g_array_unref);
}

static int
cmp_partner (gconstpointer a, gconstpointer b)
{
  double x = ((const PxAlignPartner *) a)->score, y = ((const PxAlignPartner *) b)->score;

  return x > y ? -1 : x < y;
}

static int
cmp_link (gconstpointer a, gconstpointer b)
{
  const PxAlignLink *x = a, *y = b;

  if (x->a_doc != y->a_doc)
    return x->a_doc < y->a_doc ? -1 : 1;
  if (x->a_sentence != y->a_sentence)
    return x->a_sentence < y->a_sentence ? -1 : 1;
  if (x->b_doc != y->b_doc)
    return x->b_doc < y->b_doc ? -1 : 1;
  return x->b_sentence < y->b_sentence ? -1 : x->b_sentence > y->b_sentence;
}

/* best[i * n_docs + d]: the best candidate score of global sentence i in
 * doc d. */
static double *
best_scores (const Model *m, GArray *cands, guint n_docs)
{
  double *best = g_new0 (double, MAX (m->sents->len, 1) * n_docs);

  for (guint k = 0; k < cands->len; k++)
    {
      Candidate *c = &g_array_index (cands, Candidate, k);
      guint da = g_array_index (m->sents, Sent, c->a).doc;
      guint db = g_array_index (m->sents, Sent, c->b).doc;

      best[c->a * n_docs + db] = MAX (best[c->a * n_docs + db], c->score);
      best[c->b * n_docs + da] = MAX (best[c->b * n_docs + da], c->score);
    }
  return best;
}

static void
add_partner (PxAlignment *al, guint doc, guint sent, guint odoc, guint osent, double score)
{
  PxAlignSentence *s = &g_array_index (al->sentences[doc], PxAlignSentence, sent);
  PxAlignPartner p = { odoc, osent, score };

  if (s->partners == NULL)
    s->partners = g_array_new (FALSE, FALSE, sizeof (PxAlignPartner));
  g_array_append_val (s->partners, p);
  s->best_score = MAX (s->best_score, score);
  s->status = MAX (s->status, score >= PX_ALIGN_T_SHARED ? PX_ALIGN_SHARED : PX_ALIGN_PARTIAL);
}

static void
keep_links (PxAlignment *al, const Model *m, GArray *cands)
{
  g_autofree double *best = best_scores (m, cands, al->n_docs);

  for (guint k = 0; k < cands->len; k++)
    {
      Candidate *c = &g_array_index (cands, Candidate, k);
      const Sent *a = &g_array_index (m->sents, Sent, c->a);
      const Sent *b = &g_array_index (m->sents, Sent, c->b);
      PxAlignLink link;

      if (c->score < PX_ALIGN_T_SHARED &&
          c->score < NEAR_BEST * best[c->a * al->n_docs + b->doc] &&
          c->score < NEAR_BEST * best[c->b * al->n_docs + a->doc])
        continue;
      link = (PxAlignLink) { a->doc, a->index, b->doc, b->index, c->score,
                             c->score >= PX_ALIGN_T_SHARED ? PX_ALIGN_SHARED : PX_ALIGN_PARTIAL };
      g_array_append_val (al->links, link);
      add_partner (al, a->doc, a->index, b->doc, b->index, c->score);
      add_partner (al, b->doc, b->index, a->doc, a->index, c->score);
    }
  g_array_sort (al->links, cmp_link);
  for (guint d = 0; d < al->n_docs; d++)
    for (guint i = 0; i < al->sentences[d]->len; i++)
      {
        GArray *p = g_array_index (al->sentences[d], PxAlignSentence, i).partners;

        if (p)
          g_array_sort (p, cmp_partner);
      }
}

gboolean
px_align_is_heading (const char *text,
                     gsize       start,
                     gsize       end)
{
  const char *a = g_utf8_offset_to_pointer (text, (glong) start);

  return is_heading (text, a, g_utf8_offset_to_pointer (a, (glong) (end - start)));
}

/* px_align_is_heading() on byte pointers: the aligner walks the text once. */
static gboolean
is_heading (const char *text, const char *a, const char *b)
{
  const char *after = b;
  guint words = 0;
  gboolean in_word = FALSE;
  gunichar last = 0;

  if (a > text && a[-1] != '\n')
    return FALSE;
  while (*after == ' ' || *after == '\t')
    after++;
  if (*after != '\n' && *after != '\0')
    return FALSE;
  for (const char *p = a; p < b; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) && !in_word)
        words++;
      in_word = g_unichar_isalnum (c);
      if (!g_unichar_isspace (c))
        last = c;
    }
  if (words == 0 || words > 16 || last == 0)
    return FALSE;
  if (last < 0x80)
    return strchr (".!?:;\")", (int) last) == NULL;
  return last != 0x2026 && last != 0x00BB && last != 0x201D;   /* … » ” */
}

static GArray *
sentences_from_spans (GArray *spans)
{
  GArray *out = g_array_sized_new (FALSE, TRUE, sizeof (PxAlignSentence), spans->len);

  g_array_set_clear_func (out, sentence_clear);
  for (guint i = 0; i < spans->len; i++)
    {
      PxSpan *sp = &g_array_index (spans, PxSpan, i);
      PxAlignSentence s = { sp->start, sp->end, PX_ALIGN_UNIQUE, 0, NULL, FALSE };

      g_array_append_val (out, s);
    }
  return out;
}

PxAlignment *
px_align_run (const PxAlignDoc *docs,
              guint             n_docs)
{
  PxAlignment *al;
  Model m = { 0 };
  Index ix = { 0 };
  g_autoptr(GArray) cands = NULL;

  g_return_val_if_fail (n_docs <= PX_ALIGN_MAX_DOCS, NULL);

  al = g_new0 (PxAlignment, 1);
  al->n_docs = n_docs;
  al->links = g_array_new (FALSE, FALSE, sizeof (PxAlignLink));

  m.unigrams = g_hash_table_new (g_direct_hash, g_direct_equal);
  m.bigrams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m.cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m.sents = g_array_new (FALSE, FALSE, sizeof (Sent));
  m.entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  m.is_bigram = g_byte_array_new ();

  for (guint d = 0; d < n_docs; d++)
    {
      guint first = m.sents->len;
      g_autoptr(GArray) spans = model_add_doc (&m, d, &docs[d]);

      model_add_mentions (&m, first, spans, &docs[d]);
      al->sentences[d] = sentences_from_spans (spans);
      for (guint i = 0; i < spans->len; i++)
        g_array_index (al->sentences[d], PxAlignSentence, i).heading =
          g_array_index (m.sents, Sent, first + i).heading;
    }
  model_weigh (&m);
  model_count_entities (&m);
  index_build (&ix, &m);
  cands = score_candidates (&m, &ix);
  keep_links (al, &m, cands);
  index_clear (&ix);
  model_clear (&m);
  return al;
}

void
px_alignment_free (PxAlignment *al)
{
  if (al == NULL)
    return;
  for (guint d = 0; d < al->n_docs; d++)
    g_clear_pointer (&al->sentences[d], g_array_unref);
  g_clear_pointer (&al->links, g_array_unref);
  g_free (al);
}

double
px_alignment_coverage (const PxAlignment *al,
                       guint              doc,
                       guint              other)
{
  GArray *sents;
  guint covered = 0;

  g_return_val_if_fail (doc < al->n_docs && other < al->n_docs, 0);
  sents = al->sentences[doc];
  if (sents->len == 0)
    return 0;
  for (guint i = 0; i < sents->len; i++)
    {
      GArray *p = g_array_index (sents, PxAlignSentence, i).partners;

      for (guint j = 0; p && j < p->len; j++)
        if (g_array_index (p, PxAlignPartner, j).doc == other)
          {
            covered++;
            break;
          }
    }
  return (double) covered / sents->len;
}

guint
px_alignment_count (const PxAlignment *al,
                    guint              doc,
                    PxAlignStatus      status)
{
  guint n = 0;

  g_return_val_if_fail (doc < al->n_docs, 0);
  for (guint i = 0; i < al->sentences[doc]->len; i++)
    n += g_array_index (al->sentences[doc], PxAlignSentence, i).status == status;
  return n;
}

int
px_alignment_sentence_at (const PxAlignment *al,
                          guint              doc,
                          gsize              offset)
{
  GArray *s;
  guint lo = 0, hi;

  g_return_val_if_fail (doc < al->n_docs, -1);
  s = al->sentences[doc];
  hi = s->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      PxAlignSentence *x = &g_array_index (s, PxAlignSentence, mid);

      if (offset < x->start)
        hi = mid;
      else if (offset >= x->end)
        lo = mid + 1;
      else
        return mid;
    }
  return -1;
}
