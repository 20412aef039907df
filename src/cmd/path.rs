//! `geokg path`: how two actors are connected, hop by hop, with evidence.

use super::{edge_filter, one_line, open_store, output};
use crate::cli::{GlobalArgs, PathArgs};
use anyhow::Result;
use geokg::graph::{resolve_actor, shortest_paths};
use std::io::Write;

pub fn run(global: &GlobalArgs, args: &PathArgs) -> Result<u8> {
    let store = open_store(global)?;
    let from: Vec<i64> = resolve_actor(&store, &args.from)?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let to: Vec<i64> = resolve_actor(&store, &args.to)?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let paths = shortest_paths(
        &store,
        &from,
        &to,
        &edge_filter(&args.filter)?,
        args.max_hops,
        args.max_paths,
        args.directed,
    )?;
    let mut out = output(None)?;
    if paths.is_empty() {
        writeln!(
            out,
            "no chain of events links {} and {} within {} hops",
            args.from, args.to, args.max_hops
        )?;
        out.flush()?;
        return Ok(1);
    }
    for (i, path) in paths.iter().enumerate() {
        writeln!(
            out,
            "path {} ({} hop{}):",
            i + 1,
            path.len(),
            if path.len() == 1 { "" } else { "s" }
        )?;
        for hop in path {
            let (a, b) = if hop.forward {
                (&hop.from, &hop.to)
            } else {
                (&hop.to, &hop.from)
            };
            writeln!(
                out,
                "  {} ({}) --{} ×{}--> {} ({})",
                a.name,
                if a.code.is_empty() { "-" } else { &a.code },
                hop.plover,
                hop.count,
                b.name,
                if b.code.is_empty() { "-" } else { &b.code }
            )?;
            writeln!(out, "      \"{}\"", one_line(&hop.evidence, 160))?;
        }
    }
    out.flush()?;
    Ok(0)
}
