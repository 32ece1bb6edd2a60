//! Modifier phrases and calendar dates: "late last year", "next Monday",
//! "Mar. 18, 2022", "3-5 January", "in October", holiday names. Each pattern
//! reads a bounded number of tokens from where it starts.

use super::calendar::{
    add_days, add_months, holiday, nearest_month, nearest_year, phase_of, weekday, weekend, Dir,
};
use super::grammar::{decade, decade_phase, hit, Cx, Hit};
use super::lexicon::{Class, Part, Phase, Rel, Unit, LEXICON};
use super::periods::{day_at, season_head, unit_span};
use super::tokens::Kind;
use crate::date::{Precision, Span};
use chrono::{Datelike, NaiveDate};

/// Modifiers (early/mid/late, the end of, last/next/this, earlier/later this)
/// and then a head.
pub(super) fn phrase(cx: &Cx, i: usize) -> Option<Hit> {
    let mut j = i;
    let mut phase = None;
    let mut rel = None;
    let mut shift = false;
    if cx.is(j, "the") {
        if let Some(Class::Edge(p)) = cx.class(j + 1) {
            if cx.is(j + 2, "of") {
                phase = Some(p);
                j += 3;
            }
        }
    } else if let Some(Class::Edge(p)) = cx.class(j) {
        if !cx.is(j + 1, "of") {
            return None;
        }
        phase = Some(p);
        j += 2;
    }
    if phase.is_none() {
        if let Some(Class::Phase(p)) = cx.class(j) {
            phase = Some(p);
            j += 1;
            if cx.punct(j, b'-') {
                j += 1;
            }
            if cx.is(j, "on") || cx.is(j, "in") {
                j += 1;
            }
        }
    }
    match cx.class(j) {
        Some(Class::Shift(_)) => {
            shift = true;
            match cx.class(j + 1) {
                Some(Class::Rel(Rel::This)) => {
                    rel = Some(Rel::This);
                    j += 2;
                }
                Some(Class::Day(0)) => j += 1,
                // "earlier in the week", "later in the year"
                _ if cx.is(j + 1, "in")
                    && cx.is(j + 2, "the")
                    && matches!(
                        cx.class(j + 3),
                        Some(Class::Unit {
                            unit: Unit::Week | Unit::Month | Unit::Year | Unit::Decade,
                            plural: false
                        })
                    ) =>
                {
                    rel = Some(Rel::This);
                    j += 3;
                }
                _ => return None,
            }
        }
        Some(Class::Rel(r)) => {
            rel = Some(r);
            j += 1;
            if r == Rel::This {
                if let Some(Class::Rel(r2 @ (Rel::Past | Rel::Coming))) = cx.class(j) {
                    rel = Some(r2);
                    j += 1;
                }
            }
        }
        _ => {}
    }
    if phase.is_some()
        && rel.is_none()
        && cx.is(j, "the")
        && matches!(cx.class(j + 1), Some(Class::Season(_)))
    {
        j += 1;
    }
    // "this time last year", "this day next year": that day a year away.
    if rel == Some(Rel::This) && phase.is_none() && (cx.is(j, "time") || cx.is(j, "day")) {
        let y = match cx.class(j + 1) {
            Some(Class::Rel(Rel::Last)) => -1,
            Some(Class::Rel(Rel::Next)) => 1,
            _ => 0,
        };
        if y != 0 && cx.is(j + 2, "year") {
            let d = super::calendar::shift(cx.r, Unit::Year, y)?;
            return hit(i, j + 2, Span::day(d), true);
        }
    }
    if phase.is_some()
        && rel.is_none()
        && cx.is(j, "the")
        && matches!(
            cx.class(j + 1),
            Some(Class::Unit {
                unit: Unit::Week | Unit::Month | Unit::Year | Unit::Decade,
                plural: false
            })
        )
    {
        rel = Some(Rel::This);
        j += 1;
    }
    head(cx, i, j, phase, rel, shift)
}

fn head(
    cx: &Cx,
    i: usize,
    j: usize,
    phase: Option<Phase>,
    rel: Option<Rel>,
    shift: bool,
) -> Option<Hit> {
    let r = cx.r;
    let t = cx.toks.get(j)?;
    let with_phase = |s: Span| match phase {
        Some(p) => phase_of(s, p),
        None => Some(s),
    };
    match t.kind {
        Kind::Num(..) => {
            let y = cx.year_num(j)?;
            if rel.is_some() || (phase.is_none() && !cx.lenient && !cx.ctx_before(i, b'y')) {
                return None;
            }
            hit(i, j, with_phase(Span::year(y)?)?, false)
        }
        Kind::Decade(d) => {
            if rel.is_some() {
                return None;
            }
            let s = match phase {
                Some(p) => decade_phase(d, p)?,
                None => decade(d)?,
            };
            hit(i, j, s, false)
        }
        Kind::Word(id) => {
            let l = &LEXICON.entries[id as usize];
            if l.holiday_head {
                if let Some(h) = holiday_name(cx, i, j, rel) {
                    return Some(h);
                }
            }
            match l.class {
                Class::Day(off) => {
                    if rel.is_some() {
                        return None;
                    }
                    let mut last = j;
                    if !t.poss && matches!(cx.class(j + 1), Some(Class::Part(_))) {
                        last = j + 1;
                    }
                    hit(i, last, Span::day(add_days(r, off)?), true)
                }
                Class::Part(p) => match (rel, p) {
                    (Some(Rel::This), Part::Morning | Part::Afternoon | Part::Evening) => {
                        hit(i, j, Span::day(r), true)
                    }
                    (Some(Rel::Last), Part::Night | Part::Evening) => {
                        hit(i, j, Span::day(add_days(r, -1)?), true)
                    }
                    _ => None,
                },
                Class::Weekday(w) => {
                    if shift {
                        return None;
                    }
                    let mut last = j;
                    // "Fri., Jan. 19": a short form with its period.
                    if l.abbr && cx.punct(j + 1, b'.') && cx.glued(j + 1) {
                        last = j + 1;
                    }
                    if !t.poss {
                        if matches!(cx.class(j + 1), Some(Class::Part(_))) {
                            last = j + 1;
                        }
                        // "Tuesday, March 18": the date decides.
                        let k = if cx.punct(last + 1, b',') {
                            last + 2
                        } else {
                            last + 1
                        };
                        if let Some(h) = month_first(cx, k, k, None, None) {
                            if matches!(h.span.precision, Precision::Day | Precision::Range) {
                                return hit(i, h.last, h.span, h.anchored);
                            }
                        }
                        if let Some(h) = day_first(cx, k, k) {
                            return hit(i, h.last, h.span, h.anchored);
                        }
                        // "Friday the 19th": the date decides.
                        if cx.is(k, "the") && rel.is_none() {
                            if let Some(Kind::Ord(d)) = cx.toks.get(k + 1).map(|t| t.kind) {
                                let free = cx
                                    .toks
                                    .get(k + 2)
                                    .is_none_or(|t| matches!(t.kind, Kind::Punct(_)) || cx.lenient);
                                if free && (1..=31).contains(&d) {
                                    let day =
                                        super::calendar::nearest_day_of_month(r, d, cx.dir(None))?;
                                    return hit(i, k + 1, Span::day(day), true);
                                }
                            }
                        }
                    }
                    if l.abbr && !cx.lenient {
                        return None;
                    }
                    // "Monday next week", "Tuesday of last week"
                    let k = if cx.is(last + 1, "of") {
                        last + 2
                    } else {
                        last + 1
                    };
                    if rel.is_none()
                        && cx.class(k + 1)
                            == Some(Class::Unit {
                                unit: Unit::Week,
                                plural: false,
                            })
                    {
                        let wk = match cx.class(k) {
                            Some(Class::Rel(Rel::Last)) => Some(-1),
                            Some(Class::Rel(Rel::This)) => Some(0),
                            Some(Class::Rel(Rel::Next)) => Some(1),
                            _ => None,
                        };
                        if let Some(wk) = wk {
                            let mon = Span::week_of(add_days(r, 7 * wk)?).start;
                            return hit(i, k + 1, Span::day(add_days(mon, w as i64)?), true);
                        }
                    }
                    hit(i, last, Span::day(weekday(r, w, cx.dir(rel))?), true)
                }
                Class::Unit {
                    unit,
                    plural: false,
                } => {
                    let rel = rel?;
                    let k = match rel {
                        Rel::Last => -1,
                        Rel::This => 0,
                        Rel::Next | Rel::Coming => 1,
                        // "the past week" is the last seven days, a duration.
                        Rel::Past if unit == Unit::Weekend => -1,
                        Rel::Past => return None,
                    };
                    let s = match unit {
                        Unit::Week => Span::week_of(add_days(r, 7 * k)?),
                        Unit::Month => add_months(r, k as i32)?,
                        Unit::Year => Span::year(r.year() + k as i32)?,
                        // "the end of the decade"
                        Unit::Decade => {
                            let s = unit_span(r, unit, k)?;
                            return hit(
                                i,
                                j,
                                match phase {
                                    Some(p) => decade_phase(s.start.year(), p)?,
                                    None => s,
                                },
                                true,
                            );
                        }
                        Unit::Quarter | Unit::Century => unit_span(r, unit, k)?,
                        Unit::Fortnight => return None,
                        Unit::Weekend => {
                            let dir = match k {
                                -1 => Dir::Last,
                                1 => Dir::Next,
                                _ => cx.dir(None),
                            };
                            return hit(i, j, weekend(r, dir)?, true);
                        }
                        Unit::Day => return None,
                    };
                    hit(i, j, with_phase(s)?, true)
                }
                Class::Month { .. } => month_first(cx, i, j, phase, rel),
                Class::Season(_) => season_head(cx, i, j, phase, rel),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A range continuation after "Month Day": "-5", " to 5", "-Feb. 2".
fn range_tail(cx: &Cx, k: usize, m: u32, d: u32) -> Option<(u32, u32, usize)> {
    if !(cx.punct(k, b'-') || cx.is(k, "to") || cx.is(k, "through") || cx.is(k, "thru")) {
        return None;
    }
    if let Some(Class::Month { m: m2, abbr, .. }) = cx.class(k + 1) {
        let mut q = k + 2;
        if abbr && cx.punct(q, b'.') {
            q += 1;
        }
        return Some((m2, cx.day_num(q)?, q));
    }
    let d2 = cx.day_num(k + 1)?;
    (d2 > d).then_some((m, d2, k + 1))
}

/// Builds a day or a range from month-day pairs and an optional year.
fn day_span(
    cx: &Cx,
    (m, d): (u32, u32),
    (em, ed): (u32, u32),
    year: Option<i32>,
    rel: Option<Rel>,
) -> Option<(Span, bool)> {
    let wraps = (em, ed) < (m, d);
    let (start, anchored) = match year {
        Some(y) => (
            NaiveDate::from_ymd_opt(if wraps { y - 1 } else { y }, m, d)?,
            false,
        ),
        None => (
            nearest_year(cx.r, cx.dir(rel), |y| NaiveDate::from_ymd_opt(y, m, d))?,
            true,
        ),
    };
    if (em, ed) == (m, d) {
        return Some((Span::day(start), anchored));
    }
    let ey = if wraps {
        start.year() + 1
    } else {
        start.year()
    };
    Some((
        Span::range(start, NaiveDate::from_ymd_opt(ey, em, ed)?),
        anchored,
    ))
}

/// "March 18", "Mar. 18, 2022", "Jan. 3-5", "Jan. 30-Feb. 2", "October 2019",
/// "in October", "last March", "early March".
fn month_first(cx: &Cx, i: usize, j: usize, phase: Option<Phase>, rel: Option<Rel>) -> Option<Hit> {
    let t = cx.toks.get(j)?;
    let Some(Class::Month { m, abbr, ambiguous }) = cx.class(j) else {
        return None;
    };
    if t.poss || !cx.month_ok(j, abbr, ambiguous) {
        return None;
    }
    let mut k = j + 1;
    if abbr && cx.punct(k, b'.') && cx.glued(k) {
        k += 1;
    }
    // "January the 19th", "January fifth", "December twenty-first"
    let dk = if cx.is(k, "the") && day_at(cx, k + 1).is_some() {
        k + 1
    } else {
        k
    };
    let day = day_at(cx, dk).filter(|&(_, dl)| {
        let word = !matches!(cx.toks[dk].kind, Kind::Num(..) | Kind::Ord(_));
        // "Theresa May first met": a word ordinal after a month that is also a
        // word counts in running text only with a year.
        !(word || dk > k) || cx.lenient || !(abbr || ambiguous) || {
            let y = if cx.punct(dl + 1, b',') {
                dl + 2
            } else {
                dl + 1
            };
            cx.year_num(y).is_some()
        }
    });
    if let Some((d, dl)) = day {
        let (em, ed, mut last) = range_tail(cx, dl + 1, m, d).unwrap_or((m, d, dl));
        let mut y_at = last + 1;
        if cx.punct(y_at, b',') {
            y_at += 1;
        }
        let mut year = cx.year_num(y_at);
        if year.is_some() {
            last = y_at;
        } else if cx.is(last + 2, "year") {
            // "November 7 last year", "March 3 this year"
            let shift = [("last", -1), ("this", 0), ("next", 1)]
                .iter()
                .find(|(w, _)| cx.is(last + 1, w))
                .map(|(_, s)| *s);
            if let Some(s) = shift {
                year = Some(cx.r.year() + s);
                last += 2;
            }
        }
        let (span, anchored) = day_span(cx, (m, d), (em, ed), year, rel)?;
        return hit(i, last, span, anchored);
    }
    let y_at = if cx.is(k, "of") { k + 1 } else { k };
    if let Some(y) = cx.year_num(y_at) {
        let s = Span::month(y, m)?;
        return hit(i, y_at, phase.map_or(Some(s), |p| phase_of(s, p))?, false);
    }
    // "June last year", "in March this year", "October of next year"
    let yk = if cx.is(k, "of") { k + 1 } else { k };
    if cx.is(yk + 1, "year") {
        let shift = if cx.is(yk, "last") {
            Some(-1)
        } else if cx.is(yk, "this") {
            Some(0)
        } else if cx.is(yk, "next") {
            Some(1)
        } else {
            None
        };
        if let Some(shift) = shift {
            let s = Span::month(cx.r.year() + shift, m)?;
            return hit(i, yk + 1, phase.map_or(Some(s), |p| phase_of(s, p))?, true);
        }
    }
    if (abbr || ambiguous)
        && phase.is_none()
        && rel.is_none()
        && !cx.lenient
        && !cx.ctx_before(i, b'm')
    {
        return None;
    }
    let s = match rel {
        Some(Rel::This) => Span::month(cx.r.year(), m)?,
        _ => nearest_month(cx.r, m, cx.dir(rel))?,
    };
    hit(i, j, phase.map_or(Some(s), |p| phase_of(s, p))?, true)
}

/// "18 March", "18 March 2022", "3-5 January", "12th of March".
pub(super) fn day_first(cx: &Cx, i: usize, first: usize) -> Option<Hit> {
    let (d, dl) = day_at(cx, i)?;
    if i > 0 && cx.glued(i) && (cx.punct(i - 1, b'-') || cx.punct(i - 1, b'/')) {
        return None;
    }
    // "fifth of January"; "fifth January" only typed alone.
    let word = dl > i || !matches!(cx.toks[i].kind, Kind::Num(..) | Kind::Ord(_));
    if word && !cx.lenient && !cx.is(dl + 1, "of") {
        return None;
    }
    let i = dl;
    let mut k = i + 1;
    let mut ed = d;
    if cx.punct(k, b'-') || cx.is(k, "to") {
        if let Some(d2) = cx.day_num(k + 1) {
            if d2 > d {
                ed = d2;
                k += 2;
            }
        }
    }
    if cx.is(k, "of") {
        k += 1;
    }
    // 19-Jan-2024
    let dashed = ed == d
        && cx.punct(k, b'-')
        && cx.glued(k)
        && cx.glued(k + 1)
        && matches!(cx.class(k + 1), Some(Class::Month { .. }));
    if dashed {
        k += 1;
    }
    let Some(Class::Month { m, abbr, ambiguous }) = cx.class(k) else {
        return None;
    };
    if cx.toks[k].poss || !cx.month_ok(k, abbr, ambiguous) {
        return None;
    }
    let mut last = k;
    if abbr && cx.punct(k + 1, b'.') && cx.glued(k + 1) {
        last = k + 1;
    }
    let mut y_at = last + 1;
    if cx.punct(y_at, b',') || (dashed && cx.punct(y_at, b'-') && cx.glued(y_at)) {
        y_at += 1;
    }
    let year = cx.year_num(y_at);
    if year.is_some() {
        last = y_at;
    }
    let (span, anchored) = day_span(cx, (m, d), (m, ed), year, None)?;
    hit(first, last, span, anchored)
}

/// A holiday name at `j`, with an optional year after it.
fn holiday_name(cx: &Cx, i: usize, j: usize, rel: Option<Rel>) -> Option<Hit> {
    let Kind::Word(id) = cx.toks.get(j)?.kind else {
        return None;
    };
    let mut best: Option<(usize, usize)> = None; // (last token, holiday index)
    for (hi, h) in LEXICON.holidays.iter().enumerate() {
        if h.words[0] != id {
            continue;
        }
        // Word by word; "Presidents' Day" has a quote mark after a word.
        let mut k = j;
        let mut all = true;
        for (o, w) in h.words.iter().enumerate() {
            if o > 0 && cx.punct(k, b'\'') && cx.glued(k) {
                k += 1;
            }
            if cx.toks.get(k).is_none_or(|t| t.kind != Kind::Word(*w)) {
                all = false;
                break;
            }
            k += 1;
        }
        if all && best.is_none_or(|(l, _)| k - 1 > l) {
            best = Some((k - 1, hi));
        }
    }
    let (mut last, hi) = best?;
    let h = &LEXICON.holidays[hi];
    let year = cx.year_num(last + 1);
    if year.is_some() {
        last += 1;
    }
    let licensed = h.words.len() > 1
        || year.is_some()
        || rel.is_some()
        || cx.lenient
        || cx.ctx_before(i, b'h');
    if !licensed {
        return None;
    }
    let (d, anchored) = match year {
        Some(y) => (holiday(h.rule, y)?, false),
        None => (
            nearest_year(cx.r, cx.dir(rel), |y| holiday(h.rule, y))?,
            true,
        ),
    };
    hit(i, last, Span::day(d), anchored)
}
