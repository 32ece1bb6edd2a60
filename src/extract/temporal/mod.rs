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
mod periods;
mod phrase;
#[cfg(test)]
mod tests;
mod tokens;

use crate::date::{Precision, Span};
use chrono::{Datelike, NaiveDate};
use grammar::{parse_at, starter, Cx};
use lexicon::{Class, LEXICON};
use periods::time_at;
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
/// 2024, a..b), other all-digit dates (2024/01/19, 19.01.2024), ranges ("from
/// March to May 2023", "between 2019 and 2021"), durations ("the past week",
/// "recent weeks", "within 3 days") and phrases anchored to another event,
/// counted from the reference ("the previous day", "three days later"); `find`
/// returns none of the last two. None when it does not understand the whole text.
pub fn resolve(text: &str, reference: NaiveDate, prefer: Prefer) -> Option<Span> {
    let t = text.trim();
    if t.as_bytes().first()?.is_ascii_digit() {
        if let Ok(s) = Span::parse_value(t) {
            return Some(s);
        }
        if let Some(s) = numeric_date(t) {
            return Some(s);
        }
        // 2024-01-19T10:00:00Z, 2024-01-19 10:00: the day.
        if t.len() > 11 && matches!(t.as_bytes()[10], b'T' | b' ') {
            if let (Some(day), Some(time)) = (t.get(..10), t.get(11..)) {
                let clock =
                    |b: u8| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'+' | b'-' | b'Z');
                if time.as_bytes()[0].is_ascii_digit() && time.bytes().all(clock) {
                    if let Ok(s) = Span::parse_value(day) {
                        return Some(s);
                    }
                }
            }
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
    if let Some(h) = whole(t, &toks, reference, prefer) {
        return Some(h.span);
    }
    range(t, &toks, reference, prefer)
}

/// Words that may stand before a typed expression without changing it:
/// "about two weeks ago", "nearly a year ago".
const APPROX: &[&str] = &[
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "some",
    "just",
    "exactly",
    "circa",
];

/// `toks` as one expression, after at most one preposition and one approximator.
fn whole(
    t: &str,
    toks: &[tokens::Tok],
    reference: NaiveDate,
    prefer: Prefer,
) -> Option<grammar::Hit> {
    let cx = Cx::typed(t, toks, reference, prefer);
    for skip in 0..3 {
        let sub = toks.get(skip..).filter(|s| !s.is_empty())?;
        let sub_cx = Cx { toks: sub, ..cx };
        if let Some(h) = parse_at(&sub_cx, 0) {
            // "Friday at 3 p.m.", "Jan. 19, 14:00 GMT": a time after the date.
            if h.last + 1 == sub.len() || time_at(&sub_cx, h.last + 1) == Some(sub.len() - 1) {
                return Some(h);
            }
        }
        // "10:30 a.m. Friday", "at 3pm yesterday", "9 p.m. on Thursday"
        if let Some(tl) = time_at(&sub_cx, 0) {
            let k = if sub_cx.is(tl + 1, "on") {
                tl + 2
            } else {
                tl + 1
            };
            if k < sub.len() {
                if let Some(h) = parse_at(&sub_cx, k) {
                    if h.last + 1 == sub.len() {
                        return Some(h);
                    }
                }
            }
        }
        // One leading preposition ("on tuesday", "since 2018", "in 3 days")
        // or approximator ("about two weeks ago").
        let prep = match sub[0].kind {
            Kind::Word(id) => {
                let l = &LEXICON.entries[id as usize];
                l.ctx_month || l.ctx_year || l.ctx_holiday
            }
            _ => false,
        };
        if !(prep || APPROX.iter().any(|w| sub_cx.is(0, w))) {
            return None;
        }
    }
    None
}

/// "from X to Y", "between X and Y", "X-Y", "X through Y" typed alone: the
/// days from the start of X to the end of Y. X without a year takes Y's
/// ("from March to May 2023"); "2019-21" closes with a two-digit year.
fn range(t: &str, toks: &[tokens::Tok], reference: NaiveDate, prefer: Prefer) -> Option<Span> {
    let cx = Cx::typed(t, toks, reference, prefer);
    let between = cx.is(0, "between");
    let a = usize::from(between || cx.is(0, "from"));
    for k in a + 1..toks.len().saturating_sub(1) {
        let sep = cx.punct(k, b'-')
            || ["to", "through", "thru", "until", "till"]
                .iter()
                .any(|w| cx.is(k, w))
            || (between && cx.is(k, "and"));
        if !sep {
            continue;
        }
        let Some(left) = whole(t, &toks[a..k], reference, prefer) else {
            // "between 8 and 10 January": the day takes the right end's month.
            if let ([one], Some(right)) = (&toks[a..k], whole(t, &toks[k + 1..], reference, prefer))
            {
                if let (Kind::Num(d, 1..=2), true) = (one.kind, right.span.is_day()) {
                    let e = right.span.start;
                    if let Some(s) = NaiveDate::from_ymd_opt(e.year(), e.month(), d) {
                        if s < e {
                            return Some(Span::range(s, e));
                        }
                    }
                }
            }
            continue;
        };
        // "2019-21", "1990-95"
        if k + 2 == toks.len() && left.span.precision == Precision::Year && !left.anchored {
            if let Kind::Num(v, 2) = toks[k + 1].kind {
                let y = left.span.start.year();
                let end = y - y.rem_euclid(100) + v as i32;
                if end > y {
                    let e = Span::year(end)?;
                    return Some(Span::range(left.span.start, e.end));
                }
            }
        }
        let Some(right) = whole(t, &toks[k + 1..], reference, prefer) else {
            continue;
        };
        let mut left = left;
        if left.anchored && (!right.anchored || left.span.start > right.span.start) {
            // The right end's year decides: "from March to May 2023".
            let r2 = if right.anchored {
                right.span.start
            } else {
                right.span.end
            };
            left = whole(t, &toks[a..k], r2, Prefer::Past)?;
        }
        if left.span.start > right.span.end {
            return None;
        }
        return Some(Span::range(left.span.start, right.span.end));
    }
    None
}

/// All-digit dates typed alone: 2024/01/19, 2024.01.19, 19.01.2024,
/// 19-01-2024, 19/01/2024 (day first when the first number cannot be a
/// month), 1/19/24, 2024-1-19, 20240119.
fn numeric_date(t: &str) -> Option<Span> {
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n = |a: usize, b: usize| t[a..b].parse::<u32>().ok();
        let y = n(0, 4)? as i32;
        return (1900..=2100)
            .contains(&y)
            .then(|| Span::ymd(y, n(4, 6)?, n(6, 8)?))?;
    }
    let sep = t.bytes().find(|b| !b.is_ascii_digit())?;
    if !matches!(sep, b'/' | b'.' | b'-') {
        return None;
    }
    let parts: Vec<&str> = t.split(sep as char).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if ![a, b, c]
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|x| x.is_ascii_digit()))
    {
        return None;
    }
    let (na, nb, nc): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) => Span::ymd(na as i32, nb, nc),
        (1..=2, 1..=2, 4) => {
            if sep == b'/' && na <= 12 {
                Span::ymd(nc as i32, na, nb)
            } else {
                Span::ymd(nc as i32, nb, na)
            }
        }
        (1..=2, 1..=2, 2) if sep == b'/' => {
            let y = if nc < 50 { 2000 + nc } else { 1900 + nc };
            Span::ymd(y as i32, na, nb)
        }
        _ => None,
    }
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
