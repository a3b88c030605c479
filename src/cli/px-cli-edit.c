/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-cli-edit.c: the commands that change annotations, events and
 * article metadata. Each goes through PxEditor, like the app, so that a
 * tag made here is linked, checked and refused exactly as one made there.
 * One command is one transaction. */
#include <string.h>

#include "px-cli.h"
#include "px-core.h"
#include "px-editor.h"

/* A label by name, without regard to case ("per" is PER). */
PxLabel *
px_cli_find_label (PxStore    *store,
                   const char *name)
{
  g_autoptr(GListModel) labels = px_store_list_labels (store);
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxLabel) label = g_list_model_get_item (labels, i);
      g_autofree char *have = g_utf8_casefold (px_label_get_name (label), -1);

      if (strcmp (have, wanted) == 0)
        return g_steal_pointer (&label);
    }
  return NULL;
}

PxLabel *
px_cli_need_label (PxStore     *store,
                   const char  *command,
                   const char  *name)
{
  PxLabel *label = px_cli_find_label (store, name);

  if (label == NULL)
    {
      g_autofree char *shown = px_cli_escape (name, FALSE);
      g_printerr ("parallax-cli: %s: no label named '%s' (see 'list labels')\n", command, shown);
    }
  return label;
}

PxEditor *
px_cli_open_editor (const char  *db,
                    GError     **error)
{
  g_autoptr(PxStore) store = px_cli_open_store (db, PX_STORE_OPEN_NO_CREATE, error);

  return store != NULL ? px_editor_new (store) : NULL;
}

/* Closes the group a command opened: kept and @id printed (when not 0)
 * if @ok, else taken back and @error told. Returns the exit code. */
int
px_cli_end_group (PxEditor *editor,
                  gboolean  ok,
                  gint64    id,
                  GError   *error)
{
  g_autoptr(GError) local = NULL;

  if (!ok)
    {
      px_editor_cancel_group (editor);
      return px_cli_fail (error);
    }
  if (!px_editor_end_group (editor, &local))
    return px_cli_fail (local);
  if (id != 0)
    g_print ("%" G_GINT64_FORMAT "\n", id);
  return PX_CLI_EXIT_OK;
}

/* What the action removed besides its target, on stderr: scripts read the
 * ids on stdout. */
static void
print_notice (PxEditor *editor)
{
  const char *notice = px_editor_get_notice (editor);

  if (notice != NULL)
    {
      g_autofree char *safe = px_cli_escape (notice, FALSE);
      g_printerr ("parallax-cli: note: %s\n", safe);
    }
}

int
px_cli_cmd_annotate (const char *db, int argc, char **argv)
{
  g_autofree char *entity = NULL;
  g_autofree char *note = NULL;
  g_autofree char *value = NULL;
  GOptionEntry entries[] = {
    { "entity", 'e', 0, G_OPTION_ARG_STRING, &entity, "Link to this entity (made if missing) instead of linking by match key", "NAME" },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, "A note on the annotation", "TEXT" },
    { "value", 'v', 0, G_OPTION_ARG_STRING, &value, "The value of a DATE, NUM or QUOTE mention, instead of the computed one", "VALUE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  g_autoptr(PxLabel) label = NULL;
  gint64 article, start, end, id;
  int rc = px_cli_parse_options ("annotate", "ARTICLE_ID START END LABEL",
                                 "Tag a span. START and END are code points, END exclusive. "
                                 "An entity mention is linked to its entity as in the app; "
                                 "an event label also makes the event. Prints the new id.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 5 || !px_cli_parse_id (argv[1], &article) || !px_cli_parse_id (argv[2], &start) ||
      !px_cli_parse_id (argv[3], &end))
    return px_cli_usage_error ("annotate: give ARTICLE_ID START END LABEL (numbers ≥ 0)");
  if ((editor = px_cli_open_editor (db, &error)) == NULL)
    return px_cli_fail (error);
  if ((label = px_cli_need_label (px_editor_get_store (editor), "annotate", argv[4])) == NULL)
    return PX_CLI_EXIT_FAILED;
  if (!px_editor_begin_group (editor, NULL, &error))
    return px_cli_fail (error);
  id = px_editor_tag (editor, article, px_label_get_id (label), (gsize) start, (gsize) end,
                      entity, &error);
  if (id == 0 || (note != NULL && !px_editor_set_note (editor, id, note, &error)) ||
      (value != NULL && !px_editor_set_value (editor, id, value, &error)))
    {
      px_editor_cancel_group (editor);
      return px_cli_fail (error);
    }
  if (!px_editor_end_group (editor, &error))
    return px_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return PX_CLI_EXIT_OK;
}

int
px_cli_cmd_delete (const char *db, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  gint64 id;
  int rc = px_cli_parse_options ("delete", "ANNOTATION_ID",
                                 "Delete an annotation, with the event it triggers.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 2 || !px_cli_parse_id (argv[1], &id))
    return px_cli_usage_error ("delete: give one ANNOTATION_ID");
  if ((editor = px_cli_open_editor (db, &error)) == NULL || !px_editor_delete (editor, id, &error))
    return px_cli_fail (error);
  print_notice (editor);
  return PX_CLI_EXIT_OK;
}

int
px_cli_cmd_relabel (const char *db, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  g_autoptr(PxLabel) label = NULL;
  gint64 id;
  int rc = px_cli_parse_options ("relabel", "ANNOTATION_ID LABEL",
                                 "Give an annotation another label. A trigger relabelled to an "
                                 "entity label loses its event (a note says so).",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 3 || !px_cli_parse_id (argv[1], &id))
    return px_cli_usage_error ("relabel: give ANNOTATION_ID LABEL");
  if ((editor = px_cli_open_editor (db, &error)) == NULL)
    return px_cli_fail (error);
  if ((label = px_cli_need_label (px_editor_get_store (editor), "relabel", argv[2])) == NULL)
    return PX_CLI_EXIT_FAILED;
  if (!px_editor_relabel (editor, id, px_label_get_id (label), &error))
    return px_cli_fail (error);
  print_notice (editor);
  return PX_CLI_EXIT_OK;
}

int
px_cli_cmd_value (const char *db, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  gint64 id;
  int rc = px_cli_parse_options ("value", "ANNOTATION_ID VALUE",
                                 "Set the value of a DATE, NUM or QUOTE mention: an ISO date "
                                 "(2025-02-27, 2025-02, --02-27, 2025-W09, 2025-02-26/2025-02-27), "
                                 "a number or range (3, ~10, >300, 2100000/2200000, 5 %) or a "
                                 "speaker. '' gives it back to the computed value.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 3 || !px_cli_parse_id (argv[1], &id))
    return px_cli_usage_error ("value: give ANNOTATION_ID VALUE");
  if ((editor = px_cli_open_editor (db, &error)) == NULL || !px_editor_set_value (editor, id, argv[2], &error))
    return px_cli_fail (error);
  return PX_CLI_EXIT_OK;
}

int
px_cli_cmd_link (const char *db, int argc, char **argv)
{
  g_autofree char *new_name = NULL;
  gboolean none = FALSE;
  GOptionEntry entries[] = {
    { "new", 0, 0, G_OPTION_ARG_STRING, &new_name, "Link to a new entity with this name", "NAME" },
    { "none", 0, 0, G_OPTION_ARG_NONE, &none, "Unlink the mention", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  gint64 id, entity_id = 0;
  int given;
  int rc = px_cli_parse_options ("link", "ANNOTATION_ID (ENTITY_ID|--new NAME|--none)",
                                 "Link an entity mention to an entity, a new one, or none.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  given = (argc == 3) + (new_name != NULL) + (none != FALSE);
  if (argc < 2 || argc > 3 || !px_cli_parse_id (argv[1], &id) || given != 1
      || (argc == 3 && (!px_cli_parse_id (argv[2], &entity_id) || entity_id == 0)))
    return px_cli_usage_error ("link: give ANNOTATION_ID and one of ENTITY_ID, --new NAME or --none");
  if ((editor = px_cli_open_editor (db, &error)) == NULL)
    return px_cli_fail (error);
  if (new_name != NULL)
    {
      entity_id = px_editor_link_new (editor, id, new_name, &error);
      if (entity_id == 0)
        return px_cli_fail (error);
      g_print ("%" G_GINT64_FORMAT "\n", entity_id);
      return PX_CLI_EXIT_OK;
    }
  if (!px_editor_link (editor, id, entity_id, &error))
    return px_cli_fail (error);
  return PX_CLI_EXIT_OK;
}

static int
event_add (const char *db, int argc, char **argv)
{
  g_auto(GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "arg", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &args, "An argument (repeatable)", "ROLE=ANNOTATION_ID" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  g_autoptr(PxLabel) type = NULL;
  gint64 trigger, event_id;
  int rc = px_cli_parse_options ("event add", "TRIGGER_ANNOTATION_ID TYPE",
                                 "Make an event on a trigger annotation, with its arguments. "
                                 "Prints the event id.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 3 || !px_cli_parse_id (argv[1], &trigger))
    return px_cli_usage_error ("event add: give TRIGGER_ANNOTATION_ID TYPE");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      const char *eq = strchr (args[i], '=');
      gint64 ignored;

      if (eq == NULL || eq == args[i] || !px_cli_parse_id (eq + 1, &ignored))
        return px_cli_usage_error ("event add: --arg takes ROLE=ANNOTATION_ID");
    }
  if ((editor = px_cli_open_editor (db, &error)) == NULL)
    return px_cli_fail (error);
  if ((type = px_cli_need_label (px_editor_get_store (editor), "event add", argv[2])) == NULL)
    return PX_CLI_EXIT_FAILED;
  if (!px_editor_begin_group (editor, NULL, &error))
    return px_cli_fail (error);
  event_id = px_editor_add_event (editor, trigger, px_label_get_id (type), &error);
  for (guint i = 0; event_id != 0 && args != NULL && args[i] != NULL; i++)
    {
      const char *eq = strchr (args[i], '=');
      g_autofree char *role = g_strndup (args[i], eq - args[i]);
      gint64 annotation = g_ascii_strtoll (eq + 1, NULL, 10);

      if (!px_editor_add_argument (editor, event_id, role, annotation, &error))
        event_id = 0;
    }
  return px_cli_end_group (editor, event_id != 0, event_id, error);
}

static int
event_delete (const char *db, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  gint64 id;
  int rc = px_cli_parse_options ("event delete", "EVENT_ID",
                                 "Delete an event and its arguments; the trigger annotation stays.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 2 || !px_cli_parse_id (argv[1], &id))
    return px_cli_usage_error ("event delete: give one EVENT_ID");
  if ((editor = px_cli_open_editor (db, &error)) == NULL || !px_editor_delete_event (editor, id, &error))
    return px_cli_fail (error);
  return PX_CLI_EXIT_OK;
}

int
px_cli_cmd_event (const char *db, int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return event_add (db, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "delete"))
    return event_delete (db, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("Usage:\n"
               "  parallax-cli event add TRIGGER_ANNOTATION_ID TYPE [--arg ROLE=ANNOTATION_ID]…\n"
               "  parallax-cli event delete EVENT_ID\n");
      return PX_CLI_EXIT_OK;
    }
  return px_cli_usage_error ("event: give 'add' or 'delete'");
}

static int
article_set (const char *db, int argc, char **argv)
{
  g_autofree char *title = NULL, *source = NULL, *published = NULL, *url = NULL, *story = NULL;
  g_autofree char *status = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "The title ('' clears it)", "TITLE" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, "The outlet", "OUTLET" },
    { "published", 0, 0, G_OPTION_ARG_STRING, &published, "The publication date: 2022-03-10, 2022-03 or 2022", "DATE" },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, "The address it came from", "URL" },
    { "story", 0, 0, G_OPTION_ARG_STRING, &story, "Move it to this story (made if missing; '' takes it out)", "NAME" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, "The coder's document status: new, in-progress or done", "STATUS" },
    { NULL }
  };
  const struct { PxArticleField field; char **value; } fields[] = {
    { PX_ARTICLE_FIELD_TITLE, &title },
    { PX_ARTICLE_FIELD_SOURCE, &source },
    { PX_ARTICLE_FIELD_PUBLISHED, &published },
    { PX_ARTICLE_FIELD_URL, &url },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  gboolean ok = TRUE, any = story != NULL;
  gint64 id;
  int rc = px_cli_parse_options ("article set", "ARTICLE_ID",
                                 "Correct an article's metadata. The text never changes.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  any = story != NULL || status != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    any = any || *fields[i].value != NULL;
  if (argc != 2 || !px_cli_parse_id (argv[1], &id))
    return px_cli_usage_error ("article set: give one ARTICLE_ID");
  if (!any)
    return px_cli_usage_error ("article set: give at least one of --title, --source, --published, --url, --story, --status");
  if (status != NULL)
    {
      g_strdelimit (status, "-", '_');
      if (!g_str_equal (status, "new") && !g_str_equal (status, "in_progress") && !g_str_equal (status, "done"))
        return px_cli_usage_error ("article set: --status is new, in-progress or done");
    }
  if (published != NULL && !px_editor_check_date (published, &error))
    return px_cli_fail (error);
  if ((editor = px_cli_open_editor (db, &error)) == NULL)
    return px_cli_fail (error);
  if (!px_editor_begin_group (editor, NULL, &error))
    return px_cli_fail (error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (fields); i++)
    if (*fields[i].value != NULL)
      ok = px_editor_set_article_field (editor, id, fields[i].field, *fields[i].value, &error);
  if (ok && story != NULL)
    ok = px_editor_set_article_story (editor, id, story, &error);
  if (ok && status != NULL)
    ok = px_editor_set_article_status (editor, id, status, &error);
  return px_cli_end_group (editor, ok, 0, error);
}

int
px_cli_cmd_article (const char *db, int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "set"))
    return article_set (db, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("Usage:\n"
               "  parallax-cli article set ARTICLE_ID [--title T] [--source S] [--published DATE]\n"
               "                           [--url U] [--story NAME] [--status new|in-progress|done]\n");
      return PX_CLI_EXIT_OK;
    }
  return px_cli_usage_error ("article: give 'set'");
}

int
px_cli_cmd_merge (const char *db, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  int rc = px_cli_parse_options ("merge", "OTHER.db…",
                                 "Bring other coders' corpus files in: articles are matched by "
                                 "their text, labels, stories and coders by name, and each "
                                 "coder's annotations stay theirs. Merging a file twice adds nothing.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc < 2)
    return px_cli_usage_error ("merge: give at least one corpus file");
  if ((editor = px_cli_open_editor (db, &error)) == NULL)
    return px_cli_fail (error);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(PxStoreMergeReport) r = px_editor_merge_corpus (editor, argv[i], &error);
      g_autofree char *name = px_cli_escape (argv[i], FALSE);
      g_autoptr(GString) coders = g_string_new (NULL);

      if (r == NULL)
        return px_cli_fail (error);
      for (guint k = 0; k < r->coders->len; k++)
        {
          g_autofree char *coder = px_cli_escape (r->coders->pdata[k], FALSE);
          g_string_append_printf (coders, "%s%s", k > 0 ? ", " : "", coder);
        }
      g_print ("%s: %u articles added, %u already here; %u annotations added, %u already here; "
               "%u events added; %u labels added; coders: %s\n",
               name, r->articles_added, r->articles_matched, r->annotations_added,
               r->annotations_present, r->events_added, r->labels_added,
               coders->len > 0 ? coders->str : "none");
      for (guint k = 0; k < r->clashes->len; k++)
        {
          g_autofree char *clash = px_cli_escape (r->clashes->pdata[k], FALSE);
          g_printerr ("parallax-cli: note: %s: %s\n", name, clash);
        }
    }
  return PX_CLI_EXIT_OK;
}
