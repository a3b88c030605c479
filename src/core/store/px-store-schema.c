/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-store-schema.c: the schema as ordered migration steps, and the default
 * label schema a new corpus starts with.
 *
 * A step never changes once released: a change to the schema is a new step
 * at the end, and PX_STORE_SCHEMA_VERSION follows the last one. */
#include <string.h>

#include "px-store-interchange.h"
#include "px-store-private.h"
#include "px-store-interchange.h"

static const char schema_v1[] =
  "CREATE TABLE article ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT, source TEXT, url TEXT, published TEXT, language TEXT,"
  "  chars INTEGER NOT NULL,"
  "  text_sha256 TEXT NOT NULL UNIQUE,"
  "  imported_at TEXT NOT NULL,"
  "  origin_path TEXT,"
  /* Last: a long text spills into overflow pages, and a column stored after
   * it would make every read of that column walk them. */
  "  text TEXT NOT NULL);"
  "CREATE TABLE story ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  date TEXT, notes TEXT);"
  "CREATE TABLE story_article ("
  "  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
  "  article_id INTEGER NOT NULL UNIQUE REFERENCES article(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (story_id, article_id));"
  "CREATE TABLE label ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('entity', 'event')),"
  "  colour TEXT NOT NULL,"
  "  shortcut TEXT,"
  "  description TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE label_role ("
  "  label_id INTEGER NOT NULL REFERENCES label(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  role TEXT NOT NULL,"
  "  repeatable INTEGER NOT NULL DEFAULT 0,"
  "  allowed TEXT,"
  "  PRIMARY KEY (label_id, role));"
  "CREATE TABLE annotator ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE entity ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  label_id INTEGER REFERENCES label(id) ON DELETE SET NULL,"
  "  match_key TEXT NOT NULL);"
  "CREATE INDEX entity_match_key ON entity(match_key);"
  "CREATE TABLE annotation ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
  "  label_id INTEGER NOT NULL REFERENCES label(id),"
  "  start INTEGER NOT NULL CHECK (start >= 0),"
  "  \"end\" INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  entity_id INTEGER REFERENCES entity(id) ON DELETE SET NULL,"
  "  annotator_id INTEGER REFERENCES annotator(id),"
  "  created_at TEXT NOT NULL,"
  "  note TEXT,"
  "  status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'suggested')),"
  "  CHECK (\"end\" > start));"
  /* status rides along so that counting an article's accepted annotations
   * (every article list item does) reads the index alone. */
  "CREATE INDEX annotation_article ON annotation(article_id, start, status);"
  "CREATE INDEX annotation_entity ON annotation(entity_id);"
  "CREATE TABLE story_event ("
  "  id INTEGER PRIMARY KEY,"
  "  story_id INTEGER REFERENCES story(id) ON DELETE CASCADE,"
  "  name TEXT);"
  "CREATE TABLE event ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
  "  label_id INTEGER NOT NULL REFERENCES label(id),"
  "  trigger_annotation_id INTEGER NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,"
  "  story_event_id INTEGER REFERENCES story_event(id) ON DELETE SET NULL);"
  "CREATE INDEX event_article ON event(article_id);"
  "CREATE INDEX event_trigger ON event(trigger_annotation_id);"
  "CREATE TABLE event_argument ("
  "  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL,"
  "  annotation_id INTEGER NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (event_id, role, annotation_id));"
  "CREATE INDEX event_argument_annotation ON event_argument(annotation_id);"
  /* External-content FTS5: the text is stored once, in article. */
  "CREATE VIRTUAL TABLE article_fts USING fts5("
  "  title, text, content='article', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN"
  "  INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;"
  "CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN"
  "  INSERT INTO article_fts(article_fts, rowid, title, text)"
  "    VALUES ('delete', old.id, old.title, old.text);"
  "END;";

/* Edits are undone by replaying recorded change sets (px-store-history.c):
 * the title index must follow an UPDATE of the article as the editor makes
 * it, and the session extension records only tables with a primary key. */
static const char schema_v3[] =
  "CREATE TRIGGER article_fts_update AFTER UPDATE OF title ON article BEGIN"
  "  INSERT INTO article_fts(article_fts, rowid, title, text)"
  "    VALUES ('delete', old.id, old.title, old.text);"
  "  INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;"
  "CREATE TABLE ix_event_arg_event_v3 ("
  "  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL,"
  "  annotation_id INTEGER NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,"
  "  target_event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (event_id, role, annotation_id, target_event_id));"
  "INSERT OR IGNORE INTO ix_event_arg_event_v3 SELECT event_id, role, annotation_id, target_event_id"
  "  FROM ix_event_arg_event;"
  "DROP TABLE ix_event_arg_event;"
  "ALTER TABLE ix_event_arg_event_v3 RENAME TO ix_event_arg_event;"
  "CREATE INDEX ix_event_arg_event_event ON ix_event_arg_event(event_id);";

/* Values are not entities (DESIGN.md §3): DATE, NUM and QUOTE mentions
 * carry a normalised value instead of an entity link. A label says which
 * kind of value its mentions hold; the seeded and any existing labels of
 * those names get it here. Their mentions lose their entity links (the
 * entities made for "jeudi" or "trois" go, ON DELETE SET NULL unlinks), so
 * the Entities page and the matrix never show them again. Computed values
 * come when the editor or the compare engine next reads them. */
static const char schema_v4[] =
  "ALTER TABLE label ADD COLUMN value_type TEXT"
  "  CHECK (value_type IN ('date', 'number', 'quote'));"
  "UPDATE label SET value_type = CASE upper(name)"
  "  WHEN 'DATE' THEN 'date' WHEN 'NUM' THEN 'number' WHEN 'QUOTE' THEN 'quote' END"
  "  WHERE kind = 'entity' AND upper(name) IN ('DATE', 'NUM', 'QUOTE');"
  "ALTER TABLE annotation ADD COLUMN value TEXT;"
  "ALTER TABLE annotation ADD COLUMN value_source TEXT"
  "  CHECK (value_source IN ('computed', 'coder'));"
  "DELETE FROM entity WHERE label_id IN (SELECT id FROM label WHERE value_type IS NOT NULL);"
  "UPDATE annotation SET entity_id = NULL WHERE entity_id IS NOT NULL"
  "  AND label_id IN (SELECT id FROM label WHERE value_type IS NOT NULL);";

/* Document status, per coder: new (no row), in progress or done. */
static const char schema_v5[] =
  "CREATE TABLE article_status ("
  "  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
  "  annotator_id INTEGER NOT NULL REFERENCES annotator(id),"
  "  status TEXT NOT NULL CHECK (status IN ('in_progress', 'done')),"
  "  PRIMARY KEY (article_id, annotator_id));";

const PxStoreMigration px_store_migrations[] = {
  { 1, schema_v1 },
  /* Fragments, brat ids, relations and kept lines of the interchange
   * formats; new tables only, so a v1 corpus upgrades in place. */
  { 2, px_store_interchange_schema_sql },
  { 3, schema_v3 },
  { 4, schema_v4 },
  { 5, schema_v5 },
};
const guint px_store_n_migrations = G_N_ELEMENTS (px_store_migrations);

typedef struct
{
  const char *name;
  const char *colour;
  const char *shortcut;
  const char *description;
  const char *roles; /* "Role+,Role,…" ('+': repeatable) */
} SeedLabel;

/* Loosely CoNLL, ACE 2005 and Rich ERE; colours chosen to stay apart for
 * common colour blindness and to read under black text. */
static const SeedLabel seed_entities[] = {
  { "PER",   "#62a0ea", "1", "Person", NULL },
  { "ORG",   "#f6d32d", "2", "Organisation", NULL },
  { "GPE",   "#57e389", "3", "Country, or city as a polity", NULL },
  { "LOC",   "#8ff0a4", "4", "Place", NULL },
  { "DATE",  "#ffa348", "5", "Time expression", NULL },
  { "NUM",   "#f66151", "6", "Quantity, count or money", NULL },
  { "QUOTE", "#dc8add", "7", "Reported speech", NULL },
  { "MISC",  "#c0bfbc", "8", "Anything else worth tagging", NULL },
};

static const SeedLabel seed_events[] = {
  { "Meet",      "#99c1f1", "m", "A meeting", "Participant+,Place,Time,Mediator" },
  { "Statement", "#cdab8f", "s", "Something said", "Speaker,Addressee,Content,Place,Time" },
  { "Attack",    "#e01b24", "a", "An attack or strike", "Attacker,Target,Instrument,Place,Time" },
  { "Die",       "#77767b", "d", "A death", "Victim,Agent,Place,Time" },
  { "Injure",    "#ff7800", "i", "An injury", "Victim,Agent,Place,Time" },
  { "Transport", "#1c71d8", "t", "Transport or travel", "Agent,Artifact,Origin,Destination,Time" },
  { "Agreement", "#2ec27e", "g", "Ceasefire, corridor, exchange", "Party+,Topic,Place,Time" },
  { "Sanction",  "#a51d2d", "n", "A sanction", "Agent,Target,Time" },
};

static gboolean
seed_one (PxStore          *self,
          const SeedLabel  *seed,
          PxLabelKind       kind,
          GError          **error)
{
  gint64 id = px_store_add_label (self, seed->name, kind, seed->colour,
                                  seed->shortcut, seed->description, error);
  g_auto(GStrv) roles = NULL;

  if (id == 0)
    return FALSE;
  if (seed->roles == NULL)
    return TRUE;
  roles = g_strsplit (seed->roles, ",", -1);
  for (guint i = 0; roles[i] != NULL; i++)
    {
      gsize len = strlen (roles[i]);
      gboolean repeatable = len > 0 && roles[i][len - 1] == '+';
      g_autofree char *name = g_strndup (roles[i], repeatable ? len - 1 : len);
      PxRole role = { name, repeatable, NULL };

      if (!px_store_add_label_role (self, id, &role, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
px_store_seed_labels (PxStore  *self,
                      GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_entities); i++)
    if (!seed_one (self, &seed_entities[i], PX_LABEL_ENTITY, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (seed_events); i++)
    if (!seed_one (self, &seed_events[i], PX_LABEL_EVENT, error))
      return FALSE;
  return TRUE;
}
