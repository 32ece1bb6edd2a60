//! Bad input: one clear message naming the input and the reason, exit 1,
//! the other inputs still processed, nothing half-written.

use super::*;
use pretty_assertions::assert_eq;

const GOOD: &str = "date 2024-01-19 US President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke by phone on Friday.";

#[test]
fn bad_files_are_named_and_the_rest_is_added() {
    let env = Env::new();
    env.write("in/1-empty.txt", "");
    env.write("in/2-binary.txt", b"date 2024-01-19 \x00\x01\x02 binary");
    env.write("in/3-latin1.txt", b"date 2024-01-19 Caf\xe9 talks");
    env.write("in/4-dateless.txt", "Biden and Netanyahu spoke by phone.");
    env.write(
        "in/5-impossible.txt",
        "date 2024-02-30 Biden and Netanyahu spoke.",
    );
    env.write(
        "in/6-briefs.jsonl",
        "{\"date\": \"2024-04-02\", \"text\": \"President Joe Biden and Chinese President Xi Jinping spoke by phone on Tuesday.\"}\n{\"date\": \"2024-04-03\", \"text\": oops}\n",
    );
    env.write("in/7-good.txt", GOOD);
    let (out, err) = env.fails(["add", "in"]);
    assert_eq!(
        err,
        "dateline: 1-empty.txt: empty file\n\
         dateline: 2-binary.txt: binary file (contains NUL bytes), not an article\n\
         dateline: 3-latin1.txt: not UTF-8 text (invalid byte at offset 19)\n\
         dateline: 4-dateless.txt: no publication date (add a \"date YYYY-MM-DD\" line or front matter, or pass --date)\n\
         dateline: 5-impossible.txt: publication date \"2024-02-30\": no such day\n\
         dateline: 6-briefs.jsonl:2: malformed JSON (expected value at line 1 column 32)\n"
    );
    assert!(
        out.contains("added 6-briefs.jsonl:1 (2024-04-02): 1 event"),
        "{out}"
    );
    assert!(
        out.contains("added 7-good.txt (2024-01-19): 1 event"),
        "{out}"
    );
    assert_eq!(env.json(["info"])["articles"], 2);
}

#[test]
fn a_missing_path() {
    let env = Env::new();
    env.write("good.txt", GOOD);
    let (out, err) = env.fails(["add", "nowhere.txt", "good.txt"]);
    assert_eq!(err, "dateline: nowhere.txt: no such file or folder\n");
    assert!(out.starts_with("added good.txt"), "{out}");
}

#[test]
fn unknown_and_ambiguous_actors() {
    let env = Env::new();
    env.ok(["actors", "add", "John Smith"]);
    env.ok(["actors", "add", "Adam Smith"]);
    env.ok(["actors", "add", "Joe Biden"]);
    let (_, err) = env.fails(["gaps", "Biden", "Foo"]);
    assert_eq!(err, "dateline: no actor matches \"Foo\"\n");
    let (_, err) = env.fails(["gaps", "Biden", "smith"]);
    assert_eq!(
        err,
        "dateline: \"smith\" matches several actors: Adam Smith, John Smith (use the full name)\n"
    );
    let (_, err) = env.fails(["timeline", "Nobody"]);
    assert_eq!(err, "dateline: no actor matches \"Nobody\"\n");
}

#[test]
fn a_file_that_is_not_sqlite() {
    let env = Env::new();
    std::fs::write(&env.db, "These are my notes, not a database. ".repeat(10)).unwrap();
    let before = std::fs::read(&env.db).unwrap();
    env.write("good.txt", GOOD);
    env.write(
        "events.csv",
        "date,kind,actor1,actor2\n2024-01-02,call,A,B\n",
    );
    for args in [
        vec!["info"],
        vec!["add", "good.txt"],
        vec!["gaps", "--all"],
        vec!["import", "events.csv"],
        vec!["check"],
        vec!["backup", "copy.db"],
    ] {
        let (_, err) = env.fails(&args);
        assert_eq!(
            err,
            format!(
                "dateline: {}: not a dateline database (file is not a database)\n",
                env.db.display()
            ),
            "{args:?}"
        );
    }
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
    assert!(!env.dir.path().join("copy.db").exists());
}

#[test]
fn a_read_only_database() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.write("good.txt", GOOD);
    env.ok(["add", "good.txt"]);
    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&env.db).unwrap();
    env.write("two.txt", "date 2024-03-18 US President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke on Monday.");
    env.write(
        "events.csv",
        "date,kind,actor1,actor2\n2024-01-02,call,A,B\n",
    );
    for args in [
        vec!["add", "two.txt"],
        vec!["event", "rm", "1"],
        vec!["import", "events.csv"],
        vec!["actors", "add", "Someone"],
        vec!["rm", "1"],
    ] {
        let (_, err) = env.fails(&args);
        assert_eq!(
            err,
            format!("dateline: {}: database is read-only\n", env.db.display()),
            "{args:?}"
        );
    }
    // Reading still works, and so does a backup and a check.
    assert_eq!(env.json(["info"])["articles"], 1);
    env.ok(["backup", "copy.db"]);
    env.ok(["check"]);
    assert!(
        std::fs::read(&env.db).unwrap() == before,
        "the file changed"
    );
}

/// Another process holds the write lock of a WAL database past the busy
/// timeout: reads go on, writes stop with one message naming the file.
#[test]
fn a_database_locked_by_another_process() {
    let env = Env::new();
    env.write("good.txt", GOOD);
    env.ok(["add", "good.txt"]);
    let before = std::fs::read(&env.db).unwrap();
    let holder = sqlite(&env.db);
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    env.write("two.txt", "date 2024-03-18 US President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke on Monday.");
    let started = std::time::Instant::now();
    let result = env
        .cmd(["add", "two.txt", "good.txt"])
        .env("DATELINE_BUSY_TIMEOUT", "3")
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let (out, err) = (
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr),
    );
    assert_eq!(
        err,
        format!(
            "dateline: {}: database is locked: another process kept it for more than 3 s; try again when it is done\n",
            env.db.display()
        )
    );
    assert_eq!(out, "");
    assert!(started.elapsed() >= std::time::Duration::from_secs(3));
    assert_eq!(env.json(["info"])["articles"], 1, "reads do not wait");
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert!(
        std::fs::read(&env.db).unwrap() == before,
        "the file changed"
    );
    env.ok(["add", "two.txt"]);
}

/// A program that put the database back in rollback-journal mode and holds
/// an EXCLUSIVE lock keeps even readers out: one message naming the file.
#[test]
fn a_database_locked_against_readers() {
    let env = Env::new();
    env.write("good.txt", GOOD);
    env.ok(["add", "good.txt"]);
    let holder = sqlite(&env.db);
    let mode: String = holder
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    // Read before the lock: closing any descriptor of the file in this
    // process would drop the holder's POSIX locks.
    let before = std::fs::read(&env.db).unwrap();
    holder
        .execute_batch("BEGIN EXCLUSIVE; UPDATE actors SET role = role;")
        .unwrap();
    // $DATELINE_BUSY_TIMEOUT shortens the wait (30 s by default)
    let out = env
        .cmd(["gaps", "--all"])
        .env("DATELINE_BUSY_TIMEOUT", "2")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "dateline: {}: database is locked: another process kept it for more than 2 s; try again when it is done\n",
            env.db.display()
        )
    );
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert!(
        std::fs::read(&env.db).unwrap() == before,
        "the file changed"
    );
    assert_eq!(env.json(["info"])["articles"], 1);
}

/// A small tmpfs mounted for one test, unmounted when dropped.
struct Mount(std::path::PathBuf);

impl Mount {
    /// None (with a note) when this process may not mount.
    fn tmpfs(dir: &Path, size: &str) -> Option<Mount> {
        std::fs::create_dir_all(dir).unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("note: cannot mount a tmpfs (not root?): the full-disk test is skipped");
            return None;
        }
        Some(Mount(dir.to_path_buf()))
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

/// Fill a file system up to `leave` free bytes.
fn fill(dir: &Path, name: &str, leave: u64) {
    let out = std::process::Command::new("df")
        .args(["-B1", "--output=avail"])
        .arg(dir)
        .output()
        .unwrap();
    let avail: u64 = String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .and_then(|l| l.trim().parse().ok())
        .expect("df prints the free bytes");
    let len = avail.saturating_sub(leave) as usize;
    std::fs::write(dir.join(name), vec![0u8; len]).unwrap();
}

#[test]
fn a_full_disk() {
    // Declared before the mount, so dropped after it: the temporary folder
    // is removed once the tmpfs in it is unmounted, panic or not.
    let mut env = Env::new();
    // 4 MB: room for a new database of 16 KiB pages and its WAL (1 MB was
    // not); `fill` then leaves the same 64 KiB free whatever the size.
    let Some(mount) = Mount::tmpfs(&env.dir.path().join("small"), "4m") else {
        return;
    };
    env.db = mount.0.join("full.db");
    env.write("good.txt", GOOD);
    env.ok(["add", "good.txt"]);
    fill(&mount.0, "filler", 64 * 1024);
    let before = std::fs::read(&env.db).unwrap();
    // 150 KB of text does not fit in 64 KiB.
    let filler_words = "the minister said talks would continue next week ".repeat(3_000);
    env.write("big.txt", format!("date 2024-02-01 {filler_words}"));
    env.write("events.csv", events_csv(5_000));
    let full = format!(
        "dateline: {}: disk full: the write in progress was rolled back\n",
        env.db.display()
    );
    for args in [
        vec!["add", "big.txt", "good.txt"],
        vec!["import", "events.csv"],
    ] {
        let (_, err) = env.fails(&args);
        assert_eq!(err, full, "{args:?}");
        assert!(
            std::fs::read(&env.db).unwrap() == before,
            "{args:?}: the file changed"
        );
    }
    // Not even room for the shared-memory file: still one message.
    fill(&mount.0, "filler2", 0);
    let (_, err) = env.fails(["info"]);
    assert_eq!(
        err,
        format!(
            "dateline: {}: disk I/O error (is the disk full or failing?)\n",
            env.db.display()
        )
    );
    // With room again, everything committed is there and sound.
    std::fs::remove_file(mount.0.join("filler")).unwrap();
    std::fs::remove_file(mount.0.join("filler2")).unwrap();
    assert_eq!(
        env.ok(["check"]),
        "integrity: ok\nforeign keys: ok\ncontacts: ok\n"
    );
    let info = env.json(["info"]);
    assert_eq!(
        (info["articles"].clone(), info["events"].clone()),
        (1.into(), 1.into())
    );
    drop(mount);
}

#[test]
fn bad_dates_in_flags() {
    let env = Env::new();
    let (_, err) = env.fails([
        "event",
        "add",
        "--kind",
        "call",
        "--date",
        "2024-02-30",
        "--actor",
        "A",
        "--actor",
        "B",
    ]);
    assert_eq!(err, "dateline: --date: \"2024-02-30\": no such day\n");
    let (_, err) = env.fails(["gaps", "A", "B", "--as-of", "someday"]);
    assert!(
        err.starts_with("dateline: --as-of: \"someday\" is not a date"),
        "{err}"
    );
    assert!(!env.db.exists());
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    let out = env.cmd(["gaps", "--all", "A"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = env.cmd(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_ids() {
    let env = Env::new();
    env.write("good.txt", GOOD);
    env.ok(["add", "good.txt"]);
    let (out, err) = env.fails(["rm", "7", "1"]);
    assert_eq!(err, "dateline: no article 7\n");
    assert_eq!(out, "removed article 1 and event 1\n");
    let (_, err) = env.fails(["show", "1"]);
    assert_eq!(err, "dateline: no article 1\n");
    let (_, err) = env.fails(["event", "edit", "9", "--note", "x"]);
    assert_eq!(err, "dateline: no event 9\n");
}
