/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-event-grid.c: story events × roles × articles.
 *
 * Groups are the user's story events; events nobody linked yet join a group
 * through the engine's own link suggestions, so a fresh corpus still gets a
 * grid (those groups are flagged as suggested).
 */
#include <stdlib.h>
#include <string.h>

#include "px-event-grid.h"
#include "px-align.h"
#include "px-normalize.h"
#include "px-quotes.h"
#include "px-text.h"

/* Normalised quotes start with this, so that rewordings can agree. */
#define QUOTE_PREFIX "quote:"

#define SUGGEST_MIN_SCORE 0.4

/* One value of a cell, as compared. */
typedef struct
{
  char *type;
  char *norm;
  char *name;
  char *label;
} Item;

static void
item_free (gpointer p)
{
  Item *item = p;

  g_free (item->type);
  g_free (item->norm);
  g_free (item->name);
  g_free (item->label);
  g_free (item);
}


typedef struct
{
  guint           article;
  guint           index;
  PxCompareEvent *ev;
  GPtrArray      *values;   /* Item: the argument values, for suggestions */
  char           *date;     /* first full Time date, or NULL */
} EvRef;

char *
px_event_grid_normalise_value (const PxCompareArticle *article,
                               const PxCompareMention *m)
{
  g_autofree char *key = px_text_match_key (m->text);
  const char *type = px_compare_mention_value_type (m);
  char *out = NULL;

  /* Values are compared as values, never by entity id: a coder's value
   * first, else the one read from the text. */
  if (g_strcmp0 (type, "quote") == 0)
    return g_strconcat (QUOTE_PREFIX, key, NULL);
  if (type != NULL && m->coder_value != NULL)
    return g_strdup (m->coder_value);
  if (type != NULL)
    {
      out = px_normalize_value (type, m->text, article->reference, article->language);
      return out != NULL ? out : g_strconcat ("?", key, NULL);
    }
  if (m->entity_id > 0)
    return g_strdup_printf ("entity:%" G_GINT64_FORMAT, m->entity_id);
  return g_steal_pointer (&key);
}

/* ---- Suggestions ------------------------------------------------------ */

static Item *
item_new (const PxCompareMention *m, char *norm)
{
  Item *item = g_new0 (Item, 1);
  const char *type = px_compare_mention_value_type (m);

  item->type = g_strdup (type);
  item->norm = norm;
  item->name = g_strdup (type == NULL && m->entity_name ? m->entity_name : m->text);
  item->label = g_strdup (m->label);
  return item;
}

static void
evref_fill (EvRef *r, const PxCompareArticle *art)
{
  r->values = g_ptr_array_new_with_free_func (item_free);
  for (guint i = 0; i < r->ev->args->len; i++)
    {
      PxCompareArg *arg = &g_array_index (r->ev->args, PxCompareArg, i);
      const PxCompareMention *m;
      char *v;

      if (arg->mention < 0)
        continue;
      m = &g_array_index (art->mentions, PxCompareMention, arg->mention);
      v = px_event_grid_normalise_value (art, m);
      if (r->date == NULL && g_strcmp0 (m->label, "DATE") == 0 && strlen (v) == 10 && v[0] != '?')
        r->date = g_strdup (v);
      if (v[0] == '?')
        g_free (v);
      else
        g_ptr_array_add (r->values, item_new (m, v));
    }
}

static int
days_between (const char *a, const char *b)
{
  g_autoptr(GDate) x = g_date_new_dmy (atoi (a + 8), atoi (a + 5), atoi (a));
  g_autoptr(GDate) y = g_date_new_dmy (atoi (b + 8), atoi (b + 5), atoi (b));

  if (!g_date_valid (x) || !g_date_valid (y))
    return 0;
  return abs (g_date_days_between (x, y));
}

static gboolean
same_trigger (const PxCompareInput *in, const EvRef *a, const EvRef *b)
{
  const PxCompareArticle *aa = g_ptr_array_index (in->articles, a->article);
  const PxCompareArticle *ab = g_ptr_array_index (in->articles, b->article);
  g_autofree char *ka = NULL, *kb = NULL;

  if (a->ev->trigger < 0 || b->ev->trigger < 0)
    return FALSE;
  ka = px_text_match_key (g_array_index (aa->mentions, PxCompareMention, a->ev->trigger).text);
  kb = px_text_match_key (g_array_index (ab->mentions, PxCompareMention, b->ev->trigger).text);
  return ka && kb && strncmp (ka, kb, 5) == 0;
}

/* Same type, then argument overlap (Jaccard), close dates and the trigger
 * word; far-apart dates count against. */
static double
suggestion_score (const PxCompareInput *in, const EvRef *a, const EvRef *b, GString *reason)
{
  guint common = 0, uni;
  double score = 0.2;

  /* An argument is shared when it agrees with one of the other event's:
   * the same, or compatible (Kouleba / Kuleba, a day in its month). */
  for (guint i = 0; i < a->values->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < b->values->len && !found; j++)
        {
          const Item *x = a->values->pdata[i], *y = b->values->pdata[j];
          PxValueItem vx = { x->type, x->norm, x->name, x->label }, vy = { y->type, y->norm, y->name, y->label };

          found = px_value_compare (&vx, &vy, NULL) <= PX_VALUE_COMPATIBLE;
        }
      common += found;
    }
  uni = a->values->len + b->values->len - common;
  if (uni > 0 && common > 0)
    {
      score += 0.6 * common / uni;
      g_string_append_printf (reason, "%u shared argument%s", common, common > 1 ? "s" : "");
    }
  if (a->date && b->date)
    {
      int days = days_between (a->date, b->date);

      score += days <= 1 ? 0.3 : days > 3 ? -0.3 : 0;
      if (days <= 1)
        g_string_append_printf (reason, "%sclose dates", reason->len ? ", " : "");
    }
  if (same_trigger (in, a, b))
    {
      score += 0.2;
      g_string_append_printf (reason, "%ssame trigger word", reason->len ? ", " : "");
    }
  return score;
}

static int
cmp_suggestion (gconstpointer a, gconstpointer b)
{
  double x = ((const PxEventLinkSuggestion *) a)->score;
  double y = ((const PxEventLinkSuggestion *) b)->score;

  return x > y ? -1 : x < y;
}

static void
suggestion_clear (gpointer p)
{
  g_free (((PxEventLinkSuggestion *) p)->reason);
}

static GArray *
suggest_links (const PxCompareInput *in, GArray *refs)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (PxEventLinkSuggestion));

  g_array_set_clear_func (out, suggestion_clear);
  for (guint i = 0; i < refs->len; i++)
    for (guint j = i + 1; j < refs->len; j++)
      {
        EvRef *a = &g_array_index (refs, EvRef, i), *b = &g_array_index (refs, EvRef, j);
        g_autoptr(GString) reason = g_string_new (NULL);
        PxEventLinkSuggestion s;
        double score;

        if (a->article == b->article || strcmp (a->ev->type, b->ev->type) != 0)
          continue;
        if (a->ev->story_event_id > 0 && a->ev->story_event_id == b->ev->story_event_id)
          continue;
        score = suggestion_score (in, a, b, reason);
        if (score < SUGGEST_MIN_SCORE)
          continue;
        s = (PxEventLinkSuggestion) { a->article, a->ev->id, b->article, b->ev->id, MIN (score, 1.0),
                                      g_string_free (g_steal_pointer (&reason), FALSE) };
        g_array_append_val (out, s);
      }
  g_array_sort (out, cmp_suggestion);
  return out;
}

/* ---- Groups ----------------------------------------------------------- */

static guint
uf_find (guint *parent, guint i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

static void
uf_union (guint *parent, guint a, guint b)
{
  a = uf_find (parent, a);
  b = uf_find (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

static guint
ref_of_event (GArray *refs, guint article, gint64 id)
{
  for (guint i = 0; i < refs->len; i++)
    if (g_array_index (refs, EvRef, i).article == article && g_array_index (refs, EvRef, i).ev->id == id)
      return i;
  g_assert_not_reached ();
}

/* Linked events group by story event; a suggestion joins an unlinked event
 * to its partner's group. Two events the user put into different story
 * events stay apart. Returns the group root of each ref. */
static guint *
group_refs (GArray *refs, GArray *suggestions)
{
  guint *parent = g_new (guint, MAX (refs->len, 1));

  for (guint i = 0; i < refs->len; i++)
    parent[i] = i;
  for (guint i = 0; i < refs->len; i++)
    for (guint j = 0; j < i; j++)
      {
        gint64 si = g_array_index (refs, EvRef, i).ev->story_event_id;

        if (si > 0 && si == g_array_index (refs, EvRef, j).ev->story_event_id)
          {
            uf_union (parent, i, j);
            break;
          }
      }
  for (guint k = 0; k < suggestions->len; k++)
    {
      PxEventLinkSuggestion *s = &g_array_index (suggestions, PxEventLinkSuggestion, k);
      guint a = ref_of_event (refs, s->a_article, s->a_event_id);
      guint b = ref_of_event (refs, s->b_article, s->b_event_id);

      if (g_array_index (refs, EvRef, a).ev->story_event_id > 0 &&
          g_array_index (refs, EvRef, b).ev->story_event_id > 0)
        continue;
      uf_union (parent, a, b);
    }
  return parent;
}

static void
row_free (gpointer p)
{
  PxEventGridRow *row = p;

  /* order_rows() leaves moved-out slots NULL. */
  if (row == NULL)
    return;
  g_free (row->role);
  g_free (row->reason);
  for (guint i = 0; i < PX_ALIGN_MAX_DOCS; i++)
    {
      g_free (row->values[i]);
      g_free (row->normalised[i]);
      g_free (row->reasons[i]);
      g_clear_pointer (&row->items[i], g_ptr_array_unref);
    }
  g_free (row);
}

static void
grid_event_free (gpointer p)
{
  PxEventGridEvent *e = p;

  g_free (e->type);
  g_clear_pointer (&e->rows, g_ptr_array_unref);
  for (guint i = 0; i < PX_ALIGN_MAX_DOCS; i++)
    g_clear_pointer (&e->events[i], g_array_unref);
  g_free (e);
}

static PxEventGridRow *
grid_row (PxEventGridEvent *ge, const char *role)
{
  PxEventGridRow *row;

  for (guint i = 0; i < ge->rows->len; i++)
    if (strcmp (((PxEventGridRow *) ge->rows->pdata[i])->role, role) == 0)
      return ge->rows->pdata[i];
  row = g_new0 (PxEventGridRow, 1);
  row->role = g_strdup (role);
  for (guint i = 0; i < PX_ALIGN_MAX_DOCS; i++)
    row->mention[i] = -1;
  g_ptr_array_add (ge->rows, row);
  return row;
}

static void
append_joined (char **field, const char *value)
{
  char *old = *field;

  *field = old ? g_strconcat (old, "; ", value, NULL) : g_strdup (value);
  g_free (old);
}

/* Adds one event's arguments to its group's rows for its article. */
static void
grid_event_add (PxEventGridEvent *ge, const PxCompareArticle *art, guint a, const EvRef *r)
{
  for (guint i = 0; i < r->ev->args->len; i++)
    {
      PxCompareArg *arg = &g_array_index (r->ev->args, PxCompareArg, i);
      const PxCompareMention *m;
      PxEventGridRow *row;
      g_autofree char *norm = NULL;
      g_auto(GStrv) have = NULL;

      if (arg->mention < 0)
        continue;
      m = &g_array_index (art->mentions, PxCompareMention, arg->mention);
      row = grid_row (ge, arg->role);
      norm = px_event_grid_normalise_value (art, m);
      have = row->normalised[a] ? g_strsplit (row->normalised[a], "; ", -1) : NULL;
      if (have && g_strv_contains ((const char * const *) have, norm))
        continue;
      append_joined (&row->values[a], m->text);
      append_joined (&row->normalised[a], norm);
      /* An unresolved value ("?…", a relative date in an undated paper)
       * is shown but compared with nothing. */
      if (norm[0] != '?')
        {
          if (row->items[a] == NULL)
            row->items[a] = g_ptr_array_new_with_free_func (item_free);
          g_ptr_array_add (row->items[a], item_new (m, g_strdup (norm)));
        }
      if (row->mention[a] < 0)
        row->mention[a] = arg->mention;
    }
}

static PxValueVerdict
compare_items (const Item *x, const Item *y, char **reason)
{
  PxValueItem a = { x->type, x->norm, x->name, x->label };
  PxValueItem b = { y->type, y->norm, y->name, y->label };

  return px_value_compare (&a, &b, reason);
}

/* How well each value of @from is matched in @to: the worst of the best
 * matches, with its reason. */
static PxValueVerdict
cover (GPtrArray *from, GPtrArray *to, char **reason)
{
  PxValueVerdict worst = PX_VALUE_SAME;

  *reason = NULL;
  for (guint i = 0; i < from->len; i++)
    {
      PxValueVerdict best = PX_VALUE_CONFLICT;
      g_autofree char *best_reason = NULL;

      for (guint j = 0; j < to->len && best != PX_VALUE_SAME; j++)
        {
          g_autofree char *why = NULL;
          PxValueVerdict v = compare_items (from->pdata[i], to->pdata[j], &why);

          if (v < best || best_reason == NULL)
            {
              best = MIN (v, best);
              g_free (best_reason);
              best_reason = g_steal_pointer (&why);
            }
        }
      if (best > worst || (best == worst && best != PX_VALUE_SAME && *reason == NULL))
        {
          worst = best;
          g_free (*reason);
          *reason = g_steal_pointer (&best_reason);
        }
    }
  return worst;
}

/* Two articles' values for a role. Saying less is an omission: when every
 * value of one article is matched in the other, the pair is no worse than
 * compatible. In a repeatable role (Participant+) values the other
 * article lacks are omissions too, so they never conflict. */
static PxValueVerdict
compare_sets (GPtrArray *sa, GPtrArray *sb, gboolean repeatable, char **reason)
{
  g_autofree char *ra = NULL, *rb = NULL;
  PxValueVerdict va = cover (sa, sb, &ra);
  PxValueVerdict vb = cover (sb, sa, &rb);
  PxValueVerdict v = MIN (va, vb);

  *reason = g_strdup (va <= vb ? ra : rb);
  if (v == PX_VALUE_SAME && va != vb)
    {
      v = PX_VALUE_COMPATIBLE;
      g_free (*reason);
      *reason = g_strdup ("one article gives fewer values");
    }
  if (v == PX_VALUE_CONFLICT && repeatable)
    {
      g_autofree char *was = g_steal_pointer (reason);

      v = PX_VALUE_CHECK;
      *reason = g_strdup_printf ("check: each names one the other does not (%s)", was);
    }
  return v;
}

static void
add_reason (char **field, const char *reason)
{
  g_auto(GStrv) have = NULL;

  if (reason == NULL)
    return;
  have = *field ? g_strsplit (*field, "; ", -1) : NULL;
  if (have == NULL || !g_strv_contains ((const char * const *) have, reason))
    append_joined (field, reason);
}

/* Compares every pair of articles that both fill the role. */
static void
row_find_conflicts (PxEventGridRow *row, guint n, gboolean repeatable)
{
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        g_autofree char *reason = NULL;
        PxValueVerdict v;

        if (row->items[a] == NULL || row->items[b] == NULL)
          continue;
        v = compare_sets (row->items[a], row->items[b], repeatable, &reason);
        row->verdict = row->compared ? MAX (row->verdict, v) : v;
        row->verdicts[a] = MAX (row->verdicts[a], v);
        row->verdicts[b] = MAX (row->verdicts[b], v);
        row->compared = TRUE;
        if (v == PX_VALUE_SAME)
          continue;
        add_reason (&row->reason, reason);
        add_reason (&row->reasons[a], reason);
        add_reason (&row->reasons[b], reason);
        if (v == PX_VALUE_CONFLICT)
          {
            row->conflict = TRUE;
            row->conflicting |= (1u << a) | (1u << b);
          }
      }
}

static void
order_rows (const PxCompareInput *in, PxEventGridEvent *ge)
{
  const char * const *roles = g_hash_table_lookup (in->roles, ge->type);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (row_free);

  for (guint i = 0; roles && roles[i]; i++)
    for (guint j = 0; j < ge->rows->len; j++)
      if (ge->rows->pdata[j] && strcmp (((PxEventGridRow *) ge->rows->pdata[j])->role, roles[i]) == 0)
        {
          g_ptr_array_add (ordered, ge->rows->pdata[j]);
          ge->rows->pdata[j] = NULL;
        }
  for (guint j = 0; j < ge->rows->len; j++)
    if (ge->rows->pdata[j])
      {
        g_ptr_array_add (ordered, ge->rows->pdata[j]);
        ge->rows->pdata[j] = NULL;
      }
  /* Roles of the type that no article fills still show, as omissions. */
  for (guint i = 0; roles && roles[i]; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < ordered->len; j++)
        seen |= strcmp (((PxEventGridRow *) ordered->pdata[j])->role, roles[i]) == 0;
      if (!seen)
        {
          PxEventGridRow *row = g_new0 (PxEventGridRow, 1);

          row->role = g_strdup (roles[i]);
          for (guint k = 0; k < PX_ALIGN_MAX_DOCS; k++)
            row->mention[k] = -1;
          g_ptr_array_insert (ordered, MIN (i, ordered->len), row);
        }
    }
  g_ptr_array_unref (ge->rows);
  ge->rows = g_steal_pointer (&ordered);
}

static PxEventGridEvent *
grid_event_new (const EvRef *first)
{
  PxEventGridEvent *ge = g_new0 (PxEventGridEvent, 1);

  ge->type = g_strdup (first->ev->type);
  ge->rows = g_ptr_array_new_with_free_func (row_free);
  for (guint i = 0; i < PX_ALIGN_MAX_DOCS; i++)
    ge->events[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  return ge;
}

static void
build_groups (PxEventGrid *grid, const PxCompareInput *in, GArray *refs, guint *parent)
{
  for (guint root = 0; root < refs->len; root++)
    {
      PxEventGridEvent *ge = NULL;

      if (uf_find (parent, root) != root)
        continue;
      for (guint i = root; i < refs->len; i++)
        {
          EvRef *r = &g_array_index (refs, EvRef, i);

          if (uf_find (parent, i) != root)
            continue;
          if (ge == NULL)
            ge = grid_event_new (r);
          if (r->ev->story_event_id > 0)
            ge->story_event_id = r->ev->story_event_id;
          else
            ge->suggested = TRUE;
          g_array_append_val (ge->events[r->article], r->index);
          grid_event_add (ge, g_ptr_array_index (in->articles, r->article), r->article, r);
        }
      if (ge == NULL)
        continue;
      if (ge->story_event_id == 0)
        ge->story_event_id = -g_array_index (refs, EvRef, root).ev->id;
      order_rows (in, ge);
      for (guint k = 0; k < ge->rows->len; k++)
        {
          PxEventGridRow *row = ge->rows->pdata[k];

          row_find_conflicts (row, grid->n_articles,
                              px_compare_input_is_repeatable (in, ge->type, row->role));
          grid->n_conflicts += row->conflict;
          grid->n_checks += row->compared && row->verdict == PX_VALUE_CHECK;
        }
      g_ptr_array_add (grid->events, ge);
    }
}

PxEventGrid *
px_event_grid_compute (const PxCompareInput *in)
{
  PxEventGrid *grid = g_new0 (PxEventGrid, 1);
  g_autoptr(GArray) refs = g_array_new (FALSE, TRUE, sizeof (EvRef));
  g_autofree guint *parent = NULL;

  grid->n_articles = MIN (in->articles->len, PX_ALIGN_MAX_DOCS);
  grid->events = g_ptr_array_new_with_free_func (grid_event_free);
  for (guint a = 0; a < grid->n_articles; a++)
    {
      PxCompareArticle *art = g_ptr_array_index (in->articles, a);

      for (guint i = 0; i < art->events->len; i++)
        {
          EvRef r = { a, i, g_ptr_array_index (art->events, i), NULL, NULL };

          evref_fill (&r, art);
          g_array_append_val (refs, r);
        }
    }
  grid->suggestions = suggest_links (in, refs);
  parent = group_refs (refs, grid->suggestions);
  build_groups (grid, in, refs, parent);
  for (guint i = 0; i < refs->len; i++)
    {
      g_ptr_array_unref (g_array_index (refs, EvRef, i).values);
      g_free (g_array_index (refs, EvRef, i).date);
    }
  return grid;
}

void
px_event_grid_free (PxEventGrid *grid)
{
  if (grid == NULL)
    return;
  g_clear_pointer (&grid->events, g_ptr_array_unref);
  g_clear_pointer (&grid->suggestions, g_array_unref);
  g_free (grid);
}
