//! The terminal chart of `timeline --chart` and `gaps A B --chart`: one row
//! per lane on a date axis fitted to a width, a mark per contact by kind, the
//! silences longer than the lane's median drawn heavy with their length, the
//! claimed silences bracketed underneath with their status. [`layout`] is
//! pure: lanes and options in, lines out (with ANSI colours only when
//! asked). It never looks at the terminal: the command picks width and
//! colour.

use crate::check::Status;
use crate::date::day_number;
use crate::extract::EventKind;
use crate::lanes::Lane;
use chrono::{Datelike, NaiveDate};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Columns; narrower than [`MIN_WIDTH`] is drawn at [`MIN_WIDTH`].
    pub width: usize,
    /// Only ASCII characters in what the chart draws (names stay as they are).
    pub ascii: bool,
    /// ANSI colours.
    pub color: bool,
}

/// The narrowest chart drawn.
pub const MIN_WIDTH: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Dim,
    Kind(EventKind),
    Long,
    Claim(Status),
}

impl Style {
    fn ansi(self) -> Option<&'static str> {
        Some(match self {
            Style::Plain => return None,
            Style::Dim => "2",
            Style::Kind(EventKind::Call) => "36",
            Style::Kind(EventKind::Meeting) => "32",
            Style::Kind(EventKind::Visit) => "33",
            Style::Kind(EventKind::Message) => "35",
            Style::Kind(EventKind::Statement) => "34",
            Style::Long => "1;31",
            Style::Claim(Status::Consistent) => "32",
            Style::Claim(Status::Contradicted) => "1;31",
            Style::Claim(Status::Unverifiable) => "33",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell {
    ch: char,
    style: Style,
}

const BLANK: Cell = Cell {
    ch: ' ',
    style: Style::Plain,
};

/// The characters of one look (Unicode or ASCII).
struct Glyphs {
    ascii: bool,
    line: char,
    long: char,
    silence: char,
    span: char,
    axis: char,
    tick: char,
    open: char,
    fill: char,
    close: char,
    ellipsis: char,
}

const UNICODE: Glyphs = Glyphs {
    ascii: false,
    line: '─',
    long: '━',
    silence: '┄',
    span: '·',
    axis: '─',
    tick: '┬',
    open: '└',
    fill: '─',
    close: '┘',
    ellipsis: '…',
};

const ASCII: Glyphs = Glyphs {
    ascii: true,
    line: '-',
    long: '=',
    silence: '.',
    span: '~',
    axis: '-',
    tick: '+',
    open: '[',
    fill: '-',
    close: ']',
    ellipsis: '~',
};

impl Glyphs {
    /// The mark of a contact: filled when day-precise, hollow (ASCII: upper
    /// case) when only its week, month, year or a range is known.
    fn mark(&self, kind: EventKind, precise: bool) -> char {
        let (u, h, a) = match kind {
            EventKind::Call => ('●', '○', 'c'),
            EventKind::Meeting => ('■', '□', 'm'),
            EventKind::Visit => ('▲', '△', 'v'),
            EventKind::Message => ('✉', '◌', 's'),
            EventKind::Statement => ('◆', '◇', 't'),
        };
        match (self.ascii, precise) {
            (false, true) => u,
            (false, false) => h,
            (true, true) => a,
            (true, false) => a.to_ascii_uppercase(),
        }
    }

    fn status(&self, s: Status) -> &'static str {
        match (self.ascii, s) {
            (false, Status::Consistent) => "✓",
            (false, Status::Contradicted) => "✗",
            (false, Status::Unverifiable) => "?",
            (true, Status::Consistent) => "ok",
            (true, Status::Contradicted) => "no",
            (true, Status::Unverifiable) => "?",
        }
    }
}

/// Day numbers to columns `0..cols`.
struct Scale {
    lo: i64,
    hi: i64,
    cols: usize,
}

impl Scale {
    fn col(&self, day: i64) -> usize {
        let span = (self.hi - self.lo).max(1);
        let last = self.cols as i64 - 1;
        let x = ((day - self.lo) * last + span / 2).div_euclid(span);
        x.clamp(0, last) as usize
    }

    fn date(&self, d: NaiveDate) -> usize {
        self.col(day_number(d))
    }
}

fn mid(span: &crate::date::Span) -> i64 {
    (day_number(span.start) + day_number(span.end)) / 2
}

fn cells(text: &str, style: Style) -> Vec<Cell> {
    text.chars().map(|ch| Cell { ch, style }).collect()
}

fn put(row: &mut [Cell], at: usize, items: &[Cell]) {
    for (i, c) in items.iter().enumerate() {
        if let Some(slot) = row.get_mut(at + i) {
            *slot = *c;
        }
    }
}

/// A note under a lane: cells starting at a column.
struct Note {
    at: usize,
    cells: Vec<Cell>,
}

/// Text centred on a column, kept inside `0..cols`.
fn centred(center: usize, text: &str, style: Style, cols: usize) -> Note {
    let w = text.chars().count();
    let at = center.saturating_sub(w / 2).min(cols.saturating_sub(w));
    Note {
        at,
        cells: cells(text, style),
    }
}

/// A claimed silence from column `a` to `b`: `└── claim 27 d ✓ ──┘` when
/// the text fits inside, else the text ending at `b` with the closing mark.
fn bracket(a: usize, b: usize, text: &str, style: Style, g: &Glyphs, cols: usize) -> Note {
    let w = text.chars().count();
    let (a, b) = (a.min(b), a.max(b));
    if b - a + 1 >= w + 4 {
        let inner = b - a - 1;
        let left = (inner - w - 2) / 2;
        let mut v = vec![g.open];
        v.extend(std::iter::repeat_n(g.fill, left));
        v.push(' ');
        v.extend(text.chars());
        v.push(' ');
        v.extend(std::iter::repeat_n(g.fill, inner - w - 2 - left));
        v.push(g.close);
        return Note {
            at: a,
            cells: v.into_iter().map(|ch| Cell { ch, style }).collect(),
        };
    }
    let mut v: Vec<char> = text.chars().collect();
    v.push(g.close);
    let at = (b + 1)
        .saturating_sub(v.len())
        .min(cols.saturating_sub(v.len()));
    Note {
        at,
        cells: v.into_iter().map(|ch| Cell { ch, style }).collect(),
    }
}

/// The mark row of a lane and the notes that did not fit in it.
fn lane_rows(lane: &Lane, scale: &Scale, g: &Glyphs) -> (Vec<Cell>, Vec<Note>, bool) {
    let cols = scale.cols;
    let mut row = vec![BLANK; cols];
    let mut notes = Vec::new();
    let xs: Vec<usize> = lane
        .contacts
        .iter()
        .map(|c| scale.col(mid(&c.span)))
        .collect();
    let line = Cell {
        ch: g.line,
        style: Style::Dim,
    };
    if let (Some(&first), Some(&last)) = (xs.first(), xs.last()) {
        row[first.min(last)..=first.max(last)].fill(line);
    }
    // Month- or year-precise contacts: the days they may be.
    for c in lane.contacts.iter().filter(|c| !c.span.is_day()) {
        for cell in &mut row[scale.date(c.span.start)..=scale.date(c.span.end)] {
            if *cell == line || *cell == BLANK {
                *cell = Cell {
                    ch: g.span,
                    style: Style::Dim,
                };
            }
        }
    }
    // A silence between columns a and b (exclusive), labelled inside when it fits.
    let mut silence =
        |row: &mut Vec<Cell>, a: usize, b: usize, ch: char, style: Style, label: String| {
            for cell in row.iter_mut().take(b).skip(a + 1) {
                *cell = Cell { ch, style };
            }
            let inner = b.saturating_sub(a + 1);
            let label = if inner >= label.len() + 4 {
                format!(" {label} ")
            } else {
                label
            };
            let w = label.chars().count();
            if inner >= w + 2 {
                put(row, a + 1 + (inner - w) / 2, &cells(&label, style));
            } else {
                notes.push(centred((a + b) / 2, &label, style, cols));
            }
        };
    for (i, c) in lane.contacts.iter().enumerate().skip(1) {
        if let (true, Some(gap)) = (c.long, c.gap) {
            let label = format!("{} d", gap.display());
            silence(&mut row, xs[i - 1], xs[i], g.long, Style::Long, label);
        }
    }
    if let (Some((until, days)), Some(&last)) = (lane.silence, xs.last()) {
        let end = scale.date(until);
        if end > last {
            silence(
                &mut row,
                last,
                end + 1,
                g.silence,
                Style::Dim,
                format!("{} d", days.display()),
            );
        }
    }
    for cl in &lane.claims {
        let Some(ending) = cl.ending else { continue };
        let b = scale.col(mid(&ending));
        let a = cl.silence_start().map_or(b, |d| scale.date(d));
        let text = format!("claim {} {}", cl.days_text(), g.status(cl.status));
        let text = text.replace("  ", " ");
        notes.push(bracket(a, b, &text, Style::Claim(cl.status), g, cols));
    }
    // Marks last, over everything; several in one column become a count.
    let mut count = vec![0u32; cols];
    let mut crowded = false;
    for (c, &x) in lane.contacts.iter().zip(&xs) {
        count[x] += 1;
        row[x] = if count[x] == 1 {
            Cell {
                ch: g.mark(c.kind, c.span.is_day()),
                style: Style::Kind(c.kind),
            }
        } else {
            crowded = true;
            Cell {
                ch: char::from_digit(count[x].min(9), 10).unwrap_or('+'),
                style: Style::Plain,
            }
        };
    }
    (row, notes, crowded)
}

/// Notes packed into as few rows as needed, a space between neighbours.
fn pack(notes: Vec<Note>, cols: usize) -> Vec<Vec<Cell>> {
    // Each row with the column ranges its notes take.
    type Packed = (Vec<Cell>, Vec<(usize, usize)>);
    let mut rows: Vec<Packed> = Vec::new();
    for n in notes {
        let (a, b) = (n.at, n.at + n.cells.len());
        let free = |used: &Vec<(usize, usize)>| used.iter().all(|&(x, y)| b < x || a > y);
        let i = match rows.iter().position(|(_, used)| free(used)) {
            Some(i) => i,
            None => {
                rows.push((vec![BLANK; cols], Vec::new()));
                rows.len() - 1
            }
        };
        put(&mut rows[i].0, a, &n.cells);
        rows[i].1.push((a, b));
    }
    rows.into_iter().map(|(r, _)| r).collect()
}

/// Axis ticks: the first steps (in months) whose labels do not collide.
fn ticks(scale: &Scale) -> Vec<(usize, String)> {
    const STEPS: [i32; 11] = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200];
    let month_index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let lo = crate::date::from_day_number(scale.lo);
    let hi = crate::date::from_day_number(scale.hi);
    let mut best = Vec::new();
    for step in STEPS {
        let mut out = Vec::new();
        let mut m = month_index(lo);
        if m.rem_euclid(step) != 0 || lo.day() != 1 {
            m += step - m.rem_euclid(step);
        }
        while let Some(d) =
            NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)
        {
            if d > hi {
                break;
            }
            let label = if step < 12 {
                format!("{:04}-{:02}", d.year(), d.month())
            } else {
                d.year().to_string()
            };
            out.push((scale.date(d), label));
            m += step;
        }
        let w = out.first().map_or(0, |(_, l)| l.len());
        let fits = out.windows(2).all(|p| p[1].0 > p[0].0 + w)
            && out.last().is_none_or(|(x, _)| x + w <= scale.cols);
        best = out;
        if fits && !best.is_empty() {
            break;
        }
    }
    best.retain(|(x, l)| x + l.len() <= scale.cols);
    if best.is_empty() {
        best.push((0, crate::date::iso_day(lo)));
    }
    best
}

fn render(cells: &[Cell], color: bool) -> String {
    let used = cells.iter().rposition(|c| c.ch != ' ').map_or(0, |i| i + 1);
    let cells = &cells[..used];
    let mut s = String::new();
    let mut current = Style::Plain;
    for c in cells {
        if color && c.style != current && c.ch != ' ' {
            if current.ansi().is_some() {
                s.push_str("\x1b[0m");
            }
            if let Some(code) = c.style.ansi() {
                s.push_str("\x1b[");
                s.push_str(code);
                s.push('m');
            }
            current = c.style;
        }
        s.push(c.ch);
    }
    if color && current.ansi().is_some() {
        s.push_str("\x1b[0m");
    }
    s
}

/// A name cut to `w` columns with an ellipsis, padded to `w`.
fn fit(name: &str, w: usize, g: &Glyphs) -> String {
    let mut out = String::new();
    let mut used = 0;
    if name.width() <= w {
        out.push_str(name);
        used = name.width();
    } else {
        for ch in name.chars() {
            let cw = ch.width().unwrap_or(0);
            if used + cw + 1 > w {
                break;
            }
            out.push(ch);
            used += cw;
        }
        out.push(g.ellipsis);
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(used)));
    out
}

/// Legend entries wrapped to the width.
fn legend(entries: Vec<Vec<Cell>>, width: usize, color: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line: Vec<Cell> = Vec::new();
    for e in entries {
        if !line.is_empty() && line.len() + 2 + e.len() > width {
            lines.push(render(&line, color));
            line.clear();
        }
        if !line.is_empty() {
            line.extend(cells("  ", Style::Plain));
        }
        line.extend(e);
    }
    if !line.is_empty() {
        lines.push(render(&line, color));
    }
    lines
}

/// The chart of `lanes`: an axis, a row per lane (the lane's name, then its
/// marks), the notes under it, and a legend. No line is wider than the
/// width (counted in terminal columns, colour codes aside).
pub fn layout(lanes: &[Lane], o: &Options) -> Vec<String> {
    let g = if o.ascii { &ASCII } else { &UNICODE };
    let width = o.width.max(MIN_WIDTH);
    let (mut lo, mut hi) = (i64::MAX, i64::MIN);
    for l in lanes {
        for c in &l.contacts {
            lo = lo.min(day_number(c.span.start));
            hi = hi.max(day_number(c.span.end));
        }
        if lo > hi {
            continue;
        }
        for cl in &l.claims {
            if let (Some(e), Some(s)) = (cl.ending, cl.silence_start()) {
                lo = lo.min(day_number(s));
                hi = hi.max(day_number(e.end));
            }
        }
        if let Some((until, _)) = l.silence {
            hi = hi.max(day_number(until));
        }
    }
    if lo > hi {
        return vec!["no contacts to chart".into()];
    }
    if hi - lo < 60 {
        lo -= 30;
        hi += 30;
    }
    let label_w = lanes
        .iter()
        .map(|l| l.label().width())
        .max()
        .unwrap_or(0)
        .clamp(4, width * 2 / 5);
    let cols = width - label_w - 2;
    let scale = Scale { lo, hi, cols };
    let pad = " ".repeat(label_w + 2);

    let mut out = Vec::new();
    let mut labels = vec![BLANK; cols];
    let mut axis = vec![
        Cell {
            ch: g.axis,
            style: Style::Dim
        };
        cols
    ];
    for (x, text) in ticks(&scale) {
        put(&mut labels, x, &cells(&text, Style::Plain));
        axis[x].ch = g.tick;
    }
    out.push(format!("{pad}{}", render(&labels, o.color)));
    out.push(format!("{pad}{}", render(&axis, o.color)));

    let (mut kinds, mut imprecise, mut long, mut ongoing, mut crowded) =
        (Vec::new(), false, false, false, false);
    let mut statuses = Vec::new();
    for lane in lanes {
        let (row, notes, crowd) = lane_rows(lane, &scale, g);
        crowded |= crowd;
        for c in &lane.contacts {
            if !kinds.contains(&c.kind) {
                kinds.push(c.kind);
            }
            imprecise |= !c.span.is_day();
            long |= c.long;
        }
        ongoing |= lane.silence.is_some() && !lane.contacts.is_empty();
        for cl in lane.claims.iter().filter(|c| c.ending.is_some()) {
            if !statuses.contains(&cl.status) {
                statuses.push(cl.status);
            }
        }
        out.push(
            format!(
                "{}  {}",
                fit(&lane.label(), label_w, g),
                render(&row, o.color)
            )
            .trim_end()
            .to_string(),
        );
        for r in pack(notes, cols) {
            out.push(format!("{pad}{}", render(&r, o.color)));
        }
    }

    kinds.sort_by_key(|k| EventKind::ALL.iter().position(|x| x == k));
    let mut entries: Vec<Vec<Cell>> = Vec::new();
    for k in kinds {
        let mut e = vec![Cell {
            ch: g.mark(k, true),
            style: Style::Kind(k),
        }];
        e.extend(cells(&format!(" {}", k.as_str()), Style::Plain));
        entries.push(e);
    }
    if imprecise {
        let hollow = if o.ascii { "C M" } else { "○ □" };
        let mut e = cells(hollow, Style::Plain);
        e.extend(cells(
            &format!(" {}", "date known to the month or year"),
            Style::Plain,
        ));
        entries.push(e);
    }
    if crowded {
        entries.push(cells("2-9 contacts in one column", Style::Plain));
    }
    if long {
        let mut e = cells(&g.long.to_string().repeat(2), Style::Long);
        e.extend(cells(" silence longer than the median", Style::Plain));
        entries.push(e);
    }
    if ongoing {
        let mut e = cells(&g.silence.to_string().repeat(2), Style::Dim);
        e.extend(cells(" since the last contact", Style::Plain));
        entries.push(e);
    }
    let mut first = true;
    for s in [
        Status::Consistent,
        Status::Contradicted,
        Status::Unverifiable,
    ] {
        if statuses.contains(&s) {
            let mut e = if first {
                cells("claimed silence: ", Style::Plain)
            } else {
                Vec::new()
            };
            first = false;
            e.extend(cells(g.status(s), Style::Claim(s)));
            e.extend(cells(&format!(" {}", s.as_str()), Style::Plain));
            entries.push(e);
        }
    }
    out.push(String::new());
    out.extend(legend(entries, width, o.color));
    out
}

#[cfg(test)]
mod tests;
