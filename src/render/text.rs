//! Tables and plain text for people.

use super::{grid, keep_whole, opt, table, write_table};
use crate::check::Verdict;
use crate::date::Span;
use crate::gaps::{Days, PairSummary, Summary};
use crate::ingest::Recorded;
use crate::model::{Actor, ActorName, Claim, Contact, Counts, Event, StoredArticle};
use chrono::Datelike;
use std::io::{self, Write};

/// A table: comfy-table (wrapping to the width) for the usual sizes, the
/// streamed [`grid`] for long ones.
fn emit(
    out: &mut dyn Write,
    headers: &[&str],
    rows: Vec<Vec<String>>,
    whole: &[usize],
) -> io::Result<()> {
    if rows.len() > grid::LONG {
        return grid::write(out, headers, &rows);
    }
    let mut t = table(headers.iter().copied());
    for r in rows {
        t.add_row(r);
    }
    keep_whole(&mut t, whole);
    write_table(out, &t)
}

/// `Joe Biden — Benjamin Netanyahu`.
pub fn actor_list(names: &[String]) -> String {
    names.join(" — ")
}

fn event_actors(e: &Event) -> String {
    actor_list(&e.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>())
}

fn gap_text(g: Option<Days>) -> String {
    let mut s = String::new();
    push_gap(&mut s, g);
    s
}

/// Append [`gap_text`] to `out`.
fn push_gap(out: &mut String, g: Option<Days>) {
    match g {
        Some(g) => g.push_display(out),
        None => out.push('—'),
    }
}

/// The lines `add` prints for one article.
pub fn recorded(
    out: &mut dyn Write,
    verb: &str,
    name: &str,
    date: &str,
    r: &Recorded,
) -> io::Result<()> {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    writeln!(
        out,
        "{verb} {name} ({date}): {}, {}",
        plural(r.events.len(), "event"),
        plural(r.claims, "claim")
    )?;
    for e in &r.events {
        let note = match e.attach {
            Some(crate::store::Attach::Existing(id, _)) => format!(" (same as event {id})"),
            _ => String::new(),
        };
        writeln!(
            out,
            "  {} {} {}{note}",
            e.kind.as_str(),
            e.span.value(),
            actor_list(&e.actors)
        )?;
    }
    Ok(())
}

pub fn events(out: &mut dyn Write, events: &[Event]) -> io::Result<()> {
    let mut rows = Vec::with_capacity(events.len());
    for e in events {
        let text = e
            .sources
            .iter()
            .find_map(|s| s.evidence.clone())
            .or_else(|| e.note.clone())
            .unwrap_or_default();
        rows.push(vec![
            e.id.to_string(),
            e.span.value(),
            e.kind.as_str().to_string(),
            event_actors(e),
            e.origin.as_str().to_string(),
            e.sources.len().to_string(),
            text,
        ]);
    }
    let headers = [
        "id",
        "date",
        "kind",
        "actors",
        "origin",
        "sources",
        "evidence / note",
    ];
    emit(out, &headers, rows, &[0, 1, 2, 4, 5])
}

pub fn timeline(out: &mut dyn Write, rows: &[(Event, Option<Days>)]) -> io::Result<()> {
    let mut cells = Vec::with_capacity(rows.len());
    for (e, gap) in rows {
        cells.push(vec![
            e.span.value(),
            e.kind.as_str().to_string(),
            event_actors(e),
            gap_text(*gap),
            e.id.to_string(),
            e.sources
                .iter()
                .find_map(|s| s.evidence.clone())
                .or_else(|| e.note.clone())
                .unwrap_or_default(),
        ]);
    }
    let headers = ["date", "kind", "actors", "gap (days)", "event", "evidence"];
    emit(out, &headers, cells, &[0, 1, 3, 4])
}

/// `gaps A B`: the contacts of a pair, each with the gap before it (`gaps`,
/// one per contact), and the summary.
pub fn gaps(
    out: &mut dyn Write,
    pair: &[ActorName; 2],
    contacts: &[Contact],
    gaps: &[Option<Days>],
    s: &Summary,
) -> io::Result<()> {
    writeln!(out, "{} — {}", pair[0].name, pair[1].name)?;
    let headers = ["date", "kind", "gap (days)", "event"];
    let rows = contacts.iter().zip(gaps);
    let fill = |(c, gap): (&Contact, &Option<Days>), cells: &mut [String; 4]| {
        c.span.push_value(&mut cells[0]);
        cells[1].push_str(c.kind.as_str());
        push_gap(&mut cells[2], *gap);
        cells[3].push_str(itoa::Buffer::new().format(c.event));
    };
    if contacts.len() > grid::LONG {
        // A busy pair has tens of thousands of rows: streamed.
        grid::stream(out, &headers, rows, fill)?;
    } else {
        let rows = rows
            .map(|row| {
                let mut cells = Default::default();
                fill(row, &mut cells);
                cells.to_vec()
            })
            .collect();
        emit(out, &headers, rows, &[0, 1, 2, 3])?;
    }
    summary(out, s)
}

/// The summary lines of `gaps A B`: count, first, last, gap statistics and
/// the silence since the last contact.
pub fn summary(out: &mut dyn Write, s: &Summary) -> io::Result<()> {
    let span = |v: Option<Span>| v.map(|s| s.value()).unwrap_or_else(|| "—".into());
    let stat = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    writeln!(out, "contacts: {}", s.count)?;
    writeln!(out, "first:    {}", span(s.first))?;
    writeln!(out, "last:     {}", span(s.last))?;
    writeln!(
        out,
        "gap:      min {}, median {}, mean {}, max {} days",
        stat(s.min.map(|d| d.display())),
        stat(s.median.map(|d| d.display())),
        stat(s.mean.map(|d| d.display())),
        stat(s.max.map(|d| d.display()))
    )?;
    writeln!(
        out,
        "since last contact: {} days (as of {})",
        stat(s.since_last.map(|d| d.display())),
        s.as_of.format("%Y-%m-%d")
    )
}

/// `gaps --all`: one row per pair, each pair's names in alphabetical order.
/// Streamed: nothing but the widths is kept, whatever the number of pairs.
pub fn pairs<'n>(
    out: &mut dyn Write,
    pairs: &[PairSummary],
    name: &dyn Fn(i64) -> &'n str,
) -> io::Result<()> {
    let headers = [
        "actor",
        "actor",
        "contacts",
        "last",
        "longest gap",
        "silence",
    ];
    let cells = |p: &PairSummary| -> [String; 6] {
        let (x, y) = (name(p.a), name(p.b));
        let (x, y) = if x <= y { (x, y) } else { (y, x) };
        [
            x.to_string(),
            y.to_string(),
            p.count.to_string(),
            p.last_span().value(),
            gap_text(p.longest),
            p.silence.display(),
        ]
    };
    if pairs.len() <= grid::LONG {
        let rows = pairs.iter().map(|p| cells(p).to_vec()).collect();
        return emit(out, &headers, rows, &[2, 3, 4, 5]);
    }
    // A first pass measures without formatting; the second formats each row
    // into reused buffers: hundreds of thousands of rows, no allocation each.
    let digits = |n: i64| n.max(1).ilog10() as usize + 1 + usize::from(n < 0);
    let days = |d: Days| {
        if d.is_exact() {
            digits(d.min)
        } else {
            digits(d.min) + 2 + digits(d.max)
        }
    };
    let mut g = grid::Grid::new(&headers);
    for p in pairs {
        let (x, y) = (name(p.a), name(p.b));
        let (x, y) = if x <= y { (x, y) } else { (y, x) };
        g.widen(0, grid::width(x));
        g.widen(1, grid::width(y));
        g.widen(2, digits(p.count as i64));
        g.widen(3, if p.last.0 == p.last.1 { 10 } else { 22 });
        g.widen(4, p.longest.map_or(1, days));
        g.widen(5, days(p.silence));
    }
    g.header(out, &headers)?;
    let mut buf: [String; 4] = Default::default();
    for p in pairs {
        use std::fmt::Write as _;
        let (x, y) = (name(p.a), name(p.b));
        let (x, y) = if x <= y { (x, y) } else { (y, x) };
        for b in buf.iter_mut() {
            b.clear();
        }
        let day = |n: i64| crate::date::from_day_number(n);
        let _ = write!(buf[0], "{}", p.count);
        let (s, e) = (day(p.last.0), day(p.last.1));
        let _ = if p.last.0 == p.last.1 {
            write!(buf[1], "{:04}-{:02}-{:02}", s.year(), s.month(), s.day())
        } else {
            write!(
                buf[1],
                "{:04}-{:02}-{:02}..{:04}-{:02}-{:02}",
                s.year(),
                s.month(),
                s.day(),
                e.year(),
                e.month(),
                e.day()
            )
        };
        let gap = |b: &mut String, d: Days| {
            let _ = if d.is_exact() {
                write!(b, "{}", d.min)
            } else {
                write!(b, "{}..{}", d.min, d.max)
            };
        };
        match p.longest {
            Some(d) => gap(&mut buf[2], d),
            None => buf[2].push('—'),
        }
        gap(&mut buf[3], p.silence);
        g.row(out, &[x, y, &buf[0], &buf[1], &buf[2], &buf[3]])?;
    }
    g.footer(out)
}

pub fn claims(
    out: &mut dyn Write,
    rows: &[(Claim, Option<Span>, Option<Span>, Verdict)],
) -> io::Result<()> {
    let mut t = table([
        "id",
        "actors",
        "claim",
        "days",
        "implied previous",
        "status",
    ]);
    for (c, ending, implied, v) in rows {
        let days = match (c.min_days, c.max_days) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}..{b}"),
            (Some(a), None) => format!("{a}.."),
            (None, _) if c.first_ever => "ever".into(),
            (None, _) => "—".into(),
        };
        let before = ending
            .map(|e| format!("\nbefore {}", e.value()))
            .unwrap_or_default();
        t.add_row(vec![
            c.id.to_string(),
            format!("{} — {}", c.actors[0].name, c.actors[1].name),
            c.text.clone(),
            format!("{days}{before}"),
            implied.map(|s| s.value()).unwrap_or_else(|| "—".into()),
            format!("{}: {}", v.status.as_str(), v.reason),
        ]);
    }
    keep_whole(&mut t, &[0, 3, 4]);
    write_table(out, &t)
}

fn article_label(a: &StoredArticle) -> String {
    a.title
        .clone()
        .or_else(|| {
            a.path.as_deref().map(|p| {
                std::path::Path::new(p)
                    .file_name()
                    .map_or(p.to_string(), |n| n.to_string_lossy().into_owned())
            })
        })
        .or_else(|| a.url.clone())
        .unwrap_or_default()
}

pub fn articles(out: &mut dyn Write, articles: &[StoredArticle]) -> io::Result<()> {
    let mut t = table(["id", "date", "title", "source", "events", "claims"]);
    for a in articles {
        t.add_row(vec![
            a.id.to_string(),
            a.published.format("%Y-%m-%d").to_string(),
            article_label(a),
            a.source
                .clone()
                .or_else(|| a.url.clone())
                .unwrap_or_default(),
            a.events.to_string(),
            a.claims.to_string(),
        ]);
    }
    keep_whole(&mut t, &[0, 1, 4, 5]);
    write_table(out, &t)
}

pub fn article(
    out: &mut dyn Write,
    a: &StoredArticle,
    events: &[Event],
    claims: &[(Claim, Option<Span>, Option<Span>, Verdict)],
) -> io::Result<()> {
    writeln!(out, "article {}: {}", a.id, article_label(a))?;
    writeln!(out, "date:    {}", a.published.format("%Y-%m-%d"))?;
    for (label, v) in [
        ("time:   ", &a.published_time),
        ("url:    ", &a.url),
        ("source: ", &a.source),
        ("path:   ", &a.path),
    ] {
        if v.is_some() {
            writeln!(out, "{label} {}", opt(v))?;
        }
    }
    writeln!(out, "added:   {}", a.added_at)?;
    writeln!(out)?;
    if events.is_empty() {
        writeln!(out, "no events")?;
    } else {
        let mut t = table(["event", "date", "kind", "actors", "evidence"]);
        for e in events {
            let evidence = e
                .sources
                .iter()
                .filter(|s| s.article == Some(a.id))
                .find_map(|s| s.evidence.clone())
                .unwrap_or_default();
            t.add_row(vec![
                e.id.to_string(),
                e.span.value(),
                e.kind.as_str().to_string(),
                event_actors(e),
                evidence,
            ]);
        }
        keep_whole(&mut t, &[0, 1, 2]);
        write_table(out, &t)?;
    }
    if !claims.is_empty() {
        writeln!(out)?;
        self::claims(out, claims)?;
    }
    Ok(())
}

pub fn actors(out: &mut dyn Write, actors: &[Actor]) -> io::Result<()> {
    let mut t = table(["id", "name", "kind", "role", "country", "events", "aliases"]);
    for a in actors {
        t.add_row(vec![
            a.id.to_string(),
            a.name.clone(),
            a.kind.as_str().to_string(),
            opt(&a.role).to_string(),
            opt(&a.country).to_string(),
            a.events.to_string(),
            a.aliases.join(", "),
        ]);
    }
    keep_whole(&mut t, &[0, 2, 5]);
    write_table(out, &t)
}

pub fn actor(
    out: &mut dyn Write,
    a: &Actor,
    roles: &[(String, String, String, Option<String>)],
    partners: &[(ActorName, i64, Contact)],
) -> io::Result<()> {
    writeln!(out, "{} (actor {}, {})", a.name, a.id, a.kind.as_str())?;
    if let Some(role) = &a.role {
        writeln!(out, "role:    {role}")?;
    }
    if let Some(country) = &a.country {
        writeln!(out, "country: {country}")?;
    }
    if !a.aliases.is_empty() {
        writeln!(out, "aliases: {}", a.aliases.join(", "))?;
    }
    writeln!(out, "events:  {}", a.events)?;
    for (country, title, start, end) in roles {
        writeln!(
            out,
            "role:    {title}, {country}, {start} – {}",
            end.as_deref().unwrap_or("")
        )?;
    }
    if !partners.is_empty() {
        let mut t = table(["contact with", "contacts", "last"]);
        for (p, n, last) in partners {
            t.add_row(vec![p.name.clone(), n.to_string(), last.span.value()]);
        }
        write_table(out, &t)?;
    }
    Ok(())
}

pub fn info(out: &mut dyn Write, path: &str, version: i64, c: &Counts) -> io::Result<()> {
    writeln!(out, "database:       {path}")?;
    writeln!(out, "schema version: {version}")?;
    writeln!(out, "articles:       {}", c.articles)?;
    writeln!(out, "events:         {}", c.events)?;
    writeln!(out, "sources:        {}", c.sources)?;
    writeln!(out, "actors:         {}", c.actors)?;
    writeln!(out, "aliases:        {}", c.aliases)?;
    writeln!(out, "contacts:       {}", c.contacts)?;
    writeln!(out, "claims:         {}", c.claims)
}

/// `check`: one line per check, its problems indented below it.
pub fn health(out: &mut dyn Write, h: &crate::store::Health) -> io::Result<()> {
    let section = |out: &mut dyn Write, name: &str, problems: &[String]| -> io::Result<()> {
        if problems.is_empty() {
            return writeln!(out, "{name}: ok");
        }
        writeln!(out, "{name}: {} problems", problems.len())?;
        for p in problems {
            writeln!(out, "  {p}")?;
        }
        Ok(())
    };
    section(out, "integrity", &h.integrity)?;
    section(out, "foreign keys", &h.foreign_keys)?;
    let mut contacts = Vec::new();
    if h.contacts_missing > 0 {
        contacts.push(format!(
            "{} rows missing for recorded events",
            h.contacts_missing
        ));
    }
    if h.contacts_extra > 0 {
        contacts.push(format!("{} rows without their event", h.contacts_extra));
    }
    section(out, "contacts", &contacts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gaps::PairScan;
    use chrono::NaiveDate;

    #[test]
    fn long_pair_lists_match_the_plain_grid() {
        let as_of = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let mut scan = PairScan::new(as_of);
        for a in 0..40i64 {
            for b in a + 1..70 {
                let start = 19000 + a * 7 + b;
                scan.push(a, b, start, start);
                if b % 3 == 0 {
                    scan.push(a, b, start + 40, start + 70);
                }
            }
        }
        let pairs = scan.finish();
        assert!(pairs.len() > grid::LONG);
        let names: Vec<String> = (0..70).map(|i| format!("Actor Ñame {i}")).collect();
        let name = |id: i64| names[id as usize].as_str();
        let mut fast = Vec::new();
        super::pairs(&mut fast, &pairs, &name).unwrap();
        let rows: Vec<Vec<String>> = pairs
            .iter()
            .map(|p| {
                let (x, y) = (name(p.a), name(p.b));
                let (x, y) = if x <= y { (x, y) } else { (y, x) };
                vec![
                    x.to_string(),
                    y.to_string(),
                    p.count.to_string(),
                    p.last_span().value(),
                    gap_text(p.longest),
                    p.silence.display(),
                ]
            })
            .collect();
        let mut plain = Vec::new();
        let headers = [
            "actor",
            "actor",
            "contacts",
            "last",
            "longest gap",
            "silence",
        ];
        grid::write(&mut plain, &headers, &rows).unwrap();
        assert_eq!(
            String::from_utf8(fast).unwrap(),
            String::from_utf8(plain).unwrap()
        );
    }

    #[test]
    fn long_gap_tables_match_the_plain_grid() {
        use crate::extract::EventKind;
        use crate::gaps::{gaps, summarize};
        let values = [
            "2024-01-16",
            "2024-W02",
            "2024-01",
            "2024",
            "2024-01-03..2024-01-05",
        ];
        let mut contacts: Vec<Contact> = (0..1500i64)
            .map(|i| Contact {
                event: i * 37 % 100_003,
                kind: [EventKind::Call, EventKind::Meeting][i as usize % 2],
                span: Span::parse_value(values[i as usize % values.len()]).unwrap(),
            })
            .collect();
        // A year of five digits: chrono writes the day.
        contacts.push(Contact {
            event: 1,
            kind: EventKind::Visit,
            span: Span::day(NaiveDate::from_ymd_opt(10000, 2, 29).unwrap()),
        });
        contacts.sort_by_key(|c| c.span.start);
        let spans: Vec<Span> = contacts.iter().map(|c| c.span).collect();
        let gaps = gaps(&spans);
        let as_of = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let summary = summarize(&spans, &gaps, as_of);
        let pair = ["A Ñame", "B Name"].map(|n| ActorName {
            id: 1,
            name: n.to_string(),
        });
        let mut fast = Vec::new();
        super::gaps(&mut fast, &pair, &contacts, &gaps, &summary).unwrap();
        let rows: Vec<Vec<String>> = contacts
            .iter()
            .zip(&gaps)
            .map(|(c, gap)| {
                let gap = gap.map_or("—".to_string(), |g| {
                    if g.is_exact() {
                        g.min.to_string()
                    } else {
                        format!("{}..{}", g.min, g.max)
                    }
                });
                let kind = c.kind.as_str().to_string();
                vec![c.span.value(), kind, gap, c.event.to_string()]
            })
            .collect();
        assert!(rows.len() > grid::LONG);
        let mut plain = "A Ñame — B Name\n".as_bytes().to_vec();
        let headers = ["date", "kind", "gap (days)", "event"];
        grid::write(&mut plain, &headers, &rows).unwrap();
        super::summary(&mut plain, &summary).unwrap();
        assert_eq!(
            String::from_utf8(fast).unwrap(),
            String::from_utf8(plain).unwrap()
        );
    }
}
