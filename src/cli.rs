//! Command-line arguments: clap derive definitions, and the shell
//! completions and manual page generated from them. `request` turns the
//! arguments into the typed requests the commands take; nothing else sees clap.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about = "Turn news articles into a timeline of who contacted whom and when, and the gaps between contacts",
    after_help = "Start here:
  dateline add examples/                 read articles, record the contacts they report
  dateline timeline Netanyahu            an actor's contacts, oldest first, with the gaps
  dateline gaps Biden Xi                 every contact of a pair, the gaps, the silence since
  dateline gaps --all --top 10           who has gone quiet
  dateline claims                        do stated gaps (\"first call in 27 days\") hold up?
  dateline timeline --format html -o t.html    a page to share

Names are matched by any alias or a unique surname, ignoring case and accents.
Each command has its own --help."
)]
pub struct Cli {
    /// Database file (default: $DATELINE_DB, else the platform data folder)
    #[arg(long, global = true, env = "DATELINE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Print data as JSON
    #[arg(long, global = true)]
    pub json: bool,

    /// Fix "today" (YYYY-MM-DD), for tests and reproducible output
    #[arg(long, global = true, hide = true, value_name = "DATE")]
    pub now: Option<String>,

    /// Colour: auto (only on a terminal, and not when NO_COLOR is set), always, never
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorArg,

    /// No progress bars, no per-article lines of add, no import summary (errors still shown)
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

/// The terminal chart of `timeline` and `gaps A B`.
#[derive(Debug, Args)]
pub struct ChartArgs {
    /// Draw a chart: a lane per pair on a date axis, a mark per contact
    #[arg(long)]
    pub chart: bool,
    /// Draw the chart with ASCII characters only
    #[arg(long, requires = "chart")]
    pub ascii: bool,
    /// Chart width in columns (default: the terminal's, else $COLUMNS, else 100)
    #[arg(long, requires = "chart", value_name = "N")]
    pub width: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add articles: files, folders (recursively), or - for stdin
    Add(AddArgs),
    /// List the articles
    Articles,
    /// Show an article with its events, evidence and claims
    Show {
        /// Article id
        id: i64,
    },
    /// Remove articles and the events only they supported
    Rm {
        /// Article ids
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// List events
    Events(EventsArgs),
    /// Record, fix or remove an event by hand
    #[command(subcommand)]
    Event(EventCmd),
    /// Events oldest first, with the gap since the previous contact of the same pair
    Timeline(TimelineArgs),
    /// The contacts of a pair with the gaps between them, or every pair with --all
    Gaps(GapsArgs),
    /// Stated gaps and whether the recorded contacts bear them out
    Claims(ClaimsArgs),
    /// Search the articles' titles and text, best match first
    #[command(
        after_help = "The query: words (all must appear), \"exact phrases\", prefix* (negotiat*\nfinds negotiation), AND, OR, NOT (in capitals; NOT excludes what follows),\n(groups), and title: or body: before a word, phrase or group. Quote the\nquery for the shell when it holds phrases or parentheses.\n\nEach hit shows the matching passage with the hits marked (bold on a\nterminal, else \u{ab}between guillemets\u{bb}) and the events recorded from it.\n\nExamples:\n  dateline search biden xi\n  dateline search '\"first call\" OR \"first conversation\"' --since 2023\n  dateline search 'title:(putin OR xi) NOT summit*' --json"
    )]
    Search(SearchArgs),
    /// List and manage actors
    Actors {
        #[command(subcommand)]
        action: Option<ActorsCmd>,
    },
    /// Import events from CSV, JSON Lines or GDELT 2.0 event files
    Import(ImportArgs),
    /// Export events as CSV or JSON Lines
    Export(ExportArgs),
    /// Database path, schema version and counts
    Info,
    /// Check the database: SQLite's integrity and foreign-key checks, and the contacts table against the events
    Check,
    /// Copy the database to FILE while it is in use (SQLite's online backup)
    Backup {
        /// The copy (replaced whole if it exists)
        file: PathBuf,
    },
    /// Resolve a date expression the way extraction does ("last tuesday")
    #[command(
        after_help = "Examples:\n  dateline when \"last tuesday\" --ref 2024-01-19\n  dateline when \"Dec. 30\" --ref 2024-01-05      # the previous year\n  dateline when \"next friday\" --prefer future --json"
    )]
    When(WhenArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Install, for example:\n  bash:        dateline completions bash > ~/.local/share/bash-completion/completions/dateline\n  zsh:         dateline completions zsh > ~/.zfunc/_dateline   (with ~/.zfunc in $fpath)\n  fish:        dateline completions fish > ~/.config/fish/completions/dateline.fish\n  PowerShell:  dateline completions powershell | Out-String | Invoke-Expression"
    )]
    Completions {
        #[arg(value_enum)]
        shell: ShellArg,
    },
    /// Print the manual page (roff): dateline man | man -l -
    Man,
    /// Score extraction against a corpus folder (articles/ and expected.jsonl)
    #[command(
        after_help = "The folder holds articles/ and expected.jsonl in the format of\ncorpus/shared/README.md. Prints the misses per article and the totals:\ncontact recall, precision, exact date, kind accuracy, claim recall,\nforbidden hits. With --strict, exits 1 unless everything is found."
    )]
    Eval(EvalArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

/// The clap command, for completions and the manual page.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// Write the completion script for `shell`.
pub fn write_completions(shell: ShellArg, out: &mut dyn std::io::Write) {
    use clap_complete::Shell;
    let shell = match shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
        ShellArg::Powershell => Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut command(), "dateline", out);
}

/// Write the manual page, in roff: the program's page, then a COMMANDS
/// section with each command's synopsis and options (one page holds them
/// all, instead of the dateline-add(1) pages clap_mangen would refer to).
pub fn write_man(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let cmd = command();
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut page)?;
    let page = String::from_utf8_lossy(&page)
        .replace("dateline\\-", "dateline ")
        .replace("(1)\n", "\n");
    out.write_all(page.as_bytes())?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("dateline {}", sub.get_name());
        let sub = sub.clone().bin_name(name.clone());
        let man = clap_mangen::Man::new(sub.clone());
        let mut synopsis = Vec::new();
        man.render_synopsis_section(&mut synopsis)?;
        let mut options = Vec::new();
        man.render_options_section(&mut options)?;
        writeln!(out, ".SS \"{name}\"")?;
        if let Some(about) = sub.get_about() {
            writeln!(out, "{}", roff_text(&about.to_string()))?;
            writeln!(out, ".PP")?;
        }
        for section in [synopsis, options] {
            for line in String::from_utf8_lossy(&section).lines() {
                if !line.starts_with(".SH ") {
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    Ok(())
}

/// Text safe as a roff line: backslashes escaped, no leading dot or quote.
fn roff_text(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

#[derive(Debug, Args)]
pub struct WhenArgs {
    /// The expression: "yesterday", "last tuesday", "March 18", "late last year", "2024-W02"
    pub text: String,
    /// The date it is relative to (default: today)
    #[arg(long = "ref", value_name = "DATE")]
    pub reference: Option<String>,
    /// Direction for bare weekdays and month-days
    #[arg(long, value_enum, default_value = "past")]
    pub prefer: PreferArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PreferArg {
    Past,
    Future,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Corpus folder: articles/ and expected.jsonl
    pub dir: PathBuf,
    /// List the articles with no miss too
    #[arg(long, short)]
    pub verbose: bool,
    /// Exit with status 1 unless every contact, date, kind and claim is found and nothing forbidden is produced
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Files, folders or - for standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Publication date for articles that lack one (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Title for articles that lack one
    #[arg(long)]
    pub title: Option<String>,
    /// URL for articles that lack one
    #[arg(long)]
    pub url: Option<String>,
    /// Source (publication) for articles that lack one
    #[arg(long)]
    pub source: Option<String>,
    /// Extract and print, store nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Events with this actor (repeat: events with all of them)
    #[arg(long, value_name = "NAME")]
    pub actor: Vec<String>,
    /// Only this kind (repeatable)
    #[arg(long, value_enum)]
    pub kind: Vec<KindArg>,
    /// Events on or after this date
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Events on or before this date
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only this origin (repeatable)
    #[arg(long, value_enum)]
    pub origin: Vec<OriginArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Call,
    Meeting,
    Visit,
    Message,
    Statement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OriginArg {
    Extracted,
    Manual,
    Imported,
    Inferred,
}

#[derive(Debug, Subcommand)]
pub enum EventCmd {
    /// Record an event
    Add(EventAddArgs),
    /// Change an event
    Edit(EventEditArgs),
    /// Remove events
    Rm {
        /// Event ids
        #[arg(required = true)]
        ids: Vec<i64>,
    },
}

#[derive(Debug, Args)]
pub struct EventAddArgs {
    #[arg(long, value_enum)]
    pub kind: KindArg,
    /// Date: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, A..B, "today", "yesterday"
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// An actor (repeat for each)
    #[arg(long = "actor", value_name = "NAME", required = true)]
    pub actors: Vec<String>,
    /// The article that reports it
    #[arg(long, value_name = "ID")]
    pub article: Option<i64>,
    #[arg(long)]
    pub note: Option<String>,
    /// Date that relative dates count from (default: today)
    #[arg(long = "ref", value_name = "DATE")]
    pub reference: Option<String>,
}

#[derive(Debug, Args)]
pub struct EventEditArgs {
    /// Event id
    pub id: i64,
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Replace the actors (repeat for each)
    #[arg(long = "actor", value_name = "NAME")]
    pub actors: Vec<String>,
    /// Set the note ("" clears it)
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long = "ref", value_name = "DATE")]
    pub reference: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
    /// One self-contained page with an SVG timeline
    Html,
    /// JSON for TimelineJS 3
    Timelinejs,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// One actor, a pair, or none for everyone
    #[arg(value_name = "ACTOR")]
    pub actors: Vec<String>,
    #[arg(long, value_enum, conflicts_with = "chart")]
    pub format: Option<FormatArg>,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_enum)]
    pub kind: Vec<KindArg>,
    #[command(flatten)]
    pub chart: ChartArgs,
    /// Write CSV cells that start with =, +, -, @, a tab or a carriage return
    /// as they are (by default they get a leading ' so that a spreadsheet shows
    /// them as text instead of running them; import strips it again)
    #[arg(long)]
    pub no_formula_guard: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Longest current silence first
    Silence,
    /// Longest gap first
    Longest,
    /// Most contacts first
    Count,
    /// Most recent contact first
    Last,
    /// By actor names
    Pair,
}

#[derive(Debug, Args)]
pub struct GapsArgs {
    /// The two actors
    #[arg(value_name = "ACTOR", num_args = 0..=2)]
    pub actors: Vec<String>,
    /// Every pair, one row each
    #[arg(long, conflicts_with = "actors")]
    pub all: bool,
    /// Count the current silence up to this date (default: today)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Only contacts of this kind (repeatable)
    #[arg(long, value_enum)]
    pub kind: Vec<KindArg>,
    /// Order of --all
    #[arg(long, value_enum, default_value = "silence")]
    pub sort: SortArg,
    /// Only the first N pairs of --all
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Only pairs with at least N contacts
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_contacts: usize,
    #[command(flatten)]
    pub chart: ChartArgs,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (several arguments are joined with spaces)
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Articles published on or after this date
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Articles published on or before this date
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// At most N articles (0: all)
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Consistent,
    Contradicted,
    Unverifiable,
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Only claims with this status
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
}

#[derive(Debug, Subcommand)]
pub enum ActorsCmd {
    /// List actors
    List,
    /// Show an actor: aliases, roles, contacts
    Show { name: String },
    /// Add an actor
    Add {
        name: String,
        #[arg(long, value_enum, default_value = "person")]
        kind: ActorKindArg,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        country: Option<String>,
    },
    /// Give an actor another name
    Alias {
        /// The other name
        alias: String,
        /// The actor
        actor: String,
    },
    /// Merge actor FROM into actor INTO (events, aliases and claims move; FROM's name becomes an alias)
    Merge { from: String, into: String },
    /// Rename an actor (the old name stays as an alias)
    Rename { actor: String, new_name: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActorKindArg {
    Person,
    Organisation,
    Country,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataFormatArg {
    Csv,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormatArg {
    /// Event CSV with a header row (the columns of `export`)
    Csv,
    /// JSON Lines: one `events --json` object a line
    Jsonl,
    /// A GDELT 2.0 event export file (.export.CSV, or the .zip it comes in)
    Gdelt,
}

#[derive(Debug, Args)]
#[command(
    after_help = "GDELT 2.0 event files: rows with CAMEO event codes 040 to 046 between two\nnamed actors become contacts (041 call; 042, 043 visit; 040, 044, 045, 046\nmeeting), dated by SQLDATE, with SOURCEURL as the source; other rows are\ncounted and skipped. Importing a file again adds nothing.\n\nExamples:\n  dateline import events.csv\n  dateline import --format gdelt 20240119120000.export.CSV.zip"
)]
pub struct ImportArgs {
    /// CSV, JSON Lines or GDELT file, or - for standard input (CSV or JSON Lines)
    pub file: PathBuf,
    /// Format (default: from the file name: .jsonl/.json JSON Lines,
    /// .export.CSV or .zip GDELT, else CSV)
    #[arg(long, value_enum)]
    pub format: Option<ImportFormatArg>,
    /// Rows per write transaction for CSV and JSON Lines (tests that kill an
    /// import use small batches)
    #[arg(long, hide = true, value_name = "ROWS", value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: Option<u32>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "csv")]
    pub format: DataFormatArg,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write CSV cells that start with =, +, -, @, a tab or a carriage return
    /// as they are (by default they get a leading ' so that a spreadsheet shows
    /// them as text instead of running them; import strips it again)
    #[arg(long)]
    pub no_formula_guard: bool,
    #[command(flatten)]
    pub filter: EventsArgs,
}
