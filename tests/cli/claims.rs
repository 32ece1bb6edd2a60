//! Stated gaps checked by kind: a claim about calls against calls, about
//! meetings against meetings, about contact against every contact.

use crate::Env;

fn status(env: &Env) -> (String, Vec<i64>) {
    let v = env.json(["claims"]);
    let c = &v.as_array().expect("an array of claims")[0];
    let conflicts = c["conflicts"]
        .as_array()
        .expect("conflicts")
        .iter()
        .map(|x| x.as_i64().expect("an event id"))
        .collect();
    (
        c["status"].as_str().expect("a status").to_string(),
        conflicts,
    )
}

#[test]
fn a_call_claim_is_checked_against_calls_only() {
    let env = Env::new();
    let article = env.write(
        "call.txt",
        "date 2024-03-20\nPresident Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke by phone on Wednesday, their first call in two months.\n",
    );
    env.ok(["add", &article.display().to_string()]);
    assert_eq!(status(&env), ("unverifiable".to_string(), vec![]));
    // a meeting inside the silence does not break a silence of calls
    env.ok([
        "event",
        "add",
        "--kind",
        "meeting",
        "--date",
        "2024-02-20",
        "--actor",
        "Biden",
        "--actor",
        "Netanyahu",
    ]);
    assert_eq!(status(&env).0, "unverifiable");
    // the call before the silence bears the claim out
    env.ok([
        "event",
        "add",
        "--kind",
        "call",
        "--date",
        "2024-01-19",
        "--actor",
        "Biden",
        "--actor",
        "Netanyahu",
    ]);
    assert_eq!(status(&env).0, "consistent");
    // a call inside it contradicts it, and is named
    let out = env.ok([
        "event",
        "add",
        "--kind",
        "call",
        "--date",
        "2024-03-01",
        "--actor",
        "Biden",
        "--actor",
        "Netanyahu",
    ]);
    let id: i64 = out
        .split_whitespace()
        .nth(2)
        .and_then(|w| w.trim_end_matches(':').parse().ok())
        .unwrap_or_else(|| panic!("an event id in {out:?}"));
    assert_eq!(status(&env), ("contradicted".to_string(), vec![id]));
    let table = env.ok(["claims", "--status", "contradicted"]);
    assert!(table.contains("call 2024-03-01"), "{table}");
    assert!(table.contains("recorded by hand"), "{table}");
    let none = env.json(["claims", "--status", "consistent"]);
    assert_eq!(none.as_array().map(Vec::len), Some(0));
}

#[test]
fn a_contact_claim_is_checked_against_every_contact() {
    let env = Env::new();
    let article = env.write(
        "contact.txt",
        "date 2024-03-20\nPresident Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke on Wednesday, the first interaction between the two leaders in 27 days.\n",
    );
    env.ok(["add", &article.display().to_string()]);
    env.ok([
        "event",
        "add",
        "--kind",
        "meeting",
        "--date",
        "2024-03-01",
        "--actor",
        "Biden",
        "--actor",
        "Netanyahu",
    ]);
    assert_eq!(status(&env).0, "contradicted");
}

#[test]
fn a_meeting_claim_ignores_calls() {
    let env = Env::new();
    let article = env.write(
        "meeting.txt",
        "date 2023-11-16\nPresident Joe Biden met Chinese President Xi Jinping on Wednesday, their first face-to-face meeting in a year.\n",
    );
    env.ok(["add", &article.display().to_string()]);
    env.ok([
        "event",
        "add",
        "--kind",
        "call",
        "--date",
        "2023-06-01",
        "--actor",
        "Biden",
        "--actor",
        "Xi",
    ]);
    env.ok([
        "event",
        "add",
        "--kind",
        "meeting",
        "--date",
        "2022-11-14",
        "--actor",
        "Biden",
        "--actor",
        "Xi",
    ]);
    assert_eq!(status(&env).0, "consistent");
}

#[test]
fn a_contradiction_names_the_article_that_reports_the_contact() {
    let env = Env::new();
    let claim = env.write(
        "claim.txt",
        "date 2024-03-20\nPresident Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke on Wednesday, the first interaction between the two leaders in 27 days.\n",
    );
    let earlier = env.write(
        "earlier.md",
        "---\ntitle: Biden and Netanyahu meet\ndate: 2024-03-02\n---\nPresident Joe Biden met Israeli Prime Minister Benjamin Netanyahu on Friday.\n",
    );
    env.ok([
        "add",
        &claim.display().to_string(),
        &earlier.display().to_string(),
    ]);
    let table = env.ok(["claims", "--status", "contradicted"]);
    assert!(table.contains("meeting 2024-03-01"), "{table}");
    assert!(table.contains("Biden and Netanyahu meet"), "{table}");
}
