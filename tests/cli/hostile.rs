//! Hostile input: whatever bytes or text reach the readers, the extractor
//! and the date resolver, nothing panics. Property tests (proptest) feed
//! arbitrary bytes, arbitrary Unicode and soups of the words these parsers
//! look for; the kept cases below them are the inputs the web has produced
//! or could: a 10 MB article, a 1 MB line, NUL bytes, zero-width and
//! right-to-left characters in names, JSON nested 100,000 deep, an article
//! naming 10,000 people. (Speed on large input is a benchmark, not a test:
//! `cargo bench --bench long_article`.)

use super::*;
use chrono::NaiveDate;
use dateline::article::{self, Defaults};
use dateline::extract::temporal::{self, Prefer};
use dateline::extract::{extract, Text};
use dateline::interop::{csv as event_csv, gdelt, jsonl};
use proptest::prelude::*;
use std::io::Cursor;

/// Words and marks the parsers react to, so that random text reaches their
/// deeper branches instead of stopping at the first unknown word.
const WORDS: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Joe",
    "Biden",
    "Xi",
    "Jinping",
    "Benjamin",
    "Netanyahu",
    "Chancellor",
    "Olaf",
    "Scholz",
    "Vladimir",
    "Putin",
    "Narendra",
    "Modi",
    "the",
    "two",
    "leaders",
    "he",
    "she",
    "they",
    "his",
    "their",
    "Mr.",
    "Dr.",
    "H.E.",
    "Sheikh",
    "Shri",
    "spoke",
    "met",
    "called",
    "phone",
    "call",
    "video",
    "meeting",
    "talks",
    "visit",
    "visited",
    "message",
    "letter",
    "summit",
    "sidelines",
    "with",
    "and",
    "by",
    "on",
    "in",
    "at",
    "since",
    "first",
    "time",
    "not",
    "never",
    "had",
    "planned",
    "will",
    "would",
    "cancelled",
    "proposed",
    "days",
    "weeks",
    "months",
    "years",
    "more",
    "than",
    "nearly",
    "a",
    "an",
    "one",
    "27",
    "five",
    "Monday",
    "Friday",
    "yesterday",
    "today",
    "tomorrow",
    "last",
    "next",
    "week",
    "month",
    "year",
    "ago",
    "later",
    "earlier",
    "before",
    "after",
    "March",
    "Dec.",
    "18",
    "31",
    "2019",
    "2024",
    "0",
    "9999",
    "10000",
    "-1",
    "mid-",
    "late",
    "early",
    "2024-01-19",
    "2024-W03",
    "2024-02-30",
    "..",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "\"",
    "'",
    "(",
    ")",
    "—",
    "-",
    "\n",
    "\n\n",
    "\t",
    "\u{200b}",
    "\u{202e}",
    "\u{feff}",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "日本",
    "🙂",
    "U.S.",
    "Japan-U.S.",
    "Washington (Reuters) -",
    "WASHINGTON —",
    "said",
    "told",
    "was",
    "received",
    "invitation",
    "such",
    "a",
    "further",
    "conversation",
    "between",
    "for",
];

fn soup(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..max).prop_map(|w| w.join(" "))
}

/// Publication dates from the whole range chrono and the article formats
/// allow, the edges included.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (1i32..=9999, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("a valid day")),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        Just(NaiveDate::from_ymd_opt(2024, 2, 29).expect("a leap day")),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), soup(80), "\\PC{0,300}"]
}

fn run_extract(title: Option<&str>, body: &str, published: NaiveDate, source: Option<&str>) {
    let x = extract(Text {
        title,
        body,
        published,
        source,
    });
    // What the store relies on: indexes into the actor list are in range.
    for e in &x.events {
        assert!(e.actors.iter().all(|&i| i < x.actors.len()));
        assert!(e.span.0 <= e.span.1 && e.span.1 <= body.len() + title.map_or(0, str::len) + 1);
    }
}

fn parse_all(name: &str, path: Option<&str>, bytes: &[u8]) {
    let path = path.map(Path::new);
    for a in article::parse(name, path, bytes, &Defaults::default())
        .into_iter()
        .flatten()
    {
        let _ = a.sha256();
    }
}

fn read_csv(bytes: &[u8]) {
    if let Ok((rows, _)) = event_csv::read("x.csv", Cursor::new(bytes)) {
        for _ in rows {}
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200)
}

fn read_jsonl(bytes: &[u8]) {
    for _ in jsonl::read("x.jsonl", Cursor::new(bytes)) {}
}

proptest! {
    // 200 cases by default; PROPTEST_CASES=100000 for a long search.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(cases()) })]

    #[test]
    fn the_article_reader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600),
                                          ext in prop::sample::select(vec![None, Some("a.txt"), Some("a.md"), Some("a.jsonl"), Some("a.json")])) {
        parse_all("a", ext, &bytes);
    }

    #[test]
    fn the_article_reader_takes_any_text_in_each_format(body in text(), header in text(), date in "[0-9+-]{0,6}-[0-9]{0,3}-[0-9]{0,3}") {
        for input in [
            format!("date {date} {body}"),
            format!("date {date}\n{body}"),
            format!("---\n{header}\n---\n{body}"),
            format!("---\ntitle: {header}\ndate: {date}\npublished_time: {header}\n---\n{body}"),
            format!("{{\"date\": \"{date}\", \"text\": {}}}\n{header}", serde_json::Value::String(body.clone())),
            format!("[{{\"date\": {}, \"body\": {}}}]", serde_json::Value::String(header.clone()), serde_json::Value::String(body.clone())),
        ] {
            parse_all("a", None, input.as_bytes());
            parse_all("a", Some("a.md"), input.as_bytes());
        }
    }

    #[test]
    fn the_extractor_takes_any_text(body in text(), title in prop::option::of(text()),
                                    source in prop::option::of(soup(6)), published in any_date()) {
        run_extract(title.as_deref(), &body, published, source.as_deref());
    }

    #[test]
    fn the_date_resolver_takes_any_text(t in prop_oneof![any::<String>(), soup(12)], reference in any_date(), future in any::<bool>()) {
        let prefer = if future { Prefer::Future } else { Prefer::Past };
        let _ = temporal::resolve(&t, reference, prefer);
        for timex in temporal::find(&t, reference, prefer) {
            assert!(timex.start <= timex.end && timex.end <= t.len());
            assert!(t.is_char_boundary(timex.start) && t.is_char_boundary(timex.end));
        }
        let _ = dateline::userdate::parse_user_date(&t, reference);
        let _ = dateline::date::Span::parse_value(&t);
        let _ = article::parse_published(&t);
    }

    #[test]
    fn the_csv_reader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400), body in text()) {
        read_csv(&bytes);
        let mut with_header = b"date,kind,actors,actor1,actor2,end,precision,source,evidence,note\n".to_vec();
        with_header.extend_from_slice(&bytes);
        read_csv(&with_header);
        read_csv(format!("date,kind,actors,end,precision\n{body}").as_bytes());
    }

    #[test]
    fn the_jsonl_reader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400), field in text()) {
        read_jsonl(&bytes);
        let s = serde_json::Value::String(field.clone());
        read_jsonl(format!("{{\"kind\": {s}, \"date\": {s}, \"end\": {s}, \"precision\": {s}, \"actors\": [{s}, {s}], \"origin\": {s}, \"sources\": [{{\"article\": 1, \"url\": {s}}}], \"note\": {s}}}\n{field}").as_bytes());
        read_jsonl(format!("{{\"kind\": \"call\", \"date\": {s}, \"actors\": [\"A\", \"B\"]}}").as_bytes());
    }

    #[test]
    fn the_gdelt_reader_takes_any_line(bytes in prop::collection::vec(any::<u8>(), 0..400),
                                       fields in prop::collection::vec(prop_oneof![text(), Just("043".to_string()), Just("20240119".to_string()), "[0-9]{1,12}"], 61)) {
        let _ = gdelt::parse_line(&bytes);
        let line = fields.iter().map(|f| f.replace(['\t', '\n'], " ")).collect::<Vec<_>>().join("\t");
        let _ = gdelt::parse_line(line.as_bytes());
        for f in &fields {
            let _ = gdelt::display_name(f);
        }
    }
}

// Kept cases.

/// A scraped page of `bytes`: a report of two contacts and a claim, then
/// paragraphs of everything else (quotes, prices, weather, names, dates),
/// with the report again every hundred paragraphs.
fn long_article(bytes: usize) -> String {
    let report = "US President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke by \
        phone on Friday, their first call in 27 days. German Chancellor Olaf Scholz met Russian \
        President Vladimir Putin in Moscow on March 3, 2023.\n\n";
    let other = "Officials said the discussions covered trade, energy security and the reform of \
        international financial institutions. \"We had a frank exchange,\" a senior official told \
        reporters on Thursday. The central bank left interest rates unchanged on Wednesday, citing \
        inflation in services. Heavy rain caused flooding in several northern provinces in March.\n\n";
    let mut out = String::with_capacity(bytes + report.len());
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(if i % 100 == 0 { report } else { other });
        i += 1;
    }
    out
}

#[test]
fn a_10_mb_article() {
    let body = long_article(10 << 20);
    let input = format!("date 2024-01-19\n{body}");
    let parsed = article::parse("big.txt", None, input.as_bytes(), &Defaults::default());
    let article = parsed.into_iter().next().unwrap().expect("a dated article");
    assert!(article.body.len() >= 10 << 20);
    let x = extract(Text {
        title: None,
        body: &article.body,
        published: article.published,
        source: None,
    });
    // The same contacts, repeated: recorded as the few events they are.
    assert!(!x.events.is_empty());
}

#[test]
fn a_1_mb_line() {
    // No sentence end, no newline: one megabyte of one sentence, with a
    // date every 60 bytes (each once rescanned the whole sentence).
    let piece = "Biden and Netanyahu, who spoke on March 18 and met in 2019, ";
    let line = piece.repeat((1 << 20) / piece.len() + 1);
    let published = NaiveDate::from_ymd_opt(2024, 1, 19).unwrap();
    run_extract(Some(&line[..1000]), &line, published, None);
    parse_all("a.txt", None, format!("date 2024-01-19 {line}").as_bytes());
    let _ = temporal::find(&line, published, Prefer::Past);
    // As a CSV field and a JSON Lines string: read as one value.
    let csv = format!("date,kind,actor1,actor2,evidence\n2024-01-19,call,A,B,\"{line}\"\n");
    let (rows, _) = event_csv::read("x.csv", Cursor::new(csv)).unwrap();
    let rows: Vec<_> = rows.collect();
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].as_ref().unwrap().sources[0]
            .evidence
            .as_ref()
            .unwrap()
            .len()
            > 1 << 20
    );
    let jsonl = format!("{{\"kind\": \"call\", \"date\": \"2024-01-19\", \"actors\": [\"A\", \"B\"], \"note\": \"{line}\"}}\n");
    let rows: Vec<_> = jsonl::read("x.jsonl", Cursor::new(jsonl)).collect();
    assert!(rows[0].as_ref().unwrap().note.as_ref().unwrap().len() > 1 << 20);
}

#[test]
fn deeply_nested_json() {
    for deep in [
        "[".repeat(100_000),
        "{\"a\":".repeat(100_000),
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    ] {
        let errors: Vec<_> = jsonl::read("x.jsonl", Cursor::new(deep.as_bytes())).collect();
        let reason = &errors[0].as_ref().unwrap_err().reason;
        assert!(reason.starts_with("malformed JSON"), "{reason}");
        parse_all("a.jsonl", Some("a.jsonl"), deep.as_bytes());
        parse_all("a.txt", None, deep.as_bytes());
    }
    // Through the binary: one message, exit 1.
    let env = Env::new();
    env.write("deep.jsonl", "[".repeat(100_000));
    let (_, err) = env.fails(["import", "deep.jsonl"]);
    assert!(
        err.starts_with("dateline: deep.jsonl:1: malformed JSON ("),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let (_, err) = env.fails(["add", "deep.jsonl"]);
    assert!(err.starts_with("dateline: deep.jsonl"), "{err}");
}

/// Found by the property test in CI: a sentence end after a multi-byte space
/// (U+2009 THIN SPACE) sliced the text inside that character.
#[test]
fn sentence_end_after_a_wide_space() {
    let published = NaiveDate::from_ymd_opt(2024, 1, 19).unwrap();
    for body in [
        "\u{2009}. 7x",
        "Biden\u{2009}Mr. Netanyahu\u{3000}Dr. Who. And then",
        "\u{2009}(. A",
    ] {
        run_extract(None, body, published, None);
    }
}

/// Found by a long property-test run: U+2016 and U+2017 (bytes E2 80 96/97)
/// are neither the dashes nor the quotes the date tokenizer knows, and it
/// stopped moving, filling memory with empty tokens.
#[test]
fn double_vertical_line_in_a_date() {
    let published = NaiveDate::from_ymd_opt(2024, 1, 19).unwrap();
    for t in ["\u{2016}", "Jan. 3\u{2017}5", "on Friday\u{2016}March 18"] {
        let _ = temporal::resolve(t, published, Prefer::Past);
        let _ = temporal::find(t, published, Prefer::Past);
    }
    // and the dates beside them are still read
    let found = temporal::find("they met on March 18\u{2016}", published, Prefer::Past);
    assert_eq!(
        found.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
        ["March 18"]
    );
}

/// Found by a long property-test run: a week at the ends of chrono's calendar.
#[test]
fn weeks_at_the_ends_of_the_calendar() {
    for published in [NaiveDate::MIN, NaiveDate::MAX] {
        for prefer in [Prefer::Past, Prefer::Future] {
            let _ = temporal::resolve("in 0 weeks", published, prefer);
            let _ = temporal::resolve("next week", published, prefer);
        }
        run_extract(None, "0 week ago spoke", published, None);
    }
}

/// Found by a long property-test run: "by" as the second word of a clause.
#[test]
fn by_near_the_start() {
    let published = NaiveDate::from_ymd_opt(2024, 1, 19).unwrap();
    for body in [
        "called by President President President \" \n",
        "Met by President Biden.",
        "by Xi Jinping",
    ] {
        run_extract(None, body, published, None);
    }
}

#[test]
fn nul_bytes() {
    let published = NaiveDate::from_ymd_opt(2024, 1, 19).unwrap();
    run_extract(
        None,
        "President Joe\0 Biden and Xi\0Jinping spoke by phone on Friday\0.",
        published,
        Some("\0"),
    );
    let _ = temporal::find("on Fri\0day, March\0 18", published, Prefer::Past);
    // A file with NUL bytes is refused as binary, named.
    let env = Env::new();
    env.write("nul.txt", b"date 2024-01-19 Biden\0 and Xi spoke.");
    let (_, err) = env.fails(["add", "nul.txt"]);
    assert_eq!(
        err,
        "dateline: nul.txt: binary file (contains NUL bytes), not an article\n"
    );
    // Inside a CSV field it is data: stored and exported as it came.
    env.write(
        "nul.csv",
        "date,kind,actor1,actor2,note\n2024-01-19,call,Nul\0Name,Other Name,a\0b\n",
    );
    env.ok(["import", "nul.csv"]);
    let events = env.json(["events"]);
    assert_eq!(events[0]["actors"][0], "Nul\0Name");
    assert_eq!(events[0]["note"], "a\0b");
    assert_eq!(
        env.ok(["check"]),
        "integrity: ok\nforeign keys: ok\ncontacts: ok\n"
    );
}

#[test]
fn zero_width_and_right_to_left_names() {
    let env = Env::new();
    let names = [
        "Joe\u{200b}Biden",
        "\u{202e}nihcuP rimidalV\u{202c}",
        "محمود عباس",
        "בנימין נתניהו",
        "\u{200d}\u{2060}\u{feff}",
        "A\u{0301}\u{0301}\u{0301}",
    ];
    for n in names {
        env.ok(["actors".as_ref(), "add".as_ref(), std::ffi::OsStr::new(n)]);
    }
    let mut args: Vec<String> = ["event", "add", "--kind", "call", "--date", "2024-01-19"]
        .map(String::from)
        .to_vec();
    args.extend(names.iter().map(|n| format!("--actor={n}")));
    env.ok(&args);
    let events = env.json(["events"]);
    assert_eq!(events[0]["actors"], serde_json::json!(names));
    // Tables measure them without panicking; CSV and JSON keep them.
    env.ok(["timeline"]);
    env.ok(["gaps", "--all"]);
    env.ok(["actors"]);
    let csv = env.ok(["export"]);
    for n in names {
        assert!(csv.contains(n), "{n:?} in {csv}");
    }
    // In an article, next to the names extraction knows.
    env.write("a.txt", "date 2024-01-19 US President Joe\u{200b} Biden and Israeli Prime Minister \u{202e}Benjamin Netanyahu\u{202c} spoke by phone on Friday. بنيامين نتنياهو");
    env.ok(["add", "a.txt"]);
    assert_eq!(
        env.ok(["check"]),
        "integrity: ok\nforeign keys: ok\ncontacts: ok\n"
    );
}

#[test]
fn an_article_naming_10000_people() {
    let mut body = String::from("date 2024-01-19\n");
    for i in 0..5_000 {
        let (a, b) = (i * 2, i * 2 + 1);
        body.push_str(&format!(
            "Minister Alpha{a} Person{a} met Minister Beta{b} Person{b} on Friday. "
        ));
    }
    let parsed = article::parse("many.txt", None, body.as_bytes(), &Defaults::default());
    let article = parsed.into_iter().next().unwrap().unwrap();
    let x = extract(Text {
        title: None,
        body: &article.body,
        published: article.published,
        source: None,
    });
    for e in &x.events {
        assert!(e.actors.iter().all(|&i| i < x.actors.len()));
    }
    eprintln!(
        "10,000 named people: {} actors, {} events",
        x.actors.len(),
        x.events.len()
    );
}

#[test]
fn gdelt_files_of_garbage() {
    // Deterministic noise (SplitMix64), with tabs and newlines sprinkled in.
    let mut state = 7u64;
    let noise: Vec<u8> = (0..20_000)
        .map(|_| {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let z = (state ^ (state >> 31)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            (z >> 56) as u8
        })
        .collect();
    let env = Env::new();
    for (name, bytes) in [
        ("noise.zip", noise.clone()),
        ("noise.export.CSV", noise.clone()),
        ("cut.zip", b"PK\x03\x04 a zip cut short".to_vec()),
        ("tabs.export.CSV", "x\t".repeat(30_000).into_bytes()),
    ] {
        env.write(name, &bytes);
        let (_, err) = env.fails(["import", name]);
        assert!(!err.contains("panicked"), "{name}: {err}");
        for line in err.lines() {
            assert!(
                line.starts_with(&format!("dateline: {name}")),
                "{name}: {line}"
            );
        }
    }
    assert_eq!(env.json(["info"])["events"], 0);
}
