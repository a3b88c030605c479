/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-event.c: a read-only model object; the store fills it at construction. */
#include "px-event.h"

struct _PxEvent
{
  GObject parent_instance;

  gint64 id;
  gint64 article_id;
  gint64 label_id;
  char *label_name;
  gint64 trigger_annotation_id;
  gint64 story_event_id;
  GPtrArray *arguments;
};

G_DEFINE_FINAL_TYPE (PxEvent, px_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ARTICLE_ID,
  PROP_LABEL_ID,
  PROP_LABEL_NAME,
  PROP_TRIGGER_ANNOTATION_ID,
  PROP_STORY_EVENT_ID,
  PROP_ARGUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_event_finalize (GObject *object)
{
  PxEvent *self = PX_EVENT (object);

  g_free (self->label_name);
  g_clear_pointer (&self->arguments, g_ptr_array_unref);

  G_OBJECT_CLASS (px_event_parent_class)->finalize (object);
}

static void
px_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PxEvent *self = PX_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ARTICLE_ID:
      g_value_set_int64 (value, self->article_id);
      break;
    case PROP_LABEL_ID:
      g_value_set_int64 (value, self->label_id);
      break;
    case PROP_LABEL_NAME:
      g_value_set_string (value, self->label_name);
      break;
    case PROP_TRIGGER_ANNOTATION_ID:
      g_value_set_int64 (value, self->trigger_annotation_id);
      break;
    case PROP_STORY_EVENT_ID:
      g_value_set_int64 (value, self->story_event_id);
      break;
    case PROP_ARGUMENTS:
      g_value_set_boxed (value, self->arguments);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PxEvent *self = PX_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_ARTICLE_ID:
      self->article_id = g_value_get_int64 (value);
      break;
    case PROP_LABEL_ID:
      self->label_id = g_value_get_int64 (value);
      break;
    case PROP_LABEL_NAME:
      self->label_name = g_value_dup_string (value);
      break;
    case PROP_TRIGGER_ANNOTATION_ID:
      self->trigger_annotation_id = g_value_get_int64 (value);
      break;
    case PROP_STORY_EVENT_ID:
      self->story_event_id = g_value_get_int64 (value);
      break;
    case PROP_ARGUMENTS:
      self->arguments = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_event_class_init (PxEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_event_finalize;
  object_class->get_property = px_event_get_property;
  object_class->set_property = px_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_ID] =
    g_param_spec_int64 ("label-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_NAME] =
    g_param_spec_string ("label-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRIGGER_ANNOTATION_ID] =
    g_param_spec_int64 ("trigger-annotation-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORY_EVENT_ID] =
    g_param_spec_int64 ("story-event-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARGUMENTS] =
    g_param_spec_boxed ("arguments", NULL, NULL, G_TYPE_PTR_ARRAY, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_event_init (PxEvent *self)
{
}

gint64 
px_event_get_id (PxEvent *self)
{
  g_return_val_if_fail (PX_IS_EVENT (self), 0);
  return self->id;
}

gint64 
px_event_get_article_id (PxEvent *self)
{
  g_return_val_if_fail (PX_IS_EVENT (self), 0);
  return self->article_id;
}

gint64 
px_event_get_label_id (PxEvent *self)
{
  g_return_val_if_fail (PX_IS_EVENT (self), 0);
  return self->label_id;
}

const char *
px_event_get_label_name (PxEvent *self)
{
  g_return_val_if_fail (PX_IS_EVENT (self), 0);
  return self->label_name;
}

gint64 
px_event_get_trigger_annotation_id (PxEvent *self)
{
  g_return_val_if_fail (PX_IS_EVENT (self), 0);
  return self->trigger_annotation_id;
}

gint64 
px_event_get_story_event_id (PxEvent *self)
{
  g_return_val_if_fail (PX_IS_EVENT (self), 0);
  return self->story_event_id;
}
guint
px_event_get_n_arguments (PxEvent *self)
{
  g_return_val_if_fail (PX_IS_EVENT (self), 0);
  return self->arguments != NULL ? self->arguments->len : 0;
}

const PxEventArgument *
px_event_get_argument (PxEvent *self,
                       guint    index)
{
  g_return_val_if_fail (PX_IS_EVENT (self), NULL);
  g_return_val_if_fail (index < px_event_get_n_arguments (self), NULL);
  return g_ptr_array_index (self->arguments, index);
}

PxEventArgument *
px_event_argument_new (const char *role,
                       gint64      annotation_id)
{
  PxEventArgument *arg = g_new0 (PxEventArgument, 1);

  arg->role = g_strdup (role);
  arg->annotation_id = annotation_id;
  return arg;
}

void
px_event_argument_free (PxEventArgument *arg)
{
  if (arg == NULL)
    return;
  g_free (arg->role);
  g_free (arg);
}
