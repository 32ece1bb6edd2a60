//! The article-level pass: sentences in order, frames out.

use super::claims::{self, Stated};
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
        .filter(|(k, _)| k.contains(' ') || k.len() > 5)
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
fn home_country(title: Option<&str>, body: &str) -> Option<String> {
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

/// Verbs of speaking: a contact by phone unless the text says they met.
const SPEAK: &[&str] = &[
    "spoke", "speak", "speaks", "spoken", "speaking", "talked", "talk", "talking",
];

/// Words after a contact word that introduce another event with its own date.
const ANOTHER_EVENT: &[&str] = &["after", "following", "before", "amid", "since", "ahead"];

/// Words before a date that make it not the date of the clause's contact.
const NOT_EVENT_DATE: &[&str] = &["since", "until", "till", "through", "from", "by", "before"];

/// The date of a clause: the first past day-precise expression, else the
/// first past one of any precision.
fn clause_date(
    timexes: &[Timex],
    toks: &[Token],
    clause: (usize, usize),
    reference: NaiveDate,
    trigger_end: Option<usize>,
) -> Option<Span> {
    // "discussed X after U.S. strikes last month": that date is the strikes'
    let cut = trigger_end.and_then(|te| {
        toks[clause.0..clause.1]
            .iter()
            .find(|k| k.start >= te && ANOTHER_EVENT.contains(&k.key.as_str()))
            .map(|k| k.start)
    });
    let usable: Vec<&Timex> = timexes
        .iter()
        .filter(|t| t.span.start <= reference)
        .filter(|t| cut.is_none_or(|c| t.start < c))
        .filter(|t| {
            let prev = toks[clause.0..clause.1]
                .iter()
                .rev()
                .find(|k| k.end <= t.start && k.word)
                .map(|k| k.key.as_str());
            !prev.is_some_and(|p| NOT_EVENT_DATE.contains(&p))
        })
        .collect();
    usable
        .iter()
        .find(|t| t.span.is_day())
        .or(usable.first())
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
    let home = home_country(input.title, body);
    let mut res = Resolver::new(lex, reference, home);
    let mut call_words = 0usize;
    let mut meeting_words = 0usize;
    if let Some(title) = input.title {
        let toks = text::tokens(title, 0);
        count_medium(&toks, &mut call_words, &mut meeting_words);
        res.mentions(title, &toks, 0);
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let mut pending: Vec<PendingClaim> = Vec::new();

    for (si, s) in text::sentences(body).iter().enumerate() {
        let start = s.start.max(dateline_end.min(s.end));
        let stext = &body[start..s.end];
        let toks = text::tokens(stext, start);
        if toks.is_empty() {
            continue;
        }
        count_medium(&toks, &mut call_words, &mut meeting_words);
        let mentions = res.mentions(stext, &toks, start);
        let question = stext.trim_end().ends_with('?');
        let timexes = temporal::find(stext, reference, Prefer::Past)
            .into_iter()
            .map(|mut t| {
                t.start += start;
                t.end += start;
                t
            })
            .collect::<Vec<_>>();
        let mut prev_date: Option<Span> = None;
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
            let mut date = clause_date(
                &here,
                &toks,
                clause,
                reference,
                hits.first().map(|h| toks[h.last - 1].end),
            );
            let opener = toks[c0..c1].iter().find(|t| t.word).map(|t| t.key.as_str());
            if date.is_none() && matches!(opener, Some("when" | "where")) {
                date = prev_date;
            }
            if date.is_some() {
                prev_date = date;
            }
            if hits.is_empty() || question {
                continue;
            }
            let cues = events::cues(lex, &toks, c0, c1);
            let starts_mention = |k: usize| {
                mentions
                    .iter()
                    .any(|m| m.first == k || (m.first == k + 1 && toks[k].key == "the"))
            };
            let real: Vec<&Hit> = hits
                .iter()
                .filter(|h| events::realis(lex, &toks, clause, h, &cues))
                .filter(|h| !h.needs_object || starts_mention(h.last))
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
            for h in &real {
                for m in events::participants(&toks, clause, h, &mentions) {
                    match m.target {
                        Target::Actor(i) => {
                            if res.actors[i].kind != ActorKind::Country {
                                actors.insert(i);
                            }
                        }
                        Target::Group | Target::They => group = true,
                        Target::Pronoun => {}
                    }
                }
            }
            if actors.len() < 2 && group {
                actors.extend(res.last_group.iter().copied());
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
                events::medium(&toks, 0, toks.len())
            };
            let past_perfect = toks[c0..c1].iter().any(|t| t.key == "had");
            made_here.push(drafts.len());
            res.last_group = actors.iter().copied().collect();
            drafts.push(Draft {
                kind,
                date,
                actors,
                evidence: (s.start, s.end),
                sentence: si,
                lead: s.paragraph == 0 && si < 3 && !past_perfect,
            });
        }
        // no contact here, but two people named together become "the two leaders"
        if made_here.is_empty() {
            let direct: BTreeSet<usize> = mentions
                .iter()
                .filter_map(|m| match m.target {
                    Target::Actor(i) if res.is_person(i) => Some(i),
                    _ => None,
                })
                .collect();
            if direct.len() == 2 {
                res.last_group = direct.into_iter().collect();
            }
        }
        // stated gaps
        for found in claims::find(stext) {
            let ctext = stext[found.start..found.end].trim().to_string();
            let pair = claim_pair(&res, &drafts, &made_here, &mentions, &toks, &found, start);
            let since = match &found.stated {
                Stated::Since(what) => temporal::find(what, reference, Prefer::Past)
                    .into_iter()
                    .find(|t| t.span.start <= reference)
                    .map(|t| t.span),
                _ => None,
            };
            pending.push(PendingClaim {
                found,
                text: ctext,
                evidence: (s.start, s.end),
                sentence: si,
                pair,
                since,
            });
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
    let direct: Vec<usize> = mentions
        .iter()
        .filter_map(|m| match m.target {
            Target::Actor(i) if res.is_person(i) => Some(i),
            _ => None,
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if let Some(p) = as_pair(&direct) {
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
    // dated first, so that an undated mention folds into a dated contact
    let mut merged: Vec<Draft> = Vec::new();
    let mut order: Vec<&Draft> = drafts.iter().filter(|d| d.date.is_some()).collect();
    order.extend(drafts.iter().filter(|d| d.date.is_none()));
    for d in order {
        let same = merged.iter().position(|m| {
            compatible(m.kind, d.kind)
                && overlaps(m.date, d.date)
                && (m.actors == d.actors
                    || (d.date.is_none()
                        && (m.actors.is_superset(&d.actors) || m.actors.is_subset(&d.actors))))
        });
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
                    m.actors = d.actors.clone();
                }
            }
            None => {
                if d.date.is_some() || d.lead {
                    merged.push(d.clone());
                }
            }
        }
    }
    let mut events: Vec<EventFrame> = Vec::new();
    let mut draft_of_event: Vec<usize> = Vec::new();
    for m in &merged {
        let date = m.date.unwrap_or(Span::day(reference));
        let kind = match m.kind {
            Some(TriggerKind::Generic) | None => kind_of(article_kind),
            Some(k) => kind_of(k),
        };
        draft_of_event.push(m.sentence);
        events.push(EventFrame {
            kind,
            date,
            actors: m.actors.iter().copied().collect(),
            evidence: body[m.evidence.0..m.evidence.1].to_string(),
            span: m.evidence,
        });
    }
    let mut claims_out: Vec<ClaimFrame> = Vec::new();
    for p in pending {
        let Some(pair) = p.pair else { continue };
        let has_pair = |e: &EventFrame| e.actors.contains(&pair[0]) && e.actors.contains(&pair[1]);
        // the contact of the claim's sentence, else the pair's latest in the article
        let ending = events
            .iter()
            .enumerate()
            .filter(|(_, e)| has_pair(e))
            .filter(|(i, _)| draft_of_event[*i] == p.sentence)
            .map(|(i, _)| i)
            .next()
            .or_else(|| {
                events
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| has_pair(e))
                    .max_by_key(|(_, e)| e.date.start)
                    .map(|(i, _)| i)
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
            Some(e) => claims::days(&p.found.stated, e, p.since),
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
