use super::*;
use crate::date::Span;
use crate::lanes::{pair_lane, LaneClaim};
use crate::model::Contact;
use pretty_assertions::assert_eq;

fn s(v: &str) -> Span {
    Span::parse_value(v).unwrap()
}

fn contact(event: i64, kind: EventKind, date: &str) -> Contact {
    Contact {
        event,
        kind,
        span: s(date),
    }
}

/// Biden–Xi as the examples record them, with the "in a year" claim.
fn biden_xi() -> Lane {
    use EventKind::*;
    let contacts = [
        contact(3, Call, "2022-03-18"),
        contact(2, Call, "2022-07-28"),
        contact(10, Meeting, "2022-11-14"),
        contact(9, Meeting, "2023-11-15"),
        contact(11, Call, "2024-04-02"),
    ];
    let mut lane = pair_lane(
        (1, 2),
        ["Joe Biden".into(), "Xi Jinping".into()],
        &contacts,
        NaiveDate::from_ymd_opt(2025, 7, 15).unwrap(),
    );
    lane.claims.push(LaneClaim {
        id: 7,
        text: "first face-to-face meeting in a year".into(),
        min_days: Some(335),
        max_days: Some(396),
        first_ever: false,
        ending: Some(s("2023-11-15")),
        implied: Some(s("2022-10-15..2022-12-15")),
        status: Status::Consistent,
        reason: String::new(),
    });
    lane
}

fn modi_xi() -> Lane {
    use EventKind::*;
    let contacts = [
        contact(5, Meeting, "2019-10"),
        contact(7, Meeting, "2023-08"),
        contact(4, Meeting, "2024-10-23"),
    ];
    let mut lane = pair_lane(
        (3, 2),
        ["Narendra Modi".into(), "Xi Jinping".into()],
        &contacts,
        NaiveDate::from_ymd_opt(2025, 7, 15).unwrap(),
    );
    lane.silence = None;
    lane.claims.push(LaneClaim {
        id: 4,
        text: "first formal bilateral talks in five years".into(),
        min_days: Some(1644),
        max_days: Some(2009),
        first_ever: false,
        ending: Some(s("2024-10-23")),
        implied: Some(s("2019-04-24..2020-04-23")),
        status: Status::Contradicted,
        reason: String::new(),
    });
    lane
}

fn chart(lanes: &[Lane], width: usize, ascii: bool) -> Vec<String> {
    layout(
        lanes,
        &Options {
            width,
            ascii,
            color: false,
        },
    )
}

fn marks(line: &str) -> usize {
    line.chars().filter(|c| "●○■□▲△✉◌◆◇".contains(*c)).count()
}

#[test]
fn nothing_is_wider_than_the_width() {
    let lanes = [biden_xi(), modi_xi()];
    for width in [40, 60, 80, 120, 200] {
        for ascii in [false, true] {
            for line in chart(&lanes, width, ascii) {
                assert!(
                    line.width() <= width,
                    "{width} ascii={ascii}: {} columns: {line:?}",
                    line.width()
                );
            }
        }
    }
}

#[test]
fn a_lane_row_has_its_label_and_a_mark_per_contact() {
    let lanes = [biden_xi(), modi_xi()];
    for width in [80, 200] {
        let lines = chart(&lanes, width, false);
        let row = lines
            .iter()
            .find(|l| l.starts_with("Joe Biden — Xi Jinping"))
            .expect("the Biden–Xi lane");
        assert_eq!(marks(row), 5, "{row}");
        assert_eq!(row.matches('●').count(), 3, "{row}");
        assert_eq!(row.matches('■').count(), 2, "{row}");
        let row = lines
            .iter()
            .find(|l| l.starts_with("Narendra Modi — Xi Jinping"))
            .expect("the Modi–Xi lane");
        // Two month-precise meetings (hollow) and one day-precise.
        assert_eq!(
            (row.matches('□').count(), row.matches('■').count()),
            (2, 1),
            "{row}"
        );
    }
}

#[test]
fn long_silences_carry_their_length_and_the_silence_goes_on_to_the_date() {
    let lines = chart(&[biden_xi()], 80, false).join("\n");
    // Median gap 135.5: 366 and 139 are longer; 132 and 109 are not.
    assert!(lines.contains("366 d"), "{lines}");
    assert!(lines.contains("139 d"), "{lines}");
    assert!(
        !lines.contains("132 d") && !lines.contains("109 d"),
        "{lines}"
    );
    assert!(lines.contains("469 d"), "{lines}");
    assert!(lines.contains('━') && lines.contains('┄'), "{lines}");
}

#[test]
fn claims_are_bracketed_with_their_status() {
    let lines = chart(&[biden_xi(), modi_xi()], 200, false).join("\n");
    assert!(lines.contains("claim 335..396 d ✓"), "{lines}");
    assert!(lines.contains("claim 1644..2009 d ✗"), "{lines}");
    assert!(
        lines.contains("claimed silence: ✓ consistent  ✗ contradicted"),
        "{lines}"
    );
    // The five-year claim is wide enough at 200 columns for both ends.
    let row = lines.lines().find(|l| l.contains("1644")).unwrap();
    assert!(row.contains('└') && row.contains('┘'), "{row}");
}

#[test]
fn the_axis_has_year_ticks_in_order() {
    for width in [80, 200] {
        let lines = chart(&[biden_xi(), modi_xi()], width, false);
        let years: Vec<&str> = lines[0].split_whitespace().collect();
        assert_eq!(
            years,
            ["2020", "2021", "2022", "2023", "2024", "2025"],
            "{width}"
        );
        assert_eq!(lines[1].matches('┬').count(), 6, "{}", lines[1]);
        // Each label starts at its tick.
        let ticks: Vec<usize> = lines[1]
            .chars()
            .enumerate()
            .filter(|(_, c)| *c == '┬')
            .map(|(i, _)| i)
            .collect();
        let labels: Vec<usize> = lines[0]
            .char_indices()
            .filter(|(i, c)| c.is_ascii_digit() && (*i == 0 || lines[0].as_bytes()[i - 1] == b' '))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(ticks, labels);
    }
}

#[test]
fn a_short_span_gets_month_ticks() {
    use EventKind::*;
    let lane = pair_lane(
        (1, 2),
        ["Joe Biden".into(), "Benjamin Netanyahu".into()],
        &[
            contact(1, Call, "2023-12-23"),
            contact(2, Call, "2024-01-19"),
            contact(3, Call, "2024-03-18"),
        ],
        NaiveDate::from_ymd_opt(2024, 4, 1).unwrap(),
    );
    let lines = chart(&[lane], 100, false);
    assert!(
        lines[0].contains("2024-01") && lines[0].contains("2024-03"),
        "{}",
        lines[0]
    );
}

#[test]
fn ascii_draws_only_ascii() {
    let lines = chart(&[biden_xi(), modi_xi()], 80, true);
    let label_w = "Narendra Modi — Xi Jinping".width() + 2;
    for l in &lines {
        let drawn: String = if l.starts_with("Joe") || l.starts_with("Narendra") {
            l.chars().skip(label_w).collect()
        } else {
            l.clone()
        };
        assert!(drawn.is_ascii(), "{l}");
    }
    let row: String = lines
        .iter()
        .find(|l| l.starts_with("Joe Biden"))
        .unwrap()
        .chars()
        .skip(label_w)
        .collect();
    assert_eq!(
        (row.matches('c').count(), row.matches('m').count()),
        (3, 2),
        "{row}"
    );
    let all = lines.join("\n");
    assert!(all.contains("c call") && all.contains("m meeting"), "{all}");
    assert!(all.contains("claim 335..396 d ok"), "{all}");
}

#[test]
fn colour_only_when_asked() {
    let lanes = [biden_xi()];
    let plain = chart(&lanes, 80, false);
    assert!(plain.iter().all(|l| !l.contains('\x1b')));
    let coloured = layout(
        &lanes,
        &Options {
            width: 80,
            ascii: false,
            color: true,
        },
    );
    assert!(
        coloured.iter().any(|l| l.contains("\x1b[36m●")),
        "{coloured:?}"
    );
    // Same text once the codes are gone.
    let strip = |l: &String| {
        let mut out = String::new();
        let mut esc = false;
        for c in l.chars() {
            match (esc, c) {
                (false, '\x1b') => esc = true,
                (true, 'm') => esc = false,
                (true, _) => {}
                (false, c) => out.push(c),
            }
        }
        out
    };
    assert_eq!(coloured.iter().map(strip).collect::<Vec<_>>(), plain);
}

#[test]
fn contacts_in_one_column_are_counted() {
    use EventKind::*;
    let lane = pair_lane(
        (1, 2),
        ["A".into(), "B".into()],
        &[
            contact(1, Call, "2020-01-01"),
            contact(2, Call, "2020-01-02"),
            contact(3, Call, "2020-01-03"),
            contact(4, Meeting, "2024-01-01"),
        ],
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
    );
    let lines = chart(&[lane], 60, false);
    let row = lines.iter().find(|l| l.starts_with("A — B")).unwrap();
    assert!(row.contains('3') && row.contains('■'), "{row}");
    assert!(lines.join("\n").contains("2-9 contacts in one column"));
}

#[test]
fn long_names_are_cut_with_an_ellipsis() {
    use EventKind::*;
    let lane = pair_lane(
        (1, 2),
        [
            "Mohammed bin Salman bin Abdulaziz Al Saud".into(),
            "Recep Tayyip Erdoğan".into(),
        ],
        &[
            contact(1, Call, "2020-01-01"),
            contact(2, Call, "2021-01-01"),
        ],
        NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
    );
    let lines = chart(&[lane], 80, false);
    let row = lines.iter().find(|l| l.starts_with("Mohammed")).unwrap();
    assert!(row.contains('…'), "{row}");
    assert!(row.width() <= 80, "{row}");
}

#[test]
fn no_contacts() {
    assert_eq!(chart(&[], 80, false), ["no contacts to chart"]);
}
