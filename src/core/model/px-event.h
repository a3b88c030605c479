/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-event.h: an event mention in one article: a trigger annotation, an
 * event type (an event label) and role → argument annotation pairs. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char   *role;
  gint64  annotation_id;
} PxEventArgument;

PxEventArgument *px_event_argument_new  (const char      *role,
                                         gint64           annotation_id);
void             px_event_argument_free (PxEventArgument *arg);

#define PX_TYPE_EVENT (px_event_get_type ())
G_DECLARE_FINAL_TYPE (PxEvent, px_event, PX, EVENT, GObject)

gint64      px_event_get_id                    (PxEvent *self);
gint64      px_event_get_article_id            (PxEvent *self);
gint64      px_event_get_label_id              (PxEvent *self);
const char *px_event_get_label_name            (PxEvent *self);
gint64      px_event_get_trigger_annotation_id (PxEvent *self);
gint64      px_event_get_story_event_id        (PxEvent *self); /* 0: none */
guint       px_event_get_n_arguments           (PxEvent *self);
const PxEventArgument *px_event_get_argument   (PxEvent *self,
                                                guint    index);

G_END_DECLS
