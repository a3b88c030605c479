/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-align.h: sentence alignment across 2–4 articles of one story.
 *
 * Each sentence becomes a TF-IDF vector of match-keyed content words
 * (unigrams and bigrams, stop words removed). Candidate pairs come from an
 * inverted index, are scored by cosine similarity plus a bonus for canonical
 * entities both sentences mention, and need not be in text order. Offsets
 * are code points.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PX_ALIGN_MAX_DOCS 4

/* Thresholds on the final score (cosine + entity bonus, capped at 1); see
 * px-align.c and docs/compare.md for how they were chosen. */
#define PX_ALIGN_T_SHARED   0.30
#define PX_ALIGN_T_PARTIAL  0.14
/* Bonus for a shared entity, times its rarity in the story (0–1); the two
 * rarest shared entities count. */
#define PX_ALIGN_ENTITY_BONUS 0.05

typedef enum
{
  PX_ALIGN_UNIQUE,
  PX_ALIGN_PARTIAL,
  PX_ALIGN_SHARED,
} PxAlignStatus;

const char *px_align_status_to_string (PxAlignStatus status);

/* A mention linked to a canonical entity, in code points. */
typedef struct
{
  gsize  start;
  gsize  end;
  gint64 entity_id;
} PxAlignMention;

typedef struct
{
  const char           *text;
  const char           *language;   /* "fr", "en" or NULL */
  const PxAlignMention *mentions;   /* nullable */
  guint                 n_mentions;
} PxAlignDoc;

typedef struct
{
  guint  doc;
  guint  sentence;
  double score;
} PxAlignPartner;

typedef struct
{
  gsize          start;       /* code points */
  gsize          end;
  PxAlignStatus  status;
  double         best_score;
  GArray        *partners;    /* PxAlignPartner, best first */
  gboolean       heading;     /* a headline, caption, byline or sub-heading */
} PxAlignSentence;

/* One aligned pair, a_doc < b_doc. */
typedef struct
{
  guint          a_doc;
  guint          a_sentence;
  guint          b_doc;
  guint          b_sentence;
  double         score;
  PxAlignStatus  status;      /* shared or partial */
} PxAlignLink;

typedef struct
{
  guint   n_docs;
  GArray *sentences[PX_ALIGN_MAX_DOCS];  /* PxAlignSentence per doc */
  GArray *links;                          /* PxAlignLink, by a_doc, a_sentence */
} PxAlignment;

/* Aligns 2–4 documents. Never fails on valid UTF-8; an empty text just has
 * no sentences. */
PxAlignment *px_align_run          (const PxAlignDoc *docs,
                                    guint             n_docs);
void         px_alignment_free     (PxAlignment      *alignment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxAlignment, px_alignment_free)

/* Share (0–1) of @doc's sentences that have a partner in @other. */
double       px_alignment_coverage (const PxAlignment *alignment,
                                    guint              doc,
                                    guint              other);
/* Number of @doc's sentences with status @status. */
guint        px_alignment_count    (const PxAlignment *alignment,
                                    guint              doc,
                                    PxAlignStatus      status);
/* Sentence index of @doc holding code point @offset, or -1. */
int          px_alignment_sentence_at (const PxAlignment *alignment,
                                       guint              doc,
                                       gsize              offset);

/* TRUE when the sentence @start–@end (code points) of @text is a line of
 * its own, short (at most 16 words) and without final punctuation: a
 * headline, a sub-heading, a caption or a byline. Such lines are aligned
 * with each other only: a headline sums up several facts, and would link
 * to each sentence that tells one of them. */
gboolean     px_align_is_heading   (const char *text,
                                    gsize       start,
                                    gsize       end);

/* TRUE for a French or English stop word given as a match key. */
gboolean     px_align_is_stop_word (const char *key);

/* The content-word stems of @text (match-keyed, stop words removed) as
 * interned strings; what alignment and quote matching compare. */
GPtrArray   *px_align_content_terms (const char *text,
                                     const char *language);

G_END_DECLS
