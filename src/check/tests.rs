use super::*;
use crate::model::ActorName;
use pretty_assertions::assert_eq;

fn s(v: &str) -> Span {
    Span::parse_value(v).unwrap()
}

fn claim(min: Option<i64>, max: Option<i64>, basis: Basis, ending: &str) -> Claim {
    Claim {
        id: 1,
        article: 1,
        actors: [
            ActorName {
                id: 1,
                name: "Joe Biden".into(),
            },
            ActorName {
                id: 2,
                name: "Benjamin Netanyahu".into(),
            },
        ],
        text: "first interaction between the two leaders in 27 days".into(),
        min_days: min,
        max_days: max,
        basis,
        first_ever: false,
        ending_event: Some(100),
        ending: Some(s(ending)),
        implied_previous: None,
        evidence: None,
    }
}

fn c(event: i64, kind: EventKind, date: &str) -> Contact {
    Contact {
        event,
        kind,
        span: s(date),
    }
}

use EventKind::{Call, Meeting, Visit};

#[test]
fn the_model_case() {
    let claim = claim(Some(27), Some(27), Basis::Contact, "2024-01-19");
    let ending = c(100, Call, "2024-01-19");
    // Only the ending call: nothing to check against.
    let v = check(&claim, &[ending]);
    assert_eq!(v.status, Status::Unverifiable);
    assert_eq!(
        v.reason,
        "no earlier contact recorded (implied: 2023-12-23)"
    );
    // The implied call recorded: consistent.
    let v = check(&claim, &[c(7, Call, "2023-12-23"), ending]);
    assert_eq!(v.status, Status::Consistent, "{}", v.reason);
    assert_eq!(
        v.reason,
        "previous: call 2023-12-23 (event 7), 27 days before"
    );
    // A call inside the silence: contradicted, naming it.
    let v = check(
        &claim,
        &[c(7, Call, "2023-12-23"), c(8, Call, "2024-01-05"), ending],
    );
    assert_eq!(v.status, Status::Contradicted);
    assert_eq!(v.conflicts, vec![8]);
    assert_eq!(
        v.reason,
        "call 2024-01-05 (event 8) is inside the silence, 14 days before 2024-01-19"
    );
}

#[test]
fn statuses() {
    // (min, max, basis, ending, contacts, expected status, conflicts)
    #[allow(clippy::type_complexity)]
    let cases: Vec<(
        Option<i64>,
        Option<i64>,
        Basis,
        &str,
        Vec<Contact>,
        Status,
        Vec<i64>,
    )> = vec![
        // four months (107..137) with the previous call on March 18: consistent
        (
            Some(107),
            Some(137),
            Basis::Call,
            "2022-07-28",
            vec![c(1, Call, "2022-03-18")],
            Status::Consistent,
            vec![],
        ),
        // "more than a month", previous 59 days before: consistent (open max)
        (
            Some(31),
            None,
            Basis::Contact,
            "2024-03-18",
            vec![c(1, Call, "2024-01-19")],
            Status::Consistent,
            vec![],
        ),
        // a meeting does not contradict a claim about calls
        (
            Some(27),
            Some(27),
            Basis::Call,
            "2024-01-19",
            vec![c(1, Call, "2023-12-23"), c(2, Meeting, "2024-01-10")],
            Status::Consistent,
            vec![],
        ),
        // ... but does contradict one about any contact
        (
            Some(27),
            Some(27),
            Basis::Contact,
            "2024-01-19",
            vec![c(1, Call, "2023-12-23"), c(2, Meeting, "2024-01-10")],
            Status::Contradicted,
            vec![2],
        ),
        // a visit counts as a meeting
        (
            Some(335),
            Some(396),
            Basis::Meeting,
            "2023-11-15",
            vec![c(1, Meeting, "2022-11-14"), c(2, Visit, "2023-06-01")],
            Status::Contradicted,
            vec![2],
        ),
        // "since September 2022" against a month-precise previous call
        (
            Some(1005),
            Some(1034),
            Basis::Contact,
            "2025-07-01",
            vec![c(1, Call, "2022-09")],
            Status::Consistent,
            vec![],
        ),
        // the last recorded contact is far older than claimed: a later one is missing
        (
            Some(27),
            Some(27),
            Basis::Contact,
            "2024-01-19",
            vec![c(1, Call, "2023-06-01")],
            Status::Unverifiable,
            vec![],
        ),
        // a month-precise contact that may or may not fit
        (
            Some(27),
            Some(27),
            Basis::Contact,
            "2024-01-19",
            vec![c(1, Call, "2023-12")],
            Status::Unverifiable,
            vec![],
        ),
        // a contact after the ending does not matter
        (
            Some(27),
            Some(27),
            Basis::Contact,
            "2024-01-19",
            vec![c(1, Call, "2023-12-23"), c(2, Call, "2024-02-01")],
            Status::Consistent,
            vec![],
        ),
        // no length stated
        (
            None,
            None,
            Basis::Contact,
            "2024-01-19",
            vec![c(1, Call, "2023-12-23")],
            Status::Unverifiable,
            vec![],
        ),
    ];
    for (i, (min, max, basis, ending, contacts, status, conflicts)) in cases.into_iter().enumerate()
    {
        let v = check(&claim(min, max, basis, ending), &contacts);
        assert_eq!(
            (v.status, v.conflicts.clone()),
            (status, conflicts),
            "case {i}: {}",
            v.reason
        );
        assert!(!v.reason.is_empty() && !v.reason.contains('\n'));
    }
}

#[test]
fn first_ever() {
    let mut claim = claim(None, None, Basis::Meeting, "2024-01-19");
    claim.first_ever = true;
    assert_eq!(
        check(&claim, &[c(1, Call, "2023-01-01")]).status,
        Status::Consistent
    );
    let v = check(&claim, &[c(1, Meeting, "2023-01-01")]);
    assert_eq!((v.status, v.conflicts), (Status::Contradicted, vec![1]));
}

#[test]
fn ending_from_the_event_when_no_date() {
    let mut claim = claim(Some(27), Some(27), Basis::Contact, "2024-01-19");
    claim.ending = None;
    let contacts = [c(5, Call, "2023-12-23"), c(100, Call, "2024-01-19")];
    assert_eq!(ending_of(&claim, &contacts), Some(s("2024-01-19")));
    assert_eq!(check(&claim, &contacts).status, Status::Consistent);
    claim.ending_event = None;
    assert_eq!(check(&claim, &contacts).status, Status::Unverifiable);
}

#[test]
fn implied_previous_from_the_range() {
    let claim = claim(Some(107), Some(137), Basis::Call, "2022-07-28");
    assert_eq!(
        implied_previous(&claim, claim.ending).map(|s| s.value()),
        Some("2022-03-13..2022-04-12".into())
    );
}
