//! The tokenizer: one pass over the bytes that splits words, numbers and
//! punctuation and looks each word up in the lexicon, so that text with no
//! date word is known at once. Nothing here resolves a date.

use super::lexicon::{Class, LEXICON};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A word in the lexicon.
    Word(u16),
    /// Any other word (or a mix of letters and digits such as "G20").
    Other,
    /// A run of digits (value, number of digits); more than 4 digits is `Big`.
    Num(u32, u8),
    /// "2,000", "1.5", 123456: never a day or a year.
    Big,
    /// 12th, 1st
    Ord(u32),
    /// 1990s
    Decade(i32),
    /// One punctuation byte; dashes are `-`.
    Punct(u8),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace (or the start of the text) right before the token.
    pub space: bool,
    /// A word that ended in 's (Monday's, May's).
    pub poss: bool,
}

/// Byte classes for the scanner.
const fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// A word byte at `i`, not the start of a dash, quote mark or NBSP.
fn letter_at(b: &[u8], i: usize) -> bool {
    let c = b[i];
    if c < 0x80 {
        return c.is_ascii_alphanumeric();
    }
    !(c == 0xC2 && b.get(i + 1) == Some(&0xA0)
        || c == 0xE2
            && b.get(i + 1) == Some(&0x80)
            && matches!(b.get(i + 2), Some(0x90..=0x9F | 0xA6)))
}

/// Split `text` into tokens and look words up. Returns whether any token could
/// be the head of a date, so that prose without one is skipped at once.
pub(super) fn tokenize(text: &str, out: &mut Vec<Tok>) -> bool {
    let lx = &*LEXICON;
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut space = true;
    let mut any = false;
    let mut buf = [0u8; 24];
    while i < n {
        let c = b[i];
        if c.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        if c >= 0x80 {
            // Multi-byte punctuation that matters: NBSP, dashes, quotes.
            if c == 0xC2 && i + 1 < n && b[i + 1] == 0xA0 {
                space = true;
                i += 2;
                continue;
            }
            if let Some(p) = wide_punct(b, i) {
                out.push(Tok {
                    start: i,
                    end: i + 3,
                    kind: Kind::Punct(p),
                    space,
                    poss: false,
                });
                space = false;
                i += 3;
                continue;
            }
        }
        if !is_word_byte(c) {
            out.push(Tok {
                start: i,
                end: i + 1,
                kind: Kind::Punct(c),
                space,
                poss: false,
            });
            space = false;
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            // Digits, with "," or "." between digits making one big number.
            let mut v: u64 = 0;
            let mut digits = 0u32;
            let mut big = false;
            while i < n {
                let d = b[i];
                if d.is_ascii_digit() {
                    v = v.saturating_mul(10).saturating_add((d - b'0') as u64);
                    digits += 1;
                    i += 1;
                } else if (d == b',' || d == b'.') && i + 1 < n && b[i + 1].is_ascii_digit() {
                    big = true;
                    i += 1;
                } else {
                    break;
                }
            }
            let mut kind = if big || digits > 4 {
                Kind::Big
            } else {
                Kind::Num(v as u32, digits as u8)
            };
            if i < n && letter_at(b, i) {
                // Letters glued to the digits: 12th, 1990s, 3pm.
                let ls = i;
                while i < n && letter_at(b, i) {
                    i += 1;
                }
                let suf = &b[ls..i];
                kind = match kind {
                    Kind::Num(v, d)
                        if d <= 2
                            && (suf.eq_ignore_ascii_case(b"st")
                                || suf.eq_ignore_ascii_case(b"nd")
                                || suf.eq_ignore_ascii_case(b"rd")
                                || suf.eq_ignore_ascii_case(b"th")) =>
                    {
                        Kind::Ord(v)
                    }
                    Kind::Num(v, 4)
                        if v % 10 == 0
                            && (1900..=2090).contains(&v)
                            && suf.eq_ignore_ascii_case(b"s") =>
                    {
                        Kind::Decade(v as i32)
                    }
                    // '90s and ’80s (not "his 90s"): '00s and '10s are this
                    // century, '20s to '90s the last (relative.tsv).
                    Kind::Num(v, 2)
                        if v % 10 == 0
                            && suf.eq_ignore_ascii_case(b"s")
                            && (start >= 1 && b[start - 1] == b'\''
                                || start >= 3 && b[start - 3..start] == [0xE2, 0x80, 0x99]) =>
                    {
                        Kind::Decade(if v < 20 {
                            2000 + v as i32
                        } else {
                            1900 + v as i32
                        })
                    }
                    _ => Kind::Other,
                };
            }
            any |= !matches!(kind, Kind::Other | Kind::Big);
            out.push(Tok {
                start,
                end: i,
                kind,
                space,
                poss: false,
            });
            space = false;
            continue;
        }
        // A word: letters, digits, non-ASCII letters, and an apostrophe between letters.
        let mut len = 0usize;
        let mut fits = true;
        let mut digit = false;
        loop {
            if i < n && is_word_byte(b[i]) {
                let d = b[i];
                if d == 0xC2 && i + 1 < n && b[i + 1] == 0xA0 {
                    break;
                }
                if wide_punct(b, i).is_some() {
                    // A dash or quote mark, not a letter.
                    if (b[i + 2] == 0x98 || b[i + 2] == 0x99)
                        && i + 3 < n
                        && b[i + 3].is_ascii_alphabetic()
                    {
                        if len < buf.len() {
                            buf[len] = b'\'';
                            len += 1;
                        } else {
                            fits = false;
                        }
                        i += 3;
                        continue;
                    }
                    break;
                }
                digit |= d.is_ascii_digit();
                if len < buf.len() {
                    buf[len] = d.to_ascii_lowercase();
                    len += 1;
                } else {
                    fits = false;
                }
                i += 1;
            } else if i + 1 < n && b[i] == b'\'' && b[i + 1].is_ascii_alphabetic() {
                if len < buf.len() {
                    buf[len] = b'\'';
                    len += 1;
                } else {
                    fits = false;
                }
                i += 1;
            } else {
                break;
            }
        }
        let mut kind = Kind::Other;
        let mut poss = false;
        if fits && !digit {
            let mut w = &buf[..len];
            if let Some(s) = w.strip_suffix(b"'s") {
                w = s;
                poss = true;
            }
            if let Some(id) = lx.get(w) {
                kind = Kind::Word(id);
                let e = &lx.entries[id as usize];
                any |= e.holiday_head
                    || matches!(
                        e.class,
                        Class::Month { .. }
                            | Class::Season(_)
                            | Class::DecadeWord(_)
                            | Class::Weekday(_)
                            | Class::Day(_)
                            | Class::Unit { .. }
                            | Class::Part(_)
                    );
            }
        }
        if i == start {
            // Not reached with the branches above; a guard so that a byte
            // they disagree on can never stop the loop from moving on.
            i += 1;
            continue;
        }
        out.push(Tok {
            start,
            end: i,
            kind,
            space,
            poss,
        });
        space = false;
    }
    any
}

/// A three-byte punctuation mark at `i` (U+2010 to U+2015 dashes, U+2018 to
/// U+201F quotes, U+2026 ellipsis) as the ASCII mark it stands for.
fn wide_punct(b: &[u8], i: usize) -> Option<u8> {
    if b.get(i) != Some(&0xE2) || b.get(i + 1) != Some(&0x80) {
        return None;
    }
    match b.get(i + 2)? {
        0x90..=0x95 => Some(b'-'),
        0x98..=0x9F => Some(b'\''),
        0xA6 => Some(b'.'),
        _ => None,
    }
}
