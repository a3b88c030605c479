/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-workspace-inspector.c: the Annotate page's right column: the
 * inspector for the selected annotation (whose edits land here and go
 * through the editor), the selected event's arguments marked in the text, and this
 * article's entities beside the annotation list. */
#include "px-workspace-private.h"
#include "px-a11y.h"

#include <glib/gi18n.h>

#include "px-inspector.h"

/* ---- The inspector's edits -------------------------------------------- */

static gint64
selected_id (PxWorkspace *self)
{
  g_autoptr(PxAnnotation) a = px_workspace_get_selected (self);

  return a != NULL ? px_annotation_get_id (a) : 0;
}

/* The list drops the selection when the store replaces the edited item. */
static void
reselect (PxWorkspace *self,
          gint64       id)
{
  if (id != 0 && selected_id (self) != id)
    px_workspace_select_annotation (self, id);
}

/* Runs an edit of annotation @id and keeps it selected (the list drops the
 * selection when the store replaces the edited item). */
static void
edit_done (PxWorkspace *self,
           gboolean     ok,
           GError      *error,
           gint64       keep)
{
  if (!ok)
    {
      if (error != NULL)
        px_workspace_error (self, error);
      return;
    }
  reselect (self, keep);
}

static void
set_label (PxWorkspace *self,
           gint64       id,
           gint64       label_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxAnnotation) before = px_workspace_find_annotation (self, id);
  PxEditor *editor = px_workspace_get_editor_or_warn (self);

  if (editor == NULL || (before != NULL && px_annotation_get_label_id (before) == label_id))
    return;
  if (!px_editor_relabel (editor, id, label_id, &error))
    {
      px_workspace_error (self, error);
      return;
    }
  /* A trigger relabelled to an entity label loses its event: say so. */
  px_workspace_edited (self, NULL);
  reselect (self, id);
}

static void
set_note (PxWorkspace *self,
          gint64       id,
          const char  *note)
{
  g_autoptr(GError) error = NULL;
  PxEditor *editor = px_workspace_get_editor_or_warn (self);
  gint64 keep = selected_id (self);

  if (editor != NULL)
    edit_done (self, px_editor_set_note (editor, id, note != NULL && *note != '\0' ? note : NULL,
                                         &error),
               error, keep);
}

static void
set_value (PxWorkspace *self,
           gint64       id,
           const char  *value)
{
  g_autoptr(GError) error = NULL;
  PxEditor *editor = px_workspace_get_editor_or_warn (self);

  if (editor != NULL)
    edit_done (self, px_editor_set_value (editor, id, value, &error), error, id);
}

static void
link_entity (PxWorkspace *self,
             gint64       id,
             gint64       entity_id)
{
  g_autoptr(GError) error = NULL;
  PxEditor *editor = px_workspace_get_editor_or_warn (self);

  if (editor != NULL)
    edit_done (self, px_editor_link (editor, id, entity_id, &error), error, id);
}

static void
new_entity (PxWorkspace *self,
            gint64       id,
            const char  *name)
{
  g_autoptr(GError) error = NULL;
  PxEditor *editor = px_workspace_get_editor_or_warn (self);

  if (editor != NULL)
    edit_done (self, px_editor_link_new (editor, id, name, &error) != 0, error, id);
}

/* ---- Following the selection -------------------------------------------- */

PxAnnotation *
px_workspace_find_annotation (PxWorkspace *self,
                              gint64       id)
{
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, i);

      if (px_annotation_get_id (a) == id)
        return g_steal_pointer (&a);
    }
  return NULL;
}

static void
queue_refresh (PxWorkspace *self);

static void
ensure_events (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;

  if (ev->events_article == self->article_id)
    return;
  if (ev->events != NULL)
    g_signal_handlers_disconnect_by_data (ev->events, self);
  g_clear_object (&ev->events);
  ev->events_article = self->article_id;
  ev->trigger_id = 0;
  if (self->store == NULL || self->article_id == 0)
    return;
  ev->events = px_store_list_events (self->store, self->article_id);
  g_signal_connect_swapped (ev->events, "items-changed", G_CALLBACK (queue_refresh), self);
}

static PxEvent *
event_of (PxWorkspace *self,
          gint64       trigger_id)
{
  GListModel *events = self->ev->events;
  guint n = events != NULL && trigger_id != 0 ? g_list_model_get_n_items (events) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxEvent) event = g_list_model_get_item (events, i);

      if (px_event_get_trigger_annotation_id (event) == trigger_id)
        return g_steal_pointer (&event);
    }
  return NULL;
}

static void
update_highlights (PxWorkspace *self,
                   PxEvent     *event)
{
  guint n = event != NULL ? px_event_get_n_arguments (event) : 0;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = px_workspace_find_annotation (self, px_event_get_argument (event, i)->annotation_id);
      gsize start = a != NULL ? px_annotation_get_start (a) : 0;
      gsize end = a != NULL ? px_annotation_get_end (a) : 0;

      g_array_append_val (ranges, start);
      g_array_append_val (ranges, end);
    }
  px_article_view_set_highlights (self->view, (const gsize *) (gpointer) ranges->data, n);
}

/* "Participant of Meet “rencontre”", one line per event argument that
 * @id is, or NULL. */
static char *
argument_of (PxWorkspace *self,
             gint64       id)
{
  GListModel *events = self->ev->events;
  guint n = events != NULL ? g_list_model_get_n_items (events) : 0;
  GString *s = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxEvent) event = g_list_model_get_item (events, i);
      g_autoptr(PxAnnotation) trigger = px_workspace_find_annotation (self, px_event_get_trigger_annotation_id (event));

      for (guint k = 0; trigger != NULL && k < px_event_get_n_arguments (event); k++)
        {
          const PxEventArgument *arg = px_event_get_argument (event, k);

          if (arg->annotation_id != id)
            continue;
          if (s == NULL)
            s = g_string_new (NULL);
          else
            g_string_append_c (s, '\n');
          /* Translators: a role, an event type, and the event's trigger word */
          g_string_append_printf (s, _("%s of %s “%s”"), arg->role,
                                  px_event_get_label_name (event), px_annotation_get_text (trigger));
        }
    }
  return s != NULL ? g_string_free (s, FALSE) : NULL;
}

/* The event stays the one being edited while other mentions are selected
 * (to add them as arguments), until another trigger is selected or it is
 * gone. */
static void
refresh (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) selected = px_workspace_get_selected (self);
  g_autoptr(PxAnnotation) trigger = NULL;
  g_autoptr(PxEvent) event = NULL;
  g_autoptr(PxEvent) shown = NULL;

  ensure_events (self);
  if (selected != NULL && px_annotation_get_kind (selected) == PX_LABEL_EVENT)
    ev->trigger_id = px_annotation_get_id (selected);
  trigger = ev->trigger_id != 0 ? px_workspace_find_annotation (self, ev->trigger_id) : NULL;
  if (trigger == NULL || px_annotation_get_kind (trigger) != PX_LABEL_EVENT)
    ev->trigger_id = 0;
  event = event_of (self, ev->trigger_id);
  if (selected != NULL && px_annotation_get_kind (selected) == PX_LABEL_EVENT)
    shown = event != NULL ? g_object_ref (event) : NULL;
  px_inspector_show (self->inspector, selected, shown);
  if (selected != NULL && px_annotation_get_kind (selected) == PX_LABEL_ENTITY)
    {
      g_autofree char *roles = argument_of (self, px_annotation_get_id (selected));
      px_inspector_set_argument_of (self->inspector, roles);
    }
  update_highlights (self, event);
}

static gboolean
refresh_idle (gpointer data)
{
  PxWorkspace *self = data;

  self->ev->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Deferred: an edit empties the list's selection for a moment before the
 * workspace selects the changed annotation again. */
static void
queue_refresh (PxWorkspace *self)
{
  if (self->ev != NULL && self->ev->refresh_id == 0)
    self->ev->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, refresh_idle, self, NULL);
}

/* ---- This article's entities --------------------------------------------- */

/* One PxEntity per linked entity, its mention count being this article's. */
static void
rebuild_entities (PxWorkspace *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) firsts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, i);
      gint64 id = px_annotation_get_entity_id (a);
      gpointer count;

      if (id == 0 || px_annotation_get_status (a) != PX_ANNOTATION_ACCEPTED)
        continue;
      count = g_hash_table_lookup (counts, &id);
      if (count == NULL)
        g_ptr_array_add (firsts, g_object_ref (a));
      g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }
  for (guint i = 0; i < firsts->len; i++)
    {
      PxAnnotation *a = firsts->pdata[i];
      gint64 id = px_annotation_get_entity_id (a);

      g_ptr_array_add (items, g_object_new (PX_TYPE_ENTITY,
                                            "id", id,
                                            "name", px_annotation_get_entity_name (a),
                                            "label-id", px_annotation_get_label_id (a),
                                            "label-name", px_annotation_get_label_name (a),
                                            "n-mentions", GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id)),
                                            "n-articles", 1u,
                                            NULL));
    }
  g_list_store_splice (self->ev->entities, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ev->entities)),
                       items->pdata, items->len);
}

static gboolean
entities_idle (gpointer data)
{
  PxWorkspace *self = data;

  self->ev->entities_id = 0;
  rebuild_entities (self);
  return G_SOURCE_REMOVE;
}

static void
queue_entities (PxWorkspace *self)
{
  if (self->ev != NULL && self->ev->entities_id == 0)
    self->ev->entities_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, entities_idle, self, NULL);
}

static void
on_entity_activated (PxWorkspace   *self,
                     guint          position,
                     GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(PxEntity) entity = g_list_model_get_item (model, position);
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;

  for (guint i = 0; entity != NULL && i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, i);

      if (px_annotation_get_entity_id (a) == px_entity_get_id (entity))
        {
          px_workspace_select_annotation (self, px_annotation_get_id (a));
          return;
        }
    }
}

typedef enum
{
  ENTITY_NAME,
  ENTITY_LABEL,
  ENTITY_MENTIONS,
} EntityColumn;

static void
setup_entity_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean number = GPOINTER_TO_INT (user_data) == ENTITY_MENTIONS;

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_entity_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  PxEntity *e = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *count = NULL;

  switch (GPOINTER_TO_INT (user_data))
    {
    case ENTITY_NAME:
      gtk_label_set_text (label, px_entity_get_name (e));
      break;
    case ENTITY_LABEL:
      gtk_label_set_text (label, px_entity_get_label_name (e));
      break;
    case ENTITY_MENTIONS:
      count = g_strdup_printf ("%u", px_entity_get_n_mentions (e));
      gtk_label_set_text (label, count);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_entity_column (GtkColumnView *view,
                   const char    *title,
                   EntityColumn   column,
                   const char    *property)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expr = gtk_property_expression_new (PX_TYPE_ENTITY, NULL, property);
  GtkSorter *sorter = column == ENTITY_MENTIONS ? GTK_SORTER (gtk_numeric_sorter_new (expr))
                                                : GTK_SORTER (gtk_string_sorter_new (expr));
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_entity_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_entity_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (col, sorter);
  gtk_column_view_column_set_expand (col, column == ENTITY_NAME);
  gtk_column_view_append_column (view, col);
  g_object_unref (sorter);
  g_object_unref (col);
}

/* The template's entity table: the entities counted in the shown article. */
static void
setup_entity_list (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  ev->entity_view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (self), PX_TYPE_WORKSPACE,
                                                                    "entity_view"));
  ev->entities = g_list_store_new (PX_TYPE_ENTITY);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (ev->entities)), NULL);
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (ev->entity_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  add_entity_column (ev->entity_view, _("Entity"), ENTITY_NAME, "name");
  add_entity_column (ev->entity_view, _("Label"), ENTITY_LABEL, "label-name");
  add_entity_column (ev->entity_view, _("Mentions"), ENTITY_MENTIONS, "n-mentions");
  gtk_sort_list_model_set_sorter (sorted, gtk_column_view_get_sorter (ev->entity_view));
  g_signal_connect_object (ev->entity_view, "activate", G_CALLBACK (on_entity_activated), self, G_CONNECT_SWAPPED);
  px_a11y_name_column_view (ev->entity_view, _("Entities of this article"));
}

/* The right column (px-workspace.ui): the selected annotation above, the
 * article's annotations or entities below. */
void
px_workspace_events_setup_side (PxWorkspace *self)
{
  setup_entity_list (self);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (queue_entities), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
}

/* ---- Actions, life cycle -------------------------------------------------- */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PxWorkspace *self = PX_WORKSPACE (widget);
  gint64 id = 0, value = 0;
  const char *text = NULL;

  if (self->ev == NULL || self->store == NULL)
    return;
  if (g_str_equal (action_name, "workspace.set-label"))
    {
      g_variant_get (param, "(xx)", &id, &value);
      set_label (self, id, value);
    }
  else if (g_str_equal (action_name, "workspace.set-note"))
    {
      g_variant_get (param, "(x&s)", &id, &text);
      set_note (self, id, text);
    }
  else if (g_str_equal (action_name, "workspace.set-value"))
    {
      g_variant_get (param, "(x&s)", &id, &text);
      set_value (self, id, text);
    }
  else if (g_str_equal (action_name, "workspace.link-entity"))
    {
      g_variant_get (param, "(xx)", &id, &value);
      link_entity (self, id, value);
    }
  else if (g_str_equal (action_name, "workspace.new-entity"))
    {
      g_variant_get (param, "(x&s)", &id, &text);
      new_entity (self, id, text);
    }
  else if (g_str_equal (action_name, "workspace.remove-argument"))
    {
      g_variant_get (param, "(x&sx)", &id, &text, &value);
      px_workspace_events_remove_argument (self, id, text, value);
    }
  else if (g_str_equal (action_name, "workspace.select-annotation"))
    px_workspace_select_annotation (self, g_variant_get_int64 (param));
  else if (g_str_equal (action_name, "workspace.add-argument"))
    px_workspace_arguments_open (self);
}

void
px_workspace_events_class_init (GtkWidgetClass *widget_class)
{
  /* Its pointer lives in PxWorkspaceEvents: looked up in setup_entity_list (). */
  gtk_widget_class_bind_template_child_full (widget_class, "entity_view", FALSE, 0);
  gtk_widget_class_install_action (widget_class, "workspace.set-label", "(xx)", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.set-note", "(xs)", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.set-value", "(xs)", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.link-entity", "(xx)", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.new-entity", "(xs)", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.remove-argument", "(xsx)", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.select-annotation", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "workspace.add-argument", NULL, edit_action);
}

void
px_workspace_events_init (PxWorkspace *self)
{
  self->ev = g_new0 (PxWorkspaceEvents, 1);
  px_workspace_arguments_init (self);
}

void
px_workspace_events_set_store (PxWorkspace *self)
{
  if (self->ev == NULL)
    return;
  self->ev->events_article = -1;
  px_inspector_set_store (self->inspector, self->store);
  queue_refresh (self);
}

void
px_workspace_events_dispose (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;

  if (ev == NULL)
    return;
  g_clear_handle_id (&ev->refresh_id, g_source_remove);
  g_clear_handle_id (&ev->entities_id, g_source_remove);
  if (ev->events != NULL)
    g_signal_handlers_disconnect_by_data (ev->events, self);
  g_clear_object (&ev->events);
  g_clear_object (&ev->entities);
  px_workspace_arguments_dispose (self);
  g_free (ev);
  self->ev = NULL;
}
