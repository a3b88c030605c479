/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-interchange-store.h: moving a PxIxDocument into and out of a corpus.
 *
 * Import runs in one store transaction per document: it either lands whole
 * (article, labels, annotations, fragments, events, relations, kept lines)
 * or not at all.
 */
#pragma once

#include "px-interchange.h"
#include "px-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *format;  /* "brat", "jsonl", … (kept with the article) */
  const char *story;   /* nullable */
} PxIxImportOptions;

/* Adds @doc as a new article. PX_ERROR_DUPLICATE (with *out_article_id set
 * to the existing article) when the same text is already there. Other
 * errors name doc->origin. */
gboolean      px_interchange_import_document (PxStore                 *store,
                                              PxIxDocument            *doc,
                                              const PxIxImportOptions *options,
                                              gint64                  *out_article_id,
                                              GError                 **error);

/* The article with its annotations, events, relations and kept lines, with
 * brat ids assigned (the imported ones where there were any). */
PxIxDocument *px_interchange_load_document   (PxStore                 *store,
                                              gint64                   article_id,
                                              GError                 **error);

/* TRUE for errors that are about the corpus file rather than one input
 * (read-only, locked, full, not a database, an I/O error): an import stops
 * on those. */
gboolean      px_interchange_error_is_fatal  (const GError            *error);

/* Every article id, in the store's list order; NULL with @error when the
 * file could not be read to the end. */
GArray       *px_interchange_read_article_ids (PxStore                *store,
                                               GError                **error);
/* The same, empty on a read error (for tests that read a store they made). */
GArray       *px_interchange_article_ids     (PxStore                 *store);

/* A file name stem for an article: its imported document name when it is
 * safe and unused in @taken, else "article-ID" (then "article-ID-2", …,
 * until unused). Names in @taken are ASCII lower case; adds the result. */
char         *px_interchange_export_stem     (PxIxDocument            *doc,
                                              gint64                   article_id,
                                              GHashTable              *taken);

G_END_DECLS
