/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-events.c: events in the annotation workspace: a trigger tagged
 * with an event type gets its event, arguments come through the role
 * popover (an existing mention, and new text tagged on the way), the
 * arguments are highlighted in the text, and undo, redo and deleting the
 * trigger all keep the store right. */
#include <adwaita.h>
#include <string.h>

#include "px-article-view.h"
#include "px-core.h"
#include "px-test-ui.h"
#include "px-test-util.h"
#include "px-workspace.h"

/* Written for these tests. Offsets (code points): "Lina Moreau" 0-11,
 * "met" 12-15, "Piet Dekker" 16-27, "Bergen" 31-37, "Tuesday" 41-48. */
static const char article[] =
  "Lina Moreau met Piet Dekker in Bergen on Tuesday.\n"
  "The talks on the ferry will go on in March.\n";

typedef struct
{
  PxStore     *store;
  GtkWidget   *window;
  PxWorkspace *ws;
  gint64       article;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  (void) data;
  px_test_open_workspace (1200, 760, &f->store, &f->window, &f->ws);
  f->article = px_test_add_article (f->store, "Ferry talks", "en", NULL, article);
  px_workspace_show_article (f->ws, f->article);
  px_test_spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  (void) data;
  px_test_close_workspace (f->window, &f->store);
}

static PxAnnotation *
annotation_at (Fixture *f,
               gsize    start)
{
  g_autoptr(GListModel) list = px_store_list_annotations (f->store, f->article);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (list, i);

      if (px_annotation_get_start (a) == start)
        return g_steal_pointer (&a);
    }
  return NULL;
}

/* The article's events as "Type@trigger-start: Role=text, ...; ...". */
static char *
describe_events (Fixture *f)
{
  g_autoptr(GListModel) events = px_store_list_events (f->store, f->article);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(PxEvent) event = g_list_model_get_item (events, i);
      g_autoptr(PxAnnotation) trigger = px_store_get_annotation (f->store, px_event_get_trigger_annotation_id (event), NULL);

      g_assert_nonnull (trigger);
      g_string_append_printf (s, "%s%s@%" G_GSIZE_FORMAT ":", i > 0 ? "; " : "",
                              px_event_get_label_name (event), px_annotation_get_start (trigger));
      for (guint k = 0; k < px_event_get_n_arguments (event); k++)
        {
          const PxEventArgument *arg = px_event_get_argument (event, k);
          g_autoptr(PxAnnotation) a = px_store_get_annotation (f->store, arg->annotation_id, NULL);

          g_assert_nonnull (a);
          g_string_append_printf (s, " %s=%s(%s)", arg->role, px_annotation_get_text (a),
                                  px_annotation_get_label_name (a));
        }
    }
  return g_string_free (s, FALSE);
}

static void
assert_events (Fixture    *f,
               const char *expected)
{
  g_autofree char *got = describe_events (f);

  g_assert_cmpstr (got, ==, expected);
}

static GtkPopover *
find_popover (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_POPOVER (c) && gtk_widget_get_visible (c))
      return GTK_POPOVER (c);
  return NULL;
}

/* The popover row whose value (a role, or a label id) is @value. */
static GtkListBoxRow *
find_row (GtkWidget  *widget,
          const char *value)
{
  if (GTK_IS_LIST_BOX_ROW (widget)
      && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "px-value"), value) == 0)
    return GTK_LIST_BOX_ROW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkListBoxRow *row = find_row (c, value);
      if (row != NULL)
        return row;
    }
  return NULL;
}

static void
choose (Fixture    *f,
        const char *value)
{
  GtkPopover *popover = find_popover (GTK_WIDGET (f->ws));
  GtkListBoxRow *row;

  g_assert_nonnull (popover);
  row = find_row (GTK_WIDGET (popover), value);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  px_test_spin ();
}

/* Whether the text at @offset wears an argument tag. */
static gboolean
highlighted (Fixture *f,
             int      offset)
{
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;

  gtk_text_buffer_get_iter_at_offset (px_workspace_get_buffer (f->ws), &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autofree char *name = NULL;

      g_object_get (l->data, "name", &name, NULL);
      if (name != NULL && g_str_has_suffix (name, PX_ARTICLE_VIEW_ARGUMENT_SUFFIX))
        return TRUE;
    }
  return FALSE;
}

static void
select_annotation (Fixture *f,
                   gint64   id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ws), "workspace.select-annotation", "x", id));
  px_test_spin ();
}

/* Tags the trigger "met" as Meet and "Lina Moreau" as PER. */
static void
make_meeting (Fixture *f)
{
  px_test_tag (f->ws, 0, 11, "PER");
  px_test_tag (f->ws, 13, 14, "Meet");
  assert_events (f, "Meet@12:");
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

/* A toast on screen says @text, and offers Undo. */
static void
assert_toast (Fixture    *f,
              const char *text)
{
  GtkWidget *label = px_test_find (GTK_WIDGET (f->ws), label_contains, text);
  GtkWidget *toast = label != NULL ? gtk_widget_get_parent (label) : NULL;

  g_assert_nonnull (label);
  while (toast != NULL && px_test_find (toast, label_contains, "Undo") == NULL)
    toast = gtk_widget_get_parent (toast);
  g_assert_nonnull (toast);
}

static void
test_event_arguments (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PxLabel) gpe = px_store_find_label (f->store, "GPE");
  g_autofree char *gpe_id = g_strdup_printf ("%" G_GINT64_FORMAT, px_label_get_id (gpe));
  g_autoptr(PxAnnotation) bergen = NULL;

  (void) data;
  make_meeting (f);
  /* Undo takes the trigger and its event in one step. */
  px_test_activate (f->ws, "workspace.undo", NULL);
  assert_events (f, "");
  g_assert_null (annotation_at (f, 12));
  px_test_activate (f->ws, "workspace.redo", NULL);
  assert_events (f, "Meet@12:");

  /* An existing mention: straight to the roles. */
  px_test_select_chars (f->ws, 0, 11);
  px_test_activate (f->ws, "workspace.add-argument", NULL);
  choose (f, "Participant");
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER)");
  g_assert_null (find_popover (GTK_WIDGET (f->ws)));

  /* New text ("erge" snaps to Bergen): a label first, then the role. */
  px_test_select_chars (f->ws, 32, 36);
  px_test_activate (f->ws, "workspace.add-argument", NULL);
  choose (f, gpe_id);
  choose (f, "Place");
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER) Place=Bergen(GPE)");
  bergen = annotation_at (f, 31);
  g_assert_nonnull (bergen);

  /* The trigger is selected again, and its arguments are marked. */
  g_assert_true (highlighted (f, 3));
  g_assert_true (highlighted (f, 33));
  g_assert_false (highlighted (f, 13));
  g_assert_false (highlighted (f, 18));

  /* One undo drops the argument and the mention tagged for it. */
  px_test_activate (f->ws, "workspace.undo", NULL);
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER)");
  g_assert_null (annotation_at (f, 31));
  g_assert_false (highlighted (f, 33));
  px_test_activate (f->ws, "workspace.undo", NULL);
  assert_events (f, "Meet@12:");
  px_test_activate (f->ws, "workspace.redo", NULL);
  px_test_activate (f->ws, "workspace.redo", NULL);
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER) Place=Bergen(GPE)");
  g_clear_object (&bergen);
  bergen = annotation_at (f, 31);
  g_assert_nonnull (bergen);

  /* Removing an argument, as the inspector's button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ws), "workspace.remove-argument", "(xsx)",
                                             px_annotation_get_id (annotation_at (f, 12)), "Place",
                                             px_annotation_get_id (bergen)));
  px_test_spin ();
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER)");
  px_test_activate (f->ws, "workspace.undo", NULL);
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER) Place=Bergen(GPE)");
}

static PxEvent *
first_event (Fixture *f)
{
  g_autoptr(GListModel) events = px_store_list_events (f->store, f->article);

  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);
  return g_list_model_get_item (events, 0);
}

static gint64
first_event_id (Fixture *f)
{
  g_autoptr(PxEvent) event = first_event (f);

  return px_event_get_id (event);
}

static gint64
first_story_event_id (Fixture *f)
{
  g_autoptr(PxEvent) event = first_event (f);

  return px_event_get_story_event_id (event);
}

static void
test_delete_trigger (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PxAnnotation) trigger = NULL;
  g_autoptr(PxAnnotation) lina = NULL;
  g_autoptr(GError) error = NULL;
  gint64 story_event;

  (void) data;
  make_meeting (f);
  px_test_select_chars (f->ws, 0, 11);
  px_test_activate (f->ws, "workspace.add-argument", NULL);
  choose (f, "Participant");
  px_test_tag (f->ws, 41, 48, "DATE");
  trigger = annotation_at (f, 12);
  select_annotation (f, px_annotation_get_id (trigger));
  px_test_select_chars (f->ws, 41, 48);
  px_test_activate (f->ws, "workspace.add-argument", NULL);
  choose (f, "Time");
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER) Time=Tuesday(DATE)");
  story_event = px_store_add_story_event (f->store, 0, "Ferry talks", &error);
  g_assert_no_error (error);
  g_assert_true (px_store_set_event_story_event (f->store, first_event_id (f), story_event, &error));
  g_assert_no_error (error);

  /* Deleting the trigger deletes its event; undo brings both back whole,
   * story event included. */
  select_annotation (f, px_annotation_get_id (trigger));
  px_test_activate (f->ws, "workspace.delete", NULL);
  assert_events (f, "");
  g_assert_null (annotation_at (f, 12));
  /* Not silently: a toast names what went, with Undo. */
  assert_toast (f, "Its Meet event and its 2 arguments were removed.");
  px_test_activate (f->ws, "workspace.undo", NULL);
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER) Time=Tuesday(DATE)");
  g_assert_cmpint (first_story_event_id (f), ==, story_event);
  px_test_activate (f->ws, "workspace.redo", NULL);
  assert_events (f, "");
  px_test_activate (f->ws, "workspace.undo", NULL);
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER) Time=Tuesday(DATE)");
  g_assert_cmpint (first_story_event_id (f), ==, story_event);

  /* Deleting an argument's mention takes it out of the event, and undo
   * puts it back in. */
  lina = annotation_at (f, 0);
  select_annotation (f, px_annotation_get_id (lina));
  px_test_activate (f->ws, "workspace.delete", NULL);
  assert_events (f, "Meet@12: Time=Tuesday(DATE)");
  px_test_activate (f->ws, "workspace.undo", NULL);
  assert_events (f, "Meet@12: Time=Tuesday(DATE) Participant=Lina Moreau(PER)");
}

static void
test_relabel_trigger (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PxAnnotation) trigger = NULL;

  (void) data;
  make_meeting (f);
  px_test_select_chars (f->ws, 0, 11);
  px_test_activate (f->ws, "workspace.add-argument", NULL);
  choose (f, "Participant");
  trigger = annotation_at (f, 12);

  /* Another event type keeps no role it lacks (Statement has no
   * Participant); an entity label drops the event. */
  select_annotation (f, px_annotation_get_id (trigger));
  px_test_tag (f->ws, 12, 15, "Statement");
  assert_events (f, "Statement@12:");
  px_test_activate (f->ws, "workspace.undo", NULL);
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER)");
  select_annotation (f, px_annotation_get_id (trigger));
  px_test_activate (f->ws, "workspace.tag", "MISC");
  assert_events (f, "");
  assert_toast (f, "Its Meet event and its 1 argument were removed.");
  px_test_activate (f->ws, "workspace.undo", NULL);
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER)");
}

/* Runs the shortcut bound to @trigger in the workspace's controller @name,
 * as the key would. */
static gboolean
press (Fixture    *f,
       const char *name,
       const char *trigger)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->ws));
  gboolean handled = FALSE, found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c) || g_strcmp0 (gtk_event_controller_get_name (c), name) != 0)
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (c)) && !found; k++)
        {
          g_autoptr(GtkShortcut) sc = g_list_model_get_item (G_LIST_MODEL (c), k);
          g_autofree char *t = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (sc));

          if (g_strcmp0 (t, trigger) != 0)
            continue;
          found = TRUE;
          handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (sc), 0, GTK_WIDGET (f->ws),
                                                  gtk_shortcut_get_arguments (sc));
        }
    }
  g_object_unref (controllers);
  g_assert_true (found);
  px_test_spin ();
  return handled;
}

/* A key typed in the open popover, through its key controller. */
static gboolean
press_in_popover (Fixture *f,
                  guint    keyval)
{
  GtkPopover *popover = find_popover (GTK_WIDGET (f->ws));
  GListModel *controllers;
  gboolean handled = FALSE;

  g_assert_nonnull (popover);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (popover));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);
  px_test_spin ();
  return handled;
}

/* Keyboard only: r opens the popover on the mention, a label's key and a
 * role's number answer it. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  (void) data;
  make_meeting (f);
  px_test_select_chars (f->ws, 0, 11);
  g_assert_true (press (f, "px-workspace-argument-keys", "r"));
  g_assert_true (press_in_popover (f, GDK_KEY_1));
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER)");
  g_assert_null (find_popover (GTK_WIDGET (f->ws)));

  /* New text: 3 tags it GPE, then 2 makes it the Place. */
  px_test_select_chars (f->ws, 31, 37);
  g_assert_true (press (f, "px-workspace-argument-keys", "r"));
  g_assert_false (press_in_popover (f, GDK_KEY_x));
  g_assert_true (press_in_popover (f, GDK_KEY_3));
  g_assert_true (press_in_popover (f, GDK_KEY_2));
  assert_events (f, "Meet@12: Participant=Lina Moreau(PER) Place=Bergen(GPE)");
}

/* Without a trigger selected, or with nothing to use, no popover opens
 * and nothing is written. */
static void
test_argument_needs_event (Fixture       *f,
                           gconstpointer  data)
{
  (void) data;
  px_test_select_chars (f->ws, 0, 11);
  px_test_activate (f->ws, "workspace.add-argument", NULL);
  g_assert_null (find_popover (GTK_WIDGET (f->ws)));
  make_meeting (f);
  /* The selection is the trigger itself. */
  px_test_activate (f->ws, "workspace.add-argument", NULL);
  g_assert_null (find_popover (GTK_WIDGET (f->ws)));
  assert_events (f, "Meet@12:");
}

int
main (int argc, char **argv)
{
  g_autofree char *data_home = NULL;

  g_test_init (&argc, &argv, NULL);
  data_home = px_test_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_init ();
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/ui/events/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("arguments", test_event_arguments);
  ADD ("delete-trigger", test_delete_trigger);
  ADD ("relabel-trigger", test_relabel_trigger);
  ADD ("argument-needs-event", test_argument_needs_event);
  ADD ("keys", test_keys);
  return g_test_run ();
}
