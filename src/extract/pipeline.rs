//! The article-level pass: sentences in order, frames out.

use super::claims::{self, Stated};
use super::discourse::*;
use super::events::{self, Hit};
use super::mentions::{Mention, Resolver, Target};
use super::temporal::{self, Prefer, Timex};
use super::text::{self, Token};
use super::{ActorKind, ActorRef, Basis, ClaimFrame, EventFrame, EventKind, Extraction, Text};
use crate::date::Span;
use crate::lexicon::{self, fold, TriggerKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// A contact before the article-level pass has settled it.
#[derive(Debug, Clone)]
struct Draft {
    kind: Option<TriggerKind>,
    date: Option<Span>,
    actors: BTreeSet<usize>,
    evidence: (usize, usize),
    sentence: usize,
    /// In the lead (first paragraph) and not in the past perfect: an undated
    /// lead contact happened on the reference day.
    lead: bool,
    /// Named only as the start of a stated silence ("since their summit in
    /// Hanoi"): never the contact that ends it.
    background: bool,
    /// "last spoke", "had met": an earlier contact, not the article's news.
    historical: bool,
    /// For an undated "also" sentence: the day of the contact just reported,
    /// used if it does not fold into one.
    fallback: Option<Span>,
    /// Its actors came from "the leaders" or "they", not from names: it
    /// may not enlarge the contact it folds into.
    via_group: bool,
    /// The actors named directly (not through "the leaders"): those may
    /// join the contact it folds into ("von der Leyen later joined the two men").
    direct: BTreeSet<usize>,
}

/// A claim waiting for its pair and ending contact.
#[derive(Debug, Clone)]
struct PendingClaim {
    found: claims::Found,
    text: String,
    evidence: (usize, usize),
    sentence: usize,
    pair: Option<[usize; 2]>,
    since: Option<Span>,
    since_event: bool,
}

/// "WASHINGTON, Jan 19 (Reuters) -", "BEIJING (AP) —", "KYIV, June 3 (AFP) -".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?P<place>[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z.' ]{2,30})?)(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*(?:\((?P<agency>[A-Za-z .]{2,24})\))?\s*(?:-|—|–|--)\s*",
    )
    .expect("dateline pattern compiles")
});

/// The reference date and the byte where the text after a dateline starts.
pub fn dateline(body: &str, published: NaiveDate) -> (NaiveDate, usize) {
    let Some(c) = DATELINE.captures(body) else {
        return (published, 0);
    };
    let end = c.get(0).map_or(0, |m| m.end());
    let place = c.name("place").map_or("", |m| m.as_str());
    // a dateline's place is in capitals: "WASHINGTON", "NEW DELHI"
    if place
        .chars()
        .filter(|c| c.is_alphabetic())
        .any(|c| c.is_lowercase())
        && !place.contains(',')
    {
        return (published, 0);
    }
    let date = c
        .name("date")
        .and_then(|d| temporal::resolve(d.as_str(), published, Prefer::Past))
        .filter(Span::is_day)
        .map(|s| s.start)
        .unwrap_or(published);
    (date, end)
}

/// Seats of government whose name tells whose readout this is.
static SEATS: LazyLock<(AhoCorasick, Vec<String>)> = LazyLock::new(|| {
    let lex = lexicon::global();
    let mut keys: Vec<(&String, &String)> = lex
        .capitals
        .iter()
        // seats ("the White House", "Downing Street"), not cities: "Washington"
        // turns up in every kind of article
        .filter(|(k, _)| k.contains(' '))
        .collect();
    keys.sort();
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(keys.iter().map(|(k, _)| k.as_str()))
        .expect("seat automaton builds");
    (ac, keys.into_iter().map(|(_, c)| c.clone()).collect())
});

/// The government whose voice the article is in, from the first seat it
/// names ("the White House said" → United States).
pub(super) fn home_country(
    source: Option<&str>,
    title: Option<&str>,
    body: &str,
) -> Option<String> {
    // the publisher names its seat or city: "The White House", "Élysée",
    // "Prime Minister's Office, 10 Downing Street", "Kremlin"
    if let Some(src) = source {
        let lex = lexicon::global();
        let folded = fold(src);
        for (seat, country) in lex.capitals.iter() {
            let seat_bare = seat.trim_start_matches("the ");
            if folded
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w == seat_bare)
                || (seat_bare.contains(' ') && folded.contains(seat_bare))
            {
                return Some(country.clone());
            }
        }
    }
    let head: String = title.unwrap_or("").to_string() + "\n" + body;
    let folded = fold(&head);
    let (ac, countries) = &*SEATS;
    for m in ac.find_iter(&folded) {
        let before = folded[..m.start()].chars().next_back();
        let after = folded[m.end()..].chars().next();
        if before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(countries[m.pattern().as_usize()].clone());
        }
    }
    None
}

static TRACE: LazyLock<bool> = LazyLock::new(|| std::env::var_os("DATELINE_TRACE").is_some());

/// The distinct people a sentence names directly, in index order.
fn direct_people(res: &Resolver<'_>, mentions: &[Mention]) -> Vec<usize> {
    mentions
        .iter()
        .filter_map(|m| match m.target {
            Target::Actor(i) if res.is_person(i) => Some(i),
            _ => None,
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Verbs of joining a contact already reported.
const PARTAKE: &[&str] = &[
    "joined",
    "attended",
    "participated",
    "took",
    "dialled",
    "dialed",
];

/// The actors a sentence opens with: "Putin and Zelensky", "Biden, Macron and Scholz".
fn subject_group(res: &Resolver<'_>, mentions: &[Mention], toks: &[Token]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev_end: Option<usize> = None;
    for m in mentions {
        let Target::Actor(i) = m.target else { break };
        match prev_end {
            None => {
                // the subject comes early, or right after a fronted phrase
                // ("On February 7 (local time), Mr. Ishiba ...")
                let after_comma = m.first > 0 && toks[m.first - 1].key == ",";
                if (m.first > 4 && !after_comma) || m.possessive {
                    break;
                }
            }
            Some(e) => {
                if !toks[e..m.first]
                    .iter()
                    .all(|t| matches!(t.key.as_str(), "and" | "," | "both"))
                {
                    break;
                }
            }
        }
        if res.actors[i].kind != ActorKind::Country {
            out.push(i);
        }
        prev_end = Some(m.last);
    }
    out
}

/// Verbs of speaking: a contact by phone unless the text says they met.
const SPEAK: &[&str] = &[
    "spoke", "speak", "speaks", "spoken", "speaking", "talked", "talk", "talking",
];

/// Words after a contact word that introduce another event with its own date.
const ANOTHER_EVENT: &[&str] = &["after", "following", "before", "amid", "ahead"];

/// Words before a date that make it not the date of the clause's contact.
const NOT_EVENT_DATE: &[&str] = &["since", "until", "till", "through", "from", "by", "before"];

/// The date of a clause: of the past expressions not in a "since" phrase
/// nor after a word that starts another event, the one nearest the contact
/// word (after it first: "spoke yesterday with"), day-precise ones first.
fn clause_date(
    timexes: &[Timex],
    toks: &[Token],
    clause: (usize, usize),
    reference: NaiveDate,
    trigger: Option<(usize, usize)>,
) -> Option<Span> {
    // "discussed X after U.S. strikes last month": that date is the strikes'
    let cut = trigger.and_then(|(_, te)| {
        toks[clause.0..clause.1]
            .iter()
            .find(|k| k.start >= te && ANOTHER_EVENT.contains(&k.key.as_str()))
            .map(|k| k.start)
    });
    // the "since" phrase dates the silence, not the contact; it ends at the
    // next comma ("since early 2021, most recently on July 28")
    let since = toks[clause.0..clause.1]
        .iter()
        .position(|k| k.key == "since")
        .map(|p| {
            let from = toks[clause.0 + p].start;
            let to = toks[clause.0 + p..clause.1]
                .iter()
                .find(|k| k.key == ",")
                .map_or(usize::MAX, |k| k.start);
            (from, to)
        });
    let usable: Vec<&Timex> = timexes
        .iter()
        .filter(|t| t.span.start <= reference)
        // "later this year", "next week", "the coming days" point forward
        .filter(|t| {
            let before = toks
                .iter()
                .rev()
                .find(|k| k.end <= t.start && k.word)
                .map(|k| k.key.as_str());
            !(t.span.end > reference
                && (matches!(before, Some("later" | "next" | "coming" | "upcoming"))
                    || t.text.to_lowercase().starts_with("later")
                    || t.text.to_lowercase().contains("next")))
        })
        .filter(|t| cut.is_none_or(|c| t.start < c))
        .filter(|t| since.is_none_or(|(from, to)| t.start < from || t.start > to))
        .filter(|t| {
            let prev = toks[clause.0..clause.1]
                .iter()
                .rev()
                .find(|k| {
                    k.end <= t.start && k.word && !matches!(k.key.as_str(), "the" | "a" | "an")
                })
                .map(|k| k.key.as_str());
            !prev.is_some_and(|p| NOT_EVENT_DATE.contains(&p))
        })
        // "today's call": a date owned by a noun is that noun's
        .filter(|t| !toks.iter().any(|k| k.start == t.end && k.key == "'s"))
        .collect();
    // "On February 7 (local time; February 8, Japan time)": the date outside
    // the parentheses is the story's
    let bracketed = |t: &Timex| {
        let mut depth = 0i32;
        for k in toks.iter().take_while(|k| k.end <= t.start) {
            match k.key.as_str() {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
        }
        depth > 0
    };
    let plain: Vec<&Timex> = usable.iter().copied().filter(|t| !bracketed(t)).collect();
    let usable = if plain.is_empty() { usable } else { plain };
    let distance = |t: &Timex| match trigger {
        Some((_, te)) if t.start >= te => (t.start - te) as i64,
        Some((ts, _)) => (ts.saturating_sub(t.end)) as i64 + 1000,
        None => t.start as i64,
    };
    usable
        .iter()
        .filter(|t| t.span.is_day())
        .min_by_key(|t| distance(t))
        .or_else(|| usable.iter().min_by_key(|t| distance(t)))
        .map(|t| t.span)
}

fn kind_of(k: TriggerKind) -> EventKind {
    match k {
        TriggerKind::Call => EventKind::Call,
        TriggerKind::Visit | TriggerKind::Meeting => EventKind::Meeting,
        TriggerKind::Message => EventKind::Message,
        TriggerKind::Generic => EventKind::Call,
    }
}

fn compatible(a: Option<TriggerKind>, b: Option<TriggerKind>) -> bool {
    match (a, b) {
        (None, _) | (_, None) => true,
        (Some(TriggerKind::Generic), _) | (_, Some(TriggerKind::Generic)) => true,
        (Some(x), Some(y)) => kind_of(x) == kind_of(y),
    }
}

fn overlaps(a: Option<Span>, b: Option<Span>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.overlaps(&b),
        _ => true,
    }
}

/// Count the words that tell a call from a meeting, for contacts whose own
/// sentence does not say ("a crucial discussion" … "the call comes").
fn count_medium(toks: &[Token], calls: &mut usize, meetings: &mut usize) {
    for t in toks {
        match t.key.as_str() {
            "call" | "phone" | "telephone" | "video" | "phoned" | "calls" => *calls += 1,
            "met" | "meeting" | "summit" | "face-to-face" | "hosted" | "in-person" => {
                *meetings += 1
            }
            _ => {}
        }
    }
}

pub fn extract(input: Text<'_>) -> Extraction {
    let lex = lexicon::global();
    let body = input.body;
    let (reference, dateline_end) = dateline(body, input.published);
    let mut res = Resolver::new(lex, reference, input.title, input.source, body);
    // a government's readout reports the day's contacts: undated, they are
    // of its date, wherever they stand
    let readout = is_readout(input.source, input.title, body);
    let mut call_words = 0usize;
    let mut meeting_words = 0usize;
    if let Some(title) = input.title {
        let toks = text::tokens(title, 0);
        count_medium(&toks, &mut call_words, &mut meeting_words);
        res.mentions(title, &toks, 0);
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let mut pending: Vec<PendingClaim> = Vec::new();
    // a contact reported with one party so far: (actor, date, sentence)
    let mut open_contact: Option<(usize, Option<Span>, usize)> = None;
    // the day the story has reached: the last contact dated to a day (an
    // undated one in the lead is of the publication date)
    let mut story: Option<(NaiveDate, usize)> = None;
    // the last date with a year the text gave, and its paragraph
    let mut narrative: Option<(NaiveDate, usize)> = None;
    let mut last_dated: Option<Span> = None;

    // the lead: the first two sentences of prose (headings do not count)
    let mut prose_seen = 0usize;
    for (si, s) in text::sentences(body).iter().enumerate() {
        let prose = body[s.start..s.end]
            .trim_end()
            .ends_with(['.', '"', '\u{201d}', '!'])
            && body[s.start..s.end].split_whitespace().count() >= 6;
        let in_lead = prose && prose_seen < 2;
        prose_seen += usize::from(prose);
        let start = s.start.max(dateline_end.min(s.end));
        let stext = &body[start..s.end];
        let toks = text::tokens(stext, start);
        if toks.is_empty() {
            continue;
        }
        count_medium(&toks, &mut call_words, &mut meeting_words);
        let mentions = res.mentions(stext, &toks, start);
        // quoted speech: contact words inside quotation marks are not reports
        let mut quoted = vec![false; toks.len()];
        let mut open = false;
        for (k, t) in toks.iter().enumerate() {
            if t.key == "\"" {
                open = !open;
            }
            quoted[k] = open;
        }
        let subject = subject_group(&res, &mentions, &toks);
        if *TRACE {
            eprintln!(
                "sentence {si}: {stext:?}\n  mentions {:?}",
                mentions
                    .iter()
                    .map(|m| (
                        &body[toks[m.first].start..toks[m.last - 1].end],
                        match m.target {
                            Target::Actor(i) => res.actors[i].name.clone(),
                            ref t => format!("{t:?}"),
                        }
                    ))
                    .collect::<Vec<_>>()
            );
        }
        let question = stext.trim_end().ends_with('?');
        // most sentences report no contact and state no gap: only the
        // actors they name matter, for coreference, so the rest is skipped
        let may_claim = toks.iter().any(|t| {
            matches!(
                t.key.as_str(),
                "first" | "not" | "n't" | "never" | "hadn't" | "haven't" | "hasn't"
            )
        });
        // "three weeks after the two met": "after" with a unit of time
        let may_claim = may_claim
            || (toks.iter().any(|t| t.key == "after")
                && toks.iter().any(|t| {
                    matches!(
                        t.key.as_str(),
                        "days" | "weeks" | "months" | "years" | "day" | "week" | "month" | "year"
                    )
                }));
        if !may_claim && events::triggers(lex, &toks, 0, toks.len()).is_empty() {
            let people = direct_people(&res, &mentions);
            // "Around the table were X, Y and Z": the contact just reported
            if presence(&toks) && !question {
                if let Some(d) = drafts
                    .iter_mut()
                    .rev()
                    .find(|d| !d.background && d.sentence + 2 >= si)
                {
                    d.actors.extend(people.iter().copied());
                    d.direct.extend(people.iter().copied());
                    res.last_group = d.actors.iter().copied().collect();
                    continue;
                }
            }
            if let [a, b] = people[..] {
                if !speech_between(&res, &toks, &mentions) {
                    res.last_group = vec![a, b];
                }
            }
            // Where the story is, for the contacts that follow: a live
            // blog's entry header ("18 October, 09:12 BST", a day of its
            // own, not "yesterday"), or a dated sentence about someone
            // ("Biden spent seven hours in Tel Aviv on Wednesday.").
            let header = !prose && people.is_empty() && toks.iter().filter(|t| t.word).count() <= 8;
            if header || (!people.is_empty() && !question) {
                if let Some(t) = temporal::find(stext, reference, Prefer::Past)
                    .into_iter()
                    .find(|t| {
                        t.span.is_day()
                            && t.span.start <= reference
                            && !(header && deictic(&t.text))
                    })
                {
                    advance_story(&mut story, t.span.start, si, None);
                }
            }
            continue;
        }
        // "The day before, ...": counted from the story's day, whatever
        // the resolver makes of those words against the publication date
        let story_at = story_offset(&toks);
        let story_bytes = story_at.map(|(_, end)| (toks[0].start, toks[end.max(1) - 1].end));
        let timexes = temporal::find(stext, reference, Prefer::Past)
            .into_iter()
            .map(|mut t| {
                t.start += start;
                t.end += start;
                t
            })
            .filter(|t| story_bytes.is_none_or(|(_, e)| t.start >= e))
            .collect::<Vec<_>>();
        // In a paragraph telling the past ("on February 24th 2022 ... A call
        // on May 3rd"), a date without a year is read from the past being
        // told, not from the publication date; a deictic one ("last month",
        // "on Tuesday") brings the story back to the present.
        let mut timexes = timexes;
        for t in timexes.iter_mut() {
            if deictic(&t.text) {
                narrative = None;
                continue;
            }
            if !t.anchored {
                // a year alone ("in 2019") sets no day to count from
                narrative = (t.span.len_days() <= 31).then_some((t.span.start, s.paragraph));
                continue;
            }
            if let Some((anchor, paragraph)) = narrative {
                if paragraph == s.paragraph && anchor + chrono::Days::new(120) < reference {
                    if let Some(span) = reanchor(&t.text, anchor, reference) {
                        t.span = span;
                        narrative = Some((span.start, s.paragraph));
                    }
                }
            }
        }
        // "since then": the last date of the sentences before
        let then = last_dated;
        let mut prev_date: Option<Span> = None;
        let mut fronted_date: Option<Span> = None;
        let mut made_here: Vec<usize> = Vec::new();
        for clause in text::clauses(&toks) {
            let (c0, c1) = clause;
            let cstart = toks[c0].start;
            let cend = toks[c1 - 1].end;
            let here: Vec<Timex> = timexes
                .iter()
                .filter(|t| t.start >= cstart && t.end <= cend)
                .cloned()
                .collect();
            let hits = events::triggers(lex, &toks, c0, c1);
            // "Macron said early Monday that ...": that day is the saying's
            let speech_end = hits.first().and_then(|h| {
                (c0..h.first)
                    .rev()
                    .find(|&k| events::SPEECH.contains(&toks[k].key.as_str()))
                    .map(|k| toks[k].end)
            });
            let here: Vec<Timex> = here
                .into_iter()
                .filter(|t| speech_end.is_none_or(|e| t.start >= e))
                .collect();
            let mut date = clause_date(
                &here,
                &toks,
                clause,
                reference,
                hits.first()
                    .map(|h| (toks[h.first].start, toks[h.last - 1].end)),
            );
            // a look back ("The day before, ...") leaves the story's day where it was
            let mut flashback = false;
            if let (None, Some((n, end)), Some(day), Some(h)) =
                (date, story_at, story.map(|s| s.0), hits.first())
            {
                if end <= h.first {
                    flashback = n < 0;
                    date = day
                        .checked_add_signed(chrono::Duration::days(n))
                        .filter(|d| *d <= reference)
                        .map(Span::day);
                }
            }
            let opener = toks[c0..c1].iter().find(|t| t.word).map(|t| t.key.as_str());
            // "..., when he held talks", "..., as the two leaders held their
            // second conversation this month": the same moment as the clause before
            if matches!(
                opener,
                Some(
                    "when"
                        | "where"
                        | "as"
                        | "while"
                        | "after"
                        | "before"
                        | "during"
                        | "and"
                        | "then"
                        | "later"
                )
            ) && prev_date.is_some_and(|p| p.is_day())
                && date.is_none_or(|d| !d.is_day())
            {
                date = prev_date;
            }
            if date.is_some() {
                prev_date = date;
            } else if let Some(t) = here.iter().find(|t| {
                toks[c0..c1]
                    .iter()
                    .any(|k| k.key == "since" && k.end <= t.start)
            }) {
                // "their first meeting since 2019, when they met in Osaka"
                prev_date = Some(t.span);
            }
            // "a day after a dinner at which ...": the earlier event's day
            // (a clause with its own date keeps it: "a day after ... on Sunday evening")
            if let Some((n, sign)) = anchor_offset(&toks[c0..c1]).filter(|_| date.is_none()) {
                if let Some(p) = prev_date.filter(|p| p.is_day()) {
                    let shifted = if sign < 0 {
                        p.start.checked_sub_days(chrono::Days::new(n))
                    } else {
                        p.start.checked_add_days(chrono::Days::new(n))
                    };
                    date = shifted.map(Span::day);
                }
            }
            // "On February 7, Mr. Ishiba, who is visiting Washington, held
            // talks with ...": a fronted date serves the clause it heads
            if date.is_none() {
                date = fronted_date;
            }
            if hits.is_empty() {
                if fronted_date.is_none() && date.is_some_and(|d| d.is_day()) {
                    fronted_date = date;
                }
                continue;
            }
            if question {
                continue;
            }
            let cues = events::cues(lex, &toks, c0, c1);
            // "On Tuesday it rang again.": a contact word with a day and
            // no one named dates the contact the next sentence reports
            if let Some(d) = date.filter(|d| d.is_day() && d.start <= reference) {
                if stext.trim_end().ends_with('.')
                    && mentions.iter().all(|m| m.last <= c0 || m.first >= c1)
                    && hits.iter().any(|h| events::realis(&toks, clause, h, &cues))
                {
                    advance_story(&mut story, d.start, si, opener);
                }
            }
            if !prose {
                continue;
            }
            // an object right after, or the agent of a passive ("was
            // received by Putin")
            // the agent of a passive further on: "being received in Abu
            // Dhabi ... by the UAE president"
            let passive_agent = |h: &Hit| {
                h.first > 0
                    && matches!(
                        toks[h.first - 1].key.as_str(),
                        "was" | "were" | "been" | "being"
                    )
                    && (h.last..c1).any(|k| {
                        toks[k].key == "by"
                            && mentions.iter().any(|m| {
                                // "by His Highness Sheikh Mohamed bin Zayed"
                                m.first == k + 1
                                    || (m.first == k + 2
                                        && matches!(
                                            toks[k + 1].key.as_str(),
                                            "his" | "her" | "the"
                                        ))
                            })
                    })
            };
            let starts_mention = |k: usize| {
                let k = if toks.get(k).is_some_and(|t| t.key == "by")
                    && toks[k.saturating_sub(2)..k]
                        .iter()
                        .any(|t| matches!(t.key.as_str(), "was" | "were" | "been" | "being"))
                {
                    k + 1
                } else {
                    k
                };
                mentions
                    .iter()
                    .any(|m| m.first == k || (m.first == k + 1 && toks[k].key == "the"))
            };
            // "called for a ceasefire", "spoke on phone with": a word that
            // is a contact only before its object is no contact word here
            let hits: Vec<Hit> = hits
                .into_iter()
                .filter(|h| !h.needs_object || starts_mention(h.last) || passive_agent(h))
                .collect();
            let real: Vec<&Hit> = hits
                .iter()
                .filter(|h| !quoted[h.first])
                .filter(|h| events::realis(&toks, clause, h, &cues))
                .filter(|h| !likely_after(&toks[h.last..c1]))
                .collect();
            if real.is_empty() {
                continue;
            }
            // a future date makes it a plan whatever the verb
            if here.iter().any(|t| t.span.start > reference) && date.is_none() {
                continue;
            }
            let mut actors: BTreeSet<usize> = BTreeSet::new();
            let mut group = false;
            let mut two = false;
            for h in &real {
                for m in events::participants(&toks, clause, h, &hits, &cues, &mentions) {
                    match m.target {
                        Target::Actor(i) => {
                            if res.actors[i].kind != ActorKind::Country {
                                actors.insert(i);
                            }
                        }
                        Target::Group | Target::They => {
                            group = true;
                            // "the two leaders" are two
                            if toks[m.first..m.last].iter().any(|t| t.key == "two") {
                                two = true;
                            }
                        }
                        Target::Pronoun => {}
                    }
                }
            }
            let direct = actors.clone();
            if actors.len() < 2 && group {
                // "the two leaders" = the people this sentence named before, if
                // two or more, else the pair or group named last
                let before: BTreeSet<usize> = mentions
                    .iter()
                    .filter(|m| m.last <= c0)
                    .filter_map(|m| match m.target {
                        Target::Actor(i) if res.actors[i].kind != ActorKind::Country => Some(i),
                        _ => None,
                    })
                    .collect();
                let take = if two { 2 } else { usize::MAX };
                if before.len() >= 2 {
                    actors.extend(before.into_iter().take(take));
                } else {
                    actors.extend(res.last_group.iter().copied().take(take));
                }
            }
            // "Trump said Russia and Ukraine would negotiate after a phone
            // call with Putin": a call "with" one party, owned by no one
            // else, is the speaker's
            if actors.len() == 1 {
                let owned_call = real.iter().any(|h| {
                    events::CONTACT_NOUNS.contains(&toks[h.last - 1].key.as_str())
                        && toks.get(h.last).is_some_and(|t| t.key == "with")
                        && !toks[c0..h.first].iter().any(|t| t.key == "'s")
                });
                let speaker = mentions
                    .iter()
                    .filter(|m| m.first >= c0 && m.first < first_hit_at(&real, c0))
                    .find(|m| {
                        toks[m.last..first_hit_at(&real, c0)]
                            .iter()
                            .any(|t| events::SPEECH.contains(&t.key.as_str()))
                    })
                    .and_then(|m| match m.target {
                        Target::Actor(i) if res.is_person(i) => Some(i),
                        _ => None,
                    });
                if let (true, Some(sp)) = (owned_call, speaker) {
                    actors.insert(sp);
                }
            }
            // "Vice President Kamala Harris joined the call": one more party
            if actors.len() == 1
                && toks[c0..c1]
                    .iter()
                    .any(|t| PARTAKE.contains(&t.key.as_str()))
            {
                actors.extend(res.last_group.iter().copied());
            }
            // "..., before sitting down with Kim": the sentence's subject
            let first_hit = real.iter().map(|h| h.first).min().unwrap_or(c0);
            let has_subject = mentions
                .iter()
                .any(|m| m.first >= c0 && m.first < first_hit);
            let subordinate = matches!(
                opener,
                Some("after" | "before" | "when" | "as" | "while" | "during" | "following")
            );
            // "..., President Emmanuel Macron, who also hosted him": the
            // person "who" stands for
            let antecedent = (opener == Some("who"))
                .then(|| {
                    mentions
                        .iter()
                        .rev()
                        .find(|m| m.last == c0 || (m.last + 1 == c0 && toks[m.last].key == ","))
                })
                .flatten()
                .and_then(|m| match m.target {
                    Target::Actor(i) if res.is_person(i) => Some(i),
                    _ => None,
                });
            if let Some(a) = antecedent.filter(|_| !has_subject) {
                actors.insert(a);
            } else if (actors.len() < 2 || subordinate) && !has_subject && c0 > 0 {
                actors.extend(subject.iter().copied());
            }
            // "their dinner", "their first call": the pair named last takes
            // part, unless the clause named two before "their" ("Pashinyan and
            // Aliyev last held talks ..., their first bilateral meeting")
            let their = real.iter().find_map(|h| {
                (h.first.saturating_sub(3)..h.first).find(|&k| toks[k].key == "their")
            });
            if let Some(pos) = their {
                let named_before = mentions
                    .iter()
                    .filter(|m| m.first >= c0 && m.last <= pos)
                    .filter(|m| matches!(m.target, Target::Actor(_)))
                    .count();
                if named_before < 2 && actors.len() < 4 {
                    actors.extend(res.last_group.iter().copied());
                }
            }
            if *TRACE {
                eprintln!(
                    "  clause {:?} hits={:?} actors={:?} date={:?}",
                    &body[cstart..cend],
                    real.iter().map(|h| &toks[h.first].key).collect::<Vec<_>>(),
                    actors
                        .iter()
                        .map(|&i| &res.actors[i].name)
                        .collect::<Vec<_>>(),
                    date.map(|d| d.value())
                );
            }
            // "Putin met in St Petersburg with a delegation of African
            // leaders. Taking part in the meeting were ...": the contact named
            // with one party is completed by the next "the meeting"
            let definite = real.iter().any(|h| {
                h.first > 0
                    && matches!(toks[h.first - 1].key.as_str(), "the" | "this" | "that")
                    && events::CONTACT_NOUNS.contains(&toks[h.last - 1].key.as_str())
            });
            if actors.len() == 1 && !definite {
                open_contact = Some((*actors.iter().next().expect("one actor"), date, si));
                // "Modi paid an official visit to Abu Dhabi today": the story's day
                let looks_back = toks[c0..c1]
                    .iter()
                    .any(|t| matches!(t.key.as_str(), "had" | "last"));
                if let Some(d) = date.filter(|d| d.is_day() && !looks_back && !flashback) {
                    advance_story(&mut story, d.start, si, opener);
                }
            }
            if definite {
                if let Some((who, when, at)) = open_contact {
                    if at + 2 >= si && !actors.contains(&who) && !actors.is_empty() {
                        actors.insert(who);
                        date = date.or(when);
                    }
                }
            }
            if actors.len() < 2 {
                continue;
            }
            let clause_medium = events::medium(&toks, c0, c1);
            let kind = if real.iter().any(|h| h.kind == TriggerKind::Call)
                || clause_medium == Some(TriggerKind::Call)
            {
                Some(TriggerKind::Call)
            } else if real
                .iter()
                .any(|h| matches!(h.kind, TriggerKind::Meeting | TriggerKind::Visit))
                || clause_medium == Some(TriggerKind::Meeting)
                || real.iter().any(|h| {
                    h.kind == TriggerKind::Generic
                        && toks[h.first.saturating_sub(6)..h.first]
                            .iter()
                            .any(|t| t.key == "held")
                })
            {
                Some(TriggerKind::Meeting)
            } else if real.iter().any(|h| h.kind == TriggerKind::Message) {
                Some(TriggerKind::Message)
            } else if real
                .iter()
                .any(|h| SPEAK.contains(&toks[h.first].key.as_str()))
            {
                // leaders who "spoke" without meeting spoke by phone: the news convention
                Some(TriggerKind::Call)
            } else {
                None
            };
            // "had met" is past perfect; "had a telephone conversation" is not
            let past_perfect = (c0..c1).any(|k| {
                toks[k].key == "had"
                    && toks.get(k + 1).is_some_and(|n| {
                        !matches!(
                            n.key.as_str(),
                            "a" | "an"
                                | "the"
                                | "their"
                                | "his"
                                | "her"
                                | "talks"
                                | "two"
                                | "several"
                        )
                    })
            });
            let first_hit_tok = real.iter().map(|h| h.first).min().unwrap_or(c0);
            let historical = past_perfect
                || toks[c0..first_hit_tok].iter().any(|t| t.key == "last")
                || toks[c0..c1]
                    .iter()
                    .any(|t| matches!(t.key.as_str(), "recalled" | "recalling" | "recall"));
            // An undated contact in the simple past continues the story just
            // told: "He also spoke with Biden", "Partway through the talks,
            // Trump stepped away to telephone Putin" take the day of the
            // contact reported in the sentences just before, if it does not
            // fold into one. Not a habit or the perfect ("have met often").
            let fallback = if date.is_none() && !historical && !habitual(&toks[c0..c1]) {
                let from_story = || {
                    story
                        .filter(|&(_, at)| at + 3 >= si)
                        .map(|(day, _)| Span::day(day))
                };
                if toks[c0..c1].iter().any(|t| t.key == "also") {
                    drafts
                        .iter()
                        .rev()
                        .find(|d| !d.background && !d.historical && d.date.is_some())
                        .filter(|d| d.sentence + 2 >= si)
                        .and_then(|d| d.date)
                        .or_else(from_story)
                } else {
                    from_story()
                }
            } else {
                None
            };
            // "his conversations with the leaders of Egypt, Iran and Syria":
            // one contact with each
            let plural_owned = real.iter().any(|h| {
                matches!(
                    toks[h.last - 1].key.as_str(),
                    "conversations" | "calls" | "meetings"
                ) && (h.first.saturating_sub(3)..h.first)
                    .any(|k| matches!(toks[k].key.as_str(), "his" | "her"))
            });
            if plural_owned {
                if let Some(&owner) = subject.first() {
                    let others: Vec<usize> =
                        actors.iter().copied().filter(|&a| a != owner).collect();
                    if others.len() >= 2 {
                        for other in others {
                            made_here.push(drafts.len());
                            drafts.push(Draft {
                                kind,
                                date,
                                actors: [owner, other].into_iter().collect(),
                                evidence: (s.start, s.end),
                                sentence: si,
                                lead: false,
                                background: false,
                                historical,
                                fallback,
                                via_group: false,
                                direct: [owner, other].into_iter().collect(),
                            });
                        }
                        continue;
                    }
                }
            }
            // "spoke with Biden and with Zelensky": one contact with each
            let splits: Vec<usize> = (c0 + 1..c1)
                .filter(|&k| toks[k].key == "with" && toks[k - 1].key == "and")
                .collect();
            if !splits.is_empty() && !subject.is_empty() {
                let mut bounds = vec![c0];
                bounds.extend(splits.iter().copied());
                bounds.push(c1);
                let subj: BTreeSet<usize> = subject.iter().copied().collect();
                let mut parts = Vec::new();
                for w in bounds.windows(2) {
                    let part: BTreeSet<usize> = mentions
                        .iter()
                        .filter(|m| m.first >= w[0] && m.last <= w[1])
                        .filter_map(|m| match m.target {
                            Target::Actor(i) if !subj.contains(&i) => Some(i),
                            _ => None,
                        })
                        .collect();
                    if !part.is_empty() {
                        parts.push(part);
                    }
                }
                let in_subject: BTreeSet<usize> = actors.intersection(&subj).copied().collect();
                if parts.len() >= 2 && !in_subject.is_empty() {
                    for part in parts {
                        let mut a = in_subject.clone();
                        a.extend(part);
                        made_here.push(drafts.len());
                        drafts.push(Draft {
                            kind,
                            date,
                            actors: a,
                            evidence: (s.start, s.end),
                            sentence: si,
                            lead: (in_lead || readout) && !past_perfect && !habitual(&toks[c0..c1]),
                            background: false,
                            historical,
                            fallback,
                            via_group: group,
                            direct: direct.clone(),
                        });
                    }
                    continue;
                }
            }
            made_here.push(drafts.len());
            res.last_group = actors.iter().copied().collect();
            if !historical && !flashback {
                let day = match date {
                    Some(d) if d.is_day() => Some(d.start),
                    None if in_lead && !past_perfect => Some(reference),
                    // a continuation keeps the story where it is
                    None => fallback.filter(|f| f.is_day()).map(|f| f.start),
                    _ => None,
                };
                if let Some(day) = day {
                    advance_story(&mut story, day, si, opener);
                }
            }
            drafts.push(Draft {
                kind,
                date,
                actors,
                evidence: (s.start, s.end),
                sentence: si,
                lead: (in_lead || readout) && !past_perfect && !habitual(&toks[c0..c1]),
                background: false,
                historical,
                fallback,
                via_group: group,
                direct,
            });
        }
        // no contact here, but two people named together become "the two leaders"
        if made_here.is_empty() {
            if let [a, b] = direct_people(&res, &mentions)[..] {
                if !speech_between(&res, &toks, &mentions) {
                    res.last_group = vec![a, b];
                }
            }
        }
        // stated gaps
        let found_claims = if may_claim {
            claims::find(stext)
        } else {
            Vec::new()
        };
        for found in found_claims {
            let ctext = stext[found.start..found.end].trim().to_string();
            let pair = claim_pair(&res, &drafts, &made_here, &mentions, &toks, &found, start);
            let (since, since_event) = match &found.stated {
                Stated::Since(what) => resolve_since(what, reference, body, &res, then),
                _ => (None, false),
            };
            // "since a Dec. 7 video call", "since their summit in Hanoi in February":
            // the earlier contact, with its own date
            if let (Stated::Since(what), Some(since), Some(pair), false) =
                (&found.stated, since, pair, since_event)
            {
                let wt = text::tokens(what.as_str(), 0);
                if let Some(h) = events::triggers(lex, &wt, 0, wt.len()).first() {
                    let kind = match h.kind {
                        TriggerKind::Generic => None,
                        k => Some(k),
                    };
                    if since.start <= reference {
                        drafts.push(Draft {
                            kind: kind.or(events::medium(&wt, 0, wt.len())),
                            date: Some(since),
                            actors: pair.into_iter().collect(),
                            evidence: (s.start, s.end),
                            sentence: si,
                            lead: false,
                            background: true,
                            historical: true,
                            fallback: None,
                            via_group: false,
                            direct: BTreeSet::new(),
                        });
                    }
                }
            }
            pending.push(PendingClaim {
                found,
                text: ctext,
                evidence: (s.start, s.end),
                sentence: si,
                pair,
                since,
                since_event,
            });
        }
        if let Some(t) = timexes.last() {
            last_dated = Some(t.span);
        }
    }

    settle(
        res,
        drafts,
        pending,
        body,
        reference,
        call_words,
        meeting_words,
    )
}

/// Events a silence is counted from (data/events.tsv): (phrase, date, context).
static SINCE_EVENTS: LazyLock<Vec<(String, NaiveDate, Option<String>)>> = LazyLock::new(|| {
    include_str!("../../data/events.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let date = NaiveDate::parse_from_str(f.get(1)?.trim(), "%Y-%m-%d").ok()?;
            let context = f
                .get(2)
                .map(|c| c.trim())
                .filter(|c| *c != "-" && !c.is_empty());
            Some((fold(f[0].trim()), date, context.map(String::from)))
        })
        .collect()
});

/// Words that may stand around a date in a "since" phrase without making it
/// an event: "since early 2022", "since their March 18 call".
const SINCE_FILLERS: &[&str] = &[
    "a", "an", "the", "their", "his", "her", "its", "last", "early", "late", "mid", "in", "on",
    "of", "at", "around", "about", "then", "back", "sometime", "some", "time",
];

/// The date a "since" phrase names, and whether it is an event that was not
/// a contact of the pair ("since Biden took office", "since the war began").
/// `then` is the last date the text gave before this sentence ("since then").
fn resolve_since(
    what: &str,
    reference: NaiveDate,
    body: &str,
    res: &Resolver<'_>,
    then: Option<Span>,
) -> (Option<Span>, bool) {
    let lex = lexicon::global();
    let wt = text::tokens(what, 0);
    if wt.len() == 1 && wt[0].key == "then" {
        return (then, false);
    }
    let contact = !events::triggers(lex, &wt, 0, wt.len()).is_empty();
    let event = (!contact)
        .then(|| event_day(what, reference, body, res))
        .flatten();
    // with "since" before it, a bare "2019" or "June" reads as a date
    let since_what = format!("since {what}");
    let found = temporal::find(&since_what, reference, Prefer::Past)
        .into_iter()
        .find(|t| t.span.start <= reference)
        .map(|mut t| {
            t.start = t.start.saturating_sub(6);
            t.end = t.end.saturating_sub(6);
            t
        });
    if let Some(t) = found {
        // "since Russia's full-scale invasion in February 2022": the day
        // of the event, inside the month the text gives
        if let Some(day) = event.filter(|d| t.span.start <= *d && *d <= t.span.end) {
            return (Some(Span::day(day)), true);
        }
        let rest = wt
            .iter()
            .filter(|k| k.word && (k.end <= t.start || k.start >= t.end))
            .any(|k| !SINCE_FILLERS.contains(&k.key.as_str()));
        return (Some(t.span), rest && !contact);
    }
    if contact {
        return (None, false);
    }
    (event.map(Span::day), true)
}

/// The day of an event a "since" phrase names: a person taking office
/// ("since Biden took office", "since Trump returned to the White House")
/// or an event of data/events.tsv ("since the invasion").
fn event_day(
    what: &str,
    reference: NaiveDate,
    body: &str,
    res: &Resolver<'_>,
) -> Option<NaiveDate> {
    let lex = lexicon::global();
    let folded = fold(what);
    if [
        "took office",
        "taking office",
        "became",
        "was elected",
        "sworn in",
        "inauguration",
        "inaugurated",
        "came to power",
        "took power",
        "assumed office",
        "returned to the white house",
        "returned to power",
        "returned to office",
    ]
    .iter()
    .any(|k| folded.contains(k))
    {
        for a in &res.actors {
            let key = a
                .name
                .split_whitespace()
                .last()
                .map(fold)
                .unwrap_or_default();
            if !key.is_empty()
                && folded
                    .split_whitespace()
                    .any(|w| w.trim_end_matches("'s") == key)
            {
                if let Some(r) = lex
                    .roles_of(&a.name)
                    .into_iter()
                    .find(|r| r.held_on(reference))
                {
                    return Some(r.start);
                }
            }
        }
    }
    let article = fold(body);
    SINCE_EVENTS
        .iter()
        .find(|(phrase, _, context)| {
            folded.contains(phrase.as_str())
                && context
                    .as_ref()
                    .is_none_or(|c| article.contains(c.as_str()))
        })
        .map(|(_, date, _)| *date)
}

/// The pair a claim is about: the contact of its sentence, the people it
/// names, or "the two leaders".
fn claim_pair(
    res: &Resolver<'_>,
    drafts: &[Draft],
    made_here: &[usize],
    mentions: &[Mention],
    toks: &[Token],
    found: &claims::Found,
    base: usize,
) -> Option<[usize; 2]> {
    let as_pair = |v: &[usize]| (v.len() == 2).then(|| [v[0], v[1]]);
    // "between X and Y" or "the two leaders" inside the claim
    let inside: Vec<&Mention> = mentions
        .iter()
        .filter(|m| {
            toks[m.first].start >= base + found.start && toks[m.last - 1].end <= base + found.end
        })
        .collect();
    let named: Vec<usize> = inside
        .iter()
        .filter_map(|m| match m.target {
            Target::Actor(i) => Some(i),
            _ => None,
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if let Some(p) = as_pair(&named) {
        return Some(p);
    }
    // "Biden ... has not spoken with Vladimir Putin since February": the
    // sentence's subject and the one named inside the claim
    if let [other] = named[..] {
        let subject = mentions
            .iter()
            .filter(|m| toks[m.first].start < base + found.start)
            .find_map(|m| match m.target {
                Target::Actor(i) if i != other && res.is_person(i) => Some(i),
                _ => None,
            });
        if let Some(s) = subject.filter(|_| res.is_person(other)) {
            return Some([s.min(other), s.max(other)]);
        }
    }
    if inside.iter().any(|m| m.target == Target::Group) {
        if let Some(p) = as_pair(&res.last_group) {
            return Some(p);
        }
    }
    for &d in made_here.iter().rev() {
        let v: Vec<usize> = drafts[d].actors.iter().copied().collect();
        if let Some(p) = as_pair(&v) {
            return Some(p);
        }
    }
    if let Some(p) = as_pair(&direct_people(res, mentions)) {
        return Some(p);
    }
    // "their first call", "the two leaders": only then the pair named last
    if mentions
        .iter()
        .any(|m| matches!(m.target, Target::Group | Target::They))
    {
        return as_pair(&res.last_group);
    }
    None
}

/// The article-level pass: kinds, undated leads, duplicates, claim endings.
fn settle(
    res: Resolver<'_>,
    drafts: Vec<Draft>,
    pending: Vec<PendingClaim>,
    body: &str,
    reference: NaiveDate,
    call_words: usize,
    meeting_words: usize,
) -> Extraction {
    let article_kind = if call_words > 0 || meeting_words == 0 {
        TriggerKind::Call
    } else {
        TriggerKind::Meeting
    };
    // an undated contact in the lead is the news: it folds into a contact
    // of the last few days or is of the reference day itself
    let recent = |d: &Draft| {
        d.date
            .is_some_and(|x| (reference - x.end).num_days() <= 3 && !d.historical && !d.background)
    };
    let drafts: Vec<Draft> = drafts
        .iter()
        .map(|d| {
            let mut d = d.clone();
            if d.date.is_none() && d.lead {
                let folds = drafts.iter().any(|o| {
                    recent(o) && (o.actors.is_superset(&d.actors) || o.actors.is_subset(&d.actors))
                });
                if !folds {
                    // the day the sentence before gave, else the report's
                    d.date = Some(d.fallback.unwrap_or(Span::day(reference)));
                }
            }
            d
        })
        .collect();
    // dated first, so that an undated mention folds into a dated contact
    let mut merged: Vec<Draft> = Vec::new();
    let mut order: Vec<&Draft> = drafts.iter().filter(|d| d.date.is_some()).collect();
    order.extend(drafts.iter().filter(|d| d.date.is_none()));
    // indexes over `merged`, so that an article with thousands of contacts
    // stays linear: by exact actor set (what a dated draft must match) and
    // by actor (what an undated one, which may be a subset or superset, must
    // share)
    let mut by_set: HashMap<BTreeSet<usize>, Vec<usize>> = HashMap::default();
    let mut by_actor: HashMap<usize, Vec<usize>> = HashMap::default();
    fn index(
        i: usize,
        actors: &BTreeSet<usize>,
        by_set: &mut HashMap<BTreeSet<usize>, Vec<usize>>,
        by_actor: &mut HashMap<usize, Vec<usize>>,
    ) {
        by_set.entry(actors.clone()).or_default().push(i);
        for &a in actors {
            let list = by_actor.entry(a).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    for d in order {
        let matches = |m: &Draft| {
            // an undated mention refers to the news, not to an earlier contact
            !(d.date.is_none() && (m.historical || m.background))
                && (compatible(m.kind, d.kind) || d.date.is_none())
                && overlaps(m.date, d.date)
                && (m.actors == d.actors
                    || (d.date.is_none()
                        && (m.actors.is_superset(&d.actors)
                            // more parties join a contact told just before,
                            // not one told paragraphs earlier
                            || (m.actors.is_subset(&d.actors)
                                && d.sentence <= m.sentence + 3))))
        };
        let same = if d.date.is_some() {
            by_set
                .get(&d.actors)
                .and_then(|v| v.iter().copied().find(|&i| matches(&merged[i])))
        } else {
            let mut candidates: Vec<usize> = d
                .actors
                .iter()
                .flat_map(|a| by_actor.get(a).into_iter().flatten().copied())
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            candidates.into_iter().find(|&i| matches(&merged[i]))
        };
        match same {
            Some(i) => {
                let m = &mut merged[i];
                if matches!(m.kind, None | Some(TriggerKind::Generic)) {
                    m.kind = d.kind.or(m.kind);
                }
                if let (Some(a), Some(b)) = (m.date, d.date) {
                    if b.len_days() < a.len_days() {
                        m.date = Some(b);
                    }
                }
                if d.date.is_none() && d.actors.len() > m.actors.len() {
                    let before = m.actors.clone();
                    if !d.via_group {
                        m.actors = d.actors.clone();
                    } else if d.actors.is_superset(&m.actors) {
                        m.actors.extend(d.direct.iter().copied());
                    }
                    if m.actors != before {
                        if let Some(v) = by_set.get_mut(&before) {
                            v.retain(|&x| x != i);
                        }
                        let now = m.actors.clone();
                        index(i, &now, &mut by_set, &mut by_actor);
                        // keep each touched list in merged order, without repeats
                        for a in &now {
                            if let Some(list) = by_actor.get_mut(a) {
                                list.sort_unstable();
                                list.dedup();
                            }
                        }
                    }
                }
            }
            None => {
                let pushed = if d.date.is_some() || d.lead {
                    Some(d.clone())
                } else {
                    d.fallback.map(|f| {
                        let mut d = d.clone();
                        d.date = Some(f);
                        d
                    })
                };
                if let Some(p) = pushed {
                    index(merged.len(), &p.actors, &mut by_set, &mut by_actor);
                    merged.push(p);
                }
            }
        }
    }
    let mut events: Vec<EventFrame> = Vec::new();
    let mut draft_of_event: Vec<(usize, bool)> = Vec::new();
    for m in &merged {
        let date = m.date.unwrap_or(Span::day(reference));
        let kind = match m.kind {
            Some(TriggerKind::Generic) | None => kind_of(article_kind),
            Some(k) => kind_of(k),
        };
        draft_of_event.push((m.sentence, m.background));
        events.push(EventFrame {
            kind,
            date,
            actors: m.actors.iter().copied().collect(),
            evidence: body[m.evidence.0..m.evidence.1].to_string(),
            span: m.evidence,
        });
    }
    let mut claims_out: Vec<ClaimFrame> = Vec::new();
    // the events of each actor, so that an article with thousands of claims
    // looks at the few events of each pair, not at all of them
    let mut events_of: HashMap<usize, Vec<usize>> = HashMap::default();
    for (i, e) in events.iter().enumerate() {
        for &a in &e.actors {
            events_of.entry(a).or_default().push(i);
        }
    }
    for p in pending {
        let Some(pair) = p.pair else { continue };
        let (fewer, other) = {
            let n = |a: usize| events_of.get(&a).map_or(0, Vec::len);
            if n(pair[0]) <= n(pair[1]) {
                (pair[0], pair[1])
            } else {
                (pair[1], pair[0])
            }
        };
        let of_pair: Vec<usize> = events_of
            .get(&fewer)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| events[i].actors.contains(&other))
            .collect();
        // the contact of the claim's sentence, else the pair's latest in the article
        // the silence ends at the first contact of its sentence ("talks on
        // Tuesday, a day after a dinner, their first meeting in two years")
        let ending = of_pair
            .iter()
            .copied()
            .filter(|&i| draft_of_event[i] == (p.sentence, false))
            .min_by_key(|&i| events[i].date.start)
            .or_else(|| {
                of_pair
                    .iter()
                    .copied()
                    .max_by_key(|&i| events[i].date.start)
            });
        let ending_date = ending.map(|i| events[i].date);
        let basis = p
            .found
            .basis
            .unwrap_or(match ending.map(|i| events[i].kind) {
                Some(EventKind::Meeting) => Basis::Meeting,
                _ => Basis::Contact,
            });
        let (min_days, max_days, implied) = match ending_date {
            Some(e) => claims::days(&p.found.stated, e, p.since, p.since_event),
            None => (None, None, p.since),
        };
        claims_out.push(ClaimFrame {
            actors: pair,
            text: p.text,
            min_days,
            max_days,
            ending,
            ending_date,
            implied_previous: implied,
            basis,
            first_ever: p.found.stated == Stated::FirstEver,
            evidence: body[p.evidence.0..p.evidence.1].to_string(),
        });
    }
    // keep only the actors that events and claims use, renumbered
    let mut used: Vec<usize> = events
        .iter()
        .flat_map(|e| e.actors.iter().copied())
        .chain(claims_out.iter().flat_map(|c| c.actors))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    used.sort();
    let renumber = |i: usize| used.binary_search(&i).expect("used actor is listed");
    for e in &mut events {
        for a in &mut e.actors {
            *a = renumber(*a);
        }
    }
    for c in &mut claims_out {
        c.actors = [renumber(c.actors[0]), renumber(c.actors[1])];
    }
    let actors: Vec<ActorRef> = used.iter().map(|&i| res.actors[i].clone()).collect();
    Extraction {
        actors,
        events,
        claims: claims_out,
        reference: Some(reference),
    }
}
