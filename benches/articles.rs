//! Extraction speed on generated news articles of realistic length.
//!
//! `cargo bench --bench articles` generates 2,000 articles (about 4 KB each:
//! a dated lead reporting a contact, quotes, background, a stated gap now and
//! then, and paragraphs with no contact at all), then runs the extractor over
//! them in this process and prints MB/s per core (best of several passes).
//!
//! `cargo bench --bench articles -- --write DIR --count 10000` writes the
//! articles as files instead (for `benches/add.sh`, which times `dateline add`
//! of the folder end to end).
//!
//! Deterministic: the same seed gives the same articles.

use chrono::{Days, NaiveDate};
use dateline::extract::{extract, Text};
use std::fmt::Write as _;
use std::time::Instant;

/// A small deterministic generator (SplitMix64): no crate needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const LEADERS: &[(&str, &str)] = &[
    ("US President", "Joe Biden"),
    ("Chinese President", "Xi Jinping"),
    ("Russian President", "Vladimir Putin"),
    ("French President", "Emmanuel Macron"),
    ("German Chancellor", "Olaf Scholz"),
    ("Indian Prime Minister", "Narendra Modi"),
    ("Japanese Prime Minister", "Fumio Kishida"),
    ("Israeli Prime Minister", "Benjamin Netanyahu"),
    ("Ukrainian President", "Volodymyr Zelensky"),
    ("British Prime Minister", "Rishi Sunak"),
    ("Turkish President", "Recep Tayyip Erdogan"),
    ("Brazilian President", "Luiz Inacio Lula da Silva"),
    ("Canadian Prime Minister", "Justin Trudeau"),
    ("Italian Prime Minister", "Giorgia Meloni"),
    ("South Korean President", "Yoon Suk Yeol"),
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const LEADS: &[&str] = &[
    "{A} spoke by phone with {B} on {D}, the two governments said, as diplomats pressed for a deal on trade and security.",
    "{A} met {B} on {D} on the sidelines of a regional summit, their first face-to-face meeting in {N} months.",
    "{A} held talks with {B} in the capital on {D}, discussing energy, investment and the war in Ukraine.",
    "{A} and {B} held a video call on {D} to review cooperation on climate, supply chains and defence.",
    "{A} hosted {B} for talks on {D}, a day after the two sides signed a package of agreements on energy.",
];

const FILLER: &[&str] = &[
    "Officials said the discussions covered trade, energy security and the reform of international financial institutions.",
    "The central bank left interest rates unchanged on Wednesday, citing persistent inflation in services and housing.",
    "Analysts said the economy was likely to grow by about 2 percent this year, slightly below earlier forecasts.",
    "\"We had a frank and constructive exchange,\" a senior official told reporters, speaking on condition of anonymity.",
    "Protesters gathered outside parliament for a third day, demanding lower fuel prices and higher wages.",
    "The finance ministry said it would publish a revised budget next month after talks with the International Monetary Fund.",
    "Shares in the country's largest carmaker rose 4 percent after it reported higher quarterly profits.",
    "The opposition criticised the government for what it called a lack of transparency in the negotiations.",
    "Heavy rain caused flooding in several northern provinces, forcing thousands of people from their homes.",
    "The two countries have expanded trade in recent years, with bilateral commerce exceeding 100 billion dollars in 2023.",
    "A spokesperson for the foreign ministry declined to comment on the details of the conversation.",
    "The agreement still needs the approval of lawmakers, who are expected to debate it before the summer recess.",
    "Diplomats said preparations were under way for a broader meeting of foreign ministers later in the year.",
    "The defence ministry announced new exercises near the border, drawing a sharp response from neighbouring states.",
    "Energy prices have eased since the winter, but households continue to face high bills for heating and electricity.",
    "Human rights groups urged the leaders to raise the cases of detained journalists and activists.",
    "The statement made no mention of the disputed islands, which have long been a source of friction.",
    "Economists warned that new tariffs could disrupt supply chains that run through several countries in the region.",
];

const CLAIMS: &[&str] = &[
    "It was the first call between the two leaders in {N} months.",
    "The two leaders had not spoken since {M} {Y}.",
    "The conversation was their first since {M} {Y}.",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "September",
    "October",
    "November",
];

/// One article: (published date, text with its `date` line).
fn article(rng: &mut Rng, i: usize) -> (NaiveDate, String) {
    let base = NaiveDate::from_ymd_opt(2019, 1, 1).expect("a valid date");
    let published = base + Days::new(rng.below(6 * 365) as u64);
    let a = LEADERS[rng.below(LEADERS.len())];
    let mut b = LEADERS[rng.below(LEADERS.len())];
    while b.1 == a.1 {
        b = LEADERS[rng.below(LEADERS.len())];
    }
    let mut s = String::with_capacity(4600);
    let _ = writeln!(s, "date {published}");
    let _ = writeln!(s, "{} and {} discuss ties (report {i})\n", a.1, b.1);
    let lead = rng
        .pick(LEADS)
        .replace("{A}", &format!("{} {}", a.0, a.1))
        .replace("{B}", &format!("{} {}", b.0, b.1))
        .replace("{D}", rng.pick(WEEKDAYS))
        .replace("{N}", &(2 + rng.below(10)).to_string());
    let _ = writeln!(s, "{lead}\n");
    let paragraphs = 8 + rng.below(10);
    for p in 0..paragraphs {
        if p == 2 && rng.below(3) == 0 {
            let c = rng
                .pick(CLAIMS)
                .replace("{N}", &(2 + rng.below(10)).to_string())
                .replace("{M}", rng.pick(MONTHS))
                .replace(
                    "{Y}",
                    &(published
                        .format("%Y")
                        .to_string()
                        .parse::<i32>()
                        .unwrap_or(2020)
                        - 1)
                    .to_string(),
                );
            let _ = write!(s, "{c} ");
        }
        for _ in 0..(2 + rng.below(2)) {
            let _ = write!(s, "{} ", rng.pick(FILLER));
        }
        s.push_str("\n\n");
    }
    (published, s)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let count: usize = value("--count")
        .and_then(|c| c.parse().ok())
        .unwrap_or(2000);
    let mut rng = Rng(42);
    let articles: Vec<(NaiveDate, String)> = (0..count).map(|i| article(&mut rng, i)).collect();
    if let Some(dir) = value("--write") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("the output folder can be created");
        let mut bytes = 0;
        for (i, (_, text)) in articles.iter().enumerate() {
            // a hundred files per folder, as a newsroom archive would be
            let sub = dir.join(format!("{:03}", i / 100));
            std::fs::create_dir_all(&sub).expect("a subfolder can be created");
            std::fs::write(sub.join(format!("article-{i:05}.txt")), text)
                .expect("an article can be written");
            bytes += text.len();
        }
        println!(
            "wrote {count} articles, {bytes} bytes, to {}",
            dir.display()
        );
        return;
    }
    let total: usize = articles.iter().map(|(_, t)| t.len()).sum();
    let mut best = f64::MAX;
    let mut events = 0;
    for _ in 0..5 {
        let t = Instant::now();
        events = 0;
        for (published, text) in &articles {
            let body = text.split_once('\n').map_or(text.as_str(), |(_, b)| b);
            events += extract(Text {
                title: None,
                body,
                published: *published,
                source: None,
            })
            .events
            .len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "extract: {count} articles, {:.1} MB, best pass {:.3} s = {:.1} MB/s on one core ({events} events)",
        total as f64 / 1e6,
        best,
        total as f64 / best / 1e6
    );
}
