/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quotes: marks, matching across articles, speakers. */
#include "px-compare.h"
#include "px-quotes.h"
#include "px-text.h"

static char *
span_text (const char *text, GArray *spans, guint i)
{
  PxSpan *s = &g_array_index (spans, PxSpan, i);

  return px_text_substring (text, s->start, s->end);
}

static void
test_find_marked (void)
{
  const char *text = "Il a dit « Nous reviendrons bientôt » puis “we will stay here” et "
                     "\"rien de plus\" ; « seul » ne compte pas. « Pas fermée\nici ».";
  g_autoptr(GArray) spans = px_quotes_find_marked (text);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  g_assert_cmpuint (spans->len, ==, 3);
  a = span_text (text, spans, 0);
  b = span_text (text, spans, 1);
  c = span_text (text, spans, 2);
  g_assert_cmpstr (a, ==, "Nous reviendrons bientôt");
  g_assert_cmpstr (b, ==, "we will stay here");
  g_assert_cmpstr (c, ==, "rien de plus");
}

static gboolean
speaker_is (const char *text, const char *quote, const char *expected)
{
  const char *p = g_strstr_len (text, -1, quote);
  gsize start = g_utf8_pointer_to_offset (text, p);
  gsize end = start + g_utf8_strlen (quote, -1);
  gsize s, e;
  g_autofree char *name = NULL;

  if (!px_quotes_find_speaker (text, start, end, &s, &e))
    return expected == NULL;
  name = px_text_substring (text, s, e);
  g_test_message ("speaker of %s: %s", quote, name);
  return g_strcmp0 (name, expected) == 0;
}

static void
test_speakers (void)
{
  g_assert_true (speaker_is ("« Nous ferons tout », a déclaré M. Kuleba jeudi.", "Nous ferons tout", "M. Kuleba"));
  g_assert_true (speaker_is ("« Rien n'est joué », selon Claire Vidal.", "Rien n'est joué", "Claire Vidal"));
  g_assert_true (speaker_is ("Selon Paul Arnaud-Ferrer, « la région paiera ».", "la région paiera", "Paul Arnaud-Ferrer"));
  g_assert_true (speaker_is ("Hélène Marchetti a affirmé devant les élus : « personne ne sera seul ».",
                             "personne ne sera seul", "Hélène Marchetti"));
  g_assert_true (speaker_is ("“We will rebuild,” said Jonas Keller.", "We will rebuild,", "Jonas Keller"));
  g_assert_true (speaker_is ("« Il pleut encore », dit-on ici.", "Il pleut encore", NULL));
}

/* Issue 12: more ways news names a speaker. */
static void
test_speaker_patterns (void)
{
  g_assert_true (speaker_is ("« Rien n'est fait », a ajouté mercredi soir Ilya Morov.", "Rien n'est fait", "Ilya Morov"));
  g_assert_true (speaker_is ("« Le travail sera long », a reconnu lundi Dmitri Pesko.", "Le travail sera long", "Dmitri Pesko"));
  g_assert_true (speaker_is ("Mme Vidal a indiqué qu'elle insisterait auprès de son homologue du nord sur « un retrait immédiat ».",
                             "un retrait immédiat", "Mme Vidal"));
  /* A pronoun is not a name. */
  g_assert_true (speaker_is ("Il a souligné des positions « diamétralement opposées ».", "diamétralement opposées", NULL));
}

/* An unbalanced « stops at a mistyped closing mark or at the next
 * opening one, never running over the sentences after it. */
static void
test_unbalanced_marks (void)
{
  const char *text = "La rencontre aura lieu « très probablement à Istanbul« . Puis rien. "
                     "« Jamais fermée. Encore une phrase. « Une vraie citation ici » et la fin.";
  g_autoptr(GArray) spans = px_quotes_find_marked (text);
  g_autofree char *a = NULL, *b = NULL;

  g_assert_cmpuint (spans->len, ==, 2);
  a = span_text (text, spans, 0);
  b = span_text (text, spans, 1);
  g_assert_cmpstr (a, ==, "très probablement à Istanbul");
  g_assert_cmpstr (b, ==, "Une vraie citation ici");
}

static const PxQuote *
quote_starting (const PxQuoteSet *set, guint article, const char *start)
{
  for (guint i = 0; i < set->quotes->len; i++)
    {
      const PxQuote *q = &g_array_index (set->quotes, PxQuote, i);

      if (q->article == article && g_str_has_prefix (q->text, start))
        return q;
    }
  return NULL;
}

/* Several quotes in one sentence share its speaker; an unmarked quote
 * stops before "a-t-il dit" and goes to the last name before it; a
 * pronoun before the quote does the same. */
/* The quote of article @index starting with @start; the test stops when
 * there is none. */
static const PxQuote *
need_quote (PxQuoteSet *set,
            guint       index,
            const char *start)
{
  const PxQuote *q = quote_starting (set, index, start);

  if (q == NULL)
    g_error ("no quote of article %u starts with “%s”", index, start);
  return q;
}

static void
test_sentence_speakers (void)
{
  g_autoptr(PxCompareInput) in = px_compare_input_new ();
  g_autoptr(PxQuoteSet) set = NULL;
  const char *ta = "Mercredi, M. Orvan a parlé aux élus. Je ne crois pas aux miracles mais nous ferons tout pour réussir, "
                   "a-t-il dit, affirmant que rien ne serait simple.";
  const char *tb = "« Je ne crois pas aux miracles mais nous ferons tout pour réussir », a déclaré M. Orvan, "
                   "affirmant que « rien ne serait simple ». Lors de la rencontre, Mme Vidal a indiqué "
                   "qu'elle demanderait « un accord immédiat », « un retour des déplacés » et « des garanties écrites ». "
                   "Ilya Morov, porte-parole, a parlé ensuite. Il a souligné des positions « diamétralement opposées ».";
  const PxQuote *q;

  px_compare_input_add_article (in, 1, "A", "a.example", NULL, "fr", ta);
  px_compare_input_add_article (in, 2, "B", "b.example", NULL, "fr", tb);
  set = px_quotes_compute (in);
  q = need_quote (set, 1, "rien ne serait");
  g_assert_cmpstr (q->speaker, ==, "M. Orvan");
  for (guint i = 0; i < 3; i++)
    {
      static const char *starts[] = { "un accord", "un retour", "des garanties" };

      q = need_quote (set, 1, starts[i]);
      g_assert_cmpstr (q->speaker, ==, "Mme Vidal");
    }
  q = need_quote (set, 1, "diamétralement");
  g_assert_cmpstr (q->speaker, ==, "Ilya Morov");
  q = need_quote (set, 0, "Je ne crois pas");
  g_assert_false (q->marked);
  g_assert_cmpstr (q->text, ==, "Je ne crois pas aux miracles mais nous ferons tout pour réussir");
  g_assert_cmpstr (q->speaker, ==, "M. Orvan");
}

/* What unnamed sources said is never grouped with a named speaker's words. */
static void
test_unnamed_source (void)
{
  g_autoptr(PxCompareInput) in = px_compare_input_new ();
  g_autoptr(PxQuoteSet) set = NULL;
  const PxQuote *a, *b;

  px_compare_input_add_article (in, 1, "A", "a.example", NULL, "fr",
                                "« Les discussions reprendront bientôt à Istanbul », selon plusieurs sources.");
  px_compare_input_add_article (in, 2, "B", "b.example", NULL, "fr",
                                "« Les discussions reprendront bientôt à Istanbul », a déclaré Ilya Morov.");
  set = px_quotes_compute (in);
  a = quote_starting (set, 0, "Les discussions");
  b = quote_starting (set, 1, "Les discussions");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (a->unnamed);
  g_assert_null (a->speaker);
  g_assert_cmpstr (b->speaker, ==, "Ilya Morov");
  g_assert_cmpuint (a->group, !=, b->group);
}

static PxCompareInput *
three_articles (void)
{
  PxCompareInput *in = px_compare_input_new ();
  PxCompareArticle *a, *b;
  PxCompareEvent *ev;
  guint content, speaker;
  const char *ta = "La ministre Hélène Marchetti a parlé. « Personne ne sera laissé seul face à la reconstruction », "
                   "a-t-elle déclaré.";
  const char *tb = "« Personne ne restera seul face à la reconstruction », a promis Hélène Marchetti. "
                   "« Nous voulons des dates », a prévenu Claire Vidal.";
  const char *tc = "La ministre a assuré que personne ne sera laissé seul face à la reconstruction des villages.";

  a = px_compare_input_add_article (in, 1, "A", "a.example", "2024-03-14", "fr", ta);
  speaker = px_compare_article_add_mention (a, 10, 12, 28, "PER", FALSE, 5, "Hélène Marchetti");
  b = px_compare_input_add_article (in, 2, "B", "b.example", "2024-03-15", "fr", tb);
  px_compare_input_add_article (in, 3, "C", "c.example", NULL, "fr", tc);
  /* In a, the Statement event names the speaker explicitly. */
  content = px_compare_article_add_mention (a, 11, 39, 91, "QUOTE", FALSE, 0, NULL);
  ev = px_compare_article_add_event (a, 100, 0, "Statement", -1);
  px_compare_event_add_arg (ev, "Speaker", speaker);
  px_compare_event_add_arg (ev, "Content", content);
  (void) b;
  return in;
}

static void
test_match_across_articles (void)
{
  g_autoptr(PxCompareInput) in = three_articles ();
  g_autoptr(PxQuoteSet) set = px_quotes_compute (in);
  const PxQuote *pledge_a = NULL, *pledge_b = NULL, *pledge_c = NULL, *dates = NULL;

  for (guint i = 0; i < set->quotes->len; i++)
    {
      const PxQuote *q = &g_array_index (set->quotes, PxQuote, i);

      g_test_message ("quote %u [%u] %s — %s", q->article, q->group, q->text, q->speaker);
      if (g_str_has_prefix (q->text, "Nous voulons"))
        dates = q;
      else if (q->article == 0)
        pledge_a = q;
      else if (q->article == 1)
        pledge_b = q;
      else
        pledge_c = q;
    }
  g_assert_nonnull (pledge_a);
  g_assert_nonnull (pledge_b);
  g_assert_nonnull (pledge_c);
  g_assert_nonnull (dates);
  g_assert_cmpuint (pledge_a->group, ==, pledge_b->group);
  g_assert_cmpuint (pledge_a->group, ==, pledge_c->group);
  g_assert_cmpuint (dates->group, !=, pledge_a->group);
  g_assert_true (pledge_a->marked && pledge_b->marked);
  g_assert_false (pledge_c->marked);
  g_assert_cmpuint (px_quote_set_group_articles (set, pledge_a->group), ==, 3);
  g_assert_cmpuint (px_quote_set_group_articles (set, dates->group), ==, 1);
  g_assert_cmpstr (pledge_a->speaker, ==, "Hélène Marchetti");
  g_assert_cmpint (pledge_a->speaker_entity, ==, 5);
  g_assert_cmpstr (pledge_b->speaker, ==, "Hélène Marchetti");
  g_assert_cmpstr (dates->speaker, ==, "Claire Vidal");
  g_assert_cmpuint (set->n_groups, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quotes/find-marked", test_find_marked);
  g_test_add_func ("/quotes/speakers", test_speakers);
  g_test_add_func ("/quotes/speaker-patterns", test_speaker_patterns);
  g_test_add_func ("/quotes/unbalanced-marks", test_unbalanced_marks);
  g_test_add_func ("/quotes/sentence-speakers", test_sentence_speakers);
  g_test_add_func ("/quotes/unnamed-source", test_unnamed_source);
  g_test_add_func ("/quotes/match-across-articles", test_match_across_articles);
  return g_test_run ();
}
