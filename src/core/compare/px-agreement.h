/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-agreement.h: intercoder agreement, as content analysis reports it.
 *
 * Three measures, each with its method stated:
 *
 *  - span F1 between two coders, per label and overall: a span of one coder
 *    matches at most one span of the other with the same label, either
 *    exactly (same start and end) or by overlap (they share a character;
 *    the pairs are matched greedily, longest overlap first);
 *  - Cohen's kappa between two coders on word tokens: each word of an
 *    article both coders coded takes the label of the first (outermost,
 *    then earliest) span covering it, or "none";
 *  - Krippendorff's alpha, nominal, across all coders, on the same word
 *    units: a coder who made no annotation in an article counts as missing
 *    there, not as "none". This is alpha on word units, not the unitized
 *    alpha (αu).
 *
 * The arithmetic works on plain arrays, so that it can be checked against
 * published worked examples; px_agreement_compute() gathers the corpus.
 */
#pragma once

#include <gio/gio.h>

#include "px-store.h"

G_BEGIN_DECLS

/* ---- The arithmetic --------------------------------------------------- */

/* Cohen's kappa for two raters over @n items; values are small integers,
 * equal meaning agreement. NaN when undefined (no items, or chance
 * agreement is total). */
double      px_agreement_cohen_kappa      (const int    *a,
                                           const int    *b,
                                           gsize         n);

/* Krippendorff's alpha, nominal metric. @values holds @n_units rows of
 * @n_coders values each (row-major); PX_AGREEMENT_MISSING marks a missing
 * value. Units with fewer than two values are not pairable and are left
 * out. NaN when undefined (fewer than two pairable values, or one value
 * only). */
#define PX_AGREEMENT_MISSING G_MININT
double      px_agreement_krippendorff_nominal (const int *values,
                                               gsize      n_units,
                                               guint      n_coders);

typedef struct
{
  gint64 label_id;
  gsize  start;
  gsize  end;
} PxAgreementSpan;

/* Matches @b's spans to @a's one to one (exact or by overlap) and counts
 * the matches; precision, recall and F1 follow from the counts. */
guint       px_agreement_match_spans      (const PxAgreementSpan *a,
                                           guint                  n_a,
                                           const PxAgreementSpan *b,
                                           guint                  n_b,
                                           gboolean               overlap);

/* F1 from @matched pairs among @n_a and @n_b spans; NaN when both are 0. */
double      px_agreement_f1               (guint matched,
                                           guint n_a,
                                           guint n_b);

/* ---- The corpus ------------------------------------------------------- */

typedef struct
{
  char   *coder_a;       /* NULL for a measure across all coders (alpha) */
  char   *coder_b;
  char   *label;         /* NULL: every label */
  char   *measure;       /* "f1_exact", "f1_overlap", "cohen_kappa", "krippendorff_alpha_nominal" */
  double  value;         /* NaN when undefined */
  guint   n;             /* spans (F1: both coders' together) or word units */
} PxAgreementRow;

void        px_agreement_row_free         (PxAgreementRow *row);

/* Agreement over the accepted annotations of every article, for the
 * coders named in @coders (NULL: every annotator who annotated something).
 * Element type: PxAgreementRow: for each pair of coders, F1 (exact,
 * overlap) overall and per label and kappa on tokens; then alpha across
 * all of them, overall and per label (a label against all others). */
GPtrArray  *px_agreement_compute          (PxStore          *store,
                                           const char * const *coders,
                                           GError          **error);

/* coder_a, coder_b, label, measure, value, n; an undefined value is
 * written empty. */
gboolean    px_agreement_write_csv        (GPtrArray        *rows,
                                           GOutputStream    *stream,
                                           GError          **error);

G_END_DECLS
