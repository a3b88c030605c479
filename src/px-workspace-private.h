/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-workspace-private.h: the Annotate page's state, shared by the files
 * that make it up:
 *  - px-workspace.c: layout, tagging, relabelling, deleting, navigation, undo;
 *  - every edit goes through self->editor (the window's PxEditor), which
 *    records it as one undo step;
 *  - further px-workspace-*.c files, one per feature (events, suggestions),
 *    each hooking into the workspace through the functions below.
 * Nothing outside the workspace includes this. */
#pragma once

#include "px-workspace.h"
#include "px-article-view.h"
#include "px-inspector.h"
#include "px-argument-popover.h"
#include "px-suggestion-bar.h"

G_BEGIN_DECLS

typedef struct _PxWorkspaceEvents PxWorkspaceEvents;

struct _PxWorkspace
{
  GtkWidget           parent_instance;

  PxStore            *store;
  gint64              article_id;
  char               *lang;
  GListModel         *labels;
  GListModel         *annotations;
  PxEditor           *editor;         /* the window's: every edit, one history */
  GSettings          *settings;       /* NULL when the schema is not installed */
  gint64              shown_annotation_id; /* last one revealed from the list */
  guint               list_scroll_id;  /* scrolls the list after the next frame */
  gboolean            pointing;        /* the caret selects: leave the text alone */

  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkBox             *palette;
  PxArticleView      *view;
  GtkWidget          *header;         /* PxArticleHeader: title and metadata */
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkSortListModel   *sorted;

  PxInspector        *inspector;      /* the selected annotation's details */
  PxWorkspaceEvents  *ev;             /* px-workspace-events.c */
  PxSuggestionBar    *suggestion_bar;  /* px-suggestion-bar.c, fed by px-workspace-suggest.c */
};

/* One-line message at the bottom of the page. */
void          px_workspace_toast               (PxWorkspace  *self,
                                                const char   *message);
void          px_workspace_error               (PxWorkspace  *self,
                                                const GError *error);
/* Snaps [start, end) of the shown article to whole words (ICU); FALSE when
 * it holds no word. */
gboolean      px_workspace_snap_to_words       (PxWorkspace  *self,
                                                gsize        *start,
                                                gsize        *end);
/* The annotation selected in the list, or NULL. Transfer full. */
PxAnnotation *px_workspace_get_selected        (PxWorkspace  *self);
/* Selects (and reveals) an annotation of the current article; FALSE when it
 * is not in the list. */
gboolean      px_workspace_select_annotation   (PxWorkspace  *self,
                                                gint64        id);
/* The annotation an edit applies to (see px-workspace.c). Transfer full. */
PxAnnotation *px_workspace_get_target          (PxWorkspace  *self);
/* After a delete, relabel or reject through self->editor succeeded: when
 * it removed more than what was pointed at, a toast names it with an Undo
 * button; else @message (nullable) is shown the same way. Only after an
 * edit that made a step: the editor keeps its last notice until the next. */
void          px_workspace_edited              (PxWorkspace  *self,
                                                const char   *message);
/* The editor, or NULL (after showing why) when there is nothing to edit. */
PxEditor     *px_workspace_get_editor_or_warn  (PxWorkspace  *self);

/* Events, their arguments and the inspector column: the state of
 * px-workspace-inspector.c, px-workspace-events.c and
 * px-workspace-arguments.c. */
struct _PxWorkspaceEvents
{
  GListModel         *events;          /* of events_article */
  gint64              events_article;
  gint64              trigger_id;      /* the event being edited, by trigger; 0: none */
  guint               refresh_id;
  guint               entities_id;

  GListStore         *entities;        /* PxEntity, counted in this article */
  GtkColumnView      *entity_view;

  PxArgumentPopover  *popover;         /* asks for the argument's label, then role */
  gint64              pending_trigger;
  gint64              pending_annotation; /* an existing mention, or 0 */
  gsize               pending_start;
  gsize               pending_end;
  gint64              pending_label;
};

/* px-workspace-inspector.c */
/* After the template is set (binds "entity_view"). */
void          px_workspace_events_class_init   (GtkWidgetClass *widget_class);
/* Before the layout is built. */
void          px_workspace_events_init         (PxWorkspace    *self);
/* After the toast overlay is gone. */
void          px_workspace_events_dispose      (PxWorkspace    *self);
/* After self->store changed. */
void          px_workspace_events_set_store    (PxWorkspace    *self);
/* After the template and the annotation list are set up: the entities list
 * of the right column, and the inspector following the selection. */
void          px_workspace_events_setup_side   (PxWorkspace    *self);
/* An annotation of the shown article, or NULL. Transfer full. */
PxAnnotation *px_workspace_find_annotation     (PxWorkspace    *self,
                                                gint64          id);

/* px-workspace-events.c */
/* The event @trigger_id triggers, or NULL. Transfer full. */
PxEvent      *px_workspace_find_event          (PxStore        *store,
                                                gint64          article_id,
                                                gint64          trigger_id);
/* Adds the argument the popover gathered (ev->pending_*) with @role. */
void          px_workspace_events_add_argument (PxWorkspace    *self,
                                                const char     *role);
void          px_workspace_events_remove_argument (PxWorkspace *self,
                                                gint64          trigger_id,
                                                const char     *role,
                                                gint64          annotation_id);

/* px-workspace-arguments.c: the argument popover and its r key. */
void          px_workspace_arguments_init      (PxWorkspace    *self);
void          px_workspace_arguments_dispose   (PxWorkspace    *self);
void          px_workspace_arguments_open      (PxWorkspace    *self);

/* px-workspace-suggest.c: find all occurrences, suggestions. */
void          px_workspace_suggest_class_init  (GtkWidgetClass *widget_class);
/* After the template is set up: follows the bar above the text ("3
 * suggestions", Accept All, Reject All). */
void          px_workspace_suggest_setup_bar   (PxWorkspace    *self);
/* After self->annotations was replaced (or cleared). */
void          px_workspace_suggest_article_changed (PxWorkspace *self);
/* "Return" while a suggestion is selected: accepts it and moves on. FALSE
 * when the key is not for a suggestion. */
gboolean      px_workspace_suggest_handle_key  (PxWorkspace    *self,
                                                const char     *key);
/* Enter (a GtkShortcutFunc): accepts the selected suggestion, unless the
 * focus is in a text field; FALSE when there is none. */
gboolean      px_workspace_suggest_on_return   (GtkWidget      *widget,
                                                GVariant       *args,
                                                gpointer        user_data);
/* Rejects the selected suggestion (Delete) and moves on. */
void          px_workspace_suggest_reject_selected (PxWorkspace *self);

G_END_DECLS
