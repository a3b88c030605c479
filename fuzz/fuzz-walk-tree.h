/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-walk-tree.h: a folder tree described in bytes, for fuzzing the
 * import's folder walks (links back up the tree, deep nesting, pipes).
 *
 * One entry per line, at most FUZZ_TREE_MAX_ENTRIES:
 *   d PATH          a folder
 *   f PATH [TEXT]   a file holding TEXT ("Kuleba met Lavrov." when none;
 *                   a PATH ending in .ann gets "T1\tPER 0 6\tKuleba")
 *   l PATH TARGET   a symbolic link to TARGET (".", "..", "../..", a name)
 *   p PATH          a named pipe
 * PATH is relative, of plain names joined by "/": ".." and empty names are
 * refused, so nothing is made outside the tree's folder; a link's TARGET
 * must stay inside it too. Parent folders are made as needed. Header-only: it is
 * included by fuzz-walk.c and by tests/test-bad-input-import.c, which
 * replays fuzz/regressions/walk/. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FUZZ_TREE_MAX_ENTRIES 64

static inline gboolean
fuzz_tree_safe_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path[0] == '\0' || path[0] == '/' || strlen (path) > 200)
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0' || g_str_equal (parts[i], "..") || g_str_equal (parts[i], "."))
      return FALSE;
  return TRUE;
}

static inline void
fuzz_tree_parent (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0755);
}

/* A link at @rel (relative to the tree) to @target stays inside the tree:
 * relative, and its ".." never climb above the tree's folder (a walk of the
 * folder above would read whatever else is there). */
static inline gboolean
fuzz_tree_safe_target (const char *rel, const char *target)
{
  g_auto(GStrv) at = g_strsplit (rel, "/", -1);
  g_auto(GStrv) parts = NULL;
  int level = (int) g_strv_length (at) - 1;  /* folders above the link, inside the tree */

  if (target[0] == '\0' || target[0] == '/' || strlen (target) > 200)
    return FALSE;
  parts = g_strsplit (target, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        return FALSE;
      if (g_str_equal (parts[i], ".."))
        level--;
      else if (!g_str_equal (parts[i], "."))
        level++;
      if (level < 0)
        return FALSE;
    }
  return TRUE;
}

static inline void
fuzz_tree_entry (const char *root, const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", 3);
  g_autofree char *path = NULL;

  if (g_strv_length (words) < 2 || strlen (words[0]) != 1 || !fuzz_tree_safe_path (words[1]))
    return;
  path = g_build_filename (root, words[1], NULL);
  fuzz_tree_parent (path);
  switch (words[0][0])
    {
    case 'd':
      g_mkdir_with_parents (path, 0755);
      break;
    case 'f':
      {
        const char *text = words[2] != NULL ? words[2]
                           : g_str_has_suffix (path, ".ann") ? "T1\tPER 0 6\tKuleba\n"
                                                             : "Kuleba met Lavrov.";

        g_file_set_contents (path, text, -1, NULL);
        break;
      }
    case 'l':
      if (words[2] != NULL && fuzz_tree_safe_target (words[1], words[2]))
        (void) symlink (words[2], path);
      break;
    case 'p':
      mkfifo (path, 0600);
      break;
    default:
      break;
    }
}

/* Makes the tree @data describes in @root (an empty folder). */
static inline void
fuzz_tree_make (const char *root, const char *data, gsize len)
{
  g_autofree char *copy = g_strndup (data, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", FUZZ_TREE_MAX_ENTRIES + 1);

  for (guint i = 0; lines[i] != NULL && i < FUZZ_TREE_MAX_ENTRIES; i++)
    fuzz_tree_entry (root, lines[i]);
}

/* Removes @path and everything under it, never following a link. */
static inline void
fuzz_tree_remove (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          fuzz_tree_remove (child);
        }
      g_rmdir (path);
      return;
    }
  g_unlink (path);
}
