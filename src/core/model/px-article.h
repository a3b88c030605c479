/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-article.h: one news article, as the store hands it out.
 *
 * Objects from list models carry metadata only (text is NULL) so that a
 * 10,000-article corpus stays small; px_store_get_article() fills the text.
 * All properties are read-only and construct-only.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What an importer hands the store. Every field may be NULL but text. */
typedef struct
{
  char *title;
  char *source;       /* outlet name or domain */
  char *url;
  char *published;    /* ISO 8601, possibly partial: "2022-03" */
  char *language;     /* "fr", "en", "und" */
  char *text;         /* NFC, LF line ends; never changes after import */
  char *origin_path;
  char *story;        /* story name to put the article in, or NULL */
} PxArticleInfo;

void px_article_info_clear (PxArticleInfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PxArticleInfo, px_article_info_clear)

#define PX_TYPE_ARTICLE (px_article_get_type ())
G_DECLARE_FINAL_TYPE (PxArticle, px_article, PX, ARTICLE, GObject)

gint64      px_article_get_id            (PxArticle *self);
const char *px_article_get_title         (PxArticle *self);
const char *px_article_get_source        (PxArticle *self);
const char *px_article_get_url           (PxArticle *self);
const char *px_article_get_published     (PxArticle *self);
const char *px_article_get_language      (PxArticle *self);
const char *px_article_get_text          (PxArticle *self); /* nullable */
const char *px_article_get_sha256        (PxArticle *self);
const char *px_article_get_imported_at   (PxArticle *self);
const char *px_article_get_origin_path   (PxArticle *self);
gint64      px_article_get_story_id      (PxArticle *self); /* 0: none */
const char *px_article_get_story_name    (PxArticle *self); /* nullable */
/* Document status per coder: "new" (the default), "in_progress" or
 * "done". The statuses are read with the article, one "coder=status" a
 * line (nullable). */
const char *px_article_get_status        (PxArticle  *self,
                                          const char *coder);
const char *px_article_get_statuses      (PxArticle *self);
guint       px_article_get_n_chars       (PxArticle *self); /* code points */
guint       px_article_get_n_annotations (PxArticle *self);

G_END_DECLS
