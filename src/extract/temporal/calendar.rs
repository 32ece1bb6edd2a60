//! Calendar arithmetic for the resolver: which Thursday, which year for
//! "Dec. 30", where Easter falls, what "late 2023" spans. Pure functions of a
//! reference date; no text here.

use super::lexicon::{Phase, Rule, Unit};
use super::Prefer;
use crate::date::{Precision, Span};
use chrono::{Datelike, Days, NaiveDate};

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// Direction of a weekday, month or holiday relative to the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    /// On or before the reference.
    Past,
    /// On or after the reference.
    Future,
    /// Strictly before.
    Last,
    /// Strictly after.
    Next,
}

impl Dir {
    pub fn from_prefer(p: Prefer) -> Dir {
        match p {
            Prefer::Past => Dir::Past,
            Prefer::Future => Dir::Future,
        }
    }
}

/// A weekday (days from Monday) seen from `r`. News rule: a bare weekday in a
/// past-tense report is the most recent such day, the reference day included.
/// "next Monday" in a Sunday article is the next day: some style guides say
/// eight days, we take the nearest.
pub(super) fn weekday(r: NaiveDate, w: u32, dir: Dir) -> Option<NaiveDate> {
    let cur = r.weekday().num_days_from_monday();
    let back = ((cur + 7 - w) % 7) as i64;
    let fwd = ((w + 7 - cur) % 7) as i64;
    match dir {
        Dir::Past => add_days(r, -back),
        Dir::Future => add_days(r, fwd),
        Dir::Last => add_days(r, -(if back == 0 { 7 } else { back })),
        Dir::Next => add_days(r, if fwd == 0 { 7 } else { fwd }),
    }
}

fn ok(d: NaiveDate, r: NaiveDate, dir: Dir) -> bool {
    match dir {
        Dir::Past => d <= r,
        Dir::Future => d >= r,
        Dir::Last => d < r,
        Dir::Next => d > r,
    }
}

/// The nearest year in direction `dir` for which `f(year)` gives a date on the
/// right side of `r` (Feb. 29 may need up to eight years).
pub(super) fn nearest_year(
    r: NaiveDate,
    dir: Dir,
    f: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    let y = r.year();
    for k in 0..9 {
        let yy = match dir {
            Dir::Past | Dir::Last => y - k,
            Dir::Future | Dir::Next => y + k,
        };
        if let Some(d) = f(yy) {
            if ok(d, r, dir) {
                return Some(d);
            }
        }
    }
    None
}

/// Month `m` without a year: the current month counts as nearest both ways,
/// except for last/next, which skip it.
pub(super) fn nearest_month(r: NaiveDate, m: u32, dir: Dir) -> Option<Span> {
    let (y, cur) = (r.year(), r.month());
    let year = match dir {
        Dir::Past if m <= cur => y,
        Dir::Last if m < cur => y,
        Dir::Past | Dir::Last => y - 1,
        Dir::Future if m >= cur => y,
        Dir::Next if m > cur => y,
        Dir::Future | Dir::Next => y + 1,
    };
    Span::month(year, m)
}

/// The day-of-month `d` nearest `r` in direction `dir` ("on the 12th").
pub(super) fn nearest_day_of_month(r: NaiveDate, d: u32, dir: Dir) -> Option<NaiveDate> {
    let (mut y, mut m) = (r.year(), r.month() as i32);
    for _ in 0..13 {
        if let Some(x) = NaiveDate::from_ymd_opt(y, m as u32, d) {
            if ok(x, r, dir) {
                return Some(x);
            }
        }
        match dir {
            Dir::Past | Dir::Last => {
                m -= 1;
                if m == 0 {
                    m = 12;
                    y -= 1;
                }
            }
            Dir::Future | Dir::Next => {
                m += 1;
                if m == 13 {
                    m = 1;
                    y += 1;
                }
            }
        }
    }
    None
}

pub(super) fn add_months(r: NaiveDate, k: i32) -> Option<Span> {
    let idx = r.year() * 12 + r.month0() as i32 + k;
    Span::month(idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

/// Western Easter Sunday (anonymous Gregorian computus).
pub(super) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

pub(super) fn holiday(rule: Rule, y: i32) -> Option<NaiveDate> {
    match rule {
        Rule::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Rule::Easter(off) => add_days(easter(y)?, off),
        Rule::Nth(m, n, w) => {
            if n > 0 {
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                let fw = first.weekday().num_days_from_monday();
                let off = (w + 7 - fw) % 7 + 7 * (n as u32 - 1);
                let d = add_days(first, off as i64)?;
                (d.month() == m).then_some(d)
            } else {
                let last = Span::month(y, m)?.end;
                let lw = last.weekday().num_days_from_monday();
                add_days(last, -(((lw + 7 - w) % 7) as i64))
            }
        }
    }
}

/// The weekend (Saturday and Sunday) seen from `r`.
pub(super) fn weekend(r: NaiveDate, dir: Dir) -> Option<Span> {
    let sat = match dir {
        // The most recent Saturday, today included: on a Sunday, this weekend.
        Dir::Past => weekday(r, 5, Dir::Past)?,
        // On a Sunday the weekend under way; otherwise the coming Saturday.
        Dir::Future => {
            if r.weekday().num_days_from_monday() == 6 {
                add_days(r, -1)?
            } else {
                weekday(r, 5, Dir::Future)?
            }
        }
        // The last weekend that is over before the reference day.
        Dir::Last => {
            let s = weekday(r, 5, Dir::Last)?;
            if add_days(s, 1)? < r {
                s
            } else {
                add_days(s, -7)?
            }
        }
        Dir::Next => weekday(r, 5, Dir::Next)?,
    };
    Some(Span::range(sat, add_days(sat, 1)?))
}

/// Early, mid or late part of a week, month, year or decade-long range.
pub(super) fn phase_of(s: Span, p: Phase) -> Option<Span> {
    let (a, b) = match (s.precision, p) {
        (Precision::Week, Phase::Early) => (add_days(s.start, 0)?, add_days(s.start, 2)?),
        (Precision::Week, Phase::Mid) => (add_days(s.start, 1)?, add_days(s.start, 3)?),
        (Precision::Week, Phase::Late) => (add_days(s.start, 3)?, s.end),
        (Precision::Month, Phase::Early) => (s.start, s.start.with_day(10)?),
        (Precision::Month, Phase::Mid) => (s.start.with_day(11)?, s.start.with_day(20)?),
        (Precision::Month, Phase::Late) => (s.start.with_day(21)?, s.end),
        (Precision::Year, Phase::Early) => (s.start, s.start.with_month(4)?.with_day(30)?),
        (Precision::Year, Phase::Mid) => {
            (s.start.with_month(5)?, s.start.with_month(8)?.with_day(31)?)
        }
        (Precision::Year, Phase::Late) => (s.start.with_month(9)?, s.end),
        _ => return Some(s),
    };
    Some(Span::range(a, b))
}

/// `d` moved by `n` units (negative: back). Weekends have no length here.
pub(super) fn shift(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| {
        let k = i32::try_from(k).ok()?;
        if k >= 0 {
            d.checked_add_months(chrono::Months::new(k as u32))
        } else {
            d.checked_sub_months(chrono::Months::new(k.unsigned_abs()))
        }
    };
    match unit {
        Unit::Day => add_days(d, n),
        Unit::Week => add_days(d, n.checked_mul(7)?),
        Unit::Fortnight => add_days(d, n.checked_mul(14)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
        Unit::Weekend => None,
    }
}

/// The season that begins in month `m` of year `y` (winter: December of `y` to February).
pub(super) fn season(y: i32, m: u32) -> Option<Span> {
    let start = NaiveDate::from_ymd_opt(y, m, 1)?;
    let end = Span::month(start.year(), m)?.end;
    let end = shift(end.with_day(1)?, Unit::Month, 2)?;
    Some(Span::range(
        start,
        Span::month(end.year(), end.month())?.end,
    ))
}

/// Quarter `q` (1..=4) of year `y`.
pub(super) fn quarter(y: i32, q: u32) -> Option<Span> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let a = NaiveDate::from_ymd_opt(y, 3 * q - 2, 1)?;
    Some(Span::range(a, Span::month(y, 3 * q)?.end))
}

/// Half `h` (1..=2) of year `y`.
pub(super) fn half(y: i32, h: u32) -> Option<Span> {
    if !(1..=2).contains(&h) {
        return None;
    }
    let a = NaiveDate::from_ymd_opt(y, 6 * h - 5, 1)?;
    Some(Span::range(a, Span::month(y, 6 * h)?.end))
}

/// Century `n` as TIMEX3 counts it: the 21st century is 2000..2099.
pub(super) fn century(n: u32) -> Option<Span> {
    let y = i32::try_from(n).ok()?.checked_sub(1)? * 100;
    Some(Span::range(
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y + 99, 12, 31)?,
    ))
}

/// The instance of a yearly period (`f(year)`, e.g. a season or a quarter) seen from `r`:
/// Past = the latest one begun by `r`, Future = the first not yet over, Last = the
/// latest one over before `r`, Next = the first to begin after `r`.
pub(super) fn pick(r: NaiveDate, dir: Dir, f: impl Fn(i32) -> Option<Span>) -> Option<Span> {
    let all = (-2..=2).filter_map(|k| f(r.year() + k));
    match dir {
        Dir::Past => all.filter(|s| s.start <= r).max(),
        Dir::Last => all.filter(|s| s.end < r).max(),
        Dir::Future => all.filter(|s| s.end >= r).min(),
        Dir::Next => all.filter(|s| s.start > r).min(),
    }
}

/// The instance under way at `r`, or else the one of `r`'s year ("this summer").
pub(super) fn current(r: NaiveDate, f: impl Fn(i32) -> Option<Span>) -> Option<Span> {
    (-1..=0)
        .filter_map(|k| f(r.year() + k))
        .find(|s| s.start <= r && r <= s.end)
        .or_else(|| f(r.year()))
}
