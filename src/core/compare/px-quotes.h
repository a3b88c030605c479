/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-quotes.h: reported speech across articles: quotes found by their
 * marks or a QUOTE tag, matched by wording, attributed to a speaker. */
#pragma once

#include "px-compare.h"

G_BEGIN_DECLS

typedef struct
{
  guint     article;
  gsize     start;          /* code points, inside the quotation marks */
  gsize     end;
  char     *text;
  char     *speaker;        /* nullable */
  gint64    speaker_entity; /* 0: unknown or not linked */
  gboolean  marked;         /* FALSE: the same words found without marks */
  guint     group;          /* quotes of one group say the same thing */
  gboolean  unnamed;        /* said by a source the article does not name
                             * ("selon plusieurs sources"); never grouped
                             * with a named speaker's quote */
} PxQuote;

struct _PxQuoteSet
{
  GArray *quotes;    /* PxQuote, by group then article */
  guint   n_groups;
};

/* Minimum share of the shorter quote's content words found in the other
 * for two quotes to match. */
#define PX_QUOTES_MIN_OVERLAP 0.6

PxQuoteSet *px_quotes_compute   (const PxCompareInput *input);
void        px_quote_set_free   (PxQuoteSet           *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxQuoteSet, px_quote_set_free)

/* Number of articles the quote's group reaches (1: only this article). */
guint       px_quote_set_group_articles (const PxQuoteSet *set,
                                         guint             group);

/* Quoted spans of @text by their marks: « », “ ”, „ “, and straight double
 * quotes paired in order. Returns a GArray of PxSpan (inside the marks),
 * dropping quotes of fewer than two words. */
GArray     *px_quotes_find_marked (const char *text);

/* The speaker named next to a quote by the text itself ("a déclaré X",
 * "selon X", "X a affirmé", "said X"): a span of @text, or FALSE. */
gboolean    px_quotes_find_speaker (const char *text,
                                    gsize       quote_start,
                                    gsize       quote_end,
                                    gsize      *out_start,
                                    gsize      *out_end);

G_END_DECLS
