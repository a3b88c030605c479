/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-gold-report: how well the compare engine does on the hand-written gold
 * set of the shared corpus (tests/data/gold/antalya*.tsv). Imports the
 * articles into a temporary corpus, tags the gold entity mentions through
 * the editor as a coder would, runs the engine and prints precision, recall
 * and F1 for the alignment, the entity clustering (pairwise) and the quote
 * speakers. A report, not a timed test: it exits 0 and says "skipped" when
 * ../shared is absent.
 *
 *   px-gold-report [SHARED_DIR]     (default: $PARALLAX_SHARED_DIR, then
 *                                    the source tree's ../shared)
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "px-core.h"
#include "px-editor.h"
#include "px-quotes.h"
#include "px-store-compare.h"

#define ART_A "000_f578c2cf684f1a42.txt"
#define ART_B "001_c9d236ec550ff166.txt"
#define ART_UNSEEN "003_100d8ce819ed988d.txt"

typedef struct
{
  PxStore    *store;
  PxEditor   *editor;
  const char *shared;
  GHashTable *ids;     /* file name → gint64 article id */
  GHashTable *texts;   /* file name → text */
} Report;

static void
print_prf (const char *what, guint right, guint predicted, guint gold_right, guint gold)
{
  double p = predicted ? (double) right / predicted : 0;
  double r = gold ? (double) gold_right / gold : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;

  printf ("%-28s precision %.2f (%u/%u)  recall %.2f (%u/%u)  F1 %.2f\n",
           what, p, right, predicted, r, gold_right, gold, f);
}

/* Rows of a gold TSV, without comments and blank lines. */
static GPtrArray *
read_rows (const char *name)
{
  g_autofree char *path = g_build_filename (PX_SOURCE_ROOT, "tests", "data", "gold", name, NULL);
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (!g_file_get_contents (path, &data, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (lines[i][0] != '#' && lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

static gint64
import (Report *r, const char *name, gint64 story)
{
  g_autofree char *path = g_build_filename (r->shared, "corpus", name, NULL);
  g_autofree char *data = NULL;
  g_auto(PxArticleInfo) info = { 0 };
  g_autoptr(GError) error = NULL;
  gsize len;
  gint64 id;

  if (!g_file_get_contents (path, &data, &len, &error)
      || !px_import_parse ((const guint8 *) data, len, path, NULL, &info, &error)
      || (id = px_store_add_article (r->store, &info, NULL, &error)) == 0
      || !px_store_set_article_story (r->store, id, story, &error))
    g_error ("%s", error->message);
  g_hash_table_insert (r->ids, g_strdup (name), g_memdup2 (&id, sizeof id));
  g_hash_table_insert (r->texts, g_strdup (name), g_strdup (info.text));
  return id;
}

static gint64
article_id (Report *r, const char *name)
{
  gint64 *id = g_hash_table_lookup (r->ids, name);

  if (id == NULL)
    g_error ("gold: unknown article %s", name);
  return *id;
}

/* ---- Entities ----------------------------------------------------------- */

/* Tags the selection found inside the first occurrence of @context,
 * snapped to words like the Annotate page does; returns the entity id. */
static gint64
tag_row (Report *r, GStrv row, GArray *annotations)
{
  const char *text = g_hash_table_lookup (r->texts, row[0]);
  const char *context = row[4] && *row[4] ? row[4] : row[3];
  const char *c = strstr (text, context);
  const char *sel = c ? strstr (c, row[3]) : NULL;
  g_autoptr(PxLabel) label = px_store_find_label (r->store, row[1]);
  g_autoptr(PxAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  gsize start, end;
  gint64 id;

  if (sel == NULL || label == NULL)
    g_error ("gold: \"%s\" (%s) not found in %s", row[3], row[1], row[0]);
  start = g_utf8_pointer_to_offset (text, sel);
  end = start + g_utf8_strlen (row[3], -1);
  px_text_snap_to_words (text, "fr", &start, &end);
  id = px_editor_tag (r->editor, article_id (r, row[0]), px_label_get_id (label), start, end,
                      NULL, &error);
  if (id == 0)
    g_error ("gold: tagging \"%s\": %s", row[3], error->message);
  if (px_editor_get_notice (r->editor) != NULL)
    printf ("  notice: %s\n", px_editor_get_notice (r->editor));
  g_array_append_val (annotations, id);
  a = px_store_get_annotation (r->store, id, NULL);
  return px_annotation_get_entity_id (a);
}

static void
report_entities (Report *r, GArray *annotations)
{
  g_autoptr(GPtrArray) rows = read_rows ("antalya-entities.tsv");
  g_autoptr(GArray) entity = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint same_gold = 0, same_found = 0, same_both = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 e = tag_row (r, g_ptr_array_index (rows, i), annotations);
      g_array_append_val (entity, e);
    }
  for (guint i = 0; i < rows->len; i++)
    for (guint j = i + 1; j < rows->len; j++)
      {
        GStrv a = g_ptr_array_index (rows, i), b = g_ptr_array_index (rows, j);
        gint64 ea = g_array_index (entity, gint64, i), eb = g_array_index (entity, gint64, j);
        gboolean gold = g_str_equal (a[2], b[2]);
        gboolean found = ea != 0 && ea == eb;

        same_gold += gold;
        same_found += found;
        same_both += gold && found;
        if (gold != found)
          printf ("  %s: %s / %s\n", gold ? "missed" : "wrongly joined", a[3], b[3]);
      }
  printf ("%u surface forms, %u same-entity pairs\n", rows->len, same_gold);
  print_prf ("entity clustering (pairs)", same_both, same_found, same_both, same_gold);
}

/* ---- Alignment ---------------------------------------------------------- */

static int
sentence_of (const PxAlignment *al, guint doc, const char *text, const char *needle)
{
  const char *p;

  /* "^…": a headline, at the start of the text. */
  if (needle[0] == '^')
    return g_str_has_prefix (text, needle + 1) ? px_alignment_sentence_at (al, doc, 0) : -1;
  p = strstr (text, needle);
  if (p == NULL || strstr (p + 1, needle) != NULL)
    g_error ("gold: \"%s\" is not once in article %u", needle, doc);
  return px_alignment_sentence_at (al, doc, g_utf8_pointer_to_offset (text, p));
}

static void
report_alignment (Report *r, const PxCompareResult *res)
{
  g_autoptr(GPtrArray) rows = read_rows ("antalya.tsv");
  g_autoptr(GHashTable) gold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *a = g_hash_table_lookup (r->texts, ART_A);
  const char *b = g_hash_table_lookup (r->texts, ART_B);
  const PxAlignment *al = res->alignment;
  guint right = 0, sure = 0, sure_found = 0, shared = 0, shared_right = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      char *key = g_strdup_printf ("%d-%d", sentence_of (al, 0, a, row[1]), sentence_of (al, 1, b, row[2]));

      sure += g_str_equal (row[0], "sure");
      g_hash_table_insert (gold, key, (gpointer) (g_str_equal (row[0], "sure") ? "sure" : "possible"));
    }
  for (guint k = 0; k < al->links->len; k++)
    {
      const PxAlignLink *l = &g_array_index (al->links, PxAlignLink, k);
      g_autofree char *key = g_strdup_printf ("%u-%u", l->a_sentence, l->b_sentence);
      const char *kind = g_hash_table_lookup (gold, key);

      right += kind != NULL;
      sure_found += g_strcmp0 (kind, "sure") == 0;
      shared += l->status == PX_ALIGN_SHARED;
      shared_right += l->status == PX_ALIGN_SHARED && kind != NULL;
      if (kind == NULL)
        printf ("  wrong link %s (%.2f, %s)\n", key, l->score, px_align_status_to_string (l->status));
    }
  {
    GHashTableIter it;
    gpointer key, kind;

    g_hash_table_iter_init (&it, gold);
    while (g_hash_table_iter_next (&it, &key, &kind))
      {
        gboolean hit = FALSE;

        for (guint k = 0; k < al->links->len && !hit; k++)
          {
            const PxAlignLink *l = &g_array_index (al->links, PxAlignLink, k);
            g_autofree char *lk = g_strdup_printf ("%u-%u", l->a_sentence, l->b_sentence);
            hit = g_str_equal (lk, key);
          }
        if (!hit && g_str_equal (kind, "sure"))
          printf ("  missed sure pair %s\n", (char *) key);
      }
  }
  printf ("%u gold pairs (%u sure); %u links, %u shared (%u right)\n",
           g_hash_table_size (gold), sure, al->links->len, shared, shared_right);
  print_prf ("alignment (sure recall)", right, al->links->len, sure_found, sure);
}

/* Links between articles of different stories: every one is a false
 * positive, a check on articles the engine was not tuned on. */
static void
report_unseen_alignment (Report *r, const char *other)
{
  gint64 ids[2] = { article_id (r, other), article_id (r, ART_UNSEEN) };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxCompareInput) input = px_compare_input_load (r->store, ids, 2, &error);
  g_autoptr(PxCompareResult) res = NULL;

  if (input == NULL)
    g_error ("%s", error->message);
  res = px_compare_run (input);
  printf ("%s vs %s (other events): %u links, %u marked shared\n", other, ART_UNSEEN,
           res->alignment->links->len, px_alignment_count (res->alignment, 0, PX_ALIGN_SHARED));
}

/* ---- Quotes ------------------------------------------------------------- */

static gboolean
speaker_matches (const char *speaker, const char *gold)
{
  g_autofree char *sk = NULL;
  g_auto(GStrv) names = NULL;

  if (g_str_equal (gold, "-"))
    return speaker == NULL;
  if (speaker == NULL)
    return FALSE;
  sk = px_text_match_key (speaker);
  names = g_strsplit (gold, "/", -1);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *nk = px_text_match_key (names[i]);
      if (strstr (sk, nk) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
report_quotes (Report *r, const char *const *articles, const char *only,
               const PxCompareResult *res, guint *found, guint *right, guint *gold_named, guint *unnamed_merged)
{
  g_autoptr(GPtrArray) rows = read_rows ("antalya-quotes.tsv");
  const PxQuoteSet *qs = res->quotes;

  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      g_autofree char *want = px_text_match_key (row[1]);
      const PxQuote *hit = NULL;
      int doc = -1;

      for (guint d = 0; d < 2; d++)
        if (g_str_equal (articles[d], row[0]))
          doc = d;
      if (doc < 0 || (only != NULL && !g_str_equal (only, row[0])))
        continue;
      for (guint q = 0; q < qs->quotes->len && hit == NULL; q++)
        {
          const PxQuote *quote = &g_array_index (qs->quotes, PxQuote, q);
          g_autofree char *key = px_text_match_key (quote->text);

          if ((int) quote->article == doc && g_str_has_prefix (key, want))
            hit = quote;
        }
      *gold_named += !g_str_equal (row[2], "-");
      if (hit == NULL)
        {
          printf ("  quote not found: %s: %s\n", row[0], row[1]);
          continue;
        }
      (*found)++;
      if (speaker_matches (hit->speaker, row[2]))
        *right += !g_str_equal (row[2], "-");
      else
        printf ("  wrong speaker: %.3s %s…: %s (gold %s)\n", row[0], row[1],
                 hit->speaker ? hit->speaker : "unknown", row[2]);
      if (g_str_equal (row[2], "-"))
        for (guint q = 0; q < qs->quotes->len; q++)
          {
            const PxQuote *other = &g_array_index (qs->quotes, PxQuote, q);
            *unnamed_merged += other != hit && other->group == hit->group && other->speaker != NULL;
          }
    }
}

static PxCompareResult *
run_pair (Report *r, const char *a, const char *b)
{
  gint64 ids[2] = { article_id (r, a), article_id (r, b) };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxCompareInput) input = px_compare_input_load (r->store, ids, 2, &error);

  if (input == NULL)
    g_error ("%s", error->message);
  return px_compare_run (input);
}

int
main (int argc, char **argv)
{
  g_autofree char *shared = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxCompareResult) res = NULL;
  g_autoptr(PxCompareResult) unseen = NULL;
  Report r = { 0 };
  const char *pair[2] = { ART_A, ART_B };
  const char *upair[2] = { ART_UNSEEN, ART_A };
  guint found = 0, right = 0, named = 0, merged = 0;
  gint64 story, other_story;

  shared = g_strdup (argc > 1 ? argv[1] : g_getenv ("PARALLAX_SHARED_DIR"));
  if (shared == NULL)
    shared = g_build_filename (PX_SOURCE_ROOT, "..", "shared", NULL);
  if (!g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      printf ("skipped: %s is absent\n", shared);
      return 0;
    }
  dir = g_dir_make_tmp ("px-gold-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "corpus.db", NULL);
  r.store = px_store_open (db, 0, &error);
  g_assert_no_error (error);
  r.editor = px_editor_new (r.store);
  r.shared = shared;
  r.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  story = px_store_add_story (r.store, "Antalya", &error);
  other_story = px_store_add_story (r.store, "Istanbul", &error);
  g_assert_no_error (error);
  import (&r, ART_A, story);
  import (&r, ART_B, story);
  import (&r, ART_UNSEEN, other_story);

  printf ("== Entities (%s, %s)\n", ART_A, ART_B);
  {
    g_autoptr(GArray) annotations = g_array_new (FALSE, FALSE, sizeof (gint64));

    report_entities (&r, annotations);
    /* Then the coder finds every other occurrence in the story and accepts
     * them all, so that the engine sees a fully annotated pair. */
    for (guint i = 0; i < annotations->len; i++)
      if (px_editor_suggest (r.editor, g_array_index (annotations, gint64, i), TRUE, NULL, &error) < 0)
        g_error ("%s", error->message);
    if (px_editor_accept_all (r.editor, article_id (&r, ART_A), &error) < 0
        || px_editor_accept_all (r.editor, article_id (&r, ART_B), &error) < 0)
      g_error ("%s", error->message);
  }
  res = run_pair (&r, ART_A, ART_B);
  printf ("\n== Alignment\n");
  report_alignment (&r, res);
  report_unseen_alignment (&r, ART_A);
  report_unseen_alignment (&r, ART_B);

  printf ("\n== Quotes\n");
  report_quotes (&r, pair, NULL, res, &found, &right, &named, &merged);
  unseen = run_pair (&r, ART_UNSEEN, ART_A);
  report_quotes (&r, upair, ART_UNSEEN, unseen, &found, &right, &named, &merged);
  printf ("%u gold quotes found; unnamed quotes grouped with a named speaker's: %u\n", found, merged);
  print_prf ("quote speakers (named)", right, named, right, named);

  g_clear_object (&r.editor);
  g_clear_object (&r.store);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  g_hash_table_unref (r.ids);
  g_hash_table_unref (r.texts);
  return 0;
}
