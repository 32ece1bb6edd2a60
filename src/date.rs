//! Dates that know how precise they are.
//!
//! News gives days ("on March 18"), weeks ("last week"), months ("in October
//! 2019"), years ("since 2018") and ranges ("Jan. 3-5"). A [`Span`] keeps the
//! first and last day it may mean and the precision it was stated with, so
//! that arithmetic on a month-precise date yields a range of days instead of
//! pretending the 1st of the month is known. Values print in the TIMEX3/ISO
//! vocabulary: `2024-01-16`, `2024-W02`, `2024-01`, `2024`, `2024-01-03..2024-01-05`.
//! This module does no text parsing beyond those ISO values.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt::{self, Write as _};
use std::str::FromStr;

/// How precisely a date was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
    Range,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Range => "range",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Precision {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" => Ok(Precision::Day),
            "week" => Ok(Precision::Week),
            "month" => Ok(Precision::Month),
            "year" => Ok(Precision::Year),
            "range" => Ok(Precision::Range),
            other => Err(format!(
                "unknown precision {other:?} (expected day, week, month, year or range)"
            )),
        }
    }
}

/// A stated date: every day from `start` to `end` (inclusive) is possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

impl Span {
    pub fn day(d: NaiveDate) -> Span {
        Span {
            start: d,
            end: d,
            precision: Precision::Day,
        }
    }

    pub fn ymd(y: i32, m: u32, d: u32) -> Option<Span> {
        NaiveDate::from_ymd_opt(y, m, d).map(Span::day)
    }

    pub fn month(y: i32, m: u32) -> Option<Span> {
        let start = NaiveDate::from_ymd_opt(y, m, 1)?;
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        Some(Span {
            start,
            end: next.pred_opt()?,
            precision: Precision::Month,
        })
    }

    pub fn year(y: i32) -> Option<Span> {
        Some(Span {
            start: NaiveDate::from_ymd_opt(y, 1, 1)?,
            end: NaiveDate::from_ymd_opt(y, 12, 31)?,
            precision: Precision::Year,
        })
    }

    /// The ISO week (Monday to Sunday) that contains `d`, cut at the ends of
    /// the calendar chrono knows.
    pub fn week_of(d: NaiveDate) -> Span {
        let start = d
            .checked_sub_days(Days::new(d.weekday().num_days_from_monday() as u64))
            .unwrap_or(NaiveDate::MIN);
        Span {
            start,
            end: start
                .checked_add_days(Days::new(6))
                .unwrap_or(NaiveDate::MAX),
            precision: Precision::Week,
        }
    }

    pub fn iso_week(y: i32, w: u32) -> Option<Span> {
        NaiveDate::from_isoywd_opt(y, w, Weekday::Mon).map(Span::week_of)
    }

    /// A range of days; a one-day range is a day.
    pub fn range(start: NaiveDate, end: NaiveDate) -> Span {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        Span {
            start,
            end,
            precision: if start == end {
                Precision::Day
            } else {
                Precision::Range
            },
        }
    }

    pub fn is_day(&self) -> bool {
        self.precision == Precision::Day
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Number of days covered (1 for a day).
    pub fn len_days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// The ISO/TIMEX3 value: `2024-01-16`, `2024-W02`, `2024-01`, `2024`, `a..b`.
    pub fn value(&self) -> String {
        let mut v = String::with_capacity(10);
        self.push_value(&mut v);
        v
    }

    /// Append [`Span::value`] to `out`: long listings reuse one buffer.
    pub fn push_value(&self, out: &mut String) {
        match self.precision {
            Precision::Day => push_iso_day(out, self.start),
            Precision::Week => {
                let w = self.start.iso_week();
                let _ = write!(out, "{}-W{:02}", w.year(), w.week());
            }
            Precision::Month => {
                push_iso_day(out, self.start);
                out.truncate(out.len() - 3);
            }
            Precision::Year => {
                let _ = write!(out, "{}", self.start.year());
            }
            Precision::Range => {
                push_iso_day(out, self.start);
                out.push_str("..");
                push_iso_day(out, self.end);
            }
        }
    }

    /// Parse an ISO/TIMEX3 value as printed by [`Span::value`]. Rejects
    /// impossible days such as `2024-02-30`.
    pub fn parse_value(s: &str) -> Result<Span, String> {
        let s = s.trim();
        let bad = || {
            format!("{s:?} is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www or A..B)")
        };
        if let Some((a, b)) = s.split_once("..") {
            let a = Span::parse_value(a)?;
            let b = Span::parse_value(b)?;
            return Ok(Span::range(a.start.min(b.start), a.end.max(b.end)));
        }
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        };
        match parts.as_slice() {
            [y] => {
                let y = num(y, 4).ok_or_else(bad)?;
                Span::year(y as i32).ok_or_else(bad)
            }
            [y, w] if w.starts_with('W') || w.starts_with('w') => {
                let y = num(y, 4).ok_or_else(bad)?;
                let w = num(&w[1..], 2).ok_or_else(bad)?;
                Span::iso_week(y as i32, w).ok_or_else(|| format!("{s:?}: no such week"))
            }
            [y, m] => {
                let y = num(y, 4).ok_or_else(bad)?;
                let m = num(m, 2).ok_or_else(bad)?;
                Span::month(y as i32, m).ok_or_else(|| format!("{s:?}: no such month"))
            }
            [y, m, d] => {
                let (y, m, d) = (
                    num(y, 4).ok_or_else(bad)?,
                    num(m, 2).ok_or_else(bad)?,
                    num(d, 2).ok_or_else(bad)?,
                );
                Span::ymd(y as i32, m, d).ok_or_else(|| format!("{s:?}: no such day"))
            }
            _ => Err(bad()),
        }
    }
}

impl Serialize for Span {
    /// A span serialises as its ISO value (`"2024-01"`).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.value())
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value())
    }
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it, without parsing a
/// format string for every date (long listings print hundreds of thousands).
pub fn iso_day(d: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_iso_day(&mut out, d);
    out
}

/// Append [`iso_day`] to `out`.
pub fn push_iso_day(out: &mut String, d: NaiveDate) {
    let (year, month, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&year) {
        let _ = write!(out, "{}", d.format("%Y-%m-%d"));
        return;
    }
    // Digit by digit: `format!` was a tenth of `gaps A B` for a pair with
    // 26,528 contacts.
    let y = year as u32;
    let digit = |v: u32| b'0' + (v % 10) as u8;
    let text = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    // Char by char: half the cost of `extend` or of `str::from_utf8`.
    out.reserve(text.len());
    for b in text {
        out.push(char::from(b));
    }
}

/// Days since 1970-01-01: the integer day column used for fast gap queries.
pub fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - EPOCH_FROM_CE
}

pub fn from_day_number(n: i64) -> NaiveDate {
    // Through days from the common era: no Duration arithmetic, which costs
    // more than the rest of reading a contact.
    i32::try_from(n + EPOCH_FROM_CE)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or_else(|| {
            NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch is a valid date")
                + chrono::Duration::days(n)
        })
}

/// Days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
const EPOCH_FROM_CE: i64 = 719_163;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_days_as_chrono_writes_them() {
        for (y, m, d) in [
            (2024, 1, 19),
            (999, 12, 31),
            (0, 1, 1),
            (9999, 12, 31),
            (-1, 6, 5),
            (10000, 2, 29),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso_day(date), date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn day_numbers() {
        for (date, n) in [
            ("1970-01-01", 0),
            ("1970-01-02", 1),
            ("1969-12-31", -1),
            ("2024-01-19", 19741),
            ("2000-02-29", 11016),
            ("0001-01-01", -719_162),
        ] {
            let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
            assert_eq!(day_number(d), n, "{date}");
            assert_eq!(from_day_number(n), d, "{date}");
        }
    }

    #[test]
    fn values_round_trip() {
        for v in [
            "2024-01-16",
            "2024-W02",
            "2024-01",
            "2024",
            "2024-01-03..2024-01-05",
        ] {
            assert_eq!(Span::parse_value(v).unwrap().value(), v);
        }
    }

    #[test]
    fn impossible_days_are_rejected() {
        assert!(Span::parse_value("2024-02-30").is_err());
        assert!(Span::parse_value("2024-13").is_err());
        assert!(Span::parse_value("24-01-01").is_err());
        assert!(Span::parse_value("yesterday").is_err());
    }

    #[test]
    fn month_spans_its_days() {
        let m = Span::month(2024, 2).unwrap();
        assert_eq!(m.len_days(), 29);
        assert_eq!(m.end.to_string(), "2024-02-29");
    }

    #[test]
    fn week_starts_on_monday() {
        let w = Span::week_of(NaiveDate::from_ymd_opt(2024, 1, 19).unwrap());
        assert_eq!(w.start.to_string(), "2024-01-15");
        assert_eq!(w.value(), "2024-W03");
    }
}
