//! The database's health and copies of it: `check` (SQLite's integrity and
//! foreign-key checks, and the derived `contacts` table against the events
//! it comes from) and `backup` (SQLite's online backup, a consistent
//! snapshot taken while other processes keep writing).

use super::codes::{kind_code_sql, precision_code_sql};
use super::{Db, Result, Store, StoreError};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;
use std::path::Path;
use std::time::{Duration, Instant};

/// What `check` found; empty lists mean healthy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Health {
    /// `PRAGMA integrity_check` messages other than "ok".
    pub integrity: Vec<String>,
    /// `PRAGMA foreign_key_check` rows: "table row N: no parent in TABLE".
    pub foreign_keys: Vec<String>,
    /// `contacts` rows missing for a contact event (pairs of its actors).
    pub contacts_missing: i64,
    /// `contacts` rows no event accounts for.
    pub contacts_extra: i64,
}

impl Health {
    pub fn ok(&self) -> bool {
        self.integrity.is_empty()
            && self.foreign_keys.is_empty()
            && self.contacts_missing == 0
            && self.contacts_extra == 0
    }
}

/// The contacts rows the events imply: one per pair of actors (a < b) of
/// each contact event (every kind but `statement`), whether its actors are
/// event_actors rows or a pair on its own row.
fn expected_contacts() -> String {
    let (kind, precision) = (kind_code_sql("e.kind"), precision_code_sql("e.precision"));
    format!(
        "SELECT x.actor, y.actor, e.day_start, e.day_end, {kind}, {precision}, e.id
         FROM events e
         JOIN event_actors x ON x.event = e.id
         JOIN event_actors y ON y.event = e.id AND x.actor < y.actor
         WHERE e.kind <> 'statement'
         UNION ALL
         SELECT min(actor1, actor2), max(actor1, actor2), e.day_start, e.day_end,
                {kind}, {precision}, e.id
         FROM events e
         WHERE actor1 IS NOT NULL AND e.kind <> 'statement'"
    )
}

/// Events whose actors are in both forms (the store writes one or the other).
const MIXED_ACTORS: &str = "
    SELECT id FROM events e
    WHERE actor1 IS NOT NULL AND EXISTS (SELECT 1 FROM event_actors WHERE event = e.id)
    ORDER BY id";

const STORED_CONTACTS: &str =
    "SELECT a, b, day_start, day_end, kind, precision, event FROM contacts";

/// How long a backup waits for a lock before giving up.
const BACKUP_PATIENCE: Duration = Duration::from_secs(10);

impl Db<'_> {
    /// Run SQLite's integrity and foreign-key checks and compare `contacts`
    /// with the events.
    pub fn check(&self) -> Result<Health> {
        let mut health = Health::default();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for row in rows {
            let message = row?;
            if message != "ok" {
                health.integrity.push(message);
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            Ok(format!(
                "{} row {}: no parent in {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?
                    .map_or_else(|| "?".to_string(), |n| n.to_string()),
                r.get::<_, String>(2)?
            ))
        })?;
        for row in rows {
            health.foreign_keys.push(row?);
        }
        let mut stmt = self.conn.prepare(MIXED_ACTORS)?;
        let rows = stmt.query_map([], |r| r.get::<_, i64>(0))?;
        for row in rows {
            health.integrity.push(format!(
                "event {}: actors both on its row and in event_actors",
                row?
            ));
        }
        let count = |sql: String| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM ({sql})"), [], |r| r.get(0))?)
        };
        // Compound SELECTs group from the left: the expected rows (a UNION
        // ALL) go in a subquery.
        let expected = format!("SELECT * FROM ({})", expected_contacts());
        health.contacts_missing = count(format!("{expected} EXCEPT {STORED_CONTACTS}"))?;
        health.contacts_extra = count(format!("{STORED_CONTACTS} EXCEPT {expected}"))?;
        Ok(health)
    }
}

/// What a backup copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Copied {
    pub pages: i64,
    pub bytes: u64,
}

impl Store {
    /// Copy the database to `dest` with SQLite's online backup: one read
    /// transaction copies every page, so the copy is the database as of one
    /// moment, while writers in other processes go on (WAL). The copy is
    /// written beside `dest` and renamed over it when complete: an existing
    /// `dest` is replaced whole or not at all.
    pub fn backup(&self, dest: &Path) -> Result<Copied> {
        let shown = dest.display().to_string();
        let fail = |reason: String| StoreError::Open {
            path: shown.clone(),
            reason,
        };
        if let (Ok(a), Ok(b)) = (self.path.canonicalize(), dest.canonicalize()) {
            if a == b {
                return Err(fail("is the database being backed up".into()));
            }
        }
        let mut wal = dest.as_os_str().to_os_string();
        wal.push("-wal");
        if Path::new(&wal).exists() {
            return Err(fail(
                "a database in use (it has a -wal file); close it or choose another file".into(),
            ));
        }
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.is_dir() {
                return Err(fail(format!("no such folder {}", dir.display())));
            }
        }
        let file_name = dest
            .file_name()
            .ok_or_else(|| fail("not a file name".into()))?;
        let mut partial = file_name.to_os_string();
        partial.push(format!(".partial-{}", std::process::id()));
        let partial = dest.with_file_name(partial);
        let result = self.backup_into(&partial, dest);
        if result.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        result.map_err(|e| match e {
            StoreError::Sqlite(e) => fail(e.to_string()),
            StoreError::Io(e) => fail(e.to_string()),
            other => other,
        })
    }

    fn backup_into(&self, partial: &Path, dest: &Path) -> Result<Copied> {
        let _ = std::fs::remove_file(partial);
        let mut to = Connection::open(partial)?;
        let pages = {
            let backup = Backup::new(&self.conn, &mut to)?;
            let started = Instant::now();
            loop {
                // -1: all pages in one step, under one read transaction.
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    StepResult::Busy | StepResult::Locked
                        if started.elapsed() < BACKUP_PATIENCE =>
                    {
                        std::thread::sleep(Duration::from_millis(50));
                    }
                    _ => {
                        return Err(StoreError::Invalid(
                            "the database stayed locked; try again".into(),
                        ))
                    }
                }
            }
            backup.progress().pagecount as i64
        };
        // A self-contained file: no -wal beside it once closed.
        to.pragma_update(None, "journal_mode", "DELETE")?;
        to.close().map_err(|(_, e)| e)?;
        std::fs::File::open(partial)?.sync_all()?;
        std::fs::rename(partial, dest)?;
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            // The rename itself made durable; not every platform can open a
            // folder, and the copy is complete either way.
            if let Ok(d) = std::fs::File::open(dir) {
                let _ = d.sync_all();
            }
        }
        let bytes = std::fs::metadata(dest)?.len();
        Ok(Copied { pages, bytes })
    }
}
