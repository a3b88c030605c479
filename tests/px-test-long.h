/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-test-long.h: the long article of DESIGN.md §6 (1 MB of text carrying
 * 20,000 annotations), shared by test-ui-annotate and px-bench-ui so that
 * the test and the figures speak of the same article. */
#pragma once

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TEST_LONG_N_ANNOTATIONS 20000

typedef struct
{
  gint64 id;
  guint  n_annotations;
  gsize  middle;        /* start of the annotation halfway through */
  gsize  last;          /* start of the last annotation */
  gsize  last_len;
  gsize  n_chars;       /* the text's length in code points */
} PxTestLong;

/* Adds the article (title "Long") and its PER annotations, in one
 * transaction; aborts on any error. */
PxTestLong  px_test_add_long_article (PxStore *store);

G_END_DECLS
