/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-article.c: a read-only model object; the store fills it at construction. */
#include "px-article.h"

#include <string.h>

struct _PxArticle
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *source;
  char *url;
  char *published;
  char *language;
  char *text;
  char *sha256;
  char *imported_at;
  char *origin_path;
  gint64 story_id;
  char *story_name;
  guint n_chars;
  guint n_annotations;
  char *statuses;   /* "coder=status" lines, see px_article_get_status () */
};

G_DEFINE_FINAL_TYPE (PxArticle, px_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_URL,
  PROP_PUBLISHED,
  PROP_LANGUAGE,
  PROP_TEXT,
  PROP_SHA256,
  PROP_IMPORTED_AT,
  PROP_ORIGIN_PATH,
  PROP_STORY_ID,
  PROP_STORY_NAME,
  PROP_N_CHARS,
  PROP_N_ANNOTATIONS,
  PROP_STATUSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_article_finalize (GObject *object)
{
  PxArticle *self = PX_ARTICLE (object);

  g_free (self->title);
  g_free (self->source);
  g_free (self->url);
  g_free (self->published);
  g_free (self->language);
  g_free (self->text);
  g_free (self->sha256);
  g_free (self->imported_at);
  g_free (self->origin_path);
  g_free (self->story_name);
  g_free (self->statuses);

  G_OBJECT_CLASS (px_article_parent_class)->finalize (object);
}

static void
px_article_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PxArticle *self = PX_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_IMPORTED_AT:
      g_value_set_string (value, self->imported_at);
      break;
    case PROP_ORIGIN_PATH:
      g_value_set_string (value, self->origin_path);
      break;
    case PROP_STORY_ID:
      g_value_set_int64 (value, self->story_id);
      break;
    case PROP_STORY_NAME:
      g_value_set_string (value, self->story_name);
      break;
    case PROP_N_CHARS:
      g_value_set_uint (value, self->n_chars);
      break;
    case PROP_N_ANNOTATIONS:
      g_value_set_uint (value, self->n_annotations);
      break;
    case PROP_STATUSES:
      g_value_set_string (value, self->statuses);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_article_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PxArticle *self = PX_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;
    case PROP_PUBLISHED:
      self->published = g_value_dup_string (value);
      break;
    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;
    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;
    case PROP_SHA256:
      self->sha256 = g_value_dup_string (value);
      break;
    case PROP_IMPORTED_AT:
      self->imported_at = g_value_dup_string (value);
      break;
    case PROP_ORIGIN_PATH:
      self->origin_path = g_value_dup_string (value);
      break;
    case PROP_STORY_ID:
      self->story_id = g_value_get_int64 (value);
      break;
    case PROP_STORY_NAME:
      self->story_name = g_value_dup_string (value);
      break;
    case PROP_N_CHARS:
      self->n_chars = g_value_get_uint (value);
      break;
    case PROP_N_ANNOTATIONS:
      self->n_annotations = g_value_get_uint (value);
      break;
    case PROP_STATUSES:
      self->statuses = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_article_class_init (PxArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_article_finalize;
  object_class->get_property = px_article_get_property;
  object_class->set_property = px_article_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTED_AT] =
    g_param_spec_string ("imported-at", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN_PATH] =
    g_param_spec_string ("origin-path", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORY_ID] =
    g_param_spec_int64 ("story-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORY_NAME] =
    g_param_spec_string ("story-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CHARS] =
    g_param_spec_uint ("n-chars", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ANNOTATIONS] =
    g_param_spec_uint ("n-annotations", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUSES] =
    g_param_spec_string ("statuses", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_article_init (PxArticle *self)
{
}

gint64 
px_article_get_id (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->id;
}

const char *
px_article_get_title (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->title;
}

const char *
px_article_get_source (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->source;
}

const char *
px_article_get_url (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->url;
}

const char *
px_article_get_published (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->published;
}

const char *
px_article_get_language (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->language;
}

const char *
px_article_get_text (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->text;
}

const char *
px_article_get_sha256 (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->sha256;
}

const char *
px_article_get_imported_at (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->imported_at;
}

const char *
px_article_get_origin_path (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->origin_path;
}

gint64 
px_article_get_story_id (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->story_id;
}

const char *
px_article_get_story_name (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->story_name;
}

guint 
px_article_get_n_chars (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->n_chars;
}

guint 
px_article_get_n_annotations (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), 0);
  return self->n_annotations;
}
void
px_article_info_clear (PxArticleInfo *info)
{
  g_clear_pointer (&info->title, g_free);
  g_clear_pointer (&info->source, g_free);
  g_clear_pointer (&info->url, g_free);
  g_clear_pointer (&info->published, g_free);
  g_clear_pointer (&info->language, g_free);
  g_clear_pointer (&info->text, g_free);
  g_clear_pointer (&info->origin_path, g_free);
  g_clear_pointer (&info->story, g_free);
}

const char *
px_article_get_statuses (PxArticle *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), NULL);
  return self->statuses;
}

const char *
px_article_get_status (PxArticle  *self,
                       const char *coder)
{
  g_return_val_if_fail (PX_IS_ARTICLE (self), "new");
  if (self->statuses == NULL || coder == NULL)
    return "new";
  for (const char *line = self->statuses; *line != '\0'; )
    {
      const char *end = strchr (line, '\n');
      const char *eq = strchr (line, '=');
      gsize len = end != NULL ? (gsize) (end - line) : strlen (line);

      if (eq != NULL && eq < line + len && (gsize) (eq - line) == strlen (coder)
          && strncmp (line, coder, eq - line) == 0)
        {
          if (strncmp (eq + 1, "done", 4) == 0)
            return "done";
          if (strncmp (eq + 1, "in_progress", 11) == 0)
            return "in_progress";
        }
      if (end == NULL)
        break;
      line = end + 1;
    }
  return "new";
}
