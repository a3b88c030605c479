/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare-export.h: a compare result as CSV files, for R, pandas or a
 * spreadsheet. Used by `parallax-cli compare --format csv` and by the
 * compare view's export. */
#pragma once

#include "px-compare.h"
#include "px-csv.h"

G_BEGIN_DECLS

/* Writes into @dir (created when missing):
 *   alignment.csv   a_article_id, a_start, a_end, a_text, b_article_id,
 *                   b_start, b_end, b_text, score, status
 *                   (one row per aligned pair, then one per unique sentence
 *                   with the b_ columns empty)
 *   coverage.csv    entity_id, entity, label, then article_<id> counts
 *   event_grid.csv  story_event_id, event_type, role, article_id, value,
 *                   normalised_value, conflict, verdict (same, compatible,
 *                   check or conflict, against the other articles), reason
 *   quotes.csv      quote_group, article_id, start, end, text, speaker,
 *                   speaker_entity_id, marked, n_articles
 * Offsets are code points. Errors name the file. */
gboolean px_compare_export_csv (const PxCompareInput  *input,
                                const PxCompareResult *result,
                                const char            *dir,
                                GError               **error);
/* The same with the CSV writer's flags: PX_CSV_WRITER_RAW keeps
 * formula-like cells as they are, PX_CSV_WRITER_BOM adds a byte order
 * mark. */
gboolean px_compare_export_csv_with_flags (const PxCompareInput  *input,
                                           const PxCompareResult *result,
                                           const char            *dir,
                                           PxCsvWriterFlags       flags,
                                           GError               **error);

G_END_DECLS
