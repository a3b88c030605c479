/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Number and date normalisation, French and English forms. */
#include <math.h>

#include "px-normalize.h"

typedef struct
{
  const char *text;
  const char *lang;
  double      value;
} NumberCase;

static void
test_numbers (void)
{
  static const NumberCase cases[] = {
    { "3", "fr", 3 },
    { "trois", "fr", 3 },
    { "trois personnes", "fr", 3 },
    { "vingt et un", "fr", 21 },
    { "dix-sept", "fr", 17 },
    { "soixante-dix", "fr", 70 },
    { "quatre-vingts", "fr", 80 },
    { "quatre-vingt-dix-neuf", "fr", 99 },
    { "deux cent mille", "fr", 200000 },
    { "trois millions", "fr", 3000000 },
    { "2,1 millions", "fr", 2100000 },
    { "2,1", "fr", 2.1 },
    { "1 200", "fr", 1200 },
    { "1\u00a0200", "fr", 1200 },
    { "1\u202f200 morts", "fr", 1200 },
    { "1.200.000", "fr", 1200000 },
    { "1,200", "en", 1200 },
    { "1,200,000", "en", 1200000 },
    { "1.5 million", "en", 1500000 },
    { "3 milliards", "fr", 3e9 },
    { "2.5 billion", "en", 2.5e9 },
    { "environ 300", "fr", 300 },
    { "plus de 2 000 personnes", "fr", 2000 },
    { "une dizaine", "fr", 10 },
    { "a dozen", "en", 12 },
    { "twenty-one", "en", 21 },
    { "one hundred and five", "en", 105 },
    { "at least 40", "en", 40 },
    { "une fillette", "fr", 1 },
    { "zéro", "fr", 0 },
    { "vingt-cinq", "fr", 25 },
    { "Vingt-Cinq blessés", "fr", 25 },
    { "trente et un", "fr", 31 },
    { "trente-et-un", "fr", 31 },
    { "soixante et onze", "fr", 71 },
    { "soixante-seize", "fr", 76 },
    { "quatre-vingt-onze", "fr", 91 },
    { "cent", "fr", 100 },
    { "deux cents", "fr", 200 },
    { "cent vingt", "fr", 120 },
    { "mille", "fr", 1000 },
    { "trois mille cinq cents", "fr", 3500 },
    { "deux millions", "fr", 2000000 },
    { "1,5 million", "fr", 1500000 },
    { "2,1 millions d'euros", "fr", 2100000 },
    { "12 000", "fr", 12000 },
    { "quelque 1 500 réfugiés", "fr", 1500 },
    { "près de 3 000", "fr", 3000 },
    { "au moins douze", "fr", 12 },
    { "une centaine", "fr", 100 },
    { "un millier", "fr", 1000 },
    { "14", "fr", 14 },
    { "nine", "en", 9 },
    { "Seventy-five", "en", 75 },
    { "a hundred", "en", 100 },
    { "a thousand", "en", 1000 },
    { "two million", "en", 2000000 },
    { "2.1 million people", "en", 2100000 },
    { "more than 2,000", "en", 2000 },
    { "nearly 300", "en", 300 },
    { "three hundred", "en", 300 },
  };
  guint n_failed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double v = -1;

      if (!px_normalize_number (cases[i].text, cases[i].lang, &v) || fabs (v - cases[i].value) > 1e-6)
        {
          g_test_message ("number: \"%s\" (%s) gave %g, expected %g", cases[i].text, cases[i].lang,
                          v, cases[i].value);
          n_failed++;
        }
    }
  g_assert_cmpuint (n_failed, ==, 0);
}

static void
test_not_numbers (void)
{
  static const char *cases[] = { "", "Marioupol", "le ministre", "hier soir", "the minister",
                                 "Kuleba", "des civils" };
  double v;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_false (px_normalize_number (cases[i], "fr", &v));
}

static void
test_format_number (void)
{
  g_autofree char *a = px_normalize_format_number (2100000);
  g_autofree char *b = px_normalize_format_number (1.5);

  g_assert_cmpstr (a, ==, "2100000");
  g_assert_cmpstr (b, ==, "1.5");
}

typedef struct
{
  const char *text;
  const char *published;
  const char *iso;   /* NULL: not resolvable */
} DateCase;

static void
test_dates (void)
{
  /* 9 March 2022 was a Wednesday. */
  static const DateCase cases[] = {
    { "10 mars 2022", NULL, "2022-03-10" },
    { "le 1er mars 2022", NULL, "2022-03-01" },
    { "10 mars", "2022-03-09", "2022-03-10" },
    { "le 24 février", "2022-03-09", "2022-02-24" },
    { "March 10, 2022", NULL, "2022-03-10" },
    { "March 10", "2022-03-09", "2022-03-10" },
    { "10 March 2022", NULL, "2022-03-10" },
    { "2022-03-10", NULL, "2022-03-10" },
    { "10/03/2022", NULL, "2022-03-10" },
    { "mars 2022", NULL, "2022-03" },
    { "en 2021", NULL, "2021" },
    { "jeudi", "2022-03-09", "2022-03-10" },
    { "Jeudi matin", "2022-03-09", "2022-03-10" },
    { "mercredi soir", "2022-03-10", "2022-03-09" },
    { "mercredi", "2022-03-09", "2022-03-09" },
    { "hier", "2022-03-10", "2022-03-09" },
    { "avant-hier", "2022-03-10", "2022-03-08" },
    { "demain", "2022-03-09", "2022-03-10" },
    { "aujourd'hui", "2022-03-09", "2022-03-09" },
    { "le lendemain", "2022-03-09", "2022-03-10" },
    { "lundi dernier", "2022-03-09", "2022-03-07" },
    { "mercredi dernier", "2022-03-09", "2022-03-02" },
    { "dimanche", "2022-03-09", "2022-03-06" },
    { "vendredi prochain", "2022-03-09", "2022-03-11" },
    { "yesterday", "2022-03-10", "2022-03-09" },
    { "ce matin", "2024-03-14", "2024-03-14" },
    { "cet après-midi", "2024-03-14", "2024-03-14" },
    { "this morning", "2024-03-14", "2024-03-14" },
    { "hier soir", "2024-03-14", "2024-03-13" },
    { "last Monday", "2022-03-09", "2022-03-07" },
    { "on Thursday", "2022-03-09T08:00:00Z", "2022-03-10" },
    { "jeudi", "2022-03", NULL },
    { "jeudi", NULL, NULL },
    { "Antalya", "2022-03-09", NULL },
    { "31 février 2022", NULL, NULL },
    { "March 3", "2022-03-09", "2022-03-03" },
    { "March 3, 2022", NULL, "2022-03-03" },
    { "3 March", "2022-03-09", "2022-03-03" },
    { "3rd March 2022", NULL, "2022-03-03" },
    { "Mar. 3, 2022", NULL, "2022-03-03" },
    { "1st of March 2022", NULL, "2022-03-01" },
    { "le 3 mars", "2022-03-09", "2022-03-03" },
    { "jeudi 10 mars 2022", NULL, "2022-03-10" },
    { "mardi 8 mars", "2022-03-09", "2022-03-08" },
    { "le 8 mars dernier", "2022-03-09", "2022-03-08" },
    { "24 février 2022", NULL, "2022-02-24" },
    { "le 1er janvier", "2022-03-09", "2022-01-01" },
    { "10 décembre", "2022-01-05", "2021-12-10" },
    { "10 janvier", "2022-12-20", "2023-01-10" },
    { "mars", "2022-03-09", "2022-03" },
    { "the day before yesterday", "2022-03-10", "2022-03-08" },
    { "the day after tomorrow", "2022-03-10", "2022-03-12" },
    { "the previous day", "2022-03-10", "2022-03-09" },
    { "the day before", "2022-03-10", "2022-03-09" },
    { "the day after", "2022-03-09", "2022-03-10" },
    { "the next day", "2022-03-09", "2022-03-10" },
    { "la veille", "2022-03-10", "2022-03-09" },
    { "dans la soirée de mercredi", "2022-03-10", "2022-03-09" },
    { "jeudi dernier", "2022-03-09", "2022-03-03" },
    { "Thursday", "2022-03-09", "2022-03-10" },
    { "Wednesday night", "2022-03-10", "2022-03-09" },
    { "on Monday", "2022-03-09", "2022-03-07" },
    { "tomorrow", "2022-03-09", "2022-03-10" },
    { "today", "2022-03-09", "2022-03-09" },
    { "tonight", "2022-03-09", "2022-03-09" },
    { "ce soir", "2022-03-09", "2022-03-09" },
    { "cette nuit", "2022-03-09", "2022-03-09" },
    { "samedi", "2024-03-14", "2024-03-16" },
    { "mercredi soir", "2022-03-09", "2022-03-09" },
    { "the day before", NULL, NULL },
    { "la semaine prochaine", "2022-03-09", NULL },
  };
  guint n_failed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;
      gboolean ok = px_normalize_date (cases[i].text, cases[i].published, &iso);

      if (ok != (cases[i].iso != NULL) || g_strcmp0 (iso, cases[i].iso) != 0)
        {
          g_test_message ("date: \"%s\" (published %s) gave %s, expected %s", cases[i].text,
                          cases[i].published, ok ? iso : "nothing", cases[i].iso);
          n_failed++;
        }
    }
  g_assert_cmpuint (n_failed, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/normalize/numbers", test_numbers);
  g_test_add_func ("/normalize/not-numbers", test_not_numbers);
  g_test_add_func ("/normalize/format-number", test_format_number);
  g_test_add_func ("/normalize/dates", test_dates);
  return g_test_run ();
}
