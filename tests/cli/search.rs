//! `search`: full-text search of the bundled examples.

use super::*;
use pretty_assertions::assert_eq;

fn with_examples() -> Env {
    let env = Env::new();
    env.ok(["add", &examples().display().to_string()]);
    env
}

fn articles(v: &serde_json::Value) -> Vec<i64> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|h| h["article"].as_i64().expect("an id"))
        .collect()
}

#[test]
fn json_hits_follow_the_contract() {
    let env = with_examples();
    let hits = env.json(["search", "netanyahu"]);
    let first = &hits[0];
    let mut keys: Vec<&String> = first.as_object().expect("an object").keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["article", "date", "events", "rank", "snippet", "title"]
    );
    // Article 8 has the name in its title too.
    assert_eq!(articles(&hits), [8, 1]);
    assert_eq!(first["date"], "2024-03-18");
    assert_eq!(first["title"], "Biden, Netanyahu speak amid Rafah dispute");
    assert_eq!(first["events"], serde_json::json!([12]));
    let snippet = first["snippet"].as_str().expect("a snippet");
    assert!(snippet.contains("«Netanyahu»"), "{snippet}");
    let ranks: Vec<f64> = hits
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["rank"].as_f64().expect("a rank"))
        .collect();
    assert!(ranks[0] >= ranks[1] && ranks[1] > 0.0, "{ranks:?}");
}

#[test]
fn operators_phrases_prefixes_and_dates() {
    let env = with_examples();
    let ids = |args: &[&str]| {
        let mut all = vec!["search"];
        all.extend_from_slice(args);
        articles(&env.json(all))
    };
    let mut biden_xi = ids(&["biden", "xi"]);
    biden_xi.sort_unstable();
    assert_eq!(biden_xi, [2, 6, 7]);
    let mut either = ids(&["scholz OR trudeau"]);
    either.sort_unstable();
    assert_eq!(either, [3, 11, 12]);
    let without = ids(&["biden xi NOT summit"]);
    assert!(!without.is_empty() && !without.contains(&6), "{without:?}");
    assert_eq!(ids(&["\"face-to-face meeting\""]), [6]);
    assert_eq!(ids(&["kaza*"]), [4]);
    assert_eq!(ids(&["title:modi"]), [4]);
    assert_eq!(ids(&["title:(modi OR putin)"]).len(), 2);
    assert_eq!(
        ids(&["biden", "--since", "2024-01-01", "--until", "2024-03"]),
        [8, 1]
    );
    assert_eq!(ids(&["biden", "--limit", "1"]).len(), 1);
    assert_eq!(env.json(["search", "zyzzyva"]), serde_json::json!([]));
}

#[test]
fn text_marks_hits_and_lists_events() {
    let env = with_examples();
    let out = env.ok(["search", "netanyahu", "--until", "2024-01-31"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("article 1 · 2024-01-19 · ") && lines[0].contains(" · rank "),
        "{out}"
    );
    assert!(
        lines[1].contains("«Netanyahu»") && !lines[1].contains('\x1b'),
        "{out}"
    );
    assert_eq!(
        lines[2],
        "  event 1: call 2024-01-19 Joe Biden — Benjamin Netanyahu"
    );
    assert_eq!(
        env.ok(["search", "zyzzyva"]),
        "no article matches \"zyzzyva\"\n"
    );
}

#[test]
fn malformed_queries_are_plain_errors() {
    let env = with_examples();
    for (query, reason) in [
        (
            "\"unbalanced",
            "the phrase \"unbalanced has no closing quote: add a \" at its end",
        ),
        (
            "AND",
            "AND needs a word before it: write a word on each side (biden AND xi)",
        ),
        (
            "foo NOT",
            "NOT needs a word after it: it excludes what follows (biden NOT xi)",
        ),
        ("(biden", "a ( is never closed (add the missing \")\")"),
    ] {
        let (out, err) = env.fails(["search", query]);
        assert_eq!(out, "");
        assert_eq!(
            err,
            format!("dateline: search query '{query}': {reason}\n"),
            "{query}"
        );
        assert!(!err.contains("fts5") && !err.contains("SQL"), "{err}");
    }
}

#[test]
fn color_marks_hits_only_when_asked() {
    let env = with_examples();
    let out = env.ok(["--color", "always", "search", "netanyahu", "--limit", "1"]);
    assert!(out.contains("\x1b[1;31mNetanyahu\x1b[0m"), "{out:?}");
    assert!(!out.contains('«'), "{out:?}");
    let out = env.ok(["--color", "never", "search", "netanyahu", "--limit", "1"]);
    assert!(
        !out.contains('\x1b') && out.contains("«Netanyahu»"),
        "{out:?}"
    );
    let json = env.ok(["--color", "always", "--json", "search", "netanyahu"]);
    assert!(!json.contains('\x1b'), "{json:?}");
}
