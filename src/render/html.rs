//! `timeline --format html`: one self-contained page (inline CSS, one small
//! inline script, no request to anywhere) with an SVG timeline: a lane per
//! pair, a focusable mark per contact whose card (date, kind, actors,
//! evidence, sources) shows on hover and keyboard focus, gaps labelled with
//! their days, claimed silences with their status, and a range of years to
//! zoom to; then the contacts and the claims as tables.
//!
//! Every text from articles and actors goes through [`escape`], attributes
//! always in double quotes, and only http(s) URLs become links. A
//! Content-Security-Policy lets only the page's own script run (by its
//! hash) and fetch nothing, so even a mistake in escaping could not run
//! code. The script reads numbers from `data-*` attributes and clones cards
//! already in the page; it never turns data into code or markup.

use super::text::actor_list;
use crate::date::{day_number, Span};
use crate::extract::EventKind;
use crate::gaps::Days;
use crate::lanes::{Lane, LaneClaim, LaneContact};
use crate::model::Event;
use chrono::{Datelike, NaiveDate};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt::Write as _;

const SCRIPT: &str = include_str!("html/page.js");
const STYLE: &str = include_str!("html/page.css");

/// The SVG's coordinate system: the plot runs from `P0` to `P1`.
const WIDTH: f64 = 1200.0;
const P0: f64 = 290.0;
const P1: f64 = 1175.0;
/// Room for the year labels above the lanes.
const TOP: f64 = 40.0;
const LANE: f64 = 46.0;
const CLAIM_ROW: f64 = 24.0;
const LABEL_CHARS: usize = 36;

/// Text for HTML: element content and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A URL safe to link to: http or https, nothing that could run.
pub fn link_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    (web && !u.chars().any(|c| c.is_control() || c.is_whitespace())).then_some(u)
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The Content-Security-Policy: nothing from anywhere, inline styles, and
/// only this script, named by its hash.
fn policy() -> String {
    let hash = base64(&Sha256::digest(SCRIPT.as_bytes()));
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; img-src data:; base-uri 'none'; form-action 'none'"
    )
}

/// What a page shows.
pub struct Page<'a> {
    pub title: &'a str,
    pub lanes: &'a [Lane],
    /// The timeline's events oldest first, with the gap before each.
    pub rows: &'a [(Event, Option<Days>)],
    pub today: NaiveDate,
}

fn mid(s: &Span) -> i64 {
    (day_number(s.start) + day_number(s.end)) / 2
}

/// Day numbers to x within the plot, for the years shown.
struct Scale {
    d0: f64,
    d1: f64,
}

impl Scale {
    fn years(y0: i32, y1: i32) -> Scale {
        let day = |y| NaiveDate::from_ymd_opt(y, 1, 1).map_or(0, day_number) as f64;
        Scale {
            d0: day(y0),
            d1: day(y1 + 1),
        }
    }

    fn x(&self, day: i64) -> f64 {
        P0 + (day as f64 - self.d0) / (self.d1 - self.d0) * (P1 - P0)
    }
}

/// `1234.5`, without trailing zeros.
fn num(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

fn shape(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Call => r#"<circle class="shape" r="7"/>"#,
        EventKind::Meeting => r#"<rect class="shape" x="-6.5" y="-6.5" width="13" height="13"/>"#,
        EventKind::Visit => r#"<path class="shape" d="M0,-8L7.5,6L-7.5,6Z"/>"#,
        EventKind::Message => {
            r##"<rect class="shape" x="-8" y="-5.5" width="16" height="11"/><path d="M-8,-5.5L0,1L8,-5.5" fill="none" stroke="#fff" stroke-width="1.2"/>"##
        }
        EventKind::Statement => r#"<path class="shape" d="M0,-8L8,0L0,8L-8,0Z"/>"#,
    }
}

fn status_glyph(s: crate::check::Status) -> &'static str {
    match s {
        crate::check::Status::Consistent => "✓",
        crate::check::Status::Contradicted => "✗",
        crate::check::Status::Unverifiable => "?",
    }
}

/// A claim's silence in day numbers: from its start to its ending.
fn claim_days(c: &LaneClaim) -> Option<(i64, i64)> {
    let end = c.ending?;
    let start = c.silence_start().unwrap_or(end.start);
    Some((day_number(start), mid(&end)))
}

fn claim_label(c: &LaneClaim) -> String {
    format!("claim {} {}", c.days_text(), status_glyph(c.status)).replace("  ", " ")
}

/// Claims of a lane in rows whose labels and brackets do not overlap (at
/// the full range of years).
fn claim_rows(lane: &Lane, scale: &Scale) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<(f64, f64, usize)>> = Vec::new();
    for (i, c) in lane.claims.iter().enumerate() {
        let Some((a, b)) = claim_days(c) else {
            continue;
        };
        let (xa, xb) = (scale.x(a), scale.x(b));
        let text = claim_label(c).chars().count() as f64 * 7.0;
        let pad = ((text - (xb - xa)) / 2.0).max(0.0) + 6.0;
        let (l, r) = (xa - pad, xb + pad);
        match rows
            .iter_mut()
            .find(|row| row.iter().all(|&(x, y, _)| r < x || l > y))
        {
            Some(row) => row.push((l, r, i)),
            None => rows.push(vec![(l, r, i)]),
        }
    }
    rows.into_iter()
        .map(|r| r.into_iter().map(|(_, _, i)| i).collect())
        .collect()
}

fn lane_height(rows: usize) -> f64 {
    LANE + CLAIM_ROW * rows as f64
}

fn label_text(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(LABEL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

/// An event's evidence (each sentence once) and note, escaped: shared with
/// the TimelineJS slides.
pub fn evidence_html(e: &Event, out: &mut String) {
    let mut evidence: Vec<&str> = e
        .sources
        .iter()
        .filter_map(|s| s.evidence.as_deref())
        .collect();
    evidence.dedup();
    for ev in evidence {
        let _ = write!(out, "<blockquote>{}</blockquote>", escape(ev));
    }
    if let Some(note) = &e.note {
        let _ = write!(out, "<p>Note: {}</p>", escape(note));
    }
}

fn source_items(e: &Event, out: &mut String) {
    evidence_html(e, out);
    if e.sources.is_empty() {
        return;
    }
    out.push_str("<ul>");
    for s in &e.sources {
        let name = s.name();
        out.push_str("<li>");
        match s.url.as_deref().and_then(link_url) {
            Some(url) => {
                let _ = write!(
                    out,
                    r#"<a href="{}" rel="noreferrer">{}</a>"#,
                    escape(url),
                    escape(&name)
                );
            }
            None => out.push_str(&escape(&name)),
        }
        if let Some(a) = s.article {
            let _ = write!(out, " (article {a})");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

fn contact_card(id: &str, lane: &Lane, c: &LaneContact, e: Option<&Event>, out: &mut String) {
    let _ = write!(
        out,
        r#"<div class="card" id="{id}"><p><b>{}</b> · {} <span class="muted">({} precision)</span></p>"#,
        c.kind.as_str(),
        c.span.value(),
        c.span.precision.as_str()
    );
    let actors = e.map_or_else(
        || lane.label(),
        |e| actor_list(&e.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>()),
    );
    let _ = write!(out, "<p>{}</p>", escape(&actors));
    if let Some(g) = c.gap {
        let _ = write!(
            out,
            "<p>{} days since the previous contact of {}{}</p>",
            g.display(),
            escape(&lane.label()),
            if c.long {
                " (longer than the median)"
            } else {
                ""
            }
        );
    }
    if let Some(e) = e {
        source_items(e, out);
    }
    out.push_str("</div>");
}

fn claim_card(id: &str, lane: &Lane, c: &LaneClaim, out: &mut String) {
    let _ = write!(
        out,
        r#"<div class="card" id="{id}"><p><b>Claim</b> about {}</p><blockquote>{}</blockquote><p>Stated silence: {}{}</p><p class="status-{}"><b>{}</b>: {}</p></div>"#,
        escape(&lane.label()),
        escape(&c.text),
        escape(&c.days_text()),
        c.ending
            .map(|e| format!(" before {}", e.value()))
            .unwrap_or_default(),
        c.status.as_str(),
        c.status.as_str(),
        escape(&c.reason)
    );
}

/// Year ticks as the script draws them: every `step` years, labels 44
/// units apart at least.
fn axis(y0: i32, y1: i32, scale: &Scale, height: f64, out: &mut String) {
    let per_year = (P1 - P0) / f64::from(y1 + 1 - y0);
    let step = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|s| per_year * f64::from(*s) >= 44.0)
        .unwrap_or(100);
    let mut y = (y0 + step - 1).div_euclid(step) * step;
    while y <= y1 + 1 {
        let x = num(scale.x(NaiveDate::from_ymd_opt(y, 1, 1).map_or(0, day_number)));
        let _ = write!(
            out,
            r#"<line x1="{x}" x2="{x}" y1="{}" y2="{}" class="tick"/>"#,
            num(TOP - 6.0),
            num(height)
        );
        if y <= y1 {
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" class="year">{y}</text>"#,
                num(scale.x(NaiveDate::from_ymd_opt(y, 1, 1).map_or(0, day_number)) + 4.0),
                num(TOP - 10.0)
            );
        }
        y += step;
    }
}

fn legend(p: &Page, out: &mut String) {
    let mut kinds: Vec<EventKind> = Vec::new();
    let (mut hollow, mut long, mut claims) = (false, false, Vec::new());
    for l in p.lanes {
        for c in &l.contacts {
            if !kinds.contains(&c.kind) {
                kinds.push(c.kind);
            }
            hollow |= !c.span.is_day();
            long |= c.long;
        }
        for c in &l.claims {
            if !claims.contains(&c.status) {
                claims.push(c.status);
            }
        }
    }
    kinds.sort_by_key(|k| EventKind::ALL.iter().position(|x| x == k));
    out.push_str(r#"<div class="legend">"#);
    let icon = |class: &str, body: &str| {
        format!(
            r#"<svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true"><g class="icon {class}">{body}</g></svg>"#
        )
    };
    for k in &kinds {
        let _ = write!(
            out,
            "<span>{} {}</span>",
            icon(k.as_str(), shape(*k)),
            k.as_str()
        );
    }
    if hollow {
        let k = kinds.first().copied().unwrap_or(EventKind::Meeting);
        let _ = write!(
            out,
            "<span>{} hollow: known to the month or year (band: the days it may be)</span>",
            icon(&format!("hollow {}", k.as_str()), shape(k))
        );
    }
    if long {
        out.push_str(r#"<span><svg width="26" height="12" aria-hidden="true"><line class="long" x1="2" x2="24" y1="6" y2="6"/></svg> silence longer than the pair's median</span>"#);
    }
    for s in claims {
        let _ = write!(
            out,
            r#"<span class="status-{}">{} claimed silence, {}</span>"#,
            s.as_str(),
            status_glyph(s),
            s.as_str()
        );
    }
    out.push_str("</div>");
}

fn tables(p: &Page, out: &mut String) {
    out.push_str(r#"<h2>Contacts</h2><table><thead><tr><th>date</th><th>kind</th><th>actors</th><th>gap (days)</th><th>evidence and sources</th></tr></thead><tbody>"#);
    for (e, gap) in p.rows {
        let names: Vec<String> = e.actors.iter().map(|a| a.name.clone()).collect();
        let _ = write!(
            out,
            r#"<tr><td class="date">{}</td><td>{}</td><td>{}</td><td class="num">{}</td><td>"#,
            e.span.value(),
            e.kind.as_str(),
            escape(&actor_list(&names)),
            gap.map_or_else(|| "—".to_string(), |g| g.display())
        );
        source_items(e, out);
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table>");
    let claims: Vec<(&Lane, &LaneClaim)> = p
        .lanes
        .iter()
        .flat_map(|l| l.claims.iter().map(move |c| (l, c)))
        .collect();
    if claims.is_empty() {
        return;
    }
    out.push_str(r#"<h2>Claims</h2><table><thead><tr><th>actors</th><th>claim</th><th>days</th><th>implied previous</th><th>status</th></tr></thead><tbody>"#);
    for (l, c) in claims {
        let _ = write!(
            out,
            r#"<tr><td>{}</td><td>{}</td><td class="num">{}{}</td><td class="date">{}</td><td class="status-{}"><b>{}</b>: {}</td></tr>"#,
            escape(&l.label()),
            escape(&c.text),
            escape(&c.days_text()),
            c.ending
                .map(|e| format!(" before {}", e.value()))
                .unwrap_or_default(),
            c.implied.map_or_else(|| "—".to_string(), |s| s.value()),
            c.status.as_str(),
            c.status.as_str(),
            escape(&c.reason)
        );
    }
    out.push_str("</tbody></table>");
}

/// The page.
pub fn page(p: &Page) -> String {
    let events: HashMap<i64, &Event> = p.rows.iter().map(|(e, _)| (e.id, e)).collect();
    let (mut lo, mut hi) = (i32::MAX, i32::MIN);
    let (mut first, mut last): (Option<Span>, Option<Span>) = (None, None);
    for l in p.lanes {
        for c in &l.contacts {
            lo = lo.min(c.span.start.year());
            hi = hi.max(c.span.end.year());
            first = Some(first.map_or(c.span, |f| f.min(c.span)));
            last = Some(last.map_or(c.span, |f| f.max(c.span)));
        }
        for c in &l.claims {
            if let Some((a, b)) = claim_days(c) {
                lo = lo.min(crate::date::from_day_number(a).year());
                hi = hi.max(crate::date::from_day_number(b).year());
            }
        }
    }
    let count = p.rows.len();
    if lo > hi {
        (lo, hi) = (p.today.year(), p.today.year());
    }
    let scale = Scale::years(lo, hi);
    let rows: Vec<Vec<Vec<usize>>> = p.lanes.iter().map(|l| claim_rows(l, &scale)).collect();
    let height = TOP + rows.iter().map(|r| lane_height(r.len())).sum::<f64>() + 8.0;

    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{}">
<meta name="generator" content="dateline">
<title>{}</title>
<style>
{STYLE}</style>
</head>
<body>
<header><h1>{}</h1>
"#,
        policy(),
        escape(p.title),
        escape(p.title)
    );
    let _ = writeln!(
        out,
        r#"<p class="sub">{count} event{} in {} lane{}{}. Made by dateline on {}.</p></header>"#,
        if count == 1 { "" } else { "s" },
        p.lanes.len(),
        if p.lanes.len() == 1 { "" } else { "s" },
        match (first, last) {
            (Some(f), Some(l)) => format!(", {} to {}", f.value(), l.value()),
            _ => String::new(),
        },
        p.today.format("%Y-%m-%d")
    );
    let _ = writeln!(
        out,
        r#"<form class="controls" id="zoom" aria-label="Years shown"><label>From <input type="range" id="from" min="{lo}" max="{hi}" value="{lo}" step="1"></label><output id="from-out" for="from">{lo}</output><label>to <input type="range" id="to" min="{lo}" max="{hi}" value="{hi}" step="1"></label><output id="to-out" for="to">{hi}</output></form>"#
    );
    legend(p, &mut out);
    let _ = writeln!(
        out,
        r#"
<svg id="chart" viewBox="0 0 {} {}" data-p0="{}" data-p1="{}" data-top="{}" data-height="{}" role="group" aria-label="Timeline: a lane per pair, a mark per contact">
<defs><clipPath id="clip"><rect x="{}" y="0" width="{}" height="{}"/></clipPath></defs>"#,
        num(WIDTH),
        num(height),
        num(P0),
        num(P1),
        num(TOP),
        num(height),
        num(P0 - 12.0),
        num(P1 - P0 + 24.0),
        num(height)
    );
    // Bands and labels.
    let mut y = TOP;
    out.push_str(r#"<g id="lanes">"#);
    for (i, (l, r)) in p.lanes.iter().zip(&rows).enumerate() {
        let h = lane_height(r.len());
        if i % 2 == 0 {
            let _ = write!(
                out,
                r#"<rect class="band" x="0" y="{}" width="{}" height="{}"/>"#,
                num(y),
                num(WIDTH),
                num(h)
            );
        }
        let _ = write!(
            out,
            r#"<text class="lane-label" x="10" y="{}">{}<title>{}</title></text>"#,
            num(y + 30.0),
            escape(&label_text(&l.label())),
            escape(&l.label())
        );
        y += h;
    }
    out.push_str("</g>\n<g id=\"axis\">");
    axis(lo, hi, &scale, height, &mut out);
    out.push_str("</g>\n<g id=\"plot\" clip-path=\"url(#clip)\">\n");
    let mut cards = String::new();
    let mut y = TOP;
    for (li, (l, r)) in p.lanes.iter().zip(&rows).enumerate() {
        let my = y + 26.0;
        let mids: Vec<i64> = l.contacts.iter().map(|c| mid(&c.span)).collect();
        if let (Some(&a), Some(&b)) = (mids.first(), mids.last()) {
            let _ = write!(
                out,
                r#"<line class="track" data-fit="line" data-a="{a}" data-b="{b}" x1="{}" x2="{}" y1="{}" y2="{}"/>"#,
                num(scale.x(a)),
                num(scale.x(b)),
                num(my),
                num(my)
            );
        }
        for (i, c) in l.contacts.iter().enumerate().skip(1) {
            let (a, b) = (mids[i - 1], mids[i]);
            let Some(g) = c.gap else { continue };
            if c.long {
                let _ = write!(
                    out,
                    r#"<line class="long" data-fit="line" data-a="{a}" data-b="{b}" x1="{}" x2="{}" y1="{}" y2="{}"/>"#,
                    num(scale.x(a)),
                    num(scale.x(b)),
                    num(my),
                    num(my)
                );
            }
            let _ = write!(
                out,
                r#"<text class="gap-label{}" data-fit="mid" data-a="{a}" data-b="{b}" x="{}" y="{}">{} d</text>"#,
                if c.long { " long-label" } else { "" },
                num((scale.x(a) + scale.x(b)) / 2.0),
                num(my - 12.0),
                g.display()
            );
        }
        for c in l.contacts.iter().filter(|c| !c.span.is_day()) {
            let (a, b) = (day_number(c.span.start), day_number(c.span.end) + 1);
            let _ = write!(
                out,
                r#"<rect class="extent {}" data-fit="rect" data-a="{a}" data-b="{b}" x="{}" width="{}" y="{}" height="18"/>"#,
                c.kind.as_str(),
                num(scale.x(a)),
                num((scale.x(b) - scale.x(a)).max(1.0)),
                num(my - 9.0)
            );
        }
        for (k, row) in r.iter().enumerate() {
            let cy = my + 16.0 + CLAIM_ROW * k as f64;
            for &ci in row {
                let c = &l.claims[ci];
                let Some((a, b)) = claim_days(c) else {
                    continue;
                };
                let id = format!("card-claim-{}", c.id);
                let (xa, xb) = (num(scale.x(a)), num(scale.x(b)));
                let _ = write!(
                    out,
                    r#"<g class="claim {}" tabindex="0" role="img" aria-label="{}" aria-describedby="{id}" data-card="{id}"><line data-fit="line" data-a="{a}" data-b="{b}" x1="{xa}" x2="{xb}" y1="{}" y2="{}"/><line data-fit="line" data-a="{a}" data-b="{a}" x1="{xa}" x2="{xa}" y1="{}" y2="{}"/><line data-fit="line" data-a="{b}" data-b="{b}" x1="{xb}" x2="{xb}" y1="{}" y2="{}"/><text data-fit="mid" data-a="{a}" data-b="{b}" x="{}" y="{}">{}</text></g>"#,
                    c.status.as_str(),
                    escape(&format!(
                        "claim about {}: “{}”, {}: {}",
                        l.label(),
                        c.text,
                        c.days_text(),
                        c.status.as_str()
                    )),
                    num(cy),
                    num(cy),
                    num(cy - 5.0),
                    num(cy),
                    num(cy - 5.0),
                    num(cy),
                    num((scale.x(a) + scale.x(b)) / 2.0),
                    num(cy + 13.0),
                    escape(&claim_label(c))
                );
                claim_card(&id, l, c, &mut cards);
            }
        }
        for (i, c) in l.contacts.iter().enumerate() {
            let id = format!("card-{li}-{i}");
            let e = events.get(&c.event).copied();
            let actors = e.map_or_else(
                || l.label(),
                |e| actor_list(&e.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>()),
            );
            let (a, b) = (day_number(c.span.start), day_number(c.span.end));
            let _ = write!(
                out,
                r#"<g class="mark {}{}" tabindex="0" role="img" aria-label="{}" aria-describedby="{id}" data-card="{id}" data-fit="move" data-a="{a}" data-b="{b}" data-y="{}" transform="translate({},{})"><circle class="ring" r="12"/>{}</g>"#,
                c.kind.as_str(),
                if c.span.is_day() { "" } else { " hollow" },
                escape(&format!(
                    "{} {}: {}",
                    c.kind.as_str(),
                    c.span.value(),
                    actors
                )),
                num(my),
                num(scale.x(mid(&c.span))),
                num(my),
                shape(c.kind)
            );
            contact_card(&id, l, c, e, &mut cards);
        }
        out.push('\n');
        y += lane_height(r.len());
    }
    out.push_str("</g>\n</svg>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n");
    let _ = writeln!(out, r#"<div id="cards" hidden>{cards}</div>"#);
    tables(p, &mut out);
    let _ = write!(
        out,
        "\n<footer>Hover or focus (Tab) a mark for its evidence and sources; the year range zooms. Self-contained: this page loads nothing.</footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

#[cfg(test)]
mod tests;
