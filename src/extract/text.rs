//! Sentences, tokens and clauses: the units the extractor reasons over.
//!
//! Offsets are byte offsets into the article body, so that evidence spans
//! point back at the text. Nothing here knows about actors or dates.

use crate::lexicon::fold;

/// A sentence: byte range in the body and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// The longest stretch of text treated as one sentence, in bytes.
const MAX_SENTENCE: usize = 2_000;

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj", "adm",
    "jr", "sr", "no", "vs", "prof", "pres", "amb", "hon", "rev", "mt", "ft", "inc", "corp", "ltd",
    "co", "u.s", "u.k", "u.n", "e.u", "d.c", "p.m", "a.m",
];

fn is_abbreviation(word: &str) -> bool {
    // "Japan-U.S." ends in the abbreviation "U.S."
    let word = word.rsplit('-').next().unwrap_or(word);
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lw = w.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lw.as_str())
        || (w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()))
        || (w.contains('.') && w.len() <= 6)
}

/// Split a body into sentences. A line break ends a sentence when the line
/// ends in sentence punctuation, is followed by a blank line, or is short
/// (a heading); hard-wrapped prose keeps flowing across lines.
pub fn sentences(body: &str) -> Vec<Sentence> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut start = 0usize;
    let mut i = 0usize;
    let mut line_start = 0usize;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize, p: usize| {
        let text = &body[s..e];
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        if e - trail > s + lead {
            out.push(Sentence {
                start: s + lead,
                end: e - trail,
                paragraph: p,
            });
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            let line = body[line_start..i].trim_end();
            let next_blank = body[i + 1..]
                .split('\n')
                .next()
                .is_none_or(|l| l.trim().is_empty());
            let ends = line.ends_with(['.', '!', '?', ':', '"', '\u{201d}']);
            if ends || next_blank || line.trim().chars().count() < 60 {
                push(&mut out, start, i, paragraph);
                start = i + 1;
                if next_blank || ends || line.trim().is_empty() {
                    // one paragraph per line is the common news layout
                    if !line.trim().is_empty() {
                        paragraph += 1;
                    }
                }
            }
            line_start = i + 1;
            i += 1;
            continue;
        }
        // a "sentence" of thousands of characters is not one (a dump, a
        // list, a page without punctuation): cut it at a space so that the
        // work per sentence stays bounded and extraction stays linear
        if i - start >= MAX_SENTENCE && b.is_ascii_whitespace() {
            push(&mut out, start, i, paragraph);
            start = i + 1;
            i += 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // closing quotes and brackets stay with the sentence
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            while j < bytes.len() && body[j..].starts_with('\u{201d}') {
                j += '\u{201d}'.len_utf8();
            }
            let rest = &body[j..];
            let next = rest.trim_start_matches([' ', '\t']);
            let spaced = rest.len() != next.len();
            let starts_upper = next.chars().next().is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || "\"'\u{201c}(".contains(c)
            });
            if spaced && starts_upper {
                let word_start = body[..i]
                    .char_indices()
                    .rfind(|&(_, c)| c.is_whitespace() || c == '(')
                    .map_or(start, |(p, c)| p + c.len_utf8());
                if b != b'.' || !is_abbreviation(&body[word_start..i]) {
                    push(&mut out, start, j, paragraph);
                    start = j;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, start, body.len(), paragraph);
    out
}

/// A word or punctuation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Folded (lowercase, no accents) form.
    pub key: String,
    /// Starts with an uppercase letter.
    pub cap: bool,
    pub word: bool,
}

/// Split text into tokens. A possessive "'s" becomes its own token; internal
/// periods ("U.S."), hyphens and apostrophes stay inside words.
pub fn tokens(text: &str, offset: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    let bytes = text.as_bytes();
    let char_at = |p: usize| text[p..].chars().next();
    let is_joiner = |c: char| matches!(c, '.' | '-' | '\'' | '\u{2019}' | '&');
    let mut pos = 0;
    while pos < text.len() {
        let Some(c) = char_at(pos) else { break };
        if c.is_alphanumeric() {
            // a word: letters and digits, with joiners inside ("U.S", "al-Sisi")
            let mut end = pos + c.len_utf8();
            while end < text.len() {
                let Some(ch) = char_at(end) else { break };
                if ch.is_alphanumeric() {
                    end += ch.len_utf8();
                } else if is_joiner(ch) {
                    let after = end + ch.len_utf8();
                    match char_at(after) {
                        Some(n) if n.is_alphanumeric() => end = after + n.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            let mut word_end = end;
            // trailing period of an abbreviation or initial ("U.S.", "R.", "Jan.")
            if bytes.get(end) == Some(&b'.') && is_abbreviation(&text[pos..end]) {
                word_end += 1;
            }
            let word = &text[pos..word_end];
            // possessive: "Netanyahu's" → "Netanyahu" "'s"
            let cut = ["'s", "'S", "\u{2019}s", "\u{2019}S"]
                .iter()
                .find(|p| word.ends_with(*p) && word.len() > p.len())
                .map(|p| word.len() - p.len());
            match cut {
                Some(cut) => {
                    out.push(Token {
                        start: offset + pos,
                        end: offset + pos + cut,
                        key: fold(&word[..cut]),
                        cap: c.is_uppercase(),
                        word: true,
                    });
                    out.push(Token {
                        start: offset + pos + cut,
                        end: offset + word_end,
                        key: "'s".into(),
                        cap: false,
                        word: true,
                    });
                }
                None => out.push(Token {
                    start: offset + pos,
                    end: offset + word_end,
                    key: fold(word),
                    cap: c.is_uppercase(),
                    word: true,
                }),
            }
            pos = word_end;
        } else if c.is_whitespace() {
            pos += c.len_utf8();
        } else {
            let end = pos + c.len_utf8();
            let key = match c {
                '\u{2014}' | '\u{2013}' => "--".to_string(),
                '\u{201c}' | '\u{201d}' => "\"".to_string(),
                '\u{2019}' | '\u{2018}' => "'".to_string(),
                _ => c.to_string(),
            };
            out.push(Token {
                start: offset + pos,
                end: offset + end,
                key,
                cap: false,
                word: false,
            });
            pos = end;
        }
    }
    out
}

/// Words that open a new clause after a comma (or anywhere for the
/// strong ones): each clause gets its own actors, date and modality.
pub fn clause_break(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if !t.word {
        // "with the leaders of the Group of Seven nations — Britain's Boris
        // Johnson, ...": a dash after a plural group opens its list
        if t.key == "--"
            && i > 0
            && matches!(
                tokens[i - 1].key.as_str(),
                "leaders"
                    | "nations"
                    | "countries"
                    | "members"
                    | "counterparts"
                    | "presidents"
                    | "ministers"
                    | "states"
                    | "heads"
                    | "government"
                    | "participants"
            )
        {
            return false;
        }
        // "... and Japan's Fumio Kishida — as well as ...": the list goes on
        let key = |k: usize| tokens.get(k).map_or("", |t| t.key.as_str());
        if t.key == "--" && (key(i + 1), key(i + 2), key(i + 3)) == ("as", "well", "as") {
            return false;
        }
        return matches!(t.key.as_str(), ";" | "--" | ":");
    }
    let after_comma = i > 0 && tokens[i - 1].key == ",";
    // "held talks with Albanese and invited him to ...": a new verb, a new clause
    if t.key == "and"
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.word && !n.cap && CLAUSE_VERBS.contains(&n.key.as_str()))
    {
        return true;
    }
    // ", hours after ...": another event, the same day
    if after_comma
        && matches!(t.key.as_str(), "hours" | "minutes")
        && tokens
            .get(i + 1)
            .is_some_and(|n| matches!(n.key.as_str(), "after" | "before"))
    {
        return true;
    }
    // ", a day after ...", ", two days before ...": another event, another day
    if after_comma
        && matches!(
            t.key.as_str(),
            "a" | "one" | "two" | "three" | "four" | "five"
        )
        && tokens
            .get(i + 1)
            .is_some_and(|n| matches!(n.key.as_str(), "day" | "days" | "week" | "weeks"))
        && tokens
            .get(i + 2)
            .is_some_and(|n| matches!(n.key.as_str(), "after" | "before"))
    {
        return true;
    }
    // "After speaking with Putin, Trump held a call with ...": a fronted
    // subordinate phrase ends at its comma
    if after_comma && !tokens[..i - 1].iter().any(|t| t.key == ",") {
        let opener = tokens.iter().find(|t| t.word).map(|t| t.key.as_str());
        if matches!(
            opener,
            Some("after" | "before" | "following" | "upon" | "having" | "while")
        ) {
            return true;
        }
    }
    match t.key.as_str() {
        "while" | "whereas" | "although" | "though" | "because" | "but" => true,
        "as" | "after" | "before" | "when" | "where" | "which" | "who" | "whom" | "since"
        | "until" | "amid" | "following" | "and" | "days" | "weeks" | "saying" | "adding"
        | "with" | "during" | "including" | "is" | "was" | "are" | "were" | "has" | "have"
        | "had" | "will" | "would" | "held" | "met" | "spoke" | "hosted" | "received"
        | "visited" | "called" | "agreed" | "told" | "signed" | "announced" => {
            after_comma
                && !(t.key == "and"
                    // a list of actors continues after ", and"
                    && tokens.get(i + 1).is_some_and(|n| n.cap))
        }
        _ => false,
    }
}

/// Past-tense verbs that start a second clause after "and".
const CLAUSE_VERBS: &[&str] = &[
    "invited",
    "said",
    "told",
    "agreed",
    "announced",
    "urged",
    "asked",
    "promised",
    "pledged",
    "vowed",
    "warned",
    "called",
    "expressed",
    "signed",
    "stressed",
    "welcomed",
    "offered",
    "proposed",
    "accepted",
    "declined",
    "refused",
    "reiterated",
    "discussed",
    "thanked",
    "congratulated",
    "praised",
    "raised",
    "briefed",
    "underlined",
    "emphasised",
    "emphasized",
    "later",
    "then",
    "will",
    "would",
    "plans",
    "planned",
    "is",
    "was",
    "are",
    "were",
];

/// Token index ranges of the clauses of a sentence.
pub fn clauses(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        if i > start && clause_break(tokens, i) {
            out.push((start, i));
            start = i;
        }
    }
    if start < tokens.len() {
        out.push((start, tokens.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s).iter().map(|x| &s[x.start..x.end]).collect()
    }

    #[test]
    fn sentences_respect_abbreviations() {
        assert_eq!(
            split("The U.S. president met Xi on Jan. 3. They spoke. Mr. Smith left."),
            vec![
                "The U.S. president met Xi on Jan. 3.",
                "They spoke.",
                "Mr. Smith left."
            ]
        );
        assert_eq!(
            split("Joseph R. Biden Jr. spoke today.\n\nThe leaders met."),
            vec!["Joseph R. Biden Jr. spoke today.", "The leaders met."]
        );
    }

    #[test]
    fn headings_are_sentences() {
        let s = "Biden spoke with Netanyahu.\n\nImplications and responses\n\nThe call comes.";
        assert_eq!(
            split(s),
            vec![
                "Biden spoke with Netanyahu.",
                "Implications and responses",
                "The call comes."
            ]
        );
    }

    #[test]
    fn possessives_split() {
        let t = tokens("Netanyahu's call with the U.S. president", 0);
        let keys: Vec<&str> = t.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "netanyahu",
                "'s",
                "call",
                "with",
                "the",
                "u.s.",
                "president"
            ]
        );
    }
}
