//! `geokg search`: sentences by full-text search (FTS5), with the events they state.

use super::{open_store, output};
use crate::cli::{GlobalArgs, SearchArgs};
use anyhow::{Context, Result};
use std::io::Write;

pub fn run(global: &GlobalArgs, args: &SearchArgs) -> Result<u8> {
    let store = open_store(global)?;
    let hits = store.search(&args.text, args.limit).with_context(|| {
        format!(
            "searching for {:?} (FTS5 syntax: words, \"phrases\", OR, NOT, prefix*)",
            args.text
        )
    })?;
    let mut out = output(None)?;
    if hits.is_empty() {
        writeln!(out, "no sentence matches {:?}", args.text)?;
    }
    for (id, sentence, document) in hits {
        writeln!(out, "{document}:\n  {sentence}")?;
        for e in store.sentence_events(id)? {
            writeln!(
                out,
                "    -> {} ({}) {}{} {}",
                e.source,
                e.source_code,
                e.plover,
                if e.negated { " [negated]" } else { "" },
                match (&e.target, &e.target_code) {
                    (Some(t), Some(c)) => format!("{t} ({c})"),
                    (Some(t), None) => t.clone(),
                    _ => "-".into(),
                }
            )?;
        }
    }
    out.flush()?;
    Ok(0)
}
