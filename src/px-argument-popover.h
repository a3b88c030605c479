/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-argument-popover.h: the popover that asks what an event argument is:
 * first, for new text, the entity label to tag it with, then its role in
 * the event. Each choice is listed with a key that picks it (a label's
 * shortcut, a role's number). When a role is picked the popover closes and
 * emits "chosen" (gint64 label_id, 0 when none was asked; const char *role). */
#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_ARGUMENT_POPOVER (px_argument_popover_get_type ())
G_DECLARE_FINAL_TYPE (PxArgumentPopover, px_argument_popover, PX, ARGUMENT_POPOVER, GtkPopover)

GtkWidget *px_argument_popover_new (void);
/* Fills the popover for an argument of @event_type (@event: its event so
 * far, for "already set", nullable). With @ask_label, the entity labels of
 * @labels come first. Call gtk_popover_popup() after, then
 * px_argument_popover_focus_first(). */
void       px_argument_popover_set_choices (PxArgumentPopover *self,
                                            PxLabel           *event_type,
                                            PxEvent           *event,
                                            GListModel        *labels,
                                            gboolean           ask_label);
/* Shows the first page and focuses its first choice. */
void       px_argument_popover_focus_first (PxArgumentPopover *self);

G_END_DECLS
