//! Contact words, their modality, and the event frames they make.
//!
//! A clause reports a contact when it holds a contact word (data/triggers.tsv)
//! that no modality cue (data/modality.tsv) turns into a plan, a possibility
//! or a negation, and at least two actors who take part (not actors named
//! after "by", "about", "according to"...). The clause's date, or the lead's
//! publication date, dates it.

use super::mentions::{Mention, Target};
use super::text::Token;
use crate::lexicon::{Cue, Lexicon, TriggerKind};

/// A contact word found in a clause.
#[derive(Debug, Clone)]
pub struct Hit {
    pub first: usize,
    pub last: usize,
    pub kind: TriggerKind,
    pub needs_object: bool,
}

/// Contact words in tokens[from..to].
pub fn triggers(lex: &Lexicon, toks: &[Token], from: usize, to: usize) -> Vec<Hit> {
    phrases(
        toks,
        from,
        to,
        |key| lex.trigger_index.get(key),
        |c| {
            let t = &lex.triggers[c];
            (t.words.as_slice(), (t.kind, t.needs_object))
        },
    )
    .map(|(first, last, (kind, needs_object))| Hit {
        first,
        last,
        kind,
        needs_object,
    })
    .collect()
}

/// A modality cue found in a clause.
#[derive(Debug, Clone, Copy)]
pub struct CueHit {
    pub first: usize,
    pub last: usize,
    pub cue: Cue,
    /// Governs only the next few words.
    pub np: bool,
}

/// Modality cues in tokens[from..to].
pub fn cues(lex: &Lexicon, toks: &[Token], from: usize, to: usize) -> Vec<CueHit> {
    phrases(
        toks,
        from,
        to,
        |key| lex.cue_index.get(key),
        |c| {
            let (words, cue, np) = &lex.cues[c];
            (words.as_slice(), (*cue, *np))
        },
    )
    .map(|(first, last, (cue, np))| CueHit {
        first,
        last,
        cue,
        np,
    })
    .collect()
}

/// The dictionary phrases in tokens[from..to], left to right without
/// overlap: at each token the first candidate (the index lists the longest
/// first) whose words all match. `candidates` gives the entries starting
/// with a word, `entry` an entry's words and what a match carries.
fn phrases<'a, T, I>(
    toks: &'a [Token],
    from: usize,
    to: usize,
    candidates: impl Fn(&str) -> Option<I> + 'a,
    entry: impl Fn(usize) -> (&'a [String], T) + 'a,
) -> impl Iterator<Item = (usize, usize, T)> + 'a
where
    I: IntoIterator<Item = &'a usize>,
{
    let mut i = from;
    std::iter::from_fn(move || {
        while i < to {
            let start = i;
            let found = candidates(&toks[start].key).and_then(|cands| {
                cands.into_iter().find_map(|&c| {
                    let (words, value) = entry(c);
                    let n = words.len();
                    (start + n <= to
                        && words
                            .iter()
                            .zip(&toks[start..start + n])
                            .all(|(w, k)| *w == k.key))
                    .then_some((n, value))
                })
            });
            match found {
                Some((n, value)) => {
                    i = start + n;
                    return Some((start, start + n, value));
                }
                None => i += 1,
            }
        }
        None
    })
}

/// Contact words that are nouns: their clause's verb comes after them.
pub const CONTACT_NOUNS: &[&str] = &[
    "call",
    "conversation",
    "meeting",
    "summit",
    "talks",
    "visit",
    "trip",
    "encounter",
    "dialogue",
    "discussion",
    "discussions",
    "dinner",
    "lunch",
];

/// Modal verbs: after a contact noun they make it a possibility.
const MODALS: &[&str] = &[
    "might", "could", "would", "will", "may", "should", "must", "'ll", "can",
];

/// Cancellation words that undo a contact named before them in the clause
/// ("a trip planned for February was postponed").
const UNDOING: &[&str] = &[
    "postponed",
    "cancelled",
    "canceled",
    "scrapped",
    "delayed",
    "shelved",
    "suspended",
    "rejected",
    "declined",
];

/// Base forms that, after "to", make a purpose or a plan ("to meet").
const BASE_FORMS: &[&str] = &[
    "meet", "visit", "speak", "talk", "call", "discuss", "host", "travel", "hold", "sit", "phone",
    "receive", "welcome",
];

/// Is the contact word at `hit` asserted as having happened?
pub fn realis(
    toks: &[Token],
    clause: (usize, usize),
    hit: &Hit,
    cues_in_clause: &[CueHit],
) -> bool {
    // a noun-phrase cue reaches the next four words: "ahead of today's call";
    // a clause cue reaches up to a word that starts another event ("agreed
    // to intensify efforts after a brief conversation")
    // A cue used as an adjective governs its own noun only: "one cancelled
    // meeting and ... Albanese sat down with Trump on Monday".
    let adjectival = |c: &CueHit| {
        c.first > 0
            && matches!(
                toks[c.first - 1].key.as_str(),
                "a" | "an" | "one" | "the" | "two"
            )
            && toks
                .get(c.last)
                .is_some_and(|t| CONTACT_NOUNS.contains(&t.key.as_str()))
    };
    // "... whether he would ever get through the door, Anthony Albanese
    // sat down with Trump": a comma and a new subject right before the
    // contact word end what a cue before them governs
    let new_subject = |from: usize| {
        (from..hit.first).any(|k| {
            toks[k].key == ","
                && k + 1 < hit.first
                && toks[k + 1..hit.first].iter().all(|t| t.cap && t.word)
        })
    };
    if cues_in_clause.iter().any(|c| {
        c.last <= hit.first
            && !new_subject(c.last)
            && (!(c.np || adjectival(c)) || hit.first - c.last <= 4)
            && !toks[c.last..hit.first]
                .iter()
                .any(|t| matches!(t.key.as_str(), "after" | "following" | "during" | "since"))
    }) {
        return false;
    }
    // a contact noun whose verb is modal: "a further conversation between
    // Biden and Putin might be the most productive way forward"
    if CONTACT_NOUNS.contains(&toks[hit.last - 1].key.as_str())
        && toks[hit.last..clause.1.min(hit.last + 10)]
            .iter()
            .any(|t| MODALS.contains(&t.key.as_str()))
    {
        return false;
    }
    if hit.first > 0
        && toks[hit.first - 1].key == "to"
        && BASE_FORMS.contains(&toks[hit.first].key.as_str())
    {
        return false;
    }
    // "a possible visit", "the planned meeting" are caught above; an undoing
    // word after the contact word in the same clause cancels it
    if toks[hit.last..clause.1]
        .iter()
        .any(|t| UNDOING.contains(&t.key.as_str()))
    {
        return false;
    }
    if toks[hit.last..clause.1]
        .windows(2)
        .any(|w| w[0].key == "called" && w[1].key == "off")
    {
        return false;
    }
    true
}

/// Nouns after an organisation that make it the occasion, not a party.
const FORUM_NOUNS: &[&str] = &[
    "summit",
    "summits",
    "meeting",
    "meetings",
    "talks",
    "leaders",
    "ministers",
    "gathering",
    "conference",
    "forum",
    "session",
    "sidelines",
    "member",
    "members",
    "countries",
    "nations",
    "headquarters",
    "chief",
    "partners",
    "allies",
];

/// Verbs of saying: what follows is reported speech.
pub const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "stated",
    "claimed",
    "insisted",
    "wrote",
    "tweeted",
    "posted",
    "confirmed",
    "denied",
    "noted",
    "added",
    "argued",
    "suggested",
    "warned",
    "reported",
    "according",
];

/// Verbs whose object is spoken to: a party when a contact word came first.
const TALKING_TO: &[&str] = &[
    "told",
    "urged",
    "warned",
    "asked",
    "thanked",
    "congratulated",
];

/// Participles whose "by" names someone taking part.
const AGENTIVE: &[&str] = &[
    "hosted",
    "attended",
    "joined",
    "received",
    "welcomed",
    "greeted",
    "accompanied",
    "chaired",
    "led",
    "met",
    "visited",
    "called",
    "phoned",
];

/// Prepositions after which an actor is talked about, not taking part.
const BLOCKING: &[&str] = &[
    "by",
    "about",
    "against",
    "over",
    "of",
    "for",
    "from",
    "regarding",
    "on",
    "toward",
    "towards",
    "at",
    "like",
    "than",
    "under",
    "behind",
    "criticised",
    "criticized",
    "accused",
    "urged",
    "warned",
    "told",
    "asked",
    "blamed",
    "praised",
    "thanked",
    "congratulated",
    "condemned",
];

/// The actors taking part in the contact at `hit` within the clause: those
/// before it (the subjects) and after it (objects after "with", lists),
/// leaving out actors after a blocking word and possessives that are not the
/// owner of the contact ("Netanyahu's remarks").
pub fn participants(
    toks: &[Token],
    clause: (usize, usize),
    hit: &Hit,
    all_hits: &[Hit],
    cues: &[CueHit],
    mentions: &[Mention],
) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in mentions {
        if m.first < clause.0 || m.last > clause.1 {
            continue;
        }
        // "a letter ... inviting him": after a plan word, someone else's plan
        if m.first >= hit.last
            && cues
                .iter()
                .any(|c| !c.np && c.first >= hit.last && c.last <= m.first)
        {
            continue;
        }
        // an object belongs to the nearest contact word before it:
        // "arrived in Hiroshima ... is due to meet Biden" — Biden is the meeting's
        if m.first >= hit.last
            && all_hits
                .iter()
                .any(|o| o.first >= hit.last && o.last <= m.first && o.first != hit.first)
        {
            continue;
        }
        let prev = (clause.0..m.first)
            .rev()
            .find(|&k| toks[k].word && !matches!(toks[k].key.as_str(), "the" | "a" | "an"))
            .map(|k| toks[k].key.as_str());
        // a forum named as the occasion: "the BRICS summit", "G20 talks"
        if toks
            .get(m.last)
            .is_some_and(|t| FORUM_NOUNS.contains(&t.key.as_str()))
        {
            continue;
        }
        // "Putin informed the Prime Minister of Israel about his
        // conversations with ...": the one told about a contact is not in it
        if m.last <= hit.first
            && toks[m.last..hit.first]
                .iter()
                .any(|t| matches!(t.key.as_str(), "about" | "on" | "of"))
            && toks[m.first.saturating_sub(3)..m.first]
                .iter()
                .any(|t| matches!(t.key.as_str(), "informed" | "briefed" | "told" | "updated"))
        {
            continue;
        }
        // "before the Putin call", "since the Biden-Xi summit": another
        // contact, named as a moment
        if toks
            .get(m.last)
            .is_some_and(|t| CONTACT_NOUNS.contains(&t.key.as_str()))
            && (m.first.saturating_sub(2)..m.first)
                .any(|k| matches!(toks[k].key.as_str(), "before" | "after" | "since" | "until"))
        {
            continue;
        }
        // "according to X", "said X"
        let according =
            m.first >= 2 && toks[m.first - 1].key == "to" && toks[m.first - 2].key == "according";
        if according {
            continue;
        }
        if m.possessive {
            // "Biden's call with Xi" takes part; "Netanyahu's remarks" does
            // not, nor "Raisi's predecessor Hassan Rouhani met ..."
            let relation = toks.get(m.last + 1).is_some_and(|t| {
                matches!(
                    t.key.as_str(),
                    "predecessor"
                        | "successor"
                        | "wife"
                        | "husband"
                        | "son"
                        | "daughter"
                        | "brother"
                        | "sister"
                        | "aide"
                        | "adviser"
                        | "advisor"
                        | "envoy"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                        | "deputy"
                        | "rival"
                        | "opponent"
                        | "ally"
                        | "lawyer"
                        | "minister"
                        | "ambassador"
                        | "chief"
                )
            });
            let owner = !relation && m.last < hit.first && hit.first <= m.last + 4;
            if !owner {
                continue;
            }
        }
        // "a meeting between X and Y" names parties; "relations between X and Y" does not
        let between_trigger = prev == Some("between")
            && (hit.last..m.first).any(|k| toks[k].key == "between")
            && toks[hit.last..m.first].iter().filter(|t| t.word).count() <= 3;
        if prev == Some("between") && !between_trigger {
            continue;
        }
        // "a visit ... at the invitation of President Zelensky": the host
        let host = prev == Some("of")
            && m.first >= 2
            && (m.first.saturating_sub(3)..m.first).any(|k| toks[k].key == "invitation");
        if prev.is_some_and(|p| BLOCKING.contains(&p)) && !host {
            // "hosted by Macron", "joined by von der Leyen": the agent takes part
            // (the participle may stand a few words back: "being received in
            // Abu Dhabi by the UAE president")
            let agent = prev == Some("by")
                && (clause.0.max(m.first.saturating_sub(8))..m.first)
                    .any(|k| AGENTIVE.contains(&toks[k].key.as_str()));
            // "In a phone call on Saturday, Macron told Putin ...": after a
            // fronted contact, the one told is the other party
            let fronted = hit.last <= m.first
                && prev.is_some_and(|p| TALKING_TO.contains(&p))
                && !toks[hit.last..m.first].iter().any(|t| t.key == "that");
            // "received a phone call today from Zelenskyy" (a letter "from"
            // someone may be handed by another)
            let caller = prev == Some("from")
                && hit.last <= m.first
                && hit.kind == TriggerKind::Call
                && m.first - hit.last <= 4;
            if !agent && !fronted && !caller {
                continue;
            }
        }
        // the speaker of reported speech: "Macron said (that) Biden and Putin
        // had agreed to a summit" is not Macron's contact
        if m.last <= hit.first
            && toks[m.last..hit.first]
                .iter()
                .any(|t| SPEECH.contains(&t.key.as_str()))
        {
            continue;
        }
        // an attribution after the contact: "..., X said" / "X told reporters"
        // ("In a phone call, Macron told Putin ..." is the call's two parties)
        let tells_a_party = toks.get(m.last).is_some_and(|t| t.key == "told")
            && mentions.iter().any(|o| o.first == m.last + 1);
        let said = !tells_a_party
            && toks.get(m.last).is_some_and(|t| {
                matches!(t.key.as_str(), "said" | "says" | "told" | "added" | "noted")
            });
        if said && m.first > hit.last {
            continue;
        }
        out.push(m.clone());
    }
    out
}

/// Does the text say how they talked: by phone or video, or in person?
pub fn medium(toks: &[Token], from: usize, to: usize) -> Option<TriggerKind> {
    let mut prev = "";
    for t in &toks[from..to] {
        match t.key.as_str() {
            "phone" | "telephone" | "video" | "virtual" | "virtually" | "videoconference"
            | "phoned" | "telephoned" => return Some(TriggerKind::Call),
            "face-to-face" | "in-person" => return Some(TriggerKind::Meeting),
            "person" if prev == "in" => return Some(TriggerKind::Meeting),
            _ => {}
        }
        prev = &t.key;
    }
    None
}

/// Is this mention one of those a clause's actors may be completed with?
pub fn is_group(m: &Mention) -> bool {
    matches!(m.target, Target::Group | Target::They)
}
