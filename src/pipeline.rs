//! The whole pipeline for `ingest`: read inputs, extract events, store each document in its
//! own transaction. Bad input is reported and skipped; it never stops the run.
//!
//! Input: [`Input`]s. Output: stored documents and an [`IngestSummary`]. Entry point:
//! [`ingest_inputs`].

use crate::extract::Extractor;
use crate::ingest::{read_input, Input, ReadOptions};
use crate::store::{InsertOutcome, Store, StoreError};

/// What happened to each document, for progress output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestEvent {
    Stored { name: String, events: usize },
    Duplicate { name: String },
    Failed { message: String },
}

/// Counts for the end-of-run summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestSummary {
    pub read: usize,
    pub stored: usize,
    pub duplicates: usize,
    pub failed: usize,
    pub events: usize,
}

/// Reads every input, extracts and stores each document; calls `report` for each outcome.
/// Only a failure of the database itself stops the run.
pub fn ingest_inputs(
    store: &mut Store,
    extractor: &Extractor,
    inputs: &[Input],
    options: &ReadOptions,
    report: &mut dyn FnMut(&IngestEvent),
) -> Result<IngestSummary, StoreError> {
    let mut summary = IngestSummary::default();
    let mut fatal: Option<StoreError> = None;
    for input in inputs {
        read_input(input, options, &mut |result| {
            if fatal.is_some() {
                return;
            }
            let doc = match result {
                Ok(doc) => doc,
                Err(err) => {
                    summary.failed += 1;
                    report(&IngestEvent::Failed {
                        message: err.to_string(),
                    });
                    return;
                }
            };
            summary.read += 1;
            let name = doc.origin.clone().unwrap_or_else(|| doc.id.clone());
            match store.has_document(&doc.hash) {
                Ok(true) => {
                    summary.duplicates += 1;
                    report(&IngestEvent::Duplicate { name });
                    return;
                }
                Ok(false) => {}
                Err(err) => {
                    fatal = Some(err);
                    return;
                }
            }
            let extraction = extractor.extract(&doc);
            match store.insert(&doc, &extraction) {
                Ok(InsertOutcome::Inserted { events }) => {
                    summary.stored += 1;
                    summary.events += events;
                    report(&IngestEvent::Stored { name, events });
                }
                Ok(InsertOutcome::Duplicate) => {
                    summary.duplicates += 1;
                    report(&IngestEvent::Duplicate { name });
                }
                Err(err) => fatal = Some(err),
            }
        });
        if let Some(err) = fatal.take() {
            return Err(err);
        }
    }
    Ok(summary)
}
