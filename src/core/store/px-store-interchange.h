/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-interchange.h: what the interchange formats keep in a corpus
 * beyond articles, labels, annotations and events.
 *
 *  - fragments of discontinuous spans (the annotation itself covers the
 *    whole range from the first fragment's start to the last one's end);
 *  - the ids a brat file gave its annotations and events, so that an export
 *    writes the same ids and the kept lines still point at the right thing;
 *  - event arguments that are events (brat "Theme:E2"): the argument row
 *    holds E2's trigger annotation, and a side row says it meant the event;
 *  - numbered roles as written ("Theme2", "Site2"), Parallax keeping the
 *    base role;
 *  - binary relations (brat R lines, doccano relations);
 *  - brat lines Parallax has no model for (*, A, M, N, notes not on a span),
 *    kept verbatim and written back on export, never dropped;
 *  - per-article format, document name and extra JSON metadata;
 *  - relation and attribute definitions of an imported annotation.conf.
 *
 * Every row hangs off an article, annotation or event with ON DELETE
 * CASCADE, so deleting those in Parallax leaves nothing dangling.
 */
#pragma once

#include <gio/gio.h>

#include "px-store.h"
#include "px-text.h"

G_BEGIN_DECLS

/* The SQL of the schema step that creates these tables. */
extern const char px_store_interchange_schema_sql[];

gboolean  px_store_ix_add_fragments      (PxStore      *self,
                                          gint64        annotation_id,
                                          const GArray *fragments, /* PxSpan */
                                          GError      **error);
gboolean  px_store_ix_set_annotation_ref (PxStore      *self,
                                          gint64        annotation_id,
                                          const char   *ref,
                                          GError      **error);
gboolean  px_store_ix_set_event_ref      (PxStore      *self,
                                          gint64        event_id,
                                          const char   *ref,
                                          GError      **error);
gboolean  px_store_ix_add_event_arg_event(PxStore      *self,
                                          gint64        event_id,
                                          const char   *role,
                                          gint64        annotation_id,
                                          gint64        target_event_id,
                                          GError      **error);

/* brat numbers repeated roles (Theme2, Site2) and the number can carry
 * meaning (Site2 is the site of Theme2); Parallax stores the role as
 * "Site", so the name as written is kept beside it. */
gboolean  px_store_ix_set_arg_role       (PxStore      *self,
                                          gint64        event_id,
                                          const char   *role,
                                          gint64        annotation_id,
                                          const char   *written,
                                          GError      **error);

/* An argument of a relation is an annotation or an event (one id is 0). */
typedef struct
{
  char   *ref;            /* "R1", or NULL */
  char   *type;
  char   *role1;
  gint64  annotation1;
  gint64  event1;
  char   *role2;
  gint64  annotation2;
  gint64  event2;
} PxStoreIxRelation;

void      px_store_ix_relation_free      (PxStoreIxRelation *rel);

gint64    px_store_ix_add_relation       (PxStore                 *self,
                                          gint64                   article_id,
                                          const PxStoreIxRelation *rel,
                                          GError                 **error);
gboolean  px_store_ix_add_kept_line      (PxStore      *self,
                                          gint64        article_id,
                                          const char   *line,
                                          GError      **error);
/* format: "brat", "jsonl", "csv"; every field nullable. */
gboolean  px_store_ix_set_article_meta   (PxStore      *self,
                                          gint64        article_id,
                                          const char   *format,
                                          const char   *name,
                                          const char   *meta_json,
                                          GError      **error);
/* section: "relations" or "attributes"; a line already there is skipped. */
gboolean  px_store_ix_add_conf_line      (PxStore      *self,
                                          const char   *section,
                                          const char   *line,
                                          GError      **error);
/* The lines of one section, in import order. Element type: char *. */
GPtrArray *px_store_ix_list_conf_lines   (PxStore      *self,
                                          const char   *section,
                                          GError      **error);

typedef struct
{
  gint64  event_id;
  char   *role;
  gint64  annotation_id;
  gint64  target_event_id;
} PxStoreIxArgEvent;

typedef struct
{
  gint64  event_id;
  char   *role;
  gint64  annotation_id;
  char   *written;
} PxStoreIxArgRole;

/* Everything above that belongs to one article. */
typedef struct
{
  GHashTable *fragments;        /* gint64 * annotation id → GArray of PxSpan */
  GHashTable *annotation_refs;  /* gint64 * annotation id → char * */
  GHashTable *event_refs;       /* gint64 * event id → char * */
  GArray     *arg_events;       /* PxStoreIxArgEvent */
  GArray     *arg_roles;        /* PxStoreIxArgRole */
  GPtrArray  *relations;        /* PxStoreIxRelation */
  GPtrArray  *kept_lines;       /* char * */
  char       *format;
  char       *name;
  char       *meta_json;
} PxStoreIxArticle;

void              px_store_ix_article_free (PxStoreIxArticle *ix);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxStoreIxArticle, px_store_ix_article_free)

PxStoreIxArticle *px_store_ix_load_article (PxStore    *self,
                                            gint64      article_id,
                                            GError    **error);

/* An article by the sha256 of its text, else by exact title when only one
 * article has it; 0 when none matches. */
gint64    px_store_ix_find_article       (PxStore      *self,
                                          const char   *sha256,
                                          const char   *title);

/* Caps the file at @pages database pages (PRAGMA max_page_count), so that
 * tests can run out of room without filling a disk. Returns the cap now in
 * force, or 0 on error. */
gint64    px_store_ix_set_max_page_count (PxStore      *self,
                                          gint64        pages,
                                          GError      **error);

G_END_DECLS
