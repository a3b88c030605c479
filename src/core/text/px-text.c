/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-text.c: decoding, normalisation, segmentation, match keys and offsets.
 * The only file in Parallax that calls ICU.
 *
 * ICU works in UTF-16; everything that leaves this file is UTF-8 with code
 * point offsets. The conversions happen here and nowhere else. */
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "px-error.h"
#include "px-text.h"

/* ---- UTF-16 helpers --------------------------------------------------- */

static UChar *
to_utf16 (const char *text,
          gssize      len,
          int32_t    *out_len)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = 0;
  UChar *buf;

  if (len < 0)
    len = (gssize) strlen (text);
  u_strFromUTF8 (NULL, 0, &n, text, (int32_t) len, &status);
  status = U_ZERO_ERROR;
  buf = g_new (UChar, n + 1);
  u_strFromUTF8 (buf, n + 1, out_len, text, (int32_t) len, &status);
  if (U_FAILURE (status))
    {
      g_free (buf);
      *out_len = 0;
      return NULL;
    }
  return buf;
}

static char *
from_utf16 (const UChar *buf,
            int32_t      len)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = 0;
  char *out;

  u_strToUTF8 (NULL, 0, &n, buf, len, &status);
  status = U_ZERO_ERROR;
  out = g_malloc (n + 1);
  u_strToUTF8 (out, n + 1, NULL, buf, len, &status);
  out[n] = '\0';
  return out;
}

/* Maps every UTF-16 index (0..len) to a code point index. */
static guint *
utf16_to_cp_map (const UChar *buf,
                 int32_t      len)
{
  guint *map = g_new (guint, len + 1);
  guint cp = 0;

  for (int32_t i = 0; i < len; i++)
    {
      map[i] = cp;
      if (U16_IS_LEAD (buf[i]) && i + 1 < len && U16_IS_TRAIL (buf[i + 1]))
        {
          map[++i] = cp;
        }
      cp++;
    }
  map[len] = cp;
  return map;
}

/* ---- Reading input ---------------------------------------------------- */

static gboolean
utf16_pattern (const guint8 *data,
               gsize         len,
               gboolean     *big_endian)
{
  gsize n = MIN (len, 4096) & ~(gsize) 1;
  gsize zero_even = 0, zero_odd = 0;

  if (n < 4)
    return FALSE;
  for (gsize i = 0; i < n; i += 2)
    {
      zero_even += data[i] == 0;
      zero_odd += data[i + 1] == 0;
    }
  /* Mostly-Latin UTF-16: one byte of each pair is zero, the other is not. */
  if (zero_odd * 10 > (n / 2) * 4 && zero_even * 10 < (n / 2))
    {
      *big_endian = FALSE;
      return TRUE;
    }
  if (zero_even * 10 > (n / 2) * 4 && zero_odd * 10 < (n / 2))
    {
      *big_endian = TRUE;
      return TRUE;
    }
  return FALSE;
}

gboolean
px_text_looks_binary (const guint8 *data,
                      gsize         len)
{
  gsize n = MIN (len, 65536), controls = 0, nuls = 0;
  gboolean be;

  if (len >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff)))
    return FALSE;
  if (utf16_pattern (data, len, &be))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      guint8 c = data[i];

      nuls += c == 0;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0b && c != 0x1b)
        controls++;
    }
  return nuls > 0 || (n > 0 && controls * 20 > n);
}

static char *
convert_to_utf8 (const guint8 *data,
                 gsize         len,
                 const char   *charset,
                 GError      **error)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = ucnv_convert ("UTF-8", charset, NULL, 0, (const char *) data, (int32_t) len, &status);
  char *out;

  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    goto fail;
  status = U_ZERO_ERROR;
  out = g_malloc (n + 1);
  ucnv_convert ("UTF-8", charset, out, n + 1, (const char *) data, (int32_t) len, &status);
  if (U_FAILURE (status))
    {
      g_free (out);
      goto fail;
    }
  out[n] = '\0';
  return out;

fail:
  g_set_error (error, PX_ERROR, PX_ERROR_ENCODING, "cannot decode the text as %s (%s)",
               charset, u_errorName (status));
  return NULL;
}

/* Counts, in text that is not valid UTF-8, the valid multi-byte sequences
 * and the bytes that fit no sequence; *first_bad is the first of those. */
static void
count_utf8 (const guint8 *data, gsize len, gsize *n_multibyte, gsize *n_bad, gsize *first_bad)
{
  const char *p = (const char *) data, *end = p + len;

  *n_multibyte = *n_bad = 0;
  *first_bad = len;
  while (p < end)
    {
      const char *stop;
      gboolean valid = g_utf8_validate_len (p, end - p, &stop);

      for (const char *q = p; q < stop; q++)
        *n_multibyte += ((guint8) *q & 0xC0) == 0xC0;
      if (valid)
        break;
      if (*n_bad == 0)
        *first_bad = stop - (const char *) data;
      (*n_bad)++;
      p = stop + 1;
    }
}

/* A UTF-8 file with a stray byte or two (a bad copy, a cut download) is not
 * Windows-1252: decoding it so would turn every accent into mojibake
 * ("Ã©trangÃ¨res"). It has more valid multi-byte sequences than bad bytes;
 * a real Windows-1252 file has high bytes that almost never pair up so. */
static gboolean
check_stray_bytes (const guint8 *data, gsize len, GError **error)
{
  gsize n_multibyte, n_bad, first;
  guint line = 1;
  g_autofree char *more = NULL;

  count_utf8 (data, len, &n_multibyte, &n_bad, &first);
  if (n_bad == 0 || n_multibyte == 0 || n_bad > n_multibyte)
    return TRUE;
  for (gsize i = 0; i < first; i++)
    line += data[i] == '\n';
  more = n_bad > 1 ? g_strdup_printf (" (%" G_GSIZE_FORMAT " such bytes)", n_bad) : g_strdup ("");
  g_set_error (error, PX_ERROR, PX_ERROR_ENCODING,
               "byte %" G_GSIZE_FORMAT " (line %u) is 0x%02X, not UTF-8, in a file that is "
               "otherwise UTF-8%s; fix that byte, or save the file as UTF-8 again, then import it",
               first, line, data[first], more);
  return FALSE;
}

/* UTF-8 is tried first since it is nearly always right when it validates;
 * then ICU's detector, trusted only when confident; then Windows-1252, the
 * usual charset of older Western European web pages. */
static const char *
detect_charset (const guint8 *data,
                gsize         len)
{
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *det;
  const UCharsetMatch *match;
  const char *name = "windows-1252";
  gboolean be;

  if (len >= 2 && data[0] == 0xff && data[1] == 0xfe)
    return "UTF-16LE";
  if (len >= 2 && data[0] == 0xfe && data[1] == 0xff)
    return "UTF-16BE";
  if (utf16_pattern (data, len, &be))
    return be ? "UTF-16BE" : "UTF-16LE";
  if (g_utf8_validate ((const char *) data, (gssize) len, NULL))
    return "UTF-8";
  det = ucsdet_open (&status);
  ucsdet_setText (det, (const char *) data, (int32_t) MIN (len, 65536), &status);
  match = ucsdet_detect (det, &status);
  if (U_SUCCESS (status) && match != NULL && ucsdet_getConfidence (match, &status) >= 50)
    {
      const char *found = ucsdet_getName (match, &status);
      /* ISO-8859-1 is a subset of windows-1252 in practice (curly quotes,
       * the euro sign): prefer the superset. */
      if (found != NULL && !g_str_equal (found, "UTF-8") && !g_str_equal (found, "ISO-8859-1"))
        name = g_intern_string (found);
    }
  ucsdet_close (det);
  return name;
}

char *
px_text_normalize_newlines (const char *text,
                            gssize      len)
{
  GString *out;

  if (len < 0)
    len = (gssize) strlen (text);
  out = g_string_sized_new (len);
  for (gssize i = 0; i < len; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < len && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

char *
px_text_normalize_nfc (const char *text,
                       gssize      len)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance (&status);
  g_autofree UChar *src = NULL;
  g_autofree UChar *dst = NULL;
  int32_t n = 0, m;

  if (len < 0)
    len = (gssize) strlen (text);
  src = to_utf16 (text, len, &n);
  if (src == NULL || U_FAILURE (status))
    return g_strndup (text, len);
  if (unorm2_isNormalized (nfc, src, n, &status) && U_SUCCESS (status))
    return g_strndup (text, len);
  status = U_ZERO_ERROR;
  m = unorm2_normalize (nfc, src, n, NULL, 0, &status);
  status = U_ZERO_ERROR;
  dst = g_new (UChar, m + 1);
  unorm2_normalize (nfc, src, n, dst, m + 1, &status);
  if (U_FAILURE (status))
    return g_strndup (text, len);
  return from_utf16 (dst, m);
}

char *
px_text_decode (const guint8  *data,
                gsize          len,
                char         **out_charset,
                GError       **error)
{
  const char *charset;
  g_autofree char *utf8 = NULL;
  g_autofree char *lf = NULL;
  const char *start;

  if (len == 0)
    {
      if (out_charset != NULL)
        *out_charset = g_strdup ("UTF-8");
      return g_strdup ("");
    }
  if (len > G_MAXINT32)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE, "the text is too large to decode");
      return NULL;
    }
  if (px_text_looks_binary (data, len))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_BINARY, "binary data, not text");
      return NULL;
    }
  charset = detect_charset (data, len);
  /* Only the single-byte Western guesses: a real multi-byte charset
   * (Shift_JIS, GB18030) may well pair high bytes as UTF-8 does. */
  if ((g_str_has_prefix (charset, "windows-125") || g_str_has_prefix (charset, "ISO-8859")) &&
      !check_stray_bytes (data, len, error))
    return NULL;
  if (g_str_equal (charset, "UTF-8"))
    utf8 = g_strndup ((const char *) data, len);
  else
    utf8 = convert_to_utf8 (data, len, charset, error);
  if (utf8 == NULL)
    return NULL;
  if (!g_utf8_validate (utf8, -1, NULL))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_ENCODING, "the text is not valid %s", charset);
      return NULL;
    }
  if (strlen (utf8) != len && g_str_equal (charset, "UTF-8"))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_BINARY, "binary data, not text (NUL bytes)");
      return NULL;
    }
  start = g_str_has_prefix (utf8, "\xef\xbb\xbf") ? utf8 + 3 : utf8;
  lf = px_text_normalize_newlines (start, -1);
  if (out_charset != NULL)
    *out_charset = g_strdup (charset);
  return px_text_normalize_nfc (lf, -1);
}

/* ---- Offsets ---------------------------------------------------------- */

gsize
px_text_length (const char *text,
                gssize      len)
{
  return (gsize) g_utf8_strlen (text, len);
}

gsize
px_text_cp_to_byte (const char *text,
                    gsize       cp)
{
  return (gsize) (g_utf8_offset_to_pointer (text, (glong) cp) - text);
}

gsize
px_text_byte_to_cp (const char *text,
                    gsize       byte)
{
  return (gsize) g_utf8_pointer_to_offset (text, text + byte);
}

gsize
px_text_cp_to_utf16 (const char *text,
                     gsize       cp)
{
  const char *p = text;
  gsize units = 0;

  for (gsize i = 0; i < cp && *p != '\0'; i++, p = g_utf8_next_char (p))
    units += g_utf8_get_char (p) > 0xffff ? 2 : 1;
  return units;
}

gsize
px_text_utf16_to_cp (const char *text,
                     gsize       utf16)
{
  const char *p = text;
  gsize units = 0, cp = 0;

  while (units < utf16 && *p != '\0')
    {
      units += g_utf8_get_char (p) > 0xffff ? 2 : 1;
      p = g_utf8_next_char (p);
      cp++;
    }
  return cp;
}

char *
px_text_substring (const char *text,
                   gsize       start,
                   gsize       end)
{
  gsize len = px_text_length (text, -1);

  if (start > end || end > len)
    return NULL;
  return g_utf8_substring (text, (glong) start, (glong) end);
}

/* ---- Segmentation ----------------------------------------------------- */

static const char *const abbreviations[] = {
  "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "Mgr", "St", "Ste",
  "Mr", "Mrs", "Ms", "Prof", "Gen", "Gén", "Col", "Lt", "Sgt", "Jr", "Sr", "av",
  "boul", "cf", "env", "p", "n°", "No", "vol", "art", "Cie", "Inc", "Ltd", "etc.", NULL
};

/* TRUE when the UTF-16 text before @end finishes with "Abbr." */
static gboolean
ends_with_abbreviation (const UChar *buf,
                        int32_t      begin,
                        int32_t      end)
{
  int32_t e = end, s;
  g_autofree char *word = NULL;

  while (e > begin && u_isspace (buf[e - 1]))
    e--;
  if (e <= begin || buf[e - 1] != '.')
    return FALSE;
  e--;
  s = e;
  while (s > begin && !u_isspace (buf[s - 1]) && buf[s - 1] != '(' && buf[s - 1] != '"')
    s--;
  if (s == e)
    return FALSE;
  word = from_utf16 (buf + s, e - s);
  return g_strv_contains (abbreviations, word) ||
         /* A single capital: an initial, as in "J. Biden". */
         (e - s == 1 && u_isupper (buf[s]));
}

static UBreakIterator *
open_iterator (UBreakIteratorType  type,
               const char         *lang,
               const UChar        *buf,
               int32_t             len)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autofree char *locale = NULL;
  UBreakIterator *bi;

  if (type == UBRK_SENTENCE)
    locale = g_strdup_printf ("%s@ss=standard", lang != NULL && !g_str_equal (lang, "und") ? lang : "en");
  else
    locale = g_strdup (lang != NULL ? lang : "");
  bi = ubrk_open (type, locale, buf, len, &status);
  if (U_FAILURE (status))
    {
      status = U_ZERO_ERROR;
      bi = ubrk_open (type, "", buf, len, &status);
    }
  return U_SUCCESS (status) ? bi : NULL;
}

static void
push_trimmed (GArray      *spans,
              const UChar *buf,
              const guint *map,
              int32_t      s,
              int32_t      e)
{
  PxSpan span;

  while (s < e && u_isspace (buf[s]))
    s++;
  while (e > s && u_isspace (buf[e - 1]))
    e--;
  if (s >= e)
    return;
  span.start = map[s];
  span.end = map[e];
  g_array_append_val (spans, span);
}

GArray *
px_text_sentences (const char *text,
                   const char *lang)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (PxSpan));
  g_autofree UChar *buf = NULL;
  g_autofree guint *map = NULL;
  UBreakIterator *bi;
  int32_t len = 0, begin = 0, pos;

  buf = to_utf16 (text, -1, &len);
  if (buf == NULL || len == 0)
    return spans;
  map = utf16_to_cp_map (buf, len);
  bi = open_iterator (UBRK_SENTENCE, lang, buf, len);
  if (bi == NULL)
    {
      push_trimmed (spans, buf, map, 0, len);
      return spans;
    }
  ubrk_first (bi);
  while ((pos = ubrk_next (bi)) != UBRK_DONE)
    {
      /* Keep going past a break that only follows "M." and the like,
       * unless a paragraph break says otherwise. */
      if (pos < len && ends_with_abbreviation (buf, begin, pos) &&
          !(pos >= 1 && buf[pos - 1] == '\n'))
        continue;
      push_trimmed (spans, buf, map, begin, pos);
      begin = pos;
    }
  if (begin < len)
    push_trimmed (spans, buf, map, begin, len);
  ubrk_close (bi);
  return spans;
}

static GArray *
word_spans (const char *text,
            const char *lang,
            gboolean    words_only)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (PxSpan));
  g_autofree UChar *buf = NULL;
  g_autofree guint *map = NULL;
  UBreakIterator *bi;
  int32_t len = 0, prev, pos;

  buf = to_utf16 (text, -1, &len);
  if (buf == NULL || len == 0)
    return spans;
  map = utf16_to_cp_map (buf, len);
  bi = open_iterator (UBRK_WORD, lang, buf, len);
  if (bi == NULL)
    return spans;
  prev = ubrk_first (bi);
  while ((pos = ubrk_next (bi)) != UBRK_DONE)
    {
      int32_t status = ubrk_getRuleStatus (bi);
      gboolean is_word = status >= UBRK_WORD_NONE_LIMIT;

      if (is_word || (!words_only && !u_isspace (buf[prev])))
        {
          PxSpan span = { map[prev], map[pos] };
          g_array_append_val (spans, span);
        }
      prev = pos;
    }
  ubrk_close (bi);
  return spans;
}

GArray *
px_text_words (const char *text,
               const char *lang)
{
  return word_spans (text, lang, TRUE);
}

GArray *
px_text_tokens (const char *text,
                const char *lang)
{
  return word_spans (text, lang, FALSE);
}

/* Word boundaries never need more context than the run of text between two
 * white-space characters, so snapping segments only a window around the
 * range: tagging in a 1 MB article would otherwise run ICU over all of it
 * on every key press. Returns the window's start as a pointer and in code
 * points; the window ends at white space after @end_ptr, or the text's end. */
#define SNAP_MARGIN   64     /* code points kept on each side at least */
#define SNAP_SEARCH 4096     /* how far to look for white space beyond that */

static const char *
window_start (const char *text,
              const char *p,
              gsize      *cp)
{
  for (guint i = 0; i < SNAP_MARGIN + SNAP_SEARCH && p > text; i++)
    {
      p = g_utf8_prev_char (p);
      (*cp)--;
      if (i >= SNAP_MARGIN && g_unichar_isspace (g_utf8_get_char (p)))
        return p;
    }
  if (p > text)
    {
      *cp = 0;   /* no white space near: fall back to the whole text */
      return text;
    }
  return p;
}

static const char *
window_end (const char *p)
{
  for (guint i = 0; i < SNAP_MARGIN + SNAP_SEARCH && *p != '\0'; i++)
    {
      if (i >= SNAP_MARGIN && g_unichar_isspace (g_utf8_get_char (p)))
        return p;
      p = g_utf8_next_char (p);
    }
  return *p != '\0' ? p + strlen (p) : p;
}

gboolean
px_text_snap_to_words (const char *text,
                       const char *lang,
                       gsize      *start,
                       gsize      *end)
{
  const char *start_ptr = g_utf8_offset_to_pointer (text, (glong) *start);
  const char *end_ptr = g_utf8_offset_to_pointer (start_ptr, (glong) (*end - *start));
  gsize base = *start;
  const char *from = window_start (text, start_ptr, &base);
  const char *to = window_end (end_ptr);
  g_autofree char *window = g_strndup (from, to - from);
  g_autoptr(GArray) words = px_text_words (window, lang);
  gsize s = G_MAXSIZE, e = 0;

  /* The words the range touches, grown to their full extent. */
  for (guint i = 0; i < words->len; i++)
    {
      PxSpan *w = &g_array_index (words, PxSpan, i);
      gsize ws = base + w->start, we = base + w->end;

      if (we <= *start || ws >= *end)
        continue;
      s = MIN (s, ws);
      e = MAX (e, we);
    }
  if (s == G_MAXSIZE)
    return FALSE;
  /* ICU keeps "l'Ukraine" as one word; the name is "Ukraine". */
  {
    const char *p = g_utf8_offset_to_pointer (window, (glong) (s - base));
    gsize skip = px_text_elision_length (p);

    if (skip > 0 && s + skip < e)
      s += skip;
  }
  *start = s;
  *end = e;
  return TRUE;
}

/* ---- Match keys ------------------------------------------------------- */

/* French elided articles and pronouns, as match keys: "l'", "d'", "qu'"… */
static const char *const elided[] = {
  "l", "d", "qu", "s", "j", "n", "c", "m", "t", "jusqu", "lorsqu", "puisqu", NULL };

static gboolean
is_elided_article (const char *key)
{
  return g_strv_contains (elided, key);
}

gsize
px_text_elision_length (const char *word)
{
  const char *p = word;
  g_autofree char *head = NULL;
  gunichar c;

  while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)) && p - word < 8)
    p = g_utf8_next_char (p);
  c = g_utf8_get_char (p);
  if (p == word || (c != '\'' && c != 0x2019) || !g_unichar_isalpha (g_utf8_get_char (p + (c == '\'' ? 1 : 3))))
    return 0;
  /* "N'Djamena", "N'Golo": a capital N' before a capital is part of a name. */
  if (word[0] == 'N' && p - word == 1 && g_unichar_isupper (g_utf8_get_char (p + (c == '\'' ? 1 : 3))))
    return 0;
  head = g_utf8_strdown (word, p - word);
  if (!is_elided_article (head))
    return 0;
  return (gsize) g_utf8_strlen (word, p - word) + 1;
}

/* Titles that come before a name, as match keys. */
static const char *const titles[] = {
  "m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "me", "mgr",
  "president", "presidente", "ministre", "chancelier", "chanceliere",
  "colonel", "sir", "roi", "reine", "princesse", "pape", "senateur", "senator",
  "depute", "deputee", "maire", "gouverneur", "cheikh", "sheikh", "emir",
  "minister", "chancellor", "pope", "governor", "mayor", "prof", NULL };

/* Words after which a title is the start of a role ("ministre des Affaires
 * étrangères"), not of a name. */
static const char *const title_ends[] = {
  "de", "des", "du", "d", "la", "le", "les", "l", "of", "the", "for", "a", "au", "aux", NULL };

/* "m lavrov" → "lavrov", "president erdogan" → "erdogan": a key without
 * its leading titles, as long as a word that is not a title remains. */
static char *
drop_titles (char *key)
{
  char *p = key;

  for (;;)
    {
      char *space = strchr (p, ' ');
      g_autofree char *first = space ? g_strndup (p, space - p) : NULL;
      g_autofree char *next = NULL;
      char *after;

      if (space == NULL || !g_strv_contains (titles, first))
        break;
      after = strchr (space + 1, ' ');
      next = after ? g_strndup (space + 1, after - space - 1) : g_strdup (space + 1);
      if (g_strv_contains (title_ends, next))
        break;
      p = space + 1;
    }
  if (p != key)
    memmove (key, p, strlen (p) + 1);
  return key;
}

static void
close_transliterator (gpointer data)
{
  utrans_close (data);
}

static GPrivate translit_key = G_PRIVATE_INIT (close_transliterator);

/* utrans_openU is slow (it compiles rules), and match keys are made by the
 * thousand: one transliterator per thread, kept. */
static UTransliterator *
transliterator (void)
{
  UTransliterator *t = g_private_get (&translit_key);

  if (t == NULL)
    {
      static const char id[] = "Any-Latin; Latin-ASCII; Any-Lower";
      UErrorCode status = U_ZERO_ERROR;
      UChar uid[64];

      u_uastrcpy (uid, id);
      t = utrans_openU (uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        return NULL;
      g_private_set (&translit_key, t);
    }
  return t;
}

char *
px_text_match_key (const char *text)
{
  UTransliterator *t = transliterator ();
  g_autofree UChar *buf = NULL;
  g_autofree char *latin = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = 0, limit, cap;
  GString *out;
  gboolean space = FALSE;
  gsize word = 0;   /* where the current word of @out starts */

  if (text == NULL)
    return g_strdup ("");
  {
    g_autofree UChar *src = to_utf16 (text, -1, &len);

    if (src == NULL)
      return g_strdup ("");
    /* Transliteration can grow the text (ß → ss, Щ → Shch). */
    cap = len * 4 + 16;
    buf = g_new0 (UChar, cap);
    memcpy (buf, src, len * sizeof (UChar));
  }
  limit = len;
  if (t != NULL)
    utrans_transUChars (t, buf, &len, cap, 0, &limit, &status);
  latin = U_SUCCESS (status) ? from_utf16 (buf, len) : g_utf8_casefold (text, -1);
  out = g_string_sized_new (strlen (latin));
  for (const char *p = latin; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            {
              g_string_append_c (out, ' ');
              word = out->len;
            }
          space = FALSE;
          g_string_append_unichar (out, g_unichar_tolower (c));
        }
      else if (c == '\'' || c == 0x2019)
        {
          /* "l'Ukraine" is "ukraine"; "O'Brien" stays "obrien". */
          if (is_elided_article (out->str + word))
            {
              g_string_truncate (out, word > 0 ? word - 1 : 0);
              space = out->len > 0;
              word = out->len > 0 ? out->len + 1 : 0;
            }
        }
      else
        space = TRUE;
    }
  return drop_titles (g_string_free (out, FALSE));
}

static gboolean
is_soft_letter (gunichar c)
{
  return strchr ("aeiouyh", (int) c) != NULL && c != 0;
}

gboolean
px_text_near_spelling (const char *a,
                       const char *b)
{
  glong la = 0, lb = 0, i = 0;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &la);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &lb);
  gboolean long_key = MIN (la, lb) >= 8;

  if (MIN (la, lb) < 4 || ABS (la - lb) > 1 || strcmp (a, b) == 0)
    return FALSE;
  if (la < lb)
    {
      gunichar *t = ua; ua = ub; ub = t;
      glong tl = la; la = lb; lb = tl;
    }
  while (i < lb && ua[i] == ub[i])
    i++;
  if (la == lb)   /* one substitution: vowels for vowels ("Ryad" / "Riad") */
    return memcmp (ua + i + 1, ub + i + 1, (la - i - 1) * sizeof (gunichar)) == 0
           && (long_key || (is_soft_letter (ua[i]) && is_soft_letter (ub[i])));
  /* one letter more: "Kouleba" / "Kuleba", "Riyad" / "Ryad" */
  return memcmp (ua + i + 1, ub + i, (lb - i) * sizeof (gunichar)) == 0
         && (long_key || is_soft_letter (ua[i]));
}

guint
px_text_edit_distance (const char *a,
                       const char *b,
                       guint       max)
{
  glong la = 0, lb = 0;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &la);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &lb);
  g_autofree guint *prev = NULL;
  g_autofree guint *cur = NULL;

  if ((guint) ABS (la - lb) > max)
    return max + 1;
  prev = g_new (guint, lb + 1);
  cur = g_new (guint, lb + 1);
  for (glong j = 0; j <= lb; j++)
    prev[j] = (guint) j;
  for (glong i = 1; i <= la; i++)
    {
      guint row_min;

      cur[0] = (guint) i;
      row_min = cur[0];
      for (glong j = 1; j <= lb; j++)
        {
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
          cur[j] = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
          row_min = MIN (row_min, cur[j]);
        }
      if (row_min > max)
        return max + 1;
      memcpy (prev, cur, (lb + 1) * sizeof (guint));
    }
  return MIN (prev[lb], max + 1);
}

/* ---- Language, checksum ----------------------------------------------- */

static const char *const french[] = {
  "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour",
  "que", "qui", "sur", "au", "aux", "avec", "il", "elle", "ne", "pas", "son", "sa",
  "ses", "été", "par", "ce", "cette", "sont", "ont", NULL };
static const char *const english[] = {
  "the", "of", "and", "to", "in", "is", "was", "for", "that", "on", "with", "as",
  "by", "at", "from", "it", "he", "she", "are", "be", "has", "have", "an", "this",
  "said", "were", "will", "not", NULL };

/* word → 'f' or 'e'; built once, read by any thread. */
static GHashTable *
stop_words (void)
{
  static gsize init = 0;
  static GHashTable *table;

  if (g_once_init_enter (&init))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; french[i] != NULL; i++)
        g_hash_table_insert (t, (gpointer) french[i], GINT_TO_POINTER ('f'));
      for (guint i = 0; english[i] != NULL; i++)
        g_hash_table_insert (t, (gpointer) english[i], GINT_TO_POINTER ('e'));
      table = t;
      g_once_init_leave (&init, 1);
    }
  return table;
}

const char *
px_text_detect_language (const char *text)
{
  GHashTable *words = stop_words ();
  guint fr = 0, en = 0, seen = 0;
  const char *p = text;
  char buf[32];

  while (*p != '\0' && seen < 2000)
    {
      const char *s;
      gsize n;
      int kind;

      while (*p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      s = p;
      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == s)
        break;
      seen++;
      n = (gsize) (p - s);
      /* Stop words are short and lower case; longer words cannot match. */
      if (n >= sizeof buf)
        continue;
      for (gsize i = 0; i < n; i++)
        buf[i] = g_ascii_tolower (s[i]);
      buf[n] = '\0';
      kind = GPOINTER_TO_INT (g_hash_table_lookup (words, buf));
      fr += kind == 'f';
      en += kind == 'e';
    }
  if (fr + en < 2 || fr == en)
    return "und";
  return fr > en ? "fr" : "en";
}

char *
px_text_sha256 (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}
