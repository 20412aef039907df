//! Read queries behind the graph commands: filtered edges, neighbourhoods, actors by name,
//! evidence, statistics, events, full-text search. All of them use indexes, so they stay fast
//! on databases of millions of events.

use super::{ActorRow, EdgeRow, Store, StoreError};
use rusqlite::{params_from_iter, types::Value as SqlValue, OptionalExtension};
use rustc_hash::FxHashSet;

/// Which counted events make up the edges.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EdgeFilter {
    /// Inclusive `YYYY-MM-DD` bounds on the event date.
    pub since: Option<String>,
    pub until: Option<String>,
    /// PLOVER types (empty: all).
    pub types: Vec<String>,
    /// GDELT quad classes (empty: all).
    pub quads: Vec<u8>,
}

impl EdgeFilter {
    fn dated(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }

    /// SQL conditions on an `event_groups` or `edge_stats` alias `x`, with their values.
    fn conditions(&self, values: &mut Vec<SqlValue>) -> String {
        let mut sql = String::new();
        if let Some(since) = &self.since {
            sql.push_str(" AND x.date >= ?");
            values.push(SqlValue::Text(since.clone()));
        }
        if let Some(until) = &self.until {
            sql.push_str(" AND x.date <> '' AND x.date <= ?");
            values.push(SqlValue::Text(until.clone()));
        }
        if !self.types.is_empty() {
            sql.push_str(&format!(
                " AND x.plover IN ({})",
                placeholders(self.types.len())
            ));
            values.extend(self.types.iter().map(|t| SqlValue::Text(t.clone())));
        }
        if !self.quads.is_empty() {
            sql.push_str(&format!(
                " AND x.quad_class IN ({})",
                placeholders(self.quads.len())
            ));
            values.extend(self.quads.iter().map(|q| SqlValue::Integer(*q as i64)));
        }
        sql
    }

    /// The aggregated-edge source: `edge_stats` when no date bounds, else distinct events.
    fn edge_source(&self, values: &mut Vec<SqlValue>) -> String {
        if self.dated() {
            format!(
                "(SELECT x.source_id, x.target_id, x.plover, x.quad_class, COUNT(*) AS events,
                         SUM(x.documents) AS documents, MIN(nullif(x.date, '')) AS first_date,
                         MAX(nullif(x.date, '')) AS last_date, AVG(x.goldstein) AS mean_goldstein
                  FROM event_groups x WHERE x.target_id IS NOT NULL {}
                  GROUP BY x.source_id, x.target_id, x.plover, x.quad_class)",
                self.conditions(values)
            )
        } else {
            let mut inner = Vec::new();
            let conditions = self.conditions(&mut inner);
            values.extend(inner);
            format!(
                "(SELECT x.source_id, x.target_id, x.plover, x.quad_class, x.events, x.documents,
                         x.first_date, x.last_date, x.goldstein_sum / x.events AS mean_goldstein
                  FROM edge_stats x WHERE 1 = 1 {conditions})"
            )
        }
    }
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// (source id, target id, distinct events) per pair, and the number of typed edges.
pub type PairWeights = (Vec<(i64, i64, u64)>, u64);

/// Above this many actors, a selection is tested in Rust rather than looked up in SQLite.
const WIDE_SELECTION: usize = 2_000;

/// ` AND` both ends of edge `e` among `ids` (nothing when `None`).
fn among_condition(among: Option<&[i64]>, values: &mut Vec<SqlValue>) -> String {
    let Some(ids) = among else {
        return String::new();
    };
    values.push(SqlValue::Text(ids_json(ids)));
    values.push(SqlValue::Text(ids_json(ids)));
    " AND e.source_id IN (SELECT value FROM json_each(?))
      AND e.target_id IN (SELECT value FROM json_each(?))"
        .to_string()
}

fn ids_json(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// Counts and extremes for `geokg stats`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoreStats {
    pub documents: u64,
    pub sentences: u64,
    pub events: u64,
    pub counted_events: u64,
    pub distinct_events: u64,
    pub actors: u64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// One event row for `geokg events` and `geokg search`.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub id: i64,
    pub date: Option<String>,
    pub source: String,
    pub source_code: String,
    pub plover: String,
    pub cameo: String,
    pub relation: String,
    pub target: Option<String>,
    pub target_code: Option<String>,
    pub negated: bool,
    pub modality: String,
    pub sentence: String,
    pub document: String,
}

/// Which events `geokg events` lists.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// Source (or either side, when `target` is not given) among these actors.
    pub actors: Vec<i64>,
    pub targets: Vec<i64>,
    pub filter: EdgeFilter,
    pub include_negated: bool,
    pub limit: usize,
}

/// `text` with the LIKE wildcards `%` and `_` (and the escape character) escaped by a backslash.
fn like_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Store {
    /// Actors whose code, name or alias is `query` (case-insensitive), or failing that whose
    /// name or alias contains it; true when the match was exact.
    pub fn find_actors(&self, query: &str) -> Result<(Vec<ActorRow>, bool), StoreError> {
        let q = query.trim();
        let exact = self.actor_rows(
            "SELECT id, name, code, kind, country FROM actors
             WHERE code = upper(?1) OR name = ?1 COLLATE NOCASE
                OR id IN (SELECT actor_id FROM actor_aliases WHERE alias = ?1 COLLATE NOCASE)
             ORDER BY name, code",
            &[SqlValue::Text(q.to_string())],
        )?;
        if !exact.is_empty() {
            return Ok((exact, true));
        }
        let pattern = format!("%{}%", like_escape(q));
        let partial = self.actor_rows(
            "SELECT id, name, code, kind, country FROM actors
             WHERE name LIKE ?1 ESCAPE '\\'
                OR id IN (SELECT actor_id FROM actor_aliases WHERE alias LIKE ?1 ESCAPE '\\')
             ORDER BY name, code LIMIT 50",
            &[SqlValue::Text(pattern)],
        )?;
        Ok((partial, false))
    }

    pub fn actors_by_id(&self, ids: &[i64]) -> Result<Vec<ActorRow>, StoreError> {
        self.actor_rows(
            "SELECT id, name, code, kind, country FROM actors
             WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id",
            &[SqlValue::Text(ids_json(ids))],
        )
    }

    fn actor_rows(&self, sql: &str, values: &[SqlValue]) -> Result<Vec<ActorRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
            Ok(ActorRow {
                id: r.get(0)?,
                name: r.get(1)?,
                code: r.get(2)?,
                kind: r.get(3)?,
                country: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Actors linked by a counted event to any of `ids` (either direction).
    pub fn neighbours(&self, ids: &[i64], filter: &EdgeFilter) -> Result<Vec<i64>, StoreError> {
        let mut values = Vec::new();
        let source = filter.edge_source(&mut values);
        let sql = format!(
            "WITH e AS {source}
             SELECT target_id FROM e WHERE source_id IN (SELECT value FROM json_each(?))
             UNION SELECT source_id FROM e WHERE target_id IN (SELECT value FROM json_each(?))"
        );
        values.push(SqlValue::Text(ids_json(ids)));
        values.push(SqlValue::Text(ids_json(ids)));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| r.get::<_, i64>(0))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// (source, target) of every edge with an end in `ids` (a pair may repeat, once per type).
    pub fn touching_pairs(
        &self,
        ids: &[i64],
        filter: &EdgeFilter,
    ) -> Result<Vec<(i64, i64)>, StoreError> {
        let mut values = Vec::new();
        let source = filter.edge_source(&mut values);
        let sql = format!(
            "WITH e AS {source}
             SELECT source_id, target_id FROM e WHERE source_id IN (SELECT value FROM json_each(?))
             UNION SELECT source_id, target_id FROM e WHERE target_id IN (SELECT value FROM json_each(?))"
        );
        values.push(SqlValue::Text(ids_json(ids)));
        values.push(SqlValue::Text(ids_json(ids)));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Aggregated edges, optionally only among `among`, without evidence (see
    /// [`Store::evidence`]); sorted deterministically.
    pub fn filtered_edges(
        &self,
        filter: &EdgeFilter,
        among: Option<&[i64]>,
    ) -> Result<Vec<EdgeRow>, StoreError> {
        let mut values = Vec::new();
        let source = filter.edge_source(&mut values);
        let mut sql = format!(
            "SELECT e.source_id, e.target_id, e.plover, e.quad_class, e.events, e.documents,
                    e.first_date, e.last_date, e.mean_goldstein
             FROM {source} e"
        );
        sql.push_str(" WHERE 1 = 1");
        sql.push_str(&among_condition(among, &mut values));
        let mut stmt = self.conn.prepare(&sql)?;
        type Raw = (
            i64,
            i64,
            String,
            u8,
            i64,
            i64,
            Option<String>,
            Option<String>,
            f64,
        );
        let raw: Vec<Raw> = stmt
            .query_map(params_from_iter(values.iter()), |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mut ids: Vec<i64> = raw.iter().flat_map(|r| [r.0, r.1]).collect();
        ids.sort_unstable();
        ids.dedup();
        let actors: std::collections::HashMap<i64, ActorRow> = self
            .actors_by_id(&ids)?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
        let mut rows: Vec<EdgeRow> = raw
            .into_iter()
            .filter_map(
                |(s, t, plover, quad, events, documents, first, last, goldstein)| {
                    Some(EdgeRow {
                        source: actors.get(&s)?.clone(),
                        target: actors.get(&t)?.clone(),
                        plover,
                        quad_class: quad,
                        count: events as u64,
                        documents: documents as u64,
                        first_date: first,
                        last_date: last,
                        mean_goldstein: goldstein,
                        evidence: String::new(),
                    })
                },
            )
            .collect();
        rows.sort_by(|a, b| {
            (
                &a.source.name,
                &a.source.code,
                &a.target.name,
                &a.target.code,
                &a.plover,
            )
                .cmp(&(
                    &b.source.name,
                    &b.source.code,
                    &b.target.name,
                    &b.target.code,
                    &b.plover,
                ))
        });
        Ok(rows)
    }

    /// Distinct events per (source, target) pair, over typed edges with at least `min_count`
    /// events, optionally only among `among`; with the number of typed edges. What ranking
    /// actors needs, without names, so it stays fast on millions of events.
    pub fn pair_weights(
        &self,
        filter: &EdgeFilter,
        among: Option<&[i64]>,
        min_count: u64,
    ) -> Result<PairWeights, StoreError> {
        let mut values = Vec::new();
        let source = filter.edge_source(&mut values);
        let mut sql = format!(
            "SELECT e.source_id, e.target_id, SUM(e.events), COUNT(*) FROM {source} e
             WHERE e.events >= ?"
        );
        values.push(SqlValue::Integer(min_count as i64));
        // Thousands of ids are faster to test here than to look up one by one in SQLite.
        let wide: Option<FxHashSet<i64>> = among
            .filter(|ids| ids.len() > WIDE_SELECTION)
            .map(|ids| ids.iter().copied().collect());
        if wide.is_none() {
            sql.push_str(&among_condition(among, &mut values));
        }
        sql.push_str(" GROUP BY e.source_id, e.target_id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(values.iter()))?;
        let (mut pairs, mut typed) = (Vec::new(), 0u64);
        while let Some(r) = rows.next()? {
            let (s, t): (i64, i64) = (r.get(0)?, r.get(1)?);
            if wide
                .as_ref()
                .is_some_and(|ids| !ids.contains(&s) || !ids.contains(&t))
            {
                continue;
            }
            pairs.push((s, t, r.get::<_, i64>(2)? as u64));
            typed += r.get::<_, i64>(3)? as u64;
        }
        Ok((pairs, typed))
    }

    /// The most recent sentence stating an edge's events.
    pub fn evidence(
        &self,
        source: i64,
        target: i64,
        plover: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT se.text FROM events e JOIN sentences se ON se.id = e.sentence_id
                 WHERE e.source_id = ?1 AND e.target_id = ?2 AND e.plover = ?3 AND e.negated = 0
                 ORDER BY e.date DESC, se.text, e.id LIMIT 1",
            )?
            .query_row(rusqlite::params![source, target, plover], |r| r.get(0))
            .optional()?)
    }

    pub fn stats(&self) -> Result<StoreStats, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(StoreStats {
            documents: count("SELECT COUNT(*) FROM documents")?,
            sentences: count("SELECT COUNT(*) FROM sentence_spans")?,
            events: count("SELECT COUNT(*) FROM events")?,
            counted_events: count("SELECT COALESCE(SUM(reports), 0) FROM event_groups")?,
            distinct_events: count("SELECT COUNT(*) FROM event_groups")?,
            actors: count("SELECT COUNT(*) FROM actors")?,
            first_date: self.conn.query_row(
                "SELECT MIN(date) FROM events WHERE date IS NOT NULL",
                [],
                |r| r.get(0),
            )?,
            last_date: self.conn.query_row(
                "SELECT MAX(date) FROM events WHERE date IS NOT NULL",
                [],
                |r| r.get(0),
            )?,
        })
    }

    /// Events matching a query, most recent first.
    pub fn events(&self, query: &EventQuery) -> Result<Vec<EventRow>, StoreError> {
        let mut values: Vec<SqlValue> = Vec::new();
        let mut sql = String::from(
            "SELECT x.id, x.date, s.name, s.code, x.plover, x.cameo, x.relation_text, t.name, t.code,
                    x.negated, x.modality, se.text, coalesce(d.title, d.doc_id)
             FROM events x
             JOIN actors s ON s.id = x.source_id
             LEFT JOIN actors t ON t.id = x.target_id
             JOIN sentences se ON se.id = x.sentence_id
             JOIN documents d ON d.id = x.document_id
             WHERE 1 = 1",
        );
        if !query.include_negated {
            sql.push_str(" AND x.negated = 0");
        }
        match (query.actors.is_empty(), query.targets.is_empty()) {
            (false, true) => {
                sql.push_str(
                    " AND (x.source_id IN (SELECT value FROM json_each(?)) OR x.target_id IN (SELECT value FROM json_each(?)))",
                );
                values.push(SqlValue::Text(ids_json(&query.actors)));
                values.push(SqlValue::Text(ids_json(&query.actors)));
            }
            (false, false) => {
                sql.push_str(
                    " AND x.source_id IN (SELECT value FROM json_each(?)) AND x.target_id IN (SELECT value FROM json_each(?))",
                );
                values.push(SqlValue::Text(ids_json(&query.actors)));
                values.push(SqlValue::Text(ids_json(&query.targets)));
            }
            (true, false) => {
                sql.push_str(" AND x.target_id IN (SELECT value FROM json_each(?))");
                values.push(SqlValue::Text(ids_json(&query.targets)));
            }
            (true, true) => {}
        }
        sql.push_str(&query.filter.conditions(&mut values));
        sql.push_str(" ORDER BY x.date DESC, x.id DESC LIMIT ?");
        values.push(SqlValue::Integer(query.limit as i64));
        self.event_rows(&sql, &values)
    }

    fn event_rows(&self, sql: &str, values: &[SqlValue]) -> Result<Vec<EventRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
            Ok(EventRow {
                id: r.get(0)?,
                date: r.get(1)?,
                source: r.get(2)?,
                source_code: r.get(3)?,
                plover: r.get(4)?,
                cameo: r.get(5)?,
                relation: r.get(6)?,
                target: r.get(7)?,
                target_code: r.get(8)?,
                negated: r.get(9)?,
                modality: r.get(10)?,
                sentence: r.get(11)?,
                document: r.get(12)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Sentences matching a full-text query (FTS5 syntax), best first, with their document.
    pub fn search(
        &self,
        text: &str,
        limit: usize,
    ) -> Result<Vec<(i64, String, String)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.text, coalesce(d.title, d.doc_id) || coalesce(' (' || d.date || ')', '')
             FROM sentences_fts f
             JOIN sentences s ON s.id = f.rowid
             JOIN documents d ON d.id = s.document_id
             WHERE sentences_fts MATCH ?1
             ORDER BY rank LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![text, limit as i64], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Counted events stated in one sentence. Found through their document: events have no
    /// index by sentence, and scanning them all for each sentence made a search of 2000
    /// sentences take minutes on a 100 MB database.
    pub fn sentence_events(&self, sentence_id: i64) -> Result<Vec<EventRow>, StoreError> {
        self.event_rows(
            "SELECT x.id, x.date, s.name, s.code, x.plover, x.cameo, x.relation_text, t.name, t.code,
                    x.negated, x.modality, se.text, coalesce(d.title, d.doc_id)
             FROM events x
             JOIN actors s ON s.id = x.source_id
             LEFT JOIN actors t ON t.id = x.target_id
             JOIN sentences se ON se.id = x.sentence_id
             JOIN documents d ON d.id = x.document_id
             WHERE x.document_id = (SELECT document_id FROM sentence_spans WHERE id = ?1)
               AND x.sentence_id = ?1
             ORDER BY x.id",
            &[SqlValue::Integer(sentence_id)],
        )
    }
}
