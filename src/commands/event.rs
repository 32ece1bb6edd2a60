//! `event add / edit / rm`: events recorded or fixed by hand.

use super::{open, Io, Outcome};
use crate::model::{Event, Origin, Source};
use crate::render::{json, text, write_json};
use crate::request::{Context, EventAdd, EventEdit};
use crate::resolve;
use crate::store::{Access, Attach, Match, NewEvent, StoreError};
use anyhow::{bail, Result};

fn print(ctx: &Context, io: &mut Io<'_>, verb: &str, e: &Event) -> Result<()> {
    if ctx.json {
        write_json(io.out, &json::EventJson::from(e))?;
    } else {
        let names: Vec<String> = e.actors.iter().map(|a| a.name.clone()).collect();
        writeln!(
            io.out,
            "{verb} event {}: {} {} {}",
            e.id,
            e.kind.as_str(),
            e.span.value(),
            text::actor_list(&names)
        )?;
    }
    Ok(())
}

pub fn add(ctx: &Context, req: EventAdd, io: &mut Io<'_>) -> Result<Outcome> {
    let mut store = open(ctx, Access::Write)?;
    let attach = store.write(|tx| -> Result<Attach> {
        let mut actors = Vec::new();
        for name in &req.actors {
            actors.push(resolve::find_or_create(tx, name)?);
        }
        let mut distinct = actors.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if req.kind.is_contact() && distinct.len() < 2 {
            bail!("a {} needs two or more different actors", req.kind.as_str());
        }
        let source = match req.article {
            Some(id) => {
                if tx.db().article(id)?.is_none() {
                    bail!("no article {id}");
                }
                Some(Source {
                    article: Some(id),
                    ..Source::default()
                })
            }
            None => None,
        };
        Ok(tx.record_event(
            &NewEvent {
                kind: req.kind,
                span: req.span,
                origin: Origin::Manual,
                note: req.note.as_deref(),
                actors: &actors,
                ext_id: None,
            },
            source.as_ref(),
            Match::Containing,
        )?)
    })?;
    let event = store
        .db()
        .event(attach.id())?
        .ok_or_else(|| StoreError::Invalid("the recorded event vanished".into()))?;
    let verb = match attach {
        Attach::New(_) => "recorded",
        Attach::Existing(..) => "already recorded as",
    };
    print(ctx, io, verb, &event)?;
    Ok(Outcome::Done)
}

pub fn edit(ctx: &Context, req: EventEdit, io: &mut Io<'_>) -> Result<Outcome> {
    let mut store = open(ctx, Access::Write)?;
    store.write(|tx| -> Result<()> {
        let Some(current) = tx.db().event(req.id)? else {
            bail!("no event {}", req.id);
        };
        let actors = if req.actors.is_empty() {
            None
        } else {
            let mut ids = Vec::new();
            for name in &req.actors {
                ids.push(resolve::find_or_create(tx, name)?);
            }
            Some(ids)
        };
        let kind = req.kind.unwrap_or(current.kind);
        let count = actors.as_ref().map_or(current.actors.len(), Vec::len);
        if kind.is_contact() && count < 2 {
            bail!("a {} needs two or more different actors", kind.as_str());
        }
        let note = req
            .note
            .as_deref()
            .map(|n| Some(n).filter(|n| !n.is_empty()));
        tx.update_event(req.id, req.kind, req.span, actors.as_deref(), note)?;
        Ok(())
    })?;
    let event = store
        .db()
        .event(req.id)?
        .ok_or_else(|| StoreError::Invalid("the edited event vanished".into()))?;
    print(ctx, io, "updated", &event)?;
    Ok(Outcome::Done)
}

pub fn rm(ctx: &Context, ids: &[i64], io: &mut Io<'_>) -> Result<Outcome> {
    let mut store = open(ctx, Access::Write)?;
    let mut failed = false;
    for &id in ids {
        if store.write(|tx| tx.delete_event(id))? {
            writeln!(io.out, "removed event {id}")?;
        } else {
            failed = true;
            io.problem(format!("no event {id}"));
        }
    }
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}
