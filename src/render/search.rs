//! Search results: a short block per article for people (the passage with
//! its hits in bold colour on a terminal, «between guillemets» elsewhere),
//! and the `search --json` objects of the command-line contract.

use crate::model::Event;
use crate::store::{SearchHit, HIT_END, HIT_START};
use serde::Serialize;
use std::io::{self, Write};

/// Plain-text marks around a hit: guillemets, which English news text almost
/// never uses, so a hit stays easy to see and to find with a script.
pub const MARK_START: &str = "«";
pub const MARK_END: &str = "»";

/// Bold red on, everything off.
const BOLD_COLOR: &str = "\x1b[1;31m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// A hit with the events recorded from its article.
#[derive(Debug, Clone)]
pub struct Found {
    pub hit: SearchHit,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// ANSI bold and colour for hits and titles.
    pub color: bool,
}

/// The snippet with its hits marked the plain way.
pub fn marked(snippet: &str) -> String {
    snippet
        .replace(HIT_START, MARK_START)
        .replace(HIT_END, MARK_END)
}

fn styled(snippet: &str, style: Style) -> String {
    if style.color {
        snippet
            .replace(HIT_START, BOLD_COLOR)
            .replace(HIT_END, RESET)
    } else {
        marked(snippet)
    }
}

/// The relevance shown and written: three decimals.
fn rank(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

/// The title, else the file name (as `articles` shows it), else the URL.
fn title(hit: &SearchHit) -> String {
    hit.title
        .clone()
        .or_else(|| {
            hit.path.as_deref().map(|p| {
                std::path::Path::new(p)
                    .file_name()
                    .map_or(p.to_string(), |n| n.to_string_lossy().into_owned())
            })
        })
        .or_else(|| hit.url.clone())
        .unwrap_or_else(|| "(untitled)".into())
}

/// One block per article:
///
/// ```text
/// article 2 · 2022-07-29 · Biden and Xi speak as Taiwan tensions rise · rank 1.234
///   …President Joe Biden and Chinese President «Xi» Jinping spoke by phone…
///   event 2: call 2022-07-28 Joe Biden — Xi Jinping
/// ```
pub fn text(out: &mut dyn Write, query: &str, found: &[Found], style: Style) -> io::Result<()> {
    if found.is_empty() {
        return writeln!(out, "no article matches {query:?}");
    }
    for (i, f) in found.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let h = &f.hit;
        let (b, r) = if style.color { (BOLD, RESET) } else { ("", "") };
        writeln!(
            out,
            "article {} · {} · {b}{}{r} · rank {:.3}",
            h.article,
            h.published.format("%Y-%m-%d"),
            title(h),
            rank(h.score)
        )?;
        writeln!(out, "  {}", styled(&h.snippet, style))?;
        for e in &f.events {
            let actors: Vec<&str> = e.actors.iter().map(|a| a.name.as_str()).collect();
            writeln!(
                out,
                "  event {}: {} {} {}",
                e.id,
                e.kind.as_str(),
                e.span.value(),
                actors.join(" — ")
            )?;
        }
    }
    Ok(())
}

/// `search --json`: one object per article, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchJson {
    pub article: i64,
    pub title: Option<String>,
    pub date: String,
    /// The passage, hits «marked».
    pub snippet: String,
    /// Relevance (bm25, higher is better).
    pub rank: f64,
    pub events: Vec<i64>,
}

impl From<&Found> for SearchJson {
    fn from(f: &Found) -> Self {
        SearchJson {
            article: f.hit.article,
            title: f.hit.title.clone(),
            date: f.hit.published.format("%Y-%m-%d").to_string(),
            snippet: marked(&f.hit.snippet),
            rank: rank(f.hit.score),
            events: f.events.iter().map(|e| e.id).collect(),
        }
    }
}

pub fn json(out: &mut dyn Write, found: &[Found]) -> io::Result<()> {
    let list: Vec<SearchJson> = found.iter().map(SearchJson::from).collect();
    super::write_json(out, &list)
}
