//! Concurrent use: two `add` processes and `gaps --all` readers on the same
//! database at once all succeed (WAL, a busy timeout, short IMMEDIATE write
//! transactions), no "database is locked" reaches the user, and the counts
//! come out right.

use super::*;
use pretty_assertions::assert_eq;
use std::process::{Command, Output, Stdio};

fn output_of(mut cmd: Command) -> std::thread::JoinHandle<Output> {
    std::thread::spawn(move || cmd.stdin(Stdio::null()).output().expect("dateline runs"))
}

fn assert_succeeded(what: &str, out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{what}: exit {:?}\n{stderr}",
        out.status.code()
    );
    assert!(
        !stderr.contains("locked") && !stderr.contains("busy"),
        "{what}: {stderr}"
    );
}

#[test]
fn two_adds_and_a_reader_at_once() {
    let env = Env::new();
    // Overlapping folders: articles 200..400 are in both, so the two
    // processes race to record the same articles too.
    write_articles(&env.dir.path().join("a"), 0, 400);
    write_articles(&env.dir.path().join("b"), 200, 400);
    // No database yet: the two writers also race to create it.
    let a = output_of(env.std_cmd(["add", "a"]));
    let b = output_of(env.std_cmd(["add", "b"]));
    let mut reads = 0;
    while !(a.is_finished() && b.is_finished()) {
        let out = env.std_cmd(["gaps", "--all"]).output().unwrap();
        assert_succeeded("gaps --all", &out);
        reads += 1;
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let (a, b) = (a.join().unwrap(), b.join().unwrap());
    assert_succeeded("add a", &a);
    assert_succeeded("add b", &b);
    let added = |o: &Output| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .filter(|l| l.starts_with("added "))
            .count()
    };
    let skipped = |o: &Output| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .filter(|l| l.starts_with("skipped "))
            .count()
    };
    // Every article recorded once, by one of the two.
    assert_eq!(added(&a) + added(&b), 600);
    assert_eq!(skipped(&a) + skipped(&b), 200);
    let info = env.json(["info"]);
    for (what, n) in [
        ("articles", 600),
        ("events", 1200),
        ("sources", 1200),
        ("contacts", 1200),
    ] {
        assert_eq!(info[what], n, "{what}");
    }
    assert_eq!(
        env.ok(["check"]),
        "integrity: ok\nforeign keys: ok\ncontacts: ok\n"
    );
    let pairs = env.json(["gaps", "--all"]);
    let counts: Vec<i64> = pairs
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["count"].as_i64().unwrap())
        .collect();
    assert_eq!(counts, [600, 600], "{pairs}");
    eprintln!(
        "two adds ({} and {} added) with {reads} gaps --all runs meanwhile",
        added(&a),
        added(&b)
    );
}
