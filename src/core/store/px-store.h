/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store.h: the corpus file. The only code in Parallax that runs SQL.
 *
 * One PxStore is one SQLite connection to one corpus file, used from one
 * thread at a time. Work off the main thread opens its own PxStore on the
 * same file (WAL lets readers and one writer share it) and the main thread's
 * store is told with px_store_notify_external_change().
 *
 * Every public write is one transaction (or joins the caller's, see
 * px_store_begin()); nothing is half-written after a crash.
 *
 * Signals, emitted after the change is committed:
 *   "articles-changed"    ()                   articles added, removed, moved
 *                                              (detail "rows"), or only their
 *                                              annotation counts ("counts")
 *   "stories-changed"     ()
 *   "labels-changed"      ()
 *   "annotations-changed" (gint64 article_id)  also for entity links/notes
 *   "entities-changed"    ()
 *   "events-changed"      (gint64 article_id)
 *   "read-error"          (const char *message) a list model (or another
 *                                              reader with no error
 *                                              parameter) could not read
 *                                              the file; see
 *                                              px_store_take_read_error()
 * List models returned by px_store_list_*() follow these signals themselves,
 * and splice only the items that changed, so a view keeps its selection.
 */
#pragma once

#include <gio/gio.h>

#include "px-article.h"
#include "px-annotation.h"
#include "px-entity.h"
#include "px-event.h"
#include "px-label.h"
#include "px-story.h"

G_BEGIN_DECLS

#define PX_STORE_SCHEMA_VERSION 5
/* PRAGMA application_id of every corpus: 'PRLX'. A file with another id is
 * another program's and is never opened; one with none is a corpus only
 * when it holds exactly Parallax's tables (made before the stamp). */
#define PX_STORE_APPLICATION_ID 0x50524c58

typedef enum
{
  PX_STORE_OPEN_DEFAULT   = 0,
  PX_STORE_OPEN_READ_ONLY = 1 << 0, /* never write, even if the file allows it: not
                                     * the schema, not WAL mode, not a stamp */
  PX_STORE_OPEN_NO_CREATE = 1 << 1, /* fail with PX_ERROR_NOT_FOUND if missing */
  PX_STORE_OPEN_NO_SEED   = 1 << 2, /* a new corpus gets no default labels */
} PxStoreOpenFlags;

#define PX_TYPE_STORE (px_store_get_type ())
G_DECLARE_FINAL_TYPE (PxStore, px_store, PX, STORE, GObject)

/* $PARALLAX_DB if set, else g_get_user_data_dir()/parallax/corpus.db. */
char        *px_store_default_path      (void);

/* Opens or creates a corpus, runs pending migrations and seeds a new one with
 * the default label schema. Errors name the file and leave it untouched:
 * PX_ERROR_NOT_DATABASE, PX_ERROR_NEWER_SCHEMA, PX_ERROR_LOCKED. A file the
 * process may not write is opened read-only: px_store_is_read_only() tells,
 * and every write then fails with PX_ERROR_READ_ONLY. */
PxStore     *px_store_open              (const char        *path,
                                         PxStoreOpenFlags   flags,
                                         GError           **error);
const char  *px_store_get_path          (PxStore           *self);
gboolean     px_store_is_read_only      (PxStore           *self);
int          px_store_get_schema_version(PxStore           *self);

/* The name written into annotation.annotator (defaults to g_get_real_name
 * or the user name). */
void         px_store_set_annotator     (PxStore           *self,
                                         const char        *name);
const char  *px_store_get_annotator     (PxStore           *self);

/* Nestable transactions (savepoints inside). Writes inside a begin/commit
 * pair commit together; px_store_rollback() undoes them all. Signals are
 * emitted once the outermost commit succeeds. */
gboolean     px_store_begin             (PxStore           *self,
                                         GError           **error);
gboolean     px_store_commit            (PxStore           *self,
                                         GError           **error);
void         px_store_rollback          (PxStore           *self);

/* The first read error met since the last call by a reader that has no
 * error parameter of its own (list models, counts, find_*), or NULL. A
 * damaged file must not pass for an empty one: callers that list check
 * this once they have read. */
GError      *px_store_take_read_error   (PxStore           *self);

/* A read snapshot: every read until px_store_end_read() sees the corpus as
 * it was at the first one, whatever other connections commit meanwhile
 * (a deferred transaction, or a savepoint inside an open one). */
gboolean     px_store_begin_read        (PxStore           *self,
                                         GError           **error);
void         px_store_end_read          (PxStore           *self);

/* Another connection changed the file: re-read and emit every signal. */
void         px_store_notify_external_change (PxStore      *self);
/* Cheap (one PRAGMA): when another connection or process committed since
 * the last look, calls px_store_notify_external_change() and returns TRUE.
 * This store's own commits are not reported. Does nothing inside an open
 * transaction. A window polls it a few times a second. */
gboolean     px_store_poll_external_change   (PxStore      *self);

/* ---- Articles --------------------------------------------------------- */

/* Adds an article (text must be valid NFC UTF-8 with LF line ends). Sets
 * PX_ERROR_DUPLICATE when the same text (by sha256) is already there, with
 * *out_existing_id (nullable) set to that article. Returns the new id or 0. */
gint64       px_store_add_article       (PxStore             *self,
                                         const PxArticleInfo *info,
                                         gint64              *out_existing_id,
                                         GError             **error);
/* With text filled in. */
PxArticle   *px_store_get_article       (PxStore           *self,
                                         gint64             id,
                                         GError           **error);
char        *px_store_get_article_text  (PxStore           *self,
                                         gint64             id,
                                         GError           **error);
gboolean     px_store_delete_article    (PxStore           *self,
                                         gint64             id,
                                         GError           **error);
guint        px_store_count_articles    (PxStore           *self);
/* Element type: PxArticle, without text, ordered by story then published
 * date then id. story_id < 0: all articles; 0: articles in no story. */
GListModel  *px_store_list_articles     (PxStore           *self,
                                         gint64             story_id);

/* Article metadata the user may correct after import. The text never
 * changes: annotations point into it. */
typedef enum
{
  PX_ARTICLE_FIELD_TITLE = 1,
  PX_ARTICLE_FIELD_SOURCE,
  PX_ARTICLE_FIELD_PUBLISHED,
  PX_ARTICLE_FIELD_URL,
} PxArticleField;

/* @value NULL or "" clears the field. */
gboolean     px_store_set_article_field (PxStore           *self,
                                         gint64             article_id,
                                         PxArticleField     field,
                                         const char        *value,
                                         GError           **error);

/* The current annotator's document status of an article: "new" (or
 * NULL: no status kept), "in_progress" or "done". Per coder: see
 * px_article_get_status(). */
gboolean     px_store_set_article_status (PxStore          *self,
                                          gint64            article_id,
                                          const char       *status,
                                          GError          **error);

/* ---- Stories ---------------------------------------------------------- */

gint64       px_store_add_story         (PxStore           *self,
                                         const char        *name,
                                         GError           **error);
/* The id of the story with this name, created when missing. */
gint64       px_store_ensure_story      (PxStore           *self,
                                         const char        *name,
                                         GError           **error);
gboolean     px_store_rename_story      (PxStore           *self,
                                         gint64             story_id,
                                         const char        *name,
                                         GError           **error);
/* Articles of a deleted story become unassigned; nothing else is lost. */
gboolean     px_store_delete_story      (PxStore           *self,
                                         gint64             story_id,
                                         GError           **error);
/* An article is in at most one story; story_id 0 takes it out. */
gboolean     px_store_set_article_story (PxStore           *self,
                                         gint64             article_id,
                                         gint64             story_id,
                                         GError           **error);
PxStory     *px_store_get_story         (PxStore           *self,
                                         gint64             id,
                                         GError           **error);
/* Element type: PxStory, by name. */
GListModel  *px_store_list_stories      (PxStore           *self);

/* ---- Labels ----------------------------------------------------------- */

/* Element type: PxLabel, by position. */
GListModel  *px_store_list_labels       (PxStore           *self);
PxLabel     *px_store_get_label         (PxStore           *self,
                                         gint64             id,
                                         GError           **error);
/* Case-sensitive name lookup; NULL (no error) when there is none. */
PxLabel     *px_store_find_label        (PxStore           *self,
                                         const char        *name);
/* colour and shortcut may be NULL (a colour is then picked). */
gint64       px_store_add_label         (PxStore           *self,
                                         const char        *name,
                                         PxLabelKind        kind,
                                         const char        *colour,
                                         const char        *shortcut,
                                         const char        *description,
                                         GError           **error);
gboolean     px_store_add_label_role    (PxStore           *self,
                                         gint64             label_id,
                                         const PxRole      *role,
                                         GError           **error);

/* Codebook editing. Changing a label's name, colour or key restyles its
 * annotations (annotations-changed for every article). */
typedef enum
{
  PX_LABEL_FIELD_NAME = 1,
  PX_LABEL_FIELD_COLOUR,
  PX_LABEL_FIELD_SHORTCUT,     /* NULL or "": no key */
  PX_LABEL_FIELD_DESCRIPTION,
} PxLabelField;

gboolean     px_store_set_label_field   (PxStore           *self,
                                         gint64             label_id,
                                         PxLabelField       field,
                                         const char        *value,
                                         GError           **error);
/* Moves a label to @position (0: first) in the palette's order. */
gboolean     px_store_move_label        (PxStore           *self,
                                         gint64             label_id,
                                         guint              position,
                                         GError           **error);
/* How many annotations carry the label. */
guint        px_store_count_label_uses  (PxStore           *self,
                                         gint64             label_id);
/* Deletes the label with its annotations and the events of its type. */
gboolean     px_store_delete_label      (PxStore           *self,
                                         gint64             label_id,
                                         GError           **error);
/* Removes an event type's role, with the arguments that had it. */
gboolean     px_store_remove_label_role (PxStore           *self,
                                         gint64             label_id,
                                         const char        *role,
                                         GError           **error);

/* ---- Annotations ------------------------------------------------------ */

/* Checks 0 <= start < end <= article length, caches the text, stamps the
 * annotator and time. note may be NULL. Returns the new id or 0. */
gint64       px_store_add_annotation    (PxStore            *self,
                                         gint64              article_id,
                                         gint64              label_id,
                                         gsize               start,
                                         gsize               end,
                                         PxAnnotationStatus  status,
                                         const char         *note,
                                         GError            **error);
PxAnnotation *px_store_get_annotation   (PxStore           *self,
                                         gint64             id,
                                         GError           **error);
/* Also deletes event arguments pointing at it, and events it triggers. */
gboolean     px_store_delete_annotation (PxStore           *self,
                                         gint64             id,
                                         GError           **error);
/* Puts back a deleted annotation with its old id and fields (for undo). */
gboolean     px_store_restore_annotation(PxStore           *self,
                                         PxAnnotation      *annotation,
                                         GError           **error);
gboolean     px_store_set_annotation_label  (PxStore       *self,
                                             gint64         id,
                                             gint64         label_id,
                                             GError       **error);
gboolean     px_store_set_annotation_status (PxStore            *self,
                                             gint64              id,
                                             PxAnnotationStatus  status,
                                             GError            **error);
gboolean     px_store_set_annotation_note   (PxStore       *self,
                                             gint64         id,
                                             const char    *note,
                                             GError       **error);
/* entity_id 0 unlinks. */
gboolean     px_store_set_annotation_entity (PxStore       *self,
                                             gint64         id,
                                             gint64         entity_id,
                                             GError       **error);
/* The normalised value of a DATE, NUM or QUOTE mention and where it came
 * from ("computed" or "coder"); NULL or "" clears both. */
gboolean     px_store_set_annotation_value (PxStore      *self,
                                            gint64        id,
                                            const char   *value,
                                            const char   *source,
                                            GError      **error);
/* Element type: PxAnnotation, by start then end then id. */
GListModel  *px_store_list_annotations  (PxStore           *self,
                                         gint64             article_id);
/* Position of annotation @id in a model from px_store_list_annotations(),
 * found in O(log n); G_MAXUINT when it is not there. */
guint        px_store_annotation_position (GListModel      *annotations,
                                           gint64           id);
guint        px_store_count_annotations (PxStore           *self);
/* The current annotator's annotation of an article with exactly this label
 * and span (an accepted one first), or NULL: with @error set only when
 * reading failed. Other coders' annotations are theirs: the same span may
 * be tagged once by each coder. */
PxAnnotation *px_store_find_annotation  (PxStore           *self,
                                         gint64             article_id,
                                         gint64             label_id,
                                         gsize              start,
                                         gsize              end,
                                         GError           **error);

/* ---- Entities --------------------------------------------------------- */

/* The match key is computed with px_text_match_key(). */
gint64       px_store_add_entity        (PxStore           *self,
                                         const char        *name,
                                         gint64             label_id,
                                         GError           **error);
PxEntity    *px_store_get_entity        (PxStore           *self,
                                         gint64             id,
                                         GError           **error);
/* Entities whose match key equals @key. Element type: PxEntity. */
GPtrArray   *px_store_find_entities_by_key (PxStore        *self,
                                            const char     *key);
/* Moves every mention of @drop_id to @keep_id and deletes @drop_id. */
gboolean     px_store_merge_entities    (PxStore           *self,
                                         gint64             keep_id,
                                         gint64             drop_id,
                                         GError           **error);
gboolean     px_store_rename_entity     (PxStore           *self,
                                         gint64             id,
                                         const char        *name,
                                         GError           **error);
gboolean     px_store_delete_entity     (PxStore           *self,
                                         gint64             id,
                                         GError           **error);
/* Element type: PxEntity with mention counts, by name. */
GListModel  *px_store_list_entities     (PxStore           *self);
/* Links an entity-kind mention to the entity of its label whose match key
 * equals its text's key, creating that entity when there is none. Returns
 * the entity id; 0 with no error when the label is not an entity label;
 * 0 with @error on failure. Near keys are never linked here: see
 * px_store_entity_candidates(). */
gint64       px_store_link_mention      (PxStore           *self,
                                         gint64             annotation_id,
                                         GError           **error);

/* How px_store_link_mention_full() found the entity. */
typedef enum
{
  PX_LINK_NONE,       /* not an entity mention, or nothing to link by */
  PX_LINK_EXACT,      /* the same match key */
  PX_LINK_NEW,        /* a new entity */
  PX_LINK_NAME_PART,  /* a surname and the one full name of the story */
  PX_LINK_NEAR,       /* the one near spelling of the story */
} PxLinkReason;

/* px_store_link_mention() (which links exact keys only), and when no
 * entity has the mention's key,
 * within the mention's story (its article alone when it is in none) and
 * its label only: a person's surname links to the one full name that ends
 * with it ("Lavrov" / "Sergueï Lavrov"), or the other way round; failing
 * that, a near spelling (px_text_near_spelling(), of the whole key or of a
 * person's surname) links when only one entity matches. Otherwise a new
 * entity. The editor links tags this way (its notice names the guess).
 * @out_name (nullable) gets the linked entity's name. */
gint64       px_store_link_mention_full (PxStore           *self,
                                         gint64             annotation_id,
                                         PxLinkReason      *out_reason,
                                         char             **out_name,
                                         GError           **error);
/* Entities whose match key is within @max_distance edits of @key (a
 * distance of 0 included), same label when @label_id != 0, closest first,
 * leaving out @exclude_id. For "Kuleba" / "Kouleba". Element type: PxEntity. */
GPtrArray   *px_store_entity_candidates (PxStore           *self,
                                         const char        *key,
                                         gint64             label_id,
                                         guint              max_distance,
                                         gint64             exclude_id);
/* Moves the given mentions of @entity_id to a new entity called @name (same
 * label) and returns its id, or 0 with @error. */
gint64       px_store_split_entity      (PxStore           *self,
                                         gint64             entity_id,
                                         const gint64      *annotation_ids,
                                         guint              n_annotation_ids,
                                         const char        *name,
                                         GError           **error);
/* Mentions of an entity across the corpus, element type PxAnnotation, by
 * article then start. */
GListModel  *px_store_list_entity_mentions (PxStore        *self,
                                            gint64          entity_id);

/* ---- Events ----------------------------------------------------------- */

gint64       px_store_add_event         (PxStore           *self,
                                         gint64             article_id,
                                         gint64             label_id,
                                         gint64             trigger_annotation_id,
                                         GError           **error);
gboolean     px_store_add_event_argument(PxStore           *self,
                                         gint64             event_id,
                                         const char        *role,
                                         gint64             annotation_id,
                                         GError           **error);
gboolean     px_store_remove_event_argument (PxStore       *self,
                                             gint64         event_id,
                                             const char    *role,
                                             gint64         annotation_id,
                                             GError       **error);
gboolean     px_store_delete_event      (PxStore           *self,
                                         gint64             id,
                                         GError           **error);
PxEvent     *px_store_get_event         (PxStore           *self,
                                         gint64             id,
                                         GError           **error);
/* Element type: PxEvent, in text order of their triggers. */
GListModel  *px_store_list_events       (PxStore           *self,
                                         gint64             article_id);
/* Story events: the real-world event several article events report. */
gint64       px_store_add_story_event   (PxStore           *self,
                                         gint64             story_id,
                                         const char        *name,
                                         GError           **error);
/* story_event_id 0 unlinks. */
gboolean     px_store_set_event_story_event (PxStore       *self,
                                             gint64         event_id,
                                             gint64         story_event_id,
                                             GError       **error);

/* ---- Search ----------------------------------------------------------- */

typedef struct
{
  gint64  article_id;
  char   *title;
  char   *snippet;   /* context around the match */
  gsize   start;     /* code points, first match in the text */
  gsize   end;
} PxSearchHit;

void         px_search_hit_free         (PxSearchHit       *hit);

/* FTS5 search, diacritics- and case-insensitive. Element type: PxSearchHit. */
GPtrArray   *px_store_search            (PxStore           *self,
                                         const char        *query,
                                         guint              limit,
                                         GError           **error);

/* Ids of the articles holding every term of @term as a word prefix
 * (accents and case ignored), in id order. */
GArray      *px_store_search_article_ids (PxStore          *self,
                                          const char       *term,
                                          GError          **error);
/* The accepted annotations of a label across the corpus, by article then
 * start. Element type: PxAnnotation. */
GPtrArray   *px_store_list_label_mentions (PxStore         *self,
                                           gint64           label_id,
                                           GError         **error);

/* ---- Bulk reads for export -------------------------------------------- */

typedef enum
{
  PX_EXPORT_ARTICLES,
  PX_EXPORT_ANNOTATIONS,
  PX_EXPORT_ENTITIES,
  PX_EXPORT_EVENTS,
} PxExportTable;

/* Called once per row; values[i] is NULL for SQL NULL. Return FALSE (with
 * @error set) to stop. The pointers are only valid during the call. */
typedef gboolean (*PxStoreRowFunc) (const char * const *values,
                                    const gsize        *lengths,
                                    guint               n_columns,
                                    gpointer            user_data,
                                    GError            **error);

/* Column names of an export table, NULL-terminated; see README "CSV". */
const char * const *px_store_export_columns (PxExportTable table);
/* The SELECT that px_store_export_rows() runs, so that a benchmark can hand
 * the very same join to the sqlite3 CLI. */
const char  *px_store_export_sql        (PxExportTable     table);
gboolean     px_store_export_rows       (PxStore           *self,
                                         PxExportTable      table,
                                         PxStoreRowFunc     func,
                                         gpointer           user_data,
                                         GError           **error);

/* Caps the file at @pages database pages (PRAGMA max_page_count), so that
 * tests can run out of room without filling a disk. Returns the cap now in
 * force, or 0 with @error set. */
gint64       px_store_set_max_page_count (PxStore         *self,
                                          gint64           pages,
                                          GError         **error);

/* ---- Change sets (px-store-history.c) --------------------------------- */

/* Opens a write transaction and records every row it changes, so that
 * the edit can be undone and redone exactly (same rows, same ids). */
gboolean     px_store_record_begin      (PxStore           *self,
                                         GError           **error);
/* Commits the recorded write and returns its change set (empty when it
 * changed nothing), or NULL with @error after rolling it back. */
GBytes      *px_store_record_end        (PxStore           *self,
                                         GError           **error);
/* Rolls the recorded write back. */
void         px_store_record_abort      (PxStore           *self);
/* Applies a change set (@invert: its inverse, to undo) in one transaction
 * and emits the signals for the rows it touched. Refuses, changing
 * nothing, when another program changed the same rows since. */
gboolean     px_store_apply_changes     (PxStore           *self,
                                         GBytes            *changes,
                                         gboolean           invert,
                                         GError           **error);
gboolean     px_store_changes_empty     (GBytes            *changes);

/* ---- Merging another corpus (px-store-merge.c) ------------------------ */

typedef struct
{
  guint      articles_added;
  guint      articles_matched;     /* already here, by the sha256 of their text */
  guint      annotations_added;
  guint      annotations_present;  /* already here: same article, label, span, coder */
  guint      events_added;
  guint      labels_added;
  GPtrArray *clashes;              /* char *: labels of another kind under one name */
  GPtrArray *coders;               /* char *: whose annotations the other file holds */
} PxStoreMergeReport;

void         px_store_merge_report_free (PxStoreMergeReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxStoreMergeReport, px_store_merge_report_free)

/* Attaches another corpus file read-only, after checking that it is a
 * Parallax corpus of the same schema and not this one. Outside any
 * transaction; pair with px_store_detach_other(). */
gboolean     px_store_attach_other      (PxStore           *self,
                                         const char        *path,
                                         GError           **error);
void         px_store_detach_other      (PxStore           *self);
/* Copies the attached corpus in, in one transaction: articles matched by
 * the sha256 of their text, labels, stories and coders by name, entities
 * by label and name, annotations by article, label, span and coder (so
 * that merging twice adds nothing), events by trigger and type. */
PxStoreMergeReport *px_store_merge_attached (PxStore       *self,
                                             GError       **error);

/* ---- Stats ------------------------------------------------------------ */

typedef struct
{
  guint n_articles;
  guint n_stories;
  guint n_labels;
  guint n_annotations;
  guint n_suggested;
  guint n_entities;
  guint n_events;
  gint64 file_size;
} PxStoreStats;

gboolean     px_store_get_stats         (PxStore           *self,
                                         PxStoreStats      *out,
                                         GError           **error);

G_END_DECLS
