//! The records dateline keeps, as the store hands them out and the commands,
//! checkers and renderers take them. Plain data: no SQL, no printing.

use crate::date::Span;
use crate::extract::{ActorKind, Basis, EventKind};
use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

/// Where an event came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    Extracted,
    Manual,
    Imported,
    Inferred,
}

impl Origin {
    pub const ALL: [Origin; 4] = [
        Origin::Extracted,
        Origin::Manual,
        Origin::Imported,
        Origin::Inferred,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Extracted => "extracted",
            Origin::Manual => "manual",
            Origin::Imported => "imported",
            Origin::Inferred => "inferred",
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Origin {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Origin::ALL
            .into_iter()
            .find(|o| o.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!("unknown origin {s:?} (expected extracted, manual, imported or inferred)")
            })
    }
}

/// A visit is a meeting at someone's place: the same contact reported as a
/// visit by one article and a meeting by another is one event.
pub fn kinds_compatible(a: EventKind, b: EventKind) -> bool {
    use EventKind::{Meeting, Visit};
    a == b || matches!((a, b), (Meeting, Visit) | (Visit, Meeting))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorName {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: i64,
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    pub country: Option<String>,
    pub aliases: Vec<String>,
    pub events: i64,
}

/// One place an event was reported.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    pub article: Option<i64>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub path: Option<String>,
    pub evidence: Option<String>,
    pub span: Option<(i64, i64)>,
}

impl Source {
    /// How a reader finds the report: its title, else its file, URL or
    /// article id.
    pub fn name(&self) -> String {
        self.title
            .clone()
            .or_else(|| self.path.clone())
            .or_else(|| self.url.clone())
            .or_else(|| self.article.map(|a| format!("article {a}")))
            .unwrap_or_else(|| "source".into())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub kind: EventKind,
    pub span: Span,
    pub origin: Origin,
    pub note: Option<String>,
    pub actors: Vec<ActorName>,
    pub sources: Vec<Source>,
}

/// A contact of one pair, as the `contacts` table holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    pub event: i64,
    pub kind: EventKind,
    pub span: Span,
}

/// An article as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    pub id: i64,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: NaiveDate,
    pub published_time: Option<String>,
    pub path: Option<String>,
    pub added_at: String,
    pub events: i64,
    pub claims: i64,
}

/// A stated gap as stored: its status is computed by [`crate::check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub id: i64,
    pub article: i64,
    pub actors: [ActorName; 2],
    pub text: String,
    pub min_days: Option<i64>,
    pub max_days: Option<i64>,
    pub basis: Basis,
    pub first_ever: bool,
    pub ending_event: Option<i64>,
    pub ending: Option<Span>,
    pub implied_previous: Option<Span>,
    pub evidence: Option<String>,
}

/// Filters of the `events` listing.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Events with all of these actors.
    pub actors: Vec<i64>,
    pub kinds: Vec<EventKind>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub origins: Vec<Origin>,
}

/// Counts for `info`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub articles: i64,
    pub events: i64,
    pub actors: i64,
    pub aliases: i64,
    pub sources: i64,
    pub contacts: i64,
    pub claims: i64,
}
