//! `gaps A B` and `gaps --all`.

use super::{open, Io, Outcome};
use crate::gaps::{gaps, summarize, PairScan, PairSummary};
use crate::lanes;
use crate::model::Contact;
use crate::render::{self, json, text, write_json, write_json_array};
use crate::request::{Context, Gaps, GapsAll, Sort};
use crate::resolve;
use crate::store::Access;
use anyhow::{bail, Result};
use std::cmp::Reverse;

pub fn pair(ctx: &Context, req: Gaps, io: &mut Io<'_>) -> Result<Outcome> {
    let store = open(ctx, Access::Read)?;
    let db = store.db();
    let a = resolve::find(db, &req.actors.0)?;
    let b = resolve::find(db, &req.actors.1)?;
    if a.id == b.id {
        bail!(
            "{:?} and {:?} are the same actor ({})",
            req.actors.0,
            req.actors.1,
            a.name
        );
    }
    let mut contacts: Vec<Contact> = db.pair_contacts(a.id, b.id)?;
    // The state as of the date: later contacts are not known yet.
    contacts.retain(|c| c.span.start <= req.as_of);
    if !req.kinds.is_empty() {
        contacts.retain(|c| req.kinds.contains(&c.kind));
    }
    let spans: Vec<_> = contacts.iter().map(|c| c.span).collect();
    let gaps = gaps(&spans);
    let summary = summarize(&spans, &gaps, req.as_of);
    if let Some(chart) = req.chart {
        let names = [a.name.clone(), b.name.clone()];
        let mut lane = [lanes::pair_lane((a.id, b.id), names, &contacts, req.as_of)];
        super::claims::attach(db, &mut lane)?;
        let options = render::chart::Options {
            width: render::chart_width(chart.width, ctx.terminal),
            ascii: chart.ascii,
            color: ctx.color(true),
        };
        render::write_lines(io.out, &render::chart::layout(&lane, &options))?;
        writeln!(io.out)?;
        text::summary(io.out, &summary)?;
        return Ok(Outcome::Done);
    }
    if ctx.json {
        let value = json::GapsJson {
            actors: [a.name.clone(), b.name.clone()],
            contacts: contacts
                .iter()
                .zip(&gaps)
                .map(|(c, gap)| {
                    let (gap_days, gap_min_days, gap_max_days) = json::gap_fields(*gap);
                    json::ContactJson {
                        event: c.event,
                        date: json::date_text(&c.span),
                        precision: c.span.precision.as_str().to_string(),
                        kind: c.kind.as_str().to_string(),
                        gap_days,
                        gap_min_days,
                        gap_max_days,
                    }
                })
                .collect(),
            summary: json::SummaryJson::from(&summary),
        };
        write_json(io.out, &value)?;
    } else {
        text::gaps(io.out, &[a, b], &contacts, &gaps, &summary)?;
    }
    Ok(Outcome::Done)
}

pub fn all(ctx: &Context, req: GapsAll, io: &mut Io<'_>) -> Result<Outcome> {
    let store = open(ctx, Access::Read)?;
    let db = store.db();
    let mut scan = PairScan::new(req.as_of);
    db.for_each_contact(|a, b, s, e| scan.push(a, b, s, e))?;
    let mut pairs: Vec<PairSummary> = scan.finish();
    pairs.retain(|p| p.count >= req.min_contacts);
    // Names by id, fetched once: ids are dense, so a vector beats a map for
    // the two lookups per row of the sort and the table.
    let mut names: Vec<Option<String>> = Vec::new();
    for a in db.actor_names()? {
        let Ok(i) = usize::try_from(a.id) else {
            continue;
        };
        if i >= names.len() {
            names.resize(i + 1, None);
        }
        names[i] = Some(a.name);
    }
    let name = |id: i64| {
        usize::try_from(id)
            .ok()
            .and_then(|i| names.get(i))
            .and_then(Option::as_deref)
            .unwrap_or("?")
    };
    // Every key ends in the pair, which is unique: an unstable sort gives
    // the one order a stable sort would.
    match req.sort {
        Sort::Silence => {
            pairs.sort_unstable_by_key(|p| (Reverse((p.silence.max, p.silence.min)), p.a, p.b))
        }
        Sort::Longest => {
            pairs.sort_unstable_by_key(|p| (Reverse(p.longest.map(|l| (l.max, l.min))), p.a, p.b))
        }
        Sort::Count => pairs.sort_unstable_by_key(|p| (Reverse(p.count), p.a, p.b)),
        Sort::Last => pairs.sort_unstable_by_key(|p| (Reverse(p.last), p.a, p.b)),
        Sort::Pair => pairs.sort_by_cached_key(|p| {
            let (x, y) = (name(p.a), name(p.b));
            if x <= y {
                (x.to_string(), y.to_string())
            } else {
                (y.to_string(), x.to_string())
            }
        }),
    }
    if let Some(top) = req.top {
        pairs.truncate(top);
    }
    if ctx.json {
        let items = pairs
            .iter()
            .map(|p| json::PairJson::new(p, name(p.a), name(p.b)));
        write_json_array(io.out, items)?;
    } else {
        text::pairs(io.out, &pairs, &name)?;
    }
    Ok(Outcome::Done)
}
