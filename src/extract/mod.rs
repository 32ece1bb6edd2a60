//! Extraction: pure functions from an article's text to event frames.
//!
//! Sentences, actor mentions, temporal expressions, contact words with their
//! modality, and stated gaps ("first call in 27 days"). Nothing here touches
//! the database or the clock: the publication date comes in as an argument
//! and frames come out. The store decides what they become.
//!
//! The pipeline, per article: find a wire dateline (its day is the reference
//! for relative dates), split sentences, then per sentence find and resolve
//! actor mentions ([`mentions`]), split clauses, and per clause find contact
//! words and modality cues ([`events`]) and the clause's date ([`temporal`]);
//! stated gaps come from [`claims`]. A last pass settles what one sentence
//! cannot: the kind of a "discussion" (the article says "the call" later),
//! the date of an undated lead, and duplicates.

pub mod claims;
pub mod events;
pub mod mentions;
pub mod temporal;
#[cfg(test)]
mod tests;
pub mod text;

use crate::date::Span;
use chrono::NaiveDate;
use serde::Serialize;

/// Kind of an event, as stored (`events.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Call,
    Meeting,
    Visit,
    Message,
    Statement,
}

impl EventKind {
    pub const ALL: [EventKind; 5] = [
        EventKind::Call,
        EventKind::Meeting,
        EventKind::Visit,
        EventKind::Message,
        EventKind::Statement,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Call => "call",
            EventKind::Meeting => "meeting",
            EventKind::Visit => "visit",
            EventKind::Message => "message",
            EventKind::Statement => "statement",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// CAMEO code for interchange with event datasets.
    pub fn cameo(self) -> &'static str {
        match self {
            EventKind::Call => "041",
            EventKind::Meeting => "044",
            EventKind::Visit => "042",
            EventKind::Message => "040",
            EventKind::Statement => "010",
        }
    }

    /// A contact kind: two or more actors in contact (everything but a statement).
    pub fn is_contact(self) -> bool {
        self != EventKind::Statement
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organisation,
    Country,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Country => "country",
        }
    }

    pub fn parse(s: &str) -> Option<ActorKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" => Some(ActorKind::Person),
            "organisation" | "organization" | "org" => Some(ActorKind::Organisation),
            "country" => Some(ActorKind::Country),
            _ => None,
        }
    }
}

/// An actor as the article names it, resolved within the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRef {
    /// Canonical display name ("Benjamin Netanyahu"), or the surname alone
    /// when the article never gave more ("Netanyahu"): the resolver then
    /// looks it up in the database.
    pub name: String,
    pub kind: ActorKind,
    /// Title as written before the name ("Prime Minister"), if any.
    pub title: Option<String>,
    /// Country or organisation the actor belongs to, if known.
    pub country: Option<String>,
    /// True when only a surname (or single name) was seen.
    pub surname_only: bool,
}

/// A contact (or statement) the article reports as having happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventFrame {
    pub kind: EventKind,
    pub date: Span,
    /// Indexes into [`Extraction::actors`], at least two for a contact.
    pub actors: Vec<usize>,
    /// The sentence that says so.
    pub evidence: String,
    /// Byte span of the evidence in the article body.
    pub span: (usize, usize),
}

/// What kind of contact a stated gap is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// "first call", "had not spoken": checked against calls.
    Call,
    /// "first face-to-face meeting": checked against meetings and visits.
    Meeting,
    /// "first contact", "interaction", "talks": every contact.
    Contact,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Call => "call",
            Basis::Meeting => "meeting",
            Basis::Contact => "contact",
        }
    }

    pub fn parse(s: &str) -> Option<Basis> {
        match s {
            "call" => Some(Basis::Call),
            "meeting" => Some(Basis::Meeting),
            "contact" => Some(Basis::Contact),
            _ => None,
        }
    }
}

/// A stated gap: "the first interaction between the two leaders in 27 days".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimFrame {
    /// Indexes into [`Extraction::actors`]: the pair.
    pub actors: [usize; 2],
    /// The words of the claim.
    pub text: String,
    /// Days from the previous contact to the ending one; `None` = open.
    pub min_days: Option<i64>,
    pub max_days: Option<i64>,
    /// Index into [`Extraction::events`] of the contact that ends the silence.
    pub ending: Option<usize>,
    /// Date of the contact that ends the silence (the ending event's date).
    pub ending_date: Option<Span>,
    /// The previous contact the claim implies, where the text gives it.
    pub implied_previous: Option<Span>,
    pub basis: Basis,
    /// "first ... ever": no previous contact at all.
    pub first_ever: bool,
    /// The sentence the claim is in.
    pub evidence: String,
}

/// Everything one article yields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extraction {
    pub actors: Vec<ActorRef>,
    pub events: Vec<EventFrame>,
    pub claims: Vec<ClaimFrame>,
    /// The date relative expressions were resolved against (a wire
    /// dateline's day, else the publication date).
    pub reference: Option<NaiveDate>,
}

/// Input to extraction: what [`crate::article::Article`] provides.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub title: Option<&'a str>,
    pub body: &'a str,
    pub published: NaiveDate,
    /// The publisher as the article names it ("The White House", "Prime
    /// Minister's Office, 10 Downing Street"): whose voice a readout is in.
    pub source: Option<&'a str>,
}

mod discourse;
mod pipeline;

pub use pipeline::dateline;

/// Extract events, actors and claims from one article.
pub fn extract(text: Text<'_>) -> Extraction {
    pipeline::extract(text)
}
