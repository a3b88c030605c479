/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-article-dialog.c: corrects an article's metadata through the editor. */
#include "px-article-dialog.h"

#include <glib/gi18n.h>

#include "px-application.h"

struct _PxArticleDialog
{
  AdwWindow     parent_instance;

  AdwEntryRow  *title_row;
  AdwEntryRow  *source_row;
  AdwEntryRow  *published_row;
  AdwEntryRow  *url_row;
  AdwEntryRow  *story_row;
  GtkMenuButton *story_button;
  GtkLabel     *error_label;
  GtkButton    *save_button;

  PxEditor     *editor;
  gint64        article_id;
  PxArticle    *article;    /* as it was when the dialog opened */
};

G_DEFINE_FINAL_TYPE (PxArticleDialog, px_article_dialog, ADW_TYPE_WINDOW)

static void
show_error (PxArticleDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Checked as it is typed, so that Save is only offered for a date that
 * will be accepted; the message says what is expected. */
static gboolean
check_date (PxArticleDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->published_row))));
  gboolean ok = px_editor_check_date (value, &error);

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->published_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->published_row), "error");
  show_error (self, ok ? NULL : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article-dialog.save", ok);
  return ok;
}

static gboolean
differs (const char *before,
         const char *now)
{
  g_autofree char *clean = g_strstrip (g_strdup (now));

  return g_strcmp0 (before != NULL ? before : "", clean) != 0;
}

typedef struct
{
  AdwEntryRow    *row;
  PxArticleField  field;
  const char     *before;
} Field;

/* Every field that changed, through the editor: one undo step, even when
 * several changed. Returns FALSE with @error (and nothing saved) when one
 * is refused. */
static gboolean
apply (PxArticleDialog  *self,
       GError          **error)
{
  Field fields[] = {
    { self->title_row, PX_ARTICLE_FIELD_TITLE, px_article_get_title (self->article) },
    { self->source_row, PX_ARTICLE_FIELD_SOURCE, px_article_get_source (self->article) },
    { self->published_row, PX_ARTICLE_FIELD_PUBLISHED, px_article_get_published (self->article) },
    { self->url_row, PX_ARTICLE_FIELD_URL, px_article_get_url (self->article) },
  };
  const char *story = gtk_editable_get_text (GTK_EDITABLE (self->story_row));
  gboolean story_changed = differs (px_article_get_story_name (self->article), story);
  guint n = story_changed;
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    n += differs (fields[i].before, gtk_editable_get_text (GTK_EDITABLE (fields[i].row)));
  if (n == 0)
    return TRUE;
  /* One change keeps its own name in the Undo menu ("Undo Edit the Title"). */
  if (n > 1 && !px_editor_begin_group (self->editor, _("Edit the Article Details"), error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fields) && ok; i++)
    {
      const char *now = gtk_editable_get_text (GTK_EDITABLE (fields[i].row));

      if (differs (fields[i].before, now))
        ok = px_editor_set_article_field (self->editor, self->article_id, fields[i].field, now, error);
    }
  if (ok && story_changed)
    ok = px_editor_set_article_story (self->editor, self->article_id, story, error);
  if (n > 1)
    {
      if (!ok)
        px_editor_cancel_group (self->editor);
      else
        ok = px_editor_end_group (self->editor, error);
    }
  return ok;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PxArticleDialog *self = PX_ARTICLE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!check_date (self))
    return;
  if (!apply (self, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
pick_story_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PxArticleDialog *self = PX_ARTICLE_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->story_row), g_variant_get_string (param, NULL));
}

/* Enter in any field saves, as in other GNOME dialogs. */
static void
on_entry_activated (PxArticleDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "article-dialog.save", NULL);
}

static GMenuModel *
stories_menu (PxStore *store)
{
  g_autoptr(GListModel) stories = px_store_list_stories (store);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) named = g_menu_new ();
  g_autoptr(GMenuItem) none = g_menu_item_new (_("No Story"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(PxStory) story = g_list_model_get_item (stories, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (px_story_get_name (story), NULL);

      g_menu_item_set_action_and_target (item, "article-dialog.pick-story", "s",
                                         px_story_get_name (story));
      g_menu_append_item (named, item);
    }
  g_menu_item_set_action_and_target (none, "article-dialog.pick-story", "s", "");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (named));
  g_menu_append_item (menu, none);
  return G_MENU_MODEL (menu);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

GtkWidget *
px_article_dialog_new (GtkWindow *parent,
                       PxEditor  *editor,
                       gint64     article_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxArticle) article = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  PxArticleDialog *self;

  g_return_val_if_fail (PX_IS_EDITOR (editor), NULL);

  article = px_store_get_article (px_editor_get_store (editor), article_id, &error);
  if (article == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  self = g_object_new (PX_TYPE_ARTICLE_DIALOG, "transient-for", parent, NULL);
  self->editor = g_object_ref (editor);
  self->article_id = article_id;
  self->article = g_steal_pointer (&article);
  set_text (self->title_row, px_article_get_title (self->article));
  set_text (self->source_row, px_article_get_source (self->article));
  set_text (self->published_row, px_article_get_published (self->article));
  set_text (self->url_row, px_article_get_url (self->article));
  set_text (self->story_row, px_article_get_story_name (self->article));
  menu = stories_menu (px_editor_get_store (editor));
  gtk_menu_button_set_menu_model (self->story_button, menu);
  check_date (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}

static void
px_article_dialog_dispose (GObject *object)
{
  PxArticleDialog *self = PX_ARTICLE_DIALOG (object);

  g_clear_object (&self->editor);
  g_clear_object (&self->article);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_ARTICLE_DIALOG);
  G_OBJECT_CLASS (px_article_dialog_parent_class)->dispose (object);
}

static void
px_article_dialog_class_init (PxArticleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_article_dialog_dispose;
  px_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/px-article-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PxArticleDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, PxArticleDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, PxArticleDialog, published_row);
  gtk_widget_class_bind_template_child (widget_class, PxArticleDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, PxArticleDialog, story_row);
  gtk_widget_class_bind_template_child (widget_class, PxArticleDialog, story_button);
  gtk_widget_class_bind_template_child (widget_class, PxArticleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PxArticleDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_install_action (widget_class, "article-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "article-dialog.pick-story", "s", pick_story_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
px_article_dialog_init (PxArticleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->published_row, "changed",
                           G_CALLBACK (check_date), self, G_CONNECT_SWAPPED);
}
