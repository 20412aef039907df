//! `geokg export`: the relation graph as DOT, SVG or PNG.

use super::output;
use crate::cli::{ExportArgs, GlobalArgs, GraphFormat};
use anyhow::{Context, Result};
use geokg::graph::RelationGraph;
use geokg::render::{render, to_dot, DotOptions};
use geokg::Store;
use std::io::Write;

pub fn run(global: &GlobalArgs, args: &ExportArgs) -> Result<u8> {
    let store = Store::open_read_only(&global.db)
        .with_context(|| format!("opening {}", global.db.display()))?;
    let format = args
        .format
        .unwrap_or_else(|| format_from_extension(args.output.as_deref()));
    let graph = RelationGraph::from_edges(&store.edges()?);
    let options = DotOptions {
        title: args.title.clone(),
        ..Default::default()
    };
    let bytes = graph_bytes(&graph, &options, format, &args.engine)?;
    let mut out = output(args.output.as_deref())?;
    out.write_all(&bytes)?;
    out.flush()?;
    if let Some(path) = &args.output {
        eprintln!(
            "wrote {} ({} actors, {} edges)",
            path.display(),
            graph.node_count(),
            graph.edge_count()
        );
    }
    Ok(0)
}

pub fn graph_bytes(
    graph: &RelationGraph,
    options: &DotOptions,
    format: GraphFormat,
    engine: &str,
) -> Result<Vec<u8>> {
    let dot = to_dot(graph, options);
    Ok(match format {
        GraphFormat::Dot => dot.into_bytes(),
        GraphFormat::Svg => render(&dot, engine, "svg")?,
        GraphFormat::Png => render(&dot, engine, "png")?,
    })
}

fn format_from_extension(path: Option<&std::path::Path>) -> GraphFormat {
    match path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => GraphFormat::Svg,
        Some("png") => GraphFormat::Png,
        _ => GraphFormat::Dot,
    }
}
