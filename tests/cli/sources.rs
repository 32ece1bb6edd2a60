//! One event, many sources: the same contact reported by several articles
//! is one event with each article as a source, whatever the order.

use crate::Env;
use std::path::Path;

fn dev(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dev/articles");
    let found = std::fs::read_dir(&dir)
        .expect("the dev corpus")
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with(name))
        .unwrap_or_else(|| panic!("no dev article {name}"));
    found.path().display().to_string()
}

/// Events as sorted `date kind actors sources` lines, ids left out.
fn summary(env: &Env) -> Vec<String> {
    let v = env.json(["events"]);
    let mut out: Vec<String> = v
        .as_array()
        .expect("an array of events")
        .iter()
        .map(|e| {
            let mut actors: Vec<String> = e["actors"]
                .as_array()
                .expect("actors")
                .iter()
                .map(|a| a.as_str().expect("a name").to_string())
                .collect();
            actors.sort();
            format!(
                "{} {} {} sources={}",
                e["date"].as_str().expect("date"),
                e["kind"].as_str().expect("kind"),
                actors.join("|"),
                e["sources"].as_array().expect("sources").len()
            )
        })
        .collect();
    out.sort();
    out
}

const ARTICLES: [&str; 4] = ["42-", "27-", "35-", "48-"];

#[test]
fn the_same_articles_in_any_order_give_the_same_events() {
    let forward = Env::new();
    let mut args = vec!["add".to_string()];
    args.extend(ARTICLES.iter().map(|a| dev(a)));
    forward.ok(&args);
    let backward = Env::new();
    let mut args = vec!["add".to_string()];
    args.extend(ARTICLES.iter().rev().map(|a| dev(a)));
    backward.ok(&args);
    let a = summary(&forward);
    assert_eq!(a, summary(&backward));
    // the 12 February call is reported by all four articles
    assert!(
        a.contains(&"2025-02-12 call Donald Trump|Vladimir Putin sources=4".to_string()),
        "{a:#?}"
    );
    assert!(
        a.contains(&"2025-03-18 call Donald Trump|Vladimir Putin sources=2".to_string()),
        "{a:#?}"
    );
}

#[test]
fn removing_one_source_keeps_the_event() {
    let env = Env::new();
    let out = env.ok(["add", &dev("42-"), &dev("27-")]);
    assert!(out.contains("(same as event"), "{out}");
    let articles = env.json(["articles"]);
    let first = articles[0]["id"].as_i64().expect("an article id");
    env.ok(["rm", &first.to_string()]);
    let after = summary(&env);
    assert!(
        after.contains(&"2025-02-12 call Donald Trump|Vladimir Putin sources=1".to_string()),
        "{after:#?}"
    );
    // the event only the removed article reported is gone
    assert!(!after.iter().any(|e| e.contains("Zelensky")), "{after:#?}");
}
