//! The whole pipeline, streaming and parallel: one reader thread, extraction on N worker
//! threads, one writer storing documents in batched transactions. Queues between them are
//! bounded, so memory stays flat however large the input. Bad input is reported and skipped;
//! only a failure of the database itself stops the run.
//!
//! Input: [`Input`]s. Output: stored documents and an [`IngestSummary`] ([`ingest_inputs`]),
//! or events in input order ([`extract_inputs`]).

use crate::extract::Extractor;
use crate::ingest::{read_input, Input, ReadItem, ReadOptions};
use crate::model::{Document, Event, Extraction};
use crate::store::{InsertOutcome, Store, StoreError};
use crossbeam_channel::{bounded, Receiver, Sender};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What happened to each input item, for progress output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestEvent {
    Stored { name: String, events: usize },
    Duplicate { name: String },
    Warning { message: String },
    Failed { message: String },
}

/// Counts for the end-of-run summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestSummary {
    pub read: usize,
    pub stored: usize,
    pub duplicates: usize,
    pub failed: usize,
    pub warnings: usize,
    pub events: usize,
    pub bytes: usize,
    pub sentences: usize,
}

/// How the pipeline runs.
#[derive(Debug, Clone)]
pub struct PipelineOptions {
    /// Extraction threads (at least one).
    pub jobs: usize,
    /// Documents per write transaction (whole documents or nothing, either way); a transaction
    /// also commits when it holds `batch_bytes` of text or has been open `batch_time`. Each
    /// commit rewrites the pages of the aggregates and indexes it touched, wherever they are,
    /// so large transactions write much less in all.
    pub batch: usize,
    pub batch_bytes: usize,
    pub batch_time: Duration,
    /// Skip documents whose URL is already stored.
    pub dedup_url: bool,
    /// Database file, so the reader can skip stored documents before extracting them.
    pub db_path: Option<PathBuf>,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        PipelineOptions {
            jobs: default_jobs(),
            batch: 16_384,
            batch_bytes: 32 << 20,
            batch_time: Duration::from_secs(5),
            dedup_url: false,
            db_path: None,
        }
    }
}

/// All the cores of the machine.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

enum Work {
    Document(Document),
    Warning(String),
    Failed(String),
}

enum Done {
    Extracted(Box<(Document, Extraction)>),
    Duplicate(String),
    Warning(String),
    Failed(String),
}

/// Reads every input, extracts and stores each document; calls `report` for each outcome
/// and `progress` about every quarter second.
pub fn ingest_inputs(
    store: &mut Store,
    extractor: &Extractor,
    inputs: &[Input],
    read: &ReadOptions,
    options: &PipelineOptions,
    report: &mut dyn FnMut(&IngestEvent),
    progress: &mut dyn FnMut(&IngestSummary, Duration),
) -> Result<IngestSummary, StoreError> {
    let jobs = options.jobs.max(1);
    let (work_tx, work_rx) = bounded::<Work>(jobs * 8);
    let (done_tx, done_rx) = bounded::<Done>(jobs * 8);
    let mut summary = IngestSummary::default();
    let started = Instant::now();
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let reader_done = done_tx.clone();
        scope.spawn(move || read_all(inputs, read, options, work_tx, reader_done));
        for _ in 0..jobs {
            let (rx, tx) = (work_rx.clone(), done_tx.clone());
            scope.spawn(move || extract_worker(extractor, rx, tx));
        }
        drop(done_tx);
        drop(work_rx);
        draining_on_error(&done_rx, |done| {
            write_all(store, options, done, &mut summary, report, &mut |s| {
                progress(s, started.elapsed())
            })
        })
    })?;
    Ok(summary)
}

/// Runs the writer (on the calling thread); should it fail, drains its queue so that the
/// threads blocked on sending to it can finish.
fn draining_on_error<T>(
    done: &Receiver<T>,
    write: impl FnOnce(&Receiver<T>) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let result = write(done);
    if result.is_err() {
        for _ in done.iter() {}
    }
    result
}

fn read_all(
    inputs: &[Input],
    read: &ReadOptions,
    options: &PipelineOptions,
    work: Sender<Work>,
    done: Sender<Done>,
) {
    // A separate read-only connection lets the reader skip stored documents before the
    // expensive extraction (WAL lets it read while the writer writes).
    let checker = options
        .db_path
        .as_ref()
        .and_then(|path| Store::open_concurrent_reader(path).ok());
    for input in inputs {
        let mut stop = false;
        read_input(input, read, &mut |item| {
            if stop {
                return;
            }
            let message = match item {
                ReadItem::Document(doc) => {
                    if let Some(store) = &checker {
                        let known = store.has_document(&doc.hash).unwrap_or(false)
                            || (options.dedup_url
                                && doc
                                    .url
                                    .as_deref()
                                    .is_some_and(|u| store.has_url(u).unwrap_or(false)));
                        if known {
                            let name = doc.origin.clone().unwrap_or_else(|| doc.id.clone());
                            stop = done.send(Done::Duplicate(name)).is_err();
                            return;
                        }
                    }
                    Work::Document(doc)
                }
                ReadItem::Warning(w) => Work::Warning(w),
                ReadItem::Error(e) => Work::Failed(e.to_string()),
            };
            stop = work.send(message).is_err();
        });
        if stop {
            return;
        }
    }
}

fn extract_worker(extractor: &Extractor, work: Receiver<Work>, done: Sender<Done>) {
    for item in work {
        let message = match item {
            Work::Document(doc) => {
                let extraction = extractor.extract(&doc);
                Done::Extracted(Box::new((doc, extraction)))
            }
            Work::Warning(w) => Done::Warning(w),
            Work::Failed(f) => Done::Failed(f),
        };
        if done.send(message).is_err() {
            return;
        }
    }
}

fn write_all(
    store: &mut Store,
    options: &PipelineOptions,
    done: &Receiver<Done>,
    summary: &mut IngestSummary,
    report: &mut dyn FnMut(&IngestEvent),
    progress: &mut dyn FnMut(&IngestSummary),
) -> Result<(), StoreError> {
    let mut last_progress = Instant::now();
    let mut tick = |summary: &IngestSummary| {
        if last_progress.elapsed() > Duration::from_millis(250) {
            progress(summary);
            last_progress = Instant::now();
        }
    };
    while write_batch(store, options, done, summary, report, &mut tick)? {}
    progress(summary);
    Ok(())
}

/// Waits for the next extracted document, then writes it and those that follow into one
/// transaction (as they come, so no batch is held in memory) until the batch is full or has
/// been open long enough; commits and reports them. False when the extraction threads are done.
fn write_batch(
    store: &mut Store,
    options: &PipelineOptions,
    done: &Receiver<Done>,
    summary: &mut IngestSummary,
    report: &mut dyn FnMut(&IngestEvent),
    tick: &mut dyn FnMut(&IngestSummary),
) -> Result<bool, StoreError> {
    let first = loop {
        match done.recv_timeout(Duration::from_millis(100)) {
            Ok(message) => {
                if let Some(extracted) = document_of(message, summary, report) {
                    break extracted;
                }
            }
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => {}
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return Ok(false),
        }
        tick(summary);
    };
    let opened = Instant::now();
    let mut batch = store.begin_batch()?;
    // What to report about the documents waits for the commit.
    let mut written: Vec<Written> = Vec::new();
    let mut bytes = 0usize;
    let mut next = Some(first);
    let more = loop {
        if let Some(boxed) = next.take() {
            let (doc, extraction) = *boxed;
            summary.read += 1;
            bytes += doc.text.len();
            written.push(Written {
                outcome: batch.insert(&doc, &extraction)?,
                name: doc.origin.unwrap_or(doc.id),
                sentences: extraction.sentences.len(),
                bytes: doc.text.len(),
            });
        }
        if written.len() >= options.batch
            || bytes >= options.batch_bytes
            || opened.elapsed() >= options.batch_time
        {
            break true;
        }
        tick(summary);
        match done.recv_timeout(Duration::from_millis(100)) {
            Ok(message) => next = document_of(message, summary, report),
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => {}
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => break false,
        }
    };
    batch.commit()?;
    committed(written, summary, report);
    Ok(more)
}

/// The document and extraction a message carries, to write; what needs no writing (documents
/// the reader knew, warnings, failures) is counted and reported here.
fn document_of(
    message: Done,
    summary: &mut IngestSummary,
    report: &mut dyn FnMut(&IngestEvent),
) -> Option<Box<(Document, Extraction)>> {
    match message {
        Done::Extracted(extracted) => return Some(extracted),
        Done::Duplicate(name) => {
            summary.read += 1;
            summary.duplicates += 1;
            report(&IngestEvent::Duplicate { name });
        }
        Done::Warning(message) => {
            summary.warnings += 1;
            report(&IngestEvent::Warning { message });
        }
        Done::Failed(message) => {
            summary.failed += 1;
            report(&IngestEvent::Failed { message });
        }
    }
    None
}

/// A document written into the open transaction, to report once it commits.
struct Written {
    name: String,
    outcome: InsertOutcome,
    sentences: usize,
    bytes: usize,
}

/// Counts and reports the documents of a committed transaction.
fn committed(
    written: Vec<Written>,
    summary: &mut IngestSummary,
    report: &mut dyn FnMut(&IngestEvent),
) {
    for w in written {
        match w.outcome {
            InsertOutcome::Inserted { events } => {
                summary.stored += 1;
                summary.events += events;
                summary.sentences += w.sentences;
                summary.bytes += w.bytes;
                report(&IngestEvent::Stored {
                    name: w.name,
                    events,
                });
            }
            InsertOutcome::Duplicate => {
                summary.duplicates += 1;
                report(&IngestEvent::Duplicate { name: w.name });
            }
        }
    }
}

/// One input item's result for `extract`, in input order.
pub enum Extracted {
    /// A document's events, with how many sentences and bytes of text it had.
    Document {
        events: Vec<Event>,
        sentences: usize,
        bytes: usize,
    },
    Warning(String),
    Failed(String),
}

/// Starts `jobs` threads in `scope` that take numbered chunks from `work`, turn each with
/// `turn` and send the result on to `done` under the same number.
fn spawn_chunk_workers<'scope, A: Send + 'scope, B: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    jobs: usize,
    work: &Receiver<(u64, A)>,
    done: &Sender<(u64, B)>,
    turn: &'scope (impl Fn(A) -> B + Sync),
) {
    for _ in 0..jobs {
        let (rx, tx) = (work.clone(), done.clone());
        scope.spawn(move || {
            for (seq, chunk) in rx {
                if tx.send((seq, turn(chunk))).is_err() {
                    return;
                }
            }
        });
    }
}

/// Chunks numbered in the order they were read, handed on in that order whichever thread
/// finishes them first.
struct InOrder<T> {
    next: u64,
    waiting: BTreeMap<u64, T>,
}

impl<T> InOrder<T> {
    fn new() -> Self {
        InOrder {
            next: 0,
            waiting: BTreeMap::new(),
        }
    }

    /// Takes chunk `seq`, then yields every chunk whose turn has come, in order.
    fn ready(&mut self, seq: u64, chunk: T) -> impl Iterator<Item = T> + '_ {
        self.waiting.insert(seq, chunk);
        std::iter::from_fn(move || {
            let chunk = self.waiting.remove(&self.next)?;
            self.next += 1;
            Some(chunk)
        })
    }
}

/// Extracts every document of the inputs on `jobs` threads and hands the results to `sink`
/// in input order (so output is deterministic). Returns early when `sink` says stop.
pub fn extract_inputs(
    extractor: &Extractor,
    inputs: &[Input],
    read: &ReadOptions,
    jobs: usize,
    sink: &mut dyn FnMut(Extracted) -> bool,
) {
    // Documents travel in chunks (numbered in input order) so that threads hand over work a
    // few times per 100 KB rather than once per short article.
    const CHUNK_ITEMS: usize = 32;
    const CHUNK_BYTES: usize = 64 << 10;
    let jobs = jobs.max(1);
    let (work_tx, work_rx) = bounded::<(u64, Vec<Work>)>(jobs * 4);
    let (done_tx, done_rx) = bounded::<(u64, Vec<Extracted>)>(jobs * 4);
    let extract_chunk = |chunk: Vec<Work>| -> Vec<Extracted> {
        chunk
            .into_iter()
            .map(|work| match work {
                Work::Document(doc) => {
                    let extraction = extractor.extract(&doc);
                    Extracted::Document {
                        events: extraction.events,
                        sentences: extraction.sentences.len(),
                        bytes: doc.text.len(),
                    }
                }
                Work::Warning(w) => Extracted::Warning(w),
                Work::Failed(f) => Extracted::Failed(f),
            })
            .collect()
    };
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut seq = 0u64;
            let mut chunk: Vec<Work> = Vec::with_capacity(CHUNK_ITEMS);
            let mut bytes = 0usize;
            let mut stop = false;
            for input in inputs {
                read_input(input, read, &mut |item| {
                    if stop {
                        return;
                    }
                    chunk.push(match item {
                        ReadItem::Document(doc) => {
                            bytes += doc.text.len();
                            Work::Document(doc)
                        }
                        ReadItem::Warning(w) => Work::Warning(w),
                        ReadItem::Error(e) => Work::Failed(e.to_string()),
                    });
                    if chunk.len() >= CHUNK_ITEMS || bytes >= CHUNK_BYTES {
                        let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK_ITEMS));
                        stop = work_tx.send((seq, full)).is_err();
                        seq += 1;
                        bytes = 0;
                    }
                });
                if stop {
                    return;
                }
            }
            if !chunk.is_empty() {
                let _ = work_tx.send((seq, chunk));
            }
        });
        spawn_chunk_workers(scope, jobs, &work_rx, &done_tx, &extract_chunk);
        drop(done_tx);
        drop(work_rx);
        let mut order = InOrder::new();
        let mut open = true;
        for (seq, results) in done_rx.iter() {
            if !open {
                continue;
            }
            'ordered: for results in order.ready(seq, results) {
                for result in results {
                    if !sink(result) {
                        open = false;
                        break 'ordered;
                    }
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_inputs(dir: &std::path::Path, n: usize) -> Vec<Input> {
        (0..n)
            .map(|i| {
                let path = dir.join(format!("a{i:03}.txt"));
                std::fs::write(&path, format!("Date: 2024-01-0{}\n\nRussia attacked Ukraine {i} times. Kyiv condemned Moscow.", i % 9 + 1)).unwrap();
                Input::File(path)
            })
            .collect()
    }

    #[test]
    fn ingest_inputs_stores_every_document_once() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = write_inputs(dir.path(), 20);
        let mut store = Store::open_in_memory().unwrap();
        let extractor = Extractor::builtin();
        let options = PipelineOptions {
            jobs: 3,
            batch: 4,
            ..Default::default()
        };
        let run = |store: &mut Store| {
            ingest_inputs(
                store,
                &extractor,
                &inputs,
                &ReadOptions::default(),
                &options,
                &mut |_| {},
                &mut |_, _| {},
            )
            .unwrap()
        };
        let first = run(&mut store);
        assert_eq!(first.stored, 20);
        let second = run(&mut store);
        assert_eq!(second.stored, 0);
        assert_eq!(second.duplicates, 20);
        let counts = store.table_counts().unwrap();
        assert_eq!(counts[0], ("documents", 20));
    }

    #[test]
    fn extract_inputs_keeps_input_order() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = write_inputs(dir.path(), 30);
        let mut docs = Vec::new();
        extract_inputs(
            &Extractor::builtin(),
            &inputs,
            &ReadOptions::default(),
            4,
            &mut |r| {
                if let Extracted::Document { events, .. } = r {
                    docs.push(
                        events
                            .first()
                            .map(|e| e.sentence.clone())
                            .unwrap_or_default(),
                    );
                }
                true
            },
        );
        let expected: Vec<String> = (0..30)
            .map(|i| format!("Russia attacked Ukraine {i} times."))
            .collect();
        assert_eq!(docs, expected);
    }
}

/// A chunk of recoded documents in read order (`seq`): each document's id, new extraction and
/// bytes of text; or the error that stopped the reader.
type RecodedChunk = (u64, Result<Vec<(i64, Extraction, usize)>, StoreError>);

/// Counts of a recode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecodeSummary {
    pub documents: usize,
    pub sentences: usize,
    pub events: usize,
    pub bytes: usize,
}

/// Extracts every document stored in `store` again with `extractor` (on `jobs` threads, read
/// through `reader`, a second connection to the same database) and replaces what was
/// extracted before, in one transaction: all documents are recoded or, on any error, none.
/// (The reader sees the documents as they were before the transaction, which leaves them
/// as they are.)
/// Calls `progress` about every quarter second.
pub fn recode_documents(
    store: &mut Store,
    reader: Store,
    extractor: &Extractor,
    jobs: usize,
    progress: &mut dyn FnMut(&RecodeSummary, Duration),
) -> Result<RecodeSummary, StoreError> {
    /// Documents read and handed over at a time.
    const CHUNK: usize = 32;
    type Chunk = Vec<(i64, Document)>;
    let jobs = jobs.max(1);
    let (work_tx, work_rx) = bounded::<(u64, Chunk)>(jobs * 4);
    let (done_tx, done_rx) = bounded::<RecodedChunk>(jobs * 4);
    let recode_chunk = |chunk: Chunk| -> Result<Vec<(i64, Extraction, usize)>, StoreError> {
        Ok(chunk
            .into_iter()
            .map(|(id, doc)| (id, extractor.extract(&doc), doc.text.len()))
            .collect())
    };
    let started = Instant::now();
    let mut summary = RecodeSummary::default();
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let read_failed = done_tx.clone();
        scope.spawn(move || {
            let (mut after, mut seq) = (0, 0u64);
            loop {
                let chunk = match reader.documents_after(after, CHUNK) {
                    Ok(chunk) if chunk.is_empty() => return,
                    Ok(chunk) => chunk,
                    Err(e) => {
                        let _ = read_failed.send((seq, Err(e)));
                        return;
                    }
                };
                after = chunk[chunk.len() - 1].0;
                if work_tx.send((seq, chunk)).is_err() {
                    return;
                }
                seq += 1;
            }
        });
        spawn_chunk_workers(scope, jobs, &work_rx, &done_tx, &recode_chunk);
        drop(done_tx);
        drop(work_rx);
        draining_on_error(&done_rx, |done| {
            write_recoded(store, done, &mut summary, &mut |s| {
                progress(s, started.elapsed())
            })
        })
    })?;
    Ok(summary)
}

/// The writer of [`recode_documents`]: stores the chunks in the order they were read.
fn write_recoded(
    store: &mut Store,
    done: &Receiver<RecodedChunk>,
    summary: &mut RecodeSummary,
    progress: &mut dyn FnMut(&RecodeSummary),
) -> Result<(), StoreError> {
    let mut batch = store.begin_recode()?;
    let mut order = InOrder::new();
    let mut last_progress = Instant::now();
    for (seq, chunk) in done.iter() {
        for chunk in order.ready(seq, chunk?) {
            for (id, extraction, bytes) in chunk {
                summary.events += batch.recode(id, &extraction)?;
                summary.documents += 1;
                summary.sentences += extraction.sentences.len();
                summary.bytes += bytes;
            }
        }
        if last_progress.elapsed() > Duration::from_millis(250) {
            progress(summary);
            last_progress = Instant::now();
        }
    }
    batch.commit()?;
    progress(summary);
    Ok(())
}
