//! `geokg ingest`: read, extract, store — in parallel, with progress and a summary.

use super::{extractor, Throughput, EXIT_PARTIAL};
use crate::cli::{BulkMode, GlobalArgs, IngestArgs};
use anyhow::{Context, Result};
use geokg::ingest::{collect_inputs_matching, Input, ReadOptions};
use geokg::pipeline::{default_jobs, ingest_inputs, IngestEvent, PipelineOptions};
use geokg::Store;
use std::io::IsTerminal;

/// Inputs at least this large (and twice the database) are loaded in bulk mode.
const BULK_MIN_BYTES: u64 = 8 << 20;

pub fn run(global: &GlobalArgs, args: &IngestArgs) -> Result<u8> {
    let extractor = extractor(global)?;
    let inputs = collect_inputs_matching(&args.paths, args.glob.as_deref())?;
    let mut store =
        Store::open(&global.db).with_context(|| format!("opening {}", global.db.display()))?;
    let read = ReadOptions {
        format: args.format,
        default_date: global.date,
        default_source: args.source.clone(),
        invalid_utf8: args.invalid_utf8,
        ..Default::default()
    };
    let options = PipelineOptions {
        jobs: args.jobs.unwrap_or_else(default_jobs),
        dedup_url: args.dedup_url,
        db_path: Some(global.db.clone()),
        ..Default::default()
    };
    let options = PipelineOptions {
        batch: args.batch.unwrap_or(options.batch).max(1),
        ..options
    };
    let quiet = args.quiet;
    let started = std::time::Instant::now();
    // A large load into a small database: secondary indexes are rebuilt once at the end.
    let input_bytes: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            Input::Stdin => None,
        })
        .sum();
    let bulk = match args.bulk {
        BulkMode::On => true,
        BulkMode::Off => false,
        BulkMode::Auto => input_bytes >= BULK_MIN_BYTES && input_bytes >= 2 * store.file_size(),
    };
    if bulk {
        if !quiet {
            eprintln!(
                "bulk load ({:.0} MB): indexes are rebuilt at the end, events counted in passes",
                input_bytes as f64 / 1e6
            );
        }
        store.drop_bulk_indexes()?;
        store.count_in_passes();
    }
    let show_progress = !quiet && std::io::stderr().is_terminal();
    let summary = ingest_inputs(
        &mut store,
        &extractor,
        &inputs,
        &read,
        &options,
        &mut |event| match event {
            IngestEvent::Stored { name, events } if !quiet && !show_progress => {
                eprintln!("stored {name}: {events} events")
            }
            IngestEvent::Duplicate { name } if !quiet && !show_progress => {
                eprintln!("skipped {name}: already stored")
            }
            IngestEvent::Warning { message } => eprintln!("{}warning: {message}", clear(show_progress)),
            IngestEvent::Failed { message } => eprintln!("{}error: {message}", clear(show_progress)),
            _ => {}
        },
        &mut |s, elapsed| {
            if show_progress {
                let secs = elapsed.as_secs_f64().max(0.001);
                eprint!(
                    "\r\x1b[2K{} documents ({} stored, {} known, {} failed), {} events — {:.0} docs/s, {:.0} events/s",
                    s.read,
                    s.stored,
                    s.duplicates,
                    s.failed,
                    s.events,
                    s.read as f64 / secs,
                    s.events as f64 / secs
                );
            }
        },
    )
    .with_context(|| format!("writing {}", global.db.display()));
    if bulk {
        store
            .ensure_indexes()
            .with_context(|| format!("rebuilding the indexes of {}", global.db.display()))?;
    }
    let summary = summary?;
    eprintln!(
        "{}{} documents read: {} stored ({} events), {} already stored, {} failed, {} warnings; database {}",
        clear(show_progress),
        summary.read,
        summary.stored,
        summary.events,
        summary.duplicates,
        summary.failed,
        summary.warnings,
        global.db.display()
    );
    if args.stats {
        let totals = Throughput {
            documents: summary.stored,
            bytes: summary.bytes,
            sentences: summary.sentences,
            events: summary.events,
            elapsed: started.elapsed(),
            jobs: options.jobs,
        };
        eprintln!("{totals}");
    }
    Ok(if summary.failed > 0 { EXIT_PARTIAL } else { 0 })
}

/// Clears the progress line before printing a message over it.
fn clear(progress: bool) -> &'static str {
    if progress {
        "\r\x1b[2K"
    } else {
        ""
    }
}
