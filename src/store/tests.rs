use super::*;
use crate::date::Span;
use crate::extract::{ActorKind, EventKind};
use crate::model::{Origin, Source};
use chrono::NaiveDate;
use pretty_assertions::assert_eq;

fn s(v: &str) -> Span {
    Span::parse_value(v).unwrap()
}

fn actor(tx: &Tx<'_>, name: &str) -> i64 {
    tx.insert_actor(&NewActor {
        name,
        kind: ActorKind::Person,
        role: None,
        country: None,
    })
    .unwrap()
}

fn event<'a>(kind: EventKind, date: &str, actors: &'a [i64]) -> NewEvent<'a> {
    NewEvent {
        kind,
        span: s(date),
        origin: Origin::Manual,
        note: None,
        actors,
        ext_id: None,
    }
}

fn article(tx: &Tx<'_>, sha: &str) -> i64 {
    tx.insert_article(&NewArticle {
        sha256: sha,
        title: Some("t"),
        url: None,
        source: None,
        published: NaiveDate::from_ymd_opt(2024, 1, 19).unwrap(),
        published_time: None,
        body: "body",
        path: None,
    })
    .unwrap()
}

fn contacts(store: &Store) -> Vec<(i64, i64, String, i64)> {
    let mut out = Vec::new();
    let names = store.db().actor_names().unwrap();
    for (i, a) in names.iter().enumerate() {
        for b in &names[i + 1..] {
            for c in store.db().pair_contacts(a.id, b.id).unwrap() {
                out.push((a.id, b.id, c.span.value(), c.event));
            }
        }
    }
    out
}

#[test]
fn contacts_follow_events_and_their_actors() {
    let mut store = Store::open_in_memory().unwrap();
    let (a, b, c, e) = store
        .write(|tx| -> Result<_> {
            let (a, b, c) = (actor(tx, "A One"), actor(tx, "B Two"), actor(tx, "C Three"));
            let e = tx.insert_event(&event(EventKind::Call, "2024-01-22", &[c, a, b]))?;
            Ok((a, b, c, e))
        })
        .unwrap();
    assert_eq!(contacts(&store).len(), 3);
    store
        .write(|tx| tx.update_event(e, None, Some(s("2024-01")), Some(&[a, c]), None))
        .unwrap();
    assert_eq!(contacts(&store), vec![(a, c, "2024-01".to_string(), e)]);
    // A statement is not a contact.
    store
        .write(|tx| tx.update_event(e, Some(EventKind::Statement), None, None, None))
        .unwrap();
    assert!(contacts(&store).is_empty());
    store
        .write(|tx| tx.update_event(e, Some(EventKind::Meeting), None, None, None))
        .unwrap();
    assert_eq!(contacts(&store).len(), 1);
    assert!(store.write(|tx| tx.delete_event(e)).unwrap());
    assert!(contacts(&store).is_empty());
    assert!(!store.write(|tx| tx.delete_event(e)).unwrap());
    let _ = b;
}

#[test]
fn a_repeated_report_is_a_new_source_of_the_same_event() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| -> Result<()> {
            let (a, b) = (actor(tx, "Joe Biden"), actor(tx, "Xi Jinping"));
            let (art1, art2, art3) = (article(tx, "1"), article(tx, "2"), article(tx, "3"));
            let src = |article| Source {
                article: Some(article),
                evidence: Some("they met".into()),
                ..Source::default()
            };
            // A month-precise mention first...
            let first = tx.record_event(
                &event(EventKind::Meeting, "2023-11", &[a, b]),
                Some(&src(art1)),
                Match::Containing,
            )?;
            assert!(matches!(first, Attach::New(_)));
            // ...then the day, as a visit: the same event, refined to the day.
            let second = tx.record_event(
                &event(EventKind::Visit, "2023-11-15", &[b, a]),
                Some(&src(art2)),
                Match::Containing,
            )?;
            assert_eq!(second, Attach::Existing(first.id(), true));
            let e = tx.db().event(first.id())?.unwrap();
            assert_eq!(
                (e.kind, e.span.value(), e.sources.len()),
                (EventKind::Meeting, "2023-11-15".to_string(), 2)
            );
            // A coarser mention attaches without widening.
            let third = tx.record_event(
                &event(EventKind::Meeting, "2023", &[a, b]),
                Some(&src(art3)),
                Match::Containing,
            )?;
            assert_eq!(third, Attach::Existing(first.id(), true));
            assert_eq!(
                tx.db().event(first.id())?.unwrap().span.value(),
                "2023-11-15"
            );
            // The same source again adds nothing; a call is another event.
            assert_eq!(
                tx.record_event(
                    &event(EventKind::Meeting, "2023-11-15", &[a, b]),
                    Some(&src(art3)),
                    Match::Containing
                )?,
                Attach::Existing(first.id(), false)
            );
            let call = tx.record_event(
                &event(EventKind::Call, "2023-11-15", &[a, b]),
                None,
                Match::Containing,
            )?;
            assert!(matches!(call, Attach::New(_)));
            // Identical matching wants the very same dates.
            assert!(matches!(
                tx.record_event(
                    &event(EventKind::Meeting, "2023-11", &[a, b]),
                    None,
                    Match::Identical
                )?,
                Attach::New(_)
            ));
            Ok(())
        })
        .unwrap();
}

#[test]
fn removing_an_article_keeps_events_with_other_sources() {
    let mut store = Store::open_in_memory().unwrap();
    let (art1, art2, shared, only1, manual) = store
        .write(|tx| -> Result<_> {
            let (a, b) = (actor(tx, "A One"), actor(tx, "B Two"));
            let (art1, art2) = (article(tx, "1"), article(tx, "2"));
            let src = |article| Source {
                article: Some(article),
                ..Source::default()
            };
            let shared = tx.record_event(
                &event(EventKind::Call, "2024-01-19", &[a, b]),
                Some(&src(art1)),
                Match::Containing,
            )?;
            tx.record_event(
                &event(EventKind::Call, "2024-01-19", &[a, b]),
                Some(&src(art2)),
                Match::Containing,
            )?;
            let only1 = tx.record_event(
                &event(EventKind::Meeting, "2023-06-01", &[a, b]),
                Some(&src(art1)),
                Match::Containing,
            )?;
            let manual = tx.record_event(
                &event(EventKind::Call, "2022-01-01", &[a, b]),
                None,
                Match::Containing,
            )?;
            Ok((art1, art2, shared.id(), only1.id(), manual.id()))
        })
        .unwrap();
    let removed = store.write(|tx| tx.remove_article(art1)).unwrap();
    assert_eq!(removed, Some(vec![only1]));
    let left: Vec<i64> = contacts(&store).into_iter().map(|c| c.3).collect();
    assert_eq!(left, vec![manual, shared]);
    assert_eq!(store.db().event(shared).unwrap().unwrap().sources.len(), 1);
    assert_eq!(store.write(|tx| tx.remove_article(art1)).unwrap(), None);
    assert_eq!(
        store.write(|tx| tx.remove_article(art2)).unwrap(),
        Some(vec![shared])
    );
}

#[test]
fn merge_and_rename_actors() {
    let mut store = Store::open_in_memory().unwrap();
    let (biden, bibi, netanyahu) = store
        .write(|tx| -> Result<_> {
            let (biden, bibi, netanyahu) = (
                actor(tx, "Joe Biden"),
                actor(tx, "Bibi"),
                actor(tx, "Benjamin Netanyahu"),
            );
            tx.insert_event(&event(EventKind::Call, "2023-12-23", &[biden, bibi]))?;
            tx.insert_event(&event(EventKind::Call, "2024-01-19", &[biden, netanyahu]))?;
            tx.insert_event(&event(
                EventKind::Meeting,
                "2024-02-01",
                &[biden, bibi, netanyahu],
            ))?;
            Ok((biden, bibi, netanyahu))
        })
        .unwrap();
    store.write(|tx| tx.merge_actors(bibi, netanyahu)).unwrap();
    let dates: Vec<String> = store
        .db()
        .pair_contacts(biden, netanyahu)
        .unwrap()
        .into_iter()
        .map(|c| c.span.value())
        .collect();
    assert_eq!(dates, ["2023-12-23", "2024-01-19", "2024-02-01"]);
    assert_eq!(contacts(&store).len(), 3);
    assert_eq!(
        store.db().actor_by_alias("bibi").unwrap().unwrap().id,
        netanyahu
    );
    store
        .write(|tx| tx.rename_actor(biden, "Joseph R. Biden"))
        .unwrap();
    assert_eq!(
        store.db().actor_by_alias("joe biden").unwrap().unwrap().id,
        biden
    );
    assert_eq!(
        store
            .db()
            .actor_by_key("joseph r. biden")
            .unwrap()
            .unwrap()
            .id,
        biden
    );
}

#[test]
fn refuses_files_that_are_not_dateline_databases() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    let content = "just some text, not a database at all, long enough to have a header";
    std::fs::write(&text, content).unwrap();
    let e = Store::open(&text, Access::Write).err().unwrap();
    assert_eq!(
        e.to_string(),
        format!(
            "{}: not a dateline database (file is not a database)",
            text.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&text).unwrap(), content);

    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let e = Store::open(&other, Access::Write).err().unwrap();
    assert!(
        e.to_string()
            .ends_with("not a dateline database (an SQLite file made by another program)"),
        "{e}"
    );

    let newer = dir.path().join("newer.db");
    drop(Store::open(&newer, Access::Write).unwrap());
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let e = Store::open(&newer, Access::Write).err().unwrap();
    assert!(
        e.to_string()
            .contains("is newer than this dateline supports"),
        "{e}"
    );
}

#[test]
fn reads_of_a_missing_file_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/none.db");
    let store = Store::open(&path, Access::Read).unwrap();
    assert_eq!(store.db().counts().unwrap().events, 0);
    assert!(!path.exists());
    drop(Store::open(&path, Access::Write).unwrap());
    assert!(path.exists());
}

#[test]
fn integrity_and_foreign_keys_hold() {
    // Debian's sqlite3 3.40 shell reports false "NULL value in contacts.*"
    // for our WITHOUT ROWID tables; the bundled SQLite is the reference.
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| -> Result<()> {
            let (a, b, c) = (actor(tx, "A One"), actor(tx, "B Two"), actor(tx, "C Three"));
            let art = article(tx, "1");
            let src = Source {
                article: Some(art),
                evidence: Some("e".into()),
                ..Source::default()
            };
            tx.record_event(
                &event(EventKind::Call, "2024-01-19", &[a, b, c]),
                Some(&src),
                Match::Containing,
            )?;
            tx.record_event(
                &event(EventKind::Meeting, "2023-11", &[a, b]),
                None,
                Match::Containing,
            )?;
            tx.merge_actors(c, b)?;
            Ok(())
        })
        .unwrap();
    let check: String = store
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let fk: i64 = store
        .conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
}
