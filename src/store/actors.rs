//! Actors and their aliases.

use super::{Db, Result, StoreError, Tx};
use crate::extract::ActorKind;
use crate::model::{Actor, ActorName, Contact};
use crate::resolve::{fold, last_word};
use rusqlite::{params, OptionalExtension};

/// An actor to create.
#[derive(Debug, Clone)]
pub struct NewActor<'a> {
    pub name: &'a str,
    pub kind: ActorKind,
    pub role: Option<&'a str>,
    pub country: Option<&'a str>,
}

fn kind_of(s: &str) -> ActorKind {
    ActorKind::parse(s).unwrap_or(ActorKind::Person)
}

impl Db<'_> {
    /// The actor whose folded name is `key`.
    pub fn actor_by_key(&self, key: &str) -> Result<Option<ActorName>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id, name FROM actors WHERE key = ?1 ORDER BY id LIMIT 1")?
            .query_row([key], |r| {
                Ok(ActorName {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })
            .optional()?)
    }

    /// The actor an alias (folded) points to.
    pub fn actor_by_alias(&self, alias: &str) -> Result<Option<ActorName>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT actors.id, actors.name FROM aliases JOIN actors ON actors.id = aliases.actor
                 WHERE aliases.alias = ?1",
            )?
            .query_row([alias], |r| {
                Ok(ActorName {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })
            .optional()?)
    }

    /// Actors whose folded last word is `last`.
    pub fn actors_by_last(&self, last: &str) -> Result<Vec<ActorName>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM actors WHERE last = ?1 ORDER BY name")?;
        let rows = stmt.query_map([last], |r| {
            Ok(ActorName {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Actors whose folded name contains `text` anywhere.
    pub fn actors_containing(&self, text: &str) -> Result<Vec<ActorName>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM actors WHERE instr(key, ?1) > 0 ORDER BY name")?;
        let rows = stmt.query_map([text], |r| {
            Ok(ActorName {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every actor's id and name, by id.
    pub fn actor_names(&self) -> Result<Vec<ActorName>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM actors ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(ActorName {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn actor_name(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT name FROM actors WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    fn aliases_of(&self, id: i64) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT display FROM aliases WHERE actor = ?1 ORDER BY display")?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn actor_from_row(&self, r: &rusqlite::Row<'_>) -> rusqlite::Result<Actor> {
        Ok(Actor {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: kind_of(&r.get::<_, String>(2)?),
            role: r.get(3)?,
            country: r.get(4)?,
            aliases: Vec::new(),
            events: r.get(5)?,
        })
    }

    pub fn actor(&self, id: i64) -> Result<Option<Actor>> {
        let actor = self
            .conn
            .prepare_cached(
                "SELECT id, name, kind, role, country,
                        (SELECT count(*) FROM event_actors WHERE actor = actors.id)
                        + (SELECT count(*) FROM events WHERE actor1 = actors.id OR actor2 = actors.id)
                 FROM actors WHERE id = ?1",
            )?
            .query_row([id], |r| self.actor_from_row(r))
            .optional()?;
        match actor {
            Some(mut a) => {
                a.aliases = self.aliases_of(a.id)?;
                Ok(Some(a))
            }
            None => Ok(None),
        }
    }

    /// Every actor with aliases and event counts, by name.
    pub fn actors(&self) -> Result<Vec<Actor>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, kind, role, country,
                    (SELECT count(*) FROM event_actors WHERE actor = actors.id)
             FROM actors ORDER BY name",
        )?;
        let mut actors: Vec<Actor> = stmt
            .query_map([], |r| self.actor_from_row(r))?
            .collect::<rusqlite::Result<_>>()?;
        let pairs = self.pair_counts()?;
        for a in &mut actors {
            a.events += pairs.get(&a.id).copied().unwrap_or(0);
            a.aliases = self.aliases_of(a.id)?;
        }
        Ok(actors)
    }

    /// Events per actor among those that keep their pair on their row: one
    /// scan of the events (a query grouping both forms took 20 times longer
    /// on a million events).
    fn pair_counts(&self) -> Result<std::collections::HashMap<i64, i64>> {
        let mut counts = std::collections::HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT actor1, actor2 FROM events WHERE actor1 IS NOT NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            for i in 0..2 {
                *counts.entry(r.get_ref(i)?.as_i64()?).or_insert(0) += 1;
            }
        }
        Ok(counts)
    }

    /// The actors `id` has contacts with: (partner, count, last contact).
    pub fn partners(&self, id: i64) -> Result<Vec<(ActorName, i64, Contact)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.name, count(*), max(c.day_start)
             FROM contacts c JOIN actors p ON p.id = (CASE WHEN c.a = ?1 THEN c.b ELSE c.a END)
             WHERE c.a = ?1 OR c.b = ?1
             GROUP BY p.id ORDER BY count(*) DESC, p.name",
        )?;
        let rows: Vec<(ActorName, i64, i64)> = stmt
            .query_map([id], |r| {
                Ok((
                    ActorName {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    },
                    r.get(2)?,
                    r.get(3)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (partner, count, _) in rows {
            let contacts = self.pair_contacts(id, partner.id)?;
            if let Some(last) = contacts.last() {
                out.push((partner, count, *last));
            }
        }
        Ok(out)
    }
}

impl Tx<'_> {
    pub fn insert_actor(&self, actor: &NewActor<'_>) -> Result<i64> {
        let name = actor.name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("an actor needs a name".into()));
        }
        self.conn()
            .prepare_cached(
                "INSERT INTO actors (name, key, last, kind, role, country)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                name,
                fold(name),
                last_word(&fold(name)),
                actor.kind.as_str(),
                actor.role,
                actor.country
            ])?;
        Ok(self.conn().last_insert_rowid())
    }

    /// Add an alias; `Ok(false)` when the alias already names another actor.
    pub fn add_alias(&self, actor: i64, display: &str) -> Result<bool> {
        let key = fold(display);
        if key.is_empty() {
            return Err(StoreError::Invalid("an alias cannot be empty".into()));
        }
        if let Some(owner) = self.db().actor_by_alias(&key)? {
            return Ok(owner.id == actor);
        }
        self.conn()
            .prepare_cached("INSERT INTO aliases (alias, actor, display) VALUES (?1, ?2, ?3)")?
            .execute(params![key, actor, display.trim()])?;
        Ok(true)
    }

    /// Rename an actor; the old name stays as an alias.
    pub fn rename_actor(&self, id: i64, new_name: &str) -> Result<()> {
        let new_name = new_name.trim();
        let old = self
            .db()
            .actor_name(id)?
            .ok_or_else(|| StoreError::Invalid(format!("no actor {id}")))?;
        if let Some(other) = self.db().actor_by_key(&fold(new_name))? {
            if other.id != id {
                return Err(StoreError::Invalid(format!(
                    "another actor is already named {:?}; use `actors merge`",
                    other.name
                )));
            }
        }
        self.conn().execute(
            "UPDATE actors SET name = ?2, key = ?3, last = ?4 WHERE id = ?1",
            params![id, new_name, fold(new_name), last_word(&fold(new_name))],
        )?;
        // The new name is no longer an alias of anyone; the old one becomes one.
        self.conn()
            .execute("DELETE FROM aliases WHERE alias = ?1", [fold(new_name)])?;
        if fold(&old) != fold(new_name) {
            self.add_alias(id, &old)?;
        }
        Ok(())
    }

    /// Move everything of actor `from` to actor `into` and delete `from`; its
    /// name becomes an alias of `into`.
    pub fn merge_actors(&self, from: i64, into: i64) -> Result<()> {
        if from == into {
            return Err(StoreError::Invalid(
                "cannot merge an actor into itself".into(),
            ));
        }
        let from_name = self
            .db()
            .actor_name(from)?
            .ok_or_else(|| StoreError::Invalid(format!("no actor {from}")))?;
        let ids = |sql: &str| -> Result<Vec<i64>> {
            let mut stmt = self.conn().prepare(sql)?;
            let rows = stmt.query_map([from], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        // Pairs kept on their events' rows become event_actors rows first.
        for event in ids("SELECT id FROM events WHERE actor1 = ?1 OR actor2 = ?1")? {
            self.unpack_pair(event)?;
        }
        for event in ids("SELECT event FROM event_actors WHERE actor = ?1")? {
            self.remove_contacts(event)?;
            self.conn().execute(
                "DELETE FROM event_actors WHERE event = ?1 AND actor = ?2
                 AND EXISTS (SELECT 1 FROM event_actors WHERE event = ?1 AND actor = ?3)",
                params![event, from, into],
            )?;
            self.conn().execute(
                "UPDATE event_actors SET actor = ?3 WHERE event = ?1 AND actor = ?2",
                params![event, from, into],
            )?;
            self.add_contacts(event)?;
        }
        self.conn().execute(
            "UPDATE claims SET actor_a = ?2 WHERE actor_a = ?1",
            params![from, into],
        )?;
        self.conn().execute(
            "UPDATE claims SET actor_b = ?2 WHERE actor_b = ?1",
            params![from, into],
        )?;
        self.conn().execute(
            "UPDATE aliases SET actor = ?2 WHERE actor = ?1",
            params![from, into],
        )?;
        self.conn()
            .execute("DELETE FROM actors WHERE id = ?1", [from])?;
        self.add_alias(into, &from_name)?;
        Ok(())
    }

    pub fn set_actor_details(
        &self,
        id: i64,
        kind: Option<ActorKind>,
        role: Option<&str>,
        country: Option<&str>,
    ) -> Result<()> {
        if let Some(kind) = kind {
            self.conn().execute(
                "UPDATE actors SET kind = ?2 WHERE id = ?1",
                params![id, kind.as_str()],
            )?;
        }
        if let Some(role) = role {
            self.conn().execute(
                "UPDATE actors SET role = ?2 WHERE id = ?1",
                params![id, role],
            )?;
        }
        if let Some(country) = country {
            self.conn().execute(
                "UPDATE actors SET country = ?2 WHERE id = ?1",
                params![id, country],
            )?;
        }
        Ok(())
    }
}
