//! `geokg eval`: score extraction against gold records.

use super::{extractor, output};
use crate::cli::{EvalArgs, GlobalArgs, ReportFormat};
use anyhow::{Context, Result};
use geokg::eval::{evaluate, parse_gold, Report};
use std::io::Write;

pub fn run(global: &GlobalArgs, args: &EvalArgs) -> Result<u8> {
    let path = args.gold.display().to_string();
    let content = std::fs::read_to_string(&args.gold).with_context(|| format!("reading {path}"))?;
    let records = parse_gold(&content, &path)?;
    let extractor = extractor(global)?;
    let report = evaluate(&extractor, &records);
    let mut out = output(None)?;
    match args.format {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        ReportFormat::Text => write_text(&mut out, &report, args.verbose)?,
    }
    out.flush()?;
    Ok(0)
}

fn write_text(out: &mut dyn Write, r: &Report, verbose: bool) -> std::io::Result<()> {
    if verbose {
        for d in r.details.iter().filter(|d| !d.matched) {
            let rec = &d.record;
            writeln!(
                out,
                "MISS {} {} src={:?} tgt={:?}",
                rec.id, rec.plover, rec.sources, rec.targets
            )?;
            writeln!(out, "  {}", rec.text)?;
            for e in &d.events {
                writeln!(
                    out,
                    "  -> {} ({}) {}{} {} ({}) [{}]",
                    e.source.text,
                    e.source.code.as_deref().unwrap_or("-"),
                    e.plover,
                    if e.negated { " NEG" } else { "" },
                    e.target.as_ref().map_or("-", |t| &*t.text),
                    e.target
                        .as_ref()
                        .and_then(|t| t.code.as_deref())
                        .unwrap_or("-"),
                    e.relation.text
                )?;
            }
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "records {}  events {} (counted {})  matched records {}  matched events {}",
        r.records, r.events, r.counted_events, r.matched_records, r.matched_events
    )?;
    writeln!(
        out,
        "recall {:.3}  precision {:.3}  F1 {:.3}",
        r.recall, r.precision, r.f1
    )?;
    writeln!(
        out,
        "type recall {:.3}  source recall {:.3}  target recall {:.3} (of {} records with a target)",
        r.type_recall, r.source_recall, r.target_recall, r.records_with_target
    )?;
    writeln!(out, "per type (records, full recall, type found):")?;
    for (name, s) in &r.per_type {
        writeln!(
            out,
            "  {:<10} {:>3}  {:.2}  {:.2}",
            name,
            s.records,
            s.recall,
            s.type_found as f64 / s.records.max(1) as f64
        )?;
    }
    Ok(())
}
