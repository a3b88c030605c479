/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-cli-compare.c: `parallax-cli compare ID ID... [--format text|csv]
 * [--out DIR]`: the compare engine as a readable report or four CSV files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "px-cli.h"
#include "px-csv.h"
#include "px-core.h"
#include "px-compare.h"
#include "px-compare-export.h"
#include "px-coverage.h"
#include "px-event-grid.h"
#include "px-quotes.h"
#include "px-store-compare.h"

#define USAGE "usage: parallax-cli compare ARTICLE_ID ARTICLE_ID... [--format text|csv] [--out DIR] [--raw] [--bom]\n"

typedef struct
{
  gint64      ids[PX_ALIGN_MAX_DOCS];
  guint       n_ids;
  const char *format;
  const char *out;
  PxCsvWriterFlags csv_flags;
} Options;

static gboolean
parse_id (const char *arg, gint64 *out)
{
  char *end = NULL;
  gint64 v;

  errno = 0;
  v = g_ascii_strtoll (arg, &end, 10);
  if (errno || end == arg || *end || v <= 0)
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
parse_options (int argc, char **argv, Options *o)
{
  o->format = "text";
  for (int i = 1; i < argc; i++)
    {
      if ((g_str_equal (argv[i], "--format") || g_str_equal (argv[i], "--out")) && i + 1 < argc)
        {
          if (g_str_equal (argv[i], "--format"))
            o->format = argv[++i];
          else
            o->out = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--format="))
        o->format = argv[i] + 9;
      else if (g_str_has_prefix (argv[i], "--out="))
        o->out = argv[i] + 6;
      else if (g_str_equal (argv[i], "--raw"))
        o->csv_flags |= PX_CSV_WRITER_RAW;
      else if (g_str_equal (argv[i], "--bom"))
        o->csv_flags |= PX_CSV_WRITER_BOM;
      else if (o->n_ids < PX_ALIGN_MAX_DOCS && parse_id (argv[i], &o->ids[o->n_ids]))
        o->n_ids++;
      else
        {
          g_autofree char *msg = g_strdup_printf ("compare: unexpected argument \"%s\" (2 to %d article ids)",
                                                  argv[i], PX_ALIGN_MAX_DOCS);

          px_cli_print_error (msg);
          return FALSE;
        }
    }
  if (o->out != NULL && *o->out == '\0')
    {
      px_cli_print_error ("compare: --out is empty: give the folder to write into (is a shell variable unset?)");
      return FALSE;
    }
  if (!g_str_equal (o->format, "text") && !g_str_equal (o->format, "csv"))
    {
      g_autofree char *msg = g_strdup_printf ("compare: unknown format \"%s\" (text or csv)", o->format);

      px_cli_print_error (msg);
      return FALSE;
    }
  if (o->n_ids < 2)
    {
      g_printerr ("parallax-cli: compare: give 2 to %d article ids\n", PX_ALIGN_MAX_DOCS);
      return FALSE;
    }
  return TRUE;
}

/* ---- Text report ------------------------------------------------------ */

static char *
excerpt (const PxCompareArticle *a, gsize start, gsize end, gsize max)
{
  g_autofree char *text = px_text_substring (a->text, start, MIN (end, start + max));
  g_autofree char *flat = g_strdelimit (g_strdup (text ? text : ""), "\n\t", ' ');

  return end - start > max ? g_strconcat (flat, "…", NULL) : g_steal_pointer (&flat);
}

static const PxCompareArticle *
article (const PxCompareInput *in, guint i)
{
  return g_ptr_array_index (in->articles, i);
}

static void
report_alignment (GString *out, const PxCompareInput *in, const PxCompareResult *r)
{
  g_string_append (out, "\nAligned sentences\n");
  for (guint k = 0; k < r->alignment->links->len; k++)
    {
      const PxAlignLink *l = &g_array_index (r->alignment->links, PxAlignLink, k);
      const PxAlignSentence *a = &g_array_index (r->alignment->sentences[l->a_doc], PxAlignSentence, l->a_sentence);
      const PxAlignSentence *b = &g_array_index (r->alignment->sentences[l->b_doc], PxAlignSentence, l->b_sentence);
      g_autofree char *ta = excerpt (article (in, l->a_doc), a->start, a->end, 90);
      g_autofree char *tb = excerpt (article (in, l->b_doc), b->start, b->end, 90);

      g_string_append_printf (out, "  [%u] ↔ [%u]  %.2f %s\n      %s\n      %s\n", l->a_doc + 1, l->b_doc + 1,
                              l->score, px_align_status_to_string (l->status), ta, tb);
    }
  g_string_append (out, "\nSentences no other article has\n");
  for (guint d = 0; d < r->n_articles; d++)
    for (guint i = 0; i < r->alignment->sentences[d]->len; i++)
      {
        const PxAlignSentence *s = &g_array_index (r->alignment->sentences[d], PxAlignSentence, i);
        g_autofree char *t = NULL;

        if (s->status != PX_ALIGN_UNIQUE)
          continue;
        t = excerpt (article (in, d), s->start, s->end, 110);
        g_string_append_printf (out, "  [%u] %s\n", d + 1, t);
      }
}

/* printf pads by bytes; names are padded by characters so that "Hélène"
 * lines up with "Helene". */
static void
append_padded (GString *out, const char *text, glong width)
{
  glong n = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (; n < width; n++)
    g_string_append_c (out, ' ');
}

static void
report_coverage (GString *out, const PxCompareResult *r)
{
  g_string_append (out, "\nEntities (mentions per article; – where nobody annotated the article)\n");
  for (guint i = 0; i < r->coverage->rows->len; i++)
    {
      const PxCoverageRow *row = &g_array_index (r->coverage->rows, PxCoverageRow, i);

      g_string_append (out, "  ");
      append_padded (out, row->name, 28);
      g_string_append_c (out, ' ');
      append_padded (out, row->label ? row->label : "", 5);
      for (guint a = 0; a < r->n_articles; a++)
        if ((r->coverage->annotated >> a) & 1)
          g_string_append_printf (out, " %4u", row->counts[a]);
        else
          g_string_append (out, "    –");
      g_string_append_printf (out, "   %s\n", px_coverage_class_to_string (row->klass));
    }
}

static void
report_grid (GString *out, const PxCompareResult *r)
{
  g_string_append (out, "\nEvents (role: value per article)\n");
  for (guint e = 0; e < r->grid->events->len; e++)
    {
      const PxEventGridEvent *ge = g_ptr_array_index (r->grid->events, e);

      g_string_append_printf (out, "  %s (story event %" G_GINT64_FORMAT "%s)\n", ge->type,
                              ge->story_event_id, ge->suggested ? ", suggested" : "");
      for (guint k = 0; k < ge->rows->len; k++)
        {
          const PxEventGridRow *row = ge->rows->pdata[k];

          g_string_append_printf (out, "    %-12s", row->role);
          for (guint a = 0; a < r->n_articles; a++)
            g_string_append_printf (out, " [%u] %s%s", a + 1, row->values[a] ? row->values[a] : "—",
                                    a + 1 < r->n_articles ? " |" : "");
          if (row->compared && row->verdict != PX_VALUE_SAME)
            g_string_append_printf (out, "   %s%s: %s\n", row->conflict ? "CONFLICT" : "",
                                    row->conflict ? "" : px_value_verdict_to_string (row->verdict),
                                    row->reason ? row->reason : "");
          else
            g_string_append (out, "\n");
        }
    }
  for (guint i = 0; i < r->grid->suggestions->len; i++)
    {
      const PxEventLinkSuggestion *s = &g_array_index (r->grid->suggestions, PxEventLinkSuggestion, i);

      g_string_append_printf (out, "  suggested link: event %" G_GINT64_FORMAT " [%u] = event %"
                              G_GINT64_FORMAT " [%u] (%.2f: %s)\n", s->a_event_id, s->a_article + 1,
                              s->b_event_id, s->b_article + 1, s->score, s->reason);
    }
}

static void
report_quotes (GString *out, const PxCompareResult *r)
{
  g_string_append (out, "\nQuotes\n");
  for (guint i = 0; i < r->quotes->quotes->len; i++)
    {
      const PxQuote *q = &g_array_index (r->quotes->quotes, PxQuote, i);
      guint n = px_quote_set_group_articles (r->quotes, q->group);

      g_string_append_printf (out, "  #%u [%u] %s%s%s — %s%s\n", q->group + 1, q->article + 1,
                              q->marked ? "«" : "(unmarked) ", q->text, q->marked ? "»" : "",
                              q->speaker ? q->speaker : "speaker unknown",
                              n == 1 ? "  (only here)" : "");
    }
}

static void
report_summary (GString *out, const PxCompareInput *in, const PxCompareResult *r)
{
  g_string_append (out, "\nSummary\n");
  for (guint a = 0; a < r->n_articles; a++)
    {
      const PxCompareSummary *s = &r->summary[a];

      g_string_append_printf (out, "  [%u] sentences: %u (%u shared, %u partial, %u unique); "
                              "conflicting roles: %u; entities left out: %u; covered by",
                              a + 1, s->n_sentences, s->n_shared, s->n_partial, s->n_unique,
                              s->n_conflicts, s->n_missing_entities);
      for (guint o = 0; o < r->n_articles; o++)
        if (o != a)
          g_string_append_printf (out, " [%u] %.0f%%", o + 1, 100 * s->covered_by[o]);
      g_string_append_c (out, '\n');
    }
}

static GString *
make_report (const PxCompareInput *in, const PxCompareResult *r)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "Comparing %u articles\n", r->n_articles);
  for (guint a = 0; a < r->n_articles; a++)
    {
      g_string_append_printf (out, "  [%u] article %" G_GINT64_FORMAT ": %s (%s, %s)\n", a + 1,
                              article (in, a)->id, article (in, a)->title ? article (in, a)->title : "untitled",
                              article (in, a)->source ? article (in, a)->source : "unknown outlet",
                              article (in, a)->published ? article (in, a)->published : "undated");
      /* Relative dates were read against a date the text gave. */
      if (article (in, a)->reference_inferred)
        g_string_append_printf (out, "      publication date taken as %s, %s\n", article (in, a)->reference,
                                article (in, a)->reference_note);
    }
  report_alignment (out, in, r);
  report_coverage (out, r);
  report_grid (out, r);
  report_quotes (out, r);
  report_summary (out, in, r);
  return out;
}

/* The report on stdout, or as DIR/report.txt with --out. */
static gboolean
write_report (const PxCompareInput *in, const PxCompareResult *r, const char *dir, GError **error)
{
  g_autoptr(GString) report = make_report (in, r);
  g_autofree char *path = NULL;
  g_autoptr(GError) local = NULL;

  if (dir == NULL)
    {
      /* Titles and sentences come from the articles: escaped for the terminal. */
      g_autofree char *safe = px_cli_escape (report->str, TRUE);

      fputs (safe, stdout);
      return TRUE;
    }
  path = g_build_filename (dir, "report.txt", NULL);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s: cannot create the folder: %s", dir, g_strerror (errno));
      return FALSE;
    }
  if (!g_file_set_contents (path, report->str, report->len, &local))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

int
px_cli_cmd_compare (const char *db_path, int argc, char **argv)
{
  Options o = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(PxCompareInput) in = NULL;
  g_autoptr(PxCompareResult) r = NULL;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
      {
        g_print (USAGE
                 "Aligns the articles' sentences and compares their entities, events and quotes.\n"
                 "  --format text  a readable report (the default)\n"
                 "  --format csv   alignment.csv, coverage.csv, event_grid.csv and quotes.csv in DIR\n"
                 "  --out DIR      where the files go (the text report becomes DIR/report.txt)\n"
                 "  --raw          keep formula-like CSV cells as they are\n"
                 "  --bom          start each CSV file with a byte order mark, for Excel\n");
        return 0;
      }
  if (!parse_options (argc, argv, &o))
    {
      g_printerr (USAGE);
      return PX_CLI_EXIT_USAGE;
    }
  store = px_store_open (db_path, PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_NO_CREATE, &error);
  if (store)
    in = px_compare_input_load (store, o.ids, o.n_ids, &error);
  if (in == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("compare: %s", error->message);

      px_cli_print_error (msg);
      return g_error_matches (error, PX_ERROR, PX_ERROR_INVALID) ? PX_CLI_EXIT_USAGE : PX_CLI_EXIT_FAILED;
    }
  r = px_compare_run (in);
  if (g_str_equal (o.format, "text") ? !write_report (in, r, o.out, &error)
                                      : !px_compare_export_csv_with_flags (in, r, o.out ? o.out : ".", o.csv_flags, &error))
    {
      g_autofree char *msg = g_strdup_printf ("compare: %s", error->message);

      px_cli_print_error (msg);
      return PX_CLI_EXIT_FAILED;
    }
  return PX_CLI_EXIT_OK;
}
