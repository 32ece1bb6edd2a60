//! Event CSV (RFC 4180, UTF-8, one header row). Import needs `date` and
//! `kind`, and actors as `actor1`,`actor2` or `;`-separated `actors`;
//! optional `end`, `precision`, `source` (a URL or an article id),
//! `evidence`, `note`, `origin`, `id` (ignored). Export writes
//! `id,kind,date,end,precision,actors,origin,source,evidence,note`, one row
//! per source of an event, which import reads back to the same events.

use super::{span_from_fields, Row, RowError, SourceRow};
use crate::extract::EventKind;
use crate::gaps::Days;
use crate::model::{Event, Origin};
use crate::render::json::{date_text, end_text, gap_fields};
use std::io::{self, Read, Write};

pub const EXPORT_HEADER: [&str; 10] = [
    "id",
    "kind",
    "date",
    "end",
    "precision",
    "actors",
    "origin",
    "source",
    "evidence",
    "note",
];

const KNOWN: [&str; 12] = [
    "id",
    "kind",
    "date",
    "end",
    "precision",
    "actors",
    "actor1",
    "actor2",
    "origin",
    "source",
    "evidence",
    "note",
];

#[derive(Default)]
struct Columns {
    kind: Option<usize>,
    date: Option<usize>,
    end: Option<usize>,
    precision: Option<usize>,
    actors: Option<usize>,
    actor1: Option<usize>,
    actor2: Option<usize>,
    origin: Option<usize>,
    source: Option<usize>,
    evidence: Option<usize>,
    note: Option<usize>,
}

/// Read event rows from CSV. The header problems (missing columns) come as
/// one error; unknown columns as warnings (second element).
pub fn read<R: Read>(
    name: &str,
    input: R,
) -> Result<(impl Iterator<Item = Result<Row, RowError>>, Vec<RowError>), RowError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(input);
    let header = reader
        .headers()
        .map_err(|e| RowError {
            at: name.to_string(),
            reason: format!("cannot read the CSV header: {e}"),
        })?
        .clone();
    let mut cols = Columns::default();
    let mut warnings = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
        let slot = match h.as_str() {
            "kind" => &mut cols.kind,
            "date" => &mut cols.date,
            "end" => &mut cols.end,
            "precision" => &mut cols.precision,
            "actors" => &mut cols.actors,
            "actor1" => &mut cols.actor1,
            "actor2" => &mut cols.actor2,
            "origin" => &mut cols.origin,
            "source" => &mut cols.source,
            "evidence" => &mut cols.evidence,
            "note" => &mut cols.note,
            _ => {
                if !KNOWN.contains(&h.as_str()) {
                    warnings.push(RowError {
                        at: name.to_string(),
                        reason: format!("unknown column {h:?} ignored"),
                    });
                }
                continue;
            }
        };
        *slot = Some(i);
    }
    let missing: Vec<&str> = [("date", cols.date), ("kind", cols.kind)]
        .iter()
        .filter(|(_, c)| c.is_none())
        .map(|(n, _)| *n)
        .collect();
    if !missing.is_empty() || (cols.actors.is_none() && cols.actor1.is_none()) {
        let mut need: Vec<&str> = missing;
        if cols.actors.is_none() && cols.actor1.is_none() {
            need.push("actor1 (or actors)");
        }
        return Err(RowError {
            at: name.to_string(),
            reason: format!("missing CSV column {}", need.join(", ")),
        });
    }
    let name = name.to_string();
    let mut record = ::csv::StringRecord::new();
    let mut line = 1u64;
    let iter = std::iter::from_fn(move || loop {
        match reader.read_record(&mut record) {
            Ok(false) => return None,
            Ok(true) => {
                line = record.position().map_or(line + 1, |p| p.line());
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let at = format!("{name}:{line}");
                return Some(parse_record(&at, &record, &cols));
            }
            Err(e) => {
                let at = match e.position() {
                    Some(p) => format!("{name}:{}", p.line()),
                    None => name.clone(),
                };
                return Some(Err(RowError {
                    at,
                    reason: format!("malformed CSV ({e})"),
                }));
            }
        }
    });
    Ok((iter, warnings))
}

fn parse_record(at: &str, r: &::csv::StringRecord, c: &Columns) -> Result<Row, RowError> {
    let field = |i: Option<usize>| {
        i.and_then(|i| r.get(i))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let bad = |reason: String| RowError {
        at: at.to_string(),
        reason,
    };
    let kind_text = field(c.kind).ok_or_else(|| bad("no kind".into()))?;
    let kind = EventKind::parse(kind_text).ok_or_else(|| {
        bad(format!(
            "unknown kind {kind_text:?} (expected call, meeting, visit, message or statement)"
        ))
    })?;
    let date = field(c.date).ok_or_else(|| bad("no date".into()))?;
    let span = span_from_fields(date, field(c.end), field(c.precision)).map_err(bad)?;
    let actors: Vec<String> = match field(c.actors) {
        Some(list) => list
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        None => [field(c.actor1), field(c.actor2)]
            .into_iter()
            .flatten()
            .map(str::to_string)
            .collect(),
    };
    if actors.is_empty() {
        return Err(bad("no actors".into()));
    }
    let origin = match field(c.origin) {
        Some(o) => o.parse::<Origin>().map_err(bad)?,
        None => Origin::Imported,
    };
    let evidence = field(c.evidence).map(str::to_string);
    let sources = match field(c.source) {
        Some(s) if s.bytes().all(|b| b.is_ascii_digit()) => vec![SourceRow {
            article: s.parse().ok(),
            url: None,
            evidence,
        }],
        Some(s) => vec![SourceRow {
            article: None,
            url: Some(s.to_string()),
            evidence,
        }],
        None if evidence.is_some() => vec![SourceRow {
            evidence,
            ..SourceRow::default()
        }],
        None => Vec::new(),
    };
    Ok(Row {
        at: at.to_string(),
        kind,
        span,
        actors,
        origin,
        sources,
        note: field(c.note).map(str::to_string),
    })
}

/// A CSV writer for events, header written.
pub struct EventWriter<W: Write> {
    w: ::csv::Writer<W>,
}

impl<W: Write> EventWriter<W> {
    pub fn new(out: W) -> io::Result<Self> {
        let mut w = ::csv::Writer::from_writer(out);
        w.write_record(EXPORT_HEADER).map_err(csv_io)?;
        Ok(EventWriter { w })
    }

    /// One row per source (one row for an event without sources).
    pub fn write(&mut self, e: &Event) -> io::Result<()> {
        let actors = e
            .actors
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join(";");
        let base = |source: String, evidence: &str| {
            vec![
                e.id.to_string(),
                e.kind.as_str().to_string(),
                date_text(&e.span),
                end_text(&e.span).unwrap_or_default(),
                e.span.precision.as_str().to_string(),
                actors.clone(),
                e.origin.as_str().to_string(),
                source,
                evidence.to_string(),
                e.note.clone().unwrap_or_default(),
            ]
        };
        if e.sources.is_empty() {
            self.w
                .write_record(base(String::new(), ""))
                .map_err(csv_io)?;
        }
        for s in &e.sources {
            let source = match (s.article, &s.url) {
                (Some(a), _) => a.to_string(),
                (None, Some(u)) => u.clone(),
                (None, None) => String::new(),
            };
            self.w
                .write_record(base(source, s.evidence.as_deref().unwrap_or("")))
                .map_err(csv_io)?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// `timeline --format csv`.
pub fn write_timeline(out: &mut dyn Write, rows: &[(Event, Option<Days>)]) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record([
        "event",
        "kind",
        "date",
        "end",
        "precision",
        "actors",
        "gap_days",
        "gap_min_days",
        "gap_max_days",
        "evidence",
    ])
    .map_err(csv_io)?;
    let text = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    for (e, gap) in rows {
        let (days, min, max) = gap_fields(*gap);
        w.write_record([
            e.id.to_string(),
            e.kind.as_str().to_string(),
            date_text(&e.span),
            end_text(&e.span).unwrap_or_default(),
            e.span.precision.as_str().to_string(),
            e.actors
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            text(days),
            text(min),
            text(max),
            e.sources
                .iter()
                .find_map(|s| s.evidence.clone())
                .unwrap_or_default(),
        ])
        .map_err(csv_io)?;
    }
    w.flush()
}

/// A CSV error as an I/O error, keeping the kind of an underlying I/O error
/// (a closed pipe must stay a closed pipe).
fn csv_io(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}
