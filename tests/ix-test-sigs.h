/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ix-test-sigs.h: comparing interchange documents by content, not by id.
 *
 * A document becomes two sorted lists of strings: one per text-bound
 * annotation (type, fragments, text) and one per event (type, trigger span,
 * sorted role → argument span). Two documents hold the same annotations
 * when the lists are equal, whatever ids and line order they use. */
#pragma once

#include <string.h>

#include "px-interchange.h"

static inline char *
ix_sig_span (PxIxDocument *doc, PxIxSpan *span)
{
  GString *s = g_string_new (span->label);
  g_autofree char *text = px_ix_span_text (span, doc->text);

  for (guint i = 0; i < span->fragments->len; i++)
    {
      const PxSpan *f = &g_array_index (span->fragments, PxSpan, i);

      g_string_append_printf (s, "%c%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT,
                              i == 0 ? ' ' : ';', f->start, f->end);
    }
  g_string_append_printf (s, " |%s|", text);
  return g_string_free (s, FALSE);
}

static inline char *
ix_sig_ref (PxIxDocument *doc, const char *ref)
{
  PxIxSpan *span = px_ix_document_find_span (doc, ref);
  PxIxEvent *event;

  if (span != NULL)
    return ix_sig_span (doc, span);
  event = px_ix_document_find_event (doc, ref);
  if (event != NULL)
    {
      g_autofree char *trig = ix_sig_ref (doc, event->trigger);

      return g_strdup_printf ("event %s @ %s", event->type, trig);
    }
  return g_strdup_printf ("missing %s", ref);
}

static inline gint
ix_compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

static inline char *
ix_sig_event (PxIxDocument *doc, PxIxEvent *event)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *trig = ix_sig_ref (doc, event->trigger);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < event->args->len; i++)
    {
      PxIxArg *arg = g_ptr_array_index (event->args, i);
      g_autofree char *target = ix_sig_ref (doc, arg->ref);

      g_ptr_array_add (args, g_strdup_printf ("%s=%s", arg->role, target));
    }
  g_ptr_array_sort (args, ix_compare_strings);
  g_string_append_printf (s, "%s @ %s {", event->type, trig);
  for (guint i = 0; i < args->len; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", (char *) args->pdata[i]);
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* All spans then all events, each group sorted, joined by newlines. */
static inline char *
ix_sig_document (PxIxDocument *doc)
{
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < doc->spans->len; i++)
    g_ptr_array_add (spans, ix_sig_span (doc, doc->spans->pdata[i]));
  for (guint i = 0; i < doc->events->len; i++)
    g_ptr_array_add (events, ix_sig_event (doc, doc->events->pdata[i]));
  g_ptr_array_sort (spans, ix_compare_strings);
  g_ptr_array_sort (events, ix_compare_strings);
  for (guint i = 0; i < spans->len; i++)
    g_string_append_printf (s, "T %s\n", (char *) spans->pdata[i]);
  for (guint i = 0; i < events->len; i++)
    g_string_append_printf (s, "E %s\n", (char *) events->pdata[i]);
  return g_string_free (s, FALSE);
}

/* Every DIR/…/X.txt under @dir, sorted. */
static inline void
ix_collect_txt (const char *dir, GPtrArray *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        ix_collect_txt (path, out);
      else if (g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
  g_ptr_array_sort (out, ix_compare_strings);
}
