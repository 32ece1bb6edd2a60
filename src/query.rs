//! Search queries: what a user types after `dateline search`, checked and
//! rewritten into SQLite FTS5 query syntax before anything runs, so that a
//! malformed query is explained in plain words instead of an SQLite message.
//!
//! The language is FTS5's: words (all must match), `"exact phrases"`,
//! `prefix*`, `AND`, `OR`, `NOT` (in capitals; NOT excludes what follows it),
//! parentheses, and `title:` or `body:` before a word, phrase or group.
//! Every word is passed to FTS5 quoted, so that words with punctuation
//! (`U.S.`, `Xi's`, `G-20`) are searched as the phrases they are rather than
//! rejected. Pure: no SQL runs here.

use std::fmt::Write as _;

/// Why a query cannot be run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);

/// Columns a query may name with `column:`.
const COLUMNS: [&str; 2] = ["title", "body"];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// A word or a quoted phrase, with `*` for a prefix search.
    Term {
        text: String,
        quoted: bool,
        prefix: bool,
    },
    /// `title:` or `body:`.
    Column(String),
    And,
    Or,
    Not,
    Open,
    Close,
}

fn describe(t: &Token) -> String {
    match t {
        Token::Term { text, quoted, .. } if *quoted => format!("\"{text}\""),
        Token::Term { text, .. } => text.clone(),
        Token::Column(c) => format!("{c}:"),
        Token::And => "AND".into(),
        Token::Or => "OR".into(),
        Token::Not => "NOT".into(),
        Token::Open => "(".into(),
        Token::Close => ")".into(),
    }
}

fn tokens(query: &str) -> Result<Vec<Token>, QueryError> {
    let mut out = Vec::new();
    let mut chars = query.char_indices().peekable();
    while let Some(&(at, c)) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' => {
                chars.next();
                out.push(Token::Open);
            }
            ')' => {
                chars.next();
                out.push(Token::Close);
            }
            '"' => {
                chars.next();
                let mut text = String::new();
                let mut closed = false;
                while let Some((_, c)) = chars.next() {
                    if c == '"' {
                        // "" inside a phrase is a quote character.
                        if chars.peek().is_some_and(|&(_, n)| n == '"') {
                            chars.next();
                            text.push('"');
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    text.push(c);
                }
                if !closed {
                    return Err(QueryError(format!(
                        "the phrase {} has no closing quote: add a \" at its end",
                        &query[at..]
                    )));
                }
                let prefix = chars.peek().is_some_and(|&(_, n)| n == '*');
                if prefix {
                    chars.next();
                }
                out.push(Token::Term {
                    text,
                    quoted: true,
                    prefix,
                });
            }
            _ => {
                let mut word = String::new();
                while let Some(&(_, c)) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '(' | ')' | '"') {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                if let Some((column, rest)) = word.split_once(':') {
                    let lower = column.to_ascii_lowercase();
                    if COLUMNS.contains(&lower.as_str()) {
                        out.push(Token::Column(lower));
                        if rest.is_empty() {
                            continue;
                        }
                        word = rest.to_string();
                    }
                }
                out.push(match word.as_str() {
                    "AND" => Token::And,
                    "OR" => Token::Or,
                    "NOT" => Token::Not,
                    _ => {
                        let prefix = word.ends_with('*');
                        let text = word.trim_end_matches('*');
                        if text.is_empty() {
                            return Err(QueryError(
                                "a * must end a word (negotiat* finds negotiation and negotiator)"
                                    .into(),
                            ));
                        }
                        if word.len() - text.len() > 1 || text.contains('*') {
                            return Err(QueryError(format!(
                                "{word:?}: a * may only end a word, once (negotiat* finds negotiation and negotiator)"
                            )));
                        }
                        Token::Term {
                            text: text.to_string(),
                            quoted: false,
                            prefix,
                        }
                    }
                });
            }
        }
    }
    Ok(out)
}

/// Recursive descent over the tokens, writing the FTS5 query as it goes.
struct Parser {
    tokens: Vec<Token>,
    at: usize,
    out: String,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    /// What follows an operator, for messages.
    fn operand_error(&self, op: &str) -> QueryError {
        QueryError(match (op, self.peek()) {
            ("NOT", None) => {
                "NOT needs a word after it: it excludes what follows (biden NOT xi)".into()
            }
            (op, None) => format!(
                "{op} at the end has nothing to join: write a word on each side (biden {op} xi)"
            ),
            (op, Some(t)) => format!(
                "{op} cannot be followed by {}: write a word on each side (biden {op} xi)",
                describe(t)
            ),
        })
    }

    /// or := and (OR and)*
    fn or(&mut self) -> Result<(), QueryError> {
        self.and()?;
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            self.out.push_str(" OR ");
            self.and_operand("OR")?;
        }
        Ok(())
    }

    fn and_operand(&mut self, op: &str) -> Result<(), QueryError> {
        if self.starts_primary() {
            self.and()
        } else {
            Err(self.operand_error(op))
        }
    }

    /// and := not ((AND)? not)*
    fn and(&mut self) -> Result<(), QueryError> {
        self.not()?;
        loop {
            match self.peek() {
                Some(Token::And) => {
                    self.at += 1;
                    if !self.starts_primary() {
                        return Err(self.operand_error("AND"));
                    }
                    self.out.push_str(" AND ");
                    self.not()?;
                }
                _ if self.starts_primary() => {
                    self.out.push_str(" AND ");
                    self.not()?;
                }
                _ => return Ok(()),
            }
        }
    }

    /// not := primary (NOT primary)*
    fn not(&mut self) -> Result<(), QueryError> {
        self.primary()?;
        while self.peek() == Some(&Token::Not) {
            self.at += 1;
            if !self.starts_primary() {
                return Err(self.operand_error("NOT"));
            }
            self.out.push_str(" NOT ");
            self.primary()?;
        }
        Ok(())
    }

    fn starts_primary(&self) -> bool {
        matches!(
            self.peek(),
            Some(Token::Term { .. } | Token::Column(_) | Token::Open)
        )
    }

    fn primary(&mut self) -> Result<(), QueryError> {
        let Some(token) = self.peek().cloned() else {
            return Err(QueryError("the query is empty".into()));
        };
        self.at += 1;
        match token {
            Token::Term {
                text,
                quoted,
                prefix,
            } => {
                if !text.chars().any(char::is_alphanumeric) {
                    return Err(QueryError(format!(
                        "{} has no letters or digits to search for",
                        if quoted {
                            format!("\"{text}\"")
                        } else {
                            format!("{text:?}")
                        }
                    )));
                }
                let _ = write!(self.out, "\"{}\"", text.replace('"', "\"\""));
                if prefix {
                    self.out.push('*');
                }
                Ok(())
            }
            Token::Column(c) => {
                if !matches!(self.peek(), Some(Token::Term { .. } | Token::Open)) {
                    return Err(QueryError(format!(
                        "{c}: must be followed by a word, a phrase or a group ({c}:biden, {c}:\"phone call\")"
                    )));
                }
                let _ = write!(self.out, "{c} : ");
                self.primary()
            }
            Token::Open => {
                if self.peek() == Some(&Token::Close) {
                    return Err(QueryError("() is empty: put words inside".into()));
                }
                self.out.push('(');
                self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(QueryError(
                        "a ( is never closed (add the missing \")\")".into(),
                    ));
                }
                self.at += 1;
                self.out.push(')');
                Ok(())
            }
            Token::Close => Err(QueryError(
                "a ) closes nothing (remove it or add the \"(\" it closes)".into(),
            )),
            Token::And | Token::Or => {
                let op = describe(&token);
                Err(QueryError(format!(
                    "{op} needs a word before it: write a word on each side (biden {op} xi)"
                )))
            }
            Token::Not => Err(QueryError(
                "NOT needs words on both sides: it keeps what comes before and excludes what follows (biden NOT xi)".into(),
            )),
        }
    }
}

/// Check a user's query and rewrite it in FTS5 syntax.
pub fn to_fts5(query: &str) -> Result<String, QueryError> {
    let tokens = tokens(query)?;
    if tokens.is_empty() {
        return Err(QueryError("the query is empty".into()));
    }
    let mut p = Parser {
        tokens,
        at: 0,
        out: String::new(),
    };
    p.or()?;
    match p.peek() {
        None => Ok(p.out),
        Some(Token::Close) => Err(QueryError(
            "a ) closes nothing (remove it or add the \"(\" it closes)".into(),
        )),
        Some(t) => Err(QueryError(format!("unexpected {}", describe(t)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn queries_become_fts5() {
        for (query, expected) in [
            ("biden", r#""biden""#),
            ("biden xi", r#""biden" AND "xi""#),
            ("biden AND xi", r#""biden" AND "xi""#),
            ("biden OR xi", r#""biden" OR "xi""#),
            ("biden NOT xi", r#""biden" NOT "xi""#),
            ("biden xi OR putin", r#""biden" AND "xi" OR "putin""#),
            (r#""phone call""#, r#""phone call""#),
            (r#""phone call" biden"#, r#""phone call" AND "biden""#),
            ("negotiat*", r#""negotiat"*"#),
            (r#""prime min"*"#, r#""prime min"*"#),
            (
                "(biden OR trump) AND xi",
                r#"("biden" OR "trump") AND "xi""#,
            ),
            ("title:biden", r#"title : "biden""#),
            ("TITLE:(xi OR modi)", r#"title : ("xi" OR "modi")"#),
            (r#"body: "first call""#, r#"body : "first call""#),
            ("U.S. Xi's", r#""U.S." AND "Xi's""#),
            ("and or not", r#""and" AND "or" AND "not""#),
            (r#""say ""hello"" there""#, r#""say ""hello"" there""#),
            ("https://example.org", r#""https://example.org""#),
        ] {
            assert_eq!(to_fts5(query), Ok(expected.to_string()), "{query}");
        }
    }

    #[test]
    fn malformed_queries_are_explained() {
        for (query, reason) in [
            ("", "the query is empty"),
            ("   ", "the query is empty"),
            (
                "\"unbalanced",
                "the phrase \"unbalanced has no closing quote: add a \" at its end",
            ),
            (
                "AND",
                "AND needs a word before it: write a word on each side (biden AND xi)",
            ),
            (
                "foo NOT",
                "NOT needs a word after it: it excludes what follows (biden NOT xi)",
            ),
            (
                "NOT foo",
                "NOT needs words on both sides: it keeps what comes before and excludes what follows (biden NOT xi)",
            ),
            (
                "biden OR",
                "OR at the end has nothing to join: write a word on each side (biden OR xi)",
            ),
            (
                "biden AND OR xi",
                "AND cannot be followed by OR: write a word on each side (biden AND xi)",
            ),
            ("(biden", "a ( is never closed (add the missing \")\")"),
            (
                "biden)",
                "a ) closes nothing (remove it or add the \"(\" it closes)",
            ),
            ("()", "() is empty: put words inside"),
            (
                "title:",
                "title: must be followed by a word, a phrase or a group (title:biden, title:\"phone call\")",
            ),
            (
                "neg**",
                "\"neg**\": a * may only end a word, once (negotiat* finds negotiation and negotiator)",
            ),
            (
                "*",
                "a * must end a word (negotiat* finds negotiation and negotiator)",
            ),
            ("\"--\"", "\"--\" has no letters or digits to search for"),
        ] {
            assert_eq!(
                to_fts5(query),
                Err(QueryError(reason.to_string())),
                "{query:?}"
            );
        }
    }
}
