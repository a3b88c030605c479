/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-agreement.c: intercoder agreement; see px-agreement.h for the
 * methods. */
#include "px-agreement.h"

#include <math.h>
#include <string.h>

#include "px-csv.h"
#include "px-text.h"

/* ---- The arithmetic --------------------------------------------------- */

double
px_agreement_cohen_kappa (const int *a,
                          const int *b,
                          gsize      n)
{
  g_autoptr(GHashTable) count_a = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) count_b = g_hash_table_new (g_direct_hash, g_direct_equal);
  GHashTableIter iter;
  gpointer key, value;
  double agree = 0, expected = 0;

  if (n == 0)
    return NAN;
  for (gsize i = 0; i < n; i++)
    {
      agree += a[i] == b[i];
      g_hash_table_insert (count_a, GINT_TO_POINTER (a[i]),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count_a, GINT_TO_POINTER (a[i]))) + 1));
      g_hash_table_insert (count_b, GINT_TO_POINTER (b[i]),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count_b, GINT_TO_POINTER (b[i]))) + 1));
    }
  g_hash_table_iter_init (&iter, count_a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    expected += ((double) GPOINTER_TO_UINT (value) / n)
                * ((double) GPOINTER_TO_UINT (g_hash_table_lookup (count_b, key)) / n);
  if (1.0 - expected < 1e-12)
    return NAN;
  return (agree / n - expected) / (1.0 - expected);
}

double
px_agreement_krippendorff_nominal (const int *values,
                                   gsize      n_units,
                                   guint      n_coders)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) coincidence = NULL;   /* double, k × k */
  g_autofree int *unit = g_new (int, MAX (n_coders, 1));
  guint k = 0;
  double n = 0, observed = 0, expected = 0;
  g_autofree double *marginal = NULL;

  /* The values that occur, numbered. */
  for (gsize i = 0; i < n_units * n_coders; i++)
    if (values[i] != PX_AGREEMENT_MISSING
        && !g_hash_table_contains (index, GINT_TO_POINTER (values[i])))
      g_hash_table_insert (index, GINT_TO_POINTER (values[i]), GUINT_TO_POINTER (k++));
  if (k == 0)
    return NAN;
  coincidence = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (coincidence, k * k);
  for (gsize u = 0; u < n_units; u++)
    {
      guint m = 0;

      for (guint c = 0; c < n_coders; c++)
        if (values[u * n_coders + c] != PX_AGREEMENT_MISSING)
          unit[m++] = (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, GINT_TO_POINTER (values[u * n_coders + c])));
      if (m < 2)
        continue;
      for (guint i = 0; i < m; i++)
        for (guint j = 0; j < m; j++)
          if (i != j)
            g_array_index (coincidence, double, unit[i] * k + unit[j]) += 1.0 / (m - 1);
    }
  marginal = g_new0 (double, k);
  for (guint c = 0; c < k; c++)
    for (guint d = 0; d < k; d++)
      {
        double o = g_array_index (coincidence, double, c * k + d);

        marginal[c] += o;
        n += o;
        if (c != d)
          observed += o;
      }
  for (guint c = 0; c < k; c++)
    for (guint d = 0; d < k; d++)
      if (c != d)
        expected += marginal[c] * marginal[d];
  if (n < 2 || expected <= 0)
    return NAN;
  return 1.0 - (n - 1) * observed / expected;
}

typedef struct
{
  guint a, b;
  gsize overlap;
} Pair;

static int
by_overlap (gconstpointer pa,
            gconstpointer pb)
{
  const Pair *x = pa, *y = pb;

  if (x->overlap != y->overlap)
    return x->overlap > y->overlap ? -1 : 1;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

guint
px_agreement_match_spans (const PxAgreementSpan *a,
                          guint                  n_a,
                          const PxAgreementSpan *b,
                          guint                  n_b,
                          gboolean               overlap)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autofree gboolean *used_a = g_new0 (gboolean, MAX (n_a, 1));
  g_autofree gboolean *used_b = g_new0 (gboolean, MAX (n_b, 1));
  guint matched = 0;

  for (guint i = 0; i < n_a; i++)
    for (guint j = 0; j < n_b; j++)
      {
        gsize lo = MAX (a[i].start, b[j].start), hi = MIN (a[i].end, b[j].end);
        gboolean same = a[i].start == b[j].start && a[i].end == b[j].end;

        if (a[i].label_id != b[j].label_id || (overlap ? lo >= hi : !same))
          continue;
        g_array_append_val (pairs, ((Pair) { i, j, hi - lo }));
      }
  g_array_sort (pairs, by_overlap);
  for (guint p = 0; p < pairs->len; p++)
    {
      Pair *pair = &g_array_index (pairs, Pair, p);

      if (used_a[pair->a] || used_b[pair->b])
        continue;
      used_a[pair->a] = used_b[pair->b] = TRUE;
      matched++;
    }
  return matched;
}

double
px_agreement_f1 (guint matched,
                 guint n_a,
                 guint n_b)
{
  if (n_a + n_b == 0)
    return NAN;
  return 2.0 * matched / (n_a + n_b);
}

/* ---- The corpus ------------------------------------------------------- */

void
px_agreement_row_free (PxAgreementRow *row)
{
  if (row == NULL)
    return;
  g_free (row->coder_a);
  g_free (row->coder_b);
  g_free (row->label);
  g_free (row->measure);
  g_free (row);
}

static void
add_row (GPtrArray  *rows,
         const char *a,
         const char *b,
         const char *label,
         const char *measure,
         double      value,
         guint       n)
{
  PxAgreementRow *row = g_new0 (PxAgreementRow, 1);

  row->coder_a = g_strdup (a);
  row->coder_b = g_strdup (b);
  row->label = g_strdup (label);
  row->measure = g_strdup (measure);
  row->value = value;
  row->n = n;
  g_ptr_array_add (rows, row);
}

/* One article: each coder's spans, and the text's words. */
typedef struct
{
  GArray     *words;     /* PxSpan */
  GHashTable *by_coder;  /* interned coder name → its spans, while gathering */
  GArray    **spans;     /* then per coder: PxAgreementSpan, or NULL: not coded */
} Doc;

static int
outer_first (gconstpointer pa,
             gconstpointer pb)
{
  const PxAgreementSpan *x = pa, *y = pb;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end;
}

/* The label of the first span covering each word, 0 for none. */
static int *
word_labels (Doc   *doc,
             guint  coder)
{
  GArray *spans = doc->spans[coder];
  int *out = g_new0 (int, MAX (doc->words->len, 1));

  for (guint w = 0; w < doc->words->len; w++)
    {
      PxSpan *word = &g_array_index (doc->words, PxSpan, w);

      for (guint s = 0; s < spans->len; s++)
        {
          PxAgreementSpan *span = &g_array_index (spans, PxAgreementSpan, s);

          if (span->start <= word->start && word->end <= span->end)
            {
              out[w] = (int) span->label_id;
              break;
            }
        }
    }
  return out;
}

typedef struct
{
  guint matched_exact, matched_overlap, n_a, n_b;
} Counts;

static void
pair_rows (GPtrArray   *rows,
           GPtrArray   *docs,
           const char  *a_name,
           const char  *b_name,
           guint        a,
           guint        b,
           GHashTable  *label_names)
{
  g_autoptr(GHashTable) per_label = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) ta = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) tb = g_array_new (FALSE, FALSE, sizeof (int));
  Counts all = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  for (guint d = 0; d < docs->len; d++)
    {
      Doc *doc = docs->pdata[d];
      g_autofree int *la = NULL;
      g_autofree int *lb = NULL;

      if (doc->spans[a] == NULL || doc->spans[b] == NULL)
        continue;
      /* Per label: the spans of that label only. */
      for (guint s = 0; s < doc->spans[a]->len + doc->spans[b]->len; s++)
        {
          gboolean in_a = s < doc->spans[a]->len;
          PxAgreementSpan *span = &g_array_index (in_a ? doc->spans[a] : doc->spans[b], PxAgreementSpan,
                                                  in_a ? s : s - doc->spans[a]->len);
          Counts *c = g_hash_table_lookup (per_label, &span->label_id);

          if (c == NULL)
            {
              c = g_new0 (Counts, 1);
              g_hash_table_insert (per_label, g_memdup2 (&span->label_id, sizeof (gint64)), c);
            }
        }
      g_hash_table_iter_init (&iter, per_label);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gint64 label = *(gint64 *) key;
          Counts *c = value;
          g_autoptr(GArray) sa = g_array_new (FALSE, FALSE, sizeof (PxAgreementSpan));
          g_autoptr(GArray) sb = g_array_new (FALSE, FALSE, sizeof (PxAgreementSpan));

          for (guint s = 0; s < doc->spans[a]->len; s++)
            if (g_array_index (doc->spans[a], PxAgreementSpan, s).label_id == label)
              g_array_append_val (sa, g_array_index (doc->spans[a], PxAgreementSpan, s));
          for (guint s = 0; s < doc->spans[b]->len; s++)
            if (g_array_index (doc->spans[b], PxAgreementSpan, s).label_id == label)
              g_array_append_val (sb, g_array_index (doc->spans[b], PxAgreementSpan, s));
          c->n_a += sa->len;
          c->n_b += sb->len;
          c->matched_exact += px_agreement_match_spans ((PxAgreementSpan *) sa->data, sa->len,
                                                        (PxAgreementSpan *) sb->data, sb->len, FALSE);
          c->matched_overlap += px_agreement_match_spans ((PxAgreementSpan *) sa->data, sa->len,
                                                          (PxAgreementSpan *) sb->data, sb->len, TRUE);
        }
      la = word_labels (doc, a);
      lb = word_labels (doc, b);
      g_array_append_vals (ta, la, doc->words->len);
      g_array_append_vals (tb, lb, doc->words->len);
    }
  g_hash_table_iter_init (&iter, per_label);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Counts *c = value;

      all.n_a += c->n_a;
      all.n_b += c->n_b;
      all.matched_exact += c->matched_exact;
      all.matched_overlap += c->matched_overlap;
    }
  add_row (rows, a_name, b_name, NULL, "f1_exact",
           px_agreement_f1 (all.matched_exact, all.n_a, all.n_b), all.n_a + all.n_b);
  add_row (rows, a_name, b_name, NULL, "f1_overlap",
           px_agreement_f1 (all.matched_overlap, all.n_a, all.n_b), all.n_a + all.n_b);
  add_row (rows, a_name, b_name, NULL, "cohen_kappa",
           px_agreement_cohen_kappa ((int *) ta->data, (int *) tb->data, ta->len), ta->len);
  g_hash_table_iter_init (&iter, per_label);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Counts *c = value;
      const char *label = g_hash_table_lookup (label_names, key);

      add_row (rows, a_name, b_name, label, "f1_exact",
               px_agreement_f1 (c->matched_exact, c->n_a, c->n_b), c->n_a + c->n_b);
      add_row (rows, a_name, b_name, label, "f1_overlap",
               px_agreement_f1 (c->matched_overlap, c->n_a, c->n_b), c->n_a + c->n_b);
    }
}

/* Alpha across the coders on word units; with @label_id, that label
 * against everything else. */
static double
alpha_rows (GPtrArray *docs,
            guint      n_coders,
            gint64     label_id,
            guint     *out_units)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (int));
  gsize n_units = 0;

  for (guint d = 0; d < docs->len; d++)
    {
      Doc *doc = docs->pdata[d];
      g_autofree int **labels = g_new0 (int *, n_coders);
      guint coded = 0;

      for (guint c = 0; c < n_coders; c++)
        if (doc->spans[c] != NULL)
          {
            labels[c] = word_labels (doc, c);
            coded++;
          }
      if (coded >= 2)
        for (guint w = 0; w < doc->words->len; w++)
          {
            for (guint c = 0; c < n_coders; c++)
              {
                int v = labels[c] == NULL ? PX_AGREEMENT_MISSING
                        : label_id == 0 ? labels[c][w] : labels[c][w] == (int) label_id;
                g_array_append_val (values, v);
              }
            n_units++;
          }
      for (guint c = 0; c < n_coders; c++)
        g_free (labels[c]);
    }
  *out_units = (guint) n_units;
  return px_agreement_krippendorff_nominal ((int *) values->data, n_units, n_coders);
}

static void
doc_free (gpointer data)
{
  Doc *doc = data;

  g_array_unref (doc->words);
  g_clear_pointer (&doc->by_coder, g_hash_table_unref);
  g_free (doc->spans);   /* the arrays are owned by the caller's list */
  g_free (doc);
}

/* Reads every article's accepted annotations by coder. */
static GPtrArray *
gather (PxStore            *store,
        GPtrArray          *coders,
        gboolean            all_coders,
        GPtrArray          *owned_spans,
        GHashTable         *label_names,
        GError            **error)
{
  g_autoptr(GListModel) articles = px_store_list_articles (store, -1);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (doc_free);
  guint n_articles = g_list_model_get_n_items (articles);

  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(PxArticle) item = g_list_model_get_item (articles, i);
      g_autoptr(GListModel) annotations = px_store_list_annotations (store, px_article_get_id (item));
      g_autoptr(GHashTable) by_coder = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(PxArticle) article = NULL;
      Doc *doc;

      for (guint k = 0; k < g_list_model_get_n_items (annotations); k++)
        {
          g_autoptr(PxAnnotation) a = g_list_model_get_item (annotations, k);
          const char *coder = px_annotation_get_annotator (a);
          gint64 label_id = px_annotation_get_label_id (a);
          PxAgreementSpan span = { label_id, px_annotation_get_start (a), px_annotation_get_end (a) };
          GArray *spans;

          if (px_annotation_get_status (a) != PX_ANNOTATION_ACCEPTED || coder == NULL)
            continue;
          if (!g_hash_table_contains (label_names, &label_id))
            g_hash_table_insert (label_names, g_memdup2 (&label_id, sizeof label_id),
                                 g_strdup (px_annotation_get_label_name (a)));
          if (all_coders && !g_ptr_array_find_with_equal_func (coders, coder, g_str_equal, NULL))
            g_ptr_array_add (coders, g_strdup (coder));
          spans = g_hash_table_lookup (by_coder, coder);
          if (spans == NULL)
            {
              spans = g_array_new (FALSE, FALSE, sizeof (PxAgreementSpan));
              g_ptr_array_add (owned_spans, spans);
              g_hash_table_insert (by_coder, (gpointer) g_intern_string (coder), spans);
            }
          g_array_append_val (spans, span);
        }
      if (g_hash_table_size (by_coder) == 0)
        continue;
      article = px_store_get_article (store, px_article_get_id (item), error);
      if (article == NULL)
        return NULL;
      doc = g_new0 (Doc, 1);
      doc->words = px_text_words (px_article_get_text (article), px_article_get_language (article));
      /* Coders are numbered once all are known: keep the map for now. */
      doc->by_coder = g_hash_table_ref (by_coder);
      g_ptr_array_add (docs, doc);
    }
  {
    g_autoptr(GError) read_error = px_store_take_read_error (store);

    if (read_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&read_error));
        return NULL;
      }
  }
  /* Now that every coder is known, each document gets one slot per coder. */
  for (guint d = 0; d < docs->len; d++)
    {
      Doc *doc = docs->pdata[d];

      doc->spans = g_new0 (GArray *, MAX (coders->len, 1));
      for (guint c = 0; c < coders->len; c++)
        {
          doc->spans[c] = g_hash_table_lookup (doc->by_coder, g_intern_string (coders->pdata[c]));
          if (doc->spans[c] != NULL)
            g_array_sort (doc->spans[c], outer_first);
        }
      g_clear_pointer (&doc->by_coder, g_hash_table_unref);
    }
  return g_steal_pointer (&docs);
}

GPtrArray *
px_agreement_compute (PxStore             *store,
                      const char * const  *coder_names,
                      GError             **error)
{
  g_autoptr(GPtrArray) coders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) label_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) px_agreement_row_free);
  GHashTableIter iter;
  gpointer key, value;
  guint units = 0;
  double alpha;

  for (guint i = 0; coder_names != NULL && coder_names[i] != NULL; i++)
    g_ptr_array_add (coders, g_strdup (coder_names[i]));
  docs = gather (store, coders, coder_names == NULL, owned, label_names, error);
  if (docs == NULL)
    return NULL;
  for (guint a = 0; a < coders->len; a++)
    for (guint b = a + 1; b < coders->len; b++)
      pair_rows (rows, docs, coders->pdata[a], coders->pdata[b], a, b, label_names);
  alpha = alpha_rows (docs, coders->len, 0, &units);
  add_row (rows, NULL, NULL, NULL, "krippendorff_alpha_nominal", alpha, units);
  g_hash_table_iter_init (&iter, label_names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      alpha = alpha_rows (docs, coders->len, *(gint64 *) key, &units);
      add_row (rows, NULL, NULL, value, "krippendorff_alpha_nominal", alpha, units);
    }
  return g_steal_pointer (&rows);
}

gboolean
px_agreement_write_csv (GPtrArray      *rows,
                        GOutputStream  *stream,
                        GError        **error)
{
  static const char *const header[] = { "coder_a", "coder_b", "label", "measure", "value", "n" };
  g_autoptr(PxCsvWriter) w = px_csv_writer_new (stream, PX_CSV_WRITER_DEFAULT);

  if (!px_csv_writer_write_row (w, header, NULL, G_N_ELEMENTS (header), error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      PxAgreementRow *r = rows->pdata[i];
      char value[G_ASCII_DTOSTR_BUF_SIZE] = "";
      g_autofree char *n = g_strdup_printf ("%u", r->n);
      const char *cells[6];

      if (!isnan (r->value))
        g_ascii_formatd (value, sizeof value, "%.4f", r->value);
      cells[0] = r->coder_a != NULL ? r->coder_a : "";
      cells[1] = r->coder_b != NULL ? r->coder_b : "";
      cells[2] = r->label != NULL ? r->label : "";
      cells[3] = r->measure;
      cells[4] = value;
      cells[5] = n;
      if (!px_csv_writer_write_row (w, cells, NULL, 6, error))
        return FALSE;
    }
  return px_csv_writer_close (w, error);
}
