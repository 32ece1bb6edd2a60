//! `timeline --format html`: the page opened in headless Chromium, as a
//! reader would open it, with actors and evidence that try to be markup.
//! Under CI (the CI variable set) a missing Chromium fails the test; on a
//! developer's machine it is skipped with a note.

use super::*;
use pretty_assertions::assert_eq;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const EVIL: &str = "<script>alert(1)</script>";
const EVIL_IMG: &str = "<img src=x onerror=\"document.title='pwned'\">";

/// Chromium, or None (with a note) when it is missing outside CI.
fn chromium() -> Option<&'static str> {
    if Path::new(CHROMIUM).exists() {
        return Some(CHROMIUM);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)"
    );
    eprintln!(
        "note: {CHROMIUM} is missing: the headless browser test is skipped (it fails under CI)"
    );
    None
}

/// Run headless Chromium on a page with a fresh profile; its standard output.
fn headless(browser: &str, profile: &Path, args: &[String], page: &Path) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).map(|_| s)
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            assert!(status.success(), "chromium exited with {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().expect("reader thread").expect("UTF-8 DOM")
}

/// A database whose actors, title and evidence are markup, and a plain pair
/// with a claim.
fn hostile() -> Env {
    let env = Env::new();
    let article = env.write(
        "call.txt",
        "date 2024-01-19\nJoe Biden and Xi Jinping spoke by phone on Friday, their first call in 27 days. \
         Aides said \"talks & more\" went <well> > expected.\n",
    );
    env.ok([
        "add",
        &article.display().to_string(),
        "--title",
        "<i>Hostile</i> & \"title\"",
    ]);
    let pair = ["--actor", EVIL, "--actor", EVIL_IMG];
    env.ok([
        &[
            "event",
            "add",
            "--kind",
            "call",
            "--date",
            "2023-06-02",
            "--article",
            "1",
            "--note",
            "note \" & < >",
        ][..],
        &pair[..],
    ]
    .concat());
    env.ok([
        &["event", "add", "--kind", "meeting", "--date", "2023-09"][..],
        &pair[..],
    ]
    .concat());
    let csv = env.write(
        "events.csv",
        format!(
            "date,kind,actors,evidence,source\n2024-03-01,call,\"{EVIL};{}\",\"He said \"\"no\"\" & <b>left</b> > <script>document.title='pwned'</script>\",javascript:alert(5)\n",
            EVIL_IMG.replace('"', "\"\"")
        ),
    );
    env.ok(["import", &csv.display().to_string()]);
    env
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn the_page_in_headless_chromium() {
    let env = hostile();
    let page = env.dir.path().join("timeline.html");
    let out = env.ok([
        "timeline",
        "--format",
        "html",
        "-o",
        &page.display().to_string(),
    ]);
    assert_eq!(out, "", "the page goes to the file");
    let html = std::fs::read_to_string(&page).unwrap();
    // As written: one script, ours; the data only as text.
    assert_eq!(count(&html, "<script"), 1);
    assert!(!html.contains("<img") && !html.contains("<b>left"));

    let Some(browser) = chromium() else { return };
    let profile = tempfile::tempdir().unwrap();
    let dom = headless(browser, profile.path(), &["--dump-dom".into()], &page);
    // The page's own script ran (it marks the document when done) …
    assert!(dom.contains(r#"<html lang="en" data-ready="1">"#), "{dom}");
    // … and nothing from the data became an element or ran.
    assert_eq!(count(&dom, "<script"), 1, "{dom}");
    assert_eq!(count(&dom, "<img"), 0, "{dom}");
    assert_eq!(count(&dom, "<b>left"), 0);
    assert_eq!(count(&dom, "<i>Hostile"), 0);
    assert!(!dom.contains("<title>pwned"), "{dom}");
    assert!(dom.contains("<title>Contacts</title>"), "{dom}");
    // The hostile names and evidence are there, as text.
    let evil_pair = "&lt;script&gt;alert(1)&lt;/script&gt; — &lt;img src=x onerror=\"document.title='pwned'\"&gt;";
    assert!(
        dom.contains(&format!("<title>{evil_pair}</title>")),
        "the lane label: {dom}"
    );
    assert!(dom.contains("He said \"no\" &amp; &lt;b&gt;left&lt;/b&gt; &gt; &lt;script&gt;document.title='pwned'&lt;/script&gt;"), "{dom}");
    assert!(dom.contains("note \" &amp; &lt; &gt;"), "{dom}");
    assert!(
        dom.contains("&lt;i&gt;Hostile&lt;/i&gt; &amp; \"title\""),
        "{dom}"
    );
    assert!(!dom.contains("href=\"javascript"), "{dom}");
    // A lane per pair, a focusable mark per contact with its label.
    assert_eq!(count(&dom, r#"class="lane-label""#), 2);
    assert_eq!(count(&dom, r#"<g class="mark "#), 4);
    assert_eq!(count(&dom, r#"<g class="mark meeting hollow""#), 1);
    assert!(
        dom.contains(&format!(
            r#"aria-label="call 2024-03-01: {}""#,
            evil_pair.replace('"', "&quot;")
        )),
        "{dom}"
    );
    assert_eq!(
        count(&dom, r#"<div class="card" id="card-"#),
        5,
        "4 contacts and 1 claim"
    );
    // Gaps labelled with their days; the claim with its status.
    assert_eq!(count(&dom, r#"class="gap-label"#), 2);
    assert!(
        dom.contains(">91..120 d</text>") && dom.contains(">153..182 d</text>"),
        "{dom}"
    );
    assert!(dom.contains(r#"<g class="claim unverifiable""#), "{dom}");
    assert!(dom.contains(">claim 27 d ?</text>"), "{dom}");
    // The year range: 2023 to 2024, and the script drew the ticks.
    assert!(
        dom.contains(r#"id="from" min="2023" max="2024" value="2023""#),
        "{dom}"
    );
    assert!(
        dom.contains(r#"<text x="#) && dom.contains(r#"class="year">2024</text>"#),
        "{dom}"
    );

    let shot = env.dir.path().join("timeline.png");
    headless(
        browser,
        profile.path(),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1400,900".into(),
        ],
        &page,
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(png.len() > 10_000, "{} bytes: a blank page?", png.len());
}

#[test]
fn html_to_standard_output() {
    let env = Env::new();
    env.ok([
        "add",
        &example("02-biden-xi-call.txt").display().to_string(),
    ]);
    let html = env.ok(["timeline", "Biden", "Xi", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<title>Contacts between Joe Biden and Xi Jinping</title>"));
    assert_eq!(count(&html, r#"<g class="mark "#), 2);
    assert!(html.contains(">132 d</text>"));
}
