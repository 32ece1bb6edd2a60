//! Events as JSON Lines: the `events --json` objects, one a line.

use super::{span_from_fields, Row, RowError, SourceRow};
use crate::extract::EventKind;
use crate::model::{Event, Origin};
use crate::render::json::EventJson;
use std::io::{self, BufRead, Write};

/// Read event rows, one JSON object a line (blank lines skipped).
pub fn read<R: BufRead>(name: &str, input: R) -> impl Iterator<Item = Result<Row, RowError>> {
    let name = name.to_string();
    input.lines().enumerate().filter_map(move |(i, line)| {
        let at = format!("{name}:{}", i + 1);
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                return Some(Err(RowError {
                    at,
                    reason: format!("cannot read: {e}"),
                }))
            }
        };
        if line.trim().is_empty() {
            return None;
        }
        Some(parse_line(&at, &line))
    })
}

fn parse_line(at: &str, line: &str) -> Result<Row, RowError> {
    let bad = |reason: String| RowError {
        at: at.to_string(),
        reason,
    };
    let e: EventJson =
        serde_json::from_str(line).map_err(|e| bad(format!("malformed JSON ({e})")))?;
    let kind =
        EventKind::parse(&e.kind).ok_or_else(|| bad(format!("unknown kind {:?}", e.kind)))?;
    let span = span_from_fields(&e.date, e.end.as_deref(), e.precision.as_deref()).map_err(bad)?;
    let origin = match e.origin.as_deref() {
        Some(o) => o.parse::<Origin>().map_err(bad)?,
        None => Origin::Imported,
    };
    let actors: Vec<String> = e
        .actors
        .iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    if actors.is_empty() {
        return Err(bad("no actors".into()));
    }
    Ok(Row {
        at: at.to_string(),
        kind,
        span,
        actors,
        origin,
        sources: e
            .sources
            .into_iter()
            .map(|s| SourceRow {
                article: s.article,
                // An article's own URL comes from the article; keep only
                // free-standing URLs.
                url: if s.article.is_some() { None } else { s.url },
                evidence: s.evidence,
            })
            .collect(),
        note: e.note,
    })
}

pub fn write_event(out: &mut dyn Write, e: &Event) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &EventJson::from(e)).map_err(io::Error::from)?;
    writeln!(out)
}
