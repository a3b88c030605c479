/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-value-compare.h: do two articles' values for one role agree?
 *
 * Every comparison ends in a verdict and says why:
 * - same: the values are one ("2025-02-27" / "2025-02-27");
 * - compatible: both can be true and one says less or says it otherwise
 *   (a month against its day, a date without a year on the same day, a
 *   city in its country, a rounded number or one inside a range, a
 *   spelling variant, a surname against the full name);
 * - check: nothing says they differ, nor that they agree (a place the
 *   gazetteer does not know, two different quotes, different units);
 * - conflict: the normalised values cannot both be true.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PX_VALUE_SAME,
  PX_VALUE_COMPATIBLE,
  PX_VALUE_CHECK,
  PX_VALUE_CONFLICT,
} PxValueVerdict;

/* "same", "compatible", "check", "conflict". */
const char *px_value_verdict_to_string (PxValueVerdict verdict);

/* One value as the grid holds it. */
typedef struct
{
  const char *type;   /* "date", "number", "quote", or NULL (a name) */
  const char *norm;   /* px_event_grid_normalise_value()'s form */
  const char *name;   /* the entity's name, else the text as written */
  const char *label;  /* "PER", "GPE", … */
} PxValueItem;

/* Compares two values; @out_reason (nullable) gets a sentence in English
 * saying why ("Antalya is in Turquie"). */
PxValueVerdict px_value_compare (const PxValueItem *a,
                                 const PxValueItem *b,
                                 char             **out_reason);

/* Two names as names: the same (SAME), spelling variants or a surname and
 * the full name (COMPATIBLE), else CONFLICT. Titles ("M.", "président")
 * and leading articles are left out. */
PxValueVerdict px_value_compare_names (const char  *a,
                                       const char  *b,
                                       char       **out_reason);

G_END_DECLS
