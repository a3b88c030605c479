/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-import.c: plain-text articles into a corpus.
 *
 * Scraped articles come with quirks (see ../shared/corpus): a leading
 * " date 2022-03 " marker, a headline on the first line, the outlet's
 * domain alone on the last line, no paragraph breaks at all. The parser
 * turns those into metadata and leaves the text otherwise as it came. */
#include <glib/gstdio.h>
#include <string.h>

#include "px-error.h"
#include "px-files.h"
#include "px-import.h"
#include "px-text.h"

/* One commit (one fsync) per batch keeps a 10,000-article import fast;
 * a crash loses at most the open batch, which never stays open long. */
#define BATCH_SIZE     250
#define BATCH_USEC     (G_USEC_PER_SEC / 4)

/* ---- Parsing ---------------------------------------------------------- */

static gboolean
is_front_matter_key (const char *key)
{
  static const char *const keys[] = { "title", "source", "url", "published",
                                      "language", "story", "date", "outlet", NULL };
  return g_strv_contains (keys, key);
}

static void
set_field (PxArticleInfo *out,
           const char    *key,
           const char    *value)
{
  char **slot = NULL;

  if (g_str_equal (key, "title"))
    slot = &out->title;
  else if (g_str_equal (key, "source") || g_str_equal (key, "outlet"))
    slot = &out->source;
  else if (g_str_equal (key, "url"))
    slot = &out->url;
  else if (g_str_equal (key, "published") || g_str_equal (key, "date"))
    slot = &out->published;
  else if (g_str_equal (key, "language"))
    slot = &out->language;
  else if (g_str_equal (key, "story"))
    slot = &out->story;
  if (slot == NULL || *value == '\0')
    return;
  g_free (*slot);
  *slot = g_strdup (value);
}

/* "---\nkey: value\n…\n---\n" at the very start. Returns the body, or
 * @text itself when there is no front matter. */
static const char *
parse_front_matter (const char     *text,
                    const char     *origin,
                    PxArticleInfo  *out,
                    GError        **error)
{
  const char *p, *end;

  if (!g_str_has_prefix (text, "---\n"))
    return text;
  p = text + 4;
  end = strstr (p, "\n---");
  if (end == NULL || (end[4] != '\n' && end[4] != '\0'))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_PARSE,
                   "%s:1: the front matter block opened with --- is never closed", origin);
      return NULL;
    }
  {
    g_autofree char *block = g_strndup (p, end - p);
    g_auto(GStrv) lines = g_strsplit (block, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        char *colon;
        g_autofree char *key = NULL;
        g_autofree char *value = NULL;

        if (*g_strstrip (lines[i]) == '\0' || lines[i][0] == '#')
          continue;
        colon = strchr (lines[i], ':');
        if (colon == NULL)
          {
            g_set_error (error, PX_ERROR, PX_ERROR_PARSE,
                         "%s:%u: front matter lines are “key: value”", origin, i + 2);
            return NULL;
          }
        key = g_strndup (lines[i], colon - lines[i]);
        g_strstrip (key);
        for (char *c = key; *c != '\0'; c++)
          *c = g_ascii_tolower (*c);
        value = g_strstrip (g_strdup (colon + 1));
        if (strlen (value) >= 2 && (value[0] == '"' || value[0] == '\'') &&
            value[strlen (value) - 1] == value[0])
          {
            value[strlen (value) - 1] = '\0';
            memmove (value, value + 1, strlen (value));
          }
        if (is_front_matter_key (key))
          set_field (out, key, value);
      }
  }
  end += 4;
  return *end == '\n' ? end + 1 : end;
}

/* " date 2022-03 " or "date 2022-03-10" at the start. */
static const char *
parse_date_marker (const char    *text,
                   PxArticleInfo *out)
{
  const char *p = text;
  const char *d;

  while (*p == ' ' || *p == '\t')
    p++;
  if (!g_str_has_prefix (p, "date "))
    return text;
  d = p + 5;
  while (*d == ' ')
    d++;
  {
    gsize n = 0;

    while (g_ascii_isdigit (d[n]) || d[n] == '-')
      n++;
    if (n < 4 || !g_ascii_isdigit (d[0]) || !g_ascii_isdigit (d[3]))
      return text;
    if (out->published == NULL)
      out->published = g_strndup (d, n);
    p = d + n;
  }
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

static gboolean
looks_like_outlet (const char *line)
{
  gsize len = strlen (line);
  gboolean has_dot = FALSE;

  if (len == 0 || len > 40 || strchr (line, ' ') != NULL)
    return FALSE;
  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '.')
        has_dot = TRUE;
      else if (!g_ascii_isalnum (*p) && *p != '-')
        return FALSE;
    }
  /* A domain ("lemonde.fr"): a dot not at either end. */
  return has_dot && line[0] != '.' && line[len - 1] != '.' &&
         g_ascii_isalpha (line[len - 1]);
}

static gboolean
is_capitalised (const char *word)
{
  return g_unichar_isupper (g_utf8_get_char (word));
}

/* "AFP", "RTBF": an acronym alone on its line. */
static gboolean
is_acronym (const char *line)
{
  gsize len = strlen (line);

  if (len < 2 || len > 6)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isupper (line[i]))
      return FALSE;
  return TRUE;
}

/* "Le Monde", "The Guardian", "La Voz de Galicia" would need a list; an
 * article and one or two capitalised words is what outlet names look like
 * and what the last line of an article's own text almost never does. */
static gboolean
looks_like_outlet_name (const char *line)
{
  static const char *const articles[] = { "Le", "La", "Les", "L'", "The", "El", "Il", "Lo",
                                          "Der", "Die", "Das", "De", "Het", "O", "A", "Os", NULL };
  g_auto(GStrv) words = NULL;
  guint n;

  if (is_acronym (line))
    return TRUE;
  if (g_utf8_strlen (line, -1) > 30 || strpbrk (line, ".,;:!?\"«»()") != NULL)
    return FALSE;
  words = g_strsplit (line, " ", -1);
  n = g_strv_length (words);
  if (n < 2 || n > 3 || !g_strv_contains (articles, words[0]))
    return FALSE;
  for (guint i = 1; i < n; i++)
    if (!is_capitalised (words[i]))
      return FALSE;
  return TRUE;
}

/* Drops a last line that is only an outlet's domain or name, and keeps it
 * as the source. A name must stand alone after a blank line. */
static void
take_outlet_line (GString       *body,
                  PxArticleInfo *out)
{
  char *last;

  while (body->len > 0 && g_ascii_isspace (body->str[body->len - 1]))
    g_string_truncate (body, body->len - 1);
  last = strrchr (body->str, '\n');
  if (last == NULL)
    return;
  if (!looks_like_outlet (last + 1) &&
      !(last > body->str && last[-1] == '\n' && looks_like_outlet_name (last + 1)))
    return;
  if (out->source == NULL)
    out->source = g_strdup (last + 1);
  g_string_truncate (body, last - body->str);
  while (body->len > 0 && g_ascii_isspace (body->str[body->len - 1]))
    g_string_truncate (body, body->len - 1);
}

/* A first line under 150 characters that does not end like a sentence and
 * has more text after it. */
static char *
headline (const char *text)
{
  const char *nl = strchr (text, '\n');
  g_autofree char *line = NULL;
  gsize chars;
  const char *end;
  gunichar last;

  if (nl == NULL)
    return NULL;
  line = g_strstrip (g_strndup (text, nl - text));
  chars = g_utf8_strlen (line, -1);
  if (chars == 0 || chars > 150)
    return NULL;
  /* A sentence that ends in a closing quote or bracket is still a
   * sentence: look at what comes before them. */
  end = line + strlen (line);
  do
    {
      end = g_utf8_prev_char (end);
      last = g_utf8_get_char (end);
    }
  while (end > line && (g_unichar_type (last) == G_UNICODE_FINAL_PUNCTUATION ||
                        g_unichar_type (last) == G_UNICODE_CLOSE_PUNCTUATION ||
                        g_unichar_isspace (last) || last == '"' || last == '\''));
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == 0x2026 /* … */)
    return NULL;
  return g_steal_pointer (&line);
}

static char *
first_words (const char *text,
             guint       n)
{
  g_autoptr(GArray) words = px_text_words (text, NULL);
  gsize end;

  if (words->len == 0)
    return NULL;
  if (words->len <= n)
    return g_strstrip (px_text_substring (text, 0, g_array_index (words, PxSpan, words->len - 1).end));
  end = g_array_index (words, PxSpan, n - 1).end;
  {
    g_autofree char *head = px_text_substring (text, 0, end);
    return g_strconcat (g_strstrip (head), "…", NULL);
  }
}

gboolean
px_import_parse (const guint8           *data,
                 gsize                   len,
                 const char             *origin,
                 const PxImportOptions  *options,
                 PxArticleInfo          *out,
                 GError                **error)
{
  gsize max = options != NULL && options->max_bytes > 0 ? options->max_bytes : PX_IMPORT_DEFAULT_MAX_BYTES;
  g_autofree char *text = NULL;
  g_autoptr(GString) body = NULL;
  const char *p;

  memset (out, 0, sizeof *out);
  origin = origin != NULL ? origin : "article";
  if (len > max)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                   "%s: too large (%" G_GSIZE_FORMAT " bytes; the limit is %" G_GSIZE_FORMAT ")",
                   origin, len, max);
      return FALSE;
    }
  text = px_text_decode (data, len, NULL, error);
  if (text == NULL)
    {
      g_prefix_error (error, "%s: ", origin);
      return FALSE;
    }
  p = parse_front_matter (text, origin, out, error);
  if (p == NULL)
    {
      px_article_info_clear (out);
      return FALSE;
    }
  p = parse_date_marker (p, out);
  while (*p == '\n' || *p == ' ' || *p == '\t')
    p++;
  body = g_string_new (p);
  take_outlet_line (body, out);
  if (body->len == 0)
    {
      px_article_info_clear (out);
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "%s: holds no text", origin);
      return FALSE;
    }
  if (out->title == NULL)
    out->title = headline (body->str);
  if (out->title == NULL)
    out->title = first_words (body->str, 8);
  if (out->language == NULL)
    out->language = g_strdup (px_text_detect_language (body->str));
  if (out->story == NULL && options != NULL && options->story != NULL)
    out->story = g_strdup (options->story);
  /* The corpus holds text: a file name that is not UTF-8 is shown as
   * GLib shows it (bad bytes as U+FFFD). */
  out->origin_path = g_filename_display_name (origin);
  out->text = g_string_free (g_steal_pointer (&body), FALSE);
  return TRUE;
}

/* ---- Importing files -------------------------------------------------- */

void
px_import_report_free (PxImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->results, g_ptr_array_unref);
  g_free (report);
}

static void
result_free (PxImportResult *result)
{
  g_free (result->path);
  g_free (result->message);
  g_free (result);
}

static gboolean
wanted_in_folder (const char *name)
{
  return name[0] != '.' && (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".md"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

typedef struct
{
  GPtrArray *files;
  GPtrArray *skipped;  /* PxImportResult *, failures found while walking */
  PxWalk    *walk;
} Collect;

static void
add_skipped (Collect *c, const char *path, char *message)
{
  PxImportResult *result = g_new0 (PxImportResult, 1);

  result->path = g_strdup (path);
  result->outcome = PX_IMPORT_FAILED;
  result->message = message;
  g_ptr_array_add (c->skipped, result);
}

/* FALSE when the whole walk must stop (cancelled, or too many entries). */
static gboolean
collect_dir (Collect *c, const char *path, guint depth)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  char *message = NULL;
  const char *name;

  switch (px_walk_enter (c->walk, path, depth, &message))
    {
    case PX_WALK_SEEN:
      return TRUE;
    case PX_WALK_TOO_DEEP:
      add_skipped (c, path, message);
      return TRUE;
    case PX_WALK_STOP:
      return FALSE;
    case PX_WALK_ENTER:
      break;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      /* Reported as a failure when it is read, so that a folder the user
       * cannot open is never silently left out. */
      g_ptr_array_add (c->files, g_strdup (path));
      return TRUE;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!px_walk_count (c->walk))
        return FALSE;
      if (name[0] != '.')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, names->pdata[i], NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          /* A linked folder may lead back up the tree: walk real folders
           * only (a folder named on the command line is followed). */
          if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK) && !collect_dir (c, child, depth + 1))
            return FALSE;
        }
      else if (wanted_in_folder (names->pdata[i]))
        g_ptr_array_add (c->files, g_steal_pointer (&child));
    }
  return TRUE;
}

/* FALSE with @error when cancelled; a walk stopped by its bound is one
 * failed result, and what it found still imports. */
static gboolean
collect (Collect *c, const char * const *paths, GError **error)
{
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) stopped = NULL;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (c->files, g_strdup (paths[i]));
          continue;
        }
      if (collect_dir (c, paths[i], 0))
        continue;
      px_walk_stopped (c->walk, paths[i], &stopped);
      if (g_error_matches (stopped, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&stopped));
          return FALSE;
        }
      add_skipped (c, paths[i], g_strdup (stopped->message));
      break;
    }
  return TRUE;
}

static gboolean
is_json_name (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".json");
}

static PxImportResult *
import_one (PxStore               *store,
            const char            *path,
            const PxImportOptions *options,
            GError               **fatal)
{
  PxImportResult *result = g_new0 (PxImportResult, 1);
  gsize max = options != NULL && options->max_bytes > 0 ? options->max_bytes : PX_IMPORT_DEFAULT_MAX_BYTES;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_auto(PxArticleInfo) info = { 0 };
  gsize len = 0;
  gint64 existing = 0;

  result->path = g_strdup (path);
  result->outcome = PX_IMPORT_FAILED;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      result->message = g_strdup_printf ("%s: cannot read this folder", path);
      return result;
    }
  /* A JSON document read as plain text made an article titled "{". */
  if (is_json_name (path))
    {
      result->message = g_strdup_printf ("%s: a JSON file is not an article; annotated documents in "
                                         "doccano's JSONL (one object per line, .jsonl) are imported "
                                         "with --format jsonl", path);
      return result;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      GStatBuf st;

      /* Refuse a huge file before reading any of it. */
      if (g_stat (path, &st) == 0 && (gsize) st.st_size > max)
        {
          result->message = g_strdup_printf ("%s: too large (%" G_GINT64_FORMAT " bytes; the limit is %" G_GSIZE_FORMAT ")",
                                             path, (gint64) st.st_size, max);
          return result;
        }
    }
  if ((data = px_files_read (path, max, &len, &error)) == NULL ||
      !px_import_parse ((const guint8 *) data, len, path, options, &info, &error))
    {
      result->message = g_strdup (error->message);
      return result;
    }
  result->article_id = px_store_add_article (store, &info, &existing, &error);
  if (result->article_id != 0)
    {
      result->outcome = PX_IMPORT_IMPORTED;
      return result;
    }
  if (g_error_matches (error, PX_ERROR, PX_ERROR_DUPLICATE))
    {
      result->outcome = PX_IMPORT_DUPLICATE;
      result->article_id = existing;
      result->message = g_strdup_printf ("%s: already in the corpus as article %" G_GINT64_FORMAT ", skipped",
                                         path, existing);
      return result;
    }
  /* The store itself failed (disk full, read-only, locked): stop. */
  g_propagate_error (fatal, g_steal_pointer (&error));
  result_free (result);
  return NULL;
}

PxImportReport *
px_import_paths (PxStore                *store,
                 const char * const     *paths,
                 const PxImportOptions  *options,
                 PxImportProgressFunc    progress,
                 gpointer                user_data,
                 GCancellable           *cancellable,
                 GError                **error)
{
  return px_import_paths_full (store, paths, options, progress, NULL, user_data, cancellable, error);
}

/* The store failed at @path: articles are committed in batches, so those
 * of earlier batches are saved and those of the open batch are not. The
 * store's own "nothing of this change was saved" is true of the batch only. */
static void
say_what_was_saved (GError **error, const char *path, guint saved, guint lost)
{
  static const char lost_words[] = "; nothing of this change was saved";
  const char *msg = (*error)->message;
  gsize len = strlen (msg);
  char *now;

  if (g_str_has_suffix (msg, lost_words))
    len -= strlen (lost_words);
  if (lost > 0)
    now = g_strdup_printf ("%.*s; the import stopped at %s: %u article%s imported before %s saved, "
                           "the %u of the last batch %s not", (int) len, msg, path,
                           saved, saved == 1 ? "" : "s", saved == 1 ? "is" : "are",
                           lost, lost == 1 ? "is" : "are");
  else
    now = g_strdup_printf ("%.*s; the import stopped at %s: %u article%s imported before %s saved",
                           (int) len, msg, path, saved, saved == 1 ? "" : "s", saved == 1 ? "is" : "are");
  g_free ((*error)->message);
  (*error)->message = now;
}

PxImportReport *
px_import_paths_full (PxStore                *store,
                      const char * const     *paths,
                      const PxImportOptions  *options,
                      PxImportProgressFunc    progress,
                      PxImportCommitFunc      committed,
                      gpointer                user_data,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_autoptr(PxImportReport) report = g_new0 (PxImportReport, 1);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  gboolean open = FALSE;
  guint in_batch = 0;
  gint64 batch_start = 0;
  g_autoptr(PxWalk) walk = px_walk_new (cancellable);
  Collect c = { 0 };
  const char *stopped_at = NULL;
  guint saved = 0;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  report->results = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  c.files = files;
  c.skipped = report->results;
  c.walk = walk;
  if (!collect (&c, paths, error))
    return NULL;
  report->n_failed = report->results->len;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      PxImportResult *result;

      stopped_at = path;
      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        goto fail;
      if (!open)
        {
          if (!(open = px_store_begin (store, &local_error)))
            goto fail;
          in_batch = 0;
          batch_start = g_get_monotonic_time ();
        }
      result = import_one (store, path, options, &local_error);
      if (result == NULL)
        goto fail;
      g_ptr_array_add (report->results, result);
      report->n_imported += result->outcome == PX_IMPORT_IMPORTED;
      report->n_duplicates += result->outcome == PX_IMPORT_DUPLICATE;
      report->n_failed += result->outcome == PX_IMPORT_FAILED;
      if (++in_batch >= BATCH_SIZE || i + 1 == files->len ||
          g_get_monotonic_time () - batch_start >= BATCH_USEC)
        {
          open = FALSE;
          if (!px_store_commit (store, &local_error))
            goto fail;
          saved = report->n_imported;
          if (committed != NULL)
            committed (report->n_imported, user_data);
        }
      if (progress != NULL)
        progress (i + 1, files->len, path, user_data);
    }
  return g_steal_pointer (&report);

fail:
  if (open)
    {
      /* Keep what this batch imported so far: commit, don't roll back —
       * unless the store failed, when rolling back is all that is safe. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        px_store_commit (store, NULL);
      else
        px_store_rollback (store);
    }
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && stopped_at != NULL)
    say_what_was_saved (&local_error, stopped_at, saved, report->n_imported - saved);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}
