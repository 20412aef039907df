//! `geokg actors`: actors with their mention and event counts.

use super::{output, write_rows};
use crate::cli::{ActorsArgs, GlobalArgs};
use anyhow::{Context, Result};
use geokg::Store;
use std::io::Write;

pub fn run(global: &GlobalArgs, args: &ActorsArgs) -> Result<u8> {
    let store = Store::open_read_only(&global.db)
        .with_context(|| format!("opening {}", global.db.display()))?;
    let limit = args.top.map_or(-1, |n| n as i64);
    let sql = format!(
        "SELECT a.name, a.code, a.kind,
                (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
                (SELECT COUNT(*) FROM events e WHERE e.source_id = a.id OR e.target_id = a.id) AS events,
                (SELECT group_concat(alias, ' | ') FROM (SELECT alias FROM actor_aliases x WHERE x.actor_id = a.id ORDER BY alias LIMIT 6)) AS aliases
         FROM actors a
         ORDER BY events DESC, mentions DESC, a.name, a.code
         LIMIT {limit}"
    );
    let result = store.query(&sql)?;
    let mut out = output(None)?;
    write_rows(&mut out, &result, args.format)?;
    out.flush()?;
    Ok(0)
}
