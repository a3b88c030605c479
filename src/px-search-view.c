/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-search-view.c: corpus search results. */
#include "px-search-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#define SEARCH_LIMIT 200

/* One result as a list item. */
#define PX_TYPE_SEARCH_RESULT (px_search_result_get_type ())
G_DECLARE_FINAL_TYPE (PxSearchResult, px_search_result, PX, SEARCH_RESULT, GObject)

struct _PxSearchResult
{
  GObject  parent_instance;
  gint64   article_id;
  char    *title;
  char    *snippet;
  gsize    start;
  gsize    end;
};

G_DEFINE_FINAL_TYPE (PxSearchResult, px_search_result, G_TYPE_OBJECT)

static void
px_search_result_finalize (GObject *object)
{
  PxSearchResult *self = PX_SEARCH_RESULT (object);

  g_free (self->title);
  g_free (self->snippet);
  G_OBJECT_CLASS (px_search_result_parent_class)->finalize (object);
}

static void
px_search_result_class_init (PxSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_search_result_finalize;
}

static void
px_search_result_init (PxSearchResult *self)
{
}

static PxSearchResult *
px_search_result_new (const PxSearchHit *hit)
{
  PxSearchResult *self = g_object_new (PX_TYPE_SEARCH_RESULT, NULL);

  self->article_id = hit->article_id;
  self->title = g_strdup (hit->title);
  /* Snippets span lines; one line reads better in a list. */
  self->snippet = g_strdelimit (g_strdup (hit->snippet ? hit->snippet : ""), "\n\t", ' ');
  self->start = hit->start;
  self->end = hit->end;
  return self;
}

struct _PxSearchView
{
  GtkWidget        parent_instance;

  GtkSearchEntry  *entry;
  GtkStack        *stack;
  AdwStatusPage   *status;
  GtkListView     *list_view;

  PxStore         *store;
  GListStore      *results;
};

G_DEFINE_FINAL_TYPE (PxSearchView, px_search_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_status (PxSearchView *self,
             const char   *title,
             const char   *description)
{
  adw_status_page_set_title (self->status, title);
  adw_status_page_set_description (self->status, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
px_search_view_search (PxSearchView *self,
                       const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));

  g_list_store_remove_all (self->results);
  if (self->store == NULL || *trimmed == '\0')
    {
      show_status (self, _("Search the Corpus"),
                   _("Accents and case are ignored. Press Enter to open the first result."));
      return;
    }
  hits = px_store_search (self->store, trimmed, SEARCH_LIMIT, &error);
  if (hits == NULL)
    {
      show_status (self, _("Search Failed"), error->message);
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (items, px_search_result_new (hits->pdata[i]));
  g_list_store_splice (self->results, 0, 0, items->pdata, items->len);
  if (items->len == 0)
    show_status (self, _("No Results"), _("No article contains these words."));
  else
    gtk_stack_set_visible_child_name (self->stack, "results");
}

guint
px_search_view_get_n_hits (PxSearchView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->results));
}

void
px_search_view_focus (PxSearchView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
activate_result (PxSearchView *self,
                 guint         position)
{
  g_autoptr(PxSearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (result != NULL)
    g_signal_emit (self, signals[SIGNAL_HIT_ACTIVATED], 0, result->article_id,
                   (guint64) result->start, (guint64) result->end);
}

static void
on_search_changed (PxSearchView *self)
{
  px_search_view_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
on_entry_activate (PxSearchView *self)
{
  activate_result (self, 0);
}

static void
activate_first_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  on_entry_activate (PX_SEARCH_VIEW (widget));
}

static void
on_list_activate (GtkListView  *list_view,
                  guint         position,
                  PxSearchView *self)
{
  activate_result (self, position);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "snippet", snippet);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  PxSearchResult *result = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), result->title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "snippet"), result->snippet);
}

void
px_search_view_set_store (PxSearchView *self,
                          PxStore      *store)
{
  g_return_if_fail (PX_IS_SEARCH_VIEW (self));

  if (g_set_object (&self->store, store))
    on_search_changed (self);
}

static void
px_search_view_dispose (GObject *object)
{
  PxSearchView *self = PX_SEARCH_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_SEARCH_VIEW);
  /* Unbound template children are not disposed with the template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->results);
  G_OBJECT_CLASS (px_search_view_parent_class)->dispose (object);
}

static void
px_search_view_class_init (PxSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_search_view_dispose;

  signals[SIGNAL_HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT64, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PxSearchView, entry);
  gtk_widget_class_bind_template_child (widget_class, PxSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, PxSearchView, status);
  gtk_widget_class_bind_template_child (widget_class, PxSearchView, list_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SEARCH);
  gtk_widget_class_install_action (widget_class, "search.activate-first", NULL, activate_first_action);
}

static void
px_search_view_init (PxSearchView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->results = g_list_store_new (PX_TYPE_SEARCH_RESULT);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->entry, "search-changed", G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_entry_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_list_activate), self, 0);
}

GtkWidget *
px_search_view_new (void)
{
  return g_object_new (PX_TYPE_SEARCH_VIEW, NULL);
}
