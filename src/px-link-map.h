/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-link-map.h: the gutter between two compare panes; bands join the
 * sentences the engine aligned, as Meld's link map joins diff chunks. */
#pragma once

#include "px-compare-pane.h"

G_BEGIN_DECLS

#define PX_TYPE_LINK_MAP (px_link_map_get_type ())
G_DECLARE_FINAL_TYPE (PxLinkMap, px_link_map, PX, LINK_MAP, GtkWidget)

GtkWidget *px_link_map_new       (void);
/* The map does not own the panes (they are its siblings) nor @alignment. */
void       px_link_map_set_panes (PxLinkMap         *self,
                                  PxComparePane     *left,
                                  PxComparePane     *right,
                                  const PxAlignment *alignment);
/* The sentence the user picked (-1: none): its bands are drawn strong and
 * the others faded, so its partners stand out among crossing bands. */
void       px_link_map_set_selected (PxLinkMap    *self,
                                     int           doc,
                                     int           sentence);
/* Bands between the two panes (visible or not), for tests. */
guint      px_link_map_get_n_bands (PxLinkMap     *self);
/* Bands drawn in the last frame (only visible ones are drawn). */
guint      px_link_map_get_n_drawn (PxLinkMap     *self);

/* Wedges drawn in the last frame for links to panes that are not
 * neighbours (three or four panes). */
guint      px_link_map_get_n_far_drawn (PxLinkMap     *self);

G_END_DECLS
