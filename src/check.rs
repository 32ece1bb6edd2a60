//! Claim checking: does a stated gap ("the first call in 27 days") hold up
//! against the recorded contacts of the pair? Pure: a claim and the pair's
//! contacts in, a verdict with a one-line reason out. The claim's basis picks
//! which contacts count: calls, meetings (and visits), or every contact.

use crate::date::Span;
use crate::extract::{Basis, EventKind};
use crate::gaps::Days;
use crate::model::{Claim, Contact};
use chrono::Days as ChronoDays;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Consistent,
    Contradicted,
    Unverifiable,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Consistent => "consistent",
            Status::Contradicted => "contradicted",
            Status::Unverifiable => "unverifiable",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        [
            Status::Consistent,
            Status::Contradicted,
            Status::Unverifiable,
        ]
        .into_iter()
        .find(|st| st.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub status: Status,
    pub reason: String,
    /// Events inside the claimed silence (for a contradiction), latest first.
    pub conflicts: Vec<i64>,
}

/// Whether a contact of `kind` counts for a claim about `basis`.
pub fn counts_for(basis: Basis, kind: EventKind) -> bool {
    match basis {
        Basis::Call => kind == EventKind::Call,
        Basis::Meeting => matches!(kind, EventKind::Meeting | EventKind::Visit),
        Basis::Contact => kind.is_contact(),
    }
}

/// The date of the contact that ends the claimed silence.
pub fn ending_of(claim: &Claim, contacts: &[Contact]) -> Option<Span> {
    claim.ending.or_else(|| {
        claim
            .ending_event
            .and_then(|id| contacts.iter().find(|c| c.event == id).map(|c| c.span))
    })
}

/// The previous contact the claim implies, from its stated date or from
/// the ending date and the day range.
pub fn implied_previous(claim: &Claim, ending: Option<Span>) -> Option<Span> {
    if claim.implied_previous.is_some() {
        return claim.implied_previous;
    }
    let e = ending?;
    let min = claim.min_days?;
    let latest = e
        .start
        .checked_sub_days(ChronoDays::new(min.max(0) as u64))?;
    let earliest = match claim.max_days {
        Some(max) => e
            .start
            .checked_sub_days(ChronoDays::new(max.max(0) as u64))?,
        None => return None,
    };
    Some(Span::range(earliest, latest))
}

fn dated(c: &Contact) -> String {
    format!("{} {} (event {})", c.kind.as_str(), c.span.value(), c.event)
}

/// Check a claim against the pair's contacts (any order).
pub fn check(claim: &Claim, contacts: &[Contact]) -> Verdict {
    let basis = claim.basis.as_str();
    let unverifiable = |reason: String| Verdict {
        status: Status::Unverifiable,
        reason,
        conflicts: Vec::new(),
    };
    let Some(ending) = ending_of(claim, contacts) else {
        return unverifiable("the contact that ends the silence has no date".into());
    };
    let mut prior: Vec<&Contact> = contacts
        .iter()
        .filter(|c| Some(c.event) != claim.ending_event)
        .filter(|c| counts_for(claim.basis, c.kind) && c.span.start < ending.start)
        .collect();
    prior.sort_by_key(|c| (std::cmp::Reverse(c.span.start), std::cmp::Reverse(c.event)));
    let before: Vec<&Contact> = prior
        .iter()
        .copied()
        .filter(|c| c.span.end < ending.start)
        .collect();

    if claim.first_ever {
        return match before.first() {
            Some(c) => Verdict {
                status: Status::Contradicted,
                reason: format!("not the first {basis}: {} came before", dated(c)),
                conflicts: before.iter().map(|c| c.event).collect(),
            },
            None => Verdict {
                status: Status::Consistent,
                reason: format!("no earlier {basis} recorded"),
                conflicts: Vec::new(),
            },
        };
    }
    let Some(min) = claim.min_days else {
        return unverifiable("the claim states no length of silence".into());
    };
    let inside: Vec<&Contact> = before
        .iter()
        .copied()
        .filter(|c| Days::between(&c.span, &ending).max < min)
        .collect();
    if let Some(c) = inside.first() {
        let gap = Days::between(&c.span, &ending);
        return Verdict {
            status: Status::Contradicted,
            reason: format!(
                "{} is inside the silence, {} days before {}",
                dated(c),
                gap.display(),
                ending.value()
            ),
            conflicts: inside.iter().map(|c| c.event).collect(),
        };
    }
    let implied = implied_previous(claim, Some(ending))
        .map(|s| format!(" (implied: {})", s.value()))
        .unwrap_or_default();
    let Some(latest) = prior.first() else {
        return unverifiable(format!("no earlier {basis} recorded{implied}"));
    };
    let gap = Days::between(&latest.span, &ending);
    let fits_max = claim.max_days.is_none_or(|max| gap.max <= max);
    if gap.min >= min && fits_max {
        return Verdict {
            status: Status::Consistent,
            reason: format!("previous: {}, {} days before", dated(latest), gap.display()),
            conflicts: Vec::new(),
        };
    }
    if claim.max_days.is_some_and(|max| gap.min > max) {
        return unverifiable(format!(
            "last recorded: {}, {} days before; a later one is missing{implied}",
            dated(latest),
            gap.display()
        ));
    }
    unverifiable(format!(
        "last recorded: {}, {} days before: too imprecise to confirm",
        dated(latest),
        gap.display()
    ))
}

#[cfg(test)]
mod tests;
