/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-suggest.h: "find all occurrences": where else a phrase occurs in a text,
 * compared by match key (case, diacritics and script folded), on word
 * boundaries. Plain core code: the workspace turns the spans into suggested
 * annotations. */
#pragma once

#include <glib.h>

#include "px-text.h"

G_BEGIN_DECLS

/* Every span of @text whose consecutive words have the match keys of
 * @phrase's words, in text order, as PxSpan code points (end exclusive).
 * Spans equal to one in @exclude (PxSpan, nullable) are left out. A phrase
 * with no words finds nothing. */
GArray *px_suggest_find (const char   *text,
                         const char   *lang,
                         const char   *phrase,
                         const GArray *exclude);

G_END_DECLS
