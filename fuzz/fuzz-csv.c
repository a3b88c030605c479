/* fuzz-csv: the RFC 4180 reader, record by record to the end or the first
 * error. */
#include "px-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr(PxCsvReader) reader = px_csv_reader_new ((const char *) data, size, "fuzz.csv");
  g_autoptr(GError) error = NULL;
  GStrv cells = NULL;

  while (px_csv_reader_next (reader, &cells, &error))
    g_clear_pointer (&cells, g_strfreev);
  return 0;
}
