//! Extraction time against article size: does it grow linearly?
//!
//! `cargo bench --bench long_article` builds articles of 1 MB and 10 MB in
//! five shapes and extracts each (best of three passes), printing the time
//! and the ratio 10 MB / 1 MB, which should be near 10 (linear) for every
//! shape; a pattern that goes quadratic shows as a ratio near 100.
//!
//! - `report`: a scraped page, a report of two contacts and a claim every
//!   hundred paragraphs of other news;
//! - `contacts`: every sentence a contact between two people named nowhere
//!   else (the actor list grows with the text);
//! - `claims`: the same, each contact with a stated gap ("the first call in
//!   12 days"), so that every claim looks for its ending contact;
//! - `one-line`: one sentence without an end, names and dates all along;
//! - `dates`: every sentence full of date expressions.
//!
//! `-- --mb N` changes the small size (the large one is ten times it),
//! `-- --shape NAME` runs one shape. Each shape is first timed at a tenth of
//! the small size: one whose time already grows far faster than its size
//! is reported as quadratic and not run at the large size.

use chrono::NaiveDate;
use dateline::extract::{extract, Text};
use std::time::{Duration, Instant};

fn report(bytes: usize) -> String {
    let report = "US President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke by \
        phone on Friday, their first call in 27 days. German Chancellor Olaf Scholz met Russian \
        President Vladimir Putin in Moscow on March 3, 2023.\n\n";
    let other = "Officials said the discussions covered trade, energy security and the reform of \
        international financial institutions. \"We had a frank exchange,\" a senior official told \
        reporters on Thursday. The central bank left interest rates unchanged on Wednesday, citing \
        inflation in services. Heavy rain caused flooding in several northern provinces in March.\n\n";
    fill(bytes, |i, out| {
        out.push_str(if i % 100 == 0 { report } else { other })
    })
}

fn contacts(bytes: usize) -> String {
    fill(bytes, |i, out| {
        out.push_str(&format!(
            "Minister Alpha{i} Person{i} met Minister Beta{i} Person{i} on Friday. "
        ));
        if i % 20 == 19 {
            out.push_str("\n\n");
        }
    })
}

fn claims(bytes: usize) -> String {
    fill(bytes, |i, out| {
        out.push_str(&format!(
            "Minister Alpha{i} Person{i} spoke with Minister Beta{i} Person{i} on Friday, \
             their first call in {} days. ",
            2 + i % 40
        ));
        if i % 20 == 19 {
            out.push_str("\n\n");
        }
    })
}

fn one_line(bytes: usize) -> String {
    fill(bytes, |i, out| {
        out.push_str(&format!(
            "Biden and Netanyahu, who spoke on March {} and met in 20{:02}, ",
            1 + i % 28,
            i % 25
        ))
    })
}

fn dates(bytes: usize) -> String {
    fill(bytes, |_, out| {
        out.push_str(
            "Last week, on Monday, March 18, 2022, and again late last year, two days later, \
             in October 2019, since December 2022, the first time in more than a month. ",
        )
    })
}

/// Builds an article of about the given size.
type Shape = fn(usize) -> String;

fn fill(bytes: usize, mut piece: impl FnMut(usize, &mut String)) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while out.len() < bytes {
        piece(i, &mut out);
        i += 1;
    }
    out
}

fn time(body: &str) -> (Duration, usize) {
    let published = NaiveDate::from_ymd_opt(2024, 1, 19).expect("a date");
    let mut best = Duration::MAX;
    let mut events = 0;
    for _ in 0..3 {
        if best > Duration::from_secs(2) && best != Duration::MAX {
            break;
        }
        let t = Instant::now();
        events = extract(Text {
            title: None,
            body,
            published,
            source: None,
        })
        .events
        .len();
        best = best.min(t.elapsed());
    }
    (best, events)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let mb: f64 = value("--mb").and_then(|v| v.parse().ok()).unwrap_or(1.0);
    let only = value("--shape");
    let shapes: [(&str, Shape); 5] = [
        ("report", report),
        ("contacts", contacts),
        ("claims", claims),
        ("one-line", one_line),
        ("dates", dates),
    ];
    let bytes = |mb: f64| (mb * (1 << 20) as f64) as usize;
    println!(
        "shape      {:>9} MB          {:>9} MB          ratio",
        mb,
        mb * 10.0
    );
    for (name, make) in shapes {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        // A tenth first: a shape that already grows ten times faster than
        // its size is quadratic, and its large run would take minutes.
        let (tenth, _) = time(&make(bytes(mb / 10.0)));
        let (small, small_events) = time(&make(bytes(mb)));
        let early = small.as_secs_f64() / tenth.as_secs_f64();
        if early > 30.0 {
            println!(
                "{name:<10} {:>8.3} s {:>6} ev  skipped: {:>5.1} times slower for {} MB than for {} MB (quadratic); {} MB would take about {:.0} s",
                small.as_secs_f64(),
                small_events,
                early,
                mb,
                mb / 10.0,
                mb * 10.0,
                small.as_secs_f64() * early
            );
            continue;
        }
        let (large, large_events) = time(&make(bytes(mb * 10.0)));
        println!(
            "{name:<10} {:>8.3} s {:>6} ev  {:>8.3} s {:>6} ev  {:>5.1}",
            small.as_secs_f64(),
            small_events,
            large.as_secs_f64(),
            large_events,
            large.as_secs_f64() / small.as_secs_f64()
        );
    }
}
