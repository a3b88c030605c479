/* Placeholder page until the compare view lands (issue "Compare view"). */
#include <glib/gi18n.h>
#include "px-compare-view.h"

struct _PxCompareView
{
  GtkWidget  parent_instance;
  GtkWidget *status;
  PxStore   *store;
};

G_DEFINE_FINAL_TYPE (PxCompareView, px_compare_view, GTK_TYPE_WIDGET)

static void
px_compare_view_dispose (GObject *object)
{
  PxCompareView *self = PX_COMPARE_VIEW (object);

  g_clear_pointer (&self->status, gtk_widget_unparent);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (px_compare_view_parent_class)->dispose (object);
}

static void
px_compare_view_class_init (PxCompareViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = px_compare_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
px_compare_view_init (PxCompareView *self)
{
  self->status = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("Compare"));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "view-dual-symbolic");
  gtk_widget_set_parent (self->status, GTK_WIDGET (self));
}

GtkWidget *
px_compare_view_new (void)
{
  return g_object_new (PX_TYPE_COMPARE_VIEW, NULL);
}

void
px_compare_view_set_store (PxCompareView *self, PxStore *store)
{
  g_set_object (&self->store, store);
}

void
px_compare_view_set_story (PxCompareView *self, gint64 story_id)
{
}
