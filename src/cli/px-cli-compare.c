/* Placeholder until the compare engine lands (issue "Compare view"). */
#include "px-cli.h"

int
px_cli_cmd_compare (const char *db_path, int argc, char **argv)
{
  g_printerr ("parallax-cli: compare: not available in this build yet\n");
  return PX_CLI_EXIT_FAILED;
}
