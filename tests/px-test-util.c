/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "px-test-util.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <stdarg.h>
#include <stdlib.h>

static GPtrArray *tmpdirs;

void
px_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            px_test_rm_rf (child);
          else
            g_remove (child);
        }
    }
  g_remove (path);
}

static void
remove_tmpdirs (void)
{
  for (guint i = 0; tmpdirs != NULL && i < tmpdirs->len; i++)
    px_test_rm_rf (g_ptr_array_index (tmpdirs, i));
  g_clear_pointer (&tmpdirs, g_ptr_array_unref);
}

char *
px_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("parallax-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

char *
px_test_db_path (void)
{
  g_autofree char *dir = px_test_tmpdir ();

  return g_build_filename (dir, "corpus.db", NULL);
}

const char *
px_test_shared_dir (void)
{
  static char *shared;
  const char *env;

  if (shared != NULL)
    return shared;
  env = g_getenv ("PARALLAX_SHARED_DIR");
  if (env == NULL || !g_file_test (env, G_FILE_TEST_IS_DIR))
    return NULL;
  shared = g_canonicalize_filename (env, NULL);
  return shared;
}

char *
px_test_src_path (const char *first, ...)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (parts, (gpointer) (srcdir != NULL ? srcdir : "."));
  va_start (ap, first);
  for (const char *p = first; p != NULL; p = va_arg (ap, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

char *
px_test_write_file (const char *name,
                    const void *data,
                    gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = px_test_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);

  if (len < 0)
    len = strlen (data);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}
