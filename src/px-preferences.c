/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-preferences.c: the Preferences window. */
#include "px-preferences.h"

#include <glib/gi18n.h>

struct _PxPreferences
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *annotator_row;
  GtkSwitch            *snapping_switch;
  GtkSpinButton        *text_size_spin;
  AdwActionRow         *corpus_row;
  GtkButton            *forget_button;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (PxPreferences, px_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_corpus_row (PxPreferences *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "last-corpus");

  adw_action_row_set_subtitle (self->corpus_row, *path ? path : _("The default corpus"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->forget_button), *path != '\0');
}

static void
on_forget_clicked (PxPreferences *self)
{
  g_settings_reset (self->settings, "last-corpus");
}

static void
px_preferences_dispose (GObject *object)
{
  PxPreferences *self = PX_PREFERENCES (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_PREFERENCES);
  G_OBJECT_CLASS (px_preferences_parent_class)->dispose (object);
}

static void
px_preferences_class_init (PxPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_preferences_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, PxPreferences, annotator_row);
  gtk_widget_class_bind_template_child (widget_class, PxPreferences, snapping_switch);
  gtk_widget_class_bind_template_child (widget_class, PxPreferences, text_size_spin);
  gtk_widget_class_bind_template_child (widget_class, PxPreferences, corpus_row);
  gtk_widget_class_bind_template_child (widget_class, PxPreferences, forget_button);
}

static void
px_preferences_init (PxPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "annotator-name", self->annotator_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "word-snapping", self->snapping_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "text-size", self->text_size_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::last-corpus",
                           G_CALLBACK (update_corpus_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->forget_button, "clicked",
                           G_CALLBACK (on_forget_clicked), self, G_CONNECT_SWAPPED);
  update_corpus_row (self);
}

GtkWidget *
px_preferences_new (GtkWindow *parent)
{
  return g_object_new (PX_TYPE_PREFERENCES, "transient-for", parent, NULL);
}
