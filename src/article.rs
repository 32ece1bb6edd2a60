//! Input formats → articles. Reads what users bring (see the corpus README):
//! a first line `date YYYY-MM-DD` that may share its line with the text, YAML
//! front matter, JSON Lines batches (or a JSON array), plain text dated by
//! `--date`. Finds title, url, source and the publication date (the local
//! date of a time with an offset, never its UTC date) and hashes the
//! normalised body. Reads files and folders; touches no database.

use crate::date::{Precision, Span};
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// Extensions read when walking a folder (files without one are read too).
const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "jsonl", "json"];

/// One article, ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// How messages name it: a file name, `file.jsonl:3`, `stdin`.
    pub name: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: NaiveDate,
    /// The publication time as given, with its offset, when there is one.
    pub published_time: Option<String>,
    pub body: String,
    /// The file it came from.
    pub path: Option<String>,
}

impl Article {
    /// SHA-256 of the body in NFC with whitespace runs collapsed: the same
    /// article from two files (or reformatted) hashes the same.
    pub fn sha256(&self) -> String {
        let normal: String = self.body.nfc().collect();
        let normal = normal.split_whitespace().collect::<Vec<_>>().join(" ");
        let digest = Sha256::digest(normal.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Values given on the command line, for articles lacking them.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

/// A problem with one input: `{name}: {reason}`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}: {reason}")]
pub struct InputError {
    pub name: String,
    pub reason: String,
}

fn fail<T>(name: &str, reason: impl Into<String>) -> Result<T, InputError> {
    Err(InputError {
        name: name.to_string(),
        reason: reason.into(),
    })
}

const NO_DATE: &str =
    "no publication date (add a \"date YYYY-MM-DD\" line or front matter, or pass --date)";

/// Something to read articles from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File { path: PathBuf, name: String },
}

impl Input {
    pub fn name(&self) -> &str {
        match self {
            Input::Stdin => "stdin",
            Input::File { name, .. } => name,
        }
    }
}

/// Expand the arguments of `add`: `-` is stdin, a file is itself, a folder
/// is every article file below it (hidden files and folders skipped, sorted
/// by path). A missing path is an error for that argument only.
pub fn collect_inputs(args: &[PathBuf]) -> Vec<Result<Input, InputError>> {
    let mut out = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else if arg.is_dir() {
            walk(arg, arg, &mut out);
        } else if arg.exists() {
            out.push(Ok(Input::File {
                path: arg.clone(),
                name: arg.display().to_string(),
            }));
        } else {
            out.push(fail(&arg.display().to_string(), "no such file or folder"));
        }
    }
    out
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<Result<Input, InputError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(fail(
                &dir.display().to_string(),
                format!("cannot read folder: {e}"),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_none_or(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(root, &path, out);
            continue;
        }
        let wanted = match path.extension().and_then(|e| e.to_str()) {
            None => true,
            Some(ext) => EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()),
        };
        if wanted && (meta.is_file() || path.is_file()) {
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            out.push(Ok(Input::File { path, name }));
        }
    }
}

/// Read an input and parse its articles (several for JSON Lines).
pub fn read(input: &Input, defaults: &Defaults) -> Vec<Result<Article, InputError>> {
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            match std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf) {
                Ok(_) => buf,
                Err(e) => return vec![fail("stdin", format!("cannot read: {e}"))],
            }
        }
        Input::File { path, name } => match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => return vec![fail(name, format!("cannot read: {e}"))],
        },
    };
    let path = match input {
        Input::Stdin => None,
        Input::File { path, .. } => Some(path.as_path()),
    };
    parse(input.name(), path, &bytes, defaults)
}

/// Parse the bytes of one input.
pub fn parse(
    name: &str,
    path: Option<&Path>,
    bytes: &[u8],
    defaults: &Defaults,
) -> Vec<Result<Article, InputError>> {
    let text = match decode(name, bytes) {
        Ok(text) => text,
        Err(e) => return vec![Err(e)],
    };
    let path_text = path.map(|p| p.display().to_string());
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    let trimmed = text.trim_start();
    let json_ext = matches!(ext.as_deref(), Some("jsonl" | "json"));
    if json_ext || looks_like_json_lines(trimmed) {
        if trimmed.starts_with('[') {
            return json_array(name, trimmed, path_text.as_deref(), defaults);
        }
        return json_lines(name, text, path_text.as_deref(), defaults);
    }
    let article =
        if text.starts_with("---") && text.lines().next().map(str::trim_end) == Some("---") {
            front_matter(name, text, defaults)
        } else {
            dated_or_plain(name, text, defaults)
        };
    vec![article.map(|mut a| {
        a.path = path_text;
        a
    })]
}

fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, InputError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return fail(name, "empty file");
    }
    if bytes.contains(&0) {
        return fail(name, "binary file (contains NUL bytes), not an article");
    }
    let text = std::str::from_utf8(bytes).or_else(|e| {
        fail(
            name,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn looks_like_json_lines(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("");
    (first.starts_with('{')
        && serde_json::from_str::<serde_json::Value>(first).is_ok_and(|v| v.is_object()))
        || (text.starts_with('[') && serde_json::from_str::<Vec<serde_json::Value>>(text).is_ok())
}

/// A publication date or time: `2024-01-19`, `2024-10-24T08:30:00+05:30`,
/// `2023-03-07 19:02:11-05:00`. A time with an offset gives its local date.
/// Returns the date and, when a time was given, the text of the time.
pub fn parse_published(s: &str) -> Result<(NaiveDate, Option<String>), String> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Ok((dt.date_naive(), Some(s.to_string())));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M%:z",
        "%Y-%m-%dT%H:%M%:z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Ok((dt.date_naive(), Some(s.to_string())));
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok((dt.date(), Some(s.to_string())));
        }
    }
    let span = Span::parse_value(s).map_err(|e| format!("publication date {e}"))?;
    if span.precision != Precision::Day {
        return Err(format!(
            "publication date {s:?} is not a day (expected YYYY-MM-DD)"
        ));
    }
    Ok((span.start, None))
}

fn finish(
    name: &str,
    body: &str,
    date: Option<(NaiveDate, Option<String>)>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    defaults: &Defaults,
) -> Result<Article, InputError> {
    let body = body.trim();
    if body.is_empty() {
        return fail(name, "no article text");
    }
    let (published, published_time) = match date {
        Some(d) => d,
        None => match defaults.date {
            Some(d) => (d, None),
            None => return fail(name, NO_DATE),
        },
    };
    let nonempty = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Article {
        name: name.to_string(),
        title: nonempty(title).or_else(|| defaults.title.clone()),
        url: nonempty(url).or_else(|| defaults.url.clone()),
        source: nonempty(source).or_else(|| defaults.source.clone()),
        published,
        published_time,
        body: body.to_string(),
        path: None,
    })
}

/// `date 2024-01-19` (or `date: 2024-01-19`) on the first line, possibly
/// followed by the start of the text; else plain text dated by `--date`.
fn dated_or_plain(name: &str, text: &str, defaults: &Defaults) -> Result<Article, InputError> {
    let start = text.trim_start();
    let (first, rest) = start.split_once('\n').unwrap_or((start, ""));
    let mut words = first.splitn(2, char::is_whitespace);
    let head = words.next().unwrap_or("");
    if head.eq_ignore_ascii_case("date") || head.eq_ignore_ascii_case("date:") {
        let after = words.next().unwrap_or("").trim_start();
        let (value, tail) = after.split_once(char::is_whitespace).unwrap_or((after, ""));
        if value.starts_with(|c: char| c.is_ascii_digit()) {
            let date = parse_published(value).or_else(|e| fail(name, e))?;
            let body = format!("{tail}\n{rest}");
            return finish(name, &body, Some(date), None, None, None, defaults);
        }
    }
    finish(name, text, None, None, None, None, defaults)
}

fn yaml_string(v: &serde_norway::Value) -> Option<String> {
    match v {
        serde_norway::Value::String(s) => Some(s.clone()),
        serde_norway::Value::Number(n) => Some(n.to_string()),
        serde_norway::Value::Bool(b) => Some(b.to_string()),
        serde_norway::Value::Tagged(t) => yaml_string(&t.value),
        _ => None,
    }
}

/// Markdown with YAML front matter between `---` lines.
fn front_matter(name: &str, text: &str, defaults: &Defaults) -> Result<Article, InputError> {
    let after_open = text.split_once('\n').map(|x| x.1).unwrap_or("");
    let mut yaml_end = None;
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        let l = line.trim_end();
        if l == "---" || l == "..." {
            yaml_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_len, body_start)) = yaml_end else {
        return fail(name, "front matter is not closed (no second --- line)");
    };
    let yaml = &after_open[..yaml_len];
    let body = &after_open[body_start..];
    let map: serde_norway::Mapping = if yaml.trim().is_empty() {
        serde_norway::Mapping::new()
    } else {
        serde_norway::from_str(yaml)
            .or_else(|e| fail(name, format!("front matter is not valid YAML: {e}")))?
    };
    let get = |key: &str| {
        map.get(key)
            .and_then(yaml_string)
            .filter(|s| !s.trim().is_empty())
    };
    let date = date_from(name, get("date"), get("published"), get("published_time"))?;
    finish(
        name,
        body,
        date,
        get("title"),
        get("url"),
        get("source"),
        defaults,
    )
}

/// The publication date from `date`, `published` and `published_time`
/// (first present wins), and the time text from the first that has a time.
fn date_from(
    name: &str,
    date: Option<String>,
    published: Option<String>,
    published_time: Option<String>,
) -> Result<Option<(NaiveDate, Option<String>)>, InputError> {
    let mut day = None;
    let mut time = None;
    for value in [date, published, published_time].into_iter().flatten() {
        let (d, t) = parse_published(&value).or_else(|e| fail(name, e))?;
        day.get_or_insert(d);
        if time.is_none() {
            time = t;
        }
    }
    Ok(day.map(|d| (d, time)))
}

fn json_record(
    name: &str,
    value: &serde_json::Value,
    path: Option<&str>,
    defaults: &Defaults,
) -> Result<Article, InputError> {
    let Some(obj) = value.as_object() else {
        return fail(name, "not a JSON object");
    };
    let get = |key: &str| match obj.get(key) {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let Some(body) = get("text").or_else(|| get("body")) else {
        return fail(name, "no \"text\" or \"body\" field");
    };
    let date = date_from(name, get("date"), get("published"), get("published_time"))?;
    let mut article = finish(
        name,
        &body,
        date,
        get("title"),
        get("url"),
        get("source"),
        defaults,
    )?;
    article.path = path.map(str::to_string);
    Ok(article)
}

fn json_lines(
    name: &str,
    text: &str,
    path: Option<&str>,
    defaults: &Defaults,
) -> Vec<Result<Article, InputError>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record = format!("{name}:{}", i + 1);
        out.push(match serde_json::from_str::<serde_json::Value>(line) {
            Ok(value) => json_record(&record, &value, path, defaults),
            Err(e) => fail(&record, format!("malformed JSON ({e})")),
        });
    }
    out
}

fn json_array(
    name: &str,
    text: &str,
    path: Option<&str>,
    defaults: &Defaults,
) -> Vec<Result<Article, InputError>> {
    match serde_json::from_str::<Vec<serde_json::Value>>(text) {
        Ok(values) => values
            .iter()
            .enumerate()
            .map(|(i, v)| json_record(&format!("{name}:{}", i + 1), v, path, defaults))
            .collect(),
        Err(e) => vec![fail(name, format!("malformed JSON ({e})"))],
    }
}

#[cfg(test)]
mod tests;
