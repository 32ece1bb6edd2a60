//! Stated gaps. Stored as the article states them; their status is computed
//! by `check` when asked.

use super::{Db, Result, Tx};
use crate::date::Span;
use crate::extract::Basis;
use crate::model::{ActorName, Claim};
use rusqlite::params;

/// A claim to record.
#[derive(Debug, Clone)]
pub struct NewClaim<'a> {
    pub article: i64,
    pub actors: [i64; 2],
    pub text: &'a str,
    pub min_days: Option<i64>,
    pub max_days: Option<i64>,
    pub basis: Basis,
    pub first_ever: bool,
    pub ending_event: Option<i64>,
    pub ending: Option<Span>,
    pub implied_previous: Option<Span>,
    pub evidence: Option<&'a str>,
}

fn claim_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Claim> {
    let span = |i: usize| -> rusqlite::Result<Option<Span>> {
        let v: Option<String> = r.get(i)?;
        Ok(v.and_then(|v| Span::parse_value(&v).ok()))
    };
    let basis: String = r.get(9)?;
    Ok(Claim {
        id: r.get(0)?,
        article: r.get(1)?,
        actors: [
            ActorName {
                id: r.get(2)?,
                name: r.get(3)?,
            },
            ActorName {
                id: r.get(4)?,
                name: r.get(5)?,
            },
        ],
        text: r.get(6)?,
        min_days: r.get(7)?,
        max_days: r.get(8)?,
        basis: Basis::parse(&basis).unwrap_or(Basis::Contact),
        first_ever: r.get(10)?,
        ending_event: r.get(11)?,
        ending: span(12)?,
        implied_previous: span(13)?,
        evidence: r.get(14)?,
    })
}

const CLAIM_SELECT: &str = "SELECT c.id, c.article, c.actor_a, a.name, c.actor_b, b.name, c.text,
        c.min_days, c.max_days, c.basis, c.first_ever, c.ending_event, c.ending,
        c.implied_previous, c.evidence
    FROM claims c JOIN actors a ON a.id = c.actor_a JOIN actors b ON b.id = c.actor_b";

impl Db<'_> {
    /// Every claim, by article then id.
    pub fn claims(&self) -> Result<Vec<Claim>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{CLAIM_SELECT} ORDER BY c.article, c.id"))?;
        let rows = stmt.query_map([], claim_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn article_claims(&self, article: i64) -> Result<Vec<Claim>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{CLAIM_SELECT} WHERE c.article = ?1 ORDER BY c.id"
        ))?;
        let rows = stmt.query_map([article], claim_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    pub fn insert_claim(&self, c: &NewClaim<'_>) -> Result<i64> {
        self.conn()
            .prepare_cached(
                "INSERT INTO claims (article, actor_a, actor_b, text, min_days, max_days, basis,
                                     first_ever, ending_event, ending, implied_previous,
                                     implied_precision, evidence)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                c.article,
                c.actors[0],
                c.actors[1],
                c.text,
                c.min_days,
                c.max_days,
                c.basis.as_str(),
                c.first_ever,
                c.ending_event,
                c.ending.map(|s| s.value()),
                c.implied_previous.map(|s| s.value()),
                c.implied_previous.map(|s| s.precision.as_str()),
                c.evidence
            ])?;
        Ok(self.conn().last_insert_rowid())
    }
}
