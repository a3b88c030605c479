/* Placeholder until brat/JSONL/CoNLL land (issue "Interchange formats"). */
#include "px-cli.h"

int
px_cli_interchange_import (const char *db_path, const char *format, int argc, char **argv)
{
  g_printerr ("parallax-cli: import: format '%s' is not available in this build yet\n", format);
  return PX_CLI_EXIT_FAILED;
}

int
px_cli_interchange_export (const char *db_path, const char *format, int argc, char **argv)
{
  g_printerr ("parallax-cli: export: format '%s' is not available in this build yet\n", format);
  return PX_CLI_EXIT_FAILED;
}
