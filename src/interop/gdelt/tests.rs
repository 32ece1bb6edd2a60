use super::*;
use pretty_assertions::assert_eq;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/gdelt/20240301120000.export.CSV"
);

/// A row of 61 columns with the given fields set.
fn line(set: &[(usize, &str)]) -> String {
    let mut fields = vec![""; COLUMNS];
    for &(i, v) in set {
        fields[i] = v;
    }
    fields.join("\t")
}

fn contact_row(code: &str, a1: &str, a2: &str, date: &str) -> String {
    line(&[
        (GLOBALEVENTID, "42"),
        (SQLDATE, date),
        (ACTOR1_CODE, "USAGOV"),
        (ACTOR1_NAME, a1),
        (ACTOR1_COUNTRY_CODE, "USA"),
        (ACTOR2_CODE, "ISR"),
        (ACTOR2_NAME, a2),
        (ACTOR2_COUNTRY_CODE, "ISR"),
        (EVENT_CODE, code),
        (SOURCEURL, "https://example.org/x"),
    ])
}

#[test]
fn cameo_consultations_are_contacts() {
    use EventKind::{Call, Meeting, Visit};
    for (code, kind) in [
        ("040", Some(Meeting)),
        ("041", Some(Call)),
        ("042", Some(Visit)),
        ("043", Some(Visit)),
        ("044", Some(Meeting)),
        ("045", Some(Meeting)),
        ("046", Some(Meeting)),
        ("047", None),
        ("04", None),
        ("036", None),
        ("0411", None),
        ("190", None),
        ("", None),
    ] {
        assert_eq!(contact_kind(code), kind, "{code}");
    }
}

#[test]
fn rows_are_classified() {
    let day = NaiveDate::from_ymd_opt(2024, 1, 19).expect("a day");
    let row = contact_row("041", "JOE BIDEN", "ISRAEL", "20240119");
    match parse_line(row.as_bytes()) {
        Ok(Parsed::Contact(c)) => {
            assert_eq!(
                (c.id, c.date, c.kind, c.code, c.url),
                ("42", day, EventKind::Call, "041", "https://example.org/x")
            );
            assert_eq!(c.actors[0].name, "JOE BIDEN");
            assert_eq!((c.actors[1].code, c.actors[1].country), ("ISR", "ISR"));
            assert!(c.actors[1].is_country() && !c.actors[0].is_country());
        }
        other => panic!("{other:?}"),
    }
    // A Windows line ending is not part of the URL.
    let crlf = format!("{row}\r");
    assert!(matches!(
        parse_line(crlf.as_bytes()),
        Ok(Parsed::Contact(Contact {
            url: "https://example.org/x",
            ..
        }))
    ));
    for (row, expected) in [
        (
            contact_row("190", "JOE BIDEN", "ISRAEL", "20240119"),
            Ok(Parsed::NotContact),
        ),
        (
            contact_row("041", "JOE BIDEN", "", "20240119"),
            Ok(Parsed::WithoutTwoActors),
        ),
        (
            contact_row("041", "", "ISRAEL", "20240119"),
            Ok(Parsed::WithoutTwoActors),
        ),
        (
            contact_row("041", "ISRAEL", "Israel", "20240119"),
            Ok(Parsed::WithoutTwoActors),
        ),
        // A row that is not a contact is not checked further.
        (
            contact_row("190", "JOE BIDEN", "ISRAEL", "2024"),
            Ok(Parsed::NotContact),
        ),
        (
            contact_row("041", "JOE BIDEN", "ISRAEL", "20240230"),
            Err("SQLDATE \"20240230\" is not a day (YYYYMMDD)".to_string()),
        ),
        (
            contact_row("041", "JOE BIDEN", "ISRAEL", "2024-01-19"),
            Err("SQLDATE \"2024-01-19\" is not a day (YYYYMMDD)".to_string()),
        ),
        (
            "1\t20240119\t041".to_string(),
            Err("3 tab-separated columns, a GDELT 2.0 event row has 61".to_string()),
        ),
        (
            format!("{}\textra", contact_row("041", "A", "B", "20240119")),
            Err("62 tab-separated columns, a GDELT 2.0 event row has 61".to_string()),
        ),
    ] {
        assert_eq!(parse_line(row.as_bytes()), expected, "{row:?}");
    }
}

#[test]
fn names_are_title_cased() {
    for (raw, expected) in [
        ("BENJAMIN NETANYAHU", "Benjamin Netanyahu"),
        ("UNITED STATES", "United States"),
        ("BANK OF JAPAN", "Bank of Japan"),
        ("LUIZ INACIO LULA DA SILVA", "Luiz Inacio Lula da Silva"),
        ("O'NEILL", "O'Neill"),
        ("BASHAR AL-ASSAD", "Bashar Al-Assad"),
        ("NATO", "NATO"),
        ("UN SECURITY COUNCIL", "UN Security Council"),
        ("G20", "G20"),
        ("THE HAGUE", "The Hague"),
        ("  RECEP  TAYYIP ERDOĞAN ", "Recep Tayyip Erdoğan"),
        ("Already Mixed", "Already Mixed"),
    ] {
        assert_eq!(display_name(raw), expected, "{raw}");
    }
}

fn import_path(store: &mut Store, path: &Path) -> (Stats, Vec<String>) {
    let mut problems = Vec::new();
    let mut bytes = 0;
    let stats = import(
        store,
        path,
        "f",
        &mut Report {
            total_bytes: &mut |_| {},
            progress: &mut |n| bytes += n,
            problem: &mut |e| problems.push(e.to_string()),
        },
    )
    .expect("the import runs");
    assert_eq!(bytes, std::fs::metadata(path).expect("a file").len());
    (stats, problems)
}

#[test]
fn the_fixture_imports_once() {
    let mut store = Store::open_in_memory().expect("a store");
    let (stats, problems) = import_path(&mut store, Path::new(FIXTURE));
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(
        stats,
        Stats {
            rows: 12,
            imported: 5,
            sources_added: 1,
            present: 0,
            not_contacts: 4,
            without_two_actors: 2,
            malformed: 0,
        }
    );
    let events = store
        .db()
        .events(&crate::model::EventFilter::default())
        .expect("events");
    let call = events
        .iter()
        .find(|e| e.kind == EventKind::Call)
        .expect("the call");
    assert_eq!(call.span.value(), "2024-01-19");
    assert_eq!(
        call.actors
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
        ["Joe Biden", "Benjamin Netanyahu"]
    );
    assert_eq!(call.sources.len(), 2);
    assert_eq!(
        call.note.as_deref(),
        Some("GDELT 1151234501 CAMEO 041 USAGOV/ISRGOV")
    );
    let (again, _) = import_path(&mut store, Path::new(FIXTURE));
    assert_eq!(
        (again.imported, again.sources_added, again.present),
        (0, 0, 6)
    );
}

#[test]
fn a_one_word_name_is_never_matched_by_a_word_of_another() {
    let mut store = Store::open_in_memory().expect("a store");
    let katz = store
        .write(|tx| {
            tx.insert_actor(&crate::store::NewActor {
                name: "Israel Katz",
                kind: ActorKind::Person,
                role: None,
                country: None,
            })
        })
        .expect("an actor");
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("x.export.CSV");
    std::fs::write(
        &path,
        contact_row("041", "JOE BIDEN", "ISRAEL", "20240119") + "\n",
    )
    .expect("a file");
    let (stats, problems) = import_path(&mut store, &path);
    assert_eq!((stats.imported, problems.len()), (1, 0));
    let db = store.db();
    let events = db
        .events(&crate::model::EventFilter::default())
        .expect("events");
    let names: Vec<&str> = events[0].actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Joe Biden", "Israel"]);
    let israel = db
        .actor(events[0].actors[1].id)
        .expect("a read")
        .expect("Israel");
    assert_ne!(israel.id, katz);
    assert_eq!(israel.kind, ActorKind::Country);
}
