//! `export`: events as CSV or JSON Lines, streamed.

use super::{events::filter, open, output, Io, Outcome};
use crate::interop;
use crate::request::{Context, DataFormat, Export};
use crate::store::{Access, StoreError};
use anyhow::Result;

pub fn run(ctx: &Context, req: Export, io: &mut Io<'_>) -> Result<Outcome> {
    let store = open(ctx, Access::Read)?;
    let db = store.db();
    let filter = filter(db, &req.filter)?;
    let mut out = output(req.output.as_deref(), io.out)?;
    let io_err = StoreError::Io;
    match req.format {
        DataFormat::Csv => {
            let mut w = interop::csv::EventWriter::new(&mut out, req.formula_guard)?;
            db.for_each_event(&filter, |e| w.write(&e).map_err(io_err))?;
            w.finish()?;
        }
        DataFormat::Jsonl => {
            db.for_each_event(&filter, |e| {
                interop::jsonl::write_event(&mut out, &e).map_err(io_err)
            })?;
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}
