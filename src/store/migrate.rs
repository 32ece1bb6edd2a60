//! Schema versions: an ordered list of migrations, each run in its own
//! transaction and recorded in `PRAGMA user_version`. A database newer than
//! this binary is refused, never written.

use super::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};

/// `PRAGMA application_id` of a dateline database ("DTLN").
const APPLICATION_ID: i64 = 0x4454_4C4E;

/// Migration `i` brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[include_str!("../../schema.sql")];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuse SQLite files that some other program made, and newer schemas.
pub(super) fn check_identity(conn: &Connection) -> Result<()> {
    let version = user_version(conn)?;
    let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    if (version == 0 && tables > 0) || (version > 0 && app != APPLICATION_ID) {
        return Err(StoreError::NotDateline {
            path: String::new(),
            reason: "an SQLite file made by another program".into(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: String::new(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Apply the migrations the database lacks.
pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    let mut version = user_version(conn)?;
    while version < SCHEMA_VERSION {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-read inside the lock: another process may have migrated.
        let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if current != version {
            version = current;
            continue;
        }
        tx.execute_batch(MIGRATIONS[version as usize])?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
        version += 1;
    }
    Ok(())
}

/// A read-only database must already be at the current version.
pub(super) fn require_current(conn: &Connection) -> Result<()> {
    let version = user_version(conn)?;
    if version < SCHEMA_VERSION {
        return Err(StoreError::Invalid(format!(
            "database is read-only and needs an upgrade from schema version {version} to {SCHEMA_VERSION}"
        )));
    }
    Ok(())
}
