//! `check`: the database's integrity, foreign keys and derived contacts.

use super::{open, Io, Outcome};
use crate::render::{text, write_json};
use crate::request::Context;
use crate::store::Access;
use anyhow::{bail, Result};

pub fn run(ctx: &Context, io: &mut Io<'_>) -> Result<Outcome> {
    if !ctx.db.exists() {
        bail!("{}: no such database", ctx.db.display());
    }
    let store = open(ctx, Access::Read)?;
    let health = store.db().check()?;
    if ctx.json {
        let value = serde_json::json!({
            "path": ctx.db.display().to_string(),
            "ok": health.ok(),
            "integrity": health.integrity,
            "foreign_keys": health.foreign_keys,
            "contacts_missing": health.contacts_missing,
            "contacts_extra": health.contacts_extra,
        });
        write_json(io.out, &value)?;
    } else {
        text::health(io.out, &health)?;
    }
    if !health.ok() {
        io.problem(format!("{}: the check found problems", ctx.db.display()));
        return Ok(Outcome::Partial);
    }
    Ok(Outcome::Done)
}
