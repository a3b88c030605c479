/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-jsonl.c: doccano-shaped JSON Lines, parsing and writing. */
#include <string.h>

#include "px-error.h"
#include "px-jsonl.h"
#include "px-test-util.h"
#include "ix-test-sigs.h"

static PxIxDocument *
parse (const char *line, GError **error)
{
  return px_jsonl_parse_line (line, strlen (line), "in.jsonl", 3, error);
}

static void
test_label_form (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc =
    parse ("{\"text\": \"Kuleba met Lavrov.\", \"label\": [[0, 6, \"PER\"], [11, 17, \"PER\"]]}", &error);
  g_autofree char *sig = NULL;

  g_assert_no_error (error);
  sig = ix_sig_document (doc);
  g_assert_cmpstr (sig, ==, "T PER 0-6 |Kuleba|\nT PER 11-17 |Lavrov|\n");
  g_assert_null (doc->meta_json);
}

/* Offsets are Python string indices: one per code point, astral ones too. */
static void
test_astral_offsets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc =
    parse ("{\"text\": \"\\ud83d\\ude00\\ud83c\\uddfa\\ud83c\\udde6 Kyiv e\\u0301\", "
           "\"label\": [[4, 8, \"GPE\"], [9, 11, \"X\"]]}", &error);
  g_autofree char *sig = NULL;

  g_assert_no_error (error);
  sig = ix_sig_document (doc);
  g_assert_cmpstr (sig, ==, "T GPE 4-8 |Kyiv|\nT X 9-11 |e\xcc\x81|\n");
}

static void
test_relation_form (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc =
    parse ("{\"id\": 42, \"text\": \"Kuleba met Lavrov.\", \"entities\": ["
           "{\"id\": 10, \"label\": \"PER\", \"start_offset\": 0, \"end_offset\": 6},"
           "{\"id\": 11, \"label\": \"PER\", \"start_offset\": 11, \"end_offset\": 17}],"
           "\"relations\": [{\"id\": 3, \"from_id\": 10, \"to_id\": 11, \"type\": \"meets\"}],"
           "\"Comments\": [\"check\"], \"meta\": {\"outlet\": \"lemonde.fr\"}}", &error);
  g_autofree char *out = NULL;
  g_autoptr(PxIxDocument) again = NULL;
  g_autofree char *a = NULL, *b = NULL;
  PxIxRelation *rel;

  g_assert_no_error (error);
  g_assert_cmpuint (doc->relations->len, ==, 1);
  rel = doc->relations->pdata[0];
  g_assert_cmpstr (rel->type, ==, "meets");
  g_assert_cmpstr (rel->ref1, ==, "10");
  g_assert_nonnull (strstr (doc->meta_json, "\"outlet\":\"lemonde.fr\""));
  g_assert_nonnull (strstr (doc->meta_json, "\"id\":42"));

  /* Written back in the relation form, metadata included, and read again. */
  out = px_jsonl_format_document (doc, PX_JSONL_RELATION_FORM);
  g_assert_null (strchr (out, '\n'));
  g_assert_nonnull (strstr (out, "\"Comments\":[\"check\"]"));
  g_assert_nonnull (strstr (out, "\"id\":42"));
  again = parse (out, &error);
  g_assert_no_error (error);
  a = ix_sig_document (doc);
  b = ix_sig_document (again);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (again->relations->len, ==, 1);
  g_assert_cmpstr (((PxIxRelation *) again->relations->pdata[0])->type, ==, "meets");
  g_assert_cmpstr (again->meta_json, ==, doc->meta_json);
}

static void
test_label_form_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  const char *line = "{\"text\": \"\\u05e9\\u05dc\\u05d5\\u05dd\\tAntalya\\r\\nend\", "
                     "\"label\": [[0, 4, \"X\"], [5, 12, \"GPE\"], [0, 12, \"MISC\"]], \"source\": \"x\"}";
  g_autoptr(PxIxDocument) doc = parse (line, &error);
  g_autofree char *out = px_jsonl_format_document (doc, PX_JSONL_LABEL_FORM);
  g_autoptr(PxIxDocument) again = parse (out, &error);
  g_autofree char *a = ix_sig_document (doc);
  g_autofree char *b = ix_sig_document (again);

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (again->text, ==, doc->text);
  g_assert_nonnull (strstr (out, "\"source\":\"x\""));
}

static void
check_bad (const char *line, int code, const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxIxDocument) doc = parse (line, &error);

  g_assert_null (doc);
  g_assert_error (error, PX_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "in.jsonl:3: "));
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_bad_lines (void)
{
  check_bad ("{\"text\": \"abc\", \"label\": [[0, 2, \"X\"]", PX_ERROR_PARSE, "not valid JSON");
  check_bad ("[1, 2]", PX_ERROR_PARSE, "not a JSON object");
  check_bad ("{\"label\": []}", PX_ERROR_PARSE, "no \"text\"");
  check_bad ("{\"text\": \"abc\", \"label\": [[0, 9, \"X\"]]}", PX_ERROR_INVALID, "outside the text");
  check_bad ("{\"text\": \"abc\", \"label\": [[2, 1, \"X\"]]}", PX_ERROR_INVALID, "empty");
  check_bad ("{\"text\": \"abc\", \"label\": [[0, 1.5, \"X\"]]}", PX_ERROR_PARSE, "whole numbers");
  check_bad ("{\"text\": \"abc\", \"label\": [[0, 1]]}", PX_ERROR_PARSE, "label 0");
  check_bad ("{\"text\": \"abc\", \"label\": \"X\"}", PX_ERROR_PARSE, "must be arrays");
  check_bad ("{\"text\": \"abc\", \"entities\": [{\"id\": 1, \"label\": \"X\", \"start_offset\": 0, "
             "\"end_offset\": 1}], \"relations\": [{\"from_id\": 1, \"to_id\": 2, \"type\": \"r\"}]}",
             PX_ERROR_PARSE, "missing entity");
  /* A lone surrogate escape would put bytes that are not UTF-8 into a label
   * or the kept metadata (found by fuzz-jsonl). */
  check_bad ("{\"text\": \"abc\", \"label\": [[0, 1, \"GPE\\ude2df8d\"]]}", PX_ERROR_ENCODING, "UTF-8");
  check_bad ("{\"text\": \"abc\", \"note\": \"x\\ud83d y\"}", PX_ERROR_ENCODING, "UTF-8");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jsonl/label-form", test_label_form);
  g_test_add_func ("/jsonl/astral-offsets", test_astral_offsets);
  g_test_add_func ("/jsonl/relation-form", test_relation_form);
  g_test_add_func ("/jsonl/label-form-round-trip", test_label_form_round_trip);
  g_test_add_func ("/jsonl/bad-lines", test_bad_lines);
  return g_test_run ();
}
