//! The `dateline` binary: parse arguments, read the clock once, run, print
//! the error and pick the exit code (0 done, 1 failed, 2 usage, from clap).

use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = dateline::cli::Cli::parse();
    let today = chrono::Local::now().date_naive();
    let stdout = std::io::stdout();
    let mut out: Box<dyn Write> = if stdout.is_terminal() {
        Box::new(stdout.lock())
    } else {
        Box::new(std::io::BufWriter::new(stdout.lock()))
    };
    let mut err = std::io::stderr();
    let result = dateline::run(cli, today, &mut out, &mut err);
    let flushed = out.flush();
    match result {
        Ok(dateline::Outcome::Done) => match flushed {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                eprintln!("dateline: cannot write output: {e}");
                ExitCode::FAILURE
            }
            _ => ExitCode::SUCCESS,
        },
        Ok(dateline::Outcome::Partial) => ExitCode::FAILURE,
        Err(e) if dateline::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline: {e:#}");
            ExitCode::FAILURE
        }
    }
}
