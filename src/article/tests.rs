use super::*;
use pretty_assertions::assert_eq;

fn d(v: &str) -> NaiveDate {
    NaiveDate::parse_from_str(v, "%Y-%m-%d").unwrap()
}

fn one(name: &str, text: &str) -> Result<Article, InputError> {
    let mut all = parse(name, None, text.as_bytes(), &Defaults::default());
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn reason(r: Result<Article, InputError>) -> String {
    r.unwrap_err().reason
}

#[test]
fn date_line_sharing_the_first_line() {
    let a = one(
        "01.txt",
        " date 2024-01-19 US President Joe Biden spoke.\n\nMore text.",
    )
    .unwrap();
    assert_eq!(a.published, d("2024-01-19"));
    assert_eq!(a.body, "US President Joe Biden spoke.\n\nMore text.");
    let a = one(
        "02.txt",
        "date 2022-07-29\nPresident Joe Biden and Xi spoke.",
    )
    .unwrap();
    assert_eq!(
        (a.published, a.body.as_str()),
        (d("2022-07-29"), "President Joe Biden and Xi spoke.")
    );
    let a = one("x.txt", "Date: 2022-07-29\nText.").unwrap();
    assert_eq!(a.published, d("2022-07-29"));
}

#[test]
fn front_matter_with_offsets_keeps_the_local_date() {
    let text = "---\ntitle: \"Readout\"\ndate: '2023-03-07'\npublished_time: 2023-03-07 19:02:11-05:00\n---\nPresident Biden spoke yesterday.\n";
    let a = one("10.md", text).unwrap();
    assert_eq!(a.published, d("2023-03-07"));
    assert_eq!(
        a.published_time.as_deref(),
        Some("2023-03-07 19:02:11-05:00")
    );
    assert_eq!(a.title.as_deref(), Some("Readout"));
    assert_eq!(a.body, "President Biden spoke yesterday.");

    let text = "---\ntitle: Modi and Xi\npublished: 2024-10-24T08:30:00+05:30\nsource: Example Wire\nurl: https://e.org/x\n---\nText.";
    let a = one("04.md", text).unwrap();
    assert_eq!(a.published, d("2024-10-24"));
    assert_eq!(a.source.as_deref(), Some("Example Wire"));
    assert_eq!(a.url.as_deref(), Some("https://e.org/x"));

    // Only a time late in the evening west of UTC: the local date, not UTC's.
    let a = one(
        "x.md",
        "---\npublished_time: 2023-03-07T23:30:00-05:00\n---\nText.",
    )
    .unwrap();
    assert_eq!(a.published, d("2023-03-07"));
}

#[test]
fn published_values() {
    for (input, expected) in [
        ("2024-01-19", Ok("2024-01-19")),
        ("2024-10-24T08:30:00+05:30", Ok("2024-10-24")),
        ("2024-10-23T22:30:00Z", Ok("2024-10-23")),
        ("2023-03-07 19:02:11-05:00", Ok("2023-03-07")),
        ("2023-03-07T19:02:11", Ok("2023-03-07")),
        ("2024-02-30", Err(())),
        ("2024-01", Err(())),
        ("soon", Err(())),
    ] {
        let got = parse_published(input)
            .map(|(d, _)| d.to_string())
            .map_err(|_| ());
        assert_eq!(got, expected.map(str::to_string), "{input}");
    }
}

#[test]
fn json_lines_name_each_record() {
    let text = "{\"date\": \"2023-11-16\", \"title\": \"T\", \"url\": \"u\", \"text\": \"Biden met Xi.\"}\n\n{\"date\": \"2024-04-02\", \"body\": \"Biden and Xi spoke.\"}\n{broken\n{\"title\": \"no text\", \"date\": \"2024-01-01\"}\n";
    let all = parse(
        "06.jsonl",
        Some(Path::new("06.jsonl")),
        text.as_bytes(),
        &Defaults::default(),
    );
    assert_eq!(all.len(), 4);
    let first = all[0].as_ref().unwrap();
    assert_eq!(
        (first.name.as_str(), first.title.as_deref()),
        ("06.jsonl:1", Some("T"))
    );
    assert_eq!(all[1].as_ref().unwrap().name, "06.jsonl:3");
    let e = all[2].as_ref().unwrap_err();
    assert_eq!(e.name, "06.jsonl:4");
    assert!(e.reason.starts_with("malformed JSON"), "{}", e.reason);
    assert_eq!(
        all[3].as_ref().unwrap_err().reason,
        "no \"text\" or \"body\" field"
    );
}

#[test]
fn plain_text_needs_a_date() {
    let text = "French President Emmanuel Macron and Russian President Vladimir Putin spoke.";
    assert_eq!(
        reason(one("05.txt", text)),
        "no publication date (add a \"date YYYY-MM-DD\" line or front matter, or pass --date)"
    );
    let defaults = Defaults {
        date: Some(d("2025-07-01")),
        title: Some("Given".into()),
        ..Defaults::default()
    };
    let a = parse("05.txt", None, text.as_bytes(), &defaults)
        .remove(0)
        .unwrap();
    assert_eq!(
        (a.published, a.title.as_deref()),
        (d("2025-07-01"), Some("Given"))
    );
    // --date does not override a date in the file.
    let a = parse("x.txt", None, b"date 2024-01-19 Text.", &defaults)
        .remove(0)
        .unwrap();
    assert_eq!(a.published, d("2024-01-19"));
}

#[test]
fn bad_inputs() {
    for (bytes, expected) in [
        (&b""[..], "empty file"),
        (&b" \n\t\n"[..], "empty file"),
        (
            &b"date 2024-01-19 a\0b"[..],
            "binary file (contains NUL bytes), not an article",
        ),
        (
            &b"date 2024-01-19 caf\xe9"[..],
            "not UTF-8 text (invalid byte at offset 19)",
        ),
        (
            &b"date 2024-02-30 Text."[..],
            "publication date \"2024-02-30\": no such day",
        ),
        (&b"date 2024-01-19\n\n"[..], "no article text"),
        (
            &b"---\ntitle: x\nText without end"[..],
            "front matter is not closed (no second --- line)",
        ),
        (
            &b"---\ndate: [unclosed\n---\nText."[..],
            "front matter is not valid YAML",
        ),
    ] {
        let got = parse("bad.txt", None, bytes, &Defaults::default()).remove(0);
        let got = got.unwrap_err();
        assert_eq!(got.name, "bad.txt");
        assert!(
            got.reason.starts_with(expected),
            "{:?}: {}",
            String::from_utf8_lossy(bytes),
            got.reason
        );
    }
}

#[test]
fn the_same_text_hashes_the_same() {
    let a = one("a.txt", "date 2024-01-19 Biden  spoke\nwith Netanyahu.").unwrap();
    let b = one(
        "b.md",
        "---\ndate: 2024-01-19\n---\nBiden spoke with\n  Netanyahu.\n",
    )
    .unwrap();
    assert_eq!(a.sha256(), b.sha256());
    let c = one("c.txt", "date 2024-01-19 Biden spoke with Bibi.").unwrap();
    assert_ne!(a.sha256(), c.sha256());
}

#[test]
fn folders_are_walked_in_order_skipping_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("sub")).unwrap();
    std::fs::create_dir_all(p.join(".git")).unwrap();
    for f in [
        "b.txt",
        "a.md",
        "sub/c.jsonl",
        "sub/NOTES",
        ".hidden.txt",
        ".git/x.txt",
        "image.png",
    ] {
        std::fs::write(p.join(f), "x").unwrap();
    }
    let names: Vec<String> = collect_inputs(&[p.to_path_buf(), p.join("missing.txt")])
        .into_iter()
        .map(|i| match i {
            Ok(i) => i.name().to_string(),
            Err(e) => format!("error {}", e.reason),
        })
        .collect();
    assert_eq!(
        names,
        [
            "a.md",
            "b.txt",
            "sub/NOTES",
            "sub/c.jsonl",
            "error no such file or folder"
        ]
    );
}
