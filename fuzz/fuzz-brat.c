/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-brat: the brat .ann parser and annotation.conf reader.
 *
 * The input is "TEXT\0ANN": the part before the first NUL byte is the
 * document text (used only when it is valid UTF-8), the rest the .ann. A
 * document that parses is also imported into a corpus and loaded back. */
#include <string.h>

#include "px-brat.h"
#include "px-brat-conf.h"
#include "fuzz-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  const guint8 *nul = memchr (data, '\0', size);
  gsize text_len = nul != NULL ? (gsize) (nul - data) : 0;
  const char *ann = (const char *) data + (nul != NULL ? text_len + 1 : 0);
  gsize ann_len = size - (nul != NULL ? text_len + 1 : 0);
  g_autofree char *text = g_strndup ((const char *) data, text_len);
  g_autoptr(PxIxDocument) doc = NULL;
  g_autoptr(PxBratConf) conf = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text[0] = '\0';
  doc = px_ix_document_new ("fuzz", "fuzz.txt", text);
  if (px_brat_parse_ann (doc, ann, ann_len, "fuzz.ann", &error))
    {
      g_autofree char *out = NULL;

      g_autoptr(PxIxDocument) back = px_ix_document_new ("fuzz", "fuzz.txt", text);

      fuzz_store_round_trip (doc, "brat");
      px_brat_assign_ids (doc);
      out = px_brat_format_ann (doc);
      /* What we write, we must read. */
      if (!px_brat_parse_ann (back, out, strlen (out), "written.ann", &error))
        fuzz_fail ("our own .ann does not parse", error);
    }
  g_clear_error (&error);
  conf = px_brat_conf_parse (ann, ann_len, "annotation.conf", &error);
  return 0;
}
