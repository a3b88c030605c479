/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-suggestion-bar.c: see px-suggestion-bar.h. */
#include "px-suggestion-bar.h"

#include <glib/gi18n.h>

#include "px-core.h"

struct _PxSuggestionBar
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *count;
  GListModel  *watched;   /* the article's annotations */
  GArray      *flags;     /* guint8 per row of watched: 1 for a suggestion */
  guint        n_suggested;
};

G_DEFINE_FINAL_TYPE (PxSuggestionBar, px_suggestion_bar, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_N_SUGGESTIONS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
show_count (PxSuggestionBar *self)
{
  guint n = self->n_suggested;
  g_autofree char *text = g_strdup_printf (ngettext ("%u suggestion in this article",
                                                     "%u suggestions in this article", n), n);

  gtk_label_set_text (self->count, text);
  gtk_revealer_set_reveal_child (self->revealer, n > 0);
}

/* The count follows the rows that changed, as the article view's spans do:
 * counting 20,000 annotations again after each tag took milliseconds. */
static void
on_rows_changed (PxSuggestionBar *self,
                 guint            position,
                 guint            removed,
                 guint            added)
{
  guint old_n = self->n_suggested;
  guint from = MIN (position, self->flags->len);

  for (guint i = position; i < position + removed && i < self->flags->len; i++)
    self->n_suggested -= g_array_index (self->flags, guint8, i);
  g_array_remove_range (self->flags, from, MIN (removed, self->flags->len - from));
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->watched, position + i);
      guint8 flag = a != NULL && px_annotation_get_status (a) == PX_ANNOTATION_SUGGESTED;

      g_array_insert_val (self->flags, position + i, flag);
      self->n_suggested += flag;
    }
  if (self->n_suggested != old_n)
    {
      show_count (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SUGGESTIONS]);
    }
}

void
px_suggestion_bar_set_annotations (PxSuggestionBar *self,
                                   GListModel      *annotations)
{
  guint old_n;

  g_return_if_fail (PX_IS_SUGGESTION_BAR (self));

  old_n = self->n_suggested;
  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->watched, self);
  g_set_object (&self->watched, annotations);
  g_array_set_size (self->flags, 0);
  self->n_suggested = 0;
  if (self->watched != NULL)
    {
      g_signal_connect_swapped (self->watched, "items-changed", G_CALLBACK (on_rows_changed), self);
      on_rows_changed (self, 0, 0, g_list_model_get_n_items (self->watched));
    }
  show_count (self);
  if (self->n_suggested != old_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SUGGESTIONS]);
}

guint
px_suggestion_bar_get_n_suggestions (PxSuggestionBar *self)
{
  g_return_val_if_fail (PX_IS_SUGGESTION_BAR (self), 0);
  return self->n_suggested;
}

static GtkWidget *
bar_button (const char *label,
            const char *action,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
px_suggestion_bar_init (PxSuggestionBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *accept = bar_button (_("_Accept All"), "workspace.accept-all",
                                  _("Accept every suggestion in this article (Ctrl+Shift+A)"));
  GtkWidget *reject = bar_button (_("_Reject All"), "workspace.reject-all",
                                  _("Remove every suggestion in this article"));

  self->flags = g_array_new (FALSE, FALSE, sizeof (guint8));
  self->count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->count), "suggestion-count");
  gtk_widget_set_hexpand (GTK_WIDGET (self->count), TRUE);
  gtk_label_set_xalign (self->count, 0);
  gtk_widget_add_css_class (accept, "suggested-action");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count));
  gtk_box_append (GTK_BOX (box), reject);
  gtk_box_append (GTK_BOX (box), accept);
  gtk_widget_add_css_class (box, "px-suggestion-bar");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, box);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Suggestions"), -1);
}

static void
px_suggestion_bar_dispose (GObject *object)
{
  PxSuggestionBar *self = PX_SUGGESTION_BAR (object);

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->watched, self);
  g_clear_object (&self->watched);
  g_clear_pointer (&self->flags, g_array_unref);
  if (self->revealer != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->revealer));
  self->revealer = NULL;
  G_OBJECT_CLASS (px_suggestion_bar_parent_class)->dispose (object);
}

static void
px_suggestion_bar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PxSuggestionBar *self = PX_SUGGESTION_BAR (object);

  switch (prop_id)
    {
    case PROP_N_SUGGESTIONS:
      g_value_set_uint (value, self->n_suggested);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_suggestion_bar_class_init (PxSuggestionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_suggestion_bar_dispose;
  object_class->get_property = px_suggestion_bar_get_property;
  properties[PROP_N_SUGGESTIONS] =
    g_param_spec_uint ("n-suggestions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pxsuggestionbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

GtkWidget *
px_suggestion_bar_new (void)
{
  return g_object_new (PX_TYPE_SUGGESTION_BAR, NULL);
}
