/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-inspector.c: the detail pane of the Annotate page, driven through
 * its own widgets: relabelling with the drop-down, a note saved with Enter
 * or when the selection moves on, linking a mention to a near-key entity
 * offered as "Did you mean …?", a new entity from the link popover, and the
 * article's entity list. Every change is checked in the store and undone. */
#include <adwaita.h>
#include <string.h>

#include "px-core.h"
#include "px-inspector.h"
#include "px-test-ui.h"
#include "px-test-util.h"
#include "px-workspace.h"

/* Written for these tests. Offsets (code points): "Dmytro" 0-6, "Kouleba"
 * 7-14, "Lina Moreau" 24-35, "Bergen" 39-45, "Kouleba" 56-63. */
static const char article[] =
  "Dmytro Kouleba spoke to Lina Moreau in Bergen, and then Kouleba left.\n";

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
  f->article = px_test_add_article (f->store, "Talks", "en", NULL, article);
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

/* Tags [start, end) and selects the new annotation; returns its id. */
static gint64
tag (Fixture    *f,
     int         start,
     int         end,
     const char *label)
{
  g_autoptr(PxAnnotation) a = NULL;

  px_test_tag (f->ws, start, end, label);
  a = annotation_at (f, (gsize) start);
  g_assert_nonnull (a);
  return px_annotation_get_id (a);
}

static void
select_annotation (Fixture *f,
                   gint64   id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->ws), "workspace.select-annotation", "x", id));
  px_test_spin ();
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  GtkWidget *found = px_test_find_widget (root, type);

  g_assert_nonnull (found);
  return found;
}

static PxInspector *
inspector (Fixture *f)
{
  return PX_INSPECTOR (find_type (GTK_WIDGET (f->ws), PX_TYPE_INSPECTOR));
}

static guint
label_position (GtkDropDown *dropdown,
                const char  *name)
{
  GListModel *labels = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (labels, i);

      if (g_str_equal (px_label_get_name (label), name))
        return i;
    }
  g_assert_not_reached ();
}

static const char *
label_of (Fixture *f,
          gsize    start)
{
  static char name[32];
  g_autoptr(PxAnnotation) a = annotation_at (f, start);

  g_assert_nonnull (a);
  g_strlcpy (name, px_annotation_get_label_name (a), sizeof name);
  return name;
}

static void
test_relabel (Fixture       *f,
              gconstpointer  data)
{
  GtkDropDown *dropdown;
  gint64 id;

  (void) data;
  id = tag (f, 24, 35, "PER");
  select_annotation (f, id);
  g_assert_true (px_annotation_get_id (px_inspector_get_annotation (inspector (f))) == id);
  dropdown = GTK_DROP_DOWN (find_type (GTK_WIDGET (inspector (f)), GTK_TYPE_DROP_DOWN));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, label_position (dropdown, "PER"));

  gtk_drop_down_set_selected (dropdown, label_position (dropdown, "ORG"));
  px_test_spin ();
  g_assert_cmpstr (label_of (f, 24), ==, "ORG");
  /* The pane follows the change, on the same annotation. */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, label_position (dropdown, "ORG"));
  g_assert_true (px_annotation_get_id (px_inspector_get_annotation (inspector (f))) == id);

  px_test_activate (f->ws, "workspace.undo", NULL);
  g_assert_cmpstr (label_of (f, 24), ==, "PER");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, label_position (dropdown, "PER"));
  px_test_activate (f->ws, "workspace.redo", NULL);
  g_assert_cmpstr (label_of (f, 24), ==, "ORG");
}

static const char *
note_of (Fixture *f,
         gsize    start)
{
  static char note[64];
  g_autoptr(PxAnnotation) a = annotation_at (f, start);

  g_assert_nonnull (a);
  if (px_annotation_get_note (a) == NULL)
    return NULL;
  g_strlcpy (note, px_annotation_get_note (a), sizeof note);
  return note;
}

static void
test_note (Fixture       *f,
           gconstpointer  data)
{
  GtkEditable *entry;
  gint64 lina, bergen;

  (void) data;
  lina = tag (f, 24, 35, "PER");
  bergen = tag (f, 39, 45, "GPE");
  select_annotation (f, lina);
  entry = GTK_EDITABLE (px_test_find_named (GTK_WIDGET (inspector (f)), "note-entry"));
  g_assert_nonnull (entry);

  /* Enter saves. */
  gtk_editable_set_text (entry, "mayor of Bergen?");
  g_signal_emit_by_name (entry, "activate");
  px_test_spin ();
  g_assert_cmpstr (note_of (f, 24), ==, "mayor of Bergen?");

  /* Moving to another annotation saves what was typed, for the one it was
   * typed for, and shows the other's note. */
  gtk_editable_set_text (entry, "mayor of Bergen");
  select_annotation (f, bergen);
  g_assert_cmpstr (note_of (f, 24), ==, "mayor of Bergen");
  g_assert_null (note_of (f, 39));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  px_test_activate (f->ws, "workspace.undo", NULL);
  g_assert_cmpstr (note_of (f, 24), ==, "mayor of Bergen?");
  px_test_activate (f->ws, "workspace.undo", NULL);
  g_assert_null (note_of (f, 24));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
}

static const char *
value_of (Fixture *f,
          gsize    start,
          const char **source)
{
  static char value[64];
  static char from[16];
  g_autoptr(PxAnnotation) a = annotation_at (f, start);

  g_assert_nonnull (a);
  g_strlcpy (value, px_annotation_get_value (a) != NULL ? px_annotation_get_value (a) : "", sizeof value);
  g_strlcpy (from, px_annotation_get_value_source (a) != NULL ? px_annotation_get_value_source (a) : "",
             sizeof from);
  *source = from;
  return value;
}

/* A NUM mention shows its value and how it was read; the coder corrects it
 * in the entry, and Ctrl+Z takes the correction back. An entity mention
 * has no value section. */
static void
test_value (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *entry;
  const char *source = NULL;
  gint64 count, lina;

  (void) data;
  f->article = px_test_add_article (f->store, "Numbers", "fr", NULL, "Douze morts et trois blessés.\n");
  px_workspace_show_article (f->ws, f->article);
  px_test_spin ();
  count = tag (f, 0, 5, "NUM");            /* "Douze" */
  select_annotation (f, count);
  entry = px_test_find_named (GTK_WIDGET (inspector (f)), "value-entry");
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_visible (entry));
  g_assert_cmpstr (value_of (f, 0, &source), ==, "12");
  g_assert_cmpstr (source, ==, "computed");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "12");

  gtk_editable_set_text (GTK_EDITABLE (entry), "13");
  g_signal_emit_by_name (entry, "activate");
  px_test_spin ();
  g_assert_cmpstr (value_of (f, 0, &source), ==, "13");
  g_assert_cmpstr (source, ==, "coder");
  px_test_activate (f->ws, "workspace.undo", NULL);
  g_assert_cmpstr (value_of (f, 0, &source), ==, "12");
  g_assert_cmpstr (source, ==, "computed");

  lina = tag (f, 15, 20, "PER");           /* "trois" as a person: no value */
  select_annotation (f, lina);
  g_assert_false (gtk_widget_is_visible (entry));
}

static void
test_near_key_candidate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxLabel) per = px_store_find_label (f->store, "PER");
  g_autoptr(PxAnnotation) mention = NULL;
  GtkWidget *button;
  gint64 kuleba, id, own;

  (void) data;
  kuleba = px_store_add_entity (f->store, "Kuleba", px_label_get_id (per), &error);
  g_assert_no_error (error);
  /* Tagging links the mention by its own key, never silently to the near
   * one. */
  id = tag (f, 7, 14, "PER");
  mention = annotation_at (f, 7);
  own = px_annotation_get_entity_id (mention);
  g_assert_cmpint (own, !=, 0);
  g_assert_cmpint (own, !=, kuleba);

  select_annotation (f, id);
  button = px_test_find (GTK_WIDGET (inspector (f)), is_button_labelled, "Did you mean Kuleba?");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  px_test_spin ();
  g_clear_object (&mention);
  mention = annotation_at (f, 7);
  g_assert_cmpint (px_annotation_get_entity_id (mention), ==, kuleba);
  /* Linked now: no more suggestion for it. */
  g_assert_null (px_test_find (GTK_WIDGET (inspector (f)), is_button_labelled, "Did you mean Kuleba?"));

  px_test_activate (f->ws, "workspace.undo", NULL);
  g_clear_object (&mention);
  mention = annotation_at (f, 7);
  g_assert_cmpint (px_annotation_get_entity_id (mention), ==, own);
}

/* Runs the workspace shortcut bound to @trigger, as the key would. */
static gboolean
press (Fixture    *f,
       const char *trigger)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->ws));
  gboolean handled = FALSE, found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c)
          || g_strcmp0 (gtk_event_controller_get_name (c), "px-workspace-keys") != 0)
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

/* Delete and Ctrl+Z typed in the note edit the note, not the annotation;
 * with the focus back in the text they act on annotations again. */
static void
test_keys_in_note (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *entry;
  gint64 id;

  (void) data;
  id = tag (f, 24, 35, "PER");
  select_annotation (f, id);
  entry = px_test_find_named (GTK_WIDGET (inspector (f)), "note-entry");
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_grab_focus (entry));
  g_assert_false (press (f, "Delete|KP_Delete"));
  /* Ctrl+Z is the window's, which leaves it to a text field too. */
  g_assert_nonnull (annotation_at (f, 24));

  g_assert_true (gtk_widget_grab_focus (find_type (GTK_WIDGET (f->ws), GTK_TYPE_TEXT_VIEW)));
  select_annotation (f, id);
  g_assert_true (press (f, "Delete|KP_Delete"));
  g_assert_null (annotation_at (f, 24));
  px_test_activate (f->ws, "workspace.undo", NULL);
  g_assert_nonnull (annotation_at (f, 24));
}

static gboolean
is_row_named (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LIST_BOX_ROW (widget)
         && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "px-name"), data) == 0;
}

static void
test_new_entity (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PxAnnotation) before = NULL;
  g_autoptr(PxAnnotation) after = NULL;
  GtkMenuButton *link;
  GtkWidget *popover, *row, *search;
  gint64 id;

  (void) data;
  id = tag (f, 24, 35, "PER");
  select_annotation (f, id);
  before = annotation_at (f, 24);
  link = GTK_MENU_BUTTON (find_type (GTK_WIDGET (inspector (f)), GTK_TYPE_MENU_BUTTON));
  gtk_menu_button_popup (link);
  px_test_spin ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (link));
  g_assert_true (gtk_widget_get_visible (popover));
  search = find_type (popover, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "L. Moreau");
  /* Rather than waiting out the entry's typing delay. */
  g_signal_emit_by_name (search, "search-changed");
  px_test_spin ();
  row = px_test_find (popover, is_row_named, "L. Moreau");
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  px_test_spin ();
  after = annotation_at (f, 24);
  g_assert_cmpstr (px_annotation_get_entity_name (after), ==, "L. Moreau");
  g_assert_cmpint (px_annotation_get_entity_id (after), !=, px_annotation_get_entity_id (before));
  g_assert_false (gtk_widget_get_visible (popover));

  px_test_activate (f->ws, "workspace.undo", NULL);
  g_clear_object (&after);
  after = annotation_at (f, 24);
  g_assert_cmpint (px_annotation_get_entity_id (after), ==, px_annotation_get_entity_id (before));
}

static gboolean
is_entity_list (GtkWidget     *widget,
                gconstpointer  data)
{
  g_autoptr(GtkColumnViewColumn) first = NULL;

  if (!GTK_IS_COLUMN_VIEW (widget))
    return FALSE;
  first = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget)), 0);
  return first != NULL && g_strcmp0 (gtk_column_view_column_get_title (first), "Entity") == 0;
}

static void
test_entity_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxLabel) per = px_store_find_label (f->store, "PER");
  GtkWidget *view = px_test_find (GTK_WIDGET (f->ws), is_entity_list, NULL);
  GListModel *model;
  gint64 person;
  gint64 ids[3];
  guint found = G_MAXUINT;

  (void) data;
  g_assert_nonnull (view);
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  person = px_store_add_entity (f->store, "Dmytro Kuleba", px_label_get_id (per), &error);
  g_assert_no_error (error);
  ids[0] = tag (f, 0, 14, "PER");
  ids[1] = tag (f, 56, 63, "PER");
  ids[2] = tag (f, 24, 35, "PER");
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (px_store_set_annotation_entity (f->store, ids[i], person, &error));
      g_assert_no_error (error);
    }
  px_test_spin ();
  /* Dmytro Kuleba twice; Lina Moreau once if tagging linked her. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PxEntity) e = g_list_model_get_item (model, i);

      if (px_entity_get_id (e) == person)
        {
          g_assert_cmpuint (px_entity_get_n_mentions (e), ==, 2);
          found = i;
        }
      else
        g_assert_cmpuint (px_entity_get_n_mentions (e), ==, 1);
    }
  g_assert_cmpuint (found, !=, G_MAXUINT);

  /* Activating the row selects the entity's first mention. */
  select_annotation (f, ids[2]);
  g_signal_emit_by_name (view, "activate", found);
  px_test_spin ();
  g_assert_true (px_annotation_get_id (px_inspector_get_annotation (inspector (f))) == ids[0]);
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
  g_test_add ("/ui/inspector/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("relabel", test_relabel);
  ADD ("note", test_note);
  ADD ("value", test_value);
  ADD ("near-key-candidate", test_near_key_candidate);
  ADD ("new-entity", test_new_entity);
  ADD ("entity-list", test_entity_list);
  ADD ("keys-in-note", test_keys_in_note);
  return g_test_run ();
}
