//! `geokg stats`: what the database holds and who is at its centre.

use super::{edge_filter, open_store, output};
use crate::cli::{GlobalArgs, StatsArgs};
use anyhow::Result;
use geokg::graph::{rank_nodes, GroupBy};
use std::io::Write;

pub fn run(global: &GlobalArgs, args: &StatsArgs) -> Result<u8> {
    let store = open_store(global)?;
    let stats = store.stats()?;
    let (nodes, typed_edges) =
        rank_nodes(&store, &edge_filter(&args.filter)?, None, 1, GroupBy::Actor)?;
    let mut out = output(None)?;
    writeln!(out, "documents        {}", stats.documents)?;
    writeln!(out, "sentences        {}", stats.sentences)?;
    writeln!(
        out,
        "events           {} extracted, {} counted, {} distinct",
        stats.events, stats.counted_events, stats.distinct_events
    )?;
    writeln!(out, "actors           {}", stats.actors)?;
    writeln!(
        out,
        "dates            {} to {}",
        stats.first_date.as_deref().unwrap_or("-"),
        stats.last_date.as_deref().unwrap_or("-")
    )?;
    writeln!(
        out,
        "relation graph   {} actors, {} edges",
        nodes.len(),
        typed_edges
    )?;
    let mut by_degree: Vec<_> = nodes.iter().collect();
    by_degree.sort_by(|a, b| b.degree.cmp(&a.degree).then(a.key.cmp(&b.key)));
    writeln!(out, "\ntop actors by events (weighted degree):")?;
    for n in by_degree.iter().take(args.top) {
        writeln!(
            out,
            "  {:>6}  {} ({})",
            n.degree,
            n.name,
            if n.code.is_empty() { "-" } else { &n.code }
        )?;
    }
    let mut by_rank: Vec<_> = nodes.iter().collect();
    by_rank.sort_by(|a, b| b.pagerank.total_cmp(&a.pagerank).then(a.key.cmp(&b.key)));
    writeln!(out, "\ntop actors by weighted PageRank:")?;
    for n in by_rank.iter().take(args.top) {
        writeln!(
            out,
            "  {:>6.4}  {} ({})",
            n.pagerank,
            n.name,
            if n.code.is_empty() { "-" } else { &n.code }
        )?;
    }
    out.flush()?;
    Ok(0)
}
