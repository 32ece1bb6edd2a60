//! Schema versions: an ordered list of migrations recorded in `PRAGMA
//! user_version`. The steps a database lacks run together in one IMMEDIATE
//! transaction, so a crash or an error mid-upgrade leaves it at its old
//! version, whole. A database newer than this binary is refused, never
//! written.

use super::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};

/// `PRAGMA application_id` of a dateline database ("DTLN").
const APPLICATION_ID: i64 = 0x4454_4C4E;

/// Migration `i` brings the schema from version `i` to `i + 1`. Released
/// steps are never edited: a change is a new step.
const MIGRATIONS: &[&str] = &[
    include_str!("../../schema.sql"),
    // 2: the claims' actor columns are foreign keys without an index, so
    // every actor deleted by `actors merge` made SQLite scan all claims twice
    // for its foreign-key check, and the merge's own UPDATEs scanned them
    // twice more.
    "CREATE INDEX claims_actor_a ON claims (actor_a);
     CREATE INDEX claims_actor_b ON claims (actor_b);",
    // 3: imported events in two rows, not eight b-tree entries (see
    // store::bulk): a contact of two actors may keep them on its own row,
    // and an event its first source when that is a bare URL.
    include_str!("3-inline-pairs.sql"),
    // 4: letters without a decomposition fold to plain ones ("Łukasz" is
    // found as "lukasz"; resolve::PLAIN_LETTERS): the stored keys, folded
    // before, get the same replacements. An alias that would then collide
    // with another keeps its old key (found as before, by its old spelling
    // only), rather than failing the upgrade.
    "UPDATE actors SET
         key = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(key,
               'ł', 'l'), 'ø', 'o'), 'đ', 'd'), 'ð', 'd'), 'ħ', 'h'), 'ı', 'i'), 'ŧ', 't'),
               'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th'),
         last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(last,
               'ł', 'l'), 'ø', 'o'), 'đ', 'd'), 'ð', 'd'), 'ħ', 'h'), 'ı', 'i'), 'ŧ', 't'),
               'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th');
     UPDATE OR IGNORE aliases SET
         alias = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(alias,
               'ł', 'l'), 'ø', 'o'), 'đ', 'd'), 'ð', 'd'), 'ħ', 'h'), 'ı', 'i'), 'ŧ', 't'),
               'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th');",
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuse SQLite files that some other program made, and newer schemas.
pub(super) fn check_identity(conn: &Connection) -> Result<()> {
    // One statement, one snapshot: read one by one, the version of a file
    // that another process is creating could come from before its first
    // commit and the tables from after it, which looked like a foreign file.
    let (version, app, tables): (i64, i64, i64) = conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version),
                (SELECT application_id FROM pragma_application_id),
                (SELECT count(*) FROM sqlite_master WHERE type = 'table')",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
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
    apply(conn, MIGRATIONS)
}

/// Bring the database to `steps.len()`, all missing steps in one
/// transaction.
fn apply(conn: &mut Connection, steps: &[&str]) -> Result<()> {
    let target = steps.len() as i64;
    if user_version(conn)? >= target {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read inside the lock: another process may have migrated meanwhile.
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, step) in steps
        .iter()
        .enumerate()
        .skip(current.clamp(0, target) as usize)
    {
        tx.execute_batch(step).map_err(|e| {
            StoreError::Invalid(format!(
                "cannot upgrade the database from schema version {current} to {target}: step {} failed: {}",
                i + 1,
                super::sqlite_reason(&e)
            ))
        })?;
    }
    if current < target {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", target)?;
    }
    tx.commit()?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    }

    #[test]
    fn missing_steps_run_in_one_transaction() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &["CREATE TABLE a (x);"]).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 1);
        // Step 3 fails: step 2 is rolled back with it and the version stays.
        let e = apply(
            &mut conn,
            &[
                "CREATE TABLE a (x);",
                "CREATE TABLE b (y);",
                "CREATE TABLE a (z);",
            ],
        );
        assert!(e.is_err());
        assert_eq!(user_version(&conn).unwrap(), 1);
        assert_eq!(tables(&conn), ["a"]);
        apply(
            &mut conn,
            &[
                "CREATE TABLE a (x);",
                "CREATE TABLE b (y);",
                "CREATE TABLE c (z);",
            ],
        )
        .unwrap();
        assert_eq!(user_version(&conn).unwrap(), 3);
        assert_eq!(tables(&conn), ["a", "b", "c"]);
    }

    /// The steps of SQLite's plan for `sql`.
    fn plan(conn: &Connection, sql: &str) -> Vec<String> {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let steps = stmt.query_map([], |r| r.get(3)).unwrap();
        steps.map(|r| r.unwrap()).collect()
    }

    #[test]
    fn merging_actors_finds_their_claims_by_index() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        for sql in [
            "UPDATE claims SET actor_a = 2 WHERE actor_a = 1",
            "UPDATE claims SET actor_b = 2 WHERE actor_b = 1",
        ] {
            let plan = plan(&conn, sql);
            assert!(
                plan.iter().any(|step| step.contains("INDEX claims_actor_")),
                "{sql}: {plan:?}"
            );
        }
    }

    #[test]
    fn an_events_actors_and_sources_are_read_by_key_in_both_forms() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        for sql in [
            "SELECT actor FROM event_actor_rows WHERE event = 1",
            "SELECT url FROM event_source_rows WHERE event = 1",
        ] {
            let plan = plan(&conn, sql);
            // Scanning the view's own (co-routine) rows is fine; scanning a
            // table is not.
            let scans_a_table = |step: &String| {
                ["events", "event_actors", "event_sources"]
                    .iter()
                    .any(|t| step.split(' ').take(2).eq(["SCAN", t]))
            };
            assert!(!plan.iter().any(scans_a_table), "{sql}: {plan:?}");
            assert!(
                plan.iter()
                    .any(|step| step == "SEARCH events USING INTEGER PRIMARY KEY (rowid=?)"),
                "{sql}: {plan:?}"
            );
        }
    }

    #[test]
    fn step_3_gives_contacts_the_codes_the_store_reads() {
        use crate::date::Precision;
        use crate::extract::EventKind;
        use crate::store::codes::{kind_code, precision_code};
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &MIGRATIONS[..2]).unwrap();
        let precisions = [
            Precision::Day,
            Precision::Week,
            Precision::Month,
            Precision::Year,
            Precision::Range,
        ];
        for (i, (kind, precision)) in EventKind::ALL.iter().zip(precisions).enumerate() {
            conn.execute(
                "INSERT INTO contacts VALUES (1, 2, ?1, ?1, ?2, ?3, ?1)",
                rusqlite::params![i as i64, kind.as_str(), precision.as_str()],
            )
            .unwrap();
        }
        migrate(&mut conn).unwrap();
        let mut stmt = conn
            .prepare("SELECT kind, precision FROM contacts ORDER BY event")
            .unwrap();
        let got: Vec<(i64, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let expected: Vec<(i64, i64)> = EventKind::ALL
            .iter()
            .zip(precisions)
            .map(|(k, p)| (kind_code(*k), precision_code(p)))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn step_4_folds_stored_keys_as_fold_does_now() {
        use crate::resolve::{fold, last_word, PLAIN_LETTERS};
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &MIGRATIONS[..3]).unwrap();
        // Every letter of the table, upper and lower case, in a name whose
        // keys were folded the old way (lowercase, the letters kept).
        let name: String = PLAIN_LETTERS
            .iter()
            .map(|(c, _)| format!("{}x{c} ", c.to_uppercase()))
            .collect();
        let old = name.to_lowercase().trim().to_string();
        let old_last = old.rsplit(' ').next().unwrap().to_string();
        conn.execute(
            "INSERT INTO actors (id, name, key, last) VALUES (1, ?1, ?2, ?3)",
            rusqlite::params![name, old, old_last],
        )
        .unwrap();
        // Two aliases that fold alike from now on: one keeps its old key.
        conn.execute_batch("INSERT INTO aliases VALUES ('łodz', 1, 'Łódź'), ('lodz', 1, 'Lodz');")
            .unwrap();
        migrate(&mut conn).unwrap();
        let (key, last): (String, String) = conn
            .query_row("SELECT key, last FROM actors", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(key, fold(&name));
        assert_eq!(last, last_word(&fold(&name)));
        let aliases: Vec<String> = conn
            .prepare("SELECT alias FROM aliases ORDER BY alias")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(aliases, ["lodz", "łodz"]);
    }
}
