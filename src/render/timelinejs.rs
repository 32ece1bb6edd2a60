//! `timeline --format timelinejs`: the JSON that TimelineJS 3 loads
//! (`new TL.Timeline(id, data)`): a title slide, then one slide per event
//! with `start_date` (and `end_date` for weeks and ranges) whose fields
//! follow the date's precision: a month-precise contact has no `day`, a
//! year-precise one only its `year`. TimelineJS puts headlines, texts and
//! group labels into the page as HTML, so every text from articles and
//! actors is escaped, and only http(s) URLs become links.

use super::html::{escape, evidence_html, link_url};
use super::text::actor_list;
use crate::date::{Precision, Span};
use crate::gaps::Days;
use crate::model::Event;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    pub title: Slide,
    pub events: Vec<Slide>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    /// How the date reads when the fields cannot say it (`2024-W03`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub headline: String,
    pub text: String,
}

/// A TimelineJS date: only the fields the precision knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Date {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
}

impl Date {
    fn day(d: NaiveDate) -> Date {
        Date {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }
}

/// Start, end and display date of a span, by its precision.
pub fn dates(span: &Span) -> (Date, Option<Date>, Option<String>) {
    let s = span.start;
    match span.precision {
        Precision::Day => (Date::day(s), None, None),
        Precision::Month => (
            Date {
                year: s.year(),
                month: Some(s.month()),
                day: None,
            },
            None,
            None,
        ),
        Precision::Year => (
            Date {
                year: s.year(),
                month: None,
                day: None,
            },
            None,
            None,
        ),
        Precision::Week => (Date::day(s), Some(Date::day(span.end)), Some(span.value())),
        Precision::Range => (Date::day(s), Some(Date::day(span.end)), None),
    }
}

fn body(e: &Event, gap: Option<Days>) -> String {
    let mut out = String::new();
    evidence_html(e, &mut out);
    if let Some(g) = gap {
        let _ = write!(
            out,
            "<p>{} days since the previous contact.</p>",
            g.display()
        );
    }
    let sources: Vec<String> = e
        .sources
        .iter()
        .map(|s| {
            let name = s.name();
            match s.url.as_deref().and_then(link_url) {
                Some(url) => format!(r#"<a href="{}">{}</a>"#, escape(url), escape(&name)),
                None => escape(&name),
            }
        })
        .collect();
    if !sources.is_empty() {
        let _ = write!(out, "<p>Sources: {}</p>", sources.join("; "));
    }
    out
}

/// The TimelineJS data of a timeline: `rows` oldest first with the gap
/// before each, as `timeline` computes them.
pub fn timeline(title: &str, rows: &[(Event, Option<Days>)], today: NaiveDate) -> Timeline {
    let range = match (rows.first(), rows.last()) {
        (Some((f, _)), Some((l, _))) => format!(", {} to {}", f.span.value(), l.span.value()),
        _ => String::new(),
    };
    let n = rows.len();
    Timeline {
        title: Slide {
            start_date: None,
            end_date: None,
            display_date: None,
            text: Text {
                headline: escape(title),
                text: format!(
                    "<p>{n} event{}{range}. Made by dateline on {}.</p>",
                    if n == 1 { "" } else { "s" },
                    today.format("%Y-%m-%d")
                ),
            },
            group: None,
            unique_id: None,
        },
        events: rows
            .iter()
            .map(|(e, gap)| {
                let (start, end, display) = dates(&e.span);
                let actors = escape(&actor_list(
                    &e.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
                ));
                Slide {
                    start_date: Some(start),
                    end_date: end,
                    display_date: display,
                    text: Text {
                        headline: format!("{}: {actors}", e.kind.as_str()),
                        text: body(e, *gap),
                    },
                    group: Some(actors),
                    unique_id: Some(format!("event-{}", e.id)),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::EventKind;
    use crate::model::{ActorName, Origin, Source};
    use pretty_assertions::assert_eq;
    use serde_json::json;

    #[test]
    fn date_fields_follow_the_precision() {
        // (date, start_date, end_date, display_date)
        for (value, start, end, display) in [
            (
                "2024-01-19",
                json!({"year": 2024, "month": 1, "day": 19}),
                None,
                None,
            ),
            ("2023-08", json!({"year": 2023, "month": 8}), None, None),
            ("2019", json!({"year": 2019}), None, None),
            (
                "2024-W03",
                json!({"year": 2024, "month": 1, "day": 15}),
                Some(json!({"year": 2024, "month": 1, "day": 21})),
                Some("2024-W03"),
            ),
            (
                "2024-01-03..2024-01-05",
                json!({"year": 2024, "month": 1, "day": 3}),
                Some(json!({"year": 2024, "month": 1, "day": 5})),
                None,
            ),
        ] {
            let (s, e, d) = dates(&Span::parse_value(value).unwrap());
            assert_eq!(serde_json::to_value(s).unwrap(), start, "{value}");
            assert_eq!(e.map(|e| serde_json::to_value(e).unwrap()), end, "{value}");
            assert_eq!(d.as_deref(), display, "{value}");
        }
    }

    #[test]
    fn a_slide_per_event_with_escaped_text() {
        let e = Event {
            id: 4,
            kind: EventKind::Call,
            span: Span::parse_value("2024-03").unwrap(),
            origin: Origin::Manual,
            note: None,
            actors: ["<script>alert(1)</script>", "Ann & Co"]
                .iter()
                .enumerate()
                .map(|(i, n)| ActorName {
                    id: i as i64,
                    name: n.to_string(),
                })
                .collect(),
            sources: vec![
                Source {
                    article: Some(2),
                    title: Some("A <b>title</b>".into()),
                    url: Some("https://example.org/a?b=1&c=2".into()),
                    evidence: Some("He said \"no\" & <left> > right".into()),
                    ..Source::default()
                },
                Source {
                    url: Some("javascript:alert(2)".into()),
                    ..Source::default()
                },
            ],
        };
        let t = timeline(
            "Contacts",
            &[(e, Some(Days { min: 3, max: 33 }))],
            NaiveDate::from_ymd_opt(2025, 7, 15).unwrap(),
        );
        let v = serde_json::to_value(&t).unwrap();
        assert_eq!(
            v["events"][0],
            json!({
                "start_date": {"year": 2024, "month": 3},
                "text": {
                    "headline": "call: &lt;script&gt;alert(1)&lt;/script&gt; — Ann &amp; Co",
                    "text": "<blockquote>He said &quot;no&quot; &amp; &lt;left&gt; &gt; right</blockquote><p>3..33 days since the previous contact.</p><p>Sources: <a href=\"https://example.org/a?b=1&amp;c=2\">A &lt;b&gt;title&lt;/b&gt;</a>; javascript:alert(2)</p>"
                },
                "group": "&lt;script&gt;alert(1)&lt;/script&gt; — Ann &amp; Co",
                "unique_id": "event-4"
            })
        );
        assert_eq!(v["title"]["text"]["headline"], "Contacts");
        assert_eq!(
            v["title"]["text"]["text"],
            "<p>1 event, 2024-03 to 2024-03. Made by dateline on 2025-07-15.</p>"
        );
    }
}
