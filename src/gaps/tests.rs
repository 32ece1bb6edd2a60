use super::*;
use pretty_assertions::assert_eq;

fn s(v: &str) -> Span {
    Span::parse_value(v).unwrap()
}

fn d(v: &str) -> NaiveDate {
    NaiveDate::parse_from_str(v, "%Y-%m-%d").unwrap()
}

#[test]
fn gap_between_two_contacts() {
    // (previous, next, expected)
    for (prev, next, expected) in [
        ("2023-12-23", "2024-01-19", "27"),
        ("2024-01-19", "2024-01-19", "0"),
        ("2022-09", "2025-07-01", "1005..1034"),
        ("2019-10", "2024-10-23", "1819..1849"),
        ("2019", "2024-10-23", "1758..2122"),
        ("2023-11", "2024-04-02", "124..153"),
        ("2024-01", "2024-01-19", "0..18"),
        ("2024-W03", "2024-01-22", "1..7"),
        ("2024-01-03..2024-01-05", "2024-01-10", "5..7"),
    ] {
        assert_eq!(
            Days::between(&s(prev), &s(next)).display(),
            expected,
            "{prev} → {next}"
        );
    }
}

#[test]
fn gaps_before_each_contact() {
    let spans = [
        s("2023-12-23"),
        s("2024-01-19"),
        s("2024-03"),
        s("2024-03-18"),
    ];
    let got: Vec<String> = gaps(&spans)
        .into_iter()
        .map(|g| g.map_or("-".into(), |g| g.display()))
        .collect();
    assert_eq!(got, ["-", "27", "42..72", "0..17"]);
}

#[test]
fn summary_of_exact_gaps() {
    let spans = [
        s("2024-01-01"),
        s("2024-01-11"),
        s("2024-01-31"),
        s("2024-03-01"),
    ];
    let sum = summarize(&spans, &gaps(&spans), d("2024-03-11"));
    assert_eq!(sum.count, 4);
    assert_eq!(sum.first, Some(s("2024-01-01")));
    assert_eq!(sum.last, Some(s("2024-03-01")));
    assert_eq!(sum.min.unwrap().display(), "10");
    assert_eq!(sum.median.unwrap().display(), "20");
    assert_eq!(sum.mean.unwrap().display(), "20");
    assert_eq!(sum.max.unwrap().display(), "30");
    assert_eq!(sum.since_last.unwrap().display(), "10");
}

#[test]
fn summary_with_a_month_is_a_range() {
    let spans = [s("2022-09"), s("2025-07-01")];
    let sum = summarize(&spans, &gaps(&spans), d("2025-07-11"));
    assert_eq!(sum.max.unwrap().display(), "1005..1034");
    assert_eq!(sum.median.unwrap().display(), "1005..1034");
    assert!(!sum.mean.unwrap().is_exact());
}

#[test]
fn even_median_and_fractional_mean() {
    let spans = [s("2024-01-01"), s("2024-01-02"), s("2024-01-04")];
    let sum = summarize(&spans, &gaps(&spans), d("2024-01-04"));
    assert_eq!(sum.median.unwrap().display(), "1.5");
    assert_eq!(sum.mean.unwrap().display(), "1.5");
    assert_eq!(sum.since_last.unwrap().display(), "0");
}

#[test]
fn summary_of_nothing_and_one() {
    let none = summarize(&[], &[], d("2024-01-01"));
    assert_eq!((none.count, none.min, none.since_last), (0, None, None));
    let one = summarize(&[s("2023-12-23")], &[None], d("2024-01-19"));
    assert_eq!((one.count, one.min), (1, None));
    assert_eq!(one.since_last, Some(Days::exact(27)));
}

#[test]
fn pair_scan_streams_pairs() {
    let dn = |v: &str| day_number(d(v));
    let mut scan = PairScan::new(d("2024-02-01"));
    scan.push(1, 2, dn("2023-12-23"), dn("2023-12-23"));
    scan.push(1, 2, dn("2024-01-19"), dn("2024-01-19"));
    scan.push(1, 3, dn("2023-11-01"), dn("2023-11-30"));
    scan.push(1, 3, dn("2024-01-01"), dn("2024-01-01"));
    scan.push(2, 3, dn("2024-01-01"), dn("2024-01-01"));
    scan.push(2, 3, dn("2024-05-01"), dn("2024-05-01")); // after as-of: not counted
    let pairs = scan.finish();
    assert_eq!(pairs.len(), 3);
    assert_eq!(
        (pairs[0].count, pairs[0].longest, pairs[0].silence),
        (2, Some(Days::exact(27)), Days::exact(13))
    );
    assert_eq!(pairs[1].longest.unwrap().display(), "32..61");
    assert_eq!(pairs[1].last_span().value(), "2024-01-01");
    assert_eq!((pairs[2].count, pairs[2].longest), (1, None));
    assert_eq!(pairs[2].silence, Days::exact(31));
}

#[test]
fn timeline_gaps_per_pair() {
    let events = vec![
        (s("2024-01-01"), vec![(1, 2)]),
        (s("2024-01-05"), vec![(1, 3)]),
        (s("2024-01-10"), vec![(1, 2)]),
        (s("2024-01-12"), vec![]),
        (s("2024-01-20"), vec![(1, 2), (1, 3), (2, 3)]),
    ];
    let got: Vec<Option<Days>> = timeline_gaps(&events);
    assert_eq!(
        got,
        vec![
            None,
            None,
            Some(Days::exact(9)),
            None,
            Some(Days::exact(10))
        ]
    );
}

#[test]
fn long_silences_are_longer_than_the_median() {
    let g = |v: &[(i64, i64)]| -> Vec<Option<Days>> {
        std::iter::once(None)
            .chain(v.iter().map(|&(min, max)| Some(Days { min, max })))
            .collect()
    };
    // (gaps after the first contact, which are long)
    for (gaps, expected) in [
        (g(&[]), vec![false]),
        (g(&[(27, 27)]), vec![false, false]),
        (
            g(&[(132, 132), (109, 109), (366, 366), (139, 139)]),
            vec![false, false, false, true, true],
        ),
        (
            g(&[(10, 10), (10, 10), (10, 10)]),
            vec![false, false, false, false],
        ),
        (g(&[(5, 5), (100, 160)]), vec![false, false, true]),
    ] {
        assert_eq!(long_silences(&gaps), expected, "{gaps:?}");
    }
}
