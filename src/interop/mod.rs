//! Events in and out: CSV and JSON Lines (the `events --json` objects, one a
//! line), in the columns of DESIGN.md, so that `export` then `import` gives
//! back the same events. Readers turn text into [`Row`]s; [`import`] writes
//! them in batches, one IMMEDIATE transaction each, with actor names cached
//! in memory and the store's bulk writer finding the event a row repeats
//! (see `store::bulk`).

pub mod csv;
pub mod gdelt;
pub mod jsonl;

use crate::date::{Precision, Span};
use crate::extract::EventKind;
use crate::model::{Origin, Source};
use crate::resolve;
use crate::store::{Attach, Batch, NewEvent, Store, StoreError, Tx};
use rustc_hash::{FxHashMap, FxHashSet};

/// Rows per write transaction: large enough that each commit's random index
/// pages are shared by many rows (10,000 made a 1M-row import 60 % slower).
/// A batch keeps its contact rows (48 bytes each) and sorted actors (16
/// bytes a pair) in memory, written sorted at its end: into an empty table,
/// that is appending.
/// For a million rows, 200,000-row batches took 2.79-2.98 s, 500,000
/// 2.78-2.82 s and 127 MB, 1,000,000 2.57 s and 166 MB.
pub const BATCH: usize = 1_000_000;

/// A source as a file gives it: an article id or a URL, with evidence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceRow {
    pub article: Option<i64>,
    pub url: Option<String>,
    pub evidence: Option<String>,
}

/// One event read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Where it was read (`file:3`), for messages.
    pub at: String,
    pub kind: EventKind,
    pub span: Span,
    pub actors: Vec<String>,
    pub origin: Origin,
    pub sources: Vec<SourceRow>,
    pub note: Option<String>,
}

/// A problem with one row (or the whole file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{at}: {reason}")]
pub struct RowError {
    pub at: String,
    pub reason: String,
}

/// A date from the `date`, `end` and `precision` fields: `date` is an ISO
/// value (`2024-01-19`, `2024-01`, `2024`, `2024-W03`, `A..B`); `end` makes a
/// range; `precision` widens a day to its month, week or year.
pub fn span_from_fields(
    date: &str,
    end: Option<&str>,
    precision: Option<&str>,
) -> Result<Span, String> {
    let start = Span::parse_value(date)?;
    let end = end
        .filter(|e| !e.trim().is_empty())
        .map(Span::parse_value)
        .transpose()?;
    let precision = precision
        .filter(|p| !p.trim().is_empty())
        .map(str::parse::<Precision>)
        .transpose()?;
    let ranged = || match end {
        Some(e) => Span::range(start.start, e.end),
        None => start,
    };
    let span = match precision {
        None if end.is_some_and(|e| e.end != start.end) => ranged(),
        None => start,
        Some(Precision::Range) => ranged(),
        Some(Precision::Day) => {
            if start.precision != Precision::Day {
                return Err(format!("{date:?} is not a day but precision says day"));
            }
            start
        }
        Some(Precision::Week) => Span::week_of(start.start),
        Some(Precision::Month) => {
            use chrono::Datelike;
            Span::month(start.start.year(), start.start.month())
                .ok_or_else(|| format!("{date:?}: no such month"))?
        }
        Some(Precision::Year) => {
            use chrono::Datelike;
            Span::year(start.start.year()).ok_or_else(|| format!("{date:?}: no such year"))?
        }
    };
    Ok(span)
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub rows: usize,
    pub new: usize,
    pub existing: usize,
    pub sources_added: usize,
    pub failed: usize,
    pub warnings: usize,
}

struct Importer {
    /// Actor ids by the name a file gives (two lookups a row: Fx, not
    /// SipHash, which was a tenth of the storing thread's time).
    names: FxHashMap<String, i64>,
    articles: FxHashSet<i64>,
    stats: Stats,
    /// Buffers reused from row to row.
    actors: Vec<i64>,
    sources: Vec<Source>,
}

impl Importer {
    fn actor(&mut self, tx: &Tx<'_>, name: &str) -> Result<i64, resolve::ResolveError> {
        if let Some(&id) = self.names.get(name) {
            return Ok(id);
        }
        let id = resolve::find_or_create(tx, name)?;
        self.names.insert(name.to_string(), id);
        Ok(id)
    }

    /// Store one row; `Ok(Err(..))` is a problem with the row alone.
    fn row(
        &mut self,
        batch: &mut Batch<'_>,
        row: &Row,
        problem: &mut dyn FnMut(RowError, bool),
    ) -> Result<Result<(), RowError>, StoreError> {
        let bad = |reason: String| {
            Ok(Err(RowError {
                at: row.at.clone(),
                reason,
            }))
        };
        let mut actors = std::mem::take(&mut self.actors);
        actors.clear();
        for name in &row.actors {
            match self.actor(batch.tx(), name) {
                Ok(id) => {
                    if !actors.contains(&id) {
                        actors.push(id);
                    }
                }
                Err(resolve::ResolveError::Store(e)) => return Err(e),
                Err(e) => return bad(e.to_string()),
            }
        }
        let distinct = actors.len();
        // Kept in the given order (first mention first), repeats dropped.
        let result = self.store_row(batch, row, &actors, distinct, problem);
        self.actors = actors;
        result
    }

    fn store_row(
        &mut self,
        batch: &mut Batch<'_>,
        row: &Row,
        actors: &[i64],
        distinct: usize,
        problem: &mut dyn FnMut(RowError, bool),
    ) -> Result<Result<(), RowError>, StoreError> {
        if row.kind.is_contact() && distinct < 2 {
            return Ok(Err(RowError {
                at: row.at.clone(),
                reason: format!("a {} needs two or more different actors", row.kind.as_str()),
            }));
        }
        // The buffers of the previous row's sources are reused: no
        // allocation (nor a free on this thread) per row.
        let mut sources = std::mem::take(&mut self.sources);
        let mut n = 0;
        for s in &row.sources {
            if let Some(article) = s.article {
                let known =
                    self.articles.contains(&article) || batch.tx().db().article(article)?.is_some();
                if !known {
                    problem(
                        RowError {
                            at: row.at.clone(),
                            reason: format!("no article {article} in this database; imported without that source"),
                        },
                        true,
                    );
                    continue;
                }
                self.articles.insert(article);
            }
            if n == sources.len() {
                sources.push(Source::default());
            }
            let to = &mut sources[n];
            to.article = s.article;
            to.url.clone_from(&s.url);
            to.evidence.clone_from(&s.evidence);
            n += 1;
        }
        let event = NewEvent {
            kind: row.kind,
            span: row.span,
            origin: row.origin,
            note: row.note.as_deref(),
            actors,
            ext_id: None,
        };
        let recorded = batch.record(&event, &sources[..n]);
        self.sources = sources;
        let (attach, added) = recorded?;
        match attach {
            Attach::New(_) => self.stats.new += 1,
            Attach::Existing(_, first) => {
                self.stats.existing += 1;
                self.stats.sources_added += usize::from(first) + added;
            }
        }
        Ok(Ok(()))
    }
}

/// Hand `rows` to `f` as a second thread reads them, some thousands ahead:
/// parsing a file then overlaps storing it. `f` gives each row it is done
/// with to its second argument, and the reading thread drops them: a row's
/// strings were allocated there, and freeing them on the thread that stores
/// (about a tenth of its time, mostly in the allocator's locking and
/// consolidation of another thread's memory) is work the reading thread has
/// room for.
pub fn read_ahead<T: Send, R>(
    rows: impl Iterator<Item = T> + Send,
    f: impl FnOnce(&mut dyn Iterator<Item = T>, &mut dyn FnMut(T)) -> R,
) -> R {
    const CHUNK: usize = 4096;
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<T>>(4);
        let (give_back, given_back) = std::sync::mpsc::channel::<Vec<T>>();
        scope.spawn(move || {
            let mut rows = rows;
            loop {
                // Spent rows dropped here; their vector holds the next chunk.
                let mut chunk = Vec::new();
                while let Ok(mut spent) = given_back.try_recv() {
                    spent.clear();
                    chunk = spent;
                }
                chunk.extend(rows.by_ref().take(CHUNK));
                // An empty chunk is the end; a closed channel, a reader that
                // stopped early.
                if chunk.is_empty() || send.send(chunk).is_err() {
                    break;
                }
            }
            drop(send);
            // The rest as the storing thread is done with them.
            for spent in given_back {
                drop(spent);
            }
        });
        let mut rows = receive.into_iter().flatten();
        let mut spent: Vec<T> = Vec::with_capacity(CHUNK);
        let mut done = |row: T| {
            spent.push(row);
            if spent.len() == CHUNK {
                // A failed send (the reading thread panicked) drops them here.
                let _ = give_back.send(std::mem::replace(&mut spent, Vec::with_capacity(CHUNK)));
            }
        };
        let value = f(&mut rows, &mut done);
        let _ = give_back.send(spent);
        // Before the scope waits for the reading thread, which waits for this
        // channel to close.
        drop(give_back);
        value
    })
}

/// Write rows to the store in batches. Row problems are handed to
/// `problem` (with `true` for a mere warning) and the other rows still
/// imported; a database error stops the import, keeping the batches
/// already committed.
pub fn import(
    store: &mut Store,
    rows: impl IntoIterator<Item = Result<Row, RowError>>,
    problem: &mut dyn FnMut(RowError, bool),
) -> Result<Stats, StoreError> {
    import_in_batches(store, rows, BATCH, problem, &mut drop)
}

/// [`import`] with `batch` rows per transaction, each row handed to `spent`
/// once stored (see [`read_ahead`]).
pub fn import_in_batches(
    store: &mut Store,
    rows: impl IntoIterator<Item = Result<Row, RowError>>,
    batch: usize,
    problem: &mut dyn FnMut(RowError, bool),
    spent: &mut dyn FnMut(Result<Row, RowError>),
) -> Result<Stats, StoreError> {
    let mut importer = Importer {
        names: FxHashMap::default(),
        articles: FxHashSet::default(),
        stats: Stats::default(),
        actors: Vec::new(),
        sources: Vec::new(),
    };
    let mut import = store.begin_import(batch.max(1))?;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        // Rows are stored as they are read: a batch costs no memory, only
        // the size of one transaction.
        let mut problems: Vec<(RowError, bool)> = Vec::new();
        store.import_batch(&mut import, |b| -> Result<(), StoreError> {
            if b.changed {
                // Another process wrote between two batches: the ids cached
                // may name actors or articles it merged or removed.
                importer.names.clear();
                importer.articles.clear();
            }
            for row in rows.by_ref().take(batch.max(1)) {
                importer.stats.rows += 1;
                let row = match row {
                    Ok(row) => row,
                    Err(e) => {
                        problems.push((e, false));
                        continue;
                    }
                };
                let mut warn = |e: RowError, warning: bool| problems.push((e, warning));
                let stored = importer.row(b, &row, &mut warn)?;
                spent(Ok(row));
                if let Err(e) = stored {
                    problems.push((e, false));
                }
            }
            Ok(())
        })?;
        for (e, warning) in problems {
            if warning {
                importer.stats.warnings += 1;
            } else {
                importer.stats.failed += 1;
            }
            problem(e, warning);
        }
    }
    store.finish_import(import)?;
    Ok(importer.stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_from_fields() {
        for (date, end, precision, expected) in [
            ("2024-01-19", None, None, Ok("2024-01-19")),
            ("2024-01", None, None, Ok("2024-01")),
            ("2024-01", Some("2024-01-31"), Some("month"), Ok("2024-01")),
            (
                "2024-01-03",
                Some("2024-01-05"),
                None,
                Ok("2024-01-03..2024-01-05"),
            ),
            (
                "2024-01-03",
                Some("2024-01-05"),
                Some("range"),
                Ok("2024-01-03..2024-01-05"),
            ),
            ("2024-01-19", Some(""), Some("day"), Ok("2024-01-19")),
            ("2024-01-19", None, Some("month"), Ok("2024-01")),
            ("2024-01", None, Some("day"), Err(())),
            ("2024-02-30", None, None, Err(())),
        ] {
            let got = span_from_fields(date, end, precision)
                .map(|s| s.value())
                .map_err(|_| ());
            assert_eq!(
                got,
                expected.map(str::to_string),
                "{date} {end:?} {precision:?}"
            );
        }
    }
}
