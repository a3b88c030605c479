/* fuzz-store.h: one small corpus shared by a harness's whole run, so that
 * parsed inputs also go through the store import (labels, annotations,
 * fragments, events, relations, kept lines) and back out. Removed at exit.
 * Header-only: each harness is one program. */
#pragma once

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "px-interchange-store.h"
#include "px-store.h"

/* abort(), not g_error(): libFuzzer saves the input on SIGABRT. */
static G_GNUC_NORETURN void
fuzz_fail (const char *what, const GError *error)
{
  fprintf (stderr, "%s: %s\n", what, error != NULL ? error->message : "(no message)");
  abort ();
}

static PxStore *fuzz_store_instance;
static char *fuzz_store_dir;

static void
fuzz_store_remove (void)
{
  const char *names[] = { "corpus.db", "corpus.db-wal", "corpus.db-shm" };

  g_clear_object (&fuzz_store_instance);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fuzz_store_dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (fuzz_store_dir);
}

/* The corpus, holding one article ("Kuleba met Lavrov in Antalya.", id 1). */
static inline PxStore *
fuzz_store (void)
{
  g_autofree char *path = NULL;
  PxArticleInfo info = { .title = (char *) "good", .text = (char *) "Kuleba met Lavrov in Antalya." };

  if (fuzz_store_instance != NULL)
    return fuzz_store_instance;
  fuzz_store_dir = g_dir_make_tmp ("fuzz-store-XXXXXX", NULL);
  g_assert (fuzz_store_dir != NULL);
  atexit (fuzz_store_remove);
  path = g_build_filename (fuzz_store_dir, "corpus.db", NULL);
  fuzz_store_instance = px_store_open (path, PX_STORE_OPEN_DEFAULT, NULL);
  g_assert (fuzz_store_instance != NULL);
  g_assert (px_store_add_article (fuzz_store_instance, &info, NULL, NULL) == 1);
  return fuzz_store_instance;
}

/* Imports @doc and, when it landed, loads it back. A store error about the
 * corpus itself (full, locked, read-only) is a bug here: no input may cause
 * one. */
static inline void
fuzz_store_round_trip (PxIxDocument *doc, const char *format)
{
  PxIxImportOptions options = { format, NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (px_interchange_import_document (fuzz_store (), doc, &options, &id, &error))
    {
      g_autoptr(PxIxDocument) back = px_interchange_load_document (fuzz_store (), id, &error);

      g_assert (back != NULL);
    }
  else if (px_interchange_error_is_fatal (error))
    fuzz_fail ("the store failed", error);
}
