//! `geokg events`: events by actor, target, type and date, with their sentence.

use super::{edge_filter, open_store, output, write_rows};
use crate::cli::{EventsArgs, GlobalArgs};
use anyhow::Result;
use geokg::graph::resolve_actor;
use geokg::store::{EventQuery, QueryResult, Value};
use std::io::Write;

pub fn run(global: &GlobalArgs, args: &EventsArgs) -> Result<u8> {
    let store = open_store(global)?;
    let ids = |name: &Option<String>| -> Result<Vec<i64>> {
        Ok(match name {
            Some(n) => resolve_actor(&store, n)?
                .into_iter()
                .map(|a| a.id)
                .collect(),
            None => Vec::new(),
        })
    };
    let query = EventQuery {
        actors: ids(&args.actor)?,
        targets: ids(&args.target)?,
        filter: edge_filter(&args.filter)?,
        include_negated: args.negated,
        limit: args.limit,
    };
    let rows = store.events(&query)?;
    let result = QueryResult {
        columns: [
            "date",
            "source",
            "code",
            "type",
            "relation",
            "target",
            "target_code",
            "negated",
            "modality",
            "sentence",
            "document",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        rows: rows
            .into_iter()
            .map(|e| {
                let text = |s: Option<String>| s.map_or(Value::Null, Value::Text);
                vec![
                    text(e.date),
                    Value::Text(e.source),
                    Value::Text(e.source_code),
                    Value::Text(e.plover),
                    Value::Text(e.relation),
                    text(e.target),
                    text(e.target_code),
                    Value::Integer(e.negated as i64),
                    Value::Text(e.modality),
                    Value::Text(e.sentence),
                    Value::Text(e.document),
                ]
            })
            .collect(),
    };
    let mut out = output(None)?;
    write_rows(&mut out, &result, args.format)?;
    out.flush()?;
    Ok(0)
}
