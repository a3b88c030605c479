/* main.c: starts Parallax. */
#include <glib/gi18n.h>
#include <locale.h>

/* The shell and the annotation workspace are written in parallel. Until
 * src/px-workspace.c is in the tree the window cannot link, so main() says
 * so instead of breaking everyone's build. A build dir configured before the
 * workspace arrived keeps this object: touch this file or build afresh. */
#if __has_include("px-workspace.c")
# define PX_HAVE_WORKSPACE 1
# include "px-application.h"
#endif

#ifndef PX_HAVE_WORKSPACE
int
main (int    argc,
      char **argv)
{
  g_printerr ("parallax: built without the annotation workspace (src/px-workspace.c); "
              "touch src/main.c and rebuild once it is there\n");
  return 1;
}
#else

int
main (int    argc,
      char **argv)
{
  g_autoptr(PxApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = px_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
#endif
