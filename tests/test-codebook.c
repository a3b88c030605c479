/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-codebook.c: the codebook (label schema) to and from JSON and brat's
 * annotation.conf, and `parallax-cli label`, checked on the corpus file. */
#include <string.h>

#include "px-codebook.h"
#include "px-core.h"
#include "px-test-util.h"

static char *
open_new (PxStore **out_store)
{
  g_autoptr(GError) error = NULL;
  char *path = px_test_db_path ();

  *out_store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return path;
}

/* One line per label and role, for comparing two codebooks. */
static char *
describe (PxStore *store)
{
  g_autoptr(GListModel) labels = px_store_list_labels (store);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(PxLabel) l = g_list_model_get_item (labels, i);
      GPtrArray *roles = px_label_get_roles (l);

      g_string_append_printf (out, "%s %s %s %s %s\n", px_label_get_name (l),
                              px_label_kind_to_string (px_label_get_kind (l)), px_label_get_colour (l),
                              px_label_get_shortcut (l) ? px_label_get_shortcut (l) : "-",
                              px_label_get_description (l) ? px_label_get_description (l) : "-");
      for (guint k = 0; roles != NULL && k < roles->len; k++)
        {
          const PxRole *r = roles->pdata[k];
          g_string_append_printf (out, "  %s%s\n", r->name, r->repeatable ? "+" : "");
        }
    }
  return g_string_free (out, FALSE);
}

static void
test_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) a = NULL;
  g_autoptr(PxStore) b = NULL;
  g_autofree char *path_a = open_new (&a);
  g_autofree char *path_b = NULL;
  g_autoptr(PxEditor) ea = px_editor_new (a);
  g_autoptr(PxEditor) eb = NULL;
  g_autoptr(PxCodebookReport) report = NULL;
  g_autofree char *json = NULL;
  g_autofree char *file = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  gint64 protest;

  g_assert_cmpint (px_editor_add_label (ea, "WITNESS", PX_LABEL_ENTITY, "#112233", "w",
                                        "Saw it \"first\"", &error), >, 0);
  protest = px_editor_add_label (ea, "Protest", PX_LABEL_EVENT, NULL, "x", NULL, &error);
  g_assert_true (px_editor_add_role (ea, protest, "Protester", TRUE, &error));
  g_assert_true (px_editor_add_role (ea, protest, "Place", FALSE, &error));
  g_assert_no_error (error);
  json = px_codebook_to_json (a, &error);
  g_assert_no_error (error);
  file = px_test_write_file ("codebook.json", json, -1);

  /* A new corpus has the default labels; the file adds two and matches the rest. */
  path_b = open_new (&b);
  eb = px_editor_new (b);
  report = px_codebook_import (eb, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->updated, ==, 0);
  g_assert_cmpuint (report->warnings->len, ==, 0);
  want = describe (a);
  got = describe (b);
  g_assert_cmpstr (got, ==, want);
  /* One undo step takes the whole import back. */
  g_assert_cmpstr (px_editor_get_undo_description (eb), ==, "Import a Codebook");
  g_assert_true (px_editor_undo (eb, NULL, &error));
  g_assert_null (px_store_find_label (b, "WITNESS"));
}

static void
test_brat_conf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autofree char *path = open_new (&store);
  g_autoptr(PxEditor) editor = px_editor_new (store);
  g_autoptr(PxCodebookReport) report = NULL;
  g_autoptr(PxLabel) travel = NULL;
  g_autofree char *conf = NULL;
  const char text[] = "[entities]\nPerson\nPlace\n[events]\nTravel\tTraveller+:Person, Destination:Place\n"
                      "[relations]\n[attributes]\n";
  g_autofree char *file = px_test_write_file ("annotation.conf", text, -1);

  report = px_codebook_import (editor, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 3);
  travel = px_store_find_label (store, "Travel");
  g_assert_nonnull (travel);
  g_assert_cmpint (px_label_get_kind (travel), ==, PX_LABEL_EVENT);
  g_assert_cmpuint (px_label_get_roles (travel)->len, ==, 2);
  g_assert_true (((PxRole *) px_label_get_roles (travel)->pdata[0])->repeatable);
  conf = px_codebook_to_brat_conf (store, &error);
  g_assert_nonnull (strstr (conf, "\nTravel\tTraveller+"));
  g_assert_nonnull (strstr (conf, "\nPerson\n"));
}

static void
test_bad_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxStore) store = NULL;
  g_autofree char *path = open_new (&store);
  g_autoptr(PxEditor) editor = px_editor_new (store);
  g_autofree char *before = describe (store);
  g_autofree char *brackets = g_strnfill (5000, '[');
  g_autofree char *deep_text = g_strconcat ("{\"parallax_codebook\": 1, \"labels\": ", brackets, NULL);
  struct { const char *name; const char *text; const char *says; } cases[] = {
    { "broken.json", "{\"parallax_codebook\": 1, \"labels\": [", "broken.json" },
    { "other.json", "{\"labels\": []}", "not a Parallax codebook" },
    { "noname.json", "{\"parallax_codebook\": 1, \"labels\": [{\"kind\": \"entity\"}]}", "label 1 needs a \"name\"" },
    { "kind.json", "{\"parallax_codebook\": 1, \"labels\": [{\"name\": \"X\", \"kind\": \"thing\"}]}", "label 1" },
    { "deep.json", deep_text, "nested too deep" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = px_test_write_file (cases[i].name, cases[i].text, -1);
      g_autoptr(PxCodebookReport) report = px_codebook_import (editor, file, &error);
      g_autofree char *after = NULL;

      g_assert_null (report);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].name));
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_clear_error (&error);
      after = describe (store);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_false (px_editor_get_can_undo (editor));

  /* A key in use is left off with a note, the label still comes in. */
  {
    const char text[] = "{\"parallax_codebook\": 1, \"labels\": [{\"name\": \"X\", \"key\": \"1\"}]}";
    g_autofree char *file = px_test_write_file ("clash.json", text, -1);
    g_autoptr(PxCodebookReport) report = px_codebook_import (editor, file, &error);
    g_autoptr(PxLabel) x = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (report->added, ==, 1);
    g_assert_cmpuint (report->warnings->len, ==, 1);
    g_assert_nonnull (strstr (report->warnings->pdata[0], "already tags PER"));
    x = px_store_find_label (store, "X");
    g_assert_null (px_label_get_shortcut (x));
  }
}

static int
run_cli (const char  *db,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PARALLAX_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_label (void)
{
  g_autoptr(PxStore) store = NULL;
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  PxArticleInfo info = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 article;
  g_autofree char *article_s = NULL;

  if (g_getenv ("PARALLAX_CLI") == NULL)
    {
      g_test_skip ("PARALLAX_CLI is not set");
      return;
    }
  db = open_new (&store);
  info.text = (char *) "Kuleba met Lavrov.";
  article = px_store_add_article (store, &info, NULL, &error);
  article_s = g_strdup_printf ("%" G_GINT64_FORMAT, article);
  g_clear_object (&store);

  g_assert_cmpint (run_cli (db, &out, &err, "label", "add", "WITNESS", "--key", "w", NULL), ==, 0);
  g_clear_pointer (&out, g_free); g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &out, &err, "label", "set", "witness", "--key", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already tags PER"));
  g_clear_pointer (&out, g_free); g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &out, &err, "label", "rename", "WITNESS", "WIT", NULL), ==, 0);
  g_clear_pointer (&out, g_free); g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &out, &err, "annotate", article_s, "0", "6", "wit", NULL), ==, 0);
  g_clear_pointer (&out, g_free); g_clear_pointer (&err, g_free);

  /* A label in use is not deleted without --force, and the count is said. */
  g_assert_cmpint (run_cli (db, &out, &err, "label", "delete", "WIT", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "used by 1 annotation"));
  g_clear_pointer (&out, g_free); g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &out, &err, "label", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "WIT"));
  g_clear_pointer (&out, g_free); g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &out, &err, "label", "delete", "WIT", "--force", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "Its 1 annotation was deleted with it."));
  g_clear_pointer (&out, g_free); g_clear_pointer (&err, g_free);

  store = px_store_open (db, PX_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_null (px_store_find_label (store, "WIT"));
  g_assert_cmpuint (px_store_count_annotations (store), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/codebook/json-round-trip", test_json_round_trip);
  g_test_add_func ("/codebook/brat-conf", test_brat_conf);
  g_test_add_func ("/codebook/bad-files", test_bad_files);
  g_test_add_func ("/codebook/cli", test_cli_label);
  return g_test_run ();
}
