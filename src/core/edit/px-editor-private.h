/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-editor-private.h: what the px-editor-*.c files share.
 *
 * Every public call of PxEditor opens an edit, makes its store writes and
 * closes it:
 *
 *   if (!px_editor_edit_begin (self, error))
 *     return FALSE;
 *   ok = px_store_… (self->store, …, error);
 *   px_editor_set_target (self, article_id, annotation_id);
 *   return px_editor_edit_finish (self, ok, description, error);
 *
 * The outermost edit is recorded (px_store_record_begin()) and becomes one
 * undo step; an edit inside a group or inside another call is a savepoint,
 * so a failed inner call takes back only its own writes. */
#pragma once

#include "px-editor.h"
#include "px-error.h"

G_BEGIN_DECLS

PxStore  *px_editor_store                (PxEditor      *self);

gboolean  px_editor_edit_begin           (PxEditor      *self,
                                          GError       **error);
void      px_editor_edit_abort           (PxEditor      *self);
gboolean  px_editor_edit_end             (PxEditor      *self,
                                          const char    *description,
                                          GError       **error);
/* Ends the edit: kept (as a step called @description) when @ok, else
 * taken back. Returns FALSE when not @ok or when the commit failed. */
gboolean  px_editor_edit_finish          (PxEditor      *self,
                                          gboolean       ok,
                                          const char    *description,
                                          GError       **error);
/* Where the open edit happened, for the UI after undo or redo. */
void      px_editor_set_target           (PxEditor      *self,
                                          gint64         article_id,
                                          gint64         annotation_id);
/* Adds a sentence to the notice of the open edit. */
void      px_editor_add_notice           (PxEditor      *self,
                                          const char    *text);
/* “text”, on one line and shortened for a menu. */
char     *px_editor_quoted               (const char    *text);

/* px-editor-annotations.c */
PxEvent  *px_editor_find_event_of_trigger (PxEditor     *self,
                                           gint64        article_id,
                                           gint64        trigger_id);
/* The links an annotation gets from its label: an entity mention its
 * entity (@entity_name, or by match key), a trigger its event. */
gboolean  px_editor_complete_annotation  (PxEditor      *self,
                                          gint64         annotation_id,
                                          const char    *entity_name,
                                          GError       **error);
/* The value a DATE or NUM mention reads as (px_normalize_value() against
 * its article), or NULL. */
char     *px_editor_compute_value        (PxEditor      *self,
                                          PxAnnotation  *annotation);
/* Computes again the values the coder did not set, after the article's
 * publication date changed. */
gboolean  px_editor_refresh_values       (PxEditor      *self,
                                          gint64         article_id,
                                          GError       **error);
gboolean  px_editor_accept_suggestion    (PxEditor      *self,
                                          PxAnnotation  *suggestion,
                                          GError       **error);
/* The event type's own spelling of @role, matched without regard to case. */
gboolean  px_editor_role_of              (PxLabel       *type,
                                          const char    *role,
                                          const char   **out_name);

G_END_DECLS
