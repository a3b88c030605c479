/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-label.c: a read-only model object; the store fills it at construction. */
#include "px-label.h"

struct _PxLabel
{
  GObject parent_instance;

  gint64 id;
  char *name;
  PxLabelKind kind;
  char *colour;
  char *shortcut;
  char *description;
  int position;
  GPtrArray *roles;
};

G_DEFINE_FINAL_TYPE (PxLabel, px_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_COLOUR,
  PROP_SHORTCUT,
  PROP_DESCRIPTION,
  PROP_POSITION,
  PROP_ROLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_label_finalize (GObject *object)
{
  PxLabel *self = PX_LABEL (object);

  g_free (self->name);
  g_free (self->colour);
  g_free (self->shortcut);
  g_free (self->description);
  g_clear_pointer (&self->roles, g_ptr_array_unref);

  G_OBJECT_CLASS (px_label_parent_class)->finalize (object);
}

static void
px_label_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PxLabel *self = PX_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;
    case PROP_SHORTCUT:
      g_value_set_string (value, self->shortcut);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_ROLES:
      g_value_set_boxed (value, self->roles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_label_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PxLabel *self = PX_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = (PxLabelKind) g_value_get_int (value);
      break;
    case PROP_COLOUR:
      self->colour = g_value_dup_string (value);
      break;
    case PROP_SHORTCUT:
      self->shortcut = g_value_dup_string (value);
      break;
    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;
    case PROP_POSITION:
      self->position = g_value_get_int (value);
      break;
    case PROP_ROLES:
      self->roles = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_label_class_init (PxLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_label_finalize;
  object_class->get_property = px_label_get_property;
  object_class->set_property = px_label_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, G_MININT, G_MAXINT, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHORTCUT] =
    g_param_spec_string ("shortcut", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLES] =
    g_param_spec_boxed ("roles", NULL, NULL, G_TYPE_PTR_ARRAY, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_label_init (PxLabel *self)
{
}

gint64 
px_label_get_id (PxLabel *self)
{
  g_return_val_if_fail (PX_IS_LABEL (self), 0);
  return self->id;
}

const char *
px_label_get_name (PxLabel *self)
{
  g_return_val_if_fail (PX_IS_LABEL (self), 0);
  return self->name;
}

PxLabelKind 
px_label_get_kind (PxLabel *self)
{
  g_return_val_if_fail (PX_IS_LABEL (self), 0);
  return self->kind;
}

const char *
px_label_get_colour (PxLabel *self)
{
  g_return_val_if_fail (PX_IS_LABEL (self), 0);
  return self->colour;
}

const char *
px_label_get_shortcut (PxLabel *self)
{
  g_return_val_if_fail (PX_IS_LABEL (self), 0);
  return self->shortcut;
}

const char *
px_label_get_description (PxLabel *self)
{
  g_return_val_if_fail (PX_IS_LABEL (self), 0);
  return self->description;
}

int 
px_label_get_position (PxLabel *self)
{
  g_return_val_if_fail (PX_IS_LABEL (self), 0);
  return self->position;
}
/* Never NULL: entity labels get an empty array. */
GPtrArray *
px_label_get_roles (PxLabel *self)
{
  g_return_val_if_fail (PX_IS_LABEL (self), NULL);
  if (self->roles == NULL)
    self->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) px_role_free);
  return self->roles;
}

PxRole *
px_role_new (const char *name,
             gboolean    repeatable,
             const char *allowed)
{
  PxRole *role = g_new0 (PxRole, 1);

  role->name = g_strdup (name);
  role->repeatable = repeatable;
  role->allowed = g_strdup (allowed);
  return role;
}

void
px_role_free (PxRole *role)
{
  if (role == NULL)
    return;
  g_free (role->name);
  g_free (role->allowed);
  g_free (role);
}

const char *
px_label_kind_to_string (PxLabelKind kind)
{
  return kind == PX_LABEL_EVENT ? "event" : "entity";
}

gboolean
px_label_kind_from_string (const char  *str,
                           PxLabelKind *out)
{
  if (g_strcmp0 (str, "entity") == 0)
    *out = PX_LABEL_ENTITY;
  else if (g_strcmp0 (str, "event") == 0)
    *out = PX_LABEL_EVENT;
  else
    return FALSE;
  return TRUE;
}
