/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-csv.c: RFC 4180 CSV, written fast and read strictly.
 *
 * Records end with CRLF, as RFC 4180 says; every CSV reader (Python's csv,
 * R's read.csv, pandas, spreadsheets) accepts it. Files are UTF-8 without a
 * byte order mark unless PX_CSV_WRITER_BOM asks for one: Excel guesses a
 * legacy charset without it, every other reader is better off without. */
#include <string.h>

#include "px-csv.h"
#include "px-error.h"

#define BUFFER_SIZE (64 * 1024)

struct _PxCsvWriter
{
  GOutputStream    *stream;
  PxCsvWriterFlags  flags;
  GString          *buffer;
};

PxCsvWriter *
px_csv_writer_new (GOutputStream    *stream,
                   PxCsvWriterFlags  flags)
{
  PxCsvWriter *self = g_new0 (PxCsvWriter, 1);

  self->stream = g_object_ref (stream);
  self->flags = flags;
  self->buffer = g_string_sized_new (BUFFER_SIZE + 4096);
  if (flags & PX_CSV_WRITER_BOM)
    g_string_append (self->buffer, "\xef\xbb\xbf");
  return self;
}

/* "-2", "+1.5", "-0,25": a number, which a spreadsheet reads as one. */
static gboolean
is_signed_number (const char *cell, gsize len)
{
  gsize i = 1, digits = 0, seps = 0;

  for (; i < len; i++)
    {
      if (g_ascii_isdigit (cell[i]))
        digits++;
      else if ((cell[i] == '.' || cell[i] == ',') && digits > 0 && i + 1 < len && seps++ == 0)
        continue;
      else
        return FALSE;
    }
  return digits > 0;
}

/* "--02-18", "--02": an ISO 8601 date without its year. */
static gboolean
is_iso_without_year (const char *cell, gsize len)
{
  if ((len != 4 && len != 7) || cell[0] != '-' || cell[1] != '-' ||
      !g_ascii_isdigit (cell[2]) || !g_ascii_isdigit (cell[3]))
    return FALSE;
  return len == 4 || (cell[4] == '-' && g_ascii_isdigit (cell[5]) && g_ascii_isdigit (cell[6]));
}

gboolean
px_csv_cell_is_dangerous (const char *cell,
                          gsize       len)
{
  if (cell == NULL || len == 0)
    return FALSE;
  /* An apostrophe in front of what the guard would neutralise is guarded
   * too, so that the reader's removal of one apostrophe is exact. */
  if (cell[0] == '\'')
    return px_csv_cell_is_dangerous (cell + 1, len - 1);
  if (cell[0] == '=' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r')
    return TRUE;
  if (cell[0] != '+' && cell[0] != '-')
    return FALSE;
  /* Data, not formulas: negative numbers and dates without a year. */
  return !is_signed_number (cell, len) && !is_iso_without_year (cell, len);
}

static gboolean
flush (PxCsvWriter  *self,
       GError      **error)
{
  gsize written = 0;

  if (self->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  &written, NULL, error))
    return FALSE;
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

static void
append_cell (PxCsvWriter *self,
             const char  *cell,
             gsize        len)
{
  /* The bytes that force quoting; a table lookup per byte is what keeps
   * this loop off the export's profile. */
  static const guint8 special[256] = { ['"'] = 1, [','] = 1, ['\n'] = 1, ['\r'] = 1 };
  const guint8 *bytes = (const guint8 *) cell;
  gboolean neutralise = !(self->flags & PX_CSV_WRITER_RAW) && px_csv_cell_is_dangerous (cell, len);
  gboolean quote = neutralise;

  for (gsize i = 0; i < len && !quote; i++)
    quote = special[bytes[i]];
  if (!quote)
    {
      g_string_append_len (self->buffer, cell, len);
      return;
    }
  g_string_append_c (self->buffer, '"');
  /* A leading apostrophe makes spreadsheets read the cell as text. */
  if (neutralise)
    g_string_append_c (self->buffer, '\'');
  for (gsize i = 0; i < len; i++)
    {
      const char *q = memchr (cell + i, '"', len - i);
      gsize run = q != NULL ? (gsize) (q - (cell + i)) : len - i;

      g_string_append_len (self->buffer, cell + i, run);
      i += run;
      if (q != NULL)
        g_string_append (self->buffer, "\"\"");
    }
  g_string_append_c (self->buffer, '"');
}

gboolean
px_csv_writer_write_row (PxCsvWriter        *self,
                         const char * const *cells,
                         const gsize        *lengths,
                         guint               n_cells,
                         GError            **error)
{
  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (self->buffer, ',');
      if (cells[i] != NULL)
        append_cell (self, cells[i], lengths != NULL ? lengths[i] : strlen (cells[i]));
    }
  g_string_append (self->buffer, "\r\n");
  if (self->buffer->len >= BUFFER_SIZE)
    return flush (self, error);
  return TRUE;
}

gboolean
px_csv_writer_close (PxCsvWriter  *self,
                     GError      **error)
{
  return flush (self, error) && g_output_stream_close (self->stream, NULL, error);
}

void
px_csv_writer_free (PxCsvWriter *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->stream);
  g_string_free (self->buffer, TRUE);
  g_free (self);
}

/* ---- Reading ---------------------------------------------------------- */

struct _PxCsvReader
{
  const char *data;
  gsize       len;
  gsize       pos;
  guint       line;    /* line the reader is on, from 1 */
  guint       record_line; /* where the record last returned began */
  char       *origin;
};

PxCsvReader *
px_csv_reader_new (const char *data,
                   gsize       len,
                   const char *origin)
{
  PxCsvReader *self = g_new0 (PxCsvReader, 1);

  self->data = data;
  self->len = len;
  self->line = 1;
  self->record_line = 1;
  self->origin = g_strdup (origin != NULL ? origin : "CSV");
  /* A byte order mark is not part of the first cell. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    self->pos = 3;
  return self;
}

guint
px_csv_reader_get_line (PxCsvReader *self)
{
  return self->record_line;
}

static gboolean
read_quoted (PxCsvReader  *self,
             GString      *cell,
             guint         start_line,
             GError      **error)
{
  self->pos++; /* opening quote */
  for (;;)
    {
      char c;

      if (self->pos >= self->len)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_PARSE,
                       "%s:%u: a quoted field is never closed", self->origin, start_line);
          return FALSE;
        }
      c = self->data[self->pos++];
      if (c == '"')
        {
          if (self->pos < self->len && self->data[self->pos] == '"')
            {
              g_string_append_c (cell, '"');
              self->pos++;
              continue;
            }
          break;
        }
      if (c == '\n')
        self->line++;
      g_string_append_c (cell, c);
    }
  /* After the closing quote only a separator or the record end may come. */
  if (self->pos < self->len && self->data[self->pos] != ',' &&
      self->data[self->pos] != '\n' && self->data[self->pos] != '\r')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_PARSE,
                   "%s:%u: unexpected text after a closing quote", self->origin, self->line);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_csv_reader_next (PxCsvReader  *self,
                    GStrv        *out_cells,
                    GError      **error)
{
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GString) cell = NULL;
  guint start_line;

  *out_cells = NULL;
  if (self->pos >= self->len)
    return FALSE;
  cells = g_ptr_array_new_with_free_func (g_free);
  cell = g_string_new (NULL);
  start_line = self->line;
  for (;;)
    {
      char c = self->pos < self->len ? self->data[self->pos] : '\n';

      if (c == '"' && cell->len == 0)
        {
          if (!read_quoted (self, cell, start_line, error))
            return FALSE;
          continue;
        }
      if (c == ',' || c == '\n' || c == '\r')
        {
          g_ptr_array_add (cells, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);
          if (self->pos < self->len)
            self->pos++;
          if (c == ',')
            continue;
          if (c == '\r' && self->pos < self->len && self->data[self->pos] == '\n')
            self->pos++;
          self->line++;
          break;
        }
      if (c == '"')
        {
          g_set_error (error, PX_ERROR, PX_ERROR_PARSE,
                       "%s:%u: a quote inside an unquoted field", self->origin, self->line);
          return FALSE;
        }
      g_string_append_c (cell, c);
      self->pos++;
    }
  g_ptr_array_add (cells, NULL);
  *out_cells = (GStrv) g_ptr_array_free (g_steal_pointer (&cells), FALSE);
  self->record_line = start_line;
  return TRUE;
}

void
px_csv_reader_free (PxCsvReader *self)
{
  if (self == NULL)
    return;
  g_free (self->origin);
  g_free (self);
}
