/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Conflicts that mean something: each value pair is same, compatible,
 * check or conflict, with its reason; the gazetteer; the grid on small
 * texts that reproduce the false conflicts measured on real articles
 * (issue 12), and on contradictions planted on purpose; event_grid.csv's
 * verdict and reason columns and the compare CSV guard. */
#include <string.h>

#include "px-compare.h"
#include "px-compare-export.h"
#include "px-error.h"
#include "px-event-grid.h"
#include "px-gazetteer.h"
#include "px-value-compare.h"
#include "px-test-util.h"

typedef struct
{
  const char     *type;
  const char     *a;
  const char     *b;
  PxValueVerdict  want;
  const char     *reason;   /* a substring of the reason, or NULL */
} Case;

static void
run_cases (const Case *cases, guint n, const char *label)
{
  guint failed = 0;

  for (guint i = 0; i < n; i++)
    {
      PxValueItem a = { cases[i].type, cases[i].a, cases[i].a, label };
      PxValueItem b = { cases[i].type, cases[i].b, cases[i].b, label };
      g_autofree char *reason = NULL;
      PxValueVerdict v = px_value_compare (&a, &b, &reason);

      if (v != cases[i].want || (cases[i].reason && (reason == NULL || !strstr (reason, cases[i].reason))))
        {
          g_test_message ("%s / %s: %s (%s), expected %s (%s)", cases[i].a, cases[i].b,
                          px_value_verdict_to_string (v), reason,
                          px_value_verdict_to_string (cases[i].want), cases[i].reason);
          failed++;
        }
    }
  g_assert_cmpuint (failed, ==, 0);
}

static void
test_dates (void)
{
  static const Case cases[] = {
    { "date", "2025-02-27", "2025-02-27", PX_VALUE_SAME, NULL },
    { "date", "2025-02", "2025-02-27", PX_VALUE_COMPATIBLE, "2025-02 is less precise than 2025-02-27" },
    { "date", "2025-02-27", "2025", PX_VALUE_COMPATIBLE, "less precise" },
    { "date", "--02-18", "2025-02-18", PX_VALUE_COMPATIBLE, "the same day, one without its year" },
    { "date", "--02-18", "2025-02", PX_VALUE_COMPATIBLE, NULL },
    { "date", "--02-18", "2025-02-19", PX_VALUE_CONFLICT, "different days" },
    { "date", "--02-18", "--02-18", PX_VALUE_SAME, NULL },
    { "date", "2025-W09", "2025-02-27", PX_VALUE_COMPATIBLE, NULL },
    { "date", "2025-W09", "2025-03-03", PX_VALUE_CONFLICT, NULL },
    { "date", "2025-02-26/2025-02-27", "2025-02-27", PX_VALUE_COMPATIBLE, NULL },
    { "date", "2025-02-27", "2025-03-05", PX_VALUE_CONFLICT, "different dates: 2025-02-27 / 2025-03-05" },
  };

  run_cases (cases, G_N_ELEMENTS (cases), "DATE");
}

static void
test_numbers (void)
{
  static const Case cases[] = {
    { "number", "3", "3", PX_VALUE_SAME, NULL },
    { "number", "12", "14", PX_VALUE_CONFLICT, "different numbers: 12 / 14" },
    { "number", "10", "12", PX_VALUE_CONFLICT, NULL },
    { "number", "2100000/2200000", "2150000", PX_VALUE_COMPATIBLE, "2150000 is inside 2100000/2200000" },
    { "number", "2100000", "2134000", PX_VALUE_COMPATIBLE, "rounding" },
    { "number", "2100000", "2200000", PX_VALUE_CONFLICT, NULL },
    { "number", "~10", "12", PX_VALUE_COMPATIBLE, "approximation" },
    { "number", "~10", "30", PX_VALUE_CONFLICT, NULL },
    { "number", ">300", "312", PX_VALUE_COMPATIBLE, NULL },
    { "number", ">300", "250", PX_VALUE_CONFLICT, NULL },
    { "number", "~20000/100000", "50000", PX_VALUE_COMPATIBLE, NULL },
    { "number", "~20000/100000", "10", PX_VALUE_CONFLICT, NULL },
    { "number", "5 %", "5 EUR", PX_VALUE_CHECK, "different units" },
    { "number", "5 %", "5", PX_VALUE_COMPATIBLE, NULL },
  };

  run_cases (cases, G_N_ELEMENTS (cases), "NUM");
}

static void
test_names (void)
{
  static const Case people[] = {
    { NULL, "Kouleba", "Kuleba", PX_VALUE_COMPATIBLE, "spelling variants" },
    { NULL, "Dmytro Kouleba", "Kuleba", PX_VALUE_COMPATIBLE, "short form" },
    { NULL, "Lavrov", "Sergueï Lavrov", PX_VALUE_COMPATIBLE, "Lavrov is the short form of Sergueï Lavrov" },
    { NULL, "M. Lavrov", "Lavrov", PX_VALUE_SAME, NULL },
    { NULL, "le président Erdogan", "Recep Tayyip Erdogan", PX_VALUE_COMPATIBLE, NULL },
    { NULL, "Lavrov", "Kuleba", PX_VALUE_CONFLICT, "different names" },
    { NULL, "Sergueï Lavrov", "Sergueï Choïgou", PX_VALUE_CONFLICT, NULL },
  };
  static const Case places[] = {
    { NULL, "Ryad", "Riyad", PX_VALUE_COMPATIBLE, NULL },
    { NULL, "Antalya", "Turquie", PX_VALUE_COMPATIBLE, "Antalya is in Turquie" },
    { NULL, "Turkey", "Antalya", PX_VALUE_COMPATIBLE, "Antalya is in Turkey" },
    { NULL, "Doha", "Qatar", PX_VALUE_COMPATIBLE, "Doha is in Qatar" },
    { NULL, "Marioupol", "Ukraine", PX_VALUE_COMPATIBLE, NULL },
    { NULL, "l'Ukraine", "Ukraine", PX_VALUE_SAME, NULL },
    { NULL, "Turquie", "Turkey", PX_VALUE_SAME, "the same place" },
    { NULL, "Antalya", "Ankara", PX_VALUE_CONFLICT, "different places: Antalya / Ankara" },
    { NULL, "Doha", "Riyad", PX_VALUE_CONFLICT, NULL },
    { NULL, "Kastamonu", "Turquie", PX_VALUE_CHECK, "the gazetteer does not know Kastamonu" },
  };

  run_cases (people, G_N_ELEMENTS (people), "PER");
  run_cases (places, G_N_ELEMENTS (places), "GPE");
}

/* The gazetteer shipped in data/ loads, and its parents resolve. */
static void
test_gazetteer (void)
{
  const PxGazetteer *gz = px_gazetteer_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxGazetteer) bad = px_gazetteer_new_from_data ("X\tcity\tNOPE\tX\n", 14, "bad.tsv", &error);
  const GArray *doha, *qatar;

  g_assert_cmpuint (px_gazetteer_get_n_places (gz), >, 200);
  doha = px_gazetteer_lookup (gz, "Doha");
  qatar = px_gazetteer_lookup (gz, "le Qatar");
  g_assert_nonnull (doha);
  g_assert_nonnull (qatar);
  g_assert_true (px_gazetteer_contains (gz, g_array_index (qatar, guint, 0), g_array_index (doha, guint, 0)));
  g_assert_false (px_gazetteer_contains (gz, g_array_index (doha, guint, 0), g_array_index (qatar, guint, 0)));
  g_assert_nonnull (px_gazetteer_lookup (gz, "d’Antalya"));
  g_assert_null (px_gazetteer_lookup (gz, "Atlantis"));
  g_assert_null (bad);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.tsv"));
}

/* ---- The grid --------------------------------------------------------- */

static guint
mention (PxCompareArticle *a, const char *needle, const char *label, gint64 entity_id, const char *entity)
{
  const char *p = strstr (a->text, needle);
  gsize start;

  g_assert_nonnull (p);
  start = g_utf8_pointer_to_offset (a->text, p);
  return px_compare_article_add_mention (a, 0, start, start + g_utf8_strlen (needle, -1), label,
                                         strcmp (label, "Meet") == 0, entity_id, entity);
}

typedef struct
{
  const char *published;
  const char *text;
  const char *participants[3];   /* PER mentions; NULL-ended */
  gint64      entity_ids[3];
  const char *place;
  const char *time;
} MeetArticle;

/* Two articles, each with one Meet event of story event 7. Mentions of
 * different spellings get different entity ids, as nobody merged them. */
static PxCompareInput *
meet_input_linked (const MeetArticle *arts, guint n, gint64 story_event)
{
  PxCompareInput *in = px_compare_input_new ();
  const char *roles[] = { "Participant", "Place", "Time", "Mediator", NULL };

  px_compare_input_set_roles (in, "Meet", roles);
  px_compare_input_set_repeatable (in, "Meet", "Participant");
  for (guint i = 0; i < n; i++)
    {
      PxCompareArticle *a = px_compare_input_add_article (in, i + 1, "t", "s", arts[i].published, "fr",
                                                          arts[i].text);
      PxCompareEvent *ev = px_compare_article_add_event (a, 10 + i, story_event, "Meet",
                                                         mention (a, "rencontr", "Meet", 0, NULL));

      for (guint p = 0; arts[i].participants[p]; p++)
        px_compare_event_add_arg (ev, "Participant",
                                  mention (a, arts[i].participants[p], "PER", arts[i].entity_ids[p],
                                           arts[i].participants[p]));
      if (arts[i].place)
        px_compare_event_add_arg (ev, "Place", mention (a, arts[i].place, "GPE", 100 + i, arts[i].place));
      if (arts[i].time)
        px_compare_event_add_arg (ev, "Time", mention (a, arts[i].time, "DATE", 0, NULL));
    }
  return in;
}

static PxCompareInput *
meet_input (const MeetArticle *arts, guint n)
{
  return meet_input_linked (arts, n, 7);
}

static const PxEventGridRow *
row_of (const PxEventGrid *grid, const char *role)
{
  const PxEventGridEvent *ge;

  g_assert_cmpuint (grid->events->len, ==, 1);
  ge = grid->events->pdata[0];
  for (guint i = 0; i < ge->rows->len; i++)
    if (strcmp (((PxEventGridRow *) ge->rows->pdata[i])->role, role) == 0)
      return ge->rows->pdata[i];
  g_assert_not_reached ();
}

/* The false conflicts of issue 12, on texts of our own with the same
 * forms. 26 February 2025 was a Wednesday. */
static void
test_grid_no_false_conflicts (void)
{
  static const MeetArticle antalya[] = {
    { "2025-02-26", "Kouleba doit rencontrer Lavrov jeudi à Antalya.",
      { "Kouleba", "Lavrov", NULL }, { 1, 2 }, "Antalya", "jeudi" },
    { "2025-02-27", "Dmytro Kuleba et Sergueï Lavrov se sont rencontrés jeudi 27 février en Turquie.",
      { "Dmytro Kuleba", "Sergueï Lavrov", NULL }, { 3, 4 }, "Turquie", "jeudi 27 février" },
  };
  static const MeetArticle doha[] = {
    { "2025-02-26", "Le Qatar accueille les négociateurs ; ils se rencontreront le lendemain à Doha.",
      { NULL }, { 0 }, "Doha", "le lendemain" },
    { "2025-02-26", "Les négociateurs se rencontrent jeudi au Qatar.", { NULL }, { 0 }, "Qatar", "jeudi" },
  };
  static const MeetArticle undated[] = {
    { NULL, "Les ministres se sont rencontrés le 18 février à Riyad.", { NULL }, { 0 }, "Riyad", "le 18 février" },
    { "2025-02-19", "Ils se sont rencontrés le 18 février 2025 à Ryad.", { NULL }, { 0 }, "Ryad", "18 février 2025" },
  };
  g_autoptr(PxCompareInput) in1 = meet_input (antalya, 2);
  g_autoptr(PxCompareInput) in2 = meet_input (doha, 2);
  g_autoptr(PxCompareInput) in3 = meet_input (undated, 2);
  g_autoptr(PxEventGrid) g1 = px_event_grid_compute (in1);
  g_autoptr(PxEventGrid) g2 = px_event_grid_compute (in2);
  g_autoptr(PxEventGrid) g3 = px_event_grid_compute (in3);

  g_assert_cmpuint (g1->n_conflicts, ==, 0);
  g_assert_cmpuint (g2->n_conflicts, ==, 0);
  g_assert_cmpuint (g3->n_conflicts, ==, 0);
  /* Kouleba / Kuleba and Lavrov / Sergueï Lavrov, linked to four entities. */
  g_assert_cmpint (row_of (g1, "Participant")->verdict, ==, PX_VALUE_COMPATIBLE);
  g_assert_nonnull (strstr (row_of (g1, "Participant")->reason, "short form"));
  g_assert_cmpint (row_of (g1, "Place")->verdict, ==, PX_VALUE_COMPATIBLE);
  g_assert_cmpstr (row_of (g1, "Place")->reason, ==, "Antalya is in Turquie");
  g_assert_cmpint (row_of (g1, "Time")->verdict, ==, PX_VALUE_SAME);
  g_assert_cmpstr (row_of (g1, "Time")->normalised[0], ==, "2025-02-27");
  /* "le lendemain" vs "jeudi"; Doha in Qatar. */
  g_assert_cmpint (row_of (g2, "Time")->verdict, ==, PX_VALUE_SAME);
  g_assert_cmpstr (row_of (g2, "Place")->reason, ==, "Doha is in Qatar");
  /* "le 18 février" in an undated article: same day, year unknown. */
  g_assert_cmpstr (row_of (g3, "Time")->normalised[0], ==, "--02-18");
  g_assert_cmpint (row_of (g3, "Time")->verdict, ==, PX_VALUE_COMPATIBLE);
  g_assert_cmpint (row_of (g3, "Place")->verdict, ==, PX_VALUE_COMPATIBLE);
}

/* "Read as entity:4": dates linked to entities (as corpora before schema
 * 4 had them, or a file imported with links) still compare as dates. */
static void
test_grid_linked_dates (void)
{
  g_autoptr(PxCompareInput) in = px_compare_input_new ();
  const char *roles[] = { "Time", NULL };
  const char *texts[2] = { "Ils se rencontrent jeudi.", "Ils se sont rencontrés jeudi 27 février." };
  const char *times[2] = { "jeudi", "jeudi 27 février" };
  g_autoptr(PxEventGrid) grid = NULL;

  px_compare_input_set_roles (in, "Meet", roles);
  for (guint i = 0; i < 2; i++)
    {
      PxCompareArticle *a = px_compare_input_add_article (in, i + 1, "t", "s", "2025-02-26", "fr", texts[i]);
      PxCompareEvent *ev = px_compare_article_add_event (a, i + 1, 7, "Meet", mention (a, "rencontr", "Meet", 0, NULL));

      px_compare_event_add_arg (ev, "Time", mention (a, times[i], "DATE", 4 + i, times[i]));
    }
  grid = px_event_grid_compute (in);
  g_assert_cmpstr (row_of (grid, "Time")->normalised[0], ==, "2025-02-27");
  g_assert_cmpstr (row_of (grid, "Time")->normalised[1], ==, "2025-02-27");
  g_assert_cmpint (row_of (grid, "Time")->verdict, ==, PX_VALUE_SAME);
  g_assert_cmpuint (grid->n_conflicts, ==, 0);
}

/* Events nobody linked are suggested by arguments that agree, not only
 * by the same strings: Kouleba / Kuleba, Antalya / Turquie. */
static void
test_suggest_by_values (void)
{
  static const MeetArticle arts[] = {
    { "2025-02-26", "Kouleba doit rencontrer Lavrov à Antalya.", { "Kouleba", "Lavrov", NULL }, { 1, 2 },
      "Antalya", NULL },
    { "2025-03-20", "Dmytro Kuleba et Sergueï Lavrov se sont rencontrés en Turquie.",
      { "Dmytro Kuleba", "Sergueï Lavrov", NULL }, { 3, 4 }, "Turquie", NULL },
  };
  g_autoptr(PxCompareInput) in = meet_input_linked (arts, 2, 0);
  g_autoptr(PxEventGrid) grid = px_event_grid_compute (in);
  const PxEventLinkSuggestion *s;

  g_assert_cmpuint (grid->suggestions->len, ==, 1);
  s = &g_array_index (grid->suggestions, PxEventLinkSuggestion, 0);
  /* Before, only the trigger word was shared: the names differ as strings. */
  g_assert_true (g_str_has_prefix (s->reason, "3 shared arguments"));
  g_assert_cmpfloat (s->score, >=, 0.9);
  g_assert_cmpuint (grid->events->len, ==, 1);
  g_assert_true (((PxEventGridEvent *) grid->events->pdata[0])->suggested);
}

/* Contradictions planted on purpose are still flagged, with reasons. */
static void
test_grid_planted_conflicts (void)
{
  static const MeetArticle arts[] = {
    { "2025-02-26", "Kuleba doit rencontrer Lavrov jeudi à Antalya.",
      { "Kuleba", "Lavrov", NULL }, { 1, 2 }, "Antalya", "jeudi" },
    { "2025-03-04", "Kuleba et Fidan se sont rencontrés mercredi 5 mars à Ankara.",
      { "Kuleba", "Fidan", NULL }, { 1, 5 }, "Ankara", "mercredi 5 mars" },
  };
  g_autoptr(PxCompareInput) in = meet_input (arts, 2);
  g_autoptr(PxEventGrid) grid = px_event_grid_compute (in);

  g_assert_cmpuint (grid->n_conflicts, ==, 2);
  g_assert_true (row_of (grid, "Place")->conflict);
  g_assert_cmpstr (row_of (grid, "Place")->reason, ==, "different places: Antalya / Ankara");
  g_assert_cmpuint (row_of (grid, "Place")->conflicting, ==, 3);
  g_assert_true (row_of (grid, "Time")->conflict);
  g_assert_cmpstr (row_of (grid, "Time")->reasons[1], ==, "different dates: 2025-02-27 / 2025-03-05");
  /* Lavrov in one, Fidan in the other: a repeatable role, so both may be
   * right. */
  g_assert_false (row_of (grid, "Participant")->conflict);
  g_assert_cmpint (row_of (grid, "Participant")->verdict, ==, PX_VALUE_CHECK);
}

static char *
read_file (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

/* event_grid.csv has the verdict and its reason; values that only start
 * with a sign are data, a formula is neutralised unless raw. */
static void
test_grid_csv (void)
{
  static const MeetArticle arts[] = {
    { NULL, "=1+1 : ils se sont rencontrés le 18 février à Antalya.", { NULL }, { 0 }, "Antalya", "le 18 février" },
    { "2025-02-19", "Ils se sont rencontrés le 18 février 2025 à Ankara.", { NULL }, { 0 }, "Ankara", "18 février 2025" },
  };
  g_autoptr(PxCompareInput) in = meet_input (arts, 2);
  g_autoptr(PxCompareResult) r = px_compare_run (in);
  g_autofree char *dir = px_test_tmpdir ();
  g_autofree char *raw_dir = g_build_filename (dir, "raw", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *grid = NULL, *align = NULL, *raw_align = NULL;

  g_assert_true (px_compare_export_csv (in, r, dir, &error));
  g_assert_true (px_compare_export_csv_with_flags (in, r, raw_dir, PX_CSV_WRITER_RAW, &error));
  g_assert_no_error (error);
  grid = read_file (dir, "event_grid.csv");
  g_assert_nonnull (strstr (grid, ",conflict,verdict,reason\r\n"));
  g_assert_nonnull (strstr (grid, ",Time,1,le 18 février,--02-18,false,compatible,"
                                  "\"the same day, one without its year: --02-18 / 2025-02-18\"\r\n"));
  g_assert_nonnull (strstr (grid, ",Place,2,Ankara,entity:101,true,conflict,different places: Antalya / Ankara\r\n"));
  g_assert_null (strstr (grid, "'--02-18"));
  align = read_file (dir, "alignment.csv");
  raw_align = read_file (raw_dir, "alignment.csv");
  g_assert_nonnull (strstr (align, "'=1+1"));
  g_assert_null (strstr (raw_align, "'=1+1"));
  g_assert_nonnull (strstr (raw_align, "=1+1"));
  px_test_rm_rf (dir);
}

/* ---- The shared pair ------------------------------------------------- */

static char *
shared_text (const char *prefix)
{
  const char *shared = px_test_shared_dir ();
  g_autofree char *dir = shared ? g_build_filename (shared, "corpus", NULL) : NULL;
  g_autoptr(GDir) d = dir ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        char *text = NULL;

        if (g_file_get_contents (path, &text, NULL, NULL))
          return text;
      }
  return NULL;
}

typedef struct
{
  const char *role;
  const char *text;
  const char *label;
  gint64      entity;   /* as a coder linked it, before anyone merged variants */
} Arg;

static void
add_meet (PxCompareInput *in, gint64 id, const char *published, const char *text, const char *trigger,
          const Arg *args, guint n)
{
  PxCompareArticle *a = px_compare_input_add_article (in, id, "t", "s", published, "fr", text);
  PxCompareEvent *ev = px_compare_article_add_event (a, id, 1, "Meet", mention (a, trigger, "Meet", 0, NULL));

  for (guint i = 0; i < n; i++)
    px_compare_event_add_arg (ev, args[i].role,
                              mention (a, args[i].text, args[i].label, args[i].entity,
                                       args[i].entity ? args[i].text : NULL));
}

/* The rule before issue 12 on the same cells: a conflict wherever neither
 * article's normalised strings contain the other's (a month agreeing with
 * its days). It is a lower bound of what it flagged: it also compared
 * dates by the entity ids they were linked to. */
static gboolean
old_rule_conflict (const PxEventGridRow *row, guint n)
{
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        g_auto(GStrv) sa = row->normalised[a] ? g_strsplit (row->normalised[a], "; ", -1) : NULL;
        g_auto(GStrv) sb = row->normalised[b] ? g_strsplit (row->normalised[b], "; ", -1) : NULL;
        gboolean a_in_b = TRUE, b_in_a = TRUE, any_a = FALSE, any_b = FALSE;

        if (sa == NULL || sb == NULL)
          continue;
        for (guint i = 0; sa[i]; i++)
          if (sa[i][0] != '?')
            any_a = TRUE, a_in_b &= g_strv_contains ((const char * const *) sb, sa[i]);
        for (guint i = 0; sb[i]; i++)
          if (sb[i][0] != '?')
            any_b = TRUE, b_in_a &= g_strv_contains ((const char * const *) sa, sb[i]);
        if (any_a && any_b && !a_in_b && !b_in_a)
          return TRUE;
      }
  return FALSE;
}

/* 000 and 001 of ../shared/corpus, the Antalya meeting, annotated as a
 * coder did before variants were merged: each article's spelling is an
 * entity of its own. The real pair has no genuine conflict. */
static void
test_shared_pair (void)
{
  static const Arg a000[] = {
    { "Participant", "Sergueï Lavrov", "PER", 1 }, { "Participant", "M. Kouleba", "PER", 2 },
    { "Place", "Antalya", "GPE", 10 }, { "Place", "Turquie", "GPE", 11 },
    { "Time", "le lendemain", "DATE", 0 }, { "Mediator", "Mevlut Cavusoglu", "PER", 20 },
  };
  static const Arg a001[] = {
    { "Participant", "Lavrov", "PER", 3 }, { "Participant", "Dmytro Kuleba", "PER", 4 },
    { "Place", "Turquie", "GPE", 11 }, { "Place", "Antalya", "GPE", 12 },
    { "Time", "jeudi", "DATE", 0 }, { "Mediator", "M. Cavusoglu", "PER", 21 },
  };
  /* As imported (000 undated, 001 "2022-03"), then with the dates a coder
   * sets by hand. */
  const char *dates[2][2] = { { NULL, "2022-03" }, { "2022-03-09", "2022-03-10" } };
  g_autofree char *t000 = shared_text ("000_");
  g_autofree char *t001 = shared_text ("001_");

  if (t000 == NULL || t001 == NULL)
    {
      g_test_skip ("no ../shared/corpus");
      return;
    }
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(PxCompareInput) in = px_compare_input_new ();
      const char *roles[] = { "Participant", "Place", "Time", "Mediator", NULL };
      g_autoptr(PxEventGrid) grid = NULL;
      const PxEventGridEvent *ge;
      guint old = 0, compared = 0;

      px_compare_input_set_roles (in, "Meet", roles);
      px_compare_input_set_repeatable (in, "Meet", "Participant");
      add_meet (in, 1, dates[k][0], t000, "retrouver", a000, G_N_ELEMENTS (a000));
      add_meet (in, 2, dates[k][1], t001, "rencontrent", a001, G_N_ELEMENTS (a001));
      grid = px_event_grid_compute (in);
      g_assert_cmpuint (grid->events->len, ==, 1);
      ge = grid->events->pdata[0];
      for (guint i = 0; i < ge->rows->len; i++)
        {
          const PxEventGridRow *row = ge->rows->pdata[i];

          old += old_rule_conflict (row, 2);
          compared += row->compared;
          g_test_message ("shared pair, %s dates: %s: %s / %s: %s%s%s", k ? "coder's" : "imported", row->role,
                          row->normalised[0], row->normalised[1],
                          row->compared ? px_value_verdict_to_string (row->verdict) : "not compared",
                          row->reason ? ": " : "", row->reason ? row->reason : "");
        }
      g_test_message ("shared pair, %s dates: %u roles compared, conflicts: %u (the old rule on the same cells: %u)",
                      k ? "coder's" : "imported", compared, grid->n_conflicts, old);
      g_assert_cmpuint (grid->n_conflicts, ==, 0);
      g_assert_cmpuint (old, >=, 3);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/event-grid/verdict/dates", test_dates);
  g_test_add_func ("/event-grid/verdict/numbers", test_numbers);
  g_test_add_func ("/event-grid/verdict/names", test_names);
  g_test_add_func ("/event-grid/gazetteer", test_gazetteer);
  g_test_add_func ("/event-grid/no-false-conflicts", test_grid_no_false_conflicts);
  g_test_add_func ("/event-grid/planted-conflicts", test_grid_planted_conflicts);
  g_test_add_func ("/event-grid/linked-dates", test_grid_linked_dates);
  g_test_add_func ("/event-grid/suggest-by-values", test_suggest_by_values);
  g_test_add_func ("/event-grid/csv", test_grid_csv);
  g_test_add_func ("/event-grid/shared-pair", test_shared_pair);
  return g_test_run ();
}
