//! `timeline [ACTOR…]`: events oldest first with the gap since the previous
//! contact of the same pair.

use super::{open, output, Io, Outcome};
use crate::gaps::{timeline_gaps, Days};
use crate::lanes;
use crate::model::{Event, EventFilter};
use crate::render::{self, json, text, write_json};
use crate::request::{Context, Format, Timeline};
use crate::resolve;
use crate::store::Access;
use anyhow::Result;

/// The pairs of an event that count for a timeline of `actors` (none given:
/// every pair; one: its pairs; several: pairs among them).
fn pairs(e: &Event, actors: &[i64]) -> Vec<(i64, i64)> {
    if !e.kind.is_contact() {
        return Vec::new();
    }
    let ids: Vec<i64> = e.actors.iter().map(|a| a.id).collect();
    let mut out = Vec::new();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            let (a, b) = ((*a).min(*b), (*a).max(*b));
            let counts = match actors {
                [] => true,
                [one] => a == *one || b == *one,
                many => many.contains(&a) && many.contains(&b),
            };
            if counts {
                out.push((a, b));
            }
        }
    }
    out
}

/// The title of a picture of the timeline of `names`.
fn title(names: &[String]) -> String {
    match names {
        [] => "Contacts".to_string(),
        [one] => format!("Contacts of {one}"),
        [init @ .., last] => format!("Contacts between {} and {last}", init.join(", ")),
    }
}

pub fn run(ctx: &Context, req: Timeline, io: &mut Io<'_>) -> Result<Outcome> {
    let store = open(ctx, Access::Read)?;
    let db = store.db();
    let mut actors = Vec::new();
    let mut names = Vec::new();
    for name in &req.actors {
        let a = resolve::find(db, name)?;
        actors.push(a.id);
        names.push(a.name);
    }
    let events = db.events(&EventFilter {
        actors: actors.clone(),
        kinds: req.kinds.clone(),
        ..EventFilter::default()
    })?;
    if let Some(chart) = req.chart {
        let mut lanes = lanes::from_events(&events, |e| pairs(e, &actors), &actors);
        super::claims::attach(db, &mut lanes)?;
        let to_stdout = req.output.is_none();
        let options = render::chart::Options {
            width: render::chart_width(chart.width, to_stdout && ctx.terminal),
            ascii: chart.ascii,
            color: ctx.color(to_stdout),
        };
        let mut out = output(req.output.as_deref(), io.out)?;
        render::write_lines(&mut out, &render::chart::layout(&lanes, &options))?;
        out.flush()?;
        return Ok(Outcome::Done);
    }
    let keyed: Vec<_> = events.iter().map(|e| (e.span, pairs(e, &actors))).collect();
    let rows: Vec<(Event, Option<Days>)> = events.into_iter().zip(timeline_gaps(&keyed)).collect();
    let mut out = output(req.output.as_deref(), io.out)?;
    match req.format {
        Format::Table => text::timeline(&mut out, &rows)?,
        Format::Json => {
            let list: Vec<json::TimelineJson> = rows
                .iter()
                .map(|(e, gap)| {
                    let (gap_days, gap_min_days, gap_max_days) = json::gap_fields(*gap);
                    json::TimelineJson {
                        event: json::EventJson::from(e),
                        gap_days,
                        gap_min_days,
                        gap_max_days,
                    }
                })
                .collect();
            write_json(&mut out, &list)?;
        }
        Format::Csv => crate::interop::csv::write_timeline(&mut out, &rows, req.formula_guard)?,
        Format::Html => {
            let events: Vec<Event> = rows.iter().map(|(e, _)| e.clone()).collect();
            let mut lanes = lanes::from_events(&events, |e| pairs(e, &actors), &actors);
            super::claims::attach(db, &mut lanes)?;
            let page = render::html::page(&render::html::Page {
                title: &title(&names),
                lanes: &lanes,
                rows: &rows,
                today: ctx.today,
            });
            out.write_all(page.as_bytes())?;
        }
        Format::TimelineJs => write_json(
            &mut out,
            &render::timelinejs::timeline(&title(&names), &rows, ctx.today),
        )?,
    }
    out.flush()?;
    Ok(Outcome::Done)
}
