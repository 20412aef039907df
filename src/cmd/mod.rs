//! One file per subcommand: build options, call the library, print.

pub mod actors;
pub mod demo;
pub mod eval;
pub mod events;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod path;
pub mod query;
pub mod recode;
pub mod search;
pub mod stats;

use crate::cli::{FilterArgs, GlobalArgs, TableFormat};
use anyhow::{Context, Result};
use geokg::dict::Dictionaries;
use geokg::store::{QueryResult, Value};
use geokg::{ExtractOptions, Extractor};
use std::io::{BufWriter, Write};
use std::path::Path;

/// Exit status of a run that completed but could not read some inputs.
pub const EXIT_PARTIAL: u8 = 3;

/// An extractor with the built-in dictionaries plus `--dict` files and the user folder.
pub fn extractor(global: &GlobalArgs) -> Result<Extractor> {
    let mut files = Dictionaries::default_user_files();
    files.extend(global.dicts.iter().cloned());
    let dict = Dictionaries::with_user_files(&files).context("loading dictionaries")?;
    Ok(Extractor::new(
        dict,
        ExtractOptions {
            default_date: global.date,
            today: None,
        },
    ))
}

/// The event filter the command line asks for; quads by number or name.
pub fn edge_filter(args: &FilterArgs) -> Result<geokg::store::EdgeFilter> {
    let mut quads = Vec::new();
    for q in &args.quad {
        let q = q.trim().to_ascii_lowercase();
        let found: &[u8] = match q.as_str() {
            "1" | "verbal-coop" | "verbal-cooperation" => &[1],
            "2" | "material-coop" | "material-cooperation" => &[2],
            "3" | "verbal-conflict" => &[3],
            "4" | "material-conflict" => &[4],
            "cooperation" | "coop" => &[1, 2],
            "conflict" => &[3, 4],
            "verbal" => &[1, 3],
            "material" => &[2, 4],
            _ => anyhow::bail!("unknown quad class {q:?} (use 1-4, verbal-coop, material-coop, verbal-conflict, material-conflict, cooperation, conflict)"),
        };
        quads.extend_from_slice(found);
    }
    quads.sort_unstable();
    quads.dedup();
    let mut types = Vec::new();
    for t in &args.types {
        let plover = geokg::Plover::parse(t)
            .filter(|p| p.is_counted())
            .ok_or_else(|| {
                anyhow::anyhow!("unknown PLOVER type {t:?} (use AGREE, CONSULT, ..., ASSAULT)")
            })?;
        types.push(plover.as_str().to_string());
    }
    for date in [&args.since, &args.until].into_iter().flatten() {
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| anyhow::anyhow!("expected a date YYYY-MM-DD, got {date:?}"))?;
    }
    Ok(geokg::store::EdgeFilter {
        since: args.since.clone(),
        until: args.until.clone(),
        types,
        quads,
    })
}

/// Opens the database read-only, naming it in errors.
pub fn open_store(global: &GlobalArgs) -> Result<geokg::Store> {
    geokg::Store::open_read_only(&global.db)
        .with_context(|| format!("opening {}", global.db.display()))
}

/// Standard output or a file, buffered.
pub fn output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    })
}

/// Writes a query result as an aligned table, CSV or JSON objects.
pub fn write_rows(
    out: &mut dyn Write,
    result: &QueryResult,
    format: TableFormat,
) -> std::io::Result<()> {
    match format {
        TableFormat::Csv => {
            writeln!(
                out,
                "{}",
                result
                    .columns
                    .iter()
                    .map(|c| csv_field(c))
                    .collect::<Vec<_>>()
                    .join(",")
            )?;
            for row in &result.rows {
                let fields: Vec<String> = row.iter().map(|v| csv_field(&v.to_string())).collect();
                writeln!(out, "{}", fields.join(","))?;
            }
        }
        TableFormat::Json => {
            let rows: Vec<serde_json::Value> = result
                .rows
                .iter()
                .map(|row| {
                    let map = result
                        .columns
                        .iter()
                        .zip(row)
                        .map(|(c, v)| (c.clone(), json_value(v)))
                        .collect::<serde_json::Map<_, _>>();
                    serde_json::Value::Object(map)
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        TableFormat::Table => {
            let cells: Vec<Vec<String>> = result
                .rows
                .iter()
                .map(|row| row.iter().map(|v| one_line(&v.to_string(), 80)).collect())
                .collect();
            let mut widths: Vec<usize> = result.columns.iter().map(|c| c.chars().count()).collect();
            for row in &cells {
                for (w, c) in widths.iter_mut().zip(row) {
                    *w = (*w).max(c.chars().count());
                }
            }
            let line = |out: &mut dyn Write, fields: &[String]| -> std::io::Result<()> {
                let padded: Vec<String> = fields
                    .iter()
                    .zip(&widths)
                    .map(|(f, w)| format!("{f:<w$}", w = *w))
                    .collect();
                writeln!(out, "{}", padded.join("  ").trim_end())
            };
            line(out, &result.columns)?;
            line(
                out,
                &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
            )?;
            for row in &cells {
                line(out, row)?;
            }
        }
    }
    Ok(())
}

fn json_value(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => (*i).into(),
        Value::Real(r) => {
            serde_json::Number::from_f64(*r).map_or(serde_json::Value::Null, Into::into)
        }
        Value::Text(t) => t.clone().into(),
        Value::Blob(b) => format!("<{} bytes>", b.len()).into(),
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A cell on one line, cut to `max` characters.
pub fn one_line(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        flat
    } else {
        let mut cut: String = flat.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

/// What a run read and produced, and how fast (`--stats`).
#[derive(Debug, Default)]
pub struct Throughput {
    pub documents: usize,
    pub bytes: usize,
    pub sentences: usize,
    pub events: usize,
    pub elapsed: std::time::Duration,
    pub jobs: usize,
}

impl std::fmt::Display for Throughput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secs = self.elapsed.as_secs_f64().max(1e-6);
        write!(
            f,
            "throughput: {} documents, {:.1} MB, {} sentences, {} events in {:.2} s on {} job{}: \
             {:.1} MB/s, {:.0} sentences/s, {:.0} events/s",
            self.documents,
            self.bytes as f64 / 1e6,
            self.sentences,
            self.events,
            secs,
            self.jobs,
            if self.jobs == 1 { "" } else { "s" },
            self.bytes as f64 / 1e6 / secs,
            self.sentences as f64 / secs,
            self.events as f64 / secs
        )
    }
}
