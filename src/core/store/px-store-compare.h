/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-compare.h: loading the compare engine's input from a store. */
#pragma once

#include "px-compare.h"
#include "px-store.h"

G_BEGIN_DECLS

/* Reads 2–4 articles with their annotations, entity links and events, and
 * the roles of every event type, into a self-contained copy (call it on the
 * store's thread; run the engine anywhere). Fails with PX_ERROR_INVALID for
 * fewer than 2 or more than 4 ids (or a repeated one) and
 * PX_ERROR_NOT_FOUND for an unknown article. */
PxCompareInput *px_compare_input_load (PxStore       *store,
                                       const gint64  *article_ids,
                                       guint          n_articles,
                                       GError       **error);

G_END_DECLS
