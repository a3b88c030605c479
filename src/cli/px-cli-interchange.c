/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-cli-interchange.c: import --format brat|jsonl|csv, and
 * export brat|jsonl|conll. */
#include <stdio.h>
#include <string.h>

#include "px-cli.h"
#include "px-core.h"
#include "px-brat.h"
#include "px-conll.h"
#include "px-csv-import.h"
#include "px-interchange-store.h"
#include "px-jsonl.h"

static PxStore *
open_store (const char *db_path, gboolean write)
{
  g_autoptr(GError) error = NULL;
  /* Exporting never writes to the corpus, and from a corpus that does not
   * exist is an error rather than a new empty one. */
  g_autoptr(PxStore) store = px_store_open (db_path,
                                            write ? PX_STORE_OPEN_DEFAULT
                                                  : PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_NO_CREATE,
                                            &error);

  if (store == NULL)
    {
      px_cli_print_error (error->message);
      return NULL;
    }
  if (write && px_store_is_read_only (store))
    {
      g_autofree char *msg = g_strdup_printf ("%s: the corpus is read-only; nothing was imported",
                                              px_store_get_path (store));

      px_cli_print_error (msg);
      return NULL;
    }
  return g_steal_pointer (&store);
}

/* Parses a copy: the parser drops the options it consumed from the array,
 * which would leak them from the caller's own string vector. */
static gboolean
parse_options (GOptionContext *context, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) copy = g_new0 (char *, argc + 1);

  for (int i = 0; i < argc; i++)
    copy[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &copy, &error))
    {
      g_autofree char *msg = g_strdup_printf ("%s (see --help)", error->message);

      px_cli_print_error (msg);
      return FALSE;
    }
  return TRUE;
}

static int
print_report (const char *format, PxIxReport *report, gboolean rows)
{
  const char *unit = rows ? (report->n_imported == 1 ? "annotation" : "annotations")
                          : (report->n_imported == 1 ? "article" : "articles");

  for (guint i = 0; i < report->messages->len; i++)
    {
      g_autofree char *safe = px_cli_escape (report->messages->pdata[i], FALSE);

      g_printerr ("%s\n", safe);
    }
  g_print ("%s: %u %s imported, %u already there, %u failed\n", format,
           report->n_imported, unit, report->n_duplicates, report->n_failed);
  return report->n_failed > 0 ? PX_CLI_EXIT_FAILED : PX_CLI_EXIT_OK;
}

int
px_cli_interchange_import (const char *db_path, const char *format, int argc, char **argv)
{
  g_autofree char *format_opt = NULL;
  g_autofree char *story = NULL;
  gint64 max_bytes = 0;
  g_auto(GStrv) paths = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_opt, "brat, jsonl or csv", "FORMAT" },
    { "story", 0, 0, G_OPTION_ARG_STRING, &story, "Put every article into this story", "NAME" },
    { "max-bytes", 0, 0, G_OPTION_ARG_INT64, &max_bytes, "Refuse files bigger than this", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "PATH…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("--format brat|jsonl|csv PATH… — import annotated documents");
  g_autoptr(PxStore) store = NULL;
  g_autoptr(PxIxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_option_context_set_summary (context,
    "brat: folders or DOC.txt/DOC.ann pairs (annotation.conf goes into the label schema).\n"
    "jsonl: doccano JSON Lines, one article per line.\n"
    "csv: annotations.csv written by 'export csv' (articles.csv beside it helps matching).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse_options (context, argc, argv))
    return PX_CLI_EXIT_USAGE;
  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("parallax-cli: import: no PATH given (see --help)\n");
      return PX_CLI_EXIT_USAGE;
    }
  if (max_bytes < 0)
    {
      g_printerr ("parallax-cli: import: --max-bytes must be positive\n");
      return PX_CLI_EXIT_USAGE;
    }
  if (!g_str_equal (format, "brat") && !g_str_equal (format, "jsonl") && !g_str_equal (format, "csv"))
    {
      g_autofree char *msg = g_strdup_printf ("import: unknown format '%s' (want txt, brat, jsonl or csv)", format);

      px_cli_print_error (msg);
      return PX_CLI_EXIT_USAGE;
    }
  if ((store = open_store (db_path, TRUE)) == NULL)
    return PX_CLI_EXIT_FAILED;
  report = px_ix_report_new ();
  if (g_str_equal (format, "brat"))
    {
      PxBratImportOptions options = { max_bytes, story };

      ok = px_brat_import_paths_into (store, (const char * const *) paths, &options, report, &error);
    }
  else if (g_str_equal (format, "jsonl"))
    {
      PxJsonlImportOptions options = { max_bytes, story };

      ok = px_jsonl_import_paths_into (store, (const char * const *) paths, &options, report, &error);
    }
  else
    {
      PxCsvImportOptions options = { max_bytes };

      ok = px_csv_import_paths_into (store, (const char * const *) paths, &options, report, &error);
    }
  if (!ok)
    {
      /* What was imported before the store failed is saved: say so. */
      print_report (format, report, g_str_equal (format, "csv"));
      px_cli_print_error (error->message);
      return PX_CLI_EXIT_FAILED;
    }
  return print_report (format, report, g_str_equal (format, "csv"));
}

int
px_cli_interchange_export (const char *db_path, const char *format, int argc, char **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *form = NULL;
  g_autofree char *written = NULL;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Folder to write into (created if needed)", "DIR" },
    { "form", 0, 0, G_OPTION_ARG_STRING, &form, "jsonl: 'label' (default) or 'relation'", "FORM" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("brat|jsonl|conll --out DIR — export the corpus");
  guint n = 0;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context,
    "brat: DOC.txt + DOC.ann per article, and annotation.conf.\n"
    "jsonl: DIR/corpus.jsonl in doccano's shape.\n"
    "conll: DIR/corpus.conll, CoNLL-2003 BIO tags on ICU tokens.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse_options (context, argc, argv))
    return PX_CLI_EXIT_USAGE;
  if (!g_str_equal (format, "brat") && !g_str_equal (format, "jsonl") && !g_str_equal (format, "conll"))
    {
      g_printerr ("parallax-cli: export: unknown format '%s' (want csv, brat, jsonl or conll)\n", format);
      return PX_CLI_EXIT_USAGE;
    }
  if (out == NULL)
    {
      g_printerr ("parallax-cli: export %s: --out DIR is required\n", format);
      return PX_CLI_EXIT_USAGE;
    }
  if (*out == '\0')
    {
      g_printerr ("parallax-cli: export %s: --out is empty: give the folder to write into "
                  "(is a shell variable unset?)\n", format);
      return PX_CLI_EXIT_USAGE;
    }
  if (form != NULL && !g_str_equal (form, "label") && !g_str_equal (form, "relation"))
    {
      g_printerr ("parallax-cli: export: --form is 'label' or 'relation'\n");
      return PX_CLI_EXIT_USAGE;
    }
  if ((store = open_store (db_path, FALSE)) == NULL)
    return PX_CLI_EXIT_FAILED;
  format_name = g_str_equal (format, "jsonl") && g_strcmp0 (form, "relation") == 0
                ? g_strdup ("jsonl-relation") : g_strdup (format);
  if (!px_export_to_dir (store, format_name, out, PX_EXPORT_DEFAULT, &n, NULL, &error))
    {
      px_cli_print_error (error->message);
      return PX_CLI_EXIT_FAILED;
    }
  /* n is what the files hold, not what the corpus holds. */
  written = px_export_format_filename (format) != NULL
            ? g_build_filename (out, px_export_format_filename (format), NULL) : g_strdup (out);
  {
    g_autofree char *safe = px_cli_escape (written, FALSE);

    g_print ("%s: %u article%s written to %s\n", format, n, n == 1 ? "" : "s", safe);
  }
  return PX_CLI_EXIT_OK;
}
