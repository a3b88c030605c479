/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import: the quirks of real scraped articles, and bad files that must not
 * stop the good ones. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "px-core.h"
#include "px-test-util.h"

static gboolean
parse (const char *data, gssize len, PxArticleInfo *info, GError **error)
{
  return px_import_parse ((const guint8 *) data, len < 0 ? strlen (data) : (gsize) len,
                          "test.txt", NULL, info, error);
}

static void
test_front_matter (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(PxArticleInfo) info = { 0 };
  const char *text = "---\ntitle: \"Sommet à Antalya\"\nsource: Le Quotidien\npublished: 2022-03-10\n"
                     "url: https://example.org/a\nlanguage: fr\nstory: Antalya\n---\n"
                     "Les ministres se sont rencontrés.\n";

  g_assert_true (parse (text, -1, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.title, ==, "Sommet à Antalya");
  g_assert_cmpstr (info.source, ==, "Le Quotidien");
  g_assert_cmpstr (info.published, ==, "2022-03-10");
  g_assert_cmpstr (info.url, ==, "https://example.org/a");
  g_assert_cmpstr (info.story, ==, "Antalya");
  g_assert_cmpstr (info.text, ==, "Les ministres se sont rencontrés.");
}

static void
test_unclosed_front_matter (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(PxArticleInfo) info = { 0 };

  g_assert_false (parse ("---\ntitle: x\nLe texte.\n", -1, &info, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "test.txt:1"));
}

static void
test_quirks (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(PxArticleInfo) info = { 0 };
  const char *text = " date 2022-03 Kiev et Moscou discutent\n\nLes pourparlers continuent sans "
                     "résultat, selon les deux délégations.\n\nexpresso.pt\n";

  g_assert_true (parse (text, -1, &info, &error));
  g_assert_cmpstr (info.published, ==, "2022-03");
  g_assert_cmpstr (info.source, ==, "expresso.pt");
  g_assert_cmpstr (info.title, ==, "Kiev et Moscou discutent");
  g_assert_true (g_str_has_prefix (info.text, "Kiev et Moscou discutent\n"));
  g_assert_true (g_str_has_suffix (info.text, "délégations."));
  g_assert_cmpstr (info.language, ==, "fr");
}

static void
test_no_headline (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(PxArticleInfo) info = { 0 };

  /* One long line: the title is its first words. */
  g_assert_true (parse ("The talks in Turkey ended without any agreement on a ceasefire, and both sides "
                        "said they would meet again.", -1, &info, &error));
  g_assert_cmpstr (info.title, ==, "The talks in Turkey ended without any agreement…");
  g_assert_cmpstr (info.language, ==, "en");
}

static void
test_encodings (void)
{
  g_autoptr(GError) error = NULL;
  /* "Café\r\nthé" in several encodings: all give the same clean text. */
  static const guint8 utf16le[] = { 0xff, 0xfe, 'C', 0, 'a', 0, 'f', 0, 0xe9, 0, '\r', 0, '\n', 0, 't', 0, 'h', 0, 0xe9, 0 };
  static const guint8 latin1[] = { 'C', 'a', 'f', 0xe9, '\r', '\n', 't', 'h', 0xe9 };
  static const guint8 bom[] = { 0xef, 0xbb, 0xbf, 'C', 'a', 'f', 0xc3, 0xa9, '\r', '\n', 't', 'h', 0xc3, 0xa9 };
  const guint8 *inputs[] = { utf16le, latin1, bom };
  gsize lens[] = { sizeof utf16le, sizeof latin1, sizeof bom };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_auto(PxArticleInfo) info = { 0 };

      g_assert_true (px_import_parse (inputs[i], lens[i], "enc.txt", NULL, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (info.text, ==, "Café\nthé");
    }
}

static void
test_bad_inputs (void)
{
  static const guint8 binary[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0 };
  static const guint8 nuls[64] = { 0 };
  PxImportOptions small = { .max_bytes = 10 };
  struct { const guint8 *data; gsize len; const PxImportOptions *opt; int code; } cases[] = {
    { binary, sizeof binary, NULL, PX_ERROR_BINARY },
    { nuls, sizeof nuls, NULL, PX_ERROR_BINARY },
    { (const guint8 *) "", 0, NULL, PX_ERROR_EMPTY },
    { (const guint8 *) "  \n\n\t ", 6, NULL, PX_ERROR_EMPTY },
    { (const guint8 *) "Un texte un peu trop long.", 26, &small, PX_ERROR_TOO_LARGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(PxArticleInfo) info = { 0 };

      g_assert_false (px_import_parse (cases[i].data, cases[i].len, "bad.txt", cases[i].opt, &info, &error));
      g_assert_error (error, PX_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "bad.txt"));
      g_assert_null (strchr (error->message, '\n'));
    }
}

static void
test_crlf_and_trailing_space (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(PxArticleInfo) info = { 0 };

  g_assert_true (parse ("Titre court\r\n\r\nLe texte suit.  \r\n\r\n\t\r\n", -1, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.title, ==, "Titre court");
  g_assert_cmpstr (info.text, ==, "Titre court\n\nLe texte suit.");
}

static void
test_headline_or_sentence (void)
{
  const char *sentences[] = {
    "Il a dit : « nous reviendrons. »\n\nLa suite compte bien plus de huit mots en tout.",
    "Il a dit \"nous reviendrons.\"\n\nLa suite compte bien plus de huit mots en tout.",
    "Les discussions ont duré trois heures (sans résultat).\nLa suite compte bien plus de huit mots en tout.",
    "Les discussions continuent…\nLa suite compte bien plus de huit mots en tout.",
  };
  const char *headlines[] = {
    "Kiev et Moscou se parlent à Antalya\n\nLa suite.",
    "Qui a gagné à Antalya ?\n\nLa suite.",
    "« Nous reviendrons », promet Kouléba\nLa suite.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(PxArticleInfo) info = { 0 };

      g_assert_true (parse (sentences[i], -1, &info, &error));
      if (!g_str_has_suffix (info.title, "…"))
        g_error ("case %u: “%s” taken as a headline", i, info.title);
    }
  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(PxArticleInfo) info = { 0 };
      g_autofree char *first = g_strndup (headlines[i], strchr (headlines[i], '\n') - headlines[i]);

      g_assert_true (parse (headlines[i], -1, &info, &error));
      g_assert_cmpstr (info.title, ==, first);
    }
}

static void
test_outlet_line (void)
{
  const char *not_outlets[] = {
    "Un texte.\n\nFin de l'article, vraiment.\n",  /* a sentence */
    "Un texte.\n\n3.14\n",                          /* a number */
    "Un texte sur une ligne.\n",                     /* no last line */
    "Un texte.\n\nLe président parle\n",             /* lower case word */
    "Un texte.\nLe Monde\n",                         /* no blank line before */
    "Un texte.\n\nFin\n",                            /* one plain word */
  };

  {
    g_autoptr(GError) error = NULL;
    g_auto(PxArticleInfo) info = { 0 };

    g_assert_true (parse ("Les discussions reprennent.\n\nlemonde.fr  \n\n", -1, &info, &error));
    g_assert_cmpstr (info.source, ==, "lemonde.fr");
    g_assert_cmpstr (info.text, ==, "Les discussions reprennent.");
  }
  {
    const char *names[][2] = {
      { "Le texte de l'article.\n\nLe Monde\n", "Le Monde" },
      { "Le texte de l'article.\n\nThe Guardian", "The Guardian" },
      { "Le texte de l'article.\n\nAFP\n", "AFP" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(GError) error = NULL;
        g_auto(PxArticleInfo) info = { 0 };

        g_assert_true (parse (names[i][0], -1, &info, &error));
        g_assert_cmpstr (info.source, ==, names[i][1]);
        g_assert_cmpstr (info.text, ==, "Le texte de l'article.");
      }
  }
  for (guint i = 0; i < G_N_ELEMENTS (not_outlets); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(PxArticleInfo) info = { 0 };

      g_assert_true (parse (not_outlets[i], -1, &info, &error));
      if (info.source != NULL)
        g_error ("“%s” taken as the outlet in case %u", info.source, i);
      g_assert_true (g_str_has_prefix (not_outlets[i], info.text));
    }
}

static void
write_in (const char *dir, const char *name, const void *data, gssize len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0700);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

static void
test_folder_one_bad_among_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = px_test_db_path ();
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxImportReport) report = NULL;
  const char *paths[] = { dir, NULL };
  PxImportOptions options = { .story = "Test" };

  write_in (dir, "a.txt", "Premier article du dossier.", -1);
  write_in (dir, "sub/b.txt", "Deuxième article, dans un sous-dossier.", -1);
  write_in (dir, "sub/c.txt", "Premier article du dossier.", -1); /* duplicate of a */
  write_in (dir, "empty.txt", "", 0);
  write_in (dir, "bin.txt", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20);
  write_in (dir, ".hidden.txt", "Caché.", -1);
  write_in (dir, "notes.pdf", "%PDF-1.4", -1);
  {
    /* A link back up the tree must not make the walk endless. */
    g_autofree char *loop = g_build_filename (dir, "sub", "loop", NULL);
    g_assert_cmpint (symlink (dir, loop), ==, 0);
  }

  report = px_import_paths (store, paths, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_imported, ==, 2);
  g_assert_cmpuint (report->n_duplicates, ==, 1);
  g_assert_cmpuint (report->n_failed, ==, 2);
  g_assert_cmpuint (report->results->len, ==, 5);
  g_assert_cmpuint (px_store_count_articles (store), ==, 2);
  for (guint i = 0; i < report->results->len; i++)
    {
      PxImportResult *r = g_ptr_array_index (report->results, i);
      if (r->outcome != PX_IMPORT_IMPORTED)
        g_assert_nonnull (strstr (r->message, r->path));
    }
  {
    g_autoptr(GListModel) in_story = px_store_list_articles (store, px_store_ensure_story (store, "Test", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (in_story), ==, 2);
  }
}

/* Files named on the command line are read whatever their extension; the
 * size limit is checked before reading; importing again gives duplicates. */
static void
test_explicit_files_and_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = px_test_db_path ();
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autofree char *md = g_build_filename (dir, "note.md", NULL);
  g_autofree char *big = g_build_filename (dir, "big.txt", NULL);
  const char *paths[] = { md, big, NULL };
  PxImportOptions options = { .max_bytes = 64 };

  write_in (dir, "note.md", "Une note en Markdown.", -1);
  write_in (dir, "big.txt", "Un article bien plus long que la petite limite fixée pour ce test, "
                            "qui est de soixante-quatre octets.", -1);
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(PxImportReport) report = px_import_paths (store, paths, &options, NULL, NULL, NULL, &error);
      PxImportResult *first, *second;

      g_assert_no_error (error);
      first = g_ptr_array_index (report->results, 0);
      second = g_ptr_array_index (report->results, 1);
      g_assert_cmpint (first->outcome, ==, round == 0 ? PX_IMPORT_IMPORTED : PX_IMPORT_DUPLICATE);
      g_assert_cmpint (first->article_id, >, 0);
      g_assert_cmpint (second->outcome, ==, PX_IMPORT_FAILED);
      g_assert_nonnull (strstr (second->message, "big.txt"));
      g_assert_nonnull (strstr (second->message, "too large"));
      g_assert_cmpuint (report->n_imported + report->n_duplicates, ==, 1);
    }
  g_assert_cmpuint (px_store_count_articles (store), ==, 1);
}

typedef struct { guint calls; guint last_done; guint total; } Progress;

static void
on_progress (guint done, guint total, const char *path, gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (done, ==, p->last_done + 1);
  g_assert_nonnull (path);
  p->calls++;
  p->last_done = done;
  p->total = total;
}

static void
on_progress_cancel (guint done, guint total, const char *path, gpointer user_data)
{
  if (done == 3)
    g_cancellable_cancel (user_data);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = px_test_db_path ();
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const char *paths[] = { dir, NULL };
  Progress p = { 0 };

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("deep/%u/art%u.txt", i % 2, i);
      g_autofree char *text = g_strdup_printf ("Article numéro %u du lot.", i);
      write_in (dir, name, text, -1);
    }
  {
    g_autoptr(PxImportReport) report = px_import_paths (store, paths, NULL, on_progress, &p, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->n_imported, ==, 6);
    g_assert_cmpuint (p.calls, ==, 6);
    g_assert_cmpuint (p.total, ==, 6);
    /* Sorted walk: folder 0 before folder 1. */
    g_assert_true (strstr (((PxImportResult *) report->results->pdata[0])->path, "/0/art0.txt") != NULL);
    g_assert_true (strstr (((PxImportResult *) report->results->pdata[3])->path, "/1/art1.txt") != NULL);
  }
  {
    g_autofree char *db2 = px_test_db_path ();
    g_autoptr(PxStore) store2 = px_store_open (db2, PX_STORE_OPEN_DEFAULT, &error);
    g_autoptr(PxImportReport) report = px_import_paths (store2, paths, NULL, on_progress_cancel,
                                                        cancellable, cancellable, &error);
    g_assert_null (report);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    /* What was imported before the cancel stays. */
    g_assert_cmpuint (px_store_count_articles (store2), ==, 3);
  }
}

static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_write_file ("locked.txt", "Secret.", -1);
  g_autofree char *db = px_test_db_path ();
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxImportReport) report = NULL;
  const char *paths[] = { path, "/nonexistent/file.txt", NULL };

  if (geteuid () != 0)
    g_chmod (path, 0);
  else
    paths[0] = "/nonexistent/other.txt";
  /* A sub-folder that cannot be opened is a failure too, not a silent gap
   * (root opens anything, so only as another user). */
  if (geteuid () != 0)
    {
      g_autofree char *dir = px_test_tmpdir ();
      g_autofree char *sub = g_build_filename (dir, "closed", NULL);
      const char *folder[] = { dir, NULL };
      g_autoptr(PxImportReport) r = NULL;

      write_in (dir, "closed/a.txt", "Un article dans un dossier fermé.", -1);
      g_chmod (sub, 0);
      r = px_import_paths (store, folder, NULL, NULL, NULL, NULL, &error);
      g_chmod (sub, 0700);
      g_assert_no_error (error);
      g_assert_cmpuint (r->n_failed, ==, 1);
      g_assert_nonnull (strstr (((PxImportResult *) r->results->pdata[0])->message, "closed"));
    }
  report = px_import_paths (store, paths, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_failed, ==, 2);
  g_assert_cmpuint (px_store_count_articles (store), ==, 0);
}

static char *
corpus_file (const char *name)
{
  const char *shared = px_test_shared_dir ();

  return shared != NULL ? g_build_filename (shared, "corpus", name, NULL) : NULL;
}

static void
parse_corpus (const char *name, PxArticleInfo *info)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = corpus_file (name);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_true (px_import_parse ((guint8 *) data, len, path, NULL, info, &error));
  g_assert_no_error (error);
}

static void
test_shared_corpus (void)
{
  g_auto(PxArticleInfo) a = { 0 };
  g_auto(PxArticleInfo) b = { 0 };
  g_auto(PxArticleInfo) c = { 0 };

  if (px_test_shared_dir () == NULL)
    {
      g_test_skip ("../shared is absent");
      return;
    }
  /* 001: a leading " date 2022-03 " marker, removed from the text. */
  parse_corpus ("001_c9d236ec550ff166.txt", &b);
  g_assert_cmpstr (b.published, ==, "2022-03");
  g_assert_false (g_str_has_prefix (b.text, " date"));
  g_assert_true (g_str_has_prefix (b.text, "Les pourparlers"));
  /* …then a headline, which becomes the title and stays in the text. */
  g_assert_cmpstr (b.title, ==, "Les pourparlers entre Kiev et Moscou ont jusqu'à présent "
                                "abouti à plusieurs cessez-le-feu locaux");
  g_assert_true (g_str_has_prefix (b.text, b.title));
  g_assert_null (b.source);
  /* 000 and 003 are French; 003 is one line without any break. */
  parse_corpus ("000_f578c2cf684f1a42.txt", &a);
  g_assert_cmpstr (a.language, ==, "fr");
  g_assert_true (g_str_has_prefix (a.text, "Le ministre russe"));
  g_assert_nonnull (strstr (a.text, "Kuleba"));
  parse_corpus ("003_100d8ce819ed988d.txt", &c);
  g_assert_cmpstr (c.language, ==, "fr");
  g_assert_null (strchr (c.text, '\n'));
  g_assert_true (g_str_has_suffix (c.title, "…"));
}

/* A .json file named on its own is no article: it made one titled "{". */
static void
test_json_refused (void)
{
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *json = g_build_filename (dir, "meta.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PxImportReport) report = NULL;
  const char *paths[] = { json, NULL };
  PxImportResult *r;

  g_assert_true (g_file_set_contents (json, "{\n  \"title\": \"Kuleba\"\n}\n", -1, NULL));
  report = px_import_paths (store, paths, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 0);
  g_assert_cmpuint (report->n_failed, ==, 1);
  r = g_ptr_array_index (report->results, 0);
  g_assert_nonnull (strstr (r->message, "meta.json: a JSON file is not an article"));
  g_assert_cmpuint (px_store_count_articles (store), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/front-matter", test_front_matter);
  g_test_add_func ("/import/unclosed-front-matter", test_unclosed_front_matter);
  g_test_add_func ("/import/quirks", test_quirks);
  g_test_add_func ("/import/no-headline", test_no_headline);
  g_test_add_func ("/import/encodings", test_encodings);
  g_test_add_func ("/import/bad-inputs", test_bad_inputs);
  g_test_add_func ("/import/folder-one-bad-among-good", test_folder_one_bad_among_good);
  g_test_add_func ("/import/crlf-trailing-space", test_crlf_and_trailing_space);
  g_test_add_func ("/import/outlet-line", test_outlet_line);
  g_test_add_func ("/import/headline-or-sentence", test_headline_or_sentence);
  g_test_add_func ("/import/explicit-files-limits", test_explicit_files_and_limits);
  g_test_add_func ("/import/progress-cancel", test_progress_and_cancel);
  g_test_add_func ("/import/unreadable", test_unreadable);
  g_test_add_func ("/import/shared-corpus", test_shared_corpus);
  g_test_add_func ("/import/json-refused", test_json_refused);
  return g_test_run ();
}
