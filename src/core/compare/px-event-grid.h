/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-event-grid.h: what each article says about each role of each story
 * event, with conflicts, and suggested cross-article event links. */
#pragma once

#include "px-compare.h"
#include "px-value-compare.h"

G_BEGIN_DECLS

typedef struct
{
  char     *role;
  char     *values[PX_ALIGN_MAX_DOCS];      /* as written, "; "-joined; NULL: not given */
  char     *normalised[PX_ALIGN_MAX_DOCS];  /* comparable form, "; "-joined */
  int       mention[PX_ALIGN_MAX_DOCS];     /* first value's mention index, or -1 */
  gboolean  conflict;                       /* verdict is PX_VALUE_CONFLICT */
  guint     conflicting;                    /* bit i: article i conflicts with another */
  /* Worst verdict over the pairs of articles that both give a value
   * (compared: at least one such pair), and why: every reason that is
   * not "same", "; "-joined; reasons[i] those that concern article i. */
  gboolean        compared;
  PxValueVerdict  verdict;
  char           *reason;
  char           *reasons[PX_ALIGN_MAX_DOCS];
  PxValueVerdict  verdicts[PX_ALIGN_MAX_DOCS];  /* worst verdict of article i */
  GPtrArray      *items[PX_ALIGN_MAX_DOCS];     /* private: the values compared */
} PxEventGridRow;

typedef struct
{
  gint64     story_event_id;  /* > 0 linked by the user; < 0 a suggested group */
  char      *type;
  gboolean   suggested;       /* some member is only linked by suggestion */
  GPtrArray *rows;            /* PxEventGridRow, in the type's role order */
  GArray    *events[PX_ALIGN_MAX_DOCS]; /* indices into each article's events */
} PxEventGridEvent;

typedef struct
{
  guint   a_article;
  gint64  a_event_id;
  guint   b_article;
  gint64  b_event_id;
  double  score;
  char   *reason;
} PxEventLinkSuggestion;

struct _PxEventGrid
{
  guint      n_articles;
  GPtrArray *events;       /* PxEventGridEvent */
  GArray    *suggestions;  /* PxEventLinkSuggestion, best first */
  guint      n_conflicts;  /* rows in conflict */
  guint      n_checks;     /* rows to check (nothing says they agree) */
};

PxEventGrid *px_event_grid_compute (const PxCompareInput *input);
void         px_event_grid_free    (PxEventGrid          *grid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxEventGrid, px_event_grid_free)

/* The comparable form of one argument mention: "entity:12" for a linked
 * entity, an ISO date for DATE, a plain number for NUM, "quote:" + its
 * match key for QUOTE (two quotes agree when they would match as one quote,
 * so a rewording is no conflict), else its match key. An unresolvable
 * relative date gives "?" + its key, which never conflicts. */
char        *px_event_grid_normalise_value (const PxCompareArticle *article,
                                            const PxCompareMention *mention);

G_END_DECLS
