//! `backup FILE`: a consistent copy of the database, taken while it is in use.

use super::{open, Io, Outcome};
use crate::request::Context;
use crate::store::Access;
use anyhow::{bail, Result};
use std::path::Path;

pub fn run(ctx: &Context, file: &Path, io: &mut Io<'_>) -> Result<Outcome> {
    if !ctx.db.exists() {
        bail!("{}: no such database", ctx.db.display());
    }
    let store = open(ctx, Access::Read)?;
    let copied = store.backup(file)?;
    writeln!(
        io.out,
        "backed up {} to {}: {} pages, {} bytes",
        ctx.db.display(),
        file.display(),
        copied.pages,
        copied.bytes
    )?;
    Ok(Outcome::Done)
}
