/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-gazetteer.h: which place lies inside which.
 *
 * The compare engine needs to know that Antalya is in Turkey (compatible)
 * and that Antalya is not Ankara (a conflict). data/gazetteer.tsv, built
 * into the library as a resource, lists countries, some regions and major
 * cities with their French and English names. It is small on purpose: a
 * place it does not know is "check", never "conflict". */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PxGazetteer PxGazetteer;

/* The built-in gazetteer, loaded once; thread-safe. */
const PxGazetteer *px_gazetteer_get_default (void);

/* From TSV text (id, kind, parent id, names joined by "|"; '#' starts a
 * comment line). Errors name @origin and the line. */
PxGazetteer *px_gazetteer_new_from_data (const char  *data,
                                         gsize        len,
                                         const char  *origin,
                                         GError     **error);
void         px_gazetteer_free          (PxGazetteer *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxGazetteer, px_gazetteer_free)

guint        px_gazetteer_get_n_places  (const PxGazetteer *self);

/* The places a name may be (by match key, without a leading article):
 * indices into the gazetteer, or NULL when it knows no such name. Some
 * names are several places ("Mexico"). */
const GArray *px_gazetteer_lookup       (const PxGazetteer *self,
                                         const char        *name);
/* TRUE when @inner lies inside @outer (a city in its country, or in a
 * region of it). */
gboolean     px_gazetteer_contains      (const PxGazetteer *self,
                                         guint              outer,
                                         guint              inner);
/* The first name of a place: "Turquie". */
const char  *px_gazetteer_get_name      (const PxGazetteer *self,
                                         guint              place);

/* A name's key for matching: the match key without a leading article or
 * elision ("l'Ukraine", "la Turquie", "the Hague" → "ukraine", "turquie",
 * "hague"). */
char        *px_gazetteer_name_key      (const char        *name);

G_END_DECLS
