/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-demo.h: the demo corpus shipped in data/samples.
 *
 * The demo lives in its own file, never in the user's corpus, and is rebuilt
 * from the samples when the file is missing or the samples changed (a digest
 * of the samples is kept next to the file). See data/samples/README.md for
 * the annotations.tsv format.
 */
#pragma once

#include <gio/gio.h>

#include "px-store.h"

G_BEGIN_DECLS

/* $PARALLAX_SAMPLES_DIR when set, else @installed_dir (the installed
 * datadir/parallax/samples). */
char     *px_demo_find_samples_dir (const char *installed_dir);

/* g_get_user_data_dir()/parallax/demo.db */
char     *px_demo_default_path     (void);

/* A SHA-256 over the names and contents of the sample files. */
char     *px_demo_samples_digest   (const char  *samples_dir,
                                    GError     **error);

/* Imports the sample articles into @store and applies annotations.tsv to the
 * articles that were new (a second load adds nothing), in one transaction. */
gboolean  px_demo_load             (PxStore     *store,
                                    const char  *samples_dir,
                                    GError     **error);

/* Opens the demo corpus at @db_path, rebuilding it first when it is missing
 * or older than the samples. */
PxStore  *px_demo_open             (const char  *samples_dir,
                                    const char  *db_path,
                                    GError     **error);

G_END_DECLS
