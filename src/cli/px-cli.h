/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-cli.h: the subcommands of parallax-cli, one function each.
 *
 * parallax-cli.c parses the global options (--db, --help) and dispatches.
 * Each command gets the corpus path and its own argv (argv[0] is the command
 * name) and returns the exit code: 0 success, 1 the work failed, 2 usage. */
#pragma once

#include <glib.h>

#include "px-editor.h"
#include "px-store.h"

G_BEGIN_DECLS

#define PX_CLI_EXIT_OK      0
#define PX_CLI_EXIT_FAILED  1
#define PX_CLI_EXIT_USAGE   2

/* @s made safe for a terminal: control characters (C0 but tab and, when
 * @keep_newlines, line feed; DEL; C1) and bytes that are not UTF-8 become
 * visible escapes (\x1B, \u009B), so that a title or a file name cannot
 * move the cursor, retitle the terminal or split a message. */
char *px_cli_escape        (const char *s,
                            gboolean    keep_newlines);
/* "parallax-cli: MESSAGE" on stderr, escaped, as one line. */
void  px_cli_print_error   (const char *message);

/* compare ARTICLE_ID ARTICLE_ID... [--format text|csv] [--out DIR] */
int px_cli_cmd_compare          (const char *db_path, int argc, char **argv);

/* import --format brat|jsonl|csv PATH... (plain text import stays in
 * parallax-cli.c and calls this when --format is given and is not "txt"). */
int px_cli_interchange_import   (const char *db_path, const char *format,
                                 int argc, char **argv);
/* export brat|jsonl|conll --out DIR (csv stays in parallax-cli.c). */
int px_cli_interchange_export   (const char *db_path, const char *format,
                                 int argc, char **argv);

/* The editing commands (px-cli-edit.c), through PxEditor. */
int px_cli_cmd_annotate         (const char *db_path, int argc, char **argv);
int px_cli_cmd_delete           (const char *db_path, int argc, char **argv);
int px_cli_cmd_relabel          (const char *db_path, int argc, char **argv);
int px_cli_cmd_link             (const char *db_path, int argc, char **argv);
int px_cli_cmd_value            (const char *db_path, int argc, char **argv);
int px_cli_cmd_event            (const char *db_path, int argc, char **argv);
int px_cli_cmd_article          (const char *db_path, int argc, char **argv);
int px_cli_cmd_merge            (const char *db_path, int argc, char **argv);
/* label list|add|rename|set|delete|role|import|export (px-cli-labels.c). */
int px_cli_cmd_label            (const char *db_path, int argc, char **argv);

/* concordance (px-cli-concordance.c). */
int px_cli_cmd_concordance      (const char *db_path, int argc, char **argv);
/* agreement (px-cli-agreement.c). */
int px_cli_cmd_agreement        (const char *db_path, int argc, char **argv);

/* Helpers of px-cli-edit.c for the commands that edit. */
PxEditor *px_cli_open_editor    (const char *db, GError **error);
/* A label by name without regard to case; need_label also prints the
 * error ("COMMAND: no label named 'X'"). */
PxLabel  *px_cli_find_label     (PxStore *store, const char *name);
PxLabel  *px_cli_need_label     (PxStore *store, const char *command, const char *name);
int       px_cli_end_group      (PxEditor *editor, gboolean ok, gint64 id, GError *error);

/* Helpers of parallax-cli.c for the other command files. */
int       px_cli_fail           (GError *error);
int       px_cli_usage_error    (const char *message);
int       px_cli_parse_options  (const char    *command,
                                 const char    *params,
                                 const char    *summary,
                                 GOptionEntry  *entries,
                                 int           *argc,
                                 char        ***argv);
PxStore  *px_cli_open_store     (const char        *db,
                                 PxStoreOpenFlags   flags,
                                 GError           **error);
gboolean  px_cli_parse_id       (const char *s, gint64 *out);

G_END_DECLS
