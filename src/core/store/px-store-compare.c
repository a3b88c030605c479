/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-compare.c: what the compare engine reads from the store.
 *
 * Only the public store API is used here (no SQL); the loader lives apart
 * from px-compare.c so that the engine links without the store, as its
 * tests and benchmark do. */
#include "px-error.h"
#include "px-store-compare.h"

static gboolean
check_ids (const gint64 *ids, guint n, GError **error)
{
  if (n < 2 || n > PX_ALIGN_MAX_DOCS)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "compare: %u articles given; compare takes 2 to %d", n, PX_ALIGN_MAX_DOCS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < i; j++)
      if (ids[i] == ids[j])
        {
          g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                       "compare: article %" G_GINT64_FORMAT " is given twice", ids[i]);
          return FALSE;
        }
  return TRUE;
}

static void
load_roles (PxCompareInput *in, PxStore *store)
{
  g_autoptr(GListModel) labels = px_store_list_labels (store);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (labels, i);
      GPtrArray *roles;  /* transfer none: the label owns it */
      g_autoptr(GPtrArray) names = NULL;

      if (px_label_get_kind (label) != PX_LABEL_EVENT)
        continue;
      roles = px_label_get_roles (label);
      names = g_ptr_array_new ();
      for (guint r = 0; roles && r < roles->len; r++)
        {
          g_ptr_array_add (names, ((PxRole *) roles->pdata[r])->name);
          if (((PxRole *) roles->pdata[r])->repeatable)
            px_compare_input_set_repeatable (in, px_label_get_name (label), ((PxRole *) roles->pdata[r])->name);
        }
      g_ptr_array_add (names, NULL);
      px_compare_input_set_roles (in, px_label_get_name (label), (const char * const *) names->pdata);
    }
}

/* Annotations become mentions; @index maps annotation id → mention index. */
static void
load_mentions (PxCompareArticle *a, PxStore *store, GHashTable *index)
{
  g_autoptr(GListModel) anns = px_store_list_annotations (store, a->id);

  for (guint i = 0; i < g_list_model_get_n_items (anns); i++)
    {
      g_autoptr(PxAnnotation) ann = g_list_model_get_item (anns, i);
      guint m = px_compare_article_add_mention (a, px_annotation_get_id (ann),
                                                px_annotation_get_start (ann),
                                                px_annotation_get_end (ann),
                                                px_annotation_get_label_name (ann),
                                                px_annotation_get_kind (ann) == PX_LABEL_EVENT,
                                                px_annotation_get_entity_id (ann),
                                                px_annotation_get_entity_name (ann));
      gint64 *key = g_new (gint64, 1);

      if (px_annotation_get_value_type (ann) != NULL)
        px_compare_mention_set_value (a, m, px_annotation_get_value_type (ann),
                                      g_strcmp0 (px_annotation_get_value_source (ann), "coder") == 0
                                        ? px_annotation_get_value (ann) : NULL);
      *key = px_annotation_get_id (ann);
      g_hash_table_insert (index, key, GINT_TO_POINTER (m + 1));
    }
}

static int
mention_of (GHashTable *index, gint64 annotation_id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (index, &annotation_id)) - 1;
}

static void
load_events (PxCompareArticle *a, PxStore *store, GHashTable *index)
{
  g_autoptr(GListModel) events = px_store_list_events (store, a->id);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(PxEvent) event = g_list_model_get_item (events, i);
      PxCompareEvent *ev = px_compare_article_add_event (a, px_event_get_id (event),
                                                         px_event_get_story_event_id (event),
                                                         px_event_get_label_name (event),
                                                         mention_of (index, px_event_get_trigger_annotation_id (event)));

      for (guint k = 0; k < px_event_get_n_arguments (event); k++)
        {
          const PxEventArgument *arg = px_event_get_argument (event, k);

          px_compare_event_add_arg (ev, arg->role, mention_of (index, arg->annotation_id));
        }
    }
}

PxCompareInput *
px_compare_input_load (PxStore       *store,
                       const gint64  *ids,
                       guint          n,
                       GError       **error)
{
  g_autoptr(PxCompareInput) in = NULL;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  if (!check_ids (ids, n, error))
    return NULL;
  in = px_compare_input_new ();
  load_roles (in, store);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxArticle) art = px_store_get_article (store, ids[i], error);
      g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      PxCompareArticle *a;

      if (art == NULL)
        return NULL;
      a = px_compare_input_add_article (in, ids[i], px_article_get_title (art),
                                        px_article_get_source (art),
                                        px_article_get_published (art),
                                        px_article_get_language (art),
                                        px_article_get_text (art));
      load_mentions (a, store, index);
      load_events (a, store, index);
    }
  /* The lists above have no error path: a damaged file must not compare
   * as articles without annotations. */
  {
    GError *read_error = px_store_take_read_error (store);

    if (read_error != NULL)
      {
        g_propagate_error (error, read_error);
        return NULL;
      }
  }
  return g_steal_pointer (&in);
}

