//! `geokg ingest`: read, extract, store.

use super::{extractor, EXIT_PARTIAL};
use crate::cli::{GlobalArgs, IngestArgs};
use anyhow::{Context, Result};
use geokg::ingest::{collect_inputs, ReadOptions};
use geokg::pipeline::{ingest_inputs, IngestEvent};
use geokg::Store;

pub fn run(global: &GlobalArgs, args: &IngestArgs) -> Result<u8> {
    let extractor = extractor(global)?;
    let inputs = collect_inputs(&args.paths)?;
    let mut store =
        Store::open(&global.db).with_context(|| format!("opening {}", global.db.display()))?;
    let options = ReadOptions {
        format: args.format,
        default_date: global.date,
        default_source: args.source.clone(),
    };
    let quiet = args.quiet;
    let summary = ingest_inputs(
        &mut store,
        &extractor,
        &inputs,
        &options,
        &mut |event| match event {
            IngestEvent::Stored { name, events } if !quiet => {
                eprintln!("stored {name}: {events} events")
            }
            IngestEvent::Duplicate { name } if !quiet => {
                eprintln!("skipped {name}: already stored")
            }
            IngestEvent::Failed { message } => eprintln!("warning: {message}"),
            _ => {}
        },
    )
    .with_context(|| format!("writing {}", global.db.display()))?;
    eprintln!(
        "{} documents read: {} stored ({} events), {} already stored, {} failed; database {}",
        summary.read,
        summary.stored,
        summary.events,
        summary.duplicates,
        summary.failed,
        global.db.display()
    );
    Ok(if summary.failed > 0 { EXIT_PARTIAL } else { 0 })
}
