/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-json-scan.h: what json-glib does not say about a line of JSON.
 *
 * json-glib recurses once per nesting level (100,000 levels overflow the
 * stack), keeps only the first of two values on a line, keeps one of two
 * members with the same name, cuts a string at a \u0000 escape and turns a
 * lone \ud800 escape into bytes that are not UTF-8. One pass over the raw
 * text, before json-glib parses it, finds all of these so that they can be
 * refused with a message that says what is wrong.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean  too_deep;        /* more than max_depth levels; the scan stopped */
  guint     n_values;        /* values at the top level: a line holds one */
  char     *duplicate_key;   /* the first name repeated in one object (decoded) */
  gboolean  nul_escape;      /* a \u0000 in a string */
  char     *lone_surrogate;  /* the first lone surrogate escape, as written ("\ud800") */
  char     *huge_integer;    /* the first whole number outside gint64, as written
                              * (json-glib wraps it: 2^64 - 1 becomes -1) */
} PxJsonScan;

/* Scans @json (@len bytes). Syntax errors are left to the parser: the scan
 * never reads past @len and never fails. */
void      px_json_scan        (const char *json,
                               gsize       len,
                               guint       max_depth,
                               PxJsonScan *out);
void      px_json_scan_clear  (PxJsonScan *scan);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PxJsonScan, px_json_scan_clear)

G_END_DECLS
