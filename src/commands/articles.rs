//! `articles`, `show ID`, `rm ID…`.

use super::{claims::evaluate, open, Io, Outcome};
use crate::render::{json, text, write_json};
use crate::request::Context;
use crate::store::Access;
use anyhow::{bail, Result};

pub fn list(ctx: &Context, io: &mut Io<'_>) -> Result<Outcome> {
    let store = open(ctx, Access::Read)?;
    let articles = store.db().articles()?;
    if ctx.json {
        let list: Vec<json::ArticleJson> = articles.iter().map(json::ArticleJson::from).collect();
        write_json(io.out, &list)?;
    } else {
        text::articles(io.out, &articles)?;
    }
    Ok(Outcome::Done)
}

#[derive(serde::Serialize)]
struct ShowJson {
    #[serde(flatten)]
    article: json::ArticleJson,
    body: String,
    event_list: Vec<json::EventJson>,
    claim_list: Vec<json::ClaimJson>,
}

pub fn show(ctx: &Context, id: i64, io: &mut Io<'_>) -> Result<Outcome> {
    let store = open(ctx, Access::Read)?;
    let db = store.db();
    let Some(article) = db.article(id)? else {
        bail!("no article {id}");
    };
    let mut events = Vec::new();
    for event in db.article_event_ids(id)? {
        events.extend(db.event(event)?);
    }
    let claims = evaluate(db, db.article_claims(id)?)?;
    if ctx.json {
        let show = ShowJson {
            article: json::ArticleJson::from(&article),
            body: db.article_body(id)?.unwrap_or_default(),
            event_list: events.iter().map(json::EventJson::from).collect(),
            claim_list: claims
                .iter()
                .map(|(c, e, i, v)| json::ClaimJson::new(c, *e, *i, v))
                .collect(),
        };
        write_json(io.out, &show)?;
    } else {
        text::article(io.out, &article, &events, &claims)?;
    }
    Ok(Outcome::Done)
}

pub fn rm(ctx: &Context, ids: &[i64], io: &mut Io<'_>) -> Result<Outcome> {
    let mut store = open(ctx, Access::Write)?;
    let mut failed = false;
    for &id in ids {
        match store.write(|tx| tx.remove_article(id))? {
            Some(events) => {
                let removed = match events.len() {
                    0 => String::from("no events"),
                    1 => format!("event {}", events[0]),
                    _ => format!(
                        "events {}",
                        events
                            .iter()
                            .map(|e| e.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                writeln!(io.out, "removed article {id} and {removed}")?;
            }
            None => {
                failed = true;
                io.problem(format!("no article {id}"));
            }
        }
    }
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}
