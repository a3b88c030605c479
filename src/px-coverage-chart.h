/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-coverage-chart.h: one bar per article: the share of its sentences that
 * are shared, partial or unique, with its conflict count. */
#pragma once

#include <gtk/gtk.h>
#include "px-compare.h"

G_BEGIN_DECLS

#define PX_TYPE_COVERAGE_CHART (px_coverage_chart_get_type ())
G_DECLARE_FINAL_TYPE (PxCoverageChart, px_coverage_chart, PX, COVERAGE_CHART, GtkWidget)

GtkWidget *px_coverage_chart_new      (void);
/* Copies @names and @summaries. */
void       px_coverage_chart_set_data (PxCoverageChart        *self,
                                       const char * const     *names,
                                       const PxCompareSummary *summaries,
                                       guint                   n);

G_END_DECLS
