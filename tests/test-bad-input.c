/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bad-input.c: the bad-input catalogue (issue "Interchange formats and
 * robustness"). One test per case. Each checks that the error is one line
 * naming the file (and the line, where there is one), and, where a corpus
 * is involved, that nothing of the bad input was written and the corpus is
 * exactly what it was before. */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "px-brat.h"
#include "px-csv-import.h"
#include "px-error.h"
#include "px-import.h"
#include "px-interchange-store.h"
#include "px-jsonl.h"
#include "px-store-interchange.h"
#include "px-test-util.h"
#include "ix-test-sigs.h"

#define GOOD_TXT "Kuleba met Lavrov in Antalya."
#define GOOD_ANN "T1\tPER 0 6\tKuleba\nT2\tPER 11 17\tLavrov\nT3\tGPE 21 28\tAntalya\n"

static void
assert_one_line (const GError *error, const char *file, const char *line)
{
  g_assert_nonnull (error);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, file));
  if (line != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s:%s:", file, line);

      g_assert_nonnull (strstr (error->message, where));
    }
}

/* ---- Corpus fixture --------------------------------------------------- */

typedef struct
{
  char    *dir;
  char    *db;
  PxStore *store;
  char    *before;  /* snapshot of everything in the corpus */
} Corpus;

static char *
snapshot (PxStore *store)
{
  g_autoptr(GArray) ids = px_interchange_article_ids (store);
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%u articles, %u annotations\n", px_store_count_articles (store),
                          px_store_count_annotations (store));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PxIxDocument) doc = px_interchange_load_document (store, g_array_index (ids, gint64, i), &error);
      g_autofree char *sig = NULL;

      g_assert_no_error (error);
      sig = ix_sig_document (doc);
      g_string_append_printf (s, "%s\n%s", doc->text, sig);
      for (guint j = 0; j < doc->kept_lines->len; j++)
        g_string_append_printf (s, "%s\n", (char *) doc->kept_lines->pdata[j]);
    }
  return g_string_free (s, FALSE);
}

static char *
write_in (const char *dir, const char *name, const void *data, gssize len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* A corpus holding one good brat document. */
static void
corpus_init (Corpus *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = px_test_tmpdir ();
  g_autofree char *txt = write_in (src, "good.txt", GOOD_TXT, -1);
  g_autofree char *ann = write_in (src, "good.ann", GOOD_ANN, -1);
  const char *paths[] = { txt, NULL };
  g_autoptr(PxIxReport) report = NULL;

  c->dir = px_test_tmpdir ();
  c->db = g_build_filename (c->dir, "corpus.db", NULL);
  c->store = px_store_open (c->db, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  report = px_brat_import_paths (c->store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 1);
  c->before = snapshot (c->store);
}

static void
corpus_assert_intact (Corpus *c)
{
  g_autofree char *now = snapshot (c->store);

  g_assert_cmpstr (now, ==, c->before);
}

static void
corpus_clear (Corpus *c)
{
  g_clear_object (&c->store);
  g_free (c->dir);
  g_free (c->db);
  g_free (c->before);
}

/* Imports one brat pair into the fixture corpus: it must fail with one
 * message naming @file_name (and @line), and change nothing. */
static void
check_brat_refused (const char *txt, gssize txt_len, const char *ann, gssize ann_len,
                    const char *file_name, const char *line, int code)
{
  Corpus c = { 0 };
  g_autofree char *src = px_test_tmpdir ();
  g_autofree char *txt_path = write_in (src, "bad.txt", txt, txt_len);
  g_autofree char *ann_path = ann != NULL ? write_in (src, "bad.ann", ann, ann_len) : NULL;
  const char *paths[] = { src, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;
  g_autoptr(PxIxDocument) doc = NULL;

  corpus_init (&c);
  doc = px_brat_read_document (txt_path, 0, &error);
  g_assert_null (doc);
  g_assert_error (error, PX_ERROR, code);
  assert_one_line (error, file_name, line);
  report = px_brat_import_paths (c.store, paths, NULL, &error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_failed, ==, 1);
  g_assert_cmpuint (report->n_imported, ==, 0);
  g_assert_cmpuint (report->messages->len, ==, 1);
  g_assert_nonnull (strstr (report->messages->pdata[0], file_name));
  corpus_assert_intact (&c);
  corpus_clear (&c);
}

/* ---- brat ------------------------------------------------------------- */

static void
test_truncated_ann (void)
{
  check_brat_refused (GOOD_TXT, -1, "T1\tPER 0 6\tKuleba\nT2\tPER 11 1", -1,
                      "bad.ann", "2", PX_ERROR_PARSE);
}

static void
test_offsets_past_text (void)
{
  check_brat_refused (GOOD_TXT, -1, "T1\tPER 0 6\tKuleba\nT2\tGPE 21 40\tAntalya.\n", -1,
                      "bad.ann", "2", PX_ERROR_PARSE);
}

/* Found by fuzz-brat: a T line with a type and no offsets once reached the
 * store as a span with no fragment. */
static void
test_span_without_offsets (void)
{
  static const char ann[] = "T1\tPER 0 6\tKuleba\nT2\tPER \t\n";
  g_autoptr(PxIxDocument) doc = px_ix_document_new ("good", "good.txt", GOOD_TXT);
  g_autoptr(GError) error = NULL;

  /* The parser itself refuses it, naming the line... */
  g_assert_false (px_brat_parse_ann (doc, ann, strlen (ann), "bad.ann", &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "bad.ann:2"));
  g_assert_nonnull (strstr (error->message, "no offsets"));
  /* ...and the import leaves the corpus as it was. */
  check_brat_refused (GOOD_TXT, -1, ann, -1, "bad.ann", "2", PX_ERROR_PARSE);
}

/* Found by fuzz-brat: "Ez" was taken as an id, renumbered on export, and
 * what pointed at it no longer parsed. brat ids are a letter and a number. */
static void
test_bad_id (void)
{
  check_brat_refused (GOOD_TXT, -1, "T1\tPER 0 6\tKuleba\nEz\tMeet:T1\n", -1,
                      "bad.ann", "2", PX_ERROR_PARSE);
}

static void
test_span_text_mismatch (void)
{
  check_brat_refused (GOOD_TXT, -1, "T1\tPER 0 6\tKouleba\n", -1, "bad.ann", "1", PX_ERROR_PARSE);
}

static void
test_unknown_line_type (void)
{
  check_brat_refused (GOOD_TXT, -1, "T1\tPER 0 6\tKuleba\n\nX1\tsomething 0 6\n", -1,
                      "bad.ann", "3", PX_ERROR_PARSE);
}

static void
test_duplicate_ids (void)
{
  check_brat_refused (GOOD_TXT, -1, "T1\tPER 0 6\tKuleba\nT1\tPER 11 17\tLavrov\n", -1,
                      "bad.ann", "2", PX_ERROR_PARSE);
}

static void
test_event_missing_id (void)
{
  check_brat_refused (GOOD_TXT, -1,
                      "T1\tPER 0 6\tKuleba\nT4\tMeet 7 10\tmet\nE1\tMeet:T4 Participant:T1 Participant2:T9\n",
                      -1, "bad.ann", "3", PX_ERROR_PARSE);
}

/* Parallax keeps Participant2 as a second Participant: the same span in
 * both would collapse into one argument, so the file is refused instead. */
static void
test_event_repeated_argument (void)
{
  check_brat_refused (GOOD_TXT, -1,
                      "T1\tPER 0 6\tKuleba\nT4\tMeet 7 10\tmet\nE1\tMeet:T4 Participant:T1 Participant2:T1\n",
                      -1, "bad.ann", "3", PX_ERROR_PARSE);
}

static void
test_invalid_utf8 (void)
{
  check_brat_refused ("Kuleba\nmet L\xe0vrov.", -1, "T1\tPER 0 6\tKuleba\n", -1,
                      "bad.txt", "2", PX_ERROR_ENCODING);
}

static void
test_utf16 (void)
{
  /* "Kuleba" in UTF-16 LE with a byte order mark */
  static const char utf16[] = "\xff\xfeK\0u\0l\0e\0b\0a\0";

  check_brat_refused (utf16, sizeof utf16 - 1, "T1\tPER 0 6\tKuleba\n", -1,
                      "bad.txt", NULL, PX_ERROR_ENCODING);
}

static void
test_nul_bytes (void)
{
  char zeros[4096] = { 0 };

  check_brat_refused (zeros, sizeof zeros, NULL, 0, "bad.txt", "1", PX_ERROR_BINARY);
}

/* A 0-byte .txt is a valid empty brat document (brat's own tutorials hold
 * 0-byte .ann files); a 0-byte JSONL, CSV or plain-text file is refused. */
static void
test_zero_bytes (void)
{
  Corpus c = { 0 };
  g_autofree char *src = px_test_tmpdir ();
  g_autofree char *jsonl = write_in (src, "empty.jsonl", "", 0);
  g_autofree char *csv = write_in (src, "annotations.csv", "", 0);
  const char *jpaths[] = { jsonl, NULL };
  const char *cpaths[] = { csv, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) r1 = NULL;
  g_autoptr(PxIxReport) r2 = NULL;
  g_auto(PxArticleInfo) info = { 0 };

  corpus_init (&c);
  r1 = px_jsonl_import_paths (c.store, jpaths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r1->n_failed, ==, 1);
  g_assert_nonnull (strstr (r1->messages->pdata[0], "empty.jsonl: the file is empty"));
  r2 = px_csv_import_paths (c.store, cpaths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r2->n_failed, ==, 1);
  g_assert_nonnull (strstr (r2->messages->pdata[0], "annotations.csv"));
  g_assert_false (px_import_parse ((const guint8 *) "", 0, "empty.txt", NULL, &info, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_EMPTY);
  assert_one_line (error, "empty.txt", NULL);
  corpus_assert_intact (&c);
  corpus_clear (&c);
}

/* A sparse 200 MB file: refused from its size, before it is read. */
static void
test_huge_file (void)
{
  Corpus c = { 0 };
  g_autofree char *src = px_test_tmpdir ();
  g_autofree char *txt = g_build_filename (src, "huge.txt", NULL);
  g_autofree char *jsonl = g_build_filename (src, "huge.jsonl", NULL);
  const char *bpaths[] = { txt, NULL };
  const char *jpaths[] = { jsonl, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) r1 = NULL;
  g_autoptr(PxIxReport) r2 = NULL;
  const char *files[] = { txt, jsonl };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      int fd = g_open (files[i], O_CREAT | O_WRONLY | O_TRUNC, 0644);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (ftruncate (fd, (off_t) 200 * 1024 * 1024), ==, 0);
      close (fd);
    }
  corpus_init (&c);
  r1 = px_brat_import_paths (c.store, bpaths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r1->n_failed, ==, 1);
  g_assert_nonnull (strstr (r1->messages->pdata[0], "huge.txt: 209715200 bytes, over the limit"));
  r2 = px_jsonl_import_paths (c.store, jpaths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r2->n_failed, ==, 1);
  g_assert_nonnull (strstr (r2->messages->pdata[0], "huge.jsonl: 209715200 bytes, over the limit"));
  corpus_assert_intact (&c);
  corpus_clear (&c);
}

/* ---- CSV and JSONL ---------------------------------------------------- */

static void
check_csv_refused (const char *body, const char *line)
{
  Corpus c = { 0 };
  g_autofree char *src = px_test_tmpdir ();
  g_autofree char *data = g_strconcat ("article_id,article_title,label,kind,start,end,text\n"
                                       "1,good,ORG,entity,21,28,Antalya\n", body, NULL);
  g_autofree char *csv = write_in (src, "annotations.csv", data, -1);
  const char *paths[] = { csv, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;
  g_autofree char *where = g_strdup_printf ("annotations.csv:%s:", line);

  corpus_init (&c);
  report = px_csv_import_paths (c.store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_failed, ==, 1);
  g_assert_cmpuint (report->messages->len, ==, 1);
  g_assert_null (strchr (report->messages->pdata[0], '\n'));
  g_assert_nonnull (strstr (report->messages->pdata[0], where));
  /* the good row before the bad one was rolled back with it */
  corpus_assert_intact (&c);
  corpus_clear (&c);
}

static void
test_csv_ragged (void)
{
  check_csv_refused ("1,good,PER,entity,0,6\n", "3");
}

static void
test_csv_unbalanced_quotes (void)
{
  check_csv_refused ("1,good,PER,entity,0,6,\"Kuleba\n1,good,PER,entity,11,17,Lavrov\n", "3");
}

static void
test_jsonl_broken_line (void)
{
  Corpus c = { 0 };
  g_autofree char *src = px_test_tmpdir ();
  g_autofree char *jsonl =
    write_in (src, "mixed.jsonl",
              "{\"text\": \"First article.\", \"label\": [[0, 5, \"MISC\"]]}\n"
              "{\"text\": \"Second article.\", \"label\": [[0, 6, \"MISC\"]\n"
              "{\"text\": \"Third article.\", \"label\": [[0, 5, \"MISC\"]]}\n", -1);
  const char *paths[] = { jsonl, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;

  corpus_init (&c);
  report = px_jsonl_import_paths (c.store, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 2);
  g_assert_cmpuint (report->n_failed, ==, 1);
  g_assert_nonnull (strstr (report->messages->pdata[0], "mixed.jsonl:2: "));
  g_assert_null (strchr (report->messages->pdata[0], '\n'));
  g_assert_cmpuint (px_store_count_articles (c.store), ==, 3);
  corpus_clear (&c);
}

/* ---- The corpus file -------------------------------------------------- */

static char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* Runs parallax-cli; returns its exit status, stderr in *err. */
static int
run_cli (const char *db, char **err, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("PARALLAX_CLI");
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
assert_stderr_line (const char *err, const char *file)
{
  guint lines = 0;

  for (const char *p = err; *p != '\0'; p++)
    lines += *p == '\n';
  g_assert_cmpuint (lines, ==, 1);
  g_assert_nonnull (strstr (err, file));
}

static char *
good_brat_dir (void)
{
  char *src = px_test_tmpdir ();
  g_autofree char *txt = write_in (src, "other.txt", "Lavrov left Antalya.", -1);
  g_autofree char *ann = write_in (src, "other.ann", "T1\tPER 0 6\tLavrov\n", -1);

  return src;
}

static void
test_not_sqlite (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = write_in (dir, "notes.db", "these are my notes, not a database\n", -1);
  g_autofree char *src = good_brat_dir ();
  g_autofree char *before = file_digest (db);
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  if (g_getenv ("PARALLAX_CLI") == NULL)
    {
      g_test_skip ("PARALLAX_CLI is not set");
      return;
    }
  g_assert_cmpint (run_cli (db, &err, "import", "--format", "brat", src, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "notes.db"));
  assert_stderr_line (err, "notes.db");
  after = file_digest (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_newer_schema (void)
{
  Corpus c = { 0 };
  g_autofree char *src = good_brat_dir ();
  g_autofree char *err = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *sqlite3_cli = g_find_program_in_path ("sqlite3");
  int status = 0;

  if (g_getenv ("PARALLAX_CLI") == NULL || sqlite3_cli == NULL)
    {
      g_test_skip ("needs parallax-cli and the sqlite3 program");
      return;
    }
  corpus_init (&c);
  g_clear_object (&c.store);
  sql = g_strdup_printf ("sqlite3 '%s' 'PRAGMA user_version = 9999'", c.db);
  g_assert_true (g_spawn_command_line_sync (sql, NULL, NULL, &status, NULL));
  before = file_digest (c.db);
  g_assert_cmpint (run_cli (c.db, &err, "import", "--format", "brat", src, NULL), ==, 1);
  assert_stderr_line (err, "corpus.db");
  after = file_digest (c.db);
  g_assert_cmpstr (before, ==, after);
  corpus_clear (&c);
}

static void
test_read_only (void)
{
  Corpus c = { 0 };
  g_autofree char *src = good_brat_dir ();
  const char *paths[] = { src, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;

  corpus_init (&c);
  g_clear_object (&c.store);
  c.store = px_store_open (c.db, PX_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  report = px_brat_import_paths (c.store, paths, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, PX_ERROR, PX_ERROR_READ_ONLY);
  assert_one_line (error, "corpus.db", NULL);
  corpus_assert_intact (&c);
  corpus_clear (&c);
}

static void
test_locked (void)
{
  Corpus c = { 0 };
  g_autofree char *src = good_brat_dir ();
  const char *paths[] = { src, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;
  g_autoptr(PxStore) other = NULL;
  PxArticleInfo info = { .title = (char *) "held", .text = (char *) "A write that holds the lock." };

  corpus_init (&c);
  /* Another connection holds the write lock in an open transaction. */
  other = px_store_open (c.db, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (px_store_begin (other, &error));
  g_assert_cmpint (px_store_add_article (other, &info, NULL, &error), >, 0);
  report = px_brat_import_paths (c.store, paths, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, PX_ERROR, PX_ERROR_LOCKED);
  assert_one_line (error, "corpus.db", NULL);
  px_store_rollback (other);
  corpus_assert_intact (&c);
  corpus_clear (&c);
}

static void
test_disk_full (void)
{
  Corpus c = { 0 };
  g_autofree char *src = px_test_tmpdir ();
  GString *big = g_string_new (NULL);
  g_autofree char *txt = NULL;
  const char *paths[] = { src, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) report = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (big, "Sentence %u of a long article that will not fit. ", i);
  txt = write_in (src, "big.txt", big->str, big->len);
  g_string_free (big, TRUE);
  corpus_init (&c);
  /* The cap cannot go below the pages in use: the corpus is now full. */
  g_assert_cmpint (px_store_ix_set_max_page_count (c.store, 1, &error), >, 0);
  g_assert_no_error (error);
  report = px_brat_import_paths (c.store, paths, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, PX_ERROR, PX_ERROR_DISK_FULL);
  assert_one_line (error, "corpus.db", NULL);
  corpus_assert_intact (&c);
  corpus_clear (&c);
}

/* ---- Saved fuzzer finds ----------------------------------------------- */

/* One saved input through the code its harness drives. */
static void
replay (const char *kind, const char *path, const char *data, gsize len, PxStore *store)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (kind, "brat"))
    {
      g_autoptr(PxIxDocument) doc = px_ix_document_new ("f", "f.txt", "");

      px_brat_parse_ann (doc, data, len, path, &error);
    }
  else if (g_str_equal (kind, "jsonl"))
    {
      g_autoptr(PxIxDocument) doc = px_jsonl_parse_line (data, len, path, 1, &error);
    }
  else if (g_str_equal (kind, "csv"))
    {
      g_autoptr(PxIxReport) report = px_ix_report_new ();

      g_assert_true (px_csv_import_bytes (store, data, len, path, report, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_auto(PxArticleInfo) info = { 0 };
      PxImportOptions options = { 1024 * 1024, NULL };

      px_import_parse ((const guint8 *) data, len, path, &options, &info, &error);
    }
  /* A refusal is fine; it must be one line. */
  if (error != NULL)
    g_assert_null (strchr (error->message, '\n'));
}

/* Every input under fuzz/regressions/ once crashed or leaked in a harness;
 * each must now parse or fail cleanly (the ASan and valgrind runs of this
 * test catch a leak coming back). */
static void
test_fuzz_regressions (void)
{
  g_autofree char *root = g_build_filename (g_getenv ("PARALLAX_SOURCE_DIR"), "fuzz", "regressions", NULL);
  const char *kinds[] = { "brat", "jsonl", "csv", "import" };
  Corpus c = { 0 };
  guint n = 0;

  if (g_getenv ("PARALLAX_SOURCE_DIR") == NULL)
    {
      g_test_skip ("PARALLAX_SOURCE_DIR is not set");
      return;
    }
  corpus_init (&c);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *dir = g_build_filename (root, kinds[k], NULL);
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autofree char *data = NULL;
          gsize len = 0;

          if (name[0] == '.' || !g_file_get_contents (path, &data, &len, NULL))
            continue;
          n++;
          replay (kinds[k], path, data, len, c.store);
        }
    }
  g_test_message ("%u saved fuzzer inputs replayed", n);
  g_assert_cmpuint (n, >=, 1);
  corpus_clear (&c);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bad-input/brat/truncated-ann", test_truncated_ann);
  g_test_add_func ("/bad-input/brat/offsets-past-text", test_offsets_past_text);
  g_test_add_func ("/bad-input/brat/span-without-offsets", test_span_without_offsets);
  g_test_add_func ("/bad-input/brat/bad-id", test_bad_id);
  g_test_add_func ("/bad-input/brat/span-text-mismatch", test_span_text_mismatch);
  g_test_add_func ("/bad-input/brat/unknown-line-type", test_unknown_line_type);
  g_test_add_func ("/bad-input/brat/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/bad-input/brat/event-missing-id", test_event_missing_id);
  g_test_add_func ("/bad-input/brat/event-repeated-argument", test_event_repeated_argument);
  g_test_add_func ("/bad-input/file/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/bad-input/file/utf16", test_utf16);
  g_test_add_func ("/bad-input/file/zero-bytes", test_zero_bytes);
  g_test_add_func ("/bad-input/file/200-mb", test_huge_file);
  g_test_add_func ("/bad-input/file/nul-bytes", test_nul_bytes);
  g_test_add_func ("/bad-input/csv/ragged-rows", test_csv_ragged);
  g_test_add_func ("/bad-input/csv/unbalanced-quotes", test_csv_unbalanced_quotes);
  g_test_add_func ("/bad-input/jsonl/broken-line", test_jsonl_broken_line);
  g_test_add_func ("/bad-input/corpus/not-sqlite", test_not_sqlite);
  g_test_add_func ("/bad-input/corpus/newer-schema", test_newer_schema);
  g_test_add_func ("/bad-input/corpus/read-only", test_read_only);
  g_test_add_func ("/bad-input/corpus/locked", test_locked);
  g_test_add_func ("/bad-input/corpus/disk-full", test_disk_full);
  g_test_add_func ("/bad-input/fuzz-regressions", test_fuzz_regressions);
  return g_test_run ();
}
