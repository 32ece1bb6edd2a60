//! GDELT 2.0 event export files in: the `*.export.CSV` tables (61
//! tab-separated columns, no header) and the `.zip` files they are
//! distributed in. Rows whose CAMEO EventCode is a consultation (040 to 046)
//! between two named actors become contact events; every other row is
//! counted and skipped. Each row's GLOBALEVENTID is kept as the event's
//! external id (`gdelt:ID`), so that importing a file twice adds nothing.
//!
//! This module reads and classifies rows and hands contacts to the store's
//! bulk writer (`store::bulk`, as `import` of CSV does) in
//! one transaction per batch; it holds no SQL and prints nothing (progress
//! and problems go to the caller's callbacks).

use super::RowError;
use crate::date::Span;
use crate::extract::{ActorKind, ActorRef, EventKind};
use crate::lexicon;
use crate::model::{Origin, Source};
use crate::resolve;
use crate::store::{Attach, Batch, Import, NewActor, NewEvent, Store, StoreError, Tx};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Seek};
use std::path::Path;

// Column positions (0-based) of the GDELT 2.0 event table, in file order, as
// listed in "The GDELT Event Database Data Format Codebook V2.0" (2/19/2015),
// section "Event table: fields": GLOBALEVENTID, SQLDATE, MonthYear, Year,
// FractionDate, then ten Actor1 fields (Code, Name, CountryCode,
// KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1Code,
// Type2Code, Type3Code), the same ten for Actor2, IsRootEvent, EventCode,
// EventBaseCode, EventRootCode, QuadClass, GoldsteinScale, NumMentions,
// NumSources, NumArticles, AvgTone, three geography blocks of eight fields
// (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID)
// for Actor1, Actor2 and the action, DATEADDED and SOURCEURL.
/// Columns in a GDELT 2.0 event row (GDELT 1.0 daily files had 57 or 58).
pub const COLUMNS: usize = 61;
pub const GLOBALEVENTID: usize = 0;
/// The day of the event, YYYYMMDD.
pub const SQLDATE: usize = 1;
pub const ACTOR1_CODE: usize = 5;
pub const ACTOR1_NAME: usize = 6;
pub const ACTOR1_COUNTRY_CODE: usize = 7;
pub const ACTOR2_CODE: usize = 15;
pub const ACTOR2_NAME: usize = 16;
pub const ACTOR2_COUNTRY_CODE: usize = 17;
/// The full CAMEO event code, with its leading zero ("041").
pub const EVENT_CODE: usize = 26;
pub const SOURCEURL: usize = 60;

/// Lines per write transaction, as for the other imports.
pub const BATCH: usize = super::BATCH;

/// The contact kind of a CAMEO event code: the "Consult" family (04). 041 is
/// "discuss by telephone"; 042 "make a visit" and 043 "host a visit" are
/// visits; 040 "consult", 044 "meet at a third location", 045 "mediate" and
/// 046 "engage in negotiation" are meetings. Every other code is not a
/// contact dateline records.
pub fn contact_kind(code: &str) -> Option<EventKind> {
    match code {
        "041" => Some(EventKind::Call),
        "042" | "043" => Some(EventKind::Visit),
        "040" | "044" | "045" | "046" => Some(EventKind::Meeting),
        _ => None,
    }
}

/// One side of a GDELT event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GdeltActor<'a> {
    /// CAMEO actor code ("USAGOV").
    pub code: &'a str,
    /// Name as GDELT writes it ("BENJAMIN NETANYAHU").
    pub name: &'a str,
    /// CAMEO country code ("USA").
    pub country: &'a str,
}

impl GdeltActor<'_> {
    /// A country itself (code "ISR", country "ISR") rather than someone of it.
    fn is_country(&self) -> bool {
        self.code.len() == 3 && self.code == self.country
    }
}

/// A contact row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact<'a> {
    pub id: &'a str,
    pub date: NaiveDate,
    pub code: &'a str,
    pub kind: EventKind,
    pub actors: [GdeltActor<'a>; 2],
    pub url: &'a str,
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsed<'a> {
    Contact(Contact<'a>),
    /// An event of another kind.
    NotContact,
    /// A contact code without two different named actors.
    WithoutTwoActors,
}

/// Classify one line (without its line ending). An `Err` names what is
/// wrong with it.
pub fn parse_line(line: &[u8]) -> Result<Parsed<'_>, String> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    // Field i is line[starts[i]..starts[i + 1] - 1].
    let mut starts = [0usize; COLUMNS + 1];
    let mut n = 1;
    for tab in memchr::memchr_iter(b'\t', line) {
        if n < COLUMNS {
            starts[n] = tab + 1;
        }
        n += 1;
    }
    if n != COLUMNS {
        return Err(format!(
            "{n} tab-separated columns, a GDELT 2.0 event row has {COLUMNS}"
        ));
    }
    starts[COLUMNS] = line.len() + 1;
    let raw = |i: usize| &line[starts[i]..starts[i + 1] - 1];
    // Most rows are not contacts: decide before any other work.
    if !matches!(raw(EVENT_CODE).trim_ascii(), [b'0', b'4', b'0'..=b'6']) {
        return Ok(Parsed::NotContact);
    }
    let field = |i: usize| {
        std::str::from_utf8(raw(i))
            .map(str::trim)
            .map_err(|_| format!("column {} is not UTF-8 text", i + 1))
    };
    let mut fields: [&str; COLUMNS] = [""; COLUMNS];
    for i in [
        GLOBALEVENTID,
        SQLDATE,
        ACTOR1_CODE,
        ACTOR1_NAME,
        ACTOR1_COUNTRY_CODE,
        ACTOR2_CODE,
        ACTOR2_NAME,
        ACTOR2_COUNTRY_CODE,
        EVENT_CODE,
        SOURCEURL,
    ] {
        fields[i] = field(i)?;
    }
    let code = fields[EVENT_CODE];
    let kind = contact_kind(code).expect("a 040 to 046 code, checked above");
    let actor = |code: usize, name: usize, country: usize| GdeltActor {
        code: fields[code],
        name: fields[name],
        country: fields[country],
    };
    let actors = [
        actor(ACTOR1_CODE, ACTOR1_NAME, ACTOR1_COUNTRY_CODE),
        actor(ACTOR2_CODE, ACTOR2_NAME, ACTOR2_COUNTRY_CODE),
    ];
    if actors.iter().any(|a| a.name.is_empty())
        || actors[0].name.eq_ignore_ascii_case(actors[1].name)
    {
        return Ok(Parsed::WithoutTwoActors);
    }
    let id = fields[GLOBALEVENTID];
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("GLOBALEVENTID {id:?} is not a number"));
    }
    let day = fields[SQLDATE];
    let date = (day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit()))
        .then(|| NaiveDate::parse_from_str(day, "%Y%m%d").ok())
        .flatten()
        .ok_or_else(|| format!("SQLDATE {day:?} is not a day (YYYYMMDD)"))?;
    Ok(Parsed::Contact(Contact {
        id,
        date,
        code,
        kind,
        actors,
        url: fields[SOURCEURL],
    }))
}

/// Words kept in capitals when a GDELT name is title-cased.
const ACRONYMS: &[&str] = &[
    "UN", "EU", "US", "UK", "USA", "NATO", "ASEAN", "OPEC", "IMF", "IAEA", "ICC", "OSCE", "WHO",
    "WTO", "AU",
];
/// Words kept lower-case inside a name ("Bank of Japan", "Lula da Silva").
const SMALL: &[&str] = &[
    "of", "the", "and", "for", "da", "de", "del", "der", "di", "do", "dos", "du", "van", "von",
];

/// A GDELT name as people write it: "BENJAMIN NETANYAHU" → "Benjamin
/// Netanyahu", "BANK OF JAPAN" → "Bank of Japan", "O'NEILL" → "O'Neill". A
/// name that already has lower-case letters is kept as it is.
pub fn display_name(raw: &str) -> String {
    let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if raw.chars().any(char::is_lowercase) {
        return raw;
    }
    let mut out = String::with_capacity(raw.len());
    for (i, word) in raw.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if ACRONYMS.contains(&word) || word.chars().any(|c| c.is_ascii_digit()) {
            out.push_str(word);
        } else if i > 0 && SMALL.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else {
            // Capitalise the first letter and each letter after ' or -.
            let mut up = true;
            for c in lower.chars() {
                if up && c.is_alphabetic() {
                    out.extend(c.to_uppercase());
                    up = false;
                } else {
                    out.push(c);
                }
                if c == '-' || c == '\'' {
                    up = true;
                }
            }
        }
    }
    out
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Lines read.
    pub rows: usize,
    /// Contact rows that became new events.
    pub imported: usize,
    /// Contact rows that repeat a recorded event (same actors, day and
    /// compatible kind) and added their URL to it as another source.
    pub sources_added: usize,
    /// Contact rows already recorded: their GLOBALEVENTID, or their event
    /// with the same URL.
    pub present: usize,
    pub not_contacts: usize,
    pub without_two_actors: usize,
    /// Lines that are not GDELT 2.0 event rows (each reported).
    pub malformed: usize,
}

impl Stats {
    pub fn skipped(&self) -> usize {
        self.not_contacts + self.without_two_actors
    }
}

/// A failure that stops the import (a row problem does not).
#[derive(Debug, thiserror::Error)]
pub enum GdeltError {
    #[error("{name}: cannot read: {source}")]
    Read {
        name: String,
        source: std::io::Error,
    },
    #[error("{name}: not a zip archive GDELT could have made: {reason}")]
    Zip { name: String, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Callbacks of an import: bytes read so far (for a progress bar) and row
/// problems, handed over after each batch is committed.
pub struct Report<'a> {
    pub total_bytes: &'a mut dyn FnMut(u64),
    pub progress: &'a mut dyn FnMut(u64),
    pub problem: &'a mut dyn FnMut(RowError),
}

struct Importer {
    /// Folded GDELT name → actor id.
    actors: HashMap<String, i64>,
    /// GDELT name as written → actor id: most rows name actors seen before,
    /// found here without making their display name and key.
    raw: HashMap<String, i64>,
    stats: Stats,
    line: Vec<u8>,
    /// Line number in the current table.
    lineno: usize,
}

impl Importer {
    fn actor(&mut self, tx: &Tx<'_>, a: &GdeltActor<'_>) -> Result<i64, StoreError> {
        if let Some(&id) = self.raw.get(a.name) {
            return Ok(id);
        }
        let id = self.actor_by_name(tx, a)?;
        self.raw.insert(a.name.to_string(), id);
        Ok(id)
    }

    fn actor_by_name(&mut self, tx: &Tx<'_>, a: &GdeltActor<'_>) -> Result<i64, StoreError> {
        let name = display_name(a.name);
        let key = resolve::fold(&name);
        if let Some(&id) = self.actors.get(&key) {
            return Ok(id);
        }
        let kind = if a.is_country() {
            ActorKind::Country
        } else {
            ActorKind::Person
        };
        if !key.contains(' ') {
            // GDELT names are whole names: "ISRAEL" is the country, never
            // Israel Katz, whom a word of his name would find.
            let id = self.one_word_actor(tx, &name, &key, kind, a.country)?;
            self.actors.insert(key, id);
            return Ok(id);
        }
        let id = resolve::resolve_or_create(
            tx,
            &ActorRef {
                name: name.clone(),
                kind,
                title: None,
                country: (!a.country.is_empty()).then(|| a.country.to_string()),
                surname_only: false,
            },
        )?;
        self.actors.insert(key, id);
        Ok(id)
    }

    /// A one-word name by its exact name or alias (or the dictionary's other
    /// names for it), else a new actor.
    fn one_word_actor(
        &self,
        tx: &Tx<'_>,
        name: &str,
        key: &str,
        kind: ActorKind,
        country: &str,
    ) -> Result<i64, StoreError> {
        let db = tx.db();
        let mut keys = vec![key.to_string()];
        keys.extend(lexicon::aliases_for(name).iter().map(|a| resolve::fold(a)));
        for k in &keys {
            let found = match db.actor_by_key(k)? {
                Some(a) => Some(a),
                None => db.actor_by_alias(k)?,
            };
            if let Some(found) = found {
                return Ok(found.id);
            }
        }
        let id = tx.insert_actor(&NewActor {
            name,
            kind,
            role: None,
            country: (!country.is_empty()).then_some(country),
        })?;
        for alias in lexicon::aliases_for(name) {
            tx.add_alias(id, &alias)?;
        }
        Ok(id)
    }

    fn contact(&mut self, batch: &mut Batch<'_>, c: &Contact<'_>) -> Result<(), StoreError> {
        let ext_id = format!("gdelt:{}", c.id);
        if batch.event_by_ext_id(&ext_id)?.is_some() {
            self.stats.present += 1;
            return Ok(());
        }
        let tx = batch.tx();
        let ids = [self.actor(tx, &c.actors[0])?, self.actor(tx, &c.actors[1])?];
        if ids[0] == ids[1] {
            // Two GDELT names of one recorded actor.
            self.stats.without_two_actors += 1;
            return Ok(());
        }
        let note = format!(
            "GDELT {} CAMEO {} {}/{}",
            c.id,
            c.code,
            or_dash(c.actors[0].code),
            or_dash(c.actors[1].code)
        );
        let event = NewEvent {
            kind: c.kind,
            span: Span::day(c.date),
            origin: Origin::Imported,
            note: Some(&note),
            actors: &ids,
            ext_id: Some(&ext_id),
        };
        let source = Source {
            url: (!c.url.is_empty()).then(|| c.url.to_string()),
            ..Source::default()
        };
        // The bulk writer: what `Tx::record_event` with `Match::Identical`
        // records, at a fraction of the index work per row.
        match batch.record(&event, std::slice::from_ref(&source))?.0 {
            Attach::New(_) => self.stats.imported += 1,
            Attach::Existing(_, true) => self.stats.sources_added += 1,
            Attach::Existing(_, false) => self.stats.present += 1,
        }
        Ok(())
    }

    /// Read and store up to [`BATCH`] lines in one transaction. Returns
    /// whether the input has more.
    fn batch(
        &mut self,
        batch: &mut Batch<'_>,
        name: &str,
        input: &mut dyn BufRead,
        problems: &mut Vec<RowError>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<bool, GdeltError> {
        let mut read = 0u64;
        for i in 0..BATCH {
            if i % 4096 == 4095 {
                progress(std::mem::take(&mut read));
            }
            self.line.clear();
            let n = input
                .read_until(b'\n', &mut self.line)
                .map_err(|source| GdeltError::Read {
                    name: name.to_string(),
                    source,
                })?;
            if n == 0 {
                progress(read);
                return Ok(false);
            }
            read += n as u64;
            self.lineno += 1;
            let line = std::mem::take(&mut self.line);
            let text = line.strip_suffix(b"\n").unwrap_or(&line);
            if text.iter().all(u8::is_ascii_whitespace) {
                self.line = line;
                continue;
            }
            self.stats.rows += 1;
            match parse_line(text) {
                Ok(Parsed::Contact(c)) => self.contact(batch, &c)?,
                Ok(Parsed::NotContact) => self.stats.not_contacts += 1,
                Ok(Parsed::WithoutTwoActors) => self.stats.without_two_actors += 1,
                Err(reason) => {
                    self.stats.malformed += 1;
                    problems.push(RowError {
                        at: format!("{name}:{}", self.lineno),
                        reason,
                    });
                }
            }
            self.line = line;
        }
        progress(read);
        Ok(true)
    }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}

/// Import one GDELT table (the text of a `.CSV`), `name` naming it in
/// messages.
fn import_table(
    store: &mut Store,
    import: &mut Import,
    importer: &mut Importer,
    name: &str,
    input: impl Read,
    report: &mut Report<'_>,
) -> Result<(), GdeltError> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    importer.lineno = 0;
    let mut more = true;
    while more {
        let mut problems = Vec::new();
        more = store.import_batch(import, |b| {
            if b.changed {
                // Another process wrote since the last batch: the actor ids
                // cached may name actors it merged or removed.
                importer.actors.clear();
                importer.raw.clear();
            }
            importer.batch(b, name, &mut input, &mut problems, report.progress)
        })?;
        for p in problems {
            (report.problem)(p);
        }
    }
    Ok(())
}

/// Import a GDELT 2.0 event file: a plain table or a zip archive of tables
/// (recognised by its first bytes, whatever its name). Rows are counted in
/// the returned [`Stats`]; lines that are not GDELT rows go to
/// `report.problem` and the rest is still imported.
pub fn import(
    store: &mut Store,
    path: &Path,
    name: &str,
    report: &mut Report<'_>,
) -> Result<Stats, GdeltError> {
    let read_err = |source| GdeltError::Read {
        name: name.to_string(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(read_err)?;
    let mut magic = [0u8; 4];
    let n = read_prefix(&mut file, &mut magic).map_err(read_err)?;
    file.rewind().map_err(read_err)?;
    let mut importer = Importer {
        actors: HashMap::new(),
        raw: HashMap::new(),
        stats: Stats::default(),
        line: Vec::with_capacity(1024),
        lineno: 0,
    };
    let mut import = store.begin_import(BATCH)?;
    if n == 4 && &magic == b"PK\x03\x04" {
        let zip_err = |e: zip::result::ZipError| match e {
            zip::result::ZipError::Io(source) => GdeltError::Read {
                name: name.to_string(),
                source,
            },
            other => GdeltError::Zip {
                name: name.to_string(),
                reason: other.to_string(),
            },
        };
        let mut archive = zip::ZipArchive::new(file).map_err(zip_err)?;
        let total: u64 = (0..archive.len())
            .filter_map(|i| archive.by_index_raw(i).ok().map(|f| f.size()))
            .sum();
        (report.total_bytes)(total);
        for i in 0..archive.len() {
            let entry = archive.by_index(i).map_err(zip_err)?;
            if !entry.is_file() {
                continue;
            }
            let shown = match entry.name() {
                Ok(entry_name) => format!("{name}:{entry_name}"),
                Err(_) => format!("{name}:entry {}", i + 1),
            };
            import_table(store, &mut import, &mut importer, &shown, entry, report)?;
        }
    } else {
        if let Ok(meta) = file.metadata() {
            (report.total_bytes)(meta.len());
        }
        import_table(store, &mut import, &mut importer, name, file, report)?;
    }
    store.finish_import(import)?;
    Ok(importer.stats)
}

/// Fill `buf` from the start of `r` as far as it goes.
fn read_prefix(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests;
