//! `import` / `export`: CSV and JSON Lines that round-trip.

use super::*;
use pretty_assertions::assert_eq;

const CSV: &str = "date,kind,actor1,actor2,source,evidence,colour\n\
2024-01-19,call,Joe Biden,Benjamin Netanyahu,https://example.org/a,\"They spoke, at length.\",red\n\
2023-12-23,call,Biden,Netanyahu,https://example.org/b,,\n\
2023-11,meeting,Joe Biden,Xi Jinping,https://example.org/c,,\n\
2024-02-30,call,Joe Biden,Xi Jinping,,,\n\
2024-03-01,dance,Joe Biden,Xi Jinping,,,\n\
2024-03-02,statement,Joe Biden,,https://example.org/d,,\n";

#[test]
fn csv_import_reports_bad_rows_and_adds_nothing_twice() {
    let env = Env::new();
    env.write("events.csv", CSV);
    let (out, err) = env.fails(["import", "events.csv"]);
    assert_eq!(out, "imported events.csv: 6 rows, 4 new events, 0 already recorded (0 sources added), 2 failed\n");
    assert_eq!(
        err,
        "dateline: warning: events.csv: unknown column \"colour\" ignored\n\
         dateline: events.csv:5: \"2024-02-30\": no such day\n\
         dateline: events.csv:6: unknown kind \"dance\" (expected call, meeting, visit, message or statement)\n"
    );
    // Surnames found the actors of the first row.
    assert_eq!(
        env.json(["gaps", "Biden", "Netanyahu"])["contacts"][1]["gap_days"],
        27
    );
    let (out, _) = env.fails(["import", "events.csv"]);
    assert_eq!(out, "imported events.csv: 6 rows, 0 new events, 4 already recorded (0 sources added), 2 failed\n");
    assert_eq!(env.json(["info"])["events"], 4);
}

#[test]
fn export_then_import_gives_the_same_events() {
    let env = Env::new();
    env.write(
        "in.csv",
        "date,kind,actors,source,evidence,note\n\
         2024-01-19,call,Joe Biden;Benjamin Netanyahu,https://example.org/a,\"They spoke, \"\"at length\"\".\",\n\
         2024-01-19,call,Joe Biden;Benjamin Netanyahu,https://example.org/b,Second report.,\n\
         2022-01-24,call,Joe Biden;Emmanuel Macron;Olaf Scholz,https://example.org/c,,video\n\
         2019-10,meeting,Narendra Modi;Xi Jinping,,,\n\
         2024-01-03..2024-01-05,visit,Antony Blinken;Xi Jinping,,,\n",
    );
    env.ok(["import", "in.csv"]);
    env.ok([
        "event",
        "add",
        "--kind",
        "message",
        "--date",
        "2023",
        "--actor",
        "Joe Biden",
        "--actor",
        "Xi Jinping",
        "--note",
        "a letter",
    ]);
    let csv = env.ok(["export"]);
    assert!(
        csv.starts_with("id,kind,date,end,precision,actors,origin,source,evidence,note\n"),
        "{csv}"
    );
    let jsonl = env.ok(["export", "--format", "jsonl"]);
    assert_eq!(jsonl.lines().count(), 5);

    // Ids are the database's own: compare everything else.
    let csv_without_ids = |csv: &str| -> Vec<String> {
        csv.lines()
            .map(|l| l.split_once(',').unwrap().1.to_string())
            .collect()
    };
    let jsonl_without_ids = |jsonl: &str| -> Vec<serde_json::Value> {
        jsonl
            .lines()
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                v.as_object_mut().unwrap().remove("id");
                v
            })
            .collect()
    };
    for (name, content) in [("out.csv", &csv), ("out.jsonl", &jsonl)] {
        let other = Env::new();
        other.write(name, content);
        other.ok(["import", name]);
        assert_eq!(
            csv_without_ids(&other.ok(["export"])),
            csv_without_ids(&csv),
            "{name}"
        );
        assert_eq!(
            jsonl_without_ids(&other.ok(["export", "--format", "jsonl"])),
            jsonl_without_ids(&jsonl),
            "{name}"
        );
        // Importing the export again adds nothing.
        let before = other.ok(["export"]);
        other.ok(["import", name]);
        assert_eq!(other.ok(["export"]), before, "{name} twice");
    }
    let events = env.json(["events"]);
    assert_eq!(events[4]["sources"].as_array().unwrap().len(), 2);
    assert_eq!(events[0]["precision"], "month");
    assert_eq!(events[3]["precision"], "range");
    assert_eq!(events[3]["end"], "2024-01-05");
    assert_eq!(
        events[2]["actors"],
        serde_json::json!(["Joe Biden", "Xi Jinping"])
    );
}

#[test]
fn a_missing_required_column() {
    let env = Env::new();
    env.write("bad.csv", "when,kind,actor1,actor2\n2024-01-01,call,A,B\n");
    let (_, err) = env.fails(["import", "bad.csv"]);
    assert_eq!(err, "dateline: bad.csv: missing CSV column date\n");
    assert!(!env.db.exists() || env.json(["info"])["events"] == 0);
}

#[test]
fn malformed_json_lines_are_named() {
    let env = Env::new();
    env.write(
        "in.jsonl",
        "{\"kind\":\"call\",\"date\":\"2024-01-19\",\"actors\":[\"Joe Biden\",\"Benjamin Netanyahu\"]}\n{\"kind\":\"call\",\n",
    );
    let (out, err) = env.fails(["import", "in.jsonl"]);
    assert!(
        err.starts_with("dateline: in.jsonl:2: malformed JSON"),
        "{err}"
    );
    assert!(out.contains("1 new events"), "{out}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let env = Env::new();
    let mut csv = String::from("date,kind,actor1,actor2,source\n");
    // Enough output (about 200 kB) to fill any pipe buffer.
    for i in 0..1000 {
        csv.push_str(&format!(
            "{},call,Person {} Alpha,Person {} Beta,https://example.org/{i}\n",
            chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(i),
            i % 50,
            i % 7
        ));
    }
    env.write("many.csv", csv);
    env.ok(["import", "many.csv"]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env_clear()
        .arg("--db")
        .arg(&env.db)
        .args(["export", "--format", "jsonl"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is closed now: dateline must stop without a message.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
