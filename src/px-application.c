/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-application.c: the Parallax application. */
#include "px-application.h"

#include <glib/gi18n.h>

#include "px-core.h"
#include "px-demo.h"
#include "px-window.h"
#include "px_shell-resources.h"
#if __has_include("px_workspace-resources.h")
# include "px_workspace-resources.h"
# define HAVE_WORKSPACE_RESOURCES 1
#endif

struct _PxApplication
{
  AdwApplication  parent_instance;

  char           *db_path;   /* --db */
  gboolean        demo;      /* --demo */
};

G_DEFINE_FINAL_TYPE (PxApplication, px_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this corpus file"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo corpus (kept apart from your own)"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

void
px_application_register_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      px_shell_register_resource ();
#ifdef HAVE_WORKSPACE_RESOURCES
      px_workspace_register_resource ();
#endif
      g_once_init_leave (&done, 1);
    }
}

char *
px_application_get_samples_dir (void)
{
  /* LOCALEDIR is datadir/locale; the samples sit in datadir/parallax. */
  g_autofree char *datadir = g_path_get_dirname (LOCALEDIR);
  g_autofree char *installed = g_build_filename (datadir, "parallax", "samples", NULL);

  /* Not installed yet: run from the build tree on the source's samples. */
  if (!g_file_test (installed, G_FILE_TEST_IS_DIR)
      && g_file_test (PX_SOURCE_SAMPLES_DIR, G_FILE_TEST_IS_DIR))
    return px_demo_find_samples_dir (PX_SOURCE_SAMPLES_DIR);
  return px_demo_find_samples_dir (installed);
}

static gint
px_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PxApplication *self = PX_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("parallax %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "db", "^ay", &self->db_path);
  self->demo = g_variant_dict_contains (options, "demo");
  /* One instance per corpus: a second corpus must not be handed to the
   * process that already shows another one. */
  if (self->db_path != NULL || self->demo)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static char *
px_application_corpus_path (PxApplication *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-corpus");

  if (self->db_path != NULL)
    return g_strdup (self->db_path);
  if (g_getenv ("PARALLAX_DB") == NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);
  return px_store_default_path ();
}

static PxWindow *
px_application_ensure_window (PxApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  PxWindow *win;

  if (window != NULL)
    return PX_WINDOW (window);
  win = px_window_new (self);
  if (self->demo)
    px_window_open_demo (win);
  else
    {
      g_autofree char *path = px_application_corpus_path (self);
      px_window_open_corpus (win, path);
    }
  return win;
}

static void
px_application_activate (GApplication *app)
{
  PxWindow *win = px_application_ensure_window (PX_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (win));
}

static void
px_application_open (GApplication  *app,
                     GFile        **files,
                     gint           n_files,
                     const char    *hint)
{
  PxWindow *win = px_application_ensure_window (PX_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (win));
  px_window_import_files (win, files, (guint) n_files);
}

static void
px_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (px_application_parent_class)->startup (app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing through the window saves its size first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (app));
}

static void
px_application_finalize (GObject *object)
{
  PxApplication *self = PX_APPLICATION (object);

  g_free (self->db_path);
  G_OBJECT_CLASS (px_application_parent_class)->finalize (object);
}

static void
px_application_class_init (PxApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = px_application_finalize;
  app_class->handle_local_options = px_application_handle_local_options;
  app_class->startup = px_application_startup;
  app_class->activate = px_application_activate;
  app_class->open = px_application_open;
}

static void
px_application_init (PxApplication *self)
{
  static const GActionEntry actions[] = {
    { "quit", quit_activated },
  };

  px_application_register_resources ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Annotate news articles and compare how outlets cover one event. "
                                              "Files given are imported into the corpus."));
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}

PxApplication *
px_application_new (void)
{
  return g_object_new (PX_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/parallax/Parallax",
                       NULL);
}
