/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-align-private.h: shared by px-align.c and px-align-terms.c. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Walks code point offsets forward through a text in one pass. */
typedef struct
{
  const char *text;
  const char *ptr;
  gsize       cp;
} PxCpCursor;

/* The byte position of code point @cp; cheap when @cp only grows. */
const char *px_align_cursor_seek (PxCpCursor *c,
                                  gsize       cp);

/* The stem of a surface word (interned), or NULL for a stop word, through
 * @cache (surface → stem): surface words repeat a lot. @language: "en"
 * stems as English, anything else as French. */
const char *px_align_cached_term (GHashTable *cache,
                                  const char *surface,
                                  const char *language);

/* Appends to @out the role terms ("@foreign-minister") that the sentence
 * whose unigram terms are @seq (in text order) spells in several words. */
void        px_align_phrase_terms (GPtrArray  *seq,
                                   const char *language,
                                   GPtrArray  *out);

G_END_DECLS
