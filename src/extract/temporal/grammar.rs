//! The patterns: from a starting token, the longest temporal expression and
//! its resolved span. Works on classified tokens, so every pattern looks at a
//! few tokens forward and at most two back; nothing can go quadratic.

use super::calendar::{add_days, add_months, nearest_day_of_month, weekend, Dir};
use super::lexicon::{Class, Lex, Phase, Rel, Unit, LEXICON};
use super::periods::{
    after_the, dur_word, ordinal_period, qh, qh_shape, short_year, unit_span, year_qh,
};
use super::phrase::{day_first, phrase};
use super::tokens::{Kind, Tok};
use super::Prefer;
use crate::date::Span;
use chrono::{Datelike, NaiveDate};

pub(super) struct Cx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub r: NaiveDate,
    pub prefer: Prefer,
    /// A whole expression typed by a user: no context needed for "may 2024",
    /// "march", "christmas" or "in 3 days".
    pub lenient: bool,
}

impl<'a> Cx<'a> {
    /// The context of an expression a user typed whole (`lenient`).
    pub fn typed(text: &'a str, toks: &'a [Tok], r: NaiveDate, prefer: Prefer) -> Cx<'a> {
        Cx {
            text,
            toks,
            r,
            prefer,
            lenient: true,
        }
    }
}

/// A match: tokens `first..=last`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub anchored: bool,
}

pub(super) fn hit(first: usize, last: usize, span: Span, anchored: bool) -> Option<Hit> {
    Some(Hit {
        first,
        last,
        span,
        anchored,
    })
}

/// Words that may follow "on the 12th" when it is a date ("on the 12th floor" is not).
const AFTER_ORDINAL: &[&str] = &[
    "and", "at", "in", "when", "after", "before", "but", "with", "as", "he", "she", "they", "it",
    "we", "the", "to", "for", "i", "a", "while", "during",
];

impl Cx<'_> {
    pub(super) fn lex(&self, i: usize) -> Option<&'static Lex> {
        match self.toks.get(i)?.kind {
            Kind::Word(id) => Some(&LEXICON.entries[id as usize]),
            _ => None,
        }
    }

    pub(super) fn class(&self, i: usize) -> Option<Class> {
        self.lex(i).map(|l| l.class)
    }

    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| {
            matches!(t.kind, Kind::Word(_) | Kind::Other)
                && self.text[t.start..t.end].eq_ignore_ascii_case(w)
        })
    }

    pub fn punct(&self, i: usize, p: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(p))
    }

    /// In running text, "may", "march" and "mar" in lower case are the modal,
    /// the noun and the verb: a month written as a word with several meanings
    /// must be capitalized (AP, Reuters and UK style all capitalize months).
    pub(super) fn month_ok(&self, i: usize, abbr: bool, ambiguous: bool) -> bool {
        self.lenient
            || !(abbr || ambiguous)
            || self
                .toks
                .get(i)
                .is_some_and(|t| self.text.as_bytes()[t.start].is_ascii_uppercase())
    }

    pub(super) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    pub(super) fn day_num(&self, i: usize) -> Option<u32> {
        match self.toks.get(i)?.kind {
            Kind::Num(v, d) if d <= 2 && (1..=31).contains(&v) => {
                // "3:30", "9/11" are times and event names, not days.
                if (self.punct(i + 1, b':') || self.punct(i + 1, b'/')) && self.glued(i + 1) {
                    return None;
                }
                Some(v)
            }
            Kind::Ord(v) if (1..=31).contains(&v) => Some(v),
            _ => None,
        }
    }

    pub(super) fn year_num(&self, i: usize) -> Option<i32> {
        match self.toks.get(i)?.kind {
            Kind::Num(v, 4) if (1900..=2100).contains(&v) => Some(v as i32),
            _ => None,
        }
    }

    /// The word before token `i` licenses a month (`m`), year (`y`) or holiday (`h`).
    pub(super) fn ctx_before(&self, i: usize, which: u8) -> bool {
        if i == 0 {
            return false;
        }
        if let Some(l) = self.lex(i - 1) {
            let ok = match which {
                b'm' => l.ctx_month,
                b'y' => l.ctx_year,
                _ => l.ctx_holiday,
            };
            if ok {
                return true;
            }
        }
        which == b'y' && i >= 2 && self.is(i - 2, "the") && self.is(i - 1, "year")
    }

    pub(super) fn dir(&self, rel: Option<Rel>) -> Dir {
        match rel {
            None | Some(Rel::This) => Dir::from_prefer(self.prefer),
            Some(Rel::Last | Rel::Past) => Dir::Last,
            Some(Rel::Next | Rel::Coming) => Dir::Next,
        }
    }
}

/// Whether a parse can start at token `i` (cheap; most tokens are not).
pub(super) fn starter(cx: &Cx, i: usize) -> bool {
    match cx.toks[i].kind {
        Kind::Num(..) | Kind::Ord(_) | Kind::Decade(_) => true,
        Kind::Other => qh_shape(cx, i),
        Kind::Punct(b'\'') => matches!(cx.toks.get(i + 1).map(|t| t.kind), Some(Kind::Num(_, 2))),
        Kind::Word(id) => {
            let l = &LEXICON.entries[id as usize];
            l.holiday_head
                || match l.class {
                    Class::Plain => cx.is(i, "the") || cx.is(i, "in"),
                    Class::Month { .. }
                    | Class::Weekday(_)
                    | Class::Day(_)
                    | Class::Rel(_)
                    | Class::Shift(_)
                    | Class::Phase(_)
                    | Class::Edge(_)
                    | Class::Num(_)
                    | Class::OrdWord(_)
                    | Class::Season(_)
                    | Class::Dur(_) => true,
                    _ => false,
                }
        }
        _ => false,
    }
}

/// The longest expression starting at token `i`.
pub(super) fn parse_at(cx: &Cx, i: usize) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    let mut consider = |h: Option<Hit>| {
        if let Some(h) = h {
            if best.is_none_or(|b| h.last > b.last) {
                best = Some(h);
            }
        }
    };
    match cx.toks[i].kind {
        Kind::Other => consider(qh(cx, i)),
        // "in '98"
        Kind::Punct(b'\'') if cx.lenient || cx.ctx_before(i, b'y') => {
            if let Some(y) = short_year(cx, i) {
                consider(hit(i, i + 1, Span::year(y)?, false));
            }
        }
        Kind::Num(..) => {
            consider(iso(cx, i));
            consider(year_qh(cx, i));
            consider(day_first(cx, i, i));
            consider(ago(cx, i));
            consider(phrase(cx, i));
        }
        Kind::Ord(_) => {
            consider(day_first(cx, i, i));
            consider(ordinal_period(cx, i, i));
        }
        Kind::Decade(_) => consider(phrase(cx, i)),
        Kind::Word(_) => {
            if cx.is(i, "the") {
                consider(the(cx, i));
            } else if cx.is(i, "in") {
                consider(in_n(cx, i));
                return best;
            } else if matches!(cx.class(i), Some(Class::Num(_))) {
                consider(ago(cx, i));
                consider(day_first(cx, i, i));
                return best;
            } else if matches!(cx.class(i), Some(Class::OrdWord(_))) {
                consider(day_first(cx, i, i));
                consider(ordinal_period(cx, i, i));
                return best;
            } else if matches!(cx.class(i), Some(Class::Dur(_))) {
                return dur_word(cx, i);
            }
            consider(phrase(cx, i));
        }
        _ => {}
    }
    best
}

/// 2024-01-16 and US 1/19/2024 (only with a four-digit year).
fn iso(cx: &Cx, i: usize) -> Option<Hit> {
    let t = cx.toks;
    let num = |k: usize, digits: u8| match t.get(k)?.kind {
        Kind::Num(v, d) if d == digits || (digits == 0 && d <= 2) => Some(v),
        _ => None,
    };
    let sep = |k: usize, p: u8| cx.punct(k, p) && cx.glued(k) && cx.glued(k + 1);
    // 2024-01-16, 2024/01/16, 2024-1-16
    for p in [b'-', b'/'] {
        if let (Some(y), true, Some(m), true, Some(d)) = (
            num(i, 4),
            sep(i + 1, p),
            num(i + 2, 0),
            sep(i + 3, p),
            num(i + 4, 0),
        ) {
            if (1900..=2100).contains(&y) {
                return hit(i, i + 4, Span::ymd(y as i32, m, d)?, false);
            }
        }
    }
    if i > 0 && cx.glued(i) && cx.punct(i - 1, b'/') {
        return None;
    }
    if let (Some(m), true, Some(d), true, Some(y)) = (
        num(i, 0),
        sep(i + 1, b'/'),
        num(i + 2, 0),
        sep(i + 3, b'/'),
        num(i + 4, 4),
    ) {
        if cx.punct(i + 5, b'/') && cx.glued(i + 5) {
            return None;
        }
        // 19/01/2024: day first when the first number cannot be a month.
        let (m, d) = if m > 12 { (d, m) } else { (m, d) };
        return hit(i, i + 4, Span::ymd(y as i32, m, d)?, false);
    }
    None
}

/// "the weekend", "the day before yesterday", "the 1990s", "on the 12th", "the 12th of March".
fn the(cx: &Cx, i: usize) -> Option<Hit> {
    match (after_the(cx, i), the_simple(cx, i)) {
        (Some(a), Some(b)) => Some(if a.last > b.last { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn the_simple(cx: &Cx, i: usize) -> Option<Hit> {
    let r = cx.r;
    let next = cx.toks.get(i + 1)?;
    match next.kind {
        Kind::Decade(d) => return hit(i, i + 1, decade(d)?, false),
        Kind::Ord(n) => {
            if cx.is(i + 2, "of") {
                return day_first(cx, i + 1, i);
            }
            let k = i + 2;
            let free = k >= cx.toks.len()
                || matches!(cx.toks[k].kind, Kind::Punct(_))
                || AFTER_ORDINAL.iter().any(|w| cx.is(k, w));
            if (cx.lenient || (i > 0 && cx.is(i - 1, "on"))) && free && (1..=31).contains(&n) {
                let d = nearest_day_of_month(r, n, cx.dir(None))?;
                return hit(i, i + 1, Span::day(d), true);
            }
            return None;
        }
        _ => {}
    }
    match cx.class(i + 1)? {
        Class::Unit {
            unit: Unit::Weekend,
            plural: false,
        } => hit(i, i + 1, weekend(r, cx.dir(None))?, true),
        Class::Unit {
            unit: Unit::Day,
            plural: false,
        } => {
            if cx.is(i + 2, "before") && cx.class(i + 3) == Some(Class::Day(-1)) {
                hit(i, i + 3, Span::day(add_days(r, -2)?), true)
            } else if cx.is(i + 2, "after") && cx.class(i + 3) == Some(Class::Day(1)) {
                hit(i, i + 3, Span::day(add_days(r, 2)?), true)
            } else {
                None
            }
        }
        Class::Phase(p) => {
            let mut k = i + 2;
            if cx.punct(k, b'-') {
                k += 1;
            }
            match cx.toks.get(k)?.kind {
                Kind::Decade(d) => hit(i, k, decade_phase(d, p)?, false),
                _ => None,
            }
        }
        _ => None,
    }
}

pub(super) fn decade(d: i32) -> Option<Span> {
    Some(Span::range(
        NaiveDate::from_ymd_opt(d, 1, 1)?,
        NaiveDate::from_ymd_opt(d + 9, 12, 31)?,
    ))
}

pub(super) fn decade_phase(d: i32, p: Phase) -> Option<Span> {
    phase_of_years(d, 10, p)
}

/// The early, mid or late part of `years` years from `first`, by thirds
/// that share their boundary years ("the early 1990s" 1990-1993, "the
/// late 20th century" 1966-1999).
pub(super) fn phase_of_years(first: i32, years: i32, p: Phase) -> Option<Span> {
    let third = (years - 1) / 3;
    let (a, b) = match p {
        Phase::Early => (first, first + third),
        Phase::Mid => (first + third, first + 2 * third),
        Phase::Late => (first + 2 * third, first + years - 1),
    };
    Some(Span::range(
        NaiveDate::from_ymd_opt(a, 1, 1)?,
        NaiveDate::from_ymd_opt(b, 12, 31)?,
    ))
}

/// A count: digits or number words ("two", "a", "twenty-one", "a couple of").
/// Returns (value, last token).
pub(super) fn count(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    match cx.toks.get(i)?.kind {
        Kind::Num(v, d) if d <= 2 => Some((v, i)),
        Kind::Word(_) => {
            let Class::Num(v) = cx.class(i)? else {
                return None;
            };
            // "a couple of", "a few", "a hundred"
            let (v, i) = match (v, cx.class(i + 1)) {
                (1, Some(Class::Num(w @ (2 | 3 | 100)))) if cx.is(i, "a") || cx.is(i, "an") => {
                    (w, i + 1)
                }
                _ => (v, i),
            };
            if v == 2 && cx.is(i, "couple") {
                return cx.is(i + 1, "of").then_some((2, i + 1));
            }
            if (20..=90).contains(&v) && v % 10 == 0 {
                let k = if cx.punct(i + 1, b'-') && cx.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                if let Some(Class::Num(u @ 1..=9)) = cx.class(k) {
                    if !cx.is(k, "a") && !cx.is(k, "an") {
                        return Some((v + u, k));
                    }
                }
            }
            Some((v, i))
        }
        _ => None,
    }
}

/// `n` units from the reference (negative: back), as precise as the unit: "two
/// weeks ago" is a week, "a decade ago" a year.
fn offset(r: NaiveDate, unit: Unit, n: i64) -> Option<Span> {
    match unit {
        Unit::Day => Some(Span::day(add_days(r, n)?)),
        // About a week: the ISO week that holds the day, not a made-up exact day.
        Unit::Week => Some(Span::week_of(add_days(r, 7 * n)?)),
        Unit::Fortnight => Some(Span::week_of(add_days(r, 14 * n)?)),
        Unit::Month => add_months(r, i32::try_from(n).ok()?),
        Unit::Quarter => unit_span(r, Unit::Quarter, n),
        Unit::Year => Span::year(r.year().checked_add(i32::try_from(n).ok()?)?),
        Unit::Decade => Span::year(
            r.year()
                .checked_add(i32::try_from(n).ok()?.checked_mul(10)?)?,
        ),
        Unit::Century => Span::year(
            r.year()
                .checked_sub(i32::try_from(-n).ok()?.checked_mul(100)?)?,
        ),
        Unit::Weekend => None,
    }
}

/// "two days ago", "a week ago", "a year ago today", "three days from now";
/// typed alone also "three days later", "two days earlier".
fn ago(cx: &Cx, i: usize) -> Option<Hit> {
    let (n, l) = count(cx, i)?;
    let Some(Class::Unit { unit, .. }) = cx.class(l + 1) else {
        return None;
    };
    // "a few days ago" is vague: no exact day.
    if cx.is(l, "few") {
        return None;
    }
    let n = n as i64;
    let k = l + 2;
    let (sign, last) = match cx.class(k) {
        Some(Class::Ago) => (-1, k),
        Some(Class::Shift(later)) if cx.lenient => (if later { 1 } else { -1 }, k),
        _ if cx.is(k, "from")
            && (cx.is(k + 1, "now") || cx.class(k + 1) == Some(Class::Day(0))) =>
        {
            (1, k + 1)
        }
        _ => return None,
    };
    // "a year ago today", "a week from today": that very day.
    let today = if sign < 0 {
        cx.class(last + 1) == Some(Class::Day(0)) && !cx.is(last + 1, "tonight")
    } else {
        cx.class(last) == Some(Class::Day(0))
    };
    if today {
        let d = super::calendar::shift(cx.r, unit, sign * n)?;
        return hit(i, last + usize::from(sign < 0), Span::day(d), true);
    }
    hit(i, last, offset(cx.r, unit, sign * n)?, true)
}

/// "in two days" — only in a future clause: in a past one "the first call in
/// 27 days" is a duration.
fn in_n(cx: &Cx, i: usize) -> Option<Hit> {
    if cx.prefer != Prefer::Future && !cx.lenient {
        return None;
    }
    let (n, l) = count(cx, i + 1)?;
    let Some(Class::Unit { unit, .. }) = cx.class(l + 1) else {
        return None;
    };
    if cx.is(l + 2, "of") || cx.is(l, "few") {
        return None;
    }
    hit(i, l + 1, offset(cx.r, unit, n as i64)?, true)
}
