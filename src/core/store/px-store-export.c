/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-export.c: bulk reads for CSV export, streamed from one statement. */
#include <string.h>

#include "px-store-private.h"

/* ---- Export ----------------------------------------------------------- */

static const char *const article_cols[] = {
  "article_id", "title", "source", "published", "url", "language", "story",
  "chars", "sha256", "origin_path", "status", NULL };
static const char *const annotation_cols[] = {
  "article_id", "article_title", "source", "published", "story", "annotation_id",
  "label", "kind", "start", "end", "text", "entity_id", "entity", "annotator",
  "created_at", "note", "value", "value_source", NULL };
static const char *const entity_cols[] = {
  "entity_id", "name", "label", "mentions", "articles", NULL };
static const char *const event_cols[] = {
  "event_id", "article_id", "event_type", "trigger_annotation_id", "trigger_text",
  "story_event_id", "role", "argument_annotation_id", "argument_text",
  "argument_entity", NULL };

/* Suggested annotations are machine guesses nobody confirmed yet: exports
 * carry accepted annotations only. */
static const char export_articles_sql[] =
  "SELECT a.id, a.title, a.source, a.published, a.url, a.language, s.name,"
  " a.chars, a.text_sha256, a.origin_path,"
  /* Each coder's document status, "alice=done; bob=in_progress"; empty: new for all. */
  " (SELECT group_concat (ar.name || '=' || st.status, '; ') FROM"
  "   (SELECT * FROM article_status ORDER BY annotator_id) st"
  "   JOIN annotator ar ON ar.id = st.annotator_id WHERE st.article_id = a.id)"
  " FROM article a LEFT JOIN story_article sa ON sa.article_id = a.id"
  " LEFT JOIN story s ON s.id = sa.story_id ORDER BY a.id";
static const char export_annotations_sql[] =
  "SELECT n.article_id, a.title, a.source, a.published, s.name, n.id, l.name,"
  " l.kind, n.start, n.\"end\", n.text, n.entity_id, e.name, ar.name,"
  " n.created_at, n.note, n.value, n.value_source"
  " FROM annotation n JOIN article a ON a.id = n.article_id"
  " JOIN label l ON l.id = n.label_id"
  " LEFT JOIN story_article sa ON sa.article_id = n.article_id"
  " LEFT JOIN story s ON s.id = sa.story_id"
  " LEFT JOIN entity e ON e.id = n.entity_id"
  " LEFT JOIN annotator ar ON ar.id = n.annotator_id"
  " WHERE n.status = 'accepted'"
  " ORDER BY n.article_id, n.start, n.\"end\", n.id";
static const char export_entities_sql[] =
  "SELECT e.id, e.name, l.name,"
  " (SELECT count(*) FROM annotation n WHERE n.entity_id = e.id AND n.status = 'accepted'),"
  " (SELECT count(DISTINCT n.article_id) FROM annotation n WHERE n.entity_id = e.id AND n.status = 'accepted')"
  " FROM entity e LEFT JOIN label l ON l.id = e.label_id WHERE l.value_type IS NULL ORDER BY e.id";
static const char export_events_sql[] =
  "SELECT v.id, v.article_id, l.name, v.trigger_annotation_id, t.text,"
  " v.story_event_id, g.role, g.annotation_id, an.text, en.name"
  " FROM event v JOIN label l ON l.id = v.label_id"
  " JOIN annotation t ON t.id = v.trigger_annotation_id"
  " LEFT JOIN event_argument g ON g.event_id = v.id"
  " LEFT JOIN annotation an ON an.id = g.annotation_id"
  " LEFT JOIN entity en ON en.id = an.entity_id"
  " ORDER BY v.id, g.rowid";

const char * const *
px_store_export_columns (PxExportTable table)
{
  switch (table)
    {
    case PX_EXPORT_ARTICLES:    return article_cols;
    case PX_EXPORT_ANNOTATIONS: return annotation_cols;
    case PX_EXPORT_ENTITIES:    return entity_cols;
    case PX_EXPORT_EVENTS:      return event_cols;
    default:                    g_return_val_if_reached (NULL);
    }
}

const char *
px_store_export_sql (PxExportTable table)
{
  switch (table)
    {
    case PX_EXPORT_ARTICLES:    return export_articles_sql;
    case PX_EXPORT_ANNOTATIONS: return export_annotations_sql;
    case PX_EXPORT_ENTITIES:    return export_entities_sql;
    case PX_EXPORT_EVENTS:      return export_events_sql;
    default:                    g_return_val_if_reached (NULL);
    }
}

gboolean
px_store_export_rows (PxStore         *self,
                      PxExportTable    table,
                      PxStoreRowFunc   func,
                      gpointer         user_data,
                      GError         **error)
{
  const char *values[32];
  gsize lengths[32];
  sqlite3_stmt *stmt;
  guint n;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  stmt = px_store_prepare (self, px_store_export_sql (table), error);
  if (stmt == NULL)
    return FALSE;
  n = (guint) sqlite3_column_count (stmt);
  g_assert (n <= G_N_ELEMENTS (values));
  /* One statement, pointers straight from SQLite's row buffer: no copy and
   * no allocation per row. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < n; i++)
        {
          values[i] = (const char *) sqlite3_column_text (stmt, (int) i);
          lengths[i] = values[i] != NULL ? (gsize) sqlite3_column_bytes (stmt, (int) i) : 0;
        }
      if (!func (values, lengths, n, user_data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}
