/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-coverage.h: who is named where: mention counts per canonical entity and
 * article. */
#pragma once

#include "px-compare.h"

G_BEGIN_DECLS

typedef enum
{
  PX_COVERAGE_ALL,    /* every annotated article names it */
  PX_COVERAGE_SOME,   /* more than one, not all annotated ones */
  PX_COVERAGE_ONE,    /* only one article */
} PxCoverageClass;

const char *px_coverage_class_to_string (PxCoverageClass klass);

typedef struct
{
  gint64          entity_id;   /* 0: unlinked mentions grouped by match key */
  char           *name;
  char           *label;
  guint           counts[PX_ALIGN_MAX_DOCS];
  PxCoverageClass klass;
} PxCoverageRow;

struct _PxCoverage
{
  guint   n_articles;
  /* Bit i: article i has at least one counted mention. An article nobody
   * annotated cannot be said to leave anyone out, so it takes no part in the
   * classes or in px_coverage_row_missing(). */
  guint   annotated;
  GArray *rows;   /* PxCoverageRow: all, then some, then one; by total, name */
};

/* Counts entity mentions (not event triggers, QUOTE spans, or unlinked
 * DATE and NUM values). Mentions
 * with no canonical entity are grouped by label and match key, so an
 * unlinked corpus still gets a useful matrix. */
PxCoverage *px_coverage_compute (const PxCompareInput *input);
void        px_coverage_free    (PxCoverage           *coverage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxCoverage, px_coverage_free)

/* Annotated articles (bit i = article i) where the row has no mention. */
guint       px_coverage_row_missing (const PxCoverage    *coverage,
                                     const PxCoverageRow *row);

G_END_DECLS
