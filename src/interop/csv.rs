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
use std::borrow::Cow;
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
            .map(unguard)
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
        Some(list) => split_actors(list),
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

/// The `actors` cell: names separated by `;`, a `;` or `\` inside a name
/// written `\;` or `\\` (`O'Brien'); DROP TABLE events;--` is a name too).
fn join_actors<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, name) in names.enumerate() {
        if i > 0 {
            out.push(';');
        }
        for c in name.chars() {
            if c == ';' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Read an `actors` cell written by [`join_actors`] or by hand: split at
/// each `;` not escaped with a backslash; a backslash before anything else
/// is kept as it is.
fn split_actors(cell: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut name = String::new();
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some(';' | '\\')) => {
                name.extend(chars.next());
            }
            ';' => names.push(std::mem::take(&mut name)),
            c => name.push(c),
        }
    }
    names.push(name);
    names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// What makes a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`
/// first, or a tab or carriage return that some spreadsheets skip before
/// one (the OWASP list for CSV injection).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell needs a leading `'` so that a spreadsheet shows it as text.
/// Cells that already start with quotes before a formula character get one
/// more, so that [`unguard`] gives back exactly what was guarded.
fn needs_guard(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_START)
}

/// A cell as exported with the formula guard on: `=1+1` is written `'=1+1`.
pub fn guard(cell: &str) -> Cow<'_, str> {
    if needs_guard(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The inverse of [`guard`], applied by import: `'=1+1` is read `=1+1`;
/// `'quoted` (no formula character after the quotes) stays as it is.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

/// Write one record, guarding its cells when asked.
fn write_cells<W: Write, I, S>(
    w: &mut ::csv::Writer<W>,
    cells: I,
    formula_guard: bool,
) -> io::Result<()>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let result = if formula_guard {
        w.write_record(cells.into_iter().map(|c| guard(c.as_ref()).into_owned()))
    } else {
        w.write_record(cells.into_iter().map(|c| c.as_ref().to_string()))
    };
    result.map_err(csv_io)
}

/// A CSV writer for events, header written.
pub struct EventWriter<W: Write> {
    w: ::csv::Writer<W>,
    formula_guard: bool,
}

impl<W: Write> EventWriter<W> {
    /// With `formula_guard`, cells a spreadsheet would run as a formula get a
    /// leading `'` (which import strips again).
    pub fn new(out: W, formula_guard: bool) -> io::Result<Self> {
        let mut w = ::csv::Writer::from_writer(out);
        w.write_record(EXPORT_HEADER).map_err(csv_io)?;
        Ok(EventWriter { w, formula_guard })
    }

    /// One row per source (one row for an event without sources).
    pub fn write(&mut self, e: &Event) -> io::Result<()> {
        let actors = join_actors(e.actors.iter().map(|a| a.name.as_str()));
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
            write_cells(&mut self.w, base(String::new(), ""), self.formula_guard)?;
        }
        for s in &e.sources {
            let source = match (s.article, &s.url) {
                (Some(a), _) => a.to_string(),
                (None, Some(u)) => u.clone(),
                (None, None) => String::new(),
            };
            write_cells(
                &mut self.w,
                base(source, s.evidence.as_deref().unwrap_or("")),
                self.formula_guard,
            )?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// `timeline --format csv`, guarded against formulas like `export`.
pub fn write_timeline(
    out: &mut dyn Write,
    rows: &[(Event, Option<Days>)],
    formula_guard: bool,
) -> io::Result<()> {
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
        let cells = [
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
        ];
        write_cells(&mut w, cells, formula_guard)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_guard_round_trips() {
        for (cell, guarded) in [
            ("=1+1", "'=1+1"),
            ("+33 1 23", "'+33 1 23"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),
            ("''@x", "'''@x"),
            ("'quoted'", "'quoted'"),
            ("Joe Biden", "Joe Biden"),
            ("2024-01-19", "2024-01-19"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(guard(cell), guarded, "{cell:?}");
            assert_eq!(unguard(guarded), cell, "{cell:?}");
        }
    }

    #[test]
    fn actor_lists_escape_their_separator() {
        for names in [
            vec!["Joe Biden", "Xi Jinping"],
            vec!["O'Brien'); DROP TABLE events;--", "A\\B", "C\\;D", "E;"],
        ] {
            let cell = join_actors(names.iter().copied());
            assert_eq!(split_actors(&cell), names, "{cell}");
        }
        assert_eq!(split_actors("A; B ;;C"), ["A", "B", "C"]);
        assert_eq!(split_actors("C:\\x;D"), ["C:\\x", "D"]);
    }
}
