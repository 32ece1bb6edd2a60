//! `claims`: every stated gap with its status, computed now.

use super::{open, Io, Outcome};
use crate::check::{self, Status, Verdict};
use crate::date::Span;
use crate::lanes::{self, Lane, LaneClaim, LaneKey};
use crate::model::{Claim, Contact};
use crate::render::{json, text, write_json};
use crate::request::Context;
use crate::store::{Access, Db};
use anyhow::Result;
use std::collections::{HashMap, HashSet};

/// A claim with its ending date, implied previous contact and verdict.
pub type Checked = (Claim, Option<Span>, Option<Span>, Verdict);

/// Check claims against the recorded contacts of their pairs.
pub fn evaluate(db: Db<'_>, claims: Vec<Claim>) -> Result<Vec<Checked>> {
    let mut contacts: HashMap<(i64, i64), Vec<Contact>> = HashMap::new();
    let mut out = Vec::with_capacity(claims.len());
    for claim in claims {
        let (a, b) = (claim.actors[0].id, claim.actors[1].id);
        let key = (a.min(b), a.max(b));
        let pair = match contacts.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(db.pair_contacts(a, b)?),
        };
        let pair: &[Contact] = pair;
        let mut verdict = check::check(&claim, pair);
        // name where the contradicting contact comes from
        if let Some(&first) = verdict.conflicts.first() {
            if let Some(event) = db.event(first)? {
                verdict
                    .reason
                    .push_str(&format!("; source: {}", source_of(&event)));
            }
        }
        let ending = check::ending_of(&claim, pair);
        let implied = check::implied_previous(&claim, ending);
        out.push((claim, ending, implied, verdict));
    }
    Ok(out)
}

/// Give the pair lanes of a picture the checked claims about their pairs.
pub fn attach(db: Db<'_>, lanes: &mut [Lane]) -> Result<()> {
    let keys: HashSet<LaneKey> = lanes.iter().map(|l| l.key).collect();
    let key = |c: &Claim| {
        let (a, b) = (c.actors[0].id, c.actors[1].id);
        LaneKey::Pair(a.min(b), a.max(b))
    };
    let claims = db
        .claims()?
        .into_iter()
        .filter(|c| keys.contains(&key(c)))
        .collect();
    let checked = evaluate(db, claims)?
        .into_iter()
        .map(|(c, ending, implied, v)| {
            let lc = LaneClaim::new(&c, ending, implied, v.status, &v.reason);
            (c, lc)
        })
        .collect();
    lanes::attach_claims(lanes, checked);
    Ok(())
}

/// How a reader finds the report of an event: its first source, or that it
/// was recorded by hand or imported without one.
fn source_of(event: &crate::model::Event) -> String {
    match event.sources.first() {
        Some(s) => match s.article {
            Some(a) => format!("article {a}, {:?}", s.name()),
            None => s.name(),
        },
        None => match event.origin {
            crate::model::Origin::Manual => "recorded by hand".to_string(),
            other => format!("{} (no source recorded)", other.as_str()),
        },
    }
}

pub fn run(ctx: &Context, status: Option<Status>, io: &mut Io<'_>) -> Result<Outcome> {
    let store = open(ctx, Access::Read)?;
    let db = store.db();
    let mut checked = evaluate(db, db.claims()?)?;
    if let Some(status) = status {
        checked.retain(|(_, _, _, v)| v.status == status);
    }
    if ctx.json {
        let list: Vec<json::ClaimJson> = checked
            .iter()
            .map(|(c, e, i, v)| json::ClaimJson::new(c, *e, *i, v))
            .collect();
        write_json(io.out, &list)?;
    } else {
        text::claims(io.out, &checked)?;
    }
    Ok(Outcome::Done)
}
