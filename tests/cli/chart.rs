//! `timeline --chart` and `gaps A B --chart` on the bundled examples, at 80
//! and 200 columns: what a person sees in the terminal.

use super::*;
use pretty_assertions::assert_eq;
use unicode_width::UnicodeWidthStr;

const MARKS: &str = "●○■□▲△✉◌◆◇";

fn with_examples() -> Env {
    let env = Env::new();
    env.ok(["add", &examples().display().to_string()]);
    env
}

/// The row of a lane: the line that starts with its label.
fn lane<'a>(chart: &'a str, label: &str) -> &'a str {
    chart
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no lane {label:?} in\n{chart}"))
}

fn marks(row: &str) -> usize {
    row.chars().filter(|c| MARKS.contains(*c)).count()
}

fn assert_fits(chart: &str, width: usize) {
    for line in chart.lines() {
        assert!(
            line.width() <= width,
            "{} columns, wider than {width}: {line:?}",
            line.width()
        );
    }
}

#[test]
fn timeline_chart_at_80_and_200_columns() {
    let env = with_examples();
    for width in ["80", "200"] {
        let chart = env.ok(["timeline", "--chart", "--width", width]);
        assert_fits(&chart, width.parse().unwrap());
        assert!(!chart.contains('\x1b'), "no colour off a terminal");
        // The axis: years in order.
        let years: Vec<&str> = chart.lines().next().unwrap().split_whitespace().collect();
        assert_eq!(years, ["2020", "2021", "2022", "2023", "2024", "2025"]);
        // A lane per pair, a mark per contact.
        for (label, count) in [
            ("Joe Biden — Xi Jinping", 5),
            ("Narendra Modi — Xi Jinping", 3),
            ("Joe Biden — Benjamin Netanyahu", 2),
            ("Olaf Scholz — Vladimir Putin", 1),
            ("Antony Blinken — Qin Gang", 1),
        ] {
            assert_eq!(
                marks(lane(&chart, label)),
                count,
                "{label} at {width}:\n{chart}"
            );
        }
        let biden_xi = lane(&chart, "Joe Biden — Xi Jinping");
        assert_eq!(biden_xi.matches('●').count(), 3, "{biden_xi}");
        assert_eq!(biden_xi.matches('■').count(), 2, "{biden_xi}");
        // Month-precise meetings are hollow.
        let modi_xi = lane(&chart, "Narendra Modi — Xi Jinping");
        assert_eq!(modi_xi.matches('□').count(), 2, "{modi_xi}");
        // Silences longer than the pair's median, with their length.
        assert!(chart.contains("366 d"), "{chart}");
        assert!(chart.contains("1370..1430 d"), "{chart}");
        // Claimed silences with their status.
        assert!(chart.contains("claim 1644..2009 d ✗"), "{chart}");
        assert!(chart.contains("claim 335..396 d ✓"), "{chart}");
        assert!(chart.contains("claim 27 d ?"), "{chart}");
        assert!(
            chart.contains("● call") && chart.contains("■ meeting"),
            "{chart}"
        );
    }
    // At 200 columns the two contacts of Biden–Netanyahu stand apart.
    let wide = env.ok(["timeline", "--chart", "--width", "200"]);
    assert!(lane(&wide, "Joe Biden — Benjamin Netanyahu").contains("●────●"));
}

#[test]
fn timeline_chart_of_one_pair() {
    let env = with_examples();
    let chart = env.ok(["timeline", "Biden", "Xi", "--chart", "--width", "80"]);
    let lanes: Vec<&str> = chart
        .lines()
        .filter(|l| !l.starts_with(' ') && l.contains('—'))
        .collect();
    assert_eq!(lanes.len(), 1, "{chart}");
    assert_eq!(marks(lanes[0]), 5);
}

#[test]
fn gaps_chart_shows_the_silence_since_and_the_summary() {
    let env = with_examples();
    for width in [80, 200] {
        let out = env.ok([
            "gaps",
            "Biden",
            "Xi",
            "--chart",
            "--width",
            &width.to_string(),
        ]);
        assert_fits(&out, width);
        let row = lane(&out, "Joe Biden — Xi Jinping");
        assert_eq!(marks(row), 5, "{out}");
        assert!(row.contains("366 d") && row.contains("469 d"), "{row}");
        assert!(row.contains('┄'), "the silence up to today: {row}");
        assert!(
            out.contains("since last contact: 469 days (as of 2025-07-15)"),
            "{out}"
        );
        assert!(out.contains("median 135.5"), "{out}");
    }
}

#[test]
fn ascii_chart() {
    let env = with_examples();
    let out = env.ok(["gaps", "Modi", "Xi", "--chart", "--ascii", "--width", "80"]);
    let (chart, summary) = out
        .split_once("\ncontacts:")
        .expect("chart, then the summary");
    assert_fits(chart, 80);
    assert!(summary.contains("max 1370..1430 days"), "{summary}");
    let label = "Narendra Modi — Xi Jinping";
    let row = lane(&out, label);
    let drawn = &row[label.len()..];
    assert!(drawn.is_ascii(), "{row}");
    assert_eq!(
        (drawn.matches('M').count(), drawn.matches('m').count()),
        (2, 1),
        "{row}"
    );
    assert!(out.contains("claim 1644..2009 d no"), "{out}");
    for line in out.lines().filter(|l| !l.starts_with(label)) {
        assert!(line.is_ascii(), "{line}");
    }
}

#[test]
fn colour_follows_the_color_flag_and_no_color() {
    let env = with_examples();
    let chart = |args: &[&str], no_color: bool| {
        let mut c = env.cmd(args);
        if no_color {
            c.env("NO_COLOR", "1");
        }
        let out = c.output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let base = ["gaps", "Biden", "Xi", "--chart", "--width", "80"];
    let with = |flag: &'static str| [&["--color", flag][..], &base[..]].concat();
    assert!(chart(&with("always"), false).contains("\x1b[36m●"));
    assert!(!chart(&with("never"), false).contains('\x1b'));
    assert!(
        !chart(&with("auto"), false).contains('\x1b'),
        "not a terminal"
    );
    assert!(!chart(&base, true).contains('\x1b'));
}

/// On a real terminal (a pseudo-terminal from `script`), `auto` colours,
/// and NO_COLOR or `--color never` do not.
#[test]
fn colour_on_a_terminal() {
    if !Path::new("/usr/bin/script").exists() {
        eprintln!("note: /usr/bin/script (util-linux) missing: terminal colour not tested");
        return;
    }
    let env = with_examples();
    let run = |extra_env: &str, flag: &str| {
        let cmd = format!(
            "{extra_env} {} --db {} --now {NOW} --color {flag} gaps Biden Xi --chart --width 80",
            env!("CARGO_BIN_EXE_dateline"),
            env.db.display()
        );
        let out = std::process::Command::new("/usr/bin/script")
            .args(["-qec", &cmd, "/dev/null"])
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("TERM", "xterm")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run("", "auto").contains("\x1b[36m●"));
    assert!(!run("NO_COLOR=1", "auto").contains('\x1b'));
    assert!(!run("", "never").contains('\x1b'));
}

#[test]
fn chart_with_json_is_refused() {
    let env = with_examples();
    let (_, err) = env.fails(["--json", "gaps", "Biden", "Xi", "--chart"]);
    assert!(err.contains("leave out --json"), "{err}");
    let (_, err) = env.fails(["gaps", "--all", "--chart"]);
    assert!(err.contains("--chart draws one pair"), "{err}");
}
