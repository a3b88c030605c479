/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-value-compare.c: same, compatible, check or conflict, with a reason. */
#include <math.h>
#include <string.h>

#include "px-align.h"
#include "px-gazetteer.h"
#include "px-normalize.h"
#include "px-quotes.h"
#include "px-text.h"
#include "px-value-compare.h"

#define QUOTE_PREFIX "quote:"

const char *
px_value_verdict_to_string (PxValueVerdict verdict)
{
  switch (verdict)
    {
    case PX_VALUE_SAME: return "same";
    case PX_VALUE_COMPATIBLE: return "compatible";
    case PX_VALUE_CHECK: return "check";
    case PX_VALUE_CONFLICT: return "conflict";
    default: return "check";
    }
}

static PxValueVerdict
verdict (PxValueVerdict v, char **out_reason, const char *format, ...) G_GNUC_PRINTF (3, 4);

static PxValueVerdict
verdict (PxValueVerdict v, char **out_reason, const char *format, ...)
{
  va_list ap;

  if (out_reason != NULL)
    {
      va_start (ap, format);
      *out_reason = g_strdup_vprintf (format, ap);
      va_end (ap);
    }
  return v;
}

/* ---- Dates ------------------------------------------------------------ */

static gboolean
day_in_range (const PxDateValue *known, int month, int day)
{
  /* A range of a year or more holds every day. */
  for (guint32 j = known->first; j <= known->last && j - known->first < 400; j++)
    {
      g_autoptr(GDate) d = g_date_new_julian (j);

      if ((int) g_date_get_month (d) == month && (int) g_date_get_day (d) == day)
        return TRUE;
    }
  return FALSE;
}

static PxValueVerdict
compare_dates (const char *a, const char *b, char **reason)
{
  PxDateValue x, y;

  if (!px_normalize_parse_date_value (a, &x) || !px_normalize_parse_date_value (b, &y))
    return verdict (PX_VALUE_CHECK, reason, "%s / %s: not dates the engine can read", a, b);
  if (!x.year_known && !y.year_known)
    return x.month == y.month && x.day == y.day
           ? verdict (PX_VALUE_SAME, reason, "the same day")
           : verdict (PX_VALUE_CONFLICT, reason, "different days: %s / %s", a, b);
  if (!x.year_known || !y.year_known)
    {
      const PxDateValue *known = x.year_known ? &x : &y, *partial = x.year_known ? &y : &x;

      return day_in_range (known, partial->month, partial->day)
             ? verdict (PX_VALUE_COMPATIBLE, reason, "the same day, one without its year: %s / %s", a, b)
             : verdict (PX_VALUE_CONFLICT, reason, "different days: %s / %s", a, b);
    }
  if (x.first == y.first && x.last == y.last)
    return verdict (PX_VALUE_SAME, reason, "the same date");
  if (x.first <= y.first && y.last <= x.last)
    return verdict (PX_VALUE_COMPATIBLE, reason, "%s is less precise than %s", a, b);
  if (y.first <= x.first && x.last <= y.last)
    return verdict (PX_VALUE_COMPATIBLE, reason, "%s is less precise than %s", b, a);
  if (x.first <= y.last && y.first <= x.last)
    return verdict (PX_VALUE_COMPATIBLE, reason, "%s and %s overlap", a, b);
  return verdict (PX_VALUE_CONFLICT, reason, "different dates: %s / %s", a, b);
}

/* ---- Numbers ---------------------------------------------------------- */

/* The last significant digit's place of a whole number: 2100000 → 100000. */
static double
rounding_step (const PxQuantity *q)
{
  double step = 1;

  if (q->lo != q->hi || q->lo != floor (q->lo) || q->lo == 0)
    return 0;
  while (fmod (q->lo, step * 10) == 0 && step < 1e12)
    step *= 10;
  return step;
}

/* The values a number may stand for: an approximate one ±25% ("une
 * dizaine" is 8 to 12); a round one of 1000 or more, against a more
 * precise one, anything it rounds ("2,1 millions" may be 2,134,000, but
 * 2,100,000 and 2,200,000 differ). */
static void
widen (const PxQuantity *q, const PxQuantity *other, double *lo, double *hi)
{
  double step = rounding_step (q);

  *lo = q->lo;
  *hi = q->hi;
  if (q->approx)
    {
      if (isfinite (*lo))
        *lo *= 0.75;
      if (isfinite (*hi))
        *hi *= 1.25;
    }
  else if (fabs (q->lo) >= 1000 && step >= 100 && step > rounding_step (other))
    {
      *lo -= step / 2;
      *hi += step / 2;
    }
}

static PxValueVerdict
compare_numbers (const char *a, const char *b, char **reason)
{
  PxQuantity x, y;
  double xl, xh, yl, yh;

  if (!px_normalize_parse_quantity (a, &x) || !px_normalize_parse_quantity (b, &y))
    return verdict (PX_VALUE_CHECK, reason, "%s / %s: not numbers the engine can read", a, b);
  if (x.unit[0] && y.unit[0] && strcmp (x.unit, y.unit) != 0)
    return verdict (PX_VALUE_CHECK, reason, "different units: %s / %s", a, b);
  if (x.lo == y.lo && x.hi == y.hi)
    {
      if (x.approx != y.approx)
        return verdict (PX_VALUE_COMPATIBLE, reason, "the same number, one approximate: %s / %s", a, b);
      if (strcmp (x.unit, y.unit) != 0)
        return verdict (PX_VALUE_COMPATIBLE, reason, "the same number, one without its unit: %s / %s", a, b);
      return verdict (PX_VALUE_SAME, reason, "the same number");
    }
  if (x.lo <= y.lo && y.hi <= x.hi)
    return verdict (PX_VALUE_COMPATIBLE, reason, "%s is inside %s", b, a);
  if (y.lo <= x.lo && x.hi <= y.hi)
    return verdict (PX_VALUE_COMPATIBLE, reason, "%s is inside %s", a, b);
  widen (&x, &y, &xl, &xh);
  widen (&y, &x, &yl, &yh);
  if (xl <= yh && yl <= xh)
    return verdict (PX_VALUE_COMPATIBLE, reason, "%s and %s agree once %s", a, b,
                    x.approx || y.approx ? "approximation is allowed for" : "rounding is allowed for");
  return verdict (PX_VALUE_CONFLICT, reason, "different numbers: %s / %s", a, b);
}

/* ---- Names ------------------------------------------------------------ */

static const char *titles[] = {
  "m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "sir", "president", "presidente",
  "ministre", "minister", "premier", "prime", "general", "chef", "chancelier", "chancellor",
  "secretaire", "secretary", "roi", "king", "reine", "queen", "pape", "pope", "le", "la", "les",
  "l", "the", "de", "du", "des", "d",
};

static GPtrArray *
name_tokens (const char *name)
{
  g_autofree char *key = px_gazetteer_name_key (name);
  g_auto(GStrv) words = g_strsplit (key, " ", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean title = FALSE;

      for (guint t = 0; t < G_N_ELEMENTS (titles) && !title; t++)
        title = strcmp (words[i], titles[t]) == 0;
      /* A title only counts as one before the name itself. */
      if (*words[i] != '\0' && !(title && words[i + 1] != NULL))
        g_ptr_array_add (out, g_strdup (words[i]));
    }
  return out;
}

static guint
levenshtein (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + (a[i - 1] != b[j - 1]));
          diag = up;
        }
    }
  return row[lb];
}

/* Kouleba / Kuleba, Ryad / Riyad: one edit in a word of four letters or
 * more, two in one of seven or more. */
static gboolean
word_variant (const char *a, const char *b)
{
  gsize len = MIN (strlen (a), strlen (b));
  guint d;

  if (strcmp (a, b) == 0)
    return TRUE;
  if (len < 4 || a[0] != b[0])
    return FALSE;
  d = levenshtein (a, b);
  return d <= 1 || (d <= 2 && len >= 7);
}

PxValueVerdict
px_value_compare_names (const char  *a,
                        const char  *b,
                        char       **out_reason)
{
  g_autoptr(GPtrArray) ta = name_tokens (a);
  g_autoptr(GPtrArray) tb = name_tokens (b);
  GPtrArray *s = ta->len <= tb->len ? ta : tb, *l = s == ta ? tb : ta;
  const char *sn = s == ta ? a : b, *ln = s == ta ? b : a;
  gboolean exact = TRUE, all = s->len > 0;

  for (guint i = 0; i < s->len && all; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < l->len && !found; j++)
        if (word_variant (s->pdata[i], l->pdata[j]))
          {
            found = TRUE;
            exact &= strcmp (s->pdata[i], l->pdata[j]) == 0;
          }
      all = found;
    }
  /* The short form must keep the surname: the last word of both. */
  if (all && s->len > 0 && !word_variant (s->pdata[s->len - 1], l->pdata[l->len - 1]))
    all = FALSE;
  if (!all)
    return verdict (PX_VALUE_CONFLICT, out_reason, "different names: %s / %s", a, b);
  if (s->len == l->len)
    return exact ? verdict (PX_VALUE_SAME, out_reason, "the same name")
                 : verdict (PX_VALUE_COMPATIBLE, out_reason, "spelling variants: %s / %s", a, b);
  return verdict (PX_VALUE_COMPATIBLE, out_reason, "%s is the short form of %s", sn, ln);
}

static gboolean
is_place_label (const char *label)
{
  return g_strcmp0 (label, "GPE") == 0 || g_strcmp0 (label, "LOC") == 0;
}

static PxValueVerdict
compare_places (const PxValueItem *a, const PxValueItem *b, char **reason)
{
  const PxGazetteer *gz = px_gazetteer_get_default ();
  const GArray *pa = px_gazetteer_lookup (gz, a->name);
  const GArray *pb = px_gazetteer_lookup (gz, b->name);

  if (pa == NULL || pb == NULL)
    return verdict (PX_VALUE_CHECK, reason, "check: the gazetteer does not know %s",
                    pa == NULL ? a->name : b->name);
  for (guint i = 0; i < pa->len; i++)
    for (guint j = 0; j < pb->len; j++)
      {
        guint x = g_array_index (pa, guint, i), y = g_array_index (pb, guint, j);

        if (x == y)
          return verdict (PX_VALUE_SAME, reason, "the same place: %s / %s", a->name, b->name);
        if (px_gazetteer_contains (gz, x, y))
          return verdict (PX_VALUE_COMPATIBLE, reason, "%s is in %s", b->name, a->name);
        if (px_gazetteer_contains (gz, y, x))
          return verdict (PX_VALUE_COMPATIBLE, reason, "%s is in %s", a->name, b->name);
      }
  return verdict (PX_VALUE_CONFLICT, reason, "different places: %s / %s", a->name, b->name);
}

/* People, organisations and places, by name: a spelling or a short form
 * is compatible; places also by the gazetteer. */
static PxValueVerdict
compare_named (const PxValueItem *a, const PxValueItem *b, char **reason)
{
  g_autofree char *names_reason = NULL;
  PxValueVerdict v = px_value_compare_names (a->name, b->name, &names_reason);

  if (v != PX_VALUE_CONFLICT || !(is_place_label (a->label) || is_place_label (b->label)))
    {
      if (reason != NULL)
        *reason = g_steal_pointer (&names_reason);
      return v;
    }
  return compare_places (a, b, reason);
}

/* ---- Quotes ----------------------------------------------------------- */

/* Outlets reword what was said ("ne sera laissé seul" / "ne restera
 * seul"): two quotes agree when they would be matched as one quote. */
static gboolean
quotes_agree (const char *a, const char *b)
{
  g_autoptr(GPtrArray) ta = px_align_content_terms (a + strlen (QUOTE_PREFIX), NULL);
  g_autoptr(GPtrArray) tb = px_align_content_terms (b + strlen (QUOTE_PREFIX), NULL);
  GPtrArray *small = ta->len <= tb->len ? ta : tb, *large = small == ta ? tb : ta;
  guint found = 0;

  if (small->len == 0)
    return large->len == 0;
  for (guint i = 0; i < small->len; i++)
    found += g_ptr_array_find (large, small->pdata[i], NULL);
  return (double) found / small->len >= PX_QUOTES_MIN_OVERLAP;
}

PxValueVerdict
px_value_compare (const PxValueItem *a,
                  const PxValueItem *b,
                  char             **out_reason)
{
  if (out_reason != NULL)
    *out_reason = NULL;
  if (g_strcmp0 (a->type, b->type) != 0)
    return verdict (PX_VALUE_CHECK, out_reason, "different kinds of value: %s / %s", a->name, b->name);
  if (strcmp (a->norm, b->norm) == 0)
    return verdict (PX_VALUE_SAME, out_reason, g_str_has_prefix (a->norm, "entity:")
                                                 ? "the same entity" : "the same value");
  if (g_strcmp0 (a->type, "date") == 0)
    return compare_dates (a->norm, b->norm, out_reason);
  if (g_strcmp0 (a->type, "number") == 0)
    return compare_numbers (a->norm, b->norm, out_reason);
  if (g_strcmp0 (a->type, "quote") == 0)
    return quotes_agree (a->norm, b->norm)
           ? verdict (PX_VALUE_COMPATIBLE, out_reason, "the same quote, reworded")
           : verdict (PX_VALUE_CHECK, out_reason, "different quotes: both may have been said");
  return compare_named (a, b, out_reason);
}
