/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-bench: import and export figures against DESIGN.md §6's targets.
 *
 *   px-bench [--articles N] [--annotations N]
 *
 * Not a test: it prints a table. The CSV export runs next to the sqlite3
 * CLI doing the very same join on the very same file, and prints the
 * ratio (ours / sqlite3; under 1.0 means faster). */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "px-core.h"
#include "px-suggest.h"

static const char *const words[] = {
  "le", "ministre", "russe", "des", "affaires", "étrangères", "a", "rencontré",
  "son", "homologue", "ukrainien", "à", "Antalya", "mercredi", "selon", "les",
  "autorités", "négociations", "cessez-le-feu", "couloirs", "humanitaires",
  "Marioupol", "sanctions", "occidentales", "délégation", "Kouléba", "Lavrov",
  "Cavusoglu", "médiation", "turque", "déclaré", "après", "entretien", "sans",
  "résultat", "population", "civile", "guerre", "réfugiés", "millions",
};

static char *
make_article (GRand *rand, guint i, gsize target)
{
  GString *s = g_string_sized_new (target + 200);

  g_string_append_printf (s, "Dépêche numéro %u sur les pourparlers\n\n", i);
  while (s->len < target)
    {
      guint n = (guint) g_rand_int_range (rand, 8, 25);

      for (guint w = 0; w < n; w++)
        {
          const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
          if (w == 0)
            {
              g_autofree char *cap = g_utf8_strup (word, 1);
              g_string_append (s, cap);
              g_string_append (s, g_utf8_next_char (word));
            }
          else
            g_string_append_printf (s, " %s", word);
        }
      g_string_append_printf (s, " (%u).%s", g_rand_int (rand) % 1000,
                              g_rand_int_range (rand, 0, 5) == 0 ? "\n\n" : " ");
    }
  return g_string_free (s, FALSE);
}

static long
vm_hwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, "VmHWM:");
  return p != NULL ? strtol (p + 6, NULL, 10) : -1;
}

static void
row (const char *work, double seconds, const char *figure, const char *target)
{
  g_print ("| %-40s | %8.3f s | %-34s | %-22s |\n", work, seconds, figure, target);
}

static PxStore *
fresh_store (const char *dir, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  PxStore *store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

static void
bench_import (const char *dir, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_build_filename (dir, "articles", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(PxStore) store = NULL;
  g_autoptr(PxImportReport) report = NULL;
  g_autofree char *figure = NULL;
  const char *paths[] = { src, NULL };
  gsize bytes = 0;
  gint64 t0;
  double s;

  g_mkdir_with_parents (src, 0700);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = make_article (rand, i, 3000);
      g_autofree char *name = g_strdup_printf ("%s/%05u.txt", src, i);

      bytes += strlen (text);
      g_file_set_contents (name, text, -1, NULL);
    }
  /* Write the generated files back first, so that the timing is the
   * import's and not the kernel flushing 30 MB it was just handed. */
  sync ();
  store = fresh_store (dir, "import.db");
  t0 = g_get_monotonic_time ();
  report = px_import_paths (store, paths, NULL, NULL, NULL, NULL, &error);
  s = (g_get_monotonic_time () - t0) / 1e6;
  if (report == NULL)
    g_error ("%s", error->message);
  figure = g_strdup_printf ("%u articles, %.1f MB, %.0f/s", report->n_imported, bytes / 1e6,
                            report->n_imported / s);
  row ("Import plain-text articles", s, figure, "10,000 (30 MB) < 5 s");
}

static void
fill_annotations (PxStore *store, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(PxLabel) per = px_store_find_label (store, "PER");
  guint per_article = 1000;
  gint64 article = 0;
  gsize chars = 0;

  if (!px_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n; i++)
    {
      gsize start;

      if (i % per_article == 0)
        {
          g_autofree char *text = make_article (rand, i, 20000);
          PxArticleInfo info = { .title = (char *) "Bench", .text = text };

          article = px_store_add_article (store, &info, NULL, &error);
          chars = g_utf8_strlen (text, -1);
          if (article == 0)
            g_error ("%s", error->message);
        }
      start = (gsize) g_rand_int_range (rand, 0, (gint32) chars - 20);
      if (px_store_add_annotation (store, article, px_label_get_id (per), start,
                                   start + (gsize) g_rand_int_range (rand, 1, 20),
                                   PX_ANNOTATION_ACCEPTED, NULL, &error) == 0)
        g_error ("%s", error->message);
    }
  if (!px_store_commit (store, &error))
    g_error ("%s", error->message);
}

static double
run_sqlite3 (const char *db, const char *out)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *cmd = NULL;
  g_autofree char *quoted_db = g_shell_quote (db);
  g_autofree char *quoted_sql = g_shell_quote (px_store_export_sql (PX_EXPORT_ANNOTATIONS));
  g_autofree char *quoted_out = g_shell_quote (out);
  gint64 t0;
  int status = 0;

  if (sqlite3 == NULL)
    return -1;
  cmd = g_strdup_printf ("%s -csv %s %s > %s", sqlite3, quoted_db, quoted_sql, quoted_out);
  t0 = g_get_monotonic_time ();
  {
    /* Through a shell, for the redirection: sqlite3 writes the file the same
     * way the export does. */
    const char *argv[] = { "/bin/sh", "-c", cmd, NULL };
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL))
      return -1;
  }
  (void) status;
  return (g_get_monotonic_time () - t0) / 1e6;
}

static void
bench_export (const char *dir, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = fresh_store (dir, "export.db");
  g_autofree char *ours = g_build_filename (dir, "annotations.csv", NULL);
  g_autofree char *theirs = g_build_filename (dir, "sqlite3.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (ours);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *peer = NULL;
  gint64 t0;
  double s, s3;

  t0 = g_get_monotonic_time ();
  fill_annotations (store, n);
  s = (g_get_monotonic_time () - t0) / 1e6;
  figure = g_strdup_printf ("%.0f annotations/s", n / s);
  row ("Add annotations (one transaction)", s, figure, "(set-up)");
  g_clear_pointer (&figure, g_free);

  /* Best of three for both sides: one run swings by ±20 % on a busy
   * 2-core machine, which would make the ratio mean little. */
  s = s3 = G_MAXDOUBLE;
  for (guint round = 0; round < 3; round++)
    {
      double t3;

      g_clear_object (&out);
      out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
      t0 = g_get_monotonic_time ();
      if (out == NULL || !px_export_csv_table (store, PX_EXPORT_ANNOTATIONS, G_OUTPUT_STREAM (out),
                                               PX_EXPORT_DEFAULT, NULL, &error))
        g_error ("%s", error->message);
      s = MIN (s, (g_get_monotonic_time () - t0) / 1e6);
      t3 = run_sqlite3 (px_store_get_path (store), theirs);
      s3 = t3 < 0 ? t3 : MIN (s3, t3);
    }
  figure = g_strdup_printf ("%u rows, best of 3", n);
  row ("CSV export of annotations (Parallax)", s, figure, "no slower than sqlite3");
  if (s3 >= 0)
    {
      peer = g_strdup_printf ("ratio %.2f", s / s3);
      row ("Same join, sqlite3 -csv", s3, peer, "");
    }
  else
    g_print ("| %-40s | %10s | %-34s | %-22s |\n", "sqlite3 -csv", "n/a", "sqlite3 not installed", "");
}

/* Find all occurrences of a name in a 1 MB article (the workspace's
 * find-all action does this before writing the suggestions). */
static void
bench_suggest (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *text = make_article (rand, 0, 1024 * 1024);
  double best = G_MAXDOUBLE;
  guint n = 0;
  char figure[64];

  for (int run = 0; run < 3; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GArray) found = px_suggest_find (text, "fr", "Kouleba", NULL);
      double s = (g_get_monotonic_time () - t0) / 1e6;

      n = found->len;
      best = MIN (best, s);
    }
  g_snprintf (figure, sizeof figure, "%u occurrences in 1 MB", n);
  row ("find all occurrences (best of 3)", best, figure, "< 0.1 s (interactive)");
}

/* Near-key candidates among 10,000 entities ("Did you mean Kuleba?"). */
static void
bench_candidates (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "entities.db", NULL);
  g_autoptr(PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxLabel) per = store != NULL ? px_store_find_label (store, "PER") : NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  double best = G_MAXDOUBLE;
  guint n = 0;
  char figure[64];

  if (per == NULL)
    {
      g_printerr ("px-bench: %s\n", error != NULL ? error->message : "no PER label");
      return;
    }
  px_store_begin (store, NULL);
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s%u", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i % 97);
      px_store_add_entity (store, name, px_label_get_id (per), NULL);
    }
  px_store_commit (store, NULL);
  for (int run = 0; run < 5; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GPtrArray) found = px_store_entity_candidates (store, "koulebalavrov12", 0, 2, 0);
      double s = (g_get_monotonic_time () - t0) / 1e6;

      n = found->len;
      best = MIN (best, s);
    }
  g_snprintf (figure, sizeof figure, "%u candidates among 10,000", n);
  row ("near-key entity candidates (best of 5)", best, figure, "< 0.05 s (per keypress)");
}

int
main (int argc, char *argv[])
{
  int n_articles = 10000, n_annotations = 1000000;
  GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles to import", "N" },
    { "annotations", 0, 0, G_OPTION_ARG_INT, &n_annotations, "Annotations to export", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("px-bench: %s\n", error->message);
      return 2;
    }
  dir = g_dir_make_tmp ("px-bench-XXXXXX", &error);
  g_print ("| %-40s | %10s | %-34s | %-22s |\n", "work", "time", "figure", "target");
  g_print ("|%s|%s|%s|%s|\n", "------------------------------------------", "------------",
           "------------------------------------", "------------------------");
  bench_import (dir, (guint) n_articles);
  bench_export (dir, (guint) n_annotations);
  bench_suggest ();
  bench_candidates (dir);
  g_print ("\npeak resident memory (VmHWM): %ld MB\n", vm_hwm_kb () / 1024);
  {
    g_autofree char *quoted = g_shell_quote (dir);
    g_autofree char *cmd = g_strdup_printf ("rm -rf %s", quoted);
    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
  return 0;
}
