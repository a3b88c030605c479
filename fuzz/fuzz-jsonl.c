/* fuzz-jsonl: one doccano JSONL line, parsed and written back. */
#include "px-jsonl.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = px_jsonl_parse_line ((const char *) data, size, "fuzz.jsonl", 1, &error);

  if (doc != NULL)
    {
      g_autofree char *a = px_jsonl_format_document (doc, PX_JSONL_LABEL_FORM);
      g_autofree char *b = px_jsonl_format_document (doc, PX_JSONL_RELATION_FORM);
    }
  return 0;
}
