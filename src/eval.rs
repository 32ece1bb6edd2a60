//! Scoring extraction against a corpus's expected records.
//!
//! The corpus format is `corpus/shared/README.md`'s: one expected line per
//! article (or JSON Lines record) with the contacts that must be found, the
//! optional ones, the stated gaps and what must not be produced. This module
//! only compares; reading the articles is the caller's job, so the same code
//! serves `dateline eval` and the corpus test.

use crate::article::{self, Defaults, Input};
use crate::extract::{self, EventKind, Extraction, Text};
use crate::lexicon::fold;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    pub file: String,
    #[serde(default)]
    pub record: Option<usize>,
    #[serde(default)]
    pub date_flag: Option<String>,
    pub article_date: String,
    #[serde(default)]
    pub contacts: Vec<ExpectedContact>,
    #[serde(default)]
    pub optional: Vec<ExpectedContact>,
    #[serde(default)]
    pub claims: Vec<ExpectedClaim>,
    #[serde(default)]
    pub forbidden: Vec<ExpectedContact>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ExpectedContact {
    pub kind: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub precision: Option<String>,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub why: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ExpectedClaim {
    pub actors: Vec<String>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub ending: Option<String>,
    pub min_days: Option<i64>,
    pub max_days: Option<i64>,
    #[serde(default)]
    pub kind: Option<String>,
}

/// Read an expected.jsonl file.
pub fn parse_expected(text: &str) -> Result<Vec<Expected>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

/// What one article scored.
#[derive(Debug, Clone, Default)]
pub struct ArticleScore {
    pub name: String,
    pub problems: Vec<String>,
}

/// Totals over a corpus.
#[derive(Debug, Clone, Default)]
pub struct Totals {
    pub articles: usize,
    pub failed_to_read: usize,
    pub expected_contacts: usize,
    pub found_contacts: usize,
    pub exact_date: usize,
    pub right_kind: usize,
    pub extracted_contacts: usize,
    pub correct_extracted: usize,
    pub expected_claims: usize,
    pub found_claims: usize,
    pub forbidden_hits: usize,
}

impl Totals {
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 {
            1.0
        } else {
            a as f64 / b as f64
        }
    }
    pub fn recall(&self) -> f64 {
        Self::ratio(self.found_contacts, self.expected_contacts)
    }
    pub fn precision(&self) -> f64 {
        Self::ratio(self.correct_extracted, self.extracted_contacts)
    }
    pub fn exact_date(&self) -> f64 {
        Self::ratio(self.exact_date, self.found_contacts)
    }
    pub fn kind_accuracy(&self) -> f64 {
        Self::ratio(self.right_kind, self.found_contacts)
    }
    pub fn claim_recall(&self) -> f64 {
        Self::ratio(self.found_claims, self.expected_claims)
    }
    /// Nothing missed, nothing wrong, nothing forbidden.
    pub fn perfect(&self) -> bool {
        self.failed_to_read == 0
            && self.found_contacts == self.expected_contacts
            && self.exact_date == self.found_contacts
            && self.right_kind == self.found_contacts
            && self.found_claims == self.expected_claims
            && self.forbidden_hits == 0
    }
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub articles: Vec<ArticleScore>,
    pub totals: Totals,
}

impl Report {
    /// The misses per article, then the totals, as `dateline eval` prints them.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        for a in &self.articles {
            if a.problems.is_empty() {
                if verbose {
                    let _ = writeln!(s, "ok    {}", a.name);
                }
                continue;
            }
            let _ = writeln!(s, "MISS  {}", a.name);
            for p in &a.problems {
                let _ = writeln!(s, "      {p}");
            }
        }
        let t = &self.totals;
        let _ = writeln!(s, "\narticles          {}", t.articles);
        if t.failed_to_read > 0 {
            let _ = writeln!(s, "unreadable        {}", t.failed_to_read);
        }
        let _ = writeln!(
            s,
            "contact recall    {:.3}  ({}/{})",
            t.recall(),
            t.found_contacts,
            t.expected_contacts
        );
        let _ = writeln!(
            s,
            "precision         {:.3}  ({}/{})",
            t.precision(),
            t.correct_extracted,
            t.extracted_contacts
        );
        let _ = writeln!(
            s,
            "exact date        {:.3}  ({}/{})",
            t.exact_date(),
            t.exact_date,
            t.found_contacts
        );
        let _ = writeln!(
            s,
            "kind accuracy     {:.3}  ({}/{})",
            t.kind_accuracy(),
            t.right_kind,
            t.found_contacts
        );
        let _ = writeln!(
            s,
            "claim recall      {:.3}  ({}/{})",
            t.claim_recall(),
            t.found_claims,
            t.expected_claims
        );
        let _ = writeln!(s, "forbidden hits    {}", t.forbidden_hits);
        s
    }
}

/// Does an expected surname name this actor? Word match, accent- and
/// case-insensitive ("Xi" names "Xi Jinping", "bin Salman" names "Mohammed bin Salman").
fn names(actor: &str, surname: &str) -> bool {
    let s = fold(surname);
    let sw: Vec<&str> = s.split([' ', '-']).collect();
    let one = |name: &str| {
        let a = fold(name);
        let words: Vec<&str> = a.split([' ', '-']).collect();
        a == s || words.windows(sw.len()).any(|w| w == sw.as_slice())
    };
    // spelling variants count: "Zelenskiy" names "Volodymyr Zelensky"
    one(actor) || crate::lexicon::aliases_for(actor).iter().any(|a| one(a))
}

fn actors_match(expected: &[String], got: &[&str], exact_size: bool) -> bool {
    if exact_size && expected.len() != got.len() {
        return false;
    }
    expected.iter().all(|e| got.iter().any(|g| names(g, e)))
}

fn kind_matches(expected: &str, got: EventKind) -> bool {
    expected == got.as_str()
        || (expected == "*contact" && got.is_contact())
        || (expected == "visit" && got == EventKind::Meeting)
}

fn date_overlaps(expected: Option<&str>, got: &crate::date::Span) -> bool {
    match expected.map(crate::date::Span::parse_value) {
        Some(Ok(e)) => e.overlaps(got),
        _ => true,
    }
}

/// Score one article's extraction against its expected record.
pub fn score_article(exp: &Expected, got: &Extraction, totals: &mut Totals) -> Vec<String> {
    let mut problems = Vec::new();
    let event_actors: Vec<Vec<&str>> = got
        .events
        .iter()
        .map(|e| {
            e.actors
                .iter()
                .map(|&i| got.actors[i].name.as_str())
                .collect()
        })
        .collect();
    let contacts: Vec<usize> = (0..got.events.len())
        .filter(|&i| got.events[i].kind.is_contact() && got.events[i].actors.len() >= 2)
        .collect();
    let mut used = vec![false; got.events.len()];
    totals.expected_contacts += exp.contacts.len();
    for c in &exp.contacts {
        let describe = format!(
            "{} {} {}",
            c.kind,
            c.date.as_deref().unwrap_or("?"),
            c.actors.join("–")
        );
        // prefer a candidate with the right date, then any with the right actors
        let candidates: Vec<usize> = contacts
            .iter()
            .copied()
            .filter(|&i| !used[i] && actors_match(&c.actors, &event_actors[i], true))
            .collect();
        let want = c.date.as_deref().map(crate::date::Span::parse_value);
        let exact = |i: usize| match &want {
            Some(Ok(w)) => got.events[i].date == *w,
            _ => true,
        };
        let pick = candidates
            .iter()
            .copied()
            .find(|&i| exact(i))
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .find(|&i| date_overlaps(c.date.as_deref(), &got.events[i].date))
            })
            .or_else(|| candidates.first().copied());
        match pick {
            None => problems.push(format!("missed contact  {describe}")),
            Some(i) => {
                used[i] = true;
                totals.found_contacts += 1;
                let e = &got.events[i];
                if exact(i) {
                    totals.exact_date += 1;
                } else {
                    problems.push(format!("wrong date      {describe}: got {}", e.date));
                }
                if c.kind == e.kind.as_str() {
                    totals.right_kind += 1;
                } else {
                    problems.push(format!(
                        "wrong kind      {describe}: got {}",
                        e.kind.as_str()
                    ));
                }
            }
        }
    }
    // precision: every extracted contact must be expected or optional
    for &i in &contacts {
        totals.extracted_contacts += 1;
        if used[i] {
            totals.correct_extracted += 1;
            continue;
        }
        let e = &got.events[i];
        let allowed = exp.optional.iter().chain(&exp.contacts).any(|o| {
            actors_match(&o.actors, &event_actors[i], false)
                && date_overlaps(o.date.as_deref(), &e.date)
        });
        if allowed {
            totals.correct_extracted += 1;
        } else {
            problems.push(format!(
                "unexpected      {} {} {}",
                e.kind.as_str(),
                e.date,
                event_actors[i].join("–")
            ));
        }
    }
    for f in &exp.forbidden {
        for (i, e) in got.events.iter().enumerate() {
            let hit = kind_matches(&f.kind, e.kind)
                && (e.kind.is_contact() && e.actors.len() >= 2 || f.kind != "*contact")
                && actors_match(&f.actors, &event_actors[i], false)
                && date_overlaps(f.date.as_deref(), &e.date)
                && !used[i];
            if hit {
                totals.forbidden_hits += 1;
                problems.push(format!(
                    "FORBIDDEN       {} {} {} ({})",
                    e.kind.as_str(),
                    e.date,
                    event_actors[i].join("–"),
                    f.why.as_deref().unwrap_or("")
                ));
            }
        }
    }
    totals.expected_claims += exp.claims.len();
    for c in &exp.claims {
        let close = |want: Option<i64>, got: Option<i64>, exact: bool| match (want, got) {
            (None, None) => true,
            (Some(w), Some(g)) => {
                let span = (c.max_days.unwrap_or(w) - c.min_days.unwrap_or(w)).abs();
                let tol = if exact { 0 } else { 2.max(span / 10) };
                (w - g).abs() <= tol
            }
            _ => false,
        };
        let exact = c.min_days.is_some() && c.min_days == c.max_days;
        let found = got.claims.iter().any(|g| {
            let pair = [
                got.actors[g.actors[0]].name.as_str(),
                got.actors[g.actors[1]].name.as_str(),
            ];
            actors_match(&c.actors, &pair, true)
                && close(c.min_days, g.min_days, exact)
                && close(c.max_days, g.max_days, exact)
        });
        if found {
            totals.found_claims += 1;
        } else {
            let near: Vec<String> = got
                .claims
                .iter()
                .map(|g| {
                    format!(
                        "{}..{} {:?}",
                        g.min_days.map_or("?".into(), |d| d.to_string()),
                        g.max_days.map_or("open".into(), |d| d.to_string()),
                        g.text
                    )
                })
                .collect();
            problems.push(format!(
                "missed claim    {} {:?} {}..{}{}",
                c.actors.join("–"),
                c.text,
                c.min_days.map_or("?".into(), |d| d.to_string()),
                c.max_days.map_or("open".into(), |d| d.to_string()),
                if near.is_empty() {
                    String::new()
                } else {
                    format!(" (got {})", near.join("; "))
                }
            ));
        }
    }
    problems
}

/// Score every article of a corpus folder (`expected.jsonl` beside an
/// `articles/` folder), reading each article the way `add` does.
pub fn score_dir(dir: &Path) -> Result<Report, String> {
    let expected_path = dir.join("expected.jsonl");
    let text = std::fs::read_to_string(&expected_path)
        .map_err(|e| format!("{}: {e}", expected_path.display()))?;
    let expected =
        parse_expected(&text).map_err(|e| format!("{}: {e}", expected_path.display()))?;
    let mut report = Report::default();
    // a JSON Lines file is read once for all its records
    type Read = Vec<Result<article::Article, String>>;
    let mut read: HashMap<(String, Option<String>), Read> = HashMap::new();
    for exp in &expected {
        let name = match exp.record {
            Some(r) => format!("{}#{r}", exp.file),
            None => exp.file.clone(),
        };
        report.totals.articles += 1;
        let articles = read
            .entry((exp.file.clone(), exp.date_flag.clone()))
            .or_insert_with(|| {
                let path = dir.join("articles").join(&exp.file);
                let defaults = Defaults {
                    date: exp
                        .date_flag
                        .as_deref()
                        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                    ..Defaults::default()
                };
                let input = Input::File {
                    path,
                    name: exp.file.clone(),
                };
                article::read(&input, &defaults)
                    .into_iter()
                    .map(|r| r.map_err(|e| e.to_string()))
                    .collect()
            });
        let got = match articles.get(exp.record.unwrap_or(0)) {
            Some(Ok(a)) => a,
            Some(Err(e)) => {
                report.totals.failed_to_read += 1;
                report.articles.push(ArticleScore {
                    name,
                    problems: vec![format!("unreadable     {e}")],
                });
                continue;
            }
            None => {
                report.totals.failed_to_read += 1;
                report.articles.push(ArticleScore {
                    name,
                    problems: vec!["unreadable     no such record".to_string()],
                });
                continue;
            }
        };
        let mut problems = Vec::new();
        if got.published.to_string() != exp.article_date {
            problems.push(format!(
                "article date    {}: got {}",
                exp.article_date, got.published
            ));
        }
        let x = extract::extract(Text {
            title: got.title.as_deref(),
            body: &got.body,
            published: got.published,
            source: got.source.as_deref(),
        });
        problems.extend(score_article(exp, &x, &mut report.totals));
        report.articles.push(ArticleScore { name, problems });
    }
    Ok(report)
}
