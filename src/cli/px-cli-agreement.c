/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-cli-agreement.c: `parallax-cli agreement`, intercoder agreement with
 * its method stated. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gio/gunixoutputstream.h>

#include "px-agreement.h"
#include "px-cli.h"
#include "px-core.h"

static const char method_text[] =
  "Method: span F1 pairs each span of one coder with at most one span of the\n"
  "other with the same label, exactly (same start and end) or by overlap;\n"
  "Cohen's kappa and Krippendorff's alpha (nominal) are computed on word\n"
  "units, each word taking the label of the outermost span covering it, or\n"
  "none. Alpha is alpha on word units, not the unitized alpha (αu); a coder\n"
  "with no annotation in an article is missing there, not 'none'.\n";

static void
print_value (double value)
{
  if (isnan (value))
    g_print ("%8s", "n/a");
  else
    g_print ("%8.3f", value);
}

static void
print_text (GPtrArray *rows)
{
  g_print ("%s\n", method_text);
  for (guint i = 0; i < rows->len; i++)
    {
      PxAgreementRow *r = rows->pdata[i];
      g_autofree char *a = px_cli_escape (r->coder_a != NULL ? r->coder_a : "all coders", FALSE);
      g_autofree char *b = px_cli_escape (r->coder_b != NULL ? r->coder_b : "", FALSE);
      g_autofree char *label = px_cli_escape (r->label != NULL ? r->label : "(all labels)", FALSE);

      g_print ("%-16s %-16s %-14s %-28s", a, b, label, r->measure);
      print_value (r->value);
      g_print ("  n=%u\n", r->n);
    }
}

int
px_cli_cmd_agreement (const char *db, int argc, char **argv)
{
  g_autofree char *coders = NULL, *format = NULL, *out = NULL;
  GOptionEntry entries[] = {
    { "coders", 'c', 0, G_OPTION_ARG_STRING, &coders, "Only these coders, comma-separated (default: every one)", "A,B…" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "text (the default) or csv", "FORMAT" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write agreement.csv into DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) names = NULL;
  int rc = px_cli_parse_options ("agreement", "",
                                 "Intercoder agreement over the accepted annotations: span F1 "
                                 "(exact and overlapping) and Cohen's kappa per pair of coders, "
                                 "Krippendorff's alpha across them, overall and per label.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 1)
    return px_cli_usage_error ("agreement: unexpected argument");
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv"))
    return px_cli_usage_error ("agreement: --format is text or csv");
  if (out != NULL && *out == '\0')
    return px_cli_usage_error ("agreement: --out needs a folder");
  if (coders != NULL)
    {
      names = g_strsplit (coders, ",", -1);
      for (guint i = 0; names[i] != NULL; i++)
        g_strstrip (names[i]);
      if (g_strv_length (names) < 2)
        return px_cli_usage_error ("agreement: --coders needs at least two names");
    }
  store = px_cli_open_store (db, PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    return px_cli_fail (error);
  rows = px_agreement_compute (store, (const char * const *) names, &error);
  if (rows == NULL)
    return px_cli_fail (error);
  if (out != NULL)
    {
      g_autofree char *path = g_build_filename (out, "agreement.csv", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileOutputStream) stream = NULL;

      if (g_mkdir_with_parents (out, 0755) != 0)
        {
          g_autofree char *safe = px_cli_escape (out, FALSE);
          g_printerr ("parallax-cli: agreement: cannot create the folder %s\n", safe);
          return PX_CLI_EXIT_FAILED;
        }
      stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);
      if (stream == NULL
          || !px_agreement_write_csv (rows, G_OUTPUT_STREAM (stream), &error)
          || !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
        return px_cli_fail (error);
      return PX_CLI_EXIT_OK;
    }
  if (format != NULL && g_str_equal (format, "csv"))
    {
      g_autoptr(GOutputStream) stream = g_unix_output_stream_new (1, FALSE);
      return px_agreement_write_csv (rows, stream, &error) ? PX_CLI_EXIT_OK : px_cli_fail (error);
    }
  print_text (rows);
  return PX_CLI_EXIT_OK;
}
