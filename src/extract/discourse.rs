//! How the sentences of an article hang together, and the clause-level
//! cues the article pass reads them with: the story's day ("The day
//! before", "two days later", a live blog's entry header), dates that count
//! from the moment of writing or from the past being told, government
//! readouts, habits, lists of those present, one person speaking about
//! another, "is likely" after a contact.

use super::events::{self, Hit};
use super::mentions::{Mention, Resolver, Target};
use super::temporal::{self, Prefer};
use super::text::Token;
use crate::date::Span;
use crate::lexicon::fold;
use chrono::NaiveDate;

/// "a day after", "two days before", "a week earlier" opening a clause: the
/// event it introduces is that far from the clause before (days; sign −1
/// for after/earlier: "X, a day after Y" puts Y a day before X).
pub(super) fn anchor_offset(toks: &[Token]) -> Option<(u64, i64)> {
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.word)
        .take(4)
        .map(|t| t.key.as_str())
        .collect();
    // "hours after", "minutes before": the same day
    if matches!(*words.first()?, "hours" | "minutes")
        && matches!(words.get(1).copied(), Some("after" | "before"))
    {
        return Some((0, -1));
    }
    let n = match *words.first()? {
        "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        w => w.parse().ok()?,
    };
    let unit = match *words.get(1)? {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        _ => return None,
    };
    match *words.get(2)? {
        "after" => Some((n * unit, -1)),
        "before" => Some((n * unit, 1)),
        _ => None,
    }
}

/// A date expression that counts from the moment of writing ("last
/// month", "on Tuesday", "yesterday"), not from a date the text gave.
pub(super) fn deictic(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .any(|w| {
            matches!(
                w.as_str(),
                "last"
                    | "next"
                    | "this"
                    | "ago"
                    | "yesterday"
                    | "today"
                    | "tomorrow"
                    | "tonight"
                    | "week"
                    | "weekend"
                    | "earlier"
                    | "later"
                    | "recent"
                    | "recently"
                    | "past"
                    | "coming"
                    | "now"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
            )
        })
}

/// `text` (a date without a year) read from `anchor`: in the anchor's
/// year, and not after the publication date.
pub(super) fn reanchor(text: &str, anchor: NaiveDate, reference: NaiveDate) -> Option<Span> {
    use chrono::Datelike;
    [Prefer::Past, Prefer::Future]
        .into_iter()
        .filter_map(|p| temporal::resolve(text, anchor, p))
        .find(|s| {
            s.end <= reference && s.start.year() == anchor.year() && s.end.year() == anchor.year()
        })
}

/// Whether an article is a government's own account of the day's contacts:
/// its source names a seat of government ("President of Russia", "The
/// White House", "Ministry of External Affairs") or its title is a readout's.
pub(super) fn is_readout(source: Option<&str>, title: Option<&str>, body: &str) -> bool {
    let heading = title
        .map(str::to_string)
        .or_else(|| {
            body.lines()
                .find(|l| !l.trim().is_empty())
                .map(str::to_string)
        })
        .map(|t| fold(&t))
        .unwrap_or_default();
    let readout_title = [
        "readout",
        "telephone conversation",
        "phone conversation",
        "telephone talk",
        "phone call with",
        "call with",
        "talks with",
        "meeting with",
        "visit of",
        "meets with",
        "held talks",
        "spoke with",
    ]
    .iter()
    .any(|k| heading.starts_with(k) || heading.contains(&format!(" {k}")))
        && heading.len() < 120;
    let government = source.is_some_and(|s| {
        let s = fold(s);
        [
            "white house",
            "president of russia",
            "kremlin",
            "ministry of",
            "prime minister's office",
            "government",
            "elysee",
            "chancellery",
            "bundesregierung",
            "mofa",
            "state council",
            "european council",
            "10 downing street",
            "gov.uk",
            "pib",
        ]
        .iter()
        .any(|k| s.contains(k))
    });
    readout_title || government
}

/// "where a meeting with President Putin is likely": a contact whose
/// clause goes on to call it likely, possible or expected is not one yet.
pub(super) fn likely_after(rest: &[Token]) -> bool {
    rest.windows(2).any(|w| {
        matches!(
            w[0].key.as_str(),
            "is" | "was" | "are" | "were" | "seems" | "remains" | "looks"
        ) && matches!(
            w[1].key.as_str(),
            "likely"
                | "unlikely"
                | "possible"
                | "expected"
                | "planned"
                | "scheduled"
                | "due"
                | "set"
                | "mooted"
                | "envisaged"
        )
    })
}

/// "Trump wrote that there was no reason for Putin to ...": one person
/// speaking about another does not make them "the two men".
pub(super) fn speech_between(res: &Resolver<'_>, toks: &[Token], mentions: &[Mention]) -> bool {
    let people: Vec<&Mention> = mentions
        .iter()
        .filter(|m| matches!(m.target, Target::Actor(i) if res.is_person(i)))
        .collect();
    // between the first person and the first other one
    let (Some(first), Some(last)) = (
        people.first(),
        people.iter().find(|m| m.target != people[0].target),
    ) else {
        return false;
    };
    first.last <= last.first
        && toks[first.last..last.first].iter().any(|t| {
            events::SPEECH.contains(&t.key.as_str())
                || matches!(
                    t.key.as_str(),
                    "wrote" | "posted" | "accused" | "criticised" | "criticized"
                )
        })
}

/// The first contact word of a clause, or its start.
pub(super) fn first_hit_at(real: &[&Hit], c0: usize) -> usize {
    real.iter().map(|h| h.first).min().unwrap_or(c0)
}

/// Move the story to `day` (told in sentence `si`) if `moves_story` lets it.
pub(super) fn advance_story(
    story: &mut Option<(NaiveDate, usize)>,
    day: NaiveDate,
    si: usize,
    opener: Option<&str>,
) {
    if moves_story(*story, day, opener) {
        *story = Some((day, si));
    }
}

/// Whether a contact on `day` moves the story there: a relative or
/// subordinate clause may look forward, not back ("He arrived from Paris,
/// where he had talks with Macron yesterday" leaves the story in Abu Dhabi).
fn moves_story(story: Option<(NaiveDate, usize)>, day: NaiveDate, opener: Option<&str>) -> bool {
    let subordinate = matches!(
        opener,
        Some("who" | "whom" | "which" | "where" | "when" | "after" | "before" | "while" | "as")
    );
    !subordinate || story.is_none_or(|(d, _)| day >= d)
}

/// Words that date a clause from the day the story has reached, not from
/// the publication date: "The day before, ...", "Two days later", "later
/// that day", "the following week". The offset in days from that day, and
/// where the phrase ends (a token index in `toks`).
pub(super) fn story_offset(toks: &[Token]) -> Option<(i64, usize)> {
    let number = |w: &str| -> Option<i64> {
        Some(match w {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "ten" => 10,
            w => w.parse().ok().filter(|n: &i64| (1..=60).contains(n))?,
        })
    };
    let key = |k: usize| toks.get(k).map_or("", |t| t.key.as_str());
    for i in 0..toks.len() {
        let (w0, w1, w2) = (key(i), key(i + 1), key(i + 2));
        let found = match (w0, w1, w2) {
            ("the" | "a", "day" | "night" | "evening", "before" | "earlier" | "prior")
            | ("the", "previous" | "preceding", "day" | "evening" | "night") => Some((-1, i + 3)),
            ("the", "next" | "following", "day" | "morning" | "evening")
            | ("the", "day" | "morning", "after") => Some((1, i + 3)),
            ("later" | "earlier", "that" | "the" | "in", "day" | "morning" | "evening")
            | ("that" | "the", "same", "day" | "evening" | "morning" | "night")
            | ("later" | "earlier", "that", "week")
            | ("that", "evening" | "night" | "afternoon", _)
            | ("hours", "later" | "earlier", _) => Some((0, i + 3)),
            (n, "day" | "days", "later" | "earlier") => number(n).map(|n| {
                let sign = if w2 == "later" { 1 } else { -1 };
                (sign * n, i + 3)
            }),
            (n, "week" | "weeks", "later" | "earlier") => number(n).map(|n| {
                let sign = if w2 == "later" { 1 } else { -1 };
                (sign * 7 * n, i + 3)
            }),
            _ => None,
        };
        // "that evening" and "hours later" are two words
        if let Some((n, end)) = found {
            let end = if matches!(w0, "that" | "hours") {
                i + 2
            } else {
                end
            };
            // "the day before the summit": that day is the summit's, not the story's
            if matches!(key(end), "the" | "a" | "his" | "her" | "their" | "its") {
                continue;
            }
            return Some((n, end.min(toks.len())));
        }
    }
    None
}

/// A clause about what happens often, not on one day: "have met several
/// times", "speak regularly". (The perfect alone is news in British style:
/// "Boris Johnson has spoken to Joe Biden".)
pub(super) fn habitual(toks: &[Token]) -> bool {
    toks.iter().any(|t| {
        matches!(
            t.key.as_str(),
            "often"
                | "regularly"
                | "frequently"
                | "repeatedly"
                | "usually"
                | "routinely"
                | "times"
                | "occasions"
                | "every"
                | "sometimes"
                | "never"
                | "ever"
        )
    })
}

/// Phrases that list who else was at a contact just reported: "Around the
/// table were ...", "Also present were ...", "Joining them were ...".
const PRESENCE: &[&[&str]] = &[
    &["around", "the", "table"],
    &["present", "were"],
    &["were", "present"],
    &["also", "present"],
    &["in", "attendance"],
    &["joining", "them"],
    &["joining", "him"],
    &["joining", "her"],
    &["were", "joined", "by"],
    &["was", "joined", "by"],
    &["participants", "included"],
    &["attendees", "included"],
    &["also", "attending"],
    &["also", "attended", "by"],
    &["attended", "by"],
];

pub(super) fn presence(toks: &[Token]) -> bool {
    PRESENCE.iter().any(|p| {
        toks.windows(p.len())
            .any(|w| w.iter().zip(p.iter()).all(|(t, k)| t.key == *k))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readouts() {
        assert!(is_readout(
            None,
            Some("Readout of President Biden's Call with Prime Minister Kishida"),
            ""
        ));
        assert!(is_readout(
            None,
            None,
            "Telephone conversation with President of Egypt\n\nText."
        ));
        assert!(is_readout(
            Some("President of Russia"),
            Some("Anything"),
            ""
        ));
        assert!(!is_readout(
            Some("Reuters"),
            Some("Biden, Xi clash over Taiwan"),
            ""
        ));
        // a long news headline that mentions talks is not a readout's title
        let long = "Meeting with the press after months of silence and a cancelled trip, the two \
                    leaders said little about trade, security or the war in Ukraine";
        assert!(long.len() >= 120);
        assert!(!is_readout(Some("AP"), Some(long), ""));
    }
}
