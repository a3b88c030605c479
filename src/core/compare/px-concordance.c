/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-concordance.c: keyword in context across the corpus.
 *
 * Lines are made article by article, in text order, so that one walk of
 * each text turns code point offsets into bytes: a long article with
 * thousands of mentions is read once, not once per mention. */
#include "px-concordance.h"

#include <string.h>

#include "px-csv.h"
#include "px-error.h"
#include "px-text.h"

#define DEFAULT_WIDTH 40

void
px_concordance_line_free (PxConcordanceLine *line)
{
  if (line == NULL)
    return;
  g_free (line->title);
  g_free (line->source);
  g_free (line->published);
  g_free (line->label);
  g_free (line->left);
  g_free (line->match);
  g_free (line->right);
  g_free (line);
}

static GPtrArray *
lines_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) px_concordance_line_free);
}

/* Walks one article's text forwards, code point by code point. */
typedef struct
{
  const char *text;
  const char *p;      /* at code point cp */
  gsize       cp;
  gsize       length; /* in code points */
} Cursor;

static const char *
cursor_seek (Cursor *c,
             gsize   cp)
{
  cp = MIN (cp, c->length);
  if (cp < c->cp)
    {
      c->p = c->text;
      c->cp = 0;
    }
  while (c->cp < cp)
    {
      c->p = g_utf8_next_char (c->p);
      c->cp++;
    }
  return c->p;
}

/* The text between two pointers on one line. */
static char *
flat (const char *from,
      const char *to)
{
  char *out = g_strndup (from, to - from);

  g_strdelimit (out, "\n\r\t", ' ');
  return out;
}

/* Adds a line for [start, end) of @article, whose text @cursor walks. */
static void
add_line (GPtrArray   *lines,
          PxArticle   *article,
          Cursor      *cursor,
          gsize        start,
          gsize        end,
          guint        width,
          gint64       annotation_id,
          const char  *label)
{
  PxConcordanceLine *line;
  const char *a, *b, *left, *right;

  if (end > cursor->length || start >= end)
    return;
  a = cursor_seek (cursor, start);
  b = g_utf8_offset_to_pointer (a, (glong) (end - start));
  left = a;
  for (guint i = 0; i < width && left > cursor->text; i++)
    left = g_utf8_prev_char (left);
  right = b;
  for (guint i = 0; i < width && *right != '\0'; i++)
    right = g_utf8_next_char (right);
  line = g_new0 (PxConcordanceLine, 1);
  line->article_id = px_article_get_id (article);
  line->title = g_strdup (px_article_get_title (article));
  line->source = g_strdup (px_article_get_source (article));
  line->published = g_strdup (px_article_get_published (article));
  line->annotation_id = annotation_id;
  line->label = g_strdup (label);
  line->start = start;
  line->end = end;
  line->left = flat (left, a);
  line->match = flat (a, b);
  line->right = flat (b, right);
  g_ptr_array_add (lines, line);
}

/* Lines for annotations sorted by article then start. */
static GPtrArray *
lines_for_annotations (PxStore    *store,
                       GPtrArray  *annotations,
                       guint       width,
                       GError    **error)
{
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(PxArticle) article = NULL;
  Cursor cursor = { 0 };

  for (guint i = 0; i < annotations->len; i++)
    {
      PxAnnotation *a = annotations->pdata[i];
      gint64 article_id = px_annotation_get_article_id (a);

      if (article == NULL || px_article_get_id (article) != article_id)
        {
          g_clear_object (&article);
          article = px_store_get_article (store, article_id, error);
          if (article == NULL)
            return NULL;
          cursor.text = cursor.p = px_article_get_text (article);
          cursor.cp = 0;
          cursor.length = px_text_length (cursor.text, -1);
        }
      add_line (lines, article, &cursor, px_annotation_get_start (a), px_annotation_get_end (a),
                width, px_annotation_get_id (a), px_annotation_get_label_name (a));
    }
  return g_steal_pointer (&lines);
}

GPtrArray *
px_concordance_entity (PxStore  *store,
                       gint64    entity_id,
                       guint     width,
                       GError  **error)
{
  g_autoptr(GListModel) mentions = px_store_list_entity_mentions (store, entity_id);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) read_error = px_store_take_read_error (store);

  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (mentions, i);

      if (px_annotation_get_status (a) == PX_ANNOTATION_ACCEPTED)
        g_ptr_array_add (annotations, g_steal_pointer (&a));
    }
  return lines_for_annotations (store, annotations, width > 0 ? width : DEFAULT_WIDTH, error);
}

GPtrArray *
px_concordance_label (PxStore  *store,
                      gint64    label_id,
                      guint     width,
                      GError  **error)
{
  g_autoptr(GPtrArray) annotations = px_store_list_label_mentions (store, label_id, error);

  if (annotations == NULL)
    return NULL;
  return lines_for_annotations (store, annotations, width > 0 ? width : DEFAULT_WIDTH, error);
}

/* ---- Search terms ----------------------------------------------------- */

static const char *
word_key (GHashTable *keys,
          const char *word)
{
  const char *key = g_hash_table_lookup (keys, word);

  if (key == NULL)
    {
      char *k = px_text_match_key (word);

      g_hash_table_insert (keys, g_strdup (word), k != NULL ? k : g_strdup (""));
      key = g_hash_table_lookup (keys, word);
    }
  return key;
}

/* Occurrences in one article: runs of words whose keys start with the
 * query's word keys, in order. */
static void
term_in_article (GPtrArray   *lines,
                 PxArticle   *article,
                 GStrv        query_keys,
                 GHashTable  *keys,
                 guint        width)
{
  const char *text = px_article_get_text (article);
  g_autoptr(GArray) words = px_text_words (text, px_article_get_language (article));
  guint m = g_strv_length (query_keys);
  Cursor cursor = { text, text, 0, px_text_length (text, -1) };
  Cursor walk = cursor;
  g_autoptr(GPtrArray) word_keys = g_ptr_array_new ();

  /* The keys of every word, reading the text once. */
  for (guint i = 0; i < words->len; i++)
    {
      PxSpan *w = &g_array_index (words, PxSpan, i);
      const char *a = cursor_seek (&walk, w->start);
      const char *b = g_utf8_offset_to_pointer (a, (glong) (w->end - w->start));
      g_autofree char *word = g_strndup (a, b - a);

      g_ptr_array_add (word_keys, (gpointer) word_key (keys, word));
    }
  for (guint i = 0; i + m <= words->len; i++)
    {
      gboolean hit = TRUE;

      for (guint j = 0; hit && j < m; j++)
        hit = g_str_has_prefix (word_keys->pdata[i + j], query_keys[j]);
      if (hit)
        add_line (lines, article, &cursor, g_array_index (words, PxSpan, i).start,
                  g_array_index (words, PxSpan, i + m - 1).end, width, 0, NULL);
    }
}

GPtrArray *
px_concordance_term (PxStore     *store,
                     const char  *term,
                     guint        width,
                     GError     **error)
{
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) parts = g_strsplit_set (term != NULL ? term : "", " \t\n", -1);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) query_keys = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *key = *parts[i] != '\0' ? px_text_match_key (parts[i]) : NULL;

      if (key != NULL && *key != '\0')
        g_strv_builder_add (b, key);
    }
  query_keys = g_strv_builder_end (b);
  if (query_keys[0] == NULL)
    return g_steal_pointer (&lines);
  ids = px_store_search_article_ids (store, term, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PxArticle) article = px_store_get_article (store, g_array_index (ids, gint64, i), error);

      if (article == NULL)
        return NULL;
      term_in_article (lines, article, query_keys, keys, width > 0 ? width : DEFAULT_WIDTH);
    }
  return g_steal_pointer (&lines);
}

/* ---- Sorting ---------------------------------------------------------- */

/* Words of @text, folded, nearest the match first when @reverse. */
static char *
side_key (const char *text,
          gboolean    reverse)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *plain = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = plain; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        g_string_append_unichar (word, c);
      else if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  for (guint i = 0; i < words->len; i++)
    {
      const char *w = words->pdata[reverse ? words->len - 1 - i : i];

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, w);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  PxConcordanceLine *line;
  char              *key;
} Keyed;

static int
cmp_text (const PxConcordanceLine *a,
          const PxConcordanceLine *b)
{
  if (a->article_id != b->article_id)
    return a->article_id < b->article_id ? -1 : 1;
  return a->start < b->start ? -1 : a->start > b->start;
}

static int
cmp_keyed (gconstpointer pa,
           gconstpointer pb)
{
  const Keyed *a = pa, *b = pb;
  int c = strcmp (a->key, b->key);

  return c != 0 ? c : cmp_text (a->line, b->line);
}

static char *
line_key (PxConcordanceLine *line,
          PxConcordanceSort  sort)
{
  switch (sort)
    {
    case PX_CONCORDANCE_SORT_LEFT:
      return side_key (line->left, TRUE);
    case PX_CONCORDANCE_SORT_RIGHT:
      return side_key (line->right, FALSE);
    case PX_CONCORDANCE_SORT_OUTLET:
      {
        g_autofree char *source = g_utf8_casefold (line->source != NULL ? line->source : "\xf4\x8f\xbf\xbf", -1);
        return g_strconcat (source, "\x01", line->published != NULL ? line->published : "", NULL);
      }
    case PX_CONCORDANCE_SORT_DATE:
      /* Undated lines last. */
      return g_strdup (line->published != NULL ? line->published : "~");
    default:
      return g_strdup ("");
    }
}

void
px_concordance_sort (GPtrArray         *lines,
                     PxConcordanceSort  sort)
{
  g_autoptr(GArray) keyed = g_array_sized_new (FALSE, FALSE, sizeof (Keyed), lines->len);

  for (guint i = 0; i < lines->len; i++)
    {
      Keyed k = { lines->pdata[i], line_key (lines->pdata[i], sort) };
      g_array_append_val (keyed, k);
    }
  g_array_sort (keyed, cmp_keyed);
  for (guint i = 0; i < keyed->len; i++)
    {
      Keyed *k = &g_array_index (keyed, Keyed, i);

      lines->pdata[i] = k->line;
      g_free (k->key);
    }
}

gboolean
px_concordance_sort_from_string (const char        *name,
                                 PxConcordanceSort *out)
{
  static const struct { const char *name; PxConcordanceSort sort; } names[] = {
    { "text", PX_CONCORDANCE_SORT_TEXT }, { "left", PX_CONCORDANCE_SORT_LEFT },
    { "right", PX_CONCORDANCE_SORT_RIGHT }, { "outlet", PX_CONCORDANCE_SORT_OUTLET },
    { "date", PX_CONCORDANCE_SORT_DATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i].name) == 0)
      {
        *out = names[i].sort;
        return TRUE;
      }
  return FALSE;
}

/* ---- CSV -------------------------------------------------------------- */

gboolean
px_concordance_write_csv (GPtrArray      *lines,
                          GOutputStream  *stream,
                          guint           flags,
                          GError        **error)
{
  static const char *const header[] = {
    "article_id", "title", "source", "published", "annotation_id", "label",
    "start", "end", "left", "match", "right",
  };
  g_autoptr(PxCsvWriter) w = px_csv_writer_new (stream, (PxCsvWriterFlags) flags);

  if (!px_csv_writer_write_row (w, header, NULL, G_N_ELEMENTS (header), error))
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      PxConcordanceLine *l = lines->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, l->article_id);
      g_autofree char *ann = l->annotation_id != 0
        ? g_strdup_printf ("%" G_GINT64_FORMAT, l->annotation_id) : g_strdup ("");
      g_autofree char *start = g_strdup_printf ("%" G_GSIZE_FORMAT, l->start);
      g_autofree char *end = g_strdup_printf ("%" G_GSIZE_FORMAT, l->end);
      const char *cells[] = {
        id, l->title ? l->title : "", l->source ? l->source : "", l->published ? l->published : "",
        ann, l->label ? l->label : "", start, end, l->left, l->match, l->right,
      };

      if (!px_csv_writer_write_row (w, cells, NULL, G_N_ELEMENTS (cells), error))
        return FALSE;
    }
  return px_csv_writer_close (w, error);
}
