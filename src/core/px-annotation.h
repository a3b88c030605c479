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

G_END_DECLS
