//! `add`: formats, duplicates, dry runs, stdin.

use super::*;
use pretty_assertions::assert_eq;

fn path(name: &str) -> String {
    example(name).display().to_string()
}

#[test]
fn the_examples_folder() {
    let env = Env::new();
    let out = env.ok(["add", &examples().display().to_string()]);
    let added: Vec<&str> = out.lines().filter(|l| l.starts_with("added ")).collect();
    // Ten files, one of them JSON Lines with three articles.
    assert_eq!(added.len(), 12, "{out}");
    assert!(out.contains("added 01-biden-netanyahu-call.txt (2024-01-19): 1 event, 1 claim\n  call 2024-01-19 Joe Biden — Benjamin Netanyahu\n"), "{out}");
    assert!(
        out.contains("added 06-wire-briefs.jsonl:2 (2024-04-02)"),
        "{out}"
    );
    // The local date of 19:02 at UTC-5, not the UTC date.
    assert!(
        out.contains("added 10-readout-trudeau.md (2023-03-07)"),
        "{out}"
    );
    assert!(
        out.contains("added 04-modi-xi-kazan.md (2024-10-24)"),
        "{out}"
    );

    // Again: everything is already there.
    let again = env.ok(["add", &examples().display().to_string()]);
    assert_eq!(
        again.lines().filter(|l| l.starts_with("skipped ")).count(),
        12,
        "{again}"
    );
    assert!(
        again.contains("skipped 01-biden-netanyahu-call.txt: already added as article 1\n"),
        "{again}"
    );
    let info = env.json(["info"]);
    assert_eq!(info["articles"], 12);
}

#[test]
fn dry_run_writes_nothing() {
    let env = Env::new();
    let out = env.ok(["add", "--dry-run", &path("02-biden-xi-call.txt")]);
    assert!(out.starts_with("would add "), "{out}");
    assert!(
        out.contains("call 2022-07-28 Joe Biden — Xi Jinping"),
        "{out}"
    );
    assert!(!env.db.exists());
    // With a database: still nothing written, duplicates still seen.
    env.ok(["add", &path("02-biden-xi-call.txt")]);
    let out = env.ok(["add", "--dry-run", &path("02-biden-xi-call.txt")]);
    assert!(out.starts_with("skipped "), "{out}");
    assert_eq!(env.json(["info"])["articles"], 1);
}

#[test]
fn stdin_and_defaults() {
    let env = Env::new();
    let text = "French President Emmanuel Macron and Russian President Vladimir Putin spoke by telephone on Tuesday.";
    let out = env
        .cmd([
            "add",
            "-",
            "--date",
            "2025-07-01",
            "--title",
            "Macron and Putin",
            "--source",
            "Wire",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("added stdin (2025-07-01): 1 event"),
        "{stdout}"
    );
    let articles = env.json(["articles"]);
    assert_eq!(articles[0]["title"], "Macron and Putin");
    assert_eq!(articles[0]["source"], "Wire");
    assert_eq!(articles[0]["date"], "2025-07-01");
}

#[test]
fn front_matter_json_lines_and_nested_folders() {
    let env = Env::new();
    env.write(
        "in/a/readout.md",
        "---\ntitle: Readout\npublished_time: 2023-03-07T23:10:00-05:00\nurl: https://example.org/r\n---\nPresident Joe Biden spoke yesterday with Prime Minister Justin Trudeau of Canada.\n",
    );
    env.write(
        "in/b/briefs.jsonl",
        "{\"date\": \"2024-04-02\", \"title\": \"Call\", \"text\": \"President Joe Biden and Chinese President Xi Jinping spoke by phone on Tuesday.\"}\n",
    );
    env.write("in/.hidden.md", "not read");
    let out = env.ok(["add", "in"]);
    assert_eq!(
        out,
        "added a/readout.md (2023-03-07): 1 event, 0 claims\n  call 2023-03-06 Joe Biden — Justin Trudeau\nadded b/briefs.jsonl:1 (2024-04-02): 1 event, 0 claims\n  call 2024-04-02 Joe Biden — Xi Jinping\n"
    );
    let articles = env.json(["articles"]);
    assert_eq!(articles[0]["published_time"], "2023-03-07T23:10:00-05:00");
    assert_eq!(articles[0]["url"], "https://example.org/r");
}

#[test]
fn a_second_report_is_another_source() {
    let env = Env::new();
    env.write("one.txt", "date 2024-01-19 US President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke by phone on Friday.");
    env.write(
        "two.txt",
        "date 2024-01-20 Biden and Netanyahu spoke by phone on Friday, the White House said.",
    );
    env.ok(["add", "one.txt", "two.txt"]);
    let events = env.json(["events"]);
    assert_eq!(events.as_array().unwrap().len(), 1, "{events:#}");
    assert_eq!(events[0]["sources"].as_array().unwrap().len(), 2);
    // Removing one article keeps the event; removing both removes it.
    assert_eq!(env.ok(["rm", "1"]), "removed article 1 and no events\n");
    assert_eq!(
        env.json(["events"])[0]["sources"].as_array().unwrap().len(),
        1
    );
    assert_eq!(env.ok(["rm", "2"]), "removed article 2 and event 1\n");
    assert_eq!(env.json(["events"]), serde_json::json!([]));
}
