//! The dictionaries under `data/`: known actors and their aliases, titles,
//! countries, who held which office when, and the contact and modality
//! words the extractor reads. All are TSV files compiled into the binary
//! with `include_str!` and parsed once; users extend them by editing the
//! files. Nothing here touches the database or the clock.

use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

const ACTORS: &str = include_str!("../data/actors.tsv");
const ROLES: &str = include_str!("../data/roles.tsv");
const COUNTRIES: &str = include_str!("../data/countries.tsv");
const TITLES: &str = include_str!("../data/titles.tsv");
const TRIGGERS: &str = include_str!("../data/triggers.tsv");
const MODALITY: &str = include_str!("../data/modality.tsv");

/// Case- and accent-insensitive key: NFD, combining marks dropped,
/// lowercase, typographic apostrophes and dashes made plain.
pub fn fold(s: &str) -> String {
    // most news text is ASCII: no decomposition needed
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            '\u{2010}'..='\u{2014}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Organisation,
    Country,
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    pub kind: Kind,
    pub country: Option<String>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Role {
    pub country: String,
    pub office: String,
    pub title: String,
    pub name: String,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl Role {
    pub fn held_on(&self, d: NaiveDate) -> bool {
        // the end is the day the successor took over: exclusive
        self.start <= d && self.end.is_none_or(|e| d < e)
    }
}

#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub code: String,
}

/// A contact word: the words (lowercase, folded) and what they signal.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub words: Vec<String>,
    pub kind: TriggerKind,
    /// The trigger counts only when an actor follows it directly
    /// ("called Netanyahu", not "called for a ceasefire").
    pub needs_object: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    Call,
    Meeting,
    Visit,
    Message,
    /// "spoke", "discussed", "talks": a contact whose kind the rest of the
    /// article decides.
    Generic,
}

/// What a modality cue does to a contact word near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Future, plan, proposal, invitation, condition, question: not (yet) an event.
    Irrealis,
    /// Cancelled, postponed, refused, negated: did not happen.
    Negated,
}

#[derive(Debug)]
pub struct Lexicon {
    pub actors: Vec<Actor>,
    /// folded name or alias → actor index
    by_name: HashMap<String, usize>,
    /// folded surname → actor indexes
    by_surname: HashMap<String, Vec<usize>>,
    pub roles: Vec<Role>,
    roles_by_name: HashMap<String, Vec<usize>>,
    pub countries: Vec<Country>,
    /// folded adjective, country name, code or possessive → country name
    country_words: HashMap<String, String>,
    /// folded capital or seat ("the kremlin") → country name
    pub capitals: HashMap<String, String>,
    /// folded title → [(office, countries; empty = every country)]
    pub titles: HashMap<String, Vec<(String, Vec<String>)>>,
    /// longest title in tokens
    pub max_title_tokens: usize,
    /// first words of titles and of country phrases: a quick "no" for
    /// every other word
    title_first: HashSet<String>,
    country_first: HashSet<String>,
    pub triggers: Vec<Trigger>,
    /// first word → trigger indexes, longest first
    pub trigger_index: HashMap<String, Vec<usize>>,
    /// (words, cue, noun-phrase scope)
    pub cues: Vec<(Vec<String>, Cue, bool)>,
    pub cue_index: HashMap<String, Vec<usize>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

pub fn global() -> &'static Lexicon {
    &LEXICON
}

/// Lines of a TSV data file: comments and blank lines skipped, fields split.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn list(field: Option<&&str>) -> Vec<String> {
    field
        .map(|f| {
            f.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "-")
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn date(s: Option<&&str>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// Countries whose names put the family name first ("Xi Jinping" is "Xi").
const FAMILY_FIRST: &[&str] = &[
    "China",
    "Taiwan",
    "North Korea",
    "South Korea",
    "Vietnam",
    "Hong Kong",
];

/// The surname keys of a person's name: the last word, or the first for
/// family-first countries; particles ("bin", "da") keep what follows.
pub fn surname_keys(name: &str, country: Option<&str>) -> Vec<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III"))
        .collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let mut keys = Vec::new();
    if country.is_some_and(|c| FAMILY_FIRST.contains(&c)) {
        keys.push(fold(words[0]));
    } else {
        keys.push(fold(words[words.len() - 1]));
        // "Luiz Inácio Lula da Silva" → "da Silva" too; "Mohammed bin Salman" → "bin Salman"
        for (i, w) in words.iter().enumerate().skip(1) {
            if matches!(
                fold(w).as_str(),
                "bin" | "ibn" | "al" | "da" | "de" | "van" | "von" | "der" | "del" | "dos" | "el"
            ) {
                keys.push(fold(&words[i..].join(" ")));
                break;
            }
        }
    }
    keys
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon {
            actors: Vec::new(),
            by_name: HashMap::default(),
            by_surname: HashMap::default(),
            roles: Vec::new(),
            roles_by_name: HashMap::default(),
            countries: Vec::new(),
            country_words: HashMap::default(),
            capitals: HashMap::default(),
            titles: HashMap::default(),
            max_title_tokens: 1,
            title_first: Default::default(),
            country_first: Default::default(),
            triggers: Vec::new(),
            trigger_index: HashMap::default(),
            cues: Vec::new(),
            cue_index: HashMap::default(),
        };
        for r in rows(ACTORS) {
            let Some(name) = r.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let kind = match r.get(1).copied().unwrap_or("person") {
                "organisation" | "organization" => Kind::Organisation,
                "country" => Kind::Country,
                _ => Kind::Person,
            };
            let country = r
                .get(2)
                .filter(|c| !c.is_empty() && **c != "-")
                .map(|c| c.to_string());
            lex.add_actor(name, kind, country, list(r.get(3)));
        }
        for r in rows(ROLES) {
            let (Some(country), Some(office), Some(title), Some(name), Some(start)) =
                (r.first(), r.get(1), r.get(2), r.get(3), date(r.get(4)))
            else {
                continue;
            };
            let role = Role {
                country: country.to_string(),
                office: office.to_string(),
                title: title.to_string(),
                name: name.to_string(),
                start,
                end: date(r.get(5)),
            };
            if lex.lookup(name).is_none() {
                lex.add_actor(name, Kind::Person, Some(country.to_string()), Vec::new());
            }
            lex.roles_by_name
                .entry(fold(name))
                .or_default()
                .push(lex.roles.len());
            lex.roles.push(role);
        }
        for r in rows(COUNTRIES) {
            let Some(name) = r.first() else { continue };
            let code = r.get(1).copied().unwrap_or("").to_string();
            for w in list(r.get(2)).into_iter().chain([
                name.to_string(),
                format!("{name}'s"),
                code.clone(),
            ]) {
                if !w.is_empty() {
                    lex.country_words.insert(fold(&w), name.to_string());
                }
            }
            for c in list(r.get(3)) {
                lex.capitals.insert(fold(&c), name.to_string());
            }
            lex.countries.push(Country {
                name: name.to_string(),
                code,
            });
        }
        for r in rows(TITLES) {
            let (Some(title), Some(office)) = (r.first(), r.get(1)) else {
                continue;
            };
            let countries = list(r.get(2)).into_iter().filter(|c| c != "*").collect();
            let key = fold(title);
            lex.max_title_tokens = lex.max_title_tokens.max(key.split_whitespace().count());
            lex.titles
                .entry(key)
                .or_default()
                .push((office.to_string(), countries));
        }
        for r in rows(TRIGGERS) {
            let (Some(words), Some(kind)) = (r.first(), r.get(1)) else {
                continue;
            };
            let kind = match *kind {
                "call" => TriggerKind::Call,
                "meeting" => TriggerKind::Meeting,
                "visit" => TriggerKind::Visit,
                "message" => TriggerKind::Message,
                _ => TriggerKind::Generic,
            };
            let words: Vec<String> = fold(words).split_whitespace().map(String::from).collect();
            let needs_object = r.get(2).is_some_and(|f| *f == "object");
            lex.trigger_index
                .entry(words[0].clone())
                .or_default()
                .push(lex.triggers.len());
            lex.triggers.push(Trigger {
                words,
                kind,
                needs_object,
            });
        }
        for r in rows(MODALITY) {
            let (Some(words), Some(class)) = (r.first(), r.get(1)) else {
                continue;
            };
            let cue = if *class == "negated" {
                Cue::Negated
            } else {
                Cue::Irrealis
            };
            let words: Vec<String> = fold(words).split_whitespace().map(String::from).collect();
            lex.cue_index
                .entry(words[0].clone())
                .or_default()
                .push(lex.cues.len());
            let np = r.get(2).is_some_and(|f| *f == "np");
            lex.cues.push((words, cue, np));
        }
        for k in lex.titles.keys() {
            if let Some(w) = k.split_whitespace().next() {
                lex.title_first.insert(w.to_string());
            }
        }
        let country_keys: Vec<String> = lex
            .country_words
            .keys()
            .cloned()
            .chain(
                lex.by_name
                    .iter()
                    .filter(|(_, &i)| lex.actors[i].kind == Kind::Country)
                    .map(|(k, _)| k.clone()),
            )
            .collect();
        for k in country_keys {
            // tokens split "people's" into "people" "'s"
            if let Some(w) = k.split([' ', '\'']).next() {
                lex.country_first.insert(w.to_string());
            }
        }
        // longest phrases first so "phone call" wins over "phone"
        for v in lex.trigger_index.values_mut() {
            v.sort_by_key(|&i| std::cmp::Reverse(lex.triggers[i].words.len()));
        }
        let cues = &lex.cues;
        for v in lex.cue_index.values_mut() {
            v.sort_by_key(|&i| std::cmp::Reverse(cues[i].0.len()));
        }
        lex
    }

    fn add_actor(&mut self, name: &str, kind: Kind, country: Option<String>, aliases: Vec<String>) {
        let idx = self.actors.len();
        self.by_name.entry(fold(name)).or_insert(idx);
        for a in &aliases {
            self.by_name.entry(fold(a)).or_insert(idx);
        }
        if kind == Kind::Person {
            for k in surname_keys(name, country.as_deref()) {
                self.by_surname.entry(k).or_default().push(idx);
            }
        }
        self.actors.push(Actor {
            name: name.to_string(),
            kind,
            country,
            aliases,
        });
    }

    /// An actor by full name or alias.
    pub fn lookup(&self, name: &str) -> Option<&Actor> {
        self.lookup_folded(&fold(name))
    }

    /// An actor by an already folded name or alias.
    pub fn lookup_folded(&self, key: &str) -> Option<&Actor> {
        self.by_name.get(key).map(|&i| &self.actors[i])
    }

    /// Could a title start with this folded word?
    pub fn may_start_title(&self, word: &str) -> bool {
        self.title_first.contains(word)
    }

    /// Could a country phrase start with this folded word?
    pub fn may_start_country(&self, word: &str) -> bool {
        self.country_first.contains(word)
    }

    /// A country by an already folded adjective, name or code.
    pub fn country_folded(&self, key: &str) -> Option<&str> {
        self.country_words.get(key).map(String::as_str)
    }

    /// People with this surname; those in office on `on` first.
    pub fn by_surname(&self, surname: &str, on: NaiveDate) -> Vec<&Actor> {
        let mut found: Vec<&Actor> = self
            .by_surname
            .get(&fold(surname))
            .map(|v| v.iter().map(|&i| &self.actors[i]).collect())
            .unwrap_or_default();
        if found.len() > 1 {
            let in_office: Vec<&Actor> = found
                .iter()
                .copied()
                .filter(|a| self.roles_of(&a.name).iter().any(|r| r.held_on(on)))
                .collect();
            if !in_office.is_empty() {
                found = in_office;
            }
        }
        found
    }

    /// The country an adjective, name, code or possessive names ("French",
    /// "U.S.", "Israel's").
    pub fn country(&self, word: &str) -> Option<&str> {
        self.country_words.get(&fold(word)).map(String::as_str)
    }

    /// Office a title names in a country ("chancellor" in Germany → head_of_government).
    pub fn office(&self, title: &str, country: Option<&str>) -> Option<&str> {
        let rows = self.titles.get(&fold(title))?;
        // a row naming the country wins over a row for every country
        let row = country
            .and_then(|c| rows.iter().find(|(_, cs)| cs.iter().any(|x| x == c)))
            .or_else(|| rows.iter().find(|(_, cs)| cs.is_empty()))
            .or_else(|| country.is_none().then(|| rows.first()).flatten())?;
        (row.0 != "-").then_some(row.0.as_str())
    }

    pub fn is_title(&self, folded: &str) -> bool {
        self.titles.contains_key(folded)
    }

    pub fn roles_of(&self, name: &str) -> Vec<&Role> {
        self.roles_by_name
            .get(&fold(name))
            .map(|v| v.iter().map(|&i| &self.roles[i]).collect())
            .unwrap_or_default()
    }

    /// Who held `office` in `country` on `on`.
    pub fn holder(&self, country: &str, office: &str, on: NaiveDate) -> Option<&Role> {
        self.roles
            .iter()
            .find(|r| r.country == country && r.office == office && r.held_on(on))
    }

    /// Who a bare title names in `country` on `on`: "president" of France is
    /// the head of state, "leader" the head of government where there is one
    /// that runs the country, else the head of state.
    pub fn holder_by_title(&self, country: &str, title: &str, on: NaiveDate) -> Option<&Role> {
        let t = fold(title);
        if matches!(t.as_str(), "leader" | "leaders") {
            let hog = self.holder(country, "head_of_government", on);
            let hos = self.holder(country, "head_of_state", on);
            return match (hos, hog) {
                // a monarch or ceremonial head of state: the government's head leads
                (Some(s), Some(g)) if is_ceremonial(&s.title, country) => Some(g),
                (Some(s), _) => Some(s),
                (None, g) => g,
            };
        }
        // the title as the role table writes it for that country
        if let Some(r) = self
            .roles
            .iter()
            .find(|r| r.country == country && fold(&r.title) == t && r.held_on(on))
        {
            return Some(r);
        }
        // through the office only where the title names it in that country
        // ("premier" in China, "chancellor" in Germany, "secretary of state"
        // in the US): a US "prime minister" is nobody, not the president
        let rows = self.titles.get(&t)?;
        let row = rows
            .iter()
            .find(|(_, cs)| cs.iter().any(|c| c == country))?;
        if row.0 == "-" {
            return None;
        }
        self.holder(country, &row.0, on)
    }
}

/// Heads of state who do not lead: monarchs everywhere, and the presidents
/// of parliamentary republics, where "the Israeli leader" is the prime minister.
fn is_ceremonial(title: &str, country: &str) -> bool {
    let t = fold(title);
    matches!(
        t.as_str(),
        "king" | "queen" | "emperor" | "grand duke" | "governor-general" | "governor general"
    ) && !matches!(country, "Saudi Arabia" | "Jordan" | "Morocco" | "Bahrain")
        || (t == "president"
            && matches!(
                country,
                "Israel"
                    | "Germany"
                    | "Italy"
                    | "India"
                    | "Austria"
                    | "Greece"
                    | "Hungary"
                    | "Iraq"
                    | "Pakistan"
                    | "Ethiopia"
                    | "Armenia"
                    | "Georgia"
                    | "Portugal"
                    | "Czech Republic"
                    | "Czechia"
                    | "Ireland"
                    | "Singapore"
                    | "Bangladesh"
            ))
}

/// Other names the dictionary knows for `name`.
pub fn aliases_for(name: &str) -> Vec<String> {
    global()
        .lookup(name)
        .map(|a| {
            let mut v: Vec<String> = a.aliases.clone();
            if fold(&a.name) != fold(name) {
                v.push(a.name.clone());
            }
            v
        })
        .unwrap_or_default()
}

/// The roles an actor held, with dates: (country, title, start, end).
pub fn roles_of(name: &str) -> Vec<(String, String, String, Option<String>)> {
    let lex = global();
    let canonical = lex
        .lookup(name)
        .map(|a| a.name.clone())
        .unwrap_or(name.to_string());
    lex.roles_of(&canonical)
        .into_iter()
        .map(|r| {
            (
                r.country.clone(),
                r.title.clone(),
                r.start.to_string(),
                r.end.map(|e| e.to_string()),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Élysée"), "elysee");
        assert_eq!(fold("Netanyahu’s"), "netanyahu's");
    }

    #[test]
    fn surnames() {
        assert_eq!(surname_keys("Xi Jinping", Some("China")), vec!["xi"]);
        assert_eq!(
            surname_keys("Joe Biden", Some("United States")),
            vec!["biden"]
        );
        assert_eq!(
            surname_keys("Mohammed bin Salman", Some("Saudi Arabia")),
            vec!["salman", "bin salman"]
        );
    }
}
