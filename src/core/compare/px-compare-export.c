/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare-export.c: the four CSV files of a comparison. */
#include <errno.h>
#include <glib/gstdio.h>

#include "px-compare-export.h"
#include "px-coverage.h"
#include "px-csv.h"
#include "px-error.h"
#include "px-event-grid.h"
#include "px-quotes.h"
#include "px-text.h"

typedef struct
{
  char          *path;
  GOutputStream *stream;
  PxCsvWriter   *writer;
} CsvFile;

static gboolean
csv_open (CsvFile *f, const char *dir, const char *name, PxCsvWriterFlags flags, GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local = NULL;

  f->path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (f->path);
  f->stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local));
  if (f->stream == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s: %s", f->path, local->message);
      return FALSE;
    }
  f->writer = px_csv_writer_new (f->stream, flags);
  return TRUE;
}

static gboolean
csv_row (CsvFile *f, const char * const *cells, guint n, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (px_csv_writer_write_row (f->writer, cells, NULL, n, &local))
    return TRUE;
  g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s: %s", f->path, local->message);
  return FALSE;
}

static gboolean
csv_close (CsvFile *f, gboolean ok, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (ok && !px_csv_writer_close (f->writer, &local))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s: %s", f->path, local->message);
      ok = FALSE;
    }
  if (ok && !g_output_stream_close (f->stream, NULL, &local))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s: %s", f->path, local->message);
      ok = FALSE;
    }
  g_clear_pointer (&f->writer, px_csv_writer_free);
  g_clear_object (&f->stream);
  g_clear_pointer (&f->path, g_free);
  return ok;
}

static const PxCompareArticle *
art (const PxCompareInput *in, guint i)
{
  return g_ptr_array_index (in->articles, i);
}

static char *
id_str (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Cells for one side of an alignment row; @cells gets 4 owned strings. */
static void
side_cells (const PxCompareInput *in, const PxAlignment *al, guint doc, guint sent, char **cells)
{
  const PxAlignSentence *s = &g_array_index (al->sentences[doc], PxAlignSentence, sent);

  cells[0] = id_str (art (in, doc)->id);
  cells[1] = g_strdup_printf ("%" G_GSIZE_FORMAT, s->start);
  cells[2] = g_strdup_printf ("%" G_GSIZE_FORMAT, s->end);
  cells[3] = px_text_substring (art (in, doc)->text, s->start, s->end);
}

static gboolean
write_alignment (CsvFile *f, const PxCompareInput *in, const PxAlignment *al, GError **error)
{
  const char *header[] = { "a_article_id", "a_start", "a_end", "a_text", "b_article_id",
                           "b_start", "b_end", "b_text", "score", "status" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!csv_row (f, header, 10, error))
    return FALSE;
  for (guint k = 0; k < al->links->len; k++)
    {
      const PxAlignLink *l = &g_array_index (al->links, PxAlignLink, k);
      char *cells[10] = { 0 };
      gboolean ok;

      side_cells (in, al, l->a_doc, l->a_sentence, cells);
      side_cells (in, al, l->b_doc, l->b_sentence, cells + 4);
      cells[8] = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.4f", l->score));
      cells[9] = g_strdup (px_align_status_to_string (l->status));
      ok = csv_row (f, (const char * const *) cells, 10, error);
      for (guint i = 0; i < 10; i++)
        g_free (cells[i]);
      if (!ok)
        return FALSE;
    }
  for (guint d = 0; d < al->n_docs; d++)
    for (guint i = 0; i < al->sentences[d]->len; i++)
      {
        char *cells[10] = { 0 };
        gboolean ok;

        if (g_array_index (al->sentences[d], PxAlignSentence, i).status != PX_ALIGN_UNIQUE)
          continue;
        side_cells (in, al, d, i, cells);
        cells[9] = g_strdup ("unique");
        ok = csv_row (f, (const char * const *) cells, 10, error);
        for (guint c = 0; c < 10; c++)
          g_free (cells[c]);
        if (!ok)
          return FALSE;
      }
  return TRUE;
}

static gboolean
write_coverage (CsvFile *f, const PxCompareInput *in, const PxCoverage *cov, GError **error)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (header, g_strdup ("entity_id"));
  g_ptr_array_add (header, g_strdup ("entity"));
  g_ptr_array_add (header, g_strdup ("label"));
  for (guint a = 0; a < cov->n_articles; a++)
    g_ptr_array_add (header, g_strdup_printf ("article_%" G_GINT64_FORMAT, art (in, a)->id));
  if (!csv_row (f, (const char * const *) header->pdata, header->len, error))
    return FALSE;
  for (guint i = 0; i < cov->rows->len; i++)
    {
      const PxCoverageRow *row = &g_array_index (cov->rows, PxCoverageRow, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, row->entity_id > 0 ? id_str (row->entity_id) : g_strdup (""));
      g_ptr_array_add (cells, g_strdup (row->name));
      g_ptr_array_add (cells, g_strdup (row->label));
      for (guint a = 0; a < cov->n_articles; a++)
        g_ptr_array_add (cells, g_strdup_printf ("%u", row->counts[a]));
      if (!csv_row (f, (const char * const *) cells->pdata, cells->len, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_grid (CsvFile *f, const PxCompareInput *in, const PxEventGrid *grid, GError **error)
{
  const char *header[] = { "story_event_id", "event_type", "role", "article_id", "value",
                           "normalised_value", "conflict", "verdict", "reason" };

  if (!csv_row (f, header, 9, error))
    return FALSE;
  for (guint e = 0; e < grid->events->len; e++)
    {
      const PxEventGridEvent *ge = g_ptr_array_index (grid->events, e);
      g_autofree char *se = id_str (ge->story_event_id);

      for (guint k = 0; k < ge->rows->len; k++)
        {
          const PxEventGridRow *row = ge->rows->pdata[k];

          for (guint a = 0; a < grid->n_articles; a++)
            {
              g_autofree char *aid = id_str (art (in, a)->id);
              /* A verdict for the articles that were compared with
               * another; the reason says why it is not "same". */
              gboolean compared = row->compared && row->items[a] != NULL;
              const char *cells[9] = { se, ge->type, row->role, aid, row->values[a],
                                       row->normalised[a],
                                       (row->conflicting >> a) & 1 ? "true" : "false",
                                       compared ? px_value_verdict_to_string (row->verdicts[a]) : NULL,
                                       compared ? row->reasons[a] : NULL };

              if (!csv_row (f, cells, 9, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
write_quotes (CsvFile *f, const PxCompareInput *in, const PxQuoteSet *set, GError **error)
{
  const char *header[] = { "quote_group", "article_id", "start", "end", "text", "speaker",
                           "speaker_entity_id", "marked", "n_articles" };

  if (!csv_row (f, header, 9, error))
    return FALSE;
  for (guint i = 0; i < set->quotes->len; i++)
    {
      const PxQuote *q = &g_array_index (set->quotes, PxQuote, i);
      g_autofree char *group = g_strdup_printf ("%u", q->group + 1);
      g_autofree char *aid = id_str (art (in, q->article)->id);
      g_autofree char *start = g_strdup_printf ("%" G_GSIZE_FORMAT, q->start);
      g_autofree char *end = g_strdup_printf ("%" G_GSIZE_FORMAT, q->end);
      g_autofree char *sid = q->speaker_entity > 0 ? id_str (q->speaker_entity) : g_strdup ("");
      g_autofree char *n = g_strdup_printf ("%u", px_quote_set_group_articles (set, q->group));
      const char *cells[9] = { group, aid, start, end, q->text, q->speaker, sid,
                               q->marked ? "true" : "false", n };

      if (!csv_row (f, cells, 9, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
px_compare_export_csv (const PxCompareInput  *in,
                       const PxCompareResult *r,
                       const char            *dir,
                       GError               **error)
{
  return px_compare_export_csv_with_flags (in, r, dir, PX_CSV_WRITER_DEFAULT, error);
}

gboolean
px_compare_export_csv_with_flags (const PxCompareInput  *in,
                                  const PxCompareResult *r,
                                  const char            *dir,
                                  PxCsvWriterFlags       flags,
                                  GError               **error)
{
  CsvFile f = { 0 };
  gboolean ok;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s: cannot create the folder: %s",
                   dir, g_strerror (saved));
      return FALSE;
    }
  ok = csv_open (&f, dir, "alignment.csv", flags, error);
  ok = csv_close (&f, ok && write_alignment (&f, in, r->alignment, error), error);
  ok = ok && csv_open (&f, dir, "coverage.csv", flags, error);
  ok = ok ? csv_close (&f, write_coverage (&f, in, r->coverage, error), error) : ok;
  ok = ok && csv_open (&f, dir, "event_grid.csv", flags, error);
  ok = ok ? csv_close (&f, write_grid (&f, in, r->grid, error), error) : ok;
  ok = ok && csv_open (&f, dir, "quotes.csv", flags, error);
  ok = ok ? csv_close (&f, write_quotes (&f, in, r->quotes, error), error) : ok;
  return ok;
}
