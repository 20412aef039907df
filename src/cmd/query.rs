//! `geokg query`: SQL over the store, read-only unless `--write`.

use super::{output, write_rows};
use crate::cli::{GlobalArgs, QueryArgs};
use anyhow::{Context, Result};
use geokg::Store;
use std::io::Write;

pub fn run(global: &GlobalArgs, args: &QueryArgs) -> Result<u8> {
    let store = if args.write {
        Store::open(&global.db)
    } else {
        Store::open_read_only(&global.db)
    }
    .with_context(|| format!("opening {}", global.db.display()))?;
    let result = store.query(&args.sql)?;
    let mut out = output(None)?;
    write_rows(&mut out, &result, args.format)?;
    out.flush()?;
    Ok(0)
}
