/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-conll.c: CoNLL-2003 BIO export. */
#include "px-conll.h"

#include <string.h>

typedef struct
{
  gsize       start;
  gsize       end;
  const char *label;
} Chunk;

static gint
compare_chunks (gconstpointer a, gconstpointer b)
{
  const Chunk *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1; /* the longer, outer one first */
  return 0;
}

/* Outermost wins: sorted by start then by length, a chunk that overlaps
 * the last kept one is dropped. */
static GArray *
outermost_chunks (PxIxDocument *doc)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Chunk));
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (Chunk));

  for (guint i = 0; i < doc->spans->len; i++)
    {
      PxIxSpan *span = g_ptr_array_index (doc->spans, i);

      if (span->trigger)
        continue;
      for (guint j = 0; j < span->fragments->len; j++)
        {
          const PxSpan *f = &g_array_index (span->fragments, PxSpan, j);
          Chunk c = { f->start, f->end, span->label };

          g_array_append_val (all, c);
        }
    }
  g_array_sort (all, compare_chunks);
  for (guint i = 0; i < all->len; i++)
    {
      const Chunk *c = &g_array_index (all, Chunk, i);

      if (kept->len > 0 && c->start < g_array_index (kept, Chunk, kept->len - 1).end)
        continue;
      g_array_append_val (kept, *c);
    }
  return kept;
}

/* A tag is one column: white space inside a label becomes '_'. */
static void
append_tag (GString *out, const char *label)
{
  for (const char *p = label; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isspace (*p) ? '_' : *p);
}

char *
px_conll_format_tokens (PxIxDocument *doc, GArray *sentences, GArray *tokens)
{
  g_autoptr(GArray) chunks = outermost_chunks (doc);
  g_autoptr(PxIxOffsets) offsets = px_ix_offsets_new (doc->text);
  GString *out = g_string_new ("-DOCSTART- -X- O\n\n");
  guint c = 0, s = 0;
  gssize last_chunk = -1;
  gboolean open_sentence = FALSE;

  for (guint i = 0; i < tokens->len; i++)
    {
      const PxSpan *t = &g_array_index (tokens, PxSpan, i);
      const char *a = px_ix_offsets_pointer (offsets, t->start);
      const char *b = px_ix_offsets_pointer (offsets, t->end);
      guint sentence = s;

      while (sentence < sentences->len && t->start >= g_array_index (sentences, PxSpan, sentence).end)
        sentence++;
      if (open_sentence && sentence != s)
        g_string_append_c (out, '\n');
      s = sentence;
      open_sentence = TRUE;
      while (c < chunks->len && g_array_index (chunks, Chunk, c).end <= t->start)
        c++;
      g_string_append_len (out, a, b - a);
      g_string_append (out, " -X- _ ");
      if (c < chunks->len && g_array_index (chunks, Chunk, c).start < t->end)
        {
          g_string_append (out, last_chunk == (gssize) c ? "I-" : "B-");
          append_tag (out, g_array_index (chunks, Chunk, c).label);
          last_chunk = c;
        }
      else
        g_string_append_c (out, 'O');
      g_string_append_c (out, '\n');
    }
  if (open_sentence)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

char *
px_conll_format_document (PxIxDocument *doc, const char *lang)
{
  g_autoptr(GArray) sentences = px_text_sentences (doc->text, lang);
  g_autoptr(GArray) tokens = px_text_tokens (doc->text, lang);

  return px_conll_format_tokens (doc, sentences, tokens);
}
