/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-private.h: what the px-store-*.c files share. Not for other
 * modules, with one exception: px_store_get_db() for the store's own
 * extension files (px-store-interchange.c, px-store-compare.c). */
#pragma once

/* Declares the session extension (undo, px-store-history.c); Debian's
 * libsqlite3 is built with it. */
#ifndef SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_SESSION 1
#endif
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <sqlite3.h>

#include "px-error.h"
#include "px-store.h"

G_BEGIN_DECLS

typedef enum
{
  PX_STORE_PENDING_ARTICLES = 1 << 0,
  PX_STORE_PENDING_STORIES  = 1 << 1,
  PX_STORE_PENDING_LABELS   = 1 << 2,
  PX_STORE_PENDING_ENTITIES = 1 << 3,
  /* Only annotation counts on articles moved: "articles-changed::counts". */
  PX_STORE_PENDING_ARTICLE_COUNTS = 1 << 4,
} PxStorePending;

sqlite3      *px_store_get_db          (PxStore     *self);

/* The session recording the open edit, or NULL (px-store-history.c). */
sqlite3_session *px_store_get_session  (PxStore         *self);
void          px_store_set_session     (PxStore         *self,
                                        sqlite3_session *session);

/* A cached prepared statement, reset and with bindings cleared. The store
 * owns it. NULL with @error set when the SQL does not compile. The end of
 * the outermost transaction, and px_store_poll_external_change(), reset
 * every cached statement left on a row: do not keep stepping one across
 * them (a loop over rows that writes must run inside a transaction). */
sqlite3_stmt *px_store_prepare         (PxStore     *self,
                                        const char  *sql,
                                        GError     **error);
/* Sets @error from the connection's last error (or @rc), naming the file. */
void          px_store_set_error       (PxStore     *self,
                                        int          rc,
                                        GError     **error);
/* The rc that ended a read: TRUE for SQLITE_ROW and SQLITE_DONE, else
 * @error set. A damaged file must never read as an empty one, so every
 * loop over sqlite3_step() ends with this. */
/* Makes stale entity match keys again (see px-store-entities.c). */
gboolean      px_store_refresh_entity_keys (PxStore *self,
                                            GError **error);
gboolean      px_store_step_ok         (PxStore     *self,
                                        int          rc,
                                        GError     **error);
/* The rc of a lookup by id: TRUE for a row; PX_ERROR_NOT_FOUND ("no @what
 * @id") when there is none; the read error otherwise. */
gboolean      px_store_found           (PxStore     *self,
                                        int          rc,
                                        const char  *what,
                                        gint64       id,
                                        GError     **error);
/* For readers with no error parameter (list models, counts, find_*):
 * keeps the error for px_store_take_read_error() and emits "read-error".
 * Takes @error; NULL does nothing. */
void          px_store_note_read_error (PxStore     *self,
                                        GError      *error);
gboolean      px_store_exec            (PxStore     *self,
                                        const char  *sql,
                                        GError     **error);

/* Opens a write: refuses with PX_ERROR_READ_ONLY on a read-only store, and
 * begins a (nested) transaction. Pair with write_end or write_abort. */
gboolean      px_store_write_begin     (PxStore     *self,
                                        GError     **error);
gboolean      px_store_write_end       (PxStore     *self,
                                        GError     **error);
void          px_store_write_abort     (PxStore     *self);

/* Queues a signal, emitted after the outermost commit. */
void          px_store_queue           (PxStore       *self,
                                        PxStorePending what);
/* Every annotation of @article_id (0: of every article) may have changed. */
void          px_store_queue_annotations (PxStore   *self,
                                          gint64     article_id);
/* Only @annotation_id of @article_id changed (added, edited or deleted):
 * the article's list models can update that row alone. */
void          px_store_queue_annotation_row (PxStore *self,
                                             gint64   article_id,
                                             gint64   annotation_id);
/* During an "annotations-changed" emission: the annotation ids that
 * changed in that article, or NULL when it changed as a whole. */
const GArray *px_store_get_changed_annotation_rows (PxStore *self);
void          px_store_queue_events    (PxStore     *self,
                                        gint64       article_id);

/* One write by id(s): @sql binds @a as ?1 and, when it has a second
 * parameter, @b as ?2. With @what set, no changed row is PX_ERROR_NOT_FOUND
 * ("no @what @a"). Opens the write with px_store_write_begin(); on success
 * the caller queues signals and calls px_store_write_end(). */
gboolean      px_store_write_ids       (PxStore     *self,
                                        const char  *sql,
                                        gint64       a,
                                        gint64       b,
                                        const char  *what,
                                        GError     **error);
/* The same inside a write the caller already opened. */
gboolean      px_store_step_ids        (PxStore     *self,
                                        const char  *sql,
                                        gint64       a,
                                        gint64       b,
                                        GError     **error);
guint         px_store_count_rows      (PxStore     *self,
                                        const char  *sql);
/* Refuses an empty or blank name: "a @what needs a name". */
gboolean      px_store_check_name      (PxStore     *self,
                                        const char  *name,
                                        const char  *what,
                                        GError     **error);

/* One article as a list item (no text), or NULL when it is gone (or could
 * not be read: see px_store_note_read_error()). */
PxArticle    *px_store_load_article_item (PxStore *self, gint64 id);

/* Row readers shared by getters and list models. */
PxArticle    *px_store_article_from_row    (sqlite3_stmt *stmt,
                                            gboolean      with_text);
PxAnnotation *px_store_annotation_from_row (sqlite3_stmt *stmt);
PxEntity     *px_store_entity_from_row     (sqlite3_stmt *stmt);
PxLabel      *px_store_label_from_row      (PxStore      *self,
                                            sqlite3_stmt *stmt);
PxStory      *px_store_story_from_row      (sqlite3_stmt *stmt);
PxEvent      *px_store_event_from_row      (PxStore      *self,
                                            sqlite3_stmt *stmt);

/* Loaders behind the list models: element types as in px-store.h. NULL
 * with @error when the file could not be read to the end. */
GPtrArray    *px_store_load_articles    (PxStore *self, gint64 story_id, GError **error);
GPtrArray    *px_store_load_stories     (PxStore *self, GError **error);
GPtrArray    *px_store_load_labels      (PxStore *self, GError **error);
GPtrArray    *px_store_load_annotations (PxStore *self, gint64 article_id, GError **error);
GPtrArray    *px_store_load_entities    (PxStore *self, GError **error);
GPtrArray    *px_store_load_events      (PxStore *self, gint64 article_id, GError **error);

extern const char *const px_store_article_columns;
extern const char *const px_store_annotation_columns;
/* The joins px_store_annotation_columns reads from. */
#define PX_STORE_ANNOTATION_FROM \
  " FROM annotation n JOIN label l ON l.id = n.label_id" \
  " LEFT JOIN entity e ON e.id = n.entity_id" \
  " LEFT JOIN annotator ar ON ar.id = n.annotator_id"
extern const char *const px_store_entity_columns;
extern const char *const px_store_label_columns;
extern const char *const px_store_story_columns;
extern const char *const px_store_event_columns;

/* Schema (px-store-schema.c). */
typedef struct
{
  int         version;
  const char *sql;
} PxStoreMigration;

extern const PxStoreMigration px_store_migrations[];
extern const guint            px_store_n_migrations;
gboolean      px_store_seed_labels      (PxStore *self, GError **error);

static inline const char *
px_store_column_str (sqlite3_stmt *stmt, int col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

G_END_DECLS
