//! Integration tests: the real binary on temporary databases, through one
//! helper that builds the command with a cleaned environment and a fixed
//! "today".

mod add;
mod chart;
mod claims;
mod concurrent;
mod corpus;
mod crash;
mod errors;
mod finish;
mod gdelt;
mod hostile;
mod html;
mod injection;
mod interop;
mod model_case;
mod queries;
mod schema;
mod search;
mod sources;
mod timelinejs;
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
        Command::from_std(self.std_cmd(args))
    }

    /// The same command as a `std::process::Command`, for tests that run
    /// several at once or kill one.
    pub fn std_cmd<I, S>(&self, args: I) -> std::process::Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"));
        c.env_clear()
            .current_dir(self.dir.path())
            .arg("--db")
            .arg(&self.db)
            .arg("--now")
            .arg(NOW)
            .args(args);
        c
    }

    /// Start a command in the background, its output discarded.
    pub fn spawn<I, S>(&self, args: I) -> std::process::Child
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.std_cmd(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("dateline starts")
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

/// `n` small articles in `dir`, named `00000.txt`…, each reporting two
/// contacts on days no other article reports (2 events, 2 sources each).
pub fn write_articles(dir: &Path, first: usize, n: usize) {
    std::fs::create_dir_all(dir).expect("a folder");
    let start = chrono::NaiveDate::from_ymd_opt(2021, 3, 1).expect("a date");
    for i in first..first + n {
        let published = start + chrono::Days::new(2 * i as u64 + 2);
        let call = published - chrono::Days::new(1);
        let meeting = published - chrono::Days::new(2);
        let text = format!(
            "date {published}\nUS President Joe Biden and Israeli Prime Minister Benjamin Netanyahu \
             spoke by phone on {}, the White House said. German Chancellor Olaf Scholz met Russian \
             President Vladimir Putin in Moscow on {}. Report {i}.\n",
            call.format("%B %-d, %Y"),
            meeting.format("%B %-d, %Y"),
        );
        std::fs::write(dir.join(format!("{i:05}.txt")), text).expect("a file");
    }
}

/// A CSV of `n` distinct events (calls among 50 actors on distinct days).
pub fn events_csv(n: usize) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).expect("a date");
    let mut csv = String::from("date,kind,actor1,actor2,source,evidence\n");
    for i in 0..n {
        let day = start + chrono::Days::new((i / 49) as u64);
        let (a, b) = (i % 49, 49);
        csv.push_str(&format!(
            "{day},call,Actor {a:02},Actor {b:02},https://example.org/{i},\"Row {i}, quoted\"\n"
        ));
    }
    csv
}

/// Open the database directly (not through dateline) for checks.
pub fn sqlite(db: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(db).expect("the database opens")
}

/// `PRAGMA integrity_check` and `foreign_key_check`, read with SQLite
/// itself: both clean.
pub fn assert_sound(db: &Path) {
    let conn = sqlite(db);
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check runs");
    assert_eq!(integrity, "ok", "{}", db.display());
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign_key_check runs");
    assert_eq!(fk, 0, "foreign key violations in {}", db.display());
}

/// `SELECT count(*) FROM table`.
pub fn count(db: &Path, table: &str) -> i64 {
    sqlite(db)
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("a count")
}
