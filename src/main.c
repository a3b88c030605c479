/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: starts Parallax. */
#include <glib/gi18n.h>
#include <locale.h>

#include "px-application.h"

/* Whether this is an uninstalled build (./build/src/parallax): its compiled
 * schema and its translations are in the build tree, not under the
 * prefix. */
static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *build_src = g_build_filename (PX_BUILD_SCHEMA_DIR, "..", "src", NULL);
  g_autofree char *real_build_src = g_canonicalize_filename (build_src, NULL);

  return exe_dir != NULL && g_strcmp0 (exe_dir, real_build_src) == 0;
}

/* Without the build tree's schema GSettings would abort on a missing one.
 * Decided before any GSettings call, since the default schema source is
 * read only once. */
static void
use_build_tree_schemas (void)
{
  const char *current = g_getenv ("GSETTINGS_SCHEMA_DIR");

  if (current != NULL && *current != '\0')
    {
      g_autofree char *both = g_strjoin (G_SEARCHPATH_SEPARATOR_S, current, PX_BUILD_SCHEMA_DIR, NULL);
      g_setenv ("GSETTINGS_SCHEMA_DIR", both, TRUE);
    }
  else
    g_setenv ("GSETTINGS_SCHEMA_DIR", PX_BUILD_SCHEMA_DIR, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(PxApplication) app = NULL;

  gboolean uninstalled = running_uninstalled ();

  setlocale (LC_ALL, "");
  /* meson compiles the catalogues into build/po/LANG/LC_MESSAGES, so that
   * `LANGUAGE=fr build-aux/dev run` is French before any install. */
  bindtextdomain (GETTEXT_PACKAGE, uninstalled ? PX_BUILD_LOCALE_DIR : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (uninstalled)
    use_build_tree_schemas ();

  app = px_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
