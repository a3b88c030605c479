/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-brat-conf.c: reading and writing brat's annotation.conf. */
#include "px-brat-conf.h"

#include <string.h>

#include "px-error.h"

static void
conf_type_free (PxBratConfType *type)
{
  g_free (type->name);
  g_ptr_array_unref (type->roles);
  g_free (type);
}

static PxBratConfType *
conf_type_new (const char *name)
{
  PxBratConfType *type = g_new0 (PxBratConfType, 1);

  type->name = g_strdup (name);
  type->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) px_role_free);
  return type;
}

void
px_brat_conf_free (PxBratConf *conf)
{
  if (conf == NULL)
    return;
  g_ptr_array_unref (conf->entities);
  g_ptr_array_unref (conf->events);
  g_ptr_array_unref (conf->relation_lines);
  g_ptr_array_unref (conf->attribute_lines);
  g_free (conf);
}

PxBratConf *
px_brat_conf_new (void)
{
  PxBratConf *conf = g_new0 (PxBratConf, 1);

  conf->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) conf_type_free);
  conf->events = g_ptr_array_new_with_free_func ((GDestroyNotify) conf_type_free);
  conf->relation_lines = g_ptr_array_new_with_free_func (g_free);
  conf->attribute_lines = g_ptr_array_new_with_free_func (g_free);
  return conf;
}

PxBratConfType *
px_brat_conf_add_type (PxBratConf *conf, gboolean event, const char *name)
{
  PxBratConfType *type = conf_type_new (name);

  g_ptr_array_add (event ? conf->events : conf->entities, type);
  return type;
}

/* "<POG>" → "Person|Organization|GPE"; other words unchanged. */
static char *
expand_macros (GHashTable *macros, const char *types)
{
  g_auto(GStrv) parts = g_strsplit (types, "|", -1);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *m = g_hash_table_lookup (macros, g_strstrip (parts[i]));

      g_ptr_array_add (out, (gpointer) (m != NULL ? m : parts[i]));
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("|", (char **) out->pdata);
}

/* "Theme+:Protein" → role Theme, repeatable, allowed "Protein". A type list
 * naming a class (<EVENT>, <ENTITY>) allows anything. */
static PxRole *
parse_role (GHashTable *macros, const char *spec)
{
  const char *colon = strchr (spec, ':');
  g_autofree char *name = g_strstrip (g_strndup (spec, colon != NULL ? (gsize) (colon - spec) : strlen (spec)));
  g_autofree char *types = colon != NULL ? expand_macros (macros, colon + 1) : NULL;
  g_auto(GStrv) list = types != NULL ? g_strsplit (types, "|", -1) : NULL;
  g_autofree char *allowed = NULL;
  gboolean repeatable = FALSE;
  gsize n = strlen (name);
  char *brace = strchr (name, '{');

  if (brace != NULL)
    {
      repeatable = strchr (brace, ',') != NULL || strchr (brace, '-') != NULL ||
                   g_ascii_strtoull (brace + 1, NULL, 10) > 1;
      *brace = '\0';
    }
  else if (n > 0 && strchr ("+*?", name[n - 1]) != NULL)
    {
      repeatable = name[n - 1] != '?';
      name[n - 1] = '\0';
    }
  if (list != NULL)
    {
      for (guint i = 0; list[i] != NULL; i++)
        {
          g_strstrip (list[i]);
          if (list[i][0] == '<')
            {
              g_clear_pointer (&allowed, g_free);
              break;
            }
          if (allowed == NULL)
            allowed = g_strdup (list[i]);
          else
            {
              char *both = g_strconcat (allowed, ",", list[i], NULL);

              g_free (allowed);
              allowed = both;
            }
          if (list[i + 1] == NULL)
            break;
        }
    }
  return px_role_new (name, repeatable, allowed);
}

static PxBratConfType *
parse_event (GHashTable *macros, const char *line)
{
  g_autofree char *copy = g_strdup (line);
  char *sep = strpbrk (copy, " \t");
  PxBratConfType *type;

  if (sep != NULL)
    *sep++ = '\0';
  type = conf_type_new (copy);
  if (sep != NULL)
    {
      g_auto(GStrv) specs = g_strsplit (sep, ",", -1);

      for (guint i = 0; specs[i] != NULL; i++)
        {
          g_strstrip (specs[i]);
          if (specs[i][0] != '\0' && strchr (specs[i], ':') != NULL)
            g_ptr_array_add (type->roles, parse_role (macros, specs[i]));
        }
    }
  return type;
}

static gboolean
add_line (PxBratConf *conf, GHashTable *macros, const char *section, char *line,
          const char *origin, guint lineno, GError **error)
{
  char *eq = strchr (line, '=');

  if (line[0] == '<' && eq != NULL && eq > line && eq[-1] == '>')
    {
      g_hash_table_insert (macros, g_strndup (line, eq - line), g_strstrip (g_strdup (eq + 1)));
      return TRUE;
    }
  if (g_str_has_prefix (line, "---"))
    return TRUE;
  if (section == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_PARSE,
                   "%s:%u: a definition before any [section]", origin, lineno);
      return FALSE;
    }
  if (g_str_equal (section, "relations"))
    g_ptr_array_add (conf->relation_lines, g_strdup (line));
  else if (g_str_equal (section, "attributes"))
    g_ptr_array_add (conf->attribute_lines, g_strdup (line));
  else if (line[0] == '!')
    return TRUE; /* a grouping node, not a type one can annotate with */
  else if (g_str_equal (section, "entities"))
    {
      char *sep = strpbrk (line, " \t");

      if (sep != NULL)
        *sep = '\0';
      g_ptr_array_add (conf->entities, conf_type_new (line));
    }
  else if (g_str_equal (section, "events"))
    g_ptr_array_add (conf->events, parse_event (macros, line));
  return TRUE;
}

PxBratConf *
px_brat_conf_parse (const char *data, gsize len, const char *origin, GError **error)
{
  g_autoptr(PxBratConf) conf = px_brat_conf_new ();
  g_autoptr(GHashTable) macros = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *section = NULL;

  if (memchr (data, '\0', len) != NULL || !g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_ENCODING, "%s: not UTF-8 text", origin);
      return NULL;
    }
  copy = g_strndup (data, len);
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *hash = strchr (lines[i], '#');
      char *line;

      if (hash != NULL)
        *hash = '\0';
      line = g_strstrip (lines[i]);
      if (line[0] == '\0')
        continue;
      if (line[0] == '[')
        {
          char *close = strchr (line, ']');

          if (close == NULL)
            {
              g_set_error (error, PX_ERROR, PX_ERROR_PARSE,
                           "%s:%u: section header without ']'", origin, i + 1);
              return NULL;
            }
          g_free (section);
          section = g_strndup (line + 1, close - line - 1);
          continue;
        }
      if (!add_line (conf, macros, section, line, origin, i + 1, error))
        return NULL;
    }
  return g_steal_pointer (&conf);
}

static void
format_role (GString *out, const PxRole *role)
{
  g_string_append (out, role->name);
  if (role->repeatable)
    g_string_append_c (out, '+');
  g_string_append_c (out, ':');
  if (role->allowed == NULL)
    g_string_append (out, "<ENTITY>|<EVENT>");
  else
    {
      g_auto(GStrv) types = g_strsplit (role->allowed, ",", -1);
      g_autofree char *joined = g_strjoinv ("|", types);

      g_string_append (out, joined);
    }
}

static gboolean
relation_declared (PxBratConf *conf, const char *type)
{
  for (guint i = 0; i < conf->relation_lines->len; i++)
    {
      const char *line = g_ptr_array_index (conf->relation_lines, i);
      gsize n = strlen (type);

      if (strncmp (line, type, n) == 0 && (line[n] == ' ' || line[n] == '\t' || line[n] == '\0'))
        return TRUE;
    }
  return FALSE;
}

char *
px_brat_conf_format (PxBratConf *conf, const char * const *relation_types)
{
  GString *out = g_string_new ("# Written by Parallax from its label schema.\n\n[entities]\n\n");

  for (guint i = 0; i < conf->entities->len; i++)
    g_string_append_printf (out, "%s\n", ((PxBratConfType *) conf->entities->pdata[i])->name);
  g_string_append (out, "\n[relations]\n\n");
  for (guint i = 0; i < conf->relation_lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) conf->relation_lines->pdata[i]);
  for (guint i = 0; relation_types != NULL && relation_types[i] != NULL; i++)
    if (!relation_declared (conf, relation_types[i]))
      g_string_append_printf (out, "%s\tArg1:<ENTITY>, Arg2:<ENTITY>\n", relation_types[i]);
  g_string_append (out, "\n[events]\n\n");
  for (guint i = 0; i < conf->events->len; i++)
    {
      PxBratConfType *type = conf->events->pdata[i];

      g_string_append (out, type->name);
      for (guint j = 0; j < type->roles->len; j++)
        {
          g_string_append (out, j == 0 ? "\t" : ", ");
          format_role (out, type->roles->pdata[j]);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "\n[attributes]\n\n");
  for (guint i = 0; i < conf->attribute_lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) conf->attribute_lines->pdata[i]);
  return g_string_free (out, FALSE);
}
