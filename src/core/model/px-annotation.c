/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-annotation.c: a read-only model object; the store fills it at construction. */
#include "px-annotation.h"

struct _PxAnnotation
{
  GObject parent_instance;

  gint64 id;
  gint64 article_id;
  gint64 label_id;
  char *label_name;
  PxLabelKind kind;
  gsize start;
  gsize end;
  char *text;
  gint64 entity_id;
  char *entity_name;
  char *annotator;
  char *created_at;
  char *note;
  PxAnnotationStatus status;
  char *value_type;
  char *value;
  char *value_source;
};

G_DEFINE_FINAL_TYPE (PxAnnotation, px_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ARTICLE_ID,
  PROP_LABEL_ID,
  PROP_LABEL_NAME,
  PROP_KIND,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_ENTITY_ID,
  PROP_ENTITY_NAME,
  PROP_ANNOTATOR,
  PROP_CREATED_AT,
  PROP_NOTE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_annotation_finalize (GObject *object)
{
  PxAnnotation *self = PX_ANNOTATION (object);

  g_free (self->label_name);
  g_free (self->text);
  g_free (self->entity_name);
  g_free (self->annotator);
  g_free (self->created_at);
  g_free (self->note);
  g_free (self->value_type);
  g_free (self->value);
  g_free (self->value_source);

  G_OBJECT_CLASS (px_annotation_parent_class)->finalize (object);
}

static void
px_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PxAnnotation *self = PX_ANNOTATION (object);

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
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_START:
      g_value_set_uint64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint64 (value, self->end);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_ENTITY_ID:
      g_value_set_int64 (value, self->entity_id);
      break;
    case PROP_ENTITY_NAME:
      g_value_set_string (value, self->entity_name);
      break;
    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_annotation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PxAnnotation *self = PX_ANNOTATION (object);

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
    case PROP_KIND:
      self->kind = (PxLabelKind) g_value_get_int (value);
      break;
    case PROP_START:
      self->start = g_value_get_uint64 (value);
      break;
    case PROP_END:
      self->end = g_value_get_uint64 (value);
      break;
    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;
    case PROP_ENTITY_ID:
      self->entity_id = g_value_get_int64 (value);
      break;
    case PROP_ENTITY_NAME:
      self->entity_name = g_value_dup_string (value);
      break;
    case PROP_ANNOTATOR:
      self->annotator = g_value_dup_string (value);
      break;
    case PROP_CREATED_AT:
      self->created_at = g_value_dup_string (value);
      break;
    case PROP_NOTE:
      self->note = g_value_dup_string (value);
      break;
    case PROP_STATUS:
      self->status = (PxAnnotationStatus) g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_annotation_class_init (PxAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_annotation_finalize;
  object_class->get_property = px_annotation_get_property;
  object_class->set_property = px_annotation_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_ID] =
    g_param_spec_int64 ("label-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_NAME] =
    g_param_spec_string ("label-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, G_MININT, G_MAXINT, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_uint64 ("start", NULL, NULL, 0, G_MAXUINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_uint64 ("end", NULL, NULL, 0, G_MAXUINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_ID] =
    g_param_spec_int64 ("entity-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_NAME] =
    g_param_spec_string ("entity-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, G_MININT, G_MAXINT, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_annotation_init (PxAnnotation *self)
{
}

gint64 
px_annotation_get_id (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->id;
}

gint64 
px_annotation_get_article_id (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->article_id;
}

gint64 
px_annotation_get_label_id (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->label_id;
}

const char *
px_annotation_get_label_name (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->label_name;
}

PxLabelKind 
px_annotation_get_kind (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->kind;
}

gsize 
px_annotation_get_start (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->start;
}

gsize 
px_annotation_get_end (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->end;
}

const char *
px_annotation_get_text (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->text;
}

gint64 
px_annotation_get_entity_id (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->entity_id;
}

const char *
px_annotation_get_entity_name (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->entity_name;
}

const char *
px_annotation_get_annotator (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->annotator;
}

const char *
px_annotation_get_created_at (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->created_at;
}

const char *
px_annotation_get_note (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->note;
}

PxAnnotationStatus 
px_annotation_get_status (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->status;
}

const char *
px_annotation_get_value_type (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->value_type;
}

const char *
px_annotation_get_value (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->value;
}

const char *
px_annotation_get_value_source (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->value_source;
}

const char *
px_annotation_status_to_string (PxAnnotationStatus status)
{
  return status == PX_ANNOTATION_SUGGESTED ? "suggested" : "accepted";
}

gboolean
px_annotation_status_from_string (const char         *str,
                                  PxAnnotationStatus *out)
{
  if (g_strcmp0 (str, "accepted") == 0)
    *out = PX_ANNOTATION_ACCEPTED;
  else if (g_strcmp0 (str, "suggested") == 0)
    *out = PX_ANNOTATION_SUGGESTED;
  else
    return FALSE;
  return TRUE;
}

PxAnnotation *
px_annotation_new_from_fields (const PxAnnotationFields *f)
{
  PxAnnotation *self = g_object_new (PX_TYPE_ANNOTATION, NULL);

  self->id = f->id;
  self->article_id = f->article_id;
  self->label_id = f->label_id;
  self->label_name = g_strdup (f->label_name);
  self->kind = f->kind;
  self->start = f->start;
  self->end = f->end;
  self->text = g_strdup (f->text);
  self->entity_id = f->entity_id;
  self->entity_name = g_strdup (f->entity_name);
  self->annotator = g_strdup (f->annotator);
  self->created_at = g_strdup (f->created_at);
  self->note = g_strdup (f->note);
  self->status = f->status;
  self->value_type = g_strdup (f->value_type);
  self->value = g_strdup (f->value);
  self->value_source = g_strdup (f->value_source);
  return self;
}
