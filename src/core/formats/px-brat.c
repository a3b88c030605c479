/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-brat.c: brat standoff .ann parsing and writing.
 *
 * The parser is strict: every line is checked against the text, every id
 * it refers to must exist, and the first problem is reported with the file
 * and the line. A wrong offset is worse than no annotation.
 */
#include "px-brat.h"

#include <string.h>

#include "px-error.h"

typedef struct
{
  char  *ref;
  guint  line;
  char   want;  /* 'T': a span; 'A': a span or an event; '*': anything */
  char  *what;  /* "E3" or "A1", for the message */
} PendingRef;

typedef struct
{
  char  *target;
  char  *text;
  char  *raw;
  guint  line;
} PendingNote;

typedef struct
{
  PxIxDocument *doc;
  const char   *origin;
  PxIxOffsets  *offsets;
  GHashTable   *ids;        /* id → first line, as GUINT_TO_POINTER */
  GArray       *refs;       /* PendingRef */
  GArray       *notes;      /* PendingNote */
  GPtrArray    *spans;
  GPtrArray    *events;
  GPtrArray    *relations;
  GPtrArray    *kept;
} Parser;

static void
pending_ref_clear (gpointer data)
{
  PendingRef *ref = data;

  g_free (ref->ref);
  g_free (ref->what);
}

static void
pending_note_clear (gpointer data)
{
  PendingNote *note = data;

  g_free (note->target);
  g_free (note->text);
  g_free (note->raw);
}

static void
parser_init (Parser *p, PxIxDocument *doc, const char *origin)
{
  p->doc = doc;
  p->origin = origin;
  p->offsets = px_ix_offsets_new (doc->text);
  p->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->refs = g_array_new (FALSE, TRUE, sizeof (PendingRef));
  g_array_set_clear_func (p->refs, pending_ref_clear);
  p->notes = g_array_new (FALSE, TRUE, sizeof (PendingNote));
  g_array_set_clear_func (p->notes, pending_note_clear);
  p->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) px_ix_span_free);
  p->events = g_ptr_array_new_with_free_func ((GDestroyNotify) px_ix_event_free);
  p->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) px_ix_relation_free);
  p->kept = g_ptr_array_new_with_free_func (g_free);
}

static void
parser_clear (Parser *p)
{
  px_ix_offsets_free (p->offsets);
  g_hash_table_unref (p->ids);
  g_array_unref (p->refs);
  g_array_unref (p->notes);
  g_ptr_array_unref (p->spans);
  g_ptr_array_unref (p->events);
  g_ptr_array_unref (p->relations);
  g_ptr_array_unref (p->kept);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (Parser *p, guint line, GError **error, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PX_ERROR, PX_ERROR_PARSE, "%s:%u: %s", p->origin, line, msg);
  return FALSE;
}

static void
want_ref (Parser *p, const char *ref, guint line, char want, const char *what)
{
  PendingRef r = { g_strdup (ref), line, want, g_strdup (what) };

  g_array_append_val (p->refs, r);
}

/* Splits on runs of spaces and tabs, dropping empty pieces. */
static GStrv
split_words (const char *s)
{
  g_auto(GStrv) parts = g_strsplit_set (s, " \t", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (out, g_strdup (parts[i]));
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

static gboolean
split_pair (const char *token, char **out_a, char **out_b)
{
  const char *colon = strrchr (token, ':');

  if (colon == NULL || colon == token || colon[1] == '\0')
    return FALSE;
  *out_a = g_strndup (token, colon - token);
  *out_b = g_strdup (colon + 1);
  return TRUE;
}

static gboolean
parse_offset (const char *s, gsize *out)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (s, 10, 0, G_MAXSIZE, &v, NULL))
    return FALSE;
  *out = v;
  return TRUE;
}

static gint
compare_fragments (gconstpointer a, gconstpointer b)
{
  const PxSpan *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static gboolean
parse_fragments (Parser *p, guint line, const char *spec, GArray *out, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) nums = split_words (parts[i]);
      PxSpan f;

      if (g_strv_length (nums) != 2 || !parse_offset (nums[0], &f.start) ||
          !parse_offset (nums[1], &f.end))
        return fail (p, line, error, "bad offsets '%s' (want 'START END', code points)", parts[i]);
      if (f.start >= f.end)
        return fail (p, line, error, "empty or reversed span %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT,
                     f.start, f.end);
      if (f.end > p->doc->n_chars)
        return fail (p, line, error,
                     "offset %" G_GSIZE_FORMAT " is out of range, past the end of the text "
                     "(%" G_GSIZE_FORMAT " characters)", f.end, p->doc->n_chars);
      g_array_append_val (out, f);
    }
  /* "T1\tPER \ttext": g_strsplit() of nothing gives no part at all. */
  if (out->len == 0)
    return fail (p, line, error, "no offsets (want 'START END', code points)");
  g_array_sort (out, compare_fragments);
  for (guint i = 1; i < out->len; i++)
    if (g_array_index (out, PxSpan, i).start < g_array_index (out, PxSpan, i - 1).end)
      return fail (p, line, error, "fragments of one span overlap");
  return TRUE;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || g_unichar_isspace (c);
}

/* The .ann text cannot hold a line break, so white space matches white
 * space; everything else must be equal. */
static gboolean
span_text_matches (Parser *p, const GArray *frags, const char *given, char **out_expected)
{
  GString *expected = g_string_new (NULL);
  const char *g = given;
  gboolean ok = TRUE;

  for (guint i = 0; i < frags->len; i++)
    {
      const PxSpan *f = &g_array_index (frags, PxSpan, i);
      const char *a = px_ix_offsets_pointer (p->offsets, f->start);
      const char *b = px_ix_offsets_pointer (p->offsets, f->end);

      if (i > 0)
        g_string_append_c (expected, ' ');
      g_string_append_len (expected, a, b - a);
    }
  for (const char *e = expected->str; *e != '\0'; e = g_utf8_next_char (e))
    {
      gunichar ec = g_utf8_get_char (e), gc;

      if (*g == '\0')
        {
          ok = FALSE;
          break;
        }
      gc = g_utf8_get_char (g);
      g = g_utf8_next_char (g);
      if (ec != gc && !(is_space (ec) && is_space (gc)))
        {
          ok = FALSE;
          break;
        }
    }
  if (*g != '\0')
    ok = FALSE;
  *out_expected = g_string_free (expected, FALSE);
  return ok;
}

static gboolean
parse_t (Parser *p, guint line, const char *id, const char *rest, GError **error)
{
  const char *tab = strchr (rest, '\t');
  g_autofree char *head = NULL;
  g_autofree char *expected = NULL;
  const char *space;
  PxIxSpan *span;

  if (tab == NULL)
    return fail (p, line, error, "%s has no text field after its offsets (truncated line?)", id);
  head = g_strndup (rest, tab - rest);
  space = strchr (head, ' ');
  if (space == NULL || space == head)
    return fail (p, line, error, "%s: want 'TYPE START END' before the text", id);
  span = px_ix_span_new (id, NULL, 0, 0);
  span->label = g_strndup (head, space - head);
  g_array_set_size (span->fragments, 0);
  g_ptr_array_add (p->spans, span);
  if (!parse_fragments (p, line, space + 1, span->fragments, error))
    return FALSE;
  if (!span_text_matches (p, span->fragments, tab + 1, &expected))
    return fail (p, line, error, "%s: span text '%s' does not match the .txt, which has '%s' there",
                 id, tab + 1, expected);
  return TRUE;
}

static gboolean
parse_e (Parser *p, guint line, const char *id, const char *rest, GError **error)
{
  g_auto(GStrv) words = split_words (rest);
  g_autofree char *type = NULL, *trigger = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PxIxEvent *event;

  if (words[0] == NULL || !split_pair (words[0], &type, &trigger))
    return fail (p, line, error, "%s: want 'TYPE:TRIGGER' first (truncated line?)", id);
  event = px_ix_event_new (id, type, trigger);
  g_ptr_array_add (p->events, event);
  want_ref (p, trigger, line, 'T', id);
  for (guint i = 1; words[i] != NULL; i++)
    {
      g_autofree char *role = NULL, *ref = NULL;

      g_autofree char *base = NULL;

      if (!split_pair (words[i], &role, &ref))
        return fail (p, line, error, "%s: argument '%s' is not ROLE:ID", id, words[i]);
      /* Parallax stores Theme2 as a second Theme: the same argument in both
       * would be one row, and the event would silently lose an argument. */
      base = px_ix_role_base (role);
      if (!g_hash_table_add (seen, g_strdup_printf ("%s:%s", base, ref)))
        return fail (p, line, error, "%s: %s is the %s argument twice, which Parallax cannot hold",
                     id, ref, base);
      want_ref (p, ref, line, 'A', id);
      px_ix_event_add_arg (event, role, ref);
    }
  return TRUE;
}

static gboolean
parse_r (Parser *p, guint line, const char *id, const char *rest, GError **error)
{
  g_auto(GStrv) words = split_words (rest);
  g_autofree char *r1 = NULL, *a1 = NULL, *r2 = NULL, *a2 = NULL;

  if (g_strv_length (words) != 3 || !split_pair (words[1], &r1, &a1) ||
      !split_pair (words[2], &r2, &a2))
    return fail (p, line, error, "%s: want 'TYPE Arg1:ID Arg2:ID'", id);
  want_ref (p, a1, line, 'A', id);
  want_ref (p, a2, line, 'A', id);
  g_ptr_array_add (p->relations, px_ix_relation_new (id, words[0], r1, a1, r2, a2));
  return TRUE;
}

/* *, A, M and N lines: checked, then kept verbatim. */
static gboolean
parse_kept (Parser *p, guint line, const char *id, const char *rest, const char *raw,
            GError **error)
{
  const char *tab = strchr (rest, '\t');
  g_autofree char *head = tab != NULL && id[0] == 'N' ? g_strndup (rest, tab - rest) : g_strdup (rest);
  g_auto(GStrv) words = split_words (head);
  guint n = g_strv_length (words);

  switch (id[0])
    {
    case '*':
      if (n < 3)
        return fail (p, line, error, "an equivalence needs a type and two ids or more");
      for (guint i = 1; i < n; i++)
        want_ref (p, words[i], line, '*', "*");
      break;
    case 'A':
    case 'M':
      if (n < 2 || n > 3)
        return fail (p, line, error, "%s: want 'NAME ID [VALUE]'", id);
      want_ref (p, words[1], line, '*', id);
      break;
    case 'N':
      if (n != 3)
        return fail (p, line, error, "%s: want 'TYPE ID DATABASE:KEY<TAB>TEXT'", id);
      want_ref (p, words[1], line, '*', id);
      break;
    default:
      g_assert_not_reached ();
    }
  g_ptr_array_add (p->kept, g_strdup (raw));
  return TRUE;
}

static gboolean
parse_note (Parser *p, guint line, const char *id, const char *rest, const char *raw,
            GError **error)
{
  const char *tab = strchr (rest, '\t');
  g_autofree char *head = tab != NULL ? g_strndup (rest, tab - rest) : g_strdup (rest);
  g_auto(GStrv) words = split_words (head);
  PendingNote note;

  if (g_strv_length (words) != 2)
    return fail (p, line, error, "%s: want 'TYPE ID<TAB>TEXT'", id);
  want_ref (p, words[1], line, '*', id);
  if (g_strcmp0 (words[0], "AnnotatorNotes") != 0)
    {
      g_ptr_array_add (p->kept, g_strdup (raw));
      return TRUE;
    }
  note.target = g_strdup (words[1]);
  note.text = g_strdup (tab != NULL ? tab + 1 : "");
  note.raw = g_strdup (raw);
  note.line = line;
  g_array_append_val (p->notes, note);
  return TRUE;
}

/* brat ids are a letter and a number ("T12"); anything else could not be
 * written back with its references intact. */
static gboolean
digits_only (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static gboolean
parse_line (Parser *p, guint line, const char *raw, GError **error)
{
  const char *tab = strchr (raw, '\t');
  g_autofree char *id = NULL;

  if (tab == NULL)
    return fail (p, line, error, "no tab after the id: not a brat line (truncated?)");
  id = g_strndup (raw, tab - raw);
  if (id[0] == '\0' || strchr ("TERAMN#*", id[0]) == NULL)
    return fail (p, line, error, "unknown line type '%s' (brat knows T, E, R, A, M, N, # and *)",
                 id);
  if (id[0] != '*')
    {
      if (!digits_only (id + 1))
        return fail (p, line, error, "id '%s' is not %c and a number", id, id[0]);
      if (strlen (id + 1) > PX_BRAT_MAX_ID_DIGITS)
        return fail (p, line, error, "id '%s' is out of range: brat ids here have at most %u digits",
                     id, PX_BRAT_MAX_ID_DIGITS);
      if (g_hash_table_contains (p->ids, id))
        return fail (p, line, error, "duplicate id %s (first on line %u)", id,
                     GPOINTER_TO_UINT (g_hash_table_lookup (p->ids, id)));
      g_hash_table_insert (p->ids, g_strdup (id), GUINT_TO_POINTER (line));
    }
  switch (id[0])
    {
    case 'T':
      return parse_t (p, line, id, tab + 1, error);
    case 'E':
      return parse_e (p, line, id, tab + 1, error);
    case 'R':
      return parse_r (p, line, id, tab + 1, error);
    case '#':
      return parse_note (p, line, id, tab + 1, raw, error);
    default:
      return parse_kept (p, line, id, tab + 1, raw, error);
    }
}

static gboolean
check_refs (Parser *p, GError **error)
{
  for (guint i = 0; i < p->refs->len; i++)
    {
      const PendingRef *r = &g_array_index (p->refs, PendingRef, i);

      if (!g_hash_table_contains (p->ids, r->ref))
        return fail (p, r->line, error, "%s points at %s, which is not defined", r->what, r->ref);
      if (r->want == 'T' && r->ref[0] != 'T')
        return fail (p, r->line, error, "%s: the trigger %s is not a text-bound (T) annotation",
                     r->what, r->ref);
      if (r->want == 'A' && r->ref[0] != 'T' && r->ref[0] != 'E')
        return fail (p, r->line, error, "%s: argument %s is neither a span (T) nor an event (E)",
                     r->what, r->ref);
    }
  return TRUE;
}

/* A note on a span becomes the annotation's note; any other is kept. */
static void
attach_notes (Parser *p)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < p->spans->len; i++)
    {
      PxIxSpan *span = g_ptr_array_index (p->spans, i);

      g_hash_table_insert (by_id, span->id, span);
    }
  for (guint i = 0; i < p->notes->len; i++)
    {
      PendingNote *n = &g_array_index (p->notes, PendingNote, i);
      PxIxSpan *span = g_hash_table_lookup (by_id, n->target);

      if (span != NULL && span->note == NULL)
        span->note = g_steal_pointer (&n->text);
      else
        g_ptr_array_add (p->kept, g_steal_pointer (&n->raw));
    }
}

static void
move_all (GPtrArray *from, GPtrArray *to)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_steal_pointer (&from->pdata[i]));
  g_ptr_array_set_size (from, 0);
}

gboolean
px_brat_parse_ann (PxIxDocument *doc, const char *data, gsize len, const char *origin,
                   GError **error)
{
  Parser p = { 0 };
  gboolean ok = TRUE;
  gsize pos = 0;
  guint line = 0;

  if (!px_ix_check_verbatim (data, len, origin, error))
    return FALSE;
  /* A byte order mark is not part of the first id. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;
  parser_init (&p, doc, origin);
  while (ok && pos < len)
    {
      const char *nl = memchr (data + pos, '\n', len - pos);
      gsize end = nl != NULL ? (gsize) (nl - data) : len;
      g_autofree char *raw = g_strndup (data + pos, end - pos);
      gsize rlen = end - pos;

      line++;
      pos = end + 1;
      if (rlen > 0 && raw[rlen - 1] == '\r')
        raw[--rlen] = '\0';
      if (rlen == 0 || strspn (raw, " \t") == rlen)
        continue;
      ok = parse_line (&p, line, raw, error);
    }
  if (ok)
    ok = check_refs (&p, error);
  if (ok)
    {
      attach_notes (&p);
      move_all (p.spans, doc->spans);
      move_all (p.events, doc->events);
      move_all (p.relations, doc->relations);
      move_all (p.kept, doc->kept_lines);
    }
  parser_clear (&p);
  return ok;
}

/* ---- Writing ---------------------------------------------------------- */

/* The number of a brat id, or 0 when it has none a counter can follow
 * (too long: such an id is given a new one below). */
static guint64
id_number (const char *id)
{
  guint64 v = 0;

  if (id == NULL || id[0] == '\0' || strlen (id + 1) > PX_BRAT_MAX_ID_DIGITS ||
      !g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT64, &v, NULL))
    return 0;
  return v;
}

static gboolean
usable_id (const char *id, char prefix)
{
  return id != NULL && id[0] == prefix && digits_only (id + 1) && strlen (id + 1) <= PX_BRAT_MAX_ID_DIGITS;
}

static void
note_max (guint64 *max, const char *id, char prefix)
{
  if (id != NULL && id[0] == prefix)
    *max = MAX (*max, id_number (id));
}

static guint64
kept_max (PxIxDocument *doc, char prefix)
{
  guint64 max = 0;

  for (guint i = 0; i < doc->kept_lines->len; i++)
    {
      const char *line = g_ptr_array_index (doc->kept_lines, i);
      const char *tab = strchr (line, '\t');
      g_autofree char *id = tab != NULL ? g_strndup (line, tab - line) : NULL;

      note_max (&max, id, prefix);
    }
  return max;
}

/* Counters are 64-bit and ids at most PX_BRAT_MAX_ID_DIGITS digits long, so
 * "++" never wraps (a 32-bit counter went from T4294967295 to T0). */
void
px_brat_assign_ids (PxIxDocument *doc)
{
  guint64 t = kept_max (doc, 'T'), e = kept_max (doc, 'E'), r = kept_max (doc, 'R');

  for (guint i = 0; i < doc->spans->len; i++)
    note_max (&t, ((PxIxSpan *) g_ptr_array_index (doc->spans, i))->id, 'T');
  for (guint i = 0; i < doc->events->len; i++)
    note_max (&e, ((PxIxEvent *) g_ptr_array_index (doc->events, i))->id, 'E');
  for (guint i = 0; i < doc->relations->len; i++)
    note_max (&r, ((PxIxRelation *) g_ptr_array_index (doc->relations, i))->id, 'R');

  for (guint i = 0; i < doc->spans->len; i++)
    {
      PxIxSpan *span = g_ptr_array_index (doc->spans, i);

      if (!usable_id (span->id, 'T'))
        {
          g_free (span->id);
          span->id = g_strdup_printf ("T%" G_GUINT64_FORMAT, ++t);
        }
    }
  for (guint i = 0; i < doc->events->len; i++)
    {
      PxIxEvent *event = g_ptr_array_index (doc->events, i);

      if (!usable_id (event->id, 'E'))
        {
          g_free (event->id);
          event->id = g_strdup_printf ("E%" G_GUINT64_FORMAT, ++e);
        }
    }
  for (guint i = 0; i < doc->relations->len; i++)
    {
      PxIxRelation *rel = g_ptr_array_index (doc->relations, i);

      if (!usable_id (rel->id, 'R'))
        {
          g_free (rel->id);
          rel->id = g_strdup_printf ("R%" G_GUINT64_FORMAT, ++r);
        }
    }
}

/* A line break cannot live inside an .ann field. */
static void
append_one_line (GString *out, const char *s)
{
  for (const char *c = s; *c != '\0'; c++)
    g_string_append_c (out, (*c == '\n' || *c == '\r') ? ' ' : *c);
}

static void
format_span (GString *out, PxIxDocument *doc, PxIxOffsets *offsets, PxIxSpan *span)
{
  g_string_append_printf (out, "%s\t%s ", span->id, span->label);
  for (guint i = 0; i < span->fragments->len; i++)
    {
      const PxSpan *f = &g_array_index (span->fragments, PxSpan, i);

      g_string_append_printf (out, "%s%" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT,
                              i > 0 ? ";" : "", f->start, f->end);
    }
  g_string_append_c (out, '\t');
  for (guint i = 0; i < span->fragments->len; i++)
    {
      const PxSpan *f = &g_array_index (span->fragments, PxSpan, i);
      const char *a = px_ix_offsets_pointer (offsets, f->start);
      const char *b = px_ix_offsets_pointer (offsets, f->end);
      g_autofree char *piece = g_strndup (a, b - a);

      if (i > 0)
        g_string_append_c (out, ' ');
      append_one_line (out, piece);
    }
  g_string_append_c (out, '\n');
}

char *
px_brat_format_ann (PxIxDocument *doc)
{
  g_autoptr(PxIxOffsets) offsets = px_ix_offsets_new (doc->text);
  GString *out = g_string_new (NULL);
  guint note = kept_max (doc, '#');

  for (guint i = 0; i < doc->spans->len; i++)
    format_span (out, doc, offsets, g_ptr_array_index (doc->spans, i));
  for (guint i = 0; i < doc->events->len; i++)
    {
      PxIxEvent *event = g_ptr_array_index (doc->events, i);

      g_string_append_printf (out, "%s\t%s:%s", event->id, event->type, event->trigger);
      for (guint j = 0; j < event->args->len; j++)
        {
          PxIxArg *arg = g_ptr_array_index (event->args, j);

          g_string_append_printf (out, " %s:%s", arg->role, arg->ref);
        }
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < doc->relations->len; i++)
    {
      PxIxRelation *rel = g_ptr_array_index (doc->relations, i);

      g_string_append_printf (out, "%s\t%s %s:%s %s:%s\n", rel->id, rel->type,
                              rel->role1, rel->ref1, rel->role2, rel->ref2);
    }
  for (guint i = 0; i < doc->spans->len; i++)
    {
      PxIxSpan *span = g_ptr_array_index (doc->spans, i);

      if (span->note == NULL)
        continue;
      g_string_append_printf (out, "#%u\tAnnotatorNotes %s\t", ++note, span->id);
      append_one_line (out, span->note);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < doc->kept_lines->len; i++)
    {
      g_string_append (out, g_ptr_array_index (doc->kept_lines, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* ---- Files ------------------------------------------------------------ */

static char *
stem_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && (g_str_equal (dot, ".txt") || g_str_equal (dot, ".ann")))
    *dot = '\0';
  return g_steal_pointer (&base);
}

static char *
sibling (const char *path, const char *ext)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *stem = stem_of (path);
  g_autofree char *name = g_strconcat (stem, ext, NULL);

  return g_build_filename (dir, name, NULL);
}

PxIxDocument *
px_brat_read_document (const char *path, gsize max_bytes, GError **error)
{
  g_autofree char *txt_path = sibling (path, ".txt");
  g_autofree char *ann_path = sibling (path, ".ann");
  g_autofree char *stem = stem_of (path);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *ann = NULL;
  g_autoptr(PxIxDocument) doc = NULL;
  gsize ann_len = 0;

  text = px_ix_read_text_file (txt_path, max_bytes, NULL, error);
  if (text == NULL)
    return NULL;
  /* The name becomes the title, and is kept as text: a file name that is
   * not UTF-8 is shown as GLib shows it. */
  name = g_filename_display_name (stem);
  doc = px_ix_document_new (name, txt_path, text);
  if (!g_file_test (ann_path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&doc);
  ann = px_ix_read_text_file (ann_path, max_bytes, &ann_len, error);
  if (ann == NULL)
    return NULL;
  if (!px_brat_parse_ann (doc, ann, ann_len, ann_path, error))
    return NULL;
  return g_steal_pointer (&doc);
}

static gboolean
write_file_atomically (const char *path, const char *data, gsize len, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_brat_write_document (PxIxDocument *doc, const char *dir, const char *stem, GError **error)
{
  g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
  g_autofree char *txt_path = g_build_filename (dir, txt_name, NULL);
  g_autofree char *ann_path = g_build_filename (dir, ann_name, NULL);
  g_autofree char *ann = NULL;

  px_brat_assign_ids (doc);
  ann = px_brat_format_ann (doc);
  return write_file_atomically (txt_path, doc->text, strlen (doc->text), error) &&
         write_file_atomically (ann_path, ann, strlen (ann), error);
}
