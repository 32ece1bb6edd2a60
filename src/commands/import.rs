//! `import FILE`: events from CSV, JSON Lines or GDELT 2.0 event files.

use super::{open, Io, Outcome};
use crate::interop::{self, gdelt, RowError};
use crate::request::{Context, Import, ImportFormat};
use crate::store::Access;
use anyhow::{anyhow, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{BufReader, IsTerminal, Read};

pub fn run(ctx: &Context, req: Import, io: &mut Io<'_>) -> Result<Outcome> {
    let name = if req.file.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        req.file.display().to_string()
    };
    if req.format == ImportFormat::Gdelt {
        return run_gdelt(ctx, &req, &name, io);
    }
    let input: Box<dyn Read + Send> = if req.file.as_os_str() == "-" {
        Box::new(std::io::stdin())
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
        ImportFormat::Csv => {
            let (rows, warnings) = interop::csv::read(&name, input).map_err(|e| anyhow!("{e}"))?;
            for w in warnings {
                problem(w, true);
            }
            interop::read_ahead(rows, |rows, spent| {
                interop::import_in_batches(&mut store, rows, req.batch, &mut problem, spent)
            })?
        }
        ImportFormat::Jsonl => {
            interop::read_ahead(interop::jsonl::read(&name, input), |rows, spent| {
                interop::import_in_batches(&mut store, rows, req.batch, &mut problem, spent)
            })?
        }
        ImportFormat::Gdelt => unreachable!("GDELT files are imported by run_gdelt"),
    };
    if !ctx.quiet {
        writeln!(
            io.out,
            "imported {name}: {} rows, {} new events, {} already recorded ({} sources added), {} failed",
            stats.rows, stats.new, stats.existing, stats.sources_added, stats.failed
        )?;
    }
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}

fn run_gdelt(ctx: &Context, req: &Import, name: &str, io: &mut Io<'_>) -> Result<Outcome> {
    let mut store = open(ctx, Access::Write)?;
    // A bar of bytes read, on standard error when it is a terminal.
    let bar = ProgressBar::with_draw_target(
        None,
        if !ctx.quiet && std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:40} {bytes}/{total_bytes} {binary_bytes_per_sec} {elapsed_precise} eta {eta}",
        )
        .expect("the progress template is valid"),
    );
    let stats = gdelt::import(
        &mut store,
        &req.file,
        name,
        &mut gdelt::Report {
            total_bytes: &mut |n| bar.set_length(n),
            progress: &mut |n| bar.inc(n),
            problem: &mut |e| bar.suspend(|| io.problem(&e)),
        },
    );
    bar.finish_and_clear();
    let stats = stats?;
    let mut line = format!(
        "imported {} contact events from {name}; skipped {} rows ({} not contacts, {} without two actors), {} already present",
        stats.imported,
        stats.skipped(),
        stats.not_contacts,
        stats.without_two_actors,
        stats.present
    );
    if stats.sources_added > 0 {
        line.push_str(&format!(
            "; {} added as sources of events already recorded",
            stats.sources_added
        ));
    }
    if stats.malformed > 0 {
        line.push_str(&format!("; {} malformed", stats.malformed));
    }
    if !ctx.quiet {
        writeln!(io.out, "{line}")?;
    }
    Ok(if stats.malformed > 0 {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}
