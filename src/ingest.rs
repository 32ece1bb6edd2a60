//! From an article and what extraction found in it to stored records: the
//! article, its actors (resolved or created), its events (new, or a source
//! added to the event they repeat) and its claims. Runs inside the caller's
//! transaction, so one article is written whole or not at all.

use crate::article::Article;
use crate::date::Span;
use crate::extract::{EventKind, Extraction};
use crate::model::{Origin, Source};
use crate::resolve::resolve_or_create;
use crate::store::{Attach, Match, NewArticle, NewClaim, NewEvent, StoreError, Tx};

/// An event as an article reported it, for the summary line of `add`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    pub kind: EventKind,
    pub span: Span,
    pub actors: Vec<String>,
    /// `None` in a dry run.
    pub attach: Option<Attach>,
}

/// What one article yielded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub article: Option<i64>,
    pub events: Vec<Reported>,
    pub claims: usize,
}

/// What a dry run shows: the events and claims, without touching the store.
pub fn preview(x: &Extraction) -> Recorded {
    Recorded {
        article: None,
        events: x
            .events
            .iter()
            .map(|e| Reported {
                kind: e.kind,
                span: e.date,
                actors: e
                    .actors
                    .iter()
                    .filter_map(|&i| x.actors.get(i).map(|a| a.name.clone()))
                    .collect(),
                attach: None,
            })
            .collect(),
        claims: x.claims.len(),
    }
}

/// Store an article and what was extracted from it.
pub fn record(tx: &Tx<'_>, article: &Article, x: &Extraction) -> Result<Recorded, StoreError> {
    let sha = article.sha256();
    let article_id = tx.insert_article(&NewArticle {
        sha256: &sha,
        title: article.title.as_deref(),
        url: article.url.as_deref(),
        source: article.source.as_deref(),
        published: article.published,
        published_time: article.published_time.as_deref(),
        body: &article.body,
        path: article.path.as_deref(),
    })?;
    let mut actor_ids = Vec::with_capacity(x.actors.len());
    for actor in &x.actors {
        actor_ids.push(resolve_or_create(tx, actor)?);
    }
    let mut event_ids = Vec::with_capacity(x.events.len());
    let mut reported = Vec::with_capacity(x.events.len());
    for frame in &x.events {
        let actors: Vec<i64> = frame
            .actors
            .iter()
            .filter_map(|&i| actor_ids.get(i).copied())
            .collect();
        let source = Source {
            article: Some(article_id),
            evidence: Some(frame.evidence.clone()),
            span: Some((frame.span.0 as i64, frame.span.1 as i64)),
            ..Source::default()
        };
        let attach = tx.record_event(
            &NewEvent {
                kind: frame.kind,
                span: frame.date,
                origin: Origin::Extracted,
                note: None,
                actors: &actors,
                ext_id: None,
            },
            Some(&source),
            Match::Containing,
        )?;
        event_ids.push(attach.id());
        reported.push(Reported {
            kind: frame.kind,
            span: frame.date,
            actors: frame
                .actors
                .iter()
                .filter_map(|&i| x.actors.get(i).map(|a| a.name.clone()))
                .collect(),
            attach: Some(attach),
        });
    }
    let mut claims = 0;
    for claim in &x.claims {
        let (Some(&a), Some(&b)) = (
            actor_ids.get(claim.actors[0]),
            actor_ids.get(claim.actors[1]),
        ) else {
            continue;
        };
        let ending_event = claim.ending.and_then(|i| event_ids.get(i).copied());
        let ending = claim
            .ending_date
            .or_else(|| claim.ending.and_then(|i| x.events.get(i).map(|e| e.date)));
        tx.insert_claim(&NewClaim {
            article: article_id,
            actors: [a, b],
            text: &claim.text,
            min_days: claim.min_days,
            max_days: claim.max_days,
            basis: claim.basis,
            first_ever: claim.first_ever,
            ending_event,
            ending,
            implied_previous: claim.implied_previous,
            evidence: Some(&claim.evidence),
        })?;
        claims += 1;
    }
    Ok(Recorded {
        article: Some(article_id),
        events: reported,
        claims,
    })
}
