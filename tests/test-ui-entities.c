/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-entities.c: the Entities page: mention counts, near-key pairs
 * offered for review (never merged on their own), merge and split through
 * the page's own buttons and dialogs, each one step of the editor's undo
 * history (a merge of three entities included). */
#include <adwaita.h>
#include <string.h>

#include "px-core.h"
#include "px-entity-list.h"
#include "px-test-hooks.h"
#include "px-test-ui.h"
#include "px-test-util.h"

/* Written for this test: Kuleba twice, Kouleba once, Kyiv once. */
static const char article[] =
  "Kuleba est arrivé à Kyiv. Kouleba, disait la radio. Kuleba a parlé.\n";

typedef struct
{
  PxStore      *store;
  PxEditor     *editor;
  GtkWidget    *window;
  PxEntityList *list;
  gint64        kuleba;
  gint64        kouleba;
  gint64        second_kuleba_mention;
} Fixture;

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gint64
tag (Fixture    *f,
     gint64      article_id,
     const char *label_name,
     glong       start,
     glong       end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxLabel) label = px_store_find_label (f->store, label_name);
  gint64 id = px_store_add_annotation (f->store, article_id, px_label_get_id (label), start, end,
                                       PX_ANNOTATION_ACCEPTED, NULL, &error);

  g_assert_no_error (error);
  px_store_link_mention (f->store, id, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
entity_of (Fixture *f,
           gint64   annotation_id)
{
  g_autoptr(PxAnnotation) a = px_store_get_annotation (f->store, annotation_id, NULL);

  return px_annotation_get_entity_id (a);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = px_test_db_path ();
  PxArticleInfo info = { 0 };
  gint64 article_id, first;

  f->store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  info.title = (char *) "Radio";
  info.text = (char *) article;
  article_id = px_store_add_article (f->store, &info, NULL, &error);
  g_assert_no_error (error);
  first = tag (f, article_id, "PER", 0, 6);
  tag (f, article_id, "GPE", 20, 24);
  f->kouleba = entity_of (f, tag (f, article_id, "PER", 26, 33));
  f->second_kuleba_mention = tag (f, article_id, "PER", 52, 58);
  f->kuleba = entity_of (f, first);

  f->editor = px_editor_new (f->store);
  f->list = PX_ENTITY_LIST (px_entity_list_new ());
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->list));
  gtk_window_present (GTK_WINDOW (f->window));
  px_entity_list_set_store (f->list, f->store);
  px_entity_list_set_editor (f->list, f->editor);
  spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_clear_object (&f->editor);
  g_clear_object (&f->store);
}

static guint
mentions_of (Fixture *f,
             gint64   entity_id)
{
  g_autoptr(PxEntity) e = px_store_get_entity (f->store, entity_id, NULL);

  return e != NULL ? px_entity_get_n_mentions (e) : 0;
}

static GtkColumnView *
find_column_view (GtkWidget *w)
{
  if (GTK_IS_COLUMN_VIEW (w))
    return GTK_COLUMN_VIEW (w);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkColumnView *found = find_column_view (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The entity rows the page's column view shows, "name:mentions", in the
 * order the user sees them. */
static char *
shown_rows (Fixture *f)
{
  GtkColumnView *view = find_column_view (GTK_WIDGET (f->list));
  GListModel *model;
  GString *s = g_string_new (NULL);

  g_assert_nonnull (view);
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PxEntity) e = g_list_model_get_item (model, i);

      g_string_append_printf (s, "%s%s:%u", i > 0 ? " " : "", px_entity_get_name (e),
                              px_entity_get_n_mentions (e));
    }
  return g_string_free (s, FALSE);
}

static void
test_counts_and_duplicates (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *rows = shown_rows (f);
  g_autofree char *dupes = px_entity_list_describe_duplicates (f->list);

  g_assert_cmpstr (rows, ==, "Kouleba:1 Kuleba:2 Kyiv:1");
  /* Offered for review, the better attested spelling kept... */
  g_assert_cmpstr (dupes, ==, "Kouleba → Kuleba");
  /* ...but never merged by itself. */
  g_assert_cmpint (f->kouleba, !=, f->kuleba);
  g_assert_cmpuint (mentions_of (f, f->kuleba), ==, 2);
}

/* The @nth widget called @name under @root, depth first. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name,
            guint      *nth)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    {
      if (*nth == 0)
        return root;
      (*nth)--;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name, nth);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  guint nth = 0;
  GtkWidget *w = find_named (root, name, &nth);

  g_assert_nonnull (w);
  return w;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

/* Selects the entity rows named in @names (NULL-terminated). */
static void
select_rows (Fixture    *f,
             const char *const *names)
{
  GtkSelectionModel *model = gtk_column_view_get_model (find_column_view (GTK_WIDGET (f->list)));

  gtk_selection_model_unselect_all (model);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(PxEntity) e = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strv_contains (names, px_entity_get_name (e)))
        gtk_selection_model_select_item (model, i, FALSE);
    }
  spin ();
}

/* The message dialog the page has just opened. */
static AdwMessageDialog *
open_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  g_assert_not_reached ();
  return NULL;
}

/* "Kouleba may be Kuleba": its Merge button, then undo and redo. */
static void
test_suggestion_merge (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dupes = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(PxEntity) gone = NULL;

  click (named (GTK_WIDGET (f->list), "merge-suggestion"));
  g_assert_true (px_editor_get_can_undo (f->editor));
  g_assert_cmpuint (mentions_of (f, f->kuleba), ==, 3);
  gone = px_store_get_entity (f->store, f->kouleba, &error);
  g_assert_null (gone);
  g_assert_error (error, PX_ERROR, PX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = shown_rows (f);
  g_assert_cmpstr (after, ==, "Kuleba:3 Kyiv:1");
  dupes = px_entity_list_describe_duplicates (f->list);
  g_assert_cmpstr (dupes, ==, "");

  /* Undo splits Kouleba's mention out again under its old name. */
  g_assert_true (px_editor_undo (f->editor, NULL, &error));
  g_assert_no_error (error);
  spin ();
  undone = shown_rows (f);
  g_assert_cmpstr (undone, ==, "Kouleba:1 Kuleba:2 Kyiv:1");
  g_assert_true (px_editor_redo (f->editor, NULL, &error));
  g_assert_cmpuint (mentions_of (f, f->kuleba), ==, 3);
}

/* Merge… asks first, naming both, and lets the user keep the rarer one. */
static void
test_toolbar_merge (Fixture       *f,
                    gconstpointer  data)
{
  static const char *const pair[] = { "Kuleba", "Kouleba", NULL };
  AdwMessageDialog *dialog;
  GtkWidget *merge = named (GTK_WIDGET (f->list), "merge");
  g_autofree char *rows = NULL;

  select_rows (f, (const char *const[]) { "Kuleba", NULL });
  g_assert_false (gtk_widget_get_sensitive (merge));
  select_rows (f, pair);
  click (merge);
  dialog = open_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Kouleba” will be merged into “Kuleba”"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (GTK_WIDGET (dialog), "merge-keep")), 1);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Kuleba” will be merged into “Kouleba”"));
  /* Nothing happens before the answer. */
  g_assert_cmpuint (mentions_of (f, f->kuleba), ==, 2);
  adw_message_dialog_response (dialog, "merge");
  spin ();
  g_assert_cmpuint (mentions_of (f, f->kouleba), ==, 3);
  g_assert_cmpuint (mentions_of (f, f->kuleba), ==, 0);
  rows = shown_rows (f);
  g_assert_cmpstr (rows, ==, "Kouleba:3 Kyiv:1");
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_child_visible (widget) || !gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

/* The empty lists say why they are empty, also after they were refilled
 * (the placeholder is a child of the list box, not a row). */
static void
test_placeholders (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dupes = px_entity_list_describe_duplicates (f->list);

  spin ();
  g_assert_true (shows_label (GTK_WIDGET (f->list), "Select one entity to see its mentions"));
  select_rows (f, (const char *const[]) { "Kyiv", NULL });
  g_assert_false (shows_label (GTK_WIDGET (f->list), "Select one entity to see its mentions"));
  select_rows (f, (const char *const[]) { NULL });
  g_assert_true (shows_label (GTK_WIDGET (f->list), "Select one entity to see its mentions"));
  click (named (GTK_WIDGET (f->list), "merge-suggestion"));
  g_free (px_entity_list_describe_duplicates (f->list));
  spin ();
  g_assert_true (shows_label (GTK_WIDGET (f->list), "No near spellings to review"));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The page publishes its selection as properties, notified only when they
 * change: the window and tests read them instead of the buttons. */
static void
test_selection_properties (Fixture       *f,
                           gconstpointer  data)
{
  static const char *const pair[] = { "Kuleba", "Kouleba", NULL };
  GtkSelectionModel *model;
  guint n_notified = 0, has_notified = 0;
  guint n_selected;
  gboolean has_selection;

  g_signal_connect (f->list, "notify::n-selected", G_CALLBACK (count_notify), &n_notified);
  g_signal_connect (f->list, "notify::has-selection", G_CALLBACK (count_notify), &has_notified);
  g_object_get (f->list, "n-selected", &n_selected, "has-selection", &has_selection, NULL);
  g_assert_cmpuint (n_selected, ==, 0);
  g_assert_false (has_selection);
  select_rows (f, pair);
  g_object_get (f->list, "n-selected", &n_selected, "has-selection", &has_selection, NULL);
  g_assert_cmpuint (n_selected, ==, 2);
  g_assert_true (has_selection);
  g_assert_cmpuint (has_notified, ==, 1);
  model = gtk_column_view_get_model (find_column_view (GTK_WIDGET (f->list)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(PxEntity) e = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_str_equal (px_entity_get_name (e), "Kouleba"))
        gtk_selection_model_unselect_item (model, i);
    }
  spin ();
  g_object_get (f->list, "n-selected", &n_selected, "has-selection", &has_selection, NULL);
  g_assert_cmpuint (n_selected, ==, 1);
  g_assert_true (has_selection);
  /* Still selected: no second has-selection notification. */
  g_assert_cmpuint (has_notified, ==, 1);
  g_assert_cmpuint (n_notified, >=, 2);
}

/* After a merge, Split… moves the ticked mention back out, under a name
 * typed in its dialog. */
static void
test_split_through_page (Fixture       *f,
                         gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *check = NULL;
  gint64 split;
  g_autofree char *rows = NULL;

  click (named (GTK_WIDGET (f->list), "merge-suggestion"));
  select_rows (f, (const char *const[]) { "Kuleba", NULL });
  for (guint nth = 0; ; nth++)
    {
      guint n = nth;
      GtkWidget *c = find_named (GTK_WIDGET (f->list), "split-check", &n);
      GtkWidget *row;

      g_assert_nonnull (c);
      row = gtk_widget_get_ancestor (c, GTK_TYPE_LIST_BOX_ROW);
      if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "px-annotation-id"))
          == (gsize) f->second_kuleba_mention)
        {
          check = c;
          break;
        }
    }
  g_assert_false (gtk_widget_get_sensitive (named (GTK_WIDGET (f->list), "split")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  click (named (GTK_WIDGET (f->list), "split"));
  dialog = open_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "entity-name")), "Dmytro Kuleba");
  adw_message_dialog_response (dialog, "ok");
  spin ();
  split = entity_of (f, f->second_kuleba_mention);
  g_assert_cmpint (split, !=, f->kuleba);
  g_assert_cmpuint (mentions_of (f, split), ==, 1);
  g_assert_cmpuint (mentions_of (f, f->kuleba), ==, 2);
  rows = shown_rows (f);
  g_assert_cmpstr (rows, ==, "Dmytro Kuleba:1 Kuleba:2 Kyiv:1");
}

/* Three entities merged through Merge… and its dialog are one step: one
 * undo brings both dropped entities back, under their own ids, with their
 * mentions. */
static void
test_merge_three_one_undo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEntity) dmytro = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *undone = NULL;
  PxArticleInfo info = { 0 };
  gint64 article_id, dmytro_id;

  info.title = (char *) "Second";
  info.text = (char *) "Dmytro est là.";
  article_id = px_store_add_article (f->store, &info, NULL, &error);
  g_assert_no_error (error);
  dmytro_id = entity_of (f, tag (f, article_id, "PER", 0, 6));
  spin ();
  select_rows (f, (const char *const[]) { "Kuleba", "Kouleba", "Dmytro", NULL });
  click (named (GTK_WIDGET (f->list), "merge"));
  adw_message_dialog_response (open_dialog (), "merge");
  spin ();
  merged = shown_rows (f);
  g_assert_cmpstr (merged, ==, "Kuleba:4 Kyiv:1");

  g_assert_true (px_editor_undo (f->editor, NULL, &error));
  g_assert_no_error (error);
  spin ();
  undone = shown_rows (f);
  g_assert_cmpstr (undone, ==, "Dmytro:1 Kouleba:1 Kuleba:2 Kyiv:1");
  g_assert_cmpuint (mentions_of (f, f->kouleba), ==, 1);
  dmytro = px_store_get_entity (f->store, dmytro_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_entity_get_name (dmytro), ==, "Dmytro");
  /* Nothing left to undo: the tags above were made outside the editor. */
  g_assert_false (px_editor_get_can_undo (f->editor));
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

/* Delete: the entity goes, its mentions stay unlinked, and a toast says
 * so (with Undo); undo brings the entity back with its mentions. */
static void
test_delete_entity (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEntity) back = NULL;
  g_autoptr(PxAnnotation) mention = NULL;

  select_rows (f, (const char *const[]) { "Kuleba", NULL });
  click (named (GTK_WIDGET (f->list), "delete"));
  g_assert_cmpint (entity_of (f, f->second_kuleba_mention), ==, 0);
  mention = px_store_get_annotation (f->store, f->second_kuleba_mention, &error);
  g_assert_nonnull (mention);
  g_assert_nonnull (px_test_find (GTK_WIDGET (f->list), label_contains,
                                  "Its 2 mentions are no longer linked to an entity."));
  g_assert_true (px_editor_undo (f->editor, NULL, &error));
  g_assert_no_error (error);
  back = px_store_get_entity (f->store, f->kuleba, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_entity_get_n_mentions (back), ==, 2);
  g_assert_cmpint (entity_of (f, f->second_kuleba_mention), ==, f->kuleba);
}

static void
on_activate_mention (PxEntityList *list,
                     gint64        article_id,
                     guint64       start,
                     guint64       end,
                     GString      *got)
{
  g_string_append_printf (got, "%" G_GINT64_FORMAT ":%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT,
                          article_id, start, end);
}

static void
test_activate_mention (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(PxAnnotation) second = px_store_get_annotation (f->store, f->second_kuleba_mention, NULL);
  g_autofree char *want = g_strdup_printf ("%" G_GINT64_FORMAT ":52-58", px_annotation_get_article_id (second));
  guint nth = 1;
  GtkWidget *row;

  g_signal_connect (f->list, "activate-mention", G_CALLBACK (on_activate_mention), got);
  select_rows (f, (const char *const[]) { "Kuleba", NULL });
  row = gtk_widget_get_ancestor (find_named (GTK_WIDGET (f->list), "split-check", &nth), GTK_TYPE_LIST_BOX_ROW);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_cmpstr (got->str, ==, want);
}

static void
test_split_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 split = px_entity_list_split (f->list, f->kuleba, &f->second_kuleba_mention, 1,
                                       "Dmytro Kuleba", &error);
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (split, >, 0);
  g_assert_cmpint (entity_of (f, f->second_kuleba_mention), ==, split);
  spin ();
  rows = shown_rows (f);
  g_assert_cmpstr (rows, ==, "Dmytro Kuleba:1 Kouleba:1 Kuleba:1 Kyiv:1");
  g_assert_true (px_editor_undo (f->editor, NULL, &error));
  g_assert_cmpint (entity_of (f, f->second_kuleba_mention), ==, f->kuleba);
  g_assert_cmpuint (mentions_of (f, f->kuleba), ==, 2);
  /* Redo splits it again, into the very same entity. */
  g_assert_true (px_editor_redo (f->editor, NULL, &error));
  g_assert_cmpint (entity_of (f, f->second_kuleba_mention), ==, split);
  g_assert_cmpuint (mentions_of (f, f->kuleba), ==, 1);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/entities-ui/counts-duplicates", Fixture, NULL, fixture_set_up,
              test_counts_and_duplicates, fixture_tear_down);
  g_test_add ("/entities-ui/suggestion-merge", Fixture, NULL, fixture_set_up,
              test_suggestion_merge, fixture_tear_down);
  g_test_add ("/entities-ui/placeholders", Fixture, NULL, fixture_set_up,
              test_placeholders, fixture_tear_down);
  g_test_add ("/entities-ui/selection-properties", Fixture, NULL, fixture_set_up,
              test_selection_properties, fixture_tear_down);
  g_test_add ("/entities-ui/toolbar-merge", Fixture, NULL, fixture_set_up,
              test_toolbar_merge, fixture_tear_down);
  g_test_add ("/entities-ui/split-through-page", Fixture, NULL, fixture_set_up,
              test_split_through_page, fixture_tear_down);
  g_test_add ("/entities-ui/activate-mention", Fixture, NULL, fixture_set_up,
              test_activate_mention, fixture_tear_down);
  g_test_add ("/entities-ui/split-undo", Fixture, NULL, fixture_set_up,
              test_split_and_undo, fixture_tear_down);
  g_test_add ("/entities-ui/merge-three-one-undo", Fixture, NULL, fixture_set_up,
              test_merge_three_one_undo, fixture_tear_down);
  g_test_add ("/entities-ui/delete", Fixture, NULL, fixture_set_up,
              test_delete_entity, fixture_tear_down);
  return g_test_run ();
}
