/* px-store-models.c: list models that follow the store.
 *
 * Each is a GListStore refilled from a loader when the matching signal
 * fires. Items are small (no article text), so even 10,000 articles cost a
 * few megabytes; a refill is one items-changed emission. */
#include "px-store-private.h"

typedef GPtrArray *(*Loader) (PxStore *self, gint64 arg);

typedef struct
{
  PxStore *store;   /* weak */
  Loader   load;
  gint64   arg;
} ModelData;

static void
model_data_free (gpointer data)
{
  ModelData *md = data;

  g_clear_weak_pointer (&md->store);
  g_free (md);
}

static void
refill (GListStore *list)
{
  ModelData *md = g_object_get_data (G_OBJECT (list), "px-model");
  g_autoptr(GPtrArray) items = NULL;

  if (md == NULL || md->store == NULL)
    return;
  items = md->load (md->store, md->arg);
  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                       items->pdata, items->len);
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

static void
on_any_article_changed (PxStore    *store,
                        gint64      article_id,
                        GListStore *list)
{
  refill (list);
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
load_all_articles (PxStore *self, gint64 story_id)
{
  return px_store_load_articles (self, story_id);
}

static GPtrArray *
load_stories (PxStore *self, gint64 unused)
{
  return px_store_load_stories (self);
}

static GPtrArray *
load_labels (PxStore *self, gint64 unused)
{
  return px_store_load_labels (self);
}

static GPtrArray *
load_entities (PxStore *self, gint64 unused)
{
  return px_store_load_entities (self);
}

GListModel *
px_store_list_articles (PxStore *self,
                        gint64   story_id)
{
  /* Annotation counts live on article items, so annotations matter too. */
  static const char *const sigs[] = { "articles-changed", "stories-changed", NULL };

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return make_model (self, PX_TYPE_ARTICLE, load_all_articles, story_id, sigs, FALSE);
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
  model = make_model (self, PX_TYPE_ENTITY, load_entities, 0, sigs, FALSE);
  /* Mention counts move with annotations in any article. */
  g_signal_connect_object (self, "annotations-changed", G_CALLBACK (on_any_article_changed), model, 0);
  return model;
}

GListModel *
px_store_list_annotations (PxStore *self,
                           gint64   article_id)
{
  static const char *const sigs[] = { "annotations-changed", NULL };

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return make_model (self, PX_TYPE_ANNOTATION, px_store_load_annotations, article_id, sigs, TRUE);
}

GListModel *
px_store_list_events (PxStore *self,
                      gint64   article_id)
{
  static const char *const sigs[] = { "events-changed", NULL };

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return make_model (self, PX_TYPE_EVENT, px_store_load_events, article_id, sigs, TRUE);
}
