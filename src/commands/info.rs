//! `info`: database path, schema version, counts.

use super::{open, Io, Outcome};
use crate::render::{text, write_json};
use crate::request::Context;
use crate::store::{Access, SCHEMA_VERSION};
use anyhow::Result;

pub fn run(ctx: &Context, io: &mut Io<'_>) -> Result<Outcome> {
    let store = open(ctx, Access::Read)?;
    let counts = store.db().counts()?;
    let path = ctx.db.display().to_string();
    if ctx.json {
        let value = serde_json::json!({
            "path": path,
            "exists": ctx.db.exists(),
            "schema_version": SCHEMA_VERSION,
            "articles": counts.articles,
            "events": counts.events,
            "sources": counts.sources,
            "actors": counts.actors,
            "aliases": counts.aliases,
            "contacts": counts.contacts,
            "claims": counts.claims,
        });
        write_json(io.out, &value)?;
    } else {
        text::info(io.out, &path, SCHEMA_VERSION, &counts)?;
    }
    Ok(Outcome::Done)
}
