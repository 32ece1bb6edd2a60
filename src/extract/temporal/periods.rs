//! Periods longer than a month and durations: seasons ("last spring", "the
//! summer of 2019"), quarters and halves ("Q3 2023", "the first half of
//! 2023"), weeks of a month ("the first week of January"), decades and
//! centuries ("the nineties", "the 21st century"), durations typed alone
//! ("the past week", "recent weeks", "within 3 days") and expressions
//! anchored to another event, resolved from the reference when typed alone
//! ("the previous day", "three days later"). Each pattern reads a bounded
//! number of tokens from where it starts.

use super::calendar::{
    add_days, add_months, century, current, half, pick, quarter, season, shift, Dir,
};
use super::grammar::{count, decade, decade_phase, hit, phase_of_years, Cx, Hit};
use super::lexicon::{Class, Phase, Rel, Unit};
use super::phrase::{day_first, phrase};
use super::tokens::Kind;
use crate::date::{Precision, Span};
use chrono::{Datelike, NaiveDate};

/// Words that may follow a season or an ordinal date in running text ("in the
/// spring, they met"); any other word makes it part of a name ("the spring
/// offensive", "the Winter Olympics").
const FREE_AFTER: &[&str] = &[
    "and", "at", "in", "when", "after", "before", "but", "with", "as", "he", "she", "they", "it",
    "we", "the", "to", "for", "i", "a", "while", "during", "that", "this", "is", "was", "were",
    "will", "had", "has", "have", "did", "or", "amid", "until", "since", "on", "by",
];

/// The token after a period is punctuation, the end, or a word that starts a new phrase.
fn free_after(cx: &Cx, k: usize, fall: bool) -> bool {
    match cx.toks.get(k) {
        None => true,
        Some(t) => match t.kind {
            Kind::Punct(_) => true,
            _ => FREE_AFTER.iter().any(|w| cx.is(k, w)) && !(fall && cx.is(k, "in")),
        },
    }
}

/// An ordinal at `i`: 3rd, third, twenty-first. Returns (value, last token).
pub(super) fn ordinal(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    match cx.toks.get(i)?.kind {
        Kind::Ord(n) => Some((n, i)),
        _ => match cx.class(i)? {
            Class::OrdWord(n) => Some((n, i)),
            Class::Num(t @ (20 | 30)) => {
                let k = if cx.punct(i + 1, b'-') && cx.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                match cx.class(k)? {
                    Class::OrdWord(u) if u <= 9 => Some((t + u, k)),
                    _ => None,
                }
            }
            _ => None,
        },
    }
}

/// A day of the month at `i`: digits, 12th, twelfth, twenty-first.
pub(super) fn day_at(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    if let Some(d) = cx.day_num(i) {
        return Some((d, i));
    }
    if matches!(cx.toks.get(i)?.kind, Kind::Ord(_)) {
        return None;
    }
    ordinal(cx, i).filter(|(d, _)| (1..=31).contains(d))
}

/// A year after a period: "2019", "of 2019", "of last year", "next year". With
/// `winter`, a second year may follow ("2022-23", "2022/2023"). Returns (year,
/// last token, anchored).
fn year_after(cx: &Cx, k: usize, winter: bool) -> Option<(i32, usize, bool)> {
    let k = if cx.is(k, "of") { k + 1 } else { k };
    if let Some(y) = short_year(cx, k) {
        return Some((y, k + 1, false));
    }
    if let Some(y) = cx.year_num(k) {
        let mut last = k;
        if winter && (cx.punct(k + 1, b'-') || cx.punct(k + 1, b'/')) && cx.glued(k + 1) {
            if let Some(Kind::Num(v, d)) = cx.toks.get(k + 2).map(|t| t.kind) {
                if (d == 2 && v as i32 == (y + 1) % 100) || (d == 4 && v as i32 == y + 1) {
                    last = k + 2;
                }
            }
        }
        return Some((y, last, false));
    }
    if cx.is(k + 1, "year") {
        let s = match cx.class(k)? {
            Class::Rel(Rel::Last) => -1,
            Class::Rel(Rel::This) => 0,
            Class::Rel(Rel::Next) => 1,
            _ => return None,
        };
        return Some((cx.r.year() + s, k + 1, true));
    }
    None
}

/// '98, ’19: a two-digit year after a quote mark, in the century that puts
/// it at most ten years after the reference.
pub(super) fn short_year(cx: &Cx, k: usize) -> Option<i32> {
    if !cx.punct(k, b'\'') || !cx.glued(k + 1) {
        return None;
    }
    let Kind::Num(v, 2) = cx.toks.get(k + 1)?.kind else {
        return None;
    };
    if cx.glued(k + 2) && !cx.punct(k + 2, b',') && !cx.punct(k + 2, b'.') {
        return None;
    }
    let base = cx.r.year() - cx.r.year().rem_euclid(100);
    let y = base + v as i32;
    Some(if y > cx.r.year() + 10 { y - 100 } else { y })
}

/// A season at `j` (`i` starts the match): "spring", "last summer", "the
/// summer of 2019", "late fall 2022", "winter 2022-23".
pub(super) fn season_head(
    cx: &Cx,
    i: usize,
    j: usize,
    phase: Option<Phase>,
    rel: Option<Rel>,
) -> Option<Hit> {
    let Some(Class::Season(m)) = cx.class(j) else {
        return None;
    };
    let f = |y: i32| season(y, m);
    let year = if cx.toks[j].poss {
        None
    } else {
        year_after(cx, j + 1, m == 12)
    };
    let (span, last, anchored) = match year {
        Some((y, last, anchored)) => {
            // "fall this year" needs the license of a bare season: "exports
            // will fall this year" is a verb.
            if rel.is_some()
                || (anchored && !cx.lenient && phase.is_none() && !cx.ctx_before(i, b'm'))
            {
                return None;
            }
            (f(y)?, last, anchored)
        }
        None => {
            if !cx.lenient {
                // "the fall of Kabul", "the spring offensive", "Arab Spring".
                let the = i < j && cx.is(j - 1, "the");
                let licensed = rel.is_some() || phase.is_some() || cx.ctx_before(i, b'm');
                if !licensed
                    || (the && !cx.ctx_before(j - 1, b'm') && rel.is_none())
                    || (!cx.toks[j].poss && !free_after(cx, j + 1, m == 9))
                {
                    return None;
                }
            }
            let s = match rel {
                Some(Rel::This) => current(cx.r, f)?,
                _ => pick(cx.r, cx.dir(rel), f)?,
            };
            (s, j, true)
        }
    };
    let span = match phase {
        None => span,
        Some(p) => {
            let k = match p {
                Phase::Early => 0,
                Phase::Mid => 1,
                Phase::Late => 2,
            };
            let d = shift(span.start, Unit::Month, k)?;
            Span::month(d.year(), d.month())?
        }
    };
    hit(i, last, span, anchored)
}

/// "Q3", "3Q", "H1" at `i`: (true for a quarter, number).
fn qh_at(cx: &Cx, i: usize) -> Option<(bool, u32)> {
    let t = cx.toks.get(i)?;
    if t.kind != Kind::Other || t.end - t.start != 2 {
        return None;
    }
    let b = cx.text.as_bytes();
    let (a, c) = (
        b[t.start].to_ascii_lowercase(),
        b[t.start + 1].to_ascii_lowercase(),
    );
    match (a, c) {
        (b'q', b'1'..=b'4') => Some((true, (c - b'0') as u32)),
        (b'1'..=b'4', b'q') => Some((true, (a - b'0') as u32)),
        (b'h', b'1'..=b'2') => Some((false, (c - b'0') as u32)),
        _ => None,
    }
}

pub(super) fn qh_shape(cx: &Cx, i: usize) -> bool {
    qh_at(cx, i).is_some()
}

fn qh_span(q: bool, n: u32, y: i32) -> Option<Span> {
    if q {
        quarter(y, n)
    } else {
        half(y, n)
    }
}

/// "Q3 2023", "Q3 of 2023", "H1 2023"; "Q3" alone only when typed alone.
pub(super) fn qh(cx: &Cx, i: usize) -> Option<Hit> {
    let (q, n) = qh_at(cx, i)?;
    let mut k = i + 1;
    if (cx.punct(k, b'-') || cx.punct(k, b'/')) && cx.glued(k) {
        k += 1;
    }
    if let Some((y, last, anchored)) = year_after(cx, k, false) {
        return hit(i, last, qh_span(q, n, y)?, anchored);
    }
    if !cx.lenient {
        return None;
    }
    hit(i, i, pick(cx.r, cx.dir(None), |y| qh_span(q, n, y))?, true)
}

/// "2023 Q3", "2023-Q3".
pub(super) fn year_qh(cx: &Cx, i: usize) -> Option<Hit> {
    let y = cx.year_num(i)?;
    let mut k = i + 1;
    if cx.punct(k, b'-') && cx.glued(k) && cx.glued(k + 1) {
        k += 1;
    }
    let (q, n) = qh_at(cx, k)?;
    hit(i, k, qh_span(q, n, y)?, false)
}

/// What "of ..." names after "the first week/half/quarter": a year or a month.
fn container(cx: &Cx, k: usize) -> Option<(Span, usize, bool)> {
    if let Some(y) = cx.year_num(k) {
        return Some((Span::year(y)?, k, false));
    }
    if cx.is(k, "the") && cx.is(k + 1, "year") {
        return Some((Span::year(cx.r.year())?, k + 1, true));
    }
    if cx.is(k, "the") && cx.is(k + 1, "month") {
        return Some((add_months(cx.r, 0)?, k + 1, true));
    }
    let h = phrase(cx, k)?;
    matches!(h.span.precision, Precision::Month | Precision::Year)
        .then_some((h.span, h.last, h.anchored))
}

/// From an ordinal at `k` (`i` starts the match): "the third quarter of 2023",
/// "the first half of next year", "the first week of January", "the 21st
/// century", "the last quarter of 2023", "third quarter 2023".
pub(super) fn ordinal_period(cx: &Cx, i: usize, k: usize) -> Option<Hit> {
    let (n, ol) = match cx.class(k) {
        Some(Class::Rel(Rel::Last)) => (0, k),
        _ if cx.is(k, "final") => (0, k),
        _ => ordinal(cx, k)?,
    };
    // "the first Monday of March", "the last Friday in January"
    if let Some(Class::Weekday(w)) = cx.class(ol + 1) {
        if !(cx.is(ol + 2, "of") || cx.is(ol + 2, "in")) || n > 5 {
            return None;
        }
        let (s, last, anchored) = container(cx, ol + 3)?;
        if s.precision != Precision::Month {
            return None;
        }
        let nth = if n == 0 { -1 } else { n as i32 };
        let rule = super::lexicon::Rule::Nth(s.start.month(), nth, w);
        let d = super::calendar::holiday(rule, s.start.year())?;
        return hit(i, last, Span::day(d), anchored);
    }
    // "the first day of spring", "the last day of January"
    if cx.class(ol + 1)
        == Some(Class::Unit {
            unit: Unit::Day,
            plural: false,
        })
        && cx.is(ol + 2, "of")
        && n <= 1
    {
        let k = ol + 3;
        let (s, last, anchored) = match cx.class(k) {
            Some(Class::Season(_)) => {
                let h = season_head(cx, k, k, None, None)?;
                (h.span, h.last, h.anchored)
            }
            _ if cx.is(k, "the") && matches!(cx.class(k + 1), Some(Class::Season(_))) => {
                let h = season_head(cx, k, k + 1, None, None)?;
                (h.span, h.last, h.anchored)
            }
            _ => container(cx, k)?,
        };
        let d = if n == 0 { s.end } else { s.start };
        return hit(i, last, Span::day(d), anchored);
    }
    let Some(Class::Unit {
        unit,
        plural: false,
    }) = cx.class(ol + 1)
    else {
        // "the first half": "half" is no unit.
        if !cx.is(ol + 1, "half") {
            return None;
        }
        let n = if n == 0 { 2 } else { n };
        let u = ol + 1;
        if cx.is(u + 1, "of") {
            let (s, last, anchored) = container(cx, u + 2)?;
            let span = match s.precision {
                Precision::Year => half(s.start.year(), n)?,
                _ => {
                    let mid = s.start.with_day(15)?;
                    match n {
                        1 => Span::range(s.start, mid),
                        2 => Span::range(add_days(mid, 1)?, s.end),
                        _ => return None,
                    }
                }
            };
            return hit(i, last, span, anchored);
        }
        if let Some(y) = cx.year_num(u + 1) {
            return hit(i, u + 1, half(y, n)?, false);
        }
        if !cx.lenient || n > 2 {
            return None;
        }
        return hit(i, u, pick(cx.r, cx.dir(None), |y| half(y, n))?, true);
    };
    let u = ol + 1;
    match unit {
        Unit::Century if n > 0 => hit(i, u, century(n)?, false),
        Unit::Quarter => {
            let n = if n == 0 { 4 } else { n };
            if cx.is(u + 1, "of") {
                let (s, last, anchored) = container(cx, u + 2)?;
                if s.precision != Precision::Year {
                    return None;
                }
                return hit(i, last, quarter(s.start.year(), n)?, anchored);
            }
            if let Some(y) = cx.year_num(u + 1) {
                return hit(i, u + 1, quarter(y, n)?, false);
            }
            if !cx.lenient || n > 4 {
                return None;
            }
            hit(i, u, pick(cx.r, cx.dir(None), |y| quarter(y, n))?, true)
        }
        Unit::Week => {
            if !cx.is(u + 1, "of") || n > 5 {
                return None;
            }
            let (s, last, anchored) = container(cx, u + 2)?;
            if s.precision != Precision::Month {
                return None;
            }
            let span = if n == 0 {
                Span::range(add_days(s.end, -6)?, s.end)
            } else {
                let a = add_days(s.start, 7 * (n as i64 - 1))?;
                Span::range(a, add_days(a, 6)?.min(s.end))
            };
            hit(i, last, span, anchored)
        }
        _ => None,
    }
}

/// After "the": the ordinal periods, seasons, decade words, "the year 2023",
/// "the week before last" and, typed alone, durations and anchored phrases.
pub(super) fn after_the(cx: &Cx, i: usize) -> Option<Hit> {
    let n = i + 1;
    let mut best: Option<Hit> = None;
    let mut consider = |h: Option<Hit>| {
        if let Some(h) = h {
            if best.is_none_or(|b| h.last > b.last) {
                best = Some(h);
            }
        }
    };
    // "the '90s"
    if cx.punct(n, b'\'') {
        if let Some(Kind::Decade(d)) = cx.toks.get(n + 1).map(|t| t.kind) {
            return hit(i, n + 1, decade(d)?, false);
        }
    }
    match cx.class(n) {
        Some(Class::DecadeWord(d)) => consider(hit(i, n, decade(d)?, false)),
        Some(Class::Season(_)) => consider(season_head(cx, i, n, None, None)),
        Some(Class::Phase(p)) => {
            let k = if cx.punct(n + 1, b'-') { n + 2 } else { n + 1 };
            // "the mid-'90s"
            if cx.punct(k, b'\'') {
                if let Some(Kind::Decade(d)) = cx.toks.get(k + 1).map(|t| t.kind) {
                    consider(hit(i, k + 1, decade_phase(d, p)?, false));
                }
            }
            if let Some(Class::DecadeWord(d)) = cx.class(k) {
                consider(hit(i, k, decade_phase(d, p)?, false));
            }
            if let Some(h) = ordinal_period(cx, i, k) {
                if h.span.len_days() > 36_000 {
                    consider(hit(i, h.last, century_phase(h.span, p)?, false));
                }
            }
        }
        Some(Class::Unit {
            unit: unit @ (Unit::Week | Unit::Month | Unit::Year),
            plural: false,
        }) => {
            if unit == Unit::Week && cx.is(n + 1, "of") {
                // "the week of January 8": the week that holds that day.
                if let Some(h) = phrase(cx, n + 2) {
                    if h.span.precision == Precision::Day {
                        consider(hit(i, h.last, Span::week_of(h.span.start), h.anchored));
                    }
                }
            }
            if cx.is(n + 1, "before") && cx.is(n + 2, "last") {
                consider(hit(i, n + 2, unit_span(cx.r, unit, -2)?, true));
            } else if cx.lenient && (cx.is(n + 1, "before") || cx.is(n + 1, "after")) {
                let k = if cx.is(n + 1, "before") { -1 } else { 1 };
                consider(hit(i, n + 1, unit_span(cx.r, unit, k)?, true));
            }
        }
        Some(Class::Unit {
            unit: Unit::Day,
            plural: false,
        }) if cx.lenient && (cx.is(n + 1, "before") || cx.is(n + 1, "after")) => {
            let k = if cx.is(n + 1, "before") { -1 } else { 1 };
            consider(hit(i, n + 1, Span::day(add_days(cx.r, k)?), true));
        }
        Some(Class::Unit {
            unit: Unit::Weekend,
            plural: false,
        }) if cx.is(n + 1, "before") && cx.is(n + 2, "last") => {
            let w = super::calendar::weekend(cx.r, Dir::Last)?;
            let s = Span::range(add_days(w.start, -7)?, add_days(w.end, -7)?);
            consider(hit(i, n + 2, s, true));
        }
        // "the next morning", "the previous evening": typed alone, from the reference
        Some(Class::Anchor(_) | Class::Rel(Rel::Next))
            if cx.lenient && matches!(cx.class(n + 1), Some(Class::Part(_))) =>
        {
            let k = match cx.class(n) {
                Some(Class::Anchor(k)) => k,
                _ => 1,
            };
            consider(hit(i, n + 1, Span::day(add_days(cx.r, k)?), true));
        }
        Some(Class::Anchor(k)) if cx.lenient => {
            if let Some(Class::Unit {
                unit,
                plural: false,
            }) = cx.class(n + 1)
            {
                consider(hit(i, n + 1, unit_span(cx.r, unit, k)?, true));
            }
        }
        Some(Class::Rel(rel)) if cx.lenient => {
            consider(duration(cx, i, n, rel));
            if rel == Rel::Next {
                if let Some(Class::Unit {
                    unit,
                    plural: false,
                }) = cx.class(n + 1)
                {
                    consider(hit(i, n + 1, unit_span(cx.r, unit, 1)?, true));
                }
            }
            consider(phrase(cx, n).map(|h| Hit { first: i, ..h }));
        }
        _ => {}
    }
    if cx.is(n, "year") {
        if let Some(y) = cx.year_num(n + 1) {
            consider(hit(i, n + 1, Span::year(y)?, false));
        }
    }
    if let Some((_, ol)) = ordinal(cx, n) {
        if cx.is(ol + 1, "of") && day_at(cx, n).is_some() {
            consider(day_first(cx, n, i));
        }
    }
    consider(ordinal_period(cx, i, n));
    best
}

/// A time of day at `k`, typed after or before a date: "at 3 p.m.", "10:30",
/// "14:00 GMT", "noon", "10am ET". Returns its last token. The date keeps its
/// precision: dateline dates are days at most.
pub(super) fn time_at(cx: &Cx, k: usize) -> Option<usize> {
    let mut k = k;
    if cx.punct(k, b',') {
        k += 1;
    }
    if cx.is(k, "at") || cx.is(k, "around") || cx.is(k, "about") {
        k += 1;
    }
    let mut last;
    if ["noon", "midnight", "midday"].iter().any(|w| cx.is(k, w)) {
        last = k;
    } else if let Some(t) = cx.toks.get(k).filter(|t| t.kind == Kind::Other) {
        // 3pm, 10am
        let w = cx.text[t.start..t.end].to_ascii_lowercase();
        let digits = w.trim_end_matches("am").trim_end_matches("pm");
        if digits.len() == w.len()
            || digits.is_empty()
            || digits.len() > 2
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        last = k;
    } else {
        let Kind::Num(h, d) = cx.toks.get(k)?.kind else {
            return None;
        };
        if d > 2 || h > 24 {
            return None;
        }
        last = k;
        if cx.punct(k + 1, b':') && cx.glued(k + 1) {
            match cx.toks.get(k + 2).map(|t| t.kind) {
                Some(Kind::Num(m, 2)) if m < 60 => last = k + 2,
                _ => return None,
            }
        }
        // a.m., p.m., am, pm
        let ampm = |i: usize| cx.is(i, "am") || cx.is(i, "pm");
        if ampm(last + 1) {
            last += 1;
        } else if (cx.is(last + 1, "a") || cx.is(last + 1, "p"))
            && cx.punct(last + 2, b'.')
            && cx.is(last + 3, "m")
        {
            last += 3;
            if cx.punct(last + 1, b'.') {
                last += 1;
            }
        } else if last == k {
            // a bare number is no time
            return None;
        }
    }
    const ZONES: &[&str] = &[
        "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "cet", "cest",
        "bst", "ist", "jst", "msk",
    ];
    if ZONES.iter().any(|z| cx.is(last + 1, z)) {
        last += 1;
    } else if cx.is(last + 1, "local") && cx.is(last + 2, "time") {
        last += 2;
    }
    Some(last)
}

fn century_phase(s: Span, p: Phase) -> Option<Span> {
    phase_of_years(s.start.year(), 100, p)
}

/// The calendar unit that holds `r`, moved by `k`: last week, next quarter, this decade.
pub(super) fn unit_span(r: NaiveDate, unit: Unit, k: i64) -> Option<Span> {
    let y = r.year();
    let k32 = i32::try_from(k).ok()?;
    match unit {
        Unit::Day => Some(Span::day(add_days(r, k)?)),
        Unit::Week => Some(Span::week_of(add_days(r, 7 * k)?)),
        Unit::Fortnight => None,
        Unit::Month => add_months(r, k32),
        Unit::Quarter => {
            let d = shift(r, Unit::Quarter, k)?;
            quarter(d.year(), d.month0() / 3 + 1)
        }
        Unit::Year => Span::year(y.checked_add(k32)?),
        Unit::Decade => decade(y.div_euclid(10) * 10 + 10 * k32),
        Unit::Century => century(u32::try_from(y.div_euclid(100) + 1 + k32).ok()?),
        Unit::Weekend => None,
    }
}

/// The days before (`back`) or after the reference that a duration covers.
fn dur_span(r: NaiveDate, unit: Unit, n: u32, back: bool) -> Option<Span> {
    let n = n as i64;
    if back {
        Some(Span::range(shift(r, unit, -n)?, add_days(r, -1)?))
    } else {
        Some(Span::range(add_days(r, 1)?, shift(r, unit, n)?))
    }
}

/// A vague plural: "recent weeks", "the coming days" (see relative.tsv).
fn vague(unit: Unit) -> Option<(Unit, u32)> {
    match unit {
        Unit::Day => Some((Unit::Day, 7)),
        Unit::Week => Some((Unit::Week, 4)),
        Unit::Month => Some((Unit::Month, 3)),
        Unit::Year => Some((Unit::Year, 3)),
        Unit::Decade => Some((Unit::Decade, 3)),
        _ => None,
    }
}

/// After "the" and past/last/next/coming at `n`, typed alone: "the past 3
/// days", "the last week", "the past few days", "the coming weeks".
fn duration(cx: &Cx, i: usize, n: usize, rel: Rel) -> Option<Hit> {
    let back = match rel {
        Rel::Past | Rel::Last => true,
        Rel::Next | Rel::Coming => false,
        Rel::This => return None,
    };
    if let Some((c, cl)) = count(cx, n + 1) {
        let Some(Class::Unit { unit, .. }) = cx.class(cl + 1) else {
            return None;
        };
        return hit(i, cl + 1, dur_span(cx.r, unit, c, back)?, true);
    }
    match cx.class(n + 1)? {
        // "the last week" is the seven days before; "the next week" is next week.
        Class::Unit {
            unit,
            plural: false,
        } if back && !matches!(unit, Unit::Weekend | Unit::Day | Unit::Century) => {
            hit(i, n + 1, dur_span(cx.r, unit, 1, true)?, true)
        }
        Class::Unit { unit, plural: true } if rel == Rel::Coming || rel == Rel::Past => {
            let (u, c) = vague(unit)?;
            hit(i, n + 1, dur_span(cx.r, u, c, back)?, true)
        }
        _ => None,
    }
}

/// Typed alone: "recent weeks", "within 3 days", "within the past week",
/// "within the next two weeks".
pub(super) fn dur_word(cx: &Cx, i: usize) -> Option<Hit> {
    if !cx.lenient {
        return None;
    }
    match cx.class(i)? {
        Class::Dur(false) => {
            let Some(Class::Unit { unit, plural: true }) = cx.class(i + 1) else {
                return None;
            };
            let (u, c) = vague(unit)?;
            hit(i, i + 1, dur_span(cx.r, u, c, true)?, true)
        }
        Class::Dur(true) => {
            if cx.is(i + 1, "the") {
                let Some(Class::Rel(rel)) = cx.class(i + 2) else {
                    return None;
                };
                let h = duration(cx, i + 1, i + 2, rel)?;
                return hit(i, h.last, h.span, true);
            }
            let (c, cl) = count(cx, i + 1)?;
            let Some(Class::Unit { unit, .. }) = cx.class(cl + 1) else {
                return None;
            };
            hit(i, cl + 1, dur_span(cx.r, unit, c, false)?, true)
        }
        _ => None,
    }
}
