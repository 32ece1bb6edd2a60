//! Dates typed by users in flags (`event add --date`, `--since`, `--as-of`):
//! the one place that reads them. ISO values (`2024-01-19`, `2024-01`,
//! `2024`, `2024-W03`, `2024-01-03..2024-01-05`) are read exactly, with a
//! precise message for impossible ones; everything else ("yesterday",
//! "last tuesday", "March 18") goes to the extractor's temporal resolver,
//! pointing back in time from the reference date.

use crate::date::{Precision, Span};
use crate::extract::temporal::{resolve, Prefer};
use chrono::NaiveDate;

/// A date as a user wrote it, resolved against `reference` (`--ref`, else
/// today).
pub fn parse_user_date(text: &str, reference: NaiveDate) -> Result<Span, String> {
    let t = text.trim();
    let iso = t
        .starts_with(|c: char| c.is_ascii_digit())
        .then(|| Span::parse_value(t));
    match iso {
        Some(Ok(span)) => Ok(span),
        Some(Err(e)) => resolve(t, reference, Prefer::Past).ok_or(e),
        None => resolve(t, reference, Prefer::Past).ok_or_else(|| {
            format!("{t:?} is not a date I understand (try YYYY-MM-DD, YYYY-MM, \"yesterday\", \"last tuesday\")")
        }),
    }
}

/// A single day typed by a user (`--as-of`, `--ref`, `--now`, `--date` of
/// `add`).
pub fn parse_user_day(text: &str, reference: NaiveDate) -> Result<NaiveDate, String> {
    let span = parse_user_date(text, reference)?;
    if span.precision != Precision::Day {
        return Err(format!(
            "{text:?} is not a single day (expected YYYY-MM-DD)"
        ));
    }
    Ok(span.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn user_dates() {
        let reference = d("2024-01-19");
        for (input, expected) in [
            ("2023-12-23", Ok("2023-12-23")),
            ("today", Ok("2024-01-19")),
            ("Yesterday", Ok("2024-01-18")),
            ("2023-12", Ok("2023-12")),
            ("2024-01-03..2024-01-05", Ok("2024-01-03..2024-01-05")),
            ("last tuesday", Ok("2024-01-16")),
            ("2024-02-30", Err("\"2024-02-30\": no such day")),
        ] {
            let got = parse_user_date(input, reference).map(|s| s.value());
            assert_eq!(
                got,
                expected.map(str::to_string).map_err(str::to_string),
                "{input}"
            );
        }
    }

    #[test]
    fn user_days_reject_months() {
        assert!(parse_user_day("2024-01", d("2024-01-19")).is_err());
        assert_eq!(
            parse_user_day("yesterday", d("2024-01-19")),
            Ok(d("2024-01-18"))
        );
    }
}
