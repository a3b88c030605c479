/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-inspector.c: the detail pane for the selected annotation.
 *
 * Its widgets are built once and refilled, never rebuilt, so that keyboard
 * focus survives the store's refresh after an edit (the annotation list
 * replaces the changed item and the workspace selects it again). */
#include "px-inspector.h"
#include "px-a11y.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-text.h"

/* Near keys offered as "Did you mean …?": one or two edits apart. */
#define CANDIDATE_DISTANCE 2
#define MAX_CANDIDATES     3
#define MAX_LINK_ROWS      40

struct _PxInspector
{
  GtkWidget     parent_instance;

  PxStore      *store;
  PxAnnotation *annotation;
  PxEvent      *event;
  gboolean      updating;     /* refilling: ignore the widgets' signals */

  GtkStack     *stack;
  GtkDropDown  *label_dropdown;
  GtkLabel     *text_label;
  GtkLabel     *span_label;

  GtkWidget    *entity_section;
  GtkLabel     *entity_name;
  GtkBox       *candidates;
  GtkMenuButton *link_button;
  GtkSearchEntry *link_search;
  GtkListBox   *link_list;

  GtkEntry     *note_entry;
  PxEditor     *editor;
  GtkWidget    *value_section;
  GtkEntry     *value_entry;
  GtkLabel     *value_how;
  gint64        value_annotation_id;
  char         *value_original;
  gint64        note_annotation_id;
  char         *note_original;

  GtkLabel     *argument_of;

  GtkWidget    *event_section;
  GtkLabel     *event_title;
  GtkListBox   *arguments;
};

G_DEFINE_FINAL_TYPE (PxInspector, px_inspector, GTK_TYPE_WIDGET)

static void
set_a11y_label (gpointer    widget,
                const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* gtk_list_box_remove_all() is GTK 4.12. */
static void
list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
caption_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

static gint64
annotation_id (PxInspector *self)
{
  return self->annotation != NULL ? px_annotation_get_id (self->annotation) : 0;
}

/* ---- Label --------------------------------------------------------------- */

static void
on_label_selected (PxInspector *self)
{
  PxLabel *label = gtk_drop_down_get_selected_item (self->label_dropdown);

  if (self->updating || self->annotation == NULL || label == NULL
      || px_label_get_id (label) == px_annotation_get_label_id (self->annotation))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "workspace.set-label", "(xx)",
                              annotation_id (self), px_label_get_id (label));
}

static void
refresh_label (PxInspector *self)
{
  GListModel *labels = gtk_drop_down_get_model (self->label_dropdown);
  guint n = labels != NULL ? g_list_model_get_n_items (labels) : 0;
  guint pos = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n && pos == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (labels, i);

      if (px_label_get_id (label) == px_annotation_get_label_id (self->annotation))
        pos = i;
    }
  gtk_drop_down_set_selected (self->label_dropdown, pos);
}

/* ---- Entity -------------------------------------------------------------- */

static void
link_to (PxInspector *self,
         gint64       entity_id)
{
  gtk_menu_button_popdown (self->link_button);
  gtk_widget_activate_action (GTK_WIDGET (self), "workspace.link-entity", "(xx)",
                              annotation_id (self), entity_id);
}

static void
on_candidate_clicked (GtkButton   *button,
                      PxInspector *self)
{
  link_to (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "px-entity-id")));
}

/* "Did you mean Kuleba?" for a near key, "Link to Kuleba" for an equal key
 * (another entity of that key, or the mention is not linked yet). */
static char *
candidate_text (PxEntity   *entity,
                const char *key)
{
  if (g_strcmp0 (px_entity_get_match_key (entity), key) == 0)
    /* Translators: %s is an entity name */
    return g_strdup_printf (_("Link to %s"), px_entity_get_name (entity));
  /* Translators: %s is an entity name with a similar spelling */
  return g_strdup_printf (_("Did you mean %s?"), px_entity_get_name (entity));
}

static GPtrArray *
find_candidates (PxInspector *self)
{
  g_autofree char *key = px_text_match_key (px_annotation_get_text (self->annotation));

  return px_store_entity_candidates (self->store, key,
                                     px_annotation_get_label_id (self->annotation),
                                     CANDIDATE_DISTANCE,
                                     px_annotation_get_entity_id (self->annotation));
}

static void
refresh_candidates (PxInspector *self)
{
  g_autofree char *key = px_text_match_key (px_annotation_get_text (self->annotation));
  g_autoptr(GPtrArray) found = find_candidates (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidates))) != NULL)
    gtk_box_remove (self->candidates, child);
  for (guint i = 0; found != NULL && i < found->len && i < MAX_CANDIDATES; i++)
    {
      PxEntity *entity = found->pdata[i];
      g_autofree char *text = candidate_text (entity, key);
      GtkWidget *button = gtk_button_new_with_label (text);

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      gtk_widget_set_name (button, "px-candidate");
      g_object_set_data (G_OBJECT (button), "px-entity-id",
                         GSIZE_TO_POINTER ((gsize) px_entity_get_id (entity)));
      g_signal_connect (button, "clicked", G_CALLBACK (on_candidate_clicked), self);
      gtk_box_append (self->candidates, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->candidates),
                          gtk_widget_get_first_child (GTK_WIDGET (self->candidates)) != NULL);
}

typedef enum
{
  ROW_LINK,
  ROW_NEW,
  ROW_UNLINK,
} RowKind;

static GtkWidget *
add_link_row (PxInspector *self,
              RowKind      kind,
              gint64       entity_id,
              const char  *text,
              const char  *detail)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (detail != NULL)
    {
      GtkWidget *dim = gtk_label_new (detail);

      gtk_widget_add_css_class (dim, "dim-label");
      gtk_widget_add_css_class (dim, "numeric");
      gtk_box_append (GTK_BOX (box), dim);
    }
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "px-kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (row), "px-entity-id", GSIZE_TO_POINTER ((gsize) entity_id));
  g_object_set_data_full (G_OBJECT (row), "px-name", g_strdup (text), g_free);
  set_a11y_label (row, text);
  gtk_list_box_append (self->link_list, row);
  return row;
}

/* Entities of the mention's label whose key contains the query's key,
 * candidates first, then "New entity" and "Unlink". */
static void
fill_link_list (PxInspector *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->link_search));
  const char *name = *query != '\0' ? query : px_annotation_get_text (self->annotation);
  g_autofree char *key = px_text_match_key (query);
  g_autofree char *mention_key = px_text_match_key (px_annotation_get_text (self->annotation));
  g_autoptr(GPtrArray) found = find_candidates (self);
  g_autoptr(GListModel) all = px_store_list_entities (self->store);
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 label_id = px_annotation_get_label_id (self->annotation);
  gint64 linked = px_annotation_get_entity_id (self->annotation);
  g_autofree char *new_text = NULL;
  GtkWidget *row;
  guint n_rows = 0;

  list_box_clear (self->link_list);
  for (guint i = 0; *query == '\0' && found != NULL && i < found->len && i < MAX_CANDIDATES; i++)
    {
      PxEntity *e = found->pdata[i];
      g_autofree char *text = candidate_text (e, mention_key);
      gint64 id = px_entity_get_id (e);

      add_link_row (self, ROW_LINK, id, text, NULL);
      g_hash_table_add (shown, g_memdup2 (&id, sizeof id));
      n_rows++;
    }
  for (guint i = 0; i < g_list_model_get_n_items (all) && n_rows < MAX_LINK_ROWS; i++)
    {
      g_autoptr(PxEntity) e = g_list_model_get_item (all, i);
      gint64 id = px_entity_get_id (e);
      g_autofree char *mentions = NULL;

      if (px_entity_get_label_id (e) != label_id || id == linked
          || g_hash_table_contains (shown, &id)
          || (*key != '\0' && strstr (px_entity_get_match_key (e), key) == NULL))
        continue;
      mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", px_entity_get_n_mentions (e)),
                                  px_entity_get_n_mentions (e));
      add_link_row (self, ROW_LINK, id, px_entity_get_name (e), mentions);
      n_rows++;
    }
  /* Translators: %s is the name the new entity gets */
  new_text = g_strdup_printf (_("New entity “%s”"), name);
  row = add_link_row (self, ROW_NEW, 0, new_text, NULL);
  /* The name the new entity gets, not the row's text. */
  g_object_set_data_full (G_OBJECT (row), "px-name", g_strdup (name), g_free);
  if (linked != 0)
    add_link_row (self, ROW_UNLINK, 0, _("Unlink"), NULL);
}

static void
on_link_row_activated (PxInspector   *self,
                       GtkListBoxRow *row)
{
  RowKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "px-kind"));
  gint64 entity_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "px-entity-id"));
  const char *name = g_object_get_data (G_OBJECT (row), "px-name");

  if (self->annotation == NULL)
    return;
  if (kind == ROW_NEW)
    {
      gtk_menu_button_popdown (self->link_button);
      gtk_widget_activate_action (GTK_WIDGET (self), "workspace.new-entity", "(xs)",
                                  annotation_id (self), name);
    }
  else
    link_to (self, kind == ROW_UNLINK ? 0 : entity_id);
}

static void
on_link_search_activate (PxInspector *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->link_list, 0);

  if (row != NULL)
    on_link_row_activated (self, row);
}

static void
on_link_popover_shown (PxInspector *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->link_search), "");
  if (self->annotation != NULL && self->store != NULL)
    fill_link_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_search));
}

static void
on_link_search_changed (PxInspector *self)
{
  if (self->annotation != NULL && self->store != NULL)
    fill_link_list (self);
}

static void
refresh_entity (PxInspector *self)
{
  const char *name = px_annotation_get_entity_name (self->annotation);
  gboolean entity = px_annotation_get_kind (self->annotation) == PX_LABEL_ENTITY;

  gtk_widget_set_visible (self->entity_section, entity);
  if (!entity)
    return;
  gtk_label_set_text (self->entity_name, name != NULL ? name : _("Not linked"));
  if (name != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->entity_name), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->entity_name), "dim-label");
  refresh_candidates (self);
}

static GtkWidget *
build_link_popover (PxInspector *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->link_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  set_a11y_label (self->link_search, _("Search entities"));
  g_object_set (self->link_search, "placeholder-text", _("Search entities"), NULL);
  g_signal_connect_swapped (self->link_search, "search-changed",
                            G_CALLBACK (on_link_search_changed), self);
  g_signal_connect_swapped (self->link_search, "activate",
                            G_CALLBACK (on_link_search_activate), self);
  self->link_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (self->link_list, TRUE);
  set_a11y_label (self->link_list, _("Entities to link to"));
  g_signal_connect_swapped (self->link_list, "row-activated",
                            G_CALLBACK (on_link_row_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->link_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_widget_set_size_request (scroller, 260, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->link_search));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_link_popover_shown), self);
  return popover;
}

static GtkWidget *
build_entity_section (PxInspector *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->entity_name = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->entity_name, 0);
  gtk_label_set_wrap (self->entity_name, TRUE);
  gtk_label_set_selectable (self->entity_name, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entity_name), TRUE);
  self->link_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->link_button, _("Link to…"));
  gtk_menu_button_set_popover (self->link_button, build_link_popover (self));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button),
                               _("Link this mention to another entity, or to a new one"));
  set_a11y_label (self->link_button, _("Link to entity"));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->entity_name));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->link_button));
  self->candidates = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  set_a11y_label (self->candidates, _("Entities with a similar name"));
  gtk_box_append (GTK_BOX (box), caption_new (_("Entity")));
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->candidates));
  self->entity_section = box;
  return box;
}

/* ---- Note ---------------------------------------------------------------- */

void
px_inspector_commit_note (PxInspector *self)
{
  const char *text;

  g_return_if_fail (PX_IS_INSPECTOR (self));
  if (self->note_annotation_id == 0)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  if (g_strcmp0 (text, self->note_original != NULL ? self->note_original : "") == 0)
    return;
  g_free (self->note_original);
  self->note_original = g_strdup (text);
  gtk_widget_activate_action (GTK_WIDGET (self), "workspace.set-note", "(xs)",
                              self->note_annotation_id, text);
}

static void
on_note_focus_leave (PxInspector *self)
{
  if (!self->updating)
    px_inspector_commit_note (self);
}

static void
refresh_note (PxInspector *self)
{
  const char *note = px_annotation_get_note (self->annotation);
  gint64 id = annotation_id (self);

  /* Keep what is being typed when only the list refreshed. */
  if (id == self->note_annotation_id
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)),
                    self->note_original != NULL ? self->note_original : "") != 0)
    return;
  self->note_annotation_id = id;
  g_free (self->note_original);
  self->note_original = g_strdup (note != NULL ? note : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), self->note_original);
}

static GtkWidget *
build_note (PxInspector *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->note_entry), "note-entry");
  gtk_entry_set_placeholder_text (self->note_entry, _("Add a note"));
  set_a11y_label (self->note_entry, _("Note"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->note_entry),
                               _("Saved when you press Enter or leave the field"));
  g_signal_connect_swapped (self->note_entry, "activate",
                            G_CALLBACK (px_inspector_commit_note), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_note_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), focus);
  return GTK_WIDGET (self->note_entry);
}

/* ---- Value (DATE, NUM, QUOTE) -------------------------------------------- */

static void
commit_value (PxInspector *self)
{
  const char *text;

  if (self->value_annotation_id == 0 || self->updating)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->value_entry));
  if (g_strcmp0 (text, self->value_original != NULL ? self->value_original : "") == 0)
    return;
  g_free (self->value_original);
  self->value_original = g_strdup (text);
  gtk_widget_activate_action (GTK_WIDGET (self), "workspace.set-value", "(xs)",
                              self->value_annotation_id, text);
}

/* A value mention shows its value, how it was read, and an entry to
 * correct it; other annotations hide the section. */
static void
refresh_value (PxInspector *self)
{
  const char *value = px_annotation_get_value (self->annotation);
  gboolean is_value = px_annotation_get_value_type (self->annotation) != NULL;
  g_autofree char *how = NULL;

  gtk_widget_set_visible (self->value_section, is_value);
  if (!is_value)
    {
      self->value_annotation_id = 0;
      return;
    }
  self->value_annotation_id = px_annotation_get_id (self->annotation);
  g_free (self->value_original);
  self->value_original = g_strdup (value != NULL ? value : "");
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), self->value_original);
  if (self->editor != NULL)
    how = px_editor_describe_value (self->editor, self->annotation);
  gtk_label_set_text (self->value_how, how != NULL ? how : "");
  gtk_widget_set_visible (GTK_WIDGET (self->value_how), how != NULL && *how != '\0');
}

static GtkWidget *
build_value (PxInspector *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_box_append (GTK_BOX (box), caption_new (_("Value")));
  self->value_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->value_entry), "value-entry");
  gtk_entry_set_placeholder_text (self->value_entry, _("Not read yet: type the value"));
  set_a11y_label (self->value_entry, _("Value"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_entry),
                               _("A date as 2022-03-10 (or 2022-03, 2022-W10), a number or range "
                                 "as 12 or 2100000/2200000, a speaker's name for a quote. "
                                 "Saved when you press Enter or leave the field"));
  g_signal_connect_swapped (self->value_entry, "activate", G_CALLBACK (commit_value), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit_value), self);
  gtk_widget_add_controller (GTK_WIDGET (self->value_entry), focus);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->value_entry));
  self->value_how = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->value_how, 0);
  gtk_label_set_wrap (self->value_how, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->value_how), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->value_how));
  self->value_section = box;
  gtk_widget_set_visible (box, FALSE);
  return box;
}

void
px_inspector_set_editor (PxInspector *self,
                         PxEditor    *editor)
{
  g_return_if_fail (PX_IS_INSPECTOR (self));
  g_set_object (&self->editor, editor);
}

/* ---- Event --------------------------------------------------------------- */

static GtkWidget *
argument_row_new (PxInspector           *self,
                  const PxEventArgument *arg)
{
  g_autoptr(PxAnnotation) a = px_store_get_annotation (self->store, arg->annotation_id, NULL);
  const char *text = a != NULL ? px_annotation_get_text (a) : "?";
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *role = gtk_label_new (arg->role);
  GtkWidget *mention = gtk_button_new_with_label (text);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *show = NULL;
  g_autofree char *drop = NULL;

  gtk_label_set_xalign (GTK_LABEL (role), 0);
  gtk_label_set_width_chars (GTK_LABEL (role), 10);
  gtk_widget_add_css_class (role, "dim-label");
  gtk_widget_add_css_class (mention, "flat");
  gtk_widget_set_hexpand (mention, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (mention))), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (mention))), 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (mention), "workspace.select-annotation");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (mention), "x", arg->annotation_id);
  /* Translators: %s is a role such as Participant, %s the mention's text */
  show = g_strdup_printf (_("%s: %s, show in the text"), arg->role, text);
  set_a11y_label (mention, show);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "workspace.remove-argument");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(xsx)",
                                    px_event_get_trigger_annotation_id (self->event),
                                    arg->role, arg->annotation_id);
  /* Translators: %s is a role such as Participant, %s the mention's text */
  drop = g_strdup_printf (_("Remove argument %s: %s"), arg->role, text);
  set_a11y_label (remove, drop);
  gtk_widget_set_tooltip_text (remove, drop);
  gtk_box_append (GTK_BOX (box), role);
  gtk_box_append (GTK_BOX (box), mention);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static void
refresh_event (PxInspector *self)
{
  gboolean trigger = px_annotation_get_kind (self->annotation) == PX_LABEL_EVENT;
  guint n = self->event != NULL ? px_event_get_n_arguments (self->event) : 0;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (self->event_section, trigger);
  list_box_clear (self->arguments);
  if (!trigger)
    return;
  if (self->event != NULL)
    /* Translators: %s is an event type such as Meet */
    title = g_strdup_printf (_("%s event"), px_event_get_label_name (self->event));
  else
    title = g_strdup (_("No event yet"));
  gtk_label_set_text (self->event_title, title);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                                  argument_row_new (self, px_event_get_argument (self->event, i)));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->arguments, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->arguments), n > 0);
}

static GtkWidget *
build_event_section (PxInspector *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Argument"));

  self->event_title = GTK_LABEL (caption_new (NULL));
  gtk_label_set_wrap (self->event_title, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->event_title), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->event_title), GTK_ALIGN_CENTER);
  self->arguments = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->arguments, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->arguments), "boxed-list");
  set_a11y_label (self->arguments, _("Event arguments"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "workspace.add-argument");
  gtk_widget_set_tooltip_text (add, _("Use the selected text or the mention at the cursor as an argument (r)"));
  set_a11y_label (add, _("Add Argument"));
  /* Beside the title, so that a long list never pushes it out of sight. */
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (self->event_title));
  gtk_box_append (GTK_BOX (head), add);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->arguments));
  self->event_section = box;
  return box;
}

/* ---- Layout -------------------------------------------------------------- */

static GtkWidget *
build_label_row (PxInspector *self)
{
  GtkExpression *name = gtk_property_expression_new (PX_TYPE_LABEL, NULL, "name");

  self->label_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, name));
  px_a11y_name_drop_down (GTK_WIDGET (self->label_dropdown), _("Label of the annotation"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label_dropdown), _("Change the label"));
  gtk_widget_set_halign (GTK_WIDGET (self->label_dropdown), GTK_ALIGN_START);
  g_signal_connect_swapped (self->label_dropdown, "notify::selected",
                            G_CALLBACK (on_label_selected), self);
  return GTK_WIDGET (self->label_dropdown);
}

static GtkWidget *
build_detail (PxInspector *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->text_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->text_label, 0);
  gtk_label_set_wrap (self->text_label, TRUE);
  gtk_label_set_wrap_mode (self->text_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->text_label, 4);
  gtk_label_set_ellipsize (self->text_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "title-4");
  self->span_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->span_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->span_label), "numeric");
  gtk_widget_set_hexpand (GTK_WIDGET (self->span_label), TRUE);
  gtk_label_set_xalign (self->span_label, 1);
  gtk_box_append (GTK_BOX (head), build_label_row (self));
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (self->span_label));
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->text_label));
  gtk_box_append (GTK_BOX (box), build_entity_section (self));
  gtk_box_append (GTK_BOX (box), build_value (self));
  self->argument_of = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->argument_of, 0);
  gtk_label_set_wrap (self->argument_of, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->argument_of), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->argument_of), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->argument_of));
  gtk_box_append (GTK_BOX (box), build_event_section (self));
  gtk_box_append (GTK_BOX (box), caption_new (_("Note")));
  gtk_box_append (GTK_BOX (box), build_note (self));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scroller;
}

static GtkWidget *
build_empty (void)
{
  GtkWidget *label = gtk_label_new (_("Select an annotation to see its label, entity, note and event"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
  return label;
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
px_inspector_new (void)
{
  return g_object_new (PX_TYPE_INSPECTOR, NULL);
}

void
px_inspector_set_store (PxInspector *self,
                        PxStore     *store)
{
  g_autoptr(GListModel) labels = NULL;

  g_return_if_fail (PX_IS_INSPECTOR (self));
  g_return_if_fail (store == NULL || PX_IS_STORE (store));

  px_inspector_show (self, NULL, NULL);
  g_set_object (&self->store, store);
  if (store != NULL)
    labels = px_store_list_labels (store);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->label_dropdown, labels);
  self->updating = FALSE;
}

void
px_inspector_show (PxInspector  *self,
                   PxAnnotation *annotation,
                   PxEvent      *event)
{
  g_autofree char *span = NULL;

  g_return_if_fail (PX_IS_INSPECTOR (self));
  g_return_if_fail (annotation == NULL || PX_IS_ANNOTATION (annotation));

  if (annotation_id (self) != (annotation != NULL ? px_annotation_get_id (annotation) : 0))
    {
      px_inspector_commit_note (self);
      commit_value (self);
    }
  g_set_object (&self->annotation, annotation);
  g_set_object (&self->event, event);
  px_inspector_set_argument_of (self, NULL);
  if (annotation == NULL || self->store == NULL)
    {
      self->note_annotation_id = 0;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->updating = TRUE;
  refresh_label (self);
  gtk_label_set_text (self->text_label, px_annotation_get_text (annotation));
  /* Offsets need no translation: "12–17" reads the same everywhere. */
  span = g_strdup_printf ("%" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT,
                          px_annotation_get_start (annotation), px_annotation_get_end (annotation));
  gtk_label_set_text (self->span_label, span);
  refresh_entity (self);
  refresh_value (self);
  refresh_event (self);
  refresh_note (self);
  gtk_stack_set_visible_child_name (self->stack, "detail");
  self->updating = FALSE;
}

void
px_inspector_set_argument_of (PxInspector *self,
                              const char  *text)
{
  g_return_if_fail (PX_IS_INSPECTOR (self));

  gtk_label_set_text (self->argument_of, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->argument_of), text != NULL && *text != '\0');
}

PxAnnotation *
px_inspector_get_annotation (PxInspector *self)
{
  g_return_val_if_fail (PX_IS_INSPECTOR (self), NULL);
  return self->annotation;
}

/* ---- GObject ------------------------------------------------------------- */

static void
px_inspector_dispose (GObject *object)
{
  PxInspector *self = PX_INSPECTOR (object);

  g_clear_pointer ((GtkWidget **) &self->stack, gtk_widget_unparent);
  g_clear_object (&self->annotation);
  g_clear_object (&self->event);
  g_clear_object (&self->store);
  g_clear_object (&self->editor);
  g_clear_pointer (&self->note_original, g_free);
  g_clear_pointer (&self->value_original, g_free);
  G_OBJECT_CLASS (px_inspector_parent_class)->dispose (object);
}

static void
px_inspector_class_init (PxInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_inspector_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pxinspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
px_inspector_init (PxInspector *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, build_empty (), "empty");
  gtk_stack_add_named (self->stack, build_detail (self), "detail");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  set_a11y_label (self, _("Selected annotation"));
}
