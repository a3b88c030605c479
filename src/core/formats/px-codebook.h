/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-codebook.h: a label schema (a codebook) to and from a file.
 *
 * Two forms: brat's annotation.conf (types and roles only), and Parallax's
 * own JSON, which also keeps colours, keys, descriptions and order:
 *
 *   { "parallax_codebook": 1,
 *     "labels": [
 *       { "name": "PER", "kind": "entity", "colour": "#62a0ea", "key": "1",
 *         "description": "Person" },
 *       { "name": "Meet", "kind": "event", "colour": "#99c1f1", "key": "m",
 *         "roles": [ { "name": "Participant", "repeatable": true },
 *                    { "name": "Place" } ] } ] }
 *
 * Importing goes through the editor as one undo step: a label is matched
 * by name (without regard to case) and updated, or added; roles are added,
 * never removed. A key another label already has is left off, and the
 * report says so.
 */
#pragma once

#include "px-editor.h"

G_BEGIN_DECLS

typedef struct
{
  guint      added;
  guint      updated;
  GPtrArray *warnings;   /* char *: what was left off, and why */
} PxCodebookReport;

void        px_codebook_report_free (PxCodebookReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxCodebookReport, px_codebook_report_free)

/* The store's labels as JSON (above) or as an annotation.conf. */
char             *px_codebook_to_json      (PxStore     *store,
                                            GError     **error);
char             *px_codebook_to_brat_conf (PxStore     *store,
                                            GError     **error);

/* Reads @path (JSON when it starts with '{', else annotation.conf) and
 * merges it into the corpus's codebook through @editor, as one step.
 * Errors name the file (and line). */
PxCodebookReport *px_codebook_import       (PxEditor    *editor,
                                            const char  *path,
                                            GError     **error);

G_END_DECLS
