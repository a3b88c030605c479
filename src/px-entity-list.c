/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-entity-list.c: the Entities page.
 *
 * Left, every canonical entity of the corpus with its label and mention
 * counts, filterable and sortable. Right, the mentions of the selected
 * entity (activating one opens it in the Annotate page; ticking some and
 * pressing Split moves them to a new entity), and below them the pairs whose
 * match keys are one or two edits apart ("Kouleba" and "Kuleba"): those are
 * only offered for review, never merged on their own. Merges, splits and
 * renames go through the window's editor, each one undo step. */
#include "px-entity-list.h"
#include "px-test-hooks.h"
#include "px-a11y.h"
#include "px-application.h"

#include <glib/gi18n.h>

#define MAX_DUPLICATE_PAIRS 100
#define NEAR_KEY_DISTANCE   2

struct _PxEntityList
{
  GtkWidget           parent_instance;

  PxStore            *store;
  PxEditor           *editor;          /* the window's: one history */
  GListModel         *entities;
  guint               dupes_idle;
  gboolean            dupes_stale;     /* rescanned once the page is shown */

  AdwToastOverlay    *toasts;
  GtkSearchEntry     *search;
  GtkColumnView      *column_view;
  GtkMultiSelection  *selection;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkButton          *rename_button;
  GtkButton          *merge_button;
  GtkButton          *split_button;
  GtkButton          *delete_button;
  GtkListBox         *mentions;
  GtkListBox         *dupes;
  GPtrArray          *dupe_lines;      /* for tests */
  guint               n_selected;
};

G_DEFINE_FINAL_TYPE (PxEntityList, px_entity_list, GTK_TYPE_WIDGET)

enum { ACTIVATE_MENTION, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_N_SELECTED, PROP_HAS_SELECTION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
toast (PxEntityList *self,
       const char   *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

/* ---- Edits, through the window's editor ---------------------------------- */

static gboolean
editor_ready (PxEntityList  *self,
              GError       **error)
{
  if (self->editor != NULL)
    return TRUE;
  g_set_error_literal (error, PX_ERROR, PX_ERROR_INVALID, _("This corpus cannot be edited here"));
  return FALSE;
}

gboolean
px_entity_list_merge (PxEntityList  *self,
                      gint64         keep_id,
                      const gint64  *drop_ids,
                      guint          n_drop_ids,
                      GError       **error)
{
  g_return_val_if_fail (PX_IS_ENTITY_LIST (self), FALSE);
  return editor_ready (self, error)
         && px_editor_merge_entities (self->editor, keep_id, drop_ids, n_drop_ids, error);
}

gint64
px_entity_list_split (PxEntityList  *self,
                      gint64         entity_id,
                      const gint64  *annotation_ids,
                      guint          n_annotation_ids,
                      const char    *name,
                      GError       **error)
{
  g_return_val_if_fail (PX_IS_ENTITY_LIST (self), 0);
  if (!editor_ready (self, error))
    return 0;
  return px_editor_split_entity (self->editor, entity_id, annotation_ids, n_annotation_ids,
                                 name, error);
}

static gboolean
rename_entity (PxEntityList  *self,
               PxEntity      *entity,
               const char    *name,
               GError       **error)
{
  return editor_ready (self, error)
         && px_editor_rename_entity (self->editor, px_entity_get_id (entity), name, error);
}

/* ---- Selection ----------------------------------------------------------- */

/* The selected entities, most mentioned first. */
static GPtrArray *
selected_entities (PxEntityList *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint pos;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok;
       ok = gtk_bitset_iter_next (&iter, &pos))
    g_ptr_array_add (list, g_list_model_get_item (G_LIST_MODEL (self->selection), pos));
  return list;
}

static GArray *
ticked_mentions (PxEntityList *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->mentions)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "px-check");

      if (check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        {
          gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "px-annotation-id"));
          g_array_append_val (ids, id);
        }
    }
  return ids;
}

static void
update_buttons (PxEntityList *self)
{
  g_autoptr(GPtrArray) sel = selected_entities (self);
  g_autoptr(GArray) ticked = ticked_mentions (self);
  guint n_mentions = sel->len == 1 ? px_entity_get_n_mentions (g_ptr_array_index (sel, 0)) : 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->rename_button), sel->len == 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), sel->len == 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_button), sel->len >= 2);
  gtk_widget_set_sensitive (GTK_WIDGET (self->split_button),
                            sel->len == 1 && ticked->len > 0 && ticked->len < n_mentions);
}

static void
on_mention_activated (PxEntityList  *self,
                      GtkListBoxRow *row)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "px-annotation-id"));
  g_autoptr(PxAnnotation) a = px_store_get_annotation (self->store, id, &error);

  if (a == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_signal_emit (self, signals[ACTIVATE_MENTION], 0, px_annotation_get_article_id (a),
                 (guint64) px_annotation_get_start (a), (guint64) px_annotation_get_end (a));
}

static GtkWidget *
mention_row (PxEntityList *self,
             PxAnnotation *a)
{
  g_autoptr(PxArticle) article = px_store_get_article (self->store, px_annotation_get_article_id (a), NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *where = g_strdup_printf ("%s — %s", px_annotation_get_text (a),
                                            article != NULL ? px_article_get_title (article) : "?");
  GtkWidget *label = gtk_label_new (where);
  g_autofree char *check_name = g_strdup_printf (_("Pick “%s” for splitting"), where);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);
  gtk_widget_set_name (check, "split-check");
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_buttons), self);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Activate to open this mention in the Annotate page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, where, -1);
  g_object_set_data (G_OBJECT (row), "px-check", check);
  g_object_set_data (G_OBJECT (row), "px-annotation-id", GSIZE_TO_POINTER ((gsize) px_annotation_get_id (a)));
  return row;
}

static void
set_n_selected (PxEntityList *self,
                guint         n_selected)
{
  gboolean had = self->n_selected > 0;

  if (self->n_selected == n_selected)
    return;
  self->n_selected = n_selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
  if (had != (n_selected > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
}

static void
refill_mentions (PxEntityList *self)
{
  g_autoptr(GPtrArray) sel = selected_entities (self);
  GtkListBoxRow *row;

  set_n_selected (self, sel->len);

  /* Rows only: the placeholder is a child too, and must stay. */
  while ((row = gtk_list_box_get_row_at_index (self->mentions, 0)) != NULL)
    gtk_list_box_remove (self->mentions, GTK_WIDGET (row));
  if (sel->len == 1 && self->store != NULL)
    {
      g_autoptr(GListModel) list = px_store_list_entity_mentions (self->store,
                                                                  px_entity_get_id (g_ptr_array_index (sel, 0)));
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(PxAnnotation) a = g_list_model_get_item (list, i);
          gtk_list_box_append (self->mentions, mention_row (self, a));
        }
    }
  update_buttons (self);
}

/* ---- Near-key duplicates ------------------------------------------------- */

typedef struct
{
  PxEntity *entity;
  gunichar  first;
  glong     length;
} KeyInfo;

static int
compare_key_info (gconstpointer a,
                  gconstpointer b)
{
  const KeyInfo *ka = a, *kb = b;
  gint64 la = px_entity_get_label_id (ka->entity), lb = px_entity_get_label_id (kb->entity);

  if (la != lb)
    return la < lb ? -1 : 1;
  if (ka->first != kb->first)
    return ka->first < kb->first ? -1 : 1;
  return ka->length < kb->length ? -1 : ka->length > kb->length;
}

static void merge_pair (GtkButton *button, PxEntityList *self);

static GtkWidget *
dupe_row (PxEntityList *self,
          PxEntity     *keep,
          PxEntity     *drop)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  /* Translators: a review hint between two entities with near spellings. */
  g_autofree char *text = g_strdup_printf (_("“%s” (%u) may be “%s” (%u)"),
                                           px_entity_get_name (drop), px_entity_get_n_mentions (drop),
                                           px_entity_get_name (keep), px_entity_get_n_mentions (keep));
  g_autofree char *button_name = g_strdup_printf (_("Merge “%s” into “%s”"),
                                                  px_entity_get_name (drop), px_entity_get_name (keep));
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new_with_label (_("Merge"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (button, button_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
  g_object_set_data (G_OBJECT (button), "px-keep", GSIZE_TO_POINTER ((gsize) px_entity_get_id (keep)));
  g_object_set_data (G_OBJECT (button), "px-drop", GSIZE_TO_POINTER ((gsize) px_entity_get_id (drop)));
  gtk_widget_set_name (button, "merge-suggestion");
  g_signal_connect (button, "clicked", G_CALLBACK (merge_pair), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  return box;
}

/* Keys are compared within a label and a first letter, over a length
 * window: near spellings of one name nearly always share both, and this
 * keeps 10,000 entities from becoming 50 million comparisons. */
static void
find_duplicates (PxEntityList *self)
{
  guint n = self->entities != NULL ? g_list_model_get_n_items (self->entities) : 0;
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (KeyInfo), n);
  GtkListBoxRow *row;
  guint found = 0;

  while ((row = gtk_list_box_get_row_at_index (self->dupes, 0)) != NULL)
    gtk_list_box_remove (self->dupes, GTK_WIDGET (row));
  g_ptr_array_set_size (self->dupe_lines, 0);
  for (guint i = 0; i < n; i++)
    {
      KeyInfo k;
      const char *key;

      k.entity = g_list_model_get_item (self->entities, i);
      key = px_entity_get_match_key (k.entity);
      k.first = key != NULL ? g_utf8_get_char (key) : 0;
      k.length = key != NULL ? g_utf8_strlen (key, -1) : 0;
      g_array_append_val (keys, k);
    }
  g_array_sort (keys, compare_key_info);
  for (guint i = 0; i < keys->len && found < MAX_DUPLICATE_PAIRS; i++)
    {
      KeyInfo *a = &g_array_index (keys, KeyInfo, i);

      for (guint j = i + 1; j < keys->len && found < MAX_DUPLICATE_PAIRS; j++)
        {
          KeyInfo *b = &g_array_index (keys, KeyInfo, j);
          PxEntity *keep, *drop;

          if (px_entity_get_label_id (b->entity) != px_entity_get_label_id (a->entity)
              || b->first != a->first || b->length - a->length > NEAR_KEY_DISTANCE)
            break;
          if (px_text_edit_distance (px_entity_get_match_key (a->entity), px_entity_get_match_key (b->entity),
                                     NEAR_KEY_DISTANCE) > NEAR_KEY_DISTANCE)
            continue;
          /* The better attested spelling is the one to keep. */
          keep = px_entity_get_n_mentions (a->entity) >= px_entity_get_n_mentions (b->entity) ? a->entity : b->entity;
          drop = keep == a->entity ? b->entity : a->entity;
          gtk_list_box_append (self->dupes, dupe_row (self, keep, drop));
          g_ptr_array_add (self->dupe_lines, g_strdup_printf ("%s → %s", px_entity_get_name (drop),
                                                              px_entity_get_name (keep)));
          found++;
        }
    }
  for (guint i = 0; i < keys->len; i++)
    g_object_unref (g_array_index (keys, KeyInfo, i).entity);
}

static gboolean
dupes_idle_cb (gpointer data)
{
  PxEntityList *self = data;

  self->dupes_idle = 0;
  self->dupes_stale = FALSE;
  find_duplicates (self);
  refill_mentions (self);
  return G_SOURCE_REMOVE;
}

/* The pair scan costs about 0.1 s at 10,000 entities: while the page is
 * hidden, tagging in the Annotate page must not pay for it after each tag. */
static void
schedule_rescan (PxEntityList *self)
{
  if (self->dupes_idle == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->dupes_idle = g_idle_add (dupes_idle_cb, self);
}

static void
on_entities_changed (PxEntityList *self)
{
  self->dupes_stale = TRUE;
  schedule_rescan (self);
}

char *
px_entity_list_describe_duplicates (PxEntityList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  if (self->dupes_stale)
    {
      g_clear_handle_id (&self->dupes_idle, g_source_remove);
      dupes_idle_cb (self);
    }
  for (guint i = 0; i < self->dupe_lines->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->dupe_lines, i));
  lines = g_strv_builder_end (builder);
  return g_strjoinv ("; ", lines);
}

/* ---- Buttons ------------------------------------------------------------- */

static void
merge_pair (GtkButton    *button,
            PxEntityList *self)
{
  g_autoptr(GError) error = NULL;
  gint64 keep = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "px-keep"));
  gint64 drop = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "px-drop"));

  if (!px_entity_list_merge (self, keep, &drop, 1, &error))
    toast (self, error->message);
  else
    toast (self, _("Merged. Ctrl+Z undoes it."));
}

/* The entities of a pending merge dialog and its choice of survivor. */
static PxEntity *
merge_keep (AdwMessageDialog *dialog)
{
  GPtrArray *sel = g_object_get_data (G_OBJECT (dialog), "px-entities");
  GtkDropDown *keep = g_object_get_data (G_OBJECT (dialog), "px-keep");
  guint i = gtk_drop_down_get_selected (keep);

  return g_ptr_array_index (sel, i < sel->len ? i : 0);
}

/* Names every entity of the merge, so nobody merges the wrong pair. */
static void
update_merge_body (AdwMessageDialog *dialog)
{
  GPtrArray *sel = g_object_get_data (G_OBJECT (dialog), "px-entities");
  PxEntity *keep = merge_keep (dialog);
  g_autoptr(GString) others = g_string_new (NULL);
  guint n_others = 0;

  for (guint i = 0; i < sel->len; i++)
    {
      PxEntity *e = g_ptr_array_index (sel, i);

      if (e == keep)
        continue;
      if (others->len > 0)
        g_string_append (others, ", ");
      g_string_append_printf (others, "“%s”", px_entity_get_name (e));
      n_others++;
    }
  /* Translators: the first %s is one or more quoted names, joined by commas. */
  adw_message_dialog_format_body (dialog,
                                  ngettext ("%s will be merged into “%s”: its mentions become mentions of “%s”.",
                                            "%s will be merged into “%s”: their mentions become mentions of “%s”.",
                                            n_others),
                                  others->str, px_entity_get_name (keep), px_entity_get_name (keep));
}

static void
on_merge_response (AdwMessageDialog *dialog,
                   const char       *response,
                   PxEntityList     *self)
{
  GPtrArray *sel = g_object_get_data (G_OBJECT (dialog), "px-entities");
  PxEntity *keep = merge_keep (dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) drop = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (g_strcmp0 (response, "merge") != 0)
    return;
  /* One call: one undo step, and undo brings back the very same rows. */
  for (guint i = 0; i < sel->len; i++)
    if (g_ptr_array_index (sel, i) != keep)
      {
        gint64 id = px_entity_get_id (g_ptr_array_index (sel, i));
        g_array_append_val (drop, id);
      }
  if (!px_entity_list_merge (self, px_entity_get_id (keep), (const gint64 *) (gpointer) drop->data,
                             drop->len, &error))
    toast (self, error->message);
  else
    toast (self, _("Merged. Ctrl+Z undoes it."));
}

static int
by_mentions (gconstpointer a,
             gconstpointer b)
{
  PxEntity *ea = *(PxEntity **) a, *eb = *(PxEntity **) b;

  return (int) px_entity_get_n_mentions (eb) - (int) px_entity_get_n_mentions (ea);
}

/* "Keep: [Kuleba (2 mentions) ▾]", the most mentioned chosen first. */
static GtkWidget *
keep_chooser (GPtrArray *sel)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Keep"));
  GtkWidget *drop_down;

  for (guint i = 0; i < sel->len; i++)
    {
      PxEntity *e = g_ptr_array_index (sel, i);
      g_autofree char *item = g_strdup_printf (ngettext ("%s (%u mention)", "%s (%u mentions)",
                                                         px_entity_get_n_mentions (e)),
                                               px_entity_get_name (e), px_entity_get_n_mentions (e));
      g_strv_builder_add (builder, item);
    }
  names = g_strv_builder_end (builder);
  drop_down = gtk_drop_down_new_from_strings ((const char *const *) names);
  gtk_widget_set_hexpand (drop_down, TRUE);
  gtk_widget_set_name (drop_down, "merge-keep");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  px_a11y_name_drop_down (drop_down, _("Entity to keep"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop_down);
  return box;
}

static void
on_merge_clicked (PxEntityList *self)
{
  g_autoptr(GPtrArray) sel = selected_entities (self);
  AdwMessageDialog *dialog;
  GtkWidget *chooser;

  if (sel->len < 2)
    return;
  g_ptr_array_sort (sel, by_mentions);
  for (guint i = 1; i < sel->len; i++)
    if (px_entity_get_label_id (g_ptr_array_index (sel, i)) != px_entity_get_label_id (g_ptr_array_index (sel, 0)))
      {
        toast (self, _("Only entities with the same label can be merged"));
        return;
      }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Merge Entities?"), NULL));
  chooser = keep_chooser (sel);
  g_object_set_data_full (G_OBJECT (dialog), "px-entities", g_ptr_array_ref (sel),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "px-keep", gtk_widget_get_last_child (chooser));
  adw_message_dialog_set_extra_child (dialog, chooser);
  update_merge_body (dialog);
  g_signal_connect_swapped (gtk_widget_get_last_child (chooser), "notify::selected",
                            G_CALLBACK (update_merge_body), dialog);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "merge");
  g_signal_connect (dialog, "response", G_CALLBACK (on_merge_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Asks for a name, then calls @done with it. */
static void
ask_name (PxEntityList *self,
          const char   *heading,
          const char   *body,
          const char   *initial,
          const char   *action_label,
          GCallback     done)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_name (entry, "entity-name");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "ok", action_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  g_object_set_data (G_OBJECT (dialog), "px-entry", entry);
  g_signal_connect (dialog, "response", done, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
dialog_name (AdwMessageDialog *dialog)
{
  return gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "px-entry")));
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PxEntityList     *self)
{
  g_autoptr(GPtrArray) sel = selected_entities (self);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "ok") != 0 || sel->len != 1)
    return;
  if (!rename_entity (self, g_ptr_array_index (sel, 0), dialog_name (dialog), &error))
    toast (self, error->message);
}

static void
on_rename_clicked (PxEntityList *self)
{
  g_autoptr(GPtrArray) sel = selected_entities (self);

  if (sel->len != 1)
    return;
  ask_name (self, _("Rename Entity"), NULL, px_entity_get_name (g_ptr_array_index (sel, 0)),
            _("_Rename"), G_CALLBACK (on_rename_response));
}

static void
on_split_response (AdwMessageDialog *dialog,
                   const char       *response,
                   PxEntityList     *self)
{
  g_autoptr(GPtrArray) sel = selected_entities (self);
  g_autoptr(GArray) ticked = ticked_mentions (self);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "ok") != 0 || sel->len != 1 || ticked->len == 0)
    return;
  if (px_entity_list_split (self, px_entity_get_id (g_ptr_array_index (sel, 0)),
                            (const gint64 *) (gpointer) ticked->data, ticked->len,
                            dialog_name (dialog), &error) == 0)
    toast (self, error->message);
}

static void
on_split_clicked (PxEntityList *self)
{
  g_autoptr(GPtrArray) sel = selected_entities (self);
  g_autoptr(GArray) ticked = ticked_mentions (self);
  g_autofree char *body = NULL;

  if (sel->len != 1 || ticked->len == 0)
    return;
  body = g_strdup_printf (ngettext ("The ticked mention becomes a new entity.",
                                    "The %u ticked mentions become a new entity.", ticked->len),
                          ticked->len);
  ask_name (self, _("Split Entity"), body, px_entity_get_name (g_ptr_array_index (sel, 0)),
            _("_Split"), G_CALLBACK (on_split_response));
}

/* Its mentions stay, unlinked: the toast says how many, with Undo. */
static void
on_delete_clicked (PxEntityList *self)
{
  g_autoptr(GPtrArray) sel = selected_entities (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  const char *notice;
  AdwToast *t;

  if (sel->len != 1 || !editor_ready (self, &error)
      || !px_editor_delete_entity (self->editor, px_entity_get_id (g_ptr_array_index (sel, 0)), &error))
    {
      if (error != NULL)
        toast (self, error->message);
      return;
    }
  notice = px_editor_get_notice (self->editor);
  /* Translators: %s is an entity's name */
  message = g_strdup_printf (_("“%s” deleted. %s"), px_entity_get_name (g_ptr_array_index (sel, 0)),
                             notice != NULL ? notice : "");
  escaped = g_markup_escape_text (g_strstrip (message), -1);
  t = adw_toast_new (escaped);
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (t, 8);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "win.undo");
  adw_toast_overlay_add_toast (self->toasts, t);
}

/* ---- Layout -------------------------------------------------------------- */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  PxEntity *e = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *column = g_object_get_data (G_OBJECT (factory), "px-column");
  g_autofree char *text = NULL;

  if (g_str_equal (column, "name"))
    text = g_strdup (px_entity_get_name (e));
  else if (g_str_equal (column, "label"))
    text = g_strdup (px_entity_get_label_name (e));
  else if (g_str_equal (column, "mentions"))
    text = g_strdup_printf ("%u", px_entity_get_n_mentions (e));
  else
    text = g_strdup_printf ("%u", px_entity_get_n_articles (e));
  gtk_label_set_text (label, text);
}

static void
add_column (PxEntityList *self,
            const char   *title,
            const char   *column,
            const char   *property,
            gboolean      numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;
  GtkSorter *sorter;
  GtkExpression *expr = gtk_property_expression_new (PX_TYPE_ENTITY, NULL, property);

  g_object_set_data (G_OBJECT (factory), "px-column", (gpointer) column);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
  if (numeric)
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expr));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (expr));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (col, sorter);
  gtk_column_view_column_set_expand (col, !numeric);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (sorter);
  g_object_unref (col);
}

/* The template's models: the column view sorts what the search filters. */
static void
setup_models (PxEntityList *self)
{
  GtkExpression *name = gtk_property_expression_new (PX_TYPE_ENTITY, NULL, "name");
  GtkStringFilter *filter = gtk_string_filter_new (name);

  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  g_object_bind_property (self->search, "text", filter, "search", G_BINDING_DEFAULT);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), NULL);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (refill_mentions), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  px_a11y_name_column_view (self->column_view, _("Entities of the corpus"));
  add_column (self, _("Name"), "name", "name", FALSE);
  add_column (self, _("Label"), "label", "label-name", FALSE);
  add_column (self, _("Mentions"), "mentions", "n-mentions", TRUE);
  add_column (self, _("Articles"), "articles", "n-articles", TRUE);
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
}

/* A mnemonic's underscore must not reach screen readers: the buttons are
 * named by their translated labels without it. */
static void
name_buttons (PxEntityList *self)
{
  GtkButton *buttons[] = { self->rename_button, self->merge_button, self->split_button,
                           self->delete_button };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      g_autoptr(GString) plain = g_string_new (gtk_button_get_label (buttons[i]));

      g_string_replace (plain, "_", "", 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      plain->str, -1);
    }
}

/* ---- GObject and API ------------------------------------------------------ */

void
px_entity_list_set_store (PxEntityList *self,
                          PxStore      *store)
{
  g_return_if_fail (PX_IS_ENTITY_LIST (self));

  if (self->entities != NULL)
    g_signal_handlers_disconnect_by_data (self->entities, self);
  g_clear_object (&self->entities);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      self->entities = px_store_list_entities (store);
      g_signal_connect_swapped (self->entities, "items-changed", G_CALLBACK (on_entities_changed), self);
    }
  gtk_filter_list_model_set_model (self->filtered, self->entities);
  on_entities_changed (self);
}

void
px_entity_list_set_editor (PxEntityList *self,
                           PxEditor     *editor)
{
  g_return_if_fail (PX_IS_ENTITY_LIST (self));
  g_set_object (&self->editor, editor);
}

static void
px_entity_list_map (GtkWidget *widget)
{
  PxEntityList *self = PX_ENTITY_LIST (widget);

  GTK_WIDGET_CLASS (px_entity_list_parent_class)->map (widget);
  if (self->dupes_stale)
    schedule_rescan (self);
}

static void
px_entity_list_dispose (GObject *object)
{
  PxEntityList *self = PX_ENTITY_LIST (object);

  g_clear_handle_id (&self->dupes_idle, g_source_remove);
  if (self->entities != NULL)
    g_signal_handlers_disconnect_by_data (self->entities, self);
  g_clear_object (&self->entities);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_ENTITY_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);
  g_clear_object (&self->editor);
  g_clear_pointer (&self->dupe_lines, g_ptr_array_unref);
  G_OBJECT_CLASS (px_entity_list_parent_class)->dispose (object);
}

static void
px_entity_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PxEntityList *self = PX_ENTITY_LIST (object);

  switch (prop_id)
    {
    case PROP_N_SELECTED:
      g_value_set_uint (value, self->n_selected);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->n_selected > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_entity_list_class_init (PxEntityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_entity_list_dispose;
  object_class->get_property = px_entity_list_get_property;

  /* How many entities are selected in the table. */
  properties[PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* UI tests build this page without the application. */
  px_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax/Parallax/px-entity-list.ui");
  gtk_widget_class_bind_template_child (widget_class, PxEntityList, toasts);
  gtk_widget_class_bind_template_child (widget_class, PxEntityList, search);
  gtk_widget_class_bind_template_child (widget_class, PxEntityList, column_view);
  gtk_widget_class_bind_template_child (widget_class, PxEntityList, rename_button);
  gtk_widget_class_bind_template_child (widget_class, PxEntityList, merge_button);
  gtk_widget_class_bind_template_child (widget_class, PxEntityList, split_button);
  gtk_widget_class_bind_template_child (widget_class, PxEntityList, delete_button);
  gtk_widget_class_bind_template_child (widget_class, PxEntityList, mentions);
  gtk_widget_class_bind_template_child (widget_class, PxEntityList, dupes);
  gtk_widget_class_bind_template_callback (widget_class, on_rename_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_split_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_mention_activated);
  widget_class->map = px_entity_list_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pxentitylist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /* (article_id, start, end): a mention to open. */
  signals[ACTIVATE_MENTION] =
    g_signal_new ("activate-mention", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT64, G_TYPE_UINT64);
}

static void
px_entity_list_init (PxEntityList *self)
{
  self->dupe_lines = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_models (self);
  name_buttons (self);
}

GtkWidget *
px_entity_list_new (void)
{
  return g_object_new (PX_TYPE_ENTITY_LIST, NULL);
}
