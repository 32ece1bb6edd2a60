//! `timeline --format timelinejs`: the fields TimelineJS 3 reads, with the
//! date fields following each date's precision.

use super::*;
use pretty_assertions::assert_eq;
use serde_json::{json, Value};

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

#[test]
fn timelinejs_of_the_examples() {
    let env = Env::new();
    env.ok(["add", &examples().display().to_string()]);
    let out = env.ok(["timeline", "--format", "timelinejs"]);
    let tl: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(keys(&tl), ["events", "title"]);
    assert_eq!(tl["title"]["text"]["headline"], "Contacts");
    assert!(tl["title"]["text"]["text"]
        .as_str()
        .unwrap()
        .contains("17 events"));

    let events = tl["events"].as_array().unwrap();
    let listed = env.json(["timeline"]);
    assert_eq!(events.len(), listed.as_array().unwrap().len());
    let mut ids = std::collections::HashSet::new();
    for (e, row) in events.iter().zip(listed.as_array().unwrap()) {
        assert_eq!(keys(e), ["group", "start_date", "text", "unique_id"], "{e}");
        assert_eq!(keys(&e["text"]), ["headline", "text"]);
        let actors: Vec<&str> = row["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert_eq!(e["group"], actors.join(" — "));
        assert_eq!(
            e["text"]["headline"],
            format!("{}: {}", row["kind"].as_str().unwrap(), actors.join(" — "))
        );
        assert_eq!(e["unique_id"], format!("event-{}", row["id"]));
        assert!(ids.insert(e["unique_id"].to_string()), "unique ids");
        // The precision rule: a month-precise date has no day, a day-precise one has all three.
        let date = row["date"].as_str().unwrap();
        let start = &e["start_date"];
        match row["precision"].as_str().unwrap() {
            "day" => assert_eq!(keys(start), ["day", "month", "year"], "{date}"),
            "month" => assert_eq!(keys(start), ["month", "year"], "{date}"),
            "year" => assert_eq!(keys(start), ["year"], "{date}"),
            other => panic!("no {other} dates in the examples"),
        }
        assert_eq!(start["year"], date[..4].parse::<i64>().unwrap());
        // Evidence and sources in the text.
        let text = e["text"]["text"].as_str().unwrap();
        let evidence = row["sources"][0]["evidence"].as_str().unwrap_or("");
        let escaped = evidence
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;");
        assert!(
            text.contains(&format!("<blockquote>{escaped}</blockquote>")),
            "{text}"
        );
        assert!(text.contains("<p>Sources: "), "{text}");
    }
    let modi_2019 = events
        .iter()
        .find(|e| e["group"] == "Narendra Modi — Xi Jinping")
        .unwrap();
    assert_eq!(modi_2019["start_date"], json!({"year": 2019, "month": 10}));
    let biden_xi = events
        .iter()
        .find(|e| e["group"] == "Joe Biden — Xi Jinping")
        .unwrap();
    assert_eq!(
        biden_xi["start_date"],
        json!({"year": 2022, "month": 3, "day": 18})
    );
}

#[test]
fn ranges_have_an_end_date_and_text_is_escaped() {
    let env = Env::new();
    env.ok([
        "event",
        "add",
        "--kind",
        "visit",
        "--date",
        "2024-01-03..2024-01-05",
        "--actor",
        "<b>Ann</b>",
        "--actor",
        "Bo & Co",
        "--note",
        "\"quoted\" <i>",
    ]);
    let path = env.dir.path().join("tl.json");
    assert_eq!(
        env.ok([
            "timeline",
            "--format",
            "timelinejs",
            "-o",
            &path.display().to_string()
        ]),
        ""
    );
    let tl: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let e = &tl["events"][0];
    assert_eq!(e["start_date"], json!({"year": 2024, "month": 1, "day": 3}));
    assert_eq!(e["end_date"], json!({"year": 2024, "month": 1, "day": 5}));
    assert_eq!(
        e["text"]["headline"],
        "visit: &lt;b&gt;Ann&lt;/b&gt; — Bo &amp; Co"
    );
    assert_eq!(e["group"], "&lt;b&gt;Ann&lt;/b&gt; — Bo &amp; Co");
    assert_eq!(
        e["text"]["text"],
        "<p>Note: &quot;quoted&quot; &lt;i&gt;</p>"
    );
}
