/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-text.h: everything about text. The only module that calls ICU.
 *
 * All offsets in and out of this module are Unicode code points, end
 * exclusive, unless a function's name says bytes or UTF-16 units.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A half-open range [start, end) in code points. */
typedef struct
{
  gsize start;
  gsize end;
} PxSpan;

/* ---- Reading input ---------------------------------------------------- */

/* TRUE when @data looks like binary data rather than text in any encoding
 * (NUL bytes outside a UTF-16 pattern, many control characters, …). */
gboolean  px_text_looks_binary        (const guint8 *data,
                                       gsize         len);

/* Decodes raw bytes into clean text: detects the charset (UTF-8 with or
 * without BOM, UTF-16 LE/BE with or without BOM, Windows-1252/Latin-1 and
 * what ICU's detector knows), converts to UTF-8, strips the BOM, turns CRLF
 * and CR into LF and normalises to NFC.
 *
 * Fails with PX_ERROR_BINARY for binary data and PX_ERROR_ENCODING when the
 * bytes cannot be decoded. An empty input gives an empty string.
 * @out_charset (nullable) receives the detected charset name. */
char     *px_text_decode              (const guint8 *data,
                                       gsize         len,
                                       char        **out_charset,
                                       GError      **error);

/* NFC normalisation of valid UTF-8. */
char     *px_text_normalize_nfc       (const char   *text,
                                       gssize        len);

/* CRLF and lone CR to LF. */
char     *px_text_normalize_newlines  (const char   *text,
                                       gssize        len);

/* ---- Offsets ---------------------------------------------------------- */

/* Number of code points in valid UTF-8. */
gsize     px_text_length              (const char   *text,
                                       gssize        len);
gsize     px_text_cp_to_byte          (const char   *text,
                                       gsize         cp);
gsize     px_text_byte_to_cp          (const char   *text,
                                       gsize         byte);
gsize     px_text_cp_to_utf16         (const char   *text,
                                       gsize         cp);
gsize     px_text_utf16_to_cp         (const char   *text,
                                       gsize         utf16);
/* A copy of the code points [start, end) of @text. NULL when out of range. */
char     *px_text_substring           (const char   *text,
                                       gsize         start,
                                       gsize         end);

/* ---- Segmentation ----------------------------------------------------- */

/* Sentence spans for @lang ("fr", "en", or NULL for the root locale), with
 * common abbreviations ("M.", "Mme.", "Dr.", "Mr.", "etc.") not treated as
 * sentence ends. Leading and trailing white space is trimmed from each span
 * and empty sentences are dropped. Returns a GArray of PxSpan. */
GArray   *px_text_sentences           (const char   *text,
                                       const char   *lang);

/* Word-like tokens (letters, digits, and ideographs; not spaces or
 * punctuation). Returns a GArray of PxSpan. */
GArray   *px_text_words               (const char   *text,
                                       const char   *lang);

/* All tokens as ICU's word break iterator sees them, punctuation included,
 * white space excluded (for CoNLL export). Returns a GArray of PxSpan. */
GArray   *px_text_tokens              (const char   *text,
                                       const char   *lang);

/* Moves *start back and *end forward to the nearest word boundaries, and
 * trims white space off both ends. A range inside one word grows to that
 * word. Returns FALSE when the range holds no word at all. */
gboolean  px_text_snap_to_words       (const char   *text,
                                       const char   *lang,
                                       gsize        *start,
                                       gsize        *end);

/* ---- Match keys ------------------------------------------------------- */

/* A key for matching names and words across spellings: transliterated to
 * Latin, diacritics removed, case folded, punctuation dropped and white
 * space collapsed. "Sergueï" → "serguei", "Лавров" → "lavrov". French
 * elided articles go ("l'Ukraine" → "ukraine"), and so do titles before a
 * name ("M. Lavrov", "président Erdogan" → "lavrov", "erdogan"). */
char     *px_text_match_key           (const char   *text);

/* Length in code points of the elided article that starts @word ("l'",
 * "d’", "qu'"…, with ' or ’), or 0. */
gsize     px_text_elision_length      (const char   *word);

/* Levenshtein distance in code points, stopping early: returns @max + 1 as
 * soon as the distance is known to exceed @max. */
guint     px_text_edit_distance       (const char   *a,
                                       const char   *b,
                                       guint         max);

/* TRUE when two match keys are one spelling of the same name: one edit
 * apart, the edit touching a vowel, "y" or "h" ("kouleba" / "kuleba",
 * "ryad" / "riyad") unless both keys have 8 letters or more; keys under 4
 * letters never are. "iran" / "irak" are not. */
gboolean  px_text_near_spelling       (const char   *a,
                                       const char   *b);

/* "fr", "en", or "und" when unsure. Cheap, stop-word based. */
const char *px_text_detect_language   (const char   *text);

/* sha256 of the UTF-8 bytes, as lowercase hex. */
char     *px_text_sha256              (const char   *text);

G_END_DECLS
