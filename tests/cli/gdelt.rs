//! `import --format gdelt`: GDELT 2.0 event export files, plain and zipped.

use super::*;
use pretty_assertions::assert_eq;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gdelt")
        .join(name)
}

const CSV: &str = "20240301120000.export.CSV";
const ZIP: &str = "20240301120000.export.CSV.zip";

fn summary(file: &Path, new: usize, present: usize, sources: usize) -> String {
    let mut s = format!(
        "imported {new} contact events from {}; skipped 6 rows (4 not contacts, 2 without two actors), {present} already present",
        file.display()
    );
    if sources > 0 {
        s.push_str(&format!(
            "; {sources} added as sources of events already recorded"
        ));
    }
    s + "\n"
}

#[test]
fn a_gdelt_file_imports_its_contacts_once() {
    let env = Env::new();
    let file = fixture(CSV);
    let out = env.ok([
        "import".as_ref(),
        "--format".as_ref(),
        "gdelt".as_ref(),
        file.as_os_str(),
    ]);
    assert_eq!(out, summary(&file, 5, 0, 1));
    // Again: nothing new.
    let out = env.ok([
        "import".as_ref(),
        "--format".as_ref(),
        "gdelt".as_ref(),
        file.as_os_str(),
    ]);
    assert_eq!(out, summary(&file, 0, 6, 0));
    assert_eq!(env.json(["info"])["events"], 5);

    let events = env.json(["events"]);
    let brief: Vec<(String, String, String, String)> = events
        .as_array()
        .expect("an array")
        .iter()
        .map(|e| {
            (
                e["date"].as_str().expect("a date").to_string(),
                e["kind"].as_str().expect("a kind").to_string(),
                e["actors"]
                    .as_array()
                    .expect("actors")
                    .iter()
                    .map(|a| a.as_str().expect("a name"))
                    .collect::<Vec<_>>()
                    .join(" / "),
                e["origin"].as_str().expect("an origin").to_string(),
            )
        })
        .collect();
    let row = |d: &str, k: &str, a: &str| (d.into(), k.into(), a.into(), "imported".into());
    assert_eq!(
        brief,
        vec![
            row("2023-06-18", "visit", "Antony Blinken / China"),
            row("2023-06-19", "visit", "China / Antony Blinken"),
            row("2024-01-19", "call", "Joe Biden / Benjamin Netanyahu"),
            row("2024-03-01", "meeting", "United Nations / Sudan"),
            row("2025-07-01", "meeting", "Emmanuel Macron / Vladimir Putin"),
        ]
    );
    let call = &events[2];
    assert_eq!(call["note"], "GDELT 1151234501 CAMEO 041 USAGOV/ISRGOV");
    let urls: Vec<&str> = call["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["url"].as_str().expect("a URL"))
        .collect();
    assert_eq!(
        urls,
        [
            "https://example.org/2024/01/19/biden-netanyahu-call",
            "https://example.com/news/biden-netanyahu-speak"
        ]
    );
    // A GDELT country is a country.
    let china = env.json(["actors", "show", "China"]);
    assert_eq!(china["actor"]["kind"], "country", "{china}");
}

#[test]
fn the_zip_gives_the_same_events_and_the_name_gives_the_format() {
    let plain = Env::new();
    plain.ok(["import".as_ref(), fixture(CSV).as_os_str()]);
    let zipped = Env::new();
    let file = fixture(ZIP);
    let out = zipped.ok(["import".as_ref(), file.as_os_str()]);
    assert_eq!(out, summary(&file, 5, 0, 1));
    assert_eq!(zipped.json(["events"]), plain.json(["events"]));
    // The zip after the plain file: all there already.
    let out = plain.ok(["import".as_ref(), file.as_os_str()]);
    assert_eq!(out, summary(&file, 0, 6, 0));
}

#[test]
fn bad_rows_are_named_and_the_rest_imported() {
    let env = Env::new();
    let good = std::fs::read_to_string(fixture(CSV)).expect("the fixture");
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    lines.insert(1, "1\t20240119\t041".to_string());
    lines[3] = lines[3].replacen("\t20230618\t", "\t2023-06-18\t", 1);
    let path = env.write("mixed.tsv", lines.join("\n") + "\n\n");
    let (out, err) = env.fails(["import", "--format", "gdelt", "mixed.tsv"]);
    assert_eq!(
        err,
        "dateline: mixed.tsv:2: 3 tab-separated columns, a GDELT 2.0 event row has 61\n\
         dateline: mixed.tsv:4: SQLDATE \"2023-06-18\" is not a day (YYYYMMDD)\n"
    );
    assert_eq!(
        out,
        format!(
            "imported 4 contact events from {}; skipped 6 rows (4 not contacts, 2 without two actors), 0 already present; 1 added as sources of events already recorded; 2 malformed\n",
            "mixed.tsv"
        )
    );
    let _ = path;
}

#[test]
fn a_file_that_is_not_there_or_not_gdelt() {
    let env = Env::new();
    let (_, err) = env.fails(["import", "--format", "gdelt", "nowhere.CSV"]);
    assert!(
        err.starts_with("dateline: nowhere.CSV: cannot read: "),
        "{err}"
    );
    env.write("broken.zip", b"PK\x03\x04 not really a zip");
    let (_, err) = env.fails(["import", "broken.zip"]);
    assert!(
        err.starts_with("dateline: broken.zip: not a zip archive GDELT could have made: "),
        "{err}"
    );
    let out = env
        .cmd(["import", "--format", "gdelt", "-"])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "dateline: import --format gdelt reads a file, not standard input\n"
    );
}

/// A file that repeats a GLOBALEVENTID with other content (a day later)
/// records the first row only: the bulk writer keeps new events back until
/// the end of a batch, and must still see their ids.
#[test]
fn a_repeated_event_id_within_one_file_is_recorded_once() {
    let env = Env::new();
    let first = std::fs::read_to_string(fixture(CSV))
        .expect("the fixture reads")
        .lines()
        .next()
        .expect("a first line")
        .to_string();
    let again = first.replacen("\t20240119\t", "\t20240120\t", 1);
    assert_ne!(again, first);
    env.write("twice.export.CSV", format!("{first}\n{again}\n"));
    let out = env.ok(["import", "--format", "gdelt", "twice.export.CSV"]);
    assert!(
        out.starts_with("imported 1 contact events from twice.export.CSV;")
            && out.contains("1 already present"),
        "{out}"
    );
    let events = env.json(["events"]);
    assert_eq!(events.as_array().expect("an array").len(), 1);
    assert_eq!(events[0]["date"], "2024-01-19");
    assert_eq!(
        env.ok(["check"]),
        "integrity: ok\nforeign keys: ok\ncontacts: ok\n"
    );
}
