//! Rendering: values in, text out. Tables (comfy-table, fitted to the
//! terminal width), the JSON shapes of the command-line contract, CSV. No
//! queries and no arithmetic here: commands hand over finished values.

pub mod chart;
pub mod grid;
pub mod html;
pub mod json;
pub mod search;
pub mod text;
pub mod timelinejs;

use comfy_table::{presets, ContentArrangement, Table};
use std::io::{self, Write};

/// A table with our look, wrapping its cells to fit the terminal (or
/// `$COLUMNS` when the output is not a terminal).
pub fn table<I, S>(headers: I) -> Table
where
    I: IntoIterator<Item = S>,
    S: Into<comfy_table::Cell>,
{
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(headers);
    if !t.is_tty() {
        if let Some(cols) = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse::<u16>().ok())
        {
            t.set_width(cols);
        }
    }
    t
}

/// The width of a chart: the one asked for, else the terminal's when the
/// chart goes to one (as tables find it), else `$COLUMNS`, else 100.
pub fn chart_width(asked: Option<usize>, to_terminal: bool) -> usize {
    let terminal = || to_terminal.then(|| Table::new().width()).flatten();
    asked
        .or_else(|| terminal().map(usize::from))
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse::<usize>().ok())
                .filter(|&c| c > 0)
        })
        .unwrap_or(100)
}

/// Lines and a newline after each.
pub fn write_lines(out: &mut dyn Write, lines: &[String]) -> io::Result<()> {
    for l in lines {
        writeln!(out, "{l}")?;
    }
    Ok(())
}

/// Keep these columns (ids, dates, numbers, statuses) whole: only the text
/// columns wrap when the table must fit the width.
pub fn keep_whole(t: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
}

pub fn write_table(out: &mut dyn Write, t: &Table) -> io::Result<()> {
    writeln!(out, "{t}")
}

/// Pretty JSON and a newline.
pub fn write_json<T: serde::Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// A JSON array written element by element, for long lists.
pub fn write_json_array<T: serde::Serialize>(
    out: &mut dyn Write,
    items: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    let mut first = true;
    out.write_all(b"[")?;
    for item in items {
        out.write_all(if first { b"\n  " } else { b",\n  " })?;
        first = false;
        serde_json::to_writer(&mut *out, &item).map_err(io::Error::from)?;
    }
    out.write_all(if first { b"]\n" } else { b"\n]\n" })
}

/// An optional text, or nothing.
pub fn opt(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}
