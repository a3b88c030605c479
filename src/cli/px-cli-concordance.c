/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-cli-concordance.c: `parallax-cli concordance`, keyword in context. */
#include <stdio.h>
#include <string.h>

#include <gio/gunixoutputstream.h>

#include "px-cli.h"
#include "px-concordance.h"
#include "px-core.h"
#include "px-csv.h"

/* @text padded on the left to @width code points (KWIC's right-aligned
 * left context). */
static char *
pad_left (const char *text,
          guint       width)
{
  glong n = g_utf8_strlen (text, -1);

  return n >= (glong) width ? g_strdup (text)
                            : g_strconcat (g_strnfill (width - n, ' '), text, NULL);
}

static void
print_lines (GPtrArray *lines,
             guint      width)
{
  for (guint i = 0; i < lines->len; i++)
    {
      PxConcordanceLine *l = lines->pdata[i];
      g_autofree char *left = px_cli_escape (l->left, FALSE);
      g_autofree char *match = px_cli_escape (l->match, FALSE);
      g_autofree char *right = px_cli_escape (l->right, FALSE);
      g_autofree char *padded = pad_left (left, width);

      g_print ("%6" G_GINT64_FORMAT ":%-7" G_GSIZE_FORMAT " %s [%s] %s\n",
               l->article_id, l->start, padded, match, right);
    }
}

static gboolean
write_csv (GPtrArray   *lines,
           const char  *out,
           gboolean     raw,
           GError     **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *tmp = NULL;

  if (out == NULL)
    {
      stream = g_unix_output_stream_new (1, FALSE);
      return px_concordance_write_csv (lines, stream, raw ? PX_CSV_WRITER_RAW : 0, error);
    }
  /* Written beside the target and renamed into place once complete. */
  file = g_file_new_for_commandline_arg (out);
  stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                            NULL, error));
  if (stream == NULL)
    return FALSE;
  if (!px_concordance_write_csv (lines, stream, raw ? PX_CSV_WRITER_RAW : 0, error))
    {
      g_output_stream_close (stream, NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (stream, NULL, error);
}

int
px_cli_cmd_concordance (const char *db, int argc, char **argv)
{
  gint64 entity = 0;
  g_autofree char *label_name = NULL, *sort_name = NULL, *format = NULL, *out = NULL;
  int width = 40;
  gboolean raw = FALSE;
  GOptionEntry entries[] = {
    { "entity", 'e', 0, G_OPTION_ARG_INT64, &entity, "Every mention of this entity", "ENTITY_ID" },
    { "label", 'l', 0, G_OPTION_ARG_STRING, &label_name, "Every annotation of this label", "LABEL" },
    { "sort", 's', 0, G_OPTION_ARG_STRING, &sort_name, "text (the default), left, right, outlet or date", "KEY" },
    { "width", 'w', 0, G_OPTION_ARG_INT, &width, "Characters of context on each side (40)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "text (the default) or csv", "FORMAT" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write the CSV to FILE", "FILE" },
    { "raw", 0, 0, G_OPTION_ARG_NONE, &raw, "Keep formula-like CSV cells as they are", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *term = NULL;
  PxConcordanceSort sort = PX_CONCORDANCE_SORT_TEXT;
  gboolean csv;
  int given;
  int rc = px_cli_parse_options ("concordance", "(--entity ID | --label LABEL | TERM…)",
                                 "Every mention of an entity or label, or every occurrence of a "
                                 "search term (word prefixes, accents and case ignored), with its "
                                 "left and right context.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  given = (entity != 0) + (label_name != NULL) + (argc > 1);
  if (given != 1)
    return px_cli_usage_error ("concordance: give one of --entity ID, --label LABEL or a TERM");
  if (sort_name != NULL && !px_concordance_sort_from_string (sort_name, &sort))
    return px_cli_usage_error ("concordance: --sort is text, left, right, outlet or date");
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv"))
    return px_cli_usage_error ("concordance: --format is text or csv");
  if (width < 1 || width > 1000)
    return px_cli_usage_error ("concordance: --width is between 1 and 1000");
  if (out != NULL && *out == '\0')
    return px_cli_usage_error ("concordance: --out needs a file name");
  csv = (format != NULL && g_str_equal (format, "csv")) || out != NULL;
  store = px_cli_open_store (db, PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    return px_cli_fail (error);
  if (entity != 0)
    lines = px_concordance_entity (store, entity, (guint) width, &error);
  else if (label_name != NULL)
    {
      g_autoptr(PxLabel) label = px_cli_need_label (store, "concordance", label_name);

      if (label == NULL)
        return PX_CLI_EXIT_FAILED;
      lines = px_concordance_label (store, px_label_get_id (label), (guint) width, &error);
    }
  else
    {
      term = g_strjoinv (" ", argv + 1);
      lines = px_concordance_term (store, term, (guint) width, &error);
    }
  if (lines == NULL)
    return px_cli_fail (error);
  px_concordance_sort (lines, sort);
  if (csv)
    return write_csv (lines, out, raw, &error) ? PX_CLI_EXIT_OK : px_cli_fail (error);
  print_lines (lines, (guint) width);
  g_printerr ("%u line%s\n", lines->len, lines->len == 1 ? "" : "s");
  return PX_CLI_EXIT_OK;
}
