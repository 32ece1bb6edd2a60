-- Schema version 3: the compact form of imported events.
--
-- An import of a million contacts wrote eight b-tree entries per event (the
-- events row, two event_actors rows and their two actor-index entries, an
-- event_sources row and its index entry, the contacts row) and took more
-- than twice as long as the sqlite3 shell loading the same CSV. The bulk
-- writer now keeps, on the events row itself:
--
-- - `actor1`, `actor2`: the two actors of a contact between exactly two, in
--   the order given. Such an event has no event_actors rows; it is found by
--   actor through `contacts` (every contact has its rows there).
-- - `url`: its first source when that is a bare URL (no article, evidence
--   or span). Further sources are event_sources rows as before.
--
-- `contacts` keeps its kind and precision as integer codes (store/codes.rs):
-- two texts per row were 0.27 s of an import of 3.54 s.
--
-- Every other writer uses event_actors and event_sources, and a change of
-- an event's actors moves them there. Readers see both forms through the
-- two views below, which SQLite answers by primary key for `WHERE event =`.
ALTER TABLE events ADD COLUMN actor1 INTEGER REFERENCES actors (id);
ALTER TABLE events ADD COLUMN actor2 INTEGER REFERENCES actors (id)
    CHECK (actor1 IS NULL AND actor2 IS NULL
           OR actor1 IS NOT NULL AND actor2 IS NOT NULL AND actor1 <> actor2);
ALTER TABLE events ADD COLUMN url TEXT;

-- An event's actors in either form; `position` is the order named.
CREATE VIEW event_actor_rows (event, actor, position) AS
    SELECT event, actor, position FROM event_actors
    UNION ALL SELECT id, actor1, 0 FROM events WHERE actor1 IS NOT NULL
    UNION ALL SELECT id, actor2, 1 FROM events WHERE actor2 IS NOT NULL;

-- An event's sources in either form; `seq` orders them (the URL on the
-- events row came first).
CREATE VIEW event_source_rows (seq, event, article, url, evidence, span_start, span_end) AS
    SELECT 0, id, NULL, url, NULL, NULL, NULL FROM events WHERE url IS NOT NULL
    UNION ALL
    SELECT id, event, article, url, evidence, span_start, span_end FROM event_sources;

CREATE TABLE contacts_v3 (
    a         INTEGER NOT NULL,
    b         INTEGER NOT NULL,
    day_start INTEGER NOT NULL,
    day_end   INTEGER NOT NULL,
    kind      INTEGER NOT NULL,     -- 1 call, 2 meeting, 3 visit, 4 message, 5 statement
    precision INTEGER NOT NULL,     -- 1 day, 2 week, 3 month, 4 year, 5 range
    event     INTEGER NOT NULL,
    PRIMARY KEY (a, b, day_start, event)
) STRICT, WITHOUT ROWID;

INSERT INTO contacts_v3
SELECT a, b, day_start, day_end,
       CASE kind WHEN 'call' THEN 1 WHEN 'meeting' THEN 2 WHEN 'visit' THEN 3
                 WHEN 'message' THEN 4 WHEN 'statement' THEN 5 END,
       CASE precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN 'month' THEN 3
                      WHEN 'year' THEN 4 WHEN 'range' THEN 5 END,
       event
FROM contacts;

DROP TABLE contacts;
ALTER TABLE contacts_v3 RENAME TO contacts;
