//! One file per command: read the request, call the core, hand the result
//! to a renderer. No SQL and no parsing here.

mod actors;
mod add;
mod articles;
mod backup;
mod check;
mod claims;
mod eval;
mod event;
mod events;
mod export;
mod gaps;
mod import;
mod info;
mod search;
mod timeline;
mod when;

use crate::request::{Context, Request};
use crate::store::{Access, Store};
use anyhow::Result;
use std::io::Write;
use std::path::Path;

/// How a command ended when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything asked for was done.
    Done,
    /// Some inputs failed (each already reported); the rest was done.
    Partial,
}

/// Where commands write: data to `out`, per-input problems to `err`.
pub struct Io<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

impl Io<'_> {
    /// Report one failed input and go on.
    pub fn problem(&mut self, message: impl std::fmt::Display) {
        // Nothing sensible to do if stderr is gone.
        let _ = writeln!(self.err, "dateline: {message}");
    }
}

pub fn open(ctx: &Context, access: Access) -> Result<Store> {
    Ok(Store::open(&ctx.db, access)?)
}

/// A file for `-o FILE`, or standard output.
pub fn output<'a>(path: Option<&Path>, out: &'a mut dyn Write) -> Result<Box<dyn Write + 'a>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p)
                .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", p.display()))?,
        )),
        None => Box::new(out),
    })
}

pub fn run(ctx: &Context, request: Request, io: &mut Io<'_>) -> Result<Outcome> {
    // A store error about the file (locked, disk full) says which file.
    dispatch(ctx, request, io).map_err(|e| match e.downcast::<crate::store::StoreError>() {
        Ok(e) => e.in_file(&ctx.db).into(),
        Err(e) => e,
    })
}

fn dispatch(ctx: &Context, request: Request, io: &mut Io<'_>) -> Result<Outcome> {
    match request {
        Request::Add(r) => add::run(ctx, r, io),
        Request::Articles => articles::list(ctx, io),
        Request::Show(id) => articles::show(ctx, id, io),
        Request::Rm(ids) => articles::rm(ctx, &ids, io),
        Request::Events(r) => events::run(ctx, &r, io),
        Request::EventAdd(r) => event::add(ctx, r, io),
        Request::EventEdit(r) => event::edit(ctx, r, io),
        Request::EventRm(ids) => event::rm(ctx, &ids, io),
        Request::Timeline(r) => timeline::run(ctx, r, io),
        Request::Gaps(r) => gaps::pair(ctx, r, io),
        Request::GapsAll(r) => gaps::all(ctx, r, io),
        Request::Claims(status) => claims::run(ctx, status, io),
        Request::Actors(r) => actors::run(ctx, r, io),
        Request::Search(r) => search::run(ctx, &r, io),
        Request::Import(r) => import::run(ctx, r, io),
        Request::Export(r) => export::run(ctx, r, io),
        Request::Info => info::run(ctx, io),
        Request::Check => check::run(ctx, io),
        Request::Backup(file) => backup::run(ctx, &file, io),
        Request::When(r) => when::run(ctx, &r, io),
        Request::Eval(r) => eval::run(&r, io),
        Request::Completions(shell) => {
            crate::cli::write_completions(shell, io.out);
            Ok(Outcome::Done)
        }
        Request::Man => {
            crate::cli::write_man(io.out)?;
            Ok(Outcome::Done)
        }
    }
}
