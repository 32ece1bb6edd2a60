//! Lanes: what the timeline pictures draw (the terminal chart, the HTML
//! page). The contacts of a timeline grouped into one lane per pair (an
//! event of three actors is a contact of each of its three pairs), one lane
//! per actor for one-actor events such as statements, each lane with the gap
//! before each contact, which gaps are silences longer than the pair's
//! median, and the checked claims about the pair. Pure: events, contacts and
//! claims in, lanes out; no database and no drawing.

use crate::check::Status;
use crate::date::Span;
use crate::extract::EventKind;
use crate::gaps::{gaps, long_silences, since, Days};
use crate::model::{Claim, Contact, Event};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A pair of actor ids (smaller first) or one actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LaneKey {
    Pair(i64, i64),
    Actor(i64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    /// The actors' names: two for a pair, one for an actor.
    pub actors: Vec<String>,
    /// Oldest first.
    pub contacts: Vec<LaneContact>,
    pub claims: Vec<LaneClaim>,
    /// The silence since the last contact up to a date (`gaps A B`).
    pub silence: Option<(NaiveDate, Days)>,
}

impl Lane {
    /// `Joe Biden — Xi Jinping`.
    pub fn label(&self) -> String {
        self.actors.join(" — ")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LaneContact {
    pub event: i64,
    pub kind: EventKind,
    pub span: Span,
    /// Days since the previous contact of the lane.
    pub gap: Option<Days>,
    /// The gap is longer than the lane's median gap.
    pub long: bool,
}

/// A stated silence and its verdict, where a picture needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaneClaim {
    pub id: i64,
    pub text: String,
    pub min_days: Option<i64>,
    pub max_days: Option<i64>,
    pub first_ever: bool,
    /// The contact that ends the silence.
    pub ending: Option<Span>,
    /// The previous contact the claim implies.
    pub implied: Option<Span>,
    pub status: Status,
    pub reason: String,
}

impl LaneClaim {
    pub fn new(
        c: &Claim,
        ending: Option<Span>,
        implied: Option<Span>,
        status: Status,
        reason: &str,
    ) -> Self {
        LaneClaim {
            id: c.id,
            text: c.text.clone(),
            min_days: c.min_days,
            max_days: c.max_days,
            first_ever: c.first_ever,
            ending,
            implied,
            status,
            reason: reason.to_string(),
        }
    }

    /// The stated length: `27 d`, `107..137 d`, `31+ d`, `first`.
    pub fn days_text(&self) -> String {
        match (self.min_days, self.max_days) {
            (Some(a), Some(b)) if a == b => format!("{a} d"),
            (Some(a), Some(b)) => format!("{a}..{b} d"),
            (Some(a), None) => format!("{a}+ d"),
            (None, _) if self.first_ever => "first".into(),
            (None, _) => String::new(),
        }
    }

    /// Where the claimed silence begins: the implied previous contact, else
    /// the least stated length before the ending.
    pub fn silence_start(&self) -> Option<NaiveDate> {
        if let Some(i) = self.implied {
            return Some(i.start);
        }
        let end = self.ending?;
        end.start
            .checked_sub_days(chrono::Days::new(self.min_days?.max(0) as u64))
    }
}

fn lane_contacts(items: Vec<(i64, EventKind, Span)>) -> Vec<LaneContact> {
    let spans: Vec<Span> = items.iter().map(|c| c.2).collect();
    let gaps = gaps(&spans);
    let long = long_silences(&gaps);
    items
        .into_iter()
        .zip(gaps.into_iter().zip(long))
        .map(|((event, kind, span), (gap, long))| LaneContact {
            event,
            kind,
            span,
            gap,
            long,
        })
        .collect()
}

/// The lanes of a timeline: `events` oldest first, `pairs` gives the pairs
/// of an event that count (see `timeline`), `actors` the actors asked for
/// (none: everyone), which picks the actor lanes of one-actor events.
/// Lanes come busiest first, then by their first contact.
pub fn from_events(
    events: &[Event],
    pairs: impl Fn(&Event) -> Vec<(i64, i64)>,
    actors: &[i64],
) -> Vec<Lane> {
    let mut names: HashMap<i64, &str> = HashMap::new();
    let mut items: HashMap<LaneKey, Vec<(i64, EventKind, Span)>> = HashMap::new();
    let mut order: Vec<(LaneKey, Vec<i64>)> = Vec::new();
    for e in events {
        for a in &e.actors {
            names.insert(a.id, &a.name);
        }
        let keys: Vec<LaneKey> = if e.kind.is_contact() {
            pairs(e)
                .into_iter()
                .map(|(a, b)| LaneKey::Pair(a, b))
                .collect()
        } else {
            e.actors
                .iter()
                .filter(|a| actors.is_empty() || actors.contains(&a.id))
                .map(|a| LaneKey::Actor(a.id))
                .collect()
        };
        for k in keys {
            let list = items.entry(k).or_insert_with(|| {
                // Names in the order the first event of the lane gives them.
                let ids: Vec<i64> = match k {
                    LaneKey::Pair(a, b) => {
                        let pos = |id| e.actors.iter().position(|x| x.id == id);
                        if pos(a) <= pos(b) {
                            vec![a, b]
                        } else {
                            vec![b, a]
                        }
                    }
                    LaneKey::Actor(a) => vec![a],
                };
                order.push((k, ids));
                Vec::new()
            });
            if list.last().map(|l| l.0) != Some(e.id) {
                list.push((e.id, e.kind, e.span));
            }
        }
    }
    let name = |id: i64| names.get(&id).copied().unwrap_or("?").to_string();
    let mut lanes: Vec<Lane> = order
        .into_iter()
        .map(|(key, ids)| {
            let mut list = items.remove(&key).unwrap_or_default();
            list.sort_by_key(|c| (c.2.start, c.2.end, c.0));
            Lane {
                key,
                actors: ids.into_iter().map(name).collect(),
                contacts: lane_contacts(list),
                claims: Vec::new(),
                silence: None,
            }
        })
        .collect();
    // `order` is by first contact already; a stable sort keeps it within a count.
    lanes.sort_by_key(|l| std::cmp::Reverse(l.contacts.len()));
    lanes
}

/// The one lane of `gaps A B`: the pair's contacts (oldest first) and the
/// silence since the last of them up to `as_of`.
pub fn pair_lane(
    key: (i64, i64),
    names: [String; 2],
    contacts: &[Contact],
    as_of: NaiveDate,
) -> Lane {
    let list: Vec<(i64, EventKind, Span)> =
        contacts.iter().map(|c| (c.event, c.kind, c.span)).collect();
    let silence = list.last().map(|c| (as_of, since(&c.2, as_of)));
    Lane {
        key: LaneKey::Pair(key.0.min(key.1), key.0.max(key.1)),
        actors: names.to_vec(),
        contacts: lane_contacts(list),
        claims: Vec::new(),
        silence,
    }
}

/// Give each pair lane the claims about its pair.
pub fn attach_claims(lanes: &mut [Lane], claims: Vec<(Claim, LaneClaim)>) {
    for (c, lc) in claims {
        let (a, b) = (c.actors[0].id, c.actors[1].id);
        let key = LaneKey::Pair(a.min(b), a.max(b));
        if let Some(lane) = lanes.iter_mut().find(|l| l.key == key) {
            lane.claims.push(lc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorName, Origin};

    fn event(id: i64, kind: EventKind, date: &str, actors: &[(i64, &str)]) -> Event {
        Event {
            id,
            kind,
            span: Span::parse_value(date).unwrap(),
            origin: Origin::Manual,
            note: None,
            actors: actors
                .iter()
                .map(|&(id, name)| ActorName {
                    id,
                    name: name.into(),
                })
                .collect(),
            sources: Vec::new(),
        }
    }

    fn all_pairs(e: &Event) -> Vec<(i64, i64)> {
        let ids: Vec<i64> = e.actors.iter().map(|a| a.id).collect();
        let mut out = Vec::new();
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                out.push(((*a).min(*b), (*a).max(*b)));
            }
        }
        out
    }

    #[test]
    fn one_lane_per_pair_busiest_first() {
        let (biden, xi, modi) = ((1, "Joe Biden"), (2, "Xi Jinping"), (3, "Narendra Modi"));
        let events = [
            event(1, EventKind::Meeting, "2019-10", &[modi, xi]),
            event(2, EventKind::Call, "2022-03-18", &[biden, xi]),
            event(3, EventKind::Call, "2022-07-28", &[biden, xi]),
            event(4, EventKind::Meeting, "2022-11-14", &[biden, xi, modi]),
            event(5, EventKind::Statement, "2023-01-01", &[biden]),
        ];
        let lanes = from_events(&events, all_pairs, &[]);
        let got: Vec<(String, usize)> = lanes
            .iter()
            .map(|l| (l.label(), l.contacts.len()))
            .collect();
        assert_eq!(
            got,
            [
                ("Joe Biden — Xi Jinping".to_string(), 3),
                ("Narendra Modi — Xi Jinping".to_string(), 2),
                ("Joe Biden — Narendra Modi".to_string(), 1),
                ("Joe Biden".to_string(), 1),
            ]
        );
        let gaps: Vec<String> = lanes[0]
            .contacts
            .iter()
            .map(|c| c.gap.map(|g| g.display()).unwrap_or_default())
            .collect();
        assert_eq!(gaps, ["", "132", "109"]);
        assert_eq!(lanes[1].contacts[1].gap.unwrap().display(), "1110..1140");
    }

    #[test]
    fn a_pair_lane_ends_with_the_silence() {
        let s = |v: &str| Span::parse_value(v).unwrap();
        let contacts = [
            Contact {
                event: 7,
                kind: EventKind::Call,
                span: s("2023-12-23"),
            },
            Contact {
                event: 1,
                kind: EventKind::Call,
                span: s("2024-01-19"),
            },
        ];
        let lane = pair_lane(
            (2, 1),
            ["Joe Biden".into(), "Benjamin Netanyahu".into()],
            &contacts,
            NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        );
        assert_eq!(lane.key, LaneKey::Pair(1, 2));
        assert_eq!(lane.silence.unwrap().1, Days::exact(42));
        assert_eq!(lane.contacts[1].gap, Some(Days::exact(27)));
    }
}
