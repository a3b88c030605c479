/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-editor-merge.c: another coder's corpus file merged in, as one undo
 * step (px-store-merge.c does the copying).
 * (px-editor.c has the object, its history and how an edit is opened and
 * closed; see px-editor-private.h.) */
#include "px-editor-private.h"

#include <glib/gi18n-lib.h>

PxStoreMergeReport *
px_editor_merge_corpus (PxEditor    *self,
                        const char  *path,
                        GError     **error)
{
  PxStore *store;
  g_autoptr(PxStoreMergeReport) report = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_EDITOR (self), NULL);
  store = px_editor_store (self);
  /* SQLite attaches a file only outside a transaction. */
  if (!px_store_attach_other (store, path, error))
    return NULL;
  if (!px_editor_edit_begin (self, error))
    {
      px_store_detach_other (store);
      return NULL;
    }
  report = px_store_merge_attached (store, error);
  ok = report != NULL;
  px_editor_set_target (self, 0, 0);
  name = g_path_get_basename (path);
  /* Translators: an undo description: Merge “alice.db”. */
  description = g_strdup_printf (_("Merge “%s”"), name);
  ok = px_editor_edit_finish (self, ok, description, error);
  px_store_detach_other (store);
  return ok ? g_steal_pointer (&report) : NULL;
}
