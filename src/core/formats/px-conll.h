/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-conll.h: CoNLL-2003 BIO export.
 *
 * One "-DOCSTART- -X- O" block per article, then one sentence per block and
 * one "token -X- _ TAG" line per token. Tokens are ICU word-break tokens
 * (punctuation included, white space not), sentences come from px-text.
 * Only entity labels are written; where entity spans nest or overlap, the
 * outermost (then the earliest) wins, and a discontinuous span tags each
 * fragment as a chunk of its own.
 */
#pragma once

#include <gio/gio.h>

#include "px-interchange.h"
#include "px-store.h"

G_BEGIN_DECLS

/* The block for one document, with tokens and sentences given (GArrays of
 * PxSpan, in text order). */
char     *px_conll_format_tokens   (PxIxDocument *doc,
                                    GArray       *sentences,
                                    GArray       *tokens);

/* The same, segmenting with px_text_sentences()/px_text_tokens(). */
char     *px_conll_format_document (PxIxDocument *doc,
                                    const char   *lang);

/* Every article into one file (written through a temporary file). */
gboolean  px_conll_export_file     (PxStore      *store,
                                    const char   *path,
                                    GError      **error);

G_END_DECLS
