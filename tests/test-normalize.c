/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Number and date normalisation, French and English forms. */
#include <math.h>
#include <string.h>

#include "px-normalize.h"
#include "px-test-util.h"

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
    /* Weeks and spans. 9 March 2022 is in ISO week 10. */
    { "la semaine prochaine", "2022-03-09", "2022-W11" },
    { "cette semaine", "2022-03-09", "2022-W10" },
    { "last week", "2022-03-09", "2022-W09" },
    { "cette semaine", "2021-01-01", "2020-W53" },
    { "la semaine", "2022-03-09", NULL },
    { "du 10 au 12 mars 2022", NULL, "2022-03-10/2022-03-12" },
    { "10-12 March", "2022-03-09", "2022-03-10/2022-03-12" },
    { "à 10 h 30, le 3 mars 2022", NULL, "2022-03-03" },
    { "dans la nuit de dimanche à lundi", "2022-03-09", "2022-03-06/2022-03-07" },
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

typedef struct
{
  const char *type;
  const char *text;
  const char *published;
  const char *value;   /* NULL: none */
} ValueCase;

static guint
check_values (const ValueCase *cases, guint n)
{
  guint failed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *v = px_normalize_value (cases[i].type, cases[i].text, cases[i].published, "fr");

      if (g_strcmp0 (v, cases[i].value) != 0)
        {
          g_test_message ("%s \"%s\" (published %s) gave %s, expected %s", cases[i].type, cases[i].text,
                          cases[i].published, v, cases[i].value);
          failed++;
        }
    }
  return failed;
}

/* Ranges, bounds and orders of magnitude are values of their own:
 * "2,1 à 2,2 millions" is not 2.1, "des dizaines de milliers" is not 10. */
static void
test_quantities (void)
{
  static const ValueCase cases[] = {
    { "number", "de 2,1 à 2,2 millions de personnes", NULL, "2100000/2200000" },
    { "number", "2,1 à 2,2 millions", NULL, "2100000/2200000" },
    { "number", "entre 10 et 12", NULL, "10/12" },
    { "number", "between 10 and 12", NULL, "10/12" },
    { "number", "deux ou trois", NULL, "2/3" },
    { "number", "10 to 12 million", NULL, "10000000/12000000" },
    { "number", "des dizaines de milliers de vies", NULL, "~20000/100000" },
    { "number", "tens of thousands", NULL, "~20000/100000" },
    { "number", "des centaines", NULL, "~200/1000" },
    { "number", "des milliers de personnes", NULL, "~2000/10000" },
    { "number", "une dizaine", NULL, "~10" },
    { "number", "environ 300", NULL, "~300" },
    { "number", "près de quatre ans", NULL, "~4" },
    { "number", "plus de 2 000 personnes", NULL, ">2000" },
    { "number", "au moins un mort", NULL, ">1" },
    { "number", "moins de 10", NULL, "<10" },
    { "number", "trois personnes", NULL, "3" },
    { "number", "une fillette", NULL, "1" },
    { "number", "neuf blessés", NULL, "9" },
    { "number", "5 %", NULL, "5 %" },
    { "number", "2,1 millions d'euros", NULL, "2100000 EUR" },
    { "number", "trois pour cent", NULL, "3 %" },
    { "number", "Antalya", NULL, NULL },
    { "date", "jeudi", "2025-02-26", "2025-02-27" },
    { "date", "le 18 février", NULL, "--02-18" },
    { "date", "le 18 février", "2025-02-26", "2025-02-18" },
    { "date", "quote", NULL, NULL },
  };

  g_assert_cmpuint (check_values (cases, G_N_ELEMENTS (cases)), ==, 0);
}

/* Value forms read back, as a coder may type them. */
static void
test_value_forms (void)
{
  const char *good_numbers[] = { "3", "-2", "2.5", "~10", ">300", "<10", "2100000/2200000", "5 %", "300 EUR" };
  const char *bad_numbers[] = { "", "beaucoup", "5/3", "1 2 3", ">1/2", "3 verylongunit" };
  const char *good_dates[] = { "2025-02-27", "2025-02", "2025", "--02-18", "2025-W09", "2025-02-26/2025-02-27",
                               "--02-29" };
  const char *bad_dates[] = { "", "jeudi", "2025-02-30", "2025-13", "--02-30", "2025-W60",
                              "2025-02-27/2025-02-20", "2025-02-27x" };
  PxQuantity q;
  PxDateValue d;

  for (guint i = 0; i < G_N_ELEMENTS (good_numbers); i++)
    g_assert_true (px_normalize_parse_quantity (good_numbers[i], &q));
  for (guint i = 0; i < G_N_ELEMENTS (bad_numbers); i++)
    g_assert_false (px_normalize_parse_quantity (bad_numbers[i], &q));
  for (guint i = 0; i < G_N_ELEMENTS (good_dates); i++)
    g_assert_true (px_normalize_parse_date_value (good_dates[i], &d));
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    g_assert_false (px_normalize_parse_date_value (bad_dates[i], &d));
  /* Week 9 of 2025: Monday 24 February to Sunday 2 March. */
  g_assert_true (px_normalize_parse_date_value ("2025-W09", &d));
  {
    g_autoptr(GDate) first = g_date_new_julian (d.first);
    g_assert_cmpint (g_date_get_day (first), ==, 24);
    g_assert_cmpuint (d.last - d.first, ==, 6);
  }
}

/* "au lendemain du bombardement" is the day after an event, not after
 * publication: it stays unresolved rather than a day late. */
static void
test_anchored (void)
{
  const char *anchored[] = { "au lendemain du bombardement", "le lendemain de la rencontre",
                             "à la veille de la visite", "au lendemain", "the day after the strike" };
  g_autofree char *plain = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (anchored); i++)
    {
      g_autofree char *iso = NULL;

      g_assert_false (px_normalize_date (anchored[i], "2022-03-09", &iso));
      g_assert_null (iso);
    }
  g_assert_true (px_normalize_date ("le lendemain", "2022-03-09", &plain));
  g_assert_cmpstr (plain, ==, "2022-03-10");
}

typedef struct
{
  const char *text;
  const char *published;
  const char *iso;   /* NULL: nothing inferred */
  const char *note;  /* a substring of the note */
} InferCase;

static void
test_infer_published (void)
{
  static const InferCase cases[] = {
    /* A cue says the day: "demain jeudi 27 février" is written on the 26th;
     * the weekday gives the year. */
    { "Les ministres se verront demain jeudi 27 février à Antalya (prévu depuis janvier 2025).", NULL,
      "2025-02-26", "jeudi 27 fevrier 2025" },
    { "Ce mercredi 26 février, les ministres sont arrivés. Un bilan de janvier 2024.", NULL, "2025-02-26",
      "and the words around it" },
    { "Aujourd'hui mercredi 26 février, rien.", "2025", "2025-02-26", NULL },
    /* Else the latest date. */
    { "L'invasion a commencé le 24 février 2022. Le 3 mars 2022, les pourparlers ont repris.", NULL,
      "2022-03-03", "the latest date" },
    /* A partial date holds the answer: "le 10 mars" in a paper of March 2022. */
    { "La rencontre a eu lieu le 10 mars, après l'offensive du 24 février.", "2022-03", "2022-03-10", NULL },
    /* 001 of the shared corpus: only "le 24 février", outside March. */
    { "depuis le début de l'invasion russe en Ukraine le 24 février", "2022-03", NULL, NULL },
    /* Nothing to go on; a full date is not inferred. */
    { "Les ministres se rencontrent jeudi.", NULL, NULL, NULL },
    { "le 18 février", NULL, NULL, NULL },
    { "Le 3 mars 2022.", "2022-03-09", NULL, NULL },
    /* A weekday that does not fit its date is not a clue. */
    { "Demain lundi 27 février 2025.", NULL, "2025-02-27", "the latest date" },
  };
  guint failed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL, *note = NULL;
      gboolean ok = px_normalize_infer_published (cases[i].text, cases[i].published, &iso, &note);

      if (ok != (cases[i].iso != NULL) || g_strcmp0 (iso, cases[i].iso) != 0 ||
          (cases[i].note && (note == NULL || strstr (note, cases[i].note) == NULL)))
        {
          g_test_message ("infer: \"%s\" (%s) gave %s (%s), expected %s (%s)", cases[i].text,
                          cases[i].published, iso, note, cases[i].iso, cases[i].note);
          failed++;
        }
    }
  g_assert_cmpuint (failed, ==, 0);
}

/* Relative dates and dates without a year read against the inferred date. */
static void
test_reference_date (void)
{
  static const char text[] = "Ce mercredi 26 février, Lavrov est arrivé. Il verra Kouleba jeudi. "
                             "Les deux hommes s'étaient parlé le 18 février. Rien depuis janvier 2025.";
  gboolean inferred = FALSE;
  g_autofree char *note = NULL;
  g_autofree char *ref = px_normalize_reference_date (text, NULL, &inferred, &note);
  g_autofree char *jeudi = px_normalize_value ("date", "jeudi", ref, "fr");
  g_autofree char *feb18 = px_normalize_value ("date", "le 18 février", ref, "fr");
  g_autofree char *full = px_normalize_reference_date (text, "2025-03-01", &inferred, NULL);

  g_assert_cmpstr (ref, ==, "2025-02-26");
  g_assert_nonnull (note);
  g_assert_cmpstr (jeudi, ==, "2025-02-27");
  g_assert_cmpstr (feb18, ==, "2025-02-18");
  /* A full publication date is taken as it is, not inferred. */
  g_assert_cmpstr (full, ==, "2025-03-01");
  g_assert_false (inferred);
}

/* The forms of the shared corpus (../shared/corpus), each found in its
 * article, normalised as a reader would. */
static void
test_corpus_forms (void)
{
  static const struct { const char *file; ValueCase c; } forms[] = {
    { "000_", { "number", "de 2,1 à 2,2 millions de personnes", NULL, "2100000/2200000" } },
    { "000_", { "date", "mercredi soir", "2022-03-09", "2022-03-09" } },
    { "000_", { "date", "le lendemain", "2022-03-09", "2022-03-10" } },
    { "000_", { "date", "au lendemain", "2022-03-09", NULL } },
    { "000_", { "date", "dimanche", "2022-03-09", "2022-03-06" } },
    { "000_", { "number", "Les deux hommes", NULL, "2" } },
    { "001_", { "date", "le 24 février", "2022-03", "2022-02-24" } },
    { "001_", { "date", "jeudi", "2022-03", NULL } },
    { "001_", { "date", "au lendemain du bombardement", "2022-03", NULL } },
    { "001_", { "number", "trois personnes", NULL, "3" } },
    { "001_", { "number", "une fillette", NULL, "1" } },
    { "001_", { "number", "deux semaines", NULL, "2" } },
    { "003_", { "number", "des dizaines de milliers de vies", NULL, "~20000/100000" } },
    { "003_", { "number", "au moins un mort", NULL, ">1" } },
    { "003_", { "number", "neuf blessés", NULL, "9" } },
    { "003_", { "number", "quatre ans", NULL, "4" } },
    { "003_", { "number", "deux précédentes sessions", NULL, "2" } },
    { "003_", { "date", "lundi soir", "2025-07-22", "2025-07-21" } },
    { "003_", { "date", "en mai", "2025-07-22", "2025-05" } },
    { "003_", { "date", "à la veille de la visite", "2025-07-22", NULL } },
  };
  const char *shared = px_test_shared_dir ();
  g_autofree char *dir = shared ? g_build_filename (shared, "corpus", NULL) : NULL;
  g_autoptr(GDir) d = dir ? g_dir_open (dir, 0, NULL) : NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *name;
  guint failed = 0;

  if (d == NULL)
    {
      g_test_skip ("no ../shared/corpus");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *text = NULL;

      if (strlen (name) > 4 && g_file_get_contents (path, &text, NULL, NULL))
        g_hash_table_insert (texts, g_strndup (name, 4), text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      const char *text = g_hash_table_lookup (texts, forms[i].file);

      if (text == NULL)
        continue;
      /* The form is really in that article (any case). */
      if (strstr (text, forms[i].c.text) == NULL)
        {
          g_autofree char *lower = g_utf8_strdown (text, -1);
          if (strstr (lower, forms[i].c.text) == NULL)
            {
              g_test_message ("\"%s\" is not in %s…", forms[i].c.text, forms[i].file);
              failed++;
            }
        }
      failed += check_values (&forms[i].c, 1);
    }
  g_assert_cmpuint (failed, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/normalize/numbers", test_numbers);
  g_test_add_func ("/normalize/not-numbers", test_not_numbers);
  g_test_add_func ("/normalize/format-number", test_format_number);
  g_test_add_func ("/normalize/dates", test_dates);
  g_test_add_func ("/normalize/quantities", test_quantities);
  g_test_add_func ("/normalize/value-forms", test_value_forms);
  g_test_add_func ("/normalize/anchored", test_anchored);
  g_test_add_func ("/normalize/infer-published", test_infer_published);
  g_test_add_func ("/normalize/reference-date", test_reference_date);
  g_test_add_func ("/normalize/corpus-forms", test_corpus_forms);
  return g_test_run ();
}
