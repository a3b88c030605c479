/* fuzz-csv: the RFC 4180 reader, record by record to the end or the first
 * error; then the same bytes as an annotations.csv re-imported into a small
 * corpus, so that row checks (cell counts, offsets, span text) are fuzzed
 * too. */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "px-csv.h"
#include "px-csv-import.h"
#include "px-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PxStore *store;
static char *store_dir;

static void
remove_store (void)
{
  const char *names[] = { "corpus.db", "corpus.db-wal", "corpus.db-shm" };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (store_dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (store_dir);
}

/* One corpus for the whole run, holding one article with id 1; removed
 * when the fuzzer exits. */
static PxStore *
fuzz_store (void)
{
  g_autofree char *path = NULL;
  PxArticleInfo info = { .title = (char *) "good", .text = (char *) "Kuleba met Lavrov in Antalya." };

  if (store != NULL)
    return store;
  store_dir = g_dir_make_tmp ("fuzz-csv-XXXXXX", NULL);
  g_assert (store_dir != NULL);
  atexit (remove_store);
  path = g_build_filename (store_dir, "corpus.db", NULL);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, NULL);
  g_assert (store != NULL);
  g_assert (px_store_add_article (store, &info, NULL, NULL) == 1);
  return store;
}

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
    g_error ("the store failed: %s", error->message);
  return 0;
}
