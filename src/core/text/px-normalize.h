/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-normalize.h: values of event roles turned into comparable forms.
 *
 * The compare engine asks "do these two articles give the same date, the
 * same number?" Surface forms differ ("trois" / "3", "jeudi" / "10 mars"),
 * so both sides are normalised first.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A quantity as news gives it: a number, a range ("2,1 à 2,2 millions",
 * "entre 10 et 12"), a bound ("plus de 300": hi is infinite; "moins de
 * 10": lo is -infinite) or an order of magnitude ("des dizaines de
 * milliers": 20000 to 100000, approximate); with a unit when the text
 * names one ("%", "EUR", "USD", "km", "t"). */
typedef struct
{
  double   lo;
  double   hi;
  gboolean approx;    /* "environ", "about", "une dizaine" */
  gboolean lo_only;   /* parsing detail: "plus de" */
  gboolean hi_only;   /* parsing detail: "moins de" */
  char     unit[8];
} PxQuantity;

gboolean  px_normalize_quantity (const char *text,
                                 const char *lang,
                                 PxQuantity *out);
/* The value form: "3", "~10", "2100000/2200000", ">300", "<10",
 * "~20000/100000", "5 %", "2100000 EUR". */
char     *px_normalize_format_quantity (const PxQuantity *q);
/* Reads a value form back (a coder's too); FALSE when it is not one. */
gboolean  px_normalize_parse_quantity  (const char *value,
                                        PxQuantity *out);

/* A date value read back: the days it may be (Julian day numbers, first
 * to last), or, without a year, its month and day. */
typedef struct
{
  gboolean year_known;
  guint32  first;
  guint32  last;
  int      month;   /* without a year */
  int      day;
} PxDateValue;

/* "2025-02-27", "2025-02", "2025", "--02-18", "2025-W09", and intervals
 * of those joined by "/" ("2025-02-26/2025-02-27"). */
gboolean  px_normalize_parse_date_value (const char  *value,
                                         PxDateValue *out);

/* The value of a mention of a value label: @type "date" (an ISO form, as
 * px_normalize_date()) or "number" (px_normalize_format_quantity()); NULL
 * when the text reads as none, and for "quote" (a speaker is given by an
 * event or the coder, not read from the quote). */
char     *px_normalize_value   (const char *type,
                                const char *text,
                                const char *published,
                                const char *lang);
/* Checks a value a coder typed for a label of @type; the error says what
 * a value looks like. */
gboolean  px_normalize_check_value (const char  *type,
                                    const char  *value,
                                    GError     **error);

/* The first number of a quantity (the low end of a range).
 * Parses a quantity in French or English: digits with French or English
 * separators ("1 200", "2,1", "1,200,000", "1.5"), scale words ("2,1
 * millions" = 2100000, "1.5 million", "3 milliards"), number words ("trois",
 * "vingt et un", "quatre-vingt-dix", "twenty-one", "a dozen"). Leading hedges
 * ("environ", "plus de", "about") and trailing nouns ("trois personnes") are
 * skipped. @lang ("fr", "en" or NULL) decides what a lone "1,500" means.
 * Returns FALSE when no number is found. */
gboolean  px_normalize_number  (const char *text,
                                const char *lang,
                                double     *out_value);

/* A date as an ISO 8601 string: "2022-03-10", or "2022-03" / "2022" when
 * only that much is known. Absolute forms: "10 mars 2022", "le 1er mars",
 * "March 10, 2022", "10 March", "2022-03-10", "10/03/2022". Relative forms
 * ("jeudi", "mercredi soir", "hier", "lundi dernier", "demain", "yesterday",
 * "last Monday") are resolved against @published (ISO, possibly partial or
 * NULL); a weekday alone means the nearest such day within three days of
 * publication, as news uses it. Without a full published date a relative form
 * cannot be resolved and FALSE is returned. */
gboolean  px_normalize_date    (const char  *text,
                                const char  *published,
                                char       **out_iso);

/* A publication date read from the text, for an article whose date is
 * missing or partial (@published NULL, "2022" or "2022-03"): a date with a
 * cue ("demain jeudi 27 février" was written on the 26th, "ce mercredi 26
 * février" on the 26th) wins; else the latest date the text gives. The
 * result stays inside a partial @published. Years come from the text, the
 * partial date, or the weekday ("mercredi 26 février": a year when 26
 * February is a Wednesday). FALSE when @published is already a full date
 * or the text gives no usable date; @out_note says how it was read. */
gboolean  px_normalize_infer_published (const char  *text,
                                        const char  *published,
                                        char       **out_iso,
                                        char       **out_note);

/* The date relative dates in an article are read against: its full
 * publication date, else one inferred from its text (*@out_inferred
 * TRUE, @out_note says how), else the partial date or NULL. */
char     *px_normalize_reference_date  (const char  *text,
                                        const char  *published,
                                        gboolean    *out_inferred,
                                        char       **out_note);

/* Formats a number without a useless ".0": "2100000", "1.5". */
char     *px_normalize_format_number (double value);

G_END_DECLS
