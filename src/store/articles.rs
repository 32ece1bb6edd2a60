//! Articles: insert, list, show, remove (with the events only they supported).

use super::{Db, Result, Tx};
use crate::model::{Counts, StoredArticle};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

/// An article to record.
#[derive(Debug, Clone)]
pub struct NewArticle<'a> {
    pub sha256: &'a str,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub source: Option<&'a str>,
    pub published: NaiveDate,
    pub published_time: Option<&'a str>,
    pub body: &'a str,
    pub path: Option<&'a str>,
}

const ARTICLE_COLUMNS: &str = "id, title, url, source, published, published_time, path, added_at,
    (SELECT count(DISTINCT event) FROM event_sources WHERE article = articles.id),
    (SELECT count(*) FROM claims WHERE article = articles.id)";

fn article_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredArticle> {
    let published: String = r.get(4)?;
    Ok(StoredArticle {
        id: r.get(0)?,
        title: r.get(1)?,
        url: r.get(2)?,
        source: r.get(3)?,
        published: NaiveDate::parse_from_str(&published, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e))
        })?,
        published_time: r.get(5)?,
        path: r.get(6)?,
        added_at: r.get(7)?,
        events: r.get(8)?,
        claims: r.get(9)?,
    })
}

impl Db<'_> {
    pub fn article_by_sha(&self, sha256: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE sha256 = ?1")?
            .query_row([sha256], |r| r.get(0))
            .optional()?)
    }

    pub fn article(&self, id: i64) -> Result<Option<StoredArticle>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"
            ))?
            .query_row([id], article_from_row)
            .optional()?)
    }

    /// Articles, oldest publication first.
    pub fn articles(&self) -> Result<Vec<StoredArticle>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY published, id"
        ))?;
        let rows = stmt.query_map([], article_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn article_body(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT body FROM articles WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    /// Ids of the events an article is a source of.
    pub fn article_event_ids(&self, id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT event FROM event_sources WHERE article = ?1 ORDER BY event",
        )?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Counts {
            articles: count("articles")?,
            events: count("events")?,
            actors: count("actors")?,
            aliases: count("aliases")?,
            sources: count("event_source_rows")?,
            contacts: count("contacts")?,
            claims: count("claims")?,
        })
    }
}

impl Tx<'_> {
    pub fn insert_article(&self, a: &NewArticle<'_>) -> Result<i64> {
        self.conn()
            .prepare_cached(
                "INSERT INTO articles (sha256, title, url, source, published, published_time,
                                       body, path, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                a.sha256,
                a.title,
                a.url,
                a.source,
                a.published.format("%Y-%m-%d").to_string(),
                a.published_time,
                a.body,
                a.path,
                self.now
            ])?;
        Ok(self.conn().last_insert_rowid())
    }

    /// Remove an article, its sources and claims, and the events it was the
    /// last source of. Returns the ids of the removed events, or `None` when
    /// there is no such article.
    pub fn remove_article(&self, id: i64) -> Result<Option<Vec<i64>>> {
        if self.db().article(id)?.is_none() {
            return Ok(None);
        }
        let events = self.db().article_event_ids(id)?;
        self.conn()
            .execute("DELETE FROM articles WHERE id = ?1", [id])?;
        let mut removed = Vec::new();
        for event in events {
            let sources: i64 = self.conn().query_row(
                "SELECT count(*) FROM event_source_rows WHERE event = ?1",
                [event],
                |r| r.get(0),
            )?;
            if sources == 0 {
                self.delete_event(event)?;
                removed.push(event);
            }
        }
        Ok(Some(removed))
    }
}
