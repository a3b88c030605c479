/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-sidebar.c: the story and article tree. */
#include "px-sidebar.h"

#include "px-a11y.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

struct _PxSidebar
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *filter_entry;
  GtkDropDown        *status_filter;
  GtkListView        *list_view;

  PxStore            *store;
  GObject            *unassigned;   /* the "Unassigned" group's item */
  GListStore         *roots;        /* [stories model, unassigned group] */
  GtkTreeListModel   *tree;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *filter_key;   /* match key of the filter text, or NULL */
  guint               status_shown; /* 0: every status, else new, in progress, done */
  gint64              selected_article; /* the user's choice, kept across refreshes */
  guint               reselect_id;
};

G_DEFINE_FINAL_TYPE (PxSidebar, px_sidebar, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ARTICLE_ACTIVATED,
  SIGNAL_STORY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_group (PxSidebar *self,
          gpointer   item)
{
  return PX_IS_STORY (item) || item == (gpointer) self->unassigned;
}

static gint64
group_story_id (PxSidebar *self,
                gpointer   item)
{
  return PX_IS_STORY (item) ? px_story_get_id (item) : 0;
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  PxSidebar *self = user_data;

  if (self->store == NULL || !is_group (self, item))
    return NULL;
  return px_store_list_articles (self->store, group_story_id (self, item));
}

/* ---- Filter ---------------------------------------------------------------- */

static gboolean
text_matches (PxSidebar  *self,
              const char *text)
{
  g_autofree char *key = NULL;

  if (text == NULL)
    return FALSE;
  key = px_text_match_key (text);
  return strstr (key, self->filter_key) != NULL;
}

static gboolean
status_matches (PxSidebar *self,
                PxArticle *article)
{
  static const char *const statuses[] = { NULL, "new", "in_progress", "done" };
  const char *coder = self->store != NULL ? px_store_get_annotator (self->store) : NULL;

  return self->status_shown == 0 || self->status_shown >= G_N_ELEMENTS (statuses)
         || g_str_equal (px_article_get_status (article, coder), statuses[self->status_shown]);
}

static gboolean
article_matches (PxSidebar *self,
                 PxArticle *article)
{
  return status_matches (self, article)
         && (self->filter_key == NULL
             || text_matches (self, px_article_get_title (article))
             || text_matches (self, px_article_get_source (article)));
}

static gboolean
group_matches (PxSidebar      *self,
               GtkTreeListRow *row,
               gpointer        item)
{
  GListModel *children = gtk_tree_list_row_get_children (row);
  guint n = children ? g_list_model_get_n_items (children) : 0;

  if (item == (gpointer) self->unassigned && n == 0)
    return FALSE;
  if (self->status_shown == 0
      && (self->filter_key == NULL || (PX_IS_STORY (item) && text_matches (self, px_story_get_name (item)))))
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxArticle) article = g_list_model_get_item (children, i);
      if (article_matches (self, article))
        return TRUE;
    }
  return FALSE;
}

static gboolean
row_visible (gpointer row_item,
             gpointer user_data)
{
  PxSidebar *self = user_data;
  GtkTreeListRow *row = row_item;
  gpointer item = gtk_tree_list_row_get_item (row);
  gboolean visible;

  if (is_group (self, item))
    visible = group_matches (self, row, item);
  else
    {
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);
      gpointer parent_item = parent ? gtk_tree_list_row_get_item (parent) : NULL;

      /* Articles of a story whose name matches all stay visible. */
      visible = article_matches (self, item)
                || (PX_IS_STORY (parent_item) && self->filter_key != NULL
                    && status_matches (self, item)
                    && text_matches (self, px_story_get_name (parent_item)));
      g_clear_object (&parent_item);
    }
  g_object_unref (item);
  return visible;
}

void
px_sidebar_set_filter (PxSidebar  *self,
                       const char *text)
{
  g_clear_pointer (&self->filter_key, g_free);
  if (text != NULL && *text != '\0')
    self->filter_key = px_text_match_key (text);
  if (self->filter_key != NULL && *self->filter_key == '\0')
    g_clear_pointer (&self->filter_key, g_free);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_filter_changed (PxSidebar *self)
{
  px_sidebar_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
}

static void
on_status_filter_changed (PxSidebar *self)
{
  self->status_shown = gtk_drop_down_get_selected (self->status_filter);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- Rows ------------------------------------------------------------------ */

/* "Le Monde · 2022-03-10", then the coder's status once it is not new. */
static char *
article_subtitle (PxArticle  *article,
                  const char *coder)
{
  const char *source = px_article_get_source (article);
  const char *date = px_article_get_published (article);
  const char *status = px_article_get_status (article, coder);
  g_autofree char *where = NULL;

  if (source != NULL && date != NULL)
    where = g_strdup_printf ("%s · %s", source, date);
  else
    where = g_strdup (source ? source : date ? date : _("Unknown outlet"));
  if (g_str_equal (status, "done"))
    /* Translators: an article's document status, after its outlet and date */
    return g_strdup_printf ("%s · %s", where, _("✓ Done"));
  if (g_str_equal (status, "in_progress"))
    return g_strdup_printf ("%s · %s", where, _("In progress"));
  return g_steal_pointer (&where);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          PxSidebar                *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *title = g_object_get_data (G_OBJECT (expander), "title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (expander), "subtitle");
  GtkWidget *count = g_object_get_data (G_OBJECT (expander), "count");
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
  g_autofree char *sub = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *tooltip = NULL;
  guint n;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (is_group (self, item))
    {
      GListModel *children = gtk_tree_list_row_get_children (row);

      gtk_label_set_text (GTK_LABEL (title), PX_IS_STORY (item) ? px_story_get_name (PX_STORY (item))
                                                               : _("Unassigned"));
      n = children ? g_list_model_get_n_items (children) : 0;
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
      gtk_widget_add_css_class (title, "heading");
    }
  else
    {
      sub = article_subtitle (PX_ARTICLE (item),
                              self->store != NULL ? px_store_get_annotator (self->store) : NULL);
      gtk_label_set_text (GTK_LABEL (title), px_article_get_title (PX_ARTICLE (item)));
      n = px_article_get_n_annotations (PX_ARTICLE (item));
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", n), n);
      gtk_widget_remove_css_class (title, "heading");
    }
  gtk_label_set_text (GTK_LABEL (subtitle), sub);
  gtk_widget_set_visible (subtitle, sub != NULL);
  count_text = g_strdup_printf ("%u", n);
  gtk_label_set_text (GTK_LABEL (count), count_text);
  gtk_widget_set_tooltip_text (count, tooltip);
  gtk_widget_set_visible (count, n > 0);
}

static gpointer
row_item_at (PxSidebar *self,
             GtkWidget *expander)
{
  GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static void show_context_menu (PxSidebar *self, GtkWidget *expander, double x, double y);

static void
on_right_click (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                PxSidebar       *self)
{
  GtkWidget *expander = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  show_context_menu (self, expander, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 PxSidebar     *self)
{
  GtkWidget *expander = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GObject) item = row_item_at (self, expander);

  if (!PX_IS_ARTICLE (item))
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, px_article_get_id (PX_ARTICLE (item)));
}

static void move_article (PxSidebar *self, gint64 article_id, gint64 story_id);

static gboolean
on_row_drop (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             PxSidebar     *self)
{
  GtkWidget *expander = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_autoptr(GObject) item = row_item_at (self, expander);
  gint64 story_id;

  if (item == NULL)
    return FALSE;
  if (PX_IS_ARTICLE (item))
    story_id = px_article_get_story_id (PX_ARTICLE (item));
  else
    story_id = group_story_id (self, item);
  move_article (self, g_value_get_int64 (value), story_id);
  return TRUE;
}

static GtkWidget *
make_row_widget (PxSidebar *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (count, "px-count");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), count);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  g_object_set_data (G_OBJECT (expander), "title", title);
  g_object_set_data (G_OBJECT (expander), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (expander), "count", count);
  return expander;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           PxSidebar                *self)
{
  GtkWidget *expander = make_row_widget (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_right_click), self);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), self);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (on_row_drop), self);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drop));
  gtk_list_item_set_child (list_item, expander);
}

/* ---- Selection --------------------------------------------------------------- */

static gpointer
selected_item (PxSidebar *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

gint64
px_sidebar_get_selected_story (PxSidebar *self)
{
  g_autoptr(GObject) item = selected_item (self);

  if (PX_IS_ARTICLE (item))
    return px_article_get_story_id (PX_ARTICLE (item));
  return item ? group_story_id (self, item) : 0;
}

static void
on_selection_changed (PxSidebar *self)
{
  g_autoptr(GObject) item = selected_item (self);

  self->selected_article = PX_IS_ARTICLE (item) ? px_article_get_id (PX_ARTICLE (item)) : 0;
  if (PX_IS_ARTICLE (item))
    g_signal_emit (self, signals[SIGNAL_ARTICLE_ACTIVATED], 0, px_article_get_id (PX_ARTICLE (item)));
  else if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_STORY_ACTIVATED], 0, group_story_id (self, item));
}

gboolean
px_sidebar_select_article (PxSidebar *self,
                           gint64     article_id)
{
  GListModel *rows = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (PX_IS_ARTICLE (item) && px_article_get_id (PX_ARTICLE (item)) == article_id)
        {
          if (gtk_single_selection_get_selected (self->selection) != i)
            gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

/* A refresh replaces the rows of articles whose counts or stories moved
 * (another program tagged the one shown, say): the selection model then
 * drops the selection without a word. Select the same article again, once
 * the change is over (the list view is still binding rows during it) but
 * before the next frame. */
static gboolean
reselect_idle (gpointer data)
{
  PxSidebar *self = data;
  GListModel *rows = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (rows);

  self->reselect_id = 0;
  if (self->selected_article == 0 ||
      gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (PX_IS_ARTICLE (item) && px_article_get_id (PX_ARTICLE (item)) == self->selected_article)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  return G_SOURCE_REMOVE;
}

static void
on_rows_changed (PxSidebar *self)
{
  if (self->selected_article != 0 && self->reselect_id == 0 &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    self->reselect_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reselect_idle, self, NULL);
}

gboolean
px_sidebar_select_first_article (PxSidebar *self)
{
  GListModel *rows = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (PX_IS_ARTICLE (item))
        return px_sidebar_select_article (self, px_article_get_id (PX_ARTICLE (item)));
    }
  return FALSE;
}

GListModel *
px_sidebar_get_rows (PxSidebar *self)
{
  return G_LIST_MODEL (self->filtered);
}

/* ---- Store ------------------------------------------------------------------- */

static void
on_articles_changed (PxSidebar *self)
{
  /* The Unassigned group hides when it empties, which the filter only
   * notices when asked again. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
px_sidebar_set_store (PxSidebar *self,
                      PxStore   *store)
{
  g_autoptr(GListModel) stories = NULL;
  g_autoptr(GListStore) unassigned = NULL;

  g_return_if_fail (PX_IS_SIDEBAR (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  self->selected_article = 0;
  g_list_store_remove_all (self->roots);
  if (store == NULL)
    return;

  /* After: the store's own list models refresh in their handlers first. */
  g_signal_connect_object (store, "articles-changed", G_CALLBACK (on_articles_changed),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  stories = px_store_list_stories (store);
  unassigned = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_append (unassigned, self->unassigned);
  g_list_store_append (self->roots, stories);
  g_list_store_append (self->roots, unassigned);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- Story editing ----------------------------------------------------------- */

static void
show_error (PxSidebar *self,
            GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("The Change Was Not Saved"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_article (PxSidebar *self,
              gint64     article_id,
              gint64     story_id)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !px_store_set_article_story (self->store, article_id, story_id, &error))
    show_error (self, error);
}

typedef struct
{
  PxSidebar *self;
  GtkEntry  *entry;
  gint64     story_id;    /* rename this story, or 0 to create one */
  gint64     article_id;  /* move this article into a new story, or 0 */
} NameDialog;

static void
name_dialog_response (AdwMessageDialog *dialog,
                      const char       *response,
                      NameDialog       *data)
{
  PxSidebar *self = data->self;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (data->entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  gint64 id;

  if (g_str_equal (response, "save") && *trimmed != '\0' && self->store != NULL)
    {
      if (data->story_id != 0)
        px_store_rename_story (self->store, data->story_id, trimmed, &error);
      else if ((id = px_store_add_story (self->store, trimmed, &error)) != 0 && data->article_id != 0)
        px_store_set_article_story (self->store, data->article_id, id, &error);
      if (error != NULL)
        show_error (self, error);
    }
  g_object_unref (data->self);
  g_free (data);
}

static void
run_name_dialog (PxSidebar  *self,
                 gint64      story_id,
                 const char *current,
                 gint64      article_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  NameDialog *data = g_new0 (NameDialog, 1);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (root),
                                   story_id ? _("Rename Story") : _("New Story"),
                                   _("A story is the real-world event its articles cover."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), current ? current : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Story name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Story name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", story_id ? _("_Rename") : _("_Create"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  data->self = g_object_ref (self);
  data->entry = GTK_ENTRY (entry);
  data->story_id = story_id;
  data->article_id = article_id;
  g_signal_connect (dialog, "response", G_CALLBACK (name_dialog_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
new_story_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gint64 article_id = parameter ? g_variant_get_int64 (parameter) : 0;

  run_name_dialog (PX_SIDEBAR (widget), 0, NULL, article_id);
}

static void
rename_story_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PxSidebar *self = PX_SIDEBAR (widget);
  gint64 story_id = g_variant_get_int64 (parameter);
  g_autoptr(PxStory) story = self->store ? px_store_get_story (self->store, story_id, NULL) : NULL;

  if (story != NULL)
    run_name_dialog (self, story_id, px_story_get_name (story), 0);
}

static void
delete_story_response (AdwMessageDialog *dialog,
                       const char       *response,
                       PxSidebar        *self)
{
  gint64 story_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "story-id"));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") && self->store != NULL
      && !px_store_delete_story (self->store, story_id, &error))
    show_error (self, error);
}

static void
delete_story_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PxSidebar *self = PX_SIDEBAR (widget);
  gint64 story_id = g_variant_get_int64 (parameter);
  g_autoptr(PxStory) story = self->store ? px_store_get_story (self->store, story_id, NULL) : NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (story == NULL)
    return;
  heading = g_strdup_printf (_("Delete “%s”?"), px_story_get_name (story));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("Its articles and their annotations are kept, and move to Unassigned."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "story-id", GSIZE_TO_POINTER ((gsize) story_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_story_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gint64 article_id = 0, story_id = 0;

  g_variant_get (parameter, "(xx)", &article_id, &story_id);
  move_article (PX_SIDEBAR (widget), article_id, story_id);
}

static GMenu *
move_menu (PxSidebar *self,
           PxArticle *article)
{
  g_autoptr(GListModel) stories = px_store_list_stories (self->store);
  GMenu *menu = g_menu_new ();
  gint64 id = px_article_get_id (article);
  g_autoptr(GMenuItem) new_item = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(PxStory) story = g_list_model_get_item (stories, i);
      g_autoptr(GMenuItem) item = NULL;

      if (px_story_get_id (story) == px_article_get_story_id (article))
        continue;
      item = g_menu_item_new (px_story_get_name (story), NULL);
      g_menu_item_set_action_and_target (item, "sidebar.move-article", "(xx)", id, px_story_get_id (story));
      g_menu_append_item (menu, item);
    }
  if (px_article_get_story_id (article) != 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Unassigned"), NULL);
      g_menu_item_set_action_and_target (item, "sidebar.move-article", "(xx)", id, (gint64) 0);
      g_menu_append_item (menu, item);
    }
  new_item = g_menu_item_new (_("New Story…"), NULL);
  g_menu_item_set_action_and_target (new_item, "sidebar.new-story", "x", id);
  g_menu_append_item (menu, new_item);
  return menu;
}

static GMenu *
context_menu (PxSidebar *self,
              GObject   *item)
{
  GMenu *menu = g_menu_new ();

  if (PX_IS_ARTICLE (item))
    {
      g_autoptr(GMenu) move = move_menu (self, PX_ARTICLE (item));
      g_menu_append_submenu (menu, _("_Move to Story"), G_MENU_MODEL (move));
    }
  else if (PX_IS_STORY (item))
    {
      g_autoptr(GMenuItem) compare = g_menu_item_new (_("_Compare Articles"), NULL);
      g_autoptr(GMenuItem) rename = g_menu_item_new (_("_Rename Story…"), NULL);
      g_autoptr(GMenuItem) del = g_menu_item_new (_("_Delete Story"), NULL);
      gint64 id = px_story_get_id (PX_STORY (item));

      /* The window's action: the sidebar knows nothing of the Compare page. */
      g_menu_item_set_action_and_target (compare, "win.compare-story", "x", id);
      g_menu_append_item (menu, compare);
      g_menu_item_set_action_and_target (rename, "sidebar.rename-story", "x", id);
      g_menu_item_set_action_and_target (del, "sidebar.delete-story", "x", id);
      g_menu_append_item (menu, rename);
      g_menu_append_item (menu, del);
    }
  g_menu_append (menu, _("_New Story…"), "sidebar.new-story-plain");
  return menu;
}

static void
popover_closed (GtkPopover *popover)
{
  /* Unparenting inside "closed" would cut the menu's own action short. */
  g_idle_add_once ((GSourceOnceFunc) gtk_widget_unparent, popover);
}

static void
popup_menu (PxSidebar          *self,
            GObject            *item,
            GtkWidget          *parent,
            const GdkRectangle *rect)
{
  g_autoptr(GMenu) menu = NULL;
  GtkWidget *popover;

  if (item == NULL || self->store == NULL)
    return;
  menu = context_menu (self, item);
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, parent);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), rect);
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
show_context_menu (PxSidebar *self,
                   GtkWidget *expander,
                   double     x,
                   double     y)
{
  g_autoptr(GObject) item = row_item_at (self, expander);

  popup_menu (self, item, expander, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
}

/* Shift+F10 and the Menu key: the same menu for the selected row. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PxSidebar *self = PX_SIDEBAR (widget);
  g_autoptr(GObject) item = selected_item (self);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  graphene_rect_t bounds;
  GdkRectangle rect = { 0, 0, gtk_widget_get_width (widget), 1 };

  if (focus != NULL && gtk_widget_is_ancestor (focus, widget)
      && gtk_widget_compute_bounds (focus, widget, &bounds))
    rect = (GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                            (int) bounds.size.width, (int) bounds.size.height };
  popup_menu (self, item, widget, &rect);
}

static void
new_story_plain_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  run_name_dialog (PX_SIDEBAR (widget), 0, NULL, 0);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
px_sidebar_dispose (GObject *object)
{
  PxSidebar *self = PX_SIDEBAR (object);

  g_clear_handle_id (&self->reselect_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_SIDEBAR);
  /* Unbound template children are not disposed with the template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->roots);
  g_clear_object (&self->unassigned);
  g_clear_pointer (&self->filter_key, g_free);
  G_OBJECT_CLASS (px_sidebar_parent_class)->dispose (object);
}

static void
px_sidebar_class_init (PxSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_sidebar_dispose;

  signals[SIGNAL_ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_STORY_ACTIVATED] =
    g_signal_new ("story-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PxSidebar, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, PxSidebar, status_filter);
  gtk_widget_class_bind_template_child (widget_class, PxSidebar, list_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "sidebar.new-story", "x", new_story_action);
  gtk_widget_class_install_action (widget_class, "sidebar.new-story-plain", NULL, new_story_plain_action);
  gtk_widget_class_install_action (widget_class, "sidebar.rename-story", "x", rename_story_action);
  gtk_widget_class_install_action (widget_class, "sidebar.delete-story", "x", delete_story_action);
  gtk_widget_class_install_action (widget_class, "sidebar.move-article", "(xx)", move_article_action);
  gtk_widget_class_install_action (widget_class, "sidebar.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "sidebar.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "sidebar.context-menu", NULL);
}

static void
px_sidebar_init (PxSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->unassigned = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (self->unassigned, "story-id", GINT_TO_POINTER (0));
  self->roots = g_list_store_new (G_TYPE_LIST_MODEL);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)))),
                                        FALSE, TRUE, create_children, self, NULL);
  self->filter = gtk_custom_filter_new (row_visible, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->tree), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_rows_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->filter_entry, "search-changed",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_filter, "notify::selected",
                           G_CALLBACK (on_status_filter_changed), self, G_CONNECT_SWAPPED);
  px_a11y_name_drop_down (GTK_WIDGET (self->status_filter), _("Show articles by document status"));
}

GtkWidget *
px_sidebar_new (void)
{
  return g_object_new (PX_TYPE_SIDEBAR, NULL);
}
