/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare.h: the compare engine's entry point.
 *
 * px_compare_input_load() (px-store-compare.h) copies what the engine needs out of the store (on
 * the thread that owns the store); px_compare_run() works on that copy only,
 * so it can run in a GTask thread. Everything is in code point offsets.
 */
#pragma once

#include <gio/gio.h>

#include "px-align.h"

G_BEGIN_DECLS

/* One annotation of an article: an entity mention, a QUOTE, or an event
 * trigger. */
typedef struct
{
  gint64    annotation_id;
  gsize     start;
  gsize     end;
  char     *label;         /* label name: "PER", "DATE", "Meet", … */
  gboolean  is_event;      /* the label is an event type */
  char     *text;
  gint64    entity_id;     /* 0: not linked */
  char     *entity_name;   /* nullable */
  /* Values are not entities: "date", "number" or "quote" for a mention of
   * a value label (NULL otherwise), and the coder's value when the coder
   * set one (else the engine computes it). */
  char     *value_type;
  char     *coder_value;
} PxCompareMention;

typedef struct
{
  char *role;
  int   mention;           /* index into the article's mentions, -1: missing */
} PxCompareArg;

typedef struct
{
  gint64  id;
  gint64  story_event_id;  /* 0: not linked */
  char   *type;            /* event label name */
  int     trigger;         /* index into the article's mentions, or -1 */
  GArray *args;            /* PxCompareArg */
} PxCompareEvent;

typedef struct
{
  gint64     id;
  char      *title;
  char      *source;
  char      *published;
  char      *language;
  char      *text;
  gsize      length;       /* of text, in code points */
  /* What relative dates are read against: the publication date when it
   * is a full one, else a date inferred from the text (see
   * px_normalize_reference_date()), else the partial date or NULL. */
  char      *reference;
  gboolean   reference_inferred;
  char      *reference_note;  /* how it was inferred, or NULL */
  GArray    *mentions;     /* PxCompareMention, by start */
  GPtrArray *events;       /* PxCompareEvent */
  /* Private: where the last mention started, so that adding mentions in
   * text order walks the text once. */
  const char *seek_ptr;
  gsize       seek_cp;
} PxCompareArticle;

typedef struct
{
  GPtrArray  *articles;    /* PxCompareArticle, 2–4 */
  GHashTable *roles;       /* event type name → GStrv of role names */
  GHashTable *repeatable;  /* "type\x1frole" of repeatable roles (Participant+) */
} PxCompareInput;

PxCompareInput   *px_compare_input_new      (void);
void              px_compare_input_free     (PxCompareInput *input);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxCompareInput, px_compare_input_free)

/* Adds an article; the engine copies nothing more from the caller. */
PxCompareArticle *px_compare_input_add_article (PxCompareInput *input,
                                                gint64          id,
                                                const char     *title,
                                                const char     *source,
                                                const char     *published,
                                                const char     *language,
                                                const char     *text);
/* Returns the new mention's index. */
guint             px_compare_article_add_mention (PxCompareArticle *article,
                                                  gint64            annotation_id,
                                                  gsize             start,
                                                  gsize             end,
                                                  const char       *label,
                                                  gboolean          is_event,
                                                  gint64            entity_id,
                                                  const char       *entity_name);
/* Marks mention @index as a value of @value_type, with the coder's
 * @coder_value (nullable: computed). */
void              px_compare_mention_set_value   (PxCompareArticle *article,
                                                  guint             index,
                                                  const char       *value_type,
                                                  const char       *coder_value);
/* The mention's value type; for an input made without the store, read
 * from the seeded label names (DATE, NUM, QUOTE). */
const char       *px_compare_mention_value_type  (const PxCompareMention *mention);
PxCompareEvent   *px_compare_article_add_event   (PxCompareArticle *article,
                                                  gint64            id,
                                                  gint64            story_event_id,
                                                  const char       *type,
                                                  int               trigger);
void              px_compare_event_add_arg       (PxCompareEvent   *event,
                                                  const char       *role,
                                                  int               mention);
void              px_compare_input_set_roles     (PxCompareInput     *input,
                                                  const char         *type,
                                                  const char * const *roles);

/* A repeatable role (Meet's Participant+) may hold several values at once:
 * two articles naming different participants may both be right. */
void              px_compare_input_set_repeatable (PxCompareInput       *input,
                                                   const char           *type,
                                                   const char           *role);
gboolean          px_compare_input_is_repeatable  (const PxCompareInput *input,
                                                   const char           *type,
                                                   const char           *role);

typedef struct _PxCoverage  PxCoverage;
typedef struct _PxEventGrid PxEventGrid;
typedef struct _PxQuoteSet  PxQuoteSet;

typedef struct
{
  double covered_by[PX_ALIGN_MAX_DOCS]; /* share of sentences with a partner there */
  guint  n_sentences;
  guint  n_shared;
  guint  n_partial;
  guint  n_unique;                      /* sentences no other article has */
  guint  n_conflicts;                   /* event roles where it disagrees */
  guint  n_missing_entities;            /* entities others name and it does not */
} PxCompareSummary;

typedef struct
{
  guint             n_articles;
  PxAlignment      *alignment;
  PxCoverage       *coverage;
  PxEventGrid      *grid;
  PxQuoteSet       *quotes;
  PxCompareSummary  summary[PX_ALIGN_MAX_DOCS];
  PxCompareInput   *input;     /* owned; set by px_compare_run_async() only */
} PxCompareResult;

/* Runs alignment, coverage, the event grid and quote matching. Thread-safe:
 * reads @input only. */
PxCompareResult  *px_compare_run            (const PxCompareInput *input);
void              px_compare_result_free    (PxCompareResult      *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxCompareResult, px_compare_result_free)

/* GTask wrappers; the task takes ownership of @input and hands it on to
 * the result (result->input), so the caller can display what was compared. */
void              px_compare_run_async      (PxCompareInput       *input,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
PxCompareResult  *px_compare_run_finish     (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
