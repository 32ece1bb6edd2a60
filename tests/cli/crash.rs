//! Crash safety: `import` and `add` killed (SIGKILL) at twenty moments
//! spread over a run. After each kill the database opens, SQLite's
//! integrity and foreign-key checks are clean (`dateline check`, which also
//! holds the derived contacts against the events), only whole batches or
//! whole articles are there, and running the same command again ends with
//! exactly what an uninterrupted run records.

use super::*;
use pretty_assertions::assert_eq;
use std::time::{Duration, Instant};

const KILLS: usize = 20;

/// Everything recorded, in id order: events with their actors and sources,
/// articles, claims. Two databases with the same fingerprint hold the same
/// data (times of writing aside).
fn fingerprint(db: &Path) -> Vec<String> {
    let conn = sqlite(db);
    let mut out = Vec::new();
    for sql in [
        "SELECT e.id || ' ' || e.kind || ' ' || e.date_start || ' ' || e.date_end || ' '
                || e.precision || ' ' || e.origin || ' ' || coalesce(e.note, '')
                || ' [' || (SELECT group_concat(a.name, ';') FROM
                    (SELECT actors.name FROM event_actor_rows ea JOIN actors ON actors.id = ea.actor
                     WHERE event = e.id ORDER BY position) a) || ']'
         FROM events e ORDER BY e.id",
        "SELECT event || ' ' || coalesce(article, '-') || ' ' || coalesce(url, '-') || ' '
                || coalesce(evidence, '-') FROM event_source_rows ORDER BY event, seq",
        "SELECT a || ' ' || b || ' ' || day_start || ' ' || event FROM contacts ORDER BY a, b, day_start, event",
        "SELECT id || ' ' || sha256 || ' ' || coalesce(path, '') FROM articles ORDER BY id",
        "SELECT id || ' ' || name FROM actors ORDER BY id",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

/// Run a command, killing it with SIGKILL after `delay` unless it ended
/// first: `None` when killed, else how long it took.
fn run_and_kill(mut cmd: std::process::Command, delay: Duration) -> Option<Duration> {
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dateline starts");
    let started = Instant::now();
    let deadline = started + delay;
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(2).min(deadline - Instant::now()));
    }
    // Child::kill sends SIGKILL on Unix: no destructor, no rollback runs.
    let ended = child.try_wait().unwrap().map(|_| started.elapsed());
    let _ = child.kill();
    child.wait().unwrap();
    ended
}

fn check_clean(env: &Env) {
    assert_sound(&env.db);
    assert_eq!(
        env.ok(["check"]),
        "integrity: ok\nforeign keys: ok\ncontacts: ok\n"
    );
}

#[test]
fn import_killed_at_twenty_moments_keeps_whole_batches_and_finishes_on_rerun() {
    const ROWS: usize = 5_000;
    const BATCH: usize = 250;
    let batch = BATCH.to_string();
    let csv = events_csv(ROWS);

    let reference = Env::new();
    reference.write("events.csv", &csv);
    let started = Instant::now();
    reference.ok(["import", "events.csv", "--batch", &batch]);
    let full = started.elapsed();
    let expected = fingerprint(&reference.db);
    assert_eq!(count(&reference.db, "events"), ROWS as i64);

    let mut seen = Vec::new();
    // Kill moments spread from the start to the end of a run; a run that
    // ends before its moment (the machine got faster) shortens the rest.
    let mut full = full;
    for i in 0..KILLS {
        let env = Env::new();
        env.write("events.csv", &csv);
        let moment = full.mul_f64((i as f64 + 0.5) / KILLS as f64);
        let ended = run_and_kill(
            env.std_cmd(["import", "events.csv", "--batch", &batch]),
            moment,
        );
        if let Some(took) = ended {
            full = full.min(took.mul_f64(1.05));
        }
        // Killed before it created the file: nothing to check but the rerun.
        let events = if env.db.exists() {
            check_clean(&env);
            let events = count(&env.db, "events");
            assert_eq!(count(&env.db, "event_source_rows"), events, "kill {i}");
            events
        } else {
            0
        };
        assert!(
            events % BATCH as i64 == 0 || events == ROWS as i64,
            "kill {i}: {events} events is not whole batches of {BATCH}"
        );
        seen.push((moment.as_millis(), events));

        let out = env.ok(["import", "events.csv", "--batch", &batch]);
        assert_eq!(
            out,
            format!(
                "imported events.csv: {ROWS} rows, {} new events, {events} already recorded (0 sources added), 0 failed\n",
                ROWS as i64 - events
            ),
            "kill {i}"
        );
        assert!(
            fingerprint(&env.db) == expected,
            "kill {i}: not the uninterrupted import"
        );
        check_clean(&env);
    }
    let partial = seen
        .iter()
        .filter(|(_, n)| *n > 0 && *n < ROWS as i64)
        .count();
    eprintln!("import of {ROWS} rows ({full:?}) killed: events left {seen:?}");
    assert!(
        partial >= 3,
        "too few kills landed mid-import to mean anything: {seen:?}"
    );
}

/// Each article of [`write_articles`] is whole (its two events and two
/// sources) or absent.
fn assert_whole_articles(db: &Path) -> i64 {
    let articles = count(db, "articles");
    assert_eq!(count(db, "events"), 2 * articles);
    assert_eq!(count(db, "event_sources"), 2 * articles);
    let conn = sqlite(db);
    let broken: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles a
             WHERE (SELECT count(*) FROM event_sources WHERE article = a.id) <> 2",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(broken, 0);
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM events e
             WHERE NOT EXISTS (SELECT 1 FROM event_sources WHERE event = e.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "events without the article that reported them");
    articles
}

#[test]
fn add_killed_at_twenty_moments_keeps_whole_articles_and_a_rerun_adds_the_rest() {
    const ARTICLES: usize = 1_000;
    // One database, killed twenty times: each run skips the articles the
    // runs before it recorded and goes on with the rest, so the twenty
    // moments fall all along the folder. The delay adapts so that each run
    // adds a few dozen articles before it dies.
    let env = Env::new();
    write_articles(&env.dir.path().join("in"), 0, ARTICLES);
    let mut seen = Vec::new();
    let mut delay = Duration::from_millis(150);
    let mut articles = 0;
    for i in 0..KILLS {
        let ended = run_and_kill(env.std_cmd(["add", "in"]), delay);
        let before = articles;
        if env.db.exists() {
            check_clean(&env);
            articles = assert_whole_articles(&env.db);
        }
        seen.push((delay.as_millis(), articles, ended.is_none()));
        // Aim the next kill so that the rest is spread over the kills left,
        // with some of it left for the last run.
        let added = (articles - before).max(0) as f64;
        let target = (ARTICLES as i64 - articles) as f64 / (KILLS - i + 2) as f64;
        let factor = if added == 0.0 {
            1.5
        } else {
            (target / added).clamp(0.6, 1.5)
        };
        delay = delay.mul_f64(factor);
    }
    let out = env.ok(["add", "in"]);
    let before = articles;
    assert_eq!(
        out.lines().filter(|l| l.starts_with("added ")).count() as i64,
        ARTICLES as i64 - before,
        "the last run adds exactly the rest"
    );
    assert_eq!(assert_whole_articles(&env.db), ARTICLES as i64);
    check_clean(&env);
    // What an uninterrupted run records: article i reports a call on day
    // 2i + 1 and a meeting on day 2i of the generated calendar, in order.
    let conn = sqlite(&env.db);
    let mut stmt = conn
        .prepare(
            "SELECT ar.path, e.kind, e.date_start, e.precision,
                    (SELECT group_concat(a.name, ' — ') FROM
                        (SELECT actors.name FROM event_actors JOIN actors ON actors.id = event_actors.actor
                         WHERE event = e.id ORDER BY position) a)
             FROM events e JOIN event_sources s ON s.event = e.id JOIN articles ar ON ar.id = s.article
             ORDER BY e.id",
        )
        .unwrap();
    let got: Vec<String> = stmt
        .query_map([], |r| {
            Ok(format!(
                "{} {} {} {} {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let start = chrono::NaiveDate::from_ymd_opt(2021, 3, 1).unwrap();
    let expected: Vec<String> = (0..ARTICLES)
        .flat_map(|i| {
            let day = |n: usize| start + chrono::Days::new(n as u64);
            [
                format!(
                    "in/{i:05}.txt call {} day Joe Biden — Benjamin Netanyahu",
                    day(2 * i + 1)
                ),
                format!(
                    "in/{i:05}.txt meeting {} day Olaf Scholz — Vladimir Putin",
                    day(2 * i)
                ),
            ]
        })
        .collect();
    assert!(got == expected, "not what an uninterrupted add records");
    eprintln!("add of {ARTICLES} articles killed: (delay ms, articles after, killed) {seen:?}");
    let mid_add = seen
        .iter()
        .filter(|(_, n, killed)| *killed && *n > 0 && *n < ARTICLES as i64)
        .count();
    assert!(mid_add >= 10, "too few kills landed mid-add: {seen:?}");
}
