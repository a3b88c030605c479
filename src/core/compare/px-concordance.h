/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-concordance.h: keyword in context across the corpus.
 *
 * Every mention of an entity, every annotation of a label, or every
 * occurrence of a search term (a word prefix, accents and case ignored:
 * "Koulé" finds "Kouleba"), one line each with its left and right context,
 * sortable by either side, by outlet or by date, and written as CSV. */
#pragma once

#include "px-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  article_id;
  char   *title;
  char   *source;
  char   *published;
  gint64  annotation_id;  /* 0 for a search term's occurrence */
  char   *label;          /* NULL for a search term's occurrence */
  gsize   start;          /* code points in the article, end exclusive */
  gsize   end;
  char   *left;           /* on one line, at most the asked width */
  char   *match;
  char   *right;
} PxConcordanceLine;

void        px_concordance_line_free (PxConcordanceLine *line);

typedef enum
{
  PX_CONCORDANCE_SORT_TEXT,    /* article, then position (as found) */
  PX_CONCORDANCE_SORT_LEFT,    /* by the words just before, nearest first */
  PX_CONCORDANCE_SORT_RIGHT,   /* by the words just after */
  PX_CONCORDANCE_SORT_OUTLET,
  PX_CONCORDANCE_SORT_DATE,
} PxConcordanceSort;

/* Element type: PxConcordanceLine, in text order. @width is the context on
 * each side in code points (0: 40). NULL with @error when reading failed. */
GPtrArray  *px_concordance_entity    (PxStore      *store,
                                      gint64        entity_id,
                                      guint         width,
                                      GError      **error);
GPtrArray  *px_concordance_label     (PxStore      *store,
                                      gint64        label_id,
                                      guint         width,
                                      GError      **error);
GPtrArray  *px_concordance_term      (PxStore      *store,
                                      const char   *term,
                                      guint         width,
                                      GError      **error);

void        px_concordance_sort      (GPtrArray          *lines,
                                      PxConcordanceSort   sort);
gboolean    px_concordance_sort_from_string (const char         *name,
                                             PxConcordanceSort  *out);

/* article_id, title, source, published, annotation_id, label, start, end,
 * left, match, right; @flags as for px_csv_writer_new(). */
gboolean    px_concordance_write_csv (GPtrArray      *lines,
                                      GOutputStream  *stream,
                                      guint           flags,
                                      GError        **error);

G_END_DECLS
