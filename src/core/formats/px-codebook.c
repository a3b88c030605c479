/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-codebook.c: a label schema to and from JSON or annotation.conf; see
 * px-codebook.h for the JSON form. */
#include "px-codebook.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "px-brat-conf.h"
#include "px-error.h"
#include "px-interchange.h"
#include "px-json-scan.h"

#define CODEBOOK_MAX_BYTES (4 * 1024 * 1024)
#define CODEBOOK_MAX_DEPTH 16

/* One label as a file gives it; NULL fields are not said. */
typedef struct
{
  char        *name;
  PxLabelKind  kind;
  char        *colour;
  char        *key;
  char        *description;
  GPtrArray   *roles;   /* PxRole */
} Entry;

static void
entry_free (Entry *e)
{
  g_free (e->name);
  g_free (e->colour);
  g_free (e->key);
  g_free (e->description);
  g_ptr_array_unref (e->roles);
  g_free (e);
}

static Entry *
entry_new (const char  *name,
           PxLabelKind  kind)
{
  Entry *e = g_new0 (Entry, 1);

  e->name = g_strdup (name);
  e->kind = kind;
  e->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) px_role_free);
  return e;
}

void
px_codebook_report_free (PxCodebookReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->warnings);
  g_free (report);
}

/* ---- Writing ---------------------------------------------------------- */

static GPtrArray *
store_labels (PxStore  *store,
              GError  **error)
{
  g_autoptr(GListModel) labels = px_store_list_labels (store);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_list_model_get_item (labels, i));
  return out;
}

char *
px_codebook_to_json (PxStore  *store,
                     GError  **error)
{
  g_autoptr(GPtrArray) labels = store_labels (store, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "parallax_codebook");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "labels");
  json_builder_begin_array (b);
  for (guint i = 0; i < labels->len; i++)
    {
      PxLabel *l = labels->pdata[i];
      GPtrArray *roles = px_label_get_roles (l);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, px_label_get_name (l));
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, px_label_kind_to_string (px_label_get_kind (l)));
      json_builder_set_member_name (b, "colour");
      json_builder_add_string_value (b, px_label_get_colour (l));
      if (px_label_get_shortcut (l) != NULL)
        {
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, px_label_get_shortcut (l));
        }
      if (px_label_get_description (l) != NULL)
        {
          json_builder_set_member_name (b, "description");
          json_builder_add_string_value (b, px_label_get_description (l));
        }
      if (px_label_get_kind (l) == PX_LABEL_EVENT)
        {
          json_builder_set_member_name (b, "roles");
          json_builder_begin_array (b);
          for (guint k = 0; roles != NULL && k < roles->len; k++)
            {
              const PxRole *r = roles->pdata[k];

              json_builder_begin_object (b);
              json_builder_set_member_name (b, "name");
              json_builder_add_string_value (b, r->name);
              if (r->repeatable)
                {
                  json_builder_set_member_name (b, "repeatable");
                  json_builder_add_boolean_value (b, TRUE);
                }
              if (r->allowed != NULL)
                {
                  json_builder_set_member_name (b, "allowed");
                  json_builder_add_string_value (b, r->allowed);
                }
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

char *
px_codebook_to_brat_conf (PxStore  *store,
                          GError  **error)
{
  g_autoptr(GPtrArray) labels = store_labels (store, error);
  g_autoptr(PxBratConf) conf = px_brat_conf_new ();

  for (guint i = 0; i < labels->len; i++)
    {
      PxLabel *l = labels->pdata[i];
      gboolean event = px_label_get_kind (l) == PX_LABEL_EVENT;
      PxBratConfType *type = px_brat_conf_add_type (conf, event, px_label_get_name (l));
      GPtrArray *roles = px_label_get_roles (l);

      for (guint k = 0; event && roles != NULL && k < roles->len; k++)
        {
          const PxRole *r = roles->pdata[k];
          g_ptr_array_add (type->roles, px_role_new (r->name, r->repeatable, r->allowed));
        }
    }
  return px_brat_conf_format (conf, NULL);
}

/* ---- Reading ---------------------------------------------------------- */

static gboolean
parse_fail (const char  *path,
            GError     **error,
            const char  *what)
{
  g_set_error (error, PX_ERROR, PX_ERROR_PARSE, "%s: %s", path, what);
  return FALSE;
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING
    ? json_node_get_string (node) : NULL;
}

static Entry *
entry_from_json (JsonNode    *node,
                 guint        index,
                 const char  *path,
                 GError     **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *name = o != NULL ? member_string (o, "name") : NULL;
  const char *kind_s = o != NULL ? member_string (o, "kind") : NULL;
  PxLabelKind kind = PX_LABEL_ENTITY;
  JsonNode *roles;
  Entry *e;

  if (name == NULL || *name == '\0'
      || (kind_s != NULL && !px_label_kind_from_string (kind_s, &kind)))
    {
      g_autofree char *what = g_strdup_printf ("label %u needs a \"name\", and a \"kind\" of "
                                               "\"entity\" or \"event\"", index + 1);
      parse_fail (path, error, what);
      return NULL;
    }
  e = entry_new (name, kind);
  e->colour = g_strdup (member_string (o, "colour"));
  e->key = g_strdup (member_string (o, "key"));
  e->description = g_strdup (member_string (o, "description"));
  roles = json_object_get_member (o, "roles");
  if (roles != NULL && JSON_NODE_HOLDS_ARRAY (roles))
    {
      JsonArray *a = json_node_get_array (roles);

      for (guint k = 0; k < json_array_get_length (a); k++)
        {
          JsonNode *rn = json_array_get_element (a, k);
          JsonObject *ro = JSON_NODE_HOLDS_OBJECT (rn) ? json_node_get_object (rn) : NULL;
          const char *rname = ro != NULL ? member_string (ro, "name") : NULL;

          if (rname == NULL || *rname == '\0')
            continue;
          g_ptr_array_add (e->roles,
                           px_role_new (rname,
                                        json_object_get_boolean_member_with_default (ro, "repeatable", FALSE),
                                        member_string (ro, "allowed")));
        }
    }
  return e;
}

static GPtrArray *
parse_json (const char  *data,
            gsize        len,
            const char  *path,
            GError     **error)
{
  g_auto(PxJsonScan) scan = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GError) local = NULL;
  JsonObject *root;
  JsonNode *labels;

  px_json_scan (data, len, CODEBOOK_MAX_DEPTH, &scan);
  if (scan.too_deep)
    {
      parse_fail (path, error, "nested too deep for a codebook");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local))
    {
      parse_fail (path, error, local->message);
      return NULL;
    }
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
    ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  labels = root != NULL ? json_object_get_member (root, "labels") : NULL;
  if (root == NULL || !json_object_has_member (root, "parallax_codebook")
      || labels == NULL || !JSON_NODE_HOLDS_ARRAY (labels))
    {
      parse_fail (path, error, "not a Parallax codebook (it needs \"parallax_codebook\" and a "
                               "\"labels\" array)");
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (labels)); i++)
    {
      Entry *e = entry_from_json (json_array_get_element (json_node_get_array (labels), i),
                                  i, path, error);

      if (e == NULL)
        return NULL;
      g_ptr_array_add (entries, e);
    }
  return g_steal_pointer (&entries);
}

static GPtrArray *
parse_conf (const char  *data,
            gsize        len,
            const char  *path,
            GError     **error)
{
  g_autoptr(PxBratConf) conf = px_brat_conf_parse (data, len, path, error);
  GPtrArray *entries;

  if (conf == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  for (int pass = 0; pass < 2; pass++)
    {
      GPtrArray *types = pass == 0 ? conf->entities : conf->events;

      for (guint i = 0; i < types->len; i++)
        {
          PxBratConfType *t = types->pdata[i];
          Entry *e = entry_new (t->name, pass == 0 ? PX_LABEL_ENTITY : PX_LABEL_EVENT);

          for (guint k = 0; k < t->roles->len; k++)
            {
              const PxRole *r = t->roles->pdata[k];
              g_ptr_array_add (e->roles, px_role_new (r->name, r->repeatable, r->allowed));
            }
          g_ptr_array_add (entries, e);
        }
    }
  return entries;
}

/* ---- Merging ---------------------------------------------------------- */

static PxLabel *
label_named (PxStore    *store,
             const char *name)
{
  g_autoptr(GListModel) labels = px_store_list_labels (store);
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(PxLabel) l = g_list_model_get_item (labels, i);
      g_autofree char *have = g_utf8_casefold (px_label_get_name (l), -1);

      if (strcmp (have, wanted) == 0)
        return g_steal_pointer (&l);
    }
  return NULL;
}

static void
warn (PxCodebookReport *report,
      GError           *error,
      const char       *label)
{
  g_ptr_array_add (report->warnings, g_strdup_printf ("%s: %s", label, error->message));
  g_error_free (error);
}

/* Sets a field the file gives, when it differs; a refusal (a key in use, a
 * bad colour) is a warning, not a failure. */
static gboolean
merge_field (PxEditor         *editor,
             PxLabel          *label,
             PxLabelField      field,
             const char       *have,
             const char       *want,
             PxCodebookReport *report)
{
  GError *error = NULL;

  if (want == NULL || g_strcmp0 (have, want) == 0)
    return FALSE;
  if (px_editor_set_label_field (editor, px_label_get_id (label), field, want, &error))
    return TRUE;
  warn (report, error, px_label_get_name (label));
  return FALSE;
}

static gboolean
merge_entry (PxEditor          *editor,
             Entry             *e,
             PxCodebookReport  *report,
             GError           **error)
{
  PxStore *store = px_editor_get_store (editor);
  g_autoptr(PxLabel) label = label_named (store, e->name);
  GError *local = NULL;
  gboolean changed = FALSE;
  guint added_before = report->added;

  if (label != NULL && px_label_get_kind (label) != e->kind)
    {
      g_ptr_array_add (report->warnings,
                       g_strdup_printf ("%s: already a label of another kind; left as it is", e->name));
      return TRUE;
    }
  if (label == NULL)
    {
      gint64 id = px_editor_add_label (editor, e->name, e->kind, e->colour, e->key,
                                       e->description, &local);

      /* A key or colour refused: add it without them, and say so. */
      if (id == 0 && local != NULL && local->code != PX_ERROR_FAILED && local->code != PX_ERROR_DISK_FULL)
        {
          warn (report, local, e->name);
          local = NULL;
          id = px_editor_add_label (editor, e->name, e->kind, NULL, NULL, e->description, &local);
        }
      if (id == 0)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      report->added++;
      label = px_store_get_label (store, id, error);
      if (label == NULL)
        return FALSE;
    }
  else
    {
      changed |= merge_field (editor, label, PX_LABEL_FIELD_COLOUR, px_label_get_colour (label),
                              e->colour, report);
      changed |= merge_field (editor, label, PX_LABEL_FIELD_SHORTCUT, px_label_get_shortcut (label),
                              e->key, report);
      changed |= merge_field (editor, label, PX_LABEL_FIELD_DESCRIPTION,
                              px_label_get_description (label), e->description, report);
    }
  for (guint k = 0; e->kind == PX_LABEL_EVENT && k < e->roles->len; k++)
    {
      const PxRole *r = e->roles->pdata[k];
      g_autoptr(PxLabel) now = px_store_get_label (store, px_label_get_id (label), NULL);
      GPtrArray *roles = now != NULL ? px_label_get_roles (now) : NULL;
      gboolean has = FALSE;

      for (guint j = 0; roles != NULL && j < roles->len; j++)
        has = has || g_ascii_strcasecmp (((PxRole *) roles->pdata[j])->name, r->name) == 0;
      if (has)
        continue;
      if (px_editor_add_role (editor, px_label_get_id (label), r->name, r->repeatable, &local))
        changed = TRUE;
      else
        warn (report, local, e->name);
      local = NULL;
    }
  if (changed && report->added == added_before)
    report->updated++;
  return TRUE;
}

PxCodebookReport *
px_codebook_import (PxEditor    *editor,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(PxCodebookReport) report = g_new0 (PxCodebookReport, 1);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *data = NULL;
  const char *p;
  gsize len = 0;

  g_return_val_if_fail (PX_IS_EDITOR (editor), NULL);
  report->warnings = g_ptr_array_new_with_free_func (g_free);
  data = px_ix_read_text_file (path, CODEBOOK_MAX_BYTES, &len, error);
  if (data == NULL)
    return NULL;
  for (p = data; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++)
    ;
  entries = *p == '{' ? parse_json (data, len, path, error) : parse_conf (data, len, path, error);
  if (entries == NULL)
    return NULL;
  if (!px_editor_begin_group (editor, _("Import a Codebook"), error))
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    if (!merge_entry (editor, entries->pdata[i], report, error))
      {
        px_editor_cancel_group (editor);
        return NULL;
      }
  if (!px_editor_end_group (editor, error))
    return NULL;
  return g_steal_pointer (&report);
}
