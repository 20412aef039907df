//! `geokg demo`: the quick start — ingest the sample articles, write the graph.

use super::export::describe;
use super::extractor;
use crate::cli::{DemoArgs, GlobalArgs};
use anyhow::{bail, Context, Result};
use geokg::graph::{select, Selection};
use geokg::ingest::{collect_inputs, ReadOptions};
use geokg::pipeline::{ingest_inputs, PipelineOptions};
use geokg::render::{render, Format, ReportOptions};
use geokg::Store;

pub fn run(global: &GlobalArgs, args: &DemoArgs) -> Result<u8> {
    if !args.samples.is_dir() {
        bail!(
            "{}: no such folder (run the demo from the geokg repository, or pass --samples DIR)",
            args.samples.display()
        );
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let db = args.out.join("demo.db");
    for suffix in ["", "-wal", "-shm"] {
        let stale = args.out.join(format!("demo.db{suffix}"));
        if stale.exists() {
            std::fs::remove_file(&stale)
                .with_context(|| format!("removing {}", stale.display()))?;
        }
    }
    let extractor = extractor(global)?;
    let mut store = Store::open(&db).with_context(|| format!("opening {}", db.display()))?;
    let inputs = collect_inputs(std::slice::from_ref(&args.samples))?;
    let options = ReadOptions {
        default_date: global.date,
        ..Default::default()
    };
    let summary = ingest_inputs(
        &mut store,
        &extractor,
        &inputs,
        &options,
        &PipelineOptions::default(),
        &mut |_| {},
        &mut |_, _| {},
    )?;
    let selection = Selection {
        top: Some(40),
        max_edges: Some(120),
        evidence: true,
        communities: true,
        ..Default::default()
    };
    let graph = select(&store, &selection)?;
    let options = ReportOptions {
        title: format!("geokg demo: {} sample articles", summary.stored),
        subtitle: describe(&selection, &graph),
        ..Default::default()
    };
    let svg_path = args.out.join("demo.svg");
    let dot_path = args.out.join("demo.dot");
    std::fs::write(&dot_path, render(&graph, Format::Dot, &options)?)
        .with_context(|| format!("writing {}", dot_path.display()))?;
    std::fs::write(&svg_path, render(&graph, Format::Svg, &options)?)
        .with_context(|| format!("writing {}", svg_path.display()))?;
    println!(
        "ingested {} articles from {}: {} events",
        summary.stored,
        args.samples.display(),
        summary.events
    );
    println!("database: {}", db.display());
    println!(
        "graph: {} ({} actors, {} edges; DOT in {})",
        svg_path.display(),
        graph.node_count(),
        graph.edge_count(),
        dot_path.display()
    );
    println!(
        "try: geokg --db {} query \"SELECT plover, COUNT(*) FROM events GROUP BY plover\"",
        db.display()
    );
    Ok(0)
}
