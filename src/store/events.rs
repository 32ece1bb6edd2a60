//! Events, their actors and sources, and the derived `contacts` table.

use super::codes::{kind_code, kind_from_code, precision_code, precision_from_code};
use super::{Db, Result, StoreError, Tx};
use crate::date::{day_number, from_day_number, Precision, Span};
use crate::extract::EventKind;
use crate::model::{kinds_compatible, ActorName, Contact, Event, EventFilter, Origin, Source};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension};

/// An event to record. `actors` are actor ids, in any order, without repeats.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub kind: EventKind,
    pub span: Span,
    pub origin: Origin,
    pub note: Option<&'a str>,
    pub actors: &'a [i64],
    pub ext_id: Option<&'a str>,
}

/// How a recorded event relates to what was there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attach {
    /// A new event.
    New(i64),
    /// An existing event the report was attached to (`true` when a new
    /// source was added to it).
    Existing(i64, bool),
}

impl Attach {
    pub fn id(self) -> i64 {
        match self {
            Attach::New(id) | Attach::Existing(id, _) => id,
        }
    }
}

/// How an incoming event finds the event it repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Same actors, compatible kind, one date containing the other (articles
    /// and manual events).
    Containing,
    /// Same actors, compatible kind, the very same dates (imports: one index
    /// probe per row).
    Identical,
}

/// The farthest back a coarse event may start and still contain a new one:
/// longer than a year, so a year-precise event is found.
const CONTAIN_WINDOW_DAYS: i64 = 1100;

fn span_of(day_start: i64, day_end: i64, precision: &str) -> Span {
    span_from(day_start, day_end, stored_precision(precision))
}

fn span_from(day_start: i64, day_end: i64, precision: Precision) -> Span {
    let start = from_day_number(day_start);
    Span {
        start,
        end: if day_end == day_start {
            start
        } else {
            from_day_number(day_end)
        },
        precision,
    }
}

/// A precision as the store writes it (`Precision::as_str`), without the
/// allocation of the lenient parser; anything else goes through it.
fn stored_precision(s: &str) -> Precision {
    match s {
        "day" => Precision::Day,
        "month" => Precision::Month,
        "year" => Precision::Year,
        "week" => Precision::Week,
        "range" => Precision::Range,
        other => other.parse().unwrap_or(Precision::Range),
    }
}

fn kind_of(s: &str) -> rusqlite::Result<EventKind> {
    let stored = match s {
        "call" => Some(EventKind::Call),
        "meeting" => Some(EventKind::Meeting),
        "visit" => Some(EventKind::Visit),
        "message" => Some(EventKind::Message),
        "statement" => Some(EventKind::Statement),
        other => EventKind::parse(other),
    };
    stored.ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown event kind {s:?}").into(),
        )
    })
}

/// Ids without repeats, in their first order.
fn unique(ids: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::with_capacity(ids.len());
    for id in ids {
        if !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

fn sorted_pair(a: i64, b: i64) -> (i64, i64) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

impl Db<'_> {
    fn event_actors(&self, event: i64) -> Result<Vec<ActorName>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT actors.id, actors.name FROM event_actor_rows ea
             JOIN actors ON actors.id = ea.actor
             WHERE ea.event = ?1 ORDER BY ea.position, ea.actor",
        )?;
        let rows = stmt.query_map([event], |r| {
            Ok(ActorName {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Actor ids of an event, ascending.
    pub fn event_actor_ids(&self, event: i64) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT actor FROM event_actor_rows WHERE event = ?1 ORDER BY actor")?;
        let rows = stmt.query_map([event], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn event_sources(&self, event: i64) -> Result<Vec<Source>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.article, ar.title, coalesce(s.url, ar.url), ar.path, s.evidence,
                    s.span_start, s.span_end
             FROM event_source_rows s LEFT JOIN articles ar ON ar.id = s.article
             WHERE s.event = ?1 ORDER BY s.seq",
        )?;
        let rows = stmt.query_map([event], |r| {
            let start: Option<i64> = r.get(5)?;
            let end: Option<i64> = r.get(6)?;
            Ok(Source {
                article: r.get(0)?,
                title: r.get(1)?,
                url: r.get(2)?,
                path: r.get(3)?,
                evidence: r.get(4)?,
                span: start.zip(end),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The bare event row: kind, span, origin, note.
    pub(super) fn event_row(&self, id: i64) -> Result<Option<Event>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, kind, day_start, day_end, precision, origin, note
                 FROM events WHERE id = ?1",
            )?
            .query_row([id], event_from_row)
            .optional()?)
    }

    /// One event with its actors and sources.
    pub fn event(&self, id: i64) -> Result<Option<Event>> {
        match self.event_row(id)? {
            Some(mut e) => {
                e.actors = self.event_actors(id)?;
                e.sources = self.event_sources(id)?;
                Ok(Some(e))
            }
            None => Ok(None),
        }
    }

    /// Events matching `filter`, oldest first, handed to `f` one at a time.
    pub fn for_each_event(
        &self,
        filter: &EventFilter,
        mut f: impl FnMut(Event) -> Result<()>,
    ) -> Result<()> {
        let mut sql = String::from(
            "SELECT id, kind, day_start, day_end, precision, origin, note FROM events WHERE 1 = 1",
        );
        let mut values: Vec<Value> = Vec::new();
        for actor in &filter.actors {
            values.push(Value::Integer(*actor));
            // A pair kept on its event's row is found through its contacts.
            sql.push_str(&format!(
                " AND id IN (SELECT event FROM event_actors WHERE actor = ?{n}
                             UNION ALL SELECT event FROM contacts WHERE a = ?{n}
                             UNION ALL SELECT event FROM contacts WHERE b = ?{n})",
                n = values.len()
            ));
        }
        let mut list = |column: &str, items: Vec<&'static str>| {
            if !items.is_empty() {
                let marks: Vec<String> = items
                    .into_iter()
                    .map(|s| {
                        values.push(Value::Text(s.to_string()));
                        format!("?{}", values.len())
                    })
                    .collect();
                sql.push_str(&format!(" AND {column} IN ({})", marks.join(", ")));
            }
        };
        list("kind", filter.kinds.iter().map(|k| k.as_str()).collect());
        list(
            "origin",
            filter.origins.iter().map(|o| o.as_str()).collect(),
        );
        if let Some(since) = filter.since {
            values.push(Value::Integer(day_number(since)));
            sql.push_str(&format!(" AND day_end >= ?{}", values.len()));
        }
        if let Some(until) = filter.until {
            values.push(Value::Integer(day_number(until)));
            sql.push_str(&format!(" AND day_start <= ?{}", values.len()));
        }
        sql.push_str(" ORDER BY day_start, day_end, id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(values))?;
        while let Some(row) = rows.next()? {
            let mut e = event_from_row(row)?;
            e.actors = self.event_actors(e.id)?;
            e.sources = self.event_sources(e.id)?;
            f(e)?;
        }
        Ok(())
    }

    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>> {
        let mut out = Vec::new();
        self.for_each_event(filter, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// The contacts of a pair, oldest first.
    pub fn pair_contacts(&self, a: i64, b: i64) -> Result<Vec<Contact>> {
        let (a, b) = sorted_pair(a, b);
        let mut stmt = self.conn.prepare_cached(
            "SELECT day_start, day_end, precision, kind, event FROM contacts
             WHERE a = ?1 AND b = ?2 ORDER BY day_start, event",
        )?;
        let mut rows = stmt.query([a, b])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(Contact {
                span: span_from(r.get(0)?, r.get(1)?, precision_from_code(r.get(2)?)),
                kind: kind_from_code(r.get(3)?)?,
                event: r.get(4)?,
            });
        }
        Ok(out)
    }

    /// Every contact as (a, b, day_start, day_end), ordered by pair and date:
    /// one scan of the primary key, handed to `f` row by row.
    pub fn for_each_contact(&self, mut f: impl FnMut(i64, i64, i64, i64)) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT a, b, day_start, day_end FROM contacts ORDER BY a, b, day_start")?;
        let mut rows = stmt.query([])?;
        // Borrowed values: no conversion machinery per column of a million rows.
        let int = |r: &rusqlite::Row<'_>, i: usize| -> Result<i64> { Ok(r.get_ref(i)?.as_i64()?) };
        while let Some(r) = rows.next()? {
            f(int(r, 0)?, int(r, 1)?, int(r, 2)?, int(r, 3)?);
        }
        Ok(())
    }

    fn same_actors(&self, event: i64, actors: &[i64]) -> Result<bool> {
        Ok(self.event_actor_ids(event)? == actors)
    }

    /// Candidate events sharing the actors' first pair (or sole actor) whose
    /// start lies in `lo..=hi` (day numbers): (id, kind, span).
    fn candidates(&self, actors: &[i64], lo: i64, hi: i64) -> Result<Vec<(i64, EventKind, Span)>> {
        let map = |r: &rusqlite::Row<'_>| -> rusqlite::Result<(i64, EventKind, Span)> {
            Ok((
                r.get(0)?,
                kind_of(r.get_ref(1)?.as_str()?)?,
                span_of(r.get(2)?, r.get(3)?, r.get_ref(4)?.as_str()?),
            ))
        };
        let from_contacts = |r: &rusqlite::Row<'_>| -> rusqlite::Result<(i64, EventKind, Span)> {
            Ok((
                r.get(0)?,
                kind_from_code(r.get(1)?)?,
                span_from(r.get(2)?, r.get(3)?, precision_from_code(r.get(4)?)),
            ))
        };
        let rows = match actors {
            [] => Vec::new(),
            // One actor: never kept on the event's row.
            [only] => self
                .conn
                .prepare_cached(
                    "SELECT e.id, e.kind, e.day_start, e.day_end, e.precision
                     FROM event_actors ea JOIN events e ON e.id = ea.event
                     WHERE ea.actor = ?1 AND e.day_start BETWEEN ?2 AND ?3",
                )?
                .query_map(params![only, lo, hi], map)?
                .collect::<rusqlite::Result<_>>()?,
            [a, b, ..] => self
                .conn
                .prepare_cached(
                    "SELECT event, kind, day_start, day_end, precision FROM contacts
                     WHERE a = ?1 AND b = ?2 AND day_start BETWEEN ?3 AND ?4",
                )?
                .query_map(params![a, b, lo, hi], from_contacts)?
                .collect::<rusqlite::Result<_>>()?,
        };
        Ok(rows)
    }

    /// The recorded event a new report repeats, if any: same actor set
    /// (sorted ids), compatible kind, and dates as `how` requires. Among
    /// several, the one whose dates are closest to the new ones.
    pub fn find_event(
        &self,
        actors: &[i64],
        kind: EventKind,
        span: Span,
        how: Match,
    ) -> Result<Option<(i64, Span)>> {
        let (s, e) = (day_number(span.start), day_number(span.end));
        let (lo, hi) = match how {
            Match::Identical => (s, s),
            Match::Containing => (s - CONTAIN_WINDOW_DAYS, e),
        };
        let mut best: Option<(i64, Span)> = None;
        for (id, k, existing) in self.candidates(actors, lo, hi)? {
            let dates_fit = match how {
                Match::Identical => existing.start == span.start && existing.end == span.end,
                Match::Containing => existing.contains(&span) || span.contains(&existing),
            };
            if !dates_fit || !kinds_compatible(k, kind) || !self.same_actors(id, actors)? {
                continue;
            }
            let closer = best.is_none_or(|(_, b)| {
                (existing.len_days() - span.len_days()).abs()
                    < (b.len_days() - span.len_days()).abs()
            });
            if closer {
                best = Some((id, existing));
            }
        }
        Ok(best)
    }

    /// Whether an event with this external id exists.
    pub fn event_by_ext_id(&self, ext_id: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM events WHERE ext_id = ?1")?
            .query_row([ext_id], |r| r.get(0))
            .optional()?)
    }
}

fn event_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
    let origin: String = r.get(5)?;
    Ok(Event {
        id: r.get(0)?,
        kind: kind_of(r.get_ref(1)?.as_str()?)?,
        span: span_of(r.get(2)?, r.get(3)?, r.get_ref(4)?.as_str()?),
        origin: origin.parse().unwrap_or(Origin::Imported),
        note: r.get(6)?,
        actors: Vec::new(),
        sources: Vec::new(),
    })
}

impl Tx<'_> {
    /// Insert an event, its actors (in the order given) and its contacts.
    pub fn insert_event(&self, e: &NewEvent<'_>) -> Result<i64> {
        let actors = unique(e.actors);
        self.conn()
            .prepare_cached(
                "INSERT INTO events (kind, date_start, date_end, precision, day_start, day_end,
                                     origin, note, created_at, ext_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                e.kind.as_str(),
                e.span.start.format("%Y-%m-%d").to_string(),
                e.span.end.format("%Y-%m-%d").to_string(),
                e.span.precision.as_str(),
                day_number(e.span.start),
                day_number(e.span.end),
                e.origin.as_str(),
                e.note,
                self.now,
                e.ext_id
            ])?;
        let id = self.conn().last_insert_rowid();
        {
            let mut stmt = self.conn().prepare_cached(
                "INSERT INTO event_actors (event, actor, position) VALUES (?1, ?2, ?3)",
            )?;
            for (position, actor) in actors.iter().enumerate() {
                stmt.execute([id, *actor, position as i64])?;
            }
        }
        self.insert_contacts(id, e.kind, e.span, &actors)?;
        Ok(id)
    }

    fn insert_contacts(
        &self,
        event: i64,
        kind: EventKind,
        span: Span,
        actors: &[i64],
    ) -> Result<()> {
        if !kind.is_contact() || actors.len() < 2 {
            return Ok(());
        }
        let mut stmt = self.conn().prepare_cached(
            "INSERT INTO contacts (a, b, day_start, day_end, kind, precision, event)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let (s, e) = (day_number(span.start), day_number(span.end));
        for (i, a) in actors.iter().enumerate() {
            for b in &actors[i + 1..] {
                let (a, b) = sorted_pair(*a, *b);
                stmt.execute(params![
                    a,
                    b,
                    s,
                    e,
                    kind_code(kind),
                    precision_code(span.precision),
                    event
                ])?;
            }
        }
        Ok(())
    }

    /// Delete the contacts rows of an event, from its current actors and date.
    pub(super) fn remove_contacts(&self, event: i64) -> Result<()> {
        let Some(e) = self.db().event_row(event)? else {
            return Ok(());
        };
        let actors = self.db().event_actor_ids(event)?;
        let mut stmt = self.conn().prepare_cached(
            "DELETE FROM contacts WHERE a = ?1 AND b = ?2 AND day_start = ?3 AND event = ?4",
        )?;
        let s = day_number(e.span.start);
        for (i, a) in actors.iter().enumerate() {
            for b in &actors[i + 1..] {
                stmt.execute(params![a, b, s, event])?;
            }
        }
        Ok(())
    }

    /// Insert the contacts rows of an event from its current actors and date.
    pub(super) fn add_contacts(&self, event: i64) -> Result<()> {
        let Some(e) = self.db().event_row(event)? else {
            return Ok(());
        };
        let actors = self.db().event_actor_ids(event)?;
        self.insert_contacts(event, e.kind, e.span, &actors)
    }

    /// Add a source to an event unless the same one is there (same article,
    /// or for article-less sources the same URL and evidence). Returns
    /// whether it was added.
    pub fn add_source(&self, event: i64, source: &Source) -> Result<bool> {
        let exists: Option<i64> = match source.article {
            Some(article) => self
                .conn()
                .prepare_cached("SELECT 1 FROM event_sources WHERE event = ?1 AND article = ?2")?
                .query_row(params![event, article], |r| r.get(0))
                .optional()?,
            None => self
                .conn()
                .prepare_cached(
                    "SELECT 1 FROM event_source_rows WHERE event = ?1 AND article IS NULL
                     AND url IS ?2 AND evidence IS ?3",
                )?
                .query_row(params![event, source.url, source.evidence], |r| r.get(0))
                .optional()?,
        };
        if exists.is_some() {
            return Ok(false);
        }
        self.insert_source(event, source)?;
        Ok(true)
    }

    fn insert_source(&self, event: i64, source: &Source) -> Result<()> {
        let mut st = self.conn().prepare_cached(INSERT_SOURCE)?;
        run_insert_source(&mut st, event, source)
    }

    /// Record an event reported by `source` (none for a manual event without
    /// an article): attach it to the event it repeats, refining that event's
    /// date when the new one is more precise, or insert it.
    pub fn record_event(
        &self,
        e: &NewEvent<'_>,
        source: Option<&Source>,
        how: Match,
    ) -> Result<Attach> {
        let mut actors = e.actors.to_vec();
        actors.sort_unstable();
        actors.dedup();
        if let Some((id, existing)) = self.db().find_event(&actors, e.kind, e.span, how)? {
            if existing != e.span && existing.contains(&e.span) {
                self.update_event(id, None, Some(e.span), None, None)?;
            }
            let added = match source {
                Some(s) => self.add_source(id, s)?,
                None => false,
            };
            return Ok(Attach::Existing(id, added));
        }
        let id = self.insert_event(e)?;
        if let Some(s) = source {
            self.insert_source(id, s)?;
        }
        Ok(Attach::New(id))
    }

    /// Change an event; `None` keeps a field. `note: Some(None)` clears it.
    pub fn update_event(
        &self,
        id: i64,
        kind: Option<EventKind>,
        span: Option<Span>,
        actors: Option<&[i64]>,
        note: Option<Option<&str>>,
    ) -> Result<()> {
        if self.db().event_row(id)?.is_none() {
            return Err(StoreError::Invalid(format!("no event {id}")));
        }
        self.remove_contacts(id)?;
        if let Some(kind) = kind {
            self.conn().execute(
                "UPDATE events SET kind = ?2 WHERE id = ?1",
                params![id, kind.as_str()],
            )?;
        }
        if let Some(span) = span {
            self.conn().execute(
                "UPDATE events SET date_start = ?2, date_end = ?3, precision = ?4,
                                   day_start = ?5, day_end = ?6 WHERE id = ?1",
                params![
                    id,
                    span.start.format("%Y-%m-%d").to_string(),
                    span.end.format("%Y-%m-%d").to_string(),
                    span.precision.as_str(),
                    day_number(span.start),
                    day_number(span.end)
                ],
            )?;
        }
        if let Some(actors) = actors {
            self.conn().execute(
                "UPDATE events SET actor1 = NULL, actor2 = NULL WHERE id = ?1",
                [id],
            )?;
            self.conn()
                .execute("DELETE FROM event_actors WHERE event = ?1", [id])?;
            let mut stmt = self.conn().prepare_cached(
                "INSERT INTO event_actors (event, actor, position) VALUES (?1, ?2, ?3)",
            )?;
            for (position, actor) in unique(actors).iter().enumerate() {
                stmt.execute([id, *actor, position as i64])?;
            }
        }
        if let Some(note) = note {
            self.conn().execute(
                "UPDATE events SET note = ?2 WHERE id = ?1",
                params![id, note],
            )?;
        }
        self.add_contacts(id)
    }

    /// Move a pair kept on the event's row to event_actors rows (its
    /// contacts stay as they are: the same actors).
    pub(super) fn unpack_pair(&self, event: i64) -> Result<()> {
        self.conn().execute(
            "INSERT INTO event_actors (event, actor, position)
             SELECT id, actor1, 0 FROM events WHERE id = ?1 AND actor1 IS NOT NULL
             UNION ALL SELECT id, actor2, 1 FROM events WHERE id = ?1 AND actor2 IS NOT NULL",
            [event],
        )?;
        self.conn().execute(
            "UPDATE events SET actor1 = NULL, actor2 = NULL WHERE id = ?1",
            [event],
        )?;
        Ok(())
    }

    /// Delete an event with its actors, sources and contacts. Returns false
    /// when there is no such event.
    pub fn delete_event(&self, id: i64) -> Result<bool> {
        self.remove_contacts(id)?;
        let n = self
            .conn()
            .execute("DELETE FROM events WHERE id = ?1", [id])?;
        Ok(n > 0)
    }
}

/// The row of one source of an event; bulk imports keep the statement
/// prepared for a whole batch.
pub(super) const INSERT_SOURCE: &str =
    "INSERT INTO event_sources (event, article, url, evidence, span_start, span_end)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

pub(super) fn run_insert_source(
    st: &mut rusqlite::Statement<'_>,
    event: i64,
    source: &Source,
) -> Result<()> {
    st.execute(params![
        event,
        source.article,
        source.url,
        source.evidence,
        source.span.map(|s| s.0),
        source.span.map(|s| s.1)
    ])?;
    Ok(())
}
