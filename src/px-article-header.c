/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-article-header.c: the article's title and metadata above its text. */
#include "px-article-header.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "px-application.h"
#include "px-article-dialog.h"

struct _PxArticleHeader
{
  GtkWidget   parent_instance;

  GtkWidget  *clamp;      /* the one child: disposed with the template */
  GtkWidget  *box;
  GtkLabel   *title_label;
  GtkLabel   *meta_label;
  GtkButton  *edit_button;

  PxEditor   *editor;
  PxStore    *store;      /* the editor's, whose signals we follow */
  gint64      article_id;
};

G_DEFINE_FINAL_TYPE (PxArticleHeader, px_article_header, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITOR,
  PROP_ARTICLE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A publication date as a reader says it: "10 March 2022", "March 2022"
 * or "2022"; anything else as it was written. */
static char *
format_published (const char *iso)
{
  int y = 0, m = 0, d = 0;
  g_autoptr(GDateTime) dt = NULL;
  const char *format;
  gsize len = iso != NULL ? strlen (iso) : 0;

  if (len == 4 || len == 7 || len == 10)
    sscanf (iso, "%d-%d-%d", &y, &m, &d);
  if (len == 10 && y > 0 && m > 0 && d > 0)
    dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  else if (len == 7 && y > 0 && m > 0)
    dt = g_date_time_new_utc (y, m, 1, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);
  if (len == 10)
    /* Translators: a publication date, in g_date_time_format() notation:
     * "10 March 2022" */
    format = _("%-d %B %Y");
  else
    /* Translators: a publication date without its day: "March 2022" */
    format = _("%B %Y");
  return g_date_time_format (dt, format);
}

static void
append_part (GString    *s,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (s->len > 0)
    g_string_append (s, " · ");
  g_string_append (s, part);
}

static void
refresh (PxArticleHeader *self)
{
  g_autoptr(PxArticle) article = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *date = NULL;
  const char *title;

  if (self->store != NULL && self->article_id > 0)
    article = px_store_get_article (self->store, self->article_id, NULL);
  /* No article, or another program deleted it. */
  gtk_widget_set_visible (self->box, article != NULL);
  if (article == NULL)
    return;

  title = px_article_get_title (article);
  gtk_label_set_text (self->title_label,
                      title != NULL && *title != '\0' ? title : _("Untitled Article"));
  /* Long titles are cut at three lines. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  append_part (meta, px_article_get_source (article));
  date = format_published (px_article_get_published (article));
  append_part (meta, date);
  append_part (meta, px_article_get_story_name (article));
  gtk_label_set_text (self->meta_label, meta->len > 0 ? meta->str : _("No outlet, date or story"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->meta_label), px_article_get_url (article));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "header.edit",
                                 self->editor != NULL && !px_store_is_read_only (self->store));
}

GtkWidget *
px_article_header_edit (PxArticleHeader *self)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (PX_IS_ARTICLE_HEADER (self), NULL);

  if (self->editor == NULL || self->article_id <= 0)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = px_article_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->editor, self->article_id);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  px_article_header_edit (PX_ARTICLE_HEADER (widget));
}

/* ---- Properties ------------------------------------------------------------ */

PxEditor *
px_article_header_get_editor (PxArticleHeader *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_HEADER (self), NULL);
  return self->editor;
}

void
px_article_header_set_editor (PxArticleHeader *self,
                              PxEditor        *editor)
{
  g_return_if_fail (PX_IS_ARTICLE_HEADER (self));
  g_return_if_fail (editor == NULL || PX_IS_EDITOR (editor));

  if (self->editor == editor)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->editor, editor);
  g_clear_object (&self->store);
  if (editor != NULL)
    self->store = g_object_ref (px_editor_get_store (editor));
  if (self->store != NULL)
    {
      /* Not "counts": tagging moves only annotation counts. */
      g_signal_connect_object (self->store, "articles-changed::rows",
                               G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "stories-changed",
                               G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
    }
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR]);
}

gint64
px_article_header_get_article_id (PxArticleHeader *self)
{
  g_return_val_if_fail (PX_IS_ARTICLE_HEADER (self), 0);
  return self->article_id;
}

void
px_article_header_set_article_id (PxArticleHeader *self,
                                  gint64           article_id)
{
  g_return_if_fail (PX_IS_ARTICLE_HEADER (self));

  if (self->article_id == article_id)
    return;
  self->article_id = article_id;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_ID]);
}

static void
px_article_header_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PxArticleHeader *self = PX_ARTICLE_HEADER (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;
    case PROP_ARTICLE_ID:
      g_value_set_int64 (value, self->article_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_article_header_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PxArticleHeader *self = PX_ARTICLE_HEADER (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      px_article_header_set_editor (self, g_value_get_object (value));
      break;
    case PROP_ARTICLE_ID:
      px_article_header_set_article_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- GObject --------------------------------------------------------------- */

static void
px_article_header_dispose (GObject *object)
{
  PxArticleHeader *self = PX_ARTICLE_HEADER (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_ARTICLE_HEADER);
  G_OBJECT_CLASS (px_article_header_parent_class)->dispose (object);
}

static void
px_article_header_class_init (PxArticleHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_article_header_dispose;
  object_class->get_property = px_article_header_get_property;
  object_class->set_property = px_article_header_set_property;

  properties[PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, PX_TYPE_EDITOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The Annotate page is also built without the application (UI tests). */
  px_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/px-article-header.ui");
  gtk_widget_class_bind_template_child (widget_class, PxArticleHeader, clamp);
  gtk_widget_class_bind_template_child (widget_class, PxArticleHeader, box);
  gtk_widget_class_bind_template_child (widget_class, PxArticleHeader, title_label);
  gtk_widget_class_bind_template_child (widget_class, PxArticleHeader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, PxArticleHeader, edit_button);
  gtk_widget_class_install_action (widget_class, "header.edit", NULL, edit_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pxarticleheader");
}

static void
px_article_header_init (PxArticleHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->box, FALSE);
}

GtkWidget *
px_article_header_new (void)
{
  return g_object_new (PX_TYPE_ARTICLE_HEADER, NULL);
}
