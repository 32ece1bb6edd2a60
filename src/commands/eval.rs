//! `eval`: score extraction against a corpus folder.

use super::{Io, Outcome};
use crate::eval::score_dir;
use crate::request::Eval;
use anyhow::{anyhow, Result};

pub fn run(r: &Eval, io: &mut Io<'_>) -> Result<Outcome> {
    let report = score_dir(&r.dir).map_err(|e| anyhow!(e))?;
    write!(io.out, "{}", report.render(r.verbose))?;
    if r.strict && !report.totals.perfect() {
        io.problem(format!(
            "{}: extraction missed what the corpus expects (see above)",
            r.dir.display()
        ));
        return Ok(Outcome::Partial);
    }
    Ok(Outcome::Done)
}
