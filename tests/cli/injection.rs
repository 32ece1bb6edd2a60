//! Nothing lets data run as code: names that look like SQL are stored and
//! shown verbatim, every export escapes for its format, and CSV cells a
//! spreadsheet would run as formulas are guarded (and unguarded on import).

use super::*;
use pretty_assertions::assert_eq;

const OBRIEN: &str = "O'Brien'); DROP TABLE events;--";
const ROBERT: &str = "Robert\"); DROP TABLE actors; --";

/// The tables of a database, by name.
fn tables(env: &Env) -> Vec<String> {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts_%' ORDER BY name")
        .unwrap();
    let names = stmt.query_map([], |r| r.get(0)).unwrap();
    names.collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn sql_in_names_titles_and_notes_is_stored_verbatim() {
    let env = Env::new();
    let before = {
        env.ok(["info"]);
        env.ok(["actors", "add", "Nobody"]);
        tables(&env)
    };
    env.ok(["actors", "add", OBRIEN]);
    env.ok([
        "event",
        "add",
        "--kind",
        "call",
        "--date",
        "2024-01-02",
        "--actor",
        OBRIEN,
        "--actor",
        ROBERT,
        "--note",
        "'; DELETE FROM events; --",
    ]);
    env.write(
        "a.md",
        "---\ntitle: \"x'); DROP TABLE articles;--\"\ndate: 2024-01-19\nsource: \"1; DELETE FROM claims\"\n---\n\
         US President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke by phone on Friday.\n",
    );
    env.ok(["add", "a.md"]);
    env.ok(["actors", "alias", "Bobby'; --", ROBERT]);

    let events = env.json(["events", "--actor", OBRIEN]);
    assert_eq!(events[0]["actors"], serde_json::json!([OBRIEN, ROBERT]));
    assert_eq!(events[0]["note"], "'; DELETE FROM events; --");
    let articles = env.json(["articles"]);
    assert_eq!(articles[0]["title"], "x'); DROP TABLE articles;--");
    assert_eq!(articles[0]["source"], "1; DELETE FROM claims");
    // Looked up by the name, the alias, and shown in a table as typed.
    assert_eq!(
        env.json(["gaps", OBRIEN, "Bobby'; --"])["contacts"][0]["event"],
        1
    );
    assert!(env
        .ok(["timeline", OBRIEN])
        .contains("O'Brien'); DROP TABLE"));
    assert!(env
        .ok(["show", "1"])
        .contains("x'); DROP TABLE articles;--"));
    // A search for it is a full-text query, refused as one, never SQL.
    let (_, err) = env.fails(["search", OBRIEN]);
    assert!(err.starts_with("dateline: search query "), "{err}");
    // Every table is still there, with its rows.
    assert_eq!(tables(&env), before);
    let info = env.json(["info"]);
    assert_eq!(
        (
            info["articles"].clone(),
            info["events"].clone(),
            info["actors"].clone()
        ),
        (1.into(), 2.into(), 5.into())
    );
}

/// Events with text a spreadsheet would run, or that needs quoting.
fn hostile_events(env: &Env) {
    for (actors, note) in [
        (
            [
                "=HYPERLINK(\"http://evil.example/\",\"click\")",
                "Joe Biden",
            ],
            "@SUM(A1:A9)",
        ),
        (["+33 1 23 45", "-Minus Person"], "=1+1"),
        (
            [OBRIEN, "Comma, \"Quote\" Person"],
            "line one\nline two, \"quoted\"",
        ),
        (["'=Quoted Already", "Back\\slash; Semi"], "'plain quote"),
        (
            ["Rtl \u{202e}evil\u{202c} Name", "Zero\u{200b}Width"],
            "tab\tinside",
        ),
    ] {
        // `--actor=-Minus Person`: a value that starts with - is not a flag.
        let mut args: Vec<String> = ["event", "add", "--kind", "call", "--date", "2024-03-01"]
            .map(String::from)
            .to_vec();
        args.extend(actors.iter().map(|a| format!("--actor={a}")));
        args.push(format!("--note={note}"));
        env.ok(args);
    }
}

/// The events of a database as JSON, without ids.
fn events_without_ids(env: &Env) -> serde_json::Value {
    let mut v = env.json(["events"]);
    for e in v.as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("id");
    }
    v
}

#[test]
fn csv_export_guards_formulas_and_import_strips_the_guard() {
    let env = Env::new();
    hostile_events(&env);
    let guarded = env.ok(["export"]);
    let mut reader = csv::Reader::from_reader(guarded.as_bytes());
    let cells: Vec<String> = reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect();
    for cell in &cells {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "unguarded cell {cell:?} in\n{guarded}"
        );
    }
    assert!(cells.contains(&"'@SUM(A1:A9)".to_string()), "{cells:?}");
    assert!(cells.contains(&"'=1+1".to_string()), "{cells:?}");
    assert!(
        cells.contains(&"''=Quoted Already;Back\\\\slash\\; Semi".to_string()),
        "{cells:?}"
    );

    let raw = env.ok(["export", "--no-formula-guard"]);
    assert!(raw.contains(",@SUM(A1:A9)\n"), "{raw}");
    assert!(raw.contains(",=1+1\n"), "{raw}");

    // Both read back to the same events (the raw one loses only the quote
    // of a value that began with '= , which the guard would have kept).
    let copy = Env::new();
    copy.write("guarded.csv", &guarded);
    copy.ok(["import", "guarded.csv"]);
    assert_eq!(events_without_ids(&copy), events_without_ids(&env));

    // A timeline for a spreadsheet is guarded the same way.
    let timeline = env.ok(["timeline", "--format", "csv"]);
    assert!(
        timeline.contains("'@SUM(A1:A9)") || timeline.contains("'=HYPERLINK"),
        "{timeline}"
    );
    assert!(!timeline.contains(",=HYPERLINK"), "{timeline}");
}

#[test]
fn jsonl_export_escapes_and_round_trips() {
    let env = Env::new();
    hostile_events(&env);
    let lines = env.ok(["export", "--format", "jsonl"]);
    assert_eq!(lines.lines().count(), 5, "one event a line:\n{lines}");
    for line in lines.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("each line is JSON");
    }
    let copy = Env::new();
    copy.write("events.jsonl", &lines);
    copy.ok(["import", "events.jsonl"]);
    assert_eq!(events_without_ids(&copy), events_without_ids(&env));
}
