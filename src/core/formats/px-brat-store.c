/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-brat-store.c: brat collections into and out of a corpus. */
#include "px-brat.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "px-brat-conf.h"
#include "px-error.h"
#include "px-files.h"
#include "px-interchange-store.h"
#include "px-store-interchange.h"

static gboolean
has_role (PxLabel *label, const char *name)
{
  GPtrArray *roles = px_label_get_roles (label);

  for (guint i = 0; roles != NULL && i < roles->len; i++)
    if (g_str_equal (((PxRole *) roles->pdata[i])->name, name))
      return TRUE;
  return FALSE;
}

static gboolean
ensure_conf_type (PxStore *store, PxBratConfType *type, PxLabelKind kind, GError **error)
{
  g_autoptr(PxLabel) label = px_store_find_label (store, type->name);
  gint64 id;

  if (label == NULL)
    {
      id = px_store_add_label (store, type->name, kind, NULL, NULL, NULL, error);
      if (id == 0 || (label = px_store_get_label (store, id, error)) == NULL)
        return FALSE;
    }
  id = px_label_get_id (label);
  for (guint i = 0; i < type->roles->len; i++)
    {
      PxRole *role = type->roles->pdata[i];

      if (!has_role (label, role->name) && !px_store_add_label_role (store, id, role, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_conf (PxStore *store, PxBratConf *conf, GError **error)
{
  for (guint i = 0; i < conf->entities->len; i++)
    if (!ensure_conf_type (store, conf->entities->pdata[i], PX_LABEL_ENTITY, error))
      return FALSE;
  for (guint i = 0; i < conf->events->len; i++)
    if (!ensure_conf_type (store, conf->events->pdata[i], PX_LABEL_EVENT, error))
      return FALSE;
  for (guint i = 0; i < conf->relation_lines->len; i++)
    if (!px_store_ix_add_conf_line (store, "relations", conf->relation_lines->pdata[i], error))
      return FALSE;
  for (guint i = 0; i < conf->attribute_lines->len; i++)
    if (!px_store_ix_add_conf_line (store, "attributes", conf->attribute_lines->pdata[i], error))
      return FALSE;
  return TRUE;
}

gboolean
px_brat_import_conf (PxStore *store, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(PxBratConf) conf = NULL;

  data = px_ix_read_text_file (path, 0, &len, error);
  if (data == NULL || (conf = px_brat_conf_parse (data, len, path, error)) == NULL)
    return FALSE;
  if (!px_store_begin (store, error))
    return FALSE;
  if (!import_conf (store, conf, error))
    {
      px_store_rollback (store);
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  /* A failed commit has rolled back already. */
  if (!px_store_commit (store, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

/* ---- Walking paths ---------------------------------------------------- */

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

typedef struct
{
  GPtrArray  *confs;
  GPtrArray  *docs;
  GPtrArray  *problems;  /* char *: folders not read, said as failures */
  GHashTable *seen;
  PxWalk     *walk;
} Collect;

static void collect_file (Collect *c, const char *path);

static gboolean
wanted_in_folder (const char *name)
{
  return name[0] != '.' && (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".ann") ||
                            g_str_equal (name, "annotation.conf"));
}

/* FALSE when the whole walk must stop (cancelled, or too many entries). */
static gboolean
collect_dir (Collect *c, const char *path, guint depth)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local = NULL;
  char *message = NULL;
  const char *name;

  switch (px_walk_enter (c->walk, path, depth, &message))
    {
    case PX_WALK_SEEN:
      return TRUE;
    case PX_WALK_TOO_DEEP:
      g_ptr_array_add (c->problems, message);
      return TRUE;
    case PX_WALK_STOP:
      return FALSE;
    case PX_WALK_ENTER:
      break;
    }
  if ((dir = g_dir_open (path, 0, &local)) == NULL)
    {
      g_ptr_array_add (c->problems, g_strdup_printf ("%s: cannot read this folder: %s", path, local->message));
      return TRUE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!px_walk_count (c->walk))
        return FALSE;
      if (name[0] == '.')
        continue;
      /* stat() follows links; px_walk_enter() knows a folder seen before. */
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (!collect_dir (c, child, depth + 1))
            return FALSE;
        }
      else if (wanted_in_folder (name))
        collect_file (c, child);
    }
  return TRUE;
}

static void
collect_file (Collect *c, const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_equal (base, "annotation.conf"))
    {
      if (g_hash_table_add (c->seen, g_strdup (path)))
        g_ptr_array_add (c->confs, g_strdup (path));
      return;
    }
  /* DOC.txt and DOC.ann name the same document. */
  if (g_str_has_suffix (path, ".txt") || g_str_has_suffix (path, ".ann"))
    {
      g_autofree char *stem = g_strndup (path, strlen (path) - 4);

      if (g_hash_table_add (c->seen, g_strdup (stem)))
        g_ptr_array_add (c->docs, g_strconcat (stem, ".txt", NULL));
      return;
    }
  g_ptr_array_add (c->docs, g_strdup (path)); /* reported as not a brat document */
}

static gboolean
collect (Collect *c, const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return collect_dir (c, path, 0);
  collect_file (c, path);
  return TRUE;
}

/* A file named on the command line brings its folder's annotation.conf. */
static void
add_sibling_confs (GPtrArray *docs, GPtrArray *confs, GHashTable *seen)
{
  for (guint i = 0; i < docs->len; i++)
    {
      g_autofree char *dir = g_path_get_dirname (docs->pdata[i]);
      g_autofree char *conf = g_build_filename (dir, "annotation.conf", NULL);

      if (g_file_test (conf, G_FILE_TEST_IS_REGULAR) && g_hash_table_add (seen, g_strdup (conf)))
        g_ptr_array_add (confs, g_steal_pointer (&conf));
    }
}

static void
report_add (PxIxReport *report, const char *message)
{
  g_ptr_array_add (report->messages, g_strdup (message));
}

/* FALSE only when the store itself failed (then @error is set). */
static gboolean
import_one (PxStore *store, const char *path, const PxBratImportOptions *options,
            PxIxReport *report, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(PxIxDocument) doc = NULL;
  PxIxImportOptions ix = { "brat", options != NULL ? options->story : NULL };
  gint64 id = 0;

  if (!g_str_has_suffix (path, ".txt"))
    {
      g_autofree char *msg = g_strdup_printf ("%s: not a brat document (want DOC.txt with DOC.ann)", path);

      report->n_failed++;
      report_add (report, msg);
      return TRUE;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *stem = g_strndup (path, strlen (path) - 4);
      g_autofree char *ann = g_strconcat (stem, ".ann", NULL);
      g_autofree char *txt_name = g_path_get_basename (path);
      g_autofree char *msg = g_strdup_printf ("%s: no %s beside it; a brat document is a .txt "
                                              "with its .ann", ann, txt_name);

      report->n_failed++;
      report_add (report, msg);
      return TRUE;
    }
  doc = px_brat_read_document (path, options != NULL ? options->max_bytes : 0, &local);
  if (doc != NULL && px_interchange_import_document (store, doc, &ix, &id, &local))
    {
      report->n_imported++;
      return TRUE;
    }
  if (px_interchange_error_is_fatal (local))
    {
      px_ix_report_stopped (report, path, 0, "document", "documents", &local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (g_error_matches (local, PX_ERROR, PX_ERROR_DUPLICATE))
    {
      g_autofree char *msg = g_strdup_printf ("%s: already in the corpus as article %" G_GINT64_FORMAT
                                              "; skipped", path, id);
      px_ix_report_add_duplicate (report, msg);
      return TRUE;
    }
  report->n_failed++;
  report_add (report, local->message);
  return TRUE;
}

/* Walks @paths into @c; FALSE with @error when the user cancelled. A walk
 * stopped by its bound is reported, and what it found still imports. */
static gboolean
collect_paths (Collect *c, const char * const *paths, PxIxReport *report, GError **error)
{
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) stopped = NULL;

      if (!g_file_test (paths[i], G_FILE_TEST_EXISTS))
        {
          g_autofree char *msg = g_strdup_printf ("%s: no such file or folder", paths[i]);

          report->n_failed++;
          report_add (report, msg);
          continue;
        }
      if (collect (c, paths[i]))
        continue;
      px_walk_stopped (c->walk, paths[i], &stopped);
      if (g_error_matches (stopped, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&stopped));
          return FALSE;
        }
      report->n_failed++;
      report_add (report, stopped->message);
      break;
    }
  for (guint i = 0; i < c->problems->len; i++)
    {
      report->n_failed++;
      report_add (report, c->problems->pdata[i]);
    }
  return TRUE;
}

PxIxReport *
px_brat_import_paths (PxStore *store, const char * const *paths,
                      const PxBratImportOptions *options, GError **error)
{
  g_autoptr(PxIxReport) report = px_ix_report_new ();

  if (!px_brat_import_paths_into (store, paths, options, report, error))
    return NULL;
  return g_steal_pointer (&report);
}

gboolean
px_brat_import_paths_into (PxStore *store, const char * const *paths,
                           const PxBratImportOptions *options, PxIxReport *report,
                           GError **error)
{
  g_autoptr(GPtrArray) confs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GCancellable *cancellable = options != NULL ? options->cancellable : NULL;
  g_autoptr(PxWalk) walk = px_walk_new (cancellable);
  Collect c = { confs, docs, problems, seen, walk };

  if (!collect_paths (&c, paths, report, error))
    return FALSE;
  add_sibling_confs (docs, confs, seen);
  g_ptr_array_sort (confs, compare_paths);
  g_ptr_array_sort (docs, compare_paths);
  for (guint i = 0; i < confs->len; i++)
    {
      g_autoptr(GError) local = NULL;

      if (px_brat_import_conf (store, confs->pdata[i], &local))
        continue;
      if (px_interchange_error_is_fatal (local))
        {
          px_ix_report_stopped (report, confs->pdata[i], 0, "document", "documents", &local);
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      report->n_failed++;
      report_add (report, local->message);
    }
  for (guint i = 0; i < docs->len; i++)
    if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
        !import_one (store, docs->pdata[i], options, report, error))
      return FALSE;
  return TRUE;
}

/* ---- Export ----------------------------------------------------------- */

static PxBratConf *
conf_from_store (PxStore *store, GError **error)
{
  g_autoptr(PxBratConf) conf = px_brat_conf_new ();
  g_autoptr(GListModel) labels = px_store_list_labels (store);
  g_autoptr(GPtrArray) rels = NULL;
  g_autoptr(GPtrArray) attrs = NULL;
  GError *read_error = px_store_take_read_error (store);

  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return NULL;
    }
  if ((rels = px_store_ix_list_conf_lines (store, "relations", error)) == NULL ||
      (attrs = px_store_ix_list_conf_lines (store, "attributes", error)) == NULL)
    return NULL;
  for (guint i = 0; i < rels->len; i++)
    g_ptr_array_add (conf->relation_lines, g_strdup (rels->pdata[i]));
  for (guint i = 0; i < attrs->len; i++)
    g_ptr_array_add (conf->attribute_lines, g_strdup (attrs->pdata[i]));
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (labels, i);
      gboolean event = px_label_get_kind (label) == PX_LABEL_EVENT;
      PxBratConfType *type = px_brat_conf_add_type (conf, event, px_label_get_name (label));
      GPtrArray *roles = px_label_get_roles (label);

      for (guint j = 0; event && roles != NULL && j < roles->len; j++)
        {
          PxRole *r = roles->pdata[j];

          g_ptr_array_add (type->roles, px_role_new (r->name, r->repeatable, r->allowed));
        }
    }
  return g_steal_pointer (&conf);
}

static gboolean
export_article (PxStore *store, gint64 id, const char *dir, GHashTable *taken,
                GHashTable *relation_types, GError **error)
{
  g_autoptr(PxIxDocument) doc = px_interchange_load_document (store, id, error);
  g_autofree char *stem = NULL;

  if (doc == NULL)
    return FALSE;
  stem = px_interchange_export_stem (doc, id, taken);
  for (guint i = 0; i < doc->relations->len; i++)
    g_hash_table_add (relation_types, g_strdup (((PxIxRelation *) doc->relations->pdata[i])->type));
  return px_brat_write_document (doc, dir, stem, error);
}

gboolean
px_brat_export_dir (PxStore *store, const char *dir, GError **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) relation_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PxBratConf) conf = NULL;
  g_autofree const char **types = NULL;
  g_autofree char *conf_text = NULL;
  g_autofree char *conf_path = NULL;
  g_autoptr(GError) local = NULL;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s: cannot create the folder: %s",
                   dir, g_strerror (saved));
      return FALSE;
    }
  /* annotation.conf is written by Parallax; a document may not take its name. */
  g_hash_table_add (taken, g_strdup ("annotation"));
  if ((ids = px_interchange_read_article_ids (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!export_article (store, g_array_index (ids, gint64, i), dir, taken, relation_types, error))
      return FALSE;
  if ((conf = conf_from_store (store, error)) == NULL)
    return FALSE;
  types = (const char **) g_hash_table_get_keys_as_array (relation_types, NULL);
  conf_text = px_brat_conf_format (conf, types);
  conf_path = g_build_filename (dir, "annotation.conf", NULL);
  if (!g_file_set_contents_full (conf_path, conf_text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}
