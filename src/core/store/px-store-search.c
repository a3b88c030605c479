/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-search.c: full-text search and stats. */
#include <glib/gstdio.h>
#include <string.h>

#include "px-store-private.h"
#include "px-text.h"

void
px_search_hit_free (PxSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

/* Every term becomes an FTS5 string ("…" with quotes doubled), so that what
 * a user types is never FTS syntax: "AND", a lone quote or a colon are
 * searched for, not obeyed. Terms are ANDed. */
static char *
quote_query (const char *query)
{
  g_auto(GStrv) terms = g_strsplit_set (query, " \t\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      if (*terms[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, '"');
      for (const char *p = terms[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  return g_string_free (out, out->len == 0);
}

/* The quoted terms of quote_query() as word prefixes ("Koulé"* finds
 * "Kouleba"): a star after every closing quote. */
static char *
prefix_query (const char *query)
{
  g_autofree char *quoted = quote_query (query != NULL ? query : "");
  GString *m;
  gboolean inside = FALSE;

  if (quoted == NULL)
    return NULL;
  m = g_string_new (NULL);
  for (const char *p = quoted; *p != '\0'; p++)
    {
      g_string_append_c (m, *p);
      if (*p != '"')
        continue;
      if (inside && p[1] == '"')
        {
          g_string_append_c (m, *++p);   /* a doubled quote inside a term */
          continue;
        }
      inside = !inside;
      if (!inside)
        g_string_append_c (m, '*');
    }
  return g_string_free (m, FALSE);
}

/* The first word at or after @from_byte of @text whose match key starts
 * with the key of the query's first term: the span FTS5 most likely
 * matched. Approximate (it ignores the other terms), good enough to
 * scroll to. */
static void
locate_from (const char  *text,
             gsize        from_byte,
             const char  *query,
             gsize       *start,
             gsize       *end)
{
  g_auto(GStrv) terms = g_strsplit_set (query, " \t\n\"", -1);
  g_autofree char *key = NULL;
  g_autoptr(GArray) words = NULL;
  gsize from_cp;

  *start = *end = 0;
  for (guint i = 0; terms[i] != NULL && key == NULL; i++)
    if (*terms[i] != '\0')
      key = px_text_match_key (terms[i]);
  if (key == NULL || *key == '\0')
    return;
  words = px_text_words (text, NULL);
  from_cp = px_text_byte_to_cp (text, from_byte);
  for (guint i = 0; i < words->len; i++)
    {
      PxSpan *w = &g_array_index (words, PxSpan, i);

      if (w->start < from_cp)
        continue;
      g_autofree char *word = px_text_substring (text, w->start, w->end);
      g_autofree char *wkey = px_text_match_key (word);

      if (wkey != NULL && g_str_has_prefix (wkey, key))
        {
          *start = w->start;
          *end = w->end;
          return;
        }
    }
}

/* The occurrence the snippet shows, not the article's first one: the
 * snippet is a piece of the text (between "…" when cut), so the match is
 * looked for from where that piece starts. */
static void
locate (const char  *text,
        const char  *snippet,
        const char  *query,
        gsize       *start,
        gsize       *end)
{
  g_autofree char *piece = g_strdup (snippet != NULL ? snippet : "");
  const char *core = piece;
  const char *found;
  gsize len = strlen (piece);

  if (g_str_has_prefix (core, "…"))
    core += strlen ("…");
  if (len >= strlen ("…") && g_str_has_suffix (piece, "…"))
    piece[len - strlen ("…")] = '\0';
  found = *core != '\0' ? strstr (text, core) : NULL;
  locate_from (text, found != NULL ? (gsize) (found - text) : 0, query, start, end);
  if (*end == 0 && found != NULL)
    locate_from (text, 0, query, start, end);
}

GPtrArray *
px_store_search (PxStore     *self,
                 const char  *query,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) px_search_hit_free);
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  match = prefix_query (query);
  if (match == NULL)
    return g_steal_pointer (&hits);
  stmt = px_store_prepare (self,
    "SELECT a.id, a.title, snippet(article_fts, 1, '', '', '…', 16), a.text"
    " FROM article_fts JOIN article a ON a.id = article_fts.rowid"
    " WHERE article_fts MATCH ? ORDER BY rank LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit > 0 ? (int) limit : 100);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PxSearchHit *hit = g_new0 (PxSearchHit, 1);

      hit->article_id = sqlite3_column_int64 (stmt, 0);
      hit->title = g_strdup (px_store_column_str (stmt, 1));
      hit->snippet = g_strdup (px_store_column_str (stmt, 2));
      locate (px_store_column_str (stmt, 3), hit->snippet, query, &hit->start, &hit->end);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}

/* ---- Stats ------------------------------------------------------------ */

gboolean
px_store_get_stats (PxStore       *self,
                    PxStoreStats  *out,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  GStatBuf st;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  stmt = px_store_prepare (self,
    "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM story),"
    " (SELECT count(*) FROM label), (SELECT count(*) FROM annotation WHERE status = 'accepted'),"
    " (SELECT count(*) FROM annotation WHERE status = 'suggested'),"
    " (SELECT count(*) FROM entity), (SELECT count(*) FROM event)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      px_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  out->n_articles = (guint) sqlite3_column_int64 (stmt, 0);
  out->n_stories = (guint) sqlite3_column_int64 (stmt, 1);
  out->n_labels = (guint) sqlite3_column_int64 (stmt, 2);
  out->n_annotations = (guint) sqlite3_column_int64 (stmt, 3);
  out->n_suggested = (guint) sqlite3_column_int64 (stmt, 4);
  out->n_entities = (guint) sqlite3_column_int64 (stmt, 5);
  out->n_events = (guint) sqlite3_column_int64 (stmt, 6);
  sqlite3_reset (stmt);
  out->file_size = g_stat (px_store_get_path (self), &st) == 0 ? (gint64) st.st_size : 0;
  return TRUE;
}

/* ---- Concordance ------------------------------------------------------ */

GArray *
px_store_search_article_ids (PxStore     *self,
                             const char  *term,
                             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  match = prefix_query (term);
  if (match == NULL)
    return g_steal_pointer (&ids);
  stmt = px_store_prepare (self, "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

GPtrArray *
px_store_list_label_mentions (PxStore  *self,
                              gint64    label_id,
                              GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf ("SELECT %s" PX_STORE_ANNOTATION_FROM
                                          " WHERE n.label_id = ? AND n.status = 'accepted'"
                                          " ORDER BY n.article_id, n.start, n.id",
                                          px_store_annotation_columns);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  if ((stmt = px_store_prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, label_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, px_store_annotation_from_row (stmt));
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return NULL;
  return g_steal_pointer (&out);
}
