/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-interchange-store.c: a PxIxDocument into and out of the store, through
 * the store's public functions and px-store-interchange (no SQL here). */
#include "px-interchange-store.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "px-brat.h"
#include "px-conll.h"
#include "px-jsonl.h"
#include "px-error.h"
#include "px-store-interchange.h"
#include "px-text.h"

gboolean
px_interchange_error_is_fatal (const GError *error)
{
  /* PX_ERROR_FAILED comes only from SQLite here (a disk I/O error, a
   * transaction SQLite undid): going on would fail every document after. */
  return error != NULL && error->domain == PX_ERROR &&
         (error->code == PX_ERROR_READ_ONLY || error->code == PX_ERROR_LOCKED ||
          error->code == PX_ERROR_DISK_FULL || error->code == PX_ERROR_NOT_DATABASE ||
          error->code == PX_ERROR_NEWER_SCHEMA || error->code == PX_ERROR_FAILED);
}

static const char *
meta_string (JsonObject *meta, const char *key)
{
  JsonNode *node = meta != NULL ? json_object_get_member (meta, key) : NULL;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* JSONL metadata may name the article's title, outlet, URL and date. */
static void
fill_info (PxArticleInfo *info, PxIxDocument *doc, const PxIxImportOptions *options)
{
  g_autoptr(JsonNode) node = doc->meta_json != NULL &&
                             px_jsonl_depth_ok (doc->meta_json, strlen (doc->meta_json))
                             ? json_from_string (doc->meta_json, NULL) : NULL;
  JsonObject *meta = node != NULL && JSON_NODE_TYPE (node) == JSON_NODE_OBJECT
                     ? json_node_get_object (node) : NULL;
  const char *language = meta_string (meta, "language");

  info->title = g_strdup (meta_string (meta, "title") != NULL ? meta_string (meta, "title") : doc->name);
  info->source = g_strdup (meta_string (meta, "source"));
  info->url = g_strdup (meta_string (meta, "url"));
  info->published = g_strdup (meta_string (meta, "published"));
  info->language = g_strdup (language != NULL ? language
                             : doc->text[0] != '\0' ? px_text_detect_language (doc->text) : "und");
  info->text = g_strdup (doc->text);
  /* A file name may hold bytes that are not UTF-8 (a Latin-1 name): the
   * corpus and everything exported from it hold text. */
  info->origin_path = doc->origin != NULL ? g_filename_display_name (doc->origin) : NULL;
  info->story = g_strdup (options != NULL ? options->story : NULL);
}

static gboolean G_GNUC_PRINTF (2, 3)
set_invalid (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (PX_ERROR, PX_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

typedef struct
{
  PxStore      *store;
  PxIxDocument *doc;
  gint64        article_id;
  GHashTable   *labels;      /* name → gint64 id (as pointer-sized int) */
  GHashTable   *span_ann;    /* PxIxSpan * → annotation id */
  GHashTable   *span_by_id;  /* char * → PxIxSpan * */
  GHashTable   *event_ids;   /* char * → event id */
} Importer;

static gboolean
is_event_label (PxIxDocument *doc, const char *name)
{
  for (guint i = 0; i < doc->events->len; i++)
    {
      PxIxEvent *event = g_ptr_array_index (doc->events, i);
      PxIxSpan *trigger = px_ix_document_find_span (doc, event->trigger);

      if (g_str_equal (event->type, name) || (trigger != NULL && g_str_equal (trigger->label, name)))
        return TRUE;
    }
  return FALSE;
}

static gint64
ensure_label (Importer *im, const char *name, GError **error)
{
  g_autoptr(PxLabel) label = NULL;
  gint64 id;

  if (g_hash_table_contains (im->labels, name))
    return GPOINTER_TO_SIZE (g_hash_table_lookup (im->labels, name));
  label = px_store_find_label (im->store, name);
  if (label != NULL)
    id = px_label_get_id (label);
  else
    id = px_store_add_label (im->store, name,
                             is_event_label (im->doc, name) ? PX_LABEL_EVENT : PX_LABEL_ENTITY,
                             NULL, NULL, NULL, error);
  if (id != 0)
    g_hash_table_insert (im->labels, g_strdup (name), GSIZE_TO_POINTER (id));
  return id;
}

/* Roles an event uses that its type does not list yet are added to it. */
static gboolean
ensure_roles (Importer *im, gint64 label_id, PxIxEvent *event, GError **error)
{
  g_autoptr(PxLabel) label = px_store_get_label (im->store, label_id, error);
  GPtrArray *roles;
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (label == NULL)
    return FALSE;
  roles = px_label_get_roles (label);
  for (guint i = 0; roles != NULL && i < roles->len; i++)
    g_hash_table_add (have, g_strdup (((PxRole *) roles->pdata[i])->name));
  for (guint i = 0; i < event->args->len; i++)
    {
      g_autofree char *base = px_ix_role_base (((PxIxArg *) event->args->pdata[i])->role);
      g_autoptr(PxRole) role = NULL;

      if (g_hash_table_contains (have, base))
        continue;
      role = px_role_new (base, !g_str_equal (base, ((PxIxArg *) event->args->pdata[i])->role), NULL);
      if (!px_store_add_label_role (im->store, label_id, role, error))
        return FALSE;
      g_hash_table_add (have, g_steal_pointer (&base));
    }
  return TRUE;
}

static gboolean
import_spans (Importer *im, GError **error)
{
  for (guint i = 0; i < im->doc->spans->len; i++)
    {
      PxIxSpan *span = g_ptr_array_index (im->doc->spans, i);
      gint64 label_id = ensure_label (im, span->label, error);
      gint64 ann;

      if (label_id == 0)
        return FALSE;
      ann = px_store_add_annotation (im->store, im->article_id, label_id,
                                     px_ix_span_start (span), px_ix_span_end (span),
                                     PX_ANNOTATION_ACCEPTED, span->note, error);
      if (ann == 0)
        return FALSE;
      g_hash_table_insert (im->span_ann, span, GSIZE_TO_POINTER (ann));
      if (span->id != NULL)
        g_hash_table_insert (im->span_by_id, span->id, span);
      if (span->fragments->len > 1 &&
          !px_store_ix_add_fragments (im->store, ann, span->fragments, error))
        return FALSE;
      if (span->id != NULL && !px_store_ix_set_annotation_ref (im->store, ann, span->id, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
span_annotation (Importer *im, const char *ref)
{
  PxIxSpan *span = g_hash_table_lookup (im->span_by_id, ref);

  return span != NULL ? (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (im->span_ann, span)) : 0;
}

static gboolean
import_event_args (Importer *im, PxIxEvent *event, gint64 event_id, GError **error)
{
  for (guint j = 0; j < event->args->len; j++)
    {
      PxIxArg *arg = g_ptr_array_index (event->args, j);
      g_autofree char *role = px_ix_role_base (arg->role);
      gint64 target = GPOINTER_TO_SIZE (g_hash_table_lookup (im->event_ids, arg->ref));
      gint64 ann;

      if (target != 0)
        ann = span_annotation (im, px_ix_document_find_event (im->doc, arg->ref)->trigger);
      else
        ann = span_annotation (im, arg->ref);
      if (ann == 0)
        return set_invalid (error, "%s: event %s: argument %s is not defined", im->doc->origin,
                             event->id, arg->ref);
      if (!px_store_add_event_argument (im->store, event_id, role, ann, error))
        return FALSE;
      if (!g_str_equal (role, arg->role) &&
          !px_store_ix_set_arg_role (im->store, event_id, role, ann, arg->role, error))
        return FALSE;
      if (target != 0 &&
          !px_store_ix_add_event_arg_event (im->store, event_id, role, ann, target, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_events (Importer *im, GError **error)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), im->doc->events->len);
  gboolean ok = TRUE;

  /* All events first: an argument may be an event defined further down. */
  for (guint i = 0; ok && i < im->doc->events->len; i++)
    {
      PxIxEvent *event = g_ptr_array_index (im->doc->events, i);
      gint64 label_id = ensure_label (im, event->type, error);
      gint64 trigger = span_annotation (im, event->trigger);
      gint64 id = 0;

      ok = label_id != 0 && ensure_roles (im, label_id, event, error);
      if (ok && trigger == 0)
        ok = set_invalid (error, "%s: event %s: trigger %s is not defined",
                           im->doc->origin, event->id, event->trigger);
      if (ok)
        ok = (id = px_store_add_event (im->store, im->article_id, label_id, trigger, error)) != 0;
      if (ok && event->id != NULL)
        {
          g_hash_table_insert (im->event_ids, event->id, GSIZE_TO_POINTER (id));
          ok = px_store_ix_set_event_ref (im->store, id, event->id, error);
        }
      g_array_append_val (ids, id);
    }
  for (guint i = 0; ok && i < im->doc->events->len; i++)
    ok = import_event_args (im, g_ptr_array_index (im->doc->events, i),
                            g_array_index (ids, gint64, i), error);
  g_array_unref (ids);
  return ok;
}

static gboolean
resolve_relation_arg (Importer *im, const char *ref, gint64 *ann, gint64 *event)
{
  *event = GPOINTER_TO_SIZE (g_hash_table_lookup (im->event_ids, ref));
  *ann = *event == 0 ? span_annotation (im, ref) : 0;
  return *ann != 0 || *event != 0;
}

static gboolean
import_relations (Importer *im, GError **error)
{
  for (guint i = 0; i < im->doc->relations->len; i++)
    {
      PxIxRelation *r = g_ptr_array_index (im->doc->relations, i);
      PxStoreIxRelation rel = { r->id, r->type, r->role1, 0, 0, r->role2, 0, 0 };

      if (!resolve_relation_arg (im, r->ref1, &rel.annotation1, &rel.event1) ||
          !resolve_relation_arg (im, r->ref2, &rel.annotation2, &rel.event2))
        return set_invalid (error, "%s: relation %s points at something not defined", im->doc->origin,
                             r->id != NULL ? r->id : r->type);
      if (px_store_ix_add_relation (im->store, im->article_id, &rel, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_body (Importer *im, const PxIxImportOptions *options, GError **error)
{
  if (!import_spans (im, error) || !import_events (im, error) || !import_relations (im, error))
    return FALSE;
  for (guint i = 0; i < im->doc->kept_lines->len; i++)
    if (!px_store_ix_add_kept_line (im->store, im->article_id, im->doc->kept_lines->pdata[i], error))
      return FALSE;
  return px_store_ix_set_article_meta (im->store, im->article_id,
                                       options != NULL ? options->format : NULL,
                                       im->doc->name, im->doc->meta_json, error);
}

/* Store errors name the corpus file; say which input was being imported. */
static void
prefix_origin (GError **error, const char *origin)
{
  if (error != NULL && *error != NULL && origin != NULL &&
      !g_str_has_prefix ((*error)->message, origin))
    g_prefix_error (error, "%s: ", origin);
}

gboolean
px_interchange_import_document (PxStore *store, PxIxDocument *doc,
                                const PxIxImportOptions *options,
                                gint64 *out_article_id, GError **error)
{
  g_auto(PxArticleInfo) info = { 0 };
  Importer im = { store, doc, 0 };
  gint64 existing = 0;
  gboolean ok;

  fill_info (&info, doc, options);
  if (!px_store_begin (store, error))
    {
      prefix_origin (error, doc->origin);
      return FALSE;
    }
  im.article_id = px_store_add_article (store, &info, &existing, error);
  if (im.article_id == 0)
    {
      px_store_rollback (store);
      if (out_article_id != NULL)
        *out_article_id = existing;
      prefix_origin (error, doc->origin);
      return FALSE;
    }
  im.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.span_ann = g_hash_table_new (NULL, NULL);
  im.span_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  im.event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  ok = import_body (&im, options, error);
  if (!ok)
    px_store_rollback (store);
  else
    ok = px_store_commit (store, error);  /* a failed commit has rolled back already */
  if (!ok)
    prefix_origin (error, doc->origin);
  else if (out_article_id != NULL)
    *out_article_id = im.article_id;
  g_hash_table_unref (im.labels);
  g_hash_table_unref (im.span_ann);
  g_hash_table_unref (im.span_by_id);
  g_hash_table_unref (im.event_ids);
  return ok;
}

/* ---- Loading ---------------------------------------------------------- */

typedef struct
{
  PxIxDocument     *doc;
  PxStoreIxArticle *ix;
  GHashTable       *spans;   /* gint64 * annotation id → PxIxSpan * */
  GHashTable       *events;  /* gint64 * event id → PxIxEvent * */
} Loader;

static gint64 *
int64_dup (gint64 v)
{
  return g_memdup2 (&v, sizeof v);
}

static void
load_spans (Loader *ld, GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (model, i);
      gint64 id = px_annotation_get_id (a);
      GArray *frags = g_hash_table_lookup (ld->ix->fragments, &id);
      PxIxSpan *span = px_ix_span_new (g_hash_table_lookup (ld->ix->annotation_refs, &id),
                                       px_annotation_get_label_name (a),
                                       px_annotation_get_start (a), px_annotation_get_end (a));

      if (frags != NULL && frags->len > 0)
        {
          g_array_set_size (span->fragments, 0);
          g_array_append_vals (span->fragments, frags->data, frags->len);
        }
      span->note = g_strdup (px_annotation_get_note (a));
      span->trigger = px_annotation_get_kind (a) == PX_LABEL_EVENT;
      g_ptr_array_add (ld->doc->spans, span);
      g_hash_table_insert (ld->spans, int64_dup (id), span);
    }
}

static const char *
span_ref (Loader *ld, gint64 annotation_id)
{
  PxIxSpan *span = g_hash_table_lookup (ld->spans, &annotation_id);

  return span != NULL ? span->id : NULL;
}

static const char *
arg_target (Loader *ld, gint64 event_id, const char *role, gint64 annotation_id)
{
  for (guint i = 0; i < ld->ix->arg_events->len; i++)
    {
      PxStoreIxArgEvent *ae = &g_array_index (ld->ix->arg_events, PxStoreIxArgEvent, i);

      if (ae->event_id == event_id && ae->annotation_id == annotation_id &&
          g_str_equal (ae->role, role))
        {
          PxIxEvent *target = g_hash_table_lookup (ld->events, &ae->target_event_id);

          return target != NULL ? target->id : NULL;
        }
    }
  return span_ref (ld, annotation_id);
}

static const char *
written_role (Loader *ld, gint64 event_id, const PxEventArgument *arg)
{
  for (guint i = 0; i < ld->ix->arg_roles->len; i++)
    {
      PxStoreIxArgRole *ar = &g_array_index (ld->ix->arg_roles, PxStoreIxArgRole, i);

      if (ar->event_id == event_id && ar->annotation_id == arg->annotation_id &&
          g_str_equal (ar->role, arg->role))
        return ar->written;
    }
  return NULL;
}

/* brat numbers a repeated role: Theme, Theme2, Theme3. Names the source
 * wrote are kept; arguments added in Parallax take the first free number. */
static char *
free_role_name (GHashTable *used, const char *role)
{
  char *name = g_strdup (role);

  for (guint n = 2; g_hash_table_contains (used, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s%u", role, n);
    }
  g_hash_table_add (used, name);
  return name;
}

static void
load_args (Loader *ld, PxEvent *event, PxIxEvent *out)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = px_event_get_n_arguments (event);
  g_autofree const char **written = g_new0 (const char *, n + 1);
  gint64 id = px_event_get_id (event);

  for (guint j = 0; j < n; j++)
    {
      written[j] = written_role (ld, id, px_event_get_argument (event, j));
      if (written[j] != NULL)
        g_hash_table_add (used, g_strdup (written[j]));
    }
  for (guint j = 0; j < n; j++)
    {
      const PxEventArgument *arg = px_event_get_argument (event, j);
      const char *ref = arg_target (ld, id, arg->role, arg->annotation_id);
      const char *role = written[j] != NULL ? written[j] : free_role_name (used, arg->role);

      if (ref != NULL)
        px_ix_event_add_arg (out, role, ref);
    }
}

static void
load_events (Loader *ld, GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PxEvent) e = g_list_model_get_item (model, i);
      gint64 id = px_event_get_id (e);
      PxIxEvent *event = px_ix_event_new (g_hash_table_lookup (ld->ix->event_refs, &id),
                                          px_event_get_label_name (e),
                                          span_ref (ld, px_event_get_trigger_annotation_id (e)));

      g_ptr_array_add (ld->doc->events, event);
      g_hash_table_insert (ld->events, int64_dup (id), event);
    }
  px_brat_assign_ids (ld->doc);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PxEvent) e = g_list_model_get_item (model, i);

      load_args (ld, e, g_ptr_array_index (ld->doc->events, i));
    }
}

static const char *
relation_ref (Loader *ld, gint64 annotation_id, gint64 event_id)
{
  PxIxEvent *event;

  if (annotation_id != 0)
    return span_ref (ld, annotation_id);
  event = g_hash_table_lookup (ld->events, &event_id);
  return event != NULL ? event->id : NULL;
}

static void
load_relations (Loader *ld)
{
  for (guint i = 0; i < ld->ix->relations->len; i++)
    {
      PxStoreIxRelation *r = g_ptr_array_index (ld->ix->relations, i);
      const char *a = relation_ref (ld, r->annotation1, r->event1);
      const char *b = relation_ref (ld, r->annotation2, r->event2);

      if (a != NULL && b != NULL)
        g_ptr_array_add (ld->doc->relations,
                         px_ix_relation_new (r->ref, r->type, r->role1, a, r->role2, b));
    }
}

static gboolean
looks_like_id (const char *s)
{
  if (s[0] == '\0' || strchr ("TERAMN#", s[0]) == NULL || s[1] == '\0')
    return FALSE;
  for (const char *p = s + 1; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A kept line whose target was deleted in Parallax would make the .ann
 * invalid; such a line goes with its target. */
static void
keep_lines (PxIxDocument *doc, GPtrArray *lines)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < doc->spans->len; i++)
    g_hash_table_add (ids, ((PxIxSpan *) doc->spans->pdata[i])->id);
  for (guint i = 0; i < doc->events->len; i++)
    g_hash_table_add (ids, ((PxIxEvent *) doc->events->pdata[i])->id);
  for (guint i = 0; i < doc->relations->len; i++)
    g_hash_table_add (ids, ((PxIxRelation *) doc->relations->pdata[i])->id);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];
      const char *tab = strchr (line, '\t');
      g_autofree char *rest = g_strdup (tab != NULL ? tab + 1 : "");
      char *tab2 = strchr (rest, '\t');
      g_auto(GStrv) words = NULL;
      gboolean ok = TRUE;

      if (tab2 != NULL)
        *tab2 = '\0';
      words = g_strsplit (rest, " ", -1);
      for (guint w = 1; words[w] != NULL && ok; w++)
        if (looks_like_id (words[w]) && strchr ("TER", words[w][0]) != NULL)
          ok = g_hash_table_contains (ids, words[w]);
      if (ok)
        g_ptr_array_add (doc->kept_lines, g_strdup (line));
    }
}

PxIxDocument *
px_interchange_load_document (PxStore *store, gint64 article_id, GError **error)
{
  g_autoptr(PxArticle) article = px_store_get_article (store, article_id, error);
  g_autoptr(PxStoreIxArticle) ix = NULL;
  g_autoptr(GListModel) anns = NULL;
  g_autoptr(GListModel) events = NULL;
  GError *read_error = NULL;
  Loader ld = { 0 };

  if (article == NULL || (ix = px_store_ix_load_article (store, article_id, error)) == NULL)
    return NULL;
  ld.doc = px_ix_document_new (ix->name, px_article_get_origin_path (article),
                               px_article_get_text (article));
  ld.doc->meta_json = g_strdup (ix->meta_json);
  ld.ix = ix;
  ld.spans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ld.events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  anns = px_store_list_annotations (store, article_id);
  load_spans (&ld, anns);
  px_brat_assign_ids (ld.doc);
  events = px_store_list_events (store, article_id);
  load_events (&ld, events);
  load_relations (&ld);
  px_brat_assign_ids (ld.doc);
  keep_lines (ld.doc, ix->kept_lines);
  g_hash_table_unref (ld.spans);
  g_hash_table_unref (ld.events);
  /* The list models above have no error path: a damaged file must not
   * export as an article without annotations. */
  if ((read_error = px_store_take_read_error (store)) != NULL)
    {
      g_propagate_error (error, read_error);
      g_clear_pointer (&ld.doc, px_ix_document_free);
    }
  return ld.doc;
}

GArray *
px_interchange_read_article_ids (PxStore *store, GError **error)
{
  g_autoptr(GListModel) model = px_store_list_articles (store, -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *read_error = px_store_take_read_error (store);

  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return NULL;
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PxArticle) a = g_list_model_get_item (model, i);
      gint64 id = px_article_get_id (a);

      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

GArray *
px_interchange_article_ids (PxStore *store)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = px_interchange_read_article_ids (store, &error);

  return ids != NULL ? ids : g_array_new (FALSE, FALSE, sizeof (gint64));
}

static gboolean
is_safe_stem (const char *name)
{
  if (name == NULL || name[0] == '\0' || name[0] == '.' || strlen (name) > 200)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("._-", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* Names are compared without ASCII case: on a case-insensitive file
 * system (a USB stick, macOS) "Doc" and "doc" are one file. */
static gboolean
stem_taken (GHashTable *taken, const char *stem)
{
  g_autofree char *key = g_ascii_strdown (stem, -1);

  return g_hash_table_contains (taken, key);
}

char *
px_interchange_export_stem (PxIxDocument *doc, gint64 article_id, GHashTable *taken)
{
  char *stem;

  if (is_safe_stem (doc->name) && !stem_taken (taken, doc->name))
    stem = g_strdup (doc->name);
  else
    {
      /* The fallback may be taken too: a document imported as
       * "article-7" beside plain article 7 would overwrite it. */
      stem = g_strdup_printf ("article-%" G_GINT64_FORMAT, article_id);
      for (guint n = 2; stem_taken (taken, stem); n++)
        {
          g_free (stem);
          stem = g_strdup_printf ("article-%" G_GINT64_FORMAT "-%u", article_id, n);
        }
    }
  g_hash_table_add (taken, g_ascii_strdown (stem, -1));
  return stem;
}

/* ---- JSONL and CoNLL, corpus-wide (declared in px-jsonl.h, px-conll.h) */

static void
report_line (PxIxReport *report, const char *message)
{
  g_ptr_array_add (report->messages, g_strdup (message));
}

/* FALSE only when the store failed. */
static gboolean
import_line (PxStore *store, const char *path, guint lineno, const char *line, gsize len,
             const PxJsonlImportOptions *options, PxIxReport *report, GError **error)
{
  PxIxImportOptions ix = { "jsonl", options != NULL ? options->story : NULL };
  g_autoptr(GError) local = NULL;
  g_autoptr(PxIxDocument) doc = px_jsonl_parse_line (line, len, path, lineno, &local);
  gint64 id = 0;

  if (doc != NULL && px_interchange_import_document (store, doc, &ix, &id, &local))
    {
      report->n_imported++;
      return TRUE;
    }
  if (px_interchange_error_is_fatal (local))
    {
      px_ix_report_stopped (report, path, lineno, "article", "articles", &local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (g_error_matches (local, PX_ERROR, PX_ERROR_DUPLICATE))
    {
      g_autofree char *msg = g_strdup_printf ("%s:%u: already in the corpus as article %"
                                              G_GINT64_FORMAT "; skipped", path, lineno, id);
      px_ix_report_add_duplicate (report, msg);
      return TRUE;
    }
  report->n_failed++;
  if (doc != NULL)
    {
      /* Import errors name the file already: say the line instead. */
      g_autofree char *prefix = g_strconcat (path, ": ", NULL);
      const char *what = g_str_has_prefix (local->message, prefix) ? local->message + strlen (prefix)
                                                                    : local->message;
      g_autofree char *msg = g_strdup_printf ("%s:%u: %s", path, lineno, what);

      report_line (report, msg);
    }
  else
    report_line (report, local->message);
  return TRUE;
}

static gboolean
import_file (PxStore *store, const char *path, const PxJsonlImportOptions *options,
             PxIxReport *report, GError **error)
{
  g_autoptr(GError) local = NULL;
  gsize len = 0, pos = 0;
  g_autofree char *data = px_ix_read_text_file (path, options != NULL ? options->max_bytes : 0,
                                                &len, &local);
  guint lineno = 0;

  if (data == NULL)
    {
      report->n_failed++;
      report_line (report, local->message);
      return TRUE;
    }
  if (len == 0)
    {
      g_autofree char *msg = g_strdup_printf ("%s: the file is empty", path);

      report->n_failed++;
      report_line (report, msg);
      return TRUE;
    }
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;
  while (pos < len)
    {
      const char *nl = memchr (data + pos, '\n', len - pos);
      gsize end = nl != NULL ? (gsize) (nl - data) : len;
      const char *line = data + pos;
      gsize n = end - pos;

      lineno++;
      pos = end + 1;
      while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
      if (n == 0)
        continue;
      if (!import_line (store, path, lineno, line, n, options, report, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
px_jsonl_import_paths_into (PxStore *store, const char * const *paths,
                            const PxJsonlImportOptions *options, PxIxReport *report,
                            GError **error)
{
  for (guint i = 0; paths[i] != NULL; i++)
    if (!import_file (store, paths[i], options, report, error))
      return FALSE;
  return TRUE;
}

PxIxReport *
px_jsonl_import_paths (PxStore *store, const char * const *paths,
                       const PxJsonlImportOptions *options, GError **error)
{
  g_autoptr(PxIxReport) report = px_ix_report_new ();

  if (!px_jsonl_import_paths_into (store, paths, options, report, error))
    return NULL;
  return g_steal_pointer (&report);
}

gboolean
px_jsonl_export_file (PxStore *store, const char *path, PxJsonlForm form, GError **error)
{
  g_autoptr(GArray) ids = px_interchange_read_article_ids (store, error);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) local = NULL;

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PxIxDocument) doc = px_interchange_load_document (store, g_array_index (ids, gint64, i),
                                                                  error);
      g_autofree char *line = NULL;

      if (doc == NULL)
        return FALSE;
      line = px_jsonl_format_document (doc, form);
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  if (!g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_conll_export_file (PxStore *store, const char *path, GError **error)
{
  g_autoptr(GArray) ids = px_interchange_read_article_ids (store, error);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) local = NULL;

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(PxIxDocument) doc = px_interchange_load_document (store, id, error);
      g_autoptr(PxArticle) article = NULL;
      g_autofree char *block = NULL;

      if (doc == NULL || (article = px_store_get_article (store, id, error)) == NULL)
        return FALSE;
      block = px_conll_format_document (doc, px_article_get_language (article));
      g_string_append (out, block);
    }
  if (!g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_FAILED, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}
