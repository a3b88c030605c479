/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-jsonl.c: doccano-shaped JSON Lines, parsed and written with json-glib. */
#include "px-jsonl.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "px-error.h"
#include "px-json-scan.h"

typedef struct
{
  const char *origin;
  guint       line;
} Where;

static gboolean G_GNUC_PRINTF (4, 5)
fail (const Where *w, GError **error, PxError code, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PX_ERROR, code, "%s:%u: %s", w->origin, w->line, msg);
  return FALSE;
}

static gboolean
get_offset (JsonNode *node, gint64 *out)
{
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

/* doccano ids are numbers; brat-style strings are accepted too. */
static char *
get_id (JsonNode *node)
{
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  /* A lone \u surrogate escape decodes to bytes that are not UTF-8. */
  if (json_node_get_value_type (node) == G_TYPE_STRING &&
      g_utf8_validate (json_node_get_string (node), -1, NULL))
    return g_strdup (json_node_get_string (node));
  return NULL;
}

static gboolean
add_span (PxIxDocument *doc, const Where *w, const char *id, JsonNode *label,
          JsonNode *start_node, JsonNode *end_node, GError **error)
{
  gint64 start, end;

  if (label == NULL || JSON_NODE_TYPE (label) != JSON_NODE_VALUE ||
      json_node_get_value_type (label) != G_TYPE_STRING || *json_node_get_string (label) == '\0')
    return fail (w, error, PX_ERROR_PARSE, "a span has no label string");
  if (!g_utf8_validate (json_node_get_string (label), -1, NULL))
    return fail (w, error, PX_ERROR_ENCODING, "a label is not valid UTF-8 (a lone \\u surrogate escape?)");
  if (!get_offset (start_node, &start) || !get_offset (end_node, &end))
    return fail (w, error, PX_ERROR_PARSE, "span offsets must be whole numbers");
  if (start < 0 || end < 0)
    return fail (w, error, PX_ERROR_INVALID,
                 "offset %" G_GINT64_FORMAT " is negative; offsets count code points from 0",
                 MIN (start, end));
  if ((guint64) end > doc->n_chars || (guint64) start > doc->n_chars)
    return fail (w, error, PX_ERROR_INVALID,
                 "offset %" G_GINT64_FORMAT " is out of range, outside the text (%" G_GSIZE_FORMAT
                 " characters)", MAX (start, end), doc->n_chars);
  if (end <= start)
    return fail (w, error, PX_ERROR_INVALID,
                 "the span from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT " is empty or reversed",
                 start, end);
  g_ptr_array_add (doc->spans, px_ix_span_new (id, json_node_get_string (label), start, end));
  return TRUE;
}

static gboolean
parse_label_form (PxIxDocument *doc, const Where *w, JsonArray *labels, GError **error)
{
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonNode *item = json_array_get_element (labels, i);
      JsonArray *triple;

      if (JSON_NODE_TYPE (item) != JSON_NODE_ARRAY ||
          json_array_get_length (triple = json_node_get_array (item)) != 3)
        return fail (w, error, PX_ERROR_PARSE, "label %u is not [start, end, \"LABEL\"]", i);
      if (!add_span (doc, w, NULL, json_array_get_element (triple, 2),
                     json_array_get_element (triple, 0), json_array_get_element (triple, 1), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_entities (PxIxDocument *doc, const Where *w, JsonArray *entities, GError **error)
{
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonNode *item = json_array_get_element (entities, i);
      JsonObject *e;
      g_autofree char *id = NULL;

      if (JSON_NODE_TYPE (item) != JSON_NODE_OBJECT)
        return fail (w, error, PX_ERROR_PARSE, "entity %u is not an object", i);
      e = json_node_get_object (item);
      id = get_id (json_object_get_member (e, "id"));
      if (id == NULL)
        return fail (w, error, PX_ERROR_PARSE, "entity %u has no id", i);
      if (px_ix_document_find_span (doc, id) != NULL)
        return fail (w, error, PX_ERROR_PARSE, "duplicate entity id %s", id);
      if (!add_span (doc, w, id, json_object_get_member (e, "label"),
                     json_object_get_member (e, "start_offset"),
                     json_object_get_member (e, "end_offset"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_relations (PxIxDocument *doc, const Where *w, JsonArray *relations, GError **error)
{
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonNode *item = json_array_get_element (relations, i);
      JsonObject *r;
      g_autofree char *id = NULL, *from = NULL, *to = NULL;
      const char *type;

      if (JSON_NODE_TYPE (item) != JSON_NODE_OBJECT)
        return fail (w, error, PX_ERROR_PARSE, "relation %u is not an object", i);
      r = json_node_get_object (item);
      id = get_id (json_object_get_member (r, "id"));
      from = get_id (json_object_get_member (r, "from_id"));
      to = get_id (json_object_get_member (r, "to_id"));
      type = json_object_get_string_member_with_default (r, "type", NULL);
      if (from == NULL || to == NULL || type == NULL || *type == '\0' || !g_utf8_validate (type, -1, NULL))
        return fail (w, error, PX_ERROR_PARSE, "relation %u needs from_id, to_id and type", i);
      if (px_ix_document_find_span (doc, from) == NULL || px_ix_document_find_span (doc, to) == NULL)
        return fail (w, error, PX_ERROR_PARSE, "relation %u points at a missing entity", i);
      g_ptr_array_add (doc->relations, px_ix_relation_new (id, type, "Arg1", from, "Arg2", to));
    }
  return TRUE;
}

static gboolean
is_known_key (const char *key)
{
  static const char * const known[] = { "text", "label", "labels", "entities", "relations", NULL };

  return g_strv_contains (known, key);
}

static gboolean
keep_meta (PxIxDocument *doc, const Where *w, JsonObject *root, GError **error)
{
  g_autoptr(JsonObject) meta = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) members = json_object_get_members (root);

  for (GList *l = members; l != NULL; l = l->next)
    if (!is_known_key (l->data))
      json_object_set_member (meta, l->data, json_node_copy (json_object_get_member (root, l->data)));
  if (json_object_get_size (meta) == 0)
    return TRUE;
  node = json_node_init_object (json_node_alloc (), meta);
  doc->meta_json = json_to_string (node, FALSE);
  if (!g_utf8_validate (doc->meta_json, -1, NULL))
    return fail (w, error, PX_ERROR_ENCODING,
                 "a metadata key or value is not valid UTF-8 (a lone \\u surrogate escape?)");
  return TRUE;
}

static gboolean
get_array (JsonObject *root, const char *key, JsonArray **out)
{
  JsonNode *node = json_object_get_member (root, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_TYPE (node) == JSON_NODE_NULL)
    return TRUE;
  if (JSON_NODE_TYPE (node) != JSON_NODE_ARRAY)
    return FALSE;
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
parse_object (PxIxDocument **out, const Where *w, JsonObject *root, GError **error)
{
  JsonNode *text = json_object_get_member (root, "text");
  g_autoptr(PxIxDocument) doc = NULL;
  JsonArray *labels = NULL, *labels2 = NULL, *entities = NULL, *relations = NULL;
  const char *s;
  g_autofree char *name = NULL;

  if (text == NULL || JSON_NODE_TYPE (text) != JSON_NODE_VALUE ||
      json_node_get_value_type (text) != G_TYPE_STRING)
    return fail (w, error, PX_ERROR_PARSE, "no \"text\" string");
  s = json_node_get_string (text);
  if (!px_ix_check_verbatim (s, strlen (s), w->origin, error))
    return FALSE;
  if (!get_array (root, "label", &labels) || !get_array (root, "labels", &labels2) ||
      !get_array (root, "entities", &entities) || !get_array (root, "relations", &relations))
    return fail (w, error, PX_ERROR_PARSE, "\"label\", \"entities\" and \"relations\" must be arrays");
  name = g_strdup_printf ("line-%u", w->line);
  doc = px_ix_document_new (name, w->origin, s);
  if ((labels != NULL && !parse_label_form (doc, w, labels, error)) ||
      (labels2 != NULL && !parse_label_form (doc, w, labels2, error)) ||
      (entities != NULL && !parse_entities (doc, w, entities, error)) ||
      (relations != NULL && !parse_relations (doc, w, relations, error)) ||
      !keep_meta (doc, w, root, error))
    return FALSE;
  *out = g_steal_pointer (&doc);
  return TRUE;
}

gboolean
px_jsonl_depth_ok (const char *json, gsize len)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  /* Brackets inside strings do not count; an escape skips the next byte
   * (\" and \\ are the only ones that matter here). */
  for (gsize i = 0; i < len; i++)
    {
      char c = json[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > PX_JSONL_MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* What json-glib would let through silently: refused with its line. */
static gboolean
check_scan (const Where *w, const PxJsonScan *scan, GError **error)
{
  if (scan->n_values > 1)
    return fail (w, error, PX_ERROR_PARSE,
                 "%u JSON values on one line; each article is one object on a line of its own",
                 scan->n_values);
  if (scan->duplicate_key != NULL)
    {
      g_autofree char *key = g_strescape (scan->duplicate_key, NULL);

      return fail (w, error, PX_ERROR_PARSE, "the key \"%s\" appears twice in one object", key);
    }
  if (scan->huge_integer != NULL)
    return fail (w, error, PX_ERROR_PARSE,
                 "the number %s is out of range: whole numbers here go up to %" G_GINT64_FORMAT,
                 scan->huge_integer, G_MAXINT64);
  if (scan->nul_escape)
    return fail (w, error, PX_ERROR_BINARY,
                 "a \\u0000 escape (a NUL character) in a string: binary data, not text");
  if (scan->lone_surrogate != NULL)
    return fail (w, error, PX_ERROR_ENCODING,
                 "%s is a lone surrogate escape (half of a UTF-16 pair), not a character UTF-8 can hold",
                 scan->lone_surrogate);
  return TRUE;
}

PxIxDocument *
px_jsonl_parse_line (const char *line, gsize len, const char *origin, guint lineno,
                     GError **error)
{
  Where w = { origin, lineno };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;
  PxIxDocument *doc = NULL;
  JsonNode *root;
  g_auto(PxJsonScan) scan = { 0 };

  if (memchr (line, '\0', len) != NULL)
    {
      fail (&w, error, PX_ERROR_BINARY, "NUL bytes: binary data, not JSON");
      return NULL;
    }
  /* json-glib recurses once per level: 100,000 levels overflow the stack. */
  px_json_scan (line, len, PX_JSONL_MAX_DEPTH, &scan);
  if (scan.too_deep)
    {
      fail (&w, error, PX_ERROR_PARSE, "JSON nested more than %u levels deep; refused unread",
            PX_JSONL_MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, line, len, &local))
    {
      fail (&w, error, PX_ERROR_PARSE, "not valid JSON: %s", local->message);
      return NULL;
    }
  if (!check_scan (&w, &scan, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || JSON_NODE_TYPE (root) != JSON_NODE_OBJECT)
    {
      fail (&w, error, PX_ERROR_PARSE, "not a JSON object");
      return NULL;
    }
  if (!parse_object (&doc, &w, json_node_get_object (root), error))
    return NULL;
  return doc;
}

/* ---- Writing ---------------------------------------------------------- */

static void
add_meta (JsonBuilder *b, PxIxDocument *doc)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *meta;
  g_autoptr(GList) members = NULL;

  if (doc->meta_json == NULL || !px_jsonl_depth_ok (doc->meta_json, strlen (doc->meta_json)) ||
      (node = json_from_string (doc->meta_json, NULL)) == NULL ||
      JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
    return;
  meta = json_node_get_object (node);
  members = json_object_get_members (meta);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (is_known_key (l->data))
        continue;
      json_builder_set_member_name (b, l->data);
      json_builder_add_value (b, json_node_copy (json_object_get_member (meta, l->data)));
    }
}

/* doccano has no discontinuous spans: each fragment becomes an entry. */
static void
add_label_form (JsonBuilder *b, PxIxDocument *doc)
{
  json_builder_set_member_name (b, "label");
  json_builder_begin_array (b);
  for (guint i = 0; i < doc->spans->len; i++)
    {
      PxIxSpan *span = g_ptr_array_index (doc->spans, i);

      for (guint j = 0; j < span->fragments->len; j++)
        {
          const PxSpan *f = &g_array_index (span->fragments, PxSpan, j);

          json_builder_begin_array (b);
          json_builder_add_int_value (b, f->start);
          json_builder_add_int_value (b, f->end);
          json_builder_add_string_value (b, span->label);
          json_builder_end_array (b);
        }
    }
  json_builder_end_array (b);
}

static void
add_relation_form (JsonBuilder *b, PxIxDocument *doc)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_set_member_name (b, "entities");
  json_builder_begin_array (b);
  for (guint i = 0; i < doc->spans->len; i++)
    {
      PxIxSpan *span = g_ptr_array_index (doc->spans, i);

      if (span->id != NULL)
        g_hash_table_insert (numbers, span->id, GUINT_TO_POINTER (i + 1));
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, i + 1);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, span->label);
      json_builder_set_member_name (b, "start_offset");
      json_builder_add_int_value (b, px_ix_span_start (span));
      json_builder_set_member_name (b, "end_offset");
      json_builder_add_int_value (b, px_ix_span_end (span));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "relations");
  json_builder_begin_array (b);
  for (guint i = 0; i < doc->relations->len; i++)
    {
      PxIxRelation *rel = g_ptr_array_index (doc->relations, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, rel->ref1));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, rel->ref2));

      if (from == 0 || to == 0)
        continue; /* an argument that is an event: doccano cannot say it */
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, i + 1);
      json_builder_set_member_name (b, "from_id");
      json_builder_add_int_value (b, from);
      json_builder_set_member_name (b, "to_id");
      json_builder_add_int_value (b, to);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, rel->type);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

char *
px_jsonl_format_document (PxIxDocument *doc, PxJsonlForm form)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, doc->text);
  if (form == PX_JSONL_RELATION_FORM)
    add_relation_form (b, doc);
  else
    add_label_form (b, doc);
  add_meta (b, doc);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}
