/* SPDX-License-Identifier: GPL-3.0-or-later */
/* parallax-cli: the core library for scripts, batch work and tests.
 *
 *   parallax-cli [--db FILE] COMMAND [ARGS…]
 *
 * Exit codes: 0 success, 1 the work failed, 2 a usage error. Errors are one
 * line on stderr. */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "px-cli.h"
#include <gio/gunixoutputstream.h>

#include "px-core.h"

static const char usage_text[] =
  "Usage: parallax-cli [--db FILE] [--coder NAME] COMMAND [ARGS…]\n"
  "\n"
  "Commands:\n"
  "  init                          create the corpus file (with the default labels)\n"
  "  import [--story NAME] [--format txt|brat|jsonl|csv] [--max-bytes N] PATH…\n"
  "                                import files and folders\n"
  "  list articles|stories|labels|entities [--format table|csv]\n"
  "  show ARTICLE_ID               metadata, text and annotations of an article\n"
  "  annotate ARTICLE_ID START END LABEL [--entity NAME] [--note TEXT] [--value VALUE]\n"
  "                                tag a span (code points, end exclusive); prints its id\n"
  "  delete ANNOTATION_ID          delete an annotation (and the event it triggers)\n"
  "  relabel ANNOTATION_ID LABEL   give an annotation another label\n"
  "  link ANNOTATION_ID (ENTITY_ID|--new NAME|--none)\n"
  "                                link an entity mention to an entity\n"
  "  value ANNOTATION_ID VALUE     set the value of a DATE, NUM or QUOTE mention\n"
  "  event add TRIGGER_ANNOTATION_ID TYPE [--arg ROLE=ANNOTATION_ID]…\n"
  "  event delete EVENT_ID\n"
  "  article set ARTICLE_ID [--title T] [--source S] [--published DATE] [--url U] [--story NAME]\n"
  "              [--status new|in-progress|done]\n"
  "                                correct an article's metadata\n"
  "  label list|add|rename|set|delete|role|import|export …\n"
  "                                edit the codebook (see 'label --help')\n"
  "  concordance (--entity ID | --label LABEL | TERM…) [--sort text|left|right|outlet|date]\n"
  "              [--width N] [--format text|csv] [--out FILE]\n"
  "                                keyword in context across the corpus\n"
  "  merge OTHER.db…               bring other coders' corpus files in (one undoable step each)\n"
  "  agreement [--coders A,B…] [--format text|csv] [--out DIR]\n"
  "                                intercoder agreement: span F1, Cohen's kappa, Krippendorff's alpha\n"
  "  export [csv|brat|jsonl|conll] --out DIR [--raw] [--bom] [--form label|relation]\n"
  "                                csv (the default), brat standoff, doccano JSONL, CoNLL-2003\n"
  "  compare ARTICLE_ID ARTICLE_ID… [--format text|csv] [--out DIR] [--raw] [--bom]\n"
  "  stats                         counts and file size\n"
  "\n"
  "The corpus is --db FILE, else $PARALLAX_DB, else ~/.local/share/parallax/corpus.db.\n"
  "Edits are recorded as --coder NAME's, else $PARALLAX_CODER's, else the user's.\n"
  "Label names are matched without regard to case. Every edit is one transaction.\n"
  "Run 'parallax-cli COMMAND --help' for a command's options; --version prints the version.\n";

char *
px_cli_escape (const char *s,
               gboolean    keep_newlines)
{
  GString *out = g_string_new (NULL);
  const char *p = s != NULL ? s : "";
  const char *end = p + strlen (p);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if ((c < 0x20 && c != '\t' && !(keep_newlines && c == '\n')) || c == 0x7f)
        g_string_append_printf (out, "\\x%02X", c);
      else if (c >= 0x80 && c <= 0x9f)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

void
px_cli_print_error (const char *message)
{
  g_autofree char *safe = px_cli_escape (message, FALSE);

  g_printerr ("parallax-cli: %s\n", safe);
}

static int
fail (GError *error)
{
  px_cli_print_error (error->message);
  return PX_CLI_EXIT_FAILED;
}

/* g_print() with every argument escaped by the caller: see px_cli_escape(). */
static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *safe = px_cli_escape (value != NULL ? value : "", FALSE);

  g_print ("%s%s\n", label, safe);
}

static int
usage_error (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *fmt, ...)
{
  va_list ap;
  g_autofree char *msg = NULL;

  g_autofree char *safe = NULL;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  safe = px_cli_escape (msg, FALSE);
  g_printerr ("parallax-cli: %s (see --help)\n", safe);
  return PX_CLI_EXIT_USAGE;
}

/* Parses a command's options; returns -1 to go on, else an exit code. */
static int
parse_options (const char    *command,
               const char    *params,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (params);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("parallax-cli %s", command);

  g_set_prgname (name);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error ("%s: %s", command, error->message);
  return -1;
}

/* Commands that only read: they never write to the file, not even to
 * upgrade it or switch it to WAL, and a missing file is an error. */
#define READ_ONLY_OPEN (PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_NO_CREATE)

/* Who is coding (--coder, else $PARALLAX_CODER): recorded on every
 * annotation, event and entity link a command makes. NULL: the store's
 * default (the user's name). */
static const char *cli_coder;

static PxStore *
open_store (const char *db, PxStoreOpenFlags flags, GError **error)
{
  PxStore *store = px_store_open (db, flags, error);

  if (store != NULL && cli_coder != NULL)
    px_store_set_annotator (store, cli_coder);
  return store;
}

/* The corpus path every command gets: --db, else $PARALLAX_DB, else the
 * default. An empty one is most often an unset shell variable, and SQLite
 * would take it (and ':memory:') for a database that vanishes on exit: the
 * work would report success and save nothing. */
static char *
corpus_path (const char *db, GError **error)
{
  const char *env = g_getenv ("PARALLAX_DB");

  if (db != NULL && *db == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "--db is empty: give the corpus file's path (is a shell variable unset?)");
      return NULL;
    }
  if (db == NULL && env != NULL && *env == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "PARALLAX_DB is set but empty: give the corpus file's path, or unset it");
      return NULL;
    }
  return db != NULL ? g_strdup (db) : px_store_default_path ();
}

static gboolean
parse_id (const char *s, gint64 *out)
{
  char *end = NULL;
  gint64 v;

  if (s == NULL || *s == '\0')
    return FALSE;
  v = g_ascii_strtoll (s, &end, 10);
  if (*end != '\0' || v < 0)
    return FALSE;
  *out = v;
  return TRUE;
}

/* ---- init, stats ------------------------------------------------------ */

static int
cmd_init (const char *db, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  int rc = parse_options ("init", "", "Create the corpus file, seeded with the default labels.",
                          entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc > 1)
    return usage_error ("init: unexpected argument '%s'", argv[1]);
  store = open_store (db, PX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fail (error);
  print_field ("", px_store_get_path (store));
  return PX_CLI_EXIT_OK;
}

static int
cmd_stats (const char *db, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  PxStoreStats st = { 0 };
  int rc = parse_options ("stats", "", "Counts of what the corpus holds.", entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  store = open_store (db, READ_ONLY_OPEN, &error);
  if (store == NULL || !px_store_get_stats (store, &st, &error))
    return fail (error);
  print_field ("corpus       ", px_store_get_path (store));
  g_print ("articles     %u\n", st.n_articles);
  g_print ("stories      %u\n", st.n_stories);
  g_print ("labels       %u\n", st.n_labels);
  g_print ("annotations  %u\n", st.n_annotations);
  g_print ("suggested    %u\n", st.n_suggested);
  g_print ("entities     %u\n", st.n_entities);
  g_print ("events       %u\n", st.n_events);
  g_print ("file size    %" G_GINT64_FORMAT " bytes\n", st.file_size);
  return PX_CLI_EXIT_OK;
}

/* ---- import ----------------------------------------------------------- */

typedef struct
{
  gboolean tty;
  gboolean trace;
} ImportUi;

static void
on_progress (guint done, guint total, const char *path, gpointer user_data)
{
  ImportUi *ui = user_data;

  if (ui->tty)
    g_printerr ("\rImporting %u/%u…", done, total);
}

/* For the crash test: which articles a kill must not lose. After each
 * line it waits for a line on stdin (or its end), so that however slowly
 * the test reads (under valgrind, say) the import never runs more than a
 * batch ahead of it. */
static void
on_committed (guint n_committed, gpointer user_data)
{
  ImportUi *ui = user_data;
  char ack[8];

  if (ui->trace)
    {
      g_print ("committed %u\n", n_committed);
      fflush (stdout);
      if (fgets (ack, sizeof ack, stdin) == NULL)
        clearerr (stdin);
    }
}

/* Hands the paths to the format's own command, with --story given back
 * since this parser has consumed it. */
static int
import_other_format (const char *db,
                     const char *format,
                     const char *story,
                     gint64      max_bytes,
                     int         argc,
                     char      **argv)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;

  g_strv_builder_add (b, "import");
  if (story != NULL)
    {
      g_strv_builder_add (b, "--story");
      g_strv_builder_add (b, story);
    }
  if (max_bytes > 0)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, max_bytes);

      g_strv_builder_add (b, "--max-bytes");
      g_strv_builder_add (b, n);
    }
  for (int i = 1; i < argc; i++)
    g_strv_builder_add (b, argv[i]);
  args = g_strv_builder_end (b);
  return px_cli_interchange_import (db, format, (int) g_strv_length (args), args);
}

static int
cmd_import (const char *db, int argc, char **argv)
{
  g_autofree char *story = NULL;
  g_autofree char *format = NULL;
  gint64 max_bytes = 0;
  ImportUi ui = { isatty (STDERR_FILENO), FALSE };
  GOptionEntry entries[] = {
    { "story", 's', 0, G_OPTION_ARG_STRING, &story, "Put the articles into this story", "NAME" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "txt (default), brat, jsonl or csv", "FORMAT" },
    { "max-bytes", 0, 0, G_OPTION_ARG_INT64, &max_bytes, "Refuse files bigger than this many bytes", "N" },
    { "trace-commits", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &ui.trace,
      "Print “committed N” as each batch commits, then wait for a line on stdin", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(PxImportReport) report = NULL;
  PxImportOptions options = { 0 };
  int rc = parse_options ("import", "PATH…", "Import plain-text articles (files and folders).",
                          entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (format != NULL && !g_str_equal (format, "txt"))
    {
      if (!g_str_equal (format, "brat") && !g_str_equal (format, "jsonl") && !g_str_equal (format, "csv"))
        return usage_error ("import: unknown format '%s' (txt, brat, jsonl or csv)", format);
      return import_other_format (db, format, story, max_bytes, argc, argv);
    }
  if (max_bytes < 0)
    return usage_error ("import: --max-bytes must be positive");
  if (argc < 2)
    return usage_error ("import: no file or folder given");
  store = open_store (db, PX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fail (error);
  options.story = story;
  options.max_bytes = max_bytes;
  report = px_import_paths_full (store, (const char * const *) argv + 1, &options,
                                 on_progress, on_committed, &ui, NULL, &error);
  if (ui.tty)
    g_printerr ("\r\033[K");
  if (report == NULL)
    return fail (error);
  for (guint i = 0; i < report->results->len; i++)
    {
      PxImportResult *r = g_ptr_array_index (report->results, i);

      g_autofree char *safe = px_cli_escape (r->message, FALSE);

      if (r->outcome == PX_IMPORT_FAILED)
        g_printerr ("parallax-cli: %s\n", safe);
      else if (r->outcome == PX_IMPORT_DUPLICATE)
        g_printerr ("%s\n", safe);
    }
  g_print ("Imported %u article%s, %u duplicate%s skipped, %u failed\n",
           report->n_imported, report->n_imported == 1 ? "" : "s",
           report->n_duplicates, report->n_duplicates == 1 ? "" : "s",
           report->n_failed);
  return report->n_failed > 0 ? PX_CLI_EXIT_FAILED : PX_CLI_EXIT_OK;
}

/* ---- list ------------------------------------------------------------- */

typedef struct
{
  gboolean     csv;
  PxCsvWriter *writer;
  GPtrArray   *rows;    /* table format: GStrv per row, printed at the end */
} Table;

#define TABLE_CELL_MAX 48

/* One line per row, and long titles cut, so that columns line up. */
static char *
table_cell (const char *cell)
{
  g_autofree char *raw = g_strdelimit (g_strdup (cell != NULL ? cell : ""), "\t\r\n", ' ');
  g_autofree char *flat = px_cli_escape (raw, FALSE);

  if (g_utf8_strlen (flat, -1) > TABLE_CELL_MAX)
    {
      g_autofree char *head = g_utf8_substring (flat, 0, TABLE_CELL_MAX - 1);
      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&flat);
}

static void
table_row (Table *t, const char * const *cells, guint n)
{
  GStrv row;

  if (t->csv)
    {
      px_csv_writer_write_row (t->writer, cells, NULL, n, NULL);
      return;
    }
  row = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    row[i] = table_cell (cells[i]);
  g_ptr_array_add (t->rows, row);
}

static void
table_print (Table *t)
{
  g_autofree glong *widths = NULL;
  guint n;

  if (t->rows->len == 0)
    return;
  n = g_strv_length (t->rows->pdata[0]);
  widths = g_new0 (glong, n);
  for (guint r = 0; r < t->rows->len; r++)
    for (guint c = 0; c < n; c++)
      widths[c] = MAX (widths[c], g_utf8_strlen (((GStrv) t->rows->pdata[r])[c], -1));
  for (guint r = 0; r < t->rows->len; r++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      GStrv row = t->rows->pdata[r];

      for (guint c = 0; c < n; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < n)
            for (glong pad = g_utf8_strlen (row[c], -1); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
    }
}

static char *
fmt_int (gint64 v)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, v);
}

static void
list_articles (PxStore *store, Table *t)
{
  g_autoptr(GListModel) model = px_store_list_articles (store, -1);
  const char *head[] = { "id", "title", "source", "published", "story", "chars", "annotations" };

  table_row (t, head, G_N_ELEMENTS (head));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PxArticle) a = g_list_model_get_item (model, i);
      g_autofree char *id = fmt_int (px_article_get_id (a));
      g_autofree char *chars = fmt_int (px_article_get_n_chars (a));
      g_autofree char *n = fmt_int (px_article_get_n_annotations (a));
      const char *row[] = { id, px_article_get_title (a), px_article_get_source (a),
                            px_article_get_published (a), px_article_get_story_name (a), chars, n };
      table_row (t, row, G_N_ELEMENTS (row));
    }
}

static void
list_stories (PxStore *store, Table *t)
{
  g_autoptr(GListModel) model = px_store_list_stories (store);
  const char *head[] = { "id", "name", "articles" };

  table_row (t, head, G_N_ELEMENTS (head));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PxStory) s = g_list_model_get_item (model, i);
      g_autofree char *id = fmt_int (px_story_get_id (s));
      g_autofree char *n = fmt_int (px_story_get_n_articles (s));
      const char *row[] = { id, px_story_get_name (s), n };
      table_row (t, row, G_N_ELEMENTS (row));
    }
}

static void
list_labels (PxStore *store, Table *t)
{
  g_autoptr(GListModel) model = px_store_list_labels (store);
  const char *head[] = { "id", "name", "kind", "shortcut", "colour", "roles" };

  table_row (t, head, G_N_ELEMENTS (head));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PxLabel) l = g_list_model_get_item (model, i);
      g_autofree char *id = fmt_int (px_label_get_id (l));
      GPtrArray *roles = px_label_get_roles (l);
      g_autoptr(GString) r = g_string_new (NULL);
      const char *row[6];

      for (guint j = 0; j < roles->len; j++)
        {
          PxRole *role = g_ptr_array_index (roles, j);
          g_string_append_printf (r, "%s%s%s", j ? "," : "", role->name, role->repeatable ? "+" : "");
        }
      row[0] = id; row[1] = px_label_get_name (l);
      row[2] = px_label_kind_to_string (px_label_get_kind (l));
      row[3] = px_label_get_shortcut (l); row[4] = px_label_get_colour (l); row[5] = r->str;
      table_row (t, row, G_N_ELEMENTS (row));
    }
}

static void
list_entities (PxStore *store, Table *t)
{
  g_autoptr(GListModel) model = px_store_list_entities (store);
  const char *head[] = { "id", "name", "label", "mentions", "articles" };

  table_row (t, head, G_N_ELEMENTS (head));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PxEntity) e = g_list_model_get_item (model, i);
      g_autofree char *id = fmt_int (px_entity_get_id (e));
      g_autofree char *m = fmt_int (px_entity_get_n_mentions (e));
      g_autofree char *a = fmt_int (px_entity_get_n_articles (e));
      const char *row[] = { id, px_entity_get_name (e), px_entity_get_label_name (e), m, a };
      table_row (t, row, G_N_ELEMENTS (row));
    }
}

static int
cmd_list (const char *db, int argc, char **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "table (default) or csv", "FORMAT" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  Table t = { FALSE, NULL, rows };
  gboolean tty;
  int rc = parse_options ("list", "articles|stories|labels|entities", "List what the corpus holds.",
                          entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 2)
    return usage_error ("list: say what to list: articles, stories, labels or entities");
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv"))
    return usage_error ("list: unknown format '%s' (table or csv)", format);
  if (!g_str_equal (argv[1], "articles") && !g_str_equal (argv[1], "stories") &&
      !g_str_equal (argv[1], "labels") && !g_str_equal (argv[1], "entities"))
    return usage_error ("list: cannot list '%s'", argv[1]);
  store = open_store (db, READ_ONLY_OPEN, &error);
  if (store == NULL)
    return fail (error);
  t.csv = g_strcmp0 (format, "csv") == 0;
  /* CSV for a program goes out verbatim; on a terminal it is escaped like
   * every other output, so it is gathered first. */
  tty = isatty (STDOUT_FILENO);
  if (t.csv)
    {
      out = tty ? g_memory_output_stream_new_resizable ()
                : g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      t.writer = px_csv_writer_new (out, PX_CSV_WRITER_DEFAULT);
    }
  if (g_str_equal (argv[1], "articles"))
    list_articles (store, &t);
  else if (g_str_equal (argv[1], "stories"))
    list_stories (store, &t);
  else if (g_str_equal (argv[1], "labels"))
    list_labels (store, &t);
  else
    list_entities (store, &t);
  /* A damaged file must not list as an empty or shorter table. */
  if ((error = px_store_take_read_error (store)) != NULL)
    {
      if (t.writer != NULL)
        px_csv_writer_free (t.writer);
      return fail (error);
    }
  if (!t.csv)
    table_print (&t);
  if (t.writer != NULL)
    {
      gboolean ok = px_csv_writer_close (t.writer, &error);
      px_csv_writer_free (t.writer);
      if (!ok)
        return fail (error);
    }
  if (t.csv && tty)
    {
      GMemoryOutputStream *mem = G_MEMORY_OUTPUT_STREAM (out);
      g_autofree char *data = g_strndup (g_memory_output_stream_get_data (mem),
                                         g_memory_output_stream_get_data_size (mem));
      g_auto(GStrv) lines = g_strsplit (data, "\r\n", -1);
      g_autofree char *lf = g_strjoinv ("\n", lines);
      g_autofree char *safe = px_cli_escape (lf, TRUE);

      g_print ("%s", safe);
    }
  return PX_CLI_EXIT_OK;
}

/* ---- show, annotate --------------------------------------------------- */

static int
cmd_show (const char *db, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autoptr(PxArticle) a = NULL;
  g_autoptr(GListModel) anns = NULL;
  gint64 id;
  int rc = parse_options ("show", "ARTICLE_ID", "Metadata, text and annotations of an article.",
                          entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 2 || !parse_id (argv[1], &id))
    return usage_error ("show: give one article id");
  store = open_store (db, READ_ONLY_OPEN, &error);
  if (store == NULL || (a = px_store_get_article (store, id, &error)) == NULL)
    return fail (error);
  /* Everything is read before anything is printed: a read error then
   * prints no half of an article. */
  anns = px_store_list_annotations (store, id);
  if ((error = px_store_take_read_error (store)) != NULL)
    return fail (error);
  g_print ("id:        %" G_GINT64_FORMAT "\n", px_article_get_id (a));
  print_field ("title:     ", px_article_get_title (a));
  print_field ("source:    ", px_article_get_source (a));
  print_field ("published: ", px_article_get_published (a));
  print_field ("url:       ", px_article_get_url (a));
  print_field ("language:  ", px_article_get_language (a));
  print_field ("story:     ", px_article_get_story_name (a));
  g_print ("chars:     %u\n", px_article_get_n_chars (a));
  print_field ("sha256:    ", px_article_get_sha256 (a));
  {
    g_autofree char *text = px_cli_escape (px_article_get_text (a), TRUE);

    g_print ("\n%s\n\n", text);
  }
  g_print ("annotations (%u):\n", g_list_model_get_n_items (anns));
  for (guint i = 0; i < g_list_model_get_n_items (anns); i++)
    {
      g_autoptr(PxAnnotation) n = g_list_model_get_item (anns, i);
      g_autofree char *label = px_cli_escape (px_annotation_get_label_name (n), FALSE);
      g_autofree char *text = px_cli_escape (px_annotation_get_text (n), FALSE);
      g_autofree char *entity = px_cli_escape (px_annotation_get_entity_name (n), FALSE);

      g_autofree char *value = px_cli_escape (px_annotation_get_value (n), FALSE);

      /* A value reads "= 2025-02-27" ("(coder)" when set by hand). */
      g_print ("  %" G_GINT64_FORMAT "\t%s\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t%s%s%s%s%s%s%s\n",
               px_annotation_get_id (n), label,
               px_annotation_get_start (n), px_annotation_get_end (n), text,
               px_annotation_get_entity_name (n) ? "\t→ " : "",
               entity,
               px_annotation_get_value (n) ? "\t= " : "",
               value,
               g_strcmp0 (px_annotation_get_value_source (n), "coder") == 0 ? " (coder)" : "",
               px_annotation_get_status (n) == PX_ANNOTATION_SUGGESTED ? "\t(suggested)" : "");
    }
  return PX_CLI_EXIT_OK;
}

/* ---- export ----------------------------------------------------------- */

static int
cmd_export (const char *db, int argc, char **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *form = NULL;
  gboolean raw = FALSE;
  gboolean bom = FALSE;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Folder to write into", "DIR" },
    { "form", 0, 0, G_OPTION_ARG_STRING, &form, "jsonl: 'label' (default) or 'relation'", "FORM" },
    { "raw", 0, 0, G_OPTION_ARG_NONE, &raw, "Keep formula-like cells as they are (CSV)", NULL },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, "Start each CSV file with a byte order mark, for Excel", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  guint n = 0;
  int rc = parse_options ("export", "csv|brat|jsonl|conll --out DIR", "Export the corpus.",
                          entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  /* No format: CSV, as before the other formats existed. */
  if (argc > 2)
    return usage_error ("export: give one format: csv, brat, jsonl or conll");
  if (argc == 2 && !g_str_equal (argv[1], "csv"))
    {
      if (!g_str_equal (argv[1], "brat") && !g_str_equal (argv[1], "jsonl") && !g_str_equal (argv[1], "conll"))
        return usage_error ("export: unknown format '%s' (csv, brat, jsonl or conll)", argv[1]);
      /* Hand the options back to the format's own parser. */
      {
        g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
        g_auto(GStrv) args = NULL;

        g_strv_builder_add (b, "export");
        if (out != NULL)
          {
            g_strv_builder_add (b, "--out");
            g_strv_builder_add (b, out);
          }
        if (form != NULL)
          {
            g_strv_builder_add (b, "--form");
            g_strv_builder_add (b, form);
          }
        args = g_strv_builder_end (b);
        return px_cli_interchange_export (db, argv[1], (int) g_strv_length (args), args);
      }
    }
  if (out == NULL)
    return usage_error ("export: --out DIR is required");
  if (*out == '\0')
    return usage_error ("export csv: --out is empty: give the folder to write into (is a shell variable unset?)");
  store = open_store (db, READ_ONLY_OPEN, &error);
  if (store == NULL)
    return fail (error);
  if (!px_export_to_dir (store, "csv", out, (raw ? PX_EXPORT_RAW : 0) | (bom ? PX_EXPORT_BOM : 0),
                         &n, NULL, &error))
    return fail (error);
  {
    g_autofree char *safe = px_cli_escape (out, FALSE);

    g_print ("csv: %u article%s written to %s\n", n, n == 1 ? "" : "s", safe);
  }
  return PX_CLI_EXIT_OK;
}

/* ---- Shared with the other command files (px-cli.h) ------------------ */

int
px_cli_fail (GError *error)
{
  return fail (error);
}

int
px_cli_usage_error (const char *message)
{
  return usage_error ("%s", message);
}

int
px_cli_parse_options (const char    *command,
                      const char    *params,
                      const char    *summary,
                      GOptionEntry  *entries,
                      int           *argc,
                      char        ***argv)
{
  return parse_options (command, params, summary, entries, argc, argv);
}

PxStore *
px_cli_open_store (const char        *db,
                   PxStoreOpenFlags   flags,
                   GError           **error)
{
  return open_store (db, flags, error);
}

gboolean
px_cli_parse_id (const char *s,
                 gint64     *out)
{
  return parse_id (s, out);
}

/* ---- main ------------------------------------------------------------- */

typedef struct
{
  const char *name;
  int (*run) (const char *db, int argc, char **argv);
} Command;

static const Command commands[] = {
  { "init", cmd_init },
  { "import", cmd_import },
  { "list", cmd_list },
  { "show", cmd_show },
  { "annotate", px_cli_cmd_annotate },
  { "delete", px_cli_cmd_delete },
  { "relabel", px_cli_cmd_relabel },
  { "link", px_cli_cmd_link },
  { "value", px_cli_cmd_value },
  { "event", px_cli_cmd_event },
  { "article", px_cli_cmd_article },
  { "label", px_cli_cmd_label },
  { "concordance", px_cli_cmd_concordance },
  { "agreement", px_cli_cmd_agreement },
  { "merge", px_cli_cmd_merge },
  { "export", cmd_export },
  { "stats", cmd_stats },
  { "compare", px_cli_cmd_compare },
};

int
main (int argc, char *argv[])
{
  const char *db = NULL;
  int i = 1;

  setlocale (LC_ALL, "");
  /* Global options come before the command. */
  while (i < argc && argv[i][0] == '-')
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          g_print ("%s", usage_text);
          return PX_CLI_EXIT_OK;
        }
      if (g_str_equal (argv[i], "--version"))
        {
          g_print ("parallax-cli %s\n", PACKAGE_VERSION);
          return PX_CLI_EXIT_OK;
        }
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        db = argv[i += 1];
      else if (g_str_has_prefix (argv[i], "--db="))
        db = argv[i] + 5;
      else if (g_str_equal (argv[i], "--coder") && i + 1 < argc)
        cli_coder = argv[i += 1];
      else if (g_str_has_prefix (argv[i], "--coder="))
        cli_coder = argv[i] + 8;
      else
        return usage_error ("unknown option '%s'", argv[i]);
      i++;
    }
  if (i >= argc)
    {
      g_printerr ("%s", usage_text);
      return PX_CLI_EXIT_USAGE;
    }
  if (cli_coder == NULL)
    cli_coder = g_getenv ("PARALLAX_CODER");
  if (cli_coder != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (cli_coder));

      if (*name == '\0')
        return usage_error ("--coder (or PARALLAX_CODER) is empty: give the coder's name");
    }
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *path = NULL;

        /* --help needs no corpus. */
        if (g_strv_contains ((const char * const *) argv + i, "--help") ||
            g_strv_contains ((const char * const *) argv + i, "-h"))
          return commands[c].run (db, argc - i, argv + i);
        if ((path = corpus_path (db, &error)) == NULL)
          return fail (error);
        return commands[c].run (path, argc - i, argv + i);
      }
  return usage_error ("unknown command '%s'", argv[i]);
}
