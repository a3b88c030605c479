/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-jsonl: one doccano JSONL line, parsed, written back, and imported
 * into a corpus and loaded back. */
#include <string.h>

#include "px-jsonl.h"
#include "fuzz-store.h"

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
      g_autoptr(PxIxDocument) back_a = NULL;
      g_autoptr(PxIxDocument) back_b = NULL;

      /* What we write, we must read. */
      back_a = px_jsonl_parse_line (a, strlen (a), "label-form", 1, &error);
      if (back_a == NULL)
        fuzz_fail ("our own label form does not parse", error);
      back_b = px_jsonl_parse_line (b, strlen (b), "relation-form", 1, &error);
      if (back_b == NULL)
        fuzz_fail ("our own relation form does not parse", error);
      fuzz_store_round_trip (doc, "jsonl");
    }
  return 0;
}
