/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-merge.c: bringing another coder's corpus file in.
 *
 * The other file is attached read-only and copied with a few INSERT …
 * SELECTs through temporary id maps (old id → new id), so that a corpus of
 * thousands of annotations merges in one statement per table. Rows are
 * matched, never duplicated: articles by the sha256 of their text, labels
 * and stories by name, coders by name, entities by label and name, and an
 * annotation by article, label, span and coder, so merging the same file
 * twice adds nothing. Each coder's annotations stay theirs. */
#include <string.h>

#include "px-store-private.h"

void
px_store_merge_report_free (PxStoreMergeReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->clashes);
  g_ptr_array_unref (report->coders);
  g_free (report);
}

gboolean
px_store_attach_other (PxStore     *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(PxStore) other = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *absolute = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  /* Opening it as a store first checks it is a Parallax corpus of this
   * schema, and says so in the usual words when it is not. */
  other = px_store_open (path, PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_NO_CREATE, error);
  if (other == NULL)
    return FALSE;
  if (px_store_get_schema_version (other) != px_store_get_schema_version (self))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "%s is a corpus of schema %d, this one of schema %d: open it once with this "
                   "version of Parallax (for example `parallax-cli --db FILE init`) to upgrade it",
                   path, px_store_get_schema_version (other), px_store_get_schema_version (self));
      return FALSE;
    }
  if (g_strcmp0 (px_store_get_path (other), px_store_get_path (self)) == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s is this corpus itself", path);
      return FALSE;
    }
  g_clear_object (&other);
  absolute = g_canonicalize_filename (path, NULL);
  {
    g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);
    uri = g_strconcat ("file:", escaped, "?mode=ro", NULL);
  }
  stmt = px_store_prepare (self, "ATTACH DATABASE ?1 AS other", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

void
px_store_detach_other (PxStore *self)
{
  g_return_if_fail (PX_IS_STORE (self));
  sqlite3_exec (px_store_get_db (self), "DETACH DATABASE other", NULL, NULL, NULL);
}

static const char merge_maps_sql[] =
  "DROP TABLE IF EXISTS temp.m_label; DROP TABLE IF EXISTS temp.m_article;"
  "DROP TABLE IF EXISTS temp.m_annotator; DROP TABLE IF EXISTS temp.m_entity;"
  "DROP TABLE IF EXISTS temp.m_annotation; DROP TABLE IF EXISTS temp.m_event;"
  "CREATE TEMP TABLE m_label (old INTEGER PRIMARY KEY, new INTEGER);"
  "CREATE TEMP TABLE m_article (old INTEGER PRIMARY KEY, new INTEGER);"
  "CREATE TEMP TABLE m_annotator (old INTEGER PRIMARY KEY, new INTEGER);"
  "CREATE TEMP TABLE m_entity (old INTEGER PRIMARY KEY, new INTEGER);"
  "CREATE TEMP TABLE m_annotation (old INTEGER PRIMARY KEY, new INTEGER);"
  "CREATE TEMP TABLE m_event (old INTEGER PRIMARY KEY, new INTEGER);";

static const char merge_drop_sql[] =
  "DROP TABLE IF EXISTS temp.m_label; DROP TABLE IF EXISTS temp.m_article;"
  "DROP TABLE IF EXISTS temp.m_annotator; DROP TABLE IF EXISTS temp.m_entity;"
  "DROP TABLE IF EXISTS temp.m_annotation; DROP TABLE IF EXISTS temp.m_event;";

/* Each step: what it does, and which count of the report its changes go
 * to (-1: none). */
typedef struct
{
  const char *sql;
  int         count;
} Step;

enum { C_LABELS, C_ARTICLES, C_ANNOTATIONS, C_EVENTS };

static const Step merge_steps[] = {
  /* Labels by name; a name of the other kind is a clash, and its
   * annotations stay out. A key already in use is left off. */
  { "INSERT INTO label (name, kind, colour, shortcut, description, position, value_type)"
    " SELECT o.name, o.kind, o.colour,"
    "   CASE WHEN o.shortcut IS NULL OR EXISTS (SELECT 1 FROM label l WHERE l.shortcut = o.shortcut)"
    "        THEN NULL ELSE o.shortcut END,"
    "   o.description, (SELECT coalesce (max (position), 0) + 1 FROM label) + o.position, o.value_type"
    " FROM other.label o WHERE NOT EXISTS (SELECT 1 FROM label l WHERE l.name = o.name)"
    " ORDER BY o.position", C_LABELS },
  { "INSERT INTO m_label SELECT o.id, l.id FROM other.label o JOIN label l"
    " ON l.name = o.name AND l.kind = o.kind", -1 },
  { "INSERT OR IGNORE INTO label_role (label_id, position, role, repeatable, allowed)"
    " SELECT m.new, r.position + 1000, r.role, r.repeatable, r.allowed"
    " FROM other.label_role r JOIN m_label m ON m.old = r.label_id", -1 },
  /* Articles by their text, with their story by name. */
  { "INSERT INTO article (title, source, url, published, language, chars, text_sha256,"
    "   imported_at, origin_path, text)"
    " SELECT o.title, o.source, o.url, o.published, o.language, o.chars, o.text_sha256,"
    "   o.imported_at, o.origin_path, o.text FROM other.article o"
    " WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.text_sha256 = o.text_sha256)"
    " ORDER BY o.id", C_ARTICLES },
  { "INSERT INTO m_article SELECT o.id, a.id FROM other.article o JOIN article a"
    " ON a.text_sha256 = o.text_sha256", -1 },
  { "INSERT OR IGNORE INTO story (name, date, notes) SELECT name, date, notes FROM other.story", -1 },
  { "INSERT OR IGNORE INTO story_article (story_id, article_id)"
    " SELECT s.id, m.new FROM other.story_article sa JOIN other.story os ON os.id = sa.story_id"
    " JOIN story s ON s.name = os.name JOIN m_article m ON m.old = sa.article_id"
    " WHERE NOT EXISTS (SELECT 1 FROM story_article x WHERE x.article_id = m.new)", -1 },
  /* Coders and entities. */
  { "INSERT OR IGNORE INTO annotator (name) SELECT name FROM other.annotator", -1 },
  { "INSERT INTO m_annotator SELECT o.id, a.id FROM other.annotator o JOIN annotator a"
    " ON a.name = o.name", -1 },
  /* Each coder's document status comes along (theirs, not ours). */
  { "INSERT OR IGNORE INTO article_status (article_id, annotator_id, status)"
    " SELECT ma.new, mr.new, st.status FROM other.article_status st"
    " JOIN m_article ma ON ma.old = st.article_id JOIN m_annotator mr ON mr.old = st.annotator_id", -1 },
  { "INSERT INTO entity (name, label_id, match_key)"
    " SELECT o.name, ml.new, o.match_key FROM other.entity o"
    " LEFT JOIN m_label ml ON ml.old = o.label_id"
    " WHERE NOT EXISTS (SELECT 1 FROM entity e WHERE e.name = o.name AND e.label_id IS ml.new)"
    " GROUP BY o.name, ml.new ORDER BY min (o.id)", -1 },
  { "INSERT INTO m_entity SELECT o.id,"
    "   (SELECT e.id FROM entity e WHERE e.name = o.name AND e.label_id IS ml.new ORDER BY e.id LIMIT 1)"
    " FROM other.entity o LEFT JOIN m_label ml ON ml.old = o.label_id", -1 },
  /* Annotations: the ones already here are mapped, the others added. */
  { "INSERT INTO m_annotation SELECT o.id,"
    "   (SELECT n.id FROM annotation n WHERE n.article_id = ma.new AND n.label_id = ml.new"
    "      AND n.start = o.start AND n.\"end\" = o.\"end\" AND n.annotator_id IS mr.new"
    "    ORDER BY n.id LIMIT 1)"
    " FROM other.annotation o JOIN m_article ma ON ma.old = o.article_id"
    " JOIN m_label ml ON ml.old = o.label_id LEFT JOIN m_annotator mr ON mr.old = o.annotator_id", -1 },
  { "INSERT INTO annotation (article_id, label_id, start, \"end\", text, entity_id, annotator_id,"
    "   created_at, note, status, value, value_source)"
    " SELECT ma.new, ml.new, o.start, o.\"end\", o.text, me.new, mr.new, o.created_at, o.note, o.status,"
    "   o.value, o.value_source"
    " FROM other.annotation o JOIN m_annotation m ON m.old = o.id AND m.new IS NULL"
    " JOIN m_article ma ON ma.old = o.article_id JOIN m_label ml ON ml.old = o.label_id"
    " LEFT JOIN m_entity me ON me.old = o.entity_id LEFT JOIN m_annotator mr ON mr.old = o.annotator_id"
    " ORDER BY o.id", C_ANNOTATIONS },
  { "UPDATE m_annotation SET new ="
    "   (SELECT n.id FROM annotation n, other.annotation o, m_article ma, m_label ml"
    "    WHERE o.id = m_annotation.old AND ma.old = o.article_id AND ml.old = o.label_id"
    "      AND n.article_id = ma.new AND n.label_id = ml.new AND n.start = o.start"
    "      AND n.\"end\" = o.\"end\""
    "      AND n.annotator_id IS (SELECT new FROM m_annotator WHERE old = o.annotator_id)"
    "    ORDER BY n.id LIMIT 1)"
    " WHERE new IS NULL", -1 },
  { "INSERT OR IGNORE INTO ix_fragment (annotation_id, idx, start, \"end\")"
    " SELECT m.new, f.idx, f.start, f.\"end\" FROM other.ix_fragment f"
    " JOIN m_annotation m ON m.old = f.annotation_id WHERE m.new IS NOT NULL", -1 },
  /* Events on their (mapped) trigger, with their arguments. */
  { "INSERT INTO m_event SELECT o.id,"
    "   (SELECT e.id FROM event e WHERE e.trigger_annotation_id = mt.new AND e.label_id = ml.new"
    "    ORDER BY e.id LIMIT 1)"
    " FROM other.event o JOIN m_annotation mt ON mt.old = o.trigger_annotation_id"
    " JOIN m_label ml ON ml.old = o.label_id WHERE mt.new IS NOT NULL", -1 },
  { "INSERT INTO event (article_id, label_id, trigger_annotation_id)"
    " SELECT ma.new, ml.new, mt.new FROM other.event o JOIN m_event me ON me.old = o.id AND me.new IS NULL"
    " JOIN m_article ma ON ma.old = o.article_id JOIN m_label ml ON ml.old = o.label_id"
    " JOIN m_annotation mt ON mt.old = o.trigger_annotation_id ORDER BY o.id", C_EVENTS },
  { "UPDATE m_event SET new ="
    "   (SELECT e.id FROM event e, other.event o, m_annotation mt, m_label ml"
    "    WHERE o.id = m_event.old AND mt.old = o.trigger_annotation_id AND ml.old = o.label_id"
    "      AND e.trigger_annotation_id = mt.new AND e.label_id = ml.new ORDER BY e.id LIMIT 1)"
    " WHERE new IS NULL", -1 },
  { "INSERT OR IGNORE INTO event_argument (event_id, role, annotation_id)"
    " SELECT me.new, a.role, ma.new FROM other.event_argument a JOIN m_event me ON me.old = a.event_id"
    " JOIN m_annotation ma ON ma.old = a.annotation_id"
    " WHERE me.new IS NOT NULL AND ma.new IS NOT NULL", -1 },
};

static gboolean
read_report (PxStore             *self,
             PxStoreMergeReport  *report,
             GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Labels of the other kind under one name. */
  stmt = px_store_prepare (self, "SELECT o.name, o.kind FROM other.label o JOIN label l"
                                 " ON l.name = o.name AND l.kind <> o.kind ORDER BY o.name", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (report->clashes,
                     g_strdup_printf ("the label %s is an %s label in the other file and not here: "
                                      "its annotations were left out",
                                      px_store_column_str (stmt, 0), px_store_column_str (stmt, 1)));
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return FALSE;
  stmt = px_store_prepare (self, "SELECT DISTINCT ar.name FROM other.annotation o"
                                 " JOIN other.annotator ar ON ar.id = o.annotator_id ORDER BY ar.name", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (report->coders, g_strdup (px_store_column_str (stmt, 0)));
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return FALSE;
  report->articles_matched = px_store_count_rows (self, "SELECT count(*) FROM m_article") - report->articles_added;
  report->annotations_present = px_store_count_rows (self, "SELECT count(*) FROM m_annotation")
                                - report->annotations_added;
  return TRUE;
}

PxStoreMergeReport *
px_store_merge_attached (PxStore  *self,
                         GError  **error)
{
  g_autoptr(PxStoreMergeReport) report = g_new0 (PxStoreMergeReport, 1);
  guint *counts[] = { &report->labels_added, &report->articles_added,
                      &report->annotations_added, &report->events_added };

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  report->clashes = g_ptr_array_new_with_free_func (g_free);
  report->coders = g_ptr_array_new_with_free_func (g_free);
  if (!px_store_write_begin (self, error))
    return NULL;
  if (!px_store_exec (self, merge_maps_sql, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (merge_steps); i++)
    {
      if (!px_store_exec (self, merge_steps[i].sql, error))
        goto fail;
      if (merge_steps[i].count >= 0)
        *counts[merge_steps[i].count] = (guint) sqlite3_changes (px_store_get_db (self));
    }
  if (!read_report (self, report, error) || !px_store_exec (self, merge_drop_sql, error))
    goto fail;
  px_store_queue (self, PX_STORE_PENDING_ARTICLES | PX_STORE_PENDING_STORIES
                        | PX_STORE_PENDING_LABELS | PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotations (self, 0);
  px_store_queue_events (self, 0);
  if (!px_store_write_end (self, error))
    return NULL;
  return g_steal_pointer (&report);

fail:
  px_store_write_abort (self);
  return NULL;
}
