//! Completions, the manual page, --quiet.

use super::*;
use pretty_assertions::assert_eq;

const COMMANDS: [&str; 8] = [
    "add",
    "timeline",
    "gaps",
    "claims",
    "search",
    "import",
    "export",
    "completions",
];

#[test]
fn completions_know_the_commands() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = env.ok(["completions", shell]);
        for command in COMMANDS {
            assert!(script.contains(command), "{shell}: no {command}");
        }
        // Option values too (PowerShell's script completes names only).
        if shell != "powershell" {
            assert!(script.contains("gdelt"), "{shell}: no gdelt");
        }
    }
    assert!(env
        .ok(["completions", "bash"])
        .contains("complete -F _dateline"));
    let out = env.cmd(["completions", "tcsh"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_manual_page_is_roff_with_every_command() {
    let env = Env::new();
    let page = env.ok(["man"]);
    assert!(page.contains(".TH dateline 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS"] {
        assert!(page.contains(section), "no {section}");
    }
    for command in COMMANDS {
        assert!(
            page.contains(&format!(".SS \"dateline {command}\"")),
            "no section for {command}"
        );
    }
    // One page: no references to per-command pages that do not exist.
    assert!(!page.contains("dateline\\-add(1)"));
    assert!(page.contains("\\-\\-since"), "search's options are listed");
}

#[test]
fn quiet_silences_progress_and_per_article_lines_not_errors() {
    let env = Env::new();
    let examples = examples().display().to_string();
    assert_eq!(env.ok(["--quiet", "add", &examples]), "");
    assert_eq!(env.ok(["-q", "add", &examples]), "", "skipped lines too");
    assert_eq!(env.json(["info"])["articles"], 12);
    let events = env.json(["info"])["events"].as_i64().expect("a count");
    let gdelt = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gdelt/20240301120000.export.CSV")
        .display()
        .to_string();
    assert_eq!(env.ok(["import", "--quiet", &gdelt]), "");
    env.write(
        "e.csv",
        "date,kind,actor1,actor2\n2024-01-01,call,A B,C D\n",
    );
    assert_eq!(env.ok(["--quiet", "import", "e.csv"]), "");
    // GDELT's Biden–Netanyahu call of 2024-01-19 is the examples' own: it
    // became a source of that event, so 4 new events, and 1 from the CSV.
    assert_eq!(env.json(["info"])["events"], events + 4 + 1);
    // Errors still show.
    let (out, err) = env.fails(["--quiet", "add", "missing.txt"]);
    assert_eq!(out, "");
    assert_eq!(err, "dateline: missing.txt: no such file or folder\n");
    // Queries still print.
    assert!(env.ok(["--quiet", "search", "kazan"]).contains("«Kazan»"));
}
