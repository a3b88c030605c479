/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-json-scan.c: one pass over raw JSON for what json-glib hides. */
#include "px-json-scan.h"

#include <string.h>

typedef struct
{
  gboolean    object;
  gboolean    expect_key;  /* after '{' or ',' in an object */
  GHashTable *keys;        /* names seen in this object, made on demand */
} Frame;

typedef struct
{
  const char *p;
  const char *end;
  PxJsonScan *out;
  GArray     *frames;      /* Frame */
} Scanner;

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The four hex digits after "\u" at @p, or -1. */
static int
read_u4 (const char *p, const char *end)
{
  int v = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return -1;
      v = v * 16 + h;
    }
  return v;
}

static void
note_lone (Scanner *s, const char *at)
{
  if (s->out->lone_surrogate == NULL)
    s->out->lone_surrogate = g_strndup (at, 6);
}

/* One \u escape at @p (pointing at the backslash); returns where the
 * escape ends, and appends the character to @key when @key is not NULL. */
static const char *
read_unicode_escape (Scanner *s, const char *p, GString *key)
{
  int hi = read_u4 (p + 2, s->end);
  int lo;

  if (hi < 0)
    return p + 2;  /* a syntax error; json-glib says it */
  if (hi == 0)
    s->out->nul_escape = TRUE;
  if (hi >= 0xDC00 && hi <= 0xDFFF)
    {
      note_lone (s, p);
      return p + 6;
    }
  if (hi < 0xD800 || hi > 0xDBFF)
    {
      if (key != NULL)
        g_string_append_unichar (key, hi);
      return p + 6;
    }
  if (s->end - p >= 12 && p[6] == '\\' && p[7] == 'u' &&
      (lo = read_u4 (p + 8, s->end)) >= 0xDC00 && lo <= 0xDFFF)
    {
      if (key != NULL)
        g_string_append_unichar (key, 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
      return p + 12;
    }
  note_lone (s, p);
  return p + 6;
}

/* A string from its opening quote at s->p; leaves s->p after the closing
 * quote (or at the end). Decodes it into @key when @key is not NULL. */
static void
read_string (Scanner *s, GString *key)
{
  const char *p = s->p + 1;

  while (p < s->end && *p != '"')
    {
      if (*p != '\\')
        {
          if (key != NULL)
            g_string_append_c (key, *p);
          p++;
          continue;
        }
      if (p + 1 >= s->end)
        break;
      if (p[1] == 'u')
        {
          p = read_unicode_escape (s, p, key);
          continue;
        }
      if (key != NULL)
        g_string_append_c (key, p[1]);
      p += 2;
    }
  s->p = p < s->end ? p + 1 : s->end;
}

static Frame *
top (Scanner *s)
{
  return s->frames->len > 0 ? &g_array_index (s->frames, Frame, s->frames->len - 1) : NULL;
}

static void
frame_clear (Frame *f)
{
  g_clear_pointer (&f->keys, g_hash_table_unref);
}

static void
note_key (Scanner *s, Frame *f, GString *key)
{
  if (f->keys == NULL)
    f->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_add (f->keys, g_strdup (key->str)) && s->out->duplicate_key == NULL)
    s->out->duplicate_key = g_strdup (key->str);
}

/* A value ended: one more at the top level when no frame is open. */
static void
value_done (Scanner *s)
{
  if (s->frames->len == 0)
    s->out->n_values++;
}

/* A whole number (no fraction, no exponent) that gint64 cannot hold. */
static void
check_integer (Scanner *s, const char *token, gsize len)
{
  g_autofree char *copy = NULL;
  gint64 v;

  if (s->out->huge_integer != NULL || len == 0 || !(g_ascii_isdigit (token[0]) || token[0] == '-'))
    return;
  for (gsize i = token[0] == '-'; i < len; i++)
    if (!g_ascii_isdigit (token[i]))
      return;
  copy = g_strndup (token, MIN (len, 40));  /* enough to say it, and to parse it */
  if (len > 40 || !g_ascii_string_to_signed (copy, 10, G_MININT64, G_MAXINT64, &v, NULL))
    s->out->huge_integer = len > 40 ? g_strconcat (copy, "…", NULL) : g_steal_pointer (&copy);
}

/* FALSE when the scan must stop (too deep). */
static gboolean
step (Scanner *s, guint max_depth)
{
  char c = *s->p;
  Frame *f = top (s);

  switch (c)
    {
    case '{':
    case '[':
      {
        Frame nf = { c == '{', c == '{', NULL };

        if (s->frames->len >= max_depth)
          {
            s->out->too_deep = TRUE;
            return FALSE;
          }
        g_array_append_val (s->frames, nf);
        s->p++;
        return TRUE;
      }
    case '}':
    case ']':
      if (f != NULL)
        {
          frame_clear (f);
          g_array_set_size (s->frames, s->frames->len - 1);
          value_done (s);
        }
      s->p++;
      return TRUE;
    case ',':
      if (f != NULL && f->object)
        f->expect_key = TRUE;
      s->p++;
      return TRUE;
    case '"':
      if (f != NULL && f->object && f->expect_key)
        {
          g_autoptr(GString) key = g_string_new (NULL);

          read_string (s, key);
          note_key (s, f, key);
          f->expect_key = FALSE;
          return TRUE;
        }
      read_string (s, NULL);
      value_done (s);
      return TRUE;
    case ' ': case '\t': case '\r': case '\n': case ':':
      s->p++;
      return TRUE;
    default:
      {
        /* A number, true, false, null (or junk json-glib will refuse). */
        const char *start = s->p;

        while (s->p < s->end && strchr (" \t\r\n,:[]{}\"", *s->p) == NULL)
          s->p++;
        check_integer (s, start, s->p - start);
        value_done (s);
        return TRUE;
      }
    }
}

void
px_json_scan (const char *json, gsize len, guint max_depth, PxJsonScan *out)
{
  Scanner s = { json, json + len, out, g_array_new (FALSE, TRUE, sizeof (Frame)) };

  memset (out, 0, sizeof *out);
  while (s.p < s.end && step (&s, max_depth))
    ;
  for (guint i = 0; i < s.frames->len; i++)
    frame_clear (&g_array_index (s.frames, Frame, i));
  g_array_unref (s.frames);
}

void
px_json_scan_clear (PxJsonScan *scan)
{
  g_clear_pointer (&scan->duplicate_key, g_free);
  g_clear_pointer (&scan->lone_surrogate, g_free);
  g_clear_pointer (&scan->huge_integer, g_free);
}
