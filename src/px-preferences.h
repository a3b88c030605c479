/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-preferences.h: the Preferences window, bound to GSettings. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PX_TYPE_PREFERENCES (px_preferences_get_type ())
G_DECLARE_FINAL_TYPE (PxPreferences, px_preferences, PX, PREFERENCES, AdwPreferencesWindow)

GtkWidget *px_preferences_new (GtkWindow *parent);

G_END_DECLS
