/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-export.c: the corpus as CSV files. */
#include <glib/gstdio.h>

#include "px-csv.h"
#include "px-error.h"
#include "px-export.h"

const char *
px_export_table_filename (PxExportTable table)
{
  switch (table)
    {
    case PX_EXPORT_ARTICLES:    return "articles.csv";
    case PX_EXPORT_ANNOTATIONS: return "annotations.csv";
    case PX_EXPORT_ENTITIES:    return "entities.csv";
    case PX_EXPORT_EVENTS:      return "events.csv";
    default:                    g_return_val_if_reached (NULL);
    }
}

typedef struct
{
  PxCsvWriter  *writer;
  GCancellable *cancellable;
  guint         rows;
} RowData;

static gboolean
write_row (const char * const  *values,
           const gsize         *lengths,
           guint                n_columns,
           gpointer             user_data,
           GError             **error)
{
  RowData *data = user_data;

  /* Checking a cancellable costs a little; every 4096 rows is plenty. */
  if ((++data->rows & 0xfff) == 0 &&
      g_cancellable_set_error_if_cancelled (data->cancellable, error))
    return FALSE;
  return px_csv_writer_write_row (data->writer, values, lengths, n_columns, error);
}

gboolean
px_export_csv_table (PxStore        *store,
                     PxExportTable   table,
                     GOutputStream  *stream,
                     PxExportFlags   flags,
                     GCancellable   *cancellable,
                     GError        **error)
{
  PxCsvWriterFlags csv_flags = ((flags & PX_EXPORT_RAW) ? PX_CSV_WRITER_RAW : 0) |
                               ((flags & PX_EXPORT_BOM) ? PX_CSV_WRITER_BOM : 0);
  g_autoptr(PxCsvWriter) writer = px_csv_writer_new (stream, csv_flags);
  const char * const *columns = px_store_export_columns (table);
  RowData data = { writer, cancellable, 0 };

  return px_csv_writer_write_row (writer, columns, NULL, g_strv_length ((char **) columns), error) &&
         px_store_export_rows (store, table, write_row, &data, error) &&
         px_csv_writer_close (writer, error);
}

/* Each file is written to a temporary name, which only closing the
 * stream renames over the real one. The four streams stay open until all
 * four tables are written, so that a failed or cancelled export leaves the
 * previous set of files (or nothing), never half a file nor a mix of old
 * and new files. */
static gboolean
write_one (PxStore            *store,
           PxExportTable       table,
           GFileOutputStream  *out,
           PxExportFlags       flags,
           GCancellable       *cancellable,
           GError            **error)
{
  /* A filter that leaves the file stream open when the writer closes it. */
  g_autoptr(GOutputStream) keep_open = G_OUTPUT_STREAM (g_data_output_stream_new (G_OUTPUT_STREAM (out)));

  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (keep_open), FALSE);
  return px_export_csv_table (store, table, keep_open, flags, cancellable, error);
}

static void
discard (GFileOutputStream *out)
{
  g_autoptr(GCancellable) abort = g_cancellable_new ();

  /* Closing with a cancelled cancellable drops the temporary file. */
  g_cancellable_cancel (abort);
  g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
}

static gboolean
make_dir (GFile         *dir,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  if (g_file_make_directory_with_parents (dir, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;
  path = g_file_get_path (dir);
  g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s: cannot create the folder: %s",
               path, local_error->message);
  return FALSE;
}

gboolean
px_export_csv_dir (PxStore        *store,
                   GFile          *dir,
                   PxExportFlags   flags,
                   GCancellable   *cancellable,
                   GError        **error)
{
  static const PxExportTable tables[] = {
    PX_EXPORT_ARTICLES, PX_EXPORT_ANNOTATIONS, PX_EXPORT_ENTITIES, PX_EXPORT_EVENTS,
  };
  GFileOutputStream *outs[G_N_ELEMENTS (tables)] = { NULL };
  gboolean ok = make_dir (dir, cancellable, error);

  for (guint i = 0; ok && i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GFile) file = g_file_get_child (dir, px_export_table_filename (tables[i]));

      outs[i] = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
      ok = outs[i] != NULL && write_one (store, tables[i], outs[i], flags, cancellable, error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tables) && outs[i] != NULL; i++)
    {
      if (ok)
        ok = g_output_stream_close (G_OUTPUT_STREAM (outs[i]), NULL, error);
      else
        discard (outs[i]);
      g_object_unref (outs[i]);
    }
  return ok;
}
