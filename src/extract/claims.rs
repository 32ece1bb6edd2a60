//! Stated gaps: "the first interaction between the two leaders in 27 days",
//! "had not talked since September 2022", "for the first time in more than a
//! month", "their first meeting ever".
//!
//! [`find`] reads the wording; [`days`] turns it into a range of days before
//! the contact that ends the silence, by the convention of the corpus README:
//! exact day counts are exact; weeks, months and years are ± half a unit
//! (a month is 30.44 days, a year 365.25); "a year" alone is 11 to 13
//! months; "nearly N" is N − ½ unit .. N; "more than N" is N + 1 day .. open;
//! "since DATE" spans the date's first to last day.

use super::Basis;
use crate::date::Span;
use chrono::{Days, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// What the text states about the silence.
#[derive(Debug, Clone, PartialEq)]
pub enum Stated {
    /// "in four months", "in more than a month".
    Count {
        n: f64,
        unit: f64,
        /// the unit was days: an exact count
        exact: bool,
        modifier: Modifier,
        /// "a year" with no number
        bare_year: bool,
    },
    /// "since December 2022" (the date text, resolved by the caller).
    Since(String),
    /// "first ... ever", "never met before".
    FirstEver,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    About,
    Nearly,
    MoreThan,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte range of the claim in the sentence.
    pub start: usize,
    pub end: usize,
    pub stated: Stated,
    /// `None` when the wording does not say ("for the first time").
    pub basis: Option<Basis>,
}

const NUMBER: &str = r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|a couple of|a few";
const MODIFIER: &str = r"more than|over|nearly|almost|about|some|roughly|around|close to|at least|just over|just under|less than|under|well over|approximately";
const UNIT: &str = r"days?|weeks?|months?|years?|decades?";

static FIRST_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)first(?-u:\b)(?P<q>[^.;?!]{{0,90}}?)(?-u:\b)(?:in|for)\s+(?:(?P<mod>{MODIFIER})\s+)?(?:(?P<n>{NUMBER})\s+)?(?P<unit>{UNIT})(?-u:\b)"
    ))
    .expect("claim pattern compiles")
});

static FIRST_SINCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)first(?-u:\b)(?P<q>[^.;?!]{0,90}?)(?-u:\b)since\s+(?P<what>(?:(?-i:\b[A-Z])\.(?-i:[A-Z])\.|[^.;?!,]|\.\s*\d){1,80})")
        .expect("claim pattern compiles")
});

static NOT_SINCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:had|has|have)\s*(?:not|n't)\s+(?P<q>spoken|talked|met|spoke|been in (?:direct )?(?:contact|touch)|held (?:direct )?talks|communicated|had (?:a |any )?(?:direct )?(?:call|meeting|talks|contact|conversation))(?P<rest>[^.;?!]{{0,60}}?)(?-u:\b)(?:since\s+(?P<what>(?:[^.;?!,]|\.\s*\d){{1,80}})|in\s+(?:(?P<mod>{MODIFIER})\s+)?(?:(?P<n>{NUMBER})\s+)?(?P<unit>{UNIT})(?-u:\b))"
    ))
    .expect("claim pattern compiles")
});

/// "the first meeting between the two leaders", "their first face-to-face
/// meeting" with nothing after that bounds it: their first ever.
static FIRST_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:the|their)\s+first\s+(?P<q>(?:[\w-]+\s+){0,2}?(?:meeting|call|summit|talks|encounter|conversation|phone call))\s+(?:between\s+(?:the\s+two\s+(?:leaders|men|presidents)|(?-i:[A-Z])[\w-]+(?:\s(?-i:[A-Z])[\w-]+)*\s+and\s+(?-i:[A-Z])[\w-]+(?:\s(?-i:[A-Z])[\w-]+)*))(?P<tail>[^.;?!]{0,40})")
        .expect("claim pattern compiles")
});

/// "held their first face-to-face meeting": first ever, unless something
/// after it bounds it (checked as for FIRST_BARE).
static HELD_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:held|had)\s+their\s+first\s+(?P<q>(?:[\w-]+\s+){0,2}?(?:meeting|call|summit|talks|encounter|conversation|phone call))(?-u:\b)(?P<tail>[^.;?!]{0,40})")
        .expect("claim pattern compiles")
});

/// "three weeks after the two met", "20 days after the two leaders spoke by
/// video call": the silence before this contact, stated from the other end.
static AFTER_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(?P<mod>{MODIFIER})\s+)?(?P<n>{NUMBER})\s+(?P<unit>{UNIT})\s+after\s+(?P<q>(?:the\s+two(?:\s+(?:men|women|leaders|presidents))?|they)\s+(?:last\s+|had\s+|first\s+)?(?:met|spoke|talked|held\s+talks|spoke\s+by\s+(?:phone|telephone|video\s+call)))(?-u:\b)"
    ))
    .expect("claim pattern compiles")
});

static FIRST_EVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?P<q4>the\s+first\s+time\s+(?:the\s+two(?:\s+(?:men|women|leaders|presidents))?|they|(?-i:[A-Z])[\w-]+\s+and\s+(?-i:[A-Z])[\w-]+)\s+(?:had\s+|have\s+)?(?:met|spoken|talked|shaken\s+hands|held\s+talks)(?:\s+in\s+person|\s+face[- ]to[- ]face)?)(?:\s*[.;,]|\s*$)|(?:first[- ]ever\s+(?P<q1>[\w -]{0,40}?(?:meeting|call|talks|visit|summit|conversation|contact|encounter)s?)|first\s+(?P<q2>[\w -]{0,40}?(?:meeting|call|talks|visit|summit|conversation|contact|encounter)s?)\s+ever|(?P<q3>never\s+(?:before\s+)?(?:met|spoken|talked)))(?-u:\b))")
        .expect("claim pattern compiles")
});

fn number(s: Option<&str>) -> f64 {
    let Some(s) = s else { return 1.0 };
    let s = s.to_ascii_lowercase();
    if let Ok(n) = s.parse::<f64>() {
        return n;
    }
    match s.as_str() {
        "a" | "an" | "one" => 1.0,
        "two" | "a couple of" => 2.0,
        "three" | "a few" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        _ => 1.0,
    }
}

fn unit(s: &str) -> f64 {
    match s.to_ascii_lowercase().trim_end_matches('s') {
        "day" => 1.0,
        "week" => 7.0,
        "month" => 30.44,
        "year" => 365.25,
        "decade" => 3652.5,
        _ => 1.0,
    }
}

fn modifier(s: Option<&str>) -> Option<Modifier> {
    match s?.to_ascii_lowercase().as_str() {
        "more than" | "over" | "at least" | "just over" | "well over" => Some(Modifier::MoreThan),
        "nearly" | "almost" | "close to" | "just under" | "less than" | "under" => {
            Some(Modifier::Nearly)
        }
        _ => Some(Modifier::About),
    }
}

/// "first call", "first time", "first face-to-face talks": a claim about
/// contact; "first visit by an Indian prime minister", "first trip abroad"
/// are about something else.
fn about_contact(q: &str) -> bool {
    let w = q.trim().to_ascii_lowercase();
    if basis_of(&w).is_some() {
        // "first visit to China by a US secretary of state" is one person's trip
        return !(w.starts_with("visit") || w.contains(" visit ")) || w.contains("between");
    }
    matches!(w.as_str(), "" | "time" | "known time")
}

/// Which contacts a claim's words are about.
pub fn basis_of(words: &str) -> Option<Basis> {
    let w = words.to_ascii_lowercase();
    let has = |k: &str| {
        w.split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|x| x == k)
    };
    if ["call", "calls", "phone", "telephone", "video"]
        .iter()
        .any(|k| has(k))
    {
        Some(Basis::Call)
    } else if [
        "meeting",
        "meetings",
        "met",
        "face-to-face",
        "in-person",
        "summit",
        "visit",
        "encounter",
    ]
    .iter()
    .any(|k| has(k))
        || w.contains("in person")
    {
        Some(Basis::Meeting)
    } else if [
        "contact",
        "interaction",
        "talks",
        "conversation",
        "spoken",
        "talked",
        "spoke",
        "exchange",
        "dialogue",
        "discussion",
        "communicated",
        "touch",
    ]
    .iter()
    .any(|k| has(k))
    {
        Some(Basis::Contact)
    } else {
        None
    }
}

fn count(caps: &regex::Captures<'_>) -> Stated {
    let unit_text = caps.name("unit").map_or("day", |m| m.as_str());
    let n_text = caps.name("n").map(|m| m.as_str());
    let u = unit(unit_text);
    let modifier = modifier(caps.name("mod").map(|m| m.as_str()));
    Stated::Count {
        n: number(n_text),
        unit: u,
        exact: u == 1.0,
        bare_year: u == 365.25
            && modifier.is_none()
            && n_text.is_none_or(|n| matches!(n.to_ascii_lowercase().as_str(), "a" | "an")),
        modifier: modifier.unwrap_or(Modifier::About),
    }
}

/// A "since" phrase ends where a relative clause starts: "since a Dec. 7
/// video call in which Biden threatened sanctions" → "a Dec. 7 video call".
fn cut_relative(what: &str) -> &str {
    static REL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s+(?:in which|at which|during which|when|where|which|that|who|after|before|as|amid|while|because|and (?:has|have|had|is|was))(?-u:\b)")
            .expect("relative pattern compiles")
    });
    match REL.find(what) {
        Some(m) if m.start() > 0 => &what[..m.start()],
        _ => what,
    }
    .trim_end()
}

/// Windows of the sentence that start near each occurrence of one of the
/// `anchors` (and reach `len` bytes further): regexes run only there, so
/// a long sentence costs little more than a short one.
fn windows<'s>(
    sentence: &'s str,
    lower: &str,
    anchors: &[&str],
    back: usize,
    len: usize,
) -> Vec<(usize, &'s str)> {
    let mut out: Vec<(usize, &'s str)> = Vec::new();
    for a in anchors {
        let mut from = 0;
        while let Some(p) = lower[from..].find(a) {
            let at = from + p;
            let mut start = at.saturating_sub(back);
            while !sentence.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (at + len).min(sentence.len());
            while !sentence.is_char_boundary(end) {
                end += 1;
            }
            if !out
                .iter()
                .any(|(s, w)| *s <= start && start + 1 < s + w.len())
            {
                out.push((start, &sentence[start..end]));
            }
            from = at + a.len();
        }
    }
    out
}

/// A match's byte range moved from its window to the sentence.
struct Shifted {
    start: usize,
    end: usize,
}

impl Shifted {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

fn shifted(m: regex::Match<'_>, base: usize) -> Shifted {
    Shifted {
        start: base + m.start(),
        end: base + m.end(),
    }
}

/// The stated gaps in one sentence, leftmost first, without overlaps.
pub fn find(sentence: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // every pattern needs "first", a negation, "never" or "after": skip the rest fast
    let lower = sentence.to_ascii_lowercase();
    if !(lower.contains("first")
        || lower.contains("not ")
        || lower.contains("n't")
        || lower.contains("never")
        || lower.contains(" after "))
    {
        return out;
    }
    let mut add = |f: Found| {
        if !out.iter().any(|o| o.start < f.end && f.start < o.end) {
            out.push(f);
        }
    };
    let nots = windows(sentence, &lower, &["not", "n't"], 8, 220);
    let firsts = windows(sentence, &lower, &["first"], 12, 220);
    let nevers = windows(sentence, &lower, &["never"], 0, 60);
    let afters = windows(sentence, &lower, &[" after "], 40, 120);
    for (base, c) in afters
        .iter()
        .flat_map(|(b, w)| AFTER_LAST.captures_iter(w).map(move |c| (*b, c)))
    {
        let m = shifted(c.get(0).expect("group 0 always matches"), base);
        let q = c.name("q").map_or("", |m| m.as_str());
        add(Found {
            start: m.start(),
            end: m.end(),
            stated: count(&c),
            basis: basis_of(q).or(Some(Basis::Contact)),
        });
    }
    for (base, c) in nots
        .iter()
        .flat_map(|(b, w)| NOT_SINCE.captures_iter(w).map(move |c| (*b, c)))
    {
        let m = shifted(c.get(0).expect("group 0 always matches"), base);
        let q = c.name("q").map_or("", |m| m.as_str());
        let (stated, end) = match c.name("what") {
            Some(w) => {
                let what = cut_relative(w.as_str());
                (
                    Stated::Since(what.to_string()),
                    base + w.start() + what.len(),
                )
            }
            None => (count(&c), m.end()),
        };
        add(Found {
            start: m.start(),
            end,
            stated,
            basis: basis_of(q).or(Some(Basis::Contact)),
        });
    }
    for (base, c) in firsts
        .iter()
        .flat_map(|(b, w)| FIRST_IN.captures_iter(w).map(move |c| (*b, c)))
    {
        let m = shifted(c.get(0).expect("group 0 always matches"), base);
        let q = c.name("q").map_or("", |m| m.as_str());
        if !about_contact(q) {
            continue;
        }
        // "the first ... in Beijing in two days" reads fine; "first ... in 2019" is not a count
        add(Found {
            start: m.start(),
            end: m.end(),
            stated: count(&c),
            basis: basis_of(q),
        });
    }
    for (base, c) in firsts
        .iter()
        .flat_map(|(b, w)| FIRST_SINCE.captures_iter(w).map(move |c| (*b, c)))
    {
        let m = shifted(c.get(0).expect("group 0 always matches"), base);
        let q = c.name("q").map_or("", |m| m.as_str());
        if !about_contact(q) {
            continue;
        }
        let what_m = c.name("what").expect("since pattern has a what group");
        let what = cut_relative(what_m.as_str());
        add(Found {
            start: m.start(),
            end: base + what_m.start() + what.len(),
            stated: Stated::Since(what.to_string()),
            basis: basis_of(q),
        });
    }
    for (base, c) in firsts
        .iter()
        .chain(&nevers)
        .flat_map(|(b, w)| FIRST_EVER.captures_iter(w).map(move |c| (*b, c)))
    {
        let m = shifted(c.get(0).expect("group 0 always matches"), base);
        let q = ["q1", "q2", "q3", "q4"]
            .iter()
            .find_map(|g| c.name(g))
            .map_or("", |m| m.as_str());
        add(Found {
            start: m.start(),
            end: m.end(),
            stated: Stated::FirstEver,
            basis: basis_of(q),
        });
    }
    for (base, c) in firsts.iter().flat_map(|(b, w)| {
        FIRST_BARE
            .captures_iter(w)
            .chain(HELD_FIRST.captures_iter(w))
            .map(move |c| (*b, c))
    }) {
        let m = shifted(c.get(0).expect("group 0 always matches"), base);
        // up to the next comma: what comes after is another thought
        let tail = c
            .name("tail")
            .map_or("", |m| m.as_str())
            .split(',')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        // "... as president", "... of the year", "... since 2019" bound it
        if [
            " as ", " since ", " in ", " of ", " this ", " after ", " for ",
        ]
        .iter()
        .any(|w| format!(" {tail}").contains(w))
        {
            continue;
        }
        let q = c.name("q").map_or("", |m| m.as_str());
        add(Found {
            start: m.start(),
            end: m.end() - c.name("tail").map_or(0, |t| t.len()),
            stated: Stated::FirstEver,
            basis: basis_of(q),
        });
    }
    out.sort_by_key(|f| f.start);
    out
}

/// Days from the previous contact to the one ending the silence, and the
/// previous contact it implies: (min, max, implied). `since` is the resolved
/// date of a "since" claim (`None`: it could not be dated); `since_event`
/// says it is an event that was not a contact of the pair ("since the war
/// began"), which bounds the silence from below only.
pub fn days(
    stated: &Stated,
    ending: Span,
    since: Option<Span>,
    since_event: bool,
) -> (Option<i64>, Option<i64>, Option<Span>) {
    let before = |d: NaiveDate, n: i64| d.checked_sub_days(Days::new(n.max(0) as u64));
    match stated {
        Stated::FirstEver => (None, None, None),
        Stated::Since(_) => match since {
            Some(s) if since_event => (Some((ending.start - s.end).num_days()), None, None),
            Some(s) => {
                let min = (ending.start - s.end).num_days();
                let max = (ending.end - s.start).num_days();
                (Some(min), Some(max), Some(s))
            }
            None => (None, None, None),
        },
        Stated::Count {
            n,
            unit,
            exact,
            modifier,
            bare_year,
        } => {
            let (min, max) = if *exact && *modifier != Modifier::MoreThan {
                (*n as i64, Some(*n as i64))
            } else if *bare_year {
                (
                    (11.0 * 30.44_f64).round() as i64,
                    Some((13.0 * 30.44_f64).round() as i64),
                )
            } else {
                match modifier {
                    Modifier::About => (
                        ((n - 0.5) * unit).round() as i64,
                        Some(((n + 0.5) * unit).round() as i64),
                    ),
                    Modifier::Nearly => (
                        ((n - 0.5) * unit).round() as i64,
                        Some((n * unit).round() as i64),
                    ),
                    Modifier::MoreThan => ((n * unit).round() as i64 + 1, None),
                }
            };
            let implied = match max {
                Some(max) if max == min => before(ending.start, min).map(Span::day),
                Some(max) => match (before(ending.start, max), before(ending.end, min)) {
                    (Some(a), Some(b)) => Some(Span::range(a, b)),
                    _ => None,
                },
                None => None,
            };
            (Some(min), max, implied)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Span {
        Span::parse_value(s).unwrap()
    }

    fn range(sentence: &str, ending: &str, since: Option<&str>) -> (Option<i64>, Option<i64>) {
        let f = find(sentence);
        assert!(!f.is_empty(), "no claim in {sentence:?}");
        let (a, b, _) = days(&f[0].stated, d(ending), since.map(d), false);
        (a, b)
    }

    #[test]
    fn counts() {
        type Case<'a> = (&'a str, &'a str, (Option<i64>, Option<i64>));
        let cases: &[Case] = &[
            (
                "the first interaction between the two leaders in 27 days",
                "2024-01-19",
                (Some(27), Some(27)),
            ),
            (
                "their first conversation in four months",
                "2022-07-28",
                (Some(107), Some(137)),
            ),
            (
                "their first formal bilateral talks in five years",
                "2024-10-23",
                (Some(1644), Some(2009)),
            ),
            (
                "their first face-to-face meeting in a year",
                "2023-11-15",
                (Some(335), Some(396)),
            ),
            (
                "for the first time in more than a month",
                "2024-03-18",
                (Some(31), None),
            ),
            (
                "for the first time in nearly three years",
                "2025-07-01",
                (Some(913), Some(1096)),
            ),
            (
                "the first call in some six weeks",
                "2024-03-18",
                (Some(39), Some(46)),
            ),
            (
                "The lunch came three weeks after the two met in New York.",
                "2025-10-14",
                (Some(18), Some(25)),
            ),
            (
                "The talks came 20 days after the two leaders spoke by video call.",
                "2025-10-26",
                (Some(20), Some(20)),
            ),
            (
                "the first meeting in almost two years",
                "2024-03-18",
                (Some(548), Some(731)),
            ),
        ];
        for (s, e, want) in cases {
            assert_eq!(range(s, e, None), *want, "{s}");
        }
    }

    #[test]
    fn since() {
        assert_eq!(
            range(
                "the first direct contact between the two leaders since December 2022",
                "2024-11-15",
                Some("2022-12")
            ),
            (Some(685), Some(715))
        );
        assert_eq!(
            range(
                "The two leaders had not talked since September 2022, months after",
                "2025-07-01",
                Some("2022-09")
            ),
            (Some(1005), Some(1034))
        );
    }

    #[test]
    fn basis() {
        assert_eq!(
            find("their first call in four months")[0].basis,
            Some(Basis::Call)
        );
        assert_eq!(
            find("first face-to-face meeting in a year")[0].basis,
            Some(Basis::Meeting)
        );
        assert_eq!(
            find("the first interaction in 27 days")[0].basis,
            Some(Basis::Contact)
        );
        assert_eq!(find("for the first time in a month")[0].basis, None);
        assert_eq!(
            find("their first-ever meeting")[0].stated,
            Stated::FirstEver
        );
        assert_eq!(
            find("It was the first time the two men had met.")[0].stated,
            Stated::FirstEver
        );
        assert!(find("It was the first time the two had met since 2019.")
            .iter()
            .all(|f| f.stated != Stated::FirstEver));
        for first_ever in [
            "It was the first time Rubio and Lavrov had met in person.",
            "It was the first time they had shaken hands.",
            "Erdogan and Netanyahu held their first face-to-face meeting on Tuesday, a sign of the thaw.",
        ] {
            assert_eq!(
                find(first_ever).first().map(|f| &f.stated),
                Some(&Stated::FirstEver),
                "{first_ever}"
            );
        }
        // bounded: not first ever
        assert!(find("They held their first meeting as presidents in Bali.")
            .iter()
            .all(|f| f.stated != Stated::FirstEver));
        // "U.S." does not end the "since" phrase
        let f = find("the first contact since the U.S. military shot down a balloon on Feb. 4");
        assert_eq!(
            f[0].stated,
            Stated::Since("the U.S. military shot down a balloon on Feb. 4".into())
        );
    }

    #[test]
    fn not_claims() {
        assert!(find("Biden met Xi on Monday in Bali.").is_empty());
        assert!(find("the first day of a two-day visit").is_empty());
    }
}
