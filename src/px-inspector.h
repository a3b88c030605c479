/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-inspector.h: the detail pane of the Annotate page, for the selected
 * annotation: its label, text, canonical entity, note and, for an event
 * trigger, the event's arguments.
 *
 * The pane only reads the store. Its edits go through the workspace's
 * actions, which own the undo history:
 *   workspace.set-label        (xx)  annotation id, label id
 *   workspace.set-note         (xs)  annotation id, note ("" clears)
 *   workspace.link-entity      (xx)  annotation id, entity id (0 unlinks)
 *   workspace.new-entity       (xs)  annotation id, entity name
 *   workspace.select-annotation (x)  annotation id
 *   workspace.add-argument            asks for the argument and its role
 *   workspace.remove-argument  (xsx) trigger annotation id, role, argument id */
#pragma once

#include <adwaita.h>
#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_INSPECTOR (px_inspector_get_type ())
G_DECLARE_FINAL_TYPE (PxInspector, px_inspector, PX, INSPECTOR, GtkWidget)

GtkWidget    *px_inspector_new            (void);
void          px_inspector_set_store      (PxInspector  *self,
                                           PxStore      *store);
/* Shows @annotation (NULL: nothing selected) and @event, the event it
 * triggers (nullable). A note being typed for another annotation is saved
 * first. */
void          px_inspector_show           (PxInspector  *self,
                                           PxAnnotation *annotation,
                                           PxEvent      *event);
/* What the shown mention is an argument of, one line each ("Participant
 * of Meet “rencontre”"); NULL or "" hides it. Call after show(). */
void          px_inspector_set_argument_of (PxInspector *self,
                                            const char  *text);
PxAnnotation *px_inspector_get_annotation (PxInspector  *self);
/* Saves a note still being typed (focus may never leave the entry). */
void          px_inspector_commit_note    (PxInspector  *self);
/* The editor that says how a DATE, NUM or QUOTE value was read. */
void          px_inspector_set_editor     (PxInspector  *self,
                                           PxEditor     *editor);   /* nullable */

G_END_DECLS
