/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-cli-labels.c: `parallax-cli label …`, the codebook from the command
 * line, through PxEditor like the app. */
#include <stdio.h>
#include <string.h>

#include "px-cli.h"
#include "px-codebook.h"
#include "px-core.h"

static const char label_usage[] =
  "Usage:\n"
  "  parallax-cli label list\n"
  "  parallax-cli label add NAME [--kind entity|event] [--key K] [--colour #rrggbb]\n"
  "                         [--description TEXT] [--role ROLE[+]]…\n"
  "  parallax-cli label rename NAME NEW_NAME\n"
  "  parallax-cli label set NAME [--key K] [--colour #rrggbb] [--description TEXT] [--position N]\n"
  "  parallax-cli label delete NAME [--force]\n"
  "  parallax-cli label role add|remove LABEL ROLE [--repeatable]\n"
  "  parallax-cli label import FILE             (codebook JSON or annotation.conf)\n"
  "  parallax-cli label export [--format json|brat] [--out FILE]\n";

static int
label_list (const char *db, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = px_cli_open_store (db, PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(GListModel) labels = NULL;

  if (argc > 1)
    return px_cli_usage_error ("label list: no arguments");
  if (store == NULL)
    return px_cli_fail (error);
  labels = px_store_list_labels (store);
  g_print ("%-4s %-14s %-6s %-3s %-8s %6s  %s\n", "id", "name", "kind", "key", "colour", "uses", "roles / description");
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(PxLabel) l = g_list_model_get_item (labels, i);
      GPtrArray *roles = px_label_get_roles (l);
      g_autoptr(GString) extra = g_string_new (NULL);
      g_autofree char *name = px_cli_escape (px_label_get_name (l), FALSE);
      g_autofree char *key = px_cli_escape (px_label_get_shortcut (l), FALSE);
      g_autofree char *shown = NULL;

      for (guint k = 0; roles != NULL && k < roles->len; k++)
        g_string_append_printf (extra, "%s%s%s", k > 0 ? ", " : "",
                                ((PxRole *) roles->pdata[k])->name,
                                ((PxRole *) roles->pdata[k])->repeatable ? "+" : "");
      if (px_label_get_description (l) != NULL)
        g_string_append_printf (extra, "%s%s", extra->len > 0 ? " — " : "", px_label_get_description (l));
      shown = px_cli_escape (extra->str, FALSE);
      g_print ("%-4" G_GINT64_FORMAT " %-14s %-6s %-3s %-8s %6u  %s\n", px_label_get_id (l), name,
               px_label_kind_to_string (px_label_get_kind (l)), key,
               px_label_get_colour (l), px_store_count_label_uses (store, px_label_get_id (l)), shown);
    }
  return PX_CLI_EXIT_OK;
}

static int
label_add (const char *db, int argc, char **argv)
{
  g_autofree char *kind_s = NULL, *key = NULL, *colour = NULL, *description = NULL;
  g_auto(GStrv) roles = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_s, "entity (the default) or event", "KIND" },
    { "key", 'k', 0, G_OPTION_ARG_STRING, &key, "Its key: one digit or letter", "K" },
    { "colour", 'c', 0, G_OPTION_ARG_STRING, &colour, "Its colour", "#rrggbb" },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &description, "What it is for", "TEXT" },
    { "role", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &roles, "An event role (repeatable; ROLE+ may occur more than once)", "ROLE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  PxLabelKind kind = PX_LABEL_ENTITY;
  gint64 id;
  int rc = px_cli_parse_options ("label add", "NAME", "Add a label to the codebook; prints its id.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 2)
    return px_cli_usage_error ("label add: give one NAME");
  if (kind_s != NULL && !px_label_kind_from_string (kind_s, &kind))
    return px_cli_usage_error ("label add: --kind is entity or event");
  if (roles != NULL && kind != PX_LABEL_EVENT)
    return px_cli_usage_error ("label add: only an event type (--kind event) has roles");
  if ((editor = px_cli_open_editor (db, &error)) == NULL || !px_editor_begin_group (editor, NULL, &error))
    return px_cli_fail (error);
  id = px_editor_add_label (editor, argv[1], kind, colour, key, description, &error);
  for (guint i = 0; id != 0 && roles != NULL && roles[i] != NULL; i++)
    {
      gsize len = strlen (roles[i]);
      gboolean repeatable = len > 0 && roles[i][len - 1] == '+';
      g_autofree char *role = g_strndup (roles[i], repeatable ? len - 1 : len);

      if (!px_editor_add_role (editor, id, role, repeatable, &error))
        id = 0;
    }
  return px_cli_end_group (editor, id != 0, id, error);
}

static int
label_rename (const char *db, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  g_autoptr(PxLabel) label = NULL;

  if (argc != 3)
    return px_cli_usage_error ("label rename: give NAME NEW_NAME");
  if ((editor = px_cli_open_editor (db, &error)) == NULL)
    return px_cli_fail (error);
  if ((label = px_cli_need_label (px_editor_get_store (editor), "label rename", argv[1])) == NULL)
    return PX_CLI_EXIT_FAILED;
  if (!px_editor_set_label_field (editor, px_label_get_id (label), PX_LABEL_FIELD_NAME, argv[2], &error))
    return px_cli_fail (error);
  return PX_CLI_EXIT_OK;
}

static int
label_set (const char *db, int argc, char **argv)
{
  g_autofree char *key = NULL, *colour = NULL, *description = NULL;
  int position = -1;
  GOptionEntry entries[] = {
    { "key", 'k', 0, G_OPTION_ARG_STRING, &key, "Its key: one digit or letter ('' for none)", "K" },
    { "colour", 'c', 0, G_OPTION_ARG_STRING, &colour, "Its colour", "#rrggbb" },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &description, "What it is for", "TEXT" },
    { "position", 'p', 0, G_OPTION_ARG_INT, &position, "Its place in the palette (0: first)", "N" },
    { NULL }
  };
  const struct { PxLabelField field; char **value; } fields[] = {
    { PX_LABEL_FIELD_SHORTCUT, &key }, { PX_LABEL_FIELD_COLOUR, &colour },
    { PX_LABEL_FIELD_DESCRIPTION, &description },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  g_autoptr(PxLabel) label = NULL;
  gboolean ok = TRUE;
  int rc = px_cli_parse_options ("label set", "NAME", "Change a label's key, colour, description or place.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 2)
    return px_cli_usage_error ("label set: give one NAME");
  if (key == NULL && colour == NULL && description == NULL && position < 0)
    return px_cli_usage_error ("label set: give at least one of --key, --colour, --description, --position");
  if ((editor = px_cli_open_editor (db, &error)) == NULL)
    return px_cli_fail (error);
  if ((label = px_cli_need_label (px_editor_get_store (editor), "label set", argv[1])) == NULL)
    return PX_CLI_EXIT_FAILED;
  if (!px_editor_begin_group (editor, NULL, &error))
    return px_cli_fail (error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (fields); i++)
    if (*fields[i].value != NULL)
      ok = px_editor_set_label_field (editor, px_label_get_id (label), fields[i].field,
                                      *fields[i].value, &error);
  if (ok && position >= 0)
    ok = px_editor_move_label (editor, px_label_get_id (label), (guint) position, &error);
  return px_cli_end_group (editor, ok, 0, error);
}

static int
label_delete (const char *db, int argc, char **argv)
{
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, "Delete it even if annotations use it (they go with it)", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  g_autoptr(PxLabel) label = NULL;
  guint uses;
  int rc = px_cli_parse_options ("label delete", "NAME", "Delete a label from the codebook.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 2)
    return px_cli_usage_error ("label delete: give one NAME");
  if ((editor = px_cli_open_editor (db, &error)) == NULL)
    return px_cli_fail (error);
  if ((label = px_cli_need_label (px_editor_get_store (editor), "label delete", argv[1])) == NULL)
    return PX_CLI_EXIT_FAILED;
  uses = px_store_count_label_uses (px_editor_get_store (editor), px_label_get_id (label));
  if (uses > 0 && !force)
    {
      g_autofree char *safe = px_cli_escape (px_label_get_name (label), FALSE);

      g_printerr ("parallax-cli: label delete: %s is used by %u annotation%s; "
                  "run again with --force to delete %s with it\n",
                  safe, uses, uses == 1 ? "" : "s", uses == 1 ? "it" : "them");
      return PX_CLI_EXIT_FAILED;
    }
  if (!px_editor_delete_label (editor, px_label_get_id (label), &error))
    return px_cli_fail (error);
  if (px_editor_get_notice (editor) != NULL)
    {
      g_autofree char *safe = px_cli_escape (px_editor_get_notice (editor), FALSE);
      g_printerr ("parallax-cli: note: %s\n", safe);
    }
  return PX_CLI_EXIT_OK;
}

static int
label_role (const char *db, int argc, char **argv)
{
  gboolean repeatable = FALSE;
  GOptionEntry entries[] = {
    { "repeatable", 0, 0, G_OPTION_ARG_NONE, &repeatable, "The role may be filled more than once", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  g_autoptr(PxLabel) label = NULL;
  gboolean add;
  int rc = px_cli_parse_options ("label role", "add|remove LABEL ROLE", "Add or remove an event type's role.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 4 || (!g_str_equal (argv[1], "add") && !g_str_equal (argv[1], "remove")))
    return px_cli_usage_error ("label role: give add|remove LABEL ROLE");
  add = g_str_equal (argv[1], "add");
  if ((editor = px_cli_open_editor (db, &error)) == NULL)
    return px_cli_fail (error);
  if ((label = px_cli_need_label (px_editor_get_store (editor), "label role", argv[2])) == NULL)
    return PX_CLI_EXIT_FAILED;
  if (add ? !px_editor_add_role (editor, px_label_get_id (label), argv[3], repeatable, &error)
          : !px_editor_remove_role (editor, px_label_get_id (label), argv[3], &error))
    return px_cli_fail (error);
  return PX_CLI_EXIT_OK;
}

static int
label_import (const char *db, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxEditor) editor = NULL;
  g_autoptr(PxCodebookReport) report = NULL;

  if (argc != 2)
    return px_cli_usage_error ("label import: give one FILE (codebook JSON or annotation.conf)");
  if ((editor = px_cli_open_editor (db, &error)) == NULL
      || (report = px_codebook_import (editor, argv[1], &error)) == NULL)
    return px_cli_fail (error);
  for (guint i = 0; i < report->warnings->len; i++)
    {
      g_autofree char *shown = px_cli_escape (report->warnings->pdata[i], FALSE);
      g_printerr ("parallax-cli: note: %s\n", shown);
    }
  g_print ("%u labels added, %u updated\n", report->added, report->updated);
  return PX_CLI_EXIT_OK;
}

static int
label_export (const char *db, int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "json (the default) or brat (annotation.conf)", "FORMAT" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write to FILE instead of standard output", "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autofree char *text = NULL;
  gboolean brat;
  int rc = px_cli_parse_options ("label export", "", "Write the codebook as JSON or as brat's annotation.conf.",
                                 entries, &argc, &argv);

  if (rc >= 0)
    return rc;
  if (argc != 1)
    return px_cli_usage_error ("label export: unexpected argument");
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "brat"))
    return px_cli_usage_error ("label export: --format is json or brat");
  if (out != NULL && *out == '\0')
    return px_cli_usage_error ("label export: --out needs a file name");
  brat = format != NULL && g_str_equal (format, "brat");
  store = px_cli_open_store (db, PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    return px_cli_fail (error);
  text = brat ? px_codebook_to_brat_conf (store, &error) : px_codebook_to_json (store, &error);
  if (text == NULL)
    return px_cli_fail (error);
  if (out == NULL)
    {
      fputs (text, stdout);
      if (!brat)
        fputc ('\n', stdout);
      return fflush (stdout) == 0 ? PX_CLI_EXIT_OK : PX_CLI_EXIT_FAILED;
    }
  if (!g_file_set_contents (out, text, -1, &error))
    return px_cli_fail (error);
  return PX_CLI_EXIT_OK;
}

int
px_cli_cmd_label (const char *db, int argc, char **argv)
{
  static const struct { const char *name; int (*run) (const char *, int, char **); } subs[] = {
    { "list", label_list }, { "add", label_add }, { "rename", label_rename }, { "set", label_set },
    { "delete", label_delete }, { "role", label_role }, { "import", label_import },
    { "export", label_export },
  };

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s", label_usage);
      return PX_CLI_EXIT_OK;
    }
  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (subs); i++)
    if (g_str_equal (argv[1], subs[i].name))
      return subs[i].run (db, argc - 1, argv + 1);
  return px_cli_usage_error ("label: give list, add, rename, set, delete, role, import or export");
}
