//! `import FILE`: events from CSV or JSON Lines.

use super::{open, Io, Outcome};
use crate::interop::{self, RowError};
use crate::request::{Context, DataFormat, Import};
use crate::store::Access;
use anyhow::{anyhow, Result};
use std::io::{BufReader, Read};

pub fn run(ctx: &Context, req: Import, io: &mut Io<'_>) -> Result<Outcome> {
    let name = if req.file.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        req.file.display().to_string()
    };
    let input: Box<dyn Read> = if req.file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(&req.file).map_err(|e| anyhow!("{name}: cannot read: {e}"))?)
    };
    let input = BufReader::with_capacity(1 << 16, input);
    let mut store = open(ctx, Access::Write)?;
    let mut failed = false;
    let mut problem = |e: RowError, warning: bool| {
        failed |= !warning;
        io.problem(if warning {
            format!("warning: {e}")
        } else {
            e.to_string()
        });
    };
    let stats = match req.format {
        DataFormat::Csv => {
            let (rows, warnings) = interop::csv::read(&name, input).map_err(|e| anyhow!("{e}"))?;
            for w in warnings {
                problem(w, true);
            }
            interop::import(&mut store, rows, &mut problem)?
        }
        DataFormat::Jsonl => {
            interop::import(&mut store, interop::jsonl::read(&name, input), &mut problem)?
        }
    };
    writeln!(
        io.out,
        "imported {name}: {} rows, {} new events, {} already recorded ({} sources added), {} failed",
        stats.rows, stats.new, stats.existing, stats.sources_added, stats.failed
    )?;
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}
