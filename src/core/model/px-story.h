/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-story.h: a real-world event that several articles cover. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PX_TYPE_STORY (px_story_get_type ())
G_DECLARE_FINAL_TYPE (PxStory, px_story, PX, STORY, GObject)

gint64      px_story_get_id         (PxStory *self);
const char *px_story_get_name       (PxStory *self);
const char *px_story_get_date       (PxStory *self); /* nullable */
const char *px_story_get_notes      (PxStory *self); /* nullable */
guint       px_story_get_n_articles (PxStory *self);

G_END_DECLS
