//! Temporal expressions in news text: find them and resolve them to [`Span`]s.
//!
//! `find` reads a sentence and returns every date expression in it ("on
//! Thursday", "March 18, 2022", "late last year", "Jan. 3-5"), resolved
//! against a reference date (the publication date or a dateline's date) and
//! the tense the caller judged for the clause. `resolve` reads one whole
//! expression typed by a user. A bare weekday in a past-tense report is the
//! most recent such day, the reference day included; month-day without a year
//! takes the year nearest the reference in the direction of the tense; periods
//! ("last week", "earlier this month") keep their precision instead of
//! becoming a day (EXTRACTION.md complaints 2, 3 and 7).
//!
//! Matches exclude the preposition before them ("on Thursday" → "Thursday";
//! "since December 2022" → "December 2022"): callers that care ("since" in a
//! gap claim) look at the text before `start`. Expressions anchored to another
//! event ("two days later", "the day before") are not returned. This module
//! does not judge tense, does not pick the reference date and does no I/O; its
//! word lists are `data/temporal/*.tsv`.

mod calendar;
mod grammar;
mod lexicon;
mod phrase;
#[cfg(test)]
mod tests;
mod tokens;

use crate::date::Span;
use chrono::NaiveDate;
use grammar::{parse_at, starter, Cx};
use lexicon::{Class, LEXICON};
use tokens::{tokenize, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefer {
    Past,
    Future,
}

/// One temporal expression found in running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte offset in the input.
    pub start: usize,
    /// Byte offset, exclusive.
    pub end: usize,
    /// The matched text.
    pub text: String,
    /// The resolved date.
    pub span: Span,
    /// True when the value depends on the reference date ("on Thursday",
    /// "yesterday", "last week", "Dec. 30" without a year); false for absolute
    /// ones ("March 18, 2022", "in October 2019").
    pub anchored: bool,
}

/// Resolve a whole expression typed by a user (`dateline when "last tuesday"
/// --ref 2024-01-19`). Also accepts ISO values (2024-01-16, 2024-W02, 2024-01,
/// 2024, a..b) and "today". None when it does not understand the whole text.
pub fn resolve(text: &str, reference: NaiveDate, prefer: Prefer) -> Option<Span> {
    let t = text.trim();
    if t.as_bytes().first()?.is_ascii_digit() {
        if let Ok(s) = Span::parse_value(t) {
            return Some(s);
        }
    }
    let mut toks = Vec::new();
    tokenize(t, &mut toks);
    while matches!(
        toks.last().map(|t| t.kind),
        Some(Kind::Punct(b'.' | b'!' | b'?'))
    ) {
        toks.pop();
    }
    for skip in 0..2 {
        let Some(sub) = toks.get(skip..).filter(|s| !s.is_empty()) else {
            break;
        };
        if skip == 1 {
            // One leading preposition: "on tuesday", "since 2018", "in 3 days".
            let Kind::Word(id) = toks[0].kind else { break };
            let l = &LEXICON.entries[id as usize];
            if !(l.ctx_month || l.ctx_year || l.ctx_holiday) {
                break;
            }
        }
        let cx = Cx {
            text: t,
            toks: sub,
            r: reference,
            prefer,
            lenient: true,
        };
        if let Some(h) = parse_at(&cx, 0) {
            if h.last + 1 == sub.len() {
                return Some(h.span);
            }
        }
    }
    None
}

/// Find every temporal expression in a sentence of news text, resolved against
/// `reference` (the publication date or a dateline's date). `prefer` is the
/// tense of the clause as the caller judged it (Past unless future cues); it
/// decides the direction of bare weekdays and of month-day without a year.
pub fn find(text: &str, reference: NaiveDate, prefer: Prefer) -> Vec<Timex> {
    let mut toks = Vec::new();
    if !tokenize(text, &mut toks) {
        return Vec::new();
    }
    let cx = Cx {
        text,
        toks: &toks,
        r: reference,
        prefer,
        lenient: false,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !starter(&cx, i) {
            i += 1;
            continue;
        }
        match parse_at(&cx, i).filter(|h| !names_an_event(&cx, h)) {
            Some(h) => {
                let (start, end) = (toks[h.first].start, toks[h.last].end);
                out.push(Timex {
                    start,
                    end,
                    text: text[start..end].to_string(),
                    span: h.span,
                    anchored: h.anchored,
                });
                i = h.last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// "the Jan. 6 committee", "the Jan. 6, 2021, attack", "Black Friday",
/// "Vision 2030", "USA Today": the date is part of a name.
fn names_an_event(cx: &Cx, h: &grammar::Hit) -> bool {
    let class = |k: usize| match cx.toks.get(k).map(|t| t.kind) {
        Some(Kind::Word(id)) => Some(LEXICON.entries[id as usize].class),
        _ => None,
    };
    let mut k = h.last + 1;
    if cx.punct(k, b',') && matches!(cx.toks[h.last].kind, Kind::Num(_, 4)) {
        k += 1;
    }
    class(k) == Some(Class::StopAfter)
        || (h.first > 0 && class(h.first - 1) == Some(Class::StopBefore))
}
