//! The development corpus end to end: `dateline eval` reads every article
//! the way `add` does, extracts, and compares with expected.jsonl.

use crate::Env;
use std::path::Path;

fn corpus(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
        .display()
        .to_string()
}

/// Every contact with its date and kind, every claim with its range, no
/// forbidden event: any miss fails, and the misses are printed.
#[test]
fn shared_corpus_is_extracted_without_a_miss() {
    let env = Env::new();
    let out = env.ok(["eval", "--strict", &corpus("shared")]);
    assert!(out.contains("contact recall    1.000  (16/16)"), "{out}");
    assert!(out.contains("forbidden hits    0"), "{out}");
    assert!(!out.contains("MISS"), "{out}");
}

/// The larger development corpus is scored, not required to be perfect:
/// the floor guards against regressions.
#[test]
fn dev_corpus_stays_above_its_floor() {
    let env = Env::new();
    let out = env.ok(["eval", &corpus("dev")]);
    let ratio = |label: &str| -> f64 {
        let line = out
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label:?} line in:\n{out}"));
        line[label.len()..]
            .split_whitespace()
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no figure in {line:?}"))
    };
    assert!(ratio("contact recall") >= 0.85, "{out}");
    assert!(ratio("precision") >= 0.95, "{out}");
    assert!(ratio("exact date") >= 0.95, "{out}");
    assert!(ratio("claim recall") >= 0.88, "{out}");
}

#[test]
fn strict_eval_fails_on_a_miss() {
    let env = Env::new();
    env.write(
        "c/articles/a.txt",
        "date 2024-01-19\nThe weather was fine in Paris on Friday.\n",
    );
    env.write(
        "c/expected.jsonl",
        r#"{"file": "a.txt", "article_date": "2024-01-19", "contacts": [{"kind": "call", "date": "2024-01-19", "precision": "day", "actors": ["Biden", "Netanyahu"]}], "claims": [], "forbidden": []}"#,
    );
    let dir = env.dir.path().join("c");
    let (out, err) = env.fails(["eval", "--strict", &dir.display().to_string()]);
    assert!(
        out.contains("missed contact  call 2024-01-19 Biden–Netanyahu"),
        "{out}"
    );
    assert!(
        err.contains("extraction missed what the corpus expects"),
        "{err}"
    );
}

#[test]
fn eval_of_a_folder_without_expectations_names_the_file() {
    let env = Env::new();
    let (_, err) = env.fails(["eval", &env.dir.path().display().to_string()]);
    assert!(err.contains("expected.jsonl"), "{err}");
}
