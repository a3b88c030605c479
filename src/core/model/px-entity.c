/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-entity.c: a read-only model object; the store fills it at construction. */
#include "px-entity.h"

struct _PxEntity
{
  GObject parent_instance;

  gint64 id;
  char *name;
  gint64 label_id;
  char *label_name;
  char *match_key;
  guint n_mentions;
  guint n_articles;
};

G_DEFINE_FINAL_TYPE (PxEntity, px_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_LABEL_ID,
  PROP_LABEL_NAME,
  PROP_MATCH_KEY,
  PROP_N_MENTIONS,
  PROP_N_ARTICLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_entity_finalize (GObject *object)
{
  PxEntity *self = PX_ENTITY (object);

  g_free (self->name);
  g_free (self->label_name);
  g_free (self->match_key);

  G_OBJECT_CLASS (px_entity_parent_class)->finalize (object);
}

static void
px_entity_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PxEntity *self = PX_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LABEL_ID:
      g_value_set_int64 (value, self->label_id);
      break;
    case PROP_LABEL_NAME:
      g_value_set_string (value, self->label_name);
      break;
    case PROP_MATCH_KEY:
      g_value_set_string (value, self->match_key);
      break;
    case PROP_N_MENTIONS:
      g_value_set_uint (value, self->n_mentions);
      break;
    case PROP_N_ARTICLES:
      g_value_set_uint (value, self->n_articles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_entity_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PxEntity *self = PX_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_LABEL_ID:
      self->label_id = g_value_get_int64 (value);
      break;
    case PROP_LABEL_NAME:
      self->label_name = g_value_dup_string (value);
      break;
    case PROP_MATCH_KEY:
      self->match_key = g_value_dup_string (value);
      break;
    case PROP_N_MENTIONS:
      self->n_mentions = g_value_get_uint (value);
      break;
    case PROP_N_ARTICLES:
      self->n_articles = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_entity_class_init (PxEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_entity_finalize;
  object_class->get_property = px_entity_get_property;
  object_class->set_property = px_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_ID] =
    g_param_spec_int64 ("label-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_NAME] =
    g_param_spec_string ("label-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATCH_KEY] =
    g_param_spec_string ("match-key", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ARTICLES] =
    g_param_spec_uint ("n-articles", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_entity_init (PxEntity *self)
{
}

gint64 
px_entity_get_id (PxEntity *self)
{
  g_return_val_if_fail (PX_IS_ENTITY (self), 0);
  return self->id;
}

const char *
px_entity_get_name (PxEntity *self)
{
  g_return_val_if_fail (PX_IS_ENTITY (self), 0);
  return self->name;
}

gint64 
px_entity_get_label_id (PxEntity *self)
{
  g_return_val_if_fail (PX_IS_ENTITY (self), 0);
  return self->label_id;
}

const char *
px_entity_get_label_name (PxEntity *self)
{
  g_return_val_if_fail (PX_IS_ENTITY (self), 0);
  return self->label_name;
}

const char *
px_entity_get_match_key (PxEntity *self)
{
  g_return_val_if_fail (PX_IS_ENTITY (self), 0);
  return self->match_key;
}

guint 
px_entity_get_n_mentions (PxEntity *self)
{
  g_return_val_if_fail (PX_IS_ENTITY (self), 0);
  return self->n_mentions;
}

guint 
px_entity_get_n_articles (PxEntity *self)
{
  g_return_val_if_fail (PX_IS_ENTITY (self), 0);
  return self->n_articles;
}
