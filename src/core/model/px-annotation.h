/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-annotation.h: a labelled span of an article's text.
 *
 * start and end are code point offsets into the article text, end exclusive,
 * so that text == article_text[start:end].
 */
#pragma once

#include <glib-object.h>
#include "px-label.h"

G_BEGIN_DECLS

typedef enum
{
  PX_ANNOTATION_ACCEPTED,
  PX_ANNOTATION_SUGGESTED,
} PxAnnotationStatus;

const char *px_annotation_status_to_string   (PxAnnotationStatus  status);
gboolean    px_annotation_status_from_string (const char         *str,
                                              PxAnnotationStatus *out);

#define PX_TYPE_ANNOTATION (px_annotation_get_type ())
G_DECLARE_FINAL_TYPE (PxAnnotation, px_annotation, PX, ANNOTATION, GObject)

gint64              px_annotation_get_id          (PxAnnotation *self);
gint64              px_annotation_get_article_id  (PxAnnotation *self);
gint64              px_annotation_get_label_id    (PxAnnotation *self);
const char         *px_annotation_get_label_name  (PxAnnotation *self);
PxLabelKind         px_annotation_get_kind        (PxAnnotation *self);
gsize               px_annotation_get_start       (PxAnnotation *self);
gsize               px_annotation_get_end         (PxAnnotation *self);
const char         *px_annotation_get_text        (PxAnnotation *self);
gint64              px_annotation_get_entity_id   (PxAnnotation *self); /* 0: none */
const char         *px_annotation_get_entity_name (PxAnnotation *self); /* nullable */
const char         *px_annotation_get_annotator   (PxAnnotation *self); /* nullable */
const char         *px_annotation_get_created_at  (PxAnnotation *self);
const char         *px_annotation_get_note        (PxAnnotation *self); /* nullable */
PxAnnotationStatus  px_annotation_get_status      (PxAnnotation *self);
/* Values are not entities: a mention of a label that holds values (DATE,
 * NUM, QUOTE) carries its normalised value instead of an entity link.
 * value_type: "date", "number", "quote" or NULL (its label's); value: an
 * ISO date, week or interval, a number or range, a speaker; value_source:
 * "computed" or "coder". All nullable. */
const char         *px_annotation_get_value_type  (PxAnnotation *self);
const char         *px_annotation_get_value       (PxAnnotation *self);
const char         *px_annotation_get_value_source (PxAnnotation *self);

/* All fields at once, for the store's bulk loads: 20,000 annotations go
 * through this in one refill, and g_object_new() with fourteen named
 * properties costs several times more. Strings are copied; NULL allowed. */
typedef struct
{
  gint64              id;
  gint64              article_id;
  gint64              label_id;
  const char         *label_name;
  PxLabelKind         kind;
  gsize               start;
  gsize               end;
  const char         *text;
  gint64              entity_id;
  const char         *entity_name;
  const char         *annotator;
  const char         *created_at;
  const char         *note;
  PxAnnotationStatus  status;
  const char         *value_type;
  const char         *value;
  const char         *value_source;
} PxAnnotationFields;

PxAnnotation       *px_annotation_new_from_fields (const PxAnnotationFields *fields);

G_END_DECLS
