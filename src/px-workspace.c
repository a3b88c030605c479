/* px-workspace.c: the Annotate page (first stub: API only). */
#include "px-workspace.h"

#include <glib/gi18n.h>

struct _PxWorkspace
{
  GtkWidget  parent_instance;

  PxStore   *store;
  gint64     article_id;
  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (PxWorkspace, px_workspace, GTK_TYPE_WIDGET)

static void
px_workspace_dispose (GObject *object)
{
  PxWorkspace *self = PX_WORKSPACE (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (px_workspace_parent_class)->dispose (object);
}

static void
px_workspace_class_init (PxWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_workspace_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
px_workspace_init (PxWorkspace *self)
{
  self->child = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (self->child), _("No Article Selected"));
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
}

GtkWidget *
px_workspace_new (void)
{
  return g_object_new (PX_TYPE_WORKSPACE, NULL);
}

void
px_workspace_set_store (PxWorkspace *self,
                        PxStore     *store)
{
  g_return_if_fail (PX_IS_WORKSPACE (self));
  g_set_object (&self->store, store);
  self->article_id = 0;
}

void
px_workspace_show_article (PxWorkspace *self,
                           gint64       article_id)
{
  g_return_if_fail (PX_IS_WORKSPACE (self));
  self->article_id = article_id;
}

gint64
px_workspace_get_article_id (PxWorkspace *self)
{
  g_return_val_if_fail (PX_IS_WORKSPACE (self), 0);
  return self->article_id;
}

void
px_workspace_reveal_range (PxWorkspace *self,
                           gint64       article_id,
                           gsize        start,
                           gsize        end)
{
  g_return_if_fail (PX_IS_WORKSPACE (self));
  (void) start;
  (void) end;
  px_workspace_show_article (self, article_id);
}
