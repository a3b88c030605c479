/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare.c: the compare engine's input (a copy of the store's data)
 * and the run that ties alignment, coverage, event grid and quotes. */
#include <string.h>

#include "px-compare.h"
#include "px-coverage.h"
#include "px-event-grid.h"
#include "px-quotes.h"
#include "px-normalize.h"
#include "px-text.h"

/* ---- Input ------------------------------------------------------------ */

static void
mention_clear (gpointer p)
{
  PxCompareMention *m = p;

  g_clear_pointer (&m->label, g_free);
  g_clear_pointer (&m->text, g_free);
  g_clear_pointer (&m->entity_name, g_free);
  g_clear_pointer (&m->value_type, g_free);
  g_clear_pointer (&m->coder_value, g_free);
}

static void
event_free (gpointer p)
{
  PxCompareEvent *ev = p;

  g_free (ev->type);
  g_array_unref (ev->args);
  g_free (ev);
}

static void
arg_clear (gpointer p)
{
  g_clear_pointer (&((PxCompareArg *) p)->role, g_free);
}

static void
article_free (gpointer p)
{
  PxCompareArticle *a = p;

  g_free (a->title);
  g_free (a->source);
  g_free (a->published);
  g_free (a->language);
  g_free (a->text);
  g_free (a->reference);
  g_free (a->reference_note);
  g_array_unref (a->mentions);
  g_ptr_array_unref (a->events);
  g_free (a);
}

PxCompareInput *
px_compare_input_new (void)
{
  PxCompareInput *in = g_new0 (PxCompareInput, 1);

  in->articles = g_ptr_array_new_with_free_func (article_free);
  in->roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  in->repeatable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return in;
}

void
px_compare_input_free (PxCompareInput *in)
{
  if (in == NULL)
    return;
  g_ptr_array_unref (in->articles);
  g_hash_table_unref (in->roles);
  g_hash_table_unref (in->repeatable);
  g_free (in);
}

PxCompareArticle *
px_compare_input_add_article (PxCompareInput *in,
                              gint64          id,
                              const char     *title,
                              const char     *source,
                              const char     *published,
                              const char     *language,
                              const char     *text)
{
  PxCompareArticle *a = g_new0 (PxCompareArticle, 1);

  a->id = id;
  a->title = g_strdup (title);
  a->source = g_strdup (source);
  a->published = g_strdup (published);
  a->language = g_strdup (language);
  a->text = g_strdup (text ? text : "");
  a->length = g_utf8_strlen (a->text, -1);
  a->seek_ptr = a->text;
  a->reference = px_normalize_reference_date (a->text, published, &a->reference_inferred, &a->reference_note);
  a->mentions = g_array_new (FALSE, TRUE, sizeof (PxCompareMention));
  g_array_set_clear_func (a->mentions, mention_clear);
  a->events = g_ptr_array_new_with_free_func (event_free);
  g_ptr_array_add (in->articles, a);
  return a;
}

/* The text of [start, end), found from the previous mention's start: the
 * store hands mentions in text order, and an article may carry 20,000 of
 * them. */
static char *
mention_text (PxCompareArticle *a, gsize start, gsize end)
{
  const char *from;

  if (start > end || end > a->length)
    return g_strdup ("");
  if (start < a->seek_cp)
    {
      a->seek_ptr = a->text;
      a->seek_cp = 0;
    }
  for (; a->seek_cp < start; a->seek_cp++)
    a->seek_ptr = g_utf8_next_char (a->seek_ptr);
  from = a->seek_ptr;
  return g_strndup (from, g_utf8_offset_to_pointer (from, end - start) - from);
}

guint
px_compare_article_add_mention (PxCompareArticle *a,
                                gint64            annotation_id,
                                gsize             start,
                                gsize             end,
                                const char       *label,
                                gboolean          is_event,
                                gint64            entity_id,
                                const char       *entity_name)
{
  PxCompareMention m = { annotation_id, start, end, g_strdup (label), is_event,
                         mention_text (a, start, end), entity_id, g_strdup (entity_name) };

  g_array_append_val (a->mentions, m);
  return a->mentions->len - 1;
}

const char *
px_compare_mention_value_type (const PxCompareMention *m)
{
  if (m->value_type != NULL)
    return m->value_type;
  if (m->is_event || m->label == NULL)
    return NULL;
  if (strcmp (m->label, "DATE") == 0)
    return "date";
  if (strcmp (m->label, "NUM") == 0)
    return "number";
  if (strcmp (m->label, "QUOTE") == 0)
    return "quote";
  return NULL;
}

void
px_compare_mention_set_value (PxCompareArticle *a,
                              guint             index,
                              const char       *value_type,
                              const char       *coder_value)
{
  PxCompareMention *m;

  g_return_if_fail (index < a->mentions->len);
  m = &g_array_index (a->mentions, PxCompareMention, index);
  g_free (m->value_type);
  g_free (m->coder_value);
  m->value_type = g_strdup (value_type);
  m->coder_value = g_strdup (coder_value);
}

PxCompareEvent *
px_compare_article_add_event (PxCompareArticle *a,
                              gint64            id,
                              gint64            story_event_id,
                              const char       *type,
                              int               trigger)
{
  PxCompareEvent *ev = g_new0 (PxCompareEvent, 1);

  ev->id = id;
  ev->story_event_id = story_event_id;
  ev->type = g_strdup (type ? type : "");
  ev->trigger = trigger;
  ev->args = g_array_new (FALSE, TRUE, sizeof (PxCompareArg));
  g_array_set_clear_func (ev->args, arg_clear);
  g_ptr_array_add (a->events, ev);
  return ev;
}

void
px_compare_event_add_arg (PxCompareEvent *ev,
                          const char     *role,
                          int             mention)
{
  PxCompareArg arg = { g_strdup (role), mention };

  g_array_append_val (ev->args, arg);
}

void
px_compare_input_set_roles (PxCompareInput     *in,
                            const char         *type,
                            const char * const *roles)
{
  g_hash_table_replace (in->roles, g_strdup (type), g_strdupv ((char **) roles));
}

/* ---- Running ---------------------------------------------------------- */

static PxAlignment *
align_input (const PxCompareInput *in, guint n)
{
  PxAlignDoc docs[PX_ALIGN_MAX_DOCS] = { { 0 } };
  GArray *mentions[PX_ALIGN_MAX_DOCS] = { 0 };
  PxAlignment *al;

  for (guint d = 0; d < n; d++)
    {
      PxCompareArticle *a = g_ptr_array_index (in->articles, d);

      mentions[d] = g_array_new (FALSE, FALSE, sizeof (PxAlignMention));
      for (guint i = 0; i < a->mentions->len; i++)
        {
          PxCompareMention *m = &g_array_index (a->mentions, PxCompareMention, i);

          if (m->entity_id > 0 && !m->is_event)
            g_array_append_val (mentions[d], ((PxAlignMention) { m->start, m->end, m->entity_id }));
        }
      docs[d] = (PxAlignDoc) { a->text, a->language, (PxAlignMention *) mentions[d]->data,
                               mentions[d]->len };
    }
  al = px_align_run (docs, n);
  for (guint d = 0; d < n; d++)
    g_array_unref (mentions[d]);
  return al;
}

static void
summarise (PxCompareResult *r)
{
  for (guint a = 0; a < r->n_articles; a++)
    {
      PxCompareSummary *s = &r->summary[a];

      s->n_sentences = r->alignment->sentences[a]->len;
      s->n_shared = px_alignment_count (r->alignment, a, PX_ALIGN_SHARED);
      s->n_partial = px_alignment_count (r->alignment, a, PX_ALIGN_PARTIAL);
      s->n_unique = px_alignment_count (r->alignment, a, PX_ALIGN_UNIQUE);
      for (guint o = 0; o < r->n_articles; o++)
        s->covered_by[o] = o == a ? 1.0 : px_alignment_coverage (r->alignment, a, o);
      for (guint e = 0; e < r->grid->events->len; e++)
        {
          PxEventGridEvent *ge = g_ptr_array_index (r->grid->events, e);

          for (guint k = 0; k < ge->rows->len; k++)
            s->n_conflicts += (((PxEventGridRow *) ge->rows->pdata[k])->conflicting >> a) & 1;
        }
      for (guint k = 0; k < r->coverage->rows->len; k++)
        {
          PxCoverageRow *row = &g_array_index (r->coverage->rows, PxCoverageRow, k);

          s->n_missing_entities += (px_coverage_row_missing (r->coverage, row) >> a) & 1;
        }
    }
}

PxCompareResult *
px_compare_run (const PxCompareInput *in)
{
  PxCompareResult *r = g_new0 (PxCompareResult, 1);

  r->n_articles = MIN (in->articles->len, PX_ALIGN_MAX_DOCS);
  r->alignment = align_input (in, r->n_articles);
  r->coverage = px_coverage_compute (in);
  r->grid = px_event_grid_compute (in);
  r->quotes = px_quotes_compute (in);
  summarise (r);
  return r;
}

void
px_compare_result_free (PxCompareResult *r)
{
  if (r == NULL)
    return;
  px_alignment_free (r->alignment);
  px_coverage_free (r->coverage);
  px_event_grid_free (r->grid);
  px_quote_set_free (r->quotes);
  px_compare_input_free (r->input);
  g_free (r);
}

typedef struct
{
  PxCompareInput *input;  /* moves into the result */
} RunData;

static void
run_data_free (RunData *data)
{
  px_compare_input_free (data->input);
  g_free (data);
}

static void
run_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RunData *data = task_data;
  PxCompareResult *r;

  if (g_task_return_error_if_cancelled (task))
    return;
  r = px_compare_run (data->input);
  r->input = g_steal_pointer (&data->input);
  g_task_return_pointer (task, r, (GDestroyNotify) px_compare_result_free);
}

void
px_compare_run_async (PxCompareInput      *input,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RunData *data = g_new0 (RunData, 1);

  data->input = input;
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_set_source_tag (task, px_compare_run_async);
  g_task_run_in_thread (task, run_thread);
}

PxCompareResult *
px_compare_run_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
px_compare_input_set_repeatable (PxCompareInput *in,
                                 const char     *type,
                                 const char     *role)
{
  g_hash_table_add (in->repeatable, g_strconcat (type, "\x1f", role, NULL));
}

gboolean
px_compare_input_is_repeatable (const PxCompareInput *in,
                                const char           *type,
                                const char           *role)
{
  g_autofree char *key = g_strconcat (type, "\x1f", role, NULL);

  return g_hash_table_contains (in->repeatable, key);
}
