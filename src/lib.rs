//! dateline: news articles in, a timeline of contacts and the gaps between them out.
//!
//! The binary parses arguments and calls [`run`]; everything else lives here:
//! `article` (input formats) → `extract` (pure text → frames) → `resolve`
//! (names → actors) → `store` (SQLite, the one owner of SQL) → `gaps` and
//! `check` (pure arithmetic) → `lanes` (what pictures draw) → `render`
//! (tables, charts, JSON, CSV, HTML). `commands` holds one thin function per
//! subcommand; `interop` reads and writes event files.

pub mod article;
pub mod check;
pub mod cli;
pub mod commands;
pub mod date;
pub mod eval;
pub mod extract;
pub mod gaps;
pub mod ingest;
pub mod interop;
pub mod lanes;
pub mod lexicon;
pub mod model;
pub mod query;
pub mod render;
pub mod request;
pub mod resolve;
pub mod store;
pub mod userdate;

pub use commands::Outcome;

use chrono::NaiveDate;
use std::io::Write;

/// Run a parsed command line. `today` is the clock, read once by the caller.
pub fn run(
    cli: cli::Cli,
    today: NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (ctx, request) = request::build(cli, today)?;
    let mut io = commands::Io { out, err };
    let outcome = commands::run(&ctx, request, &mut io)?;
    io.out.flush()?;
    Ok(outcome)
}

/// Whether an error is a closed output pipe (`dateline timeline | head`),
/// which ends the program quietly.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().or_else(|| {
            match cause.downcast_ref::<store::StoreError>() {
                Some(store::StoreError::Io(e)) => Some(e),
                _ => None,
            }
        });
        io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
