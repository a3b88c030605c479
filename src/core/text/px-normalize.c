/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-normalize.c: numbers and dates from French and English news text.
 *
 * Works on a lower-cased ASCII copy (g_str_to_ascii drops the accents) so
 * that "févr." and "fevr" or "zéro" and "zero" are one case. That copy is for
 * parsing only; no offsets come out of here.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "px-error.h"
#include "px-normalize.h"

static char *
ascii_fold (const char *text)
{
  g_autofree char *down = g_utf8_strdown (text, -1);
  char *ascii = g_str_to_ascii (down, "C");

  /* Typographic spaces inside numbers ("1 200") become plain ones. */
  for (char *p = ascii; *p; p++)
    if (*p == '?' || *p == '\t' || *p == '\n')
      *p = ' ';
  return ascii;
}

/* ---- Numbers ---------------------------------------------------------- */

typedef struct
{
  const char *word;
  double      value;
} NumberWord;

/* Units and tens; "cent", "mille" and larger scales are handled apart. */
static const NumberWord number_words[] = {
  { "zero", 0 }, { "un", 1 }, { "une", 1 }, { "deux", 2 }, { "trois", 3 },
  { "quatre", 4 }, { "cinq", 5 }, { "six", 6 }, { "sept", 7 }, { "huit", 8 },
  { "neuf", 9 }, { "dix", 10 }, { "onze", 11 }, { "douze", 12 },
  { "treize", 13 }, { "quatorze", 14 }, { "quinze", 15 }, { "seize", 16 },
  { "vingt", 20 }, { "vingts", 20 }, { "trente", 30 }, { "quarante", 40 },
  { "cinquante", 50 }, { "soixante", 60 },
  { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
  { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 },
  { "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 },
  { "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 },
  { "eighteen", 18 }, { "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 },
  { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 }, { "seventy", 70 },
  { "eighty", 80 }, { "ninety", 90 },
  { "dozen", 12 }, { "douzaine", 12 }, { "dizaine", 10 }, { "vingtaine", 20 },
  { "quinzaine", 15 }, { "trentaine", 30 },
  { "centaine", 100 }, { "centaines", 100 }, { "millier", 1000 },
  { "milliers", 1000 }, { "douzaines", 12 }, { "dizaines", 10 },
  { "dozens", 12 }, { "hundreds", 100 }, { "thousands", 1000 },
};

typedef struct
{
  const char *word;
  double      scale;
} ScaleWord;

static const ScaleWord scale_words[] = {
  { "mille", 1e3 }, { "thousand", 1e3 }, { "k", 1e3 },
  { "million", 1e6 }, { "millions", 1e6 }, { "mln", 1e6 },
  { "milliard", 1e9 }, { "milliards", 1e9 }, { "billion", 1e9 },
  { "billions", 1e9 }, { "md", 1e9 }, { "mds", 1e9 }, { "bn", 1e9 },
};

/* Words that may come before a number without changing it. */
static const char *hedges[] = {
  "environ", "pres", "de", "d", "plus", "moins", "au", "moins", "quelque",
  "quelques", "about", "around", "nearly", "almost", "some", "over", "more",
  "than", "at", "least", "le", "la", "les", "l", "the", "a", "an", "et",
  "and", "plusieurs", "bilan", "of", "des", "entre", "between",
};

static gboolean
lookup_word (const char *w, double *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    if (strcmp (w, number_words[i].word) == 0)
      {
        *out = number_words[i].value;
        return TRUE;
      }
  return FALSE;
}

static gboolean
lookup_scale (const char *w, double *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (scale_words); i++)
    if (strcmp (w, scale_words[i].word) == 0)
      {
        *out = scale_words[i].scale;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_hedge (const char *w)
{
  for (guint i = 0; i < G_N_ELEMENTS (hedges); i++)
    if (strcmp (w, hedges[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A digit run keeps its separators when a digit follows them, so "1 200",
 * "2,1" and "1.5" stay one token; a space only when a group of exactly
 * three digits follows, so "10 2022" stays two. */
static gboolean
keeps_separator (const char *p)
{
  if (*p == ',' || *p == '.')
    return g_ascii_isdigit (p[1]);
  if (*p == ' ')
    return g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
           g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]);
  return FALSE;
}

/* Splits on anything that is not a letter, digit, ',' or '.' between digits. */
static GPtrArray *
tokenize (const char *ascii)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = ascii;

  while (*p)
    {
      const char *start;

      if (g_ascii_isdigit (*p))
        {
          start = p;
          while (*p && (g_ascii_isdigit (*p) || keeps_separator (p)))
            p++;
          g_ptr_array_add (tokens, g_strndup (start, p - start));
        }
      else if (g_ascii_isalpha (*p))
        {
          start = p;
          while (g_ascii_isalpha (*p))
            p++;
          g_ptr_array_add (tokens, g_strndup (start, p - start));
        }
      else
        p++;
    }
  return tokens;
}

static gboolean
has_token_before (GPtrArray *toks, guint end, const char *w)
{
  for (guint i = 0; i < end; i++)
    if (strcmp (toks->pdata[i], w) == 0)
      return TRUE;
  return FALSE;
}

static guint
count_char (const char *s, char c)
{
  guint n = 0;

  for (; *s; s++)
    n += *s == c;
  return n;
}

/* Does every group after @sep hold exactly three digits? */
static gboolean
groups_of_three (const char *s, char sep)
{
  const char *p = strchr (s, sep);

  while (p)
    {
      const char *q = p + 1;
      guint n = 0;

      while (g_ascii_isdigit (*q))
        q++, n++;
      if (n != 3)
        return FALSE;
      p = (*q == sep) ? q : NULL;
      if (*q && *q != sep)
        return FALSE;
    }
  return TRUE;
}

/* "1 200" 1200; "2,1" 2.1 (French) ; "1,200" 1200 in English; "1.200.000";
 * "1,200.5". */
static double
parse_digits (const char *tok, const char *lang)
{
  GString *clean = g_string_new (NULL);
  guint commas = count_char (tok, ',');
  guint dots = count_char (tok, '.');
  gboolean fr = lang == NULL || g_str_has_prefix (lang, "fr");
  char decimal = 0;
  double value;

  if (commas && dots)
    decimal = strrchr (tok, ',') > strrchr (tok, '.') ? ',' : '.';
  else if (commas == 1 && !(groups_of_three (tok, ',') && !fr))
    decimal = ',';
  else if (dots == 1 && !(groups_of_three (tok, '.') && fr))
    decimal = '.';

  for (const char *p = tok; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (clean, *p);
      else if (*p == decimal)
        g_string_append_c (clean, '.');
    }
  value = g_ascii_strtod (clean->str, NULL);
  g_string_free (clean, TRUE);
  return value;
}

static gboolean
is_collective (const char *w)
{
  static const char *collective[] = {
    "dozen", "dozens", "douzaine", "douzaines", "dizaine", "dizaines", "quinzaine", "trentaine",
    "vingtaine", "centaine", "centaines", "millier", "milliers", "hundreds",
    "thousands",
  };

  for (guint i = 0; i < G_N_ELEMENTS (collective); i++)
    if (strcmp (w, collective[i]) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  double total;
  double current;
  gboolean any;
} WordSum;

/* Adds one number word to a running French/English sum. */
static gboolean
word_sum_feed (WordSum *s, const char *w)
{
  double v;

  if (lookup_word (w, &v))
    {
      /* "une dizaine", "deux douzaines": collective nouns multiply. */
      if (is_collective (w))
        s->current = (s->current > 0 ? s->current : 1) * v;
      /* "quatre-vingt": a 20 right after a 4 multiplies it. */
      else if (v == 20 && s->current > 0 && fmod (s->current, 100) == 4)
        s->current = s->current - 4 + 80;
      else
        s->current += v;
      s->any = TRUE;
      return TRUE;
    }
  if (strcmp (w, "cent") == 0 || strcmp (w, "cents") == 0 || strcmp (w, "hundred") == 0)
    {
      s->current = (s->current > 0 ? s->current : 1) * 100;
      s->any = TRUE;
      return TRUE;
    }
  if (lookup_scale (w, &v) && strlen (w) > 2)
    {
      s->total += (s->current > 0 ? s->current : 1) * v;
      s->current = 0;
      s->any = TRUE;
      return TRUE;
    }
  if (s->any && (strcmp (w, "et") == 0 || strcmp (w, "and") == 0))
    return TRUE;
  return FALSE;
}

/* Reads one number starting at token *i: digits with an optional scale
 * word after them ("2,1 millions"), or a run of number words. Leaves *i
 * after it. @scaled says whether a scale word came with digits. */
static gboolean
number_at (GPtrArray *toks, guint *i, const char *lang, double *out, gboolean *scaled)
{
  WordSum sum = { 0 };
  guint k = *i;

  *scaled = FALSE;
  if (k >= toks->len)
    return FALSE;
  if (g_ascii_isdigit (((char *) toks->pdata[k])[0]))
    {
      double value = parse_digits (toks->pdata[k], lang);
      double scale;

      k++;
      if (k < toks->len && lookup_scale (toks->pdata[k], &scale))
        {
          value *= scale;
          *scaled = TRUE;
          k++;
        }
      *out = value;
      *i = k;
      return TRUE;
    }
  for (; k < toks->len; k++)
    if (!word_sum_feed (&sum, toks->pdata[k]))
      break;
  if (!sum.any)
    return FALSE;
  *out = sum.total + sum.current;
  *i = k;
  return TRUE;
}

static gboolean
tok_is (GPtrArray *toks, guint i, const char *w)
{
  return i < toks->len && strcmp (toks->pdata[i], w) == 0;
}

/* What the hedges before the number say: "plus de 300" is at least 300,
 * "moins de 10" at most 10, "environ 300" about 300. */
static void
read_hedges (GPtrArray *toks, guint end, PxQuantity *q)
{
  for (guint i = 0; i < end; i++)
    {
      const char *w = toks->pdata[i];

      if (strcmp (w, "plus") == 0 || strcmp (w, "over") == 0 || strcmp (w, "more") == 0 ||
          strcmp (w, "least") == 0 || (strcmp (w, "moins") == 0 && i > 0 && tok_is (toks, i - 1, "au")))
        q->lo_only = TRUE;
      else if (strcmp (w, "moins") == 0 || strcmp (w, "less") == 0 || strcmp (w, "under") == 0 ||
               strcmp (w, "fewer") == 0)
        q->hi_only = TRUE;
      else if (strcmp (w, "environ") == 0 || strcmp (w, "pres") == 0 || strcmp (w, "quelque") == 0 ||
               strcmp (w, "about") == 0 || strcmp (w, "around") == 0 || strcmp (w, "nearly") == 0 ||
               strcmp (w, "almost") == 0 || strcmp (w, "some") == 0 || strcmp (w, "approximately") == 0 ||
               strcmp (w, "roughly") == 0 || strcmp (w, "presque") == 0 || strcmp (w, "quasi") == 0)
        q->approx = TRUE;
    }
}

/* "des dizaines de milliers", "tens of thousands", "des centaines",
 * "hundreds": an order of magnitude, not a count. "Des dizaines" is read
 * as 20 to 100: at least two tens, fewer than a hundred. */
static gboolean
collective_plural (GPtrArray *toks, guint i, PxQuantity *q)
{
  static const struct { const char *w; double v; } plurals[] = {
    { "dizaines", 10 }, { "centaines", 100 }, { "milliers", 1000 }, { "millions", 1e6 },
    { "milliards", 1e9 }, { "dozens", 12 }, { "tens", 10 }, { "hundreds", 100 },
    { "thousands", 1000 }, { "millions", 1e6 }, { "billions", 1e9 },
  };
  double base = 0, mult = 1;

  for (guint p = 0; p < G_N_ELEMENTS (plurals) && i < toks->len; p++)
    if (strcmp (toks->pdata[i], plurals[p].w) == 0)
      base = plurals[p].v;
  if (base == 0)
    return FALSE;
  /* "de milliers", "of thousands" multiply. */
  if ((tok_is (toks, i + 1, "de") || tok_is (toks, i + 1, "d") || tok_is (toks, i + 1, "of")))
    for (guint p = 0; p < G_N_ELEMENTS (plurals); p++)
      if (tok_is (toks, i + 2, plurals[p].w) && plurals[p].v > base)
        mult = plurals[p].v;
  q->lo = 2 * base * mult;
  q->hi = (base == 12 ? 100 : 10 * base) * mult;
  q->approx = TRUE;
  return TRUE;
}

static void
read_unit (const char *ascii, GPtrArray *toks, PxQuantity *q)
{
  static const struct { const char *w; const char *unit; } units[] = {
    { "euros", "EUR" }, { "euro", "EUR" }, { "eur", "EUR" }, { "dollars", "USD" },
    { "dollar", "USD" }, { "usd", "USD" }, { "km", "km" }, { "kilometres", "km" },
    { "kilometers", "km" }, { "tonnes", "t" }, { "tons", "t" }, { "percent", "%" },
    { "cent", "%" },
  };

  q->unit[0] = '\0';
  if (strchr (ascii, '%'))
    {
      g_strlcpy (q->unit, "%", sizeof q->unit);
      return;
    }
  for (guint i = 0; i < toks->len; i++)
    for (guint u = 0; u < G_N_ELEMENTS (units); u++)
      if (strcmp (toks->pdata[i], units[u].w) == 0 &&
          /* "cent" is a unit only in "pour cent". */
          (strcmp (units[u].w, "cent") != 0 || (i > 0 && tok_is (toks, i - 1, "pour"))))
        {
          g_strlcpy (q->unit, units[u].unit, sizeof q->unit);
          return;
        }
}

gboolean
px_normalize_quantity (const char *text,
                       const char *lang,
                       PxQuantity *out)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GPtrArray) toks = NULL;
  PxQuantity q = { 0 };
  guint i = 0, after, start;
  double first, second;
  gboolean scaled1, scaled2;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);
  ascii = ascii_fold (text);
  toks = tokenize (ascii);

  while (i < toks->len && is_hedge (toks->pdata[i]) && !g_ascii_isdigit (((char *) toks->pdata[i])[0]))
    {
      double v;

      /* "un", "a" are hedges only when no number word follows. */
      if (lookup_word (toks->pdata[i], &v))
        break;
      i++;
    }
  /* "tens of thousands" starts with a word the hedges do not know. */
  if (i < toks->len && collective_plural (toks, i, &q))
    goto done;
  start = i;
  if (!number_at (toks, &i, lang, &first, &scaled1))
    return FALSE;
  q.lo = q.hi = first;
  /* "une dizaine", "une centaine": about so many. */
  for (guint k = start; k < i; k++)
    if (strcmp (toks->pdata[k], "dizaine") == 0 || strcmp (toks->pdata[k], "vingtaine") == 0 ||
        strcmp (toks->pdata[k], "centaine") == 0 || strcmp (toks->pdata[k], "millier") == 0 ||
        strcmp (toks->pdata[k], "quinzaine") == 0 || strcmp (toks->pdata[k], "trentaine") == 0)
      q.approx = TRUE;
  read_hedges (toks, i, &q);
  after = i;
  /* "2,1 à 2,2 millions", "entre 10 et 12", "deux ou trois", "10 to 12". */
  if (tok_is (toks, i, "a") || tok_is (toks, i, "to") || tok_is (toks, i, "ou") || tok_is (toks, i, "or") ||
      ((tok_is (toks, i, "et") || tok_is (toks, i, "and")) &&
       (has_token_before (toks, i, "entre") || has_token_before (toks, i, "between"))))
    {
      after = i + 1;
      if (number_at (toks, &after, lang, &second, &scaled2))
        {
          /* The scale word of the second number belongs to both. */
          if (scaled2 && !scaled1)
            {
              double scale = 1;

              lookup_scale (toks->pdata[after - 1], &scale);
              first *= scale;
            }
          q.lo = MIN (first, second);
          q.hi = MAX (first, second);
        }
    }
  if (q.lo_only)
    q.hi = INFINITY;
  else if (q.hi_only)
    q.lo = -INFINITY;
done:
  read_unit (ascii, toks, &q);
  *out = q;
  return TRUE;
}

gboolean
px_normalize_number (const char *text,
                     const char *lang,
                     double     *out_value)
{
  PxQuantity q;

  if (!px_normalize_quantity (text, lang, &q))
    return FALSE;
  *out_value = isfinite (q.lo) ? q.lo : q.hi;
  return TRUE;
}

char *
px_normalize_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (value) < 1e15 && value == floor (value))
    return g_strdup_printf ("%.0f", value);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", value));
}

/* ---- Dates ------------------------------------------------------------ */

static const char *months[][3] = {
  { "janvier", "january", "janv" }, { "fevrier", "february", "fevr" },
  { "mars", "march", "mar" }, { "avril", "april", "avr" },
  { "mai", "may", "may" }, { "juin", "june", "jun" },
  { "juillet", "july", "juil" }, { "aout", "august", "aug" },
  { "septembre", "september", "sept" }, { "octobre", "october", "oct" },
  { "novembre", "november", "nov" }, { "decembre", "december", "dec" },
};

static const char *weekdays[][2] = {
  { "lundi", "monday" }, { "mardi", "tuesday" }, { "mercredi", "wednesday" },
  { "jeudi", "thursday" }, { "vendredi", "friday" }, { "samedi", "saturday" },
  { "dimanche", "sunday" },
};

static int
month_of (const char *w)
{
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    for (guint j = 0; j < 3; j++)
      if (strcmp (w, months[i][j]) == 0 ||
          (j < 2 && strlen (w) >= 3 && g_str_has_prefix (months[i][j], w) && strlen (w) >= 4))
        return i + 1;
  if (strcmp (w, "jan") == 0 || strcmp (w, "feb") == 0)
    return w[0] == 'j' ? 1 : 2;
  return 0;
}

/* GDateWeekday: Monday = 1. */
static int
weekday_of (const char *w)
{
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    if (strcmp (w, weekdays[i][0]) == 0 || strcmp (w, weekdays[i][1]) == 0)
      return i + 1;
  return 0;
}

static GDate *
parse_published (const char *published)
{
  int y, m, d;

  if (published == NULL || sscanf (published, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

static int
published_year (const char *published)
{
  int y;

  if (published && sscanf (published, "%4d", &y) == 1 && y > 1000)
    return y;
  return 0;
}

static char *
format_dmy (int d, int m, int y)
{
  if (y && m && d)
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  if (y && m)
    return g_strdup_printf ("%04d-%02d", y, m);
  if (y)
    return g_strdup_printf ("%04d", y);
  if (m && d)
    return g_strdup_printf ("--%02d-%02d", m, d);
  return NULL;
}

static char *
format_gdate (const GDate *date)
{
  return format_dmy (g_date_get_day (date), g_date_get_month (date), g_date_get_year (date));
}

static gboolean
has_token (GPtrArray *toks, const char *w)
{
  for (guint i = 0; i < toks->len; i++)
    if (strcmp (toks->pdata[i], w) == 0)
      return TRUE;
  return FALSE;
}

/* "ce matin", "cet après-midi", "this morning": the day of publication. */
static gboolean
this_part_of_day (GPtrArray *toks, guint i)
{
  const char *prev = i > 0 ? toks->pdata[i - 1] : "";

  return strcmp (prev, "ce") == 0 || strcmp (prev, "cet") == 0 ||
         strcmp (prev, "cette") == 0 || strcmp (prev, "this") == 0 ||
         strcmp (prev, "apres") == 0;
}

static char *
shift_days (GDate *date, int days)
{
  if (days > 0)
    g_date_add_days (date, days);
  else if (days < 0)
    g_date_subtract_days (date, -days);
  return format_gdate (date);
}

/* "the day before", "the previous day", "the next day", "the day after
 * tomorrow": days from publication, or 0 when the text says none of these. */
static int
english_day_phrase (GPtrArray *toks)
{
  gboolean earlier = has_token (toks, "before") || has_token (toks, "previous");
  gboolean later = has_token (toks, "after") || has_token (toks, "next") || has_token (toks, "following");

  if (!has_token (toks, "day") || earlier == later)
    return 0;
  if (has_token (toks, "yesterday") || has_token (toks, "tomorrow"))
    return earlier ? -2 : 2;
  return earlier ? -1 : 1;
}

static gboolean
tok_at (GPtrArray *toks, guint i, const char *w)
{
  return i < toks->len && strcmp (toks->pdata[i], w) == 0;
}

/* "cette semaine", "la semaine dernière", "next week": an ISO week. */
static char *
relative_week (GPtrArray *toks, const GDate *pub)
{
  g_autoptr(GDate) thursday = g_date_copy (pub);
  int shift = 0;

  if (has_token (toks, "derniere") || has_token (toks, "passee") || has_token (toks, "precedente") ||
      has_token (toks, "last") || has_token (toks, "previous"))
    shift = -7;
  else if (has_token (toks, "prochaine") || has_token (toks, "suivante") || has_token (toks, "next"))
    shift = 7;
  else if (!has_token (toks, "cette") && !has_token (toks, "this"))
    return NULL;
  /* The Thursday of a week decides its ISO year. */
  shift += 4 - (int) g_date_get_weekday (pub);
  if (shift > 0)
    g_date_add_days (thursday, shift);
  else if (shift < 0)
    g_date_subtract_days (thursday, -shift);
  return g_strdup_printf ("%04d-W%02u", g_date_get_year (thursday), g_date_get_iso8601_week_of_year (thursday));
}

static gboolean
anchored_to_event (GPtrArray *toks)
{
  for (guint i = 0; i < toks->len; i++)
    {
      const char *w = toks->pdata[i];

      if (strcmp (w, "lendemain") == 0 || strcmp (w, "veille") == 0)
        {
          if ((i > 0 && tok_at (toks, i - 1, "au")) || (i > 1 && tok_at (toks, i - 2, "a")) ||
              tok_at (toks, i + 1, "du") || tok_at (toks, i + 1, "de") || tok_at (toks, i + 1, "d") ||
              tok_at (toks, i + 1, "des"))
            return TRUE;
        }
      if ((strcmp (w, "after") == 0 || strcmp (w, "before") == 0) && i > 0 && tok_at (toks, i - 1, "day") &&
          i + 1 < toks->len && !tok_at (toks, i + 1, "tomorrow") && !tok_at (toks, i + 1, "yesterday"))
        return TRUE;
    }
  return FALSE;
}

/* "hier", "jeudi", "lundi dernier", "next Friday" against @pub. */
static char *
resolve_relative (GPtrArray *toks, const GDate *pub)
{
  /* A part of the day means the day of publication only after "ce",
   * "this"…: "soir" alone is no date. */
  static const struct { const char *w; int days; gboolean needs_this; } offsets[] = {
    { "aujourd", 0, FALSE }, { "today", 0, FALSE }, { "tonight", 0, FALSE },
    { "hier", -1, FALSE }, { "yesterday", -1, FALSE }, { "demain", 1, FALSE },
    { "tomorrow", 1, FALSE }, { "lendemain", 1, FALSE }, { "veille", -1, FALSE },
    { "matin", 0, TRUE }, { "soir", 0, TRUE }, { "morning", 0, TRUE },
    { "evening", 0, TRUE }, { "afternoon", 0, TRUE }, { "midi", 0, TRUE },
    { "nuit", 0, TRUE },
  };
  g_autoptr(GDate) date = g_date_copy (pub);
  gboolean before = has_token (toks, "avant");
  int day_phrase = english_day_phrase (toks);

  /* "au lendemain du bombardement", "à la veille de la visite", "the day
   * after the strike": counted from an event, not from publication. */
  if (anchored_to_event (toks))
    return NULL;
  if (day_phrase != 0)
    return shift_days (date, day_phrase);
  if (has_token (toks, "semaine") || has_token (toks, "week"))
    return relative_week (toks, pub);

  for (guint i = 0; i < toks->len; i++)
    {
      const char *w = toks->pdata[i];
      int wd = weekday_of (w);

      if (wd)
        {
          int delta = wd - (int) g_date_get_weekday (pub);
          gboolean last = has_token (toks, "dernier") || has_token (toks, "last") ||
                          has_token (toks, "precedent");
          gboolean next = has_token (toks, "prochain") || has_token (toks, "next") ||
                          has_token (toks, "suivant");

          if (last)
            delta = delta >= 0 ? delta - 7 : delta;
          else if (next)
            delta = delta <= 0 ? delta + 7 : delta;
          else if (delta > 3)
            delta -= 7;
          else if (delta < -3)
            delta += 7;
          if (delta > 0)
            g_date_add_days (date, delta);
          else
            g_date_subtract_days (date, -delta);
          /* "dans la nuit de dimanche à lundi": from one day to the next. */
          for (guint k = i + 1; k < toks->len; k++)
            if (weekday_of (toks->pdata[k]))
              {
                g_autoptr(GDate) end = g_date_copy (date);
                g_autofree char *from = format_gdate (date);
                g_autofree char *to = NULL;
                int span = (weekday_of (toks->pdata[k]) - wd + 7) % 7;

                g_date_add_days (end, span);
                to = format_gdate (end);
                return span ? g_strconcat (from, "/", to, NULL) : g_strdup (from);
              }
          return format_gdate (date);
        }
      for (guint j = 0; j < G_N_ELEMENTS (offsets); j++)
        if (strcmp (w, offsets[j].w) == 0 && (!offsets[j].needs_this || this_part_of_day (toks, i)))
          {
            int days = offsets[j].days;

            /* "avant-hier", "après-demain". */
            if (before && days == -1)
              days = -2;
            if (has_token (toks, "apres") && days == 1)
              days = 2;
            return shift_days (date, days);
          }
    }
  return NULL;
}

/* A day and month without a year mean the nearest such day to publication:
 * "10 décembre" in a paper of 5 January is last December, "10 janvier" in
 * one of 20 December is next month. */
static int
nearest_year (int d, int m, const char *published)
{
  g_autoptr(GDate) pub = parse_published (published);
  int y = published_year (published), best = y;
  gint64 best_gap = G_MAXINT64;

  if (pub == NULL || y == 0)
    return y;
  for (int cand = y - 1; cand <= y + 1; cand++)
    {
      g_autoptr(GDate) date = NULL;
      gint64 gap;

      if (!g_date_valid_dmy (d ? d : 15, m, cand))
        continue;
      date = g_date_new_dmy (d ? d : 15, m, cand);
      gap = ABS ((gint64) g_date_days_between (pub, date));
      if (gap < best_gap)
        best_gap = gap, best = cand;
    }
  return best;
}

/* Absolute forms; returns NULL when the text holds none. */
static char *
parse_absolute (const char *ascii, GPtrArray *toks, const char *published)
{
  int y = 0, m = 0, d = 0, d2 = 0;
  guint di = 0;

  if (sscanf (ascii, "%4d-%2d-%2d", &y, &m, &d) == 3 && y > 1000)
    return g_date_valid_dmy (d, m, y) ? format_dmy (d, m, y) : NULL;

  /* dd/mm/yyyy is the French and British order; news in both uses it. */
  for (const char *p = ascii; *p; p++)
    if (g_ascii_isdigit (*p) && (p == ascii || !g_ascii_isdigit (p[-1])) &&
        sscanf (p, "%2d/%2d/%4d", &d, &m, &y) == 3)
      {
        if (y < 100)
          y += 2000;
        return g_date_valid_dmy (d, m, y) ? format_dmy (d, m, y) : NULL;
      }

  y = m = d = 0;
  for (guint i = 0; i < toks->len; i++)
    {
      const char *w = toks->pdata[i];

      if (g_ascii_isdigit (w[0]))
        {
          int n = atoi (w);

          if (n > 1000 && n < 3000)
            y = n;
          else if (n >= 1 && n <= 31 && !d)
            d = n, di = i;
          /* "du 10 au 12 mars", "10-12 March": a span of days, right
           * after the first or past one "au", "to", "et". */
          else if (n > d && n <= 31 && !d2 && !m &&
                   (i == di + 1 || (i == di + 2 && (tok_at (toks, di + 1, "au") || tok_at (toks, di + 1, "a") ||
                                                    tok_at (toks, di + 1, "to") || tok_at (toks, di + 1, "et")))))
            d2 = n;
        }
      else if (!m && month_of (w))
        {
          int prev;

          m = month_of (w);
          /* The day is the number right before the month ("à 10 h 30, le
           * 3 mars"), unless it ends a span of days. */
          if (i > 0 && g_ascii_isdigit (((char *) toks->pdata[i - 1])[0]) &&
              (prev = atoi (toks->pdata[i - 1])) >= 1 && prev <= 31 && prev != d && prev != d2)
            d = prev, d2 = 0;
        }
      else if (strcmp (w, "er") == 0 || strcmp (w, "premier") == 0)
        d = d ? d : 1;
    }
  if (!m && !y)
    return NULL;
  if (!m)
    return format_dmy (0, 0, y);
  if (!y)
    y = nearest_year (d, m, published);
  if (d && y && !g_date_valid_dmy (d, m, y))
    return NULL;
  if (d && d2 && y && g_date_valid_dmy (d2, m, y))
    {
      g_autofree char *from = format_dmy (d, m, y);
      g_autofree char *to = format_dmy (d2, m, y);

      return g_strconcat (from, "/", to, NULL);
    }
  return format_dmy (d, m, y);
}

gboolean
px_normalize_date (const char  *text,
                   const char  *published,
                   char       **out_iso)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GPtrArray) toks = NULL;
  g_autoptr(GDate) pub = NULL;
  char *iso;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_iso != NULL, FALSE);

  ascii = ascii_fold (text);
  toks = tokenize (ascii);
  iso = parse_absolute (ascii, toks, published);
  if (iso == NULL && (pub = parse_published (published)) != NULL)
    iso = resolve_relative (toks, pub);
  *out_iso = iso;
  return iso != NULL;
}

/* ---- Values ----------------------------------------------------------- */

static void
append_number (GString *out, double v)
{
  g_autofree char *n = px_normalize_format_number (v);

  g_string_append (out, n);
}

char *
px_normalize_format_quantity (const PxQuantity *q)
{
  GString *out = g_string_new (q->approx ? "~" : "");

  if (!isfinite (q->hi))
    g_string_append_c (out, '>');
  else if (!isfinite (q->lo))
    g_string_append_c (out, '<');
  if (isfinite (q->lo))
    append_number (out, q->lo);
  if (isfinite (q->hi) && (!isfinite (q->lo) || q->hi != q->lo))
    {
      if (isfinite (q->lo))
        g_string_append_c (out, '/');
      append_number (out, q->hi);
    }
  if (q->unit[0])
    g_string_append_printf (out, " %s", q->unit);
  return g_string_free (out, FALSE);
}

static gboolean
plain_number (const char *s, const char *end, double *out)
{
  char *stop = NULL;

  if (s == end)
    return FALSE;
  *out = g_ascii_strtod (s, &stop);
  return stop == end && isfinite (*out);
}

gboolean
px_normalize_parse_quantity (const char *value,
                             PxQuantity *out)
{
  PxQuantity q = { 0 };
  const char *p = value, *space, *slash, *end;

  if (value == NULL)
    return FALSE;
  if (*p == '~')
    q.approx = TRUE, p++;
  if (*p == '>')
    q.lo_only = TRUE, p++;
  else if (*p == '<')
    q.hi_only = TRUE, p++;
  space = strchr (p, ' ');
  end = space ? space : p + strlen (p);
  if (space && (strlen (space + 1) == 0 || strlen (space + 1) >= sizeof q.unit || strchr (space + 1, ' ')))
    return FALSE;
  if (space)
    g_strlcpy (q.unit, space + 1, sizeof q.unit);
  slash = memchr (p, '/', end - p);
  if (slash && (q.lo_only || q.hi_only))
    return FALSE;
  if (!plain_number (p, slash ? slash : end, &q.lo))
    return FALSE;
  q.hi = q.lo;
  if (slash && (!plain_number (slash + 1, end, &q.hi) || q.hi < q.lo))
    return FALSE;
  if (q.lo_only)
    q.hi = INFINITY;
  else if (q.hi_only)
    q.hi = q.lo, q.lo = -INFINITY;
  *out = q;
  return TRUE;
}

static guint32
julian (int y, int m, int d)
{
  g_autoptr(GDate) date = g_date_new_dmy (d, m, y);

  return g_date_get_julian (date);
}

/* One ISO form: its first and last day. */
static gboolean
parse_one_date (const char *s, gsize len, PxDateValue *out)
{
  g_autofree char *v = g_strndup (s, len);
  int y = 0, m = 0, d = 0, w = 0;
  char tail;

  memset (out, 0, sizeof *out);
  if (len == 7 && sscanf (v, "--%2d-%2d%c", &m, &d, &tail) == 2)
    {
      if (!g_date_valid_dmy (d, m, 2024))   /* a leap year: 29 February may be */
        return FALSE;
      out->month = m, out->day = d;
      return TRUE;
    }
  out->year_known = TRUE;
  if (len == 8 && sscanf (v, "%4d-W%2d%c", &y, &w, &tail) == 2 && y > 1000 && w >= 1 && w <= 53)
    {
      /* ISO week 1 holds 4 January. */
      g_autoptr(GDate) jan4 = g_date_new_dmy (4, 1, y);
      guint32 monday = g_date_get_julian (jan4) - (g_date_get_weekday (jan4) - 1);

      out->first = monday + 7 * (w - 1);
      out->last = out->first + 6;
      return TRUE;
    }
  if (len == 10 && sscanf (v, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && y > 1000 && g_date_valid_dmy (d, m, y))
    {
      out->first = out->last = julian (y, m, d);
      return TRUE;
    }
  if (len == 7 && sscanf (v, "%4d-%2d%c", &y, &m, &tail) == 2 && y > 1000 && m >= 1 && m <= 12)
    {
      out->first = julian (y, m, 1);
      out->last = julian (y, m, g_date_get_days_in_month (m, y));
      return TRUE;
    }
  if (len == 4 && sscanf (v, "%4d%c", &y, &tail) == 1 && y > 1000)
    {
      out->first = julian (y, 1, 1);
      out->last = julian (y, 12, 31);
      return TRUE;
    }
  return FALSE;
}

gboolean
px_normalize_parse_date_value (const char  *value,
                               PxDateValue *out)
{
  const char *slash;
  PxDateValue a, b;

  if (value == NULL)
    return FALSE;
  slash = strchr (value, '/');
  if (slash == NULL)
    return parse_one_date (value, strlen (value), out);
  if (!parse_one_date (value, slash - value, &a) || !parse_one_date (slash + 1, strlen (slash + 1), &b) ||
      !a.year_known || !b.year_known || b.last < a.first)
    return FALSE;
  *out = a;
  out->last = b.last;
  return TRUE;
}

char *
px_normalize_value (const char *type,
                    const char *text,
                    const char *published,
                    const char *lang)
{
  char *iso = NULL;
  PxQuantity q;

  g_return_val_if_fail (text != NULL, NULL);
  if (g_strcmp0 (type, "date") == 0)
    return px_normalize_date (text, published, &iso) ? iso : NULL;
  if (g_strcmp0 (type, "number") == 0 && px_normalize_quantity (text, lang, &q))
    return px_normalize_format_quantity (&q);
  return NULL;
}

gboolean
px_normalize_check_value (const char  *type,
                          const char  *value,
                          GError     **error)
{
  PxDateValue d;
  PxQuantity q;

  if (g_strcmp0 (type, "date") == 0 && !px_normalize_parse_date_value (value, &d))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "“%s” is not a date value: write it as 2025-02-27, 2025-02, 2025, --02-27 "
                   "(no year), 2025-W09 (a week) or 2025-02-26/2025-02-27", value);
      return FALSE;
    }
  if (g_strcmp0 (type, "number") == 0 && !px_normalize_parse_quantity (value, &q))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "“%s” is not a number value: write it as 3, 2.5, 2100000/2200000 (a range), "
                   "~10 (about), >300 (more than), <10, with a unit after a space (5 %%, 300 EUR)", value);
      return FALSE;
    }
  return TRUE;
}

/* ---- Publication dates from the text ---------------------------------- */

typedef struct
{
  guint32  julian;
  int      cue;        /* days from the date to publication, for "demain …" */
  gboolean has_cue;
  char    *words;      /* the words it was read from, for the note */
} DateFound;

static gboolean
day_number (const char *w, int *out)
{
  int n;

  if (!g_ascii_isdigit (w[0]) || strlen (w) > 2)
    return FALSE;
  n = atoi (w);
  if (n < 1 || n > 31)
    return FALSE;
  *out = n;
  return TRUE;
}

static gboolean
year_number (GPtrArray *toks, guint i, int *out)
{
  int n;

  if (i >= toks->len || !g_ascii_isdigit (((char *) toks->pdata[i])[0]) || strlen (toks->pdata[i]) != 4)
    return FALSE;
  n = atoi (toks->pdata[i]);
  if (n < 1900 || n > 2100)
    return FALSE;
  *out = n;
  return TRUE;
}

static gboolean
weekday_fits (int d, int m, int y, int weekday)
{
  g_autoptr(GDate) date = NULL;

  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  date = g_date_new_dmy (d, m, y);
  return (int) g_date_get_weekday (date) == weekday;
}

/* A year in which @d/@m falls on @weekday: the nearest to @near, or
 * without one the latest up to this year. 0 when none is near. */
static int
year_of_weekday (int d, int m, int weekday, int near)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (near == 0)
    {
      for (int y = g_date_time_get_year (now); y > g_date_time_get_year (now) - 30; y--)
        if (weekday_fits (d, m, y, weekday))
          return y;
      return 0;
    }
  for (int k = 0; k <= 6; k++)
    {
      if (weekday_fits (d, m, near - k, weekday))
        return near - k;
      if (k > 0 && weekday_fits (d, m, near + k, weekday))
        return near + k;
    }
  return 0;
}

/* "(demain|hier|aujourd'hui|ce) [weekday] day month [year]" at @i (the
 * month). Years come from the text, else from @year. */
static gboolean
date_at (GPtrArray *toks, guint i, int year, DateFound *out)
{
  int m = month_of (toks->pdata[i]), d = 0, y = 0, wd = 0;
  guint first;

  if (m == 0 || strlen (toks->pdata[i]) < 3)
    return FALSE;
  if (i >= 1 && day_number (toks->pdata[i - 1], &d))
    first = i - 1;
  else if (i >= 2 && tok_at (toks, i - 1, "er") && day_number (toks->pdata[i - 2], &d))
    first = i - 2;
  else if (i + 1 < toks->len && day_number (toks->pdata[i + 1], &d))   /* "March 10" */
    first = i;
  else
    return FALSE;
  if (!year_number (toks, first == i ? i + 2 : i + 1, &y))
    y = 0;
  if (first > 0 && (wd = weekday_of (toks->pdata[first - 1])) != 0)
    first--;
  if (y == 0 && wd != 0)
    y = year_of_weekday (d, m, wd, year);
  else if (y == 0)
    y = year;
  if (y == 0 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  {
    g_autoptr(GDate) date = g_date_new_dmy (d, m, y);
    const char *cue = first > 0 ? toks->pdata[first - 1] : "";

    out->julian = g_date_get_julian (date);
    out->has_cue = TRUE;
    /* A weekday that does not fit the date is a slip: the date stands,
     * the words around it are no clue. */
    if (wd != 0 && (int) g_date_get_weekday (date) != wd)
      cue = "", wd = 0;
    if (strcmp (cue, "demain") == 0 || strcmp (cue, "tomorrow") == 0)
      out->cue = -1;
    else if (strcmp (cue, "hier") == 0 || strcmp (cue, "yesterday") == 0)
      out->cue = 1;
    else if (strcmp (cue, "aujourd") == 0 || strcmp (cue, "today") == 0 || strcmp (cue, "ce") == 0 ||
             strcmp (cue, "this") == 0 || strcmp (cue, "hui") == 0)
      out->cue = 0;
    else
      out->has_cue = FALSE;
    out->words = g_strdup_printf ("%s%s%d %s %d", wd ? weekdays[wd - 1][0] : "", wd ? " " : "", d,
                                  months[m - 1][0], y);
  }
  return TRUE;
}

static int
year_hint (GPtrArray *toks, const char *published)
{
  int y = published_year (published), best = 0;

  if (y)
    return y;
  for (guint i = 0; i < toks->len; i++)
    if (year_number (toks, i, &y) && i > 0 && month_of (toks->pdata[i - 1]))
      best = MAX (best, y);
  return best;
}

gboolean
px_normalize_infer_published (const char  *text,
                              const char  *published,
                              char       **out_iso,
                              char       **out_note)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GPtrArray) toks = NULL;
  g_autoptr(GDate) full = parse_published (published);
  gboolean found = FALSE, cue = FALSE;
  guint32 best = 0;
  g_autofree char *words = NULL;
  int year;

  g_return_val_if_fail (out_iso != NULL, FALSE);
  *out_iso = NULL;
  if (out_note)
    *out_note = NULL;
  if (text == NULL || full != NULL)
    return FALSE;
  ascii = ascii_fold (text);
  toks = tokenize (ascii);
  year = year_hint (toks, published);
  for (guint i = 0; i < toks->len; i++)
    {
      DateFound f = { 0 };
      g_autoptr(GDate) date = NULL;
      g_autofree char *iso = NULL;
      guint32 pub;

      if (!date_at (toks, i, year, &f))
        continue;
      pub = f.julian + (f.has_cue ? f.cue : 0);
      date = g_date_new_julian (pub);
      iso = format_gdate (date);
      /* A partial publication date ("2022-03") holds the answer. */
      if (published != NULL && *published && !g_str_has_prefix (iso, published))
        {
          g_free (f.words);
          continue;
        }
      /* A cue ("demain jeudi 27 février") says the day; else the latest
       * date the text gives is the best guess: news reports the past. */
      if ((f.has_cue && (!cue || pub > best)) || (!cue && !f.has_cue && pub > best))
        {
          best = pub;
          cue = f.has_cue;
          found = TRUE;
          g_free (words);
          words = g_steal_pointer (&f.words);
        }
      g_free (f.words);
    }
  if (!found)
    return FALSE;
  {
    g_autoptr(GDate) date = g_date_new_julian (best);

    *out_iso = format_gdate (date);
  }
  if (out_note)
    *out_note = g_strdup_printf (cue ? "inferred from \"%s\" and the words around it"
                                     : "inferred: the latest date in the text, \"%s\"", words);
  return TRUE;
}

char *
px_normalize_reference_date (const char  *text,
                             const char  *published,
                             gboolean    *out_inferred,
                             char       **out_note)
{
  g_autoptr(GDate) full = parse_published (published);
  char *iso = NULL;

  if (out_inferred)
    *out_inferred = FALSE;
  if (out_note)
    *out_note = NULL;
  if (full != NULL)
    return format_gdate (full);
  if (!px_normalize_infer_published (text, published, &iso, out_note))
    return published != NULL && *published ? g_strdup (published) : NULL;
  if (out_inferred)
    *out_inferred = TRUE;
  return iso;
}
