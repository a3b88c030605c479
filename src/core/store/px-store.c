/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store.c: opening a corpus file, migrations, transactions, signals.
 *
 * Durability: WAL with synchronous=FULL. WAL with NORMAL is faster but may
 * lose the last commits on a power cut; a user who just tagged something
 * must find it again, so each commit is synced. Bulk work (import) batches
 * many rows per commit instead. */
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "px-store-private.h"

struct _PxStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *annotator;
  GHashTable  *stmts;       /* SQL → sqlite3_stmt */
  gboolean     read_only;
  int          schema_version;
  gboolean     stamped;     /* application_id is Parallax's */

  int          depth;       /* open (nested) transactions */
  guint        pending;     /* PxStorePending */
  GArray      *pending_annotations; /* article ids */
  GArray      *pending_events;
  /* Article id -> GArray of the annotation ids changed in it, or NULL when
   * the article changed as a whole (see px_store_queue_annotation_row()). */
  GHashTable  *pending_rows;
  gboolean     all_rows;      /* an article 0 (all) change is pending */
  GArray      *emitting_rows; /* while annotations-changed runs */
  sqlite3_session *session;   /* recording an edit (px-store-history.c) */
  GError      *read_error;    /* see px_store_take_read_error() */
  gint64       data_version;  /* as last seen: moves when another connection commits */
};

G_DEFINE_FINAL_TYPE (PxStore, px_store, G_TYPE_OBJECT)

/* pending_rows values: NULL stands for "the whole article". */
static void
free_rows (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

enum {
  ARTICLES_CHANGED,
  STORIES_CHANGED,
  LABELS_CHANGED,
  ANNOTATIONS_CHANGED,
  ENTITIES_CHANGED,
  EVENTS_CHANGED,
  READ_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
px_store_finalize (GObject *object)
{
  PxStore *self = PX_STORE (object);

  g_clear_pointer (&self->stmts, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->annotator);
  g_array_unref (self->pending_annotations);
  g_array_unref (self->pending_events);
  g_hash_table_unref (self->pending_rows);
  g_clear_error (&self->read_error);

  G_OBJECT_CLASS (px_store_parent_class)->finalize (object);
}

static void
px_store_class_init (PxStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_store_finalize;

  /* Detailed: "rows" when articles were added, removed or moved, "counts"
   * when only their annotation counts changed. A plain handler gets both;
   * the article list models reload only on "rows". */
  signals[ARTICLES_CHANGED] =
    g_signal_new ("articles-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[STORIES_CHANGED] =
    g_signal_new ("stories-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LABELS_CHANGED] =
    g_signal_new ("labels-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ENTITIES_CHANGED] =
    g_signal_new ("entities-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* article_id 0 means "any article may have changed". */
  signals[ANNOTATIONS_CHANGED] =
    g_signal_new ("annotations-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[EVENTS_CHANGED] =
    g_signal_new ("events-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A list model or another reader without an error parameter could not
   * read the file (it is damaged, say): the message names the file. */
  signals[READ_ERROR] =
    g_signal_new ("read-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
px_store_init (PxStore *self)
{
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) sqlite3_finalize);
  self->pending_annotations = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_events = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              free_rows);
}

/* ---- Errors and statements ------------------------------------------- */

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:     return PX_ERROR_DISK_FULL;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:   return PX_ERROR_LOCKED;
    case SQLITE_READONLY: return PX_ERROR_READ_ONLY;
    case SQLITE_NOTADB:   return PX_ERROR_NOT_DATABASE;
    case SQLITE_CONSTRAINT: return PX_ERROR_INVALID;
    default:              return PX_ERROR_FAILED;
    }
}

void
px_store_set_error (PxStore  *self,
                    int       rc,
                    GError  **error)
{
  int code;

  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
    rc = sqlite3_extended_errcode (self->db);
  code = error_code_for (rc);
  switch (code)
    {
    case PX_ERROR_DISK_FULL:
      g_set_error (error, PX_ERROR, code, "%s: the disk is full; nothing of this change was saved", self->path);
      break;
    case PX_ERROR_LOCKED:
      g_set_error (error, PX_ERROR, code, "%s: the corpus is locked by another program; try again when it is done", self->path);
      break;
    case PX_ERROR_READ_ONLY:
      g_set_error (error, PX_ERROR, code, "%s: the corpus is read-only", self->path);
      break;
    case PX_ERROR_NOT_DATABASE:
      g_set_error (error, PX_ERROR, code, "%s is not a Parallax corpus (not an SQLite database)", self->path);
      break;
    default:
      if ((rc & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, PX_ERROR, code,
                     "%s is damaged: part of it cannot be read (%s); restore it from a backup, "
                     "or try sqlite3's .recover on a copy", self->path, sqlite3_errmsg (self->db));
      else
        g_set_error (error, PX_ERROR, code, "%s: %s", self->path, sqlite3_errmsg (self->db));
    }
}

gboolean
px_store_step_ok (PxStore  *self,
                  int       rc,
                  GError  **error)
{
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  px_store_set_error (self, rc, error);
  return FALSE;
}

gboolean
px_store_found (PxStore     *self,
                int          rc,
                const char  *what,
                gint64       id,
                GError     **error)
{
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no %s %" G_GINT64_FORMAT,
                 self->path, what, id);
  else
    px_store_set_error (self, rc, error);
  return FALSE;
}

void
px_store_note_read_error (PxStore *self,
                          GError  *error)
{
  g_autoptr(GError) owned = error;

  if (error == NULL)
    return;
  /* The first one is kept: later ones are usually its consequences. */
  if (self->read_error == NULL)
    self->read_error = g_error_copy (error);
  g_signal_emit (self, signals[READ_ERROR], 0, error->message);
}

GError *
px_store_take_read_error (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return g_steal_pointer (&self->read_error);
}

sqlite3 *
px_store_get_db (PxStore *self)
{
  return self->db;
}

sqlite3_stmt *
px_store_prepare (PxStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      px_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->stmts, g_strdup (sql), stmt);
  return stmt;
}

gboolean
px_store_exec (PxStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      px_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- Transactions and signals ----------------------------------------- */

/* Some errors (I/O, out of memory) make SQLite roll the whole transaction
 * back on its own. A SAVEPOINT would then silently start a new one and the
 * caller's batch would be half lost: refuse, and say so. */
static gboolean
check_transaction_alive (PxStore  *self,
                         GError  **error)
{
  if (self->depth == 0 || sqlite3_get_autocommit (self->db) == 0)
    return TRUE;
  g_set_error (error, PX_ERROR, PX_ERROR_FAILED,
               "%s: an earlier error undid the whole transaction; nothing of it was saved",
               self->path);
  return FALSE;
}

gboolean
px_store_begin (PxStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  /* IMMEDIATE takes the write lock now, so a busy file fails here, before
   * any work, rather than at commit. */
  sql = self->depth == 0 ? g_strdup (self->read_only ? "BEGIN" : "BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT px%d", self->depth);
  if (!check_transaction_alive (self, error) || !px_store_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
px_store_begin_read (PxStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  if (self->depth > 0)
    return px_store_begin (self, error);
  /* Deferred: a reader takes no write lock, and writers go on meanwhile. */
  if (!px_store_exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

void
px_store_end_read (PxStore *self)
{
  g_return_if_fail (PX_IS_STORE (self));
  /* Nothing was written: ending it cannot lose anything. */
  px_store_rollback (self);
}

static void emit_ids (PxStore *self, guint signal, GArray *ids);
static void emit_annotation_ids (PxStore *self, GArray *ids, GHashTable *rows, gboolean all);

static void
emit_pending (PxStore *self)
{
  guint pending = self->pending;
  g_autoptr(GArray) annotations = self->pending_annotations;
  g_autoptr(GArray) events = self->pending_events;
  g_autoptr(GHashTable) rows = self->pending_rows;
  gboolean all_rows = self->all_rows;

  self->pending = 0;
  /* Entities carry mention counts: any annotation change may move them. One
   * entities-changed per commit is cheaper for listeners than reacting to
   * each article's annotations-changed. */
  if (annotations->len > 0)
    pending |= PX_STORE_PENDING_ENTITIES;
  self->pending_annotations = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_events = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              free_rows);
  self->all_rows = FALSE;

  if (pending & PX_STORE_PENDING_LABELS)
    g_signal_emit (self, signals[LABELS_CHANGED], 0);
  if (pending & PX_STORE_PENDING_STORIES)
    g_signal_emit (self, signals[STORIES_CHANGED], 0);
  if (pending & PX_STORE_PENDING_ARTICLES)
    g_signal_emit (self, signals[ARTICLES_CHANGED], g_quark_from_static_string ("rows"));
  else if (pending & PX_STORE_PENDING_ARTICLE_COUNTS)
    g_signal_emit (self, signals[ARTICLES_CHANGED], g_quark_from_static_string ("counts"));
  if (pending & PX_STORE_PENDING_ENTITIES)
    g_signal_emit (self, signals[ENTITIES_CHANGED], 0);
  emit_annotation_ids (self, annotations, rows, all_rows);
  emit_ids (self, EVENTS_CHANGED, events);
}

/* A cached statement left on a row (a getter reads its one row and returns)
 * keeps its transaction open after the COMMIT around it: the write lock,
 * which kept other programs from writing ("the corpus is locked"), or a
 * read snapshot, from which this connection never saw their commits. At
 * the end of the outermost transaction nobody is stepping one any more, so
 * all may be reset. */
static void
reset_idle_statements (PxStore *self)
{
  GHashTableIter iter;
  gpointer stmt;

  g_hash_table_iter_init (&iter, self->stmts);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    if (sqlite3_stmt_busy (stmt))
      sqlite3_reset (stmt);
}

gboolean
px_store_commit (PxStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    reset_idle_statements (self);
  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE px%d", self->depth - 1);
  if (!check_transaction_alive (self, error) || !px_store_exec (self, sql, error))
    {
      /* A failed COMMIT (disk full) leaves the transaction open: undo it so
       * that the file stays as it was before. */
      px_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  if (self->depth == 0)
    emit_pending (self);
  return TRUE;
}

void
px_store_rollback (PxStore *self)
{
  g_return_if_fail (PX_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    {
      reset_idle_statements (self);
      if (sqlite3_get_autocommit (self->db) == 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->pending = 0;
      g_array_set_size (self->pending_annotations, 0);
      g_array_set_size (self->pending_events, 0);
      g_hash_table_remove_all (self->pending_rows);
      self->all_rows = FALSE;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO px%d; RELEASE px%d",
                                              self->depth, self->depth);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
}

gboolean
px_store_write_begin (PxStore  *self,
                      GError  **error)
{
  if (self->read_only)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_READ_ONLY,
                   "%s is read-only: nothing can be changed in it", self->path);
      return FALSE;
    }
  return px_store_begin (self, error);
}

gboolean
px_store_write_end (PxStore  *self,
                    GError  **error)
{
  return px_store_commit (self, error);
}

void
px_store_write_abort (PxStore *self)
{
  px_store_rollback (self);
}

void
px_store_queue (PxStore        *self,
                PxStorePending  what)
{
  self->pending |= what;
}

/* Appends without searching: a batch touching thousands of articles would
 * make a search per write quadratic. emit_pending() drops the repeats. */
static void
queue_id (GArray *ids,
          gint64  id)
{
  if (ids->len > 0 && g_array_index (ids, gint64, ids->len - 1) == id)
    return;
  g_array_append_val (ids, id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
emit_ids (PxStore *self,
          guint    signal,
          GArray  *ids)
{
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (i == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, i - 1))
      g_signal_emit (self, signals[signal], 0, g_array_index (ids, gint64, i));
}

/* Like emit_ids(), with the changed rows of each article on hand for the
 * handlers (px_store_get_changed_annotation_rows()). */
static void
emit_annotation_ids (PxStore    *self,
                     GArray     *ids,
                     GHashTable *rows,
                     gboolean    all)
{
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (i > 0 && id == g_array_index (ids, gint64, i - 1))
        continue;
      self->emitting_rows = all || id == 0 ? NULL : g_hash_table_lookup (rows, &id);
      g_signal_emit (self, signals[ANNOTATIONS_CHANGED], 0, id);
      self->emitting_rows = NULL;
    }
}

void
px_store_queue_annotations (PxStore *self,
                            gint64   article_id)
{
  queue_id (self->pending_annotations, article_id);
  if (article_id == 0)
    self->all_rows = TRUE;
  else
    g_hash_table_replace (self->pending_rows, g_memdup2 (&article_id, sizeof article_id), NULL);
}

void
px_store_queue_annotation_row (PxStore *self,
                               gint64   article_id,
                               gint64   annotation_id)
{
  GArray *rows;

  queue_id (self->pending_annotations, article_id);
  if (!g_hash_table_lookup_extended (self->pending_rows, &article_id, NULL, (gpointer *) &rows))
    {
      rows = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->pending_rows, g_memdup2 (&article_id, sizeof article_id), rows);
    }
  /* NULL: the whole article is already queued, which covers this row. */
  if (rows != NULL)
    g_array_append_val (rows, annotation_id);
}

const GArray *
px_store_get_changed_annotation_rows (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return self->emitting_rows;
}

void
px_store_queue_events (PxStore *self,
                       gint64   article_id)
{
  queue_id (self->pending_events, article_id);
}

/* ---- Other writers ------------------------------------------------------ */

/* SQLite's data_version moves only when another connection commits, never
 * for this one's own writes: one cheap read tells whether the file changed
 * under us. -1 when it cannot be read. */
static gint64
read_data_version (PxStore *self)
{
  sqlite3_stmt *stmt = px_store_prepare (self, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  /* Reset now: a statement left on its row holds a read snapshot, and
   * later reads would not see the next commit either. */
  sqlite3_reset (stmt);
  return version;
}

gboolean
px_store_poll_external_change (PxStore *self)
{
  gint64 version;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  /* Inside our own transaction we read our own snapshot; look again after. */
  if (self->depth > 0)
    return FALSE;
  reset_idle_statements (self);
  version = read_data_version (self);
  if (version < 0 || version == self->data_version)
    return FALSE;
  px_store_notify_external_change (self);
  return TRUE;
}

void
px_store_notify_external_change (PxStore *self)
{
  g_return_if_fail (PX_IS_STORE (self));

  /* What is re-read now is seen: a poll right after must not report it
   * again (the import job notifies by hand, then the window polls). */
  if (self->depth == 0)
    {
      reset_idle_statements (self);
      self->data_version = read_data_version (self);
    }
  self->pending |= PX_STORE_PENDING_ARTICLES | PX_STORE_PENDING_STORIES |
                   PX_STORE_PENDING_LABELS | PX_STORE_PENDING_ENTITIES;
  px_store_queue_annotations (self, 0);
  queue_id (self->pending_events, 0);
  if (self->depth == 0)
    emit_pending (self);
}

/* ---- Opening ---------------------------------------------------------- */

char *
px_store_default_path (void)
{
  const char *env = g_getenv ("PARALLAX_DB");
  g_autofree char *dir = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  dir = g_build_filename (g_get_user_data_dir (), "parallax", NULL);
  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, "corpus.db", NULL);
}

static gboolean
read_pragma (PxStore     *self,
             const char  *sql,
             gint64      *out,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      px_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_user_version (PxStore  *self,
                   int      *out,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0;
  int rc;

  /* Reading sqlite_master makes SQLite read the file header, which is where
   * a file that is not a database is found out. */
  rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      px_store_set_error (self, rc, error);
      return FALSE;
    }
  {
    gint64 version = 0;

    if (!read_pragma (self, "PRAGMA user_version", &version, error) ||
        !read_pragma (self, "PRAGMA application_id", &app_id, error))
      return FALSE;
    *out = (int) version;
  }
  self->stamped = app_id == PX_STORE_APPLICATION_ID;
  if (app_id != 0 && !self->stamped)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_DATABASE,
                   "%s belongs to another program (SQLite application id 0x%08" G_GINT64_MODIFIER "x), "
                   "not Parallax; it was left untouched", self->path, app_id);
      return FALSE;
    }
  return TRUE;
}

/* The names of the tables in @db, sorted and joined by spaces; NULL with
 * @error when they cannot be read. */
static char *
table_names (sqlite3  *db,
             GError  **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  /* SQLite's own tables (sqlite_stat1 after an ANALYZE) say nothing of
   * whose file it is. */
  int rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                               " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                               -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (names, (const char *) sqlite3_column_text (stmt, 0));
      g_string_append_c (names, ' ');
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "cannot list the tables: %s", sqlite3_errmsg (db));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The tables a corpus of schema @version holds, from the migrations run on
 * an empty database in memory, so that it can never drift from them. */
static char *
expected_tables (int      version,
                 GError **error)
{
  sqlite3 *db = NULL;
  char *names = NULL;
  int rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL);

  for (guint i = 0; rc == SQLITE_OK && i < px_store_n_migrations; i++)
    if (px_store_migrations[i].version <= version)
      rc = sqlite3_exec (db, px_store_migrations[i].sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    names = table_names (db, error);
  else
    g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "cannot build schema %d: %s", version, sqlite3_errmsg (db));
  sqlite3_close (db);
  return names;
}

/* A file without Parallax's application id is a corpus made before the
 * stamp only when it holds exactly the tables of its schema version; any
 * other SQLite file belongs to someone else and is left alone. An empty
 * file (no tables, version 0) becomes a corpus when opened for writing. */
static gboolean
check_unstamped (PxStore  *self,
                 int       version,
                 GError  **error)
{
  g_autofree char *have = NULL;
  g_autofree char *want = NULL;

  if (self->stamped)
    return TRUE;
  if ((have = table_names (self->db, error)) == NULL)
    return FALSE;
  if (version == 0 && *have == '\0')
    {
      if (!self->read_only)
        return TRUE;
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_DATABASE,
                   "%s is an empty file, not a Parallax corpus; it was left untouched", self->path);
      return FALSE;
    }
  if (version > 0 && version <= PX_STORE_SCHEMA_VERSION &&
      (want = expected_tables (version, error)) == NULL)
    return FALSE;
  if (want == NULL || !g_str_equal (have, want))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_DATABASE,
                   "%s is an SQLite database but not a Parallax corpus; it was left untouched",
                   self->path);
      return FALSE;
    }
  return TRUE;
}

/* Marks the file as Parallax's (a new corpus, or one made before the
 * stamp, on its first writable open). */
static gboolean
stamp (PxStore  *self,
       GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", PX_STORE_APPLICATION_ID);

  if (self->stamped || self->read_only)
    return TRUE;
  if (!px_store_begin (self, error))
    return FALSE;
  if (!px_store_exec (self, sql, error) || !px_store_commit (self, error))
    {
      if (self->depth > 0)
        px_store_rollback (self);
      return FALSE;
    }
  self->stamped = TRUE;
  return TRUE;
}

static gboolean
migrate (PxStore           *self,
         PxStoreOpenFlags   flags,
         GError           **error)
{
  gboolean fresh = self->schema_version == 0;

  for (guint i = 0; i < px_store_n_migrations; i++)
    {
      const PxStoreMigration *step = &px_store_migrations[i];
      g_autofree char *set_version = NULL;

      if (step->version <= self->schema_version)
        continue;
      if (!px_store_begin (self, error))
        return FALSE;
      set_version = g_strdup_printf ("PRAGMA user_version = %d", step->version);
      if (!px_store_exec (self, step->sql, error) ||
          !px_store_exec (self, set_version, error) ||
          (fresh && step->version == 1 && !(flags & PX_STORE_OPEN_NO_SEED) &&
           !px_store_seed_labels (self, error)) ||
          !px_store_commit (self, error))
        {
          if (self->depth > 0)
            px_store_rollback (self);
          g_prefix_error (error, "could not upgrade the corpus to schema %d: ", step->version);
          return FALSE;
        }
      self->schema_version = step->version;
    }
  /* Nobody listens yet: a fresh store's seeding is not news. */
  self->pending = 0;
  return TRUE;
}

static gboolean
configure (PxStore  *self,
           GError  **error)
{
  sqlite3_busy_timeout (self->db, 2000);
  /* 8 MB of page cache rather than 2: batches of annotations touch many
   * article rows and index pages. 32 MB was no faster (px-bench: import,
   * a million annotations, CSV export) and, once the sidebar had read a
   * 10,000-article corpus, held 25 MB more of the app's memory. */
  if (!px_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !px_store_exec (self, "PRAGMA cache_size = -8192", error))
    return FALSE;
  if (self->read_only)
    return px_store_exec (self, "PRAGMA query_only = ON", error);
  return px_store_exec (self, "PRAGMA journal_mode = WAL", error) &&
         px_store_exec (self, "PRAGMA synchronous = FULL", error);
}

static gboolean
check_schema (PxStore  *self,
              int       version,
              GError  **error)
{
  if (version > PX_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NEWER_SCHEMA,
                   "%s was written by a newer Parallax (schema %d; this version reads up to %d); it was left untouched",
                   self->path, version, PX_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (!check_unstamped (self, version, error))
    return FALSE;
  if (version < PX_STORE_SCHEMA_VERSION && self->read_only)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_READ_ONLY,
                   "%s needs upgrading to this version of Parallax but is opened read-only; "
                   "open it once for writing (parallax-cli --db FILE init) to upgrade it",
                   self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
decide_read_only (const char        *path,
                  PxStoreOpenFlags   flags,
                  gboolean          *read_only,
                  GError           **error)
{
  gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (!exists && (flags & PX_STORE_OPEN_NO_CREATE))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no such corpus file", path);
      return FALSE;
    }
  if (!exists && (flags & PX_STORE_OPEN_READ_ONLY))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: no such corpus file to open read-only", path);
      return FALSE;
    }
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s is a folder, not a corpus file", path);
      return FALSE;
    }
  /* SQLite says "disk I/O error" for a FIFO and "unable to open database
   * file" for a missing folder: say what is wrong instead. */
  if (exists && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "%s is not a regular file (a pipe, a device or a socket), so it cannot be a corpus", path);
      return FALSE;
    }
  if (!exists)
    {
      g_autofree char *parent = g_path_get_dirname (path);

      if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND,
                       "%s cannot be created: the folder %s does not exist", path, parent);
          return FALSE;
        }
    }
  *read_only = (flags & PX_STORE_OPEN_READ_ONLY) || (exists && access (path, W_OK) != 0);
  return TRUE;
}

static int
open_connection (PxStore     *self,
                 const char  *filename,
                 int          flags,
                 GError     **error)
{
  int rc = sqlite3_open_v2 (filename, &self->db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, PX_ERROR, error_code_for (rc), "%s: cannot open: %s",
                   self->path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return rc;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 2000);
  return SQLITE_OK;
}

/* A WAL corpus needs its FILE-shm even to be read. When neither the file nor
 * its folder may be written, SQLite cannot make one. If no FILE-wal holds
 * unmerged commits, the file alone is the whole corpus and can be read as
 * immutable (no locks, no -shm); otherwise say what is wrong. */
static gboolean
reopen_immutable (PxStore  *self,
                  int      *version,
                  GError  **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *uri = NULL;
  GStatBuf st;

  if (!g_error_matches (*error, PX_ERROR, PX_ERROR_READ_ONLY) &&
      !g_error_matches (*error, PX_ERROR, PX_ERROR_FAILED))
    return FALSE;
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_clear_error (error);
      g_set_error (error, PX_ERROR, PX_ERROR_READ_ONLY,
                   "%s cannot be read: it and its folder are read-only, and %s holds changes "
                   "not yet merged into it; open it once where it may be written",
                   self->path, wal);
      return FALSE;
    }
  /* A file URI needs an absolute path: --db corpus.db on a read-only
   * medium would fail here. */
  {
    g_autofree char *abs = g_canonicalize_filename (self->path, NULL);

    uri = g_filename_to_uri (abs, NULL, NULL);
  }
  if (uri == NULL)
    return FALSE;
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_error (error);
  {
    g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);
    if (open_connection (self, immutable, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error) != SQLITE_OK)
      return FALSE;
  }
  return read_user_version (self, version, error);
}

PxStore *
px_store_open (const char        *path,
               PxStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(PxStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* SQLite takes both for a database that vanishes when it is closed: the
   * work would seem to succeed and nothing would be saved. */
  if (*path == '\0' || g_str_equal (path, ":memory:"))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "“%s” is not a corpus file: SQLite would keep it in memory and save nothing; "
                   "give the path of a file", path);
      return NULL;
    }
  self = g_object_new (PX_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!decide_read_only (path, flags, &self->read_only, error))
    return NULL;

  rc = open_connection (self, path,
                        self->read_only ? SQLITE_OPEN_READONLY
                                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        error);
  if (rc != SQLITE_OK)
    return NULL;
  /* SQLite quietly falls back to reading when the file cannot be written
   * though access() said it could (a read-only mount, say). */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    self->read_only = TRUE;

  /* Look before touching: nothing below writes until the file is known to
   * be a corpus this version can read. */
  if (!read_user_version (self, &version, &local_error) &&
      !(self->read_only && reopen_immutable (self, &version, &local_error)))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!check_schema (self, version, error))
    return NULL;
  self->schema_version = version;

  if (!configure (self, error) ||
      (!self->read_only && (!migrate (self, flags, error) || !stamp (self, error)
                            || !px_store_refresh_entity_keys (self, error))))
    return NULL;
  self->pending = 0;   /* keys made again on open are not news */

  self->data_version = read_data_version (self);
  self->annotator = g_strdup (g_get_real_name ());
  if (g_strcmp0 (self->annotator, "Unknown") == 0 || *self->annotator == '\0')
    {
      g_free (self->annotator);
      self->annotator = g_strdup (g_get_user_name ());
    }

  return g_steal_pointer (&self);
}

const char *
px_store_get_path (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return self->path;
}

gboolean
px_store_is_read_only (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), TRUE);
  return self->read_only;
}

int
px_store_get_schema_version (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), 0);
  return self->schema_version;
}

void
px_store_set_annotator (PxStore    *self,
                        const char *name)
{
  g_return_if_fail (PX_IS_STORE (self));
  if (name != NULL && *name != '\0')
    {
      g_free (self->annotator);
      self->annotator = g_strdup (name);
    }
}

const char *
px_store_get_annotator (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return self->annotator;
}

gint64
px_store_set_max_page_count (PxStore  *self,
                             gint64    pages,
                             GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  sqlite3_stmt *stmt = NULL;
  gint64 now = 0;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    now = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (now == 0)
    px_store_set_error (self, SQLITE_ERROR, error);
  return now;
}

/* ---- The recording session (px-store-history.c) ------------------------ */

sqlite3_session *
px_store_get_session (PxStore *self)
{
  return self->session;
}

void
px_store_set_session (PxStore         *self,
                      sqlite3_session *session)
{
  self->session = session;
}
