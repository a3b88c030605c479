/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-compare-tabs.c: the tabs of the compare view, rebuilt from each
 * result. Widgets are plain GtkGrid/GtkBox rows: a story has tens of
 * entities and a handful of events, not thousands. */
#include <glib/gi18n.h>

#include "px-compare-tabs.h"
#include "px-text.h"
#include "px-coverage.h"
#include "px-event-grid.h"
#include "px-quotes.h"

typedef struct
{
  PxCompareRevealFunc func;
  gpointer            data;
  guint               doc;
  gsize               start;
  gsize               end;
} RevealTarget;

static const PxCompareArticle *
article (const PxCompareResult *r, guint doc)
{
  return g_ptr_array_index (r->input->articles, doc);
}

char *
px_compare_tabs_article_name (const PxCompareResult *r, guint doc)
{
  const PxCompareArticle *a = article (r, doc);

  if (a->source && *a->source)
    return g_strdup (a->source);
  return g_strdup_printf (_("Article %u"), doc + 1);
}

void
px_compare_tabs_clear (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)))
    {
      if (GTK_IS_GRID (widget))
        gtk_grid_remove (GTK_GRID (widget), child);
      else
        gtk_box_remove (GTK_BOX (widget), child);
    }
}

static void
on_reveal_clicked (GtkButton *button, gpointer unused)
{
  RevealTarget *t = g_object_get_data (G_OBJECT (button), "px-reveal");

  if (t && t->func)
    t->func (t->doc, t->start, t->end, t->data);
}

static GtkWidget *
reveal_button (const char *text, PxCompareRevealFunc func, gpointer data,
               guint doc, gsize start, gsize end, const char *a11y)
{
  GtkWidget *button = gtk_button_new_with_label (text);
  RevealTarget *t = g_new0 (RevealTarget, 1);

  *t = (RevealTarget) { func, data, doc, start, end };
  g_object_set_data_full (G_OBJECT (button), "px-reveal", t, g_free);
  gtk_widget_add_css_class (button, "flat");
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_reveal_clicked), NULL);
  return button;
}

static GtkWidget *
cell_label (const char *text, const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css)
    gtk_widget_add_css_class (label, css);
  return label;
}

static void
header_row_at (GtkGrid *grid, const PxCompareResult *r, const char *first, const char *second, int y)
{
  gtk_grid_attach (grid, cell_label (first, "heading"), 0, y, 1, 1);
  if (second)
    gtk_grid_attach (grid, cell_label (second, "heading"), 1, y, 1, 1);
  for (guint a = 0; a < r->n_articles; a++)
    {
      g_autofree char *name = px_compare_tabs_article_name (r, a);

      gtk_grid_attach (grid, cell_label (name, "heading"), (second ? 2 : 1) + a, y, 1, 1);
    }
}

static void
header_row (GtkGrid *grid, const PxCompareResult *r, const char *first, const char *second)
{
  header_row_at (grid, r, first, second, 0);
}

/* ---- Entity matrix ---------------------------------------------------- */

typedef struct
{
  const PxCompareResult *result;
  GtkLabel              *details;
  const PxCoverageRow   *row;
  guint                  doc;
  PxCompareRevealFunc    reveal;
  gpointer               data;
} MatrixCell;

static gboolean
mention_in_row (const PxCompareMention *m, const PxCoverageRow *row)
{
  g_autofree char *a = NULL, *b = NULL;

  if (m->is_event)
    return FALSE;
  if (row->entity_id > 0)
    return m->entity_id == row->entity_id;
  if (m->entity_id > 0 || g_strcmp0 (m->label, row->label) != 0)
    return FALSE;
  a = px_text_match_key (m->text);
  b = px_text_match_key (row->name);
  return g_strcmp0 (a, b) == 0;
}

static void
on_matrix_cell (GtkButton *button, MatrixCell *c)
{
  const PxCompareArticle *a = article (c->result, c->doc);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = px_compare_tabs_article_name (c->result, c->doc);
  const PxCompareMention *first = NULL;

  g_string_append_printf (text, _("%s in %s:"), c->row->name, name);
  for (guint i = 0; i < a->mentions->len; i++)
    {
      const PxCompareMention *m = &g_array_index (a->mentions, PxCompareMention, i);
      g_autofree char *context = NULL;

      if (!mention_in_row (m, c->row))
        continue;
      first = first ? first : m;
      context = px_text_substring (a->text, m->start > 40 ? m->start - 40 : 0,
                                   MIN (m->end + 40, px_text_length (a->text, -1)));
      g_string_append_printf (text, "\n  … %s …", context ? context : m->text);
    }
  if (first == NULL)
    g_string_append_printf (text, "\n  %s", _("not mentioned"));
  gtk_label_set_text (c->details, text->str);
  if (first && c->reveal)
    c->reveal (c->doc, first->start, first->end, c->data);
}

static void
attach_count (GtkGrid *grid, int col, int row_index, MatrixCell *c)
{
  g_autofree char *count = g_strdup_printf ("%u", c->row->counts[c->doc]);
  g_autofree char *article_name = px_compare_tabs_article_name (c->result, c->doc);
  /* Translators: an entity, its number of mentions, and an article */
  g_autofree char *a11y = g_strdup_printf (ngettext ("%s: %u mention in %s", "%s: %u mentions in %s",
                                                     c->row->counts[c->doc]),
                                           c->row->name, c->row->counts[c->doc], article_name);
  GtkWidget *button = gtk_button_new_with_label (count);

  gtk_widget_add_css_class (button, "flat");
  if (!((c->result->coverage->annotated >> c->doc) & 1))
    {
      /* Nobody annotated this article: a zero says nothing about it. */
      g_autofree char *tip = g_strdup_printf (_("No entity is annotated in %s yet"), article_name);

      gtk_button_set_label (GTK_BUTTON (button), "–");
      gtk_widget_add_css_class (button, "dim-label");
      gtk_widget_set_tooltip_text (button, tip);
      g_free (a11y);
      a11y = g_steal_pointer (&tip);
    }
  else if (c->row->counts[c->doc] == 0)
    gtk_widget_add_css_class (button, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_matrix_cell), c,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_grid_attach (grid, button, col, row_index, 1, 1);
}

guint
px_compare_tabs_fill_matrix (GtkGrid               *grid,
                             GtkLabel              *details,
                             const PxCompareResult *r,
                             gboolean               only_differences,
                             PxCompareRevealFunc    reveal,
                             gpointer               data)
{
  guint shown = 0;

  px_compare_tabs_clear (GTK_WIDGET (grid));
  header_row (grid, r, _("Entity"), _("Label"));
  for (guint i = 0; i < r->coverage->rows->len; i++)
    {
      const PxCoverageRow *row = &g_array_index (r->coverage->rows, PxCoverageRow, i);
      int y = shown + 1;

      if (only_differences && row->klass == PX_COVERAGE_ALL)
        continue;
      gtk_grid_attach (grid, cell_label (row->name, NULL), 0, y, 1, 1);
      gtk_grid_attach (grid, cell_label (row->label, "dim-label"), 1, y, 1, 1);
      for (guint a = 0; a < r->n_articles; a++)
        {
          MatrixCell *c = g_new0 (MatrixCell, 1);

          *c = (MatrixCell) { r, details, row, a, reveal, data };
          attach_count (grid, 2 + a, y, c);
        }
      shown++;
    }
  return shown;
}

/* ---- Event grid ------------------------------------------------------- */

static GtkWidget *
event_cell (const PxCompareResult *r, const PxEventGridRow *row, guint a,
            PxCompareRevealFunc reveal, gpointer data, gboolean *flagged)
{
  const PxCompareArticle *art = article (r, a);
  g_autofree char *name = px_compare_tabs_article_name (r, a);
  g_autofree char *a11y = NULL;
  GtkWidget *cell;

  *flagged = (row->conflicting >> a) & 1;
  if (row->values[a] == NULL)
    {
      /* A flat, insensitive button rather than a label, so that the dash
       * lines up with the values beside it, which are buttons. */
      a11y = g_strdup_printf (_("%s: not given by %s"), row->role, name);
      cell = gtk_button_new_with_label ("—");
      gtk_widget_add_css_class (cell, "flat");
      gtk_widget_set_halign (cell, GTK_ALIGN_START);
      gtk_widget_set_sensitive (cell, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      return cell;
    }
  a11y = g_strdup_printf (*flagged ? _("%s in %s: %s, conflicts with another article")
                                   : _("%s in %s: %s"), row->role, name, row->values[a]);
  if (row->mention[a] >= 0)
    {
      const PxCompareMention *m = &g_array_index (art->mentions, PxCompareMention, row->mention[a]);

      cell = reveal_button (row->values[a], reveal, data, a, m->start, m->end, a11y);
    }
  else
    cell = cell_label (row->values[a], NULL);
  if (*flagged)
    {
      /* Translators: the reason is the engine's, in English ("different dates: …"). */
      g_autofree char *tip = g_strdup_printf (_("Read as %s. Conflict: %s"), row->normalised[a],
                                              row->reasons[a] ? row->reasons[a] : "");

      gtk_widget_add_css_class (cell, "error");
      gtk_widget_set_tooltip_text (cell, tip);
    }
  else if (row->normalised[a] && row->reasons[a])
    {
      /* Compatible or to check: say why ("Antalya is in Turquie"). */
      g_autofree char *tip = g_strdup_printf (_("Read as %s. %s: %s"), row->normalised[a],
                                              row->verdicts[a] == PX_VALUE_CHECK ? _("Check") : _("Compatible"),
                                              row->reasons[a]);

      gtk_widget_set_tooltip_text (cell, tip);
    }
  else if (row->normalised[a])
    {
      /* How the engine read "jeudi" or "trois" is what it compared. */
      g_autofree char *tip = g_strdup_printf (_("Read as %s"), row->normalised[a]);

      gtk_widget_set_tooltip_text (cell, tip);
    }
  return cell;
}

static GtkWidget *
event_title (const PxEventGridEvent *ge)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, ge->story_event_id);
  /* Translators: an event type, then the story event's number */
  g_autofree char *title = ge->suggested
    ? g_strdup_printf (_("%s (grouped by suggestion)"), ge->type)
    : g_strdup_printf (_("%s (story event %s)"), ge->type, number);

  return cell_label (title, "title-4");
}

/* One grid for every event, so that an outlet's column lines up from one
 * event to the next. */
guint
px_compare_tabs_fill_events (GtkBox                *box,
                             const PxCompareResult *r,
                             PxCompareRevealFunc    reveal,
                             gpointer               data)
{
  guint flagged_cells = 0;
  GtkWidget *grid;
  int y = 0;

  px_compare_tabs_clear (GTK_WIDGET (box));
  if (r->grid->events->len == 0)
    {
      gtk_box_append (box, cell_label (_("No events are annotated in these articles."), "dim-label"));
      return 0;
    }
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint e = 0; e < r->grid->events->len; e++)
    {
      const PxEventGridEvent *ge = g_ptr_array_index (r->grid->events, e);
      GtkWidget *title = event_title (ge);

      if (e > 0)
        gtk_widget_set_margin_top (title, 12);
      gtk_grid_attach (GTK_GRID (grid), title, 0, y++, 1 + r->n_articles, 1);
      header_row_at (GTK_GRID (grid), r, _("Role"), NULL, y++);
      for (guint k = 0; k < ge->rows->len; k++, y++)
        {
          const PxEventGridRow *row = ge->rows->pdata[k];
          g_autofree char *role_text = row->conflict ? g_strconcat ("⚠ ", row->role, NULL)
                                                     : g_strdup (row->role);
          GtkWidget *role = cell_label (role_text, row->conflict ? "error" : NULL);

          if (row->conflict)
            gtk_widget_set_tooltip_text (role, _("The articles give different values for this role"));
          gtk_grid_attach (GTK_GRID (grid), role, 0, y, 1, 1);
          for (guint a = 0; a < r->n_articles; a++)
            {
              gboolean flagged;

              gtk_grid_attach (GTK_GRID (grid), event_cell (r, row, a, reveal, data, &flagged), 1 + a, y, 1, 1);
              flagged_cells += flagged;
            }
        }
    }
  gtk_box_append (box, grid);
  return flagged_cells;
}

/* ---- Quotes ----------------------------------------------------------- */

static GtkWidget *
quote_widget (const PxCompareResult *r, const PxQuote *q, PxCompareRevealFunc reveal, gpointer data)
{
  g_autofree char *text = g_strdup_printf (q->marked ? "« %s »\n— %s" : "%s\n— %s (%s)",
                                           q->text, q->speaker ? q->speaker : _("speaker unknown"),
                                           _("without quotation marks"));
  g_autofree char *name = px_compare_tabs_article_name (r, q->article);
  g_autofree char *a11y = g_strdup_printf (_("Quote in %s: %s"), name, q->text);

  return reveal_button (text, reveal, data, q->article, q->start, q->end, a11y);
}

void
px_compare_tabs_fill_quotes (GtkBox                *box,
                             const PxCompareResult *r,
                             PxCompareRevealFunc    reveal,
                             gpointer               data)
{
  px_compare_tabs_clear (GTK_WIDGET (box));
  if (r->quotes->quotes->len == 0)
    gtk_box_append (box, cell_label (_("No quotes found."), "dim-label"));
  for (guint g = 0; g < r->quotes->n_groups; g++)
    {
      GtkWidget *grid = gtk_grid_new ();
      guint n = px_quote_set_group_articles (r->quotes, g);
      g_autofree char *title = NULL;
      gboolean placed[PX_ALIGN_MAX_DOCS] = { FALSE };

      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
      for (guint i = 0; i < r->quotes->quotes->len; i++)
        {
          const PxQuote *q = &g_array_index (r->quotes->quotes, PxQuote, i);

          if (q->group != g || placed[q->article])
            continue;
          placed[q->article] = TRUE;
          gtk_grid_attach (GTK_GRID (grid), quote_widget (r, q, reveal, data), q->article, 0, 1, 1);
          if (n == 1)
            {
              g_autofree char *name = px_compare_tabs_article_name (r, q->article);

              title = g_strdup_printf (_("Only in %s"), name);
            }
        }
      for (guint a = 0; a < r->n_articles; a++)
        if (!placed[a])
          gtk_grid_attach (GTK_GRID (grid), cell_label ("—", "dim-label"), a, 0, 1, 1);
      if (title == NULL)
        title = g_strdup_printf (ngettext ("Quoted by %u article", "Quoted by %u articles", n), n);
      gtk_box_append (box, cell_label (title, n == 1 ? "warning" : "heading"));
      gtk_box_append (box, grid);
    }
}

/* ---- Summary ---------------------------------------------------------- */

void
px_compare_tabs_fill_summary (GtkGrid               *grid,
                              const PxCompareResult *r)
{
  px_compare_tabs_clear (GTK_WIDGET (grid));
  header_row (grid, r, _("Figure"), NULL);
  for (guint a = 0; a < r->n_articles; a++)
    {
      const PxCompareSummary *s = &r->summary[a];
      g_autoptr(GString) covered = g_string_new (NULL);
      g_autofree char *sent = g_strdup_printf ("%u", s->n_sentences);
      g_autofree char *unique = g_strdup_printf ("%u", s->n_unique);
      g_autofree char *conflicts = g_strdup_printf ("%u", s->n_conflicts);
      g_autofree char *missing = g_strdup_printf ("%u", s->n_missing_entities);

      for (guint o = 0; o < r->n_articles; o++)
        if (o != a)
          {
            g_autofree char *name = px_compare_tabs_article_name (r, o);

            g_string_append_printf (covered, "%s%s %.0f%%", covered->len ? "\n" : "", name,
                                    100 * s->covered_by[o]);
          }
      gtk_grid_attach (grid, cell_label (sent, NULL), 1 + a, 1, 1, 1);
      gtk_grid_attach (grid, cell_label (covered->str, NULL), 1 + a, 2, 1, 1);
      gtk_grid_attach (grid, cell_label (unique, NULL), 1 + a, 3, 1, 1);
      gtk_grid_attach (grid, cell_label (conflicts, s->n_conflicts ? "error" : NULL), 1 + a, 4, 1, 1);
      gtk_grid_attach (grid, cell_label (missing, NULL), 1 + a, 5, 1, 1);
    }
  gtk_grid_attach (grid, cell_label (_("Sentences"), "dim-label"), 0, 1, 1, 1);
  gtk_grid_attach (grid, cell_label (_("Sentences also in"), "dim-label"), 0, 2, 1, 1);
  gtk_grid_attach (grid, cell_label (_("Unique sentences"), "dim-label"), 0, 3, 1, 1);
  gtk_grid_attach (grid, cell_label (_("Conflicting event roles"), "dim-label"), 0, 4, 1, 1);
  gtk_grid_attach (grid, cell_label (_("Entities others name, not this one"), "dim-label"), 0, 5, 1, 1);
}
