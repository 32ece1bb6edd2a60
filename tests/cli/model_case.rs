//! Issue 3, point 5: the article the project was created from, end to end.

use super::*;
use pretty_assertions::assert_eq;

#[test]
fn biden_netanyahu_27_days() {
    let env = Env::new();
    let path = example("01-biden-netanyahu-call.txt").display().to_string();
    let out = env.ok(["add", &path]);
    assert!(
        out.starts_with(&format!(
            "added {} (2024-01-19): 1 event, 1 claim\n  call 2024-01-19 Joe Biden — Benjamin Netanyahu\n",
            path
        )),
        "{out}"
    );

    // gaps shows the call.
    let gaps = env.json(["gaps", "Biden", "Netanyahu"]);
    assert_eq!(
        gaps["actors"],
        serde_json::json!(["Joe Biden", "Benjamin Netanyahu"])
    );
    assert_eq!(gaps["contacts"][0]["date"], "2024-01-19");
    assert_eq!(gaps["contacts"][0]["kind"], "call");
    assert_eq!(gaps["summary"]["count"], 1);

    // The claim: 27 days, implied 2023-12-23, unverifiable for now.
    let claims = env.json(["claims"]);
    assert_eq!(claims.as_array().unwrap().len(), 1);
    let c = &claims[0];
    assert_eq!(c["min_days"], 27);
    assert_eq!(c["max_days"], 27);
    assert_eq!(c["ending"], "2024-01-19");
    assert_eq!(c["implied_previous"], "2023-12-23");
    assert_eq!(c["status"], "unverifiable");
    assert_eq!(
        c["actors"],
        serde_json::json!(["Joe Biden", "Benjamin Netanyahu"])
    );

    // Record the previous call by hand ...
    let out = env.ok([
        "event",
        "add",
        "--kind",
        "call",
        "--date",
        "2023-12-23",
        "--actor",
        "Biden",
        "--actor",
        "Netanyahu",
    ]);
    assert_eq!(
        out,
        "recorded event 2: call 2023-12-23 Joe Biden — Benjamin Netanyahu\n"
    );

    // ... and the claim holds, and gaps shows 27 days before the call.
    let claims = env.json(["claims"]);
    assert_eq!(claims[0]["status"], "consistent");
    assert_eq!(claims[0]["conflicts"], serde_json::json!([]));
    let gaps = env.json(["gaps", "biden", "NETANYAHU"]);
    assert_eq!(gaps["contacts"][1]["date"], "2024-01-19");
    assert_eq!(gaps["contacts"][1]["gap_days"], 27);
    let table = env.ok(["gaps", "Biden", "Netanyahu"]);
    assert!(table.contains("│ 2024-01-19 ┆ call ┆ 27 "), "{table}");
    assert!(
        table.contains("gap:      min 27, median 27, mean 27, max 27 days"),
        "{table}"
    );

    // A call inside the claimed silence contradicts it, by name.
    env.ok([
        "event",
        "add",
        "--kind",
        "call",
        "--date",
        "2024-01-05",
        "--actor",
        "Joe Biden",
        "--actor",
        "Benjamin Netanyahu",
    ]);
    let claims = env.json(["claims"]);
    assert_eq!(claims[0]["status"], "contradicted");
    assert_eq!(claims[0]["conflicts"], serde_json::json!([3]));
    let table = env.ok(["claims", "--status", "contradicted"]);
    assert!(
        table.contains("call 2024-01-05 (event 3) is inside the silence"),
        "{table}"
    );
}
