/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-entity.h: a canonical entity that mentions in many articles link to. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PX_TYPE_ENTITY (px_entity_get_type ())
G_DECLARE_FINAL_TYPE (PxEntity, px_entity, PX, ENTITY, GObject)

gint64      px_entity_get_id          (PxEntity *self);
const char *px_entity_get_name        (PxEntity *self);
gint64      px_entity_get_label_id    (PxEntity *self);
const char *px_entity_get_label_name  (PxEntity *self);
const char *px_entity_get_match_key   (PxEntity *self);
guint       px_entity_get_n_mentions  (PxEntity *self);
guint       px_entity_get_n_articles  (PxEntity *self);

G_END_DECLS
