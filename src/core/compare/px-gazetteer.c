/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-gazetteer.c: the place table and containment. */
#include <string.h>

#include <gio/gio.h>

#include "px-error.h"
#include "px-gazetteer.h"
#include "px-text.h"
#include "px-core-resources.h"

typedef struct
{
  char *id;
  char *name;     /* the first name */
  int   parent;   /* index, or -1 */
} Place;

struct _PxGazetteer
{
  GArray     *places;   /* Place */
  GHashTable *by_key;   /* name key → GArray of guint */
};

static void
place_clear (gpointer p)
{
  Place *place = p;

  g_free (place->id);
  g_free (place->name);
}

static void
array_free (gpointer p)
{
  g_array_unref (p);
}

char *
px_gazetteer_name_key (const char *name)
{
  static const char *articles[] = { "l ", "la ", "le ", "les ", "the ", "d ", "de ", "du " };
  g_autofree char *key = NULL;
  const char *k;
  gboolean stripped = TRUE;

  /* Elisions first: "l'Ukraine", "d’Antalya"; the match key would glue
   * or keep them. */
  if (name != NULL && strlen (name) > 2 && strchr ("lLdD", name[0]) != NULL &&
      (name[1] == '\'' || g_str_has_prefix (name + 1, "\u2019")))
    name += name[1] == '\'' ? 2 : 4;
  key = px_text_match_key (name != NULL ? name : "");
  if (key == NULL)
    return g_strdup ("");
  k = key;
  while (stripped)
    {
      stripped = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
        if (g_str_has_prefix (k, articles[i]) && k[strlen (articles[i])] != '\0')
          {
            k += strlen (articles[i]);
            stripped = TRUE;
          }
    }
  return g_strdup (k);
}

static int
index_of_id (GArray *places, const char *id)
{
  for (guint i = 0; i < places->len; i++)
    if (strcmp (g_array_index (places, Place, i).id, id) == 0)
      return (int) i;
  return -1;
}

static gboolean
add_line (PxGazetteer *self, const char *line, GPtrArray *parents, const char *origin, guint n,
          GError **error)
{
  g_auto(GStrv) cols = g_strsplit (line, "\t", -1);
  g_auto(GStrv) names = NULL;
  Place place = { 0 };
  guint index = self->places->len;

  if (g_strv_length (cols) != 4 || *cols[0] == '\0' || *cols[3] == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID,
                   "%s:%u: a place needs four tab-separated columns: id, kind, parent, names", origin, n);
      return FALSE;
    }
  names = g_strsplit (cols[3], "|", -1);
  place.id = g_strdup (cols[0]);
  place.name = g_strdup (names[0]);
  place.parent = -1;
  g_array_append_val (self->places, place);
  g_ptr_array_add (parents, g_strdup (cols[2]));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *key = px_gazetteer_name_key (names[i]);
      GArray *list;

      if (*key == '\0')
        continue;
      list = g_hash_table_lookup (self->by_key, key);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (self->by_key, g_strdup (key), list);
        }
      if (list->len == 0 || g_array_index (list, guint, list->len - 1) != index)
        g_array_append_val (list, index);
    }
  return TRUE;
}

PxGazetteer *
px_gazetteer_new_from_data (const char  *data,
                            gsize        len,
                            const char  *origin,
                            GError     **error)
{
  g_autoptr(PxGazetteer) self = g_new0 (PxGazetteer, 1);
  g_autofree char *copy = g_strndup (data, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);

  self->places = g_array_new (FALSE, TRUE, sizeof (Place));
  g_array_set_clear_func (self->places, place_clear);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, array_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (!add_line (self, lines[i], parents, origin, i + 1, error))
        return NULL;
    }
  for (guint i = 0; i < self->places->len; i++)
    {
      const char *parent = parents->pdata[i];

      if (*parent == '\0')
        continue;
      g_array_index (self->places, Place, i).parent = index_of_id (self->places, parent);
      if (g_array_index (self->places, Place, i).parent < 0)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_INVALID, "%s: %s names an unknown parent %s",
                       origin, g_array_index (self->places, Place, i).id, parent);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

void
px_gazetteer_free (PxGazetteer *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_free (self);
}

const PxGazetteer *
px_gazetteer_get_default (void)
{
  static gsize loaded = 0;
  static PxGazetteer *gazetteer = NULL;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GBytes) bytes = g_resource_lookup_data (px_core_get_resource (),
                                                        "/io/github/parallax/core/gazetteer.tsv",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GError) error = NULL;
      gsize len = 0;
      const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : "";

      gazetteer = px_gazetteer_new_from_data (data, len, "gazetteer.tsv", &error);
      /* Built into the library and checked by its test: never bad. */
      g_assert_no_error (error);
      g_once_init_leave (&loaded, 1);
    }
  return gazetteer;
}

guint
px_gazetteer_get_n_places (const PxGazetteer *self)
{
  return self->places->len;
}

const GArray *
px_gazetteer_lookup (const PxGazetteer *self,
                     const char        *name)
{
  g_autofree char *key = px_gazetteer_name_key (name);

  return g_hash_table_lookup (self->by_key, key);
}

gboolean
px_gazetteer_contains (const PxGazetteer *self,
                       guint              outer,
                       guint              inner)
{
  int p = g_array_index (self->places, Place, inner).parent;

  /* Parents form a tree of a few levels; the bound guards a bad file. */
  for (guint depth = 0; p >= 0 && depth < 16; depth++)
    {
      if ((guint) p == outer)
        return TRUE;
      p = g_array_index (self->places, Place, p).parent;
    }
  return FALSE;
}

const char *
px_gazetteer_get_name (const PxGazetteer *self,
                       guint              place)
{
  return g_array_index (self->places, Place, place).name;
}
