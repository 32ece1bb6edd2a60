//! Actor mentions and their coreference within one article.
//!
//! Finds titled names ("Israeli Prime Minister Benjamin Netanyahu"), known
//! names and aliases, surnames of people named earlier, role references
//! ("the French president", "his Chinese counterpart", "the President") and
//! groups ("the two leaders", "they"), and resolves each to an actor of the
//! article. A mention that cannot be resolved safely stays unresolved: a
//! wrong actor is worse than a missing one.

use super::text::Token;
use super::{ActorKind, ActorRef};
use crate::lexicon::{fold, surname_keys, Kind, Lexicon};
use chrono::NaiveDate;
use std::collections::HashMap;

/// What a mention points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Named directly (name, title, alias, surname, role).
    Actor(usize),
    /// "the two leaders", "both men": the group named last.
    Group,
    /// "they", "their": weaker, used only to complete an event.
    They,
    /// "he", "she", "him", "her".
    Pronoun,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Token range in the sentence.
    pub first: usize,
    pub last: usize,
    pub target: Target,
    /// Followed by "'s".
    pub possessive: bool,
}

/// Capitalised words that never start a name.
/// Honorifics before a name: skipped ("Shri Narendra Modi", "H.E. Mr. Volodymyr Zelenskyy").
const HONORIFICS: &[&str] = &[
    "shri",
    "smt",
    "smt.",
    "h.e.",
    "h.e",
    "his",
    "her",
    "excellency",
    "hon.",
    "honourable",
    "honorable",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "dr.",
    "dr",
    "sheikh",
    "sir",
    "dame",
    "the",
];

/// Capitalised words that start no name but may come right before one
/// ("On", "The", "After"): function words.
const NOT_NAME_STARTS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "on", "in", "at", "during",
    "while", "after", "before", "but", "and", "or",
];

/// Capitalised words that are never part of a name, at its start or inside:
/// demonstratives, possessives, "Mr.", "said", weekdays, news agencies.
const NOT_NAMES: &[&str] = &[
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "our",
    "when",
    "where",
    "as",
    "if",
    "for",
    "from",
    "with",
    "by",
    "of",
    "to",
    "mr.",
    "mrs.",
    "ms.",
    "mr",
    "mrs",
    "ms",
    "dr.",
    "said",
    "also",
    "both",
    "according",
    "however",
    "despite",
    "earlier",
    "later",
    "last",
    "next",
    "then",
    "there",
    "here",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "readout",
    "today",
    "yesterday",
    "tomorrow",
    "statement",
    "update",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "live",
    "photo",
    "video",
    "watch",
    "read",
    "more",
    "related",
    "so",
    "yet",
    "still",
    "now",
    "what",
    "why",
    "how",
    "who",
    "which",
    "speaking",
    "asked",
    "unlike",
    "like",
    "among",
    "meanwhile",
    "separately",
    "elsewhere",
    "instead",
    "though",
    "although",
    "once",
    "no",
    "not",
    "all",
    "some",
    "many",
    "several",
    "each",
    "every",
    "any",
    "one",
    "two",
    "three",
    "first",
    "second",
    "third",
    "new",
    "former",
    "then-president",
    "reuters",
    "ap",
    "afp",
];

static NOT_NAME_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| NOT_NAME_STARTS.iter().chain(NOT_NAMES).copied().collect());
static NOT_INSIDE_NAME_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| NOT_NAMES.iter().copied().collect());

/// Particles inside names ("Mohammed bin Salman", "Lula da Silva").
const PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "da", "de", "van", "von", "der", "del", "dos", "la", "le", "el", "al-",
];

/// Plural references to the pair or group last named.
const GROUP_WORDS: &[&[&str]] = &[
    &["the", "two", "leaders"],
    &["the", "three", "leaders"],
    &["the", "four", "leaders"],
    &["the", "five", "leaders"],
    &["all", "three", "leaders"],
    &["the", "three", "men"],
    &["the", "two", "presidents"],
    &["the", "two", "men"],
    &["the", "two", "women"],
    &["the", "two", "ministers"],
    &["the", "two", "foreign", "ministers"],
    &["the", "two", "prime", "ministers"],
    &["the", "two", "heads", "of", "state"],
    &["the", "two", "sides"],
    &["the", "two", "officials"],
    &["the", "two", "diplomats"],
    &["the", "two"],
    &["both", "leaders"],
    &["both", "men"],
    &["both", "sides"],
    &["the", "leaders"],
    &["the", "pair"],
    &["the", "presidents"],
];

/// Article-level state: the actors named so far and what refers to them.
pub struct Resolver<'a> {
    lex: &'a Lexicon,
    date: NaiveDate,
    pub actors: Vec<ActorRef>,
    by_key: HashMap<String, usize>,
    /// folded surname → actor, `None` when two actors share it
    surnames: HashMap<String, Option<usize>>,
    /// (folded title, actor) in order of mention
    titled: Vec<(String, usize)>,
    /// The subject of the latest sentence that named a person.
    pub last_person: Option<usize>,
    /// The people of the last sentence that named one, in order.
    prev_persons: Vec<usize>,
    /// The latest pair or group: the actors of the last event, or of the
    /// last sentence naming two or more.
    pub last_group: Vec<usize>,
    /// The article, for what is worked out only when needed.
    title: Option<&'a str>,
    source: Option<&'a str>,
    body: &'a str,
    /// Country whose government speaks ("the President" in a White House
    /// readout), found on first need.
    home: std::cell::OnceCell<Option<String>>,
    /// Countries the article names, in order, found on first need.
    named_countries: std::cell::OnceCell<Vec<String>>,
    /// The word being resolved follows "in", "at", "to" or "from": a place
    /// ("in Dar es Salaam") more likely than a person known only by surname.
    place_context: bool,
}

impl<'a> Resolver<'a> {
    pub fn new(
        lex: &'a Lexicon,
        date: NaiveDate,
        title: Option<&'a str>,
        source: Option<&'a str>,
        body: &'a str,
    ) -> Self {
        Resolver {
            lex,
            date,
            actors: Vec::new(),
            by_key: HashMap::new(),
            surnames: HashMap::new(),
            titled: Vec::new(),
            last_person: None,
            prev_persons: Vec::new(),
            last_group: Vec::new(),
            title,
            source,
            body,
            home: std::cell::OnceCell::new(),
            named_countries: std::cell::OnceCell::new(),
            place_context: false,
        }
    }

    fn kind_of(&self, idx: usize) -> ActorKind {
        self.actors[idx].kind
    }

    pub fn is_person(&self, idx: usize) -> bool {
        self.kind_of(idx) == ActorKind::Person
    }

    /// Add an actor (or find it again) and remember how it may be referred to.
    fn intern(&mut self, mut a: ActorRef) -> usize {
        let key = fold(&a.name);
        if let Some(&i) = self.by_key.get(&key) {
            if self.actors[i].title.is_none() {
                self.actors[i].title = a.title.take();
            }
            if self.actors[i].country.is_none() {
                self.actors[i].country = a.country.take();
            }
            return i;
        }
        let i = self.actors.len();
        self.by_key.insert(key, i);
        if a.kind == ActorKind::Person && !a.surname_only {
            for s in surname_keys(&a.name, a.country.as_deref()) {
                match self.surnames.get(&s) {
                    Some(Some(j)) if *j != i => {
                        self.surnames.insert(s, None);
                    }
                    Some(_) => {}
                    None => {
                        self.surnames.insert(s, Some(i));
                    }
                }
            }
        }
        self.actors.push(a);
        i
    }

    /// An actor from the dictionary by its canonical name.
    fn intern_known(&mut self, name: &str, title: Option<String>) -> Option<usize> {
        let entry = self.lex.lookup(name)?;
        let kind = match entry.kind {
            Kind::Person => ActorKind::Person,
            Kind::Organisation => ActorKind::Organisation,
            Kind::Country => return None,
        };
        let a = ActorRef {
            name: entry.name.clone(),
            kind,
            title,
            country: entry.country.clone(),
            surname_only: false,
        };
        Some(self.intern(a))
    }

    fn note_title(&mut self, title: &str, idx: usize) {
        self.titled.push((fold(title), idx));
    }

    /// A name as written after a title or on its own.
    fn resolve_name(
        &mut self,
        name: &str,
        title: Option<&str>,
        country: Option<&str>,
        titled: bool,
    ) -> Option<usize> {
        let words: Vec<&str> = name.split_whitespace().collect();
        let title_s = title.map(|t| t.to_string());
        if let Some(i) = self.intern_known(name, title_s.clone()) {
            return Some(i);
        }
        if words.len() == 1 {
            let key = fold(name);
            if let Some(Some(i)) = self.surnames.get(&key) {
                return Some(*i);
            }
            if self.surnames.get(&key).is_some_and(|v| v.is_none()) {
                return None;
            }
            // a surname the dictionary knows: prefer the one holding the
            // title in that country on the day
            if let (Some(t), Some(c)) = (title, country) {
                if let Some(r) = self.lex.holder_by_title(c, t, self.date) {
                    if surname_keys(&r.name, Some(&r.country)).contains(&key) {
                        let n = r.name.clone();
                        return self.intern_known(&n, title_s);
                    }
                }
            }
            let found = self.lex.by_surname(name, self.date);
            // a bare word that is also an English word ("English", "May",
            // "Brown") names a person only after a title or a full name
            if !titled && (COMMON_WORDS.contains(&key.as_str()) || self.place_context) {
                return None;
            }
            let found: Vec<_> = match country {
                Some(c) => {
                    let same: Vec<_> = found
                        .iter()
                        .copied()
                        .filter(|a| a.country.as_deref() == Some(c))
                        .collect();
                    if same.is_empty() {
                        found
                    } else {
                        same
                    }
                }
                None => found,
            };
            if found.len() == 1 {
                let n = found[0].name.clone();
                return self.intern_known(&n, title_s);
            }
            // an unknown single name counts after a political title only
            // ("Prime Minister Kovacs"), not after "Mr" ("Mr Chairman")
            if titled && title.is_some_and(|t| self.lex.office(t, country).is_some()) {
                return Some(self.intern(ActorRef {
                    name: name.to_string(),
                    kind: ActorKind::Person,
                    title: title_s,
                    country: country.map(String::from),
                    surname_only: true,
                }));
            }
            return None;
        }
        // "Joseph R. Biden Jr." → try first and last word, then the surname
        let trimmed: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !matches!(*w, "Jr." | "Jr" | "Sr." | "Sr") && !is_initial(w))
            .collect();
        if trimmed.len() >= 2 && trimmed.len() < words.len() {
            if let Some(i) = self.intern_known(&trimmed.join(" "), title_s.clone()) {
                return Some(i);
            }
        }
        // a known surname at either end, the other words in the known name
        // ("Joe Biden" after "Biden"; "Kishida Fumio" in Japanese order)
        for (sur, other) in [
            (trimmed.last(), trimmed.first()),
            (trimmed.first(), trimmed.last()),
        ] {
            let (Some(sur), Some(other)) = (sur, other) else {
                continue;
            };
            if sur == other {
                continue;
            }
            let key = fold(sur);
            let given = fold(other);
            if let Some(Some(i)) = self.surnames.get(&key) {
                let initial = given.chars().next();
                if fold(&self.actors[*i].name)
                    .split(' ')
                    .any(|w| w.chars().next() == initial)
                {
                    return Some(*i);
                }
            }
            let found = self.lex.by_surname(sur, self.date);
            if found.len() == 1
                && fold(&found[0].name).split(' ').any(|w| {
                    w == given
                        || (w.chars().count() > 1 && w.chars().next() == given.chars().next())
                })
            {
                let n = found[0].name.clone();
                return self.intern_known(&n, title_s);
            }
        }
        if titled {
            return Some(self.intern(ActorRef {
                name: words.join(" "),
                kind: ActorKind::Person,
                title: title_s,
                country: country.map(String::from),
                surname_only: false,
            }));
        }
        None
    }

    /// A title with no name: "the French president", "the prime minister".
    fn resolve_role(&mut self, title: &str, country: Option<&str>) -> Option<usize> {
        let t = fold(title);
        if let Some(c) = country {
            let role = self.lex.holder_by_title(c, title, self.date)?;
            let name = role.name.clone();
            let rt = role.title.clone();
            return self.intern_known(&name, Some(rt));
        }
        // in a government's own release, "the President" is its president
        // even after a foreign president was named
        if let Some(home) = self
            .source
            .and_then(|s| super::pipeline::home_country(Some(s), None, ""))
        {
            if let Some(role) = self.lex.holder_by_title(&home, title, self.date) {
                let name = role.name.clone();
                let rt = role.title.clone();
                return self.intern_known(&name, Some(rt));
            }
        }
        // the latest actor of the article with that title
        if let Some(&(_, i)) = self.titled.iter().rev().find(|(tt, _)| *tt == t) {
            return Some(i);
        }
        let home = match self.home() {
            Some(h) => h,
            // no seat named: the one country the article names that has such an office
            None => {
                let mut found = self
                    .named_countries()
                    .iter()
                    .filter(|c| self.lex.holder_by_title(c, title, self.date).is_some());
                let first = found.next()?.clone();
                if found.next().is_some() {
                    return None;
                }
                first
            }
        };
        let role = self.lex.holder_by_title(&home, title, self.date)?;
        let name = role.name.clone();
        let rt = role.title.clone();
        self.intern_known(&name, Some(rt))
    }

    /// "his Chinese counterpart": the holder, in that country, of the office
    /// the person "his" refers to holds.
    fn resolve_counterpart(&mut self, of: usize, country: &str) -> Option<usize> {
        let name = self.actors[of].name.clone();
        let office = self
            .lex
            .roles_of(&name)
            .into_iter()
            .find(|r| r.held_on(self.date))
            .map(|r| r.office.clone())
            .or_else(|| {
                let t = self.actors[of].title.clone()?;
                self.lex.office(&t, None).map(String::from)
            })?;
        let role = self.lex.holder(country, &office, self.date)?;
        let n = role.name.clone();
        let t = role.title.clone();
        self.intern_known(&n, Some(t))
    }

    /// The government whose voice the article is in.
    pub fn home(&self) -> Option<String> {
        self.home
            .get_or_init(|| super::pipeline::home_country(self.source, self.title, self.body))
            .clone()
    }

    /// The countries the article names ("United Kingdom", "French"), in order.
    fn named_countries(&self) -> &[String] {
        self.named_countries.get_or_init(|| {
            let toks = super::text::tokens(self.body, 0);
            let mut out: Vec<String> = Vec::new();
            for i in 0..toks.len() {
                if let Some((_, c)) = self.country_at(&toks, i) {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
            out
        })
    }

    /// Longest title starting at token `i`: (tokens used, title text).
    fn title_at(&self, toks: &[Token], i: usize) -> Option<(usize, String)> {
        if !toks[i].word || !self.lex.may_start_title(&toks[i].key) {
            return None;
        }
        let max = self.lex.max_title_tokens.min(toks.len() - i);
        for n in (1..=max).rev() {
            if !toks[i..i + n].iter().all(|t| t.word) {
                continue;
            }
            let key = join_keys(&toks[i..i + n]);
            if self.lex.is_title(&key) {
                return Some((n, key));
            }
        }
        None
    }

    /// A country word at `i`: "French", "U.S.", "Israel 's", "South Korean".
    fn country_at(&self, toks: &[Token], i: usize) -> Option<(usize, String)> {
        if !toks[i].cap || !self.lex.may_start_country(&toks[i].key) {
            return None;
        }
        for n in (1..=6.min(toks.len() - i)).rev() {
            let words = &toks[i..i + n];
            if !words.iter().all(|t| t.word) || !words[0].cap || words[n - 1].key == "'s" {
                continue;
            }
            let key = join_keys(words);
            let country = self.lex.country_folded(&key).map(String::from).or_else(|| {
                // "the People's Republic of China" is China in the actor dictionary
                self.lex
                    .lookup_folded(&key.replace(" 's", "'s"))
                    .filter(|a| a.kind == Kind::Country)
                    .map(|a| a.name.clone())
            });
            if let Some(c) = country {
                let poss = toks.get(i + n).is_some_and(|t| t.key == "'s");
                return Some((n + usize::from(poss), c));
            }
        }
        None
    }

    /// The capitalised name run starting at `i` (at most six words).
    fn name_run(&self, toks: &[Token], i: usize) -> usize {
        let mut n = 0;
        while i + n < toks.len() && n < 6 {
            let t = &toks[i + n];
            // "von der Leyen": particles, one or two, before a capitalised word
            let is_particle = |k: usize| {
                toks.get(k)
                    .is_some_and(|x| PARTICLES.contains(&x.key.as_str()))
            };
            // "Abdel Fattah el-Sisi", "Ahmed al-Sharaa": a prefixed surname
            let prefixed =
                n > 0 && t.word && (t.key.starts_with("al-") || t.key.starts_with("el-"));
            let particle = prefixed
                || (is_particle(i + n)
                    && n > 0
                    && (toks.get(i + n + 1).is_some_and(|x| x.cap)
                        || (is_particle(i + n + 1) && toks.get(i + n + 2).is_some_and(|x| x.cap))));
            let ok = t.word
                && t.key != "'s"
                && (particle
                    || (t.cap
                        && !(n == 0 && NOT_NAME_SET.contains(t.key.as_str()))
                        && !NOT_INSIDE_NAME_SET.contains(t.key.as_str())
                        && self.title_at(toks, i + n).is_none()));
            if !ok {
                break;
            }
            n += 1;
        }
        n
    }

    /// Find and resolve the mentions of one sentence.
    pub fn mentions(&mut self, text: &str, toks: &[Token], base: usize) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        let slice = |a: usize, b: usize| &text[toks[a].start - base..toks[b - 1].end - base];
        let mut first_person_here: Option<usize> = None;
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if !t.word {
                i += 1;
                continue;
            }
            // groups: "the two leaders", "both men"
            let may_group = matches!(t.key.as_str(), "the" | "both" | "all");
            if let Some(g) = GROUP_WORDS.iter().filter(|_| may_group).find(|g| {
                g.len() <= toks.len() - i
                    && g.iter().zip(&toks[i..]).all(|(w, t)| *w == t.key)
                    // "the two countries" is not the two leaders
                    && !(g.len() == 2
                        && toks.get(i + 2).is_some_and(|n| n.word && n.key != "'s"
                            && !matches!(n.key.as_str(), "had" | "have" | "last" | "also" | "spoke" | "met" | "talked" | "discussed" | "agreed" | "held" | "did" | "were" | "are")))
            }) {
                out.push(Mention {
                    first: i,
                    last: i + g.len(),
                    target: Target::Group,
                    possessive: false,
                });
                i += g.len();
                continue;
            }
            // "the leaders of the United States, Japan, India and Australia"
            if let Some(title) = plural_title(toks, i) {
                let (first_word, title) = title;
                if toks.get(i + 1).is_some_and(|n| n.key == "of") {
                    let mut k = i + 2;
                    let mut found = Vec::new();
                    while k < toks.len() {
                        if matches!(toks[k].key.as_str(), "," | "and" | "the") {
                            k += 1;
                            continue;
                        }
                        match self.country_at(toks, k) {
                            Some((n, c)) => {
                                if let Some(r) = self.lex.holder_by_title(&c, title, self.date) {
                                    let name = r.name.clone();
                                    let rt = r.title.clone();
                                    if let Some(idx) = self.intern_known(&name, Some(rt)) {
                                        found.push(Mention {
                                            first: if found.is_empty() { first_word } else { k },
                                            last: k + n,
                                            target: Target::Actor(idx),
                                            possessive: false,
                                        });
                                    }
                                }
                                k += n;
                            }
                            None => break,
                        }
                    }
                    if found.len() >= 2 {
                        i = k;
                        out.extend(found);
                        continue;
                    }
                }
            }
            match t.key.as_str() {
                "they" | "them" | "their" => {
                    out.push(Mention {
                        first: i,
                        last: i + 1,
                        target: Target::They,
                        possessive: false,
                    });
                    i += 1;
                    continue;
                }
                "he" | "she" | "him" => {
                    out.push(Mention {
                        first: i,
                        last: i + 1,
                        target: Target::Pronoun,
                        possessive: false,
                    });
                    i += 1;
                    continue;
                }
                _ => {}
            }
            // determiner + (country)? + title, with or without a name
            let det = matches!(t.key.as_str(), "the" | "his" | "her" | "its" | "their");
            let mut j = i + usize::from(det);
            let mut country = None;
            if j < toks.len() {
                if let Some((n, c)) = self.country_at(toks, j) {
                    country = Some(c);
                    j += n;
                }
            }
            // organisation or body before a title ("Federal Reserve Chair") is a modifier
            if j < toks.len() && j == i && toks[j].cap {
                let run = self.name_run(toks, j);
                if run > 0 && j + run < toks.len() && self.title_at(toks, j + run).is_some() {
                    let words = slice(j, j + run);
                    if self.lex.lookup(words).is_some() || run <= 3 {
                        j += run;
                    }
                }
            }
            if j < toks.len() {
                let counterpart = toks[j].key == "counterpart" || toks[j].key == "counterparts";
                let title = if counterpart {
                    Some((1, "counterpart".to_string()))
                } else {
                    self.title_at(toks, j)
                };
                if let Some((n, title)) = title {
                    // "Crown Prince and Prime Minister Mohammed bin Salman"
                    let mut k = j + n;
                    // "President of the People's Republic of China", "the President of Russia"
                    if country.is_none() && k + 1 < toks.len() && toks[k].key == "of" {
                        let at = k + 1 + usize::from(toks[k + 1].key == "the");
                        if at < toks.len() {
                            // "of the Republic of South Africa", "of the Union of
                            // the Comoros", "of the Arab Republic of Egypt"
                            let formal = (at..toks.len().min(at + 6))
                                .find(|&q| {
                                    !matches!(
                                        toks[q].key.as_str(),
                                        "republic"
                                            | "arab"
                                            | "federal"
                                            | "islamic"
                                            | "democratic"
                                            | "people"
                                            | "'s"
                                            | "union"
                                            | "kingdom"
                                            | "state"
                                            | "of"
                                            | "the"
                                            | "socialist"
                                            | "united"
                                            | "federative"
                                    )
                                })
                                .filter(|&q| q > at && toks[q - 1].key == "of");
                            if let Some((m, c)) = self.country_at(toks, at) {
                                country = Some(c);
                                k = at + m;
                            } else if let Some((m, c)) = formal
                                .and_then(|q| self.country_at(toks, q).map(|(m, c)| (q + m, c)))
                            {
                                country = Some(c);
                                k = m;
                            } else if toks[at].key == "republic" && self.home().is_some() {
                                // the French "President of the Republic"
                                country = self.home();
                                k = at + 1;
                            }
                        }
                    }
                    // (two titles of one person, not "the President of the
                    // Republic and President Xi", two people)
                    while k + 1 < toks.len() && toks[k].key == "and" && !det && k == j + n {
                        match self.title_at(toks, k + 1) {
                            Some((m, _)) if toks[k + 1].cap => k += 1 + m,
                            _ => break,
                        }
                    }
                    k = skip_honorifics(toks, k);
                    let run = self.name_run(toks, k);
                    if run > 0 && !counterpart {
                        // "Prime Minister Justin Trudeau of Canada"
                        let mut end = k + run;
                        if country.is_none() && end + 1 < toks.len() && toks[end].key == "of" {
                            if let Some((m, c)) = self.country_at(toks, end + 1) {
                                country = Some(c);
                                end += 1 + m;
                            }
                        }
                        let name = slice(k, k + run).to_string();
                        let display_title = title_case(&title);
                        if let Some(idx) =
                            self.resolve_name(&name, Some(&display_title), country.as_deref(), true)
                        {
                            self.note_title(&title, idx);
                            if self.is_person(idx) && first_person_here.is_none() {
                                first_person_here = Some(idx);
                            }
                            let possessive = toks.get(end).is_some_and(|t| t.key == "'s");
                            out.push(Mention {
                                first: i,
                                last: end,
                                target: Target::Actor(idx),
                                possessive,
                            });
                        }
                        i = end.max(i + 1);
                        continue;
                    }
                    // "the Foreign Secretary, David Lammy": the name follows a comma
                    if !counterpart && k + 1 < toks.len() && toks[k].key == "," {
                        let k1 = skip_honorifics(toks, k + 1);
                        let run = self.name_run(toks, k1);
                        if run > 0 {
                            let k = k1 - 1;
                            let name = slice(k + 1, k + 1 + run).to_string();
                            let display_title = title_case(&title);
                            if let Some(idx) = self.resolve_name(
                                &name,
                                Some(&display_title),
                                country.as_deref(),
                                true,
                            ) {
                                self.note_title(&title, idx);
                                if self.is_person(idx) && first_person_here.is_none() {
                                    first_person_here = Some(idx);
                                }
                                out.push(Mention {
                                    first: i,
                                    last: k + 1 + run,
                                    target: Target::Actor(idx),
                                    possessive: toks
                                        .get(k + 1 + run)
                                        .is_some_and(|t| t.key == "'s"),
                                });
                                i = k + 1 + run;
                                continue;
                            }
                        }
                    }
                    // a role with no name needs a determiner or a country
                    let appositive = i > 0
                        && toks[i - 1].key == ","
                        && out.last().is_some_and(|m| m.last + 1 == i);
                    // ... or, capitalised, to have been given to someone in
                    // this article: "Prime Minister was received by ..." in
                    // a release that named "Prime Minister Shri Narendra Modi"
                    // first (its own leader; a foreign one comes with a country)
                    if !det && country.is_none() && !counterpart && !appositive && toks[j].cap {
                        let folded = fold(&title);
                        if let Some(&(_, idx)) = self.titled.iter().find(|(tt, _)| *tt == folded) {
                            out.push(Mention {
                                first: i,
                                last: k,
                                target: Target::Actor(idx),
                                possessive: toks.get(k).is_some_and(|t| t.key == "'s"),
                            });
                            if self.is_person(idx) && first_person_here.is_none() {
                                first_person_here = Some(idx);
                            }
                            i = k;
                            continue;
                        }
                    }
                    if (det || country.is_some()) && !appositive && !title_is_plural(&title) {
                        let resolved = if counterpart {
                            let of = match t.key.as_str() {
                                "his" | "her" => first_person_here.or(self.last_person),
                                _ => None,
                            };
                            match (of, country.as_deref()) {
                                (Some(of), Some(c)) => self.resolve_counterpart(of, c),
                                _ => None,
                            }
                        } else {
                            self.resolve_role(&title, country.as_deref())
                        };
                        if let Some(idx) = resolved {
                            let possessive = toks.get(k).is_some_and(|t| t.key == "'s");
                            out.push(Mention {
                                first: i,
                                last: k,
                                target: Target::Actor(idx),
                                possessive,
                            });
                            if self.is_person(idx) && first_person_here.is_none() {
                                first_person_here = Some(idx);
                            }
                        }
                        i = k;
                        continue;
                    }
                    i = k.max(i + 1);
                    continue;
                }
            }
            // a capitalised run: a known name, alias or surname
            if t.cap && skip_honorifics(toks, i) > i {
                i = skip_honorifics(toks, i);
                continue;
            }
            if t.cap {
                let run = self.name_run(toks, i);
                if run > 0 {
                    // longest known sub-run from the left
                    let mut matched = None;
                    self.place_context = i > 0
                        && matches!(
                            toks[i - 1].key.as_str(),
                            "in" | "at" | "to" | "from" | "near" | "outside" | "across" | "via"
                        );
                    for n in (1..=run).rev() {
                        // "Trump Tower", "the Biden administration" name a thing
                        if toks
                            .get(i + n)
                            .is_some_and(|t| NAMED_THINGS.contains(&t.key.as_str()))
                        {
                            continue;
                        }
                        let name = slice(i, i + n).to_string();
                        if let Some(idx) = self.resolve_name(&name, None, None, false) {
                            matched = Some((n, idx));
                            break;
                        }
                    }
                    self.place_context = false;
                    if let Some((n, idx)) = matched {
                        if self.is_person(idx) && first_person_here.is_none() {
                            first_person_here = Some(idx);
                        }
                        let possessive = toks.get(i + n).is_some_and(|t| t.key == "'s");
                        out.push(Mention {
                            first: i,
                            last: i + n,
                            target: Target::Actor(idx),
                            possessive,
                        });
                        i += n;
                        continue;
                    }
                    // "Tesla CEO Elon Musk": a known person at the end of
                    // the run, after words that describe them
                    let known_tail = (1..run).find_map(|k| {
                        let name = slice(i + k, i + run);
                        self.lex
                            .lookup(name)
                            .filter(|e| e.kind == Kind::Person)
                            .and_then(|_| self.intern_known(name, None))
                            .map(|idx| (k, idx))
                    });
                    if let Some((k, idx)) = known_tail {
                        if first_person_here.is_none() {
                            first_person_here = Some(idx);
                        }
                        out.push(Mention {
                            first: i + k,
                            last: i + run,
                            target: Target::Actor(idx),
                            possessive: toks.get(i + run).is_some_and(|t| t.key == "'s"),
                        });
                    }
                    i += run;
                    continue;
                }
            }
            i += 1;
        }
        // a pronoun refers to the first person named before it in this
        // sentence, else to the subject of the last sentence that named one
        let before = self.last_person;
        // "Macron, who also hosted him": the subject of a relative clause
        // is not its object
        let relative_subject = |m: &Mention| {
            let k = m.last + usize::from(toks.get(m.last).is_some_and(|t| t.key == ","));
            toks.get(k).is_some_and(|t| t.key == "who")
        };
        let firsts: Vec<(usize, usize, bool)> = out
            .iter()
            .filter_map(|m| match m.target {
                Target::Actor(i) if self.is_person(i) => Some((m.first, i, relative_subject(m))),
                _ => None,
            })
            .collect();
        for m in out.iter_mut() {
            if m.target == Target::Pronoun {
                // "he" is the subject: the first person named; "him" an
                // object: the person named last ("greeting him", after
                // "The Prime Minister welcomed President Biden")
                let object = toks[m.first].key == "him";
                let here = if object {
                    // not the subject right before it ("where Xi will host him")
                    firsts
                        .iter()
                        .filter(|(_, _, relative)| !relative)
                        .rfind(|(f, _, _)| *f + 4 < m.first)
                        .map(|(_, i, _)| *i)
                } else {
                    firsts
                        .iter()
                        .find(|(f, _, _)| *f < m.first)
                        .map(|(_, i, _)| *i)
                };
                // "He hosted the Russian president ...": a subject pronoun
                // is not someone its own clause names (after "Few leaders
                // invested more in Mr Putin than Mr Macron", "he" is Macron)
                let named_after = |p: usize| {
                    firsts.iter().any(|&(f, i, _)| {
                        i == p
                            && f > m.first
                            && !toks[m.first..f]
                                .iter()
                                .any(|t| matches!(t.key.as_str(), "." | ";" | "," | "and" | "but"))
                    })
                };
                let here = here.or(before).filter(|&p| object || !named_after(p));
                let here = here.or_else(|| {
                    (!object)
                        .then(|| self.prev_persons.iter().copied().find(|&p| !named_after(p)))
                        .flatten()
                });
                if let Some(p) = here {
                    m.target = Target::Actor(p);
                }
            }
        }
        out.retain(|m| m.target != Target::Pronoun);
        // "He was greeted by Netanyahu": the subject is who "he" was, and
        // stays the subject of the next sentence
        if let Some(i) = out.iter().find_map(|m| match m.target {
            Target::Actor(i) if self.is_person(i) => Some(i),
            _ => None,
        }) {
            first_person_here = Some(i);
        }
        if first_person_here.is_some() {
            self.last_person = first_person_here;
            self.prev_persons.clear();
            for m in &out {
                if let Target::Actor(i) = m.target {
                    if self.is_person(i) && !self.prev_persons.contains(&i) {
                        self.prev_persons.push(i);
                    }
                }
            }
        }
        out
    }
}

/// Surnames that are also ordinary words.
const COMMON_WORDS: &[&str] = &[
    "english", "may", "brown", "rice", "king", "young", "paul", "rich", "long", "little", "white",
    "black", "green", "gray", "grey", "bell", "hill", "wood", "stone", "law", "love", "hope",
    "faith", "will", "rose", "page", "case", "price", "cook", "baker", "march", "frank", "grant",
    "mark", "park", "lee", "kim", "moon", "sun", "li", "wang", "major", "miller", "smith", "fox",
    "lord", "bishop", "church", "marshal", "hunt", "ball", "banks", "field", "fields", "ford",
    "house", "money", "north", "south", "west", "east", "power", "powers", "rule", "rules", "say",
    "sharp", "short", "small", "strong", "truss",
];

/// Capitalised nouns after a name that make the run a thing named after a
/// person ("Trump Tower", "Biden Administration"), not the person.
const NAMED_THINGS: &[&str] = &[
    "tower",
    "administration",
    "organization",
    "organisation",
    "foundation",
    "doctrine",
    "plaza",
    "hotel",
    "library",
    "center",
    "centre",
    "airport",
    "street",
    "avenue",
    "government",
    "cabinet",
    "campaign",
    "institute",
    "university",
    "school",
    "park",
    "bridge",
    "building",
    "palace",
    "hall",
    "era",
    "years",
    "family",
    "presidency",
    "agreement",
    "accord",
    "accords",
    "plan",
    "memorial",
    "white",
    "house",
    "team",
    "camp",
    "aides",
    "allies",
    "regime",
];

/// "leaders", "presidents", "foreign ministers" at `i`, the last word of a
/// plural title: (index of its first word, the singular title).
fn plural_title(toks: &[Token], i: usize) -> Option<(usize, &'static str)> {
    let prev = i.checked_sub(1).map(|p| toks[p].key.as_str());
    match (prev, toks[i].key.as_str()) {
        (Some("foreign"), "ministers") => Some((i - 1, "foreign minister")),
        (Some("prime"), "ministers") => Some((i - 1, "prime minister")),
        (_, "leaders") => Some((i, "leader")),
        (_, "presidents") => Some((i, "president")),
        (_, "heads") => Some((i, "leader")),
        _ => None,
    }
}

/// The index after honorifics at `k` ("Shri", "H.E. Mr.", "His Excellency"),
/// when a capitalised name follows them.
fn skip_honorifics(toks: &[Token], mut k: usize) -> usize {
    let start = k;
    while k + 1 < toks.len()
        && HONORIFICS.contains(&toks[k].key.as_str())
        && toks[k + 1].word
        && (toks[k + 1].cap || HONORIFICS.contains(&toks[k + 1].key.as_str()))
    {
        k += 1;
    }
    // "the", "his" and "her" alone are not honorifics
    if k == start + 1 && matches!(toks[start].key.as_str(), "the" | "his" | "her") {
        return start;
    }
    k
}

/// Folded keys of tokens joined by spaces: the form dictionary keys take.
fn join_keys(toks: &[Token]) -> String {
    let mut key = String::with_capacity(toks.iter().map(|t| t.key.len() + 1).sum());
    for (n, t) in toks.iter().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.push_str(&t.key);
    }
    key
}

fn is_initial(w: &str) -> bool {
    let t = w.trim_end_matches('.');
    t.chars().count() == 1 && t.chars().all(char::is_uppercase)
}

fn title_is_plural(t: &str) -> bool {
    t.ends_with("leaders") || t.ends_with("ministers") || t.ends_with("presidents")
}

fn title_case(t: &str) -> String {
    t.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if !matches!(w, "of" | "for" | "and" | "the") => {
                    f.to_uppercase().collect::<String>() + c.as_str()
                }
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
