//! Integration tests: the real binary on temporary databases, through one
//! helper that builds the command with a cleaned environment and a fixed
//! "today".

mod add;
mod chart;
mod claims;
mod corpus;
mod errors;
mod gdelt;
mod html;
mod injection;
mod interop;
mod model_case;
mod queries;
mod search;
mod sources;
mod when;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// "Today" in every test.
pub const NOW: &str = "2025-07-15";

/// A temporary folder with a database path in it.
pub struct Env {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let db = dir.path().join("test.db");
        Env { dir, db }
    }

    /// `dateline --db DB --now NOW ARGS…` with nothing inherited from the
    /// environment.
    pub fn cmd<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
        c.env_clear()
            .current_dir(self.dir.path())
            .arg("--db")
            .arg(&self.db)
            .arg("--now")
            .arg(NOW)
            .args(args);
        c
    }

    /// Run a command that must succeed; its standard output.
    pub fn ok<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let out = self.cmd(args).output().expect("dateline runs");
        assert!(
            out.status.success(),
            "exit {:?}\nstdout:\n{}\nstderr:\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// Run a command that must fail with exit 1; (stdout, stderr).
    pub fn fails<I, S>(&self, args: I) -> (String, String)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let out = self.cmd(args).output().expect("dateline runs");
        assert_eq!(
            out.status.code(),
            Some(1),
            "stdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Run with `--json` and parse the output.
    pub fn json<I, S>(&self, args: I) -> serde_json::Value
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut all: Vec<std::ffi::OsString> = vec!["--json".into()];
        all.extend(args.into_iter().map(|a| a.as_ref().to_os_string()));
        serde_json::from_str(&self.ok(all)).expect("valid JSON")
    }

    /// Write a file in the temporary folder and return its path.
    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a folder");
        }
        std::fs::write(&path, content).expect("a file");
        path
    }
}

/// The bundled examples (the project's own copy of the development corpus).
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

pub fn example(name: &str) -> PathBuf {
    examples().join(name)
}
