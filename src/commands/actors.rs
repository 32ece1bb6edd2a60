//! `actors list / show / add / alias / merge / rename`.

use super::{open, Io, Outcome};
use crate::lexicon;
use crate::render::{json, text, write_json};
use crate::request::{Actors, Context};
use crate::resolve::{self, fold, Lookup};
use crate::store::{Access, NewActor};
use anyhow::{anyhow, bail, Result};

pub fn run(ctx: &Context, req: Actors, io: &mut Io<'_>) -> Result<Outcome> {
    match req {
        Actors::List => {
            let store = open(ctx, Access::Read)?;
            let actors = store.db().actors()?;
            if ctx.json {
                let list: Vec<json::ActorJson> = actors.iter().map(json::ActorJson::from).collect();
                write_json(io.out, &list)?;
            } else {
                text::actors(io.out, &actors)?;
            }
        }
        Actors::Show(name) => {
            let store = open(ctx, Access::Read)?;
            let db = store.db();
            let found = resolve::find(db, &name)?;
            let actor = db
                .actor(found.id)?
                .ok_or_else(|| anyhow!("no actor matches {name:?}"))?;
            let roles = lexicon::roles_of(&actor.name);
            let partners = db.partners(actor.id)?;
            if ctx.json {
                let value = serde_json::json!({
                    "actor": json::ActorJson::from(&actor),
                    "roles": roles.iter().map(|(country, title, start, end)| serde_json::json!({
                        "country": country, "title": title, "start": start, "end": end,
                    })).collect::<Vec<_>>(),
                    "contacts": partners.iter().map(|(p, n, last)| serde_json::json!({
                        "actor": p.name, "count": n, "last": last.span.value(),
                    })).collect::<Vec<_>>(),
                });
                write_json(io.out, &value)?;
            } else {
                text::actor(io.out, &actor, &roles, &partners)?;
            }
        }
        Actors::Add {
            name,
            kind,
            role,
            country,
        } => {
            let mut store = open(ctx, Access::Write)?;
            let id = store.write(|tx| -> Result<i64> {
                if let Lookup::Found(a) = resolve::lookup(tx.db(), &name)? {
                    if fold(&a.name) == fold(&name) {
                        bail!("actor {:?} exists already (actor {})", a.name, a.id);
                    }
                }
                Ok(tx.insert_actor(&NewActor {
                    name: &name,
                    kind,
                    role: role.as_deref(),
                    country: country.as_deref(),
                })?)
            })?;
            writeln!(io.out, "added actor {id}: {}", name.trim())?;
        }
        Actors::Alias { alias, actor } => {
            let mut store = open(ctx, Access::Write)?;
            let target = store.write(|tx| -> Result<String> {
                let target = resolve::find(tx.db(), &actor)?;
                if !tx.add_alias(target.id, &alias)? {
                    let owner = tx
                        .db()
                        .actor_by_alias(&fold(&alias))?
                        .map(|a| a.name)
                        .unwrap_or_default();
                    bail!("{alias:?} is already an alias of {owner}");
                }
                if let Some(other) = tx.db().actor_by_key(&fold(&alias))? {
                    if other.id != target.id {
                        bail!("{alias:?} is the name of another actor; use `actors merge`");
                    }
                }
                Ok(target.name)
            })?;
            writeln!(io.out, "{} is now also {:?}", target, alias.trim())?;
        }
        Actors::Merge { from, into } => {
            let mut store = open(ctx, Access::Write)?;
            let (f, i) = store.write(|tx| -> Result<_> {
                let f = resolve::find(tx.db(), &from)?;
                let i = resolve::find(tx.db(), &into)?;
                tx.merge_actors(f.id, i.id)?;
                Ok((f, i))
            })?;
            writeln!(io.out, "merged {} into {}", f.name, i.name)?;
        }
        Actors::Rename { actor, new_name } => {
            let mut store = open(ctx, Access::Write)?;
            let old = store.write(|tx| -> Result<String> {
                let a = resolve::find(tx.db(), &actor)?;
                tx.rename_actor(a.id, &new_name)?;
                Ok(a.name)
            })?;
            writeln!(io.out, "renamed {old} to {}", new_name.trim())?;
        }
    }
    Ok(Outcome::Done)
}
