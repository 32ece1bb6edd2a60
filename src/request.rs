//! Raw arguments → typed requests: the database path chosen, dates parsed,
//! output formats picked. Commands take these and never see clap.

use crate::article::Defaults;
use crate::check::Status;
use crate::cli::{self, Cli, Command};
use crate::date::Span;
use crate::extract::{ActorKind, EventKind};
use crate::model::Origin;
use crate::userdate::{parse_user_date, parse_user_day};
use anyhow::{anyhow, bail, Context as _, Result};
use chrono::NaiveDate;
use std::path::PathBuf;

/// What every command gets.
#[derive(Debug, Clone)]
pub struct Context {
    pub db: PathBuf,
    pub json: bool,
    /// "Today": the clock read once in `main`, or `--now`.
    pub today: NaiveDate,
    /// `--color`, with NO_COLOR already turning `auto` into `never`.
    pub color: ColorChoice,
    /// Whether standard output is a terminal.
    pub terminal: bool,
    /// `--quiet`: no progress bars, no per-article lines, no import summary.
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl Context {
    /// Whether to colour what goes to standard output (`to_stdout`) or to a file.
    pub fn color(&self, to_stdout: bool) -> bool {
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => to_stdout && self.terminal,
        }
    }
}

/// `--chart`: width in columns when given, ASCII only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chart {
    pub width: Option<usize>,
    pub ascii: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
    Html,
    TimelineJs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    Csv,
    Jsonl,
}

#[derive(Debug, Clone)]
pub struct Add {
    pub paths: Vec<PathBuf>,
    pub defaults: Defaults,
    pub dry_run: bool,
}

/// Filters of `events` and `export`, actors still as names.
#[derive(Debug, Clone, Default)]
pub struct Events {
    pub actors: Vec<String>,
    pub kinds: Vec<EventKind>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub origins: Vec<Origin>,
}

#[derive(Debug, Clone)]
pub struct EventAdd {
    pub kind: EventKind,
    pub span: Span,
    pub actors: Vec<String>,
    pub article: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct EventEdit {
    pub id: i64,
    pub kind: Option<EventKind>,
    pub span: Option<Span>,
    pub actors: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Timeline {
    pub actors: Vec<String>,
    pub kinds: Vec<EventKind>,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub chart: Option<Chart>,
    /// Guard CSV cells against spreadsheet formulas.
    pub formula_guard: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Silence,
    Longest,
    Count,
    Last,
    Pair,
}

#[derive(Debug, Clone)]
pub struct Gaps {
    pub actors: (String, String),
    pub kinds: Vec<EventKind>,
    pub as_of: NaiveDate,
    pub chart: Option<Chart>,
}

#[derive(Debug, Clone)]
pub struct GapsAll {
    pub as_of: NaiveDate,
    pub sort: Sort,
    pub top: Option<usize>,
    pub min_contacts: usize,
}

#[derive(Debug, Clone)]
pub enum Actors {
    List,
    Show(String),
    Add {
        name: String,
        kind: ActorKind,
        role: Option<String>,
        country: Option<String>,
    },
    Alias {
        alias: String,
        actor: String,
    },
    Merge {
        from: String,
        into: String,
    },
    Rename {
        actor: String,
        new_name: String,
    },
}

#[derive(Debug, Clone)]
pub struct Search {
    /// As the user typed it, for messages.
    pub query: String,
    /// Checked and rewritten in FTS5 syntax.
    pub fts: String,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    Csv,
    Jsonl,
    Gdelt,
}

#[derive(Debug, Clone)]
pub struct Import {
    pub file: PathBuf,
    pub format: ImportFormat,
    /// Rows per transaction (CSV and JSON Lines).
    pub batch: usize,
}

#[derive(Debug, Clone)]
pub struct Export {
    pub format: DataFormat,
    pub output: Option<PathBuf>,
    /// Guard CSV cells against spreadsheet formulas.
    pub formula_guard: bool,
    pub filter: Events,
}

#[derive(Debug, Clone)]
pub enum Request {
    Add(Add),
    Articles,
    Show(i64),
    Rm(Vec<i64>),
    Events(Events),
    EventAdd(EventAdd),
    EventEdit(EventEdit),
    EventRm(Vec<i64>),
    Timeline(Timeline),
    Gaps(Gaps),
    GapsAll(GapsAll),
    Claims(Option<Status>),
    Actors(Actors),
    Search(Search),
    Import(Import),
    Export(Export),
    Info,
    Check,
    Backup(PathBuf),
    Completions(cli::ShellArg),
    Man,
    When(When),
    Eval(Eval),
}

#[derive(Debug, Clone)]
pub struct When {
    pub text: String,
    pub reference: NaiveDate,
    pub prefer: crate::extract::temporal::Prefer,
}

#[derive(Debug, Clone)]
pub struct Eval {
    pub dir: PathBuf,
    pub verbose: bool,
    pub strict: bool,
}

/// The database: `--db`, else `$DATELINE_DB` (both via clap), else
/// `dateline.db` in the platform data folder.
fn default_db() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "dateline")
        .ok_or_else(|| anyhow!("cannot find a home folder for the database; pass --db"))?;
    Ok(dirs.data_dir().join("dateline.db"))
}

fn kind(k: cli::KindArg) -> EventKind {
    match k {
        cli::KindArg::Call => EventKind::Call,
        cli::KindArg::Meeting => EventKind::Meeting,
        cli::KindArg::Visit => EventKind::Visit,
        cli::KindArg::Message => EventKind::Message,
        cli::KindArg::Statement => EventKind::Statement,
    }
}

fn origin(o: cli::OriginArg) -> Origin {
    match o {
        cli::OriginArg::Extracted => Origin::Extracted,
        cli::OriginArg::Manual => Origin::Manual,
        cli::OriginArg::Imported => Origin::Imported,
        cli::OriginArg::Inferred => Origin::Inferred,
    }
}

fn day(flag: &str, value: Option<&str>, today: NaiveDate) -> Result<Option<NaiveDate>> {
    value
        .map(|v| parse_user_day(v, today).map_err(|e| anyhow!("{flag}: {e}")))
        .transpose()
}

/// `--since` and `--until` as days: the first day of the since date and
/// the last of the until date, so `--until 2024-01` takes all of January.
fn period(
    since: Option<&str>,
    until: Option<&str>,
    today: NaiveDate,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>)> {
    let bound = |flag: &str, value: Option<&str>, end: bool| {
        value
            .map(|v| parse_user_date(v, today).map(|s| if end { s.end } else { s.start }))
            .transpose()
            .map_err(|e| anyhow!("{flag}: {e}"))
    };
    Ok((
        bound("--since", since, false)?,
        bound("--until", until, true)?,
    ))
}

fn events(a: cli::EventsArgs, today: NaiveDate) -> Result<Events> {
    let (since, until) = period(a.since.as_deref(), a.until.as_deref(), today)?;
    Ok(Events {
        actors: a.actor,
        kinds: a.kind.into_iter().map(kind).collect(),
        since,
        until,
        origins: a.origin.into_iter().map(origin).collect(),
    })
}

fn chart(a: &cli::ChartArgs, json: bool) -> Result<Option<Chart>> {
    if !a.chart {
        return Ok(None);
    }
    if json {
        bail!("--chart draws for people: leave out --json");
    }
    Ok(Some(Chart {
        width: a.width,
        ascii: a.ascii,
    }))
}

/// The format a file's name suggests: `.jsonl`/`.json` JSON Lines; GDELT's
/// own names (`20240119120000.export.CSV`, and `.zip` archives) GDELT;
/// anything else event CSV.
fn import_format(file: &std::path::Path) -> ImportFormat {
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if name.ends_with(".jsonl") || name.ends_with(".json") {
        ImportFormat::Jsonl
    } else if name.ends_with(".zip") || name.ends_with(".export.csv") {
        ImportFormat::Gdelt
    } else {
        ImportFormat::Csv
    }
}

fn data_format(f: cli::DataFormatArg) -> DataFormat {
    match f {
        cli::DataFormatArg::Csv => DataFormat::Csv,
        cli::DataFormatArg::Jsonl => DataFormat::Jsonl,
    }
}

/// Turn the parsed arguments into a context and a request. `clock` is
/// today's date as read by `main`.
pub fn build(cli: Cli, clock: NaiveDate) -> Result<(Context, Request)> {
    let today = day("--now", cli.now.as_deref(), clock)?.unwrap_or(clock);
    let db = match cli.db {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => default_db()?,
    };
    let json = cli.json;
    let request = match cli.command {
        Command::Add(a) => Request::Add(Add {
            paths: a.paths,
            defaults: Defaults {
                date: day("--date", a.date.as_deref(), today)?,
                title: a.title,
                url: a.url,
                source: a.source,
            },
            dry_run: a.dry_run,
        }),
        Command::Articles => Request::Articles,
        Command::Show { id } => Request::Show(id),
        Command::Rm { ids } => Request::Rm(ids),
        Command::Events(a) => Request::Events(events(a, today)?),
        Command::Event(cli::EventCmd::Add(a)) => {
            let reference = day("--ref", a.reference.as_deref(), today)?.unwrap_or(today);
            let span = parse_user_date(&a.date, reference).map_err(|e| anyhow!("--date: {e}"))?;
            Request::EventAdd(EventAdd {
                kind: kind(a.kind),
                span,
                actors: a.actors,
                article: a.article,
                note: a.note,
            })
        }
        Command::Event(cli::EventCmd::Edit(a)) => {
            let reference = day("--ref", a.reference.as_deref(), today)?.unwrap_or(today);
            let span = a
                .date
                .as_deref()
                .map(|d| parse_user_date(d, reference))
                .transpose()
                .map_err(|e| anyhow!("--date: {e}"))?;
            Request::EventEdit(EventEdit {
                id: a.id,
                kind: a.kind.map(kind),
                span,
                actors: a.actors,
                note: a.note,
            })
        }
        Command::Event(cli::EventCmd::Rm { ids }) => Request::EventRm(ids),
        Command::Timeline(a) => {
            let format = match a.format {
                Some(cli::FormatArg::Table) => Format::Table,
                Some(cli::FormatArg::Json) => Format::Json,
                Some(cli::FormatArg::Csv) => Format::Csv,
                Some(cli::FormatArg::Html) => Format::Html,
                Some(cli::FormatArg::Timelinejs) => Format::TimelineJs,
                None if json => Format::Json,
                None => Format::Table,
            };
            Request::Timeline(Timeline {
                chart: chart(&a.chart, json && a.format.is_none())?,
                actors: a.actors,
                kinds: a.kind.into_iter().map(kind).collect(),
                format,
                output: a.output,
                formula_guard: !a.no_formula_guard,
            })
        }
        Command::Gaps(a) => {
            let as_of = day("--as-of", a.as_of.as_deref(), today)?.unwrap_or(today);
            if a.all {
                if a.chart.chart {
                    bail!("--chart draws one pair (gaps A B --chart) or a timeline (timeline --chart)");
                }
                Request::GapsAll(GapsAll {
                    as_of,
                    sort: match a.sort {
                        cli::SortArg::Silence => Sort::Silence,
                        cli::SortArg::Longest => Sort::Longest,
                        cli::SortArg::Count => Sort::Count,
                        cli::SortArg::Last => Sort::Last,
                        cli::SortArg::Pair => Sort::Pair,
                    },
                    top: a.top,
                    min_contacts: a.min_contacts,
                })
            } else {
                let mut names = a.actors.into_iter();
                match (names.next(), names.next()) {
                    (Some(x), Some(y)) => Request::Gaps(Gaps {
                        actors: (x, y),
                        kinds: a.kind.into_iter().map(kind).collect(),
                        as_of,
                        chart: chart(&a.chart, json)?,
                    }),
                    _ => bail!("gaps needs two actors (gaps A B) or --all"),
                }
            }
        }
        Command::Claims(a) => Request::Claims(a.status.map(|s| match s {
            cli::StatusArg::Consistent => Status::Consistent,
            cli::StatusArg::Contradicted => Status::Contradicted,
            cli::StatusArg::Unverifiable => Status::Unverifiable,
        })),
        Command::Actors { action } => Request::Actors(match action {
            None | Some(cli::ActorsCmd::List) => Actors::List,
            Some(cli::ActorsCmd::Show { name }) => Actors::Show(name),
            Some(cli::ActorsCmd::Add {
                name,
                kind,
                role,
                country,
            }) => Actors::Add {
                name,
                kind: match kind {
                    cli::ActorKindArg::Person => ActorKind::Person,
                    cli::ActorKindArg::Organisation => ActorKind::Organisation,
                    cli::ActorKindArg::Country => ActorKind::Country,
                },
                role,
                country,
            },
            Some(cli::ActorsCmd::Alias { alias, actor }) => Actors::Alias { alias, actor },
            Some(cli::ActorsCmd::Merge { from, into }) => Actors::Merge { from, into },
            Some(cli::ActorsCmd::Rename { actor, new_name }) => Actors::Rename { actor, new_name },
        }),
        Command::Search(a) => {
            let query = a.query.join(" ");
            let fts = crate::query::to_fts5(&query)
                .map_err(|e| anyhow!("search query '{query}': {e}"))?;
            let (since, until) = period(a.since.as_deref(), a.until.as_deref(), today)?;
            Request::Search(Search {
                query,
                fts,
                since,
                until,
                limit: (a.limit > 0).then_some(a.limit),
            })
        }
        Command::Import(a) => {
            let format = match a.format {
                Some(cli::ImportFormatArg::Csv) => ImportFormat::Csv,
                Some(cli::ImportFormatArg::Jsonl) => ImportFormat::Jsonl,
                Some(cli::ImportFormatArg::Gdelt) => ImportFormat::Gdelt,
                None => import_format(&a.file),
            };
            if format == ImportFormat::Gdelt && a.file.as_os_str() == "-" {
                bail!("import --format gdelt reads a file, not standard input");
            }
            Request::Import(Import {
                file: a.file,
                format,
                batch: a.batch.map_or(crate::interop::BATCH, |n| n as usize),
            })
        }
        Command::Export(a) => Request::Export(Export {
            format: data_format(a.format),
            output: a.output,
            formula_guard: !a.no_formula_guard,
            filter: events(a.filter, today).context("export")?,
        }),
        Command::Info => Request::Info,
        Command::Check => Request::Check,
        Command::Backup { file } => Request::Backup(file),
        Command::When(a) => Request::When(When {
            text: a.text,
            reference: match a.reference {
                Some(r) => {
                    crate::userdate::parse_user_day(&r, today).map_err(|e| anyhow!("--ref: {e}"))?
                }
                None => today,
            },
            prefer: match a.prefer {
                cli::PreferArg::Past => crate::extract::temporal::Prefer::Past,
                cli::PreferArg::Future => crate::extract::temporal::Prefer::Future,
            },
        }),
        Command::Completions { shell } => Request::Completions(shell),
        Command::Man => Request::Man,
        Command::Eval(a) => Request::Eval(Eval {
            dir: a.dir,
            verbose: a.verbose,
            strict: a.strict,
        }),
    };
    // NO_COLOR (https://no-color.org): set and not empty turns colour off
    // unless asked for with --color always.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match cli.color {
        cli::ColorArg::Always => ColorChoice::Always,
        cli::ColorArg::Never => ColorChoice::Never,
        cli::ColorArg::Auto if no_color => ColorChoice::Never,
        cli::ColorArg::Auto => ColorChoice::Auto,
    };
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
    Ok((
        Context {
            db,
            json,
            today,
            color,
            terminal,
            quiet: cli.quiet,
        },
        request,
    ))
}
