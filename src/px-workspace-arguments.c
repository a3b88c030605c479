/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-workspace-arguments.c: adding an argument to the event being edited:
 * r (or the inspector's Add Argument) takes the mention the selection
 * covers or the cursor is in, or the selected text, and a popover
 * (PxArgumentPopover) asks for an entity label (new text only) and then
 * the role. px-workspace-events.c stores the result. */
#include "px-workspace-private.h"

#include <glib/gi18n.h>

#include "px-argument-popover.h"
#include "px-text.h"

/* The entity mention with exactly this span, or (@exact FALSE) the
 * innermost one around @start. */
static PxAnnotation *
find_mention (PxWorkspace *self,
              gsize        start,
              gsize        end,
              gboolean     exact)
{
  guint n = self->annotations != NULL ? g_list_model_get_n_items (self->annotations) : 0;
  PxAnnotation *best = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAnnotation) a = g_list_model_get_item (self->annotations, i);
      gsize s = px_annotation_get_start (a), e = px_annotation_get_end (a);

      if (s > start)
        break;
      if (px_annotation_get_kind (a) != PX_LABEL_ENTITY
          || px_annotation_get_status (a) != PX_ANNOTATION_ACCEPTED)
        continue;
      if (exact ? (s == start && e == end)
                : (start < e && (best == NULL || e - s < px_annotation_get_end (best) - px_annotation_get_start (best))))
        g_set_object (&best, a);
    }
  return best;
}

static gboolean
snapping_enabled (PxWorkspace *self)
{
  return self->settings == NULL || g_settings_get_boolean (self->settings, "word-snapping");
}

/* What the argument is: the mention the selection covers or the cursor is
 * in, else the selected text, to be tagged first. */
static gboolean
pick_argument (PxWorkspace  *self,
               PxAnnotation *trigger)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) mention = NULL;
  gsize start, end;

  ev->pending_annotation = ev->pending_label = 0;
  if (!px_article_view_get_selection (self->view, &start, &end))
    {
      start = end = px_article_view_get_cursor (self->view);
      mention = find_mention (self, start, end, FALSE);
    }
  else if (start == px_annotation_get_start (trigger) && end == px_annotation_get_end (trigger))
    start = end = 0;
  else if (snapping_enabled (self)
           && !px_workspace_snap_to_words (self, &start, &end))
    start = end = 0;
  else
    mention = find_mention (self, start, end, TRUE);
  if (mention == NULL && start == end)
    {
      px_workspace_toast (self, _("Select the argument’s text, or put the cursor in a mention"));
      return FALSE;
    }
  ev->pending_trigger = px_annotation_get_id (trigger);
  ev->pending_annotation = mention != NULL ? px_annotation_get_id (mention) : 0;
  ev->pending_start = mention != NULL ? px_annotation_get_start (mention) : start;
  ev->pending_end = mention != NULL ? px_annotation_get_end (mention) : end;
  return TRUE;
}

static void
point_popover_at (PxWorkspace *self,
                  gsize        offset)
{
  GtkTextView *tv = px_article_view_get_text_view (self->view);
  GtkTextIter iter;
  GdkRectangle loc;
  int wx, wy;
  double x, y;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (tv), &iter, (int) offset);
  gtk_text_view_get_iter_location (tv, &iter, &loc);
  gtk_text_view_buffer_to_window_coords (tv, GTK_TEXT_WINDOW_WIDGET, loc.x, loc.y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (tv), GTK_WIDGET (self), wx, wy, &x, &y))
    x = y = 0;
  /* Scrolled out of sight: point at the text's top edge instead. */
  rect.x = (int) CLAMP (x, 0, gtk_widget_get_width (GTK_WIDGET (self)) - 1);
  rect.y = (int) CLAMP (y, 0, gtk_widget_get_height (GTK_WIDGET (self)) - 1);
  rect.width = 1;
  rect.height = MAX (loc.height, 1);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->ev->popover), &rect);
}

void
px_workspace_arguments_open (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;
  g_autoptr(PxAnnotation) trigger = NULL;
  g_autoptr(PxLabel) type = NULL;
  g_autoptr(PxEvent) event = NULL;

  if (self->store == NULL || ev == NULL || self->article_id == 0)
    return;
  if (ev->trigger_id != 0)
    trigger = px_workspace_find_annotation (self, ev->trigger_id);
  if (trigger == NULL)
    {
      px_workspace_toast (self, _("Select an event trigger first"));
      return;
    }
  if (!pick_argument (self, trigger))
    return;
  type = px_store_get_label (self->store, px_annotation_get_label_id (trigger), NULL);
  event = px_workspace_find_event (self->store, self->article_id, ev->pending_trigger);
  px_argument_popover_set_choices (ev->popover, type, event, self->labels,
                                   ev->pending_annotation == 0);
  point_popover_at (self, ev->pending_start);
  gtk_popover_popup (GTK_POPOVER (ev->popover));
  px_argument_popover_focus_first (ev->popover);
}

static void
on_chosen (PxWorkspace *self,
           gint64       label_id,
           const char  *role)
{
  self->ev->pending_label = label_id;
  px_workspace_events_add_argument (self, role);
}

static void
on_popover_closed (PxWorkspace *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (px_article_view_get_text_view (self->view)));
}

static void
build_popover (PxWorkspace *self)
{
  PxWorkspaceEvents *ev = self->ev;

  ev->popover = PX_ARGUMENT_POPOVER (px_argument_popover_new ());
  g_signal_connect_object (ev->popover, "chosen", G_CALLBACK (on_chosen), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ev->popover, "closed", G_CALLBACK (on_popover_closed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (ev->popover), GTK_WIDGET (self));
}

static gboolean
on_argument_key (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  PxWorkspace *self = PX_WORKSPACE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->ev == NULL || self->ev->trigger_id == 0 || self->article_id == 0
      || (focus != NULL && GTK_IS_EDITABLE (focus)))
    return FALSE;
  return gtk_widget_activate_action (widget, "workspace.add-argument", NULL);
}

void
px_workspace_arguments_init (PxWorkspace *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_r, 0),
                                            gtk_callback_action_new (on_argument_key, NULL, NULL));

  build_popover (self);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "px-workspace-argument-keys");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
px_workspace_arguments_dispose (PxWorkspace *self)
{
  if (self->ev->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->ev->popover));
  self->ev->popover = NULL;
}
