/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-files.h: reading input files and walking input folders safely.
 *
 * Inputs come from anywhere: a folder may link back to itself, a "file"
 * may be a named pipe or /dev/zero. Every importer reads through here so
 * that each of them reads regular files only, never more than its limit,
 * and walks each folder once, within a bounded depth and count, stopping
 * when the user cancels.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Folders below this many levels are not read (the walk says so). */
#define PX_WALK_MAX_DEPTH    64
/* A walk stops after this many folder entries (and says so). */
#define PX_WALK_MAX_ENTRIES  1000000

/* Reads the whole of the regular file @path, at most @max_bytes of it
 * (0: PX_IMPORT_DEFAULT_MAX_BYTES). A named pipe, a device or a socket is
 * refused without reading, and never blocks; a file over the limit is
 * refused from its size, or as soon as more than the limit has been read
 * (a file that grows). PX_ERROR_NOT_FOUND when it cannot be opened,
 * PX_ERROR_INVALID when it is not a regular file, PX_ERROR_TOO_LARGE.
 * The data is NUL-terminated. */
char     *px_files_read               (const char    *path,
                                       gsize          max_bytes,
                                       gsize         *out_len,
                                       GError       **error);

/* What a non-regular file is, in the user's words ("a named pipe"), or
 * NULL for a regular file or a folder. */
const char *px_files_kind_name        (guint          st_mode);

typedef struct _PxWalk PxWalk;

PxWalk   *px_walk_new                 (GCancellable  *cancellable);
void      px_walk_free                (PxWalk        *walk);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxWalk, px_walk_free)

/* Overrides the bounds (tests). */
void      px_walk_set_limits          (PxWalk        *walk,
                                       guint          max_depth,
                                       guint          max_entries);

typedef enum
{
  PX_WALK_ENTER,      /* a new folder, within bounds: read it */
  PX_WALK_SEEN,       /* the same folder again (a link back): skip it quietly */
  PX_WALK_TOO_DEEP,   /* skip it; *message says why */
  PX_WALK_STOP,       /* too many entries, or cancelled: stop the whole walk */
} PxWalkStep;

/* Asks to enter folder @dir at @depth (0 for a folder named by the user).
 * A folder is known by its device and inode, so a link back to a folder
 * already walked (ln -s . loop) is never entered twice. On
 * PX_WALK_TOO_DEEP, *message (if not NULL) gets one line naming @dir. */
PxWalkStep px_walk_enter              (PxWalk        *walk,
                                       const char    *dir,
                                       guint          depth,
                                       char         **message);

/* Counts one folder entry. FALSE when the walk must stop: cancelled, or
 * past the entry bound (px_walk_stopped() then says why). */
gboolean  px_walk_count               (PxWalk        *walk);

/* Why the walk stopped: G_IO_ERROR_CANCELLED, or PX_ERROR_TOO_LARGE
 * naming @dir (the folder being read). FALSE when it did not stop. */
gboolean  px_walk_stopped             (PxWalk        *walk,
                                       const char    *dir,
                                       GError       **error);

G_END_DECLS
