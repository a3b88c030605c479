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

/* Parses a quantity in French or English: digits with French or English
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

/* Formats a number without a useless ".0": "2100000", "1.5". */
char     *px_normalize_format_number (double value);

G_END_DECLS
