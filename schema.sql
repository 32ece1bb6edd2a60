-- dateline schema, version 1.
--
-- Applied by src/store/migrate.rs as the first migration; every later change
-- is a new migration step there, never an edit of this file once released.
-- Dates are ISO text (readable in the sqlite3 shell) with integer day numbers
-- (days since 1970-01-01) beside them for the gap queries. CHECKs list their
-- values with OR, not IN: SQLite builds a temporary table for each IN list on
-- every insert, which made bulk imports several times slower.

-- The articles users added. `sha256` is the hash of the normalised body, so the
-- same article added twice (or from two formats) is recorded once.
CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    sha256         TEXT    NOT NULL UNIQUE,
    title          TEXT,
    url            TEXT,
    source         TEXT,
    published      TEXT    NOT NULL,          -- YYYY-MM-DD, the local date
    published_time TEXT,                      -- as given, with its UTC offset
    body           TEXT    NOT NULL,
    path           TEXT,
    added_at       TEXT    NOT NULL
) STRICT;

-- Full-text search over title and body (the `search` command), kept in sync
-- by the triggers below.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content = 'articles', content_rowid = 'id'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- People, organisations and countries. `key` is the folded name (lowercase,
-- accents removed) and `last` the folded last word, for lookups by surname.
CREATE TABLE actors (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    key     TEXT NOT NULL,
    last    TEXT NOT NULL,
    kind    TEXT NOT NULL DEFAULT 'person'
            CHECK (kind = 'person' OR kind = 'organisation' OR kind = 'country'),
    role    TEXT,
    country TEXT
) STRICT;

CREATE INDEX actors_key ON actors (key);
CREATE INDEX actors_last ON actors (last);

-- Other names of an actor; `alias` is folded, `display` as the user wrote it.
CREATE TABLE aliases (
    alias   TEXT    NOT NULL PRIMARY KEY,
    actor   INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    display TEXT    NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX aliases_actor ON aliases (actor);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL
               CHECK (kind = 'call' OR kind = 'meeting' OR kind = 'visit'
                      OR kind = 'message' OR kind = 'statement'),
    date_start TEXT    NOT NULL,              -- YYYY-MM-DD, first possible day
    date_end   TEXT    NOT NULL,              -- YYYY-MM-DD, last possible day
    precision  TEXT    NOT NULL
               CHECK (precision = 'day' OR precision = 'week' OR precision = 'month'
                      OR precision = 'year' OR precision = 'range'),
    day_start  INTEGER NOT NULL,
    day_end    INTEGER NOT NULL,
    origin     TEXT    NOT NULL
               CHECK (origin = 'extracted' OR origin = 'manual'
                      OR origin = 'imported' OR origin = 'inferred'),
    note       TEXT,
    created_at TEXT    NOT NULL,
    ext_id     TEXT                           -- an external id (GDELT GLOBALEVENTID)
) STRICT;

-- Partial: most events have no external id, and bulk imports should not pay
-- for indexing their NULLs.
CREATE UNIQUE INDEX events_ext_id ON events (ext_id) WHERE ext_id IS NOT NULL;

CREATE TABLE event_actors (
    event    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    actor    INTEGER NOT NULL REFERENCES actors (id),
    role     TEXT,
    position INTEGER NOT NULL DEFAULT 0,      -- the order the source named them in
    PRIMARY KEY (event, actor)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_actors_actor ON event_actors (actor, event);

-- Where an event was reported: an article (with the evidence sentence and its
-- byte span) or, for imports, a URL. Manual events have none.
CREATE TABLE event_sources (
    id         INTEGER PRIMARY KEY,
    event      INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article    INTEGER REFERENCES articles (id) ON DELETE CASCADE,
    url        TEXT,
    evidence   TEXT,
    span_start INTEGER,
    span_end   INTEGER
) STRICT;

CREATE INDEX event_sources_event ON event_sources (event);
-- Partial: imported sources have a URL and no article.
CREATE INDEX event_sources_article ON event_sources (article) WHERE article IS NOT NULL;

-- Derived from events and event_actors by the store (never written by hand):
-- one row per pair of actors (a < b) of each contact event, so that one pair's
-- contacts are one range scan and all pairs one ordered scan.
CREATE TABLE contacts (
    a         INTEGER NOT NULL,
    b         INTEGER NOT NULL,
    day_start INTEGER NOT NULL,
    day_end   INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    precision TEXT    NOT NULL,
    event     INTEGER NOT NULL,
    PRIMARY KEY (a, b, day_start, event)
) STRICT, WITHOUT ROWID;

-- Stated gaps ("the first call in 27 days"). Their status is computed when
-- asked, because it changes as events are added.
CREATE TABLE claims (
    id                INTEGER PRIMARY KEY,
    article           INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_a           INTEGER NOT NULL REFERENCES actors (id),
    actor_b           INTEGER NOT NULL REFERENCES actors (id),
    text              TEXT    NOT NULL,
    min_days          INTEGER,
    max_days          INTEGER,                -- NULL: open ("more than a month")
    basis             TEXT    NOT NULL DEFAULT 'contact'
                      CHECK (basis = 'call' OR basis = 'meeting' OR basis = 'contact'),
    first_ever        INTEGER NOT NULL DEFAULT 0,
    ending_event      INTEGER REFERENCES events (id) ON DELETE SET NULL,
    ending            TEXT,                   -- ISO value of the ending contact's date
    implied_previous  TEXT,                   -- ISO value
    implied_precision TEXT,
    evidence          TEXT
) STRICT;

CREATE INDEX claims_article ON claims (article);
CREATE INDEX claims_ending ON claims (ending_event);
