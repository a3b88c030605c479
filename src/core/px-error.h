/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-error.h: the error domain shared by every core module.
 *
 * Messages are for people: they name the file (and line, where there is one)
 * and say what is wrong in one line.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PX_ERROR (px_error_quark ())

typedef enum
{
  PX_ERROR_FAILED,
  PX_ERROR_NOT_FOUND,     /* no such article, label, annotation, … */
  PX_ERROR_INVALID,       /* a bad argument: offsets out of range, unknown label */
  PX_ERROR_PARSE,         /* malformed input: .ann, CSV, JSONL, front matter */
  PX_ERROR_BINARY,        /* input is binary data, not text */
  PX_ERROR_EMPTY,         /* input holds no text */
  PX_ERROR_TOO_LARGE,     /* input is over the configured size limit */
  PX_ERROR_ENCODING,      /* input cannot be decoded */
  PX_ERROR_DUPLICATE,     /* the same article text is already in the corpus */
  PX_ERROR_NOT_DATABASE,  /* the corpus file is not an SQLite database */
  PX_ERROR_NEWER_SCHEMA,  /* the corpus file was written by a newer Parallax */
  PX_ERROR_READ_ONLY,     /* a write was asked of a read-only corpus */
  PX_ERROR_LOCKED,        /* another process holds the corpus */
  PX_ERROR_DISK_FULL,     /* the disk (or the database's page limit) is full */
} PxError;

GQuark px_error_quark (void);

G_END_DECLS
