/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv: the RFC 4180 reader, record by record to the end or the first
 * error; then the same bytes as an annotations.csv re-imported into a small
 * corpus, so that row checks (cell counts, offsets, span text) are fuzzed
 * too. */
#include "px-csv.h"
#include "px-csv-import.h"
#include "fuzz-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr(PxCsvReader) reader = px_csv_reader_new ((const char *) data, size, "fuzz.csv");
  g_autoptr(PxIxReport) report = px_ix_report_new ();
  g_autoptr(GError) error = NULL;
  GStrv cells = NULL;

  while (px_csv_reader_next (reader, &cells, &error))
    g_clear_pointer (&cells, g_strfreev);
  g_clear_error (&error);
  /* FALSE would mean the corpus file failed, which no input may cause. */
  if (!px_csv_import_bytes (fuzz_store (), (const char *) data, size, "annotations.csv", report, &error))
    fuzz_fail ("the store failed", error);
  return 0;
}
