/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-argument-popover.c: see px-argument-popover.h. */
#include "px-argument-popover.h"

#include <glib/gi18n.h>

struct _PxArgumentPopover
{
  GtkPopover  parent_instance;

  GtkStack   *stack;
  GtkListBox *label_list;
  GtkListBox *role_list;
  GtkLabel   *role_title;
  gboolean    ask_label;
  gint64      label_id;   /* chosen on the first page */
};

G_DEFINE_FINAL_TYPE (PxArgumentPopover, px_argument_popover, GTK_TYPE_POPOVER)

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

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
fill_roles (PxArgumentPopover *self,
            PxLabel           *event_type,
            PxEvent           *event)
{
  GPtrArray *roles = event_type != NULL ? px_label_get_roles (event_type) : NULL;
  g_autofree char *title = NULL;

  list_clear (self->role_list);
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
      gtk_list_box_append (self->role_list, choice_row_new (key, role->name, detail, role->name));
    }
  /* Translators: %s is an event type such as Meet */
  title = g_strdup_printf (_("Role in the %s event"), event_type != NULL ? px_label_get_name (event_type) : "");
  gtk_label_set_text (self->role_title, title);
}

static void
fill_entity_labels (PxArgumentPopover *self,
                    GListModel        *labels)
{
  guint n = labels != NULL ? g_list_model_get_n_items (labels) : 0;

  list_clear (self->label_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (labels, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, px_label_get_id (label));
      const char *key = px_label_get_shortcut (label);

      if (px_label_get_kind (label) == PX_LABEL_ENTITY)
        gtk_list_box_append (self->label_list,
                             choice_row_new (key != NULL ? key : "", px_label_get_name (label),
                                             px_label_get_description (label), id));
    }
}

static void
show_page (PxArgumentPopover *self,
           const char        *page)
{
  GtkListBox *list = g_str_equal (page, "roles") ? self->role_list : self->label_list;
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);

  gtk_stack_set_visible_child_name (self->stack, page);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

void
px_argument_popover_set_choices (PxArgumentPopover *self,
                                 PxLabel           *event_type,
                                 PxEvent           *event,
                                 GListModel        *labels,
                                 gboolean           ask_label)
{
  g_return_if_fail (PX_IS_ARGUMENT_POPOVER (self));

  self->ask_label = ask_label;
  self->label_id = 0;
  fill_roles (self, event_type, event);
  fill_entity_labels (self, labels);
}

void
px_argument_popover_focus_first (PxArgumentPopover *self)
{
  g_return_if_fail (PX_IS_ARGUMENT_POPOVER (self));
  show_page (self, self->ask_label ? "labels" : "roles");
}

static void
on_choice_activated (PxArgumentPopover *self,
                     GtkListBoxRow     *row,
                     GtkListBox        *list)
{
  g_autofree char *value = g_strdup (g_object_get_data (G_OBJECT (row), "px-value"));

  if (list == self->label_list)
    {
      self->label_id = g_ascii_strtoll (value, NULL, 10);
      show_page (self, "roles");
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CHOSEN], 0, self->label_id, value);
}

/* A row's key (a label's shortcut, a role's number) picks it. */
static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        PxArgumentPopover     *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  GtkListBox *list = g_strcmp0 (page, "roles") == 0 ? self->role_list : self->label_list;
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
choice_page_new (PxArgumentPopover  *self,
                 const char         *title,
                 GtkLabel          **out_title,
                 GtkListBox        **out_list,
                 const char         *a11y)
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
px_argument_popover_init (PxArgumentPopover *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack,
                       choice_page_new (self, _("Tag the argument as"), NULL, &self->label_list,
                                        _("Label for the argument")),
                       "labels");
  gtk_stack_add_named (self->stack,
                       choice_page_new (self, NULL, &self->role_title, &self->role_list,
                                        _("Role of the argument")),
                       "roles");
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self->stack), 240, -1);
  gtk_popover_set_child (GTK_POPOVER (self), GTK_WIDGET (self->stack));
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add an event argument"), -1);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static void
px_argument_popover_class_init (PxArgumentPopoverClass *klass)
{
  /* (gint64 label_id, const char *role): label_id 0 when no label was
   * asked for (the argument is an existing mention). */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
}

GtkWidget *
px_argument_popover_new (void)
{
  return g_object_new (PX_TYPE_ARGUMENT_POPOVER, NULL);
}
