//! `events`: list events with filters.

use super::{open, Io, Outcome};
use crate::model::EventFilter;
use crate::render::{json, text, write_json};
use crate::request::{Context, Events};
use crate::resolve;
use crate::store::{Access, Db};
use anyhow::Result;

/// The store filter for a request: actor names resolved.
pub fn filter(db: Db<'_>, req: &Events) -> Result<EventFilter> {
    let mut actors = Vec::with_capacity(req.actors.len());
    for name in &req.actors {
        actors.push(resolve::find(db, name)?.id);
    }
    Ok(EventFilter {
        actors,
        kinds: req.kinds.clone(),
        since: req.since,
        until: req.until,
        origins: req.origins.clone(),
    })
}

pub fn run(ctx: &Context, req: &Events, io: &mut Io<'_>) -> Result<Outcome> {
    let store = open(ctx, Access::Read)?;
    let db = store.db();
    let events = db.events(&filter(db, req)?)?;
    if ctx.json {
        let list: Vec<json::EventJson> = events.iter().map(json::EventJson::from).collect();
        write_json(io.out, &list)?;
    } else {
        text::events(io.out, &events)?;
    }
    Ok(Outcome::Done)
}
