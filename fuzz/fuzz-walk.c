/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-walk: the folder walks of the brat and plain-text imports on a tree
 * made from the input (fuzz-walk-tree.h): folders, files, links that lead
 * back up the tree, named pipes. Each walk must end (libFuzzer's -timeout
 * catches a loop) and never read a pipe. */
#include "px-brat.h"
#include "px-import.h"
#include "fuzz-store.h"
#include "fuzz-walk-tree.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autofree char *root = g_dir_make_tmp ("fuzz-walk-XXXXXX", NULL);
  const char *paths[] = { root, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxReport) brat = NULL;
  g_autoptr(PxImportReport) plain = NULL;

  g_assert (root != NULL);
  fuzz_tree_make (root, (const char *) data, size);
  brat = px_brat_import_paths (fuzz_store (), paths, NULL, &error);
  if (brat == NULL)
    fuzz_fail ("the brat walk failed", error);
  plain = px_import_paths (fuzz_store (), paths, NULL, NULL, NULL, NULL, &error);
  if (plain == NULL)
    fuzz_fail ("the plain-text walk failed", error);
  fuzz_tree_remove (root);
  return 0;
}
