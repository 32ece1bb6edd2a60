//! `add`: read articles, extract, record one article per transaction.

use super::{open, Io, Outcome};
use crate::article::{self, Input};
use crate::extract::{extract, Text};
use crate::ingest;
use crate::render::text;
use crate::request::{Add, Context};
use crate::store::Access;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::HashSet;
use std::io::IsTerminal;

/// Folders with at least this many files show a progress bar (on a terminal).
const PROGRESS_FROM: usize = 50;

pub fn run(ctx: &Context, req: Add, io: &mut Io<'_>) -> Result<Outcome> {
    let access = if req.dry_run {
        Access::Read
    } else {
        Access::Write
    };
    let mut store = open(ctx, access)?;
    let inputs = article::collect_inputs(&req.paths);
    let bar = (!ctx.quiet && inputs.len() >= PROGRESS_FROM && std::io::stderr().is_terminal())
        .then(|| {
            let bar = ProgressBar::new(inputs.len() as u64);
            bar.set_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed_precise} {msg}")
                    .expect("the progress template is valid"),
            );
            bar
        });
    let mut failed = false;
    let mut seen: HashSet<String> = HashSet::new();
    for input in inputs {
        let input: Input = match input {
            Ok(i) => i,
            Err(e) => {
                failed = true;
                suspend(&bar, || io.problem(&e));
                continue;
            }
        };
        for art in article::read(&input, &req.defaults) {
            let a = match art {
                Ok(a) => a,
                Err(e) => {
                    failed = true;
                    suspend(&bar, || io.problem(&e));
                    continue;
                }
            };
            let sha = a.sha256();
            let date = a.published.format("%Y-%m-%d").to_string();
            if let Some(id) = store.db().article_by_sha(&sha)? {
                if !ctx.quiet {
                    suspend(&bar, || {
                        writeln!(io.out, "skipped {}: already added as article {id}", a.name)
                    })?;
                }
                continue;
            }
            let x = extract(Text {
                title: a.title.as_deref(),
                body: &a.body,
                published: a.published,
                source: a.source.as_deref(),
            });
            if req.dry_run {
                if !seen.insert(sha) {
                    suspend(&bar, || {
                        writeln!(io.out, "skipped {}: same text as an earlier input", a.name)
                    })?;
                    continue;
                }
                let r = ingest::preview(&x);
                suspend(&bar, || {
                    text::recorded(io.out, "would add", &a.name, &date, &r)
                })?;
                continue;
            }
            let written = store.write(|tx| {
                // Again under the write lock: another process adding the
                // same article may have recorded it since the check above.
                match tx.db().article_by_sha(&sha)? {
                    Some(id) => Ok(Err(id)),
                    None => ingest::record(tx, &a, &x).map(Ok),
                }
            });
            match written {
                Ok(_) if ctx.quiet => {}
                Ok(Ok(r)) => suspend(&bar, || text::recorded(io.out, "added", &a.name, &date, &r))?,
                Ok(Err(id)) => suspend(&bar, || {
                    writeln!(io.out, "skipped {}: already added as article {id}", a.name)
                })?,
                Err(e) => {
                    // Locked, full, read-only: the next article would fail
                    // the same way, so stop here.
                    let e = e.in_file(store.path());
                    if e.is_about_the_file() {
                        return Err(e.into());
                    }
                    failed = true;
                    suspend(&bar, || io.problem(format!("{}: {e}", a.name)));
                }
            }
        }
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}

fn suspend<T>(bar: &Option<ProgressBar>, f: impl FnOnce() -> T) -> T {
    match bar {
        Some(bar) => bar.suspend(f),
        None => f(),
    }
}
