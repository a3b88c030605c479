/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-application.h: the Parallax application: command line, corpus choice,
 * resources and app-wide actions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PX_TYPE_APPLICATION (px_application_get_type ())
G_DECLARE_FINAL_TYPE (PxApplication, px_application, PX, APPLICATION, AdwApplication)

PxApplication *px_application_new               (void);
/* Registers the GResource bundles of the shell and the workspace; safe to
 * call more than once (UI tests call it without an application). */
void           px_application_register_resources (void);
/* $PARALLAX_SAMPLES_DIR, else the installed samples folder. */
char          *px_application_get_samples_dir   (void);

G_END_DECLS
