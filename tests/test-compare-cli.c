/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `parallax-cli compare` end to end on the demo corpus: the text report, the
 * four CSV files, and the exit codes for bad ids and options. */
#include <string.h>
#include <sys/wait.h>

#include "px-core.h"
#include "px-demo.h"
#include "px-test-util.h"

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

/* Runs parallax-cli --db DB compare ARGS…; NULL-terminated. */
static void
compare (Run *r, const char *db, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli_path = g_getenv ("PARALLAX_CLI");
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli_path);
  g_ptr_array_add (argv, (gpointer) cli_path);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  g_ptr_array_add (argv, (gpointer) "compare");
  va_start (ap, db);
  for (const char *a = va_arg (ap, const char *); a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
}

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* The demo corpus in a fresh file; the ids of Le Courrier de l'Aude, L'Écho
 * occitan, Midi Matin and Radio Garrigue (which nobody annotated), in that
 * order. */
static char *
demo_db (char ids[4][24])
{
  static const char *sources[4] = { "Le Courrier", "L'", "Midi", "Radio" };
  g_autofree char *samples = px_test_src_path ("..", "data", "samples", NULL);
  char *db = px_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GListModel) articles = NULL;
  gboolean loaded;

  g_assert_no_error (error);
  loaded = px_demo_load (store, samples, &error);
  g_assert_no_error (error);
  g_assert_true (loaded);
  articles = px_store_list_articles (store, -1);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 4);
  for (guint k = 0; k < 4; k++)
    {
      ids[k][0] = '\0';
      for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
        {
          g_autoptr(PxArticle) a = g_list_model_get_item (articles, i);

          if (g_str_has_prefix (px_article_get_source (a), sources[k]))
            g_snprintf (ids[k], sizeof ids[k], "%" G_GINT64_FORMAT, px_article_get_id (a));
        }
      g_assert_cmpstr (ids[k], !=, "");
    }
  return db;
}

/* The file's records (RFC 4180: CRLF ends each), without the empty one
 * after the last. No cell of the demo holds a line break. */
static GStrv
csv_lines (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  GStrv lines;
  guint n;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (data, "\r\n"));
  lines = g_strsplit (data, "\r\n", -1);
  n = g_strv_length (lines);
  if (n > 0 && lines[n - 1][0] == '\0')
    g_clear_pointer (&lines[n - 1], g_free);
  return lines;
}

static gboolean
has_line (GStrv lines, const char *needle)
{
  for (guint i = 1; lines[i]; i++)
    if (strstr (lines[i], needle))
      return TRUE;
  return FALSE;
}

static void
test_csv (void)
{
  char ids[4][24];
  g_autofree char *db = demo_db (ids);
  g_autofree char *tmp = px_test_tmpdir ();
  g_autofree char *out = g_build_filename (tmp, "cmp", "nested", NULL);
  g_auto(GStrv) alignment = NULL, coverage = NULL, grid = NULL, quotes = NULL;
  g_autofree char *coverage_header = NULL;
  Run r = { 0 };

  /* --out names a folder that does not exist yet. */
  compare (&r, db, ids[0], ids[1], ids[2], "--format", "csv", "--out", out, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  alignment = csv_lines (out, "alignment.csv");
  coverage = csv_lines (out, "coverage.csv");
  grid = csv_lines (out, "event_grid.csv");
  quotes = csv_lines (out, "quotes.csv");
  g_assert_cmpstr (alignment[0], ==, "a_article_id,a_start,a_end,a_text,b_article_id,b_start,b_end,b_text,score,status");
  coverage_header = g_strdup_printf ("entity_id,entity,label,article_%s,article_%s,article_%s", ids[0], ids[1], ids[2]);
  g_assert_cmpstr (coverage[0], ==, coverage_header);
  g_assert_cmpstr (grid[0], ==, "story_event_id,event_type,role,article_id,value,normalised_value,conflict,verdict,reason");
  g_assert_cmpstr (quotes[0], ==, "quote_group,article_id,start,end,text,speaker,speaker_entity_id,marked,n_articles");
  g_assert_nonnull (alignment[1]);
  g_assert_nonnull (coverage[1]);
  g_assert_nonnull (grid[1]);
  g_assert_nonnull (quotes[1]);

  /* One known row in each: a shared pair, Jonas Keller missing from the
   * third article, 12 deaths against 14, the minister's quote in three. */
  g_assert_true (has_line (alignment, ",shared"));
  g_assert_true (has_line (coverage, ",Jonas Keller,PER,1,1,0"));
  g_assert_true (has_line (grid, ",Die,Victim,") && has_line (grid, ",12,12,true,conflict,different numbers: 12 / 14") &&
                 has_line (grid, ",14,14,true,conflict,different numbers: 12 / 14"));
  g_assert_true (has_line (quotes, "Hélène Marchetti"));

  /* --raw (and --bom) as in export: accepted, and the files are written. */
  {
    g_autofree char *raw_out = g_build_filename (tmp, "raw", NULL);
    g_autofree char *raw_grid = g_build_filename (raw_out, "event_grid.csv", NULL);
    Run h = { 0 };

    compare (&r, db, ids[0], ids[1], "--format", "csv", "--out", raw_out, "--raw", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (raw_grid, G_FILE_TEST_EXISTS));
    run_clear (&r);
    compare (&h, db, "--help", NULL);
    g_assert_nonnull (strstr (h.out, "--raw"));
    run_clear (&h);
  }
  g_assert_true (has_line (quotes, "reconstruction") && g_str_has_suffix (quotes[1], ",3"));
}

/* The code point column where " PER" starts on the report line of @name. */
static glong
label_column (const char *report, const char *name)
{
  g_autofree char *needle = g_strdup_printf ("\n  %s ", name);
  const char *line = strstr (report, needle), *per;

  if (line == NULL || (per = strstr (line + 1, " PER")) == NULL || strchr (line + 1, '\n') < per)
    return -1;
  return g_utf8_pointer_to_offset (line + 1, per);
}

static void
test_text (void)
{
  char ids[4][24];
  g_autofree char *db = demo_db (ids);
  Run r = { 0 };

  /* Le Courrier (12 deaths) against L'Écho (14). */
  compare (&r, db, ids[0], ids[1], NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Comparing 2 articles\n"));
  g_assert_nonnull (strstr (r.out, "(L'Écho occitan, 2024-03-13)"));
  g_assert_nonnull (strstr (r.out, "Aligned sentences"));
  g_assert_nonnull (strstr (r.out, "CONFLICT"));
  g_assert_nonnull (strstr (r.out, "Jonas Keller"));
  run_clear (&r);

  /* The entity table lines up whatever the accents, and an article nobody
   * annotated shows a dash, not a zero that would say it left people out. */
  compare (&r, db, ids[0], ids[3], NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (label_column (r.out, "Hélène Marchetti"), ==, label_column (r.out, "Claire Vidal"));
  g_assert_cmpint (label_column (r.out, "Hélène Marchetti"), >, 0);
  g_assert_nonnull (strstr (r.out, "  Jonas Keller                 PER      1    –   "));
  run_clear (&r);
}

/* With --out, the text report goes to DIR/report.txt, and stdout stays
 * quiet; a folder that cannot be made is an error naming it. */
static void
test_text_out (void)
{
  char ids[4][24];
  g_autofree char *db = demo_db (ids);
  g_autofree char *tmp = px_test_tmpdir ();
  g_autofree char *out = g_build_filename (tmp, "reports", NULL);
  g_autofree char *report = g_build_filename (out, "report.txt", NULL);
  g_autofree char *blocker = g_build_filename (tmp, "file", NULL);
  g_autofree char *under = g_build_filename (blocker, "sub", NULL);
  g_autofree char *text = NULL;
  Run r = { 0 };

  compare (&r, db, ids[0], ids[1], "--out", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);
  g_assert_true (g_file_get_contents (report, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "Comparing 2 articles\n"));
  g_assert_nonnull (strstr (text, "CONFLICT"));

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  compare (&r, db, ids[0], ids[1], "--format", "text", "--out", under, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, under));
  run_clear (&r);
}

static void
test_bad_ids (void)
{
  char ids[4][24];
  g_autofree char *db = demo_db (ids);
  g_autofree char *missing_db = px_test_db_path ();
  Run r = { 0 };

  /* Usage errors: 2. */
  compare (&r, db, ids[0], NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "usage: parallax-cli compare"));
  run_clear (&r);
  compare (&r, db, ids[0], "abc", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "\"abc\""));
  run_clear (&r);
  compare (&r, db, ids[0], "-3", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
  compare (&r, db, ids[0], ids[1], "--format", "xml", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "\"xml\""));
  run_clear (&r);
  compare (&r, db, ids[0], ids[1], ids[2], ids[0], ids[1], NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  /* --help is no error: the usage on stdout, status 0. */
  compare (&r, db, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "usage: parallax-cli compare"));
  run_clear (&r);

  /* An id that is no article: 1, with the id in the message. */
  compare (&r, db, ids[0], "999999", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "999999"));
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);

  /* No corpus file: 1, and none is created. */
  compare (&r, missing_db, "1", "2", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));
  run_clear (&r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compare-cli/csv", test_csv);
  g_test_add_func ("/compare-cli/text", test_text);
  g_test_add_func ("/compare-cli/text-out", test_text_out);
  g_test_add_func ("/compare-cli/bad-ids", test_bad_ids);
  return g_test_run ();
}
