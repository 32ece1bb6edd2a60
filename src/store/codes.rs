//! The integer codes of the `contacts` table's `kind` and `precision`
//! columns (schema step 3). Imports write a contacts row per event, and
//! binding and storing two texts there cost 0.27 s of 3.54 s (best of
//! four) of an import of a million events; the events table keeps the words, for people reading
//! the file in the sqlite3 shell.

use crate::date::Precision;
use crate::extract::EventKind;

/// Code `i + 1` is `KINDS[i]`; the order is part of the schema.
const KINDS: [EventKind; 5] = [
    EventKind::Call,
    EventKind::Meeting,
    EventKind::Visit,
    EventKind::Message,
    EventKind::Statement,
];

/// Code `i + 1` is `PRECISIONS[i]`; the order is part of the schema.
const PRECISIONS: [Precision; 5] = [
    Precision::Day,
    Precision::Week,
    Precision::Month,
    Precision::Year,
    Precision::Range,
];

pub(super) fn kind_code(kind: EventKind) -> i64 {
    KINDS
        .iter()
        .position(|k| *k == kind)
        .map_or(0, |i| i as i64 + 1)
}

pub(super) fn kind_from_code(code: i64) -> rusqlite::Result<EventKind> {
    usize::try_from(code - 1)
        .ok()
        .and_then(|i| KINDS.get(i).copied())
        .ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Integer,
                format!("unknown event kind code {code}").into(),
            )
        })
}

pub(super) fn precision_code(precision: Precision) -> i64 {
    PRECISIONS
        .iter()
        .position(|p| *p == precision)
        .map_or(0, |i| i as i64 + 1)
}

/// An unknown code reads as a range, the widest reading.
pub(super) fn precision_from_code(code: i64) -> Precision {
    usize::try_from(code - 1)
        .ok()
        .and_then(|i| PRECISIONS.get(i).copied())
        .unwrap_or(Precision::Range)
}

/// SQL giving the code of the kind word in `column`.
pub(super) fn kind_code_sql(column: &str) -> String {
    case(column, KINDS.iter().map(|k| k.as_str()))
}

/// SQL giving the code of the precision word in `column`.
pub(super) fn precision_code_sql(column: &str) -> String {
    case(column, PRECISIONS.iter().map(|p| p.as_str()))
}

fn case<'a>(column: &str, words: impl Iterator<Item = &'a str>) -> String {
    let arms: Vec<String> = words
        .enumerate()
        .map(|(i, w)| format!("WHEN '{w}' THEN {}", i + 1))
        .collect();
    format!("CASE {column} {} END", arms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_go_both_ways() {
        for k in KINDS {
            assert_eq!(kind_from_code(kind_code(k)).unwrap(), k);
        }
        for p in PRECISIONS {
            assert_eq!(precision_from_code(precision_code(p)), p);
        }
        assert!(kind_from_code(0).is_err());
        assert_eq!(precision_from_code(9), Precision::Range);
        assert_eq!(
            kind_code_sql("e.kind"),
            "CASE e.kind WHEN 'call' THEN 1 WHEN 'meeting' THEN 2 WHEN 'visit' THEN 3 \
             WHEN 'message' THEN 4 WHEN 'statement' THEN 5 END"
        );
    }
}
