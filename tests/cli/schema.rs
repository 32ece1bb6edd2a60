//! Schema life: a database of the previous version is migrated on open, in
//! one transaction; a newer one is refused; `check` reports; `backup` copies
//! a database while another process writes to it.

use super::*;
use pretty_assertions::assert_eq;

/// tests/fixtures/v1.db: made by dateline at schema version 1 (`add
/// examples/` and one manual event, journal mode DELETE).
fn v1_fixture(env: &Env) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.db");
    std::fs::copy(fixture, &env.db).expect("the fixture copies");
}

fn user_version(db: &Path) -> i64 {
    sqlite(db)
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

fn indexes(db: &Path) -> Vec<String> {
    let conn = sqlite(db);
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'claims_%' ORDER BY name")
        .unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn a_version_1_database_is_migrated_and_keeps_its_data() {
    let env = Env::new();
    v1_fixture(&env);
    assert_eq!(user_version(&env.db), 1);
    assert_eq!(indexes(&env.db), ["claims_article", "claims_ending"]);
    let claims = env.json(["claims"]);
    assert_eq!(user_version(&env.db), 4);
    assert_eq!(
        indexes(&env.db),
        [
            "claims_actor_a",
            "claims_actor_b",
            "claims_article",
            "claims_ending"
        ]
    );
    let info = env.json(["info"]);
    assert_eq!(info["schema_version"], 4);
    for (what, n) in [
        ("articles", 12),
        ("events", 18),
        ("claims", 9),
        ("contacts", 27),
    ] {
        assert_eq!(info[what], n, "{what}");
    }
    assert_eq!(claims[0]["status"], "consistent");
    assert_eq!(
        env.json(["gaps", "Biden", "Xi"])["summary"]["count"],
        5,
        "the pair's contacts are all there"
    );
    assert_eq!(
        env.ok(["check"]),
        "integrity: ok\nforeign keys: ok\ncontacts: ok\n"
    );
    // And it takes new data.
    env.ok(["actors", "merge", "Qin Gang", "Wang Yi"]);
    env.write("n.txt", "date 2025-01-02 US President Joe Biden and Chinese President Xi Jinping spoke by phone on Thursday.");
    env.ok(["add", "n.txt"]);
    assert_eq!(env.json(["info"])["events"], 19);
}

#[test]
fn a_failed_migration_leaves_the_old_version_whole() {
    let env = Env::new();
    v1_fixture(&env);
    // A stray index with the name the migration creates makes step 2 fail.
    sqlite(&env.db)
        .execute_batch("CREATE INDEX claims_actor_a ON claims (text);")
        .unwrap();
    let before = std::fs::read(&env.db).unwrap();
    let (_, err) = env.fails(["info"]);
    assert_eq!(
        err,
        format!(
            "dateline: {}: cannot upgrade the database from schema version 1 to 4: step 2 failed: index claims_actor_a already exists\n",
            env.db.display()
        )
    );
    assert_eq!(user_version(&env.db), 1);
    assert_eq!(std::fs::read(&env.db).unwrap().len(), before.len());
    assert_eq!(count(&env.db, "events"), 18);
    assert!(!indexes(&env.db).contains(&"claims_actor_b".to_string()));
}

#[test]
fn a_newer_database_is_refused_and_left_alone() {
    let env = Env::new();
    env.ok(["actors", "add", "Joe Biden"]);
    sqlite(&env.db)
        .execute_batch("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;")
        .unwrap();
    let before = std::fs::read(&env.db).unwrap();
    env.write("n.txt", "date 2025-01-02 US President Joe Biden and Chinese President Xi Jinping spoke by phone on Thursday.");
    for args in [vec!["info"], vec!["add", "n.txt"], vec!["check"]] {
        let (_, err) = env.fails(&args);
        assert_eq!(
            err,
            format!(
                "dateline: {}: database schema version 99 is newer than this dateline supports (4); upgrade dateline\n",
                env.db.display()
            ),
            "{args:?}"
        );
    }
    assert!(
        std::fs::read(&env.db).unwrap() == before,
        "the file changed"
    );
}

#[test]
fn check_names_what_is_wrong() {
    let env = Env::new();
    env.ok([
        "add",
        example("09-biden-europe-video-call.txt").to_str().unwrap(),
    ]);
    env.ok([
        "add",
        example("01-biden-netanyahu-call.txt").to_str().unwrap(),
    ]);
    assert_eq!(
        env.json(["check"]),
        serde_json::json!({
            "path": env.db.display().to_string(),
            "ok": true,
            "integrity": [],
            "foreign_keys": [],
            "contacts_missing": 0,
            "contacts_extra": 0,
        })
    );
    // Damage made behind dateline's back: a contact row lost, a source
    // pointing at an article that is gone.
    sqlite(&env.db)
        .execute_batch(
            "DELETE FROM contacts WHERE rowid IN (SELECT rowid FROM contacts LIMIT 1);
             PRAGMA foreign_keys = OFF;
             INSERT INTO event_sources (event, article) VALUES (1, 77);",
        )
        .or_else(|_| {
            sqlite(&env.db).execute_batch(
                "DELETE FROM contacts WHERE (a, b, day_start, event) IN
                     (SELECT a, b, day_start, event FROM contacts LIMIT 1);
                 PRAGMA foreign_keys = OFF;
                 INSERT INTO event_sources (event, article) VALUES (1, 77);",
            )
        })
        .unwrap();
    let (out, err) = env.fails(["check"]);
    assert_eq!(
        out,
        "integrity: ok\nforeign keys: 1 problems\n  event_sources row 3: no parent in articles\n\
         contacts: 1 problems\n  1 rows missing for recorded events\n"
    );
    assert_eq!(
        err,
        format!("dateline: {}: the check found problems\n", env.db.display())
    );
}

#[test]
fn check_finds_a_damaged_page() {
    let env = Env::new();
    env.ok(["add", examples().to_str().unwrap()]);
    let conn = sqlite(&env.db);
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
        .unwrap();
    // Overwrite the root page of an index (SQLite stores indexes in their
    // own pages): the tables still read, the index no longer matches them.
    let (root, page_size): (i64, i64) = (
        conn.query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'event_sources_event'",
            [],
            |r| r.get(0),
        )
        .unwrap(),
        conn.query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap(),
    );
    drop(conn);
    let mut bytes = std::fs::read(&env.db).unwrap();
    let at = ((root - 1) * page_size) as usize;
    bytes[at + 8..at + page_size as usize].fill(0x5a);
    std::fs::write(&env.db, bytes).unwrap();
    let (out, err) = env.fails(["check"]);
    assert!(out.starts_with("integrity: "), "{out}");
    assert!(!out.starts_with("integrity: ok"), "{out}");
    assert!(err.ends_with("the check found problems\n"), "{err}");
}

#[test]
fn check_and_backup_need_a_database() {
    let env = Env::new();
    let (_, err) = env.fails(["check"]);
    assert_eq!(
        err,
        format!("dateline: {}: no such database\n", env.db.display())
    );
    let (_, err) = env.fails(["backup", "copy.db"]);
    assert_eq!(
        err,
        format!("dateline: {}: no such database\n", env.db.display())
    );
    assert!(!env.db.exists());
}

#[test]
fn backup_refuses_to_overwrite_the_database_or_a_live_one() {
    let env = Env::new();
    env.ok(["actors", "add", "Joe Biden"]);
    let (_, err) = env.fails(["backup".as_ref(), env.db.as_os_str()]);
    assert_eq!(
        err,
        format!(
            "dateline: {}: is the database being backed up\n",
            env.db.display()
        )
    );
    let (_, err) = env.fails(["backup", "nowhere/copy.db"]);
    assert_eq!(err, "dateline: nowhere/copy.db: no such folder nowhere\n");
    env.write("live.db", "x");
    env.write("live.db-wal", "x");
    let (_, err) = env.fails(["backup", "live.db"]);
    assert_eq!(
        err,
        "dateline: live.db: a database in use (it has a -wal file); close it or choose another file\n"
    );
    assert_eq!(std::fs::read(env.dir.path().join("live.db")).unwrap(), b"x");
}

#[test]
fn backup_copies_a_database_while_another_process_writes() {
    let env = Env::new();
    let folder = env.dir.path().join("in");
    write_articles(&folder, 0, 150);
    env.ok(["actors", "add", "Joe Biden"]);
    let mut writer = env.spawn(["add", "in"]);
    let mut copies = Vec::new();
    for i in 0..4 {
        std::thread::sleep(std::time::Duration::from_millis(150));
        let copy = env.dir.path().join(format!("copy{i}.db"));
        let out = env.ok(["backup".as_ref(), copy.as_os_str()]);
        assert!(out.starts_with("backed up "), "{out}");
        copies.push(copy);
    }
    assert!(writer.wait().unwrap().success());
    let total = count(&env.db, "articles");
    assert_eq!(total, 150);
    let mut sizes = Vec::new();
    for copy in &copies {
        assert_sound(copy);
        let copy_env = Env {
            dir: tempfile::tempdir().unwrap(),
            db: copy.clone(),
        };
        assert_eq!(
            copy_env.ok(["check"]),
            "integrity: ok\nforeign keys: ok\ncontacts: ok\n"
        );
        // A snapshot: whole articles (2 events and 2 sources each).
        let articles = count(copy, "articles");
        assert_eq!(count(copy, "events"), 2 * articles, "{}", copy.display());
        assert_eq!(count(copy, "event_sources"), 2 * articles);
        sizes.push(articles);
    }
    assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "{sizes:?}");
    eprintln!("backups during the add held {sizes:?} of {total} articles");
}
