//! Full-text search of articles: the `articles_fts` FTS5 index (title and
//! body, kept in step by the triggers of schema.sql), ranked by bm25 with a
//! title match weighing more than a body match. Takes a query already
//! checked and rewritten into FTS5 syntax by `crate::query`.

use super::{Db, Result, StoreError};
use chrono::NaiveDate;
use rusqlite::params;

/// The markers `snippet()` puts around each hit: the control characters STX
/// and ETX, which news text does not carry (one that did would only show a
/// stray mark), so that the renderer can mark hits its own way.
pub const HIT_START: char = '\u{2}';
pub const HIT_END: char = '\u{3}';

/// bm25 weights of the indexed columns, in order: a word in the title counts
/// as much as five in the body.
const WEIGHTS: (f64, f64) = (5.0, 1.0);

/// Words of context in a snippet.
const SNIPPET_TOKENS: i64 = 24;

/// What to look for.
#[derive(Debug, Clone)]
pub struct SearchQuery<'a> {
    /// FTS5 query syntax.
    pub fts: &'a str,
    /// Articles published on or after this day.
    pub since: Option<NaiveDate>,
    /// Articles published on or before this day.
    pub until: Option<NaiveDate>,
    /// At most this many hits; `None` for all.
    pub limit: Option<usize>,
}

/// An article that matches, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub article: i64,
    pub title: Option<String>,
    pub published: NaiveDate,
    pub path: Option<String>,
    pub url: Option<String>,
    /// The matching passage with each hit between [`HIT_START`] and
    /// [`HIT_END`], whitespace collapsed.
    pub snippet: String,
    /// Relevance: SQLite's bm25() negated, so that higher is better.
    pub score: f64,
}

/// Whether an SQLite error is FTS5 refusing a query (which `crate::query`
/// should have caught; named without SQLite's words all the same).
fn is_query_error(e: &rusqlite::Error) -> bool {
    let text = e.to_string();
    text.contains("fts5") || text.contains("syntax error") || text.contains("no such column")
}

impl Db<'_> {
    /// Articles matching an FTS5 query, best first.
    pub fn search(&self, q: &SearchQuery<'_>) -> Result<Vec<SearchHit>> {
        let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let limit = q.limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT a.id, a.title, a.published, a.path, a.url,
                    snippet(articles_fts, -1, ?5, ?6, '…', {SNIPPET_TOKENS}),
                    bm25(articles_fts, {}, {}) AS score
             FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH ?1
               AND (?2 IS NULL OR a.published >= ?2)
               AND (?3 IS NULL OR a.published <= ?3)
             ORDER BY score, a.published DESC, a.id
             LIMIT ?4",
            WEIGHTS.0, WEIGHTS.1
        ))?;
        let rows = stmt.query_map(
            params![
                q.fts,
                day(q.since),
                day(q.until),
                limit,
                HIT_START.to_string(),
                HIT_END.to_string()
            ],
            |r| {
                let published: String = r.get(2)?;
                let snippet: String = r.get(5)?;
                let score: f64 = r.get(6)?;
                Ok(SearchHit {
                    article: r.get(0)?,
                    title: r.get(1)?,
                    published: NaiveDate::parse_from_str(&published, "%Y-%m-%d").map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            2,
                            rusqlite::types::Type::Text,
                            Box::new(e),
                        )
                    })?,
                    path: r.get(3)?,
                    url: r.get(4)?,
                    snippet: snippet.split_whitespace().collect::<Vec<_>>().join(" "),
                    score: -score,
                })
            },
        )?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| match e {
                ref se if is_query_error(se) => {
                    StoreError::Invalid("the search engine cannot read this query".into())
                }
                other => StoreError::Sqlite(other),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{NewArticle, Store};

    fn store_with(articles: &[(&str, &str, &str)]) -> Store {
        let mut store = Store::open_in_memory().expect("a store");
        store
            .write(|tx| -> Result<()> {
                for (i, (date, title, body)) in articles.iter().enumerate() {
                    tx.insert_article(&NewArticle {
                        sha256: &format!("sha{i}"),
                        title: Some(title),
                        url: None,
                        source: None,
                        published: NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("a day"),
                        published_time: None,
                        body,
                        path: None,
                    })?;
                }
                Ok(())
            })
            .expect("articles written");
        store
    }

    fn ids(store: &Store, fts: &str, since: Option<&str>, until: Option<&str>) -> Vec<i64> {
        let day =
            |d: Option<&str>| d.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("a day"));
        store
            .db()
            .search(&SearchQuery {
                fts,
                since: day(since),
                until: day(until),
                limit: None,
            })
            .expect("a search")
            .into_iter()
            .map(|h| h.article)
            .collect()
    }

    #[test]
    fn ranks_filters_and_marks() {
        let store = store_with(&[
            (
                "2024-01-19",
                "Biden calls Netanyahu",
                "The two leaders spoke by phone.",
            ),
            (
                "2023-11-16",
                "Summit in Woodside",
                "Biden met Xi. Biden and Xi talked for hours.",
            ),
            (
                "2022-07-29",
                "Markets",
                "Stocks fell; nothing about leaders.",
            ),
        ]);
        // The title hit weighs more than the body hits.
        assert_eq!(ids(&store, "\"biden\"", None, None), [1, 2]);
        // Same count of hits: the shorter body ranks higher.
        assert_eq!(ids(&store, "\"leaders\"", None, None), [3, 1]);
        assert_eq!(ids(&store, "\"leaders\"", Some("2023-01-01"), None), [1]);
        assert_eq!(ids(&store, "\"leaders\"", None, Some("2024-01-18")), [3]);
        assert_eq!(ids(&store, "\"biden\" NOT \"xi\"", None, None), [1]);
        assert_eq!(ids(&store, "\"sp\"*", None, None), [1]);
        let hits = store
            .db()
            .search(&SearchQuery {
                fts: "\"xi\"",
                since: None,
                until: None,
                limit: Some(1),
            })
            .expect("a search");
        assert_eq!(
            hits[0].snippet,
            "Biden met \u{2}Xi\u{3}. Biden and \u{2}Xi\u{3} talked for hours."
        );
        assert!(hits[0].score > 0.0);
    }

    #[test]
    fn a_query_fts5_refuses_is_not_an_sqlite_message() {
        let store = store_with(&[("2024-01-19", "t", "b")]);
        let err = store
            .db()
            .search(&SearchQuery {
                fts: "AND",
                since: None,
                until: None,
                limit: None,
            })
            .expect_err("a bad query");
        assert_eq!(err.to_string(), "the search engine cannot read this query");
    }
}
