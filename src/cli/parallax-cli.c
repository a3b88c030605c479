/* parallax-cli: the core library for scripts, batch work and tests.
 * (Placeholder entry point; the subcommands arrive with the foundation.) */
#include <stdio.h>
#include <glib.h>

#include "px-core.h"

int
main (int argc, char *argv[])
{
  g_printerr ("parallax-cli: no command yet\n");
  return 2;
}
