/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-entities.c: entities (corpus-wide, found by match key), merges. */
#include <string.h>

#include "px-store-private.h"
#include "px-text.h"

/* ---- Entities --------------------------------------------------------- */

const char *const px_store_entity_columns =
  "e.id, e.name, e.label_id, l.name, e.match_key,"
  " (SELECT count(*) FROM annotation n WHERE n.entity_id = e.id),"
  " (SELECT count(DISTINCT n.article_id) FROM annotation n WHERE n.entity_id = e.id)";

#define ENTITY_FROM " FROM entity e LEFT JOIN label l ON l.id = e.label_id"
/* Entities of value labels (made before schema 4, or by hand in a file)
 * are not listed: values are not entities. */
#define ENTITY_NOT_VALUE " WHERE l.value_type IS NULL"

PxEntity *
px_store_entity_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (PX_TYPE_ENTITY,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "name", px_store_column_str (stmt, 1),
                       "label-id", (gint64) sqlite3_column_int64 (stmt, 2),
                       "label-name", px_store_column_str (stmt, 3),
                       "match-key", px_store_column_str (stmt, 4),
                       "n-mentions", (guint) sqlite3_column_int (stmt, 5),
                       "n-articles", (guint) sqlite3_column_int (stmt, 6),
                       NULL);
}

gint64
px_store_add_entity (PxStore     *self,
                     const char  *name,
                     gint64       label_id,
                     GError     **error)
{
  gint64 new_id;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: an entity needs a name",
                   px_store_get_path (self));
      return 0;
    }
  if (!px_store_write_begin (self, error))
    return 0;
  key = px_text_match_key (name);
  stmt = px_store_prepare (self, "INSERT INTO entity (name, label_id, match_key) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return 0;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (label_id != 0)
    sqlite3_bind_int64 (stmt, 2, label_id);
  sqlite3_bind_text (stmt, 3, key != NULL ? key : "", -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      px_store_write_abort (self);
      return 0;
    }
  px_store_queue (self, PX_STORE_PENDING_ENTITIES);
  /* Read before the commit: a handler of the signals it emits may write. */
  new_id = sqlite3_last_insert_rowid (px_store_get_db (self));
  if (!px_store_write_end (self, error))
    return 0;
  return new_id;
}

PxEntity *
px_store_get_entity (PxStore  *self,
                     gint64    id,
                     GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s" ENTITY_FROM " WHERE e.id = ?", px_store_entity_columns);
  sqlite3_stmt *stmt;
  PxEntity *entity;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = px_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!px_store_found (self, sqlite3_step (stmt), "entity", id, error))
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  entity = px_store_entity_from_row (stmt);
  sqlite3_reset (stmt);
  return entity;
}

GPtrArray *
px_store_find_entities_by_key (PxStore    *self,
                               const char *key)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf ("SELECT %s" ENTITY_FROM " WHERE e.match_key = ? ORDER BY e.id",
                                          px_store_entity_columns);
  sqlite3_stmt *stmt;

  GError *error = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), items);
  if (key == NULL)
    return items;
  stmt = px_store_prepare (self, sql, &error);
  if (stmt == NULL)
    {
      px_store_note_read_error (self, error);
      return items;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, px_store_entity_from_row (stmt));
  if (!px_store_step_ok (self, rc, &error))
    px_store_note_read_error (self, error);
  sqlite3_reset (stmt);
  return items;
}

gboolean
px_store_step_ids (PxStore     *self,
                   const char  *sql,
                   gint64       a,
                   gint64       b,
                   GError     **error)
{
  sqlite3_stmt *stmt = px_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      px_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_store_merge_entities (PxStore  *self,
                         gint64    keep_id,
                         gint64    drop_id,
                         GError  **error)
{
  g_autoptr(PxEntity) keep = NULL;
  g_autoptr(PxEntity) drop = NULL;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (keep_id == drop_id)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: cannot merge an entity with itself",
                   px_store_get_path (self));
      return FALSE;
    }
  keep = px_store_get_entity (self, keep_id, error);
  drop = keep != NULL ? px_store_get_entity (self, drop_id, error) : NULL;
  if (drop == NULL || !px_store_write_begin (self, error))
    return FALSE;
  if (!px_store_step_ids (self, "UPDATE annotation SET entity_id = ?1 WHERE entity_id = ?2", keep_id, drop_id, error) ||
      !px_store_step_ids (self, "DELETE FROM entity WHERE id = ?", drop_id, 0, error))
    {
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotations (self, 0);
  return px_store_write_end (self, error);
}

gboolean
px_store_rename_entity (PxStore     *self,
                        gint64       id,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: an entity needs a name",
                   px_store_get_path (self));
      return FALSE;
    }
  if (!px_store_write_begin (self, error))
    return FALSE;
  key = px_text_match_key (name);
  stmt = px_store_prepare (self, "UPDATE entity SET name = ?2, match_key = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    {
      px_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key != NULL ? key : "", -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE || sqlite3_changes (px_store_get_db (self)) == 0)
    {
      if (rc != SQLITE_DONE)
        px_store_set_error (self, rc, error);
      else
        g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no entity %" G_GINT64_FORMAT,
                     px_store_get_path (self), id);
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotations (self, 0);
  return px_store_write_end (self, error);
}

gboolean
px_store_delete_entity (PxStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_store_write_begin (self, error))
    return FALSE;
  if (!px_store_step_ids (self, "DELETE FROM entity WHERE id = ?", id, 0, error))
    {
      px_store_write_abort (self);
      return FALSE;
    }
  px_store_queue (self, PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotations (self, 0);
  return px_store_write_end (self, error);
}

GPtrArray *
px_store_load_entities (PxStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf ("SELECT %s" ENTITY_FROM ENTITY_NOT_VALUE " ORDER BY e.name COLLATE NOCASE, e.id",
                                          px_store_entity_columns);
  sqlite3_stmt *stmt = px_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, px_store_entity_from_row (stmt));
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}

/* Keys made before elided articles and titles left the key ("l'ukraine"
 * was "lukraine", "M. Lavrov" was "m lavrov") are made again on open. Only
 * names with an apostrophe or a key of more than one word can have
 * changed, so the rest is not even read; no schema change, no version. */
gboolean
px_store_refresh_entity_keys (PxStore  *self,
                              GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = px_store_prepare (self,
    "SELECT id, name, match_key FROM entity"
    " WHERE instr(name, '''') > 0 OR instr(name, '’') > 0 OR instr(match_key, ' ') > 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = px_text_match_key ((const char *) sqlite3_column_text (stmt, 1));
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (g_strcmp0 (key, (const char *) sqlite3_column_text (stmt, 2)) != 0)
        {
          g_array_append_val (ids, id);
          g_ptr_array_add (keys, g_steal_pointer (&key));
        }
    }
  sqlite3_reset (stmt);
  if (!px_store_step_ok (self, rc, error))
    return FALSE;
  if (ids->len == 0)
    return TRUE;
  if (!px_store_begin (self, error))
    return FALSE;
  stmt = px_store_prepare (self, "UPDATE entity SET match_key = ?2 WHERE id = ?1", error);
  for (guint i = 0; stmt != NULL && i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (keys, i), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (!px_store_step_ok (self, rc, error))
        stmt = NULL;
    }
  if (stmt == NULL)
    {
      px_store_rollback (self);
      return FALSE;
    }
  return px_store_commit (self, error);
}

/* ---- Linking mentions ------------------------------------------------- */

/* The first entity of @label_id with exactly @key, or 0. */
static gint64
find_exact (PxStore    *self,
            const char *key,
            gint64      label_id)
{
  GError *error = NULL;
  sqlite3_stmt *stmt = px_store_prepare (self,
    "SELECT id FROM entity WHERE match_key = ?1 AND label_id IS ?2 ORDER BY id LIMIT 1", &error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    {
      px_store_note_read_error (self, error);
      return 0;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, label_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (!px_store_step_ok (self, rc, &error))
    px_store_note_read_error (self, error);
  sqlite3_reset (stmt);
  return id;
}

/* A label for people: by name ("PER", "PERSON") or description. */
static gboolean
is_person_label (PxStore *self,
                 gint64   label_id)
{
  g_autoptr(PxLabel) label = px_store_get_label (self, label_id, NULL);
  const char *name = label ? px_label_get_name (label) : "";
  const char *description = label ? px_label_get_description (label) : NULL;

  return g_ascii_strncasecmp (name, "PER", 3) == 0
         || (description != NULL && (g_ascii_strncasecmp (description, "Person", 6) == 0));
}

static const char *
last_word (const char *key)
{
  const char *space = strrchr (key, ' ');

  return space ? space + 1 : key;
}

/* @part names @full: the words of @part end @full ("lavrov" in "serguei
 * lavrov"). */
static gboolean
is_name_part (const char *part,
              const char *full)
{
  gsize lp = strlen (part), lf = strlen (full);

  return lp < lf && full[lf - lp - 1] == ' ' && strcmp (full + lf - lp, part) == 0;
}

static gboolean
is_near_name (const char *a,
              const char *b,
              gboolean    person)
{
  if (px_text_near_spelling (a, b))
    return TRUE;
  /* "kouleba" and "dmytro kuleba": a near surname. */
  return person && (strchr (a, ' ') == NULL || strchr (b, ' ') == NULL)
         && px_text_near_spelling (last_word (a), last_word (b));
}

/* The one entity of the story that @key names by a name part, or failing
 * that by a near spelling; 0 when none or several do. */
static gint64
find_in_story (PxStore     *self,
               const char  *key,
               gint64       label_id,
               gint64       article_id,
               PxLinkReason *reason,
               char        **name)
{
  GError *error = NULL;
  gboolean person = is_person_label (self, label_id);
  sqlite3_stmt *stmt = px_store_prepare (self,
    "SELECT DISTINCT e.id, e.match_key, e.name FROM entity e JOIN annotation n ON n.entity_id = e.id"
    " WHERE e.label_id IS ?1 AND n.article_id IN"
    "  (SELECT article_id FROM story_article WHERE story_id ="
    "     (SELECT story_id FROM story_article WHERE article_id = ?2)"
    "   UNION SELECT ?2)", &error);
  gint64 part = 0, near = 0;
  guint n_part = 0, n_near = 0;
  g_autofree char *part_name = NULL;
  g_autofree char *near_name = NULL;
  int rc;

  if (stmt == NULL)
    {
      px_store_note_read_error (self, error);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, label_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *other = (const char *) sqlite3_column_text (stmt, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (other == NULL)
        continue;
      if (person && (is_name_part (key, other) || is_name_part (other, key)))
        {
          n_part++;
          part = id;
          g_free (part_name);
          part_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      else if (is_near_name (key, other, person))
        {
          n_near++;
          near = id;
          g_free (near_name);
          near_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
    }
  if (!px_store_step_ok (self, rc, &error))
    px_store_note_read_error (self, error);
  sqlite3_reset (stmt);
  if (n_part == 1)
    {
      *reason = PX_LINK_NAME_PART;
      *name = g_steal_pointer (&part_name);
      return part;
    }
  if (n_part == 0 && n_near == 1)
    {
      *reason = PX_LINK_NEAR;
      *name = g_steal_pointer (&near_name);
      return near;
    }
  return 0;
}

static gint64 link_mention (PxStore *self, gint64 annotation_id, gboolean variants,
                            PxLinkReason *out_reason, char **out_name, GError **error);

gint64
px_store_link_mention (PxStore  *self,
                       gint64    annotation_id,
                       GError  **error)
{
  return link_mention (self, annotation_id, FALSE, NULL, NULL, error);
}

gint64
px_store_link_mention_full (PxStore       *self,
                            gint64         annotation_id,
                            PxLinkReason  *out_reason,
                            char         **out_name,
                            GError       **error)
{
  return link_mention (self, annotation_id, TRUE, out_reason, out_name, error);
}

static gint64
link_mention (PxStore       *self,
              gint64         annotation_id,
              gboolean       variants,
              PxLinkReason  *out_reason,
              char         **out_name,
              GError       **error)
{
  g_autoptr(PxAnnotation) mention = NULL;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  PxLinkReason reason = PX_LINK_NONE;
  gint64 label_id;
  gint64 entity_id;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  if (out_reason != NULL)
    *out_reason = PX_LINK_NONE;
  mention = px_store_get_annotation (self, annotation_id, error);
  if (mention == NULL)
    return 0;
  /* Values are not entities: a date or a number is compared as a value. */
  if (px_annotation_get_kind (mention) != PX_LABEL_ENTITY || px_annotation_get_value_type (mention) != NULL)
    return 0;
  key = px_text_match_key (px_annotation_get_text (mention));
  if (key == NULL || *key == '\0')
    return 0;   /* punctuation only: nothing to link by */
  label_id = px_annotation_get_label_id (mention);
  if (!px_store_write_begin (self, error))
    return 0;
  reason = PX_LINK_EXACT;
  entity_id = find_exact (self, key, label_id);
  if (entity_id == 0 && variants)
    entity_id = find_in_story (self, key, label_id, px_annotation_get_article_id (mention),
                               &reason, &name);
  if (entity_id == 0)
    {
      reason = PX_LINK_NEW;
      entity_id = px_store_add_entity (self, px_annotation_get_text (mention), label_id, error);
    }
  if (entity_id == 0
      || !px_store_set_annotation_entity (self, annotation_id, entity_id, error))
    {
      px_store_write_abort (self);
      return 0;
    }
  if (!px_store_write_end (self, error))
    return 0;
  if (out_reason != NULL)
    *out_reason = reason;
  if (out_name != NULL)
    *out_name = g_steal_pointer (&name);
  return entity_id;
}

typedef struct
{
  gint64    id;
  guint     distance;
  PxEntity *entity;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->distance != cb->distance)
    return ca->distance < cb->distance ? -1 : 1;
  /* Among equally close ones, the better attested first. */
  if (px_entity_get_n_mentions (ca->entity) != px_entity_get_n_mentions (cb->entity))
    return px_entity_get_n_mentions (ca->entity) > px_entity_get_n_mentions (cb->entity) ? -1 : 1;
  return px_entity_get_id (ca->entity) < px_entity_get_id (cb->entity) ? -1 : 1;
}

/* Keys are scanned in SQL with a length window first (the edit distance is
 * at least the length difference), so only a few rows reach the
 * Levenshtein loop. The mention counts are then read for those few. */
GPtrArray *
px_store_entity_candidates (PxStore    *self,
                            const char *key,
                            gint64      label_id,
                            guint       max_distance,
                            gint64      exclude_id)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  sqlite3_stmt *stmt;
  GError *error = NULL;
  glong key_len;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), items);
  if (key == NULL || *key == '\0')
    return items;
  key_len = g_utf8_strlen (key, -1);
  stmt = px_store_prepare (self,
    "SELECT id, match_key FROM entity"
    " WHERE abs(length(match_key) - ?1) <= ?2 AND (?3 = 0 OR label_id = ?3) AND id != ?4", &error);
  if (stmt == NULL)
    {
      px_store_note_read_error (self, error);
      return items;
    }
  sqlite3_bind_int64 (stmt, 1, key_len);
  sqlite3_bind_int64 (stmt, 2, max_distance);
  sqlite3_bind_int64 (stmt, 3, label_id);
  sqlite3_bind_int64 (stmt, 4, exclude_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *other = (const char *) sqlite3_column_text (stmt, 1);
      guint d = px_text_edit_distance (key, other != NULL ? other : "", max_distance);

      if (d <= max_distance)
        {
          Candidate c = { sqlite3_column_int64 (stmt, 0), d, NULL };
          g_array_append_val (found, c);
        }
    }
  if (!px_store_step_ok (self, rc, &error))
    px_store_note_read_error (self, g_steal_pointer (&error));
  sqlite3_reset (stmt);
  for (guint i = 0; i < found->len;)
    {
      Candidate *c = &g_array_index (found, Candidate, i);
      c->entity = px_store_get_entity (self, c->id, &error);
      if (c->entity != NULL)
        i++;
      else
        {
          px_store_note_read_error (self, g_steal_pointer (&error));
          g_array_remove_index (found, i);
        }
    }
  g_array_sort (found, compare_candidates);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (items, g_array_index (found, Candidate, i).entity);
  return items;
}

/* ---- Splitting ---------------------------------------------------------- */

gint64
px_store_split_entity (PxStore      *self,
                       gint64        entity_id,
                       const gint64 *annotation_ids,
                       guint         n_annotation_ids,
                       const char   *name,
                       GError      **error)
{
  g_autoptr(PxEntity) old = NULL;
  sqlite3_stmt *stmt;
  gint64 new_id;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  if (n_annotation_ids == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: pick the mentions to split off",
                   px_store_get_path (self));
      return 0;
    }
  old = px_store_get_entity (self, entity_id, error);
  if (old == NULL || !px_store_write_begin (self, error))
    return 0;
  new_id = px_store_add_entity (self, name, px_entity_get_label_id (old), error);
  if (new_id == 0)
    goto fail;
  stmt = px_store_prepare (self, "UPDATE annotation SET entity_id = ?1 WHERE id = ?2 AND entity_id = ?3", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n_annotation_ids; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, new_id);
      sqlite3_bind_int64 (stmt, 2, annotation_ids[i]);
      sqlite3_bind_int64 (stmt, 3, entity_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          px_store_set_error (self, rc, error);
          goto fail;
        }
      if (sqlite3_changes (px_store_get_db (self)) == 0)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                       "%s: annotation %" G_GINT64_FORMAT " is not a mention of entity %" G_GINT64_FORMAT,
                       px_store_get_path (self), annotation_ids[i], entity_id);
          goto fail;
        }
    }
  px_store_queue (self, PX_STORE_PENDING_ENTITIES);
  px_store_queue_annotations (self, 0);
  return px_store_write_end (self, error) ? new_id : 0;

fail:
  px_store_write_abort (self);
  return 0;
}

GListModel *
px_store_list_entity_mentions (PxStore *self,
                               gint64   entity_id)
{
  GListStore *store = g_list_store_new (PX_TYPE_ANNOTATION);
  g_autofree char *sql = g_strdup_printf ("SELECT %s" PX_STORE_ANNOTATION_FROM
                                          " WHERE n.entity_id = ? ORDER BY n.article_id, n.start, n.id",
                                          px_store_annotation_columns);
  sqlite3_stmt *stmt;

  GError *error = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), G_LIST_MODEL (store));
  stmt = px_store_prepare (self, sql, &error);
  if (stmt == NULL)
    {
      px_store_note_read_error (self, error);
      return G_LIST_MODEL (store);
    }
  sqlite3_bind_int64 (stmt, 1, entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PxAnnotation) a = px_store_annotation_from_row (stmt);
      g_list_store_append (store, a);
    }
  if (!px_store_step_ok (self, rc, &error))
    px_store_note_read_error (self, error);
  sqlite3_reset (stmt);
  return G_LIST_MODEL (store);
}
