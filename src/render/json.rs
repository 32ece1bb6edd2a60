//! The JSON shapes of the command-line contract (DESIGN.md). Scripts rely on
//! these field names: change them only with the contract. The event object is
//! also the JSON Lines interchange format, so it reads back too.

use crate::check::Verdict;
use crate::date::{Precision, Span};
use crate::gaps::{Days, DaysF, PairSummary, Summary};
use crate::model::{Actor, Claim, Event, Source, StoredArticle};
use serde::{Deserialize, Serialize};

/// `date` of an event: its ISO value, or the first day of a range.
pub fn date_text(span: &Span) -> String {
    match span.precision {
        Precision::Range => span.start.format("%Y-%m-%d").to_string(),
        _ => span.value(),
    }
}

/// `end` of an event: the last possible day, unless it is a single day.
pub fn end_text(span: &Span) -> Option<String> {
    (span.precision != Precision::Day).then(|| span.end.format("%Y-%m-%d").to_string())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SourceJson {
    #[serde(default)]
    pub article: Option<i64>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub evidence: Option<String>,
}

impl From<&Source> for SourceJson {
    fn from(s: &Source) -> Self {
        SourceJson {
            article: s.article,
            title: s.title.clone(),
            url: s.url.clone(),
            path: s.path.clone(),
            evidence: s.evidence.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventJson {
    #[serde(default)]
    pub id: Option<i64>,
    pub kind: String,
    pub date: String,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub precision: Option<String>,
    pub actors: Vec<String>,
    #[serde(default)]
    pub origin: Option<String>,
    #[serde(default)]
    pub sources: Vec<SourceJson>,
    #[serde(default)]
    pub note: Option<String>,
}

impl From<&Event> for EventJson {
    fn from(e: &Event) -> Self {
        EventJson {
            id: Some(e.id),
            kind: e.kind.as_str().to_string(),
            date: date_text(&e.span),
            end: end_text(&e.span),
            precision: Some(e.span.precision.as_str().to_string()),
            actors: e.actors.iter().map(|a| a.name.clone()).collect(),
            origin: Some(e.origin.as_str().to_string()),
            sources: e.sources.iter().map(SourceJson::from).collect(),
            note: e.note.clone(),
        }
    }
}

/// A gap: `days` when exact, else null with the range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapJson {
    pub days: Option<f64>,
    pub min_days: f64,
    pub max_days: f64,
}

impl From<Days> for GapJson {
    fn from(d: Days) -> Self {
        GapJson {
            days: d.is_exact().then_some(d.min as f64),
            min_days: d.min as f64,
            max_days: d.max as f64,
        }
    }
}

impl From<DaysF> for GapJson {
    fn from(d: DaysF) -> Self {
        GapJson {
            days: d.is_exact().then_some(d.min),
            min_days: d.min,
            max_days: d.max,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactJson {
    pub event: i64,
    pub date: String,
    pub precision: String,
    pub kind: String,
    pub gap_days: Option<i64>,
    pub gap_min_days: Option<i64>,
    pub gap_max_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryJson {
    pub count: usize,
    pub first: Option<String>,
    pub last: Option<String>,
    pub min_gap: Option<GapJson>,
    pub median_gap: Option<GapJson>,
    pub mean_gap: Option<GapJson>,
    pub max_gap: Option<GapJson>,
    pub days_since_last: Option<GapJson>,
    pub as_of: String,
}

impl From<&Summary> for SummaryJson {
    fn from(s: &Summary) -> Self {
        SummaryJson {
            count: s.count,
            first: s.first.map(|d| d.value()),
            last: s.last.map(|d| d.value()),
            min_gap: s.min.map(GapJson::from),
            median_gap: s.median.map(GapJson::from),
            mean_gap: s.mean.map(GapJson::from),
            max_gap: s.max.map(GapJson::from),
            days_since_last: s.since_last.map(GapJson::from),
            as_of: s.as_of.format("%Y-%m-%d").to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapsJson {
    pub actors: [String; 2],
    pub contacts: Vec<ContactJson>,
    pub summary: SummaryJson,
}

/// Gap fields of a contact: `gap_days` when exact, and the bounds.
pub fn gap_fields(gap: Option<Days>) -> (Option<i64>, Option<i64>, Option<i64>) {
    match gap {
        None => (None, None, None),
        Some(g) => (g.is_exact().then_some(g.min), Some(g.min), Some(g.max)),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairJson {
    pub actors: [String; 2],
    pub count: usize,
    pub last: String,
    pub longest_gap: Option<GapJson>,
    pub silence: GapJson,
}

impl PairJson {
    /// The pair with its names in alphabetical order.
    pub fn new(p: &PairSummary, x: &str, y: &str) -> Self {
        let (x, y) = if x <= y { (x, y) } else { (y, x) };
        PairJson {
            actors: [x.to_string(), y.to_string()],
            count: p.count,
            last: p.last_span().value(),
            longest_gap: p.longest.map(GapJson::from),
            silence: p.silence.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineJson {
    #[serde(flatten)]
    pub event: EventJson,
    pub gap_days: Option<i64>,
    pub gap_min_days: Option<i64>,
    pub gap_max_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimJson {
    pub id: i64,
    pub article: i64,
    pub actors: [String; 2],
    pub text: String,
    pub min_days: Option<i64>,
    pub max_days: Option<i64>,
    pub ending: Option<String>,
    pub implied_previous: Option<String>,
    pub precision: Option<String>,
    pub status: String,
    pub conflicts: Vec<i64>,
}

impl ClaimJson {
    pub fn new(c: &Claim, ending: Option<Span>, implied: Option<Span>, v: &Verdict) -> Self {
        ClaimJson {
            id: c.id,
            article: c.article,
            actors: [c.actors[0].name.clone(), c.actors[1].name.clone()],
            text: c.text.clone(),
            min_days: c.min_days,
            max_days: c.max_days,
            ending: ending.map(|s| s.value()),
            implied_previous: implied.map(|s| s.value()),
            precision: implied.map(|s| s.precision.as_str().to_string()),
            status: v.status.as_str().to_string(),
            conflicts: v.conflicts.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleJson {
    pub id: i64,
    pub date: String,
    pub published_time: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub path: Option<String>,
    pub events: i64,
    pub claims: i64,
    pub added_at: String,
}

impl From<&StoredArticle> for ArticleJson {
    fn from(a: &StoredArticle) -> Self {
        ArticleJson {
            id: a.id,
            date: a.published.format("%Y-%m-%d").to_string(),
            published_time: a.published_time.clone(),
            title: a.title.clone(),
            url: a.url.clone(),
            source: a.source.clone(),
            path: a.path.clone(),
            events: a.events,
            claims: a.claims,
            added_at: a.added_at.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorJson {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub role: Option<String>,
    pub country: Option<String>,
    pub aliases: Vec<String>,
    pub events: i64,
}

impl From<&Actor> for ActorJson {
    fn from(a: &Actor) -> Self {
        ActorJson {
            id: a.id,
            name: a.name.clone(),
            kind: a.kind.as_str().to_string(),
            role: a.role.clone(),
            country: a.country.clone(),
            aliases: a.aliases.clone(),
            events: a.events,
        }
    }
}
