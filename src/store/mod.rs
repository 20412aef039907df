//! Store: documents, sentences, actors, mentions and events in SQLite.
//!
//! Input: a [`Document`] with its [`Extraction`]. Output: rows, queries, aggregated edges.
//! Entry points: [`Store::open`], [`Store::open_read_only`], [`Store::open_in_memory`]. No
//! other module touches rusqlite; the schema lives in `schema/` and is migrated on open.

mod queries;

pub use queries::{EdgeFilter, EventQuery, EventRow, StoreStats};

use crate::model::{ActorRef, Document, Extraction};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Schema files in order; `PRAGMA user_version` is the number of the last one applied.
const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("../../schema/0001_init.sql")),
    (
        2,
        include_str!("../../schema/0002_event_groups_and_views.sql"),
    ),
    (3, include_str!("../../schema/0003_bulk_fts.sql")),
    (4, include_str!("../../schema/0004_sentence_spans.sql")),
];

pub const SCHEMA_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].0;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: no such database")]
    NotFound { path: String },
    #[error(
        "{path}: database schema version {found} is newer than this geokg supports ({supported})"
    )]
    TooNew {
        path: String,
        found: u32,
        supported: u32,
    },
    #[error("the database is opened read-only: pass --write to modify it")]
    ReadOnly,
    #[error("{path}: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

/// Secondary indexes on the large tables: dropped during a bulk ingest and rebuilt at its end
/// (building an index by sorting is several times faster than growing it row by row). Must
/// match the schema files; a test checks it.
const BULK_INDEXES: &[(&str, &str)] = &[
    ("actor_aliases_alias", "actor_aliases(alias COLLATE NOCASE)"),
    ("mentions_actor", "mentions(actor_id)"),
    ("mentions_sentence", "mentions(sentence_id)"),
    ("events_target", "events(target_id)"),
    ("events_document", "events(document_id)"),
    ("events_date", "events(date)"),
    ("events_plover", "events(plover)"),
    ("events_group", "events(group_id)"),
    ("events_edge", "events(source_id, target_id, plover)"),
    ("event_groups_target", "event_groups(target_key)"),
    ("event_groups_date", "event_groups(date)"),
    ("edge_stats_target", "edge_stats(target_id)"),
];

fn create_indexes(conn: &Connection) -> Result<(), StoreError> {
    if Store::missing_indexes(conn)? == 0 {
        return Ok(());
    }
    // The pages of the load are all written by now: hand their memory back first.
    conn.execute_batch("PRAGMA shrink_memory")?;
    with_lean_cache(conn, || {
        Ok(BULK_INDEXES.iter().try_for_each(|(name, on)| {
            conn.execute_batch(&format!("CREATE INDEX IF NOT EXISTS {name} ON {on}"))
        })?)
    })
}

/// Runs `work` with an eighth of the connection's page cache (8 MB of the writer's 64), then
/// gives the cache back: for statements that sort much and revisit few pages, building an
/// index over a table scan or counting a pass of events in key order. SQLite's sorter holds up
/// to the page cache's size of rows in memory before it writes a sorted run to disk; sorting
/// runs of 8 MB and merging them was faster than sorting larger runs, and holds less memory.
/// Measured on the 1 GB bench database: rebuilding the bulk indexes took 41.8 s and 114 MB
/// with an eighth, 45.4 s and 129 MB with a quarter, 51.5 s and 162 MB with half of the
/// cache; a load counting in passes went 4.5% faster with an eighth than with a quarter and
/// held 168-182 MB against 203-216 MB (271 MB with the whole cache).
fn with_lean_cache<T>(
    conn: &Connection,
    work: impl FnOnce() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", cache / 8)?;
    let result = work();
    conn.pragma_update(None, "cache_size", cache)?;
    result
}

/// Event groups beyond which a bulk load counts events in passes (about what the 64 MB page
/// cache holds of the group table and its key index): see [`Store::count_in_passes`].
const GROUPS_IN_CACHE: i64 = 1 << 20;

/// Events counted per pass: enough for each pass to read and write the tables of counts
/// nearly in key order, few enough to sort in a few MB of memory. Each pass sweeps the whole
/// key index once it is larger than the page cache, so the fewer the better: a write
/// transaction of the pipeline (16384 documents, about 200k events on the bench corpus) is
/// counted in one pass, at commit.
const COUNT_PASS: usize = 1 << 18;

/// What a recode removes before storing the new extractions: everything derived from the
/// documents' text, which the documents keep. (Foreign keys are off in a batch, so the order
/// does not matter, and whole tables are emptied at once.)
const CLEAR_EXTRACTIONS: &str = "
    INSERT INTO sentences_fts (sentences_fts) VALUES ('delete-all');
    DELETE FROM events;
    DELETE FROM mentions;
    DELETE FROM sentence_spans;
    DELETE FROM event_groups;
    DELETE FROM edge_stats;
    DELETE FROM actor_aliases;
    DELETE FROM actors;";

/// How edge statistics take more events: counts add up, dates widen (an SQL `SET` list, a
/// macro so that statements can be `concat!`ed at compile time).
macro_rules! edge_counts_add {
    () => {
        "events = events + excluded.events,
         reports = reports + excluded.reports,
         documents = documents + excluded.documents,
         goldstein_sum = goldstein_sum + excluded.goldstein_sum,
         first_date = CASE WHEN excluded.first_date IS NOT NULL AND (first_date IS NULL OR excluded.first_date < first_date) THEN excluded.first_date ELSE first_date END,
         last_date = CASE WHEN excluded.last_date IS NOT NULL AND (last_date IS NULL OR excluded.last_date > last_date) THEN excluded.last_date ELSE last_date END"
    };
}

/// Counts the events with ids in (`after`, `through`], whole documents stored without being
/// counted, in event groups and edge statistics, as storing them one by one would have: a
/// group takes its type, quad class and score from its first event; an edge counts the groups
/// these events start. The rows come out of the grouping in key order.
fn count_events(conn: &Connection, after: i64, through: i64) -> Result<(), StoreError> {
    let groups_before: i64 =
        conn.query_row("SELECT coalesce(max(id), 0) FROM event_groups", [], |r| {
            r.get(0)
        })?;
    // `min(id)` makes the other bare columns those of the group's first event.
    conn.prepare_cached(
        "INSERT INTO event_groups (source_id, target_id, target_key, cameo, plover, quad_class,
                                   goldstein, date, reports, documents)
         SELECT source_id, target_id, coalesce(target_id, 0), cameo, plover, quad_class,
                goldstein, coalesce(date, ''), reports, documents
         FROM (SELECT min(id), source_id, target_id, cameo, plover, quad_class, goldstein, date,
                      count(*) AS reports, count(DISTINCT document_id) AS documents
               FROM events
               WHERE id > ?1 AND id <= ?2 AND negated = 0 AND plover <> 'OTHER'
               GROUP BY source_id, coalesce(target_id, 0), cameo, coalesce(date, ''))
         WHERE true
         ON CONFLICT (source_id, target_key, cameo, date) DO UPDATE SET
             reports = reports + excluded.reports,
             documents = documents + excluded.documents",
    )?
    .execute([after, through])?;
    // Each event's group is looked up in key order too (the events, sorted by key first, are
    // recent pages): in event order, every lookup read a random page of a large index.
    conn.prepare_cached(
        "WITH p AS MATERIALIZED (
             SELECT id, source_id, coalesce(target_id, 0) AS target_key, cameo,
                    coalesce(date, '') AS date
             FROM events
             WHERE id > ?1 AND id <= ?2 AND negated = 0 AND plover <> 'OTHER'
             ORDER BY source_id, target_key, cameo, date)
         UPDATE events SET group_id = g.id
         FROM p JOIN event_groups g
           ON g.source_id = p.source_id AND g.target_key = p.target_key AND g.cameo = p.cameo
          AND g.date = p.date
         WHERE events.id = p.id",
    )?
    .execute([after, through])?;
    conn.prepare_cached(concat!(
        "INSERT INTO edge_stats (source_id, target_id, plover, quad_class, events, reports,
                                 documents, goldstein_sum, first_date, last_date)
         SELECT r.source_id, r.target_id, r.plover,
                (SELECT quad_class FROM events WHERE id = r.first),
                coalesce(n.events, 0), r.reports, r.documents, coalesce(n.goldstein_sum, 0),
                r.first_date, r.last_date
         FROM (SELECT source_id, target_id, plover, min(id) AS first, count(*) AS reports,
                      count(DISTINCT document_id) AS documents,
                      min(date) AS first_date, max(date) AS last_date
               FROM events
               WHERE id > ?1 AND id <= ?2 AND negated = 0 AND plover <> 'OTHER'
                 AND target_id IS NOT NULL
               GROUP BY source_id, target_id, plover) r
         LEFT JOIN (SELECT source_id, target_id, plover, count(*) AS events,
                           sum(goldstein) AS goldstein_sum
                    FROM event_groups WHERE id > ?3 AND target_id IS NOT NULL
                    GROUP BY source_id, target_id, plover) n
           ON n.source_id = r.source_id AND n.target_id = r.target_id AND n.plover = r.plover
         WHERE true
         ON CONFLICT (source_id, target_id, plover) DO UPDATE SET ",
        edge_counts_add!()
    ))?
    .execute([after, through, groups_before])?;
    Ok(())
}

/// Page size of new databases. The database is written in large transactions of whole pages
/// (to the write-ahead log, then checkpointed into the file) and its indexes are rebuilt in
/// bulk: with 32 KB pages instead of SQLite's default 4 KB, the write-ahead log holds an
/// eighth as many frames, with as many fewer headers and checksums, and B-trees split less
/// often. A bulk load took a fifth less time. On a 100 MB load, read commands that scan
/// (full-text search, events by date) got faster and point lookups (events of one actor,
/// export) about 0.05-0.1 s slower. The page size cannot change once the database has pages.
const NEW_PAGE_SIZE: i64 = 32 * 1024;

/// A SQLite database of coded events.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Actor ids and aliases known to be committed, so inserts skip their lookups.
    known: WriteCache,
    /// When events are counted in passes; `None`: always one by one.
    passes: Option<Passes>,
}

/// See [`Store::count_in_passes`].
#[derive(Debug, Clone, Copy)]
struct Passes {
    /// Event groups beyond which a transaction counts in passes.
    above_groups: i64,
    /// Events per pass.
    events: usize,
}

/// Actor ids by name and code (see [`actor_key`]) and stored aliases by actor id. Looked up
/// with borrowed strings: nearly every lookup finds its key, and building an owned key for each
/// (two strings per actor reference) cost more than the lookup.
#[derive(Debug, Default)]
struct WriteCache {
    actors: FxHashMap<String, i64>,
    aliases: FxHashMap<i64, FxHashSet<String>>,
}

impl WriteCache {
    fn absorb(&mut self, other: WriteCache) {
        self.actors.extend(other.actors);
        for (id, aliases) in other.aliases {
            self.aliases.entry(id).or_default().extend(aliases);
        }
    }

    fn has_alias(&self, id: i64, alias: &str) -> bool {
        self.aliases.get(&id).is_some_and(|a| a.contains(alias))
    }
}

/// Writes the cache key of an actor into `key`: the name's length, the name and the code, which
/// no other (name, code) pair shares.
fn actor_key(key: &mut String, name: &str, code: &str) {
    use std::fmt::Write;
    key.clear();
    let _ = write!(key, "{}:", name.len());
    key.push_str(name);
    key.push_str(code);
}

/// An open write transaction that documents are added to one at a time, from
/// [`Store::begin_batch`]: they are stored when [`Batch::commit`] returns, all of them, or none
/// if the batch is dropped first or the process dies.
pub struct Batch<'a> {
    conn: &'a Connection,
    /// The committed cache, and what this transaction adds to it (kept only if it commits).
    known: &'a mut WriteCache,
    fresh: WriteCache,
    /// Events are counted in passes of this many (see [`Store::count_in_passes`]).
    in_passes: Option<usize>,
    /// Counting one by one until the groups outgrow this, then in passes (see
    /// [`Store::count_in_passes`]).
    switch_to_passes: Option<Passes>,
    /// The highest group id this transaction has made.
    newest_group: i64,
    /// The last event counted, and how many were stored since (when counting in passes).
    counted_through: i64,
    uncounted: usize,
    /// Room for a cache key, reused.
    key: String,
    /// The first sentence id of the batch: its sentences go into the full-text index at commit.
    first_sentence: i64,
}

/// What happened to a document handed to [`Store::insert`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    Inserted {
        events: usize,
    },
    /// A document with the same content hash was already stored: nothing written.
    Duplicate,
}

/// A value from a query row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Null => Ok(()),
            Value::Integer(i) => write!(f, "{i}"),
            Value::Real(r) => write!(f, "{r}"),
            Value::Text(t) => f.write_str(t),
            Value::Blob(b) => write!(f, "<{} bytes>", b.len()),
        }
    }
}

/// The result of an SQL query: column names and rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// One aggregated edge (counted events only).
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeRow {
    pub source: ActorRow,
    pub target: ActorRow,
    pub plover: String,
    pub quad_class: u8,
    pub count: u64,
    pub documents: u64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub mean_goldstein: f64,
    /// One evidence sentence (the most recent).
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorRow {
    pub id: i64,
    pub name: String,
    pub code: String,
    pub kind: String,
    pub country: Option<String>,
}

impl Store {
    /// Opens (creating if needed) a database file and migrates it to the current schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            known: WriteCache::default(),
            passes: None,
        };
        store.configure()?;
        store.migrate()?;
        store.ensure_indexes()?;
        Ok(store)
    }

    /// From now on, once event groups outgrow the page cache, a write transaction counts its
    /// events into event groups and edge statistics in passes of many events, sorted by key,
    /// instead of one by one: the two tables are keyed in no order the events come in, so at
    /// that size counting one by one reads and writes a page of each for nearly every event.
    /// For a bulk load. What is stored is the same either way.
    pub fn count_in_passes(&mut self) {
        self.passes = Some(Passes {
            above_groups: GROUPS_IN_CACHE,
            events: COUNT_PASS,
        });
    }

    /// Drops the secondary indexes of the large tables before a bulk load; they come back with
    /// [`Store::ensure_indexes`], which every writable open runs (so a bulk load killed midway
    /// leaves a database that is whole, only slower to query until it is next opened).
    pub fn drop_bulk_indexes(&self) -> Result<(), StoreError> {
        for (name, _) in BULK_INDEXES {
            self.conn
                .execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
        }
        Ok(())
    }

    /// Creates any missing secondary index (a no-op when all exist).
    pub fn ensure_indexes(&self) -> Result<(), StoreError> {
        create_indexes(&self.conn)
    }

    /// How many of the secondary indexes are missing.
    fn missing_indexes(conn: &Connection) -> Result<usize, StoreError> {
        let present: i64 = conn.query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'
             AND name IN (SELECT value FROM json_each(?1))",
            [
                serde_json::to_string(&BULK_INDEXES.iter().map(|(n, _)| *n).collect::<Vec<_>>())
                    .unwrap_or_default(),
            ],
            |r| r.get(0),
        )?;
        Ok(BULK_INDEXES.len().saturating_sub(present as usize))
    }

    /// Opens an existing database without any possibility of writing to it (first bringing an
    /// older schema up to date, or restoring indexes an interrupted bulk load left out).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        Store::open_reader(path, true)
    }

    /// A read-only connection to a database another connection of this process is writing
    /// (the ingest reader checking for stored documents): no repair, which would race it.
    pub fn open_concurrent_reader(path: &Path) -> Result<Store, StoreError> {
        let store = Store::open_reader(path, false)?;
        // Its lookups go to one random leaf each: a cache the size of the interior pages is
        // enough, and a larger one only grows with the database during a long load.
        store.conn.pragma_update(None, "cache_size", -4_096)?;
        Ok(store)
    }

    fn open_reader(path: &Path, repair: bool) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::NotFound {
                path: path.display().to_string(),
            });
        }
        // Bring an older file up to date first, then reopen read-only.
        if repair {
            let probe = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
                .map_err(|source| StoreError::Open {
                    path: path.display().to_string(),
                    source,
                })?;
            let version: u32 = probe.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if version < SCHEMA_VERSION {
                drop(probe);
                Store::open(path)?;
            } else if version == SCHEMA_VERSION && Store::missing_indexes(&probe)? > 0 {
                // Indexes left out by a bulk load: restore them unless a writer is at work
                // (then it is that bulk load, which restores them itself when done).
                drop(probe);
                let conn = Connection::open(path).map_err(|source| StoreError::Open {
                    path: path.display().to_string(),
                    source,
                })?;
                if conn.execute_batch("BEGIN IMMEDIATE").is_ok() {
                    create_indexes(&conn)?;
                    conn.execute_batch("COMMIT")?;
                }
            }
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        // A 32 MB page cache: graph queries on large databases revisit the same index pages.
        conn.pragma_update(None, "cache_size", -32_768)?;
        let store = Store {
            conn,
            path: Some(path.to_path_buf()),
            known: WriteCache::default(),
            passes: None,
        };
        store.check_version()?;
        Ok(store)
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
            known: WriteCache::default(),
            passes: None,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Size of the database file in bytes (0 in memory).
    pub fn file_size(&self) -> u64 {
        self.path
            .as_ref()
            .and_then(|p| std::fs::metadata(p).ok())
            .map_or(0, |m| m.len())
    }

    fn path_name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| ":memory:".to_string(), |p| p.display().to_string())
    }

    fn configure(&self) -> Result<(), StoreError> {
        // First: another process opening the same file at the same moment (a `query` while an
        // ingest starts) holds a lock for a moment, and switching to WAL below must wait for it.
        self.conn.busy_timeout(std::time::Duration::from_secs(10))?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        // Only a database without pages yet takes a page size (an existing one keeps its own).
        let page_count: i64 = self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        if page_count == 0 {
            self.conn.pragma_update(None, "page_size", NEW_PAGE_SIZE)?;
        }
        if self.path.is_some() {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
            // 64 MB of page cache: inserts touch index pages all over a large database.
            self.conn.pragma_update(None, "cache_size", -65_536)?;
            // Checkpoint the write-ahead log every ~40 MB rather than every 4 MB (the setting
            // counts pages, whose size depends on when the database was made).
            let page_size: i64 = self.conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
            self.conn
                .pragma_update(None, "wal_autocheckpoint", (40 << 20) / page_size.max(512))?;
        }
        Ok(())
    }

    fn check_version(&self) -> Result<u32, StoreError> {
        let version: u32 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path_name(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(version)
    }

    /// Applies every schema file newer than the database, one per transaction. Each takes
    /// the write lock first and reads the version under it: two processes opening a new
    /// database at once (a `query` while an ingest starts) then wait for each other instead
    /// of one failing with "database is locked", and the second finds the work done.
    fn migrate(&mut self) -> Result<(), StoreError> {
        while self.check_version()? < SCHEMA_VERSION {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let version: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if let Some((number, sql)) = MIGRATIONS.iter().find(|(n, _)| *n > version) {
                tx.execute_batch(sql)?;
                tx.pragma_update(None, "user_version", number)?;
            }
            tx.commit()?;
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Whether a document with this content hash is stored.
    pub fn has_document(&self, hash: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE hash = ?1")?
            .query_row([hash], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Stores a document with everything extracted from it, in one transaction. A document
    /// already stored (same hash) is left alone.
    pub fn insert(
        &mut self,
        doc: &Document,
        extraction: &Extraction,
    ) -> Result<InsertOutcome, StoreError> {
        Ok(self.insert_batch(&[(doc, extraction)])?[0])
    }

    /// Stores several documents in one transaction: all of them or none.
    pub fn insert_batch(
        &mut self,
        batch: &[(&Document, &Extraction)],
    ) -> Result<Vec<InsertOutcome>, StoreError> {
        let mut open = self.begin_batch()?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for (doc, extraction) in batch {
            outcomes.push(open.insert(doc, extraction)?);
        }
        open.commit()?;
        Ok(outcomes)
    }

    /// Opens a write transaction for documents handed over one at a time (so a large
    /// transaction holds no documents in memory, only the pages it has written).
    pub fn begin_batch(&mut self) -> Result<Batch<'_>, StoreError> {
        self.open_batch(false)
    }

    /// Opens the write transaction of a recode: every sentence, mention, event, actor and
    /// aggregate goes, the documents stay, and [`Batch::recode`] stores each document's new
    /// extraction. Committed, the new extractions replace the old; dropped or failed, nothing
    /// has changed.
    pub fn begin_recode(&mut self) -> Result<Batch<'_>, StoreError> {
        // Actor ids are about to be reused for other actors.
        self.known = WriteCache::default();
        self.open_batch(true)
    }

    /// The stored documents after id `after`, by id, at most `limit` of them, with their ids.
    pub fn documents_after(
        &self,
        after: i64,
        limit: usize,
    ) -> Result<Vec<(i64, Document)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, doc_id, hash, title, date, source, url, origin, extra, text
             FROM documents WHERE id > ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![after, limit as i64], |r| {
            let date: Option<String> = r.get(4)?;
            Ok((
                r.get(0)?,
                Document {
                    id: r.get(1)?,
                    hash: r.get(2)?,
                    title: r.get(3)?,
                    // Stored by the writer as YYYY-MM-DD; anything else is no date.
                    date: date.and_then(|d| d.parse().ok()),
                    source: r.get(5)?,
                    url: r.get(6)?,
                    origin: r.get(7)?,
                    extra: r.get(8)?,
                    text: r.get(9)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    fn open_batch(&mut self, recode: bool) -> Result<Batch<'_>, StoreError> {
        // Every id the writer stores it has just read or written in the same transaction, so
        // checking each reference again (a lookup per key, six per event) only costs time;
        // deletes and hand-written SQL keep the checks and the cascades. The batch turns them
        // back on when it ends, either way.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let passes = self.passes;
        let mut batch = Batch {
            conn: &self.conn,
            known: &mut self.known,
            fresh: WriteCache::default(),
            in_passes: None,
            switch_to_passes: None,
            newest_group: 0,
            counted_through: 0,
            uncounted: 0,
            key: String::new(),
            first_sentence: 0,
        };
        // Immediate: the write lock is taken (or waited for) before the first read, so no
        // other connection can commit between that read and this transaction's writes.
        batch.conn.execute_batch("BEGIN IMMEDIATE")?;
        // A recode stores about as many event groups as it clears: their number before the
        // clear decides how it counts them.
        let groups: i64 =
            batch
                .conn
                .query_row("SELECT coalesce(max(id), 0) FROM event_groups", [], |r| {
                    r.get(0)
                })?;
        if recode {
            batch.conn.execute_batch(CLEAR_EXTRACTIONS)?;
        }
        batch.first_sentence = batch.conn.query_row(
            "SELECT coalesce(max(id), 0) + 1 FROM sentence_spans",
            [],
            |r| r.get(0),
        )?;
        if let Some(passes) = passes {
            batch.in_passes = (groups > passes.above_groups).then_some(passes.events);
            batch.switch_to_passes = batch.in_passes.is_none().then_some(passes);
            batch.counted_through =
                batch
                    .conn
                    .query_row("SELECT coalesce(max(id), 0) FROM events", [], |r| r.get(0))?;
        }
        Ok(batch)
    }

    /// Whether a document with this URL is stored.
    pub fn has_url(&self, url: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE url = ?1")?
            .query_row([url], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Runs one SQL statement and returns its rows. On a read-only store a write fails with
    /// [`StoreError::ReadOnly`] and changes nothing.
    pub fn query(&self, sql: &str) -> Result<QueryResult, StoreError> {
        // Every statement runs, in order; the last one that returns columns is the result.
        let mut result = QueryResult {
            columns: Vec::new(),
            rows: Vec::new(),
        };
        let mut batch = rusqlite::Batch::new(&self.conn, sql);
        while let Some(mut stmt) = batch.next().map_err(map_read_only)? {
            let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
            let count = columns.len();
            let mut rows = Vec::new();
            let mut cursor = stmt.query([]).map_err(map_read_only)?;
            while let Some(row) = cursor.next().map_err(map_read_only)? {
                let mut values = Vec::with_capacity(count);
                for i in 0..count {
                    values.push(match row.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => Value::Null,
                        rusqlite::types::ValueRef::Integer(v) => Value::Integer(v),
                        rusqlite::types::ValueRef::Real(v) => Value::Real(v),
                        rusqlite::types::ValueRef::Text(t) => {
                            Value::Text(String::from_utf8_lossy(t).into_owned())
                        }
                        rusqlite::types::ValueRef::Blob(b) => Value::Blob(b.to_vec()),
                    });
                }
                rows.push(values);
            }
            if count > 0 {
                result = QueryResult { columns, rows };
            }
        }
        Ok(result)
    }

    /// Runs SQL that may write (several statements allowed).
    pub fn execute_batch(&self, sql: &str) -> Result<(), StoreError> {
        self.conn.execute_batch(sql).map_err(map_read_only)
    }

    /// Row counts of the main tables, in a fixed order.
    pub fn table_counts(&self) -> Result<Vec<(&'static str, u64)>, StoreError> {
        let mut out = Vec::new();
        // Sentences are counted by their rows, not through the view that adds their text.
        for (name, table) in [
            ("documents", "documents"),
            ("sentences", "sentence_spans"),
            ("actors", "actors"),
            ("actor_aliases", "actor_aliases"),
            ("mentions", "mentions"),
            ("events", "events"),
            ("event_groups", "event_groups"),
            ("edge_stats", "edge_stats"),
        ] {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?;
            out.push((name, n as u64));
        }
        Ok(out)
    }

    /// Aggregated edges between actors (counted events only), sorted deterministically.
    pub fn edges(&self) -> Result<Vec<EdgeRow>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.name, s.code, s.kind, s.country,
                    t.id, t.name, t.code, t.kind, t.country,
                    g.plover, g.quad_class, g.count, g.documents, g.first_date, g.last_date, g.mean_goldstein,
                    (SELECT se.text FROM events e JOIN sentences se ON se.id = e.sentence_id
                      WHERE e.source_id = g.source_id AND e.target_id = g.target_id AND e.plover = g.plover
                        AND e.negated = 0
                      ORDER BY e.date DESC, e.id DESC LIMIT 1)
             FROM edges g
             JOIN actors s ON s.id = g.source_id
             JOIN actors t ON t.id = g.target_id
             ORDER BY s.name, s.code, t.name, t.code, g.plover",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(EdgeRow {
                source: ActorRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    code: r.get(2)?,
                    kind: r.get(3)?,
                    country: r.get(4)?,
                },
                target: ActorRow {
                    id: r.get(5)?,
                    name: r.get(6)?,
                    code: r.get(7)?,
                    kind: r.get(8)?,
                    country: r.get(9)?,
                },
                plover: r.get(10)?,
                quad_class: r.get(11)?,
                count: r.get::<_, i64>(12)? as u64,
                documents: r.get::<_, i64>(13)? as u64,
                first_date: r.get(14)?,
                last_date: r.get(15)?,
                mean_goldstein: r.get(16)?,
                evidence: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

impl Batch<'_> {
    /// Adds a document with its sentences, mentions and events to the transaction. A document
    /// already stored (same hash, in this batch or before) is left alone.
    pub fn insert(
        &mut self,
        doc: &Document,
        extraction: &Extraction,
    ) -> Result<InsertOutcome, StoreError> {
        let tx = self.conn;
        let exists = tx
            .prepare_cached("SELECT 1 FROM documents WHERE hash = ?1")?
            .query_row([&doc.hash], |_| Ok(()))
            .optional()?
            .is_some();
        if exists {
            return Ok(InsertOutcome::Duplicate);
        }
        tx.prepare_cached(
        "INSERT INTO documents (doc_id, hash, title, date, source, url, origin, text, extra, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
    )?
    .execute(params![
        doc.id,
        doc.hash,
        doc.title,
        doc.date.map(|d| d.to_string()),
        doc.source,
        doc.url,
        doc.origin,
        doc.text,
        doc.extra
    ])?;
        let document_id = tx.last_insert_rowid();
        let events = self.store_extraction(document_id, extraction)?;
        Ok(InsertOutcome::Inserted { events })
    }

    /// Stores the new extraction of stored document `document_id`, in a transaction opened by
    /// [`Store::begin_recode`]; returns its number of events.
    pub fn recode(
        &mut self,
        document_id: i64,
        extraction: &Extraction,
    ) -> Result<usize, StoreError> {
        self.store_extraction(document_id, extraction)
    }

    /// Stores the sentences, mentions and events extracted from document `document_id`,
    /// counting the events into the aggregates.
    fn store_extraction(
        &mut self,
        document_id: i64,
        extraction: &Extraction,
    ) -> Result<usize, StoreError> {
        let tx = self.conn;
        let mut sentence_ids = Vec::with_capacity(extraction.sentences.len());
        {
            let mut insert_sentence = tx.prepare_cached(
            "INSERT INTO sentence_spans (document_id, idx, start, \"end\") VALUES (?1, ?2, ?3, ?4)",
        )?;
            for s in &extraction.sentences {
                insert_sentence.execute(params![
                    document_id,
                    s.index as i64,
                    s.start as i64,
                    s.end as i64
                ])?;
                sentence_ids.push(tx.last_insert_rowid());
            }
        }
        let sentence_id = |index: usize| sentence_ids.get(index).copied().unwrap_or(0);
        {
            let mut insert_mention = tx.prepare_cached(
            "INSERT INTO mentions (sentence_id, actor_id, text, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
            for m in &extraction.mentions {
                let actor = self.actor_id(&m.actor)?;
                if m.named {
                    self.alias(actor, &m.actor.text)?;
                }
                insert_mention.execute(params![
                    sentence_id(m.sentence_index),
                    actor,
                    m.actor.text,
                    m.actor.start as i64,
                    m.actor.end as i64
                ])?;
            }
        }
        // Groups and edges this document has already counted once.
        let mut counted_groups: FxHashSet<(i64, i64, &str, Option<String>)> = FxHashSet::default();
        let mut counted_edges: FxHashSet<(i64, i64, &str)> = FxHashSet::default();
        let mut insert_event = tx.prepare_cached(
        "INSERT INTO events (document_id, sentence_id, source_id, target_id, attributed_id,
            source_text, target_text, relation_text, relation_lemma, cameo, root_code, plover,
            plover_mode, goldstein, quad_class, negated, modality, date, location, confidence,
            relation_start, relation_end, source_start, source_end, target_start, target_end, group_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
    )?;
        // The statements of the event loop, looked up in the statement cache once per
        // document rather than once per event (the lookup hashes the whole SQL text).
        let mut insert_group = tx.prepare_cached(
            "INSERT INTO event_groups (source_id, target_id, target_key, cameo, plover, quad_class, goldstein, date, reports, documents)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, 1)
             ON CONFLICT (source_id, target_key, cameo, date) DO NOTHING",
        )?;
        let mut find_group = tx.prepare_cached(
            "SELECT id FROM event_groups
             WHERE source_id = ?1 AND target_key = ?2 AND cameo = ?3 AND date = ?4",
        )?;
        let mut count_group = tx.prepare_cached(
            "UPDATE event_groups SET reports = reports + 1, documents = documents + ?2
             WHERE id = ?1",
        )?;
        let mut count_edge = tx.prepare_cached(concat!(
            "INSERT INTO edge_stats (source_id, target_id, plover, quad_class, events, reports, documents, goldstein_sum, first_date, last_date)
             VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?8)
             ON CONFLICT (source_id, target_id, plover) DO UPDATE SET ",
            edge_counts_add!()
        ))?;
        for e in &extraction.events {
            let explicit_target = e.target.as_ref().filter(|t| !t.text.is_empty());
            let source = self.actor_id(&e.source)?;
            let target = e.target.as_ref().map(|t| self.actor_id(t)).transpose()?;
            let attributed = e
                .attributed_to
                .as_ref()
                .map(|a| self.actor_id(a))
                .transpose()?;
            let date = e.date.map(|d| d.to_string());
            let group = if e.is_counted() && self.in_passes.is_none() {
                // The first report of an event in a document counts the document.
                let new_document = counted_groups.insert((
                    source,
                    target.unwrap_or(0),
                    e.cameo.as_str(),
                    date.clone(),
                ));
                // An insert that does nothing when the group exists, and only then a lookup and
                // an update: most events start a group, so this saves most lookups. (An upsert
                // with RETURNING would buffer its one row in a temporary table, which costs
                // more than the lookup.)
                let group_date = date.as_deref().unwrap_or_default();
                let inserted = insert_group.execute(params![
                    source,
                    target,
                    target.unwrap_or(0),
                    e.cameo,
                    e.plover.as_str(),
                    e.quad_class,
                    e.goldstein,
                    group_date,
                ])?;
                let new_event = inserted == 1;
                let group = if new_event {
                    self.newest_group = tx.last_insert_rowid();
                    self.newest_group
                } else {
                    let id: i64 = find_group.query_row(
                        params![source, target.unwrap_or(0), e.cameo, group_date],
                        |r| r.get(0),
                    )?;
                    count_group.execute(params![id, new_document as i64])?;
                    id
                };
                if let Some(target) = target {
                    let new_edge_document =
                        counted_edges.insert((source, target, e.plover.as_str()));
                    count_edge.execute(params![
                        source,
                        target,
                        e.plover.as_str(),
                        e.quad_class,
                        new_event as i64,
                        new_edge_document as i64,
                        if new_event { e.goldstein } else { 0.0 },
                        date
                    ])?;
                }
                Some(group)
            } else {
                None
            };
            insert_event.execute(params![
                document_id,
                sentence_id(e.sentence_index),
                source,
                target,
                attributed,
                e.source.text,
                explicit_target.map(|t| t.text.clone()),
                e.relation.text,
                e.relation.lemma,
                e.cameo,
                e.cameo.get(..2).unwrap_or(&e.cameo),
                e.plover.as_str(),
                e.plover_mode,
                e.goldstein,
                e.quad_class,
                e.negated,
                e.modality.as_str(),
                date,
                e.location,
                e.confidence,
                e.relation.start as i64,
                e.relation.end as i64,
                e.source.start as i64,
                e.source.end as i64,
                // An implied target (no words in the sentence) has no offsets.
                explicit_target.map(|t| t.start as i64),
                explicit_target.map(|t| t.end as i64),
                group,
            ])?;
        }
        if let Some(per_pass) = self.in_passes {
            self.uncounted += extraction.events.len();
            if self.uncounted >= per_pass {
                self.count_pass()?;
            }
        }
        // A transaction that began counting one by one goes on in passes once the groups
        // outgrow the page cache: a large one would otherwise count one by one long past it,
        // reading and writing (and holding) pages all over the group key index.
        if let Some(passes) = self.switch_to_passes {
            if self.newest_group > passes.above_groups {
                self.counted_through =
                    tx.query_row("SELECT coalesce(max(id), 0) FROM events", [], |r| r.get(0))?;
                self.in_passes = Some(passes.events);
                self.switch_to_passes = None;
            }
        }
        Ok(extraction.events.len())
    }

    /// Indexes the batch's sentences for full-text search and commits.
    pub fn commit(mut self) -> Result<(), StoreError> {
        // The batch's sentences go into the full-text index in one statement (see 0003).
        self.conn
            .prepare_cached(
                "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id >= ?1",
            )?
            .execute([self.first_sentence])?;
        if self.in_passes.is_some() {
            self.count_pass()?;
        }
        self.conn.execute_batch("COMMIT")?;
        let fresh = std::mem::take(&mut self.fresh);
        self.known.absorb(fresh);
        Ok(())
    }

    /// Counts the events stored since the last pass.
    fn count_pass(&mut self) -> Result<(), StoreError> {
        let through = self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM events", [], |r| r.get(0))?;
        if through > self.counted_through {
            with_lean_cache(self.conn, || {
                count_events(self.conn, self.counted_through, through)
            })?;
        }
        self.counted_through = through;
        self.uncounted = 0;
        Ok(())
    }

    /// The id of an actor (by name and code), inserting it if new.
    fn actor_id(&mut self, actor: &ActorRef) -> Result<i64, StoreError> {
        let code = actor.code.as_deref().unwrap_or_default();
        actor_key(&mut self.key, &actor.name, code);
        if let Some(&id) = (self.known.actors.get(&self.key)).or(self.fresh.actors.get(&self.key)) {
            return Ok(id);
        }
        // An actor this store has not seen is most often new: an insert that does nothing
        // when the actor is stored, and only then a lookup and an update of the kind. (An
        // upsert with RETURNING took four times as long, buffering its row in a temporary
        // table.)
        let inserted = self
            .conn
            .prepare_cached(
                "INSERT INTO actors (name, code, country, sector, kind) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (name, code) DO NOTHING",
            )?
            .execute(params![
                actor.name,
                code,
                actor.country,
                actor.sector,
                actor.kind.as_str()
            ])?;
        let id = if inserted == 1 {
            self.conn.last_insert_rowid()
        } else {
            let id: i64 = self
                .conn
                .prepare_cached("SELECT id FROM actors WHERE name = ?1 AND code = ?2")?
                .query_row(params![actor.name, code], |r| r.get(0))?;
            self.conn
                .prepare_cached("UPDATE actors SET kind = ?2 WHERE id = ?1")?
                .execute(params![id, actor.kind.as_str()])?;
            id
        };
        self.fresh.actors.insert(self.key.clone(), id);
        Ok(id)
    }

    /// Records `alias` as a name of actor `id`.
    fn alias(&mut self, id: i64, alias: &str) -> Result<(), StoreError> {
        if self.known.has_alias(id, alias) || self.fresh.has_alias(id, alias) {
            return Ok(());
        }
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?1, ?2)",
            )?
            .execute(params![id, alias])?;
        self.fresh
            .aliases
            .entry(id)
            .or_default()
            .insert(alias.to_string());
        Ok(())
    }
}

impl Drop for Batch<'_> {
    /// Rolls back a batch that did not commit, and turns the foreign key checks back on.
    fn drop(&mut self) {
        if !self.conn.is_autocommit() {
            // Should this fail, SQLite rolls the transaction back when the connection closes.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        let _ = self.conn.pragma_update(None, "foreign_keys", "ON");
    }
}

fn map_read_only(err: rusqlite::Error) -> StoreError {
    match &err {
        rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::ReadOnly => {
            StoreError::ReadOnly
        }
        _ => StoreError::Sqlite(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;
    use crate::model::DocumentMeta;

    fn doc(text: &str) -> Document {
        Document::new(
            text.to_string(),
            DocumentMeta {
                date: chrono::NaiveDate::from_ymd_opt(2025, 9, 20),
                ..Default::default()
            },
        )
    }

    /// Documents of these texts (dated as by [`doc`]) and what the built-in extractor finds in
    /// each.
    fn extracted(texts: &[&str]) -> (Vec<Document>, Vec<Extraction>) {
        let extractor = Extractor::builtin();
        let docs: Vec<Document> = texts.iter().map(|t| doc(t)).collect();
        let extractions = docs.iter().map(|d| extractor.extract(d)).collect();
        (docs, extractions)
    }

    /// The rows `sql` returns.
    fn rows(store: &Store, sql: &str) -> Vec<Vec<Value>> {
        store.query(sql).unwrap().rows
    }

    /// The first column of the rows `sql` returns.
    fn column(store: &Store, sql: &str) -> Vec<Value> {
        rows(store, sql)
            .into_iter()
            .map(|mut r| r.remove(0))
            .collect()
    }

    /// Event groups, edge statistics and each event's group, without row ids (counting in
    /// passes numbers groups in key order, counting one by one in first-seen order).
    fn aggregates(store: &Store) -> Vec<Vec<Vec<Value>>> {
        [
            "SELECT source_id, target_key, cameo, date, target_id, plover, quad_class, goldstein,
                    reports, documents
             FROM event_groups ORDER BY 1, 2, 3, 4",
            "SELECT source_id, target_id, plover, quad_class, events, reports, documents,
                    round(goldstein_sum, 6), first_date, last_date
             FROM edge_stats ORDER BY 1, 2, 3",
            "SELECT e.id, g.source_id, g.target_key, g.cameo, g.date
             FROM events e LEFT JOIN event_groups g ON g.id = e.group_id ORDER BY e.id",
        ]
        .iter()
        .map(|sql| rows(store, sql))
        .collect()
    }

    #[test]
    fn events_counted_in_passes_are_counted_as_one_by_one() {
        let (docs, extractions) = extracted(&[
            "Russia attacked Ukraine on Friday. Russia attacked Ukraine on Friday.",
            "Russia attacked Ukraine on Friday, officials said. Iran accused Israel of sabotage.",
            "Russia attacked Ukraine on Saturday. Israel accused Iran of lying on Friday.",
            "Iran accused Israel of sabotage, and Russia attacked Ukraine on Friday.",
            "Kenya did not attack Uganda. Kenya and Uganda signed a trade deal on Monday.",
            "Iran accused Israel of sabotage on Friday. Russia attacked Ukraine on Friday.",
        ]);
        let pairs: Vec<(&Document, &Extraction)> = docs.iter().zip(&extractions).collect();
        let load = |store: &mut Store| {
            for chunk in pairs.chunks(3) {
                store.insert_batch(chunk).unwrap();
            }
        };
        let mut one_by_one = Store::open_in_memory().unwrap();
        load(&mut one_by_one);
        // Passes within transactions (every 2 events) and at their commits, adding to groups
        // and edges counted by earlier passes and transactions.
        let mut in_passes = Store::open_in_memory().unwrap();
        in_passes.passes = Some(Passes {
            above_groups: -1,
            events: 2,
        });
        load(&mut in_passes);
        let expected = aggregates(&one_by_one);
        assert!(expected[0].len() >= 4, "{:?}", expected[0]);
        assert!(
            expected[0].iter().any(|g| g[8] == Value::Integer(5)),
            "{:?}",
            expected[0]
        );
        assert_eq!(aggregates(&in_passes), expected);
        // One by one until there are more than two groups, then in passes, within the first
        // transaction.
        let mut switching = Store::open_in_memory().unwrap();
        switching.passes = Some(Passes {
            above_groups: 2,
            events: 2,
        });
        let cache = column(&switching, "PRAGMA cache_size");
        load(&mut switching);
        assert_eq!(aggregates(&switching), expected);
        // Passes run with a smaller page cache, and give it back.
        assert_eq!(column(&switching, "PRAGMA cache_size"), cache);
    }

    #[test]
    fn recode_replaces_extractions_whole_or_not_at_all() {
        let (docs, extractions) = extracted(&[
            "Russia attacked Ukraine on Friday. Iran accused Israel of sabotage.",
            "Russia attacked Ukraine on Friday, officials said.",
            "Kenya and Uganda signed a trade deal on Monday.",
        ]);
        let mut store = Store::open_in_memory().unwrap();
        let pairs: Vec<(&Document, &Extraction)> = docs.iter().zip(&extractions).collect();
        store.insert_batch(&pairs).unwrap();
        let everything = |store: &Store| {
            let mut all = aggregates(store);
            for sql in [
                // Group ids aside: passes number groups in another order (see `aggregates`).
                "SELECT id, document_id, sentence_id, source_id, target_id, attributed_id, cameo,
                        plover, date, relation_text
                 FROM events ORDER BY id",
                "SELECT * FROM mentions ORDER BY id",
                "SELECT * FROM actors ORDER BY id",
                "SELECT * FROM sentences ORDER BY id",
                "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'Russia' ORDER BY 1",
            ] {
                all.push(rows(store, sql));
            }
            all
        };
        let before = everything(&store);
        assert!(before[2].len() >= 3, "{:?}", before[2]);
        // The documents come back as they were given.
        let stored = store.documents_after(0, 10).unwrap();
        let ids: Vec<i64> = stored.iter().map(|(id, _)| *id).collect();
        assert_eq!(stored.into_iter().map(|(_, d)| d).collect::<Vec<_>>(), docs);
        assert_eq!(store.documents_after(ids[1], 10).unwrap().len(), 1);
        // A recode dropped halfway (an error, a kill) leaves everything as it was.
        {
            let mut batch = store.begin_recode().unwrap();
            batch.recode(ids[0], &Extraction::default()).unwrap();
        }
        assert_eq!(everything(&store), before);
        // Recoding with the same extractions, counting in passes, stores the same again.
        store.passes = Some(Passes {
            above_groups: -1,
            events: 2,
        });
        let mut batch = store.begin_recode().unwrap();
        for (id, extraction) in ids.iter().zip(&extractions) {
            batch.recode(*id, extraction).unwrap();
        }
        batch.commit().unwrap();
        assert_eq!(aggregates(&store), before[..3].to_vec());
        assert_eq!(everything(&store)[3..], before[3..]);
    }

    #[test]
    fn each_connection_has_its_own_page_cache() {
        // See .cargo/config.toml: the writer's page cache must not be shared with the
        // ingest reader's connection.
        let store = Store::open_in_memory().unwrap();
        let options = column(&store, "PRAGMA compile_options");
        assert!(
            options.contains(&Value::Text("THREADSAFE=1".into())),
            "{options:?}"
        );
        assert!(
            !options.contains(&Value::Text("ENABLE_MEMORY_MANAGEMENT".into())),
            "{options:?}"
        );
    }

    #[test]
    fn store_migrates_to_current_version() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn new_databases_take_the_large_page_size_and_old_ones_keep_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let page_size = |store: &Store| column(store, "PRAGMA page_size")[0].clone();
        let fresh = dir.path().join("new.db");
        let store = Store::open(&fresh).unwrap();
        assert_eq!(page_size(&store), Value::Integer(NEW_PAGE_SIZE));
        assert_eq!(
            page_size(&Store::open_in_memory().unwrap()),
            Value::Integer(NEW_PAGE_SIZE)
        );
        // A database made with 4 KB pages (as every geokg before this one did) keeps them, and
        // documents still go in.
        let old = dir.path().join("old.db");
        {
            let conn = Connection::open(&old).unwrap();
            conn.pragma_update(None, "page_size", 4096).unwrap();
            conn.execute_batch("CREATE TABLE before_geokg (x)").unwrap();
        }
        let mut store = Store::open(&old).unwrap();
        assert_eq!(page_size(&store), Value::Integer(4096));
        let d = doc("Russia attacked Ukraine on Friday.");
        store.insert(&d, &Extractor::builtin().extract(&d)).unwrap();
        assert_eq!(store.table_counts().unwrap()[0], ("documents", 1));
    }

    #[test]
    fn reports_of_one_event_share_its_group_and_edge() {
        let mut store = Store::open_in_memory().unwrap();
        let extractor = Extractor::builtin();
        // Twice in one article, then once in another: one event, three reports, two articles.
        let first = doc("Russia attacked Ukraine on Friday. Russia attacked Ukraine on Friday.");
        let second = doc("Russia attacked Ukraine on Friday, officials said.");
        store.insert(&first, &extractor.extract(&first)).unwrap();
        store.insert(&second, &extractor.extract(&second)).unwrap();
        assert_eq!(
            rows(
                &store,
                "SELECT g.cameo, g.date, g.reports, g.documents, count(e.id) FROM event_groups g
                 JOIN events e ON e.group_id = g.id GROUP BY g.id"
            ),
            vec![vec![
                Value::Text("190".into()),
                Value::Text("2025-09-19".into()),
                Value::Integer(3),
                Value::Integer(2),
                Value::Integer(3),
            ]]
        );
        assert_eq!(
            rows(
                &store,
                "SELECT plover, events, reports, documents, goldstein_sum FROM edge_stats"
            ),
            vec![vec![
                Value::Text("ASSAULT".into()),
                Value::Integer(1),
                Value::Integer(3),
                Value::Integer(2),
                Value::Real(-10.0),
            ]]
        );
    }

    #[test]
    fn a_group_spread_over_documents_and_batches_counts_each_once() {
        let mut store = Store::open_in_memory().unwrap();
        // Two articles in one transaction, then a third in another: one event, four reports
        // (the first article reports it twice), three articles.
        let (docs, extractions) = extracted(&[
            "Russia attacked Ukraine on Friday. Russia attacked Ukraine on Friday.",
            "Russia attacked Ukraine on Friday, officials said.",
            "Russia attacked Ukraine on Friday, witnesses said.",
        ]);
        store
            .insert_batch(&[(&docs[0], &extractions[0]), (&docs[1], &extractions[1])])
            .unwrap();
        store.insert(&docs[2], &extractions[2]).unwrap();
        assert_eq!(
            rows(
                &store,
                "SELECT g.reports, g.documents, count(e.id), count(DISTINCT e.document_id)
                 FROM event_groups g JOIN events e ON e.group_id = g.id GROUP BY g.id"
            ),
            vec![vec![
                Value::Integer(4),
                Value::Integer(3),
                Value::Integer(4),
                Value::Integer(3),
            ]]
        );
        assert_eq!(
            rows(
                &store,
                "SELECT events, reports, documents, goldstein_sum, first_date, last_date FROM edge_stats"
            ),
            vec![vec![
                Value::Integer(1),
                Value::Integer(4),
                Value::Integer(3),
                Value::Real(-10.0),
                Value::Text("2025-09-19".into()),
                Value::Text("2025-09-19".into()),
            ]]
        );
    }

    #[test]
    fn store_insert_twice_is_a_no_op() {
        let mut store = Store::open_in_memory().unwrap();
        let d = doc("Russia attacked Ukraine on Friday. Kyiv condemned the attack.");
        let extraction = Extractor::builtin().extract(&d);
        assert!(matches!(
            store.insert(&d, &extraction).unwrap(),
            InsertOutcome::Inserted { .. }
        ));
        let before = store.table_counts().unwrap();
        assert_eq!(
            store.insert(&d, &extraction).unwrap(),
            InsertOutcome::Duplicate
        );
        assert_eq!(store.table_counts().unwrap(), before);
        assert_eq!(before[0], ("documents", 1));
        assert_eq!(before[1], ("sentences", 2));
    }

    #[test]
    fn batch_dropped_uncommitted_stores_nothing_and_checks_keys_again() {
        let mut store = Store::open_in_memory().unwrap();
        let before = store.table_counts().unwrap();
        let d = doc("Russia attacked Ukraine on Friday.");
        let extraction = Extractor::builtin().extract(&d);
        let mut batch = store.begin_batch().unwrap();
        batch.insert(&d, &extraction).unwrap();
        drop(batch);
        assert_eq!(store.table_counts().unwrap(), before);
        assert_eq!(
            rows(&store, "PRAGMA foreign_keys"),
            vec![vec![Value::Integer(1)]]
        );
        // The document was never stored, so it goes in now.
        assert!(matches!(
            store.insert(&d, &extraction).unwrap(),
            InsertOutcome::Inserted { .. }
        ));
    }

    #[test]
    fn batch_rows_pass_the_foreign_key_check() {
        let mut store = Store::open_in_memory().unwrap();
        let (docs, extractions) = extracted(&[
            "Russia attacked Ukraine on Friday. Kyiv condemned the attack.",
            "Iran accused Israel of violating the ceasefire. Israel rejected the claim.",
        ]);
        let batch: Vec<(&Document, &Extraction)> = docs.iter().zip(&extractions).collect();
        store.insert_batch(&batch).unwrap();
        assert!(store.table_counts().unwrap()[5].1 > 0, "events were stored");
        assert_eq!(
            rows(&store, "PRAGMA foreign_key_check"),
            Vec::<Vec<Value>>::new()
        );
    }

    #[test]
    fn store_read_only_refuses_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        {
            let mut store = Store::open(&path).unwrap();
            let d = doc("Russia attacked Ukraine on Friday.");
            let extraction = Extractor::builtin().extract(&d);
            store.insert(&d, &extraction).unwrap();
        }
        let store = Store::open_read_only(&path).unwrap();
        let err = store.query("DELETE FROM events").unwrap_err();
        assert!(matches!(err, StoreError::ReadOnly), "{err}");
        assert_eq!(
            column(&store, "SELECT COUNT(*) FROM documents"),
            vec![Value::Integer(1)]
        );
    }

    #[test]
    fn store_full_text_search_finds_sentences() {
        let mut store = Store::open_in_memory().unwrap();
        let d = doc("Russia attacked Ukraine on Friday. Talks resumed in Geneva.");
        store.insert(&d, &Extractor::builtin().extract(&d)).unwrap();
        assert_eq!(
            rows(
                &store,
                "SELECT text FROM sentences_fts WHERE sentences_fts MATCH 'geneva'"
            ),
            vec![vec![Value::Text("Talks resumed in Geneva.".into())]]
        );
    }

    #[test]
    fn sentence_text_is_cut_from_its_document() {
        let mut store = Store::open_in_memory().unwrap();
        // Multi-byte characters before and inside a sentence: offsets are in bytes.
        let d = doc("Le président a parlé à Genève. Russia attacked Ukraine — again — on Friday.");
        let extraction = Extractor::builtin().extract(&d);
        store.insert(&d, &extraction).unwrap();
        let stored = column(&store, "SELECT text FROM sentences ORDER BY idx");
        let expected: Vec<Value> = extraction
            .sentences
            .iter()
            .map(|s| Value::Text(s.text(&d.text).to_string()))
            .collect();
        assert_eq!(stored.len(), 2);
        assert_eq!(stored, expected);
        // Deleting the document by hand takes its sentences out of the full-text index.
        let found = |store: &Store| {
            rows(
                store,
                "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'again'",
            )
            .len()
        };
        assert_eq!(found(&store), 1);
        store.execute_batch("DELETE FROM documents").unwrap();
        assert_eq!(found(&store), 0);
        store
            .execute_batch("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")
            .unwrap();
    }

    #[test]
    fn sentence_events_are_those_of_that_sentence_only() {
        let mut store = Store::open_in_memory().unwrap();
        let (docs, extractions) = extracted(&[
            "Russia attacked Ukraine on Friday. Ukraine accused Russia of war crimes.",
            "France condemned Russia on Monday. Germany met Ukraine in Berlin.",
        ]);
        for (d, x) in docs.iter().zip(&extractions) {
            store.insert(d, x).unwrap();
        }
        let sentences = column(&store, "SELECT id FROM sentence_spans ORDER BY id");
        assert_eq!(sentences.len(), 4);
        let mut with_events = 0;
        for id in sentences {
            let Value::Integer(id) = id else {
                panic!("{id:?}")
            };
            let expected = column(
                &store,
                &format!("SELECT id FROM events WHERE sentence_id = {id} ORDER BY id"),
            );
            let found: Vec<Value> = store
                .sentence_events(id)
                .unwrap()
                .iter()
                .map(|e| Value::Integer(e.id))
                .collect();
            assert_eq!(found, expected);
            with_events += usize::from(!expected.is_empty());
        }
        assert!(with_events >= 3, "{with_events}");
    }

    #[test]
    fn migrated_database_keeps_its_sentences_text_and_search() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        std::fs::copy(
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v1.db"),
            &path,
        )
        .unwrap();
        let before: Vec<(i64, String)> = {
            let conn = Connection::open(&path).unwrap();
            let mut stmt = conn
                .prepare("SELECT id, text FROM sentences ORDER BY id")
                .unwrap();
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
            rows.collect::<Result<_, _>>().unwrap()
        };
        assert!(!before.is_empty());
        let store = Store::open(&path).unwrap();
        let after: Vec<(i64, String)> = rows(&store, "SELECT id, text FROM sentences ORDER BY id")
            .into_iter()
            .map(|row| match (&row[0], &row[1]) {
                (Value::Integer(id), Value::Text(text)) => (*id, text.clone()),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(after, before);
        let word = before[0]
            .1
            .split_whitespace()
            .next()
            .unwrap()
            .trim_matches(|c: char| !c.is_alphanumeric());
        let hits = rows(
            &store,
            &format!("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH '\"{word}\"'"),
        );
        assert!(
            hits.contains(&vec![Value::Integer(before[0].0)]),
            "{word}: {hits:?}"
        );
    }

    #[test]
    fn aliases_are_names_not_pronouns() {
        let mut store = Store::open_in_memory().unwrap();
        let d = doc("Russia attacked Ukraine on Friday. It said Moscow would not stop.");
        store.insert(&d, &Extractor::builtin().extract(&d)).unwrap();
        let text = |v: &Value| match v {
            Value::Text(t) => t.clone(),
            other => format!("{other:?}"),
        };
        let aliases: Vec<Vec<String>> = rows(
            &store,
            "SELECT a.code, a.kind, group_concat(l.alias, '|') FROM actors a
             JOIN actor_aliases l ON l.actor_id = a.id
             WHERE a.code IN ('RUS', 'RUSGOV') GROUP BY a.id ORDER BY a.code",
        )
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
        assert_eq!(
            aliases,
            vec![
                vec!["RUS".to_string(), "country".into(), "Russia".into()],
                vec!["RUSGOV".to_string(), "government".into(), "Moscow".into()],
            ]
        );
    }

    #[test]
    fn bulk_indexes_are_the_schema_indexes_and_come_back() {
        let store = Store::open_in_memory().unwrap();
        let listed = |store: &Store| -> Vec<String> {
            column(
                store,
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
            )
            .into_iter()
            .map(|v| match v {
                Value::Text(t) => t,
                other => format!("{other:?}"),
            })
            .collect()
        };
        let all = listed(&store);
        for (name, _) in BULK_INDEXES {
            assert!(all.iter().any(|n| n == name), "{name} is not in the schema");
        }
        store.drop_bulk_indexes().unwrap();
        assert_eq!(
            Store::missing_indexes(&store.conn).unwrap(),
            BULK_INDEXES.len()
        );
        let before = rows(&store, "PRAGMA cache_size");
        store.ensure_indexes().unwrap();
        assert_eq!(listed(&store).len(), all.len());
        assert_eq!(Store::missing_indexes(&store.conn).unwrap(), 0);
        // The page cache, halved while the indexes were built, is whole again.
        assert_eq!(rows(&store, "PRAGMA cache_size"), before);
    }
}
