//! The word lists of `data/temporal/`, parsed once into a lexicon of classified
//! words and holiday rules. Nothing here reads text or resolves a date.

use std::collections::HashMap;
use std::sync::LazyLock;

const MONTHS: &str = include_str!("../../../data/temporal/months.tsv");
const WEEKDAYS: &str = include_str!("../../../data/temporal/weekdays.tsv");
const HOLIDAYS: &str = include_str!("../../../data/temporal/holidays.tsv");
const RELATIVE: &str = include_str!("../../../data/temporal/relative.tsv");
const STOPWORDS: &str = include_str!("../../../data/temporal/stopwords.tsv");
const SEASONS: &str = include_str!("../../../data/temporal/seasons.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
    Weekend,
    Fortnight,
    Quarter,
    Decade,
    Century,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rel {
    Last,
    Next,
    This,
    Past,
    Coming,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
    Early,
    Mid,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// What a known word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Known only as part of a holiday name or as a context word.
    Plain,
    Month {
        m: u32,
        abbr: bool,
        ambiguous: bool,
    },
    /// Days from Monday.
    Weekday(u32),
    /// today, yesterday, tomorrow: offset in days.
    Day(i64),
    Part(Part),
    Unit {
        unit: Unit,
        plural: bool,
    },
    Rel(Rel),
    /// earlier (false) / later (true)
    Shift(bool),
    Phase(Phase),
    Edge(Phase),
    Num(u32),
    /// first .. twentieth, thirtieth
    OrdWord(u32),
    /// twenties .. nineties, noughties: the first year of the decade
    DecadeWord(i32),
    /// A season: its first month (winter = 12).
    Season(u32),
    /// "recent" (false) / "within" (true)
    Dur(bool),
    /// previous (-1), following (1), same (0)
    Anchor(i64),
    Ago,
    StopAfter,
    StopBefore,
}

/// A lexicon entry: its class, the contexts it licenses and whether a holiday
/// name starts with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Lex {
    pub class: Class,
    pub ctx_month: bool,
    pub ctx_year: bool,
    pub ctx_holiday: bool,
    pub holiday_head: bool,
    /// A short form (Mon, Tues, Sat): a weekday only before a date or when typed alone.
    pub abbr: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    Fixed(u32, u32),
    /// month, n (-1 = last), weekday from Monday
    Nth(u32, i32, u32),
    Easter(i64),
}

#[derive(Debug)]
pub(super) struct Holiday {
    /// Lexicon ids of the words of the name.
    pub words: Vec<u16>,
    pub rule: Rule,
}

pub(super) struct Lexicon {
    pub entries: Vec<Lex>,
    map: HashMap<Vec<u8>, u16, rustc_hash::FxBuildHasher>,
    pub holidays: Vec<Holiday>,
    max_len: usize,
}

impl Lexicon {
    fn id_or_insert(&mut self, word: &str) -> u16 {
        if let Some(&id) = self.map.get(word.as_bytes()) {
            return id;
        }
        let id = u16::try_from(self.entries.len()).expect("lexicon has fewer than 65536 words");
        self.entries.push(Lex {
            class: Class::Plain,
            ctx_month: false,
            ctx_year: false,
            ctx_holiday: false,
            holiday_head: false,
            abbr: false,
        });
        self.map.insert(word.as_bytes().to_vec(), id);
        self.max_len = self.max_len.max(word.len());
        id
    }

    fn set_class(&mut self, word: &str, class: Class) {
        let id = self.id_or_insert(word);
        self.entries[id as usize].class = class;
    }

    pub(super) fn get(&self, word: &[u8]) -> Option<u16> {
        if word.len() > self.max_len {
            return None;
        }
        self.map.get(word).copied()
    }
}

/// Data lines: not empty, not a `#` comment; fields split on tabs.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn num<T: std::str::FromStr>(s: &str, file: &str) -> T {
    s.trim()
        .parse()
        .unwrap_or_else(|_| panic!("data/temporal/{file}: bad number {s:?}"))
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

fn build() -> Lexicon {
    let mut lx = Lexicon {
        entries: Vec::new(),
        map: HashMap::default(),
        holidays: Vec::new(),
        max_len: 0,
    };
    for r in rows(MONTHS) {
        let class = Class::Month {
            m: num(r[1], "months.tsv"),
            abbr: r[2] == "abbr",
            ambiguous: r[3] == "yes",
        };
        lx.set_class(r[0], class);
    }
    for r in rows(WEEKDAYS) {
        lx.set_class(r[0], Class::Weekday(num(r[1], "weekdays.tsv")));
        if r.get(2) == Some(&"abbr") {
            let id = lx.id_or_insert(r[0]);
            lx.entries[id as usize].abbr = true;
        }
    }
    for r in rows(SEASONS) {
        lx.set_class(r[0], Class::Season(num(r[1], "seasons.tsv")));
    }
    for r in rows(RELATIVE) {
        let (word, v) = (r[0], r[2]);
        let class = match r[1] {
            "day" => Class::Day(num(v, "relative.tsv")),
            "part" => Class::Part(match v {
                "morning" => Part::Morning,
                "afternoon" => Part::Afternoon,
                "evening" => Part::Evening,
                _ => Part::Night,
            }),
            "unit" => Class::Unit {
                unit: match v.trim_end_matches('+') {
                    "day" => Unit::Day,
                    "week" => Unit::Week,
                    "month" => Unit::Month,
                    "year" => Unit::Year,
                    "fortnight" => Unit::Fortnight,
                    "quarter" => Unit::Quarter,
                    "decade" => Unit::Decade,
                    "century" => Unit::Century,
                    _ => Unit::Weekend,
                },
                plural: v.ends_with('+'),
            },
            "rel" => Class::Rel(match v {
                "last" => Rel::Last,
                "next" => Rel::Next,
                "this" => Rel::This,
                "past" => Rel::Past,
                _ => Rel::Coming,
            }),
            "shift" => Class::Shift(v == "later"),
            "phase" | "edge" => {
                let p = match v {
                    "early" => Phase::Early,
                    "mid" => Phase::Mid,
                    _ => Phase::Late,
                };
                if r[1] == "phase" {
                    Class::Phase(p)
                } else {
                    Class::Edge(p)
                }
            }
            "num" => Class::Num(num(v, "relative.tsv")),
            "ord" => Class::OrdWord(num(v, "relative.tsv")),
            "decade" => Class::DecadeWord(num(v, "relative.tsv")),
            "dur" => Class::Dur(v == "within"),
            "anchor" => Class::Anchor(num(v, "relative.tsv")),
            "ago" => Class::Ago,
            "ctx" => {
                let id = lx.id_or_insert(word);
                let e = &mut lx.entries[id as usize];
                e.ctx_month = v.contains('m');
                e.ctx_year = v.contains('y');
                e.ctx_holiday = v.contains('h');
                continue;
            }
            other => panic!("data/temporal/relative.tsv: unknown class {other:?}"),
        };
        lx.set_class(word, class);
    }
    for r in rows(STOPWORDS) {
        let class = if r[1] == "after" {
            Class::StopAfter
        } else {
            Class::StopBefore
        };
        lx.set_class(r[0], class);
    }
    for r in rows(HOLIDAYS) {
        let words: Vec<u16> = r[0]
            .split(' ')
            .map(|w| {
                let w = w.strip_suffix("'s").unwrap_or(w);
                lx.id_or_insert(w.strip_suffix('\'').unwrap_or(w))
            })
            .collect();
        lx.entries[words[0] as usize].holiday_head = true;
        let f: Vec<&str> = r[1].split_whitespace().collect();
        let rule = match f[0] {
            "fixed" => Rule::Fixed(num(f[1], "holidays.tsv"), num(f[2], "holidays.tsv")),
            "nth" => Rule::Nth(
                num(f[1], "holidays.tsv"),
                num(f[2], "holidays.tsv"),
                num(f[3], "holidays.tsv"),
            ),
            "easter" => Rule::Easter(num(f[1], "holidays.tsv")),
            other => panic!("data/temporal/holidays.tsv: unknown rule {other:?}"),
        };
        lx.holidays.push(Holiday { words, rule });
    }
    lx
}
