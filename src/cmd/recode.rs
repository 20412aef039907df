//! `geokg recode`: extract every stored document again with the current dictionaries (after
//! `--dict` files changed, or a new geokg) and replace what was extracted before.

use super::{extractor, Throughput};
use crate::cli::{GlobalArgs, RecodeArgs};
use anyhow::{bail, Context, Result};
use geokg::pipeline::{default_jobs, recode_documents};
use geokg::store::Value;
use geokg::Store;
use std::io::IsTerminal;

pub fn run(global: &GlobalArgs, args: &RecodeArgs) -> Result<u8> {
    let db = &global.db;
    if !db.exists() {
        bail!(
            "no database at {}: ingest documents first (or name one with --db)",
            db.display()
        );
    }
    let extractor = extractor(global)?;
    let mut store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    // Two counts only: counting every table of a large database takes seconds each.
    let counts =
        store.query("SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM events)")?;
    let count = |column: usize| match counts.rows.first().map(|row| &row[column]) {
        Some(Value::Integer(n)) => *n,
        _ => 0,
    };
    let (documents, events_before) = (count(0), count(1));
    let reader = Store::open_concurrent_reader(db)
        .with_context(|| format!("opening {} to read its documents", db.display()))?;
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    let show_progress = !args.quiet && std::io::stderr().is_terminal();
    let started = std::time::Instant::now();
    // Everything derived from the documents is written anew: like a bulk load into an empty
    // database, the secondary indexes are rebuilt once at the end.
    store.drop_bulk_indexes()?;
    store.count_in_passes();
    let summary = recode_documents(&mut store, reader, &extractor, jobs, &mut |s, elapsed| {
        if show_progress {
            let secs = elapsed.as_secs_f64().max(0.001);
            eprint!(
                "\r\x1b[2K{} of {documents} documents, {} events — {:.0} docs/s",
                s.documents,
                s.events,
                s.documents as f64 / secs
            );
        }
    })
    .with_context(|| format!("recoding {} (nothing was changed)", db.display()));
    if show_progress {
        eprint!("\r\x1b[2K");
    }
    store
        .ensure_indexes()
        .with_context(|| format!("rebuilding the indexes of {}", db.display()))?;
    let summary = summary?;
    eprintln!(
        "recoded {} documents: {} events (before: {events_before}), {} sentences; database {}",
        summary.documents,
        summary.events,
        summary.sentences,
        db.display()
    );
    if args.stats {
        let totals = Throughput {
            documents: summary.documents,
            bytes: summary.bytes,
            sentences: summary.sentences,
            events: summary.events,
            elapsed: started.elapsed(),
            jobs,
        };
        eprintln!("{totals}");
    }
    Ok(0)
}
