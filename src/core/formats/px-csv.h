/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-csv.h: RFC 4180 CSV writing (and reading, for re-import).
 *
 * The writer buffers and streams to a GOutputStream. By default a cell
 * that a spreadsheet would run as a formula (leading '=', '+', '-', '@',
 * TAB or CR) is neutralised with a leading apostrophe, as OWASP advises.
 * Data that merely starts with a sign is left alone: a signed number
 * ("-2", "+1.5") and an ISO date without a year ("--02-18"). A cell that
 * starts with an apostrophe before such a formula gets one more, so that
 * a reader removing one apostrophe gets the cell back exactly.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _PxCsvWriter PxCsvWriter;

typedef enum
{
  PX_CSV_WRITER_DEFAULT = 0,
  PX_CSV_WRITER_RAW     = 1 << 0, /* no formula neutralising */
  PX_CSV_WRITER_BOM     = 1 << 1, /* start with a UTF-8 byte order mark (Excel) */
} PxCsvWriterFlags;

PxCsvWriter *px_csv_writer_new        (GOutputStream     *stream,
                                       PxCsvWriterFlags   flags);
/* One row. lengths may be NULL (cells are then NUL-terminated); a NULL
 * cell is written empty. */
gboolean     px_csv_writer_write_row  (PxCsvWriter       *self,
                                       const char * const *cells,
                                       const gsize       *lengths,
                                       guint              n_cells,
                                       GError           **error);
gboolean     px_csv_writer_close      (PxCsvWriter       *self,
                                       GError           **error);
void         px_csv_writer_free       (PxCsvWriter       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxCsvWriter, px_csv_writer_free)

/* TRUE when the cell would be neutralised: it starts with = + - @ tab or
 * CR (a formula to a spreadsheet), or with an apostrophe (the guard itself,
 * doubled so that removing one leading apostrophe always gives the cell
 * back). */
gboolean     px_csv_cell_is_dangerous (const char        *cell,
                                       gsize              len);

/* Reading: one record at a time; quoted fields may span lines. */
typedef struct _PxCsvReader PxCsvReader;

PxCsvReader *px_csv_reader_new        (const char        *data,
                                       gsize              len,
                                       const char        *origin);
/* Returns FALSE at the end (no error) or on malformed input (error names
 * origin and line). *out_cells is a NULL-terminated array. */
gboolean     px_csv_reader_next       (PxCsvReader       *self,
                                       GStrv             *out_cells,
                                       GError           **error);
/* The line on which the record last returned by px_csv_reader_next()
 * began (1 before the first); a quoted field may take it over several. */
guint        px_csv_reader_get_line   (PxCsvReader       *self);
void         px_csv_reader_free       (PxCsvReader       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxCsvReader, px_csv_reader_free)

G_END_DECLS
