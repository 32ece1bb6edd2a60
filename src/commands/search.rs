//! `search QUERY`: articles matching a full-text query, best first, each
//! with the events recorded from it.

use super::{open, Io, Outcome};
use crate::render::search::{self as render, Found, Style};
use crate::request::{Context, Search};
use crate::store::{Access, SearchQuery};
use anyhow::{anyhow, Result};

pub fn run(ctx: &Context, req: &Search, io: &mut Io<'_>) -> Result<Outcome> {
    let store = open(ctx, Access::Read)?;
    let db = store.db();
    let hits = db
        .search(&SearchQuery {
            fts: &req.fts,
            since: req.since,
            until: req.until,
            limit: req.limit,
        })
        .map_err(|e| anyhow!("search query '{}': {e}", req.query))?;
    let mut found = Vec::with_capacity(hits.len());
    for hit in hits {
        let mut events = Vec::new();
        for id in db.article_event_ids(hit.article)? {
            events.extend(db.event(id)?);
        }
        found.push(Found { hit, events });
    }
    if ctx.json {
        render::json(io.out, &found)?;
    } else {
        let style = Style {
            color: ctx.color(true),
        };
        render::text(io.out, &req.query, &found, style)?;
    }
    Ok(Outcome::Done)
}
