//! The store: the one owner of SQL. It opens the database (WAL, foreign keys,
//! a busy timeout, migrations), hands out typed records and writes inside
//! IMMEDIATE transactions, so that an early `?` leaves nothing half-written.
//! It keeps the derived `contacts` table in step with events and their actors.
//! No other module contains SQL text; nothing here prints or parses user input.

mod actors;
mod articles;
mod bulk;
mod claims;
mod codes;
mod events;
mod health;
mod migrate;
mod search;

pub use actors::NewActor;
pub use articles::NewArticle;
pub use bulk::{Batch, Import};
pub use claims::NewClaim;
pub use events::{Attach, Match, NewEvent};
pub use health::{Copied, Health};
pub use migrate::SCHEMA_VERSION;
pub use search::{SearchHit, SearchQuery, HIT_END, HIT_START};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Errors of the store. The path of the database is added by the caller's
/// context where it helps.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a dateline database ({reason})")]
    NotDateline { path: String, reason: String },
    #[error(
        "{path}: database schema version {found} is newer than this dateline supports ({supported}); upgrade dateline"
    )]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error("{path}: database is read-only")]
    ReadOnly { path: String },
    #[error(
        "{path}: database is locked: another process kept it for more than {} s; try again when it is done",
        busy_timeout_secs()
    )]
    Busy { path: String },
    #[error("{path}: disk full: the write in progress was rolled back")]
    Full { path: String },
    #[error("{path}: {reason}")]
    Open { path: String, reason: String },
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// How long a statement waits for a lock another process holds, in
/// seconds: `$DATELINE_BUSY_TIMEOUT`, else 30. Write transactions are short
/// (one article, one import batch), but on a loaded machine a reader that
/// opens while two writers create the file and checkpoint their logs waited
/// more than 5 s (the first default) in the concurrent test.
pub fn busy_timeout_secs() -> u64 {
    static SECS: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *SECS.get_or_init(|| {
        std::env::var("DATELINE_BUSY_TIMEOUT")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(30)
    })
}

/// `PRAGMA cache_size`: negative means KiB.
const CACHE_KIB: i64 = -96 * 1024;

/// `PRAGMA page_size` of new databases.
const PAGE_SIZE: i64 = 16384;

/// Whether a command writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Read access: available from a [`Store`] and inside a write transaction.
#[derive(Clone, Copy)]
pub struct Db<'a> {
    conn: &'a Connection,
}

/// A write transaction (IMMEDIATE); dropped without [`Store::write`]
/// committing it, it rolls back.
pub struct Tx<'a> {
    tx: rusqlite::Transaction<'a>,
    /// The transaction's time, for `created_at` and `added_at` columns.
    now: String,
}

/// SQLite's own message for an error ("database is locked", "index x
/// already exists") without rusqlite's error-code suffix.
fn sqlite_reason(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        rusqlite::Error::SqliteFailure(f, None) => f.to_string(),
        other => other.to_string(),
    }
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase)
}

fn is_read_only(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ReadOnly)
}

impl Store {
    /// Open (creating when writing) the database at `path`. A read of a
    /// database that does not exist yet opens an empty one in memory, so that
    /// a query never creates a file.
    pub fn open(path: &Path, access: Access) -> Result<Store> {
        let shown = path.display().to_string();
        let exists = path.exists();
        if !exists && access == Access::Read {
            return Store::open_in_memory().map(|mut s| {
                s.path = path.to_path_buf();
                s
            });
        }
        let read_only_file = exists
            && std::fs::metadata(path)
                .map(|m| m.permissions().readonly())
                .unwrap_or(false);
        if read_only_file && access == Access::Write {
            return Err(StoreError::ReadOnly { path: shown });
        }
        if !exists {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                    path: shown.clone(),
                    reason: format!("cannot create folder {}: {e}", dir.display()),
                })?;
            }
        }
        let flags = if read_only_file {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::Open {
            path: shown.clone(),
            reason: e.to_string(),
        })?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.prepare(!read_only_file).map_err(|e| match e {
            StoreError::Sqlite(ref se) if is_not_a_database(se) => StoreError::NotDateline {
                path: shown.clone(),
                reason: "file is not a database".into(),
            },
            StoreError::Sqlite(ref se) if is_read_only(se) => StoreError::ReadOnly {
                path: shown.clone(),
            },
            StoreError::NotDateline { reason, .. } => StoreError::NotDateline {
                path: shown.clone(),
                reason,
            },
            StoreError::TooNew {
                found, supported, ..
            } => StoreError::TooNew {
                path: shown.clone(),
                found,
                supported,
            },
            // Whatever else stops the opening (a lock held past the busy
            // timeout, a failed upgrade, a full disk) is named with the file.
            StoreError::Sqlite(e) => match classify(e, path) {
                StoreError::Sqlite(e) => StoreError::Open {
                    path: shown.clone(),
                    reason: sqlite_reason(&e),
                },
                named => named,
            },
            StoreError::Invalid(reason) => StoreError::Open {
                path: shown.clone(),
                reason,
            },
            other => other,
        })?;
        Ok(store)
    }

    /// A fresh database in memory (tests, and reads of a missing file).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
        };
        store.prepare(true)?;
        Ok(store)
    }

    fn prepare(&mut self, writable: bool) -> Result<()> {
        // Before anything reads the file: a database another process is
        // creating or migrating is waited for, not reported as locked.
        self.conn
            .busy_timeout(Duration::from_secs(busy_timeout_secs()))?;
        // The first statement that reads the file: a file that is not SQLite
        // fails here with NotADatabase.
        let objects: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        // Imports and adds use more than the default 16 cached statements
        // (inserts, probes, actor lookups): keep them all prepared.
        self.conn.set_prepared_statement_cache_capacity(64);
        // A large page cache (allocated only as used) keeps bulk imports and
        // gaps --all from re-reading index pages; well under the 200 MB budget.
        self.conn.pragma_update(None, "cache_size", CACHE_KIB)?;
        // Sorts, temporary b-trees and statement journals in memory rather
        // than in temporary files.
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate::check_identity(&self.conn)?;
        if writable {
            if objects == 0 {
                // A new database: larger pages make shallower b-trees, so
                // fewer page visits per row written or scanned. Only
                // possible before the first table (and before WAL).
                self.conn.pragma_update(None, "page_size", PAGE_SIZE)?;
            }
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
            migrate::migrate(&mut self.conn)?;
        } else {
            migrate::require_current(&self.conn)?;
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn db(&self) -> Db<'_> {
        Db { conn: &self.conn }
    }

    /// Run `f` in one IMMEDIATE transaction, committed when it returns `Ok`.
    pub fn write<T, E>(
        &mut self,
        f: impl FnOnce(&Tx<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| E::from(self::map_write_error(e, &self.path)))?;
        let now: String = tx
            .query_row("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", [], |r| {
                r.get(0)
            })
            .map_err(|e| E::from(StoreError::Sqlite(e)))?;
        let tx = Tx { tx, now };
        let value = f(&tx)?;
        tx.tx
            .commit()
            .map_err(|e| E::from(self::map_write_error(e, &self.path)))?;
        Ok(value)
    }
}

fn map_write_error(e: rusqlite::Error, path: &Path) -> StoreError {
    classify(e, path)
}

/// SQLite errors about the file rather than the data, named with the file:
/// read-only, locked past the busy timeout, disk full, I/O failure.
fn classify(e: rusqlite::Error, path: &Path) -> StoreError {
    use rusqlite::ErrorCode as C;
    let path = path.display().to_string();
    match e.sqlite_error_code() {
        Some(C::ReadOnly) => StoreError::ReadOnly { path },
        Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Busy { path },
        Some(C::DiskFull) => StoreError::Full { path },
        Some(C::SystemIoFailure) => StoreError::Open {
            reason: format!("{} (is the disk full or failing?)", sqlite_reason(&e)),
            path,
        },
        Some(C::CannotOpen | C::DatabaseCorrupt | C::NotADatabase) => StoreError::Open {
            reason: sqlite_reason(&e),
            path,
        },
        _ => StoreError::Sqlite(e),
    }
}

impl StoreError {
    /// Name the database in an error that concerns the file (locked, full,
    /// read-only, failing): such an error ends the command.
    pub fn in_file(self, path: &Path) -> StoreError {
        match self {
            StoreError::Sqlite(e) => classify(e, path),
            other => other,
        }
    }

    /// Whether the error concerns the file, not one input: going on with
    /// the next article would fail the same way.
    pub fn is_about_the_file(&self) -> bool {
        matches!(
            self,
            StoreError::ReadOnly { .. }
                | StoreError::Busy { .. }
                | StoreError::Full { .. }
                | StoreError::Open { .. }
                | StoreError::NotDateline { .. }
        )
    }
}

impl<'a> Tx<'a> {
    pub fn db(&self) -> Db<'_> {
        Db { conn: &self.tx }
    }

    fn conn(&self) -> &Connection {
        &self.tx
    }
}

#[cfg(test)]
mod tests;

impl From<rusqlite::types::FromSqlError> for StoreError {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        StoreError::Sqlite(e.into())
    }
}
