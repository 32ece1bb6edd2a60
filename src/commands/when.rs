//! `when`: the temporal resolver on one expression, as extraction uses it.

use super::{Io, Outcome};
use crate::date::Precision;
use crate::extract::temporal::resolve;
use crate::render::write_json;
use crate::request::{Context, When};
use anyhow::{bail, Result};

pub fn run(ctx: &Context, r: &When, io: &mut Io<'_>) -> Result<Outcome> {
    let Some(span) = resolve(&r.text, r.reference, r.prefer) else {
        bail!(
            "{:?}: not a date expression I understand (relative to {}); try \"yesterday\", \"last tuesday\", \"March 18\", \"late last year\" or YYYY-MM-DD",
            r.text,
            r.reference
        );
    };
    let kind = match span.precision {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Year => "year",
        Precision::Range => "range",
    };
    if ctx.json {
        let value = serde_json::json!({
            "text": r.text,
            "kind": kind,
            "value": span.value(),
            "start": span.start.to_string(),
            "end": span.end.to_string(),
        });
        write_json(io.out, &value)?;
    } else {
        writeln!(io.out, "{kind}\t{}", span.value())?;
    }
    Ok(Outcome::Done)
}
