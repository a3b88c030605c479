/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-story.c: a read-only model object; the store fills it at construction. */
#include "px-story.h"

struct _PxStory
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *date;
  char *notes;
  guint n_articles;
};

G_DEFINE_FINAL_TYPE (PxStory, px_story, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DATE,
  PROP_NOTES,
  PROP_N_ARTICLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_story_finalize (GObject *object)
{
  PxStory *self = PX_STORY (object);

  g_free (self->name);
  g_free (self->date);
  g_free (self->notes);

  G_OBJECT_CLASS (px_story_parent_class)->finalize (object);
}

static void
px_story_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PxStory *self = PX_STORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_N_ARTICLES:
      g_value_set_uint (value, self->n_articles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_story_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PxStory *self = PX_STORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_DATE:
      self->date = g_value_dup_string (value);
      break;
    case PROP_NOTES:
      self->notes = g_value_dup_string (value);
      break;
    case PROP_N_ARTICLES:
      self->n_articles = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_story_class_init (PxStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_story_finalize;
  object_class->get_property = px_story_get_property;
  object_class->set_property = px_story_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ARTICLES] =
    g_param_spec_uint ("n-articles", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_story_init (PxStory *self)
{
}

gint64 
px_story_get_id (PxStory *self)
{
  g_return_val_if_fail (PX_IS_STORY (self), 0);
  return self->id;
}

const char *
px_story_get_name (PxStory *self)
{
  g_return_val_if_fail (PX_IS_STORY (self), 0);
  return self->name;
}

const char *
px_story_get_date (PxStory *self)
{
  g_return_val_if_fail (PX_IS_STORY (self), 0);
  return self->date;
}

const char *
px_story_get_notes (PxStory *self)
{
  g_return_val_if_fail (PX_IS_STORY (self), 0);
  return self->notes;
}

guint 
px_story_get_n_articles (PxStory *self)
{
  g_return_val_if_fail (PX_IS_STORY (self), 0);
  return self->n_articles;
}
