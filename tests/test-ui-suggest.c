/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-suggest.c: "find all occurrences" in the workspace: suggestions by
 * match key, Enter and Delete through the workspace's own key shortcuts,
 * Accept All, one-step undo, and the story-wide variant. */
#include <adwaita.h>

#include "px-core.h"
#include "px-test-ui.h"
#include "px-test-util.h"
#include "px-workspace-private.h"

/* Written for this test. "Kouleba" is a different key from "Kuleba". */
static const char article_one[] =
  "Kuleba a rencontré Lavrov. Plus tard, KULEBA a parlé.\n"
  "Kouleba ? Non : Kuleba a conclu la séance.\n";
static const char article_two[] =
  "Selon une autre radio, Kuleba est reparti sans accord.\n";

typedef struct
{
  PxStore     *store;
  GtkWidget   *window;
  PxWorkspace *ws;
  gint64       one;
  gint64       two;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  px_test_open_workspace (1000, 700, &f->store, &f->window, &f->ws);
  f->one = px_test_add_article (f->store, "Un", "fr", "Pourparlers", article_one);
  f->two = px_test_add_article (f->store, "Deux", "fr", "Pourparlers", article_two);
  px_workspace_show_article (f->ws, f->one);
  px_test_spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  px_test_close_workspace (f->window, &f->store);
}

static void
activate (Fixture    *f,
          const char *action)
{
  px_test_activate (f->ws, action, NULL);
}

/* Presses @key through the workspace's key controller: the very shortcut a
 * keypress would trigger, with its arguments. */
static void
press (Fixture    *f,
       const char *key)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->ws));
  gboolean pressed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c)
          || g_strcmp0 (gtk_event_controller_get_name (c), "px-workspace-keys") != 0)
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (c)) && !pressed; k++)
        {
          g_autoptr(GtkShortcut) s = g_list_model_get_item (G_LIST_MODEL (c), k);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (s));

          if (g_strcmp0 (trigger, key) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (s), 0,
                                                           GTK_WIDGET (f->ws),
                                                           gtk_shortcut_get_arguments (s)));
              pressed = TRUE;
            }
        }
    }
  g_object_unref (controllers);
  g_assert_true (pressed);
  px_test_spin ();
}

/* "PER 0-6 Kuleba accepted; ..." for an article. */
static char *
describe (Fixture *f,
          gint64   article_id)
{
  g_autoptr(GListModel) list = px_store_list_annotations (f->store, article_id);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (list, i);

      g_string_append_printf (s, "%s%s %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT " %s %s",
                              i > 0 ? "; " : "", px_annotation_get_label_name (a),
                              px_annotation_get_start (a), px_annotation_get_end (a),
                              px_annotation_get_text (a),
                              px_annotation_get_status (a) == PX_ANNOTATION_SUGGESTED ? "suggested"
                                                                                       : "accepted");
    }
  return g_string_free (s, FALSE);
}

#define assert_article(f, id, expected) \
  G_STMT_START { g_autofree char *got_ = describe ((f), (id)); \
                 g_assert_cmpstr (got_, ==, (expected)); } G_STMT_END

static gint64
entity_at (Fixture *f,
           gint64   article_id,
           guint    index)
{
  g_autoptr(GListModel) list = px_store_list_annotations (f->store, article_id);
  g_autoptr(PxAnnotation) a = g_list_model_get_item (list, index);

  return px_annotation_get_entity_id (a);
}

/* Selects the @index-th annotation of the shown article, as a click in the
 * list would. */
static void
select_nth (Fixture *f,
            guint    index)
{
  g_autoptr(GListModel) list = px_store_list_annotations (f->store, f->one);
  g_autoptr(PxAnnotation) a = g_list_model_get_item (list, index);

  g_assert_nonnull (a);
  g_assert_true (px_workspace_select_annotation (f->ws, px_annotation_get_id (a)));
  px_test_spin ();
}

static void
tag_first_kuleba (Fixture *f)
{
  px_test_tag (f->ws, 0, 6, "PER");
}

static void
test_find_accept_reject (Fixture       *f,
                         gconstpointer  data)
{
  tag_first_kuleba (f);
  activate (f, "workspace.find-all");
  /* KULEBA folds to Kuleba's key; Kouleba does not. Nothing in article two. */
  assert_article (f, f->one, "PER 0-6 Kuleba accepted; PER 38-44 KULEBA suggested; "
                             "PER 70-76 Kuleba suggested");
  assert_article (f, f->two, "");

  /* The first suggestion is selected at once: Enter accepts it and moves
   * to the next; Delete rejects that one. */
  press (f, "Return|KP_Enter");
  assert_article (f, f->one, "PER 0-6 Kuleba accepted; PER 38-44 KULEBA accepted; "
                             "PER 70-76 Kuleba suggested");
  /* Accepted, it joins the entity of the first mention. */
  g_assert_cmpint (entity_at (f, f->one, 1), !=, 0);
  g_assert_cmpint (entity_at (f, f->one, 1), ==, entity_at (f, f->one, 0));
  press (f, "Delete|KP_Delete");
  assert_article (f, f->one, "PER 0-6 Kuleba accepted; PER 38-44 KULEBA accepted");

  /* Undo brings the rejected suggestion back, then un-accepts the other. */
  activate (f, "workspace.undo");
  assert_article (f, f->one, "PER 0-6 Kuleba accepted; PER 38-44 KULEBA accepted; "
                             "PER 70-76 Kuleba suggested");
  activate (f, "workspace.undo");
  assert_article (f, f->one, "PER 0-6 Kuleba accepted; PER 38-44 KULEBA suggested; "
                             "PER 70-76 Kuleba suggested");
  g_assert_cmpint (entity_at (f, f->one, 1), ==, 0);
}

static void
test_accept_all_and_undo (Fixture       *f,
                          gconstpointer  data)
{
  tag_first_kuleba (f);
  activate (f, "workspace.find-all");
  activate (f, "workspace.accept-all");
  assert_article (f, f->one, "PER 0-6 Kuleba accepted; PER 38-44 KULEBA accepted; "
                             "PER 70-76 Kuleba accepted");
  /* One Ctrl+Z takes back the whole Accept All... */
  activate (f, "workspace.undo");
  assert_article (f, f->one, "PER 0-6 Kuleba accepted; PER 38-44 KULEBA suggested; "
                             "PER 70-76 Kuleba suggested");
  /* ...and one more the whole Find All. */
  activate (f, "workspace.undo");
  assert_article (f, f->one, "PER 0-6 Kuleba accepted");
  activate (f, "workspace.redo");
  activate (f, "workspace.reject-all");
  assert_article (f, f->one, "PER 0-6 Kuleba accepted");
  /* Found again, nothing is duplicated: the accepted span is skipped. */
  select_nth (f, 0);
  activate (f, "workspace.find-all");
  select_nth (f, 0);
  activate (f, "workspace.find-all");
  assert_article (f, f->one, "PER 0-6 Kuleba accepted; PER 38-44 KULEBA suggested; "
                             "PER 70-76 Kuleba suggested");
}

static void
test_story (Fixture       *f,
            gconstpointer  data)
{
  tag_first_kuleba (f);
  activate (f, "workspace.find-all-story");
  assert_article (f, f->two, "PER 23-29 Kuleba suggested");
  assert_article (f, f->one, "PER 0-6 Kuleba accepted; PER 38-44 KULEBA suggested; "
                             "PER 70-76 Kuleba suggested");
  activate (f, "workspace.undo");
  assert_article (f, f->two, "");
  assert_article (f, f->one, "PER 0-6 Kuleba accepted");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/suggest-ui/find-accept-reject", Fixture, NULL, fixture_set_up,
              test_find_accept_reject, fixture_tear_down);
  g_test_add ("/suggest-ui/accept-all-undo", Fixture, NULL, fixture_set_up,
              test_accept_all_and_undo, fixture_tear_down);
  g_test_add ("/suggest-ui/story", Fixture, NULL, fixture_set_up, test_story, fixture_tear_down);
  return g_test_run ();
}
