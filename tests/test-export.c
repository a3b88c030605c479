/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV export, read back by a real CSV reader (Python's csv module), with
 * offsets checked in Python's own code point indexing. */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "px-core.h"
#include "px-test-util.h"

static const char checker[] =
  "import csv, sqlite3, sys\n"
  "out, db = sys.argv[1], sys.argv[2]\n"
  "texts = dict(sqlite3.connect(db).execute('SELECT id, text FROM article'))\n"
  "rows = list(csv.DictReader(open(out + '/annotations.csv', newline='', encoding='utf-8')))\n"
  "assert len(rows) == int(sys.argv[3]), len(rows)\n"
  "for r in rows:\n"
  "    t = texts[int(r['article_id'])]\n"
  "    s, e = int(r['start']), int(r['end'])\n"
  "    expected = t[s:e]\n"
  "    if expected[:1] in '=+-@\\t\\r' and sys.argv[4] == 'safe':\n"
  "        expected = \"'\" + expected\n"
  "    assert r['text'] == expected, (r['text'], expected)\n"
  "arts = list(csv.DictReader(open(out + '/articles.csv', newline='', encoding='utf-8')))\n"
  "assert len(arts) == len(texts)\n"
  "for a in arts:\n"
  "    assert int(a['chars']) == len(texts[int(a['article_id'])])\n"
  "ents = list(csv.DictReader(open(out + '/entities.csv', newline='', encoding='utf-8')))\n"
  "evs = list(csv.DictReader(open(out + '/events.csv', newline='', encoding='utf-8')))\n"
  "cols = {\n"
  "  'articles': 'article_id title source published url language story chars sha256 origin_path status',\n"
  "  'annotations': 'article_id article_title source published story annotation_id label kind start end '\n"
  "                 'text entity_id entity annotator created_at note value value_source',\n"
  "  'entities': 'entity_id name label mentions articles',\n"
  "  'events': 'event_id article_id event_type trigger_annotation_id trigger_text story_event_id role '\n"
  "            'argument_annotation_id argument_text argument_entity'}\n"
  "for name, want in cols.items():\n"
  "    with open(out + '/' + name + '.csv', newline='', encoding='utf-8') as f:\n"
  "        head = next(csv.reader(f))\n"
  "    assert head == want.split(), (name, head)\n"
  "    assert not open(out + '/' + name + '.csv', 'rb').read(3) == b'\\xef\\xbb\\xbf', name\n"
  "assert ents[0]['name'] == 'Dmytro Kuleba' and ents[0]['mentions'] == '2', ents\n"
  "assert ents[0]['articles'] == '2', ents\n"
  "assert evs[0]['event_type'] == 'Meet' and evs[0]['trigger_text'] == 'parle', evs\n"
  "assert evs[0]['role'] == 'Participant' and evs[0]['argument_text'] == 'Dmytro Kuleba', evs\n"
  "assert evs[0]['argument_entity'] == 'Dmytro Kuleba', evs\n"
  "print(len(rows), len(arts), len(ents), len(evs))\n";

static gboolean
have_python (void)
{
  g_autofree char *py = g_find_program_in_path ("python3");
  return py != NULL;
}

static char *
check_with_python (const char *out, const char *db, guint n, const char *mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = px_test_write_file ("check.py", checker, -1);
  g_autofree char *n_str = g_strdup_printf ("%u", n);
  const char *argv[] = { "python3", script, out, db, n_str, mode, NULL };
  g_autofree char *err = NULL;
  char *stdout_text = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &stdout_text, &err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("the Python check failed: %s", err);
  return stdout_text;
}

static void
build_corpus (PxStore *store)
{
  g_autoptr(GError) error = NULL;
  /* Emoji, combining marks, RTL and a formula-like span. */
  PxArticleInfo a = { .title = (char *) "=HYPERLINK(\"x\")", .text = (char *) "😀👍🏽 Sergueï Lavrov, « ministre », a vu e\u0301te\u0301 שלום Kouléba.\n=1+1 reste du texte." , .story = (char *) "Antalya" };
  PxArticleInfo b = { .title = (char *) "Second", .text = (char *) "Dmytro Kuleba, \"ministre\", parle." };
  gint64 ida = px_store_add_article (store, &a, NULL, &error);
  gint64 idb = px_store_add_article (store, &b, NULL, &error);
  g_autoptr(PxLabel) per = px_store_find_label (store, "PER");
  g_autoptr(PxLabel) misc = px_store_find_label (store, "MISC");
  g_autoptr(PxLabel) meet = px_store_find_label (store, "Meet");
  gint64 ent = px_store_add_entity (store, "Dmytro Kuleba", px_label_get_id (per), &error);
  gsize len = g_utf8_strlen (a.text, -1);
  gint64 m1, m2, trig, ev;

  g_assert_no_error (error);
  /* Spans chosen by code point: "Sergueï Lavrov" starts after 4 code points
   * (two emoji, one with a skin-tone modifier, and a space). */
  px_store_add_annotation (store, ida, px_label_get_id (per), 4, 18, PX_ANNOTATION_ACCEPTED, NULL, &error);
  m1 = px_store_add_annotation (store, ida, px_label_get_id (per), len - 29, len - 22, PX_ANNOTATION_ACCEPTED, "=cmd", &error);
  px_store_add_annotation (store, ida, px_label_get_id (misc), len - 20, len - 16, PX_ANNOTATION_ACCEPTED, NULL, &error);
  px_store_add_annotation (store, ida, px_label_get_id (misc), 0, 2, PX_ANNOTATION_ACCEPTED, NULL, &error);
  m2 = px_store_add_annotation (store, idb, px_label_get_id (per), 0, 13, PX_ANNOTATION_ACCEPTED, NULL, &error);
  trig = px_store_add_annotation (store, idb, px_label_get_id (meet), 27, 32, PX_ANNOTATION_ACCEPTED, NULL, &error);
  g_assert_no_error (error);
  ev = px_store_add_event (store, idb, px_label_get_id (meet), trig, &error);
  px_store_add_event_argument (store, ev, "Participant", m2, &error);
  px_store_set_annotation_entity (store, m1, ent, &error);
  px_store_set_annotation_entity (store, m2, ent, &error);
  g_assert_no_error (error);
}

static void
test_export_read_back (gconstpointer data)
{
  gboolean raw = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *db = px_test_db_path ();
  g_autofree char *dir = px_test_tmpdir ();
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GFile) out = g_file_new_for_path (dir);
  g_autofree char *counts = NULL;
  g_autofree char *articles = NULL;
  g_autofree char *path = g_build_filename (dir, "articles.csv", NULL);

  if (!have_python ())
    {
      g_test_skip ("python3 is not installed");
      return;
    }
  build_corpus (store);
  g_assert_true (px_export_csv_dir (store, out, raw ? PX_EXPORT_RAW : PX_EXPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  counts = check_with_python (dir, db, 6, raw ? "raw" : "safe");
  g_assert_cmpstr (g_strstrip (counts), ==, "6 2 1 1");
  g_assert_true (g_file_get_contents (path, &articles, NULL, NULL));
  if (raw)
    g_assert_nonnull (strstr (articles, ",\"=HYPERLINK(\"\"x\"\")\","));
  else
    g_assert_nonnull (strstr (articles, ",\"'=HYPERLINK(\"\"x\"\")\","));
}

static void
test_export_failure_leaves_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = px_test_db_path ();
  g_autofree char *file = px_test_write_file ("not-a-dir", "x", -1);
  g_autofree char *inside = g_build_filename (file, "out", NULL);
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GFile) out = g_file_new_for_path (inside);

  g_assert_false (px_export_csv_dir (store, out, PX_EXPORT_DEFAULT, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "not-a-dir"));
}

/* When one table cannot be written, none of the files changes and no
 * temporary file is left behind. */
static void
test_export_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = px_test_db_path ();
  g_autofree char *dir = px_test_tmpdir ();
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GFile) out = g_file_new_for_path (dir);
  g_autofree char *articles = g_build_filename (dir, "articles.csv", NULL);
  g_autofree char *entities = g_build_filename (dir, "entities.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  PxArticleInfo extra = { .title = (char *) "Troisième", .text = (char *) "Un article de plus." };
  const char *name;
  guint n = 0;

  build_corpus (store);
  g_assert_true (px_export_csv_dir (store, out, PX_EXPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (articles, &before, NULL, NULL));
  g_assert_cmpint (px_store_add_article (store, &extra, NULL, &error), >, 0);
  /* entities.csv cannot be replaced once it is a folder. */
  g_assert_cmpint (g_remove (entities), ==, 0);
  g_assert_cmpint (g_mkdir (entities, 0700), ==, 0);

  g_assert_false (px_export_csv_dir (store, out, PX_EXPORT_DEFAULT, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_get_contents (articles, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_null (strstr (after, "Troisième"));
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_has_suffix (name, ".csv"));
      n++;
    }
  g_assert_cmpuint (n, ==, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/export/read-back-safe", GINT_TO_POINTER (FALSE), test_export_read_back);
  g_test_add_data_func ("/export/read-back-raw", GINT_TO_POINTER (TRUE), test_export_read_back);
  g_test_add_func ("/export/failure", test_export_failure_leaves_nothing);
  g_test_add_func ("/export/all-or-nothing", test_export_all_or_nothing);
  return g_test_run ();
}
