//! `when`: the temporal resolver as a command.

use crate::Env;
use rstest::rstest;

#[rstest]
#[case("last tuesday", "2024-01-19", "past", "day\t2024-01-16")]
#[case("yesterday", "2023-03-07", "past", "day\t2023-03-06")]
#[case("last week", "2024-01-19", "past", "week\t2024-W02")]
#[case("earlier this month", "2024-01-19", "past", "month\t2024-01")]
#[case("in 2018", "2024-01-19", "past", "year\t2018")]
#[case("Jan. 3-5", "2024-01-19", "past", "range\t2024-01-03..2024-01-05")]
#[case("Dec. 30", "2024-01-05", "past", "day\t2023-12-30")]
#[case("on Thursday", "2022-07-29", "past", "day\t2022-07-28")]
#[case("next friday", "2024-01-19", "past", "day\t2024-01-26")]
#[case("Thursday", "2024-01-19", "future", "day\t2024-01-25")]
#[case("christmas", "2024-01-19", "past", "day\t2023-12-25")]
#[case("thanksgiving 2023", "2024-01-19", "past", "day\t2023-11-23")]
#[case("easter 2024", "2024-01-19", "past", "day\t2024-03-31")]
#[case("last spring", "2024-01-19", "past", "range\t2023-03-01..2023-05-31")]
#[case("the summer", "2024-01-19", "future", "range\t2024-06-01..2024-08-31")]
#[case("winter 2023", "2024-01-19", "past", "range\t2023-12-01..2024-02-29")]
#[case("Q3 2023", "2024-01-19", "past", "range\t2023-07-01..2023-09-30")]
#[case(
    "the first half of 2023",
    "2024-01-19",
    "past",
    "range\t2023-01-01..2023-06-30"
)]
#[case("a fortnight ago", "2024-01-19", "past", "week\t2024-W01")]
#[case("the fifth of January", "2024-01-19", "past", "day\t2024-01-05")]
#[case("the past week", "2024-01-19", "past", "range\t2024-01-12..2024-01-18")]
#[case("three days later", "2024-01-19", "past", "day\t2024-01-22")]
#[case("this time last year", "2024-01-19", "past", "day\t2023-01-19")]
#[case("last decade", "2024-01-19", "past", "range\t2010-01-01..2019-12-31")]
#[case("19.01.2024", "2024-01-19", "past", "day\t2024-01-19")]
#[case("Friday at 3 p.m.", "2024-01-19", "past", "day\t2024-01-19")]
#[case("the first Monday of March", "2024-01-19", "future", "day\t2024-03-04")]
#[case(
    "between 8 and 10 January",
    "2024-01-19",
    "past",
    "range\t2024-01-08..2024-01-10"
)]
#[case(
    "from March to May 2023",
    "2024-01-19",
    "past",
    "range\t2023-03-01..2023-05-31"
)]
fn resolves(#[case] text: &str, #[case] reference: &str, #[case] prefer: &str, #[case] want: &str) {
    let env = Env::new();
    let out = env.ok(["when", text, "--ref", reference, "--prefer", prefer]);
    assert_eq!(out.trim_end(), want, "{text:?} from {reference}");
}

#[test]
fn json_has_the_documented_fields() {
    let env = Env::new();
    let v = env.json(["when", "late last year", "--ref", "2024-01-19"]);
    assert_eq!(v["text"], "late last year");
    assert_eq!(v["kind"], "range");
    assert_eq!(v["value"], "2023-09-01..2023-12-31");
    assert_eq!(v["start"], "2023-09-01");
    assert_eq!(v["end"], "2023-12-31");
}

#[test]
fn default_reference_is_today() {
    let env = Env::new();
    assert_eq!(env.ok(["when", "yesterday"]).trim_end(), "day\t2025-07-14");
}

#[test]
fn nonsense_is_an_error_naming_the_text() {
    let env = Env::new();
    let (_, err) = env.fails(["when", "the day the music died", "--ref", "2024-01-19"]);
    assert!(
        err.contains("\"the day the music died\": not a date expression"),
        "{err}"
    );
    let (_, err) = env.fails(["when", "2024-02-30"]);
    assert!(err.contains("2024-02-30"), "{err}");
}
