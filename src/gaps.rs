//! Gap arithmetic: pure functions over contacts sorted by date. The gap
//! before a contact is a number of days when both contacts are day-precise,
//! and a range otherwise (from the previous end to this start, and from the
//! previous start to this end): a month-precise contact never becomes an
//! invented day. No database, no clock: "today" comes in as an argument.

use crate::date::{day_number, from_day_number, Span};
use chrono::NaiveDate;

/// A number of days known to lie in `min..=max` (equal when exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Days {
    pub min: i64,
    pub max: i64,
}

impl Days {
    pub fn exact(days: i64) -> Days {
        Days {
            min: days,
            max: days,
        }
    }

    pub fn is_exact(self) -> bool {
        self.min == self.max
    }

    /// Days from `prev` to `next` (never negative: overlapping dates are 0).
    pub fn between(prev: &Span, next: &Span) -> Days {
        // Day numbers cost less than chrono's durations, over a busy pair's
        // tens of thousands of gaps.
        let lo = (day_number(next.start) - day_number(prev.end)).max(0);
        let hi = (day_number(next.end) - day_number(prev.start)).max(0);
        Days { min: lo, max: hi }
    }

    /// `27`, or `31..58` for a range.
    pub fn display(self) -> String {
        let mut s = String::new();
        self.push_display(&mut s);
        s
    }

    /// Append [`Days::display`] to `out`: long listings reuse one buffer.
    pub fn push_display(self, out: &mut String) {
        let mut digits = itoa::Buffer::new();
        out.push_str(digits.format(self.min));
        if !self.is_exact() {
            out.push_str("..");
            out.push_str(digits.format(self.max));
        }
    }
}

/// A statistic of gaps that may be fractional (median, mean).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DaysF {
    pub min: f64,
    pub max: f64,
}

impl DaysF {
    pub fn is_exact(self) -> bool {
        self.min == self.max
    }

    pub fn display(self) -> String {
        let f = |v: f64| {
            if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{v:.1}")
            }
        };
        if self.is_exact() {
            f(self.min)
        } else {
            format!("{}..{}", f(self.min), f(self.max))
        }
    }
}

/// The gap before each of `spans` (sorted oldest first); the first has none.
pub fn gaps(spans: &[Span]) -> Vec<Option<Days>> {
    let mut out = Vec::with_capacity(spans.len());
    for (i, s) in spans.iter().enumerate() {
        out.push(i.checked_sub(1).map(|p| Days::between(&spans[p], s)));
    }
    out
}

/// Which gaps are silences longer than the median gap (a range compares by
/// its midpoint, against the midpoint of the median of the bounds): the
/// gaps a chart labels. `gaps` as [`gaps`] returns them; `None` is never long.
pub fn long_silences(gaps: &[Option<Days>]) -> Vec<bool> {
    let known: Vec<Days> = gaps.iter().flatten().copied().collect();
    if known.is_empty() {
        return vec![false; gaps.len()];
    }
    let (mut lows, mut highs): (Vec<i64>, Vec<i64>) = known.iter().map(|g| (g.min, g.max)).unzip();
    lows.sort_unstable();
    highs.sort_unstable();
    // Twice the midpoints, to stay in integers.
    let median2 = median(&lows) + median(&highs);
    gaps.iter()
        .map(|g| g.is_some_and(|g| (g.min + g.max) as f64 > median2))
        .collect()
}

/// The summary of a pair's contacts.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub count: usize,
    pub first: Option<Span>,
    pub last: Option<Span>,
    pub min: Option<Days>,
    pub median: Option<DaysF>,
    pub mean: Option<DaysF>,
    pub max: Option<Days>,
    /// Days from the last contact to `as_of`.
    pub since_last: Option<Days>,
    pub as_of: NaiveDate,
}

fn median(sorted: &[i64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2] as f64
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0
    }
}

/// Days from a contact to `as_of`.
pub fn since(last: &Span, as_of: NaiveDate) -> Days {
    Days::between(last, &Span::day(as_of))
}

/// Count, first, last, min/median/mean/max gap and the silence as of a date;
/// `gaps` as [`gaps`] returns them for `spans` (callers that show them too
/// compute them once). Range gaps give range statistics: the bounds are the
/// statistic of the lower bounds and of the upper bounds.
pub fn summarize(spans: &[Span], gaps: &[Option<Days>], as_of: NaiveDate) -> Summary {
    let (mut lows, mut highs): (Vec<i64>, Vec<i64>) =
        gaps.iter().flatten().map(|g| (g.min, g.max)).unzip();
    lows.sort_unstable();
    highs.sort_unstable();
    let known = !lows.is_empty();
    let stat = |f: &dyn Fn(&[i64]) -> f64| {
        known.then(|| DaysF {
            min: f(&lows),
            max: f(&highs),
        })
    };
    let mean = |v: &[i64]| v.iter().sum::<i64>() as f64 / v.len() as f64;
    Summary {
        count: spans.len(),
        first: spans.first().copied(),
        last: spans.last().copied(),
        min: known.then(|| Days {
            min: lows[0],
            max: highs[0],
        }),
        median: stat(&median),
        mean: stat(&mean),
        max: known.then(|| Days {
            min: *lows.last().expect("non-empty"),
            max: *highs.last().expect("non-empty"),
        }),
        since_last: spans.last().map(|l| since(l, as_of)),
        as_of,
    }
}

/// One pair in `gaps --all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairSummary {
    pub a: i64,
    pub b: i64,
    pub count: usize,
    pub last: (i64, i64),
    pub longest: Option<Days>,
    pub silence: Days,
}

impl PairSummary {
    pub fn last_span(&self) -> Span {
        let (s, e) = self.last;
        if s == e {
            Span::day(from_day_number(s))
        } else {
            Span::range(from_day_number(s), from_day_number(e))
        }
    }
}

/// Streams contacts ordered by pair then date (day numbers) and yields one
/// [`PairSummary`] per pair, in constant memory per pair.
pub struct PairScan {
    as_of: i64,
    current: Option<PairSummary>,
    prev: (i64, i64),
    done: Vec<PairSummary>,
}

impl PairScan {
    pub fn new(as_of: NaiveDate) -> PairScan {
        PairScan {
            as_of: day_number(as_of),
            current: None,
            prev: (0, 0),
            done: Vec::new(),
        }
    }

    /// Add the next contact; contacts after the as-of date are not counted.
    pub fn push(&mut self, a: i64, b: i64, start: i64, end: i64) {
        if start > self.as_of {
            return;
        }
        match &mut self.current {
            Some(p) if p.a == a && p.b == b => {
                let gap = Days {
                    min: (start - self.prev.1).max(0),
                    max: (end - self.prev.0).max(0),
                };
                p.count += 1;
                if p.longest
                    .is_none_or(|l| (gap.max, gap.min) > (l.max, l.min))
                {
                    p.longest = Some(gap);
                }
                p.last = (start, end);
            }
            _ => {
                self.flush();
                self.current = Some(PairSummary {
                    a,
                    b,
                    count: 1,
                    last: (start, end),
                    longest: None,
                    silence: Days::exact(0),
                });
            }
        }
        self.prev = (start, end);
    }

    fn flush(&mut self) {
        if let Some(mut p) = self.current.take() {
            p.silence = Days {
                min: (self.as_of - p.last.1).max(0),
                max: (self.as_of - p.last.0).max(0),
            };
            self.done.push(p);
        }
    }

    pub fn finish(mut self) -> Vec<PairSummary> {
        self.flush();
        self.done
    }
}

/// Gaps for a timeline: `events` oldest first as (span, pairs of the event
/// that count); returns the gap since the previous contact of the same pair
/// (for an event of several pairs, the shortest of their gaps).
pub fn timeline_gaps(events: &[(Span, Vec<(i64, i64)>)]) -> Vec<Option<Days>> {
    let mut last: std::collections::HashMap<(i64, i64), Span> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(events.len());
    for (span, pairs) in events {
        let gap = pairs
            .iter()
            .filter_map(|p| last.get(p).map(|prev| Days::between(prev, span)))
            .min_by_key(|g| (g.min, g.max));
        for p in pairs {
            last.insert(*p, *span);
        }
        out.push(gap);
    }
    out
}

#[cfg(test)]
mod tests;
