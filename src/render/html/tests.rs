use super::*;
use crate::check::Status;
use crate::lanes::{from_events, LaneClaim};
use crate::model::{ActorName, Origin, Source};
use pretty_assertions::assert_eq;

#[test]
fn escape_makes_text_of_markup() {
    for (input, expected) in [
        ("Joe Biden", "Joe Biden"),
        (
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        ),
        (
            r#"He said "yes" & 'no' <b>x</b> > y"#,
            "He said &quot;yes&quot; &amp; &#39;no&#39; &lt;b&gt;x&lt;/b&gt; &gt; y",
        ),
        ("&amp;", "&amp;amp;"),
        (
            r#"" onmouseover="alert(1)"#,
            "&quot; onmouseover=&quot;alert(1)",
        ),
        ("Erdoğan — 习近平", "Erdoğan — 习近平"),
    ] {
        assert_eq!(escape(input), expected, "{input}");
    }
}

#[test]
fn only_web_urls_become_links() {
    for (url, link) in [
        ("https://apnews.com/article/x", true),
        ("HTTP://example.org/a?b=1&c=2", true),
        ("javascript:alert(1)", false),
        (" JavaScript:alert(1)", false),
        ("data:text/html,<script>alert(1)</script>", false),
        ("https://example.org/a b", false),
        ("notes/call.txt", false),
    ] {
        assert_eq!(link_url(url).is_some(), link, "{url}");
    }
}

#[test]
fn base64_vectors() {
    // RFC 4648, section 10.
    for (input, expected) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64(input.as_bytes()), expected);
    }
}

fn event(id: i64, kind: EventKind, date: &str, actors: &[(i64, &str)], evidence: &str) -> Event {
    Event {
        id,
        kind,
        span: Span::parse_value(date).unwrap(),
        origin: Origin::Manual,
        note: None,
        actors: actors
            .iter()
            .map(|&(id, name)| ActorName {
                id,
                name: name.into(),
            })
            .collect(),
        sources: vec![Source {
            article: Some(1),
            title: Some("Wire <brief>".into()),
            url: Some("javascript:alert(2)".into()),
            evidence: Some(evidence.into()),
            ..Source::default()
        }],
    }
}

fn hostile_page() -> String {
    let evil = (1, "<script>alert(1)</script>");
    let other = (2, "Ann \"Q\" O'Neil & Co");
    let events = [
        event(
            1,
            EventKind::Call,
            "2023-01-10",
            &[evil, other],
            "a < b & \"c\" > d",
        ),
        event(
            2,
            EventKind::Meeting,
            "2023-06",
            &[evil, other],
            "<img src=x onerror=alert(3)>",
        ),
        event(3, EventKind::Call, "2024-02-01", &[evil, other], "plain"),
    ];
    let mut lanes = from_events(&events, |_| vec![(1, 2)], &[]);
    lanes[0].claims.push(LaneClaim {
        id: 1,
        text: "first call in <b>months</b>".into(),
        min_days: Some(200),
        max_days: Some(240),
        first_ever: false,
        ending: Some(Span::parse_value("2024-02-01").unwrap()),
        implied: None,
        status: Status::Contradicted,
        reason: "meeting 2023-06 (event 2) is inside the silence".into(),
    });
    let rows: Vec<(Event, Option<Days>)> = events.into_iter().map(|e| (e, None)).collect();
    page(&Page {
        title: "Contacts of <script>alert(1)</script>",
        lanes: &lanes,
        rows: &rows,
        today: NaiveDate::from_ymd_opt(2025, 7, 15).unwrap(),
    })
}

#[test]
fn hostile_text_stays_text() {
    let html = hostile_page();
    // Our one script, and no element made from data.
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b>months"), "{html}");
    assert!(!html.contains("<brief>"), "{html}");
    assert!(html
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; — Ann &quot;Q&quot; O&#39;Neil &amp; Co"));
    assert!(html.contains("a &lt; b &amp; &quot;c&quot; &gt; d"));
    // The javascript: URL is not a link.
    assert!(!html.contains("javascript:"), "{html}");
    assert!(html.contains("Wire &lt;brief&gt;"));
}

#[test]
fn self_contained() {
    let html = hostile_page();
    for needle in [
        " src=\"",
        "@import",
        "href=\"http",
        "url(h",
        "fetch(",
        "XMLHttpRequest",
        "<link",
        "@font-face",
    ] {
        assert!(!html.contains(needle), "{needle}");
    }
    assert!(html.contains("default-src 'none'"));
    let hash = base64(&Sha256::digest(SCRIPT.as_bytes()));
    assert!(html.contains(&format!("script-src 'sha256-{hash}'")));
    assert!(html.contains(&format!("<script>{SCRIPT}</script>")));
}

#[test]
fn marks_gaps_and_claims() {
    let html = hostile_page();
    assert_eq!(html.matches(r#"<g class="mark "#).count(), 3);
    assert_eq!(html.matches(r#"<g class="mark meeting hollow""#).count(), 1);
    assert_eq!(html.matches(r#"tabindex="0""#).count(), 4);
    // Two gaps, each labelled with its days.
    assert_eq!(html.matches(r#"class="gap-label"#).count(), 2);
    assert!(html.contains(">142..171 d</text>"), "{html}");
    assert!(html.contains("claim 200..240 d ✗"));
    assert!(html.contains(r#"<g class="claim contradicted""#));
    // Every mark's card is in the page.
    for id in ["card-0-0", "card-0-1", "card-0-2", "card-claim-1"] {
        assert!(
            html.contains(&format!(r#"<div class="card" id="{id}">"#)),
            "{id}"
        );
    }
}
