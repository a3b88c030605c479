/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-editor.h: every change a person or a script makes to a corpus.
 *
 * The Annotate, Compare and Entities pages and parallax-cli all edit
 * through one PxEditor, so that a tag means the same thing everywhere: an
 * entity mention is linked to its entity, a trigger gets its event, an
 * exact duplicate is refused.
 *
 * Each call is one user action: one transaction and one undo step. The
 * store records the rows the action touched (px_store_record_begin()), so
 * undo and redo bring back the very same rows, ids included. A group
 * (px_editor_begin_group()) makes several calls one step.
 *
 * An action that removes more than what was pointed at (relabelling a
 * trigger drops its event, deleting an entity unlinks its mentions) says
 * so in px_editor_get_notice(), so that the UI can name what went next to
 * its Undo button.
 *
 * Properties (notified only when they change): "can-undo", "can-redo",
 * "undo-description", "redo-description" ("Tag “Kuleba” as PER").
 */
#pragma once

#include "px-store.h"

G_BEGIN_DECLS

#define PX_TYPE_EDITOR (px_editor_get_type ())
G_DECLARE_FINAL_TYPE (PxEditor, px_editor, PX, EDITOR, GObject)

/* Where a step happened, for the UI to show it after undo or redo. */
typedef struct
{
  gint64 article_id;     /* 0: corpus-wide (entities) */
  gint64 annotation_id;  /* the annotation to select, or 0 */
} PxEditTarget;

PxEditor   *px_editor_new                  (PxStore       *store);
PxStore    *px_editor_get_store            (PxEditor      *self);

/* ---- History ---------------------------------------------------------- */

gboolean    px_editor_get_can_undo         (PxEditor      *self);
gboolean    px_editor_get_can_redo         (PxEditor      *self);
/* "Tag “Kuleba” as PER", translated; NULL when there is nothing. */
const char *px_editor_get_undo_description (PxEditor      *self);
const char *px_editor_get_redo_description (PxEditor      *self);
/* On success, @out_target (nullable) says where the step happened. A step
 * whose rows another program changed since is refused and dropped from the
 * history, and the corpus is left as it is. */
gboolean    px_editor_undo                 (PxEditor      *self,
                                            PxEditTarget  *out_target,
                                            GError       **error);
gboolean    px_editor_redo                 (PxEditor      *self,
                                            PxEditTarget  *out_target,
                                            GError       **error);
void        px_editor_clear_history        (PxEditor      *self);
/* What the last action removed besides what was pointed at, translated
 * ("The Meet event and its 3 arguments were removed"), or NULL. */
const char *px_editor_get_notice           (PxEditor      *self);

/* Calls between begin and end are one step called @description. Groups
 * nest (the outermost names the step). A failed call inside leaves the
 * group open: end it to keep what did succeed, or cancel it to undo all. */
gboolean    px_editor_begin_group          (PxEditor      *self,
                                            const char    *description,
                                            GError       **error);
gboolean    px_editor_end_group            (PxEditor      *self,
                                            GError       **error);
void        px_editor_cancel_group         (PxEditor      *self);

/* ---- Annotations ------------------------------------------------------ */

/* Tags [start, end) of an article (code points) with a label. An entity
 * mention is linked to the entity named @entity_name (NULL: by match key,
 * see px_store_link_mention()); an event label also makes the event. The
 * same span with the same label is refused (PX_ERROR_DUPLICATE), but a
 * suggestion there is accepted instead. Returns the annotation id. */
gint64      px_editor_tag                  (PxEditor      *self,
                                            gint64         article_id,
                                            gint64         label_id,
                                            gsize          start,
                                            gsize          end,
                                            const char    *entity_name,
                                            GError       **error);
/* Its events and arguments go with it (see the notice). */
gboolean    px_editor_delete               (PxEditor      *self,
                                            gint64         annotation_id,
                                            GError       **error);
/* Keeps the event of a trigger relabelled to another event type (dropping
 * arguments whose role the new type lacks), drops it for an entity label,
 * and relinks an entity mention under its new label. */
gboolean    px_editor_relabel              (PxEditor      *self,
                                            gint64         annotation_id,
                                            gint64         label_id,
                                            GError       **error);
gboolean    px_editor_set_note             (PxEditor      *self,
                                            gint64         annotation_id,
                                            const char    *note,
                                            GError       **error);
/* entity_id 0 unlinks. */
gboolean    px_editor_link                 (PxEditor      *self,
                                            gint64         annotation_id,
                                            gint64         entity_id,
                                            GError       **error);
/* Links to a new entity called @name, with the mention's label. */
gint64      px_editor_link_new             (PxEditor      *self,
                                            gint64         annotation_id,
                                            const char    *name,
                                            GError       **error);

/* The coder's value of a DATE, NUM or QUOTE mention (value_source
 * "coder"): an ISO date, week or interval ("2025-02-27", "2025-02",
 * "--02-18", "2025-W09", "2025-02-26/2025-02-27"), a number or range with
 * an optional unit ("3", "2100000/2200000", "~20000/99999", "5 %"), or a
 * speaker's name. NULL or "" gives it back to the computed value. */
gboolean    px_editor_set_value            (PxEditor      *self,
                                            gint64         annotation_id,
                                            const char    *value,
                                            GError       **error);

/* How a value mention's value was read, for the inspector, translated:
 * "Read as 2025-02-27, from “jeudi” and the publication date 2025-02-26",
 * "(inferred from the text)", "set by the coder", or why there is none.
 * NULL for an annotation that holds no value. */
char       *px_editor_describe_value       (PxEditor      *self,
                                            PxAnnotation  *annotation);

/* ---- Suggestions ("find all occurrences") ----------------------------- */

/* Suggests the annotation's label on every other occurrence of its text in
 * its article, or (@whole_story) in every article of its story; spans
 * already carrying the label are skipped. Returns how many were made, or
 * -1 with @error; @out_here (nullable) counts those in its own article. */
int         px_editor_suggest              (PxEditor      *self,
                                            gint64         annotation_id,
                                            gboolean       whole_story,
                                            guint         *out_here,
                                            GError       **error);
gboolean    px_editor_accept               (PxEditor      *self,
                                            gint64         annotation_id,
                                            GError       **error);
gboolean    px_editor_reject               (PxEditor      *self,
                                            gint64         annotation_id,
                                            GError       **error);
/* Every suggestion of an article; returns how many, or -1 with @error. */
int         px_editor_accept_all           (PxEditor      *self,
                                            gint64         article_id,
                                            GError       **error);
int         px_editor_reject_all           (PxEditor      *self,
                                            gint64         article_id,
                                            GError       **error);

/* ---- Entities --------------------------------------------------------- */

gboolean    px_editor_merge_entities       (PxEditor      *self,
                                            gint64         keep_id,
                                            const gint64  *drop_ids,
                                            guint          n_drop_ids,
                                            GError       **error);
/* Moves the given mentions to a new entity called @name; returns its id. */
gint64      px_editor_split_entity         (PxEditor      *self,
                                            gint64         entity_id,
                                            const gint64  *annotation_ids,
                                            guint          n_annotation_ids,
                                            const char    *name,
                                            GError       **error);
gboolean    px_editor_rename_entity        (PxEditor      *self,
                                            gint64         entity_id,
                                            const char    *name,
                                            GError       **error);
/* Its mentions stay, unlinked (see the notice). */
gboolean    px_editor_delete_entity        (PxEditor      *self,
                                            gint64         entity_id,
                                            GError       **error);

/* ---- Events ----------------------------------------------------------- */

/* @type_label_id must be an event label; a trigger has one event. */
gint64      px_editor_add_event            (PxEditor      *self,
                                            gint64         trigger_annotation_id,
                                            gint64         type_label_id,
                                            GError       **error);
gboolean    px_editor_delete_event         (PxEditor      *self,
                                            gint64         event_id,
                                            GError       **error);
/* @role must be one of the event type's roles (any case); the argument is
 * an annotation of the same article. */
gboolean    px_editor_add_argument         (PxEditor      *self,
                                            gint64         event_id,
                                            const char    *role,
                                            gint64         annotation_id,
                                            GError       **error);
gboolean    px_editor_remove_argument      (PxEditor      *self,
                                            gint64         event_id,
                                            const char    *role,
                                            gint64         annotation_id,
                                            GError       **error);

/* ---- Articles --------------------------------------------------------- */

/* @value NULL or "" clears the field. A publication date is ISO 8601,
 * possibly partial: "2022", "2022-03" or "2022-03-10". */
gboolean    px_editor_set_article_field    (PxEditor      *self,
                                            gint64         article_id,
                                            PxArticleField field,
                                            const char    *value,
                                            GError       **error);
/* Moves the article to the story called @story (made when missing); NULL
 * or "" takes it out of its story. */
gboolean    px_editor_set_article_story    (PxEditor      *self,
                                            gint64         article_id,
                                            const char    *story,
                                            GError       **error);

/* ---- The codebook ----------------------------------------------------- */

/* @colour (#rrggbb) and @shortcut (one digit or letter, unused) may be
 * NULL. Returns the label id. */
gint64      px_editor_add_label            (PxEditor      *self,
                                            const char    *name,
                                            PxLabelKind    kind,
                                            const char    *colour,
                                            const char    *shortcut,
                                            const char    *description,
                                            GError       **error);
gboolean    px_editor_set_label_field      (PxEditor      *self,
                                            gint64         label_id,
                                            PxLabelField   field,
                                            const char    *value,
                                            GError       **error);
gboolean    px_editor_move_label           (PxEditor      *self,
                                            gint64         label_id,
                                            guint          position,
                                            GError       **error);
/* Its annotations and events go with it (see the notice); ask first:
 * px_store_count_label_uses() says how many. */
gboolean    px_editor_delete_label         (PxEditor      *self,
                                            gint64         label_id,
                                            GError       **error);
gboolean    px_editor_add_role             (PxEditor      *self,
                                            gint64         label_id,
                                            const char    *role,
                                            gboolean       repeatable,
                                            GError       **error);
/* The arguments that had the role go with it. */
gboolean    px_editor_remove_role          (PxEditor      *self,
                                            gint64         label_id,
                                            const char    *role,
                                            GError       **error);

/* ---- Team coding ------------------------------------------------------ */

/* Merges another coder's corpus file in, as one step (see
 * px_store_merge_attached()); merging the same file twice adds nothing. */
PxStoreMergeReport *px_editor_merge_corpus (PxEditor      *self,
                                            const char    *path,
                                            GError       **error);

/* The current coder's document status of an article: "new",
 * "in_progress" or "done" (see px_store_set_article_status()). */
gboolean    px_editor_set_article_status   (PxEditor      *self,
                                            gint64         article_id,
                                            const char    *status,
                                            GError       **error);

/* Checks a publication date as px_editor_set_article_field() does. */
gboolean    px_editor_check_date           (const char    *value,
                                            GError       **error);

G_END_DECLS
