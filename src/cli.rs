//! Command-line definitions. Help text comes from the `///` docs.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use geokg::graph::GroupBy;
use geokg::ingest::{InputFormat, InvalidUtf8};
use geokg::render::Format;
use std::path::PathBuf;

/// Turn news articles into a knowledge graph of coded geopolitical events (CAMEO / PLOVER),
/// stored in SQLite and drawn as relation graphs.
#[derive(Debug, Parser)]
#[command(name = "geokg", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// SQLite database file
    #[arg(long, global = true, env = "GEOKG_DB", default_value = "geokg.db")]
    pub db: PathBuf,
    /// Extra dictionary file: *.actors, *.agents, *.countries, *.verbs or *.nouns (repeatable)
    #[arg(long = "dict", global = true, value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// Date for documents that carry none (YYYY-MM-DD); also the date dated roles resolve on
    #[arg(long, global = true, value_parser = parse_cli_date, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
}

fn parse_cli_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("expected YYYY-MM-DD, got {text:?}"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles, extract events and store everything in the database
    Ingest(IngestArgs),
    /// Print the events of articles without touching a database
    Extract(ExtractArgs),
    /// Extract the stored documents again (after a dictionary change) and replace their events
    Recode(RecodeArgs),
    /// Run SQL against the database (read-only unless --write)
    Query(QueryArgs),
    /// Write the relation graph: DOT, SVG, PNG, JSON, GraphML or CSV
    Export(ExportArgs),
    /// List events: by actor, target, type and date
    Events(EventsArgs),
    /// List actors with their mention and event counts
    Actors(ActorsArgs),
    /// Counts, date range and the most central actors
    Stats(StatsArgs),
    /// The shortest chains of events between two actors, with evidence
    Path(PathArgs),
    /// Find sentences by full-text search, with their events
    Search(SearchArgs),
    /// Score extraction against PLOVER gold records (JSON Lines)
    Eval(EvalArgs),
    /// Ingest the bundled sample articles and draw their graph (the quick start)
    Demo(DemoArgs),
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or directories to read; `-` for standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Input format (default: from the file extension and content); .gz files are decompressed
    #[arg(long, visible_alias = "input-format", value_enum, default_value_t = InputFormat::Auto)]
    pub format: InputFormat,
    /// In directories, read only files matching this pattern (`*.html`, `**/2025-*.{md,txt}`)
    #[arg(long)]
    pub glob: Option<String>,
    /// Source name for documents that carry none
    #[arg(long)]
    pub source: Option<String>,
    /// Also skip documents whose URL is already stored
    #[arg(long)]
    pub dedup_url: bool,
    /// Text that is not valid UTF-8: repair it (with a warning) or skip the document
    #[arg(long, value_enum, default_value_t = InvalidUtf8::Lossy)]
    pub invalid_utf8: InvalidUtf8,
    /// Extraction threads (default: all cores)
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Print only warnings and the summary (no per-document lines, no progress)
    #[arg(long, short)]
    pub quiet: bool,
    /// Drop the large tables' secondary indexes during the load and rebuild them at the end,
    /// and count events into groups and edges in sorted passes once those tables are large:
    /// auto = for inputs of 8 MB or more that are at least twice the database's size
    #[arg(long, value_enum, default_value_t = BulkMode::Auto)]
    pub bulk: BulkMode,
    /// Documents per write transaction (default 16384; a transaction also commits at 32 MB of
    /// text or after 5 seconds; fewer lose less work to a crash, more write faster)
    #[arg(long, value_name = "N")]
    pub batch: Option<usize>,
    /// Also print throughput (MB/s, sentences/s, events/s) after the summary
    #[arg(long)]
    pub stats: bool,
}

#[derive(Debug, Args)]
pub struct RecodeArgs {
    /// Extraction threads (default: all cores)
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Print only errors and the summary (no progress)
    #[arg(long, short)]
    pub quiet: bool,
    /// Also print throughput (MB/s, sentences/s, events/s) after the summary
    #[arg(long)]
    pub stats: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BulkMode {
    Auto,
    On,
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventFormat {
    /// One event JSON object per line
    Jsonl,
    /// An aligned table for reading
    Table,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// File to read (`-` for standard input)
    #[arg(default_value = "-", value_name = "FILE")]
    pub input: PathBuf,
    /// Input format (default: from the file extension, or sniffed on stdin)
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = EventFormat::Jsonl)]
    pub format: EventFormat,
    /// Write to this file instead of standard output
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Print how each sentence was analysed (parts of speech, actors, verbs, codes) instead
    #[arg(long)]
    pub explain: bool,
    /// Extraction threads (default: all cores); output keeps the input order
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Print throughput (MB/s, sentences/s, events/s) on standard error at the end
    #[arg(long)]
    pub stats: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The SQL statement
    pub sql: String,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// Allow statements that modify the database
    #[arg(long)]
    pub write: bool,
}

/// Which events and actors to look at (shared by export, stats, events and path).
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Only events on or after this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only events on or before this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only these PLOVER types (comma-separated: REJECT,THREATEN)
    #[arg(long = "type", value_delimiter = ',', value_name = "TYPE")]
    pub types: Vec<String>,
    /// Only these quad classes: verbal-coop, material-coop, verbal-conflict, material-conflict
    /// (or 1-4; comma-separated; also "cooperation" and "conflict")
    #[arg(long, value_delimiter = ',', value_name = "QUAD")]
    pub quad: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format (default: from --output's extension, else dot)
    #[arg(long, short, value_enum)]
    pub format: Option<Format>,
    /// Output file (default: standard output)
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Centre on these actors (code, name or alias; repeatable)
    #[arg(long)]
    pub actor: Vec<String>,
    /// With --actor: how many steps of neighbours to include
    #[arg(long, default_value_t = 1)]
    pub hops: usize,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Drop edges with fewer events
    #[arg(long, default_value_t = 1)]
    pub min_count: u64,
    /// Keep the N most central actors (most events, then PageRank); default 40 for drawings, 0 = all
    #[arg(long)]
    pub top: Option<usize>,
    /// Keep the N strongest edges; default 120 for drawings, 0 = all
    #[arg(long)]
    pub max_edges: Option<usize>,
    /// Merge actors into one node per actor, code or country
    #[arg(long, value_enum, default_value_t = GroupBy::Actor)]
    pub group_by: GroupBy,
    /// Draw relations without direction (one line per pair of actors)
    #[arg(long, conflicts_with = "directed")]
    pub undirected: bool,
    /// Draw relations with direction (the default)
    #[arg(long)]
    pub directed: bool,
    /// One edge per event type instead of one per pair of actors
    #[arg(long)]
    pub split_types: bool,
    /// Layout engine for SVG and PNG: dot, neato, fdp, sfdp, circo, twopi (default: by size)
    #[arg(long)]
    pub engine: Option<String>,
    /// Title drawn above the graph
    #[arg(long)]
    pub title: Option<String>,
    /// Leave out the legend
    #[arg(long)]
    pub no_legend: bool,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Events of this actor (as source, or either side without --target)
    #[arg(long)]
    pub actor: Option<String>,
    /// Events aimed at this actor
    #[arg(long)]
    pub target: Option<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Also list negated events ("did not attack")
    #[arg(long)]
    pub negated: bool,
    /// At most this many events, most recent first
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// How many top actors to list
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    /// From this actor (code, name or alias)
    pub from: String,
    /// To this actor
    pub to: String,
    /// Longest chain to look for
    #[arg(long, default_value_t = 4)]
    pub max_hops: usize,
    /// At most this many chains
    #[arg(long, default_value_t = 3)]
    pub max_paths: usize,
    /// Follow events only from source to target
    #[arg(long)]
    pub directed: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Full-text query (SQLite FTS5 syntax: words, "a phrase", OR, NOT, prefix*)
    pub text: String,
    /// At most this many sentences
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct ActorsArgs {
    /// Show only the N actors with most events
    #[arg(long)]
    pub top: Option<usize>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold records, one JSON object per line
    pub gold: PathBuf,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Also list every record not fully matched, with the events extracted from it
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Folder of articles to ingest
    #[arg(long, default_value = "data/samples")]
    pub samples: PathBuf,
    /// Folder for the database and the graph
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
}
