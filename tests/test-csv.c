/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV: RFC 4180 quoting, formula neutralising, and a strict reader. */
#include <string.h>

#include "px-core.h"
#include "px-test-util.h"

static char *
write_rows (PxCsvWriterFlags flags, const char * const *cells, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(PxCsvWriter) w = px_csv_writer_new (out, flags);

  g_assert_true (px_csv_writer_write_row (w, cells, NULL, n, &error));
  g_assert_true (px_csv_writer_close (w, &error));
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
}

static void
test_quoting (void)
{
  const char *cells[] = { "plain", "a,b", "say \"hi\"", "two\nlines", NULL, "" };
  g_autofree char *csv = write_rows (PX_CSV_WRITER_DEFAULT, cells, G_N_ELEMENTS (cells));

  g_assert_cmpstr (csv, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\r\n");
}

static void
test_injection (void)
{
  const char *cells[] = { "=1+1", "+33 6", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=1", "-A1", "ok-", "a=b",
                          "-2", "+1.5", "-0,25", "--02-18", "--02", "'-2" };
  g_autofree char *safe = write_rows (PX_CSV_WRITER_DEFAULT, cells, G_N_ELEMENTS (cells));
  g_autofree char *raw = write_rows (PX_CSV_WRITER_RAW, cells, G_N_ELEMENTS (cells));

  g_assert_cmpstr (safe, ==, "\"'=1+1\",\"'+33 6\",\"'-2+3\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\",\"''=1\",\"'-A1\","
                             "ok-,a=b,-2,+1.5,\"-0,25\",--02-18,--02,'-2\r\n");
  g_assert_cmpstr (raw, ==, "=1+1,+33 6,-2+3,@SUM(A1),\tx,\"\rx\",'=1,-A1,ok-,a=b,-2,+1.5,\"-0,25\",--02-18,--02,'-2\r\n");
  for (guint i = 0; i < 8; i++)
    g_assert_true (px_csv_cell_is_dangerous (cells[i], strlen (cells[i])));
  /* Negative numbers and dates without a year are data. */
  for (guint i = 8; i < G_N_ELEMENTS (cells); i++)
    g_assert_false (px_csv_cell_is_dangerous (cells[i], strlen (cells[i])));
}

static void
test_bom (void)
{
  const char *cells[] = { "Kouléba" };
  g_autofree char *with = write_rows (PX_CSV_WRITER_BOM, cells, 1);
  g_autofree char *without = write_rows (PX_CSV_WRITER_DEFAULT, cells, 1);
  g_autoptr(PxCsvReader) r = px_csv_reader_new (with, strlen (with), "bom.csv");
  g_auto(GStrv) back = NULL;

  g_assert_cmpstr (with, ==, "\xef\xbb\xbfKouléba\r\n");
  g_assert_cmpstr (without, ==, "Kouléba\r\n");
  /* The reader skips the mark: it is not part of the first cell. */
  g_assert_true (px_csv_reader_next (r, &back, NULL));
  g_assert_cmpstr (back[0], ==, "Kouléba");
}

static void
test_round_trip (void)
{
  const char *cells[] = { "Kouléba", "« citation, avec virgule »", "a \"b\" c", "l1\r\nl2", "😀", "" };
  g_autofree char *csv = write_rows (PX_CSV_WRITER_RAW, cells, G_N_ELEMENTS (cells));
  g_autoptr(PxCsvReader) r = px_csv_reader_new (csv, strlen (csv), "mem.csv");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) back = NULL;

  g_assert_true (px_csv_reader_next (r, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (back), ==, G_N_ELEMENTS (cells));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_assert_cmpstr (back[i], ==, cells[i]);
  g_clear_pointer (&back, g_strfreev);
  g_assert_false (px_csv_reader_next (r, &back, &error));
  g_assert_no_error (error);
}

static void
test_reader_lines_and_errors (void)
{
  const char *good = "a,b\n\"multi\nline\",c\nd,e";
  const char *bad = "a,b\nc,\"never closed\nmore\n";
  const char *stray = "a,b\nc,d\"e\n";
  g_autoptr(PxCsvReader) r = px_csv_reader_new (good, strlen (good), "good.csv");
  g_autoptr(PxCsvReader) rb = px_csv_reader_new (bad, strlen (bad), "bad.csv");
  g_autoptr(PxCsvReader) rs = px_csv_reader_new (stray, strlen (stray), "stray.csv");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) row = NULL;
  guint n = 0;

  /* Each record's first line: the quoted field takes lines 2 and 3. */
  static const guint starts[] = { 1, 2, 4 };

  g_assert_cmpuint (px_csv_reader_get_line (r), ==, 1);
  while (px_csv_reader_next (r, &row, &error))
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (starts));
      g_assert_cmpuint (px_csv_reader_get_line (r), ==, starts[n]);
      n++;
      g_clear_pointer (&row, g_strfreev);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  /* At the end it still names the last record. */
  g_assert_cmpuint (px_csv_reader_get_line (r), ==, 4);

  g_assert_true (px_csv_reader_next (rb, &row, &error));
  g_clear_pointer (&row, g_strfreev);
  g_assert_false (px_csv_reader_next (rb, &row, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "bad.csv:2"));
  g_clear_error (&error);

  g_assert_true (px_csv_reader_next (rs, &row, &error));
  g_clear_pointer (&row, g_strfreev);
  g_assert_false (px_csv_reader_next (rs, &row, &error));
  g_assert_error (error, PX_ERROR, PX_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "stray.csv:2"));
}

static char *
random_cell (void)
{
  static const char *const pieces[] = { "a", "é", "😀", ",", "\"", "\n", "\r\n", "\r", " ", "=", "-", "''", "x y" };
  GString *s = g_string_new (NULL);
  guint n = (guint) g_test_rand_int_range (0, 8);

  for (guint i = 0; i < n; i++)
    g_string_append (s, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
  return g_string_free (s, FALSE);
}

/* Many rows (well past the writer's 64 KB buffer) of awkward cells come
 * back from the reader exactly as they went in. */
static void
test_random_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(PxCsvWriter) w = px_csv_writer_new (out, PX_CSV_WRITER_RAW);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(PxCsvReader) r = NULL;
  g_auto(GStrv) back = NULL;
  const char *data;
  gsize len;
  guint n = 0;

  for (guint i = 0; i < 5000; i++)
    {
      guint n_cells = (guint) g_test_rand_int_range (2, 6);
      char **row = g_new0 (char *, n_cells + 1);

      for (guint c = 0; c < n_cells; c++)
        row[c] = random_cell ();
      g_ptr_array_add (rows, row);
      g_assert_true (px_csv_writer_write_row (w, (const char * const *) row, NULL, n_cells, &error));
    }
  g_assert_true (px_csv_writer_close (w, &error));
  g_assert_no_error (error);
  data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpuint (len, >, 64 * 1024);
  r = px_csv_reader_new (data, len, "random.csv");
  while (px_csv_reader_next (r, &back, &error))
    {
      char **want = g_ptr_array_index (rows, n);

      g_assert_cmpuint (g_strv_length (back), ==, g_strv_length (want));
      for (guint c = 0; want[c] != NULL; c++)
        g_assert_cmpstr (back[c], ==, want[c]);
      g_clear_pointer (&back, g_strfreev);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, rows->len);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/injection", test_injection);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/reader-lines-errors", test_reader_lines_and_errors);
  g_test_add_func ("/csv/random-round-trip", test_random_round_trip);
  g_test_add_func ("/csv/bom", test_bom);
  return g_test_run ();
}
