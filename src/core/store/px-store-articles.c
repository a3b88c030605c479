/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-articles.c: articles: insert with duplicate detection by sha256,
 * reads, deletes, and the article list loader. */
#include <string.h>

#include "px-store-private.h"
#include "px-text.h"

const char *const px_store_article_columns =
  "a.id, a.title, a.source, a.url, a.published, a.language, a.text_sha256,"
  " a.imported_at, a.origin_path, sa.story_id, s.name, a.chars,"
  " (SELECT count(*) FROM annotation n WHERE n.article_id = a.id AND n.status = 'accepted'),"
  " (SELECT group_concat (ar.name || '=' || st.status, char(10)) FROM article_status st"
  "  JOIN annotator ar ON ar.id = st.annotator_id WHERE st.article_id = a.id)";

#define ARTICLE_FROM \
  " FROM article a LEFT JOIN story_article sa ON sa.article_id = a.id" \
  " LEFT JOIN story s ON s.id = sa.story_id"

PxArticle *
px_store_article_from_row (sqlite3_stmt *stmt,
                           gboolean      with_text)
{
  return g_object_new (PX_TYPE_ARTICLE,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "title", px_store_column_str (stmt, 1),
                       "source", px_store_column_str (stmt, 2),
                       "url", px_store_column_str (stmt, 3),
                       "published", px_store_column_str (stmt, 4),
                       "language", px_store_column_str (stmt, 5),
                       "sha256", px_store_column_str (stmt, 6),
                       "imported-at", px_store_column_str (stmt, 7),
                       "origin-path", px_store_column_str (stmt, 8),
                       "story-id", (gint64) sqlite3_column_int64 (stmt, 9),
                       "story-name", px_store_column_str (stmt, 10),
                       "n-chars", (guint) sqlite3_column_int (stmt, 11),
                       "n-annotations", (guint) sqlite3_column_int (stmt, 12),
                       "statuses", px_store_column_str (stmt, 13),
                       "text", with_text ? px_store_column_str (stmt, 14) : NULL,
                       NULL);
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The article holding this text, 0 when there is none, -1 with @error
 * when the file could not be read. */
static gint64
find_by_sha (PxStore     *self,
             const char  *sha,
             GError     **error)
{
  sqlite3_stmt *stmt = px_store_prepare (self, "SELECT id FROM article WHERE text_sha256 = ?", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (!px_store_step_ok (self, rc, error))
    id = -1;
  sqlite3_reset (stmt);
  return id;
}

static gboolean
insert_article (PxStore             *self,
                const PxArticleInfo *info,
                const char          *sha,
                gint64              *out_id,
                GError             **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = now_iso ();
  int rc;

  stmt = px_store_prepare (self,
                           "INSERT INTO article (title, source, url, published, language, text,"
                           " chars, text_sha256, imported_at, origin_path)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, info->source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, info->url, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, info->published, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, info->language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, info->text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, (sqlite3_int64) g_utf8_strlen (info->text, -1));
  sqlite3_bind_text (stmt, 8, sha, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, info->origin_path, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      return FALSE;
    }
  *out_id = sqlite3_last_insert_rowid (px_store_get_db (self));
  return TRUE;
}

gint64
px_store_add_article (PxStore             *self,
                      const PxArticleInfo *info,
                      gint64              *out_existing_id,
                      GError             **error)
{
  g_autofree char *sha = NULL;
  gint64 existing, id = 0;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  g_return_val_if_fail (info != NULL && info->text != NULL, 0);

  if (!g_utf8_validate (info->text, -1, NULL))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_ENCODING, "%s: the text is not valid UTF-8",
                   info->origin_path ? info->origin_path : "article");
      return 0;
    }
  if (!px_store_write_begin (self, error))
    return 0;
  sha = px_text_sha256 (info->text);
  existing = find_by_sha (self, sha, error);
  if (existing < 0)
    {
      px_store_write_abort (self);
      return 0;
    }
  if (existing != 0)
    {
      px_store_write_abort (self);
      if (out_existing_id != NULL)
        *out_existing_id = existing;
      g_set_error (error, PX_ERROR, PX_ERROR_DUPLICATE,
                   "%s: the same text is already in the corpus as article %" G_GINT64_FORMAT,
                   info->origin_path ? info->origin_path : "article", existing);
      return 0;
    }
  if (!insert_article (self, info, sha, &id, error))
    {
      px_store_write_abort (self);
      return 0;
    }
  if (info->story != NULL && *info->story != '\0')
    {
      gint64 story = px_store_ensure_story (self, info->story, error);

      if (story == 0 || !px_store_set_article_story (self, id, story, error))
        {
          px_store_write_abort (self);
          return 0;
        }
    }
  px_store_queue (self, PX_STORE_PENDING_ARTICLES);
  if (!px_store_write_end (self, error))
    return 0;
  return id;
}

static PxArticle *
lookup_article (PxStore  *self,
                gint64    id,
                GError  **error)
{
  sqlite3_stmt *stmt = px_store_prepare (self,
    "SELECT a.id, a.title, a.source, a.url, a.published, a.language, a.text_sha256,"
    " a.imported_at, a.origin_path, sa.story_id, s.name, a.chars,"
    " (SELECT count(*) FROM annotation n WHERE n.article_id = a.id AND n.status = 'accepted'),"
    " (SELECT group_concat (ar.name || '=' || st.status, char(10)) FROM article_status st"
    "  JOIN annotator ar ON ar.id = st.annotator_id WHERE st.article_id = a.id), a.text"
    ARTICLE_FROM " WHERE a.id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (px_store_found (self, rc, "article", id, error))
    {
      PxArticle *article = px_store_article_from_row (stmt, TRUE);
      sqlite3_reset (stmt);
      return article;
    }
  sqlite3_reset (stmt);
  return NULL;
}

PxArticle *
px_store_get_article (PxStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return lookup_article (self, id, error);
}

char *
px_store_get_article_text (PxStore  *self,
                           gint64    id,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  char *text;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = px_store_prepare (self, "SELECT text FROM article WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!px_store_found (self, sqlite3_step (stmt), "article", id, error))
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  text = g_strdup (px_store_column_str (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

/* Runs a one-statement write with one or two integer parameters and
 * checks that it touched a row. */
gboolean
px_store_write_ids (PxStore     *self,
                    const char  *sql,
                    gint64       a,
                    gint64       b,
                    const char  *what,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!px_store_write_begin (self, error))
    return FALSE;
  stmt = px_store_prepare (self, sql, error);
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return FALSE;
    }
  if (what != NULL && sqlite3_changes (px_store_get_db (self)) == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no %s %" G_GINT64_FORMAT,
                   px_store_get_path (self), what, a);
      px_store_write_abort (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_store_delete_article (PxStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_write_ids (self, "DELETE FROM article WHERE id = ?", id, 0, "article", error))
    return FALSE;
  px_store_queue (self, PX_STORE_PENDING_ARTICLES | PX_STORE_PENDING_STORIES |
                        PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotations (self, id);
  px_store_queue_events (self, id);
  return px_store_write_end (self, error);
}

guint
px_store_count_rows (PxStore    *self,
                     const char *sql)
{
  GError *error = NULL;
  sqlite3_stmt *stmt = px_store_prepare (self, sql, &error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    {
      px_store_note_read_error (self, error);
      return 0;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  else
    {
      px_store_set_error (self, rc, &error);
      px_store_note_read_error (self, error);
    }
  sqlite3_reset (stmt);
  return n;
}

guint
px_store_count_articles (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), 0);
  return px_store_count_rows (self, "SELECT count(*) FROM article");
}

guint
px_store_count_annotations (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), 0);
  return px_store_count_rows (self, "SELECT count(*) FROM annotation");
}

PxArticle *
px_store_load_article_item (PxStore *self,
                            gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s" ARTICLE_FROM " WHERE a.id = ?",
                                          px_store_article_columns);
  GError *error = NULL;
  sqlite3_stmt *stmt = px_store_prepare (self, sql, &error);
  PxArticle *article = NULL;
  int rc;

  if (stmt == NULL)
    {
      px_store_note_read_error (self, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    article = px_store_article_from_row (stmt, FALSE);
  else if (px_store_step_ok (self, rc, &error) == FALSE)
    px_store_note_read_error (self, error);
  sqlite3_reset (stmt);
  return article;
}

GPtrArray *
px_store_load_articles (PxStore  *self,
                        gint64    story_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf (
    "SELECT %s" ARTICLE_FROM "%s ORDER BY s.name IS NULL, s.name, a.published, a.id",
    px_store_article_columns,
    story_id < 0 ? "" : story_id == 0 ? " WHERE sa.story_id IS NULL" : " WHERE sa.story_id = ?");
  sqlite3_stmt *stmt = px_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (story_id > 0)
    sqlite3_bind_int64 (stmt, 1, story_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, px_store_article_from_row (stmt, FALSE));
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}

/* ---- Metadata --------------------------------------------------------- */

static const char *
article_field_column (PxArticleField field)
{
  switch (field)
    {
    case PX_ARTICLE_FIELD_TITLE: return "title";
    case PX_ARTICLE_FIELD_SOURCE: return "source";
    case PX_ARTICLE_FIELD_PUBLISHED: return "published";
    case PX_ARTICLE_FIELD_URL: return "url";
    default: return NULL;
    }
}

gboolean
px_store_set_article_field (PxStore         *self,
                            gint64           article_id,
                            PxArticleField   field,
                            const char      *value,
                            GError         **error)
{
  const char *column = article_field_column (field);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  sql = g_strdup_printf ("UPDATE article SET %s = ?2 WHERE id = ?1", column);
  if (!px_store_write_begin (self, error))
    return FALSE;
  stmt = px_store_prepare (self, sql, error);
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (value != NULL && *value != '\0')
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return FALSE;
    }
  if (sqlite3_changes (px_store_get_db (self)) == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no article %" G_GINT64_FORMAT,
                   px_store_get_path (self), article_id);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_ARTICLES);
  return px_store_write_end (self, error);
}

/* ---- Document status -------------------------------------------------- */

gboolean
px_store_set_article_status (PxStore     *self,
                             gint64       article_id,
                             const char  *status,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;
  gboolean clear;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  clear = status == NULL || g_str_equal (status, "new");
  if (!clear && !g_str_equal (status, "in_progress") && !g_str_equal (status, "done"))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "“%s” is not a document status: new, in_progress or done", status);
      return FALSE;
    }
  if (!px_store_write_begin (self, error))
    return FALSE;
  stmt = px_store_prepare (self, "INSERT OR IGNORE INTO annotator (name) VALUES (?1)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, px_store_get_annotator (self), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      goto fail;
    }
  stmt = px_store_prepare (self, clear
    ? "DELETE FROM article_status WHERE article_id = ?1"
      " AND annotator_id = (SELECT id FROM annotator WHERE name = ?2)"
    : "INSERT OR REPLACE INTO article_status (article_id, annotator_id, status)"
      " SELECT ?1, id, ?3 FROM annotator WHERE name = ?2"
      " AND EXISTS (SELECT 1 FROM article WHERE id = ?1)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_text (stmt, 2, px_store_get_annotator (self), -1, SQLITE_TRANSIENT);
  if (!clear)
    sqlite3_bind_text (stmt, 3, status, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      goto fail;
    }
  if (!clear && sqlite3_changes (px_store_get_db (self)) == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no article %" G_GINT64_FORMAT,
                   px_store_get_path (self), article_id);
      goto fail;
    }
  px_store_queue (self, PX_STORE_PENDING_ARTICLES);
  return px_store_write_end (self, error);

fail:
  px_store_write_abort (self);
  return FALSE;
}
