/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-test-util.h: small helpers shared by the tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary directory, removed (recursively) at exit of the test
 * program. */
char       *px_test_tmpdir          (void);

/* A path for a new corpus file in a fresh temporary directory. */
char       *px_test_db_path         (void);

/* ../shared, or NULL when it is absent (a user's fresh clone): callers then
 * g_test_skip(). */
const char *px_test_shared_dir      (void);

/* A file under tests/ (the source tree). */
char       *px_test_src_path        (const char *first, ...) G_GNUC_NULL_TERMINATED;

/* Writes @len bytes to a new file under a temporary directory, returns its
 * path. */
char       *px_test_write_file      (const char *name,
                                     const void *data,
                                     gssize      len);

/* Removes a directory tree. */
void        px_test_rm_rf           (const char *path);

G_END_DECLS
