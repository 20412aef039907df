//! `geokg extract`: print events without a database.

use super::{extractor, one_line, output, Throughput, EXIT_PARTIAL};
use crate::cli::{EventFormat, ExtractArgs, GlobalArgs};
use anyhow::Result;
use geokg::ingest::{collect_inputs, read_input, ReadItem, ReadOptions};
use geokg::pipeline::{default_jobs, extract_inputs, Extracted};
use geokg::Event;
use std::io::Write;
use std::time::Instant;

pub fn run(global: &GlobalArgs, args: &ExtractArgs) -> Result<u8> {
    let extractor = extractor(global)?;
    let inputs = collect_inputs(std::slice::from_ref(&args.input))?;
    let options = ReadOptions {
        format: args.input_format,
        default_date: global.date,
        ..Default::default()
    };
    let mut out = output(args.output.as_deref())?;
    let mut failed = 0;
    let mut result: std::io::Result<()> = Ok(());
    if args.explain {
        for input in &inputs {
            read_input(input, &options, &mut |item| match item {
                ReadItem::Document(doc) if result.is_ok() => {
                    result = out.write_all(extractor.explain(&doc).as_bytes());
                }
                ReadItem::Error(err) => {
                    failed += 1;
                    eprintln!("error: {err}");
                }
                ReadItem::Warning(w) => eprintln!("warning: {w}"),
                _ => {}
            });
        }
        result?;
        out.flush()?;
        return Ok(if failed > 0 { EXIT_PARTIAL } else { 0 });
    }
    if args.format == EventFormat::Table {
        writeln!(
            out,
            "{:<10} {:>3}  {:<28} {:<9} {:<28} {:<14} notes",
            "doc", "s", "source", "type", "target", "relation"
        )?;
    }
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    let started = Instant::now();
    let mut totals = Throughput::default();
    let mut line = Vec::new();
    extract_inputs(&extractor, &inputs, &options, jobs, &mut |item| {
        match item {
            Extracted::Document {
                events,
                sentences,
                bytes,
            } => {
                totals.documents += 1;
                totals.sentences += sentences;
                totals.bytes += bytes;
                totals.events += events.len();
                for event in &events {
                    result = write_event(&mut out, &mut line, event, args.format);
                    if result.is_err() {
                        return false;
                    }
                }
            }
            Extracted::Warning(w) => eprintln!("warning: {w}"),
            Extracted::Failed(f) => {
                failed += 1;
                eprintln!("error: {f}");
            }
        }
        true
    });
    result?;
    out.flush()?;
    if args.stats {
        totals.elapsed = started.elapsed();
        totals.jobs = jobs;
        eprintln!("{totals}");
    }
    Ok(if failed > 0 { EXIT_PARTIAL } else { 0 })
}

/// Writes one event. A JSON line is built in `line` first, then written to `out` at once.
fn write_event(
    out: &mut dyn Write,
    line: &mut Vec<u8>,
    e: &Event,
    format: EventFormat,
) -> std::io::Result<()> {
    match format {
        EventFormat::Jsonl => {
            line.clear();
            e.write_json_line(line);
            out.write_all(line)
        }
        EventFormat::Table => {
            let actor =
                |a: &geokg::ActorRef| format!("{} ({})", a.name, a.code.as_deref().unwrap_or("-"));
            let mut notes = Vec::new();
            if e.negated {
                notes.push("negated".to_string());
            }
            if e.modality != geokg::Modality::Asserted {
                notes.push(e.modality.as_str().to_string());
            }
            if e.target.as_ref().is_some_and(|t| t.text.is_empty()) {
                notes.push("implied target".to_string());
            }
            if let Some(a) = &e.attributed_to {
                notes.push(format!("per {}", a.name));
            }
            if let Some(d) = e.date {
                notes.push(d.to_string());
            }
            writeln!(
                out,
                "{:<10} {:>3}  {:<28} {:<9} {:<28} {:<14} {}",
                one_line(&e.doc_id, 10),
                e.sentence_index,
                one_line(&actor(&e.source), 28),
                e.plover.as_str(),
                one_line(
                    &e.target.as_ref().map(actor).unwrap_or_else(|| "-".into()),
                    28
                ),
                one_line(&e.relation.text, 14),
                notes.join(", ")
            )
        }
    }
}
