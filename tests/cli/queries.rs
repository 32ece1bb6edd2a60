//! Queries over the bundled examples: the JSON contract, tables, actors.

use super::*;
use pretty_assertions::assert_eq;

fn with_examples() -> Env {
    let env = Env::new();
    env.ok(["add", &examples().display().to_string()]);
    env
}

fn keys(v: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn json_shapes_follow_the_contract() {
    let env = with_examples();
    let events = env.json(["events"]);
    assert_eq!(
        keys(&events[0]),
        [
            "actors",
            "date",
            "end",
            "id",
            "kind",
            "note",
            "origin",
            "precision",
            "sources"
        ]
    );
    assert_eq!(
        keys(&events[0]["sources"][0]),
        ["article", "evidence", "path", "title", "url"]
    );

    let gaps = env.json(["gaps", "Biden", "Xi"]);
    assert_eq!(keys(&gaps), ["actors", "contacts", "summary"]);
    assert_eq!(
        keys(&gaps["contacts"][0]),
        [
            "date",
            "event",
            "gap_days",
            "gap_max_days",
            "gap_min_days",
            "kind",
            "precision"
        ]
    );
    let claims = env.json(["claims"]);
    assert_eq!(
        keys(&claims[0]),
        [
            "actors",
            "article",
            "conflicts",
            "ending",
            "id",
            "implied_previous",
            "max_days",
            "min_days",
            "precision",
            "status",
            "text"
        ]
    );
    // "more than a month": an open range.
    let open = claims
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("more than a month"))
        .expect("the open claim");
    assert_eq!(
        (open["min_days"].clone(), open["max_days"].clone()),
        (serde_json::json!(31), serde_json::Value::Null)
    );
}

#[test]
fn month_precise_gaps_are_ranges() {
    let env = with_examples();
    let gaps = env.json(["gaps", "Modi", "Xi", "--as-of", "2024-12-01"]);
    let contacts = gaps["contacts"].as_array().unwrap();
    let dates: Vec<&str> = contacts
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2019-10", "2023-08", "2024-10-23"]);
    assert_eq!(contacts[0]["precision"], "month");
    // Never an invented day: a range, and no exact number.
    assert_eq!(contacts[2]["gap_days"], serde_json::Value::Null);
    assert_eq!(
        (
            contacts[2]["gap_min_days"].clone(),
            contacts[2]["gap_max_days"].clone()
        ),
        (serde_json::json!(419), serde_json::json!(449))
    );
    assert_eq!(gaps["summary"]["days_since_last"]["days"], 39.0);
    assert_eq!(gaps["summary"]["as_of"], "2024-12-01");
}

#[test]
fn gaps_of_everyone() {
    let env = with_examples();
    let pairs = env.json(["gaps", "--all", "--sort", "count", "--top", "2"]);
    assert_eq!(pairs.as_array().unwrap().len(), 2);
    assert_eq!(
        pairs[0]["actors"],
        serde_json::json!(["Joe Biden", "Xi Jinping"])
    );
    assert_eq!(pairs[0]["count"], 5);
    assert_eq!(pairs[0]["last"], "2024-04-02");
    let table = env.ok(["gaps", "--all", "--min-contacts", "3"]);
    assert_eq!(
        table.lines().filter(|l| l.starts_with("│ ")).count(),
        3,
        "{table}"
    );
}

#[test]
fn timeline_of_an_actor_and_a_pair() {
    let env = with_examples();
    let t = env.json(["timeline", "Putin"]);
    let dates: Vec<&str> = t
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2024-11-15", "2025-07-01"]);
    let t = env.json(["timeline", "biden", "xi"]);
    let gaps: Vec<serde_json::Value> = t
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["gap_days"].clone())
        .collect();
    assert_eq!(
        gaps,
        [
            serde_json::Value::Null,
            132.into(),
            109.into(),
            366.into(),
            139.into()
        ]
    );
    let csv = env.ok(["timeline", "biden", "xi", "--format", "csv"]);
    assert!(
        csv.starts_with(
            "event,kind,date,end,precision,actors,gap_days,gap_min_days,gap_max_days,evidence\n"
        ),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 6);
    env.ok(["timeline", "--format", "json", "-o", "t.json"]);
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.dir.path().join("t.json")).unwrap()).unwrap();
    assert_eq!(
        written.as_array().unwrap().len(),
        env.json(["events"]).as_array().unwrap().len()
    );
}

#[test]
fn events_filters() {
    let env = with_examples();
    let calls = env.json([
        "events", "--actor", "Biden", "--kind", "call", "--since", "2023", "--until", "2024-03",
    ]);
    let dates: Vec<&str> = calls
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2023-03-06", "2024-01-19", "2024-03-18"]);
    let manual = env.json(["events", "--origin", "manual"]);
    assert_eq!(manual, serde_json::json!([]));
    // Five leaders on one call: one event, ten pairs.
    let video = env.json(["events", "--actor", "Draghi"]);
    assert_eq!(video[0]["actors"].as_array().unwrap().len(), 5);
    assert_eq!(env.json(["info"])["contacts"].as_i64().unwrap() >= 10, true);
}

#[test]
fn actors_alias_rename_merge() {
    let env = with_examples();
    assert_eq!(
        env.ok(["actors", "alias", "The Chancellor", "Scholz"]),
        "Olaf Scholz is now also \"The Chancellor\"\n"
    );
    assert_eq!(
        env.json(["gaps", "the chancellor", "putin"])["summary"]["count"],
        1
    );
    assert_eq!(
        env.ok([
            "actors",
            "rename",
            "Putin",
            "Vladimir Vladimirovich Putin Jr"
        ]),
        "renamed Vladimir Putin to Vladimir Vladimirovich Putin Jr\n"
    );
    assert_eq!(
        env.json(["gaps", "Vladimir Putin", "Macron"])["actors"][0],
        "Vladimir Vladimirovich Putin Jr"
    );
    env.ok(["actors", "add", "V. Putin"]);
    env.ok([
        "event",
        "add",
        "--kind",
        "meeting",
        "--date",
        "2019-12-09",
        "--actor",
        "V. Putin",
        "--actor",
        "Macron",
    ]);
    assert_eq!(
        env.ok([
            "actors",
            "merge",
            "V. Putin",
            "Vladimir Vladimirovich Putin Jr"
        ]),
        "merged V. Putin into Vladimir Vladimirovich Putin Jr\n"
    );
    let gaps = env.json(["gaps", "Macron", "Putin"]);
    assert_eq!(gaps["summary"]["count"], 2);
    assert_eq!(gaps["contacts"][0]["date"], "2019-12-09");
    let show = env.ok(["actors", "show", "xi"]);
    assert!(show.starts_with("Xi Jinping (actor "), "{show}");
    assert!(show.contains("│ Joe Biden      ┆ 5 "), "{show}");
}

/// Names are found without their accents, including letters that Unicode
/// does not decompose (Ł, ø, ı, ß), by full name and by surname.
#[test]
fn names_are_found_as_typed_without_their_letters() {
    let env = Env::new();
    for name in ["Lech Wałęsa", "Lars Løkke Rasmussen", "Kemal Kılıçdaroğlu"] {
        env.ok(["actors", "add", name]);
    }
    let mut call: Vec<&str> = "event add --kind call --date 2024-05-02"
        .split(' ')
        .collect();
    call.extend(["--actor", "Lech Wałęsa", "--actor", "Lars Løkke Rasmussen"]);
    env.ok(call);
    for (a, b) in [
        ("lech walesa", "lars lokke rasmussen"),
        ("WALESA", "Rasmussen"),
        ("Wałęsa", "Lars LØKKE Rasmussen"),
    ] {
        let gaps = env.json(["gaps", a, b]);
        assert_eq!(gaps["summary"]["count"], 1, "{a} / {b}");
    }
    let show = env.ok(["actors", "show", "kilicdaroglu"]);
    assert!(show.starts_with("Kemal Kılıçdaroğlu (actor "), "{show}");
}

#[test]
fn event_edit_and_rm() {
    let env = with_examples();
    let out = env.ok([
        "event",
        "add",
        "--kind",
        "call",
        "--date",
        "yesterday",
        "--ref",
        "2022-09-16",
        "--actor",
        "Macron",
        "--actor",
        "Putin",
        "--note",
        "by hand",
    ]);
    assert_eq!(
        out,
        "recorded event 18: call 2022-09-15 Emmanuel Macron — Vladimir Putin\n"
    );
    assert_eq!(
        env.json(["claims"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["status"] == "consistent")
            .count(),
        6
    );
    let out = env.ok([
        "event", "edit", "18", "--date", "2022-09", "--kind", "meeting",
    ]);
    assert_eq!(
        out,
        "updated event 18: meeting 2022-09 Emmanuel Macron — Vladimir Putin\n"
    );
    let e = &env.json(["events", "--origin", "manual"])[0];
    assert_eq!(
        (e["date"].clone(), e["end"].clone(), e["note"].clone()),
        ("2022-09".into(), "2022-09-30".into(), "by hand".into())
    );
    assert_eq!(env.ok(["event", "rm", "18"]), "removed event 18\n");
    assert_eq!(
        env.json(["events", "--origin", "manual"]),
        serde_json::json!([])
    );
}

#[test]
fn show_an_article() {
    let env = with_examples();
    let out = env.ok(["show", "1"]);
    assert!(
        out.starts_with("article 1: 01-biden-netanyahu-call.txt\ndate:    2024-01-19\n"),
        "{out}"
    );
    assert!(
        out.contains("first interaction between the two leaders in 27 days"),
        "{out}"
    );
    let articles = env.ok(["articles"]);
    assert!(
        articles
            .contains("Readout of President Biden's Call with Prime Minister Trudeau of Canada"),
        "{articles}"
    );
}
