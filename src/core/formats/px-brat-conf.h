/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-brat-conf.h: brat's annotation.conf, as far as a label schema goes.
 *
 * Entity types become entity labels and event types event labels with their
 * roles ("Theme+" is repeatable, "Site?" optional, "<EVENT>|Protein" an
 * allowed list). Relation and attribute definitions have no place in the
 * label schema; their lines are kept verbatim so that an export writes them
 * back.
 */
#pragma once

#include <glib.h>

#include "px-label.h"

G_BEGIN_DECLS

typedef struct
{
  char      *name;
  GPtrArray *roles;      /* PxRole; empty for entities */
} PxBratConfType;

typedef struct
{
  GPtrArray *entities;        /* PxBratConfType */
  GPtrArray *events;          /* PxBratConfType */
  GPtrArray *relation_lines;  /* char *, verbatim, comments dropped */
  GPtrArray *attribute_lines; /* char * */
} PxBratConf;

PxBratConf     *px_brat_conf_new      (void);
/* A new, role-less type appended to the entities or the events. */
PxBratConfType *px_brat_conf_add_type (PxBratConf  *conf,
                                       gboolean     event,
                                       const char  *name);

/* Errors are PX_ERROR_PARSE, "ORIGIN:LINE: what is wrong". */
PxBratConf *px_brat_conf_parse  (const char   *data,
                                 gsize         len,
                                 const char   *origin,
                                 GError      **error);
void        px_brat_conf_free   (PxBratConf   *conf);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxBratConf, px_brat_conf_free)

/* An annotation.conf for the given types. @relation_types lists relation
 * types used in the data; those without a kept definition get one that
 * allows any entity. */
char       *px_brat_conf_format (PxBratConf          *conf,
                                 const char * const  *relation_types);

G_END_DECLS
