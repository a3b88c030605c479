/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-models.c: list models that follow the store.
 *
 * Each is a GListStore refilled from a loader when the matching signal
 * fires. Items are small (no article text), so even 10,000 articles cost a
 * few megabytes; a refill is one items-changed emission. */
#include "px-store-private.h"

typedef GPtrArray *(*Loader) (PxStore *self, gint64 arg, GError **error);

typedef struct
{
  PxStore *store;   /* weak */
  Loader   load;
  gint64   arg;
  /* Annotation lists only: id → item, so that a changed row is found by a
   * binary search from its old place instead of a walk through 20,000.
   * Built with every fill (about 5 ms for 20,000): built lazily, it moved
   * that cost onto the first label key after an article opens. */
  GHashTable *by_id;
} ModelData;

static void
model_data_free (gpointer data)
{
  ModelData *md = data;

  g_clear_pointer (&md->by_id, g_hash_table_unref);
  g_clear_weak_pointer (&md->store);
  g_free (md);
}

static gboolean
same_arguments (PxEvent *a,
                PxEvent *b)
{
  guint n = px_event_get_n_arguments (a);

  if (n != px_event_get_n_arguments (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const PxEventArgument *x = px_event_get_argument (a, i);
      const PxEventArgument *y = px_event_get_argument (b, i);

      if (x->annotation_id != y->annotation_id || g_strcmp0 (x->role, y->role) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_roles (PxLabel *a,
            PxLabel *b)
{
  GPtrArray *x = px_label_get_roles (a);
  GPtrArray *y = px_label_get_roles (b);
  guint n = x != NULL ? x->len : 0;

  if (n != (y != NULL ? y->len : 0))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const PxRole *r = x->pdata[i];
      const PxRole *t = y->pdata[i];

      if (g_strcmp0 (r->name, t->name) != 0 || r->repeatable != t->repeatable ||
          g_strcmp0 (r->allowed, t->allowed) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Annotations are the long lists (20,000 in one article), refilled after
 * every edit: compared through their getters, not GValues, which is ten
 * times faster. */
static gboolean
same_annotation (PxAnnotation *a,
                 PxAnnotation *b)
{
  /* Every property of PxAnnotation: keep in step with px-annotation.c. */
  return px_annotation_get_id (a) == px_annotation_get_id (b)
         && px_annotation_get_article_id (a) == px_annotation_get_article_id (b)
         && px_annotation_get_start (a) == px_annotation_get_start (b)
         && px_annotation_get_end (a) == px_annotation_get_end (b)
         && px_annotation_get_label_id (a) == px_annotation_get_label_id (b)
         && px_annotation_get_status (a) == px_annotation_get_status (b)
         && px_annotation_get_entity_id (a) == px_annotation_get_entity_id (b)
         && px_annotation_get_kind (a) == px_annotation_get_kind (b)
         && g_strcmp0 (px_annotation_get_label_name (a), px_annotation_get_label_name (b)) == 0
         && g_strcmp0 (px_annotation_get_entity_name (a), px_annotation_get_entity_name (b)) == 0
         && g_strcmp0 (px_annotation_get_note (a), px_annotation_get_note (b)) == 0
         && g_strcmp0 (px_annotation_get_text (a), px_annotation_get_text (b)) == 0
         && g_strcmp0 (px_annotation_get_annotator (a), px_annotation_get_annotator (b)) == 0
         && g_strcmp0 (px_annotation_get_created_at (a), px_annotation_get_created_at (b)) == 0;
}

/* Two items are the same when every property holds the same value; the
 * boxed ones (event arguments, label roles) are compared field by field. */
static gboolean
same_item (GObject *a,
           GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  if (PX_IS_ANNOTATION (a))
    return same_annotation (PX_ANNOTATION (a), PX_ANNOTATION (b));
  if (PX_IS_EVENT (a) && !same_arguments (PX_EVENT (a), PX_EVENT (b)))
    return FALSE;
  if (PX_IS_LABEL (a) && !same_roles (PX_LABEL (a), PX_LABEL (b)))
    return FALSE;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE) || G_TYPE_IS_BOXED (pspecs[i]->value_type))
        continue;
      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
index_add (ModelData    *md,
           PxAnnotation *a)
{
  gint64 id = px_annotation_get_id (a);

  g_hash_table_replace (md->by_id, g_memdup2 (&id, sizeof id), g_object_ref (a));
}

static void
index_rows (ModelData  *md,
            GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  g_hash_table_remove_all (md->by_id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (list, i);
      index_add (md, a);
    }
}

/* Replaces only the run of items between the unchanged head and tail, so
 * that a view keeps its scroll position and selection across a change. */
static void
refill (GListStore *list)
{
  ModelData *md = g_object_get_data (G_OBJECT (list), "px-model");
  g_autoptr(GPtrArray) items = NULL;
  GError *error = NULL;
  guint old_n, head = 0, tail = 0;

  if (md == NULL || md->store == NULL)
    return;
  items = md->load (md->store, md->arg, &error);
  if (items == NULL)
    {
      /* Keep what the list showed rather than a part of the rows as if it
       * were all of them; the store tells the user. */
      px_store_note_read_error (md->store, error);
      return;
    }
  old_n = g_list_model_get_n_items (G_LIST_MODEL (list));
  while (head < old_n && head < items->len)
    {
      g_autoptr(GObject) old = g_list_model_get_item (G_LIST_MODEL (list), head);
      if (!same_item (old, items->pdata[head]))
        break;
      head++;
    }
  while (tail < old_n - head && tail < items->len - head)
    {
      g_autoptr(GObject) old = g_list_model_get_item (G_LIST_MODEL (list), old_n - 1 - tail);
      if (!same_item (old, items->pdata[items->len - 1 - tail]))
        break;
      tail++;
    }
  if (head + tail == old_n && head + tail == items->len)
    return;
  g_list_store_splice (list, head, old_n - head - tail,
                       items->pdata + head, items->len - head - tail);
  if (md->by_id != NULL)
    index_rows (md, G_LIST_MODEL (list));
}

static void
on_changed (PxStore    *store,
            GListStore *list)
{
  refill (list);
}

static void
on_article_changed (PxStore    *store,
                    gint64      article_id,
                    GListStore *list)
{
  ModelData *md = g_object_get_data (G_OBJECT (list), "px-model");

  if (article_id == 0 || article_id == md->arg)
    refill (list);
}

/* Where @a belongs in a list sorted like px_store_load_annotations(): by
 * start, end, then id. */
static int
compare_annotations (PxAnnotation *a,
                     PxAnnotation *b)
{
  gsize as = px_annotation_get_start (a), bs = px_annotation_get_start (b);
  gsize ae = px_annotation_get_end (a), be = px_annotation_get_end (b);
  gint64 ai = px_annotation_get_id (a), bi = px_annotation_get_id (b);

  if (as != bs)
    return as < bs ? -1 : 1;
  if (ae != be)
    return ae < be ? -1 : 1;
  return ai < bi ? -1 : ai > bi;
}

static guint
insertion_point (GListModel   *list,
                 PxAnnotation *a)
{
  guint lo = 0, hi = g_list_model_get_n_items (list);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(PxAnnotation) m = g_list_model_get_item (list, mid);

      if (compare_annotations (m, a) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Whether @a sorts between the neighbours of position @pos. */
static gboolean
fits_at (GListModel   *list,
         guint         pos,
         PxAnnotation *a)
{
  guint n = g_list_model_get_n_items (list);

  if (pos > 0)
    {
      g_autoptr(PxAnnotation) prev = g_list_model_get_item (list, pos - 1);
      if (compare_annotations (prev, a) > 0)
        return FALSE;
    }
  if (pos + 1 < n)
    {
      g_autoptr(PxAnnotation) next = g_list_model_get_item (list, pos + 1);
      if (compare_annotations (a, next) > 0)
        return FALSE;
    }
  return TRUE;
}

/* One changed annotation: removed, replaced or added at its place, so that
 * tagging in an article of 20,000 annotations does not reload them all. */
static void
update_annotation_row (PxStore    *store,
                       GListStore *list,
                       gint64      id)
{
  ModelData *md = g_object_get_data (G_OBJECT (list), "px-model");
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxAnnotation) fresh = px_store_get_annotation (store, id, &error);
  PxAnnotation *old = g_hash_table_lookup (md->by_id, &id);
  guint old_pos = G_MAXUINT;

  /* Gone is news; unreadable is not "gone". */
  if (fresh == NULL && !g_error_matches (error, PX_ERROR, PX_ERROR_NOT_FOUND))
    {
      px_store_note_read_error (store, g_steal_pointer (&error));
      return;
    }

  if (old != NULL)
    {
      g_autoptr(PxAnnotation) there = NULL;

      if (fresh != NULL && same_annotation (old, fresh))
        return;
      /* The list is sorted by (start, end, id) and ids are unique. */
      old_pos = insertion_point (model, old);
      there = old_pos < g_list_model_get_n_items (model) ? g_list_model_get_item (model, old_pos) : NULL;
      if (there != old)
        {
          /* Not where the index says: should not happen; start afresh. */
          refill (list);
          index_rows (md, model);
          return;
        }
    }
  if (old_pos != G_MAXUINT && fresh != NULL && fits_at (model, old_pos, fresh))
    {
      /* Same place (a new label, status or note): one items-changed. */
      index_add (md, fresh);
      g_list_store_splice (list, old_pos, 1, (gpointer *) &fresh, 1);
      return;
    }
  if (old_pos != G_MAXUINT)
    {
      g_hash_table_remove (md->by_id, &id);
      g_list_store_remove (list, old_pos);
    }
  if (fresh != NULL)
    {
      index_add (md, fresh);
      g_list_store_insert (list, insertion_point (model, fresh), fresh);
    }
}

static void
on_annotations_changed (PxStore    *store,
                        gint64      article_id,
                        GListStore *list)
{
  ModelData *md = g_object_get_data (G_OBJECT (list), "px-model");
  const GArray *rows = px_store_get_changed_annotation_rows (store);

  if (article_id != 0 && article_id != md->arg)
    return;
  if (rows == NULL || rows->len > 64)
    {
      refill (list);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    update_annotation_row (store, list, g_array_index (rows, gint64, i));
}

static GListModel *
make_model (PxStore     *self,
            GType        type,
            Loader       load,
            gint64       arg,
            const char  *const *signals,
            gboolean     per_article)
{
  GListStore *list = g_list_store_new (type);
  ModelData *md = g_new0 (ModelData, 1);

  g_set_weak_pointer (&md->store, self);
  md->load = load;
  md->arg = arg;
  g_object_set_data_full (G_OBJECT (list), "px-model", md, model_data_free);
  for (guint i = 0; signals[i] != NULL; i++)
    g_signal_connect_object (self, signals[i],
                             per_article ? G_CALLBACK (on_article_changed) : G_CALLBACK (on_changed),
                             list, 0);
  refill (list);
  return G_LIST_MODEL (list);
}

static GPtrArray *
load_stories (PxStore *self, gint64 unused, GError **error)
{
  return px_store_load_stories (self, error);
}

static GPtrArray *
load_labels (PxStore *self, gint64 unused, GError **error)
{
  return px_store_load_labels (self, error);
}

static GPtrArray *
load_entities (PxStore *self, gint64 unused, GError **error)
{
  return px_store_load_entities (self, error);
}

/* Annotation counts moved in @article_id: replace that one item rather
 * than reloading every article. */
static void
on_article_counts (PxStore    *store,
                   gint64      article_id,
                   GListStore *list)
{
  ModelData *md = g_object_get_data (G_OBJECT (list), "px-model");
  g_autoptr(PxArticle) fresh = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (article_id == 0)
    {
      refill (list);
      return;
    }
  fresh = px_store_load_article_item (store, article_id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxArticle) old = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (px_article_get_id (old) != article_id)
        continue;
      if (fresh == NULL)
        refill (list);
      else if (!same_item (G_OBJECT (old), G_OBJECT (fresh)))
        g_list_store_splice (list, i, 1, (gpointer *) &fresh, 1);
      return;
    }
  /* Not listed here: it only matters if it belongs here after all. */
  if (fresh != NULL &&
      (md->arg < 0 || px_article_get_story_id (fresh) == md->arg))
    refill (list);
}

GListModel *
px_store_list_articles (PxStore *self,
                        gint64   story_id)
{
  static const char *const sigs[] = { "articles-changed::rows", "stories-changed", NULL };
  GListModel *model;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  model = make_model (self, PX_TYPE_ARTICLE, px_store_load_articles, story_id, sigs, FALSE);
  g_signal_connect_object (self, "annotations-changed", G_CALLBACK (on_article_counts), model, 0);
  return model;
}

GListModel *
px_store_list_stories (PxStore *self)
{
  static const char *const sigs[] = { "stories-changed", NULL };

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return make_model (self, PX_TYPE_STORY, load_stories, 0, sigs, FALSE);
}

GListModel *
px_store_list_labels (PxStore *self)
{
  static const char *const sigs[] = { "labels-changed", NULL };

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return make_model (self, PX_TYPE_LABEL, load_labels, 0, sigs, FALSE);
}

GListModel *
px_store_list_entities (PxStore *self)
{
  static const char *const sigs[] = { "entities-changed", NULL };
  GListModel *model;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  /* Mention counts move with annotations; the store then emits
   * entities-changed too, once per commit. */
  model = make_model (self, PX_TYPE_ENTITY, load_entities, 0, sigs, FALSE);
  return model;
}

GListModel *
px_store_list_annotations (PxStore *self,
                           gint64   article_id)
{
  static const char *const sigs[] = { "annotations-changed", NULL };
  static const char *const no_sigs[] = { NULL };
  GListModel *model;
  ModelData *md;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  /* Connected below with the handler that knows single rows. */
  model = make_model (self, PX_TYPE_ANNOTATION, px_store_load_annotations, article_id, no_sigs, TRUE);
  md = g_object_get_data (G_OBJECT (model), "px-model");
  md->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  index_rows (md, model);
  g_signal_connect_object (self, sigs[0], G_CALLBACK (on_annotations_changed), model, 0);
  return model;
}

GListModel *
px_store_list_events (PxStore *self,
                      gint64   article_id)
{
  static const char *const sigs[] = { "events-changed", NULL };

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return make_model (self, PX_TYPE_EVENT, px_store_load_events, article_id, sigs, TRUE);
}

guint
px_store_annotation_position (GListModel *annotations,
                              gint64      id)
{
  ModelData *md;
  PxAnnotation *a;
  g_autoptr(PxAnnotation) there = NULL;
  guint pos;

  g_return_val_if_fail (G_IS_LIST_STORE (annotations), G_MAXUINT);
  md = g_object_get_data (G_OBJECT (annotations), "px-model");
  g_return_val_if_fail (md != NULL && md->by_id != NULL, G_MAXUINT);
  a = g_hash_table_lookup (md->by_id, &id);
  if (a == NULL)
    return G_MAXUINT;
  pos = insertion_point (annotations, a);
  if (pos < g_list_model_get_n_items (annotations))
    there = g_list_model_get_item (annotations, pos);
  return there == a ? pos : G_MAXUINT;
}
