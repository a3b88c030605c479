/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-files.c: bounded reads of regular files, and bounded folder walks. */
#include "px-files.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "px-error.h"
#include "px-import.h"

const char *
px_files_kind_name (guint st_mode)
{
  if (S_ISREG (st_mode) || S_ISDIR (st_mode))
    return NULL;
  if (S_ISFIFO (st_mode))
    return "a named pipe";
  if (S_ISCHR (st_mode) || S_ISBLK (st_mode))
    return "a device";
  if (S_ISSOCK (st_mode))
    return "a socket";
  return "not a regular file";
}

/* Opens without blocking (a pipe with no writer would block open() itself)
 * and checks what was opened, not what the path named a moment before. */
static int
open_regular (const char *path, struct stat *st, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  const char *kind;

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: %s", path, g_strerror (saved));
      return -1;
    }
  if (fstat (fd, st) != 0)
    {
      int saved = errno;

      g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: %s", path, g_strerror (saved));
      close (fd);
      return -1;
    }
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: a folder, not a file", path);
      close (fd);
      return -1;
    }
  if ((kind = px_files_kind_name (st->st_mode)) != NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "%s: %s, not a regular file; only regular files are read", path, kind);
      close (fd);
      return -1;
    }
  /* Regular files never block; reads below need no O_NONBLOCK care. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

char *
px_files_read (const char *path, gsize max_bytes, gsize *out_len, GError **error)
{
  struct stat st;
  g_autoptr(GByteArray) buf = NULL;
  int fd;

  if (max_bytes == 0)
    max_bytes = PX_IMPORT_DEFAULT_MAX_BYTES;
  max_bytes = MIN (max_bytes, (gsize) G_MAXUINT - 1); /* a GByteArray's length */
  if ((fd = open_regular (path, &st, error)) < 0)
    return NULL;
  if ((guint64) st.st_size > max_bytes)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                   "%s: %" G_GUINT64_FORMAT " bytes, over the limit of %" G_GSIZE_FORMAT " bytes",
                   path, (guint64) st.st_size, max_bytes);
      close (fd);
      return NULL;
    }
  buf = g_byte_array_sized_new ((guint) MIN ((guint64) st.st_size + 1, max_bytes + 1));
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, PX_ERROR, PX_ERROR_NOT_FOUND, "%s: %s", path, g_strerror (saved));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buf, chunk, n);
      /* The file grew since fstat(): stop at the limit all the same. */
      if (buf->len > max_bytes)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                       "%s: over the limit of %" G_GSIZE_FORMAT " bytes", path, max_bytes);
          close (fd);
          return NULL;
        }
    }
  close (fd);
  if (out_len != NULL)
    *out_len = buf->len;
  g_byte_array_append (buf, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&buf), FALSE);
}

/* ---- Walks ------------------------------------------------------------ */

struct _PxWalk
{
  GCancellable *cancellable;
  GHashTable   *visited;   /* "device:inode" of every folder entered */
  guint         max_depth;
  guint         max_entries;
  guint         n_entries;
  gboolean      too_many;
};

PxWalk *
px_walk_new (GCancellable *cancellable)
{
  PxWalk *walk = g_new0 (PxWalk, 1);

  walk->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  walk->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk->max_depth = PX_WALK_MAX_DEPTH;
  walk->max_entries = PX_WALK_MAX_ENTRIES;
  return walk;
}

void
px_walk_free (PxWalk *walk)
{
  if (walk == NULL)
    return;
  g_clear_object (&walk->cancellable);
  g_hash_table_unref (walk->visited);
  g_free (walk);
}

void
px_walk_set_limits (PxWalk *walk, guint max_depth, guint max_entries)
{
  walk->max_depth = max_depth;
  walk->max_entries = max_entries;
}

PxWalkStep
px_walk_enter (PxWalk *walk, const char *dir, guint depth, char **message)
{
  GStatBuf st;

  if (!px_walk_count (walk))
    return PX_WALK_STOP;
  /* stat() follows links: a link to a folder is known by its target. */
  if (g_stat (dir, &st) != 0)
    return PX_WALK_ENTER; /* opening it fails and is reported there */
  if (!g_hash_table_add (walk->visited, g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                                         (guint64) st.st_dev, (guint64) st.st_ino)))
    return PX_WALK_SEEN;
  if (depth > walk->max_depth)
    {
      if (message != NULL)
        *message = g_strdup_printf ("%s: folders nested more than %u deep; this one was not read",
                                    dir, walk->max_depth);
      return PX_WALK_TOO_DEEP;
    }
  return PX_WALK_ENTER;
}

gboolean
px_walk_count (PxWalk *walk)
{
  if (g_cancellable_is_cancelled (walk->cancellable))
    return FALSE;
  if (walk->too_many || ++walk->n_entries > walk->max_entries)
    {
      walk->too_many = TRUE;
      return FALSE;
    }
  return TRUE;
}

gboolean
px_walk_stopped (PxWalk *walk, const char *dir, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (walk->cancellable, error))
    return TRUE;
  if (!walk->too_many)
    return FALSE;
  g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
               "%s: more than %u files and folders; the rest was not read", dir, walk->max_entries);
  return TRUE;
}
