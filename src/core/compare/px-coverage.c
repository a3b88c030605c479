/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-coverage.c: entity × article mention counts. */
#include <string.h>

#include "px-coverage.h"
#include "px-text.h"

const char *
px_coverage_class_to_string (PxCoverageClass klass)
{
  switch (klass)
    {
    case PX_COVERAGE_ALL:  return "all";
    case PX_COVERAGE_SOME: return "some";
    case PX_COVERAGE_ONE:
    default:               return "one";
    }
}

static void
row_clear (gpointer p)
{
  PxCoverageRow *row = p;

  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->label, g_free);
}

static char *
row_key (const PxCompareMention *m)
{
  g_autofree char *key = NULL;

  if (m->entity_id > 0)
    return g_strdup_printf ("#%" G_GINT64_FORMAT, m->entity_id);
  key = px_text_match_key (m->text);
  return g_strdup_printf ("%s:%s", m->label, key ? key : "");
}

static guint
row_total (const PxCoverageRow *r)
{
  guint n = 0;

  for (guint i = 0; i < PX_ALIGN_MAX_DOCS; i++)
    n += r->counts[i];
  return n;
}

static int
cmp_row (gconstpointer a, gconstpointer b)
{
  const PxCoverageRow *x = a, *y = b;
  guint tx = row_total (x), ty = row_total (y);

  if (x->klass != y->klass)
    return x->klass < y->klass ? -1 : 1;
  if (tx != ty)
    return tx > ty ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

/* Dates, numbers and quotes are values, not participants (even when an
 * old corpus linked them to an entity): they belong to the event grid and
 * the quotes, not to this matrix. */
static gboolean
counts_for_coverage (const PxCompareMention *m)
{
  return !m->is_event && m->label != NULL && px_compare_mention_value_type (m) == NULL;
}

PxCoverage *
px_coverage_compute (const PxCompareInput *input)
{
  PxCoverage *cov = g_new0 (PxCoverage, 1);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  cov->n_articles = MIN (input->articles->len, PX_ALIGN_MAX_DOCS);
  cov->rows = g_array_new (FALSE, TRUE, sizeof (PxCoverageRow));
  g_array_set_clear_func (cov->rows, row_clear);

  for (guint a = 0; a < cov->n_articles; a++)
    {
      PxCompareArticle *art = g_ptr_array_index (input->articles, a);

      for (guint i = 0; i < art->mentions->len; i++)
        {
          const PxCompareMention *m = &g_array_index (art->mentions, PxCompareMention, i);
          g_autofree char *key = NULL;
          gpointer found;
          guint r;

          if (!counts_for_coverage (m))
            continue;
          key = row_key (m);
          if (g_hash_table_lookup_extended (index, key, NULL, &found))
            r = GPOINTER_TO_UINT (found);
          else
            {
              PxCoverageRow row = { m->entity_id > 0 ? m->entity_id : 0,
                                    g_strdup (m->entity_name ? m->entity_name : m->text),
                                    g_strdup (m->label), { 0 }, PX_COVERAGE_ONE };

              r = cov->rows->len;
              g_array_append_val (cov->rows, row);
              g_hash_table_insert (index, g_steal_pointer (&key), GUINT_TO_POINTER (r));
            }
          g_array_index (cov->rows, PxCoverageRow, r).counts[a]++;
          cov->annotated |= 1u << a;
        }
    }

  for (guint r = 0; r < cov->rows->len; r++)
    {
      PxCoverageRow *row = &g_array_index (cov->rows, PxCoverageRow, r);
      guint present = 0, n_annotated = 0;

      for (guint a = 0; a < cov->n_articles; a++)
        {
          present += row->counts[a] > 0;
          n_annotated += (cov->annotated >> a) & 1;
        }
      row->klass = present == n_annotated && present > 1 ? PX_COVERAGE_ALL
                 : present > 1 ? PX_COVERAGE_SOME : PX_COVERAGE_ONE;
    }
  g_array_sort (cov->rows, cmp_row);
  return cov;
}

void
px_coverage_free (PxCoverage *cov)
{
  if (cov == NULL)
    return;
  g_clear_pointer (&cov->rows, g_array_unref);
  g_free (cov);
}

guint
px_coverage_row_missing (const PxCoverage    *cov,
                         const PxCoverageRow *row)
{
  guint mask = 0;

  for (guint a = 0; a < cov->n_articles; a++)
    if (row->counts[a] == 0 && ((cov->annotated >> a) & 1))
      mask |= 1u << a;
  return mask;
}
