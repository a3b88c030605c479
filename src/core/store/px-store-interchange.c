/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-interchange.c: the tables the interchange formats need (see
 * px-store-interchange.h). Store code: the only place here that runs SQL. */
#include "px-store-interchange.h"

#include <sqlite3.h>
#include <string.h>

#include "px-error.h"
#include "px-store-private.h"

const char px_store_interchange_schema_sql[] =
  "CREATE TABLE ix_fragment ("
  "  annotation_id INTEGER NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,"
  "  idx INTEGER NOT NULL, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL,"
  "  PRIMARY KEY (annotation_id, idx));"
  "CREATE TABLE ix_annotation_ref ("
  "  annotation_id INTEGER PRIMARY KEY REFERENCES annotation(id) ON DELETE CASCADE,"
  "  ref TEXT NOT NULL);"
  "CREATE TABLE ix_event_ref ("
  "  event_id INTEGER PRIMARY KEY REFERENCES event(id) ON DELETE CASCADE,"
  "  ref TEXT NOT NULL);"
  "CREATE TABLE ix_event_arg_event ("
  "  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL,"
  "  annotation_id INTEGER NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,"
  "  target_event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE);"
  "CREATE INDEX ix_event_arg_event_event ON ix_event_arg_event(event_id);"
  /* A numbered role as the file wrote it ("Site2" goes with "Theme2"). */
  "CREATE TABLE ix_arg_role ("
  "  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL,"
  "  annotation_id INTEGER NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,"
  "  written TEXT NOT NULL,"
  "  PRIMARY KEY (event_id, role, annotation_id));"
  "CREATE TABLE ix_relation ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
  "  ref TEXT, type TEXT NOT NULL,"
  "  role1 TEXT NOT NULL,"
  "  annotation1 INTEGER REFERENCES annotation(id) ON DELETE CASCADE,"
  "  event1 INTEGER REFERENCES event(id) ON DELETE CASCADE,"
  "  role2 TEXT NOT NULL,"
  "  annotation2 INTEGER REFERENCES annotation(id) ON DELETE CASCADE,"
  "  event2 INTEGER REFERENCES event(id) ON DELETE CASCADE);"
  "CREATE INDEX ix_relation_article ON ix_relation(article_id);"
  "CREATE TABLE ix_kept_line ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
  "  line TEXT NOT NULL);"
  "CREATE INDEX ix_kept_line_article ON ix_kept_line(article_id);"
  "CREATE TABLE ix_article_meta ("
  "  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,"
  "  format TEXT, name TEXT, meta_json TEXT);"
  "CREATE TABLE ix_conf_line ("
  "  id INTEGER PRIMARY KEY, section TEXT NOT NULL, line TEXT NOT NULL,"
  "  UNIQUE (section, line));";

/* ---- Plumbing --------------------------------------------------------- */

static gboolean
sql_fail (PxStore *self, int rc, const char *what, GError **error)
{
  sqlite3 *db = px_store_get_db (self);
  int code = PX_ERROR_FAILED;

  switch (rc & 0xff)
    {
    case SQLITE_FULL: code = PX_ERROR_DISK_FULL; break;
    case SQLITE_READONLY: code = PX_ERROR_READ_ONLY; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: code = PX_ERROR_LOCKED; break;
    case SQLITE_CONSTRAINT: code = PX_ERROR_INVALID; break;
    default: break;
    }
  g_set_error (error, PX_ERROR, code, "%s: %s: %s", px_store_get_path (self), what,
               code == PX_ERROR_DISK_FULL ? "the disk or the corpus size limit is full"
                                          : sqlite3_errmsg (db));
  return FALSE;
}

static sqlite3_stmt *
prepare (PxStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (px_store_get_db (self), sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      sql_fail (self, rc, "preparing a query", error);
      return NULL;
    }
  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static gboolean
writable (PxStore *self, GError **error)
{
  if (!px_store_is_read_only (self))
    return TRUE;
  g_set_error (error, PX_ERROR, PX_ERROR_READ_ONLY, "%s: the corpus is open read-only",
               px_store_get_path (self));
  return FALSE;
}

static gboolean
step_done (PxStore *self, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return sql_fail (self, rc, what, error);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt, int i, const char *s)
{
  if (s == NULL)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, s, -1, SQLITE_TRANSIENT);
}

static void
bind_id (sqlite3_stmt *stmt, int i, gint64 id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_int64 (stmt, i, id);
}

/* Runs one write with values bound in order: 's' text, 'i' id (0 is
 * NULL), 'n' number (0 is 0). */
static gboolean
run_write (PxStore *self, const char *sql, const char *what, GError **error,
           const char *types, ...)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  va_list args;

  if (!writable (self, error) || (stmt = prepare (self, sql, error)) == NULL)
    return FALSE;
  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 's')
        bind_text (stmt, i + 1, va_arg (args, const char *));
      else if (types[i] == 'n')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else
        bind_id (stmt, i + 1, va_arg (args, gint64));
    }
  va_end (args);
  return step_done (self, stmt, what, error);
}

/* ---- Writes ----------------------------------------------------------- */

gboolean
px_store_ix_add_fragments (PxStore *self, gint64 annotation_id, const GArray *fragments,
                           GError **error)
{
  if (!px_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < fragments->len; i++)
    {
      const PxSpan *f = &g_array_index (fragments, PxSpan, i);

      if (!run_write (self, "INSERT INTO ix_fragment (annotation_id, idx, start, \"end\") "
                            "VALUES (?, ?, ?, ?)", "saving a span fragment", error,
                      "innn", annotation_id, (gint64) i + 1, (gint64) f->start, (gint64) f->end))
        {
          px_store_rollback (self);
          return FALSE;
        }
    }
  return px_store_commit (self, error);
}

gboolean
px_store_ix_set_annotation_ref (PxStore *self, gint64 annotation_id, const char *ref,
                                GError **error)
{
  return run_write (self, "INSERT OR REPLACE INTO ix_annotation_ref (annotation_id, ref) VALUES (?, ?)",
                    "saving an annotation id", error, "is", annotation_id, ref);
}

gboolean
px_store_ix_set_event_ref (PxStore *self, gint64 event_id, const char *ref, GError **error)
{
  return run_write (self, "INSERT OR REPLACE INTO ix_event_ref (event_id, ref) VALUES (?, ?)",
                    "saving an event id", error, "is", event_id, ref);
}

gboolean
px_store_ix_add_event_arg_event (PxStore *self, gint64 event_id, const char *role,
                                 gint64 annotation_id, gint64 target_event_id, GError **error)
{
  return run_write (self, "INSERT INTO ix_event_arg_event (event_id, role, annotation_id, "
                          "target_event_id) VALUES (?, ?, ?, ?)",
                    "saving an event argument", error, "isii",
                    event_id, role, annotation_id, target_event_id);
}

gboolean
px_store_ix_set_arg_role (PxStore *self, gint64 event_id, const char *role,
                          gint64 annotation_id, const char *written, GError **error)
{
  return run_write (self, "INSERT OR REPLACE INTO ix_arg_role (event_id, role, annotation_id, written) "
                          "VALUES (?, ?, ?, ?)",
                    "saving an argument role", error, "isis",
                    event_id, role, annotation_id, written);
}

void
px_store_ix_relation_free (PxStoreIxRelation *rel)
{
  if (rel == NULL)
    return;
  g_free (rel->ref);
  g_free (rel->type);
  g_free (rel->role1);
  g_free (rel->role2);
  g_free (rel);
}

gint64
px_store_ix_add_relation (PxStore *self, gint64 article_id, const PxStoreIxRelation *rel,
                          GError **error)
{
  if (!run_write (self, "INSERT INTO ix_relation (article_id, ref, type, role1, annotation1, event1, "
                        "role2, annotation2, event2) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  "saving a relation", error, "isssiisii", article_id, rel->ref, rel->type,
                  rel->role1, rel->annotation1, rel->event1, rel->role2, rel->annotation2, rel->event2))
    return 0;
  return sqlite3_last_insert_rowid (px_store_get_db (self));
}

gboolean
px_store_ix_add_kept_line (PxStore *self, gint64 article_id, const char *line, GError **error)
{
  return run_write (self, "INSERT INTO ix_kept_line (article_id, line) VALUES (?, ?)",
                    "keeping an annotation line", error, "is", article_id, line);
}

gboolean
px_store_ix_set_article_meta (PxStore *self, gint64 article_id, const char *format,
                              const char *name, const char *meta_json, GError **error)
{
  return run_write (self, "INSERT OR REPLACE INTO ix_article_meta (article_id, format, name, meta_json) "
                          "VALUES (?, ?, ?, ?)",
                    "saving article metadata", error, "isss", article_id, format, name, meta_json);
}

gboolean
px_store_ix_add_conf_line (PxStore *self, const char *section, const char *line, GError **error)
{
  return run_write (self, "INSERT OR IGNORE INTO ix_conf_line (section, line) VALUES (?, ?)",
                    "saving an annotation.conf line", error, "ss", section, line);
}

/* ---- Reads ------------------------------------------------------------ */

static const char *
col_text (sqlite3_stmt *stmt, int i)
{
  return (const char *) sqlite3_column_text (stmt, i);
}

/* Runs a query bound to one id; calls @row for each row. */
static gboolean
each_row (PxStore *self, const char *sql, gint64 id, const char *what,
          void (*row) (sqlite3_stmt *stmt, gpointer data), gpointer data, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (stmt, data);
  if (rc != SQLITE_DONE)
    return sql_fail (self, rc, what, error);
  return TRUE;
}

GPtrArray *
px_store_ix_list_conf_lines (PxStore *self, const char *section, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT line FROM ix_conf_line WHERE section = ? ORDER BY id",
                                          error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, section);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (lines, g_strdup (col_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      sql_fail (self, rc, "reading annotation.conf lines", error);
      return NULL;
    }
  return g_steal_pointer (&lines);
}

static gint64 *
id_key (gint64 v)
{
  return g_memdup2 (&v, sizeof v);
}

static void
row_fragment (sqlite3_stmt *stmt, gpointer data)
{
  PxStoreIxArticle *ix = data;
  gint64 ann = sqlite3_column_int64 (stmt, 0);
  GArray *frags = g_hash_table_lookup (ix->fragments, &ann);
  PxSpan f = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };

  if (frags == NULL)
    {
      frags = g_array_new (FALSE, FALSE, sizeof (PxSpan));
      g_hash_table_insert (ix->fragments, id_key (ann), frags);
    }
  g_array_append_val (frags, f);
}

static void
row_annotation_ref (sqlite3_stmt *stmt, gpointer data)
{
  PxStoreIxArticle *ix = data;

  g_hash_table_insert (ix->annotation_refs, id_key (sqlite3_column_int64 (stmt, 0)),
                       g_strdup (col_text (stmt, 1)));
}

static void
row_event_ref (sqlite3_stmt *stmt, gpointer data)
{
  PxStoreIxArticle *ix = data;

  g_hash_table_insert (ix->event_refs, id_key (sqlite3_column_int64 (stmt, 0)),
                       g_strdup (col_text (stmt, 1)));
}

static void
row_arg_event (sqlite3_stmt *stmt, gpointer data)
{
  PxStoreIxArticle *ix = data;
  PxStoreIxArgEvent ae = { sqlite3_column_int64 (stmt, 0), g_strdup (col_text (stmt, 1)),
                           sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3) };

  g_array_append_val (ix->arg_events, ae);
}

static void
row_arg_role (sqlite3_stmt *stmt, gpointer data)
{
  PxStoreIxArticle *ix = data;
  PxStoreIxArgRole ar = { sqlite3_column_int64 (stmt, 0), g_strdup (col_text (stmt, 1)),
                          sqlite3_column_int64 (stmt, 2), g_strdup (col_text (stmt, 3)) };

  g_array_append_val (ix->arg_roles, ar);
}

static void
row_relation (sqlite3_stmt *stmt, gpointer data)
{
  PxStoreIxArticle *ix = data;
  PxStoreIxRelation *rel = g_new0 (PxStoreIxRelation, 1);

  rel->ref = g_strdup (col_text (stmt, 0));
  rel->type = g_strdup (col_text (stmt, 1));
  rel->role1 = g_strdup (col_text (stmt, 2));
  rel->annotation1 = sqlite3_column_int64 (stmt, 3);
  rel->event1 = sqlite3_column_int64 (stmt, 4);
  rel->role2 = g_strdup (col_text (stmt, 5));
  rel->annotation2 = sqlite3_column_int64 (stmt, 6);
  rel->event2 = sqlite3_column_int64 (stmt, 7);
  g_ptr_array_add (ix->relations, rel);
}

static void
row_kept (sqlite3_stmt *stmt, gpointer data)
{
  PxStoreIxArticle *ix = data;

  g_ptr_array_add (ix->kept_lines, g_strdup (col_text (stmt, 0)));
}

static void
row_meta (sqlite3_stmt *stmt, gpointer data)
{
  PxStoreIxArticle *ix = data;

  ix->format = g_strdup (col_text (stmt, 0));
  ix->name = g_strdup (col_text (stmt, 1));
  ix->meta_json = g_strdup (col_text (stmt, 2));
}

static void
arg_event_clear (gpointer data)
{
  g_free (((PxStoreIxArgEvent *) data)->role);
}

static void
arg_role_clear (gpointer data)
{
  PxStoreIxArgRole *ar = data;

  g_free (ar->role);
  g_free (ar->written);
}

void
px_store_ix_article_free (PxStoreIxArticle *ix)
{
  if (ix == NULL)
    return;
  g_hash_table_unref (ix->fragments);
  g_hash_table_unref (ix->annotation_refs);
  g_hash_table_unref (ix->event_refs);
  g_array_unref (ix->arg_events);
  g_array_unref (ix->arg_roles);
  g_ptr_array_unref (ix->relations);
  g_ptr_array_unref (ix->kept_lines);
  g_free (ix->format);
  g_free (ix->name);
  g_free (ix->meta_json);
  g_free (ix);
}

PxStoreIxArticle *
px_store_ix_load_article (PxStore *self, gint64 article_id, GError **error)
{
  g_autoptr(PxStoreIxArticle) ix = g_new0 (PxStoreIxArticle, 1);

  ix->fragments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  ix->annotation_refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ix->event_refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ix->arg_events = g_array_new (FALSE, FALSE, sizeof (PxStoreIxArgEvent));
  g_array_set_clear_func (ix->arg_events, arg_event_clear);
  ix->arg_roles = g_array_new (FALSE, FALSE, sizeof (PxStoreIxArgRole));
  g_array_set_clear_func (ix->arg_roles, arg_role_clear);
  ix->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) px_store_ix_relation_free);
  ix->kept_lines = g_ptr_array_new_with_free_func (g_free);
  if (!each_row (self, "SELECT f.annotation_id, f.start, f.\"end\" FROM ix_fragment f "
                       "JOIN annotation a ON a.id = f.annotation_id WHERE a.article_id = ? "
                       "ORDER BY f.annotation_id, f.idx",
                 article_id, "reading span fragments", row_fragment, ix, error) ||
      !each_row (self, "SELECT r.annotation_id, r.ref FROM ix_annotation_ref r "
                       "JOIN annotation a ON a.id = r.annotation_id WHERE a.article_id = ?",
                 article_id, "reading annotation ids", row_annotation_ref, ix, error) ||
      !each_row (self, "SELECT r.event_id, r.ref FROM ix_event_ref r "
                       "JOIN event e ON e.id = r.event_id WHERE e.article_id = ?",
                 article_id, "reading event ids", row_event_ref, ix, error) ||
      !each_row (self, "SELECT x.event_id, x.role, x.annotation_id, x.target_event_id "
                       "FROM ix_event_arg_event x JOIN event e ON e.id = x.event_id "
                       "WHERE e.article_id = ?",
                 article_id, "reading event arguments", row_arg_event, ix, error) ||
      !each_row (self, "SELECT x.event_id, x.role, x.annotation_id, x.written "
                       "FROM ix_arg_role x JOIN event e ON e.id = x.event_id "
                       "WHERE e.article_id = ?",
                 article_id, "reading argument roles", row_arg_role, ix, error) ||
      !each_row (self, "SELECT ref, type, role1, annotation1, event1, role2, annotation2, event2 "
                       "FROM ix_relation WHERE article_id = ? ORDER BY id",
                 article_id, "reading relations", row_relation, ix, error) ||
      !each_row (self, "SELECT line FROM ix_kept_line WHERE article_id = ? ORDER BY id",
                 article_id, "reading kept lines", row_kept, ix, error) ||
      !each_row (self, "SELECT format, name, meta_json FROM ix_article_meta WHERE article_id = ?",
                 article_id, "reading article metadata", row_meta, ix, error))
    return NULL;
  return g_steal_pointer (&ix);
}

gint64
px_store_ix_find_article (PxStore *self, const char *sha256, const char *title)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *error = NULL;
  gint64 id = 0;
  int rc;

  /* No error parameter: a read error goes to px_store_take_read_error(). */
  if (sha256 != NULL && sha256[0] != '\0')
    {
      stmt = prepare (self, "SELECT id FROM article WHERE text_sha256 = ? ORDER BY id LIMIT 1", &error);
      if (stmt == NULL)
        {
          px_store_note_read_error (self, error);
          return 0;
        }
      bind_text (stmt, 1, sha256);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      else if (!px_store_step_ok (self, rc, &error))
        px_store_note_read_error (self, error);
      return id;
    }
  if (title == NULL)
    return 0;
  /* Two articles with one title: no guess. */
  stmt = prepare (self, "SELECT min(id), count(*) FROM article WHERE title = ?", &error);
  if (stmt == NULL)
    {
      px_store_note_read_error (self, error);
      return 0;
    }
  bind_text (stmt, 1, title);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW && sqlite3_column_int64 (stmt, 1) == 1)
    id = sqlite3_column_int64 (stmt, 0);
  else if (!px_store_step_ok (self, rc, &error))
    px_store_note_read_error (self, error);
  return id;
}

gint64
px_store_ix_set_max_page_count (PxStore *self, gint64 pages, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  gint64 now = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sql_fail (self, rc, "setting the page limit", error);
      return 0;
    }
  now = sqlite3_column_int64 (stmt, 0);
  return now;
}
