//! `geokg export`: the relation graph (or a selection of it) as DOT, SVG, PNG, JSON, GraphML
//! or CSV.

use super::{edge_filter, open_store, output};
use crate::cli::{ExportArgs, GlobalArgs};
use anyhow::{Context, Result};
use geokg::graph::{select, RelationGraph, Selection};
use geokg::render::{nodes_csv, render, Format, ReportOptions};
use std::io::Write;

pub fn run(global: &GlobalArgs, args: &ExportArgs) -> Result<u8> {
    let store = open_store(global)?;
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Dot);
    let filter = edge_filter(&args.filter)?;
    // Drawings stay readable by default: the most central actors and strongest edges.
    let (default_top, default_edges) = if format.is_drawing() {
        (40, 120)
    } else {
        (0, 0)
    };
    let selection = Selection {
        actors: args.actor.clone(),
        hops: args.hops,
        filter: filter.clone(),
        min_count: args.min_count,
        top: Some(args.top.unwrap_or(default_top)).filter(|&t| t > 0),
        max_edges: Some(args.max_edges.unwrap_or(default_edges)).filter(|&e| e > 0),
        group_by: args.group_by,
        evidence: true,
        communities: true,
    };
    let graph = select(&store, &selection)?;
    let options = ReportOptions {
        title: args
            .title
            .clone()
            .unwrap_or_else(|| "geokg relation graph".into()),
        subtitle: describe(&selection, &graph),
        directed: !args.undirected,
        merge_types: !args.split_types,
        legend: !args.no_legend,
        engine: args.engine.clone(),
        ..Default::default()
    };
    let bytes = render(&graph, format, &options)?;
    let mut out = output(args.output.as_deref())?;
    out.write_all(&bytes)?;
    out.flush()?;
    if let Some(path) = &args.output {
        if format == Format::Csv {
            let nodes = path.with_extension("nodes.csv");
            std::fs::write(&nodes, nodes_csv(&graph))
                .with_context(|| format!("writing {}", nodes.display()))?;
            eprintln!(
                "wrote {} (edges) and {} (actors)",
                path.display(),
                nodes.display()
            );
        }
        eprintln!(
            "wrote {} ({} actors, {} edges)",
            path.display(),
            graph.node_count(),
            graph.edge_count()
        );
    }
    Ok(0)
}

/// A line saying what the graph shows: the selection and the date range of its events.
pub fn describe(selection: &Selection, graph: &RelationGraph) -> String {
    let mut parts = Vec::new();
    if !selection.actors.is_empty() {
        parts.push(format!(
            "around {} ({} hop{})",
            selection.actors.join(", "),
            selection.hops,
            if selection.hops == 1 { "" } else { "s" }
        ));
    }
    if !selection.filter.types.is_empty() {
        parts.push(selection.filter.types.join(", "));
    }
    let first = graph
        .graph
        .edge_weights()
        .filter_map(|e| e.first_date.clone())
        .min();
    let last = graph
        .graph
        .edge_weights()
        .filter_map(|e| e.last_date.clone())
        .max();
    match (first, last) {
        (Some(a), Some(b)) if a != b => parts.push(format!("{a} to {b}")),
        (Some(a), _) => parts.push(a),
        _ => {}
    }
    parts.push(format!(
        "{} actors, {} relations",
        graph.node_count(),
        graph.edge_count()
    ));
    parts.join(" · ")
}
