/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-export.c: the corpus as CSV files, and the one way every format is
 * written into a folder: whole, from one read snapshot, or not at all.
 *
 * An export is a set of files (four CSV files; a .txt/.ann pair per article
 * and annotation.conf; corpus.jsonl; corpus.conll). The set is written into
 * a fresh folder beside the target (.NAME.px-export-XXXXXX) and swapped in
 * only when complete, so that a failed, cancelled or killed export leaves
 * the previous set whole. Staging folders and temporary files a crash left
 * behind are removed by the next export to the same folder. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "px-brat.h"
#include "px-conll.h"
#include "px-csv.h"
#include "px-error.h"
#include "px-export.h"
#include "px-jsonl.h"

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

static gboolean write_table (PxStore *store, PxExportTable table, GOutputStream *stream,
                             PxExportFlags flags, GCancellable *cancellable, guint *out_rows,
                             GError **error);

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

static gboolean
write_table (PxStore        *store,
             PxExportTable   table,
             GOutputStream  *stream,
             PxExportFlags   flags,
             GCancellable   *cancellable,
             guint          *out_rows,
             GError        **error)
{
  PxCsvWriterFlags csv_flags = ((flags & PX_EXPORT_RAW) ? PX_CSV_WRITER_RAW : 0) |
                               ((flags & PX_EXPORT_BOM) ? PX_CSV_WRITER_BOM : 0);
  g_autoptr(PxCsvWriter) writer = px_csv_writer_new (stream, csv_flags);
  const char * const *columns = px_store_export_columns (table);
  RowData data = { writer, cancellable, 0 };

  if (!px_csv_writer_write_row (writer, columns, NULL, g_strv_length ((char **) columns), error) ||
      !px_store_export_rows (store, table, write_row, &data, error) ||
      !px_csv_writer_close (writer, error))
    return FALSE;
  if (out_rows != NULL)
    *out_rows = data.rows;
  return TRUE;
}

gboolean
px_export_csv_table (PxStore        *store,
                     PxExportTable   table,
                     GOutputStream  *stream,
                     PxExportFlags   flags,
                     GCancellable   *cancellable,
                     GError        **error)
{
  return write_table (store, table, stream, flags, cancellable, NULL, error);
}

/* ---- Writing each format into the staging folder ---------------------- */

static const PxExportTable csv_tables[] = {
  PX_EXPORT_ARTICLES, PX_EXPORT_ANNOTATIONS, PX_EXPORT_ENTITIES, PX_EXPORT_EVENTS,
};

/* The staging folder is new and private: files are written in place. */
static gboolean
write_csv (PxStore       *store,
           const char    *staging,
           PxExportFlags  flags,
           GCancellable  *cancellable,
           guint         *out_n,
           GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_tables); i++)
    {
      g_autofree char *path = g_build_filename (staging, px_export_table_filename (csv_tables[i]), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileOutputStream) out = g_file_create (file, G_FILE_CREATE_NONE, cancellable, error);
      guint rows = 0;

      if (out == NULL ||
          !write_table (store, csv_tables[i], G_OUTPUT_STREAM (out), flags, cancellable, &rows, error))
        return FALSE;
      /* write_table() closed the stream, which flushed it: the rows are on
       * disk, or the close failed. */
      if (csv_tables[i] == PX_EXPORT_ARTICLES)
        *out_n = rows;
    }
  return TRUE;
}

/* Lines of @path that start with @prefix ("" for every line). */
static gboolean
count_lines (const char  *path,
             const char  *prefix,
             guint       *out_n,
             GError     **error)
{
  g_autoptr(GMappedFile) map = g_mapped_file_new (path, FALSE, error);
  const char *data, *end, *p;
  gsize plen = strlen (prefix);

  if (map == NULL)
    return FALSE;
  data = g_mapped_file_get_contents (map);
  end = data + g_mapped_file_get_length (map);
  *out_n = 0;
  for (p = data; p != NULL && p < end;)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));

      if ((gsize) (end - p) >= plen && memcmp (p, prefix, plen) == 0 && (nl != NULL || plen > 0))
        (*out_n)++;
      p = nl != NULL ? nl + 1 : NULL;
    }
  return TRUE;
}

static guint
count_suffix (const char *dir,
              const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += g_str_has_suffix (name, suffix);
  return n;
}

/* Writes the whole set into @staging; *out_n is the number of articles in
 * the files there, counted on disk for the interchange formats. */
static gboolean
write_format (PxStore       *store,
              const char    *format,
              const char    *staging,
              PxExportFlags  flags,
              GCancellable  *cancellable,
              guint         *out_n,
              GError       **error)
{
  g_autofree char *file = NULL;

  if (g_str_equal (format, "csv"))
    return write_csv (store, staging, flags, cancellable, out_n, error);
  if (g_str_equal (format, "brat"))
    {
      if (!px_brat_export_dir (store, staging, error))
        return FALSE;
      *out_n = count_suffix (staging, ".txt");
      return TRUE;
    }
  file = g_build_filename (staging, px_export_format_filename (format), NULL);
  if (g_str_equal (format, "conll"))
    return px_conll_export_file (store, file, error) &&
           count_lines (file, "-DOCSTART-", out_n, error);
  return px_jsonl_export_file (store, file,
                               g_str_equal (format, "jsonl-relation") ? PX_JSONL_RELATION_FORM
                                                                      : PX_JSONL_LABEL_FORM, error) &&
         count_lines (file, "", out_n, error);
}

/* ---- The set, staging folders and the swap ---------------------------- */

const char *
px_export_format_filename (const char *format)
{
  if (g_str_equal (format, "conll"))
    return "corpus.conll";
  if (g_str_has_prefix (format, "jsonl"))
    return "corpus.jsonl";
  return NULL;
}

/* A temporary file a crashed writer leaves: GIO's .goutputstream-XXXXXX,
 * or g_file_set_contents()'s NAME.XXXXXX next to a file of the set. */
static gboolean
is_leftover (const char *name,
             const char *format)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *base = NULL;

  if (g_str_has_prefix (name, ".goutputstream-"))
    return TRUE;
  if (dot == NULL || strlen (dot + 1) != 6 || dot == name)
    return FALSE;
  base = g_strndup (name, (gsize) (dot - name));
  return px_export_is_set_file (base, format);
}

gboolean
px_export_is_set_file (const char *name,
                       const char *format)
{
  if (g_str_equal (format, "csv"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (csv_tables); i++)
        if (g_str_equal (name, px_export_table_filename (csv_tables[i])))
          return TRUE;
      return FALSE;
    }
  if (g_str_equal (format, "brat"))
    return g_str_equal (name, "annotation.conf") ||
           ((g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".ann")) && name[0] != '.');
  return g_strcmp0 (name, px_export_format_filename (format)) == 0;
}

static gboolean
io_error (const char  *path,
          const char  *what,
          int          saved_errno,
          GError     **error)
{
  g_set_error (error, PX_ERROR, saved_errno == ENOSPC ? PX_ERROR_DISK_FULL : PX_ERROR_FAILED,
               "%s: %s: %s", path, what, g_strerror (saved_errno));
  return FALSE;
}

static char *
staging_prefix (const char *dir)
{
  g_autofree char *base = g_path_get_basename (dir);

  return g_strdup_printf (".%s.px-export-", base);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  /* Never follow a link out of the staging folder. */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  d = g_dir_open (path, 0, NULL);

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

#define INSIDE_PREFIX ".px-export-"

/* What a killed export left: its staging folder beside @dir (or inside it),
 * and temporary files inside @dir (older versions wrote through them). */
static void
remove_leftovers (const char *dir,
                  const char *format)
{
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *prefix = staging_prefix (dir);
  g_autoptr(GDir) p = g_dir_open (parent, 0, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (p != NULL && (name = g_dir_read_name (p)) != NULL)
    if (g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6)
      {
        g_autofree char *path = g_build_filename (parent, name, NULL);
        remove_tree (path);
      }
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (is_leftover (name, format))
        g_unlink (path);
      else if (g_str_has_prefix (name, INSIDE_PREFIX) && strlen (name) == strlen (INSIDE_PREFIX) + 6)
        remove_tree (path);
    }
}

/* Makes the staging folder: beside @dir, so that the whole folder can be
 * swapped; inside it when the parent may not be written (--out ~) or is
 * another file system (@dir is a mount point), *inside then set. */
static char *
make_staging (const char  *dir,
              gboolean    *inside,
              GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *prefix = staging_prefix (dir);
  g_autofree char *beside = g_strdup_printf ("%s/%sXXXXXX", parent, prefix);
  g_autofree char *within = g_strdup_printf ("%s/" INSIDE_PREFIX "XXXXXX", dir);
  GStatBuf d, p;
  gboolean exists = g_stat (dir, &d) == 0;

  *inside = exists && g_stat (parent, &p) == 0 && d.st_dev != p.st_dev;
  if (!*inside)
    {
      if (g_mkdtemp_full (beside, 0700) != NULL)
        return g_steal_pointer (&beside);
      if (!exists || (errno != EACCES && errno != EPERM && errno != EROFS))
        {
          io_error (parent, "cannot write the export beside the folder", errno, error);
          return NULL;
        }
      *inside = TRUE;
    }
  if (g_mkdtemp_full (within, 0700) == NULL)
    {
      io_error (dir, "cannot write the export", errno, error);
      return NULL;
    }
  return g_steal_pointer (&within);
}

/* Flushes the new files to the disk before they replace the old ones, so
 * that a power cut cannot leave empty files in their place. */
static gboolean
sync_tree (const char  *staging,
           GError     **error)
{
  g_autoptr(GDir) d = g_dir_open (staging, 0, error);
  const char *name;
  int fd;

  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (staging, name, NULL);

      fd = g_open (path, O_RDONLY, 0);
      if (fd < 0 || fsync (fd) != 0)
        {
          int saved = errno;

          if (fd >= 0)
            close (fd);
          return io_error (path, "cannot write the export", saved, error);
        }
      close (fd);
    }
  fd = g_open (staging, O_RDONLY | O_DIRECTORY, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

/* TRUE when everything in @dir belongs to an export of @format: the whole
 * folder can then be swapped for the new one. */
static gboolean
holds_only_set (const char *dir,
                const char *format)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!px_export_is_set_file (name, format) || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return FALSE;
    }
  return TRUE;
}


/* A folder holding other files too: each file of the new set is renamed
 * over the old one (each rename is atomic, the set is not), then files of
 * the old set that the new one lacks are removed. */
static gboolean
swap_files (const char  *staging,
            const char  *dir,
            const char  *format,
            GError     **error)
{
  g_autoptr(GHashTable) fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) s = g_dir_open (staging, 0, error);
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (s == NULL)
    return FALSE;
  /* First make sure every rename can succeed: a folder in the way (or
   * anything not a file) would stop the swap half done. */
  while ((name = g_dir_read_name (s)) != NULL)
    {
      g_autofree char *to = g_build_filename (dir, name, NULL);

      if (g_file_test (to, G_FILE_TEST_EXISTS) && !g_file_test (to, G_FILE_TEST_IS_REGULAR))
        return io_error (to, "cannot be replaced by the export", EISDIR, error);
    }
  g_dir_rewind (s);
  while ((name = g_dir_read_name (s)) != NULL)
    {
      g_autofree char *from = g_build_filename (staging, name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);

      if (g_rename (from, to) != 0)
        return io_error (to, "cannot write the export", errno, error);
      g_hash_table_add (fresh, g_strdup (name));
    }
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (px_export_is_set_file (name, format) && !g_hash_table_contains (fresh, name))
      {
        g_autofree char *old = g_build_filename (dir, name, NULL);
        g_unlink (old);
      }
  g_rmdir (staging);
  return TRUE;
}

/* Puts the complete set in @staging in place of @dir. */
static gboolean
swap_in (const char  *staging,
         const char  *dir,
         const char  *format,
         gboolean     inside,
         GError     **error)
{
  GStatBuf st;

  if (!sync_tree (staging, error))
    return FALSE;
  if (inside)
    return swap_files (staging, dir, format, error);
  if (g_stat (dir, &st) != 0)
    {
      if (errno != ENOENT)
        return io_error (dir, "cannot write the export", errno, error);
      if (g_chmod (staging, 0755) != 0 || g_rename (staging, dir) != 0)
        return io_error (dir, "cannot write the export", errno, error);
      return TRUE;
    }
  if (holds_only_set (dir, format))
    {
      /* One atomic step: the folder holds the old set or the new one,
       * never a mix; the old set then goes with the staging folder. */
      g_chmod (staging, st.st_mode & 07777);
      if (renameat2 (AT_FDCWD, staging, AT_FDCWD, dir, RENAME_EXCHANGE) == 0)
        {
          remove_tree (staging);
          return TRUE;
        }
      if (errno != EINVAL && errno != ENOSYS && errno != EXDEV && errno != ENOTSUP)
        return io_error (dir, "cannot write the export", errno, error);
    }
  return swap_files (staging, dir, format, error);
}

/* Checks @dir and makes its parent; the absolute path, or NULL. */
static char *
prepare_target (const char  *dir,
                GError     **error)
{
  g_autofree char *abs = NULL;
  g_autofree char *parent = NULL;

  if (dir == NULL || *dir == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "no folder to export into was given (the name is empty)");
      return NULL;
    }
  abs = g_canonicalize_filename (dir, NULL);
  if (g_str_equal (abs, "/"))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: cannot export into the root folder", dir);
      return NULL;
    }
  if (g_file_test (abs, G_FILE_TEST_EXISTS) && !g_file_test (abs, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s exists and is not a folder", dir);
      return NULL;
    }
  parent = g_path_get_dirname (abs);
  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      io_error (parent, "cannot create the folder", errno, error);
      return NULL;
    }
  /* A link to a folder: the swap must replace the folder, not the link
   * (and the old set goes, not what the link pointed at). */
  if (g_file_test (abs, G_FILE_TEST_IS_SYMLINK))
    {
      char *real = realpath (abs, NULL);

      if (real != NULL)
        {
          g_free (abs);
          abs = g_strdup (real);
          free (real);
        }
    }
  return g_steal_pointer (&abs);
}

gboolean
px_export_to_dir (PxStore        *store,
                  const char     *format,
                  const char     *dir,
                  PxExportFlags   flags,
                  guint          *out_n_articles,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autofree char *abs = prepare_target (dir, error);
  g_autofree char *template = NULL;
  g_autoptr(GError) local = NULL;
  gboolean inside = FALSE;
  guint n = 0;
  gboolean ok;

  if (abs == NULL)
    return FALSE;
  remove_leftovers (abs, format);
  template = make_staging (abs, &inside, error);
  if (template == NULL)
    return FALSE;
  /* One read transaction: the files agree with each other even while
   * another program imports (no annotation of an article not exported). */
  ok = px_store_begin_read (store, &local);
  if (ok)
    {
      ok = write_format (store, format, template, flags, cancellable, &n, &local);
      px_store_end_read (store);
    }
  ok = ok && swap_in (template, abs, format, inside, &local);
  if (!ok)
    {
      remove_tree (template);
      g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                  "%s: the export failed, and the folder was left as it was: ", dir);
      return FALSE;
    }
  if (out_n_articles != NULL)
    *out_n_articles = n;
  return TRUE;
}

gboolean
px_export_csv_dir (PxStore        *store,
                   GFile          *dir,
                   PxExportFlags   flags,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autofree char *path = g_file_get_path (dir);

  if (path == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s is not a local folder", g_file_peek_path (dir));
      return FALSE;
    }
  return px_export_to_dir (store, "csv", path, flags, NULL, cancellable, error);
}
