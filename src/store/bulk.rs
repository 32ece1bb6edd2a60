//! Bulk imports: the write path of `import`, for files of a million events.
//! Each batch is one IMMEDIATE transaction, as everywhere in the store; what
//! differs is how a batch finds the events its rows repeat and how it writes.
//!
//! - Repeats are found in memory: a map from a fingerprint of (sorted actor
//!   set, kind class, first and last day) to the first event with it, loaded
//!   once per import (from the second batch on when the database had events)
//!   and kept up to date by the import. A hit is checked against the event's
//!   own row and actors (two primary-key reads), and a failed check falls
//!   back to the index probe, so the answer is exactly that of
//!   [`Tx::record_event`] with [`Match::Identical`].
//! - A new contact between exactly two actors keeps them on its events row
//!   (`actor1`, `actor2`) and a first source that is a bare URL there too
//!   (`url`): two b-tree entries per event (its row and its contacts row)
//!   where the general form writes eight. See schema step 3
//!   (`3-inline-pairs.sql`) for how readers see both forms.
//! - New events get their ids from the batch and are kept back, with their
//!   `event_actors` and `contacts` rows, to the end of the batch (or until
//!   something must read them: an index probe, an update of an event, a
//!   GDELT id that may be among them). Then the events are written 64 rows
//!   to a statement, and the actor and contact rows, which land all over
//!   their indexes, sorted by index key: each index page is visited once per
//!   batch, not once per row. A repeat of a kept-back event is checked
//!   against what is kept in memory.
//!
//! If another connection commits between two batches, the map is reloaded
//! and the caller is told to forget the ids it cached. Nothing here parses
//! files or prints.

use super::codes::{kind_code, precision_code};
use super::{Attach, Match, NewEvent, Result, Store, Tx};
use crate::date::{day_number, Span};
use crate::extract::EventKind;
use crate::model::Source;
use rusqlite::Statement;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// `PRAGMA cache_size` during an import (KiB).
const IMPORT_CACHE_KIB: i64 = -32 * 1024;

/// Rows per multi-row INSERT: fewer statements to run, the same b-tree work.
const ROWS: usize = 64;

/// `prefix` followed by [`ROWS`] groups of `columns` parameters.
fn rows_insert(prefix: &str, columns: usize) -> String {
    format!("{prefix}{}", rows_of(ROWS, columns))
}

/// `rows` groups of `columns` parameters: `(?, ?), (?, ?)`.
fn rows_of(rows: usize, columns: usize) -> String {
    let group = format!("({})", vec!["?"; columns].join(", "));
    vec![group; rows].join(", ")
}

/// The events row of the bulk writer, with its id: the columns of
/// [`Pending`] in [`Batch::bind_event`]'s order.
const INSERT_EVENTS: &str = "INSERT INTO events (id, kind, date_start, date_end, precision, \
    day_start, day_end, origin, note, created_at, ext_id, actor1, actor2, url) VALUES ";

/// Keys are fingerprints already: hash them no further.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type FingerprintMap = HashMap<u64, i64, BuildHasherDefault<Identity>>;

/// Kinds that may repeat each other (see `kinds_compatible`) share a class.
fn kind_class(kind: EventKind) -> u64 {
    match kind {
        EventKind::Call => 1,
        EventKind::Meeting | EventKind::Visit => 2,
        EventKind::Message => 3,
        EventKind::Statement => 4,
    }
}

/// splitmix64's finaliser: every input bit moves every output bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The fingerprint of an event: sorted distinct actor ids, kind class, days.
fn fingerprint(actors: &[i64], kind: EventKind, day_start: i64, day_end: i64) -> u64 {
    let mut h = mix(kind_class(kind) ^ ((actors.len() as u64) << 8));
    for v in actors.iter().chain([day_start, day_end].iter()) {
        h = mix(h ^ (*v as u64));
    }
    h
}

/// Whether [`Match::Identical`] can find an event with these actors and
/// kind: a contact of two or more actors (through `contacts`) or any event
/// of one actor.
fn findable(actors: usize, kind: EventKind) -> bool {
    match actors {
        0 => false,
        1 => true,
        _ => kind.is_contact(),
    }
}

/// `YYYY-MM-DD` without going through a formatter.
fn iso_day(d: chrono::NaiveDate, buf: &mut [u8; 10]) -> std::borrow::Cow<'_, str> {
    use chrono::Datelike;
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        return d.format("%Y-%m-%d").to_string().into();
    }
    let y = y as u32;
    let digits = [
        y / 1000,
        y / 100 % 10,
        y / 10 % 10,
        y % 10,
        10,
        m / 10,
        m % 10,
        10,
        day / 10,
        day % 10,
    ];
    for (b, v) in buf.iter_mut().zip(digits) {
        *b = if v == 10 { b'-' } else { b'0' + v as u8 };
    }
    std::str::from_utf8(buf)
        .expect("ASCII digits and dashes")
        .into()
}

/// Write `rows`, [`ROWS`] at a time with `many` and the rest with `one`
/// (the same columns, one row); `bind` binds one row's `columns` values
/// from parameter `at` on.
fn write_rows<T>(
    many: &mut Statement<'_>,
    one: &mut Statement<'_>,
    rows: &[T],
    columns: usize,
    mut bind: impl FnMut(&mut Statement<'_>, usize, &T) -> Result<()>,
) -> Result<()> {
    let mut chunks = rows.chunks_exact(ROWS);
    for chunk in &mut chunks {
        for (i, row) in chunk.iter().enumerate() {
            bind(many, i * columns + 1, row)?;
        }
        many.raw_execute()?;
    }
    for row in chunks.remainder() {
        bind(one, 1, row)?;
        one.raw_execute()?;
    }
    Ok(())
}

/// A contacts row as the batch keeps it: a, b, day_start, day_end, kind,
/// precision, event.
type ContactRow = (i64, i64, i64, i64, EventKind, crate::date::Precision, i64);

/// Sort by primary key (a, b, day_start, event).
fn sort_contacts(rows: &mut [ContactRow]) {
    rows.sort_unstable_by_key(|c| (c.0, c.1, c.2, c.6));
}

/// The URL of a source that is nothing else (no article, evidence or
/// span): the kind an events row keeps (schema step 3).
fn bare_url(s: &Source) -> Option<&str> {
    if s.article.is_none() && s.evidence.is_none() && s.span.is_none() {
        s.url.as_deref()
    } else {
        None
    }
}

/// The state of one import across its batches.
pub struct Import {
    /// Fingerprint → first event with it; `None` until loaded.
    seen: Option<FingerprintMap>,
    batches: usize,
    /// `PRAGMA data_version` after our last commit: another value means
    /// another connection wrote in between.
    data_version: Option<i64>,
    /// Rows per batch, for which the map makes room before each batch after
    /// the first: it then grows once per batch at most, rather than
    /// doubling (and moving every entry) at every power of two.
    batch_rows: usize,
}

/// One batch: a transaction with its insert statements prepared.
pub struct Batch<'t> {
    tx: &'t Tx<'t>,
    seen: Option<&'t mut FingerprintMap>,
    /// Another connection wrote since the previous batch.
    pub changed: bool,
    insert_event: Statement<'t>,
    insert_events: Statement<'t>,
    /// Kind, precision and origin last bound to each row of the two events
    /// statements (see [`Batch::bind_event`]).
    events_bound: Vec<Option<[&'static str; 3]>>,
    event_bound: Option<[&'static str; 3]>,
    /// The id the next new event gets: the batch is the only writer of
    /// events while its transaction lasts, so ids are known before the
    /// row is written (and the fingerprint map is probed once per row).
    next_id: i64,
    insert_actor: Statement<'t>,
    insert_source: Statement<'t>,
    insert_contact: Statement<'t>,
    insert_actors: Statement<'t>,
    insert_contacts: Statement<'t>,
    sorted: Vec<i64>,
    /// Contacts of the batch, written sorted when it ends.
    contacts: Vec<ContactRow>,
    /// Actor rows of the batch (actor, event, position), written sorted.
    actor_rows: Vec<(i64, i64, i64)>,
    /// The events whose rows are still kept back (until they fill a
    /// statement), by increasing id, so that a repeat of one is checked
    /// without writing it first.
    pending: Vec<Pending>,
    /// Their texts, by range.
    pending_text: String,
    /// The events of the batch whose event_actors rows are kept back, by
    /// increasing id, with their sorted actors (a range of `held_actors`).
    held: Vec<(i64, std::ops::Range<usize>)>,
    /// The sorted actors of the batch's events (of all of them: the kept-back
    /// events' ranges point here too), until the batch's rows are written.
    held_actors: Vec<i64>,
}

/// An event whose row is kept back until the batch writes its rows, as
/// [`Batch::insert`] would have written it.
struct Pending {
    id: i64,
    kind: EventKind,
    span: Span,
    origin: crate::model::Origin,
    /// Sorted actor ids: a range of `held_actors`.
    actors: std::ops::Range<usize>,
    pair: Option<(i64, i64)>,
    /// Ranges of `pending_text`.
    note: Option<std::ops::Range<usize>>,
    ext_id: Option<std::ops::Range<usize>>,
    url: Option<std::ops::Range<usize>>,
}

/// Columns of an events row as the bulk writer writes it.
const EVENT_COLUMNS: usize = 14;

/// Events rows per multi-row INSERT.
const EVENT_ROWS: usize = ROWS;

impl Store {
    /// Begin an import of batches of about `batch_rows` rows.
    pub fn begin_import(&mut self, batch_rows: usize) -> Result<Import> {
        // Batches write each page about once: a small cache does as well as
        // a large one and keeps the import's memory down.
        self.conn
            .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        Ok(Import {
            seen: None,
            batches: 0,
            data_version: None,
            batch_rows,
        })
    }

    /// Run `f` on one batch: one IMMEDIATE transaction, committed when `f`
    /// returns `Ok`.
    pub fn import_batch<T, E>(
        &mut self,
        import: &mut Import,
        f: impl FnOnce(&mut Batch<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<super::StoreError>,
    {
        // Foreign keys are checked by construction here, not row by row
        // (a third of the work of a row): event ids are the batch's own,
        // actor and article ids were looked up in this transaction or in an
        // earlier batch with no other writer since (see `changed`). The
        // pragma is a no-op inside a transaction, hence around it.
        self.conn
            .pragma_update(None, "foreign_keys", "OFF")
            .map_err(super::StoreError::from)?;
        let value = self.write(|tx| -> std::result::Result<T, E> {
            let version = data_version(tx)?;
            let changed = import.data_version.is_some_and(|v| v != version);
            if changed {
                import.seen = None;
            }
            // An import into an empty database starts with an empty map; into
            // one with events, the first batch asks the indexes (a small
            // import should not read the whole database) and the following
            // ones load the map.
            if import.seen.is_none() {
                if import.batches > 0 {
                    import.seen = Some(load_fingerprints(tx)?);
                } else if is_empty(tx)? {
                    import.seen = Some(FingerprintMap::default());
                }
            }
            // From the second batch on (a small import makes no room it
            // will not use).
            if let Some(seen) = import.seen.as_mut().filter(|_| import.batches > 0) {
                seen.reserve(import.batch_rows);
            }
            let mut batch = Batch::new(tx, import.seen.as_mut(), changed)?;
            let value = f(&mut batch)?;
            batch.finish()?;
            Ok(value)
        });
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(super::StoreError::from)?;
        let value = value?;
        import.batches += 1;
        import.data_version = Some(data_version_of(&self.conn).map_err(E::from)?);
        Ok(value)
    }

    /// End an import: the page cache back to its usual size.
    pub fn finish_import(&mut self, _import: Import) -> Result<()> {
        self.conn
            .pragma_update(None, "cache_size", super::CACHE_KIB)?;
        Ok(())
    }
}

fn is_empty(tx: &Tx<'_>) -> Result<bool> {
    Ok(tx
        .conn()
        .query_row("SELECT NOT EXISTS (SELECT 1 FROM events)", [], |r| r.get(0))?)
}

fn data_version(tx: &Tx<'_>) -> Result<i64> {
    data_version_of(tx.conn())
}

fn data_version_of(conn: &rusqlite::Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// The fingerprints of every findable event, each to its first event.
fn load_fingerprints(tx: &Tx<'_>) -> Result<FingerprintMap> {
    let mut map = FingerprintMap::default();
    // Pairs on their events' rows, then event_actors rows by event.
    let mut stmt = tx.conn().prepare(
        "SELECT id, kind, day_start, day_end, min(actor1, actor2), max(actor1, actor2)
         FROM events WHERE actor1 IS NOT NULL",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let kind = EventKind::parse(r.get_ref(1)?.as_str()?).unwrap_or(EventKind::Statement);
        let pair = [r.get(4)?, r.get(5)?];
        let id: i64 = r.get(0)?;
        map.entry(fingerprint(&pair, kind, r.get(2)?, r.get(3)?))
            .and_modify(|first| *first = (*first).min(id))
            .or_insert(id);
    }
    let mut stmt = tx.conn().prepare(
        "SELECT ea.event, ea.actor, e.kind, e.day_start, e.day_end
         FROM event_actors ea JOIN events e ON e.id = ea.event
         ORDER BY ea.event, ea.actor",
    )?;
    let mut rows = stmt.query([])?;
    let mut actors: Vec<i64> = Vec::new();
    let mut current: Option<(i64, EventKind, i64, i64)> = None;
    let mut flush = |current: Option<(i64, EventKind, i64, i64)>, actors: &mut Vec<i64>| {
        if let Some((id, kind, s, e)) = current {
            if findable(actors.len(), kind) {
                map.entry(fingerprint(actors, kind, s, e))
                    .and_modify(|first| *first = (*first).min(id))
                    .or_insert(id);
            }
        }
        actors.clear();
    };
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if current.is_none_or(|c| c.0 != id) {
            flush(current, &mut actors);
            let kind = EventKind::parse(r.get_ref(2)?.as_str()?).unwrap_or(EventKind::Statement);
            current = Some((id, kind, r.get(3)?, r.get(4)?));
        }
        actors.push(r.get(1)?);
    }
    flush(current, &mut actors);
    Ok(map)
}

impl<'t> Batch<'t> {
    fn new(
        tx: &'t Tx<'t>,
        seen: Option<&'t mut FingerprintMap>,
        changed: bool,
    ) -> Result<Batch<'t>> {
        let c = tx.conn();
        Ok(Batch {
            tx,
            seen,
            changed,
            insert_event: c.prepare(&format!("{INSERT_EVENTS}{}", rows_of(1, EVENT_COLUMNS)))?,
            insert_events: c.prepare(&format!(
                "{INSERT_EVENTS}{}",
                rows_of(EVENT_ROWS, EVENT_COLUMNS)
            ))?,
            next_id: c.query_row("SELECT coalesce(max(id), 0) + 1 FROM events", [], |r| {
                r.get(0)
            })?,
            insert_actor: c
                .prepare("INSERT INTO event_actors (event, actor, position) VALUES (?1, ?2, ?3)")?,
            insert_source: c.prepare(super::events::INSERT_SOURCE)?,
            // These two land all over their indexes: OR IGNORE, which cannot
            // abort, spares a statement journal copying each page they touch
            // (their rows are unique by construction: new event ids).
            insert_actors: c.prepare(&rows_insert(
                "INSERT OR IGNORE INTO event_actors (event, actor, position) VALUES ",
                3,
            ))?,
            insert_contacts: c.prepare(&rows_insert(
                "INSERT OR IGNORE INTO contacts (a, b, day_start, day_end, kind, precision, event) VALUES ",
                7,
            ))?,
            insert_contact: c.prepare(
                "INSERT INTO contacts (a, b, day_start, day_end, kind, precision, event)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            sorted: Vec::new(),
            contacts: Vec::new(),
            actor_rows: Vec::new(),
            pending: Vec::new(),
            pending_text: String::new(),
            held: Vec::new(),
            held_actors: Vec::new(),
            events_bound: vec![None; EVENT_ROWS],
            event_bound: None,
        })
    }

    /// Write what the batch kept for its end.
    fn finish(mut self) -> Result<()> {
        self.flush()
    }

    /// Write the rows kept back, before anything reads them.
    fn flush(&mut self) -> Result<()> {
        self.write_events()?;
        self.held.clear();
        self.held_actors.clear();
        self.actor_rows.sort_unstable();
        let rows = std::mem::take(&mut self.actor_rows);
        write_rows(
            &mut self.insert_actors,
            &mut self.insert_actor,
            &rows,
            3,
            |st, at, (actor, event, position)| {
                st.raw_bind_parameter(at, event)?;
                st.raw_bind_parameter(at + 1, actor)?;
                st.raw_bind_parameter(at + 2, position)?;
                Ok(())
            },
        )?;
        sort_contacts(&mut self.contacts);
        let rows = std::mem::take(&mut self.contacts);
        write_rows(
            &mut self.insert_contacts,
            &mut self.insert_contact,
            &rows,
            7,
            |st, at, (a, b, s, e, kind, precision, event)| {
                st.raw_bind_parameter(at, a)?;
                st.raw_bind_parameter(at + 1, b)?;
                st.raw_bind_parameter(at + 2, s)?;
                st.raw_bind_parameter(at + 3, e)?;
                st.raw_bind_parameter(at + 4, kind_code(*kind))?;
                st.raw_bind_parameter(at + 5, precision_code(*precision))?;
                st.raw_bind_parameter(at + 6, event)?;
                Ok(())
            },
        )?;
        Ok(())
    }

    /// Write the kept-back events rows (a few dozen at most: they go as
    /// soon as they fill a statement). Their actor and contact rows stay
    /// kept back.
    fn write_events(&mut self) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        let mut chunks = pending.chunks_exact(EVENT_ROWS);
        for chunk in &mut chunks {
            for (i, p) in chunk.iter().enumerate() {
                self.bind_event(true, i, p)?;
            }
            self.insert_events.raw_execute()?;
        }
        for p in chunks.remainder() {
            self.bind_event(false, 0, p)?;
            self.insert_event.raw_execute()?;
        }
        self.pending = pending;
        self.pending.clear();
        self.pending_text.clear();
        Ok(())
    }

    /// Bind the columns of a kept-back event as row `row` of the
    /// multi-row statement, or of the one-row one. Bound values stay across
    /// executions, and SQLite copies every text it is given (a malloc and a
    /// free once a statement holds more texts than its lookaside slots):
    /// the time of writing is bound once, and kind, precision and origin
    /// only when they differ from what that row had last time.
    fn bind_event(&mut self, many: bool, row: usize, p: &Pending) -> Result<()> {
        let (st, bound) = if many {
            (&mut self.insert_events, &mut self.events_bound[row])
        } else {
            (&mut self.insert_event, &mut self.event_bound)
        };
        let at = row * EVENT_COLUMNS;
        let text = |r: &Option<std::ops::Range<usize>>| r.clone().map(|r| &self.pending_text[r]);
        let labels = [
            p.kind.as_str(),
            p.span.precision.as_str(),
            p.origin.as_str(),
        ];
        if bound.is_none() {
            st.raw_bind_parameter(at + 10, self.tx.now.as_str())?;
        }
        for (i, (label, column)) in labels.into_iter().zip([2, 5, 8]).enumerate() {
            if bound.is_none_or(|b| b[i] != label) {
                st.raw_bind_parameter(at + column, label)?;
            }
        }
        *bound = Some(labels);
        let (mut b1, mut b2) = ([0u8; 10], [0u8; 10]);
        st.raw_bind_parameter(at + 1, p.id)?;
        st.raw_bind_parameter(at + 3, iso_day(p.span.start, &mut b1))?;
        st.raw_bind_parameter(at + 4, iso_day(p.span.end, &mut b2))?;
        st.raw_bind_parameter(at + 6, day_number(p.span.start))?;
        st.raw_bind_parameter(at + 7, day_number(p.span.end))?;
        st.raw_bind_parameter(at + 9, text(&p.note))?;
        st.raw_bind_parameter(at + 11, text(&p.ext_id))?;
        st.raw_bind_parameter(at + 12, p.pair.map(|p| p.0))?;
        st.raw_bind_parameter(at + 13, p.pair.map(|p| p.1))?;
        st.raw_bind_parameter(at + 14, text(&p.url))?;
        Ok(())
    }

    /// The kept-back event `id`, if it is one.
    fn kept_back(&self, id: i64) -> Option<&Pending> {
        let i = self.pending.binary_search_by_key(&id, |p| p.id).ok()?;
        Some(&self.pending[i])
    }

    /// The transaction, for lookups and writes of the caller's own.
    pub fn tx(&self) -> &Tx<'t> {
        self.tx
    }

    /// The event with this external id, written or kept back.
    pub fn event_by_ext_id(&mut self, ext_id: &str) -> Result<Option<i64>> {
        // At most a statement's worth are waiting: looked through, not
        // indexed.
        let waiting = |p: &Pending| p.ext_id.clone().map(|r| &self.pending_text[r]);
        if self.pending.iter().any(|p| waiting(p) == Some(ext_id)) {
            self.write_events()?;
        }
        self.tx.db().event_by_ext_id(ext_id)
    }

    /// Record an imported event with its sources, as
    /// [`Tx::record_event`] with [`Match::Identical`] followed by
    /// [`Tx::add_source`] for the other sources would. Returns how it was
    /// attached and how many sources were added to an existing event.
    pub fn record(&mut self, e: &NewEvent<'_>, sources: &[Source]) -> Result<(Attach, usize)> {
        let mut sorted = std::mem::take(&mut self.sorted);
        sorted.clear();
        sorted.extend_from_slice(e.actors);
        sorted.sort_unstable();
        sorted.dedup();
        let result = self.record_sorted(e, &sorted, sources);
        self.sorted = sorted;
        result
    }

    fn record_sorted(
        &mut self,
        e: &NewEvent<'_>,
        sorted: &[i64],
        sources: &[Source],
    ) -> Result<(Attach, usize)> {
        let (s, end) = (day_number(e.span.start), day_number(e.span.end));
        let key = findable(sorted.len(), e.kind).then(|| fingerprint(sorted, e.kind, s, end));
        // Where the map is loaded, a fingerprint it lacks is a new event;
        // a hit is checked, and a failed check or no map asks the indexes.
        // A fingerprint new to the map is entered at once with the id the
        // event will get: one probe of a map of a million entries, not two.
        let candidate = match (self.seen.as_deref_mut(), key) {
            (Some(seen), Some(k)) => match seen.entry(k) {
                std::collections::hash_map::Entry::Occupied(o) => Some(Some(*o.get())),
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(self.next_id);
                    Some(None)
                }
            },
            (Some(_), None) => Some(None),
            (None, _) => None,
        };
        let attach = match candidate {
            Some(None) => None,
            Some(Some(id)) if self.repeats(id, sorted, e.kind, e.span)? => {
                Some(self.attach(id, e.span, sources.first())?)
            }
            Some(Some(_)) | None => self.probe(e, sorted, sources.first())?,
        };
        let attach = match attach {
            Some(a) => a,
            None => {
                // Entered in the map above when new to it; a repeat the
                // probe did not confirm leaves the first event there.
                Attach::New(self.insert(e, sorted, s, end, sources.first())?)
            }
        };
        let mut added = 0;
        for source in sources.iter().skip(1) {
            if self.add_source(attach.id(), source)? && matches!(attach, Attach::Existing(..)) {
                added += 1;
            }
        }
        Ok((attach, added))
    }

    /// Whether event `id` is one an identical report repeats: same actors,
    /// compatible kind, same first and last day.
    /// Its row is written at once; its actors, when kept back, are known
    /// here, so nothing needs writing first (a file that repeats its own
    /// rows would otherwise write the batch's rows a few at a time).
    fn repeats(&mut self, id: i64, sorted: &[i64], kind: EventKind, span: Span) -> Result<bool> {
        let same = |k: EventKind, s: Span| {
            s.start == span.start && s.end == span.end && crate::model::kinds_compatible(k, kind)
        };
        if let Some(p) = self.kept_back(id) {
            return Ok(same(p.kind, p.span) && self.held_actors[p.actors.clone()] == *sorted);
        }
        let Some(existing) = self.tx.db().event_row(id)? else {
            return Ok(false);
        };
        if !same(existing.kind, existing.span) {
            return Ok(false);
        }
        Ok(match self.held.binary_search_by_key(&id, |h| h.0) {
            Ok(i) => self.held_actors[self.held[i].1.clone()] == *sorted,
            Err(_) => self.tx.db().event_actor_ids(id)? == sorted,
        })
    }

    /// The index probe of [`Tx::record_event`]: `Some` when an event was found.
    fn probe(
        &mut self,
        e: &NewEvent<'_>,
        sorted: &[i64],
        source: Option<&Source>,
    ) -> Result<Option<Attach>> {
        self.flush()?;
        match self
            .tx
            .db()
            .find_event(sorted, e.kind, e.span, Match::Identical)?
        {
            Some((id, _)) => Ok(Some(self.attach(id, e.span, source)?)),
            None => Ok(None),
        }
    }

    /// Attach a report to event `id`, refining its precision as
    /// [`Tx::record_event`] does.
    fn attach(&mut self, id: i64, span: Span, source: Option<&Source>) -> Result<Attach> {
        let existing = match self.kept_back(id) {
            Some(p) => p.span,
            None => self.tx.db().event_row(id)?.map_or(span, |e| e.span),
        };
        if existing != span && existing.contains(&span) {
            // Rewrites the event's contacts from its actor rows.
            self.flush()?;
            self.tx.update_event(id, None, Some(span), None, None)?;
        }
        let added = match source {
            Some(s) => self.add_source(id, s)?,
            None => false,
        };
        Ok(Attach::Existing(id, added))
    }

    /// [`Tx::add_source`], knowing the bare URL of a kept-back event.
    fn add_source(&mut self, id: i64, source: &Source) -> Result<bool> {
        if let Some(p) = self.kept_back(id) {
            let url = p.url.clone().map(|r| &self.pending_text[r]);
            if url.is_some() && url == bare_url(source) {
                return Ok(false);
            }
        }
        self.tx.add_source(id, source)
    }

    fn insert(
        &mut self,
        e: &NewEvent<'_>,
        sorted: &[i64],
        s: i64,
        end: i64,
        source: Option<&Source>,
    ) -> Result<i64> {
        // Positions are the order given.
        let position = |actor: i64| e.actors.iter().position(|a| *a == actor).unwrap_or(0) as i64;
        // The compact form (schema step 3): a contact of two on the row,
        // and a bare URL source on the row.
        let pair = match *sorted {
            [x, y] if e.kind.is_contact() => Some(if position(x) <= position(y) {
                (x, y)
            } else {
                (y, x)
            }),
            _ => None,
        };
        let url = source.and_then(bare_url);
        let id = self.next_id;
        self.next_id += 1;
        let mut text = |t: Option<&str>| {
            t.map(|t| {
                let at = self.pending_text.len();
                self.pending_text.push_str(t);
                at..self.pending_text.len()
            })
        };
        let pending = Pending {
            id,
            kind: e.kind,
            span: e.span,
            origin: e.origin,
            actors: self.held_actors.len()..self.held_actors.len() + sorted.len(),
            pair,
            note: text(e.note),
            ext_id: text(e.ext_id),
            url: text(url),
        };
        if pair.is_none() {
            self.held.push((id, pending.actors.clone()));
            for a in sorted {
                self.actor_rows.push((*a, id, position(*a)));
            }
        }
        self.pending.push(pending);
        self.held_actors.extend_from_slice(sorted);
        if self.pending.len() == EVENT_ROWS {
            self.write_events()?;
        }
        if e.kind.is_contact() {
            for (i, a) in sorted.iter().enumerate() {
                for b in &sorted[i + 1..] {
                    self.contacts
                        .push((*a, *b, s, end, e.kind, e.span.precision, id));
                }
            }
        }
        if let Some(source) = source.filter(|_| url.is_none()) {
            super::events::run_insert_source(&mut self.insert_source, id, source)?;
        }
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ActorKind;
    use crate::model::Origin;
    use crate::store::{NewActor, NewArticle};
    use pretty_assertions::assert_eq;

    #[test]
    fn iso_days() {
        for d in ["2024-01-19", "0999-12-31", "1970-01-01"] {
            let date = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
            assert_eq!(iso_day(date, &mut [0; 10]), d);
        }
    }

    /// A report: kind, date value, actors (1-based), source URL.
    type Report = (
        EventKind,
        &'static str,
        &'static [i64],
        Option<&'static str>,
    );

    const BEFORE: &[Report] = &[
        (EventKind::Call, "2024-01-19", &[1, 2], Some("u1")),
        (EventKind::Meeting, "2023-11", &[1, 2], None),
        (EventKind::Call, "2024-01-19", &[1, 2, 3], None),
        (EventKind::Statement, "2024-02-01", &[4], Some("u2")),
        (EventKind::Statement, "2024-02-02", &[1, 2], None),
    ];

    /// Repeats of `BEFORE` (same dates, compatible kinds, either order),
    /// near misses, and repeats within the import itself.
    const ROWS: &[Report] = &[
        (EventKind::Call, "2024-01-19", &[2, 1], Some("u3")),
        (EventKind::Call, "2024-01-19", &[2, 1], Some("u1")),
        (EventKind::Visit, "2023-11", &[2, 1], Some("u4")),
        (EventKind::Meeting, "2023-11-01..2023-11-30", &[1, 2], None),
        (EventKind::Meeting, "2023-11-05", &[1, 2], None),
        (EventKind::Call, "2024-01-19", &[3, 2, 1], Some("u5")),
        (EventKind::Call, "2024-01-19", &[1, 3], None),
        (EventKind::Message, "2024-01-19", &[1, 2], None),
        (EventKind::Statement, "2024-02-01", &[4], Some("u6")),
        (EventKind::Statement, "2024-02-01", &[4, 4], None),
        (EventKind::Statement, "2024-02-02", &[1, 2], None),
        (EventKind::Call, "2020-05-05", &[5, 6], Some("u7")),
        (EventKind::Call, "2020-05-05", &[6, 5], Some("u8")),
        (EventKind::Call, "2020-05-05", &[6, 5], Some("u8")),
        (EventKind::Meeting, "2020-05", &[5, 6, 7], None),
        (EventKind::Visit, "2020-05", &[7, 6, 5], Some("u9")),
        (EventKind::Statement, "2020-06-01", &[7], None),
        (EventKind::Statement, "2020-06-01", &[7], None),
    ];

    /// People named `names`, with ids 1, 2, ... in that order.
    fn add_people(store: &mut Store, names: &[&str]) {
        store
            .write(|tx| -> Result<()> {
                for &name in names {
                    tx.insert_actor(&NewActor {
                        name,
                        kind: ActorKind::Person,
                        role: None,
                        country: None,
                    })?;
                }
                Ok(())
            })
            .unwrap();
    }

    fn new_store() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        add_people(&mut store, &["A", "B", "C", "D", "E", "F", "G"]);
        store
    }

    fn new_event<'a>(r: &Report, actors: &'a [i64]) -> NewEvent<'a> {
        NewEvent {
            kind: r.0,
            span: Span::parse_value(r.1).unwrap(),
            origin: Origin::Imported,
            note: None,
            actors,
            ext_id: None,
        }
    }

    /// The report's source; a second one for "b", to cover several.
    fn source(r: &Report) -> Vec<Source> {
        let url = |u: &str| Source {
            url: Some(u.to_string()),
            ..Source::default()
        };
        match r.3 {
            Some("b") => vec![url("b"), url("b2")],
            Some(u) => vec![url(u)],
            None => Vec::new(),
        }
    }

    /// What `import` did before this module: the index probe per row,
    /// then the other sources one by one.
    fn record_by_probe(tx: &Tx<'_>, r: &Report) -> Result<Attach> {
        let sources = source(r);
        let attach = tx.record_event(&new_event(r, r.2), sources.first(), Match::Identical)?;
        for s in sources.iter().skip(1) {
            tx.add_source(attach.id(), s)?;
        }
        Ok(attach)
    }

    fn dump(store: &Store) -> Vec<String> {
        let mut out = Vec::new();
        for sql in [
            "SELECT id || ' ' || kind || ' ' || date_start || ' ' || date_end || ' ' || precision FROM events ORDER BY id",
            // Through the views: the bulk writer keeps pairs and bare URLs
            // on the events' rows, the probe in their own tables.
            "SELECT event || ' ' || actor || ' ' || position FROM event_actor_rows ORDER BY event, actor",
            "SELECT event || ' ' || coalesce(url, '-') FROM event_source_rows ORDER BY event, seq",
            "SELECT a || ' ' || b || ' ' || day_start || ' ' || day_end || ' ' || kind || ' ' || precision || ' ' || event FROM contacts",
        ] {
            let mut stmt = store.conn.prepare(sql).unwrap();
            let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
            out.extend(rows.map(|r| r.unwrap()));
        }
        out
    }

    /// Import `ROWS` (after `before`) in batches of `batch` rows, through
    /// [`Batch::record`] and through the probe, and compare everything.
    fn same_as_probe(before: &[Report], batch: usize) {
        same_rows_as_probe(before, ROWS, batch);
    }

    fn same_rows_as_probe(before: &[Report], rows: &[Report], batch: usize) {
        let (mut bulk, mut probe) = (new_store(), new_store());
        for store in [&mut bulk, &mut probe] {
            store
                .write(|tx| -> Result<()> {
                    for r in before {
                        record_by_probe(tx, r)?;
                    }
                    Ok(())
                })
                .unwrap();
        }
        let mut import = bulk.begin_import(batch).unwrap();
        let mut got = Vec::new();
        for chunk in rows.chunks(batch) {
            bulk.import_batch(&mut import, |b| -> Result<()> {
                for r in chunk {
                    got.push(b.record(&new_event(r, r.2), &source(r))?.0);
                }
                Ok(())
            })
            .unwrap();
        }
        bulk.finish_import(import).unwrap();
        let mut expected = Vec::new();
        for chunk in rows.chunks(batch) {
            probe
                .write(|tx| -> Result<()> {
                    for r in chunk {
                        expected.push(record_by_probe(tx, r)?);
                    }
                    Ok(())
                })
                .unwrap();
        }
        assert_eq!(got, expected, "batches of {batch}, {} before", before.len());
        assert_eq!(dump(&bulk), dump(&probe));
        let fk: i64 = bulk
            .conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk, 0);
    }

    #[test]
    fn batches_record_what_the_probe_records() {
        for before in [&[][..], BEFORE] {
            for batch in [1, 2, 3, 5, ROWS.len()] {
                same_as_probe(before, batch);
            }
        }
    }

    #[test]
    fn batches_of_many_rows_record_what_the_probe_records() {
        // Enough rows for the multi-row statements, repeats among them.
        const PAIRS: [&[i64]; 6] = [&[1, 2], &[2, 3], &[3, 1], &[4, 5], &[5, 1, 2], &[6, 7]];
        const DAYS: [&str; 8] = [
            "2024-01-01",
            "2024-01-02",
            "2024-02-03",
            "2023-05",
            "2022",
            "2024-03-01..2024-03-04",
            "2021-07-09",
            "2020-12-31",
        ];
        const KINDS: [EventKind; 4] = [
            EventKind::Call,
            EventKind::Meeting,
            EventKind::Visit,
            EventKind::Message,
        ];
        let mut rows: Vec<Report> = Vec::new();
        for (i, kind) in KINDS.iter().enumerate() {
            for (j, day) in DAYS.iter().enumerate() {
                for (k, pair) in PAIRS.iter().enumerate() {
                    let url = ["a", "b", "c"][(i + j + k) % 3];
                    rows.push((*kind, day, pair, ((i + k) % 2 == 0).then_some(url)));
                }
            }
        }
        assert!(rows.len() > 2 * super::ROWS);
        for batch in [super::ROWS + 1, rows.len()] {
            same_rows_as_probe(&[], &rows, batch);
            same_rows_as_probe(BEFORE, &rows, batch);
        }
    }

    #[test]
    fn fingerprints_load_from_the_database() {
        let mut store = new_store();
        store
            .write(|tx| -> Result<()> {
                for r in BEFORE {
                    record_by_probe(tx, r)?;
                }
                Ok(())
            })
            .unwrap();
        let map = store.write(load_fingerprints).unwrap();
        // Every event but the statement of two actors, which no report
        // repeats.
        assert_eq!(map.len(), BEFORE.len() - 1);
        assert_eq!(
            map[&fingerprint(&[1, 2], EventKind::Visit, 19662, 19691)],
            2
        );
        assert_eq!(
            map[&fingerprint(&[4], EventKind::Statement, 19754, 19754)],
            4
        );
    }

    #[test]
    fn another_writer_between_batches_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.db");
        let mut store = Store::open(&path, crate::store::Access::Write).unwrap();
        add_people(&mut store, &["A", "B"]);
        let mut other = Store::open(&path, crate::store::Access::Write).unwrap();
        let call: Report = (EventKind::Call, "2024-01-19", &[1, 2], None);
        let mut import = store.begin_import(10).unwrap();
        let first = store
            .import_batch(&mut import, |b| -> Result<bool> { Ok(b.changed) })
            .unwrap();
        assert!(!first);
        // Another process records the call between two batches...
        let id = other
            .write(|tx| -> Result<i64> {
                tx.insert_article(&NewArticle {
                    sha256: "x",
                    title: None,
                    url: None,
                    source: None,
                    published: chrono::NaiveDate::from_ymd_opt(2024, 1, 19).unwrap(),
                    published_time: None,
                    body: "b",
                    path: None,
                })?;
                Ok(record_by_probe(tx, &call)?.id())
            })
            .unwrap();
        // ...and the next batch knows, and finds it.
        let (changed, attach) = store
            .import_batch(&mut import, |b| -> Result<_> {
                Ok((b.changed, b.record(&new_event(&call, call.2), &[])?.0))
            })
            .unwrap();
        store.finish_import(import).unwrap();
        assert!(changed);
        assert_eq!(attach, Attach::Existing(id, false));
    }

    fn count(store: &Store, sql: &str) -> i64 {
        store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    /// A contact of two with a bare URL is two rows (events, contacts), and
    /// every reader and writer sees the same event as the probe's: its
    /// actors in the order given, its sources, its contacts, the counts, a
    /// merge, an edit of its actors, the check.
    #[test]
    fn pairs_and_bare_urls_stay_on_the_event_row() {
        let rows: &[Report] = &[
            (EventKind::Call, "2024-01-19", &[2, 1], Some("b")),
            (EventKind::Meeting, "2024-01-20", &[1, 2, 3], Some("u1")),
            (EventKind::Statement, "2024-01-21", &[3, 4], Some("u2")),
            (EventKind::Visit, "2024-01-22", &[4, 3], None),
        ];
        let mut store = new_store();
        let mut import = store.begin_import(10).unwrap();
        store
            .import_batch(&mut import, |b| -> Result<()> {
                for r in rows {
                    b.record(&new_event(r, r.2), &source(r))?;
                }
                Ok(())
            })
            .unwrap();
        store.finish_import(import).unwrap();
        // The call and the visit keep their pairs on their rows; the meeting
        // of three and the statement (not a contact) use event_actors.
        assert_eq!(
            count(
                &store,
                "SELECT count(*) FROM events WHERE actor1 IS NOT NULL"
            ),
            2
        );
        assert_eq!(
            count(&store, "SELECT count(DISTINCT event) FROM event_actors"),
            2
        );
        // Bare URLs on the rows; the call's second URL is a source row.
        assert_eq!(
            count(&store, "SELECT count(*) FROM events WHERE url IS NOT NULL"),
            3
        );
        assert_eq!(count(&store, "SELECT count(*) FROM event_sources"), 1);
        same_rows_as_probe(&[], rows, 10);

        let db = store.db();
        let call = db.event(1).unwrap().unwrap();
        let names: Vec<_> = call.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["B", "A"], "the order given");
        let urls: Vec<_> = call.sources.iter().map(|s| s.url.as_deref()).collect();
        assert_eq!(urls, [Some("b"), Some("b2")]);
        assert_eq!(db.counts().unwrap().sources, 4);
        let by_actor = |id: i64| -> Vec<i64> {
            let filter = crate::model::EventFilter {
                actors: vec![id],
                ..Default::default()
            };
            db.events(&filter).unwrap().iter().map(|e| e.id).collect()
        };
        assert_eq!(by_actor(1), [1, 2]);
        assert_eq!(by_actor(4), [3, 4]);
        assert_eq!(db.actor(4).unwrap().unwrap().events, 2);
        let listed: Vec<_> = db.actors().unwrap().iter().map(|a| a.events).collect();
        assert_eq!(listed, [2, 2, 3, 2, 0, 0, 0]);
        assert!(db.check().unwrap().ok());

        // D merged into C: the visit of C and D has one actor left and no
        // contact; the statement's two rows become one.
        store
            .write(|tx| -> Result<()> {
                tx.merge_actors(4, 3)?;
                tx.update_event(1, None, None, Some(&[1, 5]), None)
            })
            .unwrap();
        let db = store.db();
        assert_eq!(
            count(
                &store,
                "SELECT count(*) FROM events WHERE actor1 IS NOT NULL"
            ),
            0
        );
        assert_eq!(db.event_actor_ids(1).unwrap(), [1, 5]);
        assert_eq!(db.event_actor_ids(4).unwrap(), [3]);
        assert_eq!(db.pair_contacts(1, 5).unwrap().len(), 1);
        assert_eq!(db.pair_contacts(1, 2).unwrap().len(), 1, "the meeting");
        assert!(db.check().unwrap().ok(), "{:?}", db.check().unwrap());
    }
}
