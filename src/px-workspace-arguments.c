/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-workspace-arguments.c: adding an argument to the event being edited:
 * r (or the inspector's Add Argument) takes the mention the selection
 * covers or the cursor is in, or the selected text, and a popover asks for
 * an entity label (new text only) and then the role, each listed with a
 * key that picks it. px-workspace-events.c stores the result. */
#include "px-workspace-private.h"

#include <glib/gi18n.h>

#include "px-text.h"

/* The entity mention with exactly this span, or (@exact FALSE) the
 * innermost one around @start. */
static PxAnnotation *
find_mention (PxWorkspace *self,
              gsize        start,
              gsize        end,
              gboolean     exact)
{
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;
  PxAnnotation *best = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, i);
      gsize s = px_annotation_get_start (a), e = px_annotation_get_end (a);

      if (s > start)
        break;
      if (px_annotation_get_kind (a) != PX_LABEL_ENTITY
          || px_annotation_get_status (a) != PX_ANNOTATION_ACCEPTED)
        continue;
      if (exact ? (s == start && e == end)
                : (start < e && (best == NULL || e - s < px_annotation_get_end (best) - px_annotation_get_start (best))))
        g_set_object (&best, a);
    }
  return best;
}

static gboolean
snapping_enabled (PxWorkspace *self)
{
  return self->settings == NULL || g_settings_get_boolean (self->settings, "word-snapping");
}

/* What the argument is: the mention the selection covers or the cursor is
 * in, else the selected text, to be tagged first. */
static gboolean
pick_argument (PxWorkspace  *self,
               PxAnnotation *trigger)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) mention = NULL;
  gsize start, end;

  ev->pending_annotation = ev->pending_label = 0;
  if (!px_article_view_get_selection (self->view, &start, &end))
    {
      start = end = px_article_view_get_cursor (self->view);
      mention = find_mention (self, start, end, FALSE);
    }
  else if (start == px_annotation_get_start (trigger) && end == px_annotation_get_end (trigger))
    start = end = 0;
  else if (snapping_enabled (self)
           && !px_workspace_snap_to_words (self, &start, &end))
    start = end = 0;
  else
    mention = find_mention (self, start, end, TRUE);
  if (mention == NULL && start == end)
    {
      px_workspace_toast (self, _("Select the argument’s text, or put the cursor in a mention"));
      return FALSE;
    }
  ev->pending_trigger = px_annotation_get_id (trigger);
  ev->pending_annotation = mention != NULL ? px_annotation_get_id (mention) : 0;
  ev->pending_start = mention != NULL ? px_annotation_get_start (mention) : start;
  ev->pending_end = mention != NULL ? px_annotation_get_end (mention) : end;
  return TRUE;
}

static GtkWidget *
choice_row_new (const char *key,
                const char *text,
                const char *detail,
                const char *value)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *k = gtk_label_new (key);
  GtkWidget *name = gtk_label_new (text);
  g_autofree char *a11y = NULL;

  gtk_widget_add_css_class (k, "dim-label");
  gtk_widget_add_css_class (k, "monospace");
  gtk_label_set_width_chars (GTK_LABEL (k), 1);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), k);
  gtk_box_append (GTK_BOX (box), name);
  if (detail != NULL)
    {
      GtkWidget *d = gtk_label_new (detail);

      gtk_widget_add_css_class (d, "dim-label");
      gtk_box_append (GTK_BOX (box), d);
    }
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 5);
  gtk_widget_set_margin_bottom (box, 5);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "px-key", g_strdup (key), g_free);
  g_object_set_data_full (G_OBJECT (row), "px-value", g_strdup (value), g_free);
  if (*key != '\0' && *key != ' ')
    /* Translators: a choice in a popover; %s is its name, %s its key */
    a11y = g_strdup_printf (_("%s (key %s)"), text, key);
  else
    a11y = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

static void
list_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_roles (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) trigger = px_workspace_find_annotation (self, ev->pending_trigger);
  g_autoptr(PxLabel) label = trigger != NULL ? px_store_get_label (self->store, px_annotation_get_label_id (trigger), NULL) : NULL;
  g_autoptr(PxEvent) event = px_workspace_find_event (self->store, self->article_id, ev->pending_trigger);
  GPtrArray *roles = label != NULL ? px_label_get_roles (label) : NULL;
  g_autofree char *title = NULL;

  list_clear (ev->role_list);
  for (guint i = 0; roles != NULL && i < roles->len; i++)
    {
      const PxRole *role = roles->pdata[i];
      char key[2] = { i < 9 ? (char) ('1' + i) : ' ', '\0' };
      const char *detail = NULL;

      for (guint k = 0; event != NULL && k < px_event_get_n_arguments (event); k++)
        if (g_strcmp0 (px_event_get_argument (event, k)->role, role->name) == 0)
          detail = role->repeatable ? _("one more") : _("already set");
      if (detail == NULL && role->repeatable)
        detail = _("one or more");
      gtk_list_box_append (ev->role_list, choice_row_new (key, role->name, detail, role->name));
    }
  /* Translators: %s is an event type such as Meet */
  title = g_strdup_printf (_("Role in the %s event"), label != NULL ? px_label_get_name (label) : "");
  gtk_label_set_text (ev->role_title, title);
}

static void
fill_entity_labels (PxWorkspace *self)
{
  guint n = self->labels != NULL ? g_list_model_get_n_items (self->labels) : 0;

  list_clear (self->ev->label_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (self->labels, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, px_label_get_id (label));
      const char *key = px_label_get_shortcut (label);

      if (px_label_get_kind (label) == PX_LABEL_ENTITY)
        gtk_list_box_append (self->ev->label_list,
                             choice_row_new (key != NULL ? key : "", px_label_get_name (label),
                                             px_label_get_description (label), id));
    }
}

static void
show_page (PxWorkspace *self,
           const char  *page)
{
  GtkListBox *list = g_str_equal (page, "roles") ? self->ev->role_list : self->ev->label_list;
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);

  gtk_stack_set_visible_child_name (self->ev->popover_stack, page);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
point_popover_at (PxWorkspace *self,
                  gsize        offset)
{
  GtkTextView *tv = px_article_view_get_text_view (self->view);
  GtkTextIter iter;
  GdkRectangle loc;
  int wx, wy;
  double x, y;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (tv), &iter, (int) offset);
  gtk_text_view_get_iter_location (tv, &iter, &loc);
  gtk_text_view_buffer_to_window_coords (tv, GTK_TEXT_WINDOW_WIDGET, loc.x, loc.y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (tv), GTK_WIDGET (self), wx, wy, &x, &y))
    x = y = 0;
  /* Scrolled out of sight: point at the text's top edge instead. */
  rect.x = (int) CLAMP (x, 0, gtk_widget_get_width (GTK_WIDGET (self)) - 1);
  rect.y = (int) CLAMP (y, 0, gtk_widget_get_height (GTK_WIDGET (self)) - 1);
  rect.width = 1;
  rect.height = MAX (loc.height, 1);
  gtk_popover_set_pointing_to (self->ev->popover, &rect);
}

void
px_workspace_arguments_open (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) trigger = NULL;

  if (self->store == NULL || ev == NULL || self->article_id == 0)
    return;
  if (ev->trigger_id != 0)
    trigger = px_workspace_find_annotation (self, ev->trigger_id);
  if (trigger == NULL)
    {
      px_workspace_toast (self, _("Select an event trigger first"));
      return;
    }
  if (!pick_argument (self, trigger))
    return;
  fill_roles (self);
  fill_entity_labels (self);
  point_popover_at (self, ev->pending_start);
  gtk_popover_popup (ev->popover);
  show_page (self, ev->pending_annotation != 0 ? "roles" : "labels");
}

static void
on_choice_activated (PxWorkspace   *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autofree char *value = g_strdup (g_object_get_data (G_OBJECT (row), "px-value"));

  if (list == ev->label_list)
    {
      ev->pending_label = g_ascii_strtoll (value, NULL, 10);
      show_page (self, "roles");
      return;
    }
  gtk_popover_popdown (ev->popover);
  px_workspace_events_add_argument (self, value);
}

/* A row's key (a label's shortcut, a role's number) picks it. */
static gboolean
on_popover_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PxWorkspace           *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->ev->popover_stack);
  GtkListBox *list = g_strcmp0 (page, "roles") == 0 ? self->ev->role_list : self->ev->label_list;
  gunichar c = gdk_keyval_to_unicode (keyval);
  char key[8] = { 0 };

  if (c == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  g_unichar_to_utf8 (c, key);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row)
        && g_strcmp0 (g_object_get_data (G_OBJECT (row), "px-key"), key) == 0)
      {
        on_choice_activated (self, GTK_LIST_BOX_ROW (row), list);
        return TRUE;
      }
  return FALSE;
}

static GtkWidget *
choice_page_new (PxWorkspace  *self,
                 const char   *title,
                 GtkLabel    **out_title,
                 GtkListBox  **out_list,
                 const char   *a11y)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 6);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_choice_activated), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  if (out_title != NULL)
    *out_title = GTK_LABEL (heading);
  *out_list = GTK_LIST_BOX (list);
  return box;
}

static void
on_popover_closed (PxWorkspace *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (px_article_view_get_text_view (self->view)));
}

static void
build_popover (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;
  GtkEventController *keys = gtk_event_controller_key_new ();

  ev->popover = GTK_POPOVER (gtk_popover_new ());
  ev->popover_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (ev->popover_stack,
                       choice_page_new (self, _("Tag the argument as"), NULL, &ev->label_list,
                                        _("Label for the argument")),
                       "labels");
  gtk_stack_add_named (ev->popover_stack,
                       choice_page_new (self, NULL, &ev->role_title, &ev->role_list,
                                        _("Role of the argument")),
                       "roles");
  gtk_stack_set_vhomogeneous (ev->popover_stack, FALSE);
  gtk_stack_set_hhomogeneous (ev->popover_stack, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (ev->popover_stack), 240, -1);
  gtk_popover_set_child (ev->popover, GTK_WIDGET (ev->popover_stack));
  gtk_popover_set_position (ev->popover, GTK_POS_BOTTOM);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ev->popover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add an event argument"), -1);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_popover_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (ev->popover), keys);
  g_signal_connect_object (ev->popover, "closed", G_CALLBACK (on_popover_closed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (ev->popover), GTK_WIDGET (self));
}

static gboolean
on_argument_key (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  PxWorkspace *self = PX_WORKSPACE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->ev == NULL || self->ev->trigger_id == 0 || self->article_id == 0
      || (focus != NULL && GTK_IS_EDITABLE (focus)))
    return FALSE;
  return gtk_widget_activate_action (widget, "workspace.add-argument", NULL);
}

void
px_workspace_arguments_init (PxWorkspace *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_r, 0),
                                            gtk_callback_action_new (on_argument_key, NULL, NULL));

  build_popover (self);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "px-workspace-argument-keys");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
px_workspace_arguments_dispose (PxWorkspace *self)
{
  if (self->ev->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->ev->popover));
  self->ev->popover = NULL;
}
