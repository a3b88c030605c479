/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import: the plain-text importer on one file's bytes (decoding, front
 * matter, date marker, headline and outlet heuristics). */
#include "px-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_auto(PxArticleInfo) info = { 0 };
  g_autoptr(GError) error = NULL;
  PxImportOptions options = { 1024 * 1024, NULL };

  px_import_parse (data, size, "fuzz.txt", &options, &info, &error);
  return 0;
}
