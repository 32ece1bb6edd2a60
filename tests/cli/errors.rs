//! Bad input: one clear message naming the input and the reason, exit 1,
//! the other inputs still processed, nothing half-written.

use super::*;
use pretty_assertions::assert_eq;

const GOOD: &str = "date 2024-01-19 US President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke by phone on Friday.";

#[test]
fn bad_files_are_named_and_the_rest_is_added() {
    let env = Env::new();
    env.write("in/1-empty.txt", "");
    env.write("in/2-binary.txt", b"date 2024-01-19 \x00\x01\x02 binary");
    env.write("in/3-latin1.txt", b"date 2024-01-19 Caf\xe9 talks");
    env.write("in/4-dateless.txt", "Biden and Netanyahu spoke by phone.");
    env.write(
        "in/5-impossible.txt",
        "date 2024-02-30 Biden and Netanyahu spoke.",
    );
    env.write(
        "in/6-briefs.jsonl",
        "{\"date\": \"2024-04-02\", \"text\": \"President Joe Biden and Chinese President Xi Jinping spoke by phone on Tuesday.\"}\n{\"date\": \"2024-04-03\", \"text\": oops}\n",
    );
    env.write("in/7-good.txt", GOOD);
    let (out, err) = env.fails(["add", "in"]);
    assert_eq!(
        err,
        "dateline: 1-empty.txt: empty file\n\
         dateline: 2-binary.txt: binary file (contains NUL bytes), not an article\n\
         dateline: 3-latin1.txt: not UTF-8 text (invalid byte at offset 19)\n\
         dateline: 4-dateless.txt: no publication date (add a \"date YYYY-MM-DD\" line or front matter, or pass --date)\n\
         dateline: 5-impossible.txt: publication date \"2024-02-30\": no such day\n\
         dateline: 6-briefs.jsonl:2: malformed JSON (expected value at line 1 column 32)\n"
    );
    assert!(
        out.contains("added 6-briefs.jsonl:1 (2024-04-02): 1 event"),
        "{out}"
    );
    assert!(
        out.contains("added 7-good.txt (2024-01-19): 1 event"),
        "{out}"
    );
    assert_eq!(env.json(["info"])["articles"], 2);
}

#[test]
fn a_missing_path() {
    let env = Env::new();
    env.write("good.txt", GOOD);
    let (out, err) = env.fails(["add", "nowhere.txt", "good.txt"]);
    assert_eq!(err, "dateline: nowhere.txt: no such file or folder\n");
    assert!(out.starts_with("added good.txt"), "{out}");
}

#[test]
fn unknown_and_ambiguous_actors() {
    let env = Env::new();
    env.ok(["actors", "add", "John Smith"]);
    env.ok(["actors", "add", "Adam Smith"]);
    env.ok(["actors", "add", "Joe Biden"]);
    let (_, err) = env.fails(["gaps", "Biden", "Foo"]);
    assert_eq!(err, "dateline: no actor matches \"Foo\"\n");
    let (_, err) = env.fails(["gaps", "Biden", "smith"]);
    assert_eq!(
        err,
        "dateline: \"smith\" matches several actors: Adam Smith, John Smith (use the full name)\n"
    );
    let (_, err) = env.fails(["timeline", "Nobody"]);
    assert_eq!(err, "dateline: no actor matches \"Nobody\"\n");
}

#[test]
fn a_file_that_is_not_sqlite() {
    let env = Env::new();
    std::fs::write(&env.db, "These are my notes, not a database. ".repeat(10)).unwrap();
    let before = std::fs::read(&env.db).unwrap();
    env.write("good.txt", GOOD);
    for args in [vec!["info"], vec!["add", "good.txt"], vec!["gaps", "--all"]] {
        let (_, err) = env.fails(&args);
        assert_eq!(
            err,
            format!(
                "dateline: {}: not a dateline database (file is not a database)\n",
                env.db.display()
            ),
            "{args:?}"
        );
    }
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
}

#[test]
fn a_read_only_database() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.write("good.txt", GOOD);
    env.ok(["add", "good.txt"]);
    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let size = std::fs::metadata(&env.db).unwrap().len();
    env.write("two.txt", "date 2024-03-18 US President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke on Monday.");
    let (_, err) = env.fails(["add", "two.txt"]);
    assert_eq!(
        err,
        format!("dateline: {}: database is read-only\n", env.db.display())
    );
    let (_, err) = env.fails(["event", "rm", "1"]);
    assert_eq!(
        err,
        format!("dateline: {}: database is read-only\n", env.db.display())
    );
    // Reading still works.
    assert_eq!(env.json(["info"])["articles"], 1);
    assert_eq!(std::fs::metadata(&env.db).unwrap().len(), size);
}

#[test]
fn bad_dates_in_flags() {
    let env = Env::new();
    let (_, err) = env.fails([
        "event",
        "add",
        "--kind",
        "call",
        "--date",
        "2024-02-30",
        "--actor",
        "A",
        "--actor",
        "B",
    ]);
    assert_eq!(err, "dateline: --date: \"2024-02-30\": no such day\n");
    let (_, err) = env.fails(["gaps", "A", "B", "--as-of", "someday"]);
    assert!(
        err.starts_with("dateline: --as-of: \"someday\" is not a date"),
        "{err}"
    );
    assert!(!env.db.exists());
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    let out = env.cmd(["gaps", "--all", "A"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = env.cmd(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_ids() {
    let env = Env::new();
    env.write("good.txt", GOOD);
    env.ok(["add", "good.txt"]);
    let (out, err) = env.fails(["rm", "7", "1"]);
    assert_eq!(err, "dateline: no article 7\n");
    assert_eq!(out, "removed article 1 and event 1\n");
    let (_, err) = env.fails(["show", "1"]);
    assert_eq!(err, "dateline: no article 1\n");
    let (_, err) = env.fails(["event", "edit", "9", "--note", "x"]);
    assert_eq!(err, "dateline: no event 9\n");
}
