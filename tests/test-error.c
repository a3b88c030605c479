/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The error domain is registered once and keeps its name. */
#include "px-error.h"

static void
test_error_quark (void)
{
  g_autoptr(GError) error = g_error_new (PX_ERROR, PX_ERROR_LOCKED, "locked");

  g_assert_cmpstr (g_quark_to_string (PX_ERROR), ==, "px-error-quark");
  g_assert_true (g_error_matches (error, PX_ERROR, PX_ERROR_LOCKED));
  g_assert_false (g_error_matches (error, PX_ERROR, PX_ERROR_FAILED));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/error/quark", test_error_quark);
  return g_test_run ();
}
