/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-label.h: an entity or event type of the label schema. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PX_LABEL_ENTITY,
  PX_LABEL_EVENT,
} PxLabelKind;

const char *px_label_kind_to_string   (PxLabelKind kind);  /* "entity" | "event" */
gboolean    px_label_kind_from_string (const char *str, PxLabelKind *out);

/* One role of an event type: "Participant" (repeatable), allowed entity
 * labels as a comma-separated list of names, or NULL for any. */
typedef struct
{
  char     *name;
  gboolean  repeatable;
  char     *allowed;
} PxRole;

PxRole *px_role_new  (const char *name, gboolean repeatable, const char *allowed);
void    px_role_free (PxRole *role);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxRole, px_role_free)

#define PX_TYPE_LABEL (px_label_get_type ())
G_DECLARE_FINAL_TYPE (PxLabel, px_label, PX, LABEL, GObject)

gint64       px_label_get_id          (PxLabel *self);
const char  *px_label_get_name        (PxLabel *self);
PxLabelKind  px_label_get_kind        (PxLabel *self);
const char  *px_label_get_colour      (PxLabel *self); /* "#rrggbb" */
const char  *px_label_get_shortcut    (PxLabel *self); /* "1".."9", a letter, or NULL */
const char  *px_label_get_description (PxLabel *self);
int          px_label_get_position    (PxLabel *self);
/* Event roles, in order; empty for entity labels. Element type: PxRole.
 * The array belongs to the label (transfer none): do not unref it. */
GPtrArray   *px_label_get_roles       (PxLabel *self);

G_END_DECLS
