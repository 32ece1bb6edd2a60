//! A fast table for long outputs (`gaps --all` over a million contacts, a
//! busy pair's history): the same look as our comfy-table tables, streamed
//! row by row without wrapping. comfy-table lays out every cell of every row
//! first, which took seconds and hundreds of megabytes for 300,000 rows.

use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Display width; ASCII (nearly every cell) without the Unicode tables.
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.width()
    }
}

/// Rows above which commands use a [`Grid`] instead of comfy-table.
pub const LONG: usize = 1000;

pub struct Grid {
    widths: Vec<usize>,
    /// The line being written, reused from row to row.
    line: String,
}

impl Grid {
    /// Column widths from the headers and a first pass over the cells.
    pub fn new(headers: &[&str]) -> Grid {
        Grid {
            widths: headers.iter().map(|h| width(h)).collect(),
            line: String::new(),
        }
    }

    /// Widen one column to at least `w` (first pass, for cells measured
    /// without being formatted).
    pub fn widen(&mut self, column: usize, w: usize) {
        if let Some(c) = self.widths.get_mut(column) {
            *c = (*c).max(w);
        }
    }

    /// Widen the columns for a row (first pass).
    pub fn measure(&mut self, cells: &[&str]) {
        for (w, c) in self.widths.iter_mut().zip(cells) {
            *w = (*w).max(width(c));
        }
    }

    fn rule(
        &self,
        out: &mut dyn Write,
        left: &str,
        fill: &str,
        mid: &str,
        right: &str,
    ) -> io::Result<()> {
        let mut line = String::from(left);
        for (i, w) in self.widths.iter().enumerate() {
            if i > 0 {
                line.push_str(mid);
            }
            line.push_str(&fill.repeat(w + 2));
        }
        line.push_str(right);
        writeln!(out, "{line}")
    }

    fn cells(&mut self, out: &mut dyn Write, cells: &[&str]) -> io::Result<()> {
        let mut line = std::mem::take(&mut self.line);
        line.clear();
        line.push('│');
        for (i, (w, c)) in self.widths.iter().zip(cells).enumerate() {
            if i > 0 {
                line.push('┆');
            }
            line.push(' ');
            line.push_str(c);
            for _ in 0..(w - width(c) + 1) {
                line.push(' ');
            }
        }
        line.push_str("│\n");
        let written = out.write_all(line.as_bytes());
        self.line = line;
        written
    }

    pub fn header(&mut self, out: &mut dyn Write, headers: &[&str]) -> io::Result<()> {
        self.rule(out, "┌", "─", "┬", "┐")?;
        self.cells(out, headers)?;
        self.rule(out, "╞", "═", "╪", "╡")
    }

    pub fn row(&mut self, out: &mut dyn Write, cells: &[&str]) -> io::Result<()> {
        self.cells(out, cells)
    }

    pub fn footer(&self, out: &mut dyn Write) -> io::Result<()> {
        self.rule(out, "└", "─", "┴", "┘")
    }
}

/// Write a whole table of owned cells with a [`Grid`].
pub fn write(out: &mut dyn Write, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut g = Grid::new(headers);
    for r in rows {
        g.measure(&r.iter().map(String::as_str).collect::<Vec<_>>());
    }
    g.header(out, headers)?;
    for r in rows {
        g.row(out, &r.iter().map(String::as_str).collect::<Vec<_>>())?;
    }
    g.footer(out)
}

/// Write a table of `rows` formatted on demand: `fill` writes a row's cells
/// into buffers reused from row to row, once to measure the columns and once
/// to write, so nothing per row is kept or allocated.
pub fn stream<I, const N: usize>(
    out: &mut dyn Write,
    headers: &[&str; N],
    rows: I,
    mut fill: impl FnMut(I::Item, &mut [String; N]),
) -> io::Result<()>
where
    I: Iterator + Clone,
{
    let mut cells: [String; N] = std::array::from_fn(|_| String::new());
    let mut format = |row, cells: &mut [String; N]| {
        cells.iter_mut().for_each(String::clear);
        fill(row, cells);
    };
    let mut g = Grid::new(headers);
    for r in rows.clone() {
        format(r, &mut cells);
        g.measure(&cells.each_ref().map(String::as_str));
    }
    // Written in blocks: stdout on a terminal is line-buffered, and a write
    // per row took twice as long as the rest of `gaps A B`.
    let mut out = io::BufWriter::new(out);
    g.header(&mut out, headers)?;
    for r in rows {
        format(r, &mut cells);
        g.row(&mut out, &cells.each_ref().map(String::as_str))?;
    }
    g.footer(&mut out)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_like_comfy_table() {
        let headers = ["date", "kind", "actors"];
        let rows = vec![
            vec![
                "2024-01-19".to_string(),
                "call".into(),
                "Joe Biden — Benjamin Netanyahu".into(),
            ],
            vec![
                "2019-10".to_string(),
                "meeting".into(),
                "Narendra Modi — Xi Jinping".into(),
            ],
        ];
        let mut grid = Vec::new();
        write(&mut grid, &headers, &rows).unwrap();
        let mut t = crate::render::table(headers);
        for r in &rows {
            t.add_row(r.clone());
        }
        let mut comfy = Vec::new();
        crate::render::write_table(&mut comfy, &t).unwrap();
        assert_eq!(
            String::from_utf8(grid).unwrap(),
            String::from_utf8(comfy).unwrap()
        );
    }

    #[test]
    fn streams_what_it_would_write_whole() {
        let headers = ["n", "square", "note"];
        let cells = |n: u32| {
            [
                n.to_string(),
                (n * n).to_string(),
                "é—".repeat(n as usize % 4),
            ]
        };
        let mut streamed = Vec::new();
        stream(&mut streamed, &headers, 0..30, |n, row| {
            for (cell, text) in row.iter_mut().zip(cells(n)) {
                cell.push_str(&text);
            }
        })
        .unwrap();
        let rows: Vec<Vec<String>> = (0..30).map(|n| cells(n).to_vec()).collect();
        let mut whole = Vec::new();
        write(&mut whole, &headers, &rows).unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(whole).unwrap()
        );
    }
}
