//! Time the SQLite writer alone: where does `geokg ingest` spend its time once extraction is
//! done? Extracts a JSON Lines corpus into memory first (on all cores, not timed with the
//! writes), then stores it the way the ingest pipeline does (write transactions of up to
//! 16384 documents or 32 MB of text, bulk mode by default) and prints the time of each phase.
//!
//! `cargo run --release --example write_timing -- corpus.jsonl OUT.db [--no-bulk] [--half]
//! [--no-rebuild]`
//!
//! `--half` stores only the first half of the corpus (to time a continued load, run again
//! without it on the same database). `--no-rebuild` leaves out the bulk load's final index
//! rebuild (to time what a large database costs the writer on a throwaway copy of it). Keep
//! the corpus small enough (20 MB) for its extraction to fit in memory.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use geokg::ingest::{read_input, Input, ReadItem, ReadOptions};
use geokg::{Document, Extraction, Extractor, Store};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// CPU time of the calling thread so far (from /proc, Linux only; zero elsewhere): less
/// disturbed than wall-clock time by other work on a shared machine.
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [corpus, out] = paths[..] else {
        eprintln!("usage: write_timing CORPUS.jsonl OUT.db [--no-bulk] [--half] [--no-rebuild]");
        std::process::exit(2);
    };
    let bulk = !args.iter().any(|a| a == "--no-bulk");
    let half = args.iter().any(|a| a == "--half");

    let mut docs: Vec<Document> = Vec::new();
    read_input(
        &Input::File(PathBuf::from(corpus)),
        &ReadOptions::default(),
        &mut |item| {
            if let ReadItem::Document(doc) = item {
                docs.push(doc);
            }
        },
    );
    if half {
        docs.truncate(docs.len() / 2);
    }
    let started = Instant::now();
    let extractor = Extractor::builtin();
    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = docs.len().div_ceil(jobs).max(1);
    let extractions: Vec<Extraction> = std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                let extractor = &extractor;
                scope.spawn(move || {
                    part.iter()
                        .map(|d| extractor.extract(d))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("extraction thread"))
            .collect()
    });
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    eprintln!(
        "extracted {} documents ({:.1} MB) in {:.2} s",
        docs.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let cpu_started = thread_cpu();
    let mut store = Store::open(std::path::Path::new(out)).expect("open database");
    if bulk {
        store.drop_bulk_indexes().expect("drop indexes");
        store.count_in_passes();
    }
    let opened = started.elapsed();
    let (mut inserting, mut committing) = (Duration::ZERO, Duration::ZERO);
    let mut pairs = docs.iter().zip(&extractions).peekable();
    let mut transactions = 0;
    while pairs.peek().is_some() {
        let mut batch = store.begin_batch().expect("begin");
        let (mut n, mut size) = (0usize, 0usize);
        let t = Instant::now();
        while n < 16_384 && size < 32 << 20 {
            let Some((doc, extraction)) = pairs.next() else {
                break;
            };
            batch.insert(doc, extraction).expect("insert");
            n += 1;
            size += doc.text.len();
        }
        inserting += t.elapsed();
        let t = Instant::now();
        batch.commit().expect("commit");
        committing += t.elapsed();
        transactions += 1;
    }
    let t = Instant::now();
    if bulk && !args.iter().any(|a| a == "--no-rebuild") {
        store.ensure_indexes().expect("rebuild indexes");
    }
    let rebuilding = t.elapsed();
    let total = started.elapsed().as_secs_f64();
    let cpu = (thread_cpu() - cpu_started).as_secs_f64();
    eprintln!(
        "write: open {:.2} s, insert {:.2} s, commit {:.2} s ({transactions} transactions), \
         index rebuild {:.2} s; total {total:.2} s = {:.1} MB/s, CPU {cpu:.2} s",
        opened.as_secs_f64(),
        inserting.as_secs_f64(),
        committing.as_secs_f64(),
        rebuilding.as_secs_f64(),
        bytes as f64 / 1e6 / total
    );
}
