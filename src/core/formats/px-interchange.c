/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-interchange.c: the format-neutral document model, and reading files
 * whose text must be kept byte for byte. */
#include "px-interchange.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "px-error.h"
#include "px-files.h"
#include "px-import.h"

PxIxSpan *
px_ix_span_new (const char *id, const char *label, gsize start, gsize end)
{
  PxIxSpan *span = g_new0 (PxIxSpan, 1);
  PxSpan frag = { start, end };

  span->id = g_strdup (id);
  span->label = g_strdup (label);
  span->fragments = g_array_new (FALSE, FALSE, sizeof (PxSpan));
  g_array_append_val (span->fragments, frag);
  return span;
}

void
px_ix_span_free (PxIxSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->id);
  g_free (span->label);
  g_array_unref (span->fragments);
  g_free (span->note);
  g_free (span);
}

gsize
px_ix_span_start (const PxIxSpan *span)
{
  return g_array_index (span->fragments, PxSpan, 0).start;
}

gsize
px_ix_span_end (const PxIxSpan *span)
{
  return g_array_index (span->fragments, PxSpan, span->fragments->len - 1).end;
}

char *
px_ix_span_text (const PxIxSpan *span, const char *text)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < span->fragments->len; i++)
    {
      const PxSpan *f = &g_array_index (span->fragments, PxSpan, i);
      const char *a = g_utf8_offset_to_pointer (text, f->start);
      const char *b = g_utf8_offset_to_pointer (a, f->end - f->start);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, a, b - a);
    }
  return g_string_free (out, FALSE);
}

PxIxEvent *
px_ix_event_new (const char *id, const char *type, const char *trigger)
{
  PxIxEvent *event = g_new0 (PxIxEvent, 1);

  event->id = g_strdup (id);
  event->type = g_strdup (type);
  event->trigger = g_strdup (trigger);
  event->args = g_ptr_array_new ();
  return event;
}

void
px_ix_event_add_arg (PxIxEvent *event, const char *role, const char *ref)
{
  PxIxArg *arg = g_new0 (PxIxArg, 1);

  arg->role = g_strdup (role);
  arg->ref = g_strdup (ref);
  g_ptr_array_add (event->args, arg);
}

void
px_ix_event_free (PxIxEvent *event)
{
  if (event == NULL)
    return;
  for (guint i = 0; i < event->args->len; i++)
    {
      PxIxArg *arg = g_ptr_array_index (event->args, i);

      g_free (arg->role);
      g_free (arg->ref);
      g_free (arg);
    }
  g_ptr_array_unref (event->args);
  g_free (event->id);
  g_free (event->type);
  g_free (event->trigger);
  g_free (event);
}

PxIxRelation *
px_ix_relation_new (const char *id, const char *type,
                    const char *role1, const char *ref1,
                    const char *role2, const char *ref2)
{
  PxIxRelation *rel = g_new0 (PxIxRelation, 1);

  rel->id = g_strdup (id);
  rel->type = g_strdup (type);
  rel->role1 = g_strdup (role1);
  rel->ref1 = g_strdup (ref1);
  rel->role2 = g_strdup (role2);
  rel->ref2 = g_strdup (ref2);
  return rel;
}

void
px_ix_relation_free (PxIxRelation *rel)
{
  if (rel == NULL)
    return;
  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->role1);
  g_free (rel->ref1);
  g_free (rel->role2);
  g_free (rel->ref2);
  g_free (rel);
}

PxIxDocument *
px_ix_document_new (const char *name, const char *origin, const char *text)
{
  PxIxDocument *doc = g_new0 (PxIxDocument, 1);

  doc->name = g_strdup (name);
  doc->origin = g_strdup (origin);
  doc->text = g_strdup (text != NULL ? text : "");
  doc->n_chars = g_utf8_strlen (doc->text, -1);
  doc->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) px_ix_span_free);
  doc->events = g_ptr_array_new_with_free_func ((GDestroyNotify) px_ix_event_free);
  doc->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) px_ix_relation_free);
  doc->kept_lines = g_ptr_array_new_with_free_func (g_free);
  return doc;
}

void
px_ix_document_free (PxIxDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->name);
  g_free (doc->origin);
  g_free (doc->text);
  g_free (doc->meta_json);
  g_ptr_array_unref (doc->spans);
  g_ptr_array_unref (doc->events);
  g_ptr_array_unref (doc->relations);
  g_ptr_array_unref (doc->kept_lines);
  g_free (doc);
}

PxIxSpan *
px_ix_document_find_span (PxIxDocument *doc, const char *id)
{
  for (guint i = 0; id != NULL && i < doc->spans->len; i++)
    {
      PxIxSpan *span = g_ptr_array_index (doc->spans, i);

      if (g_strcmp0 (span->id, id) == 0)
        return span;
    }
  return NULL;
}

PxIxEvent *
px_ix_document_find_event (PxIxDocument *doc, const char *id)
{
  for (guint i = 0; id != NULL && i < doc->events->len; i++)
    {
      PxIxEvent *event = g_ptr_array_index (doc->events, i);

      if (g_strcmp0 (event->id, id) == 0)
        return event;
    }
  return NULL;
}

char *
px_ix_role_base (const char *role)
{
  gsize len = strlen (role);
  gsize cut = len;

  while (cut > 0 && g_ascii_isdigit (role[cut - 1]))
    cut--;
  /* "Theme1" is never written by brat, and "Arg1" is a name, not a count. */
  if (cut == 0 || cut == len || g_ascii_strtoull (role + cut, NULL, 10) < 2 ||
      role[cut] == '0')
    return g_strdup (role);
  return g_strndup (role, cut);
}

static guint
line_of_offset (const char *data, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* UTF-16 text without a byte order mark has NULs in one byte of most
 * pairs and rarely in the other; a run of NULs is just binary. */
static gboolean
looks_like_utf16 (const char *data, gsize len)
{
  gsize n = MIN (len, 1024) & ~(gsize) 1;
  guint zeros[2] = { 0, 0 };

  if (n < 2)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    zeros[i & 1] += data[i] == '\0';
  return (zeros[0] * 10 >= n / 2 * 9 && zeros[1] * 10 <= n / 2) ||
         (zeros[1] * 10 >= n / 2 * 9 && zeros[0] * 10 <= n / 2);
}

gboolean
px_ix_check_verbatim (const char *data, gsize len, const char *origin, GError **error)
{
  const char *bad = NULL;

  /* A UTF-16 file would have to be converted, and conversion changes what
   * the offsets count; say so rather than guess. */
  if (len >= 2 && (((guint8) data[0] == 0xff && (guint8) data[1] == 0xfe) ||
                   ((guint8) data[0] == 0xfe && (guint8) data[1] == 0xff)))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_ENCODING,
                   "%s: the file is UTF-16; offsets point into the exact text, "
                   "so convert it to UTF-8 with the tool that wrote the annotations",
                   origin);
      return FALSE;
    }
  if (len > 0 && memchr (data, '\0', len) != NULL)
    {
      gsize at = (const char *) memchr (data, '\0', len) - data;
      gboolean utf16ish = looks_like_utf16 (data, len);

      g_set_error (error, PX_ERROR, utf16ish ? PX_ERROR_ENCODING : PX_ERROR_BINARY,
                   utf16ish ? "%s:%u: the file looks like UTF-16 without a byte order "
                              "mark; convert it to UTF-8 first"
                            : "%s:%u: the file holds NUL bytes: binary data, not text",
                   origin, line_of_offset (data, at));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, len, &bad))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_ENCODING,
                   "%s:%u: invalid UTF-8 at byte %" G_GSIZE_FORMAT
                   "; offsets need the exact text, so it cannot be converted",
                   origin, line_of_offset (data, bad - data), (gsize) (bad - data));
      return FALSE;
    }
  return TRUE;
}

char *
px_ix_read_text_file (const char *path, gsize max_bytes, gsize *out_len, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if ((data = px_files_read (path, max_bytes, &len, error)) == NULL)
    return NULL;
  if (!px_ix_check_verbatim (data, len, path, error))
    return NULL;
  if (out_len != NULL)
    *out_len = len;
  return g_steal_pointer (&data);
}

PxIxReport *
px_ix_report_new (void)
{
  PxIxReport *report = g_new0 (PxIxReport, 1);

  report->messages = g_ptr_array_new_with_free_func (g_free);
  report->duplicates = g_ptr_array_new ();
  return report;
}

void
px_ix_report_add_duplicate (PxIxReport *report, const char *message)
{
  char *line = g_strdup (message);

  report->n_duplicates++;
  g_ptr_array_add (report->messages, line);
  g_ptr_array_add (report->duplicates, line);
}

gboolean
px_ix_report_is_duplicate (PxIxReport *report, const char *message)
{
  return g_ptr_array_find (report->duplicates, message, NULL);
}

void
px_ix_report_stopped (PxIxReport *report, const char *file, guint line, const char *unit,
                      const char *units, GError **error)
{
  /* The store's words for one failed transaction: true of the document
   * that failed, not of the import. */
  static const char lost[] = "; nothing of this change was saved";
  g_autofree char *prefix = g_strconcat (file, ": ", NULL);
  g_autofree char *where = line > 0 ? g_strdup_printf ("%s:%u", file, line) : g_strdup (file);
  g_autofree char *saved = NULL;
  const char *msg;
  gsize len;

  if (error == NULL || *error == NULL)
    return;
  msg = (*error)->message;
  if (g_str_has_prefix (msg, prefix))
    msg += strlen (prefix);
  len = strlen (msg);
  if (g_str_has_suffix (msg, lost))
    len -= strlen (lost);
  saved = report->n_imported == 0
          ? g_strdup ("nothing was imported before it")
          : g_strdup_printf ("%u %s imported before it %s saved", report->n_imported,
                             report->n_imported == 1 ? unit : units,
                             report->n_imported == 1 ? "is" : "are");
  msg = g_strdup_printf ("%.*s; the import stopped at %s (not imported, nor anything after it); %s",
                         (int) len, msg, where, saved);
  g_free ((*error)->message);
  (*error)->message = (char *) msg;
}

void
px_ix_report_free (PxIxReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->duplicates);
  g_ptr_array_unref (report->messages);
  g_free (report);
}

#define OFFSET_STRIDE 64

struct _PxIxOffsets
{
  const char *text;
  gsize       n_chars;
  gsize       n_bytes;
  gboolean    ascii;
  GArray     *marks;  /* gsize byte offset of every OFFSET_STRIDE-th code point */
};

PxIxOffsets *
px_ix_offsets_new (const char *text)
{
  PxIxOffsets *self = g_new0 (PxIxOffsets, 1);
  gsize cp = 0;
  const char *p;

  self->text = text;
  self->marks = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->ascii = TRUE;
  for (p = text; *p != '\0'; p = g_utf8_next_char (p), cp++)
    {
      if (cp % OFFSET_STRIDE == 0)
        {
          gsize byte = p - text;

          g_array_append_val (self->marks, byte);
        }
      if ((guint8) *p >= 0x80)
        self->ascii = FALSE;
    }
  self->n_chars = cp;
  self->n_bytes = p - text;
  return self;
}

/* NULL when @cp is past the end; the end itself is a valid position. */
const char *
px_ix_offsets_pointer (PxIxOffsets *self, gsize cp)
{
  const char *p;

  if (cp > self->n_chars)
    return NULL;
  if (self->ascii)
    return self->text + cp;
  if (cp == self->n_chars)
    return self->text + self->n_bytes;
  p = self->text + g_array_index (self->marks, gsize, cp / OFFSET_STRIDE);
  for (gsize i = 0; i < cp % OFFSET_STRIDE; i++)
    p = g_utf8_next_char (p);
  return p;
}

void
px_ix_offsets_free (PxIxOffsets *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->marks);
  g_free (self);
}

/* Looks for brat files at most @depth folders down, and at most
 * @budget entries in all, so that a big tree of plain articles costs little. */
static gboolean
folder_has_brat (const char *dir, guint depth, guint *budget)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && *budget > 0 && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;

      (*budget)--;
      if (g_str_has_suffix (name, ".ann") || g_str_equal (name, "annotation.conf"))
        return TRUE;
      path = g_build_filename (dir, name, NULL);
      if (depth > 0 && name[0] != '.' && g_file_test (path, G_FILE_TEST_IS_DIR) &&
          !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (subdirs, g_steal_pointer (&path));
    }
  for (guint i = 0; i < subdirs->len; i++)
    if (folder_has_brat (subdirs->pdata[i], depth - 1, budget))
      return TRUE;
  return FALSE;
}

const char *
px_interchange_guess_format (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *csv = g_build_filename (path, "annotations.csv", NULL);
      guint budget = 5000;

      if (folder_has_brat (path, 3, &budget))
        return "brat";
      return g_file_test (csv, G_FILE_TEST_IS_REGULAR) ? "csv" : NULL;
    }
  if (g_str_has_suffix (lower, ".jsonl") || g_str_has_suffix (lower, ".ndjson"))
    return "jsonl";
  if (g_str_has_suffix (lower, ".csv"))
    return "csv";
  if (g_str_has_suffix (lower, ".ann"))
    return "brat";
  if (g_str_has_suffix (path, ".txt"))
    {
      g_autofree char *stem = g_strndup (path, strlen (path) - 4);
      g_autofree char *ann = g_strconcat (stem, ".ann", NULL);

      if (g_file_test (ann, G_FILE_TEST_IS_REGULAR))
        return "brat";
    }
  return NULL;
}
